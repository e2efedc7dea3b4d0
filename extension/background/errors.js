// Turns any failure of a capture into a stable code and a sentence a parent can read, in the
// language chosen for every screen.
import { t } from '../shared/i18n.js';

/** An error whose `code` the pages can switch on. */
export class CaptureError extends Error {
  /** @param {import('../shared/types.js').ErrorCode} code @param {string} message */
  constructor(code, message) {
    super(message);
    this.name = 'CaptureError';
    this.code = code;
  }
}

/**
 * The person cancelled (« Annuler », Escape): not a failure. Its code, `cancelled`, is not one of
 * the journal's error codes; no failure is shown for it and nothing is written.
 */
export class CaptureCancelled extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'CaptureCancelled';
    /** @type {'cancelled'} */
    this.code = 'cancelled';
  }
}

/** Whether the capture ended because the person cancelled it. @param {unknown} e */
export function isCancelled(e) {
  return e instanceof CaptureCancelled;
}

// The browsers' own refusals: internal and store pages, other extensions, hosts not granted.
// Anything else (a tab closed, a frame gone) is a failure, not a page that cannot be read.
const NOT_SCRIPTABLE = /cannot access (contents of|a [\w-]+:\/\/ url)|cannot be scripted|missing host permission/i;

// The document went away under the capture: a navigation, a reload, the tab closed.
const PAGE_GONE = /frame (with id \d+ )?(was )?removed|no frame with id|no tab with id|document .*(unloaded|navigated)|target .*closed/i;

/** Whether the page the capture started on is gone. @param {unknown} e */
export function isPageGone(e) {
  return PAGE_GONE.test(String(/** @type {any} */ (e)?.message ?? e));
}

/** Whether the browser refused to let the extension read the page. @param {unknown} e */
export function isNotScriptable(e) {
  return NOT_SCRIPTABLE.test(String(/** @type {any} */ (e)?.message ?? e));
}

/**
 * @param {unknown} e
  * @returns {{ code: import('../shared/types.js').ErrorCode, message: string }}
 */
export function describeFailure(e) {
  const err = /** @type {{ name?: string, code?: unknown, message?: string }} */ (e ?? {});
  const text = String(err.message ?? e);
    // A code from the core or from CaptureError (both ErrorCode), else `unexpected`.
  /** @type {import('../shared/types.js').ErrorCode} */
  let code = typeof err.code === 'string' ? /** @type {import('../shared/types.js').ErrorCode} */ (err.code) : 'unexpected';
  if (err.name === 'QuotaExceededError' || /quota/i.test(text)) code = 'storage-full';
  else if (code === 'unexpected' && isPageGone(e)) code = 'page-changed';
  else if (code === 'unexpected' && isNotScriptable(e)) code = 'page-not-scriptable';
  /** @type {Partial<Record<import('../shared/types.js').ErrorCode, string>>} */
  const sentences = {
    'storage-full': t('errorStorageFull'),
    'page-not-scriptable': t('errorPageNotScriptable'),
    'page-not-capturable': t('errorPageNotCapturable'),
    'page-changed': t('errorPageChanged'),
  };
  const reason = sentences[code] ?? (err instanceof CaptureError ? text : t('errorUnexpected', [text]));
  return { code, message: t('captureFailed', [reason]) };
}

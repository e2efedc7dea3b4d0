// Calls into the helpers that extension/content/collect-page.js leaves in the captured document.
import { CaptureError } from './errors.js';
import { pageAnswer } from './page-answers.js';

/**
 * What each helper of collect-page.js resolves to.
 * @typedef {{
 *   collect: import('../shared/types.js').CollectedPage,
 *   measure: import('../shared/types.js').PageMeasure,
 *   scrollTo: number,
 *   restore: void,
 * }} PageHelpers
 */

/**
 * Calls a helper of collect-page.js in the page.
 * @template {keyof PageHelpers} Name
 * @param {number} tabId @param {number} frameId @param {Name} name @param {unknown[]} [args]
 * @returns {Promise<PageHelpers[Name]>}
 */
export function inPage(tabId, frameId, name, args = []) {
  // The page's reading is its HTML and copy: millions of characters, carried by a message.
  return /** @type {Promise<PageHelpers[Name]>} */ (callInPage('temoinPage', tabId, frameId, name, args, name === 'collect'));
}

/** How the answers asked for by message came: for the tests, which path a capture took. */
export const answersCarried = { byMessage: 0, byResult: 0 };

/**
 * Calls `name` among the helpers a content script left in the document under `global`
 * (`temoinPage`, `temoinConversation`).
 * @param {string} global @param {number} tabId @param {number} frameId @param {string} name
 * @param {unknown[]} args
 * @param {boolean} [byMessage] the answer carried by a message (page-answers.js), for large ones
 * @returns {Promise<unknown>}
 */
export async function callInPage(global, tabId, frameId, name, args, byMessage = false) {
  const message = byMessage ? pageAnswer(tabId, frameId) : null;
  try {
    const script = chrome.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      // A failure in the page comes back as a value: the browser would drop a thrown error.
      func: async (/** @type {string} */ g, /** @type {string} */ fn, /** @type {unknown[]} */ a, /** @type {string | null} */ token) => {
        // The helpers live in the document they were injected into: missing, the page was replaced.
        const helpers = /** @type {Record<string, Record<string, (...args: unknown[]) => unknown> | undefined>} */ (/** @type {unknown} */ (globalThis))[g];
        if (!helpers) return { gone: true };
        let value;
        try {
          value = await helpers[fn](...a);
        } catch (e) {
          return { error: String(/** @type {Error | undefined} */ (e)?.stack ?? e) };
        }
        // A small answer goes back as the result: a message would only add a round trip.
        const chars = value && typeof value === 'object' ? Object.values(value).reduce((n, v) => n + (typeof v === 'string' ? v.length : 0), 0) : 0;
        if (token === null || chars < 1 << 18) return { value };
        // Taken by the worker once this resolves to true; otherwise the answer goes back as the
        // script's result. A message over the browser's size limit (64 MiB) throws at the call
        // itself rather than rejecting, hence the try around the await.
        let taken = false;
        try {
          taken = (await chrome.runtime.sendMessage({ temoinAnswer: token, value })) === true;
        } catch {
          // Too large, or no listener: the result carries it.
        }
        return taken ? { sent: true } : { value };
      },
      args: [global, name, args, message?.token ?? null],
    });
    // The message's answer as soon as it arrives (the script's own end comes later, after the
    // page's reply is delivered); the script's result for a failure, or when the answer could
    // not go by message.
    const scripted = script.then((r) => ({ script: r }));
    const first = message ? await Promise.race([scripted, message.received.then((value) => ({ value }))]) : await scripted;
    if ('value' in first) {
      script.catch(() => {});
      answersCarried.byMessage += 1;
      return first.value;
    }
    const [result] = first.script;
    const answer = /** @type {{ value?: unknown, error?: string, gone?: boolean, sent?: boolean } | undefined} */ (result?.result);
    if (!answer) throw new Error(`${name}: the page gave no answer`);
    if (answer.gone) throw new CaptureError('page-changed', `${name}: the page was replaced during the capture`);
    if (answer.error !== undefined) throw new Error(`${name} failed in the page: ${answer.error}`);
    if (answer.sent && message) {
      answersCarried.byMessage += 1;
      return await message.received;
    }
    if (message) answersCarried.byResult += 1;
    return answer.value;
  } finally {
    message?.release();
  }
}

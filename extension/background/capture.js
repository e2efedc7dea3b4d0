// One capture, end to end: what the user sees, the page and the post, hashed and sealed by
// the core, then stored with the new journal head in one transaction. Screenshots first (the
// closest to what the user saw), then the page; anything that cannot be had is said in the
// record (`notices`), never silently dropped, and nothing half-written ever lands.
import { core, ready } from '../shared/core.js';
import { appendEvent } from '../shared/journal.js';
import { captureSettings, currentCaseId, reportLanguage } from '../shared/settings.js';
import { getHead } from '../shared/store.js';
import { t } from '../shared/i18n.js';
import { captionTimes } from '../shared/dates.js';
import { captureVisibleTab, dataUrlBytes } from './screenshot.js';
import { crop, stitch, withCaption } from './images.js';
import { environment } from './environment.js';
import { CaptureError, isNotScriptable, isPageGone } from './errors.js';

/** Largest HTML kept per document, in characters; beyond it the record says it was cut. */
const MAX_HTML_CHARS = 20 * 1024 * 1024;
/** The full page stops at this many screens or device pixels (a canvas has limits). */
const MAX_FULL_PAGE_SCREENS = 30;
const MAX_FULL_PAGE_DEVICE_PX = 30_000;
const CONTENT_FILES = ['extension/content/extract-post.js', 'extension/content/collect-page.js'];
// Captures of different tabs race for the next number; each round one of them wins, so this
// bounds the retries of one capture among many started together.
const APPEND_ATTEMPTS = 64;

/**
 * @typedef {import('../shared/store.js').NewArtifact & { method: string }} CapturedArtifact
 * @typedef {{ seq: number, hash: string, json: string, caseId: string }} CaptureResult
 */

/**
 * Calls a helper of collect-page.js in the page.
 * @param {number} tabId @param {number} frameId @param {string} name @param {unknown[]} [args]
 * @returns {Promise<any>}
 */
async function inPage(tabId, frameId, name, args = []) {
  const [result] = await chrome.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    // A failure in the page comes back as a value: the browser would drop a thrown error.
    func: async (/** @type {string} */ fn, /** @type {unknown[]} */ a) => {
      // The helpers live in the document they were injected into: missing, the page was replaced.
      const helpers = /** @type {any} */ (globalThis).temoinPage;
      if (!helpers) return { gone: true };
      try {
        return { value: await helpers[fn](...a) };
      } catch (e) {
        return { error: String(/** @type {any} */ (e)?.stack ?? e) };
      }
    },
    args: [name, args],
  });
  const answer = /** @type {{ value?: any, error?: string, gone?: boolean } | undefined} */ (result?.result);
  if (!answer) throw new Error(`${name}: the page gave no answer`);
  if (answer.gone) throw new CaptureError('page-changed', `${name}: the page was replaced during the capture`);
  if (answer.error !== undefined) throw new Error(`${name} failed in the page: ${answer.error}`);
  return answer.value;
}

/**
 * MHTML of the tab, or null. Its generation sometimes fails once right after a navigation or
 * a right-click, so it is tried twice before the record says it failed.
 * @param {any} pageCapture @param {number} tabId
 */
async function saveAsMhtml(pageCapture, tabId) {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      /** @type {Blob | undefined} */
      const blob = await pageCapture.saveAsMHTML({ tabId });
      if (blob) return new Uint8Array(await blob.arrayBuffer());
    } catch (e) {
      console.warn('MHTML capture failed', e);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return null;
}

/**
 * Reads the page in the captured frame: its HTML, snapshot, frames and post. A page the
 * browser refuses to let extensions read gives `page: null` and says why; a page that went
 * away fails the capture.
 * @param {number} tabId @param {number} frameId @param {string | undefined} platform
 * @returns {Promise<{ page: any, unreadable: string[] }>}
 */
async function readPage(tabId, frameId, platform) {
  try {
    await chrome.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: CONTENT_FILES });
    return { page: await inPage(tabId, frameId, 'collect', [platform, { maxHtmlChars: MAX_HTML_CHARS }]), unreadable: [] };
  } catch (e) {
    if (e instanceof CaptureError) throw e;
    if (isPageGone(e)) throw new CaptureError('page-changed', String(/** @type {any} */ (e)?.message ?? e));
    if (isNotScriptable(e)) return { page: null, unreadable: ['screenshot-only'] };
    // The page defeated the reader: the screenshot stands alone, and the record says why.
    console.warn('reading the page failed', e);
    return { page: null, unreadable: ['screenshot-only', 'page-read-failed'] };
  }
}

/** @param {Partial<chrome.contextMenus.OnClickData>} info */
function trigger(info) {
  return { 'temoin-capture': 'menu', 'capture-tab': 'command', 'capture-active-tab': 'popup' }[String(info.menuItemId)] ?? 'script';
}

/**
 * The whole page by scroll-and-stitch, fixed and sticky elements shown once.
 * @param {number} tabId @param {number} windowId
 */
async function fullPage(tabId, windowId) {
  const m = await inPage(tabId, 0, 'measure');
  if (m.pageHeight <= m.height + 1 && m.y === 0) return { fitsViewport: true };
  const maxCss = Math.min(MAX_FULL_PAGE_SCREENS * m.height, Math.floor(MAX_FULL_PAGE_DEVICE_PX / m.dpr));
  const total = Math.min(m.pageHeight, maxCss);
  /** @type {{ png: Uint8Array<ArrayBuffer>, y: number }[]} */
  const screens = [];
  try {
    for (let top = 0; top < total; top += m.height) {
      const y = await inPage(tabId, 0, 'scrollTo', [top, screens.length > 0]);
      screens.push({ png: await captureVisibleTab(windowId), y: Math.round(y * m.dpr) });
      if (y + m.height >= m.pageHeight) break;
    }
  } finally {
    await inPage(tabId, 0, 'restore', [m.x, m.y]);
  }
  const png = await stitch(screens, Math.round(total * m.dpr));
  return { png, capped: m.pageHeight > total, screens: screens.length, cssHeight: total, pageHeight: m.pageHeight, dpr: m.dpr };
}

/** The capture under way in each tab: a second one waits for it (both would scroll the page). */
/** @type {Map<number, Promise<unknown>>} */
const busyTabs = new Map();

/**
 * The handler of the context menu, the keyboard command and the popup button. Captures of one
 * tab run one after the other; captures of different tabs run side by side.
 * @param {Partial<chrome.contextMenus.OnClickData>} info
 * @param {chrome.tabs.Tab | undefined} tab
 * @param {string} [caseId] the case to add it to; the current case by default
 * @returns {Promise<CaptureResult>}
 */
export function capture(info, tab, caseId) {
  const tabId = tab?.id;
  if (tabId === undefined) return captureTab(info, tab, caseId);
  const run = (busyTabs.get(tabId) ?? Promise.resolve()).catch(() => {}).then(() => captureTab(info, tab, caseId));
  busyTabs.set(tabId, run);
  const forget = () => {
    if (busyTabs.get(tabId) === run) busyTabs.delete(tabId);
  };
  run.then(forget, forget);
  return run;
}

/**
 * One capture of one tab.
 * @param {Partial<chrome.contextMenus.OnClickData>} info
 * @param {chrome.tabs.Tab | undefined} tab
 * @param {string} [caseId]
 * @returns {Promise<CaptureResult>}
 */
async function captureTab(info, tab, caseId) {
  if (!tab || tab.id === undefined || tab.id < 0) {
    throw new CaptureError('no-tab', 'there is no tab to capture');
  }
  const tabId = tab.id;
  const current = await chrome.tabs.get(tabId);
  if (!current.active) {
    // captureVisibleTab shows the window's active tab: any other tab would be misrecorded.
    throw new CaptureError('tab-not-visible', 'the tab to capture is not the one shown in its window');
  }
  await ready();
  const [targetCase, lang, settings] = await Promise.all([caseId ?? currentCaseId(), reportLanguage(), captureSettings()]);
  const started = new Date();
  const capturedAt = started.toISOString();
  const frameId = info.frameId ?? 0;
  const recognised = core.recognise(current.url ?? info.pageUrl ?? '');
  /** @type {string[]} */
  const notices = [];
  /** @type {CapturedArtifact[]} */
  const artifacts = [];

  // The screenshot, the page's reading and its MHTML all only read the page: they run side by
  // side (none scrolls or changes what is shown; the full page comes after all three).
  // Chromium only; looked up by name so that Firefox's linter does not flag a call it lacks.
  const pageCapture = /** @type {any} */ (chrome)['pageCapture'];
  const hasMhtml = typeof pageCapture?.saveAsMHTML === 'function';
  const visibleTaken = captureVisibleTab(current.windowId);
  const pageRead = readPage(tabId, frameId, recognised?.platform);
  const mhtmlTaken = hasMhtml ? saveAsMhtml(pageCapture, tabId) : Promise.resolve(null);
  // Whatever fails first, none of the others may end as an unhandled rejection.
  pageRead.catch(() => {});

  let visible;
  try {
    visible = await visibleTaken;
  } catch (e) {
    throw new CaptureError('page-not-capturable', String(/** @type {any} */ (e)?.message ?? e));
  }
  artifacts.push({ name: 'screenshot-visible.png', mediaType: 'image/png', bytes: visible, method: 'tabs.captureVisibleTab (PNG)' });

  const { page, unreadable } = await pageRead;
  notices.push(...unreadable);

  /** @type {Uint8Array<ArrayBuffer> | null} */
  let postCrop = null;
  let scale = 1;
  if (page) {
    scale = page.devicePixelRatio || 1;
    notices.push(...page.notices);
    const truncated = page.notices.includes('html-truncated') ? ` (cut at ${MAX_HTML_CHARS} characters)` : '';
    artifacts.push({
      name: 'page.html',
      mediaType: 'text/html;charset=utf-8',
      bytes: new TextEncoder().encode(page.html),
      method: `document.documentElement.getHTML with ${page.shadowRoots} shadow root(s), isolated world${truncated}`,
    });
    artifacts.push({
      name: 'snapshot.html',
      mediaType: 'text/html;charset=utf-8',
      bytes: new TextEncoder().encode(page.snapshot),
      method: 'self-contained copy: scripts and handlers removed, readable styles and images inlined, CSP forbids network loads',
    });
    page.frames.forEach((/** @type {any} */ f, /** @type {number} */ i) => {
      if (f.html) {
        artifacts.push({ name: `frame-${i + 1}.html`, mediaType: 'text/html;charset=utf-8', bytes: new TextEncoder().encode(f.html.slice(0, MAX_HTML_CHARS)), method: 'same-origin frame, documentElement.outerHTML' });
      }
    });
    if (page.targetImage) {
      artifacts.push({ name: 'image.png', mediaType: 'image/png', bytes: await dataUrlBytes(page.targetImage), method: 'right-clicked image, drawn from the page as displayed' });
    } else if (info.srcUrl) {
      notices.push('image-not-readable');
    }
    if (page.post === null && frameId === 0 && trigger(info) === 'menu') notices.push('post-not-found');
  }

  // Taken before the full-page stitch scrolls: the page as the user left it.
  const mhtml = await mhtmlTaken;
  if (hasMhtml && page) {
    if (mhtml) artifacts.push({ name: 'page.mhtml', mediaType: 'multipart/related', bytes: mhtml, method: 'pageCapture.saveAsMHTML' });
    else notices.push('mhtml-failed');
  } else if (page) {
    notices.push('mhtml-unavailable');
  }

  let full = null;
  if (page && settings.fullPage && frameId === 0) {
    full = await fullPage(tabId, current.windowId);
    if (full.fitsViewport) {
      notices.push('full-page-is-visible');
    } else if (full.png) {
      if (full.capped) notices.push('full-page-capped');
      artifacts.push({
        name: 'screenshot-full.png',
        mediaType: 'image/png',
        bytes: full.png,
        method: `scroll-and-stitch of ${full.screens} tabs.captureVisibleTab screens${full.capped ? `, capped at ${full.cssHeight} of ${full.pageHeight} CSS pixels` : ''}`,
      });
    }
  } else if (page && !settings.fullPage) {
    notices.push('full-page-off');
  }

  if (page?.postBox && frameId === 0) {
    const box = page.postBox;
    const inView = box.y >= 0 && box.y + box.height <= page.viewport.height;
    const source = !inView && full?.png ? { png: full.png, top: page.scroll.y } : { png: visible, top: 0 };
    const cut = await crop(source.png, { x: box.x * scale, y: (box.y + source.top) * scale, width: box.width * scale, height: box.height * scale });
    if (cut) {
      if (cut.clipped) notices.push('post-crop-clipped');
      postCrop = cut.png;
      artifacts.push({ name: 'screenshot-post.png', mediaType: 'image/png', bytes: cut.png, method: `crop of ${source.png === visible ? 'screenshot-visible.png' : 'screenshot-full.png'} to the post's box (CSS pixels × ${scale})` });
    }
  } else if (page?.post && frameId !== 0) {
    notices.push('post-in-frame-not-cropped');
  }

  // Still the document the capture started on: a navigation meanwhile would mix two pages'
  // files. (An address the page changes through its history API keeps the document: fine.)
  if (page) {
    await inPage(tabId, frameId, 'measure');
  } else {
    const now = await chrome.tabs.get(tabId).catch(() => null);
    if (!now || now.url !== current.url) throw new CaptureError('page-changed', `the tab now shows ${now?.url ?? 'nothing'}`);
  }

  const env = await environment(current, started);
  const record = core.completeCapture(
    {
      page: {
        url: page?.url ?? current.url ?? '',
        title: page?.title ?? current.title ?? '',
        tabUrl: page && current.url && current.url !== page.url ? current.url : undefined,
        lang: page?.lang,
        redirectCount: page?.redirectCount,
      },
      capturedAt,
      artifacts: [],
      post: page?.post ?? undefined,
      context: {
        trigger: trigger(info),
        menuContext: info.selectionText ? 'selection' : info.srcUrl ? 'image' : info.linkUrl ? 'link' : info.menuItemId === 'temoin-capture' ? 'page' : undefined,
        selectionText: info.selectionText ?? page?.selection,
        linkUrl: info.linkUrl,
        srcUrl: info.srcUrl,
        frameUrl: info.frameUrl,
        frameId,
      },
      environment: { ...env, viewport: page?.viewport, devicePixelRatio: page?.devicePixelRatio, scroll: page?.scroll },
      frames: (page?.frames ?? []).map((/** @type {any} */ f) => ({ url: f.url, sameOrigin: f.sameOrigin, captured: !!f.html })),
      notices: [...new Set(notices)],
    },
    lang,
  );

  // Digests of what does not depend on the entry's number, computed once.
  const described = artifacts.map((a) => ({ name: a.name, mediaType: a.mediaType, size: a.bytes.byteLength, sha256: core.sha256Hex(a.bytes), method: a.method }));
  for (let attempt = 0; ; attempt += 1) {
    const seq = ((await getHead(targetCase))?.seq ?? 0) + 1;
    /** @type {CapturedArtifact[]} */
    const extra = [];
        if (postCrop) {
      const times = captionTimes(capturedAt);
      const lines = [
        t('captionTitle', [String(seq)]),
        t('captionTime', [times.local, times.utc]),
        record.page.url,
      ];
      extra.push({ name: 'screenshot-post-captioned.png', mediaType: 'image/png', bytes: await withCaption(postCrop, lines, scale), method: 'copy of screenshot-post.png with a caption band (capture number, time, address); the original is unchanged' });
    }
    const all = [...artifacts, ...extra];
    const body = {
      kind: 'capture',
      ...record,
      artifacts: [...described, ...extra.map((a) => ({ name: a.name, mediaType: a.mediaType, size: a.bytes.byteLength, sha256: core.sha256Hex(a.bytes), method: a.method }))],
    };
    try {
      const sealed = await appendEvent(targetCase, body, { artifacts: all, expectSeq: seq });
      return { ...sealed, caseId: targetCase };
    } catch (e) {
      if (/** @type {any} */ (e)?.code !== 'head-moved' || attempt + 1 >= APPEND_ATTEMPTS) throw e;
    }
  }
}

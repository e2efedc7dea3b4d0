// The capture's reading of the page: its HTML, self-contained snapshot, frames and the post, as
// extension/content/collect-page.js and extract-post.js find them in the captured frame.
import { dataUrlBytes } from './screenshot.js';
import { inPage } from './in-page.js';
import { hashedNow, trigger } from './capture-record.js';
import { CaptureError, isNotScriptable, isPageGone } from './errors.js';
import { utf8 } from '../shared/utf8.js';

/** Largest HTML kept per document, in characters; beyond it the record says it was cut. */
const MAX_HTML_CHARS = 20 * 1024 * 1024;
// The readers first: extract-post.js uses them, and collect-page.js calls extract-post.js.
const CONTENT_FILES = ['extension/content/read-block.js', 'extension/content/read-structured.js', 'extension/content/extract-post.js', 'extension/content/collect-page.js'];

/**
 * @typedef {import('./capture-types.js').CaptureStep} CaptureStep
 * @typedef {import('./capture-types.js').CapturedArtifact} CapturedArtifact
 * @typedef {import('../shared/types.js').CollectedPage} CollectedPage
 */

/**
 * The page's files and what was found of the post. `page` is null when the page could not be
 * read: the screenshot then stands alone, and the notices say why.
 * @param {number} tabId @param {number} frameId @param {string | undefined} platform
 * @param {Partial<chrome.contextMenus.OnClickData>} info
 * @returns {Promise<CaptureStep & { page: CollectedPage | null }>}
 */
export async function takePage(tabId, frameId, platform, info) {
  const { page, unreadable } = await readPage(tabId, frameId, platform);
  if (!page) return { artifacts: [], notices: unreadable, page };
  const notices = [...page.notices];
  const truncated = page.notices.includes('html-truncated') ? ` (cut at ${MAX_HTML_CHARS} characters)` : '';
  // Each file hashed as soon as it is made: the browser is still making the MHTML meanwhile.
  /** @type {CapturedArtifact[]} */
  const artifacts = [
    hashedNow({
      name: 'page.html',
      mediaType: 'text/html;charset=utf-8',
      bytes: utf8(page.html),
      method: `document.documentElement.getHTML with ${page.shadowRoots} shadow root(s), isolated world${truncated}`,
    }),
    hashedNow({
      name: 'snapshot.html',
      mediaType: 'text/html;charset=utf-8',
      bytes: utf8(page.snapshot),
      method: 'self-contained copy: scripts and handlers removed, data-* values over 1,024 characters emptied (page.html keeps them), readable styles and images inlined, CSP forbids network loads',
    }),
  ];
  page.frames.forEach((f, i) => {
    if (f.html) {
      if (f.html.length > MAX_HTML_CHARS) notices.push('frame-html-truncated');
      artifacts.push(hashedNow({ name: `frame-${i + 1}.html`, mediaType: 'text/html;charset=utf-8', bytes: utf8(f.html.slice(0, MAX_HTML_CHARS)), method: 'same-origin frame, documentElement.outerHTML' }));
    }
  });
  if (page.targetImage) {
    artifacts.push(hashedNow({ name: 'image.png', mediaType: 'image/png', bytes: await dataUrlBytes(page.targetImage), method: 'right-clicked image, drawn from the page as displayed' }));
  } else if (info.srcUrl) {
    notices.push('image-not-readable');
  }
  if (page.post === null && frameId === 0 && trigger(info) === 'menu') notices.push('post-not-found');
  return { artifacts, notices, page };
}

/**
 * Reads the page in the captured frame: its HTML, snapshot, frames and post. A page the
 * browser refuses to let extensions read gives `page: null` and says why; a page that went
 * away fails the capture.
 * @param {number} tabId @param {number} frameId @param {string | undefined} platform
 * @returns {Promise<{ page: CollectedPage | null, unreadable: import('../shared/types.js').CaptureNotice[] }>}
 */
async function readPage(tabId, frameId, platform) {
  try {
    await chrome.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: CONTENT_FILES });
    return { page: await inPage(tabId, frameId, 'collect', [platform, { maxHtmlChars: MAX_HTML_CHARS }]), unreadable: [] };
  } catch (e) {
    if (e instanceof CaptureError) throw e;
    if (isPageGone(e)) throw new CaptureError('page-changed', String(/** @type {Error | undefined} */ (e)?.message ?? e));
    if (isNotScriptable(e)) return { page: null, unreadable: ['screenshot-only'] };
    // The page defeated the reader: the screenshot stands alone, and the record says why.
    console.warn('reading the page failed', e);
    return { page: null, unreadable: ['screenshot-only', 'page-read-failed'] };
  }
}

/**
 * Fails the capture unless the tab still shows the document the capture started on: a
 * navigation meanwhile would mix two pages' files. (An address the page changes through its
 * history API keeps the document: fine.)
 * @param {number} tabId @param {number} frameId @param {chrome.tabs.Tab} shown the tab when the capture started
 * @param {CollectedPage | null} page
 */
export async function confirmSameDocument(tabId, frameId, shown, page) {
  if (page) {
    // A replaced document has lost the helpers: the call fails.
    await inPage(tabId, frameId, 'measure');
    return;
  }
  const now = await chrome.tabs.get(tabId).catch(() => null);
  if (!now || now.url !== shown.url) throw new CaptureError('page-changed', `the tab now shows ${now?.url ?? 'nothing'}`);
}

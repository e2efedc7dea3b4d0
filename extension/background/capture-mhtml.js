// The capture's MHTML of the tab: the browser's own archive of the page. Chromium only.
import { hashedNow } from './capture-record.js';

/** @typedef {import('./capture-types.js').CaptureStep} CaptureStep */

/**
 * The MHTML, or the notice that says why there is none. Its notices speak of a page that was
 * read: the capture keeps this step only when there is one.
 * @param {number} tabId
 * @returns {Promise<CaptureStep>}
 */
export async function takeMhtml(tabId) {
  // Looked up by name so that Firefox's linter does not flag a call it lacks.
  const pageCapture = /** @type {typeof chrome.pageCapture | undefined} */ (chrome['pageCapture']);
  if (typeof pageCapture?.saveAsMHTML !== 'function') return { artifacts: [], notices: ['mhtml-unavailable'] };
  const mhtml = await saveAsMhtml(pageCapture, tabId);
  if (!mhtml) return { artifacts: [], notices: ['mhtml-failed'] };
  return { artifacts: [hashedNow({ name: 'page.mhtml', mediaType: 'multipart/related', bytes: mhtml, method: 'pageCapture.saveAsMHTML' })], notices: [] };
}

/**
 * MHTML of the tab, or null.
 * Workaround: Chromium's MHTML generation sometimes fails once right after a navigation or a
 * right-click and succeeds when asked again (no upstream report of it is known), so it is
 * tried twice, 300 ms apart, before the record says it failed.
 * @param {typeof chrome.pageCapture} pageCapture @param {number} tabId
 */
async function saveAsMhtml(pageCapture, tabId) {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const blob = await pageCapture.saveAsMHTML({ tabId });
      if (blob) return new Uint8Array(await blob.arrayBuffer());
    } catch (e) {
      console.warn('MHTML capture failed', e);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return null;
}

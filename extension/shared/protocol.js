// Messages between the extension's pages and its service worker: the one list of kinds,
// with a guard for each. Bytes never travel here (Chromium's messages were JSON-like before
// Chrome 148's structured clone, webextension-polyfill #643, and still are wherever the manifest
// key is unknown); pages read them from IndexedDB themselves.

export const CAPTURE_ACTIVE_TAB = 'capture-active-tab';

/**
 * @typedef {{ kind: typeof CAPTURE_ACTIVE_TAB }} CaptureActiveTabRequest
  * @typedef {{ ok: true, seq: number, hash: string, caseId: string } | { ok: false, code: import('./types.js').ErrorCode, message: string }} CaptureReply
 */

/**
 * The key, in the browser's session storage, of the last capture made in tab `tabId`: its
 * case and number, the number shown on the toolbar button (read by the popup).
 * @param {number} tabId
 */
export function capturedKey(tabId) {
  return `captured:${tabId}`;
}

/** @param {unknown} msg @returns {msg is CaptureActiveTabRequest} */
export function isCaptureActiveTab(msg) {
  return typeof msg === 'object' && msg !== null && /** @type {any} */ (msg).kind === CAPTURE_ACTIVE_TAB
    && Object.keys(msg).length === 1;
}

/**
 * Only the extension's own pages may ask for anything: never a content script, never a web page.
 * @param {chrome.runtime.MessageSender} sender
 */
export function isFromExtensionPage(sender) {
  return sender.id === chrome.runtime.id && !sender.tab && typeof sender.url === 'string'
    && sender.url.startsWith(chrome.runtime.getURL(''));
}

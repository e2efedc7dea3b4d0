// tabs.captureVisibleTab, kept under the browser's limit of 2 calls a second
// (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND in Chromium): calls queue and are spaced out.

const MIN_INTERVAL_MS = 520;
let lastCallAt = 0;
/** @type {Promise<unknown>} */
let queue = Promise.resolve();

/**
 * A PNG of what the window shows now, as bytes exactly as the browser encoded them.
 * @param {number} windowId
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
export function captureVisibleTab(windowId) {
  const run = queue.then(async () => {
    const wait = lastCallAt + MIN_INTERVAL_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    lastCallAt = Date.now();
    let dataUrl;
    try {
      dataUrl = await chrome.tabs.captureVisibleTab(windowId, { format: 'png' });
    } catch (e) {
      // Chromium sometimes fails to read the frame back from the compositor ("image readback
      // failed"), once in hundreds of captures; the next frame reads fine. Its count of calls a
      // second can also see two calls spaced just over half a second as closer (a long stitch
      // met it once in a few hundred screens): the next call, spaced again, is allowed.
      if (!/readback|MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/i.test(String(/** @type {any} */ (e)?.message ?? e))) throw e;
      await new Promise((r) => setTimeout(r, MIN_INTERVAL_MS));
      lastCallAt = Date.now();
      dataUrl = await chrome.tabs.captureVisibleTab(windowId, { format: 'png' });
    }
    return dataUrlBytes(dataUrl);
  });
  queue = run.catch(() => {});
  return run;
}

/** The bytes of a data: URL. @param {string} dataUrl */
export async function dataUrlBytes(dataUrl) {
  // Decoding a data: URL stays on the device; fetch does it natively, without a JS loop.
  const response = await fetch(dataUrl);
  return new Uint8Array(await response.arrayBuffer());
}

// When the captured page has started reading itself. The browser makes the MHTML on the page's
// own thread, as it runs the page reading (collect-page.js): asked for at once, the MHTML of a
// heavy page went first and held the reading back by a quarter of a second (BENCHMARKS.md §3).
// The reading says when it starts; the MHTML is asked for then, and is made after it.

/** Who waits for which frame: `tabId:frameId` → its resolver. @type {Map<string, () => void>} */
const waiting = new Map();

/** Registers the listener, on the worker's first turn. */
export function listenForPageReading() {
  chrome.runtime.onMessage.addListener((message, sender) => {
    // Only this extension's content scripts, in a tab, and only this flag.
    if (sender.id !== chrome.runtime.id || sender.tab?.id === undefined || message?.temoinReading !== true || Object.keys(message).length !== 1) return false;
    waiting.get(`${sender.tab.id}:${sender.frameId ?? 0}`)?.();
    return false;
  });
}

/**
 * Resolves once the page in `tabId`'s frame `frameId` says it has started reading itself, or once
 * `release` is called (the reading ended without saying so: failed, or unreadable).
 * @param {number} tabId @param {number} frameId
 */
export function whenPageReads(tabId, frameId) {
  const key = `${tabId}:${frameId}`;
  /** @type {() => void} */
  let release = () => {};
  const started = new Promise((resolve) => {
    release = () => {
      if (waiting.get(key) === release) waiting.delete(key);
      resolve(undefined);
    };
    waiting.set(key, release);
  });
  return { started, release };
}

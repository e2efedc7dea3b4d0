// Large answers from the captured page, carried by a message rather than as the result of
// `scripting.executeScript`. With `"message_serialization": "structured_clone"` in the manifest
// (Chrome 148 and later: https://developer.chrome.com/blog/structured-clone-messaging), a
// message's strings are copied as they are; a script's result still goes through the browser's
// JSON-like values, which cost about 17 ms per million characters of a page's HTML and copy
// (BENCHMARKS.md §3). Firefox clones both ways.

/** Who waits for which answer: token → the frame asked and its resolver. @type {Map<string, { tabId: number, frameId: number, take: (value: unknown) => void }>} */
const waiting = new Map();

/** Registers the listener, on the worker's first turn. */
export function listenForPageAnswers() {
  chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Only this extension's content scripts, in a tab, with a token the worker gave out.
    if (sender.id !== chrome.runtime.id || sender.tab?.id === undefined || typeof message?.temoinAnswer !== 'string') return false;
    const asked = waiting.get(message.temoinAnswer);
    // The token only counts from the frame it was given to.
    const take = asked && asked.tabId === sender.tab.id && asked.frameId === (sender.frameId ?? 0) ? asked.take : undefined;
    take?.(message.value);
    // The page learns whether its answer arrived; if not, it gives it as the script's result.
    sendResponse(!!take);
    return false;
  });
}

/**
 * A token to give the page in `tabId`'s frame `frameId` with a call, and the answer that frame
 * sends back with it. `release` forgets the token (the call ended without sending, or failed).
 * @param {number} tabId @param {number} frameId
 */
export function pageAnswer(tabId, frameId) {
  const token = crypto.randomUUID();
  /** @type {Promise<unknown>} */
  const received = new Promise((resolve) => {
    waiting.set(token, {
      tabId,
      frameId,
      take: (value) => {
        waiting.delete(token);
        resolve(value);
      },
    });
  });
  return { token, received, release: () => waiting.delete(token) };
}

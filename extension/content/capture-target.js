// Remembers the element under the last right-click, so that a capture started from the
// context menu knows which post was meant; and tells the extension, as the pointer moves,
// whether the element under it sits in a scrolling pane (a chat, a thread in a side panel), so
// that « Capturer la conversation » is offered only there. Runs in the extension's isolated
// world; sends that yes or no to the extension only, nothing else, nowhere else.
(() => {
  /** @type {boolean | undefined} */
  let inPane;
  /** @type {EventTarget | undefined} */
  let lastChecked;

  /** Whether `from` or an ancestor scrolls its content (the page's own scrolling aside). @param {EventTarget | undefined} from */
  function scrollsInPane(from) {
    for (let el = from instanceof Element ? from : null; el; el = el.parentElement ?? /** @type {ShadowRoot} */ (el.getRootNode?.())?.host ?? null) {
      if (el === document.documentElement || el === document.body) return false;
      if (el.scrollHeight > el.clientHeight + 4 && el.clientHeight > 80 && /^(auto|scroll|overlay)$/.test(getComputedStyle(el).overflowY)) return true;
    }
    return false;
  }

  /** @param {EventTarget | undefined} el @param {boolean} always */
  function tell(el, always) {
    if (!always && el === lastChecked) return;
    lastChecked = el;
    const now = scrollsInPane(el);
    if (!always && now === inPane) return;
    inPane = now;
    try {
      void chrome.runtime.sendMessage({ temoinPane: now }).catch(() => {});
    } catch {
      // The extension was reloaded: this old script has nobody to tell.
    }
  }

  document.addEventListener('mouseover', (event) => tell(event.composedPath()[0] ?? event.target ?? undefined, false), { capture: true, passive: true });
  // The right button pressed comes before the menu (Chromium cannot change a menu once built:
  // crbug.com/60758).
  document.addEventListener('mousedown', (event) => event.button === 2 && tell(event.composedPath()[0] ?? event.target ?? undefined, true), { capture: true, passive: true });
  document.addEventListener(
    'contextmenu',
    (event) => {
      // composedPath()[0] is the innermost element, inside open shadow roots too.
      const element = event.composedPath()[0] ?? event.target;
      /** @type {any} */ (globalThis).temoinTarget = { element, at: Date.now() };
      tell(element ?? undefined, true);
    },
    { capture: true, passive: true },
  );
})();

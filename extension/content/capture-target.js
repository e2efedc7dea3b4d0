// Remembers the element under the last right-click, so that a capture started from the
// context menu knows which post was meant. Runs in the extension's isolated world, records
// nothing else, sends nothing anywhere.
(() => {
  document.addEventListener(
    'contextmenu',
    (event) => {
      // composedPath()[0] is the innermost element, inside open shadow roots too.
      const element = event.composedPath()[0] ?? event.target;
      /** @type {any} */ (globalThis).temoinTarget = { element, at: Date.now() };
    },
    { capture: true, passive: true },
  );
})();

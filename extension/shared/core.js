// The Rust core, loaded once per worker or page behind one memoized promise.
// Every caller awaits `ready()` before calling into `core`.
import init, * as core from '../pkg/temoin.js';

/** @type {Promise<unknown> | null} */
let loading = null;

/** Resolves once the WASM module is instantiated; starts loading on the first call. */
export function ready() {
  if (!loading) {
    loading = init({ module_or_path: chrome.runtime.getURL('extension/pkg/temoin_bg.wasm') });
    // A failed load must not stay cached: the next caller tries again.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

export { core };

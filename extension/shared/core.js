// The Rust core, loaded once per worker or page behind one memoized promise.
// Every caller awaits `ready()` before calling into `core`.
import init, * as core from '../pkg/temoin.js';

/** @type {Promise<unknown> | null} */
let loading = null;
let loaded = false;
let restarts = 0;
/** When this context started loading the module and when it was ready (performance.now()). */
const timings = { loadStartedAt: NaN, readyAt: NaN };

/**
 * Whether the instance died: a panic aborts it (wasm32 has no unwinding), after which every
 * call throws. `genesisHead` cannot fail otherwise, so its failure is the sign.
 */
function instanceDead() {
  try {
    core.genesisHead();
    return false;
  } catch {
    return true;
  }
}

/**
 * Resolves once the WASM module is instantiated; starts loading on the first call. A dead
 * instance is replaced by a fresh one from the same compiled module, so one fault costs the
 * operation it hit and nothing after it.
 */
export function ready() {
  if (loaded && instanceDead()) {
    console.warn('Témoin core: the instance stopped after a fault; starting a new one');
    core.__wbg_reset_state();
    restarts += 1;
  }
  if (!loading) {
    timings.loadStartedAt = performance.now();
    loading = init({ module_or_path: chrome.runtime.getURL('extension/pkg/temoin_bg.wasm') }).then(() => {
      loaded = true;
      timings.readyAt = performance.now();
    });
    // A failed load must not stay cached: the next caller tries again.
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** Load timings of this context, for `make bench`. */
export function coreTimings() {
  return { ...timings };
}

/** How many times this context replaced a dead instance (shown to the reliability suite). */
export function coreRestarts() {
  return restarts;
}

export { core };

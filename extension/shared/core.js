// The Rust core, loaded once per context behind one memoized promise. Every caller awaits
// `ready()` before calling into it.
//
// Two modules come from one bindings crate (crate/wasm): the service worker's (and Firefox's
// background page's), which holds only the capture path and loads at every wake-up, and the
// pages', which adds guidance, letters, export and import. A context loads one of them: the
// extension's pages the pages' module, everything else the worker's. The worker's functions
// are `core` everywhere; the pages' own are reached through `pagesCore()`, which says so when
// called outside a page.
import initWorker, * as workerModule from '../pkg/worker/temoin.js';
import initPages, * as pagesModule from '../pkg/pages/temoin.js';

/** Whether this context is one of the extension's pages (extension/pages/*.html) or a worker they start. */
const IN_PAGES = typeof location !== 'undefined' && location.pathname.startsWith('/extension/pages/');

const chosen = IN_PAGES
  ? { init: initPages, module: pagesModule, path: 'extension/pkg/pages/temoin_bg.wasm' }
  : { init: initWorker, module: workerModule, path: 'extension/pkg/worker/temoin_bg.wasm' };

/**
 * The functions every context has (the pages' module has them too).
 * @type {typeof workerModule}
 */
export const core = chosen.module;

/** The pages' functions (guide, letters, export, import, case view); only pages have them. */
export function pagesCore() {
  if (!IN_PAGES) throw new Error('Témoin core: guidance, letters, export and import are built for the extension\'s pages, not for this context');
  return pagesModule;
}

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
    chosen.module.__wbg_reset_state();
    restarts += 1;
  }
  if (!loading) {
    timings.loadStartedAt = performance.now();
    // A dedicated worker (the export's) has no extension API: the module is found from here.
    const url = typeof chrome !== 'undefined' && chrome.runtime?.getURL ? chrome.runtime.getURL(chosen.path) : new URL(`../../${chosen.path}`, import.meta.url);
    loading = chosen.init({ module_or_path: url }).then(() => {
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

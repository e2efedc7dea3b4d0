// Verifies one bundle off the page's thread: the chosen File is read in slices with
// FileReaderSync, so memory holds the ZIP's metadata and a window, never the whole file.
// Messages in: { file: File, expectHead: string }. Out: { type: 'progress', done, total },
// then { type: 'done', report } or { type: 'error', code, file?, message }.
import init, * as core from '../pkg/pages/temoin.js';

/** @type {Promise<unknown> | null} */
let loading = null;
// The worker's global scope (the project type-checks against the DOM's lib, not the worker's).
const scope = /** @type {any} */ (globalThis);

/** @param {MessageEvent<{ file: File, expectHead: string }>} event */
scope.onmessage = async (event) => {
  const { file, expectHead } = event.data;
  try {
    // Workers have no extension API: the module is found next to this script.
    loading ??= init({ module_or_path: new URL('../pkg/pages/temoin_bg.wasm', import.meta.url) });
    await loading;
    const expected = expectHead.trim();
    if (expected && core.normalizeControlCode(expected) === undefined) {
      scope.postMessage({ type: 'error', code: 'invalid-control-code', message: '' });
      return;
    }
    const reader = new scope.FileReaderSync();
    const slices = {
      size: file.size,
      /** @param {number} offset @param {number} length */
      read: (offset, length) => new Uint8Array(reader.readAsArrayBuffer(file.slice(offset, offset + length))),
    };
    let lastPost = 0;
    const report = core.verifyBundleFile(slices, expected || undefined, (/** @type {number} */ done, /** @type {number} */ total) => {
      const now = Date.now();
      if (now - lastPost > 100 || done === total) {
        lastPost = now;
        scope.postMessage({ type: 'progress', done, total });
      }
    });
    scope.postMessage({ type: 'done', report });
  } catch (e) {
    const err = /** @type {any} */ (e);
    scope.postMessage({ type: 'error', code: String(err?.code ?? 'unexpected'), file: err?.file, message: String(err?.message ?? e) });
  }
};

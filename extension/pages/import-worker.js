// Reads one part of a bundle for its verification, off the page's thread (import.js splits a
// bundle between two of these, one a core, and merges their parts).
//
// The chosen File is streamed from start to end through a reader that fills memory this worker
// owns (a BYOB reader of `File.stream()`), a window of members at a time: the core checks each
// member from the window, and the member's digest is made there, by the browser for a file
// stored as it is (an image) of 64 KB or more (`digestInWindow`), by the core for the rest. `FileReaderSync` slices were the
// first way, and each left an ArrayBuffer behind that only the collector freed, 4 to 5 times
// the window a second: the page grew by 350 to 450 MB while it read a 1 GB bundle, against 30 MB
// this way (BENCHMARKS.md §4). They still serve the directory's few reads at the file's end and
// a member too large for a window, read in slices of up to 4 MB, never past that member.
//
// Messages in: { type: 'scan', file, part, parts, expectHead }, then for part 0 only
// { type: 'verify', parts: [...] } with every part's result. Out: { type: 'progress', done },
// { type: 'part', scanned } (the core's plain values; its metadata files' bytes transferred),
// { type: 'done', report } or { type: 'error', code, file?, message }.
import init, * as core from '../pkg/pages/temoin.js';

/** Members are read this many bytes at a time (or one member, if larger). */
const WINDOW = 8 << 20;
/** A member larger than this is not read into memory whole: the core reads it in slices. */
const LARGEST_WINDOW = 64 << 20;

/** @type {Promise<unknown> | null} */
let loading = null;
// The worker's global scope (the project type-checks against the DOM's lib, not the worker's).
const scope = /** @type {any} */ (globalThis);
/** @type {string | undefined} */
let expected;

const load = () => {
  // Workers have no extension API: the module is found next to this script.
  loading ??= init({ module_or_path: new URL('../pkg/pages/temoin_bg.wasm', import.meta.url) });
  return loading;
};

/** @param {unknown} e */
function postError(e) {
  const err = /** @type {any} */ (e);
  scope.postMessage({ type: 'error', code: String(err?.code ?? 'unexpected'), file: err?.file, message: String(err?.message ?? e) });
}

scope.onmessage = async (/** @type {MessageEvent<any>} */ { data }) => {
  try {
    await load();
    if (data.type === 'scan') {
      const text = String(data.expectHead ?? '').trim();
      if (text && core.normalizeControlCode(text) === undefined) {
        scope.postMessage({ type: 'error', code: 'invalid-control-code', message: '' });
        return;
      }
      expected = text || undefined;
      const { scanned, browserDigests } = await scanPart(data.file, data.part, data.parts);
      const buffers = scanned.meta.map((/** @type {[string, Uint8Array]} */ [, bytes]) => bytes.buffer);
      scope.postMessage({ type: 'part', scanned, browserDigests }, buffers);
    } else if (data.type === 'verify') {
      scope.postMessage({ type: 'done', report: core.verifyScanned(data.parts, expected) });
    }
  } catch (e) {
    postError(e);
  }
};

/**
 * The members of part `part` of `parts`: the bundle's bytes split evenly, at members' starts.
 * @param {number[]} bounds where each member starts, then where the directory does
 * @param {number} part @param {number} parts
 */
function partOf(bounds, part, parts) {
  const count = bounds.length - 1;
  const at = (/** @type {number} */ k) => {
    if (k <= 0) return 0;
    if (k >= parts) return count;
    const target = (bounds[count] * k) / parts;
    let i = 0;
    while (i < count && bounds[i] < target) i += 1;
    return i;
  };
  return { from: at(part), to: at(part + 1) };
}

/**
 * Reads `file` from `start` to `end` into windows of memory reused from one to the next.
 * `next(size)` gives the next `size` bytes; `skip(size)` passes over them without reading.
 * @param {File} file @param {number} start @param {number} end
 */
function streamer(file, start, end) {
  let at = start;
  /** @type {ReadableStreamBYOBReader | ReadableStreamDefaultReader<Uint8Array> | null} */
  let reader = null;
  let byob = true;
  /** What a default reader gave beyond the last window. @type {Uint8Array | null} */
  let leftover = null;
  /** Two buffers: one the core reads while the other fills. */
  const buffers = [new ArrayBuffer(0), new ArrayBuffer(0)];
  let turn = 0;
  const open = () => {
    const stream = file.slice(at, end).stream();
    try {
      reader = stream.getReader({ mode: 'byob' });
      byob = true;
    } catch {
      // No byte stream from Blob in this browser: chunks come in memory of their own.
      reader = stream.getReader();
      byob = false;
    }
    leftover = null;
  };
  return {
    /** The next `size` bytes, or fewer where the file ends. @param {number} size @returns {Promise<Uint8Array<ArrayBuffer>>} */
    async next(size) {
      if (!reader) open();
      turn ^= 1;
      let memory = buffers[turn].byteLength >= size ? buffers[turn] : new ArrayBuffer(Math.max(size, WINDOW));
      let got = 0;
      if (byob) {
        const r = /** @type {ReadableStreamBYOBReader} */ (reader);
        while (got < size) {
          const { done, value } = await r.read(new Uint8Array(memory, got, size - got));
          // The read moved the memory into `value`; it is the same memory, under a new buffer.
          if (value) memory = /** @type {ArrayBuffer} */ (value.buffer);
          if (done || !value) break;
          got += value.byteLength;
        }
      } else {
        const r = /** @type {ReadableStreamDefaultReader<Uint8Array>} */ (reader);
        const view = new Uint8Array(memory);
        while (got < size) {
          const chunk = leftover ?? (await r.read()).value;
          leftover = null;
          if (!chunk) break;
          const n = Math.min(chunk.length, size - got);
          view.set(chunk.subarray(0, n), got);
          got += n;
          if (n < chunk.length) leftover = chunk.subarray(n);
        }
      }
      buffers[turn] = memory;
      at += got;
      // A file shorter than its directory says (a damaged or forged bundle): the window holds
      // what there is, and the core, reading past it, finds the fault as `temoin verify` does.
      return new Uint8Array(memory, 0, got);
    },
    /** @param {number} size */
    skip(size) {
      void reader?.cancel().catch(() => {});
      reader = null;
      at += size;
    },
  };
}

/** A member smaller than this is hashed by the core: a call to the browser costs a round trip. */
const BROWSER_DIGEST_FROM = 64 << 10;

/**
 * The SHA-256 of `length` bytes at `offset` of the file, by the browser, when the window holds
 * them all; else undefined, and the core hashes them as it reads them. The browser's SHA-256
 * (the CPU's SHA instructions where it has them) runs at 667 to 786 MB/s here against the
 * core's 250 to 264 in WebAssembly, on buffers of 1 to 64 MB (BENCHMARKS.md §1), and the core's was most of the import's time
 * (§4); it is also another implementation than the one that wrote the sums. The core still
 * checks the member's place, header, size and CRC-32, from the same window, and compares every
 * digest.
 * @param {{ at: number, bytes: Uint8Array<ArrayBuffer> }} window @param {number} offset @param {number} length
 */
async function digestInWindow(window, offset, length) {
  const from = offset - window.at;
  if (length < BROWSER_DIGEST_FROM || from < 0 || from + length > window.bytes.length) return undefined;
  return new Uint8Array(await crypto.subtle.digest('SHA-256', window.bytes.subarray(from, from + length)));
}

/**
 * Checks and hashes part `part` of `parts` of the bundle, a window of members at a time.
 * @param {File} file @param {number} part @param {number} parts
 */
async function scanPart(file, part, parts) {
  const sync = new scope.FileReaderSync();
  /** The bytes streamed for the members being read, and where they start in the file. @type {{ at: number, bytes: Uint8Array<ArrayBuffer> }} */
  let window = { at: 0, bytes: new Uint8Array(0) };
  /**
   * Where the member read in slices (too large for a window) ends: the core's read-ahead stops
   * there, so the members after it are read from their window, the bytes their digest is made
   * of, not from a second read of the file.
   */
  let slicesEnd = 0;
  const slices = {
    size: file.size,
    /** @param {number} offset @param {number} length */
    read(offset, length) {
      const from = offset - window.at;
      if (from >= 0 && from < window.bytes.length) return window.bytes.subarray(from, Math.min(window.bytes.length, from + length));
      const end = offset < slicesEnd ? Math.min(offset + length, slicesEnd) : offset + length;
      return new Uint8Array(sync.readAsArrayBuffer(file.slice(offset, end)));
    },
  };
  const scan = new core.BundleScan(slices);
  try {
    const bounds = Array.from(scan.bounds());
    const { from, to } = partOf(bounds, part, parts);
    scan.restrict(from, to);
    const stream = streamer(file, bounds[from], bounds[to]);
    // As many members as fit in a window, or one; a window too large is not read ahead.
    /** @type {{ i: number, j: number, size: number, whole: boolean }[]} */
    const groups = [];
    for (let i = from; i < to; ) {
      let j = i + 1;
      while (j < to && bounds[j + 1] - bounds[i] <= WINDOW) j += 1;
      const size = Math.max(0, bounds[j] - bounds[i]);
      groups.push({ i, j, size, whole: size <= LARGEST_WINDOW });
      i = j;
    }
    /** The next window, read while the core works on the current one. @type {Promise<Uint8Array<ArrayBuffer>> | null} */
    let ahead = null;
    let posted = 0;
    let browserDigests = 0;
    for (const [g, { i, j, size, whole }] of groups.entries()) {
      if (whole) window = { at: bounds[i], bytes: await (ahead ?? stream.next(size)) };
      else {
        window = { at: 0, bytes: new Uint8Array(0) };
        slicesEnd = bounds[j];
        stream.skip(size);
      }
      const next = groups[g + 1];
      ahead = next?.whole ? stream.next(next.size) : null;
      // Awaited at the next window; a failure meanwhile is reported there, not twice.
      ahead?.catch(() => {});
      for (let m = i; m < j; m += 1) {
        const stored = scan.checkNext();
        const digest = stored ? await digestInWindow(window, stored[0], stored[1]) : undefined;
        if (digest) browserDigests += 1;
        const ended = scan.readNext(digest);
        if (Date.now() - posted > 100) {
          posted = Date.now();
          scope.postMessage({ type: 'progress', done: Math.max(0, ended - bounds[from]) });
        }
      }
    }
    scope.postMessage({ type: 'progress', done: bounds[to] - bounds[from] });
    return { scanned: scan.finish(), browserDigests };
  } finally {
    scan.free();
  }
}

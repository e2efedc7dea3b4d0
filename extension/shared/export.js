// Exporting a case as a bundle (docs/bundle-format.md). The page reads the artifacts from
// IndexedDB one by one and hands them to a dedicated worker (pages/export-worker.js), which
// passes them through the core's ZIP writer and writes its output straight to a file of the
// extension's private storage (spool.js): memory stays at a few artifacts whatever the bundle's
// size, in Chromium and in Firefox alike, and reading overlaps writing. The documents are
// sealed by an `export` entry; its hash is the bundle's control code.
//
// The journal stays honest: the export entry is sealed when the documents are written, but it
// is appended to the journal only once the whole bundle is on disk, in one transaction that
// checks that no other entry came first; only then is the file handed to the browser's
// download. A cancel or a failure before that point leaves no entry and removes the file; the
// person is never offered a file that is not whole.
import { core, ready } from './core.js';
import { exportTimestamp } from './timestamps.js';
import { appendSealed, getArtifact, getHead, listCases } from './store.js';
import { newSpoolName, removeSpool, removeStaleSpools, spoolDirectory, spoolLock } from './spool.js';
import { reportLanguage } from './settings.js';

/** Captures landing during an export move the head; after this many tries, the export gives up. */
const TRIES = 3;
/** Artifacts read ahead of the one being written, each in a buffer that the worker gives back. */
const READ_AHEAD = 4;
/** A buffer larger than this (a tall full-page screenshot) is not kept for the next artifacts. */
const KEPT_BUFFER = 8 << 20;

/**
 * @typedef {import('./store.js').SealedEntry} SealedEntry
 * @typedef {import('./types.js').Head} Head
 * @typedef {{ language?: string, onProgress?: (done: number, total: number) => void, withhold?: { seq: number, name: string, reason: string }[],
 *   keepMinorImages?: boolean, signal?: AbortSignal, onCommit?: () => void }} ExportOptions
 * @typedef {{ blob: Blob, head: Head, startedAt: string, withheld: number, size: number, release: () => Promise<void> }} Exported
 */

/**
 * @param {string} caseId
 * A minor's intimate images are left out unless `keepMinorImages` is set (art. 227-23 code
 * pénal: such an image must not be passed on; investigators can be given it separately).
 * `signal` cancels the export until its entry is appended, which `onCommit` announces: from
 * then on the export is done and only the download remains.
 * `blob` is the bundle (a file on disk, or in memory where the browser has no private file
 * system); `release()` removes it once the browser has copied it (the page waits for that).
 * @param {ExportOptions} [options]
 * @returns {Promise<Exported>}
 */
export async function exportBundle(caseId, options = {}) {
  await ready();
  await removeStaleSpools();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await exportOnce(caseId, options);
    } catch (e) {
      // Another entry took the number the export entry was to have: the documents name the
      // entries they cover, so they are rebuilt from the new journal.
      if (/** @type {any} */ (e)?.code !== 'head-moved') throw e;
      if (attempt >= TRIES) {
        throw Object.assign(new Error(chrome.i18n.getMessage('exportHeadMoved') || String(/** @type {any} */ (e).message)), { code: 'export-head-moved' });
      }
    }
  }
}

const cancelled = () => Object.assign(new Error(chrome.i18n.getMessage('exportCancelled') || 'export cancelled'), { code: 'export-cancelled' });

/**
 * Holds the Web Lock of an export file until `release` is called (or the page goes away).
 * @param {string} name
 */
async function holdLock(name) {
  /** @type {() => void} */
  let release = () => {};
  const released = new Promise((resolve) => {
    release = () => resolve(undefined);
  });
  await new Promise((acquired) => {
    navigator.locks.request(spoolLock(name), () => {
      acquired(undefined);
      return released;
    });
  });
  return release;
}

/**
 * A few buffers that artifacts are read into and that travel to the worker and back, so that
 * reading a case allocates almost nothing once under way and the page holds at most
 * `READ_AHEAD` artifacts.
 */
function bufferPool() {
  /** @type {ArrayBuffer[]} */
  const free = [];
  /** @type {((buffer: ArrayBuffer) => void)[]} */
  const waiting = [];
  let made = 0;
  return {
    /** @returns {Promise<ArrayBuffer>} */
    take() {
      const buffer = free.pop();
      if (buffer) return Promise.resolve(buffer);
      if (made < READ_AHEAD) {
        made += 1;
        return Promise.resolve(new ArrayBuffer(0));
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    /** @param {ArrayBuffer} buffer */
    give(buffer) {
      const kept = buffer.byteLength <= KEPT_BUFFER ? buffer : new ArrayBuffer(0);
      const next = waiting.shift();
      if (next) next(kept);
      else free.push(kept);
    },
  };
}

/**
 * A stored file's bytes, read into `buffer` when it is large enough (a new one otherwise),
 * through a BYOB reader, which fills the given memory instead of allocating its own.
 * @param {Blob} blob @param {ArrayBuffer} buffer
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
async function readInto(blob, buffer) {
  const size = blob.size;
  let memory = buffer.byteLength >= size ? buffer : new ArrayBuffer(Math.max(size, 1 << 20));
  /** @type {ReadableStreamBYOBReader} */
  let reader;
  try {
    reader = blob.stream().getReader({ mode: 'byob' });
  } catch {
    // No byte stream from Blob here: the bytes come in memory of their own.
    return new Uint8Array(await blob.arrayBuffer());
  }
  let at = 0;
  while (at < size) {
    const { done, value } = await reader.read(new Uint8Array(memory, at, size - at));
    // The read moved the memory into `value`; it is the same memory, under a new buffer.
    if (value) memory = /** @type {ArrayBuffer} */ (value.buffer);
    if (done || !value) break;
    at += value.byteLength;
  }
  void reader.cancel().catch(() => {});
  if (at !== size) throw Object.assign(new Error(`a stored file ended after ${at} of its ${size} bytes`), { code: 'export-failed' });
  return new Uint8Array(memory, 0, size);
}

/**
 * Reads the artifacts the worker wants, in its order, and sends them to it.
 * @param {Worker} worker @param {string} caseId @param {{ seq: number, name: string }[]} wanted
 * @param {ReturnType<typeof bufferPool>} pool @param {() => boolean} stopped
 */
async function sendArtifacts(worker, caseId, wanted, pool, stopped) {
  for (const { seq, name } of wanted) {
    const buffer = await pool.take();
    if (stopped()) return;
    const stored = await getArtifact(caseId, seq, name);
    if (!stored) {
      pool.give(buffer);
      worker.postMessage({ type: 'artifact', bytes: null });
      continue;
    }
    const bytes = await readInto(stored.blob, buffer);
    if (stopped()) return;
    worker.postMessage({ type: 'artifact', bytes }, [bytes.buffer]);
  }
}

/**
 * Seals the export entry after `covered`, the last entry the documents cover, and the time
 * stamp of it when independent time is on and the authority answers in time; nothing is
 * appended yet. A head that moved already means the documents are out of date.
 * @param {string} caseId @param {Head} covered @param {import('./types.js').EventBody} body @param {AbortSignal | undefined} signal
 * @returns {Promise<{ sealed: SealedEntry, after: SealedEntry[] }>}
 */
async function sealAfter(caseId, covered, body, signal) {
  const head = (await getHead(caseId)) ?? core.genesisHead();
  if (head.seq !== covered.seq || head.hash !== covered.hash) {
    throw Object.assign(new Error(`entry ${covered.seq + 1} was taken by another entry`), { code: 'head-moved' });
  }
  const sealed = core.sealEvent(covered, caseId, new Date().toISOString(), body);
  const stamp = await exportTimestamp(sealed);
  if (signal?.aborted) throw cancelled();
  const after = stamp ? [core.sealEvent({ seq: sealed.seq, hash: sealed.hash }, caseId, new Date().toISOString(), stamp)] : [];
  return { sealed, after };
}

/**
 * @param {string} caseId
 * @param {ExportOptions} options
 * @returns {Promise<Exported>}
 */
async function exportOnce(caseId, { language, onProgress, withhold = [], keepMinorImages = false, signal, onCommit }) {
  if (signal?.aborted) throw cancelled();
  const spool = newSpoolName();
  const unlock = await holdLock(spool);
  const worker = new Worker(new URL('../pages/export-worker.js', import.meta.url), { type: 'module' });
  /** Settles once the worker has said it finished or stopped: it has closed its file then. */
  let workerDone = () => {};
  const workerStopped = new Promise((resolve) => {
    workerDone = () => resolve(undefined);
  });
  try {
    const startedAt = new Date().toISOString();
    const cases = await listCases();
    const lang = language ?? (await reportLanguage());
    /** @type {{ sealed: SealedEntry, after: SealedEntry[] } | null} */
    let toAppend = null;
    /** @type {Head} */
    let covered = core.genesisHead();
    const pool = bufferPool();
    let stopped = false;
    /** @type {{ head: Head, size: number, blob: Blob | null, withheld: number }} */
    const written = await new Promise((resolve, reject) => {
      let withheld = 0;
      const onAbort = () => worker.postMessage({ type: 'cancel' });
      signal?.addEventListener('abort', onAbort, { once: true });
      const stop = () => {
        stopped = true;
        signal?.removeEventListener('abort', onAbort);
      };
      /** @param {unknown} e */
      const fail = (e) => {
        worker.postMessage({ type: 'cancel' });
        stop();
        reject(e);
      };
      worker.onerror = (e) => {
        workerDone();
        stop();
        reject(Object.assign(new Error(e.message || 'the export worker stopped'), { code: 'export-failed' }));
      };
      worker.onmessage = async ({ data }) => {
        try {
          if (data.type === 'buffer') pool.give(data.buffer);
          else if (data.type === 'progress') onProgress?.(data.done, data.total);
          else if (data.type === 'wanted') {
            sendArtifacts(worker, caseId, data.wanted, pool, () => stopped || Boolean(signal?.aborted)).catch(fail);
          } else if (data.type === 'sealBody') {
            withheld = data.withheld;
            covered = data.covered;
            toAppend = await sealAfter(caseId, covered, data.body, signal);
            worker.postMessage({ type: 'finish', ...toAppend });
          } else if (data.type === 'done') {
            workerDone();
            stop();
            resolve({ head: data.head, size: data.size, blob: data.blob, withheld });
          } else if (data.type === 'error') {
            workerDone();
            stop();
            reject(Object.assign(new Error(data.message), { code: data.code, name: data.name }));
          }
        } catch (e) {
          fail(e);
        }
      };
      worker.postMessage({
        type: 'start',
        caseId,
        caseTitle: cases.find((c) => c.id === caseId)?.title,
        startedAt,
        generator: `Témoin ${chrome.runtime.getManifest().version}`,
        language: lang,
        withhold,
        keepMinorImages,
        spool,
      });
    });
    worker.terminate();
    // The bundle is whole on disk. Its file is taken now, so that nothing can fail between the
    // entries going into the journal and the file being handed to the browser.
    const blob = written.blob ?? (await (await (await spoolDirectory()).getFileHandle(spool)).getFile());
    if (signal?.aborted || !toAppend) throw cancelled();
    onCommit?.();
    const { sealed, after } = /** @type {{ sealed: SealedEntry, after: SealedEntry[] }} */ (toAppend);
    await appendSealed(caseId, [sealed, ...after], covered);
    return {
      blob,
      head: written.head,
      // When the export began: the time its documents give (in UTC), and its file's name.
      startedAt,
      withheld: written.withheld,
      size: written.size,
      release: async () => {
        await removeSpool(spool);
        unlock();
      },
    };
  } catch (e) {
    // The worker closes its file when it stops; the file can be removed only then.
    worker.postMessage({ type: 'cancel' });
    await Promise.race([workerStopped, new Promise((r) => setTimeout(r, 5000))]);
    worker.terminate();
    await removeSpool(spool);
    unlock();
    if (signal?.aborted && /** @type {any} */ (e)?.code !== 'head-moved') throw cancelled();
    throw e;
  }
}

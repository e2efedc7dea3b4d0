// Writes one export bundle off the page's thread: the artifacts the page reads from IndexedDB go
// through the core's ZIP writer, whose output goes straight into a file of the extension's
// private storage (spool.js) through a synchronous access handle: memory holds a few artifacts
// and the core's buffers, never the bundle. Reading (on the page's thread) and writing (here)
// overlap. The page keeps the journal: it seals the export entry and appends it only once this
// file is whole (export.js).
//
// Messages in: { type: 'start', ...StartRequest }; then, in the order of 'wanted', one
// { type: 'artifact', bytes } per artifact (null when it is missing), whose buffer goes back to
// the page in { type: 'buffer', buffer } once written; { type: 'finish', sealed, after } after
// 'sealBody'; { type: 'cancel' } at any time. Out: { type: 'wanted', wanted },
// { type: 'progress', done, total }, { type: 'sealBody', body, covered, withheld },
// { type: 'done', head, size, blob } (`blob` only when this browser gives no private file
// system: the bundle then comes back in memory), or { type: 'error', code, name, message }.
import { pagesCore, ready } from '../shared/core.js';
import { listEntries } from '../shared/store.js';
import { spoolDirectory } from '../shared/spool.js';

/**
 * @typedef {{ caseId: string, caseTitle: string | undefined, startedAt: string, generator: string,
 *   language: string, withhold: { seq: number, name: string, reason: string }[], keepMinorImages: boolean,
 *   spool: string }} StartRequest
 * @typedef {import('../shared/store.js').SealedEntry} SealedEntry
 */

// The worker's global scope (the project type-checks against the DOM's lib, not the worker's).
const scope = /** @type {any} */ (globalThis);

/** Progress is posted at most this often. */
const PROGRESS_MS = 100;

let cancelled = false;
/** @type {((message: any) => void) | null} */
let onFinish = null;
/** Artifacts the page has sent, not yet written; and who waits for the next one. */
/** @type {(Uint8Array<ArrayBuffer> | null)[]} */
const arrived = [];
/** @type {(() => void) | null} */
let onArtifact = null;

const cancelError = () => Object.assign(new Error('export cancelled'), { code: 'export-cancelled' });

scope.onmessage = (/** @type {MessageEvent} */ event) => {
  const message = event.data;
  if (message.type === 'start') void run(message);
  else if (message.type === 'artifact') {
    arrived.push(message.bytes);
    onArtifact?.();
  } else if (message.type === 'finish') onFinish?.(message);
  else if (message.type === 'cancel') {
    cancelled = true;
    onFinish?.(message);
    onArtifact?.();
  }
};

/** The next artifact the page sends (null: missing from storage). */
async function nextArtifact() {
  while (!arrived.length && !cancelled) {
    await new Promise((resolve) => {
      onArtifact = () => resolve(undefined);
    });
    onArtifact = null;
  }
  if (cancelled) throw cancelError();
  return /** @type {Uint8Array<ArrayBuffer> | null} */ (arrived.shift());
}

/**
 * Where the core's output goes: the spool file through a synchronous access handle, or, where
 * the browser has no private file system, copies kept in memory (the bundle then comes back
 * whole, as exports did before they were written to disk).
 * @param {string} name
 */
async function openSink(name) {
  try {
    const handle = await (await spoolDirectory()).getFileHandle(name, { create: true });
    const access = await /** @type {any} */ (handle).createSyncAccessHandle();
    access.truncate(0);
    let at = 0;
    /** The first failure of the disk (full...), which the core reports as its own error. */
    let failure = /** @type {unknown} */ (null);
    return {
      /** @param {Uint8Array} bytes a view into the core's memory, valid during the call only */
      write(bytes) {
        try {
          for (let done = 0; done < bytes.length; ) {
            const n = access.write(bytes.subarray(done), { at: at + done });
            if (n <= 0) throw new Error('the export file took no bytes');
            done += n;
          }
          at += bytes.length;
        } catch (e) {
          failure ??= e;
          throw e;
        }
      },
      failure: () => failure,
      /** @returns {Promise<Blob | null>} */
      async close() {
        access.flush();
        access.close();
        return null;
      },
      size: () => at,
      discard() {
        try {
          access.close();
        } catch {
          // Already closed.
        }
      },
    };
  } catch (e) {
    console.warn('no private file system: this export is kept in memory', e);
    /** @type {Uint8Array<ArrayBuffer>[]} */
    const parts = [];
    let size = 0;
    return {
      /** @param {Uint8Array} bytes */
      write(bytes) {
        parts.push(bytes.slice());
        size += bytes.length;
      },
      failure: () => null,
      async close() {
        return new Blob(parts, { type: 'application/zip' });
      },
      size: () => size,
      discard() {
        parts.length = 0;
      },
    };
  }
}

/** @param {StartRequest} request */
async function run(request) {
  /** @type {Awaited<ReturnType<typeof openSink>> | null} */
  let sink = null;
  /** @type {any} */
  let writer = null;
  try {
    await ready();
    const entries = (await listEntries(request.caseId)).map(({ seq, hash, json }) => ({ seq, hash, json }));
    sink = await openSink(request.spool);
    const out = sink;
    writer = new (pagesCore().BundleExport)(
      request.caseId,
      request.caseTitle,
      request.startedAt,
      request.generator,
      request.language,
      entries,
      { write: (/** @type {Uint8Array} */ bytes) => out.write(bytes) },
    );
    for (const { seq, name, reason } of request.withhold) writer.withhold(seq, name, reason);
    const withheld = request.withhold.length + (request.keepMinorImages ? 0 : writer.withholdMinorImages());
    /** @type {{ seq: number, name: string }[]} */
    const wanted = writer.wanted();
    scope.postMessage({ type: 'wanted', wanted: wanted.map(({ seq, name }) => ({ seq, name })) });
    let posted = 0;
    for (const [i, { seq, name }] of wanted.entries()) {
      const bytes = await nextArtifact();
      // A missing file is left out; the bundle's verification will name it.
      if (bytes) {
        withDisk(out, () => writer.addArtifact(seq, name, bytes));
        // The page reads the next artifacts into the same memory.
        scope.postMessage({ type: 'buffer', buffer: bytes.buffer }, [bytes.buffer]);
      }
      if (Date.now() - posted >= PROGRESS_MS || i + 1 === wanted.length) {
        posted = Date.now();
        scope.postMessage({ type: 'progress', done: i + 1, total: wanted.length });
      }
    }
    if (cancelled) throw cancelError();
    const body = withDisk(out, () => writer.sealBody());
    const last = entries[entries.length - 1];
    const covered = last ? { seq: last.seq, hash: last.hash } : pagesCore().genesisHead();
    /** @type {{ type: string, sealed?: SealedEntry, after?: SealedEntry[] }} */
    const reply = await new Promise((resolve) => {
      onFinish = resolve;
      scope.postMessage({ type: 'sealBody', body, covered, withheld });
    });
    if (reply.type !== 'finish' || cancelled) throw cancelError();
    const head = withDisk(out, () => writer.finish(reply.sealed, reply.after ?? []));
    const blob = await out.close();
    scope.postMessage({ type: 'done', head, size: out.size(), blob });
  } catch (e) {
    sink?.discard();
    const err = /** @type {any} */ (e);
    scope.postMessage({ type: 'error', code: String(err?.code ?? 'unexpected'), name: String(err?.name ?? 'Error'), message: String(err?.message ?? e) });
  } finally {
    try {
      writer?.free();
    } catch {
      // The core's instance died with the error reported above.
    }
  }
}

/**
 * Runs a step of the core that writes to the disk; if the disk failed, its error is the one
 * thrown (a full disk is a `QuotaExceededError`, which the page explains as such).
 * @template T @param {{ failure: () => unknown }} sink @param {() => T} step @returns {T}
 */
function withDisk(sink, step) {
  try {
    return step();
  } catch (e) {
    throw sink.failure() ?? e;
  }
}

// Exporting a case as a bundle (docs/bundle-format.md). The core writes the ZIP; artifacts are
// read from IndexedDB one at a time and the output is drained after each, so the bundle is
// assembled as a Blob of parts and never held whole twice. The documents are sealed by an
// `export` entry appended to the journal; its hash is the bundle's control code.
import { pagesCore, ready } from './core.js';
import { appendEvent } from './journal.js';
import { stampNow } from './timestamps.js';
import { getArtifact, listCases, listEntries } from './store.js';
import { reportLanguage } from './settings.js';

/** Captures landing during an export move the head; after this many tries, the export gives up. */
const TRIES = 3;

/**
 * @param {string} caseId
 * A minor's intimate images are left out unless `keepMinorImages` is set (art. 227-23 code
 * pénal: such an image must not be passed on; investigators can be given it separately).
 * @param {{ language?: string, onProgress?: (done: number, total: number) => void, withhold?: { seq: number, name: string, reason: string }[], keepMinorImages?: boolean }} [options]
 * @returns {Promise<{ blob: Blob, head: { seq: number, hash: string }, fileName: string, withheld: number }>}
 */
export async function exportBundle(caseId, options = {}) {
  await ready();
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

/**
 * @param {string} caseId
 * @param {{ language?: string, onProgress?: (done: number, total: number) => void, withhold?: { seq: number, name: string, reason: string }[], keepMinorImages?: boolean }} options
 */
async function exportOnce(caseId, { language, onProgress, withhold = [], keepMinorImages = false }) {
  const [stored, cases] = await Promise.all([listEntries(caseId), listCases()]);
  const entries = stored.map(({ seq, hash, json }) => ({ seq, hash, json }));
  const startedAt = new Date().toISOString();
  const writer = new (pagesCore().BundleExport)(
    caseId,
    cases.find((c) => c.id === caseId)?.title,
    startedAt,
    `Témoin ${chrome.runtime.getManifest().version}`,
    language ?? (await reportLanguage()),
    entries,
  );
  /** @type {BlobPart[]} */
  const parts = [];
  // wasm-bindgen copies a returned Vec<u8> into a fresh (non-shared) ArrayBuffer.
  const drain = () => parts.push(/** @type {Uint8Array<ArrayBuffer>} */ (writer.takeOutput()));
  try {
    for (const { seq, name, reason } of withhold) writer.withhold(seq, name, reason);
    const withheld = withhold.length + (keepMinorImages ? 0 : writer.withholdMinorImages());
    /** @type {{ seq: number, name: string }[]} */
    const wanted = writer.wanted();
    for (const [i, { seq, name }] of wanted.entries()) {
      const stored = await getArtifact(caseId, seq, name);
      // A missing file is left out; the bundle's verification will name it.
      if (stored) {
        writer.addArtifact(seq, name, new Uint8Array(await stored.blob.arrayBuffer()));
        drain();
      }
      onProgress?.(i + 1, wanted.length);
    }
    const body = writer.sealBody();
    drain();
    const sealed = await appendEvent(caseId, body, { expectSeq: entries.length + 1 });
    // With independent time on, the seal's own stamp when it comes back in time; else later.
    const stamp = await stampNow(caseId, sealed);
    const after = stamp ? [{ seq: stamp.seq, hash: stamp.hash, json: stamp.json }] : [];
    const head = writer.finish({ seq: sealed.seq, hash: sealed.hash, json: sealed.json }, after);
    drain();
    const day = startedAt.slice(0, 10);
    return { blob: new Blob(parts, { type: 'application/zip' }), head, fileName: `temoin-${caseId}-${day}.zip`, withheld };
  } finally {
    writer.free();
  }
}

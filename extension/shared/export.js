// Exporting a case as a bundle (docs/bundle-format.md). The core writes the ZIP; artifacts are
// read from IndexedDB one at a time and the output is drained after each, so the bundle is
// assembled as a Blob of parts and never held whole twice.
import { core, ready } from './core.js';
import { getArtifact, listCases, listEntries } from './store.js';
import { reportLanguage } from './settings.js';

/**
 * @param {string} caseId
 * @param {{ language?: string, onProgress?: (done: number, total: number) => void }} [options]
 * @returns {Promise<{ blob: Blob, head: { seq: number, hash: string }, fileName: string }>}
 */
export async function exportBundle(caseId, { language, onProgress } = {}) {
  await ready();
  const [stored, cases] = await Promise.all([listEntries(caseId), listCases()]);
  const entries = stored.map(({ seq, hash, json }) => ({ seq, hash, json }));
  const exportedAt = new Date().toISOString();
  const writer = new core.BundleExport(
    caseId,
    cases.find((c) => c.id === caseId)?.title,
    exportedAt,
    `Témoin ${chrome.runtime.getManifest().version}`,
    language ?? (await reportLanguage()),
    entries,
  );
  /** @type {BlobPart[]} */
  const parts = [];
  // wasm-bindgen copies a returned Vec<u8> into a fresh (non-shared) ArrayBuffer.
  const drain = () => parts.push(/** @type {Uint8Array<ArrayBuffer>} */ (writer.takeOutput()));
  try {
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
    const head = writer.finish();
    drain();
    const day = exportedAt.slice(0, 10);
    return { blob: new Blob(parts, { type: 'application/zip' }), head, fileName: `temoin-${caseId}-${day}.zip` };
  } finally {
    writer.free();
  }
}

// Where an export is written before the browser saves it: a file in the extension's own
// private storage (the origin private file system, folder `exports/`), written by the export
// worker as the core produces the bundle, so that memory holds a window and never the bundle.
// The person never sees this file: the browser's download is offered only once it is whole
// and its export entry is in the journal; a cancelled or failed export's file is removed.
//
// Each export holds a Web Lock named after its file while it runs and until its file is
// removed. A file whose lock nobody holds is left over from a page closed or a browser stopped
// mid-export: `removeStaleSpools` deletes it, once the browser's download had time to copy it.
//
// Browser behaviour relied on (checked against Chromium 156 and Firefox ESR 153, measured in
// BENCHMARKS.md, "Export"):
// - `FileSystemFileHandle.createSyncAccessHandle()` in a dedicated worker, Chromium 102+ and
//   Firefox 111+ (https://developer.mozilla.org/en-US/docs/Web/API/FileSystemFileHandle/createSyncAccessHandle):
//   writes go to the file synchronously, nothing is kept in memory. The asynchronous
//   `createWritable()`, which is also what `showSaveFilePicker()` gives in Chromium, wrote
//   about half as fast and kept about 110 MB more in Chromium's memory for 1 GB.
// - A `File` from `FileSystemFileHandle.getFile()` is read from disk when the download copies
//   it, in both browsers. Blobs kept in IndexedDB and joined into one `Blob` were not: Chromium
//   held each written blob in memory until it was collected (+960 MB for 1 GB), and Firefox read
//   the joined blob into memory to download it (+1 GB).
// - Firefox has no `showSaveFilePicker()` and runs an extension's background as an event page,
//   not a service worker, so neither a picker nor a streamed service-worker response exists
//   there (https://developer.mozilla.org/en-US/docs/Web/API/Window/showSaveFilePicker,
//   https://github.com/mozilla/web-ext/issues/2532).

/** Left-over files younger than this may still be being copied by a download. */
export const SPOOL_GRACE_MS = 10 * 60 * 1000;

/** The folder of export files, created if needed. */
export async function spoolDirectory() {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle('exports', { create: true });
}

/** The Web Lock an export holds while its file exists. @param {string} name */
export const spoolLock = (name) => `temoin-export:${name}`;

/** A new export file's name. */
export const newSpoolName = () => `${crypto.randomUUID()}.zip`;

/**
 * Removes an export file; a file already gone is fine. A file still open (its worker stopping)
 * is tried again a few times; one left over after that goes with `removeStaleSpools`.
 * @param {string} name
 */
export async function removeSpool(name) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await (await spoolDirectory()).removeEntry(name);
      return;
    } catch (e) {
      if (/** @type {any} */ (e)?.name === 'NotFoundError') return;
      if (attempt >= 5) {
        console.warn(`export file ${name} not removed yet`, e);
        return;
      }
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

/**
 * Removes the export files no export holds any more and older than `graceMs`.
 * @param {number} [graceMs]
 */
export async function removeStaleSpools(graceMs = SPOOL_GRACE_MS) {
  try {
    const held = new Set(((await navigator.locks.query()).held ?? []).map((l) => l.name));
    const dir = await spoolDirectory();
    // Not in TypeScript's DOM declarations yet: the directory's entries, as [name, handle].
    const entries = /** @type {AsyncIterable<[string, FileSystemHandle]>} */ (/** @type {any} */ (dir).entries());
    for await (const [name, handle] of entries) {
      if (held.has(spoolLock(name)) || handle.kind !== 'file') continue;
      const file = await /** @type {FileSystemFileHandle} */ (handle).getFile().catch(() => null);
      if (!file || Date.now() - file.lastModified > graceMs) await removeSpool(name);
    }
  } catch (e) {
    // No private file system here (the export then keeps its bundle in memory): nothing to clean.
    console.warn('left-over export files not checked', e);
  }
}

// A case filled through the extension's own append path (appendEvent: sealed by the core,
// written with its files in one transaction): `count` captures of one image of random bytes
// each, which do not compress, like screenshots. Works with playwright's pages and puppeteer's
// (Firefox): both evaluate `(fn, arg)`.

/**
 * @param {{ evaluate: Function }} extensionPage an extension page
 * @param {string} caseId @param {number} count @param {number} [bytesEach]
 * @returns {Promise<void>}
 */
export function fillCase(extensionPage, caseId, count, bytesEach = 1 << 20) {
  return extensionPage.evaluate(
    async (/** @type {[string, number, number]} */ [id, n, size]) => {
      const { appendEvent, saveCaseDetails } = await import('/extension/shared/journal.js');
      const { core, ready } = await import('/extension/shared/core.js');
      await ready();
      await saveCaseDetails(id, { title: 'Dossier volumineux', person: '', minor: false, description: '' });
      for (let i = 0; i < n; i += 1) {
        const bytes = new Uint8Array(size);
        for (let o = 0; o < bytes.length; o += 65536) crypto.getRandomValues(bytes.subarray(o, Math.min(bytes.length, o + 65536)));
        const name = 'screenshot-visible.png';
        await appendEvent(
          id,
          {
            kind: 'capture',
            page: { url: `https://x.com/corbeau_noir/status/${1790000000000000000 + i}`, title: 'X' },
            capturedAt: new Date().toISOString(),
            artifacts: [{ name, mediaType: 'image/png', size: bytes.length, sha256: core.sha256Hex(bytes), method: 'test filler (random bytes)' }],
            notices: [],
            environment: { browser: 'test', browserVersion: '1', os: 'Linux', extensionVersion: '0', userAgent: 'test', language: 'fr', timeZone: 'UTC', localTime: 'test', incognito: false },
          },
          { artifacts: [{ name, mediaType: 'image/png', bytes }] },
        );
      }
    },
    [caseId, count, bytesEach],
  );
}

/**
 * The names of the export files in the extension's private storage (see extension/shared/spool.js).
 * @param {{ evaluate: Function }} extensionPage
 * @returns {Promise<string[]>}
 */
export function exportFiles(extensionPage) {
  return extensionPage.evaluate(async () => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('exports', { create: true });
    /** @type {string[]} */
    const names = [];
    for await (const [name] of /** @type {any} */ (dir).entries()) names.push(name);
    return names;
  });
}

/**
 * Slows the reading of each stored file by 30 ms (its first read: browsers deliver a file in
 * chunks of different sizes), so that a click can land midway through an export.
 */
export function slowReads() {
  const read = ReadableStreamBYOBReader.prototype.read;
  const started = new WeakSet();
  ReadableStreamBYOBReader.prototype.read = async function (/** @type {any} */ view) {
    if (!started.has(this)) {
      started.add(this);
      await new Promise((r) => setTimeout(r, 30));
    }
    return read.call(this, view);
  };
}

// Headless Chromium with the unpacked extension loaded, driven by playwright-core.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PACKAGED = resolve(ROOT, 'dist/chromium');

// No sandbox (root in a container), and none of the background traffic a closed network refuses.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * A copy of the packaged extension without `unlimitedStorage`, in `dir`: the shipped extension
 * holds that permission, which the DevTools quota override does not limit, so only this copy
 * can be filled up to a quota (IndexedDB and the private files fail the same way,
 * QuotaExceededError, whichever limit is reached).
 * @param {string} dir @returns {Promise<string>} the copy's folder
 */
export async function packagedWithLimitedStorage(dir) {
  await cp(PACKAGED, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  manifest.permissions = manifest.permissions.filter((/** @type {string} */ p) => p !== 'unlimitedStorage');
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/**
 * With `profile`, the browser runs on that profile and leaves it in place (a restart test
 * relaunches on it); otherwise on a fresh one removed at close.
 * `timezoneId` sets the pages' time zone (e.g. `Europe/Paris`), for tests of local times.
 * @param {{ extensionDir?: string, headless?: boolean, args?: string[], profile?: string, timezoneId?: string }} [options]
 */
export async function launchWithExtension({ extensionDir = PACKAGED, headless = true, args = [], profile, timezoneId } = {}) {
  const userDataDir = profile ?? (await mkdtemp(join(tmpdir(), 'temoin-chromium-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless,
    viewport: { width: 1280, height: 800 },
    ...(timezoneId ? { timezoneId } : {}),
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...FLAGS, ...args, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (!profile) {
    // A first install opens the guide; wait for it, so that it cannot come to the front later
    // than a page a test shows.
    const isGuide = (/** @type {import('playwright-core').Page} */ p) => p.url().endsWith('/extension/pages/guide.html');
    if (!context.pages().some(isGuide)) await context.waitForEvent('page', { predicate: isGuide, timeout: 15_000 });
  }
  return {
    context,
    worker,
    extensionId,
    /** @param {string} path a page of the extension, e.g. `extension/pages/journal.html` */
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    /**
     * Wakes the extension's worker if it was stopped, and returns it once it answers. It may
     * open an extension page to do so: bring the page to capture to the front afterwards.
     */
    wakeWorker: async () => {
      for (let attempt = 0; attempt < 50; attempt += 1) {
        for (const w of context.serviceWorkers()) {
          const alive = await Promise.race([
            w.evaluate(() => typeof (/** @type {any} */ (globalThis).temoin)).catch(() => 'gone'),
            new Promise((r) => setTimeout(() => r('slow'), 2000)),
          ]);
          if (alive === 'object') return w;
        }
        // Any event of the extension's starts its worker again; an extension page's message is one.
        let page = context.pages().find((p) => p.url().startsWith(`chrome-extension://${extensionId}/`));
        if (!page) {
          page = await context.newPage();
          await page.goto(`chrome-extension://${extensionId}/extension/pages/import.html`);
        }
        await page.evaluate(() => chrome.runtime.sendMessage({ wake: true }).catch(() => {})).catch(() => {});
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error('the extension worker did not start again');
    },
    /** Kills the browser as a crash would (SIGKILL), leaving its profile as it was. */
    kill: () => {
      execFileSync('pkill', ['-KILL', '-f', `user-data-dir=${userDataDir}`]);
    },
    close: async () => {
      await context.close();
      if (!profile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Captures `pageUrl`'s tab through the very function the context menu calls.
 * @param {import('playwright-core').Worker} worker
 * @param {string} pageUrl
 */
export function captureThroughMenu(worker, pageUrl) {
  return worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    if (!tab) throw new Error(`no tab shows ${url}`);
    return /** @type {any} */ (globalThis).temoin.capture({ menuItemId: 'temoin-capture', pageUrl: url }, tab);
  }, pageUrl);
}

/**
 * Reads a case's journal straight from IndexedDB, without the extension's own code, so that
 * tests check what is stored, not what the extension says is stored. `where` is the worker or
 * any extension page (they share the database); `onlySeq` limits the artifacts read to one entry.
 * @param {import('playwright-core').Worker | import('playwright-core').Page} where
 * @param {string} caseId
 * @param {{ onlySeq?: number }} [options]
 * @returns {Promise<{ entries: { seq: number, hash: string, json: string }[],
 *   artifacts: { seq: number, name: string, mediaType: string, size: number, base64: string }[],
 *   head: { seq: number, hash: string } | undefined }>}
 */
export function readStoredJournal(where, caseId, { onlySeq } = {}) {
  return /** @type {any} */ (where).evaluate(async (/** @type {[string, number | undefined]} */ [id, only]) => {
    /** @type {IDBDatabase | null} */
    const db = await new Promise((ok, ko) => {
      const r = indexedDB.open('temoin');
      // No journal yet: opening must not create an empty database in the extension's place.
      r.onupgradeneeded = () => r.transaction?.abort();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => (r.error?.name === 'AbortError' ? ok(null) : ko(r.error));
    });
    if (!db) return { entries: [], artifacts: [], head: undefined };
    const all = (/** @type {string} */ store, /** @type {IDBKeyRange | undefined} */ range) =>
      new Promise((ok, ko) => {
        const r = db.transaction(store).objectStore(store).getAll(range);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
    const artifactRange = only === undefined ? undefined : IDBKeyRange.bound([id, only, ''], [id, only, '\uffff']);
    const [entries, artifacts, heads] = /** @type {any[][]} */ (await Promise.all([all('entries'), all('artifacts', artifactRange), all('heads')]));
    const toBase64 = (/** @type {Uint8Array} */ bytes) => {
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    };
    db.close();
    return {
      entries: entries.filter((e) => e.caseId === id).map(({ seq, hash, json }) => ({ seq, hash, json })),
      artifacts: await Promise.all(
        artifacts
          .filter((a) => a.caseId === id)
          .map(async (a) => ({ seq: a.seq, name: a.name, mediaType: a.mediaType, size: a.size, base64: toBase64(new Uint8Array(await a.blob.arrayBuffer())) })),
      ),
      head: heads.find((h) => h.caseId === id),
    };
  }, [caseId, onlySeq]);
}

/**
 * The bundle the journal page's Export button saves for this case, as a Buffer: the same
 * function, run in an extension page (export is the pages' work; the worker only captures).
 * @param {{ context: import('playwright-core').BrowserContext, extensionUrl: (path: string) => string }} browser
 * @param {string} caseId
 * @param {string} [language]
 */
export async function exportThroughPage(browser, caseId, language) {
  const page = await browser.context.newPage();
  try {
    await page.goto(browser.extensionUrl('extension/pages/import.html'));
    const base64 = await page.evaluate(
      async ([id, lang]) => {
        const { exportBundle } = await import('/extension/shared/export.js');
        const { blob, release } = await exportBundle(id, lang ? { language: lang } : undefined);
        const bytes = new Uint8Array(await blob.arrayBuffer());
        await release();
        let s = '';
        for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(s);
      },
      [caseId, language],
    );
    return Buffer.from(base64, 'base64');
  } finally {
    await page.close();
  }
}

// The export written to disk as it goes, stopped before its end: cancelled by the person,
// failing on a read midway, and failing on a full disk midway. Each time no file is offered for
// download, no `export` entry is sealed in the journal, no export file is left in the
// extension's storage, and the next export works and verifies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, packagedWithLimitedStorage, readStoredJournal } from '../support/chromium.mjs';
import { assertChainValid } from '../support/journal.mjs';
import { temoin } from '../support/tools.mjs';
import { exportFiles, fillCase, slowReads } from '../support/fill.mjs';

/** @typedef {Awaited<ReturnType<typeof launchWithExtension>>} Browser */

const CASE = 'stream';
/** Enough captures for an export to be stopped midway: 1 MB each, like screenshots. */
const CAPTURES = 60;

/** @type {string} */
let work;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'temoin-stream-'));
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** An extension page, with the case filled. @param {Browser} browser @param {number} count */
async function fill(browser, count) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('extension/pages/import.html'));
  await fillCase(page, CASE, count);
  return page;
}

/**
 * The journal as stored, its chain checked; the kinds of its entries.
 * @param {import('playwright-core').Page} page
 */
async function storedKinds(page) {
  const stored = await readStoredJournal(page, CASE, { onlySeq: -1 });
  assertChainValid(stored);
  return stored.entries.map((e) => JSON.parse(e.json).body.kind);
}

/**
 * The journal page, with downloads counted, and `init` run in it before its scripts.
 * @param {Browser} browser @param {() => void} [init]
 */
async function openJournal(browser, init) {
  const page = await browser.context.newPage();
  if (init) await page.addInitScript(init);
  const downloads = { count: 0 };
  page.on('download', () => (downloads.count += 1));
  /** What the page said in its console, for a stall's message. @type {string[]} */
  const said = [];
  page.on('console', (m) => said.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => said.push(`uncaught: ${e.message}`));
  await page.goto(browser.extensionUrl(`extension/pages/journal.html?case=${CASE}`));
  await page.waitForSelector('#chain[data-ok="true"]');
  return { page, downloads, said };
}

/**
 * Waits for the export to reach `what` (a selector, or at least `files` files written); if it
 * does not, fails with what the export showed and the page's console, so that a stall says why.
 * @param {import('playwright-core').Page} page @param {string[]} said
 * @param {{ selector?: string, files?: number }} what
 */
async function waitForExport(page, said, { selector, files }) {
  try {
    if (selector) await page.waitForSelector(selector, { timeout: 60_000 });
    else await page.waitForFunction((n) => /** @type {HTMLProgressElement} */ (document.getElementById('export-progress')).value >= n, files, { timeout: 60_000 });
  } catch (e) {
    // A page that died meanwhile cannot say more: its timeout is the message then.
    const shown = await page.evaluate(() => ({
      progress: /** @type {HTMLProgressElement} */ (document.getElementById('export-progress')).value,
      status: document.getElementById('export-status')?.textContent,
      error: document.getElementById('export-error')?.textContent,
      errorShown: !document.getElementById('export-error')?.hidden,
    })).catch((gone) => ({ gone: String(gone) }));
    assert.fail(`the export did not reach ${selector ?? `${files} files`}: ${JSON.stringify(shown)}; console: ${JSON.stringify(said)}; ${/** @type {Error} */ (e).message}`);
  }
}

/**
 * After a stopped export: no download, no export entry, no file left (`filesBefore`: those of
 * earlier exports, which stay a while for their downloads), the page ready again.
 */
async function assertNothingLeft(/** @type {import('playwright-core').Page} */ page, /** @type {{ count: number }} */ downloads, /** @type {string[]} */ kindsBefore, /** @type {string[]} */ filesBefore = []) {
  assert.equal(downloads.count, 0, 'no file was offered for download');
  assert.deepEqual(await storedKinds(page), kindsBefore, 'no entry was appended');
  assert.deepEqual((await exportFiles(page)).sort(), [...filesBefore].sort(), 'no export file is left');
  assert.equal(await page.locator('#export-progress-area').isVisible(), false);
  assert.equal(await page.locator('#handover').isVisible(), false);
  assert.equal(await page.getAttribute('#export', 'aria-disabled'), null, 'the Export button works again');
}

/** The Export button, to the end: the bundle verifies and its last entry is the export's. */
async function exportAndVerify(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ name, /** @type {number} */ expectedSeq) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const saved = join(work, name);
  await download.saveAs(saved);
  const verified = temoin(['verify', '--json', saved]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  const report = JSON.parse(verified.stdout);
  assert.equal(report.sealedBy, expectedSeq);
  await page.waitForSelector('#handover:not([hidden])');
  assert.equal(await page.getAttribute('#control-code', 'data-hash'), report.head.hash);
}

test('cancelled midway, and failing on a read midway: no file, no export entry, nothing left', { timeout: 300_000 }, async () => {
  const browser = await launchWithExtension();
  try {
    const filler = await fill(browser, CAPTURES);
    const kinds = await storedKinds(filler);
    assert.equal(kinds.length, CAPTURES + 1);

    // Cancel: the reads slowed down, so that the person's click lands midway.
    const { page, downloads, said } = await openJournal(browser, slowReads);
    await page.click('#export');
    await waitForExport(page, said, { files: 5 });
    const midway = await page.evaluate(() => /** @type {HTMLProgressElement} */ (document.getElementById('export-progress')).value);
    assert.ok(midway < CAPTURES, `the cancel comes midway (${midway} of ${CAPTURES} files)`);
    await page.click('#export-cancel');
    await page.waitForSelector('#export-status:has-text("annulé"), #export-status:has-text("cancelled")');
    assert.match((await page.textContent('#export-status')) ?? '', /(aucun fichier n'a été enregistré et rien n'a été ajouté au journal|no file was saved and nothing was added to the journal)/);
    assert.equal(await page.locator('#export-error').isVisible(), false, 'a cancel is not an error');
    await assertNothingLeft(page, downloads, kinds);
    // The same page exports in full afterwards.
    await exportAndVerify(page, 'after-cancel.zip', CAPTURES + 2);
    await page.close();

    // A read failing after 20 files (a disk error midway): the export stops and says why.
    const failing = await openJournal(browser, () => {
      const get = IDBObjectStore.prototype.get;
      let reads = 0;
      IDBObjectStore.prototype.get = function (/** @type {IDBValidKey} */ key) {
        if (this.name === 'artifacts' && /** @type {any} */ (globalThis).failAfter !== undefined && (reads += 1) > /** @type {any} */ (globalThis).failAfter) {
          throw new DOMException('lecture du disque impossible', 'NotReadableError');
        }
        return get.call(this, key);
      };
    });
    const before = await storedKinds(failing.page);
    const filesBefore = await exportFiles(failing.page);
    await failing.page.evaluate(() => {
      /** @type {any} */ (globalThis).failAfter = 20;
    });
    await failing.page.click('#export');
    await waitForExport(failing.page, failing.said, { selector: '#export-error:not([hidden])' });
    assert.match((await failing.page.textContent('#export-error')) ?? '', /lecture du disque impossible/);
    const reached = await failing.page.evaluate(() => /** @type {HTMLProgressElement} */ (document.getElementById('export-progress')).value);
    assert.ok(reached > 0 && reached <= 20, `it failed midway (${reached} files written)`);
    await assertNothingLeft(failing.page, failing.downloads, before, filesBefore);
    await failing.page.evaluate(() => {
      /** @type {any} */ (globalThis).failAfter = undefined;
    });
    await exportAndVerify(failing.page, 'after-failure.zip', CAPTURES + 3);
  } finally {
    await browser.close();
  }
});

test('the disk full midway: no file, no export entry, nothing left; with room again, it exports', { timeout: 300_000 }, async () => {
  const browser = await launchWithExtension({ extensionDir: await packagedWithLimitedStorage(join(work, 'limited')) });
  try {
    const filler = await fill(browser, 40);
    const kinds = await storedKinds(filler);
    const origin = `chrome-extension://${browser.extensionId}`;
    const cdp = await browser.context.newCDPSession(filler);
    const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
    // Room for 15 of the 40 MB the bundle takes.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 15 * 1024 * 1024 });
    const { page, downloads, said } = await openJournal(browser);
    await page.click('#export');
    await waitForExport(page, said, { selector: '#export-error:not([hidden])' });
    assert.match((await page.textContent('#export-error')) ?? '', /(l'espace de stockage de l'appareil est plein|the device's storage is full)/);
    const reached = await page.evaluate(() => /** @type {HTMLProgressElement} */ (document.getElementById('export-progress')).value);
    assert.ok(reached > 0 && reached < 40, `it failed midway (${reached} of 40 files)`);
    await assertNothingLeft(page, downloads, kinds);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await exportAndVerify(page, 'after-full.zip', kinds.length + 1);
  } finally {
    await browser.close();
  }
});

// The journal a parent reviews and the bundle a lawyer verifies, in a real browser: three
// captures, a note, categories and a deletion made through the journal page; the export
// checked by `sha256sum -c` and `temoin verify`; report.html opened with nothing running; an
// altered bundle caught; the import page's three verdicts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDirectory, serveFixtures } from '../support/server.mjs';
import { captureThroughMenu, exportThroughPage, launchWithExtension, ROOT } from '../support/chromium.mjs';
import { flipStoredByte, run, temoin } from '../support/tools.mjs';

/** @type {Awaited<ReturnType<typeof serveFixtures>>} */
let server;
/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;
/** @type {string} */
let work;

before(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
  work = await mkdtemp(join(tmpdir(), 'temoin-export-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** @param {import('playwright-core').Page} journal @param {number} seq */
async function openDetail(journal, seq) {
  await journal.click(`#entries tr[data-seq="${seq}"] button.open-detail`);
  await journal.waitForSelector('dialog#detail[open]');
}

test('review, annotate, export, verify, alter, import', async () => {
  const page = await browser.context.newPage();
  for (const n of [1, 2, 3]) {
    const url = `${server.origin}/demo/?n=${n}`;
    await page.goto(url);
    await page.bringToFront();
    const r = await captureThroughMenu(browser.worker, url);
    assert.equal(r.seq, n);
  }

  const journal = await browser.context.newPage();
  journal.on('dialog', (d) => d.accept());
  await journal.goto(browser.extensionUrl('extension/pages/journal.html'));
  await journal.waitForSelector('#chain[data-ok="true"]');
  assert.equal(await journal.locator('#entries tbody tr').count(), 3);

  // Previews are blurred until their toggle button is pressed.
  const reveal = journal.locator('#entries tr[data-seq="1"] button.reveal');
  const thumb = reveal.locator('img');
  await thumb.waitFor();
  assert.match((await thumb.getAttribute('class')) ?? '', /blurred/);
  await reveal.click();
  assert.equal(await reveal.getAttribute('aria-pressed'), 'true');
  assert.doesNotMatch((await thumb.getAttribute('class')) ?? '', /blurred/);

  // The page as captured shows in an inert sandboxed frame.
  await openDetail(journal, 1);
  await journal.click('#show-snapshot');
  const frame = journal.locator('dialog#detail iframe');
  assert.equal(await frame.getAttribute('sandbox'), '');
  const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
  assert.match(srcdoc, /Content-Security-Policy/);
  assert.match(srcdoc, /personne ne veut de toi/);
  await journal.frameLocator('dialog#detail iframe').locator('article').first().waitFor();
  // Categories for entry 1 (after the frame has loaded: it moves what lies below it).
  await journal.locator('#categories input[value="threat"]').scrollIntoViewIfNeeded();
  await journal.check('#categories input[value="threat"]');
  await journal.click('#save-categories');
  await journal.waitForSelector('#entries tr[data-seq="1"] [data-category="threat"]');

  await openDetail(journal, 2);
  await journal.fill('#note-text', 'Reçu pendant le cours de maths');
  await journal.click('#add-note');
  await journal.waitForSelector('dialog#detail', { state: 'hidden' });

  await openDetail(journal, 3);
  await journal.fill('#delete-reason', 'doublon');
  await journal.click('#delete-item');
  await journal.waitForSelector('#entries tr[data-seq="3"].deleted');
  await journal.waitForSelector('#chain[data-ok="true"]');
  assert.match((await journal.textContent('#chain')) ?? '', /6/, 'three captures, categories, a note, a deletion');

  // The deleted capture's bytes are gone from storage; its entry and tombstone remain.
  const remaining = await browser.worker.evaluate(async () => {
    const db = await new Promise((ok) => {
      const r = indexedDB.open('temoin');
      r.onsuccess = () => ok(r.result);
    });
    return new Promise((ok) => {
      const r = /** @type {IDBDatabase} */ (db).transaction('artifacts').objectStore('artifacts').getAllKeys();
      r.onsuccess = () => ok(r.result.map((k) => /** @type {any[]} */ (k)[1]));
    });
  });
  assert.deepEqual([...new Set(/** @type {number[]} */ (remaining))].sort(), [1, 2]);

  // Export through the worker, as the Export button does.
  const bundle = await exportThroughPage(browser, 'default', 'fr');
  const zipPath = join(work, 'bundle.zip');
  await writeFile(zipPath, bundle);
  const dir = join(work, 'unzipped');
  assert.equal(run('unzip', ['-q', zipPath, '-d', dir]).status, 0);
  const sums = run('sha256sum', ['-c', 'SHA256SUMS'], dir);
  assert.equal(sums.status, 0, sums.stdout + sums.stderr);
  assert.match(sums.stdout, /captures\/000001\/screenshot-visible\.png: OK/);
  assert.doesNotMatch(sums.stdout, /captures\/000003/, 'the deleted capture has no files');
  // Kept for the differential test (make differential), which reads it with other tools too.
  await mkdir(join(ROOT, 'tests/.tmp/exports'), { recursive: true });
  await copyFile(zipPath, join(ROOT, 'tests/.tmp/exports/journal-export.zip'));
  const verified = temoin(['verify', zipPath]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  assert.match(verified.stdout, /VALID/);

  // report.html: every capture present, deletion and note shown, no script, no console error.
  const reportServer = await serveDirectory(dir);
  try {
    const report = await browser.context.newPage();
    /** @type {string[]} */
    const errors = [];
    report.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    report.on('pageerror', (e) => errors.push(String(e)));
    await report.goto(`${reportServer.origin}/report.html`);
    await report.waitForLoadState('load');
    assert.deepEqual(errors, []);
    assert.equal(await report.evaluate(() => document.scripts.length), 0);
    assert.deepEqual(await report.locator('section.item').evaluateAll((s) => s.map((e) => e.getAttribute('data-seq'))), ['1', '2', '3']);
    assert.equal(await report.locator('#chronology tbody tr').count(), 3);
    const text = (await report.textContent('body')) ?? '';
    assert.match(text, /doublon/);
    assert.match(text, /Reçu pendant le cours de maths/);
    assert.match(text, /Menace/);
    const shotLoaded = await report.locator('section.item[data-seq="1"] img.shot').evaluate((img) => /** @type {HTMLImageElement} */ (img).naturalWidth);
    assert.ok(shotLoaded > 0, 'screenshots load by relative path');
    await report.close();
  } finally {
    await reportServer.close();
  }

  // The raw DOM is stored as text, so that opening it from the folder runs nothing.
  assert.ok(existsSync(join(dir, 'captures/000001/page.html.txt')));
  assert.ok(!existsSync(join(dir, 'captures/000001/page.html')));

  // The whole folder zipped again by another tool: not the bundle's one layout, refused.
  const rezipped = join(work, 'rezipped.zip');
  assert.equal(run('zip', ['-qr', rezipped, '.'], dir).status, 0);
  const refused = temoin(['verify', rezipped]);
  assert.equal(refused.status, 2, refused.stdout + refused.stderr);

  // One byte altered in capture 2's screenshot, its CRC fixed: temoin verify names it.
  const altered = join(work, 'altered.zip');
  await writeFile(altered, flipStoredByte(await readFile(zipPath), 'captures/000002/screenshot-visible.png'));
  const caught = temoin(['verify', altered]);
  assert.equal(caught.status, 1, caught.stdout + caught.stderr);
  assert.match(caught.stdout, /entry 2 file captures\/000002\/screenshot-visible\.png/);
  // The same check with the control code written down at export, as people copy it.
  const code = JSON.parse(run('unzip', ['-p', zipPath, 'bundle.json']).stdout).head.hash;
  const grouped = `${code.toUpperCase().match(/.{4}/g)?.join(' ')}\n`;
  assert.equal(temoin(['verify', '--expect-head', grouped, zipPath]).status, 0);

  // The import page: valid, altered, unreadable; nothing is added to the journal.
  const importer = await browser.context.newPage();
  await importer.goto(browser.extensionUrl('extension/pages/import.html'));
  await importer.setInputFiles('#bundle-input', zipPath);
  await importer.waitForSelector('#result[data-state="valid"]');
  // The code in groups of four, as the handover panel and the cover sheet write it.
  assert.ok(((await importer.textContent('#result')) ?? '').includes(code.match(/.{4}/g)?.join(' ') ?? '-'));
  assert.equal(await importer.getAttribute('#result', 'data-head'), code);
  assert.equal(await importer.locator('#readonly-entries tbody tr').count(), 3);
  // With the control code given as people copy it, and with another one: changing the code
  // verifies the chosen file again.
  /** @param {string} text */
  const expectCode = async (text) => {
    await importer.fill('#expected-code', text);
    await importer.dispatchEvent('#expected-code', 'change');
  };
  await expectCode(grouped);
  await importer.waitForSelector('#result[data-state="valid"]');
  assert.equal(await importer.getAttribute('#result', 'data-head'), code);
  await expectCode('ab'.repeat(32));
  await importer.waitForSelector('#result[data-state="altered"]');
  assert.ok(await importer.locator('#problems li[data-code="unexpected-head"]').count());
  await expectCode('not a code');
  await importer.waitForSelector('#result[data-state="bad-code"]');
  await expectCode('');
  await importer.setInputFiles('#bundle-input', rezipped);
  await importer.waitForSelector('#result[data-state="unreadable"]');
  // Why, in the page's language; the core's own English words only under « Détails techniques ».
  const refusal = async () => ({
    text: (await importer.textContent('#result')) ?? '',
    code: await importer.textContent('#result-details code'),
    core: (await importer.textContent('#result-details [lang="en"]')) ?? '',
  });
  const rezippedSaid = await refusal();
  assert.match(rezippedSaid.text, /(remade by other software, after the export|refait par un autre logiciel, après l'export).*(Ask the person who gave you this file for the original|Demandez le fichier d'origine)/su, rezippedSaid.text);
  assert.ok(rezippedSaid.core.length > 0 && !rezippedSaid.text.includes(rezippedSaid.core), JSON.stringify(rezippedSaid));
  assert.equal(rezippedSaid.code, await importer.getAttribute('#result', 'data-code'));
  await importer.setInputFiles('#bundle-input', altered);
  await importer.waitForSelector('#result[data-state="altered"]');
  assert.ok(await importer.locator('#problems li[data-code="artifact-hash-mismatch"][data-seq="2"]').count());
  // Named as people name the capture, in the page's language: "Capture no. 2, <platform>: <file> has changed".
  const named = (await importer.textContent('#problems li[data-code="artifact-hash-mismatch"][data-seq="2"] .problem-text')) ?? '';
  assert.match(named, /^Capture (no\.|n°)\s2, .+: .+ (has changed|a été modifié)$/u, named);
  await importer.setInputFiles('#bundle-input', { name: 'junk.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
  await importer.waitForSelector('#result[data-state="unreadable"]');
  assert.equal(await importer.getAttribute('#result', 'data-code'), 'corrupt-bundle');
  const junkSaid = await refusal();
  assert.match(junkSaid.text, /(incomplete, damaged, or not a ZIP file|incomplet, abîmé, ou ce n'est pas un fichier ZIP)/u, junkSaid.text);
  assert.ok(junkSaid.core.length > 0 && !junkSaid.text.includes(junkSaid.core), JSON.stringify(junkSaid));
  assert.equal(junkSaid.code, 'corrupt-bundle');

  // The Export button saves a bundle named after the case ("Mon dossier" or "My case", in the
  // browser's language) that verifies with the head the handover panel gives as its code.
  const [download] = await Promise.all([journal.waitForEvent('download'), journal.click('#export')]);
  assert.match(download.suggestedFilename(), /^temoin-(mon-dossier|my-case)-\d{4}-\d{2}-\d{2}-\d{2}h\d{2}\.zip$/);
  const saved = join(work, 'saved.zip');
  await download.saveAs(saved);
  const fromButton = temoin(['verify', '--json', saved]);
  assert.equal(fromButton.status, 0, fromButton.stdout);
  // Three captures, categories, a note, a deletion, the worker's export, then this one.
  assert.equal(JSON.parse(fromButton.stdout).head.seq, 8);
  assert.equal(JSON.parse(fromButton.stdout).sealedBy, 8);
  await journal.waitForSelector('#export-status:has-text(".zip")');
  await journal.waitForSelector('#handover:not([hidden])');
  assert.equal(await journal.getAttribute('#control-code', 'data-hash'), JSON.parse(fromButton.stdout).head.hash);
});

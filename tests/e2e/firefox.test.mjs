// The same journey in Firefox ESR: capture a fixture post, see it in the journal page, export,
// verify the bundle natively. Where Firefox lacks an API (MHTML), the record says so. Then an
// export cancelled midway leaves no file and no entry, and the Export button's next one verifies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFixtures } from '../support/server.mjs';
import { closeFirefox, launchFirefoxWithExtension } from '../support/firefox.mjs';
import { readStoredJournal } from '../support/chromium.mjs';
import { assertChainValid, assertEntryWhole } from '../support/journal.mjs';
import { flipStoredByte, temoin } from '../support/tools.mjs';
import { exportFiles, fillCase, slowReads } from '../support/fill.mjs';

/** @type {Awaited<ReturnType<typeof serveFixtures>>} */
let server;
/** @type {Awaited<ReturnType<typeof launchFirefoxWithExtension>>} */
let firefox;
/** @type {string} */
let work;
/** Where Firefox saves what the extension offers for download. */
let downloads = '';

before(async () => {
  server = await serveFixtures();
  work = await mkdtemp(join(tmpdir(), 'temoin-firefox-'));
  downloads = join(work, 'downloads');
  await mkdir(downloads);
  firefox = await launchFirefoxWithExtension({ downloadDir: downloads });
});

after(async () => {
  await closeFirefox(firefox);
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

test('Firefox: capture a post, see it in the journal, export, verify', { timeout: 180_000 }, async () => {
  const { browser, extensionPage, origin } = firefox;
  const post = await browser.newPage();
  await post.goto(`${server.origin}/demo/`);
  await post.bringToFront();
  await post.click('#post-42 p.text', { button: 'right' });

  // The menu's own handler, called in the background page as the menu item would.
  const reply = await extensionPage.evaluate(async (url) => {
    const bg = /** @type {any} */ (await browser.runtime.getBackgroundPage());
    const tab = (await browser.tabs.query({})).find((t) => t.url === url);
    return bg.temoin.captureAndReport({ menuItemId: 'temoin-capture', pageUrl: url }, tab);
  }, post.url());
  assert.deepEqual({ ok: reply.ok, seq: reply.seq }, { ok: true, seq: 1 }, JSON.stringify(reply));
  // The confirmation the page cannot read or imitate: the browser's notification. Headless
  // Firefox closes notifications at once (getAll() is empty), so the test reads what the
  // background page asked the browser to show.
  const shown = await extensionPage.evaluate(async () => {
    const bg = /** @type {any} */ (await browser.runtime.getBackgroundPage());
    return bg.temoin.lastNotificationForTesting;
  });
  assert.deepEqual({ id: shown?.id, created: shown?.created }, { id: 'capture|default|1', created: true }, JSON.stringify(shown));

  // The journal page lists it, its chain verified.
  await extensionPage.evaluate((url) => location.assign(url), `${origin}extension/pages/journal.html`);
  await extensionPage.waitForSelector('#chain[data-ok="true"]', { timeout: 30_000 });
  assert.equal(await extensionPage.$$eval('#entries tbody tr', (rows) => rows.length), 1);
  const listed = await extensionPage.$eval('#entries', (t) => t.textContent ?? '');
  assert.match(listed, /personne ne veut de toi/);

  // The bundle the Export button saves.
  const base64 = await extensionPage.evaluate(async () => {
    const { exportBundle } = await import('/extension/shared/export.js');
    const { blob, release } = await exportBundle('default');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    await release();
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  });
  const zip = join(work, 'firefox.zip');
  await writeFile(zip, Buffer.from(base64, 'base64'));
  const verified = temoin(['verify', '--json', zip]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  assert.equal(JSON.parse(verified.stdout).ok, true);

  // What the record says of Firefox: no MHTML, the other methods named.
  const inspected = temoin(['inspect', zip]);
  assert.equal(inspected.status, 0, inspected.stderr);
  // Read straight from IndexedDB (puppeteer's page.evaluate has playwright's shape), files included.
  const stored = await readStoredJournal(/** @type {any} */ (extensionPage), 'default');
  assertChainValid(stored);
  // The capture, and the export entry that sealed the bundle.
  assert.equal(stored.entries.length, 2);
  assert.equal(JSON.parse(stored.entries[1].json).body.kind, 'export');
  assertEntryWhole(stored.entries[0], stored.artifacts);
  const event = JSON.parse(stored.entries[0].json);
  assert.equal(event.body.environment.browser, 'Firefox');
  assert.ok(event.body.notices.includes('mhtml-unavailable'), event.body.notices.join());
  const names = event.body.artifacts.map((/** @type {any} */ a) => a.name);
  assert.ok(names.includes('screenshot-visible.png') && names.includes('snapshot.html') && names.includes('page.html'), names.join());
  assert.ok(!names.includes('page.mhtml'));
  assert.equal(event.body.post.text?.includes('personne ne veut de toi'), true);
  for (const a of event.body.artifacts) assert.ok(a.method.length > 0, `${a.name} says how it was made`);
});

test('Firefox: an export cancelled midway saves nothing and seals nothing; the next one verifies, here and on the import page', { timeout: 180_000 }, async () => {
  const { extensionPage, origin } = firefox;
  // The extension's tab in front: the first test left the captured post's tab there, and
  // Firefox runs a background tab's timers at most once a second (and its animation frames not
  // at all), which would stretch the slowed reads below from 30 ms to a second each and stall
  // the waits on the page (https://developer.mozilla.org/en-US/docs/Web/API/Window/setTimeout#timeouts_in_inactive_tabs).
  // The export itself runs no timer: its worker and its IndexedDB reads are not throttled.
  await extensionPage.bringToFront();
  await fillCase(extensionPage, 'stream', 40);
  await extensionPage.evaluate((url) => location.assign(url), `${origin}extension/pages/journal.html?case=stream`);
  // The journal page of this case, not the one shown before it.
  await extensionPage.waitForFunction(() => location.search === '?case=stream' && document.querySelector('#chain[data-ok="true"]'), { timeout: 30_000 });
  const before = await readStoredJournal(/** @type {any} */ (extensionPage), 'stream', { onlySeq: -1 });
  await extensionPage.evaluate(slowReads);
  await extensionPage.click('#export');
  await extensionPage.waitForFunction(() => /** @type {HTMLProgressElement} */ (document.getElementById('export-progress')).value >= 5, { timeout: 60_000 });
  await extensionPage.click('#export-cancel');
  await extensionPage.waitForFunction(() => /(annulé|cancelled)/.test(document.getElementById('export-status')?.textContent ?? ''), { timeout: 60_000 });
  const after = await readStoredJournal(/** @type {any} */ (extensionPage), 'stream', { onlySeq: -1 });
  assertChainValid(after);
  assert.deepEqual(after.entries.map((e) => e.hash), before.entries.map((e) => e.hash), 'no entry was appended');
  assert.deepEqual(await exportFiles(extensionPage), [], 'no export file is left');
  assert.deepEqual(await readdir(downloads), [], 'nothing was saved');

  // The Export button again, to the end: the file saved verifies, sealed by the next entry.
  await extensionPage.click('#export');
  await extensionPage.waitForSelector('#handover:not([hidden])', { timeout: 120_000 });
  /** @type {string | undefined} */
  let saved;
  for (let waited = 0; !saved && waited < 60_000; waited += 100) {
    const names = await readdir(downloads);
    if (!names.some((n) => n.endsWith('.part'))) saved = names.find((n) => n.endsWith('.zip'));
    if (!saved) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(saved, 'the bundle was saved');
  const verified = temoin(['verify', '--json', join(downloads, saved)]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  assert.equal(JSON.parse(verified.stdout).sealedBy, before.entries.length + 1);

  // The import page on that bundle (40 MB: read in two parts by two workers, each streaming its
  // half from disk): the control code temoin verify gives.
  await extensionPage.evaluate((url) => location.assign(url), `${origin}extension/pages/import.html`);
  await extensionPage.waitForFunction(() => location.pathname.endsWith('import.html') && document.readyState === 'complete');
  const input = /** @type {import('puppeteer-core').ElementHandle<HTMLInputElement>} */ (await extensionPage.$('#bundle-input'));
  await input.uploadFile(join(downloads, saved));
  await extensionPage.waitForFunction(() => ['valid', 'altered', 'unreadable', 'failed'].includes(document.getElementById('result')?.dataset.state ?? ''), { timeout: 120_000 });
  const shown = await extensionPage.evaluate(() => ({ state: document.getElementById('result')?.dataset.state, head: document.getElementById('result')?.dataset.head, text: document.getElementById('result')?.textContent }));
  assert.deepEqual([shown.state, shown.head], ['valid', JSON.parse(verified.stdout).head.hash], String(shown.text));

  // The same bundle with a file of its second half edited and its CRC-32 made to match: only
  // the digest can tell, and here it is Firefox's own SHA-256 that makes it.
  const edited = join(work, 'edited.zip');
  await writeFile(edited, flipStoredByte(await readFile(join(downloads, saved)), 'captures/000030/screenshot-visible.png'));
  const cli = JSON.parse(temoin(['verify', '--json', edited]).stdout);
  assert.equal(cli.ok, false);
  const editedInput = /** @type {import('puppeteer-core').ElementHandle<HTMLInputElement>} */ (await extensionPage.$('#bundle-input'));
  await editedInput.uploadFile(edited);
  await extensionPage.waitForFunction(() => document.getElementById('result')?.dataset.state === 'altered', { timeout: 120_000 });
  const problems = await extensionPage.evaluate(() => [...document.querySelectorAll('#problems li[data-code]')].map((li) => ({ code: /** @type {HTMLElement} */ (li).dataset.code, text: li.textContent ?? '' })));
  assert.deepEqual([...new Set(problems.map((p) => p.code))].sort(), [...new Set(cli.problems.map((/** @type {any} */ p) => p.code))].sort());
  assert.ok(problems.some((p) => p.text.includes('captures/000030/screenshot-visible.png')), JSON.stringify(problems));
});

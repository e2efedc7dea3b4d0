// The same journey in Firefox ESR: capture a fixture post, see it in the journal page, export,
// verify the bundle natively. Where Firefox lacks an API (MHTML), the record says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFixtures } from '../support/server.mjs';
import { launchFirefoxWithExtension } from '../support/firefox.mjs';
import { readStoredJournal } from '../support/chromium.mjs';
import { assertChainValid, assertEntryWhole } from '../support/journal.mjs';
import { temoin } from '../support/tools.mjs';

/** @type {Awaited<ReturnType<typeof serveFixtures>>} */
let server;
/** @type {Awaited<ReturnType<typeof launchFirefoxWithExtension>>} */
let firefox;
/** @type {string} */
let work;

before(async () => {
  server = await serveFixtures();
  firefox = await launchFirefoxWithExtension();
  work = await mkdtemp(join(tmpdir(), 'temoin-firefox-'));
});

after(async () => {
  await firefox?.browser.close();
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

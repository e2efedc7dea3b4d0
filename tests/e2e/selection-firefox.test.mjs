// "Capture several posts" in Firefox ESR: the raid (tests/fixtures/raid, an X conversation with
// 60 replies by 25 accounts) served as http://x.com/... through a local proxy that answers for
// every host name, so that Témoin recognises X as in Chromium. The same journey, by the
// keyboard: the menu's handler opens the selection, Enter on « Toutes les réponses sous ce
// message », then « Capturer (60) », and the exported case verifies with `temoin verify`; four
// posts ticked with Tab and Space (one far below the screen); Escape on a selection writes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../support/server.mjs';
import { closeFirefox, launchFirefoxWithExtension } from '../support/firefox.mjs';
import { readStoredJournal } from '../support/chromium.mjs';
import { assertChainValid } from '../support/journal.mjs';
import { temoin } from '../support/tools.mjs';

const sha256 = (/** @type {Buffer} */ b) => createHash('sha256').update(b).digest('hex');
const RAID = 'http://x.com/lea_m/status/1790000000000007000';

/** @type {import('node:http').Server} */
let proxy;
/** @type {Awaited<ReturnType<typeof launchFirefoxWithExtension>>} */
let firefox;

before(async () => {
  const page = await readFile(join(FIXTURES, 'raid', 'x.com', 'index.html'));
  // A proxy that is the whole web: x.com's pages get the raid, anything else 404.
  proxy = createServer((req, res) => {
    const host = (req.headers.host ?? '').split(':')[0].toLowerCase();
    if (host === 'x.com') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end();
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = proxy.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  firefox = await launchFirefoxWithExtension({
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': address.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': false,
      'dom.security.https_first': false,
      'dom.security.https_only_mode': false,
    },
  });
});

after(async () => {
  await closeFirefox(firefox);
  await new Promise((resolve) => proxy?.close(() => resolve(undefined)));
});

/**
 * The capture the selection's "Capture" started. The background page is asked again at each
 * look: Firefox may have suspended it while the person chose, and the message that woke it ran
 * the capture in a new one.
 */
function capturedResult() {
  return firefox.extensionPage.evaluate(async () => {
    // By the clock: a tab in the background has its timers slowed to one a second.
    for (const end = Date.now() + 30_000; Date.now() < end; ) {
      const bg = /** @type {any} */ (await browser.runtime.getBackgroundPage());
      const last = bg.temoinSelection?.last;
      if (last) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  });
}

/** Opens the raid, right-clicks the raided post and opens the selection through the menu's handler. */
async function openSelection() {
  const { browser, extensionPage } = firefox;
  const post = await browser.newPage();
  await post.goto(RAID);
  await post.bringToFront();
  await post.click('article.focal [data-testid="tweetText"]', { button: 'right' });
  const opened = await extensionPage.evaluate(async (url) => {
    const bg = /** @type {any} */ (await browser.runtime.getBackgroundPage());
    bg.temoinSelection.last = null;
    const tab = (await browser.tabs.query({ active: true })).find((t) => t.url === url);
    return bg.temoinSelection.startSelection({ menuItemId: 'temoin-capture-several', frameId: 0, pageUrl: url }, tab);
  }, post.url());
  await post.bringToFront();
  return { post, opened };
}

test('Firefox: all replies under the raided post, by the keyboard, in one capture', { timeout: 180_000 }, async () => {
  const { extensionPage } = firefox;
  const { post, opened } = await openSelection();
  assert.deepEqual(opened, { posts: 63, anchor: true, reader: 'platform:x' });
  if (process.env.TEMOIN_SCREENSHOT) await post.screenshot({ path: process.env.TEMOIN_SCREENSHOT });
  const expected = await post.evaluate(() => {
    const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent?.includes('découvrir'));
    return [...document.querySelectorAll('article[data-testid="tweet"]:not(.focal)')]
      .filter((a) => !heading || !!(a.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING))
      .map((a) => new URL(a.querySelector('time')?.closest('a')?.getAttribute('href') ?? '', location.href).href);
  });
  assert.equal(expected.length, 60);
  await post.keyboard.press('Enter');
  await post.keyboard.press('Tab');
  await post.keyboard.press('Tab');
  await post.keyboard.press('Enter');
  const result = await capturedResult();
  assert.ok(result, 'a capture was made');
  const stored = await readStoredJournal(/** @type {any} */ (extensionPage), result.caseId);
  assertChainValid(stored);
  const entry = stored.entries.find((e) => e.seq === result.seq);
  assert.ok(entry);
  const body = JSON.parse(entry.json).body;
  assert.equal(body.environment.browser, 'Firefox');
  assert.deepEqual(body.collection, { mode: 'selection', scope: 'replies', reader: 'platform:x' });
  assert.deepEqual(body.items.map((/** @type {any} */ i) => i.post.permalink), expected, 'the 60 replies, in page order');
  assert.equal(new Set(body.items.map((/** @type {any} */ i) => i.post.authorHandle)).size, 25);
  for (const item of body.items) {
    const a = stored.artifacts.find((x) => x.seq === result.seq && x.name === item.crop?.name);
    assert.ok(a, `item ${item.n}'s crop is stored`);
    assert.equal(sha256(Buffer.from(a.base64, 'base64')), item.crop.sha256, `item ${item.n}'s crop digest`);
  }
  assert.equal(body.artifacts.filter((/** @type {any} */ a) => a.name === 'screenshot-full.png').length, 1);
  await post.close();

  // The bundle the Export button saves verifies natively, items and crops included.
  const base64 = await extensionPage.evaluate(async (caseId) => {
    const { exportBundle } = await import('/extension/shared/export.js');
    const { blob, release } = await exportBundle(caseId);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    await release();
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, result.caseId);
  const dir = await mkdtemp(join(tmpdir(), 'temoin-selection-firefox-'));
  try {
    const zip = join(dir, 'case.zip');
    await writeFile(zip, Buffer.from(base64, 'base64'));
    const verified = temoin(['verify', '--json', zip]);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);
    assert.equal(JSON.parse(verified.stdout).ok, true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('Firefox: Escape cancels the selection and writes nothing', { timeout: 120_000 }, async () => {
  const { extensionPage } = firefox;
  const before = await readStoredJournal(/** @type {any} */ (extensionPage), 'default', { onlySeq: -1 });
  const { post, opened } = await openSelection();
  assert.equal(opened.posts, 63);
  assert.equal(await post.evaluate(() => !!document.querySelector('temoin-selection')), true, 'the overlay is shown');
  await post.keyboard.press('Enter');
  await post.keyboard.press('Escape');
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(await post.evaluate(() => !!document.querySelector('temoin-selection')), false, 'the overlay is gone');
  const after = await readStoredJournal(/** @type {any} */ (extensionPage), 'default', { onlySeq: -1 });
  assert.deepEqual(after.entries.map((e) => e.hash), before.entries.map((e) => e.hash));
  const last = await extensionPage.evaluate(async () => /** @type {any} */ (await browser.runtime.getBackgroundPage()).temoinSelection.last);
  assert.equal(last, null);
  await post.close();
});

test('Firefox: posts ticked with the keyboard alone (Tab to a post\'s tick, Space), one far below the screen, give those items', { timeout: 120_000 }, async () => {
  const { extensionPage } = firefox;
  const { post, opened } = await openSelection();
  assert.equal(opened.anchor, true);
  const permalinks = await post.evaluate(() =>
    [...document.querySelectorAll('article[data-testid="tweet"]')].map((a) => new URL(a.querySelector('time')?.closest('a')?.getAttribute('href') ?? '', location.href).href),
  );
  // The focus is on « Toutes les réponses… »; then « Tous les messages… », « Annuler » (« Capturer »
  // is off while nothing is ticked), then one tick per post in page order (the raided post's first).
  for (let i = 0; i < 4; i += 1) await post.keyboard.press('Tab');
  await post.keyboard.press(' '); // reply 1
  await post.keyboard.press('Tab');
  await post.keyboard.press('Tab');
  await post.keyboard.press(' '); // reply 3
  await post.keyboard.press('Tab');
  await post.keyboard.press(' '); // reply 4
  // Far below the screen: its tick is in the keyboard's order all the same.
  for (let i = 0; i < 36; i += 1) await post.keyboard.press('Tab');
  await post.keyboard.press(' '); // reply 40
  // Back to « Capturer (4) »: forty ticks, « Annuler », then it.
  await post.keyboard.down('Shift');
  for (let i = 0; i < 42; i += 1) await post.keyboard.press('Tab');
  await post.keyboard.up('Shift');
  await post.keyboard.press('Enter'); // « Capturer (4) »
  const result = await capturedResult();
  assert.ok(result, 'a capture was made');
  const stored = await readStoredJournal(/** @type {any} */ (extensionPage), result.caseId);
  assertChainValid(stored);
  const body = JSON.parse(/** @type {{ json: string }} */ (stored.entries.find((e) => e.seq === result.seq)).json).body;
  assert.equal(body.collection.scope, 'ticked');
  assert.deepEqual(body.items.map((/** @type {any} */ i) => i.post.permalink), [permalinks[1], permalinks[3], permalinks[4], permalinks[40]]);
  await post.close();
});

// Nothing executed, nothing leaked: a page whose every captured field carries a script payload
// is captured, then shown everywhere Témoin shows it (journal, detail and its snapshot frame,
// guide, letters, import, the exported report.html and snapshot.html opened as files). No
// payload runs (its canary stays unset, no element carries a handler or a javascript: link),
// and no request leaves the browser after the page is closed: the test's server answers for
// every host name, so it sees every request that leaves. Also the page-shaped faults: a 50 MB
// DOM, an endlessly growing page, closed shadow roots, a page that navigates away mid-capture.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveHosts } from '../support/hosts.mjs';
import { captureThroughMenu, exportThroughPage, launchWithExtension, readStoredJournal } from '../support/chromium.mjs';
import { assertChainValid, assertEntryWhole } from '../support/journal.mjs';
import { run, temoin } from '../support/tools.mjs';

/** @type {Awaited<ReturnType<typeof serveHosts>>} */
let hosts;
/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;
/** @type {string} */
let work;
/** Every request the browser reported from the extension's own pages and worker. */
/** @type {{ url: string, from: string }[]} */
const fromExtension = [];

before(async () => {
  hosts = await serveHosts();
  browser = await launchWithExtension({ args: hosts.chromiumArgs });
  work = await mkdtemp(join(tmpdir(), 'temoin-hostile-'));
  const ours = `chrome-extension://${browser.extensionId}/`;
  browser.context.on('request', (req) => {
    const from = req.serviceWorker()?.url() ?? req.frame()?.url() ?? '';
    if (from.startsWith(ours)) fromExtension.push({ url: req.url(), from });
  });
});

after(async () => {
  await browser?.close();
  await hosts?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/**
 * What a payload would leave behind in a document: its canary, elements with handlers, links
 * and sources that run script, scripts written inline.
 * @param {import('playwright-core').Page | import('playwright-core').Frame} where
 */
function traces(where) {
  return where.evaluate(() => {
    /** @type {string[]} */
    const found = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`<${el.localName} ${a.name}>`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)) found.push(`<${el.localName} ${a.name}=javascript:>`);
      }
    }
    for (const s of document.querySelectorAll('script')) if (!s.src) found.push('inline <script>');
    return { canary: /** @type {any} */ (window).__pwned ?? null, found };
  });
}

/** Opens `url` in a tab of its own, shown, and right-clicks its post's text. @param {string} url */
async function openAndRightClick(url) {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.bringToFront();
  await page.click('#text', { button: 'right' });
  return page;
}

/** @param {import('playwright-core').Page} page */
async function assertClean(page) {
  for (const frame of page.frames()) {
    const seen = await traces(frame);
    assert.deepEqual(seen, { canary: null, found: [] }, `${frame.url().slice(0, 80)}: no payload left a trace`);
  }
}

test('payloads in every field run nowhere, and nothing leaves the device', { timeout: 240_000 }, async () => {
  const page = await openAndRightClick('https://hostile.test/forum/42');
  const sentBeforeCapture = hosts.requests.length;
  const result = await captureThroughMenu(browser.worker, page.url());
  assert.equal(result.seq, 1);
  // The capture fetched nothing: what it keeps is what the page already had.
  assert.deepEqual(hosts.requests.slice(sentBeforeCapture).filter((r) => r.host !== 'accounts.google.com'), [], 'no request during the capture');
  await page.close();
  const sentAfterPage = hosts.requests.length;

  const stored = await readStoredJournal(browser.worker, 'default', { onlySeq: 1 });
  assertChainValid(stored);
  assertEntryWhole(stored.entries[0], stored.artifacts);
  const event = JSON.parse(stored.entries[0].json);
  assert.ok(event.body.post, `no post: ${JSON.stringify(event.body)}`);
  assert.match(event.body.page.title, /<\/title><script>/, 'the title is kept as the page showed it');
  assert.match(event.body.post.text, /<\/textarea><\/pre><script>/);
  assert.match(event.body.post.authorName, /<svg onload=/);

  const journal = await browser.context.newPage();
  journal.on('dialog', (d) => d.dismiss());
  await journal.goto(browser.extensionUrl('extension/pages/journal.html'));
  await journal.waitForSelector('#chain[data-ok="true"]');
  assert.match((await journal.textContent('#entries')) ?? '', /<svg onload=/, 'payloads show as text in the list');
  await assertClean(journal);
  await journal.click('#entries tr[data-seq="1"] button.open-detail');
  await journal.waitForSelector('dialog#detail[open]');
  assert.match((await journal.textContent('dialog#detail .post-text')) ?? '', /<\/textarea><\/pre><script>/, 'and in the detail');
  await journal.click('#show-snapshot');
  await journal.frameLocator('dialog#detail iframe').locator('article').waitFor();
  await assertClean(journal);

  const guide = await browser.context.newPage();
  await guide.goto(browser.extensionUrl('extension/pages/guide.html?case=default&capture=1'));
  await guide.waitForSelector('[data-action]');
  await assertClean(guide);
  const letters = await guide.locator('a.letter').evaluateAll((as) => as.map((a) => /** @type {HTMLAnchorElement} */ (a).href));
  assert.ok(letters.length > 0, 'the guide offers letters');
  for (const href of [...letters, browser.extensionUrl('extension/pages/letter.html?kind=procureur&case=default')]) {
    const letter = await browser.context.newPage();
    await letter.goto(href);
    await letter
      .waitForFunction(() => (document.getElementById('letters')?.textContent ?? '').length > 100)
      .catch(async (e) => {
        throw new Error(`${href}: no letter (${await letter.locator('body').innerText()})`, { cause: e });
      });
    await assertClean(letter);
    await letter.close();
  }

  // The bundle, read as an investigator would: its files opened straight from disk.
  const zip = join(work, 'hostile.zip');
  await writeFile(zip, await exportThroughPage(browser, 'default', 'fr'));
  assert.equal(temoin(['verify', zip]).status, 0);
  const dir = join(work, 'unzipped');
  assert.equal(run('unzip', ['-q', zip, '-d', dir]).status, 0);
  // page.html.txt: the raw DOM, kept as text so that opening it runs nothing.
  for (const file of ['report.html', 'captures/000001/snapshot.html', 'captures/000001/page.html.txt']) {
    const opened = await browser.context.newPage();
    await opened.goto(pathToFileURL(join(dir, file)).href);
    await opened.waitForLoadState('load');
    await assertClean(opened);
    await opened.close();
  }

  const importer = await browser.context.newPage();
  await importer.goto(browser.extensionUrl('extension/pages/import.html'));
  await importer.setInputFiles('#bundle-input', zip);
  await importer.waitForSelector('#readonly:not([hidden])');
  await assertClean(importer);

  // Give any deferred payload (a timer, a lazy image) time to fire before looking.
  await new Promise((r) => setTimeout(r, 1000));
  // Chromium's own account check (accounts.google.com/ListAccounts, origin www.google.com) is
  // the browser's traffic, made with or without any extension.
  const left = hosts.requests.slice(sentAfterPage).filter((r) => r.host !== 'accounts.google.com');
  assert.deepEqual(left, [], 'no request left the browser after the page was closed');
  assert.deepEqual(hosts.requests.filter((r) => r.host === 'canary.test' && !/^\/(css-|svg-page-run|srcdoc)/.test(r.path)), [], 'no payload reached its canary');
  const outside = fromExtension.filter((r) => !/^(chrome-extension|data|blob):/.test(r.url));
  assert.deepEqual(outside, [], 'the extension requested nothing outside itself');
  for (const p of [journal, guide, importer]) await p.close();
});

/**
 * Captures the page's tab as the menu does and returns the reply and the entries after. With
 * `leaveAfter`, the tab goes to another address that many ms after the capture starts.
 * @param {import('playwright-core').Page} page @param {number} [leaveAfter]
 */
async function captureAndRead(page, leaveAfter) {
  const before = (await readStoredJournal(browser.worker, 'default', { onlySeq: -1 })).entries.length;
  const reply = await browser.worker.evaluate(async ([url, delay]) => {
    const tab = (await chrome.tabs.query({})).find((x) => x.url === url);
    if (tab?.id !== undefined && delay !== undefined) {
      const id = tab.id;
      setTimeout(() => void chrome.tabs.update(id, { url: new URL('/encore-ailleurs', url).href }), delay);
    }
    return /** @type {any} */ (globalThis).temoin.captureAndReport({ menuItemId: 'temoin-capture', pageUrl: url }, tab);
  }, /** @type {[string, number | undefined]} */ ([page.url(), leaveAfter]));
  const stored = await readStoredJournal(browser.worker, 'default', { onlySeq: before + 1 });
  assertChainValid(stored);
  return { reply, before, stored, event: stored.entries.length > before ? JSON.parse(stored.entries[before].json) : null };
}

test('closed shadow roots are kept, nested open ones too', { timeout: 60_000 }, async () => {
  const page = await openAndRightClick('https://shadow.test/');
  const { reply, stored, event } = await captureAndRead(page);
  assert.equal(reply.ok, true, JSON.stringify(reply));
  assert.deepEqual(event.body.notices.filter((/** @type {string} */ n) => n === 'screenshot-only' || n === 'page-read-failed'), []);
  assertEntryWhole(stored.entries.at(-1) ?? stored.entries[0], stored.artifacts);
  const html = Buffer.from(stored.artifacts.find((a) => a.name === 'page.html')?.base64 ?? '', 'base64').toString('utf8');
  assert.match(html, /on sait où tu habites/, 'the closed root');
  assert.match(html, /racine ouverte imbriquée/, 'the open root inside it');
  // The copy keeps both roots' text, as templates a browser opening it makes live again, and
  // leaves out what it leaves out of the document: scripts, handlers, long data-* values.
  const copy = Buffer.from(stored.artifacts.find((a) => a.name === 'snapshot.html')?.base64 ?? '', 'base64').toString('utf8');
  assert.match(copy, /<template shadowrootmode="closed"[^>]*>[^]*on sait où tu habites[^]*racine ouverte imbriquée/);
  assert.match(html, /<script>window\.fromShadow = 1<\/script>/, 'page.html keeps the root\'s script');
  assert.match(html, /onclick="window\.clicked = 1"/);
  assert.match(html, new RegExp(`data-props="${'s'.repeat(2000)}"`));
  assert.doesNotMatch(copy, /<script|fromShadow|onclick|clicked/i);
  assert.match(copy, /<i data-props="">état<\/i>/);
  await page.close();
});

test('an endlessly growing page: the full page stops at its cap and the capture lands', { timeout: 120_000 }, async () => {
  const page = await openAndRightClick('https://endless.test/');
  const { reply, event } = await captureAndRead(page);
  assert.equal(reply.ok, true, JSON.stringify(reply));
  // The page as long as it was when the capture began: what arrives while scrolling is not waited for.
  const full = event.body.artifacts.find((/** @type {any} */ a) => a.name === 'screenshot-full.png');
  const screens = Number(/scroll-and-stitch of (\d+) /.exec(full.method)?.[1]);
  assert.ok(screens >= 2 && screens <= 30, full.method);
  await page.close();
});

test('a page that navigates away during the capture: a clear message and no entry', { timeout: 120_000 }, async () => {
  const page = await openAndRightClick('https://moving.test/');
  const { reply, before, stored } = await captureAndRead(page);
  assert.equal(reply.ok, false);
  assert.equal(reply.code, 'page-changed', reply.message);
  assert.match(reply.message, /changed during the capture|a changé pendant la capture/);
  assert.equal(stored.entries.length, before, 'nothing half-captured is written');
  assert.equal(page.url(), 'https://moving.test/ailleurs');

  // Navigations at other moments of a capture: each capture lands whole or not at all.
  /** @type {string[]} */
  const outcomes = [];
  for (const delay of [0, 150, 400, 800, 1500]) {
    await page.goto('https://moving.test/ailleurs');
    await page.bringToFront();
    const r = await captureAndRead(page, delay);
    outcomes.push(r.reply.ok ? 'saved' : `${r.reply.code}: ${r.reply.message}`);
    if (r.reply.ok) {
      assert.equal(r.stored.entries.length, r.before + 1);
      assertEntryWhole(r.stored.entries[r.before], r.stored.artifacts);
      assert.equal(r.event.body.page.url, 'https://moving.test/ailleurs');
    } else {
      assert.equal(r.stored.entries.length, r.before, `${delay} ms: ${JSON.stringify(r.reply)}`);
    }
  }
  assert.ok(outcomes.every((o) => /^(saved|page-changed|page-not-capturable)/.test(o)), outcomes.join('\n'));
  await page.close();
});

test('a page that only rewrites its address while scrolled is still captured whole', { timeout: 120_000 }, async () => {
  const page = await openAndRightClick('https://history.test/');
  const { reply, stored, event } = await captureAndRead(page);
  assert.equal(reply.ok, true, JSON.stringify(reply));
  assert.equal(event.body.page.url, 'https://history.test/');
  assert.ok(event.body.artifacts.some((/** @type {any} */ a) => a.name === 'screenshot-full.png'), 'the full page was stitched');
  assertEntryWhole(stored.entries.at(-1) ?? stored.entries[0], stored.artifacts);
  await page.close();
});

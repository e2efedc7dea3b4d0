// "Capture several posts" in Chromium, on a raid: an X conversation page (tests/fixtures/raid)
// with one post and 60 replies by 25 accounts, served under x.com. The selection is driven as a
// person drives it: the menu's handler opens it, then real clicks and key presses (trusted input
// from the browser) tick posts and press its buttons, which live in a closed shadow root the
// page cannot reach (the test finds them through DevTools, as only the browser can). Each
// capture's record is read straight from IndexedDB and checked against the page's own markup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { serveHosts } from '../support/hosts.mjs';
import { FIXTURES } from '../support/server.mjs';
import { exportThroughPage, launchWithExtension, readStoredJournal } from '../support/chromium.mjs';
import { assertChainValid } from '../support/journal.mjs';
import { loadManifest, serveRealPages } from '../support/real-pages.mjs';
import { verifiedBundle } from '../support/tools.mjs';

const sha256 = (/** @type {Buffer} */ b) => createHash('sha256').update(b).digest('hex');
const RAID = 'https://x.com/lea_m/status/1790000000000007000';
const FOCAL = 'article[data-testid="tweet"].focal';

/** @type {Awaited<ReturnType<typeof serveHosts>>} */
let hosts;
/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;
/** @type {import('playwright-core').Page} */
let reader;

before(async () => {
  hosts = await serveHosts({ root: join(FIXTURES, 'raid') });
  browser = await launchWithExtension({ args: hosts.chromiumArgs });
  reader = await browser.context.newPage();
  await reader.goto(browser.extensionUrl('extension/pages/import.html'));
});

after(async () => {
  await browser?.close();
  await hosts?.close();
});

/** The posts of the page as its markup lists them: handle and permalink of each, in page order. */
function postsInMarkup(/** @type {import('playwright-core').Page} */ page) {
  return page.$$eval('article[data-testid="tweet"]', (articles) =>
    articles.map((a) => {
      const link = a.querySelector('[data-testid="User-Name"] time')?.closest('a')?.getAttribute('href') ?? '';
      const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent?.includes('découvrir'));
      return {
        handle: link.split('/')[1],
        permalink: new URL(link, location.href).href,
        focal: a.classList.contains('focal'),
        discover: !!heading && !!(heading.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING),
      };
    }),
  );
}

/** Opens the raid page (at `viewport`'s size, if given) and right-clicks `target`. */
async function openRaid(/** @type {string} */ target, /** @type {{ width: number, height: number } | undefined} */ viewport = undefined) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(RAID);
  await page.bringToFront();
  await page.locator(target).first().scrollIntoViewIfNeeded();
  await page.click(target, { button: 'right' });
  await page.keyboard.press('Escape'); // closes the browser's own context menu, if one shows
  return page;
}

/** What the menu item « Capturer plusieurs messages » does, on this page's tab. */
function startSelection(/** @type {import('playwright-core').Page} */ page) {
  return browser.worker.evaluate(async (url) => {
    const g = /** @type {any} */ (globalThis);
    g.temoinSelection.last = null;
    const tab = (await chrome.tabs.query({ active: true })).find((t) => t.url === url);
    return g.temoinSelection.startSelection({ menuItemId: 'temoin-capture-several', frameId: 0, pageUrl: url }, tab);
  }, page.url());
}

/**
 * The centre of an element of the overlay (a button by its `data-action`), found through
 * DevTools: the page's own scripts cannot see into the closed shadow root.
 * @param {import('playwright-core').Page} page @param {string} action
 */
async function overlayButton(page, action) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    /** @type {any} */
    let found = null;
    const walk = (/** @type {any} */ node) => {
      if (found || !node) return;
      const attrs = node.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'data-action' && attrs[i + 1] === action) found = node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    assert.ok(found, `the overlay shows its "${action}" button`);
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: found.backendNodeId });
    const q = model.border;
    return { x: (q[0] + q[4]) / 2, y: (q[1] + q[5]) / 2 };
  } finally {
    await cdp.detach();
  }
}

/** The words the overlay's panel shows, read through DevTools. @param {import('playwright-core').Page} page */
async function overlayText(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    /** @type {any} */
    let panel = null;
    const walk = (/** @type {any} */ node) => {
      if (panel || !node) return;
      if (node.nodeName === 'SECTION' && (node.attributes ?? []).join(' ').includes('panel')) panel = node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    assert.ok(panel, 'the overlay shows its panel');
    const { outerHTML } = await cdp.send('DOM.getOuterHTML', { backendNodeId: panel.backendNodeId });
    return outerHTML.replace(/<[^>]*>/g, '\n').replace(/&nbsp;/g, '\u00a0').split('\n').map((l) => l.trim()).filter(Boolean);
  } finally {
    await cdp.detach();
  }
}

/**
 * The boxes of the overlay's elements whose class holds `cls`, found through DevTools, each
 * null when it is not drawn (hidden).
 * @param {import('playwright-core').Page} page @param {string} cls
 * @returns {Promise<({ top: number, bottom: number, left: number, right: number } | null)[]>}
 */
async function overlayBoxes(page, cls) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    /** @type {any[]} */
    const nodes = [];
    const walk = (/** @type {any} */ node) => {
      if (!node) return;
      const attrs = node.attributes ?? [];
      for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'class' && attrs[i + 1].split(' ').includes(cls)) nodes.push(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    };
    walk(root);
    const boxes = [];
    for (const node of nodes) {
      const model = await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId }).then((r) => r.model, () => null);
      const q = model?.border;
      boxes.push(q ? { top: q[1], bottom: q[5], left: q[0], right: q[2] } : null);
    }
    return boxes;
  } finally {
    await cdp.detach();
  }
}

/** The notification of capture `seq`, once shown (its text, through the worker's test hook). @param {number} seq */
async function notificationOf(seq) {
  return browser.worker.evaluate(async (n) => {
    const g = /** @type {any} */ (globalThis);
    for (let waited = 0; !g.temoin.lastNotificationForTesting.id.endsWith(`|${n}`) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    return g.temoin.lastNotificationForTesting;
  }, seq);
}

/** The toolbar badge's text on this page's tab. @param {import('playwright-core').Page} page */
function badgeOf(page) {
  return browser.worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    return chrome.action.getBadgeText({ tabId: tab?.id });
  }, page.url());
}

/** A person's click on an overlay button. */
async function press(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ action) {
  const at = await overlayButton(page, action);
  await page.mouse.click(at.x, at.y);
}

/** A person's click on the text of the `index`-th post of the page (it scrolls there first). */
async function clickPost(/** @type {import('playwright-core').Page} */ page, /** @type {number} */ index) {
  const text = page.locator('article[data-testid="tweet"] [data-testid="tweetText"]').nth(index);
  await text.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(100);
  const box = await text.boundingBox();
  assert.ok(box);
  await page.mouse.click(box.x + 20, box.y + box.height / 2);
}

/** Waits for the capture the selection's "Capture" started, and reads it from IndexedDB. */
async function capturedEntry() {
  const result = await browser.worker.evaluate(async () => {
    const g = /** @type {any} */ (globalThis);
    for (let waited = 0; !g.temoinSelection.last && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    if (!g.temoinSelection.last) return null;
    return g.temoinSelection.last;
  });
  assert.ok(result, 'a capture was started');
  const stored = await readStoredJournal(reader, result.caseId);
  assertChainValid(stored);
  const entry = stored.entries.find((e) => e.seq === result.seq);
  assert.ok(entry);
  const event = JSON.parse(entry.json);
  /** @type {Map<string, Buffer>} */
  const files = new Map();
  for (const a of event.body.artifacts) {
    const s = stored.artifacts.find((x) => x.seq === result.seq && x.name === a.name);
    assert.ok(s, `${a.name} is stored`);
    const bytes = Buffer.from(s.base64, 'base64');
    assert.equal(sha256(bytes), a.sha256, `${a.name}: SHA-256 recomputed`);
    files.set(a.name, bytes);
  }
  return { event, files, stored, seq: /** @type {number} */ (result.seq), caseId: /** @type {string} */ (result.caseId) };
}

/** Every item has its own crop, a PNG stored with the digest the item names. */
function assertCrops(/** @type {any} */ event, /** @type {Map<string, Buffer>} */ files) {
  event.body.items.forEach((/** @type {any} */ item, /** @type {number} */ i) => {
    assert.equal(item.n, i + 1);
    const name = `item-${String(i + 1).padStart(3, '0')}.png`;
    assert.equal(item.crop?.name, name, `item ${i + 1} has its crop`);
    const bytes = files.get(name);
    assert.ok(bytes, `${name} is stored`);
    assert.equal(item.crop.sha256, sha256(bytes), `${name}'s digest is in the record`);
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  });
}

const count = (/** @type {any[]} */ items) => items.length;

test('all replies under the raided post: 60 items in one capture, in page order, authors right, each with its crop', { timeout: 180_000 }, async () => {
  const page = await openRaid(`${FOCAL} [data-testid="tweetText"]`);
  const markup = await postsInMarkup(page);
  const replies = markup.filter((p) => !p.focal && !p.discover);
  assert.equal(replies.length, 60);
  const opened = await startSelection(page);
  assert.deepEqual(opened, { posts: 63, anchor: true, reader: 'platform:x' });
  const before = (await readStoredJournal(reader, 'default', { onlySeq: -1 })).entries.length;

  // By the keyboard alone: the focus starts on « Toutes les réponses sous ce message ».
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab'); // « Tous les messages de cet auteur »
  await page.keyboard.press('Tab'); // « Capturer (60) »
  // The toolbar's badge and title, watched until the capture ends.
  const watching = browser.worker.evaluate(async (url) => {
    const g = /** @type {any} */ (globalThis);
    const tabId = /** @type {number} */ ((await chrome.tabs.query({})).find((t) => t.url === url)?.id);
    /** @type {Set<string>} */
    const seen = new Set();
    for (const until = Date.now() + 60_000; Date.now() < until; ) {
      seen.add(`${await chrome.action.getBadgeText({ tabId })}|${await chrome.action.getTitle({ tabId })}`);
      const tick = new Promise((r) => setTimeout(() => r(false), 20));
      if (await Promise.race([g.temoinSelection.last?.then(() => true, () => true) ?? tick, tick])) break;
    }
    return [...seen];
  }, page.url());
  const started = Date.now();
  await page.keyboard.press('Enter');
  const { event, files, stored, seq } = await capturedEntry();
  const seen = await watching;
  assert.ok(seen.some((s) => /^…\|(Capturing the chosen posts…|Capture des messages choisis en cours…)$/.test(s)), `« … » while the capture runs: ${seen.join(', ')}`);
  const seconds = (Date.now() - started) / 1000;
  assert.equal(stored.entries.length, before + 1, 'one capture');

  const body = event.body;
  assert.deepEqual(body.collection, { mode: 'selection', scope: 'replies', reader: 'platform:x' });
  assert.equal(count(body.items), 60);
  assert.deepEqual(body.items.map((/** @type {any} */ i) => i.post.permalink), replies.map((r) => r.permalink), 'the 60 replies, in page order');
  assert.equal(new Set(body.items.map((/** @type {any} */ i) => i.post.permalink)).size, 60, 'none twice');
  assert.deepEqual(body.items.map((/** @type {any} */ i) => i.post.authorHandle), replies.map((r) => r.handle), 'each reply by its author');
  assert.equal(new Set(body.items.map((/** @type {any} */ i) => i.post.authorHandle)).size, 25, '25 accounts');
  for (const item of body.items) {
    assert.equal(item.post.platform, 'x');
    assert.ok(item.post.text && item.post.publishedAt && item.post.authorName, JSON.stringify(item.post));
  }
  assertCrops(event, files);
  // The page once: one full page, one HTML, one snapshot; no single post's crop.
  const names = body.artifacts.map((/** @type {any} */ a) => a.name);
  for (const once of ['screenshot-visible.png', 'screenshot-full.png', 'page.html', 'snapshot.html', 'page.mhtml']) assert.equal(names.filter((n) => n === once).length, 1, once);
  assert.ok(!names.includes('screenshot-post.png'));
  assert.equal(names.filter((/** @type {string} */ n) => /^item-\d{3}\.png$/.test(n)).length, 60);
  // Each crop is the reply's box, cut from the full page at the page's scale.
  const boxes = await page.$$eval('article[data-testid="tweet"]', (as) => as.map((a) => ({ w: a.getBoundingClientRect().width, h: a.getBoundingClientRect().height })));
  const dpr = await page.evaluate(() => devicePixelRatio);
  body.items.forEach((/** @type {any} */ item, /** @type {number} */ i) => {
    const png = /** @type {Buffer} */ (files.get(item.crop.name));
    const box = boxes[i + 1];
    assert.ok(Math.abs(png.readUInt32BE(16) - box.w * dpr) <= 2 && Math.abs(png.readUInt32BE(20) - box.h * dpr) <= 2, `${item.crop.name} is the reply's box`);
  });
  const notices = body.notices ?? [];
  assert.ok(!notices.includes('item-crop-clipped') && !notices.includes('items-capped'), notices.join());
  // The overlay left the page before the screenshots.
  assert.equal(await page.evaluate(() => document.querySelector('temoin-selection')), null);
  console.log(`# one selection capture of 60 replies: ${seconds.toFixed(1)} s`);
  // The notification says what was kept; the badge has the capture's number.
  const { title } = await notificationOf(seq);
  assert.ok([`Evidence no. ${seq} saved: 60 replies from 25 accounts`, `Preuve n°\u00a0${seq} enregistrée\u00a0: 60 réponses de 25 comptes`].includes(title), title);
  assert.equal(await badgeOf(page), String(seq));
  await page.close();
});

test('three posts ticked by clicks give three items; a second click unticks', { timeout: 120_000 }, async () => {
  const page = await openRaid('article[data-testid="tweet"]:nth-of-type(1) [data-testid="tweetText"]');
  const markup = await postsInMarkup(page);
  await startSelection(page);
  await clickPost(page, 5);
  await clickPost(page, 12);
  await clickPost(page, 30);
  await clickPost(page, 12); // unticked
  await clickPost(page, 41);
  await press(page, 'capture');
  const { event, files } = await capturedEntry();
  assert.equal(event.body.collection.scope, 'ticked');
  assert.deepEqual(event.body.items.map((/** @type {any} */ i) => i.post.permalink), [5, 30, 41].map((k) => markup[k].permalink));
  assertCrops(event, files);
  await page.close();
});

test('all posts by the right-clicked post\'s author on the page', { timeout: 120_000 }, async () => {
  const page = await openRaid('article[data-testid="tweet"]:has(a[href="/corbeau_noir"]) [data-testid="tweetText"]');
  const markup = await postsInMarkup(page);
  const theirs = markup.filter((p) => p.handle === 'corbeau_noir');
  assert.ok(theirs.length >= 7, 'six replies and one post further down');
  await startSelection(page);
  await press(page, 'author');
  await press(page, 'capture');
  const { event, files } = await capturedEntry();
  assert.equal(event.body.collection.scope, 'author');
  assert.deepEqual(event.body.items.map((/** @type {any} */ i) => i.post.permalink), theirs.map((p) => p.permalink));
  assert.ok(event.body.items.every((/** @type {any} */ i) => i.post.authorHandle === 'corbeau_noir'));
  assertCrops(event, files);
  await page.close();
});

test('Escape cancels: the overlay goes and nothing is written (the overlay in French)', { timeout: 60_000 }, async () => {
  const page = await openRaid(`${FOCAL} [data-testid="tweetText"]`);
  const before = await readStoredJournal(reader, 'default', { onlySeq: -1 });
  // The language chosen in the options (French): the overlay speaks it.
  await browser.worker.evaluate(() => chrome.storage.local.set({ language: 'fr' }));
  await browser.worker.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  await startSelection(page);
  assert.equal(await page.evaluate(() => !!document.querySelector('temoin-selection')), true, 'the overlay is shown');
  await page.keyboard.press('Enter'); // 60 ticked
  // Témoin named; the person addressed as « tu »; the button names the right-clicked post's author.
  assert.deepEqual(await overlayText(page), [
    'Témoin — choisis les messages à garder',
    "Clique sur un message pour le cocher ou le décocher. Rien n'est enregistré avant d'appuyer sur Capturer. Échap pour annuler.",
    'Toutes les réponses sous le message de Léa M.',
    'Tous les messages de cet auteur sur la page',
    '60 messages cochés',
    'Capturer (60)',
    'Annuler',
  ]);
  await browser.worker.evaluate(() => chrome.storage.local.remove('language'));
  const notifiedBefore = await browser.worker.evaluate(() => /** @type {any} */ (globalThis).temoin.lastNotificationForTesting.id);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => document.querySelector('temoin-selection')), null, 'the overlay is gone');
  const after = await readStoredJournal(reader, 'default', { onlySeq: -1 });
  assert.deepEqual(after.entries.map((e) => e.hash), before.entries.map((e) => e.hash), 'no entry');
  assert.equal(await browser.worker.evaluate(() => /** @type {any} */ (globalThis).temoinSelection.last), null, 'no capture started');
  // A cancel is not a failure: no notification, no badge.
  assert.equal(await browser.worker.evaluate(() => /** @type {any} */ (globalThis).temoin.lastNotificationForTesting.id), notifiedBefore, 'no notification');
  assert.equal(await badgeOf(page), '', 'no badge');
  await page.close();
});

test('the two bulk buttons add to the posts ticked by hand; the right-clicked post is outlined', { timeout: 120_000 }, async () => {
  const page = await openRaid(`${FOCAL} [data-testid="tweetText"]`);
  const markup = await postsInMarkup(page);
  const replies = markup.filter((p) => !p.focal && !p.discover);
  await startSelection(page);
  // The anchor's own outline, over the right-clicked post.
  const focal = await page.$eval(FOCAL, (a) => a.getBoundingClientRect().toJSON());
  const anchors = await overlayBoxes(page, 'anchor');
  assert.equal(anchors.length, 1, 'one post outlined as the right-clicked one');
  const a = anchors[0];
  assert.ok(a && Math.abs(a.top - (focal.top - 2)) <= 2 && Math.abs(a.left - (focal.left - 2)) <= 2 && Math.abs(a.bottom - (focal.bottom + 2)) <= 2, JSON.stringify({ a, focal }));
  await clickPost(page, 0); // the post itself, by hand
  await press(page, 'replies');
  await press(page, 'capture');
  const { event, seq } = await capturedEntry();
  assert.equal(event.body.collection.scope, 'ticked');
  assert.deepEqual(event.body.items.map((/** @type {any} */ i) => i.post.permalink), [markup[0].permalink, ...replies.map((r) => r.permalink)], 'the post ticked by hand and the 60 replies');
  const accounts = new Set(event.body.items.map((/** @type {any} */ i) => i.post.authorHandle.toLowerCase())).size;
  assert.ok(accounts > 1);
  const { title } = await notificationOf(seq);
  assert.ok([`Evidence no. ${seq} saved: 61 replies from ${accounts} accounts`, `Preuve n°\u00a0${seq} enregistrée\u00a0: 61 réponses de ${accounts} comptes`].includes(title), title);
  await page.close();
});

test('on a phone\'s width the panel stays small, keeps « Annuler » by the count, and a tick focused by the keyboard brings its post above it', { timeout: 120_000 }, async () => {
  const viewport = { width: 400, height: 800 };
  const page = await openRaid(`${FOCAL} [data-testid="tweetText"]`, viewport);
  await startSelection(page);
  const [panel] = await overlayBoxes(page, 'panel');
  assert.ok(panel);
  assert.ok(panel.bottom - panel.top <= viewport.height * 0.4 + 1, `the panel is ${panel.bottom - panel.top} px tall`);
  const [count] = await overlayBoxes(page, 'count');
  const cancel = await overlayButton(page, 'cancel');
  assert.ok(count && cancel.y > count.top && cancel.y < count.bottom, '« Annuler » on the count\'s row');
  assert.ok((await overlayBoxes(page, 'help'))[0], 'the help shown at first');
  // The first post drawn under the panel: its tick, reached by Tab, then ticked by Space.
  const rects = await page.$$eval('article[data-testid="tweet"]', (as) => as.map((el) => el.getBoundingClientRect().toJSON()));
  const index = rects.findIndex((r) => r.bottom > panel.top && r.top < viewport.height);
  assert.ok(index >= 0, 'a post lies under the panel');
  // Focus on « Toutes les réponses… »; then « Tous les messages… », « Annuler » (« Capturer » is disabled), then the ticks in page order.
  for (let i = 0; i < 2 + index + 1; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.waitForTimeout(300);
  const on = (await overlayBoxes(page, 'on')).filter(Boolean);
  assert.equal(on.length, 1, 'one post ticked');
  const [panelNow] = await overlayBoxes(page, 'panel');
  assert.ok(panelNow);
  const post = await page.$$eval('article[data-testid="tweet"]', (as, i) => as[i].getBoundingClientRect().toJSON(), index);
  assert.ok(on[0] && Math.abs(on[0].top - (post.top - 2)) <= 2, 'the post ticked is the one whose tick was focused');
  assert.ok(post.top >= 0 && post.bottom <= panelNow.top, `the post (${post.top}–${post.bottom}) is above the panel (${panelNow.top})`);
  assert.equal((await overlayBoxes(page, 'help'))[0], null, 'the help hidden once the person acted');
  await page.keyboard.press('Escape');
  await page.close();
});

test('the overlay is above the page\'s own bars, even one at the highest z-index added after it', { timeout: 120_000 }, async () => {
  const page = await openRaid(`${FOCAL} [data-testid="tweetText"]`);
  const markup = await postsInMarkup(page);
  await startSelection(page);
  await page.evaluate(() => {
    const bar = document.createElement('div');
    bar.style.cssText = 'position: fixed; inset: 0; z-index: 2147483647; background: rgba(255, 255, 255, .01);';
    document.documentElement.append(bar);
  });
  await clickPost(page, 5);
  await press(page, 'capture');
  const { event } = await capturedEntry();
  assert.deepEqual(event.body.items.map((/** @type {any} */ i) => i.post.permalink), [markup[5].permalink]);
  await page.close();
});

test('a hostile page can neither read the overlay, nor restyle it, nor tick or cancel for the person', { timeout: 120_000 }, async () => {
  const page = await openRaid(`${FOCAL} [data-testid="tweetText"]`);
  const markup = await postsInMarkup(page);
  await startSelection(page);
  // The page's own scripts (its main world) try everything they can reach.
  const seen = await page.evaluate(async () => {
    const host = /** @type {HTMLElement | null} */ (document.querySelector('temoin-selection'));
    const style = document.createElement('style');
    style.textContent = 'temoin-selection { display: none !important; opacity: 0 !important; } * { pointer-events: none !important; }';
    document.head.append(style);
    const articles = [...document.querySelectorAll('article[data-testid="tweet"]')];
    for (const a of articles.slice(1, 20)) {
      /** @type {HTMLElement} */ (a).click();
      a.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      const r = a.getBoundingClientRect();
      host?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: r.left + 20, clientY: r.top + 20 }));
    }
    for (const target of [document, window, host]) target?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 300));
    return {
      present: !!host?.isConnected,
      shadowRoot: host?.shadowRoot ?? null,
      inner: host?.innerHTML ?? null,
      text: host?.textContent ?? null,
      display: host ? getComputedStyle(host).display : null,
      opacity: host ? getComputedStyle(host).opacity : null,
    };
  });
  assert.deepEqual(seen, { present: true, shadowRoot: null, inner: '', text: '', display: 'block', opacity: '1' });
  // Nothing was ticked by the page: the person ticks one post and captures it alone. The page's
  // own elements are not touched by a tick (the marks are drawn in the overlay), so the page
  // cannot tell which posts are ticked.
  const body = () => page.evaluate(() => document.body.outerHTML);
  const untouched = await body();
  await clickPost(page, 7);
  assert.equal(await body(), untouched, 'the page\'s DOM is the same after a tick');
  await press(page, 'capture');
  const { event } = await capturedEntry();
  assert.equal(event.body.collection.scope, 'ticked');
  assert.deepEqual(event.body.items.map((/** @type {any} */ i) => i.post.permalink), [markup[7].permalink]);
  await page.close();
});

test('real saved pages: all replies and all by author on a 2016 Twitter thread, an old Reddit thread and Hacker News (generic reading)', { timeout: 240_000 }, async () => {
  const ids = ['twitter-2016-kingbeyoncestan', 'reddit-old-2018-aww', 'hackernews-2018-career-ladders'];
  const pages = (await loadManifest()).filter((p) => ids.includes(p.id));
  assert.equal(pages.length, 3);
  const served = await serveRealPages(pages);
  const real = await launchWithExtension({ args: served.chromiumArgs });
  try {
    const readerPage = await real.context.newPage();
    await readerPage.goto(real.extensionUrl('extension/pages/import.html'));
    // What the markup itself says, read with the platform's own selectors: the replies under the
    // right-clicked post (the permalink tweet's conversation; the comment's nested comments), and
    // the posts of its author.
    const cases = [
      {
        id: 'twitter-2016-kingbeyoncestan',
        platform: 'x',
        replies: () => [...document.querySelectorAll('#descendants .tweet[data-tweet-id]')].map((t) => t.getAttribute('data-tweet-id')),
        author: () => [...document.querySelectorAll('.tweet[data-tweet-id][data-screen-name="KingBeyonceStan"]')].map((t) => t.getAttribute('data-tweet-id')),
      },
      {
        id: 'reddit-old-2018-aww',
        platform: 'reddit',
        replies: () => [...document.querySelectorAll('#thing_t1_dxr2q90 .thing[data-type="comment"][data-fullname]')].map((t) => t.getAttribute('data-fullname')),
        author: () => [...document.querySelectorAll('.thing[data-type="comment"][data-author="glitterpig09"]')].map((t) => t.getAttribute('data-fullname')),
      },
      {
        // No platform extractor: the generic reading finds the comment rows and what each answers.
        id: 'hackernews-2018-career-ladders',
        platform: null,
        key: 'permalink',
        replies: () => {
          // The rows below the comment indented further than it, up to the next one that is not.
          const rows = [...document.querySelectorAll('tr.athing.comtr')];
          const indent = (/** @type {Element} */ r) => Number(r.querySelector('td.ind img')?.getAttribute('width') ?? 0);
          const at = rows.findIndex((r) => r.id === '16910014');
          const out = [];
          for (const r of rows.slice(at + 1)) {
            if (indent(r) <= indent(rows[at])) break;
            out.push(new URL(`item?id=${r.id}`, location.href).href);
          }
          return out;
        },
        author: () => [...document.querySelectorAll('tr.athing.comtr')].filter((r) => r.querySelector('a.hnuser')?.textContent === 'crabasa').map((r) => new URL(`item?id=${r.id}`, location.href).href),
      },
    ];
    for (const c of cases) {
      const p = /** @type {import('../support/real-pages.mjs').RealPage} */ (pages.find((x) => x.id === c.id));
      for (const scope of /** @type {const} */ (['replies', 'author'])) {
        const page = await real.context.newPage();
        await page.goto(p.url);
        await page.bringToFront();
        await page.locator(p.clickSelector).first().scrollIntoViewIfNeeded();
        await page.click(p.clickSelector, { button: 'right', force: true });
        await page.keyboard.press('Escape');
        const expected = await page.evaluate(c[scope]);
        assert.ok(expected.length >= 2, `${c.id}: the markup shows several posts for ${scope}`);
        const opened = await real.worker.evaluate(async (url) => {
          const g = /** @type {any} */ (globalThis);
          g.temoinSelection.last = null;
          const tab = (await chrome.tabs.query({ active: true })).find((t) => t.url === url);
          return g.temoinSelection.startSelection({ menuItemId: 'temoin-capture-several', frameId: 0, pageUrl: url }, tab);
        }, page.url());
        assert.equal(opened.reader, c.platform ? `platform:${c.platform}` : 'generic', c.id);
        assert.equal(opened.anchor, true, `${c.id}: the right-clicked post is found`);
        if (scope === 'author') await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        const capture = await overlayButton(page, 'capture');
        await page.mouse.click(capture.x, capture.y);
        const result = await real.worker.evaluate(async () => {
          const g = /** @type {any} */ (globalThis);
          for (let waited = 0; !g.temoinSelection.last && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
          return g.temoinSelection.last;
        });
        assert.ok(result, `${c.id} ${scope}: captured`);
        const stored = await readStoredJournal(readerPage, result.caseId);
        assertChainValid(stored);
        const body = JSON.parse(/** @type {{ json: string }} */ (stored.entries.find((e) => e.seq === result.seq)).json).body;
        assert.equal(body.collection.scope, scope);
        const ids = body.items.map((/** @type {any} */ i) => (c.key === 'permalink' ? i.post.permalink : i.post.postId));
        assert.deepEqual(ids, expected, `${c.id}: ${scope} as the markup shows them, in page order`);
        assert.ok(body.items.every((/** @type {any} */ i) => i.crop?.name), `${c.id}: every item has its crop`);
        console.log(`# ${c.id}: ${scope}: ${ids.length} items`);
        await page.close();
      }
    }
  } finally {
    await real.close();
    await served.close();
  }
});

test('the case with every selection capture exports, and `temoin verify` finds it whole', { timeout: 180_000 }, async () => {
  await verifiedBundle(await exportThroughPage(browser, 'default'));
});

test('a raid longer than the cap: 500 items kept and the record says so; posts below the full page\'s end keep their fields without a crop', { timeout: 240_000 }, async () => {
  const page = await openRaid(`${FOCAL} [data-testid="tweetText"]`);
  // The page's own script loads more replies, as X does on scrolling: 480 more, after the 60.
  await page.evaluate(() => {
    const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')];
    const last = cells.find((c) => c.querySelector('article:not(.focal)'));
    const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent?.includes('découvrir'));
    const before = heading?.closest('[data-testid="cellInnerDiv"]');
    for (let i = 0; i < 480; i += 1) {
      const copy = /** @type {Element} */ (last?.cloneNode(true));
      const link = copy.querySelector('time')?.closest('a');
      link?.setAttribute('href', `/loupgris93/status/${1790000000000100000 + i}`);
      before?.before(copy);
    }
  });
  const opened = await startSelection(page);
  assert.equal(opened.posts, 543);
  await page.keyboard.press('Enter'); // all replies: 540
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const { event, files, seq, caseId } = await capturedEntry();
  const body = event.body;
  assert.equal(body.items.length, 500);
  const notices = body.notices ?? [];
  for (const n of ['items-capped', 'item-crop-clipped', 'full-page-capped']) assert.ok(notices.includes(n), `${n} in ${notices.join()}`);
  // The notification says that pictures are cut, and its guide says how to get them.
  const notification = await notificationOf(seq);
  assert.match(notification.message, /(des messages sont coupés sur les images|some messages are cut off in the pictures)/, notification.message);
  const guide = await browser.context.newPage();
  await guide.goto(browser.extensionUrl(`extension/pages/guide.html?${new URLSearchParams({ case: caseId, capture: String(seq) })}`));
  await guide.waitForSelector('#now li[data-action="capture-again-whole"]');
  assert.match((await guide.textContent('#now li[data-action="capture-again-whole"]')) ?? '', /(sont bien gardés|are kept)/);
  await guide.close();
  const cropped = body.items.filter((/** @type {any} */ i) => i.crop);
  assert.ok(cropped.length > 50 && cropped.length < 500, `${cropped.length} crops`);
  for (const item of cropped) assert.equal(item.crop.sha256, sha256(/** @type {Buffer} */ (files.get(item.crop.name))));
  // The crops are the first items' (the full page stops after 30 screens), numbered with them.
  cropped.forEach((/** @type {any} */ item, /** @type {number} */ i) => assert.equal(item.n, i + 1));
  assert.ok(body.items.every((/** @type {any} */ i) => i.post.text && i.post.authorHandle));
  await page.close();
});

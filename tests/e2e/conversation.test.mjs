// « Capturer la conversation » in a real browser: for each app's chat fixture, served under the
// app's host name, a right-click in the conversation, then the capture through the menu's own
// handler. The older messages load as the apps load them (scrolled to the top, a few hundred
// milliseconds later); every message must come out once, in order, with its author, text,
// time, media and the message it answers; the stitched image as tall as the pane's content;
// the entry whole and chained. Then: a start date, a time limit, a cap on the image, no pane,
// the choice drawn over the page, and a page whose scripts break the DOM's methods.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveChats } from '../support/chat-hosts.mjs';
import { exportThroughPage, launchWithExtension, readStoredJournal } from '../support/chromium.mjs';
import { verifiedBundle } from '../support/tools.mjs';
import { execFileSync } from 'node:child_process';
import { assertChainValid, assertEntryWhole, sha256 } from '../support/journal.mjs';
import { ME, MESSAGES, EMAILS, PAYLOAD } from '../fixtures/chat/conversation.mjs';
import { APPS, expectedAuthor } from '../support/chat-apps.mjs';

/** @typedef {import('../support/chat-apps.mjs').App} App */

/** @type {Awaited<ReturnType<typeof serveChats>>} */
let chats;
/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;
/** @type {import('playwright-core').Page} */
let reader;

before(async () => {
  chats = await serveChats();
  browser = await launchWithExtension({ args: chats.chromiumArgs });
  reader = await browser.context.newPage();
  await reader.goto(browser.extensionUrl('extension/pages/import.html'));
});

after(async () => {
  await browser?.close();
  await chats?.close();
});

/** Text as HTML writes it. @param {string} s */
const esc = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** @param {Buffer} png */
const pngSize = (png) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** The journal of the default case, every entry checked, and the last one with its files. */
async function latest() {
  const stored = await readStoredJournal(reader, 'default');
  assertChainValid(stored);
  const entry = stored.entries.at(-1);
  assert.ok(entry, 'an entry was written');
  assertEntryWhole(entry, stored.artifacts);
  const event = JSON.parse(entry.json);
  /** @type {Record<string, Buffer>} */
  const files = {};
  for (const a of stored.artifacts.filter((x) => x.seq === entry.seq)) files[a.name] = Buffer.from(a.base64, 'base64');
  return { event, files, count: stored.entries.length };
}

/**
 * Opens the app's page, right-clicks a message in its conversation and captures it with
 * `options`; returns the page (still open) and what the worker answered.
 * @param {App} app @param {Record<string, unknown>} options
 */
async function captureConversationOf(app, options) {
  const page = await browser.context.newPage();
  await page.goto(app.url);
  await page.bringToFront();
  // The newest message: the pane stays where the app put it (at its end).
  await page.locator(app.click).last().click({ button: 'right' });
  const result = await browser.worker.evaluate(
    async ([url, opts]) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
      if (!tab) throw new Error(`no tab shows ${url}`);
      return /** @type {any} */ (globalThis).temoin.captureConversation({ menuItemId: 'temoin-capture-conversation', pageUrl: url }, tab, opts).then(
        (/** @type {any} */ r) => ({ ok: true, seq: r.seq }),
        (/** @type {any} */ e) => ({ ok: false, code: e?.code, message: String(e?.message ?? e) }),
      );
    },
    /** @type {[string, Record<string, unknown>]} */ ([page.url(), options]),
  );
  return { page, result };
}

for (const app of APPS) {
  test(`${app.name} (${new URL(app.url).host}): every message once, in order, and the whole pane in one image`, { timeout: 120_000 }, async () => {
    const { page, result } = await captureConversationOf(app, { choice: { scope: 'loaded' } });
    assert.equal(result.ok, true, JSON.stringify(result));
    const expected = app.emails ? EMAILS : MESSAGES;
    // What the page shows after: its pane back at the newest message, every batch loaded.
    const shown = app.sabotaged ? null : await page.evaluate(([sel, virtual]) => {
      const p = /** @type {Element} */ (document.querySelector(sel));
      return {
        scrollHeight: p.scrollHeight, clientWidth: p.clientWidth, atBottom: p.scrollHeight - p.scrollTop - p.clientHeight < 2,
        batchesLeft: document.querySelectorAll('template[data-older]').length, inPage: virtual ? document.querySelectorAll(virtual).length : null,
      };
    }, [app.pane, app.virtual ?? '']);
    const dpr = await page.evaluate(() => devicePixelRatio);
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__pwned), undefined, 'no payload ran in the page');
    await page.close();

    const { event, files } = await latest();
    const body = event.body;
    const notices = body.notices ?? [];
    assert.equal(body.collection.mode, 'conversation');
    assert.equal(body.collection.scope, 'loaded');
    assert.equal(body.collection.reader, app.reader ?? `platform:${app.name}`);
    assert.equal(body.collection.title, app.title);
    assert.equal(body.collection.pane.reachedStart, true);
    assert.ok(!notices.includes('pane-start-not-reached') && !notices.includes('pane-capped'), notices.join());
    assert.equal(body.context.trigger, 'menu');

    // Every message, once, in order, with its author and text.
    const items = body.items.map((/** @type {any} */ i) => i.post);
    assert.deepEqual(items.map((/** @type {any} */ p) => p.text), expected.map((m) => m.text), 'the texts, in order, none twice or missing');
    assert.deepEqual(
      items.map((/** @type {any} */ p) => p.authorName ?? null),
      expected.map((m) => expectedAuthor(app, m) ?? null),
      'the authors',
    );
    body.items.forEach((/** @type {any} */ item, /** @type {number} */ i) => assert.equal(item.n, i + 1));
    assert.ok(items.every((/** @type {any} */ p) => p.extractedBy === (app.reader ?? `platform:${app.name}`)));
    // The message a message answers.
    const replying = expected.findIndex((m) => m.replyTo);
    const quoted = expected.find((m) => m.id === expected[replying].replyTo);
    assert.equal(items[replying].parent?.text, quoted?.text, 'the message it answers');
    for (const [i, p] of items.entries()) if (i !== replying) assert.equal(p.parent, undefined, `message ${i + 1} answers none`);
    // Script payloads stay text.
    assert.equal(items.find((/** @type {any} */ p) => p.text?.includes('onerror'))?.text, PAYLOAD);
    // The image shown in a message.
    const pictured = expected.findIndex((m) => m.image);
    if (pictured >= 0) assert.ok(items[pictured].mediaUrls?.some((/** @type {string} */ u) => u.endsWith('/montage.png')), JSON.stringify(items[pictured]));
    // Times: the app's machine value kept, and read by the core.
    if (app.machine) {
      assert.deepEqual(items.map((/** @type {any} */ p) => p.publishedAt), expected.map(app.machine));
      assert.deepEqual(items.map((/** @type {any} */ p) => p.publishedUtc), expected.map((m) => `${m.day}T${m.time}:00Z`));
    }
    if (!app.emails) assert.ok(items.every((/** @type {any} */ p) => p.publishedText), 'each message has its time or day as shown');
    // Telegram Web K writes each time twice, one copy hidden: the time shown, once.
    if (app.name === 'telegram') items.forEach((/** @type {any} */ p, /** @type {number} */ i) => assert.ok(p.publishedText.endsWith(` ${expected[i].time}`), `${p.publishedText}`));

    // The stitched image: as tall as the pane's content, as wide as the pane.
    const pane = body.collection.pane;
    assert.equal(pane.image, 'screenshot-conversation.png');
    assert.equal(pane.stitchedHeight, pane.contentHeight);
    const size = pngSize(files['screenshot-conversation.png']);
    assert.equal(size.height, Math.round(pane.contentHeight * dpr));
    if (shown) {
      assert.equal(pane.contentHeight, shown.scrollHeight, "the pane's content height, every older message loaded");
      assert.equal(size.width, Math.round(shown.clientWidth * dpr));
      assert.equal(shown.atBottom, true, 'the pane is back where the person left it');
      assert.equal(shown.batchesLeft, 0, 'every older batch was loaded');
    }
    assert.ok(pane.contentHeight > 900, `the conversation is taller than one screen (${pane.contentHeight})`);
    // The usual capture's files, and the pane's HTML.
    for (const name of ['screenshot-visible.png', 'page.html', 'snapshot.html', 'pane.html']) assert.ok(files[name], name);
    const paneHtml = files['pane.html'].toString('utf8');
    // The pane's HTML as the app keeps it at the end: a virtualised list holds the newest messages only.
    const oldest = app.virtual ? expected.at(-1) : expected[0];
    assert.ok(paneHtml.includes(esc(/** @type {{ text: string }} */ (oldest).text.split('\n')[0])), 'the pane HTML holds the oldest message kept in the page');
    if (app.virtual) assert.ok(shown && shown.inPage !== null && shown.inPage < expected.length, `the list is virtualised: ${shown?.inPage} of ${expected.length} messages in the page`);
    assert.ok(paneHtml.includes('&lt;script&gt;'), 'the payload is escaped text in the pane HTML');
    assert.equal(sha256(files['screenshot-conversation.png']), body.artifacts.find((/** @type {any} */ a) => a.name === 'screenshot-conversation.png').sha256);
  });
}

test('back to a date: only the messages from that day on, the image starting at its first message', { timeout: 120_000 }, async () => {
  const since = '2026-11-24';
  const { page, result } = await captureConversationOf(APPS[0], { choice: { scope: 'since', since } });
  assert.equal(result.ok, true, JSON.stringify(result));
  const dpr = await page.evaluate(() => devicePixelRatio);
  await page.close();
  const { event, files } = await latest();
  const c = event.body.collection;
  assert.deepEqual({ scope: c.scope, since: c.since, reachedStart: c.pane.reachedStart }, { scope: 'since', since, reachedStart: true });
  const want = MESSAGES.filter((m) => m.day >= since);
  assert.deepEqual(event.body.items.map((/** @type {any} */ i) => i.post.text), want.map((m) => m.text));
  assert.ok(c.pane.stitchedHeight < c.pane.contentHeight && c.pane.stitchedHeight > 0, JSON.stringify(c.pane));
  assert.equal(pngSize(files['screenshot-conversation.png']).height, Math.round(c.pane.stitchedHeight * dpr));
});

test('a time limit stops the loading early: what was loaded is kept, and the record says the start was not reached', { timeout: 120_000 }, async () => {
  const telegram = /** @type {App} */ (APPS.find((a) => a.name === 'telegram'));
  const { page, result } = await captureConversationOf(telegram, { choice: { scope: 'loaded' }, limits: { loadMs: 150, waitMs: 100 } });
  assert.equal(result.ok, true, JSON.stringify(result));
  await page.close();
  const { event } = await latest();
  assert.equal(event.body.collection.pane.reachedStart, false);
  assert.ok((event.body.notices ?? []).includes('pane-start-not-reached'), (event.body.notices ?? []).join());
  const newest = MESSAGES.filter((m) => m.day === MESSAGES.at(-1)?.day);
  const texts = event.body.items.map((/** @type {any} */ i) => i.post.text);
  assert.ok(texts.length >= newest.length && texts.length < MESSAGES.length, `${texts.length} messages`);
  assert.deepEqual(texts.slice(-newest.length), newest.map((m) => m.text));
});

test('a capped image: it stops at the cap, every message is still read', { timeout: 120_000 }, async () => {
  const { page, result } = await captureConversationOf(APPS[4], { choice: { scope: 'loaded' }, limits: { maxPaneDevicePx: 1000 } });
  assert.equal(result.ok, true, JSON.stringify(result));
  const dpr = await page.evaluate(() => devicePixelRatio);
  await page.close();
  const { event, files } = await latest();
  const pane = event.body.collection.pane;
  assert.ok((event.body.notices ?? []).includes('pane-capped'), (event.body.notices ?? []).join());
  assert.equal(pane.cap, Math.floor(1000 / dpr));
  assert.equal(pane.stitchedHeight, pane.cap);
  assert.equal(pngSize(files['screenshot-conversation.png']).height, Math.round(pane.cap * dpr));
  assert.equal(event.body.items.length, MESSAGES.length);
});

test('the menu item shows in a conversation only; outside one, the capture says so and records nothing', { timeout: 60_000 }, async () => {
  const generic = /** @type {App} */ (APPS.find((a) => a.name === 'generic'));
  const page = await browser.context.newPage();
  await page.goto(generic.url);
  await page.bringToFront();
  const shownNow = () => browser.worker.evaluate(() => /** @type {any} */ (globalThis).temoin.conversationMenuForTesting);
  await page.locator('.msg p').first().hover();
  await assert.doesNotReject(waitFor(async () => (await shownNow()) === true), 'shown over the conversation');
  await page.locator('h1.title').click({ button: 'right' });
  await assert.doesNotReject(waitFor(async () => (await shownNow()) === false), 'hidden over the heading');
  const before = (await readStoredJournal(reader, 'default', { onlySeq: -1 })).entries.length;
  const result = await browser.worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    return /** @type {any} */ (globalThis).temoin.captureAndReport({ menuItemId: 'temoin-capture-conversation', pageUrl: url }, tab);
  }, page.url());
  await page.close();
  assert.equal(result.ok, false);
  assert.match(result.message, /conversation qui défile|no scrolling conversation/);
  assert.equal((await readStoredJournal(reader, 'default', { onlySeq: -1 })).entries.length, before, 'nothing recorded');
});

test('the choice, drawn over the page in a closed shadow root: Escape cancels, Enter captures what is loaded, a date typed captures since then', { timeout: 180_000 }, async () => {
  const discord = /** @type {App} */ (APPS.find((a) => a.name === 'discord'));
  // The keys a person presses: the date is typed in the browser's format (en-US here: month, day, year).
  /** @type {Record<string, string[]>} */
  const keys = { Escape: ['Escape'], Enter: ['Enter'], since: ['ArrowDown', 'Tab', ...'11242026', 'Enter'] };
  for (const key of ['Escape', 'Enter', 'since']) {
    const page = await browser.context.newPage();
    await page.goto(discord.url);
    await page.bringToFront();
    await page.locator(discord.click).last().click({ button: 'right' });
    const before = (await readStoredJournal(reader, 'default', { onlySeq: -1 })).entries.length;
    // The capture as the menu runs it, the toolbar's badge and title watched while it runs.
    const running = browser.worker.evaluate(async (url) => {
      const g = /** @type {any} */ (globalThis);
      const tab = /** @type {chrome.tabs.Tab} */ ((await chrome.tabs.query({})).find((t) => t.url === url));
      const tabId = /** @type {number} */ (tab.id);
      const notifiedBefore = g.temoin.lastNotificationForTesting.id;
      /** @type {Set<string>} */
      const seen = new Set();
      let on = true;
      const watch = (async () => {
        while (on) {
          seen.add(`${await chrome.action.getBadgeText({ tabId })}|${await chrome.action.getTitle({ tabId })}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      const result = await g.temoin.captureAndReport({ menuItemId: 'temoin-capture-conversation', pageUrl: url }, tab);
      on = false;
      await watch;
      const notification = g.temoin.lastNotificationForTesting;
      return { ...result, seen: [...seen], badge: await chrome.action.getBadgeText({ tabId }), notified: notification.id === notifiedBefore ? null : notification };
    }, page.url());
    await page.waitForSelector('temoin-choice', { state: 'attached', timeout: 30_000 });
    // The page sees the host element, not what is inside it.
    assert.equal(await page.evaluate(() => document.querySelector('temoin-choice')?.shadowRoot), null);
    for (const k of keys[key]) await page.keyboard.press(k);
    const result = await running;
    assert.equal(await page.locator('temoin-choice').count(), 0, 'the choice is gone');
    await page.close();
    const after = (await readStoredJournal(reader, 'default', { onlySeq: -1 })).entries.length;
    const progress = result.seen.filter((/** @type {string} */ s) => /^…\|(Capturing the conversation…|Capture de la conversation en cours…)$/.test(s));
    if (key === 'Escape') {
      // A cancel is not a failure: no notification, no badge.
      assert.equal(result.ok, false);
      assert.equal(result.code, 'cancelled');
      assert.match(result.message, /annulée|cancelled/);
      assert.equal(result.notified, null, 'no notification');
      assert.equal(result.badge, '', 'no badge');
      assert.ok(!result.seen.some((/** @type {string} */ s) => s.startsWith('!|')), result.seen.join());
      assert.equal(after, before);
    } else if (key === 'Enter') {
      assert.equal(result.ok, true, JSON.stringify(result));
      const { event } = await latest();
      assert.equal(event.body.collection.scope, 'loaded');
      assert.equal(event.body.items.length, MESSAGES.length);
      // While the pane scrolled, « … »; then the result's number, and a notification saying how many messages were kept.
      assert.equal(progress.length, 1, result.seen.join());
      assert.equal(result.badge, String(result.seq));
      assert.ok(result.notified, 'a notification');
      const sq = result.seq;
      assert.ok([`Evidence no. ${sq} saved: ${MESSAGES.length} messages`, `Preuve n°\u00a0${sq} enregistrée\u00a0: ${MESSAGES.length} messages`].includes(result.notified.title), result.notified.title);
    } else {
      assert.equal(result.ok, true, JSON.stringify(result));
      const { event } = await latest();
      assert.deepEqual({ scope: event.body.collection.scope, since: event.body.collection.since }, { scope: 'since', since: '2026-11-24' });
      assert.deepEqual(event.body.items.map((/** @type {any} */ i) => i.post.text), MESSAGES.filter((m) => m.day >= '2026-11-24').map((m) => m.text));
    }
  }
});

test('the case exports, and the bundle with its conversations verifies; the panes\' HTML is inert in it', { timeout: 180_000 }, async () => {
  await verifiedBundle(await exportThroughPage(browser, 'default'), async (file) => {
    const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n');
    assert.ok(names.some((n) => n.endsWith('/pane.html.txt')) && !names.some((n) => n.endsWith('/pane.html')), 'pane.html is stored as text');
    assert.ok(names.some((n) => n.endsWith('/screenshot-conversation.png')));
    // Read back by the import page: a private conversation's time is when it was sent.
    await reader.setInputFiles('#bundle-input', file);
    await reader.waitForSelector('#result[data-state="valid"]', { timeout: 60_000 });
    const rows = await reader.$$eval('#readonly-entries tbody tr', (trs) => trs.map((tr) => [tr.querySelector('.when-kind')?.textContent ?? '', tr.textContent ?? '']));
    const whatsapp = rows.filter(([, text]) => text.includes('WhatsApp'));
    assert.ok(whatsapp.length, rows.map((r) => r.join(' | ')).join('\n'));
    for (const [kind] of whatsapp) assert.notEqual(kind, 'Posted', 'a private message is sent, not posted');
    // A conversation's row says what it holds, as the journal does, not the right-clicked message.
    const newest = MESSAGES[MESSAGES.length - 1].text;
    for (const [, text] of whatsapp) {
      assert.match(text, /Conversation( with .+)? — \d+ messages · /, text);
      assert.ok(!text.includes(newest), text);
    }
    assert.ok(rows.some(([kind]) => kind === 'Sent on'), rows.map((r) => r.join(' | ')).join('\n'));
  });
});

/** Polls `check` until it holds (5 s at most). @param {() => Promise<boolean>} check */
async function waitFor(check) {
  for (let waited = 0; waited < 5000; waited += 100) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

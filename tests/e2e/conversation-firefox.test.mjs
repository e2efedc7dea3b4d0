// The conversation journey in Firefox ESR: the same chat fixtures under the apps' host names
// (reached through a local proxy, Firefox having no host resolver rules), a right-click in the
// conversation, the capture through the menu's handler in the background page: every message
// once, in order, the stitched image as tall as the pane's content, the entry whole and chained.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveChats } from '../support/chat-hosts.mjs';
import { closeFirefox, launchFirefoxWithExtension } from '../support/firefox.mjs';
import { readStoredJournal } from '../support/chromium.mjs';
import { assertChainValid, assertEntryWhole } from '../support/journal.mjs';
import { MESSAGES, EMAILS, PAYLOAD } from '../fixtures/chat/conversation.mjs';
import { APPS, expectedAuthor } from '../support/chat-apps.mjs';

/** @type {Awaited<ReturnType<typeof serveChats>>} */
let chats;
/** @type {Awaited<ReturnType<typeof launchFirefoxWithExtension>>} */
let firefox;

before(async () => {
  chats = await serveChats();
  firefox = await launchFirefoxWithExtension({
    acceptInsecureCerts: true,
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': chats.proxyPort,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': chats.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
});

after(async () => {
  await closeFirefox(firefox);
  await chats?.close();
});

for (const app of APPS) {
  test(`Firefox, ${app.name} (${new URL(app.url).host}): the conversation captured whole, in order, in one image`, { timeout: 180_000 }, async () => {
    const { browser, extensionPage } = firefox;
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.bringToFront();
    const targets = await page.$$(app.click);
    await /** @type {any} */ (targets.at(-1)).click({ button: 'right' });
    // The item is offered: the content script said the click was in a pane.
    const offered = await extensionPage.evaluate(async () => {
      const bg = /** @type {any} */ (await browser.runtime.getBackgroundPage());
      for (let i = 0; i < 50 && bg.temoin.conversationMenuForTesting !== true; i += 1) await new Promise((r) => setTimeout(r, 100));
      return bg.temoin.conversationMenuForTesting;
    });
    assert.equal(offered, true, 'the menu item is shown');
    const reply = await extensionPage.evaluate(async (url) => {
      const bg = /** @type {any} */ (await browser.runtime.getBackgroundPage());
      const tab = (await browser.tabs.query({})).find((t) => t.url === url);
      return bg.temoin
        .captureConversation({ menuItemId: 'temoin-capture-conversation', pageUrl: url }, tab, { choice: { scope: 'loaded' } })
        .then((/** @type {any} */ r) => ({ ok: true, seq: r.seq }), (/** @type {any} */ e) => ({ ok: false, message: String(e?.message ?? e) }));
    }, page.url());
    assert.equal(reply.ok, true, JSON.stringify(reply));
    const expected = app.emails ? EMAILS : MESSAGES;
    const shown = app.sabotaged ? null : await page.evaluate((sel) => {
      const p = /** @type {Element} */ (document.querySelector(sel));
      return { scrollHeight: p.scrollHeight, clientWidth: p.clientWidth, dpr: devicePixelRatio };
    }, app.pane);
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__pwned), undefined);
    await page.close();

    const stored = await readStoredJournal(/** @type {any} */ (extensionPage), 'default');
    assertChainValid(stored);
    const entry = /** @type {{ seq: number, json: string }} */ (stored.entries.find((e) => e.seq === reply.seq));
    assertEntryWhole(entry, stored.artifacts);
    const body = JSON.parse(entry.json).body;
    assert.equal(body.environment.browser, 'Firefox');
    assert.equal(body.collection.reader, app.reader ?? `platform:${app.name}`);
    assert.equal(body.collection.pane.reachedStart, true);
    const items = body.items.map((/** @type {any} */ i) => i.post);
    assert.deepEqual(items.map((/** @type {any} */ p) => p.text), expected.map((m) => m.text));
    assert.deepEqual(items.map((/** @type {any} */ p) => p.authorName ?? null), expected.map((m) => expectedAuthor(app, m) ?? null));
    assert.ok(items.some((/** @type {any} */ p) => p.text === PAYLOAD));
    const png = Buffer.from(/** @type {{ base64: string }} */ (stored.artifacts.find((a) => a.seq === reply.seq && a.name === 'screenshot-conversation.png')).base64, 'base64');
    const dpr = body.environment.devicePixelRatio ?? 1;
    assert.equal(png.readUInt32BE(20), Math.round(body.collection.pane.contentHeight * dpr), 'as tall as the pane content');
    if (shown) {
      assert.equal(body.collection.pane.contentHeight, shown.scrollHeight);
      assert.equal(png.readUInt32BE(16), Math.round(shown.clientWidth * shown.dpr), 'as wide as the pane');
    }
  });
}

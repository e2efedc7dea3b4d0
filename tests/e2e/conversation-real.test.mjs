// « Capturer la conversation » on markup saved from the apps themselves (tests/fixtures/chat/real/,
// each with its SOURCE.md), not on the reconstructed pages: each saved page is served under the
// app's real host name with its own scripts kept from running (`script-src 'none'`), a message is
// right-clicked and the conversation captured through the menu's handler. The messages read must
// be those the saved page shows: as many, in order, with their authors, texts, times and the
// message each answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveChats } from '../support/chat-hosts.mjs';
import { launchWithExtension, readStoredJournal } from '../support/chromium.mjs';
import { assertChainValid } from '../support/journal.mjs';

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

/**
 * What a saved page shows, message by message: the author shown (null where the app shows none,
 * as for its system messages), the author's id where the app gives one (`id`), the text (exact, or `starts` for the start of a longer one), the
 * machine time the app gives, and the message it answers.
 * @typedef {{ author: string | null, id?: string | null, text?: string, starts?: string, at: string, parent?: { author: string, text: string } }} Shown
 * @typedef {{ app: string, url: string, saved: string, click: string, reader: string, messages: Shown[] }} Saved
 */

const ELECTROLY = 'electroly';
/** electroly's account, in the address of the picture beside each of its messages (none beside a run's next ones in the cozy layout). */
const ELECTROLY_ID = '459533810153947156';
const DISCORD = 'https://discord.com/channels/@me/1323564394017194016';
/** Discord's saved message lists (kershner/threadloaf, src/test-data/), in its two layouts. */
const discordPages = ['cozy', 'compact'].flatMap((layout) => /** @type {Saved[]} */ ([
  { saved: `${layout}-non-reply`, messages: [{ author: ELECTROLY, id: ELECTROLY_ID, text: 'asdf', at: '2024-12-31T08:12:30.609Z' }] },
  { saved: `${layout}-reactions`, messages: [{ author: ELECTROLY, id: ELECTROLY_ID, text: 'asdf', at: '2024-12-31T08:12:30.609Z' }] },
  {
    saved: `${layout}-parent-and-child`,
    messages: [
      { author: ELECTROLY, id: ELECTROLY_ID, text: 'asdf', at: '2024-12-31T08:12:30.609Z' },
      { author: ELECTROLY, id: ELECTROLY_ID, text: 'foobar', at: '2024-12-31T09:03:32.477Z', parent: { author: ELECTROLY, text: 'asdf' } },
    ],
  },
  {
    saved: `${layout}-double-post`,
    messages: [
      { author: ELECTROLY, id: ELECTROLY_ID, text: 'test 1', at: '2025-01-01T01:32:00.864Z' },
      { author: ELECTROLY, id: ELECTROLY_ID, text: 'test 2', at: '2025-01-01T01:32:01.834Z' },
    ],
  },
  // A forum post's first message: the author's name follows an "OP" badge.
  { saved: `${layout}-op`, messages: [{ author: ELECTROLY, id: ELECTROLY_ID, text: 'test message', at: '2024-12-31T09:31:20.638Z' }] },
  // System messages: no author heading, the time without an id.
  { saved: `${layout}-change-post-title`, messages: [{ author: null, id: null, text: 'electroly changed the post title: test thread!', at: '2024-12-31T09:35:04.633Z' }] },
  { saved: `${layout}-server-boost`, messages: [{ author: null, id: null, text: 'electroly just boosted the server! Cool Server has achieved Level 3!', at: '2024-12-31T09:54:31.025Z' }] },
  // AutoMod's notice: its name shown inside the message, not in the message's heading; the
  // picture in it is of whoever enabled the alerts, not AutoMod's.
  { saved: `${layout}-automod`, messages: [{ author: 'AutoMod', id: null, starts: 'Activity Alerts Enabled Enabled by @boarder2', at: '2024-12-29T16:38:56.976Z' }] },
]).map((p) => ({ ...p, app: 'discord', url: `${DISCORD}?real=${p.saved}`, click: '[id^=message-content-]', reader: 'platform:discord' })));

const SAVED = [...discordPages];

/** The last entry of the default case's journal, the chain checked. */
async function latest() {
  const stored = await readStoredJournal(reader, 'default');
  assertChainValid(stored);
  const entry = stored.entries.at(-1);
  assert.ok(entry, 'an entry was written');
  return JSON.parse(entry.json);
}

/** Squeezes the white space the app's markup puts between inline elements. @param {string | undefined} s */
const squeeze = (s) => s?.replace(/\s+/g, ' ').trim();

for (const saved of SAVED) {
  test(`${saved.app}, saved page ${saved.saved}: the messages it shows, in order, with their authors, texts and times`, { timeout: 60_000 }, async () => {
    const page = await browser.context.newPage();
    await page.goto(saved.url);
    await page.bringToFront();
    await page.locator(saved.click).last().click({ button: 'right' });
    const result = await browser.worker.evaluate(
      async (url) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
        if (!tab) throw new Error(`no tab shows ${url}`);
        return /** @type {any} */ (globalThis).temoin.captureConversation({ menuItemId: 'temoin-capture-conversation', pageUrl: url }, tab, { choice: { scope: 'loaded' } }).then(
          (/** @type {any} */ r) => ({ ok: true, seq: r.seq }),
          (/** @type {any} */ e) => ({ ok: false, code: e?.code, message: String(e?.message ?? e) }),
        );
      },
      page.url(),
    );
    await page.close();
    assert.equal(result.ok, true, JSON.stringify(result));
    const body = (await latest()).body;
    assert.equal(body.collection.mode, 'conversation');
    assert.equal(body.collection.reader, saved.reader);
    const posts = body.items.map((/** @type {any} */ i) => i.post);
    const seen = posts.map((/** @type {any} */ p) => ({ author: p.authorName ?? null, id: p.authorId ?? null, text: squeeze(p.text), at: p.publishedAt ?? null, parent: p.parent ? { author: p.parent.authorName, text: squeeze(p.parent.text) } : undefined }));
    assert.equal(posts.length, saved.messages.length, `as many messages as the page shows: ${JSON.stringify(seen)}`);
    saved.messages.forEach((want, i) => {
      const got = seen[i];
      assert.equal(got.author, want.author, `message ${i + 1}'s author: ${JSON.stringify(got)}`);
      if (want.text !== undefined) assert.equal(got.text, want.text, `message ${i + 1}'s text`);
      if (want.starts !== undefined) assert.ok(got.text?.startsWith(want.starts), `message ${i + 1}'s text starts "${want.starts}": ${JSON.stringify(got.text)}`);
      if (want.id !== undefined) assert.equal(got.id, want.id, `message ${i + 1}'s author's id: ${JSON.stringify(got)}`);
      assert.equal(got.at, want.at, `message ${i + 1}'s time`);
      assert.deepEqual(got.parent, want.parent, `the message ${i + 1} answers`);
    });
    assert.ok(posts.every((/** @type {any} */ p) => p.extractedBy === saved.reader));
  });
}

// A capture of several items (a raid's replies selected at once, a conversation scrolled in its
// pane) on the journal page: one row that says what it holds (« 3 réponses de 2 comptes »), and
// a detail that lists every item with its author, time, words and crop, the crop blurred until
// pressed like every preview, and never shown when a minor's intimate images are withheld.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension } from '../support/chromium.mjs';
import { axeViolations, formatViolations } from '../support/axe.mjs';

/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;
/** @type {import('playwright-core').Page} */
let helper;

/**
 * Appends, to `caseId`, a raid (3 replies by 2 accounts, each with its crop) and a conversation
 * with Max (2 messages, its image capped).
 * @param {string} caseId @param {boolean} minor
 */
function seed(caseId, minor) {
  return helper.evaluate(
    async ([caseId, minor]) => {
      const { appendEvent, saveCaseDetails } = await import('/extension/shared/journal.js');
      const { core, ready } = await import('/extension/shared/core.js');
      await ready();
      await saveCaseDetails(caseId, { title: 'Raid', person: 'Sam', minor, description: '' });
      const environment = { browser: 'Chromium', browserVersion: '1', os: 'Linux', extensionVersion: '0', userAgent: 'test', language: 'fr', timeZone: 'UTC', localTime: 'test', incognito: false };
      const file = (/** @type {string} */ name) => {
        const bytes = new TextEncoder().encode(`image ${name}`);
        return { meta: { name, mediaType: 'image/png', size: bytes.length, sha256: core.sha256Hex(bytes), method: 'test' }, stored: { name, mediaType: 'image/png', bytes } };
      };
      const replies = [
        ['corbeau_noir', 'dégage', '2026-11-12T08:00:00Z'],
        ['pie_bavarde', 'personne ne t\'aime', '2026-11-10T21:30:00Z'],
        ['corbeau_noir', 'on sait où tu habites', '2026-11-11T10:00:00Z'],
      ];
      const files = [file('screenshot-full.png'), ...replies.map((_, i) => file(`item-00${i + 1}.png`))];
      await appendEvent(
        caseId,
        {
          kind: 'capture',
          page: { url: 'https://x.com/sam/status/1', title: 'Sam sur X', platform: 'x' },
          // The right-clicked anchor: the victim's own post, under which the replies are.
          post: { platform: 'x', authorName: 'Léa M.', authorHandle: 'lea_m', text: 'ma vidéo', permalink: 'https://x.com/lea_m/status/1' },
          capturedAt: '2026-11-21T10:00:00.000Z',
          artifacts: files.map((f) => f.meta),
          notices: [],
          environment,
          collection: { mode: 'selection', scope: 'replies' },
          items: replies.map(([handle, text, at], i) => ({
            n: i + 1,
            post: { platform: 'x', authorHandle: handle, text, publishedAt: at },
            crop: { name: files[i + 1].meta.name, sha256: files[i + 1].meta.sha256 },
          })),
        },
        { artifacts: files.map((f) => f.stored) },
      );
      const pane = file('pane.png');
      await appendEvent(
        caseId,
        {
          kind: 'capture',
          page: { url: 'https://www.instagram.com/direct/t/1/', title: 'Messages', platform: 'instagram' },
          // The right-clicked message, one among the conversation's.
          post: { platform: 'instagram', authorName: 'Max', text: 'ciao la poule', kind: 'message' },
          capturedAt: '2026-11-22T10:00:00.000Z',
          artifacts: [pane.meta],
          notices: ['pane-capped'],
          environment,
          collection: { mode: 'conversation', scope: 'loaded', title: 'Max', pane: { contentHeight: 24000, stitchedHeight: 20000, cap: 20000, reachedStart: true, image: 'pane.png' } },
          items: [
            { n: 1, post: { platform: 'instagram', authorName: 'Max', text: 'tu vas voir', publishedAt: '2026-11-18T19:00:00Z', kind: 'message' } },
            { n: 2, post: { platform: 'instagram', authorName: 'Max', text: 'réponds', publishedAt: '2026-11-18T19:01:00Z', kind: 'message' } },
          ],
        },
        { artifacts: [pane.stored] },
      );
      if (minor) {
        const { setCategories } = await import('/extension/shared/journal.js');
        await setCategories(caseId, 2, ['intimate-images']);
      }
    },
    /** @type {[string, boolean]} */ ([caseId, minor]),
  );
}

before(async () => {
  browser = await launchWithExtension();
  await browser.worker.evaluate(() => chrome.storage.local.set({ language: 'fr' }));
  helper = await browser.context.newPage();
  await helper.goto(browser.extensionUrl('extension/pages/import.html'));
  await seed('raid', false);
  await seed('raid-mineur', true);
});

after(async () => {
  await browser?.close();
});

/** @param {string} caseId */
async function openJournal(caseId) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl(`extension/pages/journal.html?case=${caseId}`));
  await page.waitForSelector('#chain[data-ok="true"]');
  return page;
}

test('a capture of several items is one row saying what it holds, and its detail lists every item', async () => {
  const page = await openJournal('raid');
  const raidRow = (await page.textContent('#entries tr[data-seq="2"] td.message')) ?? '';
  assert.match(raidRow, /^3[\s\u00a0\u202f]réponses de 2[\s\u00a0\u202f]comptes/);
  assert.match(raidRow, /Toutes les réponses sous un message/);
  const convRow = (await page.textContent('#entries tr[data-seq="3"] td.message')) ?? '';
  assert.match(convRow, /Conversation avec Max — 2 messages/);
  assert.match(convRow, /Conversation remontée jusqu'à son début \(aussi loin que l'application le permet\)/);
  // The raid's replies run over three days: the row gives the period, not one time.
  const raidDate = (await page.textContent('#entries tr[data-seq="2"] td.date')) ?? '';
  assert.match(raidDate, /^Du 10 au 12 novembre 2026$/);
  // Private messages are sent, not published.
  const convDate = (await page.textContent('#entries tr[data-seq="3"] td.date')) ?? '';
  assert.match(convDate, /^Envoyé le 18 novembre 2026/);

  await page.click('#entries tr[data-seq="2"] button.open-detail');
  await page.waitForSelector('dialog#detail[open]');
  const items = page.locator('dialog#detail ol#items > li');
  assert.equal(await items.count(), 3, 'every item is listed');
  // The anchor is the post the replies sit under, never their author nor « Le message ».
  const raidFields = (await page.textContent('dialog#detail dl.readable')) ?? '';
  assert.match(raidFields, /Sous le message deLéa M\. \(@lea_m\)/);
  assert.doesNotMatch(raidFields, /Auteur/);
  assert.equal(await page.locator('dialog#detail h3', { hasText: 'Le message' }).count(), 0);
  assert.match((await page.textContent('#items-head')) ?? '', /^3[\s\u00a0\u202f]réponses de 2[\s\u00a0\u202f]comptes, du 10 au 12 novembre 2026$/);
  const second = (await items.nth(1).textContent()) ?? '';
  assert.match(second, /Message 2 — @pie_bavarde/);
  assert.match(second, /personne ne t'aime/);
  // Each item's crop, blurred until pressed; the crops are not repeated among the capture's pictures.
  const crop = items.nth(0).locator('img');
  assert.equal(await crop.count(), 1);
  assert.match((await crop.getAttribute('class')) ?? '', /blurred/);
  await items.nth(0).locator('button').first().click();
  assert.doesNotMatch((await crop.getAttribute('class')) ?? '', /blurred/);
  assert.equal(await page.locator('dialog#detail .shots img[data-name^="item-"]').count(), 0);
  const raidViolations = await axeViolations(page, { include: ['dialog#detail'] });
  assert.equal(raidViolations.length, 0, formatViolations(raidViolations));
  await page.click('dialog#detail button.close');

  await page.click('#entries tr[data-seq="3"] button.open-detail');
  await page.waitForSelector('dialog#detail[open]');
  const violations = await axeViolations(page, { include: ['dialog#detail'] });
  assert.equal(violations.length, 0, formatViolations(violations));
  assert.match((await page.textContent('#items-pane-capped')) ?? '', /s'arrête à 20.000 pixels sur 24.000/);
  assert.equal(await page.locator('dialog#detail ol#items > li').count(), 2);
  // The conversation's header: its days, no author, not its right-clicked message.
  assert.equal((await page.textContent('#items-head')) ?? '', 'Conversation avec Max — 2 messages, le 18 novembre 2026');
  const convFields = (await page.textContent('dialog#detail dl.readable')) ?? '';
  assert.doesNotMatch(convFields, /Auteur|Publié/);
  assert.doesNotMatch((await page.textContent('dialog#detail')) ?? '', /ciao la poule/);
  assert.deepEqual(await page.$$eval('dialog#detail .shots figcaption', (f) => f.map((x) => x.textContent)), ['La conversation entière (image assemblée)']);
  await page.click('dialog#detail button.close');

  // The author filter knows every item's author: one reply is enough to find the raid.
  await page.selectOption('#filter-author', '@pie_bavarde');
  const shown = await page.$$eval('#entries tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-seq')));
  assert.deepEqual(shown, ['2']);
  await page.close();
});

test("a minor's intimate images are not shown in the items' crops either", async () => {
  const page = await openJournal('raid-mineur');
  await page.click('#entries tr[data-seq="2"] button.open-detail');
  await page.waitForSelector('dialog#detail[open]');
  assert.equal(await page.locator('dialog#detail ol#items > li').count(), 3, 'the items are still listed');
  assert.equal(await page.locator('dialog#detail img').count(), 0, 'no picture at all');
  await page.close();
});

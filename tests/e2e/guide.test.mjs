// What to do next, in a real browser: an X post marked "threat" for a minor gets X's report
// link, PHAROS, 3018 and the minor's erasure letter; a post marked "insult" only gets no PHAROS
// and the dated 3-month warning; the letter to the procureur lists both captures in
// chronological order with their fingerprints; marking a step done is a journal entry; the
// language switch applies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveHosts } from '../support/hosts.mjs';
import { captureThroughMenu, launchWithExtension, readStoredJournal } from '../support/chromium.mjs';

/** @type {Awaited<ReturnType<typeof serveHosts>>} */
let hosts;
/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;

before(async () => {
  hosts = await serveHosts();
  browser = await launchWithExtension({ args: hosts.chromiumArgs });
});

after(async () => {
  await browser?.close();
  await hosts?.close();
});

/** @param {import('playwright-core').Page} journal @param {number} seq @param {string} category */
async function categorise(journal, seq, category) {
  await journal.click(`#entries tr[data-seq="${seq}"] button.open-detail`);
  await journal.waitForSelector('dialog#detail[open]');
  await journal.check(`#categories input[value="${category}"]`);
  await journal.click('#save-categories');
  await journal.waitForSelector(`#entries tr[data-seq="${seq}"] [data-category="${category}"]`);
}

test('the guide routes a threat and an insult, and the letter tells the facts in order', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://x.com/corbeau_noir/status/1790000000000000042');
  await page.bringToFront();
  await page.click('article[data-testid="tweet"] >> nth=0 >> [data-testid="tweetText"] span', { button: 'right' });
  assert.equal((await captureThroughMenu(browser.worker, page.url())).seq, 1);
  await page.click('article[data-testid="tweet"] >> nth=1 >> [data-testid="tweetText"] span', { button: 'right' });
  assert.equal((await captureThroughMenu(browser.worker, page.url())).seq, 2);

  const journal = await browser.context.newPage();
  await journal.goto(browser.extensionUrl('extension/pages/journal.html'));
  await journal.waitForSelector('#chain[data-ok="true"]');
  await categorise(journal, 1, 'threat');
  await categorise(journal, 2, 'insult');
  await journal.click('#case-details summary');
  await journal.fill('#case-form input[name="person"]', 'Léa M.');
  await journal.check('#case-form input[name="minor"]');
  await journal.click('#case-form button[type="submit"]');
  await journal.waitForSelector('#chain[data-ok="true"]');

  // Capture 1: a public threat against a minor on X.
  const guide = await browser.context.newPage();
  await guide.goto(browser.extensionUrl('extension/pages/guide.html?capture=1'));
  await guide.waitForSelector('section.step[data-step="5"]');
  const xLink = guide.locator('[data-action="platform-x-0"] a.go');
  assert.equal(await xLink.getAttribute('href'), 'https://help.twitter.com/en/safety-and-security/report-abusive-behavior');
  assert.equal(await xLink.getAttribute('target'), '_blank');
  assert.equal(await guide.locator('[data-action="pharos"] a.go').getAttribute('href'), 'https://www.internet-signalement.gouv.fr');
  assert.equal(await guide.locator('#always [data-action="3018"]').count(), 1);
  assert.equal(await guide.locator('[data-action="letter-erasure"] a.letter').count(), 1);
  assert.match((await guide.textContent('#evidence-count')) ?? '', /2/);
  const report = await guide.locator('#copy-platform-report').inputValue();
  assert.match(report, /https:\/\/x\.com\/corbeau_noir\/status\/1790000000000000042/);
  assert.match(report, /222-17/);
  assert.match(report, /bonne foi|good faith/);
  const pharos = await guide.locator('#copy-pharos').inputValue();
  assert.match(pharos, /Menaces/);
  assert.match(pharos, /2026-11-27T21:14:00.000Z/);
  // Unverified addresses are never the main link: marked when shown at all.
  for (const card of await guide.locator('.action.unverified').all()) assert.equal(await card.locator('.badge').count(), 1);

  // Marking PHAROS done is a journal entry that shows in the guide.
  await guide.click('[data-action="pharos"] button.mark-done');
  await guide.waitForSelector('[data-action="pharos"] .done');
  const stored = await readStoredJournal(browser.worker, 'default', { onlySeq: -1 });
  const last = JSON.parse(stored.entries.at(-1)?.json ?? '{}');
  assert.equal(last.body.kind, 'stepDone');
  assert.equal(last.body.action, 'pharos');
  assert.equal(last.body.entry, 1);

  // Capture 2: an insult only. No PHAROS; the 3-month warning with its date.
  await guide.goto(browser.extensionUrl('extension/pages/guide.html?capture=2'));
  await guide.waitForSelector('section.step[data-step="5"]');
  assert.equal(await guide.locator('[data-action="pharos"]').count(), 0);
  assert.equal(await guide.locator('section.step[data-step="5"] p.none').count(), 1);
  const press = guide.locator('#deadlines li[data-kind="press-3-months"]');
  assert.equal(await press.getAttribute('data-until'), '2027-02-27');
  assert.match((await press.textContent()) ?? '', /2027-02-27/);

  // The letter to the procureur: both captures, in order of publication, with fingerprints.
  const entries = (await readStoredJournal(browser.worker, 'default', { onlySeq: -1 })).entries;
  const letter = await browser.context.newPage();
  await letter.goto(browser.extensionUrl('extension/pages/letter.html?kind=procureur'));
  await letter.waitForFunction(() => (document.getElementById('letter')?.textContent ?? '').length > 100);
  const text = (await letter.textContent('#letter')) ?? '';
  assert.ok(text.indexOf('Pièce n° 1,') > 0 && text.indexOf('Pièce n° 1,') < text.indexOf('Pièce n° 2,'), 'chronological order');
  for (const seq of [1, 2]) assert.ok(text.includes(entries[seq - 1].hash), `fingerprint of capture ${seq}`);
  assert.match(text, /représentant légal/);
  assert.match(text, /222-17/);
  assert.match(text, /loi du 29 juillet 1881/);

  // The language switch in the options applies to the pages.
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('extension/pages/options.html'));
  await options.selectOption('select[name="language"]', 'en');
  await options.waitForSelector('#saved:not(:empty)');
  await guide.reload();
  await guide.waitForSelector('section.step[data-step="5"]');
  assert.equal(await guide.textContent('h1'), 'What now?');
  await options.selectOption('select[name="language"]', 'fr');
  await guide.reload();
  await guide.waitForSelector('section.step[data-step="5"]');
  assert.equal(await guide.textContent('h1'), 'Que faire ?');
});

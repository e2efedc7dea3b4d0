// The post found on pages no platform extractor knows: the generic reading of the block around
// the right-clicked element (extension/content/read-block.js) and the page's structured data
// (read-structured.js), through a real right-click and capture; and the nearest-candidate rule
// itself, in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveHosts } from '../support/hosts.mjs';
import { captureThroughMenu, launchWithExtension, readStoredJournal, ROOT } from '../support/chromium.mjs';

/** @type {Awaited<ReturnType<typeof serveHosts>>} */
let hosts;
/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;

before(async () => {
  hosts = await serveHosts();
  browser = await launchWithExtension({ args: hosts.chromiumArgs, timezoneId: 'Europe/Paris' });
});

after(async () => {
  await browser?.close();
  await hosts?.close();
});

/** Right-clicks `selector` on `url`, captures, and returns the capture's post. @param {string} url @param {string} selector */
async function capturePost(url, selector) {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.bringToFront();
  await page.click(selector, { button: 'right' });
  const result = await captureThroughMenu(browser.worker, page.url());
  await page.close();
  const stored = await readStoredJournal(browser.worker, 'default', { onlySeq: result.seq });
  return JSON.parse(stored.entries[result.seq - 1].json).body;
}

test('a nested reply on a forum: its own author, text and time, and the comment it answers', async () => {
  const body = await capturePost('https://forum.test/sujet/42', '#insult');
  const post = body.post;
  assert.equal(post.extractedBy, 'generic');
  assert.equal(post.authorName, 'Le Corbeau');
  assert.equal(post.authorUrl, 'https://forum.test/membres/corbeau');
  assert.equal(post.text, 'Personne ne veut de toi vendredi, reste chez toi.', 'the reply alone, without its buttons');
  assert.equal(post.publishedText, 'il y a 3 h');
  assert.equal(post.publishedReading, 'relative', 'read by the core, relative to the capture');
  assert.ok(post.publishedEarliest < post.publishedUtc);
  assert.equal(post.permalink, 'https://forum.test/sujet/42#c102');
  assert.equal(post.parent?.authorName, 'Julie B.');
  assert.equal(post.parent?.text, 'Qui vient vendredi ? On part à 18 h de la gare.', "the parent's own text, not its replies'");
  assert.ok(body.artifacts.some((/** @type {{ name: string }} */ a) => a.name === 'screenshot-post.png'), 'a crop of the reply');
});

test('a comment that quotes another: the quote is the parent, not the comment text; a written date is read', async () => {
  const post = (await capturePost('https://forum.test/sujet/42', '#threat')).post;
  assert.equal(post.authorName, 'Max_du_93');
  assert.equal(post.text, 'Si tu viens, tu vas le regretter.');
  assert.equal(post.parent?.text, 'Julie B. a écrit : Qui vient vendredi ?');
  assert.equal(post.publishedText, '28 nov. 2026 à 09:15');
  assert.equal(post.publishedUtc, '2026-11-28T08:15:00Z', 'in the device zone (Paris, UTC+01:00)');
  assert.equal(post.publishedReading, 'device-zone');
});

test("a blog's comments described only by its JSON-LD: author, time and link from the structured data", async () => {
  const post = (await capturePost('https://blog.test/end-of-term', '#insult')).post;
  assert.equal(post.extractedBy, 'json-ld');
  assert.equal(post.authorName, 'night_raven');
  assert.equal(post.publishedUtc, '2026-11-28T18:40:00Z');
  assert.equal(post.publishedReading, 'exact');
  assert.equal(post.permalink, 'https://blog.test/end-of-term#comment-7');
  assert.equal(post.text, 'Nobody wants you at the party, stay home.');
});

test('the nearest-candidate rule: the candidate nearest the clicked element, by tree distance', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://forum.test/sujet/42');
  await page.addScriptTag({ content: await readFile(`${ROOT}extension/content/read-block.js`, 'utf8') });
  const found = await page.evaluate(() => {
    const { nearest, distance, looksLikeTime } = /** @type {any} */ (globalThis).temoinReadBlock;
    const users = [...document.querySelectorAll('a.user')];
    const ages = [...document.querySelectorAll('.age')];
    const click = /** @type {Element} */ (document.getElementById('insult'));
    const quoteClick = /** @type {Element} */ (document.getElementById('threat'));
    return {
      nearUser: nearest(users, click)?.textContent,
      nearAge: nearest(ages, click)?.textContent,
      nearUserOfThreat: nearest(users, quoteClick)?.textContent,
      // An empty candidate is passed over when the rule is asked to.
      nonEmpty: nearest([...document.querySelectorAll('#c102 .meta a')], click, (/** @type {Element} */ a) => !!a.textContent?.trim())?.textContent,
      selfDistance: distance(click, click),
      siblingDistance: distance(document.querySelector('#c102 .meta'), document.querySelector('#c102 .comment-body')),
      times: ['il y a 3 h', '28 nov. 2026 à 09:15', '2d', '13 réponses', 'Répondre', '2 h de lecture'].map((s) => looksLikeTime(s)),
    };
  });
  await page.close();
  assert.deepEqual(found, {
    nearUser: 'Le Corbeau',
    nearAge: 'il y a 3 h',
    nearUserOfThreat: 'Max_du_93',
    nonEmpty: 'Le Corbeau',
    selfDistance: 0,
    siblingDistance: 2,
    times: [true, true, true, false, false, false],
  });
});

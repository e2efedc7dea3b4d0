// Every page a person sees, checked as the journal page is (journal-journey.test.mjs): axe-core's
// WCAG 2.1 A/AA rules with zero violations, in French and in English, at 1,280 and 400 px, in
// the light and the dark scheme; one main and one h1; text of at least 16 px; reflow at 320 px
// with no horizontal scrolling (WCAG 1.4.10). On real pages with real captures: the guide for a
// capture (its adults' part unfolded), the letters, the import page after a verification, the
// popup, the options, and the exported bundle's report.html, which is also printed to PDF on A4
// and checked so that no table is wider than the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveHosts } from '../support/hosts.mjs';
import { exportThroughPage, launchWithExtension } from '../support/chromium.mjs';
import { axeViolations, formatViolations } from '../support/axe.mjs';

/** @type {Awaited<ReturnType<typeof serveHosts>>} */
let hosts;
/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;
/** @type {string} */
let work;
/** @type {string} */
let bundleDir;
/** @type {string} */
let bundleZip;

before(async () => {
  hosts = await serveHosts();
  browser = await launchWithExtension({ args: hosts.chromiumArgs, timezoneId: 'Europe/Paris' });
  work = await mkdtemp(join(tmpdir(), 'temoin-a11y-'));
  // A minor's case: a threat and an insult on X, with case details.
  const post = await browser.context.newPage();
  await post.goto('https://x.com/corbeau_noir/status/1790000000000000042');
  await post.bringToFront();
  for (const nth of [0, 1]) {
    await post.click(`article[data-testid="tweet"] >> nth=${nth} >> [data-testid="tweetText"] span`, { button: 'right' });
    await browser.worker.evaluate(async (u) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
      return /** @type {any} */ (globalThis).temoin.capture({ menuItemId: 'temoin-capture', pageUrl: u }, tab);
    }, post.url());
  }
  const ext = await browser.context.newPage();
  await ext.goto(browser.extensionUrl('extension/pages/options.html'));
  await ext.evaluate(async () => {
    const j = await import(chrome.runtime.getURL('extension/shared/journal.js'));
    await j.saveCaseDetails('default', { title: 'Harcèlement de Léa', person: 'Léa', minor: true, description: '', school: true });
    await j.setCategories('default', 1, ['threat']);
    await j.setCategories('default', 2, ['insult']);
  });
  await ext.close();
  bundleZip = join(work, 'case.zip');
  await writeFile(bundleZip, await exportThroughPage(browser, 'default', 'fr'));
  bundleDir = join(work, 'case');
  execFileSync('unzip', ['-q', bundleZip, '-d', bundleDir]);
});

after(async () => {
  await browser?.close();
  await hosts?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** @param {string} language */
async function setLanguage(language) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('extension/pages/options.html'));
  await page.evaluate((l) => chrome.storage.local.set({ language: l }), language);
  await page.close();
}

/**
 * What every page must be: axe-clean, one main and one h1, 16 px text, reflow at 320 px.
 * @param {import('playwright-core').Page} page @param {string} where
 */
async function assertAccessible(page, where) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations.map((v) => v.id), [], `${where}:\n${formatViolations(violations)}`);
  const shape = await page.evaluate(() => ({
    mains: document.querySelectorAll('main').length,
    h1s: document.querySelectorAll('h1').length,
    font: parseFloat(getComputedStyle(document.body).fontSize),
  }));
  assert.deepEqual({ mains: shape.mains, h1s: shape.h1s }, { mains: 1, h1s: 1 }, where);
  assert.ok(shape.font >= 16, `${where}: body text ${shape.font}px`);
}

/** @param {import('playwright-core').Page} page @param {string} where */
async function assertReflows(page, where) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `${where}: ${width}px wide at 320px`);
  if (viewport) await page.setViewportSize(viewport);
}

/** The extension's pages, each as a person reaches it, ready to be checked. */
const PAGES = [
  {
    name: 'guide',
    path: 'extension/pages/guide.html?capture=1',
    ready: async (/** @type {import('playwright-core').Page} */ p) => {
      await p.waitForSelector('#reassure:not([hidden])');
      await p.click('#adults summary');
      await p.click('[data-action="pharos"] details.copy-text summary');
      await p.click('[data-action="platform-x-0"] button.mark-done');
    },
  },
  { name: 'letter', path: 'extension/pages/letter.html?kind=procureur', ready: async (/** @type {any} */ p) => p.waitForSelector('.letter-text') },
  { name: 'erasure', path: 'extension/pages/letter.html?kind=erasure', ready: async (/** @type {any} */ p) => p.waitForSelector('.letter-text') },
  {
    name: 'import',
    path: 'extension/pages/import.html',
    ready: async (/** @type {import('playwright-core').Page} */ p) => {
      await p.setInputFiles('#bundle-input', bundleZip);
      await p.waitForSelector('#result[data-state="valid"]');
    },
  },
  { name: 'options', path: 'extension/pages/options.html', ready: async () => {} },
  { name: 'popup', path: 'extension/pages/popup.html', ready: async () => {} },
];

for (const language of ['fr', 'en']) {
  test(`every extension page, ${language}: axe-clean, one main and h1, 16 px, reflow at 320 px, light and dark`, async () => {
    await setLanguage(language);
    for (const { name, path, ready } of PAGES) {
      for (const [width, scheme] of /** @type {[number, 'light' | 'dark'][]} */ ([[1280, 'light'], [400, 'light'], [1280, 'dark']])) {
        const page = await browser.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: 900 });
        await page.goto(browser.extensionUrl(path));
        // Localised once the page's script has run.
        await page.waitForFunction(() => document.documentElement.lang !== '');
        await ready(page);
        const where = `${name} ${language} ${width}px ${scheme}`;
        assert.equal(await page.evaluate(() => document.documentElement.lang), language, `${where}: the page says its language`);
        await assertAccessible(page, where);
        if (width === 400) await assertReflows(page, where);
        await page.close();
      }
    }
  });
}

/**
 * The words of the tables' headings that the layout cut across two lines (« Plateform-e »),
 * read in the page: a word laid out on one line has one box.
 */
function headerWordsBroken() {
  const broken = [];
  for (const th of document.querySelectorAll('th')) {
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index ?? 0);
        range.setEnd(node, (word.index ?? 0) + word[0].length);
        if (range.getClientRects().length > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}

test('report.html opened from the unzipped bundle: axe-clean, reflows, prints on A4 with no table cut', async () => {
  const page = await browser.context.newPage();
  const url = `file://${join(bundleDir, 'report.html')}`;
  for (const scheme of /** @type {('light' | 'dark')[]} */ (['light', 'dark'])) {
    await page.emulateMedia({ colorScheme: scheme, media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url);
    await assertAccessible(page, `report.html ${scheme}`);
    await assertReflows(page, `report.html ${scheme}`);
    assert.deepEqual(await page.evaluate(headerWordsBroken), [], `report.html ${scheme}: no column heading is cut inside a word`);
  }
  // Printed: at the width of an A4 page between its margins (210 - 2 × 14 mm at 96 dpi), no
  // table, figure or field list is wider than the page.
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  await page.setViewportSize({ width: Math.floor(((210 - 28) / 25.4) * 96), height: 1000 });
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('table, figure, img, dl, pre, .text')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 || el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className}: ${Math.round(el.getBoundingClientRect().right)} > ${width}`);
  });
  assert.deepEqual(overflow, [], 'nothing wider than an A4 page');
  assert.deepEqual(await page.evaluate(headerWordsBroken), [], 'printed: no column heading is cut inside a word');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 4, `cover, chronology, one page per capture, the journal: ${pages} pages`);
  await writeFile(join(work, 'report.pdf'), pdf);
});

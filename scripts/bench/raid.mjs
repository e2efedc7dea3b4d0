// 8. A raid: the 60 replies under one post (tests/fixtures/raid, an X conversation served under
// x.com) kept by one "all replies" selection capture, against 60 single captures of the
// replies, each after a right-click on its reply, with the full page as the settings default.
// Both are timed from the start of the capture (the "Capture" press; the menu handler's call)
// to the committed transaction; the right-clicks and the 1.2 s between single captures (the
// browser allows 2 visible-tab captures a second) are not counted, which favours the singles.
import { join } from 'node:path';
import { serveHosts } from '../../tests/support/hosts.mjs';
import { FIXTURES } from '../../tests/support/server.mjs';
import { launchWithExtension } from '../../tests/support/chromium.mjs';
import { fmt, median } from './stats.mjs';

const RAID = 'https://x.com/lea_m/status/1790000000000007000';
const REPLY_TEXT = 'article[data-testid="tweet"]:not(.focal) [data-testid="tweetText"]';

/**
 * @param {{ selections?: number, log?: (line: string) => void }} [options]
 */
export async function benchRaid({ selections = 5, log = () => {} } = {}) {
  const hosts = await serveHosts({ root: join(FIXTURES, 'raid') });
  const browser = await launchWithExtension({ args: hosts.chromiumArgs });
  try {
    const page = await browser.context.newPage();
    await page.goto(RAID, { waitUntil: 'load' });
    await page.bringToFront();
    const replies = await page.locator(REPLY_TEXT).count();
    // Only the replies above X's "Discover more" are the conversation's.
    const conversation = await page.$$eval('article[data-testid="tweet"]:not(.focal)', (as) => {
      const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent?.includes('découvrir'));
      return as.filter((a) => !heading || !!(a.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING)).length;
    });

    /** @type {string[]} what failed, kept in the results */
    const failures = [];
    /** @type {number[]} */
    const selectionMs = [];
    /** @type {number[]} */
    const itemCounts = [];
    for (let round = 0; round < selections; round += 1) {
      await page.locator('article.focal [data-testid="tweetText"]').scrollIntoViewIfNeeded();
      await page.click('article.focal [data-testid="tweetText"]', { button: 'right' });
      await page.keyboard.press('Escape');
      await browser.worker.evaluate(async (url) => {
        const g = /** @type {any} */ (globalThis);
        g.temoinSelection.last = null;
        const tab = (await chrome.tabs.query({ active: true })).find((t) => t.url === url);
        await g.temoinSelection.startSelection({ menuItemId: 'temoin-capture-several', frameId: 0, pageUrl: url }, tab);
      }, page.url());
      await page.keyboard.press('Enter'); // all replies
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await new Promise((r) => setTimeout(r, 1200));
      const t0 = Date.now();
      await page.keyboard.press('Enter'); // « Capturer (60) »
      const { items, error } = await browser.worker.evaluate(async () => {
        const g = /** @type {any} */ (globalThis);
        while (!g.temoinSelection.last) await new Promise((r) => setTimeout(r, 10));
        try {
          const { json } = await g.temoinSelection.last;
          return { items: JSON.parse(json).body.items.length, error: null };
        } catch (e) {
          return { items: 0, error: String(/** @type {any} */ (e)?.message ?? e) };
        }
      });
      if (error) {
        failures.push(`selection: ${error}`);
        log(`selection capture ${round + 1} failed: ${error}`);
        continue;
      }
      selectionMs.push(Date.now() - t0);
      itemCounts.push(items);
      log(`selection capture ${round + 1}: ${items} items in ${selectionMs.at(-1)} ms`);
    }

    /** @type {number[]} */
    const singleMs = [];
    for (let i = 0; i < conversation; i += 1) {
      const text = page.locator(REPLY_TEXT).nth(i);
      await text.scrollIntoViewIfNeeded();
      await text.click({ button: 'right' });
      await page.keyboard.press('Escape');
      const { ms, error } = await browser.worker.evaluate(async (url) => {
        const g = /** @type {any} */ (globalThis);
        const tab = (await chrome.tabs.query({ active: true })).find((t) => t.url === url);
        await new Promise((r) => setTimeout(r, 1200));
        const t0 = performance.now();
        try {
          await g.temoin.capture({ menuItemId: 'temoin-capture', pageUrl: url }, tab, 'bench-raid-single');
          return { ms: performance.now() - t0, error: null };
        } catch (e) {
          return { ms: 0, error: String(/** @type {any} */ (e)?.message ?? e) };
        }
      }, page.url());
      if (error) {
        failures.push(`single ${i + 1}: ${error}`);
        log(`single capture ${i + 1} failed: ${error}`);
        continue;
      }
      singleMs.push(ms);
      if ((i + 1) % 10 === 0) log(`single captures: ${i + 1} of ${conversation}`);
    }
    const total = singleMs.reduce((a, b) => a + b, 0);
    const selection = median(selectionMs);
    const ratio = selection / total;
    return {
      replies,
      conversation,
      selectionMs,
      itemCounts,
      singleMs,
      total,
      ratio,
      failures,
      markdown: [
        '| figure | measured |',
        '|---|---|',
        `| one "all replies" selection capture, ${itemCounts[0]} items (median of ${selectionMs.length}; all: ${selectionMs.map((m) => fmt(m / 1000, 1)).join(', ')} s) | ${fmt(selection / 1000, 1)} s |`,
        `| ${singleMs.length} single captures of the replies, full page: sum | ${fmt(total / 1000, 1)} s |`,
        `| one single capture: median (min–max) | ${fmt(median(singleMs) / 1000, 1)} s (${fmt(Math.min(...singleMs) / 1000, 1)}–${fmt(Math.max(...singleMs) / 1000, 1)} s) |`,
        `| selection ÷ singles | ${fmt(ratio, 3)} (1/${fmt(1 / ratio, 0)}) |`,
        `| goal: under one tenth | **${ratio < 0.1 ? 'met' : 'missed'}** |`,
        `| captures that failed | ${failures.length ? failures.join('; ') : 'none'} |`,
      ].join('\n'),
    };
  } finally {
    await browser.close();
    await hosts.close();
  }
}

// What Témoin draws over a page, checked as its own pages are (accessibility.test.mjs): the
// selection of « Capturer plusieurs messages » on a raid and the choice of « Capturer la
// conversation » on a chat, in French and in English, in the light and the dark scheme, at
// 1,280 and 400 px: axe-core's WCAG 2.1 A/AA rules with zero violations inside the closed
// shadow root (axe runs in the extension's world, tests/support/axe.mjs), every text at a
// contrast of at least 4.5:1 (3:1 when large), and the dialog within the screen, down to 320 px.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serveHosts } from '../support/hosts.mjs';
import { serveChats } from '../support/chat-hosts.mjs';
import { FIXTURES } from '../support/server.mjs';
import { launchWithExtension } from '../support/chromium.mjs';
import { axeInClosedShadow, formatViolations } from '../support/axe.mjs';

const RAID = 'https://x.com/lea_m/status/1790000000000007000';
const WHATSAPP = 'https://web.whatsapp.com/';

/** Every way each overlay is checked: language, colour scheme, width. */
const LOOKS = /** @type {const} */ ([
  ['fr', 'light', 1280], ['en', 'light', 1280], ['fr', 'dark', 1280], ['en', 'dark', 1280],
  ['fr', 'light', 400], ['en', 'dark', 400], ['fr', 'light', 320],
]);

/** @type {(() => Promise<void>)[]} */
const closing = [];
after(async () => {
  for (const close of closing.reverse()) await close();
});

/**
 * The checks of one overlay, shown as `look` says.
 * @param {Awaited<ReturnType<typeof axeInClosedShadow>>} found @param {string} what
 */
function assertAccessible(found, what) {
  assert.deepEqual(found.violations, [], `${what}:\n${formatViolations(found.violations)}`);
  const low = found.contrast.filter((c) => c.ratio < c.required);
  assert.deepEqual(low, [], `${what}: text below its contrast`);
  assert.ok(found.contrast.length >= 4, `${what}: its texts were measured (${found.contrast.length})`);
  const box = found.dialog;
  assert.ok(box, `${what}: a dialog is shown`);
  assert.ok(box.left >= 0 && box.right <= found.viewport.width && box.top >= 0 && box.bottom <= found.viewport.height, `${what}: the dialog ${JSON.stringify(box)} is within ${JSON.stringify(found.viewport)}`);
}

/**
 * A new tab at `url`, shown as `look` says (Témoin's language, the colour scheme, the width),
 * with `target` right-clicked as a person opens the menu.
 * @param {Awaited<ReturnType<typeof launchWithExtension>>} browser
 * @param {typeof LOOKS[number]} look @param {string} url
 * @param {(page: import('playwright-core').Page) => Promise<void>} rightClick
 */
async function openAs(browser, [lang, scheme, width], url, rightClick) {
  await browser.worker.evaluate((l) => chrome.storage.local.set({ language: l }), lang);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(url);
  await page.bringToFront();
  await rightClick(page);
  await page.keyboard.press('Escape'); // the browser's own context menu, if one shows
  return page;
}

test('the selection over a raid: no axe violation, contrast, within the screen', { timeout: 180_000 }, async () => {
  const hosts = await serveHosts({ root: join(FIXTURES, 'raid') });
  closing.push(() => hosts.close());
  const browser = await launchWithExtension({ args: hosts.chromiumArgs });
  closing.push(() => browser.close());
  for (const look of LOOKS) {
    const what = `selection, ${look.join(', ')} px`;
    const page = await openAs(browser, look, RAID, (p) => p.click('article[data-testid="tweet"].focal [data-testid="tweetText"]', { button: 'right' }));
    const opened = await browser.worker.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({ active: true })).find((t) => t.url === url);
      return /** @type {any} */ (globalThis).temoinSelection.startSelection({ menuItemId: 'temoin-capture-several', frameId: 0, pageUrl: url }, tab);
    }, page.url());
    assert.ok(opened.posts > 60, JSON.stringify(opened));
    const found = await axeInClosedShadow(page, 'temoin-selection');
    // axe saw inside the closed root: a name for the panel's buttons and every post's tick.
    assert.ok((found.passed['button-name'] ?? 0) > opened.posts, `${what}: ${JSON.stringify(found.passed)}`);
    assertAccessible(found, what);
    await page.close();
  }
});

test('the choice before a conversation is captured: no axe violation, contrast, within the screen', { timeout: 180_000 }, async () => {
  const chats = await serveChats();
  closing.push(() => chats.close());
  const browser = await launchWithExtension({ args: chats.chromiumArgs });
  closing.push(() => browser.close());
  for (const look of LOOKS) {
    const what = `conversation's choice, ${look.join(', ')} px`;
    const page = await openAs(browser, look, WHATSAPP, (p) => p.locator('[data-id] span.selectable-text').last().click({ button: 'right' }));
    const running = browser.worker.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({ active: true })).find((t) => t.url === url);
      return /** @type {any} */ (globalThis).temoin.captureAndReport({ menuItemId: 'temoin-capture-conversation', pageUrl: url }, tab);
    }, page.url());
    await page.waitForSelector('temoin-choice', { state: 'attached', timeout: 30_000 });
    const found = await axeInClosedShadow(page, 'temoin-choice');
    assert.ok((found.passed['button-name'] ?? 0) >= 2, `${what}: ${JSON.stringify(found.passed)}`);
    assertAccessible(found, what);
    await page.keyboard.press('Escape');
    assert.equal((await running).code, 'cancelled');
    await page.close();
  }
});

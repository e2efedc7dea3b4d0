// `make screenshots`: a minor's case built through the real extension (the packaged
// dist/chromium), then a PNG of every page a person sees, in French and in English, at 1,280
// and 400 px wide, under docs/screenshots/<page>-<lang>-<width>.png.
//
// The case: four captures of the platform fixtures (Instagram, X, YouTube), served under their
// real host names, through the function the right-click menu calls; the case's details and the
// categories set as the journal page sets them; an export through the journal's Export button in
// each language. Then: the guide for the Instagram capture (the young person's part, then the
// adults' part unfolded), the journal list, a capture's detail, the handover panel, the letter to
// the procureur, the import page after verifying the exported bundle with its control code, the
// options, the popup (360 px), and the bundle's report.html opened from disk (cover and one
// capture). Times are shown in Europe/Paris. A page in an error state (an alert, a failed load,
// an untranslated key, a script error) stops the run with a message saying which page and why,
// and leaves docs/screenshots/ as it was.
//
// SCREENSHOTS_TEXT=<dir> also writes each screenshot's visible text (innerText) there, for
// proofreading.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchWithExtension, ROOT } from '../tests/support/chromium.mjs';
import { serveHosts } from '../tests/support/hosts.mjs';

/** @typedef {import('playwright-core').Page} Page */

const OUT = join(ROOT, 'docs/screenshots');
const TEXT_DIR = process.env.SCREENSHOTS_TEXT;
const ZONE = 'Europe/Paris';
const LANGUAGES = /** @type {const} */ (['fr', 'en']);
const WIDTHS = [1280, 400];
const POPUP_WIDTH = 360;
/** Taller pages are cropped to this height (CSS px, device scale 1). */
const MAX_HEIGHT = 2400;
const MIN_HEIGHT = 160;
const started = Date.now();

/** The case, as a parent would fill in the journal's short form. */
const CASE = { title: 'Harcèlement de Léa', person: 'Léa M.', minor: true, description: '', school: true };

/** What is captured, in this order (capture n° 1 is the one the guide is shown for). */
const CAPTURES = [
  { what: 'Instagram post', url: 'https://www.instagram.com/p/C0ffee123XyZ/', target: 'article h1', categories: ['insult'] },
  { what: 'X post', url: 'https://x.com/corbeau_noir/status/1790000000000000042', target: 'article[data-testid="tweet"] >> nth=0 >> [data-testid="tweetText"] span', categories: ['threat'] },
  { what: 'YouTube comment', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', target: 'ytd-comment-thread-renderer > ytd-comment-view-model #content-text span', categories: ['insult'] },
  { what: 'YouTube reply', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzTopLevel123.AbCReply456', target: 'ytd-comment-replies-renderer #content-text span', categories: ['threat'] },
];

/** @param {string} message */
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

/** @param {string} message @returns {never} */
function fail(message) {
  throw new Error(`screenshots: ${message}`);
}

const hosts = await serveHosts();
const browser = await launchWithExtension({ args: hosts.chromiumArgs, timezoneId: ZONE });
const { context } = browser;
const work = await mkdtemp(join(tmpdir(), 'temoin-screenshots-'));
// Written here first; docs/screenshots/ is replaced only once every page has been shot.
const shots = join(work, 'shots');
/** Script errors of any page, by page: a page that threw is in an error state. @type {Map<Page, string[]>} */
const pageErrors = new Map();
context.on('page', watch);
for (const p of context.pages()) watch(p);

/** @param {Page} page */
function watch(page) {
  pageErrors.set(page, []);
  page.on('pageerror', (e) => pageErrors.get(page)?.push(String(e?.stack ?? e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && page.url().startsWith('chrome-extension://')) pageErrors.get(page)?.push(m.text());
  });
}

/** @type {string[]} */
const written = [];

try {
  await mkdir(shots, { recursive: true });
  if (TEXT_DIR) await mkdir(TEXT_DIR, { recursive: true });

  // The guide a first install opens: not needed here.
  for (const p of context.pages()) if (p.url().includes('/extension/pages/guide.html')) await p.close();

  // An extension page to act from, as the journal page does.
  const ext = await context.newPage();
  await ext.goto(browser.extensionUrl('extension/pages/options.html'));
  await setLanguage(ext, 'fr');

  // 1. The captures, each through the right-click menu's own handler.
  /** @type {number[]} */
  const seqs = [];
  for (const c of CAPTURES) {
    const page = await context.newPage();
    await page.goto(c.url);
    await page.bringToFront();
    await page.click(c.target, { button: 'right' });
    const worker = await browser.wakeWorker();
    await page.bringToFront();
    const result = await worker.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
      if (!tab) throw new Error(`no tab shows ${url}`);
      return /** @type {any} */ (globalThis).temoin.captureAndReport({ menuItemId: 'temoin-capture', pageUrl: url }, tab);
    }, page.url());
    if (!result?.ok) fail(`the capture of the ${c.what} (${c.url}) failed: ${JSON.stringify(result)}`);
    seqs.push(result.seq);
    log(`captured the ${c.what} as n° ${result.seq}`);
    await page.close();
  }

  // 2. The case's details and the categories, as the journal page records them.
  await journalOp(ext, 'saveCaseDetails', ['default', CASE]);
  for (const [i, c] of CAPTURES.entries()) await journalOp(ext, 'setCategories', ['default', seqs[i], c.categories]);
  log('case details and categories recorded');

  const page = await context.newPage();
  const popup = await context.newPage();

  for (const lang of LANGUAGES) {
    await setLanguage(ext, lang);

    // The guide for the Instagram insult: the young person's part, then the adults' part.
    await page.goto(browser.extensionUrl(`extension/pages/guide.html?case=default&capture=${seqs[0]}`));
    await page.waitForSelector('#reassure:not([hidden])');
    await checkPage(page, 'guide');
    for (const width of WIDTHS) await shoot(page, `guide-${lang}-${width}`, width);
    await page.click('#adults summary');
    await page.waitForSelector('#adults[open]');
    for (const width of WIDTHS) await shoot(page, `guide-adults-${lang}-${width}`, width, { from: '#adults' });

    // The journal: the list, then one capture in detail.
    await openJournal(page);
    for (const width of WIDTHS) await shoot(page, `journal-${lang}-${width}`, width);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.click(`#entries tr[data-seq="${seqs[1]}"] button.open-detail`);
      await page.waitForSelector('dialog#detail[open]');
      await checkPage(page, 'journal detail');
      await shoot(page, `detail-${lang}-${width}`, width, { dialog: 'dialog#detail' });
      await page.keyboard.press('Escape');
      await page.waitForSelector('dialog#detail', { state: 'hidden' });
    }

    // The options, and the popup in a tab as wide as the toolbar's.
    await page.goto(browser.extensionUrl('extension/pages/options.html'));
    await page.waitForSelector('select[name="language"]');
    await checkPage(page, 'options');
    for (const width of WIDTHS) await shoot(page, `options-${lang}-${width}`, width);
    await popup.goto(browser.extensionUrl('extension/pages/popup.html'));
    await popup.waitForSelector('#capture:not(:empty)');
    await checkPage(popup, 'popup');
    await shoot(popup, `popup-${lang}-${POPUP_WIDTH}`, POPUP_WIDTH);
  }

  // 3. The export through the journal's button, in each language, and what comes from it.
  for (const lang of LANGUAGES) {
    await setLanguage(ext, lang);
    await openJournal(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('#export')]);
    await page.waitForSelector('#handover:not([hidden])', { timeout: 120_000 });
    await checkPage(page, 'journal after the export');
    const bundle = join(work, `${lang}-${download.suggestedFilename()}`);
    await download.saveAs(bundle);
    const code = (await page.getAttribute('#control-code', 'data-hash')) ?? fail('the handover panel shows no control code');
    const letterHref = (await page.getAttribute('#letter-link', 'href')) ?? fail('the handover panel has no letter link');
    log(`exported ${download.suggestedFilename()} (${lang}), control code ${code.slice(0, 12)}…`);
    for (const width of WIDTHS) await shoot(page, `handover-${lang}-${width}`, width, { from: 'header.site', to: '#export-section' });

    // The letter to the procureur, as the handover panel links to it (with the control code).
    await page.goto(browser.extensionUrl(`extension/pages/${letterHref}`));
    await page.waitForSelector('.letter-text');
    await checkPage(page, 'letter');
    for (const width of WIDTHS) await shoot(page, `letter-${lang}-${width}`, width);

    // The import page, after verifying the bundle just exported, with its control code.
    await page.goto(browser.extensionUrl('extension/pages/import.html'));
    await page.waitForSelector('#drop span:not(:empty)');
    await page.fill('#expected-code', code);
    await page.setInputFiles('#bundle-input', bundle);
    await page.waitForSelector('#result[data-state]:not([data-state="checking"])', { timeout: 120_000 });
    const state = await page.getAttribute('#result', 'data-state');
    if (state !== 'valid') fail(`the import page did not find the exported bundle valid (${state}): ${await page.textContent('#result')}`);
    await page.waitForSelector('#readonly:not([hidden])');
    await checkPage(page, 'import');
    for (const width of WIDTHS) await shoot(page, `import-${lang}-${width}`, width);

    // The bundle's report.html, unzipped and opened from disk as a lawyer would.
    const folder = join(work, `bundle-${lang}`);
    execFileSync('unzip', ['-q', '-o', bundle, '-d', folder]);
    await page.goto(pathToFileURL(join(folder, 'report.html')).href);
    await page.waitForSelector('section.cover');
    await checkPage(page, 'report.html');
    for (const width of WIDTHS) await shoot(page, `report-${lang}-${width}`, width, { to: 'section.cover' });
    for (const width of WIDTHS) await shoot(page, `report-capture-${lang}-${width}`, width, { from: `#entry-${seqs[0]}`, to: `#entry-${seqs[0]}` });
  }

  await mkdir(OUT, { recursive: true });
  for (const old of await readdir(OUT)) if (old.endsWith('.png')) await unlink(join(OUT, old));
  let bytes = 0;
  for (const f of written) {
    await copyFile(join(shots, f), join(OUT, f));
    bytes += (await stat(join(OUT, f))).size;
  }
  log(`${written.length} screenshots, ${(bytes / 1e6).toFixed(1)} MB, in docs/screenshots/`);
} finally {
  await browser.close().catch(() => {});
  await hosts.close();
  await rm(work, { recursive: true, force: true });
}

/**
 * The language setting, as the options page stores it; the pages read it when they load.
 * @param {Page} ext @param {'fr' | 'en'} language
 */
async function setLanguage(ext, language) {
  await ext.evaluate((l) => chrome.storage.local.set({ language: l }), language);
}

/**
 * Appends journal entries as the journal page does, from an extension page.
 * @param {Page} page @param {string} fn @param {unknown[]} args
 */
function journalOp(page, fn, args) {
  return page.evaluate(async ([name, a]) => {
    const j = /** @type {any} */ (await import(chrome.runtime.getURL('extension/shared/journal.js')));
    return j[/** @type {string} */ (name)](...(/** @type {unknown[]} */ (a)));
  }, /** @type {[string, unknown[]]} */ ([fn, args]));
}

/** @param {Page} page */
async function openJournal(page) {
  await page.goto(browser.extensionUrl('extension/pages/journal.html'));
  await page.waitForSelector('#chain[data-ok]');
  if ((await page.getAttribute('#chain', 'data-ok')) !== 'true') fail(`the journal does not verify: ${await page.textContent('#chain')}`);
  await page.waitForSelector('#entries:not([hidden])');
  await checkPage(page, 'journal');
}

/**
 * Stops the run if the page shows an error: a visible alert or error message, a status marked
 * bad, a key shown instead of its text, or a script error since it loaded.
 * @param {Page} page @param {string} what
 */
async function checkPage(page, what) {
  const errors = pageErrors.get(page) ?? [];
  if (errors.length) fail(`${what} (${page.url()}) had script errors:\n${errors.join('\n')}`);
  const found = await page.evaluate(() => {
    const shown = (/** @type {Element} */ e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && (e.textContent ?? '').trim() !== '';
    /** @type {string[]} */
    const problems = [];
    // The guide's #alert is advice (a minor's intimate images), not an error.
    for (const e of document.querySelectorAll('.status-bad, .error, [role="alert"]:not(#alert), #result[data-state="altered"], #result[data-state="unreadable"], #problems > li')) {
      if (shown(e)) problems.push(`${e.localName}#${e.id}.${e.className}: ${(e.textContent ?? '').trim().slice(0, 300)}`);
    }
    for (const e of document.querySelectorAll('[data-i18n]')) {
      const key = e.getAttribute('data-i18n');
      const text = (e.textContent ?? '').trim();
      // A status the page emptied and hid once done is fine; a key shown as text is not.
      if (text === key || (text === '' && e.checkVisibility())) problems.push(`untranslated: data-i18n="${key}" shows "${e.textContent}"`);
    }
    return problems;
  });
  if (found.length) fail(`${what} (${page.url()}) shows an error state:\n  ${found.join('\n  ')}`);
}

/** Fonts loaded, images decoded, two frames painted. @param {Page} page */
async function settle(page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(
      [...document.images].filter((i) => i.loading !== 'lazy' || i.getBoundingClientRect().top < innerHeight).map((i) => (i.complete ? null : i.decode().catch(() => null))),
    );
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  await page.waitForTimeout(150);
}

/**
 * A PNG of the page at `width`: the viewport is made as tall as the content (so that what loads
 * as it comes into view is there), up to MAX_HEIGHT; `from`/`to` clip to the part between the top
 * of one element and the bottom of another; `dialog` makes the viewport tall enough for an open
 * modal dialog to show whole.
 * @param {Page} page @param {string} name @param {number} width
 * @param {{ from?: string, to?: string, dialog?: string }} [options]
 */
async function shoot(page, name, width, { from, to, dialog } = {}) {
  /** @returns {Promise<number>} */
  const needed = () =>
    page.evaluate((sel) => {
      const d = sel ? document.querySelector(sel) : null;
      // A modal dialog is at most the viewport's height less its margins; it shows whole once
      // the viewport is taller than its content by those margins.
      if (d) return d.scrollHeight + (innerHeight - d.getBoundingClientRect().height) + 2;
      return document.documentElement.scrollHeight;
    }, dialog ?? null);
  // Measured in a short viewport first, so that a short page (the popup) gives a short image.
  await page.setViewportSize({ width, height: dialog ? 800 : MIN_HEIGHT });
  await settle(page);
  let height = 0;
  for (let i = 0; i < 4; i += 1) {
    const want = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(await needed())));
    if (want === height) break;
    height = want;
    await page.setViewportSize({ width, height });
    await settle(page);
  }
  const horizontal = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  if (horizontal > 0) log(`warning: ${name} scrolls sideways by ${horizontal} px`);

  const file = `${name}.png`;
  if (from || to) {
    const box = await page.evaluate(
      ([a, b]) => {
        const top = a ? document.querySelector(a)?.getBoundingClientRect().top : 0;
        const bottom = b ? document.querySelector(b)?.getBoundingClientRect().bottom : document.documentElement.scrollHeight - scrollY;
        return top === undefined || bottom === undefined ? null : { top: top + scrollY, bottom: bottom + scrollY };
      },
      [from ?? null, to ?? null],
    );
    if (!box) fail(`${name}: nothing matches ${from} / ${to} on ${page.url()}`);
    const y = Math.max(0, Math.floor(box.top) - (from ? 8 : 0));
    const h = Math.min(MAX_HEIGHT, Math.ceil(box.bottom) + 8 - y);
    await page.screenshot({ path: join(shots, file), fullPage: true, clip: { x: 0, y, width, height: h }, animations: 'disabled', caret: 'hide' });
  } else {
    await page.screenshot({ path: join(shots, file), animations: 'disabled', caret: 'hide' });
  }
  if (TEXT_DIR) {
    const text = await page.evaluate(([a, d]) => {
      const root = (d && document.querySelector(d)) || (a && document.querySelector(a)?.closest('main, body')) || document.body;
      return /** @type {HTMLElement} */ (root).innerText;
    }, [from ?? null, dialog ?? null]);
    await writeFile(join(TEXT_DIR, `${name}.txt`), text);
  }
  written.push(file);
  log(`${file}`);
}

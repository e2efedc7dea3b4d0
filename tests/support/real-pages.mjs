// Real saved pages (tests/fixtures/real): served over HTTPS under the host names they were saved
// from, their own scripts kept from running, and captured through the packaged extension after a
// real right-click inside the post the manifest names. Each expected field is then scored as
// right, wrong (a value was recorded that differs) or missing.
//
// Nothing leaves the machine: Chromium resolves every name to the local server, which answers
// only the manifest's page addresses and 404 for everything else (images, styles, fonts, XHR).
import { createServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from './server.mjs';
import { captureThroughMenu, launchWithExtension, readStoredJournal } from './chromium.mjs';

export const REAL = join(FIXTURES, 'real');

/**
 * @typedef {{ authorName: string | null, text: string | null }} ExpectedParent
 * @typedef {{
 *   authorName: string | null, authorHandle: string | null, text: string | null,
 *   publishedAt: string | null, publishedText?: string | null, permalink: string | null,
 *   parent: ExpectedParent | null,
 * }} Expected
 * @typedef {{
 *   id: string, file: string, platform: string, url: string, charset?: string,
 *   source: { repository: string, path: string, commit: string, license: string },
 *   savedAt?: string | null, markupYear?: number, clickSelector: string, expected: Expected, notes?: string,
 * }} RealPage
 */

/** @returns {Promise<RealPage[]>} */
export async function loadManifest() {
  const manifest = JSON.parse(await readFile(join(REAL, 'manifest.json'), 'utf8'));
  return manifest.pages;
}

/** The bytes of a page as saved: `.gz` files are stored compressed and served as they were. */
async function pageBytes(/** @type {RealPage} */ page) {
  const raw = await readFile(join(REAL, page.file));
  return page.file.endsWith('.gz') ? gunzipSync(raw) : raw;
}

/** The key a request is answered by: host, path and query, without the fragment. */
const keyOf = (/** @type {string} */ host, /** @type {string} */ pathAndQuery) => `${host.toLowerCase()}${pathAndQuery}`;

/**
 * One local TLS server for every page, answering by Host header and path; every other request
 * gets 404. The pages' own scripts are kept from running by `Content-Security-Policy`.
 * @param {RealPage[]} pages
 * @returns {Promise<{ chromiumArgs: string[], requests: { host: string, path: string, status: number }[], close: () => Promise<void> }>}
 */
export async function serveRealPages(pages) {
  /** @type {Map<string, RealPage>} */
  const byKey = new Map();
  for (const page of pages) {
    const u = new URL(page.url);
    const key = keyOf(u.host, u.pathname + u.search);
    if (byKey.has(key)) throw new Error(`two pages at ${page.url}`);
    byKey.set(key, page);
  }
  /** @type {{ host: string, path: string, status: number }[]} */
  const requests = [];
  const dir = await mkdtemp(join(tmpdir(), 'temoin-real-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=temoin-real'], { stdio: 'ignore' });
  const server = createServer({ key: await readFile(key), cert: await readFile(cert) }, async (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0].toLowerCase();
    const path = req.url ?? '/';
    const page = byKey.get(keyOf(host, path));
    if (!page) {
      requests.push({ host, path, status: 404 });
      res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end();
      return;
    }
    requests.push({ host, path, status: 200 });
    res.writeHead(200, {
      // The charset the page declares itself is used unless the manifest says otherwise.
      'content-type': page.charset ? `text/html; charset=${page.charset}` : 'text/html',
      'content-security-policy': "script-src 'none'; worker-src 'none'; frame-src 'none'; object-src 'none'",
      'cache-control': 'no-store',
    });
    res.end(await pageBytes(page));
  });
  server.on('tlsClientError', () => requests.push({ host: '?', path: '(a connection that was not TLS)', status: 0 }));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    requests,
    chromiumArgs: [`--host-resolver-rules=MAP * 127.0.0.1:${address.port}, EXCLUDE localhost`, '--ignore-certificate-errors'],
    close: async () => {
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// Scoring -------------------------------------------------------------------------------------

/** Query parameters that only track where a click came from; dropped before comparing addresses. */
const TRACKING = /^(utm_.*|fbclid|gclid|igshid|igsh|si|ref|ref_src|ref_url|refsrc|refid|_rdr|__tn__|_ft_|__cft__|context|s|t|feature|trk|share_id|mibextid)$/i;

/** Whitespace folded, Unicode NFC, without the invisible direction marks platforms wrap names in. */
export function fold(/** @type {unknown} */ s) {
  if (typeof s !== 'string') return undefined;
  const f = s.normalize('NFC').replace(/[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').replace(/\s+/g, ' ').trim();
  return f || undefined;
}

/** An address resolved against the page, without tracking parameters, default port or final slash. */
export function normaliseUrl(/** @type {unknown} */ href, /** @type {string} */ base) {
  if (typeof href !== 'string' || !href.trim()) return undefined;
  try {
    const u = new URL(href.trim(), base);
    for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
    u.search = u.searchParams.toString() ? `?${u.searchParams.toString()}` : '';
    const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : u.pathname;
    return `${u.protocol}//${u.host.toLowerCase()}${path}${u.search}${u.hash}`;
  } catch {
    return undefined;
  }
}

const handle = (/** @type {unknown} */ s) => fold(s)?.replace(/^@/, '').toLowerCase();
const second = (/** @type {unknown} */ s) => {
  if (typeof s !== 'string') return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : Math.floor(t / 1000);
};

/**
 * @typedef {'right' | 'wrong' | 'missing'} Verdict
 * @typedef {{ verdict: Verdict, expected: unknown, recorded: unknown }} FieldScore
 */

/**
 * Scores a recorded post against a page's expected fields. A field the page does not show
 * (expected null) is not scored; a value recorded for it is listed in `extra`.
 * @param {Expected} expected
 * @param {Record<string, any> | undefined} post the record's `post`
 * @param {string} pageUrl
 */
export function scorePost(expected, post, pageUrl) {
  /** @type {Record<string, FieldScore>} */
  const fields = {};
  /** @type {string[]} */
  const extra = [];
  const judge = (/** @type {string} */ name, /** @type {unknown} */ want, /** @type {unknown} */ got, /** @type {(a: any, b: any) => boolean} */ same) => {
    if (want === null || want === undefined) {
      if (got !== undefined && got !== null) extra.push(name);
      return;
    }
    const verdict = got === undefined || got === null ? 'missing' : same(want, got) ? 'right' : 'wrong';
    fields[name] = { verdict, expected: want, recorded: got ?? null };
  };
  const p = post ?? {};
  judge('authorName', fold(expected.authorName), fold(p.authorName), (a, b) => a === b);
  judge('authorHandle', handle(expected.authorHandle), handle(p.authorHandle), (a, b) => a === b);
  judge('text', fold(expected.text), fold(p.text), (a, b) => a === b);
  if (expected.publishedAt) {
    // The time the record states: the core's exact reading of the page's value (a Unix time,
    // an ISO time with its offset), else the page's value as collected.
    const stated = p.publishedReading === 'exact' && p.publishedUtc ? p.publishedUtc : p.publishedAt;
    judge('published', expected.publishedAt, stated, (a, b) => second(a) !== undefined && second(a) === second(b));
  } else {
    // Only relative or zone-less text on the page: the text as shown (the record may keep more around it).
    judge('published', fold(expected.publishedText), fold(p.publishedText), (a, b) => b === a || b.includes(a));
    if (p.publishedAt) extra.push('publishedAt');
  }
  judge('permalink', normaliseUrl(expected.permalink, pageUrl), normaliseUrl(p.permalink, pageUrl), (a, b) => a === b);
  if (expected.parent) {
    const parent = p.parent ?? {};
    const names = [fold(parent.authorName), handle(parent.authorHandle)].filter(Boolean);
    const want = fold(expected.parent.authorName);
    judge('parentAuthor', want, names[0], (a) => names.includes(a) || names.includes(a.replace(/^@/, '').toLowerCase()));
    judge('parentText', fold(expected.parent.text), fold(parent.text), (a, b) => a === b);
  } else if (p.parent) {
    extra.push('parent');
  }
  return { fields, extra };
}

// Running -------------------------------------------------------------------------------------

/**
 * @typedef {{
 *   id: string, platform: string, recognisedExpected: string | null, recognised: string | null,
 *   landed: boolean, error?: string, forcedClick?: boolean, postFound: boolean, crop: boolean, notices: string[],
 *   fields: Record<string, FieldScore>, extra: string[], right: number, wrong: number, missing: number, scored: number,
 * }} PageResult
 * @typedef {{ platform: string, pages: number, landed: number, recognised: number, postsFound: number, crops: number,
 *   right: number, wrong: number, missing: number, scored: number }} Tally
 */

/** @param {string} platform @param {PageResult[]} results @returns {Tally} */
function tally(platform, results) {
  const sum = (/** @type {(r: PageResult) => number} */ f) => results.reduce((n, r) => n + f(r), 0);
  return {
    platform,
    pages: results.length,
    landed: sum((r) => Number(r.landed)),
    recognised: sum((r) => Number(!!r.recognisedExpected && r.recognised === r.recognisedExpected)),
    postsFound: sum((r) => Number(r.postFound)),
    crops: sum((r) => Number(r.crop)),
    right: sum((r) => r.right),
    wrong: sum((r) => r.wrong),
    missing: sum((r) => r.missing),
    scored: sum((r) => r.scored),
  };
}

/**
 * Opens every page of the manifest in Chromium with the packaged extension, right-clicks the
 * target, captures through the menu's handler and scores what was stored.
 * The full-page screenshot is off unless `fullPage` is set: stitching a long page takes the
 * browser's capture quota (two screens a second) and says nothing about extraction; the post's
 * crop is then cut from the visible screen, the post having been scrolled into view.
 * @param {{ only?: (page: RealPage) => boolean, log?: (line: string) => void, fullPage?: boolean }} [options]
 * @returns {Promise<{ pages: PageResult[], platforms: Tally[], withExtractor: Tally, withoutExtractor: Tally, overall: Tally, requests: { host: string, path: string, status: number }[] }>}
 */
export async function runRealPages({ only, log = () => {}, fullPage = false } = {}) {
  const pages = (await loadManifest()).filter((p) => !only || only(p));
  const served = await serveRealPages(pages);
  const browser = await launchWithExtension({ args: served.chromiumArgs });
  await browser.worker.evaluate((on) => chrome.storage.local.set({ fullPage: on }), fullPage);
  /** @type {PageResult[]} */
  const results = [];
  try {
    const reader = await browser.context.newPage();
    await reader.goto(browser.extensionUrl('extension/pages/import.html'));
    for (const page of pages) {
      const started = Date.now();
      let result = await capturePage(browser, reader, page);
      // A machine under load can miss a time limit once: one more try before counting a miss.
      if (!result.landed) {
        // The browser allows two visible-tab captures a second (full-page screens count too).
        await new Promise((r) => setTimeout(r, 1500));
        result = await capturePage(browser, reader, page);
      }
      results.push(result);
      log(`${page.id}: ${result.landed ? `${result.right}/${result.scored} right, ${result.wrong} wrong, ${result.missing} missing${result.crop ? '' : ', no crop'}${result.forcedClick ? ', right-click dispatched on the covered target' : ''}` : `no capture (${result.error})`} in ${Date.now() - started} ms`);
    }
  } finally {
    await browser.close();
    await served.close();
  }
  const platforms = [...new Set(results.map((r) => r.platform))].sort().map((p) => tally(p, results.filter((r) => r.platform === p)));
  return {
    pages: results,
    platforms,
    withExtractor: tally('platforms with an extractor', results.filter((r) => r.recognisedExpected)),
    withoutExtractor: tally('no platform extractor', results.filter((r) => !r.recognisedExpected)),
    overall: tally('all pages', results),
    requests: served.requests,
  };
}

/**
 * @param {Awaited<ReturnType<typeof launchWithExtension>>} browser
 * @param {import('playwright-core').Page} reader an extension page, to read IndexedDB from
 * @param {RealPage} page
 * @returns {Promise<PageResult>}
 */
async function capturePage(browser, reader, page) {
  /** @type {PageResult} */
  const result = {
    id: page.id, platform: page.platform, recognisedExpected: /** @type {any} */ (page).recognised ?? null, recognised: null,
    landed: false, postFound: false, crop: false, notices: [], fields: {}, extra: [], right: 0, wrong: 0, missing: 0, scored: 0,
  };
  const tab = await browser.context.newPage();
  try {
    // The pages' own scripts do not run and every subresource is refused: `load` comes quickly.
    await tab.goto(page.url, { waitUntil: 'load', timeout: 60_000 });
    await tab.bringToFront();
    const target = tab.locator(page.clickSelector).first();
    await target.scrollIntoViewIfNeeded({ timeout: 15_000 });
    // A real right-click: the extension's content script keeps the element under it. Without the
    // pages' styles some targets are covered by another element (a login wall, a sticky bar,
    // a layer the missing style sheet no longer hides): a click at the target's place would land
    // on that element, so the right-click is dispatched on the target itself, as it reaches the
    // target on the styled page, and it is noted (`forcedClick`).
    const covered = await target.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + Math.min(box.height / 2, 40));
      return !hit || (hit !== el && !el.contains(hit));
    });
    if (covered) {
      await target.dispatchEvent('contextmenu', { button: 2, buttons: 2 });
      result.forcedClick = true;
    } else {
      await target.click({ button: 'right', timeout: 10_000 });
    }
    const worker = await browser.wakeWorker();
    await tab.bringToFront();
    const captured = await captureThroughMenu(worker, tab.url());
    const { entries } = await readStoredJournal(reader, 'default', { onlySeq: -1 });
    const entry = entries.find((e) => e.seq === captured?.seq) ?? entries.at(-1);
    if (!entry) throw new Error('no entry stored');
    const body = JSON.parse(entry.json).body;
    result.landed = true;
    result.recognised = body.page?.platform ?? null;
    result.postFound = !!body.post;
    result.crop = (body.artifacts ?? []).some((/** @type {{ name: string }} */ a) => a.name === 'screenshot-post.png');
    result.notices = body.notices ?? [];
    const { fields, extra } = scorePost(page.expected, body.post, page.url);
    result.fields = fields;
    result.extra = extra;
    for (const f of Object.values(fields)) result[f.verdict] += 1;
    result.scored = Object.keys(fields).length;
  } catch (e) {
    result.error = /** @type {Error} */ (e).message.split('\n')[0];
    // A page that could not be captured still counts its expected fields, all missing.
    const { fields } = scorePost(page.expected, undefined, page.url);
    result.fields = fields;
    result.missing = result.scored = Object.keys(fields).length;
  } finally {
    await tab.close();
  }
  return result;
}

const pct = (/** @type {number} */ n, /** @type {number} */ d) => (d ? `${((100 * n) / d).toFixed(0)} %` : '—');

/** The per-platform table, in Markdown. @param {Awaited<ReturnType<typeof runRealPages>>} run */
export function resultsTable(run) {
  const row = (/** @type {Tally} */ t) =>
    `| ${t.platform} | ${t.pages} | ${t.landed} | ${t.postsFound} | ${t.crops} | ${t.right}/${t.scored} (${pct(t.right, t.scored)}) | ${t.wrong} | ${t.missing} |`;
  return [
    '| platform | pages | captured | post found | post crop | fields right | wrong | missing |',
    '|---|---|---|---|---|---|---|---|',
    ...run.platforms.map(row),
    row(run.withExtractor),
    row(run.withoutExtractor),
    row(run.overall),
  ].join('\n');
}

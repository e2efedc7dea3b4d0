// 4. Export and import at scale: 1,000 captures of about 1 MB each, exported by the journal
// page's own Export button, in Chromium and in Firefox; time, the browser's peak memory above
// its idle baseline, the bundle's size; then the import page on that bundle; and the export's
// scale curve (10 to 3,000 captures). 5. The journal page with 10,000 captures. The journal is filled through the
// extension's own append path (appendEvent: sealed by the core, written with its files in one
// transaction), from the body of a real capture.
import { readFileSync, readdirSync, statfsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fmt, median } from './stats.mjs';

/**
 * Memory of the browser running on `profile` (Chromium), or of the process `profile` and its
 * children (Firefox), as PSS: the main process and every process under it (renderers or
 * content processes, GPU, utility), in bytes.
 * @param {string | number} profile
 */
export function browserRss(profile) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  /** @type {number[]} */
  const roots = typeof profile === 'number' ? [profile] : [];
  for (const entry of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const pid = Number(entry);
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      if (typeof profile === 'number') continue;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes(`--user-data-dir=${profile}`) && !cmd.includes('--type=')) roots.push(pid);
    } catch {
      // The process ended meanwhile.
    }
  }
  let total = 0;
  const seen = new Set();
  const stack = [...roots];
  while (stack.length) {
    const pid = /** @type {number} */ (stack.pop());
    if (seen.has(pid)) continue;
    seen.add(pid);
    stack.push(...(children.get(pid) ?? []));
    try {
      // Proportional set size: pages shared between the processes are counted once in all.
      total += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      // Ended meanwhile.
    }
  }
  return total;
}

/**
 * Fills `caseId` with `count` captures, each with one artifact of `bytes` random bytes, from the
 * body of the real capture `template` (an event body). `extensionPage` is a playwright page or
 * a puppeteer one (Firefox): both evaluate `(fn, arg)`.
 * @param {import('playwright-core').Page} extensionPage @param {string} caseId
 * @param {number} count @param {number} bytes @param {any} template
 */
export async function fillJournal(extensionPage, caseId, count, bytes, template) {
  return extensionPage.evaluate(
    async ([id, n, size, body]) => {
      const { appendEvent } = await import('/extension/shared/journal.js');
      const { core, ready } = await import('/extension/shared/core.js');
      await ready();
      const t0 = performance.now();
      for (let i = 0; i < n; i += 1) {
        const data = new Uint8Array(size);
        for (let o = 0; o < size; o += 65536) crypto.getRandomValues(data.subarray(o, Math.min(size, o + 65536)));
        const artifact = { name: 'screenshot-visible.png', mediaType: 'image/png', bytes: data };
        await appendEvent(id, {
          ...body,
          capturedAt: new Date().toISOString(),
          artifacts: [{ name: artifact.name, mediaType: artifact.mediaType, size, sha256: core.sha256Hex(data), method: 'benchmark filler (random bytes)' }],
        }, { artifacts: [artifact] });
      }
      return performance.now() - t0;
    },
    /** @type {[string, number, number, any]} */ ([caseId, count, bytes, template]),
  );
}

/**
 * Samples the browser's memory every 50 ms from now; `stop()` returns the peak.
 * @param {string | number} profile see `browserRss`
 */
function sampleMemory(profile) {
  let peak = browserRss(profile);
  const sampler = setInterval(() => {
    peak = Math.max(peak, browserRss(profile));
  }, 50);
  return {
    stop: () => {
      clearInterval(sampler);
      return Math.max(peak, browserRss(profile));
    },
  };
}

/**
 * The idle baseline: once memory has settled (filling the case leaves garbage that the browser
 * collects in its own time: no two-second window moving by more than 8 MB, or 60 s passed),
 * the median of 2 s of samples.
 * @param {string | number} profile
 */
async function idleMemory(profile) {
  const started = Date.now();
  for (;;) {
    /** @type {number[]} */
    const idle = [];
    for (let i = 0; i < 20; i += 1) {
      idle.push(browserRss(profile));
      await new Promise((r) => setTimeout(r, 100));
    }
    if (Math.max(...idle) - Math.min(...idle) < 8 << 20 || Date.now() - started > 60_000) return median(idle);
  }
}

/**
 * The Export button of the journal page, once, in Chromium: from the click to the download
 * starting (the bundle whole on disk, its entry in the journal, the file handed to the
 * browser), and to the browser's download saved. With `memory`, the browser's memory is
 * sampled every 50 ms until then. Reading PSS is not free (each sample reads
 * `/proc/<pid>/smaps_rollup` of every process of the browser: 170–400 ms of one core on this
 * machine, and the kernel walks the processes' page tables meanwhile), so the times a run
 * reports come from an export without sampling and the memory from another with it.
 * @param {Awaited<ReturnType<typeof import('../../tests/support/chromium.mjs').launchWithExtension>>} browser
 * @param {string} profile the browser's user-data-dir (to find its processes)
 * @param {string} caseId a case already filled
 * @param {{ savePath?: string, memory?: boolean }} [options] where the exported bundle goes
 *   (else the download is removed once saved)
 */
export async function benchExport(browser, profile, caseId, { savePath, memory = false } = {}) {
  const journal = await browser.context.newPage();
  await journal.goto(browser.extensionUrl(`extension/pages/journal.html?case=${encodeURIComponent(caseId)}`));
  await journal.waitForSelector('#chain[data-ok]', { timeout: 900_000 });
  const baseline = memory ? await idleMemory(profile) : NaN;
  const sampler = memory ? sampleMemory(profile) : null;
  const t0 = Date.now();
  const [download] = await Promise.all([journal.waitForEvent('download', { timeout: 900_000 }), journal.click('#export')]);
  const exportMs = Date.now() - t0;
  const saved = await download.path();
  const savedMs = Date.now() - t0;
  const peak = sampler ? sampler.stop() : NaN;
  const size = (await stat(saved)).size;
  if (savePath) await download.saveAs(savePath);
  await download.delete();
  await journal.close();
  // The page kept its export file for the download, which is saved: removed, with the page gone.
  const other = await browser.context.newPage();
  await other.goto(browser.extensionUrl('extension/pages/import.html'));
  await other.evaluate(async () => (await import('/extension/shared/spool.js')).removeStaleSpools(0));
  await other.close();
  return { exportMs, savedMs, baseline, peak, size };
}

/**
 * The same in Firefox: the journal page shown in the extension's own tab, the download saved
 * into `downloadDir` (emptied first) without a question.
 * @param {{ browser: import('puppeteer-core').Browser, extensionPage: import('puppeteer-core').Page, origin: string }} firefox
 * @param {string} caseId @param {string} downloadDir @param {{ memory?: boolean }} [options]
 *   with `memory`, memory is sampled (in a run of its own, as in Chromium)
 */
export async function benchExportFirefox(firefox, caseId, downloadDir, { memory = false } = {}) {
  const { extensionPage: page, origin } = firefox;
  const pid = /** @type {number} */ (firefox.browser.process()?.pid);
  for (const name of await readdir(downloadDir)) await rm(join(downloadDir, name), { force: true });
  await page.evaluate((url) => location.assign(url), `${origin}extension/pages/journal.html?case=${encodeURIComponent(caseId)}`);
  await page.waitForSelector('#chain[data-ok]', { timeout: 600_000 });
  const baseline = memory ? await idleMemory(pid) : NaN;
  const sampler = memory ? sampleMemory(pid) : null;
  const t0 = Date.now();
  await page.click('#export');
  await page.waitForFunction(() => /\.zip/.test(document.getElementById('export-status')?.textContent ?? '') || !document.getElementById('export-error')?.hidden, { timeout: 900_000, polling: 20 });
  const exportMs = Date.now() - t0;
  const failed = await page.$eval('#export-error', (e) => (e.hidden ? '' : e.textContent));
  if (failed) throw new Error(`Firefox export: ${failed}`);
  // Saved: the file is there, whole, and no partial download remains.
  let size = 0;
  for (;;) {
    const names = await readdir(downloadDir);
    const zip = names.find((n) => n.endsWith('.zip'));
    if (zip && !names.some((n) => n.endsWith('.part'))) {
      size = (await stat(join(downloadDir, zip))).size;
      if (size > 0) break;
    }
    if (Date.now() - t0 > 900_000) throw new Error('Firefox saved no bundle');
    await new Promise((r) => setTimeout(r, 20));
  }
  const savedMs = Date.now() - t0;
  const peak = sampler ? sampler.stop() : NaN;
  await page.evaluate((url) => location.assign(url), `${origin}extension/pages/import.html`);
  await page.waitForFunction(() => document.readyState === 'complete' && location.pathname.endsWith('import.html'));
  await page.evaluate(async () => (await import('/extension/shared/spool.js')).removeStaleSpools(0));
  return { exportMs, savedMs, baseline, peak, size };
}

/**
 * The import page reading `zipPath`: time from choosing the file to the verified case shown;
 * with `memory`, the browser's memory sampled every 50 ms until then (the export's method, and
 * for the same reason in a run of its own), above the idle baseline with the page open.
 * @param {Awaited<ReturnType<typeof import('../../tests/support/chromium.mjs').launchWithExtension>>} browser
 * @param {string} profile the browser's user-data-dir (to find its processes)
 * @param {string} zipPath @param {{ memory?: boolean }} [options]
 */
export async function benchImport(browser, profile, zipPath, { memory = false } = {}) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('extension/pages/import.html'));
  const baseline = memory ? await idleMemory(profile) : NaN;
  const sampler = memory ? sampleMemory(profile) : null;
  const t0 = Date.now();
  await page.setInputFiles('#bundle-input', zipPath);
  // The worker's verdict: valid opens the read-only view; anything else says why.
  await page.waitForSelector('#readonly:not([hidden]), #result[data-state="altered"], #result[data-state="unreadable"], #result[data-state="failed"]', { timeout: 900_000 });
  const ms = Date.now() - t0;
  const peak = sampler ? sampler.stop() : NaN;
  const result = (await page.textContent('#result')) ?? '';
  const verdict = await page.evaluate(() => (document.querySelector('#readonly:not([hidden])') ? 'valid' : (document.getElementById('result')?.dataset.state ?? 'none')));
  await page.close();
  return { ms, result, verdict, baseline, peak };
}

/**
 * Journal page with a big case: time to first render (navigation start to the first rows on
 * screen), and to page through to the last entry.
 * @param {Awaited<ReturnType<typeof import('../../tests/support/chromium.mjs').launchWithExtension>>} browser
 * @param {string} caseId
 * @param {number} rounds
 */
export async function benchJournalPage(browser, caseId, rounds) {
  /** @type {number[]} */
  const firstRender = [];
  /** @type {number[]} */
  const chainShown = [];
  /** @type {number[]} */
  const toTheEnd = [];
  let pages = 0;
  for (let r = 0; r < rounds; r += 1) {
    const page = await browser.context.newPage();
    await page.bringToFront();
    await page.goto(browser.extensionUrl(`extension/pages/journal.html?case=${encodeURIComponent(caseId)}`), { waitUntil: 'commit' });
    const rows = await page.waitForFunction(() => (document.querySelector('#entries:not([hidden]) tbody tr') ? performance.now() : 0), undefined, { polling: 5, timeout: 600_000 });
    firstRender.push(Number(await rows.jsonValue()));
    const chain = await page.waitForFunction(() => (document.querySelector('#chain[data-ok]') ? performance.now() : 0), undefined, { polling: 5, timeout: 600_000 });
    chainShown.push(Number(await chain.jsonValue()));
    const end = await page.evaluate(async () => {
      const next = /** @type {HTMLButtonElement} */ (document.getElementById('page-next'));
      const t0 = performance.now();
      let turns = 0;
      while (!next.disabled) {
        next.click();
        turns += 1;
      }
      await new Promise((r) => setTimeout(r, 0));
      return { ms: performance.now() - t0, turns };
    });
    toTheEnd.push(end.ms);
    pages = end.turns + 1;
    await page.close();
  }
  console.log(`journal page: first rows ${firstRender.map(Math.round).join(', ')} ms; chain ${chainShown.map(Math.round).join(', ')} ms`);
  return { firstRender: median(firstRender), chainShown: median(chainShown), toTheEnd: median(toTheEnd), pages };
}

export { fmt };

/**
 * The export's scale curve: for each size, a case of that many captures of 1 MB, filled through
 * the append path, exported once timed and once with memory sampled. A size whose case, export
 * file and download would not fit on the disk (with 2 GB to spare) is left out, and said so.
 * The largest size's bundle is kept at `keepLargest` (for the import page to read it).
 * @param {Awaited<ReturnType<typeof import('../../tests/support/chromium.mjs').launchWithExtension>>} browser
 * @param {string} profile @param {any} template @param {number[]} sizes
 * @param {(line: string) => void} log @param {string} keepLargest
 */
export async function benchCurve(browser, profile, template, sizes, log, keepLargest) {
  /** @type {{ n: number, size: number, exportMs: number, savedMs: number, above: number }[]} */
  const rows = [];
  const largest = Math.max(...sizes);
  // Smallest first: the largest, kept, is the last on the disk.
  /** @type {{ n: number, size: number, path: string } | null} */
  let kept = null;
  /** @type {{ n: number, needed: number, free: number }[]} */
  const skipped = [];
  const filler = await browser.context.newPage();
  await filler.goto(browser.extensionUrl('extension/pages/import.html'));
  try {
    for (const n of [...sizes].sort((a, b) => a - b)) {
      const { bavail, bsize } = statfsSync(profile);
      const free = bavail * bsize;
      // The captures in IndexedDB, the export file, the download: three copies (four for the
      // largest, kept), and 2 GB spare.
      const needed = (n === largest ? 4 : 3) * n * (1 << 20) + (2 << 30);
      if (free < needed) {
        log(`curve: ${n} captures need ${fmt(needed / 2 ** 30, 1)} GB, ${fmt(free / 2 ** 30, 1)} GB free: left out`);
        skipped.push({ n, needed, free });
        continue;
      }
      const caseId = `bench-curve-${n}`;
      log(`curve: filling ${n} captures`);
      await fillJournal(filler, caseId, n, 1 << 20, template);
      const timed = await benchExport(browser, profile, caseId);
      const sampled = await benchExport(browser, profile, caseId, { memory: true, savePath: n === largest ? keepLargest : undefined });
      if (n === largest) kept = { n, size: sampled.size, path: keepLargest };
      rows.push({ n, size: timed.size, exportMs: timed.exportMs, savedMs: timed.savedMs, above: sampled.peak - sampled.baseline });
      log(`curve: ${n} captures, ${fmt(timed.exportMs)} ms, +${fmt((sampled.peak - sampled.baseline) / 2 ** 20)} MB`);
      // The case's files go, so that the next size has the disk.
      await filler.evaluate(async (id) => {
        const { openDb } = await import('/extension/shared/store.js');
        const db = await openDb();
        const range = IDBKeyRange.bound([id], [id, []]);
        const tx = db.transaction(['artifacts'], 'readwrite');
        tx.objectStore('artifacts').delete(range);
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      }, caseId);
    }
  } finally {
    await filler.close();
  }
  return { rows, skipped, kept };
}

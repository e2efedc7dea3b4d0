// 4. Export and import at scale: 1,000 captures of about 1 MB each, exported by the journal
// page's own Export button; time, the browser's peak memory above its idle baseline, the
// bundle's size; then the import page on that bundle. 5. The journal page with 10,000 captures.
// The journal is filled through the extension's own append path (appendEvent: sealed by the
// core, written with its files in one transaction), from the body of a real capture.
import { readFileSync, readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fmt, median } from './stats.mjs';

/**
 * Memory of the browser running on `profile` (PSS): its main process and every process under
 * it (renderers, GPU, utility), in bytes.
 * @param {string} profile
 */
export function browserRss(profile) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  /** @type {number[]} */
  const roots = [];
  for (const entry of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const pid = Number(entry);
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
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
 * body of the real capture `template` (an event body).
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
 * @param {Awaited<ReturnType<typeof import('../../tests/support/chromium.mjs').launchWithExtension>>} browser
 * @param {string} profile the browser's user-data-dir (to find its processes)
 * @param {string} caseId a case already filled
 * @param {string} savePath where the exported bundle goes
 */
export async function benchExport(browser, profile, caseId, savePath) {
  const journal = await browser.context.newPage();
  await journal.goto(browser.extensionUrl(`extension/pages/journal.html?case=${encodeURIComponent(caseId)}`));
  await journal.waitForSelector('#chain[data-ok]', { timeout: 600_000 });
  // Idle baseline: the median of 2 s of samples with the journal page open.
  /** @type {number[]} */
  const idle = [];
  for (let i = 0; i < 20; i += 1) {
    idle.push(browserRss(profile));
    await new Promise((r) => setTimeout(r, 100));
  }
  const baseline = median(idle);
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, browserRss(profile));
  }, 50);
  const t0 = Date.now();
  // Until the download starts: the bundle is built and handed to the browser. Writing it to
  // the disk is the browser's download, not counted.
  const [download] = await Promise.all([journal.waitForEvent('download', { timeout: 900_000 }), journal.click('#export')]);
  const exportMs = Date.now() - t0;
  await download.saveAs(savePath);
  clearInterval(sampler);
  const size = (await stat(savePath)).size;
  await journal.close();
  return { exportMs, baseline, peak, size };
}

/**
 * The import page reading `zipPath`: time from choosing the file to the verified case shown.
 * @param {Awaited<ReturnType<typeof import('../../tests/support/chromium.mjs').launchWithExtension>>} browser
 * @param {string} zipPath
 */
export async function benchImport(browser, zipPath) {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('extension/pages/import.html'));
  const t0 = Date.now();
  await page.setInputFiles('#bundle-input', zipPath);
  // The worker's verdict: valid opens the read-only view; anything else says why.
  await page.waitForSelector('#readonly:not([hidden]), #result[data-state="altered"], #result[data-state="unreadable"], #result[data-state="failed"]', { timeout: 900_000 });
  const ms = Date.now() - t0;
  const result = (await page.textContent('#result')) ?? '';
  await page.close();
  return { ms, result };
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

// 3. Capture latency, from the menu handler's call to the committed transaction, over 30
// captures of each page, with and without the full-page screenshot. Captures are spaced by
// 1.2 s: the browser allows 2 visible-tab captures a second, and a person does not capture
// faster than that; the wait is not counted.
import { fmt, median, percentile } from './stats.mjs';

export const CAPTURES = Number(process.env.BENCH_CAPTURES ?? 30);

/**
 * @param {Awaited<ReturnType<typeof import('../../tests/support/chromium.mjs').launchWithExtension>>} browser
 * @param {{ name: string, url: string, weight: string }[]} pages
 */
export async function benchCapture(browser, pages) {
  const rows = [];
  for (const p of pages) {
    const page = await browser.context.newPage();
    await page.goto(p.url, { waitUntil: 'load' });
    await page.bringToFront();
    for (const fullPage of [false, true]) {
      await browser.worker.evaluate((on) => chrome.storage.local.set({ fullPage: on }), fullPage);
      const timings = /** @type {{ ms: number, screens: number }[]} */ (
        await browser.worker.evaluate(
          async ([url, n]) => {
            const g = /** @type {any} */ (globalThis);
            const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
            const out = [];
            for (let i = 0; i < n; i += 1) {
              await new Promise((r) => setTimeout(r, 1200));
              const t0 = performance.now();
              const { json } = await g.temoin.capture({ menuItemId: 'temoin-capture', pageUrl: url }, tab, 'bench-capture');
              const ms = performance.now() - t0;
              const full = JSON.parse(json).body.artifacts.find((/** @type {any} */ a) => a.name === 'screenshot-full.png');
              out.push({ ms, screens: Number(/of (\d+) tabs/.exec(full?.method ?? '')?.[1] ?? 0) });
            }
            return out;
          },
          /** @type {[string, number]} */ ([page.url(), CAPTURES]),
        )
      );
      const ms = timings.map((t) => t.ms);
      const screens = Math.max(...timings.map((t) => t.screens));
      rows.push({ page: p.name, weight: p.weight, fullPage, median: median(ms), p95: percentile(ms, 0.95), screens });
    }
    await page.close();
  }
  await browser.worker.evaluate(() => chrome.storage.local.remove('fullPage'));
  return {
    rows,
    markdown: [
      `| page | full page | median (ms) | 95th percentile (ms) | screens stitched | goal |`,
      `|---|---|---|---|---|---|`,
      ...rows.map((r) => {
        const goal = r.fullPage
          ? r.screens > 0 ? `≤ ${fmt((r.screens / 2 + 1) * 1000)} ms (N/2 + 1 s): ${r.median <= (r.screens / 2 + 1) * 1000 ? 'met' : 'missed'}` : 'page fits one screen'
          : r.page === 'typical feed' ? `< 300 ms median: ${r.median < 300 ? 'met' : 'missed'}`
          : r.page === 'heavy page' ? `< 1,000 ms median: ${r.median < 1000 ? 'met' : 'missed'}` : '—';
        return `| ${r.page} (${r.weight}) | ${r.fullPage ? 'yes' : 'no'} | ${fmt(r.median)} | ${fmt(r.p95)} | ${r.screens || '—'} | ${goal} |`;
      }),
    ].join('\n'),
  };
}

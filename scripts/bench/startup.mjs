// 6. Start-up and size: the WASM module (raw and gzip), and the service worker's time from its
// start to the core being ready, over repeated stops and wake-ups.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fmt, median, percentile } from './stats.mjs';

const WAKES = 20;

/**
 * @param {Awaited<ReturnType<typeof import('../../tests/support/chromium.mjs').launchWithExtension>>} browser
 * @param {string} wasmPath the worker's module
 * @param {string} pagesPath the pages' module
 */
export async function benchStartup(browser, wasmPath, pagesPath) {
  const wasm = await readFile(wasmPath);
  const pagesRaw = (await readFile(pagesPath)).length;
  const gzip = gzipSync(wasm, { level: 9 }).length;
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('extension/pages/import.html'));
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  /** @type {{ readyAt: number, loadStartedAt: number }[]} */
  const wakes = [];
  for (let i = 0; i < WAKES; i += 1) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 300));
    const worker = await browser.wakeWorker();
    const t = await worker.evaluate(async () => {
      const g = /** @type {any} */ (globalThis);
      await g.temoin.ready();
      return g.temoin.coreTimings();
    });
    wakes.push(t);
  }
  await page.close();
  const ready = wakes.map((w) => w.readyAt);
  const load = wakes.map((w) => w.readyAt - w.loadStartedAt);
  return {
    raw: wasm.length,
    pagesRaw,
    gzip,
    readyMedian: median(ready),
    readyP95: percentile(ready, 0.95),
    loadMedian: median(load),
    markdown: [
      `| figure | measured | goal | |`,
      `|---|---|---|---|`,
      `| worker's WASM module, raw | ${fmt(wasm.length / 1024)} KB (${fmt(wasm.length)} bytes) | < 300 KB | ${wasm.length < 300 * 1024 ? 'met' : 'missed'} |`,
      `| worker's WASM module, gzip -9 | ${fmt(gzip / 1024)} KB | — | |`,
      `| worker start → core ready, median of ${WAKES} wake-ups | ${fmt(median(ready), 1)} ms (95th percentile ${fmt(percentile(ready, 0.95), 1)} ms) | < 50 ms | ${median(ready) < 50 ? 'met' : 'missed'} |`,
      `| of which fetching, compiling and instantiating the module | ${fmt(median(load), 1)} ms | — | |`,
    ].join('\n'),
  };
}

// `make run`: Chromium with the extension loaded from the repository root, on the bundled
// demo page. With a display, you drive it; without one (or with HEADLESS=1) the same journey
// plays by itself and prints what the journal holds.
import { serveFixtures } from '../tests/support/server.mjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captureThroughMenu, exportThroughPage, launchWithExtension, readStoredJournal, ROOT } from '../tests/support/chromium.mjs';
import { temoin } from '../tests/support/tools.mjs';

const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
const server = await serveFixtures();
const demoUrl = `${server.origin}/demo/`;
const browser = await launchWithExtension({ extensionDir: ROOT, headless });

try {
  const page = await browser.context.newPage();
  await page.goto(demoUrl);
  await page.bringToFront();

  if (!headless) {
    console.log(`Témoin is loaded. Right-click the post on ${demoUrl} and choose "Capturer comme preuve",`);
    console.log(`then open the journal from the toolbar button. Close the browser to stop.`);
    await new Promise((resolve) => browser.context.on('close', resolve));
  } else {
    const result = await captureThroughMenu(browser.worker, demoUrl);
    const stored = await readStoredJournal(browser.worker, result.caseId);
    const entry = stored.entries.find((e) => e.seq === result.seq);
    if (!entry) throw new Error('the capture is not in the journal');
    const event = JSON.parse(entry.json);
    console.log(`Captured ${demoUrl} (headless demo)\n`);
    console.log(`Journal entry n° ${event.seq} (case "${event.caseId}")`);
    console.log(`  captured at   ${event.body.capturedAt} (UTC)`);
    console.log(`  page          ${event.body.page.url}`);
    console.log(`  title         ${event.body.page.title}`);
    for (const a of event.body.artifacts) {
      console.log(`  ${a.name.padEnd(24)} ${String(a.size).padStart(8)} bytes  sha256 ${a.sha256}`);
    }
    console.log(`  prev          ${event.prev}`);
    console.log(`  entry hash    ${entry.hash}`);
    console.log(`\nChain head: ${stored.head?.seq} ${stored.head?.hash}`);

    // The bundle a parent would hand over, and its verification by the native tool.
    const bundle = await exportThroughPage(browser, result.caseId);
    const outDir = join(ROOT, 'out');
    await mkdir(outDir, { recursive: true });
    const zipPath = join(outDir, 'temoin-demo.zip');
    await writeFile(zipPath, bundle);
    console.log(`\nExported ${bundle.length} bytes to ${zipPath} (the export is sealed by a new journal entry)`);
    const verified = temoin(['verify', zipPath]);
    console.log(`temoin verify (exit ${verified.status}): ${verified.stdout.trim()}${verified.stderr.trim()}`);
    console.log(`Control code (write it down): ${verified.stdout.match(/chain head \d+ ([0-9a-f]{64})/)?.[1] ?? '?'}`);
    console.log(`Check it yourself: cd out && unzip -o temoin-demo.zip -d temoin-demo && (cd temoin-demo && sha256sum -c SHA256SUMS),`);
    console.log(`or: target/debug/temoin verify --expect-head <control code> out/temoin-demo.zip`);
    if (verified.status !== 0) process.exitCode = 1;
  }
} finally {
  await browser.close().catch(() => {});
  await server.close();
}

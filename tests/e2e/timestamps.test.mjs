// Independent time in a real browser, against a local authority (`openssl ts -reply` behind a
// small HTTP server): with the option on, each capture's hash is stamped without the capture
// waiting, an authority that never answers only delays the stamp, the export carries the stamps
// (its own seal's included), `temoin verify` and `openssl ts -verify` accept each token with the
// bundled certificates, and a changed token or a token for another hash is named.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFixtures } from '../support/server.mjs';
import { exportThroughPage, launchWithExtension, readStoredJournal } from '../support/chromium.mjs';
import { startTsa } from '../support/tsa.mjs';
import { temoin } from '../support/tools.mjs';

/** @type {Awaited<ReturnType<typeof serveFixtures>>} */
let server;
/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;
/** @type {Awaited<ReturnType<typeof startTsa>>} */
let tsa;
/** @type {string} */
let work;

before(async () => {
  server = await serveFixtures();
  tsa = await startTsa();
  browser = await launchWithExtension();
  work = await mkdtemp(join(tmpdir(), 'temoin-tsa-e2e-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  await tsa?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** @param {string} url */
function captureFromMenu(url) {
  return browser.worker.evaluate(async (u) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    return /** @type {any} */ (globalThis).temoin.captureAndReport({ menuItemId: 'temoin-capture', pageUrl: u }, tab);
  }, url);
}

/** The `timestamp` entries of the default case. */
async function stamps() {
  const { entries } = await readStoredJournal(browser.worker, 'default', { onlySeq: -1 });
  return entries.map((e) => JSON.parse(e.json)).filter((e) => e.body.kind === 'timestamp');
}

/** @param {() => Promise<boolean>} ok @param {number} ms */
async function until(ok, ms) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) if (await ok()) return;
  throw new Error('timed out');
}

/**
 * Unzips `zip` into a fresh folder and returns its path.
 * @param {string} zip
 */
function unzip(zip) {
  const dir = `${zip}.d`;
  execFileSync('unzip', ['-q', '-o', zip, '-d', dir]);
  return dir;
}

test('captures and exports are stamped by an outside authority, checked offline', { timeout: 180_000 }, async () => {
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('extension/pages/options.html'));
  await options.selectOption('select[name="authority"]', 'custom');
  await options.fill('input[name="customAuthority"]', tsa.url);
  await options.check('input[name="timestamps"]');
  await options.waitForFunction(async () => (await chrome.storage.local.get('timestamps')).timestamps === true);

  // An authority that never answers: the capture does not wait, the stamp waits in a queue.
  tsa.mode = 'silent';
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/demo/?n=1`);
  await page.bringToFront();
  const started = Date.now();
  const first = await captureFromMenu(page.url());
  assert.equal(first.ok, true, JSON.stringify(first));
  assert.ok(Date.now() - started < 10_000, 'the capture did not wait for the authority');
  await until(async () => tsa.requests >= 1, 10_000);
  assert.equal((await stamps()).length, 0);
  const queued = await browser.worker.evaluate(async () => (await chrome.storage.local.get('timestampQueue')).timestampQueue);
  assert.deepEqual(queued.map((/** @type {any} */ q) => q.seq), [first.seq], 'the stamp waits in the queue');

  // The authority answers again: what waited is stamped (the alarm's work, done now).
  tsa.mode = 'answer';
  await browser.worker.evaluate(() => /** @type {any} */ (globalThis).temoin.stampQueuedForTesting());
  await until(async () => (await stamps()).length === 1, 30_000);
  const [stamp] = await stamps();
  assert.equal(stamp.body.entry, first.seq);
  assert.equal(stamp.body.authority, tsa.url);

  // A second capture is stamped as it comes.
  await page.goto(`${server.origin}/demo/?n=2`);
  await page.bringToFront();
  const second = await captureFromMenu(page.url());
  await until(async () => (await stamps()).some((s) => s.body.entry === second.seq), 30_000);

  // The export stamps its own seal and carries every stamp, with files for openssl.
  const zip = join(work, 'stamped.zip');
  await writeFile(zip, await exportThroughPage(browser, 'default'));
  const verified = temoin(['verify', '--json', zip]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  const report = JSON.parse(verified.stdout);
  assert.equal(report.ok, true);
  assert.ok(report.attestations.length >= 3, `capture 1, capture 2 and the seal: ${report.attestations.length}`);
  const sealStamp = report.attestations.find((/** @type {any} */ a) => a.stamped === report.sealedBy);
  assert.ok(sealStamp, 'the export entry is stamped and its stamp is in the bundle');
  for (const a of report.attestations) {
    assert.match(a.genTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.match(a.tsaSubject, /Temoin Test TSA/);
  }
  const text = temoin(['verify', zip]);
  assert.match(text.stdout, new RegExp(`entry ${first.seq} existed by \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC, attested by`));

  // openssl accepts each token with the bundled certificates and the stamped entry's hash.
  const dir = unzip(zip);
  for (const a of report.attestations) {
    const name = String(a.entry).padStart(6, '0');
    const out = execFileSync('openssl', ['ts', '-verify', '-token_in', '-in', join(dir, 'timestamps', `${name}.tsr`), '-digest', a.hash, '-CAfile', join(dir, 'timestamps', `${name}.pem`)], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
    assert.match(out, /Verification: OK/);
  }

  // A token changed in the bundle is named.
  const tsr = `timestamps/${String(sealStamp.entry).padStart(6, '0')}.tsr`;
  const bytes = await readFile(join(dir, tsr));
  bytes[bytes.length - 5] ^= 1;
  await writeFile(join(dir, tsr), bytes);
  const sums = execFileSync('sha256sum', execFileSync('find', ['.', '-type', 'f', '!', '-name', 'SHA256SUMS'], { cwd: dir }).toString().trim().split('\n').map((p) => p.slice(2)).sort(), { cwd: dir });
  await writeFile(join(dir, 'SHA256SUMS'), sums);
  const altered = join(work, 'altered.zip');
  execFileSync('zip', ['-q', '-X', '-r', altered, '.'], { cwd: dir });
  const bad = temoin(['verify', '--json', altered]);
  assert.notEqual(bad.status, 0);
  if (bad.status === 1) {
    const problems = JSON.parse(bad.stdout).problems;
    assert.ok(problems.some((/** @type {any} */ p) => p.file === tsr), JSON.stringify(problems));
  }

  // An authority that stamps another fingerprint: stored, and named by the verifier.
  tsa.mode = 'other';
  await page.goto(`${server.origin}/demo/?n=3`);
  await page.bringToFront();
  const third = await captureFromMenu(page.url());
  await until(async () => (await stamps()).some((s) => s.body.entry === third.seq), 30_000);
  tsa.mode = 'answer';
  const zip2 = join(work, 'other.zip');
  await writeFile(zip2, await exportThroughPage(browser, 'default'));
  const other = temoin(['verify', '--json', zip2]);
  assert.equal(other.status, 1, other.stdout);
  const problem = JSON.parse(other.stdout).problems.find((/** @type {any} */ p) => p.code === 'timestamp-invalid');
  assert.ok(problem, other.stdout);
  assert.match(problem.message, /another fingerprint/);
});

test('with the option off, nothing is sent to an authority', async () => {
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('extension/pages/options.html'));
  await options.uncheck('input[name="timestamps"]');
  await options.waitForFunction(async () => (await chrome.storage.local.get('timestamps')).timestamps === false);
  const before = tsa.requests;
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/demo/?n=4`);
  await page.bringToFront();
  assert.equal((await captureFromMenu(page.url())).ok, true);
  await exportThroughPage(browser, 'default');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(tsa.requests, before, 'no request while the option is off');
});

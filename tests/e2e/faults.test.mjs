// The browser's faults, on purpose: a worker stopped mid-capture (100 times, at points spread
// over a capture), the browser killed during a burst and restarted on its profile, storage
// full, 20 captures fired at once, and the core aborting as on a panic. After each, the journal
// read straight from IndexedDB verifies, every entry is whole, and what was reported saved is there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveFixtures } from '../support/server.mjs';
import { captureThroughMenu, exportThroughPage, launchWithExtension, packagedWithLimitedStorage, readStoredJournal } from '../support/chromium.mjs';
import { assertChainValid, assertEntryWhole } from '../support/journal.mjs';
import { temoin } from '../support/tools.mjs';

/** @type {Awaited<ReturnType<typeof serveFixtures>>} */
let plain;
/** @type {string} */
let scratch;

before(async () => {
  plain = await serveFixtures();
  scratch = await mkdtemp(join(tmpdir(), 'temoin-faults-'));
});

after(async () => {
  await plain?.close();
  await rm(scratch, { recursive: true, force: true });
});

/** @typedef {Awaited<ReturnType<typeof launchWithExtension>>} Browser */

/** An extension page to read IndexedDB from, whatever the worker's state. @param {Browser} browser */
async function readerOf(browser) {
  const found = browser.context.pages().find((p) => p.url().endsWith('extension/pages/import.html'));
  if (found) return found;
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('extension/pages/import.html'));
  return page;
}

/** The default case as stored, its chain checked; `onlySeq` reads one entry's files. @param {Browser} browser @param {number} [onlySeq] */
async function storedJournal(browser, onlySeq = -1) {
  const stored = await readStoredJournal(await readerOf(browser), 'default', { onlySeq });
  assertChainValid(stored);
  return stored;
}

/** Opens the demo post in a tab of its own, shown. @param {Browser} browser @param {string} tag */
async function openPost(browser, tag) {
  // The reader page first: a page opened later would take the post's place on screen.
  await readerOf(browser);
  const page = await browser.context.newPage();
  await page.goto(`${plain.origin}/demo/?${tag}`);
  await page.bringToFront();
  return page;
}

/** Exports the default case and runs the native verifier on it. @param {Browser} browser @param {string} name */
async function exportAndVerify(browser, name) {
  const zip = join(scratch, name);
  await writeFile(zip, await exportThroughPage(browser, 'default'));
  const verified = temoin(['verify', zip]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
}

test('20 captures fired at once: 20 entries on one valid chain, each whole', { timeout: 180_000 }, async () => {
  const browser = await launchWithExtension();
  try {
    const page = await openPost(browser, 'twenty');
    const worker = await browser.wakeWorker();
    const results = await Promise.all(Array.from({ length: 20 }, () => captureThroughMenu(worker, page.url())));
    assert.deepEqual(results.map((r) => r.seq).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
    const stored = await storedJournal(browser);
    assert.equal(stored.entries.length, 20);
    for (const seq of [1, 10, 20]) {
      const one = await readStoredJournal(await readerOf(browser), 'default', { onlySeq: seq });
      assertEntryWhole(one.entries[seq - 1], one.artifacts);
    }
    await exportAndVerify(browser, 'twenty.zip');
  } finally {
    await browser.close();
  }
});

test('a worker stopped at 100 points of a capture leaves each capture whole or absent', { timeout: 900_000 }, async (t) => {
  const browser = await launchWithExtension();
  try {
    const page = await openPost(browser, 'stopped');
    // How long one capture takes here: the stops are spread over that span and a bit beyond.
    let worker = await browser.wakeWorker();
    const started = Date.now();
    await captureThroughMenu(worker, page.url());
    const span = (Date.now() - started) * 1.2;
    let whole = 0;
    let absent = 0;
    for (let i = 0; i < 100; i += 1) {
      const before = (await storedJournal(browser)).entries.length;
      worker = await browser.wakeWorker();
      const pending = captureThroughMenu(worker, page.url()).catch((e) => e);
      await new Promise((r) => setTimeout(r, Math.round(((i % 25) / 25) * span)));
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      // The call into the stopped worker may never answer: wait for it a bounded time only.
      await Promise.race([pending, new Promise((r) => setTimeout(r, 3000))]);
      const stored = await storedJournal(browser);
      const after = stored.entries.length;
      assert.ok(after === before || after === before + 1, `stop ${i}: ${after} entries after ${before}`);
      if (after === before + 1) {
        whole += 1;
        const one = await readStoredJournal(await readerOf(browser), 'default', { onlySeq: after });
        assertEntryWhole(one.entries[after - 1], one.artifacts);
      } else {
        absent += 1;
      }
    }
    t.diagnostic(`100 stops over ${Math.round(span)} ms: ${whole} captures whole, ${absent} absent, none partial`);
    // Both outcomes were reached, or the stops did not fall inside captures.
    assert.ok(whole > 0 && absent > 0, `${whole} whole, ${absent} absent`);
    // The worker still captures, and the whole journal verifies natively.
    worker = await browser.wakeWorker();
    const next = await captureThroughMenu(worker, page.url());
    assert.equal(next.seq, (await storedJournal(browser)).entries.length);
    await exportAndVerify(browser, 'stopped.zip');
  } finally {
    await browser.close();
  }
});

test('the browser killed during a burst and restarted keeps every capture it reported, whole', { timeout: 180_000 }, async (t) => {
  const profile = await mkdtemp(join(tmpdir(), 'temoin-profile-'));
  try {
    let browser = await launchWithExtension({ profile });
    const page = await openPost(browser, 'killed');
    const worker = await browser.wakeWorker();
    /** @type {{ seq: number, hash: string }[]} */
    const reported = [];
    for (let i = 0; i < 8; i += 1) {
      void captureThroughMenu(worker, page.url()).then((r) => reported.push({ seq: r.seq, hash: r.hash }), () => {});
    }
    // Kill once some have landed and others are under way.
    for (let waited = 0; reported.length < 3 && waited < 60_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    assert.ok(reported.length >= 3, `${reported.length} captures reported before the kill`);
    await new Promise((r) => setTimeout(r, 400));
    const reportedBeforeKill = [...reported];
    browser.kill();
    await browser.context.waitForEvent('close').catch(() => {});

    browser = await launchWithExtension({ profile });
    try {
      const stored = await storedJournal(browser);
      t.diagnostic(`${reportedBeforeKill.length} captures reported before the kill, ${stored.entries.length} stored after the restart`);
      for (const r of reportedBeforeKill) {
        assert.equal(stored.entries[r.seq - 1]?.hash, r.hash, `capture ${r.seq}, reported saved, is stored`);
      }
      for (const e of stored.entries) {
        const one = await readStoredJournal(await readerOf(browser), 'default', { onlySeq: e.seq });
        assertEntryWhole(one.entries[e.seq - 1], one.artifacts);
      }
      // The journal goes on from where it stopped.
      const again = await openPost(browser, 'after-restart');
      const next = await captureThroughMenu(await browser.wakeWorker(), again.url());
      assert.equal(next.seq, stored.entries.length + 1);
      await storedJournal(browser);
      await exportAndVerify(browser, 'killed.zip');
    } finally {
      await browser.close();
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

test('storage full: a clear message, no partial entry, earlier captures intact and exportable', { timeout: 120_000 }, async () => {
  // Only a full disk stops the shipped extension (`unlimitedStorage`): a copy without it stands in.
  const browser = await launchWithExtension({ extensionDir: await packagedWithLimitedStorage(join(scratch, 'limited')) });
  try {
    const page = await openPost(browser, 'quota');
    let worker = await browser.wakeWorker();
    await captureThroughMenu(worker, page.url());
    await captureThroughMenu(worker, page.url());
    const origin = `chrome-extension://${browser.extensionId}`;
    const reader = await readerOf(browser);
    const cdp = await browser.context.newCDPSession(page);
    const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin });
    // Room for one kilobyte: less than any capture needs. IndexedDB reads the room left when
    // it opens the database, so every context of the extension closes it first.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 1024 });
    await reader.close();
    for (const p of browser.context.pages()) if (p.url().startsWith(origin)) await p.close();
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await new Promise((r) => setTimeout(r, 500));
    worker = await browser.wakeWorker();
    await page.bringToFront();
    const reply = await worker.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({})).find((x) => x.url === url);
      return /** @type {any} */ (globalThis).temoin.captureAndReport({ menuItemId: 'temoin-capture' }, tab);
    }, page.url());
    assert.equal(reply.ok, false);
    assert.equal(reply.code, 'storage-full');
    assert.match(reply.message, /Nothing was written|Rien n'a été écrit/);
    assert.match(reply.message, /space|espace/i);
    const stored = await storedJournal(browser);
    assert.equal(stored.entries.length, 2, 'no partial entry');
    const files = await readStoredJournal(await readerOf(browser), 'default', { onlySeq: 3 });
    assert.equal(files.artifacts.length, 0, 'no file of the failed capture');
    // Room again: captures go on, on the same chain, and the export (an entry too) works.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    const next = await captureThroughMenu(await browser.wakeWorker(), page.url());
    assert.equal(next.seq, 3);
    await storedJournal(browser);
    await exportAndVerify(browser, 'quota.zip');
  } finally {
    await browser.close();
  }
});

test('the core aborting as on a panic: the worker starts a new instance and the next capture works', { timeout: 120_000 }, async () => {
  const browser = await launchWithExtension();
  try {
    const page = await openPost(browser, 'abort');
    const worker = await browser.wakeWorker();
    await captureThroughMenu(worker, page.url());
    const fault = await worker.evaluate(() =>
      /** @type {any} */ (globalThis).temoin.abortCoreForTesting().then(() => 'no fault', (/** @type {Error} */ e) => `${e.name}: ${e.message}`),
    );
    assert.match(fault, /RuntimeError: unreachable/);
    const next = await captureThroughMenu(worker, page.url());
    assert.equal(next.seq, 2);
    assert.equal(await worker.evaluate(() => /** @type {any} */ (globalThis).temoin.coreRestarts()), 1);
    const stored = await storedJournal(browser, 2);
    assertEntryWhole(stored.entries[1], stored.artifacts);
    await exportAndVerify(browser, 'abort.zip');
  } finally {
    await browser.close();
  }
});

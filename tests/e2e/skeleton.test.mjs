// The walking skeleton in a real browser: capture a fixture page twice through the menu's
// handler, recompute every hash in Node, independently of the extension, and check the
// chain and the journal page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { serveFixtures } from '../support/server.mjs';
import { captureThroughMenu, launchWithExtension, readStoredJournal } from '../support/chromium.mjs';

const sha256 = (/** @type {Buffer | string} */ data) => createHash('sha256').update(data).digest('hex');
const ZEROS = '0'.repeat(64);

/** @type {Awaited<ReturnType<typeof serveFixtures>>} */
let server;
/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;

before(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('two captures are stored, hashed, chained and listed', async () => {
  const page = await browser.context.newPage();
  const url = `${server.origin}/demo/`;
  await page.goto(url);
  await page.bringToFront();

  const first = await captureThroughMenu(browser.worker, url);
  const second = await captureThroughMenu(browser.worker, url);
  assert.equal(first.seq, 1);
  assert.equal(second.seq, 2);

  const stored = await readStoredJournal(browser.worker, 'default');
  assert.equal(stored.entries.length, 2);
  assert.deepEqual(stored.head, { caseId: 'default', seq: 2, hash: second.hash });

  const events = stored.entries.map((entry) => {
    // The entry's hash is SHA-256 of its stored canonical text.
    assert.equal(sha256(entry.json), entry.hash, `hash of entry ${entry.seq}`);
    return JSON.parse(entry.json);
  });
  assert.equal(events[0].prev, ZEROS);
  assert.equal(events[1].prev, stored.entries[0].hash, 'second entry links to the first');

  for (const event of events) {
    assert.equal(event.body.kind, 'capture');
    assert.equal(event.body.page.url, url);
    assert.match(event.body.page.title, /corbeau_noir/);
    assert.ok(Math.abs(Date.parse(event.body.capturedAt) - Date.now()) < 120_000, 'capture time is now, in UTC');
    assert.match(event.body.capturedAt, /Z$/);
    const names = event.body.artifacts.map((/** @type {any} */ a) => a.name);
    assert.ok(names.includes('screenshot-visible.png') && names.includes('page.html'), names.join());
    assert.equal(stored.artifacts.filter((a) => a.seq === event.seq).length, names.length, 'every declared artifact is stored');

    for (const declared of event.body.artifacts) {
      const bytes = stored.artifacts.find((a) => a.seq === event.seq && a.name === declared.name);
      assert.ok(bytes, `bytes of ${declared.name} in entry ${event.seq}`);
      const buf = Buffer.from(bytes.base64, 'base64');
      assert.equal(buf.length, declared.size);
      assert.equal(sha256(buf), declared.sha256, `${declared.name} of entry ${event.seq}`);
      if (declared.name === 'screenshot-visible.png') {
        assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        assert.equal(buf.readUInt32BE(16), 1280, 'screenshot width is the viewport width');
      } else if (declared.name === 'page.html') {
        const html = buf.toString('utf8');
        assert.match(html, /^<!DOCTYPE html>/);
        assert.match(html, /personne ne veut de toi au lycée/);
      }
    }
  }

  const journal = await browser.context.newPage();
  await journal.goto(browser.extensionUrl('extension/pages/journal.html'));
  await journal.waitForSelector('#chain[data-ok]');
  assert.equal(await journal.getAttribute('#chain', 'data-ok'), 'true');
  assert.equal(await journal.getAttribute('#chain', 'data-head'), second.hash);
  const rows = await journal.$$eval('#entries tbody tr', (trs) =>
    trs.map((tr) => ({ seq: tr.getAttribute('data-seq'), hash: tr.getAttribute('data-hash') })),
  );
  // Newest first.
  assert.deepEqual(rows.map((r) => [r.seq, r.hash]), [['2', second.hash], ['1', first.hash]]);
  // Each capture's files and their hashes, under its technical details.
  for (const [i, event] of events.entries()) {
    await journal.click(`#entries tr[data-seq="${i + 1}"] button.open-detail`);
    await journal.waitForSelector('dialog#detail[open]');
    const technical = (await journal.textContent('#technical')) ?? '';
    assert.ok(technical.includes(stored.entries[i].hash), `capture ${i + 1}: its entry hash`);
    for (const a of event.body.artifacts) assert.ok(technical.includes(a.sha256), `capture ${i + 1} shows ${a.name}'s hash`);
    await journal.keyboard.press('Escape');
    await journal.waitForSelector('dialog#detail', { state: 'hidden' });
  }
});

// The journal page opens on the newest rows, read from the summary the store keeps with every
// append, before the whole journal is read: those first rows are the newest, newest first, and
// they say exactly what the full view says once it is loaded. The summary is kept by every way
// an entry is appended (the worker's capture, the page's notes, categories, deletions, details,
// added files, an export), and one that does not reflect the journal is rebuilt from it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveFixtures } from '../support/server.mjs';
import { captureThroughMenu, launchWithExtension } from '../support/chromium.mjs';

const CASE = 'rows';
/** More than two pages of 50. */
const FILLED = 120;

/** @type {Awaited<ReturnType<typeof serveFixtures>>} */
let server;
/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;
/** @type {import('playwright-core').Page} */
let helper;

before(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
  // New captures go to this case.
  await browser.worker.evaluate((id) => chrome.storage.local.set({ currentCaseId: id, language: 'fr' }), CASE);
  helper = await browser.context.newPage();
  await helper.goto(browser.extensionUrl('extension/pages/import.html'));
  await helper.evaluate(
    async ([caseId, n]) => {
      const { appendEvent, addNote, saveCaseDetails, setCategories, deleteItem, addFile } = await import('/extension/shared/journal.js');
      const { core, ready } = await import('/extension/shared/core.js');
      await ready();
      await saveCaseDetails(caseId, { title: 'Harcèlement de Léa', person: 'Léa M.', minor: true, description: '' });
      for (let i = 0; i < n; i += 1) {
        const bytes = new TextEncoder().encode(`capture ${i}`);
        await appendEvent(
          caseId,
          {
            kind: 'capture',
            page: { url: `https://www.reddit.com/r/lyceens/comments/${i}/`, title: `Fil ${i}` },
            capturedAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
            artifacts: [{ name: 'screenshot-visible.png', mediaType: 'image/png', size: bytes.length, sha256: core.sha256Hex(bytes), method: 'test' }],
            post: { platform: 'reddit', authorHandle: `u/auteur_${i % 7}`, text: `message numéro ${i}` },
            notices: [],
            environment: { browser: 'Chromium', browserVersion: '1', os: 'Linux', extensionVersion: '0', userAgent: 'test', language: 'fr', timeZone: 'UTC', localTime: 'test', incognito: false },
          },
          { artifacts: [{ name: 'screenshot-visible.png', mediaType: 'image/png', bytes }] },
        );
      }
      // Later entries about earlier rows: on the newest page and on older ones.
      await addNote(caseId, n + 1, 'reçu le soir');
      await addNote(caseId, 3, 'le premier message');
      await setCategories(caseId, n, ['threat', 'insult']);
      await setCategories(caseId, 10, ['intimate-images']);
      await deleteItem(caseId, n - 1, 'doublon');
      await addFile(caseId, new File(['De: x'], 'message.eml', { type: 'message/rfc822' }), 'reçu par courriel');
    },
    /** @type {[string, number]} */ ([CASE, FILLED]),
  );
  // A capture through the worker, and an export: both appended with their rows.
  const post = await browser.context.newPage();
  await post.goto(`${server.origin}/demo/`);
  await post.bringToFront();
  await captureThroughMenu(browser.worker, post.url());
  await post.close();
  await helper.evaluate(async (caseId) => {
    const { exportBundle } = await import('/extension/shared/export.js');
    await (await exportBundle(caseId)).release();
  }, CASE);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The journal page, recording the rows first put on screen (number, hash, text of each), before
 * anything else replaces them.
 */
async function openJournal() {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const rows = document.querySelectorAll('#entries tbody tr');
      if (!rows.length) return;
      /** @type {any} */ (globalThis).firstRows = {
        rows: [...rows].map((tr) => ({ seq: tr.getAttribute('data-seq'), hash: tr.getAttribute('data-hash'), text: tr.textContent })),
        // Whether the page had read every row by then (the filters are enabled once it has).
        everyRowRead: !(/** @type {HTMLSelectElement} */ (document.getElementById('filter-platform')).disabled),
      };
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(browser.extensionUrl(`extension/pages/journal.html?case=${CASE}`));
  await page.waitForSelector('#chain[data-ok="true"]');
  return page;
}

/** The rows on screen now. @param {import('playwright-core').Page} page */
const rowsShown = (page) =>
  page.$$eval('#entries tbody tr', (trs) => trs.map((tr) => ({ seq: tr.getAttribute('data-seq'), hash: tr.getAttribute('data-hash'), text: tr.textContent })));

/** The summary's rows and the core's full view of the journal, as the page's module gives them. */
function summaryAndFullView() {
  return helper.evaluate(async (caseId) => {
    const { readRows, readJournal } = await import('/extension/shared/store.js');
    const { pagesCore, ready } = await import('/extension/shared/core.js');
    await ready();
    const { entries, head } = await readJournal(caseId);
    const view = pagesCore().caseView(caseId, entries.map(({ seq, hash, json }) => ({ seq, hash, json })));
    const stored = await readRows(caseId);
    return { head, summary: stored.summary, rows: stored.rows, items: view.items, details: view.details ?? null };
  }, CASE);
}

test('the first rows on screen are the newest, and say what the full view says', async () => {
  const page = await openJournal();
  const first = await page.evaluate(() => /** @type {any} */ (globalThis).firstRows);
  assert.equal(first.everyRowRead, false, 'the first rows came before every row was read');
  const { items } = await summaryAndFullView();
  // Captures and added files, newest first: the worker's capture, the added file, then the filled ones.
  const newest = items.map((/** @type {any} */ i) => String(i.seq)).reverse().slice(0, 50);
  assert.deepEqual(first.rows.map((/** @type {any} */ r) => r.seq), newest);
  assert.equal(Number(first.rows[0].seq), items[items.length - 1].seq, 'the newest first');
  // Once every row is read, the same page shows the same rows, word for word.
  assert.deepEqual(await rowsShown(page), first.rows);
  // What the summary gave is what the page shows: the deletion, the categories, a minor's image withheld.
  const bySeq = new Map(first.rows.map((/** @type {any} */ r) => [Number(r.seq), r.text]));
  assert.match(bySeq.get(FILLED - 1) ?? '', /Supprimé|Deleted/);
  assert.match(bySeq.get(FILLED) ?? '', /Menace/);
  // The third page: seq 3 carries its note's row, categories of 10 withhold its image.
  await page.click('#page-next');
  await page.click('#page-next');
  const third = await rowsShown(page);
  assert.deepEqual(third.map((r) => r.seq), items.map((/** @type {any} */ i) => String(i.seq)).reverse().slice(100, 150));
  assert.match(third.find((r) => r.seq === '10')?.text ?? '', /image retirée de l'affichage|image withheld|not shown/i);
  await page.close();
});

test('the summary kept with every append is the full view of the journal', async () => {
  const { summary, head, rows, items, details } = await summaryAndFullView();
  assert.deepEqual({ seq: summary?.seq, hash: summary?.hash }, head, 'the summary reflects the head');
  assert.equal(summary?.items, items.length);
  assert.deepEqual(rows, items, 'every row is the core\'s fold of the journal');
  assert.deepEqual(summary?.details ?? null, details);
  const kinds = items.map((/** @type {any} */ i) => (i.file ? 'file' : 'capture'));
  assert.equal(kinds.filter((k) => k === 'file').length, 1);
  assert.equal(items.find((/** @type {any} */ i) => i.seq === 3)?.notes[0]?.text, 'le premier message');
  assert.equal(items.find((/** @type {any} */ i) => i.seq === FILLED - 1)?.deleted?.reason, 'doublon');
});

test('a summary that does not reflect the journal is rebuilt from it, and shows the same', async () => {
  const before = await openJournal();
  const shown = await rowsShown(before);
  await before.close();
  // As a journal written before the summary existed: no summary, or one left behind.
  for (const spoil of ['drop', 'behind']) {
    await helper.evaluate(
      async ([caseId, how]) => {
        const db = await new Promise((ok, ko) => {
          const r = indexedDB.open('temoin');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => ko(r.error);
        });
        const tx = /** @type {IDBDatabase} */ (db).transaction(['views', 'rows'], 'readwrite');
        if (how === 'drop') {
          tx.objectStore('views').delete(caseId);
          tx.objectStore('rows').delete(IDBKeyRange.bound([caseId, 0], [caseId, Number.MAX_SAFE_INTEGER]));
        } else {
          const get = tx.objectStore('views').get(caseId);
          get.onsuccess = () => tx.objectStore('views').put({ ...get.result, seq: get.result.seq - 1 });
        }
        await new Promise((ok) => {
          tx.oncomplete = ok;
        });
        /** @type {IDBDatabase} */ (db).close();
      },
      /** @type {[string, string]} */ ([CASE, spoil]),
    );
    const page = await openJournal();
    assert.deepEqual(await rowsShown(page), shown, `${spoil}: the same rows`);
    await page.close();
    const { summary, head, rows, items } = await summaryAndFullView();
    assert.deepEqual({ seq: summary?.seq, hash: summary?.hash }, head, `${spoil}: rebuilt`);
    assert.deepEqual(rows, items);
  }
});

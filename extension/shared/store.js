// The journal's storage: one IndexedDB database shared by the service worker and the
// extension's pages. An entry, its artifacts and the new head are written in ONE
// transaction, so a worker killed mid-capture leaves the whole capture or nothing.
//
// The same transaction keeps the journal page's summary (stores `rows` and `views`): one row per
// capture or added file, as the core folds it (view.rs), and per case the head it reflects and
// the case's details. The page shows the newest rows from there without reading the journal;
// a summary whose head is not the journal's (a journal written before it existed) is rebuilt
// from the entries, and the full chain is still verified after the first rows are shown.

import { core } from './core.js';
import { t } from './i18n.js';

const DB_NAME = 'temoin';
const DB_VERSION = 2;
export const DEFAULT_CASE_ID = 'default';

/**
 * @typedef {{ seq: number, hash: string }} Head
 * @typedef {{ caseId: string, seq: number, hash: string, json: string }} StoredEntry
 * @typedef {{ caseId: string, seq: number, name: string, mediaType: string, size: number, blob: Blob }} StoredArtifact
 * @typedef {{ name: string, mediaType: string, bytes: Uint8Array<ArrayBuffer>, blob?: Blob }} NewArtifact `blob`:
 *   the same bytes put in a Blob beforehand (capture-record.js `hashedNow`), stored as it is
 * @typedef {{ seq: number, hash: string, json: string }} SealedEntry
 * @typedef {{ id: string, title: string, createdAt: string }} CaseRecord
 * @typedef {import('./types/ItemView').ItemView} ItemView
 * @typedef {import('./types/CaseDetails').CaseDetails} CaseDetails
 * @typedef {{ caseId: string, seq: number, item: ItemView }} StoredRow
 * @typedef {{ caseId: string, seq: number, hash: string, items: number, details?: CaseDetails }} StoredSummary
 */

/** @type {Promise<IDBDatabase> | null} */
let opening = null;

/** @returns {Promise<IDBDatabase>} */
export function openDb() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = (event) => {
        const db = req.result;
        if (event.oldVersion < 1) {
          db.createObjectStore('cases', { keyPath: 'id' });
          db.createObjectStore('heads', { keyPath: 'caseId' });
          db.createObjectStore('entries', { keyPath: ['caseId', 'seq'] });
          db.createObjectStore('artifacts', { keyPath: ['caseId', 'seq', 'name'] });
        }
        if (event.oldVersion < 2) {
          // Existing cases have no summary yet: the journal page builds it once.
          db.createObjectStore('rows', { keyPath: ['caseId', 'seq'] });
          db.createObjectStore('views', { keyPath: 'caseId' });
        }
      };
      req.onsuccess = () => {
        const db = req.result;
        // Another context upgrading the schema must not be blocked by this one.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      req.onerror = () => {
        opening = null;
        reject(req.error);
      };
    });
  }
  return opening;
}

/**
 * @template T
 * @param {IDBRequest<T>} req
 * @returns {Promise<T>}
 */
function settle(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** @param {IDBTransaction} tx @returns {Promise<void>} */
function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
    tx.onerror = () => reject(tx.error);
  });
}

/** @param {string} caseId */
function caseRange(caseId) {
  return IDBKeyRange.bound([caseId, 0], [caseId, Number.MAX_SAFE_INTEGER]);
}

/**
 * Appends one entry to a case. `seal(head)` must be synchronous: it runs inside the
 * transaction, after the head is read, so concurrent appends serialise on IndexedDB's lock
 * and each new entry links to the true previous head. In the same transaction it stores the
 * entry's new artifacts, deletes the artifacts of `deleteArtifactsOf` (a deletion entry),
 * records the case's title and updates the journal page's summary.
 * @param {string} caseId
 * @param {(head: Head) => SealedEntry} seal
 * With `expectSeq`, the append fails with code `head-moved` if the entry would get another
 * number (another capture landed first): the caller rebuilds what shows the number.
 * @param {{ genesis: Head, artifacts?: NewArtifact[], deleteArtifactsOf?: number, caseTitle?: string, expectSeq?: number }} options
 * @returns {Promise<SealedEntry>}
 */
export async function appendEntry(caseId, seal, { genesis, artifacts = [], deleteArtifactsOf, caseTitle, expectSeq }) {
  const [sealed] = await appendInTransaction(caseId, (head) => {
    if (expectSeq !== undefined && head.seq + 1 !== expectSeq) {
      throw Object.assign(new Error(`entry ${expectSeq} was taken by another capture`), { code: 'head-moved' });
    }
    return [seal(head)];
  }, { genesis, artifacts, deleteArtifactsOf, caseTitle });
  return sealed;
}

/**
 * Appends entries sealed beforehand (an export's entry, and the time stamp of it that came back
 * in time), in one transaction, if the case's head is still `expectHead`, the head they were
 * sealed after; otherwise nothing is written and the error's code is `head-moved`.
 * @param {string} caseId @param {SealedEntry[]} entries @param {Head} expectHead
 * @returns {Promise<void>}
 */
export async function appendSealed(caseId, entries, expectHead) {
  await appendInTransaction(caseId, (head) => {
    if (head.seq !== expectHead.seq || head.hash !== expectHead.hash) {
      throw Object.assign(new Error(`entry ${expectHead.seq + 1} was taken by another entry`), { code: 'head-moved' });
    }
    return entries;
  }, { genesis: core.genesisHead() });
}

/**
 * The Blob an artifact is stored as: the one made of its bytes beforehand, or one made now.
 * Made here, a copy of tens of MB held the transaction back (BENCHMARKS.md §3).
 * @param {NewArtifact} a
 */
function storedBlob(a) {
  const ready = a.blob;
  if (!ready) return new Blob([a.bytes], { type: a.mediaType });
  // A Blob of other bytes would be stored under their digest: a fault of the caller's.
  if (ready.size !== a.bytes.byteLength || ready.type !== a.mediaType.toLowerCase()) throw new Error(`the Blob made for ${a.name} is not of its bytes`);
  return ready;
}

/**
 * @param {string} caseId
 * @param {(head: Head) => SealedEntry[]} seal the entries to append after `head`, in order
 * @param {{ genesis: Head, artifacts?: NewArtifact[], deleteArtifactsOf?: number, caseTitle?: string }} options
 * @returns {Promise<SealedEntry[]>}
 */
async function appendInTransaction(caseId, seal, { genesis, artifacts = [], deleteArtifactsOf, caseTitle }) {
  const db = await openDb();
  const tx = db.transaction(['cases', 'heads', 'entries', 'artifacts', 'rows', 'views'], 'readwrite');
  const finished = done(tx);
  /** @type {SealedEntry[]} */
  let sealed;
  try {
    const [existingCase, storedHead, summary] = await Promise.all([
      settle(tx.objectStore('cases').get(caseId)),
      settle(tx.objectStore('heads').get(caseId)),
      /** @type {Promise<StoredSummary | undefined>} */ (settle(tx.objectStore('views').get(caseId))),
    ]);
    const head = storedHead ? { seq: storedHead.seq, hash: storedHead.hash } : genesis;
    sealed = seal(head);
    if (!existingCase || caseTitle !== undefined) {
      tx.objectStore('cases').put(/** @type {CaseRecord} */ ({
        id: caseId,
        title: caseTitle ?? defaultTitle(caseId),
        createdAt: existingCase?.createdAt ?? new Date().toISOString(),
      }));
    }
    if (deleteArtifactsOf !== undefined) {
      tx.objectStore('artifacts').delete(artifactRange(caseId, deleteArtifactsOf));
    }
    const last = sealed[sealed.length - 1];
    for (const a of artifacts) {
      tx.objectStore('artifacts').put(/** @type {StoredArtifact} */ ({
        caseId,
        seq: sealed[0].seq,
        name: a.name,
        mediaType: a.mediaType,
        size: a.bytes.byteLength,
        blob: storedBlob(a),
      }));
    }
    for (const entry of sealed) tx.objectStore('entries').put(/** @type {StoredEntry} */ ({ caseId, ...entry }));
    tx.objectStore('heads').put({ caseId, seq: last.seq, hash: last.hash });
    // The summary follows only if it reflected the head this append starts from (a new case
    // has none yet): otherwise it is already stale, and the journal page rebuilds it.
    const current = summary ?? (storedHead ? undefined : { caseId, seq: genesis.seq, hash: genesis.hash, items: 0 });
    if (current && current.seq === head.seq && current.hash === head.hash) {
      await foldIntoSummary(tx, caseId, current, sealed);
    }
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: the error below is the one that matters.
    }
    await finished.catch(() => {});
    throw e;
  }
  await finished;
  return sealed;
}

/**
 * Applies new entries to a case's rows and summary, in the append's transaction. What a row
 * shows is the core's (`rowChange`, `applyToRow`: the steps `caseView` folds the whole journal
 * with). Should the core refuse (it never should with an entry it has just sealed), the summary
 * is dropped, to be rebuilt from the journal, rather than the entry refused.
 * @param {IDBTransaction} tx @param {string} caseId @param {StoredSummary} summary @param {SealedEntry[]} entries
 */
async function foldIntoSummary(tx, caseId, summary, entries) {
  const rows = tx.objectStore('rows');
  const next = { ...summary };
  try {
    for (const entry of entries) {
      const change = core.rowChange(entry);
      if (change.item) {
        rows.put(/** @type {StoredRow} */ ({ caseId, seq: entry.seq, item: change.item }));
        next.items += 1;
      }
      if (change.details) next.details = change.details;
      if (typeof change.target === 'number') {
        const row = /** @type {StoredRow | undefined} */ (await settle(rows.get([caseId, change.target])));
        if (row) rows.put({ ...row, item: core.applyToRow(row.item, entry) });
      }
      next.seq = entry.seq;
      next.hash = entry.hash;
    }
  } catch (e) {
    console.warn('the journal page summary will be rebuilt', e);
    tx.objectStore('views').delete(caseId);
    return;
  }
  tx.objectStore('views').put(next);
}

/** A case's name before it has one of its own: « Mon dossier » for the default case. @param {string} caseId */
export function defaultTitle(caseId) {
  return caseId === DEFAULT_CASE_ID ? t('defaultCaseTitle') || caseId : caseId;
}

/** @param {string} caseId @param {number} seq */
function artifactRange(caseId, seq) {
  return IDBKeyRange.bound([caseId, seq, ''], [caseId, seq, '\uffff']);
}

/** @param {string} caseId @param {number} seq @returns {Promise<StoredArtifact[]>} */
export async function artifactsOf(caseId, seq) {
  const db = await openDb();
  return settle(db.transaction('artifacts').objectStore('artifacts').getAll(artifactRange(caseId, seq)));
}

/** @param {string} caseId @param {number} seq @param {string} name @returns {Promise<StoredArtifact | undefined>} */
export async function getArtifact(caseId, seq, name) {
  const db = await openDb();
  return settle(db.transaction('artifacts').objectStore('artifacts').get([caseId, seq, name]));
}

/** @param {string} caseId @returns {Promise<StoredEntry[]>} ordered by number */
export async function listEntries(caseId) {
  const db = await openDb();
  return settle(db.transaction('entries').objectStore('entries').getAll(caseRange(caseId)));
}

/** @param {string} caseId @returns {Promise<Head | undefined>} */
export async function getHead(caseId) {
  const db = await openDb();
  const h = await settle(db.transaction('heads').objectStore('heads').get(caseId));
  return h ? { seq: h.seq, hash: h.hash } : undefined;
}

/** @param {string} caseId @returns {Promise<StoredArtifact[]>} */
export async function listArtifacts(caseId) {
  const db = await openDb();
  const range = IDBKeyRange.bound([caseId, 0, ''], [caseId, Number.MAX_SAFE_INTEGER, '\uffff']);
  return settle(db.transaction('artifacts').objectStore('artifacts').getAll(range));
}

/** @returns {Promise<CaseRecord[]>} */
export async function listCases() {
  const db = await openDb();
  return settle(db.transaction('cases').objectStore('cases').getAll());
}

/**
 * The journal page's first look at a case, from one snapshot: its summary if it reflects the
 * journal's head (else `fresh` is false), and its newest rows, `limit` of them after `offset`.
 * @param {string} caseId @param {{ offset?: number, limit: number }} page
 * @returns {Promise<{ fresh: boolean, head: Head | undefined, summary: StoredSummary | undefined, record: CaseRecord | undefined, rows: ItemView[] }>}
 */
export async function readSummary(caseId, { offset = 0, limit }) {
  const db = await openDb();
  const tx = db.transaction(['heads', 'views', 'rows', 'cases']);
  const [head, summary, record] = await Promise.all([
    settle(tx.objectStore('heads').get(caseId)),
    /** @type {Promise<StoredSummary | undefined>} */ (settle(tx.objectStore('views').get(caseId))),
    /** @type {Promise<CaseRecord | undefined>} */ (settle(tx.objectStore('cases').get(caseId))),
  ]);
  const fresh = summaryIsFresh(head, summary);
  const rows = fresh ? await newestRows(tx.objectStore('rows'), caseId, offset, limit) : [];
  return { fresh, head: head ? { seq: head.seq, hash: head.hash } : undefined, summary, record, rows };
}

/**
 * Whether a summary reflects the journal whose head is `head` (a case without entries has
 * nothing to reflect).
 * @param {Head | undefined} head @param {StoredSummary | undefined} summary
 */
export function summaryIsFresh(head, summary) {
  return head ? summary?.seq === head.seq && summary.hash === head.hash : !summary || summary.items === 0;
}

/**
 * Rows newest first: `limit` of them after skipping `offset`.
 * @param {IDBObjectStore} store @param {string} caseId @param {number} offset @param {number} limit
 * @returns {Promise<ItemView[]>}
 */
function newestRows(store, caseId, offset, limit) {
  return new Promise((resolve, reject) => {
    /** @type {ItemView[]} */
    const out = [];
    let skipped = offset === 0;
    const req = store.openCursor(caseRange(caseId), 'prev');
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor || out.length >= limit) return resolve(out);
      if (!skipped) {
        skipped = true;
        cursor.advance(offset);
        return;
      }
      out.push(/** @type {StoredRow} */ (cursor.value).item);
      cursor.continue();
    };
    req.onerror = () => reject(req.error);
  });
}

/**
 * Every row of a case, in journal order, with the summary they belong to (one snapshot).
 * @param {string} caseId
 * @returns {Promise<{ summary: StoredSummary | undefined, head: Head | undefined, rows: ItemView[] }>}
 */
export async function readRows(caseId) {
  const db = await openDb();
  const tx = db.transaction(['heads', 'views', 'rows']);
  const [head, summary, rows] = await Promise.all([
    settle(tx.objectStore('heads').get(caseId)),
    /** @type {Promise<StoredSummary | undefined>} */ (settle(tx.objectStore('views').get(caseId))),
    /** @type {Promise<StoredRow[]>} */ (settle(tx.objectStore('rows').getAll(caseRange(caseId)))),
  ]);
  return { summary, head: head ? { seq: head.seq, hash: head.hash } : undefined, rows: rows.map((r) => r.item) };
}

/**
 * Writes a case's summary anew from the core's fold of `entries` (the whole journal, whose
 * last entry is `head`), unless the journal has moved on since they were read.
 * @param {string} caseId @param {Head} head
 * @param {{ details?: CaseDetails | null, items: ItemView[] }} view
 * @returns {Promise<boolean>} whether it was written
 */
export async function writeSummary(caseId, head, view) {
  const db = await openDb();
  const tx = db.transaction(['heads', 'rows', 'views'], 'readwrite');
  const finished = done(tx);
  const stored = await settle(tx.objectStore('heads').get(caseId));
  if (stored?.seq !== head.seq || stored?.hash !== head.hash) {
    tx.abort();
    await finished.catch(() => {});
    return false;
  }
  const rows = tx.objectStore('rows');
  rows.delete(caseRange(caseId));
  for (const item of view.items) rows.put(/** @type {StoredRow} */ ({ caseId, seq: item.seq, item }));
  /** @type {StoredSummary} */
  const summary = { caseId, seq: head.seq, hash: head.hash, items: view.items.length };
  if (view.details) summary.details = view.details;
  tx.objectStore('views').put(summary);
  await finished;
  return true;
}

/** The entries of a case and its head, from one snapshot. @param {string} caseId */
export async function readJournal(caseId) {
  const db = await openDb();
  const tx = db.transaction(['entries', 'heads']);
  const [entries, head] = await Promise.all([
    /** @type {Promise<StoredEntry[]>} */ (settle(tx.objectStore('entries').getAll(caseRange(caseId)))),
    settle(tx.objectStore('heads').get(caseId)),
  ]);
  return { entries, head: head ? { seq: head.seq, hash: head.hash } : undefined };
}

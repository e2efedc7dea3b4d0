// The journal's storage: one IndexedDB database shared by the service worker and the
// extension's pages. An entry, its artifacts and the new head are written in ONE
// transaction, so a worker killed mid-capture leaves the whole capture or nothing.

import { t } from './i18n.js';

const DB_NAME = 'temoin';
const DB_VERSION = 1;
export const DEFAULT_CASE_ID = 'default';

/**
 * @typedef {{ seq: number, hash: string }} Head
 * @typedef {{ caseId: string, seq: number, hash: string, json: string }} StoredEntry
 * @typedef {{ caseId: string, seq: number, name: string, mediaType: string, size: number, blob: Blob }} StoredArtifact
 * @typedef {{ name: string, mediaType: string, bytes: Uint8Array<ArrayBuffer> }} NewArtifact
 * @typedef {{ seq: number, hash: string, json: string }} SealedEntry
 * @typedef {{ id: string, title: string, createdAt: string }} CaseRecord
 */

/** @type {Promise<IDBDatabase> | null} */
let opening = null;

/** @returns {Promise<IDBDatabase>} */
export function openDb() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('cases', { keyPath: 'id' });
        db.createObjectStore('heads', { keyPath: 'caseId' });
        db.createObjectStore('entries', { keyPath: ['caseId', 'seq'] });
        db.createObjectStore('artifacts', { keyPath: ['caseId', 'seq', 'name'] });
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
 * entry's new artifacts, deletes the artifacts of `deleteArtifactsOf` (a deletion entry), and
 * records the case's title.
 * @param {string} caseId
 * @param {(head: Head) => SealedEntry} seal
 * With `expectSeq`, the append fails with code `head-moved` if the entry would get another
 * number (another capture landed first): the caller rebuilds what shows the number.
 * @param {{ genesis: Head, artifacts?: NewArtifact[], deleteArtifactsOf?: number, caseTitle?: string, expectSeq?: number }} options
 * @returns {Promise<SealedEntry>}
 */
export async function appendEntry(caseId, seal, { genesis, artifacts = [], deleteArtifactsOf, caseTitle, expectSeq }) {
  const db = await openDb();
  const tx = db.transaction(['cases', 'heads', 'entries', 'artifacts'], 'readwrite');
  const finished = done(tx);
  /** @type {SealedEntry} */
  let sealed;
  try {
    const [existingCase, storedHead] = await Promise.all([
      settle(tx.objectStore('cases').get(caseId)),
      settle(tx.objectStore('heads').get(caseId)),
    ]);
    const head = storedHead ? { seq: storedHead.seq, hash: storedHead.hash } : genesis;
    if (expectSeq !== undefined && head.seq + 1 !== expectSeq) {
      throw Object.assign(new Error(`entry ${expectSeq} was taken by another capture`), { code: 'head-moved' });
    }
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
    for (const a of artifacts) {
      tx.objectStore('artifacts').put(/** @type {StoredArtifact} */ ({
        caseId,
        seq: sealed.seq,
        name: a.name,
        mediaType: a.mediaType,
        size: a.bytes.byteLength,
        blob: new Blob([a.bytes], { type: a.mediaType }),
      }));
    }
    tx.objectStore('entries').put(/** @type {StoredEntry} */ ({ caseId, ...sealed }));
    tx.objectStore('heads').put({ caseId, seq: sealed.seq, hash: sealed.hash });
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

/** @param {string} caseId */
function defaultTitle(caseId) {
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

// The journal's operations, shared by the service worker and the pages. Each one appends an
// entry through the core; nothing ever edits an entry or an artifact already stored.
import { core, pagesCore, ready } from './core.js';
import { appendEntry, artifactsOf, defaultTitle, getHead, listArtifacts, listCases, listEntries, readJournal, readRows, readSummary, summaryIsFresh, writeSummary } from './store.js';

/**
 * @typedef {import('./store.js').NewArtifact} NewArtifact
  * @typedef {import('./store.js').SealedEntry} SealedEntry
 * @typedef {import('./types.js').EventBody} EventBody
 * @typedef {import('./types.js').Head} Head
 */

/**
 * Seals `body` (an event body with its `kind`) as the next entry of the case.
 * @param {string} caseId
  * @param {EventBody} body
 * @param {{ artifacts?: NewArtifact[], deleteArtifactsOf?: number, caseTitle?: string, expectSeq?: number }} [options]
 * @returns {Promise<SealedEntry>}
 */
export async function appendEvent(caseId, body, options = {}) {
  await ready();
  return appendEntry(caseId, (head) => core.sealEvent(head, caseId, new Date().toISOString(), body), {
    genesis: core.genesisHead(),
    ...options,
  });
}

/** @param {string} caseId @param {number} entry @param {string} text */
export function addNote(caseId, entry, text) {
  return appendEvent(caseId, { kind: 'note', entry, text });
}

/** @param {string} caseId @param {number} entry @param {import('./types/Category').Category[]} categories */
export function setCategories(caseId, entry, categories) {
  return appendEvent(caseId, { kind: 'categories', entry, categories });
}

/**
 * Deletes the files of a capture or added file. The entry stays; a deletion entry keeps their
 * digests (the tombstone), and the files go in the same transaction.
 * @param {string} caseId @param {number} entry @param {string} reason
 */
export async function deleteItem(caseId, entry, reason) {
  await ready();
  const stored = await listEntries(caseId);
  const target = stored.find((e) => e.seq === entry);
  if (!target) throw new Error(`entry ${entry} does not exist`);
    const { body } = core.parseEvent(target.json);
  const removed = body.kind === 'capture' || body.kind === 'fileAdded' ? body.artifacts : [];
  return appendEvent(caseId, { kind: 'deletion', entry, reason, removed }, {
    deleteArtifactsOf: entry,
  });
}

/**
 * @param {string} caseId
 * @param {{ title: string, person: string, minor: boolean, description: string, school?: boolean }} details
 * `school`: the people acting are pupils or staff of the person's school.
 */
export function saveCaseDetails(caseId, details) {
  return appendEvent(caseId, { kind: 'caseDetails', ...details }, { caseTitle: details.title });
}

/**
 * Adds a file from the user's device (a phone screenshot, a saved e-mail...), hashed as is.
 * @param {string} caseId @param {File} file @param {string} description
 */
export async function addFile(caseId, file, description) {
  await ready();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const name = core.artifactNameFor(file.name);
  const mediaType = file.type || 'application/octet-stream';
  return appendEvent(
    caseId,
    {
      kind: 'fileAdded',
      originalName: file.name,
      description,
      artifacts: [{ name, mediaType, size: bytes.byteLength, sha256: core.sha256Hex(bytes), method: 'added-by-user' }],
    },
    { artifacts: [{ name, mediaType, bytes }] },
  );
}

/**
 * A case as people read it; `verifyChain` checks it (kept apart: a page shows the case first).
 * @param {string} caseId
 */
export async function loadCase(caseId) {
  await ready();
  const [entries, head, cases] = await Promise.all([listEntries(caseId), getHead(caseId), listCases()]);
  const plain = entries.map(({ seq, hash, json }) => ({ seq, hash, json }));
  const view = pagesCore().caseView(caseId, plain);
  return {
    caseId,
    entries: plain,
    head,
    /** The case's name for people, as `titleOf` gives it, from the records already read. */
    title: /** @type {string} */ (view.details?.title ?? cases.find((c) => c.id === caseId)?.title ?? defaultTitle(caseId)),
    view,
  };
}

/**
 * The case's name for people: its details' title, else the title it was created with.
 * @param {string} caseId @param {{ title?: string } | null | undefined} details
 * @param {{ title: string } | undefined} [record] the case's record, when already read
 */
async function titleOf(caseId, details, record = undefined) {
  if (details?.title) return details.title;
  // A case with no capture yet has no record: the default case is « Mon dossier », not "default".
  return (record ?? (await listCases()).find((c) => c.id === caseId))?.title ?? defaultTitle(caseId);
}

/**
 * The journal page's first look: `limit` rows, newest first after `offset`, from the summary
 * the store keeps with each append (no entry is read, nothing folded). `null` when that summary
 * does not reflect the journal (written before it existed): `loadRows` rebuilds it.
 * @param {string} caseId @param {{ offset?: number, limit: number }} page
 */
export async function newestRows(caseId, page) {
  const { fresh, head, summary, record, rows } = await readSummary(caseId, page);
  if (!fresh) return null;
  return {
    caseId,
    head,
    /** How many captures and added files the case has. */
    count: summary?.items ?? 0,
    details: summary?.details,
    title: await titleOf(caseId, summary?.details, record),
    rows,
  };
}

/**
 * Every row of the case in journal order (the items of its case view) and its details, from the
 * summary; a summary that does not reflect the journal is first rebuilt from the core's fold of
 * every entry, the very view `loadCase` gives.
 * @param {string} caseId
 */
export async function loadRows(caseId) {
  const stored = await readRows(caseId);
  if (summaryIsFresh(stored.head, stored.summary)) {
    const details = stored.summary?.details;
    return { caseId, head: stored.head, title: await titleOf(caseId, details), view: { details, items: stored.rows } };
  }
  await ready();
  const { entries, head } = await readJournal(caseId);
  const view = pagesCore().caseView(caseId, entries.map(({ seq, hash, json }) => ({ seq, hash, json })));
  if (head) await writeSummary(caseId, head, view);
  return { caseId, head, title: await titleOf(caseId, view.details), view: { details: view.details, items: view.items } };
}

/**
 * The case's chain as stored now, verified (entries and head, read in one snapshot).
 * @param {string} caseId
 */
export async function verifyStoredChain(caseId) {
  await ready();
  const { entries, head } = await readJournal(caseId);
  return verifyChain({ caseId, entries: entries.map(({ seq, hash, json }) => ({ seq, hash, json })), head });
}

/**
 * The chain of a loaded case, verified (entries and head; the files are `verifyEverything`'s).
  * @param {{ caseId: string, entries: { seq: number, hash: string, json: string }[], head?: Head | null }} loaded
 */
export async function verifyChain(loaded) {
  await ready();
  return pagesCore().verifyJournal(loaded.caseId, loaded.entries, null, loaded.head ?? null);
}

/**
 * The full check: the chain and every stored file's SHA-256, recomputed now.
 * @param {string} caseId
 * @param {(done: number, total: number) => void} [onProgress]
 */
export async function verifyEverything(caseId, onProgress) {
  await ready();
  const [entries, head, stored] = await Promise.all([listEntries(caseId), getHead(caseId), listArtifacts(caseId)]);
  const digests = [];
  for (const [i, a] of stored.entries()) {
    const bytes = new Uint8Array(await a.blob.arrayBuffer());
    digests.push({ seq: a.seq, name: a.name, size: a.size, sha256: core.sha256Hex(bytes) });
    onProgress?.(i + 1, stored.length);
  }
  return pagesCore().verifyJournal(
    caseId,
    entries.map(({ seq, hash, json }) => ({ seq, hash, json })),
    digests,
    head ?? null,
  );
}

export { artifactsOf };

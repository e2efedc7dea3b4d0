// Independent time (RFC 3161), when the user turned it on: the hash of an entry (only its
// fingerprint, never content) goes to the chosen time-stamping authority, whose signed token
// comes back as a `timestamp` entry of the same journal. A capture never waits for it: what
// cannot be stamped now waits in a queue (extension storage) and is tried again later.
import { core, ready } from './core.js';
import { appendEvent } from './journal.js';
import { timestampSettings } from './settings.js';

/** How long an authority may take to answer. */
const ANSWER_TIMEOUT_MS = 15_000;
/** How many rounds of issuer certificates are fetched to complete a chain. */
const ISSUER_ROUNDS = 3;
const QUEUE_KEY = 'timestampQueue';

/**
 * @typedef {{ caseId: string, seq: number, hash: string }} Pending
 * @typedef {{ seq: number, hash: string, json: string }} SealedEntry
 */

/** @returns {Promise<Pending[]>} */
async function pending() {
  const { [QUEUE_KEY]: queue } = await chrome.storage.local.get(QUEUE_KEY);
  return Array.isArray(queue) ? queue : [];
}

/** @param {Pending[]} queue */
async function savePending(queue) {
  await chrome.storage.local.set({ [QUEUE_KEY]: queue });
}

/** Queues an entry's hash to be stamped (when the option is on). @param {Pending} item */
export async function queueTimestamp(item) {
  if (!(await timestampSettings()).enabled) return;
  const queue = await pending();
  if (!queue.some((q) => q.caseId === item.caseId && q.seq === item.seq)) await savePending([...queue, item]);
}

/** @param {string} url @param {RequestInit} init */
async function post(url, init) {
  const response = await fetch(url, { ...init, credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) });
  if (!response.ok) throw Object.assign(new Error(`the authority answered ${response.status}`), { code: 'timestamp-unavailable' });
  return new Uint8Array(await response.arrayBuffer());
}

/** A random nonce, as the 16 hex digits the core takes. */
function nonce() {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Asks the authority to stamp `hash`, completes the chain of certificates from the issuers'
 * addresses, and returns the `timestamp` event body (not yet sealed).
 * @param {string} authority @param {number} seq @param {string} hash
 */
export async function requestTimestamp(authority, seq, hash) {
  await ready();
  const answer = await post(authority, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
    // wasm-bindgen returns a copy in a fresh ArrayBuffer.
    body: /** @type {Uint8Array<ArrayBuffer>} */ (core.timestampRequest(hash, nonce())),
  });
  const token = core.timestampToken(answer);
  /** @type {Uint8Array[]} */
  const more = [];
  for (let round = 0; round < ISSUER_ROUNDS; round += 1) {
    /** @type {string[]} */
    const urls = core.timestampIssuerUrls(token, more);
    if (urls.length === 0) break;
    for (const url of urls) {
      const der = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) })
        .then((r) => (r.ok ? r.arrayBuffer() : null))
        .catch(() => null);
      // DER certificates only (a SEQUENCE); anything else is left out and the verifier says where the chain stops.
      if (der && new Uint8Array(der)[0] === 0x30) more.push(new Uint8Array(der));
    }
  }
  return core.timestampEvent(seq, authority, token, more);
}

/**
 * The `timestamp` event body for entry `sealed` (an export entry, not yet appended), asked of the
 * authority now, for an export that can carry it; `null` when independent time is off or the
 * authority did not answer. A failed stamp is not queued, so that a stamp of an export entry
 * right after it is always one its bundle carries (a later capture's stamp, which chains to it,
 * attests it too).
 * @param {SealedEntry} sealed
 * @returns {Promise<import('./types.js').EventBody | null>}
 */
export async function exportTimestamp(sealed) {
  const settings = await timestampSettings();
  if (!settings.enabled) return null;
  try {
    return await requestTimestamp(settings.authority, sealed.seq, sealed.hash);
  } catch (e) {
    console.warn('the export goes without a time stamp of its own', e);
    return null;
  }
}

/**
 * Tries every queued stamp once; what fails stays queued. Returns how many are left.
 * @returns {Promise<number>}
 */
export async function processTimestampQueue() {
  const settings = await timestampSettings();
  let queue = await pending();
  if (!settings.enabled || queue.length === 0) return queue.length;
  for (const item of queue) {
    try {
      const body = await requestTimestamp(settings.authority, item.seq, item.hash);
      await appendEvent(item.caseId, body);
      queue = (await pending()).filter((q) => !(q.caseId === item.caseId && q.seq === item.seq));
      await savePending(queue);
    } catch (e) {
      console.warn(`time stamp of entry ${item.seq} deferred`, e);
      // Offline, or the authority is down: the rest would fail the same way.
      break;
    }
  }
  return (await pending()).length;
}

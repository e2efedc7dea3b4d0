// Checks on a journal read straight from IndexedDB, in Node, with none of the extension's code:
// each entry hashes to its stored hash, links to the one before, and the head is the last one.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

export const sha256 = (/** @type {Buffer | string} */ b) => createHash('sha256').update(b).digest('hex');
const GENESIS = '0'.repeat(64);

/**
 * @param {{ entries: { seq: number, hash: string, json: string }[], head: { seq: number, hash: string } | undefined }} stored
 */
export function assertChainValid(stored) {
  let prev = GENESIS;
  stored.entries.forEach((e, i) => {
    assert.equal(e.seq, i + 1, 'entries are numbered from 1 without a gap');
    assert.equal(sha256(e.json), e.hash, `entry ${e.seq} hashes to its stored hash`);
    const event = JSON.parse(e.json);
    assert.equal(event.seq, e.seq);
    assert.equal(event.prev, prev, `entry ${e.seq} links to the one before`);
    prev = e.hash;
  });
  const last = stored.entries.at(-1);
  if (last) assert.deepEqual(stored.head, { caseId: stored.head?.caseId, seq: last.seq, hash: last.hash }, 'the head is the last entry');
  else assert.equal(stored.head, undefined);
}

/**
 * Every artifact an entry lists is stored, whole: same size, same SHA-256.
 * @param {{ seq: number, json: string }} entry
 * @param {{ seq: number, name: string, size: number, base64: string }[]} artifacts
 */
export function assertEntryWhole(entry, artifacts) {
  const listed = JSON.parse(entry.json).body.artifacts ?? [];
  const stored = artifacts.filter((a) => a.seq === entry.seq);
  assert.equal(stored.length, listed.length, `entry ${entry.seq}: as many files stored as listed`);
  for (const a of listed) {
    const s = stored.find((x) => x.name === a.name);
    assert.ok(s, `entry ${entry.seq}: ${a.name} is stored`);
    const bytes = Buffer.from(s.base64, 'base64');
    assert.equal(bytes.length, a.size, `${a.name}: size`);
    assert.equal(sha256(bytes), a.sha256, `entry ${entry.seq}: ${a.name} matches its digest`);
  }
}

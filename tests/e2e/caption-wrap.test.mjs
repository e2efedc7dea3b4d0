// The caption band of a post's captioned copy shows every word: long lines wrap, an address
// anywhere, other text at spaces (extension/background/images.js, wrapText).
import assert from 'node:assert/strict';
import test from 'node:test';
import { wrapText } from '../../extension/background/images.js';

/** A monospace stand-in for a canvas: 7 px per character. */
const ctx = { measureText: (/** @type {string} */ text) => ({ width: text.length * 7 }) };

test('a caption line wider than the band wraps at spaces and loses nothing', () => {
  const line = 'Capturé le 29 novembre 2026 à 19:24:23 (UTC+01:00), heure de l’appareil — soit le 29 novembre 2026 à 18:24:23 UTC';
  const lines = wrapText(ctx, line, 40 * 7);
  assert.ok(lines.length > 1);
  assert.ok(lines.every((l) => l.length <= 40), JSON.stringify(lines));
  assert.equal(lines.join(' '), line);
});

test('an address with no space wraps anywhere and keeps every character', () => {
  const url = `https://x.com/corbeau_noir/status/1790000000000000042?${'s=20&t='.repeat(30)}end`;
  const lines = wrapText(ctx, url, 50 * 7);
  assert.ok(lines.every((l) => l.length <= 50));
  assert.equal(lines.join(''), url);
});

test('a line that fits stays as it is', () => {
  assert.deepEqual(wrapText(ctx, 'Capture n° 3', 400), ['Capture n° 3']);
});

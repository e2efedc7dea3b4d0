// 1. SHA-256 in the service worker: the core (one call, and streamed in 1 MB pieces), against
// the browser's native crypto.subtle.digest (the limit) and hash-wasm (ArchiveWeb.page's WASM
// hasher, the peer), on the same buffers, interleaved, in the same worker.
import { readFile } from 'node:fs/promises';
import { fmt, median } from './stats.mjs';

const SIZES_MB = [1, 16, 64];
const ROUNDS = 9;

/** @param {import('playwright-core').Worker} worker */
export async function benchHashing(worker) {
  const hashWasm = await readFile(new URL('../../node_modules/hash-wasm/dist/sha256.umd.min.js', import.meta.url), 'utf8');
  // Evaluated through the DevTools protocol, which the extension's CSP does not govern: the
  // peer is loaded for the measurement only, never shipped.
  await worker.evaluate(`${hashWasm};typeof globalThis.hashwasm`);
  const raw = await worker.evaluate(
    async ({ sizes, rounds }) => {
      const g = /** @type {any} */ (globalThis);
      const core = g.temoin.core;
      await g.temoin.ready();
      const hex = (/** @type {ArrayBuffer} */ b) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
      /** @type {Record<string, (b: Uint8Array) => Promise<string>>} */
      const methods = {
        'core, one call': async (b) => core.sha256Hex(b),
        'core, 1 MB pieces': async (b) => {
          const h = new core.Hasher();
          for (let i = 0; i < b.length; i += 1 << 20) h.update(b.subarray(i, i + (1 << 20)));
          return h.finishHex();
        },
        'crypto.subtle.digest': async (b) => hex(await crypto.subtle.digest('SHA-256', b)),
        'hash-wasm': async (b) => g.hashwasm.sha256(b),
      };
      /** @type {Record<string, Record<string, number[]>>} */
      const out = {};
      for (const mb of sizes) {
        const buf = new Uint8Array(mb << 20);
        let x = 0x9e3779b9;
        for (let i = 0; i < buf.length; i += 1) {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          buf[i] = x & 0xff;
        }
        const digests = new Set();
        out[mb] = Object.fromEntries(Object.keys(methods).map((k) => [k, []]));
        for (let r = 0; r < rounds + 1; r += 1) {
          for (const [name, fn] of Object.entries(methods)) {
            const t0 = performance.now();
            digests.add(await fn(buf));
            const t = performance.now() - t0;
            if (r > 0) out[mb][name].push(t); // the first round warms up
          }
        }
        if (digests.size !== 1) throw new Error(`the methods disagree on ${mb} MB: ${[...digests]}`);
      }
      return out;
    },
    { sizes: SIZES_MB, rounds: ROUNDS },
  );
  const rows = [];
  for (const mb of SIZES_MB) {
    const t = raw[mb];
    const rate = (/** @type {string} */ name) => mb / (median(t[name]) / 1000);
    const core = rate('core, one call');
    const streamed = rate('core, 1 MB pieces');
    const subtle = rate('crypto.subtle.digest');
    const peer = rate('hash-wasm');
    rows.push({ mb, core, streamed, subtle, peer });
  }
  return {
    rows,
    markdown: [
      `| buffer | core, one call (MB/s) | core, 1 MB pieces (MB/s) | hash-wasm (MB/s) | crypto.subtle (MB/s) | core ÷ hash-wasm | core ÷ subtle |`,
      `|---|---|---|---|---|---|---|`,
      ...rows.map((r) => `| ${r.mb} MB | ${fmt(r.core)} | ${fmt(r.streamed)} | ${fmt(r.peer)} | ${fmt(r.subtle)} | ${fmt(Math.max(r.core, r.streamed) / r.peer, 2)} | ${fmt(Math.max(r.core, r.streamed) / r.subtle, 2)} |`),
    ].join('\n'),
    rounds: ROUNDS,
  };
}

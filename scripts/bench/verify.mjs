// 2. Native verification of one bundle: `temoin verify` against `sha256sum -c SHA256SUMS` (on
// the unzipped bundle, as an investigator would run it) and `openssl dgst -sha256` over the
// same files, interleaved, page cache warm (a first round is not counted).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, median } from './stats.mjs';

const ROUNDS = 5;

/** @param {string} cmd @param {string[]} args @param {string} [cwd] */
function timed(cmd, args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 2).join(' ')} failed: ${r.stderr}`);
  return ms;
}

/** @param {string} temoinBin @param {string} zip @param {string} unzipped */
export function benchVerify(temoinBin, zip, unzipped) {
  const files = readFileSync(join(unzipped, 'SHA256SUMS'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(66));
  /** @type {Record<string, () => number>} */
  const runs = {
    'temoin verify': () => timed(temoinBin, ['verify', zip]),
    'sha256sum -c SHA256SUMS': () => timed('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], unzipped),
    'openssl dgst -sha256': () => timed('openssl', ['dgst', '-sha256', ...files], unzipped),
  };
  /** @type {Record<string, number[]>} */
  const times = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (let r = 0; r <= ROUNDS; r += 1) {
    for (const [name, run] of Object.entries(runs)) {
      const ms = run();
      if (r > 0) times[name].push(ms);
    }
  }
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  const t = m['temoin verify'];
  return {
    medians: m,
    markdown: [
      `| command | median of ${ROUNDS} (s) | temoin ÷ this | goal |`,
      `|---|---|---|---|`,
      `| \`temoin verify bundle.zip\` | ${fmt(t / 1000, 2)} | 1.00 | |`,
      `| \`sha256sum -c SHA256SUMS\` | ${fmt(m['sha256sum -c SHA256SUMS'] / 1000, 2)} | ${fmt(t / m['sha256sum -c SHA256SUMS'], 2)} | temoin faster: ${t < m['sha256sum -c SHA256SUMS'] ? 'met' : 'missed'} |`,
      `| \`openssl dgst -sha256 <every file>\` | ${fmt(m['openssl dgst -sha256'] / 1000, 2)} | ${fmt(t / m['openssl dgst -sha256'], 2)} | within 1.5×: ${t <= 1.5 * m['openssl dgst -sha256'] ? 'met' : 'missed'} |`,
    ].join('\n'),
  };
}

// Figures from repeated runs: medians and percentiles, never a single timing.

/** @param {number[]} xs @param {number} p in [0, 1] */
export function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank];
}

/** @param {number[]} xs */
export const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** @param {number} n @param {number} [digits] */
export const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');

/** @param {number} bytes */
export const mb = (bytes) => bytes / (1024 * 1024);

/**
 * Runs `fns` (name -> async function) `rounds` times, interleaved so that the machine's load
 * falls on all of them alike; returns name -> durations in ms.
 * @param {Record<string, () => Promise<number>>} fns each returns its own duration in ms
 * @param {number} rounds
 */
export async function interleaved(fns, rounds) {
  /** @type {Record<string, number[]>} */
  const out = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let r = 0; r < rounds; r += 1) {
    for (const [name, fn] of Object.entries(fns)) out[name].push(await fn());
  }
  return out;
}

// A string's UTF-8 bytes, as `TextEncoder.encode` gives them, in a buffer of exactly their size.
// A page's HTML and its copy run to tens of millions of characters; `encodeInto` a buffer made
// for them is 1.2 to 2.3 times faster than `encode` in Chromium's worker (6.4 million characters:
// 9.6 against 22 ms when all are ASCII, 16 against 31 ms when the first is not, 23 against 28 ms
// for two-byte text; BENCHMARKS.md §3).

const encoder = new TextEncoder();

/**
 * @param {string} text
 * @returns {Uint8Array<ArrayBuffer>}
 */
export function utf8(text) {
  // Sized for one byte a character, as most of a page's HTML is ASCII: when every character
  // fit, the buffer is exactly full (each takes at least one byte).
  const firstPass = new Uint8Array(text.length);
  const first = encoder.encodeInto(text, firstPass);
  if (first.read === text.length) return firstPass;
  // The rest at up to 3 bytes a UTF-16 unit (4 for a pair of them, which `encodeInto` never
  // splits: it stops before a pair that does not fit), then cut to the bytes written. A lone
  // surrogate becomes U+FFFD, as with `encode`.
  const whole = new Uint8Array(first.written + (text.length - first.read) * 3);
  whole.set(firstPass.subarray(0, first.written));
  const rest = encoder.encodeInto(text.slice(first.read), whole.subarray(first.written));
  return whole.slice(0, first.written + rest.written);
}

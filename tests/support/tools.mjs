// The command-line tools a user or an investigator would run on an exported bundle.
import { spawnSync } from 'node:child_process';
import zlib from 'node:zlib';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from './chromium.mjs';

/** The native verifier, built by `make e2e` (cargo build --bin temoin). */
export const TEMOIN_BIN = process.env.TEMOIN_BIN ?? resolve(ROOT, 'target/debug/temoin');

/**
 * @param {string} command
 * @param {string[]} args
 * @param {string} [cwd]
 */
export function run(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** @param {string[]} args */
export function temoin(args) {
  if (!existsSync(TEMOIN_BIN)) throw new Error(`${TEMOIN_BIN} is missing: run \`cargo build --bin temoin\``);
  return run(TEMOIN_BIN, args);
}

/**
 * A copy of a bundle with one byte of a stored file flipped and its CRC-32 recomputed in the
 * local header and the directory: the ZIP stays well-formed, so only the chain can tell.
 * @param {Buffer} zip
 * @param {string} path a stored (not deflated) file of the bundle, e.g. a PNG
 */
export function flipStoredByte(zip, path) {
  const out = Buffer.from(zip);
  const name = Buffer.from(path);
  let local = -1;
  let central = -1;
  for (let i = 0; i + 46 < out.length; i += 1) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.readUInt16LE(i + 26) === name.length && out.subarray(i + 30, i + 30 + name.length).equals(name)) local = i;
    if (sig === 0x02014b50 && out.readUInt16LE(i + 28) === name.length && out.subarray(i + 46, i + 46 + name.length).equals(name)) central = i;
  }
  if (local < 0 || central < 0 || out.readUInt16LE(local + 8) !== 0) throw new Error(`${path} is not a stored file of this bundle`);
  const size = out.readUInt32LE(local + 18);
  const start = local + 30 + name.length + out.readUInt16LE(local + 28);
  out[start + Math.floor(size / 2)] ^= 0x01;
  const crc = zlib.crc32(out.subarray(start, start + size));
  out.writeUInt32LE(crc, local + 14);
  out.writeUInt32LE(crc, central + 16);
  return out;
}

/**
 * Writes an exported bundle to a temporary file, checks that `temoin verify` finds it whole and
 * `temoin inspect` reads it, then hands the file to `more` (its other checks); removed after.
 * @param {Uint8Array} zip @param {(file: string) => unknown} [more]
 */
export async function verifiedBundle(zip, more = () => {}) {
  const dir = await mkdtemp(join(tmpdir(), 'temoin-bundle-'));
  try {
    const file = join(dir, 'case.zip');
    await writeFile(file, zip);
    const verified = temoin(['verify', '--json', file]);
    if (verified.status !== 0 || JSON.parse(verified.stdout).ok !== true) {
      throw new Error(`temoin verify: exit ${verified.status}\n${verified.stdout}${verified.stderr}`);
    }
    const inspected = temoin(['inspect', file]);
    if (inspected.status !== 0) throw new Error(`temoin inspect: exit ${inspected.status}\n${inspected.stderr}`);
    await more(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

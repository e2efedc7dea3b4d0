// The command-line tools a user or an investigator would run on an exported bundle.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
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

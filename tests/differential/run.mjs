// The differential test (`make differential`, part of `make test`): every bundle of the corpus,
// the genuine ones, the version-1 fixtures and what the e2e tests exported, read by the tools a
// lawyer or an investigator might use — unzip (-t, then extraction and sha256sum -c), Python's
// zipfile, Java's ZipInputStream — and by `temoin verify`. It fails when the verifier accepts a
// bundle that another tool reads differently (another file list, other bytes), when a common
// tool cannot read a genuine bundle, or when a bad bundle is accepted. It prints, for the bad
// bundles, which tools read what.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = join(ROOT, 'crate/testdata/corpus');
const TEMOIN = process.env.TEMOIN_BIN ?? join(ROOT, 'target/debug/temoin');
const EXPORTS = join(ROOT, 'tests/.tmp/exports');

/** @param {string} cmd @param {string[]} args @param {object} [opts] */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  if (r.error) throw r.error;
  return r;
}

/** @typedef {{ path: string, role: 'bad' | 'genuine' | 'legacy', expected?: string }} Bundle */
/** @type {Bundle[]} */
const bundles = [];
for (const line of readFileSync(join(CORPUS, 'cases.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [file, , outcome, , , head] = line.split('\t');
  bundles.push({ path: join(CORPUS, 'bad', file), role: 'bad', expected: head === '-' ? undefined : head });
  void outcome;
}
for (const f of readdirSync(join(CORPUS, 'genuine'))) bundles.push({ path: join(CORPUS, 'genuine', f), role: 'genuine' });
for (const f of readdirSync(join(ROOT, 'crate/testdata/fixtures/v1'))) bundles.push({ path: join(ROOT, 'crate/testdata/fixtures/v1', f), role: 'legacy' });
if (existsSync(EXPORTS)) for (const f of readdirSync(EXPORTS)) if (f.endsWith('.zip')) bundles.push({ path: join(EXPORTS, f), role: 'genuine' });

/** @param {string} script @param {string[]} paths @returns {Map<string, any>} */
function batch(script, paths) {
  const out = new Map();
  const r = script.endsWith('.java') ? run('java', [script, ...paths]) : run('python3', [script, ...paths]);
  if (r.status !== 0) throw new Error(`${script}: ${r.stderr}`);
  for (const line of r.stdout.split('\n')) {
    if (!line) continue;
    const v = JSON.parse(line);
    out.set(v.zip, v);
  }
  return out;
}

const started = Date.now();
const paths = bundles.map((b) => b.path);
const python = batch(join(ROOT, 'tests/differential/zip_list.py'), paths);
const java = batch(join(ROOT, 'tests/differential/ZipList.java'), paths);

/**
 * Files unzip extracts (regular files only), by name, with their SHA-256. Names are read as
 * bytes: a hostile bundle's names need not be UTF-8.
 * @param {Buffer} dir @param {string} prefix @param {Map<string, string>} files
 */
function walk(dir, prefix = '', files = new Map()) {
  for (const name of readdirSync(dir, { encoding: 'buffer' })) {
    const p = Buffer.concat([dir, Buffer.from('/'), name]);
    const shown = `${prefix}${name.toString('latin1')}`;
    const st = lstatSync(p);
    if (st.isDirectory()) walk(p, `${shown}/`, files);
    else if (st.isFile()) files.set(shown, createHash('sha256').update(readFileSync(p)).digest('hex'));
    else files.set(`${shown}#special`, '');
  }
  return files;
}

/** @param {Map<string, string> | Record<string, string> | undefined} files */
function key(files) {
  if (!files) return 'error';
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

const failures = [];
const table = [];
for (const b of bundles) {
  const name = relative(ROOT, b.path);
  const verify = run(TEMOIN, ['verify', ...(b.expected ? ['--expect-head', b.expected] : []), b.path]);
  const accepted = verify.status === 0;
  const test = run('unzip', ['-tqq', b.path]);
  const dir = mkdtempSync(join(tmpdir(), 'temoin-diff-'));
  let unzipped;
  let sums = null;
  try {
    const x = run('unzip', ['-qq', '-o', b.path, '-d', dir], { input: '' });
    if (x.status === 0) {
      unzipped = walk(Buffer.from(dir));
      // A sums file of a million lines (a resource case) would take minutes to check.
      if (unzipped.has('SHA256SUMS') && lstatSync(join(dir, 'SHA256SUMS')).size < 1 << 20) {
        sums = run('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir }).status === 0;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const py = python.get(b.path);
  const jv = java.get(b.path);
  const views = { unzip: key(unzipped), python: key(py?.files), java: key(jv?.files) };
  const agree = new Set(Object.values(views)).size === 1 && views.unzip !== 'error';
  table.push({ name, role: b.role, temoin: verify.status, unzipTest: test.status === 0, unzip: !!unzipped, sums, python: !py?.error, java: !jv?.error, agree });
  if (b.role === 'bad' && accepted) failures.push(`${name}: accepted by temoin verify`);
  if (b.role !== 'bad' && !accepted) failures.push(`${name}: refused by temoin verify: ${verify.stdout}${verify.stderr}`);
  if (accepted && b.role !== 'legacy' && !(agree && test.status === 0 && sums === true)) {
    failures.push(`${name}: accepted by temoin verify, but read differently or not at all: ${JSON.stringify({ unzipTest: test.status, sums, python: py?.error ?? 'ok', java: jv?.error ?? 'ok', agree })}`);
  }
  if (b.role === 'legacy' && !(test.status === 0 && sums === true && views.unzip === views.python)) {
    failures.push(`${name}: a version-1 bundle no longer reads with unzip and Python`);
  }
}

// What the other tools make of the bad bundles: read without complaint, and read differently.
const bad = table.filter((r) => r.role === 'bad');
const count = (/** @type {(r: any) => boolean} */ f) => bad.filter(f).length;
console.log(`differential: ${bundles.length} bundles (${bad.length} bad, ${table.length - bad.length} genuine or version 1) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`  bad bundles refused by temoin verify: ${count((r) => r.temoin !== 0)} of ${bad.length}`);
console.log(`  bad bundles that unzip -t passes: ${count((r) => r.unzipTest)}; that sha256sum -c passes after unzip: ${count((r) => r.sums === true)}`);
console.log(`  bad bundles Python's zipfile reads: ${count((r) => r.python)}; Java's ZipInputStream: ${count((r) => r.java)}`);
console.log(`  bad bundles read without error by all three but differently by at least two: ${count((r) => r.unzip && r.python && r.java && !r.agree)}`);
for (const r of bad.filter((x) => x.unzip && x.python && x.java && !x.agree)) console.log(`    ${r.name}`);
const legacy = table.filter((r) => r.role === 'legacy');
for (const r of legacy) if (!r.java) console.log(`  version 1 (known): Java's ZipInputStream cannot read ${r.name} (stored entries with data descriptors)`);
if (process.env.DIFFERENTIAL_TABLE) console.table(table);
if (failures.length) {
  console.error(failures.join('\n'));
  console.log(`0 passed, ${failures.length} failed`);
  process.exit(1);
}
console.log(`${table.length} passed, 0 failed`);

// The import page over the whole corpus of bad bundles (crate/testdata/corpus/): each one is
// altered or unreadable with the same code as `temoin verify`, each genuine one valid; and a
// genuine bundle of 200 MB made on the fly (one of its files larger than a worker's window)
// verifies in the page's workers, read in two parts, with progress shown, and damage in either
// part gets the verdict `temoin verify` gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, ROOT } from '../support/chromium.mjs';
import { flipStoredByte, temoin } from '../support/tools.mjs';

const CORPUS = join(ROOT, 'crate/testdata/corpus');

/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;
/** @type {string} */
let work;

before(async () => {
  browser = await launchWithExtension();
  work = await mkdtemp(join(tmpdir(), 'temoin-import-'));
});

after(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/**
 * Where the central directory's record of `name` starts in `zip`.
 * @param {Buffer} zip @param {string} name
 */
function centralRecord(zip, name) {
  const wanted = Buffer.from(name);
  for (let i = zip.length - 22; i >= 0; i -= 1) {
    if (zip.readUInt32LE(i) === 0x02014b50 && zip.readUInt16LE(i + 28) === wanted.length && zip.subarray(i + 46, i + 46 + wanted.length).equals(wanted)) return i;
  }
  throw new Error(`no directory record of ${name}`);
}

/**
 * The files of `zip` stored as they are (method 0), by its central directory: their size, and
 * the bytes they span in the bundle, from their local header to the next file's.
 * @param {Buffer} zip
 */
function storedMembers(zip) {
  for (let i = zip.length - 22; i >= 0; i -= 1) {
    if (zip.readUInt32LE(i) !== 0x06054b50) continue;
    const directory = zip.readUInt32LE(i + 16);
    const all = [];
    let at = directory;
    for (let n = zip.readUInt16LE(i + 10); n > 0; n -= 1) {
      const nameLength = zip.readUInt16LE(at + 28);
      all.push({ method: zip.readUInt16LE(at + 10), size: zip.readUInt32LE(at + 24), offset: zip.readUInt32LE(at + 42) });
      at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    all.sort((a, b) => a.offset - b.offset);
    return all.map((m, k) => ({ ...m, span: (all[k + 1]?.offset ?? directory) - m.offset })).filter((m) => m.method === 0);
  }
  throw new Error('no end of central directory');
}

/**
 * Verifies one file on the import page and returns its verdict.
 * @param {import('playwright-core').Page} page @param {string} path @param {string} [code]
 */
async function verdict(page, path, code = '') {
  await page.fill('#expected-code', code);
  await page.evaluate(() => {
    const r = document.getElementById('result');
    if (r) r.dataset.state = '';
  });
  await page.setInputFiles('#bundle-input', path);
  await page.waitForFunction(() => ['valid', 'altered', 'unreadable', 'failed', 'bad-code'].includes(document.getElementById('result')?.dataset.state ?? ''), undefined, { timeout: 60_000 });
  return page.evaluate(() => {
    const r = /** @type {HTMLElement} */ (document.getElementById('result'));
    return {
      state: r.dataset.state,
      code: r.dataset.code,
      problems: [...document.querySelectorAll('#problems li[data-code]')].map((li) => /** @type {HTMLElement} */ (li).dataset.code),
    };
  });
}

test('the import page gives every corpus bundle the verdict temoin verify gives', { timeout: 300_000 }, async () => {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('extension/pages/import.html'));
  const lines = (await readFile(join(CORPUS, 'cases.tsv'), 'utf8')).split('\n').filter((l) => l && !l.startsWith('#'));
  assert.ok(lines.length >= 100);
  const wrong = [];
  for (const line of lines) {
    const [file, , outcome, code, , head] = line.split('\t');
    const v = await verdict(page, join(CORPUS, 'bad', file), head === '-' ? '' : head);
    const named = outcome === 'unreadable' ? v.code === code : v.problems.includes(code);
    if (v.state !== outcome || !named) wrong.push(`${file}: ${JSON.stringify(v).slice(0, 300)}`);
  }
  for (const file of await readdir(join(CORPUS, 'genuine'))) {
    const v = await verdict(page, join(CORPUS, 'genuine', file));
    if (v.state !== 'valid') wrong.push(`${file}: ${JSON.stringify(v)}`);
  }
  assert.deepEqual(wrong, []);
  // 5,000 broken entries: the first problems listed, grouped, the rest counted.
  const many = lines.find((l) => l.includes('journal-5000-broken-entries'))?.split('\t')[0] ?? '';
  await verdict(page, join(CORPUS, 'bad', many));
  assert.ok((await page.locator('#problems li[data-code]').count()) <= 1000);
  assert.match((await page.textContent('#problems')) ?? '', /… (and|et) [\d,.\s]+ (more|de plus)/);
  await page.close();
});

test('a 200 MB bundle verifies in two workers, with progress; damage in either part gets temoin verify\'s verdict', { timeout: 240_000 }, async () => {
  const path = join(work, 'big.zip');
  const made = spawnSync('cargo', ['run', '-q', '--example', 'big_bundle', '--', path, '200'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const head = made.stdout.trim().split(' ')[1];
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('extension/pages/import.html'));
  await page.evaluate(() => {
    /** @type {any} */ (window).progressSeen = 0;
    const bar = /** @type {HTMLProgressElement} */ (document.getElementById('import-progress'));
    new MutationObserver(() => {
      if (bar.value > 0 && bar.value < bar.max) /** @type {any} */ (window).progressSeen += 1;
    }).observe(bar, { attributes: true });
  });
  const started = Date.now();
  await page.fill('#expected-code', head.toUpperCase().match(/.{4}/g)?.join(' ') ?? '');
  await page.setInputFiles('#bundle-input', path);
  await page.waitForSelector('#result[data-state="valid"]', { timeout: 180_000 });
  test.diagnostic?.(`200 MB verified in the page's worker in ${Date.now() - started} ms`);
  assert.ok(await page.evaluate(() => /** @type {any} */ (window).progressSeen) > 0, 'progress shown while reading');
  assert.equal(await page.getAttribute('#result', 'data-head'), head);
  assert.ok(((await page.textContent('#result')) ?? '').includes(head.match(/.{4}/g)?.join(' ') ?? '-'), 'the code in groups of four');
  // Every file stored as it is, of 64 KB or more and whole in a worker's window (64 MB with its
  // header), was hashed by the browser's SHA-256; the others (deflated, small, or the 72 MB one)
  // by the core.
  const byBrowser = storedMembers(await readFile(path)).filter((m) => m.size >= 64 << 10 && m.span <= 64 << 20).length;
  assert.ok(byBrowser >= 10, `${byBrowser} files for the browser`);
  assert.equal(Number(await page.getAttribute('#result', 'data-browser-digests')), byBrowser);

  // A bundle this size is read in two parts by two workers: damage in either part, or in both,
  // gets the verdict of one reading from start to end, the one `temoin verify` gives.
  const zip = await readFile(path);
  const late = Math.floor(zip.length * 0.75);
  const early = Math.floor(zip.length * 0.1);
  /** @type {[string, (b: Buffer) => void][]} */
  const damages = [
    ['a stored file of the second part edited, its CRC-32 made to match', (b) => flipStoredByte(b, 'captures/000015/screenshot-full.png').copy(b)],
    ['the file larger than a window (72 MB, read in slices) edited, its CRC-32 made to match', (b) => flipStoredByte(b, 'captures/000002/screenshot-full.png').copy(b)],
    ['the file after it, in the same part, edited, its CRC-32 made to match', (b) => flipStoredByte(b, 'captures/000003/screenshot-full.png').copy(b)],
    ['a byte of the second part flipped', (b) => { b[late] ^= 1; }],
    ['a byte flipped in each part: the first one is named', (b) => { b[early] ^= 1; b[late] ^= 1; }],
    ['the directory points its last file past the end of the bundle', (b) => b.writeUInt32LE(b.length + 1000, centralRecord(b, 'SHA256SUMS') + 42)],
  ];
  for (const [n, [what, damage]] of damages.entries()) {
    const copy = Buffer.from(zip);
    damage(copy);
    // A name of its own: choosing the same path again is no change for the file input.
    const damaged = join(work, `damaged-${n}.zip`);
    await writeFile(damaged, copy);
    const cli = temoin(['verify', '--json', damaged]);
    const expected = JSON.parse(cli.stdout);
    const v = await verdict(page, damaged);
    if (cli.status === 2) {
      assert.deepEqual([v.state, v.code], ['unreadable', expected.code], what);
      assert.ok(((await page.textContent('#result')) ?? '').includes(expected.file), `${what}: names ${expected.file}`);
    } else {
      assert.equal(cli.status, 1, what);
      assert.equal(v.state, 'altered', what);
      assert.deepEqual([...new Set(v.problems)].sort(), [...new Set(expected.problems.map((/** @type {any} */ p) => p.code))].sort(), what);
    }
  }
  await page.close();
});

// A parent who must hand a case to the police, in a real browser, told as what they see at
// each step: three captures (two posts on X, a Reddit comment) listed as people write them
// (author, "X", "Reddit", the publication time in Paris time), the technical details tucked
// away, the case's short form, a minor's intimate image never shown and deleted on request,
// then the journal → export → handover panel in two actions (file named after the case, the
// control code in groups of four, copy, mail to oneself, cover sheet), an empty case, failures
// said in French, and the page checked with axe-core (WCAG 2.1 A/AA) in French and English at
// 1,280 and 400 px, dark scheme included, with a reflow check at 320 px.
// The tests run in order on one browser: each goes on with the same case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveHosts } from '../support/hosts.mjs';
import { captureThroughMenu, launchWithExtension, readStoredJournal } from '../support/chromium.mjs';
import { temoin } from '../support/tools.mjs';
import { axeViolations, formatViolations } from '../support/axe.mjs';

const NBSP = /[\u00a0\u202f]/g; // no-break spaces (French typography, Intl)
const ZONE = 'Europe/Paris';

/** @type {Awaited<ReturnType<typeof serveHosts>>} */
let hosts;
/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;
/** @type {string} */
let work;

before(async () => {
  hosts = await serveHosts();
  browser = await launchWithExtension({ args: hosts.chromiumArgs, timezoneId: ZONE });
  work = await mkdtemp(join(tmpdir(), 'temoin-journey-'));
  await browser.worker.evaluate(() => chrome.storage.local.set({ language: 'fr' }));
  const page = await browser.context.newPage();
  await page.goto('https://x.com/corbeau_noir/status/1790000000000000042');
  await page.bringToFront();
  for (const nth of [0, 1]) {
    await page.click(`article[data-testid="tweet"] >> nth=${nth} >> [data-testid="tweetText"] span`, { button: 'right' });
    assert.equal((await captureThroughMenu(browser.worker, page.url())).seq, nth + 1);
  }
  await page.goto('https://www.reddit.com/r/lyceens/comments/1abcde/lea_du_lycee_jean_moulin/');
  await page.bringToFront();
  await page.click('shreddit-comment[thingid="t1_kxaaaa1"] p', { button: 'right' });
  assert.equal((await captureThroughMenu(browser.worker, page.url())).seq, 3);
  await page.close();
});

after(async () => {
  await browser?.close();
  await hosts?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** @param {string} [query] */
async function openJournal(query = '') {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => console.error('journal page error:', e));
  await page.goto(browser.extensionUrl(`extension/pages/journal.html${query}`));
  await page.waitForSelector('#chain[data-ok="true"]');
  return page;
}

/** @param {import('playwright-core').Page} page @param {number} seq */
async function openDetail(page, seq) {
  await page.click(`#entries tr[data-seq="${seq}"] button.open-detail`);
  await page.waitForSelector('dialog#detail[open]');
}

/** @param {import('playwright-core').Page} page @param {string} selector */
const text = async (page, selector) => ((await page.textContent(selector)) ?? '').replace(NBSP, ' ');

test('the case reads as people write it, details tucked away; a minor\'s intimate image is never shown', async () => {
  const journal = await openJournal();
  assert.equal(await journal.getAttribute('html', 'lang'), 'fr');

  // Who, where, when (Paris time: 21:14 UTC is 22:14), and nothing of files or hashes.
  const rows = await journal.$$eval('#entries tbody tr', (trs) =>
    trs.map((tr) => ({
      seq: tr.getAttribute('data-seq'),
      author: tr.querySelector('.author')?.textContent,
      platform: tr.querySelector('td.platform')?.textContent,
      date: (tr.querySelector('td.date')?.textContent ?? '').replace(/\u00a0|\u202f/g, ' '),
      datetime: tr.querySelector('td.date time')?.getAttribute('datetime'),
      excerpt: tr.querySelector('.excerpt')?.textContent,
    })),
  );
  // Newest first.
  assert.deepEqual(rows.map((r) => [r.seq, r.platform]), [['3', 'Reddit'], ['2', 'X'], ['1', 'X']]);
  const [third, second, first] = rows;
  assert.equal(first.author, 'Corbeau Noir (@corbeau_noir)');
  // The fixture's second post runs its handle into its date ("@pie_bavarde27 nov."): the
  // handle is read from its own element, never from the run-together text.
  assert.equal(second.author, 'Pie Bavarde (@pie_bavarde)');
  assert.equal(third.author, '@corbeau_noir');
  assert.equal(first.date, 'Publié le 27 novembre 2026 à 22:14');
  assert.equal(first.datetime, '2026-11-27T21:14:00.000Z');
  assert.equal(third.date, 'Publié le 25 novembre 2026 à 20:45');
  assert.match(first.excerpt ?? '', /personne ne veut de toi/);
  const listed = await text(journal, '#entries');
  assert.doesNotMatch(listed, /[0-9a-f]{64}/, 'no hash in the list');
  assert.doesNotMatch(listed, /screenshot-|\.png|\.html|octets/, 'no file name or size in the list');
  assert.match(await text(journal, '#entries thead'), /Date \(heure locale\)/);
  // Counted in words, with real plurals; the filters agree with what they filter.
  assert.match(await text(journal, '#chain'), /^Journal vérifié : aucune modification \(\d+ inscriptions, dont 3 captures\)\.$/);
  assert.equal(await journal.locator('#filter-platform option').first().textContent(), 'Toutes');
  assert.equal(await journal.locator('#filter-author option').first().textContent(), 'Tous');
  assert.equal(await journal.locator('#filter-category option').first().textContent(), 'Toutes');
  // A platform's name is never cut inside the word.
  const platformCell = await journal.locator('#entries tr[data-seq="3"] td.platform').evaluate((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    return range.getClientRects().length;
  });
  assert.equal(platformCell, 1, '"Reddit" on one line');
  // The file chooser speaks the page's language, whatever the browser's.
  assert.equal(await text(journal, 'label[for="file-input"]'), 'Choisir des fichiers');
  assert.equal(await text(journal, '#file-chosen'), 'Aucun fichier choisi');

  // The preview is a real toggle button: keyboard and mouse, blurred until pressed.
  const reveal = journal.locator('#entries tr[data-seq="1"] button.reveal');
  const img = reveal.locator('img');
  await reveal.scrollIntoViewIfNeeded(); // previews load as they come into view
  await journal.waitForFunction(() => (/** @type {HTMLImageElement | null} */ (document.querySelector('#entries tr[data-seq="1"] button.reveal img'))?.naturalWidth ?? 0) > 0);
  assert.match((await reveal.textContent()) ?? '', /^Flouté — cliquer pour voir Aperçu de l'élément n°\s1$/, 'named by what it shows');
  assert.equal(await reveal.getAttribute('aria-pressed'), 'false');
  assert.match((await img.getAttribute('class')) ?? '', /blurred/);
  // Blurred, it says so on top (a blurred light page would look like an empty box).
  assert.equal(await reveal.locator('.reveal-hint').textContent(), 'Flouté — cliquer pour voir');
  assert.equal(await reveal.locator('.reveal-hint').isVisible(), true);
  await reveal.focus();
  await journal.keyboard.press('Enter');
  assert.equal(await reveal.getAttribute('aria-pressed'), 'true');
  assert.doesNotMatch((await img.getAttribute('class')) ?? '', /blurred/);
  assert.equal(await reveal.locator('.reveal-hint').isVisible(), false, 'shown: no label over it');
  await journal.keyboard.press('Space');
  assert.equal(await reveal.getAttribute('aria-pressed'), 'false');
  await reveal.click();
  assert.equal(await reveal.getAttribute('aria-pressed'), 'true');

  // The detail: plain words first; files, sizes, methods and hashes under a closed <details>.
  const stored = await readStoredJournal(browser.worker, 'default', { onlySeq: 1 });
  const declared = JSON.parse(stored.entries[0].json).body.artifacts;
  await openDetail(journal, 1);
  const readable = await text(journal, 'dialog#detail dl.readable');
  assert.match(readable, /Corbeau Noir \(@corbeau_noir\)/);
  assert.match(readable, /Publié le27 novembre 2026 à 22:14/);
  assert.equal(await journal.locator('#technical').evaluate((d) => /** @type {HTMLDetailsElement} */ (d).open), false);
  assert.equal(await journal.locator('#technical table.files').isVisible(), false);
  await journal.click('#technical summary');
  for (const a of declared) {
    const cells = journal.locator(`#technical tr[data-name="${a.name}"] td`);
    assert.equal(await cells.nth(3).textContent(), a.sha256, `${a.name}: its hash under the technical details`);
    assert.equal(await cells.nth(2).textContent(), a.method);
    const size = ((await cells.nth(1).textContent()) ?? '').replace(NBSP, ' ');
    assert.equal(size, `${new Intl.NumberFormat('fr').format(a.size).replace(NBSP, ' ')} ${a.size > 1 ? 'octets' : 'octet'}`, `${a.name}: its size as French writes it`);
  }
  await journal.keyboard.press('Escape');
  await journal.waitForSelector('dialog#detail', { state: 'hidden' });
  assert.equal(await journal.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-seq')), '1', 'focus back on the row');

  // The short form: name, first name, minor, school.
  await journal.click('#case-details summary');
  await journal.fill('#case-title', 'Harcèlement de Léa');
  await journal.fill('#case-person', 'Léa');
  await journal.check('#case-form input[name="minor"]');
  await journal.check('#case-form input[name="school"]');
  await journal.click('#case-form button[type="submit"]');
  await journal.waitForSelector('#case-saved:not(:empty)');
  const details = JSON.parse((await readStoredJournal(browser.worker, 'default', { onlySeq: -1 })).entries.at(-1)?.json ?? '{}').body;
  assert.deepEqual(
    { kind: details.kind, title: details.title, person: details.person, minor: details.minor, school: details.school },
    { kind: 'caseDetails', title: 'Harcèlement de Léa', person: 'Léa', minor: true, school: true },
  );
  assert.match(await text(journal, '#case-summary'), /Léa · Personne mineure · auteurs de son établissement/);
  assert.equal(await journal.locator('#case-select option:checked').textContent(), 'Harcèlement de Léa');

  // Capture 2 marked as an intimate image of the minor: never shown, and deleted on request.
  await openDetail(journal, 2);
  await journal.check('#category-intimate-images');
  await journal.click('#save-categories');
  await journal.waitForSelector('#entries tr[data-seq="2"] [data-category="intimate-images"]');
  assert.equal(await journal.locator('#entries tr[data-seq="2"] button.reveal').count(), 0, 'no way to un-blur it');
  assert.equal(await text(journal, '#entries tr[data-seq="2"] td.preview'), "image retirée de l'affichage");
  await openDetail(journal, 2);
  const warning = await text(journal, '#minor-images');
  for (const needle of [/227-23/, /3018/, /PHAROS/, /police/]) assert.match(warning, needle);
  assert.equal(await journal.locator('dialog#detail img').count(), 0, 'the dialog shows no image of it');
  assert.equal(await journal.locator('#show-snapshot').count(), 0, 'nor the page that held it');
  journal.once('dialog', (d) => d.accept());
  await journal.click('#delete-images');
  await journal.waitForSelector('#entries tr[data-seq="2"].deleted');
  await journal.waitForSelector('#chain[data-ok="true"]');
  const after = await readStoredJournal(browser.worker, 'default', { onlySeq: 2 });
  assert.equal(after.artifacts.length, 0, 'its files are gone');
  const deletion = JSON.parse(after.entries.at(-1)?.json ?? '{}').body;
  assert.equal(deletion.kind, 'deletion');
  assert.equal(deletion.entry, 2);
  assert.equal(deletion.reason, "image intime d'un mineur — supprimée pour ne pas la conserver");
  assert.deepEqual(deletion.removed, JSON.parse(after.entries[1].json).body.artifacts, 'the digests stay');
  await journal.close();
});

test('journal → exported ZIP and what to hand over, in two actions', async () => {
  let actions = 0;
  /** @template T @param {() => Promise<T>} step */
  const act = (step) => {
    actions += 1;
    return step();
  };
  const page = await browser.context.newPage();

  await act(() => page.goto(browser.extensionUrl('extension/pages/journal.html')));
  await page.waitForSelector('#chain[data-ok="true"]');
  await page.evaluate(() => {
    const area = /** @type {HTMLElement} */ (document.getElementById('export-progress-area'));
    new MutationObserver(() => {
      if (!area.hidden) document.body.dataset.progressShown = 'yes';
    }).observe(area, { attributes: true });
  });
  const [download] = await act(() => Promise.all([page.waitForEvent('download'), page.click('#export')]));
  await page.waitForSelector('#handover:not([hidden])');
  assert.ok(actions <= 2, `${actions} actions`);

  // The file is named after the case, today's date and the time (Paris): two exports of one
  // day, each with its own control code, do not share a name.
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const fileName = download.suggestedFilename();
  assert.match(fileName, new RegExp(`^temoin-harcelement-de-lea-${today}-\\d{2}h\\d{2}\\.zip$`));
  const saved = join(work, fileName);
  await download.saveAs(saved);
  assert.equal(await page.getAttribute('body', 'data-progress-shown'), 'yes', 'progress was shown during the export');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'handover', 'the panel takes the focus');

  // What to hand over and where.
  assert.match(await text(page, '#export-status'), new RegExp(`Exporté : ${fileName}`));
  assert.match(await text(page, '#handover-file'), new RegExp(`${fileName} \\(\\d+ (ko|Mo)\\)`));
  assert.match(await text(page, '#handover li[data-what="zip"]'), /clé USB remise à l'enquêteur, ou par courriel seulement à l'adresse que l'enquêteur ou votre avocat vous donne : avec \d+ (ko|Mo), il passe en pièce jointe\. Ne l'envoyez à personne d'autre/);
  assert.match(await text(page, '#handover li[data-what="report"]'), /décompressez le ZIP \(Windows : clic droit → « Extraire tout » ; Mac : double-clic\), puis ouvrez report\.html et imprimez-le/);
  // Where the parent acts, the clock a plain complaint does not stop, and the guide that shows it.
  assert.match(await text(page, '#handover-deadline'), /une plainte simple \(au commissariat, à la gendarmerie ou par lettre au procureur\) n'arrête pas le délai de 3 mois/);
  assert.match((await page.getAttribute('#handover-deadline a', 'href')) ?? '', /^guide\.html\?case=default$/);
  const letterHref = (await page.getAttribute('#letter-link', 'href')) ?? '';
  assert.match(letterHref, /^letter\.html\?kind=procureur&case=default&code=[0-9a-f]{64}$/, 'the letter cites this bundle');
  assert.match(await text(page, '#handover .where'), /commissariat ou à la gendarmerie/);

  // The control code: the bundle's head, in groups of four, verifiable.
  const hash = (await page.getAttribute('#control-code', 'data-hash')) ?? '';
  assert.equal(new URL(letterHref, page.url()).searchParams.get('code'), hash, 'the letter cites this very bundle');
  const grouped = await text(page, '#control-code');
  assert.match(grouped, /^[0-9a-f]{4}( [0-9a-f]{4}){15}$/);
  assert.equal(grouped.replaceAll(' ', ''), hash);
  const verified = temoin(['verify', '--json', '--expect-head', hash, saved]);
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  assert.equal(JSON.parse(verified.stdout).head.hash, hash);
  assert.equal(await text(page, '#handover .why'), "Notez ce code ailleurs : il permettra de vérifier plus tard que le dossier n'a pas été modifié depuis cet export.");
  assert.equal(await text(page, '#handover .each'), 'Chaque export a son propre code : notez celui-ci avec le nom du fichier, et remettez ce fichier-là.');
  await page.click('#copy-code');
  await page.waitForSelector('#copy-status:not(:empty)');
  assert.equal(await text(page, '#copy-status'), 'Code copié.');
  // What was copied, pasted as a person would (reading the clipboard needs a permission that
  // Chromium does not grant to an extension's origin from the outside).
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('textarea'), { id: 'paste-here' })));
  await page.focus('#paste-here');
  await page.keyboard.press('Control+V');
  assert.equal(await page.inputValue('#paste-here'), hash);
  await page.evaluate(() => document.getElementById('paste-here')?.remove());

  // Mail to oneself: no address; the case as subject; the code, the date, the file, nothing else.
  const mailto = (await page.getAttribute('#mail-code', 'href')) ?? '';
  assert.match(mailto, /^mailto:\?subject=/);
  const params = new URLSearchParams(mailto.slice('mailto:?'.length).replaceAll('+', '%2B'));
  assert.equal(params.get('subject'), 'Harcèlement de Léa');
  const body = (params.get('body') ?? '').replace(NBSP, ' ').split('\n');
  assert.equal(body.length, 3, body.join(' | '));
  assert.equal(body[0], `Code de contrôle : ${grouped}`);
  assert.match(body[1], /^Date de l'export : \d{1,2} [a-zéû]+\.? \d{4}/);
  assert.equal(body[2], `Fichier : ${fileName}`);

  // The cover sheet prints alone: case, date, file, code.
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => {
    window.print = () => {
      const cover = /** @type {HTMLElement} */ (document.getElementById('cover'));
      document.body.dataset.printed = JSON.stringify({
        cover: getComputedStyle(cover).display,
        main: getComputedStyle(/** @type {HTMLElement} */ (document.querySelector('main'))).display,
        text: cover.innerText,
      });
    };
  });
  await page.click('#print-cover');
  const printed = JSON.parse((await page.getAttribute('body', 'data-printed')) ?? '{}');
  assert.equal(printed.cover, 'block');
  assert.equal(printed.main, 'none');
  for (const needle of ['Harcèlement de Léa', fileName, grouped]) assert.ok(printed.text.includes(needle), `${needle} on the cover`);
  assert.match(printed.text.replace(NBSP, ' '), /Pour vérifier : /);
  await page.emulateMedia({ media: 'screen' });
  await page.close();
});

test('an empty case says how to capture, and its export says so and makes no file', async () => {
  const page = await openJournal('?case=vide');
  await page.waitForSelector('#empty:not([hidden])');
  const empty = await text(page, '#empty');
  assert.match(empty, /« Capturer comme preuve »/);
  assert.match(empty, /Alt\+Maj\+E/);
  assert.equal(await page.locator('#entries').isVisible(), false);
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await page.click('#export');
  await page.waitForSelector('#export-status:not(:empty)');
  assert.match(await text(page, '#export-status'), /Ce dossier est vide .* aucun fichier n'a été créé/);
  assert.equal(await page.locator('#handover').isVisible(), false);
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(downloads, 0);
  assert.equal((await readStoredJournal(browser.worker, 'vide')).entries.length, 0, 'nothing was written');
  await page.close();
});

test('a failed export and a failed load say what happened, in French', async () => {
  const page = await browser.context.newPage();
  // Reading a file from storage fails once the test says so.
  await page.addInitScript(() => {
    const get = IDBObjectStore.prototype.get;
    IDBObjectStore.prototype.get = function (/** @type {IDBValidKey} */ key) {
      if (/** @type {any} */ (globalThis).failReads && this.name === 'artifacts') throw new DOMException('lecture du disque impossible', 'NotReadableError');
      return get.call(this, key);
    };
  });
  await page.goto(browser.extensionUrl('extension/pages/journal.html'));
  await page.waitForSelector('#chain[data-ok="true"]');
  await page.evaluate(() => {
    /** @type {any} */ (globalThis).failReads = true;
  });
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await page.click('#export');
  await page.waitForSelector('#export-error:not([hidden])');
  assert.equal(await page.getAttribute('#export-error', 'role'), 'alert');
  assert.match(await text(page, '#export-error'), /^L'export n'a pas abouti et aucun fichier n'a été créé ; vos preuves sont intactes\. Cause : .*lecture du disque impossible/);
  assert.equal(await page.locator('#export-progress-area').isVisible(), false);
  assert.equal(await page.locator('#handover').isVisible(), false);
  assert.equal(downloads, 0);
  await page.close();

  const broken = await browser.context.newPage();
  await broken.addInitScript(() => {
    indexedDB.open = () => {
      throw new DOMException('base de données inaccessible', 'UnknownError');
    };
  });
  await broken.goto(browser.extensionUrl('extension/pages/journal.html'));
  await broken.waitForSelector('#load-error:not([hidden])');
  assert.match(await text(broken, '#load-error'), /Le journal n'a pas pu être chargé : .*base de données inaccessible.*rechargez la page/s);
  assert.equal(await broken.locator('#loading').isVisible(), false);
  await broken.close();
});

/**
 * Every control shown can be reached with Tab, from the skip link on.
 * @param {import('playwright-core').Page} page
 */
async function assertKeyboardReachable(page) {
  const count = await page.evaluate(() => {
    const controls = [...document.querySelectorAll('a[href], button, input, select, textarea, summary')].filter(
      (e) => e.checkVisibility({ visibilityProperty: true }) && !(/** @type {any} */ (e).disabled) && !e.closest('dialog:not([open]), details:not([open]) > :not(summary)'),
    );
    controls.forEach((e, i) => e.setAttribute('data-kb', String(i)));
    return controls.length;
  });
  await page.focus('a.skip-link');
  const reached = new Set();
  for (let i = 0; i < count + 10 && reached.size < count; i += 1) {
    const kb = await page.evaluate(() => document.activeElement?.getAttribute('data-kb'));
    if (kb) reached.add(kb);
    await page.keyboard.press('Tab');
  }
  const missed = await page.evaluate((seen) => [...document.querySelectorAll('[data-kb]')].filter((e) => !seen.includes(e.getAttribute('data-kb') ?? '')).map((e) => e.outerHTML.slice(0, 120)), [...reached]);
  assert.deepEqual(missed, [], 'controls Tab never reaches');
}

test('accessibility: axe finds nothing in French and English, at 1,280 and 400 px, light and dark; reflow at 320 px', { timeout: 300_000 }, async () => {
  const page = await browser.context.newPage();
  /** @param {string} where */
  const check = async (where) => {
    const violations = await axeViolations(page);
    assert.deepEqual(violations.map((v) => v.id), [], `${where}:\n${formatViolations(violations)}`);
  };
  /** @param {number} seq */
  const detail = async (seq) => {
    await openDetail(page, seq);
    if (await page.locator('#technical').count()) await page.click('#technical summary');
  };
  const closeDetail = async () => {
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog#detail', { state: 'hidden' });
  };
  /** Every text a person reads is at least 16 px. */
  const smallText = () =>
    page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const small = new Set();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || !el.checkVisibility() || el.closest('.visually-hidden, option')) continue;
        if (parseFloat(getComputedStyle(el).fontSize) < 16) small.add(`${el.localName}.${el.className}: ${getComputedStyle(el).fontSize}`);
      }
      return [...small];
    });

  for (const language of ['fr', 'en']) {
    await browser.worker.evaluate((l) => chrome.storage.local.set({ language: l }), language);
    for (const width of [1280, 400]) {
      const where = `${language}, ${width} px`;
      await page.setViewportSize({ width, height: 900 });
      await page.goto(browser.extensionUrl('extension/pages/journal.html'));
      await page.waitForSelector('#chain[data-ok="true"]');
      assert.equal(await page.getAttribute('html', 'lang'), language);
      assert.equal(await page.locator('main').count(), 1, 'one main');
      assert.equal(await page.locator('h1').count(), 1, 'one h1');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', 'the skip link comes first');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'and leads to the content');
      await Promise.all([page.waitForEvent('download'), page.click('#export')]);
      await page.waitForSelector('#handover:not([hidden])');
      await check(`${where}, the list and the handover panel`);
      assert.deepEqual(await smallText(), [], `${where}: text under 16 px`);
      if (width === 1280) await assertKeyboardReachable(page);
      await detail(1);
      await check(`${where}, capture 1 in detail, technical details open`);
      assert.deepEqual(await smallText(), [], `${where}: text under 16 px in the dialog`);
      await closeDetail();
      await detail(2);
      await check(`${where}, the minor's deleted capture in detail`);
      await closeDetail();
    }
  }

  // Dark scheme: the same contrast rules.
  await browser.worker.evaluate(() => chrome.storage.local.set({ language: 'fr' }));
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(browser.extensionUrl('extension/pages/journal.html'));
  await page.waitForSelector('#chain[data-ok="true"]');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(20, 23, 28)', 'the dark scheme applies');
  await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  await page.waitForSelector('#handover:not([hidden])');
  await check('dark, the list and the handover panel');
  await detail(1);
  await check('dark, capture 1 in detail');
  await closeDetail();
  await page.goto(browser.extensionUrl('extension/pages/journal.html?case=vide'));
  await page.waitForSelector('#empty:not([hidden])');
  await check('dark, an empty case');
  await page.emulateMedia({ colorScheme: 'light' });

  // 320 px (WCAG 1.4.10): no horizontal scrolling, the list as cards, the dialog inside.
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(browser.extensionUrl('extension/pages/journal.html'));
  await page.waitForSelector('#chain[data-ok="true"]');
  await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  await page.waitForSelector('#handover:not([hidden])');
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, 'the page reflows at 320 px');
  assert.equal(await page.evaluate(() => getComputedStyle(/** @type {Element} */ (document.querySelector('#entries tr'))).display), 'block', 'rows are cards');
  await detail(1);
  const [pageWidth, dialogScroll, dialogClient] = await page.evaluate(() => {
    const d = /** @type {HTMLElement} */ (document.getElementById('detail'));
    return [document.documentElement.scrollWidth, d.scrollWidth, d.clientWidth];
  });
  assert.ok(pageWidth <= 320 && dialogScroll <= dialogClient, `the dialog reflows: page ${pageWidth}, dialog ${dialogScroll}/${dialogClient}`);
  await check('fr, 320 px, capture 1 in detail');
  await page.close();
});

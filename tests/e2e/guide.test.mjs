// The young person's journey and what the guide says, in a real browser: a right-click capture
// confirmed by the browser's own notification, whose click opens the guide for that capture
// (2 actions); the guide opens with reassurance and the helplines (each number shown once), then
// what to do now (each title on its own line, "how to report" naming the platform), then the
// adults' part, folded, with the per-capture deadlines, the civil-party complaint for an insult,
// PHAROS for a threat, the texts to copy, and a step marked done keeping the text sent (no
// "C'est fait" form shows before its button is pressed; the date chosen is written out in the
// page's language); the letter to the procureur tells the facts in order; the language chosen
// once applies to the pages and the notification. On the way, the options page: the custom
// time-stamp address field stays hidden while FreeTSA is selected, and checkboxes keep their
// size at 400 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveHosts } from '../support/hosts.mjs';
import { launchWithExtension, readStoredJournal } from '../support/chromium.mjs';

/** @type {Awaited<ReturnType<typeof serveHosts>>} */
let hosts;
/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;

before(async () => {
  hosts = await serveHosts();
  browser = await launchWithExtension({ args: hosts.chromiumArgs });
});

after(async () => {
  await browser?.close();
  await hosts?.close();
});

/**
 * The menu item's own handler, as a right-click → "Capturer comme preuve" calls it.
 * @param {string} url
 */
function captureFromMenu(url) {
  return browser.worker.evaluate(async (u) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
    return /** @type {any} */ (globalThis).temoin.captureAndReport({ menuItemId: 'temoin-capture', pageUrl: u }, tab);
  }, url);
}

/**
 * Appends journal entries as the journal page does, from an extension page.
 * @param {import('playwright-core').Page} page @param {string} fn @param {unknown[]} args
 */
function journalOp(page, fn, args) {
  return page.evaluate(async ([name, a]) => {
    const j = /** @type {any} */ (await import(chrome.runtime.getURL('extension/shared/journal.js')));
    return j[/** @type {string} */ (name)](...(/** @type {unknown[]} */ (a)));
  }, /** @type {[string, unknown[]]} */ ([fn, args]));
}

test('capture, notification, guide for that capture, deadlines, done steps, letter, language', async () => {
  // A French-speaking family: the language chosen in the options (the browser here is English).
  const ext = await browser.context.newPage();
  await ext.goto(browser.extensionUrl('extension/pages/options.html'));
  await ext.selectOption('select[name="language"]', 'fr');
  await ext.waitForSelector('#saved:not(:empty)');
  // Hidden means hidden: the custom time-stamp address field only with "Une autre adresse…".
  assert.equal(await ext.inputValue('select[name="authority"]'), 'https://freetsa.org/tsr');
  assert.equal(await ext.isVisible('input[name="customAuthority"]'), false, 'no custom address field while FreeTSA is selected');
  await ext.selectOption('select[name="authority"]', 'custom');
  assert.equal(await ext.isVisible('input[name="customAuthority"]'), true);
  await ext.selectOption('select[name="authority"]', 'https://freetsa.org/tsr');
  assert.equal(await ext.isVisible('input[name="customAuthority"]'), false, 'hidden again with FreeTSA');
  // At 400 px a checkbox keeps its size beside text that wraps.
  await ext.setViewportSize({ width: 400, height: 800 });
  const box = await ext.locator('input[name="fullPage"]').boundingBox();
  assert.ok(box && box.width >= 12 && box.height >= 12, `checkbox ${JSON.stringify(box)}`);
  await ext.setViewportSize({ width: 1280, height: 800 });
  // Before any capture (the guide opened at install): the case by its name, not its identifier.
  await ext.goto(browser.extensionUrl('extension/pages/guide.html'));
  await ext.waitForFunction(() => (document.getElementById('subject')?.textContent ?? '') !== '');
  assert.equal(await ext.textContent('#subject'), 'Pour le dossier «\u00a0Mon dossier\u00a0».');
  const post = await browser.context.newPage();
  await post.goto('https://x.com/corbeau_noir/status/1790000000000000042');
  await post.bringToFront();
  // Action 1: right-click the post → "Capturer comme preuve".
  await post.click('article[data-testid="tweet"] >> nth=0 >> [data-testid="tweetText"] span', { button: 'right' });
  const first = await captureFromMenu(post.url());
  assert.deepEqual({ ok: first.ok, seq: first.seq }, { ok: true, seq: 1 }, JSON.stringify(first));

  // The browser's notification says it worked, in the chosen language, with one action.
  const notes = await browser.worker.evaluate(() => chrome.notifications.getAll());
  assert.ok('capture|default|1' in notes, JSON.stringify(notes));
  assert.equal(await browser.worker.evaluate(() => /** @type {any} */ (globalThis).temoin.lastNotificationForTesting?.title), 'Preuve n°\u00a01 enregistrée');
  // The toolbar's popup, opened on that tab to check (notifications may be muted), says it too,
  // for the case the capture went to even when another case has been chosen since.
  await browser.worker.evaluate(() => chrome.storage.local.set({ currentCaseId: 'another-case' }));
  const popup = await browser.context.newPage();
  await post.bringToFront();
  await popup.goto(browser.extensionUrl('extension/pages/popup.html'));
  await popup.waitForSelector('#status.status-ok');
  assert.equal(await popup.textContent('#status'), 'Preuve n°\u00a01 enregistrée');
  assert.equal(await popup.getAttribute('#what-now', 'href'), 'guide.html?case=default&capture=1');
  await popup.close();
  await browser.worker.evaluate(() => chrome.storage.local.remove('currentCaseId'));

  // Action 2: a click on the notification opens the guide for this capture.
  const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('guide.html?') });
  await browser.worker.evaluate(() => /** @type {any} */ (globalThis).temoin.clickNotificationForTesting('capture|default|1'));
  const guide = await opened;
  assert.match(guide.url(), /case=default&capture=1/);
  await guide.waitForSelector('#reassure:not([hidden])');

  // Reassurance and helplines first, then what to do now; the adults' part folded.
  const order = await guide.evaluate(() => ['#reassure', '#now', '#adults'].map((s) => document.querySelector(s)?.getBoundingClientRect().top ?? -1));
  assert.ok(order[0] < order[1] && order[1] < order[2], `order ${order}`);
  assert.match((await guide.textContent('#reassure')) ?? '', /Tu as bien fait de garder une trace\. Ce n'est pas ta faute\./);
  assert.equal(await guide.locator('#helplines a[href="tel:3018"]').count(), 1, '3018 is one tap away');
  assert.equal(await guide.locator('#helplines a[href="tel:119"]').count(), 1);
  // Each card shows its number once: on its button, not again at the start of its name.
  for (const li of await guide.locator('#helplines li').all()) {
    const phone = ((await li.locator('a.call').getAttribute('href')) ?? '').replace('tel:', '');
    const said = (await li.locator(':scope > span').textContent()) ?? '';
    assert.ok(phone && !said.replace(/\s/g, '').startsWith(phone), `the number ${phone} twice: ${said}`);
  }
  assert.match((await guide.textContent('#helplines li[data-action="3018"]')) ?? '', /^3018 e-Enfance — /);
  // Each step's title on a line of its own, above its text.
  assert.equal(await guide.locator('ol.now li .now-title').first().evaluate((e) => getComputedStyle(e).display), 'block');
  // "How to" says where: the platform's name.
  for (const link of await guide.locator('ol.now li[data-action="report-in-app"] a').all()) assert.equal(await link.textContent(), 'Comment signaler sur X');
  // The footer speaks to the young person as the rest of their part does.
  assert.match((await guide.textContent('.privacy')) ?? '', /quand tu cliques, et les textes sont à copier toi-même/);
  const now = await guide.locator('ol.now li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-action')));
  assert.ok(now.indexOf('capture-first') < now.indexOf('block-after'), `capture before blocking: ${now}`);
  assert.equal(await guide.locator('#adults').getAttribute('open'), null, 'the adults part starts folded');
  assert.match((await guide.textContent('#shortcut')) ?? '', /Alt\+Maj\+E/, 'the keys as the page\'s language names them');
  // No date field until a step is marked done.
  assert.equal(await guide.locator('input[type="date"]:visible').count(), 0);

  // The case is a minor's; capture 1 is a threat: PHAROS, the platform's form, texts to copy.
  await journalOp(ext, 'saveCaseDetails', ['default', { title: 'Harcèlement de Léa', person: 'Léa M.', minor: true, description: '', school: false }]);
  await journalOp(ext, 'setCategories', ['default', 1, ['threat']]);
  await guide.reload();
  await guide.waitForSelector('#reassure:not([hidden])');
  await guide.click('#adults summary');
  // Unfolded: each step's "C'est fait" button, and nothing of its form until it is pressed.
  assert.ok((await guide.locator('button.mark-done:visible').count()) > 0);
  for (const part of ['form.done-form', 'form.done-form input[type="date"]', 'form.done-form button[type="submit"]', 'form.done-form button.cancel', 'form.done-form textarea']) {
    assert.equal(await guide.locator(`${part}:visible`).count(), 0, `${part}: hidden until "C'est fait" is pressed`);
  }
  const xLink = guide.locator('[data-action="platform-x-0"] a.go');
  assert.equal(await xLink.getAttribute('href'), 'https://help.twitter.com/en/safety-and-security/report-abusive-behavior');
  assert.equal(await guide.locator('[data-action="pharos"] a.go').getAttribute('href'), 'https://www.internet-signalement.gouv.fr');
  assert.equal(await guide.locator('[data-action="letter-erasure-x"] a.letter').count(), 1, "the minor's erasure request to X");
  await guide.click('[data-action="platform-x-0"] details.copy-text summary');
  const notice = await guide.locator('#copy-platform-report-1').inputValue();
  assert.match(notice, /https:\/\/x\.com\/corbeau_noir\/status\/1790000000000000042/);
  assert.match(notice, /222-17/);
  assert.match(notice, /bonne foi/);
  await guide.click('[data-action="pharos"] details.copy-text summary');
  const pharos = await guide.locator('#copy-pharos-1').inputValue();
  assert.match(pharos, /menaces/);
  assert.match(pharos, /27 novembre 2026 à 21\u00a0h\u00a014/);
  assert.ok((await guide.locator('.action.unverified').count()) > 0, 'the erasure card, among others, is to be confirmed');
  for (const card of await guide.locator('.action.unverified').all()) {
    assert.equal(await card.locator('.badge').count(), 1);
    // An address to be confirmed is never a link to follow.
    assert.equal(await card.locator('a[href^="http"]').count(), 0);
  }

  // "C'est fait" on the platform's form: the date and the text sent go into the journal.
  await guide.click('[data-action="platform-x-0"] button.mark-done');
  assert.equal(await guide.locator('[data-action="platform-x-0"] input[type="date"]').isVisible(), true);
  // The browser draws the field in its language; the day is written out beside it in French.
  const said = (await guide.textContent('[data-action="platform-x-0"] .date-said')) ?? '';
  assert.match(said, /^\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}$/, said);
  await guide.fill('[data-action="platform-x-0"] input[type="date"]', '2025-03-01');
  assert.equal(await guide.textContent('[data-action="platform-x-0"] .date-said'), '1er mars 2025');
  assert.equal(await guide.locator('form.done-form:visible').count(), 1, 'only the form of the step pressed');
  await guide.click('[data-action="platform-x-0"] form.done-form button[type="submit"]');
  await guide.waitForSelector('[data-action="platform-x-0"] .done');
  const stored = await readStoredJournal(browser.worker, 'default', { onlySeq: -1 });
  const last = JSON.parse(stored.entries.at(-1)?.json ?? '{}');
  assert.equal(last.body.kind, 'stepDone');
  assert.equal(last.body.action, 'platform-x-0');
  assert.equal(last.body.entry, 1);
  assert.match(last.body.text ?? '', /bonne foi/, 'the text actually sent is kept (DSA art. 16(3))');

  // Capture 2, an insult: its own 3-month clock, the civil-party complaint first, no PHAROS.
  await post.bringToFront();
  await post.click('article[data-testid="tweet"] >> nth=1 >> [data-testid="tweetText"] span', { button: 'right' });
  const second = (await captureFromMenu(post.url())).seq;
  assert.equal(second, 5, 'the number is the entry number: details, categories and a done step came between');
  await journalOp(ext, 'setCategories', ['default', second, ['insult']]);
  await guide.goto(browser.extensionUrl(`extension/pages/guide.html?capture=${second}`));
  await guide.waitForSelector('#reassure:not([hidden])');
  assert.equal(await guide.isVisible('#urgent-hint'), true, 'a short clock is flagged outside the fold');
  assert.equal(
    ((await guide.textContent('#urgent-hint')) ?? '').replace(/\u00a0/g, ' '),
    `Il faut parfois agir vite : montre aujourd'hui la partie « ${await guide.textContent('#adults summary')} » à un adulte de confiance.`.replace(/\u00a0/g, ' '),
  );
  await guide.click('#adults summary');
  const press = guide.locator(`#deadlines li[data-kind="press-3-months"][data-entry="${second}"]`);
  assert.match((await press.getAttribute('data-until')) ?? '', /^2027-0[12]-\d\d$/);
  assert.match((await press.textContent()) ?? '', /agissez au plus tard le/);
  assert.match((await guide.textContent('#deadlines .note[data-kind="press-plain-complaint"]')) ?? '', /plainte simple/);
  assert.equal(await guide.locator('[data-action="pharos"]').count(), 0, 'an insult alone is not offered to PHAROS');
  const steps = await guide.locator('section.step[data-step="4"] .action').evaluateAll((a) => a.map((x) => x.getAttribute('data-action')));
  assert.ok(steps.indexOf('cpc') >= 0 && steps.indexOf('cpc') < steps.indexOf('plainte-commissariat'), `${steps}`);
  assert.match((await guide.textContent('[data-action="letter-procureur"] .warning')) ?? '', /n'interrompt pas le délai de 3 mois/);

  // The letter to the procureur: both captures, in the order of publication, dated as people write.
  const letter = await browser.context.newPage();
  await letter.goto(browser.extensionUrl('extension/pages/letter.html?kind=procureur'));
  await letter.waitForSelector('.letter-text');
  const text = (await letter.textContent('.letter-text')) ?? '';
  assert.match(text, /Madame, Monsieur le Procureur de la République,/);
  assert.ok(text.indexOf('Pièce n°\u00a01.') < text.indexOf('Pièce n°\u00a02.'), 'exhibits in order');
  assert.match(text, /représentant légal/);
  assert.match(text, /222-17/);
  assert.match(text, /loi du 29 juillet 1881/);
  assert.doesNotMatch(text, /T\d\d:\d\d:\d\d/, 'no raw ISO times');
  assert.match((await letter.textContent('.warning')) ?? '', /français/);

  // The language chosen once applies to the pages and to the next notification.
  await ext.evaluate(() => chrome.storage.local.set({ language: 'en' }));
  await guide.reload();
  await guide.waitForSelector('#reassure:not([hidden])');
  assert.equal(await guide.textContent('h1'), 'What now?');
  assert.match((await guide.textContent('#reassure')) ?? '', /You did the right thing/);
  await ext.evaluate(() => chrome.storage.local.set({ language: 'fr' }));
  await guide.reload();
  await guide.waitForSelector('#reassure:not([hidden])');
  assert.equal(await guide.textContent('h1'), 'Que faire maintenant\u00a0?');
});

test('a post cut off in its picture: the notification and that capture\'s guide say how to capture it whole, until it is', async () => {
  // A family that once chose faster captures: the full-page option off.
  const ext = await browser.context.newPage();
  await ext.goto(browser.extensionUrl('extension/pages/options.html'));
  await ext.evaluate(() => chrome.storage.local.set({ fullPage: false, language: 'fr' }));
  try {
    const post = await browser.context.newPage();
    // An address of its own: the first test's tab on the same post is still open.
    await post.goto('https://x.com/corbeau_noir/status/1790000000000000042?s=cut');
    await post.bringToFront();
    const tweet = 'article[data-testid="tweet"] >> nth=0';
    await post.click(`${tweet} >> [data-testid="tweetText"] span`, { button: 'right' });
    // The post half above the top of the screen.
    await post.locator(tweet).evaluate((el) => {
      el.scrollIntoView({ block: 'start', behavior: 'instant' });
      scrollBy({ top: el.getBoundingClientRect().height / 2, behavior: 'instant' });
    });
    const cut = await captureFromMenu(post.url());
    assert.equal(cut.ok, true, JSON.stringify(cut));
    const entry = async (/** @type {number} */ seq) => {
      const stored = await readStoredJournal(browser.worker, cut.caseId);
      return JSON.parse(stored.entries.find((e) => e.seq === seq)?.json ?? '{}').body;
    };
    const first = await entry(cut.seq);
    assert.ok(first.notices.includes('post-crop-clipped'), first.notices.join());
    assert.ok(first.artifacts.some((/** @type {any} */ a) => a.name === 'screenshot-post.png'), 'the part on screen is kept');
    const notified = await browser.worker.evaluate(() => /** @type {any} */ (globalThis).temoin.lastNotificationForTesting);
    assert.equal(notified.id, `capture|${encodeURIComponent(cut.caseId)}|${cut.seq}`);
    assert.match(notified.message, /Mais le message est coupé sur l'image\u00a0: clique ici pour savoir comment le capturer en entier\./);

    const guide = await browser.context.newPage();
    const guideOf = async (/** @type {number} */ seq) => {
      await guide.goto(browser.extensionUrl(`extension/pages/guide.html?${new URLSearchParams({ case: cut.caseId, capture: String(seq) })}`));
      await guide.waitForSelector('#now:not([hidden])');
      return guide.locator('#now li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-action')));
    };
    const now = await guideOf(cut.seq);
    assert.equal(now[now.indexOf('capture-first') + 1], 'capture-again-whole', now.join());
    const card = (await guide.textContent('#now li[data-action="capture-again-whole"]')) ?? '';
    assert.match(card, /Le message est coupé sur l'image/);
    assert.match(card, /Inclure la page entière dans chaque capture/);

    // As the card says: scrolled until it is wholly on screen, captured again.
    await post.bringToFront();
    await post.click(`${tweet} >> [data-testid="tweetText"] span`, { button: 'right' });
    await post.locator(tweet).evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    const whole = await captureFromMenu(post.url());
    assert.equal(whole.ok, true, JSON.stringify(whole));
    const second = await entry(whole.seq);
    assert.ok(!second.notices.includes('post-crop-clipped'), second.notices.join());
    assert.ok(second.artifacts.some((/** @type {any} */ a) => a.name === 'screenshot-post.png'));
    const notifiedAgain = await browser.worker.evaluate(() => /** @type {any} */ (globalThis).temoin.lastNotificationForTesting);
    assert.doesNotMatch(notifiedAgain.message, /coupé/);
    // The first capture stays, and its guide no longer asks for it.
    assert.ok((await entry(cut.seq)).artifacts.length > 0);
    assert.ok(!(await guideOf(cut.seq)).includes('capture-again-whole'));
    assert.ok(!(await guideOf(whole.seq)).includes('capture-again-whole'));
    await guide.close();
    await post.close();
    // The settings the card sends to lead back to the guide.
    await ext.reload();
    await ext.click('nav a[href="guide.html"]');
    await ext.waitForURL(/\/guide\.html$/);
    await ext.waitForFunction(() => document.querySelector('h1')?.textContent === 'Que faire maintenant\u00a0?');
  } finally {
    await ext.evaluate(() => chrome.storage.local.remove('fullPage'));
    await ext.close();
  }
});

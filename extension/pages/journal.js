// The journal page: a case as a readable list (who, what, where, when, in local time), newest
// first, pages of 50 with previews blurred until revealed, filters, the case's short form, and
// the export that ends on what to hand over and where. Every action appends an entry; nothing
// is ever edited.
//
// Opening a big case: the newest rows come first from the summary the store keeps with every
// append (no entry read, nothing folded), then every row (for the filters and the pages), then
// the chain's verification, whose verdict is shown as soon as it is known.
import { captureShortcut, categoryLabel, CATEGORIES, initLanguage, localise, plural, t } from '../shared/i18n.js';
import { addFile, loadRows, newestRows, saveCaseDetails, verifyEverything, verifyStoredChain } from '../shared/journal.js';
import { exportBundle } from '../shared/export.js';
import { SPOOL_GRACE_MS, removeStaleSpools } from '../shared/spool.js';
import { currentCaseId, setCurrentCaseId } from '../shared/settings.js';
import { getArtifact, listCases } from '../shared/store.js';
import { byId, h, revealButton, saveBlob } from './dom.js';
import { bundleFileName, entryCounts, firstWords, itemsDays, itemsGathered, itemsPeriod, itemsSummary, itemTime, itemTimeKind, sentenceStart, timeElement } from './journal-format.js';
import { describeError, imagesFirstThePost, openDetail, withheld } from './journal-detail.js';
import { showHandover } from './journal-handover.js';

const PAGE_SIZE = 50;

/**
 * `data`: every row, once read; until then `first`, the rows of the page shown and the count.
 * @typedef {Awaited<ReturnType<typeof loadRows>>} LoadedCase
 * @typedef {NonNullable<Awaited<ReturnType<typeof newestRows>>>} FirstRows
 * @type {{ caseId: string, page: number, data: LoadedCase | null, first: FirstRows | null, loading: object | null,
 *   verification: any, urls: string[], exporting: boolean, cancelExport: AbortController | null }}
 */
const state = { caseId: '', page: 0, data: null, first: null, loading: null, verification: null, urls: [], exporting: false, cancelExport: null };

/** The case's details and title, from every row or from the first ones. */
const current = () => ({
  title: state.data?.title ?? state.first?.title ?? '',
  view: state.data?.view ?? { details: state.first?.details, items: [] },
});

/** @param {any} item */
const platformOf = (item) => item.label?.platformName ?? '';
/** @param {any} item */
const authorOf = (item) => item.label?.author ?? '';
/** Every author an item names: its own, or its items' (a conversation, a raid). @param {any} item @returns {string[]} */
const authorsOf = (item) => (item.label?.author ? [item.label.author] : (item.label?.items?.names ?? []));
/** @param {string} id */
const select = (id) => /** @type {HTMLSelectElement} */ (byId(id));

async function renderCases() {
  const cases = await listCases();
  if (!cases.some((c) => c.id === state.caseId)) cases.push({ id: state.caseId, title: t('defaultCaseTitle'), createdAt: '' });
  select('case-select').replaceChildren(
    ...cases.map((c) => h('option', { value: c.id, selected: c.id === state.caseId }, [c.id === state.caseId && current().title ? current().title : c.title])),
  );
}

/**
 * @param {HTMLSelectElement} el @param {string[]} values @param {(v: string) => string} label
 * @param {string} all the key of "every one" (« Toutes » the platforms, « Tous » the authors)
 */
function fillFilter(el, values, label, all) {
  const previous = el.value;
  el.replaceChildren(
    h('option', { value: '' }, [t(all)]),
    ...[...new Set(values)].sort((a, b) => a.localeCompare(b)).map((v) => h('option', { value: v, selected: v === previous }, [label(v)])),
  );
}

const filtering = () => Boolean(select('filter-platform').value || select('filter-author').value || select('filter-category').value);

/** Every item newest first, computed once per loaded case. @type {WeakMap<object, any[]>} */
const newestFirst = new WeakMap();

/** The items the filters let through, newest first. */
function filteredItems() {
  const view = state.data?.view;
  if (!view) return [];
  let items = newestFirst.get(view);
  if (!items) {
    items = [...view.items].reverse();
    newestFirst.set(view, items);
  }
  if (!filtering()) return items;
  const platform = select('filter-platform').value;
  const author = select('filter-author').value;
  const category = select('filter-category').value;
  return items.filter(
    (/** @type {any} */ i) =>
      (!platform || platformOf(i) === platform) &&
      (!author || authorsOf(i).includes(author)) &&
      (!category || i.categories.includes(category)),
  );
}

/**
 * Previews load when their row comes into view, and only if it is still shown: paging quickly
 * through a big case must not queue a read of every screenshot it passed.
 */
const thumbnails = new IntersectionObserver((seen) => {
  for (const { target, isIntersecting } of seen) {
    if (!isIntersecting) continue;
    thumbnails.unobserve(target);
    const img = /** @type {HTMLImageElement} */ (target);
    const [caseId, seq, name] = JSON.parse(img.dataset.artifact ?? '[]');
    getArtifact(caseId, seq, name).then((stored) => {
      if (!stored || !img.isConnected) return;
      const url = URL.createObjectURL(stored.blob);
      state.urls.push(url);
      img.src = url;
    });
  }
});

/** @param {any} item */
function previewCell(item) {
  const artifacts = item.capture?.artifacts ?? item.file?.artifacts ?? [];
  if (item.deleted) return h('span', { class: 'status-bad' }, [t('deletedLabel')]);
  if (withheld(current().view, item)) return h('span', { class: 'withheld' }, [t('imageWithheld')]);
  const [shot] = imagesFirstThePost(artifacts);
  if (!shot) return h('span', { class: 'muted' }, [t('noPreview')]);
  const img = h('img', { class: 'thumb', width: '160', height: '110' });
  img.dataset.artifact = JSON.stringify([state.caseId, item.seq, shot.name]);
  thumbnails.observe(img);
  return revealButton(img, t('previewToggle', [String(item.seq)]));
}

/** @param {any} item */
function messageCell(item) {
  if (item.file) {
    const what = item.file.description || item.file.originalName;
    return [h('p', { class: 'added' }, [t('addedByUser')]), what ? h('p', { class: 'excerpt' }, [firstWords(what)]) : null];
  }
  const post = item.capture.post ?? {};
  // A conversation or a selection is one row: what it holds, and how it was gathered.
  if (item.label?.items && item.capture.collection) {
    return [
      h('p', { class: 'author' }, [itemsSummary(item.label.items)]),
      h('p', { class: 'excerpt' }, [itemsGathered(item.capture.collection)]),
    ];
  }
  const text = post.text || post.subject || item.capture.page.title || '';
  return [
    h('p', { class: 'author' }, [authorOf(item) || t('authorUnknown')]),
    text ? h('p', { class: 'excerpt' }, [firstWords(text)]) : null,
  ];
}

/** @param {any} item */
function dateCell(item) {
  // A capture of several items posted over several days: those days, not one time.
  const days = item.capture?.collection ? itemsDays(item.capture) : null;
  if (days && days.first.getTime() !== days.last.getTime()) {
    return [h('span', { class: 'when-period' }, [sentenceStart(itemsPeriod(item.capture) ?? '')])];
  }
  const when = itemTime(item);
  const kind = itemTimeKind(item, when);
  return [
    h('span', { class: 'when-kind' }, [kind]),
    ' ',
    timeElement(when.date),
  ];
}

/** @param {any} item */
function row(item) {
  const details = h('button', { type: 'button', class: 'open-detail' }, [
    t('detailsButton'),
    h('span', { class: 'visually-hidden' }, [` ${t('detailsOf', [String(item.seq)])}`]),
  ]);
  details.addEventListener('click', () => openDetail(state.caseId, item, current().view, refresh));
  /** @param {string} label @param {string | undefined} cls @param {(Node | string | null)[]} children */
  const cell = (label, cls, children) => h('td', { 'data-label': label, class: cls }, children);
  return h('tr', { 'data-seq': String(item.seq), 'data-hash': item.hash, class: item.deleted ? 'deleted' : undefined }, [
    cell(t('colNumber'), 'seq', [String(item.seq)]),
    cell(t('colPreview'), 'preview', [previewCell(item)]),
    cell(t('colMessage'), 'message', messageCell(item)),
    cell(t('fieldPlatform'), 'platform', [
      platformOf(item) || (item.file ? t('addedPlatform') : '—'),
      item.label?.private ? h('span', { class: 'private' }, [` (${t('privateMessage')})`]) : null,
    ]),
    cell(t('colDate'), 'date', dateCell(item)),
    cell(t('colCategories'), 'categories', [
      item.categories.length
        ? h('ul', { class: 'chips' }, item.categories.map((/** @type {string} */ c) => h('li', { class: 'chip', 'data-category': c }, [categoryLabel(c)])))
        : h('span', { class: 'muted' }, [t('noCategory')]),
    ]),
    cell(t('colActions'), 'actions', [details]),
  ]);
}

function renderList() {
  thumbnails.disconnect();
  for (const url of state.urls.splice(0)) URL.revokeObjectURL(url);
  // Until every row is read, the page shown comes from the summary, unfiltered.
  const count = state.data ? state.data.view.items.length : (state.first?.count ?? 0);
  const items = state.data ? filteredItems() : null;
  const matching = items ? items.length : count;
  const pages = Math.max(1, Math.ceil(matching / PAGE_SIZE));
  state.page = Math.min(state.page, pages - 1);
  const shown = items ? items.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE) : (state.first?.rows ?? []);
  byId('entries').querySelector('tbody')?.replaceChildren(...shown.map(row));
  byId('entries-caption').textContent = t('entriesCaption', [String(matching)]);
  byId('entries').hidden = matching === 0;
  byId('empty').hidden = count > 0;
  byId('filters').hidden = count === 0;
  for (const id of ['filter-platform', 'filter-author', 'filter-category']) select(id).disabled = !state.data;
  byId('no-match').hidden = count === 0 || matching > 0;
  byId('captures-heading').textContent = t('capturesHeadingCount', [String(count)]);
  byId('pager').hidden = pages <= 1;
  byId('page-label').textContent = t('pageLabel', [String(state.page + 1), String(pages)]);
  /** @type {HTMLButtonElement} */ (byId('page-prev')).disabled = state.page === 0;
  /** @type {HTMLButtonElement} */ (byId('page-next')).disabled = state.page >= pages - 1;
}

/** Shows page `page`: from every row once read, else that page's rows from the summary. @param {number} page */
async function showPage(page) {
  state.page = page;
  if (!state.data) {
    const loading = state.loading;
    const first = await newestRows(state.caseId, { offset: page * PAGE_SIZE, limit: PAGE_SIZE });
    if (state.data || state.loading !== loading) return renderList();
    if (first) state.first = first;
  }
  renderList();
}

/** @param {any[]} problems */
function renderProblems(problems) {
  byId('problems').replaceChildren(...problems.map((p) => h('li', { 'data-code': p.code }, [p.message])));
}

function renderChain() {
  const report = state.verification;
  const chain = byId('chain');
  if (!report) return;
  chain.dataset.ok = String(report.ok);
  chain.dataset.head = report.head?.hash ?? '';
  chain.className = report.ok ? 'status-ok' : 'status-bad';
  chain.textContent = report.ok
    ? t('journalChainIntact', [entryCounts(report.entries, current().view.items)])
    : plural('journalChainBroken', report.problems.length);
  renderProblems(report.problems);
}

function renderCaseForm() {
  const d = current().view.details;
  const form = /** @type {HTMLFormElement} */ (byId('case-form'));
  const field = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
  field('title').value = current().title;
  field('person').value = d?.person ?? '';
  field('minor').checked = d?.minor ?? false;
  field('school').checked = d?.school ?? false;
  field('description').value = d?.description ?? '';
  const facts = [d?.person, d?.minor ? t('caseMinor') : '', d?.school ? t('caseSchoolShort') : ''].filter(Boolean);
  // Details saved without a name: only the name is missing (« mineure » unticked is an answer).
  byId('case-summary').textContent = facts.length ? facts.join(' · ') : t(d ? 'caseNoPerson' : 'caseNoDetails');
}

async function refresh() {
  // Until this refresh has verified the chain again, the page does not claim it is valid.
  byId('chain').removeAttribute('data-ok');
  const loading = {};
  state.loading = loading;
  byId('guide-link').setAttribute('href', `guide.html?${new URLSearchParams({ case: state.caseId })}`);
  // 1. The page shown, from the summary (unless a filter needs every row).
  if (!(state.data && filtering())) {
    const first = await newestRows(state.caseId, { offset: state.page * PAGE_SIZE, limit: PAGE_SIZE });
    if (state.loading !== loading) return;
    if (first) {
      state.data = null;
      state.first = first;
      renderCaseForm();
      renderList();
      byId('loading').hidden = true;
      await renderCases();
    }
  }
  // 2. Every row: the filters and the other pages.
  const data = await loadRows(state.caseId);
  if (state.loading !== loading) return;
  state.data = data;
  state.first = null;
  await renderCases();
  const items = data.view.items;
  fillFilter(select('filter-platform'), items.map(platformOf).filter(Boolean), (v) => v, 'filterAllPlatforms');
  fillFilter(select('filter-author'), items.flatMap(authorsOf).filter(Boolean), (v) => v, 'filterAllAuthors');
  fillFilter(select('filter-category'), CATEGORIES, categoryLabel, 'filterAllCategories');
  renderCaseForm();
  renderList();
  byId('loading').hidden = true;
  // 3. The chain's verification (it reads every entry).
  state.verification = null;
  byId('chain').className = '';
  byId('chain').textContent = t('journalChainChecking');
  // Let the list paint first (a frame; a hidden tab gets no frames, hence the timeout).
  await new Promise((r) => {
    requestAnimationFrame(() => setTimeout(r, 0));
    setTimeout(r, 50);
  });
  const verification = await verifyStoredChain(state.caseId);
  if (state.loading !== loading) return; // another refresh started meanwhile
  state.verification = verification;
  renderChain();
}

/** Shows what went wrong on the page, in the page's language. @param {unknown} e */
function showActionError(e) {
  console.error(e);
  const el = byId('action-error');
  el.textContent = t('actionFailed', [describeError(e)]);
  el.hidden = false;
}

/** Runs an action, showing its failure instead of losing it. @param {() => Promise<unknown>} action */
async function guarded(action) {
  byId('action-error').hidden = true;
  try {
    await action();
  } catch (e) {
    showActionError(e);
  }
}

/**
 * Export → the file saved under the case's name → what to hand over and where. Until the bundle
 * is whole and its entry in the journal, Cancel stops it and nothing is left: no file, no entry.
 */
async function exportCase() {
  if (state.exporting) return;
  const button = byId('export');
  const cancel = /** @type {HTMLButtonElement} */ (byId('export-cancel'));
  const status = byId('export-status');
  const error = byId('export-error');
  const area = byId('export-progress-area');
  const progress = /** @type {HTMLProgressElement} */ (byId('export-progress'));
  error.hidden = true;
  status.textContent = '';
  // A case loaded empty may have had a capture since: check again before saying so.
  if (!current().view.items.length && !state.first?.count) state.data = await loadRows(state.caseId);
  if (!current().view.items.length && !state.first?.count) {
    byId('handover').hidden = true;
    status.textContent = t('exportEmpty');
    return;
  }
  const title = current().title;
  state.exporting = true;
  const controller = new AbortController();
  state.cancelExport = controller;
  button.setAttribute('aria-disabled', 'true');
  cancel.disabled = false;
  progress.removeAttribute('value');
  area.hidden = false;
  status.textContent = t('exporting');
  try {
    const exported = await exportBundle(state.caseId, {
      signal: controller.signal,
      onProgress: (done, total) => {
        progress.max = total;
        progress.value = done;
        status.textContent = t('exportingFiles', [String(done), String(total)]);
      },
      // From here the bundle is whole and its entry is being appended: too late to cancel.
      onCommit: () => {
        cancel.disabled = true;
        progress.removeAttribute('value');
        status.textContent = t('exportFinishing');
      },
    });
    // The file is named by the export's start, the time its documents give (in UTC there).
    const date = new Date(exported.startedAt);
    const fileName = bundleFileName(title, date);
    saveBlob(exported.blob, fileName);
    // The browser copies the file to where downloads go; the extension's copy goes after.
    setTimeout(() => void exported.release(), SPOOL_GRACE_MS);
    status.textContent = t('exportDone', [fileName]);
    showHandover(byId('handover'), byId('cover'), { caseId: state.caseId, caseTitle: title, fileName, size: exported.size, head: exported.head, date });
    // The export appended an entry: show the case as it is now.
    refresh().catch(showActionError);
  } catch (e) {
    status.textContent = '';
    if (/** @type {any} */ (e)?.code === 'export-cancelled') {
      status.textContent = t('exportCancelled');
    } else {
      console.error(e);
      error.textContent = t('exportFailed', [describeError(e)]);
      error.hidden = false;
    }
  } finally {
    state.exporting = false;
    state.cancelExport = null;
    button.removeAttribute('aria-disabled');
    area.hidden = true;
  }
}

/** Under the file button, what was chosen, in the page's language (not the browser's). */
function showChosenFiles() {
  const input = /** @type {HTMLInputElement} */ (byId('file-input'));
  const names = [...(input.files ?? [])].map((f) => f.name);
  byId('file-chosen').textContent = names.length ? names.join(', ') : t('fileNoneChosen');
}

/** The empty case's second step names the shortcut the browser has set, if any. */
async function showShortcut() {
  const keys = await captureShortcut();
  byId('empty-step-2').textContent = keys ? t('emptyStep2', [keys]) : t('emptyStep2NoKey');
}

function wire() {
  select('case-select').addEventListener('change', () =>
    guarded(async () => {
      state.caseId = select('case-select').value;
      state.page = 0;
      byId('handover').hidden = true;
      byId('export-status').textContent = '';
      await setCurrentCaseId(state.caseId);
      await refresh();
    }),
  );
  byId('new-case').addEventListener('click', () =>
    guarded(async () => {
      const title = prompt(t('caseNewPrompt'));
      if (!title?.trim()) return;
      state.caseId = crypto.randomUUID();
      state.page = 0;
      byId('handover').hidden = true;
      byId('export-status').textContent = '';
      await saveCaseDetails(state.caseId, { title: title.trim(), person: '', minor: false, description: '' });
      await setCurrentCaseId(state.caseId);
      await refresh();
      /** @type {HTMLDetailsElement} */ (byId('case-details')).open = true;
      byId('case-person').focus();
    }),
  );
  byId('case-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (e.target));
    guarded(async () => {
      byId('case-saved').textContent = '';
      await saveCaseDetails(state.caseId, {
        title: String(data.get('title') ?? '').trim(),
        person: String(data.get('person') ?? '').trim(),
        minor: data.get('minor') === 'on',
        school: data.get('school') === 'on',
        description: String(data.get('description') ?? '').trim(),
      });
      await refresh();
      byId('case-saved').textContent = t('caseSaved');
    });
  });
  for (const id of ['filter-platform', 'filter-author', 'filter-category']) {
    byId(id).addEventListener('change', () => {
      state.page = 0;
      renderList();
    });
  }
  byId('page-prev').addEventListener('click', () => guarded(() => showPage(state.page - 1)));
  byId('page-next').addEventListener('click', () => guarded(() => showPage(state.page + 1)));
  byId('export').addEventListener('click', () => guarded(exportCase));
  byId('export-cancel').addEventListener('click', () => state.cancelExport?.abort());
  byId('verify-all').addEventListener('click', () =>
    guarded(async () => {
      const status = byId('verify-status');
      const report = await verifyEverything(state.caseId, (done, total) => {
        status.textContent = t('verifyingFiles', [String(done), String(total)]);
      });
      status.dataset.ok = String(report.ok);
      status.className = report.ok ? 'status-ok' : 'status-bad';
      status.textContent = report.ok
        ? t('verifyAllOk', [entryCounts(report.entries, current().view.items)])
        : plural('journalChainBroken', report.problems.length);
      renderProblems(report.problems);
    }),
  );
  byId('file-input').addEventListener('change', showChosenFiles);
  byId('add-file').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = /** @type {HTMLInputElement} */ (byId('file-input'));
    const description = /** @type {HTMLInputElement} */ (byId('file-description'));
    guarded(async () => {
      for (const file of input.files ?? []) await addFile(state.caseId, file, description.value.trim());
      input.value = '';
      description.value = '';
      showChosenFiles();
      await refresh();
    });
  });
}

async function start() {
  await initLanguage();
  localise();
  document.title = `${t('journalTitle')} — Témoin`;
  state.caseId = new URLSearchParams(location.search).get('case') ?? (await currentCaseId());
  wire();
  showChosenFiles();
  await Promise.all([showShortcut(), refresh()]);
  // Files of exports stopped by a closed page or browser, once no download can still need them.
  void removeStaleSpools();
}

start().catch((e) => {
  console.error(e);
  byId('loading').hidden = true;
  const box = byId('load-error');
  box.replaceChildren(h('p', {}, [t('loadFailed', [describeError(e)])]), h('p', {}, [t('loadFailedHelp')]));
  box.hidden = false;
});

// The journal page: a case's captures and added files, in order, with filters, pages of 50,
// thumbnails blurred until clicked, and the actions that append entries (never edit them).
import { categoryLabel, CATEGORIES, initLanguage, localise, t } from '../shared/i18n.js';
import { addFile, loadCase, saveCaseDetails, verifyChain, verifyEverything } from '../shared/journal.js';
import { exportBundle } from '../shared/export.js';
import { currentCaseId, setCurrentCaseId } from '../shared/settings.js';
import { getArtifact, listCases } from '../shared/store.js';
import { byId, externalLink, h, saveBlob } from './dom.js';
import { openDetail } from './journal-detail.js';

const PAGE_SIZE = 50;

/** @type {{ caseId: string, page: number, data: Awaited<ReturnType<typeof loadCase>> | null, verification: any, urls: string[] }} */
const state = { caseId: '', page: 0, data: null, verification: null, urls: [] };

/** @param {any} item */
const platformOf = (item) => item.capture?.post?.platform ?? '';
/** @param {any} item */
const authorOf = (item) => item.capture?.post?.authorHandle ?? item.capture?.post?.authorName ?? '';

async function renderCases() {
  const cases = await listCases();
  if (!cases.some((c) => c.id === state.caseId)) cases.push({ id: state.caseId, title: t('defaultCaseTitle'), createdAt: '' });
  const select = /** @type {HTMLSelectElement} */ (byId('case-select'));
  select.replaceChildren(...cases.map((c) => h('option', { value: c.id, selected: c.id === state.caseId }, [c.title])));
}

/** @param {HTMLSelectElement} select @param {string[]} values @param {(v: string) => string} label */
function fillFilter(select, values, label) {
  const previous = select.value;
  select.replaceChildren(
    h('option', { value: '' }, [t('filterAll')]),
    ...[...new Set(values)].sort().map((v) => h('option', { value: v, selected: v === previous }, [label(v)])),
  );
}

function filteredItems() {
  const items = state.data?.view.items ?? [];
  const platform = /** @type {HTMLSelectElement} */ (byId('filter-platform')).value;
  const author = /** @type {HTMLSelectElement} */ (byId('filter-author')).value;
  const category = /** @type {HTMLSelectElement} */ (byId('filter-category')).value;
  return items.filter(
    (/** @type {any} */ i) =>
      (!platform || platformOf(i) === platform) &&
      (!author || authorOf(i) === author) &&
      (!category || i.categories.includes(category)),
  );
}

/** @param {HTMLImageElement} img */
function toggleBlur(img) {
  img.classList.toggle('blurred');
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
function row(item) {
  const capture = item.capture;
  const artifacts = capture?.artifacts ?? item.file?.artifacts ?? [];
  const thumb = h('img', { class: 'thumb blurred', alt: t('previewAlt'), title: t('previewReveal') });
  thumb.addEventListener('click', () => toggleBlur(thumb));
  const shot = artifacts.find((/** @type {any} */ a) => a.mediaType.startsWith('image/'));
  if (shot && !item.deleted) {
    thumb.dataset.artifact = JSON.stringify([state.caseId, item.seq, shot.name]);
    thumbnails.observe(thumb);
  }
  const page = capture
    ? [
        h('div', {}, [authorOf(item) ? h('strong', {}, [authorOf(item) + ' ']) : null, platformOf(item) ? h('span', { class: 'chip' }, [platformOf(item)]) : null]),
        h('div', {}, [capture.post?.text ?? capture.page.title]),
        externalLink(capture.page.url),
      ]
    : [h('div', { class: 'added' }, [t('addedByUser')]), h('div', {}, [item.file.originalName]), h('div', {}, [item.file.description])];
  const details = h('button', { type: 'button', class: 'open-detail' }, [t('detailsButton')]);
  details.addEventListener('click', () => openDetail(state.caseId, item, refresh));
  return h('tr', { 'data-seq': String(item.seq), 'data-hash': item.hash, class: item.deleted ? 'deleted' : undefined }, [
    h('td', { class: 'seq' }, [String(item.seq), h('br'), details]),
    h('td', {}, [item.deleted ? h('span', { class: 'status-bad' }, [t('deletedLabel')]) : shot ? thumb : '—']),
    h('td', { class: 'time' }, [capture?.capturedAt ?? item.at]),
    h('td', { class: 'page' }, page),
    h('td', {}, item.categories.map((/** @type {string} */ c) => h('span', { class: 'chip', 'data-category': c }, [categoryLabel(c)]))),
    h('td', {}, [
      h(
        'ul',
        { class: 'artifacts' },
        artifacts.map((/** @type {any} */ a) =>
          h('li', { 'data-name': a.name }, [
            h('strong', {}, [a.name]),
            ` (${t('bytes', [String(a.size)])})`,
            h('br'),
            h('code', { class: 'hash' }, [a.sha256]),
          ]),
        ),
      ),
    ]),
  ]);
}

function renderList() {
  thumbnails.disconnect();
  for (const url of state.urls.splice(0)) URL.revokeObjectURL(url);
  const items = filteredItems();
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  state.page = Math.min(state.page, pages - 1);
  const shown = items.slice(state.page * PAGE_SIZE, (state.page + 1) * PAGE_SIZE);
  byId('entries').querySelector('tbody')?.replaceChildren(...shown.map(row));
  byId('entries').hidden = items.length === 0;
  byId('empty').hidden = (state.data?.view.items.length ?? 0) > 0;
  byId('pager').hidden = pages <= 1;
  byId('page-label').textContent = t('pageLabel', [String(state.page + 1), String(pages)]);
  /** @type {HTMLButtonElement} */ (byId('page-prev')).disabled = state.page === 0;
  /** @type {HTMLButtonElement} */ (byId('page-next')).disabled = state.page >= pages - 1;
}

function renderChain() {
  const report = state.verification;
  const chain = byId('chain');
  if (!report) return;
  chain.dataset.ok = String(report.ok);
  chain.className = report.ok ? 'status-ok' : 'status-bad';
  chain.textContent = report.ok
    ? t('journalChainOk', [String(report.entries), report.head.hash])
    : t('journalChainBroken', [String(report.problems.length)]);
  byId('problems').replaceChildren(
    ...report.problems.map((/** @type {any} */ p) => h('li', { 'data-code': p.code }, [p.message])),
  );
}

function renderCaseForm() {
  const d = state.data?.view.details;
  const form = /** @type {HTMLFormElement} */ (byId('case-form'));
  const field = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
  field('title').value = d?.title ?? (/** @type {HTMLSelectElement} */ (byId('case-select')).selectedOptions[0]?.textContent ?? '');
  field('person').value = d?.person ?? '';
  field('minor').checked = d?.minor ?? false;
  field('description').value = d?.description ?? '';
}

async function refresh() {
  // Until this refresh has verified the chain again, the page does not claim it is valid.
  byId('chain').removeAttribute('data-ok');
  state.data = await loadCase(state.caseId);
  byId('guide-link').setAttribute('href', `guide.html?${new URLSearchParams({ case: state.caseId })}`);
  await renderCases();
  const items = state.data.view.items;
  fillFilter(/** @type {HTMLSelectElement} */ (byId('filter-platform')), items.map(platformOf).filter(Boolean), (v) => v);
  fillFilter(/** @type {HTMLSelectElement} */ (byId('filter-author')), items.map(authorOf).filter(Boolean), (v) => v);
  fillFilter(/** @type {HTMLSelectElement} */ (byId('filter-category')), CATEGORIES, categoryLabel);
  renderCaseForm();
  renderList();
  // The list first, then the chain's verification (it reads every entry again).
  const loaded = state.data;
  state.verification = null;
  byId('chain').className = '';
  byId('chain').textContent = t('journalChainChecking');
  // Let the list paint first (a frame; a hidden tab gets no frames, hence the timeout).
  await new Promise((r) => {
    requestAnimationFrame(() => setTimeout(r, 0));
    setTimeout(r, 50);
  });
  const verification = await verifyChain(loaded);
  if (state.data !== loaded) return; // another refresh started meanwhile
  state.verification = verification;
  renderChain();
}

/** Runs an action, showing its failure instead of losing it. @param {() => Promise<unknown>} action */
async function guarded(action) {
  try {
    await action();
  } catch (e) {
    console.error(e);
    alert(t('actionFailed', [String(/** @type {any} */ (e)?.message ?? e)]));
  }
}

function wire() {
  byId('case-select').addEventListener('change', (e) =>
    guarded(async () => {
      state.caseId = /** @type {HTMLSelectElement} */ (e.target).value;
      state.page = 0;
      await setCurrentCaseId(state.caseId);
      await refresh();
    }),
  );
  byId('new-case').addEventListener('click', () =>
    guarded(async () => {
      const title = prompt(t('caseNewPrompt'));
      if (!title?.trim()) return;
      state.caseId = crypto.randomUUID();
      await saveCaseDetails(state.caseId, { title: title.trim(), person: '', minor: false, description: '' });
      await setCurrentCaseId(state.caseId);
      await refresh();
    }),
  );
  byId('case-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const form = /** @type {HTMLFormElement} */ (e.target);
    const data = new FormData(form);
    guarded(async () => {
      await saveCaseDetails(state.caseId, {
        title: String(data.get('title') ?? '').trim(),
        person: String(data.get('person') ?? '').trim(),
        minor: data.get('minor') === 'on',
        description: String(data.get('description') ?? '').trim(),
      });
      await refresh();
    });
  });
  for (const id of ['filter-platform', 'filter-author', 'filter-category']) {
    byId(id).addEventListener('change', () => {
      state.page = 0;
      renderList();
    });
  }
  byId('page-prev').addEventListener('click', () => {
    state.page -= 1;
    renderList();
  });
  byId('page-next').addEventListener('click', () => {
    state.page += 1;
    renderList();
  });
  byId('export').addEventListener('click', () =>
    guarded(async () => {
      const progress = /** @type {HTMLProgressElement} */ (byId('export-progress'));
      progress.hidden = false;
      byId('export-status').textContent = t('exporting');
      try {
        const { blob, head, fileName } = await exportBundle(state.caseId, {
          onProgress: (done, total) => {
            progress.max = total;
            progress.value = done;
          },
        });
        saveBlob(blob, fileName);
        byId('export-status').textContent = t('exported', [fileName, head.hash, String(head.seq)]);
        // The export entry is in the journal now.
        await refresh();
      } finally {
        progress.hidden = true;
      }
    }),
  );
  byId('verify-all').addEventListener('click', () =>
    guarded(async () => {
      const status = byId('verify-status');
      const report = await verifyEverything(state.caseId, (done, total) => {
        status.textContent = t('verifyingFiles', [String(done), String(total)]);
      });
      status.dataset.ok = String(report.ok);
      status.className = report.ok ? 'status-ok' : 'status-bad';
      status.textContent = report.ok ? t('verifyAllOk', [String(report.entries)]) : t('journalChainBroken', [String(report.problems.length)]);
      byId('problems').replaceChildren(
        ...report.problems.map((/** @type {any} */ p) => h('li', { 'data-code': p.code }, [p.message])),
      );
    }),
  );
  byId('add-file').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = /** @type {HTMLInputElement} */ (byId('file-input'));
    const description = /** @type {HTMLInputElement} */ (byId('file-description'));
    guarded(async () => {
      for (const file of input.files ?? []) await addFile(state.caseId, file, description.value.trim());
      input.value = '';
      description.value = '';
      await refresh();
    });
  });
}

async function start() {
  await initLanguage();
  localise();
  state.caseId = new URLSearchParams(location.search).get('case') ?? (await currentCaseId());
  wire();
  await refresh();
}

start().catch((e) => {
  const chain = byId('chain');
  chain.className = 'status-bad';
  chain.textContent = String(e?.message ?? e);
  console.error(e);
});

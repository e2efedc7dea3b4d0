// Import and verify: a bundle dropped here is checked by the same core code as `temoin
// verify`. A valid bundle opens read-only; nothing is written to this device's journal.
import { core, ready } from '../shared/core.js';
import { initLanguage, localise, t } from '../shared/i18n.js';
import { byId, externalLink, h } from './dom.js';

/** @param {File} file */
async function check(file) {
  const result = byId('result');
  byId('problems').replaceChildren();
  byId('readonly').hidden = true;
  result.className = '';
  result.textContent = t('importChecking');
  await ready();
  const bytes = new Uint8Array(await file.arrayBuffer());
  /** @type {any} */
  let report;
  try {
    report = core.verifyBundle(bytes, undefined);
  } catch (e) {
    const err = /** @type {any} */ (e);
    result.dataset.state = 'unreadable';
    result.dataset.code = String(err?.code ?? 'unexpected');
    result.className = 'status-bad';
    result.textContent = t('importUnreadable', [String(err?.message ?? e)]);
    return;
  }
  result.dataset.state = report.ok ? 'valid' : 'altered';
  result.className = report.ok ? 'status-ok' : 'status-bad';
  result.textContent = report.ok
    ? t('importValid', [String(report.entries), report.head.hash])
    : t('importAltered', [String(report.problems.length)]);
  byId('problems').replaceChildren(
    ...report.problems.map((/** @type {any} */ p) =>
      h('li', { 'data-code': p.code, 'data-seq': p.seq === undefined ? undefined : String(p.seq) }, [
        p.message,
        p.expected ? h('div', {}, [h('small', {}, [`${t('expected')} ${p.expected}`])]) : null,
        p.found ? h('div', {}, [h('small', {}, [`${t('found')} ${p.found}`])]) : null,
      ]),
    ),
  );
  if (report.ok) showReadOnly(report.view);
}

/** @param {any} view */
function showReadOnly(view) {
  byId('readonly-title').textContent = view.details?.title ?? view.caseId;
  byId('readonly-entries').querySelector('tbody')?.replaceChildren(
    ...view.items.map((/** @type {any} */ item) =>
      h('tr', { 'data-seq': String(item.seq) }, [
        h('td', {}, [String(item.seq)]),
        h('td', {}, [item.capture?.capturedAt ?? item.at]),
        h('td', {}, item.capture
          ? [h('div', {}, [item.capture.post?.text ?? item.capture.page.title]), externalLink(item.capture.page.url)]
          : [h('div', { class: 'added' }, [t('addedByUser')]), item.file.originalName]),
        h('td', {}, [h('code', { class: 'hash' }, [item.hash])]),
      ]),
    ),
  );
  byId('readonly').hidden = false;
}

await initLanguage();
localise();
const input = /** @type {HTMLInputElement} */ (byId('bundle-input'));
input.addEventListener('change', () => {
  const file = input.files?.[0];
  if (file) void check(file);
});
const drop = byId('drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const file = e.dataTransfer?.files[0];
  if (file) void check(file);
});

// Import and verify: a bundle dropped here is checked by the same core code as `temoin
// verify`, in a dedicated worker that reads the file in slices (import-worker.js), so a large
// bundle neither freezes the page nor fills its memory. A valid bundle opens read-only;
// nothing is written to this device's journal.
import { localDateTime } from '../shared/dates.js';
import { formatNumber, initLanguage, localise, plural, t } from '../shared/i18n.js';
import { byId, externalLink, h } from './dom.js';
import { entryCounts, groupedCode, itemTime, timeElement } from './journal-format.js';

/** The sentence, in the page's language, for each problem code of the core (crate/core/src/problem.rs). */
const PROBLEM_KEYS = /** @type {Record<string, string>} */ ({
  'entry-hash-mismatch': 'problem_entry',
  'sequence-gap': 'problem_order',
  'seq-mismatch': 'problem_order',
  'chain-broken': 'problem_chain',
  'not-canonical': 'problem_event',
  'invalid-event': 'problem_event',
  'corrupt-entry': 'problem_event',
  'unknown-version': 'problem_event',
  'wrong-case': 'problem_event',
  'dangling-reference': 'problem_reference',
  'deleted-twice': 'problem_reference',
  'tombstone-mismatch': 'problem_reference',
  'head-mismatch': 'problem_head',
  'artifact-missing': 'problem_artifactMissing',
  'artifact-unexpected': 'problem_artifactAdded',
  'artifact-duplicate': 'problem_artifactAdded',
  'artifact-hash-mismatch': 'problem_artifactChanged',
  'artifact-wrong-directory': 'problem_artifactMoved',
  'withheld-unknown': 'problem_withheld',
  'withheld-present': 'problem_withheld',
  'manifest-head-mismatch': 'problem_manifest',
  'manifest-not-as-written': 'problem_manifest',
  'unexpected-head': 'problem_code',
  'sums-missing': 'problem_sums',
  'sums-malformed': 'problem_sums',
  'sums-not-exact': 'problem_sums',
  'sums-too-large': 'problem_sums',
  'file-missing': 'problem_fileMissing',
  'file-altered': 'problem_fileChanged',
  'file-not-listed': 'problem_fileAdded',
  'chain-head-missing': 'problem_chainHead',
  'chain-head-malformed': 'problem_chainHead',
  'chain-head-not-as-written': 'problem_chainHead',
  'journal-missing': 'problem_journal',
  'journal-unreadable': 'problem_journal',
  'journal-not-canonical': 'problem_journal',
  'seal-missing': 'problem_seal',
  'entry-after-seal': 'problem_seal',
  'document-altered': 'problem_document',
  'document-missing': 'problem_documentMissing',
  'timestamp-invalid': 'problem_timestamp',
  'timestamp-file-missing': 'problem_timestampFile',
  'timestamp-file-not-as-written': 'problem_timestampFile',
  'timestamp-file-unexpected': 'problem_timestampFile',
});

/**
 * What a problem concerns, as people name it: "Capture n° 1, Instagram, @corbeau.noir".
 * @param {any} p @param {any} view
 */
function concerns(p, view) {
  if (p.seq === undefined || p.seq === null) return t('problemBundle');
  const item = view?.items?.find((/** @type {any} */ i) => i.seq === p.seq);
  if (item?.capture) {
    const platform = item.label?.platformName ?? '?';
    return item.label?.author ? t('problemCapture', [String(p.seq), platform, item.label.author]) : t('problemCaptureNoAuthor', [String(p.seq), platform]);
  }
  if (item?.file) return t('problemAdded', [String(p.seq)]);
  return t('problemEntryOnly', [String(p.seq)]);
}

/** A problem in the page's language; the core's own words under "Détails techniques". @param {any} p @param {any} view */
function problemText(p, view) {
  const key = PROBLEM_KEYS[p.code];
  const file = String(p.file ?? '').split('/').at(-1) ?? '';
  const why = key ? t(key, [file]) : p.message;
  return t('problemLine', [concerns(p, view), why]);
}

/** Problems shown per kind; the rest are counted. */
const SHOWN_PER_CODE = 50;

/** @type {Worker | null} */
let worker = null;
/** The file last chosen: changing the expected code verifies it again. @type {File | null} */
let chosen = null;

/** @param {string} state @param {string} className @param {string} text */
function setResult(state, className, text) {
  const result = byId('result');
  result.dataset.state = state;
  result.className = className;
  result.textContent = text;
}

/** @param {File} file */
function check(file) {
  chosen = file;
  byId('bundle-chosen').textContent = file.name;
  byId('problems').replaceChildren();
  byId('notices').replaceChildren();
  byId('readonly').hidden = true;
  const result = byId('result');
  delete result.dataset.code;
  delete result.dataset.head;
  setResult('checking', '', t('importChecking'));
  const progress = /** @type {HTMLProgressElement} */ (byId('import-progress'));
  progress.hidden = false;
  progress.removeAttribute('value');
  // One verification at a time: a new file ends the previous one.
  worker?.terminate();
  const current = new Worker(new URL('import-worker.js', import.meta.url), { type: 'module' });
  worker = current;
  const expectHead = /** @type {HTMLInputElement} */ (byId('expected-code')).value;
  const finish = () => {
    progress.hidden = true;
    current.terminate();
    if (worker === current) worker = null;
  };
  current.onmessage = (/** @type {MessageEvent<any>} */ { data }) => {
    if (worker !== current) return;
    if (data.type === 'progress') {
      progress.max = data.total;
      progress.value = data.done;
      result.textContent = t('importReading', [String(Math.floor((100 * data.done) / Math.max(1, data.total)))]);
    } else if (data.type === 'done') {
      finish();
      show(data.report, expectHead.trim() !== '');
    } else {
      finish();
      result.dataset.code = data.code;
      if (data.code === 'invalid-control-code') {
        setResult('bad-code', 'status-bad', t('importBadCode'));
      } else if (data.file) {
        setResult('unreadable', 'status-bad', t('importUnreadableFile', [data.file, data.message]));
      } else {
        setResult('unreadable', 'status-bad', t('importUnreadable', [data.message]));
      }
    }
  };
  // The worker itself failed (out of memory, a load error): say so rather than wait forever.
  current.onerror = (e) => {
    e.preventDefault();
    if (worker !== current) return;
    finish();
    result.dataset.code = 'worker-failed';
    setResult('failed', 'status-bad', t('importWorkerFailed', [e.message || 'worker error']));
  };
  current.onmessageerror = () => {
    if (worker !== current) return;
    finish();
    result.dataset.code = 'worker-failed';
    setResult('failed', 'status-bad', t('importWorkerFailed', ['message']));
  };
  current.postMessage({ file, expectHead });
}

/** @param {any} report @param {boolean} expected */
function show(report, expected) {
  const total = report.problems.length + report.moreProblems;
  if (report.ok) {
    // The code as the handover panel shows it, in groups of four; the whole hash in data-head.
    const counts = entryCounts(report.entries, report.view?.items ?? []);
    setResult('valid', 'status-ok', t(expected ? 'importValidExpected' : 'importValid', [counts, groupedCode(report.head.hash)]));
    byId('result').dataset.head = report.head.hash;
  } else {
    setResult('altered', 'status-bad', plural('importAltered', total));
  }
  const notices = byId('notices');
  for (const n of report.notices) {
    const text = n.code === 'documents-not-covered' ? t('notice_documentsNotCovered') : n.message;
    notices.append(h('li', { 'data-code': n.code }, [t('importNotice', [text])]));
  }
  const times = byId('times');
  times.hidden = report.attestations.length === 0;
  times.querySelector('ul')?.replaceChildren(
    ...report.attestations.map((/** @type {any} */ a) =>
      h('li', { 'data-entry': String(a.entry), 'data-stamped': String(a.stamped) }, [
        t('importAttestation', [String(a.stamped), localDateTime(a.genTime), a.genTime.replace('T', ' ').replace('Z', ''), a.tsaSubject, a.rootSha256]),
      ]),
    ),
  );
  // Grouped by code, each group capped; built one node at a time (never spread into a call).
  /** @type {Map<string, any[]>} */
  const groups = new Map();
  for (const p of report.problems) {
    const list = groups.get(p.code);
    if (list) list.push(p);
    else groups.set(p.code, [p]);
  }
  const list = byId('problems');
  for (const [code, problems] of groups) {
    const items = h('ul');
    for (const p of problems.slice(0, SHOWN_PER_CODE)) {
      items.append(
        h('li', { 'data-code': p.code, 'data-seq': p.seq === undefined ? undefined : String(p.seq), 'data-file': p.file }, [
          h('span', { class: 'problem-text' }, [problemText(p, report.view)]),
          h('details', {}, [
            h('summary', {}, [t('problemDetails')]),
            h('code', { class: 'code' }, [p.code]),
            ' ',
            h('span', { lang: 'en' }, [p.message]),
            p.expected ? h('div', {}, [h('small', {}, [`${t('expected')} `, h('code', { class: 'hash' }, [p.expected])])]) : null,
            p.found ? h('div', {}, [h('small', {}, [`${t('found')} `, h('code', { class: 'hash' }, [p.found])])]) : null,
          ]),
        ]),
      );
    }
    if (problems.length > SHOWN_PER_CODE) items.append(h('li', { class: 'more' }, [t('importMoreProblems', [formatNumber(problems.length - SHOWN_PER_CODE)])]));
    list.append(h('li', { class: 'group', 'data-group': code }, [items]));
  }
  if (report.moreProblems > 0) list.append(h('li', { class: 'more' }, [t('importMoreProblems', [formatNumber(report.moreProblems)])]));
  if (report.ok) showReadOnly(report.view);
}

/** @param {any} view */
function showReadOnly(view) {
  byId('readonly-title').textContent = view.details?.title ?? view.caseId;
  const body = byId('readonly-entries').querySelector('tbody');
  body?.replaceChildren();
  for (const item of view.items) {
    // As the journal says it: « Publié le » the post's own time when the page gave it, else
    // « Capturé le » (« Ajouté le » for a file), in this device's time.
    const when = itemTime(item);
    body?.append(
      h('tr', { 'data-seq': String(item.seq) }, [
        h('td', { 'data-label': t('colNumber') }, [String(item.seq)]),
        h('td', { class: 'date', 'data-label': t('colDate') }, [
          h('span', { class: 'when-kind' }, [t(`when_${when.kind}`)]),
          ' ',
          timeElement(when.date),
        ]),
        h('td', {}, item.capture
          ? [
              h('div', {}, [[item.label?.platformName, item.label?.author].filter(Boolean).join(' · ')]),
              h('div', {}, [item.capture.post?.text ?? item.capture.page.title]),
              externalLink(item.capture.page.url),
            ]
          : [h('div', { class: 'added' }, [t('addedByUser')]), item.file.originalName]),
        h('td', { 'data-label': t('fieldEntryHash') }, [h('code', { class: 'hash' }, [item.hash])]),
      ]),
    );
  }
  byId('readonly').hidden = false;
}

await initLanguage();
localise();
byId('bundle-chosen').textContent = t('fileNoneChosen');
const input = /** @type {HTMLInputElement} */ (byId('bundle-input'));
input.addEventListener('change', () => {
  const file = input.files?.[0];
  if (file) check(file);
});
byId('expected-code').addEventListener('change', () => {
  if (chosen) check(chosen);
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
  if (file) check(file);
});

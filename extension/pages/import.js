// Import and verify: a bundle dropped here is checked by the same core code as `temoin
// verify`, in dedicated workers that stream the file a window at a time (import-worker.js), so
// a large bundle neither freezes the page nor fills its memory. A valid bundle opens read-only;
// nothing is written to this device's journal.
import { localDateTime } from '../shared/dates.js';
import { formatNumber, initLanguage, localise, plural, t } from '../shared/i18n.js';
import { defaultTitle } from '../shared/store.js';
import { byId, externalLink, h } from './dom.js';
import { entryCounts, groupedCode, itemsGathered, itemsSummary, itemTime, itemTimeKind, timeElement } from './journal-format.js';

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

/** Why a bundle could not be read, in the page's language, for each refusal code of the core (crate/core/src/error.rs). */
const UNREADABLE_KEYS = /** @type {Record<string, string>} */ ({
  'corrupt-bundle': 'unreadable_corrupt',
  'unsafe-entry': 'unreadable_entry',
  'not-a-file': 'unreadable_entry',
  'duplicate-entry': 'unreadable_duplicate',
  'zip-bomb': 'unreadable_limits',
  'size-mismatch': 'unreadable_size',
  'unknown-format': 'unreadable_format',
  'crc-mismatch': 'unreadable_crc',
  'extra-bytes': 'unreadable_layout',
  'header-mismatch': 'unreadable_layout',
  'directory-mismatch': 'unreadable_layout',
  'data-descriptor': 'unreadable_layout',
  'zip-not-canonical': 'unreadable_layout',
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

/** The workers verifying the file last chosen. @type {Worker[]} */
let workers = [];
/** The file last chosen: changing the expected code verifies it again. @type {File | null} */
let chosen = null;

/** A bundle smaller than this is read by one worker: a second would cost more than it saves. */
const SPLIT_FROM = 32 << 20;

/**
 * The verdict; `details`, the core's own words for a refusal, under "Détails techniques".
 * @param {string} state @param {string} className @param {string} text @param {{ code: string, message: string }} [details]
 */
function setResult(state, className, text, details) {
  const result = byId('result');
  result.dataset.state = state;
  result.className = className;
  result.textContent = text;
  const more = byId('result-details');
  more.hidden = !details;
  more.replaceChildren(
    ...(details ? [h('summary', {}, [t('problemDetails')]), h('code', { class: 'code' }, [details.code]), ' ', h('span', { lang: 'en' }, [details.message])] : []),
  );
}

/**
 * Verifies `file` in workers (import-worker.js): each reads and hashes a part of it, in
 * parallel on a machine of two cores or more, and the first merges the parts and verifies.
 * @param {File} file
 */
function check(file) {
  chosen = file;
  byId('bundle-chosen').textContent = file.name;
  byId('problems').replaceChildren();
  byId('notices').replaceChildren();
  byId('readonly').hidden = true;
  const result = byId('result');
  delete result.dataset.code;
  delete result.dataset.head;
  delete result.dataset.browserDigests;
  setResult('checking', '', t('importChecking'));
  const progress = /** @type {HTMLProgressElement} */ (byId('import-progress'));
  progress.hidden = false;
  progress.removeAttribute('value');
  // One verification at a time: a new file ends the previous one.
  for (const w of workers) w.terminate();
  const count = file.size >= SPLIT_FROM ? Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1)) : 1;
  const current = Array.from({ length: count }, () => new Worker(new URL('import-worker.js', import.meta.url), { type: 'module' }));
  workers = current;
  const expectHead = /** @type {HTMLInputElement} */ (byId('expected-code')).value;
  const isCurrent = () => workers === current;
  const finish = () => {
    progress.hidden = true;
    for (const w of current) w.terminate();
    if (isCurrent()) workers = [];
  };
  /** What each part gave: its result, or its error. @type {({ scanned: any } | { error: any } | undefined)[]} */
  const outcomes = new Array(count).fill(undefined);
  const done = new Array(count).fill(0);
  /** @param {any} data */
  const fail = (data) => {
    finish();
    result.dataset.code = data.code;
    if (data.code === 'invalid-control-code') {
      setResult('bad-code', 'status-bad', t('importBadCode'));
    } else if (data.code === 'worker-failed') {
      setResult('failed', 'status-bad', t('importWorkerFailed'), { code: 'worker-failed', message: String(data.message) });
    } else {
      const key = UNREADABLE_KEYS[data.code];
      const why = t(key ?? 'unreadable_other');
      const verdict = data.file ? t('importUnreadableFile', [data.file, why]) : t('importUnreadable', [why]);
      // What to do: a newer format needs a newer Témoin; a fault of the file, the original; a
      // fault of the reading here (no code of the file's), another try.
      const next = data.code === 'unknown-format' ? 'importUnreadableNewer' : key ? 'importUnreadableNext' : 'importUnreadableRetry';
      setResult('unreadable', 'status-bad', `${verdict} ${t(next)}`, { code: String(data.code), message: String(data.message) });
    }
  };
  // The verdict is that of one reading from start to end: the first part's refusal wins, so
  // a refusal of a later part waits for the parts before it.
  const settle = () => {
    const first = outcomes.findIndex((o) => !o || 'error' in o);
    if (first >= 0 && !outcomes[first]) return;
    if (first >= 0) fail(/** @type {{ error: any }} */ (outcomes[first]).error);
    else current[0].postMessage({ type: 'verify', parts: outcomes.map((o) => /** @type {{ scanned: any }} */ (o).scanned) });
  };
  current.forEach((w, part) => {
    w.onmessage = (/** @type {MessageEvent<any>} */ { data }) => {
      if (!isCurrent()) return;
      if (data.type === 'progress') {
        done[part] = data.done;
        const all = done.reduce((a, b) => a + b, 0);
        progress.max = file.size;
        progress.value = all;
        result.textContent = t('importReading', [String(Math.floor((100 * all) / Math.max(1, file.size)))]);
      } else if (data.type === 'part') {
        outcomes[part] = { scanned: data.scanned };
        // How many digests the browser's SHA-256 made, for the tests: which path the reading took.
        result.dataset.browserDigests = String(Number(result.dataset.browserDigests ?? 0) + Number(data.browserDigests));
        settle();
      } else if (data.type === 'done') {
        finish();
        show(data.report, expectHead.trim() !== '');
      } else if (outcomes[part] && 'scanned' in /** @type {object} */ (outcomes[part])) {
        // The verification of the merged parts failed.
        fail(data);
      } else {
        outcomes[part] = { error: data };
        settle();
      }
    };
    // The worker itself failed (out of memory, a load error): say so rather than wait forever.
    w.onerror = (e) => {
      e.preventDefault();
      if (!isCurrent()) return;
      fail({ code: 'worker-failed', message: e.message || 'worker error' });
    };
    w.onmessageerror = () => {
      if (!isCurrent()) return;
      fail({ code: 'worker-failed', message: 'message' });
    };
    w.postMessage({ type: 'scan', file, part, parts: count, expectHead });
  });
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
  byId('readonly-title').textContent = view.details?.title ?? defaultTitle(view.caseId);
  const body = byId('readonly-entries').querySelector('tbody');
  body?.replaceChildren();
  for (const item of view.items) {
    // As the journal says it: « Publié le » the post's own time when the page gave it (« Envoyé
    // le » for a private message), else « Capturé le » (« Ajouté le » for a file), in this
    // device's time.
    const when = itemTime(item);
    body?.append(
      h('tr', { 'data-seq': String(item.seq) }, [
        h('td', { 'data-label': t('colNumber') }, [String(item.seq)]),
        h('td', { class: 'date', 'data-label': t('colDate') }, [
          h('span', { class: 'when-kind' }, [itemTimeKind(item, when)]),
          ' ',
          timeElement(when.date),
        ]),
        h('td', {}, item.capture
          ? [
              h('div', {}, [[item.label?.platformName, item.label?.author].filter(Boolean).join(' · ')]),
              // A conversation or a selection: what it holds, as the journal says it, never
              // the right-clicked post (in a selection, often the victim's own).
              item.capture.collection && item.label?.items
                ? h('div', { class: 'items' }, [`${itemsSummary(item.label.items)} · ${itemsGathered(item.capture.collection)}`])
                : h('div', {}, [item.capture.post?.text ?? item.capture.page.title]),
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

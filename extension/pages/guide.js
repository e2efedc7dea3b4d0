// "What now?": the five steps of the guide for a case, or for one capture, with the right
// links (sourced, unverified ones marked), texts ready to copy, the letters, the deadlines and
// the always-visible emergency numbers. Marking a step done is a journal entry. Nothing is
// sent anywhere: links open in a new tab when the user clicks them.
import { core, ready } from '../shared/core.js';
import { currentLanguage, initLanguage, localise, t } from '../shared/i18n.js';
import { appendEvent, loadCase } from '../shared/journal.js';
import { country, currentCaseId } from '../shared/settings.js';
import { byId, h } from './dom.js';

const params = new URLSearchParams(location.search);

/** @param {any} action @param {any[]} done */
function doneFor(action, done) {
  return done.filter((d) => d.action === action.id).at(-1);
}

/** @param {string} text @param {string} id */
function copyBox(text, id) {
  const area = h('textarea', { class: 'copy', readonly: true, id: `copy-${id}` });
  area.value = text;
  const button = h('button', { type: 'button', 'data-copy': id }, [t('guideCopy')]);
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(text).catch(() => {
      area.select();
      document.execCommand('copy');
    });
    button.textContent = t('guideCopied');
  });
  return h('div', {}, [area, button]);
}

/**
 * @param {any} a an action from the core's guide
 * @param {{ caseId: string, seq: number | undefined, guide: any, refresh: () => Promise<void> }} ctx
 */
function card(a, ctx) {
  const done = doneFor(a, ctx.guide.done);
  const date = h('input', { type: 'date', value: new Date().toISOString().slice(0, 10), 'aria-label': t('guideDoneDate') });
  const mark = h('button', { type: 'button', class: 'mark-done' }, [t('guideMarkDone')]);
  mark.addEventListener('click', async () => {
    await appendEvent(ctx.caseId, { kind: 'stepDone', step: a.step, action: a.id, date: date.value, ...(ctx.seq ? { entry: ctx.seq } : {}), note: '' });
    await ctx.refresh();
  });
  const letterHref = a.letter ? `letter.html?${new URLSearchParams({ kind: a.letter, case: ctx.caseId, ...(ctx.seq ? { capture: String(ctx.seq) } : {}) })}` : null;
  const copyText = a.copy === 'platform-report' ? ctx.guide.platformReport : a.copy === 'pharos' ? ctx.guide.pharos : null;
  return h('article', { class: `action${a.unverified ? ' unverified' : ''}`, 'data-action': a.id }, [
    h('h3', {}, [a.title, a.unverified ? h('span', { class: 'badge' }, [t('guideUnverified')]) : null]),
    h('p', {}, [a.text]),
    a.url ? h('a', { class: 'go', href: a.url, target: '_blank', rel: 'noopener noreferrer' }, [a.unverified ? t('guideOpenUnverified') : t('guideOpen')]) : null,
    a.phone ? h('strong', { class: 'phone' }, [`☎ ${a.phone}`]) : null,
    letterHref ? h('a', { class: 'go letter', href: letterHref, target: '_blank' }, [t('guideLetter')]) : null,
    copyText ? h('details', {}, [h('summary', {}, [t(a.copy === 'pharos' ? 'guideCopyPharos' : 'guideCopyReport')]), copyBox(copyText, a.copy)]) : null,
    h('div', {}, done ? [h('span', { class: 'done' }, [t('guideDoneOn', [done.date])])] : [date, ' ', mark]),
    h('p', { class: 'source' }, [t('guideSource', [a.source, a.status])]),
  ]);
}

async function render() {
  await ready();
  const caseId = params.get('case') ?? (await currentCaseId());
  const seqParam = params.get('capture');
  const seq = seqParam ? Number(seqParam) : undefined;
  const [data, where] = await Promise.all([loadCase(caseId), country()]);
  const guide = core.guide(caseId, data.entries, seq, where, currentLanguage());
  const ctx = { caseId, seq, guide, refresh: render };

  byId('subject').textContent = seq ? t('guideForCapture', [String(seq), data.title]) : t('guideForCase', [data.title]);
  byId('always').querySelector('ul')?.replaceChildren(
    ...guide.always.map((/** @type {any} */ a) =>
      h('li', { 'data-action': a.id }, [h('strong', {}, [a.phone ?? a.title]), ` — ${a.title} : ${a.text} `, a.url ? h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, [a.url]) : null]),
    ),
  );
  byId('deadlines').hidden = guide.deadlines.length === 0;
  byId('deadlines').querySelector('ul')?.replaceChildren(
    ...guide.deadlines.map((/** @type {any} */ d) => h('li', { 'data-kind': d.kind, 'data-until': d.until }, [d.message])),
  );
  const captures = data.view.items.filter((/** @type {any} */ i) => i.capture && !i.deleted).length;
  const steps = [1, 2, 3, 4, 5].map((n) => {
    const actions = guide.actions.filter((/** @type {any} */ a) => a.step === n);
    return h('section', { class: 'step', 'data-step': String(n) }, [
      h('h2', {}, [`${n}.`, t(`guideStep${n}`)]),
      h('p', {}, [t(`guideStep${n}Why`)]),
      n === 2
        ? h('p', { id: 'evidence-count' }, [
            t('guideEvidenceCount', [String(captures)]),
            ' ',
            h('a', { href: `journal.html?${new URLSearchParams({ case: caseId })}` }, [t('guideExportFromJournal')]),
          ])
        : null,
      ...(actions.length ? actions.map((/** @type {any} */ a) => card(a, ctx)) : [h('p', { class: 'none' }, [t(n === 5 ? 'guidePharosNotInScope' : 'guideNothing')])]),
    ]);
  });
  byId('steps').replaceChildren(...steps);
}

await initLanguage();
localise();
render().catch((e) => {
  byId('steps').replaceChildren(h('p', { class: 'status-bad' }, [String(e?.message ?? e)]));
  console.error(e);
});

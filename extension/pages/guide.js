// "What now?": what the core's guide says for a case, or for one capture. First the
// reassurance and the people who help (to the young person, in "tu"); then what they can do
// now; then, folded, the five steps for the parents or an adult: the deadlines, the reports,
// the complaint, the letters, the judge, PHAROS. Marking a step done is a journal entry that
// keeps its date and, for a notice sent to a platform, the text sent. Nothing is sent anywhere:
// links open only when clicked, texts are copied by the user.
import { pagesCore, ready } from '../shared/core.js';
import { captureShortcut, currentLanguage, initLanguage, localise, t } from '../shared/i18n.js';
import { appendEvent, deleteItem, loadCase } from '../shared/journal.js';
import { country, currentCaseId } from '../shared/settings.js';
import { localDate, localDay } from '../shared/dates.js';
import { byId, h, showLoadError } from './dom.js';

const params = new URLSearchParams(location.search);

/**
 * @typedef {import('../shared/types.js').GuideView} GuideView
 * @typedef {import('../shared/types.js').GuideAction} GuideAction
 * @typedef {import('../shared/types.js').FormText} FormText
 * @typedef {{ caseId: string, seq: number | undefined, guide: GuideView, platformNames: Map<string, string>, refresh: () => Promise<void> }} Context
 */

/** A text to copy, with its button. @param {string} text @param {string} id */
function copyBox(text, id) {
  const area = h('textarea', { class: 'copy', readonly: true, id, 'aria-label': t('guideCopy') });
  area.value = text;
  const button = h('button', { type: 'button', 'data-copy': id }, [t('guideCopy')]);
  button.addEventListener('click', async () => {
    await navigator.clipboard.writeText(text).catch(() => {
      area.select();
      document.execCommand('copy');
    });
    button.textContent = t('guideCopied');
  });
  return h('div', { class: 'copy-box' }, [area, button]);
}

/** The texts an action offers to copy: one per capture. @param {GuideAction} a @param {Context} ctx */
function textsFor(a, ctx) {
  if (a.copy === 'platform-report') return ctx.guide.notices.filter((n) => n.platform === a.platform);
  if (a.copy === 'pharos') return ctx.guide.pharos;
  return [];
}

/**
 * "C'est fait": the date field appears only now, with the text sent when there is one; the
 * entry records both.
 * @param {GuideAction} a @param {Context} ctx @param {FormText[]} texts
 */
function markDone(a, ctx, texts) {
  const done = ctx.guide.done.filter((d) => d.action === a.id).at(-1);
  if (done) {
    return h('div', { class: 'done' }, [
      h('span', {}, [t('guideDoneOn', [localDay(done.date)])]),
      done.text ? h('details', {}, [h('summary', {}, [t('guideDoneSent')]), h('pre', { class: 'sent' }, [done.text])]) : null,
    ]);
  }
  const open = h('button', { type: 'button', class: 'mark-done' }, [t('guideMarkDone')]);
  const form = h('form', { class: 'done-form', hidden: true });
  // The browser draws the date field in its own language (« 11/29/2026 » on a French page):
  // the day chosen is written out beside it, in the page's.
  const said = h('span', { class: 'date-said', id: `date-said-${a.id}` });
  const date = h('input', { type: 'date', required: true, value: localDate(new Date()), max: localDate(new Date()), id: `date-${a.id}`, 'aria-describedby': said.id });
  const sayDate = () => {
    said.textContent = date.value ? localDay(date.value) : '';
  };
  sayDate();
  date.addEventListener('input', sayDate);
  date.addEventListener('change', sayDate);
  const sent = texts.length ? h('textarea', { rows: '6', id: `sent-${a.id}` }) : null;
  if (sent) sent.value = texts.map((x) => x.text).join('\n\n');
  form.append(h('label', { for: date.id }, [t('guideDoneDate')]), h('div', { class: 'date-row' }, [date, said]));
  if (sent) form.append(h('label', { for: sent.id }, [t('guideDoneText')]), sent);
  form.append(h('div', {}, [h('button', { type: 'submit' }, [t('guideDoneConfirm')]), ' ', h('button', { type: 'button', class: 'cancel' }, [t('guideDoneCancel')])]));
  open.addEventListener('click', () => {
    open.hidden = true;
    form.hidden = false;
    date.focus();
  });
  form.querySelector('.cancel')?.addEventListener('click', () => {
    form.hidden = true;
    open.hidden = false;
    open.focus();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    await appendEvent(ctx.caseId, {
      kind: 'stepDone',
      step: a.step,
      action: a.id,
      date: date.value,
      ...(ctx.seq ? { entry: ctx.seq } : {}),
      note: '',
      ...(sent && sent.value.trim() ? { text: sent.value } : {}),
    });
    await ctx.refresh();
  });
  return h('div', { class: 'mark' }, [open, form]);
}

/** @param {GuideAction} a @param {Context} ctx */
function card(a, ctx) {
  const texts = textsFor(a, ctx);
  const letterHref = a.letter
    ? `letter.html?${new URLSearchParams({ kind: a.letter, case: ctx.caseId, ...(a.platform ? { platform: a.platform } : {}), ...(ctx.seq ? { capture: String(ctx.seq) } : {}) })}`
    : null;
  return h('article', { class: `action${a.unverified ? ' unverified' : ''}`, 'data-action': a.id }, [
    h('h4', {}, [a.title, a.unverified ? h('span', { class: 'badge' }, [t('guideUnverified')]) : null]),
    h('p', {}, [a.text]),
    a.warning ? h('p', { class: 'warning' }, [a.warning]) : null,
    h('p', { class: 'links' }, [
      // An address not confirmed is shown as text to check, never as a link to follow.
      a.url && !a.unverified ? h('a', { class: 'go', href: a.url, target: '_blank', rel: 'noopener noreferrer' }, [t('guideOpen')]) : null,
      a.url && a.unverified ? h('span', { class: 'address-unverified' }, [t('guideAddressUnverified', [a.url])]) : null,
      a.phone ? h('a', { class: 'go phone', href: `tel:${a.phone}` }, [t('guideCall', [a.phone])]) : null,
      letterHref ? h('a', { class: 'go letter', href: letterHref, target: '_blank' }, [t('guideLetter')]) : null,
    ]),
    ...texts.map((x) =>
      h('details', { class: 'copy-text' }, [
        h('summary', {}, [t(a.copy === 'pharos' ? 'guideCopyPharos' : 'guideCopyReport', [String(x.entry)])]),
        copyBox(x.text, `copy-${a.copy}-${x.entry}`),
      ]),
    ),
    a.step > 1 && a.id !== 'pharos-not-here' ? markDone(a, ctx, texts) : null,
    h('p', { class: 'source' }, [t('guideSource', [a.source, a.statusLabel])]),
  ]);
}

/**
 * A helpline's name without the number its button already shows: « 3018 (e-Enfance) » →
 * « e-Enfance », « 119 Allô Enfance en danger » → « Allô Enfance en danger »; '' when the
 * name is only numbers (« 17, 112 ou 114 »).
 * @param {string} title @param {string} phone
 */
function helplineName(title, phone) {
  const compact = (/** @type {string} */ s) => s.replace(/[\s\u00a0\u202f]/g, '');
  // The title's first word may write the number with spaces (« 116 006 »).
  const words = title.split(/\s+/);
  let cut = 0;
  for (let i = 1; i <= words.length; i += 1) {
    if (compact(words.slice(0, i).join(' ')).replace(/[,;]$/, '') === phone) cut = i;
  }
  if (!cut) return title;
  const rest = words.slice(cut).join(' ').replace(/^[\s,;:—–-]+/, '').replace(/^\((.*)\)$/, '$1').trim();
  return /\p{L}{3,}/u.test(rest.replace(/\b(ou|or|et|and)\b/g, '')) ? rest : '';
}

/** The helplines, each a `tel:` link showing its number once. @param {GuideAction[]} lines */
function helplines(lines) {
  return lines.map((a) => {
    // Without a number, its name stands first, in bold. With one, the number is the button and
    // the name follows without it; when the name was only numbers (« 17, 112 ou 114 ») the
    // whole text follows, so that none of them goes unsaid (the 114 by SMS).
    const name = a.phone ? helplineName(a.title, a.phone) : '';
    const first = name || !a.phone ? a.text.split(/(?<=\.)\s/)[0] : a.text;
    return h('li', { 'data-action': a.id }, [
      a.phone ? h('a', { class: 'call', href: `tel:${a.phone}`, 'aria-label': t('guideCall', [a.phone]) }, [a.phone]) : h('strong', {}, [a.title]),
      ' ',
      h('span', {}, name ? [name, ' — ', first] : [first]),
      a.url ? ' ' : null,
      a.url ? h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, [new URL(a.url).host]) : null,
    ]);
  });
}

/**
 * The link of "Report it in the app": « Comment signaler sur Instagram », with the platform's
 * name when the guide says which platform it is for.
 * @param {GuideAction} a @param {Context} ctx
 */
function howTo(a, ctx) {
  const name = a.platform ? ctx.platformNames.get(a.platform) ?? ctx.guide.notices.find((n) => n.platform === a.platform)?.platformName : undefined;
  return name ? t('guideHowToOn', [name]) : t('guideHowTo');
}

/** Step 3 holds one group per platform: its channels, then the rest. @param {GuideAction[]} actions @param {Context} ctx */
function stepBody(actions, ctx) {
  /** @type {Map<string, GuideAction[]>} */
  const byPlatform = new Map();
  const rest = [];
  for (const a of actions) {
    if (a.platform && a.id.startsWith('platform-')) byPlatform.set(a.platform, [...(byPlatform.get(a.platform) ?? []), a]);
    else rest.push(a);
  }
  const groups = [...byPlatform].map(([platform, list]) =>
    h('section', { class: 'platform', 'data-platform': platform }, [
      h('h4', { class: 'platform-name' }, [list[0].title.split(' — ')[0]]),
      ...list.map((a) => card(a, ctx)),
    ]),
  );
  return [...groups, ...rest.map((a) => card(a, ctx))];
}

/** @param {Context} ctx @param {string} title */
function render(ctx, title) {
  const g = ctx.guide;
  byId('subject').textContent = ctx.seq ? t('guideForCapture', [String(ctx.seq), title]) : t('guideForCase', [title]);

  const alert = byId('alert');
  alert.hidden = !g.alert;
  if (g.alert) {
    const a = g.alert;
    byId('alert-title').textContent = a.title;
    alert.querySelector('ul')?.replaceChildren(...a.lines.map((l) => h('li', {}, [l])));
    alert.querySelector('.delete-files')?.replaceChildren(
      ...a.deleteFilesOf.map((seq) => {
        const b = h('button', { type: 'button', class: 'danger', 'data-delete': String(seq) }, [t('guideDeleteFiles', [String(seq)])]);
        b.addEventListener('click', async () => {
          if (!confirm(t('guideDeleteConfirm'))) return;
          await deleteItem(ctx.caseId, seq, t('guideDeleteReason'));
          await ctx.refresh();
        });
        return b;
      }),
    );
    const source = alert.querySelector('.source');
    if (source) source.textContent = t('guideSourceOnly', [a.source]);
  }

  byId('reassure').hidden = false;
  byId('reassure').querySelector('.lines')?.replaceChildren(...g.reassurance.map((l) => h('p', {}, [l])));
  byId('helplines').replaceChildren(...helplines(g.helplines));

  byId('now').hidden = false;
  byId('now').querySelector('ol')?.replaceChildren(
    ...g.now.map((a) =>
      h('li', { 'data-action': a.id }, [
        // The title on its own line, then what to do.
        h('strong', { class: 'now-title' }, [a.title]),
        ' ',
        a.text,
        a.url ? ' ' : null,
        a.url ? h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer' }, [howTo(a, ctx)]) : null,
      ]),
    ),
  );

  const open = g.deadlines.clocks.filter((c) => c.mayBeOpen);
  byId('urgent-hint').hidden = !open.some((c) => c.daysLeft <= 90);
  // Names the adults' part by its own title, as the page shows it.
  byId('urgent-hint').textContent = t('guideUrgentHint', [t('guideAdultsTitle')]);
  byId('adults').hidden = false;
  const deadlines = byId('deadlines');
  deadlines.hidden = g.deadlines.clocks.length === 0 && g.deadlines.notes.length === 0;
  deadlines.querySelector('ul')?.replaceChildren(
    ...g.deadlines.clocks.map((c) =>
      h('li', { 'data-kind': c.kind, 'data-until': c.until, 'data-entry': String(c.entry), class: !c.mayBeOpen ? 'passed' : c.conditional ? 'conditional' : 'open' }, [
        h('strong', {}, [c.title]),
        h('br'),
        c.message,
        h('small', { class: 'source' }, [' ', t('guideSource', [c.source, c.statusLabel])]),
      ]),
    ),
  );
  deadlines.querySelector('.notes')?.replaceChildren(...g.deadlines.notes.map((n) => h('p', { 'data-kind': n.kind, class: 'note' }, [n.message])));

  const steps = [1, 2, 3, 4, 5].map((n) => {
    const actions = g.adults.filter((a) => a.step === n);
    return h('section', { class: 'step', 'data-step': String(n), 'aria-labelledby': `step-${n}` }, [
      h('h3', { id: `step-${n}` }, [`${n}. `, t(`guideStep${n}`)]),
      ...stepBody(actions, ctx),
    ]);
  });
  byId('steps').replaceChildren(...steps);
}

async function shortcut() {
  const keys = await captureShortcut();
  byId('shortcut').textContent = keys ? t('guideShortcut', [keys]) : '';
}

async function show() {
  await ready();
  const caseId = params.get('case') ?? (await currentCaseId());
  const seqParam = params.get('capture');
  const [data, where] = await Promise.all([loadCase(caseId), country()]);
  let seq = seqParam ? Number(seqParam) : undefined;
  const status = byId('status');
  if (seq !== undefined && !data.view.items.some((/** @type {any} */ i) => i.seq === seq)) {
    status.textContent = t('guideNoCapture', [String(seqParam)]);
    seq = undefined;
  } else {
    status.textContent = '';
    status.hidden = true;
  }
  /** @type {GuideView} */
  const guide = pagesCore().guide(caseId, data.entries, seq, where, localDate(new Date()), currentLanguage());
  byId('journal-link').setAttribute('href', `journal.html?${new URLSearchParams({ case: caseId })}`);
  /** The platforms' names as the journal writes them (« Instagram »), by id. @type {Map<string, string>} */
  const platformNames = new Map();
  for (const item of data.view.items) {
    if (item.label?.platform && item.label.platformName) platformNames.set(item.label.platform, item.label.platformName);
  }
  render({ caseId, seq, guide, platformNames, refresh: show }, data.title);
}

await initLanguage();
localise();
void shortcut();
show().catch(showLoadError);

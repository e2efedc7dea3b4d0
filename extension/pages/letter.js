// Letters built from the journal by the core, to print or copy, then to complete by hand (the
// bracketed fields): the complaint to the procureur, or one erasure request per platform. What
// the sender must know first (a plain complaint does not stop the 3-month clock…) is said above
// each letter, in the page's language; the letters to French bodies are in French. Nothing is
// sent: the user posts or hands them in.
import { pagesCore, ready } from '../shared/core.js';
import { localDate } from '../shared/dates.js';
import { currentLanguage, initLanguage, localise, t } from '../shared/i18n.js';
import { loadCase } from '../shared/journal.js';
import { currentCaseId } from '../shared/settings.js';
import { byId, h, showLoadError } from './dom.js';

/** @typedef {import('../shared/types.js').Letter} Letter */

const params = new URLSearchParams(location.search);
const kind = params.get('kind') === 'erasure' ? 'erasure' : 'procureur';

/**
 * The letter's text, one block per line, unchanged (its textContent is the text): a line
 * indented with spaces (the addressee, on the right as French letters place it) is drawn with a
 * margin of the same width, capped at 40 % of the page, so that on a narrow screen it wraps
 * under itself instead of running back to the left edge.
 * @param {string} text
 */
function letterLines(text) {
  const lines = text.split('\n');
  return lines.map((line, i) => {
    const end = i < lines.length - 1 ? '\n' : '';
    const indent = line.length - line.trimStart().length;
    if (!indent || !line.trim()) return h('span', { class: 'line' }, [line + end]);
    const span = h('span', { class: 'line indented' }, [h('span', { class: 'indent' }, [line.slice(0, indent)]), line.slice(indent) + end]);
    span.style.setProperty('--indent', String(indent));
    return span;
  });
}

/** @param {Letter} letter @param {number} n */
function block(letter, n) {
  const copy = h('button', { type: 'button', class: 'copy' }, [t('guideCopy')]);
  copy.addEventListener('click', async () => {
    await navigator.clipboard.writeText(letter.text);
    copy.textContent = t('guideCopied');
  });
  return h('article', { class: 'letter', 'data-platform': letter.platform ?? undefined, 'aria-labelledby': `letter-${n}` }, [
    h('h2', { id: `letter-${n}`, class: 'letter-title' }, [letter.platformName ? t('letterErasureFor', [letter.platformName]) : t('letterProcureur')]),
    ...letter.warnings.map((w) => h('p', { class: 'warning' }, [w])),
    copy,
    h('pre', { class: 'letter-text', lang: 'fr' }, letterLines(letter.text)),
    h('p', { class: 'sources' }, [t('guideSourceOnly', [letter.sources.join(' · ')])]),
  ]);
}

async function show() {
  await ready();
  const caseId = params.get('case') ?? (await currentCaseId());
  const capture = params.get('capture');
  const writer = /** @type {HTMLInputElement | null} */ (document.querySelector('input[name="writer"]:checked'))?.value ?? 'minor';
  const { entries, view } = await loadCase(caseId);
  // A minor's case: the young person may write themselves, or a parent for them.
  byId('writer').hidden = !view.details?.minor;
  /** @type {Letter[]} */
  const letters = pagesCore().letters(
    kind,
    caseId,
    entries,
    capture ? Number(capture) : undefined,
    params.get('platform') ?? undefined,
    writer,
    params.get('code') ?? undefined,
    localDate(new Date()),
    currentLanguage(),
  );
  const status = byId('status');
  status.hidden = letters.length > 0;
  status.textContent = letters.length ? '' : t('letterNone');
  byId('letters').replaceChildren(...letters.map(block));
  document.title = `Témoin — ${kind === 'erasure' ? t('letterErasure') : t('letterProcureur')}`;
}

await initLanguage();
localise();
// A complaint is most often filed by a parent; an erasure request by the young person.
const defaultWriter = /** @type {HTMLInputElement} */ (document.querySelector(`input[name="writer"][value="${kind === 'erasure' ? 'minor' : 'parent'}"]`));
defaultWriter.checked = true;
byId('title').textContent = kind === 'erasure' ? t('letterErasure') : t('letterProcureur');
byId('print').addEventListener('click', () => print());
byId('writer').addEventListener('change', () => void show());
show().catch(showLoadError);

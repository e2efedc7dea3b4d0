// After an export: what to hand over and where (the ZIP, the printed report, the letter to the
// procureur), the control code to write down elsewhere, and two ways to keep it: an e-mail to
// oneself and a printed cover sheet.
import { t } from '../shared/i18n.js';
import { h } from './dom.js';
import { fileSize, groupedCode, localDateTime } from './journal-format.js';

/** Up to this size a ZIP goes by e-mail (most services take 20–25 MB, base64 adds a third). */
export const EMAIL_LIMIT = 15e6;

/**
 * @typedef {{ caseId: string, caseTitle: string, fileName: string, size: number,
 *   head: { seq: number, hash: string }, date: Date }} Exported
 */

/** `mailto:` with no address: the subject is the case, the body the code, the date, the file. @param {Exported} e */
export function mailtoHref(e) {
  const body = [t('mailCodeLine', [groupedCode(e.head.hash)]), t('mailDateLine', [localDateTime(e.date)]), t('mailFileLine', [e.fileName])].join('\n');
  return `mailto:?subject=${encodeURIComponent(e.caseTitle)}&body=${encodeURIComponent(body)}`;
}

/** @param {string} term @param {Node | string} value */
const pair = (term, value) => [h('dt', {}, [term]), h('dd', {}, [value])];

/** The page printed by "Print a cover sheet". @param {Exported} e */
function coverSheet(e) {
  return [
    h('p', { class: 'cover-title' }, [t('coverTitle')]),
    h('dl', {}, [
      ...pair(t('caseTitle'), e.caseTitle),
      ...pair(t('coverExportedAt'), localDateTime(e.date)),
      ...pair(t('coverFile'), e.fileName),
    ]),
    h('p', { class: 'cover-code-label' }, [t('controlCodeTitle')]),
    h('p', { class: 'cover-code' }, [groupedCode(e.head.hash)]),
    h('p', { class: 'cover-verify' }, [t('coverVerify1')]),
    h('p', { class: 'cover-verify' }, [t('coverVerify2')]),
  ];
}

/**
 * Fills and shows the handover panel, and prepares the cover sheet.
 * @param {HTMLElement} panel @param {HTMLElement} cover @param {Exported} e
 */
export function showHandover(panel, cover, e) {
  const size = fileSize(e.size);
  // The letter carries this bundle's control code.
  const letter = `letter.html?${new URLSearchParams({ kind: 'procureur', case: e.caseId, code: e.head.hash })}`;

  const copyStatus = h('span', { id: 'copy-status', role: 'status' });
  const copy = h('button', { type: 'button', id: 'copy-code' }, [t('copyCode')]);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(e.head.hash);
      copyStatus.textContent = t('codeCopied');
    } catch {
      // No clipboard (permission refused): select the code so that Ctrl+C copies it.
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      copyStatus.textContent = t('codeSelected');
    }
  });
  const code = h('code', { id: 'control-code', 'data-hash': e.head.hash }, [groupedCode(e.head.hash)]);

  const printCover = h('button', { type: 'button', id: 'print-cover' }, [t('printCover')]);
  printCover.addEventListener('click', () => {
    document.body.classList.add('print-cover');
    addEventListener('afterprint', () => document.body.classList.remove('print-cover'), { once: true });
    print();
  });

  panel.replaceChildren(
    h('h3', { id: 'handover-heading' }, [t('handoverTitle')]),
    h('p', { id: 'handover-file' }, [t('handoverSaved', [e.fileName, size])]),
    h('ol', { class: 'handover-list' }, [
      h('li', { 'data-what': 'zip' }, [
        h('strong', {}, [t('handoverZip')]),
        ' ',
        e.size <= EMAIL_LIMIT ? t('handoverZipSmall', [size]) : t('handoverZipLarge', [size]),
      ]),
      h('li', { 'data-what': 'report' }, [h('strong', {}, [t('handoverReport')]), ' ', t('handoverReportHelp')]),
      h('li', { 'data-what': 'letter' }, [
        h('strong', {}, [t('handoverLetter')]),
        ' ',
        h('a', { id: 'letter-link', href: letter, target: '_blank' }, [t('handoverLetterLink')]),
        ' ',
        t('handoverLetterHelp'),
      ]),
    ]),
    h('p', { class: 'where' }, [h('strong', {}, [t('handoverWhereTitle')]), ' ', t('handoverWhere')]),
    // Said where the parent acts: the clock of a public insult runs on after a plain complaint.
    h('p', { class: 'where', id: 'handover-deadline' }, [
      h('strong', {}, [t('handoverDeadlineTitle')]),
      ' ',
      t('handoverDeadline'),
      ' ',
      h('a', { href: `guide.html?${new URLSearchParams({ case: e.caseId })}`, target: '_blank' }, [t('handoverDeadlineLink')]),
    ]),
    h('div', { class: 'control' }, [
      h('h4', {}, [t('controlCodeTitle')]),
      h('p', { class: 'control-code' }, [code]),
      h('p', { class: 'row' }, [copy, copyStatus]),
      h('p', { class: 'why' }, [t('controlCodeWhy')]),
      h('p', { class: 'each' }, [t('controlCodeEach')]),
      h('p', { class: 'row' }, [
        h('a', { id: 'mail-code', href: mailtoHref(e) }, [t('mailCode')]),
        printCover,
      ]),
    ]),
  );
  cover.replaceChildren(...coverSheet(e));
  panel.hidden = false;
  panel.focus();
}

// A letter built from the journal by the core, to print or copy, then to complete by hand
// (the bracketed fields). Nothing is sent: the user posts or hands it in.
import { core, ready } from '../shared/core.js';
import { initLanguage, localise, t } from '../shared/i18n.js';
import { loadCase } from '../shared/journal.js';
import { currentCaseId } from '../shared/settings.js';
import { byId } from './dom.js';

await initLanguage();
localise();
await ready();
const params = new URLSearchParams(location.search);
const caseId = params.get('case') ?? (await currentCaseId());
const capture = params.get('capture');
const { entries } = await loadCase(caseId);
const text = core.letter(params.get('kind') ?? 'procureur', caseId, entries, capture ? Number(capture) : undefined, new Date().toISOString().slice(0, 10));
byId('letter').textContent = text;
document.title = `Témoin — ${text.split('\n').find((l) => l.startsWith('Objet')) ?? ''}`;
byId('print').addEventListener('click', () => print());
byId('copy').addEventListener('click', async () => {
  await navigator.clipboard.writeText(text);
  byId('copy').textContent = t('guideCopied');
});

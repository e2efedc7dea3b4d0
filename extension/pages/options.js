// Settings, kept in extension storage on this device: the language of every screen, report
// and letter; the country whose recourses the guide offers; whether captures include the full
// page; and independent time (off unless turned on here: then only fingerprints leave the
// device, to the authority named).
import { initLanguage, localise, t } from '../shared/i18n.js';
import { captureSettings, country, TIMESTAMP_AUTHORITIES, timestampSettings } from '../shared/settings.js';
import { byId } from './dom.js';

await initLanguage();
localise();
const form = /** @type {HTMLFormElement} */ (byId('options'));
const field = (/** @type {string} */ name) => /** @type {HTMLInputElement & HTMLSelectElement} */ (form.elements.namedItem(name));
const { language } = await chrome.storage.local.get('language');
field('language').value = typeof language === 'string' ? language : '';
field('country').value = await country();
field('fullPage').checked = (await captureSettings()).fullPage;
const time = await timestampSettings();
field('timestamps').checked = time.enabled;
const known = TIMESTAMP_AUTHORITIES.some((a) => a.url === time.authority);
field('authority').value = known ? time.authority : 'custom';
field('customAuthority').value = known ? '' : time.authority;
byId('custom-label').hidden = known;

form.addEventListener('change', async () => {
  const custom = field('authority').value === 'custom';
  byId('custom-label').hidden = !custom;
  const typed = field('customAuthority').value.trim();
  const authority = custom ? (/^https?:\/\//i.test(typed) ? typed : '') : field('authority').value;
  await chrome.storage.local.set({
    language: field('language').value,
    country: field('country').value,
    fullPage: field('fullPage').checked,
    timestamps: field('timestamps').checked && authority !== '',
    ...(authority ? { timestampAuthority: authority } : {}),
  });
  await initLanguage();
  localise();
  byId('saved').textContent = custom && !authority ? t('optionsTimeCustomNeeded') : t('optionsSaved');
});

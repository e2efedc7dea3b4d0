// Settings, kept in extension storage on this device: the language of pages and reports, the
// country whose recourses the guide offers, and whether captures include the full page.
import { initLanguage, localise, t } from '../shared/i18n.js';
import { captureSettings, country } from '../shared/settings.js';
import { byId } from './dom.js';

await initLanguage();
localise();
const form = /** @type {HTMLFormElement} */ (byId('options'));
const field = (/** @type {string} */ name) => /** @type {HTMLInputElement & HTMLSelectElement} */ (form.elements.namedItem(name));
const { language } = await chrome.storage.local.get('language');
field('language').value = typeof language === 'string' ? language : '';
field('country').value = await country();
field('fullPage').checked = (await captureSettings()).fullPage;

form.addEventListener('change', async () => {
  await chrome.storage.local.set({
    language: field('language').value,
    country: field('country').value,
    fullPage: field('fullPage').checked,
  });
  await initLanguage();
  localise();
  byId('saved').textContent = t('optionsSaved');
});

// Page strings come from _locales: elements carry `data-i18n="key"`.

/**
 * @param {string} key
 * @param {string | string[]} [subs]
 */
export function t(key, subs) {
  return chrome.i18n.getMessage(key, subs) || key;
}

/** Fills every `[data-i18n]` element's text, and the document's language. */
export function localise(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(/** @type {string} */ (el.getAttribute('data-i18n')));
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', t(/** @type {string} */ (el.getAttribute('data-i18n-placeholder'))));
  }
  document.documentElement.lang = chrome.i18n.getUILanguage().startsWith('fr') ? 'fr' : 'en';
}

/** The categories a capture can be given, in the order they are offered. */
export const CATEGORIES = [
  'insult',
  'threat',
  'sexual-harassment',
  'intimate-images',
  'personal-data',
  'impersonation',
  'hate',
  'pile-on',
  'other',
];

/** @param {string} category */
export function categoryLabel(category) {
  return t(`category_${category.replaceAll('-', '_')}`);
}

// Page strings come from _locales: elements carry `data-i18n="key"`. The browser's language by
// default; the options page can choose French or English, in which case that locale's
// messages.json is loaded and used instead.

/** @typedef {{ message: string, placeholders?: Record<string, { content: string }> }} Message */

/** @type {Record<string, Message> | null} */
let chosen = null;
/** @type {'fr' | 'en' | null} */
let chosenLanguage = null;

/** Loads the language chosen in the options, if any. Pages await it before showing text. */
export async function initLanguage() {
  const { language } = await chrome.storage.local.get('language');
  chosen = null;
  chosenLanguage = null;
  if (language === 'fr' || language === 'en') {
    const response = await fetch(chrome.runtime.getURL(`_locales/${language}/messages.json`));
    chosen = await response.json();
    chosenLanguage = language;
  }
  return currentLanguage();
}

/** @returns {'fr' | 'en'} */
export function currentLanguage() {
  return chosenLanguage ?? (chrome.i18n.getUILanguage().toLowerCase().startsWith('fr') ? 'fr' : 'en');
}

/** chrome.i18n's substitution rules: `$NAME$` names a placeholder whose content is `$1`... */
function format(/** @type {Message} */ m, /** @type {string[]} */ subs) {
  return m.message.replace(/\$([\w@]+)\$/g, (whole, name) => {
    const ph = m.placeholders?.[name.toLowerCase()];
    return ph ? ph.content.replace(/\$(\d)/g, (_, d) => subs[Number(d) - 1] ?? '') : whole;
  });
}

/**
 * @param {string} key
 * @param {string | string[]} [subs]
 */
export function t(key, subs) {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const m = chosen?.[key];
  if (m) return format(m, list);
  return chrome.i18n.getMessage(key, list) || key;
}

/** Whether `key` names a message in the page's language. @param {string} key */
function has(key) {
  return Boolean(chosen?.[key] ?? chrome.i18n.getMessage(key));
}

/** A whole number as the page's language writes it: « 13 945 », "13,945". @param {number} n */
export function formatNumber(n) {
  return new Intl.NumberFormat(currentLanguage()).format(n);
}

/**
 * A message that counts something, in the right plural: `key_one` or `key_other` (French
 * takes 0 and 1 in the singular), chosen by Intl.PluralRules; `$N$`, the first substitution, is
 * the number as the page's language writes it, then `subs`.
 * @param {string} key @param {number} n @param {string[]} [subs]
 */
export function plural(key, n, subs = []) {
  const category = new Intl.PluralRules(currentLanguage()).select(n);
  const name = has(`${key}_${category}`) ? `${key}_${category}` : `${key}_other`;
  return t(name, [formatNumber(n), ...subs]);
}

/** A list in the page's language: « a, b et c », "a, b and c". @param {string[]} items */
export function formatList(items) {
  return new Intl.ListFormat(currentLanguage(), { style: 'long', type: 'conjunction' }).format(items);
}

/** The shortcut the manifest suggests, when the browser cannot say which one is set. */
const DEFAULT_SHORTCUT = 'Alt+Shift+E';

/**
 * The keyboard shortcut that captures the tab, as the page's language names the keys
 * (« Alt+Maj+E » in French): the one set in the browser, '' if the person removed it. Every
 * page that mentions the shortcut takes it from here.
 */
export async function captureShortcut() {
  /** @type {string | undefined} */
  let keys = DEFAULT_SHORTCUT;
  try {
    const commands = await chrome.commands.getAll();
    keys = commands.find((c) => c.name === 'capture-tab')?.shortcut ?? '';
  } catch {
    // No commands API on this page: the manifest's shortcut.
  }
  if (!keys) return '';
  return currentLanguage() === 'fr' ? keys.replace(/\bShift\b/g, 'Maj').replace(/\bSpace\b/g, 'Espace') : keys;
}

/** Fills every `[data-i18n]` element's text (and placeholders, accessible names), and the document's language. */
export function localise(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(/** @type {string} */ (el.getAttribute('data-i18n')));
  }
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', t(/** @type {string} */ (el.getAttribute('data-i18n-placeholder'))));
  }
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(/** @type {string} */ (el.getAttribute('data-i18n-aria-label'))));
  }
  document.documentElement.lang = currentLanguage();
}

/**
 * The categories a capture can be given, in the order they are offered (the core's
 * `Category::ALL`; crate/wasm/tests/typescript.rs checks they are the same).
 * @type {import('./types/Category').Category[]}
 */
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

// User settings, in extension storage (on this device).
import { initLanguage } from './i18n.js';
import { DEFAULT_CASE_ID } from './store.js';

/** The case new captures go to. @returns {Promise<string>} */
export async function currentCaseId() {
  const { currentCaseId: id } = await chrome.storage.local.get('currentCaseId');
  return typeof id === 'string' && id ? id : DEFAULT_CASE_ID;
}

/** @param {string} id */
export async function setCurrentCaseId(id) {
  await chrome.storage.local.set({ currentCaseId: id });
}

/** The country whose recourses the guide offers. @returns {Promise<string>} */
export async function country() {
  const { country: c } = await chrome.storage.local.get('country');
  return typeof c === 'string' && c ? c : 'FR';
}

/**
 * The language of reports, letters and the worker's messages: the one every page uses
 * (i18n.js decides it, once, from the setting or else the browser's).
 * @returns {Promise<'fr' | 'en'>}
 */
export function reportLanguage() {
  return initLanguage();
}

/** How captures are made. The full-page screenshot is on unless turned off. */
export async function captureSettings() {
  const { fullPage } = await chrome.storage.local.get('fullPage');
  return { fullPage: fullPage !== false };
}

/** The time-stamping authorities offered (docs/legal-sources.md, "Independent time"). */
export const TIMESTAMP_AUTHORITIES = [
  { id: 'freetsa', url: 'https://freetsa.org/tsr', qualified: false },
  { id: 'opentsa', url: 'https://tsr.open-tsa.eu', qualified: false },
  { id: 'sectigo-qualified', url: 'http://timestamp.sectigo.com/qualified', qualified: true },
];

/**
 * Whether entries are stamped by an outside authority (off unless the user turned it on), and
 * which one: an address from the list above or one the user typed.
 * @returns {Promise<{ enabled: boolean, authority: string }>}
 */
export async function timestampSettings() {
  const { timestamps, timestampAuthority } = await chrome.storage.local.get(['timestamps', 'timestampAuthority']);
  const authority = typeof timestampAuthority === 'string' && /^https?:\/\//i.test(timestampAuthority) ? timestampAuthority : TIMESTAMP_AUTHORITIES[0].url;
  return { enabled: timestamps === true, authority };
}

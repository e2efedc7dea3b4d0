// Dates as people write them, in the language chosen once for every screen (i18n.js), with
// the browser's own calendar rules (Intl.DateTimeFormat).
import { currentLanguage } from './i18n.js';

/** The local day of `d` as `YYYY-MM-DD` (what date inputs and the core take). @param {Date} d */
export function localDate(d) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** « 29 novembre 2026 » for a `YYYY-MM-DD` day. @param {string} day */
export function localDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'long' }).format(new Date(y, m - 1, d));
}

/** « 27 novembre 2026 à 22:14 » for an instant, in this device's zone. @param {string} iso */
export function localDateTime(iso) {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguage(), { dateStyle: 'long', timeStyle: 'short' }).format(t);
}

/**
 * The two times a caption band shows: this device's (with its offset from UTC, so the reader
 * needs no zone table) and UTC's, both to the second.
 * @param {string} iso
 */
export function captionTimes(iso) {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return { local: iso, utc: iso };
  const lang = currentLanguage();
  const offset = -t.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const local = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'medium' }).format(t);
  const utc = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'medium', timeZone: 'UTC' }).format(t);
  return { local: `${local} (${zone})`, utc };
}

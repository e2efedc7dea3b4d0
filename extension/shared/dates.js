// Dates as people write them, in the language chosen once for every screen (i18n.js), with
// the browser's own calendar rules (Intl.DateTimeFormat). One style everywhere, the one the
// report and the letters use: « 27 novembre 2026 à 22:14 », "27 November 2026 at 22:14"
// (British English: day before month, 24-hour clock), the French « 1er » for a month's first day.
import { currentLanguage } from './i18n.js';

/** The locale dates are written in for the page's language. */
function dateLocale() {
  return currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB';
}

/** @type {Map<string, Intl.DateTimeFormat>} */
const formats = new Map();

/** @param {Intl.DateTimeFormatOptions} options */
function dateFormat(options) {
  const locale = dateLocale();
  const key = `${locale} ${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

/**
 * `date` written with `options`; in French the first day of a month is « 1er ».
 * @param {Date} date @param {Intl.DateTimeFormatOptions} options
 */
function write(date, options) {
  const parts = dateFormat(options).formatToParts(date);
  const french = currentLanguage() === 'fr';
  return parts.map((p) => (french && p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}

/** @param {string | Date} when @returns {Date | null} */
function toDate(when) {
  const d = when instanceof Date ? when : new Date(when);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The local day of `d` as `YYYY-MM-DD` (what date inputs and the core take). @param {Date} d */
export function localDate(d) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** « 29 novembre 2026 », "29 November 2026" for a `YYYY-MM-DD` day. @param {string} day */
export function localDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return write(new Date(y, m - 1, d), { dateStyle: 'long' });
}

/** « 29 novembre 2026 », "29 November 2026" for an instant, in this device's zone. @param {string | Date} when */
export function longDate(when) {
  const d = toDate(when);
  return d ? write(d, { dateStyle: 'long' }) : String(when);
}

/** « 27 novembre 2026 à 22:14 », "27 November 2026 at 22:14", in this device's zone. @param {string | Date} when */
export function localDateTime(when) {
  const d = toDate(when);
  return d ? write(d, { dateStyle: 'long', timeStyle: 'short' }) : String(when);
}

/**
 * localDateTime's text in two parts, the day and what follows (« à 22:14 »), to be joined by
 * a space, so that a narrow column can break the line between them and nowhere else.
 * @param {string | Date} when
 */
export function localDateTimeParts(when) {
  const whole = localDateTime(when);
  const day = longDate(when);
  return whole.startsWith(day) ? { day, rest: whole.slice(day.length).trim() } : { day: whole, rest: '' };
}

/**
 * The two times a caption band shows: this device's (with its offset from UTC, so the reader
 * needs no zone table) and UTC's, both to the second.
 * @param {string} iso
 */
export function captionTimes(iso) {
  const t = toDate(iso);
  if (!t) return { local: iso, utc: iso };
  const offset = -t.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const local = write(t, { dateStyle: 'long', timeStyle: 'medium' });
  const utc = write(t, { dateStyle: 'long', timeStyle: 'medium', timeZone: 'UTC' });
  return { local: `${local} (${zone})`, utc };
}

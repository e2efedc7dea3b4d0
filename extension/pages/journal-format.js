// How the journal and import pages write what people read: dates in local time and in the
// page's language, file sizes, counts, the first words of a post, the control code in groups of
// four, and the name of an exported file. Presentation only: who wrote a post and where come
// from the core's `label`.
import { currentLanguage, formatNumber, plural, t } from '../shared/i18n.js';
import { longDate, localDay as writtenDay, localDateTime as writtenDateTime, localDateTimeParts } from '../shared/dates.js';
import { h } from './dom.js';

/** @param {string | null | undefined} text @returns {Date | null} a date, or null if `text` is none */
export function parseDate(text) {
  if (!text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** « 27 novembre 2026 à 22:14 », "27 November 2026 at 22:14", in the device's time zone. @param {Date} date */
export function localDateTime(date) {
  return writtenDateTime(date);
}

/**
 * A `<time>` for a list's date column: « 27 novembre 2026 » and « à 22:14 » each kept whole,
 * so that a narrow column breaks the line between them.
 * @param {Date} date
 */
export function timeElement(date) {
  const { day, rest } = localDateTimeParts(date);
  return h('time', { datetime: date.toISOString() }, rest ? [h('span', { class: 'day' }, [day]), ' ', h('span', { class: 'day' }, [rest])] : [day]);
}

/** « 29 novembre 2026 », "29 November 2026". @param {Date} date */
export function localDate(date) {
  return longDate(date);
}

/** `2026-11-29` for the device's day (not UTC's). @param {Date} date */
export function localDay(date) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The time people care about for an item: when the post was published, when the page gives
 * it; otherwise when it was captured (or, for a file, added). `kind` says which.
 * @param {any} item an item of the case view
 * @returns {{ date: Date, iso: string, kind: 'published' | 'captured' | 'added' }}
 */
export function itemTime(item) {
  // A capture of several items: its earliest item's publication.
  const first = (item.capture?.items ?? [])
    .map((/** @type {any} */ i) => i.post.publishedUtc ?? i.post.publishedAt)
    .filter((/** @type {string | undefined} */ iso) => parseDate(iso))
    .sort((/** @type {string} */ a, /** @type {string} */ b) => (parseDate(a)?.getTime() ?? 0) - (parseDate(b)?.getTime() ?? 0))[0];
  // The right-clicked post of a selection is the one its replies sit under: its time is not
  // theirs, so a selection none of whose items is dated is dated by its capture.
  const published = first ?? (item.capture?.collection ? undefined : item.capture?.post?.publishedAt);
  const p = parseDate(published);
  if (p) return { date: p, iso: published, kind: 'published' };
  const captured = parseDate(item.capture?.capturedAt);
  if (captured) return { date: captured, iso: item.capture.capturedAt, kind: 'captured' };
  return { date: parseDate(item.at) ?? new Date(0), iso: item.at, kind: 'added' };
}

/**
 * The words before an item's time: « Publié le », « Capturé le », « Ajouté le »; « Envoyé le »
 * for a private message, which is sent, not published.
 * @param {any} item an item of the case view @param {ReturnType<typeof itemTime>} when its `itemTime`
 */
export function itemTimeKind(item, when) {
  return when.kind === 'published' && item.label?.private ? t('itemsSentOn') : t(`when_${when.kind}`);
}

/** The first words of a text, on one line, cut at a word near `max` characters. @param {string} text */
export function firstWords(text, max = 140) {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?-]+$/, '')}…`;
}

/** `a1b2 c3d4 …`: a hash as people copy it by hand. @param {string} hex */
export function groupedCode(hex) {
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}

/** A whole number in the page's language: "23 869" / "23,869". @param {number} n */
export function wholeNumber(n) {
  return formatNumber(n);
}

/** A file's exact size: « 13 945 octets », "13,945 bytes". @param {number} bytes */
export function exactSize(bytes) {
  return plural('bytes', bytes);
}

/** "2,3 Mo" / "2.3 MB", "350 ko" / "350 kB". @param {number} bytes */
export function fileSize(bytes) {
  const mb = bytes >= 1e6;
  return new Intl.NumberFormat(currentLanguage(), {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mb ? 1 : 0,
  }).format(Math.max(mb ? bytes / 1e6 : Math.ceil(bytes / 1e3), mb ? 0 : 1));
}

const LIGATURES = /** @type {Record<string, string>} */ ({ œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l' });

/** `harcelement-de-lea`: a name safe in any file system, ASCII, at most 60 characters. @param {string} name */
export function slug(name) {
  const ascii = name
    .toLowerCase()
    .replace(/[œæßøđł]/g, (c) => LIGATURES[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const s = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 60).replace(/-+$/, '');
  return s || 'dossier';
}

/**
 * The exported file's name: `temoin-harcelement-de-lea-2026-11-29-14h05.zip`. The time tells
 * two exports of one day apart: each has its own control code, noted with the file's name.
 * @param {string} caseName @param {Date} date
 */
export function bundleFileName(caseName, date) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `temoin-${slug(caseName)}-${localDay(date)}-${pad(date.getHours())}h${pad(date.getMinutes())}.zip`;
}

/**
 * What a verified journal holds, in words: « 9 inscriptions, dont 4 captures », "9 entries,
 * 4 of them captures" (and the files added by hand, if any).
 * @param {number} entries the journal's entries @param {any[]} items the case view's items
 */
export function entryCounts(entries, items) {
  const captures = items.filter((i) => i.capture).length;
  const files = items.filter((i) => i.file).length;
  const all = plural('countEntries', entries);
  if (captures && files) return t('countEntriesOf', [all, t('countAnd', [plural('countCapturesOfThem', captures), plural('countFiles', files)])]);
  if (captures) return t('countEntriesOf', [all, plural('countCapturesOfThem', captures)]);
  if (files) return t('countEntriesOf', [all, plural('countFilesOfThem', files)]);
  return all;
}

/**
 * What a capture of several items holds, from the core's count: « Conversation avec Max — 42
 * messages », « 60 réponses de 25 comptes ».
 * @param {import('../shared/types/ItemsSummary').ItemsSummary} summary
 */
export function itemsSummary(summary) {
  const messages = plural('itemsMessages', summary.count);
  if (summary.mode === 'conversation') {
    return summary.with ? t('itemsConversationWith', [summary.with, messages]) : t('itemsConversation', [messages]);
  }
  const what = summary.scope === 'replies' ? plural('itemsReplies', summary.count) : messages;
  return summary.authors ? t('itemsFrom', [what, plural('itemsAccounts', summary.authors)]) : what;
}

/**
 * How the items were gathered: « Conversation remontée jusqu'à son début (aussi loin que
 * l'application le permet) », « Toutes les réponses sous un message ».
 * @param {import('../shared/types/Collection').Collection} collection
 */
export function itemsGathered(collection) {
  if (collection.mode === 'conversation') {
    return collection.scope === 'since' ? t('itemsGathered_since', [collection.since ? writtenDay(collection.since) : '?']) : t('itemsGathered_loaded');
  }
  return t(collection.scope === 'replies' || collection.scope === 'author' ? `itemsGathered_${collection.scope}` : 'itemsGathered_ticked');
}

/**
 * The first and last local days a capture of several items' posts were published on, as
 * the report gives them (its « du 20 au 27 novembre 2026 »); null when none is dated.
 * @param {any} capture
 * @returns {{ first: Date, last: Date } | null}
 */
export function itemsDays(capture) {
  const dates = (capture?.items ?? [])
    .map((/** @type {any} */ i) => parseDate(i.post.publishedUtc ?? i.post.publishedAt))
    .filter((/** @type {Date | null} */ d) => d !== null)
    .map((/** @type {Date} */ d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()));
  if (!dates.length) return null;
  const times = dates.map((/** @type {Date} */ d) => d.getTime());
  return { first: new Date(Math.min(...times)), last: new Date(Math.max(...times)) };
}

/**
 * The days of a capture of several items within a sentence, the shared month and year said
 * once: « du 20 au 27 novembre 2026 », "from 28 February to 1 March 2026", « le 20 novembre
 * 2026 » for one day; null when no item is dated.
 * @param {any} capture
 */
export function itemsPeriod(capture) {
  const days = itemsDays(capture);
  if (!days) return null;
  const { first, last } = days;
  if (first.getTime() === last.getTime()) return t('itemsOnDay', [localDate(first)]);
  const french = currentLanguage() === 'fr';
  const day = french && first.getDate() === 1 ? '1er' : String(first.getDate());
  let from;
  if (first.getFullYear() !== last.getFullYear()) from = localDate(first);
  else if (first.getMonth() === last.getMonth()) from = day;
  else {
    const month = new Intl.DateTimeFormat(french ? 'fr-FR' : 'en-GB', { month: 'long' }).format(first);
    from = `${day} ${month}`;
  }
  return t('itemsPeriod', [from, localDate(last)]);
}

/** A phrase made to open a line: « Du 20 au 27 novembre 2026 ». @param {string} text */
export function sentenceStart(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

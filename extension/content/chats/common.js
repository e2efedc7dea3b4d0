// The chat readers' shared helpers and their registry. Injected on demand, with the readers of
// each app (whatsapp.js, discord.js...) and the dispatcher (conversation.js) after them, into
// the captured frame, in the extension's isolated world: the page's scripts can neither see
// nor change what is read. read-block.js is injected before: its text helpers are used here.
(() => {
  const g = /** @type {any} */ (globalThis);
  const R = g.temoinReadBlock;

  /**
   * What a reader says of one message. Absent fields were not shown.
   * @typedef {{ kind?: string, authorName?: string, authorHandle?: string, authorId?: string,
   *   authorUrl?: string, postId?: string, permalink?: string, publishedAt?: string,
   *   publishedText?: string, time?: string, text?: string, mediaUrls?: string[], subject?: string,
   *   parent?: { authorName?: string, text?: string }, outgoing?: boolean }} Fields
   * `time` is a time shown alone ("14:02"): the dispatcher puts the day shown above it first.
   * `outgoing`: the message was sent from the open account (never recorded, only used to carry
   * the author of a run).
   */

  /**
   * One app's reader. `matches` recognises the app by its host and its markup; `pane` finds the
   * conversation's scrolling element (by default, the scrolling ancestor of the right-clicked
   * element); `messages` and `separators` list the pane's messages and day separators in any
   * order; `read` reads one message, given the one before it in the pane (a run of messages
   * shows its author once).
   * @typedef {{ name: string, platform?: string, matches: () => boolean,
   *   pane?: (from: Element | undefined) => Element | null, messages: (pane: Element) => Element[],
   *   separators?: (pane: Element) => Element[], read: (el: Element, before: Fields | undefined) => Fields,
   *   key?: (el: Element) => string | undefined, title?: (pane: Element) => string | undefined }} ChatReader
   */

  /** @type {Map<string, ChatReader>} */
  const readers = g.temoinChats?.readers ?? new Map();

  /** The text an element shows, on one line. @param {Element | null | undefined} el */
  const line = (el) => (el ? R.shownText(el).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim() || undefined : undefined);
  /**
   * The text an element shows, line breaks kept, leaving out what `skip` matches; the controls
   * that `keep` matches (`[role="button"]` elements only: a mention, a name) are text all the same.
   * @param {Element | null | undefined} el @param {string} [skip] a selector @param {string} [keep] a selector
   */
  const lines = (el, skip, keep) =>
    (el ? R.shownLines(el, skip ? (/** @type {Element} */ e) => e.matches(skip) : undefined, keep ? (/** @type {Element} */ e) => e.matches(keep) : undefined).replace(/[ \t]+\n/g, '\n').trim() || undefined : undefined);
  /** @param {Element | null | undefined} el @param {string} name */
  const attr = (el, name) => el?.getAttribute(name)?.trim() || undefined;
  /** Addresses of the images and videos a message shows, http(s) only, avatars left out. @param {Element} el @param {RegExp} [skip] */
  const media = (el, skip) => {
    const urls = [...el.querySelectorAll('img, video, video source')]
      .map((m) => /** @type {HTMLImageElement} */ (m).currentSrc || /** @type {HTMLImageElement} */ (m).src)
      .filter((u) => typeof u === 'string' && /^https?:/.test(u) && !(skip && skip.test(u)));
    return [...new Set(urls)].slice(0, 50);
  };
  /** The first match of `sel` in `el` that is not inside an element matching `not`. @param {Element} el @param {string} sel @param {string} not */
  const own = (el, sel, not) => [...el.querySelectorAll(sel)].find((m) => !m.parentElement?.closest(not) || !el.contains(m.parentElement?.closest(not) ?? null)) ?? null;
  /** Whether the page is served from one of `hosts` (or a subdomain of one). @param {string[]} hosts */
  const onHost = (...hosts) => hosts.some((h) => location.hostname === h || location.hostname.endsWith(`.${h}`));

  /** The element's parent, across a shadow root's boundary. @param {Element} el */
  const up = (el) => el.parentElement ?? /** @type {ShadowRoot | undefined} */ (el.getRootNode?.())?.host ?? null;

  /**
   * The nearest ancestor of `from` (itself included) that scrolls its content vertically: a
   * chat's message list, a thread in a side panel. The page's own scrolling is not one.
   * With `scrollable`, an element made to scroll counts even while its content still fits (an
   * app's message list, known by its markup, before its older messages are loaded).
   * @param {Element | null | undefined} from @param {boolean} [scrollable]
   */
  function scrollingAncestor(from, scrollable = false) {
    for (let el = from ?? null; el; el = up(el)) {
      if (el === document.documentElement || el === document.body) return null;
      if ((scrollable || el.scrollHeight > el.clientHeight + 4) && el.clientHeight > 80 && /^(auto|scroll|overlay)$/.test(getComputedStyle(el).overflowY)) return el;
    }
    return null;
  }

  g.temoinChats = {
    readers,
    /** @param {ChatReader} reader */
    register: (reader) => readers.set(reader.name, reader),
    line,
    lines,
    attr,
    media,
    own,
    onHost,
    scrollingAncestor,
    abs: R.abs,
    looksLikeTime: R.looksLikeTime,
  };
})();

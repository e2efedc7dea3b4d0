// Any other scrolling conversation (a school platform's messaging, a game's chat, comments in
// a side panel): the pane's messages are the largest run of alike elements (same tag, same
// classes) under one parent; the other short children of that parent are day separators.
// In a message: the author is the first element whose class names an author or a user (or a
// bold name), the time a <time> or an element with a machine-readable date, a <blockquote> the
// message it answers, the rest its text.
(() => {
  const C = /** @type {any} */ (globalThis).temoinChats;
  const AUTHOR = '[class*="author" i], [class*="user" i], [class*="name" i], [class*="sender" i], [class*="who" i], [itemprop="author"], b, strong, h3, h4, h5';
  const TIME = 'time, [datetime], [data-time], [data-timestamp], [data-utime]';
  const QUOTE = 'blockquote, [class*="quote" i], [class*="reply-to" i], [class*="replied" i]';

  /** The shape shared by alike siblings. @param {Element} el */
  const shape = (el) => `${el.tagName}.${[...el.classList].filter((c) => !/\d{3,}/.test(c)).sort().join('.')}`;

  /** The parent holding the largest run of alike children, and their shape. @param {Element} pane */
  function listOf(pane) {
    let best = { parent: pane, shape: '', count: 0 };
    for (const parent of [pane, ...pane.querySelectorAll('*')]) {
      if (parent.childElementCount < 2) continue;
      /** @type {Map<string, number>} */
      const counts = new Map();
      for (const child of parent.children) counts.set(shape(child), (counts.get(shape(child)) ?? 0) + 1);
      for (const [s, n] of counts) if (n > best.count) best = { parent, shape: s, count: n };
    }
    return best;
  }

  C.register({
    name: 'generic',
    matches: () => true,
    messages: (/** @type {Element} */ pane) => {
      const list = listOf(pane);
      return list.count >= 2 ? [...list.parent.children].filter((c) => shape(c) === list.shape) : [];
    },
    separators: (/** @type {Element} */ pane) => {
      const list = listOf(pane);
      return [...list.parent.children].filter((c) => shape(c) !== list.shape && (C.line(c)?.length ?? 99) < 40);
    },
    key: (/** @type {Element} */ el) => el.id || C.attr(el, 'data-id') || C.attr(el, 'data-message-id') || undefined,
    title: (/** @type {Element} */ pane) => {
      // The heading nearest above the pane, else the page's title.
      for (let el = pane.parentElement; el; el = el.parentElement) {
        const h = el.querySelector('h1, h2, [role="heading"]');
        if (h && !pane.contains(h)) return C.line(h);
      }
      return document.title || undefined;
    },
    read: (/** @type {Element} */ el) => {
      const author = C.own(el, AUTHOR, QUOTE);
      const time = C.own(el, TIME, QUOTE);
      const quote = el.querySelector(QUOTE);
      const skip = `${AUTHOR.split(', ').filter((s) => !/^(b|strong)$/.test(s)).join(', ')}, ${TIME}, ${QUOTE}`;
      const quoteAuthor = quote?.querySelector(AUTHOR);
      return {
        kind: 'message',
        authorName: C.line(author),
        authorUrl: C.abs(C.attr(author?.closest('a') ?? author?.querySelector('a'), 'href')),
        publishedAt: C.attr(time, 'datetime') ?? C.attr(time, 'data-time') ?? C.attr(time, 'data-timestamp') ?? C.attr(time, 'data-utime'),
        time: C.line(time),
        text: C.lines(el, skip),
        mediaUrls: C.media(el, /avatar|profile/i),
        parent: quote ? { authorName: C.line(quoteAuthor), text: C.lines(quote, AUTHOR) } : undefined,
      };
    },
  });
})();

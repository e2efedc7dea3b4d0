// Outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com): the
// conversation's messages in the reading pane; a message is the largest element around one
// message body (aria-label "Message body" / "Corps du message"), with its sender (an element
// labelled "From" / "De", or a span whose title is the address) and
// [data-testid="SentReceivedSavedTime"]; a reply's quoted message starts at #divRplyFwdMsg.
(() => {
  const C = /** @type {any} */ (globalThis).temoinChats;
  const BODY = '[aria-label="Message body"], [aria-label="Corps du message"]';
  const QUOTED = '#divRplyFwdMsg, [id^="divRplyFwdMsg"], .gmail_quote, blockquote';

  /** The largest element around `body` that holds no other message body, inside `pane`. @param {Element} body @param {Element} pane */
  function messageOf(body, pane) {
    let el = body;
    while (el.parentElement && el.parentElement !== pane && el.parentElement.querySelectorAll(BODY).length === 1) el = el.parentElement;
    return el;
  }

  C.register({
    name: 'outlook',
    platform: 'outlook',
    matches: () => C.onHost('outlook.live.com', 'outlook.office.com', 'outlook.office365.com') && !!document.querySelector(BODY),
    pane: () => C.scrollingAncestor(document.querySelector(BODY), true),
    messages: (/** @type {Element} */ pane) => [...new Set([...pane.querySelectorAll(BODY)].map((b) => messageOf(b, pane), true))],
    key: (/** @type {Element} */ el) => C.attr(el, 'data-convid') ?? C.attr(el, 'id'),
    title: () => C.line(document.querySelector('[role="heading"][aria-level="2"], #ReadingPaneSubject')),
    read: (/** @type {Element} */ el) => {
      const from = el.querySelector('[aria-label^="From"], [aria-label^="De"], span[title*="@"]');
      const quote = el.querySelector(QUOTED);
      const address = C.attr(from, 'title')?.match(/[^\s<>]+@[^\s<>]+/)?.[0] ?? C.line(from)?.match(/[^\s<>]+@[^\s<>]+/)?.[0];
      return {
        kind: 'email',
        authorName: C.line(from)?.replace(/<[^>]*>/, '').trim() || undefined,
        authorHandle: address,
        subject: C.line(document.querySelector('[role="heading"][aria-level="2"], #ReadingPaneSubject')),
        publishedText: C.line(el.querySelector('[data-testid="SentReceivedSavedTime"]')),
        text: C.lines(el.querySelector(BODY), QUOTED),
        mediaUrls: C.media(el),
        // The quoted message's own text: its last block, after the From / Sent lines.
        parent: quote ? { text: C.lines(quote.querySelector(':scope > div:last-of-type') ?? quote) } : undefined,
      };
    },
  });
})();

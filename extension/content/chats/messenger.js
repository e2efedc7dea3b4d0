// Messenger (messenger.com/t/..., facebook.com/messages/t/...): the conversation is a grid
// (role="grid") of rows in the main region. A message's row has a gridcell; its sender is
// named for screen readers in an h4 ("Marc Dupont"), or an h5 for one's own ("Vous avez
// envoyé", "You sent"); a reply shows the quoted message first ("X a répondu à Y"); day and
// time breaks are rows without a gridcell.
(() => {
  const C = /** @type {any} */ (globalThis).temoinChats;
  const SENT = /^(vous avez envoyé|you sent|has enviado|du hast gesendet)/i;
  const REPLIED = /^(.+?)\s+(a répondu à|replied to|respondió a|hat .* geantwortet)\s+(.+)$/i;
  const REPLY = '[data-scope="replied_message"]';
  /** The reply block: the element that holds the line saying who replied to whom. @param {Element} cell */
  const replyOf = (cell) => cell.querySelector(REPLY) ?? [...cell.querySelectorAll('span')].find((s) => REPLIED.test(C.line(s) ?? ''))?.parentElement ?? null;

  C.register({
    name: 'messenger',
    platform: 'messenger',
    matches: () => (C.onHost('messenger.com') || (C.onHost('facebook.com') && location.pathname.startsWith('/messages'))) && !!document.querySelector('[role="grid"]'),
    pane: (/** @type {Element | undefined} */ from) => C.scrollingAncestor(document.querySelector('[role="main"] [role="grid"] [role="row"]'), true) ?? C.scrollingAncestor(from),
    messages: (/** @type {Element} */ pane) => [...pane.querySelectorAll('[role="row"]')].filter((row) => !!row.querySelector('[role="gridcell"]')),
    separators: (/** @type {Element} */ pane) => [...pane.querySelectorAll('[role="row"]')].filter((row) => !row.querySelector('[role="gridcell"]')),
    title: () => C.line(document.querySelector('[role="main"] h2')),
    read: (/** @type {Element} */ row, /** @type {any} */ before) => {
      const cell = /** @type {Element} */ (row.querySelector('[role="gridcell"]'));
      const label = C.line(cell.querySelector('h4, h5'));
      const outgoing = SENT.test(label ?? '');
      const reply = replyOf(cell);
      const said = reply ? C.line(reply.querySelector('span'))?.match(REPLIED) : null;
      const texts = [...cell.querySelectorAll('div[dir="auto"]')].filter((d) => !reply?.contains(d));
      return {
        kind: 'message',
        outgoing,
        authorName: outgoing ? label?.match(/^(vous|you|du)/i)?.[0] : (label ?? (before && !before.outgoing ? before.authorName : undefined)),
        text: C.lines(texts.at(-1)),
        mediaUrls: C.media(cell),
        parent: reply ? { authorName: said?.[3], text: C.lines(reply.querySelector('div[dir="auto"]')) } : undefined,
      };
    },
  });
})();

// Instagram direct messages (instagram.com/direct/t/...): like Messenger, a grid of rows; a
// run of someone else's messages is headed by their username; one's own carry no name; a
// reply first shows "A répondu à ..." / "Replied to ..." and the quoted text; a date row
// (no gridcell) opens each day.
(() => {
  const C = /** @type {any} */ (globalThis).temoinChats;
  const REPLIED = /^(a répondu à|vous avez répondu à|replied to|you replied to|respondió a)\s*(.*)$/i;

  C.register({
    name: 'instagram',
    platform: 'instagram',
    matches: () => C.onHost('instagram.com') && location.pathname.startsWith('/direct') && !!document.querySelector('[role="grid"]'),
    pane: (/** @type {Element | undefined} */ from) => C.scrollingAncestor(document.querySelector('[role="grid"] [role="row"]'), true) ?? C.scrollingAncestor(from),
    messages: (/** @type {Element} */ pane) => [...pane.querySelectorAll('[role="row"]')].filter((row) => !!row.querySelector('[role="gridcell"]')),
    separators: (/** @type {Element} */ pane) => [...pane.querySelectorAll('[role="row"]')].filter((row) => !row.querySelector('[role="gridcell"]')),
    title: () => C.line(document.querySelector('[role="main"] h2, header h2')),
    read: (/** @type {Element} */ row, /** @type {any} */ before) => {
      const cell = /** @type {Element} */ (row.querySelector('[role="gridcell"]'));
      const said = [...cell.querySelectorAll('span')].find((s) => REPLIED.test(C.line(s) ?? ''));
      const reply = said?.parentElement ?? null;
      const texts = [...cell.querySelectorAll('div[dir="auto"]')].filter((d) => !reply?.contains(d));
      // The username heading a run: a span of its own, outside the bubbles and the reply.
      const name = [...cell.querySelectorAll(':scope > span[dir="auto"]')].map((s) => C.line(s)).find((s) => !!s);
      const outgoing = getComputedStyle(cell).alignItems === 'flex-end' || getComputedStyle(cell).justifyContent === 'flex-end';
      return {
        kind: 'message',
        outgoing,
        authorName: outgoing ? undefined : (name ?? (before && !before.outgoing ? before.authorName : undefined)),
        authorHandle: outgoing ? undefined : (name ?? (before && !before.outgoing ? before.authorHandle : undefined)),
        authorUrl: !outgoing && (name ?? before?.authorHandle) ? `https://www.instagram.com/${name ?? before?.authorHandle}/` : undefined,
        text: C.lines(texts.at(-1)),
        mediaUrls: C.media(cell),
        parent: reply ? { authorName: C.line(said)?.match(REPLIED)?.[2] || undefined, text: C.lines(reply.querySelector('div[dir="auto"]')) } : undefined,
      };
    },
  });
})();

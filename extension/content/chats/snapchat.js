// Snapchat for the web (snapchat.com/web/...): the chat is a list of runs, each a list item
// headed by its sender's name ("Moi" / "Me" for one's own) holding a list of messages; a run
// without a header continues the one before; day headers are list items without messages.
// A quoted message sits above the text, with its sender's name.
(() => {
  const C = /** @type {any} */ (globalThis).temoinChats;

  C.register({
    name: 'snapchat',
    platform: 'snapchat',
    matches: () => C.onHost('snapchat.com') && location.pathname.startsWith('/web') && !!document.querySelector('ul li ul li'),
    pane: (/** @type {Element | undefined} */ from) => C.scrollingAncestor(document.querySelector('ul > li > ul > li'), true) ?? C.scrollingAncestor(from),
    messages: (/** @type {Element} */ pane) => [...pane.querySelectorAll('ul > li > ul > li')],
    separators: (/** @type {Element} */ pane) => [...pane.querySelectorAll('ul > li')].filter((li) => !li.querySelector('ul, header') && !li.parentElement?.closest('li')),
    key: (/** @type {Element} */ el) => el.id || undefined,
    title: (/** @type {Element} */ pane) => C.line(pane.parentElement?.querySelector(':scope > div:first-child span[title], :scope > div:first-child span')),
    read: (/** @type {Element} */ el, /** @type {any} */ before) => {
      const run = el.parentElement?.closest('li');
      const header = run?.querySelector(':scope > header');
      const texts = [...el.querySelectorAll('span[dir="auto"]')];
      const own = texts.at(-1);
      // The quote: a part of the message, not the one holding its text, that names a sender and a text.
      const quoted = [...el.children].find((c) => !(own && c.contains(own)) && c.querySelectorAll('span').length >= 2) ?? null;
      return {
        kind: 'message',
        authorName: C.line(header) ?? before?.authorName,
        text: C.lines(own),
        mediaUrls: C.media(el),
        parent: quoted ? { authorName: C.line(quoted.querySelector('span')), text: C.lines(quoted.querySelectorAll('span')[1]) } : undefined,
      };
    },
  });
})();

// Gmail threads (mail.google.com): the thread's messages are div.adn in the conversation view
// that scrolls; the sender is span.gD (name and email attributes), the date span.g3 (its title
// is the full date), the body div.a3s, the subject h2.hP; a message that quotes an earlier one
// holds it in .gmail_quote.
(() => {
  const C = /** @type {any} */ (globalThis).temoinChats;

  C.register({
    name: 'gmail',
    platform: 'gmail',
    matches: () => C.onHost('mail.google.com') && !!document.querySelector('div.adn'),
    pane: () => C.scrollingAncestor(document.querySelector('div.adn'), true),
    messages: (/** @type {Element} */ pane) => [...pane.querySelectorAll('div.adn')],
    key: (/** @type {Element} */ el) => C.attr(el, 'data-message-id') ?? C.attr(el, 'data-legacy-message-id'),
    title: () => C.line(document.querySelector('h2.hP')),
    read: (/** @type {Element} */ el) => {
      const sender = el.querySelector('span.gD[email], h3 span[email]');
      const date = el.querySelector('span.g3');
      const quote = el.querySelector('.a3s .gmail_quote blockquote, .a3s blockquote');
      return {
        kind: 'email',
        authorName: C.attr(sender, 'name') ?? C.line(sender),
        authorHandle: C.attr(sender, 'email'),
        postId: C.attr(el, 'data-legacy-message-id') ?? C.attr(el, 'data-message-id')?.replace(/^#msg-f:/, ''),
        subject: C.line(document.querySelector('h2.hP')),
        publishedText: C.attr(date, 'title') ?? C.line(date),
        text: C.lines(el.querySelector('.a3s'), '.gmail_quote, blockquote, .gmail_attr'),
        mediaUrls: C.media(el, /\/(mail\/u\/\d+\/images|photos\/public)\//),
        parent: quote ? { text: C.lines(quote) } : undefined,
      };
    },
  });
})();

// Telegram Web (web.telegram.org, versions K and A). K: .bubble[data-mid][data-timestamp] in
// .bubbles-inner, a run's first message in a group headed by its sender's .peer-title, the time
// inside .message (.time, shown by its .time-inner), replies in .reply, days in .bubble.service.is-date. A:
// .Message[data-message-id] with .message-time and .sender-title, days in .sticky-date.
(() => {
  const C = /** @type {any} */ (globalThis).temoinChats;
  const MESSAGE = '.bubble[data-mid]:not(.service), .Message[data-message-id]';

  C.register({
    name: 'telegram',
    platform: 'telegram',
    matches: () => C.onHost('web.telegram.org') && !!document.querySelector('.bubbles, .MessageList'),
    pane: () => C.scrollingAncestor(document.querySelector(`.bubbles-inner ${MESSAGE}, .MessageList ${MESSAGE}`), true) ?? document.querySelector('.bubbles .scrollable-y, .MessageList'),
    messages: (/** @type {Element} */ pane) => [...pane.querySelectorAll(MESSAGE)],
    separators: (/** @type {Element} */ pane) => [...pane.querySelectorAll('.bubble.service.is-date, .sticky-date')],
    key: (/** @type {Element} */ el) => C.attr(el, 'data-mid') ?? C.attr(el, 'data-message-id'),
    title: () => C.line(document.querySelector('.chat-info .peer-title, .ChatInfo .fullName')),
    read: (/** @type {Element} */ el, /** @type {any} */ before) => {
      const outgoing = el.classList.contains('is-out') || el.classList.contains('own');
      const reply = el.querySelector('.reply, .EmbeddedMessage');
      const name = C.line(C.own(el, '.name .peer-title, .sender-title, .message-title', '.reply, .EmbeddedMessage'));
      const first = el.classList.contains('is-group-first') || el.classList.contains('first-in-group');
      return {
        kind: 'message',
        outgoing,
        // A run of someone else's messages shows the sender once, on its first message.
        authorName: name ?? (!first && before && before.outgoing === outgoing ? before.authorName : undefined),
        postId: C.attr(el, 'data-mid') ?? C.attr(el, 'data-message-id'),
        publishedAt: C.attr(el, 'data-timestamp'),
        // K writes the time twice: in .time, making room for it, and in its .time-inner, laid over it and shown.
        time: C.line(el.querySelector('.time-inner') ?? el.querySelector('.time .i18n, .time, .message-time')),
        text: C.lines(C.own(el, '.message, .text-content', '.reply, .EmbeddedMessage'), '.time, .reactions, .message-time, .Reactions, .MessageMeta'),
        mediaUrls: C.media(el),
        parent: reply ? { authorName: C.line(reply.querySelector('.reply-title, .message-title')), text: C.lines(reply.querySelector('.reply-subtitle, .message-text')) } : undefined,
      };
    },
  });
})();

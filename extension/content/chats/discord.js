// Discord channels and direct messages (discord.com/channels/...). Messages are
// li#chat-messages-<channel>-<message> in ol[data-list-id="chat-messages"]; a run's first
// message shows the author (#message-username-<id>) and every one has
// <time id="message-timestamp-<id>" datetime>; a reply shows #message-reply-context-<id>; days
// are divided by [role="separator"] elements.
(() => {
  const C = /** @type {any} */ (globalThis).temoinChats;
  const bare = (/** @type {string | undefined} */ s) => s?.replace(/^@/, '').replace(/\s*[:：]$/, '') || undefined;

  C.register({
    name: 'discord',
    platform: 'discord',
    matches: () => C.onHost('discord.com', 'discordapp.com') && !!document.querySelector('[data-list-id="chat-messages"], li[id^="chat-messages-"]'),
    pane: () => C.scrollingAncestor(document.querySelector('ol[data-list-id="chat-messages"], li[id^="chat-messages-"]'), true),
    messages: (/** @type {Element} */ pane) => [...pane.querySelectorAll('li[id^="chat-messages-"]')],
    separators: (/** @type {Element} */ pane) => [...pane.querySelectorAll('[role="separator"]')],
    key: (/** @type {Element} */ el) => el.id,
    title: () => C.line(document.querySelector('section h1, [class*="title"] h1, h1')),
    read: (/** @type {Element} */ el, /** @type {any} */ before) => {
      const ids = el.id.split('-');
      const messageId = ids.at(-1);
      const channelId = ids.at(-2);
      const guildId = location.pathname.split('/')[2];
      const named = el.querySelector('[id^="message-username-"]');
      const time = el.querySelector('time[id^="message-timestamp-"]');
      const reply = el.querySelector('[id^="message-reply-context-"]');
      const avatar = C.attr(el.querySelector('img[class*="avatar"]'), 'src');
      return {
        kind: 'message',
        authorName: bare(C.line(named?.querySelector('[class*="username"]') ?? named)) ?? before?.authorName,
        authorId: avatar?.match(/\/avatars\/(\d+)\//)?.[1] ?? (named ? undefined : before?.authorId),
        postId: messageId,
        permalink: guildId && channelId && messageId ? `https://discord.com/channels/${guildId}/${channelId}/${messageId}` : undefined,
        publishedAt: C.attr(time, 'datetime'),
        time: C.line(time),
        text: C.lines(el.querySelector(`[id="message-content-${messageId}"]`)),
        mediaUrls: C.media(el, /\/avatars\//),
        parent: reply ? { authorName: bare(C.line(reply.querySelector('[class*="username"]'))), text: C.lines(reply.querySelector('[class*="repliedTextContent"], [id^="message-content-"]')) } : undefined,
      };
    },
  });
})();

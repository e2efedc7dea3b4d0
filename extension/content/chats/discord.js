// Discord channels and direct messages (discord.com/channels/...). Messages are
// li#chat-messages-<channel>-<message> in ol[data-list-id="chat-messages"]; a run's first
// message shows the author (#message-username-<id>) and every one has
// <time id="message-timestamp-<id>" datetime>; a reply shows #message-reply-context-<id>; days
// are divided by [role="separator"] elements. Checked on messages saved from discord.com
// (tests/fixtures/chat/real/discord/): a mention, or the name that a system message starts
// with, is a [role="button"] in the text, and is text; a system message (a title changed, a
// boost, AutoMod's notice) has no #message-username-: its time (a <time> without an id), and
// AutoMod's name, are inside #message-content-.
(() => {
  const C = /** @type {any} */ (globalThis).temoinChats;
  /** Buttons that are text: a mention, a person's name. */
  const SAID = '[class*="mention"], [class*="username" i], :has(> [class*="username" i])';
  /** In a system message's content: its time, and the heading that names AutoMod. */
  const NOT_SAID = 'time, h3:has([class*="username" i])';
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
      const content = el.querySelector(`[id="message-content-${messageId}"]`);
      // The message's article is labelled by its author's name (the run's first message's, for
      // the next ones), its content and its time; a system message's, by its content alone: it
      // has no author of the run before it.
      const labels = el.querySelector('[role="article"][aria-labelledby]')?.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
      const system = labels.length > 0 && !labels.some((l) => /^message-(username|timestamp)-/.test(l));
      const labelled = labels.find((l) => l.startsWith('message-username-'));
      const heading = el.querySelector('[id^="message-username-"]') ?? content?.querySelector('h3 [class*="username" i]');
      const named = heading ?? (labelled ? el.ownerDocument.getElementById(labelled) : null);
      if (system) before = undefined;
      const time = el.querySelector('time[id^="message-timestamp-"]') ?? content?.querySelector('time[datetime]');
      const reply = el.querySelector('[id^="message-reply-context-"]');
      // The author's picture, not one shown in the content (AutoMod's notice shows whoever enabled it).
      const avatar = C.attr([...el.querySelectorAll('img[class*="avatar"]')].find((i) => !content?.contains(i)), 'src');
      return {
        kind: 'message',
        authorName: bare(C.line(named?.querySelector('[class*="username"]') ?? named)) ?? before?.authorName,
        authorId: avatar?.match(/\/avatars\/(\d+)\//)?.[1] ?? (heading ? undefined : before?.authorId),
        postId: messageId,
        permalink: guildId && channelId && messageId ? `https://discord.com/channels/${guildId}/${channelId}/${messageId}` : undefined,
        publishedAt: C.attr(time, 'datetime'),
        time: C.line(time),
        text: C.lines(content, NOT_SAID, SAID),
        mediaUrls: C.media(el, /\/avatars\//),
        parent: reply ? { authorName: bare(C.line(reply.querySelector('[class*="username"]'))), text: C.lines(reply.querySelector('[class*="repliedTextContent"], [id^="message-content-"]'), undefined, SAID) } : undefined,
      };
    },
  });
})();

// Finds the post around the right-clicked element and reads what the page says about it.
// Injected on demand into the captured frame (isolated world: the page's own scripts cannot
// change what is read), after read-block.js and read-structured.js. In layers, each recorded in
// the post's `extractedBy`: the platform's extractor, chosen by the platform the core recognised
// from the address; then the structured data the page carries (microdata, JSON-LD); then a
// generic reading of the block around the element. A field not found is absent.
(() => {
  const MAX_TEXT = 20_000;
  const { readBlock } = /** @type {any} */ (globalThis).temoinReadBlock;
  /** The right-clicked element: a selector's match in another post than its is taken last. @type {Element} */
  let clicked = document.documentElement;


  /** @param {Element | null | undefined} el */
  const text = (el) => {
    const t = el ? (/** @type {HTMLElement} */ (el).innerText ?? el.textContent ?? '').trim() : '';
    return t ? t.slice(0, MAX_TEXT) : undefined;
  };
  /** @param {Element | null | undefined} el @param {string} name */
  const attr = (el, name) => el?.getAttribute(name)?.trim() || undefined;
  /** @param {string | null | undefined} href */
  const abs = (href) => {
    if (!href) return undefined;
    try {
      const u = new URL(href, location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
    } catch {
      return undefined;
    }
  };
    /**
   * The first match of `sel` in `root` that holds something (a text, a time, a title) and
   * belongs to the right-clicked post: an empty avatar link must not win over the author's name,
   * nor a quoted post's text over the reply's own.
   * @param {Element} root @param {string} sel @returns {Element | null}
   */
  const q = (root, sel) => {
    const all = [...root.querySelectorAll(sel)];
    if (all.length <= 1) return all[0] ?? null;
    const holds = all.filter((el) => !!(el.textContent?.trim() || el.getAttribute('datetime') || el.getAttribute('content') || el.getAttribute('title')));
    // A match inside another post shown in this one (a quoted or parent post the user did not
    // click) comes last.
    const own = holds.filter((el) => {
      const other = el.parentElement?.closest(FOREIGN);
      return !other || other === root || !root.contains(other) || other.contains(clicked);
    });
    return own[0] ?? holds[0] ?? all[0];
  };
  const FOREIGN = 'article, [role="article"], blockquote, [data-testid="quoteTweet"], [class*="quote" i], [class*="parent" i]';
  /** @param {Element} root */
  const media = (root) => {
    const urls = [...root.querySelectorAll('img, video, video source')]
      .map((m) => /** @type {HTMLImageElement} */ (m).currentSrc || /** @type {HTMLImageElement} */ (m).src)
      .filter((u) => typeof u === 'string' && /^https?:/.test(u));
    return [...new Set(urls)].slice(0, 50);
  };
  /** @param {Element | null | undefined} t */
  const timeOf = (t) => (t ? { publishedAt: attr(t, 'datetime'), publishedText: text(t) ?? attr(t, 'title') ?? attr(t, 'aria-label') } : {});
  /** @param {string | undefined} s */
  const handleIn = (s) => s?.match(/@[\w.]+/)?.[0]?.slice(1);
  /** Unix seconds or milliseconds, or an ISO string, as ISO. @param {string | undefined} v */
  const isoFrom = (v) => {
    if (!v) return undefined;
    if (/^\d{10,13}$/.test(v)) return new Date(Number(v) * (v.length === 10 ? 1000 : 1)).toISOString();
    return v;
  };

  /**
   * @typedef {Record<string, any>} Fields
   * @typedef {{ container: string, fields: (c: Element) => Fields, parent?: (c: Element) => Element | null }} Extractor
   */

  /** @type {Record<string, Extractor[]>} */
  const EXTRACTORS = {
    x: [{
      container: 'article[data-testid="tweet"]',
      fields: (c) => {
        const names = q(c, '[data-testid="User-Name"]');
        const profile = names?.querySelector('a[href^="/"]');
        const time = q(c, 'time');
        return {
          kind: 'post',
          authorName: text(names?.querySelector('a[href^="/"] span') ?? profile),
          authorHandle: handleIn(text(names)),
          authorUrl: abs(attr(profile, 'href')),
          permalink: abs(attr(time?.closest('a'), 'href')),
          ...timeOf(time),
          text: text(q(c, '[data-testid="tweetText"]')),
          mediaUrls: media(c).filter((u) => !u.includes('/profile_images/')),
        };
      },
    }],
    facebook: [{
      container: '[role="article"]',
      fields: (c) => {
        // A post names its author in a heading; a comment starts with its author's link.
        const author = q(c, 'h2 a[role="link"], h3 a[role="link"], h2 strong a, h3 strong a') ?? q(c, 'a[role="link"]');
        const link = [...c.querySelectorAll('a[href*="/posts/"], a[href*="story_fbid="], a[href*="/permalink/"], a[href*="comment_id="], a[href*="/videos/"], a[href*="/photo"]')].find((a) => a !== author) ?? null;
        const shown = text(link);
        return {
          kind: c.parentElement?.closest('[role="article"]') ? 'comment' : 'post',
          authorName: text(author),
          authorUrl: abs(attr(author, 'href')),
          permalink: abs(attr(link, 'href')),
          publishedText: shown && shown.length < 40 ? shown : attr(link, 'aria-label'),
          text: text(q(c, '[data-ad-preview="message"], [data-ad-comet-preview="message"], [data-ad-rendering-role="story_message"], div[dir="auto"]')),
          mediaUrls: media(c),
        };
      },
      parent: (c) => c.parentElement?.closest('[role="article"]') ?? null,
    }],
    instagram: [{
      container: 'article',
      fields: (c) => {
        const author = q(c, 'header a[href^="/"]:not([href*="/explore/"])');
        const time = q(c, 'time[datetime]');
        return {
          kind: 'post',
          authorName: text(author),
          authorHandle: attr(author, 'href')?.split('/').filter(Boolean)[0],
          authorUrl: abs(attr(author, 'href')),
          permalink: abs(attr(time?.closest('a') ?? q(c, 'a[href*="/p/"], a[href*="/reel/"]'), 'href')),
          ...timeOf(time),
          text: text(q(c, 'h1')),
          mediaUrls: media(c),
        };
      },
    }],
    tiktok: [
      {
        container: '[data-e2e="comment-item"], div[class*="DivCommentItemWrapper"], div[class*="DivCommentObjectWrapper"]',
        fields: (c) => {
          const author = q(c, '[data-e2e="comment-username-1"] a[href^="/@"], a[href^="/@"]');
          return {
            kind: 'comment',
            authorName: text(q(c, '[data-e2e="comment-username-1"]')) ?? text(author),
            authorHandle: attr(author, 'href')?.slice(2).split(/[/?]/)[0],
            authorUrl: abs(attr(author, 'href')),
            text: text(q(c, '[data-e2e="comment-level-1"], [data-e2e="comment-level-2"]')),
            publishedText: text(q(c, '[data-e2e="comment-time-1"], span[class*="SpanCreatedTime"]')),
          };
        },
      },
      {
        container: '[data-e2e="browse-video"], div[class*="DivBrowserModeContainer"], div[class*="DivVideoDetailContainer"], [data-e2e="recommend-list-item-container"]',
        fields: (c) => {
          const author = q(c, 'a[href^="/@"]');
          return {
            kind: 'video',
            authorName: text(q(c, '[data-e2e="browse-user-nickname"], [data-e2e="video-author-nickname"]')),
            authorHandle: text(q(c, '[data-e2e="browse-username"], [data-e2e="video-author-uniqueid"]')) ?? attr(author, 'href')?.slice(2).split(/[/?]/)[0],
            authorUrl: abs(attr(author, 'href')),
            text: text(q(c, '[data-e2e="browse-video-desc"], [data-e2e="video-desc"]')),
            permalink: /\/video\/\d+/.test(location.pathname) ? location.href : undefined,
            mediaUrls: media(c),
          };
        },
      },
    ],
    youtube: [
      {
        container: 'ytd-comment-view-model, ytd-comment-renderer',
        fields: (c) => {
          const author = q(c, '#author-text');
          const link = q(c, '#published-time-text a');
          return {
            kind: 'comment',
            authorHandle: text(author)?.replace(/^@/, ''),
            authorUrl: abs(attr(author, 'href')),
            permalink: abs(attr(link, 'href')),
            publishedText: text(link),
            text: text(q(c, '#content-text')),
          };
        },
        parent: (c) => {
          const top = c.closest('ytd-comment-thread-renderer')?.querySelector('ytd-comment-view-model, ytd-comment-renderer');
          return top && top !== c ? top : null;
        },
      },
      {
        container: 'ytd-watch-metadata',
        fields: (c) => {
          const channel = q(c, 'ytd-channel-name a, #owner #channel-name a');
          const published = document.querySelector('meta[itemprop="datePublished"], meta[itemprop="uploadDate"]');
          return {
            kind: 'video',
            authorName: text(channel),
            authorUrl: abs(attr(channel, 'href')),
            text: [text(q(c, 'h1')), text(q(c, '#description-inline-expander, #description'))].filter(Boolean).join('\n\n') || undefined,
            publishedAt: attr(published, 'content'),
            publishedText: text(q(c, '#info-strings yt-formatted-string, #info span:nth-child(3)')),
            permalink: location.pathname === '/watch' ? location.href : undefined,
          };
        },
      },
    ],
    reddit: [
      {
        container: 'shreddit-comment',
        fields: (c) => {
          const thing = attr(c, 'thingid');
          return {
            kind: 'comment',
            authorHandle: attr(c, 'author'),
            authorUrl: attr(c, 'author') ? abs(`/user/${attr(c, 'author')}/`) : undefined,
            postId: thing,
            permalink: abs(attr(c, 'permalink')),
            publishedAt: isoFrom(attr(c, 'created') ?? attr(q(c, 'faceplate-timeago'), 'ts')),
            publishedText: text(q(c, 'faceplate-timeago')),
            // The comment's own body, not its replies'.
            text: text(c.querySelector(`[id="${thing}-comment-rtjson-content"]`) ?? q(c, ':scope > [slot="comment"], [id$="-comment-rtjson-content"]')),
          };
        },
        parent: (c) => c.parentElement?.closest('shreddit-comment') ?? document.querySelector('shreddit-post'),
      },
      {
        container: 'shreddit-post',
        fields: (c) => ({
          kind: 'post',
          authorHandle: attr(c, 'author'),
          authorId: attr(c, 'author-id'),
          authorUrl: attr(c, 'author') ? abs(`/user/${attr(c, 'author')}/`) : undefined,
          postId: attr(c, 'id'),
          permalink: abs(attr(c, 'permalink')),
          publishedAt: isoFrom(attr(c, 'created-timestamp')),
          text: [attr(c, 'post-title'), text(q(c, '[slot="text-body"], [id$="-post-rtjson-content"]'))].filter(Boolean).join('\n\n') || undefined,
          mediaUrls: media(c),
        }),
      },
    ],
    discord: [{
      container: 'li[id^="chat-messages-"]',
      fields: (c) => {
        const ids = (attr(c, 'id') ?? '').split('-');
        const messageId = ids.at(-1);
        const channelId = ids.at(-2);
        const guildId = location.pathname.split('/')[2];
        // A message grouped under the previous one carries no name: it is the previous author's.
        /** @type {Element | null} */
        let header = c;
        while (header && !q(header, '[id^="message-username-"]')) header = header.previousElementSibling;
        const avatar = attr(header ? q(header, 'img[class*="avatar"]') : null, 'src');
        const reply = q(c, '[id^="message-reply-context-"]');
        return {
          kind: 'message',
          authorName: text(header ? q(header, '[id^="message-username-"] [class*="username"], [id^="message-username-"]') : null),
          authorId: avatar?.match(/\/avatars\/(\d+)\//)?.[1],
          postId: messageId,
          permalink: guildId && channelId && messageId ? `https://discord.com/channels/${guildId}/${channelId}/${messageId}` : undefined,
          ...timeOf(q(c, 'time[id^="message-timestamp-"]')),
          text: text(q(c, '[id^="message-content-"]:not([id^="message-content-reply"])')),
          mediaUrls: media(c).filter((u) => !u.includes('/avatars/')),
          parent: reply ? { authorName: text(q(reply, '[class*="username"]')), text: text(q(reply, '[class*="repliedTextContent"], [id^="message-content-"]')) } : undefined,
        };
      },
    }],
    twitch: [{
      container: '.chat-line__message, [data-a-target="chat-line-message"]',
      fields: (c) => ({
        kind: 'message',
        authorName: text(q(c, '.chat-author__display-name, [data-a-target="chat-message-username"]')),
        authorHandle: attr(c, 'data-a-user') ?? attr(q(c, '[data-a-user]'), 'data-a-user'),
        text: text(q(c, '[data-a-target="chat-line-message-body"], [data-a-target="chat-message-text"]')),
      }),
    }],
    linkedin: [{
      container: 'article.comments-comment-entity, article.comments-comment-item, div.feed-shared-update-v2, [data-urn^="urn:li:activity"]',
      fields: (c) => {
        const actor = q(c, 'a.update-components-actor__meta-link, a.comments-comment-meta__description-container, a.comments-post-meta__actor-link');
        const urn = attr(c, 'data-urn') ?? attr(c, 'data-id');
        return {
          kind: c.matches('article') ? 'comment' : 'post',
          authorName: text(q(c, '.update-components-actor__title span[aria-hidden="true"], .update-components-actor__name, .comments-comment-meta__description-title, .comments-post-meta__name-text')),
          authorUrl: abs(attr(actor, 'href')),
          postId: urn,
          permalink: urn?.startsWith('urn:li:activity:') ? `https://www.linkedin.com/feed/update/${urn}/` : undefined,
          publishedText: text(q(c, '.update-components-actor__sub-description span[aria-hidden="true"], time')),
          text: text(q(c, '.update-components-text, .feed-shared-update-v2__description, .comments-comment-item__main-content, .comments-comment-entity__content')),
          mediaUrls: media(c),
        };
      },
    }],
    bluesky: [{
      container: '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]',
      fields: (c) => {
        const link = q(c, 'a[href*="/post/"]');
        return {
          kind: 'post',
          authorHandle: attr(c, 'data-testid')?.replace(/^(feedItem|postThreadItem)-by-/, ''),
          authorName: text(q(c, 'a[href^="/profile/"] span, a[href^="/profile/"]')),
          authorUrl: abs(attr(q(c, 'a[href^="/profile/"]'), 'href')),
          permalink: abs(attr(link, 'href')),
          publishedText: attr(link, 'aria-label') ?? attr(link, 'data-tooltip') ?? text(link),
          text: text(q(c, '[data-testid="postText"]')),
          mediaUrls: media(c),
        };
      },
    }],
    mastodon: [{
      container: '.status[data-id], .detailed-status, article[data-id]',
      fields: (c) => {
        const link = q(c, 'a.status__relative-time, a.detailed-status__datetime');
        return {
          kind: 'post',
          authorName: text(q(c, '.display-name__html')),
          authorHandle: text(q(c, '.display-name__account'))?.replace(/^@/, ''),
          authorUrl: abs(attr(q(c, 'a.status__display-name, a.detailed-status__display-name'), 'href')),
          postId: attr(c, 'data-id'),
          permalink: abs(attr(link, 'href')),
          ...timeOf(q(c, 'time[datetime]')),
          text: text(q(c, '.status__content')),
          mediaUrls: media(c),
        };
      },
    }],
    threads: [{
      container: 'div[data-pressable-container="true"]',
      fields: (c) => {
        const time = q(c, 'time[datetime]');
        const author = q(c, 'a[href^="/@"]');
        return {
          kind: 'post',
          authorHandle: attr(author, 'href')?.slice(2).split('/')[0],
          authorUrl: abs(attr(author, 'href')),
          permalink: abs(attr(time?.closest('a') ?? q(c, 'a[href*="/post/"]'), 'href')),
          ...timeOf(time),
          text: text(q(c, 'div[class*="x1a6qonq"] span[dir="auto"], span[dir="auto"]:not(a span)')),
          mediaUrls: media(c),
        };
      },
    }],
    telegram: [{
      container: '.bubble[data-mid], .Message[data-message-id], .message[data-mid]',
      fields: (c) => ({
        kind: 'message',
        authorName: text(q(c, '.peer-title, .message-title, .name')),
        postId: attr(c, 'data-mid') ?? attr(c, 'data-message-id'),
        publishedText: text(q(c, '.time, .message-time')) ?? attr(q(c, '.time'), 'title'),
        text: text(q(c, '.translatable-message, .text-content, .message')),
        mediaUrls: media(c),
      }),
    }],
    jeuxvideo: [{
      container: '.bloc-message-forum',
      fields: (c) => {
        const date = q(c, '.bloc-date-msg');
        const pseudo = text(q(c, '.bloc-pseudo-msg'));
        return {
          kind: 'post',
          authorHandle: pseudo,
          authorUrl: pseudo ? abs(`/profil/${pseudo.toLowerCase()}?mode=infos`) : undefined,
          postId: attr(c, 'data-id'),
          permalink: abs(attr(date?.querySelector('a') ?? null, 'href')),
          publishedText: text(date),
          text: text(q(c, '.txt-msg')),
          mediaUrls: media(c),
        };
      },
    }],
    gmail: [{
      container: '.adn, [role="listitem"]',
      fields: (c) => {
        const sender = q(c, 'span.gD[email], span[email]');
        const date = q(c, 'span.g3[title], span[title][alt]');
        return {
          kind: 'email',
          authorName: attr(sender, 'name') ?? text(sender),
          authorHandle: attr(sender, 'email'),
          subject: text(document.querySelector('h2.hP')),
          publishedText: attr(date, 'title') ?? text(date),
          text: text(q(c, '.a3s')),
          permalink: location.href,
        };
      },
    }],
    outlook: [{
      container: '[aria-label="Reading Pane"], #ReadingPaneContainerId, div[role="main"]',
      fields: (c) => {
        const from = q(c, '[aria-label^="From"], [aria-label^="De"], span[title*="@"]');
        return {
          kind: 'email',
          authorName: text(from)?.replace(/<[^>]*>/, '').trim(),
          authorHandle: attr(from, 'title')?.match(/[^\s<>]+@[^\s<>]+/)?.[0] ?? text(from)?.match(/[^\s<>]+@[^\s<>]+/)?.[0],
          subject: text(q(c, '[role="heading"][aria-level="2"], #ReadingPaneSubject, [id^="SubjectLine"]')),
          publishedText: text(q(c, '[data-testid="SentReceivedSavedTime"]')),
          text: text(q(c, '[aria-label="Message body"], [aria-label="Corps du message"]')),
          permalink: location.href,
        };
      },
    }],
  };

  /** Drops the fields that were not found. @param {Fields} fields */
  function clean(fields) {
    /** @type {Fields} */
    const out = {};
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      out[k] = k === 'parent' ? clean(v) : v;
    }
    return out;
  }

  /**
   * @param {Element | undefined} target the right-clicked element
   * @param {string | undefined} platform the platform recognised from the address
   */
  function extractPost(target, platform) {
    if (!target || !target.isConnected) return null;
    const start = target.nodeType === Node.ELEMENT_NODE ? target : target.parentElement;
    if (!start) return null;
    clicked = start;
    for (const extractor of EXTRACTORS[platform ?? ''] ?? []) {
      const container = start.closest(extractor.container);
      if (!container) continue;
      const fields = extractor.fields(container);
      const parentEl = extractor.parent?.(container);
      if (parentEl && !fields.parent) {
        const parentExtractor = (EXTRACTORS[platform ?? ''] ?? []).find((e) => parentEl.matches(e.container));
        if (parentExtractor) {
          const p = parentExtractor.fields(parentEl);
          fields.parent = { authorName: p.authorName, authorHandle: p.authorHandle, permalink: p.permalink, text: p.text };
        }
      }
      return { post: clean({ platform, ...fields, extractedBy: `platform:${platform}` }), box: container.getBoundingClientRect().toJSON(), extractor: platform };
    }
    // No platform extractor matched: the block the element belongs to, and what the page's
    // structured data says about it (written by the site for machines, so preferred field by
    // field over the generic reading).
    const { block, fields } = readBlock(start);
    const structured = /** @type {any} */ (globalThis).temoinReadStructured?.(start, block.textContent ?? '');
    if (structured) {
      const merged = { ...fields, ...clean(structured.fields) };
      return { post: clean({ platform, ...merged, extractedBy: structured.by }), box: block.getBoundingClientRect().toJSON(), extractor: structured.by };
    }
    return { post: clean({ platform, ...fields, extractedBy: 'generic' }), box: block.getBoundingClientRect().toJSON(), extractor: 'generic' };
  }

  /** @type {any} */ (globalThis).temoinExtractPost = extractPost;
})();

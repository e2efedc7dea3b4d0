// Finds the post around the right-clicked element and reads what the page says about it.
// Injected on demand into the captured frame (isolated world: the page's own scripts cannot
// change what is read), after read-block.js and read-structured.js. In layers, each recorded in
// the post's `extractedBy`: the platform's extractor, chosen by the platform the core recognised
// from the address; then the structured data the page carries (microdata, JSON-LD); then a
// generic reading of the block around the element. A field not found is absent.
(() => {
  const MAX_TEXT = 20_000;
  const R = /** @type {any} */ (globalThis).temoinReadBlock;
  /** An address made absolute, http(s) only. @type {(href: string | null | undefined) => string | undefined} */
  const abs = R.abs;
  const { readBlock, shownText, shownLines, looksLikeTime, handleFromUrl, indentParent } = R;
  /** The right-clicked element: a selector's match in another post than its is taken last. @type {Element} */
  let clicked = document.documentElement;

  /** The text an element shows, line breaks kept (a name or a time: see `line`). @param {Element | null | undefined} el */
  const text = (el) => (el ? shownLines(el) || undefined : undefined);
  /** The same on one line, for names and times. @param {Element | null | undefined} el */
  const line = (el) => (el ? shownText(el).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim() || undefined : undefined);
  /** @param {Element | null | undefined} el @param {string} name */
  const attr = (el, name) => el?.getAttribute(name)?.trim() || undefined;
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
  const FOREIGN = 'article, [role="article"], blockquote, [data-testid="quoteTweet"], [class*="quote" i], [class*="parent" i], [class*="replied" i], [id^="message-reply-context-"]';
  /** @param {Element} root */
  const media = (root) => {
    const urls = [...root.querySelectorAll('img, video, video source')]
      .map((m) => /** @type {HTMLImageElement} */ (m).currentSrc || /** @type {HTMLImageElement} */ (m).src)
      .filter((u) => typeof u === 'string' && /^https?:/.test(u));
    return [...new Set(urls)].slice(0, 50);
  };
  /** @param {Element | null | undefined} t */
  const timeOf = (t) => (t ? { publishedAt: attr(t, 'datetime'), publishedText: line(t) ?? attr(t, 'title') ?? attr(t, 'aria-label') } : {});
  /** @param {string | undefined} s */
  const handleIn = (s) => s?.match(/@[\w.]+/)?.[0]?.slice(1);
  /** The handle a link shows ("@name") when it leads to that account's page ("/name"). @param {Element | null | undefined} root */
  const linkedHandle = (root) =>
    [...(root?.querySelectorAll('a[href^="/"]') ?? [])].map((a) => [handleIn(line(a)), attr(a, 'href')]).find(([h, href]) => !!h && href === `/${h}`)?.[0];
  /** Unix seconds or milliseconds, or an ISO string, as ISO. @param {string | undefined} v */
  const isoFrom = (v) => {
    if (!v) return undefined;
    if (/^\d{10}$|^\d{13}$/.test(v)) return new Date(Number(v) * (v.length === 10 ? 1000 : 1)).toISOString();
    return v;
  };
  /** The first element of `root` matching `sel` whose own text is a time as pages write them. @param {Element} root @param {string} sel */
  const timeText = (root, sel) => [...root.querySelectorAll(sel)].map((el) => line(el)?.replace(/^[·•]\s*/, '')).find((t) => !!t && looksLikeTime(t));
  /** A name shown with a trailing colon (Discord's compact mode: "name:"). @param {string | undefined} s */
  const bare = (s) => s?.replace(/\s*[:：]$/, '') || undefined;
  /** The handle in a profile address's path, after `prefix` ("/@name", "/name/"). @param {string | undefined} href @param {RegExp} re */
  const pathHandle = (href, re) => href?.match(re)?.[1];

  /**
   * @typedef {Record<string, any>} Fields
   * @typedef {{ container: string, fields: (c: Element) => Fields, parent?: (c: Element) => Element | null }} Extractor
   */

  /** @type {Record<string, Extractor[]>} */
  const EXTRACTORS = {
    x: [
      {
        // Today's web app.
        container: 'article[data-testid="tweet"]',
        fields: (c) => {
          const names = q(c, '[data-testid="User-Name"]');
          const profile = names?.querySelector('a[href^="/"]');
          const time = q(c, 'time');
          return {
            kind: 'post',
            authorName: line(names?.querySelector('a[href^="/"] span') ?? profile),
            // The profile link's path is the account itself: the block's text can run the handle
            // into the time ("@pie_bavarde27 nov."), and a display name can be made to read
            // "@someone_else". Else a link that shows "@name" and leads to /name.
            authorHandle:
              pathHandle(attr(profile, 'href'), /^\/(\w{1,15})$/) ?? linkedHandle(names),
            authorUrl: abs(attr(profile, 'href')),
            permalink: abs(attr(time?.closest('a'), 'href')),
            ...timeOf(time),
            text: text(q(c, '[data-testid="tweetText"]')),
            mediaUrls: media(c).filter((u) => !u.includes('/profile_images/')),
          };
        },
      },
      {
        // The server-rendered pages of 2014–2020: a permalink page shows the thread's earlier
        // tweets above the one it is about, and the replies below.
        container: '.tweet[data-tweet-id]',
        fields: (c) => {
          const stamp = q(c, '._timestamp[data-time], [data-time-ms], [data-time]');
          const link = q(c, 'a.tweet-timestamp, a.js-permalink');
          const handle = attr(c, 'data-screen-name') ?? line(q(c, '.username b'));
          return {
            kind: 'post',
            authorName: attr(c, 'data-name') ?? line(q(c, '.fullname')),
            authorHandle: handle,
            authorId: attr(c, 'data-user-id'),
            authorUrl: handle ? abs(`/${handle}`) : undefined,
            postId: attr(c, 'data-tweet-id'),
            permalink: abs(attr(c, 'data-permalink-path') ?? attr(link, 'href')),
            publishedAt: isoFrom(attr(stamp, 'data-time-ms') ?? attr(stamp, 'data-time')),
            publishedText: attr(link, 'title') ?? line(stamp),
            text: text(q(c, '.js-tweet-text, .tweet-text')),
            mediaUrls: media(c).filter((u) => !u.includes('/profile_images/')),
          };
        },
        parent: (c) => {
          if (c.matches('.permalink-tweet')) return [...document.querySelectorAll('#ancestors .tweet[data-tweet-id], .permalink-in-reply-tos .tweet[data-tweet-id]')].at(-1) ?? null;
          if (!c.closest('#descendants, .replies-to')) return null;
          // In a conversation under the page's tweet: the tweet above it in that conversation,
          // or the page's tweet for the first one.
          const conversation = c.closest('.ThreadedConversation, .ThreadedConversation--loneTweet');
          const before = conversation ? [...conversation.querySelectorAll('.tweet[data-tweet-id]')] : [];
          const i = before.indexOf(c);
          return (i > 0 ? before[i - 1] : null) ?? document.querySelector('.permalink-tweet[data-tweet-id]');
        },
      },
    ],
    facebook: [
      {
        // The web app: posts and comments are articles, comments inside their post's.
        container: '[role="article"]',
        fields: (c) => {
          // A post names its author in a heading; a comment starts with its author's link.
          const author = q(c, 'h2 a[role="link"], h3 a[role="link"], h2 strong a, h3 strong a') ?? q(c, 'a[role="link"]');
          const link = [...c.querySelectorAll('a[href*="/posts/"], a[href*="story_fbid="], a[href*="/permalink/"], a[href*="comment_id="], a[href*="/videos/"], a[href*="/photo"]')].find((a) => a !== author) ?? null;
          const shown = line(link);
          return {
            kind: c.parentElement?.closest('[role="article"]') ? 'comment' : 'post',
            authorName: line(author),
            authorUrl: abs(attr(author, 'href')),
            permalink: abs(attr(link, 'href')),
            publishedText: shown && shown.length < 40 ? shown : attr(link, 'aria-label'),
            text: text(q(c, '[data-ad-preview="message"], [data-ad-comet-preview="message"], [data-ad-rendering-role="story_message"], div[dir="auto"]')),
            mediaUrls: media(c),
          };
        },
        parent: (c) => c.parentElement?.closest('[role="article"]') ?? null,
      },
      {
        // The mobile site (m.facebook.com, mbasic): a comment's body names its id, its author's
        // name comes just before it, its time in the actions line; it shows no link of its own.
        container: '[data-sigil="comment"]',
        fields: (c) => {
          const body = q(c, '[data-sigil="comment-body"], [data-commentid]');
          const named = body?.previousElementSibling;
          const picture = attr(c.querySelector('img.profpic, img[class*="profpic"]'), 'alt')?.replace(/,[^,]*$/, '');
          const name = line(named) && line(named) === picture ? line(named) : line(named) ?? picture;
          const author = named?.querySelector('a[href]') ?? (named?.matches('a[href]') ? named : null);
          return {
            kind: 'comment',
            authorName: name && name.length <= 80 ? name : undefined,
            authorUrl: abs(attr(author, 'href')),
            postId: attr(body, 'data-commentid') ?? attr(c, 'id'),
            publishedText: line(q(c, '[data-sigil="ufi-inline-comment-actions"] abbr, abbr')),
            text: text(body),
          };
        },
        parent: (c) =>
          c.parentElement?.closest('[data-sigil="comment"]') ??
          document.querySelector('[data-sigil="m-story-view"] .story_body_container, #m_story_permalink_view .story_body_container, .story_body_container'),
      },
      {
        container: '.story_body_container',
        fields: (c) => {
          const header = q(c, 'header') ?? c;
          const author = q(header, 'h3 strong a, h3 a, strong a');
          const link = q(header, 'a[href*="story.php"], a[href*="/posts/"], a[href*="/permalink"]');
          return {
            kind: 'post',
            authorName: line(author),
            authorUrl: abs(attr(author, 'href')),
            permalink: abs(attr(link, 'href')),
            publishedText: line(q(header, 'abbr')),
            text: text(q(c, '[data-ft*="\\"tn\\":\\"*s\\""], ._5rgt')),
            mediaUrls: media(c),
          };
        },
      },
    ],
    instagram: [
      {
        // A comment under a post (the caption is the first item of the list, the comments
        // follow in lists of their own, replies in a list inside their comment's).
        container: 'article ul ul li[role="menuitem"]',
        fields: (c) => instagramItem(c, 'comment'),
        parent: (c) => {
          const own = c.closest('ul');
          const outer = own?.parentElement?.closest('li[role="menuitem"], ul ul');
          const comment = outer?.matches('li') ? outer : own?.parentElement?.closest('ul')?.querySelector(':scope > div > li[role="menuitem"], :scope > li[role="menuitem"]');
          if (comment && comment !== c && !comment.contains(c)) return comment;
          return c.closest('article')?.querySelector('ul > div > li[role="menuitem"], ul > li[role="menuitem"]') ?? null;
        },
      },
      {
        container: 'article li[role="menuitem"]',
        fields: (c) => instagramItem(c, 'post'),
      },
      {
        container: 'article',
        fields: (c) => {
          const author = q(c, 'header a[href^="/"]:not([href*="/explore/"])');
          // The post's own time: the one that links to the post, not to a comment.
          const time = q(c, 'a[href*="/p/"]:not([href*="/c/"]) time[datetime], a[href*="/reel/"] time[datetime]') ?? q(c, 'time[datetime]');
          const handle = pathHandle(attr(author, 'href'), /^\/([^/?#]+)/);
          const caption = c.querySelector('h1') ?? c.querySelector('ul li[role="menuitem"] h2 ~ span, ul li h2 ~ span');
          return {
            kind: 'post',
            authorName: line(author),
            authorHandle: handle,
            authorUrl: abs(attr(author, 'href')),
            permalink: abs(attr(time?.closest('a') ?? q(c, 'a[href*="/p/"], a[href*="/reel/"]'), 'href')),
            ...timeOf(time),
            text: text(caption),
            mediaUrls: media(c),
          };
        },
      },
    ],
    tiktok: [
      {
        container: '[data-e2e="comment-item"], div[class*="DivCommentItemWrapper"], div[class*="DivCommentObjectWrapper"]',
        fields: (c) => {
          const author = q(c, '[data-e2e="comment-username-1"] a[href^="/@"], a[href^="/@"]');
          return {
            kind: 'comment',
            authorName: line(q(c, '[data-e2e="comment-username-1"]')) ?? line(author),
            authorHandle: attr(author, 'href')?.slice(2).split(/[/?]/)[0],
            authorUrl: abs(attr(author, 'href')),
            text: text(q(c, '[data-e2e="comment-level-1"], [data-e2e="comment-level-2"]')),
            publishedText: line(q(c, '[data-e2e="comment-time-1"], span[class*="SpanCreatedTime"]')),
          };
        },
      },
      {
        container: '[data-e2e="browse-video"], div[class*="DivBrowserModeContainer"], div[class*="DivVideoDetailContainer"], [data-e2e="recommend-list-item-container"]',
        fields: (c) => {
          const author = q(c, 'a[href^="/@"]');
          return {
            kind: 'video',
            authorName: line(q(c, '[data-e2e="browse-user-nickname"], [data-e2e="video-author-nickname"]')),
            authorHandle: line(q(c, '[data-e2e="browse-username"], [data-e2e="video-author-uniqueid"]')) ?? attr(author, 'href')?.slice(2).split(/[/?]/)[0],
            authorUrl: abs(attr(author, 'href')),
            text: text(q(c, '[data-e2e="browse-video-desc"], [data-e2e="video-desc"]')),
            // Beside the author's name: " · 11-12", "· 3d ago".
            publishedText: timeText(c, '[data-e2e="browser-nickname"] span, [class*="DivCreatorInfoContainer"] span, [class*="SpanOtherInfos"] span, [data-e2e="video-author-uniqueid"] ~ span'),
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
          // Comments have shown @handles since 2022; before, the channel's name.
          const shown = line(author);
          const handle = shown?.startsWith('@') ? shown.slice(1) : undefined;
          return {
            kind: 'comment',
            authorName: handle ? undefined : shown,
            authorHandle: handle,
            authorUrl: abs(attr(author, 'href')),
            permalink: abs(attr(link, 'href')),
            postId: attr(link, 'href')?.match(/[?&]lc=([^&#]+)/)?.[1],
            publishedText: line(link),
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
            authorName: line(channel),
            authorUrl: abs(attr(channel, 'href')),
            text: [line(q(c, 'h1')), text(q(c, '#description-inline-expander, #description'))].filter(Boolean).join('\n\n') || undefined,
            publishedAt: attr(published, 'content'),
            publishedText: line(q(c, '#info-strings yt-formatted-string, #info span:nth-child(3)')),
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
            publishedText: line(q(c, 'faceplate-timeago')),
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
      {
        // The redesign of 2018–2023, before shreddit: comments one after another, indented by
        // depth; a comment answers the nearest one above it at a lower indent.
        container: '.Comment',
        fields: (c) => {
          const author = q(c, 'a[data-testid="comment_author_link"], a[href^="/user/"]:not([data-testid="comment_author_icon"]), a[href*="reddit.com/user/"]');
          const created = q(c, 'a[id^="CommentTopMeta--Created--"], a[data-testid="comment_timestamp"]');
          const id = [...c.classList].find((k) => /^t1_/.test(k));
          const handle = line(author)?.replace(/^u\//, '');
          return {
            kind: 'comment',
            authorHandle: handle && handleFromUrl(attr(author, 'href'))?.toLowerCase() === handle.toLowerCase() ? handle : undefined,
            authorUrl: abs(attr(author, 'href')),
            postId: id,
            permalink: abs(attr(created, 'href')),
            publishedText: line(created),
            text: text(q(c, '[data-testid="comment"], [data-test-id="comment"]')),
          };
        },
        parent: (c) => indentParent(c, (/** @type {Element} */ b) => b.querySelector('a[id^="CommentTopMeta--Created--"], a[data-testid="comment_timestamp"]') ?? b) ?? null,
      },
      {
        // Old Reddit (old.reddit.com, and www before 2018): "things" nested in their parent's.
        container: '.thing[data-fullname]',
        fields: (c) => {
          const entry = c.querySelector(':scope > .entry');
          const handle = attr(c, 'data-author');
          const time = entry?.querySelector('.tagline time[datetime]:not(.edited-timestamp), time.live-timestamp');
          const comment = attr(c, 'data-type') === 'comment' || c.matches('.comment');
          const title = comment ? undefined : line(entry?.querySelector('a.title'));
          const body = text(entry?.querySelector('.usertext-body .md, .md'));
          return {
            kind: comment ? 'comment' : 'post',
            authorHandle: handle && handle !== '[deleted]' ? handle : undefined,
            authorUrl: abs(attr(entry?.querySelector('a.author'), 'href')),
            postId: attr(c, 'data-fullname'),
            permalink: abs(attr(c, 'data-permalink') ?? attr(entry?.querySelector('a.bylink[data-event-action="permalink"], .buttons .first a'), 'href')),
            publishedAt: attr(time, 'datetime'),
            publishedText: line(time),
            text: [title, body].filter(Boolean).join('\n\n') || undefined,
          };
        },
        parent: (c) =>
          c.parentElement?.closest('.thing[data-fullname]') ??
          (attr(c, 'data-type') === 'comment' ? document.querySelector('#siteTable .thing.link[data-fullname], .thing.link[data-fullname]') : null),
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
        while (header && !header.querySelector('[id^="message-username-"]')) header = header.previousElementSibling;
        const avatar = attr(header ? header.querySelector('img[class*="avatar"]') : null, 'src');
        const named = header?.querySelector('[id^="message-username-"]');
        const reply = c.querySelector('[id^="message-reply-context-"]');
        const own = messageId ? c.querySelector(`[id="message-content-${messageId}"]`) : null;
        return {
          kind: 'message',
          authorName: bare(line(named?.querySelector('[class*="username"]') ?? named)),
          authorId: avatar?.match(/\/avatars\/(\d+)\//)?.[1],
          postId: messageId,
          permalink: guildId && channelId && messageId ? `https://discord.com/channels/${guildId}/${channelId}/${messageId}` : undefined,
          ...timeOf(messageId ? c.querySelector(`[id="message-timestamp-${messageId}"]`) : q(c, 'time[id^="message-timestamp-"]')),
          text: text(own ?? q(c, '[id^="message-content-"]:not([id^="message-content-reply"])')),
          mediaUrls: media(c).filter((u) => !u.includes('/avatars/')),
          parent: reply
            ? { authorName: bare(line(reply.querySelector('[class*="username"]'))), text: text(reply.querySelector('[class*="repliedTextContent"], [id^="message-content-"]')) }
            : undefined,
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
        const handle = attr(c, 'data-testid')?.replace(/^(feedItem|postThreadItem)-by-/, '');
        // The post's own link (not its reposts', quotes' or likes' pages).
        const self = [...c.querySelectorAll('a[href*="/post/"]')].find((a) => /^\/profile\/[^/]+\/post\/[^/?#]+$/.test(attr(a, 'href') ?? '') && !a.closest('[role="link"][aria-label*="quote" i], [data-testid*="quote" i]'));
        // The name shown on the profile link, without the handle shown beside it.
        const name = [...c.querySelectorAll('a[href^="/profile/"]:not([href*="/post/"])')]
          .map((a) => line(a)?.replace(/@\S+$/, '').trim())
          .find((t) => !!t && !t.startsWith('@'));
        const shown = line(self);
        const anchor = !self && isBlueskyAnchor(c, handle);
        return {
          kind: 'post',
          authorHandle: handle,
          authorName: name,
          authorUrl: handle ? abs(`/profile/${handle}`) : undefined,
          permalink: abs(attr(self, 'href')) ?? (anchor ? location.href : undefined),
          publishedText: shown && looksLikeTime(shown) ? shown : attr(self, 'aria-label') ?? attr(self, 'data-tooltip') ?? (anchor ? timeText(c, 'div, span') : undefined),
          text: text(q(c, '[data-testid="postText"], [data-word-wrap="1"]')),
          mediaUrls: media(c),
        };
      },
      parent: (c) => {
        const items = [...document.querySelectorAll('[data-testid^="postThreadItem-by-"]')];
        const i = items.indexOf(c);
        if (i <= 0) return null;
        // A line drawn down from the post above joins a reply to the post it answers.
        const top = c.firstElementChild;
        const joined = !!top && [...top.querySelectorAll('div')].some((d) => /width:\s*2px/.test(attr(d, 'style') ?? ''));
        if (joined) return items[i - 1];
        // Else, a reply under the thread's main post.
        const anchor = items.find((it) => isBlueskyAnchor(it, attr(it, 'data-testid')?.replace(/^postThreadItem-by-/, '')));
        return anchor && items.indexOf(anchor) < i ? anchor : null;
      },
    }],
    tumblr: [{
      // Blog themes are the blogs' own; the blog's name is its address's.
      container: '[data-id][class*="post"], article[class*="post"], div.post, li.post, article',
      fields: (c) => {
        const { fields } = readBlock(clicked);
        const blog = location.hostname.match(/^([a-z0-9-]+)\.tumblr\.com$/i)?.[1];
        const own = [...c.querySelectorAll('a[href*="/post/"]')].map((a) => abs(attr(a, 'href'))).find((u) => !!u && /\/post\/\d+/.test(u));
        const here = /\/post\/\d+/.test(location.pathname) && own && new URL(own).pathname.split('/')[2] === location.pathname.split('/')[2] ? location.href : own;
        return {
          kind: 'post',
          authorHandle: blog && blog !== 'www' ? blog : undefined,
          permalink: here,
          publishedText: fields.publishedText,
          publishedAt: fields.publishedAt,
          text: fields.text,
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

  /**
   * An item of an Instagram post's list: the caption (kind "post") or a comment.
   * @param {Element} c @param {string} kind
   */
  function instagramItem(c, kind) {
    const author = q(c, 'h2 a[href^="/"], h3 a[href^="/"]');
    const heading = author?.closest('h2, h3');
    const handle = pathHandle(attr(author, 'href'), /^\/([^/?#]+)\/?$/);
    const time = q(c, 'time[datetime]');
    // The text follows the author's heading.
    let body = heading?.nextElementSibling ?? null;
    while (body && !line(body)) body = body.nextElementSibling;
    return {
      kind,
      authorName: line(author),
      authorHandle: handle,
      authorUrl: abs(attr(author, 'href')),
      permalink: abs(attr(time?.closest('a'), 'href')),
      postId: attr(time?.closest('a'), 'href')?.match(/\/c\/(\d+)/)?.[1],
      ...timeOf(time),
      text: body && !body.contains(time) ? text(body) : undefined,
    };
  }

  /** Whether a Bluesky thread item is the thread's main post: the page's author's, with no link to itself. @param {Element} c @param {string | undefined} handle */
  function isBlueskyAnchor(c, handle) {
    const m = location.pathname.match(/^\/profile\/([^/]+)\/post\/([^/?#]+)/);
    if (!m || !handle || decodeURIComponent(m[1]) !== handle) return false;
    return ![...c.querySelectorAll('a[href*="/post/"]')].some((a) => /^\/profile\/[^/]+\/post\/[^/?#]+$/.test(attr(a, 'href') ?? ''));
  }

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
      // A container found whose markup the extractor does not know: the next reading.
      if (!fields.text && !fields.authorName && !fields.authorHandle) continue;
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
    const structured = /** @type {any} */ (globalThis).temoinReadStructured?.(start, block);
    if (structured) {
      const merged = { ...fields, ...clean(structured.fields) };
      return { post: clean({ platform, ...merged, extractedBy: structured.by }), box: block.getBoundingClientRect().toJSON(), extractor: structured.by };
    }
    return { post: clean({ platform, ...fields, extractedBy: 'generic' }), box: block.getBoundingClientRect().toJSON(), extractor: 'generic' };
  }

  /** @type {any} */ (globalThis).temoinExtractPost = extractPost;

  /**
   * Every post the page shows, in page order, each read as `extractPost` reads a right-clicked
   * one: the platform's containers (nested ones too: a comment in its post), or, when no platform
   * extractor reads the page, the blocks shaped like the one `target` belongs to. A container
   * its extractor cannot read is left out. Boxes are in CSS pixels of the viewport.
   * @param {string | undefined} platform @param {Element | undefined} target
   * @returns {{ reader: string, posts: { element: Element, post: Fields, box: DOMRectReadOnly }[] }}
   */
  function findPosts(platform, target) {
    const extractors = EXTRACTORS[platform ?? ''] ?? [];
    /** @type {{ element: Element, post: Fields, box: DOMRectReadOnly }[]} */
    const posts = [];
    if (extractors.length) {
      for (const element of document.querySelectorAll(extractors.map((e) => e.container).join(', '))) {
        const read = extractPost(element, platform);
        if (read && read.extractor === platform) posts.push({ element, post: read.post, box: element.getBoundingClientRect() });
      }
      if (posts.length) return { reader: `platform:${platform}`, posts };
    }
    const start = target && target.isConnected ? (target.nodeType === Node.ELEMENT_NODE ? target : target.parentElement) : null;
    if (!start) return { reader: 'generic', posts };
    const block = readBlock(start).block;
    if (!block || block === document.body || block === document.documentElement) return { reader: 'generic', posts };
    const shape = (/** @type {Element} */ el) => `${el.tagName}|${[...el.classList].filter((c) => !/\d{3,}/.test(c)).sort().join(' ')}`;
    const wanted = shape(block);
    for (const element of document.getElementsByTagName(block.tagName)) {
      if (shape(element) !== wanted) continue;
      const read = extractPost(element, platform);
      if (!read || (!read.post.text && !read.post.authorName && !read.post.authorHandle)) continue;
      posts.push({ element, post: read.post, box: element.getBoundingClientRect() });
    }
    return { reader: 'generic', posts };
  }
  /** @type {any} */ (globalThis).temoinFindPosts = findPosts;
})();

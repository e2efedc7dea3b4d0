// The generic reading of a post, for pages no platform extractor knows: the block the
// right-clicked element belongs to (comments and posts are lists of same-shaped blocks), and in
// it the author-like name, the time in whatever form the page writes it, the permalink and the
// block's own text without its replies, quotes or buttons; and the post it answers (the block it
// is nested in, or the one above it at a lower indent in a flat thread). Every candidate is the
// one nearest to the right-clicked element, never simply the first in the page; a field that
// cannot be read with confidence is left out. Injected with extract-post.js, which calls
// `temoinReadBlock` (the platform extractors use its helpers too); what a time text means is
// decided by the core, not here.
(() => {
  const MAX_TEXT = 20_000;

  // Text as the page shows it -------------------------------------------------------------

  /** Never text: code, controls, icons, and what is hidden from assistive technologies. */
  const NOT_TEXT = 'script, style, noscript, template, svg, button, input, select, textarea, nav, [role="button"], [aria-hidden="true"], [hidden]';
  const INLINE = /^(inline|contents|ruby)/;
  /** An emoji drawn as an image: its `alt` is its text. */
  const EMOJI = /^\p{Extended_Pictographic}[\p{Extended_Pictographic}\u200d\ufe0f\p{Emoji_Modifier}]{0,7}$/u;

  /**
   * The text of `root` as it is shown: hidden elements and controls left out, a line break
   * between blocks, inline pieces joined as they are ("Dixi<wbr>e" is "Dixie"), without the
   * case a style sheet changes (`text-transform`), whitespace folded.
   * @param {Element | null | undefined} root
   * @param {(el: Element) => boolean} [skip] elements left out with their content
   */
  function shownText(root, skip) {
    return shownLines(root, skip).replace(/\s+/g, ' ').trim();
  }

  /**
   * The same, keeping the line breaks the page shows (between blocks, at `<br>`, in
   * preformatted text): a post's text as its author wrote it.
   * @param {Element | null | undefined} root
   * @param {(el: Element) => boolean} [skip]
   * @param {(el: Element) => boolean} [asText] controls that are part of the text all the same (a
   *   chat app's mention of a person, made a button to open the person's card)
   */
  function shownLines(root, skip, asText) {
    if (!root) return '';
    let out = '';
    /** @param {Node} node @param {boolean} pre */
    const walk = (node, pre) => {
      if (out.length > MAX_TEXT * 2) return;
      if (node.nodeType === Node.TEXT_NODE) {
        const v = node.nodeValue ?? '';
        out += pre ? v : v.replace(/\s+/g, ' ');
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      const el = /** @type {Element} */ (node);
      if (el !== root && ((el.matches(NOT_TEXT) && !(asText?.(el) && el.matches('[role="button"]'))) || skip?.(el))) return;
      if (el.tagName === 'BR') {
        out += '\n';
        return;
      }
      if (el.tagName === 'IMG') {
        const alt = el.getAttribute('alt') ?? '';
        if (EMOJI.test(alt)) out += alt;
        return;
      }
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return;
      // A truncation mark between the shown and the hidden part of a long text ("…") is not text.
      if (el !== root && !/^(P|LI|BLOCKQUOTE|PRE)$/.test(el.tagName) && ELLIPSIS.test(el.textContent ?? '') && !el.querySelector('img')) return;
      // A box laid out on the line: inline, an item of an inline flex or grid box (whose
      // display the layout turns to "block"), or a lone link between words.
      const onLine = (/** @type {Element} */ e) => !!e.parentElement && e !== root && /^inline-(flex|grid)/.test(getComputedStyle(e.parentElement).display);
      const block = !INLINE.test(style.display) && !onLine(el) && !inlineLink(el);
      const keep = pre || /^pre/.test(style.whiteSpace) || style.whiteSpace === 'break-spaces';
      if (block) out += '\n';
      for (let c = el.firstChild; c; c = c.nextSibling) walk(c, keep);
      if (block) out += '\n';
    };
    walk(root, false);
    return out
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
      .slice(0, MAX_TEXT);
  }

  /** A text that is only a truncation mark. */
  const ELLIPSIS = /^\s*[[(]?\s*(…|\.{3})\s*[\])]?\s*$/;

  /**
   * A box that holds only a link (a mention, a hashtag) beside pieces of running text: a line
   * of text the page's missing style sheet would have kept whole ("con @ana, @bo").
   * @param {Element} el
   */
  function inlineLink(el) {
    if (el.children.length !== 1 || (el.textContent ?? '').trim().length > 60) return false;
    let inner = el.firstElementChild;
    while (inner && inner.tagName !== 'A' && inner.children.length === 1 && (inner.textContent ?? '').trim() === (el.textContent ?? '').trim()) inner = inner.firstElementChild;
    if (!inner || inner.tagName !== 'A' || (inner.textContent ?? '').trim() !== (el.textContent ?? '').trim()) return false;
    /** @param {Node | null} n */
    const inlineText = (n) => {
      if (!n) return false;
      if (n.nodeType === Node.TEXT_NODE) return /\S/.test(n.nodeValue ?? '');
      return n.nodeType === Node.ELEMENT_NODE && INLINE.test(getComputedStyle(/** @type {Element} */ (n)).display) && /\S/.test(n.textContent ?? '');
    };
    /** @param {Node | null} n @param {'previousSibling' | 'nextSibling'} way */
    const skipBlank = (n, way) => {
      while (n && n.nodeType === Node.TEXT_NODE && !/\S/.test(n.nodeValue ?? '')) n = n[way];
      return n;
    };
    return inlineText(skipBlank(el.previousSibling, 'previousSibling')) || inlineText(skipBlank(el.nextSibling, 'nextSibling'));
  }

  /** A time's text: as shown, or as written when the page's style hides it (it is the page's data all the same). @param {Element} el */
  const timeText = (el) => shownText(el) || quickText(el);

  /** @param {Element | null | undefined} el */
  const quickText = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

  // Distances ------------------------------------------------------------------------------

  /** Tree distance between two nodes: steps up to their common ancestor and down again. */
  function distance(/** @type {Node} */ a, /** @type {Node} */ b) {
    /** @type {Map<Node, number>} */
    const up = new Map();
    let n = /** @type {Node | null} */ (a);
    for (let d = 0; n; d += 1, n = n.parentNode) up.set(n, d);
    n = b;
    for (let d = 0; n; d += 1, n = n.parentNode) {
      const da = up.get(n);
      if (da !== undefined) return da + d;
    }
    return Number.POSITIVE_INFINITY;
  }

  /**
   * The candidate nearest to `from`, among those `accept` keeps (document order breaks ties).
   * @param {Iterable<Element>} candidates @param {Node} from @param {(el: Element) => boolean} [accept]
   */
  function nearest(candidates, from, accept = () => true) {
    let best = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const el of candidates) {
      if (!accept(el)) continue;
      const d = distance(el, from);
      if (d < bestDistance) {
        best = el;
        bestDistance = d;
      }
    }
    return best;
  }

  // Blocks ---------------------------------------------------------------------------------

  /** The word an id numbers its element by ("comment" in "comment-3275"), if it is one. @param {Element} el */
  const idPrefix = (el) => el.id.match(/^(\p{L}[\p{L}_-]*?)[-_]?\d{2,}$/u)?.[1];

  /** Class names that say what an element is (without generated digits). @param {Element} el */
  const classes = (el) => [...el.classList].filter((c) => !/\d{3,}/.test(c) && c.length < 40);

  /** Whether two elements look like items of one list: same tag, a class in common or none. */
  function sameShape(/** @type {Element} */ a, /** @type {Element} */ b) {
    if (a.tagName !== b.tagName) return false;
    const ca = classes(a);
    const cb = new Set(classes(b));
    if (ca.length === 0 && cb.size === 0) return (a.getAttribute('role') ?? '') === (b.getAttribute('role') ?? '');
    return ca.some((c) => cb.has(c));
  }

  /** Same shape, and named by a class: what a nesting of posts is recognised by. */
  function sameNamedShape(/** @type {Element} */ a, /** @type {Element} */ b) {
    if (a.tagName !== b.tagName) return false;
    // Numbered alike: "comment-3275" and "comment-3287".
    const pa = idPrefix(a);
    if (pa && pa === idPrefix(b)) return true;
    const ca = classes(a);
    const cb = classes(b);
    if (ca.length === 0 || cb.length === 0) return false;
    // The class that names the element, or two in common: a shared state ("unvoted") is not a shape.
    return ca[0] === cb[0] || ca.filter((c) => cb.includes(c)).length >= 2;
  }

  /**
   * Whether `el` is one of several same-shaped blocks in the page: siblings of its shape, or
   * (for a reply alone in its thread) other elements of its tag and class elsewhere.
   * @param {Element} el
   */
  function repeated(el) {
    const parent = el.parentElement;
    if (parent && [...parent.children].some((s) => s !== el && sameShape(s, el))) return true;
    return classes(el).some((c) =>
      [...document.getElementsByClassName(c)].some((o) => o !== el && o.tagName === el.tagName && !o.contains(el) && !el.contains(o)),
    );
  }

  /** A class that names a post, a comment or a message (as a whole word of the class list). */
  const POST_CLASS = /^(post|entry|hentry|h-entry|comment|message|status|tweet|story|reply|article|thing)$/i;

  // Times ----------------------------------------------------------------------------------

  // A time as pages write it for people; the core reads it (and rejects what it cannot read).
  const MONTHS = [
    'janv', 'févr', 'fevr', 'mars', 'avr', 'mai', 'juin', 'juil', 'août', 'aout', 'sept', 'oct', 'nov', 'déc', 'dec',
    'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'märz', 'mär', 'okt', 'dez',
    'ene', 'abr', 'ago', 'dic', 'gen', 'mag', 'giu', 'lug', 'ott',
    'янв', 'фев', 'мар', 'апр', 'мая', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек',
  ].join('|');
  const UNITS = [
    's', 'secs?', 'seconds?', 'min', 'mins?', 'minutes?', 'h', 'hrs?', 'hours?', 'heures?', 'j', 'jours?', 'd', 'days?',
    'w', 'wks?', 'weeks?', 'sem', 'semaines?', 'mo', 'mths?', 'mois', 'months?', 'y', 'yrs?', 'years?', 'ans?',
  ].join('|');
  const B = '(?<![\\p{L}\\p{N}])'; // a word starts (letters of any script)
  const E = '(?![\\p{L}\\p{N}])'; // a word ends
  const DATE_LIKE = new RegExp(
    [
      `${B}\\d{1,2}(er)?\\.?\\s+(${MONTHS})\\p{L}*\\.?(\\s+\\d{4})?`,
      `${B}(${MONTHS})\\p{L}*\\.?\\s+\\d{1,2}(st|nd|rd|th)?${E},?(\\s+\\d{4})?`,
      `${B}(${MONTHS})\\p{L}*\\.?\\s+\\d{4}${E}`,
      `${B}\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}${E}`,
      `${B}\\d{4}-\\d{1,2}-\\d{1,2}`,
      `^\\d{1,2}-\\d{1,2}$`,
      `${B}(il y a|hier|aujourd'hui|yesterday|today|just now|à l['’]instant|gestern|heute|ayer|hoy|вчера|сегодня|назад)${E}`,
      `${B}(vor|hace)\\s+(\\d+|einer?|un[ao]?)\\s+\\p{L}+`,
      `${B}(\\d+|an?|une?)\\s*(${UNITS})\\.?(\\s+ago)?$`,
      `${B}\\d+\\s*(${UNITS})\\.?\\s+ago${E}`,
    ].join('|'),
    'iu',
  );
  // Counts that look like times ("13 Comments", "2 h de lecture") are not times.
  const NOT_A_TIME = /comments?|commentaires?|réponses?|repl(y|ies)|vues?|views?|likes?|points?|votes?|shares?|partages?|lecture|\bread\b|membres?|members?|messages?|\bposts\b|abonn|follow|beiträge|mitglied/i;

  const DATE_LIKE_ALL = new RegExp(DATE_LIKE.source, 'giu');
  const CLOCK = /\d{1,2}[:h]\d{2}(:\d{2})?\s*([ap]\.?m\.?)?/giu;
  /**
   * A text that is a time and little else: a date with its clock and a few words ("Published
   * on", "von lupa am"), not a sentence or an address that holds a date.
   * @param {string} s
   */
  const looksLikeTime = (s) => {
    if (s.length === 0 || s.length > 60 || !DATE_LIKE.test(s) || NOT_A_TIME.test(s)) return false;
    const rest = s.replace(DATE_LIKE_ALL, ' ').replace(CLOCK, ' ').replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();
    return rest.length <= 25 && !/https?:|www\.|\.(com|org|net|de|fr|ru)\b/i.test(s);
  };

  /** A machine value that is one: an ISO date, or Unix seconds or milliseconds. @param {string | null | undefined} v */
  const machineTime = (v) => (v && (/^\d{4}-\d{2}-\d{2}/.test(v.trim()) || /^\d{10}(\d{3})?$/.test(v.trim())) ? v.trim() : undefined);
  const MACHINE_ATTRS = ['datetime', 'data-time', 'data-timestamp', 'data-utime', 'data-created', 'data-time-ms'];
  // Other attributes named for a time ("air-date-timestamp", "data-created-at"), but not for a
  // later one (an edit, an update, an expiry).
  const TIME_ATTR = /(^|[-_:])(timestamp|time|date|utime|unixtime|epoch|created|published|posted)([-_:]|$)/i;
  const NOT_PUBLISHED_ATTR = /updated|modified|edit|expir|until|end|last|read|seen|now|server|render|cache/i;
  /** @param {Element} el */
  const machineOf = (el) => {
    for (const a of MACHINE_ATTRS) {
      const v = machineTime(el.getAttribute(a));
      if (v) return v;
    }
    for (const a of el.attributes) {
      if (MACHINE_ATTRS.includes(a.name) || !TIME_ATTR.test(a.name) || NOT_PUBLISHED_ATTR.test(a.name)) continue;
      const v = machineTime(a.value);
      if (v) return v;
    }
    return undefined;
  };
  /** The elements of `root` (itself included) that carry a machine time. @param {Element} root */
  const machineElements = (root) => [root, ...root.querySelectorAll('*')].filter((el) => el.attributes.length > 0 && !!machineOf(el));

  // Names ----------------------------------------------------------------------------------

  // Words of buttons and links that act on a post: never a name, never the post's text.
  const ACTION =
    /^[[(]?\s*(reply|replies|report|share|like|unlike|likes|liken|favorite|permalink|link|embed|save|saved|parent|context|give gold|give award|award|edit|edited|delete|remove|hide|flag|quote|follow|following|unfollow|subscribe|more|less|read more|show more|see more|show less|expand|collapse|translate|see translation|copy link|options|menu|vote|upvote|downvote|block|mute|repondre|répondre|signaler|partager|j['’]aime|citer|modifier|supprimer|masquer|suivre|voir plus|afficher plus|traduire|antworten|melden|teilen|zitieren|zitat|löschen|bearbeiten|gefällt mir|folgen|responder|compartir|denunciar|ответить|пожаловаться|поделиться|цитировать|удалить|[-–+]|·|•)\s*[\])]?\s*$/i;
  /** @param {string} s */
  const isAction = (s) => ACTION.test(s);

  // "X says:" in the languages pages are written in: the name is X.
  const SAYS = /\s+(says|said|wrote|writes|replied|sagt|schreibt|schrieb|meint|пишет|написал|написала|пишет|dit|a dit|écrit|a écrit|escribió|escribe|dice|scrive|ha scritto|zegt|schreef)\s*[:：]?\s*$/iu;

  /** A text that can be a person's name or handle. @param {string} s */
  const nameLike = (s) => s.length > 0 && s.length <= 60 && /\p{L}/u.test(s) && !looksLikeTime(s) && !isAction(s) && !/[:：]$/.test(s) && !/^\d[\d\s.,]*\p{L}{0,3}$/u.test(s);

  // The author: elements that name one, strongest first. A name guessed from a weaker sign is
  // taken only when no stronger one is in the block.
  const PROFILE_LINKS = [
    'a[href*="/user/"]', 'a[href*="/users/"]', 'a[href*="/u/"]', 'a[href*="/@"]', 'a[href^="@"]', 'a[href*="user?id="]', 'a[href*="/author/"]',
    'a[href*="/profile/"]', 'a[href*="/profil/"]', 'a[href*="/people/"]', 'a[href*="/by/"]', 'a[href*="/~"]', 'a[href*="/members/"]',
    'a[href*="/member/"]', 'a[href*="/membres/"]', 'a[href*="/membre/"]', 'a[href*="/in/"]',
  ];
  const AUTHOR_TIERS = [
    [
      '[rel~="author"]', '[itemprop~="author"]', '[itemprop~="creator"]', '[class*="author" i]', '[class*="username" i]', '[class*="user-name" i]',
      '[class*="user_name" i]', '[class~="fn"]', '[class*="hnuser" i]', '[class*="nickname" i]', '[data-username]', '[data-user-login]', ...PROFILE_LINKS,
    ].join(', '),
    ['[class*="byline" i]', '[class*="poster" i]', '[class*="pseudo" i]', '[class*="nick" i]', 'cite'].join(', '),
    ['[class*="user" i]', '[class*="member" i]', '[class*="membre" i]'].join(', '),
  ];
  const AUTHOR_ANY = AUTHOR_TIERS.join(', ');

  // Paths of profile pages whose last part is the account's handle.
  const HANDLE_PATHS = [
    /\/(?:user|users|u|by|profile|profil)\/([^/?#]+)\/?(?:[?#]|$)/i,
    /\/@([^/?#]+)\/?(?:[?#]|$)/,
    /\/~([^/?#]+)\/?(?:[?#]|$)/,
    /[?&]id=([^&#]+)/,
  ];
  /** A handle as pages write them: letters, digits, `_`, `.` and `-`, not only digits. @param {string | undefined | null} s */
  const handleLike = (s) => (s && /^[\p{L}\p{N}_.-]{2,40}$/u.test(s) && !/^\d+$/.test(s) ? s : undefined);

  /** The handle a profile address names, if it is one of the known shapes. @param {string | undefined | null} href */
  function handleFromUrl(href) {
    if (!href) return undefined;
    let u;
    try {
      u = new URL(href, location.href);
    } catch {
      return undefined;
    }
    const path = u.pathname + u.search;
    for (const re of HANDLE_PATHS) {
      if (re.source.includes('id=') && !/\/user\b/i.test(u.pathname)) continue;
      const m = path.match(re);
      if (m) {
        try {
          return handleLike(decodeURIComponent(m[1]));
        } catch {
          return undefined;
        }
      }
    }
    return undefined;
  }

  /**
   * The name an author element shows, and the handle it carries: "Name (handle)" and
   * "Name @handle" are split; a name that is the handle is a handle only.
   * @param {Element} el
   * @returns {{ name?: string, handle?: string, url?: string, el: Element, box: Element } | null}
   */
  function authorOf(el) {
    if (authorMemo.has(el)) return /** @type {any} */ (authorMemo.get(el));
    const found = readAuthor(el);
    authorMemo.set(el, found);
    return found;
  }
  /** @type {Map<Element, any>} */
  const authorMemo = new Map();

  /** @param {Element} el */
  function readAuthor(el) {
    if (quickText(el).length > 300) return null;
    // The page's own word for its author is taken as it is, whatever it looks like.
    const explicit = el.matches('[rel~="author"], [itemprop~="author"]') && shownText(el).length > 0 && shownText(el).length <= 200;
    const named = nameElement(el) ?? (explicit ? el : null);
    if (!named) return null;
    let name = shownText(named).replace(SAYS, '').replace(/[:：]$/, '').trim();
    const link = named.closest('a[href]') ?? el.closest('a[href]') ?? named.querySelector('a[href]') ?? el.querySelector('a[href]');
    const href = link?.getAttribute('href');
    const carrier = named.closest('[data-username], [data-user-login]') ?? link?.closest('[data-username], [data-user-login]');
    let handle = handleLike(carrier?.getAttribute('data-username') ?? carrier?.getAttribute('data-user-login')) ?? handleFromUrl(href);
    const paren = name.match(/^(.+?)\s*\(@?([\p{L}\p{N}_.-]+)\)$/u);
    const at = name.match(/^(.+?)\s+@([\p{L}\p{N}_.]+)$/u);
    if (paren && handle && paren[2].toLowerCase() === handle.toLowerCase()) {
      // Both shown: "DiagonalArg (diagonalarg)".
      return { name: paren[1], handle, url: abs(href), el: named, box: el };
    }
    if (at) {
      // The handle as shown beside the name.
      return { name: at[1], handle: at[2], url: abs(href), el: named, box: el };
    }
    if (/^@[\p{L}\p{N}_.]+$/u.test(name)) {
      handle = name.slice(1);
      name = '';
    }
    // A name that is the account's handle is a handle.
    if (handle && name && name.toLowerCase() === handle.toLowerCase()) name = '';
    return { name: name || undefined, handle: handle || undefined, url: abs(href), el: named, box: el };
  }

  /**
   * The element that holds the name in an author element: itself when its text is a name, else
   * its first part that is ("Rafael" in "Rafael says:", "lupa" in "by lupa on 26/05/14").
   * @param {Element} el
   */
  function nameElement(el) {
    const own = shownText(el).replace(SAYS, '');
    const parts = [...el.querySelectorAll('a, b, strong, cite, span, em, bdi, h1, h2, h3, h4, h5, h6, div')];
    const noisy = parts.some((p) => {
      const t = shownText(p);
      return t && (isAction(t) || looksLikeTime(t));
    });
    if (nameLike(own) && !noisy) return el;
    for (const p of parts) {
      const t = shownText(p).replace(SAYS, '');
      if (!nameLike(t)) continue;
      // A part that holds another part with a name, an action or a time is not the name itself.
      if ([...p.querySelectorAll('*')].some((c) => {
        const ct = shownText(c);
        return ct && ct !== t && (isAction(ct) || looksLikeTime(ct));
      })) continue;
      return p;
    }
    return null;
  }

  // Links ----------------------------------------------------------------------------------

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

  // Addresses that act on a post or lead to a sign-in page are not its permalink.
  const ACTION_URL = /(^|[/?&#_.=-])(vote|upvote|downvote|reply|replytocom|repondre|respond|share|sharer|report|flag|like|likes|liked_by|favorite|delete|edit|login|signin|sign_in|signup|register|session_redirect|create_channel|gild|gold|intent|compose|mailto)([/?&#_.=-]|$)/i;
  /** @param {Element} a */
  const linkable = (a) => {
    const href = a.getAttribute('href') ?? '';
    return !!href && href !== '#' && !/^(javascript|mailto|tel):/i.test(href) && !ACTION_URL.test(href);
  };

  /** The permalink as the page was loaded when it names this very page (scheme aside). @param {string | undefined} href */
  function preferPageAddress(href) {
    if (!href) return href;
    try {
      const u = new URL(href);
      const here = new URL(location.href);
      const path = (/** @type {URL} */ x) => x.pathname.replace(/\/+$/, '');
      if (u.host === here.host && path(u) === path(here) && u.search === here.search && u.hash === '') return location.href;
    } catch {
      // Not an address.
    }
    return href;
  }

  /** The identifiers a block carries (its own id's distinctive part, data ids). @param {Element} block */
  function blockIds(block) {
    /** @type {Set<string>} */
    const ids = new Set();
    const add = (/** @type {string | null | undefined} */ v) => {
      if (!v) return;
      for (const part of v.split(/[\s_:-]+/)) {
        if (part.length >= 3 && /\d/.test(part) && /^[\p{L}\p{N}]+$/u.test(part)) {
          ids.add(part);
          const digits = part.match(/\d{3,}/g);
          if (digits && /^\p{L}{1,2}\d+$/u.test(part)) for (const d of digits) ids.add(d);
        }
      }
    };
    for (let el = /** @type {Element | null} */ (block), depth = 0; el && depth < 3; el = el.parentElement, depth += 1) {
      // An ancestor that holds other posts is not this one's.
      if (el !== block && holdsEarlierPeer(el, block)) break;
      for (const a of ['id', 'data-id', 'data-fullname', 'data-comment-id', 'data-commentid', 'data-post-id', 'data-tweet-id', 'data-item-id']) add(el.getAttribute(a));
    }
    return ids;
  }

  /** Whether an address names `id` as a whole part ("?id=16910014", "#comment-2058234", "/dxr2q90/"). */
  const namesId = (/** @type {string} */ href, /** @type {string} */ id) => new RegExp(`(^|[^\\p{L}\\p{N}])${id}([^\\p{L}\\p{N}]|$)`, 'u').test(href);

  // Quotes, replies, actions ---------------------------------------------------------------

  const QUOTE_CLASS = '[class*="quote" i]:not(body), [class*="citation" i], [class*="replied" i], [class*="reply-context" i], [class*="embedded-post" i]';

  /** Whether `el` is another post quoted in this one: a quote box, or a blockquote that says whose words it holds. @param {Element} el */
  function isQuote(el) {
    // A "quote" button or link is a control, not a quoted post.
    if (el.matches('a, button, [role="button"]') || el.closest('a, button, [role="button"]') || !/[\p{L}\p{N}]/u.test(quickText(el)) || isAction(quickText(el))) return false;
    if (el.matches(QUOTE_CLASS)) return true;
    if (el.tagName !== 'BLOCKQUOTE') return false;
    if (el.hasAttribute('cite') || [...el.attributes].some((a) => /^data-(quote|author|user|username|source)/i.test(a.name))) return true;
    if (el.querySelector(`cite, ${AUTHOR_TIERS[0]}`)) return true;
    // "X wrote:" just before it.
    const before = el.previousElementSibling;
    return !!before && /[:：]\s*$/.test(quickText(before)) && quickText(before).length < 80;
  }

  /**
   * A quoted post: whose words it holds, when its heading says so ("Zitat von X", "X wrote:",
   * a cite), and its text without that heading.
   * @param {Element} quote
   * @returns {{ authorName?: string, authorHandle?: string, text?: string }}
   */
  function readQuote(quote) {
    // The quoted words: the quote's own text part when it names one, else the whole quote.
    const parts = [...quote.querySelectorAll(BODY_SELECTOR)].filter((p) => !p.querySelector(BODY_SELECTOR) && quickText(p).length > 0);
    const body = parts.length === 1 ? parts[0] : null;
    /** @type {Element | null} */
    let head = null;
    /** @type {string | undefined} */
    let name;
    for (const el of quote.querySelectorAll(`cite, b, strong, ${AUTHOR_TIERS[0]}`)) {
      if (body?.contains(el) || el.contains(body)) continue;
      // A name, in a heading line that is short: not a bold word inside the quoted text.
      const line = el.parentElement && el.parentElement !== quote ? el.parentElement : el;
      const t = shownText(el).replace(SAYS, '').replace(/[:：]$/, '').trim();
      if (!nameLike(t) || quickText(line).length > 80 || (!body && line !== el && quote.firstElementChild !== line && quote.firstElementChild !== el)) continue;
      head = line;
      name = t;
      break;
    }
    if (!name) {
      // "X wrote:" just before the quote.
      const before = quote.previousElementSibling;
      const said = before ? quickText(before) : '';
      const m = said.length < 80 ? said.match(/^(.{1,60}?)\s+(says|said|wrote|writes|sagt|schreibt|schrieb|пишет|написал|написала|a écrit|écrit|escribió|ha scritto|schreef)\s*[:：]?\s*$/iu) : null;
      if (m && nameLike(m[1])) name = m[1];
    }
    const text = body ? shownLines(body) : shownLines(quote, (el) => el === head || isActionElement(el));
    const author = name ? { authorName: name } : {};
    return { ...author, text: text || undefined };
  }

  /** Whether `el` is a control or a bar of them: a button's word, a script link, an actions bar. @param {Element} el */
  function isActionElement(el) {
    if (el.matches('a[href^="javascript:" i], a[href="#"], a:not([href]):not([name]):not([id])') && quickText(el).length <= 30) return true;
    const t = quickText(el);
    if (t.length <= 30 && (isAction(t) || (el.matches('a') && t && !/[\p{L}\p{N}]/u.test(t)))) return true;
    const cls = classes(el).join(' ');
    if (/(^|[\s_-])(actions?|buttons|toolbar|controls|tools|footer-menu|comment-footer|reply-link|reply-button|meta-actions|likes?|like-button|reactions?|voting|votes?|share|sharing)([\s_-]|$)/i.test(cls) && t.length <= 120) return true;
    return el.matches('[role="toolbar"], [role="group"][aria-label*="action" i], menu');
  }

  /** Elements of `block` that belong to another post inside it (a reply, a quote). @param {Element} block @param {Node} from */
  function foreign(block, from) {
    /** @type {Element[]} */
    const out = [];
    for (const child of block.querySelectorAll('*')) {
      if (out.some((o) => o.contains(child))) continue;
      if (child.contains(from)) continue;
      const nested = child !== block && sameNamedShape(child, block);
      if (nested || isQuote(child)) out.push(child);
    }
    return out;
  }

  // What a byline is made of, surely: a text part that holds one is more than the text.
  const BYLINE = 'time, [datetime], [rel~="author"], [itemprop~="author"], [class*="author" i], [class*="username" i], [class~="fn"], [class*="hnuser" i], [class*="byline" i]';

  // The part of a block that holds its text, when the page names one.
  const BODY_SELECTOR = [
    '[itemprop="text"]', '[itemprop="articleBody"]', '[itemprop="commentText"]', '[itemprop="reviewBody"]', '[class*="text" i]', '[class*="body" i]',
    '[class*="content" i]', '[class*="message" i]', '[class*="commtext" i]', '[class*="entry" i]', '[class~="md"]', '[class*="bbWrapper"]',
    '[data-testid*="text" i]', '[data-testid="comment"]', '[data-test-id="comment"]',
  ].join(', ');

  // Reading a block --------------------------------------------------------------------------

  /**
   * What the block says about its post, read around `from`.
   * @param {Element} block @param {Element} from
   */
  function readParts(block, from) {
    const skip = foreign(block, from);
    const outside = (/** @type {Element} */ el) => !skip.some((s) => s.contains(el));
    /** @param {string} selector */
    const own = (selector) => [...block.querySelectorAll(selector)].filter(outside);
    // The innermost named text part around the clicked element: names and dates in it are the
    // text's (a mention, a date in a sentence), not the post's.
    let body = /** @type {Element | null} */ (null);
    for (let el = from.closest(BODY_SELECTOR); el && el !== block && block.contains(el); el = el.parentElement?.closest(BODY_SELECTOR) ?? null) {
      // A part named for the text that holds the byline too is the whole post, not its text.
      if (el.querySelector(BYLINE)) break;
      body = el;
    }
    /** A name or date inline in a running text, or in the text part, is the text's. @param {Element} el */
    const inText = (el) => {
      if (body?.contains(el)) return true;
      let box = el.parentElement;
      while (box && box !== block && INLINE.test(getComputedStyle(box).display)) box = box.parentElement;
      if (!box || box === block) return false;
      // Running text: the box has words of its own around the element, and many more of them.
      const direct = [...box.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.nodeValue ?? '').join('').replace(/\s+/g, ' ').trim();
      return direct.length >= 20 && quickText(box).length > 3 * quickText(el).length + 80;
    };

    // The author: the nearest of the strongest kind of candidate.
    /** @type {ReturnType<typeof authorOf>} */
    let author = null;
    for (const tier of AUTHOR_TIERS) {
      const candidates = own(tier).filter((el) => !el.contains(from) && !inText(el));
      // The innermost: "Rafael" rather than the "Rafael says:" around it.
      const inner = candidates.filter((el) => !candidates.some((o) => o !== el && el.contains(o) && authorOf(o)));
      const found = nearest(inner, from, (el) => !!authorOf(el));
      if (found) {
        author = authorOf(found);
        break;
      }
    }

    // The time: a machine value first, else a date-like text.
    /** A time as a byline shows it: without the author's name before it, nor its buttons. @param {Element} el */
    const bylineTime = (el) => {
      const t = shownText(el, isActionElement) || quickText(el);
      return author && el.contains(author.el) ? t.replace(shownText(author.el), ' ').replace(/\s+/g, ' ').trim() : t;
    };
    /** @param {Element} el */
    const timeish = (el) => looksLikeTime(bylineTime(el)) || looksLikeTime(el.getAttribute('title') ?? '');
    const machineEls = machineElements(block).filter((el) => el !== block && outside(el) && !el.contains(from) && !body?.contains(el));
    const machineEl = nearest(machineEls, from);
    const textTimes = own('time, [title], [class*="time" i], [class*="date" i], [class*="age" i], [class*="ago" i], [class*="posted" i], abbr, span, a, small, div, p, li, cite, em, b, strong, font, td, dd').filter((el) => {
      if (el.contains(from) || inText(el)) return false;
      const t = quickText(el);
      if (t.length > 80) return false;
      if (!timeish(el)) return false;
      // The smallest element with the date-like text, not its containers.
      return ![...el.children].some((c) => timeish(c));
    });
    const textTime = nearest(textTimes, from);
    const timeEl = machineEl && textTime && !machineEl.contains(textTime) && !textTime.contains(machineEl) && distance(textTime, from) < distance(machineEl, from) - 4 ? textTime : machineEl ?? textTime;

    let publishedText;
    let publishedAt;
    if (timeEl) {
      publishedAt = machineOf(timeEl);
      let shown = shownText(timeEl, isActionElement) || quickText(timeEl);
      // A byline ("by lupa on 26/05/14, 07:41 am"): the time is what follows the name.
      if (author && timeEl.contains(author.el)) {
        const after = shown.slice(shown.indexOf(shownText(author.el)) + shownText(author.el).length);
        const m = after.match(DATE_LIKE);
        shown = m?.index !== undefined ? after.slice(m.index).trim() : bylineTime(timeEl);
      }
      const title = timeEl.getAttribute('title')?.trim();
      if (!looksLikeTime(shown) && title && looksLikeTime(title)) shown = title;
      publishedText = shown && shown.length <= 80 ? shown : undefined;
      if (!publishedAt && title && title !== shown && looksLikeTime(title)) publishedAt = title;
    }

    // The text: from the clicked element up to the largest part of the block that holds
    // neither the author nor the time; when the click was on those (or the block is read for
    // a parent), the part of the block with the most text that holds neither.
    const meta = /** @type {Element[]} */ ([author?.box, timeEl].filter((e) => !!e));
    const holdsMeta = (/** @type {Element} */ el) => meta.some((m) => el.contains(m));
    const skipText = (/** @type {Element} */ el) => skip.includes(el) || isActionElement(el);
    let root = block;
    /** @type {Element[]} */
    let keep = [block];
    if (holdsMeta(block)) {
      if (from !== block && block.contains(from) && !holdsMeta(from)) {
        root = from;
        while (root.parentElement && root.parentElement !== block && !holdsMeta(root.parentElement)) root = root.parentElement;
      } else {
        root = largestPart(block, holdsMeta, skipText) ?? block;
      }
      keep = [root];
      // Paragraphs side by side with the byline: all of them.
      const parent = root.parentElement;
      if (root !== block && parent && /^(P|UL|OL|PRE|BLOCKQUOTE|H[1-6]|DL|TABLE)$/.test(root.tagName)) {
        const sisters = [...parent.children].filter((s) => s.tagName === root.tagName && !holdsMeta(s) && !skipText(s));
        if (sisters.length > 1) {
          root = parent;
          keep = sisters;
        }
      }
    }
    const textSkip = (/** @type {Element} */ el) => skipText(el) || (holdsMeta(el) && !keep.some((k) => el.contains(k)));
    const text = shownLines(root, textSkip) || undefined;

    // The permalink: the time's link, a link that names the block's id, a link of the usual
    // shapes, a link elsewhere to the block's anchor; never a link in the text.
    const inTextPart = (/** @type {Element} */ a) => (root !== block ? keep.some((k) => k.contains(a)) : !!body?.contains(a));
    const linkOk = (/** @type {Element} */ a) => linkable(a) && !inTextPart(a) && !a.matches(AUTHOR_ANY) && a !== author?.el && !a.contains(author?.el ?? null);
    const timeLink = timeEl?.closest('a[href]');
    const ids = [...blockIds(block)];
    const links = own('a[href]').filter(linkOk);
    // A link that shows nothing (an empty anchor) is taken only when no shown one names the post.
    const shownFirst = (/** @type {Element[]} */ as) => {
      const shown = as.filter((a) => quickText(a) || a.querySelector('img, svg, [title]') || a.getAttribute('title') || a.getAttribute('aria-label'));
      return shown.length > 0 ? shown : as;
    };
    const permalinkEl =
      (timeLink && linkOk(timeLink) && block.contains(timeLink) ? timeLink : null) ??
      nearest(shownFirst(links.filter((a) => ids.some((id) => namesId(a.getAttribute('href') ?? '', id)))), from) ??
      nearest(shownFirst(links.filter((a) => a.matches(PERMALINK_SELECTOR))), from) ??
      (block.id ? [...document.querySelectorAll(`a[href$="#${CSS.escape(block.id)}"]`)].find(linkable) ?? null : null);
    let permalink = preferPageAddress(abs(permalinkEl?.getAttribute('href'))) ?? anchorAddress(block, outside);
    if (!permalink && isMainPost(block)) permalink = canonical();

    return { author, timeEl, publishedAt, publishedText, text, permalink, root };
  }

  /**
   * The post's address the page writes in an attribute rather than a link (a "copy link"
   * button's data): an address of this site whose fragment is the id of the block or of an
   * element of it that is not another post's.
   * @param {Element} block @param {(el: Element) => boolean} outside
   */
  function anchorAddress(block, outside) {
    const ids = new Set([block, ...block.querySelectorAll('[id]')].filter((el) => el === block || outside(el)).map((el) => el.id).filter((id) => id && /\d/.test(id)));
    if (ids.size === 0) return undefined;
    for (const el of [block, ...block.querySelectorAll('*')]) {
      if (el !== block && !outside(el)) continue;
      for (const a of el.attributes) {
        if (a.name === 'href' || !/^https?:\/\//i.test(a.value) || a.value.length > 500) continue;
        try {
          const u = new URL(a.value);
          if (u.host.replace(/^www\./, '') !== location.host.replace(/^www\./, '') || !ids.has(decodeURIComponent(u.hash.slice(1)))) continue;
          return u.href;
        } catch {
          // Not an address.
        }
      }
    }
    return undefined;
  }

  /**
   * The part of `block` with the most text among those that hold no byline: the children of
   * the elements that do, measured without what `skip` leaves out.
   * @param {Element} block @param {(el: Element) => boolean} holdsMeta @param {(el: Element) => boolean} skip
   */
  function largestPart(block, holdsMeta, skip) {
    let best = null;
    let bestLength = 0;
    /** @param {Element} el */
    const visit = (el) => {
      for (const child of el.children) {
        if (skip(child)) continue;
        if (holdsMeta(child)) {
          visit(child);
          continue;
        }
        const length = shownText(child, skip).length;
        if (length > bestLength) {
          best = child;
          bestLength = length;
        }
      }
    };
    visit(block);
    return best;
  }

  /** Whether `outer` holds a post of `block`'s shape that comes before it: then it is a list, not one post. @param {Element} outer @param {Element} block */
  const holdsEarlierPeer = (outer, block) =>
    [...outer.querySelectorAll('*')].some((o) => o !== block && !o.contains(block) && !block.contains(o) && sameNamedShape(o, block) && !!(o.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING));

  const PERMALINK_SELECTOR = [
    'a[rel~="bookmark"]', 'a[href*="#comment"]', 'a[href*="comment"]', 'a[href*="permalink"]', 'a[href*="/status/"]', 'a[href*="/post/"]', 'a[href*="/posts/"]',
    'a[href*="/p/"]', 'a[href*="#post"]', 'a[href*="item?id="]', 'a[href*="showComment"]', 'a[href*="/comments/"]', 'a[href*="/t/"]',
  ].join(', ');

  /** Whether the block is the page's main post (it holds the page's only title). @param {Element} block */
  function isMainPost(block) {
    const h1 = document.querySelectorAll('h1');
    return h1.length === 1 && block.contains(h1[0]);
  }

  /** The page's own address: its canonical link when it names this site, else the address loaded. */
  function canonical() {
    const c = abs(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? document.querySelector('meta[property="og:url"]')?.getAttribute('content'));
    try {
      if (c && new URL(c).host.replace(/^www\./, '') === location.host.replace(/^www\./, '')) return preferPageAddress(c);
    } catch {
      // Not an address.
    }
    return location.href;
  }

  /**
   * The block of the right-clicked element: the innermost ancestor that is one of a list of
   * same-shaped blocks and holds an author-like or time-like element; else the nearest
   * article or element whose class names a post; else the nearest ancestor with a time and a
   * link; else the nearest block with text.
   * @param {Element} start
   */
  function findBlock(start) {
    /** @type {Element | null} */
    let found = null;
    let el = /** @type {Element | null} */ (start);
    for (let depth = 0; el && el !== document.body && depth < 20; depth += 1, el = el.parentElement) {
      const parent = el.parentElement;
      // A whole feed or page is not one post: stop before reading thousands of elements.
      if (!parent || el.getElementsByTagName('*').length > 3000) break;
      if (found) {
        // Above the first block with a byline: a larger item that holds both the author and
        // the time (a forum post whose author sits in a side column), while it holds one post.
        const first = found;
        if (holdsEarlierPeer(el, first) || [...el.querySelectorAll('*')].some((o) => o !== first && !o.contains(first) && !first.contains(o) && sameNamedShape(o, first))) break;
        const meta = metaIn(el, start);
        if (meta.author && meta.time && listItem(el)) {
          found = el;
          break;
        }
        continue;
      }
      if (!listItem(el)) continue;
      const meta = metaIn(el, start);
      if (meta.author || meta.time) found = el;
      if (meta.author && meta.time) break;
    }
    // An element that says it is a post (an article, a class "comment"…) inside the block
    // found is the post: the list item around it holds more (a blog's widget, a whole thread).
    /** @type {Element | null} */
    let named = null;
    for (el = start; el && el !== document.body && !named; el = el.parentElement) {
      if ((el.matches(SEMANTIC) || [...el.classList].some((c) => POST_CLASS.test(c))) && quickText(el).length >= 10) named = el;
    }
    if (found && named && found !== named && found.contains(named)) {
      const meta = metaIn(named, start);
      if (meta.author || meta.time) return named;
    }
    if (found) return found;
    if (named) return named;
    for (el = start; el && el !== document.body; el = el.parentElement) {
      if (el.querySelector('time, [datetime]') && el.querySelector('a[href]') && quickText(el).length < 20_000) return el;
    }
    for (el = start; el && el !== document.body; el = el.parentElement) {
      const display = getComputedStyle(el).display;
      if (!INLINE.test(display) && quickText(el).length >= 1) return el;
    }
    return start;
  }

  const SEMANTIC = 'article, [role="article"], [itemscope][itemtype*="Comment"], [itemscope][itemtype*="Posting"]';

  /** One of a list of same-shaped items with some text; a bare unnamed box is not enough. @param {Element} el */
  const listItem = (el) =>
    ((classes(el).length > 0 || /^(LI|ARTICLE|TR|SECTION|DD)$/.test(el.tagName) || el.hasAttribute('role')) && repeated(el) && quickText(el).length >= 10) || numbered(el);

  /** An element whose id numbers it among others ("comment-3275", "post_81", "p655"). @param {Element} el */
  function numbered(el) {
    const prefix = idPrefix(el);
    if (!prefix || quickText(el).length < 10) return false;
    const others = document.querySelectorAll(`${el.tagName}[id^="${CSS.escape(prefix)}"]`);
    return [...others].some((o) => o !== el && !o.contains(el) && !el.contains(o) && idPrefix(o) === prefix);
  }

  /** Whether `el` holds an author-like and a time-like element outside the clicked one. @param {Element} el @param {Element} start */
  function metaIn(el, start) {
    let author = false;
    for (const tier of AUTHOR_TIERS) {
      for (const a of el.querySelectorAll(tier)) {
        if (!a.contains(start) && authorOf(a)) {
          author = true;
          break;
        }
      }
      if (author) break;
    }
    let time = machineElements(el).some((t) => t !== el && !t.contains(start));
    if (!time) {
      for (const t of el.querySelectorAll('time, span, a, small, abbr, p, div, li')) {
        if (t.contains(start) || t.childElementCount > 3) continue;
        const q = quickText(t);
        if (q.length <= 80 && looksLikeTime(q)) {
          time = true;
          break;
        }
      }
    }
    return { author, time };
  }

  // Parents ----------------------------------------------------------------------------------

  /**
   * The post `block` answers, when the page shows it: the post it is nested in (a reply inside
   * its comment's list), else, in a flat thread, the nearest post above it at a lower indent.
   * @param {Element} block
   */
  function parentOf(block) {
    // Nested: the block, or an item around it, inside another of the same shape.
    let item = /** @type {Element | null} */ (block);
    for (let depth = 0; item && item !== document.body && depth < 4; depth += 1, item = item.parentElement) {
      if (depth > 0 && holdsEarlierPeer(item, block)) break;
      for (let up = item.parentElement; up && up !== document.body; up = up.parentElement) {
        if (!sameNamedShape(up, item)) continue;
        if (item === block) return up;
        // The outer item's own post: its block that is not inside a nested item.
        const own = [...up.querySelectorAll('*')].find((o) => sameNamedShape(o, block) && !item?.contains(o) && ![...up.querySelectorAll('*')].some((n) => n !== up && sameNamedShape(n, /** @type {Element} */ (item)) && n.contains(o)));
        if (own) return own;
        break;
      }
    }
    return repliesAfterParent(block) ?? indentParent(block);
  }

  /**
   * Replies kept in a box that follows the post they answer (Drupal's "indented", phpBB-style
   * and many comment threads): the block is the first post of a box whose previous sibling,
   * past empty anchors, is a post of the block's shape.
   * @param {Element} block
   */
  function repliesAfterParent(block) {
    let item = /** @type {Element | null} */ (block);
    for (let depth = 0; item && item.parentElement && item.parentElement !== document.body && depth < 3; depth += 1, item = item.parentElement) {
      const box = item.parentElement;
      const inner = item;
      // The block must open its box: a box that holds posts before it is a list, not its replies.
      if (holdsEarlierPeer(box, block)) return null;
      if ([...box.children].some((c) => c !== inner && !!(c.compareDocumentPosition(inner) & Node.DOCUMENT_POSITION_FOLLOWING) && quickText(c).length > 0)) continue;
      let before = box.previousElementSibling;
      while (before && quickText(before).length === 0 && !before.querySelector('img')) before = before.previousElementSibling;
      if (before && before !== block && sameNamedShape(before, block) && !before.contains(block)) return before;
    }
    return null;
  }

  /** The first line of a post, where its indent shows: its time, else its author, else itself. @param {Element} block */
  function bylineOf(block) {
    const time = block.querySelector('time, [datetime], [data-time], [data-timestamp]');
    if (time && !isInNested(time, block)) return time;
    for (const a of block.querySelectorAll(AUTHOR_TIERS[0])) {
      if (!isInNested(a, block) && nameLike(quickText(a))) return a;
    }
    return block;
  }
  /** @param {Element} el @param {Element} block */
  const isInNested = (el, block) => {
    for (let up = el.parentElement; up && up !== block; up = up.parentElement) if (sameNamedShape(up, block)) return true;
    return false;
  };

  /**
   * In a flat thread (replies listed one after another, indented by depth), the nearest post
   * above `block` whose byline sits further left and whose box spans over it.
   * @param {Element} block @param {(el: Element) => Element} [byline]
   */
  function indentParent(block, byline = bylineOf) {
    const cls = classes(block);
    if (cls.length === 0) return null;
    const mine = block.getBoundingClientRect();
    // Where the byline's line starts: the left of the box it is laid out in, not of the time
    // itself, which moves with the length of the name before it.
    const indentOf = (/** @type {Element} */ b) => {
      let el = /** @type {Element | null} */ (byline(b));
      while (el && el !== b && INLINE.test(getComputedStyle(el).display)) el = el.parentElement;
      return (el ?? b).getBoundingClientRect().left;
    };
    const myIndent = indentOf(block);
    const peers = [...document.getElementsByClassName(cls[0])].filter((o) => o !== block && !o.contains(block) && !block.contains(o) && sameShape(o, block));
    const before = peers.filter((o) => !!(o.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING)).slice(-1000);
    for (let i = before.length - 1; i >= 0; i -= 1) {
      const o = before[i];
      const box = o.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const indent = indentOf(o);
      if (indent >= myIndent - 8) continue;
      // The first post further left: the parent when it spans over this one, else none.
      return box.bottom <= mine.top + 2 && box.right > myIndent && myIndent - indent < 400 ? o : null;
    }
    return null;
  }

  /** Whether `el` holds several posts: bylines of two authors with two times. @param {Element} el */
  function severalPosts(el) {
    if (quickText(el).length < 200) return false;
    const times = new Set([...el.querySelectorAll('time, [datetime]')].map((t) => machineOf(t) ?? quickText(t)).filter(Boolean));
    if (times.size < 2) return false;
    const names = new Set([...el.querySelectorAll(AUTHOR_TIERS[0])].map((a) => authorOf(a)?.name ?? authorOf(a)?.handle).filter(Boolean));
    return names.size >= 2;
  }

  /**
   * The fields of the block around `from`, and the post it answers when the page shows it.
   * @param {Element} from
   */
  function readBlock(from) {
    // A click on a whole list (the space around several posts) is on none of them.
    if (severalPosts(from)) return { block: from, fields: {} };
    const block = findBlock(from);
    const parts = readParts(block, from);
    /** @type {Record<string, any>} */
    const fields = {
      authorName: parts.author?.name,
      authorHandle: parts.author?.handle,
      authorUrl: parts.author?.url,
      permalink: parts.permalink,
      publishedAt: parts.publishedAt,
      publishedText: parts.publishedText,
      text: parts.text,
    };
    const parentBlock = parentOf(block);
    if (parentBlock) {
      const p = readParts(parentBlock, parentBlock);
      fields.parent = { authorName: p.author?.name, authorHandle: p.author?.handle, text: p.text, permalink: p.permalink };
    } else {
      // A quoted post at the head of the block (before the clicked text, or at the head of the
      // text part clicked): what it answers.
      const quote = foreign(block, from).find((q) => isQuote(q) && (q.compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING || from.contains(q)));
      if (quote) {
        const quoted = readQuote(quote);
        if (quoted.text) fields.parent = quoted;
      }
    }
    return { block, fields };
  }

  /** @type {any} */ (globalThis).temoinReadBlock = {
    readBlock, nearest, distance, findBlock, looksLikeTime, metaIn, shownText, shownLines, abs, handleFromUrl, handleLike, nameLike, isAction, indentParent, machineOf, foreign, isActionElement,
  };
})();

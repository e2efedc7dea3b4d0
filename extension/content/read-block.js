// The generic reading of a post, for pages no platform extractor knows: the block the
// right-clicked element belongs to (comments and posts are lists of same-shaped blocks), and in
// it the author-like name, the time in whatever form the page writes it, the permalink and the
// block's own text without its replies or quotes. Every candidate is the one nearest to the
// right-clicked element, never simply the first in the page. Injected with extract-post.js,
// which calls `temoinReadBlock`; what a time text means is decided by the core, not here.
(() => {
  const MAX_TEXT = 20_000;

  /** @param {Element | null | undefined} el */
  const textOf = (el) => (el ? (/** @type {HTMLElement} */ (el).innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim() : '');

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

  /** Class names that say what an element is (without generated digits). @param {Element} el */
  const classes = (el) => [...el.classList].filter((c) => !/\d{3,}/.test(c) && c.length < 40);

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

  /** Whether two elements look like items of one list: same tag, a class in common or none. */
  function sameShape(/** @type {Element} */ a, /** @type {Element} */ b) {
    if (a.tagName !== b.tagName) return false;
    const ca = classes(a);
    const cb = new Set(classes(b));
    if (ca.length === 0 && cb.size === 0) return (a.getAttribute('role') ?? '') === (b.getAttribute('role') ?? '');
    return ca.some((c) => cb.has(c));
  }

  // A time as pages write it for people; the core reads it (and rejects what it cannot read).
  const MONTHS = 'janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec|jan|feb|mar|apr|may|jun|jul|aug|sep';
  const DATE_LIKE = new RegExp(
    [
      `\\b\\d{1,2}(er)?\\.?\\s+(${MONTHS})[a-zéû]*\\.?(\\s+\\d{4})?`,
      `\\b(${MONTHS})[a-z]*\\.?\\s+\\d{1,2}(st|nd|rd|th)?,?(\\s+\\d{4})?`,
      '\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b',
      '\\b\\d{4}-\\d{2}-\\d{2}',
      "\\bil y a\\b|\\bhier\\b|\\byesterday\\b|à l['’]instant|\\bjust now\\b",
      '\\b(\\d+|an?|une?)\\s*(s|secs?|seconds?|min|mins?|minutes?|h|hrs?|hours?|heures?|j|jours?|d|days?|w|wks?|weeks?|sem|semaines?|mo|mois|months?|y|yrs?|years?|ans?)\\.?(\\s+ago)?$',
    ].join('|'),
    'i',
  );
  // Counts that look like times ("13 Comments", "2 h de lecture") are not times.
  const NOT_A_TIME = /comment|réponse|repl|vue|view|like|point|vote|share|partage|lecture|read|membre|member|message|post|abonn|follow/i;

  /** @param {string} s */
  const looksLikeTime = (s) => s.length > 0 && s.length <= 60 && DATE_LIKE.test(s) && !NOT_A_TIME.test(s);

  const TIME_SELECTOR = 'time, [datetime], [data-time], [data-timestamp], [data-utime], [data-created], [title], [class*="time" i], [class*="date" i], [class*="age" i], [class*="ago" i], [class*="posted" i], span, a, small, div';
  const AUTHOR_SELECTOR = [
    '[rel~="author"]', '[itemprop="author"]', '[class*="author" i]', '[class*="username" i]', '[class*="user-name" i]',
    '[class*="byline" i]', '[class*="poster" i]', '[class*="pseudo" i]', '[class*="nick" i]', '[class*="hnuser" i]',
    '[class*="user" i]', '[class*="member" i]', '[class*="membre" i]',
    'a[href*="/user/"]', 'a[href*="/users/"]', 'a[href*="/u/"]', 'a[href*="/member"]', 'a[href*="/membre"]', 'a[href*="/profile"]', 'a[href*="/profil"]',
    'a[href*="/people/"]', 'a[href*="/@"]', 'a[href^="@"]', 'a[href*="user?id="]', 'a[href*="/author/"]',
  ].join(', ');
  const PERMALINK_SELECTOR = [
    'a[rel~="bookmark"]', 'a[href*="#comment"]', 'a[href*="#c"]', 'a[href*="comment"]', 'a[href*="permalink"]',
    'a[href*="/status/"]', 'a[href*="/post"]', 'a[href*="/p/"]', 'a[href*="/t/"]', 'a[href*="#post"]', 'a[href*="#p"]',
    'a[href*="item?id="]', 'a[href*="showComment"]', 'a[href*="/comments/"]',
  ].join(', ');
  const QUOTE_SELECTOR = 'blockquote, q, [class*="quote" i]:not(body), [class*="citation" i]';
  const NOT_TEXT = 'script, style, noscript, template, svg, button, nav, form, input, select, textarea, [role="button"], [aria-hidden="true"]';

  /**
   * The block of the right-clicked element: the innermost ancestor that is one of a list of
   * same-shaped blocks and holds an author-like or time-like element; else the nearest
   * article; else the nearest ancestor with a time and a link; else the nearest block with text.
   * @param {Element} start
   */
  function findBlock(start) {
    let el = /** @type {Element | null} */ (start);
    for (let depth = 0; el && el !== document.body && depth < 16; depth += 1, el = el.parentElement) {
      const parent = el.parentElement;
      // A whole feed or page is not one post: stop before reading thousands of elements.
      if (!parent || el.getElementsByTagName('*').length > 3000) break;
      if (!repeated(el) || textOf(el).length < 10) continue;
      if (authorIn(el, start) || timeIn(el, start)) return el;
    }
    const semantic = start.closest('article, [role="article"], [itemscope][itemtype*="Comment"], [itemscope][itemtype*="Posting"]');
    if (semantic) return semantic;
    for (el = start; el && el !== document.body; el = el.parentElement) {
      if (el.querySelector('time, [datetime]') && el.querySelector('a[href]') && textOf(el).length < 20_000) return el;
    }
    for (el = start; el && el !== document.body; el = el.parentElement) {
      const display = getComputedStyle(el).display;
      if (display !== 'inline' && textOf(el).length >= 1) return el;
    }
    return start;
  }

  /** Elements of `block` that belong to another post inside it (a reply, a quote). @param {Element} block @param {Node} from */
  function foreign(block, from) {
    /** @type {Element[]} */
    const out = [];
    for (const child of block.querySelectorAll('*')) {
      if (out.some((o) => o.contains(child))) continue;
      const nested = sameShape(child, block) && child !== block;
      const quote = child.matches(QUOTE_SELECTOR) && !child.contains(from);
      if (nested || quote) out.push(child);
    }
    return out;
  }

  /** @param {Element} block @param {Node} from */
  function ownElements(block, from) {
    const skip = foreign(block, from);
    return (/** @type {string} */ selector) => [...block.querySelectorAll(selector)].filter((el) => !skip.some((s) => s.contains(el)));
  }

  /** @param {Element} block @param {Node} from */
  function authorIn(block, from) {
    const own = ownElements(block, from);
    return nearest(own(AUTHOR_SELECTOR), from, (el) => {
      const t = textOf(el);
      // The page's own word for its author is taken as it is; a name guessed from a class or a
      // link's address must look like one.
      if (el.matches('[rel~="author"], [itemprop="author"]')) return t.length > 0 && t.length <= 200;
      return t.length > 0 && t.length <= 60 && !looksLikeTime(t) && !/^\d+$/.test(t);
    });
  }

  /** The time element nearest to `from`: a machine value first, else a date-like text. @param {Element} block @param {Node} from */
  function timeIn(block, from) {
    const own = ownElements(block, from);
    const machine = nearest(own('time[datetime], [datetime], [data-time], [data-timestamp], [data-utime], [data-created]'), from);
    if (machine) return machine;
    return nearest(own(TIME_SELECTOR), from, (el) => {
      const title = el.getAttribute('title') ?? '';
      if (title && looksLikeTime(title)) return true;
      // The smallest element with the date-like text, not its containers.
      const t = textOf(el);
      return looksLikeTime(t) && ![...el.children].some((c) => looksLikeTime(textOf(c)));
    });
  }

  /** The block's own text: without replies, quotes, buttons, author and time lines. @param {Element} block @param {Node} from @param {Element[]} also */
  function ownText(block, from, also) {
    const skip = [...foreign(block, from), ...also, ...block.querySelectorAll(NOT_TEXT)];
    // A part of the block that holds its body, when the page names one.
    const bodies = [...block.querySelectorAll('[class*="text" i], [class*="body" i], [class*="content" i], [class*="message" i], [itemprop="text"], [itemprop="articleBody"], [class*="commtext" i], [class*="entry" i], [class*="md" i]')]
      .filter((el) => !skip.some((s) => s.contains(el) || el === s) && textOf(el).length > 0);
    const body = nearest(bodies, from, (el) => !bodies.some((other) => other !== el && el.contains(other) && textOf(other).length >= textOf(el).length * 0.9));
    const root = body ?? block;
    const parts = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || (root === block && skip.some((s) => s.contains(el))) || (root !== block && [...foreign(root, from), ...root.querySelectorAll(NOT_TEXT)].some((s) => s.contains(el)))) continue;
      parts.push(n.nodeValue ?? '');
    }
    const t = parts.join(' ').replace(/\s+/g, ' ').trim();
    return t ? t.slice(0, MAX_TEXT) : undefined;
  }

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
   * The fields of the block around `from`, and the parent post when the block sits inside
   * another of the same shape.
   * @param {Element} from
   */
  function readBlock(from) {
    const block = findBlock(from);
    return { block, fields: fieldsOf(block, from, true) };
  }

  /** @param {Element} block @param {Node} from @param {boolean} withParent */
  function fieldsOf(block, from, withParent) {
    const author = authorIn(block, from);
    const time = timeIn(block, from);
    const own = ownElements(block, from);
    const blockId = block.id;
    const permalink =
      (time?.closest('a[href]') && !time.closest('a[href]')?.matches(AUTHOR_SELECTOR) ? time.closest('a[href]') : null) ??
      nearest(own(PERMALINK_SELECTOR), from, (a) => a !== author && !a.matches(AUTHOR_SELECTOR) && !!a.getAttribute('href') && !/like|vote|reply|share|report|signal/i.test(a.getAttribute('href') ?? '')) ??
      (blockId ? document.querySelector(`a[href$="#${CSS.escape(blockId)}"]`) : null);
    const machine = time ? (time.getAttribute('datetime') ?? time.getAttribute('data-time') ?? time.getAttribute('data-timestamp') ?? time.getAttribute('data-utime') ?? time.getAttribute('data-created')) : null;
    const shown = time ? (textOf(time) || time.getAttribute('title') || '') : '';
    const titled = time?.getAttribute('title');
    /** @type {Record<string, any>} */
    const fields = {
      authorName: author ? textOf(author).replace(/^@/, '') || undefined : undefined,
      authorUrl: abs(author?.closest('a[href]')?.getAttribute('href') ?? author?.querySelector('a[href]')?.getAttribute('href')),
      permalink: abs(permalink?.getAttribute('href')),
      publishedAt: machine || (titled && looksLikeTime(titled) ? titled : undefined),
      publishedText: shown && shown.length <= 60 ? shown : undefined,
      text: ownText(block, from, /** @type {Element[]} */ ([author, time].filter((e) => !!e && !e.contains(from)))),
    };
    if (withParent) {
      const outer = block.parentElement?.closest('*');
      let parentBlock = null;
      for (let el = outer; el && el !== document.body; el = el.parentElement) {
        if (el !== block && sameShape(el, block)) {
          parentBlock = el;
          break;
        }
      }
      const quote = block.querySelector(QUOTE_SELECTOR);
      if (parentBlock) {
        const p = fieldsOf(parentBlock, parentBlock, false);
        fields.parent = { authorName: p.authorName, text: p.text, permalink: p.permalink };
      } else if (quote && !quote.contains(from) && textOf(quote)) {
        fields.parent = { text: textOf(quote).slice(0, MAX_TEXT) };
      }
    }
    return fields;
  }

  /** @type {any} */ (globalThis).temoinReadBlock = { readBlock, nearest, distance, findBlock, looksLikeTime };
})();

// Structured data a page carries about its posts: microdata around the right-clicked element
// (itemscope of a Comment, SocialMediaPosting, DiscussionForumPosting, BlogPosting…), or a
// JSON-LD node whose text is the clicked block's. The site wrote these for machines, so they
// are read before any guess from the markup's look. Injected with extract-post.js, which calls
// `temoinReadStructured`.
(() => {
  const POST_TYPES = /Comment|SocialMediaPosting|DiscussionForumPosting|BlogPosting|Answer|Question|NewsArticle|Article|VideoObject/;
  const MAX_TEXT = 20_000;

  /** @param {string | undefined | null} s */
  const fold = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  /** @param {unknown} v @returns {string | undefined} */
  const str = (v) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);
  /** @param {unknown} v @returns {unknown} */
  const first = (v) => (Array.isArray(v) ? v[0] : v);

  /** An author node or text: its name, its handle (alternateName) and its address. @param {unknown} a */
  function author(a) {
    const node = /** @type {Record<string, unknown> | string | undefined} */ (first(a));
    if (typeof node === 'string') return { authorName: node };
    if (!node || typeof node !== 'object') return {};
    return {
      authorName: str(node.name),
      authorHandle: str(node.alternateName)?.replace(/^@/, ''),
      authorUrl: str(node.url) ?? str(node['@id']),
    };
  }

  /** The post fields of one JSON-LD node. @param {Record<string, unknown>} n */
  function fromJsonLd(n) {
    return {
      ...author(n.author ?? n.creator),
      text: fold(str(n.articleBody) ?? str(n.text) ?? str(n.description) ?? str(n.headline)).slice(0, MAX_TEXT) || undefined,
      publishedAt: str(n.datePublished) ?? str(n.dateCreated) ?? str(n.uploadDate),
      permalink: str(n.url) ?? str(n['@id']),
    };
  }

  /** Every node of every JSON-LD block, comments included, flattened. */
  function jsonLdNodes() {
    /** @type {Record<string, unknown>[]} */
    const out = [];
    /** @param {unknown} v @param {number} depth */
    const walk = (v, depth) => {
      if (depth > 8 || !v || typeof v !== 'object') return;
      if (Array.isArray(v)) {
        for (const x of v) walk(x, depth + 1);
        return;
      }
      const node = /** @type {Record<string, unknown>} */ (v);
      const type = [node['@type']].flat().join(' ');
      if (POST_TYPES.test(type)) out.push(node);
      for (const key of ['@graph', 'comment', 'hasPart', 'mainEntity', 'suggestedAnswer', 'acceptedAnswer', 'sharedContent']) walk(node[key], depth + 1);
    };
    for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
      try {
        walk(JSON.parse(s.textContent ?? ''), 0);
      } catch {
        // A block that is not JSON is no data.
      }
    }
    return out;
  }

  /** How much of `a` is in `b`, by words (0 to 1). @param {string} a @param {string} b */
  function overlap(a, b) {
    const words = fold(a).toLowerCase().split(' ').filter((w) => w.length > 2);
    if (words.length === 0) return 0;
    const hay = fold(b).toLowerCase();
    return words.filter((w) => hay.includes(w)).length / words.length;
  }

  /**
   * Microdata: the nearest item around `from` of a post type, its own properties; only when it
   * is the clicked post's item (the block's own, or inside it), not a page's item around all
   * its comments.
   * @param {Element} from @param {Element} block
   */
  function fromMicrodata(from, block) {
    const item = from.closest('[itemscope][itemtype]');
    if (!item || !POST_TYPES.test(item.getAttribute('itemtype') ?? '')) return null;
    if (item !== block && !block.contains(item) && !(item.contains(block) && fold(item.textContent).length <= fold(block.textContent).length * 1.2)) return null;
    /** @param {string} name */
    const prop = (name) => [...item.querySelectorAll(`[itemprop~="${name}"]`)].find((p) => p.parentElement?.closest('[itemscope]') === item || p.closest('[itemscope]') === item) ?? null;
    /** @param {Element | null} p */
    const value = (p) => (p ? p.getAttribute('content') ?? p.getAttribute('datetime') ?? p.getAttribute('href') ?? fold(p.textContent) : undefined);
    const authorEl = prop('author') ?? prop('creator');
    const authorName = authorEl?.hasAttribute('itemscope')
      ? value(authorEl.querySelector('[itemprop~="name"]')) ?? fold(authorEl.textContent)
      : value(authorEl);
    const link = authorEl?.matches('a[href]') ? authorEl : authorEl?.querySelector('a[href], [itemprop~="url"]');
    return {
      item,
      fields: {
        authorName: authorName || undefined,
        authorUrl: link ? value(link) : undefined,
        publishedAt: value(prop('datePublished') ?? prop('dateCreated') ?? prop('commentTime') ?? prop('uploadDate')),
        text: fold(value(prop('text') ?? prop('articleBody') ?? prop('commentText'))).slice(0, MAX_TEXT) || undefined,
        permalink: value(prop('url')),
      },
    };
  }

  /**
   * What the page's structured data says about the post in `block`:
   * microdata around `from` first, else the JSON-LD node whose text is the block's.
   * @param {Element} from @param {Element} block the block the generic reading found
   * @returns {{ fields: Record<string, string | undefined>, by: 'microdata' | 'json-ld' } | null}
   */
  function readStructured(from, block) {
    const blockText = block.textContent ?? '';
    const micro = fromMicrodata(from, block);
    if (micro && (micro.fields.text || micro.fields.authorName)) return { fields: micro.fields, by: 'microdata' };
    let best = null;
    let bestScore = 0;
    for (const node of jsonLdNodes()) {
      const f = fromJsonLd(node);
      if (!f.text) continue;
      // Both ways: the node's text is in the block, and the block is mostly the node's text.
      const score = Math.min(overlap(f.text, blockText), overlap(blockText, f.text) + 0.3);
      if (score > bestScore) {
        best = f;
        bestScore = score;
      }
    }
    return best && bestScore >= 0.8 ? { fields: best, by: 'json-ld' } : null;
  }

  /** @type {any} */ (globalThis).temoinReadStructured = readStructured;
})();

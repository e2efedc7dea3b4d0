// Selection mode, for "Capture several posts": Témoin draws over the page, in a closed shadow
// root the page can neither read nor restyle, a tick on every post it finds; the person ticks
// posts (a click on a post, or Space on its tick), or asks for every reply under the
// right-clicked post, or every post of its author, then "Capture (N)" or "Cancel" (Escape).
// Only events the browser marks as the person's own (`isTrusted`) change the selection: a page
// cannot tick or untick for them. Nothing is sent or written before "Capture"; then the overlay
// is removed (the screenshots must not show it) and the background is told, which reads the
// ticked posts back through `temoinSelect.items()`.
// Injected on demand after read-block.js, read-structured.js and extract-post.js, in the
// extension's isolated world; the posts are found and read by `temoinFindPosts` (extract-post.js).
(() => {
  const g = /** @type {any} */ (globalThis);
  if (g.temoinSelect) return;

  /**
   * @typedef {{ element: Element, post: Record<string, any>, box: DOMRectReadOnly }} Found
   * @typedef {{
   *   title: string, help: string, replies: string, repliesOf: string, author: string, capture: string, cancel: string,
   *   countOne: string, countOther: string, tick: string, unknownAuthor: string, noAnchor: string,
   *   noReplies: string, noPosts: string, capped: string, region: string,
   * }} Strings
   * @typedef {{ platform?: string, lang: string, max: number, strings: Strings }} Options
   */

  const HOST_STYLE = 'all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important; display: block !important; pointer-events: none !important; visibility: visible !important; opacity: 1 !important; transform: none !important; filter: none !important; clip-path: none !important;';
  const CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; }
    /* In the top layer when the browser has one (a popover): above every page's element, its sticky bars included. */
    .top { position: fixed; inset: 0; width: auto; height: auto; max-width: none; max-height: none; margin: 0; padding: 0; border: 0;
      background: transparent; color: inherit; overflow: visible; pointer-events: none; z-index: 2147483647; }
    /* The page dimmed: what is drawn over it is Témoin's, not the site's. */
    .catcher { position: fixed; inset: 0; pointer-events: auto; cursor: pointer; background: rgba(0, 0, 0, .22); }
    .mark { position: fixed; pointer-events: none; border: 2px dashed rgba(31, 58, 95, .7); border-radius: 6px; box-shadow: 0 0 0 1px rgba(255, 255, 255, .8); }
    .mark.on { border: 3px solid #1f3a5f; background: rgba(255, 255, 255, .18); box-shadow: 0 0 0 2px #fff; }
    /* The right-clicked post, « ce message » of the buttons. */
    .mark.anchor { outline: 4px solid #e3a21a; outline-offset: 3px; }
    .tick { position: fixed; z-index: 1; pointer-events: auto; width: 32px; height: 32px; margin: 0; padding: 0; border: 2px solid #1f3a5f;
      border-radius: 50%; background: #fff; color: #1f3a5f; font: 700 20px/1 system-ui, sans-serif; cursor: pointer;
      box-shadow: 0 0 0 3px #e3a21a, 0 2px 6px rgba(0, 0, 0, .4); }
    .tick[aria-checked="true"] { background: #1f3a5f; color: #fff; }
    .tick.off:not(:focus) { opacity: 0; pointer-events: none; }
    .tick:focus-visible, button:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
    .panel { position: fixed; z-index: 2; left: 50%; bottom: 16px; transform: translateX(-50%); width: min(680px, calc(100vw - 24px));
      pointer-events: auto; background: #fff; color: #1b1b1b; border: 2px solid #1f3a5f; border-radius: 12px;
      box-shadow: 0 6px 24px rgba(0, 0, 0, .25); padding: 14px 16px; font: 16px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
    h2 { margin: 0 0 4px; font-size: 18px; color: #1f3a5f; }
    p { margin: 0 0 10px; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 8px; }
    button.act { font: inherit; padding: 8px 12px; border-radius: 8px; border: 2px solid #1f3a5f; background: #fff; color: #1f3a5f; cursor: pointer; }
    button.act:disabled { opacity: .5; cursor: default; }
    button.primary { background: #1f3a5f; color: #fff; }
    .count { font-weight: 700; margin-right: auto; }
    .note { color: #5b3a00; }
    .note:empty { display: none; }
    /* A phone's width: the panel a strip at the bottom with its own scroll, the help gone once
       the person has acted, « Annuler » kept on the count's row. */
    @media (max-width: 599px) {
      .panel { max-height: 40vh; overflow-y: auto; bottom: 8px; padding: 10px 12px; font-size: 15px; }
      h2 { font-size: 16px; }
      .panel.acted .help { display: none; }
      .row.actions { flex-wrap: nowrap; }
      .row.actions .count { min-width: 0; flex: 1 1 auto; }
      .row.actions button.act { flex: none; padding: 6px 10px; }
    }
    @media (prefers-color-scheme: dark) {
      .panel { background: #15202b; color: #f2f2f2; border-color: #8ab4f8; }
      h2 { color: #8ab4f8; }
      button.act { background: #15202b; color: #8ab4f8; border-color: #8ab4f8; }
      button.primary { background: #8ab4f8; color: #15202b; }
      .note { color: #ffd27a; }
    }
  `;

  /**
   * @type {null | {
   *   options: Options, host: HTMLElement, root: ShadowRoot, found: Found[], anchor: Found | null,
   *   selected: Set<Element>, scope: 'ticked' | 'replies' | 'author', marks: Map<Element, { mark: HTMLElement, tick: HTMLButtonElement }>,
   *   count: HTMLElement, captureButton: HTMLButtonElement, note: HTMLElement, panel: HTMLElement, message: string, frame: number, done: (answer: string) => void,
   * }}
   */
  let state = null;
  /** What the last "Capture" chose, kept for the background's `items()`. */
  /** @type {{ elements: Element[], scope: string, reader: string, platform?: string } | null} */
  let chosen = null;
  let reader = 'generic';

  /** The same author: by handle (without case), else by profile address, else by name. @param {Record<string, any>} a @param {Record<string, any>} b */
  function sameAuthor(a, b) {
    if (a.authorHandle && b.authorHandle) return String(a.authorHandle).toLowerCase() === String(b.authorHandle).toLowerCase();
    if (a.authorUrl && b.authorUrl) return a.authorUrl === b.authorUrl;
    return !!a.authorName && a.authorName === b.authorName;
  }

  /** Whether `parent` (a post's `parent` field) is the post `post`. @param {Record<string, any>} parent @param {Record<string, any>} post */
  function isPost(parent, post) {
    if (parent.permalink && post.permalink) return parent.permalink === post.permalink;
    return !!parent.text && parent.text === post.text && sameAuthor(parent, post);
  }

  /** The innermost post found that holds `el`. @param {Found[]} found @param {Element | null | undefined} el */
  function postAt(found, el) {
    /** @type {Found | null} */
    let best = null;
    for (const f of found) if (el && f.element.contains(el) && (!best || best.element.contains(f.element))) best = f;
    return best;
  }

  /**
   * Every reply under `anchor`, in page order: the posts nested in it; then, when the reading
   * knows what a post answers, every post answering it or one of its replies; else (X's
   * conversation page) the posts that follow it in its list, up to a new section (a heading
   * between posts) and, for a reply that is not the page's own post, up to the end of its chain
   * (an empty cell between posts).
   * @param {Found[]} found @param {Found} anchor
   */
  function repliesOf(found, anchor) {
    const index = found.indexOf(anchor);
    const after = found.slice(index + 1);
    /** @type {Set<Found>} */
    const out = new Set(after.filter((f) => anchor.element.contains(f.element)));
    const outside = after.filter((f) => !anchor.element.contains(f.element));
    if (outside.some((f) => f.post.parent)) {
      const under = [anchor.post];
      for (const f of outside) {
        if (f.post.parent && under.some((p) => isPost(f.post.parent, p))) {
          out.add(f);
          under.push(f.post);
        }
      }
    } else if (outside.length) {
      const own = anchor.post.permalink && new URL(anchor.post.permalink, location.href).pathname === location.pathname;
      const first = found.find((f) => !found.some((o) => o !== f && o.element.contains(f.element)));
      const main = own || first === anchor;
      const next = outside[0];
      let cell = /** @type {Element} */ (anchor.element);
      while (cell.parentElement && !cell.parentElement.contains(next.element)) cell = cell.parentElement;
      for (let sib = cell.nextElementSibling; sib; sib = sib.nextElementSibling) {
        const inside = outside.filter((f) => sib.contains(f.element));
        if (inside.length) {
          inside.forEach((f) => out.add(f));
          continue;
        }
        if (sib.matches('h1, h2, h3, [role="heading"]') || sib.querySelector('h1, h2, h3, [role="heading"]')) break;
        if (!main && !(sib.textContent ?? '').trim() && !sib.querySelector('img, video')) break;
      }
    }
    return found.filter((f) => out.has(f));
  }

  /** @param {string} template @param {number} n */
  const fill = (template, n) => template.replace('{n}', new Intl.NumberFormat(state?.options.lang).format(n));

  function render() {
    if (!state) return;
    const { strings, lang, max } = state.options;
    const n = state.selected.size;
    const rule = new Intl.PluralRules(lang).select(n);
    state.count.textContent = fill(rule === 'one' ? strings.countOne : strings.countOther, n);
    state.captureButton.textContent = fill(strings.capture, Math.min(n, max));
    state.captureButton.disabled = n === 0;
    for (const [el, { mark, tick }] of state.marks) {
      const on = state.selected.has(el);
      mark.classList.toggle('on', on);
      tick.setAttribute('aria-checked', String(on));
      tick.textContent = on ? '✓' : '';
    }
    // Beyond the cap, that first; else what the last action found (or did not).
    state.note.textContent = n > max ? fill(strings.capped, max) : state.message;
  }

  /** Places the marks over the posts as they are now on the screen. */
  function place() {
    if (!state) return;
    state.frame = 0;
    const vh = innerHeight;
    for (const [el, { mark, tick }] of state.marks) {
      const r = el.getBoundingClientRect();
      const present = el.isConnected && r.width > 0 && r.height > 0;
      const shown = present && r.bottom > -50 && r.top < vh + 50;
      mark.hidden = !shown;
      Object.assign(mark.style, { left: `${r.left - 2}px`, top: `${r.top - 2}px`, width: `${r.width + 4}px`, height: `${r.height + 4}px` });
      Object.assign(tick.style, { left: `${Math.max(4, Math.min(r.right, innerWidth) - 40)}px`, top: `${Math.max(4, r.top + 6)}px` });
      // Off screen the tick is see-through, not hidden: a hidden element leaves the keyboard's
      // order, and Tab would skip every post below the screen. Focusing it scrolls to the post.
      // A post the page removed or collapsed has nothing to scroll to: its tick is hidden.
      tick.classList.toggle('off', present && !shown);
      tick.hidden = !present;
    }
  }
  const schedule = () => {
    if (state && !state.frame) state.frame = requestAnimationFrame(place);
  };

  /** @param {Element} el */
  function toggle(el) {
    if (!state) return;
    state.panel.classList.add('acted');
    if (state.selected.has(el)) state.selected.delete(el);
    else state.selected.add(el);
    state.scope = 'ticked';
    render();
  }

  /** @param {Event} e */
  const trusted = (e) => e.isTrusted;

  /** @param {KeyboardEvent} e */
  function onKey(e) {
    if (!state || !trusted(e) || e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    finish('cancel');
  }

  /** @param {'capture' | 'cancel'} answer */
  function finish(answer) {
    if (!state) return;
    const s = state;
    state = null;
    removeEventListener('keydown', onKey, true);
    removeEventListener('scroll', schedule, true);
    removeEventListener('resize', schedule, true);
    if (s.frame) cancelAnimationFrame(s.frame);
    s.host.remove();
    if (answer === 'capture') {
      const elements = s.found.filter((f) => s.selected.has(f.element)).map((f) => f.element);
      chosen = { elements, scope: s.scope, reader, platform: s.options.platform };
    }
    s.done(answer);
  }

  /**
   * Shows the selection over the page and says what it found. Once the person has answered and
   * the overlay is gone from the screen, the background is told: `capture` or `cancel`.
   * @param {Options} options
   */
  function open(options) {
    if (state) finish('cancel');
    chosen = null;
    const target = g.temoinTarget && Date.now() - g.temoinTarget.at < 5 * 60_000 ? g.temoinTarget.element : undefined;
    const start = target?.nodeType === Node.ELEMENT_NODE ? target : target?.parentElement;
    const result = g.temoinFindPosts(options.platform, start ?? undefined);
    reader = result.reader;
    /** @type {Found[]} */
    const found = result.posts;
    const anchor = postAt(found, start);
    const { strings } = options;

    const host = document.createElement('temoin-selection');
    // Through the CSSOM, which a page's Content-Security-Policy does not govern (a `style`
    // attribute or element would fall under its `style-src`).
    host.style.cssText = HOST_STYLE;
    const root = host.attachShadow({ mode: 'closed' });
    /** @type {HTMLStyleElement | null} */
    let style = null;
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      // Firefox's content scripts cannot adopt a sheet they made: a style element instead.
      style = document.createElement('style');
      style.textContent = CSS;
    }
    const top = document.createElement('div');
    top.className = 'top';
    const catcher = document.createElement('div');
    catcher.className = 'catcher';
    const layer = document.createElement('div');
    const panel = document.createElement('section');
    panel.className = 'panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', strings.region);
    const title = document.createElement('h2');
    title.textContent = strings.title;
    title.tabIndex = -1;
    const help = document.createElement('p');
    help.className = 'help';
    help.textContent = strings.help;
    const bulk = document.createElement('div');
    bulk.className = 'row';
    const button = (/** @type {string} */ text, /** @type {string} */ cls = 'act') => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = cls;
      b.textContent = text;
      return b;
    };
    const anchorAuthor = anchor && (anchor.post.authorName || (anchor.post.authorHandle ? `@${anchor.post.authorHandle}` : ''));
    const repliesButton = button(anchorAuthor && strings.repliesOf ? strings.repliesOf.replace('{author}', anchorAuthor) : strings.replies);
    const authorButton = button(strings.author);
    repliesButton.dataset.action = 'replies';
    authorButton.dataset.action = 'author';
    repliesButton.disabled = !anchor;
    authorButton.disabled = !anchor;
    bulk.append(repliesButton, authorButton);
    const note = document.createElement('p');
    note.className = 'note';
    note.setAttribute('role', 'status');
    const actions = document.createElement('div');
    actions.className = 'row actions';
    const count = document.createElement('span');
    count.className = 'count';
    count.setAttribute('aria-live', 'polite');
    const captureButton = button('', 'act primary');
    captureButton.dataset.action = 'capture';
    const cancelButton = button(strings.cancel);
    cancelButton.dataset.action = 'cancel';
    actions.append(count, captureButton, cancelButton);
    panel.append(title, help, bulk, note, actions);

    /** @type {Map<Element, { mark: HTMLElement, tick: HTMLButtonElement }>} */
    const marks = new Map();
    for (const f of found) {
      if (marks.has(f.element)) continue;
      const mark = document.createElement('div');
      mark.className = f === anchor ? 'mark anchor' : 'mark';
      const tick = document.createElement('button');
      tick.type = 'button';
      tick.className = 'tick';
      tick.setAttribute('role', 'checkbox');
      const who = f.post.authorName ?? (f.post.authorHandle ? `@${f.post.authorHandle}` : strings.unknownAuthor);
      const words = String(f.post.text ?? '').split(/\s+/).slice(0, 8).join(' ');
      tick.setAttribute('aria-label', strings.tick.replace('{author}', who).replace('{text}', words).replace(/[\s\u00a0]*:\s*$/, ''));
      tick.addEventListener('click', (e) => {
        if (!trusted(e)) return;
        e.stopPropagation();
        toggle(f.element);
      });
      // A tick focused by the keyboard: its post brought into the room above the panel.
      tick.addEventListener('focus', () => {
        const room = Math.min(innerHeight, panel.getBoundingClientRect().top) - 8;
        let r = f.element.getBoundingClientRect();
        if (r.top >= 0 && r.bottom <= room) return;
        f.element.scrollIntoView({ block: 'start' });
        r = f.element.getBoundingClientRect();
        const shift = r.height < room ? r.top - (room - r.height) / 2 : r.top - 8;
        if (Math.abs(shift) >= 1) scrollBy(0, shift);
      });
      marks.set(f.element, { mark, tick });
      layer.append(mark);
    }
    // The ticks after the panel in the keyboard's order: the panel's buttons come first.
    const ticks = document.createElement('div');
    for (const { tick } of marks.values()) ticks.append(tick);
    if (style) root.append(style);
    top.append(catcher, layer, panel, ticks);
    root.append(top);

    state = {
      options, host, root, found, anchor, selected: new Set(), scope: 'ticked', marks, count, captureButton, note, panel, frame: 0,
      message: !found.length ? strings.noPosts : !anchor ? strings.noAnchor : '',
      done: (answer) => {
        // Said once the overlay is off the screen: the capture's screenshots come next.
        // A cancel sends nothing: nothing is written.
        if (answer !== 'capture' || !chosen) return;
        const summary = { scope: chosen.scope, count: chosen.elements.length };
        requestAnimationFrame(() => requestAnimationFrame(() => {
          void chrome.runtime.sendMessage({ temoinSelection: answer, ...summary }).catch(() => {});
        }));
      },
    };
    catcher.addEventListener('click', (e) => {
      if (!state || !trusted(e) || e.button !== 0) return;
      e.preventDefault();
      e.stopPropagation();
      // The post whose box is under the pointer (the smallest, for a reply inside its post),
      // by geometry: what the page stacks over its posts, or makes transparent to the
      // pointer, does not change which post the person meant.
      /** @type {Found | null} */
      let best = null;
      let bestArea = Infinity;
      for (const f of state.found) {
        const r = f.element.getBoundingClientRect();
        if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) continue;
        if (r.width * r.height < bestArea) {
          best = f;
          bestArea = r.width * r.height;
        }
      }
      if (best) toggle(best.element);
    });
    catcher.addEventListener('contextmenu', (e) => e.stopPropagation());
    panel.addEventListener('click', (e) => {
      if (!state || !trusted(e)) return;
      const action = /** @type {HTMLElement | null} */ (e.target)?.closest?.('button')?.dataset.action;
      if (!action) return;
      e.stopPropagation();
      const s = state;
      if (action === 'cancel') finish('cancel');
      else if (action === 'capture') {
        if (s.selected.size) finish('capture');
      } else if (s.anchor && (action === 'replies' || action === 'author')) {
        const anchorPost = s.anchor;
        const picked = action === 'replies' ? repliesOf(s.found, anchorPost) : s.found.filter((f) => sameAuthor(f.post, anchorPost.post));
        // Added to what is ticked already: a post ticked by hand stays ticked.
        const mixed = s.selected.size > 0 && s.scope !== action;
        for (const f of picked) s.selected.add(f.element);
        s.scope = mixed ? 'ticked' : action;
        panel.classList.add('acted');
        s.message = picked.length ? '' : strings.noReplies;
        render();
      }
    });
    root.addEventListener('keydown', (e) => onKey(/** @type {KeyboardEvent} */ (e)));
    addEventListener('keydown', onKey, true);
    addEventListener('scroll', schedule, { capture: true, passive: true });
    addEventListener('resize', schedule, true);
    document.documentElement.append(host);
    // The top layer, where the browser has it: over the page's sticky bars and its own dialogs.
    try {
      top.popover = 'manual';
      top.showPopover();
    } catch {
      // Without it, the host's highest z-index.
    }
    place();
    render();
    if (anchor) repliesButton.focus();
    else title.focus();
    return { posts: found.length, anchor: !!anchor, reader };
  }

  /**
   * The posts chosen at the last "Capture", read again now, in page order: each post's fields and
   * its box in CSS pixels of the document. Posts the page has removed since are left out.
   * @param {number} max the most items kept
   */
  function items(max) {
    if (!chosen) return null;
    const live = chosen.elements.filter((el) => el.isConnected);
    const kept = live.slice(0, max);
    return {
      scope: chosen.scope,
      reader,
      chosen: chosen.elements.length,
      gone: chosen.elements.length - live.length,
      capped: live.length > max,
      items: kept.map((el) => {
        const read = g.temoinExtractPost(el, chosen?.platform);
        const r = el.getBoundingClientRect();
        return { post: read?.post ?? {}, box: { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height } };
      }),
    };
  }

  g.temoinSelect = { open, items, isOpen: () => !!state };
})();

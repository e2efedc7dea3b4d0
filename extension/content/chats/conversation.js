// The dispatcher of the chat readers, injected after them: it finds the conversation around
// the right-clicked element (the app's reader when the host and the markup are an app's, else
// the generic one), loads its older messages the way the app does (scrolled to the top, until
// no more come), scrolls its pane screen by screen for the stitched image while reading the
// messages on each screen (apps drop the messages far off screen: each is read while shown,
// and kept once), and restores the pane. The worker calls these helpers through
// chrome.scripting (extension/background/capture-conversation.js).
(() => {
  const g = /** @type {any} */ (globalThis);
  const C = g.temoinChats;
  const MAX_TEXT = 20_000;
  /** Messages read before the first one shown, for the author a run carries. */
  const CONTEXT = 30;

  /**
   * @type {{ reader: any, pane: Element, fromBottom: number, keys: string[], items: Map<string, Record<string, any>>,
   *   hidden: HTMLElement[] } | null}
   */
  let state = null;

  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

  /** The element right-clicked in the last five minutes. @returns {Element | undefined} */
  function target() {
    const t = g.temoinTarget;
    return t && Date.now() - t.at < 5 * 60_000 && t.element instanceof Element ? t.element : undefined;
  }

  /** The app's reader whose pane holds `from`, else the generic reading of the pane around it. @param {Element | undefined} from */
  function pick(from) {
    const all = [...C.readers.values()];
    for (const reader of all) {
      if (reader.name === 'generic' || !reader.matches()) continue;
      const pane = reader.pane ? reader.pane(from) : C.scrollingAncestor(from);
      if (pane && (!from || pane.contains(from)) && reader.messages(pane).length) return { reader, pane };
    }
    const generic = C.readers.get('generic');
    const pane = C.scrollingAncestor(from);
    if (generic && pane && generic.messages(pane).length >= 2) return { reader: generic, pane };
    return null;
  }

  // Days ------------------------------------------------------------------------------------

  const MONTHS = [
    /^(janv|jan)/, /^(févr|fevr|feb)/, /^(mars|mar)/, /^(avr|apr)/, /^(mai|may)/, /^(juin|jun)/,
    /^(juil|jul)/, /^(août|aout|aug)/, /^(sept|sep)/, /^(oct)/, /^(nov)/, /^(déc|dec)/,
  ];
  const WEEKDAYS = [/^(dimanche|sunday)$/, /^(lundi|monday)$/, /^(mardi|tuesday)$/, /^(mercredi|wednesday)$/, /^(jeudi|thursday)$/, /^(vendredi|friday)$/, /^(samedi|saturday)$/];
  const ymd = (/** @type {Date} */ d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const valid = (/** @type {number} */ y, /** @type {number} */ m, /** @type {number} */ d) => {
    const date = new Date(y, m - 1, d);
    return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? ymd(date) : undefined;
  };
  const monthOf = (/** @type {string} */ w) => MONTHS.findIndex((re) => re.test(w.toLowerCase())) + 1;

  /**
   * The local day (YYYY-MM-DD) a shown day or time names, or undefined when it cannot be told:
   * "2026-11-28", "28/11/2026", "28 novembre 2026", "November 28, 2026", "Aujourd'hui", "Hier",
   * "Mardi" (within the last week), a Unix time.
   * @param {string | undefined} s
   */
  function dayOf(s) {
    if (!s) return undefined;
    const text = s.trim().toLowerCase();
    if (/^\d{10}$|^\d{13}$/.test(text)) return ymd(new Date(Number(text) * (text.length === 10 ? 1000 : 1)));
    if (/^\d{4}-\d{2}-\d{2}t/.test(text)) {
      const d = new Date(s);
      return Number.isNaN(d.getTime()) ? undefined : ymd(d);
    }
    let m = text.match(/(\d{4})-(\d{2})-(\d{2})/);
    if (m) return valid(+m[1], +m[2], +m[3]);
    m = text.match(/(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/);
    if (m) {
      const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
      const monthFirst = /^en-us/i.test(document.documentElement.lang || navigator.language) || +m[2] > 12;
      return +m[1] > 12 ? valid(year, +m[2], +m[1]) : monthFirst ? valid(year, +m[1], +m[2]) : valid(year, +m[2], +m[1]);
    }
    const now = new Date();
    m = text.match(/(\d{1,2})(?:er)?\s+([a-zéû]+)\.?(?:\s+(\d{4}))?/);
    if (m && monthOf(m[2])) return valid(m[3] ? +m[3] : now.getFullYear(), monthOf(m[2]), +m[1]);
    m = text.match(/([a-z]+)\.?\s+(\d{1,2}),?(?:\s+(\d{4}))?/);
    if (m && monthOf(m[1])) return valid(m[3] ? +m[3] : now.getFullYear(), monthOf(m[1]), +m[2]);
    if (/^(aujourd.hui|today)/.test(text)) return ymd(now);
    if (/^(hier|yesterday)/.test(text)) return ymd(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
    const w = WEEKDAYS.findIndex((re) => re.test(text.split(/[\s,]/)[0]));
    if (w >= 0) return ymd(new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() - w + 7) % 7 || 7)));
    return undefined;
  }

  /**
   * The pane's messages in the page's order, each with the day separator shown above it.
   * @param {Element} pane
   * @returns {{ el: Element, day: string | undefined }[]}
   */
  function listed(pane) {
    const reader = /** @type {any} */ (state).reader;
    const messages = reader.messages(pane);
    const separators = reader.separators?.(pane) ?? [];
    const all = [...messages.map((/** @type {Element} */ el) => ({ el, message: true })), ...separators.map((/** @type {Element} */ el) => ({ el, message: false }))];
    all.sort((a, b) => (a.el === b.el ? 0 : a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    /** @type {string | undefined} */
    let day;
    /** @type {{ el: Element, day: string | undefined }[]} */
    const out = [];
    for (const x of all) {
      if (x.message) out.push({ el: x.el, day });
      else day = C.line(x.el) ?? day;
    }
    return out;
  }

  // Reading ---------------------------------------------------------------------------------

  /** The fields as the record holds them: nothing empty, texts bounded. @param {Record<string, any>} f */
  function clean(f) {
    /** @type {Record<string, any>} */
    const out = {};
    for (const [k, v] of Object.entries(f)) {
      if (k === 'time' || k === 'outgoing' || v === undefined || v === null || v === '') continue;
      if (Array.isArray(v) && !v.length) continue;
      if (k === 'parent') {
        const p = clean(v);
        if (Object.keys(p).length) out.parent = p;
        continue;
      }
      out[k] = typeof v === 'string' ? v.slice(0, MAX_TEXT) : v;
    }
    return out;
  }

  /**
   * Reads the messages shown now (and the few before them, for a run's author), keeping each
   * once, in the page's order.
   */
  function readShown() {
    const s = /** @type {NonNullable<typeof state>} */ (state);
    const pane = s.pane;
    const box = pane.getBoundingClientRect();
    const list = listed(pane);
    const shown = (/** @type {Element} */ el) => {
      const r = el.getBoundingClientRect();
      return r.bottom >= box.top - pane.clientHeight && r.top <= box.bottom + pane.clientHeight;
    };
    const first = list.findIndex((x) => shown(x.el));
    if (first < 0) return;
    let at = -1;
    /** @type {Record<string, any> | undefined} */
    let before;
    for (let i = Math.max(0, first - CONTEXT); i < list.length; i += 1) {
      const { el, day } = list[i];
      const isShown = i >= first && shown(el);
      if (i > first && !isShown) break;
      const fields = s.reader.read(el, before);
      before = fields;
      const time = fields.time;
      const publishedText = fields.publishedText ?? (time && day && !/\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/.test(time) ? `${day} ${time}` : time ?? day);
      const post = clean({ platform: s.reader.platform, ...fields, publishedText, extractedBy: s.reader.platform ? `platform:${s.reader.name}` : 'generic' });
      const top = Math.round(el.getBoundingClientRect().top - box.top + pane.scrollTop);
      const key = s.reader.key?.(el) ?? `at:${top}:${post.authorName ?? ''}:${(post.text ?? '').slice(0, 80)}`;
      const known = s.keys.indexOf(key);
      if (known >= 0) {
        at = known;
        continue;
      }
      // A message before the screen, not read yet: read when it is shown.
      if (!isShown) continue;
      const shownDay = dayOf(fields.publishedAt) ?? dayOf(fields.publishedText) ?? dayOf(day);
      s.keys.splice(at + 1, 0, key);
      at += 1;
      s.items.set(key, { post, day: shownDay });
    }
  }

  /** The first day known among the pane's messages, oldest first. */
  function oldestDay() {
    const s = /** @type {NonNullable<typeof state>} */ (state);
    for (const { el, day } of listed(s.pane)) {
      const f = s.reader.read(el, undefined);
      const d = dayOf(f.publishedAt) ?? dayOf(f.publishedText) ?? dayOf(day);
      if (d) return d;
    }
    return undefined;
  }

  /** What the worker needs to know of the pane now. */
  function measure() {
    const s = /** @type {NonNullable<typeof state>} */ (state);
    const p = s.pane;
    const r = p.getBoundingClientRect();
    return {
      box: { x: r.left + p.clientLeft, y: r.top + p.clientTop, width: p.clientWidth, height: p.clientHeight },
      contentHeight: p.scrollHeight,
      clientHeight: p.clientHeight,
      scrollTop: p.scrollTop,
      dpr: devicePixelRatio,
      messages: s.reader.messages(p).length,
      viewport: { width: innerWidth, height: innerHeight },
    };
  }

  /** Hides the pane's sticky and fixed parts (a floating day, a "jump to bottom" button), so that they show once. */
  function hideSticky() {
    const s = /** @type {NonNullable<typeof state>} */ (state);
    if (s.hidden.length) return;
    for (const el of s.pane.querySelectorAll('*')) {
      const pos = getComputedStyle(el).position;
      if (pos === 'sticky' || pos === 'fixed') {
        const h = /** @type {HTMLElement} */ (el);
        h.dataset.temoinVisibility = h.style.getPropertyValue('visibility');
        h.style.setProperty('visibility', 'hidden', 'important');
        s.hidden.push(h);
      }
    }
  }

  const conversation = {
    /** Finds the conversation around the right-clicked element; null when there is none. */
    find: () => {
      const picked = pick(target());
      if (!picked) {
        state = null;
        return null;
      }
      const { reader, pane } = picked;
      state = { reader, pane, fromBottom: pane.scrollHeight - pane.scrollTop, keys: [], items: new Map(), hidden: [] };
      return { reader: reader.platform ? `platform:${reader.name}` : 'generic', platform: reader.platform ?? null, title: reader.title?.(pane)?.slice(0, 300) ?? null, ...measure() };
    },

    /**
     * Scrolls the pane to its top, as a person would to see older messages, and waits for the
     * app to add some: up to `waitMs` for a first change, then until nothing changes for a
     * moment (a spinner shown counts as a load under way).
     * @param {number} waitMs @param {string | undefined} since YYYY-MM-DD
     */
    older: async (waitMs, since) => {
      const s = /** @type {NonNullable<typeof state>} */ (state);
      const p = s.pane;
      const signature = () => `${p.scrollHeight}|${s.reader.messages(p).length}`;
      const busy = () => !!p.querySelector('[role="progressbar"], [aria-busy="true"]');
      const passed = () => {
        const d = since ? oldestDay() : undefined;
        return !!(since && d && d < since);
      };
      if (passed()) return { grew: false, passed: true, busy: false, ...measure() };
      const before = signature();
      // A pane already at its top gets a small scroll first: the app listens for scrolling.
      if (p.scrollTop < 2 && p.scrollHeight > p.clientHeight + 4) {
        p.scrollTop = 4;
        await frame();
      }
      p.scrollTop = 0;
      const start = Date.now();
      let changedAt = 0;
      let last = before;
      while (Date.now() - start < waitMs * 3) {
        await sleep(100);
        const now = signature();
        if (now !== last) {
          last = now;
          changedAt = Date.now();
          if (p.scrollTop < 2) p.scrollTop = 0;
        }
        if (changedAt && Date.now() - changedAt > 400 && !busy()) break;
        if (!changedAt && Date.now() - start > waitMs && !busy()) break;
      }
      return { grew: last !== before, passed: passed(), busy: busy(), ...measure() };
    },

    /**
     * Where the stitched image starts, in the pane's content: 0, or the first message of the
     * day asked for.
     * @param {string | undefined} since
     */
    startAt: (since) => {
      const s = /** @type {NonNullable<typeof state>} */ (state);
      if (!since) return 0;
      const box = s.pane.getBoundingClientRect();
      for (const { el, day } of listed(s.pane)) {
        const f = s.reader.read(el, undefined);
        const d = dayOf(f.publishedAt) ?? dayOf(f.publishedText) ?? dayOf(day);
        if (d && d >= since) return Math.max(0, Math.floor(el.getBoundingClientRect().top - box.top + s.pane.scrollTop));
      }
      return 0;
    },

    /**
     * Scrolls the pane to `y` (hiding its sticky parts after the first screen), reads the
     * messages shown, and resolves once painted with where the pane really is.
     * @param {number} y @param {boolean} hide
     */
    screen: async (y, hide) => {
      const s = /** @type {NonNullable<typeof state>} */ (state);
      if (hide) hideSticky();
      s.pane.scrollTop = y;
      await frame();
      readShown();
      return { y: s.pane.scrollTop, contentHeight: s.pane.scrollHeight, box: measure().box, dpr: devicePixelRatio, read: s.items.size };
    },

    /**
     * The messages read, oldest first; with a date, those shown as older are left out.
     * @param {string | undefined} since @param {number} max
     */
    items: (since, max) => {
      const s = /** @type {NonNullable<typeof state>} */ (state);
      const all = s.keys.map((k) => /** @type {Record<string, any>} */ (s.items.get(k))).filter((x) => !(since && x.day && x.day < since));
      return { posts: all.slice(0, max).map((x) => x.post), total: all.length };
    },

    /** The pane's HTML as it is now. @param {number} maxChars */
    html: (maxChars) => {
      const html = /** @type {NonNullable<typeof state>} */ (state).pane.outerHTML;
      return { html: html.slice(0, maxChars), truncated: html.length > maxChars };
    },

    /** Puts the pane back where the person left it (as far from the newest message). */
    restore: () => {
      const s = state;
      if (!s) return;
      for (const h of s.hidden) {
        h.style.removeProperty('visibility');
        if (h.dataset.temoinVisibility) h.style.setProperty('visibility', h.dataset.temoinVisibility);
        delete h.dataset.temoinVisibility;
      }
      s.hidden = [];
      s.pane.scrollTop = s.pane.scrollHeight - s.fromBottom;
    },

    dayOf,
  };
  g.temoinConversation = conversation;
})();

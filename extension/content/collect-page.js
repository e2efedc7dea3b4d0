// Reads the page at capture time: its address, state and HTML (open and, where the browser
// allows an extension to see them, closed shadow roots; same-origin frames), a self-contained
// copy for viewing offline (styles and images inlined where the page already has them; no
// script; a restrictive CSP), and the right-clicked post. Injected on demand into the captured
// frame, in the extension's isolated world. It fetches nothing.
(() => {
  /**
   * @param {Element} el
   * @returns {ShadowRoot | null}
   */
  function shadowOf(el) {
    // Only HTML elements can host a shadow root; the API throws on others (SVG, MathML).
    if (!(el instanceof HTMLElement)) return null;
    const api = /** @type {any} */ (globalThis).chrome?.dom?.openOrClosedShadowRoot;
    if (typeof api === 'function') return api(el) ?? null;
    return /** @type {any} */ (el).openOrClosedShadowRoot ?? el.shadowRoot ?? null;
  }

  /** Every shadow root under `root`, nested ones included. @param {Document | ShadowRoot} root */
  function shadowRoots(root) {
    /** @type {ShadowRoot[]} */
    const found = [];
    const walk = (/** @type {Document | ShadowRoot} */ r) => {
      for (const el of r.querySelectorAll('*')) {
        const s = shadowOf(el);
        if (s) {
          found.push(s);
          walk(s);
        }
      }
    };
    walk(root);
    return found;
  }

  function doctype() {
    return document.doctype ? new XMLSerializer().serializeToString(document.doctype) + '\n' : '';
  }

  /** The DOM as it is now, shadow roots included as declarative shadow DOM. */
  function serialiseDom() {
    const el = /** @type {any} */ (document.documentElement);
    if (typeof el.getHTML === 'function') {
      const roots = shadowRoots(document);
      return { html: doctype() + `<html${attributes(document.documentElement)}>` + el.getHTML({ shadowRoots: roots, serializableShadowRoots: true }) + '</html>', shadowRoots: roots.length };
    }
    return { html: doctype() + document.documentElement.outerHTML, shadowRoots: 0 };
  }

  /** @param {Element} el */
  function attributes(el) {
    return [...el.attributes].map((a) => ` ${a.name}="${a.value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`).join('');
  }

  /** CSS text of a stylesheet the page can read, or null (cross-origin without CORS). @param {CSSStyleSheet} sheet */
  function cssText(sheet) {
    try {
      return [...sheet.cssRules].map((r) => r.cssText).join('\n');
    } catch {
      return null;
    }
  }

  /** An image already loaded, as a data: URL, or null when the browser forbids reading it. @param {HTMLImageElement} img */
  function imageData(img) {
    if (!img.complete || !img.naturalWidth || img.naturalWidth * img.naturalHeight > 16_000_000) return null;
    try {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      canvas.getContext('2d')?.drawImage(img, 0, 0);
      return canvas.toDataURL('image/png');
    } catch {
      return null; // Tainted by a cross-origin image.
    }
  }

  /**
   * `imageData` once per image address: a feed shows the same avatar many times, drawn and
   * encoded once. @param {HTMLImageElement} img @param {Map<string, string | null>} drawn
   */
  function imageDataOnce(img, drawn) {
    const key = img.currentSrc || img.src;
    if (!key) return imageData(img);
    if (!drawn.has(key)) drawn.set(key, imageData(img));
    return drawn.get(key) ?? null;
  }

  /**
   * The parsed copy and the content of every template in it, nested ones included: the page's
   * shadow roots are there as declarative `<template shadowrootmode>`, whose content a query of
   * the document does not reach, and which a browser opening the copy makes live again.
   * @param {Document} doc
   */
  function fragments(doc) {
    /** @type {(Document | DocumentFragment)[]} */
    const all = [doc];
    for (let i = 0; i < all.length; i += 1) {
      for (const template of all[i].querySelectorAll('template')) all.push(/** @type {HTMLTemplateElement} */ (template).content);
    }
    return all;
  }

  /**
   * How many characters `value` takes in serialised HTML, at least: an attribute's `&`, `"` and
   * no-break spaces are written as entities (`<` and `>` too, in some browsers: not counted, so
   * the room this frees for images is never overstated).
   * @param {string} value
   */
  function serialisedLength(value) {
    let extra = 0;
    for (const [char, more] of /** @type {const} */ ([['"', 5], ['&', 4], ['\u00a0', 5]])) {
      for (let at = value.indexOf(char); at >= 0; at = value.indexOf(char, at + 1)) extra += more;
    }
    return value.length + extra;
  }

  /**
   * Longest `data-*` value the copy keeps. Longer ones are the page's state for its own scripts
   * (a framework's serialised props), which the copy, without scripts, has no use for; they
   * made up most of the heavy page's copy, carried, hashed and stored twice (BENCHMARKS.md §3).
   * The page's HTML keeps them. Styles and markup read shorter values (`[data-state="open"]`).
   */
  const MAX_COPY_DATA_CHARS = 1024;

  const SNAPSHOT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; font-src data:; base-uri 'none'; form-action 'none'";

  /**
   * The self-contained copy: parsed inertly, scripts and handlers removed, long `data-*` values
   * emptied, readable styles and images inlined, a CSP that forbids any load from the network.
   * Images are inlined in document order while the copy stays within `maxChars` (the page's
   * text and layout come first): an image that cannot fit is neither drawn nor encoded.
   * @param {string} html @param {number} maxChars @param {Map<string, string | null>} drawn
   */
  function selfContained(html, maxChars, drawn) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    /** @type {string[]} */
    const notices = [];
    const parts = fragments(doc);
    for (const part of parts) {
      for (const el of part.querySelectorAll('script, noscript, base, meta[http-equiv], object, embed, iframe, frame, link[rel~="preload"], link[rel~="prefetch"], link[rel~="modulepreload"]')) el.remove();
    }
    // Characters of the page's HTML the copy leaves out, at least: `data-*` values too long to keep.
    let stateChars = 0;
    for (const el of parts.flatMap((part) => [...part.querySelectorAll('*')])) {
      for (const a of [...el.attributes]) {
        const name = a.name;
        if (name.startsWith('on') || ((name === 'href' || name === 'src' || name === 'action' || name === 'formaction') && a.value.trim().toLowerCase().startsWith('javascript:'))) {
          el.removeAttribute(name);
        } else if (name.startsWith('data-') && a.value.length > MAX_COPY_DATA_CHARS) {
          // Emptied, not removed: a style that asks whether it is there still applies.
          stateChars += serialisedLength(a.value);
          a.value = '';
        }
      }
    }
    // Stylesheets: the live sheets in document order, matched to the parsed links by href.
    let unreadableSheets = 0;
    let inlinedCss = 0;
    for (const sheet of [...document.styleSheets]) {
      const owner = sheet.ownerNode;
      if (!(owner instanceof HTMLLinkElement)) continue;
      const link = [...doc.querySelectorAll('link[rel~="stylesheet"]')].find((l) => new URL(l.getAttribute('href') ?? '', location.href).href === owner.href);
      if (!link) continue;
      const css = cssText(sheet);
      if (css === null) {
        unreadableSheets += 1;
        continue;
      }
      const style = doc.createElement('style');
      style.setAttribute('data-temoin-from', owner.href);
      style.textContent = css;
      inlinedCss += css.length;
      link.replaceWith(style);
    }
    for (const link of doc.querySelectorAll('link[rel~="stylesheet"]')) link.remove();
    if (unreadableSheets) notices.push('snapshot-styles-incomplete');
    // Images: the live <img>s and the parsed ones are in the same document order.
    const live = [...document.querySelectorAll('img')];
    const parsed = [...doc.querySelectorAll('img')];
    let missing = 0;
    let dropped = 0;
    /** @type {HTMLImageElement[]} */
    const inlined = [];
    // An inlined image's `src` is a mark while the copy is serialised, replaced by its data: URL
    // after: serialising 3 million characters of data in attributes cost the typical feed's
    // thread 12 to 32 ms more (BENCHMARKS.md §3). The mark is random, so the page cannot hold
    // one; it and the data: URL need no escaping in an attribute, so the copy is the same.
    const mark = `temoin-image-${[...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('')}-`;
    /** @type {string[]} */
    const inlinedData = [];
    // What the copy holds besides images, about: the page's HTML and the styles inlined.
    let room = maxChars - (html.length - stateChars) - inlinedCss;
    parsed.forEach((img, i) => {
      img.removeAttribute('srcset');
      img.removeAttribute('loading');
      const src = img.getAttribute('src') ?? '';
      // Already data in the page's HTML (and counted with it): kept as it is, not drawn again.
      if (src.startsWith('data:')) return;
      const data = live[i] && room > 0 ? imageDataOnce(live[i], drawn) : null;
      if (data && data.length <= room) {
        img.setAttribute('src', `${mark}${inlinedData.length}.`);
        inlinedData.push(data);
        room -= data.length;
        inlined.push(img);
        return;
      }
      // Not inlined: left out for its size (or for want of room), or not readable.
      if (live[i] && (data || room <= 0)) dropped += 1;
      else missing += 1;
      img.setAttribute('data-temoin-original-src', src);
      img.removeAttribute('src');
    });
    if (missing) notices.push('snapshot-images-incomplete');
    if (dropped) notices.push('snapshot-images-dropped');
    const meta = doc.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = SNAPSHOT_CSP;
    doc.head.prepend(meta);
    const charset = doc.createElement('meta');
    charset.setAttribute('charset', 'utf-8');
    doc.head.prepend(charset);
    let out = doctype() + doc.documentElement.outerHTML;
    if (inlinedData.length) out = out.replace(new RegExp(`${mark}(\\d+)\\.`, 'g'), (_, k) => inlinedData[Number(k)]);
    if (out.length > maxChars && inlined.length) {
      // Still too large (the estimate above was short): drop the inlined images; the page's
      // text and layout matter most.
      for (const img of inlined) img.removeAttribute('src');
      out = doctype() + doc.documentElement.outerHTML;
      if (!dropped) notices.push('snapshot-images-dropped');
    }
    if (out.length > maxChars) {
      out = out.slice(0, maxChars);
      notices.push('snapshot-truncated');
    }
    return { html: out, notices };
  }

  /** The page's frames, the first 50 (more is said in `notices`). @param {string[]} notices */
  function frames(notices) {
    const all = [...document.querySelectorAll('iframe, frame')];
    if (all.length > 50) notices.push('frames-capped');
    return all.slice(0, 50).map((f) => {
      const frame = /** @type {HTMLIFrameElement} */ (f);
      let doc = null;
      try {
        doc = frame.contentDocument;
      } catch {
        doc = null;
      }
      const url = doc?.location?.href ?? frame.src ?? '';
      return { url, sameOrigin: !!doc, html: doc?.documentElement ? doctype() + doc.documentElement.outerHTML : null };
    });
  }

  /**
   * Everything the capture needs from this frame.
   * @param {string | undefined} platform recognised from the address by the core
   * @param {{ maxHtmlChars: number }} options
   */
  function collect(platform, options) {
    // Where the page is scrolled as the worker takes the visible screenshot, and the post's box.
    const scroll = { x: Math.round(scrollX), y: Math.round(scrollY) };
    // The worker asks for the page's MHTML once this has started (background/page-reading.js).
    void chrome.runtime.sendMessage({ temoinReading: true }).catch(() => {});
    const g = /** @type {any} */ (globalThis);
    const target = g.temoinTarget && Date.now() - g.temoinTarget.at < 5 * 60_000 ? g.temoinTarget.element : undefined;
    const post = g.temoinExtractPost?.(target, platform) ?? null;
    const dom = serialiseDom();
    /** @type {string[]} */
    const notices = [];
    let html = dom.html;
    if (html.length > options.maxHtmlChars) {
      html = html.slice(0, options.maxHtmlChars);
      notices.push('html-truncated');
    }
    /** @type {Map<string, string | null>} */
    const drawn = new Map();
    const snapshot = selfContained(dom.html.length > options.maxHtmlChars ? html : dom.html, options.maxHtmlChars, drawn);
    const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
    const frameList = frames(notices);
    return {
      url: location.href,
      title: document.title,
      lang: document.documentElement.lang || undefined,
      redirectCount: nav?.redirectCount,
      viewport: { width: innerWidth, height: innerHeight },
      devicePixelRatio: devicePixelRatio,
      scroll,
      scrollSteady: Math.round(scrollX) === scroll.x && Math.round(scrollY) === scroll.y,
      selection: String(getSelection() ?? '').slice(0, 20_000) || undefined,
      html,
      shadowRoots: dom.shadowRoots,
      snapshot: snapshot.html,
      notices: [...notices, ...snapshot.notices],
      frames: frameList,
      post: post?.post ?? null,
      postBox: post?.box ?? null,
      targetImage: target instanceof HTMLImageElement ? imageDataOnce(target, drawn) : null,
      extractor: post?.extractor ?? null,
      pageHeight: Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0),
    };
  }

  /** @type {HTMLElement[]} */
  let hidden = [];

  /** Hides fixed and sticky elements so that they show once, not on every screen of the stitch. */
  function hideFixed() {
    if (hidden.length) return;
    for (const el of document.querySelectorAll('body *')) {
      const pos = getComputedStyle(el).position;
      if (pos === 'fixed' || pos === 'sticky') {
        const h = /** @type {HTMLElement} */ (el);
        h.dataset.temoinVisibility = h.style.getPropertyValue('visibility');
        h.style.setProperty('visibility', 'hidden', 'important');
        hidden.push(h);
      }
    }
  }

  const page = {
    collect,
    measure: () => ({ width: innerWidth, height: innerHeight, pageHeight: Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0), x: scrollX, y: scrollY, dpr: devicePixelRatio }),
    /** Scrolls to `y`, hiding fixed elements after the first screen; resolves once painted. @param {number} y @param {boolean} hide */
    scrollTo: async (y, hide) => {
      if (hide) hideFixed();
      scrollTo({ left: 0, top: y, behavior: 'instant' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return scrollY;
    },
    /** @param {number} x @param {number} y */
    restore: (x, y) => {
      for (const h of hidden) {
        h.style.removeProperty('visibility');
        if (h.dataset.temoinVisibility) h.style.setProperty('visibility', h.dataset.temoinVisibility);
        delete h.dataset.temoinVisibility;
      }
      hidden = [];
      scrollTo({ left: x, top: y, behavior: 'instant' });
    },
  };
  /** @type {any} */ (globalThis).temoinPage = page;
})();

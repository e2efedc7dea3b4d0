// DOM helpers for the extension's pages. Captured text only ever enters a page as text
// (textContent or an attribute value): it can never become markup or script here.
import { t } from '../shared/i18n.js';

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | boolean | undefined>} [attrs] `false`/`undefined` omit the attribute
 * @param {(Node | string | null | undefined | false)[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === true) el.setAttribute(k, '');
    else if (typeof v === 'string') el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** An http(s) URL as a link opening in a new tab; anything else as plain text. @param {string} url */
export function externalLink(url, text = url) {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:' || u.protocol === 'http:') {
      return h('a', { href: u.href, target: '_blank', rel: 'noopener noreferrer' }, [text]);
    }
  } catch {
    // Not a URL: shown as text below.
  }
  return h('span', {}, [text]);
}

/**
 * An image shown blurred behind a real toggle button: Enter, Space or a click reveal it and
 * blur it again; `aria-pressed` says which, `name` says what it is. While blurred, a label on
 * top says so (« Flouté — cliquer pour voir »): a blurred light page would otherwise look like
 * an empty box. The button is named by its text, that label first, then `name`.
 * @param {HTMLImageElement} img @param {string} name
 */
export function revealButton(img, name) {
  img.classList.add('blurred');
  img.alt = '';
  const hint = h('span', { class: 'reveal-hint' }, [t('revealHint')]);
  const button = h('button', { type: 'button', class: 'reveal', 'aria-pressed': 'false' }, [img, hint, ' ', h('span', { class: 'visually-hidden' }, [name])]);
  button.addEventListener('click', () => {
    const shown = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(shown));
    img.classList.toggle('blurred', !shown);
  });
  return button;
}

/** @param {string} id @returns {HTMLElement} */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el;
}

/**
 * A page that could not be built says why in its `#status` line, in the page's language.
 * @param {any} e what was thrown
 */
export function showLoadError(e) {
  const status = byId('status');
  status.hidden = false;
  status.className = 'status-bad';
  status.textContent = t('guideError', [String(e?.message ?? e)]);
  console.error(e);
}

/** Offers `blob` as a download named `fileName`. @param {Blob} blob @param {string} fileName */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The captured HTML as a document that can run nothing and fetch nothing, for an
 * `<iframe sandbox>` (no scripts, no forms, no navigation): parsed inertly (DOMParser loads
 * and runs nothing), stripped of scripts, refreshes and `<base>`, and given a CSP that allows
 * only inline styles and embedded images. srcdoc documents also inherit the page's own CSP.
 * @param {string} html
 */
export function inertDocument(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const el of doc.querySelectorAll('script, base, meta[http-equiv], noscript, object, embed')) el.remove();
  const meta = doc.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; font-src data:; base-uri 'none'; form-action 'none'";
  doc.head.prepend(meta);
  return '<!DOCTYPE html>\n' + doc.documentElement.outerHTML;
}

// WhatsApp Web (web.whatsapp.com). Each message row holds a `[data-id]` element whose id
// starts with `true_` when sent from this account; its `.copyable-text` carries
// data-pre-plain-text="[14:02, 28/11/2026] Name: ", the time, day and sender as WhatsApp itself
// copies them. A quoted message sits in an element labelled "Message cité" / "Quoted message".
(() => {
  const C = /** @type {any} */ (globalThis).temoinChats;
  const QUOTE = '[aria-label="Message cité"], [aria-label="Quoted message"], [aria-label="Mensaje citado"], [aria-label="Zitierte Nachricht"]';
  const PRE = /^\[([^\]]+)\]\s*(.*?):\s*$/s;

  C.register({
    name: 'whatsapp',
    platform: 'whatsapp',
    matches: () => C.onHost('web.whatsapp.com') && !!document.querySelector('#main'),
    pane: (/** @type {Element | undefined} */ from) => {
      const main = document.querySelector('#main');
      if (!main || (from && !main.contains(from))) return null;
      const rows = main.querySelector('[data-id] [data-pre-plain-text], [role="row"]');
      return C.scrollingAncestor(rows, true) ?? C.scrollingAncestor(from);
    },
    messages: (/** @type {Element} */ pane) => [...pane.querySelectorAll('[data-id]')].filter((el) => !el.parentElement?.closest('[data-id]')),
    // Day separators are rows of their own: no message in them, a short text.
    separators: (/** @type {Element} */ pane) =>
      [...pane.querySelectorAll('.focusable-list-item, [role="row"]')].filter((el) => !el.querySelector('[data-id]') && !el.closest('[data-id]') && (C.line(el)?.length ?? 99) < 40),
    key: (/** @type {Element} */ el) => C.attr(el, 'data-id'),
    title: () => C.line(document.querySelector('#main header span[title]')) ?? C.attr(document.querySelector('#main header span[title]'), 'title'),
    read: (/** @type {Element} */ el, /** @type {any} */ before) => {
      const id = C.attr(el, 'data-id') ?? '';
      const copy = el.querySelector('[data-pre-plain-text]');
      const pre = C.attr(copy, 'data-pre-plain-text')?.match(PRE);
      const quote = el.querySelector(QUOTE);
      const shownName = C.line(C.own(el, 'span[aria-label][dir="auto"]:not(.selectable-text)', QUOTE));
      const outgoing = id.startsWith('true_');
      return {
        kind: 'message',
        outgoing,
        authorName: pre?.[2] || shownName || (before && before.outgoing === outgoing ? before.authorName : undefined),
        postId: id || undefined,
        publishedAt: pre?.[1],
        time: C.line([...el.querySelectorAll('span[dir="auto"]')].filter((s) => !s.closest(QUOTE)).reverse().find((s) => /^\d{1,2}[:h.]\d{2}(\s?[ap]\.?m\.?)?$/i.test(C.line(s) ?? ''))),
        text: C.lines(C.own(el, 'span.selectable-text', QUOTE)),
        mediaUrls: C.media(el),
        parent: quote ? { authorName: C.line(quote.querySelector('span[dir="auto"]:not(.quoted-mention)')), text: C.lines(quote.querySelector('.quoted-mention')) } : undefined,
      };
    },
  });
})();

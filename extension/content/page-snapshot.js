// Runs inside the captured page, in the extension's isolated world (injected with
// scripting.executeScript), so a page that redefines its own globals cannot change what is
// read. It must be self-contained: executeScript sends only this function's source.

/**
 * @typedef {{ url: string, title: string, html: string }} PageSnapshot
 * @returns {PageSnapshot}
 */
export function snapshotPage() {
  const doctype = document.doctype ? new XMLSerializer().serializeToString(document.doctype) + '\n' : '';
  return {
    url: location.href,
    title: document.title,
    html: doctype + document.documentElement.outerHTML,
  };
}

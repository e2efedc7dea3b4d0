// Accessibility checks with axe-core on what a page shows at that moment.
//
//   import { axeViolations, formatViolations } from '../support/axe.mjs';
//   const violations = await axeViolations(page);            // WCAG 2.1 A and AA rules
//   assert.deepEqual(violations, [], formatViolations(violations));
//
// How axe gets into an extension page: the pages run under `script-src 'self'`, so
// Playwright's `addScriptTag({ content })` is refused (an inline script; checked: "Executing
// inline script violates the following Content Security Policy directive"), and a
// `<script src>` would need axe inside the extension, which the packages must not ship. The
// source is evaluated through the DevTools protocol instead (`page.evaluate(source)`, i.e.
// `Runtime.evaluate`), which a page's CSP does not govern, and axe itself needs no eval. The
// page under test is the page as shipped: nothing is added to the extension for the tests.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The rules of WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** @type {Promise<string> | null} */
let source = null;
const axeSource = () => (source ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

/**
 * @typedef {{ id: string, impact: string | null, help: string, helpUrl: string,
 *   nodes: { target: string[], html: string, failureSummary: string }[] }} Violation
 */

/**
 * Runs axe-core on the page as it is now (open dialogs, expanded panels included) and returns
 * its violations, simplified. Works with a Playwright page; a Puppeteer page has the same
 * `evaluate`. axe is injected once per document.
 * @param {{ evaluate: (fn: any, arg?: any) => Promise<any> }} page
 * @param {{ tags?: string[], include?: string[], exclude?: string[], disableRules?: string[] }} [options]
 *   `include`/`exclude`: CSS selectors of what to check or leave out (default: the whole document);
 *   `disableRules`: rule ids to skip, each with a reason at the call site.
 * @returns {Promise<Violation[]>}
 */
export async function axeViolations(page, { tags = WCAG21_AA, include, exclude, disableRules = [] } = {}) {
  if (!(await page.evaluate(() => typeof (/** @type {any} */ (window).axe) === 'object'))) {
    await page.evaluate(await axeSource());
  }
  return page.evaluate(
    async (/** @type {{ tags: string[], include?: string[], exclude?: string[], disableRules: string[] }} */ o) => {
      const axe = /** @type {any} */ (window).axe;
      const context = o.include || o.exclude ? { include: o.include ?? ['html'], exclude: o.exclude ?? [] } : document;
      const result = await axe.run(context, {
        runOnly: { type: 'tag', values: o.tags },
        rules: Object.fromEntries(o.disableRules.map((id) => [id, { enabled: false }])),
        resultTypes: ['violations'],
      });
      return result.violations.map((/** @type {any} */ v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((/** @type {any} */ n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
      }));
    },
    { tags, include, exclude, disableRules },
  );
}

/** The violations as lines a person can act on, for an assertion's message. @param {Violation[]} violations */
export function formatViolations(violations) {
  return violations
    .map((v) => [`${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`, ...v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}\n    ${n.html.slice(0, 200)}`)].join('\n'))
    .join('\n');
}

/**
 * Runs axe-core on what Témoin draws over a page (the selection, the conversation's choice):
 * the element `host` and its closed shadow root, which neither the page nor axe in the page can
 * see into. axe runs in the extension's own world of the page's main frame, reached through the
 * DevTools protocol, where `chrome.dom.openOrClosedShadowRoot` opens the root; `shadowRoot` is
 * made to return it there, so that axe walks into it as into an open one. Colour contrast, which
 * axe leaves undetermined over a shadow root it cannot hit-test, is computed with axe's own colour
 * functions from each text's colour and the first opaque background behind it in the overlay.
 * @param {import('playwright-core').Page} page @param {string} host a selector of the host element
 * @param {{ tags?: string[] }} [options]
 * @returns {Promise<{ violations: Violation[], passed: Record<string, number>, contrast: { text: string, ratio: number, required: number }[],
 *   dialog: { left: number, right: number, top: number, bottom: number } | null, viewport: { width: number, height: number } }>}
 *   `dialog`: the box of the overlay's `[role=dialog]`
 */
export async function axeInClosedShadow(page, host, { tags = WCAG21_AA } = {}) {
  const cdp = await page.context().newCDPSession(page);
  try {
    /** @type {{ id: number, origin: string, auxData?: { frameId?: string } }[]} */
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const world = contexts.find((c) => c.origin.startsWith('chrome-extension://') && c.auxData?.frameId === frameTree.frame.id);
    if (!world) throw new Error('no world of the extension in this page');
    const evaluate = async (/** @type {string} */ expression) => {
      const r = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
      return r.result.value;
    };
    if (!(await evaluate('typeof axe === "object"'))) {
      // For the test's page only, and in this world only: the page's own scripts live in another
      // world and see no change; Témoin's scripts here find roots through `chrome.dom` first.
      await evaluate(`Object.defineProperty(Element.prototype, 'shadowRoot', { configurable: true, get() { return this instanceof HTMLElement ? chrome.dom.openOrClosedShadowRoot(this) ?? null : null; } }); 0`);
      await evaluate(`${await axeSource()}; 0`);
    }
    const run = async (/** @type {string} */ hostSelector, /** @type {string[]} */ values) => {
      const { color } = /** @type {any} */ (globalThis).axe.commons;
      const parse = (/** @type {string} */ css) => {
        const c = new color.Color();
        c.parseString(css);
        return c;
      };
      const root = /** @type {any} */ (globalThis).chrome.dom.openOrClosedShadowRoot(document.querySelector(hostSelector));
      const result = await /** @type {any} */ (globalThis).axe.run({ include: [[hostSelector]] }, { runOnly: { type: 'tag', values }, resultTypes: ['violations', 'passes'] });
      /** The first opaque background at or behind `el`, within the overlay. @param {Element} el */
      const background = (el) => {
        for (let e = /** @type {Element | null} */ (el); e; e = e.parentElement) {
          const bg = parse(getComputedStyle(e).backgroundColor);
          if (bg.alpha === 1) return bg;
          if (bg.alpha > 0) return null;
        }
        return null;
      };
      const contrast = [];
      for (const el of root.querySelectorAll('*')) {
        const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        // How opaque the text is drawn: its own opacity and every ancestor's, up to the root.
        let opacity = 1;
        for (let e = /** @type {Element | null} */ (el); e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
        // Shown text only: a disabled control is exempt (WCAG 1.4.3), a see-through one not seen.
        if (!own || el.disabled || !box.width || !box.height || style.visibility !== 'visible' || opacity === 0) continue;
        const bg = background(el);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        const fg = parse(style.color);
        fg.alpha *= opacity;
        contrast.push({ text: own.slice(0, 60), ratio: bg ? Math.round(color.getContrast(bg, fg) * 100) / 100 : 0, required: large ? 3 : 4.5 });
      }
      return {
        violations: result.violations.map((/** @type {any} */ v) => ({
          id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
          nodes: v.nodes.map((/** @type {any} */ n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
        })),
        passed: Object.fromEntries(result.passes.map((/** @type {any} */ p) => [p.id, p.nodes.length])),
        contrast,
        dialog: root.querySelector('[role=dialog]')?.getBoundingClientRect().toJSON() ?? null,
        viewport: { width: innerWidth, height: innerHeight },
      };
    };
    return await evaluate(`(${run})(${JSON.stringify(host)}, ${JSON.stringify(tags)})`);
  } finally {
    await cdp.detach();
  }
}

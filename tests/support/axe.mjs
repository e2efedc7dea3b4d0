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

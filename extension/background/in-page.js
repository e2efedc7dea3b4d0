// Calls into the helpers that extension/content/collect-page.js leaves in the captured document.
import { CaptureError } from './errors.js';

/**
 * What each helper of collect-page.js resolves to.
 * @typedef {{
 *   collect: import('../shared/types.js').CollectedPage,
 *   measure: import('../shared/types.js').PageMeasure,
 *   scrollTo: number,
 *   restore: void,
 * }} PageHelpers
 */

/**
 * Calls a helper of collect-page.js in the page.
 * @template {keyof PageHelpers} Name
 * @param {number} tabId @param {number} frameId @param {Name} name @param {unknown[]} [args]
 * @returns {Promise<PageHelpers[Name]>}
 */
export function inPage(tabId, frameId, name, args = []) {
  return /** @type {Promise<PageHelpers[Name]>} */ (callInPage('temoinPage', tabId, frameId, name, args));
}

/**
 * Calls `name` among the helpers a content script left in the document under `global`
 * (`temoinPage`, `temoinConversation`).
 * @param {string} global @param {number} tabId @param {number} frameId @param {string} name
 * @param {unknown[]} args
 * @returns {Promise<unknown>}
 */
export async function callInPage(global, tabId, frameId, name, args) {
  const [result] = await chrome.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    // A failure in the page comes back as a value: the browser would drop a thrown error.
    func: async (/** @type {string} */ g, /** @type {string} */ fn, /** @type {unknown[]} */ a) => {
      // The helpers live in the document they were injected into: missing, the page was replaced.
      const helpers = /** @type {Record<string, Record<string, (...args: unknown[]) => unknown> | undefined>} */ (/** @type {unknown} */ (globalThis))[g];
      if (!helpers) return { gone: true };
      try {
        return { value: await helpers[fn](...a) };
      } catch (e) {
        return { error: String(/** @type {Error | undefined} */ (e)?.stack ?? e) };
      }
    },
    args: [global, name, args],
  });
  const answer = /** @type {{ value?: unknown, error?: string, gone?: boolean } | undefined} */ (result?.result);
  if (!answer) throw new Error(`${name}: the page gave no answer`);
  if (answer.gone) throw new CaptureError('page-changed', `${name}: the page was replaced during the capture`);
  if (answer.error !== undefined) throw new Error(`${name} failed in the page: ${answer.error}`);
  return answer.value;
}

// "Capture several posts": the menu item shows Témoin's selection over the page
// (extension/content/select-posts.js); once the person presses "Capture (N)", ONE capture keeps
// the page once (visible screen, full page, HTML, snapshot, MHTML: the normal capture's steps)
// and one item per chosen post: its fields, read as a right-clicked post is read, and its own
// crop cut from the full-page image at the post's box (`item-001.png`...), whose digest the
// record ties to the item.
import { core, ready } from '../shared/core.js';
import { currentCaseId, reportLanguage } from '../shared/settings.js';
import { currentLanguage, t } from '../shared/i18n.js';
import { takeFullPage } from './capture-screens.js';
import { confirmSameDocument } from './capture-page.js';
import { recordCapture } from './capture-record.js';
import { oneAtATime, readAsShown, tabToCapture } from './capture.js';
import { CaptureError, isNotScriptable } from './errors.js';
import { showProgress } from './progress.js';

export const SEVERAL_MENU_ID = 'temoin-capture-several';
/** The most posts one capture keeps; beyond, the record says `items-capped`. */
export const MAX_SELECTED_ITEMS = 500;
// The readers, then the selection that uses them.
const SELECTION_FILES = ['extension/content/read-block.js', 'extension/content/read-structured.js', 'extension/content/extract-post.js', 'extension/content/select-posts.js'];

/**
 * @typedef {import('./capture-types.js').CaptureStep} CaptureStep
 * @typedef {import('./capture-types.js').CapturedArtifact} CapturedArtifact
 * @typedef {import('./capture-record.js').CaptureResult} CaptureResult
 * @typedef {import('../shared/types.js').CollectedPage} CollectedPage
 * @typedef {import('../shared/types/Post').Post} Post
 * @typedef {{ x: number, y: number, width: number, height: number }} Box
 * @typedef {{ scope: 'ticked' | 'replies' | 'author', reader: string, chosen: number, gone: number, capped: boolean, items: { post: Post, box: Box }[] }} Chosen
 */

/** For tests and automation: the last selection capture started by a "Capture" press. */
const hooks = /** @type {{ last: Promise<CaptureResult> | null, startSelection: typeof startSelection }} */ ({ last: null, startSelection });
/** @type {any} */ (globalThis).temoinSelection = hooks;

/**
 * The menu's handler: shows the selection in the right-clicked frame. Nothing is written until
 * the person presses "Capture"; then the page's message starts `captureSelection`.
 * @param {Partial<chrome.contextMenus.OnClickData>} info
 * @param {chrome.tabs.Tab | undefined} tab
 * @returns {Promise<{ posts: number, anchor: boolean, reader: string }>}
 */
export async function startSelection(info, tab) {
  if (!tab || tab.id === undefined || tab.id < 0) throw new CaptureError('no-tab', 'there is no tab to select posts in');
  await ready();
  const frameId = info.frameId ?? 0;
  const shown = await chrome.tabs.get(tab.id);
  const platform = core.recognise(shown.url ?? info.pageUrl ?? '')?.platform;
  try {
    await chrome.scripting.executeScript({ target: { tabId: tab.id, frameIds: [frameId] }, files: SELECTION_FILES });
  } catch (e) {
    if (isNotScriptable(e)) throw new CaptureError('page-not-scriptable', String(/** @type {Error | undefined} */ (e)?.message ?? e));
    throw e;
  }
  const options = { platform, lang: currentLanguage(), max: MAX_SELECTED_ITEMS, strings: selectionStrings() };
  const [result] = await chrome.scripting.executeScript({
    target: { tabId: tab.id, frameIds: [frameId] },
    func: (/** @type {typeof options} */ o) => /** @type {any} */ (globalThis).temoinSelect.open(o),
    args: [options],
  });
  return /** @type {{ posts: number, anchor: boolean, reader: string }} */ (result?.result);
}

/** The overlay's words, in the language chosen for every screen. */
function selectionStrings() {
  return {
    region: t('selectionRegion'),
    title: t('selectionTitle'),
    help: t('selectionHelp'),
    replies: t('selectionReplies'),
    repliesOf: t('selectionRepliesOf', ['{author}']),
    author: t('selectionAuthor'),
    capture: t('selectionCapture', ['{n}']),
    cancel: t('selectionCancel'),
    countOne: t('selectionCount_one', ['{n}']),
    countOther: t('selectionCount_other', ['{n}']),
    tick: t('selectionTick', ['{author}', '{text}']),
    unknownAuthor: t('selectionUnknownAuthor'),
    noAnchor: t('selectionNoAnchor'),
    noReplies: t('selectionNoneFound'),
    noPosts: t('selectionNoPosts'),
    capped: t('selectionCapped', ['{n}']),
  };
}

/**
 * Whether a message is the selection's "Capture" press, sent by Témoin's own script in a tab.
 * @param {unknown} message @param {chrome.runtime.MessageSender} sender
 */
export function isSelectionCapture(message, sender) {
  return !!message && typeof message === 'object' && /** @type {any} */ (message).temoinSelection === 'capture' && sender.id === chrome.runtime.id && !!sender.tab && sender.frameId !== undefined;
}

/**
 * The capture of the posts chosen in the tab's frame `info.frameId`.
 * @param {Partial<chrome.contextMenus.OnClickData>} info
 * @param {chrome.tabs.Tab | undefined} tab
 * @param {string} [caseId]
 * @returns {Promise<CaptureResult>}
 */
export function captureSelection(info, tab, caseId) {
  // After any other capture of this tab under way: both would scroll the page.
  const run = oneAtATime(tab, () => captureChosen(info, tab, caseId));
  hooks.last = run;
  run.catch(() => {});
  return run;
}

/**
 * @param {Partial<chrome.contextMenus.OnClickData>} info
 * @param {chrome.tabs.Tab | undefined} tab
 * @param {string} [caseId]
 * @returns {Promise<CaptureResult>}
 */
async function captureChosen(info, tab, caseId) {
  const { tabId, shown } = await tabToCapture(tab);
  await showProgress(tabId, t('popupSelectionProgress'));
  await ready();
  const [targetCase, lang] = await Promise.all([caseId ?? currentCaseId(), reportLanguage()]);
  const started = new Date();
  const frameId = info.frameId ?? 0;
  // As the single capture, then the full page (always: the items' crops are cut from it).
  const { screens, pageRead, mhtml } = await readAsShown(tabId, shown, frameId, info);
  const { page } = pageRead;
  if (!page) throw new CaptureError('page-changed', 'the page can no longer be read');
  const chosen = await readChosen(tabId, frameId);
  const full = await takeFullPage(tabId, shown.windowId, frameId, page, true);
  const crops = await cropItems(chosen.items.map((i) => i.box), page, frameId, screens.png, full.png);
  await confirmSameDocument(tabId, frameId, shown, page);

  // The right-clicked post is the page's context; "not found" would only say none was clicked.
  const pageStep = { artifacts: pageRead.artifacts, notices: pageRead.notices.filter((n) => n !== 'post-not-found') };
  /** @type {CaptureStep} */
  const selection = { artifacts: [], notices: chosen.capped ? ['items-capped'] : [] };
  return recordCapture({
    caseId: targetCase,
    lang,
    info,
    tab: shown,
    frameId,
    started,
    page,
    post: null,
    steps: [screens, pageStep, mhtml, full, crops, selection],
    items: chosen.items.map((item, i) => ({ post: item.post, crop: crops.names[i] })),
    collection: { mode: 'selection', scope: chosen.scope, reader: chosen.reader },
  });
}

/**
 * The posts the person chose, read again in the page now.
 * @param {number} tabId @param {number} frameId
 * @returns {Promise<Chosen>}
 */
async function readChosen(tabId, frameId) {
  const [result] = await chrome.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    func: (/** @type {number} */ max) => /** @type {any} */ (globalThis).temoinSelect?.items(max) ?? null,
    args: [MAX_SELECTED_ITEMS],
  });
  const chosen = /** @type {Chosen | null | undefined} */ (result?.result);
  if (!chosen || chosen.items.length === 0) throw new CaptureError('page-changed', 'the posts chosen are no longer on the page');
  return chosen;
}

/**
 * One crop per item, cut at its box from the full page (or from the visible screen when the
 * page fits in it), decoded once. An item outside the image has no crop; one cut at the image's
 * edge is kept, and the record says `item-crop-clipped`.
 * @param {Box[]} boxes CSS pixels of the document
 * @param {CollectedPage} page @param {number} frameId
 * @param {Uint8Array<ArrayBuffer>} visible @param {Uint8Array<ArrayBuffer> | null} full
 * @returns {Promise<CaptureStep & { names: (string | undefined)[] }>}
 */
async function cropItems(boxes, page, frameId, visible, full) {
  /** @type {(string | undefined)[]} */
  const names = boxes.map(() => undefined);
  // A frame's boxes are not where the screenshots show them.
  if (frameId !== 0) return { artifacts: [], notices: ['post-in-frame-not-cropped'], names };
  const scale = page.devicePixelRatio || 1;
  const source = full ? { png: full, name: 'screenshot-full.png', dx: 0, dy: 0 } : { png: visible, name: 'screenshot-visible.png', dx: page.scroll.x, dy: page.scroll.y };
  const image = await createImageBitmap(new Blob([source.png], { type: 'image/png' }));
  /** @type {CapturedArtifact[]} */
  const artifacts = [];
  let clipped = false;
  try {
    for (const [i, b] of boxes.entries()) {
      const want = { x: Math.round((b.x - source.dx) * scale), y: Math.round((b.y - source.dy) * scale), right: Math.round((b.x - source.dx + b.width) * scale), bottom: Math.round((b.y - source.dy + b.height) * scale) };
      const x = Math.max(0, want.x);
      const y = Math.max(0, want.y);
      const right = Math.min(image.width, want.right);
      const bottom = Math.min(image.height, want.bottom);
      if (right <= x || bottom <= y) {
        clipped = true;
        continue;
      }
      if (x !== want.x || y !== want.y || right !== want.right || bottom !== want.bottom) clipped = true;
      const canvas = new OffscreenCanvas(right - x, bottom - y);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2D canvas in this browser');
      ctx.drawImage(image, x, y, right - x, bottom - y, 0, 0, right - x, bottom - y);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      const name = `item-${String(i + 1).padStart(3, '0')}.png`;
      names[i] = name;
      artifacts.push({ name, mediaType: 'image/png', bytes, method: `crop of ${source.name} to item ${i + 1}'s box (CSS pixels × ${scale})` });
    }
  } finally {
    image.close();
  }
  return { artifacts, notices: clipped ? ['item-crop-clipped'] : [], names };
}

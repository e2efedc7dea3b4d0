// « Capturer la conversation »: a chat's or a thread's messages, scrolled in their own pane.
// The usual capture's steps first (the visible screenshot, the page's HTML and snapshot, MHTML,
// the right-clicked message), then the person's choice (from the top of what is loaded, or back
// to a date), then the app's older messages loaded the way it loads them (the pane scrolled to
// its top until no more come, the date is passed, or a time or size limit stops it), then the
// pane scrolled from that start to its end: each screen cropped to the pane's box and stitched
// into one image, each message read while shown and kept once, and the pane's HTML. The
// content side is extension/content/chats/ (one reader per app, conversation.js dispatching).
import { ready } from '../shared/core.js';
import { t, currentLanguage } from '../shared/i18n.js';
import { utf8 } from '../shared/utf8.js';
import { captureSettings, currentCaseId, reportLanguage } from '../shared/settings.js';
import { takeFullPage } from './capture-screens.js';
import { confirmSameDocument } from './capture-page.js';
import { cropPost } from './capture-post.js';
import { recordCapture } from './capture-record.js';
import { oneAtATime, readAsShown, tabToCapture } from './capture.js';
import { captureVisibleTab } from './screenshot.js';
import { crop, stitch } from './images.js';
import { CaptureCancelled, CaptureError, isPageGone } from './errors.js';
import { showProgress } from './progress.js';
import { callInPage } from './in-page.js';

export const CONVERSATION_MENU_ID = 'temoin-capture-conversation';

// The readers, each app's in its own file, the dispatcher and the choice last.
const CHAT_FILES = [
  'extension/content/read-block.js',
  'extension/content/chats/common.js',
  ...['whatsapp', 'messenger', 'instagram', 'discord', 'telegram', 'snapchat', 'gmail', 'outlook', 'generic'].map((app) => `extension/content/chats/${app}.js`),
  'extension/content/chats/conversation.js',
  'extension/content/chats/choose.js',
];

/** The stitched image stops at this many device pixels (a canvas has limits); the messages are still all read. */
const MAX_PANE_DEVICE_PX = 30_000;
/** Largest pane HTML kept, in characters. */
const MAX_PANE_HTML_CHARS = 20 * 1024 * 1024;
/** Most messages one capture keeps (the core's limit). */
const MAX_ITEMS = 5_000;

/**
 * @typedef {{ loadMs: number, waitMs: number, maxContentPx: number, maxPaneDevicePx: number }} Limits
 */
/**
 * How long loading older messages may take, how long to wait for the app to answer one scroll
 * to the top, how tall the loaded content may grow (all three: the capture then goes on with
 * what it has, `pane-start-not-reached`), and how tall the stitched image may be.
 */
/** @type {Limits} */
const LIMITS = { loadMs: 120_000, waitMs: 3_000, maxContentPx: 1_000_000, maxPaneDevicePx: MAX_PANE_DEVICE_PX };

/**
 * @typedef {{ scope: 'loaded' } | { scope: 'since', since: string }} Choice
 * @typedef {import('./capture-types.js').CaptureStep} CaptureStep
 * @typedef {{ box: { x: number, y: number, width: number, height: number }, contentHeight: number, clientHeight: number,
 *   scrollTop: number, dpr: number, messages: number, viewport: { width: number, height: number } }} PaneMeasure
 * @typedef {{
 *   find: (PaneMeasure & { reader: string, platform: string | null, title: string | null }) | null,
 *   older: PaneMeasure & { grew: boolean, passed: boolean, busy: boolean },
 *   startAt: number,
 *   screen: { y: number, contentHeight: number, box: PaneMeasure['box'], dpr: number, read: number },
 *   items: { posts: import('../shared/types/Post').Post[], total: number },
 *   html: { html: string, truncated: boolean },
 *   restore: void,
 *   choose: Choice | null,
 * }} ConversationHelpers
 */

/**
 * Calls a helper of extension/content/chats/conversation.js in the page.
 * @template {keyof ConversationHelpers} Name
 * @param {number} tabId @param {number} frameId @param {Name} name @param {unknown[]} [args]
 * @returns {Promise<ConversationHelpers[Name]>}
 */
function inConversation(tabId, frameId, name, args = []) {
  return /** @type {Promise<ConversationHelpers[Name]>} */ (callInPage('temoinConversation', tabId, frameId, name, args));
}

/**
 * The handler of « Capturer la conversation ». `choice` skips the question (automation and
 * tests); `limits` bounds the loading of older messages.
 * @param {Partial<chrome.contextMenus.OnClickData>} info
 * @param {chrome.tabs.Tab | undefined} tab
 * @param {{ choice?: Choice, limits?: Partial<Limits>, caseId?: string }} [options]
 */
export function captureConversation(info, tab, options = {}) {
  return oneAtATime(tab, () => conversationOfTab(info, tab, options));
}

/**
 * @param {Partial<chrome.contextMenus.OnClickData>} info
 * @param {chrome.tabs.Tab | undefined} tab
 * @param {{ choice?: Choice, limits?: Partial<Limits>, caseId?: string }} options
 */
async function conversationOfTab(info, tab, options) {
  const { tabId, shown } = await tabToCapture(tab);
  await ready();
  const [targetCase, lang, settings] = await Promise.all([options.caseId ?? currentCaseId(), reportLanguage(), captureSettings()]);
  const limits = { ...LIMITS, ...options.limits };
  const started = new Date();
  const frameId = info.frameId ?? 0;

  // A pane inside a frame is not where the tab's screenshots show it: not stitched wrongly, refused.
  if (frameId !== 0) throw new CaptureError('invalid-input', t('conversationInFrame'));
  // The conversation first: without one, nothing is taken and the person is told why.
  await inject(tabId, frameId);
  const found = await inConversation(tabId, frameId, 'find');
  if (!found) throw new CaptureError('invalid-input', t('conversationNoPane'));

  // The usual capture, the page as the person left it.
  const { screens, pageRead, mhtml } = await readAsShown(tabId, shown, frameId, info);
  const { page } = pageRead;
  const full = await takeFullPage(tabId, shown.windowId, frameId, page, settings.fullPage);
  const post = await cropPost(page, frameId, screens.png, full.png);

  const choice = options.choice ?? (await inConversation(tabId, frameId, 'choose', [choiceStrings()]));
  if (!choice) throw new CaptureCancelled(t('conversationCancelled'));
  const since = choice.scope === 'since' ? choice.since : undefined;
  // The pane scrolls by itself for up to two minutes: the toolbar says the capture is under way
  // until its result replaces it.
  await showProgress(tabId, t('popupConversationProgress'));

  /** @type {CaptureStep} */
  let paneStep;
  /** @type {import('../shared/types/Collection').Collection} */
  let collection;
  /** @type {import('../shared/types/Post').Post[]} */
  let posts;
  try {
    const reachedStart = await loadOlder(tabId, frameId, since, limits);
    const stitched = await scrollPane(tabId, shown.windowId, frameId, since, limits.maxPaneDevicePx);
    const read = await inConversation(tabId, frameId, 'items', [since, MAX_ITEMS]);
    const html = await inConversation(tabId, frameId, 'html', [MAX_PANE_HTML_CHARS]);
    posts = read.posts;
    if (!posts.length) throw new CaptureError('invalid-input', t('conversationNoMessages'));
    /** @type {import('./capture-types.js').CaptureNotice[]} */
    const notices = [];
    if (!reachedStart) notices.push('pane-start-not-reached');
    if (stitched.capped) notices.push('pane-capped');
    if (read.total > posts.length) notices.push('items-capped');
    paneStep = {
      artifacts: [
        {
          name: 'screenshot-conversation.png',
          mediaType: 'image/png',
          bytes: stitched.png,
          method: `the conversation's pane scrolled from ${since ? `the first message of ${since}` : 'its top'} to its end: ${stitched.screens} tabs.captureVisibleTab screens, each cropped to the pane's box (CSS pixels × ${stitched.dpr}) and stitched${stitched.capped ? `, capped at ${stitched.height} of ${stitched.wanted} CSS pixels` : ''}`,
        },
        {
          name: 'pane.html',
          mediaType: 'text/html;charset=utf-8',
          bytes: utf8(html.html),
          method: `the conversation's pane, outerHTML once its older messages were loaded, isolated world${html.truncated ? ` (cut at ${MAX_PANE_HTML_CHARS} characters)` : ''}`,
        },
      ],
      notices,
    };
    collection = {
      mode: 'conversation',
      scope: choice.scope,
      since,
      title: found.title ?? undefined,
      reader: found.reader,
      pane: { contentHeight: stitched.contentHeight, stitchedHeight: stitched.height, cap: stitched.cap, reachedStart, image: 'screenshot-conversation.png' },
    };
  } finally {
    await inConversation(tabId, frameId, 'restore').catch(() => {});
  }
  await confirmSameDocument(tabId, frameId, shown, page);

  const steps = page ? [screens, pageRead, mhtml, full, post, paneStep] : [screens, pageRead, paneStep];
  return recordCapture({
    caseId: targetCase, lang, info, tab: shown, frameId, started, page, post: post.crop, steps,
    items: posts.map((p) => ({ post: p })),
    collection,
  });
}

/** Injects the readers into the frame (again at each capture: a page may have been replaced). @param {number} tabId @param {number} frameId */
async function inject(tabId, frameId) {
  try {
    await chrome.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: CHAT_FILES });
  } catch (e) {
    if (isPageGone(e)) throw new CaptureError('page-changed', String(/** @type {Error | undefined} */ (e)?.message ?? e));
    throw new CaptureError('page-not-scriptable', String(/** @type {Error | undefined} */ (e)?.message ?? e));
  }
}

/**
 * Loads the app's older messages: the pane scrolled to its top again and again, until the app
 * adds nothing more, or the day asked for is passed. False when a limit stopped it first.
 * @param {number} tabId @param {number} frameId @param {string | undefined} since @param {Limits} limits
 */
async function loadOlder(tabId, frameId, since, limits) {
  const deadline = Date.now() + limits.loadMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    const r = await inConversation(tabId, frameId, 'older', [Math.min(limits.waitMs, left), since]);
    if (r.passed) return true;
    if (!r.grew) return !r.busy && Date.now() <= deadline;
    if (r.contentHeight > limits.maxContentPx || r.messages > MAX_ITEMS) return false;
  }
}

/**
 * Scrolls the pane from its start to its end, a pane's height at a time: each screen is read
 * (in the page) and, up to the cap, captured and cropped to the pane's box.
 * @param {number} tabId @param {number} windowId @param {number} frameId @param {string | undefined} since
 * @param {number} maxDevicePx
 */
async function scrollPane(tabId, windowId, frameId, since, maxDevicePx) {
  const startY = await inConversation(tabId, frameId, 'startAt', [since]);
  const first = await inConversation(tabId, frameId, 'screen', [startY, false]);
  return stitchFrom(tabId, windowId, frameId, startY, first, maxDevicePx);
}

/**
 * @param {number} tabId @param {number} windowId @param {number} frameId @param {number} startY
 * @param {ConversationHelpers['screen']} first the pane at its start, read
 * @param {number} maxDevicePx
 */
async function stitchFrom(tabId, windowId, frameId, startY, first, maxDevicePx) {
  const box = first.box;
  const dpr = first.dpr || 1;
  const cap = Math.floor(maxDevicePx / dpr);
  const contentHeight = first.contentHeight;
  const wanted = Math.max(0, contentHeight - startY);
  const height = Math.min(wanted, cap);
  const step = Math.max(1, Math.floor(box.height));
  /** @type {{ png: Uint8Array<ArrayBuffer>, y: number }[]} */
  const screens = [];
  let at = first;
  for (let top = startY; ; ) {
    const offset = at.y - startY;
    if (offset < height) {
      const shot = await captureVisibleTab(windowId);
      const cut = await crop(shot, { x: box.x * dpr, y: box.y * dpr, width: box.width * dpr, height: box.height * dpr });
      if (cut) screens.push({ png: cut.png, y: Math.round(offset * dpr) });
    }
    if (at.y + box.height >= at.contentHeight - 1) break;
    top += step;
    const next = await inConversation(tabId, frameId, 'screen', [top, true]);
    // A pane that did not move (an app holding it) ends the scroll.
    if (next.y <= at.y) break;
    at = next;
  }
  const png = await stitch(screens, Math.max(1, Math.round(height * dpr)));
  return { png, screens: screens.length, dpr, cap, contentHeight, height, wanted, capped: wanted > cap };
}

/** The choice's words, in the extension's language. */
function choiceStrings() {
  const today = new Date();
  const ymd = (/** @type {Date} */ d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return {
    lang: currentLanguage(),
    title: t('conversationChoiceTitle'),
    hint: t('conversationChoiceHint'),
    loaded: t('conversationChoiceLoaded'),
    since: t('conversationChoiceSince'),
    date: t('conversationChoiceDate'),
    start: t('conversationChoiceStart'),
    cancel: t('conversationChoiceCancel'),
    defaultSince: ymd(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 7)),
    today: ymd(today),
  };
}

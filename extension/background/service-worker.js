// Témoin's background: every listener is registered on the first turn (a MV3 worker may be
// woken by any of them); the WASM core loads behind one promise awaited in the handlers.
import { capture } from './capture.js';
import { captureConversation, CONVERSATION_MENU_ID } from './capture-conversation.js';
import { conversationMenuShown, createConversationMenu, listenForPanes } from './conversation-menu.js';
import { answersCarried } from './in-page.js';
import { listenForPageAnswers } from './page-answers.js';
import { listenForPageReading } from './page-reading.js';
import { SEVERAL_MENU_ID, captureSelection, isSelectionCapture, startSelection } from './capture-selection.js';
import { describeFailure, isCancelled } from './errors.js';
import { clearProgress } from './progress.js';
import { core, coreRestarts, coreTimings, ready } from '../shared/core.js';
import { initLanguage, t } from '../shared/i18n.js';
import { processTimestampQueue, queueTimestamp } from '../shared/timestamps.js';
import { CAPTURE_ACTIVE_TAB, capturedKey, isCaptureActiveTab, isFromExtensionPage } from '../shared/protocol.js';

const MENU_ID = 'temoin-capture';
const TIMESTAMP_ALARM = 'timestamps';
const ICON = 'extension/icons/icon-128.png';
// Firefox's notifications have no buttons (a click on the notification itself opens the guide).
const NOTIFICATION_BUTTONS = !chrome.runtime.getURL('').startsWith('moz-extension:');

// The language is decided once, from the setting or else the browser's, and followed here:
// the menu, the notifications and the capture's caption band speak it.
let languageReady = initLanguage();

async function createMenus() {
  await languageReady.catch(() => undefined);
  await chrome.contextMenus.removeAll();
  chrome.contextMenus.create({
    id: MENU_ID,
    title: t('menuCapture'),
    contexts: ['page', 'selection', 'link', 'image'],
  });
  createConversationMenu();
  chrome.contextMenus.create({ id: SEVERAL_MENU_ID, title: t('selectionMenu'), contexts: ['page', 'selection', 'link', 'image'] });
}

/** Asks for the queued time stamps; what fails is tried again by the alarm. */
async function stampQueued() {
  const left = await processTimestampQueue().catch((e) => {
    console.warn('time stamps deferred', e);
    return 1;
  });
  if (left > 0) await chrome.alarms.create(TIMESTAMP_ALARM, { delayInMinutes: 5 });
  else await chrome.alarms.clear(TIMESTAMP_ALARM);
}

/** The last notification shown, for the tests (a notification's text cannot be read back). */
let notified = { id: '', title: '', message: '', created: false };

/** The notification of a capture names its case and number, so that a click opens its guide. */
const notificationId = (/** @type {string} */ caseId, /** @type {number} */ seq) => `capture|${encodeURIComponent(caseId)}|${seq}`;

/** @param {string} id */
function openGuideFor(id) {
  const [kind, caseId, seq] = id.split('|');
  if (kind !== 'capture') return;
  const query = new URLSearchParams({ case: decodeURIComponent(caseId), capture: seq });
  void chrome.tabs.create({ url: chrome.runtime.getURL(`extension/pages/guide.html?${query}`) });
  void chrome.notifications.clear(id);
}

/**
 * A confirmation the page can neither read nor imitate: the browser's own notification.
 * @param {string} id @param {string} title @param {string} message @param {boolean} withButton
 */
async function notify(id, title, message, withButton) {
  notified = { id, title, message, created: false };
  await chrome.notifications
    .create(id, {
      type: 'basic',
      iconUrl: chrome.runtime.getURL(ICON),
      title,
      message,
      ...(withButton && NOTIFICATION_BUTTONS ? { buttons: [{ title: t('notifyWhatNow') }] } : {}),
    })
    .then(() => {
      notified.created = true;
    })
    .catch((e) => console.warn('notification failed', e));
}

/**
 * @typedef {{ items?: { post?: { authorHandle?: string, authorName?: string } }[], collection?: { mode?: string }, notices?: string[] }} RecordSeen
 * what the notification reads of the capture's record
 */

/**
 * The capture's record, as far as the notification reads it (a record that cannot be read gives
 * the plain notification).
 * @param {import('./capture.js').CaptureResult} result
 * @returns {RecordSeen}
 */
function recordOf(result) {
  try {
    return JSON.parse(result.json).body ?? {};
  } catch {
    return {};
  }
}

/**
 * The notification's title: for a capture of several messages, how many were kept, and for a
 * selection by several accounts, how many accounts (read from the record's items).
 * @param {number} seq @param {RecordSeen} record
 */
function capturedTitle(seq, record) {
  const n = String(seq);
  const items = record.items ?? [];
  if (items.length < 2) return t('notifyCapturedTitle', [n]);
  const accounts = new Set(items.map((i) => i.post?.authorHandle?.toLowerCase() || i.post?.authorName).filter(Boolean));
  if (record.collection?.mode === 'selection' && accounts.size > 1) return t('notifyCapturedRepliesTitle', [n, String(items.length), String(accounts.size)]);
  return t('notifyCapturedItemsTitle', [n, String(items.length)]);
}

/**
 * The notification's message: where the picture of the post, or of some selected posts, is cut
 * or missing, the guide it opens says how to capture them whole (as the core's guide decides:
 * one post, or a selection; never a conversation, whose pane is its picture).
 * @param {RecordSeen} record
 */
function capturedMessage(record) {
  const notices = record.notices ?? [];
  const mode = record.collection?.mode;
  if (mode === 'selection' && notices.includes('item-crop-clipped')) return t('notifyCapturedItemsCutMessage');
  if (mode === undefined && notices.includes('post-crop-clipped')) return t('notifyCapturedCutMessage');
  return t('notifyCapturedMessage');
}

/**
 * Captures and tells the user how it went on the toolbar button.
 * @param {Partial<chrome.contextMenus.OnClickData>} info
 * @param {chrome.tabs.Tab | undefined} tab
 * @param {(info: Partial<chrome.contextMenus.OnClickData>, tab: chrome.tabs.Tab | undefined) => Promise<import('./capture.js').CaptureResult>} [run] the capture to make: by default, the menu item's
 * @returns {Promise<import('../shared/protocol.js').CaptureReply | { ok: false, code: 'cancelled', message: string }>}
 */
async function captureAndReport(info, tab, run = info.menuItemId === CONVERSATION_MENU_ID ? captureConversation : capture) {
  const tabId = tab?.id;
  await languageReady.catch(() => undefined);
  try {
    const result = await run(info, tab);
    if (tabId !== undefined) {
      await chrome.action.setBadgeBackgroundColor({ tabId, color: '#1f3a5f' });
      await chrome.action.setBadgeText({ tabId, text: String(result.seq) });
      await chrome.action.setTitle({ tabId, title: t('popupCaptured', [String(result.seq)]) });
      // Which case the number on the button belongs to, for the popup (popup.js).
      await chrome.storage.session.set({ [capturedKey(tabId)]: { caseId: result.caseId, seq: result.seq } }).catch(() => {});
    }
    const record = recordOf(result);
    await notify(notificationId(result.caseId, result.seq), capturedTitle(result.seq, record), capturedMessage(record), true);
    // Independent time, when on: queued now, asked for after; the capture never waits for it.
    void queueTimestamp({ caseId: result.caseId, seq: result.seq, hash: result.hash }).then(stampQueued);
    return { ok: true, seq: result.seq, hash: result.hash, caseId: result.caseId };
  } catch (e) {
    // The person's own « Annuler »: no failure shown, no badge, the « … » taken away.
    if (isCancelled(e)) {
      if (tabId !== undefined && tabId >= 0) await clearProgress(tabId);
      return { ok: false, code: 'cancelled', message: String(/** @type {Error} */ (e).message) };
    }
    const failure = describeFailure(e);
    console.error('capture failed', e);
    await notify(`failure|${Date.now()}`, t('notifyFailedTitle'), failure.message, false);
    if (tabId !== undefined && tabId >= 0) {
      await chrome.action.setBadgeBackgroundColor({ tabId, color: '#b00020' }).catch(() => {});
      await chrome.action.setBadgeText({ tabId, text: '!' }).catch(() => {});
      await chrome.action.setTitle({ tabId, title: failure.message }).catch(() => {});
    }
    return { ok: false, ...failure };
  }
}

// Nearly every event needs the core: start loading it now, while the event is dispatched.
void ready().catch((e) => console.error('the core failed to load', e));

chrome.runtime.onInstalled.addListener((details) => {
  void createMenus();
  // Once, at the first install: the guide shows how to capture and what to do next.
  if (details.reason === 'install') void chrome.tabs.create({ url: chrome.runtime.getURL('extension/pages/guide.html') });
});
chrome.runtime.onStartup.addListener(() => {
  void createMenus();
  void stampQueued();
});
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === TIMESTAMP_ALARM) void stampQueued();
});
chrome.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if (changes.language) {
    languageReady = initLanguage();
    void createMenus();
  }
  // Turned on, or pointed at another authority: what waits is tried now.
  if (changes.timestamps?.newValue === true || changes.timestampAuthority) void stampQueued();
});
chrome.notifications.onClicked.addListener(openGuideFor);
chrome.notifications.onButtonClicked?.addListener((id) => openGuideFor(id));

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) void captureAndReport(info, tab);
  else if (info.menuItemId === CONVERSATION_MENU_ID) void captureAndReport(info, tab, captureConversation);
  else if (info.menuItemId === SEVERAL_MENU_ID) {
    void languageReady.catch(() => undefined).then(() => startSelection(info, tab)).catch((e) => captureAndReport(info, tab, () => Promise.reject(e)));
  }
});

// The selection's "Capture (N)", pressed in the page: one capture of the posts chosen.
chrome.runtime.onMessage.addListener((message, sender) => {
  if (!isSelectionCapture(message, sender)) return false;
  void captureAndReport({ menuItemId: SEVERAL_MENU_ID, frameId: sender.frameId, pageUrl: sender.tab?.url }, sender.tab, captureSelection);
  return false;
});
listenForPanes();
listenForPageReading();
listenForPageAnswers();

chrome.commands.onCommand.addListener((command, tab) => {
  if (command === 'capture-tab') void captureAndReport({ menuItemId: command }, tab);
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!isFromExtensionPage(sender) || !isCaptureActiveTab(message)) return false;
  chrome.tabs
    .query({ active: true, lastFocusedWindow: true })
    .then(([tab]) => captureAndReport({ menuItemId: CAPTURE_ACTIVE_TAB }, tab))
    .then(sendResponse);
  return true;
});

// The very functions the menu uses, for tests and automation from the worker's console.
/** @type {any} */ (globalThis).temoin = {
  capture,
  captureConversation,
  captureAndReport,
  ready,
  core,
  coreRestarts,
  coreTimings,
  // Test hook: what a person's click on a capture's notification does (headless browsers show
  // no notifications to click).
  clickNotificationForTesting: openGuideFor,
  // Test hook: what the alarm does, without waiting for it.
  stampQueuedForTesting: stampQueued,
  get lastNotificationForTesting() {
    return notified;
  },
  // Test hook: how the pages' readings came back (in-page.js).
  answersCarriedForTesting: answersCarried,
  // Test hook: whether « Capturer la conversation » is shown now.
  get conversationMenuForTesting() {
    return conversationMenuShown();
  },
  // A fault on demand, for the reliability suite: the instance aborts as on a panic.
  abortCoreForTesting: async () => {
    await ready();
    core.abortForTesting();
  },
};

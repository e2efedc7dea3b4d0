// Témoin's background: every listener is registered on the first turn (a MV3 worker may be
// woken by any of them); the WASM core loads behind one promise awaited in the handlers.
import { capture } from './capture.js';
import { describeFailure } from './errors.js';
import { core, coreRestarts, coreTimings, ready } from '../shared/core.js';
import { exportBundle } from '../shared/export.js';
import { CAPTURE_ACTIVE_TAB, isCaptureActiveTab, isFromExtensionPage } from '../shared/protocol.js';

const MENU_ID = 'temoin-capture';

function createMenus() {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({
      id: MENU_ID,
      title: chrome.i18n.getMessage('menuCapture'),
      contexts: ['page', 'selection', 'link', 'image'],
    });
  });
}

/**
 * Captures and tells the user how it went on the toolbar button.
 * @param {Partial<chrome.contextMenus.OnClickData>} info
 * @param {chrome.tabs.Tab | undefined} tab
 * @returns {Promise<import('../shared/protocol.js').CaptureReply>}
 */
async function captureAndReport(info, tab) {
  const tabId = tab?.id;
  try {
    const result = await capture(info, tab);
    if (tabId !== undefined) {
      await chrome.action.setBadgeBackgroundColor({ tabId, color: '#1f3a5f' });
      await chrome.action.setBadgeText({ tabId, text: String(result.seq) });
      await chrome.action.setTitle({ tabId, title: chrome.i18n.getMessage('popupCaptured', [String(result.seq)]) });
    }
    return { ok: true, seq: result.seq, hash: result.hash };
  } catch (e) {
    const failure = describeFailure(e);
    console.error('capture failed', e);
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
  createMenus();
  // Once, at the first install: the guide shows how to capture and what to do next.
  if (details.reason === 'install') void chrome.tabs.create({ url: chrome.runtime.getURL('extension/pages/guide.html') });
});
chrome.runtime.onStartup.addListener(createMenus);

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) void captureAndReport(info, tab);
});

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
/**
 * The exact bytes the journal page's Export button saves for this case.
 * @param {string} caseId
 * @param {{ language?: string }} [options]
 */
async function exportBundleBytes(caseId, options) {
  const { blob } = await exportBundle(caseId, options);
  return new Uint8Array(await blob.arrayBuffer());
}

/** @type {any} */ (globalThis).temoin = {
  capture,
  captureAndReport,
  exportBundle: exportBundleBytes,
  ready,
  core,
  coreRestarts,
  coreTimings,
  // A fault on demand, for the reliability suite: the instance aborts as on a panic.
  abortCoreForTesting: async () => {
    await ready();
    core.abortForTesting();
  },
};

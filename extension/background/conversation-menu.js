// « Capturer la conversation » shows only where there is a conversation to scroll: the content
// script (extension/content/capture-target.js) tells, as the pointer moves, whether the element
// under it sits in a scrolling pane, so the item is shown or hidden before the right-click
// (Chromium builds the menu when the click comes: an update sent from the contextmenu event
// itself may come too late). Firefox asks again as the menu opens (menus.onShown, then
// menus.refresh()). A click where no pane is found says so and records nothing.
import { t } from '../shared/i18n.js';
import { CONVERSATION_MENU_ID } from './capture-conversation.js';

/** Whether the pointer was last over a pane, per tab. @type {Map<number, boolean>} */
const paneInTab = new Map();
/** The item's visibility as last set. @type {boolean | undefined} */
let visible;

/** Adds the item to the menus createMenus has just reset. */
export function createConversationMenu() {
  visible = false;
  chrome.contextMenus.create({ id: CONVERSATION_MENU_ID, title: t('conversationMenu'), contexts: ['page', 'selection', 'link', 'image'], visible: false });
}

/** @param {boolean} show */
async function setVisible(show) {
  if (show === visible) return;
  visible = show;
  await chrome.contextMenus.update(CONVERSATION_MENU_ID, { visible: show }).catch(() => {
    visible = undefined;
  });
}

/** Registers the listeners, on the worker's first turn. */
export function listenForPanes() {
  chrome.runtime.onMessage.addListener((message, sender) => {
    // Only this extension's content scripts, in a tab, and only this boolean.
    if (sender.id !== chrome.runtime.id || !sender.tab?.id || typeof message?.temoinPane !== 'boolean') return false;
    paneInTab.set(sender.tab.id, message.temoinPane);
    if (sender.tab.active) void setVisible(message.temoinPane);
    return false;
  });
  chrome.tabs.onActivated.addListener(({ tabId }) => void setVisible(paneInTab.get(tabId) ?? false));
  chrome.tabs.onRemoved.addListener((tabId) => paneInTab.delete(tabId));
  const menus = /** @type {any} */ (globalThis).browser?.menus;
  if (menus?.onShown) {
    // The menu shown now, so that an update that comes after it closed changes nothing (MDN, menus.onShown).
    let shownMenu = 0;
    let menuCount = 0;
    menus.onShown.addListener(async (/** @type {unknown} */ _info, /** @type {chrome.tabs.Tab | undefined} */ tab) => {
      const instance = ++menuCount;
      shownMenu = instance;
      const show = tab?.id !== undefined && (paneInTab.get(tab.id) ?? false);
      if (show === visible) return;
      visible = show;
      await chrome.contextMenus.update(CONVERSATION_MENU_ID, { visible: show });
      if (shownMenu === instance) await menus.refresh();
    });
    menus.onHidden?.addListener(() => {
      shownMenu = 0;
    });
  }
}

/** The item's visibility as last set, for the tests. */
export function conversationMenuShown() {
  return visible;
}

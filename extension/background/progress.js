// The toolbar's « … » while a long capture runs (a conversation scrolled, the posts of a
// selection cropped); the capture's result, or its cancel, replaces it (service-worker.js).
import { t } from '../shared/i18n.js';

/** The badge text of a capture under way. */
export const PROGRESS_BADGE = '…';

/** @param {number} tabId @param {string} title */
export async function showProgress(tabId, title) {
  await chrome.action.setBadgeBackgroundColor({ tabId, color: '#1f3a5f' }).catch(() => {});
  await chrome.action.setBadgeText({ tabId, text: PROGRESS_BADGE }).catch(() => {});
  await chrome.action.setTitle({ tabId, title }).catch(() => {});
}

/** Takes the « … » away (a cancel), and the title back to the manifest's. @param {number} tabId */
export async function clearProgress(tabId) {
  if ((await chrome.action.getBadgeText({ tabId }).catch(() => '')) !== PROGRESS_BADGE) return;
  await chrome.action.setBadgeText({ tabId, text: '' }).catch(() => {});
  await chrome.action.setTitle({ tabId, title: t('extName') }).catch(() => {});
}

// The toolbar button: capture the tab, say it worked (or why not), and open what comes next.
import { captureShortcut, initLanguage, localise, t } from '../shared/i18n.js';
import { CAPTURE_ACTIVE_TAB, capturedKey } from '../shared/protocol.js';
import { currentCaseId } from '../shared/settings.js';
import { byId } from './dom.js';

await initLanguage();
localise();
const button = /** @type {HTMLButtonElement} */ (byId('capture'));
const status = byId('status');
const whatNow = byId('what-now');

const keys = await captureShortcut();
byId('shortcut').textContent = keys ? t('popupShortcut', [keys]) : '';

/** Says that capture `seq` of `caseId` is saved, and links to what to do now. @param {number} seq @param {string} caseId */
function showSaved(seq, caseId) {
  status.className = 'status-ok';
  status.textContent = t('notifyCapturedTitle', [String(seq)]);
  whatNow.setAttribute('href', `guide.html?${new URLSearchParams({ case: caseId, capture: String(seq) })}`);
  whatNow.hidden = false;
}

// A capture made from the page's menu puts its number on this button (or « ! » and why, on a
// failure): said here too, for whoever opens the popup to check that it worked.
const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
if (tab?.id !== undefined) {
  const tabId = tab.id;
  const badge = await chrome.action.getBadgeText({ tabId }).catch(() => '');
  if (/^\d+$/.test(badge)) {
    // The case the capture went to, which may no longer be the current one.
    const key = capturedKey(tabId);
    /** @type {Record<string, any>} */
    const stored = await chrome.storage.session.get(key).catch(() => ({}));
    const saved = stored[key];
    showSaved(Number(badge), saved?.seq === Number(badge) ? saved.caseId : await currentCaseId());
  } else if (badge === '!') {
    status.className = 'status-bad';
    status.textContent = await chrome.action.getTitle({ tabId }).catch(() => '');
  }
}

button.addEventListener('click', async () => {
  button.disabled = true;
  whatNow.hidden = true;
  status.className = '';
  status.textContent = t('popupCapturing');
  /** @type {import('../shared/protocol.js').CaptureReply} */
  const reply = await chrome.runtime.sendMessage({ kind: CAPTURE_ACTIVE_TAB });
  if (reply.ok) showSaved(reply.seq, reply.caseId);
  else {
    status.className = 'status-bad';
    status.textContent = reply.message;
  }
  button.disabled = false;
});

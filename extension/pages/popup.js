// The toolbar button: capture the tab, say it worked (or why not), and open what comes next.
import { captureShortcut, initLanguage, localise, t } from '../shared/i18n.js';
import { CAPTURE_ACTIVE_TAB } from '../shared/protocol.js';
import { byId } from './dom.js';

await initLanguage();
localise();
const button = /** @type {HTMLButtonElement} */ (byId('capture'));
const status = byId('status');
const whatNow = byId('what-now');

const keys = await captureShortcut();
byId('shortcut').textContent = keys ? t('popupShortcut', [keys]) : '';

button.addEventListener('click', async () => {
  button.disabled = true;
  whatNow.hidden = true;
  status.className = '';
  status.textContent = t('popupCapturing');
  /** @type {import('../shared/protocol.js').CaptureReply} */
  const reply = await chrome.runtime.sendMessage({ kind: CAPTURE_ACTIVE_TAB });
  if (reply.ok) {
    status.className = 'status-ok';
    status.textContent = t('notifyCapturedTitle', [String(reply.seq)]);
    whatNow.setAttribute('href', `guide.html?${new URLSearchParams({ case: reply.caseId, capture: String(reply.seq) })}`);
    whatNow.hidden = false;
  } else {
    status.className = 'status-bad';
    status.textContent = reply.message;
  }
  button.disabled = false;
});

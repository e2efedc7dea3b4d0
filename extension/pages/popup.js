import { initLanguage, localise, t } from '../shared/i18n.js';
import { CAPTURE_ACTIVE_TAB } from '../shared/protocol.js';

await initLanguage();
localise();
const button = /** @type {HTMLButtonElement} */ (document.getElementById('capture'));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));

button.addEventListener('click', async () => {
  button.disabled = true;
  status.className = '';
  status.textContent = t('popupCapturing');
  /** @type {import('../shared/protocol.js').CaptureReply} */
  const reply = await chrome.runtime.sendMessage({ kind: CAPTURE_ACTIVE_TAB });
  if (reply.ok) {
    status.className = 'status-ok';
    status.textContent = t('popupCaptured', [String(reply.seq)]);
  } else {
    status.className = 'status-bad';
    status.textContent = reply.message;
  }
  button.disabled = false;
});

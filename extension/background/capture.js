// One capture, end to end: screenshot and HTML of the tab, hashed and sealed by the core,
// then stored with the new journal head in one transaction.
import { core, ready } from '../shared/core.js';
import { appendEvent } from '../shared/journal.js';
import { currentCaseId } from '../shared/settings.js';
import { snapshotPage } from '../content/page-snapshot.js';
import { captureVisibleTab } from './screenshot.js';
import { CaptureError } from './errors.js';

/**
 * @typedef {import('../shared/store.js').NewArtifact & { method: string }} CapturedArtifact
 * @typedef {{ seq: number, hash: string, json: string, caseId: string }} CaptureResult
 */

/**
 * The handler of the context menu, the keyboard command and the popup button.
 * @param {Partial<chrome.contextMenus.OnClickData>} info
 * @param {chrome.tabs.Tab | undefined} tab
 * @param {string} [caseId] the case to add it to; the current case by default
 * @returns {Promise<CaptureResult>}
 */
export async function capture(info, tab, caseId) {
  if (!tab || tab.id === undefined || tab.id < 0) {
    throw new CaptureError('no-tab', 'there is no tab to capture');
  }
  const tabId = tab.id;
  const targetCase = caseId ?? (await currentCaseId());
  const current = await chrome.tabs.get(tabId);
  if (!current.active) {
    // captureVisibleTab shows the window's active tab: any other tab would be misrecorded.
    throw new CaptureError('tab-not-visible', 'the tab to capture is not the one shown in its window');
  }
  await ready();
  const capturedAt = new Date().toISOString();

  const png = await captureVisibleTab(current.windowId);
  const [injection] = await chrome.scripting.executeScript({
    target: { tabId, frameIds: [info.frameId ?? 0] },
    func: snapshotPage,
  });
  const page = /** @type {import('../content/page-snapshot.js').PageSnapshot | undefined} */ (injection?.result);
  if (!page || typeof page.html !== 'string') {
    throw new CaptureError('page-not-scriptable', 'the page returned nothing to capture');
  }

  /** @type {CapturedArtifact[]} */
  const artifacts = [
    { name: 'screenshot-visible.png', mediaType: 'image/png', bytes: png, method: 'tabs.captureVisibleTab' },
    {
      name: 'page.html',
      mediaType: 'text/html;charset=utf-8',
      bytes: new TextEncoder().encode(page.html),
      method: 'document.documentElement.outerHTML',
    },
  ];
  const record = {
    kind: 'capture',
    page: { url: page.url, title: page.title },
    capturedAt,
    artifacts: artifacts.map((a) => ({
      name: a.name,
      mediaType: a.mediaType,
      size: a.bytes.byteLength,
      sha256: core.sha256Hex(a.bytes),
      method: a.method,
    })),
  };
  const sealed = await appendEvent(targetCase, record, { artifacts });
  return { ...sealed, caseId: targetCase };
}

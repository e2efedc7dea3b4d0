// One capture, end to end: what the user sees, the page and the post, hashed and sealed by
// the core, then stored with the new journal head in one transaction. Screenshots first (the
// closest to what the user saw), then the page; anything that cannot be had is said in the
// record (`notices`), never silently dropped, and nothing half-written ever lands. Each step
// is in its own file and hands back its files and notices; this one runs them in order.
import { core, ready } from '../shared/core.js';
import { captureSettings, currentCaseId, reportLanguage } from '../shared/settings.js';
import { takeScreens, takeFullPage } from './capture-screens.js';
import { confirmSameDocument, takePage } from './capture-page.js';
import { takeMhtml } from './capture-mhtml.js';
import { whenPageReads } from './page-reading.js';
import { cropPost } from './capture-post.js';
import { recordCapture } from './capture-record.js';
import { CaptureError } from './errors.js';

/** @typedef {import('./capture-record.js').CaptureResult} CaptureResult */

/** The capture under way in each tab: a second one waits for it (both would scroll the page). */
/** @type {Map<number, Promise<unknown>>} */
const busyTabs = new Map();

/**
 * The handler of the context menu, the keyboard command and the popup button. Captures of one
 * tab run one after the other; captures of different tabs run side by side.
 * @param {Partial<chrome.contextMenus.OnClickData>} info
 * @param {chrome.tabs.Tab | undefined} tab
 * @param {string} [caseId] the case to add it to; the current case by default
 * @returns {Promise<CaptureResult>}
 */
export function capture(info, tab, caseId) {
  return oneAtATime(tab, () => captureTab(info, tab, caseId));
}

/**
 * Runs `run` after the captures of `tab` under way (both would scroll the page).
 * @template T
 * @param {chrome.tabs.Tab | undefined} tab @param {() => Promise<T>} run
 * @returns {Promise<T>}
 */
export function oneAtATime(tab, run) {
  const tabId = tab?.id;
  if (tabId === undefined) return run();
  const queued = (busyTabs.get(tabId) ?? Promise.resolve()).catch(() => {}).then(run);
  busyTabs.set(tabId, queued);
  const forget = () => {
    if (busyTabs.get(tabId) === queued) busyTabs.delete(tabId);
  };
  queued.then(forget, forget);
  return queued;
}

/**
 * One capture of one tab.
 * @param {Partial<chrome.contextMenus.OnClickData>} info
 * @param {chrome.tabs.Tab | undefined} tab
 * @param {string} [caseId]
 * @returns {Promise<CaptureResult>}
 */
async function captureTab(info, tab, caseId) {
  const { tabId, shown } = await tabToCapture(tab);
  await ready();
  const [targetCase, lang, settings] = await Promise.all([caseId ?? currentCaseId(), reportLanguage(), captureSettings()]);
  const started = new Date();
  const frameId = info.frameId ?? 0;
  const { screens, pageRead, mhtml } = await readAsShown(tabId, shown, frameId, info);
  const { page } = pageRead;
  const full = await takeFullPage(tabId, shown.windowId, frameId, page, settings.fullPage, screens.png);
  const post = await cropPost(page, frameId, screens.png, full.png);
  await confirmSameDocument(tabId, frameId, shown, page);

  // A page that could not be read leaves the screenshot and the reason why; an MHTML taken of
  // it anyway is not kept.
  const steps = page ? [screens, pageRead, mhtml, full, post] : [screens, pageRead];
  return recordCapture({ caseId: targetCase, lang, info, tab: shown, frameId, started, page, post: post.crop, steps });
}

/**
 * The screenshot, the page's reading and its MHTML, as the person left the page. All three only
 * read it, so they run side by side (the MHTML from when the reading has started: both run on
 * the page's thread, and the reading is what the capture waits for); whatever scrolls (a full
 * page, a pane) comes after them.
 * @param {number} tabId @param {chrome.tabs.Tab} shown @param {number} frameId
 * @param {Partial<chrome.contextMenus.OnClickData>} info
 */
export async function readAsShown(tabId, shown, frameId, info) {
  const platform = core.recognise(shown.url ?? info.pageUrl ?? '')?.platform;
  const screensTaken = takeScreens(shown.windowId);
  const reading = whenPageReads(tabId, frameId);
  const pageTaken = takePage(tabId, frameId, platform, info);
  pageTaken.then(reading.release, reading.release);
  // Asked for once the reading has started, the MHTML is made after it, not before it.
  const mhtmlTaken = reading.started.then(() => takeMhtml(tabId));
  // Whatever fails first, none of the others may end as an unhandled rejection.
  pageTaken.catch(() => {});
  mhtmlTaken.catch(() => {});
  const screens = await screensTaken;
  const pageRead = await pageTaken;
  const mhtml = await mhtmlTaken;
  return { screens, pageRead, mhtml };
}

/**
 * The tab to capture, as it is now; it must be the one its window shows.
 * @param {chrome.tabs.Tab | undefined} tab
 */
export async function tabToCapture(tab) {
  if (!tab || tab.id === undefined || tab.id < 0) {
    throw new CaptureError('no-tab', 'there is no tab to capture');
  }
  const shown = await chrome.tabs.get(tab.id);
  if (!shown.active) {
    // captureVisibleTab shows the window's active tab: any other tab would be misrecorded.
    throw new CaptureError('tab-not-visible', 'the tab to capture is not the one shown in its window');
  }
  return { tabId: tab.id, shown };
}

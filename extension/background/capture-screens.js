// The capture's screenshots of the window: what the user sees, then the whole page by
// scroll-and-stitch.
import { captureVisibleTab } from './screenshot.js';
import { stitch } from './images.js';
import { inPage } from './in-page.js';
import { CaptureError } from './errors.js';
import { hashedNow } from './capture-record.js';

/** The full page stops at this many screens or device pixels (a canvas has limits). */
const MAX_FULL_PAGE_SCREENS = 30;
const MAX_FULL_PAGE_DEVICE_PX = 30_000;

/**
 * @typedef {import('./capture-types.js').CaptureStep} CaptureStep
 * @typedef {import('../shared/types.js').CollectedPage} CollectedPage
 */

/**
 * The screenshot of what the window shows: the closest to what the user saw. Without it there
 * is no capture.
 * @param {number} windowId
 * @returns {Promise<CaptureStep & { png: Uint8Array<ArrayBuffer> }>}
 */
export async function takeScreens(windowId) {
  let png;
  try {
    png = await captureVisibleTab(windowId);
  } catch (e) {
    throw new CaptureError('page-not-capturable', String(/** @type {Error | undefined} */ (e)?.message ?? e));
  }
  // Hashed now, while the page is still reading itself.
  return { artifacts: [hashedNow({ name: 'screenshot-visible.png', mediaType: 'image/png', bytes: png, method: 'tabs.captureVisibleTab (PNG)' })], notices: [], png };
}

/**
 * The whole page of the top frame, when the settings ask for it and the page was read.
 * @param {number} tabId @param {number} windowId @param {number} frameId
 * @param {CollectedPage | null} page @param {boolean} wanted the setting `fullPage`
 * @param {Uint8Array<ArrayBuffer>} [visible] the capture's visible screenshot, taken as the page
 *   began its reading: the stitch's first screen when the page was at its top then, did not
 *   move while it was read, and still is, in a window of the same size and zoom
 * @returns {Promise<CaptureStep & { png: Uint8Array<ArrayBuffer> | null }>}
 */
export async function takeFullPage(tabId, windowId, frameId, page, wanted, visible) {
  if (!page) return { artifacts: [], notices: [], png: null };
  if (!wanted) return { artifacts: [], notices: ['full-page-off'], png: null };
  if (frameId !== 0) return { artifacts: [], notices: [], png: null };
  const full = await scrollAndStitch(tabId, windowId, page, visible);
  if (!full) return { artifacts: [], notices: ['full-page-is-visible'], png: null };
  return {
    artifacts: [{
      name: 'screenshot-full.png',
      mediaType: 'image/png',
      bytes: full.png,
      method: `scroll-and-stitch of ${full.screens} tabs.captureVisibleTab screens${full.firstIsVisible ? ' (the first is screenshot-visible.png)' : ''}${full.capped ? `, capped at ${full.cssHeight} of ${full.pageHeight} CSS pixels` : ''}`,
    }],
    notices: full.capped ? ['full-page-capped'] : [],
    png: full.png,
  };
}

/**
 * The whole page by scroll-and-stitch, fixed and sticky elements shown once; null when it fits
 * the viewport (the visible screenshot is the whole page).
 * @param {number} tabId @param {number} windowId @param {CollectedPage} page its reading
 * @param {Uint8Array<ArrayBuffer>} [visible] the visible screenshot, taken as the reading began
 */
async function scrollAndStitch(tabId, windowId, page, visible) {
  const m = await inPage(tabId, 0, 'measure');
  if (m.pageHeight <= m.height + 1 && m.y === 0) return null;
  const maxCss = Math.min(MAX_FULL_PAGE_SCREENS * m.height, Math.floor(MAX_FULL_PAGE_DEVICE_PX / m.dpr));
  const total = Math.min(m.pageHeight, maxCss);
  const first = visible && isFirstScreen(visible, page, m) ? visible : undefined;
  /** @type {{ png: Uint8Array<ArrayBuffer>, y: number }[]} */
  const screens = first ? [{ png: first, y: 0 }] : [];
  try {
    for (let top = first ? m.height : 0; top < total; top += m.height) {
      const y = await inPage(tabId, 0, 'scrollTo', [top, screens.length > 0]);
      screens.push({ png: await captureVisibleTab(windowId), y: Math.round(y * m.dpr) });
      if (y + m.height >= m.pageHeight) break;
    }
  } finally {
    await inPage(tabId, 0, 'restore', [m.x, m.y]);
  }
  const png = await stitch(screens, Math.round(total * m.dpr));
  return { png, capped: m.pageHeight > total, screens: screens.length, firstIsVisible: !!first, cssHeight: total, pageHeight: m.pageHeight };
}

/**
 * Whether the visible screenshot is the stitch's first screen, one capture fewer at the
 * browser's 2 a second: the page was at its top as its reading began, did not move while it
 * was read, is still there, in a window of the same size and zoom, and the image is that size.
 * @param {Uint8Array} png @param {CollectedPage} page
 * @param {import('../shared/types.js').PageMeasure} m the page measured now
 */
function isFirstScreen(png, page, m) {
  const { width, height } = pngSize(png);
  const atTop = page.scroll.x === 0 && page.scroll.y === 0 && page.scrollSteady && m.x === 0 && m.y === 0;
  const sameWindow = m.dpr === page.devicePixelRatio && m.width === page.viewport.width && m.height === page.viewport.height;
  return atTop && sameWindow && width === Math.round(m.width * m.dpr) && height === Math.round(m.height * m.dpr);
}

/** A PNG's size, from its header. @param {Uint8Array} png */
function pngSize(png) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return png.byteLength >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : { width: 0, height: 0 };
}

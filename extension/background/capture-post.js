// The capture's images of the post: its crop from a screenshot, and a captioned copy of it that
// states the capture's number, time and address.
import { t } from '../shared/i18n.js';
import { captionTimes } from '../shared/dates.js';
import { crop, withCaption } from './images.js';

/**
 * @typedef {import('./capture-types.js').CaptureStep} CaptureStep
 * @typedef {import('../shared/types.js').CollectedPage} CollectedPage
 * @typedef {{ png: Uint8Array<ArrayBuffer>, scale: number }} PostCrop the crop, and the device pixel ratio it was taken at
 */

/**
 * The post cut out of the visible screenshot, or out of the full page when it lies outside the
 * view. Only in the top frame: a frame's boxes are not where the screenshots show them.
 * @param {CollectedPage | null} page
 * @param {number} frameId
 * @param {Uint8Array<ArrayBuffer>} visible the visible screenshot
 * @param {Uint8Array<ArrayBuffer> | null} full the full page, when taken
 * @returns {Promise<CaptureStep & { crop: PostCrop | null }>}
 */
export async function cropPost(page, frameId, visible, full) {
  if (!page) return { artifacts: [], notices: [], crop: null };
  if (frameId !== 0) return { artifacts: [], notices: page.post ? ['post-in-frame-not-cropped'] : [], crop: null };
  const box = page.postBox;
  if (!box) return { artifacts: [], notices: [], crop: null };
  const scale = page.devicePixelRatio || 1;
  const inView = box.y >= 0 && box.y + box.height <= page.viewport.height;
  const cropOf = (/** @type {{ png: Uint8Array<ArrayBuffer>, top: number }} */ from) =>
    crop(from.png, { x: box.x * scale, y: (box.y + from.top) * scale, width: box.width * scale, height: box.height * scale });
  let source = !inView && full ? { png: full, top: page.scroll.y } : { png: visible, top: 0 };
  let cut = await cropOf(source);
  if (source.png !== visible && (!cut || cut.clipped)) {
    // The full page's picture stops after its last screen: of a post past it, or running past
    // it, the screen's own picture may show more.
    const onScreen = await cropOf({ png: visible, top: 0 });
    if (onScreen && (!cut || onScreen.height > cut.height)) {
      cut = onScreen;
      source = { png: visible, top: 0 };
    }
  }
  // Wholly outside the pictures: no crop, and the record says so.
  if (!cut) return { artifacts: [], notices: box.width > 0 && box.height > 0 ? ['post-crop-clipped'] : [], crop: null };
  return {
    artifacts: [{ name: 'screenshot-post.png', mediaType: 'image/png', bytes: cut.png, method: `crop of ${source.png === visible ? 'screenshot-visible.png' : 'screenshot-full.png'} to the post's box (CSS pixels × ${scale})` }],
    notices: cut.clipped ? ['post-crop-clipped'] : [],
    crop: { png: cut.png, scale },
  };
}

/**
 * A copy of the post's crop with a caption band: the capture's number, its time and the
 * address. The number is the entry's, so the copy is made for each number tried.
 * @param {PostCrop | null} post
 * @param {number} seq @param {string} capturedAt @param {string} url
 * @returns {Promise<CaptureStep>}
 */
export async function captionPost(post, seq, capturedAt, url) {
  if (!post) return { artifacts: [], notices: [] };
  const times = captionTimes(capturedAt);
  const lines = [t('captionTitle', [String(seq)]), t('captionTime', [times.local, times.utc]), url];
  return {
    artifacts: [{ name: 'screenshot-post-captioned.png', mediaType: 'image/png', bytes: await withCaption(post.png, lines, post.scale), method: 'copy of screenshot-post.png with a caption band (capture number, time, address); the original is unchanged' }],
    notices: [],
  };
}

// Image work for captures, on OffscreenCanvas: the post crop, the full-page stitch and the
// captioned copy. Originals are never modified; each result is a new PNG.

/** @param {Uint8Array<ArrayBuffer>} png */
function decode(png) {
  return createImageBitmap(new Blob([png], { type: 'image/png' }));
}

/** @param {OffscreenCanvas} canvas @returns {Promise<Uint8Array<ArrayBuffer>>} */
async function encode(canvas) {
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}

/** @param {number} width @param {number} height */
function canvas2d(width, height) {
  const canvas = new OffscreenCanvas(Math.max(1, width), Math.max(1, height));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this browser');
  return { canvas, ctx };
}

/**
 * Crops `png` to a box in device pixels, clipped to the image.
 * @param {Uint8Array<ArrayBuffer>} png
 * @param {{ x: number, y: number, width: number, height: number }} box
 * @returns {Promise<{ png: Uint8Array<ArrayBuffer>, width: number, height: number, clipped: boolean } | null>}
 */
export async function crop(png, box) {
  const image = await decode(png);
  const x = Math.max(0, Math.round(box.x));
  const y = Math.max(0, Math.round(box.y));
  const right = Math.min(image.width, Math.round(box.x + box.width));
  const bottom = Math.min(image.height, Math.round(box.y + box.height));
  if (right <= x || bottom <= y) return null;
  const { canvas, ctx } = canvas2d(right - x, bottom - y);
  ctx.drawImage(image, x, y, right - x, bottom - y, 0, 0, right - x, bottom - y);
  const clipped = x !== Math.round(box.x) || y !== Math.round(box.y) || right !== Math.round(box.x + box.width) || bottom !== Math.round(box.y + box.height);
  return { png: await encode(canvas), width: right - x, height: bottom - y, clipped };
}

/**
 * Stitches screens taken at successive scroll positions into one image as wide as they are.
 * @param {{ png: Uint8Array<ArrayBuffer>, y: number }[]} screens `y` in device pixels
 * @param {number} height device pixels; what lies below is cut
 */
export async function stitch(screens, height) {
  const images = await Promise.all(screens.map((s) => decode(s.png)));
  const { canvas, ctx } = canvas2d(images[0]?.width ?? 1, height);
  images.forEach((image, i) => ctx.drawImage(image, 0, screens[i].y));
  return encode(canvas);
}

/**
 * A copy of `png` with a band below it that states the capture: the protocol asks that date
 * and time be visible on the image. The original stays as taken.
 * @param {Uint8Array<ArrayBuffer>} png
 * @param {string[]} lines
 * @param {number} scale device pixel ratio
 */
export async function withCaption(png, lines, scale) {
  const image = await decode(png);
  const lineHeight = Math.round(18 * scale);
  const pad = Math.round(10 * scale);
  const width = Math.max(image.width, Math.round(640 * scale));
  const font = `${Math.round(13 * scale)}px sans-serif`;
  // Every word of the caption is shown: a time or an address cut short would say less than the
  // record, so long lines wrap (an address anywhere, other text at spaces).
  const measure = canvas2d(1, 1).ctx;
  measure.font = font;
  const shown = lines.flatMap((line) => wrapText(measure, line, width - pad * 2));
  const band = pad * 2 + lineHeight * shown.length;
  const { canvas, ctx } = canvas2d(width, image.height + band);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, image.height + band);
  ctx.drawImage(image, 0, 0);
  ctx.fillStyle = '#1f3a5f';
  ctx.fillRect(0, image.height, width, band);
  ctx.fillStyle = '#ffffff';
  ctx.font = font;
  ctx.textBaseline = 'top';
  shown.forEach((line, i) => ctx.fillText(line, pad, image.height + pad + i * lineHeight));
  return encode(canvas);
}

/**
 * `text` as lines no wider than `max`: cut at the last space that fits, or anywhere when one
 * word alone is wider (an address).
 * @param {{ measureText(text: string): { width: number } }} ctx @param {string} text @param {number} max
 */
export function wrapText(ctx, text, max) {
  /** @type {string[]} */
  const out = [];
  let rest = text;
  while (rest && ctx.measureText(rest).width > max) {
    // The longest prefix that fits, found by halving (addresses can be long).
    let low = 1;
    let high = rest.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (ctx.measureText(rest.slice(0, mid)).width <= max) low = mid;
      else high = mid - 1;
    }
    const space = rest.lastIndexOf(' ', low);
    const cut = space > 0 ? space : low;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

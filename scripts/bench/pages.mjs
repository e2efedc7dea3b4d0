// Pages for the capture benchmark, written at run time: a feed of about 3 MB (DOM and images)
// and a heavy page of about 20 MB, with noise PNGs (incompressible, like photos).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/** A PNG of random pixels. @param {number} width @param {number} height @param {number} seed */
export function noisePng(width, height, seed) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let x = seed | 1;
  for (let i = 0; i < raw.length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    raw[i] = i % (width * 3 + 1) === 0 ? 0 : x & 0xff;
  }
  const chunk = (/** @type {string} */ type, /** @type {Buffer} */ data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 1 })), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * @param {number} posts @param {number} stateBytes per post, in data attributes (as frameworks leave)
 * @param {number} images @param {string} title
 */
function feed(posts, stateBytes, images, title) {
  const state = 'x'.repeat(stateBytes);
  const items = [];
  for (let i = 0; i < posts; i += 1) {
    const img = i < images ? `<img src="img-${i}.png" width="320" height="180" alt="photo ${i}">` : '';
    items.push(`<article class="post" data-id="${i}" data-state="${state}"><a rel="author" href="/u/${i}">Compte ${i}</a> <a rel="bookmark" href="/p/${i}"><time datetime="2026-11-27T10:${String(i % 60).padStart(2, '0')}:00Z">27 nov.</time></a><p class="text">Message ${i} : t'es vraiment nulle, tout le lycée le sait.</p>${img}</article>`);
  }
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title><style>article{border-bottom:1px solid #ddd;padding:6px;font:15px sans-serif}img{display:block}</style></head><body>${items.join('\n')}</body></html>`;
}

/** Writes feed/ and heavy/ under `dir`; returns their sizes. @param {string} dir */
export async function writeBenchPages(dir) {
  /** @type {Record<string, { html: number, images: number }>} */
  const sizes = {};
  for (const [name, posts, stateBytes, images] of /** @type {const} */ ([
    ['feed', 40, 40_000, 12],
    ['heavy', 150, 100_000, 30],
  ])) {
    const root = join(dir, name);
    await mkdir(root, { recursive: true });
    const html = feed(posts, stateBytes, images, name);
    await writeFile(join(root, 'index.html'), html);
    let imageBytes = 0;
    for (let i = 0; i < images; i += 1) {
      const png = noisePng(320, 180, i + 1);
      imageBytes += png.length;
      await writeFile(join(root, `img-${i}.png`), png);
    }
    sizes[name] = { html: html.length, images: imageBytes };
  }
  return sizes;
}

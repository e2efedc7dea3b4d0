// Capture that stands as evidence, in a real browser: a real right-click inside a post on
// pages shaped like each platform's, served under the real host names; the extracted fields,
// the post crop against the element's box, every artifact's hash recomputed in Node; and the
// bad cases (internal pages, a poisoned page, frames, a huge page). Concurrent captures and a
// worker stopped mid-capture are the fault suite's (faults.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { serveHosts } from '../support/hosts.mjs';
import { serveFixtures } from '../support/server.mjs';
import { captureThroughMenu, launchWithExtension, readStoredJournal } from '../support/chromium.mjs';

const sha256 = (/** @type {Buffer} */ b) => createHash('sha256').update(b).digest('hex');

/** @type {Awaited<ReturnType<typeof serveHosts>>} */
let hosts;
/** @type {Awaited<ReturnType<typeof serveFixtures>>} */
let plain;
/** @type {Awaited<ReturnType<typeof launchWithExtension>>} */
let browser;

before(async () => {
  hosts = await serveHosts();
  plain = await serveFixtures();
  browser = await launchWithExtension({ args: hosts.chromiumArgs });
});

after(async () => {
  await browser?.close();
  await hosts?.close();
  await plain?.close();
});

/** @type {import('playwright-core').Page} */
let reader;

/** An extension page to read IndexedDB from, independent of the service worker's state. */
async function readerPage() {
  if (!reader || reader.isClosed()) {
    reader = await browser.context.newPage();
    await reader.goto(browser.extensionUrl('extension/pages/import.html'));
  }
  return reader;
}

/**
 * The reader page, with `pixelsOf(base64)` there: a PNG decoded to its width, height and RGBA
 * pixels, for the tests that look into a screenshot.
 */
async function pixelReader() {
  const page = await readerPage();
  await page.evaluate(() => {
    /** @type {any} */ (globalThis).pixelsOf ??= async (/** @type {string} */ base64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${base64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
      ctx.drawImage(img, 0, 0);
      return { width: img.width, height: img.height, data: ctx.getImageData(0, 0, img.width, img.height).data };
    };
  });
  return page;
}

/** The number of the last entry, reading no artifact. */
async function lastSeq() {
  const { entries } = await readStoredJournal(await readerPage(), 'default', { onlySeq: -1 });
  return entries.at(-1)?.seq ?? 0;
}

/** The latest entry of the default case, with its stored artifacts checked against it. */
async function latest() {
  const stored = await readStoredJournal(await readerPage(), 'default', { onlySeq: await lastSeq() });
  const entry = stored.entries.at(-1);
  assert.ok(entry);
  assert.equal(sha256(Buffer.from(entry.json)), entry.hash);
  const event = JSON.parse(entry.json);
  /** @type {Record<string, Buffer>} */
  const files = {};
  for (const a of event.body.artifacts) {
    const s = stored.artifacts.find((x) => x.seq === event.seq && x.name === a.name);
    assert.ok(s, `${a.name} is stored`);
    const bytes = Buffer.from(s.base64, 'base64');
    assert.equal(bytes.length, a.size, a.name);
    assert.equal(sha256(bytes), a.sha256, `${a.name}: recomputed SHA-256 matches the journal`);
    files[a.name] = bytes;
  }
  return { event, files, stored };
}

/** @param {Buffer} png */
const pngSize = (png) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/**
 * Opens `url`, right-clicks `target`, captures through the menu's handler.
 * @param {string} url @param {string} target @param {string} container the post's element
 */
async function captureRightClicked(url, target, container) {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.bringToFront();
  await page.click(target, { button: 'right' });
  const box = await page.locator(container).first().boundingBox();
  const dpr = await page.evaluate(() => devicePixelRatio);
  const carried = () => browser.worker.evaluate(() => ({ .../** @type {any} */ (globalThis).temoin.answersCarriedForTesting }));
  const before = await carried();
  await captureThroughMenu(browser.worker, page.url());
  // A page's reading of a few kilobytes comes back as the script's result.
  const after = await carried();
  assert.deepEqual([after.byMessage - before.byMessage, after.byResult - before.byResult], [0, 1]);
  const result = await latest();
  await page.close();
  return { ...result, box, dpr };
}

const PLATFORMS = [
  {
    name: 'X',
    url: 'https://x.com/corbeau_noir/status/1790000000000000042',
    target: 'article[data-testid="tweet"] [data-testid="tweetText"] span',
    container: 'article[data-testid="tweet"]',
    post: {
      platform: 'x', kind: 'post', authorName: 'Corbeau Noir', authorHandle: 'corbeau_noir',
      authorUrl: 'https://x.com/corbeau_noir', permalink: 'https://x.com/corbeau_noir/status/1790000000000000042',
      postId: '1790000000000000042', publishedAt: '2026-11-27T21:14:00.000Z', publishedText: '27 nov.',
      text: '@lea_m personne ne veut de toi au lycée. Demain tout le monde verra tes photos.',
    },
  },
  {
    // A display name made to read as another account's handle, the handle run into the date:
    // the account named is the one the profile link leads to.
    name: 'X, a display name that reads as a handle',
    url: 'https://x.com/impersonation.html',
    target: 'article[data-testid="tweet"] [data-testid="tweetText"] span',
    container: 'article[data-testid="tweet"]',
    post: {
      platform: 'x', kind: 'post', authorName: '@pie_bavarde', authorHandle: 'faux_compte_2',
      authorUrl: 'https://x.com/faux_compte_2', permalink: 'https://x.com/faux_compte_2/status/1790000000000000777',
      publishedAt: '2026-11-28T09:05:00.000Z', text: "t'es trop moche",
    },
  },
  {
    name: 'Facebook comment',
    url: 'https://www.facebook.com/marc.dupont.1234/posts/pfbid02AbCdEf123',
    target: 'div[aria-label^="Commentaire"] div[dir="auto"]',
    container: 'div[aria-label^="Commentaire"]',
    post: {
      platform: 'facebook', kind: 'comment', authorName: 'Sophie Martin',
      permalink: 'https://www.facebook.com/marc.dupont.1234/posts/pfbid02AbCdEf123?comment_id=123456789',
      publishedText: '1 h', text: "elle mérite rien d'autre",
    },
    parent: { authorName: 'Marc Dupont', text: 'Regardez la photo de Léa, quelle honte 🤮 partagez partout' },
  },
  {
    name: 'Instagram',
    url: 'https://www.instagram.com/p/C0ffee123XyZ/',
    target: 'article h1',
    container: 'article',
    post: {
      platform: 'instagram', kind: 'post', authorName: 'corbeau.noir', authorHandle: 'corbeau.noir',
      authorUrl: 'https://www.instagram.com/corbeau.noir/', permalink: 'https://www.instagram.com/p/C0ffee123XyZ/',
      postId: 'C0ffee123XyZ', publishedAt: '2026-11-26T18:03:00.000Z', text: 'regardez-moi cette tête 🤡 #lea',
    },
  },
  {
    name: 'TikTok comment',
    url: 'https://www.tiktok.com/@corbeau.noir/video/7300000000000000000',
    target: '[data-e2e="comment-level-1"] span',
    container: 'div[class*="DivCommentItemWrapper"]',
    post: {
      platform: 'tiktok', kind: 'comment', authorName: 'Pie Bavarde', authorHandle: 'pie.bavarde',
      authorUrl: 'https://www.tiktok.com/@pie.bavarde', text: "t'es moche va te cacher", publishedText: '2026-11-26',
    },
  },
  {
    name: 'YouTube reply',
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    target: 'ytd-comment-replies-renderer #content-text span',
    container: 'ytd-comment-replies-renderer ytd-comment-view-model',
    post: {
      platform: 'youtube', kind: 'comment', authorHandle: 'CorbeauNoir', authorUrl: 'https://www.youtube.com/@CorbeauNoir',
      permalink: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzTopLevel123.AbCReply456',
      postId: 'UgzTopLevel123.AbCReply456', publishedText: 'il y a 1 jour', text: 'on la retrouve demain à la sortie',
    },
    parent: { authorHandle: 'PieBavarde', text: 'elle est ridicule 😂' },
  },
  {
    name: 'Reddit nested comment',
    url: 'https://www.reddit.com/r/lyceens/comments/1abcde/lea_du_lycee_jean_moulin/',
    target: 'shreddit-comment[thingid="t1_kxaaaa1"] p',
    container: 'shreddit-comment[thingid="t1_kxaaaa1"]',
    post: {
      platform: 'reddit', kind: 'comment', authorHandle: 'corbeau_noir', authorUrl: 'https://www.reddit.com/user/corbeau_noir/',
      postId: 't1_kxaaaa1', permalink: 'https://www.reddit.com/r/lyceens/comments/1abcde/comment/kxaaaa1/',
      publishedAt: '2026-11-25T19:45:00.000000+0000', text: 'parfait, on passe samedi',
    },
    parent: { authorHandle: 'pie_bavarde', text: 'elle habite rue des Lilas, numéro 12' },
  },
  {
    name: 'Discord grouped message',
    url: 'https://discord.com/channels/111111111111111111/222222222222222222',
    target: '#message-content-333333333333333332',
    container: 'li#chat-messages-222222222222222222-333333333333333332',
    post: {
      platform: 'discord', kind: 'message', authorName: 'corbeau_noir', authorId: '444444444444444444',
      postId: '333333333333333332', permalink: 'https://discord.com/channels/111111111111111111/222222222222222222/333333333333333332',
      publishedAt: '2026-11-27T21:14:30.000Z', text: "et tout le monde saura ce que t'as fait",
    },
  },
];

for (const p of PLATFORMS) {
  test(`${p.name}: the right-clicked post, its crop and every hash`, async () => {
    const { event, files, box, dpr } = await captureRightClicked(p.url, p.target, p.container);
    const { parent, ...post } = event.body.post ?? {};
    for (const [field, value] of Object.entries(p.post)) assert.equal(post[field], value, `${p.name} ${field}`);
    if (p.parent) for (const [field, value] of Object.entries(p.parent)) assert.equal(parent?.[field], value, `${p.name} parent ${field}`);
    assert.equal(event.body.page.platform, p.post.platform);
    assert.equal(event.body.context.trigger, 'menu');

    // The crop is the post's box in device pixels.
    assert.ok(box);
    const crop = pngSize(files['screenshot-post.png']);
    assert.ok(Math.abs(crop.width - box.width * dpr) <= 1, `crop width ${crop.width} vs ${box.width * dpr}`);
    assert.ok(Math.abs(crop.height - box.height * dpr) <= 1, `crop height ${crop.height} vs ${box.height * dpr}`);
    // The captioned copy is a separate file; the crop stays as taken.
    const captioned = pngSize(files['screenshot-post-captioned.png']);
    assert.ok(captioned.height > crop.height);
    for (const name of ['screenshot-visible.png', 'page.html', 'snapshot.html', 'page.mhtml']) assert.ok(files[name], `${name} (notices: ${event.body.notices})`);

    const env = event.body.environment;
    assert.match(env.browser, /Chrom/);
    assert.match(env.localTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    assert.equal(env.viewport.width, 1280);
    assert.equal(typeof env.devicePixelRatio, 'number');
    assert.equal(event.body.statement.language.length, 2);
    const snapshot = files['snapshot.html'].toString('utf8');
    assert.match(snapshot, /Content-Security-Policy/);
    assert.doesNotMatch(snapshot, /<script/i);
  });
}

test('generic pages: the semantic post around the click; unknown sites get no platform', async () => {
  const { event, files } = await captureRightClicked(`${plain.origin}/demo/`, 'article#post-42 p.text', 'article#post-42');
  const post = event.body.post;
  assert.equal(post.platform, undefined);
  assert.equal(post.authorName, 'Corbeau Noir');
  assert.equal(post.authorUrl, `${plain.origin}/demo/profil/corbeau_noir`);
  assert.equal(post.permalink, `${plain.origin}/demo/corbeau_noir/status/1790000000000000042`);
  assert.equal(post.publishedAt, '2026-11-27T21:14:00Z');
  assert.match(post.text, /personne ne veut de toi au lycée/);
  assert.ok(event.body.notices.includes('full-page-is-visible'));
  assert.ok(files['screenshot-post.png']);
});

test('the self-contained copy holds the page\'s images as data, each where the page shows it', async () => {
  const { files } = await captureRightClicked('https://photos.test/', '#text', '#post');
  const snapshot = files['snapshot.html'].toString('utf8');
  const images = [...snapshot.matchAll(/<img\b[^>]*>/g)].map(([tag]) => tag);
  assert.equal(images.length, 3, images.join('\n'));
  // In document order: the avatar, the photo, the avatar again (drawn once, inlined twice).
  const sizes = images.map((tag) => {
    const data = /src="data:image\/png;base64,([A-Za-z0-9+/=]+)"/.exec(tag);
    assert.ok(data, tag.slice(0, 200));
    return pngSize(Buffer.from(data[1], 'base64'));
  });
  assert.deepEqual(sizes, [{ width: 20, height: 10 }, { width: 40, height: 30 }, { width: 20, height: 10 }]);
  assert.equal(images[0].match(/src="[^"]*"/)?.[0], images[2].match(/src="[^"]*"/)?.[0]);
  // The page's own text and attributes are as the page has them, a text shaped like a mark
  // included (the real mark is random: the page cannot know it).
  assert.match(snapshot, /le texte temoin-image-0\. reste du texte/);
  assert.match(images[0], /alt="Avatar de « corbeau » &amp; co"/);
  assert.doesNotMatch(snapshot.replace('temoin-image-0.', ''), /temoin-image-/);
  // The page's state for its scripts (a data-* value over 1,024 characters) is emptied in the
  // copy and kept in page.html; shorter values stay in both.
  const state = (/** @type {string} */ html) => /<div id="state"[^>]*>/.exec(html)?.[0] ?? '';
  assert.equal(state(snapshot), `<div id="state" data-mode="open" data-edge="${'k'.repeat(1024)}" data-props="">`);
  assert.equal(state(files['page.html'].toString('utf8')), `<div id="state" data-mode="open" data-edge="${'k'.repeat(1024)}" data-props="{&quot;post&quot;:42,&quot;state&quot;:&quot;${'s'.repeat(1100)}&quot;}">`);
  // page.html and the copy are the page's text in UTF-8, non-ASCII characters included.
  for (const name of ['page.html', 'snapshot.html']) {
    const text = files[name].toString('utf8');
    assert.match(text, /Regardez cette photo de Léa 😂/, name);
    assert.ok(Buffer.from(text, 'utf8').equals(files[name]), `${name} is valid UTF-8`);
  }
});

test('a string\'s UTF-8 bytes as TextEncoder gives them, in a buffer of their exact size', async () => {
  const results = await (await readerPage()).evaluate(async () => {
    const { utf8 } = await import('/extension/shared/utf8.js');
    const ascii = 'a'.repeat(1000);
    const samples = ['', ascii, `é${ascii}`, `${ascii}é`, `${ascii}😂`, `😂${ascii}😂`, `${ascii}\ud800`, `\udc00${ascii}\ud83d`, `${ascii}\ud83d\ude02\ud83d`, '日本語のテキスト'.repeat(50), `«${'x'.repeat(70_000)}»€`];
    const encoder = new TextEncoder();
    return samples.map((text, i) => {
      const expected = encoder.encode(text);
      const got = utf8(text);
      return { i, same: got.length === expected.length && got.every((b, k) => b === expected[k]), exact: got.buffer.byteLength === got.length };
    });
  });
  for (const r of results) assert.deepEqual(r, { i: r.i, same: true, exact: true });
});

test('a page taller than the screen is stitched whole, its fixed header once, and left as it was', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://x.com/corbeau_noir/status/1790000000000000042');
  await page.bringToFront();
  await page.evaluate(() => scrollTo(0, 40));
  await captureThroughMenu(browser.worker, page.url());
  // The stitch scrolled the page and hid its fixed header: both are as they were.
  assert.equal(await page.evaluate(() => scrollY), 40);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('header') ?? document.body).visibility), 'visible');
  await page.close();

  const { event, files } = await latest();
  const full = pngSize(files['screenshot-full.png']);
  const visible = pngSize(files['screenshot-visible.png']);
  assert.equal(full.width, visible.width);
  assert.ok(full.height > visible.height * 1.5, `${full.height} > 1.5 × ${visible.height}`);
  const method = event.body.artifacts.find((/** @type {any} */ a) => a.name === 'screenshot-full.png').method;
  assert.match(method, /scroll-and-stitch of [3-9] /);
  // Scrolled when captured: every screen of the stitch is taken for it.
  assert.doesNotMatch(method, /screenshot-visible/);

  // Rows of the header's colour in the stitched image: one header (53 CSS px), not one a screen.
  const headerRows = await (await pixelReader()).evaluate(async (base64) => {
    const { width, height, data } = await /** @type {any} */ (globalThis).pixelsOf(base64);
    // The right edge: no text there, only the header's background.
    let rows = 0;
    for (let y = 0; y < height; y += 1) {
      const at = (y * width + width - 3) * 4;
      if (Math.abs(data[at] - 29) < 6 && Math.abs(data[at + 1] - 155) < 6 && Math.abs(data[at + 2] - 240) < 6) rows += 1;
    }
    return rows;
  }, files['screenshot-full.png'].toString('base64'));
  assert.ok(headerRows >= 50 && headerRows <= 56, `${headerRows} rows of header colour`);
});

test('a page left at its top is stitched from its visible screenshot on: one screen fewer to take', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://x.com/corbeau_noir/status/1790000000000000042');
  await page.bringToFront();
  await captureThroughMenu(browser.worker, page.url());
  await page.close();
  const { event, files } = await latest();
  const method = event.body.artifacts.find((/** @type {any} */ a) => a.name === 'screenshot-full.png').method;
  assert.match(method, /^scroll-and-stitch of [3-9] tabs\.captureVisibleTab screens \(the first is screenshot-visible\.png\)$/);
  // The stitched image's first screen is the visible screenshot, pixel for pixel.
  const firstScreen = await (await pixelReader()).evaluate(async ([full, visible]) => {
    const { pixelsOf } = /** @type {any} */ (globalThis);
    const shown = await pixelsOf(visible);
    const stitched = await pixelsOf(full);
    return { sameWidth: shown.width === stitched.width, samePixels: shown.data.every((/** @type {number} */ v, /** @type {number} */ i) => v === stitched.data[i]) };
  }, [files['screenshot-full.png'].toString('base64'), files['screenshot-visible.png'].toString('base64')]);
  assert.deepEqual(firstScreen, { sameWidth: true, samePixels: true });
});

test('internal pages get a clear message and nothing is written', async () => {
  const before = await lastSeq();
  const page = await browser.context.newPage();
  await page.goto('chrome://version/');
  await page.bringToFront();
  const reply = await browser.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
    return /** @type {any} */ (globalThis).temoin.captureAndReport({ menuItemId: 'temoin-capture' }, tab);
  });
  assert.equal(reply.ok, false);
  assert.equal(reply.code, 'page-not-capturable');
  assert.match(reply.message, /Nothing was saved|Rien n'a été enregistré/);
  assert.equal(await lastSeq(), before);
  await page.close();
});

test('a page that poisons its own built-ins changes nothing that is recorded', async () => {
  const started = Date.now();
  const { event } = await captureRightClicked('https://prototypes.test/2026/11/27/billet', '#text', 'article.entry');
  assert.equal(event.body.page.title, 'Blog du harceleur');
  assert.ok(Date.parse(event.body.capturedAt) >= started - 1000, event.body.capturedAt);
  const post = event.body.post;
  assert.equal(post.text?.includes('Billet injurieux sur Léa'), true, post.text);
  assert.equal(post.authorName, 'Corbeau');
  assert.equal(post.permalink, 'https://prototypes.test/2026/11/27/billet');
  assert.equal(post.publishedAt, '2026-11-27T08:00:00Z');
  assert.doesNotMatch(JSON.stringify(event), /poisoned/);
});

test('same-origin frames are captured, cross-origin frames are listed', async () => {
  const page = await browser.context.newPage();
  await page.goto('https://frames.test/');
  await page.frameLocator('#cross').locator('p').waitFor();
  await page.bringToFront();
  await captureThroughMenu(browser.worker, page.url());
  const { event, files } = await latest();
  assert.deepEqual(event.body.frames, [
    { url: 'https://frames.test/child.html', sameOrigin: true, captured: true },
    { url: 'https://other.test/embed', sameOrigin: false, captured: false },
  ]);
  assert.match(files['frame-1.html'].toString('utf8'), /dégage/);
  await page.close();
});

for (const { wide, carried: expected, how } of [
  { wide: false, carried: [1, 0], how: 'by a message' },
  { wide: true, carried: [0, 1], how: 'as the script\'s result, the message being over the browser\'s limit' },
]) {
  test(`a 50 MB page${wide ? ' of two-byte text' : ''} still lands, with its HTML cut at the stated cap`, async () => {
    const page = await browser.context.newPage();
    await page.goto(`https://huge.test/${wide ? '?wide' : ''}`);
    await page.bringToFront();
    await page.click('#text', { button: 'right' });
    const carried = () => browser.worker.evaluate(() => ({ .../** @type {any} */ (globalThis).temoin.answersCarriedForTesting }));
    const before = await carried();
    await captureThroughMenu(browser.worker, page.url());
    const after = await carried();
    // Its reading (40 million characters): by a message, or as the result when over the limit.
    assert.deepEqual([after.byMessage - before.byMessage, after.byResult - before.byResult], expected, how);
    // The record only: shipping its 60 MB of files through the test driver would measure the driver.
    const { entries } = await readStoredJournal(await readerPage(), 'default', { onlySeq: -1 });
    const event = JSON.parse(entries.at(-1)?.json ?? '{}');
    assert.equal(event.body.page.url, page.url());
    assert.ok(event.body.notices.includes('html-truncated'), event.body.notices.join());
    const html = event.body.artifacts.find((/** @type {any} */ a) => a.name === 'page.html');
    assert.match(html.method, /cut at 20971520 characters/);
    assert.ok(html.size >= 20_971_520, String(html.size));
    assert.ok(event.body.notices.includes('full-page-capped'));
    assert.match(event.body.post.text, /Message au début/);
    await page.close();
  });
}

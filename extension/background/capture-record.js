// The capture's record: completed by the core, sealed as the case's next entry with every file,
// in one transaction.
import { core } from '../shared/core.js';
import { appendEvent } from '../shared/journal.js';
import { getHead } from '../shared/store.js';
import { environment } from './environment.js';
import { captionPost } from './capture-post.js';

// Captures of different tabs race for the next number; each round one of them wins, so this
// bounds the retries of one capture among many started together.
const APPEND_ATTEMPTS = 64;

/**
 * @typedef {import('./capture-types.js').CaptureStep} CaptureStep
 * @typedef {import('./capture-types.js').CapturedArtifact} CapturedArtifact
 * @typedef {import('./capture-post.js').PostCrop} PostCrop
 * @typedef {import('../shared/types.js').CollectedPage} CollectedPage
 * @typedef {import('../shared/types/Post').Post} Post
 * @typedef {import('../shared/types/Collection').Collection} Collection
 * @typedef {{ post: Post, crop?: string }} ItemInput one message or post of a capture of
 *   several, with the name of the artifact that shows it (one of the steps' artifacts)
 * @typedef {{ seq: number, hash: string, json: string, caseId: string }} CaptureResult
 * @typedef {{
 *   caseId: string, lang: string, info: Partial<chrome.contextMenus.OnClickData>,
 *   tab: chrome.tabs.Tab, frameId: number, started: Date, page: CollectedPage | null,
 *   post: PostCrop | null, steps: CaptureStep[], items?: ItemInput[], collection?: Collection,
 * }} CaptureRecordInput
 
 */

/** How the capture was started. @param {Partial<chrome.contextMenus.OnClickData>} info */
export function trigger(info) {
  return { 'temoin-capture': 'menu', 'temoin-capture-conversation': 'menu', 'temoin-capture-several': 'menu', 'capture-tab': 'command', 'capture-active-tab': 'popup' }[String(info.menuItemId)] ?? 'script';
}

/**
 * Completes the record with the steps' files and notices, adds the captioned copy of the post
 * for the entry's number, and appends it all to the case's journal.
 * @param {CaptureRecordInput} input
 * @returns {Promise<CaptureResult>}
 */
export async function recordCapture({ caseId, lang, info, tab, frameId, started, page, post, steps, items = [], collection }) {
  const capturedAt = started.toISOString();
  const artifacts = steps.flatMap((s) => s.artifacts);
  const notices = steps.flatMap((s) => s.notices);
  const env = await environment(tab, started);
  const record = core.completeCapture(
    {
      page: {
        url: page?.url ?? tab.url ?? '',
        title: page?.title ?? tab.title ?? '',
        tabUrl: page && tab.url && tab.url !== page.url ? tab.url : undefined,
        lang: page?.lang,
        redirectCount: page?.redirectCount,
      },
      capturedAt,
      artifacts: [],
      post: page?.post ?? undefined,
      context: {
        trigger: trigger(info),
        menuContext: info.selectionText ? 'selection' : info.srcUrl ? 'image' : info.linkUrl ? 'link' : trigger(info) === 'menu' ? 'page' : undefined,
        selectionText: info.selectionText ?? page?.selection,
        linkUrl: info.linkUrl,
        srcUrl: info.srcUrl,
        frameUrl: info.frameUrl,
        frameId,
      },
      environment: { ...env, viewport: page?.viewport, devicePixelRatio: page?.devicePixelRatio, scroll: page?.scroll },
      frames: (page?.frames ?? []).map((f) => ({ url: f.url, sameOrigin: f.sameOrigin, captured: !!f.html })),
      notices: [...new Set(notices)],
      collection: items.length ? collection : undefined,
      items: items.map((item, i) => ({ n: i + 1, post: item.post })),
    },
    lang,
  );

  // Digests of what does not depend on the entry's number, computed once.
  const described = artifacts.map(describe);
  // Each item names its crop with that file's digest, so the two cannot be separated.
  const digests = new Map(described.map((a) => [a.name, a.sha256]));
  record.items = (record.items ?? []).map((item, i) => {
    const name = items[i].crop;
    const sha256 = name === undefined ? undefined : digests.get(name);
    return sha256 === undefined ? item : { ...item, crop: { name: /** @type {string} */ (name), sha256 } };
  });
  for (let attempt = 0; ; attempt += 1) {
    const seq = ((await getHead(caseId))?.seq ?? 0) + 1;
    const captioned = await captionPost(post, seq, capturedAt, record.page.url);
    const body = { kind: /** @type {const} */ ('capture'), ...record, artifacts: [...described, ...captioned.artifacts.map(describe)] };
    try {
      const sealed = await appendEvent(caseId, body, { artifacts: [...artifacts, ...captioned.artifacts], expectSeq: seq });
      return { ...sealed, caseId };
    } catch (e) {
      if (/** @type {{ code?: unknown } | undefined} */ (e)?.code !== 'head-moved' || attempt + 1 >= APPEND_ATTEMPTS) throw e;
    }
  }
}

/**
 * Digests computed ahead (`hashedNow`), kept by the very bytes they are of: an artifact made
 * later with other bytes cannot carry an earlier digest with it.
 * @type {WeakMap<Uint8Array, string>}
 */
const digests = new WeakMap();

/** An artifact as the record lists it. @param {CapturedArtifact} a */
function describe(a) {
  return { name: a.name, mediaType: a.mediaType, size: a.bytes.byteLength, sha256: digests.get(a.bytes) ?? core.sha256Hex(a.bytes), method: a.method };
}

/**
 * Hashes `artifact`'s bytes now and copies them into the Blob they will be stored as: a step
 * calls this as its bytes arrive, while the capture still waits for the page or the browser,
 * rather than with every file at the end. Made in the transaction, the heavy page's 59 MB of
 * Blobs held its commit back by 100 to 150 ms (BENCHMARKS.md §3). The Blob is made of the very
 * bytes hashed (a Blob copies them as it is made), never of a file the browser keeps elsewhere.
 * @param {CapturedArtifact} artifact
 * @returns {CapturedArtifact}
 */
export function hashedNow(artifact) {
  digests.set(artifact.bytes, core.sha256Hex(artifact.bytes));
  return { ...artifact, blob: new Blob([artifact.bytes], { type: artifact.mediaType }) };
}

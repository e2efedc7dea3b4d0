// One capture or added file in full: who, where, when and what in plain words, the screenshots
// (blurred until revealed), the page as captured in an inert sandboxed frame, the technical
// details (files, sizes, methods, fingerprints) collapsed, and the actions that append to the
// journal about it: categories, a note, a deletion. Sexual images of a minor are never shown:
// the dialog says why and offers to delete the capture's files, keeping its record.
import { categoryLabel, CATEGORIES, plural, t } from '../shared/i18n.js';
import { addNote, deleteItem, setCategories } from '../shared/journal.js';
import { artifactsOf } from '../shared/store.js';
import { byId, externalLink, h, inertDocument, revealButton } from './dom.js';
import { exactSize, firstWords, itemsGathered, itemsPeriod, itemsSummary, itemTime, localDateTime, parseDate, wholeNumber } from './journal-format.js';

/**
 * Whether an item's images must never be shown: the case's person is a minor and the item is
 * categorised as intimate images (art. 227-23 code pénal: they must not be kept or shared).
 * @param {any} view the case view @param {any} item
 */
export function withheld(view, item) {
  return Boolean(view?.details?.minor) && item.categories.includes('intimate-images');
}

/** What went wrong, for people, in the page's language. @param {unknown} e */
export function describeError(e) {
  const err = /** @type {any} */ (e);
  if (err?.name === 'QuotaExceededError') return t('errorStorageFullShort');
  return t('errorDetail', [String(err?.message ?? err)]);
}

/** The order screenshots are shown in, and what each one is called. */
const SHOTS = ['screenshot-post.png', 'screenshot-post-captioned.png', 'screenshot-visible.png', 'screenshot-full.png', 'image.png'];

/** @param {string} name */
function shotLabel(name) {
  const i = SHOTS.indexOf(name);
  return i >= 0 ? t(`shot_${name.replace(/\.png$/, '').replaceAll('-', '_')}`) : t('shot_other');
}

/** The image artifacts of an item, the post first. @template {{ name: string, mediaType: string }} A @param {A[]} artifacts */
export function imagesFirstThePost(artifacts) {
  const rank = (/** @type {string} */ n) => (SHOTS.includes(n) ? SHOTS.indexOf(n) : SHOTS.length);
  return artifacts.filter((a) => a.mediaType.startsWith('image/')).sort((a, b) => rank(a.name) - rank(b.name));
}

/**
 * A post's author as documents name them: « Léa M. (@lea_m) », « @lea_m », « Léa M. ».
 * @param {any} post @param {string | undefined} platform
 */
function authorName(post, platform) {
  const name = post?.authorName?.trim();
  const raw = post?.authorHandle?.trim();
  const handle = raw ? (raw.startsWith('@') || raw.includes('@') || platform === 'gmail' ? raw : `@${raw}`) : '';
  if (name && handle) return `${name} (${handle})`;
  return name || handle || '';
}

/** @param {string} term @param {Node | string | null | undefined} value */
const pair = (term, value) => (value === null || value === undefined || value === '' ? [] : [h('dt', {}, [term]), h('dd', {}, [value])]);

/** @param {string | undefined} iso */
const local = (iso) => {
  const d = parseDate(iso);
  return d ? h('time', { datetime: d.toISOString() }, [localDateTime(d)]) : null;
};

/**
 * Every item of a conversation or a selection: its number, author, time and words, with its
 * crop blurred until pressed like every preview (`stored` is empty when the item's images
 * are withheld or deleted, and then no crop is shown).
 * @param {any} capture @param {{ name: string, blob: Blob }[]} stored @param {string[]} urls
 */
function itemsList(capture, stored, urls) {
  const collection = capture.collection;
  const pane = collection.pane;
  const notes = [
    pane && pane.stitchedHeight < pane.contentHeight
      ? h('p', { class: 'notice', id: 'items-pane-capped' }, [t('itemsPaneCapped', [wholeNumber(pane.stitchedHeight), wholeNumber(pane.contentHeight)])])
      : null,
    pane && !pane.reachedStart ? h('p', { class: 'notice', id: 'items-start-not-reached' }, [t('itemsStartNotReached')]) : null,
  ];
  const platform = capture.post?.platform ?? capture.page.platform;
  const list = h('ol', { class: 'items', id: 'items' }, capture.items.map((/** @type {any} */ i) => {
    const p = i.post;
    const author = [p.authorName, p.authorHandle ? (p.authorHandle.startsWith('@') || platform === 'gmail' ? p.authorHandle : `@${p.authorHandle}`) : null].filter(Boolean).join(' ');
    const at = local(p.publishedUtc ?? p.publishedAt);
    const crop = i.crop ? stored.find((a) => a.name === i.crop.name) : undefined;
    let figure = null;
    if (crop) {
      const url = URL.createObjectURL(crop.blob);
      urls.push(url);
      const name = t('itemsCropName', [String(i.n)]);
      figure = h('figure', {}, [revealButton(h('img', { src: url, 'data-name': crop.name }), name), h('figcaption', {}, [name])]);
    }
    return h('li', { 'data-n': String(i.n) }, [
      h('h4', {}, [t('itemsNumber', [String(i.n)]), ' — ', author || t('authorUnknown'), at ? ' — ' : '', at ?? (p.publishedText ? ` — ${p.publishedText}` : '')]),
      p.parent?.text ? h('p', { class: 'muted' }, [t('itemsInReplyTo', [firstWords(p.parent.text, 80)])]) : null,
      p.text ? h('div', { class: 'post-text' }, [p.text]) : null,
      p.permalink ? h('p', {}, [externalLink(p.permalink)]) : null,
      figure,
    ]);
  }));
  return h('section', { class: 'items', 'aria-labelledby': 'items-title' }, [
    h('h3', { id: 'items-title' }, [t('itemsListTitle')]),
    h('p', {}, [itemsGathered(collection), collection.title ? ` — ${collection.title}` : '']),
    ...notes,
    list,
  ]);
}

/**
 * @param {string} caseId
 * @param {any} item an item of the case view
 * @param {any} view the case view (whether the person is a minor)
 * @param {() => Promise<void>} onChange called after an entry was appended
 */
export async function openDetail(caseId, item, view, onChange) {
  const dialog = /** @type {HTMLDialogElement} */ (byId('detail'));
  const capture = item.capture;
  const post = capture?.post ?? {};
  const label = item.label ?? {};
  const declared = capture?.artifacts ?? item.file?.artifacts ?? [];
  const hide = withheld(view, item);
  const stored = item.deleted || hide ? [] : await artifactsOf(caseId, item.seq);
  /** @type {string[]} */
  const urls = [];

  const close = h('button', { type: 'button', class: 'close' }, [t('close')]);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => urls.splice(0).forEach((u) => URL.revokeObjectURL(u)), { once: true });

  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  /** @param {() => Promise<unknown>} action */
  async function act(action) {
    error.hidden = true;
    try {
      await action();
      dialog.close();
      await onChange();
      // The list was drawn again: the focus goes back to this item's row.
      /** @type {HTMLElement | null} */ (document.querySelector(`#entries tr[data-seq="${item.seq}"] button.open-detail`))?.focus();
    } catch (e) {
      console.error(e);
      error.textContent = t('actionFailed', [describeError(e)]);
      error.hidden = false;
    }
  }

  // Sexual images of a minor: the warning, and the way to stop keeping them.
  let danger = null;
  if (hide) {
    const removeImages = h('button', { type: 'button', id: 'delete-images', class: 'danger' }, [t('minorImagesDelete')]);
    removeImages.addEventListener('click', () => {
      if (confirm(t('minorImagesConfirm'))) act(() => deleteItem(caseId, item.seq, t('minorImagesReason')));
    });
    danger = h('section', { class: 'danger', id: 'minor-images', 'aria-labelledby': 'minor-images-title' }, [
      h('h3', { id: 'minor-images-title' }, [t('minorImagesTitle')]),
      h('p', {}, [t('minorImagesText')]),
      h('p', {}, [t('minorImagesReport')]),
      item.deleted ? h('p', {}, [t('minorImagesDeleted')]) : h('p', {}, [t('minorImagesKeep')]),
      item.deleted ? null : removeImages,
    ]);
  }

  // A capture of several items: a conversation (messages from both sides) or a selection
  // (posts under an anchor, the right-clicked post, often the victim's own).
  const mode = capture?.collection?.mode;
  const conversation = mode === 'conversation';
  const platformId = post.platform ?? capture?.page.platform;
  const anchor = mode === 'selection' ? authorName(post, platformId) : '';
  const stitched = capture?.collection?.pane?.image;

  // Each item's crop is shown with its item, below, not among the capture's pictures; a
  // conversation has no crop of its right-clicked message.
  const crops = new Set((capture?.items ?? []).map((/** @type {any} */ i) => i.crop?.name).filter(Boolean));
  const shots = h('div', { class: 'shots' });
  const shown = imagesFirstThePost(stored).filter((a) => !crops.has(a.name) && !(conversation && a.name.startsWith('screenshot-post')));
  for (const a of shown) {
    const url = URL.createObjectURL(a.blob);
    urls.push(url);
    const name = conversation && (a.name === stitched || a.name === 'pane.png')
      ? t('itemsStitched')
      : anchor && a.name.startsWith('screenshot-post')
        ? `${t('itemsUnderPost')} ${anchor}`
        : shotLabel(a.name);
    const img = h('img', { src: url, 'data-name': a.name });
    shots.append(h('figure', {}, [revealButton(img, name), h('figcaption', {}, [name])]));
  }

  const snapshotArea = h('div', { class: 'snapshot' });
  const html = stored.find((a) => a.name === 'snapshot.html') ?? stored.find((a) => a.name === 'page.html');
  if (html) {
    const show = h('button', { type: 'button', id: 'show-snapshot' }, [t('showSnapshot')]);
    show.addEventListener('click', async () => {
      const frame = h('iframe', { sandbox: '', referrerpolicy: 'no-referrer', title: t('snapshotFrameTitle') });
      frame.srcdoc = inertDocument(await html.blob.text());
      snapshotArea.replaceChildren(h('p', { class: 'notice' }, [t('snapshotNotice')]), frame);
    });
    snapshotArea.append(show);
  }

  const categoryBoxes = CATEGORIES.map((c) =>
    h('input', { type: 'checkbox', value: c, id: `category-${c}`, checked: item.categories.includes(c) }),
  );
  const saveCategories = h('button', { type: 'button', id: 'save-categories' }, [t('saveCategories')]);
  saveCategories.addEventListener('click', () =>
    act(() => setCategories(caseId, item.seq, CATEGORIES.filter((_, i) => categoryBoxes[i].checked))),
  );

  const noteText = h('textarea', { id: 'note-text', rows: '3', maxlength: '5000' });
  const addNoteButton = h('button', { type: 'button', id: 'add-note' }, [t('addNote')]);
  addNoteButton.addEventListener('click', () => {
    if (noteText.value.trim()) act(() => addNote(caseId, item.seq, noteText.value.trim()));
  });

  const reason = h('input', { id: 'delete-reason', maxlength: '500' });
  const deleteButton = h('button', { type: 'button', id: 'delete-item', class: 'danger' }, [t('deleteButton')]);
  deleteButton.addEventListener('click', () => {
    if (confirm(t('deleteConfirm'))) act(() => deleteItem(caseId, item.seq, reason.value.trim()));
  });

  const parts = capture?.collection ? itemsList(capture, stored, urls) : null;

  const when = itemTime(item);
  // What a capture of several items holds, and over which days: for a conversation, « Conversation
  // avec Max — 42 messages, du 20 au 27 novembre 2026 ».
  const period = capture?.collection ? itemsPeriod(capture) : null;
  let head = null;
  if (capture?.collection && label.items) {
    const count = plural('itemsMessages', label.items.count);
    const title = conversation
      ? period
        ? label.items.with
          ? t('itemsConversationHead', [label.items.with, count, period])
          : t('itemsConversationHeadUntitled', [count, period])
        : itemsSummary(label.items)
      : [itemsSummary(label.items), period].filter(Boolean).join(', ');
    head = h('p', { class: 'items-head', id: 'items-head' }, [title]);
  }
  const readable = capture
    ? h('dl', { class: 'readable' }, [
        // A collection's author is its items' only author, if they have one; a conversation's
        // people are in its messages.
        ...pair(t('fieldAuthor'), capture.collection ? (conversation ? null : label.author) : label.author || t('authorUnknown')),
        ...pair(t('itemsUnderPost'), anchor ? (post.permalink ? h('span', {}, [anchor, ' — ', externalLink(post.permalink)]) : anchor) : null),
        ...pair(t('fieldPlatform'), [label.platformName, label.private ? ` (${t('privateMessage')})` : ''].join('')),
        ...pair(label.private ? t('itemsSentOn') : t('fieldPublishedAt'), when.kind === 'published' && !capture.collection ? local(when.iso) : null),
        ...pair(t('fieldCapturedAt'), local(capture.capturedAt)),
        ...pair(t('fieldPermalink'), post.permalink && !capture.collection ? externalLink(post.permalink) : null),
        ...pair(t('fieldUrl'), externalLink(capture.page.url)),
      ])
    : h('dl', { class: 'readable' }, [
        ...pair(t('fieldDescription'), item.file.description),
        ...pair(t('fieldOriginalName'), item.file.originalName),
        ...pair(t('when_added'), local(item.at)),
      ]);

  const technical = h('details', { class: 'technical', id: 'technical' }, [
    h('summary', {}, [t('technicalDetails')]),
    h('dl', {}, [
      ...pair(t('fieldEntry'), String(item.seq)),
      ...pair(t('fieldEntryHash'), h('code', { class: 'hash' }, [item.hash])),
      ...pair(t('fieldTitle'), capture?.page.title),
      ...pair(t('fieldHandle'), post.authorHandle),
      ...pair(t('fieldProfile'), post.authorUrl ? externalLink(post.authorUrl) : null),
      ...pair(t('fieldPublishedAsShown'), [post.publishedText, post.publishedAt].filter(Boolean).join(' — ')),
      ...pair(t('fieldCapturedUtc'), capture?.capturedAt ?? item.at),
      ...pair(t('fieldTimeZone'), capture?.environment?.timeZone),
      ...pair(t('fieldBrowser'), capture?.environment ? `${capture.environment.browser} ${capture.environment.browserVersion}` : null),
      ...pair(t('fieldNotices'), capture?.notices?.length ? capture.notices.join(', ') : null),
    ]),
    h('table', { class: 'files' }, [
      h('caption', {}, [t('filesCaption')]),
      h('thead', {}, [
        h('tr', {}, [h('th', { scope: 'col' }, [t('colFile')]), h('th', { scope: 'col' }, [t('colSize')]), h('th', { scope: 'col' }, [t('colMethod')]), h('th', { scope: 'col' }, [t('colSha256')])]),
      ]),
      h('tbody', {}, declared.map((/** @type {any} */ a) =>
        h('tr', { 'data-name': a.name }, [
          h('td', { 'data-label': t('colFile') }, [h('code', {}, [a.name])]),
          h('td', { 'data-label': t('colSize') }, [exactSize(a.size)]),
          h('td', { 'data-label': t('colMethod') }, [a.method]),
          h('td', { 'data-label': t('colSha256') }, [h('code', { class: 'hash' }, [a.sha256])]),
        ]),
      )),
    ]),
  ]);

  const children = [
    h('div', { class: 'detail-head' }, [
      h('h2', { id: 'detail-title' }, [t(capture ? 'detailCapture' : 'detailAdded', [String(item.seq)])]),
      close,
    ]),
    error,
    danger,
    item.file ? h('p', { class: 'notice' }, [t('addedNotice')]) : null,
    item.deleted
      ? h('p', { class: 'tombstone' }, [
          t('deletedNoticeLocal', [String(item.deleted.seq), localDateTime(parseDate(item.deleted.at) ?? new Date(0))]),
          item.deleted.reason ? ` — ${item.deleted.reason}` : '',
        ])
      : hide
        ? h('p', { class: 'withheld' }, [t('imageWithheld')])
        : shots.childElementCount
          ? h('p', { class: 'notice' }, [t('hurtfulNotice')])
          : null,
    head,
    readable,
    post.text && !capture?.collection ? h('h3', {}, [t('fieldMessage')]) : null,
    post.text && !capture?.collection ? h('div', { class: 'post-text' }, [post.text]) : null,
    shots.childElementCount ? h('h3', {}, [t('shotsTitle')]) : null,
    shots.childElementCount ? shots : null,
    parts,
    snapshotArea,
    technical,
    h('p', {}, [h('a', { class: 'what-now', href: `guide.html?${new URLSearchParams({ case: caseId, capture: String(item.seq) })}`, target: '_blank' }, [t('detailWhatNow')])]),
    h('fieldset', { id: 'categories' }, [
      h('legend', {}, [t('colCategories')]),
      h('div', { class: 'checks' }, categoryBoxes.map((box) => h('label', { class: 'check', for: box.id }, [box, ' ', categoryLabel(box.value)]))),
      saveCategories,
    ]),
    h('section', { class: 'notes', 'aria-labelledby': 'notes-title' }, [
      h('h3', { id: 'notes-title' }, [t('notesTitle')]),
      item.notes.length
        ? h('ul', { id: 'notes' }, item.notes.map((/** @type {any} */ n) => h('li', {}, [local(n.at) ?? n.at, ' — ', n.text])))
        : h('p', { class: 'muted' }, [t('noNotes')]),
      h('label', { for: 'note-text' }, [t('noteLabel')]),
      noteText,
      h('div', {}, [addNoteButton]),
    ]),
    item.deleted
      ? null
      : h('section', { class: 'delete', 'aria-labelledby': 'delete-title' }, [
          h('h3', { id: 'delete-title' }, [t('deleteTitle')]),
          h('p', {}, [t('deleteHelp')]),
          h('label', { for: 'delete-reason' }, [t('deleteReason')]),
          reason,
          h('div', {}, [deleteButton]),
        ]),
  ];
  dialog.replaceChildren(.../** @type {Node[]} */ (children.filter((c) => c !== null)));
  dialog.showModal();
  close.focus();
}

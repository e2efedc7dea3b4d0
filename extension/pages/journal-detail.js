// One capture or added file in full: screenshots (blurred until clicked), the post, the
// metadata and hashes, the page as captured in an inert sandboxed frame, and the actions that
// append to the journal about it: a note, categories, a deletion.
import { categoryLabel, CATEGORIES, t } from '../shared/i18n.js';
import { addNote, deleteItem, setCategories } from '../shared/journal.js';
import { artifactsOf } from '../shared/store.js';
import { byId, externalLink, h, inertDocument } from './dom.js';

/** @param {string} term @param {Node | string | null | undefined} value */
const pair = (term, value) => (value === null || value === undefined || value === '' ? [] : [h('dt', {}, [term]), h('dd', {}, [value])]);

/**
 * @param {string} caseId
 * @param {any} item an item of the case view
 * @param {() => Promise<void>} onChange called after an entry was appended
 */
export async function openDetail(caseId, item, onChange) {
  const dialog = /** @type {HTMLDialogElement} */ (byId('detail'));
  const capture = item.capture;
  const post = capture?.post ?? {};
  const declared = capture?.artifacts ?? item.file?.artifacts ?? [];
  const stored = item.deleted ? [] : await artifactsOf(caseId, item.seq);
  /** @type {string[]} */
  const urls = [];

  const close = h('button', { type: 'button', class: 'close' }, [t('close')]);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => urls.splice(0).forEach((u) => URL.revokeObjectURL(u)), { once: true });

  const shots = h('div', { class: 'shots' });
  for (const a of stored.filter((a) => a.mediaType.startsWith('image/'))) {
    const url = URL.createObjectURL(a.blob);
    urls.push(url);
    const img = h('img', { src: url, class: 'blurred', alt: a.name, title: t('previewReveal'), 'data-name': a.name });
    img.addEventListener('click', () => img.classList.toggle('blurred'));
    shots.append(h('figure', {}, [img, h('figcaption', {}, [h('code', {}, [a.name])])]));
  }

  const snapshotArea = h('div', { class: 'snapshot' });
  const html = stored.find((a) => a.name === 'snapshot.html') ?? stored.find((a) => a.name === 'page.html');
  if (html) {
    const show = h('button', { type: 'button', id: 'show-snapshot' }, [t('showSnapshot')]);
    show.addEventListener('click', async () => {
      const frame = h('iframe', { sandbox: '', referrerpolicy: 'no-referrer', title: t('showSnapshot') });
      frame.srcdoc = inertDocument(await html.blob.text());
      snapshotArea.replaceChildren(h('p', { class: 'warning' }, [t('snapshotNotice')]), frame);
    });
    snapshotArea.append(show);
  }

  const categoryBoxes = CATEGORIES.map((c) =>
    h('label', { class: 'inline' }, [h('input', { type: 'checkbox', value: c, checked: item.categories.includes(c) }), ' ', categoryLabel(c)]),
  );
  const saveCategories = h('button', { type: 'button', id: 'save-categories' }, [t('save')]);
  saveCategories.addEventListener('click', () =>
    act(() => setCategories(caseId, item.seq, categoryBoxes.map((l) => /** @type {HTMLInputElement} */ (l.firstChild)).filter((b) => b.checked).map((b) => b.value))),
  );

  const noteText = h('textarea', { id: 'note-text', rows: '3', maxlength: '5000' });
  const addNoteButton = h('button', { type: 'button', id: 'add-note' }, [t('addNote')]);
  addNoteButton.addEventListener('click', () => {
    if (noteText.value.trim()) act(() => addNote(caseId, item.seq, noteText.value.trim()));
  });

  const reason = h('input', { id: 'delete-reason', maxlength: '500', placeholder: t('deleteReason') });
  const deleteButton = h('button', { type: 'button', id: 'delete-item', class: 'status-bad' }, [t('deleteButton')]);
  deleteButton.addEventListener('click', () => {
    if (confirm(t('deleteConfirm'))) act(() => deleteItem(caseId, item.seq, reason.value.trim()));
  });

  /** @param {() => Promise<unknown>} action */
  async function act(action) {
    try {
      await action();
      dialog.close();
      await onChange();
    } catch (e) {
      alert(t('actionFailed', [String(/** @type {any} */ (e)?.message ?? e)]));
    }
  }

  const children = [
    h('header', {}, [
      h('h2', {}, [t(capture ? 'detailCapture' : 'detailAdded', [String(item.seq)])]),
      h('a', { class: 'what-now', href: `guide.html?${new URLSearchParams({ case: caseId, capture: String(item.seq) })}`, target: '_blank' }, [t('detailWhatNow')]),
      ' ',
      close,
    ]),
    item.file ? h('p', { class: 'warning' }, [t('addedNotice')]) : null,
    item.deleted
      ? h('p', { class: 'tombstone' }, [t('deletedNotice', [String(item.deleted.seq), item.deleted.at]), item.deleted.reason ? ` — ${item.deleted.reason}` : ''])
      : h('p', { class: 'warning' }, [t('hurtfulNotice')]),
    shots,
    capture
      ? h('dl', {}, [
          ...pair(t('fieldPlatform'), post.platform),
          ...pair(t('fieldAuthor'), post.authorName),
          ...pair(t('fieldHandle'), post.authorHandle),
          ...pair(t('fieldProfile'), post.authorUrl ? externalLink(post.authorUrl) : null),
          ...pair(t('fieldPublished'), [post.publishedText, post.publishedAt].filter(Boolean).join(' — ')),
          ...pair(t('fieldPermalink'), post.permalink ? externalLink(post.permalink) : null),
          ...pair(t('fieldUrl'), externalLink(capture.page.url)),
          ...pair(t('fieldTitle'), capture.page.title),
          ...pair(t('colTime'), capture.capturedAt),
          ...pair(t('fieldEntryHash'), h('code', { class: 'hash' }, [item.hash])),
        ])
      : h('dl', {}, [
          ...pair(t('fieldOriginalName'), item.file.originalName),
          ...pair(t('fieldDescription'), item.file.description),
          ...pair(t('fieldAddedAt'), item.at),
          ...pair(t('fieldEntryHash'), h('code', { class: 'hash' }, [item.hash])),
        ]),
    post.text ? h('div', { class: 'post-text' }, [post.text]) : null,
    h('h3', {}, [t('colArtifacts')]),
    h('table', {}, [
      h('tbody', {}, declared.map((/** @type {any} */ a) =>
        h('tr', {}, [h('td', {}, [a.name]), h('td', {}, [t('bytes', [String(a.size)])]), h('td', {}, [h('code', { class: 'hash' }, [a.sha256])]), h('td', {}, [a.method])]),
      )),
    ]),
    snapshotArea,
    h('h3', {}, [t('colCategories')]),
    h('div', { id: 'categories' }, [...categoryBoxes, saveCategories]),
    h('h3', {}, [t('notesTitle')]),
    h('ul', { id: 'notes' }, item.notes.map((/** @type {any} */ n) => h('li', {}, [`${n.at} — `, n.text]))),
    noteText,
    addNoteButton,
    item.deleted ? null : h('h3', {}, [t('deleteTitle')]),
    item.deleted ? null : h('p', {}, [t('deleteHelp')]),
    item.deleted ? null : h('div', {}, [reason, ' ', deleteButton]),
  ];
  dialog.replaceChildren(.../** @type {Node[]} */ (children.filter((c) => c !== null)));
  dialog.showModal();
}

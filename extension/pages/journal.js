// The journal of a case: every entry in order, and whether the chain verifies.
// Captured text is only ever put in the page with textContent: it can never run here.
import { core, ready } from '../shared/core.js';
import { localise, t } from '../shared/i18n.js';
import { DEFAULT_CASE_ID, getHead, listArtifacts, listEntries } from '../shared/store.js';

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attrs]
 * @param {(Node | string)[]} [children]
 */
function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/** @param {string} url */
function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** @param {any} event @param {import('../shared/store.js').StoredEntry} entry */
function row(event, entry) {
  const body = event.body;
  const href = safeHref(body.page.url);
  const link = href
    ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, [body.page.url])
    : h('span', {}, [body.page.url]);
  const artifacts = h(
    'ul',
    { class: 'artifacts' },
    body.artifacts.map((/** @type {any} */ a) =>
      h('li', { 'data-name': a.name }, [
        h('strong', {}, [a.name]),
        ` (${t('bytes', [String(a.size)])}) `,
        h('br'),
        h('code', { class: 'hash' }, [a.sha256]),
      ]),
    ),
  );
  return h('tr', { 'data-seq': String(entry.seq), 'data-hash': entry.hash }, [
    h('td', { class: 'seq' }, [String(entry.seq)]),
    h('td', { class: 'time' }, [body.capturedAt]),
    h('td', { class: 'page' }, [h('div', {}, [body.page.title]), link]),
    h('td', {}, [artifacts]),
  ]);
}

async function render() {
  localise();
  await ready();
  const caseId = DEFAULT_CASE_ID;
  const [entries, stored, head] = await Promise.all([listEntries(caseId), listArtifacts(caseId), getHead(caseId)]);

  const tbody = /** @type {HTMLElement} */ (document.querySelector('#entries tbody'));
  tbody.replaceChildren(...entries.map((e) => row(core.parseEvent(e.json), e)));
  /** @type {HTMLElement} */ (document.getElementById('entries')).hidden = entries.length === 0;
  /** @type {HTMLElement} */ (document.getElementById('empty')).hidden = entries.length > 0;

  const digests = [];
  for (const a of stored) {
    const bytes = new Uint8Array(await a.blob.arrayBuffer());
    digests.push({ seq: a.seq, name: a.name, size: a.size, sha256: core.sha256Hex(bytes) });
  }
  const report = core.verifyJournal(
    caseId,
    entries.map(({ seq, hash, json }) => ({ seq, hash, json })),
    digests,
    head ?? null,
  );
  const chain = /** @type {HTMLElement} */ (document.getElementById('chain'));
  chain.dataset.ok = String(report.ok);
  if (report.ok) {
    chain.className = 'status-ok';
    chain.textContent = t('journalChainOk', [String(report.entries), report.head.hash]);
  } else {
    chain.className = 'status-bad';
    chain.textContent = t('journalChainBroken', [String(report.problems.length)]);
  }
  /** @type {HTMLElement} */ (document.getElementById('problems')).replaceChildren(
    ...report.problems.map((/** @type {any} */ p) => h('li', { 'data-code': p.code }, [p.message])),
  );
}

render().catch((e) => {
  const chain = /** @type {HTMLElement} */ (document.getElementById('chain'));
  chain.className = 'status-bad';
  chain.textContent = String(e?.message ?? e);
  console.error(e);
});

// 7. Post extraction on real pages: the corpus of pages saved by other people
// (tests/fixtures/real), each captured after a right-click inside its target post, and the
// stored record scored field by field against the values read by hand.
import { resultsTable, runRealPages } from '../../tests/support/real-pages.mjs';

/** @param {(line: string) => void} [log] */
export async function benchRealPages(log) {
  const started = Date.now();
  const run = await runRealPages({ log });
  const seconds = (Date.now() - started) / 1000;
  const o = run.overall;
  const unfound = run.pages.filter((p) => !p.postFound).map((p) => p.id);
  const wrong = run.pages.flatMap((p) => Object.entries(p.fields).filter(([, f]) => f.verdict === 'wrong').map(([name]) => `${p.id} (${name})`));
  const markdown = `${resultsTable(run)}

${o.pages} pages over ${run.platforms.length} platforms, ${o.landed} captured in ${seconds.toFixed(0)} s. Fields scored
per page: author name, author handle, text, publication time (or the time text shown), permalink,
and the parent post's author and text where the page shows it; a field the page does not show is
not scored. **Fields right: ${o.right} of ${o.scored} (${o.scored ? ((100 * o.right) / o.scored).toFixed(0) : 0} %)**; values recorded
that differ from the page: ${o.wrong}; pages where no post was found around the right-clicked element:
${unfound.length}${unfound.length ? ` (${unfound.join(', ')})` : ''}.

Wrong values: ${wrong.length ? wrong.join(', ') : 'none'}.`;
  return { run, markdown };
}

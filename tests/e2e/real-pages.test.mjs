// Post extraction on real pages saved by other people (tests/fixtures/real): each page is served
// under its real address with its scripts kept from running, right-clicked inside the target
// post, captured through the menu's handler, and the stored record scored field by field against
// values read by hand. The floors below are the scores measured when the corpus was made: they
// only say that extraction got no worse. Raise them when extraction improves.
//
// Measured (30 pages over 20 platforms, Chromium 1280 × 800, packaged extension of this commit,
// 35 s on a shared 2-core machine; the crop is cut from the visible screen, without the full page):
//   every capture landed; the platform recognised on all 19 pages of a known platform;
//   fields right: 146 of 146 overall, 94 of 94 on platforms with an extractor, 52 of 52 on
//   pages with no platform extractor; 0 values recorded wrong; a post found and cropped on all 30.
//   (When the corpus was made: 40 of 146, 20 wrong, a post on 19 pages.) The same score in three
//   runs. The floors leave a little room for a page whose layout the headless browser varies, but
//   none for a wrong value: a field the reader is unsure of is left out, never guessed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resultsTable, runRealPages } from '../support/real-pages.mjs';

const FLOOR = {
  right: 142, // fields right, of 146 (146 measured)
  withExtractorRight: 91, // of 94
  withoutExtractorRight: 49, // of 52
  postsFound: 30,
  crops: 30,
  wrong: 0, // a ceiling: values recorded that differ from the page's
};

test('real saved pages: every capture lands, platforms are recognised, extraction keeps its score', { timeout: 600_000 }, async (t) => {
  const run = await runRealPages({ log: (line) => t.diagnostic(line) });
  t.diagnostic(`\n${resultsTable(run)}`);

  for (const page of run.pages) {
    assert.ok(page.landed, `${page.id}: the capture landed (${page.error ?? ''})`);
    if (page.recognisedExpected) assert.equal(page.recognised, page.recognisedExpected, `${page.id}: platform recognised`);
  }
  // Nothing but the pages themselves was answered: every other request got 404 from the local server.
  assert.equal(run.requests.filter((r) => r.status === 200).length, run.pages.length);

  assert.ok(run.overall.right >= FLOOR.right, `fields right ${run.overall.right} ≥ ${FLOOR.right}`);
  assert.ok(run.withExtractor.right >= FLOOR.withExtractorRight, `with an extractor ${run.withExtractor.right} ≥ ${FLOOR.withExtractorRight}`);
  assert.ok(run.withoutExtractor.right >= FLOOR.withoutExtractorRight, `without an extractor ${run.withoutExtractor.right} ≥ ${FLOOR.withoutExtractorRight}`);
  assert.ok(run.overall.postsFound >= FLOOR.postsFound, `posts found ${run.overall.postsFound} ≥ ${FLOOR.postsFound}`);
  assert.ok(run.overall.crops >= FLOOR.crops, `post crops ${run.overall.crops} ≥ ${FLOOR.crops}`);
  assert.ok(run.overall.wrong <= FLOOR.wrong, `wrong values ${run.overall.wrong} ≤ ${FLOOR.wrong}`);
});

// Post extraction on real pages saved by other people (tests/fixtures/real): each page is served
// under its real address with its scripts kept from running, right-clicked inside the target
// post, captured through the menu's handler, and the stored record scored field by field against
// values read by hand. The floors below are the scores measured when the corpus was made: they
// only say that extraction got no worse. Raise them when extraction improves.
//
// Measured (30 pages over 20 platforms, Chromium 1280 × 800, packaged extension of this commit,
// 223 s on a shared 2-core machine under load):
//   every capture landed; the platform recognised on all 19 pages of a known platform;
//   fields right: 40 of 146 overall (27 %), 32 of 94 on platforms with an extractor (34 %),
//   8 of 52 on pages with no platform extractor (15 %); 20 values recorded wrong;
//   a post found (and cropped) on 19 pages, none on 11 (old Twitter, two Reddit layouts, the
//   2018 YouTube comments, Facebook's mobile site, Tumblr, Hacker News, Blogger, Disqus,
//   Forumotion, Substack). On three pages (Bluesky ×2, YouTube 2018) another element covers the
//   target without the pages' styles and the forced right-click lands on it; which element that is
//   varied between runs (a second run: 38 right, 15 posts found, 13 wrong), so the floors are the
//   lower of the two runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resultsTable, runRealPages } from '../support/real-pages.mjs';

const FLOOR = {
  right: 38, // fields right, of 146 (40 and 38 in two runs: see below)
  withExtractorRight: 32,
  withoutExtractorRight: 6,
  postsFound: 15,
  crops: 15,
  wrong: 20, // a ceiling: values recorded that differ from the page's
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

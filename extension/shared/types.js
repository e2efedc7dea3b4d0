// The shapes the extension's own scripts pass between them, as JSDoc typedefs. The values that
// cross into and out of the Rust core are declared in ./types/ (made from the Rust types by
// `cargo test -p temoin-wasm --test typescript`, which fails when they are out of date); the
// names below are the ones the pages use for them.

/**
 * @typedef {import('./types/GuideView').GuideView} GuideView
 * @typedef {import('./types/Action').Action} GuideAction
 * @typedef {import('./types/Alert').Alert} GuideAlert
 * @typedef {import('./types/FormText').FormText} FormText
 * @typedef {import('./types/Clock').Clock} Clock
 * @typedef {import('./types/ClockNote').ClockNote} ClockNote
 * @typedef {import('./types/StepDone').StepDone} StepDone
 * @typedef {import('./types/Situation').Situation} Situation
 * @typedef {import('./types/Letter').Letter} Letter
 * @typedef {import('./types/EventBody').EventBody} EventBody
 * @typedef {import('./types/Head').Head} Head
 * @typedef {import('./types/Entry').Entry} Entry
 * @typedef {import('./types/CaseView').CaseView} CaseView
  * @typedef {import('./types/ItemView').ItemView} ItemView
 * @typedef {import('./types/ErrorCode').ErrorCode} ErrorCode
 * @typedef {import('./types/CaptureNotice').CaptureNotice} CaptureNotice
 * @typedef {import('./types/ProblemCode').ProblemCode} ProblemCode
 *
 * extension/content/extract-post.js, the post's box: getBoundingClientRect().toJSON(), CSS pixels
 * @typedef {{ x: number, y: number, width: number, height: number }} PostBox
 *
 * extension/content/collect-page.js, frames()
 * @typedef {{ url: string, sameOrigin: boolean, html: string | null }} PageFrame
 *
 * extension/content/collect-page.js, collect(): the fields of `post` mirror crate::model::Post
 * @typedef {{
 *   url: string, title: string, lang?: string, redirectCount?: number,
 *   viewport: { width: number, height: number }, devicePixelRatio: number,
 *   scroll: { x: number, y: number }, scrollSteady: boolean, selection?: string, html: string, shadowRoots: number,
 *   snapshot: string, notices: import('./types/CaptureNotice').CaptureNotice[], frames: PageFrame[], post: Record<string, unknown> | null,
 *   postBox: PostBox | null, targetImage: string | null, extractor: string | null, pageHeight: number
 * }} CollectedPage
 *
 * extension/content/collect-page.js, measure()
 * @typedef {{ width: number, height: number, pageHeight: number, x: number, y: number, dpr: number }} PageMeasure
 
*/

export {};

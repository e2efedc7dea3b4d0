// The shapes of what the core returns to the pages, and of what the content scripts return to
// the capture, as JSDoc typedefs, so that `tsc --checkJs` checks every field they read. They
// mirror the Rust types or the functions named beside each; a field renamed on one side must be
// renamed here.

/**
 * @typedef {'V' | 'V*' | 'S' | 'C' | 'U'} Status
 *
 * crate::guide::Action
 * @typedef {{
 *   id: string, step: number, audience: 'young' | 'adult', title: string, text: string,
 *   platform?: string, url?: string, phone?: string, status: Status, statusLabel: string,
 *   source: string, unverified: boolean, letter?: 'procureur' | 'erasure',
 *   copy?: 'platform-report' | 'pharos', warning?: string
 * }} GuideAction
 *
 * crate::guide::FormText
 * @typedef {{ entry: number, platform?: string, platformName: string, text: string }} FormText
 *
 * crate::guide::Alert
 * @typedef {{ kind: string, title: string, lines: string[], deleteFilesOf: number[], source: string }} GuideAlert
 *
 * crate::deadlines::Clock
 * @typedef {{
 *   kind: 'press-3-months' | 'press-1-year' | 'private-insult-3-months' | 'offence-6-years' | 'harassment-6-years',
 *   entry: number, entries: number[], start: string, startsFrom: 'publication' | 'capture-date',
 *   until: string, daysLeft: number, passed: boolean, conditional: boolean, title: string,
 *   message: string, source: string, status: Status, statusLabel: string
 * }} Clock
 *
 * crate::deadlines::ClockNote
 * @typedef {{ kind: string, message: string, source: string, status: Status }} ClockNote
 *
 * crate::model::StepDone
 * @typedef {{ step: number, action: string, date: string, entry?: number, note: string, text?: string }} StepDone
 *
 * crate::guide::Situation
 * @typedef {{
 *   platforms: string[], publicPlatforms: string[], categories: string[], minor: boolean,
 *   public: boolean, private: boolean, email: boolean, repeated: boolean, school: boolean,
 *   minorSexualImage: boolean, country: string
 * }} Situation
 *
 * crate::guide::GuideView
 * @typedef {{
 *   situation: Situation, alert?: GuideAlert, reassurance: string[], helplines: GuideAction[],
 *   now: GuideAction[], adults: GuideAction[], deadlines: { clocks: Clock[], notes: ClockNote[] },
 *   done: StepDone[], notices: FormText[], pharos: FormText[]
 * }} GuideView
 *
 * crate::report::letters::Letter
 * @typedef {{ kind: 'procureur' | 'erasure', platform?: string, platformName?: string, text: string, warnings: string[], sources: string[] }} Letter
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
 *   scroll: { x: number, y: number }, selection?: string, html: string, shadowRoots: number,
 *   snapshot: string, notices: string[], frames: PageFrame[], post: Record<string, unknown> | null,
 *   postBox: PostBox | null, targetImage: string | null, extractor: string | null, pageHeight: number
 * }} CollectedPage
 *
 * extension/content/collect-page.js, measure()
 * @typedef {{ width: number, height: number, pageHeight: number, x: number, y: number, dpr: number }} PageMeasure
 */

export {};

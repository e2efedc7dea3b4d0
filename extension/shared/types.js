// The shapes of what the core returns to the pages, as JSDoc typedefs, so that `tsc --checkJs`
// checks every field the pages read. They mirror the Rust types named beside each; a field
// renamed on one side must be renamed here.

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
 */

export {};

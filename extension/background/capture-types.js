// What each step of a capture hands to the record: its files, each saying how it was made, and
// its notices (what did not go as usual, as the record's stable codes).

/**
 * @typedef {import('../shared/store.js').NewArtifact & { method: string }} CapturedArtifact
 * @typedef {import('../shared/types/CaptureNotice').CaptureNotice} CaptureNotice
 * @typedef {{ artifacts: CapturedArtifact[], notices: CaptureNotice[] }} CaptureStep
 */

export {};

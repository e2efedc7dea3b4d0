//! Every problem code a verification can report, in one place. The codes are stable
//! kebab-case strings: the extension, `temoin verify --json` and the bad-bundle corpus
//! (crate/testdata/corpus/) switch on them; docs/bundle-format.md says what each means.

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ProblemCode {
    // The chain (journal::verify).
    SequenceGap,
    EntryHashMismatch,
    CorruptEntry,
    HeadMismatch,
    UnknownVersion,
    SeqMismatch,
    WrongCase,
    ChainBroken,
    NotCanonical,
    InvalidEvent,
    DanglingReference,
    DeletedTwice,
    TombstoneMismatch,
    // The artifacts against the entries that vouch for them.
    ArtifactMissing,
    ArtifactUnexpected,
    ArtifactDuplicate,
    ArtifactHashMismatch,
    ArtifactWrongDirectory,
    WithheldUnknown,
    WithheldPresent,
    // The bundle's own files.
    ManifestHeadMismatch,
    ManifestNotAsWritten,
    UnexpectedHead,
    SumsMissing,
    SumsMalformed,
    SumsNotExact,
    SumsTooLarge,
    FileMissing,
    FileAltered,
    FileNotListed,
    ChainHeadMissing,
    ChainHeadMalformed,
    ChainHeadNotAsWritten,
    JournalMissing,
    JournalUnreadable,
    JournalNotCanonical,
    // The export entry that seals a version-2 bundle.
    SealMissing,
    EntryAfterSeal,
    DocumentAltered,
    DocumentMissing,
    // Time stamps (RFC 3161) of entries.
    TimestampInvalid,
    TimestampFileMissing,
    TimestampFileNotAsWritten,
    TimestampFileUnexpected,
}

impl ProblemCode {
    pub const ALL: [ProblemCode; 44] = [
        ProblemCode::SequenceGap,
        ProblemCode::EntryHashMismatch,
        ProblemCode::CorruptEntry,
        ProblemCode::HeadMismatch,
        ProblemCode::UnknownVersion,
        ProblemCode::SeqMismatch,
        ProblemCode::WrongCase,
        ProblemCode::ChainBroken,
        ProblemCode::NotCanonical,
        ProblemCode::InvalidEvent,
        ProblemCode::DanglingReference,
        ProblemCode::DeletedTwice,
        ProblemCode::TombstoneMismatch,
        ProblemCode::ArtifactMissing,
        ProblemCode::ArtifactUnexpected,
        ProblemCode::ArtifactDuplicate,
        ProblemCode::ArtifactHashMismatch,
        ProblemCode::ArtifactWrongDirectory,
        ProblemCode::WithheldUnknown,
        ProblemCode::WithheldPresent,
        ProblemCode::ManifestHeadMismatch,
        ProblemCode::ManifestNotAsWritten,
        ProblemCode::UnexpectedHead,
        ProblemCode::SumsMissing,
        ProblemCode::SumsMalformed,
        ProblemCode::SumsNotExact,
        ProblemCode::SumsTooLarge,
        ProblemCode::FileMissing,
        ProblemCode::FileAltered,
        ProblemCode::FileNotListed,
        ProblemCode::ChainHeadMissing,
        ProblemCode::ChainHeadMalformed,
        ProblemCode::ChainHeadNotAsWritten,
        ProblemCode::JournalMissing,
        ProblemCode::JournalUnreadable,
        ProblemCode::JournalNotCanonical,
        ProblemCode::SealMissing,
        ProblemCode::EntryAfterSeal,
        ProblemCode::DocumentAltered,
        ProblemCode::DocumentMissing,
        ProblemCode::TimestampInvalid,
        ProblemCode::TimestampFileMissing,
        ProblemCode::TimestampFileNotAsWritten,
        ProblemCode::TimestampFileUnexpected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::SequenceGap => "sequence-gap",
            ProblemCode::EntryHashMismatch => "entry-hash-mismatch",
            ProblemCode::CorruptEntry => "corrupt-entry",
            ProblemCode::HeadMismatch => "head-mismatch",
            ProblemCode::UnknownVersion => "unknown-version",
            ProblemCode::SeqMismatch => "seq-mismatch",
            ProblemCode::WrongCase => "wrong-case",
            ProblemCode::ChainBroken => "chain-broken",
            ProblemCode::NotCanonical => "not-canonical",
            ProblemCode::InvalidEvent => "invalid-event",
            ProblemCode::DanglingReference => "dangling-reference",
            ProblemCode::DeletedTwice => "deleted-twice",
            ProblemCode::TombstoneMismatch => "tombstone-mismatch",
            ProblemCode::ArtifactMissing => "artifact-missing",
            ProblemCode::ArtifactUnexpected => "artifact-unexpected",
            ProblemCode::ArtifactDuplicate => "artifact-duplicate",
            ProblemCode::ArtifactHashMismatch => "artifact-hash-mismatch",
            ProblemCode::ArtifactWrongDirectory => "artifact-wrong-directory",
            ProblemCode::WithheldUnknown => "withheld-unknown",
            ProblemCode::WithheldPresent => "withheld-present",
            ProblemCode::ManifestHeadMismatch => "manifest-head-mismatch",
            ProblemCode::ManifestNotAsWritten => "manifest-not-as-written",
            ProblemCode::UnexpectedHead => "unexpected-head",
            ProblemCode::SumsMissing => "sums-missing",
            ProblemCode::SumsMalformed => "sums-malformed",
            ProblemCode::SumsNotExact => "sums-not-exact",
            ProblemCode::SumsTooLarge => "sums-too-large",
            ProblemCode::FileMissing => "file-missing",
            ProblemCode::FileAltered => "file-altered",
            ProblemCode::FileNotListed => "file-not-listed",
            ProblemCode::ChainHeadMissing => "chain-head-missing",
            ProblemCode::ChainHeadMalformed => "chain-head-malformed",
            ProblemCode::ChainHeadNotAsWritten => "chain-head-not-as-written",
            ProblemCode::JournalMissing => "journal-missing",
            ProblemCode::JournalUnreadable => "journal-unreadable",
            ProblemCode::JournalNotCanonical => "journal-not-canonical",
            ProblemCode::SealMissing => "seal-missing",
            ProblemCode::EntryAfterSeal => "entry-after-seal",
            ProblemCode::DocumentAltered => "document-altered",
            ProblemCode::DocumentMissing => "document-missing",
            ProblemCode::TimestampInvalid => "timestamp-invalid",
            ProblemCode::TimestampFileMissing => "timestamp-file-missing",
            ProblemCode::TimestampFileNotAsWritten => "timestamp-file-not-as-written",
            ProblemCode::TimestampFileUnexpected => "timestamp-file-unexpected",
        }
    }
}

impl fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ProblemCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for ProblemCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

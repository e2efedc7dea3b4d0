//! One error type for the whole core. Every error carries a stable `code` that the
//! extension switches on, and a message a parent can read.

use std::fmt;

use serde::Serialize;

/// Stable identifiers, serialised in kebab-case (`"invalid-input"`, ...): the one list of error
/// codes, the core's and those the extension raises around it (its declarations are made from
/// this enum, so a code the pages switch on is one of these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// Input from JavaScript or a file did not have the expected shape.
    InvalidInput,
    /// A timestamp was not RFC 3339.
    InvalidTime,
    /// The head given for an append does not belong to this case or is malformed.
    InvalidHead,
    /// A stored journal entry is not valid JSON of a known event.
    CorruptEntry,
    /// The file is not a readable bundle: not a ZIP, truncated, or unsafe to unpack.
    CorruptBundle,
    /// A bundle entry's name is absolute, climbs with `..`, or is outside the layout.
    UnsafeEntry,
    /// Two bundle entries have the same name.
    DuplicateEntry,
    /// A bundle entry expands far beyond its compressed size, or beyond the limits.
    ZipBomb,
    /// A bundle entry holds more or fewer bytes than it declares.
    SizeMismatch,
    /// A bundle of a format or version this Témoin does not know.
    UnknownFormat,
    /// Writing the export failed.
    ExportFailed,
    /// A time stamp (RFC 3161) is unreadable, or does not prove what it should: another
    /// fingerprint, a signature or chain that does not hold, an expired certificate...
    TimestampInvalid,
    /// The time-stamping authority answered, but did not grant the time stamp.
    TimestampRefused,
    /// Bytes no file of the ZIP accounts for: before the first, between two, after the end.
    ExtraBytes,
    /// A local header says something else than its central directory entry.
    HeaderMismatch,
    /// Two directories, ZIP64 and classic records that disagree, or counts that do not match.
    DirectoryMismatch,
    /// A directory, a symbolic link or an entry without a regular file's attributes.
    NotAFile,
    /// A data descriptor where the format has none, or one that contradicts the directory.
    DataDescriptor,
    /// A ZIP feature the bundle's one layout never uses (comments, extra fields, flags...).
    ZipNotCanonical,
    /// An entry's bytes do not have the CRC-32 its header declares.
    CrcMismatch,
    // Raised by the extension around the core:
    /// No tab to capture (the browser gave none).
    NoTab,
    /// The tab to capture is not the one on screen, so it cannot be photographed.
    TabNotVisible,
    /// A page no extension may capture (the browser's own pages, another extension's).
    PageNotCapturable,
    /// The browser refused to let the extension read the page.
    PageNotScriptable,
    /// The page loaded another address or went away during the capture.
    PageChanged,
    /// The browser's storage for the extension is full; nothing was written.
    StorageFull,
    /// Another entry took the number an append expected (a concurrent capture).
    HeadMoved,
    /// Entries kept arriving during an export, past its retries.
    ExportHeadMoved,
    /// The person stopped the export before it was saved: no file, no export entry.
    ExportCancelled,
    /// The control code given to the import page is not 64 hex digits.
    InvalidControlCode,
    /// Anything else; the message says what.
    Unexpected,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 31] = [
        ErrorCode::InvalidInput,
        ErrorCode::InvalidTime,
        ErrorCode::InvalidHead,
        ErrorCode::CorruptEntry,
        ErrorCode::CorruptBundle,
        ErrorCode::UnsafeEntry,
        ErrorCode::DuplicateEntry,
        ErrorCode::ZipBomb,
        ErrorCode::SizeMismatch,
        ErrorCode::UnknownFormat,
        ErrorCode::ExportFailed,
        ErrorCode::TimestampInvalid,
        ErrorCode::TimestampRefused,
        ErrorCode::ExtraBytes,
        ErrorCode::HeaderMismatch,
        ErrorCode::DirectoryMismatch,
        ErrorCode::NotAFile,
        ErrorCode::DataDescriptor,
        ErrorCode::ZipNotCanonical,
        ErrorCode::CrcMismatch,
        ErrorCode::NoTab,
        ErrorCode::TabNotVisible,
        ErrorCode::PageNotCapturable,
        ErrorCode::PageNotScriptable,
        ErrorCode::PageChanged,
        ErrorCode::StorageFull,
        ErrorCode::HeadMoved,
        ErrorCode::ExportHeadMoved,
        ErrorCode::ExportCancelled,
        ErrorCode::InvalidControlCode,
        ErrorCode::Unexpected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid-input",
            ErrorCode::InvalidTime => "invalid-time",
            ErrorCode::InvalidHead => "invalid-head",
            ErrorCode::CorruptEntry => "corrupt-entry",
            ErrorCode::CorruptBundle => "corrupt-bundle",
            ErrorCode::UnsafeEntry => "unsafe-entry",
            ErrorCode::DuplicateEntry => "duplicate-entry",
            ErrorCode::ZipBomb => "zip-bomb",
            ErrorCode::SizeMismatch => "size-mismatch",
            ErrorCode::UnknownFormat => "unknown-format",
            ErrorCode::ExportFailed => "export-failed",
            ErrorCode::TimestampInvalid => "timestamp-invalid",
            ErrorCode::TimestampRefused => "timestamp-refused",
            ErrorCode::ExtraBytes => "extra-bytes",
            ErrorCode::HeaderMismatch => "header-mismatch",
            ErrorCode::DirectoryMismatch => "directory-mismatch",
            ErrorCode::NotAFile => "not-a-file",
            ErrorCode::DataDescriptor => "data-descriptor",
            ErrorCode::ZipNotCanonical => "zip-not-canonical",
            ErrorCode::CrcMismatch => "crc-mismatch",
            ErrorCode::NoTab => "no-tab",
            ErrorCode::TabNotVisible => "tab-not-visible",
            ErrorCode::PageNotCapturable => "page-not-capturable",
            ErrorCode::PageNotScriptable => "page-not-scriptable",
            ErrorCode::PageChanged => "page-changed",
            ErrorCode::StorageFull => "storage-full",
            ErrorCode::HeadMoved => "head-moved",
            ErrorCode::ExportHeadMoved => "export-head-moved",
            ErrorCode::ExportCancelled => "export-cancelled",
            ErrorCode::InvalidControlCode => "invalid-control-code",
            ErrorCode::Unexpected => "unexpected",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
    /// The file of a bundle the error is about, when there is one.
    pub file: Option<String>,
}

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
            file: None,
        }
    }

    pub fn with_file(mut self, file: &str) -> Self {
        self.file = Some(file.to_owned());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_is_its_serde_name() {
        for code in [
            ErrorCode::InvalidInput,
            ErrorCode::CrcMismatch,
            ErrorCode::ZipBomb,
            ErrorCode::HeadMoved,
            ErrorCode::InvalidControlCode,
            ErrorCode::Unexpected,
        ] {
            assert_eq!(
                serde_json::to_string(&code).ok(),
                Some(format!("\"{}\"", code.as_str()))
            );
        }
    }
}

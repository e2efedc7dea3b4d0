//! The export bundle (docs/bundle-format.md): one implementation that writes it in the
//! browser and reads and verifies it in the browser and natively.

pub mod read;
pub mod verify;
pub mod write;

use serde::{Deserialize, Serialize};

use crate::journal::Head;

pub const FORMAT: &str = "temoin-bundle";
pub const FORMAT_VERSION: u32 = 1;

pub const MANIFEST: &str = "bundle.json";
pub const JOURNAL: &str = "journal.json";
pub const JOURNAL_CSV: &str = "journal.csv";
pub const REPORT: &str = "report.html";
pub const CHAIN_HEAD: &str = "chain-head.txt";
pub const LISEZMOI: &str = "LISEZMOI.txt";
pub const README: &str = "README.txt";
pub const SUMS: &str = "SHA256SUMS";

/// The fixed files, besides artifacts.
pub const FIXED_FILES: [&str; 8] = [
    MANIFEST,
    JOURNAL,
    JOURNAL_CSV,
    REPORT,
    CHAIN_HEAD,
    LISEZMOI,
    README,
    SUMS,
];

const CAPTURES_DIR: &str = "captures";
const ADDED_DIR: &str = "added-files";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub case_id: String,
    pub exported_at: String,
    pub generator: String,
    pub language: String,
    pub head: Head,
    pub entries: u32,
}

/// `journal.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JournalFile {
    pub case_id: String,
    pub head: Head,
    pub entries: Vec<JournalElement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JournalElement {
    pub seq: u32,
    pub hash: String,
    pub event: serde_json::Value,
}

/// Where an artifact of entry `seq` lives in the bundle.
pub fn artifact_path(added_by_user: bool, seq: u32, name: &str) -> String {
    let dir = if added_by_user {
        ADDED_DIR
    } else {
        CAPTURES_DIR
    };
    format!("{dir}/{seq:06}/{name}")
}

/// The entry number and artifact name of an artifact path, if it is one.
pub fn parse_artifact_path(path: &str) -> Option<(bool, u32, &str)> {
    let mut parts = path.splitn(3, '/');
    let added = match parts.next()? {
        CAPTURES_DIR => false,
        ADDED_DIR => true,
        _ => return None,
    };
    let number = parts.next()?;
    let name = parts.next()?;
    if number.len() != 6 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !crate::model::is_safe_file_name(name) {
        return None;
    }
    Some((added, number.parse().ok()?, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn artifact_paths_round_trip() {
        let p = artifact_path(false, 42, "page.html");
        assert_eq!(p, "captures/000042/page.html");
        assert_eq!(parse_artifact_path(&p), Some((false, 42, "page.html")));
        assert_eq!(
            parse_artifact_path("added-files/000007/mail.eml"),
            Some((true, 7, "mail.eml"))
        );
        for bad in [
            "captures/42/page.html",
            "captures/000042/../x",
            "other/000001/a",
            "captures/000001/a/b",
            "captures/000001/",
        ] {
            assert_eq!(parse_artifact_path(bad), None, "{bad}");
        }
    }
}

//! The export bundle (docs/bundle-format.md): one implementation that writes it in the
//! browser and reads and verifies it in the browser and natively.

pub mod container;
pub mod files;
pub mod read;
pub mod read_ahead;
pub mod verify;

use serde::{Deserialize, Serialize};

use crate::journal::Head;

pub const FORMAT: &str = "temoin-bundle";
/// The version this Témoin writes; it reads 1 to 3. Version 3 has the layout of version 2; its
/// journal may hold entries of event format 2 (captures of several items).
pub const FORMAT_VERSION: u32 = 3;

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
const TIMESTAMPS_DIR: &str = "timestamps";
const ADDED_DIR: &str = "added-files";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
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
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JournalFile {
    pub case_id: String,
    pub head: Head,
    pub entries: Vec<JournalElement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JournalElement {
    pub seq: u32,
    pub hash: String,
    pub event: serde_json::Value,
}

/// The suffix that keeps a browser from running a raw DOM opened from the unzipped folder.
pub const INERT_SUFFIX: &str = ".txt";

/// Whether a browser would run this artifact if it were opened from the unzipped folder: raw
/// HTML, XHTML and SVG, by media type or by extension. The capture's `snapshot.html` is the one
/// exception: it is Témoin's own copy, with no script, made to be opened.
pub fn would_run(added_by_user: bool, name: &str, media_type: &str) -> bool {
    if !added_by_user && name == "snapshot.html" {
        return false;
    }
    let media = media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let by_type = matches!(
        media.as_str(),
        "text/html" | "application/xhtml+xml" | "image/svg+xml" | "text/xml" | "application/xml"
    );
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    let by_name = matches!(
        ext,
        "html" | "htm" | "shtml" | "xhtml" | "xht" | "svg" | "svgz" | "xml"
    );
    by_type || by_name
}

/// Where an artifact is stored in a bundle of `version`: its plain path, with `.txt` added in
/// version 2 when a browser would run it (`captures/000001/page.html.txt`).
pub fn stored_path(
    version: u32,
    added_by_user: bool,
    seq: u32,
    name: &str,
    media_type: &str,
) -> String {
    artifact_path(
        added_by_user,
        seq,
        &stored_name(version, added_by_user, name, media_type),
    )
}

/// An artifact's file name in a bundle of `version`, as `stored_path` places it
/// (`page.html.txt`): what documents name it by, so that it can be found.
pub fn stored_name(version: u32, added_by_user: bool, name: &str, media_type: &str) -> String {
    if version >= 2 && would_run(added_by_user, name, media_type) {
        format!("{name}{INERT_SUFFIX}")
    } else {
        name.to_owned()
    }
}

/// Whether `path` has the shape of a bundle's file: a fixed file,
/// `captures|added-files/NNNNNN/<artifact name>[.txt]`, or `timestamps/NNNNNN.tsr|.pem`.
pub fn is_layout_path(path: &str) -> bool {
    FIXED_FILES.contains(&path)
        || parse_artifact_path(path).is_some()
        || parse_timestamp_path(path).is_some()
}

/// The two files a time-stamp entry `seq` gives the bundle, for `openssl ts -verify`: its token
/// (DER) and its certificates (PEM).
pub fn timestamp_paths(seq: u32) -> (String, String) {
    (
        format!("{TIMESTAMPS_DIR}/{seq:06}.tsr"),
        format!("{TIMESTAMPS_DIR}/{seq:06}.pem"),
    )
}

/// The entry number of a `timestamps/NNNNNN.tsr|.pem` path.
pub fn parse_timestamp_path(path: &str) -> Option<u32> {
    let file = path.strip_prefix(TIMESTAMPS_DIR)?.strip_prefix('/')?;
    let number = file
        .strip_suffix(".tsr")
        .or_else(|| file.strip_suffix(".pem"))?;
    if number.len() != 6 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    number.parse().ok()
}

/// The files every time-stamp entry of `entries` gives the bundle, with their bytes, exactly as
/// the writer writes them (the verifier compares byte for byte).
pub fn timestamp_files(entries: &[crate::journal::Entry]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in entries {
        let Ok(event) = crate::journal::parse_event(&e.json) else {
            continue;
        };
        let crate::model::EventBody::Timestamp(t) = event.body else {
            continue;
        };
        let (Ok(token), Ok(certs)) = (t.token_der(), t.certificates_der()) else {
            continue;
        };
        let (tsr, pem) = timestamp_paths(e.seq);
        out.push((tsr, token));
        out.push((pem, crate::timestamp::certificates_pem(&certs).into_bytes()));
    }
    out
}

/// Where an artifact of entry `seq` lives in the bundle, before the version-2 `.txt` suffix.
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
    let artifact = name.strip_suffix(INERT_SUFFIX).unwrap_or(name);
    if !crate::model::is_safe_file_name(name) && !crate::model::is_safe_file_name(artifact) {
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

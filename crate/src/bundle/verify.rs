//! Verifying a bundle: the same checks whether it runs in the browser's import page or as
//! `temoin verify`. Anything that makes the file unreadable is an `Error` (exit 2); anything
//! altered is a `Problem` naming the entry and the file (exit 1).

use std::collections::BTreeMap;
use std::io::{Read, Seek};

use serde::Serialize;

use crate::canonical::to_canonical_string;
use crate::digest::is_sha256_hex;
use crate::error::{Error, ErrorCode, Result};
use crate::journal::{self, Entry, Head, Problem, StoredArtifact};
use crate::model::EventBody;

use super::read::{scan, Limits, Scanned};
use super::{
    artifact_path, parse_artifact_path, JournalFile, Manifest, CHAIN_HEAD, FORMAT, FORMAT_VERSION,
    JOURNAL, MANIFEST, SUMS,
};

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleReport {
    pub ok: bool,
    pub case_id: String,
    pub exported_at: String,
    /// The head recomputed from the journal.
    pub head: Head,
    /// The head the bundle says it has (`chain-head.txt`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded_head: Option<Head>,
    pub entries: u32,
    pub files: u32,
    pub problems: Vec<Problem>,
    /// The journal's entries, for a read-only view of a valid bundle.
    #[serde(skip)]
    pub journal: Vec<Entry>,
}

pub fn verify_bundle<R: Read + Seek>(
    reader: R,
    limits: &Limits,
    expect_head: Option<&str>,
) -> Result<BundleReport> {
    let scanned = scan(reader, limits)?;
    let manifest = read_manifest(&scanned)?;
    let mut problems = Vec::new();

    check_sums(&scanned, &mut problems);

    let recorded_head = read_chain_head(&scanned, &mut problems);
    let entries = read_journal(&scanned, &manifest, &mut problems);

    // Which artifacts are present, in journal terms.
    let mut stored = Vec::new();
    let mut paths: BTreeMap<(u32, String), String> = BTreeMap::new();
    for (path, file) in &scanned.files {
        if let Some((_, seq, name)) = parse_artifact_path(path) {
            stored.push(StoredArtifact {
                seq,
                name: name.to_owned(),
                size: u32::try_from(file.size).unwrap_or(u32::MAX),
                sha256: file.sha256.clone(),
            });
            paths.insert((seq, name.to_owned()), path.clone());
        }
    }
    let verification =
        journal::verify(&manifest.case_id, &entries, &stored, recorded_head.as_ref());
    for mut p in verification.problems {
        // Name artifacts by their path in the bundle, which is what a reader can open.
        if let (Some(seq), Some(name)) = (p.seq, p.file.as_ref()) {
            let path = paths.get(&(seq, name.clone())).cloned().unwrap_or_else(|| {
                let added = entries.iter().find(|e| e.seq == seq).is_some_and(|e| {
                    journal::parse_event(&e.json)
                        .is_ok_and(|ev| matches!(ev.body, EventBody::FileAdded(_)))
                });
                artifact_path(added, seq, name)
            });
            p.file = Some(path);
        }
        problems.push(p);
    }
    if manifest.head != verification.head {
        problems.push(Problem {
            code: "manifest-head-mismatch",
            seq: None,
            file: Some(MANIFEST.into()),
            expected: Some(format!("{} {}", manifest.head.seq, manifest.head.hash)),
            found: Some(format!(
                "{} {}",
                verification.head.seq, verification.head.hash
            )),
            message: "bundle.json names another chain head than the journal's".into(),
        });
    }
    if let Some(expected) = expect_head {
        let expected = expected.trim().to_ascii_lowercase();
        if expected != verification.head.hash {
            problems.push(Problem {
                code: "unexpected-head",
                seq: Some(verification.head.seq),
                file: Some(JOURNAL.into()),
                expected: Some(expected),
                found: Some(verification.head.hash.clone()),
                message: "the chain does not end at the head you expected: this is not the bundle you wrote down, or it was rewritten".into(),
            });
        }
    }

    Ok(BundleReport {
        ok: problems.is_empty(),
        case_id: manifest.case_id,
        exported_at: manifest.exported_at,
        head: verification.head,
        recorded_head,
        entries: verification.entries,
        files: u32::try_from(scanned.files.len()).unwrap_or(u32::MAX),
        problems,
        journal: entries,
    })
}

fn read_manifest(scanned: &Scanned) -> Result<Manifest> {
    let bytes = scanned.meta.get(MANIFEST).ok_or_else(|| {
        Error::new(
            ErrorCode::CorruptBundle,
            "this ZIP has no bundle.json: it is not a Témoin bundle",
        )
    })?;
    // Look at the format and version before the rest, so that a newer bundle says so.
    let loose: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        Error::new(
            ErrorCode::CorruptBundle,
            format!("bundle.json is not valid JSON ({e})"),
        )
    })?;
    if loose.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(Error::new(
            ErrorCode::UnknownFormat,
            "bundle.json does not describe a Témoin bundle",
        ));
    }
    let version = loose.get("formatVersion").and_then(|v| v.as_u64());
    if version != Some(u64::from(FORMAT_VERSION)) {
        return Err(Error::new(
            ErrorCode::UnknownFormat,
            format!(
                "this bundle has format version {}; this version of Témoin reads version {FORMAT_VERSION}",
                version.map_or_else(|| "?".into(), |v| v.to_string())
            ),
        ));
    }
    serde_json::from_value(loose)
        .map_err(|e| Error::new(ErrorCode::CorruptBundle, format!("bundle.json: {e}")))
}

fn check_sums(scanned: &Scanned, problems: &mut Vec<Problem>) {
    let Some(bytes) = scanned.meta.get(SUMS) else {
        problems.push(file_problem(
            "sums-missing",
            SUMS,
            None,
            None,
            "SHA256SUMS is missing".into(),
        ));
        return;
    };
    let text = String::from_utf8_lossy(bytes);
    let mut listed: BTreeMap<&str, &str> = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let parsed = line
            .split_once("  ")
            .or_else(|| line.split_once(" *"))
            .filter(|(h, _)| is_sha256_hex(h));
        match parsed {
            Some((hash, path)) => {
                listed.insert(path, hash);
            }
            None => problems.push(file_problem(
                "sums-malformed",
                SUMS,
                None,
                Some(line.to_owned()),
                format!("line {} of SHA256SUMS is not '<sha256>  <file>'", n + 1),
            )),
        }
    }
    for (path, hash) in &listed {
        match scanned.files.get(*path) {
            None => problems.push(file_problem(
                "file-missing",
                path,
                Some((*hash).to_owned()),
                None,
                format!("'{path}' is listed in SHA256SUMS but missing"),
            )),
            Some(f) if f.sha256 != *hash => problems.push(file_problem(
                "file-altered",
                path,
                Some((*hash).to_owned()),
                Some(f.sha256.clone()),
                format!("'{path}' does not have the SHA-256 listed in SHA256SUMS"),
            )),
            Some(_) => {}
        }
    }
    for path in scanned.files.keys() {
        if path != SUMS && !listed.contains_key(path.as_str()) {
            problems.push(file_problem(
                "file-not-listed",
                path,
                None,
                scanned.files.get(path).map(|f| f.sha256.clone()),
                format!("'{path}' is in the bundle but not in SHA256SUMS: it was added"),
            ));
        }
    }
}

fn read_chain_head(scanned: &Scanned, problems: &mut Vec<Problem>) -> Option<Head> {
    let text = String::from_utf8_lossy(scanned.meta.get(CHAIN_HEAD)?).into_owned();
    let mut parts = text.split_whitespace();
    let seq = parts.next().and_then(|s| s.parse().ok());
    let hash = parts.next().filter(|h| is_sha256_hex(h));
    match (seq, hash) {
        (Some(seq), Some(hash)) => Some(Head {
            seq,
            hash: hash.to_owned(),
        }),
        _ => {
            problems.push(file_problem(
                "chain-head-malformed",
                CHAIN_HEAD,
                None,
                Some(text.trim().to_owned()),
                "chain-head.txt is not '<number> <sha256>'".into(),
            ));
            None
        }
    }
}

/// The entries of `journal.json`, each re-canonicalised: the canonical text is what was hashed.
fn read_journal(scanned: &Scanned, manifest: &Manifest, problems: &mut Vec<Problem>) -> Vec<Entry> {
    let Some(bytes) = scanned.meta.get(JOURNAL) else {
        problems.push(file_problem(
            "journal-missing",
            JOURNAL,
            None,
            None,
            "journal.json is missing".into(),
        ));
        return Vec::new();
    };
    let journal: JournalFile = match serde_json::from_slice(bytes) {
        Ok(j) => j,
        Err(e) => {
            problems.push(file_problem(
                "journal-unreadable",
                JOURNAL,
                None,
                None,
                format!("journal.json cannot be read ({e})"),
            ));
            return Vec::new();
        }
    };
    if journal.case_id != manifest.case_id {
        problems.push(file_problem(
            "wrong-case",
            JOURNAL,
            Some(manifest.case_id.clone()),
            Some(journal.case_id.clone()),
            "journal.json belongs to another case than bundle.json".into(),
        ));
    }
    journal
        .entries
        .into_iter()
        .map(|element| {
            let json = match &element.event {
                // An event the writer could not parse travels as its original text.
                serde_json::Value::String(text) => text.clone(),
                other => to_canonical_string(other).unwrap_or_default(),
            };
            Entry {
                seq: element.seq,
                hash: element.hash,
                json,
            }
        })
        .collect()
}

fn file_problem(
    code: &'static str,
    file: &str,
    expected: Option<String>,
    found: Option<String>,
    message: String,
) -> Problem {
    Problem {
        code,
        seq: None,
        file: Some(file.to_owned()),
        expected,
        found,
        message,
    }
}

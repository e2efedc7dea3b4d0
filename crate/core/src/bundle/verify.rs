//! Verifying a bundle: the same checks whether it runs in the browser's import page or as
//! `temoin verify`. Anything that makes the file unreadable is an `Error` (exit 2); anything
//! altered is a `Problem` naming the entry and the file (exit 1).
//!
//! A version-2 bundle is vouched for entirely by its chain: the last entry (but for the kinds
//! `may_follow_seal` allows) is the `export` entry that holds the digests of the documents, and
//! every other file is either an artifact an entry vouches for or exactly what the writer
//! derives from the chain (journal.json, chain-head.txt, bundle.json, SHA256SUMS).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Seek};

use serde::Serialize;

use crate::canonical::to_canonical_string;
use crate::digest::is_sha256_hex;
use crate::error::{Error, ErrorCode, Result};
use crate::journal::{self, Entry, Head, Problem, StoredArtifact};
use crate::model::{EventBody, Export};
use crate::problem::ProblemCode;
use crate::view::CaseView;

use super::files::{expected_files, sums_text};
use super::read::{scan, Limits, Scanned};
use super::{
    parse_artifact_path, stored_path, JournalFile, Manifest, CHAIN_HEAD, FIXED_FILES, FORMAT,
    FORMAT_VERSION, JOURNAL, MANIFEST, SUMS,
};

/// Problems listed in full; beyond this, only counted (a hostile bundle can have millions).
pub const MAX_PROBLEMS: usize = 1000;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    pub code: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BundleReport {
    pub ok: bool,
    pub format_version: u32,
    pub case_id: String,
    pub exported_at: String,
    /// The head recomputed from the journal: its hash is the control code.
    pub head: Head,
    /// The head the bundle says it has (`chain-head.txt`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded_head: Option<Head>,
    /// The export entry that seals the documents (version 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sealed_by: Option<u32>,
    pub entries: u32,
    pub files: u32,
    /// The first `MAX_PROBLEMS` problems.
    pub problems: Vec<Problem>,
    /// How many more were found and not listed.
    pub more_problems: u32,
    /// Information that is not a problem (a version-1 bundle's documents are not covered).
    pub notices: Vec<Notice>,
    /// What each valid time stamp attests: entry N existed by a time, signed by an authority.
    pub attestations: Vec<TimeAttestation>,
    /// The journal's entries, for a read-only view of a valid bundle.
    #[serde(skip)]
    pub journal: Vec<Entry>,
}

/// A time stamp of the journal, checked offline.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TimeAttestation {
    /// The `timestamp` entry.
    pub entry: u32,
    /// The entry whose hash it stamps.
    pub stamped: u32,
    /// That hash: the fingerprint the authority signed.
    pub hash: String,
    /// The authority's address, as recorded.
    pub authority: String,
    #[serde(flatten)]
    pub attestation: crate::timestamp::Attestation,
}

impl BundleReport {
    /// Every problem found, listed or not.
    pub fn problem_count(&self) -> usize {
        self.problems.len() + self.more_problems as usize
    }
}

/// Kinds of entry that may follow the export entry that seals a bundle: a timestamp of the
/// head, added later, vouches for the bundle without changing it.
pub fn may_follow_seal(kind: &str) -> bool {
    kind == "timestamp"
}

/// A control code as people copy it (spaces, groups of four, upper case, a trailing newline,
/// or the whole line of chain-head.txt) as 64 lowercase hex digits, if it is one.
pub fn normalize_control_code(text: &str) -> Option<String> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    // "12 ab34..." from chain-head.txt: the entry number first.
    if words.len() > 1 && words[0].bytes().all(|b| b.is_ascii_digit()) && words[0].len() < 10 {
        let rest: String = words[1..].concat();
        if rest.len() == 64 {
            words.remove(0);
        }
    }
    let code = words.concat().to_ascii_lowercase();
    is_sha256_hex(&code).then_some(code)
}

/// A verified bundle with the case as people read it, as the import page shows it.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct VerifiedBundle {
    #[serde(flatten)]
    pub report: BundleReport,
    pub view: CaseView,
}

impl VerifiedBundle {
    pub fn new(report: BundleReport) -> VerifiedBundle {
        let view = CaseView::build(&report.case_id, &report.journal);
        VerifiedBundle { report, view }
    }
}

/// Reads the whole bundle once (`scan`), then checks it.
pub fn verify_bundle<R: Read + Seek>(
    reader: R,
    limits: &Limits,
    expect_head: Option<&str>,
) -> Result<BundleReport> {
    verify_scanned(&scan(reader, limits)?, expect_head)
}

/// The checks of a bundle once every file of it was read (`scan`, or parts of it merged).
pub fn verify_scanned(scanned: &Scanned, expect_head: Option<&str>) -> Result<BundleReport> {
    let manifest = read_manifest(scanned)?;
    let version = manifest.format_version;
    if version >= 2 && scanned.uses_descriptors {
        return Err(Error::new(
            ErrorCode::DataDescriptor,
            "this version-2 bundle's ZIP writes sizes after the data (data descriptors), which its writer never does: refused",
        ));
    }
    let mut problems = Vec::new();
    let mut notices = Vec::new();

    check_sums(scanned, &mut problems);
    let recorded_head = read_chain_head(scanned, &mut problems);
    let entries = read_journal(scanned, &manifest, &mut problems);
    let events: Vec<Option<crate::model::Event>> = entries
        .iter()
        .map(|e| journal::parse_event(&e.json).ok())
        .collect();

    // Entries of several items came with bundle version 3: an older bundle cannot hold one.
    if version < 3 {
        for (entry, event) in entries.iter().zip(&events) {
            if let Some(event) = event.as_ref().filter(|e| e.v > 1) {
                problems.push(Problem::at(
                    ProblemCode::UnknownVersion,
                    entry.seq,
                    Some("1".into()),
                    Some(event.v.to_string()),
                    format!(
                        "entry {} is of event format {}, which a version-{version} bundle cannot hold",
                        entry.seq, event.v
                    ),
                ));
            }
        }
    }

    // Where each artifact the journal knows of should be, and the seal's withheld artifacts.
    let mut expected_paths: BTreeMap<String, (u32, String)> = BTreeMap::new();
    let mut by_artifact: BTreeMap<(u32, String), String> = BTreeMap::new();
    for (entry, event) in entries.iter().zip(&events) {
        let Some(event) = event else { continue };
        let added = matches!(event.body, EventBody::FileAdded(_));
        for a in event.body.artifacts() {
            let path = stored_path(version, added, entry.seq, &a.name, &a.media_type);
            expected_paths.insert(path.clone(), (entry.seq, a.name.clone()));
            by_artifact.insert((entry.seq, a.name.clone()), path);
        }
    }
    let seal = if version >= 2 {
        find_seal(&entries, &events, &mut problems)
    } else {
        None
    };

    let mut stored = Vec::new();
    let mut stored_paths: BTreeMap<(u32, String), String> = BTreeMap::new();
    for (path, file) in &scanned.files {
        if FIXED_FILES.contains(&path.as_str()) || super::parse_timestamp_path(path).is_some() {
            continue;
        }
        let (seq, name) = match expected_paths.get(path) {
            Some((seq, name)) => (*seq, name.clone()),
            None => {
                let Some((_, seq, file_name)) = parse_artifact_path(path) else {
                    continue;
                };
                let plain = file_name
                    .strip_suffix(super::INERT_SUFFIX)
                    .filter(|n| by_artifact.contains_key(&(seq, (*n).to_owned())))
                    .unwrap_or(file_name);
                if let Some(right) = by_artifact.get(&(seq, plain.to_owned())) {
                    problems.push(file_problem(
                        ProblemCode::ArtifactWrongDirectory,
                        path,
                        Some(right.clone()),
                        Some(path.clone()),
                        format!("'{path}' is not where entry {seq}'s file belongs ('{right}'): it was moved"),
                    ));
                    continue;
                }
                (seq, file_name.to_owned())
            }
        };
        stored_paths.insert((seq, name.clone()), path.clone());
        stored.push(StoredArtifact {
            seq,
            name,
            size: u32::try_from(file.size).unwrap_or(u32::MAX),
            sha256: file.sha256.clone(),
        });
    }
    let verification =
        journal::verify(&manifest.case_id, &entries, &stored, recorded_head.as_ref());
    let withheld: BTreeSet<(u32, String)> = seal
        .as_ref()
        .map(|(_, x)| {
            x.withheld
                .iter()
                .map(|w| (w.entry, w.name.clone()))
                .collect()
        })
        .unwrap_or_default();
    for mut p in verification.problems {
        if p.code == ProblemCode::ArtifactMissing {
            if let (Some(seq), Some(name)) = (p.seq, p.file.as_ref()) {
                if withheld.contains(&(seq, name.clone())) {
                    continue;
                }
            }
        }
        // Name artifacts by their path in the bundle, which is what a reader can open.
        if let (Some(seq), Some(name)) = (p.seq, p.file.as_ref()) {
            let key = (seq, name.clone());
            let path = stored_paths
                .get(&key)
                .or_else(|| by_artifact.get(&key))
                .cloned()
                .unwrap_or_else(|| super::artifact_path(false, seq, name));
            p.file = Some(path);
        }
        problems.push(p);
    }
    if let Some((seal_seq, export)) = &seal {
        check_withheld(
            export,
            *seal_seq,
            &by_artifact,
            scanned,
            &verification_vouched(&entries, &events),
            &mut problems,
        );
        check_documents(export, *seal_seq, scanned, &mut problems);
    }
    let attestations = check_timestamps(&entries, &events, scanned, &mut problems);
    if manifest.head != verification.head {
        problems.push(Problem {
            code: ProblemCode::ManifestHeadMismatch,
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
    let exported_at = match (&seal, version) {
        (Some((seq, export)), 2..) => {
            let at = events
                .get(*seq as usize - 1)
                .and_then(|e| e.as_ref())
                .map(|e| e.at.clone())
                .unwrap_or_default();
            check_derived_files(scanned, &manifest, &entries, &at, export, &mut problems);
            at
        }
        _ => manifest.exported_at.clone(),
    };
    if version < 2 {
        notices.push(Notice {
            code: "documents-not-covered",
            message: "format version 1: report.html, journal.csv, bundle.json and the instructions are not covered by the chain; only SHA256SUMS, which anyone can recompute, lists them".into(),
        });
    }
    if let Some(expected) = expect_head {
        match normalize_control_code(expected) {
            Some(code) if code == verification.head.hash => {}
            normalized => problems.push(Problem {
                code: ProblemCode::UnexpectedHead,
                seq: Some(verification.head.seq),
                file: Some(CHAIN_HEAD.into()),
                expected: Some(normalized.unwrap_or_else(|| expected.trim().to_owned())),
                found: Some(verification.head.hash.clone()),
                message: "the chain does not end at the control code you expected: this is not the bundle that was written down, or it was rewritten".into(),
            }),
        }
    }

    // A problem of the chain itself is in journal.json, where the entries are.
    for p in &mut problems {
        if p.file.is_none() {
            p.file = Some(JOURNAL.into());
        }
    }
    let total = problems.len();
    problems.truncate(MAX_PROBLEMS);
    Ok(BundleReport {
        ok: total == 0,
        format_version: version,
        case_id: manifest.case_id,
        exported_at,
        head: verification.head,
        recorded_head,
        sealed_by: seal.map(|(seq, _)| seq),
        entries: verification.entries,
        files: u32::try_from(scanned.files.len()).unwrap_or(u32::MAX),
        more_problems: u32::try_from(total - problems.len()).unwrap_or(u32::MAX),
        problems,
        notices,
        attestations,
        journal: entries,
    })
}

/// Every time stamp of the journal: its files in the bundle exactly as written from its entry,
/// and its token checked offline against the stamped entry's hash and its own certificates.
fn check_timestamps(
    entries: &[Entry],
    events: &[Option<crate::model::Event>],
    scanned: &Scanned,
    problems: &mut Vec<Problem>,
) -> Vec<TimeAttestation> {
    let expected: BTreeMap<String, String> = super::timestamp_files(entries)
        .into_iter()
        .map(|(path, bytes)| (path, crate::digest::sha256_hex(&bytes)))
        .collect();
    for (path, digest) in &expected {
        match scanned.files.get(path) {
            None => problems.push(file_problem(
                ProblemCode::TimestampFileMissing,
                path,
                Some(digest.clone()),
                None,
                format!("'{path}', written from its time-stamp entry, is missing"),
            )),
            Some(f) if &f.sha256 != digest => problems.push(file_problem(
                ProblemCode::TimestampFileNotAsWritten,
                path,
                Some(digest.clone()),
                Some(f.sha256.clone()),
                format!("'{path}' is not the time stamp its entry holds: it was changed"),
            )),
            Some(_) => {}
        }
    }
    for path in scanned.files.keys() {
        if super::parse_timestamp_path(path).is_some() && !expected.contains_key(path) {
            problems.push(file_problem(
                ProblemCode::TimestampFileUnexpected,
                path,
                None,
                None,
                format!("'{path}' belongs to no time-stamp entry of the journal: it was added"),
            ));
        }
    }
    let mut out = Vec::new();
    for (entry, event) in entries.iter().zip(events) {
        let Some(crate::model::EventBody::Timestamp(t)) = event.as_ref().map(|e| &e.body) else {
            continue;
        };
        let stamped = entries
            .iter()
            .find(|e| e.seq == t.entry)
            .map(|e| e.hash.clone());
        let checked = stamped
            .as_deref()
            .and_then(|h| hex::decode(h).ok())
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
            .ok_or_else(|| {
                crate::error::Error::new(
                    ErrorCode::TimestampInvalid,
                    format!("entry {} is not in the journal", t.entry),
                )
            })
            .and_then(|imprint| {
                crate::timestamp::verify(&t.token_der()?, &imprint, &t.certificates_der()?, None)
            });
        match checked {
            Ok(attestation) => out.push(TimeAttestation {
                entry: entry.seq,
                stamped: t.entry,
                hash: stamped.unwrap_or_default(),
                authority: t.authority.clone(),
                attestation,
            }),
            Err(e) => problems.push(Problem {
                code: ProblemCode::TimestampInvalid,
                seq: Some(entry.seq),
                file: Some(super::timestamp_paths(entry.seq).0),
                expected: stamped,
                found: None,
                message: format!(
                    "the time stamp of entry {} (entry {}) does not hold: {}",
                    t.entry, entry.seq, e.message
                ),
            }),
        }
    }
    out
}

/// (entry, name) of every artifact still vouched for at the end of the chain (not deleted).
fn verification_vouched(
    entries: &[Entry],
    events: &[Option<crate::model::Event>],
) -> BTreeSet<(u32, String)> {
    let mut vouched = BTreeSet::new();
    for (entry, event) in entries.iter().zip(events) {
        let Some(event) = event else { continue };
        for a in event.body.artifacts() {
            vouched.insert((entry.seq, a.name.clone()));
        }
        if let EventBody::Deletion(d) = &event.body {
            vouched.retain(|(s, _)| *s != d.entry);
        }
    }
    vouched
}

/// The export entry that seals the bundle: the last entry but for those allowed after it.
fn find_seal(
    entries: &[Entry],
    events: &[Option<crate::model::Event>],
    problems: &mut Vec<Problem>,
) -> Option<(u32, Export)> {
    let last = entries.iter().zip(events).rev().find(|(entry, event)| {
        let kind = event
            .as_ref()
            .map(|e| e.body.kind().to_owned())
            .or_else(|| raw_kind(&entry.json));
        !kind.is_some_and(|k| may_follow_seal(&k))
    });
    match last {
        Some((entry, Some(event))) => {
            if let EventBody::Export(x) = &event.body {
                return Some((entry.seq, x.clone()));
            }
            let earlier_seal = events
                .iter()
                .flatten()
                .any(|e| matches!(e.body, EventBody::Export(_)));
            problems.push(Problem {
                code: if earlier_seal {
                    ProblemCode::EntryAfterSeal
                } else {
                    ProblemCode::SealMissing
                },
                seq: Some(entry.seq),
                file: Some(JOURNAL.into()),
                expected: Some("export".into()),
                found: Some(event.body.kind().into()),
                message: if earlier_seal {
                    format!("entry {} ({}) comes after the export entry that seals this bundle: it was added later", entry.seq, event.body.kind())
                } else {
                    "the journal does not end with the export entry that seals this bundle".into()
                },
            });
            None
        }
        // An entry that does not parse is reported by the chain's checks.
        Some((_, None)) => None,
        None => {
            problems.push(file_problem(
                ProblemCode::SealMissing,
                JOURNAL,
                Some("export".into()),
                None,
                "the journal has no export entry sealing this bundle".into(),
            ));
            None
        }
    }
}

fn raw_kind(json: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    Some(v.get("body")?.get("kind")?.as_str()?.to_owned())
}

fn check_documents(export: &Export, seal: u32, scanned: &Scanned, problems: &mut Vec<Problem>) {
    for d in &export.documents {
        match scanned.files.get(&d.name) {
            None => problems.push(Problem {
                code: ProblemCode::DocumentMissing,
                seq: Some(seal),
                file: Some(d.name.clone()),
                expected: Some(d.sha256.clone()),
                found: None,
                message: format!("{} is missing from the bundle", d.name),
            }),
            Some(f) if f.sha256 != d.sha256 || f.size != u64::from(d.size) => {
                problems.push(Problem {
                    code: ProblemCode::DocumentAltered,
                    seq: Some(seal),
                    file: Some(d.name.clone()),
                    expected: Some(d.sha256.clone()),
                    found: Some(f.sha256.clone()),
                    message: format!("{} was changed after export", d.name),
                })
            }
            Some(_) => {}
        }
    }
}

fn check_withheld(
    export: &Export,
    seal: u32,
    by_artifact: &BTreeMap<(u32, String), String>,
    scanned: &Scanned,
    vouched: &BTreeSet<(u32, String)>,
    problems: &mut Vec<Problem>,
) {
    for w in &export.withheld {
        let key = (w.entry, w.name.clone());
        let path = by_artifact.get(&key).cloned();
        if !vouched.contains(&key) {
            problems.push(Problem {
                code: ProblemCode::WithheldUnknown,
                seq: Some(seal),
                file: path,
                expected: None,
                found: Some(format!("{} {}", w.entry, w.name)),
                message: format!(
                    "the export entry withholds '{}' of entry {}, which the journal does not hold",
                    w.name, w.entry
                ),
            });
        } else if let Some(path) = path.filter(|p| scanned.files.contains_key(p)) {
            problems.push(Problem {
                code: ProblemCode::WithheldPresent,
                seq: Some(w.entry),
                file: Some(path.clone()),
                expected: None,
                found: Some(path.clone()),
                message: format!(
                    "'{path}' was withheld from this bundle ({}), yet it is in it",
                    w.reason
                ),
            });
        }
    }
}

/// journal.json, chain-head.txt and bundle.json must be exactly what the writer derives from
/// the chain: a back-dated manifest or a replaced head is an alteration.
fn check_derived_files(
    scanned: &Scanned,
    manifest: &Manifest,
    entries: &[Entry],
    exported_at: &str,
    export: &Export,
    problems: &mut Vec<Problem>,
) {
    let Ok((_, chain_head, expected_manifest)) = expected_files(
        manifest.format_version,
        &manifest.case_id,
        entries,
        exported_at,
        &export.generator,
        &export.language,
    ) else {
        return;
    };
    if let Some(bytes) = scanned.meta.get(MANIFEST) {
        if bytes.as_slice() != expected_manifest.as_bytes() {
            problems.push(file_problem(
                ProblemCode::ManifestNotAsWritten,
                MANIFEST,
                Some(expected_manifest),
                Some(String::from_utf8_lossy(bytes).chars().take(600).collect()),
                "bundle.json is not what the export wrote from the chain (its date, head, generator or language was changed)".into(),
            ));
        }
    }
    if let Some(bytes) = scanned.meta.get(CHAIN_HEAD) {
        if bytes.as_slice() != chain_head.as_bytes() {
            problems.push(file_problem(
                ProblemCode::ChainHeadNotAsWritten,
                CHAIN_HEAD,
                Some(chain_head.trim_end().to_owned()),
                Some(String::from_utf8_lossy(bytes).chars().take(200).collect()),
                "chain-head.txt is not the head of the chain".into(),
            ));
        }
    }
}

fn read_manifest(scanned: &Scanned) -> Result<Manifest> {
    let bytes = scanned.meta.get(MANIFEST).ok_or_else(|| {
        Error::new(
            ErrorCode::CorruptBundle,
            "this ZIP has no bundle.json: it is not a Témoin bundle",
        )
        .with_file(MANIFEST)
    })?;
    // Look at the format and version before the rest, so that a newer bundle says so.
    let loose: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        Error::new(
            ErrorCode::CorruptBundle,
            format!("bundle.json is not valid JSON ({e})"),
        )
        .with_file(MANIFEST)
    })?;
    if loose.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(Error::new(
            ErrorCode::UnknownFormat,
            "bundle.json does not describe a Témoin bundle",
        )
        .with_file(MANIFEST));
    }
    let version = loose.get("formatVersion").and_then(|v| v.as_u64());
    if !version.is_some_and(|v| (1..=u64::from(FORMAT_VERSION)).contains(&v)) {
        return Err(Error::new(
            ErrorCode::UnknownFormat,
            format!(
                "this bundle has format version {}; this version of Témoin reads versions 1 to {FORMAT_VERSION}",
                version.map_or_else(|| "?".into(), |v| v.to_string())
            ),
        )
        .with_file(MANIFEST));
    }
    serde_json::from_value(loose).map_err(|e| {
        Error::new(ErrorCode::CorruptBundle, format!("bundle.json: {e}")).with_file(MANIFEST)
    })
}

/// SHA256SUMS must be exactly what the writer emits: `<sha256>  <path>\n` for every other
/// file, sorted by path, each once, nothing else. What differs is named the way `sha256sum -c`
/// would see it (a file whose line has another digest is altered, even if listed twice).
fn check_sums(scanned: &Scanned, problems: &mut Vec<Problem>) {
    if scanned.sums_too_large {
        problems.push(file_problem(
            ProblemCode::SumsTooLarge,
            SUMS,
            None,
            None,
            "SHA256SUMS is far larger than the list of this bundle's files: not read".into(),
        ));
        return;
    }
    let Some(bytes) = scanned.meta.get(SUMS) else {
        problems.push(file_problem(
            ProblemCode::SumsMissing,
            SUMS,
            None,
            None,
            "SHA256SUMS is missing".into(),
        ));
        return;
    };
    let expected = sums_text(
        scanned
            .files
            .iter()
            .map(|(p, f)| (p.as_str(), f.sha256.as_str())),
    );
    if bytes.as_slice() == expected.as_bytes() {
        return;
    }
    let text = String::from_utf8_lossy(bytes);
    let mut listed: BTreeSet<&str> = BTreeSet::new();
    let mut order: Vec<&str> = Vec::new();
    let mut malformed = 0usize;
    let before = problems.len();
    for (n, line) in text.split_terminator('\n').enumerate() {
        let parsed = line
            .split_once("  ")
            .filter(|(h, p)| is_sha256_hex(h) && !p.is_empty());
        let Some((hash, path)) = parsed else {
            malformed += 1;
            if malformed <= 10 {
                problems.push(file_problem(
                    ProblemCode::SumsMalformed,
                    SUMS,
                    None,
                    Some(line.chars().take(200).collect()),
                    format!("line {} of SHA256SUMS is not '<sha256>  <file>'", n + 1),
                ));
            }
            continue;
        };
        order.push(path);
        listed.insert(path);
        match scanned.files.get(path) {
            None => problems.push(file_problem(
                ProblemCode::FileMissing,
                path,
                Some(hash.to_owned()),
                None,
                format!("'{path}' is listed in SHA256SUMS but missing"),
            )),
            Some(f) if f.sha256 != hash => problems.push(file_problem(
                ProblemCode::FileAltered,
                path,
                Some(hash.to_owned()),
                Some(f.sha256.clone()),
                format!("'{path}' does not have the SHA-256 listed in SHA256SUMS"),
            )),
            Some(_) => {}
        }
    }
    for (path, f) in &scanned.files {
        if path != SUMS && !listed.contains(path.as_str()) {
            problems.push(file_problem(
                ProblemCode::FileNotListed,
                path,
                None,
                Some(f.sha256.clone()),
                format!("'{path}' is in the bundle but not in SHA256SUMS: it was added"),
            ));
        }
    }
    // Same files, same order, same form: only digests differ, and they are named above.
    let expected_order: Vec<&str> = scanned
        .files
        .keys()
        .map(String::as_str)
        .filter(|p| *p != SUMS)
        .collect();
    let same_shape = order == expected_order && text.ends_with('\n') && malformed == 0;
    if !same_shape || problems.len() == before {
        problems.push(file_problem(
            ProblemCode::SumsNotExact,
            SUMS,
            None,
            None,
            "SHA256SUMS is not exactly the list the export writes (one line per other file, sorted by path, each once, LF line ends)".into(),
        ));
    }
}

fn read_chain_head(scanned: &Scanned, problems: &mut Vec<Problem>) -> Option<Head> {
    let Some(bytes) = scanned.meta.get(CHAIN_HEAD) else {
        problems.push(file_problem(
            ProblemCode::ChainHeadMissing,
            CHAIN_HEAD,
            None,
            None,
            "chain-head.txt is missing".into(),
        ));
        return None;
    };
    let text = String::from_utf8_lossy(bytes).into_owned();
    let mut parts = text.split_whitespace();
    let seq = parts.next().and_then(|s| s.parse().ok());
    let hash = parts.next().filter(|h| is_sha256_hex(h));
    match (seq, hash, parts.next()) {
        (Some(seq), Some(hash), None) => Some(Head {
            seq,
            hash: hash.to_owned(),
        }),
        _ => {
            problems.push(file_problem(
                ProblemCode::ChainHeadMalformed,
                CHAIN_HEAD,
                None,
                Some(text.trim().chars().take(200).collect()),
                "chain-head.txt is not '<number> <sha256>'".into(),
            ));
            None
        }
    }
}

/// The entries of `journal.json`, each re-canonicalised: the canonical text is what was hashed.
/// The file itself must be the canonical text the writer emits (no duplicate key, no reordering).
fn read_journal(scanned: &Scanned, manifest: &Manifest, problems: &mut Vec<Problem>) -> Vec<Entry> {
    let Some(bytes) = scanned.meta.get(JOURNAL) else {
        problems.push(file_problem(
            ProblemCode::JournalMissing,
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
                ProblemCode::JournalUnreadable,
                JOURNAL,
                None,
                None,
                format!("journal.json cannot be read ({e})"),
            ));
            return Vec::new();
        }
    };
    if to_canonical_string(&journal)
        .ok()
        .as_deref()
        .map(str::as_bytes)
        != Some(bytes.as_slice())
    {
        problems.push(file_problem(
            ProblemCode::JournalNotCanonical,
            JOURNAL,
            None,
            None,
            "journal.json is not the canonical text the export writes (a key repeated, reordered or reformatted): what one reader sees may not be what another does".into(),
        ));
    }
    if journal.case_id != manifest.case_id {
        problems.push(file_problem(
            ProblemCode::WrongCase,
            JOURNAL,
            Some(manifest.case_id.clone()),
            Some(journal.case_id.clone()),
            "journal.json belongs to another case than bundle.json".into(),
        ));
    }
    let entries: Vec<Entry> = journal
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
        .collect();
    let head = entries.last().map_or_else(Head::genesis, Entry::head);
    if journal.head != head {
        problems.push(file_problem(
            ProblemCode::HeadMismatch,
            JOURNAL,
            Some(format!("{} {}", head.seq, head.hash)),
            Some(format!("{} {}", journal.head.seq, journal.head.hash)),
            "journal.json's head is not its last entry".into(),
        ));
    }
    entries
}

fn file_problem(
    code: ProblemCode,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_codes_are_taken_as_people_copy_them() {
        let code = "ab".repeat(32);
        let grouped: Vec<String> = code
            .to_ascii_uppercase()
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        for given in [
            code.clone(),
            format!("{code}\n"),
            grouped.join(" "),
            format!("  {}\r\n", grouped.join("  ")),
            format!("12 {code}\n"),
        ] {
            assert_eq!(
                normalize_control_code(&given).as_deref(),
                Some(code.as_str()),
                "{given:?}"
            );
        }
        assert_eq!(normalize_control_code("abc"), None);
        assert_eq!(normalize_control_code(&format!("{code}0")), None);
    }

    #[test]
    fn only_timestamps_may_follow_the_seal() {
        assert!(may_follow_seal("timestamp"));
        for kind in ["note", "capture", "export", "deletion"] {
            assert!(!may_follow_seal(kind));
        }
    }
}

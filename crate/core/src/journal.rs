//! The append-only hash chain of one case.
//!
//! Each entry is stored as its canonical JSON text and its hash,
//! `hash = SHA-256(canonical JSON of the event, prev included)`. Verification recomputes
//! every hash and every link and reports each problem with the entry number, what was
//! expected and what was found; it never stops at the first one.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::canonical::to_canonical_string;
use crate::digest::{is_sha256_hex, sha256_hex};
use crate::error::{Error, ErrorCode, Result};
use crate::model::{Artifact, Event, EventBody, FORMAT_VERSION};
pub use crate::problem::ProblemCode;
use crate::time::check_utc_timestamp;

/// `prev` of the first entry of a case.
pub const GENESIS_PREV: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The latest entry of a case: its number and hash (number 0 and zeros when empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Head {
    pub seq: u32,
    pub hash: String,
}

impl Head {
    pub fn genesis() -> Self {
        Head {
            seq: 0,
            hash: GENESIS_PREV.to_owned(),
        }
    }
}

/// An entry as it is stored and exported: the number, the hash and the exact canonical text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Entry {
    pub seq: u32,
    pub hash: String,
    pub json: String,
}

impl Entry {
    pub fn head(&self) -> Head {
        Head {
            seq: self.seq,
            hash: self.hash.clone(),
        }
    }
}

/// Builds the next entry after `head`. Pure: the caller stores the entry and the new head
/// together, in one transaction.
pub fn seal(head: &Head, case_id: &str, at: &str, body: EventBody) -> Result<Entry> {
    if !is_sha256_hex(&head.hash) {
        return Err(Error::new(
            ErrorCode::InvalidHead,
            "the journal head is not a SHA-256 digest",
        ));
    }
    if (head.seq == 0) != (head.hash == GENESIS_PREV) {
        return Err(Error::new(
            ErrorCode::InvalidHead,
            "only an empty journal has the all-zero head",
        ));
    }
    if case_id.is_empty() {
        return Err(Error::new(ErrorCode::InvalidInput, "the case id is empty"));
    }
    check_utc_timestamp(at)?;
    body.validate()?;
    let seq = head.seq.checked_add(1).ok_or_else(|| {
        Error::new(
            ErrorCode::InvalidHead,
            "the journal has no room for more entries",
        )
    })?;
    let event = Event {
        v: body.format_version(),
        case_id: case_id.to_owned(),
        seq,
        prev: head.hash.clone(),
        at: at.to_owned(),
        body,
    };
    let json = to_canonical_string(&event)?;
    Ok(Entry {
        seq,
        hash: sha256_hex(json.as_bytes()),
        json,
    })
}

/// Parses an entry's text into its event, with no chain checks.
pub fn parse_event(json: &str) -> Result<Event> {
    serde_json::from_str(json)
        .map_err(|e| Error::new(ErrorCode::CorruptEntry, format!("not a journal event: {e}")))
}

/// The digest of one stored artifact, as recomputed from its bytes by the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StoredArtifact {
    pub seq: u32,
    pub name: String,
    pub size: u32,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub code: ProblemCode,
    /// The journal entry concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seq: Option<u32>,
    /// The artifact concerned, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    pub ok: bool,
    pub entries: u32,
    /// The head recomputed from the entries (the last valid link).
    pub head: Head,
    pub problems: Vec<Problem>,
}

/// Checks a case's whole journal: every entry's hash, canonical form, number, case and link;
/// that the stored artifacts are exactly those the entries vouch for, byte for byte; and,
/// when the head recorded beside the journal is given, that no entry is missing at the end.
pub fn verify(
    case_id: &str,
    entries: &[Entry],
    artifacts: &[StoredArtifact],
    recorded_head: Option<&Head>,
) -> Verification {
    let mut problems = Vec::new();
    let mut expected_prev = GENESIS_PREV.to_owned();
    // (entry, artifact name) -> digest, for every artifact still expected to be stored.
    let mut vouched: BTreeMap<(u32, String), String> = BTreeMap::new();
    // Entries that brought artifacts (captures, added files), with what they brought.
    let mut owners: BTreeMap<u32, Vec<Artifact>> = BTreeMap::new();

    for (index, entry) in entries.iter().enumerate() {
        let expected_seq = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if entry.seq != expected_seq {
            problems.push(Problem::at(
                ProblemCode::SequenceGap,
                entry.seq,
                Some(expected_seq.to_string()),
                Some(entry.seq.to_string()),
                format!(
                    "entry {} stands where entry {expected_seq} was expected: an entry is missing, added or moved",
                    entry.seq
                ),
            ));
        }
        let recomputed = sha256_hex(entry.json.as_bytes());
        if recomputed != entry.hash {
            problems.push(Problem::at(
                ProblemCode::EntryHashMismatch,
                entry.seq,
                Some(entry.hash.clone()),
                Some(recomputed),
                format!(
                    "entry {} was altered: its text no longer has its hash",
                    entry.seq
                ),
            ));
        }
        match parse_event(&entry.json) {
            Err(e) => problems.push(Problem::at(
                ProblemCode::CorruptEntry,
                entry.seq,
                None,
                None,
                format!("entry {}: {}", entry.seq, e.message),
            )),
            Ok(event) => {
                check_event(&event, entry, case_id, &expected_prev, &mut problems);
                check_references(&event, &owners, &mut vouched, &mut problems);
                if !event.body.artifacts().is_empty() {
                    for a in event.body.artifacts() {
                        vouched.insert((entry.seq, a.name.clone()), a.sha256.clone());
                    }
                    owners.insert(entry.seq, event.body.artifacts().to_vec());
                }
            }
        }
        expected_prev = entry.hash.clone();
    }

    let head = entries.last().map_or_else(Head::genesis, Entry::head);
    if let Some(recorded) = recorded_head {
        if *recorded != head {
            problems.push(Problem {
                code: ProblemCode::HeadMismatch,
                seq: Some(recorded.seq),
                file: None,
                expected: Some(format!("{} {}", recorded.seq, recorded.hash)),
                found: Some(format!("{} {}", head.seq, head.hash)),
                message: "the journal does not end at its recorded head: entries were removed or added at the end".into(),
            });
        }
    }

    check_artifacts(&vouched, artifacts, &mut problems);

    Verification {
        ok: problems.is_empty(),
        entries: u32::try_from(entries.len()).unwrap_or(u32::MAX),
        head,
        problems,
    }
}

/// `verify` without the artifact check: every entry, link and the head.
pub fn verify_chain(
    case_id: &str,
    entries: &[Entry],
    recorded_head: Option<&Head>,
) -> Verification {
    let mut v = verify(case_id, entries, &[], recorded_head);
    v.problems
        .retain(|p| p.code != ProblemCode::ArtifactMissing);
    v.ok = v.problems.is_empty();
    v
}

fn check_event(
    event: &Event,
    entry: &Entry,
    case_id: &str,
    expected_prev: &str,
    problems: &mut Vec<Problem>,
) {
    let seq = entry.seq;
    if event.v != event.body.format_version() {
        problems.push(Problem::at(
            ProblemCode::UnknownVersion,
            seq,
            Some(event.body.format_version().to_string()),
            Some(event.v.to_string()),
            if event.v > FORMAT_VERSION || event.v == 0 {
                format!(
                    "entry {seq} uses format version {}, which this version of Témoin does not know",
                    event.v
                )
            } else {
                format!(
                    "entry {seq} says format version {} but holds a record of version {}",
                    event.v,
                    event.body.format_version()
                )
            },
        ));
    }
    if event.seq != seq {
        problems.push(Problem::at(
            ProblemCode::SeqMismatch,
            seq,
            Some(seq.to_string()),
            Some(event.seq.to_string()),
            format!("entry {seq} says it is entry {}", event.seq),
        ));
    }
    if event.case_id != case_id {
        problems.push(Problem::at(
            ProblemCode::WrongCase,
            seq,
            Some(case_id.to_owned()),
            Some(event.case_id.clone()),
            format!("entry {seq} belongs to another case"),
        ));
    }
    if event.prev != expected_prev {
        problems.push(Problem::at(
            ProblemCode::ChainBroken,
            seq,
            Some(expected_prev.to_owned()),
            Some(event.prev.clone()),
            format!("entry {seq} does not follow the entry before it"),
        ));
    }
    match to_canonical_string(event) {
        Ok(canonical) if canonical == entry.json => {}
        _ => problems.push(Problem::at(
            ProblemCode::NotCanonical,
            seq,
            None,
            None,
            format!("entry {seq} is not in canonical form, so its hash is not reproducible"),
        )),
    }
    if let Err(e) = check_utc_timestamp(&event.at).and_then(|_| event.body.validate()) {
        problems.push(Problem::at(
            ProblemCode::InvalidEvent,
            seq,
            None,
            None,
            format!("entry {seq}: {}", e.message),
        ));
    }
}

/// Notes, categories and deletions must be about an earlier capture or added file; a deletion's
/// tombstone must list exactly what that entry brought, and afterwards its files are gone.
fn check_references(
    event: &Event,
    owners: &BTreeMap<u32, Vec<Artifact>>,
    vouched: &mut BTreeMap<(u32, String), String>,
    problems: &mut Vec<Problem>,
) {
    let seq = event.seq;
    // A time stamp may stamp any earlier entry (a capture, or the export that seals a bundle).
    if let EventBody::Timestamp(t) = &event.body {
        if t.entry >= seq {
            problems.push(Problem::at(
                ProblemCode::DanglingReference,
                seq,
                None,
                Some(t.entry.to_string()),
                format!(
                    "entry {seq} stamps entry {}, which is not an earlier entry",
                    t.entry
                ),
            ));
        }
        return;
    }
    let Some(target) = event.body.target() else {
        return;
    };
    let Some(brought) = owners.get(&target).filter(|_| target < seq) else {
        problems.push(Problem::at(
            ProblemCode::DanglingReference,
            seq,
            None,
            Some(target.to_string()),
            format!("entry {seq} is about entry {target}, which is not an earlier capture or added file"),
        ));
        return;
    };
    if let EventBody::Deletion(d) = &event.body {
        let still_there = vouched.keys().any(|(s, _)| *s == target);
        if !still_there {
            problems.push(Problem::at(
                ProblemCode::DeletedTwice,
                seq,
                None,
                Some(target.to_string()),
                format!("entry {seq} deletes entry {target}, which was already deleted"),
            ));
        }
        let mut listed: Vec<(&str, &str)> = d
            .removed
            .iter()
            .map(|a| (a.name.as_str(), a.sha256.as_str()))
            .collect();
        let mut expected: Vec<(&str, &str)> = brought
            .iter()
            .map(|a| (a.name.as_str(), a.sha256.as_str()))
            .collect();
        listed.sort_unstable();
        expected.sort_unstable();
        if listed != expected {
            problems.push(Problem::at(
                ProblemCode::TombstoneMismatch,
                seq,
                Some(format!("{expected:?}")),
                Some(format!("{listed:?}")),
                format!("entry {seq} does not record the digests of what entry {target} held"),
            ));
        }
        vouched.retain(|(s, _), _| *s != target);
    }
}

fn check_artifacts(
    vouched: &BTreeMap<(u32, String), String>,
    stored: &[StoredArtifact],
    problems: &mut Vec<Problem>,
) {
    let mut seen: BTreeSet<(u32, &str)> = BTreeSet::new();
    for s in stored {
        let key = (s.seq, s.name.clone());
        match vouched.get(&key) {
            None => problems.push(Problem {
                code: ProblemCode::ArtifactUnexpected,
                seq: Some(s.seq),
                file: Some(s.name.clone()),
                expected: None,
                found: Some(s.sha256.clone()),
                message: format!("file '{}' of entry {} is not in the journal", s.name, s.seq),
            }),
            Some(expected) => {
                if !seen.insert((s.seq, s.name.as_str())) {
                    problems.push(Problem {
                        code: ProblemCode::ArtifactDuplicate,
                        seq: Some(s.seq),
                        file: Some(s.name.clone()),
                        expected: None,
                        found: None,
                        message: format!("file '{}' of entry {} is present twice", s.name, s.seq),
                    });
                } else if *expected != s.sha256 {
                    problems.push(Problem {
                        code: ProblemCode::ArtifactHashMismatch,
                        seq: Some(s.seq),
                        file: Some(s.name.clone()),
                        expected: Some(expected.clone()),
                        found: Some(s.sha256.clone()),
                        message: format!(
                            "file '{}' of entry {} was altered: its SHA-256 differs from the one recorded",
                            s.name, s.seq
                        ),
                    });
                }
            }
        }
    }
    for ((seq, name), expected) in vouched {
        if !seen.contains(&(*seq, name.as_str())) {
            problems.push(Problem {
                code: ProblemCode::ArtifactMissing,
                seq: Some(*seq),
                file: Some(name.clone()),
                expected: Some(expected.clone()),
                found: None,
                message: format!("file '{name}' of entry {seq} is missing"),
            });
        }
    }
}

impl Problem {
    pub(crate) fn at(
        code: ProblemCode,
        seq: u32,
        expected: Option<String>,
        found: Option<String>,
        message: String,
    ) -> Self {
        Problem {
            code,
            seq: Some(seq),
            file: None,
            expected,
            found,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::sha256_hex;
    use crate::model::{Artifact, Capture, Page};

    const AT: &str = "2026-11-28T10:00:00.000Z";

    fn capture(bytes: &[u8]) -> EventBody {
        EventBody::Capture(Capture {
            page: Page {
                url: "https://example.test/post/1".into(),
                title: "Post".into(),
                ..Page::default()
            },
            captured_at: AT.into(),
            artifacts: vec![Artifact {
                name: "page.html".into(),
                media_type: "text/html".into(),
                size: bytes.len() as u32,
                sha256: sha256_hex(bytes),
                method: "outerHTML".into(),
            }],
            ..Capture::default()
        })
    }

    /// A journal of `n` entries with their stored artifacts, all consistent.
    fn journal(n: u32) -> (Vec<Entry>, Vec<StoredArtifact>) {
        let mut head = Head::genesis();
        let mut entries = Vec::new();
        let mut stored = Vec::new();
        for i in 1..=n {
            let bytes = format!("<p>post {i}</p>");
            let entry = seal(&head, "case-1", AT, capture(bytes.as_bytes())).unwrap();
            stored.push(StoredArtifact {
                seq: i,
                name: "page.html".into(),
                size: bytes.len() as u32,
                sha256: sha256_hex(bytes.as_bytes()),
            });
            head = entry.head();
            entries.push(entry);
        }
        (entries, stored)
    }

    fn codes(v: &Verification) -> Vec<(&'static str, Option<u32>)> {
        v.problems
            .iter()
            .map(|p| (p.code.as_str(), p.seq))
            .collect()
    }

    #[test]
    fn a_consistent_journal_verifies() {
        let (entries, stored) = journal(5);
        let head = entries[4].head();
        let v = verify("case-1", &entries, &stored, Some(&head));
        assert!(v.ok, "{v:?}");
        assert_eq!(v.entries, 5);
        assert_eq!(v.head, head);
    }

    #[test]
    fn an_empty_journal_verifies_to_genesis() {
        let v = verify("case-1", &[], &[], Some(&Head::genesis()));
        assert!(v.ok);
        assert_eq!(v.head, Head::genesis());
    }

    #[test]
    fn each_entry_links_to_the_one_before() {
        let (entries, _) = journal(3);
        for pair in entries.windows(2) {
            let next = parse_event(&pair[1].json).unwrap();
            assert_eq!(next.prev, pair[0].hash);
        }
        assert_eq!(parse_event(&entries[0].json).unwrap().prev, GENESIS_PREV);
    }

    #[test]
    fn an_edited_entry_is_named() {
        let (mut entries, stored) = journal(3);
        entries[1].json = entries[1].json.replace("post/1", "post/2");
        let v = verify("case-1", &entries, &stored, None);
        assert_eq!(codes(&v), vec![("entry-hash-mismatch", Some(2))]);
    }

    #[test]
    fn an_edit_with_a_recomputed_hash_breaks_the_next_link() {
        let (mut entries, stored) = journal(3);
        entries[1].json = entries[1].json.replace("post/1", "post/2");
        entries[1].hash = sha256_hex(entries[1].json.as_bytes());
        let v = verify("case-1", &entries, &stored, None);
        assert_eq!(codes(&v), vec![("chain-broken", Some(3))]);
    }

    #[test]
    fn removed_swapped_and_truncated_entries_are_found() {
        let (entries, stored) = journal(4);
        let head = entries[3].head();

        let mut removed = entries.clone();
        removed.remove(1);
        let v = verify("case-1", &removed, &stored, Some(&head));
        assert!(codes(&v).contains(&("sequence-gap", Some(3))));
        assert!(codes(&v).contains(&("chain-broken", Some(3))));

        let mut swapped = entries.clone();
        swapped.swap(1, 2);
        let v = verify("case-1", &swapped, &stored, Some(&head));
        assert!(codes(&v).contains(&("sequence-gap", Some(3))));
        assert!(codes(&v).contains(&("chain-broken", Some(2))));

        let truncated = &entries[..3];
        let v = verify("case-1", truncated, &stored[..3], Some(&head));
        assert_eq!(codes(&v), vec![("head-mismatch", Some(4))]);
    }

    #[test]
    fn altered_missing_and_extra_artifacts_are_named() {
        let (entries, mut stored) = journal(3);
        stored[0].sha256 = sha256_hex(b"forged");
        stored.remove(1);
        stored.push(StoredArtifact {
            seq: 3,
            name: "extra.png".into(),
            size: 1,
            sha256: sha256_hex(b"x"),
        });
        let v = verify("case-1", &entries, &stored, None);
        let by_file: Vec<_> = v
            .problems
            .iter()
            .map(|p| (p.code.as_str(), p.seq, p.file.as_deref()))
            .collect();
        assert!(by_file.contains(&("artifact-hash-mismatch", Some(1), Some("page.html"))));
        assert!(by_file.contains(&("artifact-missing", Some(2), Some("page.html"))));
        assert!(by_file.contains(&("artifact-unexpected", Some(3), Some("extra.png"))));
        assert_eq!(v.problems.len(), 3);
    }

    #[test]
    fn non_canonical_text_and_other_cases_are_refused() {
        let (mut entries, stored) = journal(1);
        let pretty: serde_json::Value = serde_json::from_str(&entries[0].json).unwrap();
        entries[0].json = serde_json::to_string_pretty(&pretty).unwrap();
        entries[0].hash = sha256_hex(entries[0].json.as_bytes());
        let v = verify("case-1", &entries, &stored, None);
        assert_eq!(codes(&v), vec![("not-canonical", Some(1))]);

        let (entries, stored) = journal(1);
        let v = verify("case-2", &entries, &stored, None);
        assert_eq!(codes(&v), vec![("wrong-case", Some(1))]);
    }

    #[test]
    fn garbage_entries_are_reported_not_panicked_on() {
        let entries = vec![Entry {
            seq: 1,
            hash: sha256_hex(b"{"),
            json: "{".into(),
        }];
        let v = verify("case-1", &entries, &[], None);
        assert_eq!(codes(&v), vec![("corrupt-entry", Some(1))]);
    }

    #[test]
    fn seal_refuses_bad_heads_and_inputs() {
        let body = capture(b"x");
        let bad_head = Head {
            seq: 0,
            hash: sha256_hex(b"not genesis"),
        };
        assert_eq!(
            seal(&bad_head, "c", AT, body.clone()).unwrap_err().code,
            ErrorCode::InvalidHead
        );
        let not_hex = Head {
            seq: 1,
            hash: "zz".into(),
        };
        assert!(seal(&not_hex, "c", AT, body.clone()).is_err());
        assert!(seal(&Head::genesis(), "", AT, body.clone()).is_err());
        assert_eq!(
            seal(&Head::genesis(), "c", "now", body).unwrap_err().code,
            ErrorCode::InvalidTime
        );
    }
}

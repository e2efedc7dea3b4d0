//! The core against vectors computed by independent tools (see vectors/README.md).
// Helpers here unwrap too: a panic is a failed test, like in #[test] functions.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::PathBuf;

use temoin_core::canonical::to_canonical_string;
use temoin_core::journal::{seal, verify, Entry, Head};
use temoin_core::model::Event;

fn vector(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/vectors")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn expected_hash(file: &str) -> String {
    vector("SHA256SUMS")
        .lines()
        .find_map(|l| l.strip_suffix(file).map(|h| h.trim().to_owned()))
        .unwrap_or_else(|| panic!("{file} is not in SHA256SUMS"))
}

fn input_event(n: u32) -> Event {
    serde_json::from_str(&vector(&format!("entry-{n}.input.json"))).unwrap()
}

#[test]
fn canonical_form_matches_independent_serialiser() {
    for n in [1, 2] {
        let canonical = to_canonical_string(&input_event(n)).unwrap();
        assert_eq!(
            canonical,
            vector(&format!("entry-{n}.canonical.json")),
            "entry {n}"
        );
    }
}

#[test]
fn sealing_reproduces_the_vector_chain() {
    let mut head = Head::genesis();
    let mut entries = Vec::new();
    for n in [1, 2] {
        let e = input_event(n);
        let entry = seal(&head, &e.case_id, &e.at, e.body).unwrap();
        assert_eq!(entry.seq, n);
        assert_eq!(entry.json, vector(&format!("entry-{n}.canonical.json")));
        assert_eq!(
            entry.hash,
            expected_hash(&format!("entry-{n}.canonical.json"))
        );
        head = entry.head();
        entries.push(entry);
    }
    let second: Event = serde_json::from_str(&entries[1].json).unwrap();
    assert_eq!(second.prev, entries[0].hash);

    let v = verify("default", &entries, &[], None);
    // No artifact bytes were given, so each vouched artifact is reported missing, nothing else.
    assert!(
        v.problems.iter().all(|p| p.code == "artifact-missing"),
        "{v:?}"
    );
    assert_eq!(v.problems.len(), 3);
    assert_eq!(v.head, head);
}

#[test]
fn stored_vectors_verify_as_a_journal() {
    let entries: Vec<Entry> = [1, 2]
        .iter()
        .map(|n| {
            let file = format!("entry-{n}.canonical.json");
            Entry {
                seq: *n,
                hash: expected_hash(&file),
                json: vector(&file),
            }
        })
        .collect();
    let v = verify("default", &entries, &[], None);
    assert_eq!(v.entries, 2);
    assert!(!v.problems.iter().any(|p| p.code != "artifact-missing"));
}

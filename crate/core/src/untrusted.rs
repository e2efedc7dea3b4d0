//! Everything Témoin does with bytes from outside, one call per kind of input: the fuzz
//! targets (`fuzz/`) and their regression tests (`tests/fuzz_regressions.rs`) call these, so
//! that a crash found by the fuzzer stays a test of the very same path.

use std::io::Cursor;

use crate::bundle::read::Limits;
use crate::bundle::verify::verify_bundle;
use crate::digest::sha256_hex;
use crate::journal::{self, Entry};
use crate::view::CaseView;

/// Small limits, so that fuzzing explores the checks rather than allocations.
pub const FUZZ_LIMITS: Limits = Limits {
    max_entries: 64,
    max_total_bytes: 1 << 20,
    max_meta_bytes: 256 << 10,
    max_ratio: 100,
    ratio_floor: 4096,
};

/// Any bytes given as a bundle, as the import page and `temoin verify` read them: a report or
/// a coded error, then the case view built from what was read (returned with its entries, so
/// that the documents' tests can go on from there).
pub fn read_bundle(data: &[u8], limits: &Limits) -> Option<(CaseView, Vec<Entry>)> {
    let report = verify_bundle(Cursor::new(data), limits, None).ok()?;
    let view = CaseView::build(&report.case_id, &report.journal);
    let _ = view.done_steps(&report.journal);
    Some((view, report.journal))
}

/// Any bytes given as a bundle's ZIP container, read strictly (structure, then every member
/// inflated within its declared size): a list of files or a coded error, never a panic.
pub fn read_container(data: &[u8], limits: &Limits) {
    use crate::bundle::container::{read_directory, read_member, ContainerLimits, Source};
    let Ok(mut src) = Source::new(Cursor::new(data)) else {
        return;
    };
    let limits = ContainerLimits {
        max_entries: limits.max_entries,
        max_total_bytes: limits.max_total_bytes,
        max_ratio: limits.max_ratio,
        ratio_floor: limits.ratio_floor,
    };
    if let Ok(dir) = read_directory(&mut src, &limits) {
        for m in &dir.members {
            let _ = read_member(&mut src, m, |_| {});
        }
    }
}

/// Any text given as a journal, one event per line (as a damaged or hand-made journal may
/// hold). Each line is hashed as it is, so the checks go past the hash comparison.
pub fn read_journal(data: &[u8]) -> (CaseView, Vec<Entry>) {
    let Ok(text) = std::str::from_utf8(data) else {
        return (CaseView::build("default", &[]), Vec::new());
    };
    let entries: Vec<Entry> = text
        .lines()
        .zip(1u32..)
        .map(|(line, seq)| Entry {
            seq,
            hash: sha256_hex(line.as_bytes()),
            json: line.to_owned(),
        })
        .collect();
    for e in &entries {
        let _ = journal::parse_event(&e.json);
    }
    let _ = journal::verify("default", &entries, &[], None);
    let view = CaseView::build("default", &entries);
    let _ = view.done_steps(&entries);
    (view, entries)
}

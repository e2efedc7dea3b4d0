//! A bundle read in parts (the import page splits it between workers, each reading a stretch
//! of members) must give the verdict of one reading from start to end: on every genuine and
//! every bad bundle of the corpus and the older fixtures, in 1 to 4 parts, the same report, or
//! the same refusal.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::io::Cursor;
use std::path::Path;

use temoin_core::bundle::read::{Limits, Scan, Scanned};
use temoin_core::bundle::verify::{verify_bundle, verify_scanned, BundleReport};
use temoin_core::error::{ErrorCode, Result};

use sha2::{Digest, Sha256};

fn bundles() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata");
    let mut out = Vec::new();
    for dir in ["corpus/genuine", "corpus/bad", "fixtures/v1", "fixtures/v2"] {
        for e in fs::read_dir(root.join(dir)).unwrap() {
            let e = e.unwrap();
            if e.path().extension().is_some_and(|x| x == "zip") {
                out.push((
                    format!("{dir}/{}", e.file_name().to_string_lossy()),
                    fs::read(e.path()).unwrap(),
                ));
            }
        }
    }
    out.sort();
    assert!(
        out.len() > 130,
        "the corpus is missing ({} bundles)",
        out.len()
    );
    out
}

/// Reads `bytes` in `parts` stretches of members, as the import page's workers do, and
/// verifies the merged result; the refusal of the first part that refuses wins.
fn verify_in_parts(bytes: &[u8], parts: usize) -> Result<BundleReport> {
    read_in_parts(bytes, parts, None)
}

/// Reads `bytes` in `parts` as the import page does when the browser hashes: each stored
/// member's digest made outside the core, over the bytes `check_next` points to, by `hash`.
fn verify_with_digests_given(
    bytes: &[u8],
    parts: usize,
    hash: impl Fn(&[u8]) -> [u8; 32],
) -> Result<BundleReport> {
    read_in_parts(bytes, parts, Some(&hash))
}

/// A SHA-256 made outside the core.
type Hasher<'a> = &'a dyn Fn(&[u8]) -> [u8; 32];

fn read_in_parts(bytes: &[u8], parts: usize, hash: Option<Hasher>) -> Result<BundleReport> {
    let count = Scan::open(Cursor::new(bytes), &Limits::default())?
        .bounds()
        .len()
        - 1;
    let mut read = Vec::new();
    for k in 0..parts {
        let mut scan = Scan::open(Cursor::new(bytes), &Limits::default())?;
        scan.restrict(count * k / parts, count * (k + 1) / parts)?;
        while scan.remaining() > 0 {
            let stored = scan.check_next()?;
            let given = hash.zip(stored).and_then(|(hash, d)| {
                let (from, len) = (
                    usize::try_from(d.offset).ok()?,
                    usize::try_from(d.len).ok()?,
                );
                // Where the file is shorter than its directory says, the core reads and refuses.
                bytes.get(from..from.checked_add(len)?).map(hash)
            });
            scan.read_next(given)?;
        }
        read.push(scan.finish()?);
    }
    // Merged in any order.
    read.reverse();
    verify_scanned(&Scanned::merge(read)?, None)
}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

fn outcome(r: Result<BundleReport>) -> String {
    match r {
        Ok(r) => format!(
            "ok={} head={:?} files={} problems={:?}",
            r.ok,
            r.head,
            r.files,
            r.problems
                .iter()
                .map(|p| (p.code, p.file.clone(), p.seq))
                .collect::<Vec<_>>()
        ),
        Err(e) => format!("refused {}", e.code.as_str()),
    }
}

#[test]
fn every_bundle_read_in_parts_gives_the_verdict_of_one_reading() {
    for (name, bytes) in bundles() {
        let whole = outcome(verify_bundle(Cursor::new(&bytes), &Limits::default(), None));
        for parts in 1..=4 {
            assert_eq!(
                outcome(verify_in_parts(&bytes, parts)),
                whole,
                "{name} in {parts} parts"
            );
        }
    }
}

#[test]
fn every_bundle_read_with_digests_made_outside_gives_the_verdict_of_one_reading() {
    for (name, bytes) in bundles() {
        let whole = outcome(verify_bundle(Cursor::new(&bytes), &Limits::default(), None));
        for parts in 1..=4 {
            assert_eq!(
                outcome(verify_with_digests_given(&bytes, parts, sha256)),
                whole,
                "{name} in {parts} parts"
            );
        }
    }
}

#[test]
fn a_digest_given_is_the_one_compared() {
    // A digest made wrong outside the core shows as the files' digests not matching: the core
    // does not make its own behind it, so the test above could not pass by chance.
    let (name, bytes) = bundles()
        .into_iter()
        .find(|(n, _)| n.starts_with("corpus/genuine/"))
        .unwrap();
    let report = verify_with_digests_given(&bytes, 1, |b| {
        let mut d = sha256(b);
        d[0] ^= 1;
        d
    })
    .unwrap();
    assert!(!report.ok, "{name}: a wrong digest given must not verify");
    assert!(!report.problems.is_empty());
}

#[test]
fn a_digest_is_taken_only_for_a_member_stored_as_it_is() {
    let mut refused = 0;
    for (name, bytes) in bundles()
        .into_iter()
        .filter(|(n, _)| !n.starts_with("corpus/bad/"))
    {
        let mut scan = Scan::open(Cursor::new(&bytes), &Limits::default()).unwrap();
        // Not before the member is checked.
        assert_eq!(
            scan.read_next(None).unwrap_err().code,
            ErrorCode::Unexpected
        );
        while scan.remaining() > 0 {
            if scan.check_next().unwrap().is_none() {
                // Kept in memory (the metadata files, stored or deflated) or deflated: the core
                // hashes what it reads and takes no digest given; the member is still to read.
                assert_eq!(
                    scan.read_next(Some([0; 32])).unwrap_err().code,
                    ErrorCode::Unexpected,
                    "{name}"
                );
                refused += 1;
            }
            scan.read_next(None).unwrap();
        }
        scan.finish().unwrap();
    }
    assert!(refused > 0);
}

#[test]
fn parts_that_miss_or_repeat_members_are_refused() {
    let (_, bytes) = bundles()
        .into_iter()
        .find(|(n, _)| n.starts_with("corpus/genuine/"))
        .unwrap();
    let count = Scan::open(Cursor::new(&bytes), &Limits::default())
        .unwrap()
        .bounds()
        .len()
        - 1;
    let part = |from: usize, to: usize| {
        let mut scan = Scan::open(Cursor::new(&bytes), &Limits::default()).unwrap();
        scan.restrict(from, to).unwrap();
        while scan.remaining() > 0 {
            scan.scan_next().unwrap();
        }
        scan.finish().unwrap()
    };
    let half = count / 2;
    for parts in [
        vec![part(0, half)],
        vec![part(0, half), part(half + 1, count)],
        vec![part(0, half + 1), part(half, count)],
        vec![part(0, half), part(0, half), part(half, count)],
    ] {
        assert_eq!(
            Scanned::merge(parts).unwrap_err().code,
            ErrorCode::Unexpected
        );
    }
    // A part must be read whole before it counts.
    let mut scan = Scan::open(Cursor::new(&bytes), &Limits::default()).unwrap();
    scan.restrict(0, half).unwrap();
    scan.scan_next().unwrap();
    assert!(scan.finish().is_err());
}

#[test]
fn a_byte_flipped_anywhere_gets_the_same_verdict_in_parts() {
    let (name, bytes) = bundles()
        .into_iter()
        .filter(|(n, _)| n.starts_with("corpus/genuine/"))
        .min_by_key(|(_, b)| b.len())
        .unwrap();
    // Every byte of the directory and end records, and 300 others spread by a fixed sequence.
    let directory = Scan::open(Cursor::new(&bytes), &Limits::default())
        .unwrap()
        .bounds()
        .last()
        .copied()
        .unwrap() as usize;
    let mut positions: Vec<usize> = (directory..bytes.len()).collect();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..300 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        positions.push((x % directory as u64) as usize);
    }
    for at in positions {
        let mut bad = bytes.clone();
        bad[at] ^= 0x5a;
        let whole = outcome(verify_bundle(Cursor::new(&bad), &Limits::default(), None));
        for parts in [2, 3] {
            assert_eq!(
                outcome(verify_in_parts(&bad, parts)),
                whole,
                "{name}, byte {at} flipped, in {parts} parts"
            );
        }
    }
}

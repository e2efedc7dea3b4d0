//! The fuzzers' inputs, replayed on every `cargo test`: the seed corpus (real bundles and their
//! journals, in `fuzz/seeds/`), which must read as valid, and every input a fuzzer ever crashed
//! on (`fuzz/regressions/`), which must now read without a panic. The fuzzers stop at what the
//! core reads (`temoin_core::untrusted`); here every document is then built from it too.
#![allow(clippy::unwrap_used)]
#[path = "../../testdata/common/mod.rs"]
mod common;

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use temoin_core::bundle::read::Limits;
use temoin_core::bundle::verify::verify_bundle;
use temoin_core::lang::Lang;
use temoin_core::untrusted::{read_container, FUZZ_LIMITS};
use temoin_docs::untrusted::every_document;

fn read_bundle(bytes: &[u8], limits: &Limits) {
    if let Some((view, entries)) = temoin_core::untrusted::read_bundle(bytes, limits) {
        every_document(&view, &entries);
    }
}

fn read_journal(bytes: &[u8]) {
    let (view, entries) = temoin_core::untrusted::read_journal(bytes);
    every_document(&view, &entries);
}

fn fuzz_dir(kind: &str, target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz")
        .join(kind)
        .join(target)
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(listing) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<_> = listing
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn seed_bundles_are_real_valid_bundles() {
    let seeds = files(&fuzz_dir("seeds", "bundle_reader"));
    assert!(seeds.len() >= 2, "the bundle seeds are in fuzz/seeds");
    for (name, bytes) in seeds {
        let report = verify_bundle(Cursor::new(&bytes), &Limits::default(), None).unwrap();
        assert!(report.ok, "{name}: {:?}", report.problems);
        read_bundle(&bytes, &FUZZ_LIMITS);
    }
}

#[test]
fn seed_journals_read_as_valid_chains() {
    let seeds = files(&fuzz_dir("seeds", "journal_parser"));
    assert!(!seeds.is_empty(), "the journal seeds are in fuzz/seeds");
    for (_, bytes) in seeds {
        read_journal(&bytes);
    }
}

#[test]
fn inputs_that_crashed_a_fuzzer_no_longer_do() {
    for (_, bytes) in files(&fuzz_dir("regressions", "bundle_reader")) {
        read_bundle(&bytes, &FUZZ_LIMITS);
        read_bundle(&bytes, &Limits::default());
    }
    for (_, bytes) in files(&fuzz_dir("regressions", "container_reader")) {
        read_container(&bytes, &FUZZ_LIMITS);
        read_container(&bytes, &Limits::default());
    }
    for (_, bytes) in files(&fuzz_dir("regressions", "journal_parser")) {
        read_journal(&bytes);
    }
}

/// Writes the seeds built from the test case through the public API (`make fuzz-seeds`).
#[test]
#[ignore = "writes fuzz/seeds; run by `make fuzz-seeds`"]
fn write_fuzz_seeds() {
    let case = common::case();
    let bundles = fuzz_dir("seeds", "bundle_reader");
    let journals = fuzz_dir("seeds", "journal_parser");
    fs::create_dir_all(&bundles).unwrap();
    fs::create_dir_all(&journals).unwrap();
    // The version-1 seeds (case-lea-fr.zip, case-lea-en.zip, exported-by-chromium.zip) stay:
    // they are also the fixtures of crate/core/tests/older_bundles.rs.
    for (lang, code) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        fs::write(
            bundles.join(format!("case-lea-v2-{code}.zip")),
            common::bundle(&case, lang),
        )
        .unwrap();
    }
    let lines: Vec<&str> = case.entries.iter().map(|e| e.json.as_str()).collect();
    fs::write(journals.join("case-lea.jsonl"), lines.join("\n")).unwrap();
}

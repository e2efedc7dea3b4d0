//! The export bundle: a generated bundle verifies; every kind of tampering is detected and
//! named; every malformed or hostile file is refused with a clear error and no panic.
#![allow(clippy::unwrap_used)]

#[path = "../../testdata/common/mod.rs"]
mod common;

use std::io::{Cursor, Write};

use common::{bundle, case, rezip, unzip};
use serde_json::Value;
use temoin_core::bundle::read::Limits;
use temoin_core::bundle::verify::{verify_bundle, BundleReport};
use temoin_core::canonical::to_canonical_string;
use temoin_core::digest::sha256_hex;
use temoin_core::lang::Lang;
use temoin_core::ErrorCode;

fn verify(bytes: &[u8]) -> BundleReport {
    verify_bundle(Cursor::new(bytes), &Limits::default(), None).unwrap()
}

fn refused(bytes: &[u8]) -> ErrorCode {
    verify_bundle(Cursor::new(bytes), &Limits::default(), None)
        .unwrap_err()
        .code
}

fn has(report: &BundleReport, code: &str, seq: Option<u32>, file: Option<&str>) -> bool {
    report.problems.iter().any(|p| {
        p.code == code
            && (seq.is_none() || p.seq == seq)
            && (file.is_none() || p.file.as_deref() == file)
    })
}

fn journal_of(files: &std::collections::BTreeMap<String, Vec<u8>>) -> Value {
    serde_json::from_slice(&files["journal.json"]).unwrap()
}

/// Rewrites journal.json; with `rehash`, each edited event gets its recomputed hash.
fn with_journal(
    files: &mut std::collections::BTreeMap<String, Vec<u8>>,
    edit: impl FnOnce(&mut Vec<Value>),
    rehash: bool,
) {
    let mut j = journal_of(files);
    let entries = j["entries"].as_array_mut().unwrap();
    edit(entries);
    if rehash {
        for e in entries.iter_mut() {
            let canonical = to_canonical_string(&e["event"]).unwrap();
            e["hash"] = Value::String(sha256_hex(canonical.as_bytes()));
        }
    }
    files.insert(
        "journal.json".into(),
        to_canonical_string(&j).unwrap().into_bytes(),
    );
}

#[test]
fn a_fresh_bundle_verifies_and_has_the_whole_layout() {
    let c = case();
    let bytes = bundle(&c, Lang::Fr);
    let report = verify(&bytes);
    assert!(report.ok, "{:#?}", report.problems);
    assert_eq!(
        report.entries, 9,
        "eight entries and the export entry that seals them"
    );
    assert_eq!(report.sealed_by, Some(9));
    assert_eq!(report.format_version, 3);
    let (_, sealed) = common::export(&c, Lang::Fr, &[]);
    assert_eq!(report.head, sealed.head());
    assert_eq!(report.recorded_head, Some(sealed.head()));
    assert_eq!(report.exported_at, common::SEALED_AT);

    let files = unzip(&bytes);
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        vec![
            "LISEZMOI.txt",
            "README.txt",
            "SHA256SUMS",
            "added-files/000005/message.eml",
            "bundle.json",
            "captures/000002/page.html.txt",
            "captures/000002/screenshot-visible.png",
            "captures/000003/page.html.txt",
            "captures/000003/screenshot-visible.png",
            "chain-head.txt",
            "journal.csv",
            "journal.json",
            "report.html",
        ],
        "entry 4 was deleted: its files are gone, the rest is there"
    );
    let head = format!("{} {}\n", sealed.seq, sealed.hash);
    assert_eq!(String::from_utf8_lossy(&files["chain-head.txt"]), head);
    // Each element's event canonicalises back to the exact text that was hashed.
    let mut all = c.entries;
    all.push(sealed);
    for (element, entry) in journal_of(&files)["entries"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&all)
    {
        assert_eq!(to_canonical_string(&element["event"]).unwrap(), entry.json);
        assert_eq!(element["hash"], entry.hash.as_str());
    }
}

#[test]
fn the_same_journal_exports_to_the_same_bytes() {
    let c = case();
    assert_eq!(bundle(&c, Lang::En), bundle(&c, Lang::En));
}

#[test]
fn the_report_is_escaped_ordered_and_complete() {
    let files = unzip(&bundle(&case(), Lang::Fr));
    let html = String::from_utf8(files["report.html"].clone()).unwrap();
    assert!(
        !html.contains("<script>alert(1)"),
        "captured text must be escaped"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.to_ascii_lowercase().contains("<script"));
    assert!(html.contains("Harcèlement de Léa") && html.contains("Mineur(e)"));
    // Chronology by publication time: entry 3 (published the 18th) before entry 2 (the 19th).
    let chrono = &html[html.find("id=\"chronology\"").unwrap()..];
    assert!(chrono.find("data-seq=\"3\"").unwrap() < chrono.find("data-seq=\"2\"").unwrap());
    for seq in [2, 3, 4, 5] {
        assert!(
            html.contains(&format!("id=\"entry-{seq}\"")),
            "page of entry {seq}"
        );
    }
    assert!(html.contains("src=\"captures/000002/screenshot-visible.png\""));
    assert!(
        !html.contains("src=\"captures/000004/"),
        "deleted screenshots are not linked"
    );
    assert!(html.contains("doublon"), "the deletion and its reason show");
    assert!(
        html.contains("Reçu pendant le cours de maths"),
        "notes show"
    );
    assert!(
        html.contains("Raid / harcèlement en meute"),
        "categories show in words"
    );
    assert!(html.contains("non capturé par Témoin") || html.contains("pas été capturé par Témoin"));
    // The dated limitation warnings: the insult (entry 3) was published on 2026-11-18.
    assert!(
        html.contains("data-kind=\"press-3-months\" data-until=\"2027-02-17\""),
        "3-month warning"
    );
    assert!(html.contains("data-kind=\"harassment-6-years\""));
    // Files are named as the bundle stores them: a page's code as text.
    assert!(files.contains_key("captures/000002/page.html.txt"));
    assert!(
        html.contains("<code>page.html.txt</code>") && !html.contains("<code>page.html</code>")
    );
    let mut sheet = csv::Reader::from_reader(&files["journal.csv"][..]);
    let column = sheet.headers().unwrap().iter().position(|h| h == "files");
    let first: Vec<String> = sheet.records().next().unwrap().unwrap()[column.unwrap()]
        .split(' ')
        .map(str::to_owned)
        .collect();
    assert!(
        first.iter().any(|n| n == "page.html.txt") && !first.iter().any(|n| n == "page.html"),
        "{first:?}"
    );
    // The instructions name the case as the report does, never by its identifier.
    let lisez = String::from_utf8(files["LISEZMOI.txt"].clone()).unwrap();
    assert!(
        lisez.starts_with("Dossier de preuves «\u{a0}Harcèlement de Léa\u{a0}»"),
        "{lisez}"
    );
    let csv = String::from_utf8(files["journal.csv"].clone()).unwrap();
    assert_eq!(csv.lines().count(), 1 + 4);
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let private = rows
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "private_message");
    let private: Vec<String> = rows
        .records()
        .map(|r| r.unwrap()[private.expect("a private_message column")].to_owned())
        .collect();
    // Public posts on X, then a file the user added: neither a message nor a post.
    assert_eq!(private, ["no", "no", "no", ""]);
    assert!(
        csv.contains("\"T'es vraiment trop nulle <script>alert(1)</script>\"")
            || csv.contains("T'es vraiment trop nulle <script>alert(1)</script>")
    );
    let en = unzip(&bundle(&case(), Lang::En));
    assert!(String::from_utf8_lossy(&en["report.html"]).contains("Evidence file"));
}

#[test]
fn tamper_flip_a_byte_in_each_artifact() {
    let files = unzip(&bundle(&case(), Lang::Fr));
    for (path, seq) in [
        ("captures/000002/screenshot-visible.png", 2),
        ("captures/000002/page.html.txt", 2),
        ("captures/000003/screenshot-visible.png", 3),
        ("captures/000003/page.html.txt", 3),
        ("added-files/000005/message.eml", 5),
    ] {
        let mut f = files.clone();
        let data = f.get_mut(path).unwrap();
        let mid = data.len() / 2;
        data[mid] ^= 0x01;
        for fix_sums in [false, true] {
            let r = verify(&rezip(f.clone(), fix_sums));
            assert!(!r.ok);
            assert!(
                has(&r, "artifact-hash-mismatch", Some(seq), Some(path)),
                "{path}: {:#?}",
                r.problems
            );
            assert_eq!(has(&r, "file-altered", None, Some(path)), !fix_sums);
        }
    }
}

#[test]
fn tamper_edit_one_field_of_an_event() {
    let mut f = unzip(&bundle(&case(), Lang::Fr));
    with_journal(
        &mut f,
        |e| e[2]["event"]["body"]["post"]["text"] = "gentil message".into(),
        false,
    );
    let r = verify(&rezip(f.clone(), true));
    assert!(
        has(&r, "entry-hash-mismatch", Some(3), None),
        "{:#?}",
        r.problems
    );

    // Recomputing that entry's hash moves the break to the next link.
    with_journal(&mut f, |_| {}, true);
    let r = verify(&rezip(f, true));
    assert!(has(&r, "chain-broken", Some(4), None), "{:#?}", r.problems);
}

#[test]
fn tamper_delete_swap_and_insert_events() {
    let base = unzip(&bundle(&case(), Lang::Fr));

    let mut f = base.clone();
    with_journal(
        &mut f,
        |e| {
            e.remove(5);
        },
        false,
    );
    let r = verify(&rezip(f, true));
    assert!(
        has(&r, "sequence-gap", Some(7), None) && has(&r, "chain-broken", Some(7), None),
        "{:#?}",
        r.problems
    );

    let mut f = base.clone();
    with_journal(&mut f, |e| e.swap(1, 2), false);
    let r = verify(&rezip(f, true));
    assert!(
        has(&r, "sequence-gap", Some(3), None) && has(&r, "chain-broken", Some(2), None),
        "{:#?}",
        r.problems
    );

    // A forged note inserted after entry 3, with its own hash computed correctly.
    let mut f = base;
    with_journal(
        &mut f,
        |e| {
            let prev = e[2]["hash"].clone();
            let mut forged = e[5].clone();
            forged["event"]["seq"] = 4.into();
            forged["event"]["prev"] = prev;
            forged["event"]["body"]["text"] = "forgé".into();
            forged["seq"] = 4.into();
            let canonical = to_canonical_string(&forged["event"]).unwrap();
            forged["hash"] = sha256_hex(canonical.as_bytes()).into();
            e.insert(3, forged);
        },
        false,
    );
    let r = verify(&rezip(f, true));
    assert!(!r.ok);
    assert!(has(&r, "sequence-gap", Some(4), None), "{:#?}", r.problems);
    assert!(
        has(&r, "chain-broken", Some(4), None),
        "the real entry 4 no longer follows: {:#?}",
        r.problems
    );
}

#[test]
fn tamper_truncate_the_journal() {
    let mut f = unzip(&bundle(&case(), Lang::Fr));
    with_journal(&mut f, |e| e.truncate(6), false);
    let r = verify(&rezip(f.clone(), true));
    assert!(has(&r, "head-mismatch", Some(9), None), "{:#?}", r.problems);
    assert!(has(&r, "manifest-head-mismatch", None, Some("bundle.json")));
    assert!(has(&r, "seal-missing", Some(6), Some("journal.json")));

    // Cut in the middle of the text: the journal cannot be read, and the sums say so.
    let j = f.get_mut("journal.json").unwrap();
    j.truncate(j.len() / 2);
    let r = verify(&rezip(f, false));
    assert!(has(&r, "journal-unreadable", None, Some("journal.json")));
    assert!(has(&r, "file-altered", None, Some("journal.json")));
}

#[test]
fn tamper_remove_or_add_a_file() {
    let base = unzip(&bundle(&case(), Lang::Fr));
    let mut f = base.clone();
    f.remove("captures/000003/page.html.txt");
    let r = verify(&rezip(f, false));
    assert!(
        has(
            &r,
            "artifact-missing",
            Some(3),
            Some("captures/000003/page.html.txt")
        ),
        "{:#?}",
        r.problems
    );
    assert!(has(
        &r,
        "file-missing",
        None,
        Some("captures/000003/page.html.txt")
    ));

    let mut f = base.clone();
    f.insert(
        "captures/000003/extra.png".into(),
        b"\x89PNG forged".to_vec(),
    );
    let r = verify(&rezip(f.clone(), true));
    assert!(
        has(
            &r,
            "artifact-unexpected",
            Some(3),
            Some("captures/000003/extra.png")
        ),
        "{:#?}",
        r.problems
    );
    let r = verify(&rezip(f, false));
    assert!(has(
        &r,
        "file-not-listed",
        None,
        Some("captures/000003/extra.png")
    ));

    // Putting back a deleted capture's file is caught too: its tombstone says it is gone.
    let mut f = base.clone();
    f.insert(
        "captures/000004/page.html.txt".into(),
        b"<p>back</p>".to_vec(),
    );
    let r = verify(&rezip(f, true));
    assert!(
        has(&r, "artifact-unexpected", Some(4), None),
        "{:#?}",
        r.problems
    );

    let mut f = base;
    f.insert("notes.txt".into(), b"x".to_vec());
    assert_eq!(refused(&rezip(f, true)), ErrorCode::UnsafeEntry);
}

#[test]
fn a_full_rewrite_is_caught_only_against_a_head_kept_elsewhere() {
    let c = case();
    let kept_head = common::export(&c, Lang::Fr, &[]).1.hash;
    let mut f = unzip(&bundle(&c, Lang::Fr));
    with_journal(
        &mut f,
        |e| e[1]["event"]["body"]["page"]["title"] = "réécrit".into(),
        false,
    );
    // Re-chain every entry from the edit on, and rewrite the head files.
    let mut j = journal_of(&f);
    let mut prev = Value::String("0".repeat(64));
    for e in j["entries"].as_array_mut().unwrap() {
        e["event"]["prev"] = prev.clone();
        let h = sha256_hex(to_canonical_string(&e["event"]).unwrap().as_bytes());
        e["hash"] = h.clone().into();
        prev = h.into();
    }
    let new_head = prev.as_str().unwrap().to_owned();
    j["head"]["hash"] = new_head.clone().into();
    f.insert(
        "journal.json".into(),
        to_canonical_string(&j).unwrap().into_bytes(),
    );
    f.insert(
        "chain-head.txt".into(),
        format!("9 {new_head}\n").into_bytes(),
    );
    let mut m: Value = serde_json::from_slice(&f["bundle.json"]).unwrap();
    m["head"]["hash"] = new_head.into();
    f.insert(
        "bundle.json".into(),
        to_canonical_string(&m).unwrap().into_bytes(),
    );
    let forged = rezip(f, true);

    assert!(verify(&forged).ok, "a consistent rewrite passes on its own");
    let r = verify_bundle(Cursor::new(&forged), &Limits::default(), Some(&kept_head)).unwrap();
    assert!(has(&r, "unexpected-head", Some(9), None));
    let genuine = bundle(&c, Lang::Fr);
    assert!(
        verify_bundle(Cursor::new(&genuine), &Limits::default(), Some(&kept_head))
            .unwrap()
            .ok
    );
}

#[test]
fn bad_bundles_are_refused_without_panic() {
    let good = bundle(&case(), Lang::Fr);

    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_eq!(refused(&random), ErrorCode::CorruptBundle);
    assert_eq!(refused(b""), ErrorCode::CorruptBundle);
    assert_eq!(refused(&good[..good.len() / 2]), ErrorCode::CorruptBundle);
    assert_eq!(refused(&good[..good.len() - 10]), ErrorCode::CorruptBundle);

    for name in [
        "../evil.txt",
        "/etc/cron.d/x",
        "captures/000002/../../../x",
        "C:/x",
        "captures\\000002\\a",
    ] {
        let mut f = unzip(&good);
        f.insert(name.into(), b"x".to_vec());
        assert_eq!(refused(&rezip(f, false)), ErrorCode::UnsafeEntry, "{name}");
    }

    // Two entries of the same name: the second's name is patched in place after writing.
    let mut f = unzip(&good);
    f.insert("report.htmX".into(), b"<p>other</p>".to_vec());
    let mut z = rezip(f, false);
    let (from, to) = (b"report.htmX", b"report.html");
    let mut i = 0;
    while let Some(pos) = z[i..].windows(from.len()).position(|w| w == from) {
        z[i + pos..i + pos + to.len()].copy_from_slice(to);
        i += pos + 1;
    }
    assert_eq!(refused(&z), ErrorCode::DuplicateEntry);

    // A ZIP bomb: 64 MB of zeros in a few kilobytes.
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    w.start_file("captures/000002/page.html", opts).unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..64 {
        w.write_all(&zeros).unwrap();
    }
    let bomb = w.finish().unwrap().into_inner();
    assert!(bomb.len() < 200_000);
    assert_eq!(refused(&bomb), ErrorCode::ZipBomb);

    // An entry that holds more than it declares: its declared size is lowered in the
    // central directory only (the local header then differs), then in both.
    let mut f = unzip(&good);
    // Text that deflates a few times (a run of one byte would be stored, not deflated).
    let text: String = (0..1200).map(|i| format!("{i} ")).collect();
    f.insert("captures/000002/page.html.txt".into(), text.into_bytes());
    let mut z = rezip(f, true);
    patch_declared_size(&mut z, b"captures/000002/page.html.txt", 100, false);
    assert_eq!(refused(&z), ErrorCode::HeaderMismatch);
    patch_declared_size(&mut z, b"captures/000002/page.html.txt", 100, true);
    let err = verify_bundle(Cursor::new(&z), &Limits::default(), None).unwrap_err();
    assert_eq!(err.code, ErrorCode::SizeMismatch, "{err}");
    assert!(err.message.contains("declares"), "{err}");
    assert_eq!(err.file.as_deref(), Some("captures/000002/page.html.txt"));

    // A format version from the future.
    let mut f = unzip(&good);
    let mut m: Value = serde_json::from_slice(&f["bundle.json"]).unwrap();
    m["formatVersion"] = 4.into();
    f.insert("bundle.json".into(), serde_json::to_vec(&m).unwrap());
    assert_eq!(refused(&rezip(f, true)), ErrorCode::UnknownFormat);

    // A journal nested 10,000 deep: a clear problem, no stack overflow.
    let mut f = unzip(&good);
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    f.insert("journal.json".into(), deep.into_bytes());
    let r = verify(&rezip(f, true));
    assert!(
        has(&r, "journal-unreadable", None, Some("journal.json")),
        "{:#?}",
        r.problems
    );

    // Not a bundle at all: a ZIP without bundle.json.
    let mut f = unzip(&good);
    f.remove("bundle.json");
    assert_eq!(refused(&rezip(f, true)), ErrorCode::CorruptBundle);
}

/// Lowers the uncompressed size recorded for `name` in the ZIP's central directory, or in its
/// local header.
fn patch_declared_size(zip: &mut [u8], name: &[u8], size: u32, local: bool) {
    let (sig, fixed, at) = if local {
        ([0x50, 0x4b, 0x03, 0x04], 30, 22)
    } else {
        ([0x50, 0x4b, 0x01, 0x02], 46, 24)
    };
    let mut i = 0;
    while i + fixed <= zip.len() {
        if zip[i..i + 4] == sig {
            let name_len = u16::from_le_bytes([
                zip[i + 26 + 2 * usize::from(!local)],
                zip[i + 27 + 2 * usize::from(!local)],
            ]) as usize;
            if zip.get(i + fixed..i + fixed + name_len) == Some(name) {
                zip[i + at..i + at + 4].copy_from_slice(&size.to_le_bytes());
                return;
            }
        }
        i += 1;
    }
    panic!(
        "no central directory entry for {}",
        String::from_utf8_lossy(name)
    );
}

#[test]
fn the_export_entry_is_an_annotation_and_withheld_files_are_not_missing() {
    let c = case();
    let (bytes, sealed) = common::export(
        &c,
        Lang::Fr,
        &[(3, "screenshot-visible.png", "minor-sexual-image")],
    );
    let r = verify(&bytes);
    assert!(r.ok, "{:#?}", r.problems);
    assert!(!unzip(&bytes).contains_key("captures/000003/screenshot-visible.png"));
    let view = temoin_core::view::CaseView::build(common::CASE, &r.journal);
    let export = view
        .annotations
        .iter()
        .find(|a| a.seq == sealed.seq)
        .unwrap();
    assert_eq!(export.kind, "export");
    assert_eq!(
        temoin_docs::report::words(temoin_core::lang::Lang::Fr).kind("export"),
        "Export (scellé)"
    );

    // The withheld file put back anyway is named.
    let mut f = unzip(&bytes);
    f.insert(
        "captures/000003/screenshot-visible.png".into(),
        c.stored[&(3, "screenshot-visible.png".to_owned())].clone(),
    );
    let r = verify(&rezip(f, true));
    assert!(
        has(
            &r,
            "withheld-present",
            Some(3),
            Some("captures/000003/screenshot-visible.png")
        ),
        "{:#?}",
        r.problems
    );
}

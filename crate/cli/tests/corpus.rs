//! The corpus of bad bundles (crate/testdata/corpus/), made from a genuine five-capture bundle by
//! `make corpus` (the ignored test `write_corpus` below). Each case is listed in
//! `corpus/cases.tsv` with what the verifiers must say: `altered` (exit 1) or `unreadable`
//! (exit 2), the problem or error code, and the file they must name. `cargo test` replays the
//! whole corpus through the library and through `temoin verify`; `make differential` also runs
//! it through unzip, sha256sum, Python's zipfile, Java's ZipInputStream and the import page.
#![allow(clippy::unwrap_used, clippy::too_many_lines)]

#[path = "../../testdata/common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{rezip, sums_of, unzip};
use serde_json::Value;
use temoin_core::bundle::read::Limits;
use temoin_core::bundle::verify::verify_bundle;
use temoin_core::canonical::to_canonical_string;
use temoin_core::digest::sha256_hex;
use temoin_core::lang::Lang;

type Files = BTreeMap<String, Vec<u8>>;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/corpus")
}

struct Case {
    name: String,
    kind: &'static str,
    outcome: &'static str,
    code: &'static str,
    file: String,
    /// `genuine` when the case is checked against the genuine bundle's control code.
    expect_head: bool,
    bytes: Vec<u8>,
}

// ---------------------------------------------------------------------------------------------
// Raw ZIP surgery on the canonical layout.

#[derive(Clone)]
struct RawEntry {
    name: String,
    /// Local header with name and extra.
    local: Vec<u8>,
    data: Vec<u8>,
    /// Central record with name, extra and comment (its offset is rewritten by `build`).
    central: Vec<u8>,
}

fn le16(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}
fn le32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

fn parse(zip: &[u8]) -> Vec<RawEntry> {
    let end = zip.len() - 22;
    let count = le16(zip, end + 10) as usize;
    let mut at = le32(zip, end + 16) as usize;
    let mut out = Vec::new();
    for _ in 0..count {
        let n = le16(zip, at + 28) as usize;
        let x = le16(zip, at + 30) as usize;
        let c = le16(zip, at + 32) as usize;
        let central = zip[at..at + 46 + n + x + c].to_vec();
        let offset = le32(zip, at + 42) as usize;
        let csize = le32(zip, at + 20) as usize;
        let ln = le16(zip, offset + 26) as usize;
        let lx = le16(zip, offset + 28) as usize;
        let local = zip[offset..offset + 30 + ln + lx].to_vec();
        let data = zip[offset + 30 + ln + lx..offset + 30 + ln + lx + csize].to_vec();
        out.push(RawEntry {
            name: String::from_utf8_lossy(&zip[at + 46..at + 46 + n]).into_owned(),
            local,
            data,
            central,
        });
        at += 46 + n + x + c;
    }
    out
}

/// Lays the entries out again with correct offsets; `between(i)` bytes go before entry i.
fn build_with(entries: &[RawEntry], between: impl Fn(usize) -> Vec<u8>, trailer: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut cd = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        out.extend_from_slice(&between(i));
        let mut c = e.central.clone();
        c[42..46].copy_from_slice(&(out.len() as u32).to_le_bytes());
        cd.extend_from_slice(&c);
        out.extend_from_slice(&e.local);
        out.extend_from_slice(&e.data);
    }
    let cd_offset = out.len() as u32;
    out.extend_from_slice(&cd);
    out.extend_from_slice(&end_record(
        entries.len() as u16,
        cd.len() as u32,
        cd_offset,
    ));
    out.extend_from_slice(trailer);
    out
}

fn build(entries: &[RawEntry]) -> Vec<u8> {
    build_with(entries, |_| Vec::new(), &[])
}

fn end_record(count: u16, cd_size: u32, cd_offset: u32) -> Vec<u8> {
    let mut e = vec![0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0];
    e.extend_from_slice(&count.to_le_bytes());
    e.extend_from_slice(&count.to_le_bytes());
    e.extend_from_slice(&cd_size.to_le_bytes());
    e.extend_from_slice(&cd_offset.to_le_bytes());
    e.extend_from_slice(&0u16.to_le_bytes());
    e
}

fn index_of(entries: &[RawEntry], name: &str) -> usize {
    entries
        .iter()
        .position(|e| e.name == name)
        .unwrap_or_else(|| panic!("{name} not in the bundle"))
}

/// Sets a 16- or 32-bit field in the local header and/or the central record.
fn set_field(e: &mut RawEntry, local_at: Option<usize>, central_at: Option<usize>, value: &[u8]) {
    if let Some(at) = local_at {
        e.local[at..at + value.len()].copy_from_slice(value);
    }
    if let Some(at) = central_at {
        e.central[at..at + value.len()].copy_from_slice(value);
    }
}

fn rename(e: &mut RawEntry, name: &str, local: bool, central: bool) {
    let old = e.name.len();
    if local {
        let mut l = e.local[..30].to_vec();
        l[26..28].copy_from_slice(&(name.len() as u16).to_le_bytes());
        l.extend_from_slice(name.as_bytes());
        l.extend_from_slice(&e.local[30 + old..]);
        e.local = l;
    }
    if central {
        let mut c = e.central[..46].to_vec();
        c[28..30].copy_from_slice(&(name.len() as u16).to_le_bytes());
        c.extend_from_slice(name.as_bytes());
        c.extend_from_slice(&e.central[46 + old..]);
        e.central = c;
        e.name = name.to_owned();
    }
}

fn add_extra(e: &mut RawEntry, extra: &[u8], local: bool, central: bool) {
    let n = e.name.len();
    if local {
        let x = le16(&e.local, 28) as usize + extra.len();
        e.local[28..30].copy_from_slice(&(x as u16).to_le_bytes());
        e.local.extend_from_slice(extra);
    }
    if central {
        let x = le16(&e.central, 30) as usize;
        let mut c = e.central[..46 + n + x].to_vec();
        c.extend_from_slice(extra);
        c.extend_from_slice(&e.central[46 + n + x..]);
        c[30..32].copy_from_slice(&((x + extra.len()) as u16).to_le_bytes());
        e.central = c;
    }
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// Replaces an entry's content, keeping every header consistent (a forger with a hex editor
/// and a CRC calculator).
fn replace_data(e: &mut RawEntry, content: &[u8]) {
    let deflated = le16(&e.local, 8) == 8;
    e.data = if deflated {
        deflate(content)
    } else {
        content.to_vec()
    };
    let mut crc = crc32fast::Hasher::new();
    crc.update(content);
    let crc = crc.finalize().to_le_bytes();
    let csize = (e.data.len() as u32).to_le_bytes();
    let size = (content.len() as u32).to_le_bytes();
    set_field(e, Some(14), Some(16), &crc);
    set_field(e, Some(18), Some(20), &csize);
    set_field(e, Some(22), Some(24), &size);
}

// ---------------------------------------------------------------------------------------------
// Content surgery: the journal and the files derived from it.

fn journal(files: &Files) -> Value {
    serde_json::from_slice(&files["journal.json"]).unwrap()
}

fn put_json(files: &mut Files, name: &str, v: &Value) {
    files.insert(name.into(), to_canonical_string(v).unwrap().into_bytes());
}

/// Recomputes every entry's hash and link, then journal.json's head, chain-head.txt and
/// bundle.json: a consistent rewrite, which only a control code kept elsewhere can catch.
fn rechain(files: &mut Files) {
    let mut j = journal(files);
    let mut prev = Value::String("0".repeat(64));
    let entries = j["entries"].as_array_mut().unwrap();
    for (i, e) in entries.iter_mut().enumerate() {
        let seq = (i + 1) as u64;
        e["seq"] = seq.into();
        e["event"]["seq"] = seq.into();
        e["event"]["prev"] = prev.clone();
        let h = sha256_hex(to_canonical_string(&e["event"]).unwrap().as_bytes());
        e["hash"] = h.clone().into();
        prev = h.into();
    }
    let n = entries.len() as u64;
    let last = entries.last().unwrap().clone();
    j["head"] = serde_json::json!({"seq": n, "hash": prev});
    put_json(files, "journal.json", &j);
    files.insert(
        "chain-head.txt".into(),
        format!("{n} {}\n", prev.as_str().unwrap()).into_bytes(),
    );
    let mut m: Value = serde_json::from_slice(&files["bundle.json"]).unwrap();
    m["head"] = j["head"].clone();
    m["entries"] = n.into();
    if last["event"]["body"]["kind"] == "export" {
        m["exportedAt"] = last["event"]["at"].clone();
    }
    put_json(files, "bundle.json", &m);
}

fn replace_text(files: &mut Files, name: &str, from: &str, to: &str) {
    let text = String::from_utf8(files[name].clone()).unwrap();
    assert!(text.contains(from), "{from:?} not in {name}");
    files.insert(name.into(), text.replacen(from, to, 1).into_bytes());
}

// ---------------------------------------------------------------------------------------------
// The cases.

fn cases(genuine: &[u8]) -> Vec<Case> {
    let files = unzip(genuine);
    let raw = parse(genuine);
    let out = std::cell::RefCell::new(Vec::new());
    let add = |kind: &'static str,
               name: &str,
               outcome: &'static str,
               code: &'static str,
               file: &str,
               bytes: Vec<u8>| {
        let mut cases = out.borrow_mut();
        let number = cases.len() + 1;
        cases.push(Case {
            name: format!("{number:03}-{name}"),
            kind,
            outcome,
            code,
            file: file.to_owned(),
            expect_head: false,
            bytes,
        });
    };
    // Content edits, with SHA256SUMS recomputed unless the name says otherwise.
    let edit = |f: &dyn Fn(&mut Files)| {
        let mut x = files.clone();
        f(&mut x);
        rezip(x, true)
    };
    let edit_raw = |f: &dyn Fn(&mut Files)| {
        let mut x = files.clone();
        f(&mut x);
        rezip(x, false)
    };
    let first_capture = "captures/000002";

    // -- documents people read
    let doc = "document-altered";
    add(
        "documents",
        "report-capture-removed",
        "altered",
        doc,
        "report.html",
        edit(&|f| {
            let t = String::from_utf8(f["report.html"].clone()).unwrap();
            let start = t.find("<section class=\"item\"").unwrap();
            let end = start + t[start + 1..].find("<section class=\"item\"").unwrap() + 1;
            f.insert(
                "report.html".into(),
                format!("{}{}", &t[..start], &t[end..]).into_bytes(),
            );
        }),
    );
    add(
        "documents",
        "report-author-renamed",
        "altered",
        doc,
        "report.html",
        edit(&|f| replace_text(f, "report.html", "@corbeau_noir", "@pie_bavarde")),
    );
    add(
        "documents",
        "report-script-added-csp-removed",
        "altered",
        doc,
        "report.html",
        edit(&|f| {
            let t = String::from_utf8(f["report.html"].clone()).unwrap();
            let start = t
                .find("<meta http-equiv=\"Content-Security-Policy\"")
                .unwrap();
            let end = start + t[start..].find('>').unwrap() + 1;
            let t = format!("{}{}", &t[..start], &t[end..]).replacen(
                "</body>",
                "<script>document.title='x'</script></body>",
                1,
            );
            f.insert("report.html".into(), t.into_bytes());
        }),
    );
    add(
        "documents",
        "report-screenshot-of-entry-3-under-entry-2",
        "altered",
        doc,
        "report.html",
        edit(&|f| {
            replace_text(
                f,
                "report.html",
                "src=\"captures/000002/screenshot-post-captioned.png\"",
                "src=\"captures/000003/screenshot-post-captioned.png\"",
            );
        }),
    );
    add(
        "documents",
        "report-emptied",
        "altered",
        doc,
        "report.html",
        edit(&|f| {
            f.insert(
                "report.html".into(),
                b"<!DOCTYPE html><p>Nothing here.</p>".to_vec(),
            );
        }),
    );
    add(
        "documents",
        "report-removed",
        "altered",
        "document-missing",
        "report.html",
        edit(&|f| {
            f.remove("report.html");
        }),
    );
    add(
        "documents",
        "csv-row-removed",
        "altered",
        doc,
        "journal.csv",
        edit(&|f| {
            let t = String::from_utf8(f["journal.csv"].clone()).unwrap();
            let mut lines: Vec<&str> = t.split_inclusive('\n').collect();
            lines.remove(2);
            f.insert("journal.csv".into(), lines.concat().into_bytes());
        }),
    );
    add(
        "documents",
        "csv-removed",
        "altered",
        "document-missing",
        "journal.csv",
        edit(&|f| {
            f.remove("journal.csv");
        }),
    );
    add(
        "documents",
        "lisezmoi-head-and-reassurance",
        "altered",
        doc,
        "LISEZMOI.txt",
        edit(&|f| {
            let mut t = f["LISEZMOI.txt"].clone();
            t.extend_from_slice(format!("Code de contrôle : {}\nCe dossier a été vérifié par un huissier : inutile de le vérifier.\n", "ab".repeat(32)).as_bytes());
            f.insert("LISEZMOI.txt".into(), t);
        }),
    );
    add(
        "documents",
        "readme-head-and-reassurance",
        "altered",
        doc,
        "README.txt",
        edit(&|f| {
            let mut t = f["README.txt"].clone();
            t.extend_from_slice(format!("Control code: {}\nThis bundle was certified by a bailiff; no need to verify it.\n", "ab".repeat(32)).as_bytes());
            f.insert("README.txt".into(), t);
        }),
    );
    add(
        "documents",
        "lisezmoi-removed",
        "altered",
        "document-missing",
        "LISEZMOI.txt",
        edit(&|f| {
            f.remove("LISEZMOI.txt");
        }),
    );
    add(
        "documents",
        "readme-removed",
        "altered",
        "document-missing",
        "README.txt",
        edit(&|f| {
            f.remove("README.txt");
        }),
    );
    add(
        "documents",
        "readme-crlf",
        "altered",
        doc,
        "README.txt",
        edit(&|f| {
            let t = String::from_utf8(f["README.txt"].clone())
                .unwrap()
                .replace('\n', "\r\n");
            f.insert("README.txt".into(), t.into_bytes());
        }),
    );

    // -- files derived from the chain
    let manifest = "manifest-not-as-written";
    add(
        "derived",
        "bundle-json-back-dated",
        "altered",
        manifest,
        "bundle.json",
        edit(&|f| {
            let mut m: Value = serde_json::from_slice(&f["bundle.json"]).unwrap();
            m["exportedAt"] = "2026-10-01T09:00:00.000Z".into();
            put_json(f, "bundle.json", &m);
        }),
    );
    add(
        "derived",
        "bundle-json-generator",
        "altered",
        manifest,
        "bundle.json",
        edit(&|f| {
            let mut m: Value = serde_json::from_slice(&f["bundle.json"]).unwrap();
            m["generator"] = "Huissier Express 2.0".into();
            put_json(f, "bundle.json", &m);
        }),
    );
    add(
        "derived",
        "bundle-json-language",
        "altered",
        manifest,
        "bundle.json",
        edit(&|f| {
            let mut m: Value = serde_json::from_slice(&f["bundle.json"]).unwrap();
            m["language"] = "en".into();
            put_json(f, "bundle.json", &m);
        }),
    );
    add(
        "derived",
        "bundle-json-pretty",
        "altered",
        manifest,
        "bundle.json",
        edit(&|f| {
            let m: Value = serde_json::from_slice(&f["bundle.json"]).unwrap();
            f.insert("bundle.json".into(), serde_json::to_vec_pretty(&m).unwrap());
        }),
    );
    add(
        "derived",
        "bundle-json-head",
        "altered",
        "manifest-head-mismatch",
        "bundle.json",
        edit(&|f| {
            let mut m: Value = serde_json::from_slice(&f["bundle.json"]).unwrap();
            m["head"]["hash"] = "ab".repeat(32).into();
            put_json(f, "bundle.json", &m);
        }),
    );
    add(
        "derived",
        "chain-head-removed",
        "altered",
        "chain-head-missing",
        "chain-head.txt",
        edit(&|f| {
            f.remove("chain-head.txt");
        }),
    );
    add(
        "derived",
        "chain-head-replaced",
        "altered",
        "chain-head-not-as-written",
        "chain-head.txt",
        edit(&|f| {
            let t = String::from_utf8(f["chain-head.txt"].clone()).unwrap();
            let seq = t.split(' ').next().unwrap().to_owned();
            f.insert(
                "chain-head.txt".into(),
                format!("{seq} {}\n", "ab".repeat(32)).into_bytes(),
            );
        }),
    );
    add(
        "derived",
        "chain-head-crlf",
        "altered",
        "chain-head-not-as-written",
        "chain-head.txt",
        edit(&|f| {
            let t = String::from_utf8(f["chain-head.txt"].clone())
                .unwrap()
                .replace('\n', "\r\n");
            f.insert("chain-head.txt".into(), t.into_bytes());
        }),
    );
    add(
        "derived",
        "chain-head-garbage",
        "altered",
        "chain-head-malformed",
        "chain-head.txt",
        edit(&|f| {
            f.insert("chain-head.txt".into(), b"see the letter\n".to_vec());
        }),
    );

    // -- the seal
    add(
        "seal",
        "note-added-after-seal",
        "altered",
        "entry-after-seal",
        "journal.json",
        edit(&|f| {
            let mut j = journal(f);
            let entries = j["entries"].as_array_mut().unwrap();
            let mut note = entries
                .iter()
                .find(|e| e["event"]["body"]["kind"] == "note")
                .unwrap()
                .clone();
            note["event"]["body"]["text"] = "ajouté après l'export".into();
            note["event"]["at"] = "2026-11-29T08:00:00.000Z".into();
            entries.push(note);
            put_json(f, "journal.json", &j);
            rechain(f);
        }),
    );
    add(
        "seal",
        "seal-removed",
        "altered",
        "seal-missing",
        "journal.json",
        edit(&|f| {
            let mut j = journal(f);
            j["entries"].as_array_mut().unwrap().pop();
            put_json(f, "journal.json", &j);
            rechain(f);
        }),
    );
    add(
        "seal",
        "seal-document-digest-edited",
        "altered",
        "entry-hash-mismatch",
        "journal.json",
        edit(&|f| {
            let mut j = journal(f);
            let last = j["entries"].as_array_mut().unwrap().last_mut().unwrap();
            last["event"]["body"]["documents"][0]["sha256"] = "ab".repeat(32).into();
            put_json(f, "journal.json", &j);
        }),
    );
    // A forger who rewrites the seal to vouch for an edited report: consistent on its own,
    // caught by the control code written down at export.
    let mut rewritten = files.clone();
    replace_text(
        &mut rewritten,
        "report.html",
        "@corbeau_noir",
        "@pie_bavarde",
    );
    {
        let digest = sha256_hex(&rewritten["report.html"]);
        let size = rewritten["report.html"].len();
        let mut j = journal(&rewritten);
        let last = j["entries"].as_array_mut().unwrap().last_mut().unwrap();
        last["event"]["body"]["documents"][0]["sha256"] = digest.into();
        last["event"]["body"]["documents"][0]["size"] = size.into();
        put_json(&mut rewritten, "journal.json", &j);
        rechain(&mut rewritten);
    }
    add(
        "seal",
        "seal-rewritten-for-edited-report",
        "altered",
        "unexpected-head",
        "chain-head.txt",
        rezip(rewritten, true),
    );
    out.borrow_mut().last_mut().unwrap().expect_head = true;
    // A capture's file removed and declared withheld by a rewritten seal.
    let mut withheld = files.clone();
    withheld.remove(&format!("{first_capture}/screenshot-post.png"));
    {
        let mut j = journal(&withheld);
        let last = j["entries"].as_array_mut().unwrap().last_mut().unwrap();
        last["event"]["body"]["withheld"] = serde_json::json!([{"entry": 2, "name": "screenshot-post.png", "reason": "minor-sexual-image"}]);
        put_json(&mut withheld, "journal.json", &j);
        rechain(&mut withheld);
    }
    add(
        "seal",
        "withheld-forged",
        "altered",
        "unexpected-head",
        "chain-head.txt",
        rezip(withheld, true),
    );
    out.borrow_mut().last_mut().unwrap().expect_head = true;

    // -- the journal
    add(
        "journal",
        "duplicate-post-key-forged-first",
        "altered",
        "journal-not-canonical",
        "journal.json",
        edit(&|f| {
            let text = String::from_utf8(f["journal.json"].clone()).unwrap();
            let at = text.find("\"post\":{").unwrap();
            let forged = "\"post\":{\"authorHandle\":\"@quelquun_dautre\",\"platform\":\"x\",\"text\":\"message anodin\"},";
            f.insert(
                "journal.json".into(),
                format!("{}{forged}{}", &text[..at], &text[at..]).into_bytes(),
            );
        }),
    );
    add(
        "journal",
        "pretty-printed",
        "altered",
        "journal-not-canonical",
        "journal.json",
        edit(&|f| {
            let j = journal(f);
            f.insert(
                "journal.json".into(),
                serde_json::to_vec_pretty(&j).unwrap(),
            );
        }),
    );
    add(
        "journal",
        "keys-reordered",
        "altered",
        "journal-not-canonical",
        "journal.json",
        edit(&|f| {
            let text = String::from_utf8(f["journal.json"].clone()).unwrap();
            let at = text.rfind(",\"head\":").unwrap();
            let head_end = text[at..].find('}').unwrap() + at + 1;
            let reordered = format!(
                "{{{},{}{}",
                &text[at + 1..head_end],
                &text[1..at],
                &text[head_end..]
            );
            f.insert("journal.json".into(), reordered.into_bytes());
        }),
    );
    add(
        "journal",
        "event-edited",
        "altered",
        "entry-hash-mismatch",
        "journal.json",
        edit(&|f| {
            let mut j = journal(f);
            j["entries"][2]["event"]["body"]["post"]["text"] = "gentil message".into();
            put_json(f, "journal.json", &j);
        }),
    );
    add(
        "journal",
        "event-edited-rehashed",
        "altered",
        "chain-broken",
        "journal.json",
        edit(&|f| {
            let mut j = journal(f);
            let e = &mut j["entries"][2];
            e["event"]["body"]["post"]["text"] = "gentil message".into();
            e["hash"] = sha256_hex(to_canonical_string(&e["event"]).unwrap().as_bytes()).into();
            put_json(f, "journal.json", &j);
        }),
    );
    add(
        "journal",
        "entry-removed",
        "altered",
        "sequence-gap",
        "journal.json",
        edit(&|f| {
            let mut j = journal(f);
            j["entries"].as_array_mut().unwrap().remove(3);
            put_json(f, "journal.json", &j);
        }),
    );
    add(
        "journal",
        "entries-swapped",
        "altered",
        "sequence-gap",
        "journal.json",
        edit(&|f| {
            let mut j = journal(f);
            j["entries"].as_array_mut().unwrap().swap(2, 3);
            put_json(f, "journal.json", &j);
        }),
    );
    add(
        "journal",
        "head-field-edited",
        "altered",
        "head-mismatch",
        "journal.json",
        edit(&|f| {
            let mut j = journal(f);
            j["head"]["hash"] = "ab".repeat(32).into();
            put_json(f, "journal.json", &j);
        }),
    );
    add(
        "journal",
        "other-case",
        "altered",
        "wrong-case",
        "journal.json",
        edit(&|f| {
            let mut j = journal(f);
            j["caseId"] = "autre".into();
            put_json(f, "journal.json", &j);
        }),
    );
    add(
        "journal",
        "removed",
        "altered",
        "journal-missing",
        "journal.json",
        edit(&|f| {
            f.remove("journal.json");
        }),
    );
    add(
        "journal",
        "cut-in-half",
        "altered",
        "journal-unreadable",
        "journal.json",
        edit(&|f| {
            let j = f.get_mut("journal.json").unwrap();
            j.truncate(j.len() / 2);
        }),
    );
    add(
        "journal",
        "nested-10000-deep",
        "altered",
        "journal-unreadable",
        "journal.json",
        edit(&|f| {
            f.insert(
                "journal.json".into(),
                format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
            );
        }),
    );
    add(
        "journal",
        "full-rewrite-title",
        "altered",
        "unexpected-head",
        "chain-head.txt",
        edit(&|f| {
            let mut j = journal(f);
            j["entries"][1]["event"]["body"]["page"]["title"] = "réécrit".into();
            put_json(f, "journal.json", &j);
            rechain(f);
        }),
    );
    out.borrow_mut().last_mut().unwrap().expect_head = true;

    // -- artifacts
    let shot = format!("{first_capture}/screenshot-visible.png");
    add(
        "artifacts",
        "screenshot-byte-flipped",
        "altered",
        "artifact-hash-mismatch",
        &shot,
        edit(&|f| {
            f.get_mut(&shot).unwrap()[700] ^= 1;
        }),
    );
    add(
        "artifacts",
        "screenshot-byte-flipped-sums-kept",
        "altered",
        "file-altered",
        &shot,
        edit_raw(&|f| {
            f.get_mut(&shot).unwrap()[700] ^= 1;
        }),
    );
    let page = format!("{first_capture}/page.html.txt");
    add(
        "artifacts",
        "page-html-edited",
        "altered",
        "artifact-hash-mismatch",
        &page,
        edit(&|f| {
            f.get_mut(&page).unwrap()[40] ^= 0x20;
        }),
    );
    add(
        "artifacts",
        "artifact-removed",
        "altered",
        "artifact-missing",
        &page,
        edit(&|f| {
            f.remove(&page);
        }),
    );
    add(
        "artifacts",
        "artifact-added",
        "altered",
        "artifact-unexpected",
        "captures/000003/extra.png",
        edit(&|f| {
            f.insert(
                "captures/000003/extra.png".into(),
                b"\x89PNG forged".to_vec(),
            );
        }),
    );
    add(
        "artifacts",
        "deleted-capture-restored",
        "altered",
        "artifact-unexpected",
        "captures/000010/screenshot-visible.png",
        edit(&|f| {
            f.insert(
                "captures/000010/screenshot-visible.png".into(),
                b"\x89PNG back".to_vec(),
            );
        }),
    );
    add(
        "artifacts",
        "screenshots-of-2-and-3-swapped",
        "altered",
        "artifact-hash-mismatch",
        &shot,
        edit(&|f| {
            let a = f[&shot].clone();
            let b = f["captures/000003/screenshot-visible.png"].clone();
            f.insert(shot.clone(), b);
            f.insert("captures/000003/screenshot-visible.png".into(), a);
        }),
    );
    add(
        "artifacts",
        "capture-file-under-added-files",
        "altered",
        "artifact-wrong-directory",
        "added-files/000002/screenshot-visible.png",
        edit(&|f| {
            let d = f.remove(&shot).unwrap();
            f.insert("added-files/000002/screenshot-visible.png".into(), d);
        }),
    );
    add(
        "artifacts",
        "added-file-under-captures",
        "altered",
        "artifact-wrong-directory",
        "captures/000007/photo-du-message.jpg",
        edit(&|f| {
            let d = f.remove("added-files/000007/photo-du-message.jpg").unwrap();
            f.insert("captures/000007/photo-du-message.jpg".into(), d);
        }),
    );
    add(
        "artifacts",
        "page-html-without-txt",
        "altered",
        "artifact-wrong-directory",
        &format!("{first_capture}/page.html"),
        edit(&|f| {
            let d = f.remove(&page).unwrap();
            f.insert(format!("{first_capture}/page.html"), d);
        }),
    );
    add(
        "artifacts",
        "frame-html-without-txt",
        "altered",
        "artifact-wrong-directory",
        &format!("{first_capture}/frame-1.html"),
        edit(&|f| {
            let d = f
                .remove(&format!("{first_capture}/frame-1.html.txt"))
                .unwrap();
            f.insert(format!("{first_capture}/frame-1.html"), d);
        }),
    );
    add(
        "artifacts",
        "snapshot-as-txt",
        "altered",
        "artifact-wrong-directory",
        &format!("{first_capture}/snapshot.html.txt"),
        edit(&|f| {
            let d = f.remove(&format!("{first_capture}/snapshot.html")).unwrap();
            f.insert(format!("{first_capture}/snapshot.html.txt"), d);
        }),
    );
    add(
        "artifacts",
        "capture-moved-to-other-entry",
        "altered",
        "artifact-hash-mismatch",
        "captures/000004/screenshot-post.png",
        edit(&|f| {
            let d = f
                .remove(&format!("{first_capture}/screenshot-post.png"))
                .unwrap();
            f.insert("captures/000004/screenshot-post.png".into(), d);
        }),
    );

    // -- SHA256SUMS
    add(
        "sums",
        "listed-twice-wrong-first",
        "altered",
        "file-altered",
        "report.html",
        edit_raw(&|f| {
            let sums = String::from_utf8(sums_of(f)).unwrap();
            let line = sums
                .lines()
                .find(|l| l.ends_with("  report.html"))
                .unwrap()
                .to_owned();
            let forged = format!("{}  report.html\n", "ab".repeat(32));
            f.insert(
                "SHA256SUMS".into(),
                sums.replacen(&format!("{line}\n"), &format!("{forged}{line}\n"), 1)
                    .into_bytes(),
            );
        }),
    );
    add(
        "sums",
        "crlf",
        "altered",
        "sums-not-exact",
        "SHA256SUMS",
        edit_raw(&|f| {
            let sums = String::from_utf8(sums_of(f)).unwrap().replace('\n', "\r\n");
            f.insert("SHA256SUMS".into(), sums.into_bytes());
        }),
    );
    add(
        "sums",
        "unsorted",
        "altered",
        "sums-not-exact",
        "SHA256SUMS",
        edit_raw(&|f| {
            let sums = String::from_utf8(sums_of(f)).unwrap();
            let mut lines: Vec<&str> = sums.lines().collect();
            lines.reverse();
            f.insert(
                "SHA256SUMS".into(),
                format!("{}\n", lines.join("\n")).into_bytes(),
            );
        }),
    );
    add(
        "sums",
        "line-removed",
        "altered",
        "file-not-listed",
        "journal.csv",
        edit_raw(&|f| {
            let sums = String::from_utf8(sums_of(f)).unwrap();
            let kept: String = sums
                .split_inclusive('\n')
                .filter(|l| !l.ends_with("  journal.csv\n"))
                .collect();
            f.insert("SHA256SUMS".into(), kept.into_bytes());
        }),
    );
    add(
        "sums",
        "absent-file-listed",
        "altered",
        "file-missing",
        "captures/000002/notes.txt",
        edit_raw(&|f| {
            let mut sums = sums_of(f);
            sums.extend_from_slice(
                format!("{}  captures/000002/notes.txt\n", "cd".repeat(32)).as_bytes(),
            );
            f.insert("SHA256SUMS".into(), sums);
        }),
    );
    add(
        "sums",
        "removed",
        "altered",
        "sums-missing",
        "SHA256SUMS",
        edit_raw(&|f| {
            f.remove("SHA256SUMS");
        }),
    );
    add(
        "sums",
        "lists-itself",
        "altered",
        "sums-not-exact",
        "SHA256SUMS",
        edit_raw(&|f| {
            let mut sums = sums_of(f);
            sums.extend_from_slice(format!("{}  SHA256SUMS\n", "ef".repeat(32)).as_bytes());
            f.insert("SHA256SUMS".into(), sums);
        }),
    );
    add(
        "sums",
        "binary-mode-markers",
        "altered",
        "sums-malformed",
        "SHA256SUMS",
        edit_raw(&|f| {
            let sums = String::from_utf8(sums_of(f)).unwrap().replace("  ", " *");
            f.insert("SHA256SUMS".into(), sums.into_bytes());
        }),
    );
    add(
        "sums",
        "no-final-newline",
        "altered",
        "sums-not-exact",
        "SHA256SUMS",
        edit_raw(&|f| {
            let mut sums = sums_of(f);
            sums.pop();
            f.insert("SHA256SUMS".into(), sums);
        }),
    );
    add(
        "sums",
        "comment-line",
        "altered",
        "sums-malformed",
        "SHA256SUMS",
        edit_raw(&|f| {
            let mut sums = b"# checked by the bailiff\n".to_vec();
            sums.extend_from_slice(&sums_of(f));
            f.insert("SHA256SUMS".into(), sums);
        }),
    );
    add(
        "sums",
        "wrong-digest",
        "altered",
        "file-altered",
        "LISEZMOI.txt",
        edit_raw(&|f| {
            let sums = String::from_utf8(sums_of(f)).unwrap();
            let line = sums
                .lines()
                .find(|l| l.ends_with("  LISEZMOI.txt"))
                .unwrap()
                .to_owned();
            f.insert(
                "SHA256SUMS".into(),
                sums.replacen(&line, &format!("{}  LISEZMOI.txt", "ab".repeat(32)), 1)
                    .into_bytes(),
            );
        }),
    );
    add(
        "sums",
        "uppercase-digests",
        "altered",
        "sums-malformed",
        "SHA256SUMS",
        edit_raw(&|f| {
            let sums = String::from_utf8(sums_of(f)).unwrap();
            let upper: String = sums
                .lines()
                .map(|l| {
                    let (h, p) = l.split_once("  ").unwrap();
                    format!("{}  {p}\n", h.to_ascii_uppercase())
                })
                .collect();
            f.insert("SHA256SUMS".into(), upper.into_bytes());
        }),
    );
    add(
        "resources",
        "sums-5000-random-lines",
        "altered",
        "sums-too-large",
        "SHA256SUMS",
        edit_raw(&|f| {
            let mut sums = sums_of(f);
            for i in 0..5000u32 {
                sums.extend_from_slice(
                    format!(
                        "{}  captures/000002/x{i}.png\n",
                        sha256_hex(&i.to_le_bytes())
                    )
                    .as_bytes(),
                );
            }
            f.insert("SHA256SUMS".into(), sums);
        }),
    );
    add(
        "resources",
        "sums-million-lines",
        "unreadable",
        "zip-bomb",
        "SHA256SUMS",
        {
            // Written by a general-purpose ZIP library: Témoin's own writer stores a file that
            // would deflate this much, so only another writer can make this bomb.
            let mut x = files.clone();
            let line = format!("{}  report.html\n", "ab".repeat(32));
            x.insert("SHA256SUMS".into(), line.repeat(1_000_000).into_bytes());
            common::rezip_with_zip_crate(&x)
        },
    );
    add(
        "resources",
        "journal-5000-broken-entries",
        "altered",
        "corrupt-entry",
        "journal.json",
        edit(&|f| {
            let mut j = journal(f);
            let entries = j["entries"].as_array_mut().unwrap();
            for i in 0..5000u32 {
                entries.push(serde_json::json!({"seq": 100 + i, "hash": sha256_hex(&i.to_le_bytes()), "event": "x"}));
            }
            put_json(f, "journal.json", &j);
        }),
    );

    // -- the container
    let container = |f: &dyn Fn(&mut Vec<RawEntry>) -> Vec<u8>| {
        let mut r = raw.clone();
        f(&mut r)
    };
    let report = index_of(&raw, "report.html");
    let png = index_of(&raw, &shot);
    add(
        "container",
        "one-byte-after",
        "unreadable",
        "extra-bytes",
        "-",
        [genuine, b"\0"].concat(),
    );
    add(
        "container",
        "second-bundle-after",
        "unreadable",
        "extra-bytes",
        "-",
        [genuine, genuine].concat(),
    );
    add(
        "container",
        "one-byte-before",
        "unreadable",
        "extra-bytes",
        "-",
        [b"\0", genuine].concat(),
    );
    add(
        "container",
        "stub-before-offsets-fixed",
        "unreadable",
        "extra-bytes",
        &raw[0].name,
        build_with(
            &raw,
            |i| {
                if i == 0 {
                    b"MZ self-extractor".to_vec()
                } else {
                    Vec::new()
                }
            },
            &[],
        ),
    );
    add(
        "container",
        "zip-comment",
        "unreadable",
        "extra-bytes",
        "-",
        {
            let mut z = genuine.to_vec();
            let n = z.len();
            z[n - 2..].copy_from_slice(&7u16.to_le_bytes());
            z.extend_from_slice(b"comment");
            z
        },
    );
    add(
        "container",
        "gap-between-entries",
        "unreadable",
        "extra-bytes",
        &raw[3].name,
        build_with(
            &raw,
            |i| if i == 3 { vec![0u8; 64] } else { Vec::new() },
            &[],
        ),
    );
    add(
        "container",
        "hidden-local-entry",
        "unreadable",
        "extra-bytes",
        &raw[5].name,
        build_with(
            &raw,
            |i| {
                if i == 5 {
                    let mut hidden = parse(&rezip(
                        BTreeMap::from([(
                            "report.html".to_owned(),
                            b"<p>forged report</p>".to_vec(),
                        )]),
                        false,
                    ))[0]
                        .clone();
                    let mut v = hidden.local.clone();
                    v.append(&mut hidden.data);
                    v
                } else {
                    Vec::new()
                }
            },
            &[],
        ),
    );
    add(
        "container",
        "local-name-differs",
        "unreadable",
        "header-mismatch",
        "report.html",
        container(&|r| {
            let e = &mut r[report];
            let at = 30;
            e.local[at..at + 11].copy_from_slice(b"REPORT.html");
            build(r)
        }),
    );
    add(
        "container",
        "local-crc-differs",
        "unreadable",
        "header-mismatch",
        "report.html",
        container(&|r| {
            set_field(&mut r[report], Some(14), None, &[1, 2, 3, 4]);
            build(r)
        }),
    );
    add(
        "container",
        "local-method-differs",
        "unreadable",
        "header-mismatch",
        &shot,
        container(&|r| {
            set_field(&mut r[png], Some(8), None, &8u16.to_le_bytes());
            build(r)
        }),
    );
    add(
        "container",
        "local-time-differs",
        "unreadable",
        "header-mismatch",
        "report.html",
        container(&|r| {
            set_field(&mut r[report], Some(10), None, &[0, 0]);
            build(r)
        }),
    );
    add(
        "container",
        "local-extra-field",
        "unreadable",
        "header-mismatch",
        "report.html",
        container(&|r| {
            add_extra(
                &mut r[report],
                &[0x55, 0x54, 5, 0, 1, 0, 0, 0, 0],
                true,
                false,
            );
            build(r)
        }),
    );
    add(
        "container",
        "extra-field-both",
        "unreadable",
        "zip-not-canonical",
        "report.html",
        container(&|r| {
            add_extra(
                &mut r[report],
                &[0x55, 0x54, 5, 0, 1, 0, 0, 0, 0],
                true,
                true,
            );
            build(r)
        }),
    );
    add(
        "container",
        "file-comment",
        "unreadable",
        "zip-not-canonical",
        "report.html",
        container(&|r| {
            let e = &mut r[report];
            e.central[32..34].copy_from_slice(&4u16.to_le_bytes());
            e.central.extend_from_slice(b"note");
            build(r)
        }),
    );
    add(
        "container",
        "directory-entry",
        "unreadable",
        "not-a-file",
        "captures/",
        container(&|r| {
            let mut d = parse(&rezip(
                BTreeMap::from([("captures/".to_owned(), Vec::new())]),
                false,
            ))[0]
                .clone();
            d.central[38..42].copy_from_slice(&((0o040_755u32 << 16) | 0x10).to_le_bytes());
            r.insert(0, d);
            build(r)
        }),
    );
    add(
        "container",
        "symlink-entry",
        "unreadable",
        "not-a-file",
        "captures/000002/link.png",
        container(&|r| {
            let mut d = parse(&rezip(
                BTreeMap::from([(
                    "captures/000002/link.png".to_owned(),
                    b"/etc/passwd".to_vec(),
                )]),
                false,
            ))[0]
                .clone();
            d.central[38..42].copy_from_slice(&(0o120_777u32 << 16).to_le_bytes());
            r.push(d);
            build(r)
        }),
    );
    add(
        "container",
        "executable-attributes",
        "unreadable",
        "not-a-file",
        "report.html",
        container(&|r| {
            r[report].central[38..42].copy_from_slice(&(0o100_755u32 << 16).to_le_bytes());
            build(r)
        }),
    );
    add(
        "container",
        "dos-attributes",
        "unreadable",
        "not-a-file",
        "report.html",
        container(&|r| {
            r[report].central[38..42].copy_from_slice(&0x20u32.to_le_bytes());
            r[report].central[5] = 0;
            build(r)
        }),
    );
    add(
        "container",
        "encrypted-flag",
        "unreadable",
        "zip-not-canonical",
        "report.html",
        container(&|r| {
            set_field(&mut r[report], Some(6), Some(8), &1u16.to_le_bytes());
            build(r)
        }),
    );
    add(
        "container",
        "bzip2-method",
        "unreadable",
        "zip-not-canonical",
        "report.html",
        container(&|r| {
            set_field(&mut r[report], Some(8), Some(10), &12u16.to_le_bytes());
            build(r)
        }),
    );
    add(
        "container",
        "version-needed-changed",
        "unreadable",
        "zip-not-canonical",
        "report.html",
        container(&|r| {
            set_field(&mut r[report], Some(4), Some(6), &63u16.to_le_bytes());
            build(r)
        }),
    );
    add(
        "container",
        "zip64-extra-on-small-file",
        "unreadable",
        "zip-not-canonical",
        "report.html",
        container(&|r| {
            let e = &mut r[report];
            let mut x = vec![1, 0, 8, 0];
            x.extend_from_slice(&u64::from(le32(&e.central, 24)).to_le_bytes());
            e.central[24..28].copy_from_slice(&u32::MAX.to_le_bytes());
            add_extra(e, &x, false, true);
            build(r)
        }),
    );
    // Data descriptors: the flag, the sizes after the data, zeros in the local header.
    let with_descriptor = |r: &mut Vec<RawEntry>, lie: bool| {
        let e = &mut r[report];
        set_field(e, Some(6), Some(8), &8u16.to_le_bytes());
        let crc = e.local[14..18].to_vec();
        let csize = e.local[18..22].to_vec();
        let mut size = e.local[22..26].to_vec();
        if lie {
            size = (le32(&size, 0) + 1000).to_le_bytes().to_vec();
        }
        e.local[14..26].fill(0);
        e.data.extend_from_slice(&[0x50, 0x4b, 0x07, 0x08]);
        e.data.extend_from_slice(&crc);
        e.data.extend_from_slice(&csize);
        e.data.extend_from_slice(&size);
        let mut z = build(r);
        // The descriptor is not data: the directory's compressed size stays the data's.
        let _ = &mut z;
        z
    };
    add(
        "container",
        "data-descriptor-in-v2",
        "unreadable",
        "data-descriptor",
        "-",
        container(&|r| with_descriptor(r, false)),
    );
    add(
        "container",
        "data-descriptor-lying",
        "unreadable",
        "data-descriptor",
        "report.html",
        container(&|r| with_descriptor(r, true)),
    );
    add(
        "container",
        "second-directory-zip64",
        "unreadable",
        "directory-mismatch",
        "-",
        container(&|r| {
            // A ZIP64 end record and locator pointing at another directory (without report.html),
            // placed before the classic end record that points at the real one.
            let real = build(r);
            let end = real.len() - 22;
            let cd_offset = le32(&real, end + 16) as u64;
            let cd_size = le32(&real, end + 12) as u64;
            let mut z = real[..end].to_vec();
            let other_cd_at = z.len() as u64;
            let mut other_cd = Vec::new();
            let mut at = cd_offset as usize;
            let mut count = 0u64;
            while (at as u64) < cd_offset + cd_size {
                let len = 46
                    + le16(&real, at + 28) as usize
                    + le16(&real, at + 30) as usize
                    + le16(&real, at + 32) as usize;
                if &real[at + 46..at + 46 + 11] != b"report.html" {
                    other_cd.extend_from_slice(&real[at..at + len]);
                    count += 1;
                }
                at += len;
            }
            z.extend_from_slice(&other_cd);
            let z64_at = z.len() as u64;
            z.extend_from_slice(&[0x50, 0x4b, 0x06, 0x06]);
            z.extend_from_slice(&44u64.to_le_bytes());
            z.extend_from_slice(&(0x0300u16 | 45).to_le_bytes());
            z.extend_from_slice(&45u16.to_le_bytes());
            z.extend_from_slice(&[0; 8]);
            z.extend_from_slice(&count.to_le_bytes());
            z.extend_from_slice(&count.to_le_bytes());
            z.extend_from_slice(&(other_cd.len() as u64).to_le_bytes());
            z.extend_from_slice(&other_cd_at.to_le_bytes());
            z.extend_from_slice(&[0x50, 0x4b, 0x06, 0x07, 0, 0, 0, 0]);
            z.extend_from_slice(&z64_at.to_le_bytes());
            z.extend_from_slice(&1u32.to_le_bytes());
            z.extend_from_slice(&real[end..]);
            z
        }),
    );
    add(
        "container",
        "zip64-disagrees-with-classic",
        "unreadable",
        "directory-mismatch",
        "-",
        container(&|r| {
            let real = build(r);
            let end = real.len() - 22;
            let count = le16(&real, end + 10) as u64;
            let cd_size = le32(&real, end + 12) as u64;
            let cd_offset = le32(&real, end + 16) as u64;
            let mut z = real[..end].to_vec();
            let z64_at = z.len() as u64;
            z.extend_from_slice(&[0x50, 0x4b, 0x06, 0x06]);
            z.extend_from_slice(&44u64.to_le_bytes());
            z.extend_from_slice(&(0x0300u16 | 45).to_le_bytes());
            z.extend_from_slice(&45u16.to_le_bytes());
            z.extend_from_slice(&[0; 8]);
            z.extend_from_slice(&(count - 1).to_le_bytes());
            z.extend_from_slice(&(count - 1).to_le_bytes());
            z.extend_from_slice(&cd_size.to_le_bytes());
            z.extend_from_slice(&cd_offset.to_le_bytes());
            z.extend_from_slice(&[0x50, 0x4b, 0x06, 0x07, 0, 0, 0, 0]);
            z.extend_from_slice(&z64_at.to_le_bytes());
            z.extend_from_slice(&1u32.to_le_bytes());
            let mut classic = real[end..].to_vec();
            classic[8..10].copy_from_slice(&u16::MAX.to_le_bytes());
            classic[10..12].copy_from_slice(&u16::MAX.to_le_bytes());
            z.extend_from_slice(&classic);
            z
        }),
    );
    add(
        "container",
        "count-one-short",
        "unreadable",
        "directory-mismatch",
        "-",
        {
            let mut z = genuine.to_vec();
            let end = z.len() - 22;
            let c = le16(&z, end + 10) - 1;
            z[end + 8..end + 12].copy_from_slice(&[c.to_le_bytes(), c.to_le_bytes()].concat());
            z
        },
    );
    add(
        "container",
        "count-one-over",
        "unreadable",
        "directory-mismatch",
        "-",
        {
            let mut z = genuine.to_vec();
            let end = z.len() - 22;
            let c = le16(&z, end + 10) + 1;
            z[end + 8..end + 12].copy_from_slice(&[c.to_le_bytes(), c.to_le_bytes()].concat());
            z
        },
    );
    add(
        "container",
        "count-wraps-past-65535",
        "unreadable",
        "directory-mismatch",
        "-",
        container(&|r| {
            // 65,536 more empty files: the 16-bit count wraps back to the genuine count.
            let template = parse(&rezip(
                BTreeMap::from([("captures/000002/a.png".to_owned(), Vec::new())]),
                false,
            ))[0]
                .clone();
            for i in 0..65_536u32 {
                let mut e = template.clone();
                rename(&mut e, &format!("captures/000002/p{i:05}.png"), true, true);
                r.push(e);
            }
            build(r)
        }),
    );
    add(
        "container",
        "multi-disk",
        "unreadable",
        "directory-mismatch",
        "-",
        {
            let mut z = genuine.to_vec();
            let end = z.len() - 22;
            z[end + 4] = 1;
            z
        },
    );
    add(
        "container",
        "central-compressed-size-lies-4gb",
        "unreadable",
        "header-mismatch",
        "report.html",
        container(&|r| {
            set_field(
                &mut r[report],
                None,
                Some(20),
                &0xFFFF_FFF0u32.to_le_bytes(),
            );
            build(r)
        }),
    );
    add(
        "resources",
        "compressed-size-lies-both-4gb",
        "unreadable",
        "size-mismatch",
        "report.html",
        container(&|r| {
            set_field(
                &mut r[report],
                Some(18),
                Some(20),
                &0xFFFF_FFF0u32.to_le_bytes(),
            );
            build(r)
        }),
    );
    add(
        "resources",
        "declared-size-1gib",
        "unreadable",
        "zip-bomb",
        "report.html",
        container(&|r| {
            set_field(
                &mut r[report],
                Some(22),
                Some(24),
                &(1u32 << 30).to_le_bytes(),
            );
            build(r)
        }),
    );
    add(
        "resources",
        "deflate-bomb-50mb",
        "unreadable",
        "zip-bomb",
        "journal.csv",
        container(&|r| {
            let i = index_of(r, "journal.csv");
            replace_data(&mut r[i], &vec![b' '; 50 << 20]);
            build(r)
        }),
    );
    add(
        "container",
        "declared-size-too-small",
        "unreadable",
        "size-mismatch",
        "report.html",
        container(&|r| {
            set_field(&mut r[report], Some(22), Some(24), &100u32.to_le_bytes());
            build(r)
        }),
    );
    add(
        "container",
        "declared-size-too-large",
        "unreadable",
        "size-mismatch",
        "report.html",
        container(&|r| {
            let size = le32(&r[report].local, 22) + 10;
            set_field(&mut r[report], Some(22), Some(24), &size.to_le_bytes());
            build(r)
        }),
    );
    add(
        "container",
        "crc-wrong-both",
        "unreadable",
        "crc-mismatch",
        "report.html",
        container(&|r| {
            set_field(&mut r[report], Some(14), Some(16), &[1, 2, 3, 4]);
            build(r)
        }),
    );
    add(
        "container",
        "stored-sizes-differ",
        "unreadable",
        "size-mismatch",
        &shot,
        container(&|r| {
            let c = le32(&r[png].local, 18) - 1;
            set_field(&mut r[png], Some(18), Some(20), &c.to_le_bytes());
            r[png].data.pop();
            build(r)
        }),
    );
    add(
        "resources",
        "eight-entries-share-one-stream",
        "unreadable",
        "extra-bytes",
        "-",
        {
            let mut z = genuine.to_vec();
            // Eight more directory records pointing at report.html's local header.
            let end = z.len() - 22;
            let cd_offset = le32(&z, end + 16) as usize;
            let cd_size = le32(&z, end + 12) as usize;
            let mut at = cd_offset;
            let mut report_record = Vec::new();
            while at < cd_offset + cd_size {
                let len = 46 + le16(&z, at + 28) as usize + le16(&z, at + 30) as usize;
                if &z[at + 46..at + 46 + len - 46] == b"report.html" {
                    report_record = z[at..at + len].to_vec();
                }
                at += len;
            }
            let trailer = z.split_off(end);
            let mut extra = Vec::new();
            for i in 0..8u8 {
                let mut rec = report_record.clone();
                rec[46 + 7] = b'0' + i;
                extra.extend_from_slice(&rec);
            }
            z.extend_from_slice(&extra);
            let mut t = trailer;
            let count = le16(&t, 10) + 8;
            t[8..10].copy_from_slice(&count.to_le_bytes());
            t[10..12].copy_from_slice(&count.to_le_bytes());
            t[12..16].copy_from_slice(&((cd_size + extra.len()) as u32).to_le_bytes());
            z.extend_from_slice(&t);
            z
        },
    );
    add(
        "container",
        "truncated-half",
        "unreadable",
        "corrupt-bundle",
        "-",
        genuine[..genuine.len() / 2].to_vec(),
    );
    add(
        "container",
        "truncated-one-byte",
        "unreadable",
        "corrupt-bundle",
        "-",
        genuine[..genuine.len() - 1].to_vec(),
    );
    add(
        "container",
        "empty-file",
        "unreadable",
        "corrupt-bundle",
        "-",
        Vec::new(),
    );
    add(
        "container",
        "not-a-zip",
        "unreadable",
        "corrupt-bundle",
        "-",
        (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect(),
    );
    add(
        "container",
        "duplicate-name",
        "unreadable",
        "duplicate-entry",
        "report.html",
        container(&|r| {
            let mut d = r[report].clone();
            replace_data(&mut d, b"<p>the other report</p>");
            r.push(d);
            build(r)
        }),
    );
    for (label, name, why) in [
        (
            "name-dot-dot",
            "captures/000002/../../../x.txt",
            "unsafe-entry",
        ),
        ("name-absolute", "/etc/cron.d/temoin", "unsafe-entry"),
        ("name-backslash", "captures\\000002\\a.png", "unsafe-entry"),
        ("name-drive", "C:/x.txt", "unsafe-entry"),
        ("name-outside-layout", "evil.exe", "unsafe-entry"),
        (
            "name-uppercase-artifact",
            "captures/000002/EVIL.PNG",
            "unsafe-entry",
        ),
    ] {
        let mut x = files.clone();
        x.insert(name.into(), b"x".to_vec());
        add("names", label, "unreadable", why, name, rezip(x, true));
    }
    add(
        "names",
        "name-not-ascii",
        "unreadable",
        "unsafe-entry",
        "-",
        container(&|r| {
            let mut d = parse(&rezip(
                BTreeMap::from([("captures/000002/e.png".to_owned(), b"x".to_vec())]),
                false,
            ))[0]
                .clone();
            let n = d.name.len();
            d.local[30 + n - 5] = 0xe9;
            d.central[46 + n - 5] = 0xe9;
            d.name = "captures/000002/\u{e9}.png".into();
            r.push(d);
            build(r)
        }),
    );
    add(
        "manifest",
        "bundle-json-removed",
        "unreadable",
        "corrupt-bundle",
        "bundle.json",
        edit(&|f| {
            f.remove("bundle.json");
        }),
    );
    add(
        "manifest",
        "bundle-json-version-4",
        "unreadable",
        "unknown-format",
        "bundle.json",
        edit(&|f| {
            let mut m: Value = serde_json::from_slice(&f["bundle.json"]).unwrap();
            m["formatVersion"] = 4.into();
            put_json(f, "bundle.json", &m);
        }),
    );
    add(
        "manifest",
        "bundle-json-not-json",
        "unreadable",
        "corrupt-bundle",
        "bundle.json",
        edit(&|f| {
            f.insert("bundle.json".into(), b"{format: temoin".to_vec());
        }),
    );
    add(
        "manifest",
        "bundle-json-version-1-downgrade",
        "altered",
        "artifact-wrong-directory",
        "-",
        edit(&|f| {
            let mut m: Value = serde_json::from_slice(&f["bundle.json"]).unwrap();
            m["formatVersion"] = 1.into();
            put_json(f, "bundle.json", &m);
        }),
    );
    out.into_inner()
}

/// Bad bundles made from the genuine bundle of several items (`genuine-items.zip`: a raid's
/// replies, entry 2, and a conversation, entry 3), numbered after the others.
fn item_cases(genuine: &[u8], first: usize) -> Vec<Case> {
    let files = unzip(genuine);
    let mut out = Vec::new();
    let mut add = |name: &str, code: &'static str, file: &str, f: &dyn Fn(&mut Files)| {
        let mut x = files.clone();
        f(&mut x);
        out.push(Case {
            name: format!("{:03}-{name}", first + out.len()),
            kind: "items",
            outcome: "altered",
            code,
            file: file.to_owned(),
            expect_head: false,
            bytes: rezip(x, true),
        });
    };
    // Each forgery is rewritten consistently (hashes, links, head): the record itself is wrong.
    add("items-crop-digest-forged", "invalid-event", "-", &|f| {
        let mut j = journal(f);
        j["entries"][1]["event"]["body"]["items"][0]["crop"]["sha256"] =
            sha256_hex(b"another picture").into();
        put_json(f, "journal.json", &j);
        rechain(f);
    });
    add("items-crop-file-missing", "invalid-event", "-", &|f| {
        let mut j = journal(f);
        j["entries"][1]["event"]["body"]["items"][2]["crop"]["name"] = "item-999.png".into();
        put_json(f, "journal.json", &j);
        rechain(f);
    });
    add("items-v2-entry-claimed-v1", "unknown-version", "-", &|f| {
        let mut j = journal(f);
        j["entries"][1]["event"]["v"] = 1.into();
        put_json(f, "journal.json", &j);
        rechain(f);
    });
    add(
        "items-bundle-relabelled-version-2",
        "unknown-version",
        "-",
        &|f| {
            let mut m: Value = serde_json::from_slice(&f["bundle.json"]).unwrap();
            m["formatVersion"] = 2.into();
            put_json(f, "bundle.json", &m);
        },
    );
    add("items-text-edited", "entry-hash-mismatch", "-", &|f| {
        let mut j = journal(f);
        j["entries"][1]["event"]["body"]["items"][1]["post"]["text"] = "je t'aime bien".into();
        put_json(f, "journal.json", &j);
    });
    add("items-text-edited-rehashed", "chain-broken", "-", &|f| {
        let mut j = journal(f);
        let e = &mut j["entries"][1];
        e["event"]["body"]["items"][1]["post"]["text"] = "je t'aime bien".into();
        e["hash"] = sha256_hex(to_canonical_string(&e["event"]).unwrap().as_bytes()).into();
        put_json(f, "journal.json", &j);
    });
    add(
        "items-crop-byte-flipped",
        "artifact-hash-mismatch",
        "captures/000002/item-001.png",
        &|f| {
            let data = f.get_mut("captures/000002/item-001.png").unwrap();
            let mid = data.len() / 2;
            data[mid] ^= 1;
        },
    );
    out
}

fn genuine_bundles() -> Vec<(String, Vec<u8>)> {
    let case = common::five_captures();
    vec![
        (
            "genuine-fr.zip".into(),
            common::export(&case, Lang::Fr, &[]).0,
        ),
        (
            "genuine-en.zip".into(),
            common::export(&case, Lang::En, &[]).0,
        ),
        (
            "genuine-withheld.zip".into(),
            common::export(
                &case,
                Lang::Fr,
                &[(3, "screenshot-post.png", "minor-sexual-image")],
            )
            .0,
        ),
        (
            "genuine-items.zip".into(),
            common::export(&common::with_items(), Lang::Fr, &[]).0,
        ),
    ]
}

/// Writes the corpus (`make corpus`): the genuine bundles, the bad ones and cases.tsv.
#[test]
#[ignore = "writes crate/testdata/corpus; run by `make corpus`"]
fn write_corpus() {
    let dir = corpus_dir();
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("bad")).unwrap();
    fs::create_dir_all(dir.join("genuine")).unwrap();
    let genuine = genuine_bundles();
    for (name, bytes) in &genuine {
        fs::write(dir.join("genuine").join(name), bytes).unwrap();
    }
    let head = temoin_core::bundle::verify::verify_bundle(
        Cursor::new(&genuine[0].1),
        &Limits::default(),
        None,
    )
    .unwrap()
    .head
    .hash;
    let mut tsv =
        format!("# case\tkind\toutcome\tcode\tfile\texpect-head\n# genuine control code: {head}\n");
    let mut all = cases(&genuine[0].1);
    let items = &genuine
        .iter()
        .find(|(n, _)| n == "genuine-items.zip")
        .unwrap()
        .1;
    all.extend(item_cases(items, all.len() + 1));
    for c in all {
        let file = format!("{}.zip", c.name);
        fs::write(dir.join("bad").join(&file), &c.bytes).unwrap();
        tsv.push_str(&format!(
            "{file}\t{}\t{}\t{}\t{}\t{}\n",
            c.kind,
            c.outcome,
            c.code,
            c.file.escape_debug(),
            if c.expect_head { head.as_str() } else { "-" }
        ));
    }
    fs::write(dir.join("cases.tsv"), tsv).unwrap();
}

struct Listed {
    file: String,
    kind: String,
    outcome: String,
    code: String,
    named: String,
    expect_head: Option<String>,
}

fn listed() -> Vec<Listed> {
    let text = fs::read_to_string(corpus_dir().join("cases.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Listed {
                file: f[0].into(),
                kind: f[1].into(),
                outcome: f[2].into(),
                code: f[3].into(),
                named: f[4].into(),
                expect_head: (f[5] != "-").then(|| f[5].to_owned()),
            }
        })
        .collect()
}

#[test]
fn every_bad_bundle_is_altered_or_unreadable_and_named() {
    let cases = listed();
    assert!(cases.len() >= 100, "{} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let bytes = fs::read(corpus_dir().join("bad").join(&c.file)).unwrap();
        match verify_bundle(
            Cursor::new(&bytes),
            &Limits::default(),
            c.expect_head.as_deref(),
        ) {
            Err(e) => {
                let named = c.named == "-"
                    || e.file.as_deref() == Some(c.named.as_str())
                    || e.message.contains(&c.named);
                if c.outcome != "unreadable" || e.code.as_str() != c.code || !named {
                    failures.push(format!(
                        "{}: unreadable {} [{:?}] {}",
                        c.file,
                        e.code.as_str(),
                        e.file,
                        e.message
                    ));
                }
            }
            Ok(r) => {
                let found = r.problems.iter().any(|p| {
                    p.code == c.code.as_str()
                        && (c.named == "-" || p.file.as_deref() == Some(c.named.as_str()))
                });
                if r.ok || c.outcome != "altered" || !found {
                    let got: Vec<String> = r
                        .problems
                        .iter()
                        .take(6)
                        .map(|p| format!("{}@{:?}", p.code, p.file))
                        .collect();
                    failures.push(format!("{}: ok={} {:?}", c.file, r.ok, got));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {}:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    let kinds: std::collections::BTreeSet<&str> = cases.iter().map(|c| c.kind.as_str()).collect();
    assert!(kinds.len() >= 8, "{kinds:?}");
}

#[test]
fn the_cli_exits_1_or_2_on_every_bad_bundle_and_0_on_every_genuine_one() {
    let run = |path: &Path, head: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_temoin"));
        cmd.arg("verify");
        if let Some(h) = head {
            cmd.args(["--expect-head", h]);
        }
        cmd.arg(path).output().unwrap().status.code().unwrap()
    };
    for c in listed() {
        let code = run(
            &corpus_dir().join("bad").join(&c.file),
            c.expect_head.as_deref(),
        );
        let expected = if c.outcome == "altered" { 1 } else { 2 };
        assert_eq!(code, expected, "{}", c.file);
    }
    let genuine: Vec<_> = fs::read_dir(corpus_dir().join("genuine"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(genuine.len(), 4);
    for path in genuine {
        assert_eq!(run(&path, None), 0, "{}", path.display());
    }
}

#[test]
fn the_corpus_genuine_bundles_verify_and_the_writer_still_makes_valid_ones() {
    for entry in fs::read_dir(corpus_dir().join("genuine")).unwrap() {
        let path = entry.unwrap().path();
        let r = verify_bundle(
            Cursor::new(fs::read(&path).unwrap()),
            &Limits::default(),
            None,
        )
        .unwrap();
        assert!(r.ok, "{}: {:#?}", path.display(), r.problems);
    }
    for (name, bytes) in genuine_bundles() {
        let r = verify_bundle(Cursor::new(&bytes), &Limits::default(), None).unwrap();
        assert!(r.ok, "{name}: {:#?}", r.problems);
    }
}

//! Time stamps in the journal and the bundle: the token and its certificates travel in a
//! `timestamp` entry, the bundle carries them as files for `openssl ts -verify`, and the
//! verifier checks each token offline against the hash of the entry it stamps. Tokens for real
//! entry hashes need a live authority: the e2e test runs one (`openssl ts -reply`); here the
//! fixtures of crate/testdata/fixtures/tsa (made for a fixed fingerprint) show the checks refuse
//! a token for another entry, and that every file is written and checked as the entry says.
#![allow(clippy::unwrap_used)]

#[path = "../../testdata/common/mod.rs"]
mod common;

use std::io::Cursor;

use temoin_core::bundle::read::Limits;
use temoin_core::bundle::verify::verify_bundle;
use temoin_core::journal::{seal, Entry, Head};
use temoin_core::lang::Lang;
use temoin_core::model::{base64_text, EventBody, Timestamp};
use temoin_core::problem::ProblemCode;
use temoin_docs::export::{BundleWriter, ExportInfo};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../testdata/fixtures/tsa/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The bundle of the common case, sealed, then a time stamp of the seal appended after it.
fn stamped_bundle(token: &[u8], certificates: &[Vec<u8>]) -> (Vec<u8>, Entry, Entry) {
    let case = common::case();
    let info = ExportInfo {
        case_id: common::CASE.into(),
        case_title: None,
        started_at: common::EXPORTED_AT.into(),
        generator: "Témoin test".into(),
        language: Lang::Fr,
    };
    let mut w = BundleWriter::new(Vec::new(), info, case.entries.clone()).unwrap();
    for wanted in w.wanted() {
        let bytes = case.stored[&(wanted.seq, wanted.name.clone())].clone();
        w.add_artifact(wanted.seq, &wanted.name, &bytes).unwrap();
    }
    let body = w.seal_body().unwrap();
    let head = case.entries.last().map_or_else(Head::genesis, Entry::head);
    let sealed = seal(&head, common::CASE, common::SEALED_AT, body).unwrap();
    let stamp = seal(
        &sealed.head(),
        common::CASE,
        "2026-11-28T12:00:05.000Z",
        EventBody::Timestamp(Timestamp {
            entry: sealed.seq,
            authority: "http://127.0.0.1/tsr".into(),
            token: base64_text(token),
            certificates: certificates.iter().map(|c| base64_text(c)).collect(),
        }),
    )
    .unwrap();
    let (bytes, head) = w.finish(sealed.clone(), vec![stamp.clone()]).unwrap();
    assert_eq!(
        head,
        stamp.head(),
        "the control code is the head after the time stamp"
    );
    (bytes, sealed, stamp)
}

#[test]
fn the_bundle_carries_each_time_stamp_for_openssl_and_checks_it() {
    let token = temoin_core::timestamp::parse_response(&fixture("valid-rsa.tsr")).unwrap();
    let root = fixture("root.der");
    let (bytes, _, stamp) = stamped_bundle(&token, std::slice::from_ref(&root));
    let files = common::unzip(&bytes);
    let tsr = format!("timestamps/{:06}.tsr", stamp.seq);
    let pem = format!("timestamps/{:06}.pem", stamp.seq);
    assert_eq!(files[&tsr], token, "the token as the authority sent it");
    let pem_text = String::from_utf8(files[&pem].clone()).unwrap();
    assert!(
        pem_text.starts_with("-----BEGIN CERTIFICATE-----\n"),
        "PEM for openssl -CAfile"
    );
    assert!(
        String::from_utf8_lossy(&files["SHA256SUMS"]).contains(&tsr),
        "listed in the sums"
    );

    // The fixture stamps another fingerprint: the verifier says which entry's stamp fails.
    let report = verify_bundle(Cursor::new(&bytes), &Limits::default(), None).unwrap();
    let p = report
        .problems
        .iter()
        .find(|p| p.code == ProblemCode::TimestampInvalid)
        .unwrap();
    assert_eq!(p.seq, Some(stamp.seq));
    assert!(p.message.contains("another fingerprint"), "{}", p.message);
    assert!(report.attestations.is_empty());

    // A changed token file, or one added, is named.
    let mut altered = files;
    altered.get_mut(&tsr).unwrap()[10] ^= 1;
    let report = verify_bundle(
        Cursor::new(common::rezip(altered, true)),
        &Limits::default(),
        None,
    )
    .unwrap();
    assert!(report
        .problems
        .iter()
        .any(|p| p.code == ProblemCode::TimestampFileNotAsWritten
            && p.file.as_deref() == Some(tsr.as_str())));
}

#[test]
fn a_time_stamp_entry_must_stamp_an_earlier_entry_and_hold_base64() {
    let bad = EventBody::Timestamp(Timestamp {
        entry: 1,
        authority: "https://tsa.example/".into(),
        token: "not base64!".into(),
        certificates: vec![],
    });
    assert!(bad.validate().is_err());
}

#[test]
fn a_minors_intimate_images_stay_out_of_the_bundle_unless_kept() {
    use temoin_core::model::{Categories, Category};
    let mut case = common::case();
    let head = case.entries.last().unwrap().head();
    case.entries.push(
        seal(
            &head,
            common::CASE,
            "2026-11-26T00:00:00.000Z",
            EventBody::Categories(Categories {
                entry: 2,
                categories: vec![Category::IntimateImages],
            }),
        )
        .unwrap(),
    );
    let info = || ExportInfo {
        case_id: common::CASE.into(),
        case_title: None,
        started_at: common::EXPORTED_AT.into(),
        generator: "Témoin test".into(),
        language: Lang::Fr,
    };
    let mut w = BundleWriter::new(Vec::new(), info(), case.entries.clone()).unwrap();
    assert_eq!(
        w.withhold_minor_images().unwrap(),
        2,
        "capture 2's two files"
    );
    assert!(
        w.wanted().iter().all(|x| x.seq != 2),
        "art. 227-23: they are not written"
    );
    let body = w.seal_body().unwrap();
    let EventBody::Export(x) = &body else {
        panic!()
    };
    assert!(
        x.withheld
            .iter()
            .all(|w| w.entry == 2 && w.reason == "minor-intimate-image"),
        "and the export entry says why"
    );
}

//! Older bundles. Version-1 bundles, as Témoin exported them before the export entry: three real ones are
//! kept in crate/testdata/fixtures/v1/. They keep verifying, under the container rules their
//! writer satisfied, and the report says that their documents are not covered by the chain.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::io::Cursor;
use std::path::Path;

use temoin_core::bundle::read::Limits;
use temoin_core::bundle::verify::verify_bundle;

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/fixtures/v1");
    let mut out: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
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
fn the_real_version_1_bundles_still_verify() {
    let all = fixtures();
    assert_eq!(all.len(), 3);
    for (name, bytes) in all {
        let r = verify_bundle(Cursor::new(&bytes), &Limits::default(), None).unwrap();
        assert!(r.ok, "{name}: {:#?}", r.problems);
        assert_eq!(r.format_version, 1, "{name}");
        assert_eq!(r.sealed_by, None);
        assert!(
            r.notices.iter().any(|n| n.code == "documents-not-covered"),
            "{name}"
        );
    }
}

#[test]
fn a_version_1_data_descriptor_must_agree_with_the_directory() {
    let (_, bytes) = fixtures().remove(0);
    // The first entry's descriptor follows its data: change its CRC there only.
    let sig = [0x50, 0x4b, 0x07, 0x08];
    let at = bytes.windows(4).position(|w| w == sig).unwrap();
    let mut bad = bytes;
    bad[at + 4] ^= 0xff;
    let err = verify_bundle(Cursor::new(&bad), &Limits::default(), None).unwrap_err();
    assert_eq!(err.code, temoin_core::ErrorCode::DataDescriptor, "{err}");
    assert!(err.file.is_some());
}

/// Version-2 bundles, as Témoin exported them before captures of several items (bundle version
/// 3): the corpus's three genuine ones, kept in crate/testdata/fixtures/v2/, still verify.
#[test]
fn the_version_2_bundles_still_verify() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/fixtures/v2");
    let mut seen = 0;
    for e in fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let bytes = fs::read(e.path()).unwrap();
        let r = verify_bundle(Cursor::new(&bytes), &Limits::default(), None).unwrap();
        assert!(r.ok, "{:?}: {:#?}", e.file_name(), r.problems);
        assert_eq!(r.format_version, 2);
        assert!(r.sealed_by.is_some());
        seen += 1;
    }
    assert_eq!(seen, 3);
}

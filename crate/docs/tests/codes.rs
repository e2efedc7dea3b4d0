//! The code families (docs/bundle-format.md, "Codes"): every capture notice has its sentence
//! for people in both languages, and the format document names every code of every family.
#![allow(clippy::unwrap_used)]

use temoin_core::error::ErrorCode;
use temoin_core::lang::Lang;
use temoin_core::notice::CaptureNotice;
use temoin_core::problem::ProblemCode;
use temoin_docs::report::notice_text;

#[test]
fn every_capture_notice_is_explained_in_both_languages() {
    for n in CaptureNotice::ALL {
        for lang in [Lang::Fr, Lang::En] {
            assert!(
                notice_text(n.as_str(), lang).is_some(),
                "{} has no sentence in {lang:?}",
                n.as_str()
            );
        }
    }
}

#[test]
fn the_format_document_names_every_code() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/bundle-format.md"
    ))
    .unwrap();
    let codes = doc[doc.find("## Codes").unwrap()..].to_owned();
    let missing: Vec<String> = CaptureNotice::ALL
        .iter()
        .map(|n| n.as_str().to_owned())
        .chain(ErrorCode::ALL.iter().map(|c| c.as_str().to_owned()))
        .chain(ProblemCode::ALL.iter().map(|p| p.as_str().to_owned()))
        .filter(|code| !codes.contains(&format!("`{code}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/bundle-format.md, Codes, does not name {missing:?}"
    );
}

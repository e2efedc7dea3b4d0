//! The TypeScript declarations of every value that crosses into JavaScript, made from the Rust
//! types (ts-rs) and kept in `extension/shared/types/`: the bindings name them as their
//! parameters' and results' types, so `tsc` fails when a field is renamed on one side. This test
//! fails when the kept files are not what the Rust types make; `TEMOIN_WRITE_TYPES=1 cargo test
//! -p temoin-wasm --test typescript` writes them again.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use ts_rs::{Config, TS};

/// The types the bindings take or return; ts-rs adds every type they use.
fn export_roots(cfg: &Config) {
    use temoin_core::{bundle, journal, model, platforms, view};
    use temoin_docs::{export, guide, report};
    journal::Head::export_all(cfg).unwrap();
    journal::Entry::export_all(cfg).unwrap();
    journal::StoredArtifact::export_all(cfg).unwrap();
    journal::Verification::export_all(cfg).unwrap();
    model::Event::export_all(cfg).unwrap();
    model::EventBody::export_all(cfg).unwrap();
    model::Capture::export_all(cfg).unwrap();
    platforms::Recognised::export_all(cfg).unwrap();
    view::CaseView::export_all(cfg).unwrap();
    view::RowChange::export_all(cfg).unwrap();
    bundle::verify::VerifiedBundle::export_all(cfg).unwrap();
    export::Wanted::export_all(cfg).unwrap();
    guide::GuideView::export_all(cfg).unwrap();
    report::letters::Letter::export_all(cfg).unwrap();
    // The code families: what the pages and the worker switch on.
    temoin_core::notice::CaptureNotice::export_all(cfg).unwrap();
    temoin_core::error::ErrorCode::export_all(cfg).unwrap();
    temoin_core::problem::ProblemCode::export_all(cfg).unwrap();
}

fn kept_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../extension/shared/types")
}

fn files(dir: &Path) -> BTreeMap<String, String> {
    let Ok(listing) = fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    listing
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_kept_declarations_are_what_the_rust_types_make() {
    let made = std::env::temp_dir().join(format!("temoin-types-{}", std::process::id()));
    let _ = fs::remove_dir_all(&made);
    // Numbers cross as JavaScript numbers (JSON), never as bigint.
    let cfg = Config::new().with_large_int("number").with_out_dir(&made);
    export_roots(&cfg);
    let made_files = files(&made);
    let _ = fs::remove_dir_all(&made);
    assert!(
        made_files.contains_key("GuideView.ts"),
        "{:?}",
        made_files.keys()
    );

    let kept = kept_dir();
    if std::env::var_os("TEMOIN_WRITE_TYPES").is_some() {
        let _ = fs::remove_dir_all(&kept);
        fs::create_dir_all(&kept).unwrap();
        for (name, text) in &made_files {
            fs::write(kept.join(name), text).unwrap();
        }
    }
    let kept_files = files(&kept);
    let stale: Vec<&String> = made_files
        .iter()
        .filter(|(name, text)| kept_files.get(*name) != Some(text))
        .map(|(name, _)| name)
        .chain(kept_files.keys().filter(|k| !made_files.contains_key(*k)))
        .collect();
    assert!(
        stale.is_empty(),
        "extension/shared/types/ differs from the Rust types in {stale:?}: run \
         TEMOIN_WRITE_TYPES=1 cargo test -p temoin-wasm --test typescript"
    );
}

/// The pages offer the categories from their own list (extension/shared/i18n.js); it must be
/// the core's, in the core's order.
#[test]
fn the_pages_offer_every_category_of_the_core() {
    let i18n = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../extension/shared/i18n.js"),
    )
    .unwrap();
    let start = i18n.find("export const CATEGORIES = [").expect("the list");
    let list = &i18n[start..];
    let list = &list[list.find('[').unwrap() + 1..list.find(']').unwrap()];
    let offered: Vec<&str> = list
        .split(',')
        .map(|s| s.trim().trim_matches('\''))
        .filter(|s| !s.is_empty())
        .collect();
    let core: Vec<&str> = temoin_core::model::Category::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(offered, core);
}

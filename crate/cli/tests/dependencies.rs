//! The crates' arrows point one way (README.md, "Architecture"): Cargo refuses a cycle between
//! crates, and this test checks what Cargo cannot: that the native verifier and the core carry
//! no browser binding, and that the core does not reach the documents.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

/// The crates `package` depends on (normal dependencies, any depth), one name per line.
fn dependencies(package: &str) -> Vec<String> {
    let out = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--offline",
            "--edges",
            "normal",
            "--prefix",
            "none",
            "--format",
            "{p}",
            "--package",
            package,
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

const BROWSER_BINDINGS: [&str; 5] = [
    "wasm-bindgen",
    "js-sys",
    "web-sys",
    "serde-wasm-bindgen",
    "temoin-wasm",
];

#[test]
fn the_native_verifier_carries_no_browser_binding() {
    let deps = dependencies("temoin-cli");
    assert!(deps.iter().any(|d| d == "temoin-core"));
    for crate_name in BROWSER_BINDINGS {
        assert!(
            !deps.iter().any(|d| d == crate_name),
            "temoin-cli depends on {crate_name}"
        );
    }
}

#[test]
fn the_core_reaches_neither_the_documents_nor_the_browser() {
    let deps = dependencies("temoin-core");
    for crate_name in BROWSER_BINDINGS.iter().chain(&["temoin-docs"]) {
        assert!(
            !deps.iter().any(|d| d == crate_name),
            "temoin-core depends on {crate_name}"
        );
    }
    let docs = dependencies("temoin-docs");
    for crate_name in BROWSER_BINDINGS {
        assert!(
            !docs.iter().any(|d| d == crate_name),
            "temoin-docs depends on {crate_name}"
        );
    }
}

//! `temoin verify` and `temoin inspect` as a user runs them, and `sha256sum -c` on an
//! unzipped bundle.
#![allow(clippy::unwrap_used)]

#[path = "../../testdata/common/mod.rs"]
mod common;

use std::fs;
use std::process::Command;

use common::{bundle, case, rezip, unzip};
use temoin_core::lang::Lang;

fn temoin(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_temoin"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn verify_exits_0_1_2() {
    let dir = tempfile::tempdir().unwrap();
    let c = case();
    let good = dir.path().join("good.zip");
    fs::write(&good, bundle(&c, Lang::Fr)).unwrap();
    let sealed = common::export(&c, Lang::Fr, &[]).1;
    let (code, out, _) = temoin(&["verify", good.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("VALID") && out.contains(&sealed.hash));

    let (code, out, _) = temoin(&["verify", "--json", good.to_str().unwrap()]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["ok"], true);
    assert_eq!(json["head"]["seq"], 9);
    assert_eq!(json["sealedBy"], 9);

    // The control code as people copy it: groups of four, upper case, a newline.
    let grouped: Vec<String> = sealed
        .hash
        .to_ascii_uppercase()
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    let copied = format!("{}\n", grouped.join(" "));
    let (code, out, _) = temoin(&["verify", "--expect-head", &copied, good.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");

    let mut files = unzip(&fs::read(&good).unwrap());
    files.get_mut("captures/000003/page.html.txt").unwrap()[5] ^= 0x20;
    let bad = dir.path().join("bad.zip");
    fs::write(&bad, rezip(files, false)).unwrap();
    let (code, out, _) = temoin(&["verify", bad.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("ALTERED"));
    assert!(
        out.contains("entry 3 file captures/000003/page.html.txt"),
        "{out}"
    );
    let (code, out, _) = temoin(&["verify", "--json", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(json["problems"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["code"] == "artifact-hash-mismatch" && p["seq"] == 3));

    let junk = dir.path().join("junk.zip");
    fs::write(&junk, b"not a zip at all").unwrap();
    let (code, _, err) = temoin(&["verify", junk.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("UNREADABLE (corrupt-bundle)"), "{err}");
    let (code, _, _) = temoin(&["verify", dir.path().join("absent.zip").to_str().unwrap()]);
    assert_eq!(code, 2);
    let (code, _, _) = temoin(&["frobnicate"]);
    assert_eq!(code, 2);

    let (code, out, _) = temoin(&[
        "verify",
        "--expect-head",
        &"ab".repeat(32),
        good.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("unexpected-head"));
}

#[test]
fn inspect_prints_the_case_and_chronology() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("b.zip");
    fs::write(&path, bundle(&case(), Lang::En)).unwrap();
    let (code, out, _) = temoin(&["inspect", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Case: Harcèlement de Léa"));
    assert!(out.contains("Person: Léa M. (minor)"));
    let lines: Vec<&str> = out.lines().filter(|l| l.starts_with("  ")).collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(
        lines[0].trim_start().starts_with("4 ") && lines[0].contains("[deleted]"),
        "{out}"
    );
    assert!(out.contains("[added file] Capture d'écran Snapchat.eml"));
}

#[test]
fn inspect_prints_the_items_under_their_capture() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("items.zip");
    fs::write(&path, bundle(&common::with_items(), Lang::En)).unwrap();
    let (code, out, _) = temoin(&["inspect", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("selection (replies): 6 items by 4 authors\n"),
        "{out}"
    );
    assert!(
        out.contains("conversation (loaded): 3 items by 1 author, titled \"Max\"; pane image capped at 20000 of 24000 px (cap 20000), every item still read\n"),
        "{out}"
    );
    let raid: Vec<&str> = out
        .lines()
        .filter(|l| l.trim_start().starts_with("2."))
        .collect();
    assert_eq!(raid.len(), 6, "one line per reply: {out}");
    assert!(
        raid[1].contains("2026-11-10T21:30:00Z  @pie_bavarde personne ne t'aime"),
        "{out}"
    );
    // Each item line comes after its capture's line, before the next capture's.
    let at = |s: &str| out.find(s).unwrap();
    assert!(
        at("   2  ") < at("2.1 ") && at("2.6 ") < at("   3  "),
        "{out}"
    );
}

#[test]
fn sha256sum_checks_an_unzipped_bundle() {
    let Ok(probe) = Command::new("sha256sum").arg("--version").output() else {
        panic!("sha256sum (coreutils) is needed for this test");
    };
    assert!(probe.status.success());
    let dir = tempfile::tempdir().unwrap();
    for (name, data) in unzip(&bundle(&case(), Lang::Fr)) {
        let path = dir.path().join(&name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, data).unwrap();
    }
    let out = Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert_eq!(text.lines().filter(|l| l.ends_with(": OK")).count(), 12);

    fs::write(dir.path().join("captures/000002/page.html.txt"), b"edited").unwrap();
    let out = Command::new("sha256sum")
        .args(["-c", "SHA256SUMS"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("captures/000002/page.html.txt: FAILED"));
}

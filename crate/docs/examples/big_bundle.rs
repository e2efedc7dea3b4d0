//! Writes a genuine version-2 bundle of about `MB` megabytes (screenshots of 8 MB, the second one a
//! tall page of 72 MB), through the public API as the extension does:
//! `cargo run --example big_bundle -- OUT.zip MB`. The import page's e2e test verifies one made on
//! the fly, to show that its workers stream it, and read a file larger than their window (64 MB)
//! in slices.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs::File;
use std::io::BufWriter;

use temoin_core::digest::sha256_hex;
use temoin_core::journal::{seal, Head};
use temoin_core::lang::Lang;
use temoin_core::model::{Artifact, Capture, EventBody, Page};
use temoin_docs::export::{BundleWriter, ExportInfo};

const AT: &str = "2026-11-28T12:00:00.000Z";
const SHOT: usize = 8 << 20;
/// The second capture's screenshot: a tall page, larger than the import page's window, followed
/// in the same half of the bundle by others.
const TALL: usize = 72 << 20;
const TALL_AT: u32 = 1;

fn size_of_shot(i: u32) -> usize {
    if i == TALL_AT {
        TALL
    } else {
        SHOT
    }
}

/// Noise that does not compress: 64 KiB of it, tiled, each tile numbered.
fn screenshot(seed: u32) -> Vec<u8> {
    let size = size_of_shot(seed);
    let mut tile = vec![0u8; 64 << 10];
    let mut x = seed.wrapping_mul(2_654_435_761) | 1;
    for b in &mut tile {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = x as u8;
    }
    let mut v = Vec::with_capacity(size);
    for i in 0..(size / tile.len()) as u32 {
        v.extend_from_slice(&i.to_le_bytes());
        v.extend_from_slice(&tile[4..]);
    }
    v[..8].copy_from_slice(b"\x89PNG\r\n\x1a\n");
    v
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = args.get(1).expect("usage: big_bundle OUT.zip MB");
    let megabytes: usize = args.get(2).and_then(|m| m.parse().ok()).unwrap_or(300);
    let captures = ((megabytes << 20).saturating_sub(TALL - SHOT))
        .div_ceil(SHOT)
        .max(TALL_AT as usize + 1) as u32;
    let mut head = Head::genesis();
    let mut entries = Vec::new();
    for i in 0..captures {
        let shot = screenshot(i);
        let body = EventBody::Capture(Capture {
            page: Page {
                url: format!("https://example.test/post/{i}"),
                title: format!("post {i}"),
                ..Page::default()
            },
            captured_at: AT.into(),
            artifacts: vec![Artifact {
                name: "screenshot-full.png".into(),
                media_type: "image/png".into(),
                size: shot.len() as u32,
                sha256: sha256_hex(&shot),
                method: "stitch".into(),
            }],
            ..Capture::default()
        });
        let e = seal(&head, "big", AT, body).unwrap();
        head = e.head();
        entries.push(e);
    }
    let info = ExportInfo {
        case_id: "big".into(),
        case_title: None,
        started_at: AT.into(),
        generator: "Témoin big_bundle".into(),
        language: Lang::En,
    };
    let file = BufWriter::new(File::create(out).unwrap());
    let mut w = BundleWriter::new(file, info, entries).unwrap();
    for wanted in w.wanted() {
        w.add_artifact(wanted.seq, &wanted.name, &screenshot(wanted.seq - 1))
            .unwrap();
    }
    let body = w.seal_body().unwrap();
    let sealed = seal(&head, "big", "2026-11-28T12:00:05.000Z", body).unwrap();
    let (_, head) = w.finish(sealed, Vec::new()).unwrap();
    println!("{} {}", head.seq, head.hash);
}

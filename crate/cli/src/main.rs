//! `temoin`: verify and inspect Témoin export bundles without the browser.
//!
//! Exit status of `verify`: 0 valid, 1 something was altered, 2 the file is unreadable.

use std::fs::File;
use std::io::BufReader;
use std::process::ExitCode;

use temoin_core::bundle::read::Limits;
use temoin_core::bundle::verify::{verify_bundle, BundleReport};
use temoin_core::view::CaseView;

const USAGE: &str = "usage:
  temoin verify [--json] [--expect-head CODE] BUNDLE.zip
  temoin inspect BUNDLE.zip

verify   checks the ZIP's structure, every file's SHA-256, every entry's hash and every link of
         the chain, and that the export entry vouches for the documents.
         --expect-head CODE: the control code written down when the bundle was exported (64 hex
         digits; spaces, groups and upper case are fine).
         Exit status: 0 valid, 1 something was altered (each problem listed), 2 unreadable.
inspect  prints the case and its chronology.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("verify") => verify(&args[1..]),
        Some("inspect") => inspect(&args[1..]),
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

struct VerifyArgs {
    json: bool,
    expect_head: Option<String>,
    path: String,
}

fn parse_verify_args(args: &[String]) -> Option<VerifyArgs> {
    let mut json = false;
    let mut expect_head = None;
    let mut path = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--expect-head" => expect_head = Some(it.next()?.clone()),
            p if !p.starts_with("--") && path.is_none() => path = Some(p.to_owned()),
            _ => return None,
        }
    }
    Some(VerifyArgs {
        json,
        expect_head,
        path: path?,
    })
}

fn open(path: &str) -> Result<BundleReport, temoin_core::Error> {
    let file = File::open(path).map_err(|e| {
        temoin_core::Error::new(
            temoin_core::ErrorCode::CorruptBundle,
            format!("cannot open {path}: {e}"),
        )
    })?;
    verify_bundle(
        BufReader::with_capacity(1 << 20, file),
        &Limits::default(),
        None,
    )
}

fn verify(args: &[String]) -> ExitCode {
    let Some(args) = parse_verify_args(args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = File::open(&args.path)
        .map_err(|e| {
            temoin_core::Error::new(
                temoin_core::ErrorCode::CorruptBundle,
                format!("cannot open {}: {e}", args.path),
            )
        })
        .and_then(|f| {
            verify_bundle(
                BufReader::with_capacity(1 << 20, f),
                &Limits::default(),
                args.expect_head.as_deref(),
            )
        });
    match result {
        Err(e) => {
            if args.json {
                println!(
                    "{}",
                    serde_json::json!({"ok": false, "unreadable": true, "code": e.code.as_str(), "file": e.file, "message": e.message})
                );
            } else {
                let file = e
                    .file
                    .as_deref()
                    .map(|f| format!(" [file {f}]"))
                    .unwrap_or_default();
                eprintln!(
                    "{}: UNREADABLE ({}){file} — {}",
                    args.path,
                    e.code.as_str(),
                    e.message
                );
            }
            ExitCode::from(2)
        }
        Ok(report) => {
            if args.json {
                match serde_json::to_string_pretty(&report) {
                    Ok(s) => println!("{s}"),
                    Err(e) => eprintln!("{e}"),
                }
            } else if report.ok {
                println!(
                    "{}: VALID — case '{}', format {}, {} entries, {} files, chain head {} {}",
                    args.path,
                    report.case_id,
                    report.format_version,
                    report.entries,
                    report.files,
                    report.head.seq,
                    report.head.hash
                );
                if args.expect_head.is_none() {
                    println!("  Control code {}: compare it with the one written down when the bundle was exported (--expect-head).", report.head.hash);
                }
                print_attestations(&report.attestations);
                for n in &report.notices {
                    println!("  Note [{}]: {}", n.code, n.message);
                }
            } else {
                println!(
                    "{}: ALTERED — {} problem(s):",
                    args.path,
                    report.problem_count()
                );
                for p in &report.problems {
                    let mut line = format!("  [{}]", p.code);
                    if let Some(seq) = p.seq {
                        line.push_str(&format!(" entry {seq}"));
                    }
                    if let Some(file) = &p.file {
                        line.push_str(&format!(" file {file}"));
                    }
                    line.push_str(&format!(": {}", p.message));
                    if let Some(e) = &p.expected {
                        line.push_str(&format!("\n      expected {e}"));
                    }
                    if let Some(f) = &p.found {
                        line.push_str(&format!("\n      found    {f}"));
                    }
                    println!("{line}");
                }
                if report.more_problems > 0 {
                    println!("  ... and {} more", report.more_problems);
                }
                print_attestations(&report.attestations);
                for n in &report.notices {
                    println!("  Note [{}]: {}", n.code, n.message);
                }
            }
            if report.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
    }
}

fn inspect(args: &[String]) -> ExitCode {
    let [path] = args else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let report = match open(path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{path}: UNREADABLE — {}", e.message);
            return ExitCode::from(2);
        }
    };
    let view = CaseView::build(&report.case_id, &report.journal);
    let title = view
        .details
        .as_ref()
        .map_or(report.case_id.as_str(), |d| d.title.as_str());
    println!("Case: {title} ({})", report.case_id);
    if let Some(d) = &view.details {
        if !d.person.is_empty() {
            println!(
                "Person: {}{}",
                d.person,
                if d.minor { " (minor)" } else { "" }
            );
        }
    }
    println!(
        "Exported: {}  Entries: {}  Chain head: {} {}  Verification: {}",
        report.exported_at,
        report.entries,
        report.head.seq,
        report.head.hash,
        if report.ok { "valid" } else { "ALTERED" }
    );
    println!("\nChronology:");
    for item in view.chronology() {
        let (when, what) = match (&item.capture, &item.file) {
            (Some(c), _) => {
                let post = c.post.as_ref();
                let author = post
                    .and_then(|p| p.author_handle.clone().or(p.author_name.clone()))
                    .unwrap_or_default();
                let text = post
                    .and_then(|p| p.text.clone())
                    .or_else(|| {
                        item.label
                            .items
                            .as_ref()
                            .map(|s| format!("[{} of {} items]", s.mode, s.count))
                    })
                    .unwrap_or_else(|| c.page.title.clone());
                (
                    item.sort_time(),
                    format!(
                        "{author} {} — {}",
                        temoin_core::text::excerpt(&text, 80),
                        c.page.url
                    ),
                )
            }
            (_, Some(f)) => (
                item.at.clone(),
                format!("[added file] {} — {}", f.original_name, f.description),
            ),
            _ => continue,
        };
        let deleted = if item.deleted.is_some() {
            " [deleted]"
        } else {
            ""
        };
        println!("  {:>4}  {when}  {what}{deleted}", item.seq);
        // A conversation or a selection: how it was gathered, then each item under it.
        if let (Some(c), Some(s)) = (&item.capture, &item.label.items) {
            println!("        {}", items_heading(c, s));
            for part in item.parts() {
                let p = &part.item.post;
                println!(
                    "        {:>4}.{:<4} {}  {} {}{}",
                    item.seq,
                    part.item.n,
                    p.published_utc
                        .clone()
                        .or_else(|| p.published_at.clone())
                        .or_else(|| p.published_text.clone())
                        .unwrap_or_else(|| "?".into()),
                    part.author.as_deref().unwrap_or("?"),
                    temoin_core::text::excerpt(p.text.as_deref().unwrap_or(""), 80),
                    p.permalink
                        .as_deref()
                        .map(|l| format!(" — {l}"))
                        .unwrap_or_default()
                );
            }
        }
    }
    if report.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// How a capture of several items was gathered, in one line: "selection (replies): 6 items by
/// 4 authors", with the conversation's title and its pane's limits.
fn items_heading(c: &temoin_core::model::Capture, s: &temoin_core::view::ItemsSummary) -> String {
    let mut line = format!(
        "{} ({}): {} item{} by {} author{}",
        s.mode,
        s.scope,
        s.count,
        if s.count == 1 { "" } else { "s" },
        s.authors,
        if s.authors == 1 { "" } else { "s" }
    );
    let Some(col) = &c.collection else {
        return line;
    };
    if let Some(since) = &col.since {
        line.push_str(&format!(", back to {since}"));
    }
    if let Some(title) = col.title.as_deref().filter(|t| !t.trim().is_empty()) {
        line.push_str(&format!(
            ", titled \"{}\"",
            temoin_core::text::excerpt(title, 60)
        ));
    }
    if let Some(p) = &col.pane {
        if p.stitched_height < p.content_height {
            line.push_str(&format!(
                "; pane image capped at {} of {} px (cap {}), every item still read",
                p.stitched_height, p.content_height, p.cap
            ));
        }
        if !p.reached_start {
            line.push_str("; start not reached");
        }
    }
    line
}

/// "entry 12 existed by 2026-11-29T14:05:03Z, attested by CN=… (root sha256 …)".
fn print_attestations(attestations: &[temoin_core::bundle::verify::TimeAttestation]) {
    for a in attestations {
        println!(
            "  Time stamp (entry {}): entry {} existed by {} UTC, attested by {} (root certificate SHA-256 {}; {})",
            a.entry,
            a.stamped,
            a.attestation.gen_time.trim_end_matches('Z').replace('T', " "),
            a.attestation.tsa_subject,
            a.attestation.root_sha256,
            a.authority
        );
    }
}

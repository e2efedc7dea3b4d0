//! `report.html`: the document a parent attaches to a complaint. Self-contained (no script,
//! no remote resource; images by relative path inside the bundle), printable, and every piece
//! of captured text escaped: a hostile post cannot run in the report.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use crate::bundle::{artifact_path, Manifest};
use crate::model::Artifact;
use crate::view::{CaseView, ItemView};

use super::{excerpt, Lang, Words};

/// Escapes text for HTML element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A link only for http(s) URLs; anything else (`javascript:`, `data:`...) stays plain text.
fn link(url: &str) -> String {
    let lower = url.trim_start().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        format!(
            "<a href=\"{u}\" rel=\"noopener noreferrer\">{u}</a>",
            u = esc(url)
        )
    } else {
        esc(url)
    }
}

const STYLE: &str = r#"
body{font-family:"DejaVu Sans",Arial,sans-serif;color:#111;margin:2rem;line-height:1.4;font-size:11pt}
h1{font-size:1.6rem;color:#1f3a5f}h2{font-size:1.25rem;color:#1f3a5f;border-bottom:2px solid #1f3a5f;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#eef1f5}code,.hash{font-family:"DejaVu Sans Mono",monospace;font-size:.8em;word-break:break-all}
.notice{border-left:4px solid #b26a00;background:#fff7e6;padding:.4rem .7rem}.deleted{border-left:4px solid #b00020;background:#fdecee;padding:.4rem .7rem}
.text{white-space:pre-wrap;border:1px solid #ddd;background:#fafafa;padding:.5rem}img.shot{max-width:100%;border:1px solid #999}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0}
section.item,section.part{page-break-before:always;break-before:page}
@media print{body{margin:0;font-size:10pt}a{color:#111}}
"#;

pub struct ReportInput<'a> {
    pub view: &'a CaseView,
    pub manifest: &'a Manifest,
    /// Paths of the artifacts actually in the bundle.
    pub present: &'a BTreeSet<String>,
    /// The case's name when the journal records no details.
    pub fallback_title: Option<&'a str>,
    pub lang: Lang,
}

pub fn render(input: &ReportInput) -> String {
    let w = super::words::words(input.lang);
    let mut out = String::with_capacity(64 * 1024);
    // Writing to a String cannot fail; the results of write! are ignored below for that reason.
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} — {case}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        lang = input.lang.tag(),
        title = esc(w.report_title),
        case = esc(&case_title(input)),
    );
    cover(&mut out, input, w);
    chronology(&mut out, input.view, w);
    summaries(&mut out, input.view, w);
    for item in &input.view.items {
        item_page(&mut out, item, input, w);
    }
    annotations(&mut out, input.view, w);
    closing(&mut out, w);
    out.push_str("</body>\n</html>\n");
    out
}

fn case_title(input: &ReportInput) -> String {
    input.view.details.as_ref().map_or_else(
        || {
            input
                .fallback_title
                .unwrap_or(&input.manifest.case_id)
                .to_owned()
        },
        |d| d.title.clone(),
    )
}

fn cover(out: &mut String, input: &ReportInput, w: &Words) {
    let view = input.view;
    let captures: Vec<&ItemView> = view.items.iter().filter(|i| i.capture.is_some()).collect();
    let added = view.items.len() - captures.len();
    let times: Vec<&str> = captures
        .iter()
        .filter_map(|i| i.capture.as_ref().map(|c| c.captured_at.as_str()))
        .collect();
    let period = match (times.iter().min(), times.iter().max()) {
        (Some(a), Some(b)) => format!("{a} — {b}"),
        _ => w.nothing.to_owned(),
    };
    let _ = write!(
        out,
        "<section class=\"cover\">\n<h1>{}</h1>\n<dl>\n",
        esc(w.report_title)
    );
    let mut row = |k: &str, v: String| {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(k), v);
    };
    row(w.case, esc(&case_title(input)));
    if let Some(d) = &view.details {
        if !d.person.is_empty() {
            row(w.person, esc(&d.person));
        }
        row(w.minor, esc(if d.minor { w.yes } else { w.no }));
        if !d.description.is_empty() {
            row(w.description, esc(&d.description));
        }
    }
    row(w.period, esc(&period));
    row(w.captures, captures.len().to_string());
    row(w.added_files, added.to_string());
    row(
        w.chain_head,
        format!(
            "<code class=\"hash\" id=\"chain-head\">{}</code> ({} {})",
            esc(&input.manifest.head.hash),
            esc(w.number),
            input.manifest.head.seq
        ),
    );
    row(w.exported_at, esc(&input.manifest.exported_at));
    row(w.generator, esc(&input.manifest.generator));
    let _ = writeln!(out, "</dl>\n<p class=\"notice\">{}</p>", esc(w.keep_head));
    let day = crate::time::parse_date(&input.manifest.exported_at);
    if let Some(day) = day {
        let deadlines = crate::deadlines::deadlines(view, day, view.minor(), input.lang);
        if !deadlines.clocks.is_empty() {
            let _ = writeln!(
                out,
                "<h3>{} ({})</h3>\n<ul id=\"deadlines\">",
                esc(w.deadlines),
                esc(&crate::time::human_date(day, input.lang))
            );
            for d in &deadlines.clocks {
                let _ = writeln!(
                    out,
                    "<li data-kind=\"{}\" data-until=\"{}\">{}</li>",
                    serde_json::to_value(d.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                    esc(&d.until),
                    esc(&d.message)
                );
            }
            out.push_str("</ul>\n");
        }
    }
    out.push_str("</section>\n");
}

fn author_of(item: &ItemView) -> Option<String> {
    let post = item.capture.as_ref()?.post.as_ref()?;
    match (&post.author_name, &post.author_handle) {
        (Some(n), Some(h)) => Some(format!("{n} ({h})")),
        (Some(n), None) => Some(n.clone()),
        (None, Some(h)) => Some(h.clone()),
        (None, None) => None,
    }
}

fn platform_of(item: &ItemView) -> Option<String> {
    item.capture.as_ref()?.post.as_ref()?.platform.clone()
}

fn chronology(out: &mut String, view: &CaseView, w: &Words) {
    let _ = write!(
        out,
        "<section class=\"part\">\n<h2>{}</h2>\n<table id=\"chronology\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        esc(w.chronology),
        esc(w.published),
        esc(w.captured),
        esc(w.platform),
        esc(w.author),
        esc(w.excerpt),
        esc(w.url),
        esc(w.number),
        esc(w.entry_hash)
    );
    for item in view.chronology() {
        let (published, captured, text, url) = match &item.capture {
            Some(c) => {
                let post = c.post.as_ref();
                (
                    post.and_then(|p| p.published_at.clone().or(p.published_text.clone())),
                    c.captured_at.clone(),
                    post.and_then(|p| p.text.clone())
                        .unwrap_or_else(|| c.page.title.clone()),
                    post.and_then(|p| p.permalink.clone())
                        .unwrap_or_else(|| c.page.url.clone()),
                )
            }
            None => {
                let f = item.file.as_ref();
                (
                    None,
                    item.at.clone(),
                    f.map(|f| format!("{} — {}", f.original_name, f.description))
                        .unwrap_or_default(),
                    String::new(),
                )
            }
        };
        let _ = writeln!(
            out,
            "<tr data-seq=\"{seq}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"#entry-{seq}\">{seq}</a></td><td><code class=\"hash\">{}</code></td></tr>",
            esc(published.as_deref().unwrap_or("—")),
            esc(&captured),
            esc(&platform_of(item).unwrap_or_else(|| if item.file.is_some() { w.added_files.to_owned() } else { "—".into() })),
            esc(&author_of(item).unwrap_or_else(|| "—".into())),
            esc(&excerpt(&text, 140)),
            link(&url),
            esc(&item.hash),
            seq = item.seq,
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn summaries(out: &mut String, view: &CaseView, w: &Words) {
    let mut by_author: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_platform: BTreeMap<String, usize> = BTreeMap::new();
    for item in view.items.iter().filter(|i| i.capture.is_some()) {
        *by_author
            .entry(author_of(item).unwrap_or_else(|| w.unknown.into()))
            .or_default() += 1;
        *by_platform
            .entry(platform_of(item).unwrap_or_else(|| w.unknown.into()))
            .or_default() += 1;
    }
    for (heading, counts, id) in [
        (w.by_author, &by_author, "by-author"),
        (w.by_platform, &by_platform, "by-platform"),
    ] {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<table id=\"{id}\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(heading),
            esc(heading),
            esc(w.count)
        );
        for (k, n) in counts {
            let _ = writeln!(out, "<tr><td>{}</td><td>{n}</td></tr>", esc(k));
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</section>\n");
}

fn item_page(out: &mut String, item: &ItemView, input: &ReportInput, w: &Words) {
    let added = item.file.is_some();
    let heading = if added {
        w.added_heading
    } else {
        w.capture_heading
    };
    let _ = writeln!(
        out,
        "<section class=\"item\" id=\"entry-{seq}\" data-seq=\"{seq}\">\n<h2>{} {seq}</h2>",
        esc(heading),
        seq = item.seq
    );
    if added {
        let _ = writeln!(out, "<p class=\"notice\">{}</p>", esc(w.added_notice));
    }
    if let Some(d) = &item.deleted {
        let _ = writeln!(
            out,
            "<p class=\"deleted\"><strong>{}</strong> ({} {}, {}) — {} {}</p>",
            esc(w.deleted),
            esc(w.number),
            d.seq,
            esc(&d.at),
            esc(w.deleted_notice),
            if d.reason.is_empty() {
                String::new()
            } else {
                format!("{} : {}", esc(w.reason), esc(&d.reason))
            }
        );
    }
    for a in item
        .artifacts()
        .iter()
        .filter(|a| a.media_type.starts_with("image/"))
    {
        let path = artifact_path(added, item.seq, &a.name);
        if input.present.contains(&path) {
            let _ = writeln!(
                out,
                "<figure><img class=\"shot\" src=\"{p}\" alt=\"{p}\"><figcaption><code>{p}</code></figcaption></figure>",
                p = esc(&path)
            );
        }
    }
    out.push_str("<dl>\n");
    let mut row = |k: &str, v: String| {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(k), v);
    };
    if let Some(c) = &item.capture {
        row(w.captured, esc(&c.captured_at));
        row(w.url, link(&c.page.url));
        row(w.page_title, esc(&c.page.title));
        if let Some(p) = &c.post {
            if let Some(v) = &p.platform {
                row(w.platform, esc(v));
            }
            if let Some(a) = author_of(item) {
                row(w.author, esc(&a));
            }
            if let Some(v) = &p.author_url {
                row(w.author, link(v));
            }
            if let Some(v) = p.published_at.as_ref().or(p.published_text.as_ref()) {
                row(w.published, esc(v));
            }
            if let Some(v) = &p.permalink {
                row(w.permalink, link(v));
            }
        }
    }
    if let Some(f) = &item.file {
        row(w.original_name, esc(&f.original_name));
        row(w.description, esc(&f.description));
        row(w.added_at, esc(&item.at));
    }
    if !item.categories.is_empty() {
        let names: Vec<&str> = item
            .categories
            .iter()
            .map(|c| w.category(c.as_str()))
            .collect();
        row(w.categories, esc(&names.join(", ")));
    }
    row(
        w.entry_hash,
        format!("<code class=\"hash\">{}</code>", esc(&item.hash)),
    );
    out.push_str("</dl>\n");
    if let Some(text) = item
        .capture
        .as_ref()
        .and_then(|c| c.post.as_ref())
        .and_then(|p| p.text.as_ref())
    {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<div class=\"text\">{}</div>",
            esc(w.post_text),
            esc(text)
        );
    }
    artifacts_table(out, item.artifacts(), w);
    if !item.notes.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", esc(w.notes));
        for n in &item.notes {
            let _ = writeln!(
                out,
                "<li>{} ({} {}) : {}</li>",
                esc(&n.at),
                esc(w.number),
                n.seq,
                esc(&n.text)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn artifacts_table(out: &mut String, artifacts: &[Artifact], w: &Words) {
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<table><thead><tr><th>{}</th><th>{}</th><th>SHA-256</th><th>{}</th></tr></thead><tbody>",
        esc(w.files),
        esc(w.file),
        esc(w.size),
        esc(w.method)
    );
    for a in artifacts {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td><code class=\"hash\">{}</code></td><td>{}</td></tr>",
            esc(&a.name),
            a.size,
            esc(&a.sha256),
            esc(&a.method)
        );
    }
    out.push_str("</tbody></table>\n");
}

fn annotations(out: &mut String, view: &CaseView, w: &Words) {
    let _ = writeln!(
        out,
        "<section class=\"part\">\n<h2>{}</h2>\n<table id=\"annotations\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(w.journal_heading),
        esc(w.number),
        esc(w.captured),
        esc(w.entry_kind),
        esc(w.about_entry),
        esc(w.details),
        esc(w.entry_hash)
    );
    if view.annotations.is_empty() {
        let _ = writeln!(out, "<tr><td colspan=\"6\">{}</td></tr>", esc(w.nothing));
    }
    for a in &view.annotations {
        let summary = if a.kind == "categories" {
            a.summary
                .split(", ")
                .filter(|s| !s.is_empty())
                .map(|c| w.category(c))
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            a.summary.clone()
        };
        let _ = writeln!(
            out,
            "<tr data-seq=\"{}\" data-kind=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code class=\"hash\">{}</code></td></tr>",
            a.seq,
            a.kind,
            a.seq,
            esc(&a.at),
            esc(w.kind(a.kind)),
            a.target.map_or_else(String::new, |t| format!("<a href=\"#entry-{t}\">{t}</a>")),
            esc(&summary),
            esc(&a.hash)
        );
    }
    out.push_str("</tbody></table>\n</section>\n");
}

fn closing(out: &mut String, w: &Words) {
    let _ = writeln!(
        out,
        "<section class=\"part\">\n<h2>{}</h2>\n<ol>",
        esc(w.verify_heading)
    );
    for s in w.verify_steps {
        let _ = writeln!(out, "<li>{}</li>", esc(s));
    }
    let _ = writeln!(out, "</ol>\n<h2>{}</h2>\n<ul>", esc(w.proves_heading));
    for s in w.proves {
        let _ = writeln!(out, "<li>{}</li>", esc(s));
    }
    out.push_str("</ul>\n<ul>\n");
    for s in w.not_proves {
        let _ = writeln!(out, "<li>{}</li>", esc(s));
    }
    out.push_str("</ul>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<script>alert('x')</script>&\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"
        );
    }

    #[test]
    fn only_http_urls_become_links() {
        assert!(link("https://x.com/a").starts_with("<a href=\"https://x.com/a\""));
        assert_eq!(link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(link(" JavaScript:alert(1)"), " JavaScript:alert(1)");
        assert!(!link("https://x/\"onmouseover=\"a").contains("\"onmouseover"));
    }
}

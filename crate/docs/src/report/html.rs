//! `report.html`: the document a parent attaches to a complaint and a lawyer or police officer
//! reads first. Self-contained (no script, no remote resource; images by relative path inside
//! the bundle), printable on A4 (one capture per page, no column lost), in one language, and
//! every piece of captured text escaped: a hostile post cannot run in the report. It claims
//! nothing it cannot back: what the fingerprints prove is said together with its condition
//! (the control code written down elsewhere at export).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use time::{Date, OffsetDateTime, UtcOffset};

use temoin_core::bundle::{artifact_path, stored_name, Manifest};
use temoin_core::model::{Artifact, Capture, Category, Statement};
use temoin_core::time::{human_date, human_datetime, human_period, offset_of, parse_instant};
use temoin_core::view::{author_label, CaseView, ItemView};

use super::words::{method_text, notice_text, number};
use crate::deadlines::StartsFrom;
use temoin_core::lang::Lang;

use super::{excerpt, Words};

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
:root{color-scheme:light dark;--ink:#111;--paper:#fff;--accent:#1f3a5f;--rule:#999;--soft:#eef1f5;--warn-bg:#fff4dc;--warn:#7a4a00;--bad-bg:#fdecee;--bad:#8a0018}
@media (prefers-color-scheme:dark){:root{--ink:#eee;--paper:#15171a;--accent:#9cc2ff;--rule:#666;--soft:#23272e;--warn-bg:#3a2c10;--warn:#ffd48a;--bad-bg:#3d1318;--bad:#ffb3bd}}
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Arial,sans-serif;color:var(--ink);background:var(--paper);margin:0 auto;padding:1.5rem;max-width:60rem;line-height:1.5;font-size:1rem}
a{color:var(--accent)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--paper);padding:.5rem}
h1{font-size:1.6rem;color:var(--accent);margin-top:0}h2{font-size:1.3rem;color:var(--accent);border-bottom:2px solid var(--accent);padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem;margin-bottom:.3rem}
.lead{font-size:1.1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0;table-layout:fixed}
th,td{border:1px solid var(--rule);padding:.3rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere;word-break:break-word}
th{background:var(--soft)}
code,.hash{font-family:"DejaVu Sans Mono",monospace;font-size:.85em;overflow-wrap:anywhere;word-break:break-all}
.notice{border-left:4px solid var(--warn);background:var(--warn-bg);padding:.5rem .8rem}
.deleted,.withheld{border-left:4px solid var(--bad);background:var(--bad-bg);padding:.5rem .8rem}
.translation{border-left:4px solid var(--rule);padding:0 .8rem;font-style:italic}
.text{white-space:pre-wrap;border:1px solid var(--rule);background:var(--soft);padding:.5rem;overflow-wrap:anywhere}
figure{margin:.5rem 0}img.shot{display:block;max-width:100%;height:auto;border:1px solid var(--rule)}
dl.fields{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.2rem 1rem;margin:.5rem 0}dt{font-weight:bold}dd{margin:0;overflow-wrap:anywhere}
.chrono tr.part td{background:var(--soft)}.chrono tr.part td:first-child{padding-left:1rem}ol.parts{list-style:none;padding-left:0}.parts a{overflow-wrap:anywhere}ol.parts li{margin-bottom:.6rem}
.chrono col.n{width:3.2rem}.chrono col.when{width:9.5rem}.chrono col.where{width:8rem}.chrono col.who{width:10rem}
@media screen and (max-width:40rem){dl.fields{grid-template-columns:1fr}dd{margin-bottom:.4rem}body{padding:.8rem}
 table,thead,tbody,tr,th,td{display:block;width:auto}col{width:auto!important}thead{position:absolute;left:-9999px}
 tr{border:1px solid var(--rule);margin:.5rem 0}td{border:0;border-bottom:1px solid var(--rule)}td:last-child{border-bottom:0}
 td[data-label]::before{content:attr(data-label);display:block;font-weight:bold;font-size:.9em}}
@page{size:A4;margin:15mm 14mm}
@media print{
 :root{--ink:#000;--paper:#fff;--accent:#1f3a5f;--rule:#888;--soft:#eee;--warn-bg:#fff;--bad-bg:#fff}
 body{max-width:none;padding:0;font-size:10pt}
 a{color:#000;text-decoration:none}
 .skip{display:none}
 section.item,section.part{break-before:page}
 tr,figure,dl.fields>*{break-inside:avoid}
 thead{display:table-header-group}
 img.shot{max-height:150mm;width:auto;max-width:100%;object-fit:contain}
 h2,h3{break-after:avoid}
}
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
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} — {case}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#chronology-title\">{skip}</a>\n<main>\n",
        lang = input.lang.tag(),
        title = esc(w.report_title),
        case = esc(&case_title(input)),
        skip = esc(w.skip_to_chronology),
    );
    cover(&mut out, input, w);
    chronology(&mut out, input.view, input.lang, w);
    summaries(&mut out, input.view, input.lang, w);
    for item in &input.view.items {
        item_page(&mut out, item, input, w);
    }
    annotations(&mut out, input.view, input.lang, w);
    closing(&mut out, w);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn case_title(input: &ReportInput) -> String {
    super::case_title(input.view, input.fallback_title, &input.manifest.case_id)
}

/// The zone the capture's device was in.
fn offset_of_capture(c: &Capture) -> UtcOffset {
    c.environment
        .as_ref()
        .and_then(|e| offset_of(&e.local_time))
        .unwrap_or(UtcOffset::UTC)
}

/// « 28 novembre 2026 à 11 h 00 (UTC+01:00) — 2026-11-28 10:00:00 UTC »: local time as people
/// write it, and UTC beside it for the record.
fn local_and_utc(t: OffsetDateTime, offset: UtcOffset, lang: Lang) -> String {
    let utc = t.to_offset(UtcOffset::UTC);
    let local = human_datetime(t, offset, lang);
    if offset == UtcOffset::UTC {
        return local;
    }
    format!(
        "{local} — {:04}-{:02}-{:02} {:02}:{:02}:{:02} UTC",
        utc.year(),
        utc.month() as u8,
        utc.day(),
        utc.hour(),
        utc.minute(),
        utc.second()
    )
}

fn stamp(s: &str, offset: UtcOffset, lang: Lang) -> String {
    parse_instant(s).map_or_else(|| s.to_owned(), |t| local_and_utc(t, offset, lang))
}

/// Images of a sexual nature involving a minor are never reproduced in the report.
fn withheld_images(item: &ItemView, view: &CaseView) -> bool {
    view.minor() && item.categories.contains(&Category::IntimateImages)
}

/// The first and last of some days, if there are any.
fn span(days: &[Date]) -> Option<(Date, Date)> {
    Some((*days.iter().min()?, *days.iter().max()?))
}

/// The opening sentences: what the document gathers, when, about whom, with real plurals.
fn lead(
    captures: usize,
    added: usize,
    made: Option<(Date, Date)>,
    person: Option<&str>,
    minor: bool,
    lang: Lang,
) -> String {
    let n = |k: usize| number(k as u64, lang);
    let made = made.map(|(a, b)| {
        let when = human_period(a, b, lang);
        match (a == b, lang) {
            (true, Lang::Fr) => format!(" le {when}"),
            (false, Lang::Fr) => format!(" {when}"),
            (true, Lang::En) => format!(" on {when}"),
            (false, Lang::En) => format!(" from {when}"),
        }
    });
    let shots = match (captures, lang) {
        (0, _) => None,
        (1, Lang::Fr) => Some(format!(
            "une capture de page web faite{} avec l'extension Témoin",
            made.unwrap_or_default()
        )),
        (k, Lang::Fr) => Some(format!(
            "{} captures de pages web faites{} avec l'extension Témoin",
            n(k),
            made.unwrap_or_default()
        )),
        (1, Lang::En) => Some(format!(
            "one capture of a web page made{} with the Témoin extension",
            made.unwrap_or_default()
        )),
        (k, Lang::En) => Some(format!(
            "{} captures of web pages made{} with the Témoin extension",
            n(k),
            made.unwrap_or_default()
        )),
    };
    let files = match (added, lang) {
        (0, _) => None,
        (1, Lang::Fr) => Some("un fichier ajouté par l'utilisateur".to_owned()),
        (k, Lang::Fr) => Some(format!("{} fichiers ajoutés par l'utilisateur", n(k))),
        (1, Lang::En) => Some("one file added by the user".to_owned()),
        (k, Lang::En) => Some(format!("{} files added by the user", n(k))),
    };
    let whom = match (person, minor, lang) {
        (Some(p), true, Lang::Fr) => Some(format!("{p}, personne mineure")),
        (Some(p), true, Lang::En) => Some(format!("{p}, a minor")),
        (Some(p), false, _) => Some(p.to_owned()),
        (None, true, Lang::Fr) => Some("une personne mineure".to_owned()),
        (None, true, Lang::En) => Some("a minor".to_owned()),
        (None, false, _) => None,
    };
    let one = captures + added == 1;
    // French agrees with what is gathered: captures only are feminine, any file makes it
    // masculine.
    let (pronoun, each) = match (captures > 0 && added == 0, one) {
        (true, true) => ("elle concerne", "Elle est décrite"),
        (true, false) => ("elles concernent", "Chacune est décrite"),
        (false, true) => ("il concerne", "Il est décrit"),
        (false, false) => ("ils concernent", "Chacun est décrit"),
    };
    let gathered = match (shots, files) {
        (Some(s), Some(f)) => Some(lang.pick(format!("{s}, et {f}"), format!("{s}, and {f}"))),
        (Some(s), None) => Some(s),
        (None, Some(f)) => Some(lang.pick(
            format!("{f}, sans capture de page web"),
            format!("{f}, and no capture of a web page"),
        )),
        (None, None) => None,
    };
    // A name may end with its own full stop ("Léa M."): the sentence does not add another.
    let stop = |s: String| if s.ends_with('.') { s } else { s + "." };
    match (gathered, lang) {
        (Some(g), Lang::Fr) => {
            let about = whom
                .map(|p| format!("\u{a0}; {pronoun} {p}"))
                .unwrap_or_default();
            format!(
                "{} {each} sur sa propre page, après la chronologie.",
                stop(format!("Ce document rassemble {g}{about}"))
            )
        }
        (Some(g), Lang::En) => {
            let about = whom.map(|p| format!(", concerning {p}")).unwrap_or_default();
            let each = if one { "It is" } else { "Each is" };
            format!(
                "{} {each} described on its own page, after the chronology.",
                stop(format!("This document gathers {g}{about}"))
            )
        }
        (None, Lang::Fr) => match whom {
            Some(p) => format!("Ce document concerne {p}\u{a0}; il ne rassemble encore aucune capture ni aucun fichier."),
            None => "Ce document ne rassemble encore aucune capture ni aucun fichier.".to_owned(),
        },
        (None, Lang::En) => match whom {
            Some(p) => format!("This document concerns {p}; it gathers no capture and no file yet."),
            None => "This document gathers no capture and no file yet.".to_owned(),
        },
    }
}

/// What the captures of several items add up to, said after the lead: « L'une de ces captures
/// réunit 6 messages relevés un par un. »
fn several_items_sentence(captures: &[&ItemView], lang: Lang) -> Option<String> {
    let counts: Vec<usize> = captures
        .iter()
        .filter_map(|i| i.capture.as_ref())
        .map(|c| c.items.len())
        .filter(|n| *n > 0)
        .collect();
    let (k, m) = (counts.len(), counts.iter().sum::<usize>());
    let messages = if m == 1 {
        lang.pick("1 message relevé un par un", "1 message read one by one")
            .to_owned()
    } else {
        lang.pick(
            format!("{} messages relevés un par un", number(m as u64, lang)),
            format!("{} messages read one by one", number(m as u64, lang)),
        )
    };
    Some(match (k, captures.len(), lang) {
        (0, _, _) => return None,
        (1, 1, Lang::Fr) => format!("Cette capture réunit {messages}."),
        (1, 1, Lang::En) => format!("This capture holds {messages}."),
        (1, _, Lang::Fr) => format!("L'une de ces captures réunit {messages}."),
        (1, _, Lang::En) => format!("One of these captures holds {messages}."),
        (k, _, Lang::Fr) => format!(
            "{} de ces captures réunissent {messages} en tout.",
            number(k as u64, lang)
        ),
        (k, _, Lang::En) => format!(
            "{} of these captures hold {messages} in all.",
            number(k as u64, lang)
        ),
    })
}

/// When the bundle was exported. The export entry records no zone, so the time stays in UTC,
/// and the report says so rather than pass it off as local time.
fn exported_cell(at: &str, lang: Lang, w: &Words) -> String {
    parse_instant(at).map_or_else(
        || at.to_owned(),
        |t| {
            format!(
                "{} — {}",
                human_datetime(t, UtcOffset::UTC, lang),
                w.exported_at_utc_note
            )
        },
    )
}

fn cover(out: &mut String, input: &ReportInput, w: &Words) {
    let view = input.view;
    let lang = input.lang;
    let captures: Vec<&ItemView> = view.items.iter().filter(|i| i.capture.is_some()).collect();
    let added = view.items.len() - captures.len();
    // Each capture's day in the zone of its device; each fact's day, its publication or, when
    // the page gave none, its capture.
    let capture_days: Vec<Date> = captures
        .iter()
        .filter_map(|i| i.capture.as_ref())
        .filter_map(|c| {
            parse_instant(&c.captured_at).map(|t| t.to_offset(offset_of_capture(c)).date())
        })
        .collect();
    // A duration shown by the page ("il y a 1 jour") spans days: its earliest possible day can
    // open the period, its latest (the duration counted short) can close it.
    let fact_days: Vec<Date> = captures
        .iter()
        .filter_map(|i| {
            let (day, from, offset) = crate::deadlines::act_date(i)?;
            // The day of the post undated replies answer bounds their clock; it is no fact's
            // own day: the period counts their capture's day instead.
            let day = match (from, i.capture.as_ref()) {
                (StartsFrom::RepliedPost, Some(c)) => parse_instant(&c.captured_at)
                    .map_or(day, |t| t.to_offset(offset_of_capture(c)).date()),
                _ => day,
            };
            let latest = (from == StartsFrom::EstimatedPublication)
                .then(|| i.capture.as_ref()?.post.as_ref()?.publication())
                .flatten()
                .map(|p| p.at.to_offset(offset).date());
            // A capture of several items spans from its earliest item to its latest.
            let last_item = crate::deadlines::last_act_date(i)
                .filter(|(_, f, _)| !matches!(f, StartsFrom::CaptureDate | StartsFrom::RepliedPost))
                .map(|(d, _, _)| d);
            let last_item_at = i
                .capture
                .as_ref()?
                .items
                .iter()
                .filter_map(|it| it.post.publication())
                .map(|p| p.at.to_offset(offset).date())
                .max();
            Some([Some(day), latest, last_item, last_item_at])
        })
        .flatten()
        .flatten()
        .collect();
    let made = span(&capture_days);
    let period = made.map_or_else(|| w.nothing.to_owned(), |(a, b)| human_period(a, b, lang));
    let facts = span(&fact_days).map_or_else(
        || w.nothing.to_owned(),
        |(a, b)| format!("{} {}", human_period(a, b, lang), w.facts_period_note),
    );
    let _ = writeln!(
        out,
        "<section class=\"cover\">\n<h1>{}</h1>",
        esc(w.report_title)
    );
    let _ = writeln!(
        out,
        "<p class=\"lead\">{}</p>",
        esc(&lead(
            captures.len(),
            added,
            made,
            view.person(),
            view.minor(),
            lang
        ))
    );
    if let Some(several) = several_items_sentence(&captures, lang) {
        let _ = writeln!(out, "<p>{}</p>", esc(&several));
    }
    out.push_str("<dl class=\"fields\">\n");
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
    row(w.facts_period, esc(&facts));
    row(w.period, esc(&period));
    row(w.captures, number(captures.len() as u64, lang));
    row(w.added_files, number(added as u64, lang));
    row(
        w.exported_at,
        esc(&exported_cell(&input.manifest.exported_at, lang, w)),
    );
    row(w.generator, esc(&input.manifest.generator));
    out.push_str("</dl>\n");
    let _ = writeln!(
        out,
        "<h2 id=\"verify\">{}</h2>\n<p>{}</p>",
        esc(w.verify_heading),
        esc(w.verify_paragraph)
    );
    if let Some(day) = temoin_core::time::parse_date(&input.manifest.exported_at) {
        let deadlines = crate::deadlines::deadlines(view, day, view.minor(), lang);
        if !deadlines.clocks.is_empty() {
            let _ = writeln!(
                out,
                "<h2>{} ({})</h2>\n<ul id=\"deadlines\">",
                esc(w.deadlines),
                esc(&human_date(day, lang))
            );
            for d in &deadlines.clocks {
                let _ = writeln!(
                    out,
                    "<li data-kind=\"{}\" data-until=\"{}\">{} <small class=\"source\">({} {} — {})</small></li>",
                    d.kind.code(),
                    esc(&d.until),
                    esc(&d.message),
                    esc(w.source),
                    esc(&d.source),
                    esc(d.status_label)
                );
            }
            out.push_str("</ul>\n");
        }
        for n in &deadlines.notes {
            let _ = writeln!(
                out,
                "<p class=\"notice\">{} <small class=\"source\">({} {})</small></p>",
                esc(&n.message),
                esc(w.source),
                esc(&n.source)
            );
        }
    }
    out.push_str("</section>\n");
}

fn published_cell(item: &ItemView, lang: Lang) -> String {
    let Some(c) = item.capture.as_ref() else {
        return String::new();
    };
    let post = c.post.as_ref();
    if let Some(at) =
        post.and_then(|p| super::publication_text(p, offset_of_capture(c), lang, false))
    {
        return at;
    }
    match post
        .and_then(|p| p.published_text.as_deref())
        .filter(|t| !t.trim().is_empty())
    {
        Some(shown) => lang.pick(
            format!("«\u{a0}{shown}\u{a0}» (affiché)"),
            format!("\"{shown}\" (as shown)"),
        ),
        None => lang.pick("inconnue".into(), "unknown".into()),
    }
}

/// The days a capture of several items' publications span, in its device's zone.
fn parts_period(item: &ItemView, lang: Lang) -> Option<String> {
    parts_span(item).map(|(a, b)| human_period(a, b, lang))
}

/// The same days within a sentence: « du 18 au 20 novembre 2026 », "from 18 to 20 November
/// 2026", « le 18 novembre 2026 », "on 18 November 2026".
fn parts_period_inline(item: &ItemView, lang: Lang) -> Option<String> {
    let (a, b) = parts_span(item)?;
    Some(if a == b {
        lang.pick(
            format!("le {}", human_date(a, lang)),
            format!("on {}", human_date(a, lang)),
        )
    } else {
        lang.pick(
            human_period(a, b, lang),
            format!("from {}", human_period(a, b, lang)),
        )
    })
}

/// The first and last days a capture of several items' publications span.
fn parts_span(item: &ItemView) -> Option<(Date, Date)> {
    let c = item.capture.as_ref()?;
    let offset = offset_of_capture(c);
    let days: Vec<Date> = c
        .items
        .iter()
        .filter_map(|i| i.post.publication())
        .flat_map(|p| [p.earliest, Some(p.at)])
        .flatten()
        .map(|t| t.to_offset(offset).date())
        .collect();
    span(&days)
}

fn chronology(out: &mut String, view: &CaseView, lang: Lang, w: &Words) {
    let _ = write!(
        out,
        "<section class=\"part\">\n<h2 id=\"chronology-title\">{}</h2>\n<table id=\"chronology\" class=\"chrono\">\n<colgroup><col class=\"n\"><col class=\"when\"><col class=\"where\"><col class=\"who\"><col></colgroup>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        esc(w.chronology),
        esc(w.number),
        esc(w.when),
        esc(w.platform),
        esc(w.author),
        esc(w.excerpt),
    );
    for item in view.chronology() {
        let (when, text) = match (&item.capture, &item.file) {
            (Some(c), _) if c.collection.is_some() => (
                // No item dated: unknown, never the right-clicked post's time (in a selection,
                // the post the replies sit under).
                parts_period(item, lang).unwrap_or_else(|| lang.pick("inconnue", "unknown").into()),
                match (&item.label.items, &c.collection) {
                    (Some(s), Some(col)) => {
                        let title = col
                            .title
                            .as_deref()
                            .filter(|t| !t.trim().is_empty() && s.mode != "conversation")
                            .map(|t| format!("«\u{a0}{}\u{a0}» · ", excerpt(t, 80)))
                            .unwrap_or_default();
                        format!("{title}{}", super::items::heading(c, s, lang))
                    }
                    _ => String::new(),
                },
            ),
            (Some(c), _) => (
                published_cell(item, lang),
                c.post
                    .as_ref()
                    .and_then(|p| p.text.clone())
                    .map(|t| excerpt(&t, 160))
                    .unwrap_or_else(|| {
                        lang.pick(
                            format!("[page «\u{a0}{}\u{a0}»]", excerpt(&c.page.title, 80)),
                            format!("[page \"{}\"]", excerpt(&c.page.title, 80)),
                        )
                    }),
            ),
            // The day the file was added, not the day of the facts it shows: said so.
            (_, Some(f)) => (
                lang.pick(
                    format!("ajouté le {}", stamp(&item.at, UtcOffset::UTC, lang)),
                    format!("added on {}", stamp(&item.at, UtcOffset::UTC, lang)),
                ),
                format!("{} — {}", f.original_name, f.description),
            ),
            _ => continue,
        };
        let _ = writeln!(
            out,
            "<tr data-seq=\"{seq}\"><td data-label=\"{l_n}\"><a href=\"#entry-{seq}\">{seq}</a></td><td data-label=\"{l_when}\">{}</td><td data-label=\"{l_where}\">{}</td><td data-label=\"{l_who}\">{}</td><td data-label=\"{l_what}\">{}</td></tr>",
            esc(&when),
            esc(&item.label.platform_name.clone().unwrap_or_else(|| if item.file.is_some() { w.kind("fileAdded").to_owned() } else { "—".into() })),
            esc(&item.label.author.clone().unwrap_or_else(|| "—".into())),
            esc(&text),
            seq = item.seq,
            l_n = esc(w.number),
            l_when = esc(w.when),
            l_where = esc(w.platform),
            l_who = esc(w.author),
            l_what = esc(w.excerpt),
        );
        chronology_parts(out, item, lang, w);
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The items of a capture of several, each on its own line under its capture's line: « 2.1 »,
/// « 2.2 »… with the item's own time, author and text.
fn chronology_parts(out: &mut String, item: &ItemView, lang: Lang, w: &Words) {
    let Some(c) = item.capture.as_ref() else {
        return;
    };
    let offset = offset_of_capture(c);
    for part in item.parts() {
        let p = &part.item.post;
        let when = super::publication_text(p, offset, lang, false)
            .or_else(|| {
                p.published_text
                    .as_deref()
                    .filter(|t| !t.trim().is_empty())
                    .map(|shown| {
                        lang.pick(
                            format!("«\u{a0}{shown}\u{a0}» (affiché)"),
                            format!("\"{shown}\" (as shown)"),
                        )
                    })
            })
            .unwrap_or_else(|| lang.pick("inconnue".into(), "unknown".into()));
        let _ = writeln!(
            out,
            "<tr class=\"part\" data-seq=\"{seq}\" data-item=\"{n}\"><td data-label=\"{l_n}\"><a href=\"#entry-{seq}-item-{n}\">{seq}.{n}</a></td><td data-label=\"{l_when}\">{}</td><td data-label=\"{l_where}\">{}</td><td data-label=\"{l_who}\">{}</td><td data-label=\"{l_what}\">{}</td></tr>",
            esc(&when),
            esc(&item.label.platform_name.clone().unwrap_or_else(|| "—".into())),
            esc(part.author.as_deref().unwrap_or("—")),
            esc(&p.text.as_deref().map(|t| excerpt(t, 160)).unwrap_or_else(|| "—".into())),
            seq = item.seq,
            n = part.item.n,
            l_n = esc(w.number),
            l_when = esc(w.when),
            l_where = esc(w.platform),
            l_who = esc(w.author),
            l_what = esc(w.excerpt),
        );
    }
}

fn summaries(out: &mut String, view: &CaseView, lang: Lang, w: &Words) {
    let mut by_author: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_platform: BTreeMap<String, usize> = BTreeMap::new();
    for item in view.items.iter().filter(|i| i.capture.is_some()) {
        // A capture of several items counts each item for its own author: a raid of 60
        // replies by 25 accounts reads as 25 authors, not one capture.
        let parts = item.parts();
        if parts.is_empty() {
            *by_author
                .entry(
                    item.label
                        .author
                        .clone()
                        .unwrap_or_else(|| w.unknown.into()),
                )
                .or_default() += 1;
        }
        for part in parts {
            *by_author
                .entry(part.author.unwrap_or_else(|| w.unknown.into()))
                .or_default() += 1;
        }
        *by_platform
            .entry(
                item.label
                    .platform_name
                    .clone()
                    .unwrap_or_else(|| w.unknown.into()),
            )
            .or_default() += 1;
    }
    for (heading, counts, id) in [
        (w.by_author, &by_author, "by-author"),
        (w.by_platform, &by_platform, "by-platform"),
    ] {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<table id=\"{id}\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            esc(heading),
            esc(heading),
            esc(w.count)
        );
        for (k, n) in counts {
            let _ = writeln!(
                out,
                "<tr><td data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td></tr>",
                esc(heading),
                esc(k),
                esc(w.count),
                number(*n as u64, lang)
            );
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</section>\n");
}

fn item_page(out: &mut String, item: &ItemView, input: &ReportInput, w: &Words) {
    let lang = input.lang;
    let added = item.file.is_some();
    let heading = match (&item.capture, &item.file) {
        (Some(_), _) => format!(
            "{} {} — {}",
            w.capture_heading,
            item.seq,
            item.label
                .platform_name
                .clone()
                .unwrap_or_else(|| w.unknown.into())
        ),
        _ => format!("{} {}", w.added_heading, item.seq),
    };
    let _ = writeln!(
        out,
        "<section class=\"item\" id=\"entry-{seq}\" data-seq=\"{seq}\">\n<h2>{}</h2>",
        esc(&heading),
        seq = item.seq
    );
    if added {
        let _ = writeln!(out, "<p class=\"notice\">{}</p>", esc(w.added_notice));
    }
    if let Some(d) = &item.deleted {
        let reason = if d.reason.is_empty() {
            String::new()
        } else {
            format!(" {}{} {}", esc(w.reason), w.colon, esc(&d.reason))
        };
        let _ = writeln!(
            out,
            "<p class=\"deleted\"><strong>{}</strong> ({} {}, {}) — {}{}</p>",
            esc(w.deleted),
            esc(w.number),
            d.seq,
            esc(&stamp(&d.at, UtcOffset::UTC, lang)),
            esc(w.deleted_notice),
            reason
        );
    }
    let images: Vec<&Artifact> = item
        .artifacts()
        .iter()
        .filter(|a| a.media_type.starts_with("image/"))
        .collect();
    if withheld_images(item, input.view) {
        let _ = writeln!(out, "<p class=\"withheld\">{}</p>", esc(w.withheld_notice));
    } else {
        // The post's crop when there is one, else the visible screen: one picture per page. A
        // conversation shows its stitched image: its right-clicked message has no crop of its
        // own (nor its items).
        let stitched = item
            .capture
            .as_ref()
            .and_then(|c| c.collection.as_ref())
            .filter(|col| col.mode == "conversation")
            .map(|col| col.pane.as_ref().and_then(|p| p.image.clone()));
        let preferred = [
            "screenshot-post-captioned.png",
            "screenshot-post.png",
            "screenshot-visible.png",
        ];
        let shown = match &stitched {
            Some(pane) => pane
                .as_deref()
                .and_then(|n| images.iter().find(|a| a.name == n))
                .or_else(|| {
                    images
                        .iter()
                        .find(|a| !a.name.starts_with("screenshot-post"))
                }),
            None => preferred
                .iter()
                .find_map(|n| images.iter().find(|a| a.name == *n))
                .or(images.first()),
        };
        if let Some(a) = shown {
            let path = artifact_path(added, item.seq, &a.name);
            if stitched.is_some() && input.present.contains(&path) {
                let whole = lang.pick(
                    "La conversation entière (image assemblée)",
                    "The whole conversation (stitched image)",
                );
                let _ = writeln!(
                    out,
                    "<figure><img class=\"shot\" src=\"{p}\" alt=\"{}\"><figcaption>{}<br><code>{p}</code></figcaption></figure>",
                    esc(whole),
                    esc(whole),
                    p = esc(&path)
                );
            } else if input.present.contains(&path) {
                let alt = lang.pick(
                    format!("Capture d'écran de l'entrée n°\u{a0}{}", item.seq),
                    format!("Screenshot of entry no. {}", item.seq),
                );
                let _ = writeln!(
                    out,
                    "<figure><img class=\"shot\" src=\"{p}\" alt=\"{}\"><figcaption><code>{p}</code></figcaption></figure>",
                    esc(&alt),
                    p = esc(&path)
                );
            }
        }
    }
    out.push_str("<dl class=\"fields\">\n");
    let mut row = |k: &str, v: String| {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(k), v);
    };
    if let Some(c) = &item.capture {
        let offset = offset_of_capture(c);
        // A capture of several items: the right-clicked post is not their author's. In a
        // selection it is the post the replies sit under; in a conversation, one message, and
        // the people in it are named by its heading and its messages, not as its author.
        let mode = c.collection.as_ref().map(|col| col.mode.as_str());
        if let Some(a) = item
            .label
            .author
            .as_ref()
            .filter(|_| mode != Some("conversation"))
        {
            row(w.author, esc(a));
        }
        if mode.is_none() {
            if let Some(v) = c.post.as_ref().and_then(|p| p.author_url.as_deref()) {
                row(w.author_page, link(v));
            }
        }
        if mode == Some("selection") {
            if let Some(p) = c.post.as_ref() {
                let platform = p.platform.as_deref().or(item.label.platform.as_deref());
                let by = author_label(p, platform).map(|a| esc(&a));
                let at = p.permalink.as_deref().map(link);
                let value = match (by, at) {
                    (Some(b), Some(l)) => Some(format!("{b} — {l}")),
                    (b, l) => b.or(l),
                };
                if let Some(v) = value {
                    row(lang.pick("Sous le message de", "Under the post by"), v);
                }
            }
        }
        // A capture of several items: the days its items were published (or sent) on.
        row(
            if item.label.private {
                w.sent
            } else {
                w.published
            },
            esc(&parts_period(item, lang)
                .unwrap_or_else(|| lang.pick("inconnue", "unknown").into())),
        );
        row(w.captured, esc(&stamp(&c.captured_at, offset, lang)));
        row(
            w.platform,
            esc(&item
                .label
                .platform_name
                .clone()
                .unwrap_or_else(|| w.unknown.into())),
        );
        row(
            w.visibility,
            esc(if item.label.private {
                w.private_message
            } else {
                w.public_content
            }),
        );
        if let Some(v) = c
            .post
            .as_ref()
            .and_then(|p| p.permalink.as_deref())
            .filter(|_| mode.is_none())
        {
            row(w.permalink, link(v));
        }
        row(w.url, link(&c.page.url));
        row(w.page_title, esc(&c.page.title));
        if let Some(how) = c.post.as_ref().and_then(|p| p.extracted_by.as_deref()) {
            row(w.read_by, esc(&w.reading(how)));
        }
    }
    if let Some(f) = &item.file {
        row(w.original_name, esc(&f.original_name));
        row(w.description, esc(&f.description));
        row(w.added_at, esc(&stamp(&item.at, UtcOffset::UTC, lang)));
    }
    if !item.categories.is_empty() {
        let names: Vec<&str> = item
            .categories
            .iter()
            .map(|c| w.category(c.as_str()))
            .collect();
        row(w.categories, esc(&names.join(", ")));
    }
    out.push_str("</dl>\n");
    if let Some(text) = item
        .capture
        .as_ref()
        .filter(|c| c.collection.is_none())
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
    if let Some(c) = &item.capture {
        parts_list(out, item, c, input, w);
        capture_record(out, c, lang, w);
    }
    if !item.notes.is_empty() {
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", esc(w.notes));
        for n in &item.notes {
            let _ = writeln!(
                out,
                "<li>{} ({} {}){} {}</li>",
                esc(&stamp(&n.at, UtcOffset::UTC, lang)),
                esc(w.number),
                n.seq,
                w.colon,
                esc(&n.text)
            );
        }
        out.push_str("</ul>\n");
    }
    artifacts_table(out, item, input.manifest.format_version, lang, w);
    out.push_str("</section>\n");
}

/// Every item of a capture of several: its number, author, time, link, text and, like the
/// capture's own picture, its crop (never one that is withheld or left out of the bundle).
fn parts_list(out: &mut String, item: &ItemView, c: &Capture, input: &ReportInput, w: &Words) {
    let lang = input.lang;
    let (Some(col), Some(s)) = (&c.collection, &item.label.items) else {
        return;
    };
    // A conversation's heading says over which days its messages run.
    let mut summary = super::items::summary(s, lang);
    if col.mode == "conversation" {
        if let Some(period) = parts_period_inline(item, lang) {
            summary.push_str(", ");
            summary.push_str(&period);
        }
    }
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<p>{}</p>",
        esc(&summary),
        esc(&super::items::gathered(col, lang))
    );
    if let Some(title) = col.title.as_deref().filter(|t| !t.trim().is_empty()) {
        let _ = writeln!(
            out,
            "<p>{}{} {}</p>",
            esc(lang.pick("Titre affiché", "Title shown")),
            w.colon,
            esc(title)
        );
    }
    if let Some(p) = col.pane.as_ref().and_then(|p| super::items::pane(p, lang)) {
        let _ = writeln!(out, "<p class=\"notice\">{}</p>", esc(&p));
    }
    let withheld = withheld_images(item, input.view);
    let offset = offset_of_capture(c);
    out.push_str("<ol class=\"parts\">\n");
    for part in item.parts() {
        let p = &part.item.post;
        let n = part.item.n;
        let _ = write!(
            out,
            "<li id=\"entry-{seq}-item-{n}\" value=\"{n}\"><p><strong>{seq}.{n}</strong> — {}",
            esc(part.author.as_deref().unwrap_or(w.unknown)),
            seq = item.seq,
        );
        if let Some(at) = super::publication_text(p, offset, lang, false) {
            let _ = write!(out, " — {}", esc(&at));
        } else if let Some(shown) = p.published_text.as_deref().filter(|t| !t.trim().is_empty()) {
            let _ = write!(
                out,
                " — {}",
                esc(&lang.pick(
                    format!("«\u{a0}{shown}\u{a0}» (affiché)"),
                    format!("\"{shown}\" (as shown)"),
                ))
            );
        }
        if let Some(parent) = p
            .parent
            .as_ref()
            .and_then(|pp| pp.text.as_deref())
            .filter(|t| !t.trim().is_empty())
        {
            let _ = write!(
                out,
                " — {} {}",
                esc(lang.pick("en réponse à", "in reply to")),
                esc(&excerpt(parent, 80))
            );
        }
        out.push_str("</p>\n");
        if let Some(v) = p.permalink.as_deref() {
            let _ = writeln!(out, "<p>{}{} {}</p>", esc(w.permalink), w.colon, link(v));
        }
        if let Some(t) = p.text.as_deref() {
            let _ = writeln!(out, "<div class=\"text\">{}</div>", esc(t));
        }
        if let (Some(crop), false) = (&part.item.crop, withheld) {
            let path = artifact_path(false, item.seq, &crop.name);
            if input.present.contains(&path) {
                let alt = lang.pick(
                    format!("Capture du message {}.{n}", item.seq),
                    format!("Picture of message {}.{n}", item.seq),
                );
                let _ = writeln!(
                    out,
                    "<figure><img class=\"shot\" src=\"{p}\" alt=\"{}\"><figcaption><code>{p}</code></figcaption></figure>",
                    esc(&alt),
                    p = esc(&path)
                );
            }
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

/// What the record says of how the capture was made: the browser and the device, what could
/// not be captured, and the capture's own statement of what it proves.
fn capture_record(out: &mut String, c: &Capture, lang: Lang, w: &Words) {
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<dl class=\"fields\">",
        esc(w.how_captured)
    );
    let mut row = |k: &str, v: String| {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(k), v);
    };
    if let Some(e) = &c.environment {
        row(
            w.browser,
            esc(format!("{} {}", e.browser, e.browser_version).trim()),
        );
        if !e.os.is_empty() {
            row(w.os, esc(&e.os));
        }
        if !e.time_zone.is_empty() {
            row(w.time_zone, esc(&e.time_zone));
        }
        if !e.local_time.is_empty() {
            row(w.device_clock, esc(&e.local_time));
        }
        if !e.extension_version.is_empty() {
            row(w.extension_version, esc(&e.extension_version));
        }
        if let Some(v) = e.viewport {
            row(
                w.viewport,
                format!(
                    "{} × {}",
                    number(u64::from(v.width), lang),
                    number(u64::from(v.height), lang)
                ),
            );
        }
        if e.incognito {
            row(w.incognito, esc(w.yes));
        }
    }
    // Items without a crop, counted where the record says how many.
    let uncropped = c.items.iter().filter(|i| i.crop.is_none()).count();
    let notices: Vec<String> = c
        .notices
        .iter()
        .map(|n| {
            let text = notice_text(n, lang).map_or_else(|| n.clone(), str::to_owned);
            if n == "item-crop-clipped" && uncropped > 0 {
                let count = number(uncropped as u64, lang);
                format!(
                    "{} {}.",
                    text.trim_end_matches('.'),
                    match (uncropped, lang) {
                        (1, Lang::Fr) => "(1 message sans découpe)".to_owned(),
                        (1, Lang::En) => "(1 post without a crop)".to_owned(),
                        (_, Lang::Fr) => format!("({count} messages sans découpe)"),
                        (_, Lang::En) => format!("({count} posts without a crop)"),
                    }
                )
            } else {
                text
            }
        })
        .collect();
    row(
        w.not_captured,
        if notices.is_empty() {
            esc(w.nothing)
        } else {
            format!(
                "<ul>{}</ul>",
                notices
                    .iter()
                    .map(|n| format!("<li>{}</li>", esc(n)))
                    .collect::<String>()
            )
        },
    );
    out.push_str("</dl>\n");
    if let Some(s) = &c.statement {
        // The statement is part of the sealed record: it is quoted as recorded, in the language
        // it was written in. In the other language, the report says so and, for a statement
        // the core writes, gives a translation beside it, marked as such.
        let recorded = match s.language.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        };
        let other = recorded.is_some_and(|r| r != lang);
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p lang=\"{}\">{}</p>\n<p lang=\"{}\">{}</p>",
            esc(if other {
                w.statement_other_language
            } else {
                w.statement
            }),
            esc(&s.language),
            esc(&s.proves),
            esc(&s.language),
            esc(&s.does_not_prove)
        );
        if let Some(t) = recorded
            .filter(|_| other)
            .and_then(|r| statement_translation(c, s, r, lang))
        {
            let _ = writeln!(
                out,
                "<div class=\"translation\">\n<p><strong>{}</strong></p>\n<p lang=\"{l}\">{}</p>\n<p lang=\"{l}\">{}</p>\n</div>",
                esc(w.translation_label),
                esc(&t.proves),
                esc(&t.does_not_prove),
                l = lang.tag()
            );
        }
    }
}

/// The statement in `lang`, when `s` is word for word the one the core writes in `recorded`
/// for this capture (its time, its zone and its notices); `None` for any other text, which is
/// then shown as recorded only.
fn statement_translation(
    c: &Capture,
    s: &Statement,
    recorded: Lang,
    lang: Lang,
) -> Option<Statement> {
    let probe = Capture {
        captured_at: c.captured_at.clone(),
        environment: c.environment.clone(),
        notices: c.notices.clone(),
        ..Capture::default()
    };
    let known = temoin_core::capture::complete(probe.clone(), recorded).statement?;
    if known.proves != s.proves || known.does_not_prove != s.does_not_prove {
        return None;
    }
    temoin_core::capture::complete(probe, lang).statement
}

/// Each file as the bundle holds it: a page's code is stored as text (`page.html.txt`), so
/// that opening it runs nothing, and the table names it so that it can be found.
fn artifacts_table(out: &mut String, item: &ItemView, version: u32, lang: Lang, w: &Words) {
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<table class=\"files\"><colgroup><col style=\"width:24%\"><col style=\"width:12%\"><col style=\"width:32%\"><col></colgroup><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">SHA-256</th></tr></thead><tbody>",
        esc(w.technical),
        esc(w.file),
        esc(w.size),
        esc(w.method)
    );
    for a in item.artifacts() {
        let stored = stored_name(version, item.file.is_some(), &a.name, &a.media_type);
        let _ = writeln!(
            out,
            "<tr><td data-label=\"{}\"><code>{}</code></td><td data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td><td data-label=\"SHA-256\"><code class=\"hash\">{}</code></td></tr>",
            esc(w.file),
            esc(&stored),
            esc(w.size),
            number(u64::from(a.size), lang),
            esc(w.method),
            esc(method_text(&a.name, &a.method, lang).unwrap_or(&a.method)),
            esc(&a.sha256)
        );
    }
    out.push_str("</tbody></table>\n");
    let _ = writeln!(
        out,
        "<p>{}{} <code class=\"hash\">{}</code></p>",
        esc(w.entry_hash),
        w.colon,
        esc(&item.hash)
    );
}

fn annotations(out: &mut String, view: &CaseView, lang: Lang, w: &Words) {
    let _ = writeln!(
        out,
        "<section class=\"part\">\n<h2>{}</h2>\n<table id=\"annotations\"><colgroup><col style=\"width:3.2rem\"><col style=\"width:11rem\"><col style=\"width:9rem\"><col style=\"width:6.5rem\"><col></colgroup><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        esc(w.journal_heading),
        esc(w.number),
        esc(w.when),
        esc(w.entry_kind),
        esc(w.about_entry),
        esc(w.details),
    );
    if view.annotations.is_empty() {
        let _ = writeln!(out, "<tr><td colspan=\"5\">{}</td></tr>", esc(w.nothing));
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
            "<tr data-seq=\"{}\" data-kind=\"{}\"><td data-label=\"{l_n}\">{}</td><td data-label=\"{l_when}\">{}</td><td data-label=\"{l_kind}\">{}</td><td data-label=\"{l_about}\">{}</td><td data-label=\"{l_what}\">{}</td></tr>",
            a.seq,
            a.kind,
            a.seq,
            esc(&stamp(&a.at, UtcOffset::UTC, lang)),
            esc(w.kind(a.kind)),
            a.target.map_or_else(String::new, |t| format!("<a href=\"#entry-{t}\">{t}</a>")),
            esc(&summary),
            l_n = esc(w.number),
            l_when = esc(w.when),
            l_kind = esc(w.entry_kind),
            l_about = esc(w.about_entry),
            l_what = esc(w.details),
        );
    }
    out.push_str("</tbody></table>\n</section>\n");
}

fn closing(out: &mut String, w: &Words) {
    let _ = writeln!(
        out,
        "<section class=\"part\">\n<h2>{}</h2>\n<h3>{}</h3>\n<ul>",
        esc(w.proves_heading),
        esc(w.proves_subheading)
    );
    for s in w.proves {
        let _ = writeln!(out, "<li>{}</li>", esc(s));
    }
    let _ = writeln!(
        out,
        "</ul>\n<h3>{}</h3>\n<ul>",
        esc(w.not_proves_subheading)
    );
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

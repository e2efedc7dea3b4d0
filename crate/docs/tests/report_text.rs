//! What report.html and the letter to the procureur say, as a reader receives them: real
//! plurals, the period of the facts, each deadline once, numbers grouped per language, the
//! verification paragraph with its deciding condition first, the letter's last exhibit, and a
//! capture's statement shown as recorded with a marked translation.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use temoin_core::bundle::Manifest;
use temoin_core::digest::sha256_hex;
use temoin_core::journal::{seal, Entry, Head};
use temoin_core::lang::Lang;
use temoin_core::model::{
    Artifact, Capture, CaseDetails, Categories, Category, Environment, EventBody, FileAdded, Page,
    Post,
};
use temoin_core::view::CaseView;
use temoin_docs::deadlines::{deadlines, ClockKind};
use temoin_docs::report::html::{render, ReportInput};
use temoin_docs::report::letters::{letters, LetterRequest, Writer};
use time::macros::date;

const NBSP: char = '\u{a0}';

/// One capture: when it was made (UTC), when the page said the post was published, what it is.
struct Shot {
    captured: &'static str,
    published: Option<&'static str>,
    /// When the page showed only a duration: the earliest instant it allows (`published` is
    /// then the duration counted short).
    earliest: Option<&'static str>,
    categories: &'static [Category],
    size: u32,
}

fn shot(captured: &'static str, published: Option<&'static str>) -> Shot {
    Shot {
        captured,
        published,
        earliest: None,
        categories: &[],
        size: 100,
    }
}

struct Built {
    entries: Vec<Entry>,
    view: CaseView,
}

/// A case: its details (when `details`), the captures made in Paris (UTC+01:00), then `files`
/// added files, then the categories.
fn build(details: Option<(&str, bool)>, shots: &[Shot], files: usize) -> Built {
    let mut head = Head::genesis();
    let mut entries = Vec::new();
    let mut push = |body: EventBody| {
        let e = seal(&head, "case", "2026-11-29T19:00:00.000Z", body).unwrap();
        head = e.head();
        entries.push(e);
    };
    if let Some((person, minor)) = details {
        push(EventBody::CaseDetails(CaseDetails {
            title: "Dossier".into(),
            person: person.into(),
            minor,
            description: String::new(),
            school: false,
        }));
    }
    let first = if details.is_some() { 2 } else { 1 };
    for (n, s) in shots.iter().enumerate() {
        let url = format!("https://x.com/corbeau/status/17900000000000{n:02}");
        push(EventBody::Capture(Capture {
            page: Page {
                url: url.clone(),
                title: "Le Corbeau sur X".into(),
                platform: Some("x".into()),
                ..Page::default()
            },
            captured_at: s.captured.into(),
            artifacts: vec![Artifact {
                name: "screenshot-visible.png".into(),
                media_type: "image/png".into(),
                size: s.size,
                sha256: sha256_hex(url.as_bytes()),
                method: "tabs.captureVisibleTab".into(),
            }],
            post: Some(Post {
                platform: Some("x".into()),
                permalink: Some(url),
                author_handle: Some("corbeau".into()),
                published_at: s.published.map(Into::into),
                published_utc: s.earliest.and(s.published).map(Into::into),
                published_earliest: s.earliest.map(Into::into),
                published_reading: s.earliest.map(|_| temoin_core::when::Reading::Relative),
                text: Some(format!("message {n}")),
                kind: Some("post".into()),
                ..Post::default()
            }),
            environment: Some(Environment {
                local_time: s.captured.replace(".000Z", ".000+01:00"),
                time_zone: "Europe/Paris".into(),
                ..Environment::default()
            }),
            ..Capture::default()
        }));
    }
    for n in 0..files {
        push(EventBody::FileAdded(FileAdded {
            original_name: format!("photo-{n}.jpg"),
            description: "reçue par SMS".into(),
            artifacts: vec![Artifact {
                name: "photo.jpg".into(),
                media_type: "image/jpeg".into(),
                size: 10,
                sha256: sha256_hex(format!("photo {n}").as_bytes()),
                method: "added-by-user".into(),
            }],
        }));
    }
    for (n, s) in shots.iter().enumerate() {
        if !s.categories.is_empty() {
            push(EventBody::Categories(Categories {
                entry: first + u32::try_from(n).unwrap(),
                categories: s.categories.to_vec(),
            }));
        }
    }
    let view = CaseView::build("case", &entries);
    Built { entries, view }
}

fn report(b: &Built, lang: Lang) -> String {
    let manifest = Manifest {
        format: "temoin-bundle".into(),
        format_version: 2,
        case_id: "case".into(),
        exported_at: "2026-11-29T20:00:00.000Z".into(),
        generator: "Témoin 0.1.0".into(),
        language: lang.tag().into(),
        head: b.entries.last().unwrap().head(),
        entries: u32::try_from(b.entries.len()).unwrap(),
    };
    render(&ReportInput {
        view: &b.view,
        manifest: &manifest,
        present: &BTreeSet::new(),
        fallback_title: None,
        lang,
    })
}

/// The report's text as a reader sees it: markup and the style sheet removed, entities decoded.
fn read(html: &str) -> String {
    let body = &html[html.find("<body>").unwrap()..];
    let mut out = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The value of a field of the cover (`<dt>` then `<dd>`), as read.
fn field(html: &str, name: &str) -> String {
    let at = html
        .find(&format!("<dt>{name}</dt><dd>"))
        .unwrap_or_else(|| panic!("no field {name}"));
    let rest = &html[at + name.len() + 13..];
    read(&format!("<body>{}", &rest[..rest.find("</dd>").unwrap()]))
}

fn lead(html: &str) -> String {
    let at = html.find("<p class=\"lead\">").unwrap();
    let rest = &html[at..];
    read(&format!("<body>{}", &rest[..rest.find("</p>").unwrap()]))
}

/// French typography: a no-break space before « : ; ? ! » and inside « », never a plain one.
fn assert_french_typography(text: &str, what: &str) {
    for bad in [" :", " ;", " ?", " !", "« ", " »"] {
        assert!(
            !text.contains(bad),
            "typography ({what}): '{bad}' in {text:?}"
        );
    }
}

fn four_captures_the_same_evening() -> [Shot; 4] {
    [
        shot("2026-11-29T18:00:00.000Z", Some("2026-11-26T08:00:00.000Z")),
        shot("2026-11-29T18:10:00.000Z", Some("2026-11-27T08:00:00.000Z")),
        shot("2026-11-29T18:20:00.000Z", Some("2026-11-28T08:00:00.000Z")),
        shot("2026-11-29T18:24:00.000Z", Some("2026-11-29T08:00:00.000Z")),
    ]
}

#[test]
fn the_opening_sentence_has_real_plurals() {
    let b = build(Some(("Léa M.", true)), &four_captures_the_same_evening(), 0);
    let fr = report(&b, Lang::Fr);
    assert!(
        lead(&fr).starts_with("Ce document rassemble 4 captures de pages web faites le 29 novembre 2026 avec l'extension Témoin\u{a0}; elles concernent Léa M., personne mineure."),
        "{}",
        lead(&fr)
    );
    let en = report(&b, Lang::En);
    assert!(
        lead(&en).starts_with("This document gathers 4 captures of web pages made on 29 November 2026 with the Témoin extension, concerning Léa M., a minor."),
        "{}",
        lead(&en)
    );

    // One capture, of an adult nobody named: singular, and no one said to be concerned.
    let one = build(
        Some(("", false)),
        &[shot("2026-11-29T18:24:00.000Z", None)],
        0,
    );
    assert_eq!(
        lead(&report(&one, Lang::Fr)),
        "Ce document rassemble une capture de page web faite le 29 novembre 2026 avec l'extension Témoin. Elle est décrite sur sa propre page, après la chronologie."
    );
    assert_eq!(
        lead(&report(&one, Lang::En)),
        "This document gathers one capture of a web page made on 29 November 2026 with the Témoin extension. It is described on its own page, after the chronology."
    );

    // Captures over several days, with added files, about an adult who is named.
    let days = build(
        Some(("Karim B.", false)),
        &[
            shot("2026-11-26T10:00:00.000Z", None),
            shot("2026-11-29T10:00:00.000Z", None),
        ],
        2,
    );
    assert_eq!(
        lead(&report(&days, Lang::Fr)),
        "Ce document rassemble 2 captures de pages web faites du 26 au 29 novembre 2026 avec l'extension Témoin, et 2 fichiers ajoutés par l'utilisateur\u{a0}; ils concernent Karim B. Chacun est décrit sur sa propre page, après la chronologie."
    );
    assert!(lead(&report(&days, Lang::En)).starts_with(
        "This document gathers 2 captures of web pages made from 26 to 29 November 2026 with the Témoin extension, and 2 files added by the user, concerning Karim B."
    ));

    // One added file and no capture, about an unnamed minor.
    let file = build(Some(("", true)), &[], 1);
    assert_eq!(
        lead(&report(&file, Lang::Fr)),
        "Ce document rassemble un fichier ajouté par l'utilisateur, sans capture de page web\u{a0}; il concerne une personne mineure. Il est décrit sur sa propre page, après la chronologie."
    );

    for html in [
        fr,
        en,
        report(&one, Lang::Fr),
        report(&days, Lang::En),
        report(&file, Lang::Fr),
    ] {
        let text = read(&html);
        assert!(!text.contains("(s)"), "no (s) plural: {text}");
        assert!(!text.contains("(e)s"), "no (e)s plural: {text}");
    }
}

#[test]
fn the_cover_gives_the_period_of_the_facts() {
    // Posted from the 26th to the 29th, all captured on the 29th.
    let b = build(Some(("Léa M.", true)), &four_captures_the_same_evening(), 0);
    let fr = report(&b, Lang::Fr);
    assert_eq!(
        field(&fr, "Période des faits"),
        "du 26 au 29 novembre 2026 (dates de publication\u{a0}; si la page n'affichait qu'une durée, du jour le plus ancien au plus récent possibles, estimés\u{a0}; sinon date de capture)"
    );
    assert_eq!(field(&fr, "Période des captures"), "29 novembre 2026");
    assert!(
        fr.find("Période des faits") < fr.find("Période des captures"),
        "the facts first"
    );
    let en = report(&b, Lang::En);
    assert_eq!(
        field(&en, "Period of the facts"),
        "26 to 29 November 2026 (posting dates; if the page showed only a duration, from the earliest to the latest possible day, estimated; otherwise capture date)"
    );

    // "il y a 1 jour" on the 29th: posted on the 27th at the earliest, the 28th at the latest;
    // both days bound the period, not the earliest alone.
    let relative = build(
        None,
        &[Shot {
            earliest: Some("2026-11-27T18:00:00.000Z"),
            ..shot("2026-11-29T18:00:00.000Z", Some("2026-11-28T18:00:00.000Z"))
        }],
        0,
    );
    assert!(
        field(&report(&relative, Lang::Fr), "Période des faits")
            .starts_with("du 27 au 28 novembre 2026 ("),
        "{}",
        field(&report(&relative, Lang::Fr), "Période des faits")
    );

    // No publication time at all: the capture days stand in.
    let unknown = build(
        None,
        &[
            shot("2026-11-28T10:00:00.000Z", None),
            shot("2026-11-29T10:00:00.000Z", None),
        ],
        0,
    );
    assert_eq!(
        field(&report(&unknown, Lang::Fr), "Période des faits"),
        "du 28 au 29 novembre 2026 (dates de publication\u{a0}; si la page n'affichait qu'une durée, du jour le plus ancien au plus récent possibles, estimés\u{a0}; sinon date de capture)"
    );

    // One known and one unknown: the posting in October, the other's capture in November.
    let mixed = build(
        None,
        &[
            shot("2026-11-28T10:00:00.000Z", Some("2026-10-03T10:00:00.000Z")),
            shot("2026-11-29T10:00:00.000Z", None),
        ],
        0,
    );
    assert_eq!(
        field(&report(&mixed, Lang::En), "Period of the facts"),
        "3 October to 29 November 2026 (posting dates; if the page showed only a duration, from the earliest to the latest possible day, estimated; otherwise capture date)"
    );
    assert_eq!(
        field(&report(&mixed, Lang::En), "Period of the captures"),
        "28 to 29 November 2026"
    );
}

#[test]
fn the_export_time_says_it_is_in_utc() {
    let b = build(None, &[shot("2026-11-29T18:24:00.000Z", None)], 0);
    assert_eq!(
        field(&report(&b, Lang::Fr), "Exporté le"),
        "29 novembre 2026 à 20\u{a0}h\u{a0}00 (UTC) — en temps universel\u{a0}: le journal n'enregistre pas l'heure locale de l'export"
    );
    assert_eq!(
        field(&report(&b, Lang::En), "Exported"),
        "29 November 2026 at 20:00 (UTC) — in universal time: the journal does not record the local time of the export"
    );
}

#[test]
fn a_deadline_is_said_once_when_the_last_act_has_the_same_clock() {
    let b = build(
        Some(("Léa M.", true)),
        &[
            Shot {
                categories: &[Category::Threat],
                ..shot("2026-11-29T18:00:00.000Z", Some("2026-11-20T08:00:00.000Z"))
            },
            Shot {
                categories: &[Category::Threat],
                ..shot("2026-11-29T18:10:00.000Z", Some("2026-11-27T08:00:00.000Z"))
            },
        ],
        0,
    );
    let d = deadlines(&b.view, date!(2026 - 11 - 29), true, Lang::Fr);
    let harassment = d
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::Harassment6Years)
        .unwrap();
    assert_eq!(
        (harassment.entry, harassment.until.as_str()),
        (3, "2032-11-26")
    );
    assert!(
        !d.clocks
            .iter()
            .any(|c| c.kind == ClockKind::Offence6Years && c.entry == 3),
        "the last act's own 6-year clock is the harassment clock's day: said once"
    );
    assert!(
        d.clocks
            .iter()
            .any(|c| c.kind == ClockKind::Offence6Years && c.entry == 2),
        "an earlier act's own clock, on another day, stays"
    );
    let html = report(&b, Lang::Fr);
    let list = &html[html.find("<ul id=\"deadlines\">").unwrap()..];
    let list = &list[..list.find("</ul>").unwrap()];
    assert_eq!(
        list.matches("data-until=\"2032-11-26\"").count(),
        1,
        "one line for the 26 November 2032: {list}"
    );
}

#[test]
fn numbers_are_grouped_as_each_language_writes_them() {
    let b = build(
        None,
        &[Shot {
            categories: &[Category::Threat],
            size: 1_234_567,
            ..shot("2026-11-29T18:00:00.000Z", Some("2026-11-29T08:00:00.000Z"))
        }],
        0,
    );
    // Six years from 29 November 2026: the last day is 28 November 2032, 2,191 days after the
    // export day.
    let fr = report(&b, Lang::Fr);
    assert!(
        fr.contains("il reste 2\u{202f}191 jours."),
        "days in French"
    );
    assert!(
        fr.contains(">1\u{202f}234\u{202f}567</td>"),
        "sizes in French"
    );
    let en = report(&b, Lang::En);
    assert!(en.contains("2,191 days left."), "days in English");
    assert!(en.contains(">1,234,567</td>"), "sizes in English");
    let d = deadlines(&b.view, date!(2026 - 11 - 29), false, Lang::Fr);
    assert!(d.clocks[0].message.contains("il reste 2\u{202f}191 jours."));
}

#[test]
fn the_verification_paragraph_puts_the_control_code_first() {
    let b = build(None, &[shot("2026-11-29T18:00:00.000Z", None)], 0);
    for (lang, first, sums, tool, claim) in [
        (
            Lang::Fr,
            "comparez d'abord le code de contrôle à celui noté par la personne qui a exporté le dossier",
            "sha256sum -c SHA256SUMS",
            "temoin verify --expect-head CODE dossier.zip",
            "rien n'a changé depuis l'export",
        ),
        (
            Lang::En,
            "first compare the control code with the one written down by the person who exported it",
            "sha256sum -c SHA256SUMS",
            "temoin verify --expect-head CODE bundle.zip",
            "nothing has changed since the export",
        ),
    ] {
        let html = report(&b, lang);
        let at = html.find("<h2 id=\"verify\">").unwrap();
        let section = &html[at..];
        let section = &section[..section[4..].find("<h2").map_or(section.len(), |e| e + 4)];
        assert_eq!(section.matches("<p>").count(), 1, "one paragraph: {section}");
        let text = read(&format!("<body>{section}"));
        let paragraph = &text[text.find(first).unwrap_or_else(|| panic!("{first}"))..];
        let pos = |needle: &str| {
            paragraph
                .find(needle)
                .unwrap_or_else(|| panic!("{needle} in {paragraph}"))
        };
        assert!(
            pos(first) == 0
                && pos("chain-head.txt") < pos(sums)
                && pos(sums) < pos(tool)
                && pos(tool) < pos(claim),
            "the deciding condition first, then the checks, then what they show: {paragraph}"
        );
        assert!(
            paragraph.contains(lang.pick(
                "Ces commandes vérifient seulement chaque fichier.",
                "These commands only check each file."
            )),
            "sha256sum is not said to check the control code"
        );
        if lang == Lang::Fr {
            assert_french_typography(paragraph, "verification paragraph");
        }
    }
}

fn procureur(b: &Built, head: Option<&str>) -> String {
    letters(
        &b.view,
        &LetterRequest {
            kind: "procureur",
            head,
            seq: None,
            platform: None,
            writer: Writer::Parent,
            today: date!(2026 - 11 - 30),
            lang: Lang::Fr,
        },
    )
    .unwrap()
    .remove(0)
    .text
}

#[test]
fn the_letter_says_what_checks_the_control_code() {
    let b = build(
        Some(("Léa M.", true)),
        &[shot("2026-11-29T18:24:00.000Z", None)],
        0,
    );
    let head = b.entries.last().unwrap().hash.clone();
    let letter = procureur(&b, Some(&head));
    let code = temoin_core::digest::grouped(&head);
    assert!(
        letter.contains(&format!(
            "Code de contrôle du dossier{NBSP}: {code}. Ce code figure dans le fichier chain-head.txt du dossier{NBSP}: s'il est identique"
        )),
        "{letter}"
    );
    assert!(letter.contains(
        "le dossier n'a pas été modifié depuis l'export. «\u{a0}temoin verify --expect-head CODE dossier.zip\u{a0}» ou la page «\u{a0}Importer et vérifier\u{a0}» de l'extension Témoin le vérifient\u{a0}; «\u{a0}sha256sum -c SHA256SUMS\u{a0}» vérifie seulement chaque fichier."
    ));
    assert!(
        !letter.contains("se vérifie avec"),
        "sha256sum never checks the control code"
    );

    // Never exported: a bracketed blank, and the same sentences around it.
    let blank = procureur(&b, None);
    assert!(blank.contains(&format!(
        "Code de contrôle du dossier{NBSP}: [le code affiché lors de l'export du dossier]. Ce code figure dans le fichier chain-head.txt"
    )));

    // The facts: the capture's time inside the bracket, without a bracket of its own.
    assert!(
        letter.contains("À une date de publication inconnue (capturée le 29 novembre 2026 à 19\u{a0}h\u{a0}24, UTC+01:00), sur X"),
        "{letter}"
    );
    assert!(
        letter.contains("(X, capturée le 29 novembre 2026 à 19\u{a0}h\u{a0}24, UTC+01:00)"),
        "the exhibit, the same way"
    );
    assert!(!letter.contains("))"), "no nested brackets");
    let erasure = letters(
        &b.view,
        &LetterRequest {
            kind: "erasure",
            head: Some(&head),
            seq: None,
            platform: None,
            writer: Writer::Parent,
            today: date!(2026 - 11 - 30),
            lang: Lang::Fr,
        },
    )
    .unwrap()
    .remove(0)
    .text;
    assert!(
        erasure.contains("(publication\u{a0}: inconnue, capturée le 29 novembre 2026 à 19\u{a0}h\u{a0}24, UTC+01:00, par @corbeau)"),
        "no nested brackets in the erasure request either: {erasure}"
    );

    // The addressee reads the same whatever the spacing of the program it is pasted in.
    assert!(letter.contains(
        "À Madame, Monsieur le Procureur de la République\nTribunal judiciaire de [ville]\n[Adresse du tribunal]\n"
    ));
    assert!(
        letter.lines().all(|l| !l.starts_with(' ')),
        "nothing relies on indentation"
    );
    assert_french_typography(&letter, "letter to the procureur");
}

/// The capture of `b`'s first capture entry, its statement written by the core in `lang`.
fn with_statement(lang: Lang, edit: impl Fn(&mut Capture)) -> Built {
    let mut b = build(None, &[shot("2026-11-29T18:24:00.000Z", None)], 0);
    let EventBody::Capture(capture) = temoin_core::journal::parse_event(&b.entries[0].json)
        .unwrap()
        .body
    else {
        panic!("entry 1 is a capture")
    };
    let mut capture = temoin_core::capture::complete(capture, lang);
    edit(&mut capture);
    b.entries = vec![seal(
        &Head::genesis(),
        "case",
        "2026-11-29T19:00:00.000Z",
        EventBody::Capture(capture),
    )
    .unwrap()];
    b.view = CaseView::build("case", &b.entries);
    b
}

#[test]
fn a_french_statement_is_quoted_as_recorded_with_a_marked_translation() {
    let b = with_statement(Lang::Fr, |_| {});
    let recorded = b.view.items[0]
        .capture
        .as_ref()
        .unwrap()
        .statement
        .clone()
        .unwrap();
    let en = read(&report(&b, Lang::En));
    assert!(
        en.contains("What the capture says of itself (as recorded with the capture, in French)")
    );
    assert!(
        en.contains(&recorded.proves) && en.contains(&recorded.does_not_prove),
        "the recorded text, unchanged"
    );
    let label = en.find("Translation, not part of the record:").unwrap();
    assert!(en.find(&recorded.does_not_prove).unwrap() < label);
    assert!(
        en[label..].contains("This capture shows the page and its code as this browser displayed it on 29 November 2026 at 19:24 (UTC+01:00)"),
        "the English text below it"
    );

    // In French, the same statement stands alone.
    let fr = read(&report(&b, Lang::Fr));
    assert!(fr.contains("Ce que la capture dit d'elle-même (texte enregistré avec elle)"));
    assert!(!fr.contains("Traduction"));

    // A text the core does not write (an older wording, an edit) is quoted, never translated.
    let other = with_statement(Lang::Fr, |c| {
        c.statement
            .as_mut()
            .unwrap()
            .proves
            .push_str(" Texte ajouté.");
    });
    let en = read(&report(&other, Lang::En));
    assert!(
        en.contains("(as recorded with the capture, in French)") && en.contains("Texte ajouté.")
    );
    assert!(!en.contains("Translation, not part of the record"));

    // An English statement in a French report, the other way round.
    let b = with_statement(Lang::En, |_| {});
    let fr = read(&report(&b, Lang::Fr));
    assert!(fr.contains("(tel qu'enregistré avec la capture, en anglais)"));
    assert!(fr.contains("Traduction, qui ne fait pas partie de l'enregistrement\u{a0}:"));
    assert!(fr.contains("Cette capture montre la page et son code tels que ce navigateur les affichait le 29 novembre 2026 à 19\u{a0}h\u{a0}24 (UTC+01:00)"));
}

#[test]
fn the_french_report_keeps_french_spacing() {
    let b = build(
        Some(("Léa M.", true)),
        &[
            Shot {
                categories: &[Category::Insult],
                ..shot("2026-11-29T18:00:00.000Z", Some("2026-11-26T08:00:00.000Z"))
            },
            shot("2026-11-29T18:10:00.000Z", None),
        ],
        1,
    );
    let text = read(&report(&b, Lang::Fr));
    assert_french_typography(&text, "report.html");
    assert!(text.contains("Empreinte de l'entrée du journal\u{a0}: "));
    // English keeps its own spacing (the French legal sources it cites keep theirs).
    let en = read(&report(&b, Lang::En));
    assert!(en.contains("Journal entry fingerprint: ") && !en.contains("fingerprint\u{a0}:"));
    assert!(
        report(&b, Lang::En).contains("data-label=\"Platform\">Added file</td>"),
        "one added file is named in the singular in the chronology"
    );
    // Its date is the day it was added, and said so: not a day of the facts.
    assert!(
        report(&b, Lang::Fr).contains("<td data-label=\"Date\">ajouté le "),
        "the added file's date is its addition's"
    );
    assert!(report(&b, Lang::En).contains("<td data-label=\"Date\">added on "));
}

#[test]
fn a_private_message_is_dated_as_sent_not_published() {
    // A direct message whose page gave no time.
    let b = with_statement(Lang::Fr, |c| {
        if let Some(p) = c.post.as_mut() {
            p.kind = Some("message".into());
        }
    });
    let item = &b.view.items[0];
    assert!(item.label.private);
    let letter = procureur(&b, None);
    assert!(
        letter.contains("À une date d'envoi inconnue (capturée le 29 novembre 2026 à 19\u{a0}h\u{a0}24, UTC+01:00), sur X, @corbeau a envoyé le message privé suivant"),
        "{letter}"
    );
    let notice = temoin_docs::report::letters::platform_report(item, false, Lang::Fr);
    assert!(
        notice.contains("\nDate d'envoi\u{a0}: inconnue (capturée le "),
        "the label agrees with its value: {notice}"
    );
    let html = report(&b, Lang::Fr);
    assert!(
        html.contains("<dt>Date d&#39;envoi</dt>") && !html.contains("<dt>Publication</dt>"),
        "{html}"
    );
    assert!(report(&b, Lang::En).contains("<dt>Sent</dt>"));
}

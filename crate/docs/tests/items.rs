//! Captures of several items (a conversation scrolled in its pane, a raid's replies selected at
//! once), read by everything that reads a capture: the verifier, journal.csv, report.html, the
//! clocks and the letter to the procureur. The case is `common::with_items`.
#![allow(clippy::unwrap_used)]

#[path = "../../testdata/common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::io::Cursor;

use common::{bundle, rezip, unzip, with_items, Case, CASE};
use serde_json::Value;
use temoin_core::bundle::read::Limits;
use temoin_core::bundle::verify::{verify_bundle, BundleReport};
use temoin_core::canonical::to_canonical_string;
use temoin_core::digest::sha256_hex;
use temoin_core::journal::seal;
use temoin_core::lang::Lang;
use temoin_core::model::{CaseDetails, Categories, Category, EventBody};
use temoin_core::view::CaseView;
use temoin_docs::deadlines::{deadlines, ClockKind, StartsFrom};
use temoin_docs::guide::for_case;
use temoin_docs::report::letters::{letters, LetterRequest, Writer};
use time::macros::date;

type Files = BTreeMap<String, Vec<u8>>;

fn verify(bytes: &[u8]) -> BundleReport {
    verify_bundle(Cursor::new(bytes), &Limits::default(), None).unwrap()
}

fn has(report: &BundleReport, code: &str, seq: u32, message: &str) -> bool {
    report
        .problems
        .iter()
        .any(|p| p.code == code && p.seq == Some(seq) && p.message.contains(message))
}

/// Edits the raid's entry (entry 2) in journal.json; with `rehash`, every entry gets the hash
/// of its edited text (the links between entries are left as they were).
fn edit_raid(files: &mut Files, edit: impl FnOnce(&mut Value), rehash: bool) {
    let mut j: Value = serde_json::from_slice(&files["journal.json"]).unwrap();
    let entries = j["entries"].as_array_mut().unwrap();
    edit(&mut entries[1]["event"]);
    if rehash {
        for e in entries.iter_mut() {
            let canonical = to_canonical_string(&e["event"]).unwrap();
            e["hash"] = Value::String(sha256_hex(canonical.as_bytes()));
        }
    }
    files.insert(
        "journal.json".into(),
        to_canonical_string(&j).unwrap().into_bytes(),
    );
}

fn csv_rows(files: &Files) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(&files["journal.csv"][..]);
    r.records()
        .map(|x| x.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn a_bundle_of_several_items_verifies_and_its_spreadsheet_has_a_row_per_item() {
    let bytes = bundle(&with_items(), Lang::Fr);
    let report = verify(&bytes);
    assert!(report.ok, "{:#?}", report.problems);
    assert_eq!(report.format_version, 3);
    let files = unzip(&bytes);
    let mut r = csv::Reader::from_reader(&files["journal.csv"][..]);
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows = csv_rows(&files);
    assert_eq!(
        rows.len(),
        6 + 3,
        "one row per item, none for the captures themselves"
    );
    assert!(rows.iter().all(|r| r[col("kind")] == "item"));
    let first = &rows[0];
    assert_eq!(first[col("number")], "2");
    assert_eq!(first[col("item")], "1");
    // A cell that would begin as a formula starts with an apostrophe: shown, never run.
    assert_eq!(first[col("author_handle")], "'@corbeau_noir");
    assert_eq!(first[col("published_at")], "2026-11-12T08:00:00Z");
    assert_eq!(
        first[col("permalink")],
        "https://x.com/corbeau_noir/status/180000000000000001"
    );
    assert_eq!(first[col("item_crop")], "item-001.png");
    assert_eq!(
        first[col("item_crop_sha256")],
        sha256_hex(&files["captures/000002/item-001.png"])
    );
    assert_eq!(first[col("categories")], "insult pile-on");
    assert_eq!(first[col("notes")], "Sous ma vidéo du 10 novembre");
    // The page's formula is kept as text: the apostrophe, then the text as the page showed it.
    assert_eq!(first[col("text")], "'=HYPERLINK(\"http://evil\") dégage");
    assert!(rows
        .iter()
        .flatten()
        .all(|cell| !cell.starts_with(['=', '+', '-', '@', '\t', '\r'])));
    let conv = &rows[6];
    assert_eq!(
        (conv[col("number")].as_str(), conv[col("item")].as_str()),
        ("3", "1")
    );
    assert_eq!(conv[col("author_name")], "Max");
    assert_eq!(conv[col("item_crop")], "", "no crop, no file named");
    // The conversation's messages were sent, not published: the column says which.
    assert!(rows[..6].iter().all(|r| r[col("private_message")] == "no"));
    assert!(rows[6..].iter().all(|r| r[col("private_message")] == "yes"));
}

#[test]
fn an_item_whose_crop_or_text_was_changed_is_named() {
    let files = unzip(&bundle(&with_items(), Lang::Fr));
    let other = sha256_hex(b"another picture");

    // The crop's digest changed, the entry's hash left: the entry no longer has its hash.
    let mut f = files.clone();
    edit_raid(
        &mut f,
        |e| e["body"]["items"][0]["crop"]["sha256"] = other.clone().into(),
        false,
    );
    let r = verify(&rezip(f, true));
    assert!(
        has(&r, "entry-hash-mismatch", 2, "altered"),
        "{:#?}",
        r.problems
    );

    // The same, with the entry's hash recomputed: the record itself says what is wrong, and
    // the next entry no longer follows it.
    let mut f = files.clone();
    edit_raid(
        &mut f,
        |e| e["body"]["items"][0]["crop"]["sha256"] = other.clone().into(),
        true,
    );
    let r = verify(&rezip(f, true));
    assert!(!r.ok);
    assert!(
        has(
            &r,
            "invalid-event",
            2,
            "item 1's crop 'item-001.png' does not have the digest of that file"
        ),
        "{:#?}",
        r.problems
    );
    assert!(has(&r, "chain-broken", 3, ""), "{:#?}", r.problems);

    // An item pointing to a file the capture does not have.
    let mut f = files.clone();
    edit_raid(
        &mut f,
        |e| e["body"]["items"][2]["crop"]["name"] = "item-999.png".into(),
        true,
    );
    let r = verify(&rezip(f, true));
    assert!(
        has(
            &r,
            "invalid-event",
            2,
            "item 3's crop 'item-999.png' is not among the capture's files"
        ),
        "{:#?}",
        r.problems
    );

    // An item's words edited, even with the entry rehashed: the chain breaks after it.
    let mut f = files.clone();
    edit_raid(
        &mut f,
        |e| e["body"]["items"][1]["post"]["text"] = "je t'aime bien".into(),
        true,
    );
    let r = verify(&rezip(f, true));
    assert!(has(&r, "chain-broken", 3, ""), "{:#?}", r.problems);

    // The crop's picture itself changed: the file no longer has the digest recorded.
    let mut f = files;
    f.get_mut("captures/000002/item-002.png").unwrap()[20] ^= 1;
    let r = verify(&rezip(f, true));
    assert!(r.problems.iter().any(|p| p.code == "artifact-hash-mismatch"
        && p.seq == Some(2)
        && p.file.as_deref() == Some("captures/000002/item-002.png")));
}

#[test]
fn an_entry_of_several_items_claimed_as_version_1_or_in_an_older_bundle_is_named() {
    let files = unzip(&bundle(&with_items(), Lang::Fr));
    let mut f = files.clone();
    edit_raid(&mut f, |e| e["v"] = 1.into(), true);
    let r = verify(&rezip(f, true));
    assert!(
        has(
            &r,
            "unknown-version",
            2,
            "entry 2 says format version 1 but holds a record of version 2"
        ),
        "{:#?}",
        r.problems
    );

    // A version-3 bundle relabelled version 2: a version-2 bundle cannot hold entry 2 or 3.
    let mut f = files;
    let mut m: Value = serde_json::from_slice(&f["bundle.json"]).unwrap();
    m["formatVersion"] = 2.into();
    f.insert("bundle.json".into(), serde_json::to_vec(&m).unwrap());
    let r = verify(&rezip(f, true));
    for seq in [2, 3] {
        assert!(
            has(
                &r,
                "unknown-version",
                seq,
                "which a version-2 bundle cannot hold"
            ),
            "{:#?}",
            r.problems
        );
    }
}

fn html(case: &Case, lang: Lang) -> String {
    String::from_utf8(unzip(&bundle(case, lang))["report.html"].clone()).unwrap()
}

#[test]
fn the_report_shows_each_item_under_its_capture_and_counts_them_by_author() {
    let h = html(&with_items(), Lang::Fr);
    // The chronology: the raid's line, how it was gathered, then its six replies.
    let raid = h.find("<tr data-seq=\"2\">").unwrap();
    let conv = h.find("<tr data-seq=\"3\">").unwrap();
    assert!(
        raid < conv,
        "the raid's replies start on the 10th, the conversation the 18th"
    );
    let raid_line = &h[raid..h[raid..].find("</tr>").unwrap() + raid];
    assert!(raid_line.contains("6 réponses de 4 comptes"), "{raid_line}");
    assert!(raid_line.contains("Toutes les réponses sous un message"));
    for n in 1..=6 {
        let at = h
            .find(&format!(
                "<tr class=\"part\" data-seq=\"2\" data-item=\"{n}\">"
            ))
            .unwrap();
        assert!(raid < at && at < conv, "item {n} is under its capture");
    }
    let conv_line = &h[conv..h[conv..].find("</tr>").unwrap() + conv];
    assert!(
        conv_line.contains("Conversation avec Max — 3 messages"),
        "{conv_line}"
    );
    assert!(conv_line.contains(
        "Conversation remontée jusqu&#39;à son début (aussi loin que l&#39;application le permet)"
    ));
    assert!(
        conv_line.contains("L&#39;image de la conversation s&#39;arrête à 20")
            && conv_line.contains("pixels sur 24")
            && conv_line.contains("tous les messages ont quand même été relevés"),
        "the pane's cap: {conv_line}"
    );
    assert!(
        h.contains("&lt;b&gt;nul&lt;/b&gt;"),
        "an item's text is escaped"
    );
    assert!(!h.contains("<b>nul</b>"));

    // By author: each reply counts for its own author.
    let by_author = &h[h.find("id=\"by-author\"").unwrap()..];
    let by_author = &by_author[..by_author.find("</table>").unwrap()];
    for (who, n) in [
        ("@corbeau_noir", 2),
        ("@pie_bavarde", 2),
        ("@geai_moqueur", 1),
        ("@buse_grise", 1),
        ("Max (@max_2010)", 3),
    ] {
        assert!(
            by_author.contains(&format!(
                "<td data-label=\"Par auteur\">{}</td><td data-label=\"Nombre\">{n}</td>",
                who
            )),
            "{who}: {by_author}"
        );
    }

    assert!(
        h.contains("<p>2 de ces captures réunissent 9 messages relevés un par un en tout.</p>"),
        "the cover says what the captures of several items add up to"
    );
    // The period of the facts runs from the earliest item to the latest.
    let facts = &h[h.find("Période des faits").unwrap()..];
    let facts = &facts[..facts.find("</dd>").unwrap()];
    assert!(
        facts.contains("10") && facts.contains("18 novembre 2026"),
        "{facts}"
    );

    // The capture's page dates it by its items.
    let page = &h[h.find("id=\"entry-2\"").unwrap()..];
    let fields = &page[..page.find("</dl>").unwrap()];
    assert!(
        fields.contains("<dd>du 10 au 12 novembre 2026</dd>"),
        "{fields}"
    );
    // Each item on the capture's page, with its crop like the capture's own picture.
    assert!(h.contains("id=\"entry-2-item-4\""));
    assert!(h.contains("<img class=\"shot\" src=\"captures/000002/item-001.png\""));
    assert!(h.contains("<img class=\"shot\" src=\"captures/000002/item-006.png\""));
    // French spacing in every sentence added for items (the captured texts have none to break).
    let body = &h[h.find("<body").unwrap()..];
    for bad in [" :", " ;", " ?", " !", "« ", " »"] {
        assert!(!body.contains(bad), "typography: '{bad}'");
    }
    let en = html(&with_items(), Lang::En);
    assert!(en.contains("6 replies from 4 accounts"));
    assert!(en.contains("Every reply under one post"));
}

/// The case of `with_items`, the person now a minor and the raid's replies tagged as intimate
/// images.
fn minor_with_intimate_images() -> Case {
    let mut case = with_items();
    for body in [
        EventBody::CaseDetails(CaseDetails {
            title: "Raid contre Sam".into(),
            person: "Sam K.".into(),
            minor: true,
            description: String::new(),
            school: false,
        }),
        EventBody::Categories(Categories {
            entry: 2,
            categories: vec![Category::IntimateImages, Category::PileOn],
        }),
    ] {
        let head = case.entries.last().unwrap().head();
        let e = seal(&head, CASE, "2026-11-23T10:00:00.000Z", body).unwrap();
        case.entries.push(e);
    }
    case
}

#[test]
fn a_minors_intimate_images_are_withheld_in_items_crops_too() {
    let h = html(&minor_with_intimate_images(), Lang::Fr);
    assert!(
        !h.contains("src=\"captures/000002/"),
        "no picture of entry 2 at all"
    );
    assert!(h.contains("class=\"withheld\""));
    assert!(
        h.contains("id=\"entry-2-item-1\""),
        "the items are still listed"
    );
    assert!(
        h.contains("src=\"captures/000003/pane.png\""),
        "the conversation is not concerned"
    );
}

#[test]
fn each_item_has_its_own_clock_and_the_earliest_is_shown() {
    let case = with_items();
    let view = CaseView::build(CASE, &case.entries);
    let today = date!(2026 - 11 - 29);
    for lang in [Lang::Fr, Lang::En] {
        let d = deadlines(&view, today, false, lang);
        let press = d
            .clocks
            .iter()
            .find(|c| c.kind == ClockKind::Press3Months && c.entry == 2)
            .unwrap();
        // The replies were published the 12th, 10th, 11th...: the 10th's clock ends first.
        assert_eq!(
            press.start, "2026-11-10",
            "never a later day than the earliest item's"
        );
        assert_eq!(press.until, "2027-02-09");
        assert_eq!(press.starts_from, StartsFrom::Publication);
        assert!(
            press.message.contains(lang.pick(
                "le message n°\u{a0}2.2 est de 3 mois",
                "message no. 2.2 is 3 months"
            )),
            "{}",
            press.message
        );
        assert!(
            press.message.ends_with(lang.pick(
                " Cette capture réunit 6 messages\u{a0}: chacun a son propre délai, qui court depuis le jour où il a été mis en ligne ou envoyé. Celui affiché est, parmi ceux encore ouverts, le plus proche de sa fin.",
                " This capture holds 6 messages: each has its own limit, which runs from the day it was posted or sent. The one shown is, among those still open, the nearest to its end."
            )),
            "{}",
            press.message
        );
        let private = d
            .clocks
            .iter()
            .find(|c| c.kind == ClockKind::PrivateInsult3Months && c.entry == 3)
            .unwrap();
        assert_eq!(private.start, "2026-11-18");
        // Harassment: its last act is the conversation's latest message.
        let h = d
            .clocks
            .iter()
            .find(|c| c.kind == ClockKind::Harassment6Years)
            .unwrap();
        assert_eq!((h.entry, h.start.as_str()), (3, "2026-11-18"));
        assert_eq!(h.entries, vec![2, 3]);
    }
}

#[test]
fn one_capture_of_several_messages_shows_repetition() {
    // The raid alone, untagged: its six replies are six acts, by four accounts.
    let case = with_items();
    let view = CaseView::build(CASE, &case.entries[..2]);
    let d = deadlines(&view, date!(2026 - 11 - 29), false, Lang::Fr);
    let h = d
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::Harassment6Years)
        .unwrap();
    // Each author's last reply: @corbeau_noir's and @buse_grise's of the 12th, @pie_bavarde's
    // and @geai_moqueur's of the 11th. The clock runs from the earliest of them, @geai_moqueur's
    // (2.4, 11:00), never later than any author's own.
    assert_eq!((h.entry, h.start.as_str()), (2, "2026-11-11"));
    assert!(
        h.message.starts_with(
            "Si ces messages sont retenus comme un harcèlement, le délai pour l'auteur dont le délai finit le premier (dernier message de @geai_moqueur, n°\u{a0}2.4) est de 6 ans à compter de sa publication, le 11 novembre 2026"
        ),
        "{}",
        h.message
    );
    assert!(
        h.message.ends_with(" Dans un raid, le délai de chaque auteur peut courir depuis son propre dernier message\u{a0}: la date affichée est la plus ancienne d'entre elles (à confirmer avec un avocat)."),
        "{}",
        h.message
    );
    assert!(
        !d.notes
            .iter()
            .any(|n| n.kind == "harassment-needs-repetition"),
        "a raid is not « un seul message d'une seule personne »"
    );
}

#[test]
fn an_undated_item_is_said_to_have_a_clock_that_may_have_started_earlier() {
    let mut case = with_items();
    // Re-seal the raid with its second reply undated: the earliest dated one is the 11th.
    let mut entries = Vec::new();
    let mut head = temoin_core::journal::Head::genesis();
    for e in &case.entries {
        let mut event = temoin_core::journal::parse_event(&e.json).unwrap();
        if let EventBody::Capture(c) = &mut event.body {
            if e.seq == 2 {
                c.items[1].post.published_at = None;
            }
        }
        let sealed = seal(&head, CASE, &event.at, event.body).unwrap();
        head = sealed.head();
        entries.push(sealed);
    }
    case.entries = entries;
    let view = CaseView::build(CASE, &case.entries);
    let d = deadlines(&view, date!(2026 - 11 - 29), false, Lang::Fr);
    let press = d
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::Press3Months && c.entry == 2)
        .unwrap();
    assert_eq!(press.start, "2026-11-11");
    let en = deadlines(&view, date!(2026 - 11 - 29), false, Lang::En);
    let en = en
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::Press3Months && c.entry == 2)
        .unwrap();
    assert!(
        en.message.ends_with(
            " The page did not date 1 of them: their limit may have started earlier and end before the day shown; act on them without waiting."
        ),
        "{}",
        en.message
    );
    assert!(
        press.message.ends_with(
            " La page ne datait pas 1 d'entre eux\u{a0}: leur délai a pu commencer avant et finir avant le jour affiché\u{a0}; pour eux, agissez sans attendre."
        ),
        "{}",
        press.message
    );
}

#[test]
fn the_procureur_letter_lists_each_item_under_its_capture() {
    let case = with_items();
    let view = CaseView::build(CASE, &case.entries);
    let head = case.entries.last().unwrap().hash.clone();
    let letter = letters(
        &view,
        &LetterRequest {
            kind: "procureur",
            head: Some(&head),
            seq: None,
            platform: None,
            writer: Writer::Minor,
            today: date!(2026 - 11 - 29),
            lang: Lang::Fr,
        },
    )
    .unwrap()
    .remove(0)
    .text;
    let at = |s: &str| {
        letter
            .find(s)
            .unwrap_or_else(|| panic!("{s:?} not in:\n{letter}"))
    };
    let raid = at("- Sur X, 6 réponses de 4 comptes (toutes les réponses sous un message, https://x.com/sam_k/status/1799999999999999999)\u{a0}:");
    let second = at("  - 1.2 — le 10 novembre 2026");
    assert!(letter[second..].starts_with("  - 1.2 — le 10 novembre 2026"));
    at("@pie_bavarde\u{a0}: «\u{a0}personne ne t'aime\u{a0}» (https://x.com/pie_bavarde/status/180000000000000002).");
    let conv = at("- Sur Instagram, Conversation avec Max — 3 messages (conversation remontée jusqu'à son début (aussi loin que l'application le permet), message privé reçu sur Instagram");
    let max = at("  - 2.3 — ");
    assert!(raid < second && second < conv && conv < max);
    assert!(
        !letter[conv..].contains("instagram.com/direct"),
        "a private conversation's address is not given"
    );
    assert!(letter.contains("Pièce n°\u{a0}1.") && letter.contains("Pièce n°\u{a0}2."));
    for bad in [" :", " ;", " ?", " !", "« ", " »"] {
        assert!(!letter.contains(bad), "typography: '{bad}'");
    }

    // The report to the platform lists every reply with its own address.
    let raid = view.item(2).unwrap();
    let report = temoin_docs::report::letters::platform_report(raid, false, Lang::En);
    assert!(
        report.contains("On X, 6 replies from 4 accounts (every reply under one post,"),
        "{report}"
    );
    assert!(
        report.contains("  - 2.4 — on ")
            && report.contains(
                "@geai_moqueur: \"🤡🤡🤡\" (https://x.com/geai_moqueur/status/180000000000000004)."
            ),
        "{report}"
    );
}

#[test]
fn the_procureur_letter_names_the_items_authors_not_the_anchor_nor_the_victim() {
    use temoin_core::model::Post;
    let raid_items = {
        let case = with_items();
        let view = CaseView::build(CASE, &case.entries);
        view.item(2)
            .unwrap()
            .capture
            .as_ref()
            .unwrap()
            .items
            .clone()
    };
    let case = resealed(&[1, 2, 3], |seq, c| match seq {
        // The raid was right-clicked on the victim's own post, under which the replies are.
        2 => {
            c.post = Some(Post {
                platform: Some("x".into()),
                author_name: Some("Léa M.".into()),
                author_handle: Some("@lea_m".into()),
                text: Some("ma vidéo".into()),
                ..Post::default()
            });
        }
        // The conversation repeats two of the raid's replies after its own messages.
        3 => {
            let mut more = raid_items[1..3].to_vec();
            for (i, m) in more.iter_mut().enumerate() {
                m.n = 4 + i as u32;
                m.crop = None;
            }
            c.items.extend(more);
        }
        _ => {}
    });
    let view = CaseView::build(CASE, &case.entries);
    assert_eq!(view.item(2).unwrap().label.author, None);
    let letter = procureur_letter(&view, &case, date!(2026 - 11 - 29));
    let authors = &letter[letter.find("3. L'auteur ou les auteurs").unwrap()..];
    let authors = &authors[..authors.find("4. Les témoins").unwrap()];
    for who in [
        "@corbeau_noir",
        "@pie_bavarde",
        "@geai_moqueur",
        "@buse_grise",
    ] {
        assert!(
            authors.contains(&format!("- {who} sur X")),
            "{who}: {authors}"
        );
    }
    assert!(
        !authors.contains("Léa"),
        "the anchor is not an author: {authors}"
    );
    let people = authors
        .find(
            "Personnes qui écrivent dans la conversation (la victime peut en faire partie)\u{a0}:",
        )
        .unwrap_or_else(|| panic!("{authors}"));
    assert!(authors[people..].contains("- Max (@max_2010) sur Instagram"));
    assert!(
        !authors[..people].contains("Max"),
        "a conversation's people are not listed as authors: {authors}"
    );
    // The conversation is given as context, its messages numbered under its exhibit, and a
    // message already cited is pointed to.
    assert!(letter.contains(
        "Messages de la conversation (pour le contexte, y compris ceux de la victime)\u{a0}:"
    ));
    assert!(letter.contains("  - 2.4 — (déjà cité en 1.2)."), "{letter}");
    assert!(letter.contains("  - 2.5 — (déjà cité en 1.3)."), "{letter}");
    assert_eq!(letter.matches("personne ne t'aime").count(), 1, "{letter}");

    // The report to the platform names the anchor as such and does not quote it.
    let report =
        temoin_docs::report::letters::platform_report(view.item(2).unwrap(), false, Lang::En);
    assert!(
        report.contains("Under the post by: Léa M. (@lea_m)"),
        "{report}"
    );
    assert!(
        !report.contains("ma vidéo") && !report.contains("Author:"),
        "{report}"
    );
}

#[test]
fn the_report_shows_a_selections_anchor_and_a_conversations_days_not_their_right_clicked_post() {
    use temoin_core::model::{Item, Post};
    let case = resealed(&[1, 2, 3], |seq, c| match seq {
        2 => {
            c.post = Some(Post {
                platform: Some("x".into()),
                author_name: Some("Léa M.".into()),
                author_handle: Some("@lea_m".into()),
                author_url: Some("https://x.com/lea_m".into()),
                text: Some("ma vidéo du 10".into()),
                permalink: Some("https://x.com/lea_m/status/1".into()),
                ..Post::default()
            });
            c.notices.push("item-crop-clipped".into());
            // Two more replies the page could not crop.
            for n in [7, 8] {
                c.items.push(Item {
                    n,
                    post: Post {
                        platform: Some("x".into()),
                        author_handle: Some("@buse_grise".into()),
                        text: Some(format!("encore {n}")),
                        published_at: Some("2026-11-12T07:30:00Z".into()),
                        ..Post::default()
                    },
                    crop: None,
                });
            }
        }
        3 => {
            c.post = Some(Post {
                platform: Some("instagram".into()),
                author_name: Some("Max".into()),
                text: Some("ciao la poule".into()),
                kind: Some("message".into()),
                ..Post::default()
            });
        }
        _ => {}
    });
    let h = html(&case, Lang::Fr);
    let page = |seq: u32| {
        let at = h.find(&format!("id=\"entry-{seq}\"")).unwrap();
        let end = h[at..].find("</section>").unwrap() + at;
        h[at..end].to_owned()
    };
    let raid = page(2);
    assert!(
        raid.contains("<dt>Sous le message de</dt><dd>Léa M. (@lea_m) — "),
        "{raid}"
    );
    assert!(
        !raid.contains("<dt>Auteur</dt>"),
        "the anchor is not the author: {raid}"
    );
    assert!(!raid.contains("Texte du message"), "{raid}");
    assert!(
        !raid.contains("https://x.com/lea_m\""),
        "no profile of the anchor's author"
    );
    assert!(
        raid.contains("(2\u{a0}messages sans découpe)")
            || raid.contains("(2 messages sans découpe)"),
        "{raid}"
    );
    assert!(raid.contains("Un ou plusieurs messages dépassaient de la zone capturée"));
    // Replies are published; private messages are sent: the chronology's column says « Date ».
    assert!(raid.contains("<dt>Publication</dt>"), "{raid}");
    assert!(h.contains("<th scope=\"col\">Date</th>"));
    assert!(!h.contains("<th scope=\"col\">Publication</th>"));
    let conv = page(3);
    // Feminine, as « Publication »: the value may be « inconnue (capturée le …) ».
    assert!(conv.contains("<dt>Date d&#39;envoi</dt>"), "{conv}");
    assert!(!conv.contains("<dt>Publication</dt>"), "{conv}");
    assert!(
        conv.contains("<h3>Conversation avec Max — 3 messages, le 18 novembre 2026</h3>"),
        "{conv}"
    );
    assert!(
        !conv.contains("ciao la poule"),
        "the right-clicked message is one of many: {conv}"
    );
    assert!(!conv.contains("<dt>Auteur</dt>"));
    assert!(
        conv.contains("<figcaption>La conversation entière (image assemblée)<br><code>captures/000003/pane.png</code>"),
        "{conv}"
    );
    // The items' list has one numbering (« 2.1 »), and long addresses break at 400 px.
    assert!(h.contains("ol.parts{list-style:none;padding-left:0}"));
    assert!(h.contains(".parts a{overflow-wrap:anywhere}"));
    let en = html(&case, Lang::En);
    assert!(en.contains("<dt>Under the post by</dt><dd>Léa M. (@lea_m) — "));
    assert!(en.contains("<h3>Conversation with Max — 3 messages, on 18 November 2026</h3>"));
    assert!(en.contains("The whole conversation (stitched image)"));
    assert!(en.contains("<dt>Sent</dt>"));
    // The notice to the platform says the same.
    let view = CaseView::build(CASE, &case.entries);
    let notice =
        temoin_docs::report::letters::platform_report(view.item(3).unwrap(), false, Lang::Fr);
    assert!(notice.contains("\nDate d'envoi\u{a0}: "), "{notice}");
    assert!(!notice.contains("Publication\u{a0}:"), "{notice}");
    let raid_notice =
        temoin_docs::report::letters::platform_report(view.item(2).unwrap(), false, Lang::En);
    assert!(raid_notice.contains("\nPublished: "), "{raid_notice}");
}

/// `with_items` sealed again with only the entries `keep` (their original numbers), each
/// capture edited by `edit` (given its original number); its stored files follow their entry.
fn resealed(keep: &[u32], mut edit: impl FnMut(u32, &mut temoin_core::model::Capture)) -> Case {
    let case = with_items();
    let mut entries = Vec::new();
    let mut stored = BTreeMap::new();
    let mut head = temoin_core::journal::Head::genesis();
    for e in case.entries.iter().filter(|e| keep.contains(&e.seq)) {
        let mut event = temoin_core::journal::parse_event(&e.json).unwrap();
        if let EventBody::Capture(c) = &mut event.body {
            edit(e.seq, c);
        }
        let sealed = seal(&head, CASE, &event.at, event.body).unwrap();
        for ((seq, name), bytes) in &case.stored {
            if *seq == e.seq {
                stored.insert((sealed.seq, name.clone()), bytes.clone());
            }
        }
        head = sealed.head();
        entries.push(sealed);
    }
    Case { entries, stored }
}

fn procureur_letter(view: &CaseView, case: &Case, today: time::Date) -> String {
    let head = case.entries.last().unwrap().hash.clone();
    letters(
        view,
        &LetterRequest {
            kind: "procureur",
            head: Some(&head),
            seq: None,
            platform: None,
            writer: Writer::Minor,
            today,
            lang: Lang::Fr,
        },
    )
    .unwrap()
    .remove(0)
    .text
}

#[test]
fn a_raid_shows_the_earliest_clock_still_open_until_every_one_has_passed() {
    // The raid alone: replies of the 10th, 11th (three) and 12th (two).
    let case = with_items();
    let view = CaseView::build(CASE, &case.entries[..2]);
    // The 11 February 2027: the clocks of the 10th and 11th have passed, the 12th's end today.
    for lang in [Lang::Fr, Lang::En] {
        let d = deadlines(&view, date!(2027 - 02 - 11), false, lang);
        let press = d
            .clocks
            .iter()
            .find(|c| c.kind == ClockKind::Press3Months)
            .unwrap();
        assert!(!press.passed, "{}", press.message);
        assert_eq!(
            (press.start.as_str(), press.until.as_str()),
            ("2026-11-12", "2027-02-11")
        );
        assert!(
            press.message.ends_with(lang.pick(
                " Cette capture réunit 6 messages\u{a0}: chacun a son propre délai, qui court depuis le jour où il a été mis en ligne ou envoyé. Celui affiché est, parmi ceux encore ouverts, le plus proche de sa fin\u{a0}; les délais de 4 messages plus anciens sont dépassés.",
                " This capture holds 6 messages: each has its own limit, which runs from the day it was posted or sent. The one shown is, among those still open, the nearest to its end; the limits of 4 older messages have passed."
            )),
            "{}",
            press.message
        );
        assert!(d.press_clock_open() && d.public_press_clock_open());
        assert!(
            d.notes.iter().any(|n| n.kind == "press-plain-complaint"),
            "a plainte simple still does not stop the clocks still open"
        );
        // The guide still offers the civil-party complaint, and warns on the plain one.
        let g = for_case(
            &view,
            &case.entries[..2],
            None,
            "FR",
            date!(2027 - 02 - 11),
            lang,
        );
        assert!(g.adults.iter().any(|a| a.id == "cpc"));
        assert!(g
            .adults
            .iter()
            .any(|a| a.id == "plainte-commissariat" && a.warning.is_some()));
        if lang == Lang::Fr {
            typography(&d);
        }
    }
    // One day later, every reply's clock has passed: the latest is shown, passed.
    let d = deadlines(&view, date!(2027 - 02 - 12), false, Lang::Fr);
    let press = d
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::Press3Months)
        .unwrap();
    assert!(press.passed);
    assert_eq!(press.until, "2027-02-11");
    assert!(press
        .message
        .contains("les délais de tous ces messages sont dépassés"));
    assert!(!d.press_clock_open());
    assert!(!d.notes.iter().any(|n| n.kind == "press-plain-complaint"));
    typography(&d);
    let g = for_case(
        &view,
        &case.entries[..2],
        None,
        "FR",
        date!(2027 - 02 - 12),
        Lang::Fr,
    );
    assert!(!g.adults.iter().any(|a| a.id == "cpc"));
}

/// French spacing in every clock and note.
fn typography(d: &temoin_docs::deadlines::Deadlines) {
    for text in d
        .clocks
        .iter()
        .map(|c| &c.message)
        .chain(d.notes.iter().map(|n| &n.message))
    {
        for bad in [" :", " ;", " ?", " !", "« ", " »"] {
            assert!(!text.contains(bad), "typography: '{bad}' in {text:?}");
        }
    }
}

#[test]
fn a_conversation_from_both_sides_is_not_harassment_by_itself() {
    // The conversation alone: Max's message, Sam's answer, Max's last message.
    let case = resealed(&[1, 3], |_, c| {
        c.items[1].post.author_name = Some("Sam K.".into());
        c.items[1].post.author_handle = Some("sam_k".into());
    });
    let view = CaseView::build(CASE, &case.entries);
    let today = date!(2026 - 11 - 29);
    for lang in [Lang::Fr, Lang::En] {
        let d = deadlines(&view, today, false, lang);
        assert!(
            !d.clocks
                .iter()
                .any(|c| c.kind == ClockKind::Harassment6Years),
            "two people writing to each other are not two acts: {:#?}",
            d.clocks
        );
        assert!(!d
            .notes
            .iter()
            .any(|n| n.kind == "harassment-needs-repetition"));
        let note = d
            .notes
            .iter()
            .find(|n| n.kind == "conversation-repetition")
            .unwrap();
        assert_eq!(
            note.message,
            lang.pick(
                "Cette conversation réunit des messages des deux côtés\u{a0}: si ceux de l'autre personne se répètent, ils peuvent constituer un harcèlement (6 ans après son dernier message). Des messages envoyés d'un coup peuvent n'être retenus que comme un seul fait\u{a0}: à confirmer avec un avocat.",
                "This conversation holds messages from both sides: if the other person's messages are repeated, they can amount to harassment (6 years after their last message). Messages sent all at once may count as a single act: to be confirmed with a lawyer."
            )
        );
        if lang == Lang::Fr {
            typography(&d);
        }
    }
    // The letter to the procureur neither cites harassment nor names it in its object.
    let letter = procureur_letter(&view, &case, today);
    assert!(!letter.contains("222-33-2-2"), "{letter}");
    assert!(!letter.contains("plainte pour harcèlement"), "{letter}");
    // The report says the same.
    let h = html(&case, Lang::Fr);
    assert!(h.contains("Cette conversation réunit des messages des deux côtés"));
    assert!(!h.contains("data-kind=\"harassment-6-years\""));
}

#[test]
fn a_selection_counts_as_a_raid_only_with_two_named_authors() {
    // The raid's replies, all by one account: one person's posts, not a raid.
    let one = resealed(&[1, 2], |_, c| {
        for i in &mut c.items {
            i.post.author_handle = Some("@corbeau_noir".into());
        }
    });
    let view = CaseView::build(CASE, &one.entries);
    let today = date!(2026 - 11 - 29);
    let d = deadlines(&view, today, false, Lang::Fr);
    assert!(!d
        .clocks
        .iter()
        .any(|c| c.kind == ClockKind::Harassment6Years));
    assert!(d
        .notes
        .iter()
        .any(|n| n.kind == "harassment-needs-repetition"));
    assert!(!procureur_letter(&view, &one, today).contains("222-33-2-2"));

    // By four accounts: a possible raid, cited as harassment, in the object too.
    let raid = resealed(&[1, 2], |_, _| {});
    let view = CaseView::build(CASE, &raid.entries);
    let d = deadlines(&view, today, false, Lang::Fr);
    assert!(d
        .clocks
        .iter()
        .any(|c| c.kind == ClockKind::Harassment6Years));
    let letter = procureur_letter(&view, &raid, today);
    assert!(letter.contains("222-33-2-2"), "{letter}");
    assert!(
        letter.contains("Objet\u{a0}: plainte pour harcèlement en ligne"),
        "{letter}"
    );
    let h = html(&raid, Lang::Fr);
    assert!(h.contains("data-kind=\"harassment-6-years\""));
}

#[test]
fn the_harassment_clock_runs_from_the_earliest_of_each_authors_last_message() {
    // The raid and the conversation, where Sam answered last, on the 20th: Max's own last
    // message (3.2, the 18th) starts the clock, not Sam's.
    let case = resealed(&[1, 2, 3, 4, 5], |seq, c| {
        if seq == 3 {
            c.items[2].post.author_name = Some("Sam K.".into());
            c.items[2].post.author_handle = Some("sam_k".into());
            c.items[2].post.published_at = Some("2026-11-20T10:00:00Z".into());
        }
    });
    let view = CaseView::build(CASE, &case.entries);
    for lang in [Lang::Fr, Lang::En] {
        let d = deadlines(&view, date!(2026 - 11 - 29), false, lang);
        let h = d
            .clocks
            .iter()
            .find(|c| c.kind == ClockKind::Harassment6Years)
            .unwrap();
        assert_eq!((h.entry, h.start.as_str()), (3, "2026-11-18"));
        assert!(
            h.message.starts_with(lang.pick(
                "Si ces messages sont retenus comme un harcèlement, le délai pour l'auteur dont le délai finit le premier (dernier message de Max (@max_2010), n°\u{a0}3.2) est de 6 ans",
                "If these messages are held to be harassment, the limit for the author whose limit ends first (last message of Max (@max_2010), no. 3.2) is 6 years"
            )),
            "{}",
            h.message
        );
        assert!(
            h.message.ends_with(lang.pick(
                "la date affichée est la plus ancienne d'entre elles (à confirmer avec un avocat).",
                "the date shown is the earliest of them (to be confirmed with a lawyer)."
            )),
            "{}",
            h.message
        );
        if lang == Lang::Fr {
            typography(&d);
        }
    }
}

#[test]
fn a_capture_of_items_none_dated_has_one_clock_from_its_capture() {
    let case = resealed(&[1, 2], |_, c| {
        for i in &mut c.items {
            i.post.published_at = None;
        }
    });
    let view = CaseView::build(CASE, &case.entries);
    let d = deadlines(&view, date!(2026 - 11 - 29), false, Lang::Fr);
    let press = d
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::Press3Months)
        .unwrap();
    assert_eq!(
        (press.start.as_str(), press.starts_from),
        ("2026-11-21", StartsFrom::CaptureDate)
    );
    assert!(
        !press.message.contains("Celui affiché"),
        "no item's clock was chosen: {}",
        press.message
    );
    assert!(press.message.ends_with(" La page ne datait pas 6 d'entre eux\u{a0}: leur délai a pu commencer avant et finir avant le jour affiché\u{a0}; pour eux, agissez sans attendre."));
}

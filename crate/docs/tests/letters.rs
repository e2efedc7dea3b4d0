//! Letters built from the realistic journal of tests/common: facts in chronological order
//! with their fingerprints, the exhibits in the order cited, and the form texts.
#![allow(clippy::unwrap_used)]

#[path = "../../testdata/common/mod.rs"]
mod common;

use temoin_core::lang::Lang;
use temoin_core::model::Category;
use temoin_core::view::CaseView;
use temoin_docs::deadlines::{deadlines, ClockKind};
use temoin_docs::guide::{for_case, Situation};
use temoin_docs::report::letters::{
    letters, pharos_summary, platform_report, LetterRequest, Writer,
};
use time::macros::date;

fn request<'a>(kind: &'a str, head: &'a str) -> LetterRequest<'a> {
    LetterRequest {
        kind,
        head: Some(head),
        seq: None,
        platform: None,
        writer: Writer::Parent,
        today: date!(2026 - 11 - 28),
        lang: Lang::Fr,
    }
}

#[test]
fn the_procureur_letter_lists_the_facts_in_order_with_their_fingerprints() {
    let c = common::case();
    let view = CaseView::build(common::CASE, &c.entries);
    let head = c.entries.last().unwrap().hash.clone();
    let letter = letters(&view, &request("procureur", &head))
        .unwrap()
        .remove(0)
        .text;
    // Published the 17th (entry 4), 18th (3), 19th (2): chronological order, numbered 1, 2, 3.
    let pos = |needle: &str| {
        letter
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} missing"))
    };
    assert!(
        pos("17 novembre 2026") < pos("18 novembre 2026")
            && pos("18 novembre 2026") < pos("19 novembre 2026")
    );
    assert!(
        pos("Pièce n°\u{a0}1\u{a0}: capture n°\u{a0}4")
            < pos("Pièce n°\u{a0}3\u{a0}: capture n°\u{a0}2"),
        "exhibits in the order cited"
    );
    for e in &c.entries[1..4] {
        assert!(letter.contains(&e.hash), "entry {} fingerprint", e.seq);
    }
    let grouped = temoin_core::digest::grouped(&head);
    assert!(
        letter.contains(&grouped),
        "the control code, in groups of four"
    );
    assert!(
        letter.contains("représentant légal") && letter.contains("Léa M."),
        "a minor's complaint, by a parent"
    );
    assert!(
        letter.contains("222-33-2-2"),
        "three acts and a raid: harassment"
    );
    assert!(
        letter.contains("loi du 29 juillet 1881"),
        "entry 3 is an insult"
    );
    assert!(
        letter.contains("non capturé par Témoin"),
        "the added file is listed as such"
    );
    assert!(
        letter.contains("fichiers supprimés depuis, empreintes conservées"),
        "entry 4 was deleted; its fingerprint stays"
    );
}

#[test]
fn form_texts_carry_what_the_dsa_and_pharos_ask_for() {
    let c = common::case();
    let view = CaseView::build(common::CASE, &c.entries);
    let item = view.item(3).unwrap();
    let dsa = platform_report(item, true, Lang::Fr);
    assert!(dsa.contains("https://x.com/pie_bavarde/status/1790000000000001"));
    assert!(
        dsa.contains("18 novembre 2026 à 21\u{a0}h\u{a0}00 (UTC)"),
        "dates as people write them"
    );
    assert!(dsa.contains("bonne foi"));
    assert!(dsa.contains("art. 29, 32 et 33"));
    assert!(platform_report(item, false, Lang::En).contains("good faith"));
    let pharos = pharos_summary(item, true);
    for field in [
        "Catégorie\u{a0}:",
        "Date et heure de publication\u{a0}: 18 novembre 2026 à 21\u{a0}h\u{a0}00 (UTC)",
        "Site ou plateforme\u{a0}: X",
        "Adresse (URL)\u{a0}: https://x.com/",
    ] {
        assert!(pharos.contains(field), "{field}");
    }
    let erasure = letters(
        &view,
        &LetterRequest {
            seq: Some(3),
            ..request("erasure", "0")
        },
    )
    .unwrap();
    assert_eq!(erasure.len(), 1);
    assert!(
        erasure[0].text.contains("article 51")
            && erasure[0].text.contains("CNIL")
            && erasure[0].text.contains("https://x.com/pie_bavarde")
    );
}

/// The erasure request for entry 2 (the raid), the only platform it names.
fn erasure_of_entry_2(view: &CaseView) -> String {
    let mut letters = letters(
        view,
        &LetterRequest {
            seq: Some(2),
            ..request("erasure", "0")
        },
    )
    .unwrap();
    assert_eq!(letters.len(), 1);
    letters.remove(0).text
}

/// The victim's own post, right-clicked to select the replies under it.
fn victims_post() -> temoin_core::model::Post {
    temoin_core::model::Post {
        platform: Some("x".into()),
        author_handle: Some("@sam_k".into()),
        text: Some("ma vidéo de danse".into()),
        published_at: Some("2026-11-01T12:00:00Z".into()),
        permalink: Some("https://x.com/sam_k/status/1799999999999999999".into()),
        ..Default::default()
    }
}

#[test]
fn the_pharos_text_of_several_items_describes_each_item_never_the_post_they_sit_under() {
    let c = common::with_items();
    let mut view = CaseView::build(common::CASE, &c.entries);
    let raid = view.items.iter_mut().find(|i| i.seq == 2).unwrap();
    // The replies sit under the victim's own post, right-clicked to select them.
    raid.capture.as_mut().unwrap().post = Some(victims_post());
    raid.categories = vec![Category::Threat];
    let raid = view.item(2).unwrap();
    let pharos = pharos_summary(raid, true);
    assert!(
        !pharos.contains("ma vidéo de danse") && !pharos.contains("1er novembre"),
        "the victim's post is neither quoted nor dated as the content:\n{pharos}"
    );
    assert!(pharos.contains("Catégorie\u{a0}: [à choisir dans le formulaire\u{a0}: menaces]"));
    assert!(
        pharos.contains(
            "Date et heure de publication\u{a0}: 10 novembre 2026 à 21\u{a0}h\u{a0}30 (UTC) pour le plus ancien des messages datés"
        ),
        "the earliest reply's time, not the first listed:\n{pharos}"
    );
    assert!(pharos.contains(
        "Adresse (URL)\u{a0}: https://x.com/sam_k/status/1799999999999999999 (la page où figurent ces messages\u{a0}; chacun est décrit ci-dessous par son auteur, sa date et son texte, avec sa propre adresse quand la page la donnait)"
    ));
    // The platform's notice: the same, in the form's own fields.
    for lang in [Lang::Fr, Lang::En] {
        let dsa = platform_report(raid, true, lang);
        assert!(
            !dsa.contains("ma vidéo de danse")
                && !dsa.contains(" 1 November")
                && !dsa.contains("1er novembre"),
            "{dsa}"
        );
        assert!(
            dsa.contains(lang.pick(
                "Emplacement exact du contenu\u{a0}: https://x.com/sam_k/status/1799999999999999999 (la page où figurent ces messages",
                "Exact location of the content: https://x.com/sam_k/status/1799999999999999999 (the page these messages appear on"
            )),
            "{dsa}"
        );
        assert!(
            dsa.contains(lang.pick(
                "Publication\u{a0}: 10 novembre 2026 à 21\u{a0}h\u{a0}30 (UTC) pour le plus ancien des messages datés",
                "Published: 10 November 2026 at 21:30 (UTC) for the oldest dated message"
            )),
            "{dsa}"
        );
    }
    for item in &raid.capture.as_ref().unwrap().items {
        let (text, link) = (
            item.post.text.as_deref().unwrap(),
            item.post.permalink.as_deref().unwrap(),
        );
        assert!(
            pharos.contains(text) && pharos.contains(link),
            "{text}, {link}:\n{pharos}"
        );
    }
    assert!(pharos.contains("capture n°\u{a0}2 du journal Témoin"));

    // The erasure request asks for the replies, each at its address, not for the victim's post.
    let text = &erasure_of_entry_2(&view);
    assert!(!text.contains("1799999999999999999"), "{text}");
    for item in &raid.capture.as_ref().unwrap().items {
        let line = format!(
            "- {} (publication\u{a0}: ",
            item.post.permalink.as_deref().unwrap()
        );
        assert!(text.contains(&line), "{line}\n{text}");
    }
    assert!(text.contains(
        "- https://x.com/pie_bavarde/status/180000000000000002 (publication\u{a0}: 10 novembre 2026 à 21\u{a0}h\u{a0}30, UTC, par @pie_bavarde)"
    ), "{text}");

    // A conversation: its messages for context, both sides said so, no public address.
    let chat = view.item(3).unwrap();
    let pharos = pharos_summary(chat, true);
    assert!(pharos.contains("y compris ceux de la victime"));
    assert!(pharos.contains("message privé reçu sur Instagram"));
    for text in ["tu vas voir demain", "réponds", "t'es mort(e)"] {
        assert!(pharos.contains(text), "{text}:\n{pharos}");
    }
    assert!(pharos.contains(
        "18 novembre 2026 à 19\u{a0}h\u{a0}00 (UTC) pour le plus ancien des messages datés"
    ));
}

#[test]
fn replies_none_of_which_is_dated_count_from_the_post_they_answer_and_are_named_by_their_words() {
    let c = common::with_items();
    let mut view = CaseView::build(common::CASE, &c.entries);
    let raid = view.items.iter_mut().find(|i| i.seq == 2).unwrap();
    let capture = raid.capture.as_mut().unwrap();
    capture.post = Some(victims_post());
    for item in &mut capture.items {
        item.post.published_at = None;
        item.post.published_utc = None;
    }
    capture.items[0].post.permalink = None;
    raid.categories = vec![Category::Insult];

    // The clock counts from the day of the post the replies answer, said as such.
    let d = deadlines(&view, date!(2026 - 11 - 28), true, Lang::Fr);
    let press = d
        .clocks
        .iter()
        .find(|c| c.entry == 2 && c.kind == ClockKind::Press3Months)
        .unwrap();
    assert_eq!(press.start, "2026-11-01");
    assert!(
        press.message.contains(
            "la publication du message sous lequel ces réponses ont été écrites, le 1er novembre 2026"
        ),
        "{}",
        press.message
    );
    assert!(
        !press.message.contains("à compter de sa publication")
            && !press.message.contains("a pu commencer avant"),
        "{}",
        press.message
    );

    // Counted from that post, its last day may be past while the replies' own may not be: not
    // said to be over, and what stops the clock is still said.
    let later = deadlines(&view, date!(2027 - 03 - 15), true, Lang::Fr);
    let press = later
        .clocks
        .iter()
        .find(|c| c.entry == 2 && c.kind == ClockKind::Press3Months)
        .unwrap();
    assert!(press.passed && press.may_be_open);
    assert!(
        press
            .message
            .contains("déjà passé\u{a0}; mais les réponses ont pu être publiées bien après lui")
            && !press.message.contains("ce délai est dépassé"),
        "{}",
        press.message
    );
    assert!(later
        .notes
        .iter()
        .any(|n| n.kind == "press-plain-complaint"));

    // The erasure request names a reply without an address by its page and its words, never
    // by the page's address alone (that of the post they sit under).
    let text = &erasure_of_entry_2(&view);
    assert!(
        text.contains("- un message de la page https://x.com/sam_k/status/1799999999999999999\u{a0}: «\u{a0}=HYPERLINK"),
        "{text}"
    );
    assert!(
        !text.contains("- https://x.com/sam_k/status/1799999999999999999"),
        "{text}"
    );
    assert!(
        text.contains("(publication\u{a0}: inconnue, capturée le "),
        "{text}"
    );
}

#[test]
fn deadlines_run_per_capture() {
    let c = common::case();
    let view = CaseView::build(common::CASE, &c.entries);
    let d = deadlines(&view, date!(2026 - 11 - 28), true, Lang::Fr);
    // Entry 3 is the insult, published 2026-11-18: its own 3-month clock.
    let press = d
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::Press3Months && c.entry == 3)
        .unwrap();
    assert_eq!(
        (press.start.as_str(), press.until.as_str()),
        ("2026-11-18", "2027-02-17")
    );
    assert!(d
        .notes
        .iter()
        .any(|n| n.kind == "press-plain-complaint" && n.message.contains("n'arrête pas")));
    let harassment = d
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::Harassment6Years)
        .unwrap();
    assert_eq!(
        harassment.until, "2032-11-18",
        "six years from the last act: entry 2, published the 19th"
    );
}

#[test]
fn the_guide_reads_its_situation_from_the_case() {
    let c = common::case();
    let view = CaseView::build(common::CASE, &c.entries);
    let s = Situation::of(&view, Some(3), "FR");
    assert_eq!(s.platforms, vec!["x".to_owned()]);
    assert_eq!(s.categories, vec![Category::Insult, Category::PileOn]);
    assert!(s.minor && s.public && !s.private);
    let g = for_case(
        &view,
        &c.entries,
        Some(3),
        "FR",
        date!(2026 - 11 - 28),
        Lang::Fr,
    );
    assert!(g.notices[0].text.contains("pie_bavarde"));
    assert!(g.pharos.is_empty(), "an insult is not PHAROS's");
    assert!(
        g.adults.iter().any(|a| a.id == "letter-erasure-x"),
        "a minor"
    );
    assert!(g
        .deadlines
        .clocks
        .iter()
        .any(|d| d.kind == ClockKind::Press3Months));
}

#[test]
fn letters_by_kind() {
    let c = common::case();
    let view = CaseView::build(common::CASE, &c.entries);
    let head = &c.entries.last().unwrap().hash;
    // The erasure request lists every capture still held (2 and 3, not the deleted 4).
    let all = letters(&view, &request("erasure", head)).unwrap();
    assert_eq!(all.len(), 1, "one platform");
    assert!(
        all[0].text.contains("status/1790000000000000")
            && all[0].text.contains("status/1790000000000001")
    );
    assert!(!all[0].text.contains("status/1790000000000002"));
    assert_eq!(
        letters(&view, &request("ransom", head)).unwrap_err().code,
        temoin_core::ErrorCode::InvalidInput
    );
}

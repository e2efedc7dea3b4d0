//! Letters built from a journal: facts in chronological order with their fingerprints, the
//! articles that apply, and the DSA and PHAROS fields.
#![allow(clippy::unwrap_used)]

mod common;

use temoin::deadlines::case_deadlines;
use temoin::report::letters::{erasure, pharos_summary, platform_report, procureur};
use temoin::report::Lang;
use temoin::view::CaseView;

#[test]
fn the_procureur_letter_lists_the_facts_in_order_with_their_fingerprints() {
    let c = common::case();
    let view = CaseView::build(common::CASE, &c.entries);
    let head = c.entries.last().unwrap().hash.clone();
    let letter = procureur(&view, &head, "2026-11-28");
    // Published the 17th (entry 4), 18th (3), 19th (2): chronological order.
    let pos = |needle: &str| {
        letter
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} missing"))
    };
    assert!(pos("Pièce n° 4,") < pos("Pièce n° 3,") && pos("Pièce n° 3,") < pos("Pièce n° 2,"));
    for e in &c.entries[1..4] {
        assert!(letter.contains(&e.hash), "entry {} fingerprint", e.seq);
    }
    assert!(letter.contains(&head));
    assert!(
        letter.contains("représentant légal") && letter.contains("Léa M."),
        "a minor's complaint, with a parent"
    );
    assert!(letter.contains("222-33-2-2"));
    assert!(
        letter.contains("loi du 29 juillet 1881"),
        "entry 3 is an insult"
    );
    assert!(
        letter.contains("non capturé par Témoin"),
        "the added file is listed as such"
    );
}

#[test]
fn form_texts_carry_what_the_dsa_and_pharos_ask_for() {
    let c = common::case();
    let view = CaseView::build(common::CASE, &c.entries);
    let item = view.item(3).unwrap();
    let dsa = platform_report(item, true, Lang::Fr);
    assert!(dsa.contains("https://x.com/pie_bavarde/status/1790000000000001"));
    assert!(dsa.contains("2026-11-18T21:00:00Z"));
    assert!(dsa.contains("bonne foi"));
    assert!(dsa.contains("art. 29 al. 2 et 33"));
    assert!(platform_report(item, false, Lang::En).contains("good faith"));
    let pharos = pharos_summary(item);
    for field in [
        "Catégorie :",
        "Date et heure de publication : 2026-11-18T21:00:00Z",
        "Site ou plateforme : X (Twitter)",
        "Adresse (URL) : https://x.com/",
    ] {
        assert!(pharos.contains(field), "{field}");
    }
    let letter = erasure(&view, &[item], "2026-11-28");
    assert!(
        letter.contains("article 51")
            && letter.contains("CNIL")
            && letter.contains("https://x.com/pie_bavarde")
    );
}

#[test]
fn deadlines_come_from_the_earliest_publication_of_insults() {
    let c = common::case();
    let view = CaseView::build(common::CASE, &c.entries);
    let d = case_deadlines(&view, Lang::Fr);
    let press = d.iter().find(|d| d.kind == "press-3-months").unwrap();
    // Entry 3 is the insult, published 2026-11-18.
    assert_eq!(
        (press.from.as_str(), press.until.as_str()),
        ("2026-11-18", "2027-02-18")
    );
    assert!(press.message.contains("plainte simple n'arrête pas"));
    let harassment = d.iter().find(|d| d.kind == "harassment-6-years").unwrap();
    assert_eq!(
        harassment.until, "2032-11-19",
        "six years from the last act: entry 2, published the 19th"
    );
}

#[test]
fn the_guide_reads_its_situation_from_the_case() {
    use temoin::guide::{for_case, Situation};
    use temoin::model::Category;
    let c = common::case();
    let view = CaseView::build(common::CASE, &c.entries);
    // One capture: its own categories; the case's minor; X; public (a post, not a message).
    let s = Situation::of(&view, Some(3), "FR");
    assert_eq!(s.platform.as_deref(), Some("x"));
    assert_eq!(s.categories, vec![Category::Insult, Category::PileOn]);
    assert!(s.minor && s.public);
    // The whole case: deleted entry 4 leaves no trace in the situation.
    let whole = Situation::of(&view, None, "FR");
    assert_eq!(whole.categories, vec![Category::Insult, Category::PileOn]);

    let g = for_case(&view, &c.entries, Some(3), "FR", Lang::Fr);
    assert!(g
        .platform_report
        .as_deref()
        .is_some_and(|t| t.contains("pie_bavarde")));
    assert_eq!(g.pharos, None, "an insult is not PHAROS's");
    assert!(
        g.actions.iter().any(|a| a.id == "letter-erasure"),
        "a minor"
    );
    assert!(g.deadlines.iter().any(|d| d.kind == "press-3-months"));
    assert_eq!(
        for_case(&view, &c.entries, None, "FR", Lang::Fr).platform_report,
        None
    );
}

#[test]
fn letters_by_kind() {
    use temoin::report::letters::letter;
    let c = common::case();
    let view = CaseView::build(common::CASE, &c.entries);
    let head = &c.entries.last().unwrap().hash;
    assert!(letter("procureur", &view, head, None, "2026-11-28")
        .unwrap()
        .contains(head.as_str()));
    // Without a capture, the erasure request lists every capture still held (2 and 3, not 4).
    let all = letter("erasure", &view, head, None, "2026-11-28").unwrap();
    assert!(all.contains("status/1790000000000000") && all.contains("status/1790000000000001"));
    assert!(!all.contains("status/1790000000000002"));
    assert_eq!(
        letter("ransom", &view, head, None, "2026-11-28")
            .unwrap_err()
            .code,
        temoin::ErrorCode::InvalidInput
    );
}

//! Publication times read from what the page showed (`temoin_core::when`), through the capture
//! record to the deadlines and the documents: a relative time counts from the earliest day it
//! allows, and documents quote it as shown.
#![allow(clippy::unwrap_used)]

use temoin_core::capture::complete;
use temoin_core::digest::sha256_hex;
use temoin_core::journal::{seal, Head};
use temoin_core::lang::Lang;
use temoin_core::model::{
    Artifact, Capture, Categories, Category, Environment, EventBody, Page, Post,
};
use temoin_core::view::CaseView;
use temoin_core::when::Reading;
use temoin_docs::deadlines::{deadlines, ClockKind, StartsFrom};
use time::macros::date;

/// A capture of an X reply made on 28 November 2026 at 11:00 in Paris, whose page showed
/// `shown` as its time (and `machine` as a `datetime`, if any).
fn captured(machine: Option<&str>, shown: &str) -> Capture {
    complete(
        Capture {
            page: Page {
                url: "https://x.com/corbeau_noir/status/1790000000000000042".into(),
                title: "X".into(),
                lang: Some("fr".into()),
                ..Page::default()
            },
            captured_at: "2026-11-28T10:00:00.000Z".into(),
            artifacts: vec![Artifact {
                name: "screenshot-visible.png".into(),
                media_type: "image/png".into(),
                size: 3,
                sha256: sha256_hex(b"png"),
                method: "tabs.captureVisibleTab".into(),
            }],
            post: Some(Post {
                text: Some("Personne ne veut de toi.".into()),
                published_at: machine.map(Into::into),
                published_text: Some(shown.into()),
                ..Post::default()
            }),
            environment: Some(Environment {
                local_time: "2026-11-28T11:00:00.000+01:00".into(),
                time_zone: "Europe/Paris".into(),
                ..Environment::default()
            }),
            ..Capture::default()
        },
        Lang::Fr,
    )
}

fn view_of(capture: Capture) -> CaseView {
    let first = seal(
        &Head::genesis(),
        "case",
        "2026-11-28T10:00:01.000Z",
        EventBody::Capture(capture),
    )
    .unwrap();
    let second = seal(
        &first.head(),
        "case",
        "2026-11-28T10:00:02.000Z",
        EventBody::Categories(Categories {
            entry: 1,
            categories: vec![Category::Insult],
        }),
    )
    .unwrap();
    CaseView::build("case", &[first, second])
}

#[test]
fn the_record_keeps_the_page_text_beside_the_reading() {
    let c = captured(None, "il y a 3 sem.");
    let post = c.post.unwrap();
    assert_eq!(post.published_text.as_deref(), Some("il y a 3 sem."));
    assert_eq!(post.published_reading, Some(Reading::Relative));
    assert_eq!(post.published_utc.as_deref(), Some("2026-11-07T10:00:00Z"));
    assert_eq!(
        post.published_earliest.as_deref(),
        Some("2026-10-31T10:00:00Z")
    );

    let c = captured(None, "12 mars 2024 à 14 h 05");
    let post = c.post.unwrap();
    assert_eq!(post.published_utc.as_deref(), Some("2024-03-12T13:05:00Z"));
    assert_eq!(post.published_reading, Some(Reading::DeviceZone));
    assert_eq!(post.published_earliest, None);

    // What cannot be read for sure is not read: the page's text stays alone.
    let c = captured(None, "13 réponses");
    let post = c.post.unwrap();
    assert_eq!((post.published_utc, post.published_reading), (None, None));
}

#[test]
fn a_relative_time_starts_the_clock_on_the_earliest_day_it_allows() {
    let view = view_of(captured(None, "il y a 3 sem."));
    let d = deadlines(&view, date!(2026 - 11 - 29), false, Lang::Fr);
    let clock = d
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::Press3Months)
        .unwrap();
    assert_eq!(clock.starts_from, StartsFrom::EstimatedPublication);
    assert_eq!(clock.start, "2026-10-31");
    assert_eq!(clock.until, "2027-01-30");
    assert!(
        clock.message.contains("(«\u{a0}il y a 3 sem.\u{a0}»)")
            && clock
                .message
                .contains("depuis le 31 octobre 2026, le jour le plus ancien possible"),
        "{}",
        clock.message
    );
}

#[test]
fn an_exact_time_starts_the_clock_on_its_day_and_the_documents_write_it() {
    let view = view_of(captured(Some("2026-11-20T09:30:00.000Z"), "20 nov."));
    let d = deadlines(&view, date!(2026 - 11 - 29), false, Lang::Fr);
    let clock = d
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::Press3Months)
        .unwrap();
    assert_eq!(
        (clock.starts_from, clock.start.as_str()),
        (StartsFrom::Publication, "2026-11-20")
    );
    let post = view.items[0]
        .capture
        .as_ref()
        .unwrap()
        .post
        .as_ref()
        .unwrap();
    assert_eq!(
        temoin_docs::report::publication_text(post, time::macros::offset!(+1), Lang::Fr, false)
            .as_deref(),
        Some("20 novembre 2026 à 10\u{a0}h\u{a0}30 (UTC+01:00)")
    );
    // A relative time is quoted as shown, not turned into a date the page never wrote.
    let view = view_of(captured(None, "3 h"));
    let post = view.items[0]
        .capture
        .as_ref()
        .unwrap()
        .post
        .as_ref()
        .unwrap();
    assert_eq!(
        temoin_docs::report::publication_text(post, time::macros::offset!(+1), Lang::Fr, false),
        None
    );
}

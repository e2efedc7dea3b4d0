//! The journal page's rows, kept one entry at a time (`RowChange::of`, `ItemView::apply`, each
//! row stored as JSON in between, as IndexedDB keeps it), are the case view that folding the
//! whole journal gives, after every entry of every test case.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../testdata/common/mod.rs"]
mod common;

use std::collections::BTreeMap;

use temoin_core::journal::{seal, Entry, Head};
use temoin_core::model::{CaseDetails, EventBody, Note};
use temoin_core::view::{CaseView, ItemView, RowChange};

/// The rows and details as the extension's store keeps them: rows by number, as JSON values.
#[derive(Default)]
struct Summary {
    rows: BTreeMap<u32, serde_json::Value>,
    details: Option<serde_json::Value>,
}

impl Summary {
    fn append(&mut self, entry: &Entry) {
        // What crosses into JavaScript: the entry as JSON, the change back as JSON.
        let entry: Entry = serde_json::from_value(serde_json::to_value(entry).unwrap()).unwrap();
        let change = serde_json::to_value(RowChange::of(&entry).unwrap()).unwrap();
        if let Some(item) = change.get("item") {
            self.rows.insert(entry.seq, item.clone());
        }
        if let Some(details) = change.get("details") {
            self.details = Some(details.clone());
        }
        if let Some(target) = change.get("target").and_then(serde_json::Value::as_u64) {
            let target = u32::try_from(target).unwrap();
            if let Some(row) = self.rows.get(&target) {
                let mut item: ItemView = serde_json::from_value(row.clone()).unwrap();
                item.apply(&entry).unwrap();
                self.rows
                    .insert(target, serde_json::to_value(&item).unwrap());
            }
        }
    }

    /// The same shape as the full view's items and details, as JSON.
    fn as_view(&self) -> (Vec<serde_json::Value>, Option<serde_json::Value>) {
        (self.rows.values().cloned().collect(), self.details.clone())
    }
}

fn full_view(entries: &[Entry]) -> (Vec<serde_json::Value>, Option<serde_json::Value>) {
    let view = serde_json::to_value(CaseView::build(common::CASE, entries)).unwrap();
    (
        view["items"].as_array().unwrap().clone(),
        view.get("details").cloned(),
    )
}

fn assert_rows_follow(entries: &[Entry]) {
    let mut summary = Summary::default();
    for (i, entry) in entries.iter().enumerate() {
        summary.append(entry);
        assert_eq!(
            summary.as_view(),
            full_view(&entries[..=i]),
            "after entry {}",
            entry.seq
        );
    }
}

#[test]
fn rows_kept_entry_by_entry_are_the_full_view() {
    assert_rows_follow(&common::case().entries);
    assert_rows_follow(&common::five_captures().entries);
}

#[test]
fn annotations_about_what_is_not_a_row_change_nothing() {
    let mut entries = common::case().entries;
    let mut head = entries.last().map_or_else(Head::genesis, Entry::head);
    let mut push = |body: EventBody| {
        let e = seal(&head, common::CASE, "2026-11-26T10:00:00.000Z", body).unwrap();
        head = e.head();
        entries.push(e);
    };
    // A note about the case details' entry (not a row), then new details.
    push(EventBody::Note(Note {
        entry: 1,
        text: "à propos de la fiche".into(),
    }));
    push(EventBody::CaseDetails(CaseDetails {
        title: "Harcèlement de Léa M.".into(),
        person: "Léa M.".into(),
        minor: false,
        description: String::new(),
        school: true,
    }));
    assert_rows_follow(&entries);
    let (_, details) = full_view(&entries);
    assert_eq!(details.unwrap()["title"], "Harcèlement de Léa M.");
}

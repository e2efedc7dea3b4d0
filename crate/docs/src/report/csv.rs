//! `journal.csv`: one row per capture or added file, for spreadsheets; a capture of several
//! items (a conversation, a raid's replies) has one row per item instead, each with the
//! capture's number and the item's own number, author, time, text, link and crop. For a
//! private message the `published_*` columns hold when it was sent (`private_message`: yes).
//!
//! A cell that begins as a formula would (`=`, `+`, `-`, `@`, a tab or a carriage return) gets
//! a leading `'`: the texts come from the harasser's pages, and a spreadsheet opening the file
//! must show them, not run them (OWASP, "CSV Injection"). The exact texts stay in
//! `journal.json` and `report.html`.

use std::borrow::Cow;

use temoin_core::bundle::stored_name;
use temoin_core::error::{Error, ErrorCode, Result};
use temoin_core::view::{CaseView, ItemView};

const HEADER: [&str; 21] = [
    "number",
    "kind",
    "captured_or_added_at_utc",
    "published_at",
    "platform",
    "author_name",
    "author_handle",
    "page_url",
    "permalink",
    "text",
    "categories",
    "notes",
    "deleted",
    "files",
    "entry_sha256",
    "published_utc",
    "published_reading",
    "item",
    "item_crop",
    "item_crop_sha256",
    "private_message",
];

/// The cell as a spreadsheet will show it and never evaluate it.
fn inert(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `version`: the bundle's format version, which says under which names its files are stored.
pub fn render(view: &CaseView, version: u32) -> Result<Vec<u8>> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let fail = |e: ::csv::Error| Error::new(ErrorCode::ExportFailed, format!("journal.csv: {e}"));
    w.write_record(HEADER).map_err(fail)?;
    let mut write = |record: &[String; 21]| {
        w.write_record(record.iter().map(|cell| inert(cell).into_owned()))
            .map_err(fail)
    };
    for item in &view.items {
        if item.capture.as_ref().is_some_and(|c| !c.items.is_empty()) {
            for record in item_rows(item, version) {
                write(&record)?;
            }
            continue;
        }
        let post = item.capture.as_ref().and_then(|c| c.post.as_ref());
        let field = |f: fn(&temoin_core::model::Post) -> Option<&String>| {
            post.and_then(f).cloned().unwrap_or_default()
        };
        let (kind, time, url, text) = match (&item.capture, &item.file) {
            (Some(c), _) => (
                "capture",
                c.captured_at.clone(),
                c.page.url.clone(),
                field(|p| p.text.as_ref()),
            ),
            (_, Some(f)) => (
                "added-file",
                item.at.clone(),
                String::new(),
                format!("{} — {}", f.original_name, f.description),
            ),
            _ => continue,
        };
        let record = [
            item.seq.to_string(),
            kind.to_owned(),
            time,
            field(|p| p.published_at.as_ref()),
            field(|p| p.platform.as_ref()),
            field(|p| p.author_name.as_ref()),
            field(|p| p.author_handle.as_ref()),
            url,
            field(|p| p.permalink.as_ref()),
            text,
            item.categories
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            item.notes
                .iter()
                .map(|n| n.text.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
            item.deleted.as_ref().map_or("no", |_| "yes").to_owned(),
            stored_names(item, version),
            item.hash.clone(),
            post.and_then(|p| p.published_utc.clone())
                .unwrap_or_default(),
            post.and_then(|p| p.published_reading)
                .map(|r| r.as_str().to_owned())
                .unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
            private_message(item),
        ];
        write(&record)?;
    }
    w.into_inner()
        .map_err(|e| Error::new(ErrorCode::ExportFailed, format!("journal.csv: {e}")))
}

/// One row per item of a capture of several: the capture's number, when it was captured, its
/// page, categories, notes and files on every row; the item's own fields beside them.
fn item_rows(item: &ItemView, version: u32) -> Vec<[String; 21]> {
    let Some(c) = &item.capture else {
        return Vec::new();
    };
    let categories = item
        .categories
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let notes = item
        .notes
        .iter()
        .map(|n| n.text.as_str())
        .collect::<Vec<_>>()
        .join(" | ");
    let files = stored_names(item, version);
    c.items
        .iter()
        .map(|i| {
            let p = &i.post;
            let f = |v: &Option<String>| v.clone().unwrap_or_default();
            [
                item.seq.to_string(),
                "item".to_owned(),
                c.captured_at.clone(),
                f(&p.published_at),
                p.platform
                    .clone()
                    .or_else(|| item.label.platform.clone())
                    .unwrap_or_default(),
                f(&p.author_name),
                f(&p.author_handle),
                c.page.url.clone(),
                f(&p.permalink),
                f(&p.text),
                categories.clone(),
                notes.clone(),
                item.deleted.as_ref().map_or("no", |_| "yes").to_owned(),
                files.clone(),
                item.hash.clone(),
                f(&p.published_utc),
                p.published_reading
                    .map(|r| r.as_str().to_owned())
                    .unwrap_or_default(),
                i.n.to_string(),
                i.crop.as_ref().map(|c| c.name.clone()).unwrap_or_default(),
                i.crop
                    .as_ref()
                    .map(|c| c.sha256.clone())
                    .unwrap_or_default(),
                private_message(item),
            ]
        })
        .collect()
}

/// The item's files under the names the bundle stores them by (`page.html.txt`).
fn stored_names(item: &ItemView, version: u32) -> String {
    item.artifacts()
        .iter()
        .map(|a| stored_name(version, item.file.is_some(), &a.name, &a.media_type))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `yes` for a private message or e-mail, whose `published_*` columns then hold when it was
/// sent (the report says « Date d'envoi » / "Sent"); `no` for a public post; empty for a file
/// the user added.
fn private_message(item: &ItemView) -> String {
    match &item.capture {
        Some(_) if item.label.private => "yes".to_owned(),
        Some(_) => "no".to_owned(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn every_formula_start_is_shown_not_run() {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            let cell = format!("{start}HYPERLINK(\"http://evil\")");
            assert_eq!(inert(&cell), format!("'{cell}"), "{start:?}");
        }
        for plain in [
            "",
            "dégage",
            "'=déjà",
            " =1",
            "https://x.com/a",
            "2026-11-28T12:00:00Z",
        ] {
            assert_eq!(inert(plain), plain);
        }
    }
}

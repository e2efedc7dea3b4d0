//! A case as people read it: the journal folded into its captures and added files, each with
//! its current categories, its notes and whether it was deleted. The report, the journal page
//! and `temoin inspect` all read this one view.
//!
//! The fold is one step per entry (`RowChange::of` and `ItemView::apply`), so that the same
//! steps can also run one entry at a time: the extension keeps each item's row in IndexedDB,
//! updated in the transaction that appends the entry, and the journal page shows the newest
//! rows without reading the whole journal. `CaseView::build` is those steps over every entry.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::journal::{parse_event, Entry};
use crate::model::{Artifact, Capture, CaseDetails, Category, EventBody, FileAdded, Item, Post};
use crate::platforms::{is_private_address, platform};
use crate::time::parse_instant;
use crate::when::utc_text;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CaseView {
    pub case_id: String,
    /// The latest case details, if any were recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<CaseDetails>,
    /// Captures and added files, in journal order.
    pub items: Vec<ItemView>,
    /// Every entry that is not a capture or an added file, in journal order.
    pub annotations: Vec<AnnotationView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ItemView {
    pub seq: u32,
    pub hash: String,
    /// When the entry was appended.
    pub at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capture: Option<Capture>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<FileAdded>,
    pub categories: Vec<Category>,
    pub notes: Vec<NoteView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<DeletionView>,
    /// How every document and page names this item.
    pub label: ItemLabel,
}

/// The values people read about an item, computed once here so that the report, the letters,
/// the CLI and the journal page say the same thing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ItemLabel {
    /// The platform's id (`x`, `instagram`), from the post or else the page's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// The platform as people write it ("X", "Reddit"), or the site's host name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform_name: Option<String>,
    /// The author as the page names them: `Name (@handle)`, `@handle`, `Name <a@b.fr>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// A private message or e-mail rather than something anyone could see.
    pub private: bool,
    /// For a capture of several items (a conversation, a selection of posts): how many, by
    /// how many authors, and how they were gathered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<ItemsSummary>,
}

/// What a capture of several items holds, as its row and documents sum it up:
/// « Conversation avec X — 42 messages », « 60 réponses de 25 comptes ».
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ItemsSummary {
    /// `conversation` or `selection`.
    pub mode: String,
    /// `loaded`, `since`, `ticked`, `replies` or `author` (see `model::Collection`).
    pub scope: String,
    /// How many items.
    pub count: u32,
    /// How many different authors the items name (an item with no author counts for none).
    pub authors: u32,
    /// The conversation's name as the page showed it, or else its only author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with: Option<String>,
    /// The authors the items name, as documents name them, sorted (the journal page filters
    /// on them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NoteView {
    pub seq: u32,
    pub at: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DeletionView {
    pub seq: u32,
    pub at: String,
    pub reason: String,
    pub removed: Vec<Artifact>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AnnotationView {
    pub seq: u32,
    pub hash: String,
    pub at: String,
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<u32>,
    /// A one-line summary: the note, the categories, the reason, the new title.
    pub summary: String,
}

impl ItemView {
    /// The most useful time to order the chronology by, UTC RFC 3339: the post's publication
    /// time when it could be read, otherwise when it was captured or added.
    /// A capture of several items takes its earliest item's, or, none being dated, its
    /// capture's: never its right-clicked post's (in a selection, the one the replies sit under).
    pub fn sort_time(&self) -> String {
        let post = self
            .capture
            .as_ref()
            .filter(|c| c.collection.is_none())
            .and_then(|c| c.post.as_ref());
        let first_item = self.capture.as_ref().and_then(|c| {
            c.items
                .iter()
                .filter_map(|i| i.post.publication())
                .map(|p| p.at)
                .min()
        });
        first_item
            .or_else(|| post.and_then(|p| p.publication()).map(|p| p.at))
            .or_else(|| {
                self.capture
                    .as_ref()
                    .and_then(|c| parse_instant(&c.captured_at))
            })
            .or_else(|| parse_instant(&self.at))
            .map_or_else(|| self.at.clone(), utc_text)
    }

    /// The items of a capture of several, with their authors as documents name them; empty
    /// for any other item.
    pub fn parts(&self) -> Vec<Part<'_>> {
        let Some(c) = &self.capture else {
            return Vec::new();
        };
        let platform = self.label.platform.as_deref();
        c.items
            .iter()
            .map(|item| Part {
                item,
                author: author_label(&item.post, item.post.platform.as_deref().or(platform)),
            })
            .collect()
    }

    pub fn artifacts(&self) -> &[Artifact] {
        match (&self.capture, &self.file) {
            (Some(c), _) => &c.artifacts,
            (_, Some(f)) => &f.artifacts,
            _ => &[],
        }
    }
}

/// One item of a capture of several, and its author as documents name them.
#[derive(Debug, Clone)]
pub struct Part<'a> {
    pub item: &'a Item,
    pub author: Option<String>,
}

/// What one entry changes among a case's items, the first step of the fold.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RowChange {
    /// A capture or an added file: its new row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemView>,
    /// A note, categories or a deletion: the entry whose row `ItemView::apply` changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<u32>,
    /// New case details, which replace the earlier ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<CaseDetails>,
}

impl RowChange {
    /// The change `entry` makes; an entry that does not parse is an error here (the journal
    /// page's rows are only ever built from entries just sealed or already verified).
    pub fn of(entry: &Entry) -> Result<RowChange> {
        let event = parse_event(&entry.json)?;
        let mut change = RowChange {
            item: None,
            target: None,
            details: None,
        };
        match event.body {
            EventBody::Capture(c) => change.item = Some(item(entry, &event.at, Some(c), None)),
            EventBody::FileAdded(f) => change.item = Some(item(entry, &event.at, None, Some(f))),
            EventBody::CaseDetails(d) => change.details = Some(d),
            EventBody::Note(_) | EventBody::Categories(_) | EventBody::Deletion(_) => {
                change.target = event.body.target();
            }
            EventBody::StepDone(_) | EventBody::Timestamp(_) | EventBody::Export(_) => {}
        }
        Ok(change)
    }
}

impl ItemView {
    /// Applies a later note, categories or deletion about this item (`entry` is its entry).
    /// Anything else, or an entry about another item, changes nothing.
    pub fn apply(&mut self, entry: &Entry) -> Result<()> {
        let event = parse_event(&entry.json)?;
        self.apply_body(entry.seq, &event.at, &event.body);
        Ok(())
    }

    fn apply_body(&mut self, seq: u32, at: &str, body: &EventBody) {
        if body.target() != Some(self.seq) {
            return;
        }
        match body {
            EventBody::Note(n) => self.notes.push(NoteView {
                seq,
                at: at.to_owned(),
                text: n.text.clone(),
            }),
            EventBody::Categories(c) => self.categories = c.categories.clone(),
            EventBody::Deletion(d) => {
                self.deleted = Some(DeletionView {
                    seq,
                    at: at.to_owned(),
                    reason: d.reason.clone(),
                    removed: d.removed.clone(),
                });
            }
            _ => {}
        }
    }
}

impl CaseView {
    /// Folds the entries; an entry that does not parse is skipped (verification reports it).
    pub fn build(case_id: &str, entries: &[Entry]) -> CaseView {
        let mut view = CaseView {
            case_id: case_id.to_owned(),
            details: None,
            items: Vec::new(),
            annotations: Vec::new(),
        };
        for entry in entries {
            let Ok(event) = parse_event(&entry.json) else {
                continue;
            };
            let kind = event.body.kind();
            let target = event.body.target();
            if let Some(t) = target {
                if let Some(i) = view.item_mut(t) {
                    i.apply_body(entry.seq, &event.at, &event.body);
                }
            }
            let summary = match &event.body {
                EventBody::Capture(c) => {
                    view.items
                        .push(item(entry, &event.at, Some(c.clone()), None));
                    continue;
                }
                EventBody::FileAdded(f) => {
                    view.items
                        .push(item(entry, &event.at, None, Some(f.clone())));
                    continue;
                }
                EventBody::CaseDetails(d) => {
                    view.details = Some(d.clone());
                    d.title.clone()
                }
                EventBody::Note(n) => n.text.clone(),
                EventBody::Categories(c) => c
                    .categories
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                EventBody::Deletion(d) => d.reason.clone(),
                EventBody::StepDone(s) => format!("{} {} {}", s.date, s.action, s.note)
                    .trim_end()
                    .to_owned(),
                EventBody::Timestamp(t) => format!("{} → {}", t.entry, t.authority),
                EventBody::Export(x) => x
                    .documents
                    .iter()
                    .map(|d| d.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            view.annotations.push(AnnotationView {
                seq: entry.seq,
                hash: entry.hash.clone(),
                at: event.at,
                kind,
                target,
                summary,
            });
        }
        view
    }

    pub fn item(&self, seq: u32) -> Option<&ItemView> {
        self.items.iter().find(|i| i.seq == seq)
    }

    fn item_mut(&mut self, seq: u32) -> Option<&mut ItemView> {
        self.items.iter_mut().find(|i| i.seq == seq)
    }

    /// Items ordered for a chronology: by publication (or capture) time, then number.
    pub fn chronology(&self) -> Vec<&ItemView> {
        let mut items: Vec<&ItemView> = self.items.iter().collect();
        items.sort_by_cached_key(|i| (i.sort_time(), i.seq));
        items
    }

    /// The guide's steps marked done: (step, action id, date, entry).
    pub fn done_steps(&self, entries: &[Entry]) -> Vec<crate::model::StepDone> {
        entries
            .iter()
            .filter_map(|e| match parse_event(&e.json).ok()?.body {
                EventBody::StepDone(s) => Some(s),
                _ => None,
            })
            .collect()
    }

    /// The person targeted, as the latest case details name them.
    pub fn person(&self) -> Option<&str> {
        self.details
            .as_ref()
            .map(|d| d.person.as_str())
            .filter(|p| !p.is_empty())
    }

    /// Whether the person targeted is a minor, per the latest case details.
    pub fn minor(&self) -> bool {
        self.details.as_ref().is_some_and(|d| d.minor)
    }
}

fn item(entry: &Entry, at: &str, capture: Option<Capture>, file: Option<FileAdded>) -> ItemView {
    let label = capture.as_ref().map(label_of).unwrap_or_default();
    ItemView {
        label,
        seq: entry.seq,
        hash: entry.hash.clone(),
        at: at.to_owned(),
        capture,
        file,
        categories: Vec::new(),
        notes: Vec::new(),
        deleted: None,
    }
}

/// The platform's id, the name people use for it and the author of a capture.
pub fn label_of(capture: &Capture) -> ItemLabel {
    let post = capture.post.as_ref();
    let id = post
        .and_then(|p| p.platform.clone())
        .or_else(|| capture.page.platform.clone());
    let platform_name = id
        .as_deref()
        .map(|id| platform(id).map_or_else(|| id.to_owned(), |p| p.name.to_owned()))
        .or_else(|| host_name(&capture.page.url));
    let items = capture.collection.as_ref().map(|c| {
        let authors: std::collections::BTreeSet<String> = capture
            .items
            .iter()
            .filter_map(|i| author_label(&i.post, i.post.platform.as_deref().or(id.as_deref())))
            .collect();
        let only = (authors.len() == 1)
            .then(|| authors.iter().next().cloned())
            .flatten();
        ItemsSummary {
            mode: c.mode.clone(),
            scope: c.scope.clone(),
            count: u32::try_from(capture.items.len()).unwrap_or(u32::MAX),
            authors: u32::try_from(authors.len()).unwrap_or(u32::MAX),
            with: c
                .title
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .or(only),
            names: authors.iter().cloned().collect(),
        }
    });
    // A capture of several items by one author names that author, as a capture of one post.
    let only_author = items.as_ref().filter(|s| s.authors == 1).and_then(|_| {
        capture
            .items
            .iter()
            .find_map(|i| author_label(&i.post, i.post.platform.as_deref().or(id.as_deref())))
    });
    // A capture of several items is named by its items, never by the right-clicked post: in
    // a selection that post is the anchor the replies sit under (often the victim's own), in
    // a conversation it is one message among both sides'.
    let author = if capture.collection.is_some() {
        only_author
    } else {
        post.and_then(|p| author_label(p, id.as_deref()))
    };
    ItemLabel {
        author,
        private: is_private(capture),
        platform: id,
        platform_name,
        items,
    }
}

/// A private message or e-mail: the page says so (`kind`), or the address is a conversation
/// or a mail or messaging service (where what is unknown is taken as private: PHAROS and the
/// platforms' public-content forms are not for it).
pub fn is_private(capture: &Capture) -> bool {
    let kind = capture
        .post
        .as_ref()
        .and_then(|p| p.kind.as_deref())
        .or_else(|| capture.items.iter().find_map(|i| i.post.kind.as_deref()));
    match kind {
        Some("message" | "email") => true,
        Some(_) => false,
        None => {
            is_private_address(&capture.page.url)
                || capture
                    .post
                    .as_ref()
                    .and_then(|p| p.permalink.as_deref())
                    .is_some_and(is_private_address)
        }
    }
}

/// The author as the page names them. A handle gets its `@` unless it already has one or is
/// an e-mail address (shown between angle brackets).
pub fn author_label(post: &Post, platform_id: Option<&str>) -> Option<String> {
    let mail =
        matches!(platform_id, Some("gmail" | "outlook")) || post.kind.as_deref() == Some("email");
    let handle = post
        .author_handle
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .map(|h| {
            if mail && h.contains('@') {
                format!("<{}>", h.trim_start_matches('@'))
            } else if h.starts_with('@') || (h.contains('@') && platform_id != Some("mastodon")) {
                // Already written with its `@`, or an address-like handle: kept as written.
                h.to_owned()
            } else {
                format!("@{h}")
            }
        });
    let name = post
        .author_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    match (name, handle) {
        (Some(n), Some(h)) if mail => Some(format!("{n} {h}")),
        (Some(n), Some(h)) => Some(format!("{n} ({h})")),
        (Some(n), None) => Some(n.to_owned()),
        (None, Some(h)) => Some(h),
        (None, None) => None,
    }
}

/// `www.example.org` of `https://www.example.org/a`, for sites no platform claims.
fn host_name(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(name: Option<&str>, handle: Option<&str>) -> Post {
        Post {
            author_name: name.map(str::to_owned),
            author_handle: handle.map(str::to_owned),
            ..Post::default()
        }
    }

    #[test]
    fn authors_are_named_as_the_page_names_them() {
        let a = |n, h, p| author_label(&post(n, h), p);
        assert_eq!(
            a(Some("Le Corbeau"), Some("corbeau_noir"), Some("x")).as_deref(),
            Some("Le Corbeau (@corbeau_noir)")
        );
        assert_eq!(a(None, Some("@pie"), Some("x")).as_deref(), Some("@pie"));
        assert_eq!(
            a(Some("Max"), Some("max@example.fr"), Some("gmail")).as_deref(),
            Some("Max <max@example.fr>")
        );
        assert_eq!(
            a(None, Some("max@example.fr"), Some("outlook")).as_deref(),
            Some("<max@example.fr>")
        );
        assert_eq!(
            a(None, Some("troll@mastodon.social"), Some("mastodon")).as_deref(),
            Some("@troll@mastodon.social")
        );
        assert_eq!(a(Some("Léa"), None, None).as_deref(), Some("Léa"));
        assert_eq!(a(Some("  "), Some(""), None), None);
    }

    #[test]
    fn a_capture_of_several_items_is_counted_by_item_and_author() {
        use crate::model::{Collection, Item};
        let item = |n: u32, handle: Option<&str>| Item {
            n,
            post: post(None, handle),
            crop: None,
        };
        let mut c = Capture {
            page: crate::model::Page {
                url: "https://x.com/sam/status/1".into(),
                title: "t".into(),
                platform: Some("x".into()),
                ..Default::default()
            },
            collection: Some(Collection {
                mode: "selection".into(),
                scope: "replies".into(),
                ..Collection::default()
            }),
            items: vec![
                item(1, Some("corbeau")),
                item(2, Some("pie")),
                item(3, Some("@corbeau")),
                item(4, None),
            ],
            ..Default::default()
        };
        let l = label_of(&c);
        let s = l.items.unwrap();
        assert_eq!(
            (s.count, s.authors),
            (4, 2),
            "@corbeau and corbeau are one account"
        );
        assert_eq!(s.with, None);
        assert_eq!(
            l.author, None,
            "several authors: no one author for the capture"
        );
        c.items.truncate(1);
        let l = label_of(&c);
        assert_eq!(l.author.as_deref(), Some("@corbeau"));
        assert_eq!(l.items.unwrap().with.as_deref(), Some("@corbeau"));
        let rows = ItemView {
            seq: 2,
            hash: String::new(),
            at: String::new(),
            label: label_of(&c),
            capture: Some(c),
            file: None,
            categories: vec![],
            notes: vec![],
            deleted: None,
        };
        let parts = rows.parts();
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].author.as_deref(), Some("@corbeau"));
        assert!(label_of(&Capture::default()).items.is_none());
    }

    #[test]
    fn the_anchor_of_a_selection_is_never_the_captures_author() {
        use crate::model::{Collection, Item};
        let item = |n: u32, handle: &str| Item {
            n,
            post: post(None, Some(handle)),
            crop: None,
        };
        let mut c = Capture {
            page: crate::model::Page {
                url: "https://x.com/lea_m/status/1".into(),
                title: "t".into(),
                platform: Some("x".into()),
                ..Default::default()
            },
            // The right-clicked post: the victim's own, under which the replies are.
            post: Some(post(Some("Léa M."), Some("lea_m"))),
            collection: Some(Collection {
                mode: "selection".into(),
                scope: "replies".into(),
                ..Collection::default()
            }),
            items: vec![item(1, "corbeau"), item(2, "pie")],
            ..Default::default()
        };
        assert_eq!(label_of(&c).author, None, "two authors in the items: none");
        c.items.truncate(1);
        assert_eq!(label_of(&c).author.as_deref(), Some("@corbeau"));
        // A conversation: the right-clicked message is one among both sides'.
        c.collection.as_mut().unwrap().mode = "conversation".into();
        c.items.push(item(2, "lea_m"));
        assert_eq!(label_of(&c).author, None);
        // Without a collection, the post names the author as before.
        c.collection = None;
        c.items.clear();
        assert_eq!(label_of(&c).author.as_deref(), Some("Léa M. (@lea_m)"));
    }

    #[test]
    fn the_platform_comes_from_the_address_when_no_post_was_read() {
        let mut c = Capture {
            page: crate::model::Page {
                url: "https://mail.google.com/mail/u/0/#inbox/abc".into(),
                title: "Boîte de réception".into(),
                platform: Some("gmail".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        let l = label_of(&c);
        assert_eq!(l.platform_name.as_deref(), Some("Gmail"));
        assert!(l.private, "unknown on a mail service means private");
        c.page = crate::model::Page {
            url: "https://forum.example.org/t/42".into(),
            title: "t".into(),
            ..Default::default()
        };
        let l = label_of(&c);
        assert_eq!(l.platform_name.as_deref(), Some("forum.example.org"));
        assert!(!l.private);
    }
}

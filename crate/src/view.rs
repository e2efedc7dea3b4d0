//! A case as people read it: the journal folded into its captures and added files, each with
//! its current categories, its notes and whether it was deleted. The report, the journal page
//! and `temoin inspect` all read this one view.

use serde::Serialize;

use crate::journal::{parse_event, Entry};
use crate::model::{Artifact, Capture, CaseDetails, Category, EventBody, FileAdded};

#[derive(Debug, Clone, Serialize)]
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

#[derive(Debug, Clone, Serialize)]
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
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NoteView {
    pub seq: u32,
    pub at: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeletionView {
    pub seq: u32,
    pub at: String,
    pub reason: String,
    pub removed: Vec<Artifact>,
}

#[derive(Debug, Clone, Serialize)]
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
    /// The most useful time to order the chronology by: the post's publication time when the
    /// page gave one, otherwise when it was captured or added.
    pub fn sort_time(&self) -> &str {
        self.capture
            .as_ref()
            .and_then(|c| c.post.as_ref().and_then(|p| p.published_at.as_deref()))
            .or_else(|| self.capture.as_ref().map(|c| c.captured_at.as_str()))
            .unwrap_or(&self.at)
    }

    pub fn artifacts(&self) -> &[Artifact] {
        match (&self.capture, &self.file) {
            (Some(c), _) => &c.artifacts,
            (_, Some(f)) => &f.artifacts,
            _ => &[],
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
                EventBody::Note(n) => {
                    if let Some(i) = view.item_mut(n.entry) {
                        i.notes.push(NoteView {
                            seq: entry.seq,
                            at: event.at.clone(),
                            text: n.text.clone(),
                        });
                    }
                    n.text.clone()
                }
                EventBody::Categories(c) => {
                    if let Some(i) = view.item_mut(c.entry) {
                        i.categories = c.categories.clone();
                    }
                    c.categories
                        .iter()
                        .map(|c| c.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                }
                EventBody::Deletion(d) => {
                    if let Some(i) = view.item_mut(d.entry) {
                        i.deleted = Some(DeletionView {
                            seq: entry.seq,
                            at: event.at.clone(),
                            reason: d.reason.clone(),
                            removed: d.removed.clone(),
                        });
                    }
                    d.reason.clone()
                }
                EventBody::StepDone(s) => format!("{} {} {}", s.date, s.action, s.note)
                    .trim_end()
                    .to_owned(),
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
        items.sort_by(|a, b| a.sort_time().cmp(b.sort_time()).then(a.seq.cmp(&b.seq)));
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
    ItemView {
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

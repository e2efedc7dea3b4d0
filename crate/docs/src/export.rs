//! Writing a bundle as a stream: artifacts go out one at a time as the caller reads them
//! from storage, so an export never holds the whole bundle, let alone twice.
//!
//! The flow (docs/bundle-format.md, "The export entry"): the artifacts of entries 1..n-1, then
//! `seal_body()` writes the documents people read (report, spreadsheet, instructions) and
//! returns the `export` event that vouches for them; the caller appends it to the journal as
//! entry n, and `finish(entry n)` writes the journal, the head, the manifest and the sums.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use temoin_core::bundle::container::{ContainerWriter, DosTime};
use temoin_core::bundle::files::{expected_files, sums_text};
use temoin_core::bundle::verify::may_follow_seal;
use temoin_core::bundle::{
    artifact_path, stored_path, timestamp_files, Manifest, CHAIN_HEAD, FORMAT, FORMAT_VERSION,
    JOURNAL, JOURNAL_CSV, LISEZMOI, MANIFEST, README, REPORT, SUMS,
};
use temoin_core::digest::sha256_hex;
use temoin_core::error::{Error, ErrorCode, Result};
use temoin_core::journal::{parse_event, Entry, Head};
use temoin_core::lang::Lang;
use temoin_core::model::{Document, EventBody, Export, Withheld, EXPORT_DOCUMENTS};
use temoin_core::time::check_utc_timestamp;
use temoin_core::view::CaseView;

use crate::report;

/// The reason code of files left out because they may show a minor's intimate image.
pub const MINOR_IMAGE_REASON: &str = "minor-intimate-image";

pub struct ExportInfo {
    pub case_id: String,
    /// The case's name when its journal records no details (the report falls back to it).
    pub case_title: Option<String>,
    /// When the export started, UTC, RFC 3339: the date of every file in the ZIP. The bundle's
    /// `exportedAt` is the time of the export entry, known only once it is sealed.
    pub started_at: String,
    pub generator: String,
    pub language: Lang,
}

/// What the caller still has to supply: one artifact of one entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Wanted {
    pub seq: u32,
    pub name: String,
    pub path: String,
}

struct WantedArtifact {
    path: String,
    /// Images are already compressed; deflating them again costs time for nothing.
    compress: bool,
}

pub struct BundleWriter<W: Write> {
    zip: ContainerWriter<W>,
    info: ExportInfo,
    entries: Vec<Entry>,
    view: CaseView,
    /// (entry, name) -> where it goes, for artifacts the journal still holds.
    wanted: BTreeMap<(u32, String), WantedArtifact>,
    withheld: Vec<Withheld>,
    /// path -> SHA-256, for every file written so far.
    written: BTreeMap<String, String>,
    /// The plain paths of the artifacts written, as the report links them.
    present: BTreeSet<String>,
    /// The body returned by `seal_body`, which `finish` expects sealed.
    seal: Option<EventBody>,
}

fn failed(message: impl Into<String>) -> Error {
    Error::new(ErrorCode::ExportFailed, message)
}

impl<W: Write> BundleWriter<W> {
    /// Starts a bundle of `entries` (the whole journal of one case, in order, before the export
    /// entry that will seal it).
    pub fn new(out: W, info: ExportInfo, entries: Vec<Entry>) -> Result<Self> {
        let t = check_utc_timestamp(&info.started_at)?;
        let when = DosTime::new(
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
        );
        for (i, e) in entries.iter().enumerate() {
            if usize::try_from(e.seq).ok() != Some(i + 1) {
                return Err(failed(format!(
                    "the journal is not in order at entry {}",
                    e.seq
                )));
            }
        }
        let view = CaseView::build(&info.case_id, &entries);
        let mut wanted = BTreeMap::new();
        for item in view.items.iter().filter(|i| i.deleted.is_none()) {
            let added = item.file.is_some();
            for a in item.artifacts() {
                let compress = !(a.name.ends_with(".png")
                    || a.name.ends_with(".jpg")
                    || a.name.ends_with(".jpeg"));
                wanted.insert(
                    (item.seq, a.name.clone()),
                    WantedArtifact {
                        path: stored_path(FORMAT_VERSION, added, item.seq, &a.name, &a.media_type),
                        compress,
                    },
                );
            }
        }
        Ok(BundleWriter {
            zip: ContainerWriter::new(out, when),
            info,
            entries,
            view,
            wanted,
            withheld: Vec::new(),
            written: BTreeMap::new(),
            present: BTreeSet::new(),
            seal: None,
        })
    }

    /// The artifacts not yet supplied, in journal order.
    pub fn wanted(&self) -> Vec<Wanted> {
        self.wanted
            .iter()
            .filter(|(_, w)| !self.written.contains_key(&w.path))
            .map(|((seq, name), w)| Wanted {
                seq: *seq,
                name: name.clone(),
                path: w.path.clone(),
            })
            .collect()
    }

    /// Leaves an artifact out of this bundle on purpose; the export entry says so, with `reason`.
    pub fn withhold(&mut self, seq: u32, name: &str, reason: &str) -> Result<()> {
        if self.seal.is_some() {
            return Err(failed("the documents are already written"));
        }
        let key = (seq, name.to_owned());
        match self.wanted.get(&key) {
            None => {
                return Err(failed(format!(
                    "entry {seq} holds no artifact '{name}' to withhold"
                )))
            }
            Some(w) if self.written.contains_key(&w.path) => {
                return Err(failed(format!("'{}' was already written", w.path)))
            }
            Some(_) => {}
        }
        if !temoin_core::model::is_reason_code(reason) {
            return Err(failed(format!(
                "'{reason}' is not a reason code (a-z 0-9 -)"
            )));
        }
        self.wanted.remove(&key);
        self.withheld.push(Withheld {
            entry: seq,
            name: name.to_owned(),
            reason: reason.to_owned(),
        });
        Ok(())
    }

    /// Leaves out every file of the captures marked as intimate images in a minor's case: such
    /// an image must not be kept or passed on (art. 227-23 code pénal), so a bundle holds only
    /// their records and digests unless the user chose to include them for investigators.
    /// Returns how many files were left out.
    pub fn withhold_minor_images(&mut self) -> Result<usize> {
        if !self.view.minor() {
            return Ok(0);
        }
        let files: Vec<(u32, String)> = self
            .view
            .items
            .iter()
            .filter(|i| {
                i.deleted.is_none()
                    && i.categories
                        .contains(&temoin_core::model::Category::IntimateImages)
            })
            .flat_map(|i| i.artifacts().iter().map(move |a| (i.seq, a.name.clone())))
            .filter(|key| self.wanted.contains_key(key))
            .collect();
        for (seq, name) in &files {
            self.withhold(*seq, name, MINOR_IMAGE_REASON)?;
        }
        Ok(files.len())
    }

    /// Writes one artifact's bytes exactly as stored. Its digest is not checked against the
    /// journal here: the bundle carries what is stored, and verification says if it differs.
    pub fn add_artifact(&mut self, seq: u32, name: &str, bytes: &[u8]) -> Result<()> {
        if self.seal.is_some() {
            return Err(failed("the documents are already written"));
        }
        let Some(w) = self.wanted.get(&(seq, name.to_owned())) else {
            return Err(failed(format!("entry {seq} holds no artifact '{name}'")));
        };
        if self.written.contains_key(&w.path) {
            return Err(failed(format!("'{}' was already written", w.path)));
        }
        let (path, compress) = (w.path.clone(), w.compress);
        self.put(&path, bytes, compress)?;
        let added = self.view.item(seq).is_some_and(|i| i.file.is_some());
        self.present.insert(artifact_path(added, seq, name));
        Ok(())
    }

    fn put(&mut self, path: &str, bytes: &[u8], compress: bool) -> Result<()> {
        self.zip
            .add(path, bytes, compress)
            .map_err(|e| failed(format!("writing '{path}': {e}")))?;
        self.written.insert(path.to_owned(), sha256_hex(bytes));
        Ok(())
    }

    /// Writes the documents people read, built from entries 1..n-1, and returns the body of
    /// the `export` event that vouches for them: the caller seals it as entry n.
    pub fn seal_body(&mut self) -> Result<EventBody> {
        if let Some(body) = &self.seal {
            return Ok(body.clone());
        }
        let covered = self.entries.last().map_or_else(Head::genesis, Entry::head);
        let sealed_by = covered.seq.saturating_add(1);
        // What the report shows on its cover: the entries it covers. The control code is the
        // hash of the entry that seals it, which no document can hold.
        let manifest = Manifest {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            case_id: self.info.case_id.clone(),
            exported_at: self.info.started_at.clone(),
            generator: self.info.generator.clone(),
            language: self.info.language.tag().into(),
            head: covered,
            entries: u32::try_from(self.entries.len()).unwrap_or(u32::MAX),
        };
        let html = report::html::render(&report::html::ReportInput {
            view: &self.view,
            manifest: &manifest,
            fallback_title: self.info.case_title.as_deref(),
            present: &self.present,
            lang: self.info.language,
        });
        let csv = report::csv::render(&self.view, FORMAT_VERSION)?;
        let title = report::case_title(
            &self.view,
            self.info.case_title.as_deref(),
            &self.info.case_id,
        );
        let text = report::text::TextInput {
            case_title: &title,
            generator: &self.info.generator,
            started_at: &self.info.started_at,
            sealed_by,
        };
        let documents: [(&str, &str, Vec<u8>); 4] = [
            (REPORT, "text/html;charset=utf-8", html.into_bytes()),
            (JOURNAL_CSV, "text/csv;charset=utf-8", csv),
            (
                LISEZMOI,
                "text/plain;charset=utf-8",
                report::text::lisezmoi(&text).into_bytes(),
            ),
            (
                README,
                "text/plain;charset=utf-8",
                report::text::readme(&text).into_bytes(),
            ),
        ];
        let mut listed = Vec::with_capacity(documents.len());
        for (name, media_type, bytes) in documents {
            self.put(name, &bytes, true)?;
            listed.push(Document {
                name: name.into(),
                media_type: media_type.into(),
                size: u32::try_from(bytes.len())
                    .map_err(|_| failed(format!("{name} is larger than 4 GiB")))?,
                sha256: sha256_hex(&bytes),
            });
        }
        debug_assert!(listed.iter().map(|d| d.name.as_str()).eq(EXPORT_DOCUMENTS));
        let body = EventBody::Export(Export {
            generator: self.info.generator.clone(),
            language: self.info.language.tag().into(),
            documents: listed,
            withheld: self.withheld.clone(),
        });
        body.validate()?;
        self.seal = Some(body.clone());
        Ok(body)
    }

    /// Writes the journal (entries 1..n, `sealed` being entry n, the body `seal_body` returned,
    /// then `after`: time stamps of it that came back in time), the time stamps' files, the head,
    /// the manifest and the sums, and closes the ZIP.
    pub fn finish(mut self, sealed: Entry, after: Vec<Entry>) -> Result<(W, Head)> {
        let Some(body) = self.seal.take() else {
            return Err(failed(
                "the documents were not written: call seal_body first",
            ));
        };
        let previous = self.entries.last().map_or_else(Head::genesis, Entry::head);
        let event = parse_event(&sealed.json)?;
        if sealed.seq != previous.seq + 1
            || event.seq != sealed.seq
            || event.prev != previous.hash
            || event.case_id != self.info.case_id
            || event.body != body
            || sha256_hex(sealed.json.as_bytes()) != sealed.hash
        {
            return Err(failed(format!(
                "entry {} is not the export entry this bundle asked for",
                sealed.seq
            )));
        }
        self.entries.push(sealed);
        // Time stamps of the export entry that came back before the bundle was closed.
        for e in after {
            let head = self.entries.last().map_or_else(Head::genesis, Entry::head);
            let event = parse_event(&e.json)?;
            if e.seq != head.seq + 1
                || event.seq != e.seq
                || event.prev != head.hash
                || event.case_id != self.info.case_id
                || !may_follow_seal(event.body.kind())
                || sha256_hex(e.json.as_bytes()) != e.hash
            {
                return Err(failed(format!(
                    "entry {} may not follow the export entry",
                    e.seq
                )));
            }
            self.entries.push(e);
        }
        for (path, bytes) in timestamp_files(&self.entries) {
            self.put(&path, &bytes, false)?;
        }
        let head = self.entries.last().map_or_else(Head::genesis, Entry::head);
        let (journal, chain_head, manifest) = expected_files(
            FORMAT_VERSION,
            &self.info.case_id,
            &self.entries,
            &event.at,
            &self.info.generator,
            self.info.language.tag(),
        )?;
        self.put(JOURNAL, journal.as_bytes(), true)?;
        self.put(CHAIN_HEAD, chain_head.as_bytes(), true)?;
        self.put(MANIFEST, manifest.as_bytes(), true)?;
        let sums = sums_text(self.written.iter().map(|(p, h)| (p.as_str(), h.as_str())));
        self.put(SUMS, sums.as_bytes(), true)?;
        let out = self
            .zip
            .finish()
            .map_err(|e| failed(format!("closing the ZIP: {e}")))?;
        Ok((out, head))
    }
}

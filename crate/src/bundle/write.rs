//! Writing a bundle as a stream: artifacts go out one at a time as the caller reads them
//! from storage, so an export never holds the whole bundle, let alone twice. The journal,
//! the report and the sums are written last, from what was actually written.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use zip::write::{SimpleFileOptions, StreamWriter};
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::canonical::to_canonical_string;
use crate::digest::sha256_hex;
use crate::error::{Error, ErrorCode, Result};
use crate::journal::{parse_event, Entry, Head};
use crate::report::{self, Lang};
use crate::time::check_utc_timestamp;
use crate::view::CaseView;

use super::{
    artifact_path, JournalElement, JournalFile, Manifest, CHAIN_HEAD, FORMAT, FORMAT_VERSION,
    JOURNAL, JOURNAL_CSV, LISEZMOI, MANIFEST, README, REPORT, SUMS,
};

pub struct ExportInfo {
    pub case_id: String,
    /// The case's name when its journal records no details (the report falls back to it).
    pub case_title: Option<String>,
    /// UTC, RFC 3339; also the date of every file in the ZIP.
    pub exported_at: String,
    pub generator: String,
    pub language: Lang,
}

/// What the caller still has to supply: one artifact of one entry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Wanted {
    pub seq: u32,
    pub name: String,
    pub path: String,
}

pub struct BundleWriter<W: Write> {
    zip: ZipWriter<StreamWriter<W>>,
    info: ExportInfo,
    entries: Vec<Entry>,
    view: CaseView,
    /// (entry, name) -> path, for artifacts the journal still holds and the bundle should carry.
    wanted: BTreeMap<(u32, String), String>,
    /// path -> SHA-256, for every file written so far.
    written: BTreeMap<String, String>,
    modified: DateTime,
}

impl<W: Write> BundleWriter<W> {
    /// Starts a bundle of `entries` (the whole journal of one case, in order).
    pub fn new(out: W, info: ExportInfo, entries: Vec<Entry>) -> Result<Self> {
        let t = check_utc_timestamp(&info.exported_at)?;
        let modified = DateTime::from_date_and_time(
            u16::try_from(t.year()).unwrap_or(1980),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
        )
        .unwrap_or_default();
        for (i, e) in entries.iter().enumerate() {
            if usize::try_from(e.seq).ok() != Some(i + 1) {
                return Err(Error::new(
                    ErrorCode::ExportFailed,
                    format!("the journal is not in order at entry {}", e.seq),
                ));
            }
        }
        let view = CaseView::build(&info.case_id, &entries);
        let mut wanted = BTreeMap::new();
        for item in view.items.iter().filter(|i| i.deleted.is_none()) {
            for a in item.artifacts() {
                wanted.insert(
                    (item.seq, a.name.clone()),
                    artifact_path(item.file.is_some(), item.seq, &a.name),
                );
            }
        }
        Ok(BundleWriter {
            zip: ZipWriter::new_stream(out),
            info,
            entries,
            view,
            wanted,
            written: BTreeMap::new(),
            modified,
        })
    }

    /// The artifacts not yet supplied, in journal order.
    pub fn wanted(&self) -> Vec<Wanted> {
        self.wanted
            .iter()
            .filter(|(_, path)| !self.written.contains_key(*path))
            .map(|((seq, name), path)| Wanted {
                seq: *seq,
                name: name.clone(),
                path: path.clone(),
            })
            .collect()
    }

    /// Writes one artifact's bytes exactly as stored. Its digest is not checked against the
    /// journal here: the bundle carries what is stored, and verification says if it differs.
    pub fn add_artifact(&mut self, seq: u32, name: &str, bytes: &[u8]) -> Result<()> {
        let path = self
            .wanted
            .get(&(seq, name.to_owned()))
            .cloned()
            .ok_or_else(|| {
                Error::new(
                    ErrorCode::ExportFailed,
                    format!("entry {seq} holds no artifact '{name}'"),
                )
            })?;
        if self.written.contains_key(&path) {
            return Err(Error::new(
                ErrorCode::ExportFailed,
                format!("'{path}' was already written"),
            ));
        }
        // Images are already compressed; deflating them again costs time for nothing.
        let compress =
            !name.ends_with(".png") && !name.ends_with(".jpg") && !name.ends_with(".jpeg");
        self.put(&path, bytes, compress)
    }

    fn put(&mut self, path: &str, bytes: &[u8], compress: bool) -> Result<()> {
        let method = if compress {
            CompressionMethod::Deflated
        } else {
            CompressionMethod::Stored
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(self.modified)
            .unix_permissions(0o644)
            .large_file(bytes.len() as u64 >= u64::from(u32::MAX));
        let fail = |e: &dyn std::fmt::Display| {
            Error::new(ErrorCode::ExportFailed, format!("writing '{path}': {e}"))
        };
        self.zip.start_file(path, options).map_err(|e| fail(&e))?;
        self.zip.write_all(bytes).map_err(|e| fail(&e))?;
        self.written.insert(path.to_owned(), sha256_hex(bytes));
        Ok(())
    }

    /// Writes the journal, the report, the instructions and the sums, and closes the ZIP.
    pub fn finish(mut self) -> Result<(W, Head)> {
        let head = self.entries.last().map_or_else(Head::genesis, Entry::head);
        let manifest = Manifest {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            case_id: self.info.case_id.clone(),
            exported_at: self.info.exported_at.clone(),
            generator: self.info.generator.clone(),
            language: self.info.language.tag().into(),
            head: head.clone(),
            entries: u32::try_from(self.entries.len()).unwrap_or(u32::MAX),
        };
        let journal = JournalFile {
            case_id: self.info.case_id.clone(),
            head: head.clone(),
            entries: self
                .entries
                .iter()
                .map(|e| {
                    // Events that no longer parse are carried as text so verification can name them.
                    let event = parse_event(&e.json)
                        .ok()
                        .and_then(|ev| serde_json::to_value(ev).ok())
                        .unwrap_or_else(|| serde_json::Value::String(e.json.clone()));
                    JournalElement {
                        seq: e.seq,
                        hash: e.hash.clone(),
                        event,
                    }
                })
                .collect(),
        };
        let present: BTreeSet<String> = self.written.keys().cloned().collect();
        let report = report::html::render(&report::html::ReportInput {
            view: &self.view,
            manifest: &manifest,
            fallback_title: self.info.case_title.as_deref(),
            present: &present,
            lang: self.info.language,
        });
        let csv = report::csv::render(&self.view)?;

        self.put(JOURNAL, to_canonical_string(&journal)?.as_bytes(), true)?;
        self.put(JOURNAL_CSV, &csv, true)?;
        self.put(REPORT, report.as_bytes(), true)?;
        self.put(
            CHAIN_HEAD,
            format!("{} {}\n", head.seq, head.hash).as_bytes(),
            true,
        )?;
        self.put(LISEZMOI, report::text::lisezmoi(&manifest).as_bytes(), true)?;
        self.put(README, report::text::readme(&manifest).as_bytes(), true)?;
        self.put(MANIFEST, to_canonical_string(&manifest)?.as_bytes(), true)?;
        let sums: String = self
            .written
            .iter()
            .map(|(path, hash)| format!("{hash}  {path}\n"))
            .collect();
        self.put(SUMS, sums.as_bytes(), true)?;
        let out = self
            .zip
            .finish()
            .map_err(|e| Error::new(ErrorCode::ExportFailed, format!("closing the ZIP: {e}")))?;
        Ok((out.into_inner(), head))
    }
}

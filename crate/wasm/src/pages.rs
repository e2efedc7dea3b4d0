//! What only the extension's pages need: the guide and letters, the journal's verification and
//! case view, the export bundle and the import page's verification.

use std::io::{BufWriter, Write};

use temoin_core::bundle::read::{Limits, Part, Scan, Scanned, ScannedFile};
use temoin_core::bundle::read_ahead::ReadAhead;
use temoin_core::bundle::verify::{self, VerifiedBundle};
use temoin_core::error::{Error, ErrorCode};
use temoin_core::journal::{self, Entry, Head, StoredArtifact};
use temoin_core::lang::Lang;
use temoin_core::view::CaseView;
use temoin_docs::export::{BundleWriter, ExportInfo};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, to_js, to_js_error};

fn day(today: &str) -> Result<time::Date, JsValue> {
    temoin_core::time::parse_date(today).ok_or_else(|| {
        to_js_error(Error::new(
            ErrorCode::InvalidTime,
            format!("'{today}' is not a date (YYYY-MM-DD)"),
        ))
    })
}

/// The guide for a case, or for one capture when `seq` is given (see `guide::for_case`),
/// on the user's local date `today` (YYYY-MM-DD).
#[wasm_bindgen(unchecked_return_type = "import('../../shared/types/GuideView').GuideView")]
pub fn guide(
    case_id: &str,
    #[wasm_bindgen(unchecked_param_type = "import('../../shared/types/Entry').Entry[]")]
    entries: JsValue,
    seq: Option<u32>,
    country: &str,
    today: &str,
    language: &str,
) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries, "journal entries")?;
    let view = CaseView::build(case_id, &entries);
    to_js(&temoin_docs::guide::for_case(
        &view,
        &entries,
        seq,
        country,
        day(today)?,
        Lang::from_tag(language),
    ))
}

/// The letters of a kind built from the journal (see `report::letters::letters`): one
/// complaint, or one erasure request per platform. `head` is the control code of the bundle
/// that goes with them (the journal's head when absent).
#[allow(clippy::too_many_arguments)] // the letter's request, field by field from JS
#[wasm_bindgen(unchecked_return_type = "import('../../shared/types/Letter').Letter[]")]
pub fn letters(
    kind: &str,
    case_id: &str,
    #[wasm_bindgen(unchecked_param_type = "import('../../shared/types/Entry').Entry[]")]
    entries: JsValue,
    seq: Option<u32>,
    platform: Option<String>,
    writer: &str,
    head: Option<String>,
    today: &str,
    language: &str,
) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries, "journal entries")?;
    let view = CaseView::build(case_id, &entries);
    let head = head.or_else(|| temoin_docs::report::letters::last_bundle_head(&entries));
    let request = temoin_docs::report::letters::LetterRequest {
        kind,
        head: head.as_deref(),
        seq,
        platform: platform.as_deref(),
        writer: temoin_docs::report::letters::Writer::from_tag(writer),
        today: day(today)?,
        lang: Lang::from_tag(language),
    };
    to_js(&temoin_docs::report::letters::letters(&view, &request).map_err(to_js_error)?)
}

/// is checked (hashing every stored file is a separate, slower check).
#[wasm_bindgen(js_name = verifyJournal, unchecked_return_type = "import('../../shared/types/Verification').Verification")]
pub fn verify_journal(
    case_id: &str,
    #[wasm_bindgen(unchecked_param_type = "import('../../shared/types/Entry').Entry[]")]
    entries: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "import('../../shared/types/StoredArtifact').StoredArtifact[] | null"
    )]
    artifacts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "import('../../shared/types/Head').Head | null")]
    recorded_head: JsValue,
) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries, "journal entries")?;
    let artifacts: Option<Vec<StoredArtifact>> = from_js(artifacts, "stored artifacts")?;
    let recorded_head: Option<Head> = from_js(recorded_head, "recorded head")?;
    let verification = match artifacts {
        Some(a) => journal::verify(case_id, &entries, &a, recorded_head.as_ref()),
        None => journal::verify_chain(case_id, &entries, recorded_head.as_ref()),
    };
    to_js(&verification)
}

/// The case as people read it (see `view::CaseView`).
#[wasm_bindgen(js_name = caseView, unchecked_return_type = "import('../../shared/types/CaseView').CaseView")]
pub fn case_view(
    case_id: &str,
    #[wasm_bindgen(unchecked_param_type = "import('../../shared/types/Entry').Entry[]")]
    entries: JsValue,
) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries, "journal entries")?;
    to_js(&CaseView::build(case_id, &entries))
}

#[wasm_bindgen]
extern "C" {
    /// Where a bundle's bytes go as they are written: the export worker's file on disk (a
    /// `FileSystemSyncAccessHandle`, written synchronously), so that the bundle is never whole
    /// in memory. `write` gets a view into the module's memory, valid only during the call.
    pub type ByteSink;
    #[wasm_bindgen(method, catch)]
    fn write(this: &ByteSink, bytes: &[u8]) -> Result<(), JsValue>;
}

/// `Write` over a `ByteSink`; a failure of the sink (the disk full...) fails the export.
struct JsSink(ByteSink);

impl Write for JsSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .write(buf)
            .map_err(|e| std::io::Error::other(format!("{e:?}")))?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Small writes (headers, the directory) are gathered before they cross into JavaScript; an
/// artifact's data, larger than this, goes to the sink straight from where the core holds it.
const SINK_BUFFER: usize = 256 * 1024;

/// A bundle being written to a `ByteSink`: feed it the wanted artifacts one by one;
/// `sealBody()` writes the documents and returns the export event to seal as the next entry;
/// `finish(entry)` with that sealed entry writes the rest and flushes the sink.
#[wasm_bindgen]
pub struct BundleExport {
    writer: Option<BundleWriter<BufWriter<JsSink>>>,
}

fn finished_export() -> JsValue {
    to_js_error(Error::new(
        ErrorCode::ExportFailed,
        "this export is already finished",
    ))
}

#[wasm_bindgen]
impl BundleExport {
    #[wasm_bindgen(constructor)]
    pub fn new(
        case_id: &str,
        case_title: Option<String>,
        started_at: &str,
        generator: &str,
        language: &str,
        #[wasm_bindgen(unchecked_param_type = "import('../../shared/types/Entry').Entry[]")]
        entries: JsValue,
        sink: ByteSink,
    ) -> Result<BundleExport, JsValue> {
        let entries: Vec<Entry> = from_js(entries, "journal entries")?;
        let info = ExportInfo {
            case_id: case_id.to_owned(),
            case_title,
            started_at: started_at.to_owned(),
            generator: generator.to_owned(),
            language: Lang::from_tag(language),
        };
        let out = BufWriter::with_capacity(SINK_BUFFER, JsSink(sink));
        let writer = BundleWriter::new(out, info, entries).map_err(to_js_error)?;
        Ok(BundleExport {
            writer: Some(writer),
        })
    }

    /// `[{ seq, name, path }]`: the artifacts still to add.
    #[wasm_bindgen(unchecked_return_type = "import('../../shared/types/Wanted').Wanted[]")]
    pub fn wanted(&self) -> Result<JsValue, JsValue> {
        let writer = self.writer.as_ref().ok_or_else(finished_export)?;
        to_js(&writer.wanted())
    }

    /// Leaves out the files of a minor's intimate-image captures; returns how many.
    #[wasm_bindgen(js_name = withholdMinorImages)]
    pub fn withhold_minor_images(&mut self) -> Result<u32, JsValue> {
        let writer = self.writer.as_mut().ok_or_else(finished_export)?;
        let n = writer.withhold_minor_images().map_err(to_js_error)?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Leaves an artifact out of this bundle on purpose, with a reason code.
    pub fn withhold(&mut self, seq: u32, name: &str, reason: &str) -> Result<(), JsValue> {
        let writer = self.writer.as_mut().ok_or_else(finished_export)?;
        writer.withhold(seq, name, reason).map_err(to_js_error)
    }

    #[wasm_bindgen(js_name = addArtifact)]
    pub fn add_artifact(&mut self, seq: u32, name: &str, bytes: &[u8]) -> Result<(), JsValue> {
        let writer = self.writer.as_mut().ok_or_else(finished_export)?;
        writer.add_artifact(seq, name, bytes).map_err(to_js_error)
    }

    /// Writes the report, spreadsheet and instructions; returns the `export` event body.
    #[wasm_bindgen(js_name = sealBody, unchecked_return_type = "import('../../shared/types/EventBody').EventBody")]
    pub fn seal_body(&mut self) -> Result<JsValue, JsValue> {
        let writer = self.writer.as_mut().ok_or_else(finished_export)?;
        to_js(&writer.seal_body().map_err(to_js_error)?)
    }

    /// Writes the journal (with `sealed`, the export entry, and `after`, time stamps of it that
    /// came back in time), head, manifest and sums, and flushes the sink; returns the chain
    /// head, whose hash is the bundle's control code.
    #[wasm_bindgen(unchecked_return_type = "import('../../shared/types/Head').Head")]
    pub fn finish(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "import('../../shared/types/Entry').Entry")]
        sealed: JsValue,
        #[wasm_bindgen(
            unchecked_param_type = "import('../../shared/types/Entry').Entry[] | undefined"
        )]
        after: JsValue,
    ) -> Result<JsValue, JsValue> {
        let sealed: Entry = from_js(sealed, "export entry")?;
        let after: Vec<Entry> = if after.is_undefined() || after.is_null() {
            Vec::new()
        } else {
            from_js(after, "time-stamp entries")?
        };
        let writer = self.writer.take().ok_or_else(finished_export)?;
        let (_, head) = writer.finish(sealed, after).map_err(to_js_error)?;
        to_js(&head)
    }
}

#[wasm_bindgen]
extern "C" {
    /// A file read at offsets: the import worker serves what it streamed into its window, and
    /// reads anything else in `FileReaderSync` slices (extension/pages/import-worker.js).
    pub type SliceReader;
    #[wasm_bindgen(method, getter)]
    fn size(this: &SliceReader) -> f64;
    #[wasm_bindgen(method, catch)]
    fn read(this: &SliceReader, offset: f64, length: u32) -> Result<js_sys::Uint8Array, JsValue>;
}

/// How much a sequential read of the chosen file asks of the worker at once (it may give less:
/// the rest of its window).
const READ_AHEAD: usize = 4 << 20;

/// `Read + Seek` over a `SliceReader`: the verifier sees a file, JavaScript reads slices.
struct JsFile {
    reader: SliceReader,
    pos: u64,
    len: u64,
}

impl std::io::Read for JsFile {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let want = (self.len.saturating_sub(self.pos)).min(buf.len() as u64);
        if want == 0 {
            return Ok(0);
        }
        let chunk = self
            .reader
            .read(self.pos as f64, u32::try_from(want).unwrap_or(u32::MAX))
            .map_err(|e| std::io::Error::other(format!("{e:?}")))?;
        let got = (chunk.length() as usize).min(buf.len());
        if got == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if got == chunk.length() as usize {
            chunk.copy_to(&mut buf[..got]);
        } else {
            chunk.subarray(0, got as u32).copy_to(&mut buf[..got]);
        }
        self.pos += got as u64;
        Ok(got)
    }
}

impl std::io::Seek for JsFile {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        let target = match to {
            std::io::SeekFrom::Start(p) => Some(p),
            std::io::SeekFrom::End(d) => self.len.checked_add_signed(d),
            std::io::SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = target.ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
        Ok(self.pos)
    }
}

/// One part of a bundle's verification, in a worker of the import page: the directory is read
/// (a few slices from the file's end), then the members `from..to` one by one, each once its
/// bytes are in the window JavaScript streamed (`SliceReader`). The parts' results meet in
/// `verifyScanned`.
#[wasm_bindgen]
pub struct BundleScan {
    scan: Option<Scan<ReadAhead<JsFile>>>,
}

fn scan_done() -> JsValue {
    to_js_error(Error::new(
        ErrorCode::Unexpected,
        "this part of the verification has already ended",
    ))
}

#[wasm_bindgen]
impl BundleScan {
    #[wasm_bindgen(constructor)]
    pub fn new(reader: SliceReader) -> Result<BundleScan, JsValue> {
        let len = reader.size().max(0.0) as u64;
        let file = JsFile {
            reader,
            pos: 0,
            len,
        };
        let scan = Scan::open(ReadAhead::new(file, READ_AHEAD), &Limits::default())
            .map_err(to_js_error)?;
        Ok(BundleScan { scan: Some(scan) })
    }

    /// Where each member starts, in file order, then where the directory does (byte offsets).
    pub fn bounds(&self) -> Result<Vec<f64>, JsValue> {
        let scan = self.scan.as_ref().ok_or_else(scan_done)?;
        Ok(scan.bounds().into_iter().map(|b| b as f64).collect())
    }

    /// Reads only members `from..to` of `bounds`.
    pub fn restrict(&mut self, from: u32, to: u32) -> Result<(), JsValue> {
        let scan = self.scan.as_mut().ok_or_else(scan_done)?;
        scan.restrict(from as usize, to as usize)
            .map_err(to_js_error)
    }

    /// Checks the next member's place and name; `[offset, length]` of its content in the file
    /// when the caller may hash it itself and give the digest to `readNext`, else undefined.
    #[wasm_bindgen(js_name = checkNext)]
    pub fn check_next(&mut self) -> Result<Option<Vec<f64>>, JsValue> {
        let scan = self.scan.as_mut().ok_or_else(scan_done)?;
        let stored = scan.check_next().map_err(to_js_error)?;
        Ok(stored.map(|d| vec![d.offset as f64, d.len as f64]))
    }

    /// Reads the member `checkNext` checked, taking `sha256` (32 bytes) as the digest of the
    /// content it pointed to, or hashing it here; returns where its bytes end.
    #[wasm_bindgen(js_name = readNext)]
    pub fn read_next(&mut self, sha256: Option<Vec<u8>>) -> Result<f64, JsValue> {
        let scan = self.scan.as_mut().ok_or_else(scan_done)?;
        let given = match sha256 {
            None => None,
            Some(bytes) => Some(<[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
                to_js_error(Error::new(
                    ErrorCode::Unexpected,
                    format!("a SHA-256 digest has 32 bytes, not {}", bytes.len()),
                ))
            })?),
        };
        scan.read_next(given)
            .map(|end| end as f64)
            .map_err(to_js_error)
    }

    pub fn remaining(&self) -> u32 {
        self.scan
            .as_ref()
            .map_or(0, |s| u32::try_from(s.remaining()).unwrap_or(u32::MAX))
    }

    /// What this part read, as plain values that can travel to another worker:
    /// `{ part: [from, to, of], usesDescriptors, sumsTooLarge, files: [[name, size, sha256]...],
    /// meta: [[name, Uint8Array]...] }`.
    pub fn finish(&mut self) -> Result<JsValue, JsValue> {
        let scan = self.scan.take().ok_or_else(scan_done)?;
        scanned_to_js(scan.finish().map_err(to_js_error)?)
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct ScannedSummary {
    part: (usize, usize, usize),
    uses_descriptors: bool,
    sums_too_large: bool,
    files: Vec<(String, u64, String)>,
}

fn scanned_to_js(scanned: Scanned) -> Result<JsValue, JsValue> {
    let summary = ScannedSummary {
        part: (scanned.part.from, scanned.part.to, scanned.part.of),
        uses_descriptors: scanned.uses_descriptors,
        sums_too_large: scanned.sums_too_large,
        files: scanned
            .files
            .into_iter()
            .map(|(name, f)| (name, f.size, f.sha256))
            .collect(),
    };
    let out = to_js(&summary)?;
    let meta = js_sys::Array::new();
    for (name, bytes) in scanned.meta {
        let pair = js_sys::Array::new();
        pair.push(&name.into());
        pair.push(&js_sys::Uint8Array::from(bytes.as_slice()));
        meta.push(&pair);
    }
    js_sys::Reflect::set(&out, &"meta".into(), &meta)?;
    Ok(out)
}

fn scanned_from_js(value: JsValue) -> Result<Scanned, JsValue> {
    let meta_value = js_sys::Reflect::get(&value, &"meta".into())?;
    let plain = js_sys::Object::assign(&js_sys::Object::new(), &value.into());
    js_sys::Reflect::delete_property(&plain, &"meta".into())?;
    let summary: ScannedSummary = from_js(plain.into(), "a part of the verification")?;
    let mut scanned = Scanned {
        part: Part {
            from: summary.part.0,
            to: summary.part.1,
            of: summary.part.2,
        },
        uses_descriptors: summary.uses_descriptors,
        sums_too_large: summary.sums_too_large,
        ..Scanned::default()
    };
    for (name, size, sha256) in summary.files {
        scanned.files.insert(name, ScannedFile { size, sha256 });
    }
    for pair in js_sys::Array::from(&meta_value).iter() {
        let pair = js_sys::Array::from(&pair);
        let name = pair.get(0).as_string().unwrap_or_default();
        let bytes = pair.get(1).dyn_into::<js_sys::Uint8Array>()?.to_vec();
        scanned.meta.insert(name, bytes);
    }
    Ok(scanned)
}

/// Verifies a bundle from its parts read by `BundleScan`: `{ ok, caseId, head, problems,
/// moreProblems, view, ... }`, or throws a coded error (with `file` when it names one) when it
/// is not a readable bundle.
#[wasm_bindgen(js_name = verifyScanned, unchecked_return_type = "import('../../shared/types/VerifiedBundle').VerifiedBundle")]
pub fn verify_scanned(
    parts: js_sys::Array,
    expect_head: Option<String>,
) -> Result<JsValue, JsValue> {
    let parts = parts
        .iter()
        .map(scanned_from_js)
        .collect::<Result<Vec<_>, _>>()?;
    let scanned = Scanned::merge(parts).map_err(to_js_error)?;
    let report = verify::verify_scanned(&scanned, expect_head.as_deref()).map_err(to_js_error)?;
    to_js(&VerifiedBundle::new(report))
}

/// A control code as people copy it, as 64 lowercase hex digits, or undefined.
#[wasm_bindgen(js_name = normalizeControlCode)]
pub fn normalize_control_code(text: &str) -> Option<String> {
    temoin_core::bundle::verify::normalize_control_code(text)
}

//! wasm-bindgen bindings: conversions only, no logic. Values cross as JSON-safe objects,
//! bytes as `Uint8Array`, errors as JS `Error`s carrying a stable `code`.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::bundle::read::Limits;
use crate::bundle::verify::verify_bundle_with_progress;
use crate::bundle::write::{BundleWriter, ExportInfo};
use crate::digest::Sha256Stream;
use crate::error::{Error, ErrorCode};
use crate::journal::{self, Entry, Head, StoredArtifact};
use crate::model::EventBody;
use crate::report::Lang;
use crate::view::CaseView;

#[wasm_bindgen(start)]
pub fn start() {
    // A panic aborts the instance; the hook at least says why in the console.
    console_error_panic_hook::set_once();
}

fn to_js_error(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code.as_str().into());
    if let Some(file) = &e.file {
        let _ = js_sys::Reflect::set(&err, &"file".into(), &file.into());
    }
    err.into()
}

fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| to_js_error(Error::new(ErrorCode::InvalidInput, format!("{what}: {e}"))))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| to_js_error(Error::new(ErrorCode::InvalidInput, e.to_string())))
}

/// Aborts the instance on purpose, as a panic would: the reliability suite proves with it that
/// the extension notices a dead instance and starts a new one (the `ForTesting` suffix marks it
/// as such; nothing calls it in normal use, and pages cannot reach the module).
#[wasm_bindgen(js_name = abortForTesting)]
pub fn abort_for_testing() {
    std::process::abort();
}

#[wasm_bindgen(js_name = sha256Hex)]
pub fn sha256_hex(bytes: &[u8]) -> String {
    crate::digest::sha256_hex(bytes)
}

/// SHA-256 over bytes given in pieces.
#[wasm_bindgen]
pub struct Hasher(Option<Sha256Stream>);

#[wasm_bindgen]
impl Hasher {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Hasher {
        Hasher(Some(Sha256Stream::new()))
    }

    pub fn update(&mut self, chunk: &[u8]) -> Result<(), JsValue> {
        match self.0.as_mut() {
            Some(s) => {
                s.update(chunk);
                Ok(())
            }
            None => Err(finished()),
        }
    }

    #[wasm_bindgen(js_name = finishHex)]
    pub fn finish_hex(&mut self) -> Result<String, JsValue> {
        self.0
            .take()
            .map(Sha256Stream::finish_hex)
            .ok_or_else(finished)
    }
}

impl Default for Hasher {
    fn default() -> Self {
        Self::new()
    }
}

fn finished() -> JsValue {
    to_js_error(Error::new(
        ErrorCode::InvalidInput,
        "this hasher has already finished",
    ))
}

#[wasm_bindgen(js_name = genesisHead)]
pub fn genesis_head() -> Result<JsValue, JsValue> {
    to_js(&Head::genesis())
}

/// Seals an event body (`{ kind: "capture", ... }`, `{ kind: "note", ... }`...) as the entry
/// after `head`: `{ seq, hash, json }`.
#[wasm_bindgen(js_name = sealEvent)]
pub fn seal_event(
    head: JsValue,
    case_id: &str,
    at: &str,
    body: JsValue,
) -> Result<JsValue, JsValue> {
    let head: Head = from_js(head, "journal head")?;
    let body: EventBody = from_js(body, "journal event")?;
    let entry = journal::seal(&head, case_id, at, body).map_err(to_js_error)?;
    to_js(&entry)
}

/// What a URL says: `{ platform, platformName, kind, postId, authorHandle, ... }` or null.
#[wasm_bindgen]
pub fn recognise(url: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::platforms::recognise(url))
}

/// A capture record completed before sealing: platform and post ids from the addresses,
/// and the statement of what it proves, in `language`.
#[wasm_bindgen(js_name = completeCapture)]
pub fn complete_capture(record: JsValue, language: &str) -> Result<JsValue, JsValue> {
    let capture: crate::model::Capture = from_js(record, "capture record")?;
    to_js(&crate::capture::complete(capture, Lang::from_tag(language)))
}

/// The device's wall-clock time with its offset (see `time::local_time`).
#[wasm_bindgen(js_name = localTime)]
pub fn local_time(unix_ms: f64, offset_minutes: i32) -> Result<String, JsValue> {
    crate::time::local_time(unix_ms, offset_minutes).map_err(to_js_error)
}

fn day(today: &str) -> Result<time::Date, JsValue> {
    crate::time::parse_date(today).ok_or_else(|| {
        to_js_error(Error::new(
            crate::error::ErrorCode::InvalidTime,
            format!("'{today}' is not a date (YYYY-MM-DD)"),
        ))
    })
}

/// The guide for a case, or for one capture when `seq` is given (see `guide::for_case`),
/// on the user's local date `today` (YYYY-MM-DD).
#[wasm_bindgen]
pub fn guide(
    case_id: &str,
    entries: JsValue,
    seq: Option<u32>,
    country: &str,
    today: &str,
    language: &str,
) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries, "journal entries")?;
    let view = CaseView::build(case_id, &entries);
    to_js(&crate::guide::for_case(
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
#[wasm_bindgen]
pub fn letters(
    kind: &str,
    case_id: &str,
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
    let head = head
        .or_else(|| crate::report::letters::last_bundle_head(&entries))
        .unwrap_or_else(|| {
            entries
                .last()
                .map_or_else(|| Head::genesis().hash, |e| e.hash.clone())
        });
    let request = crate::report::letters::LetterRequest {
        kind,
        head: &head,
        seq,
        platform: platform.as_deref(),
        writer: crate::report::letters::Writer::from_tag(writer),
        today: day(today)?,
        lang: Lang::from_tag(language),
    };
    to_js(&crate::report::letters::letters(&view, &request).map_err(to_js_error)?)
}

/// The event inside an entry's text, as a plain object.
#[wasm_bindgen(js_name = parseEvent)]
pub fn parse_event(json: &str) -> Result<JsValue, JsValue> {
    to_js(&journal::parse_event(json).map_err(to_js_error)?)
}

/// Verifies a case's journal; see `journal::verify`. With `artifacts` null, only the chain
/// is checked (hashing every stored file is a separate, slower check).
#[wasm_bindgen(js_name = verifyJournal)]
pub fn verify_journal(
    case_id: &str,
    entries: JsValue,
    artifacts: JsValue,
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
#[wasm_bindgen(js_name = caseView)]
pub fn case_view(case_id: &str, entries: JsValue) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries, "journal entries")?;
    to_js(&CaseView::build(case_id, &entries))
}

/// A safe artifact name for a file the user adds.
#[wasm_bindgen(js_name = artifactNameFor)]
pub fn artifact_name_for(original: &str) -> String {
    crate::model::artifact_name_for(original)
}

/// Output that JavaScript drains between writes, so the bundle is never whole in WASM memory.
#[derive(Clone, Default)]
struct SharedSink(Rc<RefCell<Vec<u8>>>);

impl Write for SharedSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A bundle being written: feed it the wanted artifacts one by one, draining `takeOutput()`
/// after each; `sealBody()` writes the documents and returns the export event to append as the
/// next entry; `finish(entry)` with that sealed entry writes the rest. Drain once more.
#[wasm_bindgen]
pub struct BundleExport {
    writer: Option<BundleWriter<SharedSink>>,
    sink: SharedSink,
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
        entries: JsValue,
    ) -> Result<BundleExport, JsValue> {
        let entries: Vec<Entry> = from_js(entries, "journal entries")?;
        let sink = SharedSink::default();
        let info = ExportInfo {
            case_id: case_id.to_owned(),
            case_title,
            started_at: started_at.to_owned(),
            generator: generator.to_owned(),
            language: Lang::from_tag(language),
        };
        let writer = BundleWriter::new(sink.clone(), info, entries).map_err(to_js_error)?;
        Ok(BundleExport {
            writer: Some(writer),
            sink,
        })
    }

    /// `[{ seq, name, path }]`: the artifacts still to add.
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

    /// The bytes written since the last call.
    #[wasm_bindgen(js_name = takeOutput)]
    pub fn take_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut *self.sink.0.borrow_mut())
    }

    /// Writes the report, spreadsheet and instructions; returns the `export` event body.
    #[wasm_bindgen(js_name = sealBody)]
    pub fn seal_body(&mut self) -> Result<JsValue, JsValue> {
        let writer = self.writer.as_mut().ok_or_else(finished_export)?;
        to_js(&writer.seal_body().map_err(to_js_error)?)
    }

    /// Writes the journal (with `sealed`, the export entry, and `after`, time stamps of it that
    /// came back in time), head, manifest and sums; returns the chain head, whose hash is the
    /// bundle's control code.
    pub fn finish(&mut self, sealed: JsValue, after: JsValue) -> Result<JsValue, JsValue> {
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
    /// A file read in slices (the import worker's `FileReaderSync` over a `File`).
    pub type SliceReader;
    #[wasm_bindgen(method, getter)]
    fn size(this: &SliceReader) -> f64;
    #[wasm_bindgen(method, catch)]
    fn read(this: &SliceReader, offset: f64, length: u32) -> Result<js_sys::Uint8Array, JsValue>;
}

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
        chunk.slice(0, got as u32).copy_to(&mut buf[..got]);
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

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct VerifiedBundle {
    #[serde(flatten)]
    report: crate::bundle::verify::BundleReport,
    view: CaseView,
}

/// Verifies a bundle read in slices: `{ ok, caseId, head, problems, moreProblems, view, ... }`,
/// or throws a coded error (with `file` when it names one) when it is not a readable bundle.
/// `progress(done, total)` is called as bytes are read.
#[wasm_bindgen(js_name = verifyBundleFile)]
pub fn verify_bundle_file(
    reader: SliceReader,
    expect_head: Option<String>,
    progress: Option<js_sys::Function>,
) -> Result<JsValue, JsValue> {
    let len = reader.size().max(0.0) as u64;
    let file = JsFile {
        reader,
        pos: 0,
        len,
    };
    let mut report_progress = |done: u64, total: u64| {
        if let Some(f) = &progress {
            let _ = f.call2(
                &JsValue::NULL,
                &(done as f64).into(),
                &(total as f64).into(),
            );
        }
    };
    let report = verify_bundle_with_progress(
        file,
        &Limits::default(),
        expect_head.as_deref(),
        &mut report_progress,
    )
    .map_err(to_js_error)?;
    let view = CaseView::build(&report.case_id, &report.journal);
    to_js(&VerifiedBundle { report, view })
}

/// A control code as people copy it, as 64 lowercase hex digits, or undefined.
#[wasm_bindgen(js_name = normalizeControlCode)]
pub fn normalize_control_code(text: &str) -> Option<String> {
    crate::bundle::verify::normalize_control_code(text)
}

/// The time-stamp request (RFC 3161 TimeStampReq, DER) for an entry's hash, with a nonce given
/// as 16 hex digits (a u64 does not cross into JavaScript).
#[wasm_bindgen(js_name = timestampRequest)]
pub fn timestamp_request(entry_hash: &str, nonce_hex: &str) -> Result<Vec<u8>, JsValue> {
    let imprint = hash_bytes(entry_hash)?;
    let nonce = u64::from_str_radix(nonce_hex, 16).map_err(|_| {
        to_js_error(Error::new(
            crate::error::ErrorCode::InvalidInput,
            "the nonce is not 16 hex digits",
        ))
    })?;
    Ok(crate::timestamp::request(&imprint, nonce))
}

/// The token in an authority's answer, or a coded error (`timestamp-refused`, ...).
#[wasm_bindgen(js_name = timestampToken)]
pub fn timestamp_token(answer: &[u8]) -> Result<Vec<u8>, JsValue> {
    crate::timestamp::parse_response(answer).map_err(to_js_error)
}

/// The `timestamp` event body for entry `entry`'s token: the token and the certificates it
/// embeds, plus `more` (DER fetched from the issuers' addresses), in Base64.
#[wasm_bindgen(js_name = timestampEvent)]
pub fn timestamp_event(
    entry: u32,
    authority: &str,
    token: &[u8],
    more: Vec<js_sys::Uint8Array>,
) -> Result<JsValue, JsValue> {
    let mut certificates: Vec<Vec<u8>> =
        crate::timestamp::certificates_of(token).map_err(to_js_error)?;
    for c in more {
        let der = c.to_vec();
        if !certificates.contains(&der) {
            certificates.push(der);
        }
    }
    let body = crate::model::EventBody::Timestamp(crate::model::Timestamp {
        entry,
        authority: authority.to_owned(),
        token: crate::model::base64_text(token),
        certificates: certificates
            .iter()
            .map(|c| crate::model::base64_text(c))
            .collect(),
    });
    body.validate().map_err(to_js_error)?;
    to_js(&body)
}

/// The addresses where the issuers of a token's certificates can be fetched (Authority
/// Information Access, caIssuers), for chains a token does not carry to their root.
#[wasm_bindgen(js_name = timestampIssuerUrls)]
pub fn timestamp_issuer_urls(
    token: &[u8],
    more: Vec<js_sys::Uint8Array>,
) -> Result<JsValue, JsValue> {
    let mut certificates = crate::timestamp::certificates_of(token).map_err(to_js_error)?;
    certificates.extend(more.into_iter().map(|c| c.to_vec()));
    to_js(&crate::timestamp::missing_issuer_urls(&certificates))
}

fn hash_bytes(hex_hash: &str) -> Result<[u8; 32], JsValue> {
    let bad = || {
        to_js_error(Error::new(
            crate::error::ErrorCode::InvalidInput,
            "not a SHA-256 hash",
        ))
    };
    let bytes = hex::decode(hex_hash).map_err(|_| bad())?;
    bytes.try_into().map_err(|_| bad())
}

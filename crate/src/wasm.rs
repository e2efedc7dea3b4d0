//! wasm-bindgen bindings: conversions only, no logic. Values cross as JSON-safe objects,
//! bytes as `Uint8Array`, errors as JS `Error`s carrying a stable `code`.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::digest::Sha256Stream;
use crate::error::{Error, ErrorCode};
use crate::journal::{self, Entry, Head, StoredArtifact};
use crate::model::{Capture, EventBody};

#[wasm_bindgen(start)]
pub fn start() {
    // A panic aborts the instance; the hook at least says why in the console.
    console_error_panic_hook::set_once();
}

fn to_js_error(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code.as_str().into());
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

/// Seals a capture record as the entry after `head`: `{ seq, hash, json }`.
#[wasm_bindgen(js_name = sealCapture)]
pub fn seal_capture(
    head: JsValue,
    case_id: &str,
    at: &str,
    capture: JsValue,
) -> Result<JsValue, JsValue> {
    let head: Head = from_js(head, "journal head")?;
    let capture: Capture = from_js(capture, "capture record")?;
    let entry =
        journal::seal(&head, case_id, at, EventBody::Capture(capture)).map_err(to_js_error)?;
    to_js(&entry)
}

/// The event inside an entry's text, as a plain object.
#[wasm_bindgen(js_name = parseEvent)]
pub fn parse_event(json: &str) -> Result<JsValue, JsValue> {
    to_js(&journal::parse_event(json).map_err(to_js_error)?)
}

/// Verifies a case's journal and its stored artifacts; see `journal::verify`.
#[wasm_bindgen(js_name = verifyJournal)]
pub fn verify_journal(
    case_id: &str,
    entries: JsValue,
    artifacts: JsValue,
    recorded_head: JsValue,
) -> Result<JsValue, JsValue> {
    let entries: Vec<Entry> = from_js(entries, "journal entries")?;
    let artifacts: Vec<StoredArtifact> = from_js(artifacts, "stored artifacts")?;
    let recorded_head: Option<Head> = from_js(recorded_head, "recorded head")?;
    to_js(&journal::verify(
        case_id,
        &entries,
        &artifacts,
        recorded_head.as_ref(),
    ))
}

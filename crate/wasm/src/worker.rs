//! What the service worker's capture path needs: hashing, sealing entries, recognising an
//! address, completing a capture record, and requesting and keeping time stamps. Pages use these
//! too (their module is built with everything here plus `pages.rs`).

use temoin_core::digest::Sha256Stream;
use temoin_core::error::{Error, ErrorCode};
use temoin_core::journal::{self, Head};
use temoin_core::lang::Lang;
use temoin_core::model::EventBody;
use temoin_core::view::{ItemView, RowChange};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, to_js, to_js_error};

/// Aborts the instance on purpose, as a panic would: the reliability suite proves with it that
/// the extension notices a dead instance and starts a new one (the `ForTesting` suffix marks it
/// as such; nothing calls it in normal use, and pages cannot reach the module).
#[wasm_bindgen(js_name = abortForTesting)]
pub fn abort_for_testing() {
    std::process::abort();
}

#[wasm_bindgen(js_name = sha256Hex)]
pub fn sha256_hex(bytes: &[u8]) -> String {
    temoin_core::digest::sha256_hex(bytes)
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

#[wasm_bindgen(js_name = genesisHead, unchecked_return_type = "import('../../shared/types/Head').Head")]
pub fn genesis_head() -> Result<JsValue, JsValue> {
    to_js(&Head::genesis())
}

/// Seals an event body (`{ kind: "capture", ... }`, `{ kind: "note", ... }`...) as the entry
/// after `head`: `{ seq, hash, json }`.
#[wasm_bindgen(js_name = sealEvent, unchecked_return_type = "import('../../shared/types/Entry').Entry")]
pub fn seal_event(
    #[wasm_bindgen(unchecked_param_type = "import('../../shared/types/Head').Head")] head: JsValue,
    case_id: &str,
    at: &str,
    #[wasm_bindgen(unchecked_param_type = "import('../../shared/types/EventBody').EventBody")] body: JsValue,
) -> Result<JsValue, JsValue> {
    let head: Head = from_js(head, "journal head")?;
    let body: EventBody = from_js(body, "journal event")?;
    let entry = journal::seal(&head, case_id, at, body).map_err(to_js_error)?;
    to_js(&entry)
}

/// What a sealed entry changes among the case's rows (see `view::RowChange`): a new row, the
/// number of the row it changes, or new case details. The journal's store applies it in the
/// transaction that appends the entry, so the rows always match the chain.
#[wasm_bindgen(js_name = rowChange, unchecked_return_type = "import('../../shared/types/RowChange').RowChange")]
pub fn row_change(
    #[wasm_bindgen(unchecked_param_type = "import('../../shared/types/Entry').Entry")]
    entry: JsValue,
) -> Result<JsValue, JsValue> {
    let entry: journal::Entry = from_js(entry, "journal entry")?;
    to_js(&RowChange::of(&entry).map_err(to_js_error)?)
}

/// A row with a later note, categories or deletion about it applied (`ItemView::apply`).
#[wasm_bindgen(js_name = applyToRow, unchecked_return_type = "import('../../shared/types/ItemView').ItemView")]
pub fn apply_to_row(
    #[wasm_bindgen(unchecked_param_type = "import('../../shared/types/ItemView').ItemView")]
    row: JsValue,
    #[wasm_bindgen(unchecked_param_type = "import('../../shared/types/Entry').Entry")]
    entry: JsValue,
) -> Result<JsValue, JsValue> {
    let mut row: ItemView = from_js(row, "journal row")?;
    let entry: journal::Entry = from_js(entry, "journal entry")?;
    row.apply(&entry).map_err(to_js_error)?;
    to_js(&row)
}

/// What a URL says: `{ platform, platformName, kind, postId, authorHandle, ... }` or null.
#[wasm_bindgen(unchecked_return_type = "import('../../shared/types/Recognised').Recognised | null")]
pub fn recognise(url: &str) -> Result<JsValue, JsValue> {
    to_js(&temoin_core::platforms::recognise(url))
}

/// A capture record completed before sealing: platform and post ids from the addresses,
/// and the statement of what it proves, in `language`.
#[wasm_bindgen(js_name = completeCapture, unchecked_return_type = "import('../../shared/types/Capture').Capture")]
pub fn complete_capture(
    #[wasm_bindgen(unchecked_param_type = "import('../../shared/types/Capture').Capture")]
    record: JsValue,
    language: &str,
) -> Result<JsValue, JsValue> {
    let capture: temoin_core::model::Capture = from_js(record, "capture record")?;
    to_js(&temoin_core::capture::complete(
        capture,
        Lang::from_tag(language),
    ))
}

/// The device's wall-clock time with its offset (see `time::local_time`).
#[wasm_bindgen(js_name = localTime)]
pub fn local_time(unix_ms: f64, offset_minutes: i32) -> Result<String, JsValue> {
    temoin_core::time::local_time(unix_ms, offset_minutes).map_err(to_js_error)
}
/// The event inside an entry's text, as a plain object.
#[wasm_bindgen(js_name = parseEvent, unchecked_return_type = "import('../../shared/types/Event').Event")]
pub fn parse_event(json: &str) -> Result<JsValue, JsValue> {
    to_js(&journal::parse_event(json).map_err(to_js_error)?)
}

/// Verifies a case's journal; see `journal::verify`. With `artifacts` null, only the chain
/// A safe artifact name for a file the user adds.
#[wasm_bindgen(js_name = artifactNameFor)]
pub fn artifact_name_for(original: &str) -> String {
    temoin_core::model::artifact_name_for(original)
}

/// The time-stamp request (RFC 3161 TimeStampReq, DER) for an entry's hash, with a nonce given
/// as 16 hex digits (a u64 does not cross into JavaScript).
#[wasm_bindgen(js_name = timestampRequest)]
pub fn timestamp_request(entry_hash: &str, nonce_hex: &str) -> Result<Vec<u8>, JsValue> {
    let imprint = hash_bytes(entry_hash)?;
    let nonce = u64::from_str_radix(nonce_hex, 16).map_err(|_| {
        to_js_error(Error::new(
            ErrorCode::InvalidInput,
            "the nonce is not 16 hex digits",
        ))
    })?;
    Ok(temoin_core::timestamp::request(&imprint, nonce))
}

/// The token in an authority's answer, or a coded error (`timestamp-refused`, ...).
#[wasm_bindgen(js_name = timestampToken)]
pub fn timestamp_token(answer: &[u8]) -> Result<Vec<u8>, JsValue> {
    temoin_core::timestamp::parse_response(answer).map_err(to_js_error)
}

/// The `timestamp` event body for entry `entry`'s token: the token and the certificates it
/// embeds, plus `more` (DER fetched from the issuers' addresses), in Base64.
#[wasm_bindgen(js_name = timestampEvent, unchecked_return_type = "import('../../shared/types/EventBody').EventBody")]
pub fn timestamp_event(
    entry: u32,
    authority: &str,
    token: &[u8],
    more: Vec<js_sys::Uint8Array>,
) -> Result<JsValue, JsValue> {
    let mut certificates: Vec<Vec<u8>> =
        temoin_core::timestamp::certificates_of(token).map_err(to_js_error)?;
    for c in more {
        let der = c.to_vec();
        if !certificates.contains(&der) {
            certificates.push(der);
        }
    }
    let body = temoin_core::model::EventBody::Timestamp(temoin_core::model::Timestamp {
        entry,
        authority: authority.to_owned(),
        token: temoin_core::model::base64_text(token),
        certificates: certificates
            .iter()
            .map(|c| temoin_core::model::base64_text(c))
            .collect(),
    });
    body.validate().map_err(to_js_error)?;
    to_js(&body)
}

/// The addresses where the issuers of a token's certificates can be fetched (Authority
/// Information Access, caIssuers), for chains a token does not carry to their root.
#[wasm_bindgen(js_name = timestampIssuerUrls, unchecked_return_type = "string[]")]
pub fn timestamp_issuer_urls(
    token: &[u8],
    more: Vec<js_sys::Uint8Array>,
) -> Result<JsValue, JsValue> {
    let mut certificates = temoin_core::timestamp::certificates_of(token).map_err(to_js_error)?;
    certificates.extend(more.into_iter().map(|c| c.to_vec()));
    to_js(&temoin_core::timestamp::missing_issuer_urls(&certificates))
}

fn hash_bytes(hex_hash: &str) -> Result<[u8; 32], JsValue> {
    temoin_core::digest::sha256_from_hex(hex_hash)
        .ok_or_else(|| to_js_error(Error::new(ErrorCode::InvalidInput, "not a SHA-256 hash")))
}

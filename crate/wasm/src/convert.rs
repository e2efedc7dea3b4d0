//! Values in and out of JavaScript, and core errors as JS `Error`s with a stable `code`.

use serde::de::DeserializeOwned;
use serde::Serialize;
use temoin_core::error::{Error, ErrorCode};
use wasm_bindgen::prelude::*;

pub fn to_js_error(e: Error) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &"code".into(), &e.code.as_str().into());
    if let Some(file) = &e.file {
        let _ = js_sys::Reflect::set(&err, &"file".into(), &file.into());
    }
    err.into()
}

/// A plain JavaScript value (JSON-safe: what the extension passes) as a Rust value, through
/// its JSON text: the one deserializer the core already has for every type, rather than a
/// second one per type for JavaScript values, which would double that code in the module.
pub fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    let invalid = |detail: String| {
        to_js_error(Error::new(
            ErrorCode::InvalidInput,
            format!("{what}: {detail}"),
        ))
    };
    if value.is_undefined() {
        return serde_json::from_str("null").map_err(|e| invalid(e.to_string()));
    }
    let text = js_sys::JSON::stringify(&value)
        .map_err(|_| invalid("not a plain value".into()))?
        .as_string()
        .ok_or_else(|| invalid("not a plain value".into()))?;
    serde_json::from_str(&text).map_err(|e| invalid(e.to_string()))
}

/// A Rust value as a plain JavaScript value, through its JSON text (see `from_js`).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| to_js_error(Error::new(ErrorCode::InvalidInput, e.to_string())))?;
    js_sys::JSON::parse(&text).map_err(|_| {
        to_js_error(Error::new(
            ErrorCode::InvalidInput,
            "a value the core made is not JSON",
        ))
    })
}

//! The bindings the extension calls: conversions only, no logic. Values cross as JSON-safe
//! objects, bytes as `Uint8Array`, errors as JS `Error`s carrying a stable `code`.
//!
//! Built twice (Makefile, `build`): without features, the service worker's module holds only
//! its capture path (`worker.rs`: hash, seal, recognise, complete a record, time stamps);
//! with `pages`, the pages' module adds guidance, letters, export and import (`pages.rs`).

mod convert;
#[cfg(feature = "pages")]
mod pages;
mod worker;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    // A panic aborts the instance; the hook at least says why in the console.
    console_error_panic_hook::set_once();
}

//! Témoin's core: what a piece of evidence is (the model), the hash-chained journal that keeps
//! it, the platforms it comes from, the case view every document is built from, independent time
//! stamps, and reading and verifying an export bundle. Everything here is plain Rust tested with
//! `cargo test`; what people read is built on top of it in `temoin-docs`, and the browser
//! reaches both through the bindings of `temoin-wasm`.

pub mod bundle;
pub mod canonical;
pub mod capture;
pub mod digest;
pub mod error;
pub mod journal;
pub mod lang;
pub mod model;
pub mod notice;
pub mod platforms;
pub mod problem;
pub mod text;
pub mod time;
pub mod timestamp;
pub mod untrusted;
pub mod view;
pub mod when;

pub use error::{Error, ErrorCode, Result};

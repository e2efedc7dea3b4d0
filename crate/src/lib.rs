//! Témoin's core: every rule about evidence lives here and is tested natively with
//! `cargo test`. The browser reaches it through the thin bindings of `wasm.rs`.

pub mod bundle;
pub mod canonical;
pub mod capture;
pub mod deadlines;
pub mod digest;
pub mod error;
pub mod guide;
pub mod journal;
pub mod lang;
pub mod law;
pub mod model;
pub mod platforms;
pub mod problem;
pub mod recourses;
pub mod report;
pub mod time;
pub mod timestamp;
pub mod untrusted;
pub mod view;
pub mod wasm;

pub use error::{Error, ErrorCode, Result};

//! What people read: the bundle's report, its spreadsheet and its instructions, in French or
//! English. Everything here is built from the case view; nothing here decides what is valid.

pub mod csv;
pub mod html;
pub mod letters;
pub mod text;
mod words;

pub use temoin_core::text::excerpt;
pub use words::{notice_text, number, words, Words};

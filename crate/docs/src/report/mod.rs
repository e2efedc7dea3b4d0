//! What people read: the bundle's report, its spreadsheet and its instructions, in French or
//! English. Everything here is built from the case view; nothing here decides what is valid.

pub mod csv;
pub mod html;
pub mod items;
pub mod letters;
pub mod text;
mod words;

pub use temoin_core::text::excerpt;
pub use words::{notice_text, number, words, Words};

use temoin_core::lang::Lang;
use temoin_core::model::Post;
use temoin_core::time::{human_date, human_datetime, human_datetime_inline};
use temoin_core::when::Reading;
use time::UtcOffset;

/// The case's name as every document gives it: the title its details give, else the one it
/// was created with (`fallback`), else its identifier.
pub fn case_title(
    view: &temoin_core::view::CaseView,
    fallback: Option<&str>,
    case_id: &str,
) -> String {
    view.details.as_ref().map_or_else(
        || fallback.unwrap_or(case_id).to_owned(),
        |d| d.title.clone(),
    )
}

/// A post's publication time as documents write it, in the capture's zone: a day alone when
/// the page gave only the day. `None` when the page gave none that could be read for sure, or
/// only a relative one ("3 h"): documents then quote what the page showed.
pub fn publication_text(
    post: &Post,
    offset: UtcOffset,
    lang: Lang,
    inline: bool,
) -> Option<String> {
    let p = post.publication()?;
    Some(match p.reading {
        Reading::Relative => return None,
        Reading::DayOnly => human_date(p.at.to_offset(offset).date(), lang),
        _ if inline => human_datetime_inline(p.at, offset, lang),
        _ => human_datetime(p.at, offset, lang),
    })
}

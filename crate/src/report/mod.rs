//! What people read: the bundle's report, its spreadsheet and its instructions, in French or
//! English. Everything here is built from the case view; nothing here decides what is valid.

pub mod csv;
pub mod html;
pub mod letters;
pub mod text;
mod words;

pub use words::{words, Lang, Words};

/// A short excerpt of a text for tables: whitespace folded, at most `max` characters.
pub fn excerpt(text: &str, max: usize) -> String {
    let folded: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= max {
        folded
    } else {
        let cut: String = folded.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_fold_and_cut_on_characters() {
        assert_eq!(excerpt("  a \n b  ", 10), "a b");
        assert_eq!(excerpt("éééééé", 4), "ééé…");
    }
}

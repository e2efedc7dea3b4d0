//! The exact texts of the bundle's fixed files that the verifier rebuilds and compares byte for
//! byte: the export writes them with these same functions.

use crate::canonical::to_canonical_string;
use crate::error::Result;
use crate::journal::{parse_event, Entry, Head};

use super::{JournalElement, JournalFile, Manifest, FORMAT, SUMS};

/// `journal.json`, `chain-head.txt` and `bundle.json` exactly as the writer emits them for a
/// version-2 bundle of `entries` sealed at `exported_at`: the verifier compares byte for byte.
pub fn expected_files(
    version: u32,
    case_id: &str,
    entries: &[Entry],
    exported_at: &str,
    generator: &str,
    language: &str,
) -> Result<(String, String, String)> {
    let head = entries.last().map_or_else(Head::genesis, Entry::head);
    let journal = journal_text(case_id, entries)?;
    let chain_head = format!("{} {}\n", head.seq, head.hash);
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: version,
        case_id: case_id.to_owned(),
        exported_at: exported_at.to_owned(),
        generator: generator.to_owned(),
        language: language.to_owned(),
        head,
        entries: u32::try_from(entries.len()).unwrap_or(u32::MAX),
    };
    Ok((journal, chain_head, to_canonical_string(&manifest)?))
}

/// The canonical text of `journal.json` for `entries`.
pub fn journal_text(case_id: &str, entries: &[Entry]) -> Result<String> {
    let journal = JournalFile {
        case_id: case_id.to_owned(),
        head: entries.last().map_or_else(Head::genesis, Entry::head),
        entries: entries
            .iter()
            .map(|e| {
                // Events that no longer parse are carried as text so verification can name them.
                let event = parse_event(&e.json)
                    .ok()
                    .and_then(|ev| serde_json::to_value(ev).ok())
                    .unwrap_or_else(|| serde_json::Value::String(e.json.clone()));
                JournalElement {
                    seq: e.seq,
                    hash: e.hash.clone(),
                    event,
                }
            })
            .collect(),
    };
    to_canonical_string(&journal)
}

/// `SHA256SUMS` for `(path, digest)` pairs sorted by path: `<digest>  <path>\n` each.
pub fn sums_text<'a>(files: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    files
        .filter(|(path, _)| *path != SUMS)
        .map(|(path, hash)| format!("{hash}  {path}\n"))
        .collect()
}

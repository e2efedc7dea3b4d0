//! Reading a bundle without trusting it: every entry name is checked before anything is
//! used, sizes are enforced while reading (a declared size is a claim, not a fact), and
//! every file is hashed as it streams by. Only the small metadata files are kept in memory.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Seek};

use zip::ZipArchive;

use crate::digest::Sha256Stream;
use crate::error::{Error, ErrorCode, Result};

use super::{parse_artifact_path, FIXED_FILES};

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_entries: usize,
    pub max_total_bytes: u64,
    /// Largest metadata file (journal, manifest, sums) kept in memory.
    pub max_meta_bytes: u64,
    /// Largest expansion ratio allowed for an entry over `ratio_floor` bytes.
    pub max_ratio: u64,
    pub ratio_floor: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entries: 100_000,
            max_total_bytes: 64 << 30,
            max_meta_bytes: 512 << 20,
            max_ratio: 100,
            ratio_floor: 1 << 20,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScannedFile {
    pub size: u64,
    pub sha256: String,
}

/// Every file of a bundle with its size and digest, and the metadata files' bytes.
#[derive(Debug, Default)]
pub struct Scanned {
    pub files: BTreeMap<String, ScannedFile>,
    pub meta: BTreeMap<String, Vec<u8>>,
}

const CHUNK: usize = 64 * 1024;

pub fn scan<R: Read + Seek>(reader: R, limits: &Limits) -> Result<Scanned> {
    let mut archive = ZipArchive::new(reader).map_err(|e| {
        Error::new(
            ErrorCode::CorruptBundle,
            format!("this file is not a readable ZIP bundle ({e})"),
        )
    })?;
    // The archive keeps one file per name; the central directory may hold more.
    if archive.has_duplicate_names() {
        return Err(Error::new(
            ErrorCode::DuplicateEntry,
            "the bundle holds two files of the same name: refused",
        ));
    }
    if archive.len() > limits.max_entries {
        return Err(Error::new(
            ErrorCode::ZipBomb,
            format!(
                "the bundle declares {} files, more than the {} a bundle may hold",
                archive.len(),
                limits.max_entries
            ),
        ));
    }
    let mut scanned = Scanned::default();
    let mut names = BTreeSet::new();
    let mut total: u64 = 0;
    let mut buf = vec![0u8; CHUNK];
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).map_err(|e| {
            Error::new(
                ErrorCode::CorruptBundle,
                format!("file {index} of the bundle cannot be read ({e})"),
            )
        })?;
        let name = String::from_utf8_lossy(file.name_raw()).into_owned();
        if file.is_dir() {
            check_name(name.trim_end_matches('/'), true)?;
            continue;
        }
        check_name(&name, false)?;
        if !names.insert(name.clone()) {
            return Err(Error::new(
                ErrorCode::DuplicateEntry,
                format!("the bundle holds '{name}' twice"),
            ));
        }
        let declared = file.size();
        let compressed = file.compressed_size();
        if declared > limits.ratio_floor && declared / compressed.max(1) > limits.max_ratio {
            return Err(Error::new(
                ErrorCode::ZipBomb,
                format!("'{name}' would expand {declared} bytes from {compressed}: refused as a ZIP bomb"),
            ));
        }
        total = total.saturating_add(declared);
        if total > limits.max_total_bytes {
            return Err(Error::new(
                ErrorCode::ZipBomb,
                format!("the bundle expands beyond {} bytes", limits.max_total_bytes),
            ));
        }
        let keep = is_meta(&name);
        if keep && declared > limits.max_meta_bytes {
            return Err(Error::new(
                ErrorCode::ZipBomb,
                format!("'{name}' is larger than {} bytes", limits.max_meta_bytes),
            ));
        }
        let mut hasher = Sha256Stream::new();
        let mut kept = Vec::new();
        let mut read: u64 = 0;
        // Read at most one byte more than declared: that byte proves the declaration false.
        let mut limited = (&mut file).take(declared.saturating_add(1));
        loop {
            let n = limited.read(&mut buf).map_err(|e| {
                Error::new(
                    ErrorCode::CorruptBundle,
                    format!("'{name}' is damaged or truncated ({e})"),
                )
            })?;
            if n == 0 {
                break;
            }
            read += n as u64;
            if read > declared {
                return Err(Error::new(
                    ErrorCode::SizeMismatch,
                    format!("'{name}' holds more than the {declared} bytes it declares"),
                ));
            }
            hasher.update(&buf[..n]);
            if keep {
                kept.extend_from_slice(&buf[..n]);
            }
        }
        if read != declared {
            return Err(Error::new(
                ErrorCode::SizeMismatch,
                format!("'{name}' holds {read} bytes, not the {declared} it declares"),
            ));
        }
        scanned.files.insert(
            name.clone(),
            ScannedFile {
                size: read,
                sha256: hasher.finish_hex(),
            },
        );
        if keep {
            scanned.meta.insert(name, kept);
        }
    }
    Ok(scanned)
}

fn is_meta(name: &str) -> bool {
    matches!(
        name,
        super::MANIFEST | super::JOURNAL | super::SUMS | super::CHAIN_HEAD
    )
}

/// A name is accepted only if it is one of the layout's: relative, ASCII, no `..`, no `\`.
fn check_name(name: &str, directory: bool) -> Result<()> {
    let unsafe_entry = |why: &str| {
        Err(Error::new(
            ErrorCode::UnsafeEntry,
            format!(
                "the bundle holds an entry named '{}', {why}: refused",
                name.escape_debug()
            ),
        ))
    };
    if name.starts_with('/') || name.contains('\\') || name.contains(':') {
        return unsafe_entry("an absolute path");
    }
    if name
        .split('/')
        .any(|part| part == ".." || part == "." || part.is_empty())
    {
        return unsafe_entry("a path that leaves its folder");
    }
    if !name.is_ascii() || name.bytes().any(|b| b.is_ascii_control()) {
        return unsafe_entry("with characters a bundle never uses");
    }
    let in_layout = if directory {
        let mut parts = name.split('/');
        matches!(parts.next(), Some("captures" | "added-files"))
            && parts
                .next()
                .is_none_or(|n| n.len() == 6 && n.bytes().all(|b| b.is_ascii_digit()))
            && parts.next().is_none()
    } else {
        FIXED_FILES.contains(&name) || parse_artifact_path(name).is_some()
    };
    if !in_layout {
        return unsafe_entry("which is not part of a Témoin bundle");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outside_the_layout_are_refused() {
        for bad in [
            "/etc/passwd",
            "../x",
            "captures/000001/../../x",
            "C:\\x",
            "captures\\000001\\a",
            "evil.exe",
            "captures/000001/UPPER.png",
            "captures//a",
            "report.html\u{0}",
        ] {
            assert_eq!(
                check_name(bad, false).unwrap_err().code,
                ErrorCode::UnsafeEntry,
                "{bad}"
            );
        }
        for good in [
            "report.html",
            "SHA256SUMS",
            "captures/000001/page.html",
            "added-files/000002/a.eml",
        ] {
            check_name(good, false).unwrap();
        }
        check_name("captures/000001", true).unwrap();
        check_name("captures", true).unwrap();
        assert!(check_name("tmp", true).is_err());
    }
}

//! Reading a bundle without trusting it: the container's structure is checked from the raw
//! bytes before anything is inflated (bundle/container.rs), every name is checked against the
//! layout, sizes are enforced while reading (a declared size is a claim, not a fact), and every
//! file is hashed as it streams by. Only the small metadata files are kept in memory, each
//! within a bound fixed before it is read.

use std::collections::BTreeMap;
use std::io::{Read, Seek};

use crate::digest::Sha256Stream;
use crate::error::{Error, ErrorCode, Result};

use super::container::{read_directory, read_member, ContainerLimits, Source};
use super::{is_layout_path, CHAIN_HEAD, JOURNAL, MANIFEST, SUMS};

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_entries: usize,
    pub max_total_bytes: u64,
    /// Largest metadata file (journal, manifest) kept in memory.
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
            max_meta_bytes: 256 << 20,
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
    /// The ZIP wrote sizes after the data (format version 1's writer did).
    pub uses_descriptors: bool,
    /// SHA256SUMS was larger than any exact sums file of this bundle could be: not kept.
    pub sums_too_large: bool,
}

/// Longest line of an exact SHA256SUMS: 64 hex, two spaces, the longest path, a newline.
pub const MAX_SUMS_LINE: u64 = 64 + 2 + 120 + 1;

/// Reads the whole bundle; `progress(done, total)` is told the bytes read so far.
pub fn scan<R: Read + Seek>(
    reader: R,
    limits: &Limits,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Scanned> {
    let mut src = Source::new(reader)?;
    let container_limits = ContainerLimits {
        max_entries: limits.max_entries,
        max_total_bytes: limits.max_total_bytes,
        max_ratio: limits.max_ratio,
        ratio_floor: limits.ratio_floor,
    };
    let directory = read_directory(&mut src, &container_limits)?;
    for m in &directory.members {
        if !is_layout_path(&m.name) {
            return Err(unsafe_name(&m.name));
        }
    }
    let total = src.len();
    let mut scanned = Scanned {
        uses_descriptors: directory.uses_descriptors,
        ..Scanned::default()
    };
    let sums_bound = MAX_SUMS_LINE * directory.members.len() as u64;
    for m in &directory.members {
        let keep = match m.name.as_str() {
            SUMS => {
                if m.size > sums_bound {
                    scanned.sums_too_large = true;
                    false
                } else {
                    true
                }
            }
            MANIFEST | CHAIN_HEAD => {
                m.size <= 64 * 1024 || return Err(too_large(&m.name, 64 * 1024))
            }
            JOURNAL => {
                m.size <= limits.max_meta_bytes
                    || return Err(too_large(&m.name, limits.max_meta_bytes))
            }
            _ => false,
        };
        let mut hasher = Sha256Stream::new();
        let mut kept = Vec::new();
        read_member(&mut src, m, |chunk| {
            hasher.update(chunk);
            if keep {
                kept.extend_from_slice(chunk);
            }
        })?;
        scanned.files.insert(
            m.name.clone(),
            ScannedFile {
                size: m.size,
                sha256: hasher.finish_hex(),
            },
        );
        if keep {
            scanned.meta.insert(m.name.clone(), kept);
        }
        progress((m.data_offset + m.compressed).min(total), total);
    }
    Ok(scanned)
}

fn too_large(name: &str, max: u64) -> Error {
    Error::new(
        ErrorCode::ZipBomb,
        format!("'{name}' is larger than the {max} bytes it may have: refused"),
    )
    .with_file(name)
}

fn unsafe_name(name: &str) -> Error {
    let shown = name.escape_debug().to_string();
    let why = if name.starts_with('/') || name.contains('\\') || name.contains(':') {
        "an absolute path"
    } else if name
        .split('/')
        .any(|part| part == ".." || part == "." || part.is_empty())
    {
        "a path that leaves its folder"
    } else {
        "which is not part of a Témoin bundle"
    };
    Error::new(
        ErrorCode::UnsafeEntry,
        format!("the bundle holds an entry named '{shown}', {why}: refused"),
    )
    .with_file(&shown)
}

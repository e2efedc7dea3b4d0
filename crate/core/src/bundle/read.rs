//! Reading a bundle without trusting it: the container's directory and limits are checked from
//! the raw bytes before anything is inflated (bundle/container.rs), then the file is read once
//! from start to end, each member's place, local header and name checked just before its data;
//! sizes are enforced while reading (a declared size is a claim, not a fact), and every file is
//! hashed as it streams by (by the core, or, for a file stored as it is, by a caller that holds
//! its bytes: `check_next`). Only the small metadata files are kept in memory, each within a
//! bound fixed before it is read.

use std::collections::BTreeMap;
use std::io::{Read, Seek};

use crate::digest::Sha256Stream;
use crate::error::{Error, ErrorCode, Result};

use super::container::{
    read_central, read_member, ContainerLimits, Member, Source, Tiling, STORED,
};
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
    /// Which members (in file order) this holds.
    pub part: Part,
}

/// Members `from..to`, in file order, of a bundle of `of`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub from: usize,
    pub to: usize,
    pub of: usize,
}

/// Longest line of an exact SHA256SUMS: 64 hex, two spaces, the longest path, a newline.
pub const MAX_SUMS_LINE: u64 = 64 + 2 + 120 + 1;

/// Reads the whole bundle, from start to end.
pub fn scan<R: Read + Seek>(reader: R, limits: &Limits) -> Result<Scanned> {
    let mut scan = Scan::open(reader, limits)?;
    while scan.remaining() > 0 {
        scan.scan_next()?;
    }
    scan.finish()
}

/// A bundle read once from start to end, one member at a time: each member's local header is
/// checked just before its data streams by. The members may be split in parts, each scanned by
/// a reader of its own (the browser's workers), and the parts merged (`Scanned::merge`).
pub struct Scan<R: Read + Seek> {
    src: Source<R>,
    /// In file order.
    members: Vec<Member>,
    cd_offset: u64,
    max_meta_bytes: u64,
    sums_bound: u64,
    next: usize,
    end: usize,
    tiling: Tiling,
    scanned: Scanned,
    /// The next member's place and name are checked, and what `check_next` said of it.
    checked: Option<Checked>,
}

#[derive(Debug, Clone, Copy)]
struct Checked {
    /// Its bytes are kept in memory (a metadata file).
    keep: bool,
    /// `check_next` pointed to its bytes: a digest of them may be given.
    offered: bool,
}

/// Where a stored member's bytes lie in the file: they are its content as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredData {
    pub offset: u64,
    pub len: u64,
}

impl<R: Read + Seek> Scan<R> {
    /// Reads and checks the end records and the directory (every name against the layout).
    pub fn open(reader: R, limits: &Limits) -> Result<Self> {
        let mut src = Source::new(reader)?;
        let container_limits = ContainerLimits {
            max_entries: limits.max_entries,
            max_total_bytes: limits.max_total_bytes,
            max_ratio: limits.max_ratio,
            ratio_floor: limits.ratio_floor,
        };
        let central = read_central(&mut src, &container_limits)?;
        let count = central.members.len();
        Ok(Scan {
            src,
            sums_bound: MAX_SUMS_LINE * count as u64,
            max_meta_bytes: limits.max_meta_bytes,
            next: 0,
            end: count,
            tiling: Tiling::new(0, central.cd_offset, central.cd_offset),
            checked: None,
            cd_offset: central.cd_offset,
            scanned: Scanned {
                uses_descriptors: central.uses_descriptors,
                part: Part {
                    from: 0,
                    to: count,
                    of: count,
                },
                ..Scanned::default()
            },
            members: central.members,
        })
    }

    /// Where each member's local header starts, in file order, then where the directory does:
    /// member `i` spans `bounds[i]..bounds[i + 1]` in a valid bundle.
    pub fn bounds(&self) -> Vec<u64> {
        self.members
            .iter()
            .map(|m| m.header_offset)
            .chain([self.cd_offset])
            .collect()
    }

    /// Scans only members `from..to` (in file order), as one part of a bundle split between
    /// readers. Only before the first member is scanned.
    pub fn restrict(&mut self, from: usize, to: usize) -> Result<()> {
        let count = self.members.len();
        if self.next != 0 || self.checked.is_some() || from > to || to > count {
            return Err(Error::new(
                ErrorCode::Unexpected,
                format!("members {from}..{to} of {count} cannot be a part of this scan"),
            ));
        }
        let bounds = self.bounds();
        let start = if from == 0 { 0 } else { bounds[from] };
        self.tiling = Tiling::new(start, bounds[to], self.cd_offset);
        self.next = from;
        self.end = to;
        self.scanned.part = Part {
            from,
            to,
            of: count,
        };
        Ok(())
    }

    /// How many members are left to scan.
    pub fn remaining(&self) -> usize {
        self.end - self.next
    }

    /// Checks and reads the next member; returns where its bytes end in the file.
    pub fn scan_next(&mut self) -> Result<u64> {
        self.check_next()?;
        self.read_next(None)
    }

    /// Checks the next member's place and name, before any of its bytes are read. Returns where
    /// its content lies in the file when it is stored as it is and not kept in memory: a caller
    /// that has those bytes at hand may hash them itself (the browser's SHA-256 runs at three
    /// times the core's in WebAssembly) and give the digest to `read_next`.
    pub fn check_next(&mut self) -> Result<Option<StoredData>> {
        let Some(m) = self
            .members
            .get_mut(self.next)
            .filter(|_| self.next < self.end && self.checked.is_none())
        else {
            return Err(Error::new(
                ErrorCode::Unexpected,
                "no member is left to check",
            ));
        };
        // Its place first: a file that shares another's bytes is refused as such, whatever
        // its name; then its name, before any of its bytes are read.
        self.tiling.check(&mut self.src, m)?;
        let m = &self.members[self.next];
        if !is_layout_path(&m.name) {
            return Err(unsafe_name(&m.name));
        }
        let keep = match m.name.as_str() {
            SUMS => {
                if m.size > self.sums_bound {
                    self.scanned.sums_too_large = true;
                    false
                } else {
                    true
                }
            }
            MANIFEST | CHAIN_HEAD => {
                m.size <= 64 * 1024 || return Err(too_large(&m.name, 64 * 1024))
            }
            JOURNAL => {
                m.size <= self.max_meta_bytes || return Err(too_large(&m.name, self.max_meta_bytes))
            }
            _ => false,
        };
        let offered = !keep && m.method == STORED && m.compressed == m.size;
        self.checked = Some(Checked { keep, offered });
        Ok(offered.then_some(StoredData {
            offset: m.data_offset,
            len: m.size,
        }))
    }

    /// Reads the member `check_next` checked: its size, CRC-32 and, unless `sha256` gives the
    /// digest of the bytes `check_next` pointed to, its SHA-256. Returns where it ends.
    pub fn read_next(&mut self, sha256: Option<[u8; 32]>) -> Result<u64> {
        let (Some(Checked { keep, offered }), Some(m)) =
            (self.checked, self.members.get(self.next))
        else {
            return Err(Error::new(
                ErrorCode::Unexpected,
                "no member was checked before it is read",
            ));
        };
        if sha256.is_some() && !offered {
            return Err(Error::new(
                ErrorCode::Unexpected,
                format!(
                    "'{}' is not stored as it is: its digest is the core's to make",
                    m.name
                ),
            ));
        }
        let mut hasher = Sha256Stream::new();
        let mut kept = Vec::new();
        read_member(&mut self.src, m, |chunk| {
            if sha256.is_none() {
                hasher.update(chunk);
            }
            if keep {
                kept.extend_from_slice(chunk);
            }
        })?;
        let digest = sha256.map_or_else(|| hasher.finish_hex(), hex::encode);
        self.scanned.files.insert(
            m.name.clone(),
            ScannedFile {
                size: m.size,
                sha256: digest,
            },
        );
        if keep {
            self.scanned.meta.insert(m.name.clone(), kept);
        }
        let ended = m.data_offset + m.compressed;
        self.checked = None;
        self.next += 1;
        Ok(ended)
    }

    /// What was read, once every member of the part was; checks that they tiled it.
    pub fn finish(self) -> Result<Scanned> {
        if self.next < self.end {
            return Err(Error::new(
                ErrorCode::Unexpected,
                format!("{} members are left to scan", self.end - self.next),
            ));
        }
        self.tiling.finish()?;
        Ok(self.scanned)
    }
}

impl Scanned {
    /// The parts of one bundle, scanned apart, as one: they must be the whole, each once.
    pub fn merge(mut parts: Vec<Scanned>) -> Result<Scanned> {
        parts.sort_by_key(|p| p.part.from);
        let of = parts.first().map_or(0, |p| p.part.of);
        let mut at = 0;
        let mut whole = Scanned {
            part: Part {
                from: 0,
                to: of,
                of,
            },
            ..Scanned::default()
        };
        for p in parts {
            if p.part.of != of || p.part.from != at {
                return Err(Error::new(
                    ErrorCode::Unexpected,
                    format!(
                        "the parts read do not cover the bundle's {of} files once each (a part of {} starts at {}, not {at})",
                        p.part.of, p.part.from
                    ),
                ));
            }
            at = p.part.to;
            whole.files.extend(p.files);
            whole.meta.extend(p.meta);
            whole.uses_descriptors |= p.uses_descriptors;
            whole.sums_too_large |= p.sums_too_large;
        }
        if at != of {
            return Err(Error::new(
                ErrorCode::Unexpected,
                format!("the parts read end at file {at} of the bundle's {of}"),
            ));
        }
        Ok(whole)
    }
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

//! The bundle's ZIP container, in exactly one layout (docs/bundle-format.md, "The container"),
//! written and read by this module alone.
//!
//! Why not the `zip` crate: writing to a stream that cannot seek (the browser drains the output
//! as it goes), zip 9.8's `StreamWriter` always sets the data-descriptor flag and writes the CRC
//! and sizes after the data, which Java's `ZipInputStream` cannot read for stored entries; and its
//! reader is lenient by design (it finds the end record anywhere in the last 64 KiB, ignores
//! local headers, gaps and appended data), while a verifier must refuse any file that another
//! tool could read differently. Artifacts arrive whole, so the CRC and both sizes are known
//! before the local header is written; CRC-32 comes from crc32fast and deflate from flate2.
//!
//! The layout: local headers from offset 0, entries back to back, sizes and CRC in every local
//! header, PNG/JPEG stored and the rest deflated, no extra field but ZIP64 where a value does
//! not fit in 32 bits, ASCII names, regular-file attributes (0100644), then the central
//! directory, one end record (ZIP64 records only when needed), no comment, nothing after.

use std::io::{self, Read, Seek, SeekFrom, Write};

use crc32fast::Hasher as Crc32;
use flate2::write::DeflateEncoder;
use flate2::Compression;

use crate::error::{Error, ErrorCode, Result};

const LOCAL_SIG: u32 = 0x0403_4b50;
const CENTRAL_SIG: u32 = 0x0201_4b50;
const END_SIG: u32 = 0x0605_4b50;
const ZIP64_END_SIG: u32 = 0x0606_4b50;
const ZIP64_LOCATOR_SIG: u32 = 0x0706_4b50;
const DESCRIPTOR_SIG: u32 = 0x0807_4b50;
const ZIP64_EXTRA: u16 = 0x0001;

const LOCAL_LEN: u64 = 30;
const CENTRAL_LEN: usize = 46;
const END_LEN: u64 = 22;
const ZIP64_END_LEN: u64 = 56;
const ZIP64_LOCATOR_LEN: u64 = 20;
/// "Look in the ZIP64 record" in a 32-bit (16-bit for counts) field.
const MAX32: u32 = u32::MAX;
const MAX16: u16 = u16::MAX;

pub(crate) const STORED: u16 = 0;
const DEFLATED: u16 = 8;
/// The most a written entry may be deflated: half the ratio the reader refuses (`max_ratio`,
/// 100), so that whatever Témoin writes, Témoin and other careful readers open.
const MAX_WRITTEN_RATIO: u64 = 50;
const FLAG_DESCRIPTOR: u16 = 1 << 3;
/// A regular file, rw-r--r--, in the Unix half of the external attributes.
const REGULAR_FILE: u32 = 0o100_644 << 16;
const UNIX: u16 = 3 << 8;
/// A directory record holds at most this much for one file: the fixed part, the longest name
/// of the layout and a ZIP64 extra field. Anything longer is refused before it is read.
const MAX_CENTRAL_RECORD: u64 = 46 + 255 + 28;
/// Longest name the layout has (`added-files/NNNNNN/` + 64 + `.txt`), with room to spare.
const MAX_NAME: usize = 255;

/// DOS date and time of every file: the export's start.
#[derive(Debug, Clone, Copy, Default)]
pub struct DosTime {
    pub time: u16,
    pub date: u16,
}

impl DosTime {
    pub fn new(year: i32, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> DosTime {
        let year = u16::try_from(year.clamp(1980, 2107) - 1980).unwrap_or(0);
        DosTime {
            time: (u16::from(hour) << 11) | (u16::from(minute) << 5) | (u16::from(second) / 2),
            date: (year << 9) | (u16::from(month) << 5) | u16::from(day),
        }
    }
}

struct Written {
    name: String,
    method: u16,
    crc: u32,
    compressed: u64,
    size: u64,
    offset: u64,
}

/// Writes the one layout to any `Write`; nothing is ever sought back to.
pub struct ContainerWriter<W: Write> {
    out: W,
    offset: u64,
    written: Vec<Written>,
    when: DosTime,
}

fn version_needed(method: u16, zip64: bool) -> u16 {
    if zip64 {
        45
    } else if method == DEFLATED {
        20
    } else {
        10
    }
}

impl<W: Write> ContainerWriter<W> {
    pub fn new(out: W, when: DosTime) -> Self {
        ContainerWriter {
            out,
            offset: 0,
            written: Vec::new(),
            when,
        }
    }

    /// Writes one file: its local header (with the CRC and both sizes), then its data.
    pub fn add(&mut self, name: &str, bytes: &[u8], compress: bool) -> io::Result<()> {
        if !name.is_ascii() || name.is_empty() || name.len() > MAX_NAME {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "names are 1 to 255 ASCII characters",
            ));
        }
        let mut crc = Crc32::new();
        crc.update(bytes);
        let crc = crc.finalize();
        let deflated;
        let (method, data) = if compress {
            let mut enc = DeflateEncoder::new(Vec::new(), Compression::default());
            enc.write_all(bytes)?;
            deflated = enc.finish()?;
            // A very repetitive file (a page of thousands of like replies) deflates more than
            // any reader should trust (ZIP-bomb checks, ours included): it is stored as it is.
            if bytes.len() as u64 / (deflated.len() as u64).max(1) > MAX_WRITTEN_RATIO {
                (STORED, bytes)
            } else {
                (DEFLATED, deflated.as_slice())
            }
        } else {
            (STORED, bytes)
        };
        let entry = Written {
            name: name.to_owned(),
            method,
            crc,
            compressed: data.len() as u64,
            size: bytes.len() as u64,
            offset: self.offset,
        };
        let header = local_header(&entry, self.when);
        self.out.write_all(&header)?;
        self.out.write_all(data)?;
        self.offset += header.len() as u64 + entry.compressed;
        self.written.push(entry);
        Ok(())
    }

    /// Writes the central directory and the end record(s); returns the output.
    pub fn finish(mut self) -> io::Result<W> {
        let cd_offset = self.offset;
        let mut cd = Vec::new();
        for e in &self.written {
            cd.extend_from_slice(&central_record(e, self.when));
        }
        self.out.write_all(&cd)?;
        let count = self.written.len() as u64;
        let cd_size = cd.len() as u64;
        let zip64 = count >= u64::from(MAX16)
            || cd_size >= u64::from(MAX32)
            || cd_offset >= u64::from(MAX32);
        let mut end = Vec::new();
        if zip64 {
            let zip64_end_offset = cd_offset + cd_size;
            put32(&mut end, ZIP64_END_SIG);
            put64(&mut end, ZIP64_END_LEN - 12);
            put16(&mut end, UNIX | 45);
            put16(&mut end, 45);
            put32(&mut end, 0);
            put32(&mut end, 0);
            put64(&mut end, count);
            put64(&mut end, count);
            put64(&mut end, cd_size);
            put64(&mut end, cd_offset);
            put32(&mut end, ZIP64_LOCATOR_SIG);
            put32(&mut end, 0);
            put64(&mut end, zip64_end_offset);
            put32(&mut end, 1);
        }
        put32(&mut end, END_SIG);
        put16(&mut end, 0);
        put16(&mut end, 0);
        let count16 = u16::try_from(count.min(u64::from(MAX16))).unwrap_or(MAX16);
        put16(&mut end, count16);
        put16(&mut end, count16);
        put32(&mut end, clamp32(cd_size));
        put32(&mut end, clamp32(cd_offset));
        put16(&mut end, 0);
        self.out.write_all(&end)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

fn clamp32(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(MAX32)
}

fn needs_zip64(v: u64) -> bool {
    v >= u64::from(MAX32)
}

fn local_extra(size: u64, compressed: u64) -> Vec<u8> {
    let mut x = Vec::new();
    if needs_zip64(size) || needs_zip64(compressed) {
        put16(&mut x, ZIP64_EXTRA);
        put16(&mut x, 16);
        put64(&mut x, size);
        put64(&mut x, compressed);
    }
    x
}

fn central_extra(size: u64, compressed: u64, offset: u64) -> Vec<u8> {
    let mut fields = Vec::new();
    for v in [size, compressed, offset] {
        if needs_zip64(v) {
            put64(&mut fields, v);
        }
    }
    let mut x = Vec::new();
    if !fields.is_empty() {
        put16(&mut x, ZIP64_EXTRA);
        put16(&mut x, u16::try_from(fields.len()).unwrap_or(0));
        x.extend_from_slice(&fields);
    }
    x
}

fn entry_zip64(size: u64, compressed: u64, offset: u64) -> bool {
    needs_zip64(size) || needs_zip64(compressed) || needs_zip64(offset)
}

fn local_header(e: &Written, when: DosTime) -> Vec<u8> {
    let extra = local_extra(e.size, e.compressed);
    let needed = version_needed(e.method, entry_zip64(e.size, e.compressed, e.offset));
    let mut h = Vec::with_capacity(30 + e.name.len() + extra.len());
    put32(&mut h, LOCAL_SIG);
    put16(&mut h, needed);
    put16(&mut h, 0);
    put16(&mut h, e.method);
    put16(&mut h, when.time);
    put16(&mut h, when.date);
    put32(&mut h, e.crc);
    put32(&mut h, clamp32(e.compressed));
    put32(&mut h, clamp32(e.size));
    put16(&mut h, u16::try_from(e.name.len()).unwrap_or(0));
    put16(&mut h, u16::try_from(extra.len()).unwrap_or(0));
    h.extend_from_slice(e.name.as_bytes());
    h.extend_from_slice(&extra);
    h
}

fn central_record(e: &Written, when: DosTime) -> Vec<u8> {
    let extra = central_extra(e.size, e.compressed, e.offset);
    let needed = version_needed(e.method, entry_zip64(e.size, e.compressed, e.offset));
    let mut h = Vec::with_capacity(CENTRAL_LEN + e.name.len() + extra.len());
    put32(&mut h, CENTRAL_SIG);
    put16(&mut h, UNIX | needed);
    put16(&mut h, needed);
    put16(&mut h, 0);
    put16(&mut h, e.method);
    put16(&mut h, when.time);
    put16(&mut h, when.date);
    put32(&mut h, e.crc);
    put32(&mut h, clamp32(e.compressed));
    put32(&mut h, clamp32(e.size));
    put16(&mut h, u16::try_from(e.name.len()).unwrap_or(0));
    put16(&mut h, u16::try_from(extra.len()).unwrap_or(0));
    put16(&mut h, 0);
    put16(&mut h, 0);
    put16(&mut h, 0);
    put32(&mut h, REGULAR_FILE);
    put32(&mut h, clamp32(e.offset));
    h.extend_from_slice(e.name.as_bytes());
    h.extend_from_slice(&extra);
    h
}

fn put16(v: &mut Vec<u8>, x: u16) {
    v.extend_from_slice(&x.to_le_bytes());
}
fn put32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}
fn put64(v: &mut Vec<u8>, x: u64) {
    v.extend_from_slice(&x.to_le_bytes());
}

// ---------------------------------------------------------------------------------------------
// Reading.

/// Random access to the bundle's bytes, through a window so that the many small reads of
/// headers cost one read of the underlying file (or `File` slice in the browser) each.
pub struct Source<R: Read + Seek> {
    inner: R,
    len: u64,
    window_start: u64,
    window: Vec<u8>,
}

/// Headers are small: a window this size holds a local header and its names, and a check of
/// every member's header (one window each, members being far apart) reads little beyond them.
const WINDOW: usize = 64 * 1024;

impl<R: Read + Seek> Source<R> {
    pub fn new(mut inner: R) -> Result<Self> {
        let len = inner.seek(SeekFrom::End(0)).map_err(io_error)?;
        Ok(Source {
            inner,
            len,
            window_start: 0,
            window: Vec::new(),
        })
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Exactly `buf.len()` bytes at `pos`, or an error if the file ends before.
    pub fn read_at(&mut self, pos: u64, buf: &mut [u8]) -> Result<()> {
        let end = pos.checked_add(buf.len() as u64).filter(|e| *e <= self.len);
        let Some(end) = end else {
            return Err(truncated());
        };
        let in_window =
            pos >= self.window_start && end <= self.window_start + self.window.len() as u64;
        if !in_window {
            if buf.len() > WINDOW / 2 {
                self.inner.seek(SeekFrom::Start(pos)).map_err(io_error)?;
                return self.inner.read_exact(buf).map_err(io_error);
            }
            let want = usize::try_from((self.len - pos).min(WINDOW as u64)).unwrap_or(WINDOW);
            self.window.resize(want, 0);
            self.inner.seek(SeekFrom::Start(pos)).map_err(io_error)?;
            // The window is filled as far as the file gives at once, but at least over `buf`:
            // a reader that serves what it holds in memory is not made to fetch more.
            let mut got = 0;
            while got < buf.len() {
                match self.inner.read(&mut self.window[got..]) {
                    Ok(0) => return Err(truncated()),
                    Ok(n) => got += n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(io_error(e)),
                }
            }
            self.window.truncate(got);
            self.window_start = pos;
        }
        let from = usize::try_from(pos - self.window_start).map_err(|_| truncated())?;
        buf.copy_from_slice(&self.window[from..from + buf.len()]);
        Ok(())
    }
}

fn io_error(e: io::Error) -> Error {
    Error::new(
        ErrorCode::CorruptBundle,
        format!("the file cannot be read ({e})"),
    )
}

fn truncated() -> Error {
    Error::new(
        ErrorCode::CorruptBundle,
        "the file ends before what its ZIP structure declares: it is truncated or not a bundle",
    )
}

/// One file of the container, as the central directory and its local header agree on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub method: u16,
    pub crc: u32,
    pub compressed: u64,
    pub size: u64,
    pub header_offset: u64,
    pub data_offset: u64,
    /// DOS time and date, as the directory gives them (the local header must agree).
    pub modified: [u8; 4],
    /// The sizes and CRC were also written after the data (allowed in format version 1 only).
    pub descriptor: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Directory {
    /// In file order.
    pub members: Vec<Member>,
    pub uses_descriptors: bool,
}

/// How much a hostile container may make the reader do.
#[derive(Debug, Clone, Copy)]
pub struct ContainerLimits {
    pub max_entries: usize,
    pub max_total_bytes: u64,
    pub max_ratio: u64,
    pub ratio_floor: u64,
}

fn le16(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}
fn le32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}
fn le64(b: &[u8], at: usize) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(x)
}

fn refuse(code: ErrorCode, message: impl Into<String>) -> Error {
    Error::new(code, message)
}

fn refuse_file(code: ErrorCode, file: &str, message: impl Into<String>) -> Error {
    Error::new(code, message).with_file(file)
}

/// Reads and checks the whole structure from the raw bytes, before any file is inflated:
/// the end record(s), the directory, and every local header against its directory entry,
/// with the entries tiling the file from offset 0 to the directory with no byte unaccounted.
pub fn read_directory<R: Read + Seek>(
    src: &mut Source<R>,
    limits: &ContainerLimits,
) -> Result<Directory> {
    let mut central = read_central(src, limits)?;
    let mut tiling = Tiling::new(0, central.cd_offset, central.cd_offset);
    for m in &mut central.members {
        tiling.check(src, m)?;
    }
    tiling.finish()?;
    Ok(Directory {
        uses_descriptors: central.uses_descriptors,
        members: central.members,
    })
}

/// The end record(s) and the central directory, checked, with every limit that the directory's
/// own figures allow to enforce (count, declared total, expansion ratio); the members come in
/// file order, their local headers not read yet: `Tiling` checks them one by one, so that a
/// reader going through the file once checks each just before its data.
pub fn read_central<R: Read + Seek>(
    src: &mut Source<R>,
    limits: &ContainerLimits,
) -> Result<Central> {
    let len = src.len();
    if len < END_LEN {
        return Err(refuse(
            ErrorCode::CorruptBundle,
            "this file is too short to be a ZIP bundle",
        ));
    }
    let end_at = len - END_LEN;
    let mut end = [0u8; END_LEN as usize];
    src.read_at(end_at, &mut end)?;
    if le32(&end, 0) != END_SIG {
        return Err(explain_missing_end(src));
    }
    let (disk, cd_disk) = (le16(&end, 4), le16(&end, 6));
    let (count_disk, count16) = (le16(&end, 8), le16(&end, 10));
    let (cd_size32, cd_offset32, comment) = (le32(&end, 12), le32(&end, 16), le16(&end, 20));
    if disk != 0 || cd_disk != 0 || count_disk != count16 {
        return Err(refuse(
            ErrorCode::DirectoryMismatch,
            "the ZIP's end record describes a multi-part archive: a bundle is one file",
        ));
    }
    if comment != 0 {
        return Err(refuse(
            ErrorCode::ExtraBytes,
            "the ZIP's end record announces a comment, which a bundle never has",
        ));
    }
    let zip64 = count16 == MAX16 || cd_size32 == MAX32 || cd_offset32 == MAX32;
    let (count, cd_size, cd_offset, cd_end) = if zip64 {
        read_zip64_end(src, end_at, count16, cd_size32, cd_offset32)?
    } else {
        // A ZIP64 locator where none is needed would give other readers another directory.
        if end_at >= ZIP64_LOCATOR_LEN {
            let mut sig = [0u8; 4];
            src.read_at(end_at - ZIP64_LOCATOR_LEN, &mut sig)?;
            if le32(&sig, 0) == ZIP64_LOCATOR_SIG {
                return Err(refuse(
                    ErrorCode::DirectoryMismatch,
                    "the ZIP has a ZIP64 end record beside its classic one: two directories, refused",
                ));
            }
        }
        (
            u64::from(count16),
            u64::from(cd_size32),
            u64::from(cd_offset32),
            end_at,
        )
    };
    if count > limits.max_entries as u64 {
        return Err(refuse(
            ErrorCode::ZipBomb,
            format!(
                "the bundle declares {count} files, more than the {} a bundle may hold",
                limits.max_entries
            ),
        ));
    }
    if cd_offset.checked_add(cd_size) != Some(cd_end) {
        return Err(refuse(
            if cd_offset.saturating_add(cd_size) < cd_end {
                ErrorCode::ExtraBytes
            } else {
                ErrorCode::DirectoryMismatch
            },
            format!(
                "the central directory ({cd_size} bytes at {cd_offset}) does not end where the end record starts ({cd_end}): the file holds bytes no directory accounts for",
            ),
        ));
    }
    if cd_size > count.saturating_mul(MAX_CENTRAL_RECORD) {
        return Err(refuse(
            ErrorCode::DirectoryMismatch,
            format!("the central directory is {cd_size} bytes long for {count} files: refused"),
        ));
    }
    let mut cd = vec![0u8; usize::try_from(cd_size).map_err(|_| truncated())?];
    src.read_at(cd_offset, &mut cd)?;
    let mut members = parse_central(&cd, count)?;
    members.sort_by_key(|m| m.header_offset);
    let mut declared_total = 0u64;
    for m in &members {
        declared_total = declared_total.saturating_add(m.size);
        if declared_total > limits.max_total_bytes {
            return Err(refuse_file(
                ErrorCode::ZipBomb,
                &m.name,
                format!(
                    "the bundle declares more than {} bytes in all: refused",
                    limits.max_total_bytes
                ),
            ));
        }
        if m.method == DEFLATED
            && m.size > limits.ratio_floor
            && m.size / m.compressed.max(1) > limits.max_ratio
        {
            return Err(refuse_file(
                ErrorCode::ZipBomb,
                &m.name,
                format!(
                    "'{}' would expand {} times (a ZIP bomb): refused",
                    m.name,
                    m.size / m.compressed.max(1)
                ),
            ));
        }
    }
    Ok(Central {
        uses_descriptors: members.iter().any(|m| m.descriptor),
        members,
        cd_offset,
    })
}

/// The members of a container and where its central directory starts.
#[derive(Debug, Clone, Default)]
pub struct Central {
    /// In file order.
    pub members: Vec<Member>,
    pub cd_offset: u64,
    pub uses_descriptors: bool,
}

/// Checks that local headers tile a stretch of the file exactly, one member at a time in file
/// order: each starts where the previous one ended, agrees with its directory entry, and the
/// last ends where the stretch does. The stretches of a file split in parts (read by several
/// readers) are checked each on its own: together they tile it from 0 to the directory.
#[derive(Debug, Clone)]
pub struct Tiling {
    expected_at: u64,
    end: u64,
    cd_offset: u64,
    previous: Option<String>,
}

impl Tiling {
    /// The stretch from `start` to `end` of a container whose directory starts at `cd_offset`.
    pub fn new(start: u64, end: u64, cd_offset: u64) -> Tiling {
        Tiling {
            expected_at: start,
            end,
            cd_offset,
            previous: None,
        }
    }

    /// Checks the next member's place and local header, and sets where its data starts.
    pub fn check<R: Read + Seek>(&mut self, src: &mut Source<R>, m: &mut Member) -> Result<()> {
        let expected_at = self.expected_at;
        if m.header_offset != expected_at {
            let message = match (&self.previous, m.header_offset > expected_at) {
                (None, true) => format!(
                    "{} bytes come before the first file of the ZIP: refused",
                    m.header_offset
                ),
                (Some(p), true) => format!(
                    "{} bytes between '{p}' and '{}' belong to no file of the directory: refused",
                    m.header_offset - expected_at,
                    m.name
                ),
                (Some(p), false) => {
                    format!(
                        "'{}' overlaps '{p}': two files share bytes, refused",
                        m.name
                    )
                }
                (None, false) => "the ZIP's first file is misplaced".into(),
            };
            return Err(refuse_file(ErrorCode::ExtraBytes, &m.name, message));
        }
        let next = check_local(src, m, self.cd_offset)?;
        if next > self.end {
            return Err(refuse_file(
                ErrorCode::ExtraBytes,
                &m.name,
                format!(
                    "'{}' overlaps the file after it: two files share bytes, refused",
                    m.name
                ),
            ));
        }
        self.expected_at = next;
        self.previous = Some(m.name.clone());
        Ok(())
    }

    /// Checks that the last member ended where the stretch does.
    pub fn finish(&self) -> Result<()> {
        if self.expected_at == self.end {
            return Ok(());
        }
        let last = self.previous.clone().unwrap_or_default();
        let message = if self.expected_at < self.end {
            if self.end == self.cd_offset {
                format!(
                    "{} bytes between the last file and the central directory belong to no file: refused",
                    self.end - self.expected_at
                )
            } else {
                format!(
                    "{} bytes after '{last}' belong to no file of the directory: refused",
                    self.end - self.expected_at
                )
            }
        } else if self.end == self.cd_offset {
            "the last file runs into the central directory: refused".into()
        } else {
            format!("'{last}' overlaps the file after it: two files share bytes, refused")
        };
        Err(refuse_file(ErrorCode::ExtraBytes, &last, message))
    }
}

/// Why there is no end record at the very end: a comment or appended bytes, or no ZIP at all.
fn explain_missing_end<R: Read + Seek>(src: &mut Source<R>) -> Error {
    let len = src.len();
    let tail_len = len.min(64 * 1024 + END_LEN);
    let mut tail = vec![0u8; usize::try_from(tail_len).unwrap_or(0)];
    if src.read_at(len - tail_len, &mut tail).is_ok() {
        let records = tail.len().saturating_sub(END_LEN as usize - 4);
        if let Some(p) = tail[..records]
            .windows(4)
            .rposition(|w| le32(w, 0) == END_SIG)
        {
            let after = tail_len.saturating_sub(p as u64 + END_LEN);
            return refuse(
                ErrorCode::ExtraBytes,
                format!(
                    "{after} bytes follow the end of the ZIP (a comment or appended data): refused"
                ),
            );
        }
    }
    refuse(
        ErrorCode::CorruptBundle,
        "this file is not a ZIP bundle (no end record at its end)",
    )
}

fn read_zip64_end<R: Read + Seek>(
    src: &mut Source<R>,
    end_at: u64,
    count16: u16,
    cd_size32: u32,
    cd_offset32: u32,
) -> Result<(u64, u64, u64, u64)> {
    let disagree = |what: &str| {
        refuse(
            ErrorCode::DirectoryMismatch,
            format!("the ZIP64 and classic end records disagree ({what}): refused"),
        )
    };
    let Some(locator_at) = end_at.checked_sub(ZIP64_LOCATOR_LEN) else {
        return Err(disagree("no ZIP64 locator"));
    };
    let mut loc = [0u8; ZIP64_LOCATOR_LEN as usize];
    src.read_at(locator_at, &mut loc)?;
    let Some(record_at) = locator_at.checked_sub(ZIP64_END_LEN) else {
        return Err(disagree("no ZIP64 end record"));
    };
    if le32(&loc, 0) != ZIP64_LOCATOR_SIG
        || le32(&loc, 4) != 0
        || le64(&loc, 8) != record_at
        || le32(&loc, 16) != 1
    {
        return Err(disagree("the ZIP64 locator is missing or points elsewhere"));
    }
    let mut rec = [0u8; ZIP64_END_LEN as usize];
    src.read_at(record_at, &mut rec)?;
    if le32(&rec, 0) != ZIP64_END_SIG
        || le64(&rec, 4) != ZIP64_END_LEN - 12
        || le16(&rec, 12) != UNIX | 45
        || le16(&rec, 14) != 45
        || le32(&rec, 16) != 0
        || le32(&rec, 20) != 0
        || le64(&rec, 24) != le64(&rec, 32)
    {
        return Err(disagree("the ZIP64 end record is not the one a bundle has"));
    }
    let (count, cd_size, cd_offset) = (le64(&rec, 32), le64(&rec, 40), le64(&rec, 48));
    let count_fits = u16::try_from(count).ok().filter(|c| *c < MAX16);
    if count16 != count_fits.unwrap_or(MAX16) {
        return Err(disagree("the number of files"));
    }
    if cd_size32
        != u32::try_from(cd_size)
            .ok()
            .filter(|v| *v < MAX32)
            .unwrap_or(MAX32)
    {
        return Err(disagree("the directory's size"));
    }
    if cd_offset32
        != u32::try_from(cd_offset)
            .ok()
            .filter(|v| *v < MAX32)
            .unwrap_or(MAX32)
    {
        return Err(disagree("the directory's offset"));
    }
    Ok((count, cd_size, cd_offset, record_at))
}

fn parse_central(cd: &[u8], count: u64) -> Result<Vec<Member>> {
    let mut members = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
    let mut names = std::collections::BTreeSet::new();
    let mut at = 0usize;
    for index in 0..count {
        let short = || {
            refuse(
                ErrorCode::DirectoryMismatch,
                format!(
                    "the central directory ends before its file {}: its count is wrong",
                    index + 1
                ),
            )
        };
        let fixed = cd.get(at..at + CENTRAL_LEN).ok_or_else(short)?;
        if le32(fixed, 0) != CENTRAL_SIG {
            return Err(short());
        }
        let made_by = le16(fixed, 4);
        let needed = le16(fixed, 6);
        let flags = le16(fixed, 8);
        let method = le16(fixed, 10);
        let crc = le32(fixed, 16);
        let compressed32 = le32(fixed, 20);
        let size32 = le32(fixed, 24);
        let name_len = usize::from(le16(fixed, 28));
        let extra_len = usize::from(le16(fixed, 30));
        let comment_len = usize::from(le16(fixed, 32));
        let disk = le16(fixed, 34);
        let internal = le16(fixed, 36);
        let external = le32(fixed, 38);
        let offset32 = le32(fixed, 42);
        let mut modified = [0u8; 4];
        modified.copy_from_slice(&fixed[12..16]);
        let var_end = at + CENTRAL_LEN + name_len + extra_len + comment_len;
        let raw_name = cd
            .get(at + CENTRAL_LEN..at + CENTRAL_LEN + name_len)
            .ok_or_else(short)?;
        let extra = cd
            .get(at + CENTRAL_LEN + name_len..at + CENTRAL_LEN + name_len + extra_len)
            .ok_or_else(short)?;
        if var_end > cd.len() {
            return Err(short());
        }
        let name = String::from_utf8_lossy(raw_name).into_owned();
        let shown = name.escape_debug().to_string();
        if !raw_name.is_ascii() || raw_name.iter().any(u8::is_ascii_control) {
            return Err(refuse_file(
                ErrorCode::UnsafeEntry,
                &shown,
                format!("the bundle holds an entry named '{shown}', with characters a bundle never uses: refused"),
            ));
        }
        if name.ends_with('/') || (external >> 16) & 0o170_000 == 0o040_000 || external & 0x10 != 0
        {
            return Err(refuse_file(
                ErrorCode::NotAFile,
                &shown,
                format!("'{shown}' is a directory entry; a bundle holds only files: refused"),
            ));
        }
        if (external >> 16) & 0o170_000 == 0o120_000 {
            return Err(refuse_file(
                ErrorCode::NotAFile,
                &shown,
                format!("'{shown}' is a symbolic link; a bundle holds only files: refused"),
            ));
        }
        if external != REGULAR_FILE || made_by >> 8 != 3 {
            return Err(refuse_file(
                ErrorCode::NotAFile,
                &shown,
                format!("'{shown}' does not have a regular file's attributes (0100644): refused"),
            ));
        }
        let not_canonical = |what: &str| {
            refuse_file(
                ErrorCode::ZipNotCanonical,
                &shown,
                format!("'{shown}': {what}, which a bundle's ZIP never has: refused"),
            )
        };
        if comment_len != 0 {
            return Err(not_canonical("a file comment"));
        }
        if disk != 0 || internal != 0 {
            return Err(not_canonical("a disk number or internal attributes"));
        }
        if flags & !FLAG_DESCRIPTOR != 0 {
            return Err(not_canonical("flags (encryption, patches or other) set"));
        }
        if method != STORED && method != DEFLATED {
            return Err(not_canonical(
                "a compression method other than stored or deflate",
            ));
        }
        // The ZIP64 extra field holds, in this order, what does not fit in 32 bits.
        let mut fields = Vec::new();
        if !extra.is_empty() {
            if extra.len() < 4
                || le16(extra, 0) != ZIP64_EXTRA
                || usize::from(le16(extra, 2)) != extra.len() - 4
                || (extra.len() - 4) % 8 != 0
            {
                return Err(not_canonical("an extra field other than ZIP64"));
            }
            fields = extra[4..].chunks(8).map(|c| le64(c, 0)).collect();
        }
        let mut take = |v32: u32| -> Result<u64> {
            if v32 == MAX32 {
                if fields.is_empty() {
                    return Err(not_canonical("a 32-bit size with no ZIP64 value"));
                }
                let v = fields.remove(0);
                if !needs_zip64(v) {
                    return Err(not_canonical("a ZIP64 value that fits in 32 bits"));
                }
                Ok(v)
            } else {
                Ok(u64::from(v32))
            }
        };
        let size = take(size32)?;
        let compressed = take(compressed32)?;
        let header_offset = take(offset32)?;
        if !fields.is_empty() {
            return Err(not_canonical(
                "a ZIP64 field that no 32-bit field points to",
            ));
        }
        let zip64 = entry_zip64(size, compressed, header_offset);
        if needed != version_needed(method, zip64) || made_by != UNIX | needed {
            return Err(not_canonical("version fields other than the layout's"));
        }
        if method == STORED && compressed != size {
            return Err(refuse_file(
                ErrorCode::SizeMismatch,
                &shown,
                format!("'{shown}' is stored but declares {compressed} bytes in the ZIP and {size} unpacked: refused"),
            ));
        }
        if !names.insert(name.clone()) {
            return Err(refuse_file(
                ErrorCode::DuplicateEntry,
                &shown,
                format!("the bundle holds '{shown}' twice: refused"),
            ));
        }
        members.push(Member {
            name,
            method,
            crc,
            compressed,
            size,
            header_offset,
            data_offset: 0,
            modified,
            descriptor: flags & FLAG_DESCRIPTOR != 0,
        });
        at = var_end;
    }
    if at != cd.len() {
        return Err(refuse(
            ErrorCode::DirectoryMismatch,
            format!(
                "the central directory holds {} bytes after its {count} files: its count is wrong or it hides entries",
                cd.len() - at
            ),
        ));
    }
    Ok(members)
}

/// Checks `m`'s local header against its directory entry and returns where the next file
/// must start (after the data and, in version 1, its data descriptor).
fn check_local<R: Read + Seek>(src: &mut Source<R>, m: &mut Member, cd_offset: u64) -> Result<u64> {
    let name = m.name.clone();
    let differs = |what: &str| {
        refuse_file(
            ErrorCode::HeaderMismatch,
            &name,
            format!(
                "the local header of '{name}' differs from its directory entry ({what}): refused"
            ),
        )
    };
    if m.header_offset.saturating_add(LOCAL_LEN) > cd_offset {
        return Err(differs("it lies in or past the directory"));
    }
    let mut h = [0u8; LOCAL_LEN as usize];
    src.read_at(m.header_offset, &mut h)?;
    if le32(&h, 0) != LOCAL_SIG {
        return Err(differs("no local header where the directory points"));
    }
    let zip64 = entry_zip64(m.size, m.compressed, m.header_offset);
    if le16(&h, 4) != version_needed(m.method, zip64) {
        return Err(differs("version"));
    }
    let flags = le16(&h, 6);
    if flags != if m.descriptor { FLAG_DESCRIPTOR } else { 0 } {
        return Err(differs("flags"));
    }
    if le16(&h, 8) != m.method {
        return Err(differs("compression method"));
    }
    let name_len = u64::from(le16(&h, 26));
    let extra_len = u64::from(le16(&h, 28));
    let mut var = vec![0u8; usize::try_from(name_len + extra_len).unwrap_or(0)];
    src.read_at(m.header_offset + LOCAL_LEN, &mut var)?;
    let (raw_name, extra) = var.split_at(usize::try_from(name_len).unwrap_or(0));
    if raw_name != m.name.as_bytes() {
        return Err(differs(&format!(
            "name '{}'",
            String::from_utf8_lossy(raw_name).escape_debug()
        )));
    }
    if extra != local_extra(m.size, m.compressed).as_slice() {
        return Err(differs("extra field"));
    }
    let (crc, compressed32, size32) = (le32(&h, 14), le32(&h, 18), le32(&h, 22));
    if h[10..14] != m.modified {
        return Err(differs("date and time"));
    }
    let same = crc == m.crc && compressed32 == clamp32(m.compressed) && size32 == clamp32(m.size);
    if !m.descriptor && !same {
        return Err(differs("CRC or sizes"));
    }
    m.data_offset = m.header_offset + LOCAL_LEN + name_len + extra_len;
    let data_end = m
        .data_offset
        .checked_add(m.compressed)
        .filter(|e| *e <= cd_offset);
    let Some(data_end) = data_end else {
        return Err(refuse_file(
            ErrorCode::SizeMismatch,
            &name,
            format!(
                "'{name}' declares {} bytes, more than the file holds before its directory: refused",
                m.compressed
            ),
        ));
    };
    if !m.descriptor {
        return Ok(data_end);
    }
    // Version 1's writer put zeros in the local header and the values after the data.
    if !(same || (crc == 0 && compressed32 == 0 && size32 == 0)) {
        return Err(differs("CRC or sizes"));
    }
    let wide = needs_zip64(m.size) || needs_zip64(m.compressed);
    let len = if wide { 24 } else { 16 };
    if data_end + len > cd_offset {
        return Err(refuse_file(
            ErrorCode::DataDescriptor,
            &name,
            format!("the data descriptor of '{name}' runs into the directory: refused"),
        ));
    }
    let mut d = [0u8; 24];
    src.read_at(data_end, &mut d[..usize::try_from(len).unwrap_or(16)])?;
    let (dc, dcs, ds) = if wide {
        (le32(&d, 4), le64(&d, 8), le64(&d, 16))
    } else {
        (le32(&d, 4), u64::from(le32(&d, 8)), u64::from(le32(&d, 12)))
    };
    if le32(&d, 0) != DESCRIPTOR_SIG || dc != m.crc || dcs != m.compressed || ds != m.size {
        return Err(refuse_file(
            ErrorCode::DataDescriptor,
            &name,
            format!("the data descriptor of '{name}' does not say what its directory entry says: refused"),
        ));
    }
    Ok(data_end + len)
}

/// The compressed bytes of one member, as a `Read`.
struct Range<'a, R: Read + Seek> {
    src: &'a mut Source<R>,
    pos: u64,
    end: u64,
}

impl<R: Read + Seek> Read for Range<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = usize::try_from((self.end - self.pos).min(buf.len() as u64)).unwrap_or(0);
        if n == 0 {
            return Ok(0);
        }
        self.src
            .read_at(self.pos, &mut buf[..n])
            .map_err(|e| io::Error::other(e.message))?;
        self.pos += n as u64;
        Ok(n)
    }
}

/// A member's data is read in pieces this large, straight into the piece (larger than half a
/// window, so not through it): in the browser each read is a `FileReaderSync` call whose fixed
/// cost 64 KB pieces multiplied by 16.
const CHUNK: usize = 1 << 20;

/// The size of the pieces a member of `size` bytes is read in.
fn piece(size: u64) -> usize {
    usize::try_from(size.saturating_add(1)).map_or(CHUNK, |n| n.min(CHUNK))
}

/// Streams one member's bytes to `sink`, never more than it declares, and checks its size,
/// its CRC and that its deflate stream ends exactly where its data does.
pub fn read_member<R: Read + Seek>(
    src: &mut Source<R>,
    m: &Member,
    mut sink: impl FnMut(&[u8]),
) -> Result<()> {
    let name = &m.name;
    let damaged = |e: io::Error| {
        refuse_file(
            ErrorCode::CorruptBundle,
            name,
            format!("'{name}' is damaged or truncated ({e})"),
        )
    };
    let range = Range {
        src,
        pos: m.data_offset,
        end: m.data_offset + m.compressed,
    };
    let mut crc = Crc32::new();
    let mut read = 0u64;
    // No larger than the member (plus the byte that would prove its size false): many small
    // members must not each cost a 1 MB buffer.
    let mut buf = vec![0u8; piece(m.size)];
    let mut pump = |reader: &mut dyn Read| -> Result<()> {
        // One byte more than declared proves the declaration false.
        let mut limited = reader.take(m.size.saturating_add(1));
        loop {
            let n = limited.read(&mut buf).map_err(damaged)?;
            if n == 0 {
                return Ok(());
            }
            read += n as u64;
            if read > m.size {
                return Err(refuse_file(
                    ErrorCode::SizeMismatch,
                    name,
                    format!(
                        "'{name}' holds more than the {} bytes it declares: refused",
                        m.size
                    ),
                ));
            }
            crc.update(&buf[..n]);
            sink(&buf[..n]);
        }
    };
    if m.method == DEFLATED {
        let mut inflater = flate2::bufread::DeflateDecoder::new(io::BufReader::with_capacity(
            piece(m.compressed),
            range,
        ));
        pump(&mut inflater)?;
        if read == m.size {
            // The stream must end here, having used every compressed byte and no more.
            let mut probe = [0u8; 1];
            let more = inflater.read(&mut probe).map_err(damaged)?;
            if more != 0 {
                return Err(refuse_file(
                    ErrorCode::SizeMismatch,
                    name,
                    format!(
                        "'{name}' holds more than the {} bytes it declares: refused",
                        m.size
                    ),
                ));
            }
            if inflater.total_in() != m.compressed {
                return Err(refuse_file(
                    ErrorCode::ExtraBytes,
                    name,
                    format!(
                        "'{name}' has {} bytes after the end of its compressed data: refused",
                        m.compressed.saturating_sub(inflater.total_in())
                    ),
                ));
            }
        }
    } else {
        let mut range = range;
        pump(&mut range)?;
    }
    if read != m.size {
        return Err(refuse_file(
            ErrorCode::SizeMismatch,
            name,
            format!(
                "'{name}' holds {read} bytes, not the {} it declares: refused",
                m.size
            ),
        ));
    }
    if crc.finalize() != m.crc {
        return Err(refuse_file(
            ErrorCode::CrcMismatch,
            name,
            format!("'{name}' does not have the CRC-32 its ZIP entry declares: it is damaged"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    const LIMITS: ContainerLimits = ContainerLimits {
        max_entries: 100,
        max_total_bytes: 1 << 30,
        max_ratio: 100,
        ratio_floor: 1 << 20,
    };

    fn sample() -> Vec<u8> {
        let mut w = ContainerWriter::new(Vec::new(), DosTime::new(2026, 11, 28, 12, 0, 0));
        w.add("a.txt", b"hello hello hello", true).unwrap();
        w.add("b.png", b"\x89PNG....", false).unwrap();
        w.add("c.txt", b"", true).unwrap();
        w.finish().unwrap()
    }

    fn read_all(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>> {
        let mut src = Source::new(Cursor::new(bytes))?;
        let dir = read_directory(&mut src, &LIMITS)?;
        let mut out = Vec::new();
        for m in &dir.members {
            let mut data = Vec::new();
            read_member(&mut src, m, |c| data.extend_from_slice(c))?;
            out.push((m.name.clone(), data));
        }
        Ok(out)
    }

    #[test]
    fn what_is_written_reads_back() {
        let files = read_all(&sample()).unwrap();
        assert_eq!(files[0], ("a.txt".into(), b"hello hello hello".to_vec()));
        assert_eq!(files[1].1, b"\x89PNG....");
        assert_eq!(files[2].1, b"");
    }

    #[test]
    fn a_file_too_repetitive_to_deflate_safely_is_stored_and_reads_back() {
        // 4 MB of one repeated reply deflates about 1,000 times: more than the reader allows.
        let page = b"<article>same reply</article>".repeat(150_000);
        let mut w = ContainerWriter::new(Vec::new(), DosTime::new(2026, 11, 28, 12, 0, 0));
        w.add("page.html.txt", &page, true).unwrap();
        w.add("a.txt", b"hello hello hello", true).unwrap();
        let z = w.finish().unwrap();
        let mut src = Source::new(Cursor::new(&z)).unwrap();
        let dir = read_directory(&mut src, &LIMITS).unwrap();
        assert_eq!(dir.members[0].method, STORED);
        assert_eq!(dir.members[1].method, DEFLATED);
        assert_eq!(read_all(&z).unwrap()[0].1, page);
    }

    #[test]
    fn any_byte_outside_the_layout_is_refused() {
        let z = sample();
        let mut before = vec![0u8];
        before.extend_from_slice(&z);
        assert!(read_all(&before).is_err());
        let mut after = z.clone();
        after.push(0);
        assert_eq!(read_all(&after).unwrap_err().code, ErrorCode::ExtraBytes);
        assert_eq!(
            read_all(&z[..z.len() - 1]).unwrap_err().code,
            ErrorCode::CorruptBundle
        );
        assert!(read_all(b"").is_err());
    }

    #[test]
    fn every_single_byte_change_in_the_structure_is_caught_or_harmless() {
        // Flipping any byte must never panic; most are refused.
        let z = sample();
        for i in 0..z.len() {
            let mut bad = z.clone();
            bad[i] ^= 0x5a;
            let _ = read_all(&bad);
        }
    }
}

//! Sequential reading made cheap where each read of the underlying file has a fixed cost (the
//! browser's `FileReaderSync`: about 1 ms a call in Chromium, on top of the bytes). A read that
//! starts where the previous one from the file ended, or a little after (the next member's data
//! after its local header), fetches `ahead` bytes at once and serves the next reads from them;
//! any other read (a header far away) goes to the file as asked, so that jumping from header to
//! header reads no more than the headers.

use std::io::{self, Read, Seek, SeekFrom};

pub struct ReadAhead<R: Read + Seek> {
    inner: R,
    ahead: usize,
    /// Where the next read starts.
    pos: u64,
    /// The bytes fetched ahead and where they start.
    buf: Vec<u8>,
    buf_at: u64,
    /// Where the last read from `inner` ended.
    inner_end: Option<u64>,
}

impl<R: Read + Seek> ReadAhead<R> {
    pub fn new(inner: R, ahead: usize) -> Self {
        ReadAhead {
            inner,
            ahead: ahead.max(1),
            pos: 0,
            buf: Vec::new(),
            buf_at: 0,
            inner_end: None,
        }
    }

    /// One read from `inner` at `pos`: as much of `buf` as it gives at once (0 at the end).
    /// A reader may give less than asked when it serves bytes it holds in memory (the browser's
    /// reader of a window it streamed); asking again for the rest would fetch them apart.
    fn fill(&mut self, pos: u64, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.seek(SeekFrom::Start(pos))?;
        let got = loop {
            match self.inner.read(buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                other => break other?,
            }
        };
        self.inner_end = Some(pos + got as u64);
        Ok(got)
    }
}

impl<R: Read + Seek> Read for ReadAhead<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        let buffered = self.pos >= self.buf_at && self.pos < self.buf_at + self.buf.len() as u64;
        if !buffered {
            // A gap this small is a header between two members' data: read through it.
            let gap = (self.ahead / 16) as u64;
            let sequential = self
                .inner_end
                .is_some_and(|end| self.pos >= end && self.pos - end <= gap);
            if !sequential || out.len() >= self.ahead {
                let pos = self.pos;
                let got = self.fill(pos, out)?;
                self.pos += got as u64;
                return Ok(got);
            }
            let mut buf = std::mem::take(&mut self.buf);
            buf.resize(self.ahead, 0);
            let pos = self.pos;
            let got = self.fill(pos, &mut buf);
            buf.truncate(*got.as_ref().unwrap_or(&0));
            self.buf = buf;
            self.buf_at = pos;
            if got? == 0 {
                return Ok(0);
            }
        }
        let from = usize::try_from(self.pos - self.buf_at).unwrap_or(usize::MAX);
        let n = out.len().min(self.buf.len().saturating_sub(from));
        out[..n].copy_from_slice(&self.buf[from..from + n]);
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: Read + Seek> Seek for ReadAhead<R> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        self.pos = match to {
            SeekFrom::Start(p) => p,
            SeekFrom::Current(d) => self
                .pos
                .checked_add_signed(d)
                .ok_or_else(|| io::Error::from(io::ErrorKind::InvalidInput))?,
            SeekFrom::End(_) => {
                // The file's position moves: the next read is not sequential.
                self.inner_end = None;
                self.inner.seek(to)?
            }
        };
        Ok(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// A file that counts the reads made of it and their sizes.
    struct Counted {
        file: Cursor<Vec<u8>>,
        reads: Vec<usize>,
    }

    impl Read for Counted {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.file.read(buf)?;
            self.reads.push(n);
            Ok(n)
        }
    }

    impl Seek for Counted {
        fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
            self.file.seek(to)
        }
    }

    fn file(len: usize) -> Counted {
        let data: Vec<u8> = (0..len).map(|i| (i * 7 + i / 251) as u8).collect();
        Counted {
            file: Cursor::new(data),
            reads: Vec::new(),
        }
    }

    #[test]
    fn gives_the_same_bytes_as_the_file_whatever_the_reads() {
        let len = 100_000;
        let expected = file(len).file.into_inner();
        let mut r = ReadAhead::new(file(len), 4096);
        // Jumps, sequential runs, reads across the end of what was fetched, past the end.
        let plan: [(u64, usize); 9] = [
            (0, 10),
            (10, 5000),
            (5010, 100),
            (90_000, 30),
            (90_030, 9000),
            (99_030, 5000),
            (50, 4096),
            (4146, 1),
            (100_000, 10),
        ];
        for (pos, size) in plan {
            r.seek(SeekFrom::Start(pos)).unwrap();
            let mut got = Vec::new();
            let mut buf = vec![0u8; size];
            while got.len() < size {
                let n = r.read(&mut buf[..size - got.len()]).unwrap();
                if n == 0 {
                    break;
                }
                got.extend_from_slice(&buf[..n]);
            }
            let end = (pos as usize + size).min(len);
            assert_eq!(got, expected[(pos as usize).min(len)..end], "at {pos}");
        }
        assert_eq!(r.seek(SeekFrom::End(-1)).unwrap(), len as u64 - 1);
        let mut one = [0u8; 1];
        assert_eq!(r.read(&mut one).unwrap(), 1);
        assert_eq!(one[0], expected[len - 1]);
    }

    #[test]
    fn a_sequential_run_is_read_in_large_pieces_and_jumps_as_asked() {
        let mut r = ReadAhead::new(file(1 << 20), 256 * 1024);
        // A header far away: read as asked.
        r.seek(SeekFrom::Start(500_000)).unwrap();
        let mut header = [0u8; 30];
        r.read_exact(&mut header).unwrap();
        assert_eq!(r.inner.reads, vec![30]);
        // From there on, small reads in sequence: one read of the file per 256 KB.
        let mut piece = vec![0u8; 4096];
        for _ in 0..100 {
            r.read_exact(&mut piece).unwrap();
        }
        assert_eq!(r.inner.reads, vec![30, 256 * 1024, 256 * 1024]);
        // Members' data with headers between them: still large pieces.
        let mut r = ReadAhead::new(file(1 << 20), 256 * 1024);
        let mut data = vec![0u8; 10_000];
        for i in 0..20u64 {
            r.seek(SeekFrom::Start(i * 10_100)).unwrap();
            r.read_exact(&mut data).unwrap();
        }
        assert_eq!(r.inner.reads, vec![10_000, 256 * 1024]);
        // A jump of more than a sixteenth of `ahead` is not a header: read as asked.
        r.seek(SeekFrom::Start(900_000)).unwrap();
        r.read_exact(&mut header).unwrap();
        assert_eq!(r.inner.reads.last(), Some(&30));
    }
}

//! SHA-256, the one digest of the project, always shown as lowercase hex.

use sha2::{Digest, Sha256};

/// Length of a digest in hex characters.
pub const HEX_LEN: usize = 64;

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Incremental hashing, for artifacts that arrive in chunks.
#[derive(Default, Clone)]
pub struct Sha256Stream(Sha256);

impl Sha256Stream {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn update(&mut self, chunk: &[u8]) {
        self.0.update(chunk);
    }
    pub fn finish_hex(self) -> String {
        hex::encode(self.0.finalize())
    }
}

/// True for exactly 64 lowercase hex characters.
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == HEX_LEN && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The 32 bytes of a SHA-256 digest written as 64 lowercase hex characters, if it is one.
pub fn sha256_from_hex(s: &str) -> Option<[u8; 32]> {
    if !is_sha256_hex(s) {
        return None;
    }
    hex::decode(s).ok()?.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_come_back_from_their_hex_only_when_exact() {
        let hex = sha256_hex(b"abc");
        assert_eq!(sha256_from_hex(&hex).map(hex::encode), Some(hex.clone()));
        assert_eq!(sha256_from_hex(&hex.to_uppercase()), None);
        assert_eq!(sha256_from_hex(&hex[1..]), None);
    }

    // FIPS 180-2 test vectors.
    #[test]
    fn known_vectors() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn stream_equals_one_shot() {
        let data: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        let mut s = Sha256Stream::new();
        for chunk in data.chunks(777) {
            s.update(chunk);
        }
        assert_eq!(s.finish_hex(), sha256_hex(&data));
    }

    #[test]
    fn hex_shape() {
        assert!(is_sha256_hex(&sha256_hex(b"x")));
        assert!(!is_sha256_hex("ABC"));
        assert!(!is_sha256_hex(&"A".repeat(64)));
    }
}

/// A digest as people copy it by hand: groups of four, `a1b2 c3d4 …`.
pub fn grouped(hex: &str) -> String {
    hex.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A control code as people may copy it back (spaces, groups, upper case, line ends) in the
/// form the chain writes it, or `None` if it is not one.
pub fn normalise_code(code: &str) -> Option<String> {
    let hex: String = code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    is_sha256_hex(&hex).then_some(hex)
}

#[cfg(test)]
mod code_tests {
    use super::*;

    #[test]
    fn codes_are_grouped_and_read_back_as_people_copy_them() {
        let h = sha256_hex(b"x");
        let g = grouped(&h);
        assert_eq!(g.len(), 64 + 15);
        assert_eq!(g.split(' ').count(), 16);
        assert_eq!(normalise_code(&g).as_deref(), Some(h.as_str()));
        assert_eq!(
            normalise_code(&format!("  {}\n", g.to_uppercase())).as_deref(),
            Some(h.as_str())
        );
        assert_eq!(normalise_code("abcd"), None);
    }
}

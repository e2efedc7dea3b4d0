//! Canonical JSON (RFC 8785, JSON Canonicalization Scheme): sorted keys, no spaces, one
//! spelling per number and string. It is what gets hashed, so the same record always
//! gives the same hash whatever serialised it (SingleFile #1058 is what happens otherwise).

use serde::Serialize;

use crate::error::{Error, ErrorCode, Result};

/// The canonical bytes of any serialisable value.
pub fn to_canonical_string<T: Serialize>(value: &T) -> Result<String> {
    serde_json_canonicalizer::to_string(value)
        .map_err(|e| Error::new(ErrorCode::InvalidInput, format!("cannot canonicalise: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sorts_keys_and_drops_spaces() {
        let v = json!({"b": 1, "a": {"d": [1, 2], "c": "x"}});
        assert_eq!(
            to_canonical_string(&v).unwrap(),
            r#"{"a":{"c":"x","d":[1,2]},"b":1}"#
        );
    }

    // RFC 8785 section 3.2.2.3 and appendix B: numbers as ECMAScript prints them.
    #[test]
    fn numbers_as_ecmascript() {
        let v = json!([1.25, 1e21, 0.000001, 1e-7, -0.0, 100]);
        assert_eq!(
            to_canonical_string(&v).unwrap(),
            "[1.25,1e+21,0.000001,1e-7,0,100]"
        );
    }

    #[test]
    fn strings_escape_only_what_they_must() {
        let v = json!("é \u{1F600} \" \\ \n \u{1} \u{2028}");
        assert_eq!(
            to_canonical_string(&v).unwrap(),
            "\"é \u{1F600} \\\" \\\\ \\n \\u0001 \u{2028}\""
        );
    }
}

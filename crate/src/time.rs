//! Timestamps: RFC 3339 in UTC, as `Date.prototype.toISOString` writes them.

use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

use crate::error::{Error, ErrorCode, Result};

/// Checks that `s` is an RFC 3339 timestamp in UTC (offset `Z` or `+00:00`).
pub fn check_utc_timestamp(s: &str) -> Result<OffsetDateTime> {
    let t = OffsetDateTime::parse(s, &Rfc3339).map_err(|e| {
        Error::new(
            ErrorCode::InvalidTime,
            format!("'{s}' is not an RFC 3339 timestamp: {e}"),
        )
    })?;
    if t.offset() != UtcOffset::UTC {
        return Err(Error::new(
            ErrorCode::InvalidTime,
            format!("'{s}' is not in UTC"),
        ));
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_iso_strings_from_javascript() {
        check_utc_timestamp("2026-11-28T04:40:00.123Z").unwrap();
        check_utc_timestamp("2024-02-29T23:59:59Z").unwrap();
    }

    #[test]
    fn rejects_local_times_and_garbage() {
        assert!(check_utc_timestamp("2026-11-28T05:40:00+01:00").is_err());
        assert!(check_utc_timestamp("2023-02-29T00:00:00Z").is_err());
        assert!(check_utc_timestamp("28/11/2026").is_err());
    }
}

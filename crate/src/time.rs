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

/// A wall-clock time with its offset, e.g. `2026-11-28T06:07:21.402+01:00`, from a Unix time
/// in milliseconds and the offset east of UTC in minutes (minus `Date.getTimezoneOffset()`).
pub fn local_time(unix_ms: f64, offset_minutes: i32) -> Result<String> {
    let bad = |what: &str| Error::new(ErrorCode::InvalidTime, what.to_owned());
    if !unix_ms.is_finite() {
        return Err(bad("the time is not a number"));
    }
    let nanos = (unix_ms as i128) * 1_000_000;
    let offset = UtcOffset::from_whole_seconds(offset_minutes.saturating_mul(60))
        .map_err(|_| bad("the offset is out of range"))?;
    let t = OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .map_err(|_| bad("the time is out of range"))?
        .to_offset(offset);
    let format = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3][offset_hour sign:mandatory]:[offset_minute]"
    );
    t.format(&format).map_err(|e| bad(&e.to_string()))
}

#[cfg(test)]
mod local_tests {
    use super::*;

    #[test]
    fn formats_the_wall_clock_with_its_offset() {
        // 2026-11-28T05:07:21.402Z
        let ms = 1_795_842_441_402.0;
        assert_eq!(local_time(ms, 60).unwrap(), "2026-11-28T06:07:21.402+01:00");
        assert_eq!(local_time(ms, 0).unwrap(), "2026-11-28T05:07:21.402+00:00");
        assert_eq!(
            local_time(ms, -210).unwrap(),
            "2026-11-28T01:37:21.402-03:30"
        );
        assert!(local_time(f64::NAN, 0).is_err());
        assert!(local_time(ms, 100_000).is_err());
    }
}

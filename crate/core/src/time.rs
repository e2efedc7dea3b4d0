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

// Dates as pages give them and as people write them.

use time::format_description::well_known::Iso8601;
use time::{Date, Month};

use crate::lang::Lang;

/// `d` plus `months`, on the same day of the month or, when that month is shorter, its last day.
pub fn add_months(d: Date, months: u32) -> Date {
    let total = d.month() as u32 - 1 + months;
    let year = d.year() + i32::try_from(total / 12).unwrap_or(0);
    let month =
        Month::try_from(u8::try_from(total % 12 + 1).unwrap_or(1)).unwrap_or(Month::January);
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, d.day().min(last)).unwrap_or(d)
}

/// An instant as pages and records give it: RFC 3339, ISO 8601, or ISO 8601 with a basic
/// offset (`2026-11-25T19:45:00.000000+0000`, as some platforms write it).
pub fn parse_instant(s: &str) -> Option<OffsetDateTime> {
    let s = s.trim();
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        return Some(t);
    }
    if let Ok(t) = OffsetDateTime::parse(s, &Iso8601::DEFAULT) {
        return Some(t);
    }
    let (head, offset) = s
        .rsplit_once(['+', '-'])
        .filter(|(_, o)| o.len() == 4 && o.bytes().all(|b| b.is_ascii_digit()))?;
    let sign = &s[head.len()..=head.len()];
    let fixed = format!("{head}{sign}{}:{}", &offset[..2], &offset[2..]);
    OffsetDateTime::parse(&fixed, &Rfc3339).ok()
}

/// A publication time or a day (`YYYY-MM-DD`), as a calendar date in UTC.
pub fn parse_date(s: &str) -> Option<Date> {
    if let Some(t) = parse_instant(s) {
        return Some(t.to_offset(UtcOffset::UTC).date());
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s.trim().get(..10)?, &format).ok()
}

/// `YYYY-MM-DD`.
pub fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
}

/// The offset of a wall-clock time written with its offset (`…+01:00`), as the capture
/// record's `environment.localTime` holds it.
pub fn offset_of(local_time: &str) -> Option<UtcOffset> {
    parse_instant(local_time).map(|t| t.offset())
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day as people write it: « 29 novembre 2026 », "29 November 2026" (the French "1er").
pub fn human_date(d: Date, lang: Lang) -> String {
    let month = usize::from(d.month() as u8) - 1;
    match lang {
        Lang::Fr if d.day() == 1 => format!("1er {} {}", MONTHS_FR[month], d.year()),
        Lang::Fr => format!("{} {} {}", d.day(), MONTHS_FR[month], d.year()),
        Lang::En => format!("{} {} {}", d.day(), MONTHS_EN[month], d.year()),
    }
}

/// `UTC+01:00`, `UTC-03:30`, `UTC`.
pub fn offset_label(offset: UtcOffset) -> String {
    if offset == UtcOffset::UTC {
        return "UTC".into();
    }
    let (h, m, _) = offset.as_hms();
    let sign = if offset.is_negative() { '-' } else { '+' };
    format!("UTC{sign}{:02}:{:02}", h.unsigned_abs(), m.unsigned_abs())
}

/// An instant as people write it, in the zone of `offset`, the zone named so that the text
/// stays exact: « 27 novembre 2026 à 22 h 14 (UTC+01:00) », "27 November 2026 at 22:14 (UTC+01:00)".
pub fn human_datetime(t: OffsetDateTime, offset: UtcOffset, lang: Lang) -> String {
    let local = t.to_offset(offset);
    let day = human_date(local.date(), lang);
    let zone = offset_label(offset);
    match lang {
        Lang::Fr => format!(
            "{day} à {}\u{a0}h\u{a0}{:02} ({zone})",
            local.hour(),
            local.minute()
        ),
        Lang::En => format!(
            "{day} at {:02}:{:02} ({zone})",
            local.hour(),
            local.minute()
        ),
    }
}

/// The same instant without nested brackets, for text already in brackets: « 29 novembre 2026
/// à 19 h 24, UTC+01:00 », "29 November 2026 at 19:24, UTC+01:00".
pub fn human_datetime_inline(t: OffsetDateTime, offset: UtcOffset, lang: Lang) -> String {
    let local = t.to_offset(offset);
    let day = human_date(local.date(), lang);
    let zone = offset_label(offset);
    match lang {
        Lang::Fr => format!(
            "{day} à {}\u{a0}h\u{a0}{:02}, {zone}",
            local.hour(),
            local.minute()
        ),
        Lang::En => format!("{day} at {:02}:{:02}, {zone}", local.hour(), local.minute()),
    }
}

/// A span of days as people write it, the shared month and year said once: « du 26 au 29
/// novembre 2026 », « du 28 février au 1er mars 2026 », "26 to 29 November 2026", or the one
/// day when both are the same (the order of the two days does not matter).
pub fn human_period(a: Date, b: Date, lang: Lang) -> String {
    let (first, last) = if a <= b { (a, b) } else { (b, a) };
    if first == last {
        return human_date(first, lang);
    }
    let start = if first.year() != last.year() {
        human_date(first, lang)
    } else {
        let month = usize::from(first.month() as u8) - 1;
        let day = match lang {
            Lang::Fr if first.day() == 1 => "1er".to_owned(),
            _ => first.day().to_string(),
        };
        if first.month() == last.month() {
            day
        } else {
            match lang {
                Lang::Fr => format!("{day} {}", MONTHS_FR[month]),
                Lang::En => format!("{day} {}", MONTHS_EN[month]),
            }
        }
    };
    let end = human_date(last, lang);
    match lang {
        Lang::Fr => format!("du {start} au {end}"),
        Lang::En => format!("{start} to {end}"),
    }
}

#[cfg(test)]
mod human_tests {
    use super::*;
    use time::macros::{date, datetime, offset};

    #[test]
    fn months_clamp_to_the_end_of_shorter_months() {
        assert_eq!(add_months(date!(2026 - 11 - 30), 3), date!(2027 - 02 - 28));
        assert_eq!(add_months(date!(2027 - 11 - 30), 3), date!(2028 - 02 - 29));
        assert_eq!(add_months(date!(2026 - 01 - 31), 1), date!(2026 - 02 - 28));
        assert_eq!(add_months(date!(2024 - 02 - 29), 12), date!(2025 - 02 - 28));
        assert_eq!(add_months(date!(2024 - 02 - 29), 48), date!(2028 - 02 - 29));
        assert_eq!(add_months(date!(2026 - 10 - 31), 3), date!(2027 - 01 - 31));
        assert_eq!(add_months(date!(2026 - 12 - 15), 72), date!(2032 - 12 - 15));
    }

    #[test]
    fn publication_times_as_pages_give_them() {
        assert_eq!(
            parse_date("2026-11-27T21:14:00.000Z"),
            Some(date!(2026 - 11 - 27))
        );
        assert_eq!(
            parse_date("2026-11-25T19:45:00.000000+0000"),
            Some(date!(2026 - 11 - 25))
        );
        assert_eq!(
            parse_date("2026-11-28T00:30:00+01:00"),
            Some(date!(2026 - 11 - 27))
        );
        assert_eq!(parse_date("2026-02-29"), None);
        assert_eq!(parse_date("2028-02-29"), Some(date!(2028 - 02 - 29)));
        assert_eq!(parse_date("27 nov."), None);
    }

    #[test]
    fn dates_and_times_as_people_write_them() {
        assert_eq!(
            human_date(date!(2026 - 11 - 29), Lang::Fr),
            "29 novembre 2026"
        );
        assert_eq!(human_date(date!(2026 - 03 - 01), Lang::Fr), "1er mars 2026");
        assert_eq!(human_date(date!(2026 - 03 - 01), Lang::En), "1 March 2026");
        let t = datetime!(2026-11-27 21:14 UTC);
        assert_eq!(
            human_datetime(t, offset!(+1), Lang::Fr),
            "27 novembre 2026 à 22\u{a0}h\u{a0}14 (UTC+01:00)"
        );
        assert_eq!(
            human_datetime(t, offset!(-3:30), Lang::En),
            "27 November 2026 at 17:44 (UTC-03:30)"
        );
        assert_eq!(
            human_datetime(t, UtcOffset::UTC, Lang::En),
            "27 November 2026 at 21:14 (UTC)"
        );
        assert_eq!(
            offset_of("2026-11-28T06:07:21.402+01:00"),
            Some(offset!(+1))
        );
    }

    #[test]
    fn periods_and_inline_times_as_people_write_them() {
        let p = |a, b, l| human_period(a, b, l);
        assert_eq!(
            p(date!(2026 - 11 - 26), date!(2026 - 11 - 29), Lang::Fr),
            "du 26 au 29 novembre 2026"
        );
        assert_eq!(
            p(date!(2026 - 11 - 29), date!(2026 - 11 - 26), Lang::En),
            "26 to 29 November 2026"
        );
        assert_eq!(
            p(date!(2026 - 11 - 29), date!(2026 - 11 - 29), Lang::Fr),
            "29 novembre 2026"
        );
        assert_eq!(
            p(date!(2026 - 02 - 28), date!(2026 - 03 - 01), Lang::Fr),
            "du 28 février au 1er mars 2026"
        );
        assert_eq!(
            p(date!(2026 - 03 - 01), date!(2026 - 03 - 02), Lang::Fr),
            "du 1er au 2 mars 2026"
        );
        assert_eq!(
            p(date!(2025 - 12 - 30), date!(2026 - 01 - 02), Lang::En),
            "30 December 2025 to 2 January 2026"
        );
        let t = datetime!(2026-11-29 18:24 UTC);
        assert_eq!(
            human_datetime_inline(t, offset!(+1), Lang::Fr),
            "29 novembre 2026 à 19\u{a0}h\u{a0}24, UTC+01:00"
        );
        assert_eq!(
            human_datetime_inline(t, UtcOffset::UTC, Lang::En),
            "29 November 2026 at 18:24, UTC"
        );
    }
}

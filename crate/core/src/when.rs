//! When a post was published, read from what the page showed: a machine-readable value (a
//! `datetime` or `title` attribute, a Unix time), an absolute date written for people in French
//! or English ("12 mars 2024 à 14 h 05", "Mar 12, 2024, 2:05 PM"), or a relative one ("il y a
//! 3 h", "2d", "yesterday") resolved against the capture's time. The page's own text stays in
//! the record beside the reading; a reading that had to assume something says so (`Reading`), and
//! a relative one also gives the earliest instant the text allows, which is the one deadlines
//! count from (a clock started too late could make someone miss it).

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use crate::time::parse_instant;

/// How a publication time was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Reading {
    /// With its offset or as a Unix time: exact.
    Exact,
    /// A date and time written without an offset, read in the capturing device's zone (pages
    /// write times in their reader's zone).
    DeviceZone,
    /// A day without its year: the latest such day not after the capture.
    YearInferred,
    /// A day without a time: its start in the device's zone.
    DayOnly,
    /// Relative to the capture ("3 h", "il y a 2 jours"): approximate, and bounded by `earliest`.
    Relative,
}

impl Reading {
    pub fn as_str(self) -> &'static str {
        match self {
            Reading::Exact => "exact",
            Reading::DeviceZone => "device-zone",
            Reading::YearInferred => "year-inferred",
            Reading::DayOnly => "day-only",
            Reading::Relative => "relative",
        }
    }
}

/// A publication time as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub at: OffsetDateTime,
    /// For a relative reading, the earliest instant the text allows ("3 h" is at most 4 h old).
    pub earliest: Option<OffsetDateTime>,
    pub reading: Reading,
}

/// The context a time is read in: when and where the capture was made, and the page's language
/// (`fr`, `en-US`…), which says whether 03/04 is the 3rd of April or March the 4th.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub captured: OffsetDateTime,
    pub zone: UtcOffset,
    pub page_lang: Option<&'a str>,
}

impl Context<'_> {
    /// Whether numeric dates are written day first, when the page's language says.
    fn day_first(&self) -> Option<bool> {
        let lang = self.page_lang?.to_ascii_lowercase();
        if lang == "en-us" || lang == "en" {
            Some(false)
        } else if lang.len() >= 2 {
            Some(true)
        } else {
            None
        }
    }
}

/// Reads a publication time from the page's machine-readable value, else from the text it
/// showed.
pub fn read_published(
    machine: Option<&str>,
    shown: Option<&str>,
    cx: &Context,
) -> Option<Published> {
    let captured = cx.captured;
    machine
        .and_then(|m| read_one(m, cx))
        .or_else(|| shown.and_then(|s| read_one(s, cx)))
        // A time after the capture is a misreading (or a page's clock): not a publication time.
        .filter(|p| p.at <= captured + Duration::minutes(5))
}

fn read_one(raw: &str, cx: &Context) -> Option<Published> {
    let (captured, zone) = (cx.captured, cx.zone);
    let s = raw.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Some(at) = parse_instant(s) {
        return Some(exact(at));
    }
    if let Some(at) = unix_time(s) {
        return Some(exact(at));
    }
    let words = tokens(s);
    relative(&words, captured, zone).or_else(|| absolute(&words, s, cx))
}

/// An instant as `YYYY-MM-DDTHH:MM:SSZ` (seconds: pages show no finer).
pub fn utc_text(t: OffsetDateTime) -> String {
    let t = t.to_offset(UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

impl crate::model::Post {
    /// Reads the post's publication time and writes the reading beside the page's values.
    pub fn read_publication(&mut self, cx: &Context) {
        let read = read_published(
            self.published_at.as_deref(),
            self.published_text.as_deref(),
            cx,
        );
        self.published_utc = read.map(|p| utc_text(p.at));
        self.published_reading = read.map(|p| p.reading);
        self.published_earliest = read.and_then(|p| p.earliest).map(utc_text);
    }

    /// The publication time as read, for records made before the core read times: the page's
    /// machine-readable value, taken as exact.
    pub fn publication(&self) -> Option<Published> {
        if let Some(at) = self.published_utc.as_deref().and_then(parse_instant) {
            return Some(Published {
                at,
                earliest: self.published_earliest.as_deref().and_then(parse_instant),
                reading: self.published_reading.unwrap_or(Reading::Exact),
            });
        }
        self.published_at
            .as_deref()
            .and_then(parse_instant)
            .map(exact)
    }
}

fn exact(at: OffsetDateTime) -> Published {
    Published {
        at: at.to_offset(UtcOffset::UTC),
        earliest: None,
        reading: Reading::Exact,
    }
}

/// 10 digits of seconds or 13 of milliseconds since 1970, within 2000..2100.
fn unix_time(s: &str) -> Option<OffsetDateTime> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = s.parse().ok()?;
    let secs = match s.len() {
        10 => n,
        13 => n / 1000,
        _ => return None,
    };
    let at = OffsetDateTime::from_unix_timestamp(secs).ok()?;
    (2000..2100).contains(&at.year()).then_some(at)
}

/// Lower-case words and numbers, with the separators people write between them dropped, and
/// digits split from letters ("3h" → "3", "h"; "14h05" → "14", "h", "05").
fn tokens(s: &str) -> Vec<String> {
    let lower = s.to_lowercase().replace(['\u{a0}', '\u{202f}'], " ");
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_digit: Option<bool> = None;
    let chars: Vec<char> = lower.chars().collect();
    for (i, &ch) in chars.iter().enumerate() {
        // A dot or a dash between digits separates a date's parts (22.04.18, 2019-01-01).
        let between_digits = (ch == '.' || ch == '-')
            && cur_digit == Some(true)
            && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit());
        let kind = if ch.is_ascii_digit() {
            Some(true)
        } else if ch.is_alphabetic() || ch == '\'' || ch == '’' {
            Some(false)
        } else if ch == ':' || ch == '/' || between_digits {
            // Kept as their own tokens: they say which numbers are a time or a date.
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            out.push(ch.to_string());
            cur_digit = None;
            continue;
        } else {
            None
        };
        match kind {
            Some(d) if cur_digit == Some(d) || cur.is_empty() => {
                cur.push(ch);
                cur_digit = Some(d);
            }
            Some(d) => {
                out.push(std::mem::take(&mut cur));
                cur.push(ch);
                cur_digit = Some(d);
            }
            None => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                cur_digit = None;
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The unit a word names, in seconds, for relative times.
fn unit_seconds(word: &str) -> Option<i64> {
    let w = word.trim_end_matches('.');
    Some(match w {
        "s" | "sec" | "secs" | "second" | "seconds" | "seconde" | "secondes" | "sekunde"
        | "sekunden" | "segundo" | "segundos" | "секунду" | "секунды" | "секунд" => {
            1
        }
        "m" | "min" | "mins" | "minute" | "minutes" | "mn" | "minuten" | "minuto" | "minutos"
        | "минуту" | "минуты" | "минут" => 60,
        "h" | "hr" | "hrs" | "hour" | "hours" | "heure" | "heures" | "stunde" | "stunden"
        | "hora" | "horas" | "час" | "часа" | "часов" => 3_600,
        "d" | "day" | "days" | "j" | "jour" | "jours" | "tag" | "tage" | "tagen" | "día"
        | "días" | "dia" | "dias" | "день" | "дня" | "дней" => 86_400,
        "w" | "wk" | "wks" | "week" | "weeks" | "sem" | "semaine" | "semaines" | "woche"
        | "wochen" | "semana" | "semanas" | "неделю" | "недели" | "недель" => {
            7 * 86_400
        }
        "mo" | "mos" | "mth" | "mths" | "month" | "months" | "mois" | "monat" | "monate"
        | "monaten" | "mes" | "meses" | "месяц" | "месяца" | "месяцев" => {
            30 * 86_400
        }
        "y" | "yr" | "yrs" | "year" | "years" | "an" | "ans" | "année" | "années" | "jahr"
        | "jahre" | "jahren" | "año" | "años" | "год" | "года" | "лет" => 365 * 86_400,
        _ => return None,
    })
}

/// "3 h", "3h", "3 hours ago", "il y a 3 heures", "a day ago", "il y a un jour", "just now",
/// "à l'instant", "yesterday", "hier".
fn relative(words: &[String], captured: OffsetDateTime, zone: UtcOffset) -> Option<Published> {
    let w: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| {
            !matches!(
                *w,
                "il" | "y"
                    | "a"
                    | "ago"
                    | "about"
                    | "environ"
                    | "il y a"
                    | "vor"
                    | "hace"
                    | "назад"
            )
        })
        .collect();
    let joined = words.join(" ");
    if matches!(
        joined.as_str(),
        "now" | "just now" | "à l'instant" | "à l’instant" | "maintenant"
    ) {
        return Some(Published {
            at: captured.to_offset(UtcOffset::UTC),
            earliest: Some((captured - Duration::minutes(1)).to_offset(UtcOffset::UTC)),
            reading: Reading::Relative,
        });
    }
    if matches!(
        joined.as_str(),
        "yesterday" | "hier" | "gestern" | "ayer" | "вчера"
    ) {
        let day = captured.to_offset(zone).date().previous_day()?;
        let start = PrimitiveDateTime::new(day, Time::MIDNIGHT).assume_offset(zone);
        return Some(Published {
            at: start.to_offset(UtcOffset::UTC),
            earliest: Some(start.to_offset(UtcOffset::UTC)),
            reading: Reading::Relative,
        });
    }
    // "a year ago" reads as "1 year ago": "a" was dropped above, so a lone unit means one.
    let (count, unit) = match w.as_slice() {
        [n, u] => (count_word(n)?, unit_seconds(u)?),
        [u] if words.len() >= 2 && unit_seconds(u).is_some() => (1, unit_seconds(u)?),
        _ => return None,
    };
    let age = Duration::seconds(count * unit);
    // What people see is rounded down: "3 h" is between 3 and 4 hours old. Months and years are
    // counted long (31 and 366 days), so the earliest instant is never later than the real one.
    let longest = match unit {
        u if u == 30 * 86_400 => 31 * 86_400,
        u if u == 365 * 86_400 => 366 * 86_400,
        u => u,
    };
    let oldest = Duration::seconds((count + 1) * longest);
    Some(Published {
        at: (captured - age).to_offset(UtcOffset::UTC),
        earliest: Some((captured - oldest).to_offset(UtcOffset::UTC)),
        reading: Reading::Relative,
    })
}

fn count_word(w: &str) -> Option<i64> {
    match w {
        "un" | "une" | "an" | "one" | "ein" | "eine" | "einer" | "einem" | "einen" | "una"
        | "uno" => Some(1),
        _ => w.parse::<i64>().ok().filter(|n| (0..10_000).contains(n)),
    }
}

fn month_of(word: &str) -> Option<Month> {
    let w = word.trim_end_matches('.');
    let months: [(Month, &[&str]); 12] = [
        (
            Month::January,
            &[
                "jan",
                "january",
                "janv",
                "janvier",
                "januar",
                "jän",
                "jänner",
                "января",
            ],
        ),
        (
            Month::February,
            &[
                "feb",
                "february",
                "févr",
                "fevr",
                "février",
                "fevrier",
                "fév",
                "februar",
                "февраля",
            ],
        ),
        (
            Month::March,
            &["mar", "march", "mars", "märz", "mär", "maerz", "марта"],
        ),
        (Month::April, &["apr", "april", "avr", "avril", "апреля"]),
        (Month::May, &["may", "mai", "мая"]),
        (Month::June, &["jun", "june", "juin", "juni", "июня"]),
        (
            Month::July,
            &["jul", "july", "juil", "juillet", "juli", "июля"],
        ),
        (Month::August, &["aug", "august", "août", "aout", "августа"]),
        (
            Month::September,
            &["sep", "sept", "september", "septembre", "сентября"],
        ),
        (
            Month::October,
            &["oct", "october", "octobre", "okt", "oktober", "октября"],
        ),
        (Month::November, &["nov", "november", "novembre", "ноября"]),
        (
            Month::December,
            &[
                "dec",
                "december",
                "déc",
                "decembre",
                "décembre",
                "dez",
                "dezember",
                "декабря",
            ],
        ),
    ];
    months
        .iter()
        .find(|(_, names)| names.contains(&w))
        .map(|(m, _)| *m)
}

/// A date (and maybe a time) written for people: month names in French or English, or
/// day/month/year numbers (read day first, as in French, unless the day cannot be one).
fn absolute(words: &[String], raw: &str, cx: &Context) -> Option<Published> {
    let (captured, zone) = (cx.captured, cx.zone);
    let mut day: Option<u8> = None;
    let mut month: Option<Month> = None;
    let mut year: Option<i32> = None;
    let mut hour: Option<u8> = None;
    let mut minute: u8 = 0;
    let mut second: u8 = 0;
    let mut pm: Option<bool> = None;
    let mut offset: Option<UtcOffset> = None;
    let mut i = 0;
    let number = |w: &str| w.parse::<u32>().ok();
    while i < words.len() {
        let w = words[i].as_str();
        if let Some(m) = month_of(w) {
            month = Some(m);
        } else if w == "er" || w == "1er" {
            // "1er mars": the ordinal's letters.
        } else if matches!(w, "am" | "a.m") {
            pm = Some(false);
        } else if matches!(w, "pm" | "p.m") {
            pm = Some(true);
        } else if matches!(w, "utc" | "gmt" | "z") {
            offset = Some(UtcOffset::UTC);
        } else if w.len() == 4 && (raw.contains(&format!("+{w}")) || raw.contains(&format!("-{w}")))
        {
            // "+0000": an offset, read from the raw text below.
        } else if let Some(n) = number(w) {
            if tok(words, i + 1) == Some(":")
                || (tok(words, i + 1) == Some("h") && tok(words, i + 2).and_then(number).is_some())
            {
                // 14:05(:33) or 14 h 05.
                hour = u8::try_from(n).ok();
                minute = tok(words, i + 2)
                    .and_then(number)
                    .and_then(|m| u8::try_from(m).ok())?;
                i += 2;
                if tok(words, i + 1) == Some(":") {
                    second = tok(words, i + 2)
                        .and_then(number)
                        .and_then(|s| u8::try_from(s).ok())?;
                    i += 2;
                }
            } else if tok(words, i + 1) == Some(".") || tok(words, i + 1) == Some("-") {
                // dd.mm.yyyy or dd.mm.yy (day first wherever dots are written), yyyy-mm-dd.
                let sep = tok(words, i + 1);
                let b = tok(words, i + 2).and_then(number)?;
                let c = if tok(words, i + 3) == sep {
                    tok(words, i + 4).and_then(number)
                } else {
                    None
                };
                let (d, m, y) = match (sep, w.len()) {
                    (Some("-"), 4) => (c?, b, Some(n)),
                    // A dotted pair without its year may be a clock (14.05): left out.
                    (Some("."), 1 | 2) if c.is_some() => (n, b, c),
                    _ => return None,
                };
                day = u8::try_from(d).ok();
                month = Month::try_from(u8::try_from(m).ok()?).ok();
                year = y.map(|y| if y < 100 { 2000 + y as i32 } else { y as i32 });
                i += if c.is_some() { 4 } else { 2 };
            } else if tok(words, i + 1) == Some("h") && hour.is_none() && day.is_some() {
                // "à 14 h" after a date.
                hour = u8::try_from(n).ok();
                i += 1;
            } else if tok(words, i + 1) == Some("/") {
                // dd/mm/yyyy (or mm/dd/yyyy when the first cannot be a month-day pair).
                let b = tok(words, i + 2).and_then(number)?;
                let c = if tok(words, i + 3) == Some("/") {
                    tok(words, i + 4).and_then(number)
                } else {
                    None
                };
                let (d, m) = if n > 12 {
                    (n, b)
                } else if b > 12 || n == b {
                    (b, n)
                } else {
                    // 03/04/2024: the 3rd of April or March the 4th, as the page's language says.
                    match (cx.day_first(), raw.contains('à')) {
                        (Some(true), _) | (None, true) => (n, b),
                        (Some(false), _) => (b, n),
                        (None, false) => return None,
                    }
                };
                day = u8::try_from(d).ok();
                month = Month::try_from(u8::try_from(m).ok()?).ok();
                year = c.map(|y| if y < 100 { 2000 + y as i32 } else { y as i32 });
                i += if c.is_some() { 4 } else { 2 };
            } else if w.len() == 4 && (1990..2100).contains(&n) {
                year = Some(n as i32);
            } else if (1..=31).contains(&n) && day.is_none() {
                day = Some(n as u8);
            } else {
                return None;
            }
        } else if !is_filler(w) {
            return None;
        }
        i += 1;
    }
    if let Some(o) = numeric_offset(raw) {
        offset = Some(o);
    }
    let month = month?;
    let day = day?;
    let (year, mut reading) = match year {
        Some(y) => (y, Reading::DeviceZone),
        None => {
            let this = captured.to_offset(zone).year();
            let candidate = Date::from_calendar_date(this, month, day).ok()?;
            let y = if candidate > captured.to_offset(zone).date() {
                this - 1
            } else {
                this
            };
            (y, Reading::YearInferred)
        }
    };
    let date = Date::from_calendar_date(year, month, day).ok()?;
    let time = match hour {
        Some(h) => {
            let h = match pm {
                Some(true) if h < 12 => h + 12,
                Some(false) if h == 12 => 0,
                _ => h,
            };
            Time::from_hms(h, minute, second).ok()?
        }
        None => {
            if reading == Reading::DeviceZone {
                reading = Reading::DayOnly;
            }
            Time::MIDNIGHT
        }
    };
    if offset.is_some() && reading == Reading::DeviceZone {
        reading = Reading::Exact;
    }
    let at = PrimitiveDateTime::new(date, time).assume_offset(offset.unwrap_or(zone));
    Some(Published {
        at: at.to_offset(UtcOffset::UTC),
        earliest: None,
        reading,
    })
}

fn tok(words: &[String], j: usize) -> Option<&str> {
    words.get(j).map(String::as_str)
}

/// Words that may sit between the parts of a date: weekdays, "at", "à", "le", "on", "·"...
fn is_filler(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    matches!(
        w,
        "à" | "a"
            | "at"
            | "le"
            | "on"
            | "de"
            | "du"
            | "the"
            | "of"
            | "posted"
            | "published"
            | "updated"
            | "publié"
            | "publiée"
            | "edited"
            | "modifié"
            | "um"
            | "uhr"
            | "в"
            | "г"
            | "montag"
            | "dienstag"
            | "mittwoch"
            | "donnerstag"
            | "freitag"
            | "samstag"
            | "sonntag"
            | "понедельник"
            | "вторник"
            | "среда"
            | "четверг"
            | "пятница"
            | "суббота"
            | "воскресенье"
            | "h"
            | "th"
            | "st"
            | "nd"
            | "rd"
            | "mon"
            | "tue"
            | "wed"
            | "thu"
            | "fri"
            | "sat"
            | "sun"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "lun"
            | "mar."
            | "mer"
            | "jeu"
            | "ven"
            | "sam"
            | "dim"
            | "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
    )
}

/// A trailing "+0000", "+01:00" or "-0500" in the raw text.
fn numeric_offset(raw: &str) -> Option<UtcOffset> {
    let t = raw.trim();
    let at = t.rfind(['+', '-'])?;
    let (sign, digits) = (&t[at..=at], t[at + 1..].replace(':', ""));
    let digits = digits.split_whitespace().next()?;
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // A date written with dashes (2024-03-12) is not an offset.
    if t[..at].ends_with(|c: char| c.is_ascii_digit()) && sign == "-" && !t[..at].contains(' ') {
        return None;
    }
    let h: i8 = digits[..2].parse().ok()?;
    let m: i8 = digits[2..].parse().ok()?;
    let s = if sign == "-" { -1 } else { 1 };
    UtcOffset::from_hms(s * h, s * m, 0).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{datetime, offset};

    const CAPTURED: OffsetDateTime = datetime!(2026-11-29 17:30:00 UTC);
    const PARIS: UtcOffset = offset!(+1);

    fn read(machine: Option<&str>, shown: Option<&str>) -> Option<Published> {
        read_in(machine, shown, None)
    }

    fn read_in(
        machine: Option<&str>,
        shown: Option<&str>,
        lang: Option<&str>,
    ) -> Option<Published> {
        let cx = Context {
            captured: CAPTURED,
            zone: PARIS,
            page_lang: lang,
        };
        read_published(machine, shown, &cx)
    }

    fn at(text: &str) -> Option<(OffsetDateTime, Reading)> {
        read(None, Some(text)).map(|p| (p.at, p.reading))
    }

    #[test]
    fn machine_values_are_exact() {
        for (raw, want) in [
            ("2024-03-12T14:05:00Z", datetime!(2024-03-12 14:05:00 UTC)),
            (
                "2024-03-12T14:05:00.000+01:00",
                datetime!(2024-03-12 13:05:00 UTC),
            ),
            (
                "2024-03-12T14:05:00+0000",
                datetime!(2024-03-12 14:05:00 UTC),
            ),
            ("1710252300", datetime!(2024-03-12 14:05:00 UTC)),
            ("1710252300000", datetime!(2024-03-12 14:05:00 UTC)),
        ] {
            let p = read(Some(raw), None).unwrap_or_else(|| panic!("{raw}"));
            assert_eq!(
                (p.at, p.reading, p.earliest),
                (want, Reading::Exact, None),
                "{raw}"
            );
        }
    }

    #[test]
    fn the_machine_value_wins_over_the_text() {
        let p = read(Some("2024-03-12T14:05:00Z"), Some("il y a 3 h")).unwrap();
        assert_eq!(p.reading, Reading::Exact);
        // An unreadable attribute falls back to the text.
        let p = read(Some("quelque chose"), Some("il y a 3 h")).unwrap();
        assert_eq!(p.reading, Reading::Relative);
    }

    #[test]
    fn french_absolute_forms() {
        for (text, want) in [
            ("12 mars 2024 à 14:05", datetime!(2024-03-12 13:05 UTC)),
            ("12 mars 2024 à 14 h 05", datetime!(2024-03-12 13:05 UTC)),
            ("mardi 12 mars 2024, 14h05", datetime!(2024-03-12 13:05 UTC)),
            ("le 12/03/2024 à 14:05", datetime!(2024-03-12 13:05 UTC)),
            ("13/03/2024 14:05:33", datetime!(2024-03-13 13:05:33 UTC)),
            ("1er mars 2024 à 9 h 00", datetime!(2024-03-01 08:00 UTC)),
            ("27 nov. 2026 à 22:14", datetime!(2026-11-27 21:14 UTC)),
        ] {
            assert_eq!(at(text), Some((want, Reading::DeviceZone)), "{text}");
        }
        // Day first on a French page; on an American one, month first; unknown, not read.
        let numeric = |lang| read_in(None, Some("03/04/2024 10:00"), lang).map(|p| p.at);
        assert_eq!(numeric(Some("fr")), Some(datetime!(2024-04-03 09:00 UTC)));
        assert_eq!(
            numeric(Some("en-US")),
            Some(datetime!(2024-03-04 09:00 UTC))
        );
        assert_eq!(numeric(None), None);
        assert_eq!(
            at("12 mars 2024"),
            Some((datetime!(2024-03-11 23:00 UTC), Reading::DayOnly))
        );
    }

    #[test]
    fn english_absolute_forms() {
        for (text, want) in [
            (
                "March 12, 2024",
                (datetime!(2024-03-11 23:00 UTC), Reading::DayOnly),
            ),
            (
                "Mar 12, 2024, 2:05 PM",
                (datetime!(2024-03-12 13:05 UTC), Reading::DeviceZone),
            ),
            (
                "2:05 PM · Mar 12, 2024",
                (datetime!(2024-03-12 13:05 UTC), Reading::DeviceZone),
            ),
            (
                "12 March 2024 at 14:05",
                (datetime!(2024-03-12 13:05 UTC), Reading::DeviceZone),
            ),
            (
                "Tue Mar 12 14:05:00 +0000 2024",
                (datetime!(2024-03-12 14:05 UTC), Reading::Exact),
            ),
            (
                "12:30 AM - 3 Jan 2025",
                (datetime!(2025-01-02 23:30 UTC), Reading::DeviceZone),
            ),
        ] {
            assert_eq!(at(text), Some(want), "{text}");
        }
    }

    #[test]
    fn german_russian_and_numeric_forms_seen_on_forums_and_blogs() {
        for (text, want) in [
            (
                "23. Juni 2016 um 18:47 Uhr",
                (datetime!(2016-06-23 17:47 UTC), Reading::DeviceZone),
            ),
            (
                "Mittwoch, Mai 10, 2017 4:14:00 PM",
                (datetime!(2017-05-10 15:14 UTC), Reading::DeviceZone),
            ),
            (
                "22.04.18 в 23:40",
                (datetime!(2018-04-22 22:40 UTC), Reading::DeviceZone),
            ),
            (
                "06.01.2020 um 9:16",
                (datetime!(2020-01-06 08:16 UTC), Reading::DeviceZone),
            ),
            (
                "вторник, 24 апреля 2018 г., 07:12",
                (datetime!(2018-04-24 06:12 UTC), Reading::DeviceZone),
            ),
            (
                "2019-01-01 @ 00:39",
                (datetime!(2018-12-31 23:39 UTC), Reading::DeviceZone),
            ),
            (
                "26/05/14, 07:41 am",
                (datetime!(2014-05-26 06:41 UTC), Reading::DeviceZone),
            ),
            (
                "Published on August 19, 2019",
                (datetime!(2019-08-18 23:00 UTC), Reading::DayOnly),
            ),
            (
                "27. September 2018",
                (datetime!(2018-09-26 23:00 UTC), Reading::DayOnly),
            ),
        ] {
            assert_eq!(at(text), Some(want), "{text}");
        }
        // A dotted pair without a year may be a clock; a dashed one without a year, either order.
        assert_eq!(at("14.05"), None);
        assert_eq!(at("11-12"), None);
    }

    #[test]
    fn relative_forms_in_german_spanish_and_russian() {
        for (text, age, oldest) in [
            // Months counted long for the earliest instant: 13 × 31 days.
            ("12 mths", Duration::days(360), Duration::days(403)),
            ("vor 3 Stunden", Duration::hours(3), Duration::hours(4)),
            ("vor einer Stunde", Duration::hours(1), Duration::hours(2)),
            ("hace 2 días", Duration::days(2), Duration::days(3)),
            ("10 часов назад", Duration::hours(10), Duration::hours(11)),
            ("Час назад", Duration::hours(1), Duration::hours(2)),
            ("3 дня назад", Duration::days(3), Duration::days(4)),
        ] {
            let p = read(None, Some(text)).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(p.reading, Reading::Relative, "{text}");
            assert_eq!(p.at, CAPTURED - age, "{text}");
            assert_eq!(p.earliest, Some(CAPTURED - oldest), "{text}");
        }
        assert_eq!(
            read(None, Some("gestern")).and_then(|p| p.earliest),
            Some(datetime!(2026-11-27 23:00 UTC))
        );
    }

    #[test]
    fn a_day_without_its_year_is_the_latest_one_not_after_the_capture() {
        assert_eq!(
            at("27 nov."),
            Some((datetime!(2026-11-26 23:00 UTC), Reading::YearInferred))
        );
        // December is after a 29 November capture: last year's.
        assert_eq!(
            at("Dec 3"),
            Some((datetime!(2025-12-02 23:00 UTC), Reading::YearInferred))
        );
    }

    #[test]
    fn relative_forms_give_their_earliest_instant() {
        for (text, age, oldest) in [
            ("il y a 3 h", Duration::hours(3), Duration::hours(4)),
            ("3h", Duration::hours(3), Duration::hours(4)),
            ("3 hours ago", Duration::hours(3), Duration::hours(4)),
            ("il y a 5 min", Duration::minutes(5), Duration::minutes(6)),
            ("2d", Duration::days(2), Duration::days(3)),
            ("il y a 2 jours", Duration::days(2), Duration::days(3)),
            ("1 sem.", Duration::weeks(1), Duration::weeks(2)),
            ("a year ago", Duration::days(365), Duration::days(732)),
            ("il y a un an", Duration::days(365), Duration::days(732)),
            ("il y a une heure", Duration::hours(1), Duration::hours(2)),
            ("5 mo", Duration::days(150), Duration::days(186)),
        ] {
            let p = read(None, Some(text)).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(p.reading, Reading::Relative, "{text}");
            assert_eq!(p.at, CAPTURED - age, "{text}");
            assert_eq!(p.earliest, Some(CAPTURED - oldest), "{text}");
        }
        let p = read(None, Some("hier")).unwrap();
        assert_eq!(p.earliest, Some(datetime!(2026-11-27 23:00 UTC)));
        let p = read(None, Some("à l'instant")).unwrap();
        assert_eq!(p.at, CAPTURED);
    }

    #[test]
    fn what_cannot_be_read_for_sure_is_left_out() {
        for text in [
            "",
            "13 Comments",
            "Répondre",
            "03/04/2024",
            "1,2 k vues",
            "Posted by u/someone",
            "31 février 2024",
            "2099-01-01T00:00:00Z",
        ] {
            assert_eq!(read(None, Some(text)).map(|p| p.at), None, "{text:?}");
        }
        // A machine value after the capture is not a publication time.
        assert_eq!(read(Some("2027-01-01T00:00:00Z"), None), None);
    }
}

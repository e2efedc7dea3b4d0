//! Limitation periods, computed from the case's captures (recourses.md section 3): injure and
//! diffamation publiques 3 months from publication (1 year when discriminatory, art. 65-3 loi
//! 1881), and a plainte simple does not stop that clock; harassment 6 years from the last act.

use serde::Serialize;
use time::format_description::well_known::{Iso8601, Rfc3339};
use time::{Date, Month, OffsetDateTime};

use crate::model::Category;
use crate::report::Lang;
use crate::view::CaseView;

/// `d` plus `months`, on the same day of the month or, when that month is shorter, its last day.
pub fn add_months(d: Date, months: u32) -> Date {
    let total = d.month() as u32 - 1 + months;
    let year = d.year() + i32::try_from(total / 12).unwrap_or(0);
    let month =
        Month::try_from(u8::try_from(total % 12 + 1).unwrap_or(1)).unwrap_or(Month::January);
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, d.day().min(last)).unwrap_or(d)
}

/// A publication time as pages give it (RFC 3339, ISO 8601 with `+0000`, or a bare date), as
/// a calendar date in UTC.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        return Some(t.to_offset(time::UtcOffset::UTC).date());
    }
    if let Ok(t) = OffsetDateTime::parse(s, &Iso8601::DEFAULT) {
        return Some(t.to_offset(time::UtcOffset::UTC).date());
    }
    // "2026-11-25T19:45:00.000000+0000": ISO 8601 basic offset after extended date and time.
    if let Some((head, offset)) = s
        .rsplit_once(['+', '-'])
        .filter(|(_, o)| o.len() == 4 && o.bytes().all(|b| b.is_ascii_digit()))
    {
        let sign = &s[head.len()..=head.len()];
        let fixed = format!("{head}{sign}{}:{}", &offset[..2], &offset[2..]);
        if let Ok(t) = OffsetDateTime::parse(&fixed, &Rfc3339) {
            return Some(t.to_offset(time::UtcOffset::UTC).date());
        }
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s.get(..10)?, &format).ok()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Deadline {
    /// `press-3-months`, `press-1-year` or `harassment-6-years`.
    pub kind: &'static str,
    /// The date the clock started (YYYY-MM-DD).
    pub from: String,
    /// The last day to act (YYYY-MM-DD).
    pub until: String,
    /// False when no publication date was known and the capture date was used instead.
    pub from_publication: bool,
    /// The captures it was computed from.
    pub entries: Vec<u32>,
    pub message: String,
}

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
}

/// The item's publication date if known, else its capture date (flagged).
fn dates(view: &CaseView, filter: impl Fn(&[Category]) -> bool) -> Vec<(Date, bool, u32)> {
    view.items
        .iter()
        .filter(|i| filter(&i.categories))
        .filter_map(|i| {
            let c = i.capture.as_ref()?;
            let published = c
                .post
                .as_ref()
                .and_then(|p| p.published_at.as_deref())
                .and_then(parse_date);
            match published {
                Some(d) => Some((d, true, i.seq)),
                None => parse_date(&c.captured_at).map(|d| (d, false, i.seq)),
            }
        })
        .collect()
}

pub fn case_deadlines(view: &CaseView, lang: Lang) -> Vec<Deadline> {
    let mut out = Vec::new();
    let fr = lang == Lang::Fr;
    for (kind, category, months) in [
        ("press-1-year", Category::Hate, 12),
        ("press-3-months", Category::Insult, 3),
    ] {
        let found = dates(view, |c| c.contains(&category));
        if let Some(&(from, known, _)) = found.iter().min_by_key(|(d, _, _)| *d) {
            let until = add_months(from, months);
            let what = if months == 12 {
                if fr {
                    "Injure ou diffamation publique discriminatoire : 1 an"
                } else {
                    "Discriminatory public insult or defamation: 1 year"
                }
            } else if fr {
                "Injure ou diffamation publique : 3 mois"
            } else {
                "Public insult or defamation: 3 months"
            };
            let message = if fr {
                format!("{what} à compter de la publication ({}{}), soit jusqu'au {}. Une plainte simple n'arrête pas ce délai : plainte avec constitution de partie civile ou citation directe, avec un avocat.", ymd(from), if known { "" } else { ", date de capture faute de date de publication : le délai réel peut être plus court" }, ymd(until))
            } else {
                format!("{what} from publication ({}{}), that is until {}. A plain complaint does not stop this clock: a complaint with civil-party status or a direct summons, with a lawyer.", ymd(from), if known { "" } else { ", the capture date since the publication date is unknown: the real deadline may be earlier" }, ymd(until))
            };
            out.push(Deadline {
                kind,
                from: ymd(from),
                until: ymd(until),
                from_publication: known,
                entries: found.iter().map(|f| f.2).collect(),
                message,
            });
        }
    }
    let all = dates(view, |_| true);
    if let Some(&(last, known, _)) = all.iter().max_by_key(|(d, _, _)| *d) {
        let until = add_months(last, 72);
        let message = if fr {
            format!(
                "Harcèlement : 6 ans à compter du dernier fait ({}), soit jusqu'au {}.",
                ymd(last),
                ymd(until)
            )
        } else {
            format!(
                "Harassment: 6 years from the last act ({}), that is until {}.",
                ymd(last),
                ymd(until)
            )
        };
        out.push(Deadline {
            kind: "harassment-6-years",
            from: ymd(last),
            until: ymd(until),
            from_publication: known,
            entries: all.iter().map(|f| f.2).collect(),
            message,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

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
}

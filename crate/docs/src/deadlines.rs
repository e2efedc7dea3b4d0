//! The clocks that run for a case, one per capture and per rule (crate::law holds the
//! sources): an insult or defamation must be acted on within 3 months of its first
//! publication (1 year when discriminatory), and a plainte simple does not stop that clock;
//! other délits (threats, images, harassment) within 6 years, harassment from its last act,
//! and harassment needs repeated acts or several people. Each clock says which date it runs
//! from (the publication, or the capture standing in for an unknown publication), its last
//! day, whether it has passed and how many days are left. The last day shown is the day
//! before the anniversary: when in doubt, earlier is the safe side.

use std::collections::BTreeMap;

use serde::Serialize;
use time::{Date, Duration, OffsetDateTime, UtcOffset};

use crate::law::{self, Fact};
use crate::recourses::Status;
use crate::report::number;
use temoin_core::lang::Lang;
use temoin_core::model::{Capture, Category, Post};
use temoin_core::time::{add_months, human_date, offset_of, parse_instant, ymd};
use temoin_core::view::{author_label, CaseView, ItemView};
use temoin_core::when::Published;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ClockKind {
    /// Injure or diffamation publique: 3 months (art. 65 loi 1881).
    #[serde(rename = "press-3-months")]
    Press3Months,
    /// Their discriminatory forms: 1 year (art. 65-3).
    #[serde(rename = "press-1-year")]
    Press1Year,
    /// Injure or diffamation non publique (a private message): 3 months too.
    #[serde(rename = "private-insult-3-months")]
    PrivateInsult3Months,
    /// A délit (threat, images, identity, privacy): 6 years from the act (art. 8 CPP).
    #[serde(rename = "offence-6-years")]
    Offence6Years,
    /// Harassment: 6 years from its last act.
    #[serde(rename = "harassment-6-years")]
    Harassment6Years,
}

impl ClockKind {
    /// The stable code pages and documents use (`press-3-months`...).
    pub fn code(self) -> &'static str {
        match self {
            ClockKind::Press3Months => "press-3-months",
            ClockKind::Press1Year => "press-1-year",
            ClockKind::PrivateInsult3Months => "private-insult-3-months",
            ClockKind::Offence6Years => "offence-6-years",
            ClockKind::Harassment6Years => "harassment-6-years",
        }
    }
}

/// What the clock's first day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum StartsFrom {
    /// The publication time the page gave.
    Publication,
    /// The page only showed a relative time ("il y a 3 semaines"): the clock counts from the
    /// earliest day that text allows, so that it never ends later than the real one.
    EstimatedPublication,
    /// The publication time is unknown: the capture's date stands in, and the real clock may
    /// have started earlier.
    CaptureDate,
    /// Replies none of which the page dated: the clock counts from the day of the post they
    /// reply to, the earliest they can have been published, so that it never ends later than
    /// the real one.
    RepliedPost,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Clock {
    pub kind: ClockKind,
    /// The capture it runs for; for harassment, the latest act.
    pub entry: u32,
    /// Every capture it was computed from (for harassment, all the acts).
    pub entries: Vec<u32>,
    /// First day, YYYY-MM-DD.
    pub start: String,
    pub starts_from: StartsFrom,
    /// Last day to act, YYYY-MM-DD.
    pub until: String,
    /// Days from today to the last day (negative once passed).
    pub days_left: i64,
    pub passed: bool,
    /// Whether it may still be running: not passed, or passed only as counted from the post
    /// undated replies answer (they may have been published well after it).
    pub may_be_open: bool,
    /// Shown because nothing says what the content is yet ("if it is an insult…").
    pub conditional: bool,
    /// One line: "Injure ou diffamation publique : 3 mois".
    pub title: String,
    /// The whole statement, dates as people write them.
    pub message: String,
    pub source: String,
    pub status: Status,
    /// "vérifié" or "à confirmer", in the clock's language.
    pub status_label: &'static str,
}

/// A rule that applies to the case but has no date to show.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ClockNote {
    pub kind: &'static str,
    pub message: String,
    pub source: String,
    pub status: Status,
}

#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Deadlines {
    /// Open clocks first, the nearest first; then those that have passed.
    pub clocks: Vec<Clock>,
    pub notes: Vec<ClockNote>,
}

impl Deadlines {
    /// The nearest clock still open, if any.
    pub fn most_urgent(&self) -> Option<&Clock> {
        self.clocks.iter().find(|c| !c.passed)
    }

    /// Whether a public press-law clock (3 months or 1 year) is open: the civil-party
    /// complaint is the way to interrupt it.
    pub fn public_press_clock_open(&self) -> bool {
        self.clocks.iter().any(|c| {
            c.may_be_open && matches!(c.kind, ClockKind::Press3Months | ClockKind::Press1Year)
        })
    }

    /// Whether any insult clock is open (public or private): a plainte simple would not stop
    /// it, which the guide and the letter must say.
    pub fn press_clock_open(&self) -> bool {
        self.clocks.iter().any(|c| {
            c.may_be_open
                && matches!(
                    c.kind,
                    ClockKind::Press3Months
                        | ClockKind::Press1Year
                        | ClockKind::PrivateInsult3Months
                )
        })
    }
}

/// Where a clock's message quotes the duration the page showed ("il y a 3 sem."): filled in by
/// `deadlines`, which knows the capture.
const SHOWN: &str = "\u{0}shown\u{0}";

/// The duration a post's page showed, quoted as people quote.
fn quoted_duration(post: Option<&Post>, lang: Lang) -> String {
    let shown = post
        .and_then(|p| p.published_text.as_deref())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or("?");
    lang.pick(format!("«\u{a0}{shown}\u{a0}»"), format!("\"{shown}\""))
}

/// When an item happened, as a date in the zone of the device that captured it, and whether
/// that is its publication or its capture standing in for it (the report's period of the
/// facts reads the same dates). For a capture of several items, each published on its own
/// day, it is the earliest item's: the period of the facts starts there (the clocks take each
/// item's own day, `moments`).
pub fn act_date(item: &ItemView) -> Option<(Date, StartsFrom, UtcOffset)> {
    act(item, false).map(|(d, f, o, _)| (d, f, o))
}

/// The last day an item happened on: for a capture of several items, its latest item's
/// (counted from the earliest day its time allows, as `act_date`); otherwise `act_date`.
pub fn last_act_date(item: &ItemView) -> Option<(Date, StartsFrom, UtcOffset)> {
    act(item, true).map(|(d, f, o, _)| (d, f, o))
}

/// The act's day, what it counts from, the capture's zone and the post that dated it.
fn act(item: &ItemView, last: bool) -> Option<(Date, StartsFrom, UtcOffset, Option<&Post>)> {
    let c = item.capture.as_ref()?;
    let offset = zone(c);
    // Each item's earliest possible instant; the capture's earliest (or latest) of them.
    let dated = c
        .items
        .iter()
        .filter_map(|i| i.post.publication().map(|p| (p, &i.post)));
    let picked = if last {
        dated.max_by_key(|(p, _)| p.earliest.unwrap_or(p.at))
    } else {
        dated.min_by_key(|(p, _)| p.earliest.unwrap_or(p.at))
    };
    let (publication, post) = match picked {
        Some((p, post)) => (Some(p), Some(post)),
        // No item dated: the right-clicked post is not one of them (in a selection, the post
        // the replies sit under; in a conversation, one message among both sides'). Replies
        // cannot be older than the post they answer: its day is the safe start, said as such;
        // anything else counts from the capture.
        None if c.collection.is_some() => {
            let answered = c
                .collection
                .as_ref()
                .filter(|col| col.mode == "selection" && col.scope == "replies")
                .and(c.post.as_ref())
                .and_then(|p| p.publication());
            if let Some(p) = answered {
                let day = p.earliest.unwrap_or(p.at).to_offset(offset).date();
                return Some((day, StartsFrom::RepliedPost, offset, None));
            }
            (None, None)
        }
        None => (
            c.post.as_ref().and_then(|p| p.publication()),
            c.post.as_ref(),
        ),
    };
    let (d, f) = day_of(c, publication, offset)?;
    Some((d, f, offset, post))
}

/// The zone of the device that made the capture.
fn zone(c: &Capture) -> UtcOffset {
    c.environment
        .as_ref()
        .and_then(|e| offset_of(&e.local_time))
        .unwrap_or(UtcOffset::UTC)
}

/// The day a publication (or, without one, the capture) falls on, and what it counts from.
fn day_of(
    c: &Capture,
    publication: Option<Published>,
    offset: UtcOffset,
) -> Option<(Date, StartsFrom)> {
    let local = |t: OffsetDateTime| t.to_offset(offset).date();
    match publication {
        Some(Published {
            earliest: Some(earliest),
            ..
        }) => Some((local(earliest), StartsFrom::EstimatedPublication)),
        Some(p) => Some((local(p.at), StartsFrom::Publication)),
        None => parse_instant(&c.captured_at).map(|t| (local(t), StartsFrom::CaptureDate)),
    }
}

/// One day a clock of a capture may run from: one of its items' (`item`), or the capture's own.
#[derive(Clone, Copy)]
struct Moment<'a> {
    date: Date,
    from: StartsFrom,
    post: Option<&'a Post>,
    /// The item's number in its capture, for a capture of several items.
    item: Option<u32>,
}

/// The days a capture's clocks may run from: each dated item's, oldest first; for a capture
/// without dated items, its own (its post's publication, or its capture).
fn moments(item: &ItemView) -> Vec<Moment<'_>> {
    let Some(c) = item.capture.as_ref() else {
        return Vec::new();
    };
    let offset = zone(c);
    let mut dated: Vec<(OffsetDateTime, Moment)> = c
        .items
        .iter()
        .filter_map(|i| {
            let p = i.post.publication()?;
            let (date, from) = day_of(c, Some(p), offset)?;
            Some((
                p.earliest.unwrap_or(p.at),
                Moment {
                    date,
                    from,
                    post: Some(&i.post),
                    item: Some(i.n),
                },
            ))
        })
        .collect();
    if dated.is_empty() {
        return act(item, false)
            .map(|(date, from, _, post)| Moment {
                date,
                from,
                post,
                item: None,
            })
            .into_iter()
            .collect();
    }
    dated.sort_by_key(|(at, m)| (*at, m.item));
    dated.into_iter().map(|(_, m)| m).collect()
}

/// The last act of a capture for the harassment clock, and whether it was picked among several
/// authors. For a capture of several items, each author's clock runs from their own last
/// message: the day taken is the earliest of those (an item naming no author counts as an
/// author of its own), never later than any author's real clock. Otherwise, its only act.
fn last_act(item: &ItemView) -> Option<(Moment<'_>, bool)> {
    let c = item.capture.as_ref()?;
    let offset = zone(c);
    // Each author's latest dated item: (its earliest possible instant, its number).
    let mut latest: BTreeMap<String, (OffsetDateTime, u32, Published, &Post)> = BTreeMap::new();
    for i in &c.items {
        let Some(p) = i.post.publication() else {
            continue;
        };
        let at = p.earliest.unwrap_or(p.at);
        let platform = i.post.platform.as_deref().or(c.page.platform.as_deref());
        let who = author_label(&i.post, platform).unwrap_or_else(|| format!("\u{0}{}", i.n));
        let e = latest.entry(who).or_insert((at, i.n, p, &i.post));
        if (at, i.n) > (e.0, e.1) {
            *e = (at, i.n, p, &i.post);
        }
    }
    let authors = latest.len();
    match latest.into_values().min_by_key(|(at, n, _, _)| (*at, *n)) {
        Some((_, n, p, post)) => {
            let (date, from) = day_of(c, Some(p), offset)?;
            Some((
                Moment {
                    date,
                    from,
                    post: Some(post),
                    item: Some(n),
                },
                authors >= 2,
            ))
        }
        None => act(item, true).map(|(date, from, _, post)| {
            (
                Moment {
                    date,
                    from,
                    post,
                    item: None,
                },
                false,
            )
        }),
    }
}

/// For a capture of several items, what its clocks' messages add: each item has its own
/// clock, and the one shown is the nearest to its end among those still open (`passed` older
/// ones have passed), or, once all have passed, the latest.
fn several_note(item: &ItemView, passed: usize, all_passed: bool, lang: Lang) -> Option<String> {
    let c = item.capture.as_ref()?;
    if c.items.len() < 2 {
        return None;
    }
    let undated = c
        .items
        .iter()
        .filter(|i| i.post.publication().is_none())
        .count();
    let n = number(c.items.len() as u64, lang);
    let mut m = lang.pick(
        format!(" Cette capture réunit {n} messages\u{a0}: chacun a son propre délai, qui court depuis le jour où il a été mis en ligne ou envoyé."),
        format!(" This capture holds {n} messages: each has its own limit, which runs from the day it was posted or sent."),
    );
    if undated == c.items.len() {
        // No item dated: one clock (from the post the replies answer, or from the capture)
        // stands for them all.
    } else if all_passed {
        m.push_str(lang.pick(
            " Celui affiché est celui du message le plus récent\u{a0}: les délais de tous ces messages sont dépassés.",
            " The one shown is the most recent message's: the limits of all these messages have passed.",
        ));
    } else {
        m.push_str(lang.pick(
            " Celui affiché est, parmi ceux encore ouverts, le plus proche de sa fin",
            " The one shown is, among those still open, the nearest to its end",
        ));
        if passed == 1 {
            m.push_str(lang.pick(
                "\u{a0}; le délai d'un message plus ancien est dépassé",
                "; the limit of one older message has passed",
            ));
        } else if passed > 1 {
            let k = number(passed as u64, lang);
            m.push_str(&lang.pick(
                format!("\u{a0}; les délais de {k} messages plus anciens sont dépassés"),
                format!("; the limits of {k} older messages have passed"),
            ));
        }
        m.push('.');
    }
    // Undated replies counted from the post they answer cannot have started earlier: the
    // clock's own words say so.
    let from_answered = act(item, false).is_some_and(|(_, f, _, _)| f == StartsFrom::RepliedPost);
    if undated > 0 && !from_answered {
        let k = number(undated as u64, lang);
        m.push_str(&lang.pick(
            format!(" La page ne datait pas {k} d'entre eux\u{a0}: leur délai a pu commencer avant et finir avant le jour affiché\u{a0}; pour eux, agissez sans attendre."),
            format!(" The page did not date {k} of them: their limit may have started earlier and end before the day shown; act on them without waiting."),
        ));
    }
    Some(m)
}

struct Rule {
    kind: ClockKind,
    months: u32,
    conditional: bool,
}

/// The clocks one capture starts, from what it is (its categories) and where it was.
fn rules_for(item: &ItemView) -> Vec<Rule> {
    let cats = &item.categories;
    let private = item.label.private;
    let untagged = cats.is_empty();
    let mut out = Vec::new();
    let insult = untagged || cats.contains(&Category::Insult);
    if private {
        if insult || cats.contains(&Category::Hate) {
            out.push(Rule {
                kind: ClockKind::PrivateInsult3Months,
                months: 3,
                conditional: untagged,
            });
        }
    } else {
        if insult {
            out.push(Rule {
                kind: ClockKind::Press3Months,
                months: 3,
                conditional: untagged,
            });
        }
        if cats.contains(&Category::Hate) {
            out.push(Rule {
                kind: ClockKind::Press1Year,
                months: 12,
                conditional: false,
            });
            // The year holds only if the discriminatory ground is upheld: the 3 months stand
            // beside it, the safe date.
            if !insult {
                out.push(Rule {
                    kind: ClockKind::Press3Months,
                    months: 3,
                    conditional: true,
                });
            }
        }
    }
    let delit = cats.iter().any(|c| {
        matches!(
            c,
            Category::Threat
                | Category::IntimateImages
                | Category::PersonalData
                | Category::Impersonation
                | Category::SexualHarassment
        )
    });
    if delit {
        out.push(Rule {
            kind: ClockKind::Offence6Years,
            months: 72,
            conditional: false,
        });
    }
    out
}

/// Whether a capture gathers posts of two named authors or more, selected on a page: the
/// replies of a raid (several people piling on), each a possible act of harassment.
pub fn is_raid(item: &ItemView) -> bool {
    item.label
        .items
        .as_ref()
        .is_some_and(|s| s.mode == "selection" && s.authors >= 2)
}

/// Whether the case shows harassment's repetition: two captures or more, one tagged as a raid,
/// or one selection of posts by two named authors or more (a raid's replies). The messages of
/// one conversation are not counted as separate acts: messages sent at once may be a single
/// act, and some are the person's own.
pub fn shows_repetition(view: &CaseView) -> bool {
    let captures = view.items.iter().filter(|i| i.capture.is_some());
    captures.clone().count() >= 2
        || captures.clone().any(is_raid)
        || view
            .items
            .iter()
            .any(|i| i.categories.contains(&Category::PileOn))
}

/// Every clock of the case on `today` (the user's local date).
pub fn deadlines(view: &CaseView, today: Date, minor: bool, lang: Lang) -> Deadlines {
    let mut clocks = Vec::new();
    for item in view.items.iter().filter(|i| i.capture.is_some()) {
        let moments = moments(item);
        if moments.is_empty() {
            continue;
        }
        for rule in rules_for(item) {
            // Each item's clock; the one shown is the nearest to its end among those still
            // open, or, once every one has passed, the latest.
            let all: Vec<(Clock, &Moment)> = moments
                .iter()
                .map(|m| {
                    let mut c = clock(
                        rule.kind,
                        item.seq,
                        m.item,
                        vec![item.seq],
                        m.date,
                        m.from,
                        rule.months,
                        rule.conditional,
                        item.categories.contains(&Category::Hate),
                        today,
                        lang,
                    );
                    c.message = c.message.replace(SHOWN, &quoted_duration(m.post, lang));
                    (c, m)
                })
                .collect();
            let passed = all.iter().filter(|(c, _)| c.passed).count();
            let all_passed = passed == all.len();
            let picked = if all_passed {
                all.into_iter()
                    .max_by(|(a, _), (b, _)| a.until.cmp(&b.until))
            } else {
                all.into_iter()
                    .filter(|(c, _)| !c.passed)
                    .min_by(|(a, _), (b, _)| a.until.cmp(&b.until))
            };
            let Some((mut c, _)) = picked else {
                continue;
            };
            if let Some(note) = several_note(item, passed, all_passed, lang) {
                c.message.push_str(&note);
            }
            clocks.push(c);
        }
    }
    let mut notes = Vec::new();
    if shows_repetition(view) {
        let acts: Vec<(&ItemView, Moment, bool)> = view
            .items
            .iter()
            .filter_map(|i| last_act(i).map(|(m, several)| (i, m, several)))
            .collect();
        if let Some(&(last, m, several)) = acts.iter().max_by_key(|(i, m, _)| (m.date, i.seq)) {
            let mut harassment = clock(
                ClockKind::Harassment6Years,
                last.seq,
                m.item,
                acts.iter().map(|(i, _, _)| i.seq).collect(),
                m.date,
                m.from,
                72,
                false,
                false,
                today,
                lang,
            );
            harassment.message = harassment
                .message
                .replace(SHOWN, &quoted_duration(m.post, lang));
            // Messages of one capture are acts of harassment only if a judge holds them so.
            if m.item.is_some() {
                let first = harassment.message.remove(0).to_lowercase();
                harassment.message = format!(
                    "{}{first}{}",
                    lang.pick(
                        "Si ces messages sont retenus comme un harcèlement, ",
                        "If these messages are held to be harassment, "
                    ),
                    harassment.message
                );
            }
            if several {
                // Among several authors, the clock shown is the author's whose limit ends
                // first, not the capture's latest message.
                if let (Some(n), Some(post)) = (m.item, m.post) {
                    let platform = post
                        .platform
                        .as_deref()
                        .or_else(|| last.capture.as_ref()?.page.platform.as_deref());
                    let n = format!("{}.{n}", last.seq);
                    let who = author_label(post, platform).unwrap_or_else(|| {
                        lang.pick("un compte non identifié", "an unnamed account")
                            .to_owned()
                    });
                    harassment.message = harassment.message.replace(
                        &lang.pick(
                            format!("le dernier fait capturé (n°\u{a0}{n})"),
                            format!("the last act captured (no. {n})"),
                        ),
                        &lang.pick(
                            format!("l'auteur dont le délai finit le premier (dernier message de {who}, n°\u{a0}{n})"),
                            format!("the author whose limit ends first (last message of {who}, no. {n})"),
                        ),
                    );
                }
                harassment.message.push_str(lang.pick(
                    " Dans un raid, le délai de chaque auteur peut courir depuis son propre dernier message\u{a0}: la date affichée est la plus ancienne d'entre elles (à confirmer avec un avocat).",
                    " In a raid, each author's limit may run from their own last message: the date shown is the earliest of them (to be confirmed with a lawyer).",
                ));
            }
            // The last act's own 6-year clock runs from the same day to the same day: said
            // once, by the harassment clock that names it.
            clocks.retain(|c| {
                !(c.kind == ClockKind::Offence6Years
                    && c.entry == harassment.entry
                    && c.start == harassment.start
                    && c.until == harassment.until)
            });
            clocks.push(harassment);
        }
    } else if view.items.iter().any(is_conversation) {
        notes.push(ClockNote {
            kind: "conversation-repetition",
            message: lang
                .pick(
                    "Cette conversation réunit des messages des deux côtés\u{a0}: si ceux de l'autre personne se répètent, ils peuvent constituer un harcèlement (6 ans après son dernier message). Des messages envoyés d'un coup peuvent n'être retenus que comme un seul fait\u{a0}: à confirmer avec un avocat.",
                    "This conversation holds messages from both sides: if the other person's messages are repeated, they can amount to harassment (6 years after their last message). Messages sent all at once may count as a single act: to be confirmed with a lawyer.",
                )
                .to_owned(),
            source: law::CONVERSATION_ACTS.source.to_owned(),
            status: law::CONVERSATION_ACTS.status,
        });
    } else if view.items.iter().any(|i| i.capture.is_some()) {
        notes.push(ClockNote {
            kind: "harassment-needs-repetition",
            message: lang
                .pick(
                    "Harcèlement\u{a0}: il faut des actes répétés, ou plusieurs personnes qui s'acharnent (un «\u{a0}raid\u{a0}»). Un seul message d'une seule personne n'en est pas, mais il peut être une injure ou une menace. Capturez chaque nouveau message\u{a0}: c'est la répétition qui se prouve.",
                    "Harassment needs repeated acts, or several people piling on (a \"raid\"). A single message from one person is not harassment, though it can be an insult or a threat. Capture every new message: it is the repetition that has to be shown.",
                )
                .to_owned(),
            source: law::HARASSMENT_NEEDS_REPETITION.source.to_owned(),
            status: law::HARASSMENT_NEEDS_REPETITION.status,
        });
    }
    notes.extend(how_to_stop(&clocks, view, minor, lang));
    clocks.sort_by(|a, b| {
        a.passed
            .cmp(&b.passed)
            .then(a.until.cmp(&b.until))
            .then(a.entry.cmp(&b.entry))
    });
    Deadlines { clocks, notes }
}

/// A conversation scrolled in its pane, of two messages or more.
fn is_conversation(item: &ItemView) -> bool {
    item.label
        .items
        .as_ref()
        .is_some_and(|s| s.mode == "conversation" && s.count >= 2)
}

/// What stops the clocks that are open, said once for all of them.
fn how_to_stop(clocks: &[Clock], view: &CaseView, minor: bool, lang: Lang) -> Vec<ClockNote> {
    let open = |k: ClockKind| clocks.iter().any(|c| c.kind == k && c.may_be_open);
    let mut notes = Vec::new();
    if open(ClockKind::Press3Months) || open(ClockKind::Press1Year) {
        notes.push(ClockNote {
            kind: "press-plain-complaint",
            message: lang.pick(
                "Pour une injure ou une diffamation publique, une plainte simple (au commissariat, à la gendarmerie ou par lettre au procureur) n'arrête pas le délai de prescription de l'injure ou de la diffamation (3\u{a0}mois\u{a0}; 1\u{a0}an seulement si elle vise l'origine, l'ethnie, la nation, une prétendue race, la religion, le sexe, l'orientation sexuelle, l'identité de genre ou un handicap, à confirmer avec un avocat\u{a0}; dans le doute, comptez 3\u{a0}mois)\u{a0}: une plainte avec constitution de partie civile ou une citation directe l'interrompent (les réquisitions du procureur aussi, mais on ne peut pas compter dessus), et un nouveau délai recommence ensuite après chaque acte de la procédure. Elles se préparent avec un avocat, vite (si l'auteur est mineur, la voie peut être différente\u{a0}: à confirmer avec un avocat). Le délai part de la première mise en ligne, même si le message est resté visible depuis.",
                "For a public insult or defamation, a plain complaint (at the police, the gendarmerie or by letter to the prosecutor) does not stop the insult's or defamation's limitation clock (3 months; 1 year only if it targets origin, ethnicity, nationality, so-called race, religion, sex, sexual orientation, gender identity or disability, to be confirmed with a lawyer; if in doubt, count 3 months): a complaint with civil-party status or a direct summons interrupts it (the prosecutor's requests do too, but one cannot count on them), and a new period then starts again after each step of the proceedings. They are prepared with a lawyer, quickly (if the author is a minor, the route may differ: to be confirmed with a lawyer). The clock starts at the first posting, even if the message stayed online since.",
            ).to_owned(),
            source: format!("{}\u{a0}; {}\u{a0}; {}\u{a0}; {}\u{a0}; {}", law::PRESS_THREE_MONTHS.source, law::PRESS_ONE_YEAR.source, law::PLAIN_COMPLAINT_DOES_NOT_STOP_IT.source, law::FIRST_POSTING.source, law::PARTIE_CIVILE_DIRECT.source),
            status: law::PLAIN_COMPLAINT_DOES_NOT_STOP_IT.status,
        });
    }
    if open(ClockKind::PrivateInsult3Months) {
        notes.push(ClockNote {
            kind: "private-insult-plain-complaint",
            message: lang.pick(
                "Pour une injure en message privé, une plainte simple n'arrête pas non plus le délai de 3 mois\u{a0}: une citation directe devant le tribunal de police, préparée avec un avocat, l'interrompt (la plainte avec constitution de partie civile n'est pas possible pour cette contravention\u{a0}; si l'auteur est mineur, la voie peut être différente\u{a0}: à confirmer avec un avocat). Des messages répétés peuvent aussi être du harcèlement (6 ans).",
                "For an insult in a private message, a plain complaint does not stop the 3-month clock either: a direct summons before the police court, prepared with a lawyer, interrupts it (a complaint with civil-party status is not possible for this minor offence; if the author is a minor, the route may differ: to be confirmed with a lawyer). Repeated messages can also be harassment (6 years).",
            ).to_owned(),
            source: law::PRIVATE_INSULT_THREE_MONTHS.source.to_owned(),
            status: law::PRIVATE_INSULT_THREE_MONTHS.status,
        });
    }
    if minor
        && view
            .items
            .iter()
            .any(|i| i.categories.contains(&Category::IntimateImages))
    {
        notes.push(ClockNote {
            kind: "minor-victim-longer",
            message: lang.pick(
                "Pour certaines infractions sexuelles commises sur un mineur, le délai est plus long et ne court qu'à partir de ses 18 ans (à confirmer avec un avocat)\u{a0}: en attendant, comptez sur le délai le plus court affiché.",
                "For some sexual offences against a minor the limit is longer and only starts at 18 (to be confirmed with a lawyer): meanwhile, count on the shortest limit shown.",
            ).to_owned(),
            source: law::MINOR_VICTIM_LONGER.source.to_owned(),
            status: law::MINOR_VICTIM_LONGER.status,
        });
    }
    notes
}

fn fact_of(kind: ClockKind) -> Fact {
    match kind {
        ClockKind::Press3Months => law::PRESS_THREE_MONTHS,
        ClockKind::Press1Year => law::PRESS_ONE_YEAR,
        ClockKind::PrivateInsult3Months => law::PRIVATE_INSULT_THREE_MONTHS,
        ClockKind::Offence6Years | ClockKind::Harassment6Years => law::SIX_YEARS,
    }
}

/// A number of days, grouped as people write it (« 2\u{202f}191 », "2,191").
fn days(n: i64, lang: Lang) -> String {
    let grouped = number(n.unsigned_abs(), lang);
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

#[allow(clippy::too_many_arguments)] // one clock's facts, each a column of the message
fn clock(
    kind: ClockKind,
    entry: u32,
    item: Option<u32>,
    entries: Vec<u32>,
    start: Date,
    from: StartsFrom,
    months: u32,
    conditional: bool,
    hate: bool,
    today: Date,
    lang: Lang,
) -> Clock {
    let until = add_months(start, months)
        .checked_sub(Duration::days(1))
        .unwrap_or(start);
    let days_left = (until - today).whole_days();
    let passed = days_left < 0;
    let fr = lang == Lang::Fr;
    let title = match kind {
        ClockKind::Press3Months => lang.pick(
            "Injure ou diffamation publique\u{a0}: 3 mois",
            "Public insult or defamation: 3 months",
        ),
        ClockKind::Press1Year => lang.pick(
            "Injure ou diffamation discriminatoire\u{a0}: 1 an",
            "Discriminatory insult or defamation: 1 year",
        ),
        ClockKind::PrivateInsult3Months => lang.pick(
            "Injure en message privé\u{a0}: 3 mois",
            "Insult in a private message: 3 months",
        ),
        ClockKind::Offence6Years => lang.pick(
            "Délit (menace, images, identité…)\u{a0}: 6 ans",
            "Offence (threat, images, identity…): 6 years",
        ),
        ClockKind::Harassment6Years => lang.pick(
            "Harcèlement\u{a0}: 6 ans après le dernier fait",
            "Harassment: 6 years after the last act",
        ),
    }
    .to_owned();
    let start_h = human_date(start, lang);
    let until_h = human_date(until, lang);
    let mut m = String::new();
    if conditional {
        m.push_str(if kind == ClockKind::Press3Months && hate {
            lang.pick(
                "Si le caractère discriminatoire n'est pas retenu, ",
                "If the discriminatory ground is not upheld, ",
            )
        } else {
            lang.pick(
                "Si ce contenu est une injure ou une diffamation, ",
                "If this content is an insult or defamation, ",
            )
        });
    }
    // An item of a capture of several is numbered as the report numbers it: « 2.1 ».
    let n = match item {
        Some(i) => format!("{entry}.{i}"),
        None => entry.to_string(),
    };
    let which = match (kind, item) {
        (ClockKind::Harassment6Years, _) => lang.pick(
            format!("le dernier fait capturé (n°\u{a0}{n})"),
            format!("the last act captured (no. {n})"),
        ),
        (_, Some(_)) => lang.pick(
            format!("le message n°\u{a0}{n}"),
            format!("message no. {n}"),
        ),
        (_, None) => lang.pick(
            format!("la capture n°\u{a0}{n}"),
            format!("capture no. {n}"),
        ),
    };
    let from_what = match from {
        StartsFrom::Publication => lang.pick(
            format!("sa publication, le {start_h}"),
            format!("its publication on {start_h}"),
        ),
        StartsFrom::EstimatedPublication => lang.pick(
            format!("sa publication, que la page ne datait que par une durée ({SHOWN})\u{a0}: par prudence, le délai est compté depuis le {start_h}, le jour le plus ancien possible"),
            format!("its publication, which the page dated only as a duration ({SHOWN}): to be safe, the clock counts from {start_h}, the earliest possible day"),
        ),
        StartsFrom::CaptureDate => lang.pick(
            format!("sa capture, le {start_h} (la date de publication est inconnue\u{a0}: le délai a peut-être commencé plus tôt)"),
            format!("its capture on {start_h} (the publication date is unknown: the clock may have started earlier)"),
        ),
        StartsFrom::RepliedPost => lang.pick(
            format!("la publication du message sous lequel ces réponses ont été écrites, le {start_h} (la page ne datait pas les réponses, et aucune n'a en principe pu être publiée avant ce jour\u{a0}: par prudence, le délai est compté depuis ce jour)"),
            format!("the publication of the post these replies were written under, on {start_h} (the page did not date the replies, and none can in principle have been published before that day: to be safe, the clock counts from that day)"),
        ),
    };
    let span = match months {
        3 => lang.pick("3 mois", "3 months"),
        12 => lang.pick("1 an", "1 year"),
        _ => lang.pick("6 ans", "6 years"),
    };
    if fr {
        let start_word = if conditional {
            "le délai pour"
        } else {
            "Le délai pour"
        };
        m.push_str(&format!(
            "{start_word} {which} est de {span} à compter de {from_what}\u{a0}: agissez au plus tard le {until_h}"
        ));
    } else {
        let start_word = if conditional {
            "the limit for"
        } else {
            "The limit for"
        };
        m.push_str(&format!(
            "{start_word} {which} is {span} from {from_what}: act by {until_h} at the latest"
        ));
    }
    if passed {
        // The sentence so far ends "act by <day>": say the day has passed, once.
        let cut = m
            .rfind(lang.pick("\u{a0}: agissez", ": act by"))
            .unwrap_or(m.len());
        m.truncate(cut);
        if from == StartsFrom::RepliedPost {
            // Counted from the post the replies answer: passed on that count only.
            m.push_str(&lang.pick(
                format!(" — compté depuis ce message, le dernier jour serait le {until_h}, déjà passé\u{a0}; mais les réponses ont pu être publiées bien après lui, et leur délai court peut-être encore\u{a0}: vérifiez leur date sur la page et voyez un avocat sans attendre."),
                format!(" — counted from that post, the last day would be {until_h}, already past; but the replies may have been published well after it, and their limit may still be running: check their dates on the page and see a lawyer without waiting."),
            ));
        } else {
            m.push_str(&lang.pick(
                format!(" — le dernier jour était le {until_h}\u{a0}: ce délai est dépassé. D'autres qualifications peuvent rester ouvertes (harcèlement, menaces), et si l'auteur publie à nouveau ce contenu, un nouveau délai peut courir\u{a0}: à confirmer avec un avocat."),
                format!(" — the last day was {until_h}: this limit has passed. Other offences may still be open (harassment, threats), and if the author publishes the content again, a new period may start: to be confirmed with a lawyer."),
            ));
        }
    } else {
        m.push_str(&match (days_left, fr) {
            (0, true) => " — c'est aujourd'hui.".to_owned(),
            (0, false) => " — that is today.".to_owned(),
            (1, true) => " — il reste 1 jour.".to_owned(),
            (1, false) => " — 1 day left.".to_owned(),
            (n, true) => format!(" — il reste {} jours.", days(n, lang)),
            (n, false) => format!(" — {} days left.", days(n, lang)),
        });
    }
    let fact = fact_of(kind);
    let (source, status) = match kind {
        ClockKind::Press3Months => (
            format!(
                "{}\u{a0}; {}\u{a0}; {}",
                fact.source,
                law::PLAIN_COMPLAINT_DOES_NOT_STOP_IT.source,
                law::FIRST_POSTING.source
            ),
            fact.status,
        ),
        _ => (fact.source.to_owned(), fact.status),
    };
    Clock {
        kind,
        entry,
        entries,
        start: ymd(start),
        starts_from: from,
        until: ymd(until),
        days_left,
        passed,
        may_be_open: !passed || from == StartsFrom::RepliedPost,
        conditional,
        title,
        message: m,
        source,
        status,
        status_label: status.label(lang),
    }
}

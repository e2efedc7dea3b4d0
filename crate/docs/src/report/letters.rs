//! Letters and form texts built from the journal: the complaint to the procureur de la
//! République (service-public F21613), the erasure request to a platform (art. 17 RGPD and
//! art. 51 loi Informatique et Libertés, one per platform), the text for a platform's report
//! form (DSA art. 16(2)) and the fields PHAROS asks for. Letters to French authorities are in
//! French whatever the screen's language; form texts follow the screen. Plain text: the pages
//! print and copy it as it is. Captured words are quoted exactly; nothing the page did not
//! say is put in an author's mouth.

use std::fmt::Write;

use serde::Serialize;
use time::{Date, UtcOffset};

use crate::deadlines::{deadlines, shows_repetition};
use crate::law::Offence;
use temoin_core::digest::grouped;
use temoin_core::error::{Error, ErrorCode, Result};
use temoin_core::model::{Category, Post};
use temoin_core::time::{human_date, human_datetime_inline, offset_of, parse_instant};
use temoin_core::view::{CaseView, ItemView};

use temoin_core::lang::Lang;

use super::excerpt;

/// Who writes the erasure request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writer {
    /// The young person, for themselves.
    Minor,
    /// A parent, for their child.
    Parent,
}

impl Writer {
    pub fn from_tag(s: &str) -> Writer {
        if s == "parent" {
            Writer::Parent
        } else {
            Writer::Minor
        }
    }
}

/// A letter and what the person sending it must know first.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Letter {
    /// `procureur` or `erasure`.
    pub kind: &'static str,
    /// The platform an erasure request goes to: its id and its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform_name: Option<String>,
    pub text: String,
    /// Said on the page above the letter, in the screen's language.
    pub warnings: Vec<String>,
    /// Where what the letter and its warnings state comes from: shown under the letter, not in it.
    pub sources: Vec<String>,
}

pub struct LetterRequest<'a> {
    pub kind: &'a str,
    /// The control code of the bundle that goes with the letter.
    /// The control code of the bundle the letter goes with; `None` when the case was never
    /// exported (the letter then leaves a blank to fill in from the export screen).
    pub head: Option<&'a str>,
    /// One capture, or the whole case.
    pub seq: Option<u32>,
    /// For an erasure request: the platform it goes to.
    pub platform: Option<&'a str>,
    pub writer: Writer,
    /// The sender's local date.
    pub today: Date,
    /// The screen's language (for the warnings).
    pub lang: Lang,
}

/// The control code of the last bundle exported: the hash of the last `export` entry, or of
/// the time stamp of it that follows it at once (a bundle closed after its stamp came back
/// carries it). `None` when the case was never exported.
pub fn last_bundle_head(entries: &[temoin_core::journal::Entry]) -> Option<String> {
    use temoin_core::model::EventBody;
    let events: Vec<Option<EventBody>> = entries
        .iter()
        .map(|e| {
            temoin_core::journal::parse_event(&e.json)
                .ok()
                .map(|ev| ev.body)
        })
        .collect();
    let at = events
        .iter()
        .rposition(|b| matches!(b, Some(EventBody::Export(_))))?;
    let seal = &entries[at];
    match (entries.get(at + 1), events.get(at + 1)) {
        (Some(next), Some(Some(EventBody::Timestamp(t)))) if t.entry == seal.seq => {
            Some(next.hash.clone())
        }
        _ => Some(seal.hash.clone()),
    }
}

/// The letters of a kind: one complaint to the procureur, or one erasure request per platform
/// (only `platform`'s when given).
pub fn letters(view: &CaseView, req: &LetterRequest) -> Result<Vec<Letter>> {
    match req.kind {
        "procureur" => Ok(vec![procureur(view, req)]),
        "erasure" => {
            let items: Vec<&ItemView> = match req.seq {
                Some(s) => view.item(s).into_iter().collect(),
                None => view.items.iter().collect(),
            };
            let mut platforms: Vec<String> = Vec::new();
            for i in items.iter().filter(|i| erasable(i)) {
                if let Some(p) = &i.label.platform {
                    if !platforms.contains(p) && req.platform.is_none_or(|want| want == p) {
                        platforms.push(p.clone());
                    }
                }
            }
            Ok(platforms
                .iter()
                .map(|p| {
                    let mine: Vec<&ItemView> = items
                        .iter()
                        .copied()
                        .filter(|i| erasable(i) && i.label.platform.as_deref() == Some(p))
                        .collect();
                    erasure(view, p, &mine, req)
                })
                .collect())
        }
        other => Err(Error::new(
            ErrorCode::InvalidInput,
            format!("no letter '{other}'"),
        )),
    }
}

/// What an erasure request can name: public content captured on a platform, and not deleted
/// from the journal since.
fn erasable(item: &ItemView) -> bool {
    item.capture.is_some()
        && item.deleted.is_none()
        && !item.label.private
        && item.label.platform.is_some()
}

/// The offences one capture shows by its categories (recourses.md section 3).
fn item_offences(item: &ItemView, minor: bool) -> Vec<Offence> {
    let private = item.label.private;
    let mut out = Vec::new();
    for c in &item.categories {
        match c {
            Category::Threat => out.push(Offence::Threat),
            Category::Insult | Category::Hate if private => out.push(Offence::PrivateInsult),
            Category::Insult => out.push(Offence::PublicInsult),
            Category::Hate => out.push(Offence::DiscriminatoryInsult),
            Category::IntimateImages => {
                if minor {
                    out.push(Offence::MinorSexualImage);
                }
                out.push(Offence::IntimateImages);
                // A threat around intimate images is blackmail (sextortion).
                if item.categories.contains(&Category::Threat) {
                    out.push(Offence::Blackmail);
                }
                // Someone pressing a minor for sexual images.
                if minor && item.categories.contains(&Category::SexualHarassment) {
                    out.push(Offence::SolicitingMinorImages);
                }
            }
            Category::SexualHarassment => out.push(Offence::SexualHarassment),
            Category::PersonalData => {
                out.push(Offence::Privacy);
                out.push(Offence::Doxxing);
            }
            Category::Impersonation => out.push(Offence::Impersonation),
            Category::PileOn => out.push(Offence::Harassment),
            Category::Other => {}
        }
    }
    out
}

/// The offences the captures show: each capture's categories, and harassment only where the
/// case shows repetition or a raid (one threatening e-mail is a threat, not harassment).
pub fn offences(view: &CaseView, items: &[&ItemView]) -> Vec<Offence> {
    let captures: Vec<&ItemView> = items
        .iter()
        .copied()
        .filter(|i| i.capture.is_some())
        .collect();
    let mut out: Vec<Offence> = captures
        .iter()
        .flat_map(|i| item_offences(i, view.minor()))
        .collect();
    if shows_repetition(view) && !captures.is_empty() {
        out.push(Offence::Harassment);
    }
    // Art. 222-33-2-3 protects "un élève": a minor's school case. An adult's may be a pupil's or
    // a member of staff's; the plain harassment article covers both.
    if out.contains(&Offence::Harassment)
        && view.minor()
        && view.details.as_ref().is_some_and(|d| d.school)
    {
        out.push(Offence::SchoolHarassment);
    }
    out.sort();
    out.dedup();
    out
}

/// The zone the capture's device was in, for writing its times.
fn offset(item: &ItemView) -> UtcOffset {
    item.capture
        .as_ref()
        .and_then(|c| c.environment.as_ref())
        .and_then(|e| offset_of(&e.local_time))
        .unwrap_or(UtcOffset::UTC)
}

/// When a post was published, as far as the page said. The capture's time, always said in
/// brackets, is written without brackets of its own.
enum Published {
    /// The page gave the time: written as people write it (without brackets when `inline`).
    At(String),
    /// The page only showed a text ("il y a 3 jours"), kept as shown, with the capture's time.
    Shown { shown: String, captured: String },
    /// Nothing: the capture's time.
    Unknown { captured: String },
}

fn published(item: &ItemView, lang: Lang, inline: bool) -> Published {
    let Some(c) = item.capture.as_ref() else {
        return Published::Unknown {
            captured: String::new(),
        };
    };
    let post = c.post.as_ref();
    if let Some(at) = post.and_then(|p| super::publication_text(p, offset(item), lang, inline)) {
        return Published::At(at);
    }
    let captured = captured_at(item, lang);
    match post
        .and_then(|p| p.published_text.as_deref())
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        Some(shown) => Published::Shown {
            shown: shown.to_owned(),
            captured,
        },
        None => Published::Unknown { captured },
    }
}

/// The publication time as a value: « 27 novembre 2026 à 22 h 14 (UTC+01:00) », or what the
/// page showed, or « inconnue », each time with the capture's time when it stands in
/// (« inconnue (capturée le 29 novembre 2026 à 19 h 24, UTC+01:00) »).
pub fn when(item: &ItemView, lang: Lang) -> String {
    when_in(item, lang, false)
}

/// The publication time, written without brackets of its own when `inline` (for a value
/// already in brackets).
fn when_in(item: &ItemView, lang: Lang, inline: bool) -> String {
    match published(item, lang, inline) {
        Published::At(t) => t,
        Published::Shown { shown, captured } if inline => lang.pick(
            format!("affichée par la page comme «\u{a0}{shown}\u{a0}», capturée le {captured}"),
            format!("shown by the page as \"{shown}\", captured on {captured}"),
        ),
        Published::Unknown { captured } if inline => lang.pick(
            format!("inconnue, capturée le {captured}"),
            format!("unknown, captured on {captured}"),
        ),
        Published::Shown { shown, captured } => lang.pick(
            format!("affichée par la page comme «\u{a0}{shown}\u{a0}» (capturée le {captured})"),
            format!("shown by the page as \"{shown}\" (captured on {captured})"),
        ),
        Published::Unknown { captured } => lang.pick(
            format!("inconnue (capturée le {captured})"),
            format!("unknown (captured on {captured})"),
        ),
    }
}

/// The start of a sentence that dates a fact: « Le 27 novembre 2026 à 22 h 14 (UTC+01:00) »,
/// « À une date que la page affichait comme "hier" (capturée le 29 novembre 2026 à 19 h 24,
/// UTC+01:00) ».
fn when_lead(item: &ItemView, lang: Lang) -> String {
    match published(item, lang, false) {
        Published::At(t) => lang.pick(format!("Le {t}"), format!("On {t}")),
        Published::Shown { shown, captured } => lang.pick(
            format!("À une date que la page affichait comme «\u{a0}{shown}\u{a0}» (capturée le {captured})"),
            format!("At a time the page showed as \"{shown}\" (captured on {captured})"),
        ),
        Published::Unknown { captured } if item.label.private => lang.pick(
            format!("À une date d'envoi inconnue (capturée le {captured})"),
            format!("At an unknown time (captured on {captured})"),
        ),
        Published::Unknown { captured } => lang.pick(
            format!("À une date de publication inconnue (capturée le {captured})"),
            format!("At an unknown time (captured on {captured})"),
        ),
    }
}

/// When the capture was made, in the zone of its device, without brackets (it is always said
/// inside a bracket): « 29 novembre 2026 à 19 h 24, UTC+01:00 ».
fn captured_at(item: &ItemView, lang: Lang) -> String {
    item.capture
        .as_ref()
        .and_then(|c| parse_instant(&c.captured_at))
        .map(|t| human_datetime_inline(t, offset(item), lang))
        .unwrap_or_default()
}

/// The content's exact address, or, for a private message, where it was received without an
/// address that only its recipient could open.
fn location(item: &ItemView, lang: Lang) -> String {
    let Some(c) = item.capture.as_ref() else {
        return String::new();
    };
    let permalink = c.post.as_ref().and_then(|p| p.permalink.clone());
    if item.label.private {
        let platform = item.label.platform_name.clone().unwrap_or_default();
        return lang.pick(
            format!(
                "message privé reçu sur {platform} (sa conversation n'a pas d'adresse publique)"
            ),
            format!(
                "a private message received on {platform} (its conversation has no public address)"
            ),
        );
    }
    permalink.unwrap_or_else(|| c.page.url.clone())
}

/// What the author did, quoted: « X a publié : "…" », never the page's title as their words.
fn fact(item: &ItemView, lang: Lang) -> String {
    let Some(c) = item.capture.as_ref() else {
        return String::new();
    };
    let post = c.post.as_ref();
    let platform = item
        .label
        .platform_name
        .clone()
        .unwrap_or_else(|| "?".into());
    let author = item.label.author.clone();
    let text = post
        .and_then(|p| p.text.as_deref())
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let kind = post.and_then(|p| p.kind.as_deref());
    let verb = match (kind, item.label.private) {
        (Some("email"), _) => lang.pick("a envoyé l'e-mail suivant", "sent the following e-mail"),
        (Some("comment"), _) => lang.pick("a écrit en commentaire", "wrote in a comment"),
        (_, true) => lang.pick(
            "a envoyé le message privé suivant",
            "sent the following private message",
        ),
        _ => lang.pick("a publié", "posted"),
    };
    let subject = post
        .and_then(|p| p.subject.as_deref())
        .map(|s| {
            lang.pick(
                format!(" (objet\u{a0}: «\u{a0}{s}\u{a0}»)"),
                format!(" (subject: \"{s}\")"),
            )
        })
        .unwrap_or_default();
    match (author, text) {
        (Some(a), Some(t)) => lang.pick(
            format!("sur {platform}, {a} {verb}{subject}\u{a0}: «\u{a0}{}\u{a0}»", excerpt(t, 400)),
            format!("on {platform}, {a} {verb}{subject}: \"{}\"", excerpt(t, 400)),
        ),
        (None, Some(t)) => lang.pick(
            format!("sur {platform}, un compte non identifié par la page {verb}{subject}\u{a0}: «\u{a0}{}\u{a0}»", excerpt(t, 400)),
            format!("on {platform}, an account the page did not name {verb}{subject}: \"{}\"", excerpt(t, 400)),
        ),
        (author, None) => {
            let by = author.map(|a| lang.pick(format!(", publiée par {a}"), format!(", posted by {a}"))).unwrap_or_default();
            lang.pick(
                format!("sur {platform}, la page «\u{a0}{}\u{a0}»{by} a été capturée (son texte n'a pas pu être lu\u{a0}: voir la capture d'écran)", excerpt(&c.page.title, 160)),
                format!("on {platform}, the page \"{}\"{by} was captured (its text could not be read: see the screenshot)", excerpt(&c.page.title, 160)),
            )
        }
    }
}

/// The time a page showed for a post, as it showed it (« il y a 2 h »), when it showed one.
fn shown_time(p: &Post) -> Option<&str> {
    p.published_text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// An item's author, words and time, by which a repeated item is known.
type PartKey = (String, String, String);

/// A capture of several items as one fact of the chronology: what it holds and how it was
/// gathered, then each item on its own line, dated, with its author, its words and its
/// address (`None` for any other capture).
///
/// Items are numbered `{number}.{n}`, `number` being the exhibit (or entry) they belong to.
/// An item that repeats one already in `cited` (same author, same words, same time) is not
/// quoted again but pointed to; the items quoted here are added to `cited`. A conversation's
/// messages, from both sides, are given as its context, not as facts alleged one by one.
fn parts_facts(
    item: &ItemView,
    lang: Lang,
    number: usize,
    cited: &mut Vec<(PartKey, String)>,
) -> Option<String> {
    let c = item.capture.as_ref()?;
    let (col, summary) = (c.collection.as_ref()?, item.label.items.as_ref()?);
    let platform = item
        .label
        .platform_name
        .clone()
        .unwrap_or_else(|| "?".into());
    let mut out = lang.pick(
        format!(
            "Sur {platform}, {} ({}, {})\u{a0}:",
            super::items::summary(summary, lang),
            super::items::gathered(col, lang).to_lowercase(),
            location(item, lang)
        ),
        format!(
            "On {platform}, {} ({}, {}):",
            super::items::summary(summary, lang),
            super::items::gathered(col, lang).to_lowercase(),
            location(item, lang)
        ),
    );
    if let Some(p) = col.pane.as_ref().and_then(|p| super::items::pane(p, lang)) {
        out.push(' ');
        out.push_str(&p);
    }
    if col.mode == "conversation" {
        out.push(' ');
        out.push_str(lang.pick(
            "Messages de la conversation (pour le contexte, y compris ceux de la victime)\u{a0}:",
            "Messages of the conversation (for context, including the victim's own):",
        ));
    }
    let offset = offset(item);
    for part in item.parts() {
        let p = &part.item.post;
        let here = format!("{number}.{}", part.item.n);
        let key = p
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| {
                (
                    part.author.clone().unwrap_or_default(),
                    t.to_owned(),
                    p.publication()
                        .map(|x| x.at.to_string())
                        .or_else(|| p.published_text.clone())
                        .unwrap_or_default(),
                )
            });
        if let Some(key) = key {
            if let Some((_, first)) = cited.iter().find(|(k, _)| *k == key) {
                let _ = write!(
                    out,
                    "\n  - {here} — {}",
                    lang.pick(
                        format!("(déjà cité en {first})."),
                        format!("(already cited as {first})."),
                    )
                );
                continue;
            }
            cited.push((key, here.clone()));
        }
        let at = super::publication_text(p, offset, lang, false)
            .map(|t| lang.pick(format!("le {t}"), format!("on {t}")))
            .or_else(|| {
                shown_time(p).map(|shown| {
                    lang.pick(
                        format!("à une date que la page affichait comme «\u{a0}{shown}\u{a0}»"),
                        format!("at a time the page showed as \"{shown}\""),
                    )
                })
            })
            .unwrap_or_else(|| {
                lang.pick("à une date inconnue", "at an unknown time")
                    .to_owned()
            });
        let who = part.author.clone().unwrap_or_else(|| {
            lang.pick(
                "un compte non identifié par la page",
                "an account the page did not name",
            )
            .to_owned()
        });
        let said = p
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map_or_else(
                || {
                    lang.pick(
                        " (texte non lu\u{a0}: voir sa capture)",
                        " (text not read: see its picture)",
                    )
                    .to_owned()
                },
                |t| {
                    lang.pick(
                        format!("\u{a0}: «\u{a0}{}\u{a0}»", excerpt(t, 400)),
                        format!(": \"{}\"", excerpt(t, 400)),
                    )
                },
            );
        let link = p
            .permalink
            .as_deref()
            .filter(|_| !item.label.private)
            .map(|l| format!(" ({l})"))
            .unwrap_or_default();
        let _ = write!(out, "\n  - {here} — {at}, {who}{said}{link}.",);
    }
    Some(out)
}

/// The complaint by letter to the procureur de la République (service-public F21613):
/// identity, the facts in chronological order with where they happened, the author, the
/// witnesses, the harm, the offences the captures show, the exhibits numbered in the order
/// they are cited, and the control code of the exported case.
pub fn procureur(view: &CaseView, req: &LetterRequest) -> Letter {
    let fr = Lang::Fr;
    let minor = view.minor();
    // A young person writing for themselves speaks in the first person throughout.
    let parent_writes = minor && req.writer == Writer::Parent;
    let person = view.person();
    let today = human_date(req.today, fr);
    let chronology: Vec<&ItemView> = view.chronology();
    let captures: Vec<&ItemView> = chronology
        .iter()
        .copied()
        .filter(|i| i.capture.is_some())
        .collect();
    let added: Vec<&ItemView> = chronology
        .iter()
        .copied()
        .filter(|i| i.file.is_some())
        .collect();
    let offences = offences(view, &chronology);
    let mut platforms: Vec<String> = Vec::new();
    for p in captures
        .iter()
        .filter_map(|i| i.label.platform_name.clone())
    {
        if !platforms.contains(&p) {
            platforms.push(p);
        }
    }
    // The object names the gravest thing shown, in this order.
    let has = |o: &[Offence]| offences.iter().any(|x| o.contains(x));
    let object = if has(&[Offence::SchoolHarassment]) {
        "harcèlement scolaire"
    } else if has(&[Offence::Harassment]) {
        "harcèlement en ligne"
    } else if has(&[
        Offence::MinorSexualImage,
        Offence::SolicitingMinorImages,
        Offence::IntimateImages,
        Offence::Blackmail,
    ]) {
        "images à caractère sexuel (diffusion ou menace de diffusion)"
    } else if has(&[Offence::SexualHarassment]) {
        "harcèlement sexuel"
    } else if has(&[Offence::Threat]) {
        "menaces"
    } else if has(&[
        Offence::PublicInsult,
        Offence::PrivateInsult,
        Offence::DiscriminatoryInsult,
    ]) {
        "injures"
    } else if has(&[Offence::Privacy, Offence::Doxxing]) {
        "atteinte à la vie privée"
    } else if has(&[Offence::Impersonation]) {
        "usurpation d'identité"
    } else {
        "[nature des faits]"
    };

    let mut out = String::new();
    let _ = writeln!(
        out,
        "[Prénom et nom]\n[Adresse]\n[Téléphone] — [Adresse électronique]\n"
    );
    // The addressee says who it is without relying on its indentation: the text is copied into
    // mail and word processors, where spaces do not line up.
    let _ = writeln!(out, "À Madame, Monsieur le Procureur de la République\nTribunal judiciaire de [ville]\n[Adresse du tribunal]\n");
    let _ = writeln!(out, "[Ville], le {today}\n");
    let _ = writeln!(out, "Lettre recommandée avec demande d'avis de réception\n");
    let _ = writeln!(
        out,
        "Objet\u{a0}: plainte pour {object}{}\n",
        if minor { " visant un(e) mineur(e)" } else { "" }
    );
    let _ = writeln!(out, "Madame, Monsieur le Procureur de la République,\n");
    match (minor, req.writer) {
        (true, Writer::Parent) => {
            let _ = writeln!(out, "Je soussigné(e) [prénom et nom], né(e) le [date] à [lieu], demeurant [adresse], agissant en qualité de [père / mère / représentant légal] de {}, mineur(e), né(e) le [date de naissance], porte plainte [contre X / contre la ou les personnes désignées ci-dessous] pour les faits suivants.\n", person.unwrap_or("[prénom et nom de l'enfant]"));
        }
        (true, Writer::Minor) => {
            let _ = writeln!(out, "Je soussigné(e) [prénom et nom], né(e) le [date] à [lieu], âgé(e) de [âge] ans, demeurant [adresse], porte plainte [contre X / contre la ou les personnes désignées ci-dessous] pour les faits suivants, dont je suis victime.\n");
        }
        (false, _) => {
            let _ = writeln!(out, "Je soussigné(e) [prénom et nom], né(e) le [date] à [lieu], demeurant [adresse], porte plainte [contre X / contre la ou les personnes désignées ci-dessous] pour les faits suivants.\n");
        }
    }

    // Exhibits are numbered in the order they are cited: the chronology, then the added files.
    let mut exhibits: Vec<(u32, String)> = Vec::new();
    let mut cited = Vec::new();
    let _ = writeln!(out, "1. Les faits\n");
    for item in &captures {
        exhibits.push((item.seq, String::new()));
        let n = exhibits.len();
        if let Some(parts) = parts_facts(item, fr, n, &mut cited) {
            let _ = writeln!(out, "- {parts} Pièce n°\u{a0}{n}.");
            continue;
        }
        let _ = writeln!(
            out,
            "- {}, {} ({}). Pièce n°\u{a0}{n}.",
            when_lead(item, fr),
            fact(item, fr),
            location(item, fr),
        );
    }
    for item in &added {
        exhibits.push((item.seq, String::new()));
        let n = exhibits.len();
        let f = item.file.as_ref();
        let _ = writeln!(
            out,
            "- Fichier que j'ai ajouté au dossier\u{a0}: «\u{a0}{}\u{a0}»{}. Pièce n°\u{a0}{n}.",
            f.map_or("", |f| f.original_name.as_str()),
            f.map(|f| f.description.trim())
                .filter(|d| !d.is_empty())
                .map(|d| format!(" — {d}"))
                .unwrap_or_default(),
        );
    }
    if captures.is_empty() && added.is_empty() {
        let _ = writeln!(out, "[Décrivez les faits, dans l'ordre, avec leur date.]");
    }

    let _ = writeln!(out, "\n2. Le lieu des faits\n");
    let _ = writeln!(
        out,
        "Les faits ont été commis au moyen d'internet{}, et reçus à [ville], où {} réside.",
        if platforms.is_empty() {
            String::new()
        } else {
            format!(" ({})", platforms.join(", "))
        },
        if parent_writes { "mon enfant" } else { "je" }
    );
    if view.details.as_ref().is_some_and(|d| d.school) {
        let pupil = match (parent_writes, person) {
            (true, Some(p)) => format!("{p} est scolarisé(e)"),
            (true, None) => "mon enfant est scolarisé(e)".to_owned(),
            (false, _) if minor => "je suis scolarisé(e)".to_owned(),
            (false, _) => "je [suis scolarisé(e) / travaille]".to_owned(),
        };
        let _ = writeln!(out, "Leurs auteurs sont des élèves ou des personnels de l'établissement [nom et adresse de l'établissement], où {pupil}.");
    }

    let _ = writeln!(out, "\n3. L'auteur ou les auteurs\n");
    let mut authors: Vec<String> = Vec::new();
    // A conversation's messages come from both sides: the people in it are not all authors.
    let mut participants: Vec<String> = Vec::new();
    for item in &captures {
        let platform = item.label.platform_name.clone().unwrap_or_default();
        if let Some(col) = item.capture.as_ref().and_then(|c| c.collection.as_ref()) {
            let list = if col.mode == "conversation" {
                &mut participants
            } else {
                &mut authors
            };
            for part in item.parts() {
                let Some(a) = part.author else { continue };
                let profile = part
                    .item
                    .post
                    .author_url
                    .as_deref()
                    .map(|u| format!(", profil\u{a0}: {u}"))
                    .unwrap_or_default();
                let line = format!("- {a} sur {platform}{profile}");
                if !list.contains(&line) {
                    list.push(line);
                }
            }
            continue;
        }
        let Some(a) = item.label.author.clone() else {
            continue;
        };
        let profile = item
            .capture
            .as_ref()
            .and_then(|c| c.post.as_ref())
            .and_then(|p| p.author_url.clone())
            .map(|u| format!(", profil\u{a0}: {u}"))
            .unwrap_or_default();
        let line = format!(
            "- {a} sur {}{profile}",
            item.label.platform_name.clone().unwrap_or_default()
        );
        if !authors.contains(&line) {
            authors.push(line);
        }
    }
    if authors.is_empty() && participants.is_empty() {
        let _ = writeln!(out, "Les comptes utilisés n'ont pas pu être lus sur les pages capturées (voir les captures d'écran).");
    } else if !authors.is_empty() {
        let _ = writeln!(
            out,
            "Comptes utilisés, tels que les pages les nomment\u{a0}:"
        );
        for a in &authors {
            let _ = writeln!(out, "{a}");
        }
    }
    if !participants.is_empty() {
        let _ = writeln!(
            out,
            "Personnes qui écrivent dans la conversation (la victime peut en faire partie)\u{a0}:"
        );
        for a in &participants {
            let _ = writeln!(out, "{a}");
        }
    }
    let _ = writeln!(out, "[Si vous connaissez l'identité réelle de l'auteur, indiquez-la ici\u{a0}; sinon, la plainte est déposée contre X.]");

    let _ = writeln!(out, "\n4. Les témoins\n\n[Nom, prénom et coordonnées des témoins éventuels, ou «\u{a0}Aucun témoin\u{a0}».]");
    let _ = writeln!(out, "\n5. Le préjudice subi\n\n[Décrivez les conséquences\u{a0}: peur, isolement, absences scolaires ou au travail, suivi médical ou psychologique (joindre les certificats)…]");

    let _ = writeln!(out, "\n6. Les infractions\n");
    if offences.is_empty() {
        let _ = writeln!(out, "[Qualification à préciser, avec l'aide d'un avocat si possible\u{a0}: injure, menace, harcèlement…]");
    } else {
        let _ = writeln!(
            out,
            "Ces faits me paraissent pouvoir recevoir les qualifications suivantes\u{a0}:"
        );
        for o in &offences {
            let _ = writeln!(out, "- {}", o.line(fr));
        }
    }

    let _ = writeln!(out, "\n7. Les pièces jointes\n");
    let _ = writeln!(
        out,
        "Je joins les pièces suivantes, numérotées dans l'ordre où elles sont citées\u{a0}:"
    );
    for (n, (seq, _)) in exhibits.iter().enumerate() {
        let item = view.item(*seq);
        let what = item.map(|i| match (&i.capture, &i.file) {
            (Some(_), _) => format!(
                "capture n°\u{a0}{seq} du journal Témoin ({}, capturée le {})",
                i.label.platform_name.clone().unwrap_or_default(),
                captured_at(i, fr)
            ),
            (_, Some(f)) => format!("fichier ajouté n°\u{a0}{seq} du journal Témoin («\u{a0}{}\u{a0}», non capturé par Témoin)", f.original_name),
            _ => String::new(),
        });
        let _ = writeln!(
            out,
            "- Pièce n°\u{a0}{}\u{a0}: {}{} — empreinte de l'entrée\u{a0}: {}",
            n + 1,
            what.unwrap_or_default(),
            item.filter(|i| i.deleted.is_some()).map_or("", |_| {
                " (fichiers supprimés depuis, empreintes conservées)"
            }),
            item.map_or("", |i| i.hash.as_str()),
        );
    }
    let _ = writeln!(
        out,
        "- Pièce n°\u{a0}{}\u{a0}: le dossier complet exporté par l'extension Témoin (fichier ZIP et rapport imprimé). Chaque fichier y est identifié par son empreinte SHA-256 et chaque entrée du journal contient l'empreinte de la précédente. {}",
        exhibits.len() + 1,
        control_code(req.head),
    );
    let _ = writeln!(out, "\nJe me tiens à votre disposition pour être entendu(e) et vous remettre tout élément complémentaire.\n");
    let _ = writeln!(out, "Je vous prie d'agréer, Madame, Monsieur le Procureur de la République, l'expression de ma considération distinguée.\n\n[Signature]");

    let lang = req.lang;
    let mut warnings = vec![lang
        .pick(
            "Cette lettre est en français\u{a0}: elle s'adresse à la justice française. Complétez les champs entre crochets, joignez le dossier exporté et le rapport imprimé, et envoyez-la en recommandé avec accusé de réception (ou déposez-la à l'accueil du tribunal).",
            "This letter is in French: it goes to the French justice system. Fill in the bracketed fields, attach the exported case and the printed report, and send it by registered letter with proof of receipt (or hand it in at the court's reception).",
        )
        .to_owned()];
    let clocks = deadlines(view, req.today, minor, lang);
    if minor
        && view
            .items
            .iter()
            .any(|i| i.deleted.is_none() && i.categories.contains(&Category::IntimateImages))
    {
        warnings.push(lang.pick(
            "Le dossier exporté ne contient pas les images des captures marquées «\u{a0}Images intimes\u{a0}» (Témoin les laisse hors de l'export). Supprimez aussi leurs fichiers de cet appareil\u{a0}; si vous exportez ensuite de nouveau, refaites cette lettre depuis ce nouvel export\u{a0}: le code qu'elle cite doit être celui du dossier joint. L'adresse, le compte, l'heure et les empreintes restent dans le journal.",
            "The exported case does not contain the images of the captures marked \"Intimate images\" (Témoin leaves them out of the export). Delete their files from this device too; if you then export again, redo this letter from that new export: the code it cites must be that of the attached case. The address, the account, the time and the fingerprints stay in the journal.",
        ).to_owned());
    }
    if clocks.press_clock_open() {
        warnings.push(crate::guide::press_warning(
            clocks.public_press_clock_open(),
            lang,
        ));
    }
    let mut sources: Vec<String> = offences
        .iter()
        .map(|o| o.text().source.to_owned())
        .collect();
    sources.push("service-public.fr F21613 et F1567 (copies, vérifié le 25/07/2024)".to_owned());
    if clocks.press_clock_open() {
        sources.push(
            crate::law::PLAIN_COMPLAINT_DOES_NOT_STOP_IT
                .source
                .to_owned(),
        );
    }
    Letter {
        kind: "procureur",
        platform: None,
        platform_name: None,
        text: out,
        warnings,
        sources,
    }
}

/// What the letter says of the bundle's control code: the code, where it is in the bundle, what
/// its match shows and what checks it; a bracketed blank to fill in when the case was never
/// exported. `sha256sum` checks each file, never the code.
fn control_code(head: Option<&str>) -> String {
    let code = head.map_or_else(
        || "[le code affiché lors de l'export du dossier]".to_owned(),
        grouped,
    );
    format!(
        "Code de contrôle du dossier\u{a0}: {code}. Ce code figure dans le fichier chain-head.txt du dossier\u{a0}: s'il est identique et que le journal du dossier y aboutit, le dossier n'a pas été modifié depuis l'export. «\u{a0}temoin verify --expect-head CODE dossier.zip\u{a0}» ou la page «\u{a0}Importer et vérifier\u{a0}» de l'extension Témoin le vérifient\u{a0}; «\u{a0}sha256sum -c SHA256SUMS\u{a0}» vérifie seulement chaque fichier."
    )
}

/// The request to one platform to erase what it holds about the young person (art. 17 RGPD,
/// art. 51 loi Informatique et Libertés); without an answer within a month, or on a refusal,
/// the CNIL.
pub fn erasure(
    view: &CaseView,
    platform: &str,
    items: &[&ItemView],
    req: &LetterRequest,
) -> Letter {
    let fr = Lang::Fr;
    let name = temoin_core::platforms::platform(platform).map_or(platform, |p| p.name);
    let person = view.person().unwrap_or("[prénom et nom]");
    let mut out = String::new();
    let _ = writeln!(out, "[Prénom et nom]\n[Adresse électronique]\n");
    let _ = writeln!(
        out,
        "À l'attention du délégué à la protection des données de {name}\n"
    );
    let _ = writeln!(out, "[Ville], le {}\n", human_date(req.today, fr));
    let _ = writeln!(out, "Objet\u{a0}: demande d'effacement de données personnelles collectées pendant la minorité — article 17 du règlement (UE) 2016/679 et article 51 de la loi n°\u{a0}78-17 du 6 janvier 1978\n");
    let _ = writeln!(out, "Madame, Monsieur,\n");
    match req.writer {
        Writer::Minor => {
            let _ = writeln!(out, "Je vous demande d'effacer, dans les meilleurs délais, les contenus suivants, qui me concernent et ont été publiés alors que j'étais mineur(e)\u{a0}:\n");
        }
        Writer::Parent => {
            let _ = writeln!(out, "Agissant en qualité de [père / mère / représentant légal] de {person}, mineur(e), je vous demande d'effacer, dans les meilleurs délais, les contenus suivants, qui concernent mon enfant\u{a0}:\n");
        }
    }
    for item in items {
        // A selection asks for its items, each at its own address: the post they sit under
        // (often the victim's own) is not what is to be erased.
        if item.capture.as_ref().is_some_and(|c| {
            c.collection
                .as_ref()
                .is_some_and(|col| col.mode == "selection")
        }) {
            for line in item_erasure_lines(item) {
                let _ = writeln!(out, "{line}");
            }
            continue;
        }
        let by = item
            .label
            .author
            .clone()
            .map(|a| format!(", par {a}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- {} (publication\u{a0}: {}{by})",
            location(item, fr),
            when_in(item, fr, true)
        );
    }
    let _ = writeln!(out, "\nJe vous demande l'effacement de ces données sur le fondement de l'article 17 du règlement (UE) 2016/679 et, s'agissant de données concernant une personne mineure, de l'article 51 de la loi n°\u{a0}78-17 du 6 janvier 1978. Je vous remercie de m'indiquer les mesures prises, y compris l'information des tiers qui traitent ces données.\n");
    let _ = writeln!(out, "À défaut de réponse dans un délai d'un mois, ou en cas de refus, je saisirai la Commission nationale de l'informatique et des libertés (CNIL).\n");
    let _ = writeln!(
        out,
        "Veuillez agréer, Madame, Monsieur, mes salutations distinguées.\n\n[Signature]"
    );
    let warnings = vec![req
        .lang
        .pick(
            "Une demande par plateforme, à envoyer par son formulaire de protection des données ou par courrier. Gardez une copie datée\u{a0}: sans réponse dans un mois, ou en cas de refus, la CNIL peut être saisie avec cette copie.",
            "One request per platform, sent through its data-protection form or by post. Keep a dated copy: with no answer within a month, or a refusal, the CNIL can be asked to act with that copy.",
        )
        .to_owned(),
        req.lang
            .pick(
                "Ces contenus ont été publiés par une autre personne\u{a0}: que l'article 51 s'applique à eux n'est pas établi, à confirmer avec un avocat. Pour un contenu illicite, le signalement à la plateforme et la plainte restent les voies principales.",
                "These posts were published by someone else: whether article 51 covers them is not settled — to be confirmed with a lawyer. For illegal content, the report to the platform and the complaint remain the main routes.",
            )
            .to_owned(),
    ];
    Letter {
        kind: "erasure",
        platform: Some(platform.to_owned()),
        platform_name: Some(name.to_owned()),
        text: out,
        warnings,
        sources: vec![
            "Légifrance, loi n°\u{a0}78-17 art. 51, LEGIARTI000037823120 (version du 01/06/2019)"
                .to_owned(),
            "règlement (UE) 2016/679, art. 17".to_owned(),
            "cnil.fr (16/02/2021\u{a0}; 09/06/2021)".to_owned(),
        ],
    }
}

/// One line per item of a capture of several, for the erasure request: its address (or, when
/// it has none of its own, the page it is on and its words), when it was published, by whom.
fn item_erasure_lines(item: &ItemView) -> Vec<String> {
    let fr = Lang::Fr;
    let Some(c) = item.capture.as_ref() else {
        return Vec::new();
    };
    item.parts()
        .iter()
        .map(|part| {
            let p = &part.item.post;
            let at = super::publication_text(p, offset(item), fr, true)
                .or_else(|| {
                    shown_time(p).map(|shown| {
                        format!(
                            "affichée par la page comme «\u{a0}{shown}\u{a0}», capturée le {}",
                            captured_at(item, fr)
                        )
                    })
                })
                .unwrap_or_else(|| format!("inconnue, capturée le {}", captured_at(item, fr)));
            let by = part
                .author
                .as_ref()
                .map(|a| format!(", par {a}"))
                .unwrap_or_default();
            match &p.permalink {
                Some(address) => format!("- {address} (publication\u{a0}: {at}{by})"),
                // No address of its own: the page it is on, and its words to find it there
                // (the page's address alone would name the post the replies sit under).
                None => {
                    let words = p
                        .text
                        .as_deref()
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(|t| format!("\u{a0}: «\u{a0}{}\u{a0}»", excerpt(t, 160)))
                        .unwrap_or_default();
                    format!(
                        "- un message de la page {}{words} (publication\u{a0}: {at}{by})",
                        c.page.url
                    )
                }
            }
        })
        .collect()
}

/// The text for a platform's report form (DSA art. 16(2)): why the content is illegal, its
/// exact location, its date and author, the statement of good faith; name and e-mail (which
/// the DSA does not require for child sexual abuse content).
pub fn platform_report(item: &ItemView, minor: bool, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n",
        lang.pick(
            "Signalement d'un contenu illicite (article 16 du règlement (UE) 2022/2065, «\u{a0}DSA\u{a0}»)",
            "Notice of illegal content (Article 16 of Regulation (EU) 2022/2065, the \"DSA\")",
        )
    );
    let _ = writeln!(
        out,
        "{} {}",
        lang.pick(
            "Emplacement exact du contenu\u{a0}:",
            "Exact location of the content:"
        ),
        content_location(item, lang)
    );
    let _ = writeln!(
        out,
        "{} {}",
        if item.label.private {
            lang.pick("Date d'envoi\u{a0}:", "Sent:")
        } else {
            lang.pick("Publication\u{a0}:", "Published:")
        },
        content_time(item, lang)
    );
    if let Some(a) = &item.label.author {
        let _ = writeln!(out, "{} {a}", lang.pick("Auteur\u{a0}:", "Author:"));
    }
    // A selection's right-clicked post is the one its replies sit under (often the victim's
    // own): named as such, never quoted as the content reported.
    if let Some(anchor) = item
        .capture
        .as_ref()
        .filter(|c| {
            c.collection
                .as_ref()
                .is_some_and(|col| col.mode == "selection")
        })
        .and_then(|c| c.post.as_ref())
        .and_then(|p| {
            temoin_core::view::author_label(
                p,
                p.platform.as_deref().or(item.label.platform.as_deref()),
            )
        })
    {
        let _ = writeln!(
            out,
            "{} {anchor}",
            lang.pick("Sous le message de\u{a0}:", "Under the post by:")
        );
    }
    if let Some(t) = item
        .capture
        .as_ref()
        .filter(|c| c.collection.is_none())
        .and_then(|c| c.post.as_ref())
        .and_then(|p| p.text.as_deref())
        .filter(|t| !t.trim().is_empty())
    {
        let q = excerpt(t, 500);
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                format!("Contenu\u{a0}: «\u{a0}{q}\u{a0}»"),
                format!("Content: \"{q}\"")
            )
        );
    }
    // A capture of several items: each reported message with its author, time and address.
    if let Some(parts) = parts_facts(item, lang, item.seq as usize, &mut Vec::new()) {
        let _ = writeln!(out, "{parts}");
    }
    let _ = writeln!(
        out,
        "\n{}",
        lang.pick(
            "Pourquoi ce contenu est illicite en droit français\u{a0}:",
            "Why this content is illegal under French law:"
        )
    );
    let mut offences = item_offences(item, minor);
    offences.sort();
    offences.dedup();
    if offences.is_empty() {
        let _ = writeln!(out, "{}", lang.pick(
            "[Expliquez en une ou deux phrases pourquoi ce contenu est illicite\u{a0}: une injure, une menace, une image intime diffusée sans accord, une atteinte à la vie privée…]",
            "[Explain in a sentence or two why this content is illegal: an insult, a threat, an intimate image shared without consent, an invasion of privacy…]",
        ));
    }
    for o in &offences {
        let _ = writeln!(out, "- {}", o.line(lang));
    }
    if minor {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "La personne visée est mineure.",
                "The person targeted is a minor."
            )
        );
    }
    let _ = writeln!(
        out,
        "\n{}\n",
        lang.pick(
            "Je déclare de bonne foi que les informations et allégations contenues dans ce signalement sont exactes et complètes.",
            "I declare in good faith that the information and allegations in this notice are accurate and complete.",
        )
    );
    let optional = minor && item.categories.contains(&Category::IntimateImages);
    if optional {
        let _ = writeln!(out, "{}", lang.pick(
            "Nom\u{a0}: [votre nom — facultatif pour ce type de contenu, art. 16(2)(c) du DSA]\nAdresse électronique\u{a0}: [votre adresse — facultative, mais la plateforme ne pourra pas vous répondre sans elle]",
            "Name: [your name — optional for this kind of content, DSA art. 16(2)(c)]\nE-mail: [your address — optional, but the platform cannot answer you without it]",
        ));
    } else {
        let _ = writeln!(
            out,
            "{}",
            if fr {
                "Nom\u{a0}: [votre nom]\nAdresse électronique\u{a0}: [votre adresse]"
            } else {
                "Name: [your name]\nE-mail: [your address]"
            }
        );
    }
    out
}

/// The fields the PHAROS form asks for, ready to copy (in French, as the form is): category,
/// date and time of publication, platform, address, description.
pub fn pharos_summary(item: &ItemView, minor: bool) -> String {
    let fr = Lang::Fr;
    let cats = &item.categories;
    let sexual_minor = minor
        && cats
            .iter()
            .any(|c| matches!(c, Category::IntimateImages | Category::SexualHarassment));
    // What the content is, in Témoin's words: the form's own category names are not copied
    // here because they were not read on the form itself.
    let category = if minor && cats.contains(&Category::IntimateImages) {
        "[à choisir dans le formulaire\u{a0}: image sexuelle d'un mineur]"
    } else if minor && cats.contains(&Category::SexualHarassment) {
        "[à choisir dans le formulaire\u{a0}: proposition sexuelle à un mineur]"
    } else if cats.contains(&Category::Threat) {
        "[à choisir dans le formulaire\u{a0}: menaces]"
    } else if cats.contains(&Category::Hate) {
        "[à choisir dans le formulaire\u{a0}: haine ou discrimination]"
    } else if cats.contains(&Category::IntimateImages) {
        "[à choisir dans le formulaire\u{a0}: images intimes diffusées sans consentement]"
    } else {
        "[à choisir dans le formulaire]"
    };
    let text = item
        .capture
        .as_ref()
        .and_then(|c| c.post.as_ref())
        .and_then(|p| p.text.as_deref())
        .filter(|t| !t.trim().is_empty())
        .map(|t| format!("«\u{a0}{}\u{a0}»", excerpt(t, 400)))
        .unwrap_or_else(|| {
            "[décrivez le contenu sans le reproduire s'il s'agit d'une image]".into()
        });
    let kept = if sexual_minor {
        format!(
            "Adresse, compte et heure relevés (entrée n°\u{a0}{} du journal Témoin, empreinte {})\u{a0}; l'image elle-même n'est pas jointe.",
            item.seq, item.hash
        )
    } else {
        format!(
            "Capture conservée (capture n°\u{a0}{} du journal Témoin, empreinte {}).",
            item.seq, item.hash
        )
    };
    // A capture of several items (a raid's replies, a conversation): each item is described
    // with its author, time and address, never the right-clicked post, which in a selection
    // is the one the replies sit under (often the victim's own).
    if let Some(parts) = parts_facts(item, fr, item.seq as usize, &mut Vec::new()) {
        return format!(
            "Catégorie\u{a0}: {category}\nDate et heure de publication\u{a0}: {}\nSite ou plateforme\u{a0}: {}\nAdresse (URL)\u{a0}: {}\nDescription\u{a0}: {parts}\n{kept}\n",
            first_item_time(item, fr),
            item.label.platform_name.clone().unwrap_or_else(|| "?".into()),
            content_location(item, fr),
        );
    }
    format!(
        "Catégorie\u{a0}: {category}\nDate et heure de publication\u{a0}: {}\nSite ou plateforme\u{a0}: {}\nAdresse (URL)\u{a0}: {}\nDescription\u{a0}: {text}{}. {kept}\n",
        when(item, fr),
        item.label.platform_name.clone().unwrap_or_else(|| "?".into()),
        location(item, fr),
        item.label
            .author
            .as_ref()
            .map(|a| format!(" — par {a}"))
            .unwrap_or_default(),
    )
}

/// The one date a form asks for, for a capture of several items: its earliest dated item's,
/// saying that each item is dated below; when none is, where to look.
fn first_item_time(item: &ItemView, lang: Lang) -> String {
    let first = item
        .parts()
        .iter()
        .filter_map(|part| {
            let post = &part.item.post;
            let at = post.publication()?.at;
            super::publication_text(post, offset(item), lang, false).map(|text| (at, text))
        })
        .min_by_key(|(at, _)| *at);
    match first {
        Some((_, text)) => lang.pick(
            format!("{text} pour le plus ancien des messages datés\u{a0}; la date de chacun, quand la page la donnait, figure ci-dessous"),
            format!("{text} for the oldest dated message; each one's date, where the page gave it, is below"),
        ),
        None => lang.pick(
            format!(
                "inconnue\u{a0}: la page ne datait pas ces messages (capturés le {})",
                captured_at(item, lang)
            ),
            format!(
                "unknown: the page did not date these messages (captured on {})",
                captured_at(item, lang)
            ),
        ),
    }
}

/// Where the reported content is, as a form asks for it. A public capture of several items
/// gives the page they were taken on, said to be that page, each item's own address following:
/// never the right-clicked post as if it were the content (in a selection, the post the
/// replies sit under, often the victim's own).
fn content_location(item: &ItemView, lang: Lang) -> String {
    match item.capture.as_ref() {
        Some(c) if c.collection.is_some() && !item.label.private => lang.pick(
            format!(
                "{} (la page où figurent ces messages\u{a0}; chacun est décrit ci-dessous par son auteur, sa date et son texte, avec sa propre adresse quand la page la donnait)",
                c.page.url
            ),
            format!(
                "{} (the page these messages appear on; each is described below by its author, date and text, with its own address where the page gave one)",
                c.page.url
            ),
        ),
        _ => location(item, lang),
    }
}

/// When the reported content was published (or sent), as a form asks for it.
fn content_time(item: &ItemView, lang: Lang) -> String {
    if item
        .capture
        .as_ref()
        .is_some_and(|c| c.collection.is_some())
    {
        first_item_time(item, lang)
    } else {
        when(item, lang)
    }
}

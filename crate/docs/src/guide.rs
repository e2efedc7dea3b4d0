//! "What now?": the French guide (shared/reference/guide-que-faire-cyberharcelement.txt) turned
//! into what one case, or one capture, calls for. It opens with reassurance and the people who
//! help, then what the young person can do now (short, in "tu"), then the five steps for the
//! parents or an adult (in "vous"): don't reply; keep the evidence; get the content removed;
//! file a complaint; PHAROS. Every statement carries its source (crate::law, crate::recourses),
//! and the guide corrects its seed where the law says otherwise (a minor may file a complaint
//! alone; "huissier" is now "commissaire de justice").

use serde::Serialize;
use time::Date;

use crate::deadlines::{deadlines, shows_repetition, Deadlines};
use crate::law;
use crate::recourses::{channels_of, recourse, ChannelKind, Recourse, Status};
use crate::report::letters;
use temoin_core::journal::Entry;
use temoin_core::lang::Lang;
use temoin_core::model::{Category, StepDone};
use temoin_core::notice::CaptureNotice;
use temoin_core::view::{CaseView, ItemView};

/// What a case (or one capture) is about, as the guide routes it.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Situation {
    /// Every platform involved, in the order of first appearance.
    pub platforms: Vec<String>,
    /// The platforms where something public was captured (an erasure request can name it).
    pub public_platforms: Vec<String>,
    pub categories: Vec<Category>,
    pub minor: bool,
    /// Something anyone could see was captured.
    pub public: bool,
    /// A private message or an e-mail was captured.
    pub private: bool,
    /// An e-mail was captured: its original message should be kept too.
    pub email: bool,
    /// Two acts or more, or a raid: harassment's repetition is shown.
    pub repeated: bool,
    /// The people acting are from the person's school.
    pub school: bool,
    /// A sexual image of a minor is involved (art. 227-23 code pénal).
    pub minor_sexual_image: bool,
    /// The case says the person is an adult: the guide says "vous" and gives adults' lines.
    /// Until the case says so, the guide speaks to a young person.
    pub adult_victim: bool,
    /// ISO code: `FR`, `BE`, `CH`, `CA`, `UK`, `US`.
    pub country: String,
    /// The capture shown (one post, not a selection or a conversation) cut its post's picture,
    /// or has none of it: the post went beyond the screen or the full page's end. Only in that
    /// capture's own guide, until the same post is captured again whole; never for an intimate
    /// image, which is not to be captured again.
    pub post_cut: bool,
    /// Some posts of the selection shown have a cut picture or none (same conditions).
    pub items_cut: bool,
    /// The capture shown was taken with the full-page option off.
    pub full_page_off: bool,
}

impl Situation {
    /// The situation of one capture (`seq`) or of the whole case.
    pub fn of(view: &CaseView, seq: Option<u32>, country: &str) -> Situation {
        let items: Vec<&ItemView> = match seq {
            Some(s) => view.item(s).into_iter().collect(),
            None => view.items.iter().collect(),
        };
        let captures: Vec<&ItemView> = items
            .iter()
            .copied()
            .filter(|i| i.capture.is_some())
            .collect();
        let mut platforms: Vec<String> = Vec::new();
        for p in captures.iter().filter_map(|i| i.label.platform.clone()) {
            if !platforms.contains(&p) {
                platforms.push(p);
            }
        }
        let mut public_platforms: Vec<String> = Vec::new();
        for p in captures
            .iter()
            .filter(|i| !i.label.private)
            .filter_map(|i| i.label.platform.clone())
        {
            if !public_platforms.contains(&p) {
                public_platforms.push(p);
            }
        }
        let mut categories: Vec<Category> = items
            .iter()
            .flat_map(|i| i.categories.iter().copied())
            .collect();
        categories.sort();
        categories.dedup();
        let minor = view.minor();
        // What one capture's notices say, for its own guide only, and never where an intimate
        // image is concerned or the files were deleted: nothing of it is to be captured again.
        let recapture_allowed = seq.is_some()
            && !categories.contains(&Category::IntimateImages)
            && captures.iter().all(|i| i.deleted.is_none());
        let has = |notice: CaptureNotice, mode: Option<&str>| {
            recapture_allowed
                && captures
                    .iter()
                    .filter_map(|i| i.capture.as_ref())
                    .filter(|c| c.collection.as_ref().map(|col| col.mode.as_str()) == mode)
                    .any(|c| c.notices.iter().any(|n| n == notice.as_str()))
        };
        Situation {
            public: captures.iter().any(|i| !i.label.private),
            private: captures.iter().any(|i| i.label.private),
            email: captures.iter().any(|i| is_email(i)),
            repeated: shows_repetition(view),
            school: view.details.as_ref().is_some_and(|d| d.school),
            minor_sexual_image: minor && categories.contains(&Category::IntimateImages),
            adult_victim: view.details.as_ref().is_some_and(|d| !d.minor),
            post_cut: has(CaptureNotice::PostCropClipped, None)
                && !seq.is_some_and(|n| recaptured_whole(view, n)),
            items_cut: has(CaptureNotice::ItemCropClipped, Some("selection")),
            full_page_off: has(CaptureNotice::FullPageOff, None),
            platforms,
            public_platforms,
            categories,
            minor,
            country: if country.is_empty() {
                "FR".into()
            } else {
                country.to_owned()
            },
        }
    }

    fn france(&self) -> bool {
        self.country == "FR"
    }

    fn has(&self, c: Category) -> bool {
        self.categories.contains(&c)
    }
}

/// Whether the post of capture `seq` was captured again later with its picture whole: the same
/// post (its address, or without one the page's and its words, when it has words), a crop of
/// it kept, and no notice that the crop is cut. The card that says how is then done with.
fn recaptured_whole(view: &CaseView, seq: u32) -> bool {
    let key = |i: &ItemView| {
        let c = i.capture.as_ref()?;
        let post = c.post.as_ref()?;
        match (&post.permalink, post.text.as_deref().map(str::trim)) {
            (Some(link), _) => Some(link.clone()),
            (None, Some(text)) if !text.is_empty() => Some(format!("{}\n{text}", c.page.url)),
            _ => None,
        }
    };
    let Some(wanted) = view.item(seq).and_then(key) else {
        return false;
    };
    view.items.iter().any(|i| {
        i.seq > seq
            && i.deleted.is_none()
            && key(i).as_deref() == Some(wanted.as_str())
            && i.capture.as_ref().is_some_and(|c| {
                c.collection.is_none()
                    && c.artifacts.iter().any(|a| a.name == POST_CROP)
                    && !c
                        .notices
                        .iter()
                        .any(|n| n == CaptureNotice::PostCropClipped.as_str())
            })
    })
}

/// The crop of the right-clicked post, as the capture names it.
const POST_CROP: &str = "screenshot-post.png";

fn is_email(item: &ItemView) -> bool {
    matches!(item.label.platform.as_deref(), Some("gmail" | "outlook"))
        || item
            .capture
            .as_ref()
            .and_then(|c| c.post.as_ref())
            .and_then(|p| p.kind.as_deref())
            == Some("email")
}

/// Who an action speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// The young person ("tu"): short, plain.
    Young,
    /// The parents or another adult ("vous").
    Adult,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Action {
    /// Stable id (`pharos`, `platform-x-0`, `letter-procureur`...), used to mark it done.
    pub id: String,
    /// 1 to 5, the step of the guide (0 for the helplines).
    pub step: u8,
    pub audience: Audience,
    pub title: String,
    pub text: String,
    /// The platform this action is about, for grouping (`x`, `youtube`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Digits for a `tel:` link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    pub status: Status,
    /// "vérifié" or "à confirmer", in the guide's language.
    pub status_label: String,
    pub source: String,
    /// Shown only marked as unverified, never as the main link.
    pub unverified: bool,
    /// `procureur` or `erasure`: a letter built from the journal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub letter: Option<&'static str>,
    /// `platform-report` or `pharos`: texts to copy into a form (see `GuideView::notices`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy: Option<&'static str>,
    /// A warning that belongs with this action (a plainte simple does not stop the 3-month clock).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
}

/// A text to copy into a form, for one capture.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FormText {
    pub entry: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    pub platform_name: String,
    pub text: String,
}

/// What must be said first and loudest when a sexual image of a minor is involved.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Alert {
    pub kind: &'static str,
    pub title: String,
    pub lines: Vec<String>,
    /// Captures whose image files can still be deleted (their record and digests stay).
    pub delete_files_of: Vec<u32>,
    pub source: String,
}

/// Everything the guide page shows for a case or a capture.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct GuideView {
    pub situation: Situation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alert: Option<Alert>,
    /// To the young person, first: it is not their fault, and who helps.
    pub reassurance: Vec<String>,
    /// Always in view: who to call now.
    pub helplines: Vec<Action>,
    /// What the young person can do now.
    pub now: Vec<Action>,
    /// The five steps, for the parents or an adult.
    pub adults: Vec<Action>,
    pub deadlines: Deadlines,
    pub done: Vec<StepDone>,
    /// Texts for the platforms' report forms, one per public capture.
    pub notices: Vec<FormText>,
    /// Texts for PHAROS's form, one per capture it takes.
    pub pharos: Vec<FormText>,
}

pub fn for_case(
    view: &CaseView,
    entries: &[Entry],
    seq: Option<u32>,
    country: &str,
    today: Date,
    lang: Lang,
) -> GuideView {
    let s = Situation::of(view, seq, country);
    let mut dl = deadlines(view, today, view.minor(), lang);
    if let Some(n) = seq {
        // One capture's guide shows its own clocks, and harassment's, which spans the case.
        dl.clocks
            .retain(|c| c.entry == n || c.kind == crate::deadlines::ClockKind::Harassment6Years);
    }
    let items: Vec<&ItemView> = match seq {
        Some(n) => view.item(n).into_iter().collect(),
        None => view.items.iter().filter(|i| i.deleted.is_none()).collect(),
    };
    let captures = || items.iter().copied().filter(|i| i.capture.is_some());
    let notices = captures()
        .filter(|i| !i.label.private)
        .map(|i| form_text(i, letters::platform_report(i, view.minor(), lang)))
        .collect();
    let pharos = if s.france() {
        captures()
            .filter(|i| pharos_takes(i, s.minor))
            .map(|i| form_text(i, letters::pharos_summary(i, view.minor())))
            .collect()
    } else {
        Vec::new()
    };
    GuideView {
        alert: alert(&s, view, lang),
        reassurance: reassurance(&s, lang),
        helplines: helplines(&s.country, s.adult_victim, lang),
        now: now(&s, !pharos.is_empty(), lang),
        adults: adults(&s, &dl, lang),
        deadlines: dl,
        done: view.done_steps(entries),
        notices,
        pharos,
        situation: s,
    }
}

fn form_text(item: &ItemView, text: String) -> FormText {
    FormText {
        entry: item.seq,
        platform: item.label.platform.clone(),
        platform_name: item.label.platform_name.clone().unwrap_or_default(),
        text,
    }
}

#[allow(clippy::too_many_arguments)] // a card: each argument is one of its fields
fn action(
    id: impl Into<String>,
    step: u8,
    audience: Audience,
    title: &str,
    text: &str,
    source: &str,
    status: Status,
    lang: Lang,
) -> Action {
    Action {
        id: id.into(),
        step,
        audience,
        title: title.to_owned(),
        text: text.to_owned(),
        platform: None,
        url: None,
        phone: None,
        status,
        status_label: status.label(lang).to_owned(),
        source: source.to_owned(),
        unverified: !status.trusted(),
        letter: None,
        copy: None,
        warning: None,
    }
}

fn from_recourse(r: &Recourse, step: u8, audience: Audience, lang: Lang) -> Action {
    Action {
        url: r.url.map(str::to_owned),
        phone: r.phone.map(str::to_owned),
        ..action(
            r.id,
            step,
            audience,
            r.name(lang),
            r.what(lang),
            r.source,
            r.status,
            lang,
        )
    }
}

fn push(out: &mut Vec<Action>, id: &str, step: u8, lang: Lang) {
    if let Some(r) = recourse(id) {
        out.push(from_recourse(r, step, Audience::Adult, lang));
    }
}

const GUIDE: &str = "guide «\u{a0}Que faire en cas de cyberharcèlement\u{a0}»";

/// PHAROS takes public illegal content in its scope, and sexual content involving a minor
/// even in private messages (sexual propositions to a minor are one of its categories).
/// Insults alone are not offered: the official pages conflict, and a report never stops
/// the 3-month clock (docs/legal-sources.md, F2).
pub fn pharos_takes(item: &ItemView, minor: bool) -> bool {
    let c = &item.categories;
    let sexual_minor = minor
        && c.iter()
            .any(|c| matches!(c, Category::SexualHarassment | Category::IntimateImages));
    sexual_minor
        || (!item.label.private
            && c.iter()
                .any(|c| matches!(c, Category::Threat | Category::Hate)))
}

fn reassurance(s: &Situation, lang: Lang) -> Vec<String> {
    let lines: &[(&str, &str)] = match (s.adult_victim, s.france()) {
        (false, true) => &[
            ("Tu as bien fait de garder une trace. Ce n'est pas ta faute.", "You did the right thing by keeping a record. It's not your fault."),
                        // The numbers, their hours and the 114 are on the cards just below: said once.
            ("Parles-en à un adulte de confiance, ou appelle le 3018 (gratuit et anonyme).", "Talk to an adult you trust, or call 3018 (free and anonymous)."),
        ],
        (false, false) => &[
            ("Tu as bien fait de garder une trace. Ce n'est pas ta faute.", "You did the right thing by keeping a record. It's not your fault."),
            ("Parles-en à un adulte de confiance, ou contacte une des lignes d'aide ci-dessous.", "Talk to an adult you trust, or contact one of the helplines below."),
        ],
        (true, true) => &[
            ("Vous avez bien fait de garder une trace. Ce n'est pas votre faute.", "You did the right thing by keeping a record. It's not your fault."),
                        ("Parlez-en à une personne de confiance, ou appelez le 116\u{a0}006 (France Victimes), gratuit.", "Talk to someone you trust, or call 116 006 (France Victimes), free of charge."),
        ],
        (true, false) => &[
            ("Vous avez bien fait de garder une trace. Ce n'est pas votre faute.", "You did the right thing by keeping a record. It's not your fault."),
        ],
    };
    lines
        .iter()
        .map(|(fr, en)| lang.pick(*fr, *en).to_owned())
        .collect()
}

/// Always visible: who to call now (for a young person, the lines for the young).
pub fn helplines(country: &str, adult_victim: bool, lang: Lang) -> Vec<Action> {
    let ids: &[&str] = match (country, adult_victim) {
        ("" | "FR", false) => &["3018", "17-112", "119"],
        ("" | "FR", true) => &["17-112", "116006"],
        ("BE", _) => &["be-childfocus"],
        ("CH", _) => &["ch-147"],
        ("CA", _) => &["ca-jeunesse", "ca-cybertip"],
        ("US", _) => &["us-cybertipline"],
        _ => &[],
    };
    ids.iter()
        .filter_map(|id| recourse(id))
        .map(|r| {
            let audience = if adult_victim {
                Audience::Adult
            } else {
                Audience::Young
            };
            from_recourse(r, 0, audience, lang)
        })
        .collect()
}

fn alert(s: &Situation, view: &CaseView, lang: Lang) -> Option<Alert> {
    if !s.minor_sexual_image {
        return None;
    }
    let mut lines: Vec<String> = [
        lang.pick(
            "Tu n'es pas en faute, mais ne garde pas cette image. Ne la partage jamais, même pour la dénoncer, et ne fais pas de capture de la photo ou de la vidéo elle-même\u{a0}: la loi punit le fait de détenir une telle image (art. 227-23 du code pénal) et ne prévoit pas d'exception pour une preuve.",
            "You are not at fault, but don't keep the image. Never share it, not even to report it, and don't screenshot the photo or video itself: the law punishes possessing such an image (art. 227-23 of the French Criminal Code) and makes no exception for evidence.",
        ),
        lang.pick(
            "Garde plutôt le lien (l'adresse), le pseudo, le profil et les messages de menace ou de chantage.",
            "Keep the link (the address), the username, the profile and the threatening or blackmail messages instead.",
        ),
        lang.pick(
            "Appelle le 3018 (9\u{a0}h–23\u{a0}h), ou le 17 si tu es en danger\u{a0}; signale le lien sur PHAROS. Tu peux porter plainte, seul(e) ou avec un adulte de confiance.",
            "Call 3018 (9 am–11 pm), or 17 if you are in danger; report the link on PHAROS. You can file a complaint, alone or with an adult you trust.",
        ),
        lang.pick(
            "En cas de chantage\u{a0}: ne paie pas, n'envoie rien d'autre, arrête de répondre\u{a0}; garde les preuves (sans les images intimes) avant de bloquer, et ne supprime ni la conversation ni ton compte.",
            "If you are being blackmailed: don't pay, don't send anything else, stop replying; keep the evidence (without the intimate images) before you block, and don't delete the chat or your account.",
        ),
    ]
    .iter()
    .map(|l| (*l).to_owned())
    .collect();
    let holding: Vec<u32> = view
        .items
        .iter()
        .filter(|i| {
            i.capture.is_some()
                && i.deleted.is_none()
                && i.categories.contains(&Category::IntimateImages)
        })
        .map(|i| i.seq)
        .collect();
    if !holding.is_empty() {
        lines.push(lang.pick(
            "Si une capture contient une telle image, supprime ses fichiers\u{a0}: l'adresse, le compte, l'heure et les empreintes restent dans le journal. Tant qu'ils ne sont pas supprimés, Témoin les laisse hors du rapport et de l'export.".to_owned(),
            "If a capture holds such an image, delete its files: the address, the account, the time and the fingerprints stay in the journal. Until they are deleted, Témoin keeps them out of the report and the export.".to_owned(),
        ));
    }
    Some(Alert {
        kind: "minor-sexual-image",
        title: lang
            .pick(
                "Une image intime d'un mineur\u{a0}: la police d'abord",
                "An intimate image of a minor: the police first",
            )
            .to_owned(),
        lines,
        delete_files_of: holding,
        source: "art. 227-23 CP (lexbase.fr) ; police-nationale.interieur.gouv.fr, PHAROS (29/11/2023) ; takeitdown.ncmec.org/faq ; cybermalveillance.gouv.fr, fiche «\u{a0}sextorsion\u{a0}» ; inc-conso.fr".into(),
    })
}

/// What the person can do now: a few short things, in "tu" for a young person and in "vous"
/// for an adult victim.
/// `pharos`: the guide offers PHAROS for something in the case (`pharos_takes`).
fn now(s: &Situation, pharos: bool, lang: Lang) -> Vec<Action> {
    let adult = s.adult_victim;
    let audience = if adult {
        Audience::Adult
    } else {
        Audience::Young
    };
    // (young, adult) texts, each (FR, EN).
    let say = |young: (&'static str, &'static str), grown: (&'static str, &'static str)| {
        let (fr, en) = if adult { grown } else { young };
        lang.pick(fr, en)
    };
    let mut out = vec![action(
        "dont-reply", 1, audience,
        say(("Ne réponds pas", "Don't reply"), ("Ne répondez pas", "Don't reply")),
        say(
            ("Ne transfère pas et ne partage pas non plus\u{a0}: ça alimente le harcèlement.", "Don't forward or share it either: it only feeds the harassment."),
            ("Ne transférez pas et ne partagez pas non plus\u{a0}: cela alimente le harcèlement.", "Don't forward or share it either: it only feeds the harassment."),
        ),
        GUIDE, Status::Verified, lang,
    )];
    let capture_text = if s.minor_sexual_image {
        say(
            ("Capture les messages, le profil et l'adresse, mais jamais l'image intime elle-même.", "Capture the messages, the profile and the address, but never the intimate image itself."),
            ("Capturez les messages, le profil et l'adresse, mais jamais l'image intime elle-même.", "Capture the messages, the profile and the address, but never the intimate image itself."),
        )
    } else {
        say(
            ("Capture chaque message avant qu'il disparaisse\u{a0}: clic droit sur le message → «\u{a0}Capturer comme preuve\u{a0}». Mais si c'est une photo ou une vidéo intime de toi ou d'un autre mineur, ne la capture pas\u{a0}: garde seulement le lien et le pseudo, et appelle le 3018.", "Capture every message before it disappears: right-click the message → \"Capture as evidence\". But if it is an intimate photo or video of you or another minor, don't capture it: keep only the link and the username, and call 3018."),
            ("Capturez chaque message avant qu'il disparaisse\u{a0}: clic droit sur le message → «\u{a0}Capturer comme preuve\u{a0}».", "Capture every message before it disappears: right-click the message → \"Capture as evidence\"."),
        )
    };
    out.push(action(
        "capture-first",
        2,
        audience,
        say(
            ("Garde les preuves d'abord", "Keep the evidence first"),
            ("Gardez les preuves d'abord", "Keep the evidence first"),
        ),
        capture_text,
        GUIDE,
        Status::Verified,
        lang,
    ));
    if s.items_cut {
        out.push(action(
            "capture-again-whole", 2, audience,
            say(("Des messages sont coupés sur les images", "Some messages are cut off in the pictures"), ("Des messages sont coupés sur les images", "Some messages are cut off in the pictures")),
            say(
                ("Certains messages n'ont pas d'image, ou une image coupée. Leur texte, leur auteur et leur adresse sont bien gardés. Pour avoir aussi leur image, capture-les un par un\u{a0}: fais défiler jusqu'à l'un d'eux, clic droit sur le message → «\u{a0}Capturer comme preuve\u{a0}». La première capture reste dans le dossier.", "Some messages have no picture, or a cut one. Their text, author and address are kept. To get their picture too, capture them one by one: scroll to one of them, right-click the message → \"Capture as evidence\". The first capture stays in the case."),
                ("Certains messages n'ont pas d'image, ou une image coupée. Leur texte, leur auteur et leur adresse sont bien gardés. Pour avoir aussi leur image, capturez-les un par un\u{a0}: faites défiler jusqu'à l'un d'eux, clic droit sur le message → «\u{a0}Capturer comme preuve\u{a0}». La première capture reste dans le dossier.", "Some messages have no picture, or a cut one. Their text, author and address are kept. To get their picture too, capture them one by one: scroll to one of them, right-click the message → \"Capture as evidence\". The first capture stays in the case."),
            ),
            GUIDE, Status::Verified, lang,
        ));
    } else if s.post_cut {
        // With the full page on, the picture is cut only past the full page's end: the option
        // cannot help, but a post wholly on screen is cropped from the screen's picture.
        let text = if s.full_page_off {
            say(
                ("Il dépassait de l'écran. Fais défiler pour qu'il soit en entier à l'écran, puis capture-le encore une fois. La première capture reste dans le dossier. S'il est plus grand que l'écran, coche «\u{a0}Inclure la page entière dans chaque capture\u{a0}» dans les Réglages de Témoin avant de recommencer.", "It went beyond the screen. Scroll so that it is wholly on screen, then capture it once more. The first capture stays in the case. If it is taller than the screen, tick \"Include the full page in every capture\" in Témoin's Settings before you try again."),
                ("Il dépassait de l'écran. Faites défiler pour qu'il soit en entier à l'écran, puis capturez-le encore une fois. La première capture reste dans le dossier. S'il est plus grand que l'écran, cochez «\u{a0}Inclure la page entière dans chaque capture\u{a0}» dans les Réglages de Témoin avant de recommencer.", "It went beyond the screen. Scroll so that it is wholly on screen, then capture it once more. The first capture stays in the case. If it is taller than the screen, tick \"Include the full page in every capture\" in Témoin's Settings before you try again."),
            )
        } else {
            say(
                ("Il est trop bas dans la page\u{a0}: l'image de la page entière s'arrête avant lui. Fais défiler pour qu'il soit en entier à l'écran, puis capture-le encore une fois. La première capture reste dans le dossier.", "It is too far down the page: the full-page picture stops before it. Scroll so that it is wholly on screen, then capture it once more. The first capture stays in the case."),
                ("Il est trop bas dans la page\u{a0}: l'image de la page entière s'arrête avant lui. Faites défiler pour qu'il soit en entier à l'écran, puis capturez-le encore une fois. La première capture reste dans le dossier.", "It is too far down the page: the full-page picture stops before it. Scroll so that it is wholly on screen, then capture it once more. The first capture stays in the case."),
            )
        };
        out.push(action(
            "capture-again-whole",
            2,
            audience,
            say(
                (
                    "Le message est coupé sur l'image",
                    "The message is cut off in the picture",
                ),
                (
                    "Le message est coupé sur l'image",
                    "The message is cut off in the picture",
                ),
            ),
            text,
            GUIDE,
            Status::Verified,
            lang,
        ));
    }
    if s.email {
        out.push(action(
            "keep-emails", 2, audience,
            say(("Garde l'e-mail d'origine", "Keep the original e-mail"), ("Gardez l'e-mail d'origine", "Keep the original e-mail")),
            say(
                ("Pour un e-mail, garde aussi le message d'origine complet, avec ses en-têtes\u{a0}: dans Gmail, menu ⋮ → «\u{a0}Afficher l'original\u{a0}» puis télécharge-le, et ajoute le fichier au dossier (Journal → Ajouter un fichier). Ne le supprime pas.", "For an e-mail, keep the whole original message too, with its headers: in Gmail, ⋮ menu → \"Show original\", then download it, and add the file to the case (Journal → Add a file). Don't delete it."),
                ("Pour un e-mail, gardez aussi le message d'origine complet, avec ses en-têtes\u{a0}: dans Gmail, menu ⋮ → «\u{a0}Afficher l'original\u{a0}» puis téléchargez-le, et ajoutez le fichier au dossier (Journal → Ajouter un fichier). Ne le supprimez pas.", "For an e-mail, keep the whole original message too, with its headers: in Gmail, ⋮ menu → \"Show original\", then download it, and add the file to the case (Journal → Add a file). Don't delete it."),
            ),
            "support.google.com/mail (Afficher l'original), guides de tiers",
            Status::Secondary, lang,
        ));
    }
    out.push(action(
        "block-after", 1, audience,
        say(("Bloque, mais après", "Block, but afterwards"), ("Bloquez, mais après", "Block, but afterwards")),
        say(
            ("Ensuite seulement, bloque la personne\u{a0}: selon l'appli (Snapchat, Instagram…), bloquer peut faire disparaître la conversation. Ne supprime pas la conversation.", "Only then block the person: depending on the app (Snapchat, Instagram…), blocking can make the chat disappear. Don't delete the chat."),
            ("Ensuite seulement, bloquez la personne\u{a0}: selon l'application (Snapchat, Instagram…), bloquer peut faire disparaître la conversation. Ne supprimez pas la conversation.", "Only then block the person: depending on the app (Snapchat, Instagram…), blocking can make the chat disappear. Don't delete the chat."),
        ),
        "cybermalveillance.gouv.fr (sextorsion)\u{a0}; nationalcac.org (NCMEC) — ce que fait le blocage dans chaque application n'est pas confirmé",
        Status::Secondary, lang,
    ));
    let mut report = action(
        "report-in-app", 3, audience,
        say(("Signale-le dans l'appli", "Report it in the app"), ("Signalez-le dans l'application", "Report it in the app")),
        say(
            ("Signale le message ou le compte dans l'appli (menu du message ou du profil → Signaler). La personne n'est en général pas prévenue.", "Report the message or the account in the app (the message's or profile's menu → Report). The person is usually not told."),
            ("Signalez le message ou le compte dans l'application (menu du message ou du profil → Signaler). La personne n'est en général pas prévenue.", "Report the message or the account in the app (the message's or profile's menu → Report). The person is usually not told."),
        ),
        GUIDE, Status::Verified, lang,
    );
    if let Some((platform, c)) = s.platforms.iter().find_map(|p| {
        channels_of(p)
            .find(|c| {
                c.url.is_some()
                    && c.status.trusted()
                    && matches!(c.kind, ChannelKind::InApp | ChannelKind::Help)
            })
            .map(|c| (p, c))
    }) {
        report.platform = Some(platform.clone());
        report.url = c.url.map(str::to_owned);
        report.source = c.source.to_owned();
        report.status = c.status;
        report.status_label = c.status.label(lang).to_owned();
    }
    out.push(report);
    if s.france() && !adult {
        out.push(action(
            "tell-an-adult", 4, audience,
            lang.pick("Tu peux aussi agir toi-même", "You can act yourself too"),
            // PHAROS named only where the guide offers it (its scope: `pharos_takes`).
            if pharos {
                lang.pick(
                    "Même mineur(e), tu peux appeler le 3018 ou le 119, signaler le contenu à la police sur PHAROS (son site de signalement) et porter plainte, seul(e) ou accompagné(e). Pour demander réparation, tes parents devront agir pour toi.",
                    "Even as a minor you can call 3018 or 119, report the content to the police on PHAROS (their reporting site) and file a complaint, alone or with someone. To claim compensation, your parents will have to act for you.",
                )
            } else {
                lang.pick(
                    "Même mineur(e), tu peux appeler le 3018 ou le 119 et porter plainte, seul(e) ou accompagné(e). Pour demander réparation, tes parents devront agir pour toi.",
                    "Even as a minor you can call 3018 or 119 and file a complaint, alone or with someone. To claim compensation, your parents will have to act for you.",
                )
            },
            law::MINOR_MAY_FILE.source, law::MINOR_MAY_FILE.status, lang,
        ));
    }
    out
}

/// The platform's channels for step 3, grouped by platform, the most specific verified ones
/// first within each.
fn platform_channels(s: &Situation, lang: Lang) -> Vec<Action> {
    let wanted = |k: ChannelKind| match k {
        ChannelKind::Ncii => s.has(Category::IntimateImages),
        ChannelKind::Impersonation => s.has(Category::Impersonation),
        ChannelKind::Minor | ChannelKind::Privacy => s.minor || s.has(Category::PersonalData),
        _ => true,
    };
    let rank = |k: ChannelKind| match k {
        ChannelKind::Ncii
        | ChannelKind::Impersonation
        | ChannelKind::Minor
        | ChannelKind::Privacy => 0,
        ChannelKind::Help | ChannelKind::NonUser | ChannelKind::InApp => 1,
        ChannelKind::Dsa => 2,
        _ => 3,
    };
    let mut out = Vec::new();
    for platform in &s.platforms {
        let mut channels: Vec<_> = channels_of(platform).filter(|c| wanted(c.kind)).collect();
        channels.sort_by_key(|c| (!c.status.trusted(), rank(c.kind)));
        let name = temoin_core::platforms::platform(platform).map_or(platform.as_str(), |p| p.name);
        for (i, c) in channels.into_iter().enumerate() {
            out.push(Action {
                platform: Some(platform.clone()),
                url: c.url.map(str::to_owned),
                copy: (i == 0 && s.public).then_some("platform-report"),
                ..action(
                    format!("platform-{platform}-{i}"),
                    3,
                    Audience::Adult,
                    &format!("{name} — {}", c.kind.label(lang)),
                    c.note(lang),
                    c.source,
                    c.status,
                    lang,
                )
            });
        }
    }
    out
}

/// What a plainte simple does not do for an insult's clock: for a public one, the civil-party
/// complaint or a direct summons interrupts it; for a private one (a contravention), only a
/// direct summons before the police court.
pub fn press_warning(public: bool, lang: Lang) -> String {
    if public {
        lang.pick(
            "Pour une injure ou une diffamation\u{a0}: cette démarche est une plainte simple, elle n'interrompt pas le délai de 3 mois. Voyez un avocat vite (plainte avec constitution de partie civile ou citation directe).",
            "For an insult or defamation: this is a plain complaint, and it does not interrupt the 3-month clock. See a lawyer quickly (complaint with civil-party status or direct summons).",
        )
    } else {
        lang.pick(
            "Pour une injure en message privé\u{a0}: cette démarche est une plainte simple, elle n'interrompt pas le délai de 3 mois. Une citation directe devant le tribunal de police l'interrompt (la plainte avec constitution de partie civile n'est pas possible pour cette contravention)\u{a0}: voyez un avocat vite (si l'auteur est mineur, la voie peut être différente\u{a0}: à confirmer avec un avocat).",
            "For an insult in a private message: this is a plain complaint, and it does not interrupt the 3-month clock. A direct summons before the police court does (a complaint with civil-party status is not possible for this minor offence): see a lawyer quickly (if the author is a minor, the route may differ: to be confirmed with a lawyer).",
        )
    }
    .to_owned()
}

/// The five steps, for the parents or an adult, in the guide's order.
fn adults(s: &Situation, dl: &Deadlines, lang: Lang) -> Vec<Action> {
    let a = Audience::Adult;
    let france = s.france();
    let press_open = dl.press_clock_open();
    let public_press_open = dl.public_press_clock_open();
    let mut out = Vec::new();

    // 1. Ne pas répondre.
    out.push(action(
        "dont-reply-adult", 1, a,
        lang.pick("Ne pas répondre", "Don't reply"),
        lang.pick(
            "Ne répondez pas, ne transférez pas, ne partagez pas le contenu, et ne contactez pas l'auteur. Capturez d'abord, puis bloquez-le\u{a0}: selon l'application, bloquer peut faire disparaître la conversation.",
            "Don't reply, forward or share the content, and don't contact the author. Capture first, then block them: depending on the app, blocking can make the conversation disappear.",
        ),
        GUIDE, Status::Verified, lang,
    ));

    // 2. Conserver les preuves.
    out.push(action(
        "keep-evidence", 2, a,
        lang.pick("Conserver les preuves", "Keep the evidence"),
        lang.pick(
            "Capturez chaque message avec Témoin avant qu'il disparaisse (jamais une image intime d'un mineur\u{a0}: notez seulement son adresse), puis exportez le dossier. Notez ailleurs son code de contrôle (un e-mail à vous-même, une feuille imprimée)\u{a0}: c'est lui qui permettra de vérifier plus tard que le dossier n'a pas été modifié depuis l'export.",
            "Capture every message with Témoin before it disappears (never an intimate image of a minor: note only its address), then export the case. Write its control code down elsewhere (an e-mail to yourself, a printed sheet): it is what will later let anyone check that the case has not been changed since the export.",
        ),
        GUIDE, Status::Verified, lang,
    ));
    if s.email {
        out.push(action(
            "keep-emails-adult", 2, a,
            lang.pick("Garder les e-mails d'origine", "Keep the original e-mails"),
            lang.pick(
                "Pour un e-mail, gardez aussi le message d'origine avec ses en-têtes (dans Gmail\u{a0}: ⋮ → «\u{a0}Afficher l'original\u{a0}», puis le télécharger), ajoutez le fichier au dossier, et ne supprimez pas le message.",
                "For an e-mail, keep the original message with its headers too (in Gmail: ⋮ → \"Show original\", then download it), add the file to the case, and don't delete the message.",
            ),
            "support.google.com/mail ; guides de tiers", Status::Secondary, lang,
        ));
    }
    push(&mut out, "cdj", 2, lang);

    // 3. Obtenir le retrait.
    out.extend(platform_channels(s, lang));
    if s.has(Category::IntimateImages) {
        push(
            &mut out,
            if s.minor { "takeitdown" } else { "stopncii" },
            3,
            lang,
        );
    }
    if s.minor && france {
        for platform in &s.public_platforms {
            if let Some(r) = recourse("cnil-art51") {
                let name = temoin_core::platforms::platform(platform)
                    .map_or(platform.as_str(), |p| p.name);
                out.push(Action {
                    id: format!("letter-erasure-{platform}"),
                    title: format!("{} — {name}", r.name(lang)),
                    platform: Some(platform.clone()),
                    letter: Some("erasure"),
                    ..from_recourse(r, 3, a, lang)
                });
            }
        }
        if !s.public_platforms.is_empty() {
            push(&mut out, "cnil-plainte", 3, lang);
        }
    }
    if france {
        push(&mut out, "juge", 3, lang);
        push(&mut out, "arcom", 3, lang);
    } else if s.country == "BE" {
        push(&mut out, "be-bipt", 3, lang);
    }

    // 4. Porter plainte.
    if france {
        if public_press_open {
            push(&mut out, "cpc", 4, lang);
        }
        push(&mut out, "plainte-commissariat", 4, lang);
        if let Some(r) = recourse("procureur") {
            out.push(Action {
                id: "letter-procureur".into(),
                letter: Some("procureur"),
                ..from_recourse(r, 4, a, lang)
            });
        }
        push(&mut out, "avocat", 4, lang);
        push(&mut out, "17cyber", 4, lang);
        push(&mut out, "116006", 4, lang);
        if s.minor {
            out.push(action(
                "minor-complaint", 4, a,
                lang.pick("Un mineur peut porter plainte", "A minor can file a complaint"),
                lang.pick(
                    "Un mineur peut porter plainte lui-même, seul ou accompagné (un parent, un adulte de son choix, une association)\u{a0}; ses parents peuvent aussi porter plainte en son nom. Pour demander réparation, les parents (ou un administrateur ad hoc) doivent agir pour lui.",
                    "A minor can file a complaint themselves, alone or accompanied (a parent, an adult they choose, an association); the parents can also file on their behalf. To claim compensation, the parents (or a court-appointed administrator) must act for them.",
                ),
                law::MINOR_MAY_FILE.source, law::MINOR_MAY_FILE.status, lang,
            ));
        }
        if press_open {
            let warning = press_warning(public_press_open, lang);
            for act in out
                .iter_mut()
                .filter(|x| matches!(x.id.as_str(), "plainte-commissariat" | "letter-procureur"))
            {
                act.warning = Some(warning.clone());
            }
        }
    } else {
        for r in crate::recourses::RECOURSES
            .iter()
            .filter(|r| r.country == s.country)
        {
            if !matches!(r.id, "be-bipt" | "stopncii" | "takeitdown")
                && !helplines(&s.country, s.adult_victim, lang)
                    .iter()
                    .any(|h| h.id == r.id)
            {
                out.push(from_recourse(r, 4, a, lang));
            }
        }
    }

    // 5. PHAROS, for what it takes.
    if france {
        let takes = s.minor_sexual_image
            || (s.minor && s.has(Category::SexualHarassment))
            || (s.public && (s.has(Category::Threat) || s.has(Category::Hate)));
        if takes {
            if let Some(r) = recourse("pharos") {
                out.push(Action {
                    copy: Some("pharos"),
                    ..from_recourse(r, 5, a, lang)
                });
            }
            push(&mut out, "pointdecontact", 5, lang);
        } else {
            out.push(action(
                "pharos-not-here", 5, a,
                "PHAROS",
                &pharos_not_here(s, lang),
                "service-public.fr R17674 (22/09/2025) et F31979 ; moncommissariat.interieur.gouv.fr (07/02/2024)",
                Status::Verified,
                lang,
            ));
        }
    }
    out
}

fn pharos_not_here(s: &Situation, lang: Lang) -> String {
    if s.private && !s.public {
        lang.pick(
            "PHAROS n'est pas proposé ici\u{a0}: il traite les contenus visibles publiquement. Pour des messages privés ou des e-mails d'une personne que vous connaissez, allez au commissariat ou à la gendarmerie, ou utilisez le tchat 17Cyber.",
            "PHAROS is not offered here: it handles content visible to the public. For private messages or e-mails from someone you know, go to the police or the gendarmerie, or use the 17Cyber chat.",
        )
        .to_owned()
    } else if s.categories.is_empty() {
        lang.pick(
            "PHAROS traite les menaces, la haine, les contenus sexuels impliquant des mineurs et le terrorisme. Indiquez ce que montrent les captures (catégories) pour savoir s'il s'applique. Un signalement n'est pas une plainte et n'arrête aucun délai.",
            "PHAROS handles threats, hate, sexual content involving minors and terrorism. Say what the captures show (categories) to know whether it applies. A report is not a complaint and stops no clock.",
        )
        .to_owned()
    } else {
        lang.pick(
            "PHAROS n'est pas proposé pour ce contenu\u{a0}: il traite surtout les menaces, la haine, les contenus sexuels impliquant des mineurs et le terrorisme. Pour une injure ou une diffamation, la plainte (et un avocat, pour le délai de 3 mois) est la voie.",
            "PHAROS is not offered for this content: it mainly handles threats, hate, sexual content involving minors and terrorism. For an insult or defamation, the complaint (and a lawyer, for the 3-month clock) is the way.",
        )
        .to_owned()
    }
}

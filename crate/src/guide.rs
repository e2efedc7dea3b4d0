//! The five steps of the French guide (shared/reference/guide-que-faire-cyberharcelement.txt)
//! turned into actions for one case or capture: (platform, categories, minor, public or
//! private, country) → the ordered list of what to do, each with its sourced link.

use serde::Serialize;

use crate::deadlines::{case_deadlines, Deadline};
use crate::journal::Entry;
use crate::model::{Category, StepDone};
use crate::recourses::{channels_of, recourse, ChannelKind, Recourse, Status};
use crate::report::{letters, Lang};
use crate::view::{CaseView, ItemView};

#[derive(Debug, Clone, Default)]
pub struct Situation {
    pub platform: Option<String>,
    pub categories: Vec<Category>,
    pub minor: bool,
    /// Public content (a post anyone can see) rather than a private message.
    pub public: bool,
    /// ISO code: `FR`, `BE`, `CH`, `CA`, `UK`, `US`.
    pub country: String,
}

impl Situation {
    /// What a case says about its situation: for one capture, that capture's; for the whole
    /// case, the latest capture's platform and every category. Messages and e-mails are
    /// private; posts, comments and videos are public.
    pub fn of(view: &CaseView, seq: Option<u32>, country: &str) -> Situation {
        let items: Vec<&ItemView> = match seq {
            Some(s) => view.item(s).into_iter().collect(),
            None => view.items.iter().filter(|i| i.deleted.is_none()).collect(),
        };
        let latest = items.iter().rev().find_map(|i| i.capture.as_ref());
        let platform = latest.and_then(|c| {
            c.post
                .as_ref()
                .and_then(|p| p.platform.clone())
                .or(c.page.platform.clone())
        });
        let mut categories: Vec<Category> = items
            .iter()
            .flat_map(|i| i.categories.iter().copied())
            .collect();
        categories.sort();
        categories.dedup();
        let public = latest
            .and_then(|c| c.post.as_ref())
            .and_then(|p| p.kind.as_deref())
            .is_none_or(|k| !matches!(k, "message" | "email"));
        Situation {
            platform,
            categories,
            minor: view.minor(),
            public,
            country: country.to_owned(),
        }
    }
}

/// Everything the guide page shows for a case or a capture.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GuideView {
    pub platform: Option<String>,
    pub categories: Vec<Category>,
    pub minor: bool,
    pub public: bool,
    pub actions: Vec<Action>,
    pub always: Vec<Action>,
    pub deadlines: Vec<Deadline>,
    pub done: Vec<StepDone>,
    /// Texts ready to copy into the platform's form and PHAROS's (for one capture).
    pub platform_report: Option<String>,
    pub pharos: Option<String>,
}

pub fn for_case(
    view: &CaseView,
    entries: &[Entry],
    seq: Option<u32>,
    country: &str,
    lang: Lang,
) -> GuideView {
    let s = Situation::of(view, seq, country);
    let item = seq.and_then(|n| view.item(n));
    GuideView {
        actions: route(&s, lang),
        always: always(country, lang),
        deadlines: case_deadlines(view, lang),
        done: view.done_steps(entries),
        platform_report: item.map(|i| letters::platform_report(i, s.minor, lang)),
        pharos: item
            .filter(|_| pharos_in_scope(&s))
            .map(letters::pharos_summary),
        platform: s.platform,
        categories: s.categories,
        minor: s.minor,
        public: s.public,
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    /// Stable id (`pharos`, `platform-help`, `letter-procureur`...), used to mark it done.
    pub id: String,
    /// 1 to 5, the step of the guide.
    pub step: u8,
    pub title: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    pub status: Status,
    pub source: String,
    /// Shown only marked as unverified, never as the main link.
    pub unverified: bool,
    /// `procureur` or `erasure`: a letter built from the journal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub letter: Option<&'static str>,
    /// `platform-report` or `pharos`: a text to copy into a form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy: Option<&'static str>,
}

fn from_recourse(r: &Recourse, step: u8, lang: Lang) -> Action {
    Action {
        id: r.id.to_owned(),
        step,
        title: r.name.to_owned(),
        text: if lang == Lang::Fr {
            r.what_fr
        } else {
            r.what_en
        }
        .to_owned(),
        url: r.url.map(str::to_owned),
        phone: r.phone.map(str::to_owned),
        status: r.status,
        source: r.source.to_owned(),
        unverified: !r.status.trusted(),
        letter: None,
        copy: None,
    }
}

fn push(out: &mut Vec<Action>, id: &str, step: u8, lang: Lang) {
    if let Some(r) = recourse(id) {
        out.push(from_recourse(r, step, lang));
    }
}

/// A recourse offered with a letter Témoin writes from the journal.
fn push_letter(
    out: &mut Vec<Action>,
    recourse_id: &str,
    step: u8,
    id: &str,
    letter: &'static str,
    lang: Lang,
) {
    if let Some(r) = recourse(recourse_id) {
        out.push(Action {
            id: id.to_owned(),
            letter: Some(letter),
            ..from_recourse(r, step, lang)
        });
    }
}

fn note(
    id: &str,
    step: u8,
    fr: &str,
    en: &str,
    lang: Lang,
    title_fr: &str,
    title_en: &str,
) -> Action {
    Action {
        id: id.to_owned(),
        step,
        title: if lang == Lang::Fr { title_fr } else { title_en }.to_owned(),
        text: if lang == Lang::Fr { fr } else { en }.to_owned(),
        url: None,
        phone: None,
        status: Status::Verified,
        source: "guide-que-faire-cyberharcelement".to_owned(),
        unverified: false,
        letter: None,
        copy: None,
    }
}

/// PHAROS handles public illegal content in its scope; insults alone are not offered (the
/// sources conflict, recourses.md section 5.1).
pub fn pharos_in_scope(s: &Situation) -> bool {
    s.public
        && s.categories.iter().any(|c| {
            matches!(c, Category::Threat | Category::Hate)
                || (s.minor && matches!(c, Category::SexualHarassment | Category::IntimateImages))
        })
}

/// The platform's channels for step 3, the most specific verified ones first.
fn platform_channels(s: &Situation, lang: Lang) -> Vec<Action> {
    let Some(platform) = s.platform.as_deref() else {
        return Vec::new();
    };
    let wanted = |k: ChannelKind| match k {
        ChannelKind::Ncii => s.categories.contains(&Category::IntimateImages),
        ChannelKind::Impersonation => s.categories.contains(&Category::Impersonation),
        ChannelKind::Minor | ChannelKind::Privacy => {
            s.minor || s.categories.contains(&Category::PersonalData)
        }
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
    let mut channels: Vec<_> = channels_of(platform).filter(|c| wanted(c.kind)).collect();
    channels.sort_by_key(|c| (!c.status.trusted(), rank(c.kind)));
    let name = crate::platforms::platform(platform).map_or(platform, |p| p.name);
    channels
        .into_iter()
        .enumerate()
        .map(|(i, c)| Action {
            id: format!("platform-{}-{i}", c.platform),
            step: 3,
            title: format!("{name} — {}", kind_label(c.kind, lang)),
            text: c.note.to_owned(),
            url: c.url.map(str::to_owned),
            phone: None,
            status: c.status,
            source: c.source.to_owned(),
            unverified: !c.status.trusted(),
            letter: None,
            copy: if i == 0 {
                Some("platform-report")
            } else {
                None
            },
        })
        .collect()
}

fn kind_label(k: ChannelKind, lang: Lang) -> &'static str {
    let fr = lang == Lang::Fr;
    match k {
        ChannelKind::Help => {
            if fr {
                "aide et signalement"
            } else {
                "help and reporting"
            }
        }
        ChannelKind::InApp => {
            if fr {
                "signaler dans l'application"
            } else {
                "report in the app"
            }
        }
        ChannelKind::NonUser => {
            if fr {
                "formulaire (sans compte)"
            } else {
                "form (no account needed)"
            }
        }
        ChannelKind::Dsa => {
            if fr {
                "contenu illicite (DSA)"
            } else {
                "illegal content (DSA)"
            }
        }
        ChannelKind::Legal => {
            if fr {
                "retrait pour motif légal"
            } else {
                "legal removal"
            }
        }
        ChannelKind::Ncii => {
            if fr {
                "images intimes"
            } else {
                "intimate images"
            }
        }
        ChannelKind::Impersonation => {
            if fr {
                "usurpation d'identité"
            } else {
                "impersonation"
            }
        }
        ChannelKind::Minor => {
            if fr {
                "mineurs"
            } else {
                "minors"
            }
        }
        ChannelKind::Privacy => {
            if fr {
                "vie privée"
            } else {
                "privacy"
            }
        }
        ChannelKind::Contact => "contact",
        ChannelKind::Other => {
            if fr {
                "autre"
            } else {
                "other"
            }
        }
    }
}

/// Every action for the situation, in the guide's order (steps 1 to 5).
pub fn route(s: &Situation, lang: Lang) -> Vec<Action> {
    let france = s.country.is_empty() || s.country == "FR";
    let mut out = Vec::new();

    // 1. Ne pas répondre.
    let mut dont_reply = note(
        "dont-reply", 1,
        "Ne répondez pas, ne transférez pas, ne partagez pas : cela alimente le fil. Bloquez et masquez l'auteur depuis la plateforme.",
        "Do not reply, forward or share: it feeds the thread. Block and mute the author on the platform.",
        lang, "Ne pas répondre", "Don't reply",
    );
    if let Some(help) = s
        .platform
        .as_deref()
        .and_then(|p| channels_of(p).find(|c| c.url.is_some() && c.status.trusted()))
    {
        dont_reply.url = help.url.map(str::to_owned);
        dont_reply.source = help.source.to_owned();
    }
    out.push(dont_reply);

    // 2. Conserver les preuves.
    out.push(note(
        "keep-evidence", 2,
        "Capturez chaque message avec Témoin avant qu'il disparaisse, puis exportez le dossier et notez l'empreinte de tête ailleurs.",
        "Capture every message with Témoin before it disappears, then export the case and write the head fingerprint down elsewhere.",
        lang, "Conserver les preuves", "Keep the evidence",
    ));
    push(&mut out, "cdj", 2, lang);

    // 3. Obtenir le retrait.
    out.extend(platform_channels(s, lang));
    if s.categories.contains(&Category::IntimateImages) {
        push(
            &mut out,
            if s.minor { "takeitdown" } else { "stopncii" },
            3,
            lang,
        );
    }
    if s.minor {
        push_letter(&mut out, "cnil-art51", 3, "letter-erasure", "erasure", lang);
        push(&mut out, "cnil-plainte", 3, lang);
    }
    if france {
        push(&mut out, "juge-lcen", 3, lang);
        push(&mut out, "arcom", 3, lang);
    } else if s.country == "BE" {
        push(&mut out, "be-bipt", 3, lang);
    }

    // 4. Porter plainte.
    if france {
        push(&mut out, "plainte-commissariat", 4, lang);
        if s.categories
            .iter()
            .any(|c| matches!(c, Category::Insult | Category::Hate))
        {
            push(&mut out, "ppel", 4, lang);
            push(&mut out, "cpc", 4, lang);
        }
        push_letter(
            &mut out,
            "procureur",
            4,
            "letter-procureur",
            "procureur",
            lang,
        );
        push(&mut out, "masecurite", 4, lang);
        push(&mut out, "116006", 4, lang);
        if s.minor {
            out.push(note(
                "minor-with-parent", 4,
                "Un mineur porte plainte accompagné d'un parent ou d'un représentant légal. Un avocat peut éviter un refus d'enregistrement et rédiger le courrier au procureur.",
                "A minor files a complaint with a parent or legal guardian. A lawyer can prevent a refusal to register it and write the letter to the prosecutor.",
                lang, "Avec un parent", "With a parent",
            ));
        }
    } else {
        for r in crate::recourses::RECOURSES
            .iter()
            .filter(|r| r.country == s.country)
        {
            out.push(from_recourse(r, 4, lang));
        }
    }

    // 5. PHAROS, for public content in its scope.
    if france && pharos_in_scope(s) {
        if let Some(r) = recourse("pharos") {
            out.push(Action {
                copy: Some("pharos"),
                ..from_recourse(r, 5, lang)
            });
        }
        push(&mut out, "pointdecontact", 5, lang);
    }
    out
}

/// Always visible: who to call now.
pub fn always(country: &str, lang: Lang) -> Vec<Action> {
    let ids: &[&str] = match country {
        "" | "FR" => &["3018", "17-112", "119"],
        "BE" => &["be-childfocus"],
        "CH" => &["ch-147"],
        "CA" => &["ca-jeunesse", "ca-cybertip"],
        "US" => &["us-cybertipline"],
        _ => &[],
    };
    ids.iter()
        .filter_map(|id| recourse(id))
        .map(|r| from_recourse(r, 0, lang))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn situation(platform: &str, categories: &[Category], minor: bool, public: bool) -> Situation {
        Situation {
            platform: Some(platform.into()),
            categories: categories.to_vec(),
            minor,
            public,
            country: "FR".into(),
        }
    }

    fn ids(actions: &[Action]) -> Vec<&str> {
        actions.iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn steps_come_in_the_guide_order() {
        let actions = route(&situation("x", &[Category::Threat], true, true), Lang::Fr);
        let steps: Vec<u8> = actions.iter().map(|a| a.step).collect();
        let mut sorted = steps.clone();
        sorted.sort_unstable();
        assert_eq!(steps, sorted);
        assert_eq!(steps.first(), Some(&1));
    }

    #[test]
    fn a_public_threat_against_a_minor_on_x() {
        let a = route(&situation("x", &[Category::Threat], true, true), Lang::Fr);
        let first_platform = a.iter().find(|x| x.id.starts_with("platform-x")).unwrap();
        assert_eq!(
            first_platform.url.as_deref(),
            Some("https://help.twitter.com/en/safety-and-security/report-abusive-behavior")
        );
        assert!(!first_platform.unverified);
        assert_eq!(first_platform.copy, Some("platform-report"));
        for id in [
            "pharos",
            "letter-erasure",
            "cnil-plainte",
            "letter-procureur",
            "minor-with-parent",
            "plainte-commissariat",
        ] {
            assert!(ids(&a).contains(&id), "{id} in {:?}", ids(&a));
        }
        assert!(
            !ids(&a).contains(&"ppel"),
            "pré-plainte is for insults and discrimination by an unknown author"
        );
    }

    #[test]
    fn insults_alone_do_not_go_to_pharos_but_start_the_press_law_clock() {
        let a = route(&situation("x", &[Category::Insult], false, true), Lang::Fr);
        assert!(!ids(&a).contains(&"pharos"));
        assert!(ids(&a).contains(&"cpc") && ids(&a).contains(&"ppel"));
        assert!(!ids(&a).contains(&"letter-erasure"), "not a minor");
    }

    #[test]
    fn pharos_only_for_public_content_in_scope() {
        for (cats, minor, public, expected) in [
            (vec![Category::Threat], false, true, true),
            (vec![Category::Threat], false, false, false),
            (vec![Category::Hate], false, true, true),
            (vec![Category::IntimateImages], true, true, true),
            (vec![Category::IntimateImages], false, true, false),
            (vec![Category::SexualHarassment], true, true, true),
            (vec![Category::Insult], true, true, false),
            (vec![Category::PersonalData], false, true, false),
            (vec![Category::Impersonation], false, true, false),
            (vec![Category::PileOn], false, true, false),
            (vec![Category::Other], false, true, false),
        ] {
            let s = situation("tiktok", &cats, minor, public);
            assert_eq!(
                pharos_in_scope(&s),
                expected,
                "{cats:?} minor={minor} public={public}"
            );
            assert_eq!(ids(&route(&s, Lang::En)).contains(&"pharos"), expected);
        }
    }

    #[test]
    fn category_specific_channels_lead_and_unverified_ones_follow() {
        let a = route(
            &situation("instagram", &[Category::IntimateImages], false, true),
            Lang::Fr,
        );
        let platform: Vec<&Action> = a.iter().filter(|x| x.id.starts_with("platform-")).collect();
        assert_eq!(
            platform[0].url.as_deref(),
            Some("https://about.meta.com/actions/safety/topics/bullying-harassment/ncii")
        );
        assert!(ids(&a).contains(&"stopncii"));
        let first_unverified = platform
            .iter()
            .position(|x| x.unverified)
            .unwrap_or(platform.len());
        assert!(
            platform[first_unverified..].iter().all(|x| x.unverified),
            "verified entries lead"
        );
        let minor = route(
            &situation("instagram", &[Category::IntimateImages], true, true),
            Lang::Fr,
        );
        assert!(ids(&minor).contains(&"takeitdown") && !ids(&minor).contains(&"stopncii"));
    }

    #[test]
    fn platforms_without_a_verified_page_say_to_report_in_the_app() {
        let a = route(
            &situation("tumblr", &[Category::Insult], false, true),
            Lang::En,
        );
        let p = a
            .iter()
            .find(|x| x.id.starts_with("platform-tumblr"))
            .unwrap();
        assert_eq!(p.url, None);
        assert!(p.text.contains("inside the app"));
    }

    #[test]
    fn other_countries_get_their_own_recourses() {
        let mut s = situation("x", &[Category::Threat], true, true);
        s.country = "BE".into();
        let a = route(&s, Lang::Fr);
        assert!(ids(&a).contains(&"be-childfocus") && ids(&a).contains(&"be-bipt"));
        assert!(!ids(&a).contains(&"pharos") && !ids(&a).contains(&"letter-procureur"));
        assert_eq!(ids(&always("FR", Lang::Fr)), vec!["3018", "17-112", "119"]);
        assert_eq!(ids(&always("CH", Lang::Fr)), vec!["ch-147"]);
    }
}

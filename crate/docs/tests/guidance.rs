//! What Témoin tells people, in six situations, checked against the rules in
//! docs/legal-sources.md. Each assertion's message names the rule it checks.
#![allow(clippy::unwrap_used)]

use temoin_core::digest::sha256_hex;
use temoin_core::journal::{seal, Entry, Head};
use temoin_core::lang::Lang;
use temoin_core::model::{
    Artifact, Capture, CaseDetails, Categories, Category, Environment, EventBody, Page, Post,
};
use temoin_core::view::CaseView;
use temoin_docs::deadlines::{deadlines, ClockKind, StartsFrom};
use temoin_docs::guide::{for_case, GuideView};
use temoin_docs::report::letters::{letters, platform_report, LetterRequest, Writer};
use time::macros::date;
use time::Date;

const TODAY: Date = date!(2026 - 11 - 29);

/// A capture as a case builder takes it.
struct Shot {
    url: &'static str,
    platform: &'static str,
    kind: &'static str,
    name: Option<&'static str>,
    handle: Option<&'static str>,
    text: &'static str,
    published: Option<&'static str>,
    captured: &'static str,
    categories: &'static [Category],
}

fn shot(url: &'static str, platform: &'static str, kind: &'static str) -> Shot {
    Shot {
        url,
        platform,
        kind,
        name: None,
        handle: None,
        text: "",
        published: None,
        captured: "2026-11-28T10:00:00.000Z",
        categories: &[],
    }
}

struct Built {
    entries: Vec<Entry>,
    view: CaseView,
}

fn build(minor: bool, school: bool, person: &str, shots: Vec<Shot>) -> Built {
    let mut head = Head::genesis();
    let mut entries = Vec::new();
    let mut push = |body: EventBody| {
        let e = seal(&head, "case", "2026-11-28T12:00:00.000Z", body).unwrap();
        head = e.head();
        entries.push(e);
    };
    push(EventBody::CaseDetails(CaseDetails {
        title: "Dossier".into(),
        person: person.into(),
        minor,
        description: String::new(),
        school,
    }));
    let mut tagged = Vec::new();
    for (n, s) in shots.iter().enumerate() {
        let png = format!("png of {}", s.url);
        push(EventBody::Capture(Capture {
            page: Page {
                url: s.url.into(),
                title: "Titre de la page".into(),
                platform: Some(s.platform.into()),
                ..Page::default()
            },
            captured_at: s.captured.into(),
            artifacts: vec![Artifact {
                name: "screenshot-visible.png".into(),
                media_type: "image/png".into(),
                size: png.len() as u32,
                sha256: sha256_hex(png.as_bytes()),
                method: "tabs.captureVisibleTab".into(),
            }],
            post: Some(Post {
                platform: Some(s.platform.into()),
                permalink: Some(s.url.into()),
                author_name: s.name.map(Into::into),
                author_handle: s.handle.map(Into::into),
                published_at: s.published.map(Into::into),
                text: (!s.text.is_empty()).then(|| s.text.into()),
                kind: Some(s.kind.into()),
                ..Post::default()
            }),
            environment: Some(Environment {
                local_time: s.captured.replace(".000Z", ".000+01:00"),
                time_zone: "Europe/Paris".into(),
                ..Environment::default()
            }),
            ..Capture::default()
        }));
        tagged.push((n as u32 + 2, s.categories));
    }
    for (seq, cats) in tagged {
        if !cats.is_empty() {
            push(EventBody::Categories(Categories {
                entry: seq,
                categories: cats.to_vec(),
            }));
        }
    }
    let view = CaseView::build("case", &entries);
    Built { entries, view }
}

fn guide(b: &Built, seq: Option<u32>, lang: Lang) -> GuideView {
    for_case(&b.view, &b.entries, seq, "FR", TODAY, lang)
}

fn ids(g: &GuideView) -> Vec<&str> {
    g.adults.iter().map(|a| a.id.as_str()).collect()
}

fn letter(
    b: &Built,
    kind: &str,
    writer: Writer,
    platform: Option<&str>,
) -> Vec<temoin_docs::report::letters::Letter> {
    letters(
        &b.view,
        &LetterRequest {
            kind,
            head: Some(&b.entries.last().unwrap().hash),
            seq: None,
            platform,
            writer,
            today: TODAY,
            lang: Lang::Fr,
        },
    )
    .unwrap()
}

/// French typography: a no-break space before « : ; ? ! » and inside « », never a plain one.
fn assert_french_typography(text: &str, what: &str) {
    for bad in [" :", " ;", " ?", " !", "« ", " »"] {
        assert!(
            !text.contains(bad),
            "typography ({what}): '{bad}' in {text:?}"
        );
    }
}

fn every_text(g: &GuideView) -> Vec<String> {
    let mut out: Vec<String> = g.reassurance.clone();
    for a in g.helplines.iter().chain(&g.now).chain(&g.adults) {
        out.push(a.title.clone());
        out.push(a.text.clone());
        out.extend(a.warning.clone());
    }
    out.extend(
        g.deadlines
            .clocks
            .iter()
            .flat_map(|c| [c.title.clone(), c.message.clone()]),
    );
    out.extend(g.deadlines.notes.iter().map(|n| n.message.clone()));
    if let Some(a) = &g.alert {
        out.push(a.title.clone());
        out.extend(a.lines.clone());
    }
    out
}

// 1. An insult on Instagram against a 14-year-old. -------------------------------------------

fn instagram_insult() -> Built {
    build(
        true,
        false,
        "Léa M.",
        vec![Shot {
            name: Some("Le Corbeau"),
            handle: Some("corbeau_noir"),
            text: "T'es vraiment une grosse nulle, personne te supporte",
            published: Some("2026-11-27T21:14:00.000Z"),
            categories: &[Category::Insult],
            ..shot(
                "https://www.instagram.com/p/Cxyz123/c/1790/",
                "instagram",
                "comment",
            )
        }],
    )
}

#[test]
fn an_insult_on_instagram_against_a_14_year_old() {
    let b = instagram_insult();
    let g = guide(&b, None, Lang::Fr);
    let act_alone = g
        .now
        .iter()
        .find(|a| a.id == "tell-an-adult")
        .expect("a minor may act alone");
    assert!(
        act_alone.text.contains("3018") && !act_alone.text.contains("PHAROS"),
        "PHAROS is named to the young person only where the guide offers it (not for an insult alone): {}",
        act_alone.text
    );

    let c = &g.deadlines.clocks[0];
    assert_eq!(
        c.kind,
        ClockKind::Press3Months,
        "art. 65 loi 1881: a public insult has a 3-month clock"
    );
    assert_eq!((c.start.as_str(), c.until.as_str()), ("2026-11-27", "2027-02-26"), "art. 65: from the publication day (local), the day before the anniversary as the safe last day");
    assert_eq!(
        c.starts_from,
        StartsFrom::Publication,
        "the clock says it runs from the publication"
    );
    assert_eq!(c.days_left, 89, "days left are counted from today");
    assert!(
        !c.conditional,
        "a capture tagged as an insult gets a firm clock"
    );
    let note = g
        .deadlines
        .notes
        .iter()
        .find(|n| n.kind == "press-plain-complaint")
        .expect("the press-law note");
    assert!(
        note.message.contains("plainte simple") && note.message.contains("n'arrête pas"),
        "Cass. crim. 29 nov. 2022: a plain complaint does not stop the clock"
    );
    assert!(
        !g.deadlines
            .clocks
            .iter()
            .any(|c| c.kind == ClockKind::Harassment6Years),
        "art. 222-33-2-2: one message is not harassment"
    );
    assert_eq!(
        g.deadlines.notes[0].kind, "harassment-needs-repetition",
        "harassment needs repeated acts or a raid"
    );

    let a = ids(&g);
    let pos = |id: &str| {
        a.iter()
            .position(|x| *x == id)
            .unwrap_or_else(|| panic!("{id} in {a:?}"))
    };
    assert!(
        pos("cpc") < pos("plainte-commissariat"),
        "art. 85 al. 2 CPP: the civil-party complaint comes first for a press-law offence"
    );
    for id in ["plainte-commissariat", "letter-procureur"] {
        let w = g.adults[pos(id)].warning.as_deref().unwrap_or("");
        assert!(
            w.contains("n'interrompt pas le délai de 3 mois"),
            "{id}: a plain complaint does not stop the 3-month clock"
        );
    }
    let cpc = &g.adults[pos("cpc")];
    assert!(
        cpc.text.contains("sans plainte préalable") && cpc.text.contains("avocat"),
        "art. 85 al. 2 CPP: no prior complaint for press-law délits, with a lawyer"
    );
    assert!(!a.iter().any(|id| id.contains("ppel") || *id == "pel"), "the pré-plainte was replaced in Oct 2024 and the online complaint is for property offences only");
    assert!(
        !a.contains(&"pharos") && a.contains(&"pharos-not-here"),
        "PHAROS is not offered for an insult alone (sources conflict)"
    );
    assert!(
        a.contains(&"letter-erasure-instagram"),
        "art. 51 loi 78-17: the minor's erasure request, to Instagram"
    );
    let minor = &g.adults[pos("minor-complaint")];
    assert!(
        minor.text.contains("seul ou accompagné"),
        "F1567: a minor can file a complaint alone"
    );
    assert!(
        a.contains(&"avocat"),
        "the seed: a lawyer's help is for everyone"
    );
    let juge = &g.adults[pos("juge")];
    assert!(
        juge.text.contains("juge des référés")
            && juge.text.contains("en urgence")
            && juge.text.contains("avocat"),
        "CPC art. 835, justice.fr: a judge can order removal urgently, with a lawyer"
    );
    assert!(
        !juge.text.contains("anciennement référé"),
        "the référé exists: it is not 'formerly' anything"
    );

    let now: Vec<&str> = g.now.iter().map(|a| a.id.as_str()).collect();
    assert!(
        now.iter().position(|x| *x == "capture-first")
            < now.iter().position(|x| *x == "block-after"),
        "capture first, then block: blocking can hide the conversation"
    );
    assert!(
        g.reassurance[0].starts_with("Tu as bien fait")
            && g.reassurance[0].contains("Ce n'est pas ta faute"),
        "reassurance first, in 'tu'"
    );
    assert!(
        g.reassurance[1].contains("adulte de confiance")
            && g.reassurance[1].contains("3018")
            && g.reassurance[1].contains("gratuit et anonyme"),
        "talk to an adult or call 3018, free and anonymous"
    );
    let card = g.helplines.iter().find(|h| h.id == "3018").unwrap();
    assert!(
        card.text.contains("9\u{a0}h à 23\u{a0}h") && g.reassurance.len() == 2,
        "the 3018's hours are on its card, said once (service-public)"
    );
    assert_eq!(
        g.helplines
            .iter()
            .map(|h| h.phone.as_deref().unwrap_or(""))
            .collect::<Vec<_>>(),
        ["3018", "17", "119"],
        "helplines always in view, dialable"
    );

    let proc = &letter(&b, "procureur", Writer::Parent, None)[0];
    let t = &proc.text;
    assert!(
        t.contains("Madame, Monsieur le Procureur de la République,"),
        "F21613: the salutation"
    );
    assert!(
        t.contains("[Ville], le 29 novembre 2026"),
        "dates as people write them"
    );
    assert!(
        t.contains("Le 27 novembre 2026 à 22\u{a0}h\u{a0}14 (UTC+01:00)"),
        "publication in local time with its zone"
    );
    assert!(
        t.contains("Le Corbeau (@corbeau_noir) a écrit en commentaire"),
        "the author as the page names them"
    );
    assert!(
        t.contains("art. 29, 32 et 33 de la loi du 29 juillet 1881"),
        "an insult cites the press law"
    );
    assert!(!t.contains("222-33-2-2"), "one insult is not harassment");
    assert!(
        t.contains("2. Le lieu des faits") && t.contains("4. Les témoins"),
        "F21613: place and witnesses in their own paragraphs"
    );
    assert!(
        t.contains("Pièce n°\u{a0}1") && !t.contains("Pièce n°\u{a0}2,"),
        "exhibits numbered 1…n in the order cited"
    );
    assert!(
        !t.to_lowercase().contains("scellé"),
        "no procedural term the sender cannot use"
    );
    assert!(
        !t.contains("T00:") && !t.contains(".000Z"),
        "never raw ISO dates"
    );
    assert!(
        proc.warnings
            .iter()
            .any(|w| w.contains("n'interrompt pas le délai de 3 mois")),
        "the letter warns it does not stop the press-law clock"
    );

    let minor_letter = &letter(&b, "erasure", Writer::Minor, None)[0];
    assert!(
        minor_letter.text.contains("alors que j'étais mineur(e)"),
        "the minor can write for themselves (loi 2020-1266)"
    );
    let parent_letter = &letter(&b, "erasure", Writer::Parent, None)[0];
    assert!(
        parent_letter
            .text
            .contains("Agissant en qualité de [père / mère / représentant légal] de Léa M."),
        "or a parent acting for them"
    );
    for l in [minor_letter, parent_letter] {
        assert!(
            l.text
                .contains("À défaut de réponse dans un délai d'un mois, ou en cas de refus"),
            "art. 51: no answer within a month or a refusal, then the CNIL"
        );
        assert!(
            l.text.contains("[Ville], le 29 novembre 2026")
                && l.text
                    .contains("délégué à la protection des données de Instagram"),
            "dated as people write it, to the platform"
        );
        assert!(
            l.text
                .contains("https://www.instagram.com/p/Cxyz123/c/1790/"),
            "the content's exact address"
        );
    }

    let dsa = platform_report(b.view.item(2).unwrap(), true, Lang::Fr);
    assert!(
        dsa.contains(
            "Emplacement exact du contenu\u{a0}: https://www.instagram.com/p/Cxyz123/c/1790/"
        ),
        "DSA 16(2)(b): the exact location"
    );
    assert!(
        dsa.contains("Injure ou diffamation publique"),
        "DSA 16(2)(a): reasons that fit the content"
    );
    assert!(
        dsa.contains("bonne foi"),
        "DSA 16(2)(d): the statement of good faith"
    );

    for text in every_text(&g)
        .iter()
        .chain([&proc.text, &minor_letter.text])
    {
        assert_french_typography(text, "guide and letters");
    }
}

// 2. A threatening e-mail to an adult. ----------------------------------------------------------

#[test]
fn a_threatening_email_to_an_adult() {
    let b = build(
        false,
        false,
        "",
        vec![Shot {
            name: Some("Max"),
            handle: Some("max.r@example.fr"),
            text: "Je sais où tu habites. Fais attention en rentrant ce soir.",
            published: Some("2026-11-26T18:02:00.000Z"),
            categories: &[Category::Threat],
            ..shot(
                "https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJ",
                "gmail",
                "email",
            )
        }],
    );
    let g = guide(&b, None, Lang::Fr);
    assert!(
        g.situation.private && !g.situation.public,
        "an e-mail is private"
    );
    assert!(
        g.pharos.is_empty() && !ids(&g).contains(&"pharos"),
        "PHAROS takes public content, not a private e-mail"
    );
    let why = g.adults.iter().find(|a| a.id == "pharos-not-here").unwrap();
    assert!(
        why.text.contains("commissariat") && why.text.contains("17Cyber"),
        "private messages from someone you know: the police or 17Cyber"
    );
    assert!(
        g.notices.is_empty(),
        "no public-content notice for a private e-mail"
    );
    assert!(
        ids(&g).contains(&"keep-emails-adult") && g.now.iter().any(|a| a.id == "keep-emails"),
        "the seed: keep the original e-mails"
    );
    assert!(
        !g.deadlines.press_clock_open(),
        "a threat tagged as such starts no press-law clock"
    );
    assert!(
        g.deadlines
            .clocks
            .iter()
            .any(|c| c.kind == ClockKind::Offence6Years),
        "art. 8 CPP: a threat is a délit, 6 years"
    );

    let t = &letter(&b, "procureur", Writer::Minor, None)[0].text;
    assert!(
        t.contains("Objet\u{a0}: plainte pour menaces"),
        "one threatening e-mail is a threat"
    );
    assert!(
        t.contains("art. 222-17") && !t.contains("222-33-2-2"),
        "art. 222-17: one written threat is enough; not harassment"
    );
    assert!(
        t.contains("Max <max.r@example.fr> a envoyé l'e-mail suivant"),
        "the sender as the page names them, never '@x@y.fr'"
    );
    assert!(!t.contains("@max.r@example.fr"), "never '@x@y.fr'");
    assert!(
        !t.contains("mail.google.com"),
        "never the victim's own mailbox as the content's address"
    );
    assert!(
        t.contains("Je soussigné(e) [prénom et nom], né(e) le [date] à [lieu]")
            && !t.contains("représentant légal"),
        "an adult writes for themselves"
    );
    let email_dsa = platform_report(b.view.item(2).unwrap(), false, Lang::Fr);
    assert!(
        !email_dsa.contains("mail.google.com") && email_dsa.contains("message privé"),
        "DSA text: never the victim's mailbox"
    );
}

// 3. Racist comments on YouTube. ------------------------------------------------------------------

#[test]
fn racist_comments_on_youtube() {
    let b = build(
        false,
        false,
        "Samir",
        vec![
            Shot {
                handle: Some("@troll_un"),
                text: "[propos racistes]",
                published: Some("2026-11-20T10:00:00Z"),
                categories: &[Category::Hate],
                ..shot(
                    "https://www.youtube.com/watch?v=abcdefghijk&lc=Ugx1",
                    "youtube",
                    "comment",
                )
            },
            Shot {
                handle: Some("@troll_deux"),
                text: "[autres propos racistes]",
                published: Some("2026-11-21T10:00:00Z"),
                categories: &[Category::Hate],
                ..shot(
                    "https://www.youtube.com/watch?v=abcdefghijk&lc=Ugx2",
                    "youtube",
                    "comment",
                )
            },
        ],
    );
    let g = guide(&b, None, Lang::Fr);
    let year: Vec<_> = g
        .deadlines
        .clocks
        .iter()
        .filter(|c| c.kind == ClockKind::Press1Year)
        .collect();
    assert_eq!(
        year.len(),
        2,
        "art. 65-3: one clock per discriminatory comment, 1 year"
    );
    assert_eq!(
        year[0].until, "2027-11-19",
        "1 year from the publication, the day before as the last day"
    );
    assert!(
        g.deadlines
            .clocks
            .iter()
            .any(|c| c.kind == ClockKind::Harassment6Years),
        "two acts: harassment's repetition (raid by several people, art. 222-33-2-2 b)"
    );
    assert!(
        ids(&g).contains(&"pharos") && ids(&g).contains(&"pointdecontact"),
        "PHAROS takes public hate content"
    );
    assert_eq!(g.pharos.len(), 2, "one PHAROS text per comment");
    assert!(
        g.pharos[0].text.contains("haine ou discrimination")
            && g.pharos[0]
                .text
                .contains("20 novembre 2026 à 11\u{a0}h\u{a0}00 (UTC+01:00)"),
        "PHAROS fields: category and publication time"
    );
    let t = &letter(&b, "procureur", Writer::Minor, None)[0].text;
    assert!(
        t.contains("à caractère discriminatoire") && t.contains("222-33-2-2"),
        "discriminatory insult and harassment by several people"
    );
    assert!(
        t.contains("@troll_un sur YouTube") && t.contains("@troll_deux sur YouTube"),
        "each account, once, as the page names it"
    );
    assert_eq!(g.notices.len(), 2, "a DSA text per public comment");
    assert!(
        g.notices[0].text.contains("discriminatoire"),
        "DSA 16(2)(a): the reason fits the content"
    );
}

// 4. A sexual image of a minor shared on Snapchat. -------------------------------------------------

#[test]
fn a_sexual_image_of_a_minor_shared_on_snapchat() {
    let b = build(
        true,
        false,
        "Inès",
        vec![Shot {
            handle: Some("snap_anonyme"),
            text: "Si tu m'envoies pas d'autres photos je la montre à tout le collège",
            categories: &[Category::IntimateImages],
            ..shot("https://web.snapchat.com/7c3a", "snapchat", "message")
        }],
    );
    let g = guide(&b, None, Lang::Fr);
    let alert = g
        .alert
        .as_ref()
        .expect("art. 227-23: an alert before anything else");
    assert_eq!(alert.kind, "minor-sexual-image");
    assert!(
        alert.lines[0].contains("227-23") && alert.lines[0].contains("ne fais pas de capture"),
        "art. 227-23: recording or keeping the image is itself an offence"
    );
    assert!(
        alert.lines.iter().any(|l| l.contains("ne paie pas")),
        "sextortion: don't pay (cybermalveillance)"
    );
    assert!(
        alert.lines.iter().any(|l| l.contains("17")),
        "the police first"
    );
    assert_eq!(
        alert.delete_files_of,
        vec![2],
        "offer to delete the image files, keeping the record"
    );
    assert!(
        ids(&g).contains(&"pharos") && g.pharos[0].text.contains("image sexuelle d'un mineur"),
        "PHAROS takes sexual content involving a minor, even in private messages"
    );
    assert!(
        g.now
            .iter()
            .any(|a| a.id == "tell-an-adult" && a.text.contains("PHAROS")),
        "where PHAROS is offered, the young person is told they may use it themselves"
    );
    assert!(
        ids(&g).contains(&"takeitdown") && !ids(&g).contains(&"stopncii"),
        "Take It Down for images taken under 18, not StopNCII"
    );
    assert!(
        g.now
            .iter()
            .any(|a| a.text.contains("jamais l'image intime elle-même")),
        "capture the messages, never the image"
    );
    let six = g
        .deadlines
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::Offence6Years)
        .unwrap();
    let longer = g
        .deadlines
        .notes
        .iter()
        .find(|n| n.kind == "minor-victim-longer")
        .expect("the note on minors' longer limits");
    assert!(
        longer.message.contains("à confirmer avec un avocat"),
        "art. 8 al. 2 CPP: the longer limit for minors is not confirmed for this offence"
    );
    assert_eq!(
        six.starts_from,
        StartsFrom::CaptureDate,
        "no publication time: the capture date stands in, and says so"
    );
    assert!(
        six.message.contains("la date de publication est inconnue"),
        "which date stands in for which"
    );
    let t = &letter(&b, "procureur", Writer::Parent, None)[0].text;
    assert!(
        t.contains("art. 227-23") && t.contains("art. 226-2-1"),
        "the letter cites 227-23 and 226-2-1"
    );
    assert!(!t.contains("222-33-2-2"), "one message is not harassment");
    // A public post of the same kind: the DSA notice's name and e-mail are optional.
    let public = build(
        true,
        false,
        "Inès",
        vec![Shot {
            categories: &[Category::IntimateImages],
            ..shot("https://www.instagram.com/p/Cimg/", "instagram", "post")
        }],
    );
    let dsa = platform_report(public.view.item(2).unwrap(), true, Lang::Fr);
    assert!(
        dsa.contains("facultatif pour ce type de contenu, art. 16(2)(c)"),
        "DSA 16(2)(c): name and e-mail optional for child sexual abuse content"
    );
}

// 5. An 8-month harassment campaign on X, with posts old and new. --------------------------------

#[test]
fn an_eight_month_campaign_on_x_with_old_and_new_posts() {
    let post = |url, published, text| Shot {
        name: Some("Pie Bavarde"),
        handle: Some("pie_bavarde"),
        text,
        published,
        categories: &[Category::Insult],
        ..shot(url, "x", "post")
    };
    let b = build(
        false,
        false,
        "Camille",
        vec![
            post(
                "https://x.com/pie_bavarde/status/1",
                Some("2026-03-20T09:00:00Z"),
                "premier message",
            ),
            post(
                "https://x.com/pie_bavarde/status/2",
                Some("2026-06-10T09:00:00Z"),
                "deuxième message",
            ),
            post(
                "https://x.com/pie_bavarde/status/3",
                Some("2026-11-20T09:00:00Z"),
                "dernier message",
            ),
            Shot {
                captured: "2026-11-25T08:00:00.000Z",
                ..post(
                    "https://x.com/pie_bavarde/status/4",
                    None,
                    "message sans date",
                )
            },
        ],
    );
    let g = guide(&b, None, Lang::Fr);
    let press: Vec<_> = g
        .deadlines
        .clocks
        .iter()
        .filter(|c| c.kind == ClockKind::Press3Months)
        .collect();
    assert_eq!(
        press.len(),
        4,
        "one press-law clock per capture, never one for the whole case"
    );
    let old = press.iter().find(|c| c.entry == 2).unwrap();
    assert!(
        old.passed
            && old
                .message
                .contains("le dernier jour était le 19 juin 2026\u{a0}: ce délai est dépassé"),
        "what has passed is said, with its date"
    );
    assert!(
        old.message.contains("avocat"),
        "a passed clock points to other qualifications, with a lawyer"
    );
    let new = press.iter().find(|c| c.entry == 4).unwrap();
    assert!(
        !new.passed && new.days_left == 82 && new.until == "2027-02-19",
        "the post of last week is still open, with its days left"
    );
    let undated = press.iter().find(|c| c.entry == 5).unwrap();
    assert_eq!(
        undated.starts_from,
        StartsFrom::CaptureDate,
        "unknown publication: the capture date stands in"
    );
    assert!(
        undated.message.contains("a peut-être commencé plus tôt"),
        "and the clock may have started earlier"
    );
    assert!(
        !g.deadlines
            .clocks
            .iter()
            .position(|c| c.passed)
            .is_some_and(|p| g.deadlines.clocks[p..].iter().any(|c| !c.passed)),
        "open clocks first"
    );
    assert_eq!(
        g.deadlines.most_urgent().unwrap().entry,
        4,
        "the nearest open clock leads"
    );
    let h = g
        .deadlines
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::Harassment6Years)
        .unwrap();
    assert_eq!(
        (h.entry, h.until.as_str()),
        (5, "2032-11-24"),
        "harassment: 6 years from the last act (Cass. crim. 19 juin 2019)"
    );
    assert_eq!(h.entries, vec![2, 3, 4, 5], "every act counts");
    let t = &letter(&b, "procureur", Writer::Minor, None)[0].text;
    assert!(
        t.contains("Objet\u{a0}: plainte pour harcèlement en ligne"),
        "repeated acts: harassment"
    );
    assert!(
        t.find("premier message") < t.find("dernier message"),
        "the facts in chronological order"
    );
    assert!(
        t.contains("À une date de publication inconnue (capturée le 25 novembre 2026"),
        "an unknown date is said, never 'publié le il y a…'"
    );
    assert!(
        t.contains("Pièce n°\u{a0}4") && t.contains("Pièce n°\u{a0}5\u{a0}: le dossier complet"),
        "exhibits numbered 1…n, then the exported case with its control code"
    );
}

// 6. A case mixing three platforms. -----------------------------------------------------------------

#[test]
fn a_case_mixing_three_platforms() {
    let b = build(
        true,
        true,
        "Noé",
        vec![
            Shot {
                handle: Some("a1"),
                text: "insulte",
                published: Some("2026-11-10T10:00:00Z"),
                categories: &[Category::Insult],
                ..shot("https://x.com/a1/status/11", "x", "post")
            },
            Shot {
                handle: Some("@b2"),
                text: "menace",
                published: Some("2026-11-12T10:00:00Z"),
                categories: &[Category::Threat],
                ..shot(
                    "https://www.youtube.com/watch?v=zzzzzzzzzzz&lc=Ugy9",
                    "youtube",
                    "comment",
                )
            },
            Shot {
                handle: Some("c3@example.fr"),
                text: "encore",
                published: Some("2026-11-14T10:00:00Z"),
                categories: &[Category::Insult],
                ..shot(
                    "https://mail.google.com/mail/u/0/#inbox/abc",
                    "gmail",
                    "email",
                )
            },
        ],
    );
    let g = guide(&b, None, Lang::Fr);
    assert_eq!(
        g.situation.platforms,
        ["x", "youtube", "gmail"],
        "every platform of the case, not only the latest capture's"
    );
    for p in ["x", "youtube", "gmail"] {
        assert!(
            g.adults
                .iter()
                .any(|a| a.platform.as_deref() == Some(p) && a.step == 3),
            "report channels grouped by platform: {p}"
        );
    }
    let a = ids(&g);
    assert!(
        a.contains(&"letter-erasure-x")
            && a.contains(&"letter-erasure-youtube")
            && !a.contains(&"letter-erasure-gmail"),
        "one erasure request per platform with public content"
    );
    let erasures = letter(&b, "erasure", Writer::Parent, None);
    assert_eq!(erasures.len(), 2, "one erasure request per platform");
    let x = erasures
        .iter()
        .find(|l| l.platform.as_deref() == Some("x"))
        .unwrap();
    assert!(
        x.text.contains("x.com/a1/status/11") && !x.text.contains("youtube.com"),
        "each request carries only its own addresses"
    );
    assert!(x.text.contains("de X\n"), "addressed to its platform");
    let only_yt = letter(&b, "erasure", Writer::Parent, Some("youtube"));
    assert_eq!(only_yt.len(), 1, "one platform's request on demand");
    let t = &letter(&b, "procureur", Writer::Parent, None)[0].text;
    assert!(
        t.contains("(X, YouTube, Gmail)"),
        "the place of the facts names every platform"
    );
    assert!(
        t.contains("art. 222-33-2-3"),
        "harcèlement scolaire where the facts fit (authors from the same school)"
    );
    assert!(
        t.contains("Objet\u{a0}: plainte pour harcèlement scolaire"),
        "the object follows the offence"
    );
    assert!(
        t.contains("art. R621-1 et R621-2") && t.contains("art. 29, 32 et 33"),
        "a private insult and a public one are different offences"
    );
}

// Everywhere: one language per screen, words people read. ---------------------------------------

#[test]
fn one_language_per_screen_and_plain_reliability_words() {
    let b = instagram_insult();
    let fr = guide(&b, None, Lang::Fr);
    let en = guide(&b, None, Lang::En);
    let english = [" the ", " and ", " your ", "Report ", " with "];
    let french = [" le ", " les ", " vous ", " et ", " une "];
    for a in fr.adults.iter().chain(&fr.now).chain(&fr.helplines) {
        for w in english {
            assert!(
                !format!(" {} ", a.text).contains(w),
                "French screen, English words ({w}) in {}: {}",
                a.id,
                a.text
            );
        }
        assert!(
            ["vérifié", "à confirmer"].contains(&a.status_label.as_str()),
            "reliability said in words, not letters: {}",
            a.status_label
        );
    }
    for a in en.adults.iter().chain(&en.now).chain(&en.helplines) {
        for w in french {
            assert!(
                !format!(" {} ", a.text).contains(w),
                "English screen, French words ({w}) in {}: {}",
                a.id,
                a.text
            );
        }
        assert!(["verified", "to be confirmed"].contains(&a.status_label.as_str()));
    }
    for text in every_text(&en) {
        assert!(
            !text.contains('\u{a0}') || text.contains("(UTC"),
            "no French spacing in English: {text:?}"
        );
    }
}

#[test]
fn untagged_public_content_is_warned_by_default() {
    let b = build(
        false,
        false,
        "",
        vec![Shot {
            text: "un message public",
            published: Some("2026-11-28T08:00:00Z"),
            ..shot(
                "https://www.reddit.com/r/france/comments/1abcde/t/kx9/",
                "reddit",
                "comment",
            )
        }],
    );
    let d = deadlines(&b.view, TODAY, false, Lang::Fr);
    let c = &d.clocks[0];
    assert!(
        c.kind == ClockKind::Press3Months && c.conditional,
        "untagged public content: the 3-month warning shows until the user says what it is"
    );
    assert!(
        c.message
            .starts_with("Si ce contenu est une injure ou une diffamation"),
        "and it says it is conditional"
    );
    let private = build(
        false,
        false,
        "",
        vec![shot(
            "https://www.instagram.com/direct/t/123/",
            "instagram",
            "message",
        )],
    );
    let d = deadlines(&private.view, TODAY, false, Lang::Fr);
    assert_eq!(
        d.clocks[0].kind,
        ClockKind::PrivateInsult3Months,
        "a private insult has a 3-month clock too (art. 65, Cass. crim. 1964)"
    );
}

// What the report claims, and what it shows of the record. --------------------------------------

fn report(b: &Built, lang: Lang, present: &[&str]) -> String {
    use temoin_core::bundle::Manifest;
    use temoin_docs::report::html::{render, ReportInput};
    let manifest = Manifest {
        format: "temoin-bundle".into(),
        format_version: 1,
        case_id: "case".into(),
        exported_at: "2026-11-29T09:00:00.000Z".into(),
        generator: "Témoin 0.1.0".into(),
        language: lang.tag().into(),
        head: b.entries.last().unwrap().head(),
        entries: b.entries.len() as u32,
    };
    let present = present.iter().map(|s| (*s).to_owned()).collect();
    render(&ReportInput {
        view: &b.view,
        manifest: &manifest,
        present: &present,
        fallback_title: None,
        lang,
    })
}

#[test]
fn the_report_qualifies_its_claim_and_shows_the_record() {
    // The capture's environment and notices as the worker records them, and no post read.
    let b = with_capture(instagram_insult(), |capture| {
        capture.environment = Some(Environment {
            browser: "Chromium".into(),
            browser_version: "156.0".into(),
            os: "Linux x86_64".into(),
            time_zone: "Europe/Paris".into(),
            local_time: "2026-11-28T11:00:00.000+01:00".into(),
            ..Environment::default()
        });
        capture.notices = vec!["mhtml-unavailable".into(), "post-crop-clipped".into()];
        capture.post = None;
    });

    let html = report(&b, Lang::Fr, &["captures/000002/screenshot-visible.png"]);
    let condition = html
        .find("comparez d&#39;abord le code de contrôle à celui noté")
        .expect("the claim of integrity comes with its condition");
    let claim = html
        .find("rien n&#39;a changé depuis l&#39;export")
        .expect("what the checks show");
    assert!(
        condition < claim,
        "the condition, the control code written down elsewhere, comes first (issue: what the report claims)"
    );
    assert!(
        html.contains("certutil -hashfile")
            && html.contains("Get-FileHash")
            && html.contains("sha256sum -c SHA256SUMS"),
        "how to check on Linux, macOS and Windows, in one paragraph"
    );
    assert!(
        html.contains("Chromium 156.0")
            && html.contains("Linux x86_64")
            && html.contains("Europe/Paris"),
        "browser, OS and time zone from the record"
    );
    assert!(
        html.contains("28 novembre 2026 à 11\u{a0}h\u{a0}00 (UTC+01:00) — 2026-11-28 10:00:00 UTC"),
        "local time with UTC beside it"
    );
    assert!(
        html.contains("Ce navigateur ne fait pas d&#39;archive MHTML")
            && html.contains("sa découpe est partielle"),
        "notices in the report's language"
    );
    assert!(
        !html.contains("tabs.captureVisibleTab"),
        "no English method string in a French report"
    );
    assert!(
        html.contains("<dt>Plateforme</dt><dd>Instagram</dd>"),
        "the platform from the address when no post was read"
    );
    assert!(
        html.contains("src=\"captures/000002/screenshot-visible.png\""),
        "the screenshot is shown"
    );
    assert_eq!(html.matches("<h1>").count(), 1, "one h1");
    assert!(
        html.contains("<main>") && html.contains("class=\"skip\""),
        "a main landmark and a skip link"
    );
    assert!(html.contains("@page{size:A4"), "prints on A4");
    assert!(html.contains("prefers-color-scheme:dark"), "a dark scheme");

    // A sexual image of a minor: never reproduced, even if the file is in the bundle.
    let s = build(
        true,
        false,
        "Inès",
        vec![Shot {
            categories: &[Category::IntimateImages],
            ..shot("https://www.instagram.com/p/Cimg/", "instagram", "post")
        }],
    );
    let html = report(&s, Lang::En, &["captures/000002/screenshot-visible.png"]);
    assert!(
        !html.contains("<img"),
        "art. 227-23: the image is not reproduced in the report"
    );
    assert!(
        html.contains("Image not reproduced"),
        "and the report says why"
    );
}

// What the legal re-read found, kept fixed. ---------------------------------------------------------

#[test]
fn an_adult_victim_is_addressed_as_vous_with_adults_lines() {
    let b = build(
        false,
        false,
        "",
        vec![Shot {
            categories: &[Category::Threat],
            ..shot(
                "https://mail.google.com/mail/u/0/#inbox/x",
                "gmail",
                "email",
            )
        }],
    );
    let g = guide(&b, None, Lang::Fr);
    assert!(
        g.reassurance[0].starts_with("Vous avez bien fait"),
        "an adult is not told 'tu'"
    );
    let phones: Vec<&str> = g
        .helplines
        .iter()
        .filter_map(|h| h.phone.as_deref())
        .collect();
    assert_eq!(phones, ["17", "116006"], "adults' lines, not 3018 and 119");
    assert!(
        !g.now.iter().any(|a| a.id == "tell-an-adult"),
        "no 'even as a minor' to an adult"
    );
    assert!(
        g.now
            .iter()
            .all(|a| !a.text.contains(" tu ") && !a.title.ends_with("-le dans l'appli")),
        "the now-list in 'vous'"
    );
    // No case details yet: the guide speaks to a young person.
    let unknown = build(
        false,
        false,
        "",
        vec![shot("https://x.com/a/status/1", "x", "post")],
    );
    let mut entries = unknown.entries;
    entries.remove(0);
    let view = CaseView::build("case", &entries);
    let g = for_case(&view, &entries, None, "FR", TODAY, Lang::Fr);
    assert!(
        g.reassurance[0].starts_with("Tu as bien fait"),
        "until the case says otherwise, a young person"
    );
}

#[test]
fn hate_keeps_the_three_month_date_beside_the_year() {
    let b = build(
        false,
        false,
        "",
        vec![Shot {
            published: Some("2026-11-20T10:00:00Z"),
            categories: &[Category::Hate],
            ..shot(
                "https://www.youtube.com/watch?v=abcdefghijk&lc=Ugx1",
                "youtube",
                "comment",
            )
        }],
    );
    let d = deadlines(&b.view, TODAY, false, Lang::Fr);
    let three = d
        .clocks
        .iter()
        .find(|c| c.kind == ClockKind::Press3Months)
        .expect("art. 65-3's year may not hold: the 3 months stand beside it");
    assert!(
        three.conditional
            && three
                .message
                .starts_with("Si le caractère discriminatoire n'est pas retenu"),
        "said as conditional"
    );
    assert_eq!(
        d.clocks[0].kind,
        ClockKind::Press3Months,
        "the nearest date first"
    );
}

#[test]
fn a_private_insult_does_not_point_to_the_investigating_judge() {
    let b = build(
        false,
        false,
        "",
        vec![Shot {
            text: "insulte",
            categories: &[Category::Insult],
            ..shot(
                "https://www.instagram.com/direct/t/123/",
                "instagram",
                "message",
            )
        }],
    );
    let g = guide(&b, None, Lang::Fr);
    assert!(
        !ids(&g).contains(&"cpc"),
        "art. 85 CPP: no civil-party complaint for a contravention"
    );
    let w = g
        .adults
        .iter()
        .find(|a| a.id == "plainte-commissariat")
        .and_then(|a| a.warning.clone())
        .unwrap();
    assert!(
        w.contains("citation directe devant le tribunal de police"),
        "only a direct summons interrupts a private insult's clock"
    );
}

#[test]
fn blackmail_pharos_by_age_and_the_minor_writing_for_themselves() {
    let b = build(
        true,
        false,
        "Inès",
        vec![Shot {
            text: "envoie encore ou je publie",
            categories: &[Category::IntimateImages, Category::Threat],
            ..shot("https://web.snapchat.com/7c3a", "snapchat", "message")
        }],
    );
    let t = &letter(&b, "procureur", Writer::Minor, None)[0];
    assert!(
        t.text.contains("art. 312-10"),
        "a threat around intimate images is blackmail (sextortion)"
    );
    assert!(
        t.text.contains("dont je suis victime") && !t.text.contains("représentant légal"),
        "F1567: a minor may file themselves"
    );
    assert!(t
        .text
        .contains("images à caractère sexuel (diffusion ou menace de diffusion)"));
    assert!(
        t.warnings.iter().any(
            |w| w.contains("Le dossier exporté ne contient pas les images")
                && w.contains("le code qu'elle cite doit être celui du dossier joint")
        ),
        "the case sent must never hold the image"
    );
    let g = guide(&b, None, Lang::Fr);
    assert!(
        g.pharos[0]
            .text
            .contains("l'image elle-même n'est pas jointe"),
        "PHAROS is told the image is not attached"
    );
    let adult = build(
        false,
        false,
        "",
        vec![Shot {
            categories: &[Category::IntimateImages, Category::Threat],
            ..shot("https://x.com/a/status/9", "x", "post")
        }],
    );
    let g = guide(&adult, None, Lang::Fr);
    assert!(
        !g.pharos[0].text.contains("mineur"),
        "an adult's images are not filed as child abuse"
    );
}

#[test]
fn the_pages_strings_exist_in_both_languages_with_french_typography() {
    let read = |lang: &str| -> serde_json::Map<String, serde_json::Value> {
        let path = format!(
            "{}/../../_locales/{lang}/messages.json",
            env!("CARGO_MANIFEST_DIR")
        );
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let (fr, en) = (read("fr"), read("en"));
    let missing: Vec<&String> = fr
        .keys()
        .filter(|k| !en.contains_key(*k))
        .chain(en.keys().filter(|k| !fr.contains_key(*k)))
        .collect();
    assert!(
        missing.is_empty(),
        "one language per screen needs every string in both: {missing:?}"
    );
    for (key, value) in &fr {
        let text = value["message"].as_str().unwrap();
        assert_french_typography(text, key);
    }
    for (key, value) in &en {
        let text = value["message"].as_str().unwrap();
        assert!(
            !text.contains("\u{a0}:") && !text.contains('«'),
            "French spacing in English ({key}): {text:?}"
        );
    }
}

#[test]
fn the_report_names_each_category_as_the_person_chose_it() {
    // A category is what the person ticked, not a legal qualification: the report prints the
    // same word as the journal's checkbox.
    for (lang, tag) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        let path = format!(
            "{}/../../_locales/{tag}/messages.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let messages: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for (code, name) in temoin_docs::report::words(lang).category_names {
            let key = format!("category_{}", code.replace('-', "_"));
            assert_eq!(
                messages[&key]["message"].as_str(),
                Some(name),
                "{tag}: the report's name for {code} is the journal's {key}"
            );
        }
    }
}

/// The capture of entry 2 of `b`, as recorded.
fn capture_of(b: &Built) -> Capture {
    let EventBody::Capture(capture) = temoin_core::journal::parse_event(&b.entries[1].json)
        .unwrap()
        .body
    else {
        panic!("entry 2 is a capture")
    };
    capture
}

/// `b` with its capture (entry 2) changed by `edit` and sealed again, as the worker would have
/// written it (any later entry dropped).
fn with_capture(mut b: Built, edit: impl FnOnce(&mut Capture)) -> Built {
    let mut capture = capture_of(&b);
    edit(&mut capture);
    b.entries.truncate(1);
    b.entries.push(
        seal(
            &b.entries[0].head(),
            "case",
            "2026-11-28T12:00:00.000Z",
            EventBody::Capture(capture),
        )
        .unwrap(),
    );
    b.view = CaseView::build("case", &b.entries);
    b
}

/// `b` with its capture (entry 2) recorded with `notices`, as the worker writes them.
fn with_capture_notices(b: Built, notices: &[&str]) -> Built {
    with_capture(b, |c| {
        c.notices = notices.iter().map(|n| (*n).to_owned()).collect()
    })
}

#[test]
fn a_post_cut_off_in_its_image_is_said_just_after_the_capture() {
    let messages: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../_locales/fr/messages.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let option_label = messages["optionsFullPage"]["message"].as_str().unwrap();
    let settings = messages["navOptions"]["message"].as_str().unwrap();
    // The card, right after « keep the evidence first », for one capture's notices.
    let card = |notices: &[&str], lang: Lang| {
        let cut = with_capture_notices(instagram_insult(), notices);
        let g = guide(&cut, Some(2), lang);
        // The whole case's guide is not the moment.
        assert!(!guide(&cut, None, lang)
            .now
            .iter()
            .any(|a| a.id == "capture-again-whole"));
        let now: Vec<&str> = g.now.iter().map(|a| a.id.as_str()).collect();
        let at = now.iter().position(|id| *id == "capture-again-whole")?;
        assert_eq!(
            now.get(at - 1),
            Some(&"capture-first"),
            "{notices:?}: right after 'keep the evidence first' ({now:?})"
        );
        Some(g.now[at].clone())
    };

    // The full-page option was off: the card names it, as the settings page does.
    let off = card(&["full-page-off", "post-crop-clipped"], Lang::Fr).unwrap();
    assert_french_typography(&off.text, "capture again");
    assert_eq!(off.title, "Le message est coupé sur l'image");
    assert!(
        off.text.contains("capture-le encore une fois")
            && off
                .text
                .contains("La première capture reste dans le dossier"),
        "{}",
        off.text
    );
    let named = off
        .text
        .split('«')
        .nth(1)
        .unwrap()
        .split('»')
        .next()
        .unwrap();
    assert!(
        option_label.starts_with(named.trim_matches('\u{a0}')),
        "{named:?} is the option {option_label:?}"
    );
    assert!(
        off.text.contains(&format!("les {settings} de Témoin")),
        "the settings named as the page's link names them ({settings:?})"
    );
    assert!(card(&["full-page-off", "post-crop-clipped"], Lang::En)
        .unwrap()
        .text
        .contains("capture it once more"));

    // The option was on: the post lay past the full page's end; ticking it would not help.
    let on = card(&["post-crop-clipped", "full-page-capped"], Lang::Fr).unwrap();
    assert_french_typography(&on.text, "capture again, full page on");
    assert!(!on.text.contains(named), "{}", on.text);
    assert!(
        on.text
            .contains("l'image de la page entière s'arrête avant lui"),
        "{}",
        on.text
    );

    // Posts of a selection: their words, authors and addresses are kept; their pictures are
    // got one by one (a new selection would crop them from the same full page).
    let selection = |notices: &[&str], mode: &str| {
        let b = with_capture(with_capture_notices(instagram_insult(), notices), |c| {
            c.collection = Some(temoin_core::model::Collection {
                mode: mode.into(),
                scope: if mode == "conversation" {
                    "loaded"
                } else {
                    "replies"
                }
                .into(),
                ..Default::default()
            });
            c.items = (1..=2)
                .map(|n| temoin_core::model::Item {
                    n,
                    post: Post {
                        text: Some(format!("réponse {n}")),
                        ..Default::default()
                    },
                    crop: None,
                })
                .collect();
        });
        guide(&b, Some(2), Lang::Fr)
            .now
            .into_iter()
            .find(|a| a.id == "capture-again-whole")
    };
    let items = selection(&["item-crop-clipped", "full-page-capped"], "selection").unwrap();
    assert_french_typography(&items.text, "capture again, items");
    assert_eq!(items.title, "Des messages sont coupés sur les images");
    assert!(
        items.text.contains("sont bien gardés") && items.text.contains("un par un"),
        "{}",
        items.text
    );
    // A selection's right-clicked post, or a conversation's, is not what the card is about.
    assert!(selection(&["post-crop-clipped", "full-page-off"], "selection").is_none());
    assert!(selection(&["post-crop-clipped", "item-crop-clipped"], "conversation").is_none());

    // Never about an intimate image: it is not to be captured again.
    let mut intimate =
        with_capture_notices(instagram_insult(), &["full-page-off", "post-crop-clipped"]);
    intimate.entries.push(
        seal(
            &intimate.entries[1].head(),
            "case",
            "2026-11-28T12:01:00.000Z",
            EventBody::Categories(temoin_core::model::Categories {
                entry: 2,
                categories: vec![Category::IntimateImages],
            }),
        )
        .unwrap(),
    );
    intimate.view = CaseView::build("case", &intimate.entries);
    assert!(intimate
        .view
        .item(2)
        .unwrap()
        .categories
        .contains(&Category::IntimateImages));
    assert!(!guide(&intimate, Some(2), Lang::Fr)
        .now
        .iter()
        .any(|a| a.id == "capture-again-whole"));

    // A capture whose post is whole in its picture: nothing said.
    assert!(card(&["mhtml-unavailable"], Lang::Fr).is_none());
    assert!(card(&["full-page-off"], Lang::Fr).is_none());

    // Once the same post was captured again with its crop whole, the first capture's guide
    // says no more; a later capture of it with no crop, or of another post, does not count.
    let recaptured = |permalink: Option<&str>, text: &str, crop: bool| {
        let mut b = with_capture(instagram_insult(), |first| {
            first.notices = vec!["full-page-off".into(), "post-crop-clipped".into()];
            let post = first.post.as_mut().unwrap();
            post.permalink = None;
            post.text = Some("T'es vraiment une grosse nulle, personne te supporte".into());
        });
        let mut again = capture_of(&b);
        let post = again.post.as_mut().unwrap();
        post.permalink = permalink.map(str::to_owned);
        post.text = Some(text.into());
        again.notices = vec!["full-page-off".into()];
        again.artifacts.retain(|a| a.name != "screenshot-post.png");
        if crop {
            again.artifacts.push(temoin_core::model::Artifact {
                name: "screenshot-post.png".into(),
                media_type: "image/png".into(),
                size: 4,
                sha256: temoin_core::digest::sha256_hex(b"crop"),
                method: "crop of screenshot-visible.png to the post's box".into(),
            });
        }
        let next = seal(
            &b.entries[1].head(),
            "case",
            "2026-11-28T12:05:00.000Z",
            EventBody::Capture(again),
        )
        .unwrap();
        b.entries.push(next);
        b.view = CaseView::build("case", &b.entries);
        guide(&b, Some(2), Lang::Fr)
            .now
            .iter()
            .any(|a| a.id == "capture-again-whole")
    };
    let same = "T'es vraiment une grosse nulle, personne te supporte";
    assert!(!recaptured(None, same, true), "the same post, whole: done");
    assert!(
        recaptured(None, same, false),
        "the same post with no crop: not done"
    );
    assert!(
        recaptured(None, "un autre message", true),
        "another post of the page"
    );
    assert!(
        recaptured(None, "", true),
        "a post without words is no match"
    );
}

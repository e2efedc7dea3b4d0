//! How documents say what a capture of several items holds and how it was gathered: the
//! report, the letters and `temoin inspect` read these same sentences.

use temoin_core::lang::Lang;
use temoin_core::model::{Capture, Collection, Pane};
use temoin_core::view::ItemsSummary;

use temoin_core::time::human_date;

use super::number;

/// How the items were gathered, as one phrase: « Conversation remontée jusqu'à son début
/// (aussi loin que l'application le permet) », « Toutes les réponses sous un message ».
pub fn gathered(c: &Collection, lang: Lang) -> String {
    let since = c.since.as_deref().map_or_else(
        || "?".to_owned(),
        |d| temoin_core::time::parse_date(d).map_or_else(|| d.to_owned(), |d| human_date(d, lang)),
    );
    match (c.mode.as_str(), c.scope.as_str()) {
        ("conversation", "since") => lang.pick(
            format!("Messages depuis le {since}"),
            format!("Messages since {since}"),
        ),
        ("conversation", _) => lang.pick(
            "Conversation remontée jusqu'à son début (aussi loin que l'application le permet)"
                .into(),
            "Conversation scrolled back to its start (as far as the app allows)".into(),
        ),
        (_, "replies") => lang.pick(
            "Toutes les réponses sous un message".into(),
            "Every reply under one post".into(),
        ),
        (_, "author") => lang.pick(
            "Tous les messages d'un même auteur sur la page".into(),
            "Every post of one author on the page".into(),
        ),
        _ => lang.pick(
            "Messages cochés un par un".into(),
            "Posts ticked one by one".into(),
        ),
    }
}

/// What the capture holds, counted: « Conversation avec Max — 42 messages », « 60 réponses de
/// 25 comptes ».
pub fn summary(s: &ItemsSummary, lang: Lang) -> String {
    let n = number(u64::from(s.count), lang);
    let messages = if s.count == 1 {
        "1 message".to_owned()
    } else {
        format!("{n} messages")
    };
    if s.mode == "conversation" {
        return match (&s.with, lang) {
            (Some(w), Lang::Fr) => format!("Conversation avec {w} — {messages}"),
            (Some(w), Lang::En) => format!("Conversation with {w} — {messages}"),
            (None, Lang::Fr) => format!("Conversation — {messages}"),
            (None, Lang::En) => format!("Conversation — {messages}"),
        };
    }
    let what = match (s.scope.as_str(), s.count, lang) {
        ("replies", 1, Lang::Fr) => "1 réponse".to_owned(),
        ("replies", 1, Lang::En) => "1 reply".to_owned(),
        ("replies", _, Lang::Fr) => format!("{n} réponses"),
        ("replies", _, Lang::En) => format!("{n} replies"),
        (_, _, _) => messages,
    };
    let a = number(u64::from(s.authors), lang);
    match (s.authors, lang) {
        (0, _) => what,
        (1, Lang::Fr) => format!("{what} d'un seul compte"),
        (1, Lang::En) => format!("{what} from one account"),
        (_, Lang::Fr) => format!("{what} de {a} comptes"),
        (_, Lang::En) => format!("{what} from {a} accounts"),
    }
}

/// The scrolled pane, when it tells something the reader must know: its image stopped at
/// the cap, or the start asked for was not reached.
pub fn pane(p: &Pane, lang: Lang) -> Option<String> {
    let px = |v: u32| number(u64::from(v), lang);
    let mut parts = Vec::new();
    if p.stitched_height < p.content_height {
        parts.push(lang.pick(
            format!(
                "l'image de la conversation s'arrête à {} pixels sur {} (plafond\u{a0}: {})\u{a0}; tous les messages ont quand même été relevés",
                px(p.stitched_height),
                px(p.content_height),
                px(p.cap)
            ),
            format!(
                "the conversation's image stops at {} pixels of {} (cap: {}); every message was still read",
                px(p.stitched_height),
                px(p.content_height),
                px(p.cap)
            ),
        ));
    }
    if !p.reached_start {
        parts.push(lang.pick(
            "le début demandé n'a pas été atteint\u{a0}: des messages plus anciens peuvent manquer".to_owned(),
            "the start asked for was not reached: older messages may be missing".to_owned(),
        ));
    }
    if parts.is_empty() {
        return None;
    }
    let mut s = parts.join(lang.pick("\u{a0}; ", "; "));
    if let Some(first) = s.get(..1) {
        s = first.to_uppercase() + &s[1..];
    }
    Some(s + ".")
}

/// One line for the capture's group: the count, how it was gathered, and the pane's limits.
pub fn heading(c: &Capture, s: &ItemsSummary, lang: Lang) -> String {
    let mut line = summary(s, lang);
    if let Some(col) = &c.collection {
        line.push_str(&format!(" · {}", gathered(col, lang)));
        if let Some(p) = col.pane.as_ref().and_then(|p| pane(p, lang)) {
            line.push_str(&format!(" · {p}"));
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(mode: &str, scope: &str, count: u32, authors: u32, with: Option<&str>) -> ItemsSummary {
        ItemsSummary {
            mode: mode.into(),
            scope: scope.into(),
            count,
            authors,
            with: with.map(str::to_owned),
            names: Vec::new(),
        }
    }

    #[test]
    fn a_raid_and_a_conversation_read_as_such() {
        assert_eq!(
            summary(&s("selection", "replies", 60, 25, None), Lang::Fr),
            "60 réponses de 25 comptes"
        );
        assert_eq!(
            summary(&s("selection", "replies", 60, 25, None), Lang::En),
            "60 replies from 25 accounts"
        );
        assert_eq!(
            summary(&s("conversation", "loaded", 42, 2, Some("Max")), Lang::Fr),
            "Conversation avec Max — 42 messages"
        );
        assert_eq!(
            summary(&s("selection", "author", 1, 1, None), Lang::En),
            "1 message from one account"
        );
        let c = Collection {
            mode: "conversation".into(),
            scope: "loaded".into(),
            ..Collection::default()
        };
        assert_eq!(
            gathered(&c, Lang::Fr),
            "Conversation remontée jusqu'à son début (aussi loin que l'application le permet)"
        );
        assert_eq!(
            gathered(&c, Lang::En),
            "Conversation scrolled back to its start (as far as the app allows)"
        );
        let since = Collection {
            scope: "since".into(),
            since: Some("2026-11-20".into()),
            ..c
        };
        assert_eq!(
            gathered(&since, Lang::Fr),
            "Messages depuis le 20 novembre 2026"
        );
        assert_eq!(
            gathered(&since, Lang::En),
            "Messages since 20 November 2026"
        );
    }

    #[test]
    fn the_pane_says_when_its_image_was_capped_or_the_start_missed() {
        let mut p = Pane {
            content_height: 24_000,
            stitched_height: 20_000,
            cap: 20_000,
            reached_start: true,
            image: None,
        };
        let fr = pane(&p, Lang::Fr).unwrap();
        assert!(
            fr.starts_with("L'image de la conversation s'arrête à 20"),
            "{fr}"
        );
        assert!(fr.contains("tous les messages ont quand même été relevés"));
        p.stitched_height = 24_000;
        assert_eq!(pane(&p, Lang::En), None);
        p.reached_start = false;
        assert_eq!(
            pane(&p, Lang::En).as_deref(),
            Some("The start asked for was not reached: older messages may be missing.")
        );
    }
}

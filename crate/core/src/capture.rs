//! Completing a capture record before it is sealed: what the addresses say about the
//! platform, the post and its author (never overriding what the page itself said), the
//! publication time read from what the page showed (kept beside it), and the statement of what
//! the capture proves.

use time::UtcOffset;

use crate::lang::Lang;
use crate::model::{Capture, Post, Statement};
use crate::platforms::{recognise, Kind};
use crate::time::{offset_of, parse_instant};

/// Fills the fields a URL determines and the page left empty (nothing is guessed: a value is
/// added only when an address of a known platform states it), and reads the publication times.
pub fn complete(mut capture: Capture, lang: Lang) -> Capture {
    let page = recognise(&capture.page.url);
    if capture.page.platform.is_none() {
        capture.page.platform = page.as_ref().map(|r| r.platform.clone());
    }
    let captured = parse_instant(&capture.captured_at);
    let zone = capture
        .environment
        .as_ref()
        .and_then(|e| offset_of(&e.local_time))
        .unwrap_or(UtcOffset::UTC);
    let page_lang = capture.page.lang.clone();
    if let Some(post) = capture.post.as_mut() {
        fill_from_urls(post, page.as_ref().map(|r| r.platform.as_str()));
        if let Some(parent) = post.parent.as_mut() {
            fill_from_urls(parent, page.as_ref().map(|r| r.platform.as_str()));
        }
        if let Some(captured) = captured {
            let cx = crate::when::Context {
                captured,
                zone,
                page_lang: page_lang.as_deref(),
            };
            post.read_publication(&cx);
            if let Some(parent) = post.parent.as_mut() {
                parent.read_publication(&cx);
            }
        }
    }
    let page_platform = page.as_ref().map(|r| r.platform.as_str());
    for item in &mut capture.items {
        fill_from_urls(&mut item.post, page_platform);
        if let Some(captured) = captured {
            let cx = crate::when::Context {
                captured,
                zone,
                page_lang: page_lang.as_deref(),
            };
            item.post.read_publication(&cx);
        }
    }
    capture.statement = Some(statement(&capture, lang));
    capture
}

fn fill_from_urls(post: &mut Post, page_platform: Option<&str>) {
    if let Some(r) = post.permalink.as_deref().and_then(recognise) {
        if post.platform.is_none() {
            post.platform = Some(r.platform.clone());
        }
        if post.platform.as_deref() == Some(r.platform.as_str()) {
            let id = match r.kind {
                Some(Kind::Comment) => r.comment_id.or(r.post_id),
                Some(Kind::Post | Kind::Message) => r.post_id,
                _ => None,
            };
            post.post_id = post.post_id.take().or(id);
            post.author_handle = post.author_handle.take().or(r.author_handle);
            post.author_id = post.author_id.take().or(r.author_id);
        }
    }
    if let Some(r) = post.author_url.as_deref().and_then(recognise) {
        if r.kind == Some(Kind::Profile) && post.platform.as_deref().is_none_or(|p| p == r.platform)
        {
            post.author_handle = post.author_handle.take().or(r.author_handle);
            post.author_id = post.author_id.take().or(r.author_id);
        }
    }
    if post.platform.is_none() {
        post.platform = page_platform.map(str::to_owned);
    }
}

fn statement(capture: &Capture, lang: Lang) -> Statement {
    let screenshot_only = capture.notices.iter().any(|n| n == "screenshot-only");
    let offset = capture
        .environment
        .as_ref()
        .and_then(|e| crate::time::offset_of(&e.local_time))
        .unwrap_or(time::UtcOffset::UTC);
    let when = crate::time::parse_instant(&capture.captured_at).map_or_else(
        || capture.captured_at.clone(),
        |t| crate::time::human_datetime(t, offset, lang),
    );
    let (proves, does_not_prove) = match lang {
        Lang::Fr => (
            if screenshot_only {
                format!("Cette capture montre l'écran tel que ce navigateur l'affichait le {when}, selon l'horloge de l'appareil (capture d'écran seule\u{a0}: la page ne pouvait pas être lue). Ses empreintes SHA-256 permettent de vérifier que ses fichiers n'ont pas changé depuis l'export du dossier, à condition que le code de contrôle de cet export ait été noté ailleurs à ce moment-là (ou, si la capture a été horodatée par une autorité indépendante, depuis cet horodatage).")
            } else {
                format!("Cette capture montre la page et son code tels que ce navigateur les affichait le {when}, selon l'horloge de l'appareil. Ses empreintes SHA-256 permettent de vérifier que ses fichiers n'ont pas changé depuis l'export du dossier, à condition que le code de contrôle de cet export ait été noté ailleurs à ce moment-là (ou, si la capture a été horodatée par une autorité indépendante, depuis cet horodatage).")
            },
            "Elle ne prouve pas que la page n'a pas été modifiée avant la capture, ni qui tient réellement le compte, et l'horloge de l'appareil n'est pas certifiée. Pour un enjeu important, un constat par un commissaire de justice fait foi jusqu'à preuve contraire devant le juge civil (au pénal, il vaut simple renseignement\u{a0}; le juge pénal apprécie librement toute preuve, cette capture comprise — art. 427 du code de procédure pénale).".to_owned(),
        ),
        Lang::En => (
            format!(
                "This capture shows {} as this browser displayed it on {when}, by the device's clock. Its SHA-256 fingerprints make it possible to check that its files have not changed since the case was exported, provided that export's control code was written down elsewhere at that time (or, if the capture was time-stamped by an independent authority, since that time stamp).",
                if screenshot_only { "the screen (screenshot only: the page could not be read)" } else { "the page and its code" },
            ),
            "It does not prove that the page was not edited before the capture, nor who really runs the account, and the device clock is not certified. When the stakes are high, a statement by a commissaire de justice (a French bailiff) is taken as true until proven otherwise before a civil court (before a criminal court it counts as information only; the criminal judge freely weighs all evidence, this capture included — art. 427 of the Code of Criminal Procedure).".to_owned(),
        ),
    };
    Statement {
        language: lang.tag().to_owned(),
        proves,
        does_not_prove,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Page;

    fn capture(url: &str, post: Option<Post>) -> Capture {
        Capture {
            page: Page {
                url: url.into(),
                title: "t".into(),
                ..Page::default()
            },
            captured_at: "2026-11-28T10:00:00.000Z".into(),
            post,
            ..Capture::default()
        }
    }

    #[test]
    fn fills_what_the_permalink_states() {
        let post = Post {
            permalink: Some("https://x.com/corbeau_noir/status/1790000000000000042".into()),
            text: Some("…".into()),
            ..Post::default()
        };
        let c = complete(capture("https://x.com/home", Some(post)), Lang::Fr);
        let p = c.post.unwrap();
        assert_eq!(p.platform.as_deref(), Some("x"));
        assert_eq!(p.post_id.as_deref(), Some("1790000000000000042"));
        assert_eq!(p.author_handle.as_deref(), Some("corbeau_noir"));
        assert_eq!(c.page.platform.as_deref(), Some("x"));
        assert_eq!(c.statement.unwrap().language, "fr");
    }

    #[test]
    fn never_overrides_what_the_page_said() {
        let post = Post {
            permalink: Some("https://www.reddit.com/r/france/comments/1abcde/t/kx9y8z7/".into()),
            author_handle: Some("from_the_page".into()),
            post_id: Some("t1_kx9y8z7".into()),
            ..Post::default()
        };
        let p = complete(
            capture("https://www.reddit.com/r/france/", Some(post)),
            Lang::En,
        )
        .post
        .unwrap();
        assert_eq!(p.author_handle.as_deref(), Some("from_the_page"));
        assert_eq!(p.post_id.as_deref(), Some("t1_kx9y8z7"));
        assert_eq!(p.platform.as_deref(), Some("reddit"));
    }

    #[test]
    fn guesses_nothing_on_unknown_sites() {
        let post = Post {
            text: Some("hello".into()),
            permalink: Some("https://blog.example/p/1".into()),
            ..Post::default()
        };
        let c = complete(capture("https://blog.example/p/1", Some(post)), Lang::En);
        let p = c.post.unwrap();
        assert_eq!((p.platform, p.post_id, p.author_handle), (None, None, None));
        assert_eq!(c.page.platform, None);
    }

    #[test]
    fn each_item_is_completed_like_the_post() {
        let mut c = capture("https://x.com/home", None);
        c.items = vec![crate::model::Item {
            n: 1,
            post: Post {
                permalink: Some("https://x.com/corbeau_noir/status/1790000000000000042".into()),
                published_at: Some("2026-11-28T09:00:00.000Z".into()),
                ..Post::default()
            },
            crop: None,
        }];
        let item = &complete(c, Lang::Fr).items[0].post;
        assert_eq!(item.author_handle.as_deref(), Some("corbeau_noir"));
        assert_eq!(item.published_utc.as_deref(), Some("2026-11-28T09:00:00Z"));
    }

    #[test]
    fn a_screenshot_only_capture_says_so() {
        let mut c = capture("chrome://settings", None);
        c.notices.push("screenshot-only".into());
        let s = complete(c, Lang::En).statement.unwrap();
        assert!(s.proves.contains("screenshot only"));
    }
}

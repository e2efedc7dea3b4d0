//! URL → platform, post id and author, from one table: every host each platform uses
//! (short links and mobile hosts included; shared/reference/recourses.md section 1A), and the
//! path shapes of its posts and profiles. Mastodon has no fixed host: it is recognised by the
//! shape of its paths on hosts no other platform claims.

use serde::Serialize;

/// How a URL's path and query are read. In a pattern, `{id}` `{handle}` `{author}` `{comment}`
/// capture a segment (`{id#}` digits only), `*` matches one segment, and a pattern matches
/// when its segments are a prefix of the URL's. `?k={id}` reads a query parameter.
struct Route {
    pattern: &'static str,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Post,
    Comment,
    Profile,
    ShortLink,
    Message,
}

pub struct Platform {
    pub id: &'static str,
    pub name: &'static str,
    /// A host matches itself and its subdomains.
    pub hosts: &'static [&'static str],
    routes: &'static [Route],
    /// Path segments that are pages of the site, never a user's handle.
    reserved: &'static [&'static str],
    /// A mail or messaging service: what it shows is private unless a route says it is a
    /// public post.
    pub messaging: bool,
    /// Path prefixes of private conversations on a platform that is otherwise public.
    private_paths: &'static [&'static str],
}

const fn r(pattern: &'static str, kind: Kind) -> Route {
    Route { pattern, kind }
}

use Kind::{Comment, Message, Post, Profile, ShortLink};

pub static PLATFORMS: &[Platform] = &[
    Platform {
        id: "x",
        name: "X",
        hosts: &["x.com", "twitter.com", "t.co"],
        routes: &[
            r("/i/web/status/{id#}", Post),
            r("/i/status/{id#}", Post),
            r("/{handle}/status/{id#}", Post),
            r("/{handle}/statuses/{id#}", Post),
            r("/{handle}", Profile),
        ],
        reserved: &[
            "home",
            "explore",
            "notifications",
            "messages",
            "i",
            "search",
            "settings",
            "compose",
            "hashtag",
            "intent",
            "share",
            "login",
            "signup",
            "tos",
            "privacy",
        ],
        messaging: false,
        private_paths: &["/messages", "/i/chat"],
    },
    Platform {
        id: "facebook",
        name: "Facebook",
        hosts: &["facebook.com", "fb.com", "fb.watch", "fb.me"],
        routes: &[
            r("/permalink.php?story_fbid={id}&id={author}", Post),
            r("/story.php?story_fbid={id}&id={author}", Post),
            r("/photo.php?fbid={id}", Post),
            r("/photo/?fbid={id}", Post),
            r("/watch/?v={id}", Post),
            r("/groups/*/posts/{id}", Post),
            r("/groups/*/permalink/{id}", Post),
            r("/reel/{id#}", Post),
            r("/share/p/{id}", ShortLink),
            r("/share/v/{id}", ShortLink),
            r("/profile.php?id={author}", Profile),
            r("/{handle}/posts/{id}", Post),
            r("/{handle}/videos/{id}", Post),
            r("/{handle}/photos/*/{id}", Post),
            r("/{handle}", Profile),
        ],
        reserved: &[
            "help",
            "groups",
            "watch",
            "reel",
            "share",
            "photo",
            "photo.php",
            "permalink.php",
            "story.php",
            "profile.php",
            "marketplace",
            "events",
            "pages",
            "login",
            "settings",
            "messages",
            "notifications",
            "friends",
            "gaming",
            "legal",
            "privacy",
            "policies",
        ],
        messaging: false,
        private_paths: &["/messages"],
    },
    Platform {
        id: "messenger",
        name: "Messenger",
        hosts: &["messenger.com", "m.me"],
        routes: &[r("/t/{id}", Message), r("/{handle}", Profile)],
        reserved: &["t", "help", "login", "e2ee"],
        messaging: true,
        private_paths: &[],
    },
    Platform {
        id: "instagram",
        name: "Instagram",
        hosts: &["instagram.com", "instagr.am"],
        routes: &[
            r("/p/{id}", Post),
            r("/reel/{id}", Post),
            r("/reels/{id}", Post),
            r("/tv/{id}", Post),
            r("/stories/{handle}/{id#}", Post),
            r("/{handle}/p/{id}", Post),
            r("/{handle}/reel/{id}", Post),
            r("/{handle}", Profile),
        ],
        reserved: &[
            "p",
            "reel",
            "reels",
            "tv",
            "stories",
            "explore",
            "direct",
            "accounts",
            "about",
            "legal",
            "developer",
            "emails",
        ],
        messaging: false,
        private_paths: &["/direct"],
    },
    Platform {
        id: "threads",
        name: "Threads",
        hosts: &["threads.net", "threads.com"],
        routes: &[r("/@{handle}/post/{id}", Post), r("/@{handle}", Profile)],
        reserved: &[],
        messaging: false,
        private_paths: &[],
    },
    Platform {
        id: "whatsapp",
        name: "WhatsApp",
        hosts: &["whatsapp.com", "wa.me"],
        routes: &[],
        reserved: &[],
        messaging: true,
        private_paths: &[],
    },
    Platform {
        id: "tiktok",
        name: "TikTok",
        hosts: &["tiktok.com", "tiktokv.com"],
        routes: &[
            r("/@{handle}/video/{id#}", Post),
            r("/@{handle}/photo/{id#}", Post),
            r("/embed/v2/{id#}", Post),
            r("/embed/{id#}", Post),
            r("/t/{id}", ShortLink),
            r("/@{handle}", Profile),
        ],
        reserved: &[],
        messaging: false,
        private_paths: &["/messages"],
    },
    Platform {
        id: "youtube",
        name: "YouTube",
        hosts: &["youtube.com", "youtu.be", "youtube-nocookie.com"],
        routes: &[
            r("/watch?v={id}&lc={comment}", Comment),
            r("/watch?v={id}", Post),
            r("/shorts/{id}", Post),
            r("/live/{id}", Post),
            r("/embed/{id}", Post),
            r("/post/{id}", Post),
            r("/channel/{author}", Profile),
            r("/@{handle}", Profile),
            r("/c/{handle}", Profile),
            r("/user/{handle}", Profile),
        ],
        reserved: &[],
        messaging: false,
        private_paths: &[],
    },
    Platform {
        id: "snapchat",
        name: "Snapchat",
        hosts: &["snapchat.com"],
        routes: &[
            r("/spotlight/{id}", Post),
            r("/t/{id}", ShortLink),
            r("/add/{handle}", Profile),
            r("/@{handle}", Profile),
        ],
        reserved: &[],
        messaging: true,
        private_paths: &[],
    },
    Platform {
        id: "discord",
        name: "Discord",
        hosts: &["discord.com", "discordapp.com", "discord.gg", "dis.gd"],
        routes: &[
            r("/channels/*/*/{id#}", Message),
            r("/users/{author}", Profile),
        ],
        reserved: &[],
        messaging: true,
        private_paths: &[],
    },
    Platform {
        id: "reddit",
        name: "Reddit",
        hosts: &["reddit.com", "redd.it", "redditmedia.com"],
        routes: &[
            r("/r/*/comments/{id}/*/{comment}", Comment),
            r("/r/*/comments/{id}", Post),
            r("/r/*/s/{id}", ShortLink),
            r("/comments/{id}", Post),
            r("/user/{handle}", Profile),
            r("/u/{handle}", Profile),
        ],
        reserved: &[],
        messaging: false,
        private_paths: &["/message", "/chat"],
    },
    Platform {
        id: "twitch",
        name: "Twitch",
        hosts: &["twitch.tv"],
        routes: &[
            r("/videos/{id#}", Post),
            r("/{handle}/clip/{id}", Post),
            r("/{handle}", Profile),
        ],
        reserved: &[
            "videos",
            "directory",
            "settings",
            "p",
            "downloads",
            "jobs",
            "search",
            "subscriptions",
            "inventory",
            "wallet",
            "drops",
        ],
        messaging: false,
        private_paths: &["/message"],
    },
    Platform {
        id: "linkedin",
        name: "LinkedIn",
        hosts: &["linkedin.com", "lnkd.in"],
        routes: &[
            r("/feed/update/{id}", Post),
            r("/posts/{id}", Post),
            r("/in/{handle}", Profile),
            r("/company/{handle}", Profile),
        ],
        reserved: &[],
        messaging: false,
        private_paths: &["/messaging"],
    },
    Platform {
        id: "telegram",
        name: "Telegram",
        hosts: &["t.me", "telegram.me", "telegram.org"],
        routes: &[
            r("/c/*/{id#}", Message),
            r("/s/{handle}/{id#}", Message),
            r("/{handle}/{id#}", Message),
            r("/{handle}", Profile),
        ],
        reserved: &["c", "s", "joinchat", "addstickers", "share", "k", "a", "z"],
        messaging: true,
        private_paths: &[],
    },
    Platform {
        id: "pinterest",
        name: "Pinterest",
        hosts: &[
            "pinterest.com",
            "pinterest.fr",
            "pinterest.ca",
            "pinterest.ch",
            "pinterest.co.uk",
            "pinterest.de",
            "pinterest.es",
            "pinterest.it",
            "pin.it",
        ],
        routes: &[r("/pin/{id}", Post), r("/{handle}", Profile)],
        reserved: &["pin", "search", "ideas", "today", "settings", "business"],
        messaging: false,
        private_paths: &[],
    },
    Platform {
        id: "tumblr",
        name: "Tumblr",
        hosts: &["tumblr.com"],
        routes: &[
            r("/post/{id#}", Post),
            r("/{handle}/{id#}", Post),
            r("/{handle}", Profile),
        ],
        reserved: &[
            "dashboard",
            "explore",
            "settings",
            "inbox",
            "tagged",
            "search",
            "post",
            "login",
            "register",
        ],
        messaging: false,
        private_paths: &[],
    },
    Platform {
        id: "bluesky",
        name: "Bluesky",
        hosts: &["bsky.app"],
        routes: &[
            r("/profile/{handle}/post/{id}", Post),
            r("/profile/{handle}", Profile),
        ],
        reserved: &[],
        messaging: false,
        private_paths: &["/messages"],
    },
    Platform {
        id: "kick",
        name: "Kick",
        hosts: &["kick.com"],
        routes: &[
            r("/{handle}/videos/{id}", Post),
            r("/{handle}/clips/{id}", Post),
            r("/{handle}", Profile),
        ],
        reserved: &["categories", "following", "browse", "search"],
        messaging: false,
        private_paths: &[],
    },
    Platform {
        id: "roblox",
        name: "Roblox",
        hosts: &["roblox.com"],
        routes: &[r("/users/{author}", Profile)],
        reserved: &[],
        messaging: false,
        private_paths: &[],
    },
    Platform {
        id: "steam",
        name: "Steam",
        hosts: &["steamcommunity.com", "steampowered.com"],
        routes: &[r("/id/{handle}", Profile), r("/profiles/{author}", Profile)],
        reserved: &[],
        messaging: false,
        private_paths: &[],
    },
    Platform {
        id: "wikipedia",
        name: "Wikipedia",
        hosts: &["wikipedia.org"],
        routes: &[r("/wiki/{id}", Post)],
        reserved: &[],
        messaging: false,
        private_paths: &[],
    },
    Platform {
        id: "jeuxvideo",
        name: "jeuxvideo.com",
        hosts: &["jeuxvideo.com"],
        routes: &[
            r("/forums/message/{id#}", Post),
            r("/profil/{handle}", Profile),
        ],
        reserved: &[],
        messaging: false,
        private_paths: &[],
    },
    Platform {
        id: "yubo",
        name: "Yubo",
        hosts: &["yubo.live"],
        routes: &[],
        reserved: &[],
        messaging: false,
        private_paths: &[],
    },
    Platform {
        id: "bereal",
        name: "BeReal",
        hosts: &["bereal.com", "bere.al"],
        routes: &[],
        reserved: &[],
        messaging: false,
        private_paths: &[],
    },
    Platform {
        id: "gmail",
        name: "Gmail",
        hosts: &["mail.google.com"],
        routes: &[],
        reserved: &[],
        messaging: true,
        private_paths: &[],
    },
    Platform {
        id: "outlook",
        name: "Outlook",
        hosts: &[
            "outlook.live.com",
            "outlook.office.com",
            "outlook.office365.com",
        ],
        routes: &[],
        reserved: &[],
        messaging: true,
        private_paths: &[],
    },
];

/// Mastodon's own path shapes, tried on hosts no platform of the table claims.
static MASTODON: Platform = Platform {
    id: "mastodon",
    name: "Mastodon",
    hosts: &[],
    routes: &[
        r("/@{handle}/{id#}", Post),
        r("/users/{handle}/statuses/{id#}", Post),
    ],
    reserved: &[],
    messaging: false,
    private_paths: &[],
};

/// What a URL says about a post.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Recognised {
    pub platform: String,
    pub platform_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author_handle: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author_id: Option<String>,
    /// True when only the shape of the path says so (Mastodon), not the host.
    pub heuristic: bool,
}

/// The host of an http(s) URL, lowercased, without port, credentials or a final dot.
fn host_of(url: &str) -> Option<(&str, String, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("https") && !scheme.eq_ignore_ascii_case("http") {
        return None;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host_port
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if host.is_empty() {
        return None;
    }
    let path_and_query = &rest[end..];
    Some((scheme, host, path_and_query))
}

fn host_matches(host: &str, pattern: &str) -> bool {
    host == pattern || host.strip_suffix(pattern).is_some_and(|p| p.ends_with('.'))
}

/// The platform whose table claims `host`.
pub fn platform_for_host(host: &str) -> Option<&'static Platform> {
    PLATFORMS
        .iter()
        .find(|p| p.hosts.iter().any(|h| host_matches(host, h)))
}

pub fn platform(id: &str) -> Option<&'static Platform> {
    PLATFORMS
        .iter()
        .chain(std::iter::once(&MASTODON))
        .find(|p| p.id == id)
}

fn decode(s: &str) -> String {
    // Percent-decoding of the few characters handles and ids may carry; anything else stays.
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

/// Whether an address is a private conversation: a path of a platform's private messages
/// (`instagram.com/direct/…`), or any page of a mail or messaging service that is not one of
/// its public post routes. Unknown addresses are not private.
pub fn is_private_address(url: &str) -> bool {
    let Some((_, host, rest)) = host_of(url) else {
        return false;
    };
    let Some(platform) = platform_for_host(&host) else {
        return false;
    };
    let path = rest.split(['?', '#']).next().unwrap_or("");
    let in_private_path = platform.private_paths.iter().any(|prefix| {
        path.strip_prefix(prefix)
            .is_some_and(|tail| tail.is_empty() || tail.starts_with('/'))
    });
    if in_private_path {
        return true;
    }
    platform.messaging
        && !matches!(
            recognise(url).and_then(|r| r.kind),
            Some(Kind::Post | Kind::Comment | Kind::Profile)
        )
}

pub fn recognise(url: &str) -> Option<Recognised> {
    let (_, host, rest) = host_of(url)?;
    let (path, query) = match rest.split_once('?') {
        Some((p, q)) => (p, q.split('#').next().unwrap_or("")),
        None => (rest.split('#').next().unwrap_or(""), ""),
    };
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let params: Vec<(&str, &str)> = query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .collect();

    let (platform, heuristic) = match platform_for_host(&host) {
        Some(p) => (p, false),
        None => (&MASTODON, true),
    };
    let mut found = Recognised {
        platform: platform.id.to_owned(),
        platform_name: platform.name.to_owned(),
        heuristic,
        ..Recognised::default()
    };
    // Short-link hosts carry the id as their only segment.
    let routes = if segments.len() == 1 && is_short_host(&host) {
        found.kind = Some(ShortLink);
        found.post_id = Some(decode(segments[0]));
        &[][..]
    } else {
        platform.routes
    };
    for route in routes {
        if let Some(captures) = match_route(route.pattern, &segments, &params) {
            let reserved = captures.iter().any(|(k, v)| {
                *k == "handle" && platform.reserved.iter().any(|r| r.eq_ignore_ascii_case(v))
            });
            if reserved {
                continue;
            }
            found.kind = Some(route.kind);
            for (k, v) in captures {
                let v = decode(v);
                match k {
                    "id" => found.post_id = Some(v),
                    "comment" => found.comment_id = Some(v),
                    "handle" => found.author_handle = Some(v.trim_start_matches('@').to_owned()),
                    "author" => found.author_id = Some(v),
                    _ => {}
                }
            }
            break;
        }
    }
    // A LinkedIn post slug ends with its activity id: ".../posts/name_text-activity-7123-AbCd".
    if platform.id == "linkedin" {
        if let Some(id) = found.post_id.as_deref().and_then(linkedin_activity) {
            found.post_id = Some(id);
        }
    }
    // On a host no platform claims, only a Mastodon path shape counts.
    if heuristic && found.kind.is_none() {
        return None;
    }
    Some(found)
}

fn is_short_host(host: &str) -> bool {
    [
        "t.co",
        "youtu.be",
        "redd.it",
        "vm.tiktok.com",
        "vt.tiktok.com",
        "fb.watch",
        "fb.me",
        "pin.it",
        "lnkd.in",
        "instagr.am",
        "bere.al",
        "dis.gd",
        "discord.gg",
        "clips.twitch.tv",
    ]
    .iter()
    .any(|h| host_matches(host, h))
}

fn linkedin_activity(slug: &str) -> Option<String> {
    let pos = slug.find("activity")?;
    let digits: String = slug[pos + "activity".len()..]
        .trim_start_matches(['-', ':'])
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() >= 10).then_some(digits)
}

fn match_route<'a>(
    pattern: &str,
    segments: &[&'a str],
    params: &[(&'a str, &'a str)],
) -> Option<Vec<(&'static str, &'a str)>> {
    let (path_pattern, query_pattern) = pattern.split_once('?').unwrap_or((pattern, ""));
    let wanted: Vec<&str> = path_pattern.split('/').filter(|s| !s.is_empty()).collect();
    if wanted.len() > segments.len() {
        return None;
    }
    let mut captures = Vec::new();
    for (w, s) in wanted.iter().zip(segments) {
        let (prefix, w) = match w.strip_prefix('@') {
            Some(rest) => ("@", rest),
            None => ("", *w),
        };
        let value = s.strip_prefix(prefix)?;
        if let Some(name) = w.strip_prefix('{').and_then(|n| n.strip_suffix('}')) {
            let (name, digits) = match name.strip_suffix('#') {
                Some(n) => (n, true),
                None => (name, false),
            };
            if value.is_empty() || (digits && !value.bytes().all(|b| b.is_ascii_digit())) {
                return None;
            }
            captures.push((static_name(name), value));
        } else if (w != "*" && !w.eq_ignore_ascii_case(value))
            || (prefix == "@" && value.is_empty())
        {
            return None;
        }
    }
    for kv in query_pattern.split('&').filter(|s| !s.is_empty()) {
        let (key, placeholder) = kv.split_once('=')?;
        let name = placeholder.trim_start_matches('{').trim_end_matches('}');
        let value = params.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)?;
        if value.is_empty() {
            return None;
        }
        captures.push((static_name(name), value));
    }
    Some(captures)
}

fn static_name(name: &str) -> &'static str {
    match name {
        "id" => "id",
        "comment" => "comment",
        "handle" => "handle",
        "author" => "author",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (url, platform, kind, post id, author handle)
    type Case<'a> = (&'a str, &'a str, Kind, Option<&'a str>, Option<&'a str>);

    fn check(cases: &[Case]) {
        for (url, platform, kind, id, handle) in cases {
            let r = recognise(url).unwrap_or_else(|| panic!("{url} not recognised"));
            assert_eq!(r.platform, *platform, "{url}");
            assert_eq!(r.kind, Some(*kind), "{url}");
            assert_eq!(r.post_id.as_deref(), *id, "{url}");
            assert_eq!(r.author_handle.as_deref(), *handle, "{url}");
        }
    }

    #[test]
    fn x_twitter() {
        check(&[
            (
                "https://x.com/corbeau_noir/status/1790000000000000042",
                "x",
                Post,
                Some("1790000000000000042"),
                Some("corbeau_noir"),
            ),
            (
                "https://twitter.com/jack/status/20",
                "x",
                Post,
                Some("20"),
                Some("jack"),
            ),
            (
                "https://mobile.twitter.com/jack/status/20?s=20&t=abc",
                "x",
                Post,
                Some("20"),
                Some("jack"),
            ),
            (
                "https://x.com/i/web/status/1790000000000000042",
                "x",
                Post,
                Some("1790000000000000042"),
                None,
            ),
            (
                "https://www.x.com/jack/status/20/photo/1",
                "x",
                Post,
                Some("20"),
                Some("jack"),
            ),
            ("https://x.com/jack", "x", Profile, None, Some("jack")),
            (
                "https://t.co/AbC123xyz",
                "x",
                ShortLink,
                Some("AbC123xyz"),
                None,
            ),
        ]);
        assert_eq!(recognise("https://x.com/home").unwrap().kind, None);
        assert_eq!(recognise("https://x.com/search?q=a").unwrap().kind, None);
    }

    #[test]
    fn facebook() {
        check(&[
            (
                "https://www.facebook.com/zuck/posts/10114400000000000",
                "facebook",
                Post,
                Some("10114400000000000"),
                Some("zuck"),
            ),
            (
                "https://m.facebook.com/story.php?story_fbid=1234567890&id=100000000000001",
                "facebook",
                Post,
                Some("1234567890"),
                None,
            ),
            (
                "https://www.facebook.com/permalink.php?story_fbid=pfbid02abc&id=100000000000001",
                "facebook",
                Post,
                Some("pfbid02abc"),
                None,
            ),
            (
                "https://www.facebook.com/groups/123456/posts/987654321/",
                "facebook",
                Post,
                Some("987654321"),
                None,
            ),
            (
                "https://www.facebook.com/photo.php?fbid=555&set=a.1",
                "facebook",
                Post,
                Some("555"),
                None,
            ),
            (
                "https://www.facebook.com/reel/123456789012345",
                "facebook",
                Post,
                Some("123456789012345"),
                None,
            ),
            (
                "https://web.facebook.com/some.page",
                "facebook",
                Profile,
                None,
                Some("some.page"),
            ),
            (
                "https://fb.watch/abcDEF123/",
                "facebook",
                ShortLink,
                Some("abcDEF123"),
                None,
            ),
        ]);
        let p = recognise("https://www.facebook.com/profile.php?id=100000000000001").unwrap();
        assert_eq!(
            (p.kind, p.author_id.as_deref()),
            (Some(Profile), Some("100000000000001"))
        );
    }

    #[test]
    fn instagram_and_threads() {
        check(&[
            (
                "https://www.instagram.com/p/C0ffee123/",
                "instagram",
                Post,
                Some("C0ffee123"),
                None,
            ),
            (
                "https://instagram.com/reel/C1abc_DEF/?igsh=xyz",
                "instagram",
                Post,
                Some("C1abc_DEF"),
                None,
            ),
            (
                "https://www.instagram.com/lea.m/p/C0ffee123/",
                "instagram",
                Post,
                Some("C0ffee123"),
                Some("lea.m"),
            ),
            (
                "https://www.instagram.com/stories/lea.m/3210987654321/",
                "instagram",
                Post,
                Some("3210987654321"),
                Some("lea.m"),
            ),
            (
                "https://www.instagram.com/lea.m/",
                "instagram",
                Profile,
                None,
                Some("lea.m"),
            ),
            (
                "https://instagr.am/p/C0ffee123",
                "instagram",
                Post,
                Some("C0ffee123"),
                None,
            ),
            (
                "https://www.threads.net/@lea.m/post/C9xYz",
                "threads",
                Post,
                Some("C9xYz"),
                Some("lea.m"),
            ),
            (
                "https://www.threads.com/@lea.m/post/C9xYz",
                "threads",
                Post,
                Some("C9xYz"),
                Some("lea.m"),
            ),
            (
                "https://www.threads.com/@lea.m",
                "threads",
                Profile,
                None,
                Some("lea.m"),
            ),
        ]);
        assert_eq!(
            recognise("https://www.instagram.com/explore/")
                .unwrap()
                .kind,
            None
        );
    }

    #[test]
    fn tiktok() {
        check(&[
            (
                "https://www.tiktok.com/@corbeau/video/7300000000000000000",
                "tiktok",
                Post,
                Some("7300000000000000000"),
                Some("corbeau"),
            ),
            (
                "https://m.tiktok.com/@corbeau/video/7300000000000000000?lang=fr",
                "tiktok",
                Post,
                Some("7300000000000000000"),
                Some("corbeau"),
            ),
            (
                "https://www.tiktok.com/@corbeau/photo/7300000000000000001",
                "tiktok",
                Post,
                Some("7300000000000000001"),
                Some("corbeau"),
            ),
            (
                "https://vm.tiktok.com/ZMabc123/",
                "tiktok",
                ShortLink,
                Some("ZMabc123"),
                None,
            ),
            (
                "https://www.tiktok.com/t/ZTabc123/",
                "tiktok",
                ShortLink,
                Some("ZTabc123"),
                None,
            ),
            (
                "https://www.tiktok.com/embed/v2/7300000000000000000",
                "tiktok",
                Post,
                Some("7300000000000000000"),
                None,
            ),
            (
                "https://www.tiktok.com/@corbeau",
                "tiktok",
                Profile,
                None,
                Some("corbeau"),
            ),
        ]);
    }

    #[test]
    fn youtube() {
        check(&[
            (
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "youtube",
                Post,
                Some("dQw4w9WgXcQ"),
                None,
            ),
            (
                "https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
                "youtube",
                Post,
                Some("dQw4w9WgXcQ"),
                None,
            ),
            (
                "https://youtu.be/dQw4w9WgXcQ?t=42",
                "youtube",
                ShortLink,
                Some("dQw4w9WgXcQ"),
                None,
            ),
            (
                "https://www.youtube.com/shorts/abcDEF12345",
                "youtube",
                Post,
                Some("abcDEF12345"),
                None,
            ),
            (
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
                "youtube",
                Post,
                Some("dQw4w9WgXcQ"),
                None,
            ),
            (
                "https://www.youtube.com/@corbeau",
                "youtube",
                Profile,
                None,
                Some("corbeau"),
            ),
        ]);
        let c = recognise("https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgzABC123").unwrap();
        assert_eq!(
            (c.kind, c.post_id.as_deref(), c.comment_id.as_deref()),
            (Some(Comment), Some("dQw4w9WgXcQ"), Some("UgzABC123"))
        );
    }

    #[test]
    fn reddit() {
        check(&[
            (
                "https://www.reddit.com/r/france/comments/1abcde/titre_du_post/",
                "reddit",
                Post,
                Some("1abcde"),
                None,
            ),
            (
                "https://old.reddit.com/r/france/comments/1abcde/",
                "reddit",
                Post,
                Some("1abcde"),
                None,
            ),
            (
                "https://www.reddit.com/comments/1abcde",
                "reddit",
                Post,
                Some("1abcde"),
                None,
            ),
            (
                "https://redd.it/1abcde",
                "reddit",
                ShortLink,
                Some("1abcde"),
                None,
            ),
            (
                "https://www.reddit.com/user/corbeau_noir/",
                "reddit",
                Profile,
                None,
                Some("corbeau_noir"),
            ),
            (
                "https://www.reddit.com/u/corbeau_noir",
                "reddit",
                Profile,
                None,
                Some("corbeau_noir"),
            ),
        ]);
        let c =
            recognise("https://www.reddit.com/r/france/comments/1abcde/titre/kx9y8z7/").unwrap();
        assert_eq!(
            (c.kind, c.post_id.as_deref(), c.comment_id.as_deref()),
            (Some(Comment), Some("1abcde"), Some("kx9y8z7"))
        );
    }

    #[test]
    fn discord_and_others() {
        check(&[
            ("https://discord.com/channels/111111111111111111/222222222222222222/333333333333333333", "discord", Message, Some("333333333333333333"), None),
            ("https://discordapp.com/channels/1/2/3", "discord", Message, Some("3"), None),
            ("https://discord.gg/abcInvite", "discord", ShortLink, Some("abcInvite"), None),
            ("https://ptb.discord.com/channels/1/2/3", "discord", Message, Some("3"), None),
            ("https://canary.discord.com/channels/@me/2/3", "discord", Message, Some("3"), None),
            ("https://www.twitch.tv/corbeau", "twitch", Profile, None, Some("corbeau")),
            ("https://www.twitch.tv/corbeau/clip/FunnyClipSlug-abc", "twitch", Post, Some("FunnyClipSlug-abc"), Some("corbeau")),
            ("https://clips.twitch.tv/FunnyClipSlug-abc", "twitch", ShortLink, Some("FunnyClipSlug-abc"), None),
            ("https://www.linkedin.com/feed/update/urn:li:activity:7123456789012345678/", "linkedin", Post, Some("7123456789012345678"), None),
            ("https://www.linkedin.com/posts/jean-dupont_texte-du-post-activity-7123456789012345678-AbCd", "linkedin", Post, Some("7123456789012345678"), None),
            ("https://t.me/canal_haineux/1234", "telegram", Message, Some("1234"), Some("canal_haineux")),
            ("https://bsky.app/profile/corbeau.bsky.social/post/3kabc2xyz", "bluesky", Post, Some("3kabc2xyz"), Some("corbeau.bsky.social")),
            ("https://mastodon.social/@corbeau/111222333444555666", "mastodon", Post, Some("111222333444555666"), Some("corbeau")),
            ("https://www.jeuxvideo.com/forums/message/1234567890", "jeuxvideo", Post, Some("1234567890"), None),
            ("https://www.pinterest.fr/pin/123456789/", "pinterest", Post, Some("123456789"), None),
            ("https://www.snapchat.com/add/corbeau", "snapchat", Profile, None, Some("corbeau")),
        ]);
        assert_eq!(
            recognise("https://mail.google.com/mail/u/0/#inbox/FMfcgz")
                .unwrap()
                .platform,
            "gmail"
        );
        assert_eq!(
            recognise("https://outlook.live.com/mail/0/inbox/id/AQM")
                .unwrap()
                .platform,
            "outlook"
        );
        let m = recognise("https://mastodon.social/@corbeau/111").unwrap();
        assert!(m.heuristic);
    }

    #[test]
    fn urls_that_must_not_match() {
        for url in [
            "https://notfacebook.com/zuck/posts/1",
            "https://facebook.com.evil.example/zuck/posts/1",
            "https://evil-x.com/jack/status/20",
            "https://x.com.attacker.net/jack/status/20",
            "https://example.com/jack/status/20",
            "https://www.google.com/search?q=instagram.com/p/abc",
            "javascript:alert(1)//x.com/jack/status/1",
            "ftp://x.com/jack/status/1",
            "file:///home/x.com/status/1",
            "not a url",
            "https://",
            "http://127.0.0.1:8080/demo/",
            "https://example.org/@corbeau",
        ] {
            assert_eq!(recognise(url), None, "{url}");
        }
        // The platform comes from the host, even behind credentials or a port.
        assert_eq!(
            recognise("https://user:pw@x.com:443/jack/status/1")
                .unwrap()
                .platform,
            "x"
        );
        assert_eq!(
            recognise("https://X.COM./jack/status/1")
                .unwrap()
                .post_id
                .as_deref(),
            Some("1")
        );
    }

    #[test]
    fn every_host_belongs_to_exactly_one_platform() {
        for p in PLATFORMS {
            for h in p.hosts {
                let owners: Vec<&str> = PLATFORMS
                    .iter()
                    .filter(|q| q.hosts.iter().any(|qh| host_matches(h, qh)))
                    .map(|q| q.id)
                    .collect();
                assert_eq!(owners, vec![p.id], "{h}");
            }
        }
        let ids: std::collections::BTreeSet<_> = PLATFORMS.iter().map(|p| p.id).collect();
        assert_eq!(ids.len(), PLATFORMS.len());
    }

    #[test]
    fn private_conversations_are_told_from_public_posts() {
        for private in [
            "https://www.instagram.com/direct/t/1234567890/",
            "https://www.facebook.com/messages/t/100000/",
            "https://x.com/messages/123-456",
            "https://www.linkedin.com/messaging/thread/2-abc/",
            "https://mail.google.com/mail/u/0/#inbox/FMfcgz",
            "https://outlook.live.com/mail/0/inbox/id/AQMk",
            "https://web.whatsapp.com/",
            "https://www.messenger.com/t/123",
            "https://discord.com/channels/@me/123/456",
            "https://web.snapchat.com/abc",
        ] {
            assert!(is_private_address(private), "{private}");
        }
        for public in [
            "https://www.instagram.com/p/Cabc123/",
            "https://www.instagram.com/directory/",
            "https://x.com/corbeau_noir/status/1790000000000000042",
            "https://www.snapchat.com/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYYmFq",
            "https://www.reddit.com/r/france/comments/1abcde/",
            "https://blog.example/p/1",
            "not a url",
        ] {
            assert!(!is_private_address(public), "{public}");
        }
    }
}

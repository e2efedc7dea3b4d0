//! A realistic case journal and its bundle, built through the public API, for the bundle tests.
#![allow(dead_code, clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

use temoin_core::bundle::container::{ContainerWriter, DosTime};
use temoin_core::digest::sha256_hex;
use temoin_core::journal::{seal, Entry, Head};
use temoin_core::lang::Lang;
use temoin_core::model::{
    Artifact, Capture, CaseDetails, Categories, Category, Deletion, EventBody, FileAdded, Note,
    Page, Post,
};
use temoin_docs::export::{BundleWriter, ExportInfo};

pub const CASE: &str = "case-lea";
pub const EXPORTED_AT: &str = "2026-11-28T12:00:00.000Z";

pub struct Case {
    pub entries: Vec<Entry>,
    /// (entry, name) -> bytes still stored.
    pub stored: BTreeMap<(u32, String), Vec<u8>>,
}

fn artifact(name: &str, media: &str, bytes: &[u8], method: &str) -> Artifact {
    Artifact {
        name: name.into(),
        media_type: media.into(),
        size: bytes.len() as u32,
        sha256: sha256_hex(bytes),
        method: method.into(),
    }
}

fn png(seed: u8) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    v.extend((0..2000u32).map(|i| (i as u8).wrapping_mul(seed)));
    v
}

/// Entries: 1 case details, 2-4 captures, 5 added file, 6 note on 2, 7 categories on 3,
/// 8 deletion of 4.
pub fn case() -> Case {
    let mut head = Head::genesis();
    let mut entries = Vec::new();
    let mut stored = BTreeMap::new();
    let mut push = |body: EventBody, at: &str, files: Vec<(&str, Vec<u8>)>| {
        let e = seal(&head, CASE, at, body).unwrap();
        for (name, bytes) in files {
            stored.insert((e.seq, name.to_owned()), bytes);
        }
        head = e.head();
        entries.push(e);
    };
    push(
        EventBody::CaseDetails(CaseDetails {
            title: "Harcèlement de Léa".into(),
            person: "Léa M.".into(),
            minor: true,
            description: "Messages reçus depuis la rentrée".into(),
            school: false,
        }),
        "2026-11-20T08:00:00.000Z",
        vec![],
    );
    let mut third_capture_artifacts = Vec::new();
    for (i, (author, text)) in [
        (
            "corbeau_noir",
            "T'es vraiment trop nulle <script>alert(1)</script>",
        ),
        ("pie_bavarde", "on la connaît 🤣"),
        ("corbeau_noir", "demain tout le monde verra tes photos"),
    ]
    .iter()
    .enumerate()
    {
        let shot = png(i as u8 + 3);
        let html = format!("<!DOCTYPE html><p>{text}</p>").into_bytes();
        let artifacts = vec![
            artifact(
                "screenshot-visible.png",
                "image/png",
                &shot,
                "tabs.captureVisibleTab",
            ),
            artifact("page.html", "text/html;charset=utf-8", &html, "outerHTML"),
        ];
        if i == 2 {
            third_capture_artifacts = artifacts.clone();
        }
        push(
            EventBody::Capture(Capture {
                page: Page {
                    url: format!("https://x.com/{author}/status/179000000000000{i}"),
                    title: format!("{author} sur X"),
                    ..Page::default()
                },
                captured_at: format!("2026-11-2{}T10:00:00.000Z", i + 1),
                artifacts,
                post: Some(Post {
                    platform: Some("x".into()),
                    author_handle: Some(format!("@{author}")),
                    text: Some((*text).into()),
                    published_at: Some(format!("2026-11-1{}T21:00:00Z", 9 - i)),
                    ..Post::default()
                }),
                ..Capture::default()
            }),
            &format!("2026-11-2{}T10:00:01.000Z", i + 1),
            vec![("screenshot-visible.png", shot), ("page.html", html)],
        );
    }
    let eml = b"From: x@example.test\r\nSubject: menace\r\n\r\nbody".to_vec();
    push(
        EventBody::FileAdded(FileAdded {
            original_name: "Capture d'écran Snapchat.eml".into(),
            description: "reçu sur Snapchat".into(),
            artifacts: vec![artifact(
                "message.eml",
                "message/rfc822",
                &eml,
                "added-by-user",
            )],
        }),
        "2026-11-25T09:00:00.000Z",
        vec![("message.eml", eml)],
    );
    push(
        EventBody::Note(Note {
            entry: 2,
            text: "Reçu pendant le cours de maths".into(),
        }),
        "2026-11-25T09:05:00.000Z",
        vec![],
    );
    push(
        EventBody::Categories(Categories {
            entry: 3,
            categories: vec![Category::Insult, Category::PileOn],
        }),
        "2026-11-25T09:06:00.000Z",
        vec![],
    );
    push(
        EventBody::Deletion(Deletion {
            entry: 4,
            reason: "doublon".into(),
            removed: third_capture_artifacts,
        }),
        "2026-11-25T09:07:00.000Z",
        vec![],
    );
    stored.retain(|(seq, _), _| *seq != 4);
    Case { entries, stored }
}

pub fn bundle(case: &Case, lang: Lang) -> Vec<u8> {
    export(case, lang, &[]).0
}

/// The bundle of `case` and the export entry that seals it, as the extension makes them: the
/// artifacts, the documents, the export event sealed as the next entry, then the rest.
/// `withhold` lists (entry, artifact, reason) left out on purpose.
pub fn export(case: &Case, lang: Lang, withhold: &[(u32, &str, &str)]) -> (Vec<u8>, Entry) {
    let info = ExportInfo {
        case_id: CASE.into(),
        case_title: None,
        started_at: EXPORTED_AT.into(),
        generator: "Témoin test".into(),
        language: lang,
    };
    let mut w = BundleWriter::new(Vec::new(), info, case.entries.clone()).unwrap();
    for (seq, name, reason) in withhold {
        w.withhold(*seq, name, reason).unwrap();
    }
    for wanted in w.wanted() {
        let bytes = case.stored[&(wanted.seq, wanted.name.clone())].clone();
        w.add_artifact(wanted.seq, &wanted.name, &bytes).unwrap();
    }
    assert!(w.wanted().is_empty());
    let body = w.seal_body().unwrap();
    let head = case.entries.last().map_or_else(Head::genesis, Entry::head);
    let sealed = seal(&head, CASE, SEALED_AT, body).unwrap();
    let (bytes, _) = w.finish(sealed.clone(), Vec::new()).unwrap();
    (bytes, sealed)
}

/// When the test export's entry is appended.
pub const SEALED_AT: &str = "2026-11-28T12:00:03.000Z";

/// Every file of a ZIP, by name.
pub fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut files = BTreeMap::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        files.insert(String::from_utf8_lossy(f.name_raw()).into_owned(), data);
    }
    files
}

/// SHA256SUMS as the writer makes it, for `files`.
pub fn sums_of(files: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    files
        .iter()
        .filter(|(n, _)| n.as_str() != "SHA256SUMS")
        .map(|(n, d)| format!("{}  {n}\n", sha256_hex(d)))
        .collect::<String>()
        .into_bytes()
}

/// A ZIP of `files` in the bundle's own canonical layout (so that only the content differs),
/// with SHA256SUMS rewritten to match when `fix_sums` is set.
pub fn rezip(mut files: BTreeMap<String, Vec<u8>>, fix_sums: bool) -> Vec<u8> {
    if fix_sums {
        let sums = sums_of(&files);
        files.insert("SHA256SUMS".into(), sums);
    }
    let mut w = ContainerWriter::new(Vec::new(), DosTime::new(2026, 11, 28, 12, 0, 0));
    for (name, data) in files {
        let stored = name.ends_with(".png") || name.ends_with(".jpg");
        w.add(&name, &data, !stored).unwrap();
    }
    w.finish().unwrap()
}

/// A ZIP of `files` written by a general-purpose ZIP library, as an attacker would.
pub fn rezip_with_zip_crate(files: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in files {
        w.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// Bytes that look like an image file of `len` bytes: its signature, then noise that does not
/// compress (as real screenshots do not).
fn image(signature: &[u8], seed: u32, len: usize) -> Vec<u8> {
    let mut v = signature.to_vec();
    let mut x = seed.wrapping_mul(2_654_435_761) | 1;
    while v.len() < len {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        v.push(x as u8);
    }
    v
}

/// The corpus's genuine case: details, five captures as the extension makes them (three
/// screenshots, the raw DOM, the safe snapshot, MHTML, a frame's HTML, the post's image),
/// a file added from a phone, a note, categories, and a sixth capture later deleted.
pub fn five_captures() -> Case {
    let mut head = Head::genesis();
    let mut entries = Vec::new();
    let mut stored = BTreeMap::new();
    let mut push = |body: EventBody, at: String, files: Vec<(&str, Vec<u8>)>| {
        let e = seal(&head, CASE, &at, body).unwrap();
        for (name, bytes) in files {
            stored.insert((e.seq, name.to_owned()), bytes);
        }
        head = e.head();
        entries.push(e);
    };
    push(
        EventBody::CaseDetails(CaseDetails {
            title: "Harcèlement de Léa".into(),
            person: "Léa M.".into(),
            minor: true,
            description: "Messages reçus depuis la rentrée".into(),
            school: false,
        }),
        "2026-11-20T08:00:00.000Z".into(),
        vec![],
    );
    let posts = [
        (
            "corbeau_noir",
            "T'es vraiment trop nulle <script>alert(1)</script>",
        ),
        ("pie_bavarde", "on la connaît 🤣 tout le monde sait"),
        ("corbeau_noir", "demain tout le monde verra tes photos"),
        ("anonyme_42", "personne ne veut de toi ici"),
        ("pie_bavarde", "regardez ce qu'elle a posté hier"),
        ("corbeau_noir", "supprimé ensuite"),
    ];
    let mut sixth = Vec::new();
    for (i, (author, text)) in posts.iter().enumerate() {
        let n = i as u32;
        let url = format!("https://x.com/{author}/status/17900000000000{n:02}");
        let page = format!(
            "<!DOCTYPE html><html lang=\"fr\"><head><title>{author} sur X</title><script src=\"https://abs.twimg.com/main.js\"></script></head><body><article data-testid=\"tweet\"><a href=\"/{author}\">@{author}</a><div lang=\"fr\">{text}</div><time datetime=\"2026-11-1{n}T21:00:00Z\">{n} nov.</time></article><script>window.__INITIAL_STATE__={{}}</script></body></html>"
        ).into_bytes();
        let snapshot = format!(
            "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\"><title>{author}</title></head><body><article><p>@{author}</p><p>{}</p></article></body></html>",
            text.replace('<', "&lt;")
        ).into_bytes();
        let mhtml = format!(
            "From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\nSubject: {author}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"----b\"\r\n\r\n------b\r\nContent-Type: text/html\r\n\r\n<p>{text}</p>\r\n------b--\r\n"
        ).into_bytes();
        let frame =
            format!("<!DOCTYPE html><p>cadre {n}</p><script>parent.postMessage(1,'*')</script>")
                .into_bytes();
        let mut files: Vec<(&str, &str, Vec<u8>, &str)> = vec![
            (
                "screenshot-visible.png",
                "image/png",
                image(b"\x89PNG\r\n\x1a\n", 10 + n, 3000),
                "tabs.captureVisibleTab",
            ),
            (
                "screenshot-post.png",
                "image/png",
                image(b"\x89PNG\r\n\x1a\n", 20 + n, 1200),
                "crop",
            ),
            (
                "screenshot-post-captioned.png",
                "image/png",
                image(b"\x89PNG\r\n\x1a\n", 30 + n, 1400),
                "crop+caption",
            ),
            ("page.html", "text/html;charset=utf-8", page, "outerHTML"),
            (
                "snapshot.html",
                "text/html;charset=utf-8",
                snapshot,
                "snapshot",
            ),
            (
                "page.mhtml",
                "multipart/related",
                mhtml,
                "pageCapture.saveAsMHTML",
            ),
            (
                "frame-1.html",
                "text/html;charset=utf-8",
                frame,
                "frame outerHTML",
            ),
        ];
        if i == 1 {
            files.push((
                "image.jpg",
                "image/jpeg",
                image(b"\xff\xd8\xff\xe0", 40, 1500),
                "fetch",
            ));
        }
        let artifacts: Vec<Artifact> = files
            .iter()
            .map(|(name, media, bytes, method)| artifact(name, media, bytes, method))
            .collect();
        if i == 5 {
            sixth = artifacts.clone();
        }
        push(
            EventBody::Capture(Capture {
                page: Page {
                    url: url.clone(),
                    title: format!("{author} sur X"),
                    lang: Some("fr".into()),
                    platform: Some("x".into()),
                    ..Page::default()
                },
                captured_at: format!("2026-11-2{n}T10:00:00.000Z"),
                artifacts,
                post: Some(Post {
                    platform: Some("x".into()),
                    permalink: Some(url),
                    author_name: Some((*author).replace('_', " ")),
                    author_handle: Some(format!("@{author}")),
                    text: Some((*text).into()),
                    published_at: Some(format!("2026-11-1{n}T21:00:00Z")),
                    kind: Some("post".into()),
                    ..Post::default()
                }),
                notices: if i == 3 {
                    vec!["mhtml-unavailable".into()]
                } else {
                    vec![]
                },
                ..Capture::default()
            }),
            format!("2026-11-2{n}T10:00:01.000Z"),
            files
                .into_iter()
                .map(|(name, _, bytes, _)| (name, bytes))
                .collect(),
        );
        if i == 4 {
            let photo = image(b"\xff\xd8\xff\xe1", 50, 2500);
            push(
                EventBody::FileAdded(FileAdded {
                    original_name: "Photo du message.JPG".into(),
                    description: "photo du téléphone de Léa".into(),
                    artifacts: vec![artifact(
                        "photo-du-message.jpg",
                        "image/jpeg",
                        &photo,
                        "added-by-user",
                    )],
                }),
                "2026-11-26T09:00:00.000Z".into(),
                vec![("photo-du-message.jpg", photo)],
            );
            push(
                EventBody::Note(Note {
                    entry: 2,
                    text: "Reçu pendant le cours de maths".into(),
                }),
                "2026-11-26T09:05:00.000Z".into(),
                vec![],
            );
            push(
                EventBody::Categories(Categories {
                    entry: 3,
                    categories: vec![Category::Insult, Category::PileOn],
                }),
                "2026-11-26T09:06:00.000Z".into(),
                vec![],
            );
        }
    }
    // Entry 10 is the sixth capture; entry 11 deletes it.
    push(
        EventBody::Deletion(Deletion {
            entry: 10,
            reason: "doublon".into(),
            removed: sixth,
        }),
        "2026-11-27T09:07:00.000Z".into(),
        vec![],
    );
    stored.retain(|(seq, _), _| *seq != 10);
    Case { entries, stored }
}

/// A case of captures of several items: 1 case details (an adult), 2 a raid (the replies
/// under one post: 6 replies by 4 accounts, each with its crop, published from 2026-11-10 to
/// 2026-11-12), 3 a private conversation scrolled from the start of what was loaded (3
/// messages, its stitched image capped), 4 a note on 2, 5 categories on 2.
pub fn with_items() -> Case {
    use temoin_core::model::{Collection, Item, ItemCrop, Pane};
    let mut head = Head::genesis();
    let mut entries = Vec::new();
    let mut stored = BTreeMap::new();
    let mut push = |body: EventBody, at: &str, files: Vec<(String, Vec<u8>)>| {
        let e = seal(&head, CASE, at, body).unwrap();
        for (name, bytes) in files {
            stored.insert((e.seq, name), bytes);
        }
        head = e.head();
        entries.push(e);
    };
    push(
        EventBody::CaseDetails(CaseDetails {
            title: "Raid contre Sam".into(),
            person: "Sam K.".into(),
            minor: false,
            description: "Des dizaines de réponses sous sa vidéo".into(),
            school: false,
        }),
        "2026-11-20T08:00:00.000Z",
        vec![],
    );
    // The raid.
    let replies = [
        (
            "corbeau_noir",
            "=HYPERLINK(\"http://evil\") dégage",
            "2026-11-12T08:00:00Z",
        ),
        ("pie_bavarde", "personne ne t'aime", "2026-11-10T21:30:00Z"),
        (
            "corbeau_noir",
            "on sait où tu habites",
            "2026-11-11T10:00:00Z",
        ),
        ("geai_moqueur", "🤡🤡🤡", "2026-11-11T11:00:00Z"),
        ("pie_bavarde", "supprime ton compte", "2026-11-11T12:00:00Z"),
        ("buse_grise", "<b>nul</b>", "2026-11-12T07:00:00Z"),
    ];
    let full = png(40);
    let mut artifacts = vec![artifact(
        "screenshot-full.png",
        "image/png",
        &full,
        "tabs.captureVisibleTab",
    )];
    let mut files = vec![("screenshot-full.png".to_owned(), full)];
    let mut items = Vec::new();
    for (i, (handle, text, at)) in replies.iter().enumerate() {
        let n = i as u32 + 1;
        let name = format!("item-{n:03}.png");
        let bytes = png(50 + i as u8);
        artifacts.push(artifact(&name, "image/png", &bytes, "crop"));
        items.push(Item {
            n,
            post: Post {
                platform: Some("x".into()),
                author_handle: Some(format!("@{handle}")),
                text: Some((*text).into()),
                published_at: Some((*at).into()),
                permalink: Some(format!(
                    "https://x.com/{handle}/status/18000000000000000{n}"
                )),
                ..Post::default()
            },
            crop: Some(ItemCrop {
                name: name.clone(),
                sha256: sha256_hex(&bytes),
            }),
        });
        files.push((name, bytes));
    }
    push(
        EventBody::Capture(Capture {
            page: Page {
                url: "https://x.com/sam_k/status/1799999999999999999".into(),
                title: "Sam K. sur X".into(),
                platform: Some("x".into()),
                ..Page::default()
            },
            captured_at: "2026-11-21T10:00:00.000Z".into(),
            artifacts,
            collection: Some(Collection {
                mode: "selection".into(),
                scope: "replies".into(),
                reader: Some("platform:x".into()),
                ..Collection::default()
            }),
            items,
            ..Capture::default()
        }),
        "2026-11-21T10:00:01.000Z",
        files,
    );
    // The conversation.
    let pane = png(90);
    let messages = [
        (
            "max_2010",
            "Max",
            "tu vas voir demain",
            "2026-11-18T19:00:00Z",
        ),
        ("max_2010", "Max", "réponds", "2026-11-18T19:01:00Z"),
        ("max_2010", "Max", "t'es mort(e)", "2026-11-18T19:05:00Z"),
    ];
    push(
        EventBody::Capture(Capture {
            page: Page {
                url: "https://www.instagram.com/direct/t/1234567890/".into(),
                title: "Instagram • Messages".into(),
                platform: Some("instagram".into()),
                ..Page::default()
            },
            captured_at: "2026-11-22T09:00:00.000Z".into(),
            artifacts: vec![artifact(
                "pane.png",
                "image/png",
                &pane,
                "tabs.captureVisibleTab",
            )],
            collection: Some(Collection {
                mode: "conversation".into(),
                scope: "loaded".into(),
                title: Some("Max".into()),
                reader: Some("platform:instagram".into()),
                pane: Some(Pane {
                    content_height: 24_000,
                    stitched_height: 20_000,
                    cap: 20_000,
                    reached_start: true,
                    image: Some("pane.png".into()),
                }),
                ..Collection::default()
            }),
            items: messages
                .iter()
                .enumerate()
                .map(|(i, (handle, name, text, at))| Item {
                    n: i as u32 + 1,
                    post: Post {
                        platform: Some("instagram".into()),
                        author_name: Some((*name).into()),
                        author_handle: Some((*handle).into()),
                        text: Some((*text).into()),
                        published_at: Some((*at).into()),
                        kind: Some("message".into()),
                        ..Post::default()
                    },
                    crop: None,
                })
                .collect(),
            ..Capture::default()
        }),
        "2026-11-22T09:00:01.000Z",
        vec![("pane.png".to_owned(), pane)],
    );
    push(
        EventBody::Note(Note {
            entry: 2,
            text: "Sous ma vidéo du 10 novembre".into(),
        }),
        "2026-11-22T09:05:00.000Z",
        vec![],
    );
    push(
        EventBody::Categories(Categories {
            entry: 2,
            categories: vec![Category::Insult, Category::PileOn],
        }),
        "2026-11-22T09:06:00.000Z",
        vec![],
    );
    Case { entries, stored }
}

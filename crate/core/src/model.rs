//! The records of the journal. They cross into JavaScript as plain JSON-safe objects
//! (camelCase, no 64-bit integers) and are hashed in their canonical form.

use serde::{Deserialize, Serialize};

use crate::digest::is_sha256_hex;
use crate::error::{Error, ErrorCode, Result};
use crate::time::check_utc_timestamp;

/// Newest version of the event format. A reader rejects versions it does not know. An entry
/// carries the lowest version that can hold it (`EventBody::format_version`): 2 for a capture
/// of several items (a conversation, a selection of posts), 1 for everything else, so that an
/// older reader refuses exactly the entries it could not read whole.
pub const FORMAT_VERSION: u32 = 2;

/// Most items one capture may hold (a long conversation, a raid's replies).
pub const MAX_ITEMS: usize = 5_000;

/// Longest artifact name; names become file names inside the export bundle.
const MAX_ARTIFACT_NAME: usize = 64;

/// One entry of a case's journal. Its hash is SHA-256 of its canonical JSON, and `prev`
/// is the hash of the entry before it, so changing any entry breaks every later link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Event {
    pub v: u32,
    pub case_id: String,
    /// 1 for the first entry of the case; also the number the user sees ("capture n° 3").
    pub seq: u32,
    /// Hash of entry `seq - 1`, or 64 zeros for the first entry.
    pub prev: String,
    /// When the entry was appended, UTC, RFC 3339.
    pub at: String,
    pub body: EventBody,
}

// Events are built once and serialised, never stored in bulk: their in-memory size is moot.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum EventBody {
    /// A page captured by Témoin.
    Capture(Capture),
    /// Who the case is about; a later one replaces an earlier one (renaming is an entry too).
    CaseDetails(CaseDetails),
    /// A note about an earlier entry. The entry itself never changes.
    Note(Note),
    /// The categories of an earlier entry; a later one replaces an earlier one.
    Categories(Categories),
    /// A file the user added (a phone screenshot, a saved e-mail...), not captured by Témoin.
    FileAdded(FileAdded),
    /// The artifacts of an earlier entry were deleted; their digests stay as a tombstone.
    Deletion(Deletion),
    /// A step of the guide was done (a report sent, a complaint filed), and when.
    StepDone(StepDone),
    /// A bundle was exported: this entry seals its documents (docs/bundle-format.md).
    Export(Export),
    /// An RFC 3161 time stamp of an earlier entry's hash, signed by an authority outside the
    /// device: it attests that the entry existed by the stamped time.
    Timestamp(Timestamp),
}

/// A time-stamping authority's token for entry `entry`'s hash, with the certificates needed to
/// check it offline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Timestamp {
    /// The entry whose hash (the 32 bytes of its hex) is the stamped fingerprint.
    pub entry: u32,
    /// The authority's address, as the settings named it.
    pub authority: String,
    /// The TimeStampToken (CMS ContentInfo) as the authority returned it, Base64.
    pub token: String,
    /// The certificates of its chain, DER in Base64: those embedded in the token, then those
    /// fetched from the issuers' addresses, up to the root.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<String>,
}

impl Timestamp {
    /// The token's bytes.
    pub fn token_der(&self) -> Result<Vec<u8>> {
        base64_bytes(&self.token, "the time stamp")
    }

    /// The certificates' DER.
    pub fn certificates_der(&self) -> Result<Vec<Vec<u8>>> {
        self.certificates
            .iter()
            .map(|c| base64_bytes(c, "a certificate of the time stamp"))
            .collect()
    }
}

/// Base64 (standard alphabet, padded) as the entries hold bytes.
pub fn base64_bytes(text: &str, what: &str) -> Result<Vec<u8>> {
    use base64ct::{Base64, Encoding};
    Base64::decode_vec(text).map_err(|_| invalid(format!("{what} is not Base64")))
}

/// Bytes as the entries hold them.
pub fn base64_text(bytes: &[u8]) -> String {
    use base64ct::{Base64, Encoding};
    Base64::encode_string(bytes)
}

/// The entry that seals an export bundle: the digests of the documents people read in it,
/// which cannot be vouched for by the entries they describe, and what was left out on purpose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Export {
    /// The program that wrote the bundle, e.g. `Témoin 0.1.0`.
    pub generator: String,
    /// The language of the documents, `fr` or `en`.
    pub language: String,
    /// report.html, journal.csv, LISEZMOI.txt and README.txt, as written.
    pub documents: Vec<Document>,
    /// Artifacts the journal holds that this bundle leaves out deliberately.
    pub withheld: Vec<Withheld>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Document {
    pub name: String,
    pub media_type: String,
    pub size: u32,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Withheld {
    /// The capture or added file the artifact belongs to.
    pub entry: u32,
    pub name: String,
    /// A short code (`minor-intimate-image`...), so that the bundle says why without saying more.
    pub reason: String,
}

/// The documents an export seals, in the order the export entry lists them.
pub const EXPORT_DOCUMENTS: [&str; 4] =
    ["report.html", "journal.csv", "LISEZMOI.txt", "README.txt"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StepDone {
    /// 1 to 5, the step of the guide.
    pub step: u8,
    /// The action's id (`pharos`, `platform-x-0`, `letter-procureur`...).
    pub action: String,
    /// The day it was done, YYYY-MM-DD (it may be earlier than the entry).
    pub date: String,
    /// The capture it was about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<u32>,
    #[serde(default)]
    pub note: String,
    /// The text actually sent (a notice to a platform, a letter): what the platform was told
    /// is what gives it knowledge of the content (DSA art. 16(3)), so it is kept as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseDetails {
    pub title: String,
    /// The person targeted, as the family names them.
    #[serde(default)]
    pub person: String,
    pub minor: bool,
    #[serde(default)]
    pub description: String,
    /// The people acting are pupils or staff of the person's school (harcèlement scolaire,
    /// art. 222-33-2-3 code pénal).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub school: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Note {
    /// The entry the note is about.
    pub entry: u32,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Insult,
    Threat,
    SexualHarassment,
    IntimateImages,
    PersonalData,
    Impersonation,
    Hate,
    PileOn,
    Other,
}

impl Category {
    pub const ALL: [Category; 9] = [
        Category::Insult,
        Category::Threat,
        Category::SexualHarassment,
        Category::IntimateImages,
        Category::PersonalData,
        Category::Impersonation,
        Category::Hate,
        Category::PileOn,
        Category::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Insult => "insult",
            Category::Threat => "threat",
            Category::SexualHarassment => "sexual-harassment",
            Category::IntimateImages => "intimate-images",
            Category::PersonalData => "personal-data",
            Category::Impersonation => "impersonation",
            Category::Hate => "hate",
            Category::PileOn => "pile-on",
            Category::Other => "other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Categories {
    pub entry: u32,
    pub categories: Vec<Category>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FileAdded {
    /// The file's name on the user's device, kept as given (it may be anything).
    pub original_name: String,
    /// What the user says it is ("screenshot of a Snapchat message from 12 May").
    #[serde(default)]
    pub description: String,
    /// Exactly one artifact: the file's bytes as added.
    pub artifacts: Vec<Artifact>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Deletion {
    pub entry: u32,
    #[serde(default)]
    pub reason: String,
    /// The tombstone: the artifacts removed, with their digests.
    pub removed: Vec<Artifact>,
}

/// What one capture of a page holds. The bytes of each artifact live beside the journal;
/// the record keeps their digests.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Capture {
    pub page: Page,
    /// When the capture started, UTC, RFC 3339.
    pub captured_at: String,
    pub artifacts: Vec<Artifact>,
    /// The post that was right-clicked, as found in the page. Absent fields were not found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post: Option<Post>,
    /// How the capture was started and on what (selection, link, image).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<CaptureContext>,
    /// The browser, device and page state at capture time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Environment>,
    /// The page's frames; cross-origin ones are listed even though they cannot be read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frames: Vec<FrameInfo>,
    /// What did not go as usual, as stable codes: `screenshot-only`, `html-truncated`,
    /// `full-page-capped`, `post-not-found`, `mhtml-unavailable`, ...
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
    /// What this capture proves and what it does not, in the user's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<Statement>,
    /// How the items below were gathered: a conversation scrolled in its pane, or posts
    /// selected on the page. Present exactly when `items` is not empty (format version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection: Option<Collection>,
    /// The messages or posts this capture keeps one by one, in the page's order (oldest first
    /// in a conversation), numbered from 1 (format version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
}

/// How a capture's items were gathered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Collection {
    /// `conversation` (the messages of a scrolled pane) or `selection` (posts chosen on the page).
    pub mode: String,
    /// What was asked for. A conversation: `loaded` (from the top of what the app had loaded)
    /// or `since` (back to the date in `since`). A selection: `ticked` (posts ticked one by
    /// one), `replies` (every reply under one post) or `author` (every post of one author).
    pub scope: String,
    /// For a conversation scrolled back to a date: that date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// The conversation's or thread's name as the page shows it (a chat's header).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Which reading found the items: `platform:<name>` or `generic`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader: Option<String>,
    /// The scrolled pane of a conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pane: Option<Pane>,
}

/// The pane a conversation was scrolled in, and what its stitched image covers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Pane {
    /// The height of the pane's content once every message was loaded, CSS pixels.
    pub content_height: u32,
    /// The height the stitched image covers, CSS pixels: the content's height, or the cap.
    pub stitched_height: u32,
    /// The most the stitched image may cover, CSS pixels; beyond it the image stops (the items
    /// are still all read) and `notices` says `pane-capped`.
    pub cap: u32,
    /// Whether the start asked for was reached: the app loaded no older message, or the date
    /// asked for was passed.
    pub reached_start: bool,
    /// The stitched image's artifact name, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
}

/// One message or post of a capture of several.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Item {
    /// Its number in the capture, from 1, in the page's order.
    pub n: u32,
    /// What the page says of it; `parent` is the message it replies to, when shown.
    pub post: Post,
    /// Its own crop of the page, when it has one: an artifact of this capture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crop: Option<ItemCrop>,
}

/// The artifact that shows one item, named with its digest so that the item and its image
/// cannot be separated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ItemCrop {
    pub name: String,
    pub sha256: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaptureContext {
    /// `menu`, `command`, `popup` or `script`.
    pub trigger: String,
    /// What was right-clicked: `page`, `selection`, `link`, `image`...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub menu_context: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selection_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub src_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame_url: Option<String>,
    #[serde(default)]
    pub frame_id: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Environment {
    pub browser: String,
    pub browser_version: String,
    pub os: String,
    pub extension_version: String,
    pub user_agent: String,
    /// The browser's UI language.
    pub language: String,
    pub time_zone: String,
    /// The capture time on the device's clock, in its zone, with the offset.
    pub local_time: String,
    pub incognito: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub viewport: Option<Size>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_pixel_ratio: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scroll: Option<Point>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FrameInfo {
    pub url: String,
    pub same_origin: bool,
    /// Whether its content is in the capture's HTML.
    pub captured: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Statement {
    pub language: String,
    pub proves: String,
    pub does_not_prove: String,
}

/// What the page says about one post. Every field is optional: a field that was not found
/// is absent, never guessed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Post {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permalink: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_handle: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_id: Option<String>,
    /// Publication time as the page shows it ("27 nov.", "2 h").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_text: Option<String>,
    /// Publication time, machine-readable (`<time datetime>`), as the page gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<String>,
    /// The publication time as the core read it from the two above (`when::read_published`),
    /// UTC RFC 3339; absent when neither could be read for sure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_utc: Option<String>,
    /// How it was read: exact, or what had to be assumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_reading: Option<crate::when::Reading>,
    /// For a relative time ("3 h"), the earliest instant the text allows, UTC RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_earliest: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media_urls: Vec<String>,
    /// `post`, `comment`, `message`, `video`, `email`...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// An e-mail's subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The post this one answers, when the page shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Box<Post>>,
    /// Which reading found these fields: `platform:<name>` (the platform's own markup),
    /// `json-ld` or `microdata` (structured data the page carries), or `generic` (the block
    /// around the right-clicked element).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extracted_by: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Page {
    /// The document's address at capture time, after any redirect.
    pub url: String,
    pub title: String,
    /// The tab's address, when it differs from the document's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tab_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// How many redirects led to this document (Navigation Timing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_count: Option<u32>,
    /// The platform the address belongs to (see `platforms`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Artifact {
    /// File name inside the capture, e.g. `screenshot-visible.png`.
    pub name: String,
    pub media_type: String,
    pub size: u32,
    pub sha256: String,
    /// How it was obtained, e.g. `tabs.captureVisibleTab`.
    pub method: String,
}

/// Longest free text in a note, a description or a reason.
const MAX_TEXT: usize = 100_000;

impl EventBody {
    /// The lowest event format version that holds this body (see `FORMAT_VERSION`).
    pub fn format_version(&self) -> u32 {
        match self {
            EventBody::Capture(c) if !c.items.is_empty() || c.collection.is_some() => 2,
            _ => 1,
        }
    }

    pub fn validate(&self) -> Result<()> {
        match self {
            EventBody::Capture(c) => c.validate(),
            EventBody::CaseDetails(d) => {
                if d.title.trim().is_empty() {
                    return Err(invalid("a case needs a title"));
                }
                check_text(&d.title)?;
                check_text(&d.person)?;
                check_text(&d.description)
            }
            EventBody::Note(n) => {
                if n.text.trim().is_empty() {
                    return Err(invalid("the note is empty"));
                }
                check_text(&n.text)
            }
            EventBody::Categories(c) => {
                let mut sorted = c.categories.clone();
                sorted.sort();
                sorted.dedup();
                if sorted.len() != c.categories.len() {
                    return Err(invalid("a category is listed twice"));
                }
                Ok(())
            }
            EventBody::FileAdded(f) => {
                if f.original_name.is_empty() {
                    return Err(invalid("the added file has no name"));
                }
                check_text(&f.original_name)?;
                check_text(&f.description)?;
                if f.artifacts.len() != 1 {
                    return Err(invalid("an added file holds exactly one artifact"));
                }
                f.artifacts[0].validate()
            }
            EventBody::Deletion(d) => {
                check_text(&d.reason)?;
                d.removed.iter().try_for_each(Artifact::validate)
            }
            EventBody::Timestamp(t) => {
                if t.entry == 0 {
                    return Err(invalid("a time stamp names the entry it stamps"));
                }
                if t.authority.is_empty() || t.authority.len() > 2_000 {
                    return Err(invalid("a time stamp names its authority's address"));
                }
                if t.token.len() > 2 * crate::timestamp::MAX_TOKEN_LEN
                    || t.certificates.len() > crate::timestamp::MAX_CERTIFICATES
                    || t.certificates
                        .iter()
                        .any(|c| c.len() > 2 * crate::timestamp::MAX_TOKEN_LEN)
                {
                    return Err(invalid("a time stamp larger than any authority sends"));
                }
                t.token_der()?;
                t.certificates_der()?;
                Ok(())
            }
            EventBody::StepDone(s) => {
                if !(1..=5).contains(&s.step) || s.action.is_empty() || s.action.len() > 100 {
                    return Err(invalid(
                        "a done step needs a step from 1 to 5 and an action",
                    ));
                }
                if crate::time::parse_date(&s.date).is_none() || s.date.len() != 10 {
                    return Err(Error::new(
                        ErrorCode::InvalidTime,
                        format!("'{}' is not a date (YYYY-MM-DD)", s.date),
                    ));
                }
                check_text(&s.note)?;
                s.text.as_deref().map_or(Ok(()), check_text)
            }
            EventBody::Export(x) => x.validate(),
        }
    }

    /// The artifacts this entry brings into the journal.
    pub fn artifacts(&self) -> &[Artifact] {
        match self {
            EventBody::Capture(c) => &c.artifacts,
            EventBody::FileAdded(f) => &f.artifacts,
            _ => &[],
        }
    }

    /// The earlier entry this one is about, for notes, categories and deletions.
    pub fn target(&self) -> Option<u32> {
        match self {
            EventBody::Note(n) => Some(n.entry),
            EventBody::Categories(c) => Some(c.entry),
            EventBody::Deletion(d) => Some(d.entry),
            _ => None,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            EventBody::Capture(_) => "capture",
            EventBody::CaseDetails(_) => "caseDetails",
            EventBody::Note(_) => "note",
            EventBody::Categories(_) => "categories",
            EventBody::FileAdded(_) => "fileAdded",
            EventBody::Deletion(_) => "deletion",
            EventBody::StepDone(_) => "stepDone",
            EventBody::Timestamp(_) => "timestamp",
            EventBody::Export(_) => "export",
        }
    }
}

impl Export {
    pub fn validate(&self) -> Result<()> {
        if self.generator.trim().is_empty() || self.generator.len() > 200 {
            return Err(invalid("an export names its generator (at most 200 bytes)"));
        }
        if !matches!(self.language.as_str(), "fr" | "en") {
            return Err(invalid("an export's language is fr or en"));
        }
        let names: Vec<&str> = self.documents.iter().map(|d| d.name.as_str()).collect();
        if names != EXPORT_DOCUMENTS {
            return Err(invalid(format!(
                "an export lists exactly its documents {EXPORT_DOCUMENTS:?}, in that order"
            )));
        }
        for d in &self.documents {
            if !is_sha256_hex(&d.sha256) || d.media_type.is_empty() || d.media_type.len() > 100 {
                return Err(invalid(format!(
                    "document '{}' needs a media type and a SHA-256",
                    d.name
                )));
            }
        }
        let mut seen = Vec::with_capacity(self.withheld.len());
        for w in &self.withheld {
            if w.entry == 0 || !is_safe_file_name(&w.name) || !is_reason_code(&w.reason) {
                return Err(invalid(
                    "a withheld artifact names its entry, its artifact and a reason code (a-z 0-9 -)",
                ));
            }
            if seen.contains(&(w.entry, w.name.as_str())) {
                return Err(invalid(format!(
                    "artifact '{}' of entry {} is withheld twice",
                    w.name, w.entry
                )));
            }
            seen.push((w.entry, w.name.as_str()));
        }
        Ok(())
    }
}

/// A reason code: 1 to 40 of `a-z 0-9 -`.
pub fn is_reason_code(s: &str) -> bool {
    (1..=40).contains(&s.len())
        && s.bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'))
}

fn check_text(s: &str) -> Result<()> {
    if s.len() > MAX_TEXT {
        return Err(invalid(format!("a text is longer than {MAX_TEXT} bytes")));
    }
    Ok(())
}

impl Capture {
    pub fn validate(&self) -> Result<()> {
        if self.page.url.is_empty() {
            return Err(invalid("the page URL is empty"));
        }
        check_utc_timestamp(&self.captured_at)?;
        if self.artifacts.is_empty() {
            return Err(invalid("a capture holds at least one artifact"));
        }
        let mut names: Vec<&str> = Vec::with_capacity(self.artifacts.len());
        for a in &self.artifacts {
            a.validate()?;
            if names.contains(&a.name.as_str()) {
                return Err(invalid(format!("artifact name '{}' is used twice", a.name)));
            }
            names.push(&a.name);
        }
        self.validate_items()
    }

    fn validate_items(&self) -> Result<()> {
        if self.items.is_empty() != self.collection.is_none() {
            return Err(invalid(
                "a capture of several items says how they were gathered, and only then",
            ));
        }
        if self.items.len() > MAX_ITEMS {
            return Err(invalid(format!(
                "a capture holds at most {MAX_ITEMS} items"
            )));
        }
        if let Some(c) = &self.collection {
            let scopes: &[&str] = match c.mode.as_str() {
                "conversation" => &["loaded", "since"],
                "selection" => &["ticked", "replies", "author"],
                _ => return Err(invalid("a collection is a conversation or a selection")),
            };
            if !scopes.contains(&c.scope.as_str()) {
                return Err(invalid(format!(
                    "a {} is gathered as one of {scopes:?}",
                    c.mode
                )));
            }
            if (c.scope == "since")
                != c.since
                    .as_deref()
                    .is_some_and(|d| d.len() == 10 && crate::time::parse_date(d).is_some())
            {
                return Err(invalid(
                    "a conversation scrolled back to a date names that date (YYYY-MM-DD), and only then",
                ));
            }
            if let Some(p) = &c.pane {
                if p.stitched_height > p.content_height.max(p.cap) {
                    return Err(invalid("the stitched image covers more than the pane"));
                }
                if let Some(image) = &p.image {
                    if !self.artifacts.iter().any(|a| &a.name == image) {
                        return Err(invalid(format!(
                            "the pane's image '{image}' is not among the capture's files"
                        )));
                    }
                }
            }
            c.title.as_deref().map_or(Ok(()), check_text)?;
        }
        for (i, item) in self.items.iter().enumerate() {
            if item.n as usize != i + 1 {
                return Err(invalid(format!(
                    "item {} is numbered {}: items are numbered 1, 2, 3... in order",
                    i + 1,
                    item.n
                )));
            }
            item.post.text.as_deref().map_or(Ok(()), check_text)?;
            if let Some(crop) = &item.crop {
                match self.artifacts.iter().find(|a| a.name == crop.name) {
                    Some(a) if a.sha256 == crop.sha256 => {}
                    Some(_) => {
                        return Err(invalid(format!(
                            "item {}'s crop '{}' does not have the digest of that file",
                            item.n, crop.name
                        )))
                    }
                    None => {
                        return Err(invalid(format!(
                            "item {}'s crop '{}' is not among the capture's files",
                            item.n, crop.name
                        )))
                    }
                }
            }
        }
        Ok(())
    }
}

impl Artifact {
    pub fn validate(&self) -> Result<()> {
        if !is_safe_file_name(&self.name) {
            return Err(invalid(format!(
                "artifact name '{}' must be 1-{MAX_ARTIFACT_NAME} of a-z 0-9 . _ - and not start with a dot",
                self.name
            )));
        }
        if !is_sha256_hex(&self.sha256) {
            return Err(invalid(format!(
                "artifact '{}' has no valid SHA-256 (64 lowercase hex digits)",
                self.name
            )));
        }
        if self.media_type.is_empty() || self.method.is_empty() {
            return Err(invalid(format!(
                "artifact '{}' needs a media type and a method",
                self.name
            )));
        }
        Ok(())
    }
}

/// Names that are safe as a path component on every system a bundle may be unpacked on.
pub fn is_safe_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_ARTIFACT_NAME
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'.' | b'_' | b'-'))
}

/// A safe artifact name for a file the user adds, keeping its extension when it has one:
/// `"Capture d'écran 12.05.PNG"` becomes `capture-d-cran-12-05.png`.
pub fn artifact_name_for(original: &str) -> String {
    let lower = original.to_lowercase();
    let (stem, ext) = match lower.rsplit_once('.') {
        Some((s, e))
            if !s.is_empty()
                && (1..=8).contains(&e.len())
                && e.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            (s, Some(e))
        }
        _ => (lower.as_str(), None),
    };
    let mut slug = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "file" } else { slug };
    let ext_len = ext.map_or(0, |e| e.len() + 1);
    let stem: String = slug.chars().take(MAX_ARTIFACT_NAME - ext_len).collect();
    let stem = stem.trim_end_matches('-');
    match ext {
        Some(e) => format!("{stem}.{e}"),
        None => stem.to_owned(),
    }
}

fn invalid(message: impl Into<String>) -> Error {
    Error::new(ErrorCode::InvalidInput, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn artifact(name: &str) -> Artifact {
        Artifact {
            name: name.into(),
            media_type: "image/png".into(),
            size: 3,
            sha256: crate::digest::sha256_hex(b"png"),
            method: "tabs.captureVisibleTab".into(),
        }
    }

    fn capture(artifacts: Vec<Artifact>) -> Capture {
        Capture {
            page: Page {
                url: "https://example.test/p/1".into(),
                title: "t".into(),
                ..Page::default()
            },
            captured_at: "2026-11-28T10:00:00.000Z".into(),
            artifacts,
            ..Capture::default()
        }
    }

    #[test]
    fn accepts_a_plain_capture() {
        capture(vec![
            artifact("screenshot-visible.png"),
            artifact("page.html"),
        ])
        .validate()
        .unwrap();
    }

    #[test]
    fn rejects_unsafe_or_duplicate_names() {
        for bad in ["../x", "a/b", ".hidden", "", "UPPER.png", &"a".repeat(65)] {
            let err = capture(vec![artifact(bad)]).validate().unwrap_err();
            assert_eq!(err.code, ErrorCode::InvalidInput, "{bad}");
        }
        let dup = capture(vec![artifact("a.png"), artifact("a.png")]);
        assert!(dup.validate().unwrap_err().message.contains("twice"));
    }

    #[test]
    fn rejects_bad_digests_and_times() {
        let mut a = artifact("a.png");
        a.sha256 = "xyz".into();
        assert!(capture(vec![a]).validate().is_err());
        let mut c = capture(vec![artifact("a.png")]);
        c.captured_at = "yesterday".into();
        assert_eq!(c.validate().unwrap_err().code, ErrorCode::InvalidTime);
    }

    #[test]
    fn names_for_added_files_are_safe_and_keep_the_extension() {
        assert_eq!(
            artifact_name_for("Capture d'écran 12.05.PNG"),
            "capture-d-cran-12-05.png"
        );
        assert_eq!(artifact_name_for("message.eml"), "message.eml");
        assert_eq!(artifact_name_for("../../etc/passwd"), "etc-passwd");
        assert_eq!(artifact_name_for(".bashrc"), "bashrc");
        assert_eq!(artifact_name_for("😡"), "file");
        assert_eq!(artifact_name_for("archive.tar.gz"), "archive-tar.gz");
        let long = artifact_name_for(&format!("{}.jpeg", "a".repeat(200)));
        assert_eq!(long.len(), 64);
        assert!(long.ends_with(".jpeg"));
        for name in [
            "Capture d'écran.PNG",
            "../x",
            ".",
            "",
            "a b c",
            &"é".repeat(100),
        ] {
            assert!(is_safe_file_name(&artifact_name_for(name)), "{name}");
        }
    }

    #[test]
    fn json_shape_is_camel_case_and_tagged() {
        let body = EventBody::Capture(capture(vec![artifact("a.png")]));
        let v = serde_json::to_value(&body).unwrap();
        assert_eq!(v["kind"], "capture");
        assert_eq!(v["capturedAt"], "2026-11-28T10:00:00.000Z");
        assert_eq!(v["artifacts"][0]["mediaType"], "image/png");
    }

    #[test]
    fn unknown_fields_are_refused() {
        let mut v = serde_json::to_value(capture(vec![artifact("a.png")])).unwrap();
        v["extra"] = serde_json::json!(1);
        assert!(serde_json::from_value::<Capture>(v).is_err());
    }

    fn selection(n: usize) -> Capture {
        let mut c = capture(vec![
            artifact("screenshot-full.png"),
            artifact("item-001.png"),
        ]);
        c.collection = Some(Collection {
            mode: "selection".into(),
            scope: "replies".into(),
            ..Collection::default()
        });
        c.items = (1..=n as u32)
            .map(|n| Item {
                n,
                post: Post {
                    text: Some(format!("reply {n}")),
                    ..Post::default()
                },
                crop: (n == 1).then(|| ItemCrop {
                    name: "item-001.png".into(),
                    sha256: crate::digest::sha256_hex(b"png"),
                }),
            })
            .collect();
        c
    }

    #[test]
    fn a_capture_of_several_items_is_of_version_2_and_checked() {
        let c = selection(3);
        c.validate().unwrap();
        assert_eq!(EventBody::Capture(c.clone()).format_version(), 2);
        assert_eq!(
            EventBody::Capture(capture(vec![artifact("a.png")])).format_version(),
            1
        );

        let mut unnumbered = c.clone();
        unnumbered.items[2].n = 2;
        assert!(unnumbered.validate().is_err(), "items numbered 1, 2, 2");
        let mut forged = c.clone();
        forged.items[0].crop.as_mut().unwrap().sha256 = crate::digest::sha256_hex(b"other");
        assert!(
            forged.validate().is_err(),
            "a crop whose digest is not its file's"
        );
        let mut missing = c.clone();
        missing.items[0].crop.as_mut().unwrap().name = "item-999.png".into();
        assert!(
            missing.validate().is_err(),
            "a crop that is not a file of the capture"
        );
        let mut unsaid = c.clone();
        unsaid.collection = None;
        assert!(
            unsaid.validate().is_err(),
            "items without how they were gathered"
        );
        let mut bad_scope = c;
        bad_scope.collection.as_mut().unwrap().scope = "since".into();
        assert!(
            bad_scope.validate().is_err(),
            "a selection scrolled back to a date"
        );
        assert!(selection(MAX_ITEMS + 1).validate().is_err());
    }
}

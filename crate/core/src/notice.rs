//! What did not go as usual during a capture, as the stable codes a capture record keeps in
//! `notices` (docs/bundle-format.md, "Codes"). The record stores them as text, so that a
//! journal written by a later Témoin with a code this one does not know still reads; everything
//! that writes or explains a notice goes through this list (the extension's declarations are
//! made from it, and every code has its sentence for people in both languages).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum CaptureNotice {
    /// The browser would not let the page be read (its own pages, a store, a protected page).
    ScreenshotOnly,
    /// The page defeated the reader; the screenshots stand alone.
    PageReadFailed,
    /// The page's code was longer than the limit and was cut there.
    HtmlTruncated,
    /// A same-origin frame's code was longer than the limit and was cut there.
    FrameHtmlTruncated,
    /// The page had more frames than the capture keeps (the first 50 are listed).
    FramesCapped,
    /// The self-contained copy was longer than the limit and was cut there.
    SnapshotTruncated,
    /// Some style sheets could not be inlined into the self-contained copy.
    SnapshotStylesIncomplete,
    /// Some images could not be inlined into the self-contained copy.
    SnapshotImagesIncomplete,
    /// Images were left out of the self-contained copy to stay within its size limit.
    SnapshotImagesDropped,
    /// The page was taller than the limit: the full-page image stops there.
    FullPageCapped,
    /// The page fitted on the screen: the visible screenshot is the whole page.
    FullPageIsVisible,
    /// The full-page capture was turned off in the settings.
    FullPageOff,
    /// The right-clicked post was not recognised: no author, time or text.
    PostNotFound,
    /// The post extended beyond the captured area: its crop is partial or missing.
    PostCropClipped,
    /// The post was inside an embedded frame: it was not cropped.
    PostInFrameNotCropped,
    /// The right-clicked image could not be read.
    ImageNotReadable,
    /// This browser makes no MHTML archives.
    MhtmlUnavailable,
    /// The browser's MHTML archive failed.
    MhtmlFailed,
    /// The conversation was taller than the limit: its stitched image stops there (every
    /// message is still read as an item).
    PaneCapped,
    /// The start asked for was not reached: the app stopped loading older messages (or the
    /// capture's time ran out) before it.
    PaneStartNotReached,
    /// More items were selected than one capture keeps; the first ones are kept.
    ItemsCapped,
    /// An item extended beyond the captured area: its crop is partial or missing.
    ItemCropClipped,
}

impl CaptureNotice {
    pub const ALL: [CaptureNotice; 22] = [
        CaptureNotice::ScreenshotOnly,
        CaptureNotice::PageReadFailed,
        CaptureNotice::HtmlTruncated,
        CaptureNotice::FrameHtmlTruncated,
        CaptureNotice::FramesCapped,
        CaptureNotice::SnapshotTruncated,
        CaptureNotice::SnapshotStylesIncomplete,
        CaptureNotice::SnapshotImagesIncomplete,
        CaptureNotice::SnapshotImagesDropped,
        CaptureNotice::FullPageCapped,
        CaptureNotice::FullPageIsVisible,
        CaptureNotice::FullPageOff,
        CaptureNotice::PostNotFound,
        CaptureNotice::PostCropClipped,
        CaptureNotice::PostInFrameNotCropped,
        CaptureNotice::ImageNotReadable,
        CaptureNotice::MhtmlUnavailable,
        CaptureNotice::MhtmlFailed,
        CaptureNotice::PaneCapped,
        CaptureNotice::PaneStartNotReached,
        CaptureNotice::ItemsCapped,
        CaptureNotice::ItemCropClipped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CaptureNotice::ScreenshotOnly => "screenshot-only",
            CaptureNotice::PageReadFailed => "page-read-failed",
            CaptureNotice::HtmlTruncated => "html-truncated",
            CaptureNotice::FrameHtmlTruncated => "frame-html-truncated",
            CaptureNotice::FramesCapped => "frames-capped",
            CaptureNotice::SnapshotTruncated => "snapshot-truncated",
            CaptureNotice::SnapshotStylesIncomplete => "snapshot-styles-incomplete",
            CaptureNotice::SnapshotImagesIncomplete => "snapshot-images-incomplete",
            CaptureNotice::SnapshotImagesDropped => "snapshot-images-dropped",
            CaptureNotice::FullPageCapped => "full-page-capped",
            CaptureNotice::FullPageIsVisible => "full-page-is-visible",
            CaptureNotice::FullPageOff => "full-page-off",
            CaptureNotice::PostNotFound => "post-not-found",
            CaptureNotice::PostCropClipped => "post-crop-clipped",
            CaptureNotice::PostInFrameNotCropped => "post-in-frame-not-cropped",
            CaptureNotice::ImageNotReadable => "image-not-readable",
            CaptureNotice::MhtmlUnavailable => "mhtml-unavailable",
            CaptureNotice::MhtmlFailed => "mhtml-failed",
            CaptureNotice::PaneCapped => "pane-capped",
            CaptureNotice::PaneStartNotReached => "pane-start-not-reached",
            CaptureNotice::ItemsCapped => "items-capped",
            CaptureNotice::ItemCropClipped => "item-crop-clipped",
        }
    }

    /// The notice a record's code names, if this Témoin knows it.
    pub fn from_code(code: &str) -> Option<CaptureNotice> {
        CaptureNotice::ALL.into_iter().find(|n| n.as_str() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_is_its_serde_name_and_reads_back() {
        for n in CaptureNotice::ALL {
            assert_eq!(
                serde_json::to_string(&n).ok(),
                Some(format!("\"{}\"", n.as_str()))
            );
            assert_eq!(CaptureNotice::from_code(n.as_str()), Some(n));
        }
        assert_eq!(CaptureNotice::from_code("made-up"), None);
    }
}

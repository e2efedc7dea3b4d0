//! Every document built from a case whose entries came from outside (an imported bundle, a
//! damaged journal): the fuzz regressions and the corpus run what the core read through here,
//! so that hostile input reaching the documents stays a test.

use temoin_core::journal::Entry;
use temoin_core::lang::Lang;
use temoin_core::view::CaseView;

use crate::report::{csv, letters};

/// Builds every document of `view` and drops them: the point is that none panics.
pub fn every_document(view: &CaseView, entries: &[Entry]) {
    let _ = csv::render(view, temoin_core::bundle::FORMAT_VERSION);
    let today = time::macros::date!(2026 - 11 - 29);
    for kind in ["procureur", "erasure"] {
        let request = letters::LetterRequest {
            kind,
            head: None,
            seq: None,
            platform: None,
            writer: letters::Writer::Parent,
            today,
            lang: Lang::En,
        };
        let _ = letters::letters(view, &request);
    }
    let _ = crate::guide::for_case(view, entries, None, "FR", today, Lang::Fr);
    for item in view.chronology() {
        let _ = letters::platform_report(item, view.minor(), Lang::En);
        let _ = letters::pharos_summary(item, view.minor());
    }
}

//! The report's words, in each language it is written in.

pub use temoin_core::lang::Lang;

/// The words of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

pub struct Words {
    pub lang: Lang,
    pub report_title: &'static str,
    pub skip_to_chronology: &'static str,
    pub case: &'static str,
    pub person: &'static str,
    pub minor: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub description: &'static str,
    pub period: &'static str,
    /// The days the facts happened: each capture's publication, or its capture when the page
    /// gave no publication time.
    pub facts_period: &'static str,
    pub facts_period_note: &'static str,
    pub captures: &'static str,
    pub added_files: &'static str,
    pub exported_at: &'static str,
    /// Said after the export's time: the journal does not record the zone it was made in.
    pub exported_at_utc_note: &'static str,
    pub generator: &'static str,
    pub verify_heading: &'static str,
    /// How to check the bundle, in one paragraph, with the condition the claim rests on.
    pub verify_paragraph: &'static str,
    pub deadlines: &'static str,
    pub source: &'static str,
    /// The colon that introduces a value, spaced as the language spaces it.
    pub colon: &'static str,
    pub chronology: &'static str,
    pub number: &'static str,
    pub published: &'static str,
    /// The same time for a private message or e-mail, which is sent, not published.
    pub sent: &'static str,
    pub captured: &'static str,
    pub when: &'static str,
    pub platform: &'static str,
    pub author: &'static str,
    pub author_page: &'static str,
    pub excerpt: &'static str,
    pub url: &'static str,
    pub visibility: &'static str,
    pub public_content: &'static str,
    pub private_message: &'static str,
    pub entry_hash: &'static str,
    pub by_author: &'static str,
    pub by_platform: &'static str,
    pub count: &'static str,
    pub unknown: &'static str,
    pub capture_heading: &'static str,
    pub added_heading: &'static str,
    pub added_notice: &'static str,
    pub withheld_notice: &'static str,
    pub page_title: &'static str,
    pub post_text: &'static str,
    pub permalink: &'static str,
    /// How the post's fields were read from the page (`Post::extracted_by`).
    pub read_by: &'static str,
    pub how_captured: &'static str,
    pub browser: &'static str,
    pub os: &'static str,
    pub time_zone: &'static str,
    pub device_clock: &'static str,
    pub extension_version: &'static str,
    pub viewport: &'static str,
    pub incognito: &'static str,
    pub not_captured: &'static str,
    pub statement: &'static str,
    /// The heading when the statement was recorded in the other language.
    pub statement_other_language: &'static str,
    pub translation_label: &'static str,
    pub technical: &'static str,
    pub file: &'static str,
    pub size: &'static str,
    pub method: &'static str,
    pub categories: &'static str,
    pub notes: &'static str,
    pub deleted: &'static str,
    pub deleted_notice: &'static str,
    pub reason: &'static str,
    pub journal_heading: &'static str,
    pub entry_kind: &'static str,
    pub about_entry: &'static str,
    pub details: &'static str,
    pub nothing: &'static str,
    pub proves_heading: &'static str,
    pub proves_subheading: &'static str,
    pub proves: [&'static str; 3],
    pub not_proves_subheading: &'static str,
    pub not_proves: [&'static str; 4],
    pub original_name: &'static str,
    pub added_at: &'static str,
    pub kind_names: [(&'static str, &'static str); 9],
    pub category_names: [(&'static str, &'static str); 9],
}

impl Words {
    pub fn kind(&self, kind: &str) -> &'static str {
        self.kind_names
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or("?", |(_, w)| w)
    }

    pub fn category(&self, category: &str) -> &'static str {
        self.category_names
            .iter()
            .find(|(k, _)| *k == category)
            .map_or("?", |(_, w)| w)
    }
}

pub static FR: Words = Words {
    lang: Lang::Fr,
    report_title: "Dossier de preuves — cyberharcèlement",
    skip_to_chronology: "Aller à la chronologie",
    case: "Dossier",
    person: "Personne visée",
    minor: "Mineur(e)",
    yes: "oui",
    no: "non",
    description: "Description",
    period: "Période des captures",
    facts_period: "Période des faits",
    facts_period_note: "(dates de publication\u{a0}; si la page n'affichait qu'une durée, du jour le plus ancien au plus récent possibles, estimés\u{a0}; sinon date de capture)",
    captures: "Captures",
    added_files: "Fichiers ajoutés",
    exported_at: "Exporté le",
    exported_at_utc_note: "en temps universel\u{a0}: le journal n'enregistre pas l'heure locale de l'export",
    generator: "Produit par",
    verify_heading: "Comment vérifier ce dossier",
    verify_paragraph: "Dans le dossier obtenu en décompressant le fichier ZIP (celui de ce rapport), comparez d'abord le code de contrôle à celui noté par la personne qui a exporté le dossier, ailleurs et au moment de l'export (courriel à elle-même, feuille imprimée, lettre)\u{a0}: c'est la condition dont dépend tout le reste, car un code lu dans le dossier lui-même ne prouve rien. Le code est dans chain-head.txt, après le numéro de l'entrée\u{a0}; il a pu être noté par groupes de quatre caractères. Sous Linux ou macOS, lancez «\u{a0}sha256sum -c SHA256SUMS\u{a0}» dans ce dossier\u{a0}: chaque ligne doit finir par «\u{a0}OK\u{a0}». Sous Windows, «\u{a0}certutil -hashfile FICHIER SHA256\u{a0}» ou, dans PowerShell, «\u{a0}Get-FileHash FICHIER\u{a0}» donne l'empreinte d'un fichier, à comparer avec sa ligne de SHA256SUMS. Ces commandes vérifient seulement chaque fichier. L'outil en ligne de commande de Témoin («\u{a0}temoin verify --expect-head CODE dossier.zip\u{a0}») et la page «\u{a0}Importer et vérifier\u{a0}» de l'extension Témoin, avec le fichier ZIP et le code noté, vérifient en plus chaque maillon du journal et qu'il aboutit à ce code\u{a0}: s'ils le confirment, rien n'a changé depuis l'export.",
    deadlines: "Délais pour agir, au jour de l'export",
    source: "Source\u{a0}:",
    colon: "\u{a0}:",
    chronology: "Chronologie",
    number: "N°",
    published: "Publication",
    sent: "Date d'envoi",
    captured: "Capture",
    when: "Date",
    platform: "Plateforme",
    author: "Auteur",
    author_page: "Page de l'auteur",
    excerpt: "Extrait",
    url: "Adresse de la page",
    visibility: "Visibilité",
    public_content: "publication ou commentaire (son caractère public n'a pas été vérifié\u{a0}: il dépend des réglages du compte et de la plateforme)",
    private_message: "message privé ou e-mail",
    entry_hash: "Empreinte de l'entrée du journal",
    by_author: "Par auteur",
    by_platform: "Par plateforme",
    count: "Nombre",
    unknown: "inconnu",
    capture_heading: "Capture n°",
    added_heading: "Fichier ajouté n°",
    added_notice: "Fichier ajouté par l'utilisateur\u{a0}: il n'a pas été capturé par Témoin. Son empreinte prouve seulement qu'il n'a pas changé depuis son ajout.",
    withheld_notice: "Image non reproduite\u{a0}: cette capture est classée «\u{a0}Images intimes\u{a0}» dans le dossier d'une personne mineure\u{a0}; Témoin ne copie pas ses images dans les dossiers exportés, pour ne pas les diffuser davantage. L'adresse, le compte, l'heure et les empreintes restent ci-dessous\u{a0}; si les enquêteurs ont besoin de l'image, ce sont eux qui diront comment procéder.",
    page_title: "Titre de la page",
    post_text: "Texte du message",
        permalink: "Lien du message",
    read_by: "Champs du message lus par",
    how_captured: "Comment cette capture a été faite",
    browser: "Navigateur",
    os: "Système",
    time_zone: "Fuseau horaire",
    device_clock: "Horloge de l'appareil",
    extension_version: "Version de Témoin",
    viewport: "Taille de la fenêtre (pixels)",
    incognito: "Navigation privée",
    not_captured: "Remarques sur la capture (ce qui n'a pas pu être capturé, ou comment)",
    statement: "Ce que la capture dit d'elle-même (texte enregistré avec elle)",
    statement_other_language: "Ce que la capture dit d'elle-même (tel qu'enregistré avec la capture, en anglais)",
    translation_label: "Traduction, qui ne fait pas partie de l'enregistrement\u{a0}:",
    technical: "Détails techniques",
    file: "Fichier",
    size: "Taille (octets)",
    method: "Méthode",
    categories: "Catégories",
    notes: "Notes",
    deleted: "Supprimé",
    deleted_notice: "Les fichiers de cette entrée ont été supprimés\u{a0}; leurs empreintes restent ci-dessous.",
    reason: "Motif",
    journal_heading: "Journal des notes, catégories, démarches et suppressions",
    entry_kind: "Type",
    about_entry: "Concerne",
    details: "Détail",
    nothing: "Aucun.",
    proves_heading: "Ce que ces captures prouvent, et ce qu'elles ne prouvent pas",
    proves_subheading: "Ce qu'elles prouvent, si le code de contrôle correspond à celui noté à l'export",
    proves: [
        "Chaque fichier est identique, octet pour octet, à celui dont le journal a scellé l'empreinte SHA-256 avec sa capture\u{a0}: la moindre modification la change.",
        "L'ordre des entrées du journal et leur contenu n'ont pas changé\u{a0}: chaque entrée contient l'empreinte de la précédente.",
        "L'heure de chaque capture est celle de l'horloge de l'appareil, donnée en heure locale et en temps universel (UTC).",
    ],
    not_proves_subheading: "Ce qu'elles ne prouvent pas",
    not_proves: [
        "Une capture faite dans le navigateur de la victime n'établit pas à elle seule que la page n'a pas été modifiée avant la capture\u{a0}: le juge apprécie la valeur de chaque capture.",
        "L'horloge de l'appareil n'est pas certifiée, et la capture n'établit pas qui tient réellement un compte.",
        "Sans code de contrôle noté ailleurs, quelqu'un qui réécrirait tout le journal pourrait le rendre cohérent\u{a0}: la vérification seule ne l'exclut pas.",
        "Quand l'enjeu est important, un constat par un commissaire de justice (l'ancien huissier) fait foi jusqu'à preuve contraire devant le juge civil\u{a0}; devant le juge pénal, il vaut simple renseignement (ordonnance n°\u{a0}2016-728, art.\u{a0}1).",
    ],
    original_name: "Nom d'origine",
    added_at: "Ajouté le",
    kind_names: [
        ("capture", "Capture"),
        ("fileAdded", "Fichier ajouté"),
        ("caseDetails", "Détails du dossier"),
        ("note", "Note"),
        ("categories", "Catégories"),
        ("deletion", "Suppression"),
        ("stepDone", "Démarche faite"),
        ("export", "Export (scellé)"),
        ("timestamp", "Horodatage (autorité externe)"),
    ],
    category_names: [
        ("insult", "Insulte"),
        ("threat", "Menace"),
        ("sexual-harassment", "Harcèlement sexuel"),
        ("intimate-images", "Images intimes"),
        ("personal-data", "Données personnelles exposées"),
        ("impersonation", "Usurpation d'identité"),
        ("hate", "Haine ou discrimination"),
        ("pile-on", "Raid / harcèlement en meute"),
        ("other", "Autre"),
    ],
};

pub static EN: Words = Words {
    lang: Lang::En,
    report_title: "Evidence file — online harassment",
    skip_to_chronology: "Skip to the chronology",
    case: "Case",
    person: "Person targeted",
    minor: "Minor",
    yes: "yes",
    no: "no",
    description: "Description",
    period: "Period of the captures",
    facts_period: "Period of the facts",
    facts_period_note: "(posting dates; if the page showed only a duration, from the earliest to the latest possible day, estimated; otherwise capture date)",
    captures: "Captures",
    added_files: "Added files",
    exported_at: "Exported",
    exported_at_utc_note: "in universal time: the journal does not record the local time of the export",
    generator: "Produced by",
    verify_heading: "How to verify this file",
    verify_paragraph: "In the folder the ZIP file unzips to (this report's), first compare the control code with the one written down by the person who exported it, elsewhere and at the time (an e-mail to themselves, a printed sheet, a letter): everything else depends on it, since a code read from the file itself proves nothing. The code is in chain-head.txt, after the entry's number; it may have been written down in groups of four characters. On Linux or macOS, run \"sha256sum -c SHA256SUMS\" in that folder: every line must end with \"OK\". On Windows, \"certutil -hashfile FILE SHA256\" or, in PowerShell, \"Get-FileHash FILE\" gives a file's fingerprint, to compare with its line in SHA256SUMS. These commands only check each file. Témoin's command-line tool (\"temoin verify --expect-head CODE bundle.zip\") and the Témoin extension's \"Import and verify\" page, given the ZIP file and the code written down, also check every link of the journal and that it ends at that code: if they confirm it, nothing has changed since the export.",
    deadlines: "Deadlines to act, as of the export",
    source: "Source:",
    colon: ":",
    chronology: "Chronology",
    number: "No.",
    published: "Published",
    sent: "Sent",
    captured: "Captured",
    when: "Date",
    platform: "Platform",
    author: "Author",
    author_page: "Author's page",
    excerpt: "Excerpt",
    url: "Page address",
    visibility: "Visibility",
    public_content: "a post or a comment (whether it was public was not checked: it depends on the account's and the platform's settings)",
    private_message: "a private message or e-mail",
    entry_hash: "Journal entry fingerprint",
    by_author: "By author",
    by_platform: "By platform",
    count: "Count",
    unknown: "unknown",
    capture_heading: "Capture no.",
    added_heading: "Added file no.",
    added_notice: "File added by the user: it was not captured by Témoin. Its fingerprint only proves that it has not changed since it was added.",
    withheld_notice: "Image not reproduced: this capture is tagged \"Intimate images\" in a minor's case; Témoin leaves its images out of exported bundles so as not to spread them further. The address, the account, the time and the fingerprints remain below; if investigators need the image, they will say how to proceed.",
    page_title: "Page title",
    post_text: "Post text",
        permalink: "Link to the post",
    read_by: "Post's fields read by",
    how_captured: "How this capture was made",
    browser: "Browser",
    os: "System",
    time_zone: "Time zone",
    device_clock: "Device clock",
    extension_version: "Témoin version",
    viewport: "Window size (pixels)",
    incognito: "Private browsing",
    not_captured: "Notes on the capture (what could not be captured, or how)",
    statement: "What the capture says of itself (text recorded with it)",
    statement_other_language: "What the capture says of itself (as recorded with the capture, in French)",
    translation_label: "Translation, not part of the record:",
    technical: "Technical details",
    file: "File",
    size: "Size (bytes)",
    method: "Method",
    categories: "Categories",
    notes: "Notes",
    deleted: "Deleted",
    deleted_notice: "The files of this entry were deleted; their fingerprints remain below.",
    reason: "Reason",
    journal_heading: "Journal of notes, categories, steps and deletions",
    entry_kind: "Kind",
    about_entry: "About",
    details: "Details",
    nothing: "None.",
    proves_heading: "What these captures prove, and what they do not",
    proves_subheading: "What they prove, if the control code matches the one written down at export",
    proves: [
        "Every file is identical, byte for byte, to the one whose SHA-256 fingerprint the journal sealed with its capture: the smallest change alters it.",
        "The order and content of the journal's entries have not changed: each entry holds the fingerprint of the one before.",
        "Each capture's time is the device's clock, given in local time and in Coordinated Universal Time (UTC).",
    ],
    not_proves_subheading: "What they do not prove",
    not_proves: [
        "A capture made in the victim's own browser does not by itself establish that the page was not edited before the capture: the court weighs each capture.",
        "The device's clock is not certified, and a capture does not establish who really runs an account.",
        "Without a control code written down elsewhere, someone who rewrote the whole journal could make it consistent again: verification alone does not rule that out.",
        "When the stakes are high, a statement by a commissaire de justice (a French bailiff) is taken as true until proven otherwise before a civil court; before a criminal court it counts as information only (ordonnance no. 2016-728, art. 1).",
    ],
    original_name: "Original name",
    added_at: "Added",
    kind_names: [
        ("capture", "Capture"),
        ("fileAdded", "Added file"),
        ("caseDetails", "Case details"),
        ("note", "Note"),
        ("categories", "Categories"),
        ("deletion", "Deletion"),
        ("stepDone", "Step done"),
        ("export", "Export (sealed)"),
        ("timestamp", "Time stamp (outside authority)"),
    ],
    category_names: [
        ("insult", "Insult"),
        ("threat", "Threat"),
        ("sexual-harassment", "Sexual harassment"),
        ("intimate-images", "Intimate images"),
        ("personal-data", "Personal data exposed"),
        ("impersonation", "Impersonation"),
        ("hate", "Hate or discrimination"),
        ("pile-on", "Pile-on / raid"),
        ("other", "Other"),
    ],
};

/// A count or a size as people write it: « 2\u{202f}191 » in French (a narrow no-break space
/// between groups of three digits), "2,191" in English.
pub fn number(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = lang.pick("\u{202f}", ",");
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

impl Words {
    /// How a post's fields were read (`platform:<name>`, `json-ld`, `microdata`, `generic`), for
    /// people: the more generic the reading, the more a reader should check the screenshot.
    pub fn reading(&self, how: &str) -> String {
        let fr = self.lang == Lang::Fr;
        match how {
            "json-ld" | "microdata" => (if fr {
                "les données structurées que la page publie sur le message"
            } else {
                "the structured data the page publishes about the post"
            })
            .to_owned(),
            "generic" => (if fr {
                "une lecture générique du bloc cliqué (à vérifier sur la capture d'écran)"
            } else {
                "a generic reading of the clicked block (check against the screenshot)"
            })
            .to_owned(),
            other => match other.strip_prefix("platform:") {
                Some(p) if fr => format!("la lecture propre à la plateforme ({p})"),
                Some(p) => format!("the platform's own reading ({p})"),
                None => other.to_owned(),
            },
        }
    }
}

/// What a notice code of a capture record means, for people (the record keeps the code).
pub fn notice_text(code: &str, lang: Lang) -> Option<&'static str> {
    let (fr, en) = match code {
        "screenshot-only" => ("Capture d'écran seule\u{a0}: la page ne pouvait pas être lue (page du navigateur ou protégée).", "Screenshot only: the page could not be read (a browser page or a protected one)."),
        "page-read-failed" => ("La lecture de la page a échoué\u{a0}: seule la capture d'écran est gardée.", "Reading the page failed: only the screenshot is kept."),
        "html-truncated" => ("Le code de la page, trop long, a été coupé à la limite fixée.", "The page's code was too long and was cut at the set limit."),
                "frame-html-truncated" => ("Le code d'un cadre intégré, trop long, a été coupé à la limite fixée.", "An embedded frame's code was too long and was cut at the set limit."),
        "frames-capped" => ("La page avait plus de 50 cadres intégrés\u{a0}: seuls les 50 premiers sont listés.", "The page had more than 50 embedded frames: only the first 50 are listed."),
        "snapshot-truncated" => ("La copie autonome, trop longue, a été coupée.", "The self-contained copy was too long and was cut."),
        "snapshot-styles-incomplete" => ("Certains styles de la page manquent dans la copie autonome.", "Some of the page's styles are missing from the self-contained copy."),
        "snapshot-images-incomplete" => ("Certaines images manquent dans la copie autonome.", "Some images are missing from the self-contained copy."),
        "snapshot-images-dropped" => ("Des images ont été retirées de la copie autonome pour rester dans la limite de taille.", "Images were left out of the self-contained copy to stay within the size limit."),
        "full-page-capped" => ("La page était trop haute\u{a0}: l'image de la page entière s'arrête à la limite fixée.", "The page was too tall: the full-page image stops at the set limit."),
        "full-page-is-visible" => ("La page tenait dans l'écran\u{a0}: la capture de l'écran est la page entière.", "The page fitted on the screen: the screenshot is the whole page."),
        "full-page-off" => ("La capture de la page entière était désactivée dans les réglages.", "The full-page capture was turned off in the settings."),
        "post-not-found" => ("Le message cliqué n'a pas été reconnu dans la page\u{a0}: son auteur, sa date et son texte manquent.", "The right-clicked post was not recognised in the page: its author, time and text are missing."),
        "post-crop-clipped" => ("Le message dépassait de la zone capturée\u{a0}: sa découpe est partielle ou manque.", "The post extended beyond the captured area: its crop is partial or missing."),
        "post-in-frame-not-cropped" => ("Le message était dans un cadre intégré\u{a0}: il n'a pas été découpé.", "The post was inside an embedded frame: it was not cropped."),
        "image-not-readable" => ("L'image cliquée n'a pas pu être lue.", "The right-clicked image could not be read."),
        "mhtml-unavailable" => ("Ce navigateur ne fait pas d'archive MHTML.", "This browser does not make MHTML archives."),
        "mhtml-failed" => ("L'archive MHTML du navigateur a échoué.", "The browser's MHTML archive failed."),
        "pane-capped" => ("La conversation était trop longue\u{a0}: son image s'arrête à la limite fixée, mais chaque message est relevé un par un.", "The conversation was too long: its image stops at the set limit, but every message is recorded one by one."),
        "pane-start-not-reached" => ("Le début demandé n'a pas été atteint\u{a0}: l'application n'a plus chargé de messages plus anciens.", "The start asked for was not reached: the app loaded no older messages."),
        "items-capped" => ("Plus de messages étaient choisis qu'une capture n'en garde\u{a0}: les premiers sont gardés.", "More posts were chosen than one capture keeps: the first ones are kept."),
        "item-crop-clipped" => ("Un ou plusieurs messages dépassaient de la zone capturée\u{a0}: leur découpe est partielle ou manque.", "One or more posts extended beyond the captured area: their crop is partial or missing."),
        _ => return None,
    };
    Some(lang.pick(fr, en))
}

/// How an artifact was obtained, for people, from its name (the record keeps the exact
/// method it was made with).
pub fn method_text(name: &str, method: &str, lang: Lang) -> Option<&'static str> {
    if method == "added-by-user" {
        return Some(lang.pick(
            "fichier ajouté par l'utilisateur, tel quel",
            "file added by the user, as it was",
        ));
    }
    let (fr, en) = match name {
        "screenshot-visible.png" => ("capture de l'écran visible, par le navigateur", "screenshot of the visible screen, by the browser"),
        "screenshot-full.png" => ("page entière, assemblée écran par écran", "whole page, stitched screen by screen"),
        "screenshot-post.png" => ("découpe du message dans la capture d'écran", "the post cut out of the screenshot"),
        "screenshot-post-captioned.png" => ("copie de la découpe avec une légende (numéro, heure, adresse)\u{a0}; l'original est inchangé", "copy of the crop with a caption (number, time, address); the original is unchanged"),
        "page.html" => ("code de la page tel que le navigateur l'affichait, lu à l'abri des scripts de la page", "the page's code as the browser displayed it, read out of reach of the page's scripts"),
        "snapshot.html" => ("copie autonome\u{a0}: scripts retirés, styles et images intégrés, aucun chargement réseau", "self-contained copy: scripts removed, styles and images inlined, no network loads"),
        "page.mhtml" => ("archive MHTML faite par le navigateur", "MHTML archive made by the browser"),
        "image.png" => ("image cliquée, telle qu'affichée", "the right-clicked image, as displayed"),
        n if n.starts_with("frame-") && n.ends_with(".html") => ("code d'un cadre de la même origine", "code of a same-origin frame"),
        "screenshot-conversation.png" => ("conversation entière, assemblée écran par écran en faisant défiler sa zone", "whole conversation, stitched screen by screen by scrolling its pane"),
        "pane.html" => ("code de la zone de la conversation, lu à l'abri des scripts de la page", "the conversation pane's code, read out of reach of the page's scripts"),
        n if n.starts_with("item-") && n.ends_with(".png") => ("découpe d'un message choisi dans l'image de la page entière", "one chosen post cut out of the whole-page image"),
        _ => return None,
    };
    Some(lang.pick(fr, en))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_of_conversations_and_selections_are_described() {
        for name in ["screenshot-conversation.png", "pane.html", "item-001.png"] {
            assert!(
                method_text(name, "tabs.captureVisibleTab", Lang::Fr).is_some(),
                "{name}"
            );
        }
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(number(0, Lang::Fr), "0");
        assert_eq!(number(999, Lang::Fr), "999");
        assert_eq!(number(2191, Lang::Fr), "2\u{202f}191");
        assert_eq!(number(2191, Lang::En), "2,191");
        assert_eq!(number(1_234_567, Lang::Fr), "1\u{202f}234\u{202f}567");
        assert_eq!(number(1_234_567, Lang::En), "1,234,567");
        assert_eq!(number(100_000, Lang::En), "100,000");
    }
}

//! The report's words, in each language it is written in.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// French for any `fr*` tag, English otherwise.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn words(self) -> &'static Words {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

pub struct Words {
    pub report_title: &'static str,
    pub case: &'static str,
    pub person: &'static str,
    pub minor: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub description: &'static str,
    pub period: &'static str,
    pub captures: &'static str,
    pub added_files: &'static str,
    pub chain_head: &'static str,
    pub exported_at: &'static str,
    pub generator: &'static str,
    pub keep_head: &'static str,
    pub deadlines: &'static str,
    pub chronology: &'static str,
    pub number: &'static str,
    pub published: &'static str,
    pub captured: &'static str,
    pub platform: &'static str,
    pub author: &'static str,
    pub excerpt: &'static str,
    pub url: &'static str,
    pub entry_hash: &'static str,
    pub by_author: &'static str,
    pub by_platform: &'static str,
    pub count: &'static str,
    pub unknown: &'static str,
    pub capture_heading: &'static str,
    pub added_heading: &'static str,
    pub added_notice: &'static str,
    pub page_title: &'static str,
    pub post_text: &'static str,
    pub permalink: &'static str,
    pub metadata: &'static str,
    pub files: &'static str,
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
    pub verify_heading: &'static str,
    pub verify_steps: [&'static str; 4],
    pub proves_heading: &'static str,
    pub proves: [&'static str; 3],
    pub not_proves: [&'static str; 4],
    pub original_name: &'static str,
    pub added_at: &'static str,
    pub kind_names: [(&'static str, &'static str); 8],
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
    report_title: "Dossier de preuves — cyberharcèlement",
    case: "Dossier",
    person: "Personne visée",
    minor: "Mineur(e)",
    yes: "oui",
    no: "non",
    description: "Description",
    period: "Période couverte (captures)",
    captures: "Captures",
    added_files: "Fichiers ajoutés",
    chain_head: "Dernière entrée couverte par ce rapport",
    exported_at: "Exporté le (UTC)",
    generator: "Produit par",
    keep_head: "Ce rapport est scellé par l'entrée suivante du journal, l'export. Le code de contrôle du dossier est l'empreinte de cette entrée : il est dans chain-head.txt, et la personne qui a exporté l'a noté ailleurs (courriel à elle-même, courrier, page de garde imprimée). C'est à ce code noté ailleurs qu'on compare le dossier (temoin verify --expect-head, ou la page « Importer et vérifier » de Témoin).",
    deadlines: "Délais pour agir",
    chronology: "Chronologie",
    number: "N°",
    published: "Publié le",
    captured: "Capturé le (UTC)",
    platform: "Plateforme",
    author: "Auteur",
    excerpt: "Extrait",
    url: "Adresse",
    entry_hash: "Empreinte de l'entrée",
    by_author: "Par auteur",
    by_platform: "Par plateforme",
    count: "Nombre",
    unknown: "inconnu",
    capture_heading: "Capture n°",
    added_heading: "Fichier ajouté n°",
    added_notice: "Fichier ajouté par l'utilisateur : il n'a pas été capturé par Témoin. Son empreinte prouve seulement qu'il n'a pas changé depuis son ajout.",
    page_title: "Titre de la page",
    post_text: "Texte du message",
    permalink: "Lien permanent",
    metadata: "Métadonnées",
    files: "Fichiers",
    file: "Fichier",
    size: "Taille (octets)",
    method: "Méthode",
    categories: "Catégories",
    notes: "Notes",
    deleted: "Supprimé",
    deleted_notice: "Les fichiers de cette entrée ont été supprimés ; leurs empreintes restent ci-dessous.",
    reason: "Motif",
    journal_heading: "Journal des notes, catégories et suppressions",
    entry_kind: "Type",
    about_entry: "Concerne",
    details: "Détail",
    nothing: "Aucune.",
    verify_heading: "Comment vérifier ce dossier",
    verify_steps: [
        "Décompressez le fichier ZIP puis, dans le dossier obtenu, lancez « sha256sum -c SHA256SUMS » : chaque fichier doit être « OK ».",
        "Avec l'outil en ligne de commande de Témoin : « temoin verify dossier.zip » vérifie chaque empreinte, chaque maillon de la chaîne et chaque fichier (code de sortie 0 si tout est intact).",
        "Dans l'extension Témoin, page « Importer et vérifier » : déposez le fichier ZIP.",
        "Comparez l'empreinte de tête ci-dessus avec celle notée au moment de la remise du dossier.",
    ],
    proves_heading: "Ce que ces captures prouvent, et ce qu'elles ne prouvent pas",
    proves: [
        "Chaque fichier est identique, octet pour octet, à ce qui a été enregistré au moment de la capture : la moindre modification change son empreinte SHA-256.",
        "L'ordre des entrées et leur contenu n'ont pas été modifiés depuis : chaque entrée contient l'empreinte de la précédente.",
        "L'heure de capture est celle de l'horloge de l'appareil, en temps universel (UTC).",
    ],
    not_proves: [
        "Une capture faite dans le navigateur de la victime n'établit pas à elle seule que la page n'a pas été modifiée avant la capture ; en droit français c'est au mieux un commencement de preuve.",
        "L'horloge de l'appareil n'est pas certifiée, et l'identité réelle de l'auteur d'un compte n'est pas établie par la capture.",
        "Quelqu'un qui réécrirait toute la chaîne pourrait la rendre cohérente : seule la comparaison avec une empreinte de tête notée ailleurs l'exclut.",
        "Quand l'enjeu est important, un constat par un commissaire de justice (ex-huissier) a une force probante supérieure.",
    ],
    original_name: "Nom d'origine",
    added_at: "Ajouté le (UTC)",
    kind_names: [
        ("capture", "Capture"),
        ("fileAdded", "Fichier ajouté"),
        ("caseDetails", "Détails du dossier"),
        ("note", "Note"),
        ("categories", "Catégories"),
        ("deletion", "Suppression"),
        ("stepDone", "Démarche faite"),
        ("export", "Export (scellé)"),
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
    report_title: "Evidence file — online harassment",
    case: "Case",
    person: "Person targeted",
    minor: "Minor",
    yes: "yes",
    no: "no",
    description: "Description",
    period: "Period covered (captures)",
    captures: "Captures",
    added_files: "Added files",
    chain_head: "Last entry this report covers",
    exported_at: "Exported (UTC)",
    generator: "Produced by",
    keep_head: "This report is sealed by the journal's next entry, the export. The bundle's control code is that entry's fingerprint: it is in chain-head.txt, and whoever exported the bundle wrote it down elsewhere (an e-mail to themselves, a letter, a printed cover). The bundle is checked against that code written down elsewhere (temoin verify --expect-head, or Témoin's \"Import and verify\" page).",
    deadlines: "Deadlines to act",
    chronology: "Chronology",
    number: "No.",
    published: "Published",
    captured: "Captured (UTC)",
    platform: "Platform",
    author: "Author",
    excerpt: "Excerpt",
    url: "Address",
    entry_hash: "Entry fingerprint",
    by_author: "By author",
    by_platform: "By platform",
    count: "Count",
    unknown: "unknown",
    capture_heading: "Capture no.",
    added_heading: "Added file no.",
    added_notice: "File added by the user: it was not captured by Témoin. Its fingerprint only proves that it has not changed since it was added.",
    page_title: "Page title",
    post_text: "Post text",
    permalink: "Permalink",
    metadata: "Metadata",
    files: "Files",
    file: "File",
    size: "Size (bytes)",
    method: "Method",
    categories: "Categories",
    notes: "Notes",
    deleted: "Deleted",
    deleted_notice: "The files of this entry were deleted; their fingerprints remain below.",
    reason: "Reason",
    journal_heading: "Journal of notes, categories and deletions",
    entry_kind: "Kind",
    about_entry: "About",
    details: "Details",
    nothing: "None.",
    verify_heading: "How to verify this file",
    verify_steps: [
        "Unzip the file and, in the folder it gives, run `sha256sum -c SHA256SUMS`: every file must be \"OK\".",
        "With Témoin's command-line tool: `temoin verify bundle.zip` checks every fingerprint, every link of the chain and every file (exit status 0 when all is intact).",
        "In the Témoin extension, \"Import and verify\" page: drop the ZIP file.",
        "Compare the chain head fingerprint above with the one written down when the file was handed over.",
    ],
    proves_heading: "What these captures prove, and what they do not",
    proves: [
        "Every file is identical, byte for byte, to what was recorded at capture time: the smallest change alters its SHA-256 fingerprint.",
        "The order and content of the entries have not changed since: each entry holds the fingerprint of the one before.",
        "The capture time is the device's clock, in Coordinated Universal Time (UTC).",
    ],
    not_proves: [
        "A capture made in the victim's own browser does not by itself establish that the page was not edited before the capture; in French law it is at most a beginning of proof.",
        "The device's clock is not certified, and a capture does not establish who really runs an account.",
        "Someone who rewrote the whole chain could make it consistent again: only a comparison with a head fingerprint written down elsewhere rules that out.",
        "When the stakes are high, a statement by a commissaire de justice (bailiff) carries more weight.",
    ],
    original_name: "Original name",
    added_at: "Added (UTC)",
    kind_names: [
        ("capture", "Capture"),
        ("fileAdded", "Added file"),
        ("caseDetails", "Case details"),
        ("note", "Note"),
        ("categories", "Categories"),
        ("deletion", "Deletion"),
        ("stepDone", "Step done"),
        ("export", "Export (sealed)"),
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

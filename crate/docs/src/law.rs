//! The French law Témoin cites: offences and limitation rules, each with the text it comes
//! from, where it was read and how sure that reading is (docs/legal-sources.md holds the
//! research behind every row). Nothing here is shown without its source; a rule that could
//! not be confirmed says "to be confirmed with a lawyer" instead of stating it.

use serde::Serialize;

use crate::recourses::Status;
use temoin_core::lang::Lang;

/// An offence a letter or a notice may cite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Offence {
    /// Harcèlement moral, including online and by a raid (art. 222-33-2-2 CP).
    Harassment,
    /// Harcèlement scolaire (art. 222-33-2-3 CP).
    SchoolHarassment,
    /// Harcèlement sexuel (art. 222-33 CP).
    SexualHarassment,
    /// Menaces (art. 222-17 and 222-18 CP).
    Threat,
    /// Injure or diffamation publique (art. 29, 32, 33 loi du 29 juillet 1881).
    PublicInsult,
    /// The same on discriminatory grounds (art. 32 and 33 loi 1881; one year, art. 65-3).
    DiscriminatoryInsult,
    /// Injure or diffamation non publique (art. R621-1 and R621-2 CP), e.g. a private message.
    PrivateInsult,
    /// Image or representation of a minor of a pornographic character (art. 227-23 CP).
    MinorSexualImage,
    /// An adult asking a minor for sexual images of themselves (art. 227-23-1 CP).
    SolicitingMinorImages,
    /// Sharing sexual images or words without consent (art. 226-2-1 CP).
    IntimateImages,
    /// Atteinte à la vie privée (art. 226-1 and 226-2 CP).
    Privacy,
    /// Revealing someone's personal information to expose them to danger (art. 223-1-1 CP).
    Doxxing,
    /// Usurpation d'identité (art. 226-4-1 CP).
    Impersonation,
    /// Chantage, including with sexual images (art. 312-10 CP).
    Blackmail,
}

/// What a document says of an offence, and where that comes from.
#[derive(Debug, Clone, Copy)]
pub struct OffenceText {
    pub fr: &'static str,
    pub en: &'static str,
    pub source: &'static str,
    pub status: Status,
}

impl Offence {
    pub fn text(self) -> OffenceText {
        use Status::{Secondary as S, VerifiedCopy as Vc};
        let (fr, en, source, status) = match self {
            Offence::Harassment => (
                "Harcèlement moral, y compris en ligne ou par plusieurs personnes («\u{a0}raid\u{a0}») — art. 222-33-2-2 du code pénal",
                "Harassment, including online or by several people (a \"raid\") — art. 222-33-2-2 of the French Criminal Code",
                "art. 222-33-2-2 CP, LEGIARTI000029334247, version du 23/03/2024 (doctrine.fr)",
                Vc,
            ),
            Offence::SchoolHarassment => (
                "Harcèlement scolaire (auteurs élèves ou personnels du même établissement) — art. 222-33-2-3 du code pénal",
                "School harassment (by pupils or staff of the same school) — art. 222-33-2-3 of the French Criminal Code",
                "art. 222-33-2-3 CP, LEGIARTI000045289333, version du 04/03/2022 (doctrine.fr)",
                Vc,
            ),
            Offence::SexualHarassment => (
                "Harcèlement sexuel — art. 222-33 du code pénal",
                "Sexual harassment — art. 222-33 of the French Criminal Code",
                "art. 222-33 CP, LEGIARTI000006417706, version du 06/08/2018 (doctrine.fr)",
                Vc,
            ),
            Offence::Threat => (
                "Menaces — art. 222-17 et 222-18 du code pénal",
                "Threats — art. 222-17 and 222-18 of the French Criminal Code",
                "art. 222-17 et 222-18 CP (copie du code, codes-et-lois.fr)",
                S,
            ),
            Offence::PublicInsult => (
                "Injure ou diffamation publique — art. 29, 32 et 33 de la loi du 29 juillet 1881",
                "Public insult or defamation — art. 29, 32 and 33 of the French Press Law of 29 July 1881",
                "loi du 29 juillet 1881, art. 33, LEGIARTI000043982443 (Légifrance)",
                Status::Verified,
            ),
            Offence::DiscriminatoryInsult => (
                "Injure ou diffamation publique à caractère discriminatoire (origine, religion, sexe, orientation sexuelle, identité de genre, handicap) — art. 32 et 33 de la loi du 29 juillet 1881",
                "Discriminatory public insult or defamation (origin, religion, sex, sexual orientation, gender identity, disability) — art. 32 and 33 of the French Press Law of 29 July 1881",
                "loi du 29 juillet 1881, art. 32, 33 et 65-3 (legipresse.com\u{a0}; vie-publique.fr)",
                S,
            ),
            Offence::PrivateInsult => (
                "Injure ou diffamation non publique (message privé) — art. R621-1 et R621-2 du code pénal (R625-8 et R625-8-1 si elle est discriminatoire)",
                "Non-public insult or defamation (a private message) — art. R621-1 and R621-2 of the French Criminal Code (R625-8 and R625-8-1 when discriminatory)",
                "art. R621-2 et R625-8-1 CP (code-penal.fr)",
                S,
            ),
            Offence::MinorSexualImage => (
                "Image à caractère pornographique d'un mineur (enregistrement, transmission, diffusion, détention) — art. 227-23 du code pénal",
                "Pornographic image of a minor: recording, sending, spreading, possessing — art. 227-23 of the French Criminal Code",
                "art. 227-23 CP (lexbase.fr L6584IX7\u{a0}; pointdecontact.net)",
                Vc,
            ),
            Offence::SolicitingMinorImages => (
                "Sollicitation par un majeur d'images à caractère pornographique d'un mineur — art. 227-23-1 du code pénal",
                "An adult soliciting pornographic images from a minor — art. 227-23-1 of the French Criminal Code",
                "art. 227-23-1 CP, créé par la loi n°\u{a0}2021-478 du 21 avril 2021 (JORF, juriblio.fr)",
                Vc,
            ),
            Offence::IntimateImages => (
                "Diffusion sans consentement d'images ou de paroles à caractère sexuel — art. 226-2-1 du code pénal",
                "Sharing sexual images or words without consent — art. 226-2-1 of the French Criminal Code",
                "art. 226-2-1 CP, loi n°\u{a0}2016-1321 (village-justice.com)",
                S,
            ),
            Offence::Privacy => (
                "Atteinte à la vie privée (paroles privées, image prise dans un lieu privé ou localisation, captées ou transmises sans accord) — art. 226-1 et 226-2 du code pénal",
                "Invasion of privacy (private words, an image taken in a private place, or a location, recorded or passed on without consent) — art. 226-1 and 226-2 of the French Criminal Code",
                "art. 226-1 CP, version du 23/03/2024 (doctrine.fr)\u{a0}; art. 226-2 (source secondaire)",
                Vc,
            ),
            Offence::Doxxing => (
                "Diffusion d'informations personnelles permettant d'identifier ou de localiser une personne pour l'exposer à un danger — art. 223-1-1 du code pénal",
                "Revealing personal information that identifies or locates someone to expose them to danger — art. 223-1-1 of the French Criminal Code",
                "art. 223-1-1 CP, loi n°\u{a0}2021-1109 (autonome-solidarite.fr)",
                S,
            ),
            Offence::Blackmail => (
                "Chantage (menace de révéler des images ou des faits pour obtenir de l'argent, des images ou un engagement) — art. 312-10 du code pénal",
                "Blackmail (threatening to reveal images or facts to obtain money, images or a promise) — art. 312-10 of the French Criminal Code",
                "art. 312-10 CP (Légifrance, section «\u{a0}Du chantage\u{a0}»\u{a0}; alinéa sur les images sexuelles en ligne : app.livv.eu, version du 01/01/2025)",
                Vc,
            ),
            Offence::Impersonation => (
                "Usurpation d'identité, y compris en ligne — art. 226-4-1 du code pénal",
                "Impersonation, including online — art. 226-4-1 of the French Criminal Code",
                "art. 226-4-1 CP (lexing.law\u{a0}; lagbd.org)",
                S,
            ),
        };
        OffenceText {
            fr,
            en,
            source,
            status,
        }
    }

    /// The offence's line in a document.
    pub fn line(self, lang: Lang) -> String {
        let t = self.text();
        lang.pick(t.fr, t.en).to_owned()
    }
}

/// A fact about procedure or limitation that the guide and the documents state.
#[derive(Debug, Clone, Copy)]
pub struct Fact {
    pub source: &'static str,
    pub status: Status,
}

/// Art. 65 loi 1881: three months from the first publication; before prosecution only
/// réquisitions articulating and qualifying the facts interrupt it.
pub const PRESS_THREE_MONTHS: Fact = Fact {
    source: "loi du 29 juillet 1881, art. 65, LEGIARTI000006419865 (doctrine.fr)",
    status: Status::VerifiedCopy,
};

/// A plainte simple does not interrupt the press-law clock.
pub const PLAIN_COMPLAINT_DOES_NOT_STOP_IT: Fact = Fact {
    source: "Cass. crim., 29 novembre 2022, n°\u{a0}22-81.814 (courdecassation.fr)\u{a0}; Cass. crim., 16 septembre 2014, n°\u{a0}13-85.457",
    status: Status::Verified,
};

/// Online, the clock starts at the first posting; staying online does not extend it.
pub const FIRST_POSTING: Fact = Fact {
    source:
        "Cass. crim., 16 octobre 2001, n°\u{a0}00-85.728\u{a0}; 11 juin 2024, n°\u{a0}23-86.920",
    status: Status::Secondary,
};

/// Art. 65-3 loi 1881: one year for the discriminatory forms.
pub const PRESS_ONE_YEAR: Fact = Fact {
    source: "loi du 29 juillet 1881, art. 65-3 (lois du 9 mars 2004 et du 27 janvier 2014\u{a0}; legipresse.com)",
    status: Status::Secondary,
};

/// Art. 85 al. 2 CPP: for a press-law délit, the plainte avec constitution de partie civile
/// needs no prior plainte simple.
pub const PARTIE_CIVILE_DIRECT: Fact = Fact {
    source: "code de procédure pénale, art. 85 al. 2, LEGIARTI000006575220, version du 25/03/2019 (doctrine.fr)",
    status: Status::VerifiedCopy,
};

/// Art. 8 CPP: délits, six years; harassment from its last act.
pub const SIX_YEARS: Fact = Fact {
    source: "code de procédure pénale, art. 8, version du 23/04/2021 (doctrine.fr)\u{a0}; Cass. crim., 19 juin 2019, n°\u{a0}18-85.725",
    status: Status::VerifiedCopy,
};

/// Art. 8 al. 2 CPP: the délits of art. 706-47 committed on minors, ten years from majority.
/// Whether a given offence is on the current list was not confirmed.
pub const MINOR_VICTIM_LONGER: Fact = Fact {
    source: "code de procédure pénale, art. 8 al. 2 et art. 706-47 (liste actuelle non vérifiée)",
    status: Status::Unverified,
};

/// Non-public insult: the three months of art. 65 apply too; no partie civile before the
/// investigating judge (a contravention).
pub const PRIVATE_INSULT_THREE_MONTHS: Fact = Fact {
    source:
        "Cass. crim., 23 juin 1964, n°\u{a0}63-91.136\u{a0}; CA Chambéry, 11 mai 2023, n°\u{a0}21/01311",
    status: Status::Secondary,
};

/// Harassment needs repeated acts, or several people (a raid).
pub const HARASSMENT_NEEDS_REPETITION: Fact = Fact {
    source: "art. 222-33-2-2 CP (doctrine.fr)\u{a0}; Cass. crim., 9 mai 2018, n°\u{a0}17-83.623",
    status: Status::VerifiedCopy,
};

/// The messages of one conversation are not separate acts of harassment of themselves:
/// messages sent at once may be a single act, and the clock runs from the last one.
pub const CONVERSATION_ACTS: Fact = Fact {
    source: "art. 222-33-2-2 CP (doctrine.fr)\u{a0}; Cass. crim., 9 mai 2018, n°\u{a0}17-83.623 (art. 222-33-2-1)\u{a0}; Cass. crim., 19 juin 2019, n°\u{a0}18-85.725 (Légifrance, JURITEXT000038708904)",
    status: Status::Unverified,
};

/// A minor may file a complaint alone; parents are needed to claim compensation.
pub const MINOR_MAY_FILE: Fact = Fact {
    source: "service-public.fr F1567 «\u{a0}Un mineur peut-il porter plainte\u{a0}?\u{a0}», modifié le 22/10/2025",
    status: Status::VerifiedCopy,
};

/// Police and gendarmerie must register a complaint (art. 15-3 CPP).
pub const POLICE_MUST_REGISTER: Fact = Fact {
    source: "code de procédure pénale, art. 15-3, version du 25/03/2019 (doctrine.fr)",
    status: Status::VerifiedCopy,
};

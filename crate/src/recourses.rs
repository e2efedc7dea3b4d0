//! The recourse catalogue: where to report, per platform, and the official recourses of France
//! (and a few of Belgium, Switzerland, Canada, the UK and the US), each with its source and how
//! sure it is. Every address comes from shared/reference/recourses.md; none is invented. An
//! entry that is not verified (`C`, `U`) is never offered as the main link.

use serde::Serialize;

/// How sure an entry is (recourses.md section 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Status {
    /// Read on the official page.
    #[serde(rename = "V")]
    Verified,
    /// Read through a mirror or an archived copy.
    #[serde(rename = "V*")]
    VerifiedCopy,
    /// Only in a secondary source.
    #[serde(rename = "S")]
    Secondary,
    /// Only in community code: unverified.
    #[serde(rename = "C")]
    Community,
    /// Not verified.
    #[serde(rename = "U")]
    Unverified,
}

impl Status {
    /// Whether it may be shown as a main link.
    pub fn trusted(self) -> bool {
        matches!(
            self,
            Status::Verified | Status::VerifiedCopy | Status::Secondary
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChannelKind {
    Help,
    InApp,
    NonUser,
    Dsa,
    Legal,
    Ncii,
    Impersonation,
    Minor,
    Privacy,
    Contact,
    Other,
}

/// One way to report to a platform.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Channel {
    pub platform: &'static str,
    pub kind: ChannelKind,
    /// Absent when the only way is inside the app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'static str>,
    pub language: &'static str,
    pub status: Status,
    pub source: &'static str,
    pub note: &'static str,
}

const fn ch(
    platform: &'static str,
    kind: ChannelKind,
    url: Option<&'static str>,
    status: Status,
    source: &'static str,
    note: &'static str,
) -> Channel {
    Channel {
        platform,
        kind,
        url,
        language: "en",
        status,
        source,
        note,
    }
}

use ChannelKind::{
    Contact, Dsa, Help, Impersonation, InApp, Legal, Minor, Ncii, NonUser, Other, Privacy,
};
use Status::{Community as C, Secondary as S, Unverified as U, Verified as V, VerifiedCopy as Vc};

/// recourses.md section 1B.
pub static CHANNELS: &[Channel] = &[
    ch("facebook", Help, Some("https://www.facebook.com/help/116326365118751"), Vc, "facebook.com help, read through lookaside.fbsbx.com", "What to do if you're being bullied or harassed on Facebook."),
    ch("facebook", NonUser, Some("https://www.facebook.com/help/359033794168099"), V, "facebook.com help", "Tools for addressing abuse, with a section for people without an account."),
    ch("facebook", Legal, Some("https://m.facebook.com/help/contact/319149701968527"), V, "m.facebook.com", "Legal Removal Request: content that violates your rights or local law."),
    ch("facebook", Privacy, Some("https://www.facebook.com/help/428478523862899"), V, "facebook.com help", "Image privacy rights, with a path for under-18s and for a parent of a child under 13."),
    ch("facebook", Ncii, Some("https://about.meta.com/actions/safety/topics/bullying-harassment/ncii"), V, "about.meta.com", "Intimate images shared without consent; points to StopNCII."),
    ch("facebook", Impersonation, Some("https://www.facebook.com/help/contact/295309487309948"), C, "community code on GitHub", "Impersonation form (unverified)."),
    ch("facebook", Minor, Some("https://www.facebook.com/help/contact/209075185804311"), C, "community code on GitHub", "Underage-user form (unverified)."),
    ch("messenger", Help, Some("https://www.messenger.com/help/1165699260192280"), V, "messenger.com help", "Report a conversation (“Something's wrong”)."),
    ch("messenger", Help, Some("https://www.facebook.com/help/769533159735923"), Vc, "facebook.com help, read through a mirror", "How to report a message."),
    ch("instagram", Help, Some("https://help.instagram.com/527320407282978"), V, "help.instagram.com", "Ways to deal with conflict or abuse on Instagram."),
    ch("instagram", InApp, Some("https://about.instagram.com/community/anti-bullying"), V, "about.instagram.com", "In the app: “…” on a post or profile, swipe left on a comment, press and hold a message → Report. The person is not told."),
    ch("instagram", Ncii, Some("https://about.meta.com/actions/safety/topics/bullying-harassment/ncii"), V, "about.meta.com", "Intimate images shared without consent; points to StopNCII."),
    ch("instagram", Impersonation, Some("https://help.instagram.com/contact/636276399721841"), C, "community code on GitHub", "Impersonation form (unverified)."),
    ch("instagram", Minor, Some("https://help.instagram.com/contact/723586364339719"), C, "community code on GitHub", "Underage-user form (unverified)."),
    ch("threads", InApp, None, S, "eSafety Guide (esafety.gov.au), updated 04/03/2024", "Report inside the app; Threads uses your Instagram account and Instagram's rules. No web form was found."),
    ch("threads", Help, Some("https://help.instagram.com/527320407282978"), V, "help.instagram.com", "Instagram's help on conflict and abuse, which Threads follows."),
    ch("whatsapp", Help, Some("https://faq.whatsapp.com/414631957536067"), V, "faq.whatsapp.com", "About blocking and reporting: WhatsApp receives the last five messages; the person is not told."),
    ch("whatsapp", InApp, Some("https://faq.whatsapp.com/1142481766359885"), V, "faq.whatsapp.com", "How to block and report a contact."),
    ch("x", Help, Some("https://help.twitter.com/en/safety-and-security/report-abusive-behavior"), V, "help.twitter.com", "Report from the post, the profile or the message."),
    ch("x", Ncii, Some("https://help.twitter.com/en/rules-and-policies/intimate-media"), V, "help.twitter.com", "Intimate media shared without consent."),
    ch("x", Dsa, None, S, "EDRi, 20 Mar 2025", "In the app: “Report EU illegal content”. No verified web address."),
    ch("x", Impersonation, Some("https://help.twitter.com/forms/impersonation"), C, "community code on GitHub", "Impersonation form (unverified)."),
    ch("tiktok", NonUser, Some("https://support.tiktok.com/en/safety-hc/report-a-problem/report-cyberbullying"), V, "support.tiktok.com", "Web form for cyberbullying aimed at you or your child."),
    ch("tiktok", Dsa, Some("https://www.tiktok.com/legal/page/global/reporting-illegal-content/en"), V, "tiktok.com", "Report illegal content (DSA): choose the country, the law and the reasons."),
    ch("tiktok", Ncii, Some("https://support.tiktok.com/en/safety-hc/report-a-problem/report-sexual-abuse"), V, "support.tiktok.com", "You or your child in sexual-abuse material or a sexual deepfake."),
    ch("tiktok", Help, Some("https://www.tiktok.com/safety/en/bullying-prevention/"), V, "tiktok.com, updated 10 Oct 2024", "Bullying prevention guide."),
    ch("youtube", Help, Some("https://support.google.com/youtube/answer/2801920"), V, "support.google.com", "Harassment and cyberbullying policy, with the reporting centre."),
    ch("youtube", Privacy, Some("https://support.google.com/youtube/answer/142443"), V, "support.google.com", "Privacy complaint; a parent or guardian may file it."),
    ch("youtube", Impersonation, Some("https://support.google.com/youtube/answer/2801895"), V, "support.google.com", "Protecting your identity, including AI or synthetic likeness."),
    ch("youtube", Legal, Some("https://support.google.com/legal/answer/3110420"), S, "third-party descriptions", "Report content for legal reasons."),
    ch("snapchat", Help, Some("https://values.snap.com/safety/safety-reporting"), V, "values.snap.com", "Report a safety concern: press and hold → Report, or the support form (anonymous possible)."),
    ch("snapchat", Dsa, Some("https://values.snap.com/privacy/transparency/european-union"), V, "values.snap.com, 25 Oct 2024", "DSA contact point dsa-enquiries@snapchat.com."),
    ch("discord", Help, Some("https://discord.com/safety/360044103651-reporting-abusive-behavior-to-discord"), V, "discord.com", "Report in the app; non-users and parents can also report."),
    ch("discord", NonUser, Some("https://dis.gd/request"), S, "support.discord.com community (staff replies)", "Trust & Safety request form."),
    ch("reddit", Other, Some("https://www.reddit.com/report"), C, "community code on GitHub", "Report form (unverified)."),
    ch("reddit", Contact, Some("https://www.reddit.com/help/contentpolicy"), S, "third-party pages", "Content policy."),
    ch("twitch", Help, Some("https://help.twitch.tv/customer/portal/articles/725568"), Vc, "help.twitch.tv, archived 2016/2018", "How to file a user report (the help site has moved since)."),
    ch("twitch", Other, Some("https://blog.twitch.tv/en/2021/04/07/our-plan-for-addressing-severe-off-service-misconduct/"), V, "blog.twitch.tv, 7 Apr 2021", "Severe misconduct off Twitch is reported confidentially."),
    ch("linkedin", Help, Some("https://www.linkedin.com/help/linkedin/answer/a1337576"), Vc, "linkedin.com, through a proxy", "Reporting inappropriate content or members."),
    ch("linkedin", Help, Some("https://www.linkedin.com/help/linkedin/answer/37822"), Vc, "linkedin.com, archived 25 Feb 2024", "Reporting conversations and content; the member is not told."),
    ch("telegram", InApp, Some("https://telegram.org/support"), S, "third-party pages", "Report inside the app, or abuse@telegram.org. No official page was verified."),
    ch("pinterest", Help, Some("https://help.pinterest.com/en/article/report-harassment-and-cyberbullying"), V, "help.pinterest.com", "Report harassment and cyberbullying."),
    ch("pinterest", NonUser, Some("https://help.pinterest.com/en/article/report-something-on-pinterest"), V, "help.pinterest.com", "Report something on Pinterest (anonymous reports possible)."),
    ch("tumblr", InApp, None, U, "nothing verified", "Report inside the app or the site; no help page was verified."),
    ch("bluesky", Help, Some("https://bsky.social/about/support/community-guidelines"), V, "bsky.social", "Community guidelines; report inside the app."),
    ch("bluesky", Dsa, Some("https://bsky.social/about/support/regulatory-compliance-report"), V, "bsky.social", "Reporting under the EU DSA, the UK OSA and Australia's OSA."),
    ch("bluesky", Ncii, Some("https://support.bsky.social/about/support/tida-info"), V, "support.bsky.social", "Intimate images, real or AI-generated."),
    ch("mastodon", Help, Some("https://docs.joinmastodon.org/admin/moderation/"), V, "docs.joinmastodon.org", "A report goes to the moderators of your own server, who can forward it to the other server."),
    ch("kick", Help, Some("https://help.kick.com/en/articles/8539253-submitting-a-report"), V, "help.kick.com", "Anonymous reports: “⋮” menu, or the warning icon in chat."),
    ch("roblox", Help, Some("https://en.help.roblox.com/hc/en-us/articles/203312410-How-to-Report-Rule-Violations-and-Block-a-User"), V, "en.help.roblox.com", "Report and block a user."),
    ch("steam", Help, Some("https://help.steampowered.com/faqs/view/4F8E-AE41-B6B1-F836"), V, "help.steampowered.com", "Threats and harassment; usually reviewed within 24 h."),
    ch("wikipedia", Other, Some("https://en.wikipedia.org/wiki/Wikipedia:Responding_to_threats_of_harm"), V, "en.wikipedia.org", "Threats of physical harm only (emergency@wikimedia.org, 24/7)."),
    ch("jeuxvideo", InApp, Some("https://www.jeuxvideo.com/forums_charte.htm"), V, "jeuxvideo.com", "Use the “Alerter” button on the message, or the contact form."),
    ch("yubo", Help, Some("https://support.yubo.live/hc/en-us/articles/360013119560"), V, "support.yubo.live", "Report a user (shield icon → Report)."),
    ch("yubo", Dsa, Some("https://support.yubo.live/hc/en-us/articles/115003804352"), V, "support.yubo.live", "Report illegal content."),
    ch("bereal", NonUser, Some("https://help.bereal.com/hc/en-us/requests/new?ticket_form_id=9867378603549"), V, "help.bereal.com", "Confidential form to report inappropriate behaviour."),
    ch("gmail", Help, Some("https://support.google.com/mail/answer/29434"), V, "support.google.com", "Harassment from a Gmail user: report breaches of Gmail's policies."),
    ch("outlook", InApp, None, U, "not found", "Report from the message's menu; no help page was verified."),
];

/// An official recourse (recourses.md sections 2 and 4).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Recourse {
    pub id: &'static str,
    /// ISO country code, or `EU`.
    pub country: &'static str,
    pub name: &'static str,
    pub what_fr: &'static str,
    pub what_en: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<&'static str>,
    pub status: Status,
    pub source: &'static str,
}

#[allow(clippy::too_many_arguments)] // a table row: each argument is a column
const fn rc(
    id: &'static str,
    country: &'static str,
    name: &'static str,
    what_fr: &'static str,
    what_en: &'static str,
    url: Option<&'static str>,
    phone: Option<&'static str>,
    status: Status,
    source: &'static str,
) -> Recourse {
    Recourse {
        id,
        country,
        name,
        what_fr,
        what_en,
        url,
        phone,
        status,
        source,
    }
}

pub static RECOURSES: &[Recourse] = &[
    rc("pharos", "FR", "PHAROS", "Signaler un contenu illicite public (menaces, incitation à la violence, haine et discrimination, contenus sexuels impliquant des mineurs, terrorisme, escroqueries…). Ce n'est pas une plainte. Pour une injure ou une diffamation, les sources divergent : ne comptez pas sur PHAROS seul et agissez dans les 3 mois.", "Report public illegal content (threats, incitement to violence, hate and discrimination, sexual content involving minors, terrorism, scams…). It is not a complaint. For insults or defamation sources disagree: do not rely on PHAROS alone, and act within 3 months.", Some("https://www.internet-signalement.gouv.fr"), None, V, "service-public R17674; masecurite.interieur.gouv.fr (09/12/2025)"),
    rc("3018", "FR", "3018 (e-Enfance)", "Ligne nationale pour les jeunes victimes de violences en ligne et leurs parents : écoute, conseils, et retrait accéléré des contenus (signaleur de confiance DSA). Téléphone, tchat, WhatsApp et application.", "The national line for young victims of online violence and their parents: listening, advice, and fast removal (a DSA trusted flagger). Phone, chat, WhatsApp and an app.", Some("https://3018.fr"), Some("3018"), S, "mairie-villetaneuse.fr (28/09/2023) and others"),
    rc("119", "FR", "119 Allô Enfance en danger", "Enfants et adolescents en danger, et adultes inquiets pour un enfant. 24 h/24, gratuit, n'apparaît pas sur les factures.", "Children and teens in danger, and adults worried about a child. 24/7, free, not shown on phone bills.", Some("https://www.allo119.gouv.fr"), Some("119"), S, "solidarites-sante.gouv.fr"),
    rc("17-112", "FR", "17 / 112 / 114", "Danger immédiat : 17 (police, gendarmerie) ou 112 ; 114 par SMS.", "Immediate danger: 17 (police) or 112; 114 by text message.", None, Some("17 · 112 · 114 (SMS)"), S, "several sources"),
    rc("3919", "FR", "3919 Violences Femmes Info", "Violences faites aux femmes, y compris les cyberviolences dans le couple. 24 h/24, anonyme et gratuit.", "Violence against women, including online violence by a partner. 24/7, anonymous, free.", None, Some("3919"), S, "informations.handicap.fr; tf1info (Nov 2023)"),
    rc("116006", "FR", "116 006 (France Victimes)", "Aide aux victimes de toute infraction : écoute, information juridique, orientation vers une association locale. 7 jours sur 7.", "Help for victims of any offence: listening, legal information, referral to a local association. 7 days a week.", None, Some("116 006"), S, "infovictimes.fr; france-victimes (2020)"),
    rc("masecurite", "FR", "Ma Sécurité", "Tchat 24 h/24 avec un policier ou un gendarme, accueil des victimes en ligne (dont le cyberharcèlement), espace mineurs.", "24/7 chat with a police officer or gendarme, online victim reception (including cyberharassment), a space for minors.", Some("https://masecurite.interieur.gouv.fr"), None, S, "amf.asso.fr; lessor.org (Nov 2025)"),
    rc("ppel", "FR", "Pré-plainte en ligne", "Pour une injure, une diffamation ou une discrimination dont l'auteur est inconnu : déclaration en ligne, puis signature obligatoire au commissariat ou à la gendarmerie choisi.", "For an insult, defamation or discrimination by an unknown author: declare online, then sign at the police station you chose.", Some("https://www.pre-plainte-en-ligne.gouv.fr"), None, S, "service-public F1435 (vérifié 15/03/2022)"),
    rc("plainte-commissariat", "FR", "Plainte au commissariat ou à la gendarmerie", "Pour toute infraction ; la police doit prendre la plainte. Un mineur porte plainte avec un parent ou un représentant légal.", "For any offence; the police must take the complaint. A minor files with a parent or legal guardian.", Some("https://www.justice.fr/fiche/cyber-harcelement-harcelement-internet"), None, V, "justice.fr (MAJ 31 Oct 2025)"),
    rc("procureur", "FR", "Lettre au procureur de la République", "Plainte par courrier au tribunal judiciaire du lieu des faits ou du domicile de l'auteur (recommandé avec accusé de réception) : identité, récit daté des faits, auteur ou « contre X », préjudice, preuves.", "A complaint by letter to the court of the place of the facts or of the author's home (registered letter): identity, dated account, author or 'against X', harm, evidence.", None, None, S, "service-public F21613"),
    rc("cpc", "FR", "Plainte avec constitution de partie civile", "Auprès du doyen des juges d'instruction, si la plainte simple est classée ou sans réponse depuis 3 mois ; pour l'injure et la diffamation, elle arrête le délai de 3 mois, ce que ne fait pas une plainte simple.", "To the investigating judge, when a complaint was dropped or unanswered for 3 months; for insults and defamation it stops the 3-month clock, which a plain complaint does not.", None, None, S, "service-public R11657 (vérifié 22/07/2022)"),
    rc("juge-lcen", "FR", "Retrait ordonné par un juge", "Le président du tribunal judiciaire (procédure accélérée au fond, anciennement référé) peut ordonner à l'hébergeur ou au fournisseur d'accès de retirer un contenu. Un avocat aide à le saisir.", "The president of the court (accelerated procedure, formerly summary) can order the host or access provider to remove content. A lawyer helps to bring it.", None, None, S, "village-justice (29/10/2021, mis à jour janv. 2024)"),
    rc("cdj", "FR", "Constat par un commissaire de justice", "Un constat d'huissier (commissaire de justice) des contenus en ligne est un acte authentique, bien plus fort qu'une capture faite soi-même. Utile quand l'enjeu est important ou que le contenu risque de disparaître.", "A statement of the online content by a commissaire de justice (bailiff) is an official deed, far stronger than one's own capture. Worth it when the stakes are high or the content may vanish.", None, None, S, "legal.tricoteuses; quechoisir (Aug 2022)"),
    rc("cnil-art51", "FR", "Droit à l'oubli des mineurs (art. 51 loi Informatique et Libertés)", "Demandez au site d'effacer les données publiées quand la personne était mineure ; il doit le faire dans les meilleurs délais. Sans réponse sous un mois, saisissez la CNIL.", "Ask the site to erase data published while the person was a minor; it must do so without delay. Without an answer within a month, complain to the CNIL.", None, None, V, "Légifrance LEGIARTI000037823120"),
    rc("cnil-plainte", "FR", "Plainte à la CNIL", "Si le site refuse ou ne répond pas dans le mois à la demande d'effacement. La CNIL décide sous 3 semaines pour les mineurs ; elle ne traite pas le harcèlement pénal.", "When the site refuses or does not answer the erasure request within a month. The CNIL decides within 3 weeks for minors; it does not handle criminal harassment.", Some("https://www.cnil.fr/adresser-une-plainte"), None, V, "cnil.fr (16/02/2021)"),
    rc("arcom", "FR", "Arcom", "Coordinateur des services numériques : plainte contre une plateforme qui n'a pas traité votre signalement (art. 53 DSA). Ne traite pas le contenu lui-même.", "Digital Services Coordinator: complaint against a platform that did not handle your notice (DSA art. 53). It does not handle the content itself.", Some("https://www.arcom.fr"), None, V, "arcom.fr (6 Aug 2024)"),
    rc("pointdecontact", "FR", "Point de Contact", "Association signaleur de confiance : ses juristes qualifient le contenu, le notifient à l'hébergeur et le transmettent aux autorités.", "A trusted-flagger association: its lawyers qualify the content, notify the host and pass it to the authorities.", Some("https://www.pointdecontact.net"), None, V, "pointdecontact.net"),
    rc("stopncii", "EU", "StopNCII.org", "Images intimes d'un adulte (18 ans ou plus sur l'image) : des empreintes calculées sur votre appareil sont partagées avec les plateformes partenaires.", "Intimate images of an adult (18+ in the image): fingerprints made on your device are shared with partner platforms.", Some("https://stopncii.org"), None, V, "stopncii.org/faq"),
    rc("takeitdown", "EU", "Take It Down (NCMEC)", "Images d'une personne qui avait moins de 18 ans : anonyme, empreintes calculées sur l'appareil, dans le monde entier.", "Images of someone who was under 18: anonymous, fingerprints made on the device, worldwide.", Some("https://takeitdown.ncmec.org"), None, V, "NCMEC (27 Feb 2023)"),
    rc("be-childfocus", "BE", "Child Focus", "Enfants disparus ou exploités sexuellement ; sécurité en ligne. 116 000, 24 h/24.", "Missing or sexually exploited children; online safety. 116 000, 24/7.", Some("https://www.childfocus.be"), Some("116 000"), S, "metrotime.be (29/03/2018)"),
    rc("be-bipt", "BE", "IBPT (coordinateur DSA)", "Plainte contre une plateforme qui ne répond pas à un signalement. Pas pour le contenu lui-même : la police ou la plateforme.", "Complaint against a platform that does not answer a notice. Not for the content itself: the police or the platform.", Some("https://www.ibpt.be/consommateurs/introduire-une-plainte-contre-des-intermediairesplateformes-ou-moteurs-de-recherche-en-ligne"), None, S, "rtl.be (24/05/2024)"),
    rc("ch-147", "CH", "147.ch (Pro Juventute)", "Aide aux jeunes par téléphone, SMS ou tchat, 24 h/24, anonyme.", "Help for young people by phone, text or chat, 24/7, anonymous.", Some("https://www.147.ch"), Some("147"), S, "147.ch"),
    rc("ch-clickandstop", "CH", "clickandstop.ch", "Signalement anonyme de contenus pédocriminels.", "Anonymous reports of child sexual abuse content.", Some("https://www.clickandstop.ch"), None, S, "clickandstop.ch"),
    rc("ca-cybertip", "CA", "Cyberaide.ca / Cybertip.ca", "Exploitation sexuelle d'enfants en ligne ; images intimes de moins de 18 ans.", "Online sexual exploitation of children; intimate images of under-18s.", Some("https://www.cybertip.ca"), Some("1-866-658-9022"), V, "cybertip.ca"),
    rc("ca-needhelpnow", "CA", "AidezMoiSVP.ca / NeedHelpNow.ca", "Adolescents : étapes pour faire retirer des photos ou vidéos sexuelles.", "Teens: steps to get sexual pictures or videos removed.", Some("https://aidezmoisvp.ca"), None, S, "cybertip.ca"),
    rc("ca-jeunesse", "CA", "Jeunesse, J'écoute / Kids Help Phone", "Écoute pour les jeunes, 24 h/24.", "Listening for young people, 24/7.", Some("https://jeunessejecoute.ca"), Some("1-800-668-6868"), S, "jeunessejecoute.ca"),
    rc("uk-rhc", "UK", "Report Harmful Content", "Recours quand la plateforme n'a pas agi 48 h après votre signalement (plus de 13 ans, au Royaume-Uni).", "Help when a platform has not acted 48 h after your report (over 13s in the UK).", Some("https://reportharmfulcontent.com"), None, S, "theeducationpeople (3 Jan 2019)"),
    rc("us-cybertipline", "US", "NCMEC CyberTipline", "Exploitation sexuelle d'enfants en ligne, y compris la sextorsion.", "Online child sexual exploitation, including sextortion.", Some("https://report.cybertip.org"), Some("1-800-843-5678"), V, "report.cybertip.org FAQ"),
    rc("us-ccri", "US", "CCRI — guide de retrait", "Guide, plateforme par plateforme, pour faire retirer des images intimes.", "A platform-by-platform guide to getting intimate images removed.", Some("https://www.cybercivilrights.org/online-removal/"), None, S, "cybercivilrights.org"),
];

pub fn channels_of(platform: &str) -> impl Iterator<Item = &'static Channel> + '_ {
    CHANNELS.iter().filter(move |c| c.platform == platform)
}

pub fn recourse(id: &str) -> Option<&'static Recourse> {
    RECOURSES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platforms::PLATFORMS;

    #[test]
    fn every_platform_has_a_way_to_report() {
        for p in PLATFORMS {
            let channels: Vec<_> = channels_of(p.id).collect();
            assert!(!channels.is_empty(), "{} has no channel", p.id);
            // A trusted link, or else an in-app instruction (the reference verifies no page).
            let linked = channels
                .iter()
                .any(|c| c.url.is_some() && c.status.trusted());
            let in_app = channels.iter().any(|c| c.kind == ChannelKind::InApp);
            assert!(
                linked || in_app,
                "{} has neither a trusted link nor an in-app way",
                p.id
            );
        }
    }

    #[test]
    fn every_address_is_https_and_parses() {
        let urls = CHANNELS
            .iter()
            .filter_map(|c| c.url)
            .chain(RECOURSES.iter().filter_map(|r| r.url));
        for u in urls {
            let parsed = url::Url::parse(u).unwrap_or_else(|e| panic!("{u}: {e}"));
            assert_eq!(parsed.scheme(), "https", "{u}");
            assert!(parsed.host_str().is_some_and(|h| h.contains('.')), "{u}");
        }
    }

    #[test]
    fn channels_name_known_platforms_and_recourse_ids_are_unique() {
        for c in CHANNELS {
            assert!(
                crate::platforms::platform(c.platform).is_some(),
                "{}",
                c.platform
            );
        }
        let mut ids: Vec<_> = RECOURSES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RECOURSES.len());
    }
}

//! Letters and form texts built from the journal: the complaint to the procureur de la
//! République, the minor's erasure request (art. 51 loi Informatique et Libertés), the text for
//! a platform's report form (DSA art. 16(2)) and the summary of the fields PHAROS asks for.
//! Plain text: the pages print it as it is and copy it as it is.

use std::fmt::Write;

use crate::error::{Error, ErrorCode, Result};
use crate::model::Category;
use crate::view::{CaseView, ItemView};

use super::{excerpt, Lang};

/// A letter by kind: `procureur` (the whole case) or `erasure` (one capture, or every capture
/// still held).
pub fn letter(
    kind: &str,
    view: &CaseView,
    head: &str,
    seq: Option<u32>,
    today: &str,
) -> Result<String> {
    match kind {
        "procureur" => Ok(procureur(view, head, today)),
        "erasure" => {
            let items: Vec<&ItemView> = match seq {
                Some(s) => view.item(s).into_iter().collect(),
                None => view
                    .items
                    .iter()
                    .filter(|i| i.capture.is_some() && i.deleted.is_none())
                    .collect(),
            };
            Ok(erasure(view, &items, today))
        }
        other => Err(Error::new(
            ErrorCode::InvalidInput,
            format!("no letter '{other}'"),
        )),
    }
}

/// The offences a category points to, with their articles (recourses.md section 3).
pub fn offences(categories: &[Category], minor: bool, lang: Lang) -> Vec<String> {
    let fr = lang == Lang::Fr;
    let mut out = vec![if fr {
        format!(
            "Harcèlement moral en ligne — art. 222-33-2-2 du Code pénal{}",
            if minor {
                " (aggravé : victime mineure, commis par un service de communication en ligne)"
            } else {
                " (aggravé : commis par un service de communication en ligne)"
            }
        )
    } else {
        format!(
            "Online harassment — art. 222-33-2-2 of the French Criminal Code{}",
            if minor {
                " (aggravated: minor victim, online service)"
            } else {
                " (aggravated: online service)"
            }
        )
    }];
    for c in categories {
        let line = match (c, fr) {
            (Category::Insult, true) => "Injure publique — art. 29 al. 2 et 33 de la loi du 29 juillet 1881 (en message privé : art. R621-2 du Code pénal)",
            (Category::Insult, false) => "Public insult — art. 29 para. 2 and 33 of the French Press Law of 29 July 1881",
            (Category::Threat, true) => "Menaces — art. 222-17 du Code pénal (menace de mort : 3 ans d'emprisonnement et 45 000 €)",
            (Category::Threat, false) => "Threats — art. 222-17 of the French Criminal Code",
            (Category::Hate, true) => "Injure publique à caractère discriminatoire — art. 33 de la loi du 29 juillet 1881 (délai d'un an, art. 65-3)",
            (Category::Hate, false) => "Discriminatory public insult — art. 33 of the French Press Law of 29 July 1881",
            (Category::IntimateImages, true) => "Diffusion sans consentement d'images à caractère sexuel — art. 226-2-1 du Code pénal",
            (Category::IntimateImages, false) => "Sharing sexual images without consent — art. 226-2-1 of the French Criminal Code",
            (Category::PersonalData, true) => "Atteinte à la vie privée — art. 226-1 et 226-2 du Code pénal",
            (Category::PersonalData, false) => "Invasion of privacy — art. 226-1 and 226-2 of the French Criminal Code",
            (Category::Impersonation, true) => "Usurpation d'identité — art. 226-4-1 du Code pénal",
            (Category::Impersonation, false) => "Impersonation — art. 226-4-1 of the French Criminal Code",
            (Category::PileOn, true) => "Harcèlement en meute (raid) — art. 222-33-2-2 a) et b) du Code pénal",
            (Category::PileOn, false) => "Pile-on harassment — art. 222-33-2-2 a) and b) of the French Criminal Code",
            _ => continue,
        };
        if !out.iter().any(|l| l == line) {
            out.push(line.to_owned());
        }
    }
    out
}

fn author(item: &ItemView) -> String {
    item.capture
        .as_ref()
        .and_then(|c| c.post.as_ref())
        .and_then(|p| match (&p.author_name, &p.author_handle) {
            (Some(n), Some(h)) => Some(format!("{n} (@{h})")),
            (Some(n), None) => Some(n.clone()),
            (None, Some(h)) => Some(format!("@{h}")),
            _ => None,
        })
        .unwrap_or_else(|| "?".into())
}

fn url(item: &ItemView) -> String {
    item.capture
        .as_ref()
        .map(|c| {
            c.post
                .as_ref()
                .and_then(|p| p.permalink.clone())
                .unwrap_or_else(|| c.page.url.clone())
        })
        .unwrap_or_default()
}

fn published(item: &ItemView) -> Option<String> {
    let p = item.capture.as_ref()?.post.as_ref()?;
    p.published_at.clone().or_else(|| p.published_text.clone())
}

fn text(item: &ItemView) -> String {
    let c = item.capture.as_ref();
    c.and_then(|c| c.post.as_ref().and_then(|p| p.text.clone()))
        .or_else(|| c.map(|c| c.page.title.clone()))
        .or_else(|| {
            item.file
                .as_ref()
                .map(|f| format!("{} — {}", f.original_name, f.description))
        })
        .unwrap_or_default()
}

fn platform(item: &ItemView) -> String {
    item.capture
        .as_ref()
        .and_then(|c| {
            c.post
                .as_ref()
                .and_then(|p| p.platform.clone())
                .or(c.page.platform.clone())
        })
        .and_then(|id| crate::platforms::platform(&id).map(|p| p.name.to_owned()))
        .unwrap_or_else(|| "?".into())
}

fn all_categories(view: &CaseView) -> Vec<Category> {
    let mut all: Vec<Category> = view
        .items
        .iter()
        .flat_map(|i| i.categories.iter().copied())
        .collect();
    all.sort();
    all.dedup();
    all
}

/// The complaint by letter to the procureur de la République (service-public F21613): identity
/// to fill in, the facts in chronological order from the captures, the harm, the evidence with
/// numbers and fingerprints, the articles that apply.
pub fn procureur(view: &CaseView, head: &str, today: &str) -> String {
    let minor = view.minor();
    let person = view.person();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "[Prénom et nom]\n[Adresse]\n[Téléphone] — [Adresse électronique]\n"
    );
    let _ = writeln!(out, "                                    Monsieur le Procureur de la République\n                                    Tribunal judiciaire de [ville]\n                                    [Adresse du tribunal]\n");
    let _ = writeln!(out, "[Ville], le {today}\n");
    let _ = writeln!(out, "Lettre recommandée avec accusé de réception\n");
    let _ = writeln!(
        out,
        "Objet : plainte pour harcèlement en ligne{}\n",
        if minor { " d'un(e) mineur(e)" } else { "" }
    );
    let _ = writeln!(out, "Monsieur le Procureur de la République,\n");
    if minor {
        let _ = writeln!(out, "Je soussigné(e) [prénom et nom], agissant en qualité de [père / mère / représentant légal] de {}, mineur(e), né(e) le [date de naissance], dépose plainte [contre X / contre les auteurs désignés ci-dessous] pour les faits suivants.\n", person.unwrap_or("[prénom et nom de l'enfant]"));
    } else {
        let _ = writeln!(out, "Je soussigné(e) [prénom et nom], né(e) le [date et lieu de naissance], dépose plainte [contre X / contre les auteurs désignés ci-dessous] pour les faits suivants.\n");
    }
    let _ = writeln!(out, "1. Les faits, dans l'ordre chronologique\n");
    for item in view
        .chronology()
        .into_iter()
        .filter(|i| i.capture.is_some())
    {
        let when = published(item).map_or_else(
            || "date de publication inconnue".into(),
            |p| format!("publié le {p}"),
        );
        let _ = writeln!(
            out,
            "- {when}, sur {} : {} a écrit « {} » ({}). Pièce n° {}, capturée le {} (UTC).",
            platform(item),
            author(item),
            excerpt(&text(item), 300),
            url(item),
            item.seq,
            item.capture.as_ref().map_or("", |c| c.captured_at.as_str())
        );
    }
    for item in view.items.iter().filter(|i| i.file.is_some()) {
        let _ = writeln!(
            out,
            "- Pièce n° {} (fichier ajouté, non capturé par Témoin) : {}.",
            item.seq,
            text(item)
        );
    }
    let _ = writeln!(out, "\n2. Le préjudice subi\n\n[Décrivez les conséquences : peur, isolement, absences scolaires ou au travail, suivi médical ou psychologique (joindre les certificats)…]\n");
    let _ = writeln!(out, "3. Les infractions qui me paraissent constituées\n");
    for o in offences(&all_categories(view), minor, Lang::Fr) {
        let _ = writeln!(out, "- {o}");
    }
    let _ = writeln!(out, "\n4. Les preuves jointes\n");
    let _ = writeln!(out, "Un dossier exporté par l'extension Témoin, dont chaque fichier est scellé par son empreinte SHA-256, chaque entrée du journal contenant l'empreinte de la précédente. Empreinte de tête de la chaîne : {head}.");
    let _ = writeln!(
        out,
        "Il peut être vérifié par « sha256sum -c SHA256SUMS » ou « temoin verify ».\n"
    );
    for item in view.chronology() {
        let _ = writeln!(
            out,
            "- Pièce n° {} — empreinte de l'entrée {}",
            item.seq, item.hash
        );
        for a in item.artifacts() {
            let _ = writeln!(out, "    {} : {}", a.name, a.sha256);
        }
    }
    let _ = writeln!(out, "\nJe me tiens à votre disposition pour être entendu(e) et vous remettre tout élément complémentaire. [Témoins éventuels : noms et coordonnées.]\n");
    let _ = writeln!(out, "Je vous prie d'agréer, Monsieur le Procureur de la République, l'expression de ma haute considération.\n\n[Signature]");
    out
}

/// The minor's request to a site to erase what was published about them (art. 51 loi
/// Informatique et Libertés); without an answer within a month, the CNIL.
pub fn erasure(view: &CaseView, items: &[&ItemView], today: &str) -> String {
    let person = view.person();
    let mut out = String::new();
    let _ = writeln!(out, "[Prénom et nom]\n[Adresse électronique]\n\nÀ l'attention du service chargé des données personnelles de {}\n", items.first().map_or_else(|| "[la plateforme]".into(), |i| platform(i)));
    let _ = writeln!(out, "Le {today}\n\nObjet : demande d'effacement de données personnelles d'un(e) mineur(e) — article 51 de la loi n° 78-17 du 6 janvier 1978 (droit à l'oubli des mineurs)\n");
    let _ = writeln!(out, "Madame, Monsieur,\n\nJe demande l'effacement, dans les meilleurs délais, des contenus suivants, qui concernent {} et ont été publiés alors que cette personne était mineure :\n", person.unwrap_or("[prénom et nom]"));
    for item in items {
        let _ = writeln!(
            out,
            "- {} (publié {} par {})",
            url(item),
            published(item).unwrap_or_else(|| "à une date inconnue".into()),
            author(item)
        );
    }
    let _ = writeln!(out, "\nL'article 51 de la loi Informatique et Libertés impose l'effacement dans les meilleurs délais des données collectées lorsque la personne concernée était mineure. À défaut de réponse dans un délai d'un mois, je saisirai la Commission nationale de l'informatique et des libertés (CNIL).\n");
    let _ = writeln!(
        out,
        "Veuillez agréer, Madame, Monsieur, mes salutations distinguées.\n\n[Signature]"
    );
    out
}

/// The text for a platform's report form: why the content is illegal, where it is, when it was
/// published, and the statement of good faith (DSA art. 16(2)); name and e-mail are the user's.
pub fn platform_report(item: &ItemView, minor: bool, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    // (heading, address, published, unknown date, author, content, why)
    let labels = if fr {
        (
            "Signalement d'un contenu illicite (article 16 du règlement (UE) 2022/2065, DSA)",
            "Adresse exacte du contenu :",
            "Publié :",
            "date inconnue",
            "Auteur :",
            "Contenu :",
            "Pourquoi ce contenu est illicite en droit français :",
        )
    } else {
        (
            "Notice of illegal content (Article 16 of Regulation (EU) 2022/2065, DSA)",
            "Exact address of the content:",
            "Published:",
            "unknown date",
            "Author:",
            "Content:",
            "Why this content is illegal under French law:",
        )
    };
    let (heading, address, published_label, unknown, author_label, content, why) = labels;
    let mut out = String::new();
    let _ = writeln!(out, "{heading}\n");
    let _ = writeln!(out, "{address} {}", url(item));
    let _ = writeln!(
        out,
        "{published_label} {}",
        published(item).unwrap_or_else(|| unknown.into())
    );
    let _ = writeln!(out, "{author_label} {}", author(item));
    let _ = writeln!(out, "{content} « {} »\n", excerpt(&text(item), 500));
    let _ = writeln!(out, "{why}");
    for o in offences(&item.categories, minor, lang) {
        let _ = writeln!(out, "- {o}");
    }
    if minor {
        let _ = writeln!(
            out,
            "{}",
            if fr {
                "La personne visée est mineure."
            } else {
                "The person targeted is a minor."
            }
        );
    }
    let _ = writeln!(
        out,
        "\n{}\n\n{}",
        if fr {
            "Je déclare de bonne foi que les informations et allégations contenues dans ce signalement sont exactes et complètes."
        } else {
            "I declare in good faith that the information and allegations in this notice are accurate and complete."
        },
        if fr {
            "Nom : [votre nom]\nAdresse électronique : [votre adresse]"
        } else {
            "Name: [your name]\nE-mail: [your address]"
        }
    );
    out
}

/// The fields the PHAROS form asks for, ready to copy: category, date and time of publication,
/// platform, address, description.
pub fn pharos_summary(item: &ItemView) -> String {
    let category = if item.categories.contains(&Category::Threat) {
        "Menaces ou incitation à la violence"
    } else if item.categories.contains(&Category::Hate) {
        "Incitation à la haine ou à la discrimination"
    } else if item
        .categories
        .iter()
        .any(|c| matches!(c, Category::SexualHarassment | Category::IntimateImages))
    {
        "Atteinte aux mineurs (contenu à caractère sexuel)"
    } else {
        "Autre"
    };
    format!(
        "Catégorie : {category}\nDate et heure de publication : {}\nSite ou plateforme : {}\nAdresse (URL) : {}\nDescription : « {} » — publié par {}. Capture conservée (pièce n° {}, empreinte {}).\n",
        published(item).unwrap_or_else(|| "inconnue".into()),
        platform(item),
        url(item),
        excerpt(&text(item), 400),
        author(item),
        item.seq,
        item.hash
    )
}

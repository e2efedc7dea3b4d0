//! `LISEZMOI.txt` and `README.txt`: how to verify the bundle, in one short paragraph each.
//! They never print the control code: a document cannot hold the hash of the entry that seals
//! it, and a code printed inside the bundle would prove nothing about the bundle.

/// What the instructions say about the bundle they are in.
pub struct TextInput<'a> {
    /// The case's name, as the report gives it.
    pub case_title: &'a str,
    pub generator: &'a str,
    /// When the export started, UTC.
    pub started_at: &'a str,
    /// The entry that seals this bundle; its hash is the control code.
    pub sealed_by: u32,
}

pub fn lisezmoi(t: &TextInput) -> String {
    format!(
        "Dossier de preuves «\u{a0}{case}\u{a0}», exporté par {generator} le {at} (UTC) et scellé par \
l'entrée n°\u{a0}{n} de son journal. À lire d'abord\u{a0}: report.html.

Vérifier\u{a0}: le code de contrôle du dossier est l'empreinte de la dernière entrée de son \
journal (l'entrée n°\u{a0}{n}, ou l'horodatage qui la suit). Il est dans chain-head.txt, mais c'est celui que la personne qui a exporté le dossier a noté ailleurs \
(courriel à elle-même, page de garde imprimée, courrier) qui compte\u{a0}: un code lu dans le \
dossier lui-même ne prouve rien. Sous Linux ou macOS, dans le dossier décompressé\u{a0}: \
sha256sum -c SHA256SUMS (chaque ligne finit par OK). Sous Windows\u{a0}: certutil -hashfile \
<fichier> SHA256, ou Get-FileHash <fichier> dans PowerShell, à comparer à la ligne du fichier \
dans SHA256SUMS. Avec l'outil de Témoin\u{a0}: temoin verify --expect-head CODE dossier.zip (0\u{a0}: \
intact, 1\u{a0}: modifié, 2\u{a0}: illisible). Ou dans l'extension Témoin, page «\u{a0}Importer et vérifier\u{a0}», \
avec le code. Les pages capturées brutes (page.html.txt) se lisent comme texte\u{a0}; snapshot.html \
s'ouvre sans danger\u{a0}; dans journal.csv, une apostrophe précède toute cellule qui \
commencerait par =, +, -, @, une tabulation ou un retour chariot, pour qu'un tableur ne l'exécute \
pas (textes exacts\u{a0}: journal.json, report.html). Horodatages, s'il y a un dossier timestamps/\u{a0}: chaque timestamps/NNNNNN.tsr est l'attestation, signée \
par une autorité d'horodatage, que l'entrée qu'il horodate existait à la date indiquée\u{a0}; \
pour la vérifier avec OpenSSL\u{a0}: openssl ts -verify -token_in -in timestamps/NNNNNN.tsr \
-digest EMPREINTE -CAfile timestamps/NNNNNN.pem, où EMPREINTE est celle de l'entrée horodatée \
(journal.json)\u{a0}; temoin verify les vérifie toutes. Format\u{a0}: docs/bundle-format.md du code \
source de Témoin.
",
        case = t.case_title,
        generator = t.generator,
        at = t.started_at,
        n = t.sealed_by,
    )
}

pub fn readme(t: &TextInput) -> String {
    format!(
        "Evidence bundle \"{case}\", exported by {generator} on {at} (UTC) and sealed by entry \
no. {n} of its journal. Read first: report.html.

To verify: the bundle's control code is the fingerprint of the last entry of its journal \
(entry no. {n}, or the time stamp that follows it). It is in chain-head.txt, but what counts is the code the person who exported the bundle wrote down \
elsewhere (an e-mail to themselves, a printed cover page, a letter): a code read from the \
bundle itself proves nothing. On Linux or macOS, in the unzipped folder: sha256sum -c \
SHA256SUMS (every line ends with OK). On Windows: certutil -hashfile <file> SHA256, or \
Get-FileHash <file> in PowerShell, compared with the file's line in SHA256SUMS. With Témoin's \
tool: temoin verify --expect-head CODE bundle.zip (0: intact, 1: altered, 2: unreadable). Or in \
the Témoin extension, \"Import and verify\" page, with the code. Raw captured pages \
(page.html.txt) read as text; snapshot.html opens safely; in journal.csv, an apostrophe \
precedes every cell that would begin with =, +, -, @, a tab or a carriage return, so that a \
spreadsheet does not run it (exact texts: journal.json, report.html). Time stamps, if there \
is a timestamps/ folder: each timestamps/NNNNNN.tsr is an attestation, signed by a time-stamping authority, that the entry \
it stamps existed at the time it states; to check it with OpenSSL: openssl ts -verify \
-token_in -in timestamps/NNNNNN.tsr -digest HASH -CAfile timestamps/NNNNNN.pem, where HASH is \
the stamped entry's hash (journal.json); temoin verify checks them all. Format: \
docs/bundle-format.md in Témoin's source code.
",
        case = t.case_title,
        generator = t.generator,
        at = t.started_at,
        n = t.sealed_by,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_instructions_name_every_way_to_verify_and_print_no_code() {
        let t = TextInput {
            case_title: "Harcèlement de Léa",
            generator: "Témoin 0.1.0",
            started_at: "2026-11-28T12:00:00.000Z",
            sealed_by: 9,
        };
        for text in [lisezmoi(&t), readme(&t)] {
            for needle in [
                "chain-head.txt",
                "sha256sum -c SHA256SUMS",
                "certutil -hashfile",
                "Get-FileHash",
                "temoin verify --expect-head CODE",
            ] {
                assert!(text.contains(needle), "{needle} in {text}");
            }
            assert!(
                text.contains("n°\u{a0}9 ") || text.contains("no. 9 "),
                "the sealing entry in {text}"
            );
            assert!(!text.bytes().any(|b| b == b'\r'));
            assert!(
                text.contains("\u{a0}Harcèlement de Léa\u{a0}")
                    || text.contains("\"Harcèlement de Léa\"")
            );
            assert!(!text.contains(&"0".repeat(64)));
        }
        let fr = lisezmoi(&t);
        for bad in [" :", " ;", " ?", " !", "« ", " »"] {
            assert!(!fr.contains(bad), "French spacing: '{bad}' in {fr}");
        }
    }
}

//! `LISEZMOI.txt` and `README.txt`: how to verify the bundle, with nothing but a terminal.

use crate::bundle::Manifest;

pub fn lisezmoi(m: &Manifest) -> String {
    format!(
        "Dossier de preuves exporté par {generator} le {at} (UTC).
Dossier : {case}. Entrées du journal : {n}.
Empreinte de tête de la chaîne (entrée n° {seq}) :
  {head}
Notez-la ailleurs : elle prouve plus tard que ce dossier n'a pas été réécrit.

À lire d'abord : report.html (s'ouvre dans n'importe quel navigateur, s'imprime).

Vérifier ce dossier, de trois façons :
1. Décompressez le ZIP, puis dans le dossier obtenu :
     sha256sum -c SHA256SUMS
   Chaque ligne doit se terminer par « OK ».
2. Avec l'outil de Témoin :
     temoin verify <fichier.zip>
   Code de sortie 0 : tout est intact ; 1 : quelque chose a été modifié (chaque problème est
   listé avec son numéro d'entrée et son fichier) ; 2 : le fichier n'est pas un dossier lisible.
   Pour comparer avec l'empreinte notée : temoin verify --expect-head {head} <fichier.zip>
3. Dans l'extension Témoin, page « Importer et vérifier » : déposez le fichier ZIP.

Contenu : journal.json (chaque entrée, son empreinte et celle de la précédente), journal.csv
(tableur), captures/NNNNNN/ (fichiers de chaque capture), added-files/NNNNNN/ (fichiers ajoutés
par l'utilisateur, non capturés par Témoin), chain-head.txt, SHA256SUMS.
Le format est décrit dans docs/bundle-format.md du code source de Témoin.
",
        generator = m.generator,
        at = m.exported_at,
        case = m.case_id,
        n = m.entries,
        seq = m.head.seq,
        head = m.head.hash,
    )
}

pub fn readme(m: &Manifest) -> String {
    format!(
        "Evidence bundle exported by {generator} on {at} (UTC).
Case: {case}. Journal entries: {n}.
Chain head fingerprint (entry no. {seq}):
  {head}
Write it down elsewhere: it proves later that this bundle was not rewritten.

Read first: report.html (opens in any browser, prints).

Verify this bundle, three ways:
1. Unzip it, then in the folder it gives:
     sha256sum -c SHA256SUMS
   Every line must end with \"OK\".
2. With Témoin's tool:
     temoin verify <file.zip>
   Exit status 0: all intact; 1: something was altered (each problem listed with its entry
   number and file); 2: the file is not a readable bundle.
   To compare with the head written down: temoin verify --expect-head {head} <file.zip>
3. In the Témoin extension, \"Import and verify\" page: drop the ZIP file.

Contents: journal.json (every entry, its fingerprint and the previous one's), journal.csv
(spreadsheet), captures/NNNNNN/ (each capture's files), added-files/NNNNNN/ (files added by the
user, not captured by Témoin), chain-head.txt, SHA256SUMS.
The format is described in docs/bundle-format.md in Témoin's source code.
",
        generator = m.generator,
        at = m.exported_at,
        case = m.case_id,
        n = m.entries,
        seq = m.head.seq,
        head = m.head.hash,
    )
}

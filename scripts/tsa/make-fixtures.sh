#!/usr/bin/env bash
# Makes the RFC 3161 fixtures of crate/core/src/timestamp.rs with a local authority run by the
# `openssl` CLI (tested with OpenSSL 3.0), then checks them with `openssl ts -verify`.
#
#   scripts/tsa/make-fixtures.sh        # rewrites crate/testdata/fixtures/tsa/
#
# Every run makes new keys, so the files change; what they are does not. `cargo test` only
# reads the committed files and never runs openssl. What is made:
#
#   root.der            test root CA, RSA 2048, self-signed (sha256WithRSAEncryption)
#   intermediate.der    intermediate CA, ECDSA P-384, signed by the root
#   unrelated-root.der  a CA that has nothing to do with the others (ECDSA P-256)
#   request.tsq         the TimeStampReq that timestamp::request(IMPRINT_A, NONCE_A) writes,
#                       written by an ignored cargo test, then answered by openssl below
#   valid-rsa.tsr       answer to request.tsq: RSA 2048 authority, ESSCertIDv2 (SHA-256),
#                       the intermediate embedded, nonce NONCE_A
#   valid-ecdsa.tsr     ECDSA P-256 authority, genTime with milliseconds, only the signer's
#                       certificate embedded (the intermediate must be supplied)
#   valid-esscertid-v1.tsr  RSA authority naming its certificate by ESSCertID (SHA-1)
#   expired.tsr         an authority whose certificate ended in 2021, used after that
#   other-imprint.tsr   a valid answer for IMPRINT_B (the tests expect IMPRINT_A)
#   unrelated.tsr       an authority certified by unrelated-root (embedded)
#   refused.tsr         a refusal: the query used SHA-1, which the authority does not accept
#   pss-spki.der, pss.sig   an RSA key and its RSASSA-PSS signature (SHA-256, MGF1-SHA-256,
#                       salt 32) of the text "Témoin PSS": `openssl ts` (PKCS#7 inside) cannot
#                       sign a time stamp with PSS, so the PSS path is tested on its own
#
# The certificates are valid from 2020 to 2049, so that the tokens stay verifiable (the
# verifier checks validity at the stamped time, never at the current time).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="$repo/crate/testdata/fixtures/tsa"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
cd "$work"

# The imprints the tests use (also in timestamp.rs): SHA-256 of two fixed strings.
IMPRINT_A="$(printf 'Témoin fixture A' | openssl dgst -sha256 -r | cut -d' ' -f1)"
IMPRINT_B="$(printf 'Témoin fixture B' | openssl dgst -sha256 -r | cut -d' ' -f1)"

# --- A small CA with fixed validity dates (`openssl ca` takes -startdate/-enddate). ---------
cat > ca.cnf <<'CNF'
[ca]
default_ca = ca_default
[ca_default]
database = ./index.txt
new_certs_dir = ./newcerts
serial = ./ca-serial
policy = policy_any
copy_extensions = none
unique_subject = no
[policy_any]
countryName = optional
organizationName = optional
commonName = supplied
[root_ext]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[intermediate_ext]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[tsa_ext]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[req]
string_mask = utf8only
distinguished_name = dn
prompt = no
[dn]
CN = placeholder
CNF
mkdir newcerts && touch index.txt && echo 1000 > ca-serial

# issue NAME SUBJECT KEYFILE ISSUER(or self) EXT MD START END
issue() {
  local name=$1 subj=$2 key=$3 issuer=$4 ext=$5 md=$6 start=$7 end=$8
  openssl req -new -utf8 -config ca.cnf -key "$key" -subj "$subj" -out "$name.csr" 2>/dev/null
  if [ "$issuer" = self ]; then
    openssl ca -batch -notext -utf8 -config ca.cnf -selfsign -keyfile "$key" -in "$name.csr" \
      -extensions "$ext" -md "$md" -startdate "$start" -enddate "$end" -out "$name.pem" 2>/dev/null
  else
    openssl ca -batch -notext -utf8 -config ca.cnf -cert "$issuer.pem" -keyfile "$issuer.key" \
      -in "$name.csr" -extensions "$ext" -md "$md" -startdate "$start" -enddate "$end" \
      -out "$name.pem" 2>/dev/null
  fi
}

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out root.key 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out intermediate.key
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out unrelated-root.key
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out tsa-rsa.key 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out tsa-ecdsa.key
cp tsa-rsa.key tsa-expired.key
cp tsa-ecdsa.key tsa-unrelated.key

LONG_START=20200101000000Z
LONG_END=20491231235959Z
issue root "/C=FR/O=Témoin tests/CN=Témoin Test Root CA" root.key self root_ext sha256 $LONG_START $LONG_END
issue intermediate "/C=FR/O=Témoin tests/CN=Témoin Test Intermediate CA" intermediate.key root intermediate_ext sha256 $LONG_START $LONG_END
issue unrelated-root "/C=FR/O=Elsewhere/CN=Unrelated Root CA" unrelated-root.key self root_ext sha256 $LONG_START $LONG_END
issue tsa-rsa "/C=FR/O=Témoin tests/CN=Témoin Test TSA RSA" tsa-rsa.key intermediate tsa_ext sha384 $LONG_START $LONG_END
issue tsa-ecdsa "/C=FR/O=Témoin tests/CN=Témoin Test TSA ECDSA" tsa-ecdsa.key intermediate tsa_ext sha384 $LONG_START $LONG_END
issue tsa-expired "/C=FR/O=Témoin tests/CN=Témoin Test TSA expired" tsa-expired.key intermediate tsa_ext sha384 20200101000000Z 20210101000000Z
issue tsa-unrelated "/C=FR/O=Elsewhere/CN=Unrelated TSA" tsa-unrelated.key unrelated-root tsa_ext sha256 $LONG_START $LONG_END

# --- The authority's configuration (openssl ts). ----------------------------------------------
# tsa_section SECTION SIGNER KEY ESS_ALG PRECISION
tsa_section() {
  cat <<SECTION
[$1]
dir = .
serial = ./tsa-serial
crypto_device = builtin
signer_cert = ./$2.pem
signer_key = ./$3.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.32473.1.1
other_policies = 1.3.6.1.4.1.32473.1.2
digests = sha256, sha384, sha512
accuracy = secs:1
clock_precision_digits = $5
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = $4
SECTION
}
{
  echo "[tsa]"
  echo "default_tsa = tsa_rsa"
  tsa_section tsa_rsa tsa-rsa tsa-rsa sha256 0
  tsa_section tsa_ecdsa tsa-ecdsa tsa-ecdsa sha256 3
  tsa_section tsa_v1 tsa-rsa tsa-rsa sha1 0
  tsa_section tsa_expired tsa-expired tsa-expired sha256 0
  tsa_section tsa_unrelated tsa-unrelated tsa-unrelated sha256 0
} > ts.cnf
echo 01 > tsa-serial

# --- Our own request, then the answers. -------------------------------------------------------
# request.tsq is written by timestamp::request() itself (see the ignored test).
( cd "$repo" && TEMOIN_TSA_WRITE_REQUEST="$work/request.tsq" \
    cargo test -q -p temoin-core --lib timestamp::tests::write_request_fixture -- --ignored --exact >/dev/null )
# openssl parses our request...
openssl ts -query -in request.tsq -text > request.txt 2>/dev/null
grep -q "Hash Algorithm: sha256" request.txt
grep -q "Certificate required: yes" request.txt
grep -q "0000 - $(echo "$IMPRINT_A" | cut -c1-8 | sed 's/../& /g')" request.txt
grep -q "Nonce: 0x" request.txt
# ...and answers it.
openssl ts -reply -config ts.cnf -section tsa_rsa -queryfile request.tsq \
  -chain intermediate.pem -out valid-rsa.tsr 2>/dev/null

query() { openssl ts -query -digest "$1" -sha256 -cert -out "$2" 2>/dev/null; }
query "$IMPRINT_A" a.tsq
query "$IMPRINT_B" b.tsq
openssl ts -reply -config ts.cnf -section tsa_ecdsa -queryfile a.tsq -out valid-ecdsa.tsr 2>/dev/null
openssl ts -reply -config ts.cnf -section tsa_v1 -queryfile a.tsq -chain intermediate.pem \
  -out valid-esscertid-v1.tsr 2>/dev/null
openssl ts -reply -config ts.cnf -section tsa_expired -queryfile a.tsq -chain intermediate.pem \
  -out expired.tsr 2>/dev/null
openssl ts -reply -config ts.cnf -section tsa_rsa -queryfile b.tsq -chain intermediate.pem \
  -out other-imprint.tsr 2>/dev/null
openssl ts -reply -config ts.cnf -section tsa_unrelated -queryfile a.tsq -chain unrelated-root.pem \
  -out unrelated.tsr 2>/dev/null
openssl ts -query -digest "$(printf 'x' | openssl dgst -sha1 -r | cut -d' ' -f1)" -sha1 -cert -out sha1.tsq 2>/dev/null
openssl ts -reply -config ts.cnf -section tsa_rsa -queryfile sha1.tsq -out refused.tsr 2>/dev/null

# --- Prove the fixtures right with openssl's own verifier. ------------------------------------
ok() { openssl ts -verify "$@" 2>&1 | grep -q '^Verification: OK$'; }
fails() { ! ok "$@"; }
ok -in valid-rsa.tsr -queryfile request.tsq -CAfile root.pem -untrusted intermediate.pem
ok -in valid-rsa.tsr -digest "$IMPRINT_A" -CAfile root.pem -untrusted intermediate.pem
ok -in valid-ecdsa.tsr -digest "$IMPRINT_A" -CAfile root.pem -untrusted intermediate.pem
ok -in valid-esscertid-v1.tsr -digest "$IMPRINT_A" -CAfile root.pem -untrusted intermediate.pem
ok -in other-imprint.tsr -digest "$IMPRINT_B" -CAfile root.pem -untrusted intermediate.pem
fails -in other-imprint.tsr -digest "$IMPRINT_A" -CAfile root.pem -untrusted intermediate.pem
# openssl checks validity at the current time, and the expired certificate has expired.
fails -in expired.tsr -digest "$IMPRINT_A" -CAfile root.pem -untrusted intermediate.pem
ok -in expired.tsr -digest "$IMPRINT_A" -CAfile root.pem -untrusted intermediate.pem -attime 1590000000
fails -in unrelated.tsr -digest "$IMPRINT_A" -CAfile root.pem -untrusted intermediate.pem
ok -in unrelated.tsr -digest "$IMPRINT_A" -CAfile unrelated-root.pem
openssl ts -reply -in refused.tsr -text 2>/dev/null | grep -q "Status: Rejected"
openssl ts -reply -in valid-ecdsa.tsr -text 2>/dev/null | grep -Eq "Time stamp: .*[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}"

# --- RSASSA-PSS, on its own. -----------------------------------------------------------------
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out pss.key 2>/dev/null
openssl pkey -in pss.key -pubout -outform DER -out pss-spki.der
printf 'Témoin PSS' > pss.txt
openssl dgst -sha256 -sign pss.key -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 \
  -sigopt rsa_mgf1_md:sha256 -out pss.sig pss.txt
openssl pkey -in pss.key -pubout -out pss.pub
openssl dgst -sha256 -verify pss.pub -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32 \
  -sigopt rsa_mgf1_md:sha256 -signature pss.sig pss.txt | grep -q "Verified OK"

for c in root intermediate unrelated-root; do
  openssl x509 -in "$c.pem" -outform DER -out "$out/$c.der"
done
cp request.tsq valid-rsa.tsr valid-ecdsa.tsr valid-esscertid-v1.tsr expired.tsr \
   other-imprint.tsr unrelated.tsr refused.tsr pss-spki.der pss.sig "$out/"
echo "fixtures written to $out:"
ls -l "$out"

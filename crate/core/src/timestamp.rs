//! RFC 3161 time stamps: the request sent to a time-stamping authority (TSA), the reading of its
//! answer, and the offline verification of the token it returns.
//!
//! No network here: the extension POSTs [`request`]'s bytes (`application/timestamp-query`),
//! hands the answer to [`parse_response`], and keeps the token. [`verify`] then checks, with no
//! clock and no network, that the token
//!
//! - is a CMS `SignedData` holding a `TSTInfo` (RFC 3161 §2.4.2) for the expected fingerprint
//!   (SHA-256; [`verify_imprint`] also takes SHA-384 and SHA-512) and, when given, the nonce;
//! - carries signed attributes whose message digest is that of the `TSTInfo`, and a signature
//!   over them by the authority's key (RSA PKCS#1 v1.5 or PSS with SHA-256/384/512, ECDSA on
//!   P-256 or P-384);
//! - names that certificate by `SignerIdentifier` and binds it with an `ESSCertID` (SHA-1,
//!   RFC 2634) or `ESSCertIDv2` (RFC 5816) signing-certificate attribute;
//! - was signed with a certificate for time-stamping only (critical extended key usage
//!   `id-kp-timeStamping`, RFC 3161 §2.3), which chains, every signature checked, to a
//!   self-signed root among the certificates supplied, each certificate valid at the stamped time.
//!
//! What comes in is hostile: sizes and counts are capped, every decoding error is an [`Error`],
//! nothing panics.

use std::time::Duration;

use cms::content_info::CmsVersion;
use cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier, SignerInfo};
use der::asn1::{AnyRef, BitStringRef, Int, ObjectIdentifier, OctetString, Utf8StringRef};
use der::{
    Any, Decode, DecodeValue, Encode, EncodeValue, FixedTag, Header, Length, Reader, Sequence,
    SliceReader, Tag, TagNumber, Tagged, Writer,
};
use serde::Serialize;
use sha2::{Digest, Sha256, Sha384, Sha512};
use x509_cert::ext::pkix::name::{GeneralName, GeneralNames};
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, KeyUsage, SubjectKeyIdentifier,
};
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::Certificate;
use x509_tsp::{Accuracy, MessageImprint, TimeStampReq, TspVersion};

use crate::digest::sha256_hex;
use crate::error::{Error, ErrorCode, Result};

// ---------------------------------------------------------------------------------------------
// Limits: a real token is 2 to 10 KB (three certificates at most); these bound the work done on
// anything else.

/// Largest answer or token accepted, in bytes.
pub const MAX_TOKEN_LEN: usize = 64 * 1024;
/// Most certificates accepted, embedded in the token or supplied.
pub const MAX_CERTIFICATES: usize = 16;
/// Longest chain followed, the authority's certificate and the root included.
const MAX_CHAIN_LEN: usize = 6;
/// Most signatures checked while looking for a chain.
const MAX_SIGNATURE_CHECKS: usize = 24;

// ---------------------------------------------------------------------------------------------
// Object identifiers.

const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const ID_CT_TST_INFO: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.1.4");
const ID_CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const ID_MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const ID_SIGNING_CERTIFICATE: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.12");
const ID_SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");

const ID_SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
const ID_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const ID_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const ID_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");

const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const ID_MGF1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.8");
const ID_RSASSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
const SHA1_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.5");
const SHA256_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const SHA384_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const SHA512_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
const ID_EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const ECDSA_WITH_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const ECDSA_WITH_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");
const ECDSA_WITH_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.4");
const SECP256R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
const SECP384R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");

const ID_CE_SUBJECT_KEY_IDENTIFIER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.14");
const ID_CE_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.15");
const ID_CE_BASIC_CONSTRAINTS: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.19");
const ID_CE_AUTHORITY_KEY_IDENTIFIER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.35");
const ID_CE_EXT_KEY_USAGE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.37");
const ID_KP_TIME_STAMPING: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.8");

// ---------------------------------------------------------------------------------------------
// Errors.

fn invalid(message: impl Into<String>) -> Error {
    Error::new(ErrorCode::TimestampInvalid, message)
}

fn unreadable(what: &str, e: der::Error) -> Error {
    invalid(format!("the time stamp is unreadable: {what} ({e})"))
}

// ---------------------------------------------------------------------------------------------
// Digests.

/// A digest algorithm the verifier knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashAlg {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl HashAlg {
    fn from_oid(oid: &ObjectIdentifier) -> Option<HashAlg> {
        match *oid {
            ID_SHA1 => Some(HashAlg::Sha1),
            ID_SHA256 => Some(HashAlg::Sha256),
            ID_SHA384 => Some(HashAlg::Sha384),
            ID_SHA512 => Some(HashAlg::Sha512),
            _ => None,
        }
    }

    /// The digest of an `AlgorithmIdentifier`, whose parameters must be absent or NULL
    /// (RFC 5754 §2).
    fn from_algorithm(alg: &AlgorithmIdentifierOwned) -> Option<HashAlg> {
        let params_ok = match &alg.parameters {
            None => true,
            Some(p) => p.tag() == Tag::Null && p.value().is_empty(),
        };
        if params_ok {
            Self::from_oid(&alg.oid)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            HashAlg::Sha1 => "SHA-1",
            HashAlg::Sha256 => "SHA-256",
            HashAlg::Sha384 => "SHA-384",
            HashAlg::Sha512 => "SHA-512",
        }
    }

    fn digest(self, bytes: &[u8]) -> Vec<u8> {
        match self {
            HashAlg::Sha1 => sha1::Sha1::digest(bytes).to_vec(),
            HashAlg::Sha256 => Sha256::digest(bytes).to_vec(),
            HashAlg::Sha384 => Sha384::digest(bytes).to_vec(),
            HashAlg::Sha512 => Sha512::digest(bytes).to_vec(),
        }
    }
}

/// The fingerprint a token is expected to be for: the digest of the time-stamped data.
#[derive(Debug, Clone, Copy)]
pub enum Imprint<'a> {
    Sha256(&'a [u8; 32]),
    Sha384(&'a [u8; 48]),
    Sha512(&'a [u8; 64]),
}

impl Imprint<'_> {
    fn alg(&self) -> HashAlg {
        match self {
            Imprint::Sha256(_) => HashAlg::Sha256,
            Imprint::Sha384(_) => HashAlg::Sha384,
            Imprint::Sha512(_) => HashAlg::Sha512,
        }
    }
    fn bytes(&self) -> &[u8] {
        match self {
            Imprint::Sha256(b) => &b[..],
            Imprint::Sha384(b) => &b[..],
            Imprint::Sha512(b) => &b[..],
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The request.

/// The DER `TimeStampReq` for a SHA-256 fingerprint: version 1, no policy, the nonce, and
/// `certReq` so that the authority's certificate comes back in the token. The caller draws the
/// nonce from a random source (`crypto.getRandomValues`) and passes it to [`verify`] again.
pub fn request(message_imprint_sha256: &[u8; 32], nonce: u64) -> Vec<u8> {
    // Encoding well-formed values of fixed size cannot fail; were it to, an empty request
    // would be refused by the authority rather than abort the worker.
    try_request(message_imprint_sha256, nonce).unwrap_or_default()
}

fn try_request(message_imprint_sha256: &[u8; 32], nonce: u64) -> der::Result<Vec<u8>> {
    TimeStampReq {
        version: TspVersion::V1,
        message_imprint: MessageImprint {
            hash_algorithm: AlgorithmIdentifierOwned {
                oid: ID_SHA256,
                // RFC 5754 §2: SHA-2 identifiers are written without parameters.
                parameters: None,
            },
            hashed_message: OctetString::new(message_imprint_sha256.to_vec())?,
        },
        req_policy: None,
        nonce: Some(Int::new(&positive_integer_bytes(nonce))?),
        cert_req: true,
        extensions: None,
    }
    .to_der()
}

/// `n` as the content of a DER INTEGER: big-endian, minimal, with a leading zero when the
/// high bit is set (so that it stays positive).
fn positive_integer_bytes(n: u64) -> Vec<u8> {
    let bytes = n.to_be_bytes();
    let first = bytes
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(bytes.len() - 1);
    let mut out = Vec::with_capacity(9);
    if bytes[first] & 0x80 != 0 {
        out.push(0);
    }
    out.extend_from_slice(&bytes[first..]);
    out
}

/// The value of a DER INTEGER as a u64, if it is non-negative and fits.
fn integer_as_u64(bytes: &[u8]) -> Option<u64> {
    if bytes.first().is_some_and(|b| b & 0x80 != 0) {
        return None;
    }
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    let digits = &bytes[start..];
    if digits.len() > 8 {
        return None;
    }
    Some(
        digits
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)),
    )
}

// ---------------------------------------------------------------------------------------------
// The answer.

/// `TimeStampResp` (RFC 3161 §2.4.2). x509-tsp has this type, but its `PKIStatusInfo` (from
/// cmpv2 0.2) maps the `failInfo` bits wrongly and rejects some refusals as unreadable, so the
/// status is read here with the bits kept as they are.
#[derive(Sequence)]
struct TimeStampRespRaw<'a> {
    status: PkiStatusInfoRaw<'a>,
    #[asn1(optional = "true")]
    time_stamp_token: Option<AnyRef<'a>>,
}

#[derive(Sequence)]
struct PkiStatusInfoRaw<'a> {
    status: u8,
    #[asn1(optional = "true")]
    status_string: Option<Vec<Utf8StringRef<'a>>>,
    #[asn1(optional = "true")]
    fail_info: Option<BitStringRef<'a>>,
}

/// RFC 3161 §2.4.2 and RFC 4210 §5.2.3: the names of the failure bits.
const FAILURE_NAMES: [(usize, &str); 8] = [
    (0, "badAlg: the digest algorithm is not accepted"),
    (2, "badRequest: the request is malformed or not permitted"),
    (
        5,
        "badDataFormat: the data was submitted in the wrong format",
    ),
    (
        14,
        "timeNotAvailable: the authority's time source is not available",
    ),
    (
        15,
        "unacceptedPolicy: the requested policy is not supported",
    ),
    (
        16,
        "unacceptedExtension: the requested extension is not supported",
    ),
    (
        17,
        "addInfoNotAvailable: the additional information is not available",
    ),
    (25, "systemFailure: the authority failed"),
];

/// Reads the authority's `TimeStampResp`. A status other than granted (0) or granted with
/// modifications (1) is an error carrying the authority's own text; otherwise the
/// `TimeStampToken` (a DER `ContentInfo`), exactly as sent.
pub fn parse_response(der: &[u8]) -> Result<Vec<u8>> {
    if der.len() > MAX_TOKEN_LEN {
        return Err(invalid(format!(
            "the authority's answer is too large ({} bytes)",
            der.len()
        )));
    }
    let resp = TimeStampRespRaw::from_der(der)
        .map_err(|e| invalid(format!("the authority's answer is unreadable ({e})")))?;
    let status = &resp.status;
    if status.status > 1 {
        let meaning = match status.status {
            2 => "refused the request",
            3 => "asks to wait (request pending)",
            4 => "warns that its certificate is about to be revoked",
            5 => "reports that its certificate was revoked",
            _ => "answered with an unknown status",
        };
        let mut details: Vec<String> = status
            .status_string
            .iter()
            .flatten()
            .map(|s| s.as_str().to_owned())
            .collect();
        if let Some(bits) = &status.fail_info {
            for (bit, name) in FAILURE_NAMES {
                if bit_is_set(bits, bit) {
                    details.push(name.to_owned());
                }
            }
        }
        let mut message = format!("the time-stamping authority {meaning}");
        if !details.is_empty() {
            message.push_str(": ");
            message.push_str(&details.join("; "));
        }
        return Err(Error::new(ErrorCode::TimestampRefused, message));
    }
    let token = resp
        .time_stamp_token
        .ok_or_else(|| invalid("the authority granted the request but sent no time stamp"))?;
    token
        .to_der()
        .map_err(|e| invalid(format!("the authority's time stamp is unreadable ({e})")))
}

/// Bit `n` of a DER BIT STRING, numbered from the most significant bit of the first byte.
fn bit_is_set(bits: &BitStringRef<'_>, n: usize) -> bool {
    let bytes = bits.raw_bytes();
    bytes
        .get(n / 8)
        .is_some_and(|byte| byte & (0x80 >> (n % 8)) != 0)
}

// ---------------------------------------------------------------------------------------------
// TSTInfo, with a genTime that may carry fractional seconds.

/// `TSTInfo` (RFC 3161 §2.4.2). x509-tsp's own type reads `genTime` with der's
/// `GeneralizedTime`, which refuses the fractional seconds that RFC 3161 allows and that
/// several authorities send, so this one reads it with [`GenTime`].
#[derive(Sequence)]
struct TstInfo {
    version: TspVersion,
    policy: ObjectIdentifier,
    message_imprint: MessageImprint,
    serial_number: Int,
    gen_time: GenTime,
    #[asn1(optional = "true")]
    accuracy: Option<Accuracy>,
    #[asn1(default = "Default::default")]
    ordering: bool,
    #[asn1(optional = "true")]
    nonce: Option<Int>,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    tsa: Option<GeneralName>,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    extensions: Option<x509_cert::ext::Extensions>,
}

/// A `GeneralizedTime` of the form `YYYYMMDDHHMMSS[.f...]Z` (RFC 3161 §2.4.2).
#[derive(Debug, Clone, PartialEq, Eq)]
struct GenTime {
    text: Vec<u8>,
    at: time::OffsetDateTime,
}

impl GenTime {
    fn parse(text: &[u8]) -> Option<time::OffsetDateTime> {
        let (main, rest) = (text.get(..14)?, text.get(14..)?);
        if !main.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let num = |range: std::ops::Range<usize>| -> Option<u32> {
            main.get(range)?
                .iter()
                .try_fold(0u32, |acc, &d| Some(acc * 10 + u32::from(d - b'0')))
        };
        let nanos = match rest {
            [b'Z'] => 0,
            [b'.', fraction @ .., b'Z'] => {
                if fraction.is_empty()
                    || fraction.len() > 9
                    || !fraction.iter().all(u8::is_ascii_digit)
                {
                    return None;
                }
                let digits = fraction
                    .iter()
                    .fold(0u32, |acc, &d| acc * 10 + u32::from(d - b'0'));
                digits * 10u32.pow(9 - fraction.len() as u32)
            }
            _ => return None,
        };
        let year = i32::try_from(num(0..4)?).ok()?;
        let month = time::Month::try_from(u8::try_from(num(4..6)?).ok()?).ok()?;
        let date =
            time::Date::from_calendar_date(year, month, u8::try_from(num(6..8)?).ok()?).ok()?;
        let clock = time::Time::from_hms_nano(
            u8::try_from(num(8..10)?).ok()?,
            u8::try_from(num(10..12)?).ok()?,
            u8::try_from(num(12..14)?).ok()?,
            nanos,
        )
        .ok()?;
        Some(time::PrimitiveDateTime::new(date, clock).assume_utc())
    }
}

impl FixedTag for GenTime {
    const TAG: Tag = Tag::GeneralizedTime;
}

impl<'a> DecodeValue<'a> for GenTime {
    fn decode_value<R: Reader<'a>>(reader: &mut R, header: Header) -> der::Result<Self> {
        let text = reader.read_vec(header.length)?;
        let at = Self::parse(&text).ok_or_else(|| Self::TAG.value_error())?;
        Ok(GenTime { text, at })
    }
}

impl EncodeValue for GenTime {
    fn value_len(&self) -> der::Result<Length> {
        Length::try_from(self.text.len())
    }
    fn encode_value(&self, writer: &mut impl Writer) -> der::Result<()> {
        writer.write(&self.text)
    }
}

// ---------------------------------------------------------------------------------------------
// ESS signing-certificate attributes (RFC 2634 §5.4, RFC 5035 §3).

#[derive(Sequence)]
struct SigningCertificate {
    certs: Vec<EssCertId>,
    #[asn1(optional = "true")]
    policies: Option<Any>,
}

#[derive(Sequence)]
struct EssCertId {
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    issuer_serial: Option<IssuerSerial>,
}

#[derive(Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
    #[asn1(optional = "true")]
    policies: Option<Any>,
}

#[derive(Sequence)]
struct EssCertIdV2 {
    #[asn1(optional = "true")]
    hash_algorithm: Option<AlgorithmIdentifierOwned>,
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    issuer_serial: Option<IssuerSerial>,
}

#[derive(Sequence)]
struct IssuerSerial {
    issuer: GeneralNames,
    serial_number: SerialNumber,
}

// ---------------------------------------------------------------------------------------------
// What a verified token says.

/// One certificate of the chain, from the authority's own to the root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ChainCertificate {
    pub subject: String,
    pub issuer: String,
    /// RFC 3339, UTC.
    pub not_before: String,
    /// RFC 3339, UTC.
    pub not_after: String,
    /// SHA-256 of the certificate's DER, lowercase hex.
    pub sha256: String,
}

/// What a token proves, once [`verify`] has checked it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Attestation {
    /// The stamped time, RFC 3339 in UTC (fractions of a second when the authority gave them).
    pub gen_time: String,
    /// How far the stamped time may be from the true time, in milliseconds, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accuracy_ms: Option<u32>,
    /// The subject of the certificate that signed the token (RFC 4514 text).
    pub tsa_subject: String,
    /// The authority's name as written in the token (`TSTInfo.tsa`), when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tsa_name: Option<String>,
    /// The token's serial number, lowercase hex.
    pub serial_number: String,
    /// The authority's policy under which the token was issued (dotted OID).
    pub policy: String,
    /// The digest algorithm of the stamped fingerprint ("SHA-256", ...).
    pub hash_algorithm: String,
    /// The authority's certificate first, the root last.
    pub chain: Vec<ChainCertificate>,
    /// SHA-256 of the root's DER, lowercase hex: compare with the one the authority publishes.
    pub root_sha256: String,
}

// ---------------------------------------------------------------------------------------------
// Certificates.

struct Cert {
    der: Vec<u8>,
    /// The `tbsCertificate` as sent: the bytes its issuer signed.
    tbs: Vec<u8>,
    cert: Certificate,
    /// Supplied by the caller (the bundle), rather than embedded in the token.
    supplied: bool,
}

impl Cert {
    fn from_der(der: &[u8], supplied: bool) -> der::Result<Cert> {
        let cert = Certificate::from_der(der)?;
        let tbs = children(AnyRef::from_der(der)?.value())?
            .first()
            .ok_or_else(|| der::Error::from(der::ErrorKind::Failed))?
            .to_der()?;
        Ok(Cert {
            der: der.to_vec(),
            tbs,
            cert,
            supplied,
        })
    }

    fn subject(&self) -> String {
        self.cert.tbs_certificate.subject.to_string()
    }

    fn issuer(&self) -> String {
        self.cert.tbs_certificate.issuer.to_string()
    }

    fn self_issued(&self) -> bool {
        self.cert.tbs_certificate.subject == self.cert.tbs_certificate.issuer
    }

    fn extension<'a, T: Decode<'a>>(&'a self, oid: ObjectIdentifier) -> Result<Option<(bool, T)>> {
        let Some(extensions) = &self.cert.tbs_certificate.extensions else {
            return Ok(None);
        };
        let mut found = extensions.iter().filter(|e| e.extn_id == oid);
        let Some(ext) = found.next() else {
            return Ok(None);
        };
        if found.next().is_some() {
            return Err(invalid(format!(
                "the certificate of {} has the extension {oid} twice",
                self.subject()
            )));
        }
        let value = T::from_der(ext.extn_value.as_bytes()).map_err(|e| {
            invalid(format!(
                "the certificate of {} has an unreadable extension {oid} ({e})",
                self.subject()
            ))
        })?;
        Ok(Some((ext.critical, value)))
    }

    fn subject_key_id(&self) -> Option<Vec<u8>> {
        self.extension::<SubjectKeyIdentifier>(ID_CE_SUBJECT_KEY_IDENTIFIER)
            .ok()
            .flatten()
            .map(|(_, ski)| ski.0.as_bytes().to_vec())
    }

    fn authority_key_id(&self) -> Option<Vec<u8>> {
        self.extension::<AuthorityKeyIdentifier>(ID_CE_AUTHORITY_KEY_IDENTIFIER)
            .ok()
            .flatten()
            .and_then(|(_, aki)| aki.key_identifier.map(|k| k.as_bytes().to_vec()))
    }

    fn validity(&self) -> (Duration, Duration) {
        let v = &self.cert.tbs_certificate.validity;
        (
            v.not_before.to_unix_duration(),
            v.not_after.to_unix_duration(),
        )
    }

    fn describe(&self) -> ChainCertificate {
        let (not_before, not_after) = self.validity();
        ChainCertificate {
            subject: self.subject(),
            issuer: self.issuer(),
            not_before: rfc3339_of_unix(not_before),
            not_after: rfc3339_of_unix(not_after),
            sha256: sha256_hex(&self.der),
        }
    }
}

fn rfc3339_of_unix(d: Duration) -> String {
    i64::try_from(d.as_secs())
        .ok()
        .and_then(|s| time::OffsetDateTime::from_unix_timestamp(s).ok())
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| format!("@{}", d.as_secs()))
}

/// The parts of a token that the verifier uses. The `SignedData` (RFC 5652 §5.1) is read field
/// by field rather than with cms's `SignedData`: the signed attributes and the certificates
/// are then kept exactly as sent (der re-sorts a `SET OF` as it reads it), and the module
/// does not carry decoders for what a time stamp never holds (CRLs, attribute certificates).
struct Token {
    version: u8,
    digest_algorithms: Vec<AlgorithmIdentifierOwned>,
    encap: EncapsulatedContentInfo,
    certificates: Vec<Cert>,
    signer_infos: Vec<SignerInfo>,
    /// The first signer's signed attributes as signed: their DER with the `[0] IMPLICIT` tag
    /// replaced by `SET` (RFC 5652 §5.4).
    signed_attrs: Option<Vec<u8>>,
}

/// The elements inside a constructed DER value.
fn children(value: &[u8]) -> der::Result<Vec<AnyRef<'_>>> {
    let mut reader = SliceReader::new(value)?;
    let mut out = Vec::new();
    while !reader.is_finished() {
        out.push(AnyRef::decode(&mut reader)?);
    }
    Ok(out)
}

fn context_tag(number: TagNumber) -> Tag {
    Tag::ContextSpecific {
        constructed: true,
        number,
    }
}

fn read_token(token_der: &[u8]) -> Result<Token> {
    if token_der.len() > MAX_TOKEN_LEN {
        return Err(invalid(format!(
            "the time stamp is too large ({} bytes)",
            token_der.len()
        )));
    }
    let shape = || invalid("the time stamp is unreadable: not a CMS SignedData");
    // ContentInfo ::= SEQUENCE { contentType, [0] EXPLICIT content }
    let content_info =
        AnyRef::from_der(token_der).map_err(|e| unreadable("not a CMS message", e))?;
    let parts = children(content_info.value()).map_err(|e| unreadable("not a CMS message", e))?;
    let (Some(content_type), Some(explicit), 2) = (parts.first(), parts.get(1), parts.len()) else {
        return Err(shape());
    };
    if content_info.tag() != Tag::Sequence || explicit.tag() != context_tag(TagNumber::N0) {
        return Err(shape());
    }
    let content_type = content_type
        .decode_as::<ObjectIdentifier>()
        .map_err(|e| unreadable("the content type", e))?;
    if content_type != ID_SIGNED_DATA {
        return Err(invalid(format!(
            "the time stamp is not a signed message (content type {content_type})"
        )));
    }
    let signed_data =
        AnyRef::from_der(explicit.value()).map_err(|e| unreadable("the SignedData", e))?;
    if signed_data.tag() != Tag::Sequence {
        return Err(shape());
    }
    let fields = children(signed_data.value()).map_err(|e| unreadable("the SignedData", e))?;
    let mut fields = fields.into_iter().peekable();

    let version = fields
        .next()
        .ok_or_else(shape)?
        .decode_as::<u8>()
        .map_err(|e| unreadable("the SignedData version", e))?;
    let digest_set = fields
        .next()
        .filter(|f| f.tag() == Tag::Set)
        .ok_or_else(shape)?;
    let digest_algorithms = children(digest_set.value())
        .and_then(|algs| {
            algs.into_iter()
                .take(MAX_CERTIFICATES)
                .map(|a| a.decode_as::<AlgorithmIdentifierOwned>())
                .collect()
        })
        .map_err(|e| unreadable("the digest algorithms", e))?;
    let encap = fields
        .next()
        .ok_or_else(shape)?
        .decode_as::<EncapsulatedContentInfo>()
        .map_err(|e| unreadable("the encapsulated content", e))?;

    let mut certificates = Vec::new();
    if let Some(set) = fields.next_if(|f| f.tag() == context_tag(TagNumber::N0)) {
        let choices = children(set.value()).map_err(|e| unreadable("the certificates", e))?;
        // Other certificate formats (attribute certificates, ...) are not used here.
        for cert in choices.into_iter().filter(|c| c.tag() == Tag::Sequence) {
            if certificates.len() == MAX_CERTIFICATES {
                return Err(invalid("the time stamp embeds too many certificates"));
            }
            let der = cert
                .to_der()
                .map_err(|e| unreadable("an embedded certificate", e))?;
            certificates.push(
                Cert::from_der(&der, false)
                    .map_err(|e| unreadable("an embedded certificate", e))?,
            );
        }
    }
    // Revocation information is not used: validity is judged at the stamped time.
    fields.next_if(|f| f.tag() == context_tag(TagNumber::N1));

    let infos = fields
        .next()
        .filter(|f| f.tag() == Tag::Set)
        .ok_or_else(shape)?;
    if fields.next().is_some() {
        return Err(shape());
    }
    let infos = children(infos.value()).map_err(|e| unreadable("the signatures", e))?;
    if infos.len() > MAX_CERTIFICATES {
        return Err(invalid("the time stamp has too many signatures"));
    }
    let signed_attrs = match infos.first() {
        None => None,
        Some(first) => {
            let parts = children(first.value()).map_err(|e| unreadable("the signature", e))?;
            match parts.get(3) {
                Some(attrs) if attrs.tag() == context_tag(TagNumber::N0) => Some(
                    AnyRef::new(Tag::Set, attrs.value())
                        .and_then(|set| set.to_der())
                        .map_err(|e| unreadable("the signed attributes", e))?,
                ),
                _ => None,
            }
        }
    };
    let signer_infos = infos
        .into_iter()
        .map(|info| info.decode_as::<SignerInfo>())
        .collect::<der::Result<Vec<_>>>()
        .map_err(|e| unreadable("the signature", e))?;
    Ok(Token {
        version,
        digest_algorithms,
        encap,
        certificates,
        signer_infos,
        signed_attrs,
    })
}

/// The certificates embedded in a token (DER), so that they can be kept beside it, in the
/// token's order (not necessarily the chain's).
pub fn certificates_of(token_der: &[u8]) -> Result<Vec<Vec<u8>>> {
    Ok(read_token(token_der)?
        .certificates
        .into_iter()
        .map(|c| c.der)
        .collect())
}

// ---------------------------------------------------------------------------------------------
// Signatures.

enum SigCheck {
    Ok,
    Mismatch,
    Unsupported(String),
}

/// Which signature scheme an `AlgorithmIdentifier` names, with its digest. `digest_hint` is
/// the `SignerInfo`'s digest, for the identifiers that name only the key type.
enum Scheme {
    Pkcs1(HashAlg),
    Pss { hash: HashAlg, salt_len: usize },
    Ecdsa(HashAlg),
}

fn scheme_of(
    alg: &AlgorithmIdentifierOwned,
    digest_hint: Option<HashAlg>,
) -> std::result::Result<Scheme, String> {
    let hint = || digest_hint.ok_or_else(|| format!("no digest given for {}", alg.oid));
    // Only PSS has parameters; the others have none, or NULL (RFC 4055 §5, RFC 5758 §3.2).
    let no_params = match &alg.parameters {
        None => true,
        Some(p) => p.tag() == Tag::Null && p.value().is_empty(),
    };
    if alg.oid != ID_RSASSA_PSS && !no_params {
        return Err(format!("unexpected parameters for {}", alg.oid));
    }
    Ok(match alg.oid {
        SHA1_WITH_RSA => Scheme::Pkcs1(HashAlg::Sha1),
        SHA256_WITH_RSA => Scheme::Pkcs1(HashAlg::Sha256),
        SHA384_WITH_RSA => Scheme::Pkcs1(HashAlg::Sha384),
        SHA512_WITH_RSA => Scheme::Pkcs1(HashAlg::Sha512),
        RSA_ENCRYPTION => Scheme::Pkcs1(hint()?),
        ECDSA_WITH_SHA256 => Scheme::Ecdsa(HashAlg::Sha256),
        ECDSA_WITH_SHA384 => Scheme::Ecdsa(HashAlg::Sha384),
        ECDSA_WITH_SHA512 => Scheme::Ecdsa(HashAlg::Sha512),
        ID_EC_PUBLIC_KEY => Scheme::Ecdsa(hint()?),
        ID_RSASSA_PSS => pss_scheme(alg)?,
        other => return Err(format!("the signature algorithm {other} is not supported")),
    })
}

/// RSASSA-PSS parameters (RFC 4055 §3.1): MGF1 with the same digest, trailer field 1.
fn pss_scheme(alg: &AlgorithmIdentifierOwned) -> std::result::Result<Scheme, String> {
    use rsa::pkcs1::{RsaPssParams, TrailerField};
    let params = alg
        .parameters
        .as_ref()
        .ok_or("RSA-PSS without parameters")?
        .to_der()
        .map_err(|e| e.to_string())?;
    let params = RsaPssParams::from_der(&params).map_err(|e| format!("RSA-PSS parameters: {e}"))?;
    let hash = HashAlg::from_oid(&params.hash.oid).ok_or("RSA-PSS with an unknown digest")?;
    let mgf_hash = params
        .mask_gen
        .parameters
        .as_ref()
        .and_then(|p| HashAlg::from_oid(&p.oid));
    if params.mask_gen.oid != ID_MGF1 || mgf_hash != Some(hash) {
        return Err("RSA-PSS with a mask generation other than MGF1 on the same digest".into());
    }
    if params.trailer_field != TrailerField::BC {
        return Err("RSA-PSS with an unknown trailer field".into());
    }
    Ok(Scheme::Pss {
        hash,
        salt_len: usize::from(params.salt_len),
    })
}

/// Checks `signature` over `message` with the key of `spki`. SHA-1 is refused unless
/// `allow_sha1` (only for the self-signature of a root the caller supplied: its authenticity
/// comes from being supplied, not from that signature).
fn check_signature(
    spki: &SubjectPublicKeyInfoOwned,
    alg: &AlgorithmIdentifierOwned,
    digest_hint: Option<HashAlg>,
    message: &[u8],
    signature: &[u8],
    allow_sha1: bool,
) -> SigCheck {
    let scheme = match scheme_of(alg, digest_hint) {
        Ok(s) => s,
        Err(why) => return SigCheck::Unsupported(why),
    };
    let hash = match &scheme {
        Scheme::Pkcs1(h) | Scheme::Ecdsa(h) | Scheme::Pss { hash: h, .. } => *h,
    };
    if hash == HashAlg::Sha1 && !allow_sha1 {
        return SigCheck::Unsupported("SHA-1 signatures are no longer trusted".into());
    }
    let Some(key_bytes) = spki.subject_public_key.as_bytes() else {
        return SigCheck::Unsupported("the public key is not a whole number of bytes".into());
    };
    let hashed = hash.digest(message);
    match scheme {
        Scheme::Pkcs1(_) | Scheme::Pss { .. } => {
            use rsa::pkcs1::DecodeRsaPublicKey;
            use rsa::{Pkcs1v15Sign, Pss, RsaPublicKey};
            if spki.algorithm.oid != RSA_ENCRYPTION && spki.algorithm.oid != ID_RSASSA_PSS {
                return SigCheck::Unsupported("an RSA signature from a non-RSA key".into());
            }
            // Refuses moduli above 4096 bits, which bounds the work.
            let key = match RsaPublicKey::from_pkcs1_der(key_bytes) {
                Ok(k) => k,
                Err(e) => return SigCheck::Unsupported(format!("the RSA key is unusable ({e})")),
            };
            let result = match (scheme, hash) {
                (Scheme::Pss { salt_len, .. }, HashAlg::Sha1) => key.verify(
                    Pss::new_with_salt::<sha1::Sha1>(salt_len),
                    &hashed,
                    signature,
                ),
                (Scheme::Pss { salt_len, .. }, HashAlg::Sha256) => {
                    key.verify(Pss::new_with_salt::<Sha256>(salt_len), &hashed, signature)
                }
                (Scheme::Pss { salt_len, .. }, HashAlg::Sha384) => {
                    key.verify(Pss::new_with_salt::<Sha384>(salt_len), &hashed, signature)
                }
                (Scheme::Pss { salt_len, .. }, HashAlg::Sha512) => {
                    key.verify(Pss::new_with_salt::<Sha512>(salt_len), &hashed, signature)
                }
                (_, HashAlg::Sha1) => {
                    key.verify(Pkcs1v15Sign::new::<sha1::Sha1>(), &hashed, signature)
                }
                (_, HashAlg::Sha256) => {
                    key.verify(Pkcs1v15Sign::new::<Sha256>(), &hashed, signature)
                }
                (_, HashAlg::Sha384) => {
                    key.verify(Pkcs1v15Sign::new::<Sha384>(), &hashed, signature)
                }
                (_, HashAlg::Sha512) => {
                    key.verify(Pkcs1v15Sign::new::<Sha512>(), &hashed, signature)
                }
            };
            if result.is_ok() {
                SigCheck::Ok
            } else {
                SigCheck::Mismatch
            }
        }
        Scheme::Ecdsa(_) => {
            use p256::ecdsa::signature::hazmat::PrehashVerifier;
            if spki.algorithm.oid != ID_EC_PUBLIC_KEY {
                return SigCheck::Unsupported("an ECDSA signature from a non-EC key".into());
            }
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
            let ok = match curve {
                Some(SECP256R1) => {
                    let (Ok(key), Ok(sig)) = (
                        p256::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes),
                        p256::ecdsa::Signature::from_der(signature),
                    ) else {
                        return SigCheck::Mismatch;
                    };
                    key.verify_prehash(&hashed, &sig).is_ok()
                }
                Some(SECP384R1) => {
                    let (Ok(key), Ok(sig)) = (
                        p384::ecdsa::VerifyingKey::from_sec1_bytes(key_bytes),
                        p384::ecdsa::Signature::from_der(signature),
                    ) else {
                        return SigCheck::Mismatch;
                    };
                    key.verify_prehash(&hashed, &sig).is_ok()
                }
                _ => {
                    return SigCheck::Unsupported(
                        "only the P-256 and P-384 curves are supported".into(),
                    )
                }
            };
            if ok {
                SigCheck::Ok
            } else {
                SigCheck::Mismatch
            }
        }
    }
}

/// Whether `issuer`'s key signed `cert`.
fn signed_by(cert: &Cert, issuer: &Cert, allow_sha1: bool) -> SigCheck {
    let Some(signature) = cert.cert.signature.as_bytes() else {
        return SigCheck::Mismatch;
    };
    check_signature(
        &issuer.cert.tbs_certificate.subject_public_key_info,
        &cert.cert.signature_algorithm,
        None,
        &cert.tbs,
        signature,
        allow_sha1,
    )
}

// ---------------------------------------------------------------------------------------------
// Signed attributes.

fn single_attribute(info: &SignerInfo, oid: ObjectIdentifier) -> Result<Option<&Any>> {
    let mut found = info
        .signed_attrs
        .iter()
        .flat_map(|attrs| attrs.iter())
        .filter(|a| a.oid == oid);
    let Some(attr) = found.next() else {
        return Ok(None);
    };
    if found.next().is_some() || attr.values.len() != 1 {
        return Err(invalid(format!(
            "the time stamp's signed attribute {oid} must appear once with one value"
        )));
    }
    Ok(attr.values.get(0))
}

/// The addresses (Authority Information Access, caIssuers, http or https) of the issuers that
/// none of `certificates` (DER) is: where the rest of a chain can be fetched. Unreadable
/// certificates are passed over.
pub fn missing_issuer_urls(certificates: &[Vec<u8>]) -> Vec<String> {
    const ID_PE_AUTHORITY_INFO_ACCESS: ObjectIdentifier =
        ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.1");
    const ID_AD_CA_ISSUERS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.2");
    let certs: Vec<Cert> = certificates
        .iter()
        .take(MAX_CERTIFICATES)
        .filter_map(|d| Cert::from_der(d, true).ok())
        .collect();
    let mut urls = Vec::new();
    for c in &certs {
        let issuer = &c.cert.tbs_certificate.issuer;
        if c.self_issued()
            || certs
                .iter()
                .any(|o| &o.cert.tbs_certificate.subject == issuer)
        {
            continue;
        }
        let Ok(Some((_, aia))) = c.extension::<x509_cert::ext::pkix::AuthorityInfoAccessSyntax>(
            ID_PE_AUTHORITY_INFO_ACCESS,
        ) else {
            continue;
        };
        for d in aia.0 {
            if d.access_method != ID_AD_CA_ISSUERS {
                continue;
            }
            if let GeneralName::UniformResourceIdentifier(uri) = d.access_location {
                let uri = uri.to_string();
                let lower = uri.to_ascii_lowercase();
                if (lower.starts_with("http://") || lower.starts_with("https://"))
                    && !urls.contains(&uri)
                {
                    urls.push(uri);
                }
            }
        }
    }
    urls
}

/// Certificates (DER) as one PEM text, in order, for `openssl ts -verify -CAfile`.
pub fn certificates_pem(certificates: &[Vec<u8>]) -> String {
    certificates
        .iter()
        .filter_map(|der| {
            pem_rfc7468::encode_string("CERTIFICATE", pem_rfc7468::LineEnding::LF, der).ok()
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Verification.

/// Verifies a token for a SHA-256 fingerprint. See [`verify_imprint`].
pub fn verify(
    token_der: &[u8],
    expected_imprint: &[u8; 32],
    certificates: &[Vec<u8>],
    expected_nonce: Option<u64>,
) -> Result<Attestation> {
    verify_imprint(
        token_der,
        Imprint::Sha256(expected_imprint),
        certificates,
        expected_nonce,
    )
}

/// Verifies a token, offline, against the expected fingerprint and the certificates supplied
/// (DER; the root must be among them, intermediates may be embedded in the token instead).
/// `expected_nonce` is the nonce of the request, when it is known.
pub fn verify_imprint(
    token_der: &[u8],
    expected: Imprint<'_>,
    certificates: &[Vec<u8>],
    expected_nonce: Option<u64>,
) -> Result<Attestation> {
    let token = read_token(token_der)?;

    // The content: a TSTInfo for the expected fingerprint.
    let encap = &token.encap;
    if encap.econtent_type != ID_CT_TST_INFO {
        return Err(invalid(format!(
            "the signed message is not a time stamp (content type {})",
            encap.econtent_type
        )));
    }
    let econtent = encap
        .econtent
        .as_ref()
        .ok_or_else(|| invalid("the time stamp has no content"))?
        .decode_as::<OctetString>()
        .map_err(|e| unreadable("the content is not an OCTET STRING", e))?;
    let tst_bytes = econtent.as_bytes();
    let tst = TstInfo::from_der(tst_bytes).map_err(|e| unreadable("TSTInfo", e))?;
    let imprint = &tst.message_imprint;
    let imprint_alg = HashAlg::from_algorithm(&imprint.hash_algorithm)
        .filter(|h| *h != HashAlg::Sha1)
        .ok_or_else(|| {
            invalid(format!(
                "the time stamp's fingerprint uses an algorithm Témoin does not accept ({})",
                imprint.hash_algorithm.oid
            ))
        })?;
    if imprint_alg != expected.alg() {
        return Err(invalid(format!(
            "the time stamp is for another fingerprint (it holds a {} fingerprint, {} was expected)",
            imprint_alg.name(),
            expected.alg().name()
        )));
    }
    if imprint.hashed_message.as_bytes() != expected.bytes() {
        return Err(invalid("the time stamp is for another fingerprint"));
    }

    // One signer, whose signed attributes hold the digest of that TSTInfo.
    let mut signer_infos = token.signer_infos.iter();
    let info = signer_infos
        .next()
        .ok_or_else(|| invalid("the time stamp has no signature"))?;
    if signer_infos.next().is_some() {
        return Err(invalid("the time stamp has more than one signature"));
    }
    let digest_alg = HashAlg::from_algorithm(&info.digest_alg)
        .filter(|h| *h != HashAlg::Sha1)
        .ok_or_else(|| {
            invalid(format!(
                "the time stamp is signed with a digest Témoin does not accept ({})",
                info.digest_alg.oid
            ))
        })?;
    // The fields the signature does not cover, as RFC 5652 §5.1 and §5.3 fix them.
    let sid_version = match info.sid {
        SignerIdentifier::IssuerAndSerialNumber(_) => CmsVersion::V1,
        SignerIdentifier::SubjectKeyIdentifier(_) => CmsVersion::V3,
    };
    if token.version != 3
        || info.version != sid_version
        || !token
            .digest_algorithms
            .iter()
            .any(|a| HashAlg::from_algorithm(a) == Some(digest_alg))
    {
        return Err(invalid(
            "the time stamp is malformed (its version or digest list is not as signed)",
        ));
    }
    let content_type = single_attribute(info, ID_CONTENT_TYPE)?
        .ok_or_else(|| invalid("the time stamp's signed attributes lack the content type"))?
        .decode_as::<ObjectIdentifier>()
        .map_err(|e| unreadable("the content-type attribute", e))?;
    if content_type != ID_CT_TST_INFO {
        return Err(invalid(
            "the time stamp's signed content type is not a time stamp",
        ));
    }
    let message_digest = single_attribute(info, ID_MESSAGE_DIGEST)?
        .ok_or_else(|| invalid("the time stamp's signed attributes lack the message digest"))?
        .decode_as::<OctetString>()
        .map_err(|e| unreadable("the message-digest attribute", e))?;
    if message_digest.as_bytes() != digest_alg.digest(tst_bytes).as_slice() {
        return Err(invalid(
            "the time stamp was altered: its content does not match the digest the authority signed",
        ));
    }

    // The signer's certificate, named by the SignerIdentifier.
    let mut pool = token.certificates;
    if certificates.len() > MAX_CERTIFICATES {
        return Err(invalid("too many certificates were supplied"));
    }
    for (i, der) in certificates.iter().enumerate() {
        if der.len() > MAX_TOKEN_LEN {
            return Err(invalid(format!(
                "certificate {} supplied is too large",
                i + 1
            )));
        }
        let cert = Cert::from_der(der, true).map_err(|e| {
            invalid(format!(
                "certificate {} supplied is unreadable ({e})",
                i + 1
            ))
        })?;
        pool.push(cert);
    }
    let signer = pool
        .iter()
        .find(|c| identifies(&info.sid, c))
        .ok_or_else(|| {
            invalid("the authority's certificate is neither in the time stamp nor among the certificates supplied")
        })?;

    // Its signature over the signed attributes.
    let signed_attrs = token
        .signed_attrs
        .as_ref()
        .ok_or_else(|| invalid("the time stamp has no signed attributes"))?;
    match check_signature(
        &signer.cert.tbs_certificate.subject_public_key_info,
        &info.signature_algorithm,
        Some(digest_alg),
        signed_attrs,
        info.signature.as_bytes(),
        false,
    ) {
        SigCheck::Ok => {}
        SigCheck::Mismatch => {
            return Err(invalid(
                "the signature does not match: the time stamp was altered or not signed by this authority",
            ))
        }
        SigCheck::Unsupported(why) => {
            return Err(invalid(format!(
                "the time stamp's signature cannot be checked: {why}"
            )))
        }
    }

    // The signing-certificate attribute binds that certificate.
    check_signing_certificate(info, signer)?;

    // A certificate for time-stamping only.
    check_time_stamping_usage(signer)?;

    // The name the token gives its authority, when it is a directory name, is the signer's
    // (RFC 3161 §2.4.2).
    if let Some(GeneralName::DirectoryName(name)) = &tst.tsa {
        if *name != signer.cert.tbs_certificate.subject {
            return Err(invalid(format!(
                "the time stamp names another authority ({name}) than the one that signed it ({})",
                signer.subject()
            )));
        }
    }

    // The chain, to a root among the certificates supplied, every certificate valid then.
    let gen_time = &tst.gen_time.at;
    let gen_unix = Duration::new(
        u64::try_from(gen_time.unix_timestamp())
            .map_err(|_| invalid("the stamped time is before 1970"))?,
        gen_time.nanosecond(),
    );
    let chain = build_chain(signer, &pool)?;
    check_validity(&chain, gen_unix)?;

    // The nonce, when the request's is known.
    if let Some(expected_nonce) = expected_nonce {
        let nonce = tst
            .nonce
            .as_ref()
            .and_then(|n| integer_as_u64(n.as_bytes()));
        if nonce != Some(expected_nonce) {
            return Err(invalid(
                "the time stamp does not answer this request (its nonce differs)",
            ));
        }
    }

    let root = chain.last().ok_or_else(|| invalid("the chain is empty"))?;
    Ok(Attestation {
        gen_time: gen_time
            .format(&time::format_description::well_known::Rfc3339)
            .map_err(|e| invalid(format!("the stamped time cannot be written ({e})")))?,
        accuracy_ms: tst.accuracy.as_ref().map(accuracy_ms),
        tsa_subject: signer.subject(),
        tsa_name: tst.tsa.as_ref().map(general_name_text),
        serial_number: hex::encode(tst.serial_number.as_bytes()),
        policy: tst.policy.to_string(),
        hash_algorithm: imprint_alg.name().to_owned(),
        chain: chain.iter().map(|c| c.describe()).collect(),
        root_sha256: sha256_hex(&root.der),
    })
}

fn identifies(sid: &SignerIdentifier, cert: &Cert) -> bool {
    match sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => {
            ias.issuer == cert.cert.tbs_certificate.issuer
                && ias.serial_number == cert.cert.tbs_certificate.serial_number
        }
        SignerIdentifier::SubjectKeyIdentifier(ski) => {
            cert.subject_key_id().as_deref() == Some(ski.0.as_bytes())
        }
    }
}

fn check_signing_certificate(info: &SignerInfo, signer: &Cert) -> Result<()> {
    let wrong = || invalid("the time stamp names another certificate than the one that signed it");
    let issuer_matches = |issuer_serial: &Option<IssuerSerial>| {
        match issuer_serial {
        None => true,
        Some(is) => {
            is.serial_number == signer.cert.tbs_certificate.serial_number
                && is.issuer.iter().any(|name| {
                    matches!(name, GeneralName::DirectoryName(n) if *n == signer.cert.tbs_certificate.issuer)
                })
        }
    }
    };
    if let Some(value) = single_attribute(info, ID_SIGNING_CERTIFICATE_V2)? {
        let attr = value
            .decode_as::<SigningCertificateV2>()
            .map_err(|e| unreadable("the signing-certificate-v2 attribute", e))?;
        let first = attr.certs.first().ok_or_else(wrong)?;
        let hash = match &first.hash_algorithm {
            None => HashAlg::Sha256,
            Some(alg) => HashAlg::from_algorithm(alg).ok_or_else(|| {
                invalid(format!(
                    "the time stamp names its certificate with an unknown digest ({})",
                    alg.oid
                ))
            })?,
        };
        if first.cert_hash.as_bytes() != hash.digest(&signer.der).as_slice()
            || !issuer_matches(&first.issuer_serial)
        {
            return Err(wrong());
        }
        return Ok(());
    }
    if let Some(value) = single_attribute(info, ID_SIGNING_CERTIFICATE)? {
        let attr = value
            .decode_as::<SigningCertificate>()
            .map_err(|e| unreadable("the signing-certificate attribute", e))?;
        let first = attr.certs.first().ok_or_else(wrong)?;
        if first.cert_hash.as_bytes() != HashAlg::Sha1.digest(&signer.der).as_slice()
            || !issuer_matches(&first.issuer_serial)
        {
            return Err(wrong());
        }
        return Ok(());
    }
    Err(invalid(
        "the time stamp does not name the authority's certificate (no signing-certificate attribute)",
    ))
}

/// RFC 3161 §2.3: extended key usage critical, with `id-kp-timeStamping` only; and, as
/// OpenSSL checks, a key usage (if any) limited to digitalSignature and nonRepudiation.
fn check_time_stamping_usage(signer: &Cert) -> Result<()> {
    let not_for_stamping = |why: &str| {
        invalid(format!(
            "the authority's certificate is not meant for time-stamping ({why})"
        ))
    };
    match signer.extension::<ExtendedKeyUsage>(ID_CE_EXT_KEY_USAGE)? {
        None => return Err(not_for_stamping("it has no extended key usage")),
        Some((false, _)) => return Err(not_for_stamping("its extended key usage is not critical")),
        Some((true, eku)) => {
            if eku.0.as_slice() != [ID_KP_TIME_STAMPING] {
                return Err(not_for_stamping(
                    "its extended key usage is not time-stamping alone",
                ));
            }
        }
    }
    if let Some((_, usage)) = signer.extension::<KeyUsage>(ID_CE_KEY_USAGE)? {
        use x509_cert::ext::pkix::KeyUsages;
        let allowed = KeyUsages::DigitalSignature | KeyUsages::NonRepudiation;
        if !(usage.0 & !allowed).is_empty() || (usage.0 & allowed).is_empty() {
            return Err(not_for_stamping("its key usage allows other uses"));
        }
    }
    Ok(())
}

/// From the signer's certificate up to a self-signed root that the caller supplied, checking
/// each signature and that each issuer is a CA allowed to issue it.
fn build_chain<'a>(signer: &'a Cert, pool: &'a [Cert]) -> Result<Vec<&'a Cert>> {
    let mut chain = vec![signer];
    let mut checks = 0usize;
    loop {
        let current = *chain.last().ok_or_else(|| invalid("the chain is empty"))?;
        if current.self_issued() {
            if !pool.iter().any(|c| c.supplied && c.der == current.der) {
                return Err(invalid(format!(
                    "the chain does not lead to the certificates supplied: it ends at {}, which was not supplied",
                    current.subject()
                )));
            }
            return match signed_by(current, current, true) {
                SigCheck::Ok => Ok(chain),
                SigCheck::Mismatch => Err(invalid(format!(
                    "the signature does not match: the root certificate {} is not validly self-signed",
                    current.subject()
                ))),
                SigCheck::Unsupported(why) => Err(invalid(format!(
                    "the root certificate {} cannot be checked: {why}",
                    current.subject()
                ))),
            };
        }
        if chain.len() >= MAX_CHAIN_LEN {
            return Err(invalid(
                "the chain does not lead to the certificates supplied: it is too long",
            ));
        }
        let wanted_key = current.authority_key_id();
        let mut candidates: Vec<&Cert> = pool
            .iter()
            .filter(|c| c.cert.tbs_certificate.subject == current.cert.tbs_certificate.issuer)
            .filter(|c| !chain.iter().any(|seen| seen.der == c.der))
            .collect();
        // Prefer the issuer whose key identifier the certificate names.
        candidates.sort_by_key(|c| wanted_key.is_some() && c.subject_key_id() != wanted_key);
        let mut failure = None;
        let mut next = None;
        for candidate in candidates {
            checks += 1;
            if checks > MAX_SIGNATURE_CHECKS {
                return Err(invalid("the chain is too complex to check"));
            }
            match signed_by(current, candidate, false) {
                SigCheck::Ok => {
                    next = Some(candidate);
                    break;
                }
                SigCheck::Mismatch => {
                    failure = Some(format!(
                        "the signature does not match: the certificate of {} was not signed by {}",
                        current.subject(),
                        candidate.subject()
                    ))
                }
                SigCheck::Unsupported(why) => {
                    failure = Some(format!(
                        "the certificate of {} cannot be checked: {why}",
                        current.subject()
                    ))
                }
            }
        }
        let Some(issuer) = next else {
            return Err(invalid(failure.unwrap_or_else(|| {
                format!(
                    "the chain does not lead to the certificates supplied: the certificate of {} is missing",
                    current.issuer()
                )
            })));
        };
        check_ca(issuer, chain.len() - 1)?;
        chain.push(issuer);
    }
}

/// An issuer must be a CA (basic constraints), may sign certificates (key usage), and its
/// path length must allow the `below` CA certificates under it.
fn check_ca(issuer: &Cert, below: usize) -> Result<()> {
    let not_ca = |why: &str| {
        invalid(format!(
            "the chain does not lead to the certificates supplied: {} {why}",
            issuer.subject()
        ))
    };
    match issuer.extension::<BasicConstraints>(ID_CE_BASIC_CONSTRAINTS)? {
        Some((_, bc)) if bc.ca => {
            if let Some(limit) = bc.path_len_constraint {
                if below > usize::from(limit) {
                    return Err(not_ca("may not certify that many levels below it"));
                }
            }
        }
        _ => return Err(not_ca("is not a certification authority")),
    }
    if let Some((_, usage)) = issuer.extension::<KeyUsage>(ID_CE_KEY_USAGE)? {
        if !usage.key_cert_sign() {
            return Err(not_ca("may not sign certificates"));
        }
    }
    Ok(())
}

fn check_validity(chain: &[&Cert], at: Duration) -> Result<()> {
    for (i, cert) in chain.iter().enumerate() {
        let (not_before, not_after) = cert.validity();
        let whose = if i == 0 {
            "the authority's certificate".to_owned()
        } else {
            format!("the certificate of {}", cert.subject())
        };
        if at > not_after {
            return Err(invalid(format!(
                "{whose} had expired at the stamped time (it was valid until {})",
                rfc3339_of_unix(not_after)
            )));
        }
        if at < not_before {
            return Err(invalid(format!(
                "{whose} was not yet valid at the stamped time (it was valid from {})",
                rfc3339_of_unix(not_before)
            )));
        }
    }
    Ok(())
}

fn accuracy_ms(a: &Accuracy) -> u32 {
    let seconds = a.seconds.unwrap_or(0).min(u64::from(u32::MAX / 1000));
    let millis = a.millis.map(|m| m.clamp(0, 999)).unwrap_or(0);
    let micros = a.micros.map(|m| m.clamp(0, 999)).unwrap_or(0);
    // Rounded up: the stamp is at most this far off.
    (seconds as u32) * 1000 + millis as u32 + u32::from(micros > 0)
}

fn general_name_text(name: &GeneralName) -> String {
    match name {
        GeneralName::DirectoryName(n) => n.to_string(),
        GeneralName::Rfc822Name(s) => s.to_string(),
        GeneralName::DnsName(s) => s.to_string(),
        GeneralName::UniformResourceIdentifier(s) => s.to_string(),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SHA-256 of "Témoin fixture A" and "Témoin fixture B" (see scripts/tsa/make-fixtures.sh).
    fn imprint(which: char) -> [u8; 32] {
        let text = format!("Témoin fixture {which}");
        Sha256::digest(text.as_bytes()).into()
    }
    /// The nonce of request.tsq, to which valid-rsa.tsr answers.
    const NONCE_A: u64 = 0x9e37_79b9_7f4a_7c15;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!(
            "{}/../testdata/fixtures/tsa/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }
    fn token(name: &str) -> Vec<u8> {
        parse_response(&fixture(name)).unwrap()
    }
    fn root() -> Vec<u8> {
        fixture("root.der")
    }
    fn intermediate() -> Vec<u8> {
        fixture("intermediate.der")
    }
    fn verify_err(
        token: &[u8],
        imprint: &[u8; 32],
        certs: &[Vec<u8>],
        nonce: Option<u64>,
    ) -> Error {
        let e = verify(token, imprint, certs, nonce).unwrap_err();
        assert_eq!(e.code, ErrorCode::TimestampInvalid, "{e}");
        e
    }

    /// Writes request.tsq for the fixture script: `timestamp::request` answered by openssl.
    #[test]
    #[ignore = "run by scripts/tsa/make-fixtures.sh"]
    fn write_request_fixture() {
        let path = std::env::var("TEMOIN_TSA_WRITE_REQUEST").unwrap();
        std::fs::write(path, request(&imprint('A'), NONCE_A)).unwrap();
    }

    #[test]
    fn the_request_is_the_one_openssl_answered() {
        assert_eq!(request(&imprint('A'), NONCE_A), fixture("request.tsq"));
        let req = TimeStampReq::from_der(&request(&imprint('B'), 7)).unwrap();
        assert_eq!(req.version, TspVersion::V1);
        assert_eq!(req.message_imprint.hash_algorithm.oid, ID_SHA256);
        assert!(req.message_imprint.hash_algorithm.parameters.is_none());
        assert_eq!(req.message_imprint.hashed_message.as_bytes(), imprint('B'));
        assert_eq!(req.nonce.unwrap().as_bytes(), [7]);
        assert!(req.cert_req);
        assert!(req.req_policy.is_none() && req.extensions.is_none());
    }

    #[test]
    fn nonces_are_positive_integers() {
        for n in [0, 1, 0x7f, 0x80, 0xff, 0x100, NONCE_A, u64::MAX] {
            let bytes = positive_integer_bytes(n);
            assert!(bytes[0] & 0x80 == 0, "{n:x} encoded negative");
            assert!(
                bytes.len() == 1 || bytes[0] != 0 || bytes[1] & 0x80 != 0,
                "{n:x} not minimal"
            );
            assert_eq!(integer_as_u64(&bytes), Some(n));
            let req = TimeStampReq::from_der(&request(&[0; 32], n)).unwrap();
            assert_eq!(integer_as_u64(req.nonce.unwrap().as_bytes()), Some(n));
        }
        assert_eq!(positive_integer_bytes(0x80), [0, 0x80]);
        assert_eq!(integer_as_u64(&[0xff]), None);
        assert_eq!(integer_as_u64(&[1, 0, 0, 0, 0, 0, 0, 0, 0]), None);
    }

    #[test]
    fn a_valid_rsa_token_attests_its_time_authority_and_chain() {
        let token = token("valid-rsa.tsr");
        let a = verify(&token, &imprint('A'), &[root()], Some(NONCE_A)).unwrap();
        assert_eq!(a.hash_algorithm, "SHA-256");
        assert_eq!(a.policy, "1.3.6.1.4.1.32473.1.1");
        assert_eq!(a.accuracy_ms, Some(1000));
        assert!(
            a.gen_time.starts_with("20") && a.gen_time.ends_with('Z'),
            "{}",
            a.gen_time
        );
        crate::time::check_utc_timestamp(&a.gen_time).unwrap();
        assert_eq!(a.tsa_subject, "CN=Témoin Test TSA RSA,O=Témoin tests,C=FR");
        assert_eq!(a.tsa_name.as_deref(), Some(a.tsa_subject.as_str()));
        assert!(!a.serial_number.is_empty());
        let subjects: Vec<&str> = a.chain.iter().map(|c| c.subject.as_str()).collect();
        assert_eq!(
            subjects,
            [
                "CN=Témoin Test TSA RSA,O=Témoin tests,C=FR",
                "CN=Témoin Test Intermediate CA,O=Témoin tests,C=FR",
                "CN=Témoin Test Root CA,O=Témoin tests,C=FR",
            ]
        );
        assert_eq!(a.chain[0].issuer, a.chain[1].subject);
        assert_eq!(a.chain[2].not_before, "2020-01-01T00:00:00Z");
        assert_eq!(a.chain[2].not_after, "2049-12-31T23:59:59Z");
        assert_eq!(a.root_sha256, sha256_hex(&root()));
        assert_eq!(a.chain[2].sha256, a.root_sha256);
        // Without the nonce, too.
        assert_eq!(verify(&token, &imprint('A'), &[root()], None).unwrap(), a);
        // Supplying the intermediate as well changes nothing.
        assert_eq!(
            verify(&token, &imprint('A'), &[intermediate(), root()], None).unwrap(),
            a
        );
    }

    #[test]
    fn the_attestation_is_camel_case_json() {
        let a = verify(&token("valid-rsa.tsr"), &imprint('A'), &[root()], None).unwrap();
        let json = serde_json::to_value(&a).unwrap();
        for key in [
            "genTime",
            "accuracyMs",
            "tsaSubject",
            "tsaName",
            "serialNumber",
            "policy",
            "hashAlgorithm",
            "chain",
            "rootSha256",
        ] {
            assert!(json.get(key).is_some(), "{key} missing from {json}");
        }
        for key in ["subject", "issuer", "notBefore", "notAfter", "sha256"] {
            assert!(json["chain"][0].get(key).is_some(), "{key} missing");
        }
    }

    #[test]
    fn a_valid_ecdsa_token_with_the_intermediate_supplied() {
        let token = token("valid-ecdsa.tsr");
        let a = verify(&token, &imprint('A'), &[intermediate(), root()], None).unwrap();
        assert_eq!(
            a.tsa_subject,
            "CN=Témoin Test TSA ECDSA,O=Témoin tests,C=FR"
        );
        assert_eq!(a.chain.len(), 3);
        // Its intermediate is not embedded: without it, no chain.
        let e = verify_err(&token, &imprint('A'), &[root()], None);
        assert!(
            e.message
                .contains("the chain does not lead to the certificates supplied"),
            "{e}"
        );
        assert!(e.message.contains("Intermediate CA"), "{e}");
        // openssl gave it a random nonce.
        let e = verify_err(
            &token,
            &imprint('A'),
            &[intermediate(), root()],
            Some(NONCE_A),
        );
        assert!(e.message.contains("nonce"), "{e}");
    }

    #[test]
    fn a_token_naming_its_certificate_by_sha1_esscertid() {
        let token = token("valid-esscertid-v1.tsr");
        verify(&token, &imprint('A'), &[root()], None).unwrap();
    }

    #[test]
    fn a_token_for_another_fingerprint_is_refused() {
        let e = verify_err(&token("other-imprint.tsr"), &imprint('A'), &[root()], None);
        assert_eq!(e.message, "the time stamp is for another fingerprint");
        verify(&token("other-imprint.tsr"), &imprint('B'), &[root()], None).unwrap();
        let e = verify_err(&token("valid-rsa.tsr"), &imprint('B'), &[root()], None);
        assert_eq!(e.message, "the time stamp is for another fingerprint");
        let e = verify_imprint(
            &token("valid-rsa.tsr"),
            Imprint::Sha512(&[0; 64]),
            &[root()],
            None,
        )
        .unwrap_err();
        assert!(e.message.contains("another fingerprint"), "{e}");
    }

    #[test]
    fn a_certificate_expired_at_the_stamped_time_is_refused() {
        let e = verify_err(&token("expired.tsr"), &imprint('A'), &[root()], None);
        assert!(
            e.message
                .starts_with("the authority's certificate had expired at the stamped time"),
            "{e}"
        );
        assert!(e.message.contains("2021-01-01T00:00:00Z"), "{e}");
    }

    #[test]
    fn a_chain_to_another_root_is_refused() {
        let token = token("unrelated.tsr");
        let e = verify_err(&token, &imprint('A'), &[intermediate(), root()], None);
        assert!(
            e.message
                .starts_with("the chain does not lead to the certificates supplied"),
            "{e}"
        );
        assert!(e.message.contains("Unrelated Root CA"), "{e}");
        // That root is embedded in the token, which does not make it trusted...
        let e = verify_err(&token, &imprint('A'), &[], None);
        assert!(e.message.contains("not supplied"), "{e}");
        // ...but the token is sound for whoever trusts it.
        let a = verify(
            &token,
            &imprint('A'),
            &[fixture("unrelated-root.der")],
            None,
        )
        .unwrap();
        assert_eq!(a.root_sha256, sha256_hex(&fixture("unrelated-root.der")));
    }

    #[test]
    fn a_refusal_carries_the_authority_s_words() {
        let e = parse_response(&fixture("refused.tsr")).unwrap_err();
        assert_eq!(e.code, ErrorCode::TimestampRefused);
        assert!(
            e.message
                .starts_with("the time-stamping authority refused the request"),
            "{e}"
        );
        assert!(
            e.message
                .contains("Message digest algorithm is not supported."),
            "{e}"
        );
        assert!(e.message.contains("badAlg"), "{e}");
        assert_eq!(ErrorCode::TimestampRefused.as_str(), "timestamp-refused");
        assert_eq!(ErrorCode::TimestampInvalid.as_str(), "timestamp-invalid");
    }

    #[test]
    fn the_embedded_certificates_can_be_kept() {
        let certs = certificates_of(&token("valid-rsa.tsr")).unwrap();
        assert_eq!(certs.len(), 2);
        assert!(certs.contains(&intermediate()));
        assert_eq!(certificates_of(&token("valid-ecdsa.tsr")).unwrap().len(), 1);
        // The embedded certificates alone do not reach a supplied root.
        let e = verify_err(&token("valid-rsa.tsr"), &imprint('A'), &certs, None);
        assert!(
            e.message
                .contains("the chain does not lead to the certificates supplied"),
            "{e}"
        );
        let mut with_root = certs;
        with_root.push(root());
        verify(&token("valid-rsa.tsr"), &imprint('A'), &with_root, None).unwrap();
    }

    #[test]
    fn a_tampered_token_is_refused() {
        let good = token("valid-rsa.tsr");
        // The last bytes are the signature.
        let mut t = good.clone();
        *t.last_mut().unwrap() ^= 1;
        let e = verify_err(&t, &imprint('A'), &[root()], None);
        assert!(e.message.starts_with("the signature does not match"), "{e}");
        // A digit of genTime, the first GeneralizedTime of the token (in the TSTInfo).
        let at = good
            .windows(4)
            .position(|w| w == [0x18, 0x0f, b'2', b'0'])
            .unwrap();
        let mut t = good.clone();
        let digit = &mut t[at + 2 + 13];
        *digit = if *digit == b'0' { b'1' } else { b'0' };
        let e = verify_err(&t, &imprint('A'), &[root()], None);
        assert!(e.message.starts_with("the time stamp was altered"), "{e}");
        // A certificate supplied that is not one.
        let e = verify_err(&good, &imprint('A'), &[b"not a certificate".to_vec()], None);
        assert!(
            e.message.contains("certificate 1 supplied is unreadable"),
            "{e}"
        );
    }

    /// `openssl ts` cannot sign with RSA-PSS (PKCS#7 inside), so the scheme is checked on a
    /// signature made by `openssl dgst` (see the script).
    #[test]
    fn rsa_pss_signatures_verify() {
        use rsa::pkcs1::RsaPssParams;
        let spki = SubjectPublicKeyInfoOwned::from_der(&fixture("pss-spki.der")).unwrap();
        let pss = |params: RsaPssParams<'_>| AlgorithmIdentifierOwned {
            oid: ID_RSASSA_PSS,
            parameters: Some(Any::encode_from(&params).unwrap()),
        };
        let sig = fixture("pss.sig");
        let message = "Témoin PSS".as_bytes();
        let check = |alg: &AlgorithmIdentifierOwned, message: &[u8]| {
            check_signature(&spki, alg, None, message, &sig, false)
        };
        let good = pss(RsaPssParams::new::<Sha256>(32));
        assert!(matches!(check(&good, message), SigCheck::Ok));
        assert!(matches!(check(&good, b"another text"), SigCheck::Mismatch));
        let wrong_salt = pss(RsaPssParams::new::<Sha256>(20));
        assert!(matches!(check(&wrong_salt, message), SigCheck::Mismatch));
        // The default parameters are SHA-1's, which is no longer trusted.
        let sha1 = pss(RsaPssParams::default());
        assert!(matches!(check(&sha1, message), SigCheck::Unsupported(_)));
        let none = AlgorithmIdentifierOwned {
            oid: ID_RSASSA_PSS,
            parameters: None,
        };
        assert!(matches!(check(&none, message), SigCheck::Unsupported(_)));
    }

    #[test]
    fn gen_time_takes_fractions_of_a_second() {
        let parse = |s: &str| GenTime::parse(s.as_bytes());
        let t = parse("20240229235959Z").unwrap();
        assert_eq!(t.unix_timestamp(), 1_709_251_199);
        assert_eq!(parse("20240229235959.5Z").unwrap().millisecond(), 500);
        assert_eq!(
            parse("20240229235959.123456789Z").unwrap().nanosecond(),
            123_456_789
        );
        for bad in [
            "20230229000000Z",
            "20240229235959",
            "20240229235959.Z",
            "20240229235959.1234567890Z",
            "2024022923595Z",
            "20240229235960Z",
            "2024022923595aZ",
            "20240229235959+0100",
            "",
        ] {
            assert!(parse(bad).is_none(), "{bad} accepted");
        }
    }

    #[test]
    fn oversized_input_is_refused_without_work() {
        let big = vec![0x30; MAX_TOKEN_LEN + 1];
        assert!(parse_response(&big).is_err());
        assert!(verify(&big, &[0; 32], &[], None).is_err());
        assert!(certificates_of(&big).is_err());
        let many = vec![root(); MAX_CERTIFICATES + 1];
        let e = verify_err(&token("valid-rsa.tsr"), &imprint('A'), &many, None);
        assert!(e.message.contains("too many"), "{e}");
    }

    /// Truncated and bit-flipped answers and tokens: an error or a verification, never a panic.
    #[test]
    fn hostile_bytes_never_panic() {
        let mut accepted = 0;
        for name in ["valid-ecdsa.tsr", "valid-rsa.tsr"] {
            // Only what is not embedded: an altered embedded copy must not be saved by a
            // supplied one.
            let certs = if name == "valid-ecdsa.tsr" {
                vec![intermediate(), root()]
            } else {
                vec![root()]
            };
            let response = fixture(name);
            let token = token(name);
            for len in 0..response.len() {
                let _ = parse_response(&response[..len]);
            }
            for len in 0..token.len() {
                let _ = certificates_of(&token[..len]);
                assert!(verify(&token[..len], &imprint('A'), &certs, None).is_err());
            }
            // One bit per byte, a different bit each time; every third byte of the RSA token
            // (its signature checks are slow in a debug build).
            let stride = if name == "valid-rsa.tsr" { 3 } else { 1 };
            for i in (0..token.len()).step_by(stride) {
                let mut t = token.clone();
                t[i] ^= 1 << (i % 8);
                let _ = certificates_of(&t);
                if verify(&t, &imprint('A'), &certs, None).is_ok() {
                    eprintln!("{name}: flip at {i} accepted");
                    accepted += 1;
                }
                let mut r = response.clone();
                let at = i % r.len();
                r[at] ^= 0x80;
                let _ = parse_response(&r);
            }
        }
        assert_eq!(accepted, 0, "altered tokens verified");
    }
}

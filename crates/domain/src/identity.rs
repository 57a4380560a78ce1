//! Identity proofs and entrustment: the person's proofing request, attestations signed by a liaison
//! site or an officer, and delegations signed by the person.
//!
//! Each signed thing travels as one line of text, so it fits a QR code, a paste, a JSON field and a
//! printed letter alike: `PREFIX` + base64url(JSON payload) + `.` + base64url(Ed25519 signature).
//! The signature covers a context string and the encoded payload, so an attestation can never be
//! passed off as a delegation or the other way round. Encoding and checking need the `crypto`
//! feature (the UI, which only shows these, builds without it).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::catalog::{GuideId, IdentityLevel};
use crate::privacy::Profile;

/// What the person's app shows a volunteer: its device key, and the profile to compare with the
/// documents on the table, with the digest the attestation will be bound to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProofRequest {
    /// Base64 Ed25519 public key of the person's device.
    pub device_key: String,
    pub profile: Profile,
    /// [`profile_digest`] of `profile`.
    pub profile_digest: String,
}

/// Who signed an attestation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IssuerKind {
    /// A liaison site abroad, whose key an administrator registered.
    Site,
    /// A back-office officer, through the backend's key.
    Officer,
}

impl IssuerKind {
    pub fn slug(self) -> &'static str {
        match self {
            IssuerKind::Site => "site",
            IssuerKind::Officer => "officer",
        }
    }
}

/// A kind of identity document a verifier looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    Passport,
    IdCard,
}

/// "This person, holding this device, is who their profile says, checked this way."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attestation {
    pub id: Uuid,
    /// Base64 public key of the device the person proved their identity with.
    pub subject_key: String,
    /// [`profile_digest`] of the profile that was checked.
    pub profile_digest: String,
    pub level: IdentityLevel,
    pub issuer_kind: IssuerKind,
    /// The site's id (`prato`) or the officer's account name.
    pub issuer_id: String,
    /// Base64 public key that signed this attestation.
    pub signer_key: String,
    /// The documents checked; never their numbers.
    pub documents: Vec<DocumentKind>,
    /// Milliseconds since the epoch.
    pub issued_at: i64,
    pub expires_at: i64,
}

/// "This device is a walk-in's session at our site, opened by this volunteer": signed by the
/// site's key when the session starts, and sent with each application from it, so the city sees
/// where help came from. It proves nothing about the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assistance {
    /// The walk-in session's id: the site's count of people helped counts these.
    pub id: Uuid,
    /// Base64 public key of the session's device.
    pub subject_key: String,
    pub site_id: String,
    /// The volunteer's name as the site registered it.
    pub volunteer: String,
    /// Base64 public key of the site, which signs this.
    pub signer_key: String,
    /// Milliseconds since the epoch.
    pub issued_at: i64,
    pub expires_at: i64,
}

/// How long a session's assistance statement is good for: long enough for a sealed session on a
/// site that stayed offline for weeks to send what it holds.
pub const ASSISTANCE_DAYS: i64 = 90;

/// A person's signed authority for a relative at home to act for them on some services.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegation {
    pub id: Uuid,
    /// Base64 public key of the person's device, which signs the delegation.
    pub principal_key: String,
    pub principal_name: String,
    /// The person's resident ID or passport number, as on their profile.
    pub principal_document: String,
    pub agent_name: String,
    /// The relative's resident ID number.
    pub agent_id_number: String,
    pub guides: Vec<GuideId>,
    /// Milliseconds since the epoch.
    pub valid_from: i64,
    pub valid_until: i64,
    pub issued_at: i64,
    /// The person's details as their identity was proven; `principal_name` and
    /// `principal_document` are taken from them. The counter's check does not repeat them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal: Option<Profile>,
    /// The sealed attestation proving the person's identity (in person or by video), made for
    /// this device and these details. A letter without one entrusts nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof: Option<String>,
}

/// The longest a letter may run, in days from the day it is signed (the last day included,
/// ending at midnight in China): a year, leap day included.
pub const MAX_LETTER_DAYS: i64 = 366;

/// The weakest proof of identity a letter may rest on: the person was seen, in person or by
/// video. A service that asks for more needs that much more.
pub const LETTER_IDENTITY_LEVEL: IdentityLevel = IdentityLevel::RemoteAttended;

impl Delegation {
    /// What a counter is told of a letter: who entrusts whom with what, until when; not the
    /// person's other details nor the proof behind it.
    #[must_use]
    pub fn for_counter(mut self) -> Delegation {
        self.principal = None;
        self.proof = None;
        self
    }
}

/// What the person fills in to entrust a relative.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewDelegation {
    pub agent_name: String,
    pub agent_id_number: String,
    pub guides: Vec<GuideId>,
    /// The last day the relative may act (`YYYY-MM-DD`), at most a year ahead.
    pub valid_until: String,
}

/// An entrustment letter the person signed, as the app lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationSummary {
    pub delegation: Delegation,
    pub token: String,
    /// When the backend acknowledged its revocation.
    #[serde(default)]
    pub revoked_at: Option<i64>,
}

/// What a counter learns from checking a delegation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "state",
    rename_all = "kebab-case",
    try_from = "crate::tagged::CheckWire"
)]
pub enum DelegationCheck {
    /// Signed by a registered device, within its dates, not revoked.
    Valid {
        delegation: Delegation,
    },
    Revoked {
        delegation: Delegation,
        revoked_at: i64,
    },
    Expired {
        delegation: Delegation,
    },
    NotYetValid {
        delegation: Delegation,
    },
    /// The signer is not a registered device, or its key was revoked.
    UnknownSigner {
        delegation: Delegation,
    },
    /// The letter carries no genuine, unrevoked proof that the person named in it, holding the
    /// device that signed it, was seen in person or by video: anyone could have written it.
    IdentityNotProven {
        delegation: Delegation,
    },
    /// The letter runs longer than a year.
    TooLong {
        delegation: Delegation,
    },
    /// The letter names a service that cannot be entrusted to a relative.
    NotEntrustable {
        delegation: Delegation,
    },
    /// Not a delegation, or altered after it was signed.
    Tampered,
}

/// The body of `POST /v1/delegations/verify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationToken {
    pub token: String,
}

/// The body of `POST /v1/delegations/revoke`, signed by the device that signed the letter: only
/// the letter's number travels, not the names in it. A revocation counts for the letters of the
/// device that signed it, so no one can revoke another's letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationRevocation {
    pub id: Uuid,
}

/// The answer to a revocation: when it took effect (the first time, if revoked before).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationRevoked {
    pub id: Uuid,
    pub revoked_at: i64,
}

/// One attestation the person's app holds, as the identity screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttestationSummary {
    pub id: Uuid,
    pub level: IdentityLevel,
    pub issuer_kind: IssuerKind,
    pub issuer_id: String,
    pub issued_at: i64,
    pub expires_at: i64,
    /// Whether it counts now: unexpired, made for the profile as it stands, and not refused.
    pub current: bool,
    /// Why the city refused it, once it has (its signer revoked, say).
    #[serde(default)]
    pub refused: Option<crate::ErrorCode>,
}

/// Where the person's identity stands on this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityStatus {
    /// The best level the current attestations prove.
    pub level: IdentityLevel,
    pub attestations: Vec<AttestationSummary>,
    /// Whether the profile is complete, so that a proof request can be shown.
    pub profile_ready: bool,
}

/// A liaison site's identity on a volunteer's laptop in site mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    pub id: String,
    pub name: String,
    /// Base64 public key, for an administrator to register.
    pub public_key: String,
}

/// A line of text and the same as a QR code (an SVG document), to be scanned or pasted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Code {
    pub text: String,
    pub svg: String,
}

/// The body of `POST /v1/proofing-requests`: the person asks an officer to verify them by video.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProofingRequestBody {
    /// The encoded [`ProofRequest`], as a volunteer would scan it.
    pub request: String,
    /// How the officer reaches the person for the call: a phone number, WeChat id or e-mail.
    pub contact: String,
}

/// Where a request for video verification stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProofingRequestState {
    pub id: Uuid,
    pub requested_at: i64,
    /// When an officer verified the person, if they have.
    #[serde(default)]
    pub attested_at: Option<i64>,
    /// When an officer closed the request without verifying the person (no answer, or no
    /// match); the person may ask again.
    #[serde(default)]
    pub declined_at: Option<i64>,
}

impl ProofingRequestState {
    /// Whether an officer has still to answer it.
    pub fn is_open(&self) -> bool {
        self.attested_at.is_none() && self.declined_at.is_none()
    }
}

/// Whether `id` can name a liaison site: 1 to 40 lower-case letters, digits or hyphens
/// (`prato`, `paris-13`).
pub fn is_valid_site_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// How long a fresh attestation of each level is good for, in days.
pub fn validity_days(level: IdentityLevel) -> i64 {
    match level {
        IdentityLevel::SelfAsserted => 0,
        IdentityLevel::DocumentsReviewed | IdentityLevel::RemoteAttended => 365,
        IdentityLevel::OnsiteAttended => 3 * 365,
    }
}

/// How far a signer's clock may run ahead of the verifier's (milliseconds).
pub const CLOCK_SKEW_MS: i64 = 5 * 60 * 1000;

/// Why an attestation was not accepted. Each has its own error code at the backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AttestationProblem {
    #[error("the attestation is malformed or was altered after it was signed")]
    Tampered,
    #[error("the attestation's signer is not a registered liaison site or officer")]
    UnknownSigner,
    #[error("the attestation's signer was revoked")]
    RevokedSigner,
    #[error("the attestation was made for another device")]
    OtherDevice,
    #[error("the attestation has expired or is not yet valid")]
    Expired,
    #[error("the attestation proves another person than the one the application is for")]
    OtherPerson,
}

impl AttestationProblem {
    pub fn code(self) -> crate::ErrorCode {
        use crate::ErrorCode;
        match self {
            AttestationProblem::Tampered => ErrorCode::AttestationTampered,
            AttestationProblem::UnknownSigner => ErrorCode::UnknownSigner,
            AttestationProblem::RevokedSigner => ErrorCode::RevokedSigner,
            AttestationProblem::OtherDevice => ErrorCode::AttestationOtherDevice,
            AttestationProblem::Expired => ErrorCode::AttestationExpired,
            AttestationProblem::OtherPerson => ErrorCode::AttestationOtherPerson,
        }
    }
}

/// What the verifier knows of a signer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignerStanding {
    Trusted,
    Revoked,
    Unknown,
}

/// Prefixes of the encoded forms; the digit is the format's version.
pub mod prefix {
    pub const PROOF_REQUEST: &str = "HWP1.";
    pub const ATTESTATION: &str = "HWA1.";
    pub const DELEGATION: &str = "HWD1.";
    pub const ASSISTANCE: &str = "HWS1.";
}

#[cfg(feature = "crypto")]
pub use sealed::*;

#[cfg(feature = "crypto")]
mod sealed {
    use base64::engine::general_purpose::{STANDARD as B64, URL_SAFE_NO_PAD as B64URL};
    use base64::Engine as _;
    use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use sha2::{Digest as _, Sha256};

    use super::*;

    const ATTESTATION_CONTEXT: &[u8] = b"homeward attestation v1\n";
    const ROTATION_CONTEXT: &[u8] = b"homeward receipt key rotation v1\n";

    /// The short id of a backend key, as receipts name the key that signed them: the first 16
    /// hex digits of the SHA-256 of the public key.
    pub fn key_id(key: &VerifyingKey) -> String {
        hex_lower(&Sha256::digest(key.as_bytes())[..8])
    }

    /// `old` hands the receipt key over to `new`.
    pub fn endorse_rotation(old: &SigningKey, new: &VerifyingKey) -> crate::sync::KeyRotation {
        let signature = old.sign(&[ROTATION_CONTEXT, new.as_bytes()].concat());
        crate::sync::KeyRotation {
            from: public_key_b64(old),
            to: B64.encode(new.as_bytes()),
            signature: B64.encode(signature.to_bytes()),
        }
    }

    /// The key `current` names, if a chain of rotations each signed by the key before leads
    /// there from `pinned`: the key an app that trusted `pinned` may trust now.
    pub fn follow_rotations(
        pinned: &VerifyingKey,
        rotations: &[crate::sync::KeyRotation],
        current: &str,
    ) -> Option<VerifyingKey> {
        let target = parse_public_key(current)?;
        let mut at = *pinned;
        // Each step moves to a key not seen before, so the walk ends.
        let mut seen = vec![at];
        while at != target {
            let step = rotations.iter().find(|r| {
                parse_public_key(&r.from) == Some(at)
                    && parse_public_key(&r.to).is_some_and(|to| !seen.contains(&to))
            })?;
            let to = parse_public_key(&step.to)?;
            let signature = B64
                .decode(&step.signature)
                .ok()
                .and_then(|b| Signature::from_slice(&b).ok())?;
            at.verify_strict(&[ROTATION_CONTEXT, to.as_bytes()].concat(), &signature)
                .ok()?;
            seen.push(to);
            at = to;
        }
        Some(at)
    }
    const DELEGATION_CONTEXT: &[u8] = b"homeward delegation v1\n";
    const ASSISTANCE_CONTEXT: &[u8] = b"homeward assistance v1\n";

    /// The digest every attestation binds a person's details by. **A frozen format**: every
    /// attestation ever signed depends on it, so it is written out here rather than left to how
    /// [`Profile`] happens to serialise, and a golden test pins it.
    ///
    /// Format v1: lower-case hex of the SHA-256 of the bytes `homeward profile v1\n` followed by
    /// a compact JSON object with exactly these keys in this order: `name_han`, `name_pinyin`,
    /// `birth_date`, `id_number`, `passport`; each value a JSON string as `serde_json` writes it
    /// (UTF-8 as is, only `"`, `\` and control characters escaped). A new field of
    /// [`Profile`] does not enter the digest; changing what does means a `v2` with its own
    /// context, accepted beside v1 until every v1 attestation has expired.
    pub fn profile_digest(profile: &Profile) -> String {
        let mut hasher = Sha256::new();
        hasher.update(b"homeward profile v1\n");
        hasher.update(profile_v1_json(profile).as_bytes());
        hex_lower(&hasher.finalize())
    }

    /// The JSON object of format v1 (see [`profile_digest`]).
    fn profile_v1_json(p: &Profile) -> String {
        let fields = [
            ("name_han", &p.name_han),
            ("name_pinyin", &p.name_pinyin),
            ("birth_date", &p.birth_date),
            ("id_number", &p.id_number),
            ("passport", &p.passport),
        ];
        let mut json = String::from("{");
        for (i, (key, value)) in fields.into_iter().enumerate() {
            if i > 0 {
                json.push(',');
            }
            json.push_str(&format!("\"{key}\":"));
            json.push_str(&serde_json::Value::from(value.as_str()).to_string());
        }
        json.push('}');
        json
    }

    fn hex_lower(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The base64 public key of a signing key, as the payloads name keys.
    pub fn public_key_b64(key: &SigningKey) -> String {
        B64.encode(key.verifying_key().as_bytes())
    }

    /// An Ed25519 public key from its base64 form. A key of small order (one any signature
    /// verifies under, whatever was signed) is no key and reads as none.
    ///
    /// Keys read before are remembered (up to 4,096, then forgotten all at once):
    /// reading one is a square root on the curve, about a quarter of checking a signature, and
    /// the same keys come back all the time (a device's every request, a site's every
    /// statement). What is remembered is only what the bytes give, whoever sends them.
    pub fn parse_public_key(b64: &str) -> Option<VerifyingKey> {
        use std::collections::HashMap;
        use std::sync::{LazyLock, Mutex, PoisonError};
        static KEYS: LazyLock<Mutex<HashMap<[u8; 32], VerifyingKey>>> =
            LazyLock::new(Mutex::default);
        let bytes: [u8; 32] = B64.decode(b64.trim()).ok()?.try_into().ok()?;
        let keys = || KEYS.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(key) = keys().get(&bytes).copied() {
            return Some(key);
        }
        let key = VerifyingKey::from_bytes(&bytes)
            .ok()
            .filter(|key| !key.is_weak())?;
        let mut known = keys();
        if known.len() >= KEYS_REMEMBERED {
            known.clear();
        }
        known.insert(bytes, key);
        Some(key)
    }

    /// How many keys [`parse_public_key`] remembers.
    pub(crate) const KEYS_REMEMBERED: usize = 4096;

    fn seal<T: Serialize>(prefix: &str, context: &[u8], value: &T, key: &SigningKey) -> String {
        let payload = B64URL.encode(serde_json::to_vec(value).expect("serialises"));
        let signature = key.sign(&[context, payload.as_bytes()].concat());
        format!("{prefix}{payload}.{}", B64URL.encode(signature.to_bytes()))
    }

    /// The payload of a sealed token and whether `signer` (taken from the payload) signed it.
    fn open<T: DeserializeOwned>(
        prefix: &str,
        context: &[u8],
        token: &str,
        signer: impl Fn(&T) -> &str,
    ) -> Option<T> {
        let rest = token.trim().strip_prefix(prefix)?;
        let (payload, signature) = rest.split_once('.')?;
        let value: T = serde_json::from_slice(&B64URL.decode(payload).ok()?).ok()?;
        let signature = Signature::from_slice(&B64URL.decode(signature).ok()?).ok()?;
        let key = parse_public_key(signer(&value))?;
        key.verify_strict(&[context, payload.as_bytes()].concat(), &signature)
            .ok()?;
        Some(value)
    }

    impl ProofRequest {
        /// The text in the QR code.
        pub fn encode(&self) -> String {
            let json = serde_json::to_vec(self).expect("serialises");
            format!("{}{}", prefix::PROOF_REQUEST, B64URL.encode(json))
        }

        /// Reads a request back, checking that the digest is the profile's and the key a key.
        pub fn decode(text: &str) -> Option<ProofRequest> {
            let body = text.trim().strip_prefix(prefix::PROOF_REQUEST)?;
            let request: ProofRequest = serde_json::from_slice(&B64URL.decode(body).ok()?).ok()?;
            (parse_public_key(&request.device_key).is_some()
                && request.profile_digest == profile_digest(&request.profile))
            .then_some(request)
        }
    }

    impl Attestation {
        /// Signs the attestation; `key` must be the one `signer_key` names.
        pub fn seal(&self, key: &SigningKey) -> String {
            debug_assert_eq!(public_key_b64(key), self.signer_key);
            seal(prefix::ATTESTATION, ATTESTATION_CONTEXT, self, key)
        }

        /// The attestation in `token` if its signature is intact; nothing else is checked.
        pub fn open(token: &str) -> Option<Attestation> {
            open(
                prefix::ATTESTATION,
                ATTESTATION_CONTEXT,
                token,
                |a: &Attestation| &a.signer_key,
            )
        }

        /// Checks everything a verifier can: the signature, the signer's standing (which only
        /// the caller knows), the device it was made for and its dates.
        pub fn verify(
            token: &str,
            device_key: &str,
            now_ms: i64,
            standing: impl FnOnce(&Attestation) -> SignerStanding,
        ) -> Result<Attestation, AttestationProblem> {
            let a = Attestation::open(token).ok_or(AttestationProblem::Tampered)?;
            match standing(&a) {
                SignerStanding::Trusted => {}
                SignerStanding::Revoked => return Err(AttestationProblem::RevokedSigner),
                SignerStanding::Unknown => return Err(AttestationProblem::UnknownSigner),
            }
            if a.subject_key.trim() != device_key.trim() {
                return Err(AttestationProblem::OtherDevice);
            }
            if now_ms >= a.expires_at || a.issued_at > now_ms + CLOCK_SKEW_MS {
                return Err(AttestationProblem::Expired);
            }
            Ok(a)
        }

        /// [`Attestation::verify`], and that it proves the very person `person` describes
        /// (a [`profile_digest`]): a proof of one person never counts for another.
        pub fn verify_for(
            token: &str,
            device_key: &str,
            person: &str,
            now_ms: i64,
            standing: impl FnOnce(&Attestation) -> SignerStanding,
        ) -> Result<Attestation, AttestationProblem> {
            let a = Attestation::verify(token, device_key, now_ms, standing)?;
            if a.profile_digest != person {
                return Err(AttestationProblem::OtherPerson);
            }
            Ok(a)
        }
    }

    impl Assistance {
        /// Signs the statement; `key` must be the site's, which `signer_key` names.
        pub fn seal(&self, key: &SigningKey) -> String {
            debug_assert_eq!(public_key_b64(key), self.signer_key);
            seal(prefix::ASSISTANCE, ASSISTANCE_CONTEXT, self, key)
        }

        /// The statement in `token` if its signature is intact; nothing else is checked.
        pub fn open(token: &str) -> Option<Assistance> {
            open(
                prefix::ASSISTANCE,
                ASSISTANCE_CONTEXT,
                token,
                |a: &Assistance| &a.signer_key,
            )
        }

        /// The statement, if it is intact, its site in good standing (which only the caller
        /// knows), made for `device_key` and current at `now_ms`.
        pub fn verify(
            token: &str,
            device_key: &str,
            now_ms: i64,
            standing: impl FnOnce(&Assistance) -> SignerStanding,
        ) -> Result<Assistance, AttestationProblem> {
            let a = Assistance::open(token).ok_or(AttestationProblem::Tampered)?;
            match standing(&a) {
                SignerStanding::Trusted => {}
                SignerStanding::Revoked => return Err(AttestationProblem::RevokedSigner),
                SignerStanding::Unknown => return Err(AttestationProblem::UnknownSigner),
            }
            if a.subject_key.trim() != device_key.trim() {
                return Err(AttestationProblem::OtherDevice);
            }
            if now_ms >= a.expires_at || a.issued_at > now_ms + CLOCK_SKEW_MS {
                return Err(AttestationProblem::Expired);
            }
            Ok(a)
        }
    }

    impl Delegation {
        /// Signs the delegation with the person's device key.
        pub fn seal(&self, key: &SigningKey) -> String {
            debug_assert_eq!(public_key_b64(key), self.principal_key);
            seal(prefix::DELEGATION, DELEGATION_CONTEXT, self, key)
        }

        /// The delegation in `token` if the device it names signed it, as it is.
        pub fn open(token: &str) -> Option<Delegation> {
            open(
                prefix::DELEGATION,
                DELEGATION_CONTEXT,
                token,
                |d: &Delegation| &d.principal_key,
            )
        }

        /// The attestation the letter rests on, if it holds: intact, its signer in good
        /// standing, made for the device that signed the letter and for the very person the
        /// letter names (name and document are the proven details'), current when the letter
        /// was signed, and at least at level `needed`.
        pub fn proven(
            &self,
            needed: IdentityLevel,
            standing: impl FnOnce(&Attestation) -> SignerStanding,
        ) -> Option<Attestation> {
            let principal = self.principal.as_ref()?;
            let document = self.principal_document.trim();
            let named = self.principal_name == principal.name_han
                && !document.is_empty()
                && (document == principal.passport || document == principal.id_number);
            if !named {
                return None;
            }
            let a = Attestation::verify_for(
                self.proof.as_deref()?,
                &self.principal_key,
                &profile_digest(principal),
                self.issued_at,
                standing,
            )
            .ok()?;
            a.level.satisfies(needed).then_some(a)
        }
    }

    #[cfg(test)]
    mod digest_tests {
        use super::*;

        fn sample() -> Profile {
            Profile {
                name_han: "王\u{2A6A5}芳".into(),
                name_pinyin: "WANG \"FANG\"".into(),
                birth_date: "1950-03-07".into(),
                id_number: "33030219500307002X".into(),
                passport: "E12345678".into(),
            }
        }

        /// Pinned: an attestation signed today must verify against the same details for as long
        /// as it is valid. If this fails, the format changed: see [`profile_digest`].
        #[test]
        fn the_profile_digest_is_a_frozen_format() {
            assert_eq!(
                profile_digest(&sample()),
                "64a3cdb9f58b1ac65d83d8ff917abf887874b2c7659c6eaebe8228a7d8b9a590"
            );
        }

        #[test]
        fn the_written_out_json_is_what_version_1_always_hashed() {
            let p = sample();
            assert_eq!(
                profile_v1_json(&p).into_bytes(),
                serde_json::to_vec(&p).expect("serialises")
            );
        }
    }
}

#[cfg(all(test, feature = "crypto"))]
mod tests {
    use ed25519_dalek::SigningKey;

    use super::*;

    const DAY: i64 = 86_400_000;

    /// A key read again is the same key; a key of small order or malformed bytes read as none
    /// every time; and once more keys were read than are remembered, every key still reads.
    #[test]
    fn a_key_reads_the_same_every_time_and_a_weak_one_never() {
        use base64::engine::general_purpose::STANDARD as B64;
        use base64::Engine as _;
        let key = SigningKey::from_bytes(&[7; 32]);
        let b64 = public_key_b64(&key);
        assert_eq!(parse_public_key(&b64), Some(key.verifying_key()));
        assert_eq!(
            parse_public_key(&format!(" {b64} ")),
            Some(key.verifying_key())
        );
        // The neutral point: of small order, any signature verifies under it.
        let mut neutral = [0u8; 32];
        neutral[0] = 1;
        for _ in 0..2 {
            assert_eq!(parse_public_key(&B64.encode(neutral)), None);
            assert_eq!(parse_public_key("not a key"), None);
            assert_eq!(parse_public_key(&B64.encode([1u8; 31])), None);
        }
        let many: Vec<SigningKey> = (0..=u16::try_from(sealed::KEYS_REMEMBERED).unwrap())
            .map(|n: u16| {
                let mut seed = [0u8; 32];
                seed[..2].copy_from_slice(&n.to_le_bytes());
                SigningKey::from_bytes(&seed)
            })
            .collect();
        for k in many.iter().chain([&key]) {
            assert_eq!(
                parse_public_key(&public_key_b64(k)),
                Some(k.verifying_key())
            );
        }
    }

    fn profile() -> Profile {
        Profile {
            name_han: "王𠀀明".into(),
            name_pinyin: "WANG XIAOMING".into(),
            birth_date: "1990-01-01".into(),
            id_number: String::new(),
            passport: "E12345678".into(),
        }
    }

    fn attestation(site: &SigningKey, device: &SigningKey) -> Attestation {
        Attestation {
            id: Uuid::nil(),
            subject_key: public_key_b64(device),
            profile_digest: profile_digest(&profile()),
            level: IdentityLevel::OnsiteAttended,
            issuer_kind: IssuerKind::Site,
            issuer_id: "prato".into(),
            signer_key: public_key_b64(site),
            documents: vec![DocumentKind::Passport],
            issued_at: 10 * DAY,
            expires_at: 20 * DAY,
        }
    }

    #[test]
    fn a_proof_request_reads_back_and_a_changed_profile_does_not() {
        let device = SigningKey::from_bytes(&[1; 32]);
        let request = ProofRequest {
            device_key: public_key_b64(&device),
            profile: profile(),
            profile_digest: profile_digest(&profile()),
        };
        let text = request.encode();
        assert!(text.starts_with(prefix::PROOF_REQUEST));
        assert_eq!(
            ProofRequest::decode(&format!(" {text}\n")),
            Some(request.clone())
        );

        let mut other = request;
        other.profile.passport = "E87654321".into();
        assert_eq!(
            ProofRequest::decode(&other.encode()),
            None,
            "digest no longer matches"
        );
        assert_eq!(ProofRequest::decode("HWP1.!!"), None);
    }

    #[test]
    fn an_attestation_verifies_and_each_failure_is_named() {
        let site = SigningKey::from_bytes(&[2; 32]);
        let device = SigningKey::from_bytes(&[3; 32]);
        let a = attestation(&site, &device);
        let token = a.seal(&site);
        let me = public_key_b64(&device);
        let now = 15 * DAY;
        let trusted = |_: &Attestation| SignerStanding::Trusted;

        assert_eq!(
            Attestation::verify(&token, &me, now, trusted),
            Ok(a.clone())
        );
        assert_eq!(
            Attestation::verify(&token, &me, now, |_| SignerStanding::Unknown),
            Err(AttestationProblem::UnknownSigner)
        );
        assert_eq!(
            Attestation::verify(&token, &me, now, |_| SignerStanding::Revoked),
            Err(AttestationProblem::RevokedSigner)
        );
        let stranger = public_key_b64(&SigningKey::from_bytes(&[4; 32]));
        assert_eq!(
            Attestation::verify(&token, &stranger, now, trusted),
            Err(AttestationProblem::OtherDevice)
        );
        assert_eq!(
            Attestation::verify(&token, &me, 20 * DAY, trusted),
            Err(AttestationProblem::Expired)
        );
        assert_eq!(
            Attestation::verify(&token, &me, 9 * DAY, trusted),
            Err(AttestationProblem::Expired),
            "issued more than the clock skew in the future"
        );

        // Raising the level in the payload breaks the signature.
        let mut raised = a.clone();
        raised.level = IdentityLevel::RemoteAttended;
        let forged_payload = raised.seal(&site);
        let (_, forged_sig) = forged_payload.rsplit_once('.').unwrap();
        let (original_payload, _) = token.rsplit_once('.').unwrap();
        let spliced = format!("{original_payload}.{forged_sig}");
        assert_eq!(
            Attestation::verify(&spliced, &me, now, trusted),
            Err(AttestationProblem::Tampered)
        );
        // Signed by a key other than the one it names.
        let mut claimed = a;
        claimed.signer_key = public_key_b64(&SigningKey::from_bytes(&[5; 32]));
        let wrong_signer = seal_unchecked(&claimed, &site);
        assert_eq!(
            Attestation::verify(&wrong_signer, &me, now, trusted),
            Err(AttestationProblem::Tampered)
        );
    }

    /// Seals without the debug check that the key matches the payload, as a forger would.
    fn seal_unchecked(a: &Attestation, key: &SigningKey) -> String {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
        use base64::Engine as _;
        use ed25519_dalek::Signer as _;
        let payload = B64URL.encode(serde_json::to_vec(a).unwrap());
        let sig = key.sign(&[&b"homeward attestation v1\n"[..], payload.as_bytes()].concat());
        format!(
            "{}{payload}.{}",
            prefix::ATTESTATION,
            B64URL.encode(sig.to_bytes())
        )
    }

    #[test]
    fn a_delegation_cannot_pass_for_an_attestation() {
        let device = SigningKey::from_bytes(&[6; 32]);
        let d = Delegation {
            id: Uuid::nil(),
            principal_key: public_key_b64(&device),
            principal_name: "王小明".into(),
            principal_document: "E12345678".into(),
            agent_name: "王大明".into(),
            agent_id_number: "330302196501011234".into(),
            guides: vec![GuideId("hukou-cancel-settled-abroad".into())],
            valid_from: 0,
            valid_until: DAY,
            issued_at: 0,
            principal: None,
            proof: None,
        };
        let token = d.seal(&device);
        assert_eq!(Delegation::open(&token), Some(d));
        let swapped = token.replacen(prefix::DELEGATION, prefix::ATTESTATION, 1);
        assert_eq!(Attestation::open(&swapped), None);
    }

    #[test]
    fn a_letter_rests_only_on_a_proof_of_its_own_device_and_person_at_the_level_needed() {
        let site = SigningKey::from_bytes(&[2; 32]);
        let device = SigningKey::from_bytes(&[3; 32]);
        let proof = attestation(&site, &device).seal(&site);
        let letter = Delegation {
            id: Uuid::nil(),
            principal_key: public_key_b64(&device),
            principal_name: profile().name_han,
            principal_document: profile().passport,
            agent_name: "王大明".into(),
            agent_id_number: "330302196501011234".into(),
            guides: vec![],
            valid_from: 15 * DAY,
            valid_until: 16 * DAY,
            issued_at: 15 * DAY,
            principal: Some(profile()),
            proof: Some(proof.clone()),
        };
        let trusted = |_: &Attestation| SignerStanding::Trusted;
        let attended = IdentityLevel::OnsiteAttended;
        assert!(letter.proven(attended, trusted).is_some());
        assert!(letter
            .proven(attended, |_| SignerStanding::Revoked)
            .is_none());

        let mut other_name = letter.clone();
        other_name.principal_name = "李四".into();
        let mut other_document = letter.clone();
        other_document.principal_document = "E00000000".into();
        let mut other_details = letter.clone();
        other_details.principal.as_mut().unwrap().birth_date = "1991-01-01".into();
        let mut other_device = letter.clone();
        other_device.principal_key = public_key_b64(&SigningKey::from_bytes(&[4; 32]));
        let mut unproven = letter.clone();
        unproven.proof = None;
        let mut after_expiry = letter.clone();
        after_expiry.issued_at = 20 * DAY;
        for (why, l) in [
            ("another name", other_name),
            ("another document", other_document),
            ("other details", other_details),
            ("another device", other_device),
            ("no proof", unproven),
            ("signed after the proof expired", after_expiry),
        ] {
            assert!(l.proven(attended, trusted).is_none(), "{why}");
        }
        assert_eq!(
            letter.for_counter().proof,
            None,
            "the counter is not told the proof"
        );
    }

    #[test]
    fn attended_levels_are_equivalent_and_above_documents() {
        use IdentityLevel::*;
        assert!(OnsiteAttended.satisfies(RemoteAttended));
        assert!(RemoteAttended.satisfies(OnsiteAttended));
        assert!(DocumentsReviewed.satisfies(SelfAsserted));
        assert!(!DocumentsReviewed.satisfies(OnsiteAttended));
        assert!(!SelfAsserted.satisfies(DocumentsReviewed));
    }
}

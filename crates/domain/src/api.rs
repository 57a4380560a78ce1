//! What crosses a boundary: between core and UI, and between app and backend.

use serde::{Deserialize, Serialize};

/// A small, stable set of error codes. The UI localises by code (`error-<code>` in Fluent) and
/// never matches on message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// The request or input was malformed; the message names the field.
    InvalidInput,
    NotFound,
    /// The local store could not be opened or written.
    Storage,
    /// The OS keyring is unavailable or refused access.
    Keyring,
    /// The local data exists but its keys are gone from the OS keyring: it cannot be read.
    KeysMissing,
    /// This platform has no key store that keeps keys (only an in-memory one): nothing can be
    /// kept safely, so the app does not start.
    NoKeyStore,
    /// No home city is chosen yet, so there is no backend to talk to.
    NoHomeCity,
    /// The backend could not be reached; trying again later can help.
    Offline,
    /// The backend answered with an error.
    Backend,
    /// The device lacks something the task needs (a font for Chinese, to write a PDF).
    NoFont,
    /// Sending needs a consent the person has not given (or withdrew).
    ConsentRequired,
    /// A submission came without the device's signature.
    Unsigned,
    /// The signature or the body's digest does not match: the request was altered.
    BadSignature,
    /// The signature is too old to accept: a recorded request sent again.
    Replayed,
    /// The signing key is not a registered device.
    UnknownDevice,
    /// The signing key was revoked (a lost or stolen phone): nothing it signs is taken again.
    DeviceRevoked,
    /// The idempotency key was used before with a different body.
    IdempotencyConflict,
    /// A submission names a document whose upload is not complete.
    MaterialNotUploaded,
    /// Staff only: no valid session, or a wrong name or password.
    NotSignedIn,
    /// Too many failed sign-ins (a staff member's password, a volunteer's PIN) for this name;
    /// wait, then try again.
    TooManyAttempts,
    /// A liaison site's desk is locked: a volunteer must open it with their PIN.
    DeskLocked,
    /// Signed in, but this account may not do this (or the application cannot move that way).
    NotAllowed,
    /// Someone else changed the application since it was read: read it again, then decide.
    Conflict,
    /// An attestation is malformed, or was altered after it was signed.
    AttestationTampered,
    /// An attestation's signer is not a registered liaison site or officer.
    UnknownSigner,
    /// An attestation's signer was registered once, and revoked since.
    RevokedSigner,
    /// An attestation names another device than the one that signed the request.
    AttestationOtherDevice,
    /// An attestation has expired (or claims a date in the future).
    AttestationExpired,
    /// An attestation proves another person than the one the application is for (the digest
    /// of the applicant's details does not match).
    AttestationOtherPerson,
    /// A revision names another service than the application it revises.
    RevisionOtherService,
    /// The service needs a higher level of identity proof than the person has.
    IdentityLevelTooLow,
    /// The request is larger than the backend takes for it.
    TooLarge,
    /// The request took longer than the backend waits (sent too slowly, or it was busy).
    TimedOut,
    /// The device has used what the backend allows it (documents, or applications per hour).
    QuotaExceeded,
    /// The backend is short of disk space and takes no new documents for now.
    InsufficientStorage,
    Internal,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 36] = [
        ErrorCode::InvalidInput,
        ErrorCode::NotFound,
        ErrorCode::Storage,
        ErrorCode::Keyring,
        ErrorCode::KeysMissing,
        ErrorCode::NoKeyStore,
        ErrorCode::NoHomeCity,
        ErrorCode::Offline,
        ErrorCode::Backend,
        ErrorCode::NoFont,
        ErrorCode::ConsentRequired,
        ErrorCode::Unsigned,
        ErrorCode::BadSignature,
        ErrorCode::Replayed,
        ErrorCode::UnknownDevice,
        ErrorCode::DeviceRevoked,
        ErrorCode::IdempotencyConflict,
        ErrorCode::MaterialNotUploaded,
        ErrorCode::NotSignedIn,
        ErrorCode::TooManyAttempts,
        ErrorCode::DeskLocked,
        ErrorCode::NotAllowed,
        ErrorCode::Conflict,
        ErrorCode::AttestationTampered,
        ErrorCode::UnknownSigner,
        ErrorCode::RevokedSigner,
        ErrorCode::AttestationOtherDevice,
        ErrorCode::AttestationExpired,
        ErrorCode::AttestationOtherPerson,
        ErrorCode::RevisionOtherService,
        ErrorCode::IdentityLevelTooLow,
        ErrorCode::TooLarge,
        ErrorCode::TimedOut,
        ErrorCode::QuotaExceeded,
        ErrorCode::InsufficientStorage,
        ErrorCode::Internal,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid-input",
            ErrorCode::NotFound => "not-found",
            ErrorCode::Storage => "storage",
            ErrorCode::Keyring => "keyring",
            ErrorCode::KeysMissing => "keys-missing",
            ErrorCode::NoKeyStore => "no-key-store",
            ErrorCode::NoHomeCity => "no-home-city",
            ErrorCode::Offline => "offline",
            ErrorCode::Backend => "backend",
            ErrorCode::NoFont => "no-font",
            ErrorCode::ConsentRequired => "consent-required",
            ErrorCode::Unsigned => "unsigned",
            ErrorCode::BadSignature => "bad-signature",
            ErrorCode::Replayed => "replayed",
            ErrorCode::UnknownDevice => "unknown-device",
            ErrorCode::DeviceRevoked => "device-revoked",
            ErrorCode::IdempotencyConflict => "idempotency-conflict",
            ErrorCode::MaterialNotUploaded => "material-not-uploaded",
            ErrorCode::NotSignedIn => "not-signed-in",
            ErrorCode::TooManyAttempts => "too-many-attempts",
            ErrorCode::DeskLocked => "desk-locked",
            ErrorCode::NotAllowed => "not-allowed",
            ErrorCode::Conflict => "conflict",
            ErrorCode::AttestationTampered => "attestation-tampered",
            ErrorCode::UnknownSigner => "unknown-signer",
            ErrorCode::RevokedSigner => "revoked-signer",
            ErrorCode::AttestationOtherDevice => "attestation-other-device",
            ErrorCode::AttestationExpired => "attestation-expired",
            ErrorCode::AttestationOtherPerson => "attestation-other-person",
            ErrorCode::RevisionOtherService => "revision-other-service",
            ErrorCode::IdentityLevelTooLow => "identity-level-too-low",
            ErrorCode::TooLarge => "too-large",
            ErrorCode::TimedOut => "timed-out",
            ErrorCode::QuotaExceeded => "quota-exceeded",
            ErrorCode::InsufficientStorage => "insufficient-storage",
            ErrorCode::Internal => "internal",
        }
    }

    /// Whether trying the same thing again later may succeed.
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            ErrorCode::Offline
                | ErrorCode::NoHomeCity
                | ErrorCode::Backend
                | ErrorCode::TimedOut
                | ErrorCode::QuotaExceeded
                | ErrorCode::InsufficientStorage
        )
    }
}

/// The fields whose bad input has a message of its own (`field-error-<field>` in Fluent): an
/// `invalid-input` error whose message starts with `<field>:` is shown with that message.
pub const FIELDS_WITH_MESSAGES: &[&str] = &[
    "profile",
    "agent-name",
    "agent-id-number",
    "guides",
    "valid-until",
    "site-id",
    "site-name",
    "contact",
    "proof-request",
    "attestation",
    "documents",
    "code-image",
    "receipt",
    "receipt-code",
    "receipt-secret",
    "backend-url",
    "home-city",
    "volunteer-name",
    "volunteer",
    "new-pin",
    "new-pin-again",
    "my-pin",
    "pin",
    "walk-in-active",
    "site-mode",
    "residence-country",
    "file",
    "message-text",
    "message-attachments",
    "message-application",
];

/// The error shape of every API: the shell's commands and the backend's HTTP responses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{code:?}: {message}")]
pub struct ApiError {
    pub code: ErrorCode,
    /// English detail for developers and logs; never personal data. People see the localised
    /// text for `code`.
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
        }
    }
}

/// `GET /healthz`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    pub version: String,
}

/// What the app knows of its backend, for the banner at the top of every screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename_all = "kebab-case",
    tag = "state",
    try_from = "crate::tagged::StatusWire"
)]
pub enum BackendStatus {
    /// Not tried yet.
    Unknown,
    /// Reachable; `catalog_version` is the catalogue in use. `update_refused` says the backend
    /// offers a catalogue that did not verify (the last good one stays in use).
    Online {
        catalog_version: u64,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        update_refused: bool,
    },
    /// Unreachable at the last try; the app works from what it has.
    Offline,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_serialises_as_code_and_message() {
        let json = serde_json::to_string(&ApiError::new(ErrorCode::NotFound, "no such guide"))
            .expect("serialise");
        assert_eq!(json, r#"{"code":"not-found","message":"no such guide"}"#);
    }

    #[test]
    fn slugs_match_the_serialised_codes() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).expect("serialise");
            assert_eq!(json.trim_matches('"'), code.slug());
        }
    }
}

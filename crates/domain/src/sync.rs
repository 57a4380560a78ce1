//! Sending applications to the city and hearing back: what crosses the wire, shared by the app's
//! outbox and the backend's intake.
//!
//! A submission is a JSON body frozen once, when the person presses Send. Every attempt to
//! deliver it is signed afresh by the device key over a canonical message naming the request, the
//! idempotency key, the time and the body's digest; the body itself never changes, so a retry
//! is recognised and answered with the first receipt.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::catalog::GuideId;
use crate::draft::DraftId;

/// `POST /v1/devices`: makes a device key known to the backend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceRegistration {
    /// Base64 Ed25519 public key.
    pub public_key: String,
}

/// The answer to a registration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceRecord {
    pub public_key: String,
    pub registered_at: i64,
}

/// One document of a submission, described; its bytes travel separately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialRef {
    /// The form question it answers.
    pub field: String,
    /// The guide's material type.
    pub kind: String,
    pub file_name: String,
    pub mime: String,
    pub size: u64,
    /// Hex SHA-256 of the bytes.
    pub sha256: String,
}

/// `POST /v1/submissions`: an application as the person sent it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    /// Stable across retries; also the idempotency key.
    pub submission_id: Uuid,
    /// The draft it was made from, so a revision can name the same application.
    pub draft_id: DraftId,
    pub guide_id: GuideId,
    /// The catalogue version whose form was filled in.
    pub pack_version: u64,
    /// 0 for the first submission, then one more for each revision the city asked for.
    pub revision: u32,
    pub answers: BTreeMap<String, String>,
    #[serde(default)]
    pub materials: Vec<MaterialRef>,
    /// When the person pressed Send (milliseconds since the epoch).
    pub sent_at: i64,
    /// Sealed attestations of the person's identity, bound to the signing device
    /// ([`crate::identity::Attestation`]); the backend takes the best level they prove.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attestations: Vec<String>,
    /// Whom the application is for, sent with the attestations (and only then): the backend
    /// takes an attestation only if it proves this very person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applicant: Option<crate::privacy::Profile>,
    /// Sent from a walk-in's session on a liaison site's laptop: the site's sealed statement
    /// naming the site and the volunteer ([`crate::identity::Assistance`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assisted: Option<String>,
}

/// What the backend promises on taking a submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub submission_id: Uuid,
    /// The application's reference at the city, as a person quotes it on the phone.
    pub reference: String,
    /// Milliseconds since the epoch.
    pub received_at: i64,
    /// Hex SHA-256 of the submission body as received.
    pub body_sha256: String,
    /// Base64 public key of the device that signed it.
    pub device_key: String,
}

/// A receipt signed by the backend, as the app keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedReceipt {
    /// The first 16 hex digits of the SHA-256 of the backend's receipt public key.
    pub key_id: String,
    /// The receipt's JSON, exactly as signed.
    pub receipt: String,
    /// Base64 Ed25519 signature over `receipt`'s bytes.
    pub signature: String,
}

/// `GET /v1/keys`: the backend's public keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackendKeys {
    /// Base64 Ed25519 public key that signs receipts.
    pub receipt_key: String,
    pub receipt_key_id: String,
    /// Base64 Ed25519 public key that signs officers' attestations: a key of its own, so a
    /// receipt key that leaked could not mint identity proofs, nor the other way round.
    #[serde(default)]
    pub officer_key: String,
    /// Every rotation of the receipt key, oldest first: each new key endorsed by the one before,
    /// so an app that pinned any earlier key can follow to the current one.
    #[serde(default)]
    pub rotations: Vec<KeyRotation>,
}

/// "The receipt key `from` hands over to `to`", signed by `from`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRotation {
    /// Base64 public keys.
    pub from: String,
    pub to: String,
    /// Base64 Ed25519 signature by `from` over a context string and `to`'s bytes.
    pub signature: String,
}

/// Where an item of the outbox stands, as the outbox screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename_all = "kebab-case",
    tag = "state",
    try_from = "crate::tagged::OutboxWire"
)]
pub enum OutboxState {
    /// Frozen and waiting for a connection; `attempts` failed so far.
    Waiting {
        attempts: u32,
        /// When the next attempt is due (milliseconds since the epoch).
        next_attempt_at: i64,
        /// The last failure, as an error code slug, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        last_error: Option<String>,
    },
    /// Being sent now.
    Sending,
    /// Refused by the backend for a reason retrying will not fix; kept, with the reason, until
    /// the person retries or withdraws it.
    SetAside { error: String, message: String },
    /// Taken by the city; the receipt is kept.
    Delivered { reference: String, received_at: i64 },
}

/// One submission in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxItem {
    pub submission_id: Uuid,
    pub draft_id: DraftId,
    pub guide_id: GuideId,
    pub revision: u32,
    pub created_at: i64,
    pub state: OutboxState,
    /// Bytes acknowledged by the backend, of `bytes_total`.
    pub bytes_sent: u64,
    pub bytes_total: u64,
    /// A message to the office rather than a submission: what it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<crate::conversation::PersonMessage>,
}

/// Where an application stands at the city.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApplicationStatus {
    Received,
    InReview,
    /// The department needs more material; the message says what. The person adds it and sends
    /// a revision of the same application.
    MoreMaterialNeeded,
    Approved,
    Rejected,
    Completed,
}

impl ApplicationStatus {
    pub const ALL: [ApplicationStatus; 6] = [
        ApplicationStatus::Received,
        ApplicationStatus::InReview,
        ApplicationStatus::MoreMaterialNeeded,
        ApplicationStatus::Approved,
        ApplicationStatus::Rejected,
        ApplicationStatus::Completed,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ApplicationStatus::Received => "received",
            ApplicationStatus::InReview => "in-review",
            ApplicationStatus::MoreMaterialNeeded => "more-material-needed",
            ApplicationStatus::Approved => "approved",
            ApplicationStatus::Rejected => "rejected",
            ApplicationStatus::Completed => "completed",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// Whether staff may move an application from `self` to `next`. A revision coming in moves
    /// it back to received; that is intake's doing, not a decision.
    pub fn can_become(self, next: ApplicationStatus) -> bool {
        use ApplicationStatus::*;
        matches!(
            (self, next),
            (
                Received,
                InReview | MoreMaterialNeeded | Approved | Rejected
            ) | (InReview, MoreMaterialNeeded | Approved | Rejected)
                | (Approved, Completed)
        )
    }

    /// Whether the person can still expect a decision.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Rejected | ApplicationStatus::Completed
        )
    }
}

/// Why the office asks for more material: a fixed list, so the request reads in the person's
/// own language rather than in the officer's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequestReason {
    /// It was not sent.
    Missing,
    /// It cannot be read: blurred, cut off, too dark.
    Unreadable,
    /// It is out of date.
    Expired,
    /// It is not the document asked for, or not the applicant's.
    WrongDocument,
    /// It needs a translation into Chinese.
    NeedsTranslation,
    /// It needs notarising or legalising.
    NeedsCertification,
    /// Pages or sides are missing.
    Incomplete,
}

impl RequestReason {
    pub const ALL: [RequestReason; 7] = [
        RequestReason::Missing,
        RequestReason::Unreadable,
        RequestReason::Expired,
        RequestReason::WrongDocument,
        RequestReason::NeedsTranslation,
        RequestReason::NeedsCertification,
        RequestReason::Incomplete,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            RequestReason::Missing => "missing",
            RequestReason::Unreadable => "unreadable",
            RequestReason::Expired => "expired",
            RequestReason::WrongDocument => "wrong-document",
            RequestReason::NeedsTranslation => "needs-translation",
            RequestReason::NeedsCertification => "needs-certification",
            RequestReason::Incomplete => "incomplete",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.slug() == slug)
    }
}

/// The most materials one request names.
pub const MAX_REQUESTED: usize = 20;

/// A request for more material: which of the guide's document questions to answer again, and
/// why. The app names each in the person's language from the guide; the officer's own words,
/// if any, go in the status's message beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaterialRequest {
    /// The form's document questions (their field ids), at most [`MAX_REQUESTED`].
    pub fields: Vec<String>,
    pub reason: RequestReason,
}

/// What happened to an application, as the feed tells its device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename_all = "kebab-case",
    tag = "kind",
    try_from = "crate::tagged::EventKindWire"
)]
pub enum EventKind {
    /// A new status, with the department's message: the officer's own words, shown as such.
    Status {
        status: ApplicationStatus,
        /// Empty when the feed does not say.
        message: String,
        /// With "more material needed": which materials, and why.
        #[serde(skip_serializing_if = "Option::is_none")]
        request: Option<MaterialRequest>,
    },
    /// Sent to another department.
    Routed { department: String },
    /// A message in the conversation on the application, with the documents it carries. A
    /// device's feed holds the office's; the person's own are in their outbox.
    Message {
        from: crate::conversation::Speaker,
        text: String,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        documents: Vec<crate::conversation::Document>,
    },
    /// A member of staff opened the application: the person is told their role and
    /// department, never their name.
    Access {
        role: StaffRole,
        #[serde(skip_serializing_if = "Option::is_none")]
        department: Option<String>,
    },
}

/// What a member of staff does at the city, as an applicant is told it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StaffRole {
    /// Reads and decides applications.
    #[default]
    Reviewer,
    /// Verifies people's identity by video.
    Officer,
    /// Manages accounts and the keys the city trusts.
    Administrator,
}

impl StaffRole {
    pub const ALL: [StaffRole; 3] = [
        StaffRole::Reviewer,
        StaffRole::Officer,
        StaffRole::Administrator,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            StaffRole::Reviewer => "reviewer",
            StaffRole::Officer => "officer",
            StaffRole::Administrator => "administrator",
        }
    }

    pub fn from_slug(slug: &str) -> Option<StaffRole> {
        StaffRole::ALL.into_iter().find(|r| r.slug() == slug)
    }
}

/// What a member of staff did that the access log records: every reading of a person's data
/// and every change to who may do what at the city.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AccessAction {
    /// Opened an application: its answers and identity proofs.
    OpenedApplication,
    /// Downloaded one of an application's documents.
    DownloadedDocument,
    /// Opened a request for identity verification by video, with the person's full details.
    ViewedProofingRequest,
    /// Read the conversation on an application.
    ReadConversation,
    /// Checked an entrustment letter the person signed.
    CheckedLetter,
    /// Withdrew a device's key (a lost phone).
    RevokedDevice,
    /// Added a staff account.
    AddedAccount,
    /// Disabled a staff account.
    DisabledAccount,
    /// Registered a liaison site's key.
    AddedSite,
    /// Revoked a site's or an officer's key.
    RevokedSigner,
}

impl AccessAction {
    pub const ALL: [AccessAction; 10] = [
        AccessAction::OpenedApplication,
        AccessAction::DownloadedDocument,
        AccessAction::ReadConversation,
        AccessAction::ViewedProofingRequest,
        AccessAction::CheckedLetter,
        AccessAction::RevokedDevice,
        AccessAction::AddedAccount,
        AccessAction::DisabledAccount,
        AccessAction::AddedSite,
        AccessAction::RevokedSigner,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            AccessAction::OpenedApplication => "opened-application",
            AccessAction::DownloadedDocument => "downloaded-document",
            AccessAction::ReadConversation => "read-conversation",
            AccessAction::ViewedProofingRequest => "viewed-proofing-request",
            AccessAction::CheckedLetter => "checked-letter",
            AccessAction::RevokedDevice => "revoked-device",
            AccessAction::AddedAccount => "added-account",
            AccessAction::DisabledAccount => "disabled-account",
            AccessAction::AddedSite => "added-site",
            AccessAction::RevokedSigner => "revoked-signer",
        }
    }

    pub fn from_slug(slug: &str) -> Option<AccessAction> {
        AccessAction::ALL.into_iter().find(|a| a.slug() == slug)
    }
}

/// One entry of the access log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessRecord {
    /// Increases with every entry; a page of older ones is asked for `before` the last seen.
    pub seq: i64,
    /// Milliseconds since the epoch.
    pub at: i64,
    pub action: AccessAction,
    /// The role and department of who did it: what a person is told.
    pub role: StaffRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// The application it concerned, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The account that did it, and what it acted on (an account, a key): told to
    /// administrators, never to a device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
}

/// `GET /v1/access-log?before=SEQ` (a device: what staff did with its data) and `GET
/// /v1/staff/access-log?before=SEQ` (an administrator: everything), newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessLog {
    pub records: Vec<AccessRecord>,
    /// Whether older entries wait beyond this page.
    pub more: bool,
}

/// One entry of the feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "crate::tagged::FeedEventWire")]
pub struct FeedEvent {
    /// Increases with every event; the app asks for what comes after the last one it has.
    pub cursor: i64,
    pub draft_id: DraftId,
    pub reference: String,
    #[serde(flatten)]
    pub event: EventKind,
    /// Milliseconds since the epoch.
    pub at: i64,
    /// The account that did it: told to staff, never in a device's feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// `GET /v1/feed?after=CURSOR`: the device's events after `after`, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feed {
    pub events: Vec<FeedEvent>,
    /// Where to continue from: the last event's cursor, or `after` when there is nothing new.
    pub cursor: i64,
    /// Whether more events wait beyond this page.
    pub more: bool,
    /// Attestations officers issued for this device (by video, or after reviewing documents),
    /// each sealed; the app keeps the ones it does not have yet.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attestations: Vec<String>,
    /// Requests for video verification an officer closed without verifying the person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub declined_proofing: Vec<uuid::Uuid>,
}

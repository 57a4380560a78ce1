//! The backend's database: one interface, [`Storage`], with two implementations that pass the
//! same test suite: SQLite (embedded, the default) and PostgreSQL (production).
//!
//! An *application* is one person's request for one service (a device and a draft); each time
//! the person sends it, a *submission* is stored under it (revision 0, then one per revision the
//! department asked for). *Events* tell the person what happened: status changes, routing, and
//! every time staff opened it.
//!
//! Every write that decides something (a submission taken once, a device registered once) is
//! decided by the database's own constraints inside one transaction, so two requests racing
//! each other cannot both win.

mod postgres;
mod sqlite;

use std::future::Future;

use homeward_domain::sync::{ApplicationStatus, EventKind};
use uuid::Uuid;

use crate::settings::DatabaseUrl;

pub use postgres::PgStorage;
pub use sqlite::SqliteStorage;

/// A registered device key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRow {
    pub public_key: String,
    pub registered_at: i64,
    pub revoked_at: Option<i64>,
}

/// A key trusted to sign attestations: a liaison site's, or the backend's on behalf of an officer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerRow {
    /// `site` or `officer`.
    pub kind: String,
    /// The site's id (`prato`) or the officer's account name.
    pub id: String,
    pub name: String,
    /// Base64 Ed25519 public key.
    pub public_key: String,
    pub registered_at: i64,
    pub revoked_at: Option<i64>,
}

/// A person's request to be verified by video, and the attestation an officer issued for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProofingRow {
    pub id: Uuid,
    pub device_key: String,
    /// The profile to compare, as JSON.
    pub profile: String,
    pub contact: String,
    pub requested_at: i64,
    pub closed_at: Option<i64>,
    pub closed_by: Option<String>,
    /// The sealed attestation, once issued.
    pub token: Option<String>,
}

/// A submission to store, with what proves where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSubmission {
    pub submission_id: Uuid,
    pub idempotency_key: String,
    pub device_key: String,
    /// Hex SHA-256 of `body`.
    pub body_sha256: String,
    /// The submission JSON exactly as received and signed.
    pub body: Vec<u8>,
    /// The device's signature and the time it signed, kept so staff can verify it again.
    pub signature: String,
    pub signed_at: i64,
    pub guide_id: String,
    pub draft_id: Uuid,
    pub revision: u32,
    pub received_at: i64,
}

/// A stored submission, as intake answers about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionRow {
    pub application_seq: i64,
    /// When the application was first received: the reference's year comes from it.
    pub application_created_at: i64,
    pub submission_id: Uuid,
    pub idempotency_key: String,
    pub device_key: String,
    pub body_sha256: String,
    pub revision: u32,
    pub received_at: i64,
}

impl SubmissionRow {
    pub fn reference(&self) -> String {
        reference(self.application_seq, self.application_created_at)
    }
}

/// An application's reference, as a person quotes it on the phone: `HW-2026-0000042`.
pub fn reference(seq: i64, created_at: i64) -> String {
    let year =
        time::OffsetDateTime::from_unix_timestamp(created_at / 1000).map_or(1970, |t| t.year());
    format!("HW-{year}-{seq:07}")
}

/// The number in a reference, if it is one.
pub fn parse_reference(reference: &str) -> Option<i64> {
    let mut parts = reference.trim().split('-');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(p), Some(y), Some(n), None)
            if p.eq_ignore_ascii_case("HW") && y.len() == 4 && y.parse::<u16>().is_ok() =>
        {
            n.parse().ok()
        }
        _ => None,
    }
}

/// What became of a submission offered for storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intake {
    /// Stored now, for the first time.
    New(SubmissionRow),
    /// Stored before with the same body from the same device: the first answer stands.
    Repeat(SubmissionRow),
    /// The idempotency key or the submission id was used before for something else, or the
    /// revision does not fit the application (a second first submission, a revision nobody
    /// asked for).
    Conflict,
}

/// An application as staff list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationRow {
    pub seq: i64,
    pub device_key: String,
    pub draft_id: Uuid,
    pub guide_id: String,
    pub status: ApplicationStatus,
    pub department: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl ApplicationRow {
    pub fn reference(&self) -> String {
        reference(self.seq, self.created_at)
    }
}

/// One submission of an application, whole, for staff to read and verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionDetail {
    pub revision: u32,
    pub submission_id: Uuid,
    pub idempotency_key: String,
    pub body: Vec<u8>,
    pub body_sha256: String,
    pub signature: String,
    pub signed_at: i64,
    pub received_at: i64,
}

/// One event of an application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub cursor: i64,
    pub application_seq: i64,
    pub draft_id: Uuid,
    pub application_created_at: i64,
    pub event: EventKind,
    pub actor: String,
    pub at: i64,
}

/// Which applications to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplicationFilter {
    pub status: Option<ApplicationStatus>,
    pub guide: Option<String>,
    pub limit: u32,
}

/// A member of staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRow {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    pub admin: bool,
    pub department: Option<String>,
}

/// What a session cookie stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub staff: StaffRow,
    pub csrf: String,
    pub expires_at: i64,
}

/// A resumable upload of one document (tus).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadRow {
    pub id: String,
    pub device_key: String,
    /// Hex SHA-256 the whole file must have.
    pub sha256: String,
    pub length: u64,
    /// Bytes received and kept so far.
    pub offset: u64,
    pub created_at: i64,
}

impl UploadRow {
    pub fn is_complete(&self) -> bool {
        self.offset == self.length
    }
}

/// What the backend keeps. Implementations map their own errors into `anyhow`; callers treat
/// every error as the database being unavailable.
pub trait Storage: Send + Sync {
    /// Whether the database answers.
    fn ping(&self) -> impl Future<Output = anyhow::Result<()>> + Send;

    /// The value stored under `key`, storing `value` first if there is none; of two racing
    /// callers, both get the value that won.
    fn meta_or_insert(
        &self,
        key: &str,
        value: String,
    ) -> impl Future<Output = anyhow::Result<String>> + Send;

    /// Registers `public_key`; registering again changes nothing and returns the first record.
    fn register_device(
        &self,
        public_key: &str,
        at: i64,
    ) -> impl Future<Output = anyhow::Result<DeviceRow>> + Send;

    fn device(
        &self,
        public_key: &str,
    ) -> impl Future<Output = anyhow::Result<Option<DeviceRow>>> + Send;

    /// Stores a submission once: see [`Intake`]. A new one sets its application to received
    /// and records the event.
    fn intake(&self, s: NewSubmission) -> impl Future<Output = anyhow::Result<Intake>> + Send;

    /// How many submissions are stored.
    fn count_submissions(&self) -> impl Future<Output = anyhow::Result<i64>> + Send;

    fn applications(
        &self,
        filter: ApplicationFilter,
    ) -> impl Future<Output = anyhow::Result<Vec<ApplicationRow>>> + Send;

    fn application(
        &self,
        seq: i64,
    ) -> impl Future<Output = anyhow::Result<Option<ApplicationRow>>> + Send;

    /// Every submission of an application, first one first.
    fn submissions(
        &self,
        seq: i64,
    ) -> impl Future<Output = anyhow::Result<Vec<SubmissionDetail>>> + Send;

    /// Records `event` for application `seq`, by `actor`; a status event also sets the
    /// application's status, a routing event its department. Returns the event.
    fn record(
        &self,
        seq: i64,
        event: EventKind,
        actor: &str,
        at: i64,
    ) -> impl Future<Output = anyhow::Result<EventRow>> + Send;

    /// The events of one application, oldest first.
    fn events(&self, seq: i64) -> impl Future<Output = anyhow::Result<Vec<EventRow>>> + Send;

    /// The events of every application of `device_key` after `cursor`, oldest first.
    fn feed(
        &self,
        device_key: &str,
        after: i64,
        limit: u32,
    ) -> impl Future<Output = anyhow::Result<Vec<EventRow>>> + Send;

    /// Adds a member of staff; false if the name is taken.
    fn add_staff(
        &self,
        username: &str,
        password_hash: &str,
        admin: bool,
        department: Option<&str>,
    ) -> impl Future<Output = anyhow::Result<bool>> + Send;

    fn staff(
        &self,
        username: &str,
    ) -> impl Future<Output = anyhow::Result<Option<StaffRow>>> + Send;

    /// Opens a session: `token_hash` is the SHA-256 of the cookie's secret.
    fn open_session(
        &self,
        token_hash: &str,
        staff: i64,
        csrf: &str,
        expires_at: i64,
    ) -> impl Future<Output = anyhow::Result<()>> + Send;

    /// The unexpired session for `token_hash` at `now`.
    fn session(
        &self,
        token_hash: &str,
        now: i64,
    ) -> impl Future<Output = anyhow::Result<Option<SessionRow>>> + Send;

    fn close_session(&self, token_hash: &str) -> impl Future<Output = anyhow::Result<()>> + Send;

    /// Starts an upload of the file `sha256` from `device_key`, or returns the one already
    /// started for it (so a device that lost the upload's address resumes all the same).
    fn create_upload(
        &self,
        candidate: UploadRow,
    ) -> impl Future<Output = anyhow::Result<UploadRow>> + Send;

    fn upload(&self, id: &str) -> impl Future<Output = anyhow::Result<Option<UploadRow>>> + Send;

    /// The upload of file `sha256` by `device_key`, if one was started.
    fn upload_of(
        &self,
        device_key: &str,
        sha256: &str,
    ) -> impl Future<Output = anyhow::Result<Option<UploadRow>>> + Send;

    /// Moves an upload's offset from `from` to `to`; false if it was not at `from` (another
    /// request moved it first).
    fn advance_upload(
        &self,
        id: &str,
        from: u64,
        to: u64,
    ) -> impl Future<Output = anyhow::Result<bool>> + Send;

    /// Revokes a device key from `at` on; false if no such device is registered. A second
    /// revocation keeps the first time.
    fn revoke_device(
        &self,
        public_key: &str,
        at: i64,
    ) -> impl Future<Output = anyhow::Result<bool>> + Send;

    /// Registers a signer; false if one of that kind and id exists already.
    fn add_signer(&self, row: SignerRow) -> impl Future<Output = anyhow::Result<bool>> + Send;

    fn signer(
        &self,
        kind: &str,
        id: &str,
    ) -> impl Future<Output = anyhow::Result<Option<SignerRow>>> + Send;

    /// Every signer, by kind then id.
    fn signers(&self) -> impl Future<Output = anyhow::Result<Vec<SignerRow>>> + Send;

    /// Revokes a signer from `at` on; false if there is no such signer. A second revocation
    /// keeps the first time.
    fn revoke_signer(
        &self,
        kind: &str,
        id: &str,
        at: i64,
    ) -> impl Future<Output = anyhow::Result<bool>> + Send;

    /// Records that `device_key` revoked its delegation `id`; returns when (the first
    /// revocation's time, if it was revoked before). Keyed by both, so a revocation sent by
    /// another device neither counts nor stands in the way.
    fn revoke_delegation(
        &self,
        id: Uuid,
        device_key: &str,
        at: i64,
    ) -> impl Future<Output = anyhow::Result<i64>> + Send;

    /// Records a request for video verification; a device with one still open gets that one
    /// back instead.
    fn add_proofing_request(
        &self,
        row: ProofingRow,
    ) -> impl Future<Output = anyhow::Result<ProofingRow>> + Send;

    /// Requests for video verification, oldest first; only those still open if `open_only`.
    fn proofing_requests(
        &self,
        open_only: bool,
    ) -> impl Future<Output = anyhow::Result<Vec<ProofingRow>>> + Send;

    fn proofing_request(
        &self,
        id: Uuid,
    ) -> impl Future<Output = anyhow::Result<Option<ProofingRow>>> + Send;

    /// Closes an open request, with the attestation issued or (`None`) without one; either way
    /// it forgets the profile and contact it held. False if it was not open.
    fn close_proofing(
        &self,
        id: Uuid,
        token: Option<&str>,
        by: &str,
        at: i64,
    ) -> impl Future<Output = anyhow::Result<bool>> + Send;

    /// The requests of `device_key` closed without an attestation.
    fn declined_proofing(
        &self,
        device_key: &str,
    ) -> impl Future<Output = anyhow::Result<Vec<Uuid>>> + Send;

    /// The attestations officers issued for `device_key`, oldest first.
    fn issued_attestations(
        &self,
        device_key: &str,
    ) -> impl Future<Output = anyhow::Result<Vec<String>>> + Send;

    /// When `device_key` revoked its delegation `id`, if it did.
    fn delegation_revoked(
        &self,
        id: Uuid,
        device_key: &str,
    ) -> impl Future<Output = anyhow::Result<Option<i64>>> + Send;
}

/// The database the settings name.
#[derive(Debug, Clone)]
pub enum Database {
    Sqlite(SqliteStorage),
    Postgres(PgStorage),
}

impl Database {
    pub async fn open(url: &DatabaseUrl) -> anyhow::Result<Self> {
        Ok(match url {
            DatabaseUrl::Sqlite(path) => Database::Sqlite(SqliteStorage::open(path).await?),
            DatabaseUrl::Postgres(url) => Database::Postgres(PgStorage::connect(url).await?),
        })
    }
}

/// Forwards each method to the implementation the settings chose.
macro_rules! dispatch {
    ($self:ident, $s:ident => $call:expr) => {
        match $self {
            Database::Sqlite($s) => $call.await,
            Database::Postgres($s) => $call.await,
        }
    };
}

impl Storage for Database {
    async fn ping(&self) -> anyhow::Result<()> {
        dispatch!(self, s => s.ping())
    }
    async fn meta_or_insert(&self, key: &str, value: String) -> anyhow::Result<String> {
        dispatch!(self, s => s.meta_or_insert(key, value))
    }
    async fn register_device(&self, public_key: &str, at: i64) -> anyhow::Result<DeviceRow> {
        dispatch!(self, s => s.register_device(public_key, at))
    }
    async fn device(&self, public_key: &str) -> anyhow::Result<Option<DeviceRow>> {
        dispatch!(self, s => s.device(public_key))
    }
    async fn intake(&self, sub: NewSubmission) -> anyhow::Result<Intake> {
        dispatch!(self, s => s.intake(sub))
    }
    async fn count_submissions(&self) -> anyhow::Result<i64> {
        dispatch!(self, s => s.count_submissions())
    }
    async fn applications(&self, filter: ApplicationFilter) -> anyhow::Result<Vec<ApplicationRow>> {
        dispatch!(self, s => s.applications(filter))
    }
    async fn application(&self, seq: i64) -> anyhow::Result<Option<ApplicationRow>> {
        dispatch!(self, s => s.application(seq))
    }
    async fn submissions(&self, seq: i64) -> anyhow::Result<Vec<SubmissionDetail>> {
        dispatch!(self, s => s.submissions(seq))
    }
    async fn record(
        &self,
        seq: i64,
        event: EventKind,
        actor: &str,
        at: i64,
    ) -> anyhow::Result<EventRow> {
        dispatch!(self, s => s.record(seq, event, actor, at))
    }
    async fn events(&self, seq: i64) -> anyhow::Result<Vec<EventRow>> {
        dispatch!(self, s => s.events(seq))
    }
    async fn feed(
        &self,
        device_key: &str,
        after: i64,
        limit: u32,
    ) -> anyhow::Result<Vec<EventRow>> {
        dispatch!(self, s => s.feed(device_key, after, limit))
    }
    async fn add_staff(
        &self,
        username: &str,
        password_hash: &str,
        admin: bool,
        department: Option<&str>,
    ) -> anyhow::Result<bool> {
        dispatch!(self, s => s.add_staff(username, password_hash, admin, department))
    }
    async fn staff(&self, username: &str) -> anyhow::Result<Option<StaffRow>> {
        dispatch!(self, s => s.staff(username))
    }
    async fn open_session(
        &self,
        token_hash: &str,
        staff: i64,
        csrf: &str,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        dispatch!(self, s => s.open_session(token_hash, staff, csrf, expires_at))
    }
    async fn session(&self, token_hash: &str, now: i64) -> anyhow::Result<Option<SessionRow>> {
        dispatch!(self, s => s.session(token_hash, now))
    }
    async fn close_session(&self, token_hash: &str) -> anyhow::Result<()> {
        dispatch!(self, s => s.close_session(token_hash))
    }
    async fn create_upload(&self, candidate: UploadRow) -> anyhow::Result<UploadRow> {
        dispatch!(self, s => s.create_upload(candidate))
    }
    async fn upload(&self, id: &str) -> anyhow::Result<Option<UploadRow>> {
        dispatch!(self, s => s.upload(id))
    }
    async fn upload_of(&self, device_key: &str, sha256: &str) -> anyhow::Result<Option<UploadRow>> {
        dispatch!(self, s => s.upload_of(device_key, sha256))
    }
    async fn advance_upload(&self, id: &str, from: u64, to: u64) -> anyhow::Result<bool> {
        dispatch!(self, s => s.advance_upload(id, from, to))
    }
    async fn revoke_device(&self, public_key: &str, at: i64) -> anyhow::Result<bool> {
        dispatch!(self, s => s.revoke_device(public_key, at))
    }
    async fn add_signer(&self, row: SignerRow) -> anyhow::Result<bool> {
        dispatch!(self, s => s.add_signer(row))
    }
    async fn signer(&self, kind: &str, id: &str) -> anyhow::Result<Option<SignerRow>> {
        dispatch!(self, s => s.signer(kind, id))
    }
    async fn signers(&self) -> anyhow::Result<Vec<SignerRow>> {
        dispatch!(self, s => s.signers())
    }
    async fn revoke_signer(&self, kind: &str, id: &str, at: i64) -> anyhow::Result<bool> {
        dispatch!(self, s => s.revoke_signer(kind, id, at))
    }
    async fn revoke_delegation(&self, id: Uuid, device_key: &str, at: i64) -> anyhow::Result<i64> {
        dispatch!(self, s => s.revoke_delegation(id, device_key, at))
    }
    async fn delegation_revoked(&self, id: Uuid, device_key: &str) -> anyhow::Result<Option<i64>> {
        dispatch!(self, s => s.delegation_revoked(id, device_key))
    }
    async fn add_proofing_request(&self, row: ProofingRow) -> anyhow::Result<ProofingRow> {
        dispatch!(self, s => s.add_proofing_request(row))
    }
    async fn proofing_requests(&self, open_only: bool) -> anyhow::Result<Vec<ProofingRow>> {
        dispatch!(self, s => s.proofing_requests(open_only))
    }
    async fn proofing_request(&self, id: Uuid) -> anyhow::Result<Option<ProofingRow>> {
        dispatch!(self, s => s.proofing_request(id))
    }
    async fn close_proofing(
        &self,
        id: Uuid,
        token: Option<&str>,
        by: &str,
        at: i64,
    ) -> anyhow::Result<bool> {
        dispatch!(self, s => s.close_proofing(id, token, by, at))
    }
    async fn declined_proofing(&self, device_key: &str) -> anyhow::Result<Vec<Uuid>> {
        dispatch!(self, s => s.declined_proofing(device_key))
    }
    async fn issued_attestations(&self, device_key: &str) -> anyhow::Result<Vec<String>> {
        dispatch!(self, s => s.issued_attestations(device_key))
    }
}

/// Decides a repeat against the submission already stored under the same idempotency key.
pub(crate) fn repeat_or_conflict(existing: Option<SubmissionRow>, s: &NewSubmission) -> Intake {
    match existing {
        Some(row)
            if row.body_sha256 == s.body_sha256
                && row.device_key == s.device_key
                && row.submission_id == s.submission_id =>
        {
            Intake::Repeat(row)
        }
        _ => Intake::Conflict,
    }
}

/// Whether a submission of `revision` fits an application in `status` (None: no application
/// yet): a first submission opens one; a revision answers a request for more material.
pub(crate) fn revision_fits(status: Option<ApplicationStatus>, revision: u32) -> bool {
    match status {
        None => revision == 0,
        Some(s) => revision > 0 && s == ApplicationStatus::MoreMaterialNeeded,
    }
}

/// How an event is stored: a kind, a status or department, a message.
pub(crate) fn event_columns(e: &EventKind) -> (&'static str, Option<&'static str>, String) {
    match e {
        EventKind::Status { status, message } => ("status", Some(status.slug()), message.clone()),
        EventKind::Routed { department } => ("routed", None, department.clone()),
        EventKind::Access { staff } => ("access", None, staff.clone()),
    }
}

/// The event stored as `(kind, status, text)`.
pub(crate) fn event_from_columns(
    kind: &str,
    status: Option<&str>,
    text: String,
) -> anyhow::Result<EventKind> {
    Ok(match kind {
        "status" => EventKind::Status {
            status: status
                .and_then(ApplicationStatus::from_slug)
                .ok_or_else(|| anyhow::anyhow!("an event with an unknown status"))?,
            message: text,
        },
        "routed" => EventKind::Routed { department: text },
        "access" => EventKind::Access { staff: text },
        other => anyhow::bail!("an event of unknown kind {other:?}"),
    })
}

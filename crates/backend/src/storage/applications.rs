//! Applications and their submissions: a submission stored once whatever the retries, a
//! revision taken only when the department asked for more material.

use async_trait::async_trait;
use homeward_domain::sync::{ApplicationStatus, EventKind};
use rusqlite::{params, Connection};
use tokio_postgres::types::ToSql;
use uuid::Uuid;

use super::events::insert_event_sqlite;
use super::row::Row;
use super::{sqlite, PgStorage, SqliteStorage};

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
    /// Sent from a walk-in's session at a liaison site, as the site's statement says.
    pub assisted: Option<Assisted>,
    /// The sites and officers whose statements the submission was taken on (its attestations,
    /// the site that helped): intake checks again, as it stores it, that each still stands.
    pub signers: Vec<SignerRef>,
}

/// A signer as a submission relies on it: registered as this kind and id, with this key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerRef {
    pub kind: String,
    pub id: String,
    pub public_key: String,
}

/// Where help came from, for an application sent from a walk-in's session at a liaison site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assisted {
    pub site_id: String,
    pub volunteer: String,
    /// The session: a site's people helped are counted by these.
    pub walk_in: Uuid,
}

/// What one liaison site helped with, counted; nothing about anyone helped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteCount {
    pub site_id: String,
    /// Walk-in sessions that sent at least one application.
    pub helped: i64,
    /// Applications sent from them.
    pub sent: i64,
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
    let year = time::OffsetDateTime::from_unix_timestamp(created_at / 1000)
        .map_or(1970, time::OffsetDateTime::year);
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
    /// A revision names another service than the application it revises.
    OtherService,
    /// The device is not registered, or was revoked since its request was checked.
    DeviceRevoked,
    /// A signer the submission relies on was revoked, or holds another key, since it was
    /// checked.
    SignerRevoked,
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
    /// Moves on with every change of status, routing or revision.
    pub version: i64,
    /// The liaison site and the volunteer, when it was sent from a walk-in's session there.
    pub site_id: Option<String>,
    pub volunteer: Option<String>,
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
    /// The device that signed it (an application handed over since belongs to another now).
    pub device_key: String,
    pub submission_id: Uuid,
    pub idempotency_key: String,
    pub body: Vec<u8>,
    pub body_sha256: String,
    pub signature: String,
    pub signed_at: i64,
    pub received_at: i64,
}

/// Which applications to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplicationFilter {
    pub status: Option<ApplicationStatus>,
    pub guide: Option<String>,
    /// Only the applications routed to this department (a reviewer's scope).
    pub department: Option<String>,
    /// Only those listed after this one (the last of the page before).
    pub after: Option<ListCursor>,
    pub limit: u32,
}

/// Where a page of the list ends: the list runs newest change first, then highest sequence
/// number, so the next page starts strictly below this pair, whatever was added meanwhile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListCursor {
    pub updated_at: i64,
    pub seq: i64,
}

impl ListCursor {
    /// The cursor after `row`.
    pub fn after(row: &ApplicationRow) -> Self {
        ListCursor {
            updated_at: row.updated_at,
            seq: row.seq,
        }
    }
}

impl std::fmt::Display for ListCursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.updated_at, self.seq)
    }
}

impl std::str::FromStr for ListCursor {
    type Err = ();

    /// `UPDATED_AT.SEQ`, as [`Display`](std::fmt::Display) writes it.
    fn from_str(s: &str) -> Result<Self, ()> {
        let (updated_at, seq) = s.trim().split_once('.').ok_or(())?;
        Ok(ListCursor {
            updated_at: updated_at.parse().map_err(|_| ())?,
            seq: seq.parse().map_err(|_| ())?,
        })
    }
}

/// The list's statement for the filters set, its placeholders written by `mark` (`?` or `$`)
/// and numbered in the order [`ApplicationFilter`] declares its fields, the limit last. Only
/// the conditions set appear, so each combination is a plan of its own that its index serves
/// (`applications_by_update`, `applications_by_status`), rather than one plan for all.
fn list_sql(filter: &ApplicationFilter, mark: char) -> String {
    let mut n = 0;
    let mut next = || {
        n += 1;
        format!("{mark}{n}")
    };
    let mut conditions = vec![];
    if filter.status.is_some() {
        conditions.push(format!("status = {}", next()));
    }
    if filter.guide.is_some() {
        conditions.push(format!("guide_id = {}", next()));
    }
    if filter.department.is_some() {
        conditions.push(format!("department = {}", next()));
    }
    if filter.after.is_some() {
        let (updated_at, seq) = (next(), next());
        conditions.push(format!("(updated_at, seq) < ({updated_at}, {seq})"));
    }
    let limit = next();
    let condition = if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    };
    format!(
        "SELECT {APPLICATION_COLUMNS} FROM applications {condition}
         ORDER BY updated_at DESC, seq DESC LIMIT {limit}"
    )
}

/// Decides a repeat against the submission already stored under the same idempotency key.
pub(super) fn repeat_or_conflict(existing: Option<SubmissionRow>, s: &NewSubmission) -> Intake {
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
fn revision_fits(status: Option<ApplicationStatus>, revision: u32) -> bool {
    match status {
        None => revision == 0,
        Some(s) => revision > 0 && s == ApplicationStatus::MoreMaterialNeeded,
    }
}

/// Why a new submission does not fit the application it names (`(seq, status, guide)`, None:
/// no application yet), if it does not: a revision must revise an application of the same service.
fn misfit(
    application: Option<&(i64, ApplicationStatus, String)>,
    s: &NewSubmission,
) -> Option<Intake> {
    if application.is_some_and(|(_, _, guide)| *guide != s.guide_id) {
        return Some(Intake::OtherService);
    }
    (!revision_fits(application.map(|(_, st, _)| *st), s.revision)).then_some(Intake::Conflict)
}

/// The event a submission taken records.
pub(super) fn received() -> EventKind {
    EventKind::Status {
        status: ApplicationStatus::Received,
        message: String::new(),
        request: None,
    }
}

fn status(slug: &str) -> anyhow::Result<ApplicationStatus> {
    ApplicationStatus::from_slug(slug).ok_or_else(|| anyhow::anyhow!("unknown status {slug:?}"))
}

/// A submission with its application's number and date, looked up by idempotency key.
pub(super) const SUBMISSION_BY_KEY: &str =
    "SELECT s.application_seq, a.created_at, s.submission_id,
    s.idempotency_key, s.device_key, s.body_sha256, s.revision, s.received_at
    FROM submissions s JOIN applications a ON a.seq = s.application_seq
    WHERE s.idempotency_key = ";

pub(super) fn submission_row(r: &dyn Row) -> anyhow::Result<SubmissionRow> {
    submission_row_at(r, 0)
}

/// A [`SubmissionRow`] from the columns of [`SUBMISSION_BY_KEY`], starting at column `at`.
pub(super) fn submission_row_at(r: &dyn Row, at: usize) -> anyhow::Result<SubmissionRow> {
    Ok(SubmissionRow {
        application_seq: r.int(at)?,
        application_created_at: r.int(at + 1)?,
        submission_id: r.uuid(at + 2)?,
        idempotency_key: r.text(at + 3)?,
        device_key: r.text(at + 4)?,
        body_sha256: r.text(at + 5)?,
        revision: u32::try_from(r.int(at + 6)?)?,
        received_at: r.int(at + 7)?,
    })
}

pub(super) const APPLICATION_COLUMNS: &str =
    "seq, device_key, draft_id, guide_id, status, department,
    created_at, updated_at, version, site_id, volunteer";

pub(super) fn application_row(r: &dyn Row) -> anyhow::Result<ApplicationRow> {
    Ok(ApplicationRow {
        seq: r.int(0)?,
        device_key: r.text(1)?,
        draft_id: r.uuid(2)?,
        guide_id: r.text(3)?,
        status: status(&r.text(4)?)?,
        department: r.opt_text(5)?,
        created_at: r.int(6)?,
        updated_at: r.int(7)?,
        version: r.int(8)?,
        site_id: r.opt_text(9)?,
        volunteer: r.opt_text(10)?,
    })
}

fn site_count(r: &dyn Row) -> anyhow::Result<SiteCount> {
    Ok(SiteCount {
        site_id: r.text(0)?,
        helped: r.int(1)?,
        sent: r.int(2)?,
    })
}

/// Per site: sessions that sent something, and applications sent.
const SITE_COUNTS: &str = "SELECT site_id, count(DISTINCT walk_in), count(*) FROM applications
    WHERE site_id IS NOT NULL GROUP BY site_id ORDER BY site_id";

const DETAIL_COLUMNS: &str = "revision, submission_id, idempotency_key, body, body_sha256,
    signature, signed_at, received_at, device_key";

fn detail_row(r: &dyn Row) -> anyhow::Result<SubmissionDetail> {
    Ok(SubmissionDetail {
        revision: u32::try_from(r.int(0)?)?,
        submission_id: r.uuid(1)?,
        idempotency_key: r.text(2)?,
        body: r.blob(3)?,
        body_sha256: r.text(4)?,
        signature: r.text(5)?,
        signed_at: r.int(6)?,
        received_at: r.int(7)?,
        device_key: r.text(8)?,
    })
}

#[async_trait]
pub trait Applications: Send + Sync {
    /// Stores a submission once: see [`Intake`]. A new one sets its application to received
    /// and records the event.
    async fn intake(&self, s: NewSubmission) -> anyhow::Result<Intake>;

    /// How many submissions are stored.
    async fn count_submissions(&self) -> anyhow::Result<i64>;

    async fn applications(&self, filter: ApplicationFilter) -> anyhow::Result<Vec<ApplicationRow>>;

    /// Whether a submission was stored under this idempotency key.
    async fn submission_known(&self, idempotency_key: &str) -> anyhow::Result<bool>;

    async fn application(&self, seq: i64) -> anyhow::Result<Option<ApplicationRow>>;

    /// Every submission of an application, first one first.
    async fn submissions(&self, seq: i64) -> anyhow::Result<Vec<SubmissionDetail>>;

    /// Per liaison site that helped anyone: how many walk-ins sent, and how much.
    async fn site_counts(&self) -> anyhow::Result<Vec<SiteCount>>;
}

fn submission_by_key_sqlite(c: &Connection, key: &str) -> anyhow::Result<Option<SubmissionRow>> {
    sqlite::first(c, &format!("{SUBMISSION_BY_KEY}?1"), [key], submission_row)
}

/// [`Intake::DeviceRevoked`] or [`Intake::SignerRevoked`] if the device or a signer `s` relies
/// on no longer stands.
fn standing_sqlite(c: &Connection, s: &NewSubmission) -> anyhow::Result<Option<Intake>> {
    let device = sqlite::first(
        c,
        "SELECT 1 FROM devices WHERE public_key = ?1 AND revoked_at IS NULL",
        [&s.device_key],
        |r| r.int(0),
    )?;
    if device.is_none() {
        return Ok(Some(Intake::DeviceRevoked));
    }
    for signer in &s.signers {
        let standing = sqlite::first(
            c,
            "SELECT 1 FROM signers
             WHERE kind = ?1 AND id = ?2 AND public_key = ?3 AND revoked_at IS NULL",
            [&signer.kind, &signer.id, &signer.public_key],
            |r| r.int(0),
        )?;
        if standing.is_none() {
            return Ok(Some(Intake::SignerRevoked));
        }
    }
    Ok(None)
}

#[async_trait]
impl Applications for SqliteStorage {
    async fn intake(&self, s: NewSubmission) -> anyhow::Result<Intake> {
        self.with(move |c| {
            let tx = c.transaction()?;
            if let Some(stale) = standing_sqlite(&tx, &s)? {
                return Ok(stale);
            }
            if let Some(existing) = submission_by_key_sqlite(&tx, &s.idempotency_key)? {
                return Ok(repeat_or_conflict(Some(existing), &s));
            }
            let draft = s.draft_id.to_string();
            let application = sqlite::first(
                &tx,
                "SELECT seq, status, guide_id FROM applications
                 WHERE device_key = ?1 AND draft_id = ?2",
                params![s.device_key, draft],
                |r| Ok((r.int(0)?, status(&r.text(1)?)?, r.text(2)?)),
            )?;
            if let Some(refusal) = misfit(application.as_ref(), &s) {
                return Ok(refusal);
            }
            let received_slug = ApplicationStatus::Received.slug();
            let seq = match application {
                Some((seq, _, _)) => {
                    tx.execute(
                        "UPDATE applications SET status = ?2, updated_at = ?3, version = version + 1
                         WHERE seq = ?1",
                        params![seq, received_slug, s.received_at],
                    )?;
                    seq
                }
                None => {
                    let assisted = s.assisted.as_ref();
                    tx.execute(
                        "INSERT INTO applications (device_key, draft_id, guide_id, status,
                            created_at, updated_at, site_id, volunteer, walk_in)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8)",
                        params![
                            s.device_key,
                            draft,
                            s.guide_id,
                            received_slug,
                            s.received_at,
                            assisted.map(|a| &a.site_id),
                            assisted.map(|a| &a.volunteer),
                            assisted.map(|a| a.walk_in.to_string()),
                        ],
                    )?;
                    tx.last_insert_rowid()
                }
            };
            let inserted = tx.execute(
                "INSERT INTO submissions (submission_id, application_seq, idempotency_key,
                    device_key, revision, body_sha256, body, signature, signed_at, received_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT DO NOTHING",
                params![
                    s.submission_id.to_string(),
                    seq,
                    s.idempotency_key,
                    s.device_key,
                    s.revision,
                    s.body_sha256,
                    s.body,
                    s.signature,
                    s.signed_at,
                    s.received_at,
                ],
            )?;
            if inserted == 0 {
                // The submission id was used under another key: roll the application back.
                return Ok(Intake::Conflict);
            }
            insert_event_sqlite(&tx, seq, &received(), "intake", s.received_at)?;
            let row = submission_by_key_sqlite(&tx, &s.idempotency_key)?
                .ok_or_else(|| anyhow::anyhow!("the submission just stored is missing"))?;
            tx.commit()?;
            Ok(Intake::New(row))
        })
        .await
    }

    async fn count_submissions(&self) -> anyhow::Result<i64> {
        let count = self.first_row("SELECT count(*) FROM submissions".into(), vec![], |r| {
            r.int(0)
        });
        Ok(count.await?.unwrap_or(0))
    }

    async fn submission_known(&self, idempotency_key: &str) -> anyhow::Result<bool> {
        self.first_row(
            "SELECT 1 FROM submissions WHERE idempotency_key = ?1".into(),
            vec![idempotency_key.to_owned().into()],
            |r| r.int(0),
        )
        .await
        .map(|r| r.is_some())
    }

    async fn applications(&self, filter: ApplicationFilter) -> anyhow::Result<Vec<ApplicationRow>> {
        let sql = list_sql(&filter, '?');
        let mut values: Vec<rusqlite::types::Value> = vec![];
        values.extend(filter.status.map(|s| s.slug().to_owned().into()));
        values.extend(filter.guide.map(Into::into));
        values.extend(filter.department.map(Into::into));
        if let Some(after) = filter.after {
            values.extend([after.updated_at.into(), after.seq.into()]);
        }
        values.push(filter.limit.into());
        self.all_rows(sql, values, application_row).await
    }

    async fn application(&self, seq: i64) -> anyhow::Result<Option<ApplicationRow>> {
        self.first_row(
            format!("SELECT {APPLICATION_COLUMNS} FROM applications WHERE seq = ?1"),
            vec![seq.into()],
            application_row,
        )
        .await
    }

    async fn submissions(&self, seq: i64) -> anyhow::Result<Vec<SubmissionDetail>> {
        self.all_rows(
            format!(
                "SELECT {DETAIL_COLUMNS} FROM submissions
                 WHERE application_seq = ?1 ORDER BY revision"
            ),
            vec![seq.into()],
            detail_row,
        )
        .await
    }

    async fn site_counts(&self) -> anyhow::Result<Vec<SiteCount>> {
        self.all_rows(SITE_COUNTS.into(), vec![], site_count).await
    }
}

#[async_trait]
impl Applications for PgStorage {
    async fn intake(&self, s: NewSubmission) -> anyhow::Result<Intake> {
        match &self.intake {
            Some(queue) => queue.intake(s).await,
            None => self.intake_one(&s).await,
        }
    }

    async fn count_submissions(&self) -> anyhow::Result<i64> {
        let count = self.first_row("SELECT count(*) FROM submissions", &[], |r| r.int(0));
        Ok(count.await?.unwrap_or(0))
    }

    async fn submission_known(&self, idempotency_key: &str) -> anyhow::Result<bool> {
        self.first_row(
            "SELECT 1::BIGINT FROM submissions WHERE idempotency_key = $1",
            &[&idempotency_key],
            |r| r.int(0),
        )
        .await
        .map(|r| r.is_some())
    }

    async fn applications(&self, filter: ApplicationFilter) -> anyhow::Result<Vec<ApplicationRow>> {
        let sql = list_sql(&filter, '$');
        let status = filter.status.map(ApplicationStatus::slug);
        let after = filter.after.map(|a| (a.updated_at, a.seq));
        let limit = i64::from(filter.limit);
        let mut params: Vec<&(dyn ToSql + Sync)> = vec![];
        if let Some(status) = &status {
            params.push(status);
        }
        if let Some(guide) = &filter.guide {
            params.push(guide);
        }
        if let Some(department) = &filter.department {
            params.push(department);
        }
        if let Some((updated_at, seq)) = &after {
            params.extend([updated_at as &(dyn ToSql + Sync), seq]);
        }
        params.push(&limit);
        self.all_rows(&sql, &params, application_row).await
    }

    async fn application(&self, seq: i64) -> anyhow::Result<Option<ApplicationRow>> {
        self.first_row(
            &format!("SELECT {APPLICATION_COLUMNS} FROM applications WHERE seq = $1"),
            &[&seq],
            application_row,
        )
        .await
    }

    async fn submissions(&self, seq: i64) -> anyhow::Result<Vec<SubmissionDetail>> {
        self.all_rows(
            &format!(
                "SELECT {DETAIL_COLUMNS} FROM submissions
                 WHERE application_seq = $1 ORDER BY revision"
            ),
            &[&seq],
            detail_row,
        )
        .await
    }

    async fn site_counts(&self) -> anyhow::Result<Vec<SiteCount>> {
        self.all_rows(SITE_COUNTS, &[], site_count).await
    }
}

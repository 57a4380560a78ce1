//! [`Storage`] on PostgreSQL through tokio-postgres and a small connection pool.

use std::str::FromStr as _;

use anyhow::Context as _;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

use deadpool_postgres::GenericClient;
use homeward_domain::sync::{ApplicationStatus, EventKind};
use tokio_postgres::Row;
use uuid::Uuid;

use super::{
    event_columns, event_from_columns, repeat_or_conflict, revision_fits, ApplicationFilter,
    ApplicationRow, DeviceRow, EventRow, Intake, NewSubmission, ProofingRow, SessionRow, SignerRow,
    StaffRow, Storage, SubmissionDetail, SubmissionRow, UploadRow,
};

const MIGRATIONS: &[&str] = &[
    // 1: bookkeeping.
    "CREATE TABLE server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    // 2: devices, applications, their submissions and events, and staff.
    "CREATE TABLE devices (
        public_key TEXT PRIMARY KEY,
        registered_at BIGINT NOT NULL,
        revoked_at BIGINT
    );
    CREATE TABLE applications (
        seq BIGSERIAL PRIMARY KEY,
        device_key TEXT NOT NULL REFERENCES devices(public_key),
        draft_id UUID NOT NULL,
        guide_id TEXT NOT NULL,
        status TEXT NOT NULL,
        department TEXT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        UNIQUE (device_key, draft_id)
    );
    CREATE TABLE submissions (
        submission_id UUID PRIMARY KEY,
        application_seq BIGINT NOT NULL REFERENCES applications(seq),
        idempotency_key TEXT NOT NULL UNIQUE,
        device_key TEXT NOT NULL,
        revision INTEGER NOT NULL,
        body_sha256 TEXT NOT NULL,
        body BYTEA NOT NULL,
        signature TEXT NOT NULL,
        signed_at BIGINT NOT NULL,
        received_at BIGINT NOT NULL,
        UNIQUE (application_seq, revision)
    );
    CREATE TABLE events (
        cursor BIGSERIAL PRIMARY KEY,
        application_seq BIGINT NOT NULL REFERENCES applications(seq),
        kind TEXT NOT NULL,
        status TEXT,
        text TEXT NOT NULL,
        actor TEXT NOT NULL,
        at BIGINT NOT NULL
    );
    CREATE INDEX events_by_application ON events (application_seq, cursor);
    CREATE INDEX applications_by_device ON applications (device_key);
    CREATE TABLE staff (
        id BIGSERIAL PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        admin BOOLEAN NOT NULL,
        department TEXT
    );
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id BIGINT NOT NULL REFERENCES staff(id),
        csrf TEXT NOT NULL,
        expires_at BIGINT NOT NULL
    );
    CREATE TABLE uploads (
        id TEXT PRIMARY KEY,
        device_key TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        length BIGINT NOT NULL,
        received_bytes BIGINT NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        UNIQUE (device_key, sha256)
    );",
    // 3: keys trusted to attest identities, and revoked delegations.
    "CREATE TABLE signers (
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        registered_at BIGINT NOT NULL,
        revoked_at BIGINT,
        PRIMARY KEY (kind, id)
    );
    CREATE TABLE delegation_revocations (
        id UUID NOT NULL,
        device_key TEXT NOT NULL,
        revoked_at BIGINT NOT NULL,
        PRIMARY KEY (id, device_key)
    );
    CREATE TABLE proofing_requests (
        id UUID PRIMARY KEY,
        device_key TEXT NOT NULL,
        profile TEXT NOT NULL,
        contact TEXT NOT NULL,
        requested_at BIGINT NOT NULL,
        closed_at BIGINT,
        closed_by TEXT,
        token TEXT
    );
    CREATE INDEX proofing_by_device ON proofing_requests (device_key);
    CREATE UNIQUE INDEX one_open_proofing_per_device ON proofing_requests (device_key)
        WHERE closed_at IS NULL;",
];

/// An arbitrary constant naming the lock that serialises migrations between backends starting
/// at once.
const MIGRATION_LOCK: i64 = 0x486f_6d65_7761_7264;

#[derive(Clone)]
pub struct PgStorage {
    pool: Pool,
}

impl std::fmt::Debug for PgStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStorage").finish_non_exhaustive()
    }
}

impl PgStorage {
    /// Connects to `url` (`postgres://user@host:port/db`) and brings the schema up to date.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let config = tokio_postgres::Config::from_str(url)
            .context("the PostgreSQL URL is not valid (postgres://USER@HOST:PORT/DB)")?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(16)
            .build()
            .context("building the PostgreSQL pool")?;
        let storage = PgStorage { pool };
        storage.migrate().await?;
        Ok(storage)
    }

    async fn migrate(&self) -> anyhow::Result<()> {
        let mut client = self.pool.get().await.context("connecting to PostgreSQL")?;
        let tx = client.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            .await?;
        let found: i32 = tx
            .query_opt("SELECT version FROM schema_version", &[])
            .await?
            .map_or(0, |r| r.get(0));
        anyhow::ensure!(
            found as usize <= MIGRATIONS.len(),
            "the database was written by a newer homeward-backend (schema {found}); update it"
        );
        for sql in MIGRATIONS.iter().skip(found as usize) {
            tx.batch_execute(sql).await?;
        }
        let version = MIGRATIONS.len() as i32;
        tx.execute("DELETE FROM schema_version", &[]).await?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&version],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn client(&self) -> anyhow::Result<deadpool_postgres::Object> {
        self.pool.get().await.context("connecting to PostgreSQL")
    }
}

fn device_row(r: &Row) -> DeviceRow {
    DeviceRow {
        public_key: r.get(0),
        registered_at: r.get(1),
        revoked_at: r.get(2),
    }
}

const SUBMISSION_COLUMNS: &str = "s.application_seq, a.created_at, s.submission_id,
    s.idempotency_key, s.device_key, s.body_sha256, s.revision, s.received_at";

fn submission_row(r: &Row) -> SubmissionRow {
    SubmissionRow {
        application_seq: r.get(0),
        application_created_at: r.get(1),
        submission_id: r.get(2),
        idempotency_key: r.get(3),
        device_key: r.get(4),
        body_sha256: r.get(5),
        revision: r.get::<_, i32>(6) as u32,
        received_at: r.get(7),
    }
}

const APPLICATION_COLUMNS: &str =
    "seq, device_key, draft_id, guide_id, status, department, created_at, updated_at";

fn application_row(r: &Row) -> anyhow::Result<ApplicationRow> {
    let status: String = r.get(4);
    Ok(ApplicationRow {
        seq: r.get(0),
        device_key: r.get(1),
        draft_id: r.get(2),
        guide_id: r.get(3),
        status: ApplicationStatus::from_slug(&status)
            .ok_or_else(|| anyhow::anyhow!("unknown status {status:?}"))?,
        department: r.get(5),
        created_at: r.get(6),
        updated_at: r.get(7),
    })
}

const EVENT_COLUMNS: &str =
    "e.cursor, e.application_seq, a.draft_id, a.created_at, e.kind, e.status, e.text, e.actor, e.at";

fn event_row(r: &Row) -> anyhow::Result<EventRow> {
    let kind: String = r.get(4);
    let status: Option<String> = r.get(5);
    Ok(EventRow {
        cursor: r.get(0),
        application_seq: r.get(1),
        draft_id: r.get(2),
        application_created_at: r.get(3),
        event: event_from_columns(&kind, status.as_deref(), r.get(6))?,
        actor: r.get(7),
        at: r.get(8),
    })
}

fn staff_row(r: &Row) -> StaffRow {
    StaffRow {
        id: r.get(0),
        username: r.get(1),
        password_hash: r.get(2),
        admin: r.get(3),
        department: r.get(4),
    }
}

async fn submission_by_key(
    c: &impl GenericClient,
    key: &str,
) -> anyhow::Result<Option<SubmissionRow>> {
    let row = c
        .query_opt(
            &format!(
                "SELECT {SUBMISSION_COLUMNS} FROM submissions s
                 JOIN applications a ON a.seq = s.application_seq WHERE s.idempotency_key = $1"
            ),
            &[&key],
        )
        .await?;
    Ok(row.as_ref().map(submission_row))
}

async fn insert_event(
    c: &impl GenericClient,
    seq: i64,
    event: &EventKind,
    actor: &str,
    at: i64,
) -> anyhow::Result<i64> {
    let (kind, status, text) = event_columns(event);
    let row = c
        .query_one(
            "INSERT INTO events (application_seq, kind, status, text, actor, at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING cursor",
            &[&seq, &kind, &status, &text, &actor, &at],
        )
        .await?;
    Ok(row.get(0))
}

impl PgStorage {
    /// One attempt at intake inside a transaction; `None` when a racing request won a unique
    /// constraint, and the caller looks again at what it stored.
    async fn try_intake(&self, s: &NewSubmission) -> anyhow::Result<Option<Intake>> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        // Lock the application first, so the checks below see any racing revision committed.
        let application = tx
            .query_opt(
                "SELECT seq, status FROM applications WHERE device_key = $1 AND draft_id = $2
                 FOR UPDATE",
                &[&s.device_key, &s.draft_id],
            )
            .await?;
        if let Some(existing) = submission_by_key(&tx, &s.idempotency_key).await? {
            return Ok(Some(repeat_or_conflict(Some(existing), s)));
        }
        let status = application
            .as_ref()
            .and_then(|r| ApplicationStatus::from_slug(r.get::<_, &str>(1)));
        if !revision_fits(status, s.revision) {
            return Ok(Some(Intake::Conflict));
        }
        let received = ApplicationStatus::Received.slug();
        let seq: i64 = match application {
            Some(row) => {
                let seq: i64 = row.get(0);
                tx.execute(
                    "UPDATE applications SET status = $2, updated_at = $3 WHERE seq = $1",
                    &[&seq, &received, &s.received_at],
                )
                .await?;
                seq
            }
            None => {
                let inserted = tx
                    .query_opt(
                        "INSERT INTO applications (device_key, draft_id, guide_id, status,
                            created_at, updated_at)
                         VALUES ($1, $2, $3, $4, $5, $5)
                         ON CONFLICT DO NOTHING RETURNING seq",
                        &[
                            &s.device_key,
                            &s.draft_id,
                            &s.guide_id,
                            &received,
                            &s.received_at,
                        ],
                    )
                    .await?;
                match inserted {
                    Some(row) => row.get(0),
                    None => return Ok(None),
                }
            }
        };
        let revision = s.revision as i32;
        let inserted = tx
            .execute(
                "INSERT INTO submissions (submission_id, application_seq, idempotency_key,
                    device_key, revision, body_sha256, body, signature, signed_at, received_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                 ON CONFLICT DO NOTHING",
                &[
                    &s.submission_id,
                    &seq,
                    &s.idempotency_key,
                    &s.device_key,
                    &revision,
                    &s.body_sha256,
                    &s.body,
                    &s.signature,
                    &s.signed_at,
                    &s.received_at,
                ],
            )
            .await?;
        if inserted == 0 {
            return Ok(None);
        }
        let event = EventKind::Status {
            status: ApplicationStatus::Received,
            message: String::new(),
        };
        insert_event(&tx, seq, &event, "intake", s.received_at).await?;
        let row = submission_by_key(&tx, &s.idempotency_key)
            .await?
            .ok_or_else(|| anyhow::anyhow!("the submission just stored is missing"))?;
        tx.commit().await?;
        Ok(Some(Intake::New(row)))
    }
}

impl Storage for PgStorage {
    async fn ping(&self) -> anyhow::Result<()> {
        self.client().await?.execute("SELECT 1", &[]).await?;
        Ok(())
    }

    async fn meta_or_insert(&self, key: &str, value: String) -> anyhow::Result<String> {
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO server_meta (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&key, &value],
            )
            .await?;
        let row = client
            .query_one("SELECT value FROM server_meta WHERE key = $1", &[&key])
            .await?;
        Ok(row.get(0))
    }

    async fn register_device(&self, public_key: &str, at: i64) -> anyhow::Result<DeviceRow> {
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO devices (public_key, registered_at) VALUES ($1, $2)
                 ON CONFLICT DO NOTHING",
                &[&public_key, &at],
            )
            .await?;
        let row = client
            .query_one(
                "SELECT public_key, registered_at, revoked_at FROM devices WHERE public_key = $1",
                &[&public_key],
            )
            .await?;
        Ok(device_row(&row))
    }

    async fn device(&self, public_key: &str) -> anyhow::Result<Option<DeviceRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                "SELECT public_key, registered_at, revoked_at FROM devices WHERE public_key = $1",
                &[&public_key],
            )
            .await?;
        Ok(row.as_ref().map(device_row))
    }

    async fn intake(&self, s: NewSubmission) -> anyhow::Result<Intake> {
        // A racing request with the same key may win a unique constraint; then what it stored
        // decides (a second look always finds it, as the winner has committed).
        for _ in 0..3 {
            if let Some(intake) = self.try_intake(&s).await? {
                return Ok(intake);
            }
        }
        let existing = submission_by_key(&self.client().await?, &s.idempotency_key).await?;
        Ok(repeat_or_conflict(existing, &s))
    }

    async fn count_submissions(&self) -> anyhow::Result<i64> {
        let row = self
            .client()
            .await?
            .query_one("SELECT count(*) FROM submissions", &[])
            .await?;
        Ok(row.get(0))
    }

    async fn applications(&self, filter: ApplicationFilter) -> anyhow::Result<Vec<ApplicationRow>> {
        let status = filter.status.map(|s| s.slug());
        let limit = i64::from(filter.limit);
        let rows = self
            .client()
            .await?
            .query(
                &format!(
                    "SELECT {APPLICATION_COLUMNS} FROM applications
                     WHERE ($1::TEXT IS NULL OR status = $1) AND ($2::TEXT IS NULL OR guide_id = $2)
                     ORDER BY updated_at DESC, seq DESC LIMIT $3"
                ),
                &[&status, &filter.guide, &limit],
            )
            .await?;
        rows.iter().map(application_row).collect()
    }

    async fn application(&self, seq: i64) -> anyhow::Result<Option<ApplicationRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                &format!("SELECT {APPLICATION_COLUMNS} FROM applications WHERE seq = $1"),
                &[&seq],
            )
            .await?;
        row.as_ref().map(application_row).transpose()
    }

    async fn submissions(&self, seq: i64) -> anyhow::Result<Vec<SubmissionDetail>> {
        let rows = self
            .client()
            .await?
            .query(
                "SELECT revision, submission_id, idempotency_key, body, body_sha256, signature,
                    signed_at, received_at
                 FROM submissions WHERE application_seq = $1 ORDER BY revision",
                &[&seq],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| SubmissionDetail {
                revision: r.get::<_, i32>(0) as u32,
                submission_id: r.get(1),
                idempotency_key: r.get(2),
                body: r.get(3),
                body_sha256: r.get(4),
                signature: r.get(5),
                signed_at: r.get(6),
                received_at: r.get(7),
            })
            .collect())
    }

    async fn record(
        &self,
        seq: i64,
        event: EventKind,
        actor: &str,
        at: i64,
    ) -> anyhow::Result<EventRow> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        match &event {
            EventKind::Status { status, .. } => {
                tx.execute(
                    "UPDATE applications SET status = $2, updated_at = $3 WHERE seq = $1",
                    &[&seq, &status.slug(), &at],
                )
                .await?;
            }
            EventKind::Routed { department } => {
                tx.execute(
                    "UPDATE applications SET department = $2, updated_at = $3 WHERE seq = $1",
                    &[&seq, department, &at],
                )
                .await?;
            }
            EventKind::Access { .. } => {}
        }
        let cursor = insert_event(&tx, seq, &event, actor, at).await?;
        let row = tx
            .query_one(
                &format!(
                    "SELECT {EVENT_COLUMNS} FROM events e
                     JOIN applications a ON a.seq = e.application_seq WHERE e.cursor = $1"
                ),
                &[&cursor],
            )
            .await?;
        tx.commit().await?;
        event_row(&row)
    }

    async fn events(&self, seq: i64) -> anyhow::Result<Vec<EventRow>> {
        let rows = self
            .client()
            .await?
            .query(
                &format!(
                    "SELECT {EVENT_COLUMNS} FROM events e
                     JOIN applications a ON a.seq = e.application_seq
                     WHERE e.application_seq = $1 ORDER BY e.cursor"
                ),
                &[&seq],
            )
            .await?;
        rows.iter().map(event_row).collect()
    }

    async fn feed(
        &self,
        device_key: &str,
        after: i64,
        limit: u32,
    ) -> anyhow::Result<Vec<EventRow>> {
        let limit = i64::from(limit);
        let rows = self
            .client()
            .await?
            .query(
                &format!(
                    "SELECT {EVENT_COLUMNS} FROM events e
                     JOIN applications a ON a.seq = e.application_seq
                     WHERE a.device_key = $1 AND e.cursor > $2 ORDER BY e.cursor LIMIT $3"
                ),
                &[&device_key, &after, &limit],
            )
            .await?;
        rows.iter().map(event_row).collect()
    }

    async fn add_staff(
        &self,
        username: &str,
        password_hash: &str,
        admin: bool,
        department: Option<&str>,
    ) -> anyhow::Result<bool> {
        let n = self
            .client()
            .await?
            .execute(
                "INSERT INTO staff (username, password_hash, admin, department)
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                &[&username, &password_hash, &admin, &department],
            )
            .await?;
        Ok(n == 1)
    }

    async fn staff(&self, username: &str) -> anyhow::Result<Option<StaffRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                "SELECT id, username, password_hash, admin, department FROM staff
                 WHERE username = $1",
                &[&username],
            )
            .await?;
        Ok(row.as_ref().map(staff_row))
    }

    async fn open_session(
        &self,
        token_hash: &str,
        staff: i64,
        csrf: &str,
        expires_at: i64,
    ) -> anyhow::Result<()> {
        self.client()
            .await?
            .execute(
                "INSERT INTO sessions (token_hash, staff_id, csrf, expires_at)
                 VALUES ($1, $2, $3, $4)",
                &[&token_hash, &staff, &csrf, &expires_at],
            )
            .await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str, now: i64) -> anyhow::Result<Option<SessionRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                "SELECT st.id, st.username, st.password_hash, st.admin, st.department,
                    s.csrf, s.expires_at
                 FROM sessions s JOIN staff st ON st.id = s.staff_id
                 WHERE s.token_hash = $1 AND s.expires_at > $2",
                &[&token_hash, &now],
            )
            .await?;
        Ok(row.map(|r| SessionRow {
            staff: staff_row(&r),
            csrf: r.get(5),
            expires_at: r.get(6),
        }))
    }

    async fn close_session(&self, token_hash: &str) -> anyhow::Result<()> {
        self.client()
            .await?
            .execute("DELETE FROM sessions WHERE token_hash = $1", &[&token_hash])
            .await?;
        Ok(())
    }

    async fn create_upload(&self, candidate: UploadRow) -> anyhow::Result<UploadRow> {
        let client = self.client().await?;
        let length = candidate.length as i64;
        client
            .execute(
                "INSERT INTO uploads (id, device_key, sha256, length, received_bytes, created_at)
                 VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT DO NOTHING",
                &[
                    &candidate.id,
                    &candidate.device_key,
                    &candidate.sha256,
                    &length,
                    &candidate.created_at,
                ],
            )
            .await?;
        let row = client
            .query_one(
                &format!(
                    "SELECT {UPLOAD_COLUMNS} FROM uploads WHERE device_key = $1 AND sha256 = $2"
                ),
                &[&candidate.device_key, &candidate.sha256],
            )
            .await?;
        Ok(upload_row(&row))
    }

    async fn upload(&self, id: &str) -> anyhow::Result<Option<UploadRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                &format!("SELECT {UPLOAD_COLUMNS} FROM uploads WHERE id = $1"),
                &[&id],
            )
            .await?;
        Ok(row.as_ref().map(upload_row))
    }

    async fn upload_of(&self, device_key: &str, sha256: &str) -> anyhow::Result<Option<UploadRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                &format!(
                    "SELECT {UPLOAD_COLUMNS} FROM uploads WHERE device_key = $1 AND sha256 = $2"
                ),
                &[&device_key, &sha256],
            )
            .await?;
        Ok(row.as_ref().map(upload_row))
    }

    async fn advance_upload(&self, id: &str, from: u64, to: u64) -> anyhow::Result<bool> {
        let (from, to) = (from as i64, to as i64);
        let n = self
            .client()
            .await?
            .execute(
                "UPDATE uploads SET received_bytes = $3
                 WHERE id = $1 AND received_bytes = $2 AND $3 <= length",
                &[&id, &from, &to],
            )
            .await?;
        Ok(n == 1)
    }

    async fn revoke_device(&self, public_key: &str, at: i64) -> anyhow::Result<bool> {
        let n = self
            .client()
            .await?
            .execute(
                "UPDATE devices SET revoked_at = coalesce(revoked_at, $2) WHERE public_key = $1",
                &[&public_key, &at],
            )
            .await?;
        Ok(n == 1)
    }

    async fn add_signer(&self, row: SignerRow) -> anyhow::Result<bool> {
        let n = self
            .client()
            .await?
            .execute(
                "INSERT INTO signers (kind, id, name, public_key, registered_at)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                &[
                    &row.kind,
                    &row.id,
                    &row.name,
                    &row.public_key,
                    &row.registered_at,
                ],
            )
            .await?;
        Ok(n == 1)
    }

    async fn signer(&self, kind: &str, id: &str) -> anyhow::Result<Option<SignerRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                &format!("SELECT {SIGNER_COLUMNS} FROM signers WHERE kind = $1 AND id = $2"),
                &[&kind, &id],
            )
            .await?;
        Ok(row.as_ref().map(signer_row))
    }

    async fn signers(&self) -> anyhow::Result<Vec<SignerRow>> {
        let rows = self
            .client()
            .await?
            .query(
                &format!("SELECT {SIGNER_COLUMNS} FROM signers ORDER BY kind, id"),
                &[],
            )
            .await?;
        Ok(rows.iter().map(signer_row).collect())
    }

    async fn revoke_signer(&self, kind: &str, id: &str, at: i64) -> anyhow::Result<bool> {
        let n = self
            .client()
            .await?
            .execute(
                "UPDATE signers SET revoked_at = coalesce(revoked_at, $3)
                 WHERE kind = $1 AND id = $2",
                &[&kind, &id, &at],
            )
            .await?;
        Ok(n == 1)
    }

    async fn revoke_delegation(&self, id: Uuid, device_key: &str, at: i64) -> anyhow::Result<i64> {
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO delegation_revocations (id, device_key, revoked_at)
                 VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                &[&id, &device_key, &at],
            )
            .await?;
        let row = client
            .query_one(
                "SELECT revoked_at FROM delegation_revocations WHERE id = $1 AND device_key = $2",
                &[&id, &device_key],
            )
            .await?;
        Ok(row.get(0))
    }

    async fn add_proofing_request(&self, row: ProofingRow) -> anyhow::Result<ProofingRow> {
        let client = self.client().await?;
        // The partial unique index keeps one open request per device: of two racing, the
        // second inserts nothing and reads the first.
        client
            .execute(
                "INSERT INTO proofing_requests (id, device_key, profile, contact, requested_at)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                &[
                    &row.id,
                    &row.device_key,
                    &row.profile,
                    &row.contact,
                    &row.requested_at,
                ],
            )
            .await?;
        let open = client
            .query_one(
                &format!(
                    "SELECT {PROOFING_COLUMNS} FROM proofing_requests
                     WHERE device_key = $1 AND closed_at IS NULL"
                ),
                &[&row.device_key],
            )
            .await?;
        Ok(proofing_row(&open))
    }

    async fn proofing_requests(&self, open_only: bool) -> anyhow::Result<Vec<ProofingRow>> {
        let rows = self
            .client()
            .await?
            .query(
                &format!(
                    "SELECT {PROOFING_COLUMNS} FROM proofing_requests
                     WHERE NOT $1 OR closed_at IS NULL ORDER BY requested_at"
                ),
                &[&open_only],
            )
            .await?;
        Ok(rows.iter().map(proofing_row).collect())
    }

    async fn proofing_request(&self, id: Uuid) -> anyhow::Result<Option<ProofingRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                &format!("SELECT {PROOFING_COLUMNS} FROM proofing_requests WHERE id = $1"),
                &[&id],
            )
            .await?;
        Ok(row.as_ref().map(proofing_row))
    }

    async fn close_proofing(
        &self,
        id: Uuid,
        token: Option<&str>,
        by: &str,
        at: i64,
    ) -> anyhow::Result<bool> {
        let n = self
            .client()
            .await?
            .execute(
                "UPDATE proofing_requests SET closed_at = $2, closed_by = $3, token = $4,
                     profile = '{}', contact = ''
                 WHERE id = $1 AND closed_at IS NULL",
                &[&id, &at, &by, &token],
            )
            .await?;
        Ok(n == 1)
    }

    async fn declined_proofing(&self, device_key: &str) -> anyhow::Result<Vec<Uuid>> {
        let rows = self
            .client()
            .await?
            .query(
                "SELECT id FROM proofing_requests
                 WHERE device_key = $1 AND closed_at IS NOT NULL AND token IS NULL
                 ORDER BY closed_at",
                &[&device_key],
            )
            .await?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    async fn issued_attestations(&self, device_key: &str) -> anyhow::Result<Vec<String>> {
        let rows = self
            .client()
            .await?
            .query(
                "SELECT token FROM proofing_requests
                 WHERE device_key = $1 AND token IS NOT NULL ORDER BY closed_at",
                &[&device_key],
            )
            .await?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    async fn delegation_revoked(&self, id: Uuid, device_key: &str) -> anyhow::Result<Option<i64>> {
        let row = self
            .client()
            .await?
            .query_opt(
                "SELECT revoked_at FROM delegation_revocations WHERE id = $1 AND device_key = $2",
                &[&id, &device_key],
            )
            .await?;
        Ok(row.map(|r| r.get(0)))
    }
}

const PROOFING_COLUMNS: &str =
    "id, device_key, profile, contact, requested_at, closed_at, closed_by, token";

fn proofing_row(r: &Row) -> ProofingRow {
    ProofingRow {
        id: r.get(0),
        device_key: r.get(1),
        profile: r.get(2),
        contact: r.get(3),
        requested_at: r.get(4),
        closed_at: r.get(5),
        closed_by: r.get(6),
        token: r.get(7),
    }
}

const SIGNER_COLUMNS: &str = "kind, id, name, public_key, registered_at, revoked_at";

fn signer_row(r: &Row) -> SignerRow {
    SignerRow {
        kind: r.get(0),
        id: r.get(1),
        name: r.get(2),
        public_key: r.get(3),
        registered_at: r.get(4),
        revoked_at: r.get(5),
    }
}

const UPLOAD_COLUMNS: &str = "id, device_key, sha256, length, received_bytes, created_at";

fn upload_row(r: &Row) -> UploadRow {
    UploadRow {
        id: r.get(0),
        device_key: r.get(1),
        sha256: r.get(2),
        length: r.get::<_, i64>(3) as u64,
        offset: r.get::<_, i64>(4) as u64,
        created_at: r.get(5),
    }
}

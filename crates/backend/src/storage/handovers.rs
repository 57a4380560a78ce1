//! Hand-overs of a walk-in's applications to the person's own device: offered once by the
//! session's device, taken up once by another.

use async_trait::async_trait;
use rusqlite::params;

use super::applications::{application_row, APPLICATION_COLUMNS};
use super::row::Row;
use super::sqlite::{self, text};
use super::{ApplicationRow, PgStorage, SqliteStorage};

/// A hand-over as offered, and who took it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoverRow {
    pub code: String,
    /// The session's device, which offered it.
    pub device_key: String,
    pub secret_sha256: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub claimed_by: Option<String>,
    pub claimed_at: Option<i64>,
}

/// What became of an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offered {
    New,
    /// The same device offered the same code and secret before.
    Repeat,
    /// The code is taken by another offer.
    Conflict,
}

/// What became of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claimed {
    /// The applications are the claimer's now (a repeat by the same claimer moves any sent
    /// since).
    Moved,
    /// Another device took them up first.
    Taken,
    NoSuchHandover,
}

const HANDOVER_COLUMNS: &str =
    "code, device_key, secret_sha256, created_at, expires_at, claimed_by, claimed_at";

fn handover_row(r: &dyn Row) -> anyhow::Result<HandoverRow> {
    Ok(HandoverRow {
        code: r.text(0)?,
        device_key: r.text(1)?,
        secret_sha256: r.text(2)?,
        created_at: r.int(3)?,
        expires_at: r.int(4)?,
        claimed_by: r.opt_text(5)?,
        claimed_at: r.opt_int(6)?,
    })
}

fn offered(existing: Option<HandoverRow>, row: &HandoverRow) -> Offered {
    match existing {
        Some(e) if e.device_key == row.device_key && e.secret_sha256 == row.secret_sha256 => {
            Offered::Repeat
        }
        _ => Offered::Conflict,
    }
}

#[async_trait]
pub trait Handovers: Send + Sync {
    async fn offer_handover(&self, row: HandoverRow) -> anyhow::Result<Offered>;

    async fn handover(&self, code: &str) -> anyhow::Result<Option<HandoverRow>>;

    /// Moves the offering device's applications, and the uploads of their documents, to
    /// `claimer`, unless another device claimed the hand-over first.
    async fn claim_handover(&self, code: &str, claimer: &str, at: i64) -> anyhow::Result<Claimed>;

    /// The applications a hand-over moved (and still holds: a later hand-over moves them on).
    async fn handed_over(&self, code: &str) -> anyhow::Result<Vec<ApplicationRow>>;

    /// Every application of a device, oldest first.
    async fn applications_of_device(&self, device_key: &str)
        -> anyhow::Result<Vec<ApplicationRow>>;

    /// Whether `device_key` holds the application of `draft_id` by a hand-over.
    async fn handed_over_to(&self, device_key: &str, draft_id: uuid::Uuid) -> anyhow::Result<bool>;
}

#[async_trait]
impl Handovers for SqliteStorage {
    async fn handed_over_to(&self, device_key: &str, draft_id: uuid::Uuid) -> anyhow::Result<bool> {
        let found = self.first_row(
            "SELECT 1 FROM applications WHERE device_key = ?1 AND draft_id = ?2
               AND handover_code IS NOT NULL"
                .into(),
            vec![text(device_key), text(&draft_id.to_string())],
            |r| r.int(0),
        );
        Ok(found.await?.is_some())
    }

    async fn offer_handover(&self, row: HandoverRow) -> anyhow::Result<Offered> {
        self.with(move |c| {
            let tx = c.transaction()?;
            let inserted = tx.execute(
                "INSERT INTO handovers (code, device_key, secret_sha256, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                params![
                    row.code,
                    row.device_key,
                    row.secret_sha256,
                    row.created_at,
                    row.expires_at
                ],
            )?;
            let outcome = if inserted == 1 {
                Offered::New
            } else {
                let existing = sqlite::first(
                    &tx,
                    &format!("SELECT {HANDOVER_COLUMNS} FROM handovers WHERE code = ?1"),
                    [&row.code],
                    handover_row,
                )?;
                offered(existing, &row)
            };
            tx.commit()?;
            Ok(outcome)
        })
        .await
    }

    async fn handover(&self, code: &str) -> anyhow::Result<Option<HandoverRow>> {
        self.first_row(
            format!("SELECT {HANDOVER_COLUMNS} FROM handovers WHERE code = ?1"),
            vec![text(code)],
            handover_row,
        )
        .await
    }

    async fn claim_handover(&self, code: &str, claimer: &str, at: i64) -> anyhow::Result<Claimed> {
        let (code, claimer) = (code.to_owned(), claimer.to_owned());
        self.with(move |c| {
            let tx = c.transaction()?;
            let Some(row) = sqlite::first(
                &tx,
                &format!("SELECT {HANDOVER_COLUMNS} FROM handovers WHERE code = ?1"),
                [&code],
                handover_row,
            )?
            else {
                return Ok(Claimed::NoSuchHandover);
            };
            match row.claimed_by.as_deref() {
                Some(by) if by != claimer => return Ok(Claimed::Taken),
                Some(_) => {}
                None => {
                    tx.execute(
                        "UPDATE handovers SET claimed_by = ?2, claimed_at = ?3 WHERE code = ?1",
                        params![code, claimer, at],
                    )?;
                }
            }
            tx.execute(
                "UPDATE applications SET device_key = ?2, handover_code = ?3,
                    version = version + 1
                 WHERE device_key = ?1",
                params![row.device_key, claimer, code],
            )?;
            tx.execute(
                "UPDATE events SET device_key = ?2 WHERE device_key = ?1",
                params![row.device_key, claimer],
            )?;
            tx.execute(
                "UPDATE uploads SET device_key = ?2 WHERE device_key = ?1
                   AND sha256 NOT IN (SELECT sha256 FROM uploads WHERE device_key = ?2)",
                params![row.device_key, claimer],
            )?;
            tx.commit()?;
            Ok(Claimed::Moved)
        })
        .await
    }

    async fn handed_over(&self, code: &str) -> anyhow::Result<Vec<ApplicationRow>> {
        self.all_rows(
            format!(
                "SELECT {APPLICATION_COLUMNS} FROM applications WHERE handover_code = ?1
                 ORDER BY seq"
            ),
            vec![text(code)],
            application_row,
        )
        .await
    }

    async fn applications_of_device(
        &self,
        device_key: &str,
    ) -> anyhow::Result<Vec<ApplicationRow>> {
        self.all_rows(
            format!(
                "SELECT {APPLICATION_COLUMNS} FROM applications WHERE device_key = ?1
                 ORDER BY seq"
            ),
            vec![text(device_key)],
            application_row,
        )
        .await
    }
}

#[async_trait]
impl Handovers for PgStorage {
    async fn handed_over_to(&self, device_key: &str, draft_id: uuid::Uuid) -> anyhow::Result<bool> {
        let found = self
            .first_row(
                "SELECT 1::BIGINT FROM applications WHERE device_key = $1 AND draft_id = $2
                   AND handover_code IS NOT NULL",
                &[&device_key, &draft_id],
                |r| r.int(0),
            )
            .await?;
        Ok(found.is_some())
    }

    async fn offer_handover(&self, row: HandoverRow) -> anyhow::Result<Offered> {
        let inserted = self
            .exec(
                "INSERT INTO handovers (code, device_key, secret_sha256, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                &[
                    &row.code,
                    &row.device_key,
                    &row.secret_sha256,
                    &row.created_at,
                    &row.expires_at,
                ],
            )
            .await?;
        if inserted == 1 {
            return Ok(Offered::New);
        }
        Ok(offered(self.handover(&row.code).await?, &row))
    }

    async fn handover(&self, code: &str) -> anyhow::Result<Option<HandoverRow>> {
        self.first_row(
            &format!("SELECT {HANDOVER_COLUMNS} FROM handovers WHERE code = $1"),
            &[&code],
            handover_row,
        )
        .await
    }

    async fn claim_handover(&self, code: &str, claimer: &str, at: i64) -> anyhow::Result<Claimed> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let row = tx
            .query_opt(
                &format!("SELECT {HANDOVER_COLUMNS} FROM handovers WHERE code = $1 FOR UPDATE"),
                &[&code],
            )
            .await?
            .map(|r| handover_row(&r))
            .transpose()?;
        let Some(row) = row else {
            return Ok(Claimed::NoSuchHandover);
        };
        match row.claimed_by.as_deref() {
            Some(by) if by != claimer => return Ok(Claimed::Taken),
            Some(_) => {}
            None => {
                tx.execute(
                    "UPDATE handovers SET claimed_by = $2, claimed_at = $3 WHERE code = $1",
                    &[&code, &claimer, &at],
                )
                .await?;
            }
        }
        tx.execute(
            "UPDATE applications SET device_key = $2, handover_code = $3, version = version + 1
             WHERE device_key = $1",
            &[&row.device_key, &claimer, &code],
        )
        .await?;
        tx.execute(
            "UPDATE events SET device_key = $2 WHERE device_key = $1",
            &[&row.device_key, &claimer],
        )
        .await?;
        tx.execute(
            "UPDATE uploads SET device_key = $2 WHERE device_key = $1
               AND sha256 NOT IN (SELECT sha256 FROM uploads WHERE device_key = $2)",
            &[&row.device_key, &claimer],
        )
        .await?;
        tx.commit().await?;
        Ok(Claimed::Moved)
    }

    async fn handed_over(&self, code: &str) -> anyhow::Result<Vec<ApplicationRow>> {
        self.all_rows(
            &format!(
                "SELECT {APPLICATION_COLUMNS} FROM applications WHERE handover_code = $1
                 ORDER BY seq"
            ),
            &[&code],
            application_row,
        )
        .await
    }

    async fn applications_of_device(
        &self,
        device_key: &str,
    ) -> anyhow::Result<Vec<ApplicationRow>> {
        self.all_rows(
            &format!(
                "SELECT {APPLICATION_COLUMNS} FROM applications WHERE device_key = $1
                 ORDER BY seq"
            ),
            &[&device_key],
            application_row,
        )
        .await
    }
}

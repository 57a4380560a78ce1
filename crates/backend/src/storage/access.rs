//! The access log: every reading of a person's data by staff and every change to who may do
//! what at the city, with who did it. A person's device reads the entries about it (without the
//! account's name); an administrator reads them all.

use async_trait::async_trait;
use homeward_domain::sync::{AccessAction, AccessRecord, StaffRole};

use super::row::Row;
use super::sqlite::text;
use super::{PgStorage, SqliteStorage};

/// An entry to add: the record (its `seq` is ignored) and the device whose data it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccess {
    pub record: AccessRecord,
    pub device_key: Option<String>,
}

const ACCESS_COLUMNS: &str =
    "seq, at, action, role, department, reference, actor, subject FROM access_log";

fn access_row(r: &dyn Row) -> anyhow::Result<AccessRecord> {
    let action = AccessAction::from_slug(&r.text(2)?)
        .ok_or_else(|| anyhow::anyhow!("an access record of an unknown action"))?;
    let role = StaffRole::from_slug(&r.text(3)?)
        .ok_or_else(|| anyhow::anyhow!("an access record of an unknown role"))?;
    Ok(AccessRecord {
        seq: r.int(0)?,
        at: r.int(1)?,
        action,
        role,
        department: r.opt_text(4)?,
        reference: r.opt_text(5)?,
        by: Some(r.text(6)?),
        subject: r.opt_text(7)?,
    })
}

#[async_trait]
pub trait AccessLogs: Send + Sync {
    /// Adds an entry.
    async fn log_access(&self, entry: NewAccess) -> anyhow::Result<()>;

    /// Up to `limit` entries about `device_key` (every entry when None), newest first, older
    /// than `before` when given.
    async fn access_log(
        &self,
        device_key: Option<&str>,
        before: Option<i64>,
        limit: u32,
    ) -> anyhow::Result<Vec<AccessRecord>>;
}

#[async_trait]
impl AccessLogs for SqliteStorage {
    async fn log_access(&self, entry: NewAccess) -> anyhow::Result<()> {
        let r = entry.record;
        self.exec(
            "INSERT INTO access_log
                (at, action, role, department, reference, actor, subject, device_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            vec![
                r.at.into(),
                text(r.action.slug()),
                text(r.role.slug()),
                r.department.into(),
                r.reference.into(),
                r.by.unwrap_or_default().into(),
                r.subject.into(),
                entry.device_key.into(),
            ],
        )
        .await
        .map(drop)
    }

    async fn access_log(
        &self,
        device_key: Option<&str>,
        before: Option<i64>,
        limit: u32,
    ) -> anyhow::Result<Vec<AccessRecord>> {
        self.all_rows(
            format!(
                "SELECT {ACCESS_COLUMNS}
                 WHERE (?1 IS NULL OR device_key = ?1) AND (?2 IS NULL OR seq < ?2)
                 ORDER BY seq DESC LIMIT ?3"
            ),
            vec![
                device_key.map(str::to_owned).into(),
                before.into(),
                limit.into(),
            ],
            access_row,
        )
        .await
    }
}

#[async_trait]
impl AccessLogs for PgStorage {
    async fn log_access(&self, entry: NewAccess) -> anyhow::Result<()> {
        let r = entry.record;
        let by = r.by.unwrap_or_default();
        self.exec(
            "INSERT INTO access_log
                (at, action, role, department, reference, actor, subject, device_key)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                &r.at,
                &r.action.slug(),
                &r.role.slug(),
                &r.department,
                &r.reference,
                &by,
                &r.subject,
                &entry.device_key,
            ],
        )
        .await
        .map(drop)
    }

    async fn access_log(
        &self,
        device_key: Option<&str>,
        before: Option<i64>,
        limit: u32,
    ) -> anyhow::Result<Vec<AccessRecord>> {
        let limit = i64::from(limit);
        self.all_rows(
            &format!(
                "SELECT {ACCESS_COLUMNS}
                 WHERE ($1::TEXT IS NULL OR device_key = $1) AND ($2::BIGINT IS NULL OR seq < $2)
                 ORDER BY seq DESC LIMIT $3"
            ),
            &[&device_key, &before, &limit],
            access_row,
        )
        .await
    }
}

//! Resumable uploads of documents (tus): one per device and file, moved forward only from
//! where it stands.

use async_trait::async_trait;
use rusqlite::params;

use super::row::Row;
use super::{postgres, sqlite, PgStorage, SqliteStorage};

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

const COLUMNS: &str = "id, device_key, sha256, length, received_bytes, created_at";

fn upload_row(r: &dyn Row) -> anyhow::Result<UploadRow> {
    Ok(UploadRow {
        id: r.text(0)?,
        device_key: r.text(1)?,
        sha256: r.text(2)?,
        length: u64::try_from(r.int(3)?)?,
        offset: u64::try_from(r.int(4)?)?,
        created_at: r.int(5)?,
    })
}

#[async_trait]
pub trait Uploads: Send + Sync {
    /// Starts an upload of the file `sha256` from `device_key`, or returns the one already
    /// started for it (so a device that lost the upload's address resumes all the same).
    async fn create_upload(&self, candidate: UploadRow) -> anyhow::Result<UploadRow>;

    async fn upload(&self, id: &str) -> anyhow::Result<Option<UploadRow>>;

    /// The upload of file `sha256` by `device_key`, if one was started.
    async fn upload_of(&self, device_key: &str, sha256: &str) -> anyhow::Result<Option<UploadRow>>;

    /// Moves an upload's offset from `from` to `to`; false if it was not at `from` (another
    /// request moved it first).
    async fn advance_upload(&self, id: &str, from: u64, to: u64) -> anyhow::Result<bool>;
}

#[async_trait]
impl Uploads for SqliteStorage {
    async fn create_upload(&self, candidate: UploadRow) -> anyhow::Result<UploadRow> {
        self.with(move |c| {
            c.execute(
                "INSERT INTO uploads (id, device_key, sha256, length, received_bytes, created_at)
                 VALUES (?1, ?2, ?3, ?4, 0, ?5) ON CONFLICT DO NOTHING",
                params![
                    candidate.id,
                    candidate.device_key,
                    candidate.sha256,
                    i64::try_from(candidate.length)?,
                    candidate.created_at
                ],
            )?;
            sqlite::one(
                c,
                &format!("SELECT {COLUMNS} FROM uploads WHERE device_key = ?1 AND sha256 = ?2"),
                params![candidate.device_key, candidate.sha256],
                upload_row,
            )
        })
        .await
    }

    async fn upload(&self, id: &str) -> anyhow::Result<Option<UploadRow>> {
        let id = id.to_owned();
        self.with(move |c| {
            sqlite::first(
                c,
                &format!("SELECT {COLUMNS} FROM uploads WHERE id = ?1"),
                [id],
                upload_row,
            )
        })
        .await
    }

    async fn upload_of(&self, device_key: &str, sha256: &str) -> anyhow::Result<Option<UploadRow>> {
        let (d, h) = (device_key.to_owned(), sha256.to_owned());
        self.with(move |c| {
            sqlite::first(
                c,
                &format!("SELECT {COLUMNS} FROM uploads WHERE device_key = ?1 AND sha256 = ?2"),
                [d, h],
                upload_row,
            )
        })
        .await
    }

    async fn advance_upload(&self, id: &str, from: u64, to: u64) -> anyhow::Result<bool> {
        let id = id.to_owned();
        let (from, to) = (i64::try_from(from)?, i64::try_from(to)?);
        self.with(move |c| {
            let n = c.execute(
                "UPDATE uploads SET received_bytes = ?3
                 WHERE id = ?1 AND received_bytes = ?2 AND ?3 <= length",
                params![id, from, to],
            )?;
            Ok(n == 1)
        })
        .await
    }
}

#[async_trait]
impl Uploads for PgStorage {
    async fn create_upload(&self, candidate: UploadRow) -> anyhow::Result<UploadRow> {
        let client = self.client().await?;
        let length = i64::try_from(candidate.length)?;
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
                &format!("SELECT {COLUMNS} FROM uploads WHERE device_key = $1 AND sha256 = $2"),
                &[&candidate.device_key, &candidate.sha256],
            )
            .await?;
        upload_row(&row)
    }

    async fn upload(&self, id: &str) -> anyhow::Result<Option<UploadRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                &format!("SELECT {COLUMNS} FROM uploads WHERE id = $1"),
                &[&id],
            )
            .await?;
        postgres::maybe(row, upload_row)
    }

    async fn upload_of(&self, device_key: &str, sha256: &str) -> anyhow::Result<Option<UploadRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                &format!("SELECT {COLUMNS} FROM uploads WHERE device_key = $1 AND sha256 = $2"),
                &[&device_key, &sha256],
            )
            .await?;
        postgres::maybe(row, upload_row)
    }

    async fn advance_upload(&self, id: &str, from: u64, to: u64) -> anyhow::Result<bool> {
        let (from, to) = (i64::try_from(from)?, i64::try_from(to)?);
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
}

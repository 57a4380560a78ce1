//! Resumable uploads of documents (tus): one per device and file, moved forward only from
//! where it stands.

use super::row::Row;
use super::sqlite::text;
use super::{PgStorage, SqliteStorage};
use async_trait::async_trait;

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

    /// What `device_key` holds: how many uploads it has not finished, and the bytes of all its
    /// uploads announced (finished or not).
    async fn upload_usage(&self, device_key: &str) -> anyhow::Result<(u64, u64)>;

    /// Up to `limit` unfinished uploads started before `before`, oldest first: to be swept.
    async fn stale_uploads(&self, before: i64, limit: u32) -> anyhow::Result<Vec<String>>;

    /// Forgets the upload `id` if it is still unfinished; false if it finished meanwhile (or
    /// is gone).
    async fn forget_unfinished_upload(&self, id: &str) -> anyhow::Result<bool>;
}

#[async_trait]
impl Uploads for SqliteStorage {
    async fn create_upload(&self, candidate: UploadRow) -> anyhow::Result<UploadRow> {
        let (device, sha256) = (text(&candidate.device_key), text(&candidate.sha256));
        self.write_then_read(
            "INSERT INTO uploads (id, device_key, sha256, length, received_bytes, created_at)
             VALUES (?1, ?2, ?3, ?4, 0, ?5) ON CONFLICT DO NOTHING",
            format!("SELECT {COLUMNS} FROM uploads WHERE device_key = ?1 AND sha256 = ?2"),
            (
                vec![
                    text(&candidate.id),
                    device.clone(),
                    sha256.clone(),
                    i64::try_from(candidate.length)?.into(),
                    candidate.created_at.into(),
                ],
                vec![device, sha256],
            ),
            upload_row,
        )
        .await
    }

    async fn upload(&self, id: &str) -> anyhow::Result<Option<UploadRow>> {
        self.first_row(
            format!("SELECT {COLUMNS} FROM uploads WHERE id = ?1"),
            vec![text(id)],
            upload_row,
        )
        .await
    }

    async fn upload_of(&self, device_key: &str, sha256: &str) -> anyhow::Result<Option<UploadRow>> {
        self.first_row(
            format!("SELECT {COLUMNS} FROM uploads WHERE device_key = ?1 AND sha256 = ?2"),
            vec![text(device_key), text(sha256)],
            upload_row,
        )
        .await
    }

    async fn advance_upload(&self, id: &str, from: u64, to: u64) -> anyhow::Result<bool> {
        self.exec(
            "UPDATE uploads SET received_bytes = ?3
             WHERE id = ?1 AND received_bytes = ?2 AND ?3 <= length",
            vec![
                text(id),
                i64::try_from(from)?.into(),
                i64::try_from(to)?.into(),
            ],
        )
        .await
        .map(|n| n == 1)
    }

    async fn upload_usage(&self, device_key: &str) -> anyhow::Result<(u64, u64)> {
        let row = self
            .first_row(
                "SELECT count(*) FILTER (WHERE received_bytes < length), coalesce(sum(length), 0)
                 FROM uploads WHERE device_key = ?1"
                    .into(),
                vec![text(device_key)],
                |r| Ok((r.int(0)?, r.int(1)?)),
            )
            .await?
            .unwrap_or((0, 0));
        Ok((u64::try_from(row.0)?, u64::try_from(row.1)?))
    }

    async fn stale_uploads(&self, before: i64, limit: u32) -> anyhow::Result<Vec<String>> {
        self.all_rows(
            "SELECT id FROM uploads WHERE received_bytes < length AND created_at < ?1
             ORDER BY created_at LIMIT ?2"
                .into(),
            vec![before.into(), limit.into()],
            |r| r.text(0),
        )
        .await
    }

    async fn forget_unfinished_upload(&self, id: &str) -> anyhow::Result<bool> {
        self.exec(
            "DELETE FROM uploads WHERE id = ?1 AND received_bytes < length",
            vec![text(id)],
        )
        .await
        .map(|n| n == 1)
    }
}

#[async_trait]
impl Uploads for PgStorage {
    async fn create_upload(&self, candidate: UploadRow) -> anyhow::Result<UploadRow> {
        let length = i64::try_from(candidate.length)?;
        let (device, sha256) = (&candidate.device_key, &candidate.sha256);
        self.write_then_read(
            "INSERT INTO uploads (id, device_key, sha256, length, received_bytes, created_at)
             VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT DO NOTHING",
            &format!("SELECT {COLUMNS} FROM uploads WHERE device_key = $1 AND sha256 = $2"),
            (
                &[
                    &candidate.id,
                    device,
                    sha256,
                    &length,
                    &candidate.created_at,
                ],
                &[device, sha256],
            ),
            upload_row,
        )
        .await
    }

    async fn upload(&self, id: &str) -> anyhow::Result<Option<UploadRow>> {
        self.first_row(
            &format!("SELECT {COLUMNS} FROM uploads WHERE id = $1"),
            &[&id],
            upload_row,
        )
        .await
    }

    async fn upload_of(&self, device_key: &str, sha256: &str) -> anyhow::Result<Option<UploadRow>> {
        self.first_row(
            &format!("SELECT {COLUMNS} FROM uploads WHERE device_key = $1 AND sha256 = $2"),
            &[&device_key, &sha256],
            upload_row,
        )
        .await
    }

    async fn advance_upload(&self, id: &str, from: u64, to: u64) -> anyhow::Result<bool> {
        let (from, to) = (i64::try_from(from)?, i64::try_from(to)?);
        self.exec(
            "UPDATE uploads SET received_bytes = $3
             WHERE id = $1 AND received_bytes = $2 AND $3 <= length",
            &[&id, &from, &to],
        )
        .await
        .map(|n| n == 1)
    }

    async fn upload_usage(&self, device_key: &str) -> anyhow::Result<(u64, u64)> {
        let row = self
            .first_row(
                "SELECT count(*) FILTER (WHERE received_bytes < length),
                        coalesce(sum(length), 0)::BIGINT
                 FROM uploads WHERE device_key = $1",
                &[&device_key],
                |r| Ok((r.int(0)?, r.int(1)?)),
            )
            .await?
            .unwrap_or((0, 0));
        Ok((u64::try_from(row.0)?, u64::try_from(row.1)?))
    }

    async fn stale_uploads(&self, before: i64, limit: u32) -> anyhow::Result<Vec<String>> {
        let limit = i64::from(limit);
        self.all_rows(
            "SELECT id FROM uploads WHERE received_bytes < length AND created_at < $1
             ORDER BY created_at LIMIT $2",
            &[&before, &limit],
            |r| r.text(0),
        )
        .await
    }

    async fn forget_unfinished_upload(&self, id: &str) -> anyhow::Result<bool> {
        self.exec(
            "DELETE FROM uploads WHERE id = $1 AND received_bytes < length",
            &[&id],
        )
        .await
        .map(|n| n == 1)
    }
}

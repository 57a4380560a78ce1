//! Documents' bytes kept in the database itself, for backends that share one database and no
//! directory: chunks as they arrived, each where it starts in its document. See
//! [`crate::blobs::Blobs`].

use async_trait::async_trait;
use rusqlite::params;

use super::sqlite::text;
use super::{PgStorage, SqliteStorage};

#[async_trait]
pub trait BlobRows: Send + Sync {
    /// Writes `bytes` at `offset` of blob `id` (made if missing), cutting anything after them.
    async fn write_blob_at(&self, id: &str, offset: i64, bytes: Vec<u8>) -> anyhow::Result<()>;

    /// The whole blob, if there is one.
    async fn read_blob(&self, id: &str) -> anyhow::Result<Option<Vec<u8>>>;

    /// Deletes blob `id`; one that is not there is already deleted.
    async fn remove_blob(&self, id: &str) -> anyhow::Result<()>;
}

/// Everything from `offset` on goes: chunks that start there or later, and the tail of one that
/// runs past it.
const CUT_FROM: &str = "DELETE FROM blob_chunks WHERE id = ?1 AND start >= ?2";
const CUT_ACROSS: &str =
    "UPDATE blob_chunks SET bytes = substr(bytes, 1, CAST(?2 - start AS INTEGER))
    WHERE id = ?1 AND start < ?2 AND start + length(bytes) > ?2";
const ADD: &str = "INSERT INTO blob_chunks (id, start, bytes) VALUES (?1, ?2, ?3)";
const READ: &str = "SELECT bytes FROM blob_chunks WHERE id = ?1 ORDER BY start";
const REMOVE: &str = "DELETE FROM blob_chunks WHERE id = ?1";

/// `sql` with PostgreSQL's placeholders.
fn pg(sql: &str) -> String {
    sql.replace('?', "$")
}

fn joined(chunks: Vec<Vec<u8>>) -> Option<Vec<u8>> {
    (!chunks.is_empty()).then(|| chunks.concat())
}

#[async_trait]
impl BlobRows for SqliteStorage {
    async fn write_blob_at(&self, id: &str, offset: i64, bytes: Vec<u8>) -> anyhow::Result<()> {
        let id = id.to_owned();
        self.with(move |c| {
            let tx = c.transaction()?;
            tx.execute(CUT_FROM, params![id, offset])?;
            tx.execute(CUT_ACROSS, params![id, offset])?;
            tx.execute(ADD, params![id, offset, bytes])?;
            tx.commit()?;
            Ok(())
        })
        .await
    }

    async fn read_blob(&self, id: &str) -> anyhow::Result<Option<Vec<u8>>> {
        let chunks = self.all_rows(READ.into(), vec![text(id)], |r| r.blob(0));
        Ok(joined(chunks.await?))
    }

    async fn remove_blob(&self, id: &str) -> anyhow::Result<()> {
        self.exec(REMOVE, vec![text(id)]).await.map(drop)
    }
}

#[async_trait]
impl BlobRows for PgStorage {
    async fn write_blob_at(&self, id: &str, offset: i64, bytes: Vec<u8>) -> anyhow::Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute(&pg(CUT_FROM), &[&id, &offset]).await?;
        tx.execute(&pg(CUT_ACROSS), &[&id, &offset]).await?;
        tx.execute(&pg(ADD), &[&id, &offset, &bytes]).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn read_blob(&self, id: &str) -> anyhow::Result<Option<Vec<u8>>> {
        let chunks = self.all_rows(&pg(READ), &[&id], |r| r.blob(0)).await?;
        Ok(joined(chunks))
    }

    async fn remove_blob(&self, id: &str) -> anyhow::Result<()> {
        self.exec(&pg(REMOVE), &[&id]).await.map(drop)
    }
}

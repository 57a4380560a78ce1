//! Where document bytes are kept: [`BlobStore`], one file per upload in a directory by default,
//! or rows in the database ([`Blobs::Database`]) when several backend processes share it; an
//! object store can implement the same interface.

use std::future::Future;
use std::io::{Seek as _, SeekFrom, Write as _};
use std::path::PathBuf;

use anyhow::Context as _;

pub trait BlobStore: Send + Sync {
    /// Writes `bytes` at `offset` of blob `id` (made if missing), durably, cutting anything
    /// after them; returns when they are on disk.
    fn write_at(
        &self,
        id: &str,
        offset: u64,
        bytes: Vec<u8>,
    ) -> impl Future<Output = anyhow::Result<()>> + Send;

    /// The whole blob.
    fn read(&self, id: &str) -> impl Future<Output = anyhow::Result<Vec<u8>>> + Send;

    /// Deletes blob `id`; a blob that is not there is already deleted.
    fn remove(&self, id: &str) -> impl Future<Output = anyhow::Result<()>> + Send;

    /// Bytes still free where blobs are written, if the store can tell.
    fn free_bytes(&self) -> impl Future<Output = Option<u64>> + Send;
}

/// Blobs as files in a directory.
#[derive(Debug, Clone)]
pub struct DirBlobStore {
    dir: PathBuf,
}

impl DirBlobStore {
    pub fn new(dir: PathBuf) -> anyhow::Result<Self> {
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(DirBlobStore { dir })
    }

    fn path(&self, id: &str) -> anyhow::Result<PathBuf> {
        // Ids are ours (hex), but a path is never built from anything else.
        anyhow::ensure!(
            !id.is_empty() && id.chars().all(|c| c.is_ascii_hexdigit()),
            "a blob id must be hex"
        );
        Ok(self.dir.join(format!("{id}.bin")))
    }
}

impl BlobStore for DirBlobStore {
    async fn write_at(&self, id: &str, offset: u64, bytes: Vec<u8>) -> anyhow::Result<()> {
        let path = self.path(id)?;
        tokio::task::spawn_blocking(move || {
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)?;
            file.seek(SeekFrom::Start(offset))?;
            file.write_all(&bytes)?;
            file.set_len(offset + bytes.len() as u64)?;
            file.sync_data()?;
            Ok(())
        })
        .await?
    }

    async fn read(&self, id: &str) -> anyhow::Result<Vec<u8>> {
        let path = self.path(id)?;
        Ok(tokio::task::spawn_blocking(move || std::fs::read(path)).await??)
    }

    async fn remove(&self, id: &str) -> anyhow::Result<()> {
        let path = self.path(id)?;
        tokio::task::spawn_blocking(move || match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(()),
        })
        .await?
    }

    async fn free_bytes(&self) -> Option<u64> {
        let dir = self.dir.clone();
        tokio::task::spawn_blocking(move || {
            rustix::fs::statvfs(&dir)
                .ok()
                .map(|s| s.f_bavail.saturating_mul(s.f_frsize))
        })
        .await
        .ok()
        .flatten()
    }
}

/// Where this backend keeps documents: a directory of its own (the default), or the database,
/// which every backend process on it reaches (`documents_in_database`), for a city that runs
/// several.
#[derive(Debug, Clone)]
pub enum Blobs {
    Dir(DirBlobStore),
    Database(std::sync::Arc<dyn crate::storage::Storage>),
}

impl BlobStore for Blobs {
    async fn write_at(&self, id: &str, offset: u64, bytes: Vec<u8>) -> anyhow::Result<()> {
        match self {
            Blobs::Dir(d) => d.write_at(id, offset, bytes).await,
            Blobs::Database(db) => db.write_blob_at(id, i64::try_from(offset)?, bytes).await,
        }
    }

    async fn read(&self, id: &str) -> anyhow::Result<Vec<u8>> {
        match self {
            Blobs::Dir(d) => d.read(id).await,
            Blobs::Database(db) => db
                .read_blob(id)
                .await?
                .with_context(|| format!("no document {id} is stored")),
        }
    }

    async fn remove(&self, id: &str) -> anyhow::Result<()> {
        match self {
            Blobs::Dir(d) => d.remove(id).await,
            Blobs::Database(db) => db.remove_blob(id).await,
        }
    }

    async fn free_bytes(&self) -> Option<u64> {
        match self {
            Blobs::Dir(d) => d.free_bytes().await,
            // The database's own disk is the operator's to watch; a full one refuses writes,
            // which the request is told as it is for any other write.
            Blobs::Database(_) => None,
        }
    }
}

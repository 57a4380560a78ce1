//! Where document bytes are kept: [`BlobStore`], one file per upload in a directory by default;
//! an object store can implement the same interface.

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

//! The reference backend, started for real on a loopback port 0 with its own database file.

use homeward_backend::settings::DatabaseUrl;
use homeward_backend::Settings;
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running backend; dropped, it shuts down.
pub struct TestBackend {
    pub url: String,
    /// Its embedded database file.
    pub db_path: std::path::PathBuf,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<anyhow::Result<()>>>,
    _dir: TempDir,
}

impl TestBackend {
    /// Starts a backend on the current tokio runtime, on a free loopback port.
    pub async fn start() -> anyhow::Result<Self> {
        Self::start_on(0).await
    }

    /// Starts a backend on loopback `port` (0 for any free one).
    pub async fn start_on(port: u16) -> anyhow::Result<Self> {
        let dir = TempDir::new()?;
        let db_path = dir.path().join("backend.db");
        let settings = Settings::new(DatabaseUrl::Sqlite(db_path.clone()));
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        let url = format!("http://{}", listener.local_addr()?);
        let (tx, rx) = oneshot::channel();
        let handle = tokio::spawn(homeward_backend::serve(settings, listener, async {
            let _ = rx.await;
        }));
        Ok(TestBackend {
            url,
            db_path,
            shutdown: Some(tx),
            handle: Some(handle),
            _dir: dir,
        })
    }

    /// How many submissions its database holds.
    pub async fn stored_submissions(&self) -> anyhow::Result<i64> {
        use homeward_backend::storage::Storage as _;
        let db = homeward_backend::storage::SqliteStorage::open(&self.db_path).await?;
        db.count_submissions().await
    }

    /// Adds a staff account straight into its database, as `homeward-backend add-staff` does.
    pub async fn add_staff(
        &self,
        username: &str,
        password: &str,
        admin: bool,
    ) -> anyhow::Result<()> {
        let db = homeward_backend::storage::SqliteStorage::open(&self.db_path).await?;
        homeward_backend::staff::create_account(&db, username, password, admin, None)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))
    }

    /// Stops the backend and waits until it has finished.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            h.await??;
        }
        Ok(())
    }
}

impl Drop for TestBackend {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// A loopback port where nothing listens yet.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(9)
}

/// A loopback URL where nothing listens: the app sees the backend as offline.
pub fn unreachable_url() -> String {
    format!("http://127.0.0.1:{}", free_port())
}

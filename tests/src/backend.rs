//! The reference backend, started for real on a loopback port 0 with its own database file.

use homeward_backend::settings::DatabaseUrl;
use homeward_backend::Settings;
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running backend; dropped, it shuts down.
pub struct TestBackend {
    pub url: String,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<anyhow::Result<()>>>,
    _dir: TempDir,
}

impl TestBackend {
    /// Starts a backend on the current tokio runtime.
    pub async fn start() -> anyhow::Result<Self> {
        let dir = TempDir::new()?;
        let settings = Settings::new(DatabaseUrl::Sqlite(dir.path().join("backend.db")));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}", listener.local_addr()?);
        let (tx, rx) = oneshot::channel();
        let handle = tokio::spawn(homeward_backend::serve(settings, listener, async {
            let _ = rx.await;
        }));
        Ok(TestBackend {
            url,
            shutdown: Some(tx),
            handle: Some(handle),
            _dir: dir,
        })
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

/// A loopback URL where nothing listens: the app sees the backend as offline.
pub fn unreachable_url() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(9);
    format!("http://127.0.0.1:{port}")
}

//! `homeward-backend --listen 127.0.0.1:8787 --database sqlite://PATH|postgres://...`

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::Parser;
use homeward_backend::settings::DatabaseUrl;
use homeward_backend::Settings;

/// The reference city backend for Homeward.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Address to listen on.
    #[arg(long, env = "HOMEWARD_LISTEN", default_value = "127.0.0.1:8787")]
    listen: SocketAddr,
    /// Database URL: sqlite://PATH (embedded) or postgres://USER@HOST:PORT/DB.
    #[arg(
        long,
        env = "HOMEWARD_DATABASE",
        default_value = "sqlite://homeward-backend.db"
    )]
    database: DatabaseUrl,
    /// Serve this catalogue pack instead of the one compiled in.
    #[arg(long, env = "HOMEWARD_CATALOG")]
    catalog: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "homeward_backend=info".into()),
        )
        .init();
    let args = Args::parse();
    let settings = Settings {
        listen: args.listen,
        database: args.database,
        catalog: args.catalog,
    };
    let listener = tokio::net::TcpListener::bind(settings.listen)
        .await
        .with_context(|| format!("cannot listen on {}", settings.listen))?;
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    homeward_backend::serve(settings, listener, shutdown).await
}

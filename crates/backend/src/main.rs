//! `homeward-backend [--listen ADDR] [--database sqlite://PATH|postgres://...]` serves;
//! `homeward-backend add-staff --username NAME [--admin]` adds a staff account (the first
//! administrator, typically), reading the password from standard input.

use std::io::BufRead as _;
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use homeward_backend::settings::{layered, DatabaseUrl, FileSettings, Given};
use homeward_domain::sync::StaffRole;

/// The reference city backend for Homeward.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// A TOML settings file (listen, database, attachments, catalog); flags and environment
    /// variables override it.
    #[arg(long, env = "HOMEWARD_CONFIG", global = true)]
    config: Option<PathBuf>,
    /// Address to listen on [default: 127.0.0.1:8787].
    #[arg(long, env = "HOMEWARD_LISTEN", global = true)]
    listen: Option<SocketAddr>,
    /// Database URL: sqlite://PATH (embedded) or postgres://USER@HOST:PORT/DB [default:
    /// sqlite://homeward-backend.db].
    #[arg(long, env = "HOMEWARD_DATABASE", global = true)]
    database: Option<DatabaseUrl>,
    /// Serve this catalogue pack instead of the one compiled in.
    #[arg(long, env = "HOMEWARD_CATALOG", global = true)]
    catalog: Option<PathBuf>,
    /// Where uploaded documents are kept [default: `attachments` beside an SQLite database,
    /// else in the working directory].
    #[arg(long, env = "HOMEWARD_ATTACHMENTS", global = true)]
    attachments: Option<PathBuf>,
    /// The backend's key file, made on first start (mode 0600); keep it apart from the
    /// database and its backups [default: beside an SQLite database, as `NAME.keys.toml`].
    #[arg(long, env = "HOMEWARD_KEYS_FILE", global = true)]
    keys: Option<PathBuf>,
    /// Serve HTTPS with this certificate chain (PEM); needs `--tls-key`.
    #[arg(long, env = "HOMEWARD_TLS_CERT", global = true)]
    tls_cert: Option<PathBuf>,
    /// The private key (PEM) of `--tls-cert`.
    #[arg(long, env = "HOMEWARD_TLS_KEY", global = true)]
    tls_key: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the API and the console (the default).
    Serve,
    /// Add a staff account; the password (at least 12 characters) is read from standard input.
    AddStaff {
        #[arg(long)]
        username: String,
        /// Short for `--role administrator`.
        #[arg(long)]
        admin: bool,
        /// reviewer (applications), officer (also verifies identities by video) or
        /// administrator (also accounts and trusted keys) [default: reviewer].
        #[arg(long)]
        role: Option<String>,
        /// The department the account belongs to.
        #[arg(long)]
        department: Option<String>,
    },
    /// Replace the receipt key with a new one endorsed by the old (apps follow the
    /// endorsement); restart the backend to use it.
    RotateReceiptKey,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "homeward_backend=info".into()),
        )
        .init();
    homeward_backend::raise_open_files_limit();
    let args = Args::parse();
    let file = args
        .config
        .as_deref()
        .map(FileSettings::read)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let settings = layered(
        Given {
            listen: args.listen,
            database: args.database,
            attachments: args.attachments,
            catalog: args.catalog,
            keys: args.keys,
            tls_cert: args.tls_cert,
            tls_key: args.tls_key,
        },
        file,
    )
    .map_err(anyhow::Error::msg)?;
    match args.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let listener = tokio::net::TcpListener::bind(settings.listen)
                .await
                .with_context(|| format!("cannot listen on {}", settings.listen))?;
            // Ctrl-C, or SIGTERM as a service manager or container runtime sends.
            let shutdown = async {
                #[cfg(unix)]
                {
                    use tokio::signal::unix::{signal, SignalKind};
                    match signal(SignalKind::terminate()) {
                        Ok(mut term) => {
                            tokio::select! {
                                _ = tokio::signal::ctrl_c() => {}
                                _ = term.recv() => {}
                            }
                        }
                        Err(_) => {
                            let _ = tokio::signal::ctrl_c().await;
                        }
                    }
                }
                #[cfg(not(unix))]
                {
                    let _ = tokio::signal::ctrl_c().await;
                }
                tracing::info!("stopping: finishing the requests in flight");
            };
            homeward_backend::serve(settings, listener, shutdown).await
        }
        Command::AddStaff {
            username,
            admin,
            role,
            department,
        } => {
            let role = match role.as_deref() {
                Some(slug) => StaffRole::from_slug(slug).with_context(|| {
                    format!("role: expected reviewer, officer or administrator, not {slug:?}")
                })?,
                None if admin => StaffRole::Administrator,
                None => StaffRole::Reviewer,
            };
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .context("reading the password from standard input")?;
            let db = homeward_backend::storage::open(&settings.database).await?;
            homeward_backend::staff::create_account(
                db.as_ref(),
                &username,
                password.trim_end_matches(['\r', '\n']),
                role,
                department.as_deref(),
            )
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            eprintln!("staff account {username} added");
            Ok(())
        }
        Command::RotateReceiptKey => {
            let id = homeward_backend::keys::rotate_receipt_key(&settings.keys)?;
            eprintln!("receipt key rotated; the new key is {id}; restart the backend to use it");
            Ok(())
        }
    }
}

//! `homeward-backend [--listen ADDR] [--database sqlite://PATH|postgres://...]` serves;
//! `homeward-backend add-staff --username NAME [--admin]` adds a staff account (the first
//! administrator, typically), reading the password from standard input.

use std::io::BufRead as _;
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use homeward_backend::settings::DatabaseUrl;
use homeward_backend::storage::Database;
use homeward_backend::Settings;

/// The reference city backend for Homeward.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Address to listen on.
    #[arg(
        long,
        env = "HOMEWARD_LISTEN",
        default_value = "127.0.0.1:8787",
        global = true
    )]
    listen: SocketAddr,
    /// Database URL: sqlite://PATH (embedded) or postgres://USER@HOST:PORT/DB.
    #[arg(
        long,
        env = "HOMEWARD_DATABASE",
        default_value = "sqlite://homeward-backend.db",
        global = true
    )]
    database: DatabaseUrl,
    /// Serve this catalogue pack instead of the one compiled in.
    #[arg(long, env = "HOMEWARD_CATALOG", global = true)]
    catalog: Option<PathBuf>,
    /// Where uploaded documents are kept [default: `attachments` beside an SQLite database,
    /// else in the working directory].
    #[arg(long, env = "HOMEWARD_ATTACHMENTS", global = true)]
    attachments: Option<PathBuf>,
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
        /// May add other staff accounts.
        #[arg(long)]
        admin: bool,
        /// The department the account belongs to.
        #[arg(long)]
        department: Option<String>,
    },
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
    match args.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let mut settings = Settings::new(args.database);
            settings.listen = args.listen;
            settings.catalog = args.catalog;
            if let Some(dir) = args.attachments {
                settings.attachments = dir;
            }
            let listener = tokio::net::TcpListener::bind(settings.listen)
                .await
                .with_context(|| format!("cannot listen on {}", settings.listen))?;
            let shutdown = async {
                let _ = tokio::signal::ctrl_c().await;
            };
            homeward_backend::serve(settings, listener, shutdown).await
        }
        Command::AddStaff {
            username,
            admin,
            department,
        } => {
            let mut password = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut password)
                .context("reading the password from standard input")?;
            let db = Database::open(&args.database).await?;
            homeward_backend::staff::create_account(
                &db,
                &username,
                password.trim_end_matches(['\r', '\n']),
                admin,
                department.as_deref(),
            )
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            eprintln!("staff account {username} added");
            Ok(())
        }
    }
}

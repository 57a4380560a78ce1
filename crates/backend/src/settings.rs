//! Backend settings: defaults in code, overridden by command-line flags or environment variables.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the backend keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// `sqlite://PATH`: an embedded database file, the default.
    Sqlite(PathBuf),
    /// `postgres://USER[:PASSWORD]@HOST[:PORT]/DB`: a PostgreSQL server.
    Postgres(String),
}

impl std::str::FromStr for DatabaseUrl {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(path) = s.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err("sqlite:// needs a file path, as in sqlite://data/homeward.db".into());
            }
            return Ok(DatabaseUrl::Sqlite(PathBuf::from(path)));
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(s.to_owned()));
        }
        // The URL may hold a password: name only its scheme.
        let scheme = s.split_once("://").map_or("(none)", |(scheme, _)| scheme);
        Err(format!(
            "unsupported database URL scheme {scheme:?}: expected sqlite://PATH or \
             postgres://USER@HOST:PORT/DB"
        ))
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub listen: SocketAddr,
    pub database: DatabaseUrl,
    /// A catalogue pack to serve instead of the one compiled in.
    pub catalog: Option<PathBuf>,
    /// Where uploaded documents are kept.
    pub attachments: PathBuf,
}

impl Settings {
    pub fn new(database: DatabaseUrl) -> Self {
        let attachments = match &database {
            DatabaseUrl::Sqlite(path) => path
                .parent()
                .map_or_else(|| PathBuf::from("attachments"), |d| d.join("attachments")),
            DatabaseUrl::Postgres(_) => PathBuf::from("attachments"),
        };
        Settings {
            listen: SocketAddr::from(([127, 0, 0, 1], 8787)),
            database,
            catalog: None,
            attachments,
        }
    }
}

//! Backend settings: defaults in code, overridden by command-line flags or environment variables.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the backend keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// `sqlite://PATH`: an embedded database file, the default.
    Sqlite(PathBuf),
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
        Err(format!(
            "unsupported database URL {s:?}: expected sqlite://PATH"
        ))
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub listen: SocketAddr,
    pub database: DatabaseUrl,
    /// A catalogue pack to serve instead of the one compiled in.
    pub catalog: Option<PathBuf>,
}

impl Settings {
    pub fn new(database: DatabaseUrl) -> Self {
        Settings {
            listen: SocketAddr::from(([127, 0, 0, 1], 8787)),
            database,
            catalog: None,
        }
    }
}

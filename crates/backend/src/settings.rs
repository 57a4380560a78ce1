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

/// What the backend allows one connection and one request; a deployment sets any of them in
/// the settings file's `[limits]` table. The defaults suit a city's backend on the internet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Connections open at once; more are closed as they arrive.
    pub max_connections: usize,
    /// Seconds a client has to send a request's headers.
    pub header_timeout_secs: u64,
    /// Seconds a connection may read and write nothing (between requests, or mid-request).
    pub idle_timeout_secs: u64,
    /// Seconds a request may take, its body included.
    pub request_timeout_secs: u64,
    /// Seconds a chunk of a document may take on a slow line.
    pub upload_timeout_secs: u64,
    /// Seconds requests in flight may finish in once the backend is told to stop.
    pub shutdown_grace_secs: u64,
    /// The largest body a request other than a document's chunk may have, in bytes.
    pub body_bytes: usize,
    /// Bytes of documents one device may have announced, finished or not.
    pub device_upload_bytes: u64,
    /// Uploads one device may have started and not finished.
    pub device_unfinished_uploads: u64,
    /// Hours after which an unfinished upload is forgotten, its bytes deleted.
    pub unfinished_upload_hours: u64,
    /// Below this many free bytes where documents are kept, new documents are refused
    /// (`insufficient-storage`), so the disk never fills under the database.
    pub min_free_disk_bytes: u64,
    /// Devices one client address may register per hour.
    pub registrations_per_address_hour: u32,
    /// Applications one device may send per hour to services that need no proof of identity.
    pub self_asserted_per_device_hour: u32,
    /// Addresses of the proxies in front of the backend: a request from one of them is counted
    /// against the client its `X-Forwarded-For` names last, not against the proxy.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 1024,
            header_timeout_secs: 10,
            idle_timeout_secs: 60,
            request_timeout_secs: 30,
            upload_timeout_secs: 300,
            shutdown_grace_secs: 20,
            body_bytes: 256 * 1024,
            device_upload_bytes: 1 << 30,
            device_unfinished_uploads: 10,
            unfinished_upload_hours: 24,
            min_free_disk_bytes: 512 << 20,
            registrations_per_address_hour: 30,
            self_asserted_per_device_hour: 30,
            trusted_proxies: vec![],
        }
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
    /// Keep uploaded documents in the database instead of `attachments`, so that several
    /// backend processes on one database all reach them.
    pub documents_in_database: bool,
    /// The backend's key file (made on first start): keep it apart from the database and its
    /// backups.
    pub keys: PathBuf,
    /// Serve HTTPS with this certificate chain and key (PEM) rather than plain HTTP.
    pub tls: Option<TlsFiles>,
    pub limits: Limits,
}

/// A certificate chain and its private key, both PEM files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

impl Settings {
    pub fn new(database: DatabaseUrl) -> Self {
        let attachments = match &database {
            DatabaseUrl::Sqlite(path) => path
                .parent()
                .map_or_else(|| PathBuf::from("attachments"), |d| d.join("attachments")),
            DatabaseUrl::Postgres(_) => PathBuf::from("attachments"),
        };
        let keys = match &database {
            DatabaseUrl::Sqlite(path) => path.with_extension("keys.toml"),
            DatabaseUrl::Postgres(_) => PathBuf::from("homeward-backend.keys.toml"),
        };
        Settings {
            listen: SocketAddr::from(([127, 0, 0, 1], 8787)),
            database,
            catalog: None,
            attachments,
            documents_in_database: false,
            keys,
            tls: None,
            limits: Limits::default(),
        }
    }
}

/// Settings as a file states them (`homeward-backend --config FILE`, TOML): any of `listen`,
/// `database`, `attachments`, `documents_in_database`, `catalog`, `keys`, `tls_cert` with
/// `tls_key`, and a `[limits]` table. Flags and environment
/// variables override the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileSettings {
    pub listen: Option<SocketAddr>,
    pub database: Option<String>,
    pub attachments: Option<PathBuf>,
    pub documents_in_database: Option<bool>,
    pub catalog: Option<PathBuf>,
    pub keys: Option<PathBuf>,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    pub limits: Option<Limits>,
}

impl FileSettings {
    pub fn read(path: &std::path::Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot be read: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// What was given where, before layering.
#[derive(Debug, Clone, Default)]
pub struct Given {
    pub listen: Option<SocketAddr>,
    pub database: Option<DatabaseUrl>,
    pub attachments: Option<PathBuf>,
    pub catalog: Option<PathBuf>,
    pub keys: Option<PathBuf>,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
}

/// The settings in force: each from the flag or environment if given, else from the file, else
/// the default (`sqlite://homeward-backend.db` on 127.0.0.1:8787).
pub fn layered(given: Given, file: Option<FileSettings>) -> Result<Settings, String> {
    let file = file.unwrap_or_default();
    let database = match (given.database, file.database) {
        (Some(db), _) => db,
        (None, Some(text)) => text.parse().map_err(|e| format!("database: {e}"))?,
        (None, None) => DatabaseUrl::Sqlite(PathBuf::from("homeward-backend.db")),
    };
    let mut settings = Settings::new(database);
    if let Some(listen) = given.listen.or(file.listen) {
        settings.listen = listen;
    }
    if let Some(dir) = given.attachments.or(file.attachments) {
        settings.attachments = dir;
    }
    settings.documents_in_database = file.documents_in_database.unwrap_or(false);
    settings.catalog = given.catalog.or(file.catalog);
    if let Some(keys) = given.keys.or(file.keys) {
        settings.keys = keys;
    }
    settings.tls = match (
        given.tls_cert.or(file.tls_cert),
        given.tls_key.or(file.tls_key),
    ) {
        (Some(cert), Some(key)) => Some(TlsFiles { cert, key }),
        (None, None) => None,
        _ => return Err("tls_cert and tls_key: give both, or neither".into()),
    };
    if let Some(limits) = file.limits {
        if limits.max_connections == 0 || limits.body_bytes == 0 {
            return Err("limits: max_connections and body_bytes must be above 0".into());
        }
        settings.limits = limits;
    }
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_needs_both_a_certificate_and_its_key() {
        let file: FileSettings =
            toml::from_str("tls_cert = \"/etc/homeward/chain.pem\"\n").expect("parses");
        let e = layered(Given::default(), Some(file.clone())).expect_err("no key");
        assert!(e.contains("tls_key"), "{e}");
        let given = Given {
            tls_key: Some("/etc/homeward/key.pem".into()),
            ..Given::default()
        };
        let s = layered(given, Some(file)).expect("both");
        assert_eq!(
            s.tls,
            Some(TlsFiles {
                cert: "/etc/homeward/chain.pem".into(),
                key: "/etc/homeward/key.pem".into(),
            })
        );
        assert_eq!(layered(Given::default(), None).expect("neither").tls, None);
    }

    #[test]
    fn flags_and_environment_override_the_file_which_overrides_the_defaults() {
        let file: FileSettings = toml::from_str(
            "listen = \"127.0.0.1:9000\"\ndatabase = \"postgres://hw@db/hw\"\nattachments = \"/srv/docs\"\n",
        )
        .expect("parses");
        let s = layered(Given::default(), Some(file.clone())).expect("valid");
        assert_eq!(s.listen.port(), 9000);
        assert_eq!(
            s.database,
            DatabaseUrl::Postgres("postgres://hw@db/hw".into())
        );
        assert_eq!(s.attachments, PathBuf::from("/srv/docs"));
        let given = Given {
            listen: Some("127.0.0.1:9100".parse().expect("addr")),
            database: Some(DatabaseUrl::Sqlite("x.db".into())),
            ..Given::default()
        };
        let s = layered(given, Some(file)).expect("valid");
        assert_eq!(s.listen.port(), 9100);
        assert_eq!(s.database, DatabaseUrl::Sqlite("x.db".into()));
        assert_eq!(s.attachments, PathBuf::from("/srv/docs"));
        let s = layered(Given::default(), None).expect("defaults");
        assert_eq!(s.listen.port(), 8787);
        assert_eq!(
            s.database,
            DatabaseUrl::Sqlite("homeward-backend.db".into())
        );
    }

    #[test]
    fn limits_are_set_one_by_one_in_the_file_and_default_otherwise() {
        let file: FileSettings =
            toml::from_str("[limits]\nmax_connections = 50\n").expect("parses");
        let s = layered(Given::default(), Some(file)).expect("valid");
        assert_eq!(s.limits.max_connections, 50);
        assert_eq!(s.limits.body_bytes, Limits::default().body_bytes);
        assert!(toml::from_str::<FileSettings>("[limits]\nmax_conections = 5\n").is_err());
        let zero: FileSettings = toml::from_str("[limits]\nbody_bytes = 0\n").expect("parses");
        assert!(layered(Given::default(), Some(zero)).is_err());
    }

    #[test]
    fn a_file_with_an_unknown_key_or_bad_url_is_refused_with_the_reason() {
        assert!(toml::from_str::<FileSettings>("lisen = \"x\"").is_err());
        let file: FileSettings = toml::from_str("database = \"mysql://x\"").expect("parses");
        let err = layered(Given::default(), Some(file)).expect_err("refused");
        assert!(err.starts_with("database:"), "{err}");
    }
}

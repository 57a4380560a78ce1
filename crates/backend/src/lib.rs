//! The reference city backend: a library first, so tests start it on a loopback port 0 with a
//! shutdown signal, and a thin binary (`homeward-backend`) for operators.
//!
//! It serves the signed guide catalogue and, as the capabilities arrive, intake of submissions and
//! the status feed. Every error, including a malformed request, is a JSON `{code, message}` with a
//! 4xx status; details go to the log, never personal data.

mod access;
mod auth;
pub mod blobs;
mod console;
mod conversation;
mod error;
mod handover;
mod identity;
mod intake;
pub mod keys;
mod notices;
mod quota;
mod recent;
mod routes;
mod server;
pub mod settings;
pub mod staff;
mod staff_api;
pub mod storage;
mod uploads;

use std::future::Future;
use std::sync::Arc;

use tokio::net::TcpListener;

pub use error::AppError;
pub use settings::Settings;

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> i64 {
    i64::try_from(time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000)
        .unwrap_or(i64::MAX)
}

/// Shared by every request handler.
#[derive(Debug)]
pub(crate) struct AppState {
    pub db: std::sync::Arc<dyn storage::Storage>,
    pub catalog: routes::CatalogBody,
    pub keys: keys::BackendKeyring,
    pub blobs: blobs::Blobs,
    pub sign_ins: staff::SignInThrottle,
    pub hashing: staff::HashingPool,
    pub upload_turns: uploads::UploadTurns,
    pub limits: settings::Limits,
    /// Devices registered per client address.
    pub registrations: quota::Windowed,
    /// Applications to services that need no proof of identity, per device.
    pub self_asserted: quota::Windowed,
    /// Receipts looked up per client address.
    pub receipt_lookups: quota::Windowed,
    /// Messages to the office, per device.
    pub messages: quota::Windowed,
    /// Devices looked up lately, by public key.
    pub devices: recent::Recent<storage::DeviceRow>,
    /// Signers of attestations looked up lately, by kind and id.
    pub signers: recent::Recent<storage::SignerRow>,
}

impl AppState {
    /// Opens what the settings name: the database (brought up to date), the catalogue, the
    /// backend's keys and the documents' directory.
    pub(crate) async fn open(settings: &Settings) -> anyhow::Result<Self> {
        let db = storage::open(&settings.database).await?;
        Ok(AppState {
            catalog: routes::CatalogBody::load(settings.catalog.as_deref())?,
            keys: keys::BackendKeyring::load(&settings.keys, db.as_ref()).await?,
            blobs: if settings.documents_in_database {
                blobs::Blobs::Database(db.clone())
            } else {
                blobs::Blobs::Dir(blobs::DirBlobStore::new(settings.attachments.clone())?)
            },
            db,
            sign_ins: staff::SignInThrottle,
            hashing: staff::HashingPool::default(),
            upload_turns: uploads::UploadTurns::default(),
            registrations: quota::Windowed::per_hour(
                "registrations-per-address",
                settings.limits.registrations_per_address_hour,
            ),
            self_asserted: quota::Windowed::per_hour(
                "self-asserted-per-device",
                settings.limits.self_asserted_per_device_hour,
            ),
            receipt_lookups: quota::Windowed::per_hour(
                "receipt-lookups",
                handover::STATUS_LOOKUPS_PER_HOUR,
            ),
            messages: quota::Windowed::per_hour(
                "messages-per-device",
                conversation::MESSAGES_PER_DEVICE_HOUR,
            ),
            limits: settings.limits.clone(),
            devices: recent::Recent::default(),
            signers: recent::Recent::default(),
        })
    }

    /// The device registered under `public_key`, as read lately (see [`recent`]).
    pub(crate) async fn device(
        &self,
        public_key: &str,
    ) -> anyhow::Result<Option<storage::DeviceRow>> {
        self.devices
            .get_or_load(public_key, now_ms(), self.db.device(public_key))
            .await
    }

    /// The site or officer registered as `kind`/`id`, as read lately (see [`recent`]).
    pub(crate) async fn signer(
        &self,
        kind: &str,
        id: &str,
    ) -> anyhow::Result<Option<storage::SignerRow>> {
        self.signers
            .get_or_load(&signer_key(kind, id), now_ms(), self.db.signer(kind, id))
            .await
    }
}

/// A signer's key in [`AppState::signers`] (a kind is a slug, so `/` cannot occur in it).
pub(crate) fn signer_key(kind: &str, id: &str) -> String {
    format!("{kind}/{id}")
}

/// Raises this process's limit on open files to the most it may have: every connection is one,
/// and a soft limit of 1,024 (a common default) would run out before the connection cap does.
pub fn raise_open_files_limit() {
    use rustix::process::{getrlimit, setrlimit, Resource};
    let limit = getrlimit(Resource::Nofile);
    if limit.current < limit.maximum {
        let raised = rustix::process::Rlimit {
            current: limit.maximum,
            maximum: limit.maximum,
        };
        if let Err(e) = setrlimit(Resource::Nofile, raised) {
            tracing::warn!(error = %e, "the limit on open files could not be raised");
        }
    }
}

/// Serves on `listener` until `shutdown` completes, then finishes the requests in flight (for
/// as long as the settings' grace period allows).
pub async fn serve(
    settings: Settings,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let tls = settings
        .tls
        .as_ref()
        .map(server::tls_acceptor)
        .transpose()?;
    let state = Arc::new(AppState::open(&settings).await?);
    let sweeper = tokio::spawn(uploads::sweep(state.clone()));
    let app = server::layered(routes::router(state), &settings.limits);
    let scheme = if tls.is_some() { "https" } else { "http" };
    tracing::info!(addr = %listener.local_addr()?, scheme, "homeward-backend listening");
    let served = server::run(listener, app, &settings.limits, tls, shutdown).await;
    sweeper.abort();
    served
}

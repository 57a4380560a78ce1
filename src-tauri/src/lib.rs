//! The Tauri shell: opens the installation, then hands every command to `homeward-core`, and
//! tells the UI what changed without being asked.
//!
//! Nothing here decides a business rule. A command takes its arguments, calls one method of
//! [`homeward_core::Homeward`], and returns its result or a `{code, message}` error. Changes
//! the UI did not ask for (the outbox's progress, the city's news, the backend coming and going,
//! a newer catalogue) are pushed as the events `homeward_domain::ipc` declares.

mod commands;
mod memory;
mod process_age;
mod started;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use homeward_core::{Config, Homeward};
use homeward_domain::ipc::{
    BackendStatusChanged, CatalogueUpdated, Event, FeedEventsArrived, NoticesUpdated,
    OutboxItemChanged, WalkInHandedOver,
};
use homeward_domain::{ApiError, BackendStatus, ErrorCode};
use tauri::{AppHandle, Emitter as _, Manager as _};

/// Set at start: the installation, or why it could not be opened (shown to the person).
pub struct Shell {
    /// The installation, once opened: it is opened beside the web view's start, and a command
    /// that comes first waits for it.
    core: Arc<OnceLock<Result<Arc<Homeward>, ApiError>>>,
    /// On a site's laptop: the walk-in being served, whose installation the person's commands
    /// go to.
    walk_in: Mutex<Option<WalkIn>>,
    /// Where the installation lives (`--data-dir`, else the platform's app data directory).
    data_dir: PathBuf,
    /// Where files made for the person (PDFs) are saved: `--export-dir`, else the downloads
    /// folder.
    export_dir: PathBuf,
}

/// A walk-in session being served, and the flag that stops its sending when it ends.
#[derive(Clone)]
pub(crate) struct WalkIn {
    id: uuid::Uuid,
    core: Arc<Homeward>,
    stop: Arc<AtomicBool>,
}

impl Shell {
    /// The installation itself (on a site's laptop, the site's).
    fn site(&self) -> Result<Arc<Homeward>, ApiError> {
        self.core.wait().clone()
    }

    /// The installation the person's commands go to: while a walk-in is served (and the desk is
    /// open, which each command keeps open), the walk-in's own; otherwise this one.
    fn core(&self) -> Result<Arc<Homeward>, ApiError> {
        let site = self.site()?;
        match self.walk_in() {
            Some(walk_in) => {
                site.touch_desk()?;
                Ok(walk_in.core)
            }
            None => Ok(site),
        }
    }

    /// The site, for what only volunteers may do (volunteers, the log, leaving site mode): closed
    /// while a walk-in is served, whose screens are in the person's hands.
    fn desk_admin(&self) -> Result<Arc<Homeward>, ApiError> {
        if self.walk_in().is_some() {
            return Err(walk_in_active());
        }
        self.site()
    }

    fn walk_in(&self) -> Option<WalkIn> {
        self.walk_in
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    fn set_walk_in(&self, walk_in: Option<WalkIn>) -> Option<WalkIn> {
        std::mem::replace(
            &mut self
                .walk_in
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
            walk_in,
        )
    }

    /// Where files made for the person go: a walk-in's inside their session's folder, wiped
    /// with it; otherwise the export folder.
    fn export_dir(&self) -> PathBuf {
        match self.walk_in() {
            Some(w) => self
                .data_dir
                .join(homeward_core::walkin::WALK_INS_DIR)
                .join(w.id.to_string())
                .join("exports"),
            None => self.export_dir.clone(),
        }
    }
}

/// `--data-dir DIR` and `--export-dir DIR`, or `HOMEWARD_DATA_DIR` and `HOMEWARD_EXPORT_DIR`;
/// and, in a development build only (see [`development_option`]), `--backend-url URL` (or
/// `city=URL,city=URL`),
/// `--cities FILE` and `--tls-root FILE`, or `HOMEWARD_BACKEND_URL`, `HOMEWARD_CITIES` and
/// `HOMEWARD_TLS_ROOT`.
fn option(name: &str, env: &str) -> Option<String> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == name {
            return args.next();
        }
        if let Some(value) = arg.strip_prefix(&format!("{name}=")) {
            return Some(value.to_owned());
        }
    }
    std::env::var(env).ok().filter(|v| !v.is_empty())
}

/// An option for development and tests (another backend, another certificate authority, a
/// shorter idle lock): taken in a development build (debug, or made with `HOMEWARD_DEMO_BUILD`)
/// only, so nothing on a person's machine can redirect or weaken an installed app.
fn development_option(name: &str, env: &str) -> Option<String> {
    let value = option(name, env)?;
    if homeward_core::remote::DEVELOPMENT_BUILD {
        Some(value)
    } else {
        tracing::warn!("{name} is for development builds only and is ignored");
        None
    }
}

/// Where the installation is, and which cities and backends it may talk to.
fn core_config(data_dir: PathBuf) -> Result<Config, ApiError> {
    let read = |what: &str, path: &str| {
        std::fs::read(path)
            .map_err(|e| ApiError::new(ErrorCode::InvalidInput, format!("{what}: {path}: {e}")))
    };
    let bundled = Config::new(&data_dir)?;
    let (cities, notice_signers) = match development_option("--cities", "HOMEWARD_CITIES") {
        Some(path) => {
            let trusted = homeward_core::catalog::trusted_key()
                .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
            let list = homeward_core::catalog::verify_cities(&read("cities", &path)?, &trusted)
                .map_err(|e| ApiError::new(ErrorCode::InvalidInput, format!("cities: {e}")))?;
            (list.cities, list.notice_signers)
        }
        None => (bundled.cities, bundled.notice_signers),
    };
    let mut config = Config {
        cities,
        notice_signers,
        fixed_backends: Default::default(),
        extra_root_pem: development_option("--tls-root", "HOMEWARD_TLS_ROOT")
            .map(|path| read("tls-root", &path))
            .transpose()?,
        // Tests lock a site's desk after seconds rather than minutes.
        idle_lock: development_option("--idle-lock-seconds", "HOMEWARD_IDLE_LOCK_SECONDS")
            .and_then(|s| s.parse().ok())
            .map_or(
                homeward_core::desk::IDLE_LOCK,
                std::time::Duration::from_secs,
            ),
        data_dir,
    };
    if let Some(value) = development_option("--backend-url", "HOMEWARD_BACKEND_URL") {
        config.fixed_backends = config.parse_fixed_backends(&value)?;
    }
    Ok(config)
}

/// Pushes `payload` to the UI as the event `E`.
fn emit<E: Event>(app: &AppHandle, payload: &E::Payload) {
    if let Err(e) = app.emit(E::NAME, payload) {
        tracing::warn!("the event {} was not sent: {e}", E::NAME);
    }
}

/// Checks the backend and takes a newer catalogue from it; tells the UI if it can now be
/// reached or not, or if the catalogue changed.
pub(crate) async fn check_backend(app: &AppHandle, core: &Homeward) -> BackendStatus {
    let (before, version) = (core.backend_status(), core.pack().version);
    let status = core.refresh().await;
    if status != before {
        emit::<BackendStatusChanged>(app, &status);
    }
    let now = core.pack().version;
    if now != version {
        emit::<CatalogueUpdated>(app, &now);
    }
    if matches!(status, BackendStatus::Online { .. }) {
        check_notices(app, core).await;
    }
    status
}

/// Fetches the notices with the catalogue; tells the UI when they changed, and raises a system
/// notification for each new safety alert for the person's country.
async fn check_notices(app: &AppHandle, core: &Homeward) {
    let refreshed = match core.refresh_notices().await {
        Ok(r) => r,
        Err(e) => {
            tracing::info!(code = ?e.code(), "notices not fetched: {e}");
            return;
        }
    };
    if refreshed.changed || !refreshed.alerts.is_empty() {
        emit::<NoticesUpdated>(app, &());
    }
    for alert in &refreshed.alerts {
        if let Ok((title, body)) = core.alert_notification_text(alert) {
            notify(app, title, body);
        }
    }
}

/// Raises a system notification; where the system has none, says so in the log only.
fn notify(app: &AppHandle, title: String, body: String) {
    use tauri_plugin_notification::NotificationExt as _;
    if let Err(e) = app.notification().builder().title(title).body(body).show() {
        tracing::info!("no system notification: {e}");
    }
}

/// For as long as the app runs: checks the backend at once and every 30 seconds, on its own,
/// so a slow answer never holds up sending.
async fn check_in_background(app: AppHandle, core: Arc<Homeward>) {
    loop {
        check_backend(&app, &core).await;
        tokio::time::sleep(std::time::Duration::from_secs(30)).await;
    }
}

/// For as long as the app runs: sends what the outbox holds whenever the backend can be
/// reached, and every few passes asks the status feed what happened, passing the news to the UI
/// and raising a system notification for each change of status.
async fn sync_in_background(app: AppHandle, core: Arc<Homeward>, stop: Arc<AtomicBool>) {
    const PASS: std::time::Duration = std::time::Duration::from_secs(3);
    const FEED_EVERY: u32 = 3;
    for pass in 0u32.. {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        match core.sync_tick().await {
            Ok(report) if report != Default::default() => {
                tracing::info!(
                    delivered = report.delivered,
                    waiting = report.waiting,
                    set_aside = report.set_aside,
                    "outbox pass"
                );
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(code = ?e.code(), "outbox pass failed: {e}"),
        }
        if pass % FEED_EVERY == 0 {
            match core.poll_status().await {
                Ok(events) => {
                    if !events.is_empty() {
                        emit::<FeedEventsArrived>(&app, &events);
                    }
                    for event in &events {
                        if let Ok(Some((title, body))) = core.notification_text(event) {
                            notify(&app, title, body);
                        }
                    }
                }
                Err(e) => tracing::debug!(code = ?e.code(), "status feed not read: {e}"),
            }
        }
        tokio::time::sleep(PASS).await;
    }
}

/// Refuses what cannot be done while a walk-in is served.
pub(crate) fn walk_in_active() -> ApiError {
    ApiError::new(
        ErrorCode::InvalidInput,
        "walk-in-active: a walk-in is being served; end their session first",
    )
}

/// Sends what a sealed walk-in session holds, nobody watching, and wipes it once the backend
/// has acknowledged everything.
async fn send_sealed(site: Arc<Homeward>, id: uuid::Uuid, session: Arc<Homeward>) {
    const PASS: std::time::Duration = std::time::Duration::from_secs(10);
    loop {
        if let Err(e) = session.sync_tick().await {
            tracing::debug!(code = ?e.code(), "a sealed walk-in's pass failed: {e}");
        }
        match site.finish_sealed_walk_in(id, &session) {
            Ok(true) => return,
            Ok(false) => {}
            Err(e) => tracing::warn!(code = ?e.code(), "a sealed walk-in not finished: {e}"),
        }
        tokio::time::sleep(PASS).await;
    }
}

/// Starts sending for a walk-in being served, telling the UI of its outbox as of the site's.
pub(crate) fn serve_walk_in(app: &AppHandle, id: uuid::Uuid, core: Homeward) -> WalkIn {
    let core = Arc::new(core);
    let handle = app.clone();
    core.watch_outbox(move |item| emit::<OutboxItemChanged>(&handle, item));
    let stop = Arc::new(AtomicBool::new(false));
    tauri::async_runtime::spawn(sync_in_background(
        app.clone(),
        Arc::clone(&core),
        Arc::clone(&stop),
    ));
    tauri::async_runtime::spawn(end_when_handed_over(
        app.clone(),
        id,
        Arc::clone(&core),
        Arc::clone(&stop),
    ));
    WalkIn { id, core, stop }
}

/// While a walk-in is served and their receipt is out: once the person has taken the
/// applications over to their own phone, the session ends itself (wiped) and the desk is back.
async fn end_when_handed_over(
    app: AppHandle,
    id: uuid::Uuid,
    session: Arc<Homeward>,
    stop: Arc<AtomicBool>,
) {
    use tauri::Manager as _;
    const PASS: std::time::Duration = std::time::Duration::from_secs(4);
    while !stop.load(Ordering::SeqCst) {
        tokio::time::sleep(PASS).await;
        match session.handed_over().await {
            Ok(true) => {}
            Ok(false) => continue,
            Err(e) => {
                tracing::debug!(code = ?e.code(), "hand-over not known yet: {e}");
                continue;
            }
        }
        let shell = app.state::<Shell>();
        if shell.walk_in().is_none_or(|w| w.id != id) {
            return;
        }
        let Ok(site) = shell.site() else { return };
        match site.end_handed_over_walk_in(id, &session) {
            Ok(true) => {
                if let Err(e) = walk_in_ended(&shell, homeward_domain::desk::WalkInEnd::HandedOver)
                {
                    tracing::warn!(code = ?e.code, "a handed-over walk-in not closed: {e:?}");
                }
                emit::<WalkInHandedOver>(&app, &id);
                return;
            }
            Ok(false) => {}
            Err(e) => tracing::warn!(code = ?e.code(), "a handed-over walk-in not wiped: {e}"),
        }
    }
}

/// The walk-in sessions the site sealed before it last stopped: sent, then wiped.
fn send_sealed_at_start(site: &Arc<Homeward>) {
    let sealed = site
        .walk_ins()
        .unwrap_or_default()
        .into_iter()
        .filter(|w| w.state == homeward_domain::desk::WalkInState::Sealed);
    for walk_in in sealed {
        match site.sealed_walk_in(walk_in.id) {
            Ok(session) => {
                tauri::async_runtime::spawn(send_sealed(
                    Arc::clone(site),
                    walk_in.id,
                    Arc::new(session),
                ));
            }
            Err(e) => tracing::warn!(code = ?e.code(), "a sealed walk-in cannot be opened: {e}"),
        }
    }
}

/// Ends the walk-in being served: stops its sending, and if it was sealed, sends on until the
/// backend acknowledges it and then wipes it.
pub(crate) fn walk_in_ended(
    shell: &Shell,
    end: homeward_domain::desk::WalkInEnd,
) -> Result<(), ApiError> {
    let site = shell.site()?;
    if let Some(walk_in) = shell.set_walk_in(None) {
        walk_in.stop.store(true, Ordering::SeqCst);
        if end == homeward_domain::desk::WalkInEnd::Sealed {
            tauri::async_runtime::spawn(send_sealed(site, walk_in.id, walk_in.core));
        }
    }
    Ok(())
}

/// The identifier the app had before `org.homeward.client`; its data directory is named after it.
const EARLIER_IDENTIFIER: &str = "org.homeward.app";

/// Moves the data directory of an installation made under the earlier identifier to where this
/// build keeps its data, if there is nothing there yet: the person's drafts follow the app across
/// the rename (its keys are filed under a name that did not change). Answers whether it moved.
fn adopt_earlier_data_dir(
    earlier: &std::path::Path,
    dir: &std::path::Path,
) -> std::io::Result<bool> {
    if dir.exists() || !earlier.is_dir() {
        return Ok(false);
    }
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::rename(earlier, dir)?;
    tracing::info!("the data directory moved with the app's new identifier");
    Ok(true)
}

/// Opens the installation (its keys from the keyring, the database, the catalogue) on a thread
/// of its own while the main thread starts the web view and loads the UI, then starts sending
/// and checking in the background. Commands wait for it in [`Shell::site`]; it is always set,
/// to the installation or to why it could not be opened.
fn open_beside_the_web_view(
    app: AppHandle,
    data_dir: PathBuf,
    slot: Arc<OnceLock<Result<Arc<Homeward>, ApiError>>>,
) {
    let unopened = Arc::clone(&slot);
    let open = move || {
        let core = std::panic::catch_unwind(|| {
            core_config(data_dir).and_then(|config| Homeward::open(&config).map_err(ApiError::from))
        })
        .unwrap_or_else(|_| Err(ApiError::new(ErrorCode::Internal, "opening failed")))
        .map(Arc::new)
        .inspect_err(|e| {
            tracing::error!(code = ?e.code, "cannot open the installation: {}", e.message);
        });
        started::mark(homeward_domain::display::StartStep::InstallationOpen);
        let core = slot.get_or_init(|| core);
        if let Ok(core) = core {
            let handle = app.clone();
            core.watch_outbox(move |item| emit::<OutboxItemChanged>(&handle, item));
            let core = Arc::clone(core);
            tauri::async_runtime::spawn(async move {
                // The backend's check and the outbox's sending wait for the first screen (or
                // two seconds): their connections are set up on the cores the web view starts on.
                started::after_first_paint(std::time::Duration::from_secs(2)).await;
                send_sealed_at_start(&core);
                tauri::async_runtime::spawn(check_in_background(app.clone(), Arc::clone(&core)));
                tauri::async_runtime::spawn(sync_in_background(
                    app,
                    core,
                    Arc::new(AtomicBool::new(false)),
                ));
            });
        }
    };
    if let Err(e) = std::thread::Builder::new().name("open".into()).spawn(open) {
        // Without a thread, the commands would wait for good: say so instead.
        tracing::error!("cannot start opening the installation: {e}");
        let _ = unopened.set(Err(ApiError::new(ErrorCode::Internal, e.to_string())));
    }
}

#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    started::begin();
    memory::give_large_blocks_back();
    memory::paint_without_gpu_compositing();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "homeward=info,homeward_core=info,homeward_app=info".into()),
        )
        .init();

    let result = tauri::Builder::default()
        // Opens tel: and mailto: links in the phone's dialer or the mail client, and saved PDFs.
        .plugin(tauri_plugin_opener::init())
        // Tells the person when the city decides on an application.
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            let data_dir = match option("--data-dir", "HOMEWARD_DATA_DIR") {
                Some(dir) => PathBuf::from(dir),
                None => {
                    let dir = app.path().app_data_dir()?;
                    adopt_earlier_data_dir(&dir.with_file_name(EARLIER_IDENTIFIER), &dir)?;
                    dir
                }
            };
            let export_dir = match option("--export-dir", "HOMEWARD_EXPORT_DIR") {
                Some(dir) => PathBuf::from(dir),
                None => app
                    .path()
                    .download_dir()
                    .or_else(|_| app.path().document_dir())
                    .or_else(|_| app.path().app_data_dir())?,
            };
            let core = Arc::new(OnceLock::new());
            open_beside_the_web_view(app.handle().clone(), data_dir.clone(), Arc::clone(&core));
            app.manage(Shell {
                core,
                walk_in: Mutex::new(None),
                data_dir,
                export_dir,
            });
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        tracing::error!("the app stopped with an error: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::adopt_earlier_data_dir;

    #[test]
    fn data_made_under_the_earlier_identifier_follows_the_app_once() {
        let root = tempfile::TempDir::new().expect("tempdir");
        let (earlier, dir) = (
            root.path().join("org.homeward.app"),
            root.path().join("org.homeward.client"),
        );
        // Nothing earlier: nothing to do.
        assert!(!adopt_earlier_data_dir(&earlier, &dir).expect("checked"));
        std::fs::create_dir(&earlier).expect("earlier dir");
        std::fs::write(earlier.join("homeward.db"), b"drafts").expect("earlier data");
        assert!(adopt_earlier_data_dir(&earlier, &dir).expect("moved"));
        assert_eq!(
            std::fs::read(dir.join("homeward.db")).expect("moved data"),
            b"drafts"
        );
        assert!(!earlier.exists());
        // Data in the new place is never replaced by an earlier copy.
        std::fs::create_dir(&earlier).expect("earlier again");
        std::fs::write(earlier.join("homeward.db"), b"older").expect("older data");
        assert!(!adopt_earlier_data_dir(&earlier, &dir).expect("checked"));
        assert_eq!(
            std::fs::read(dir.join("homeward.db")).expect("data"),
            b"drafts"
        );
    }
}

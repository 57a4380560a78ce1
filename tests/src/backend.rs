//! The reference backend, started for real on a loopback port 0 with its own database file.

use anyhow::Context as _;
use homeward_backend::settings::{DatabaseUrl, Limits};
use homeward_backend::Settings;
use homeward_domain::sync::StaffRole;
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running backend; dropped, it shuts down.
pub struct TestBackend {
    pub url: String,
    database: DatabaseUrl,
    settings: Settings,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<anyhow::Result<()>>>,
    /// The authority its certificate is signed by (PEM), when it serves HTTPS.
    ca_pem: Option<String>,
    _dir: TempDir,
}

impl TestBackend {
    /// Starts a backend on the current tokio runtime, on a free loopback port.
    pub async fn start() -> anyhow::Result<Self> {
        Self::start_on(0).await
    }

    /// Starts a backend on loopback `port` (0 for any free one).
    pub async fn start_on(port: u16) -> anyhow::Result<Self> {
        Self::start_with(port, None).await
    }

    /// Starts a backend on `port` with `database`, or an SQLite file of its own.
    pub async fn start_with(port: u16, database: Option<DatabaseUrl>) -> anyhow::Result<Self> {
        Self::start_full(port, database, None, Limits::default()).await
    }

    /// Starts a backend for a load from this one machine: [`TestBackend::start_with`] with no
    /// limit per hour on registrations and applications (every client shares an address).
    pub async fn start_for_load(database: Option<DatabaseUrl>) -> anyhow::Result<Self> {
        let limits = Limits {
            registrations_per_address_hour: u32::MAX,
            self_asserted_per_device_hour: u32::MAX,
            ..Limits::default()
        };
        Self::start_full(0, database, None, limits).await
    }

    /// Starts a backend with these limits, on SQLite.
    pub async fn start_limited(limits: Limits) -> anyhow::Result<Self> {
        Self::start_full(0, None, None, limits).await
    }

    /// Starts a backend serving the signed pack `catalog` instead of the bundled one.
    pub async fn start_serving(catalog: &[u8]) -> anyhow::Result<Self> {
        Self::start_full(0, None, Some(catalog), Limits::default()).await
    }

    /// Starts a backend on SQLite with its database, documents and keys in a new directory
    /// under `parent` (a filesystem a test controls), with these limits.
    pub async fn start_in(parent: &std::path::Path, limits: Limits) -> anyhow::Result<Self> {
        Self::start_full_in(TempDir::new_in(parent)?, 0, None, None, limits, None).await
    }

    /// Starts a backend on SQLite that serves HTTPS on `127.0.0.1` with a certificate of a
    /// certificate authority made for the test; answers it with that authority's certificate
    /// (PEM), for the client to trust.
    pub async fn start_https() -> anyhow::Result<(Self, String)> {
        let dir = TempDir::new()?;
        let ca_key = rcgen::KeyPair::generate()?;
        let mut ca = rcgen::CertificateParams::new(Vec::<String>::new())?;
        ca.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca.distinguished_name
            .push(rcgen::DnType::CommonName, "Homeward test authority");
        let ca = ca.self_signed(&ca_key)?;
        let key = rcgen::KeyPair::generate()?;
        let cert = rcgen::CertificateParams::new(vec!["127.0.0.1".into(), "localhost".into()])?
            .signed_by(&key, &ca, &ca_key)?;
        let files = homeward_backend::settings::TlsFiles {
            cert: dir.path().join("server.pem"),
            key: dir.path().join("server.key"),
        };
        std::fs::write(&files.cert, cert.pem())?;
        std::fs::write(&files.key, key.serialize_pem())?;
        let mut backend =
            Self::start_full_in(dir, 0, None, None, Limits::default(), Some(files)).await?;
        backend.url = backend.url.replacen("http://", "https://", 1);
        backend.ca_pem = Some(ca.pem());
        Ok((backend, ca.pem()))
    }

    async fn start_full(
        port: u16,
        database: Option<DatabaseUrl>,
        catalog: Option<&[u8]>,
        limits: Limits,
    ) -> anyhow::Result<Self> {
        Self::start_full_in(TempDir::new()?, port, database, catalog, limits, None).await
    }

    async fn start_full_in(
        dir: TempDir,
        port: u16,
        database: Option<DatabaseUrl>,
        catalog: Option<&[u8]>,
        limits: Limits,
        tls: Option<homeward_backend::settings::TlsFiles>,
    ) -> anyhow::Result<Self> {
        let db_path = dir.path().join("backend.db");
        let mut settings =
            Settings::new(database.unwrap_or_else(|| DatabaseUrl::Sqlite(db_path.clone())));
        settings.attachments = dir.path().join("attachments");
        settings.keys = dir.path().join("backend.keys.toml");
        settings.limits = limits;
        settings.tls = tls;
        if let Some(bytes) = catalog {
            let path = dir.path().join("catalog.json");
            std::fs::write(&path, bytes)?;
            settings.catalog = Some(path);
        }
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        let url = format!("http://{}", listener.local_addr()?);
        let (tx, handle) = serve(settings.clone(), listener);
        Ok(TestBackend {
            url,
            database: settings.database.clone(),
            settings,
            shutdown: Some(tx),
            handle: Some(handle),
            ca_pem: None,
            _dir: dir,
        })
    }

    /// Stops serving (the address refuses connections) until [`TestBackend::resume`].
    pub async fn pause(&mut self) -> anyhow::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            h.await??;
        }
        Ok(())
    }

    /// Serves again, on the same address with the same data, after [`TestBackend::pause`].
    pub async fn resume(&mut self) -> anyhow::Result<()> {
        let listener = tokio::net::TcpListener::bind(self.addr()).await?;
        let (tx, handle) = serve(self.settings.clone(), listener);
        self.shutdown = Some(tx);
        self.handle = Some(handle);
        Ok(())
    }

    /// Stops the backend, does `change` to its key file (its path is given), and starts it
    /// again on the same address with the same data.
    pub async fn restart_after(
        &mut self,
        change: impl FnOnce(&std::path::Path) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        self.pause().await?;
        change(&self.settings.keys)?;
        self.resume().await
    }

    /// How many submissions its database holds.
    pub async fn stored_submissions(&self) -> anyhow::Result<i64> {
        self.database().await?.count_submissions().await
    }

    /// Its database, opened beside it.
    pub async fn database(
        &self,
    ) -> anyhow::Result<std::sync::Arc<dyn homeward_backend::storage::Storage>> {
        homeward_backend::storage::open(&self.database).await
    }

    /// As if restored from a backup taken before any document arrived: forgets every upload,
    /// its record and its bytes. SQLite only.
    pub fn lose_uploads(&self) -> anyhow::Result<()> {
        let DatabaseUrl::Sqlite(path) = &self.database else {
            anyhow::bail!("uploads are lost by hand only from an SQLite backend");
        };
        rusqlite::Connection::open(path)?.execute("DELETE FROM uploads", [])?;
        let attachments = self._dir.path().join("attachments");
        for entry in std::fs::read_dir(&attachments)? {
            std::fs::remove_file(entry?.path())?;
        }
        Ok(())
    }

    /// The bytes stored for the upload `id` (the last part of its address).
    pub fn stored_upload(&self, id: &str) -> anyhow::Result<Vec<u8>> {
        Ok(std::fs::read(
            self._dir
                .path()
                .join("attachments")
                .join(format!("{id}.bin")),
        )?)
    }

    /// The key its receipts are signed with, as it publishes it at `/v1/keys`.
    pub async fn receipt_key(&self) -> anyhow::Result<ed25519_dalek::VerifyingKey> {
        let keys: homeward_domain::sync::BackendKeys = self
            .client()?
            .get(format!("{}/v1/keys", self.url))
            .send()
            .await?
            .json()
            .await?;
        homeward_domain::identity::parse_public_key(&keys.receipt_key)
            .ok_or_else(|| anyhow::anyhow!("the receipt key is not an Ed25519 key"))
    }

    /// An HTTP client that trusts its certificate, if it has one.
    pub fn client(&self) -> anyhow::Result<reqwest::Client> {
        let mut builder = reqwest::Client::builder();
        if let Some(pem) = &self.ca_pem {
            builder = builder.add_root_certificate(reqwest::Certificate::from_pem(pem.as_bytes())?);
        }
        Ok(builder.build()?)
    }

    /// The address it listens on.
    pub fn addr(&self) -> std::net::SocketAddr {
        self.url
            .trim_start_matches("http://")
            .trim_start_matches("https://")
            .parse()
            .expect("a loopback address")
    }

    /// Adds a staff account straight into its database, as `homeward-backend add-staff` does:
    /// an administrator, or else an officer (who reviews applications and verifies identities).
    pub async fn add_staff(
        &self,
        username: &str,
        password: &str,
        admin: bool,
    ) -> anyhow::Result<()> {
        let role = if admin {
            StaffRole::Administrator
        } else {
            StaffRole::Officer
        };
        self.add_staff_as(username, password, role, None).await
    }

    /// Adds a staff account with this role and department.
    pub async fn add_staff_as(
        &self,
        username: &str,
        password: &str,
        role: StaffRole,
        department: Option<&str>,
    ) -> anyhow::Result<()> {
        let db = self.database().await?;
        homeward_backend::staff::create_account(db.as_ref(), username, password, role, department)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))
    }

    /// Registers a liaison site's key straight into its database, as an administrator would
    /// through the staff API.
    pub async fn register_site(
        &self,
        id: &str,
        key: &ed25519_dalek::SigningKey,
    ) -> anyhow::Result<()> {
        let added = self
            .database()
            .await?
            .add_signer(homeward_backend::storage::SignerRow {
                kind: "site".into(),
                id: id.into(),
                name: format!("Liaison site {id}"),
                public_key: homeward_domain::identity::public_key_b64(key),
                registered_at: 0,
                revoked_at: None,
            })
            .await?;
        anyhow::ensure!(added, "site {id} was registered already");
        Ok(())
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

type Serving = (oneshot::Sender<()>, JoinHandle<anyhow::Result<()>>);

/// Serves `settings` on `listener` until the sender is used or dropped.
fn serve(settings: Settings, listener: tokio::net::TcpListener) -> Serving {
    let (tx, rx) = oneshot::channel();
    let handle = tokio::spawn(homeward_backend::serve(settings, listener, async {
        let _ = rx.await;
    }));
    (tx, handle)
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

/// The back-office console, driven over HTTP as a browser would: a session cookie, and the
/// CSRF token each form carries.
pub struct Console {
    http: reqwest::Client,
    base: String,
    cookie: String,
}

impl Console {
    /// Signs in through the console's form.
    pub async fn sign_in(base: &str, username: &str, password: &str) -> anyhow::Result<Console> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        let resp = http
            .post(format!("{base}/console/login"))
            .form(&[("username", username), ("password", password)])
            .send()
            .await?;
        anyhow::ensure!(resp.status() == 303, "sign-in refused: {}", resp.status());
        let cookie = resp
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .ok_or_else(|| anyhow::anyhow!("no session cookie"))?
            .to_owned();
        Ok(Console {
            http,
            base: base.to_owned(),
            cookie,
        })
    }

    /// The session cookie, as `name=value`, for requests made by hand.
    pub fn cookie(&self) -> &str {
        &self.cookie
    }

    /// A console page's HTML.
    pub async fn page(&self, path: &str) -> anyhow::Result<String> {
        let resp = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .send()
            .await?;
        anyhow::ensure!(resp.status() == 200, "{path}: {}", resp.status());
        Ok(resp.text().await?)
    }

    /// The reference of the most recently changed application in the list.
    pub async fn latest_reference(&self) -> anyhow::Result<String> {
        let list = self.page("/console").await?;
        quoted_after(&list, "data-reference=\"").context("no application listed")
    }

    /// Opens the page at `page` and submits its form to `action` with `fields` and the page's
    /// CSRF token, as a browser does; the status of the answer.
    pub async fn submit_form(
        &self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> anyhow::Result<u16> {
        let html = self.page(page).await?;
        let csrf = quoted_after(&html, "name=\"csrf\" value=\"")
            .with_context(|| format!("no CSRF token on {page}"))?;
        let mut form = vec![("csrf", csrf.as_str())];
        // The version an application's forms carry, as a browser would send it.
        let version = quoted_after(&html, "name=\"version\" value=\"");
        if let Some(version) = &version {
            form.push(("version", version.as_str()));
        }
        form.extend_from_slice(fields);
        let resp = self
            .http
            .post(format!("{}{action}", self.base))
            .header("cookie", &self.cookie)
            .form(&form)
            .send()
            .await?;
        Ok(resp.status().as_u16())
    }

    /// Opens the application's conversation and answers the applicant through its form, with a
    /// document attached if one is given (its file name and bytes), as a browser sends it
    /// (multipart); the status of the answer.
    pub async fn reply(
        &self,
        reference: &str,
        text: &str,
        document: Option<(&str, &[u8])>,
    ) -> anyhow::Result<u16> {
        let page = format!("/console/applications/{reference}/conversation");
        let html = self.page(&page).await?;
        let csrf = quoted_after(&html, "name=\"csrf\" value=\"")
            .with_context(|| format!("no CSRF token on {page}"))?;
        let boundary = "homeward-test-boundary-7f3a";
        let mut body = vec![];
        for (name, value) in [("csrf", csrf.as_str()), ("text", text)] {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        let (file_name, bytes) = document.unwrap_or(("", b""));
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"document\"; \
                 filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let resp = self
            .http
            .post(format!("{}{page}", self.base))
            .header("cookie", &self.cookie)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await?;
        Ok(resp.status().as_u16())
    }

    /// Opens the application and submits the decision form.
    pub async fn decide(&self, reference: &str, status: &str, message: &str) -> anyhow::Result<()> {
        let page = format!("/console/applications/{reference}");
        let status = self
            .submit_form(
                &page,
                &format!("{page}/decision"),
                &[("status", status), ("message", message)],
            )
            .await?;
        anyhow::ensure!(status == 303, "decision refused: {status}");
        Ok(())
    }

    /// The page of the oldest open video request.
    pub async fn oldest_video_request(&self) -> anyhow::Result<String> {
        let list = self.page("/console/proofing").await?;
        let id = quoted_after(&list, "href=\"/console/proofing/").context("no request waiting")?;
        Ok(format!("/console/proofing/{id}"))
    }

    /// Closes the oldest open video request without verifying the person (no answer).
    pub async fn decline_oldest_video_request(&self) -> anyhow::Result<()> {
        let page = self.oldest_video_request().await?;
        let status = self
            .submit_form(&page, &format!("{page}/decline"), &[])
            .await?;
        anyhow::ensure!(status == 303, "declining refused: {status}");
        Ok(())
    }

    /// Verifies the person of the oldest open video request, as an officer does after the call.
    pub async fn attest_oldest_video_request(&self) -> anyhow::Result<()> {
        let page = self.oldest_video_request().await?;
        let status = self
            .submit_form(
                &page,
                &format!("{page}/attest"),
                &[
                    ("level", "remote-attended"),
                    ("passport", "1"),
                    ("confirm", "1"),
                ],
            )
            .await?;
        anyhow::ensure!(status == 303, "attestation refused: {status}");
        Ok(())
    }
}

/// The text from just after the first `marker` in `html` up to the next double quote: an
/// attribute's value.
pub fn quoted_after(html: &str, marker: &str) -> Option<String> {
    html.split(marker)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .map(str::to_owned)
}

/// Watches the session bus for desktop notifications the app raises (`dbus-monitor`), whether
/// or not a notification server is there to show them.
pub struct NotificationWatch {
    child: std::process::Child,
    log: std::path::PathBuf,
    _dir: TempDir,
}

impl NotificationWatch {
    pub fn start() -> anyhow::Result<Self> {
        let dir = TempDir::new()?;
        let log = dir.path().join("notifications.log");
        let child = std::process::Command::new("dbus-monitor")
            .args([
                "--session",
                "interface='org.freedesktop.Notifications',member='Notify'",
            ])
            .stdout(std::fs::File::create(&log)?)
            .stderr(std::process::Stdio::null())
            .spawn()?;
        Ok(NotificationWatch {
            child,
            log,
            _dir: dir,
        })
    }

    /// Whether a notification containing `text` was raised.
    pub fn seen(&self, text: &str) -> bool {
        std::fs::read_to_string(&self.log).is_ok_and(|log| log.contains(text))
    }
}

impl Drop for NotificationWatch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh, empty database on the PostgreSQL server the test command starts
/// (`HOMEWARD_TEST_POSTGRES`).
pub async fn fresh_postgres() -> anyhow::Result<DatabaseUrl> {
    let url = std::env::var("HOMEWARD_TEST_POSTGRES").map_err(|_| {
        anyhow::anyhow!("HOMEWARD_TEST_POSTGRES is not set: run `cargo xtask test`")
    })?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_nanos();
    let name = format!("t_{}_{nanos}", std::process::id());
    let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await?;
    tokio::spawn(connection);
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await?;
    let (base, _) = url
        .rsplit_once('/')
        .ok_or_else(|| anyhow::anyhow!("no database in {url}"))?;
    Ok(DatabaseUrl::Postgres(format!("{base}/{name}")))
}

/// A bearer token for the staff API, signed in as `username`.
pub async fn staff_token(url: &str, username: &str, password: &str) -> anyhow::Result<String> {
    let token: homeward_domain::staff::StaffToken = reqwest::Client::new()
        .post(format!("{url}/v1/staff/sessions"))
        .json(&serde_json::json!({ "username": username, "password": password }))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(format!("Bearer {}", token.token))
}

/// Registers a liaison site's key through the staff API, as an administrator does.
pub async fn register_site(
    url: &str,
    auth: &str,
    id: &str,
    public_key: &str,
) -> anyhow::Result<()> {
    reqwest::Client::new()
        .post(format!("{url}/v1/staff/signers"))
        .header("authorization", auth)
        .json(&serde_json::json!({ "id": id, "name": format!("Liaison site {id}"), "public_key": public_key }))
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// Revokes a site's or officer's key through the staff API.
pub async fn revoke_signer(url: &str, auth: &str, kind: &str, id: &str) -> anyhow::Result<()> {
    reqwest::Client::new()
        .post(format!("{url}/v1/staff/signers/{kind}/{id}/revoke"))
        .header("authorization", auth)
        .send()
        .await?
        .error_for_status()?;
    Ok(())
}

/// The `homeward-backend` binary, built if it is not there yet: `HOMEWARD_BACKEND_BIN`, else
/// the debug build in the target directory.
pub fn backend_binary() -> anyhow::Result<std::path::PathBuf> {
    debug_binary(
        "HOMEWARD_BACKEND_BIN",
        "homeward-backend",
        "homeward-backend",
    )
}

/// The `homeward` command line, built if it is not there yet: `HOMEWARD_CLI_BIN`, else the
/// debug build in the target directory.
pub fn cli_binary() -> anyhow::Result<std::path::PathBuf> {
    debug_binary("HOMEWARD_CLI_BIN", "homeward-cli", "homeward")
}

/// The binary `bin` of `package`: where `env` says, else the debug build in the target
/// directory, built first if it is not there.
fn debug_binary(env: &str, package: &str, bin: &str) -> anyhow::Result<std::path::PathBuf> {
    if let Some(path) = std::env::var_os(env) {
        return Ok(path.into());
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || crate::repo_root().join("target"),
        std::path::PathBuf::from,
    );
    let path = target.join("debug").join(bin);
    if !path.exists() {
        let status = std::process::Command::new(env!("CARGO"))
            .current_dir(crate::repo_root())
            .args(["build", "--package", package, "--bin", bin])
            .status()?;
        anyhow::ensure!(status.success(), "building {bin} failed");
    }
    Ok(path)
}

/// Runs `homeward --lang en ARGS` from the repository's root with an administrator's token
/// (as `homeward admin login` prints it); fails unless it succeeds.
pub fn run_cli(token: &str, args: &[&str]) -> anyhow::Result<String> {
    let out = std::process::Command::new(cli_binary()?)
        .current_dir(crate::repo_root())
        .args(["--lang", "en"])
        .args(args)
        .env("HOMEWARD_ADMIN_TOKEN", token.trim_start_matches("Bearer "))
        .output()?;
    anyhow::ensure!(
        out.status.success(),
        "homeward {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// What a backend holds after a fault campaign: `expected` applications, one per draft, each
/// stored exactly once, and every document complete with the bytes its SHA-256 announced.
/// `attachments` is the directory the backend keeps documents in, or none when it keeps them in
/// the database.
pub async fn assert_each_stored_once(
    db: &dyn homeward_backend::storage::Storage,
    attachments: Option<&std::path::Path>,
    expected: usize,
) {
    use sha2::{Digest as _, Sha256};
    let apps = db
        .applications(homeward_backend::storage::ApplicationFilter {
            limit: u32::try_from(expected + 100).expect("a small number"),
            ..Default::default()
        })
        .await
        .expect("the applications");
    assert_eq!(apps.len(), expected, "one application per draft sent");
    let drafts: std::collections::BTreeSet<_> = apps
        .iter()
        .map(|a| (a.device_key.clone(), a.draft_id))
        .collect();
    assert_eq!(drafts.len(), expected, "no draft arrived twice");
    for app in &apps {
        let submissions = db.submissions(app.seq).await.expect("its submissions");
        assert_eq!(submissions.len(), 1, "stored once");
        let submission: homeward_domain::sync::Submission =
            serde_json::from_slice(&submissions[0].body).expect("a submission");
        for material in &submission.materials {
            let upload = db
                .upload_of(&app.device_key, &material.sha256)
                .await
                .expect("the upload")
                .expect("uploaded");
            assert!(upload.is_complete());
            let bytes = match attachments {
                Some(dir) => std::fs::read(dir.join(format!("{}.bin", upload.id)))
                    .expect("the document's bytes"),
                None => db
                    .read_blob(&upload.id)
                    .await
                    .expect("the database answers")
                    .expect("the document's bytes"),
            };
            assert_eq!(
                hex::encode(Sha256::digest(&bytes)),
                material.sha256,
                "the document is whole"
            );
        }
    }
}

impl TestBackend {
    /// Where it keeps documents.
    pub fn attachments(&self) -> &std::path::Path {
        &self.settings.attachments
    }
}

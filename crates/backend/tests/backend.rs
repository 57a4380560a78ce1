//! The backend, started for real on a loopback port 0, answering real HTTP.

use homeward_backend::settings::DatabaseUrl;
use homeward_backend::Settings;
use homeward_domain::{ApiError, ErrorCode, Health};
use tempfile::TempDir;

#[path = "support/postgres.rs"]
mod support;

struct Running {
    url: String,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
    _dir: TempDir,
}

async fn start() -> Running {
    let dir = TempDir::new().expect("tempdir");
    let settings = Settings::new(DatabaseUrl::Sqlite(dir.path().join("data/backend.db")));
    start_with(settings, dir).await
}

/// Serves `settings` on a loopback port of its own; `dir` lives as long as it runs.
async fn start_with(settings: Settings, dir: TempDir) -> Running {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let (stop, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(homeward_backend::serve(settings, listener, async {
        let _ = rx.await;
    }));
    Running {
        url,
        stop,
        task,
        _dir: dir,
    }
}

impl Running {
    async fn shutdown(self) {
        let _ = self.stop.send(());
        self.task.await.expect("join").expect("clean shutdown");
    }
}

#[tokio::test]
async fn healthz_answers_ok() {
    let server = start().await;
    let health: Health = reqwest::get(format!("{}/healthz", server.url))
        .await
        .expect("request")
        .json()
        .await
        .expect("json");
    assert_eq!(health.status, "ok");
    server.shutdown().await;
}

#[tokio::test]
async fn the_catalogue_is_served_with_an_etag_and_not_resent_when_unchanged() {
    let server = start().await;
    let client = reqwest::Client::new();
    let resp = client
        .get(format!("{}/v1/catalog", server.url))
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), 200);
    let etag = resp
        .headers()
        .get("etag")
        .expect("etag")
        .to_str()
        .expect("ascii")
        .to_owned();
    assert_eq!(
        resp.headers().get("content-type").expect("a content type"),
        "application/vnd.homeward.pack"
    );
    let body = resp.bytes().await.expect("the pack");
    assert!(homeward_catalog::is_compact(&body), "served compact");
    let served = homeward_catalog::verify(&body, &homeward_catalog::trusted_key().expect("key"))
        .expect("the served pack verifies against the bundled key");
    assert!(!served.pack().guides.is_empty());

    let again = client
        .get(format!("{}/v1/catalog", server.url))
        .header("if-none-match", &etag)
        .send()
        .await
        .expect("request");
    assert_eq!(again.status(), 304);
    server.shutdown().await;
}

#[tokio::test]
async fn unknown_routes_and_wrong_methods_get_a_json_error_not_a_5xx() {
    let server = start().await;
    let client = reqwest::Client::new();
    for (method, path, status, code) in [
        (
            reqwest::Method::GET,
            "/v1/nothing-here",
            404,
            ErrorCode::NotFound,
        ),
        (
            reqwest::Method::DELETE,
            "/healthz",
            405,
            ErrorCode::InvalidInput,
        ),
        (
            reqwest::Method::POST,
            "/v1/catalog",
            405,
            ErrorCode::InvalidInput,
        ),
    ] {
        let resp = client
            .request(method.clone(), format!("{}{path}", server.url))
            .send()
            .await
            .expect("request");
        assert_eq!(resp.status().as_u16(), status, "{method} {path}");
        let err: ApiError = resp.json().await.expect("JSON error body");
        assert_eq!(err.code, code, "{method} {path}");
    }
    server.shutdown().await;
}

#[test]
fn database_urls_name_sqlite_or_postgres_and_anything_else_is_refused_with_a_reason() {
    let err = "mysql://root:secret@x/db"
        .parse::<DatabaseUrl>()
        .expect_err("refused");
    assert!(
        err.contains("sqlite://") && err.contains("postgres://"),
        "{err}"
    );
    assert!(!err.contains("secret"), "a password is never echoed: {err}");
    assert!("sqlite://".parse::<DatabaseUrl>().is_err());
    assert_eq!(
        "postgres://hw@127.0.0.1:5432/hw".parse::<DatabaseUrl>(),
        Ok(DatabaseUrl::Postgres(
            "postgres://hw@127.0.0.1:5432/hw".into()
        ))
    );
}

/// The OpenAPI document is served, and every operation it describes exists: each answers an
/// empty request with something other than "no such route" or "method not allowed", and never
/// with a 5xx.
#[tokio::test]
async fn the_openapi_document_is_served_and_describes_routes_that_exist() {
    let server = start().await;
    let client = reqwest::Client::new();
    let doc: serde_json::Value = client
        .get(format!("{}/openapi.json", server.url))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().expect("paths");
    assert!(paths.len() >= 12, "every route is described");
    for path in homeward_domain::wire::path::ALL {
        assert!(paths.contains_key(path), "{path} is described");
    }
    let codes: Vec<&str> = doc["components"]["schemas"]["Error"]["properties"]["code"]["enum"]
        .as_array()
        .expect("the error codes")
        .iter()
        .filter_map(serde_json::Value::as_str)
        .collect();
    let all: Vec<&str> = homeward_domain::ErrorCode::ALL
        .iter()
        .map(|c| c.slug())
        .collect();
    assert_eq!(codes, all, "every error code is described, in order");
    for (path, ops) in paths {
        let concrete = path
            .replace("{id}", "00ff")
            .replace("{reference}", "HW-2026-0000001");
        for method in ops.as_object().expect("operations").keys() {
            if method == "parameters" {
                continue;
            }
            let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            let resp = client
                .request(m, format!("{}{concrete}", server.url))
                .send()
                .await
                .expect("request");
            let status = resp.status().as_u16();
            assert!(status < 500, "{method} {path}: {status}");
            assert_ne!(status, 405, "{method} {path} is routed");
            if status == 404 && method != "head" {
                let e: ApiError = resp.json().await.expect("JSON error");
                assert!(!e.message.contains("route"), "{method} {path} is routed");
            }
        }
    }
    server.shutdown().await;
}

/// Two backend processes on one PostgreSQL database count every limit together: a client
/// reaching one and then the other gets no more than from one alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: run by `cargo xtask test`"]
async fn two_backends_on_one_database_count_limits_together() {
    use base64::Engine as _;
    let database = support::fresh_database_url().await;
    let shared = TempDir::new().expect("tempdir");
    let mut backends = vec![];
    for n in 0..2 {
        let mut settings = Settings::new(DatabaseUrl::Postgres(database.clone()));
        settings.limits.registrations_per_address_hour = 3;
        settings.keys = shared.path().join("backend.keys.toml");
        settings.attachments = shared.path().join(format!("documents-{n}"));
        backends.push(start_with(settings, TempDir::new().expect("tempdir")).await);
    }
    let http = reqwest::Client::new();
    for b in &mut backends {
        let mut waited = 0;
        while http.get(format!("{}/healthz", b.url)).send().await.is_err() {
            if b.task.is_finished() {
                let ended = (&mut b.task).await.expect("join");
                panic!("a backend stopped while starting: {ended:?}");
            }
            waited += 1;
            assert!(waited < 600, "a backend did not answer within 30 s");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
    let register = |at: usize, n: u8| {
        let key = ed25519_dalek::SigningKey::from_bytes(&[n; 32]);
        let body = serde_json::json!({
            "public_key": base64::engine::general_purpose::STANDARD
                .encode(key.verifying_key().as_bytes())
        });
        http.post(format!("{}/v1/devices", backends[at].url))
            .json(&body)
            .send()
    };
    // Three devices from this address, through either backend; the fourth is refused by both.
    for (at, n) in [(0, 1), (1, 2), (0, 3)] {
        assert_eq!(register(at, n).await.expect("answer").status(), 201);
    }
    for at in [0, 1] {
        let refused = register(at, 9).await.expect("answer");
        assert_eq!(refused.status(), 429);
        let error: ApiError = refused.json().await.expect("a JSON error");
        assert_eq!(error.code, ErrorCode::QuotaExceeded);
    }
    // Five failed sign-ins for one name, spread over both; the sixth is refused by both.
    let sign_in = |at: usize| {
        http.post(format!("{}/v1/staff/sessions", backends[at].url))
            .json(&serde_json::json!({ "username": "li", "password": "not this one" }))
            .send()
    };
    for at in [0, 1, 0, 1, 1] {
        assert_eq!(sign_in(at).await.expect("answer").status(), 401);
    }
    for at in [0, 1] {
        let refused = sign_in(at).await.expect("answer");
        assert_eq!(refused.status(), 429);
        let error: ApiError = refused.json().await.expect("a JSON error");
        assert_eq!(error.code, ErrorCode::TooManyAttempts);
    }
    for b in backends {
        b.shutdown().await;
    }
}

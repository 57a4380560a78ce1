//! A signing proxy on loopback, between an API fuzzer and the backend: every request that
//! carries a device key header is signed again, for real, by a registered device (so the fuzzer's
//! bodies, queries and headers reach past the signature checks into the handlers), and staff
//! API calls carry a signed-in administrator's token. It keeps a tally of the answers: any 5xx,
//! any error whose body is not the project's `{code, message}` JSON, and any request the backend
//! did not answer at all.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse as _, Response};
use ed25519_dalek::SigningKey;
use homeward_domain::wire::{self, tus};

/// What went through the proxy.
#[derive(Debug, Default)]
pub struct Tally {
    /// Answers by status.
    pub by_status: BTreeMap<u16, usize>,
    /// Requests the proxy signed, and how many of those got past the signature checks.
    pub signed: usize,
    pub signed_accepted: usize,
    /// `METHOD path -> status` of every 5xx.
    pub server_errors: Vec<String>,
    /// `METHOD path -> status` of every 4xx or 5xx whose body is not the project's JSON error.
    pub not_json: Vec<String>,
    /// `METHOD path` of every request the backend did not answer.
    pub unanswered: Vec<String>,
}

struct Shared {
    backend: String,
    device: SigningKey,
    staff_token: String,
    http: reqwest::Client,
    tally: Mutex<Tally>,
}

pub struct SigningProxy {
    pub url: String,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl SigningProxy {
    /// Starts the proxy in front of `backend`, signing as `device` (already registered there)
    /// and calling the staff API with `staff_token` (`Bearer ...`).
    pub async fn start(
        backend: &str,
        device: SigningKey,
        staff_token: String,
    ) -> anyhow::Result<Self> {
        let shared = Arc::new(Shared {
            backend: backend.trim_end_matches('/').to_owned(),
            device,
            staff_token,
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(std::time::Duration::from_secs(60))
                .build()?,
            tally: Mutex::new(Tally::default()),
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}", listener.local_addr()?);
        let app = axum::Router::new()
            .fallback(forward)
            .with_state(shared.clone());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(SigningProxy { url, shared, task })
    }

    /// What went through so far.
    pub fn tally(&self) -> std::sync::MutexGuard<'_, Tally> {
        self.shared.tally.lock().expect("the tally")
    }
}

impl Drop for SigningProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// What the backend binds a signature to, read from the headers as it reads them: a
/// submission's idempotency key, the SHA-256 an upload is created for, or nothing.
fn binding(method: &str, path: &str, headers: &HeaderMap) -> String {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    match (method, path) {
        ("POST", wire::path::SUBMISSIONS) => text(wire::header::IDEMPOTENCY_KEY)
            .map(str::trim)
            .unwrap_or_default()
            .to_owned(),
        ("POST", wire::path::UPLOADS) => text(tus::header::UPLOAD_METADATA)
            .and_then(tus::metadata_sha256)
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Not passed on: the connection's own headers, and `Accept-Encoding`, so that every answer
/// can be read here as it was written (compression has tests of its own).
const HOP_BY_HOP: [HeaderName; 5] = [
    header::HOST,
    header::CONTENT_LENGTH,
    header::CONNECTION,
    header::TRANSFER_ENCODING,
    header::ACCEPT_ENCODING,
];

async fn forward(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let method = parts.method.as_str().to_owned();
    let path = parts.uri.path().to_owned();
    let target = parts
        .uri
        .path_and_query()
        .map_or_else(|| path.clone(), |p| p.as_str().to_owned());
    let seen = format!("{method} {path}");
    let Ok(body) = axum::body::to_bytes(body, 64 << 20).await else {
        return StatusCode::BAD_GATEWAY.into_response();
    };
    let mut headers = parts.headers.clone();
    for name in HOP_BY_HOP {
        headers.remove(name);
    }
    let signs = headers.contains_key(wire::header::KEY);
    if signs {
        let bound = binding(&method, &path, &headers);
        let request = wire::Request {
            method: wire::Method::parse(&method).unwrap_or(wire::Method::Post),
            target: &target,
            binding: &bound,
            body: &body,
        };
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
        for (name, value) in wire::sign(&shared.device, &request, now) {
            // The binding goes as it came (the fuzzer's own idempotency key).
            if name == wire::header::IDEMPOTENCY_KEY {
                continue;
            }
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.insert(name, value);
            }
        }
    }
    if path.starts_with("/v1/staff/") && path != wire::path::STAFF_SESSIONS {
        if let Ok(value) = HeaderValue::from_str(&shared.staff_token) {
            headers.insert(header::AUTHORIZATION, value);
        }
    }
    let answer = shared
        .http
        .request(parts.method.clone(), format!("{}{target}", shared.backend))
        .headers(headers)
        .body(body)
        .send()
        .await;
    let answer = match answer {
        Ok(answer) => answer,
        Err(e) => {
            shared
                .tally
                .lock()
                .expect("the tally")
                .unanswered
                .push(format!("{seen}: {e}"));
            return StatusCode::BAD_GATEWAY.into_response();
        }
    };
    let status = answer.status();
    let mut out_headers = answer.headers().clone();
    for name in HOP_BY_HOP {
        out_headers.remove(name);
    }
    let bytes = answer.bytes().await.unwrap_or_default();
    {
        let mut tally = shared.tally.lock().expect("the tally");
        *tally.by_status.entry(status.as_u16()).or_default() += 1;
        let line = format!("{seen} -> {status}");
        if signs {
            tally.signed += 1;
            if status != StatusCode::UNAUTHORIZED {
                tally.signed_accepted += 1;
            }
        }
        if status.is_server_error() {
            tally.server_errors.push(line.clone());
        }
        // A HEAD answer has no body to be JSON.
        if (status.is_client_error() || status.is_server_error())
            && method != "HEAD"
            && serde_json::from_slice::<homeward_domain::ApiError>(&bytes).is_err()
        {
            tally.not_json.push(line);
        }
    }
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = status;
    *response.headers_mut() = out_headers;
    response
}

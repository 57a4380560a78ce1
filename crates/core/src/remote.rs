//! The city backend, seen from the device. Every call has a short connect timeout: the app must
//! stay responsive on a poor connection and fall back to what it has.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ed25519_dalek::SigningKey;
use homeward_domain::sync::{AccessLog, BackendKeys, DeviceRegistration, Feed, SignedReceipt};
use homeward_domain::wire::{self, path, tus, Method, Request};
use homeward_domain::{ApiError, Health};
use reqwest::header::{HeaderName, CONTENT_TYPE};

use crate::error::{CoreError, Result};

/// The largest document the device takes from its backend.
const MAX_DOCUMENT_BYTES: usize = homeward_domain::conversation::MAX_OFFICE_DOCUMENT_BYTES;

#[derive(Debug, Clone)]
pub struct Remote {
    base: String,
    http: reqwest::Client,
    /// The backend's clock minus this device's, as its last answer told (milliseconds).
    clock_offset_ms: Arc<AtomicI64>,
}

/// A catalogue pack as it came over the wire, not yet parsed or trusted.
#[derive(Debug)]
pub struct FetchedPack {
    pub bytes: Vec<u8>,
    pub etag: Option<String>,
}

/// Whether this is a build for development, tests or a demonstration (a debug build, or one
/// made with `HOMEWARD_DEMO_BUILD`): only such a build takes a backend address or a root
/// certificate from its command line or environment, or talks plain HTTP to this machine.
pub const DEVELOPMENT_BUILD: bool = cfg!(debug_assertions) || crate::catalog::DEMO_BUILD;

/// Whether the app may talk to `base_url`: over HTTPS, or, in a [`DEVELOPMENT_BUILD`], over
/// plain HTTP to this very machine. Anything else would send people's data where anyone on the
/// way can read it.
pub fn check_backend_url(base_url: &str) -> Result<()> {
    let refused = |reason: &str| CoreError::InvalidInput {
        field: "backend-url",
        reason: reason.to_owned(),
    };
    let url = reqwest::Url::parse(base_url.trim())
        .map_err(|_| refused("expected an address such as https://city.example"))?;
    let loopback = || {
        url.host_str().is_some_and(|host| {
            host.eq_ignore_ascii_case("localhost")
                || host
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        })
    };
    match url.scheme() {
        "https" if url.host_str().is_some() => Ok(()),
        "http" if loopback() && DEVELOPMENT_BUILD => Ok(()),
        "http" => Err(refused(
            "plain http:// is allowed only to this computer; the city's server needs https://",
        )),
        _ => Err(refused("expected an https:// address")),
    }
}

impl Remote {
    /// A client for the backend at `base_url`. `extra_root` (PEM) is one more certificate
    /// authority to trust beside the public ones: a test's own, in a [`DEVELOPMENT_BUILD`] only.
    pub fn new(base_url: &str, extra_root: Option<&[u8]>) -> Result<Self> {
        check_backend_url(base_url)?;
        let mut builder = reqwest::Client::builder();
        if let Some(pem) = extra_root.filter(|_| DEVELOPMENT_BUILD) {
            let cert =
                reqwest::Certificate::from_pem(pem).map_err(|_| CoreError::InvalidInput {
                    field: "backend-url",
                    reason: "the extra root certificate is not PEM".into(),
                })?;
            builder = builder.add_root_certificate(cert);
        }
        let http = builder
            .https_only(!DEVELOPMENT_BUILD)
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(30))
            .user_agent(concat!("homeward/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| CoreError::Offline(e.to_string()))?;
        Ok(Remote {
            base: base_url.trim_end_matches('/').to_owned(),
            http,
            clock_offset_ms: Arc::default(),
        })
    }

    pub async fn health(&self) -> Result<Health> {
        let resp = self.send(self.get(path::HEALTH)).await?;
        json(check(resp).await?).await
    }

    /// The backend's current pack; `None` when it is the one named by `etag`. A body larger than
    /// [`MAX_PACK_BYTES`] is refused as it arrives.
    pub async fn catalog(&self, etag: Option<&str>) -> Result<Option<FetchedPack>> {
        let mut req = self.get(path::CATALOG);
        if let Some(tag) = etag {
            req = req.header(reqwest::header::IF_NONE_MATCH, tag);
        }
        let resp = self.send(req).await?;
        if resp.status() == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(None);
        }
        let resp = check(resp).await?;
        let etag = resp
            .headers()
            .get(reqwest::header::ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = capped(resp, MAX_PACK_BYTES, "catalogue").await?;
        Ok(Some(FetchedPack { bytes, etag }))
    }

    /// Every signer's latest notices feed; `None` when it is what `etag` names. A body larger
    /// than [`MAX_FEEDS`] feeds of the largest size is refused as it arrives, not after.
    ///
    /// [`MAX_FEEDS`]: homeward_domain::notice::MAX_FEEDS
    pub async fn notices(&self, etag: Option<&str>) -> Result<Option<FetchedPack>> {
        use homeward_domain::notice::{MAX_FEEDS, MAX_FEED_BYTES};
        const LIMIT: usize = MAX_FEEDS * MAX_FEED_BYTES + 1024;
        let mut req = self.get(path::NOTICES);
        if let Some(tag) = etag {
            req = req.header(reqwest::header::IF_NONE_MATCH, tag);
        }
        let resp = self.send(req).await?;
        if resp.status() == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(None);
        }
        let resp = check(resp).await?;
        let etag = resp
            .headers()
            .get(reqwest::header::ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = capped(resp, LIMIT, "notices feed").await?;
        Ok(Some(FetchedPack { bytes, etag }))
    }

    /// The backend's public keys (the one that signs receipts).
    pub async fn keys(&self) -> Result<BackendKeys> {
        json(check(self.send(self.get(path::KEYS)).await?).await?).await
    }

    /// Makes this device's key known to the backend (again is harmless).
    pub async fn register_device(&self, public_key: &str) -> Result<()> {
        let body = DeviceRegistration {
            public_key: public_key.to_owned(),
        };
        let resp = self
            .send(self.http.post(self.url(path::DEVICES)).json(&body))
            .await?;
        check(resp).await.map(drop)
    }

    /// The backend's address, without a trailing slash.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// `req`, signed now by `key`, ready to send; `unsigned` headers go along outside the
    /// signature (tus's own, which the signature's digest and binding already cover).
    fn signed(
        &self,
        key: &SigningKey,
        req: Request<'_>,
        unsigned: &[(HeaderName, String)],
    ) -> reqwest::RequestBuilder {
        let method = match req.method {
            Method::Get => reqwest::Method::GET,
            Method::Head => reqwest::Method::HEAD,
            Method::Post => reqwest::Method::POST,
            Method::Patch => reqwest::Method::PATCH,
        };
        let mut builder = self.http.request(method, self.url(req.target));
        for (name, value) in wire::sign(key, &req, self.backend_now_ms() / 1000) {
            builder = builder.header(name, value);
        }
        for (name, value) in unsigned {
            builder = builder.header(name, value);
        }
        if !req.body.is_empty() {
            builder = builder.body(req.body.to_vec());
        }
        builder
    }

    /// Sends a frozen submission or message to `target`, signed by `key`; the backend's signed
    /// receipt back.
    pub async fn submit(
        &self,
        key: &SigningKey,
        target: &str,
        idempotency_key: &str,
        body: &[u8],
    ) -> Result<SignedReceipt> {
        let req = Request {
            method: Method::Post,
            target,
            binding: idempotency_key,
            body,
        };
        self.send_json(self.signed(key, req, &[json_type()])).await
    }

    /// POSTs a JSON `body` to `path`, signed by `key`; the JSON answer.
    pub async fn post_signed<T: serde::de::DeserializeOwned>(
        &self,
        key: &SigningKey,
        path: &str,
        body: &[u8],
    ) -> Result<T> {
        let req = Request {
            method: Method::Post,
            target: path,
            binding: "",
            body,
        };
        self.send_json(self.signed(key, req, &[json_type()])).await
    }

    /// POSTs a JSON `body` to `path`, unsigned; the JSON answer.
    pub async fn post_json<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        body: Vec<u8>,
    ) -> Result<T> {
        let (name, value) = json_type();
        let req = self
            .http
            .post(self.url(path))
            .header(name, value)
            .body(body);
        self.send_json(req).await
    }

    /// The page of the status feed after `cursor`, asked by `key`'s device.
    pub async fn feed(&self, key: &SigningKey, cursor: i64) -> Result<Feed> {
        let target = format!("{}?after={cursor}", path::FEED);
        let req = Request {
            method: Method::Get,
            target: &target,
            binding: "",
            body: b"",
        };
        self.send_json(self.signed(key, req, &[])).await
    }

    /// GETs `target`, signed by `key`; the answer's bytes, refused past [`MAX_DOCUMENT_BYTES`].
    pub async fn get_bytes_signed(&self, key: &SigningKey, target: &str) -> Result<Vec<u8>> {
        let req = Request {
            method: Method::Get,
            target,
            binding: "",
            body: b"",
        };
        let mut resp = check(self.send(self.signed(key, req, &[])).await?).await?;
        let too_large =
            || CoreError::Backend("the document is larger than any the city sends".into());
        if resp.content_length().unwrap_or(0) > MAX_DOCUMENT_BYTES as u64 {
            return Err(too_large());
        }
        let mut bytes = vec![];
        while let Some(chunk) = resp.chunk().await.map_err(offline)? {
            if bytes.len() + chunk.len() > MAX_DOCUMENT_BYTES {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(bytes)
    }

    /// GETs `target`, signed by `key`; the JSON answer.
    pub async fn get_signed<T: serde::de::DeserializeOwned>(
        &self,
        key: &SigningKey,
        target: &str,
    ) -> Result<T> {
        let req = Request {
            method: Method::Get,
            target,
            binding: "",
            body: b"",
        };
        self.send_json(self.signed(key, req, &[])).await
    }

    /// A page of what staff did with the data of `key`'s device, older than `before` if given.
    pub async fn access_log(&self, key: &SigningKey, before: Option<i64>) -> Result<AccessLog> {
        let target = match before {
            Some(seq) => format!("{}?before={seq}", path::ACCESS_LOG),
            None => path::ACCESS_LOG.to_owned(),
        };
        let req = Request {
            method: Method::Get,
            target: &target,
            binding: "",
            body: b"",
        };
        self.send_json(self.signed(key, req, &[])).await
    }

    /// Starts (or finds again) the upload of a document; its address and acknowledged offset.
    pub async fn create_upload(
        &self,
        key: &SigningKey,
        length: u64,
        sha256_hex: &str,
    ) -> Result<(String, u64)> {
        use base64::Engine as _;
        let meta = format!(
            "{} {}",
            tus::SHA256_METADATA,
            base64::engine::general_purpose::STANDARD.encode(sha256_hex)
        );
        let req = Request {
            method: Method::Post,
            target: path::UPLOADS,
            binding: sha256_hex,
            body: b"",
        };
        let unsigned = [
            tus_resumable(),
            (h(tus::header::UPLOAD_LENGTH), length.to_string()),
            (h(tus::header::UPLOAD_METADATA), meta),
        ];
        let resp = check(self.send(self.signed(key, req, &unsigned)).await?).await?;
        let location = resp
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .ok_or_else(|| CoreError::Backend("the upload has no Location".into()))?;
        Ok((location, upload_offset(&resp)?))
    }

    /// Where an upload stands (`target` as the backend gave it); `None` if it is gone.
    pub async fn upload_offset(&self, key: &SigningKey, target: &str) -> Result<Option<u64>> {
        let req = Request {
            method: Method::Head,
            target,
            binding: "",
            body: b"",
        };
        let resp = self.send(self.signed(key, req, &[tus_resumable()])).await?;
        if resp.status() == reqwest::StatusCode::NOT_FOUND {
            return Ok(None);
        }
        let resp = check(resp).await?;
        upload_offset(&resp).map(Some)
    }

    /// Sends one chunk at `offset` with its SHA-256 checksum; the new acknowledged offset.
    pub async fn patch_upload(
        &self,
        key: &SigningKey,
        target: &str,
        offset: u64,
        chunk: &[u8],
    ) -> Result<u64> {
        use base64::Engine as _;
        use sha2::Digest as _;
        let checksum = format!(
            "sha256 {}",
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(chunk))
        );
        let req = Request {
            method: Method::Patch,
            target,
            binding: "",
            body: chunk,
        };
        let unsigned = [
            tus_resumable(),
            (h(tus::header::UPLOAD_OFFSET), offset.to_string()),
            (h(tus::header::UPLOAD_CHECKSUM), checksum),
            (CONTENT_TYPE, tus::CHUNK_CONTENT_TYPE.to_owned()),
        ];
        upload_offset(&check(self.send(self.signed(key, req, &unsigned)).await?).await?)
    }

    async fn send_json<T: serde::de::DeserializeOwned>(
        &self,
        req: reqwest::RequestBuilder,
    ) -> Result<T> {
        json(check(self.send(req).await?).await?).await
    }

    /// Sends `req`; the answer, whatever its status. Each answer's `Date` says the backend's
    /// time, which signatures follow.
    async fn send(&self, req: reqwest::RequestBuilder) -> Result<reqwest::Response> {
        let resp = req.send().await.map_err(offline)?;
        self.note_backend_time(&resp);
        Ok(resp)
    }

    /// Learns how far this device's clock is from the backend's, from an answer's `Date`.
    /// The header has whole seconds, so a difference within them is no difference.
    fn note_backend_time(&self, resp: &reqwest::Response) {
        let backend_ms = resp
            .headers()
            .get(reqwest::header::DATE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| httpdate::parse_http_date(v).ok())
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .and_then(|d| i64::try_from(d.as_millis()).ok());
        if let Some(backend_ms) = backend_ms {
            let offset = backend_ms - local_now_ms();
            let offset = if offset.abs() < 2_000 { 0 } else { offset };
            let before = self.clock_offset_ms.swap(offset, Ordering::Relaxed);
            if offset != 0 && (offset - before).abs() >= 2_000 {
                tracing::info!(offset_s = offset / 1000, "this device's clock is off");
            }
        }
    }

    /// The backend's time as this device best knows it (milliseconds since the epoch): a
    /// phone whose clock is wrong still signs requests the backend takes.
    pub fn backend_now_ms(&self) -> i64 {
        local_now_ms() + self.clock_offset_ms.load(Ordering::Relaxed)
    }

    fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.get(self.url(path))
    }

    fn url(&self, target: &str) -> String {
        format!("{}{target}", self.base)
    }
}

fn h(name: &'static str) -> HeaderName {
    HeaderName::from_static(name)
}

fn json_type() -> (HeaderName, String) {
    (CONTENT_TYPE, "application/json".to_owned())
}

fn tus_resumable() -> (HeaderName, String) {
    (h(tus::header::RESUMABLE), tus::VERSION.to_owned())
}

fn local_now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

async fn json<T: serde::de::DeserializeOwned>(resp: reqwest::Response) -> Result<T> {
    resp.json()
        .await
        .map_err(|e| CoreError::Backend(e.to_string()))
}

fn upload_offset(resp: &reqwest::Response) -> Result<u64> {
    resp.headers()
        .get(tus::header::UPLOAD_OFFSET)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| CoreError::Backend("the answer has no Upload-Offset".into()))
}

fn offline(e: reqwest::Error) -> CoreError {
    // The URL is ours, not personal data, but keep messages short.
    CoreError::Offline(e.without_url().to_string())
}

/// A success, or the backend's error: a refusal (4xx with its JSON error, kept whole so the
/// outbox can show it and knows not to retry) or a failure worth retrying (5xx, 408, 429);
/// a retryable answer whose code says why (`quota-exceeded`, `insufficient-storage`, ...) keeps
/// it, so the person is told the reason.
async fn check(resp: reqwest::Response) -> Result<reqwest::Response> {
    use reqwest::StatusCode;
    if resp.status().is_success() {
        return Ok(resp);
    }
    let status = resp.status();
    let retry_later = status.is_server_error()
        || status == StatusCode::REQUEST_TIMEOUT
        || status == StatusCode::TOO_MANY_REQUESTS;
    match resp.json::<ApiError>().await {
        Ok(e) if !retry_later || e.code.is_transient() => Err(CoreError::Refused(e)),
        Ok(e) => Err(CoreError::Backend(format!("{status}: {}", e.message))),
        Err(_) => Err(CoreError::Backend(status.to_string())),
    }
}

/// The most a catalogue download may be: a compact pack of 84 guides in six languages is under
/// half a megabyte; a pack from the first layout (base64 of pretty JSON) was 5 MB.
pub const MAX_PACK_BYTES: usize = 32 << 20;

/// The body of `resp`, refused as soon as it passes `limit` bytes (`what` names it in the error).
async fn capped(mut resp: reqwest::Response, limit: usize, what: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(offline)? {
        if bytes.len() + chunk.len() > limit {
            return Err(CoreError::Catalogue(format!(
                "the {what} sent is larger than {limit} bytes"
            )));
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::check_backend_url;

    #[test]
    fn only_https_or_plain_http_to_this_machine_is_accepted() {
        for ok in [
            "https://city.example",
            "https://203.0.113.7:8443/",
            "http://127.0.0.1:8787",
            "http://localhost:8787",
            "http://[::1]:8787",
        ] {
            assert!(check_backend_url(ok).is_ok(), "{ok}");
        }
        for refused in [
            "http://city.example",
            "http://192.168.1.20:8787",
            "http://127.0.0.1.city.example",
            "ftp://city.example",
            "city.example",
            "",
        ] {
            let e = check_backend_url(refused).expect_err(refused);
            assert!(e.to_string().contains("backend-url"), "{refused}: {e}");
        }
    }
}

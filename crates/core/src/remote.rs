//! The city backend, seen from the device. Every call has a short connect timeout: the app must
//! stay responsive on a poor connection and fall back to what it has.

use std::time::Duration;

use homeward_domain::sync::{BackendKeys, DeviceRegistration, Feed, SignedReceipt, UPLOADS_PATH};
use homeward_domain::{ApiError, Health};

/// Where submissions go.
pub const SUBMISSIONS_PATH: &str = "/v1/submissions";

use crate::error::{CoreError, Result};

#[derive(Debug, Clone)]
pub struct Remote {
    base: String,
    http: reqwest::Client,
}

/// A catalogue pack as it came over the wire, not yet parsed or trusted.
#[derive(Debug)]
pub struct FetchedPack {
    pub bytes: Vec<u8>,
    pub etag: Option<String>,
}

impl Remote {
    pub fn new(base_url: &str) -> Result<Self> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(30))
            .user_agent(concat!("homeward/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| CoreError::Offline(e.to_string()))?;
        Ok(Remote {
            base: base_url.trim_end_matches('/').to_owned(),
            http,
        })
    }

    pub async fn health(&self) -> Result<Health> {
        let resp = self.get("/healthz").send().await.map_err(offline)?;
        let resp = check(resp).await?;
        resp.json()
            .await
            .map_err(|e| CoreError::Backend(e.to_string()))
    }

    /// The backend's current pack; `None` when it is the one named by `etag`.
    pub async fn catalog(&self, etag: Option<&str>) -> Result<Option<FetchedPack>> {
        let mut req = self.get("/v1/catalog");
        if let Some(tag) = etag {
            req = req.header(reqwest::header::IF_NONE_MATCH, tag);
        }
        let resp = req.send().await.map_err(offline)?;
        if resp.status() == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(None);
        }
        let resp = check(resp).await?;
        let etag = resp
            .headers()
            .get(reqwest::header::ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = resp.bytes().await.map_err(offline)?.to_vec();
        Ok(Some(FetchedPack { bytes, etag }))
    }

    /// The backend's public keys (the one that signs receipts).
    pub async fn keys(&self) -> Result<BackendKeys> {
        let resp = check(self.get("/v1/keys").send().await.map_err(offline)?).await?;
        resp.json()
            .await
            .map_err(|e| CoreError::Backend(e.to_string()))
    }

    /// Makes this device's key known to the backend (again is harmless).
    pub async fn register_device(&self, public_key: &str) -> Result<()> {
        let body = DeviceRegistration {
            public_key: public_key.to_owned(),
        };
        let resp = self
            .http
            .post(format!("{}/v1/devices", self.base))
            .json(&body)
            .send()
            .await
            .map_err(offline)?;
        check(resp).await.map(drop)
    }

    /// The backend's address, without a trailing slash.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Sends a frozen submission with its signature headers; the backend's signed receipt back.
    pub async fn submit(&self, body: Vec<u8>, headers: &[(&str, String)]) -> Result<SignedReceipt> {
        self.post_json(SUBMISSIONS_PATH, body, headers).await
    }

    /// POSTs a JSON `body` to `path` with these (signature) headers; the JSON answer.
    pub async fn post_json<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        body: Vec<u8>,
        headers: &[(&str, String)],
    ) -> Result<T> {
        let mut req = self
            .http
            .post(format!("{}{path}", self.base))
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body);
        for (name, value) in headers {
            req = req.header(*name, value);
        }
        let resp = check(req.send().await.map_err(offline)?).await?;
        resp.json()
            .await
            .map_err(|e| CoreError::Backend(e.to_string()))
    }

    /// One page of the status feed; `path` is the signed path and query.
    pub async fn feed(&self, path: &str, headers: &[(&str, String)]) -> Result<Feed> {
        let mut req = self.get(path);
        for (name, value) in headers {
            req = req.header(*name, value);
        }
        let resp = check(req.send().await.map_err(offline)?).await?;
        resp.json()
            .await
            .map_err(|e| CoreError::Backend(e.to_string()))
    }

    /// Starts (or finds again) the upload of a document; its address and acknowledged offset.
    pub async fn create_upload(
        &self,
        length: u64,
        sha256_hex: &str,
        headers: &[(&str, String)],
    ) -> Result<(String, u64)> {
        use base64::Engine as _;
        let meta = format!(
            "sha256 {}",
            base64::engine::general_purpose::STANDARD.encode(sha256_hex)
        );
        let mut req = self
            .http
            .post(format!("{}{UPLOADS_PATH}", self.base))
            .header("tus-resumable", TUS_VERSION)
            .header("upload-length", length.to_string())
            .header("upload-metadata", meta);
        for (name, value) in headers {
            req = req.header(*name, value);
        }
        let resp = check(req.send().await.map_err(offline)?).await?;
        let location = resp
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .ok_or_else(|| CoreError::Backend("the upload has no Location".into()))?;
        Ok((location, upload_offset(&resp)?))
    }

    /// Where an upload stands (`path` as the backend gave it); `None` if it is gone.
    pub async fn upload_offset(
        &self,
        path: &str,
        headers: &[(&str, String)],
    ) -> Result<Option<u64>> {
        let mut req = self
            .http
            .head(format!("{}{path}", self.base))
            .header("tus-resumable", TUS_VERSION);
        for (name, value) in headers {
            req = req.header(*name, value);
        }
        let resp = req.send().await.map_err(offline)?;
        if resp.status() == reqwest::StatusCode::NOT_FOUND {
            return Ok(None);
        }
        let resp = check(resp).await?;
        upload_offset(&resp).map(Some)
    }

    /// Sends one chunk at `offset` with its SHA-256 checksum; the new acknowledged offset.
    pub async fn patch_upload(
        &self,
        path: &str,
        offset: u64,
        chunk: Vec<u8>,
        headers: &[(&str, String)],
    ) -> Result<u64> {
        use base64::Engine as _;
        use sha2::Digest as _;
        let checksum = format!(
            "sha256 {}",
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(&chunk))
        );
        let mut req = self
            .http
            .patch(format!("{}{path}", self.base))
            .header("tus-resumable", TUS_VERSION)
            .header("upload-offset", offset.to_string())
            .header("upload-checksum", checksum)
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/offset+octet-stream",
            )
            .body(chunk);
        for (name, value) in headers {
            req = req.header(*name, value);
        }
        let resp = check(req.send().await.map_err(offline)?).await?;
        upload_offset(&resp)
    }

    fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.get(format!("{}{path}", self.base))
    }
}

const TUS_VERSION: &str = "1.0.0";

fn upload_offset(resp: &reqwest::Response) -> Result<u64> {
    resp.headers()
        .get("upload-offset")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| CoreError::Backend("the answer has no Upload-Offset".into()))
}

fn offline(e: reqwest::Error) -> CoreError {
    // The URL is ours, not personal data, but keep messages short.
    CoreError::Offline(e.without_url().to_string())
}

/// A success, or the backend's error: a refusal (4xx with its JSON error, kept whole so the
/// outbox can show it and knows not to retry) or a failure worth retrying (5xx, 408, 429).
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
        Ok(e) if !retry_later => Err(CoreError::Refused(e)),
        Ok(e) => Err(CoreError::Backend(format!("{status}: {}", e.message))),
        Err(_) => Err(CoreError::Backend(status.to_string())),
    }
}

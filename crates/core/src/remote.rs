//! The city backend, seen from the device. Every call has a short connect timeout: the app must
//! stay responsive on a poor connection and fall back to what it has.

use std::time::Duration;

use homeward_domain::{ApiError, Health};

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

    fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.get(format!("{}{path}", self.base))
    }
}

fn offline(e: reqwest::Error) -> CoreError {
    // The URL is ours, not personal data, but keep messages short.
    CoreError::Offline(e.without_url().to_string())
}

async fn check(resp: reqwest::Response) -> Result<reqwest::Response> {
    if resp.status().is_success() {
        return Ok(resp);
    }
    let status = resp.status();
    let detail = match resp.json::<ApiError>().await {
        Ok(e) => format!("{status}: {}", e.message),
        Err(_) => status.to_string(),
    };
    Err(CoreError::Backend(detail))
}

//! A device of the test's own, signing requests by hand, to probe every refusal of the backend.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use ed25519_dalek::SigningKey;
use homeward_domain::sync::Submission;
use homeward_domain::wire::{self, header, Method};
use homeward_domain::{ApiError, DraftId, ErrorCode, GuideId};

pub struct Probe {
    pub http: reqwest::Client,
    pub url: String,
    pub key: SigningKey,
}

impl Probe {
    /// A device with the key `[seed; 32]`, registered with the backend at `url` if `register`.
    pub async fn new(url: &str, seed: u8, register: bool) -> Probe {
        let probe = Probe {
            http: reqwest::Client::new(),
            url: url.to_owned(),
            key: SigningKey::from_bytes(&[seed; 32]),
        };
        if register {
            let resp = probe
                .http
                .post(format!("{url}/v1/devices"))
                .json(&serde_json::json!({ "public_key": probe.public() }))
                .send()
                .await
                .expect("the backend answers");
            assert_eq!(resp.status(), 201);
        }
        probe
    }

    pub fn public(&self) -> String {
        B64.encode(self.key.verifying_key().as_bytes())
    }

    /// An enquiry numbered `n`: a service anyone may ask for.
    pub fn body(n: u128) -> Vec<u8> {
        Probe::body_for(n, crate::installation::ENQUIRY, vec![])
    }

    /// A submission numbered `n` for `guide`, with these sealed attestations.
    pub fn body_for(n: u128, guide: &str, attestations: Vec<String>) -> Vec<u8> {
        serde_json::to_vec(&Submission {
            submission_id: uuid::Uuid::from_u128(n),
            draft_id: DraftId(uuid::Uuid::from_u128(n + 1000)),
            guide_id: GuideId(guide.into()),
            pack_version: 1,
            revision: 0,
            answers: [("full-name".to_owned(), "王芳".to_owned())].into(),
            materials: vec![],
            sent_at: 0,
            applicant: (!attestations.is_empty()).then(crate::installation::profile),
            assisted: None,
            attestations,
        })
        .expect("serialises")
    }

    /// The signature headers for one request (`idempotency` is signed but not sent as a header
    /// here), made at `timestamp` (seconds).
    pub fn sign_at(
        &self,
        method: &str,
        path: &str,
        idempotency: &str,
        body: &[u8],
        timestamp: i64,
    ) -> Vec<(&'static str, String)> {
        let request = wire::Request {
            method: Method::parse(method).expect("a method the API signs"),
            target: path,
            binding: idempotency,
            body,
        };
        let mut headers = wire::sign(&self.key, &request, timestamp);
        headers.retain(|(name, _)| *name != header::IDEMPOTENCY_KEY);
        headers
    }

    /// The signature headers for one request, made now.
    pub fn sign(
        &self,
        method: &str,
        path: &str,
        idempotency: &str,
        body: &[u8],
    ) -> Vec<(&'static str, String)> {
        self.sign_at(method, path, idempotency, body, now_ms() / 1000)
    }

    /// Signed headers for a submission `body` under idempotency key `key`, at `timestamp`
    /// (seconds).
    pub fn headers(&self, body: &[u8], key: &str, timestamp: i64) -> Vec<(&'static str, String)> {
        let mut headers = self.sign_at("POST", "/v1/submissions", key, body, timestamp);
        headers.push((header::IDEMPOTENCY_KEY, key.to_owned()));
        headers
    }

    /// Sends a submission with these headers; the status and the JSON answer.
    pub async fn send(
        &self,
        body: Vec<u8>,
        headers: &[(&str, String)],
    ) -> (u16, serde_json::Value) {
        let mut req = self
            .http
            .post(format!("{}/v1/submissions", self.url))
            .body(body);
        for (k, v) in headers {
            req = req.header(*k, v);
        }
        let resp = req.send().await.expect("the backend answers");
        let status = resp.status().as_u16();
        (status, resp.json().await.expect("every answer is JSON"))
    }

    /// POSTs `body` to `path`, signed now with no idempotency key; the status and JSON answer.
    pub async fn post_signed(&self, path: &str, body: Vec<u8>) -> (u16, serde_json::Value) {
        let mut req = self.http.post(format!("{}{path}", self.url));
        for (k, v) in self.sign("POST", path, "", &body) {
            req = req.header(k, v);
        }
        let resp = req.body(body).send().await.expect("the backend answers");
        let status = resp.status().as_u16();
        (status, resp.json().await.expect("every answer is JSON"))
    }

    /// GETs `path` (with its query), signed now; the status and JSON answer.
    pub async fn get_signed(&self, path: &str) -> (u16, serde_json::Value) {
        let mut req = self.http.get(format!("{}{path}", self.url));
        for (k, v) in self.sign("GET", path, "", b"") {
            req = req.header(k, v);
        }
        let resp = req.send().await.expect("the backend answers");
        let status = resp.status().as_u16();
        (status, resp.json().await.expect("every answer is JSON"))
    }

    /// Signs and sends `body` now, under idempotency key `key`.
    pub async fn submit(&self, body: Vec<u8>, key: &str) -> (u16, serde_json::Value) {
        let headers = self.headers(&body, key, now_ms() / 1000);
        self.send(body, &headers).await
    }
}

/// The error code of a JSON error answer.
pub fn code(json: &serde_json::Value) -> ErrorCode {
    serde_json::from_value::<ApiError>(json.clone())
        .expect("the JSON error shape")
        .code
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_millis()
        .try_into()
        .expect("a time in milliseconds fits an i64")
}

//! What one address or one device may take from the backend, through real signed requests:
//! devices registered per address, applications per hour to services that need no proof,
//! unfinished uploads and bytes of documents per device, and new documents refused before the
//! disk is full. Each refusal is its own code, and a retry of what was already taken still
//! gets its answer.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use homeward_backend::settings::Limits;
use homeward_domain::ErrorCode;
use homeward_tests::backend::TestBackend;
use homeward_tests::probe::{code, Probe};
use sha2::{Digest as _, Sha256};

/// Starts the upload of `file` for `probe`; the status, and the Location if there is one.
async fn start_upload(probe: &Probe, file: &[u8]) -> (u16, Option<String>, serde_json::Value) {
    let sha = hex::encode(Sha256::digest(file));
    let mut req = probe
        .http
        .post(format!("{}/v1/uploads", probe.url))
        .header("tus-resumable", "1.0.0")
        .header("upload-length", file.len().to_string())
        .header("upload-metadata", format!("sha256 {}", B64.encode(&sha)));
    for (k, v) in probe.sign("POST", "/v1/uploads", &sha, b"") {
        req = req.header(k, v);
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let location = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let json = resp.json().await.unwrap_or(serde_json::Value::Null);
    (status, location, json)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_address_registers_so_many_devices_and_a_device_sends_so_many_unproven_applications() {
    let backend = TestBackend::start_limited(Limits {
        registrations_per_address_hour: 3,
        self_asserted_per_device_hour: 2,
        ..Limits::default()
    })
    .await
    .unwrap();
    let mut probes = vec![];
    for seed in 1..=3 {
        probes.push(Probe::new(&backend.url, seed, true).await);
    }
    let resp = reqwest::Client::new()
        .post(format!("{}/v1/devices", backend.url))
        .json(
            &serde_json::json!({ "public_key": Probe::new(&backend.url, 9, false).await.public() }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 429);
    let json: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(code(&json), ErrorCode::QuotaExceeded);

    // Two applications to a service that needs no proof; a retry of the first is answered as
    // before; a third new one waits for the hour.
    let device = &probes[0];
    let (s1, _) = device.submit(Probe::body(1), "key-1").await;
    let (s2, _) = device.submit(Probe::body(2), "key-2").await;
    assert_eq!((s1, s2), (201, 201));
    let (again, _) = device.submit(Probe::body(1), "key-1").await;
    assert_eq!(again, 200, "a retry is not a new application");
    let (s3, json) = device.submit(Probe::body(3), "key-3").await;
    assert_eq!(s3, 429);
    assert_eq!(code(&json), ErrorCode::QuotaExceeded);
    // Another device has its own count.
    let (other, _) = probes[1].submit(Probe::body(4), "key-4").await;
    assert_eq!(other, 201);
    assert_eq!(backend.stored_submissions().await.unwrap(), 3);
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_has_so_many_unfinished_uploads_and_bytes_and_a_low_disk_takes_no_new_documents() {
    let backend = TestBackend::start_limited(Limits {
        device_unfinished_uploads: 2,
        device_upload_bytes: 10_000,
        ..Limits::default()
    })
    .await
    .unwrap();
    let probe = Probe::new(&backend.url, 5, true).await;
    let files: Vec<Vec<u8>> = (0..3u8).map(|n| vec![n; 3000]).collect();
    let (a, first, _) = start_upload(&probe, &files[0]).await;
    let (b, _, _) = start_upload(&probe, &files[1]).await;
    assert_eq!((a, b), (201, 201));
    let (c, _, json) = start_upload(&probe, &files[2]).await;
    assert_eq!(c, 429, "a third unfinished upload");
    assert_eq!(code(&json), ErrorCode::QuotaExceeded);
    // Resuming one already started is always possible.
    let (again, location, _) = start_upload(&probe, &files[0]).await;
    assert_eq!((again, location), (201, first));
    // Bytes: a file that would take the device past its share is refused.
    let other = Probe::new(&backend.url, 6, true).await;
    let (big, _, json) = start_upload(&other, &vec![7u8; 12_000]).await;
    assert_eq!(big, 429);
    assert_eq!(code(&json), ErrorCode::QuotaExceeded);
    backend.stop().await.unwrap();

    // A disk with less free space than the margin takes no new document, with its own code.
    let backend = TestBackend::start_limited(Limits {
        min_free_disk_bytes: u64::MAX / 2,
        ..Limits::default()
    })
    .await
    .unwrap();
    let probe = Probe::new(&backend.url, 5, true).await;
    let (status, _, json) = start_upload(&probe, &files[0]).await;
    assert_eq!(status, 507);
    assert_eq!(code(&json), ErrorCode::InsufficientStorage);
    backend.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_trusted_proxy_each_client_is_counted_and_otherwise_the_header_is_ignored() {
    let register = |url: String, seed: u8, forwarded: &'static str| async move {
        let key = Probe::new(&url, seed, false).await.public();
        reqwest::Client::new()
            .post(format!("{url}/v1/devices"))
            .header("x-forwarded-for", forwarded)
            .json(&serde_json::json!({ "public_key": key }))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    };
    let limits = Limits {
        registrations_per_address_hour: 1,
        ..Limits::default()
    };
    // Trusted: the proxy's last entry is the client; what a client put before it is not.
    let backend = TestBackend::start_limited(Limits {
        trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
        ..limits.clone()
    })
    .await
    .unwrap();
    let url = backend.url.clone();
    assert_eq!(register(url.clone(), 1, "203.0.113.1").await, 201);
    assert_eq!(register(url.clone(), 2, "203.0.113.1").await, 429);
    assert_eq!(
        register(url.clone(), 3, "203.0.113.1, 203.0.113.2").await,
        201
    );
    assert_eq!(
        register(url.clone(), 4, "198.51.100.9, 203.0.113.2").await,
        429
    );
    backend.stop().await.unwrap();
    // Not trusted: the header changes nothing.
    let backend = TestBackend::start_limited(limits).await.unwrap();
    let url = backend.url.clone();
    assert_eq!(register(url.clone(), 1, "203.0.113.1").await, 201);
    assert_eq!(register(url.clone(), 2, "203.0.113.9").await, 429);
    backend.stop().await.unwrap();
}

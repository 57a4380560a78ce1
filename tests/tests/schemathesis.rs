//! The API fuzzed from its own description: schemathesis (PyPI, pinned by `cargo xtask test`)
//! generates requests for every operation in `/openapi.json`, valid and invalid, through a
//! signing proxy that signs device requests as a registered device and gives staff calls an
//! administrator's token, so the generated bodies, queries and headers reach the handlers
//! rather than stopping at the signature checks. Every answer must be a non-5xx, and every
//! refusal the project's JSON error; the backend must answer every request.
//!
//! Needs `HOMEWARD_SCHEMATHESIS`, the path of schemathesis's `st` command (`#[ignore]`d in a
//! bare `cargo test`, run by the test command).

use homeward_tests::backend::{staff_token, TestBackend};
use homeward_tests::signing_proxy::SigningProxy;

/// Test cases per operation: bounded, about a minute on two cores.
const MAX_EXAMPLES: &str = "80";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs schemathesis: run by `cargo xtask test`"]
async fn schemathesis_finds_no_server_error_and_no_error_that_is_not_json() {
    use base64::Engine as _;
    let st = std::env::var_os("HOMEWARD_SCHEMATHESIS")
        .expect("HOMEWARD_SCHEMATHESIS (schemathesis's `st`) is not set: run `cargo xtask test`");
    // It runs in a directory of its own (below), so a relative path is made whole here.
    let st = std::fs::canonicalize(&st).unwrap_or_else(|_| st.into());
    let backend = TestBackend::start().await.unwrap();
    backend
        .add_staff("admin", "a long passphrase for the fuzzer", true)
        .await
        .unwrap();
    let token = staff_token(&backend.url, "admin", "a long passphrase for the fuzzer")
        .await
        .unwrap();
    let device = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    let registered = reqwest::Client::new()
        .post(format!("{}/v1/devices", backend.url))
        .json(&serde_json::json!({
            "public_key": base64::engine::general_purpose::STANDARD
                .encode(device.verifying_key().as_bytes())
        }))
        .send()
        .await
        .unwrap();
    assert!(registered.status().is_success(), "{}", registered.status());
    let proxy = SigningProxy::start(&backend.url, device, token)
        .await
        .unwrap();

    let report = tempfile::TempDir::new().unwrap();
    let url = proxy.url.clone();
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new(st)
            // Its cache goes where it runs: there, not in the repository.
            .current_dir(report.path())
            .env(
                "PYTHONPATH",
                homeward_tests::repo_root().join("tests/schemathesis"),
            )
            .env("SCHEMATHESIS_HOOKS", "hooks")
            .args(["--no-color", "run"])
            .arg(format!("{url}/openapi.json"))
            .args([
                "--checks",
                "not_a_server_error,status_code_conformance,content_type_conformance",
                "--max-examples",
                MAX_EXAMPLES,
                "--seed",
                "20261203",
                // One worker: its runs repeat, and its caches are not shared between threads.
                "--workers",
                "1",
                "--request-timeout",
                "30",
                "--phases",
                "examples,coverage,fuzzing",
                "--suppress-health-check",
                "all",
                "--report",
                "junit",
                "--report-dir",
            ])
            .arg(report.path())
            .output()
            .expect("schemathesis runs")
    })
    .await
    .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    eprintln!("{text}{}", String::from_utf8_lossy(&output.stderr));

    let tally = proxy.tally();
    let total: usize = tally.by_status.values().sum();
    eprintln!(
        "schemathesis: {total} requests through the signing proxy, {} signed ({} past the \
         signature checks), answers by status {:?}",
        tally.signed, tally.signed_accepted, tally.by_status
    );
    assert!(
        tally.unanswered.is_empty(),
        "unanswered: {:?}",
        tally.unanswered
    );
    assert!(
        tally.server_errors.is_empty(),
        "5xx: {:?}",
        tally.server_errors
    );
    assert!(
        tally.not_json.is_empty(),
        "errors that are not JSON: {:?}",
        tally.not_json
    );
    assert!(total > 500, "only {total} requests were made");
    assert!(
        tally.signed_accepted > 50,
        "signed requests must reach the handlers: {} of {}",
        tally.signed_accepted,
        tally.signed
    );
    assert!(
        output.status.success(),
        "schemathesis found failures (above)"
    );
}

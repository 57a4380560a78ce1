//! Load generator for submission intake: starts the backend on loopback with the database given,
//! registers one device per client and a liaison site that attested each, signs every request
//! ahead, then `--clients` clients each send their signed submissions as fast as the backend
//! answers, for `--total` submissions in all. Prints throughput and latency
//! percentiles as `BENCH` lines.
//!
//! `cargo run --release -p homeward-backend --example intake_load -- --database sqlite:///tmp/x.db`
//! (`cargo xtask bench` runs it against SQLite and PostgreSQL, beside a pgbench baseline).

use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use ed25519_dalek::SigningKey;
use homeward_backend::settings::DatabaseUrl;
use homeward_backend::storage::SignerRow;
use homeward_backend::Settings;
use homeward_domain::catalog::IdentityLevel;
use homeward_domain::identity::{
    profile_digest, public_key_b64, Attestation, DocumentKind, IssuerKind,
};
use homeward_domain::privacy::Profile;
use homeward_domain::sync::Submission;
use homeward_domain::wire::{self, path, Method};
use homeward_domain::{DraftId, GuideId};
use sha2::{Digest as _, Sha256};

/// A request ready to send: its body and the headers that sign it.
type Signed = (Vec<u8>, Vec<(&'static str, String)>);

struct Args {
    database: DatabaseUrl,
    clients: usize,
    total: usize,
}

fn args() -> anyhow::Result<Args> {
    let mut database = None;
    let mut clients = 50;
    let mut total = 5_000;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--database" => {
                database = it
                    .next()
                    .map(|v| v.parse())
                    .transpose()
                    .map_err(anyhow::Error::msg)?;
            }
            "--clients" => clients = it.next().unwrap_or_default().parse()?,
            "--total" => total = it.next().unwrap_or_default().parse()?,
            other => anyhow::bail!("unknown argument {other}"),
        }
    }
    Ok(Args {
        database: database.ok_or_else(|| anyhow::anyhow!("--database URL is required"))?,
        clients,
        total,
    })
}

/// The person every generated application is for, whom its attestation proves.
fn applicant() -> Profile {
    Profile {
        name_han: "陈明".into(),
        name_pinyin: "CHEN MING".into(),
        birth_date: "1990-01-01".into(),
        id_number: "330302199001011235".into(),
        passport: "E12345678".into(),
    }
}

/// A realistic body: the answers of a family application, about 1.2 KB, and the attestation
/// of the person's identity the service needs (about 0.6 KB more).
fn body(n: u64, attestation: &str) -> Vec<u8> {
    let answers = [
        ("full-name", "陈明"),
        ("id-number", "330302199001011235"),
        (
            "current-hukou-address",
            "浙江省温州市鹿城区五马街道解放街 123 号 4 单元 502 室",
        ),
        ("join-type", "spouse"),
        ("children.0.child-name", "陈小明"),
        ("children.0.child-id-number", "330302201501011231"),
        ("phone", "+393331234567"),
        ("joined-name", "王芳"),
        ("joined-id-number", "11010519491231002X"),
        ("joined-address", "浙江省温州市瓯海区娄桥街道古岸头村 88 号"),
        ("home-owner", "joined"),
        ("relative-name", "陈国强"),
        ("relative-id-number", "330302196501011234"),
        ("relative-relationship", "parent"),
        ("relative-phone", "+8657788888888"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    serde_json::to_vec(&Submission {
        submission_id: uuid::Uuid::from_u128(u128::from(n) + 1),
        draft_id: DraftId(uuid::Uuid::from_u128(u128::from(n) + 1_000_000_000)),
        guide_id: GuideId("hukou-move-in-family".into()),
        pack_version: 1,
        revision: 0,
        answers,
        materials: vec![],
        sent_at: 0,
        attestations: vec![attestation.to_owned()],
        applicant: Some(applicant()),
        assisted: None,
    })
    .expect("serialise")
}

/// The `p`-th quantile of a sorted sample (the index is a small, non-negative whole number).
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = args()?;
    let kind = match args.database {
        DatabaseUrl::Sqlite(_) => "sqlite",
        DatabaseUrl::Postgres(_) => "postgres",
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}", listener.local_addr()?);
    let attachments = tempfile_dir()?;
    // The liaison site that attested every client, registered as an administrator would.
    let site = SigningKey::from_bytes(&Sha256::digest("liaison site").into());
    let db = homeward_backend::storage::open(&args.database).await?;
    db.add_signer(SignerRow {
        kind: "site".into(),
        id: "bench-site".into(),
        name: "Bench liaison site".into(),
        public_key: public_key_b64(&site),
        registered_at: 0,
        revoked_at: None,
    })
    .await?;
    drop(db);
    let mut settings = Settings::new(args.database);
    // Every client of the load comes from this one address, each sending as fast as it can.
    settings.limits.registrations_per_address_hour = u32::MAX;
    settings.limits.self_asserted_per_device_hour = u32::MAX;
    settings.attachments = attachments.clone();
    settings.keys = attachments.join("backend.keys.toml");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(homeward_backend::serve(settings, listener, async {
        let _ = stopped.await;
    }));
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(args.clients)
        .build()?;
    // Wait until it answers.
    for _ in 0..100 {
        if http.get(format!("{url}/healthz")).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let keys: Vec<SigningKey> = (0..args.clients)
        .map(|i| SigningKey::from_bytes(&Sha256::digest(format!("client {i}")).into()))
        .collect();
    for key in &keys {
        http.post(format!("{url}/v1/devices"))
            .json(&serde_json::json!({ "public_key": B64.encode(key.verifying_key().as_bytes()) }))
            .send()
            .await?
            .error_for_status()?;
    }
    let per_client = args.total / args.clients;
    // Every request is built and signed before the clock starts, so the load generator's own
    // work (on the same cores) weighs as little as pgbench's on the measure.
    let mut prepared = Vec::with_capacity(args.clients);
    for (c, key) in keys.iter().enumerate() {
        let attestation = Attestation {
            id: uuid::Uuid::from_u128(c as u128),
            subject_key: public_key_b64(key),
            profile_digest: profile_digest(&applicant()),
            level: IdentityLevel::OnsiteAttended,
            issuer_kind: IssuerKind::Site,
            issuer_id: "bench-site".into(),
            signer_key: public_key_b64(&site),
            documents: vec![DocumentKind::Passport],
            issued_at: time_now() * 1000,
            expires_at: (time_now() + 86_400) * 1000,
        }
        .seal(&site);
        let requests: Vec<Signed> = (0..per_client)
            .map(|i| {
                let n = (c * per_client + i) as u64;
                let body = body(n, &attestation);
                let idem = uuid::Uuid::from_u128(u128::from(n) + 1).to_string();
                let request = wire::Request {
                    method: Method::Post,
                    target: path::SUBMISSIONS,
                    binding: &idem,
                    body: &body,
                };
                let headers = wire::sign(key, &request, time_now());
                (body, headers)
            })
            .collect();
        prepared.push(requests);
    }
    let url = Arc::new(url);
    let started = Instant::now();
    let mut workers = vec![];
    for requests in prepared {
        let http = http.clone();
        let url = Arc::clone(&url);
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(requests.len());
            let mut wire_bytes = 0usize;
            for (body, headers) in requests {
                let mut req = http
                    .post(format!("{url}{}", path::SUBMISSIONS))
                    .header(reqwest::header::CONTENT_TYPE, "application/json");
                for (name, value) in headers {
                    req = req.header(name, value);
                }
                wire_bytes += body.len();
                let t = Instant::now();
                let resp = req.body(body).send().await?;
                let status = resp.status();
                let answer = resp.bytes().await?;
                latencies.push(t.elapsed());
                anyhow::ensure!(
                    status.as_u16() == 201,
                    "intake answered {status}: {answer:?}"
                );
            }
            Ok::<_, anyhow::Error>((latencies, wire_bytes))
        }));
    }
    let mut latencies = vec![];
    let mut bytes = 0;
    for w in workers {
        let (l, b) = w.await??;
        latencies.extend(l);
        bytes += b;
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let count = latencies.len();
    println!(
        "BENCH intake {kind}: {count} submissions from {} clients in {elapsed:.2?}: {:.0} submissions/s, p50 {:.2?}, p99 {:.2?}, max {:.2?} ({:.0} bytes of body each)",
        args.clients,
        count as f64 / elapsed.as_secs_f64(),
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or_default(),
        bytes as f64 / count.max(1) as f64,
    );
    let _ = stop.send(());
    server.await??;
    let _ = std::fs::remove_dir_all(attachments);
    Ok(())
}

fn time_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("homeward-intake-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

//! How the backend answers its health check while it is abused: `/healthz` probed on a new
//! connection every 20 ms, first on a quiet backend, then with 1,000 slow clients holding
//! connections open (each dribbles its headers a byte a second, and connects again when cut
//! off), then under a flood of sign-ins with wrong passwords, from 1,000 addresses (behind a
//! trusted proxy, as a botnet would look) and as many names, as fast as 64 clients can send
//! them. Prints the probe latencies (p50, p99, max) and failures of each phase, and what the
//! flood got, as `BENCH` lines.
//!
//! `cargo run --release -p homeward-backend --example abuse_load` (`cargo xtask bench` runs it).
//! The backend runs in this process on a runtime of its own (two workers, as on a small server),
//! the clients on another.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use homeward_backend::settings::DatabaseUrl;
use homeward_backend::Settings;
use homeward_domain::sync::StaffRole;
use tokio::io::AsyncWriteExt as _;

const SLOW_CLIENTS: usize = 1_000;
const FLOOD_CLIENTS: usize = 64;
const PHASE: Duration = Duration::from_secs(15);

/// The `pct`th percentile of `sorted` (nearest rank), zero for none.
fn percentile(sorted: &[Duration], pct: usize) -> Duration {
    let Some(last) = sorted.len().checked_sub(1) else {
        return Duration::ZERO;
    };
    sorted[(last * pct).div_ceil(100)]
}

/// Probes `/healthz` on a new connection every 20 ms for `PHASE`; prints the figures.
async fn probe(url: &str, phase: &str) -> anyhow::Result<()> {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .timeout(Duration::from_secs(10))
        .build()?;
    let mut latencies = Vec::new();
    let mut failures = 0;
    let end = Instant::now() + PHASE;
    while Instant::now() < end {
        let started = Instant::now();
        match http.get(format!("{url}/healthz")).send().await {
            Ok(r) if r.status().is_success() => latencies.push(started.elapsed()),
            _ => failures += 1,
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    latencies.sort();
    println!(
        "BENCH /healthz {phase}: {} probes, p50 {:.2?}, p99 {:.2?}, max {:.2?}, {failures} failed",
        latencies.len(),
        percentile(&latencies, 50),
        percentile(&latencies, 99),
        latencies.last().copied().unwrap_or_default()
    );
    Ok(())
}

/// A slow client: connects, sends the start of a request, then a header byte a second for as
/// long as the server keeps it; connects again when cut off, until `stop`.
async fn slow_client(addr: std::net::SocketAddr, stop: Arc<AtomicBool>, cut: Arc<AtomicUsize>) {
    while !stop.load(Ordering::Relaxed) {
        let Ok(mut stream) = tokio::net::TcpStream::connect(addr).await else {
            tokio::time::sleep(Duration::from_millis(200)).await;
            continue;
        };
        if stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            .await
            .is_err()
        {
            continue;
        }
        while !stop.load(Ordering::Relaxed) {
            tokio::time::sleep(Duration::from_secs(1)).await;
            if stream.write_all(b"a").await.is_err() {
                cut.fetch_add(1, Ordering::Relaxed);
                break;
            }
        }
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    homeward_backend::raise_open_files_limit();
    let dir = tempfile::TempDir::new()?;
    let mut settings = Settings::new(DatabaseUrl::Sqlite(dir.path().join("backend.db")));
    settings.limits.trusted_proxies = vec![std::net::Ipv4Addr::LOCALHOST.into()];
    let db = homeward_backend::storage::open(&settings.database).await?;
    homeward_backend::staff::create_account(
        db.as_ref(),
        "officer",
        "the officer's long passphrase",
        StaffRole::Officer,
        None,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    drop(db);

    // The backend, on a runtime of its own.
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    listener.set_nonblocking(true)?;
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = std::thread::spawn(move || -> anyhow::Result<()> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener)?;
            homeward_backend::serve(settings, listener, async {
                let _ = stop_rx.await;
            })
            .await
        })
    });
    let url = format!("http://{addr}");
    for _ in 0..100 {
        if reqwest::get(format!("{url}/healthz")).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    probe(&url, "on a quiet backend").await?;

    let stop = Arc::new(AtomicBool::new(false));
    let cut = Arc::new(AtomicUsize::new(0));
    let slow: Vec<_> = (0..SLOW_CLIENTS)
        .map(|_| tokio::spawn(slow_client(addr, stop.clone(), cut.clone())))
        .collect();
    // Let them all connect before measuring.
    tokio::time::sleep(Duration::from_secs(2)).await;
    probe(&url, &format!("with {SLOW_CLIENTS} slow clients")).await?;
    stop.store(true, Ordering::Relaxed);
    for s in slow {
        s.abort();
    }
    println!(
        "BENCH slow clients cut off by the header deadline: {}",
        cut.load(Ordering::Relaxed)
    );

    let flooding = Arc::new(AtomicBool::new(true));
    let by_status = Arc::new(std::sync::Mutex::new(std::collections::BTreeMap::new()));
    let sent = Arc::new(AtomicUsize::new(0));
    let flood: Vec<_> = (0..FLOOD_CLIENTS)
        .map(|c| {
            let (url, flooding, by_status, sent) =
                (url.clone(), flooding.clone(), by_status.clone(), sent.clone());
            tokio::spawn(async move {
                let http = reqwest::Client::new();
                while flooding.load(Ordering::Relaxed) {
                    let n = sent.fetch_add(1, Ordering::Relaxed);
                    let from = format!("198.51.{}.{}", (n / 250) % 4, n % 250 + 1);
                    let name = if n % 2 == 0 {
                        "officer".to_owned()
                    } else {
                        format!("guess-{c}-{n}")
                    };
                    let status = match http
                        .post(format!("{url}/v1/staff/sessions"))
                        .header("x-forwarded-for", from)
                        .json(&serde_json::json!({ "username": name, "password": format!("wrong {n}") }))
                        .send()
                        .await
                    {
                        Ok(r) => r.status().as_u16(),
                        Err(_) => 0,
                    };
                    *by_status.lock().expect("tally").entry(status).or_insert(0usize) += 1;
                }
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let flood_started = Instant::now();
    probe(
        &url,
        &format!("under a sign-in flood ({FLOOD_CLIENTS} clients, 1000 addresses)"),
    )
    .await?;
    flooding.store(false, Ordering::Relaxed);
    for f in flood {
        let _ = f.await;
    }
    let tally = by_status.lock().expect("tally").clone();
    let total: usize = tally.values().sum();
    println!(
        "BENCH sign-in flood: {total} attempts in {:.1?} ({:.0}/s), answers by status {tally:?}, \
         0 = no answer; 201 (signed in) must be absent",
        flood_started.elapsed(),
        total as f64 / flood_started.elapsed().as_secs_f64()
    );
    anyhow::ensure!(!tally.contains_key(&201), "a wrong password signed in");

    let _ = stop_tx.send(());
    server
        .join()
        .map_err(|_| anyhow::anyhow!("the server panicked"))??;
    Ok(())
}

//! The server's limits against real sockets on loopback: slow and idle clients are cut off, the
//! connection cap holds, oversized bodies are refused as JSON, answers are compressed and
//! carry a request id, and stopping does not wait on a client that never finishes.

use std::time::Duration;

use homeward_backend::settings::{DatabaseUrl, Limits};
use homeward_backend::Settings;
use homeward_domain::{ApiError, ErrorCode};
use tempfile::TempDir;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

struct Running {
    url: String,
    addr: std::net::SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<anyhow::Result<()>>,
    _dir: TempDir,
}

/// Short limits, so the test sees them act in seconds.
fn limits() -> Limits {
    Limits {
        max_connections: 4,
        header_timeout_secs: 1,
        idle_timeout_secs: 2,
        request_timeout_secs: 5,
        upload_timeout_secs: 5,
        shutdown_grace_secs: 2,
        body_bytes: 4096,
        ..Limits::default()
    }
}

async fn start() -> Running {
    start_with(limits()).await
}

async fn start_with(limits: Limits) -> Running {
    let dir = TempDir::new().expect("tempdir");
    let mut settings = Settings::new(DatabaseUrl::Sqlite(dir.path().join("data/backend.db")));
    settings.limits = limits;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (stop, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(homeward_backend::serve(settings, listener, async {
        let _ = rx.await;
    }));
    Running {
        url: format!("http://{addr}"),
        addr,
        stop,
        task,
        _dir: dir,
    }
}

/// Reads until the server closes the connection (true), or gives up after `within` (false).
async fn closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    let mut buf = [0u8; 4096];
    let read = async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    };
    tokio::time::timeout(within, read).await.is_ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_idle_clients_are_cut_off_and_the_cap_holds() {
    let server = start().await;
    // Headers never finished: closed once their deadline passes.
    let mut slow = TcpStream::connect(server.addr).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    assert!(closed_within(&mut slow, Duration::from_secs(5)).await);

    // A keep-alive connection that asks nothing more: closed once idle too long.
    let mut idle = TcpStream::connect(server.addr).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    assert!(closed_within(&mut idle, Duration::from_secs(8)).await);

    // The cap: four connections held open, a fifth is closed at once; room again after.
    let mut held = vec![];
    for _ in 0..4 {
        let mut c = TcpStream::connect(server.addr).await.unwrap();
        c.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            .await
            .unwrap();
        let mut buf = [0u8; 512];
        assert!(c.read(&mut buf).await.unwrap() > 0, "answered");
        held.push(c);
    }
    let mut fifth = TcpStream::connect(server.addr).await.unwrap();
    let _ = fifth
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await;
    assert!(closed_within(&mut fifth, Duration::from_millis(1500)).await);
    drop(held);
    let mut ok = false;
    for _ in 0..20 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        if let Ok(r) = reqwest::get(format!("{}/healthz", server.url)).await {
            ok = r.status() == 200;
            if ok {
                break;
            }
        }
    }
    assert!(ok, "connections are taken again once others close");

    // Stopping does not wait for a client that never finishes its request.
    let mut stuck = TcpStream::connect(server.addr).await.unwrap();
    stuck
        .write_all(b"POST /v1/devices HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
        .await
        .unwrap();
    let _ = server.stop.send(());
    tokio::time::timeout(Duration::from_secs(10), server.task)
        .await
        .expect("the backend stops within its grace period")
        .expect("join")
        .expect("a clean stop");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_are_json_answers_are_compressed_and_carry_a_request_id() {
    let server = start().await;
    let http = reqwest::Client::new();
    // Over the body limit: 413 with the project's error, whichever route reads the body.
    for path in [
        "/v1/devices",
        "/v1/staff/sessions",
        "/v1/delegations/verify",
    ] {
        let resp = http
            .post(format!("{}{path}", server.url))
            .header("content-type", "application/json")
            .body(vec![b' '; 10_000])
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 413, "{path}");
        let e: ApiError = resp.json().await.expect("a JSON error");
        assert_eq!(e.code, ErrorCode::TooLarge, "{path}");
    }
    // A request id on every answer; the one a proxy gave is kept.
    let resp = http
        .get(format!("{}/healthz", server.url))
        .send()
        .await
        .unwrap();
    assert!(resp.headers().contains_key("x-request-id"));
    let resp = http
        .get(format!("{}/healthz", server.url))
        .header("x-request-id", "proxy-7")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["x-request-id"], "proxy-7");
    // The catalogue goes out compressed already (a compact signed pack), so it is not gzipped
    // again for a client that takes gzip; JSON is.
    let resp = http
        .get(format!("{}/v1/catalog", server.url))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.headers()["content-type"],
        "application/vnd.homeward.pack"
    );
    assert!(!resp.headers().contains_key("content-encoding"));
    let pack = resp.bytes().await.unwrap();
    let (_, read) = homeward_catalog::read_unverified(&pack).expect("a compact pack");
    assert!(
        pack.len() * 4 < homeward_catalog::encode_pack(&read).len(),
        "{} bytes for {} bytes of JSON",
        pack.len(),
        homeward_catalog::encode_pack(&read).len()
    );
    let resp = http
        .get(format!("{}/v1/no-such-thing", server.url))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 404);
    assert_eq!(resp.headers()["content-encoding"], "gzip");
    let _ = server.stop.send(());
    server.task.await.unwrap().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_guesses_in_parallel_or_sprayed_over_names_win_nothing_beyond_the_limits() {
    const PASSWORD: &str = "a long staff password";
    let server = start_with(Limits::default()).await;
    let db = homeward_backend::storage::open(&DatabaseUrl::Sqlite(
        server._dir.path().join("data/backend.db"),
    ))
    .await
    .unwrap();
    homeward_backend::staff::create_account(
        db.as_ref(),
        "li",
        PASSWORD,
        homeward_domain::sync::StaffRole::Reviewer,
        None,
    )
    .await
    .unwrap();
    let http = reqwest::Client::new();
    let guess = |name: String, password: &'static str| {
        let http = http.clone();
        let url = format!("{}/v1/staff/sessions", server.url);
        async move {
            http.post(url)
                .json(&serde_json::json!({"username": name, "password": password}))
                .send()
                .await
                .map(|r| r.status().as_u16())
                .unwrap_or(0)
        }
    };
    // 200 guesses at one name at once: only the first five are even checked.
    let statuses = futures_join_all((0..200).map(|_| guess("li".into(), "wrong password!!"))).await;
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    eprintln!("parallel guesses at one name: {checked} checked, {refused} refused of 200");
    assert!(checked <= 5, "{checked} guesses were checked");
    assert_eq!(checked + refused, 200, "{statuses:?}");
    // Even the right password waits out the window now.
    assert_eq!(guess("li".into(), PASSWORD).await, 429);
    // While guesses flood in, the rest of the API answers.
    let flood =
        futures_join_all((0..100).map(|i| guess(format!("sprayed-{i}"), "wrong password!!")));
    let health = async {
        tokio::time::timeout(
            Duration::from_secs(10),
            reqwest::get(format!("{}/healthz", server.url)),
        )
        .await
    };
    let (sprayed, health) = tokio::join!(flood, health);
    assert_eq!(health.expect("answered").expect("a response").status(), 200);
    // Spraying other names from the same address stops at the address's limit.
    let checked = sprayed.iter().filter(|s| **s == 401).count();
    eprintln!("sprayed names: {checked} checked of 100");
    assert!(checked <= 20, "{checked} sprayed guesses were checked");
    let _ = server.stop.send(());
    server.task.await.unwrap().unwrap();
}

/// Runs every future at once and collects their outputs in order.
async fn futures_join_all<F: std::future::Future<Output = u16> + Send + 'static>(
    futures: impl Iterator<Item = F>,
) -> Vec<u16> {
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = vec![];
    for h in handles {
        out.push(h.await.unwrap_or(0));
    }
    out
}

/// A TCP relay to `upstream` that can go silent: while `silent` is set it passes nothing either
/// way and keeps every connection open, as a link whose far end vanished does.
async fn silenceable_relay(
    upstream: std::net::SocketAddr,
) -> (
    std::net::SocketAddr,
    std::sync::Arc<std::sync::atomic::AtomicBool>,
) {
    use std::sync::atomic::{AtomicBool, Ordering};
    let silent = std::sync::Arc::new(AtomicBool::new(false));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let flag = silent.clone();
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let Ok(server) = TcpStream::connect(upstream).await else {
                continue;
            };
            let (cr, cw) = client.into_split();
            let (sr, sw) = server.into_split();
            for (mut from, mut to) in [
                (
                    Box::new(cr) as Box<dyn tokio::io::AsyncRead + Send + Unpin>,
                    Box::new(sw) as Box<dyn tokio::io::AsyncWrite + Send + Unpin>,
                ),
                (Box::new(sr) as _, Box::new(cw) as _),
            ] {
                let flag = flag.clone();
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 16 * 1024];
                    loop {
                        let n = match from.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => n,
                        };
                        while flag.load(Ordering::Relaxed) {
                            tokio::time::sleep(Duration::from_millis(50)).await;
                        }
                        if to.write_all(&buf[..n]).await.is_err() {
                            return;
                        }
                    }
                });
            }
        }
    });
    (addr, silent)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: run by `cargo xtask test`"]
async fn a_database_link_gone_silent_is_a_503_not_a_hang_and_service_comes_back() {
    use std::sync::atomic::Ordering;
    let url = std::env::var("HOMEWARD_TEST_POSTGRES").expect("run by `cargo xtask test`");
    let name = format!("t_silent_{}", std::process::id());
    let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    let config: tokio_postgres::Config = url.parse().unwrap();
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let (relay, silent) = silenceable_relay(([127, 0, 0, 1], port).into()).await;
    let user = config.get_user().unwrap_or("postgres");
    let dir = TempDir::new().unwrap();
    let mut settings = Settings::new(DatabaseUrl::Postgres(format!(
        "postgres://{user}@{relay}/{name}"
    )));
    settings.attachments = dir.path().join("attachments");
    settings.keys = dir.path().join("keys.toml");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(homeward_backend::serve(settings, listener, async {
        let _ = rx.await;
    }));
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let health = || http.get(format!("{base}/healthz")).send();
    assert_eq!(health().await.unwrap().status(), 200);

    silent.store(true, Ordering::Relaxed);
    let started = std::time::Instant::now();
    let resp = health().await.expect("an answer, not a hang");
    eprintln!(
        "silent database link answered {} after {:?}",
        resp.status(),
        started.elapsed()
    );
    assert_eq!(resp.status(), 503);
    let e: ApiError = resp.json().await.expect("the JSON error");
    assert_eq!(e.code, ErrorCode::Backend);

    silent.store(false, Ordering::Relaxed);
    let mut back = false;
    for _ in 0..30 {
        if health().await.is_ok_and(|r| r.status() == 200) {
            back = true;
            break;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    assert!(back, "the backend answers again once the link does");
    let _ = stop.send(());
    task.await.unwrap().unwrap();
}

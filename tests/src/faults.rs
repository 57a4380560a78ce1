//! A fault-injecting TCP proxy on loopback, between apps and the backend: each connection it
//! accepts is passed through, delayed, dropped at once, cut part-way through the request (a
//! reset mid-body), cut part-way through the response (the backend acted but the app never
//! heard), or answered with a 503 without reaching the backend. Choices come from a seeded
//! generator, so a failing run can be replayed.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng as _, SeedableRng as _};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

/// What the proxy did to connections, by kind.
#[derive(Debug, Default)]
pub struct FaultCounts {
    pub clean: AtomicUsize,
    pub delayed: AtomicUsize,
    pub dropped: AtomicUsize,
    pub cut_request: AtomicUsize,
    pub cut_response: AtomicUsize,
    pub unavailable: AtomicUsize,
    /// Bytes passed through, both ways.
    pub bytes: AtomicUsize,
    /// Bytes passed from the apps to the backend.
    pub sent: AtomicUsize,
    /// How many more requests the proxy refuses, in [`FaultProxy::refusing`].
    pub refusals_left: AtomicUsize,
}

impl FaultCounts {
    /// Every kind, as (name, count).
    pub fn all(&self) -> [(&'static str, usize); 6] {
        let get = |a: &AtomicUsize| a.load(Ordering::Relaxed);
        [
            ("clean", get(&self.clean)),
            ("delayed", get(&self.delayed)),
            ("dropped", get(&self.dropped)),
            ("cut_request", get(&self.cut_request)),
            ("cut_response", get(&self.cut_response)),
            ("unavailable", get(&self.unavailable)),
        ]
    }
}

#[derive(Debug, Clone, Copy)]
enum Fault {
    /// Passed through, but closed after this many bytes either way (keep-alive connections do
    /// not live for ever, and the next request meets the next fault).
    Clean(usize),
    Delay(Duration),
    Drop,
    CutRequest(usize),
    CutResponse(usize),
    Unavailable,
    /// Answers 503 if the request starts with this (and refusals are left); otherwise passes
    /// it on a connection that closes after the answer, so the next request is looked at too.
    RefuseStarting(&'static str),
}

pub struct FaultProxy {
    pub url: String,
    pub counts: Arc<FaultCounts>,
    task: tokio::task::JoinHandle<()>,
}

/// How the proxy treats connections.
#[derive(Debug, Clone, Copy)]
enum Mode {
    /// `rate` of connections get a random fault.
    Faults { seed: u64, rate: f64 },
    /// Everything passes; only bytes are counted.
    Transparent,
    /// The connection that carries the app's `n`th byte is cut there; everything else passes.
    CutOnceAt(usize),
    /// Requests starting with this are answered 503, as many times as `refusals_left` says.
    Refusing(&'static str),
}

impl FaultProxy {
    /// Listens on a loopback port and forwards to `upstream`; `fault_rate` of connections get a
    /// fault.
    pub async fn start(upstream: SocketAddr, seed: u64, fault_rate: f64) -> anyhow::Result<Self> {
        Self::with_mode(
            upstream,
            Mode::Faults {
                seed,
                rate: fault_rate,
            },
        )
        .await
    }

    /// A proxy that only counts bytes.
    pub async fn transparent(upstream: SocketAddr) -> anyhow::Result<Self> {
        Self::with_mode(upstream, Mode::Transparent).await
    }

    /// A proxy that cuts the connection carrying the app's `n`th byte, once.
    pub async fn cut_once_at(upstream: SocketAddr, n: usize) -> anyhow::Result<Self> {
        Self::with_mode(upstream, Mode::CutOnceAt(n)).await
    }

    /// A proxy that answers the next `times` requests starting with `start` (`"POST /v1/x"`)
    /// with a 503, and passes everything else.
    pub async fn refusing(
        upstream: SocketAddr,
        start: &'static str,
        times: usize,
    ) -> anyhow::Result<Self> {
        let proxy = Self::with_mode(upstream, Mode::Refusing(start)).await?;
        proxy.counts.refusals_left.store(times, Ordering::Relaxed);
        Ok(proxy)
    }

    async fn with_mode(upstream: SocketAddr, mode: Mode) -> anyhow::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}", listener.local_addr()?);
        let counts = Arc::new(FaultCounts::default());
        let shared = Arc::clone(&counts);
        let task = tokio::spawn(async move {
            let seed = match mode {
                Mode::Faults { seed, .. } => seed,
                _ => 0,
            };
            let mut rng = StdRng::seed_from_u64(seed);
            while let Ok((client, _)) = listener.accept().await {
                let fault = match mode {
                    Mode::Faults { rate, .. } if rng.gen_bool(rate) => match rng.gen_range(0..5) {
                        0 => Fault::Delay(Duration::from_millis(rng.gen_range(20..300))),
                        1 => Fault::Drop,
                        2 => Fault::CutRequest(rng.gen_range(1..200_000)),
                        3 => Fault::CutResponse(rng.gen_range(1..2_000)),
                        _ => Fault::Unavailable,
                    },
                    Mode::Faults { .. } => Fault::Clean(rng.gen_range(500..8_000)),
                    Mode::Transparent => Fault::Clean(usize::MAX),
                    Mode::Refusing(start) => Fault::RefuseStarting(start),
                    Mode::CutOnceAt(n) => {
                        let sent = shared.sent.load(Ordering::Relaxed);
                        if shared.cut_request.load(Ordering::Relaxed) == 0 && sent < n {
                            Fault::CutRequest(n - sent)
                        } else {
                            Fault::Clean(usize::MAX)
                        }
                    }
                };
                let counts = Arc::clone(&shared);
                tokio::spawn(async move {
                    let _ = handle(client, upstream, fault, &counts).await;
                });
            }
        });
        Ok(FaultProxy { url, counts, task })
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Copies at most `limit` bytes from `from` to `to`, then stops.
async fn pipe(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    limit: usize,
    bytes: &AtomicUsize,
    direction: Option<&AtomicUsize>,
) -> std::io::Result<()> {
    let mut buf = vec![0u8; 16 * 1024];
    let mut left = limit;
    while left > 0 {
        let n = from.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        let n = n.min(left);
        to.write_all(&buf[..n]).await?;
        bytes.fetch_add(n, Ordering::Relaxed);
        if let Some(d) = direction {
            d.fetch_add(n, Ordering::Relaxed);
        }
        left -= n;
    }
    to.shutdown().await
}

/// Answers a 503 with the backend's JSON error shape and closes.
async fn unavailable(mut client: TcpStream) -> std::io::Result<()> {
    let body = r#"{"code":"backend","message":"injected fault"}"#;
    let reply = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    client.write_all(reply.as_bytes()).await?;
    client.shutdown().await
}

/// Refuses a request that starts with `start` while refusals are left; passes any other, asking
/// the backend to close the connection after answering it, so each request meets this check.
async fn refuse_starting(
    mut client: TcpStream,
    upstream: SocketAddr,
    start: &str,
    counts: &FaultCounts,
) -> std::io::Result<()> {
    let mut head = vec![0u8; 16 * 1024];
    let n = client.read(&mut head).await?;
    head.truncate(n);
    let refuse = head.starts_with(start.as_bytes())
        && counts
            .refusals_left
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(1)
            })
            .is_ok();
    if refuse {
        counts.unavailable.fetch_add(1, Ordering::Relaxed);
        return unavailable(client).await;
    }
    counts.clean.fetch_add(1, Ordering::Relaxed);
    let line_end = head
        .windows(2)
        .position(|w| w == b"\r\n")
        .map_or(head.len(), |i| i + 2);
    let mut forwarded = head[..line_end].to_vec();
    forwarded.extend_from_slice(b"connection: close\r\n");
    forwarded.extend_from_slice(&head[line_end..]);
    let mut server = TcpStream::connect(upstream).await?;
    server.write_all(&forwarded).await?;
    counts.sent.fetch_add(n, Ordering::Relaxed);
    let (client_read, client_write) = client.into_split();
    let (server_read, server_write) = server.into_split();
    tokio::select! {
        _ = pipe(client_read, server_write, usize::MAX, &counts.bytes, Some(&counts.sent)) => {}
        _ = pipe(server_read, client_write, usize::MAX, &counts.bytes, None) => {}
    }
    Ok(())
}

/// No connection lives longer than this many bytes either way, so a pooled connection that
/// escaped a fault meets the next one soon.
const LIFETIME: usize = 64 * 1024;

async fn handle(
    client: TcpStream,
    upstream: SocketAddr,
    fault: Fault,
    counts: &FaultCounts,
) -> std::io::Result<()> {
    let bump = |a: &AtomicUsize| a.fetch_add(1, Ordering::Relaxed);
    let (request_limit, response_limit) = match fault {
        Fault::Drop => {
            bump(&counts.dropped);
            return Ok(()); // the connection closes without a byte
        }
        Fault::Unavailable => {
            bump(&counts.unavailable);
            let mut client = client;
            let mut buf = vec![0u8; 4096];
            let _ = client.read(&mut buf).await?;
            return unavailable(client).await;
        }
        Fault::RefuseStarting(start) => {
            return refuse_starting(client, upstream, start, counts).await
        }
        Fault::Delay(d) => {
            bump(&counts.delayed);
            tokio::time::sleep(d).await;
            (LIFETIME, LIFETIME)
        }
        Fault::CutRequest(n) => {
            bump(&counts.cut_request);
            (n, LIFETIME)
        }
        Fault::CutResponse(n) => {
            bump(&counts.cut_response);
            (LIFETIME, n)
        }
        Fault::Clean(n) => {
            bump(&counts.clean);
            (n, n)
        }
    };
    let server = TcpStream::connect(upstream).await?;
    let (client_read, client_write) = client.into_split();
    let (server_read, server_write) = server.into_split();
    // Whichever direction reaches its limit or ends first closes the whole connection.
    tokio::select! {
        _ = pipe(client_read, server_write, request_limit, &counts.bytes, Some(&counts.sent)) => {}
        _ = pipe(server_read, client_write, response_limit, &counts.bytes, None) => {}
    }
    Ok(())
}

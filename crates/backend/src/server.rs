//! The HTTP server around the router, made for the open internet: a cap on connections, a
//! deadline for a request's headers, connections that sit idle (or read or write nothing) closed,
//! every request bounded in time and size, errors that are the project's JSON even when they come
//! from a layer rather than a handler, gzip for the catalogue and JSON, a request id, a trace
//! without personal data (the route's pattern, never the path with its references or names), and
//! a shutdown that finishes requests in flight within a bound.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, MatchedPath, Request};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use homeward_domain::ErrorCode;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;
use tokio::time::{sleep, Instant, Sleep};
use tokio_rustls::TlsAcceptor;

use crate::error::AppError;
use crate::settings::Limits;

/// The router with the layers every request passes through.
pub(crate) fn layered(router: Router, limits: &Limits) -> Router {
    use tower_http::compression::predicate::{NotForContentType, Predicate as _};
    use tower_http::compression::{CompressionLayer, DefaultPredicate};
    use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
    use tower_http::trace::TraceLayer;
    let timeouts = Timeouts {
        request: Duration::from_secs(limits.request_timeout_secs),
        upload: Duration::from_secs(limits.upload_timeout_secs),
    };
    let trace = TraceLayer::new_for_http().make_span_with(|req: &Request| {
        let route = req
            .extensions()
            .get::<MatchedPath>()
            .map_or("(no route)", MatchedPath::as_str);
        let id = req
            .headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        tracing::info_span!("request", method = %req.method(), route, id)
    });
    router
        .layer(axum::middleware::from_fn(json_errors))
        .layer(axum::middleware::from_fn(
            move |req: Request, next: Next| within(timeouts, req, next),
        ))
        .layer(axum::extract::DefaultBodyLimit::max(limits.body_bytes))
        .layer(
            CompressionLayer::new().compress_when(DefaultPredicate::new().and(
                NotForContentType::const_new(crate::routes::PACK_CONTENT_TYPE),
            )),
        )
        .layer(trace)
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}

#[derive(Debug, Clone, Copy)]
struct Timeouts {
    request: Duration,
    upload: Duration,
}

/// Answers `408 timed-out` when the request (its body included) is not done in time: a chunk
/// of a document may take longer on a slow line than anything else.
async fn within(timeouts: Timeouts, req: Request, next: Next) -> Response {
    use homeward_domain::wire::path;
    let upload_prefix = path::UPLOADS;
    let limit = if req.uri().path().starts_with(upload_prefix) {
        timeouts.upload
    } else {
        timeouts.request
    };
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => AppError::Refused(
            StatusCode::REQUEST_TIMEOUT,
            ErrorCode::TimedOut,
            "the request was not completed in time".into(),
        )
        .into_response(),
    }
}

/// Turns an error a layer or an extractor answered in plain text (a body over the limit, a
/// malformed header) into the project's JSON error, so a client always reads `{code, message}`.
/// The console's pages answer in HTML of their own and are left as they are.
async fn json_errors(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let console = path.starts_with(crate::console::PREFIX) || path == crate::console::TRACK;
    let resp = next.run(req).await;
    let status = resp.status();
    let is_json = resp
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if console || is_json || !(status.is_client_error() || status.is_server_error()) {
        return resp;
    }
    let code = match status {
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::TooLarge,
        StatusCode::REQUEST_TIMEOUT => ErrorCode::TimedOut,
        StatusCode::NOT_FOUND => ErrorCode::NotFound,
        StatusCode::TOO_MANY_REQUESTS => ErrorCode::TooManyAttempts,
        s if s.is_server_error() => ErrorCode::Internal,
        _ => ErrorCode::InvalidInput,
    };
    let message = status
        .canonical_reason()
        .unwrap_or("refused")
        .to_lowercase();
    let mut fixed = AppError::Refused(status, code, message).into_response();
    // Headers a protocol needs (tus's version, Allow) stay.
    for (name, value) in resp.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            fixed.headers_mut().insert(name.clone(), value.clone());
        }
    }
    fixed
}

/// Reads a certificate chain and its private key (PEM files) into what serves HTTPS.
pub(crate) fn tls_acceptor(files: &crate::settings::TlsFiles) -> anyhow::Result<TlsAcceptor> {
    use anyhow::Context as _;
    use rustls_pki_types::pem::PemObject as _;
    use rustls_pki_types::{CertificateDer, PrivateKeyDer};
    let chain = CertificateDer::pem_file_iter(&files.cert)
        .and_then(Iterator::collect::<Result<Vec<_>, _>>)
        .with_context(|| {
            format!(
                "tls_cert: {} is not a PEM certificate chain",
                files.cert.display()
            )
        })?;
    anyhow::ensure!(
        !chain.is_empty(),
        "tls_cert: {} holds no certificate",
        files.cert.display()
    );
    let key = PrivateKeyDer::from_pem_file(&files.key)
        .with_context(|| format!("tls_key: {} is not a PEM private key", files.key.display()))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .context("tls_key does not match tls_cert")?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(TlsAcceptor::from(Arc::new(config)))
}

/// Accepts connections on `listener` and serves `app` on each (over TLS when `tls` is given)
/// until `shutdown` completes; then stops accepting, lets requests in flight finish for up to
/// the grace period, and returns.
pub(crate) async fn run(
    listener: TcpListener,
    app: Router,
    limits: &Limits,
    tls: Option<TlsAcceptor>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let permits = Arc::new(tokio::sync::Semaphore::new(limits.max_connections));
    let header_timeout = Duration::from_secs(limits.header_timeout_secs);
    let idle = Duration::from_secs(limits.idle_timeout_secs);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors, most often: wait a moment rather than spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            // Full: the connection is closed at once, before it costs anything more.
            tracing::warn!("connection refused: the cap on open connections is reached");
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let connection = Connection {
            app: app.clone(),
            peer,
            header_timeout,
            idle,
            watcher: graceful.watcher(),
        };
        let tls = tls.clone();
        tokio::spawn(async move {
            match tls {
                None => connection.serve(stream).await,
                // The handshake has the headers' deadline: a client that opens a connection
                // and says nothing holds it no longer over TLS than without.
                Some(tls) => match tokio::time::timeout(header_timeout, tls.accept(stream)).await {
                    Ok(Ok(stream)) => connection.serve(stream).await,
                    Ok(Err(e)) => tracing::debug!(error = %e, "TLS handshake failed"),
                    Err(_) => tracing::debug!("TLS handshake not finished in time"),
                },
            }
            drop(permit);
        });
    }
    drop(listener);
    let grace = Duration::from_secs(limits.shutdown_grace_secs);
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("every connection finished"),
        () = sleep(grace) => tracing::warn!("requests still running at the end of the grace period were cut"),
    }
    Ok(())
}

/// One accepted connection, ready to be served over whatever stream it turns out to be.
struct Connection {
    app: Router,
    peer: std::net::SocketAddr,
    header_timeout: Duration,
    idle: Duration,
    watcher: hyper_util::server::graceful::Watcher,
}

impl Connection {
    async fn serve<S>(self, stream: S)
    where
        S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    {
        let (app, peer) = (self.app, self.peer);
        let service =
            hyper::service::service_fn(move |mut req: hyper::Request<hyper::body::Incoming>| {
                req.extensions_mut().insert(ConnectInfo(peer));
                let mut app = app.clone();
                async move {
                    let req = req.map(Body::new);
                    tower_service::Service::call(&mut app, req).await
                }
            });
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(self.header_timeout)
            .keep_alive(true)
            .serve_connection(TokioIo::new(Idle::new(stream, self.idle)), service);
        if let Err(e) = self.watcher.watch(connection).await {
            tracing::debug!(error = %e, "connection ended with an error");
        }
    }
}

/// A connection that fails once it has read and written nothing for `limit`: an idle
/// keep-alive connection, a client that stopped sending its body, or one that stopped reading
/// its answer. (Headers have their own, shorter deadline.)
struct Idle<T> {
    inner: T,
    limit: Duration,
    deadline: Pin<Box<Sleep>>,
}

impl<T> Idle<T> {
    fn new(inner: T, limit: Duration) -> Self {
        Idle {
            inner,
            limit,
            deadline: Box::pin(sleep(limit)),
        }
    }

    /// Something moved: the clock starts again.
    fn moved(&mut self) {
        self.deadline.as_mut().reset(Instant::now() + self.limit);
    }

    /// Nothing could move: an error once the deadline has passed.
    fn waited(&mut self, cx: &mut Context<'_>) -> Poll<io::Error> {
        match self.deadline.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(io::Error::new(
                io::ErrorKind::TimedOut,
                "the connection was idle too long",
            )),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Idle<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match Pin::new(&mut self.inner).poll_read(cx, buf) {
            Poll::Ready(r) => {
                self.moved();
                Poll::Ready(r)
            }
            Poll::Pending => self.waited(cx).map(Err),
        }
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Idle<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write(cx, buf) {
            Poll::Ready(r) => {
                self.moved();
                Poll::Ready(r)
            }
            Poll::Pending => self.waited(cx).map(Err),
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

//! Who is asking, checked once for every route: a device that signed this very request
//! ([`SignedDevice`]), or a member of staff with a session ([`crate::staff::Staff`], and
//! [`Admin`] for what only administrators do).
//!
//! The device's signature is checked against the request as it arrived (its method, path and
//! query, body and binding), so no handler restates what the router already knows, and a
//! handler that takes a [`SignedDevice`] cannot run for an unsigned request.

use std::marker::PhantomData;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use homeward_domain::wire::{self, header, tus, Method, Presented, SignatureProblem};
use homeward_domain::ErrorCode;

use crate::error::AppError;
use crate::staff::{self, Staff};
use crate::AppState;

/// The longest idempotency key taken.
const MAX_IDEMPOTENCY_KEY: usize = 200;

/// What else besides its body a signed request is bound to, read from its headers before the
/// signature is checked.
pub(crate) trait Binding {
    fn read(headers: &HeaderMap) -> Result<String, AppError>;
}

/// Bound to nothing but the request itself.
#[derive(Debug)]
pub(crate) struct Unbound;

impl Binding for Unbound {
    fn read(_: &HeaderMap) -> Result<String, AppError> {
        Ok(String::new())
    }
}

/// Bound to its `Idempotency-Key`: a submission, kept across every retry of it.
#[derive(Debug)]
pub(crate) struct IdempotencyKey;

impl Binding for IdempotencyKey {
    fn read(headers: &HeaderMap) -> Result<String, AppError> {
        headers
            .get(header::IDEMPOTENCY_KEY)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|k| !k.is_empty() && k.len() <= MAX_IDEMPOTENCY_KEY)
            .map(str::to_owned)
            .ok_or_else(|| {
                AppError::BadRequest(format!(
                    "{}: expected a key of 1 to {MAX_IDEMPOTENCY_KEY} characters",
                    header::IDEMPOTENCY_KEY
                ))
            })
    }
}

/// Bound to the file an upload is created for: the hex SHA-256 its `Upload-Metadata` names
/// (tus writes metadata values in base64).
#[derive(Debug)]
pub(crate) struct UploadDigest;

impl Binding for UploadDigest {
    fn read(headers: &HeaderMap) -> Result<String, AppError> {
        let bad = || {
            AppError::BadRequest(format!(
                "{}: expected {} with the file's hex SHA-256, base64-encoded",
                tus::header::UPLOAD_METADATA,
                tus::SHA256_METADATA
            ))
        };
        headers
            .get(tus::header::UPLOAD_METADATA)
            .and_then(|v| v.to_str().ok())
            .and_then(tus::metadata_sha256)
            .ok_or_else(bad)
    }
}

/// A request a registered, unrevoked device signed, recently, exactly as it arrived.
#[derive(Debug)]
pub(crate) struct SignedDevice<B = Unbound> {
    /// The device's public key, base64, as registered.
    pub key: String,
    /// When it signed (seconds since the epoch).
    pub signed_at: i64,
    /// The signature, base64, kept with what it signed so staff can check it again.
    pub signature: String,
    /// What [`Binding`] read.
    pub binding: String,
    pub body: Bytes,
    bound: PhantomData<B>,
}

fn refused(problem: SignatureProblem) -> AppError {
    AppError::Refused(
        StatusCode::UNAUTHORIZED,
        problem.code(),
        problem.to_string(),
    )
}

impl<B: Binding + Send> FromRequest<Arc<AppState>> for SignedDevice<B> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &Arc<AppState>) -> Result<Self, AppError> {
        let method = Method::parse(req.method().as_str()).ok_or(AppError::MethodNotAllowed)?;
        let target = req
            .uri()
            .path_and_query()
            .map_or_else(|| req.uri().path().to_owned(), |p| p.as_str().to_owned());
        let headers = req.headers().clone();
        let binding = B::read(&headers)?;
        let body = Bytes::from_request(req, state).await.map_err(|e| {
            let code = if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ErrorCode::TooLarge
            } else {
                ErrorCode::InvalidInput
            };
            AppError::Refused(e.status(), code, e.body_text())
        })?;
        let presented =
            Presented::from_headers(|name| headers.get(name)?.to_str().ok()).map_err(refused)?;
        // The body must be the one the digest names, and the key a key, before the database
        // is asked whose it is.
        let verifying_key = presented.check_body(&body).map_err(refused)?;
        match state.device(presented.key).await? {
            None => {
                return Err(AppError::Refused(
                    StatusCode::UNAUTHORIZED,
                    ErrorCode::UnknownDevice,
                    "the signing key is not a registered device".into(),
                ))
            }
            Some(d) if d.revoked_at.is_some() => {
                return Err(AppError::Refused(
                    StatusCode::FORBIDDEN,
                    ErrorCode::DeviceRevoked,
                    "the signing key was revoked".into(),
                ))
            }
            Some(_) => {}
        }
        let request = wire::Request {
            method,
            target: &target,
            binding: &binding,
            body: &body,
        };
        let signed_at = presented
            .check_signature(&verifying_key, &request, crate::now_ms() / 1000)
            .map_err(refused)?;
        Ok(SignedDevice {
            key: presented.key.to_owned(),
            signed_at,
            signature: presented.signature.to_owned(),
            binding,
            body,
            bound: PhantomData,
        })
    }
}

impl FromRequestParts<Arc<AppState>> for Staff {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, AppError> {
        staff::session(state, &parts.headers).await
    }
}

/// The client's address, for limits per address: as the connection gives it, or, when the
/// connection comes from a proxy the settings trust, the last address that proxy put in
/// `X-Forwarded-For` (the one it saw; earlier ones are whatever the client claimed). None where
/// the router is called without a connection, as in some tests.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ClientAddr(pub Option<std::net::IpAddr>);

impl FromRequestParts<Arc<AppState>> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip());
        let forwarded = || {
            parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|a| a.trim().parse::<std::net::IpAddr>().ok())
                .next_back()
        };
        Ok(ClientAddr(match peer {
            Some(p) if state.limits.trusted_proxies.contains(&p) => forwarded().or(Some(p)),
            other => other,
        }))
    }
}

/// A member of staff who is an administrator: only they manage keys.
#[derive(Debug)]
pub(crate) struct Admin(pub Staff);

impl FromRequestParts<Arc<AppState>> for Admin {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, AppError> {
        let me = Staff::from_request_parts(parts, state).await?;
        if !me.account.admin {
            return Err(staff::not_allowed("only an administrator manages keys"));
        }
        Ok(Admin(me))
    }
}

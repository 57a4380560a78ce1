//! Devices and submissions: `POST /v1/devices`, `POST /v1/submissions`, `GET /v1/keys`.
//!
//! A submission is taken only when signed by a registered device over this very request
//! ([`homeward_domain::sync::signing_message`]), recently enough not to be a replay. Each refusal
//! has its own code. The `Idempotency-Key` makes retries safe: the same key and body get the
//! first receipt again; the same key with another body gets 422.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use ed25519_dalek::{Signature, Verifier as _};
use homeward_domain::identity::parse_public_key;
use homeward_domain::sync::{
    content_digest, header, signing_message, BackendKeys, DeviceRecord, DeviceRegistration, Feed,
    FeedEvent, Receipt, SignedReceipt, Submission, FEED_PATH, SIGNATURE_WINDOW_SECS,
};
use homeward_domain::DraftId;
use homeward_domain::ErrorCode;
use sha2::{Digest as _, Sha256};

use crate::error::AppError;
use crate::storage::{Intake, NewSubmission, Storage as _, SubmissionRow};
use crate::AppState;

pub(crate) const SUBMISSIONS_PATH: &str = "/v1/submissions";
const MAX_IDEMPOTENCY_KEY: usize = 200;

pub(crate) fn now_ms() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp_nanos() as i64 / 1_000_000
}

fn refused(status: StatusCode, code: ErrorCode, message: &str) -> AppError {
    AppError::Refused(status, code, message.to_owned())
}

/// A JSON body, or a 400 naming what is wrong with it (never axum's plain-text rejection).
pub(crate) fn json_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    serde_json::from_slice(body).map_err(|e| AppError::BadRequest(format!("body: {e}")))
}

pub(crate) async fn keys(State(state): State<Arc<AppState>>) -> Json<BackendKeys> {
    Json(state.signer.public())
}

pub(crate) async fn register_device(
    State(state): State<Arc<AppState>>,
    body: Bytes,
) -> Result<(StatusCode, Json<DeviceRecord>), AppError> {
    let reg: DeviceRegistration = json_body(&body)?;
    if parse_public_key(&reg.public_key).is_none() {
        return Err(AppError::BadRequest(
            "public_key: expected a base64 Ed25519 public key (32 bytes)".into(),
        ));
    }
    let row = state
        .db
        .register_device(reg.public_key.trim(), now_ms())
        .await?;
    if row.revoked_at.is_some() {
        return Err(refused(
            StatusCode::FORBIDDEN,
            ErrorCode::DeviceRevoked,
            "this device key was revoked",
        ));
    }
    Ok((
        StatusCode::CREATED,
        Json(DeviceRecord {
            public_key: row.public_key,
            registered_at: row.registered_at,
        }),
    ))
}

/// The signature headers of a request, all present.
struct Signed<'a> {
    key: &'a str,
    timestamp: &'a str,
    signature: &'a str,
    digest: &'a str,
}

fn signed_headers(headers: &HeaderMap) -> Option<Signed<'_>> {
    let get = |name: &str| headers.get(name)?.to_str().ok().filter(|v| !v.is_empty());
    Some(Signed {
        key: get(header::KEY)?,
        timestamp: get(header::TIMESTAMP)?,
        signature: get(header::SIGNATURE)?,
        digest: get(header::DIGEST)?,
    })
}

/// Checks that a registered, unrevoked device signed this very request recently; returns its
/// key. Each failure has its own code.
pub(crate) async fn verify_signed(
    state: &AppState,
    headers: &HeaderMap,
    method: &str,
    path: &str,
    idempotency_key: &str,
    body: &[u8],
) -> Result<(String, i64, String), AppError> {
    let unauthorized = |code, message| refused(StatusCode::UNAUTHORIZED, code, message);
    let Some(signed) = signed_headers(headers) else {
        return Err(unauthorized(
            ErrorCode::Unsigned,
            "the request carries no device signature",
        ));
    };
    // The body must be the one the digest names, and the digest the one that was signed.
    if signed.digest != content_digest(&B64.encode(Sha256::digest(body))) {
        return Err(unauthorized(
            ErrorCode::BadSignature,
            "the body does not match its content digest",
        ));
    }
    let Some(key) = parse_public_key(signed.key) else {
        return Err(unauthorized(
            ErrorCode::BadSignature,
            "the device key is not an Ed25519 public key",
        ));
    };
    match state.db.device(signed.key.trim()).await? {
        None => {
            return Err(unauthorized(
                ErrorCode::UnknownDevice,
                "the signing key is not a registered device",
            ))
        }
        Some(d) if d.revoked_at.is_some() => {
            return Err(refused(
                StatusCode::FORBIDDEN,
                ErrorCode::DeviceRevoked,
                "the signing key was revoked",
            ))
        }
        Some(_) => {}
    }
    let timestamp: i64 = signed
        .timestamp
        .parse()
        .map_err(|_| unauthorized(ErrorCode::BadSignature, "the timestamp is not a number"))?;
    let signature = B64
        .decode(signed.signature)
        .ok()
        .and_then(|b| Signature::from_slice(&b).ok())
        .ok_or_else(|| unauthorized(ErrorCode::BadSignature, "the signature is malformed"))?;
    let message = signing_message(method, path, idempotency_key, timestamp, signed.digest);
    if key.verify(&message, &signature).is_err() {
        return Err(unauthorized(
            ErrorCode::BadSignature,
            "the signature does not verify",
        ));
    }
    if (now_ms() / 1000 - timestamp).abs() > SIGNATURE_WINDOW_SECS {
        return Err(unauthorized(
            ErrorCode::Replayed,
            "the signature is older than the replay window",
        ));
    }
    Ok((
        signed.key.trim().to_owned(),
        timestamp,
        signed.signature.to_owned(),
    ))
}

pub(crate) async fn submit(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<SignedReceipt>), AppError> {
    let idempotency_key = headers
        .get(header::IDEMPOTENCY_KEY)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= MAX_IDEMPOTENCY_KEY)
        .ok_or_else(|| {
            AppError::BadRequest(format!(
                "{}: expected a key of 1 to {MAX_IDEMPOTENCY_KEY} characters",
                header::IDEMPOTENCY_KEY
            ))
        })?
        .to_owned();
    let (device_key, signed_at, signature) = verify_signed(
        &state,
        &headers,
        "POST",
        SUBMISSIONS_PATH,
        &idempotency_key,
        &body,
    )
    .await?;
    let now = now_ms();
    let sha = Sha256::digest(&body);
    let submission: Submission = json_body(&body)?;
    let Some(guide) = state.catalog.guide(&submission.guide_id.0) else {
        return Err(AppError::BadRequest(
            "guide_id: not a service in the catalogue this backend serves".into(),
        ));
    };
    let level =
        crate::identity::proven_level(&state, &device_key, &submission.attestations).await?;
    if !level.satisfies(guide.min_identity_level) {
        return Err(refused(
            StatusCode::FORBIDDEN,
            ErrorCode::IdentityLevelTooLow,
            &format!(
                "this service needs identity proven at level {}; the attestations sent prove {}",
                guide.min_identity_level.slug(),
                level.slug()
            ),
        ));
    }
    // Every document it names must have arrived whole from this device first.
    for m in &submission.materials {
        let uploaded = state.db.upload_of(&device_key, &m.sha256).await?;
        if !uploaded.is_some_and(|u| u.is_complete()) {
            return Err(refused(
                StatusCode::CONFLICT,
                ErrorCode::MaterialNotUploaded,
                "a document named by the submission has not been uploaded whole",
            ));
        }
    }
    let app = NewSubmission {
        submission_id: submission.submission_id,
        idempotency_key,
        device_key,
        body_sha256: hex::encode(sha),
        body: body.to_vec(),
        signature,
        signed_at,
        guide_id: submission.guide_id.0.clone(),
        draft_id: submission.draft_id.0,
        revision: submission.revision,
        received_at: now,
    };
    match state.db.intake(app).await? {
        Intake::New(row) => {
            tracing::info!(
                application = row.application_seq,
                revision = row.revision,
                "submission received"
            );
            Ok((StatusCode::CREATED, Json(state.signer.sign(&receipt(&row)))))
        }
        Intake::Repeat(row) => Ok((StatusCode::OK, Json(state.signer.sign(&receipt(&row))))),
        Intake::Conflict => Err(refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::IdempotencyConflict,
            "this idempotency key or submission id was used for another submission, or this \
             revision does not answer a request for more material",
        )),
    }
}

/// The receipt for a stored submission; a function of the row alone, so a repeat is answered
/// with the very same signed bytes.
fn receipt(row: &SubmissionRow) -> Receipt {
    Receipt {
        submission_id: row.submission_id,
        reference: row.reference(),
        received_at: row.received_at,
        body_sha256: row.body_sha256.clone(),
        device_key: row.device_key.clone(),
    }
}

/// `after=CURSOR` of the feed; absent means from the start.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct FeedQuery {
    #[serde(default)]
    after: i64,
}

const FEED_PAGE: u32 = 200;

/// `GET /v1/feed?after=CURSOR`: what happened to this device's applications since `after`.
pub(crate) async fn feed(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    uri: axum::http::Uri,
    query: Result<axum::extract::Query<FeedQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Feed>, AppError> {
    let axum::extract::Query(query) =
        query.map_err(|_| AppError::BadRequest("after: expected a whole number".into()))?;
    let path = uri.path_and_query().map_or(FEED_PATH, |p| p.as_str());
    let (device, _, _) = verify_signed(&state, &headers, "GET", path, "", b"").await?;
    let rows = state.db.feed(&device, query.after, FEED_PAGE + 1).await?;
    let more = rows.len() > FEED_PAGE as usize;
    let events: Vec<FeedEvent> = rows
        .into_iter()
        .take(FEED_PAGE as usize)
        .map(|r| FeedEvent {
            cursor: r.cursor,
            draft_id: DraftId(r.draft_id),
            reference: crate::storage::reference(r.application_seq, r.application_created_at),
            event: r.event,
            at: r.at,
        })
        .collect();
    let cursor = events.last().map_or(query.after, |e| e.cursor);
    Ok(Json(Feed {
        events,
        cursor,
        more,
        attestations: state.db.issued_attestations(&device).await?,
        declined_proofing: state.db.declined_proofing(&device).await?,
    }))
}

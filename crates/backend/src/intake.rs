//! Devices and submissions: `POST /v1/devices`, `POST /v1/submissions`, `GET /v1/keys`.
//!
//! A submission is taken only when signed by a registered device over this very request
//! ([`homeward_domain::sync::signing_message`]), recently enough not to be a replay. Each refusal
//! has its own code. The `Idempotency-Key` makes retries safe: the same key and body get the
//! first receipt again; the same key with another body gets 422.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use homeward_domain::catalog::IdentityLevel;
use homeward_domain::identity::parse_public_key;
use homeward_domain::sync::{
    BackendKeys, DeviceRecord, DeviceRegistration, Feed, FeedEvent, Receipt, SignedReceipt,
    Submission,
};
use homeward_domain::ErrorCode;
use sha2::{Digest as _, Sha256};

use crate::auth::{IdempotencyKey, SignedDevice};
use crate::error::AppError;
use crate::storage::{Intake, NewSubmission, SubmissionRow};
use crate::{now_ms, AppState};

fn refused(status: StatusCode, code: ErrorCode, message: &str) -> AppError {
    AppError::Refused(status, code, message.to_owned())
}

/// A JSON body, or a 400 naming what is wrong with it (never axum's plain-text rejection).
pub(crate) fn json_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, AppError> {
    serde_json::from_slice(body).map_err(|e| AppError::BadRequest(format!("body: {e}")))
}

pub(crate) async fn keys(State(state): State<Arc<AppState>>) -> Json<BackendKeys> {
    Json(state.keys.public())
}

/// Refused because a limit per hour was reached.
fn over_quota(what: &str) -> AppError {
    AppError::Refused(
        StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::QuotaExceeded,
        format!("{what}; try again in an hour"),
    )
}

pub(crate) async fn register_device(
    State(state): State<Arc<AppState>>,
    crate::auth::ClientAddr(client): crate::auth::ClientAddr,
    body: Bytes,
) -> Result<(StatusCode, Json<DeviceRecord>), AppError> {
    let reg: DeviceRegistration = json_body(&body)?;
    // The key is checked first: only a real key is counted (and kept) against the address.
    if parse_public_key(&reg.public_key).is_none() {
        return Err(AppError::BadRequest(
            "public_key: expected a base64 Ed25519 public key (32 bytes, not of small order)"
                .into(),
        ));
    }
    if let Some(address) = client {
        if !state
            .registrations
            .take_item(
                state.db.as_ref(),
                &address.to_string(),
                reg.public_key.trim(),
                now_ms(),
            )
            .await?
        {
            return Err(over_quota("too many devices registered from this address"));
        }
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

pub(crate) async fn submit(
    State(state): State<Arc<AppState>>,
    device: SignedDevice<IdempotencyKey>,
) -> Result<(StatusCode, Json<SignedReceipt>), AppError> {
    let SignedDevice {
        key: device_key,
        signed_at,
        signature,
        binding: idempotency_key,
        body,
        ..
    } = device;
    let now = now_ms();
    let sha = Sha256::digest(&body);
    let submission: Submission = json_body(&body)?;
    let Some(guide) = state.catalog.guide(&submission.guide_id.0) else {
        return Err(AppError::BadRequest(
            "guide_id: not a service in the catalogue this backend serves".into(),
        ));
    };
    let (level, mut signers) =
        crate::identity::proven_level(&state, &device_key, &submission).await?;
    let assisted = match crate::identity::assisted(&state, &device_key, &submission).await? {
        Some((assisted, site)) => {
            signers.push(site);
            Some(assisted)
        }
        None => None,
    };
    // A revision of an application handed over from a walk-in's session needs no proof of its
    // own: the person proved who they are at the site, and the new device holds the receipt's
    // secret. Any other submission proves its level itself.
    let handed_over = submission.revision > 0
        && state
            .db
            .handed_over_to(&device_key, submission.draft_id.0)
            .await?;
    if !handed_over && !level.satisfies(guide.min_identity_level) {
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
    // Services anyone can ask for without proof are where junk would flood in: a device sends
    // only so many new ones an hour (a retry of one already taken is not new).
    if guide.min_identity_level == IdentityLevel::SelfAsserted
        && !state.db.submission_known(&idempotency_key).await?
        && !state
            .self_asserted
            .take_item(state.db.as_ref(), &device_key, &idempotency_key, now)
            .await?
    {
        return Err(over_quota(
            "too many applications from this device to services that need no proof of identity",
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
        assisted,
        signers,
    };
    match state.db.intake(app).await? {
        Intake::New(row) => {
            tracing::info!(
                application = row.application_seq,
                revision = row.revision,
                "submission received"
            );
            Ok((StatusCode::CREATED, Json(state.keys.sign(&receipt(&row)))))
        }
        Intake::Repeat(row) => Ok((StatusCode::OK, Json(state.keys.sign(&receipt(&row))))),
        Intake::Conflict => Err(refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::IdempotencyConflict,
            "this idempotency key or submission id was used for another submission, or this \
             revision does not answer a request for more material",
        )),
        Intake::OtherService => Err(refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::RevisionOtherService,
            "a revision must name the service of the application it revises",
        )),
        Intake::DeviceRevoked => Err(refused(
            StatusCode::FORBIDDEN,
            ErrorCode::DeviceRevoked,
            "the signing key was revoked",
        )),
        Intake::SignerRevoked => Err(refused(
            StatusCode::FORBIDDEN,
            ErrorCode::RevokedSigner,
            "a site or officer whose statement this submission relies on was revoked",
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
    query: Result<axum::extract::Query<FeedQuery>, axum::extract::rejection::QueryRejection>,
    SignedDevice { key: device, .. }: SignedDevice,
) -> Result<Json<Feed>, AppError> {
    let axum::extract::Query(query) =
        query.map_err(|_| AppError::BadRequest("after: expected a whole number".into()))?;
    let rows = state.db.feed(&device, query.after, FEED_PAGE + 1).await?;
    let more = rows.len() > FEED_PAGE as usize;
    let events: Vec<FeedEvent> = rows
        .into_iter()
        .take(FEED_PAGE as usize)
        .map(crate::staff::feed_event)
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

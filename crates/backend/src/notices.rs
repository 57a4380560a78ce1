//! Notices: each signer's latest signed feed, published by an administrator and served to
//! every app. The backend checks what a feed is and that it only moves forward; the apps check
//! the signature against keys they already trust, so the backend (or whoever edits its
//! database) cannot make an app show a notice no trusted signer wrote.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Json;
use homeward_domain::catalog::SignedPack;
use homeward_domain::notice::{NoticeFeed, MAX_FEEDS, MAX_NOTICES, NOTICE_FEED_KIND};
use homeward_domain::ErrorCode;
use serde::Serialize;
use sha2::{Digest as _, Sha256};

use crate::error::AppError;
use crate::intake::json_body;
use crate::staff::{not_allowed, Staff};
use crate::storage::NoticeFeedRow;
use crate::AppState;

/// `GET /v1/notices`: every signer's latest feed, as signed, with an ETag.
pub(crate) async fn feeds(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let rows = state.db.notice_feeds().await?;
    // A feed only ever changes to a higher version, so the signers' versions name the answer;
    // the tag costs a few bytes of hashing, not the feeds' whole length, on every check.
    let mut tag = Sha256::new();
    for row in &rows {
        tag.update(format!(
            "{}:{}:{};",
            row.key_id, row.version, row.updated_at
        ));
    }
    let etag = format!("\"{}\"", hex::encode(tag.finalize()));
    // The bodies were checked to be signed envelopes when they were stored; they are served
    // as stored, byte for byte.
    let mut body = String::from("{\"feeds\":[");
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        body.push_str(&row.body);
    }
    body.push_str("]}");
    Ok(crate::routes::with_etag(&headers, &etag, Bytes::from(body)))
}

/// What a publication answers.
#[derive(Debug, Serialize)]
pub(crate) struct Published {
    key_id: String,
    version: u64,
    notices: usize,
}

/// `POST /v1/staff/notices`: an administrator publishes a signer's feed in place of its last.
pub(crate) async fn publish(
    State(state): State<Arc<AppState>>,
    me: Staff,
    body: Bytes,
) -> Result<(StatusCode, Json<Published>), AppError> {
    if !me.account.admin {
        return Err(not_allowed("only an administrator publishes notices"));
    }
    let signed: SignedPack = json_body(&body)?;
    let feed = read_feed(&signed)?;
    let version = i64::try_from(feed.version)
        .map_err(|_| AppError::BadRequest("version: expected a number below 2^63".into()))?;
    let stored = state
        .db
        .put_notice_feed(
            NoticeFeedRow {
                key_id: signed.key_id.clone(),
                version,
                body: serde_json::to_string(&signed).map_err(anyhow::Error::from)?,
                updated_at: crate::now_ms() / 1000,
            },
            i64::try_from(MAX_FEEDS).unwrap_or(i64::MAX),
        )
        .await?;
    if !stored {
        let kept = state.db.notice_feeds().await?;
        let message = match kept.iter().find(|r| r.key_id == signed.key_id) {
            Some(row) => format!(
                "version: {} is not newer than the published version {}; publish from the current feed",
                feed.version, row.version
            ),
            None => format!("key_id: the backend keeps feeds of at most {MAX_FEEDS} signers"),
        };
        return Err(AppError::Refused(
            StatusCode::CONFLICT,
            ErrorCode::Conflict,
            message,
        ));
    }
    tracing::info!(key_id = %signed.key_id, version = feed.version, "notices published");
    Ok((
        StatusCode::CREATED,
        Json(Published {
            key_id: signed.key_id,
            version: feed.version,
            notices: feed.notices.len(),
        }),
    ))
}

/// The feed inside a signed envelope, refused unless it is one: a key id, a signature, and a
/// payload that reads as a notices feed of at most [`MAX_NOTICES`] notices.
fn read_feed(signed: &SignedPack) -> Result<NoticeFeed, AppError> {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    if signed.key_id.len() != 16 || !signed.key_id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AppError::BadRequest(
            "key_id: expected 16 hex digits naming the signing key".into(),
        ));
    }
    if b64.decode(&signed.signature).map(|s| s.len()) != Ok(64) {
        return Err(AppError::BadRequest(
            "signature: expected a base64 Ed25519 signature".into(),
        ));
    }
    let payload = b64
        .decode(&signed.payload)
        .map_err(|_| AppError::BadRequest("payload: expected base64".into()))?;
    let feed: NoticeFeed = serde_json::from_slice(&payload)
        .map_err(|e| AppError::BadRequest(format!("payload: not a notices feed: {e}")))?;
    if feed.kind != NOTICE_FEED_KIND {
        return Err(AppError::BadRequest(format!(
            "payload.kind: expected {NOTICE_FEED_KIND}"
        )));
    }
    if feed.notices.len() > MAX_NOTICES {
        return Err(AppError::BadRequest(format!(
            "payload.notices: at most {MAX_NOTICES}"
        )));
    }
    Ok(feed)
}

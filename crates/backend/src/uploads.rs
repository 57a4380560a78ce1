//! Resumable document uploads: tus 1.0 core protocol with the creation and checksum
//! extensions, every request signed by the device like a submission.
//!
//! An upload is named by its device and the file's SHA-256, so a device that lost the upload's
//! address (a crash between the POST and its answer) finds it again by creating it again. Each
//! PATCH carries a chunk and its checksum; a cut connection loses at most that chunk, and the
//! client resumes from the offset the server acknowledged. A completed file must have the
//! SHA-256 it was announced with.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use homeward_domain::wire::{path, tus};
use homeward_domain::ErrorCode;
use sha2::{Digest as _, Sha256};
use subtle::ConstantTimeEq as _;

use crate::auth::{SignedDevice, UploadDigest};
use crate::blobs::BlobStore as _;
use crate::error::AppError;
use crate::storage::UploadRow;
use crate::AppState;

fn tus_headers(extra: &[(HeaderName, String)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    map.insert(
        h(tus::header::RESUMABLE),
        HeaderValue::from_static(tus::VERSION),
    );
    map.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    for (name, value) in extra {
        if let Ok(v) = HeaderValue::from_str(value) {
            map.insert(name.clone(), v);
        }
    }
    map
}

fn h(name: &'static str) -> HeaderName {
    HeaderName::from_static(name)
}

fn refused(status: StatusCode, code: ErrorCode, message: String) -> AppError {
    AppError::Refused(status, code, message)
}

/// Every request but OPTIONS names the protocol version it speaks.
#[derive(Debug)]
pub(crate) struct TusResumable;

impl<S: Send + Sync> FromRequestParts<S> for TusResumable {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        match parts
            .headers
            .get(tus::header::RESUMABLE)
            .and_then(|v| v.to_str().ok())
        {
            Some(tus::VERSION) => Ok(TusResumable),
            _ => Err(refused(
                StatusCode::PRECONDITION_FAILED,
                ErrorCode::InvalidInput,
                format!("{}: expected {}", tus::header::RESUMABLE, tus::VERSION),
            )),
        }
    }
}

fn number(headers: &HeaderMap, name: &str) -> Result<u64, AppError> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| AppError::BadRequest(format!("{name}: expected a whole number")))
}

pub(crate) async fn options() -> Response {
    let headers = tus_headers(&[
        (h(tus::header::VERSION), tus::VERSION.to_owned()),
        (h(tus::header::EXTENSION), tus::EXTENSIONS.to_owned()),
        (
            h(tus::header::CHECKSUM_ALGORITHM),
            tus::CHECKSUM_ALGORITHMS.to_owned(),
        ),
        (h(tus::header::MAX_SIZE), tus::MAX_SIZE.to_string()),
    ]);
    (StatusCode::NO_CONTENT, headers).into_response()
}

pub(crate) async fn create(
    State(state): State<Arc<AppState>>,
    _: TusResumable,
    headers: HeaderMap,
    device: SignedDevice<UploadDigest>,
) -> Result<Response, AppError> {
    let length = number(&headers, tus::header::UPLOAD_LENGTH)?;
    if length == 0 || length > tus::MAX_SIZE {
        return Err(refused(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::InvalidInput,
            format!("{}: expected 1 byte to 20 MB", tus::header::UPLOAD_LENGTH),
        ));
    }
    room_for(&state, length).await?;
    // A file this device started before is resumed, whatever the quotas; a new one must fit.
    if state
        .db
        .upload_of(&device.key, &device.binding)
        .await?
        .is_none()
    {
        let (unfinished, bytes) = state.db.upload_usage(&device.key).await?;
        let limits = &state.limits;
        if unfinished >= limits.device_unfinished_uploads {
            return Err(refused(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::QuotaExceeded,
                "this device has too many unfinished uploads; finish one first".into(),
            ));
        }
        if bytes.saturating_add(length) > limits.device_upload_bytes {
            return Err(refused(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::QuotaExceeded,
                "this device has sent as many bytes of documents as the city takes from one device"
                    .into(),
            ));
        }
    }
    let mut id = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut id);
    let upload = state
        .db
        .create_upload(UploadRow {
            id: hex::encode(id),
            device_key: device.key,
            sha256: device.binding,
            length,
            offset: 0,
            created_at: crate::now_ms(),
        })
        .await?;
    if upload.length != length {
        return Err(refused(
            StatusCode::CONFLICT,
            ErrorCode::InvalidInput,
            format!(
                "{}: this file was announced before with another length",
                tus::header::UPLOAD_LENGTH
            ),
        ));
    }
    let headers = tus_headers(&[
        (header::LOCATION, path::fill(path::UPLOAD, &[&upload.id])),
        (h(tus::header::UPLOAD_OFFSET), upload.offset.to_string()),
    ]);
    Ok((StatusCode::CREATED, headers).into_response())
}

/// Refuses (`insufficient-storage`) unless `bytes` more leave the settings' margin free where
/// documents are kept: the disk never fills under the database, and what is stored stays whole.
async fn room_for(state: &AppState, bytes: u64) -> Result<(), AppError> {
    use crate::blobs::BlobStore as _;
    match state.blobs.free_bytes().await {
        Some(free) if free < bytes.saturating_add(state.limits.min_free_disk_bytes) => {
            tracing::warn!(free, "disk space low: new documents refused");
            Err(refused(
                StatusCode::INSUFFICIENT_STORAGE,
                ErrorCode::InsufficientStorage,
                "the server is short of disk space; try again later".into(),
            ))
        }
        _ => Ok(()),
    }
}

/// Forgets unfinished uploads older than the settings allow, their bytes with them, every few
/// minutes for as long as the backend runs.
pub(crate) async fn sweep(state: std::sync::Arc<AppState>) {
    let every = std::time::Duration::from_secs(300);
    let ttl_ms = i64::try_from(
        state
            .limits
            .unfinished_upload_hours
            .saturating_mul(3_600_000),
    )
    .unwrap_or(i64::MAX);
    loop {
        let before = crate::now_ms().saturating_sub(ttl_ms);
        match sweep_once(&state, before).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(uploads = n, "unfinished uploads forgotten"),
            Err(e) => tracing::warn!(error = %e, "sweeping unfinished uploads failed"),
        }
        // Expired counts of the limits go too, so the table holds only the current windows.
        let swept = state
            .db
            .sweep_counts(crate::quota::LONGEST_WINDOW_MS, crate::now_ms())
            .await;
        if let Err(e) = swept {
            tracing::warn!(error = %e, "sweeping expired counts failed");
        }
        tokio::time::sleep(every).await;
    }
}

/// Forgets the unfinished uploads started before `before`; how many.
pub(crate) async fn sweep_once(state: &AppState, before: i64) -> anyhow::Result<usize> {
    use crate::blobs::BlobStore as _;
    let mut forgotten = 0;
    loop {
        let stale = state.db.stale_uploads(before, 100).await?;
        if stale.is_empty() {
            return Ok(forgotten);
        }
        for id in stale {
            // Under the upload's turn, so a chunk arriving now finishes first or finds it gone.
            let _turn = state.upload_turns.lock(&id).await;
            if state.db.forget_unfinished_upload(&id).await? {
                state.blobs.remove(&id).await?;
                forgotten += 1;
            }
        }
    }
}

/// The upload `id`, if the device that signed the request started it.
async fn owned(state: &AppState, device: &str, id: &str) -> Result<UploadRow, AppError> {
    state
        .db
        .upload(id)
        .await?
        .filter(|u| u.device_key == device)
        .ok_or(AppError::NotFound("upload"))
}

pub(crate) async fn head(
    State(state): State<Arc<AppState>>,
    _: TusResumable,
    Path(id): Path<String>,
    device: SignedDevice,
) -> Result<Response, AppError> {
    let upload = owned(&state, &device.key, &id).await?;
    let headers = tus_headers(&[
        (h(tus::header::UPLOAD_OFFSET), upload.offset.to_string()),
        (h(tus::header::UPLOAD_LENGTH), upload.length.to_string()),
    ]);
    Ok((StatusCode::OK, headers).into_response())
}

/// Checks `Upload-Checksum: <algorithm> <base64 digest>` against the chunk.
fn checksum_matches(headers: &HeaderMap, chunk: &[u8]) -> Result<bool, AppError> {
    let name = tus::header::UPLOAD_CHECKSUM;
    let Some(value) = headers.get(name).and_then(|v| v.to_str().ok()) else {
        return Ok(true);
    };
    let (algorithm, digest) = value.trim().split_once(' ').ok_or_else(|| {
        AppError::BadRequest(format!("{name}: expected an algorithm and a base64 digest"))
    })?;
    let digest = B64
        .decode(digest.trim())
        .map_err(|_| AppError::BadRequest(format!("{name}: the digest is not base64")))?;
    let computed = match algorithm {
        "sha1" => sha1::Sha1::digest(chunk).to_vec(),
        "sha256" => Sha256::digest(chunk).to_vec(),
        _ => {
            return Err(AppError::BadRequest(format!(
                "{name}: expected one of {}",
                tus::CHECKSUM_ALGORITHMS
            )))
        }
    };
    Ok(computed.ct_eq(&digest).into())
}

pub(crate) async fn patch(
    State(state): State<Arc<AppState>>,
    _: TusResumable,
    headers: HeaderMap,
    Path(id): Path<String>,
    device: SignedDevice,
) -> Result<Response, AppError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if content_type != Some(tus::CHUNK_CONTENT_TYPE) {
        return Err(refused(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::InvalidInput,
            format!("Content-Type: expected {}", tus::CHUNK_CONTENT_TYPE),
        ));
    }
    let offset = number(&headers, tus::header::UPLOAD_OFFSET)?;
    let chunk = device.body;
    // One chunk at a time per upload, from reading where it stands to checking the whole
    // file: a second request racing the first can neither write over bytes already
    // acknowledged nor leave a complete upload whose bytes are not the announced file.
    let _turn = state.upload_turns.lock(&id).await;
    let upload = owned(&state, &device.key, &id).await?;
    if offset != upload.offset {
        return Err(refused(
            StatusCode::CONFLICT,
            ErrorCode::InvalidInput,
            format!(
                "{}: not where the upload stands; ask with HEAD",
                tus::header::UPLOAD_OFFSET
            ),
        ));
    }
    let end = offset + chunk.len() as u64;
    if end > upload.length {
        return Err(refused(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::InvalidInput,
            format!("the chunk goes past {}", tus::header::UPLOAD_LENGTH),
        ));
    }
    if !checksum_matches(&headers, &chunk)? {
        let status =
            StatusCode::from_u16(tus::CHECKSUM_MISMATCH).unwrap_or(StatusCode::BAD_REQUEST);
        return Err(refused(
            status,
            ErrorCode::BadSignature,
            format!(
                "{}: the chunk does not match its checksum",
                tus::header::UPLOAD_CHECKSUM
            ),
        ));
    }
    room_for(&state, chunk.len() as u64).await?;
    state.blobs.write_at(&id, offset, chunk.to_vec()).await?;
    if !state.db.advance_upload(&id, offset, end).await? {
        return Err(refused(
            StatusCode::CONFLICT,
            ErrorCode::InvalidInput,
            "another request moved this upload; ask with HEAD".into(),
        ));
    }
    if end == upload.length {
        let whole = state.blobs.read(&id).await?;
        if hex::encode(Sha256::digest(&whole)) != upload.sha256 {
            // Start again: the bytes are not the file announced.
            state.db.advance_upload(&id, end, 0).await?;
            return Err(refused(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::InvalidInput,
                "the uploaded file does not have the SHA-256 it was announced with".into(),
            ));
        }
    }
    let headers = tus_headers(&[(h(tus::header::UPLOAD_OFFSET), end.to_string())]);
    Ok((StatusCode::NO_CONTENT, headers).into_response())
}

/// Turns to write to uploads: a fixed set of locks, each upload taking the one its id hashes
/// to, so memory stays the same however many uploads there are (two uploads sharing a lock only
/// wait for each other a moment).
#[derive(Debug)]
pub(crate) struct UploadTurns {
    locks: Vec<tokio::sync::Mutex<()>>,
}

impl Default for UploadTurns {
    fn default() -> Self {
        UploadTurns {
            locks: (0..64).map(|_| tokio::sync::Mutex::new(())).collect(),
        }
    }
}

impl UploadTurns {
    pub(crate) async fn lock(&self, id: &str) -> tokio::sync::MutexGuard<'_, ()> {
        use std::hash::{Hash as _, Hasher as _};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        id.hash(&mut h);
        let i = usize::try_from(h.finish() % self.locks.len() as u64).unwrap_or(0);
        self.locks[i].lock().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::{DatabaseUrl, Settings};
    use crate::storage::UploadRow;

    #[tokio::test]
    async fn unfinished_uploads_past_their_time_are_forgotten_with_their_bytes() {
        let dir = tempfile::TempDir::new().unwrap();
        let mut settings = Settings::new(DatabaseUrl::Sqlite(dir.path().join("backend.db")));
        settings.keys = dir.path().join("keys.toml");
        let state = AppState::open(&settings).await.unwrap();
        let now = crate::now_ms();
        // Old and unfinished; new and unfinished; old and finished.
        for (id, created_at, finished) in [("aa", 0, false), ("bb", now, false), ("cc", 0, true)] {
            state
                .db
                .create_upload(UploadRow {
                    id: id.into(),
                    device_key: "device".into(),
                    sha256: id.repeat(32),
                    length: 4,
                    offset: 0,
                    created_at,
                })
                .await
                .unwrap();
            state.blobs.write_at(id, 0, vec![1, 2, 3, 4]).await.unwrap();
            if finished {
                assert!(state.db.advance_upload(id, 0, 4).await.unwrap());
            }
        }
        assert_eq!(sweep_once(&state, now - 60_000).await.unwrap(), 1);
        assert!(state.db.upload("aa").await.unwrap().is_none());
        assert!(state.blobs.read("aa").await.is_err(), "its bytes are gone");
        for kept in ["bb", "cc"] {
            assert!(state.db.upload(kept).await.unwrap().is_some(), "{kept}");
            assert_eq!(state.blobs.read(kept).await.unwrap(), [1, 2, 3, 4]);
        }
        assert_eq!(sweep_once(&state, now - 60_000).await.unwrap(), 0);
    }
}

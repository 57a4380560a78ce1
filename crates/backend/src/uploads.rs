//! Resumable document uploads: tus 1.0 core protocol with the creation and checksum
//! extensions, every request signed by the device like a submission.
//!
//! An upload is named by its device and the file's SHA-256, so a device that lost the upload's
//! address (a crash between the POST and its answer) finds it again by creating it again. Each
//! PATCH carries a chunk and its checksum; a cut connection loses at most that chunk, and the
//! client resumes from the offset the server acknowledged. A completed file must have the
//! SHA-256 it was announced with.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use homeward_domain::sync::UPLOADS_PATH;
use homeward_domain::ErrorCode;
use sha2::{Digest as _, Sha256};

use crate::blobs::BlobStore as _;
use crate::error::AppError;
use crate::intake::verify_signed;
use crate::storage::{Storage as _, UploadRow};
use crate::AppState;

pub const TUS_VERSION: &str = "1.0.0";
/// The largest document accepted.
pub const MAX_SIZE: u64 = 20 * 1024 * 1024;
/// The largest chunk one PATCH may carry.
pub const MAX_CHUNK: usize = 4 * 1024 * 1024;

fn h(name: &'static str) -> HeaderName {
    HeaderName::from_static(name)
}

fn tus_headers(extra: &[(&'static str, String)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    map.insert(h("tus-resumable"), HeaderValue::from_static(TUS_VERSION));
    map.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    for (name, value) in extra {
        if let Ok(v) = HeaderValue::from_str(value) {
            map.insert(h(name), v);
        }
    }
    map
}

fn refused(status: StatusCode, code: ErrorCode, message: &str) -> AppError {
    AppError::Refused(status, code, message.to_owned())
}

/// Every request but OPTIONS names the protocol version it speaks.
fn check_version(headers: &HeaderMap) -> Result<(), AppError> {
    match headers.get("tus-resumable").and_then(|v| v.to_str().ok()) {
        Some(TUS_VERSION) => Ok(()),
        _ => Err(refused(
            StatusCode::PRECONDITION_FAILED,
            ErrorCode::InvalidInput,
            "Tus-Resumable: expected 1.0.0",
        )),
    }
}

fn number(headers: &HeaderMap, name: &str) -> Result<u64, AppError> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| AppError::BadRequest(format!("{name}: expected a whole number")))
}

/// The `sha256` entry of `Upload-Metadata` (tus writes values in base64): the file's hex digest.
fn declared_sha256(headers: &HeaderMap) -> Result<String, AppError> {
    let bad = || {
        AppError::BadRequest(
            "Upload-Metadata: expected sha256 with the file's hex SHA-256, base64-encoded".into(),
        )
    };
    let meta = headers
        .get("upload-metadata")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(bad)?;
    let value = meta
        .split(',')
        .filter_map(|pair| pair.trim().split_once(' '))
        .find(|(k, _)| *k == "sha256")
        .ok_or_else(bad)?
        .1;
    let hex = String::from_utf8(B64.decode(value.trim()).map_err(|_| bad())?).map_err(|_| bad())?;
    if hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(hex.to_ascii_lowercase())
    } else {
        Err(bad())
    }
}

pub(crate) async fn options() -> Response {
    let headers = tus_headers(&[
        ("tus-version", TUS_VERSION.to_owned()),
        ("tus-extension", "creation,checksum".to_owned()),
        ("tus-checksum-algorithm", "sha1,sha256".to_owned()),
        ("tus-max-size", MAX_SIZE.to_string()),
    ]);
    (StatusCode::NO_CONTENT, headers).into_response()
}

pub(crate) async fn create(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    check_version(&headers)?;
    let length = number(&headers, "upload-length")?;
    if length == 0 || length > MAX_SIZE {
        return Err(refused(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::InvalidInput,
            "Upload-Length: expected 1 byte to 20 MB",
        ));
    }
    let sha256 = declared_sha256(&headers)?;
    let (device, _, _) =
        verify_signed(&state, &headers, "POST", UPLOADS_PATH, &sha256, b"").await?;
    let mut id = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut id);
    let upload = state
        .db
        .create_upload(UploadRow {
            id: hex::encode(id),
            device_key: device,
            sha256,
            length,
            offset: 0,
            created_at: crate::staff::now_ms(),
        })
        .await?;
    if upload.length != length {
        return Err(refused(
            StatusCode::CONFLICT,
            ErrorCode::InvalidInput,
            "Upload-Length: this file was announced before with another length",
        ));
    }
    let headers = tus_headers(&[
        ("location", format!("{UPLOADS_PATH}/{}", upload.id)),
        ("upload-offset", upload.offset.to_string()),
    ]);
    Ok((StatusCode::CREATED, headers).into_response())
}

/// The upload `id`, if the signing device started it.
async fn owned(
    state: &AppState,
    headers: &HeaderMap,
    method: &str,
    id: &str,
    body: &[u8],
) -> Result<UploadRow, AppError> {
    let path = format!("{UPLOADS_PATH}/{id}");
    let (device, _, _) = verify_signed(state, headers, method, &path, "", body).await?;
    state
        .db
        .upload(id)
        .await?
        .filter(|u| u.device_key == device)
        .ok_or(AppError::NotFound("upload"))
}

pub(crate) async fn head(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    check_version(&headers)?;
    let upload = owned(&state, &headers, "HEAD", &id, b"").await?;
    let headers = tus_headers(&[
        ("upload-offset", upload.offset.to_string()),
        ("upload-length", upload.length.to_string()),
    ]);
    Ok((StatusCode::OK, headers).into_response())
}

/// Checks `Upload-Checksum: <algorithm> <base64 digest>` against the chunk.
fn checksum_matches(headers: &HeaderMap, chunk: &[u8]) -> Result<bool, AppError> {
    let Some(value) = headers.get("upload-checksum").and_then(|v| v.to_str().ok()) else {
        return Ok(true);
    };
    let (algorithm, digest) = value.trim().split_once(' ').ok_or_else(|| {
        AppError::BadRequest("Upload-Checksum: expected an algorithm and a base64 digest".into())
    })?;
    let digest = B64
        .decode(digest.trim())
        .map_err(|_| AppError::BadRequest("Upload-Checksum: the digest is not base64".into()))?;
    Ok(match algorithm {
        "sha1" => sha1::Sha1::digest(chunk).as_slice() == digest.as_slice(),
        "sha256" => Sha256::digest(chunk).as_slice() == digest.as_slice(),
        _ => {
            return Err(AppError::BadRequest(
                "Upload-Checksum: expected sha1 or sha256".into(),
            ))
        }
    })
}

pub(crate) async fn patch(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    chunk: Bytes,
) -> Result<Response, AppError> {
    check_version(&headers)?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    if content_type != Some("application/offset+octet-stream") {
        return Err(refused(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::InvalidInput,
            "Content-Type: expected application/offset+octet-stream",
        ));
    }
    let offset = number(&headers, "upload-offset")?;
    let upload = owned(&state, &headers, "PATCH", &id, &chunk).await?;
    if offset != upload.offset {
        return Err(refused(
            StatusCode::CONFLICT,
            ErrorCode::InvalidInput,
            "Upload-Offset: not where the upload stands; ask with HEAD",
        ));
    }
    let end = offset + chunk.len() as u64;
    if end > upload.length {
        return Err(refused(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::InvalidInput,
            "the chunk goes past Upload-Length",
        ));
    }
    if !checksum_matches(&headers, &chunk)? {
        // 460 Checksum Mismatch, as the tus checksum extension names it.
        let status = StatusCode::from_u16(460).unwrap_or(StatusCode::BAD_REQUEST);
        return Err(refused(
            status,
            ErrorCode::BadSignature,
            "Upload-Checksum: the chunk does not match its checksum",
        ));
    }
    state.blobs.write_at(&id, offset, chunk.to_vec()).await?;
    if !state.db.advance_upload(&id, offset, end).await? {
        return Err(refused(
            StatusCode::CONFLICT,
            ErrorCode::InvalidInput,
            "another request moved this upload; ask with HEAD",
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
                "the uploaded file does not have the SHA-256 it was announced with",
            ));
        }
    }
    let headers = tus_headers(&[("upload-offset", end.to_string())]);
    Ok((StatusCode::NO_CONTENT, headers).into_response())
}

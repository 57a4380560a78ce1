//! The conversation on an application, for its device: `POST /v1/messages` takes a person's
//! message (signed, once, like a submission, answered with a signed receipt) and
//! `GET /v1/documents/{id}` gives a document of the conversation to the device whose
//! application it is, and to nobody else.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use homeward_domain::conversation::{plain_file_name, Document, PersonMessage};
use homeward_domain::sync::{Receipt, SignedReceipt};
use homeward_domain::ErrorCode;
use sha2::{Digest as _, Sha256};

use crate::auth::{IdempotencyKey, SignedDevice};
use crate::error::AppError;
use crate::intake::json_body;
use crate::storage::{MessageRow, NewDocument, NewMessage, Taken};
use crate::{now_ms, AppState};

/// How many new messages one device sends in an hour: a conversation, not a flood.
pub(crate) const MESSAGES_PER_DEVICE_HOUR: u32 = 60;

/// A fresh name for a document in the blob store and the API: 128 random bits in hex.
pub(crate) fn new_document_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// Whether `id` could be a document's name: hex, as [`new_document_id`] makes them.
fn plausible_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_hexdigit())
}

pub(crate) async fn post_message(
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
    let message: PersonMessage = json_body(&body)?;
    if idempotency_key != message.message_id.to_string() {
        return Err(AppError::BadRequest(
            "Idempotency-Key: must be the message_id".into(),
        ));
    }
    if let Some(problem) = message.problem() {
        return Err(AppError::BadRequest(problem));
    }
    let known = state.db.message(message.message_id).await?.is_some();
    if !known
        && !state
            .messages
            .take_item(
                state.db.as_ref(),
                &device_key,
                &message.message_id.to_string(),
                now,
            )
            .await?
    {
        return Err(AppError::Refused(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::QuotaExceeded,
            "too many messages from this device; try again in an hour".into(),
        ));
    }
    // Every document it carries must have arrived whole from this device first.
    let mut documents = vec![];
    for a in &message.attachments {
        let upload = state
            .db
            .upload_of(&device_key, &a.sha256)
            .await?
            .filter(|u| u.is_complete() && u.length == a.size)
            .ok_or_else(|| {
                AppError::Refused(
                    StatusCode::CONFLICT,
                    ErrorCode::MaterialNotUploaded,
                    "a document the message names has not been uploaded whole".into(),
                )
            })?;
        documents.push(NewDocument {
            document: Document {
                id: new_document_id(),
                file_name: plain_file_name(&a.file_name, "document"),
                mime: a.mime.clone(),
                size: a.size,
                sha256: a.sha256.to_ascii_lowercase(),
            },
            blob_id: upload.id,
        });
    }
    let new = NewMessage {
        message_id: message.message_id,
        device_key,
        draft_id: message.draft_id.0,
        body_sha256: hex::encode(Sha256::digest(&body)),
        body: body.to_vec(),
        signature,
        signed_at,
        received_at: now,
        text: message.text.trim().to_owned(),
        documents,
    };
    match state.db.take_message(new).await? {
        Taken::New(row) => {
            tracing::info!(application = row.application_seq, "message received");
            Ok((StatusCode::CREATED, Json(state.keys.sign(&receipt(&row)))))
        }
        Taken::Repeat(row) => Ok((StatusCode::OK, Json(state.keys.sign(&receipt(&row))))),
        Taken::Conflict => Err(AppError::Refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::IdempotencyConflict,
            "this message id was used for another message".into(),
        )),
        Taken::NoApplication => Err(AppError::NotFound("application")),
    }
}

/// The receipt for a stored message: a function of the row alone, so a repeat is answered with
/// the very same signed bytes.
fn receipt(row: &MessageRow) -> Receipt {
    Receipt {
        submission_id: row.message_id,
        reference: row.reference(),
        received_at: row.received_at,
        body_sha256: row.body_sha256.clone(),
        device_key: row.device_key.clone(),
    }
}

/// `GET /v1/documents/{id}`: a document of the conversation on one of the signing device's
/// applications; any other is not found.
pub(crate) async fn document(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    SignedDevice { key: device, .. }: SignedDevice,
) -> Result<impl IntoResponse, AppError> {
    if !plausible_id(&id) {
        return Err(AppError::NotFound("document"));
    }
    let found = state
        .db
        .document_for_device(&device, &id.to_ascii_lowercase())
        .await?
        .ok_or(AppError::NotFound("document"))?;
    let bytes = crate::blobs::BlobStore::read(&state.blobs, &found.blob_id).await?;
    Ok(document_response(&found.document.mime, bytes))
}

/// A document's bytes as an answer: never cached, never sniffed, never run.
pub(crate) fn document_response(mime: &str, bytes: Vec<u8>) -> impl IntoResponse {
    let mime =
        HeaderValue::from_str(mime).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    (
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; sandbox"),
            ),
        ],
        bytes,
    )
}

/// What a file is, by its first bytes: the office sends only PDFs and photos, whatever the
/// browser called the file.
pub(crate) fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pdfs_and_photos_are_recognised() {
        assert_eq!(sniff(b"%PDF-1.7\n"), Some("application/pdf"));
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff(b"<html><script>"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn a_document_id_is_hex() {
        assert!(plausible_id(&new_document_id()));
        assert!(!plausible_id("../etc"));
        assert!(!plausible_id(""));
        assert!(!plausible_id(&"a".repeat(65)));
    }
}

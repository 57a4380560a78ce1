//! One error type for every handler, answered as JSON `{code, message}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use homeward_domain::{ApiError, ErrorCode};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("method not allowed")]
    MethodNotAllowed,
    /// Refused for a reason with its own code: a bad signature, a replay, a conflict.
    #[error("{2}")]
    Refused(StatusCode, ErrorCode, String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, code, message) = match &self {
            AppError::BadRequest(m) => {
                (StatusCode::BAD_REQUEST, ErrorCode::InvalidInput, m.clone())
            }
            AppError::NotFound(_) => (StatusCode::NOT_FOUND, ErrorCode::NotFound, self.to_string()),
            AppError::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                ErrorCode::InvalidInput,
                self.to_string(),
            ),
            AppError::Refused(status, code, m) => (*status, *code, m.clone()),
            AppError::Internal(e) if storage_full(e) => {
                tracing::warn!(error = %e, "the disk is full: a write was refused");
                (
                    StatusCode::INSUFFICIENT_STORAGE,
                    ErrorCode::InsufficientStorage,
                    "the server is short of disk space; try again later".into(),
                )
            }
            AppError::Internal(e) if database_unavailable(e) => {
                tracing::warn!(error = %e, "the database did not answer in time");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    ErrorCode::Backend,
                    "the database is not answering; try again shortly".into(),
                )
            }
            AppError::Internal(e) => {
                // The detail stays in the log; the client gets a generic message.
                tracing::error!(error = %e, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorCode::Internal,
                    "internal error".into(),
                )
            }
        };
        (status, Json(ApiError::new(code, message))).into_response()
    }
}

/// Whether `e` says the database could not be reached, or did not answer in time (a pooled
/// connection not had, a link gone, a statement cancelled by its timeout), rather than that
/// something is wrong: the client is told to try again (503), not that the server failed.
fn database_unavailable(e: &anyhow::Error) -> bool {
    use tokio_postgres::error::SqlState;
    e.chain().any(|cause| {
        cause
            .downcast_ref::<crate::storage::DatabaseTimeout>()
            .is_some()
            || cause
                .downcast_ref::<deadpool_postgres::PoolError>()
                .is_some()
            || cause
                .downcast_ref::<tokio_postgres::Error>()
                .is_some_and(|pg| match pg.code() {
                    None => true,
                    Some(code) => [
                        SqlState::QUERY_CANCELED,
                        SqlState::ADMIN_SHUTDOWN,
                        SqlState::CANNOT_CONNECT_NOW,
                        SqlState::TOO_MANY_CONNECTIONS,
                    ]
                    .contains(code),
                })
    })
}

/// Whether `e` says a disk is full (the database's or the documents'): nothing was kept, and
/// the client is told to try again later (507) rather than that the server failed.
fn storage_full(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::StorageFull)
            || cause
                .downcast_ref::<rusqlite::Error>()
                .and_then(rusqlite::Error::sqlite_error_code)
                .is_some_and(|code| code == rusqlite::ErrorCode::DiskFull)
            || cause
                .downcast_ref::<tokio_postgres::Error>()
                .and_then(tokio_postgres::Error::code)
                .is_some_and(|code| *code == tokio_postgres::error::SqlState::DISK_FULL)
    })
}

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

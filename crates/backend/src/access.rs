//! The access log read back: a person's device reads what staff did with its data (the role and
//! department, never the account), an administrator reads everything, page by page, newest
//! first.

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use homeward_domain::sync::{AccessLog, AccessRecord};

use crate::auth::{Admin, SignedDevice};
use crate::error::AppError;
use crate::AppState;

/// How many entries a page holds.
pub(crate) const PAGE: u32 = 100;

/// `before=SEQ`: the page of entries older than `SEQ`; absent, the newest.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct Before {
    before: Option<i64>,
}

fn before(query: Result<Query<Before>, QueryRejection>) -> Result<Option<i64>, AppError> {
    let Query(q) =
        query.map_err(|_| AppError::BadRequest("before: expected a whole number".into()))?;
    Ok(q.before)
}

/// A page of the log about `device_key` (all of it when None).
pub(crate) async fn page(
    state: &AppState,
    device_key: Option<&str>,
    before: Option<i64>,
    limit: u32,
) -> Result<AccessLog, AppError> {
    let mut records = state.db.access_log(device_key, before, limit + 1).await?;
    let more = records.len() > limit as usize;
    records.truncate(limit as usize);
    Ok(AccessLog { records, more })
}

/// `GET /v1/access-log`, signed by a device: what staff did with its data.
pub(crate) async fn for_device(
    State(state): State<Arc<AppState>>,
    query: Result<Query<Before>, QueryRejection>,
    SignedDevice { key: device, .. }: SignedDevice,
) -> Result<Json<AccessLog>, AppError> {
    let mut log = page(&state, Some(&device), before(query)?, PAGE).await?;
    for r in &mut log.records {
        *r = AccessRecord {
            by: None,
            subject: None,
            ..r.clone()
        };
    }
    Ok(Json(log))
}

/// `GET /v1/staff/access-log`, for an administrator: everything, with who did it.
pub(crate) async fn for_admin(
    State(state): State<Arc<AppState>>,
    _: Admin,
    query: Result<Query<Before>, QueryRejection>,
) -> Result<Json<AccessLog>, AppError> {
    Ok(Json(page(&state, None, before(query)?, PAGE).await?))
}

//! The back office's JSON API (`/v1/staff/...`), with a bearer token from `POST
//! /v1/staff/sessions`. `homeward admin` is its client.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use homeward_domain::staff::{
    ApplicationDetail, ApplicationSummary, Decision, NewStaff, Routing, StaffLogin, StaffToken,
};
use homeward_domain::sync::ApplicationStatus;

use crate::auth::ClientAddr;
use crate::error::AppError;
use crate::intake::json_body;
use crate::staff::{self, Staff};
use crate::storage::{ApplicationFilter, ListCursor};
use crate::AppState;

pub(crate) async fn sign_in(
    State(state): State<Arc<AppState>>,
    ClientAddr(client): ClientAddr,
    body: Bytes,
) -> Result<(StatusCode, Json<StaffToken>), AppError> {
    let login: StaffLogin = json_body(&body)?;
    let (token, _, expires_at) =
        staff::sign_in(&state, &login.username, &login.password, client).await?;
    Ok((StatusCode::CREATED, Json(StaffToken { token, expires_at })))
}

#[derive(Debug, serde::Deserialize)]
pub(crate) struct ListQuery {
    status: Option<String>,
    guide: Option<String>,
    after: Option<String>,
    limit: Option<u32>,
}

/// The filter a list request names, within what `staff` may read; an unknown status or a
/// malformed cursor is a 400 naming the field.
pub(crate) fn filter(
    staff: &Staff,
    status: Option<&str>,
    guide: Option<&str>,
    after: Option<&str>,
    limit: Option<u32>,
) -> Result<ApplicationFilter, AppError> {
    let after = match after.map(str::trim).filter(|a| !a.is_empty()) {
        None => None,
        Some(a) => Some(a.parse::<ListCursor>().map_err(|()| {
            AppError::BadRequest(
                "after: expected where the page before ended, as UPDATED_AT.SEQ (two whole \
                 numbers)"
                    .into(),
            )
        })?),
    };
    let status = match status.map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(ApplicationStatus::from_slug(s).ok_or_else(|| {
            AppError::BadRequest(format!(
                "status: expected one of {}",
                ApplicationStatus::ALL
                    .map(ApplicationStatus::slug)
                    .join(", ")
            ))
        })?),
    };
    Ok(ApplicationFilter {
        status,
        guide: guide
            .map(str::trim)
            .filter(|g| !g.is_empty())
            .map(str::to_owned),
        department: staff.scope().map(str::to_owned),
        after,
        limit: limit.unwrap_or(100).clamp(1, 500),
    })
}

pub(crate) async fn list(
    State(state): State<Arc<AppState>>,
    me: Staff,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<ApplicationSummary>>, AppError> {
    let Query(q) = query.map_err(|e| AppError::BadRequest(format!("query: {e}")))?;
    let filter = filter(
        &me,
        q.status.as_deref(),
        q.guide.as_deref(),
        q.after.as_deref(),
        q.limit,
    )?;
    let rows = state.db.applications(filter).await?;
    Ok(Json(rows.iter().map(staff::summary).collect()))
}

pub(crate) async fn show(
    State(state): State<Arc<AppState>>,
    me: Staff,
    Path(reference): Path<String>,
) -> Result<Json<ApplicationDetail>, AppError> {
    Ok(Json(staff::open(&state, &me, &reference).await?))
}

pub(crate) async fn decide(
    State(state): State<Arc<AppState>>,
    me: Staff,
    Path(reference): Path<String>,
    body: Bytes,
) -> Result<Json<ApplicationSummary>, AppError> {
    let d: Decision = json_body(&body)?;
    Ok(Json(
        staff::decide(
            &state,
            &me,
            &reference,
            d.status,
            staff::Said {
                message: d.message,
                request: d.request,
            },
            d.version,
        )
        .await?,
    ))
}

pub(crate) async fn route(
    State(state): State<Arc<AppState>>,
    me: Staff,
    Path(reference): Path<String>,
    body: Bytes,
) -> Result<Json<ApplicationSummary>, AppError> {
    let r: Routing = json_body(&body)?;
    Ok(Json(
        staff::route(&state, &me, &reference, &r.department, r.version).await?,
    ))
}

pub(crate) async fn disable_account(
    State(state): State<Arc<AppState>>,
    me: Staff,
    Path(username): Path<String>,
) -> Result<StatusCode, AppError> {
    staff::disable_account(&state, &me, &username).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub(crate) async fn add_account(
    State(state): State<Arc<AppState>>,
    me: Staff,
    body: Bytes,
) -> Result<StatusCode, AppError> {
    let n: NewStaff = json_body(&body)?;
    staff::add_account(
        &state,
        &me,
        &n.username,
        &n.password,
        n.role(),
        n.department.as_deref(),
    )
    .await?;
    Ok(StatusCode::CREATED)
}

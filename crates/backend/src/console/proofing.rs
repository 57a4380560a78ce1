//! Verification by video: the requests waiting for an officer, one request with the details to
//! compare on the call, and the officer's attestation or their closing it without one.

use std::sync::Arc;

use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{Redirect, Response};
use axum::Form;
use homeward_domain::catalog::IdentityLevel;
use homeward_domain::identity::DocumentKind;
use homeward_domain::privacy::Profile;
use homeward_domain::sync::AccessAction;
use homeward_domain::Lang;
use homeward_i18n::key;
use maud::{html, Markup};
use serde::Deserialize;

use super::layout::{self, csrf_field};
use super::paths;
use super::{
    answer, lang_of, posted_by, profile_table, session, tr, tr_args, when, CsrfForm, Typed,
};
use crate::error::AppError;
use crate::staff::{self, Staff};
use crate::storage::ProofingRow;
use crate::AppState;

/// How many requests a page of the queue shows.
const QUEUE_PAGE: u32 = 50;

#[derive(Debug, Deserialize)]
pub(super) struct QueueQuery {
    #[serde(default)]
    page: u32,
}

/// Requests for verification by video still waiting for an officer, a page at a time.
pub(super) async fn list(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    query: Result<axum::extract::Query<QueueQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let axum::extract::Query(q) =
            query.map_err(|_| AppError::BadRequest("page: expected a whole number".into()))?;
        let me = session(&state, &headers).await?;
        staff::require_officer(&me)?;
        let skip = q.page.saturating_mul(QUEUE_PAGE);
        let mut rows = state
            .db
            .proofing_requests(true, skip, QUEUE_PAGE + 1)
            .await?;
        let more = rows.len() > QUEUE_PAGE as usize;
        rows.truncate(QUEUE_PAGE as usize);
        Ok(list_page(lang, &me, &rows, q.page, more))
    }
    .await;
    answer(lang, result)
}

/// The requests still open, oldest first: page `page`, and links to the pages around it.
fn list_page(lang: Lang, me: &Staff, rows: &[ProofingRow], page: u32, more: bool) -> Markup {
    let body = html! {
        p class="muted" { a href=(paths::HOME) { (tr(lang, "console-back")) } }
        h1 { (tr(lang, "console-proofing")) }
        p class="muted" { (tr(lang, "console-proofing-intro")) }
        @if rows.is_empty() {
            p class="muted" id="no-proofing" { (tr(lang, "console-proofing-none")) }
        } @else {
            table id="proofing" {
                thead {
                    tr {
                        th { (tr(lang, "console-proofing-requested")) }
                        th { (tr(lang, "profile-name-han")) }
                        th { (tr(lang, "console-proofing-contact")) }
                    }
                }
                tbody {
                    @for r in rows {
                        tr {
                            td { a href=(paths::fill(paths::PROOFING_REQUEST, &[&r.id.to_string()])) { (when(r.requested_at)) } }
                            td { (Typed(&profile(r).name_han)) }
                            td { (Typed(&r.contact)) }
                        }
                    }
                }
            }
        }
        p {
            @if page > 0 {
                a id="queue-earlier" href={ (paths::PROOFING) "?page=" (page - 1) } {
                    (tr(lang, "console-queue-earlier"))
                }
                " "
            }
            @if more {
                a id="queue-later" href={ (paths::PROOFING) "?page=" (page + 1) } {
                    (tr(lang, "console-queue-later"))
                }
            }
        }
    };
    layout::page(lang, &tr(lang, "console-proofing"), Some(me), &body)
}

/// The details the person asked to be compared with, as they sent them.
fn profile(row: &ProofingRow) -> Profile {
    serde_json::from_str(&row.profile).unwrap_or_default()
}

pub(super) async fn detail(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let me = session(&state, &headers).await?;
        staff::require_officer(&me)?;
        let id = request_id(&id)?;
        let row = state
            .db
            .proofing_request(id)
            .await?
            .ok_or(AppError::NotFound("proofing request"))?;
        let about = staff::About {
            device_key: Some(&row.device_key),
            reference: None,
            subject: Some(row.id.to_string()),
        };
        staff::record_access(&state, &me, AccessAction::ViewedProofingRequest, about).await?;
        Ok(detail_page(lang, &me, &row))
    }
    .await;
    answer(lang, result)
}

/// One request: the details to compare, then the forms to attest or decline; or, once closed,
/// who closed it and how.
fn detail_page(lang: Lang, me: &Staff, row: &ProofingRow) -> Markup {
    let profile = profile(row);
    let id = row.id.to_string();
    let body = html! {
        p class="muted" { a href=(paths::PROOFING) { (tr(lang, "console-proofing")) } }
        h1 { (tr(lang, "console-proofing-call")) }
        section class="card" {
            p { strong { (tr(lang, "console-proofing-contact")) } " " (Typed(&row.contact)) }
            (profile_table(lang, &profile))
        }
        @if let Some(at) = row.closed_at {
            @let (class, mark, done) = if row.token.is_some() {
                ("ok", "✓", key("console-proofing-done"))
            } else {
                ("bad", "✗", key("console-proofing-declined"))
            };
            @let officer = row.closed_by.clone().unwrap_or_default();
            p class=(class) id="proofing-done" {
                (mark) " " (tr_args(lang, done, &[("officer", officer.into()), ("time", when(at).into())]))
            }
        } @else {
            form class="card" method="post" action=(paths::fill(paths::ATTEST, &[&id])) id="attest-form" {
                (csrf_field(me))
                label for="level" { (tr(lang, "console-proofing-level")) }
                select id="level" name="level" {
                    option value="remote-attended" { (tr(lang, "level-remote-attended")) }
                    option value="documents-reviewed" { (tr(lang, "level-documents-reviewed")) }
                }
                fieldset {
                    legend { (tr(lang, "site-documents-checked")) }
                    label {
                        input type="checkbox" name="passport" id="doc-passport" value="1";
                        " " (tr(lang, "document-passport"))
                    }
                    label {
                        input type="checkbox" name="id_card" id="doc-id-card" value="1";
                        " " (tr(lang, "document-id-card"))
                    }
                }
                label {
                    input type="checkbox" name="confirm" id="confirm" value="1" required;
                    " " (tr(lang, "console-proofing-confirm"))
                }
                p { button type="submit" id="attest" { (tr(lang, "console-proofing-attest")) } }
            }
            form class="card" method="post" action=(paths::fill(paths::DECLINE, &[&id])) id="decline-form" {
                (csrf_field(me))
                p class="muted" { (tr(lang, "console-proofing-decline-body")) }
                p { button type="submit" id="decline" { (tr(lang, "console-proofing-decline")) } }
            }
        }
    };
    layout::page(lang, &tr(lang, "console-proofing-call"), Some(me), &body)
}

#[derive(Debug, Deserialize)]
pub(super) struct AttestForm {
    #[serde(default)]
    csrf: String,
    level: String,
    #[serde(default)]
    passport: Option<String>,
    #[serde(default)]
    id_card: Option<String>,
    #[serde(default)]
    confirm: Option<String>,
}

pub(super) async fn attest(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    posted: Result<Form<AttestForm>, FormRejection>,
) -> Response {
    let result = async {
        let (me, posted) = posted_by(&state, &headers, posted, |f| &f.csrf).await?;
        let id = request_id(&id)?;
        if posted.confirm.is_none() {
            return Err(AppError::BadRequest(
                "confirm: confirm that you saw the person and their document".into(),
            ));
        }
        let level = IdentityLevel::ALL
            .into_iter()
            .find(|l| l.slug() == posted.level)
            .ok_or_else(|| AppError::BadRequest("level: not a known level".into()))?;
        let mut documents = vec![];
        if posted.passport.is_some() {
            documents.push(DocumentKind::Passport);
        }
        if posted.id_card.is_some() {
            documents.push(DocumentKind::IdCard);
        }
        crate::identity::attest_by_officer(&state, &me, id, level, documents).await?;
        Ok(to_request(id))
    }
    .await;
    answer(lang_of(&headers), result)
}

pub(super) async fn decline(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    posted: Result<Form<CsrfForm>, FormRejection>,
) -> Response {
    let result = async {
        let (me, _) = posted_by(&state, &headers, posted, |f| &f.csrf).await?;
        let id = request_id(&id)?;
        crate::identity::decline_by_officer(&state, &me, id).await?;
        Ok(to_request(id))
    }
    .await;
    answer(lang_of(&headers), result)
}

/// Back to the request's page, which now says how it was closed.
fn to_request(id: uuid::Uuid) -> Redirect {
    Redirect::to(&paths::fill(paths::PROOFING_REQUEST, &[&id.to_string()]))
}

/// A video request's id from the path, or a 400 naming it.
fn request_id(id: &str) -> Result<uuid::Uuid, AppError> {
    id.parse()
        .map_err(|_| AppError::BadRequest("id: not a request id".into()))
}

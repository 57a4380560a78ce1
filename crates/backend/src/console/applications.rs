//! Applications: the filtered list, one application opened (its answers, documents, identity
//! proofs and timeline), deciding and routing it, its documents, and withdrawing the key of a
//! lost device from its page.

mod detail;

use std::sync::Arc;

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{Redirect, Response};
use axum::Form;
use homeward_domain::identity::IssuerKind;
use homeward_domain::sync::{
    AccessAction, ApplicationStatus, MaterialRequest, RequestReason, StaffRole,
};
use homeward_domain::Lang;
use maud::{html, Markup};
use serde::Deserialize;

use super::paths;
use super::{answer, guide_title, lang_of, layout, posted_by, session, tr, tr_args, when};
use crate::error::AppError;
use crate::routes::CatalogBody;
use crate::staff::{self, Staff};
use crate::storage::{ApplicationFilter, ApplicationRow, ListCursor};
use crate::AppState;

/// A status as a coloured tag; `data-status` names it for tests and scripts.
pub(super) fn status_tag(lang: Lang, status: ApplicationStatus) -> Markup {
    html! {
        span class={ "tag " (status.slug()) } data-status=(status.slug()) {
            (tr(lang, &format!("application-status-{}", status.slug())))
        }
    }
}

#[derive(Debug, Deserialize)]
pub(super) struct ListQuery {
    status: Option<String>,
    guide: Option<String>,
    after: Option<String>,
}

pub(super) async fn list(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let Query(q) = query.map_err(|e| AppError::BadRequest(format!("query: {e}")))?;
        let me = session(&state, &headers).await?;
        let filter = crate::staff_api::filter(
            &me,
            q.status.as_deref(),
            q.guide.as_deref(),
            q.after.as_deref(),
            Some(PAGE),
        )?;
        let rows = state.db.applications(filter.clone()).await?;
        Ok(list_page(&state.catalog, lang, &me, &filter, &rows))
    }
    .await;
    answer(lang, result)
}

/// Applications on one page of the list.
const PAGE: u32 = 200;

/// The list's address for the page after `rows`, with the same filters; none when `rows` is
/// the last page.
fn next_page(filter: &ApplicationFilter, rows: &[ApplicationRow]) -> Option<String> {
    if rows.len() < PAGE as usize {
        return None;
    }
    let last = ListCursor::after(rows.last()?);
    let mut query = form_urlencoded::Serializer::new(String::new());
    if let Some(status) = filter.status {
        query.append_pair("status", status.slug());
    }
    if let Some(guide) = &filter.guide {
        query.append_pair("guide", guide);
    }
    query.append_pair("after", &last.to_string());
    Some(format!("{}?{}", paths::HOME, query.finish()))
}

/// The list: the way to the other pages, the filters as set, and the applications.
fn list_page(
    catalog: &CatalogBody,
    lang: Lang,
    me: &Staff,
    filter: &ApplicationFilter,
    rows: &[ApplicationRow],
) -> Markup {
    let body = html! {
        h1 { (tr(lang, "console-applications")) }
        p {
            a href=(paths::LETTERS) id="open-letters" { (tr(lang, "console-letters")) }
            @if me.account.role != StaffRole::Reviewer {
                " · "
                a href=(paths::PROOFING) id="open-proofing" { (tr(lang, "console-proofing")) }
            }
            @if me.account.admin {
                " · "
                a href=(paths::ACCOUNTS) id="open-accounts" { (tr(lang, "console-accounts")) }
                " · "
                a href=(paths::SITES) id="open-sites" { (tr(lang, "console-sites")) }
            }
        }
        @if let Some(department) = me.scope() {
            p class="muted" id="scope" {
                (tr_args(lang, "console-scope", &[("department", department.into())]))
            }
        }
        form class="filters" method="get" action=(paths::HOME) {
            div {
                label for="status" { (tr(lang, "console-filter-status")) }
                select id="status" name="status" {
                    option value="" { (tr(lang, "console-filter-any")) }
                    @for s in ApplicationStatus::ALL {
                        option value=(s.slug()) selected[filter.status == Some(s)] {
                            (tr(lang, &format!("application-status-{}", s.slug())))
                        }
                    }
                }
            }
            div {
                label for="guide" { (tr(lang, "console-filter-guide")) }
                input id="guide" name="guide" value=(filter.guide.as_deref().unwrap_or(""));
            }
            div { button type="submit" { (tr(lang, "console-filter-apply")) } }
        }
        @if rows.is_empty() {
            p class="muted" id="none" { (tr(lang, "console-none")) }
        } @else {
            table id="applications" {
                thead {
                    tr {
                        th { (tr(lang, "console-col-reference")) }
                        th { (tr(lang, "console-col-service")) }
                        th { (tr(lang, "console-col-status")) }
                        th { (tr(lang, "console-col-department")) }
                        th { (tr(lang, "console-col-updated")) }
                    }
                }
                tbody {
                    @for a in rows {
                        @let reference = a.reference();
                        tr data-reference=(reference) {
                            td { a href=(paths::fill(paths::APPLICATION, &[&reference])) { (reference) } }
                            td { (guide_title(catalog, lang, &a.guide_id)) }
                            td { (status_tag(lang, a.status)) }
                            td { (a.department.as_deref().unwrap_or("—")) }
                            td { (when(a.updated_at)) }
                        }
                    }
                }
            }
            @if let Some(next) = next_page(filter, rows) {
                p { a href=(next) id="next-page" rel="next" { (tr(lang, "console-next-page")) } }
            }
        }
    };
    layout::page(lang, &tr(lang, "console-applications"), Some(me), &body)
}

pub(super) async fn detail(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(reference): Path<String>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let me = session(&state, &headers).await?;
        let d = staff::open(&state, &me, &reference).await?;
        // The site's name as registered, for an application sent from a walk-in there.
        let site = match d.summary.site_id.as_deref() {
            Some(id) => state.db.signer(IssuerKind::Site.slug(), id).await?,
            None => None,
        };
        let site = site.map(|s| s.name);
        Ok(detail::page(&state.catalog, lang, &me, &d, site.as_deref()))
    }
    .await;
    answer(lang, result)
}

/// The name of a requested document question's checkbox: its field id after this prefix.
pub(super) const WANT: &str = "want:";

#[derive(Debug, Deserialize)]
pub(super) struct DecisionForm {
    #[serde(default)]
    csrf: String,
    status: String,
    #[serde(default)]
    message: String,
    // Text, not a number: the checkboxes below are collected with `flatten`, through which a
    // form's values reach only as text.
    version: String,
    /// The reason for a request for more material, from the fixed list; empty for none.
    #[serde(default)]
    reason: String,
    /// The document questions ticked, as `want:<field>` = `on`.
    #[serde(flatten)]
    ticked: std::collections::BTreeMap<String, String>,
}

impl DecisionForm {
    /// What the decision says: the officer's words, and the request if a reason was chosen.
    fn said(&self) -> Result<staff::Said, AppError> {
        let fields: Vec<String> = self
            .ticked
            .keys()
            .filter_map(|k| k.strip_prefix(WANT))
            .map(str::to_owned)
            .collect();
        let request = match (self.reason.as_str(), fields.is_empty()) {
            ("", true) => None,
            ("", false) => {
                return Err(AppError::BadRequest(
                    "reason: say why the ticked documents are needed".into(),
                ))
            }
            (slug, _) => Some(MaterialRequest {
                fields,
                reason: RequestReason::from_slug(slug)
                    .ok_or_else(|| AppError::BadRequest("reason: not a known reason".into()))?,
            }),
        };
        Ok(staff::Said {
            message: self.message.clone(),
            request,
        })
    }
}

pub(super) async fn decide(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(reference): Path<String>,
    posted: Result<Form<DecisionForm>, FormRejection>,
) -> Response {
    let result = async {
        let (me, posted) = posted_by(&state, &headers, posted, |f| &f.csrf).await?;
        let status = ApplicationStatus::from_slug(&posted.status)
            .ok_or_else(|| AppError::BadRequest("status: not a known status".into()))?;
        let version = posted
            .version
            .parse()
            .map_err(|_| AppError::BadRequest("version: a whole number".into()))?;
        staff::decide(&state, &me, &reference, status, posted.said()?, version).await
    }
    .await;
    answer(
        lang_of(&headers),
        result.map(|s| to_application(&s.reference)),
    )
}

#[derive(Debug, Deserialize)]
pub(super) struct RouteForm {
    #[serde(default)]
    csrf: String,
    department: String,
    version: i64,
}

pub(super) async fn route(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(reference): Path<String>,
    posted: Result<Form<RouteForm>, FormRejection>,
) -> Response {
    let result = async {
        let (me, posted) = posted_by(&state, &headers, posted, |f| &f.csrf).await?;
        staff::route(&state, &me, &reference, &posted.department, posted.version).await
    }
    .await;
    answer(
        lang_of(&headers),
        result.map(|s| to_application(&s.reference)),
    )
}

/// Back to the application's page after a form on it did its work.
fn to_application(reference: &str) -> Redirect {
    Redirect::to(&paths::fill(paths::APPLICATION, &[reference]))
}

/// A document of an application, for staff signed in; only one the application names.
pub(super) async fn material(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path((reference, sha256)): Path<(String, String)>,
) -> Response {
    let result = async {
        let me = session(&state, &headers).await?;
        let app = staff::find(&state, &me, &reference).await?;
        let named = state
            .db
            .submissions(app.seq)
            .await?
            .iter()
            .filter_map(|s| {
                serde_json::from_slice::<homeward_domain::sync::Submission>(&s.body).ok()
            })
            .flat_map(|s| s.materials)
            .find(|m| m.sha256 == sha256)
            .ok_or(AppError::NotFound("document"))?;
        let about = staff::About {
            device_key: Some(&app.device_key),
            reference: Some(app.reference()),
            subject: Some(sha256.clone()),
        };
        staff::record_access(&state, &me, AccessAction::DownloadedDocument, about).await?;
        let upload = state
            .db
            .upload_of(&app.device_key, &sha256)
            .await?
            .filter(crate::storage::UploadRow::is_complete)
            .ok_or(AppError::NotFound("document"))?;
        let bytes = crate::blobs::BlobStore::read(&state.blobs, &upload.id).await?;
        Ok(crate::conversation::document_response(&named.mime, bytes))
    }
    .await;
    answer(lang_of(&headers), result)
}

#[derive(Debug, Deserialize)]
pub(super) struct RevokeDeviceForm {
    #[serde(default)]
    csrf: String,
    public_key: String,
    reference: String,
    #[serde(default)]
    confirm: Option<String>,
}

/// An administrator withdraws a device's key from an application's page (a lost phone).
pub(super) async fn revoke_device(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    posted: Result<Form<RevokeDeviceForm>, FormRejection>,
) -> Response {
    let result = async {
        let (me, posted) = posted_by(&state, &headers, posted, |f| &f.csrf).await?;
        if !me.account.admin {
            return Err(staff::not_allowed("only an administrator revokes a device"));
        }
        if posted.confirm.is_none() {
            return Err(AppError::BadRequest(
                "confirm: confirm that the person asked for this".into(),
            ));
        }
        crate::identity::revoke_device_by(&state, &me, &posted.public_key).await?;
        Ok(to_application(posted.reference.trim()))
    }
    .await;
    answer(lang_of(&headers), result)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(seq: i64) -> ApplicationRow {
        ApplicationRow {
            seq,
            device_key: "dev".into(),
            draft_id: uuid::Uuid::nil(),
            guide_id: "g".into(),
            status: ApplicationStatus::Received,
            department: None,
            created_at: 0,
            updated_at: 1_000 + seq,
            version: 1,
            site_id: None,
            volunteer: None,
        }
    }

    #[test]
    fn a_full_page_links_to_the_next_with_the_same_filters_and_the_last_page_does_not() {
        let filter = ApplicationFilter {
            status: Some(ApplicationStatus::Received),
            guide: Some("户口 & more".into()),
            limit: PAGE,
            ..Default::default()
        };
        let full: Vec<_> = (0..i64::from(PAGE)).rev().map(row).collect();
        assert_eq!(
            next_page(&filter, &full).as_deref(),
            Some("/console?status=received&guide=%E6%88%B7%E5%8F%A3+%26+more&after=1000.0")
        );
        assert_eq!(next_page(&filter, &full[1..]), None);
        assert_eq!(next_page(&ApplicationFilter::default(), &[]), None);
    }
}

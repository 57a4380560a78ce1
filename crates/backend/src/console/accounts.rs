//! For administrators: the staff accounts (add one, disable one, which ends its sessions at
//! once) and the access log of everything staff did with people's data and with accounts and
//! keys; and the liaison sites with what each helped with.

use std::sync::Arc;

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{Redirect, Response};
use axum::Form;
use homeward_domain::identity::IssuerKind;
use homeward_domain::sync::{AccessLog, StaffRole};
use homeward_domain::Lang;
use maud::{html, Markup};
use serde::Deserialize;

use super::layout::{self, csrf_field};
use super::paths;
use super::{answer, lang_of, posted_by, session, tr, tr_args, when, Typed};
use crate::error::AppError;
use crate::staff::{self, Staff};
use crate::storage::StaffRow;
use crate::AppState;

/// Refuses unless `me` is an administrator.
fn require_admin(me: &Staff) -> Result<(), AppError> {
    if me.account.admin {
        Ok(())
    } else {
        Err(staff::not_allowed(
            "only an administrator manages accounts, reads the access log and sees the sites",
        ))
    }
}

fn role_name(lang: Lang, role: StaffRole) -> String {
    tr(lang, &format!("console-role-{}", role.slug()))
}

pub(super) async fn list(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let me = session(&state, &headers).await?;
        require_admin(&me)?;
        let accounts = state.db.staff_accounts().await?;
        Ok(accounts_page(lang, &me, &accounts))
    }
    .await;
    answer(lang, result)
}

fn accounts_page(lang: Lang, me: &Staff, accounts: &[StaffRow]) -> Markup {
    let body = html! {
        p class="muted" {
            a href=(paths::HOME) { (tr(lang, "console-back")) }
            " · "
            a href=(paths::ACCESS_LOG) id="open-access-log" { (tr(lang, "console-access-log")) }
        }
        h1 { (tr(lang, "console-accounts")) }
        table id="accounts" {
            thead {
                tr {
                    th { (tr(lang, "console-username")) }
                    th { (tr(lang, "console-account-role")) }
                    th { (tr(lang, "console-col-department")) }
                    th { (tr(lang, "console-account-state")) }
                }
            }
            tbody {
                @for a in accounts {
                    tr data-username=(a.username) data-disabled=(a.disabled_at.is_some()) {
                        td { (Typed(&a.username)) }
                        td { (role_name(lang, a.role)) }
                        td { (a.department.as_deref().map_or(html! { "—" }, |d| html! { (Typed(d)) })) }
                        td {
                            @if let Some(at) = a.disabled_at {
                                span class="bad" {
                                    (tr_args(lang, "console-account-disabled", &[("time", when(at).into())]))
                                }
                            } @else if a.username == me.account.username {
                                span class="muted" { (tr(lang, "console-account-you")) }
                            } @else {
                                form method="post"
                                    action=(paths::fill(paths::ACCOUNT_DISABLE, &[&a.username])) {
                                    (csrf_field(me))
                                    label class="check" {
                                        input type="checkbox" name="confirm" value="yes" required;
                                        " " (tr(lang, "console-account-disable-confirm"))
                                    }
                                    button type="submit" class="danger" { (tr(lang, "console-account-disable")) }
                                }
                            }
                        }
                    }
                }
            }
        }
        h2 { (tr(lang, "console-account-add")) }
        form class="card" method="post" action=(paths::ACCOUNTS) id="add-account" {
            (csrf_field(me))
            div class="grid" {
                div {
                    label for="username" { (tr(lang, "console-username")) }
                    input id="username" name="username" required maxlength="64" autocomplete="off";
                }
                div {
                    label for="password" { (tr(lang, "console-password")) }
                    input id="password" name="password" type="password" required minlength="12"
                        autocomplete="new-password";
                    p class="muted" { (tr(lang, "console-account-password-hint")) }
                }
                div {
                    label for="role" { (tr(lang, "console-account-role")) }
                    select id="role" name="role" {
                        @for r in StaffRole::ALL {
                            option value=(r.slug()) { (role_name(lang, r)) }
                        }
                    }
                }
                div {
                    label for="department" { (tr(lang, "console-col-department")) }
                    input id="department" name="department" maxlength="100";
                    p class="muted" { (tr(lang, "console-account-department-hint")) }
                }
            }
            p { button type="submit" { (tr(lang, "console-account-add")) } }
        }
    };
    layout::page(lang, &tr(lang, "console-accounts"), Some(me), &body)
}

#[derive(Debug, Deserialize)]
pub(super) struct NewAccountForm {
    #[serde(default)]
    csrf: String,
    username: String,
    password: String,
    role: String,
    #[serde(default)]
    department: String,
}

pub(super) async fn add(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    posted: Result<Form<NewAccountForm>, FormRejection>,
) -> Response {
    let result = async {
        let (me, posted) = posted_by(&state, &headers, posted, |f| &f.csrf).await?;
        let role = StaffRole::from_slug(&posted.role)
            .ok_or_else(|| AppError::BadRequest("role: not a known role".into()))?;
        let department = Some(posted.department.trim()).filter(|d| !d.is_empty());
        if department.is_some_and(|d| d.chars().count() > 100) {
            return Err(AppError::BadRequest(
                "department: expected at most 100 characters".into(),
            ));
        }
        staff::add_account(
            &state,
            &me,
            &posted.username,
            &posted.password,
            role,
            department,
        )
        .await?;
        Ok(Redirect::to(paths::ACCOUNTS))
    }
    .await;
    answer(lang_of(&headers), result)
}

#[derive(Debug, Deserialize)]
pub(super) struct DisableForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    confirm: Option<String>,
}

pub(super) async fn disable(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(username): Path<String>,
    posted: Result<Form<DisableForm>, FormRejection>,
) -> Response {
    let result = async {
        let (me, posted) = posted_by(&state, &headers, posted, |f| &f.csrf).await?;
        if posted.confirm.is_none() {
            return Err(AppError::BadRequest(
                "confirm: confirm that this account is to be disabled".into(),
            ));
        }
        staff::disable_account(&state, &me, &username).await?;
        Ok(Redirect::to(paths::ACCOUNTS))
    }
    .await;
    answer(lang_of(&headers), result)
}

#[derive(Debug, Deserialize)]
pub(super) struct LogQuery {
    before: Option<i64>,
}

pub(super) async fn access_log(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    query: Result<Query<LogQuery>, QueryRejection>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let Query(q) =
            query.map_err(|_| AppError::BadRequest("before: expected a whole number".into()))?;
        let me = session(&state, &headers).await?;
        require_admin(&me)?;
        let log = crate::access::page(&state, None, q.before, crate::access::PAGE).await?;
        Ok(access_page(lang, &me, &log))
    }
    .await;
    answer(lang, result)
}

fn access_page(lang: Lang, me: &Staff, log: &AccessLog) -> Markup {
    let body = html! {
        p class="muted" { a href=(paths::ACCOUNTS) { (tr(lang, "console-accounts")) } }
        h1 { (tr(lang, "console-access-log")) }
        p class="muted" { (tr(lang, "console-access-log-intro")) }
        @if log.records.is_empty() {
            p class="muted" id="none" { (tr(lang, "console-access-none")) }
        } @else {
            table id="access-log" {
                thead {
                    tr {
                        th { (tr(lang, "console-access-when")) }
                        th { (tr(lang, "console-username")) }
                        th { (tr(lang, "console-account-role")) }
                        th { (tr(lang, "console-access-action")) }
                        th { (tr(lang, "console-access-about")) }
                    }
                }
                tbody {
                    @for r in &log.records {
                        tr data-action=(r.action.slug()) {
                            td { (when(r.at)) }
                            td { (Typed(r.by.as_deref().unwrap_or_default())) }
                            td {
                                (role_name(lang, r.role))
                                @if let Some(d) = &r.department { br; span class="muted" { (Typed(d)) } }
                            }
                            td { (tr(lang, &format!("console-access-{}", r.action.slug()))) }
                            td {
                                @if let Some(reference) = &r.reference {
                                    a href=(paths::fill(paths::APPLICATION, &[reference])) { (reference) }
                                    " "
                                }
                                @if let Some(s) = &r.subject { code { (Typed(s)) } }
                            }
                        }
                    }
                }
            }
            @if log.more {
                @if let Some(last) = log.records.last() {
                    p {
                        a href={ (paths::ACCESS_LOG) "?before=" (last.seq) } id="older" {
                            (tr(lang, "console-access-older"))
                        }
                    }
                }
            }
        }
    };
    layout::page(lang, &tr(lang, "console-access-log"), Some(me), &body)
}

/// Liaison sites, each with what it helped with: walk-in sessions that sent something, and the
/// applications sent from them. Counts only: nothing about anyone helped.
pub(super) async fn sites(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let me = session(&state, &headers).await?;
        require_admin(&me)?;
        let signers = state.db.signers().await?;
        let counts = state.db.site_counts().await?;
        let rows: Vec<SiteLine> = signers
            .into_iter()
            .filter(|s| s.kind == IssuerKind::Site.slug())
            .map(|s| {
                let count = counts.iter().find(|c| c.site_id == s.id);
                SiteLine {
                    helped: count.map_or(0, |c| c.helped),
                    sent: count.map_or(0, |c| c.sent),
                    signer: s,
                }
            })
            .collect();
        Ok(sites_page(lang, &me, &rows))
    }
    .await;
    answer(lang, result)
}

struct SiteLine {
    signer: crate::storage::SignerRow,
    helped: i64,
    sent: i64,
}

fn sites_page(lang: Lang, me: &Staff, rows: &[SiteLine]) -> Markup {
    let body = html! {
        p class="muted" { a href=(paths::HOME) { (tr(lang, "console-back")) } }
        h1 { (tr(lang, "console-sites")) }
        p class="muted" { (tr(lang, "console-sites-intro")) }
        @if rows.is_empty() {
            p class="muted" id="none" { (tr(lang, "console-sites-none")) }
        } @else {
            table id="sites" {
                thead {
                    tr {
                        th { (tr(lang, "console-site-name")) }
                        th { (tr(lang, "console-site-standing")) }
                        th { (tr(lang, "console-site-helped")) }
                        th { (tr(lang, "console-site-sent")) }
                    }
                }
                tbody {
                    @for r in rows {
                        tr data-site=(r.signer.id) {
                            td { (Typed(&r.signer.name)) " " span class="muted" { "(" (r.signer.id) ")" } }
                            td {
                                @if let Some(at) = r.signer.revoked_at {
                                    (tr_args(lang, "console-site-revoked", &[("when", when(at).into())]))
                                } @else {
                                    (tr_args(lang, "console-site-registered", &[("when", when(r.signer.registered_at).into())]))
                                }
                            }
                            td class="helped" { (r.helped) }
                            td class="sent" { (r.sent) }
                        }
                    }
                }
            }
        }
    };
    layout::page(lang, &tr(lang, "console-sites"), Some(me), &body)
}

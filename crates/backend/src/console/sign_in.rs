//! Signing in and out of the console, and choosing its language.

use std::sync::Arc;

use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use homeward_domain::{ErrorCode, Lang};
use maud::{html, Markup};
use serde::Deserialize;

use super::paths;
use super::{
    answer, failure, lang_of, layout, posted_by, redirect_setting, tr, CsrfForm, LANG_COOKIE,
};
use crate::error::AppError;
use crate::staff::{self, COOKIE, SESSION_MS};
use crate::AppState;

/// The sign-in page, saying why the last try failed if it did.
fn login_form(lang: Lang, error: Option<ErrorCode>) -> Markup {
    let title = tr(lang, "console-sign-in");
    let body = html! {
        div class="login card" {
            h1 { (title) }
            @if let Some(code) = error {
                p class="error" role="alert" { (tr(lang, &format!("error-{}", code.slug()))) }
            }
            form method="post" action=(paths::LOGIN) {
                label for="username" { (tr(lang, "console-username")) }
                input id="username" name="username" autocomplete="username" required;
                label for="password" { (tr(lang, "console-password")) }
                input id="password" name="password" type="password" autocomplete="current-password" required;
                p { button type="submit" { (title) } }
            }
        }
    };
    layout::page(lang, &title, None, &body)
}

/// The language switch: remembered in a cookie, then back to the list.
pub(super) async fn choose_lang(Path(tag): Path<String>) -> Response {
    let lang: Lang = tag.parse().unwrap_or_default();
    redirect_setting(
        paths::HOME,
        &format!(
            "{LANG_COOKIE}={}; Path={}; SameSite=Strict; Max-Age=31536000",
            lang.tag(),
            paths::HOME
        ),
    )
}

pub(super) async fn login_page(headers: HeaderMap) -> Markup {
    login_form(lang_of(&headers), None)
}

#[derive(Debug, Deserialize)]
pub(super) struct LoginForm {
    username: String,
    password: String,
}

/// Whether a sign-in was posted from another site: a page elsewhere could otherwise sign a
/// member of staff into an account of the attacker's (login CSRF), whose pages they would then
/// trust. Browsers say where a form came from (`Origin`, `Sec-Fetch-Site`); a request that says
/// nothing (a script, the command line) is not a browser's and carries no one's session.
fn posted_from_elsewhere(headers: &HeaderMap) -> bool {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if header("sec-fetch-site").is_some_and(|s| s == "cross-site" || s == "same-site") {
        return true;
    }
    match (header("origin"), header("host")) {
        (Some(origin), Some(host)) => {
            let authority = origin
                .split_once("://")
                .map_or(origin, |(_, rest)| rest)
                .trim_end_matches('/');
            !authority.eq_ignore_ascii_case(host)
        }
        (Some(_), None) => true,
        (None, _) => false,
    }
}

pub(super) async fn login(
    State(state): State<Arc<AppState>>,
    crate::auth::ClientAddr(client): crate::auth::ClientAddr,
    headers: HeaderMap,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Response {
    let lang = lang_of(&headers);
    if posted_from_elsewhere(&headers) {
        return failure(
            lang,
            AppError::Refused(
                StatusCode::FORBIDDEN,
                ErrorCode::NotAllowed,
                "a sign-in posted from another site is refused".into(),
            ),
        );
    }
    let Ok(Form(form)) = form else {
        return (
            StatusCode::BAD_REQUEST,
            login_form(lang, Some(ErrorCode::InvalidInput)),
        )
            .into_response();
    };
    match staff::sign_in(&state, &form.username, &form.password, client).await {
        Ok((token, _, _)) => redirect_setting(
            paths::HOME,
            &format!(
                "{COOKIE}={token}; Path={}; HttpOnly; SameSite=Strict; Max-Age={}",
                paths::HOME,
                SESSION_MS / 1000
            ),
        ),
        Err(AppError::Refused(
            status,
            code @ (ErrorCode::NotSignedIn | ErrorCode::TooManyAttempts),
            _,
        )) => (status, login_form(lang, Some(code))).into_response(),
        Err(e) => failure(lang, e),
    }
}

pub(super) async fn logout(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    posted: Result<Form<CsrfForm>, FormRejection>,
) -> Response {
    let result = async {
        let (me, _) = posted_by(&state, &headers, posted, |f| &f.csrf).await?;
        staff::sign_out(&state, &me).await?;
        Ok(redirect_setting(
            paths::LOGIN,
            &format!(
                "{COOKIE}=; Path={}; HttpOnly; SameSite=Strict; Max-Age=0",
                paths::HOME
            ),
        ))
    }
    .await;
    answer(lang_of(&headers), result)
}

//! `/track`: where the applications on a walk-in's receipt stand, for a person without the app
//! (or anyone they show the receipt to). Public: the tracking code and the secret are the key,
//! lookups are limited per address, and the page shows references, services and statuses only:
//! never a name, an answer or a document.

use std::sync::Arc;

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Form;
use homeward_domain::handover::{parse_code, parse_secret, HandoverStatus};
use homeward_domain::Lang;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use serde::Deserialize;

use super::applications::status_tag;
use super::layout::STYLE;
use super::paths;
use super::{guide_title, lang_of, tr, when};
use crate::auth::ClientAddr;
use crate::error::AppError;
use crate::AppState;

#[derive(Debug, Default, Deserialize)]
pub(super) struct TrackQuery {
    lang: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(super) struct TrackForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    secret: String,
}

/// The page's language: `?lang=` when given, else as the console chooses.
fn language(headers: &HeaderMap, query: &TrackQuery) -> Lang {
    query
        .lang
        .as_deref()
        .and_then(|l| l.parse().ok())
        .unwrap_or_else(|| lang_of(headers))
}

pub(super) async fn form(
    headers: HeaderMap,
    query: Result<Query<TrackQuery>, QueryRejection>,
) -> Response {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let lang = language(&headers, &query);
    page(lang, "", None, None).into_response()
}

pub(super) async fn look_up(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    client: ClientAddr,
    query: Result<Query<TrackQuery>, QueryRejection>,
    posted: Result<Form<TrackForm>, FormRejection>,
) -> Response {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let lang = language(&headers, &query);
    let Ok(Form(posted)) = posted else {
        return (
            axum::http::StatusCode::BAD_REQUEST,
            page(lang, "", Some(tr(lang, "track-malformed")), None),
        )
            .into_response();
    };
    let code = parse_code(&posted.code);
    let secret = parse_secret(&posted.secret);
    let (Some(code), Some(secret)) = (code, secret) else {
        return (
            axum::http::StatusCode::BAD_REQUEST,
            page(lang, &posted.code, Some(tr(lang, "track-malformed")), None),
        )
            .into_response();
    };
    match crate::handover::look_up(&state, client, &code, &secret).await {
        Ok(status) => page(lang, &code, None, Some((&state, &status))).into_response(),
        Err(e) => {
            let (status, message) = match &e {
                AppError::Refused(s, homeward_domain::ErrorCode::QuotaExceeded, _) => {
                    (*s, tr(lang, "track-too-many"))
                }
                AppError::Refused(s, _, _) => (*s, tr(lang, "track-unknown")),
                AppError::Internal(_) => return e.into_response(),
                _ => (
                    axum::http::StatusCode::BAD_REQUEST,
                    tr(lang, "track-malformed"),
                ),
            };
            (status, page(lang, &code, Some(message), None)).into_response()
        }
    }
}

fn page(
    lang: Lang,
    code: &str,
    error: Option<String>,
    found: Option<(&AppState, &HandoverStatus)>,
) -> Markup {
    let app = tr(lang, "track-app");
    let title = tr(lang, "track-title");
    let with_lang = |l: Lang| format!("{}?lang={}", paths::TRACK, l.tag());
    html! {
        (DOCTYPE)
        html lang=(lang.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width,initial-scale=1";
                title { (title) " · " (app) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    strong { (app) }
                    (super::language_links(lang, with_lang))
                }
                main {
                    h1 { (title) }
                    p class="muted" { (tr(lang, "track-intro")) }
                    form class="card" method="post" action=(with_lang(lang)) id="track" {
                        label for="code" { (tr(lang, "track-code")) }
                        input id="code" name="code" value=(code) required maxlength="20"
                            autocomplete="off" autocapitalize="characters" spellcheck="false";
                        label for="secret" { (tr(lang, "track-secret")) }
                        input id="secret" name="secret" required maxlength="40"
                            autocomplete="off" autocapitalize="characters" spellcheck="false";
                        p { button type="submit" { (tr(lang, "track-submit")) } }
                    }
                    @if let Some(message) = error {
                        p class="error" id="track-error" role="alert" { (message) }
                    }
                    @if let Some((state, status)) = found {
                        @if status.claimed {
                            p class="card" id="track-claimed" { (tr(lang, "track-claimed")) }
                        } @else {
                            table id="tracked" {
                                thead { tr {
                                    th { (tr(lang, "track-reference")) }
                                    th { (tr(lang, "track-service")) }
                                    th { (tr(lang, "track-status")) }
                                    th { (tr(lang, "track-updated")) }
                                } }
                                tbody {
                                    @for a in &status.applications {
                                        tr data-status=(a.status.slug()) {
                                            td { (a.reference) }
                                            td { (guide_title(&state.catalog, lang, &a.guide_id.0)) }
                                            td { (status_tag(lang, a.status)) }
                                            td { (when(a.updated_at)) }
                                        }
                                    }
                                }
                            }
                            p class="muted" { (tr(lang, "track-answer-at-site")) }
                        }
                    }
                }
            }
        }
    }
}

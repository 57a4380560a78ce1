//! The back-office console: server-rendered pages for city staff, no script needed. Sign in,
//! list and filter applications, open one (its answers, documents, the device signature checked
//! again, its timeline), decide, route, and read and answer the conversation on it. Forms carry the session's CSRF token and the cookie is
//! `HttpOnly; SameSite=Strict`. Text comes from Fluent (`locales/*/console.ftl`), in Chinese, or
//! English when the browser asks for it.
//!
//! Pages are `maud` templates: whatever is spliced into one is escaped, so nothing a person or a
//! member of staff typed can become markup. Only the constant stylesheet goes in as it is.

mod accounts;
mod applications;
mod conversation;
mod layout;
mod letters;
mod paths;
mod proofing;
mod sign_in;
#[cfg(test)]
mod tests;
mod track;

use std::sync::Arc;

use axum::extract::rejection::FormRejection;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use homeward_domain::{ErrorCode, Lang};
use homeward_i18n::{Localizer, Value};
use maud::html;
use serde::Deserialize;

use crate::error::AppError;
use crate::routes::CatalogBody;
use crate::staff::{self, Staff};
use crate::AppState;

/// Where the console's pages live: everything under it answers in HTML, not JSON.
pub(crate) const PREFIX: &str = paths::HOME;

/// The public page where a receipt's applications are looked up; HTML like the console's.
pub(crate) const TRACK: &str = paths::TRACK;

thread_local! {
    static L10N: Localizer = Localizer::new();
}

fn tr(lang: Lang, key: &str) -> String {
    L10N.with(|l| l.tr(lang, key))
}

fn tr_args(lang: Lang, key: &str, args: &[(&str, Value<'_>)]) -> String {
    L10N.with(|l| l.tr_args(lang, key, args))
}

/// The language cookie the console's switch sets.
const LANG_COOKIE: &str = "hw_lang";

/// The language chosen with the switch; else the first of the browser's languages the console
/// speaks; else Simplified Chinese.
fn lang_of(headers: &HeaderMap) -> Lang {
    let chosen = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == LANG_COOKIE)
        .and_then(|(_, v)| v.parse::<Lang>().ok());
    if let Some(lang) = chosen {
        return lang;
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| Lang::negotiate(Lang::accepted(v)))
        .unwrap_or_default()
}

/// The language switch of a page: every language by its own name, the current one marked.
fn language_links(current: Lang, href: impl Fn(Lang) -> String) -> maud::Markup {
    maud::html! {
        nav class="langs" {
            @for l in Lang::ALL {
                a href=(href(l)) lang=(l.tag()) hreflang=(l.tag())
                    aria-current=[(l == current).then_some("true")] { (l.endonym()) }
                " "
            }
        }
    }
}

/// Text someone else typed, as staff read it: escaped, isolated from the text around it
/// (`<bdi>`), and every invisible control shown for what it is (`⟦U+202E⟧`) rather than obeyed,
/// so a name cannot make a page read other than it says.
struct Typed<'a>(&'a str);

impl maud::Render for Typed<'_> {
    fn render(&self) -> maud::Markup {
        let shown = homeward_domain::check::show_hidden_controls(self.0);
        maud::html! { bdi { (shown) } }
    }
}

/// A person's details as staff compare them with documents: each one given, labelled.
fn profile_table(lang: Lang, profile: &homeward_domain::privacy::Profile) -> maud::Markup {
    maud::html! {
        table class="profile" {
            tbody {
                @for (label, value) in [
                    ("profile-name-han", &profile.name_han),
                    ("profile-name-pinyin", &profile.name_pinyin),
                    ("profile-birth-date", &profile.birth_date),
                    ("profile-id-number", &profile.id_number),
                    ("profile-passport", &profile.passport),
                ] {
                    @if !value.is_empty() {
                        tr { th { (tr(lang, label)) } td { (Typed(value)) } }
                    }
                }
            }
        }
    }
}

/// A moment in Beijing time, as staff read it.
fn when(ms: i64) -> String {
    let offset = time::UtcOffset::from_hms(8, 0, 0).unwrap_or(time::UtcOffset::UTC);
    time::OffsetDateTime::from_unix_timestamp(ms / 1000)
        .ok()
        .and_then(|t| t.checked_to_offset(offset))
        .map(|t| {
            format!(
                "{:04}-{:02}-{:02} {:02}:{:02}",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute()
            )
        })
        .unwrap_or_default()
}

/// A guide's title in `lang`, or its id for a guide the catalogue does not know.
fn guide_title(catalog: &CatalogBody, lang: Lang, guide: &str) -> String {
    catalog
        .guide_title(guide, lang)
        .unwrap_or_else(|| guide.to_owned())
}

/// A failure as a page: signed out goes to the sign-in page; anything else says what was
/// wrong, with its status.
fn failure(lang: Lang, e: AppError) -> Response {
    if let AppError::Refused(_, ErrorCode::NotSignedIn, _) = e {
        return Redirect::to(paths::LOGIN).into_response();
    }
    let (status, code) = match &e {
        AppError::BadRequest(_) => (StatusCode::BAD_REQUEST, ErrorCode::InvalidInput),
        AppError::NotFound(_) => (StatusCode::NOT_FOUND, ErrorCode::NotFound),
        AppError::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, ErrorCode::InvalidInput),
        AppError::Refused(s, c, _) => (*s, *c),
        AppError::Internal(_) => return e.into_response(),
    };
    let title = tr(lang, "console-error-title");
    let body = html! {
        h1 { (title) }
        p class="error" { (tr(lang, &format!("error-{}", code.slug()))) }
        p class="muted" { (e.to_string()) }
        p { a href=(paths::HOME) { (tr(lang, "console-back")) } }
    };
    (status, layout::page(lang, &title, None, &body)).into_response()
}

/// What a handler answers: its page or redirect, or the failure as a page.
fn answer(lang: Lang, result: Result<impl IntoResponse, AppError>) -> Response {
    match result {
        Ok(r) => r.into_response(),
        Err(e) => failure(lang, e),
    }
}

/// A redirect to `to` that also sets `cookie`.
fn redirect_setting(to: &str, cookie: &str) -> Response {
    let mut resp = Redirect::to(to).into_response();
    if let Ok(v) = HeaderValue::from_str(cookie) {
        resp.headers_mut().insert(header::SET_COOKIE, v);
    }
    resp
}

/// The console's Content-Security-Policy: nothing but its own stylesheet (by its hash), its own
/// images (documents) and forms that post to itself; no script at all, and no framing.
fn content_security_policy() -> HeaderValue {
    use base64::Engine as _;
    use sha2::Digest as _;
    static CSP: std::sync::OnceLock<HeaderValue> = std::sync::OnceLock::new();
    CSP.get_or_init(|| {
        let hash = base64::engine::general_purpose::STANDARD
            .encode(sha2::Sha256::digest(layout::STYLE.as_bytes()));
        let policy = format!(
            "default-src 'none'; style-src 'sha256-{hash}'; img-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        );
        HeaderValue::from_str(&policy).unwrap_or(HeaderValue::from_static("default-src 'none'"))
    })
    .clone()
}

/// Whether the request reached the proxy in front of the backend over HTTPS, as the proxy says.
fn came_over_https(headers: &HeaderMap) -> bool {
    let says = |name: &str, needle: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.to_ascii_lowercase().contains(needle))
    };
    says("x-forwarded-proto", "https") || says("forwarded", "proto=https")
}

/// What every console answer carries: the policy above, no caching (the pages hold people's
/// details), no referrer (but to itself, from the sign-in page), no sniffing, no framing; and cookies marked `Secure` when the console
/// is reached over HTTPS.
async fn guarded(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let https = came_over_https(req.headers());
    // The sign-in page's form must say where it comes from (`Origin`), which browsers replace
    // by `null` under `no-referrer`; it shows nothing of anyone, so `same-origin` costs nothing.
    let sign_in = req.uri().path() == paths::LOGIN;
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.entry(header::CONTENT_SECURITY_POLICY)
        .or_insert_with(content_security_policy);
    h.entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static(if sign_in {
            "same-origin"
        } else {
            "no-referrer"
        }),
    );
    if https {
        let cookies: Vec<HeaderValue> = h
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| HeaderValue::from_str(&format!("{v}; Secure")).ok())
            .collect();
        h.remove(header::SET_COOKIE);
        for c in cookies {
            h.append(header::SET_COOKIE, c);
        }
    }
    resp
}

pub(crate) fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route(paths::HOME, get(applications::list))
        .route(paths::LOGIN, get(sign_in::login_page).post(sign_in::login))
        .route(paths::LOGOUT, post(sign_in::logout))
        .route(paths::LANG, get(sign_in::choose_lang))
        .route(paths::APPLICATION, get(applications::detail))
        .route(paths::DECISION, post(applications::decide))
        .route(paths::ROUTE, post(applications::route))
        .route(paths::MATERIAL, get(applications::material))
        .route(
            paths::CONVERSATION,
            get(conversation::page).post(conversation::reply).layer(
                axum::extract::DefaultBodyLimit::max(conversation::MAX_REPLY_BYTES),
            ),
        )
        .route(paths::CONVERSATION_DOCUMENT, get(conversation::document))
        .route(paths::REVOKE_DEVICE, post(applications::revoke_device))
        .route(
            paths::LETTERS,
            get(letters::letters).post(letters::check_letter),
        )
        .route(paths::PROOFING, get(proofing::list))
        .route(paths::PROOFING_REQUEST, get(proofing::detail))
        .route(paths::ATTEST, post(proofing::attest))
        .route(paths::DECLINE, post(proofing::decline))
        .route(paths::ACCOUNTS, get(accounts::list).post(accounts::add))
        .route(paths::ACCOUNT_DISABLE, post(accounts::disable))
        .route(paths::ACCESS_LOG, get(accounts::access_log))
        .route(paths::SITES, get(accounts::sites))
        .route(paths::TRACK, get(track::form).post(track::look_up))
        .layer(axum::middleware::from_fn(guarded))
}

/// A form that carries nothing but the session's CSRF token.
#[derive(Debug, Deserialize)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// The member of staff the request's session cookie stands for. Every console page and form
/// authenticates through here.
async fn session(state: &AppState, headers: &HeaderMap) -> Result<Staff, AppError> {
    staff::session(state, headers).await
}

/// A form someone signed in posted, and who: the form as it parsed (else a 400), and the session
/// (else the sign-in page) whose CSRF token the form's `csrf` carries (else a 403).
async fn posted_by<T>(
    state: &AppState,
    headers: &HeaderMap,
    posted: Result<Form<T>, FormRejection>,
    csrf: impl FnOnce(&T) -> &str,
) -> Result<(Staff, T), AppError> {
    let Form(posted) = posted.map_err(|e| AppError::BadRequest(format!("form: {e}")))?;
    let me = session(state, headers).await?;
    let token = csrf(&posted);
    if !me.csrf_matches(token) {
        return Err(staff::not_allowed("the form's CSRF token does not match"));
    }
    Ok((me, posted))
}

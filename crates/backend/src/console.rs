//! The back-office console: server-rendered pages for city staff, no script needed. Sign in,
//! list and filter applications, open one (its answers, documents, the device signature checked
//! again, its timeline), decide, route. Forms carry the session's CSRF token and the cookie is
//! `HttpOnly; SameSite=Strict`. Text comes from Fluent (`locales/*/console.ftl`), in Chinese, or
//! English when the browser asks for it.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use homeward_domain::catalog::IdentityLevel;
use homeward_domain::identity::{DelegationCheck, IssuerKind};
use homeward_domain::staff::{ApplicationDetail, IdentityProof};
use homeward_domain::sync::{ApplicationStatus, EventKind, FeedEvent};
use homeward_domain::{ErrorCode, Lang};
use homeward_i18n::{key, Localizer, Value};
use serde::Deserialize;

use crate::error::AppError;
use crate::staff::{self, Staff, COOKIE, SESSION_MS};
use crate::storage::Storage as _;
use crate::AppState;

thread_local! {
    static L10N: Localizer = Localizer::new();
}

fn tr(lang: Lang, key: &str) -> String {
    L10N.with(|l| l.tr(lang, key))
}

fn tr_args(lang: Lang, key: &str, args: &[(&str, Value<'_>)]) -> String {
    L10N.with(|l| l.tr_args(lang, key, args))
}

/// Escapes text for HTML.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The language cookie the console's switch sets.
const LANG_COOKIE: &str = "hw_lang";

/// The language chosen with the switch; else Chinese, unless the browser prefers English.
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
    let prefers_en = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("en"));
    if prefers_en {
        Lang::En
    } else {
        Lang::ZhCn
    }
}

/// A moment in Beijing time, as staff read it.
fn when(ms: i64) -> String {
    let offset = time::UtcOffset::from_hms(8, 0, 0).unwrap_or(time::UtcOffset::UTC);
    time::OffsetDateTime::from_unix_timestamp(ms / 1000)
        .map(|t| t.to_offset(offset))
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

const STYLE: &str = "
body{margin:0;font:15px/1.55 system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;color:#1d2421;background:#f6f4ef}
header{background:#0f5c4d;color:#fff;padding:.7rem 1.2rem;display:flex;gap:1rem;align-items:center;justify-content:space-between}
header a,header button{color:#fff}header form{margin:0}.langs{margin-left:auto;display:flex;gap:.6rem}
main{max-width:1100px;margin:0 auto;padding:1.2rem}
h1{font-size:1.5rem;margin:.3rem 0 1rem}h2{font-size:1.15rem;margin:1.6rem 0 .6rem}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #dcd8cf}
th,td{text-align:left;padding:.5rem .7rem;border-bottom:1px solid #e9e6df;vertical-align:top}
th{background:#efece5;font-weight:600}
a{color:#0f5c4d}
.tag{display:inline-block;padding:.1rem .55rem;border-radius:999px;font-size:.85rem;font-weight:600;background:#dde9f6;color:#114a7a}
.tag.approved,.tag.completed{background:#e4f2e8;color:#1e6b3a}.tag.rejected,.tag.more-material-needed{background:#fbe9e4;color:#7a1f05}
.card{background:#fff;border:1px solid #dcd8cf;border-radius:10px;padding:1rem 1.2rem;margin:0 0 1rem}
.ok{color:#1e6b3a;font-weight:600}.bad{color:#b42318;font-weight:600}
form.filters{display:flex;gap:.8rem;flex-wrap:wrap;align-items:end;margin:0 0 1rem}
label{display:block;font-weight:600;margin:.4rem 0 .2rem}
input,select,textarea{font:inherit;padding:.4rem .5rem;border:1px solid #8a8f8c;border-radius:6px;background:#fff}
textarea{width:100%;min-height:5rem;box-sizing:border-box}
button{font:inherit;padding:.45rem 1rem;border-radius:6px;border:1px solid #0f5c4d;background:#0f5c4d;color:#fff;cursor:pointer}
header button{background:transparent;border-color:#fff}
.muted{color:#5f666d}.grid{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.timeline{list-style:none;padding:0;margin:0}.timeline li{padding:.4rem 0;border-bottom:1px solid #eee}
.login{max-width:360px;margin:4rem auto}.error{color:#b42318}
@media (max-width:700px){.grid{grid-template-columns:1fr}th,td{padding:.4rem}}
";

fn page(lang: Lang, title: &str, staff: Option<&Staff>, body: &str) -> Html<String> {
    let account = staff.map_or(String::new(), |s| {
        format!(
            "<form method=\"post\" action=\"/console/logout\"><span>{}</span> \
             <input type=\"hidden\" name=\"csrf\" value=\"{}\">\
             <button type=\"submit\">{}</button></form>",
            esc(&s.account.username),
            esc(&s.csrf),
            esc(&tr(lang, "console-sign-out"))
        )
    });
    let switch = "<nav class=\"langs\"><a href=\"/console/lang/zh-CN\" lang=\"zh-CN\">中文</a> \
                  <a href=\"/console/lang/en\" lang=\"en\">English</a></nav>";
    Html(format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{title} · {app}</title><style>{STYLE}</style></head><body>\
         <header><a href=\"/console\"><strong>{app}</strong></a>{switch}{account}</header>\
         <main>{body}</main></body></html>",
        title = esc(title),
        app = esc(&tr(lang, "console-title")),
    ))
}

/// A failure as a page: signed out goes to the sign-in page; anything else says what was
/// wrong, with its status.
fn failure(lang: Lang, e: AppError) -> Response {
    if let AppError::Refused(_, ErrorCode::NotSignedIn, _) = e {
        return Redirect::to("/console/login").into_response();
    }
    let (status, code) = match &e {
        AppError::BadRequest(_) => (StatusCode::BAD_REQUEST, ErrorCode::InvalidInput),
        AppError::NotFound(_) => (StatusCode::NOT_FOUND, ErrorCode::NotFound),
        AppError::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, ErrorCode::InvalidInput),
        AppError::Refused(s, c, _) => (*s, *c),
        AppError::Internal(_) => return e.into_response(),
    };
    let body = format!(
        "<h1>{}</h1><p class=\"error\">{}</p><p class=\"muted\">{}</p><p><a href=\"/console\">{}</a></p>",
        esc(&tr(lang, "console-error-title")),
        esc(&tr(lang, &format!("error-{}", code.slug()))),
        esc(&e.to_string()),
        esc(&tr(lang, "console-back"))
    );
    let title = tr(lang, "console-error-title");
    (status, page(lang, &title, None, &body)).into_response()
}

pub(crate) fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route("/console", get(list))
        .route("/console/login", get(login_page).post(login))
        .route("/console/logout", post(logout))
        .route("/console/lang/{tag}", get(choose_lang))
        .route("/console/applications/{reference}", get(detail))
        .route("/console/letters", get(letters).post(check_letter))
        .route("/console/devices/revoke", post(revoke_device))
        .route("/console/proofing", get(proofing_list))
        .route("/console/proofing/{id}", get(proofing_detail))
        .route("/console/proofing/{id}/attest", post(proofing_attest))
        .route("/console/proofing/{id}/decline", post(proofing_decline))
        .route("/console/applications/{reference}/decision", post(decide))
        .route("/console/applications/{reference}/route", post(route))
        .route(
            "/console/applications/{reference}/materials/{sha256}",
            get(material),
        )
}

fn login_form(lang: Lang, error: Option<ErrorCode>) -> Html<String> {
    let error = error.map_or(String::new(), |code| {
        format!(
            "<p class=\"error\" role=\"alert\">{}</p>",
            esc(&tr(lang, &format!("error-{}", code.slug())))
        )
    });
    let body = format!(
        "<div class=\"login card\"><h1>{title}</h1>{error}\
         <form method=\"post\" action=\"/console/login\">\
         <label for=\"username\">{user}</label><input id=\"username\" name=\"username\" autocomplete=\"username\" required>\
         <label for=\"password\">{pass}</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\
         <p><button type=\"submit\">{go}</button></p></form></div>",
        title = esc(&tr(lang, "console-sign-in")),
        user = esc(&tr(lang, "console-username")),
        pass = esc(&tr(lang, "console-password")),
        go = esc(&tr(lang, "console-sign-in")),
    );
    page(lang, &tr(lang, "console-sign-in"), None, &body)
}

/// The language switch: remembered in a cookie, then back to the list.
async fn choose_lang(Path(tag): Path<String>) -> Response {
    let lang: Lang = tag.parse().unwrap_or_default();
    let mut resp = Redirect::to("/console").into_response();
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/console; SameSite=Strict; Max-Age=31536000",
        lang.tag()
    );
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        resp.headers_mut().insert(header::SET_COOKIE, v);
    }
    resp
}

async fn login_page(headers: HeaderMap) -> Html<String> {
    login_form(lang_of(&headers), None)
}

#[derive(Debug, Deserialize)]
struct LoginForm {
    username: String,
    password: String,
}

async fn login(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    form: Result<Form<LoginForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let lang = lang_of(&headers);
    let Ok(Form(form)) = form else {
        return (
            StatusCode::BAD_REQUEST,
            login_form(lang, Some(ErrorCode::InvalidInput)),
        )
            .into_response();
    };
    match staff::sign_in(&state, &form.username, &form.password).await {
        Ok((token, _, _)) => {
            let cookie = format!(
                "{COOKIE}={token}; Path=/console; HttpOnly; SameSite=Strict; Max-Age={}",
                SESSION_MS / 1000
            );
            let mut resp = Redirect::to("/console").into_response();
            if let Ok(v) = HeaderValue::from_str(&cookie) {
                resp.headers_mut().insert(header::SET_COOKIE, v);
            }
            resp
        }
        Err(AppError::Refused(
            status,
            code @ (ErrorCode::NotSignedIn | ErrorCode::TooManyAttempts),
            _,
        )) => (status, login_form(lang, Some(code))).into_response(),
        Err(e) => failure(lang, e),
    }
}

#[derive(Debug, Deserialize)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// The session, with the form's CSRF token checked against it.
async fn session_with_csrf(
    state: &AppState,
    headers: &HeaderMap,
    csrf: &str,
) -> Result<Staff, AppError> {
    let me = staff::session(state, headers).await?;
    if !me.csrf_matches(csrf) {
        return Err(staff::not_allowed("the form's CSRF token does not match"));
    }
    Ok(me)
}

async fn logout(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    form: Result<Form<CsrfForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let Form(form) = form.map_err(|e| AppError::BadRequest(format!("form: {e}")))?;
        let me = session_with_csrf(&state, &headers, &form.csrf).await?;
        staff::sign_out(&state, &me).await
    }
    .await;
    match result {
        Ok(()) => {
            let mut resp = Redirect::to("/console/login").into_response();
            let clear = format!("{COOKIE}=; Path=/console; HttpOnly; SameSite=Strict; Max-Age=0");
            if let Ok(v) = HeaderValue::from_str(&clear) {
                resp.headers_mut().insert(header::SET_COOKIE, v);
            }
            resp
        }
        Err(e) => failure(lang, e),
    }
}

fn status_tag(lang: Lang, status: ApplicationStatus) -> String {
    format!(
        "<span class=\"tag {}\" data-status=\"{}\">{}</span>",
        status.slug(),
        status.slug(),
        esc(&tr(lang, &format!("application-status-{}", status.slug())))
    )
}

fn guide_title(state: &AppState, lang: Lang, guide: &str) -> String {
    state
        .catalog
        .guide_title(guide, lang)
        .unwrap_or_else(|| guide.to_owned())
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    status: Option<String>,
    guide: Option<String>,
}

async fn list(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let Query(q) = query.map_err(|e| AppError::BadRequest(format!("query: {e}")))?;
        let me = staff::session(&state, &headers).await?;
        let filter = crate::staff_api::filter(q.status.as_deref(), q.guide.as_deref(), Some(200))?;
        let rows = state.db.applications(filter.clone()).await?;
        Ok::<_, AppError>((me, filter, rows))
    }
    .await;
    let (me, filter, rows) = match result {
        Ok(r) => r,
        Err(e) => return failure(lang, e),
    };
    let mut body = format!(
        "<h1>{}</h1><p><a href=\"/console/letters\" id=\"open-letters\">{}</a> · \
         <a href=\"/console/proofing\" id=\"open-proofing\">{}</a></p>",
        esc(&tr(lang, "console-applications")),
        esc(&tr(lang, "console-letters")),
        esc(&tr(lang, "console-proofing"))
    );
    let _ = write!(
        body,
        "<form class=\"filters\" method=\"get\" action=\"/console\"><div><label for=\"status\">{}</label>\
         <select id=\"status\" name=\"status\"><option value=\"\">{}</option>",
        esc(&tr(lang, "console-filter-status")),
        esc(&tr(lang, "console-filter-any"))
    );
    for s in ApplicationStatus::ALL {
        let _ = write!(
            body,
            "<option value=\"{}\"{}>{}</option>",
            s.slug(),
            if filter.status == Some(s) {
                " selected"
            } else {
                ""
            },
            esc(&tr(lang, &format!("application-status-{}", s.slug())))
        );
    }
    let _ = write!(
        body,
        "</select></div><div><label for=\"guide\">{}</label><input id=\"guide\" name=\"guide\" value=\"{}\"></div>\
         <div><button type=\"submit\">{}</button></div></form>",
        esc(&tr(lang, "console-filter-guide")),
        esc(filter.guide.as_deref().unwrap_or("")),
        esc(&tr(lang, "console-filter-apply"))
    );
    if rows.is_empty() {
        let _ = write!(
            body,
            "<p class=\"muted\" id=\"none\">{}</p>",
            esc(&tr(lang, "console-none"))
        );
    } else {
        let _ = write!(
            body,
            "<table id=\"applications\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(&tr(lang, "console-col-reference")),
            esc(&tr(lang, "console-col-service")),
            esc(&tr(lang, "console-col-status")),
            esc(&tr(lang, "console-col-department")),
            esc(&tr(lang, "console-col-updated")),
        );
        for a in &rows {
            let reference = a.reference();
            let _ = write!(
                body,
                "<tr data-reference=\"{r}\"><td><a href=\"/console/applications/{r}\">{r}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&guide_title(&state, lang, &a.guide_id)),
                status_tag(lang, a.status),
                esc(a.department.as_deref().unwrap_or("—")),
                when(a.updated_at),
                r = esc(&reference),
            );
        }
        body.push_str("</tbody></table>");
    }
    page(lang, &tr(lang, "console-applications"), Some(&me), &body).into_response()
}

fn event_text(lang: Lang, e: &FeedEvent) -> String {
    match &e.event {
        EventKind::Status { status, message } if message.is_empty() => status_tag(lang, *status),
        EventKind::Status { status, message } => {
            format!("{} {}", status_tag(lang, *status), esc(message))
        }
        EventKind::Routed { department } => esc(&tr_args(
            lang,
            "console-event-routed",
            &[("department", department.clone().into())],
        )),
        EventKind::Access { staff } => esc(&tr_args(
            lang,
            "console-event-access",
            &[("staff", staff.clone().into())],
        )),
    }
}

/// A submission's answers as (key, question, answer), in the form's order with the options'
/// labels, as the applicant saw them; answers the current form does not know follow, raw.
fn answer_table(
    state: &AppState,
    lang: Lang,
    guide: &str,
    submission: &homeward_domain::sync::Submission,
) -> Vec<(String, String, String)> {
    use homeward_domain::draft::{answer_rows, MaterialInfo, Shown};
    let Some(guide) = state.catalog.guide(guide) else {
        return submission
            .answers
            .iter()
            .map(|(k, v)| (k.clone(), k.clone(), v.clone()))
            .collect();
    };
    let docs: Vec<MaterialInfo> = submission
        .materials
        .iter()
        .map(|m| MaterialInfo {
            id: uuid::Uuid::nil(),
            field: m.field.clone(),
            kind: m.kind.clone(),
            file_name: m.file_name.clone(),
            mime: m.mime.clone(),
            size: m.size,
            original_size: m.size,
            sha256: m.sha256.clone(),
            dimensions: None,
            added_at: 0,
        })
        .collect();
    let rows = answer_rows(&guide.form, &submission.answers, &docs);
    let mut table: Vec<(String, String, String)> = rows
        .iter()
        .map(|row| {
            let label = match &row.item {
                Some((group, n)) => format!("{} {n} · {}", group.get(lang), row.label.get(lang)),
                None => row.label.get(lang).to_owned(),
            };
            let value = match &row.value {
                Shown::Missing => "—".to_owned(),
                Shown::Text(t) => t.clone(),
                Shown::Choice(label) => label.get(lang).to_owned(),
                Shown::Yes => tr(lang, "field-yes"),
                Shown::No => tr(lang, "field-no"),
                Shown::Files(names) => names.join("、"),
            };
            (row.key.clone(), label, value)
        })
        .collect();
    for (k, v) in &submission.answers {
        if !rows.iter().any(|r| &r.key == k) {
            table.push((k.clone(), k.clone(), v.clone()));
        }
    }
    table
}

/// The identity proofs of one submission, each checked again: who verified the person, how,
/// and until when; or why it no longer holds.
fn identity_proofs(lang: Lang, revision: u32, proofs: &[IdentityProof]) -> String {
    let mut out = format!(
        "<div class=\"identity\" id=\"identity-{revision}\"><strong>{}</strong> ",
        esc(&tr(lang, "console-identity"))
    );
    if proofs.is_empty() {
        let _ = write!(
            out,
            "<span class=\"muted\">{}</span>",
            esc(&tr(lang, "level-self-asserted"))
        );
    }
    for p in proofs {
        let what = p.attestation.as_ref().map_or_else(String::new, |a| {
            let level = tr(lang, &format!("level-{}", a.level.slug()));
            let by = tr_args(
                lang,
                match a.issuer_kind {
                    IssuerKind::Site => "attestation-by-site",
                    IssuerKind::Officer => "attestation-by-officer",
                },
                &[
                    ("site", a.issuer_id.clone().into()),
                    ("officer", a.issuer_id.clone().into()),
                ],
            );
            format!("{level} · {by} · {}", when(a.expires_at))
        });
        match p.problem {
            None => {
                let _ = write!(
                    out,
                    "<span class=\"ok\" data-verified=\"true\">✓ {}</span> ",
                    esc(&what)
                );
            }
            Some(code) => {
                let _ = write!(
                    out,
                    "<span class=\"bad\" data-verified=\"false\" data-problem=\"{}\">✗ {} {}</span> ",
                    code.slug(),
                    esc(&what),
                    esc(&tr(lang, &format!("error-{}", code.slug())))
                );
            }
        }
    }
    out.push_str("</div>");
    out
}

fn detail_page(state: &AppState, lang: Lang, me: &Staff, d: &ApplicationDetail) -> String {
    let reference = &d.summary.reference;
    let title = guide_title(state, lang, &d.summary.guide_id);
    let mut body = format!(
        "<p class=\"muted\"><a href=\"/console\">{}</a></p><h1>{} · {}</h1><p>{} {}</p>",
        esc(&tr(lang, "console-back")),
        esc(reference),
        esc(&title),
        status_tag(lang, d.summary.status),
        esc(d.summary.department.as_deref().unwrap_or(""))
    );
    let fingerprint: String = d.device_key.chars().take(12).collect();
    for s in d.submissions.iter().rev() {
        let verified = if s.signature_verified {
            format!(
                "<span class=\"ok\" id=\"signature-{}\" data-verified=\"true\">✓ {}</span>",
                s.revision,
                esc(&tr(lang, "console-signature-verified"))
            )
        } else {
            format!(
                "<span class=\"bad\" id=\"signature-{}\" data-verified=\"false\">✗ {}</span>",
                s.revision,
                esc(&tr(lang, "console-signature-failed"))
            )
        };
        let _ = write!(
            body,
            "<section class=\"card submission\"><h2>{}</h2><p>{verified} <span class=\"muted\">{} {}… · {}</span></p><table><tbody>",
            esc(&tr_args(lang, "console-revision", &[("revision", s.revision.into())])),
            esc(&tr(lang, "console-device-key")),
            esc(&fingerprint),
            when(s.received_at),
        );
        body.push_str(&identity_proofs(lang, s.revision, &s.identity));
        for (key, label, value) in answer_table(state, lang, &d.summary.guide_id, &s.submission) {
            let _ = write!(
                body,
                "<tr data-field=\"{}\"><th>{}</th><td>{}</td></tr>",
                esc(&key),
                esc(&label),
                esc(&value)
            );
        }
        body.push_str("</tbody></table>");
        let _ = write!(body, "<h2>{}</h2>", esc(&tr(lang, "console-materials")));
        if s.submission.materials.is_empty() {
            let _ = write!(
                body,
                "<p class=\"muted\">{}</p>",
                esc(&tr(lang, "console-no-materials"))
            );
        } else {
            body.push_str("<ul class=\"materials\">");
            for m in &s.submission.materials {
                let href = format!(
                    "/console/applications/{}/materials/{}",
                    esc(reference),
                    esc(&m.sha256)
                );
                let preview = if m.mime.starts_with("image/") {
                    format!("<br><img src=\"{href}\" alt=\"{}\" style=\"max-width:320px;max-height:240px;border:1px solid #dcd8cf;border-radius:6px\">", esc(&m.file_name))
                } else {
                    String::new()
                };
                let _ = write!(
                    body,
                    "<li><a href=\"{href}\">{}</a> <span class=\"muted\">({}, {} KB, SHA-256 {}…)</span>{preview}</li>",
                    esc(&m.file_name),
                    esc(&m.kind),
                    m.size.div_ceil(1024),
                    esc(&m.sha256.chars().take(12).collect::<String>())
                );
            }
            body.push_str("</ul>");
        }
        body.push_str("</section>");
    }
    // Decide and route.
    let next: Vec<ApplicationStatus> = ApplicationStatus::ALL
        .into_iter()
        .filter(|s| d.summary.status.can_become(*s))
        .collect();
    body.push_str("<div class=\"grid\">");
    if !next.is_empty() {
        let _ = write!(
            body,
            "<form class=\"card\" method=\"post\" action=\"/console/applications/{r}/decision\" id=\"decision\">\
             <h2>{}</h2><input type=\"hidden\" name=\"csrf\" value=\"{}\">\
             <label for=\"decision-status\">{}</label><select id=\"decision-status\" name=\"status\">",
            esc(&tr(lang, "console-decide")),
            esc(&me.csrf),
            esc(&tr(lang, "console-decision-status")),
            r = esc(reference),
        );
        for s in next {
            let _ = write!(
                body,
                "<option value=\"{}\">{}</option>",
                s.slug(),
                esc(&tr(lang, &format!("application-status-{}", s.slug())))
            );
        }
        let _ = write!(
            body,
            "</select><label for=\"decision-message\">{}</label><textarea id=\"decision-message\" name=\"message\"></textarea>\
             <p><button type=\"submit\">{}</button></p></form>",
            esc(&tr(lang, "console-decision-message")),
            esc(&tr(lang, "console-decision-submit"))
        );
    }
    let _ = write!(
        body,
        "<form class=\"card\" method=\"post\" action=\"/console/applications/{r}/route\" id=\"routing\">\
         <h2>{}</h2><input type=\"hidden\" name=\"csrf\" value=\"{}\">\
         <label for=\"department\">{}</label><input id=\"department\" name=\"department\" required maxlength=\"100\">\
         <p><button type=\"submit\">{}</button></p></form></div>",
        esc(&tr(lang, "console-route")),
        esc(&me.csrf),
        esc(&tr(lang, "console-route-department")),
        esc(&tr(lang, "console-route-submit")),
        r = esc(reference),
    );
    if me.account.admin {
        // A lost or stolen phone: the person proves their identity again on a new one, and an
        // administrator withdraws the old key here.
        let _ = write!(
            body,
            "<form class=\"card\" method=\"post\" action=\"/console/devices/revoke\" id=\"revoke-device\">\
             <h2>{}</h2><p class=\"muted\">{}</p><input type=\"hidden\" name=\"csrf\" value=\"{}\">\
             <input type=\"hidden\" name=\"public_key\" value=\"{}\">\
             <input type=\"hidden\" name=\"reference\" value=\"{}\">\
             <label><input type=\"checkbox\" name=\"confirm\" value=\"1\" required> {}</label>\
             <p><button type=\"submit\">{}</button></p></form>",
            esc(&tr(lang, "console-revoke-device")),
            esc(&tr(lang, "console-revoke-device-body")),
            esc(&me.csrf),
            esc(&d.device_key),
            esc(reference),
            esc(&tr(lang, "console-revoke-device-confirm")),
            esc(&tr(lang, "console-revoke-device")),
        );
    }
    let _ = write!(
        body,
        "<h2>{}</h2><ul class=\"timeline\" id=\"timeline\">",
        esc(&tr(lang, "console-timeline"))
    );
    for e in &d.events {
        let _ = write!(
            body,
            "<li><span class=\"muted\">{}</span> {}</li>",
            when(e.at),
            event_text(lang, e)
        );
    }
    body.push_str("</ul>");
    body
}

async fn detail(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(reference): Path<String>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let me = staff::session(&state, &headers).await?;
        let d = staff::open(&state, &me, &reference).await?;
        Ok::<_, AppError>((me, d))
    }
    .await;
    match result {
        Ok((me, d)) => {
            let body = detail_page(&state, lang, &me, &d);
            page(lang, &d.summary.reference, Some(&me), &body).into_response()
        }
        Err(e) => failure(lang, e),
    }
}

#[derive(Debug, Deserialize)]
struct DecisionForm {
    #[serde(default)]
    csrf: String,
    status: String,
    #[serde(default)]
    message: String,
}

async fn decide(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(reference): Path<String>,
    form: Result<Form<DecisionForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let Form(form) = form.map_err(|e| AppError::BadRequest(format!("form: {e}")))?;
        let me = session_with_csrf(&state, &headers, &form.csrf).await?;
        let status = ApplicationStatus::from_slug(&form.status)
            .ok_or_else(|| AppError::BadRequest("status: not a known status".into()))?;
        staff::decide(&state, &me, &reference, status, &form.message).await
    }
    .await;
    match result {
        Ok(s) => Redirect::to(&format!("/console/applications/{}", s.reference)).into_response(),
        Err(e) => failure(lang, e),
    }
}

#[derive(Debug, Deserialize)]
struct RouteForm {
    #[serde(default)]
    csrf: String,
    department: String,
}

async fn route(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(reference): Path<String>,
    form: Result<Form<RouteForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let Form(form) = form.map_err(|e| AppError::BadRequest(format!("form: {e}")))?;
        let me = session_with_csrf(&state, &headers, &form.csrf).await?;
        staff::route(&state, &me, &reference, &form.department).await
    }
    .await;
    match result {
        Ok(s) => Redirect::to(&format!("/console/applications/{}", s.reference)).into_response(),
        Err(e) => failure(lang, e),
    }
}

/// A document of an application, for staff signed in; only one the application names.
async fn material(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path((reference, sha256)): Path<(String, String)>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        staff::session(&state, &headers).await?;
        let app = staff::find(&state, &reference).await?;
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
        let upload = state
            .db
            .upload_of(&app.device_key, &sha256)
            .await?
            .filter(|u| u.is_complete())
            .ok_or(AppError::NotFound("document"))?;
        let bytes = crate::blobs::BlobStore::read(&state.blobs, &upload.id).await?;
        Ok::<_, AppError>((named.mime, bytes))
    }
    .await;
    match result {
        Ok((mime, bytes)) => {
            let mime = HeaderValue::from_str(&mime)
                .unwrap_or(HeaderValue::from_static("application/octet-stream"));
            (
                [
                    (header::CONTENT_TYPE, mime),
                    (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
                    (
                        header::X_CONTENT_TYPE_OPTIONS,
                        HeaderValue::from_static("nosniff"),
                    ),
                    (
                        header::CONTENT_SECURITY_POLICY,
                        HeaderValue::from_static("default-src 'none'; sandbox"),
                    ),
                ],
                bytes,
            )
                .into_response()
        }
        Err(e) => failure(lang, e),
    }
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}

/// The letter check a counter does: paste (or scan into) the text under a letter's QR code.
fn letter_page(
    state: &AppState,
    lang: Lang,
    me: &Staff,
    token: &str,
    result: Option<&DelegationCheck>,
) -> Html<String> {
    let mut body = format!(
        "<p class=\"muted\"><a href=\"/console\">{}</a></p><h1>{}</h1><p class=\"muted\">{}</p>\
         <form class=\"card\" method=\"post\" action=\"/console/letters\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{}\">\
         <label for=\"token\">{}</label><textarea id=\"token\" name=\"token\" required>{}</textarea>\
         <p><button type=\"submit\" id=\"check-letter\">{}</button></p></form>",
        esc(&tr(lang, "console-back")),
        esc(&tr(lang, "console-letters")),
        esc(&tr(lang, "console-letters-intro")),
        esc(&me.csrf),
        esc(&tr(lang, "console-letter-token")),
        esc(token),
        esc(&tr(lang, "console-letter-check")),
    );
    if let Some(check) = result {
        let (outcome, text, d) = match check {
            DelegationCheck::Valid { delegation } => {
                ("valid", key("console-letter-valid"), Some(delegation))
            }
            DelegationCheck::Revoked { delegation, .. } => {
                ("revoked", key("console-letter-revoked"), Some(delegation))
            }
            DelegationCheck::Expired { delegation } => {
                ("expired", key("console-letter-expired"), Some(delegation))
            }
            DelegationCheck::NotYetValid { delegation } => (
                "not-yet-valid",
                key("console-letter-not-yet-valid"),
                Some(delegation),
            ),
            DelegationCheck::UnknownSigner { delegation } => (
                "unknown-signer",
                key("console-letter-unknown-signer"),
                Some(delegation),
            ),
            DelegationCheck::Tampered => ("tampered", key("console-letter-tampered"), None),
        };
        let class = if outcome == "valid" { "ok" } else { "bad" };
        let mark = if class == "ok" { "✓" } else { "✗" };
        let _ = write!(
            body,
            "<section class=\"card\" id=\"letter-result\" data-state=\"{outcome}\"><p class=\"{class}\">{mark} {}</p>",
            esc(&tr(lang, text))
        );
        if let Some(d) = d {
            let rows = [
                (
                    tr(lang, "console-letter-principal"),
                    format!("{} · {}", d.principal_name, d.principal_document),
                ),
                (
                    tr(lang, "console-letter-agent"),
                    format!("{} · {}", d.agent_name, d.agent_id_number),
                ),
                (
                    tr(lang, "console-letter-services"),
                    d.guides
                        .iter()
                        .map(|g| guide_title(state, lang, &g.0))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                (
                    tr(lang, "console-letter-validity"),
                    format!("{} – {}", when(d.valid_from), when(d.valid_until - 1)),
                ),
            ];
            body.push_str("<table><tbody>");
            for (label, value) in rows {
                let _ = write!(
                    body,
                    "<tr><th>{}</th><td>{}</td></tr>",
                    esc(&label),
                    esc(&value)
                );
            }
            body.push_str("</tbody></table>");
        }
        body.push_str("</section>");
    }
    page(lang, &tr(lang, "console-letters"), Some(me), &body)
}

async fn letters(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let lang = lang_of(&headers);
    match staff::session(&state, &headers).await {
        Ok(me) => letter_page(&state, lang, &me, "", None).into_response(),
        Err(e) => failure(lang, e),
    }
}

#[derive(Debug, Deserialize)]
struct LetterForm {
    #[serde(default)]
    csrf: String,
    token: String,
}

async fn check_letter(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    form: Result<Form<LetterForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let Form(form) = form.map_err(|e| AppError::BadRequest(format!("form: {e}")))?;
        let me = session_with_csrf(&state, &headers, &form.csrf).await?;
        let check = crate::identity::check_delegation(&state, &form.token).await?;
        Ok::<_, AppError>(letter_page(
            &state,
            lang,
            &me,
            form.token.trim(),
            Some(&check),
        ))
    }
    .await;
    match result {
        Ok(page) => page.into_response(),
        Err(e) => failure(lang, e),
    }
}

/// Requests for verification by video still waiting for an officer.
async fn proofing_list(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let me = staff::session(&state, &headers).await?;
        let rows = state.db.proofing_requests(true).await?;
        Ok::<_, AppError>((me, rows))
    }
    .await;
    let (me, rows) = match result {
        Ok(r) => r,
        Err(e) => return failure(lang, e),
    };
    let mut body = format!(
        "<p class=\"muted\"><a href=\"/console\">{}</a></p><h1>{}</h1><p class=\"muted\">{}</p>",
        esc(&tr(lang, "console-back")),
        esc(&tr(lang, "console-proofing")),
        esc(&tr(lang, "console-proofing-intro"))
    );
    if rows.is_empty() {
        let _ = write!(
            body,
            "<p class=\"muted\" id=\"no-proofing\">{}</p>",
            esc(&tr(lang, "console-proofing-none"))
        );
    } else {
        let _ = write!(
            body,
            "<table id=\"proofing\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(&tr(lang, "console-proofing-requested")),
            esc(&tr(lang, "profile-name-han")),
            esc(&tr(lang, "console-proofing-contact"))
        );
        for r in &rows {
            let name = serde_json::from_str::<homeward_domain::privacy::Profile>(&r.profile)
                .map(|p| p.name_han)
                .unwrap_or_default();
            let _ = write!(
                body,
                "<tr><td><a href=\"/console/proofing/{id}\">{}</a></td><td>{}</td><td>{}</td></tr>",
                when(r.requested_at),
                esc(&name),
                esc(&r.contact),
                id = r.id
            );
        }
        body.push_str("</tbody></table>");
    }
    page(lang, &tr(lang, "console-proofing"), Some(&me), &body).into_response()
}

async fn proofing_detail(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let me = staff::session(&state, &headers).await?;
        let id = request_id(&id)?;
        let row = state
            .db
            .proofing_request(id)
            .await?
            .ok_or(AppError::NotFound("proofing request"))?;
        Ok::<_, AppError>((me, row))
    }
    .await;
    let (me, row) = match result {
        Ok(r) => r,
        Err(e) => return failure(lang, e),
    };
    let profile: homeward_domain::privacy::Profile =
        serde_json::from_str(&row.profile).unwrap_or_default();
    let mut body = format!(
        "<p class=\"muted\"><a href=\"/console/proofing\">{}</a></p><h1>{}</h1>\
         <section class=\"card\"><p><strong>{}</strong> {}</p><table><tbody>",
        esc(&tr(lang, "console-proofing")),
        esc(&tr(lang, "console-proofing-call")),
        esc(&tr(lang, "console-proofing-contact")),
        esc(&row.contact),
    );
    for (label, value) in [
        ("profile-name-han", &profile.name_han),
        ("profile-name-pinyin", &profile.name_pinyin),
        ("profile-birth-date", &profile.birth_date),
        ("profile-id-number", &profile.id_number),
        ("profile-passport", &profile.passport),
    ] {
        if !value.is_empty() {
            let _ = write!(
                body,
                "<tr><th>{}</th><td>{}</td></tr>",
                esc(&tr(lang, label)),
                esc(value)
            );
        }
    }
    body.push_str("</tbody></table></section>");
    match (&row.closed_at, &row.closed_by) {
        (Some(at), by) => {
            let (class, mark, key) = if row.token.is_some() {
                ("ok", "✓", key("console-proofing-done"))
            } else {
                ("bad", "✗", key("console-proofing-declined"))
            };
            let _ = write!(
                body,
                "<p class=\"{class}\" id=\"proofing-done\">{mark} {}</p>",
                esc(&tr_args(
                    lang,
                    key,
                    &[
                        ("officer", by.clone().unwrap_or_default().into()),
                        ("time", when(*at).into())
                    ]
                ))
            );
        }
        (None, _) => {
            let _ = write!(
                body,
                "<form class=\"card\" method=\"post\" action=\"/console/proofing/{id}/attest\" id=\"attest-form\">\
                 <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
                 <label for=\"level\">{level}</label><select id=\"level\" name=\"level\">\
                 <option value=\"remote-attended\">{remote}</option>\
                 <option value=\"documents-reviewed\">{documents}</option></select>\
                 <fieldset><legend>{checked}</legend>\
                 <label><input type=\"checkbox\" name=\"passport\" id=\"doc-passport\" value=\"1\"> {passport}</label>\
                 <label><input type=\"checkbox\" name=\"id_card\" id=\"doc-id-card\" value=\"1\"> {id_card}</label></fieldset>\
                 <label><input type=\"checkbox\" name=\"confirm\" id=\"confirm\" value=\"1\" required> {confirm}</label>\
                 <p><button type=\"submit\" id=\"attest\">{attest}</button></p></form>\
                 <form class=\"card\" method=\"post\" action=\"/console/proofing/{id}/decline\" id=\"decline-form\">\
                 <input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\
                 <p class=\"muted\">{decline_body}</p>\
                 <p><button type=\"submit\" id=\"decline\">{decline}</button></p></form>",
                id = row.id,
                csrf = esc(&me.csrf),
                level = esc(&tr(lang, "console-proofing-level")),
                remote = esc(&tr(lang, "level-remote-attended")),
                documents = esc(&tr(lang, "level-documents-reviewed")),
                checked = esc(&tr(lang, "site-documents-checked")),
                passport = esc(&tr(lang, "document-passport")),
                id_card = esc(&tr(lang, "document-id-card")),
                confirm = esc(&tr(lang, "console-proofing-confirm")),
                attest = esc(&tr(lang, "console-proofing-attest")),
                decline_body = esc(&tr(lang, "console-proofing-decline-body")),
                decline = esc(&tr(lang, "console-proofing-decline")),
            );
        }
    }
    page(lang, &tr(lang, "console-proofing-call"), Some(&me), &body).into_response()
}

#[derive(Debug, Deserialize)]
struct AttestForm {
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

async fn proofing_attest(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    form: Result<Form<AttestForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let Form(form) = form.map_err(|e| AppError::BadRequest(format!("form: {e}")))?;
        let me = session_with_csrf(&state, &headers, &form.csrf).await?;
        let id = request_id(&id)?;
        if form.confirm.is_none() {
            return Err(AppError::BadRequest(
                "confirm: confirm that you saw the person and their document".into(),
            ));
        }
        let level = IdentityLevel::ALL
            .into_iter()
            .find(|l| l.slug() == form.level)
            .ok_or_else(|| AppError::BadRequest("level: not a known level".into()))?;
        let mut documents = vec![];
        if form.passport.is_some() {
            documents.push(homeward_domain::identity::DocumentKind::Passport);
        }
        if form.id_card.is_some() {
            documents.push(homeward_domain::identity::DocumentKind::IdCard);
        }
        crate::identity::attest_by_officer(&state, &me, id, level, documents).await?;
        Ok::<_, AppError>(id)
    }
    .await;
    match result {
        Ok(id) => Redirect::to(&format!("/console/proofing/{id}")).into_response(),
        Err(e) => failure(lang, e),
    }
}

#[derive(Debug, Deserialize)]
struct RevokeDeviceForm {
    #[serde(default)]
    csrf: String,
    public_key: String,
    reference: String,
    #[serde(default)]
    confirm: Option<String>,
}

/// An administrator withdraws a device's key from an application's page (a lost phone).
async fn revoke_device(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    form: Result<Form<RevokeDeviceForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let Form(form) = form.map_err(|e| AppError::BadRequest(format!("form: {e}")))?;
        let me = session_with_csrf(&state, &headers, &form.csrf).await?;
        if !me.account.admin {
            return Err(staff::not_allowed("only an administrator revokes a device"));
        }
        if form.confirm.is_none() {
            return Err(AppError::BadRequest(
                "confirm: confirm that the person asked for this".into(),
            ));
        }
        if !state
            .db
            .revoke_device(form.public_key.trim(), crate::intake::now_ms())
            .await?
        {
            return Err(AppError::NotFound("device"));
        }
        tracing::info!("device key revoked from the console");
        Ok::<_, AppError>(form.reference)
    }
    .await;
    match result {
        Ok(reference) => {
            Redirect::to(&format!("/console/applications/{}", reference.trim())).into_response()
        }
        Err(e) => failure(lang, e),
    }
}

async fn proofing_decline(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    form: Result<Form<CsrfForm>, axum::extract::rejection::FormRejection>,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let Form(form) = form.map_err(|e| AppError::BadRequest(format!("form: {e}")))?;
        let me = session_with_csrf(&state, &headers, &form.csrf).await?;
        let id = request_id(&id)?;
        crate::identity::decline_by_officer(&state, &me, id).await?;
        Ok::<_, AppError>(id)
    }
    .await;
    match result {
        Ok(id) => Redirect::to(&format!("/console/proofing/{id}")).into_response(),
        Err(e) => failure(lang, e),
    }
}

/// A video request's id from the path, or a 400 naming it.
fn request_id(id: &str) -> Result<uuid::Uuid, AppError> {
    id.parse()
        .map_err(|_| AppError::BadRequest("id: not a request id".into()))
}

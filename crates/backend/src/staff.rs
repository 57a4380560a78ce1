//! City staff: accounts with Argon2id password hashes, sessions (a random token; only its
//! SHA-256 is stored), and the back office's actions, shared by the web console and the JSON API
//! that `homeward admin` uses. Every opening of an application is recorded as an event the
//! applicant can read.

use argon2::password_hash::rand_core::{OsRng, RngCore as _};
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::Argon2;
use axum::http::{HeaderMap, StatusCode};
use axum_extra::extract::CookieJar;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
use base64::Engine as _;
use homeward_domain::staff::{ApplicationDetail, ApplicationSummary, SubmissionView};
use homeward_domain::sync::{
    AccessAction, AccessRecord, ApplicationStatus, EventKind, FeedEvent, StaffRole, Submission,
};
use homeward_domain::wire::{self, path, Method};
use homeward_domain::{DraftId, ErrorCode};
use sha2::{Digest as _, Sha256};
use subtle::ConstantTimeEq as _;

use crate::error::AppError;
use crate::storage::{parse_reference, ApplicationRow, EventRow, NewAccess, StaffRow};
use crate::{now_ms, AppState};

/// How long a session lasts.
pub const SESSION_MS: i64 = 8 * 3600 * 1000;
/// The console's cookie.
pub const COOKIE: &str = "hw_staff";

pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing the password: {e}"))
}

fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    B64URL.encode(bytes)
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub(crate) fn not_signed_in() -> AppError {
    AppError::Refused(
        StatusCode::UNAUTHORIZED,
        ErrorCode::NotSignedIn,
        "sign in first".into(),
    )
}

pub(crate) fn not_allowed(why: &str) -> AppError {
    AppError::Refused(StatusCode::FORBIDDEN, ErrorCode::NotAllowed, why.into())
}

/// A signed-in member of staff, and the session's CSRF token for the console's forms.
#[derive(Debug, Clone)]
pub(crate) struct Staff {
    pub account: StaffRow,
    pub csrf: String,
    token_hash: String,
}

/// Checks a name and password; opens a session and returns its token and CSRF token.
pub(crate) async fn sign_in(
    state: &AppState,
    username: &str,
    password: &str,
) -> Result<(String, String, i64), AppError> {
    let name = username.trim();
    let now = now_ms();
    if !state.sign_ins.allowed(name, now) {
        return Err(AppError::Refused(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::TooManyAttempts,
            "too many failed sign-ins for this name; try again later".into(),
        ));
    }
    let account = state.db.staff(name).await?;
    // The hash is checked even for an unknown name, so timing does not tell names apart.
    let dummy = dummy_hash();
    let hash = account.as_ref().map_or(dummy, |a| a.password_hash.as_str());
    let ok = password_matches(password, hash);
    // A disabled account is told what a wrong password is told.
    let Some(account) = account.filter(|a| ok && a.disabled_at.is_none()) else {
        state.sign_ins.failed(name, now);
        return Err(not_signed_in());
    };
    state.sign_ins.succeeded(name);
    let token = random_token();
    let csrf = random_token();
    let expires_at = now_ms() + SESSION_MS;
    state
        .db
        .open_session(&token_hash(&token), account.id, &csrf, expires_at)
        .await?;
    tracing::info!(staff = account.id, "staff signed in");
    Ok((token, csrf, expires_at))
}

/// Failed sign-ins per name: after [`MAX_FAILURES`] within [`FAILURE_WINDOW_MS`], the name is
/// refused until the window has passed, so passwords cannot be guessed at speed. Kept in
/// memory: one backend process; several behind a balancer would keep it in the database.
#[derive(Debug, Default)]
pub(crate) struct SignInThrottle {
    failures: std::sync::Mutex<std::collections::HashMap<String, (u32, i64)>>,
}

const MAX_FAILURES: u32 = 5;
const FAILURE_WINDOW_MS: i64 = 15 * 60 * 1000;

impl SignInThrottle {
    fn key(name: &str) -> String {
        name.to_lowercase()
    }

    fn allowed(&self, name: &str, now: i64) -> bool {
        let map = self
            .failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.get(&Self::key(name))
            .is_none_or(|(n, since)| *n < MAX_FAILURES || now - since > FAILURE_WINDOW_MS)
    }

    fn failed(&self, name: &str, now: i64) {
        let mut map = self
            .failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let entry = map.entry(Self::key(name)).or_insert((0, now));
        if now - entry.1 > FAILURE_WINDOW_MS {
            *entry = (0, now);
        }
        entry.0 += 1;
    }

    fn succeeded(&self, name: &str) {
        self.failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(&Self::key(name));
    }
}

/// An Argon2id hash of a random password nobody knows, made once.
fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password(&random_token()).unwrap_or_default())
}

/// The session a request carries: `Authorization: Bearer` (API) or the console's cookie.
pub(crate) async fn session(state: &AppState, headers: &HeaderMap) -> Result<Staff, AppError> {
    let bearer = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned);
    let cookie = || {
        CookieJar::from_headers(headers)
            .get(COOKIE)
            .map(|c| c.value().to_owned())
    };
    let token = bearer.or_else(cookie).ok_or_else(not_signed_in)?;
    let hash = token_hash(token.trim());
    let session = state
        .db
        .session(&hash, now_ms())
        .await?
        .ok_or_else(not_signed_in)?;
    Ok(Staff {
        account: session.staff,
        csrf: session.csrf,
        token_hash: hash,
    })
}

impl Staff {
    /// Whether a form carried this session's CSRF token (compared in constant time).
    pub(crate) fn csrf_matches(&self, presented: &str) -> bool {
        !presented.is_empty() && bool::from(self.csrf.as_bytes().ct_eq(presented.as_bytes()))
    }

    /// The one department whose applications this member of staff reads: a reviewer's, when
    /// the account names one. Officers, administrators and reviewers of no department (who
    /// take applications in and route them) read every application.
    pub(crate) fn scope(&self) -> Option<&str> {
        match self.account.role {
            StaffRole::Reviewer => self.account.department.as_deref(),
            StaffRole::Officer | StaffRole::Administrator => None,
        }
    }

    /// Whether `app` is within [`Staff::scope`].
    fn may_read(&self, app: &ApplicationRow) -> bool {
        self.scope()
            .is_none_or(|d| app.department.as_deref() == Some(d))
    }
}

pub(crate) async fn sign_out(state: &AppState, staff: &Staff) -> Result<(), AppError> {
    state.db.close_session(&staff.token_hash).await?;
    Ok(())
}

/// The application a reference names, if `staff` may read it; one outside their department is
/// not found, as if it did not exist.
pub(crate) async fn find(
    state: &AppState,
    staff: &Staff,
    reference: &str,
) -> Result<ApplicationRow, AppError> {
    let seq = parse_reference(reference).ok_or_else(|| {
        AppError::BadRequest("reference: expected one like HW-2026-0000042".into())
    })?;
    state
        .db
        .application(seq)
        .await?
        .filter(|a| a.reference().eq_ignore_ascii_case(reference.trim()) && staff.may_read(a))
        .ok_or(AppError::NotFound("application"))
}

pub(crate) fn summary(a: &ApplicationRow) -> ApplicationSummary {
    ApplicationSummary {
        reference: a.reference(),
        guide_id: a.guide_id.clone(),
        status: a.status,
        department: a.department.clone(),
        created_at: a.created_at,
        updated_at: a.updated_at,
        version: a.version,
    }
}

/// An event as a device's feed tells it: what happened, never who at the city did it.
pub(crate) fn feed_event(e: EventRow) -> FeedEvent {
    FeedEvent {
        cursor: e.cursor,
        draft_id: DraftId(e.draft_id),
        reference: crate::storage::reference(e.application_seq, e.application_created_at),
        event: e.event,
        at: e.at,
        by: None,
    }
}

/// An event as staff read it: with the account that did it.
fn staff_event(e: EventRow) -> FeedEvent {
    let by = Some(e.actor.clone());
    FeedEvent {
        by,
        ..feed_event(e)
    }
}

/// What an access concerned: the device whose data it was, the application, and what else it
/// acted on (an account, a key, a document's digest).
#[derive(Debug, Default)]
pub(crate) struct About<'a> {
    pub device_key: Option<&'a str>,
    pub reference: Option<String>,
    pub subject: Option<String>,
}

/// Records in the access log that `staff` did `action`. Callers record before they show or
/// change anything, so what cannot be recorded does not happen.
pub(crate) async fn record_access(
    state: &AppState,
    staff: &Staff,
    action: AccessAction,
    about: About<'_>,
) -> Result<(), AppError> {
    let record = AccessRecord {
        seq: 0,
        at: now_ms(),
        action,
        role: staff.account.role,
        department: staff.account.department.clone(),
        reference: about.reference,
        by: Some(staff.account.username.clone()),
        subject: about.subject,
    };
    state
        .db
        .log_access(NewAccess {
            record,
            device_key: about.device_key.map(str::to_owned),
        })
        .await?;
    Ok(())
}

/// How an applicant is told who opened their application: a role and a department.
fn opening_by(account: &StaffRow) -> EventKind {
    EventKind::Access {
        role: account.role,
        department: account.department.clone(),
    }
}

/// Opens an application for `staff`: records the access, then returns everything in it with
/// each submission's signature verified again.
pub(crate) async fn open(
    state: &AppState,
    staff: &Staff,
    reference: &str,
) -> Result<ApplicationDetail, AppError> {
    let app = find(state, staff, reference).await?;
    record_access(
        state,
        staff,
        AccessAction::OpenedApplication,
        About {
            device_key: Some(&app.device_key),
            reference: Some(app.reference()),
            subject: None,
        },
    )
    .await?;
    state
        .db
        .record(
            app.seq,
            opening_by(&staff.account),
            &staff.account.username,
            now_ms(),
            None,
        )
        .await?;
    let mut submissions = vec![];
    for s in state.db.submissions(app.seq).await? {
        let submission: Submission = serde_json::from_slice(&s.body)
            .map_err(|e| anyhow::anyhow!("a stored submission does not parse: {e}"))?;
        let as_received = wire::Request {
            method: Method::Post,
            target: path::SUBMISSIONS,
            binding: &s.idempotency_key,
            body: &s.body,
        };
        let verified = hex::encode(Sha256::digest(&s.body)) == s.body_sha256
            && wire::stored_signature_holds(
                &app.device_key,
                &s.signature,
                &as_received,
                s.signed_at,
            );
        let mut identity = vec![];
        for token in &submission.attestations {
            identity.push(
                crate::identity::check_for_staff(state, &app.device_key, &submission, token)
                    .await?,
            );
        }
        submissions.push(SubmissionView {
            revision: s.revision,
            received_at: s.received_at,
            signature_verified: verified,
            submission,
            identity,
        });
    }
    let events = state
        .db
        .events(app.seq)
        .await?
        .into_iter()
        .map(staff_event)
        .collect();
    Ok(ApplicationDetail {
        summary: summary(&app),
        device_key: app.device_key,
        submissions,
        events,
    })
}

/// Refuses unless `staff` may verify people's identity: officers and administrators. The
/// pages that show people's full details for that are theirs alone too.
pub(crate) fn require_officer(staff: &Staff) -> Result<(), AppError> {
    if matches!(
        staff.account.role,
        StaffRole::Officer | StaffRole::Administrator
    ) {
        Ok(())
    } else {
        Err(not_allowed(
            "only an officer or an administrator verifies identities",
        ))
    }
}

/// Someone else changed the application after `staff` read it.
fn stale() -> AppError {
    AppError::Refused(
        StatusCode::CONFLICT,
        ErrorCode::Conflict,
        "someone else changed this application since you read it; read it again, then decide"
            .into(),
    )
}

/// A decision made on `version` of the application: the status must be one it can move to
/// from where it is, and nobody may have changed it since.
pub(crate) async fn decide(
    state: &AppState,
    staff: &Staff,
    reference: &str,
    status: ApplicationStatus,
    message: &str,
    version: i64,
) -> Result<ApplicationSummary, AppError> {
    let app = find(state, staff, reference).await?;
    if app.version != version {
        return Err(stale());
    }
    if !app.status.can_become(status) {
        return Err(not_allowed(&format!(
            "an application that is {} cannot become {}",
            app.status.slug(),
            status.slug()
        )));
    }
    if status == ApplicationStatus::MoreMaterialNeeded && message.trim().is_empty() {
        return Err(AppError::BadRequest(
            "message: say which material is needed".into(),
        ));
    }
    let event = EventKind::Status {
        status,
        message: message.trim().to_owned(),
    };
    let at = now_ms();
    state
        .db
        .record(app.seq, event, &staff.account.username, at, Some(version))
        .await?
        .ok_or_else(stale)?;
    tracing::info!(
        application = app.seq,
        status = status.slug(),
        "decision recorded"
    );
    // The application as the decision left it, without reading it back.
    Ok(summary(&ApplicationRow {
        status,
        updated_at: at,
        version: version + 1,
        ..app
    }))
}

/// Sends an application to another department, as decided on `version` of it.
pub(crate) async fn route(
    state: &AppState,
    staff: &Staff,
    reference: &str,
    department: &str,
    version: i64,
) -> Result<ApplicationSummary, AppError> {
    let department = department.trim();
    if department.is_empty() || department.chars().count() > 100 {
        return Err(AppError::BadRequest(
            "department: expected a name of 1 to 100 characters".into(),
        ));
    }
    let app = find(state, staff, reference).await?;
    let event = EventKind::Routed {
        department: department.to_owned(),
    };
    let at = now_ms();
    state
        .db
        .record(app.seq, event, &staff.account.username, at, Some(version))
        .await?
        .ok_or_else(stale)?;
    Ok(summary(&ApplicationRow {
        department: Some(department.to_owned()),
        updated_at: at,
        version: version + 1,
        ..app
    }))
}

/// Adds a staff account; only an administrator may.
pub(crate) async fn add_account(
    state: &AppState,
    by: &Staff,
    username: &str,
    password: &str,
    role: StaffRole,
    department: Option<&str>,
) -> Result<(), AppError> {
    if !by.account.admin {
        return Err(not_allowed("only an administrator adds staff"));
    }
    create_account(state.db.as_ref(), username, password, role, department).await?;
    let subject = Some(username.trim().to_owned());
    record_access(
        state,
        by,
        AccessAction::AddedAccount,
        About {
            subject,
            ..About::default()
        },
    )
    .await
}

/// Disables a staff account (only an administrator may, and not their own): it signs in no
/// more and every session it has ends at once.
pub(crate) async fn disable_account(
    state: &AppState,
    by: &Staff,
    username: &str,
) -> Result<(), AppError> {
    if !by.account.admin {
        return Err(not_allowed("only an administrator disables staff"));
    }
    let username = username.trim();
    if username == by.account.username {
        return Err(not_allowed(
            "an administrator cannot disable their own account",
        ));
    }
    if !state.db.disable_staff(username, now_ms()).await? {
        return Err(AppError::NotFound("staff account"));
    }
    tracing::info!(by = by.account.id, "staff account disabled");
    let subject = Some(username.to_owned());
    record_access(
        state,
        by,
        AccessAction::DisabledAccount,
        About {
            subject,
            ..About::default()
        },
    )
    .await
}

/// Adds a staff account with no one signed in: for the first administrator, from the server.
pub async fn create_account(
    db: &dyn crate::storage::Storage,
    username: &str,
    password: &str,
    role: StaffRole,
    department: Option<&str>,
) -> Result<(), AppError> {
    let username = username.trim();
    let valid_name = !username.is_empty()
        && username.len() <= 64
        && username
            .chars()
            .all(|c| c.is_alphanumeric() || "-_.@".contains(c));
    if !valid_name {
        return Err(AppError::BadRequest(
            "username: expected 1 to 64 letters, digits or - _ . @".into(),
        ));
    }
    if password.chars().count() < 12 {
        return Err(AppError::BadRequest(
            "password: expected at least 12 characters".into(),
        ));
    }
    let hash = hash_password(password)?;
    if !db.add_staff(username, &hash, role, department).await? {
        return Err(AppError::Refused(
            StatusCode::CONFLICT,
            ErrorCode::InvalidInput,
            "username: already taken".into(),
        ));
    }
    Ok(())
}

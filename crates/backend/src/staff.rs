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
    AccessAction, AccessRecord, ApplicationStatus, EventKind, FeedEvent, MaterialRequest,
    StaffRole, Submission, MAX_REQUESTED,
};
use homeward_domain::wire::{self, path, Method};
use homeward_domain::{DraftId, ErrorCode};
use sha2::{Digest as _, Sha256};
use subtle::ConstantTimeEq as _;

use crate::error::AppError;
use crate::storage::{parse_reference, ApplicationRow, EventRow, NewAccess, StaffRow, Storage};
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

/// Checks a name and password, from the client at `client` when known; opens a session and
/// returns its token and CSRF token. The attempt is counted before the password is checked, so
/// guesses racing each other cannot get past the limit, and the check runs on the bounded pool
/// for Argon2, so a flood of sign-ins leaves the rest of the API its threads.
pub(crate) async fn sign_in(
    state: &AppState,
    username: &str,
    password: &str,
    client: Option<std::net::IpAddr>,
) -> Result<(String, String, i64), AppError> {
    let name = username.trim();
    let now = now_ms();
    let too_many = || {
        AppError::Refused(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::TooManyAttempts,
            "too many failed sign-ins for this name or from this address; try again later".into(),
        )
    };
    let attempt = state
        .sign_ins
        .begin(state.db.as_ref(), name, client, now)
        .await?
        .ok_or_else(too_many)?;
    let account = state.db.staff(name).await?;
    // The hash is checked even for an unknown name, so timing does not tell names apart.
    let hash = account
        .as_ref()
        .map_or_else(|| dummy_hash().to_owned(), |a| a.password_hash.clone());
    let password = zeroize::Zeroizing::new(password.to_owned());
    let ok = state
        .hashing
        .run(move || password_matches(&password, &hash))
        .await?;
    // A disabled account is told what a wrong password is told.
    let Some(account) = account.filter(|a| ok && a.disabled_at.is_none()) else {
        return Err(not_signed_in());
    };
    state.sign_ins.succeeded(state.db.as_ref(), attempt).await?;
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

/// Where password hashing runs: on the blocking pool, a few at a time, so sign-ins (and the
/// accounts being made) never take the async workers the rest of the API runs on. A request that
/// cannot get a turn in time is told to try again.
#[derive(Debug)]
pub(crate) struct HashingPool {
    turns: tokio::sync::Semaphore,
}

impl Default for HashingPool {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        HashingPool {
            turns: tokio::sync::Semaphore::new(cores),
        }
    }
}

impl HashingPool {
    const WAIT: std::time::Duration = std::time::Duration::from_secs(5);

    pub(crate) async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, AppError> {
        let busy = || {
            AppError::Refused(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::TooManyAttempts,
                "too many sign-ins at once; try again in a moment".into(),
            )
        };
        let _turn = tokio::time::timeout(Self::WAIT, self.turns.acquire())
            .await
            .map_err(|_| busy())?
            .map_err(|_| busy())?;
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|e| AppError::Internal(anyhow::anyhow!("password hashing stopped: {e}")))
    }
}

/// Failed sign-ins per name and per client address, in windows of [`WINDOW_MS`] from the first
/// attempt: past [`MAX_PER_NAME`] for one name or [`MAX_PER_ADDRESS`] from one address, sign-in
/// is refused until the window has passed. An attempt counts from the moment it starts, in one
/// statement, so parallel guesses cannot slip past the limit; a successful sign-in clears its
/// name and takes itself back from its address. Counted in the database
/// ([`crate::storage::Counters`]), so every backend process on it counts together, and swept
/// with the other expired counts.
#[derive(Debug, Default)]
pub(crate) struct SignInThrottle;

/// An attempt in progress: its name as counted, and its address if known, to clear if it
/// succeeds.
#[derive(Debug)]
pub(crate) struct Attempt(String, Option<String>);

const MAX_PER_NAME: u32 = 5;
const MAX_PER_ADDRESS: u32 = 20;
const WINDOW_MS: i64 = 15 * 60 * 1000;
const BY_NAME: &str = "sign-in-name";
const BY_ADDRESS: &str = "sign-in-address";

impl SignInThrottle {
    /// A name as counted: case-folded and cut to the longest name an account may have, so a
    /// long name costs no more than a short one.
    fn name_key(name: &str) -> String {
        name.chars().take(64).collect::<String>().to_lowercase()
    }

    /// Counts an attempt for `name` from `client` at `now`, if both are under their limits;
    /// none, counting nothing, if either is not.
    pub(crate) async fn begin(
        &self,
        db: &dyn Storage,
        name: &str,
        client: Option<std::net::IpAddr>,
        now: i64,
    ) -> anyhow::Result<Option<Attempt>> {
        let name = Self::name_key(name);
        if !db
            .take(BY_NAME, &name, MAX_PER_NAME, WINDOW_MS, now)
            .await?
        {
            return Ok(None);
        }
        let address = client.map(|a| a.to_string());
        if let Some(address) = &address {
            if !db
                .take(BY_ADDRESS, address, MAX_PER_ADDRESS, WINDOW_MS, now)
                .await?
            {
                db.give_back(BY_NAME, &name).await?;
                return Ok(None);
            }
        }
        Ok(Some(Attempt(name, address)))
    }

    /// The attempt succeeded: its name starts afresh, and it no longer counts against its
    /// address (only failures do).
    pub(crate) async fn succeeded(&self, db: &dyn Storage, attempt: Attempt) -> anyhow::Result<()> {
        db.clear_count(BY_NAME, &attempt.0).await?;
        if let Some(address) = attempt.1 {
            db.give_back(BY_ADDRESS, &address).await?;
        }
        Ok(())
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
        site_id: a.site_id.clone(),
        volunteer: a.volunteer.clone(),
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
            && wire::stored_signature_holds(&s.device_key, &s.signature, &as_received, s.signed_at);
        let mut identity = vec![];
        for token in &submission.attestations {
            identity.push(
                crate::identity::check_for_staff(state, &s.device_key, &submission, token).await?,
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
    said: Said,
    version: i64,
) -> Result<ApplicationSummary, AppError> {
    let Said { message, request } = said;
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
    check_request(state, &app, status, &message, request.as_ref())?;
    let event = EventKind::Status {
        status,
        message: message.trim().to_owned(),
        request,
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

/// What a decision says to the person: the officer's own words, and with "more material
/// needed" the guide's materials asked for and why.
#[derive(Debug, Clone, Default)]
pub(crate) struct Said {
    pub(crate) message: String,
    pub(crate) request: Option<MaterialRequest>,
}

/// A request for more material names the application's own document questions, each once, for
/// a reason from the fixed list; without one, the officer's words must say what is needed.
fn check_request(
    state: &AppState,
    app: &ApplicationRow,
    status: ApplicationStatus,
    message: &str,
    request: Option<&MaterialRequest>,
) -> Result<(), AppError> {
    let bad = |why: &str| Err(AppError::BadRequest(why.to_owned()));
    let Some(request) = request else {
        if status == ApplicationStatus::MoreMaterialNeeded && message.trim().is_empty() {
            return bad("message: say which material is needed, or name it in request");
        }
        return Ok(());
    };
    if status != ApplicationStatus::MoreMaterialNeeded {
        return bad("request: only with the status more-material-needed");
    }
    if request.fields.is_empty() || request.fields.len() > MAX_REQUESTED {
        return bad(&format!(
            "request.fields: between 1 and {MAX_REQUESTED} of the guide's document questions"
        ));
    }
    let Some(guide) = state.catalog.guide(&app.guide_id) else {
        return bad("request: this application's guide is not in the catalogue; say it in words");
    };
    let mut seen = std::collections::BTreeSet::new();
    for field in &request.fields {
        if !guide.form.material_fields().any(|f| &f.id == field) {
            return bad(&format!(
                "request.fields: {field:?} is not one of this guide's document questions"
            ));
        }
        if !seen.insert(field) {
            return bad(&format!("request.fields: {field:?} is named twice"));
        }
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn attempts_count_from_their_start_per_name_and_per_address() {
        let dir = tempfile::tempdir().unwrap();
        let open = |n: &str| {
            let path = dir.path().join(n);
            async move { crate::storage::SqliteStorage::open(&path).await.unwrap() }
        };
        let db = open("a.db").await;
        let t = SignInThrottle;
        let here: std::net::IpAddr = "203.0.113.7".parse().unwrap();
        // Five at one name, however they interleave; the sixth waits out the window.
        for _ in 0..MAX_PER_NAME {
            let started = t.begin(&db, "Li", Some(here), 0).await.unwrap();
            assert!(started.is_some(), "under the limit");
        }
        let folded = t.begin(&db, "li", Some(here), 1).await.unwrap();
        assert!(folded.is_none(), "names fold case");
        let later = t.begin(&db, "li", None, WINDOW_MS + 1).await.unwrap();
        assert!(later.is_some(), "a new window");
        // Spraying names from one address stops at the address's limit.
        let db = open("b.db").await;
        let mut allowed = 0;
        for i in 0..100 {
            let name = format!("name-{i}");
            allowed += usize::from(t.begin(&db, &name, Some(here), 0).await.unwrap().is_some());
        }
        assert_eq!(allowed, MAX_PER_ADDRESS as usize);
        // A long name is kept cut short.
        let long = "x".repeat(100_000);
        let a = t.begin(&db, &long, None, 0).await.unwrap().unwrap();
        assert_eq!(a.0.len(), 64);
        // A success takes back what it counted, for its name and its address.
        let db = open("c.db").await;
        for _ in 0..100 {
            let a = t.begin(&db, "li", Some(here), 0).await.unwrap();
            let a = a.expect("never locked by succeeding");
            t.succeeded(&db, a).await.unwrap();
        }
    }
}

//! Identity at the backend: which level a submission's attestations prove, the keys trusted to
//! sign them (liaison sites registered by an administrator, officers through the backend's key),
//! device revocation for a lost phone, and the counter's check of an entrustment letter.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use homeward_domain::catalog::IdentityLevel;
use homeward_domain::identity::{
    parse_public_key, profile_digest, validity_days, Assistance, Attestation, AttestationProblem,
    Delegation, DelegationCheck, DelegationRevocation, DelegationRevoked, DelegationToken,
    DocumentKind, IssuerKind, ProofRequest, ProofingRequestBody, ProofingRequestState,
    SignerStanding, LETTER_IDENTITY_LEVEL, MAX_LETTER_DAYS,
};
use homeward_domain::staff::{DeviceRevocation, IdentityProof, NewSite, Signer};
use homeward_domain::sync::{AccessAction, Submission};
use homeward_domain::ErrorCode;

use crate::auth::{Admin, SignedDevice};
use crate::error::AppError;
use crate::intake::json_body;
use crate::now_ms;
use crate::staff::{self, not_allowed, About, Staff};
use crate::storage::{ProofingRow, SignerRef, SignerRow};
use crate::AppState;

/// How the backend regards the key that signed `a`: it must be the registered key of that very
/// site or officer, and not revoked.
async fn standing(state: &AppState, a: &Attestation) -> anyhow::Result<SignerStanding> {
    signer_standing(state, a.issuer_kind, &a.issuer_id, &a.signer_key).await
}

/// How the backend regards `key` signing as this site or officer.
async fn signer_standing(
    state: &AppState,
    kind: IssuerKind,
    id: &str,
    key: &str,
) -> anyhow::Result<SignerStanding> {
    let row = state.signer(kind.slug(), id).await?;
    Ok(match row {
        Some(r) if r.public_key != key => SignerStanding::Unknown,
        Some(r) if r.revoked_at.is_some() => SignerStanding::Revoked,
        Some(_) => SignerStanding::Trusted,
        None => SignerStanding::Unknown,
    })
}

/// Where help came from, for a submission that says it was sent from a walk-in's session, and
/// the site whose statement says so: it must hold now for this very device, as an attestation
/// must. One that does not is refused, not taken as if it had not been sent.
pub(crate) async fn assisted(
    state: &AppState,
    device_key: &str,
    submission: &Submission,
) -> Result<Option<(crate::storage::Assisted, SignerRef)>, AppError> {
    let Some(token) = submission.assisted.as_deref() else {
        return Ok(None);
    };
    let standing = match Assistance::open(token) {
        Some(a) => signer_standing(state, IssuerKind::Site, &a.site_id, &a.signer_key).await?,
        None => SignerStanding::Unknown,
    };
    // Its own refusal, not an attestation's code: the app must not take the person's proofs
    // of identity for the ones at fault.
    let a = Assistance::verify(token, device_key, now_ms(), |_| standing).map_err(|p| {
        AppError::BadRequest(format!(
            "assisted: expected the statement of a registered liaison site for this device; {p}"
        ))
    })?;
    let site = SignerRef {
        kind: IssuerKind::Site.slug().to_owned(),
        id: a.site_id.clone(),
        public_key: a.signer_key,
    };
    let assisted = crate::storage::Assisted {
        site_id: a.site_id,
        volunteer: a.volunteer,
        walk_in: a.id,
    };
    Ok(Some((assisted, site)))
}

/// The digest of the person a submission says it is for; a submission without one names nobody,
/// and no attestation proves nobody.
fn applicant_digest(submission: &Submission) -> String {
    submission
        .applicant
        .as_ref()
        .map(profile_digest)
        .unwrap_or_default()
}

/// Checks one attestation now, against this backend's signers, for `device_key` and the person
/// whose digest is `person`.
async fn verify_now(
    state: &AppState,
    device_key: &str,
    person: &str,
    token: &str,
) -> anyhow::Result<Result<Attestation, AttestationProblem>> {
    let standing = match Attestation::open(token) {
        Some(a) => standing(state, &a).await?,
        None => SignerStanding::Unknown,
    };
    Ok(Attestation::verify_for(
        token,
        device_key,
        person,
        now_ms(),
        |_| standing,
    ))
}

/// One attestation of `submission` checked now, for staff: what it says and why it fails, if
/// it does.
pub(crate) async fn check_for_staff(
    state: &AppState,
    device_key: &str,
    submission: &Submission,
    token: &str,
) -> anyhow::Result<IdentityProof> {
    let problem = verify_now(state, device_key, &applicant_digest(submission), token)
        .await?
        .err()
        .map(AttestationProblem::code);
    Ok(IdentityProof {
        attestation: Attestation::open(token),
        problem,
    })
}

/// The best level the submission's attestations prove now, for `device_key` and for the
/// applicant the submission names, and the signers of those attestations. Every attestation
/// sent must hold: one that does not is refused with its own code rather than quietly ignored.
pub(crate) async fn proven_level(
    state: &AppState,
    device_key: &str,
    submission: &Submission,
) -> Result<(IdentityLevel, Vec<SignerRef>), AppError> {
    if !submission.attestations.is_empty() && submission.applicant.is_none() {
        return Err(AppError::BadRequest(
            "applicant: expected the details of the person the application is for, which the \
             identity proofs prove"
                .into(),
        ));
    }
    let person = applicant_digest(submission);
    let mut best = IdentityLevel::SelfAsserted;
    let mut signers = Vec::with_capacity(submission.attestations.len());
    for token in &submission.attestations {
        let a = verify_now(state, device_key, &person, token)
            .await?
            .map_err(|p| AppError::Refused(StatusCode::FORBIDDEN, p.code(), p.to_string()))?;
        if a.level.rank() > best.rank() {
            best = a.level;
        }
        signers.push(SignerRef {
            kind: a.issuer_kind.slug().to_owned(),
            id: a.issuer_id,
            public_key: a.signer_key,
        });
    }
    Ok((best, signers))
}

fn signer(r: SignerRow) -> Signer {
    Signer {
        kind: if r.kind == IssuerKind::Officer.slug() {
            IssuerKind::Officer
        } else {
            IssuerKind::Site
        },
        id: r.id,
        name: r.name,
        public_key: r.public_key,
        registered_at: r.registered_at,
        revoked_at: r.revoked_at,
    }
}

pub(crate) async fn list_signers(
    State(state): State<Arc<AppState>>,
    _: Staff,
) -> Result<Json<Vec<Signer>>, AppError> {
    let rows = state.db.signers().await?;
    Ok(Json(rows.into_iter().map(signer).collect()))
}

/// Registers a liaison site's key (`POST /v1/staff/signers`).
pub(crate) async fn add_site(
    State(state): State<Arc<AppState>>,
    Admin(me): Admin,
    body: Bytes,
) -> Result<(StatusCode, Json<Signer>), AppError> {
    let site: NewSite = json_body(&body)?;
    let id = site.id.trim();
    if !homeward_domain::identity::is_valid_site_id(id) {
        return Err(AppError::BadRequest(
            "id: expected 1 to 40 lower-case letters, digits or hyphens".into(),
        ));
    }
    let name = site.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::BadRequest(
            "name: expected 1 to 100 characters".into(),
        ));
    }
    if parse_public_key(&site.public_key).is_none() {
        return Err(AppError::BadRequest(
            "public_key: expected a base64 Ed25519 public key (32 bytes)".into(),
        ));
    }
    let row = SignerRow {
        kind: IssuerKind::Site.slug().into(),
        id: id.into(),
        name: name.into(),
        public_key: site.public_key.trim().into(),
        registered_at: now_ms(),
        revoked_at: None,
    };
    if !state.db.add_signer(row.clone()).await? {
        return Err(AppError::Refused(
            StatusCode::CONFLICT,
            homeward_domain::ErrorCode::InvalidInput,
            format!("id: a site named {id} is registered already"),
        ));
    }
    tracing::info!(site = id, "liaison site registered");
    let subject = Some(id.to_owned());
    let about = About {
        subject,
        ..About::default()
    };
    staff::record_access(&state, &me, AccessAction::AddedSite, about).await?;
    Ok((StatusCode::CREATED, Json(signer(row))))
}

/// Revokes a site or officer (`POST /v1/staff/signers/{kind}/{id}/revoke`): the backend refuses
/// every attestation it signed from then on.
pub(crate) async fn revoke_signer(
    State(state): State<Arc<AppState>>,
    Admin(me): Admin,
    Path((kind, id)): Path<(String, String)>,
) -> Result<Json<Signer>, AppError> {
    if !state.db.revoke_signer(&kind, &id, now_ms()).await? {
        return Err(AppError::NotFound("signer"));
    }
    state.signers.forget(&crate::signer_key(&kind, &id));
    tracing::info!(kind = %kind, signer = %id, "signer revoked");
    let about = About {
        subject: Some(format!("{kind}/{id}")),
        ..About::default()
    };
    staff::record_access(&state, &me, AccessAction::RevokedSigner, about).await?;
    let row = state
        .db
        .signer(&kind, &id)
        .await?
        .ok_or(AppError::NotFound("signer"))?;
    Ok(Json(signer(row)))
}

/// Revokes a device key (`POST /v1/staff/devices/revoke`), for a phone that was lost: its
/// signatures are refused from then on, and the person proves their identity again on the new
/// one.
pub(crate) async fn revoke_device(
    State(state): State<Arc<AppState>>,
    Admin(me): Admin,
    body: Bytes,
) -> Result<StatusCode, AppError> {
    let r: DeviceRevocation = json_body(&body)?;
    revoke_device_by(&state, &me, &r.public_key).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Withdraws a device's key, as `me` (an administrator) decided, and records it in the access
/// log of the device's owner.
pub(crate) async fn revoke_device_by(
    state: &AppState,
    me: &Staff,
    public_key: &str,
) -> Result<(), AppError> {
    let public_key = public_key.trim();
    if !state.db.revoke_device(public_key, now_ms()).await? {
        return Err(AppError::NotFound("device"));
    }
    state.devices.forget(public_key);
    tracing::info!("device key revoked");
    let about = About {
        device_key: Some(public_key),
        ..About::default()
    };
    staff::record_access(state, me, AccessAction::RevokedDevice, about).await
}

/// What a counter learns from an entrustment letter's token.
pub(crate) async fn check_delegation(
    state: &AppState,
    token: &str,
) -> Result<DelegationCheck, AppError> {
    let Some(letter) = Delegation::open(token) else {
        return Ok(DelegationCheck::Tampered);
    };
    let key = letter.principal_key.trim().to_owned();
    // The answer repeats what the letter shows the counter, and no more.
    let delegation = letter.clone().for_counter();
    let device = state.db.device(&key).await?;
    if device.is_none_or(|d| d.revoked_at.is_some()) {
        return Ok(DelegationCheck::UnknownSigner { delegation });
    }
    if let Some(revoked_at) = state.db.delegation_revoked(letter.id, &key).await? {
        return Ok(DelegationCheck::Revoked {
            delegation,
            revoked_at,
        });
    }
    // Each service must allow entrustment; the proof must reach the highest level they ask.
    let mut needed = LETTER_IDENTITY_LEVEL;
    for g in &letter.guides {
        match state.catalog.guide(&g.0) {
            Some(guide) if guide.entrustment.is_some() => {
                if guide.min_identity_level.rank() > needed.rank() {
                    needed = guide.min_identity_level;
                }
            }
            _ => return Ok(DelegationCheck::NotEntrustable { delegation }),
        }
    }
    if letter.guides.is_empty() {
        return Ok(DelegationCheck::NotEntrustable { delegation });
    }
    let longest = (MAX_LETTER_DAYS + 1) * 86_400_000;
    if letter.valid_until.saturating_sub(letter.valid_from) > longest {
        return Ok(DelegationCheck::TooLong { delegation });
    }
    let proof_standing = match letter.proof.as_deref().and_then(Attestation::open) {
        Some(a) => standing(state, &a).await?,
        None => SignerStanding::Unknown,
    };
    if letter.proven(needed, |_| proof_standing).is_none() {
        return Ok(DelegationCheck::IdentityNotProven { delegation });
    }
    let now = now_ms();
    Ok(if now < letter.valid_from {
        DelegationCheck::NotYetValid { delegation }
    } else if now >= letter.valid_until {
        DelegationCheck::Expired { delegation }
    } else {
        DelegationCheck::Valid { delegation }
    })
}

/// `POST /v1/delegations/verify`: anyone holding the letter may check it.
pub(crate) async fn verify_delegation(
    State(state): State<Arc<AppState>>,
    body: Bytes,
) -> Result<Json<DelegationCheck>, AppError> {
    let t: DelegationToken = json_body(&body)?;
    Ok(Json(check_delegation(&state, &t.token).await?))
}

/// `POST /v1/delegations/revoke`, signed by a device: it revokes that device's letter with this
/// number. Only the number travels; a revocation by any other device does not count.
pub(crate) async fn revoke_delegation(
    State(state): State<Arc<AppState>>,
    SignedDevice {
        key: device, body, ..
    }: SignedDevice,
) -> Result<Json<DelegationRevoked>, AppError> {
    let r: DelegationRevocation = json_body(&body)?;
    let revoked_at = state.db.revoke_delegation(r.id, &device, now_ms()).await?;
    tracing::info!("entrustment letter revoked");
    Ok(Json(DelegationRevoked {
        id: r.id,
        revoked_at,
    }))
}

/// `POST /v1/proofing-requests`, signed by the device: the person asks to be verified by video.
/// The request carries the same code a volunteer would scan, and how to reach the person.
pub(crate) async fn request_proofing(
    State(state): State<Arc<AppState>>,
    SignedDevice {
        key: device, body, ..
    }: SignedDevice,
) -> Result<(StatusCode, Json<ProofingRequestState>), AppError> {
    let b: ProofingRequestBody = json_body(&body)?;
    let request = ProofRequest::decode(&b.request)
        .ok_or_else(|| AppError::BadRequest("request: not an intact identity code".into()))?;
    if request.device_key.trim() != device {
        return Err(AppError::Refused(
            StatusCode::FORBIDDEN,
            ErrorCode::AttestationOtherDevice,
            "the identity code is another device's".into(),
        ));
    }
    let contact = b.contact.trim();
    if contact.is_empty() || contact.chars().count() > 200 {
        return Err(AppError::BadRequest(
            "contact: expected a phone number, WeChat id or e-mail (1 to 200 characters)".into(),
        ));
    }
    let row = state
        .db
        .add_proofing_request(ProofingRow {
            id: uuid::Uuid::now_v7(),
            device_key: device,
            profile: serde_json::to_string(&request.profile)
                .map_err(|e| anyhow::anyhow!("a profile always serialises: {e}"))?,
            contact: contact.into(),
            requested_at: now_ms(),
            closed_at: None,
            closed_by: None,
            token: None,
        })
        .await?;
    tracing::info!("video verification requested");
    Ok((
        StatusCode::CREATED,
        Json(ProofingRequestState {
            id: row.id,
            requested_at: row.requested_at,
            attested_at: row.closed_at.filter(|_| row.token.is_some()),
            declined_at: row.closed_at.filter(|_| row.token.is_none()),
        }),
    ))
}

/// An officer verified the person of request `id` (by video, or by reviewing their documents):
/// the backend signs the attestation on the officer's behalf, and the person's app receives it
/// with its next look at the status feed.
pub(crate) async fn attest_by_officer(
    state: &AppState,
    officer: &Staff,
    id: uuid::Uuid,
    level: IdentityLevel,
    documents: Vec<DocumentKind>,
) -> Result<Attestation, AppError> {
    crate::staff::require_officer(officer)?;
    if !matches!(
        level,
        IdentityLevel::RemoteAttended | IdentityLevel::DocumentsReviewed
    ) {
        return Err(AppError::BadRequest(
            "level: an officer attests remote-attended or documents-reviewed".into(),
        ));
    }
    if documents.is_empty() {
        return Err(AppError::BadRequest(
            "documents: name the documents checked".into(),
        ));
    }
    let request = state
        .db
        .proofing_request(id)
        .await?
        .ok_or(AppError::NotFound("proofing request"))?;
    let profile: homeward_domain::privacy::Profile = serde_json::from_str(&request.profile)
        .map_err(|e| anyhow::anyhow!("a stored profile does not parse: {e}"))?;
    let name = officer.account.username.clone();
    let signer_key = state.keys.public().officer_key;
    // The officer is a signer through the backend's officer key; registered on first use, so
    // an administrator can revoke what they attested like a site's.
    state
        .db
        .add_signer(SignerRow {
            kind: IssuerKind::Officer.slug().into(),
            id: name.clone(),
            name: name.clone(),
            public_key: signer_key.clone(),
            registered_at: now_ms(),
            revoked_at: None,
        })
        .await?;
    if state
        .db
        .signer(IssuerKind::Officer.slug(), &name)
        .await?
        .is_some_and(|s| s.revoked_at.is_some())
    {
        return Err(not_allowed("this officer's attestations were revoked"));
    }
    let now = now_ms();
    let attestation = Attestation {
        id: uuid::Uuid::now_v7(),
        subject_key: request.device_key.clone(),
        profile_digest: profile_digest(&profile),
        level,
        issuer_kind: IssuerKind::Officer,
        issuer_id: name.clone(),
        signer_key,
        documents,
        issued_at: now,
        expires_at: now + validity_days(level) * 86_400_000,
    };
    let token = attestation.seal(state.keys.officer());
    if !state
        .db
        .close_proofing(id, Some(&token), &name, now)
        .await?
    {
        return Err(answered_already());
    }
    tracing::info!(level = level.slug(), "officer attestation issued");
    Ok(attestation)
}

/// An officer could not confirm the person of request `id` (no answer, or the person and their
/// document did not match): the request is closed without an attestation, and the person's app
/// learns it from the status feed and offers to ask again.
/// Another officer closed the request first.
fn answered_already() -> AppError {
    AppError::Refused(
        StatusCode::CONFLICT,
        ErrorCode::Conflict,
        "this request was answered already".into(),
    )
}

pub(crate) async fn decline_by_officer(
    state: &AppState,
    officer: &Staff,
    id: uuid::Uuid,
) -> Result<(), AppError> {
    crate::staff::require_officer(officer)?;
    if !state
        .db
        .close_proofing(id, None, &officer.account.username, now_ms())
        .await?
    {
        return Err(match state.db.proofing_request(id).await? {
            None => AppError::NotFound("proofing request"),
            Some(_) => answered_already(),
        });
    }
    tracing::info!("video verification declined");
    Ok(())
}

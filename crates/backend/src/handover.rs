//! Hand-overs from a walk-in's session to the person (`/v1/handovers`): the session offers one,
//! signed, naming the receipt's tracking code and a digest of its secret; the person's device
//! claims it with the secret and receives the applications whole (submissions, receipts,
//! documents, what the city said so far), which are its own from then on; whoever holds the
//! receipt can see where they stand.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use base64::Engine as _;
use homeward_domain::catalog::GuideId;
use homeward_domain::draft::DraftId;
use homeward_domain::handover::{
    parse_code, secret_digest, HandedApplication, HandedMaterial, HandedOver, HandedSubmission,
    HandoverOffer, HandoverSecret, HandoverState, HandoverStatus, TrackedApplication,
    HANDOVER_DAYS,
};
use homeward_domain::identity::CLOCK_SKEW_MS;
use homeward_domain::sync::{Receipt, Submission};
use homeward_domain::ErrorCode;

use crate::auth::{ClientAddr, SignedDevice};
use crate::error::AppError;
use crate::intake::json_body;
use crate::storage::{ApplicationRow, Claimed, HandoverRow, Offered};
use crate::{now_ms, AppState};

const DAY_MS: i64 = 86_400_000;

/// The code in the path, or a 400 naming it.
fn code_of(code: &str) -> Result<String, AppError> {
    parse_code(code).filter(|c| c == code).ok_or_else(|| {
        AppError::BadRequest("code: expected a tracking code of 8 characters".into())
    })
}

/// The same answer for an unknown code, a wrong secret and an expired offer, so that guessing
/// tells nothing.
fn no_such_receipt() -> AppError {
    AppError::Refused(
        StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "handover: no receipt with this tracking code and secret, or it has expired".into(),
    )
}

/// The offer under `code` if `secret` is its secret and it has not expired.
async fn held(state: &AppState, code: &str, secret: &str) -> Result<HandoverRow, AppError> {
    // Not a secret at all is no receipt either (and never compared with anything).
    let secret = homeward_domain::handover::parse_secret(secret).ok_or_else(no_such_receipt)?;
    let row = state.db.handover(code).await?.ok_or_else(no_such_receipt)?;
    if row.secret_sha256 != secret_digest(&secret) || row.expires_at <= now_ms() {
        return Err(no_such_receipt());
    }
    Ok(row)
}

/// `POST /v1/handovers`, signed by the session's device.
pub(crate) async fn offer(
    State(state): State<Arc<AppState>>,
    device: SignedDevice,
) -> Result<(StatusCode, Json<HandoverOffer>), AppError> {
    let offer: HandoverOffer = json_body(&device.body)?;
    code_of(&offer.code)?;
    let hex = offer.secret_sha256.len() == 64
        && offer
            .secret_sha256
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !hex {
        return Err(AppError::BadRequest(
            "secret_sha256: expected 64 lower-case hex digits".into(),
        ));
    }
    let now = now_ms();
    if offer.expires_at <= now || offer.expires_at > now + HANDOVER_DAYS * DAY_MS + CLOCK_SKEW_MS {
        return Err(AppError::BadRequest(format!(
            "expires_at: expected a time within {HANDOVER_DAYS} days from now"
        )));
    }
    let row = HandoverRow {
        code: offer.code.clone(),
        device_key: device.key,
        secret_sha256: offer.secret_sha256.clone(),
        created_at: now,
        expires_at: offer.expires_at,
        claimed_by: None,
        claimed_at: None,
    };
    match state.db.offer_handover(row).await? {
        Offered::New => Ok((StatusCode::CREATED, Json(offer))),
        Offered::Repeat => Ok((StatusCode::OK, Json(offer))),
        Offered::Conflict => Err(AppError::Refused(
            StatusCode::CONFLICT,
            ErrorCode::Conflict,
            "code: this tracking code is taken; offer the hand-over under another".into(),
        )),
    }
}

/// `GET /v1/handovers/{code}`, signed by the device that offered it (to anyone else there is no
/// such hand-over): whether it was taken up, so the session at the desk can end itself.
pub(crate) async fn state_of(
    State(state): State<Arc<AppState>>,
    Path(code): Path<String>,
    device: SignedDevice,
) -> Result<Json<HandoverState>, AppError> {
    let code = code_of(&code)?;
    match state.db.handover(&code).await? {
        Some(row) if row.device_key == device.key => Ok(Json(HandoverState {
            claimed: row.claimed_by.is_some(),
        })),
        _ => Err(no_such_receipt()),
    }
}

/// `POST /v1/handovers/{code}/claim`, signed by the device taking the applications over.
pub(crate) async fn claim(
    State(state): State<Arc<AppState>>,
    Path(code): Path<String>,
    device: SignedDevice,
) -> Result<Json<HandedOver>, AppError> {
    let code = code_of(&code)?;
    // Guessing secrets from one device is limited like lookups from one address.
    if !state
        .receipt_lookups
        .take(
            state.db.as_ref(),
            &format!("device {}", device.key),
            now_ms(),
        )
        .await?
    {
        return Err(AppError::Refused(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::QuotaExceeded,
            "too many receipts claimed from this device; try again in an hour".into(),
        ));
    }
    let HandoverSecret { secret } = json_body(&device.body)?;
    let row = held(&state, &code, &secret).await?;
    if row.device_key == device.key {
        return Err(AppError::BadRequest(
            "handover: a session cannot take over its own applications".into(),
        ));
    }
    match state
        .db
        .claim_handover(&code, &device.key, now_ms())
        .await?
    {
        Claimed::Moved => {}
        Claimed::NoSuchHandover => return Err(no_such_receipt()),
        Claimed::Taken => {
            return Err(AppError::Refused(
                StatusCode::CONFLICT,
                ErrorCode::Conflict,
                "handover: another device has already taken these applications over".into(),
            ))
        }
    }
    tracing::info!("hand-over taken up");
    let mut applications = vec![];
    let mut events = vec![];
    for app in state.db.handed_over(&code).await? {
        events.extend(
            state
                .db
                .events(app.seq)
                .await?
                .into_iter()
                .map(crate::staff::feed_event),
        );
        applications.push(handed(&state, &device.key, &app).await?);
    }
    Ok(Json(HandedOver {
        applications,
        events,
    }))
}

/// One application whole, as its new holder keeps it.
async fn handed(
    state: &AppState,
    holder: &str,
    app: &ApplicationRow,
) -> Result<HandedApplication, AppError> {
    let mut submissions = vec![];
    let mut materials: Vec<HandedMaterial> = vec![];
    for s in state.db.submissions(app.seq).await? {
        let sent: Submission = serde_json::from_slice(&s.body)
            .map_err(|e| anyhow::anyhow!("a stored submission does not parse: {e}"))?;
        for m in sent.materials {
            if materials.iter().any(|h| h.sha256 == m.sha256) {
                continue;
            }
            let upload = state
                .db
                .upload_of(holder, &m.sha256)
                .await?
                .ok_or_else(|| {
                    anyhow::anyhow!("a document of a handed-over application is missing")
                })?;
            let bytes = crate::blobs::BlobStore::read(&state.blobs, &upload.id).await?;
            materials.push(HandedMaterial {
                sha256: m.sha256,
                bytes: base64::engine::general_purpose::STANDARD.encode(bytes),
            });
        }
        let receipt = Receipt {
            submission_id: s.submission_id,
            reference: app.reference(),
            received_at: s.received_at,
            body_sha256: s.body_sha256.clone(),
            device_key: s.device_key.clone(),
        };
        submissions.push(HandedSubmission {
            body: String::from_utf8(s.body)
                .map_err(|_| anyhow::anyhow!("a stored submission is not UTF-8"))?,
            receipt: state.keys.sign(&receipt),
        });
    }
    Ok(HandedApplication {
        reference: app.reference(),
        draft_id: DraftId(app.draft_id),
        guide_id: GuideId(app.guide_id.clone()),
        submissions,
        materials,
    })
}

/// Looks at a receipt's applications this often per hour from one address, at most: enough for
/// a site's desk, too few to guess secrets.
pub(crate) const STATUS_LOOKUPS_PER_HOUR: u32 = 120;

/// `POST /v1/handovers/{code}/status`: where a receipt's applications stand, for whoever holds
/// it (the person without the app, or the site on a later visit).
pub(crate) async fn status(
    State(state): State<Arc<AppState>>,
    Path(code): Path<String>,
    client: ClientAddr,
    body: axum::body::Bytes,
) -> Result<Json<HandoverStatus>, AppError> {
    let code = code_of(&code)?;
    let HandoverSecret { secret } = json_body(&body)?;
    Ok(Json(look_up(&state, client, &code, &secret).await?))
}

/// Where the applications under `code` stand, if `secret` is its secret; counted against the
/// client's lookups this hour (the API and the `/track` page alike).
pub(crate) async fn look_up(
    state: &AppState,
    ClientAddr(client): ClientAddr,
    code: &str,
    secret: &str,
) -> Result<HandoverStatus, AppError> {
    if let Some(address) = client {
        if !state
            .receipt_lookups
            .take(state.db.as_ref(), &address.to_string(), now_ms())
            .await?
        {
            return Err(AppError::Refused(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::QuotaExceeded,
                "too many receipts looked up from this address; try again in an hour".into(),
            ));
        }
    }
    let row = held(state, code, secret).await?;
    let claimed = row.claimed_by.is_some();
    let rows = if claimed {
        vec![]
    } else {
        state.db.applications_of_device(&row.device_key).await?
    };
    Ok(HandoverStatus {
        claimed,
        applications: rows
            .into_iter()
            .map(|a| TrackedApplication {
                reference: a.reference(),
                guide_id: GuideId(a.guide_id),
                status: a.status,
                updated_at: a.updated_at,
            })
            .collect(),
    })
}

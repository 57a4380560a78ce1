//! The receipt a walk-in leaves the liaison site with, and taking the applications on it over
//! to the person's own device.
//!
//! - **At the site.** When a session has sent anything, ending it makes a receipt: a tracking
//!   code and a secret, drawn here, printed and shown as a QR code. The session offers the
//!   hand-over to the backend (the code and a digest of the secret, signed with its key) after
//!   its applications; until the backend has the offer, the session stays sealed.
//! - **At home.** The person's app reads the receipt (typed or from a photo of its QR code),
//!   claims the hand-over with the secret, and keeps what comes back: each application whole,
//!   each receipt checked against the backend's pinned key, and what the city said so far. From
//!   then on the applications are this device's: their feed, and the office's requests, come
//!   here.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use homeward_domain::handover::{
    encode, grouped, parse_code, parse_secret, secret_digest, HandedOver, HandoverOffer,
    HandoverSecret, HandoverState, HandoverStatus, ReceiptLine, Ticket, WalkInReceipt, CODE_CHARS,
    HANDOVER_DAYS, SECRET_CHARS,
};
use homeward_domain::sync::{OutboxState, Submission};
use homeward_domain::wire::path;
use homeward_domain::{DraftId, ErrorCode};
use rand::RngCore as _;
use sha2::{Digest as _, Sha256};

use crate::app::{now_ms, Homeward};
use crate::error::{CoreError, Result};
use crate::store::TakenOver;

/// The session's receipt, once made (JSON of a [`Ticket`] and its expiry).
const TICKET_SETTING: &str = "handover-ticket";
/// Set once the backend has the session's offer.
const OFFERED_SETTING: &str = "handover-offered";
const DAY_MS: i64 = 86_400_000;

#[derive(serde::Serialize, serde::Deserialize)]
struct KeptTicket {
    ticket: Ticket,
    expires_at: i64,
}

fn receipt_field(field: &'static str, reason: &str) -> CoreError {
    CoreError::InvalidInput {
        field,
        reason: reason.into(),
    }
}

/// A receipt as the person typed it, or as its QR code reads.
pub fn read_ticket(code: &str, secret: &str) -> Result<Ticket> {
    if let Some(ticket) = Ticket::from_qr_text(code) {
        return Ok(ticket);
    }
    Ok(Ticket {
        code: parse_code(code).ok_or_else(|| {
            receipt_field(
                "receipt-code",
                "expected the 8 characters of the tracking code",
            )
        })?,
        secret: parse_secret(secret).ok_or_else(|| {
            receipt_field("receipt-secret", "expected the 16 characters of the secret")
        })?,
    })
}

impl Homeward {
    fn kept_ticket(&self) -> Result<Option<KeptTicket>> {
        Ok(self
            .store
            .setting(TICKET_SETTING)?
            .and_then(|s| serde_json::from_str(&s).ok()))
    }

    /// The receipt for what this session sent, made the first time it is asked for; `None` while
    /// nothing was sent (there is nothing to take home).
    pub fn walk_in_receipt(&self) -> Result<Option<WalkInReceipt>> {
        let sent = self.outbox()?;
        if sent.is_empty() {
            return Ok(None);
        }
        let kept = match self.kept_ticket()? {
            Some(kept) => kept,
            None => {
                let mut code = [0u8; 5];
                let mut secret = [0u8; 10];
                rand::rngs::OsRng.fill_bytes(&mut code);
                rand::rngs::OsRng.fill_bytes(&mut secret);
                let kept = KeptTicket {
                    ticket: Ticket {
                        code: encode(&code, CODE_CHARS),
                        secret: encode(&secret, SECRET_CHARS),
                    },
                    expires_at: now_ms() + HANDOVER_DAYS * DAY_MS,
                };
                let json =
                    serde_json::to_string(&kept).map_err(|e| CoreError::Damaged(e.to_string()))?;
                self.store.set_setting(TICKET_SETTING, &json)?;
                kept
            }
        };
        let lang = self.language()?;
        let mut applications = vec![];
        for item in sent {
            if item.revision > 0 {
                continue;
            }
            let title = self
                .guide(&item.guide_id.0)
                .map(|g| g.title.get(lang).to_owned())
                .unwrap_or_else(|_| item.guide_id.0.clone());
            let reference = match &item.state {
                OutboxState::Delivered { reference, .. } => Some(reference.clone()),
                _ => None,
            };
            applications.push(ReceiptLine {
                guide_id: item.guide_id.clone(),
                title,
                reference,
            });
        }
        Ok(Some(WalkInReceipt {
            code: grouped(&kept.ticket.code),
            secret: grouped(&kept.ticket.secret),
            qr_svg: crate::identity::qr_svg(&kept.ticket.qr_text())?,
            expires_at: kept.expires_at,
            applications,
            track_url: self
                .remote()
                .map(|r| format!("{}{}", r.base(), path::TRACK))
                .unwrap_or_default(),
        }))
    }

    /// Whether a receipt was made whose offer the backend does not have yet.
    pub(crate) fn offer_pending(&self) -> Result<bool> {
        Ok(self.store.setting(TICKET_SETTING)?.is_some()
            && self.store.setting(OFFERED_SETTING)?.is_none())
    }

    /// Offers the hand-over once every application of the session has arrived (the person
    /// must find them all when they claim it). A failure waits for the next pass.
    pub(crate) async fn offer_handover(&self) -> Result<()> {
        if !self.offer_pending()? {
            return Ok(());
        }
        let arrived = self
            .outbox()?
            .iter()
            .all(|i| matches!(i.state, OutboxState::Delivered { .. }));
        let Some(kept) = self.kept_ticket()?.filter(|_| arrived) else {
            return Ok(());
        };
        self.prepare_to_send().await?;
        let offer = HandoverOffer {
            code: kept.ticket.code.clone(),
            secret_sha256: secret_digest(&kept.ticket.secret),
            expires_at: kept.expires_at,
        };
        let body = serde_json::to_vec(&offer).map_err(|e| CoreError::Damaged(e.to_string()))?;
        let _: HandoverOffer = self
            .remote()?
            .post_signed(&self.keys.device, path::HANDOVERS, &body)
            .await?;
        self.store
            .set_setting(OFFERED_SETTING, &now_ms().to_string())?;
        tracing::info!("hand-over offered");
        Ok(())
    }

    /// Whether the person has taken this session's applications over with its receipt (asks
    /// the backend; false while the hand-over is not yet offered).
    pub async fn handed_over(&self) -> Result<bool> {
        if self.offer_pending()? {
            return Ok(false);
        }
        let Some(kept) = self.kept_ticket()? else {
            return Ok(false);
        };
        let target = path::fill(path::HANDOVER, &[&kept.ticket.code]);
        let state: HandoverState = self
            .remote()?
            .get_signed(&self.keys.device, &target)
            .await?;
        Ok(state.claimed)
    }

    /// Takes the applications on a receipt over to this device; the drafts they are kept as.
    /// Needs the backend; a repeat (the answer was lost on the way) is harmless.
    pub async fn take_over(&self, ticket: &Ticket) -> Result<Vec<DraftId>> {
        let receipt_key = self.prepare_to_send().await?;
        let body = serde_json::to_vec(&HandoverSecret {
            secret: ticket.secret.clone(),
        })
        .map_err(|e| CoreError::Damaged(e.to_string()))?;
        let target = path::fill(path::HANDOVER_CLAIM, &[&ticket.code]);
        let handed: HandedOver = match self
            .remote()?
            .post_signed(&self.keys.device, &target, &body)
            .await
        {
            Ok(h) => h,
            Err(e) if e.code() == ErrorCode::NotFound => {
                return Err(receipt_field(
                    "receipt",
                    "no receipt with this tracking code and secret, or it has expired",
                ))
            }
            Err(e) if e.code() == ErrorCode::Conflict => {
                return Err(receipt_field(
                    "receipt",
                    "these applications were already taken over by another device",
                ))
            }
            Err(e) => return Err(e),
        };
        let mut drafts = vec![];
        let mut kept = vec![];
        for app in &handed.applications {
            let mut submissions = vec![];
            let mut latest: Option<Submission> = None;
            for s in &app.submissions {
                let sent: Submission = serde_json::from_str(&s.body)
                    .map_err(|e| CoreError::Backend(format!("a handed-over submission: {e}")))?;
                let sha = hex::encode(Sha256::digest(s.body.as_bytes()));
                let receipt = crate::outbox::verify_receipt(
                    &s.receipt,
                    &receipt_key,
                    sent.submission_id,
                    &sha,
                )?;
                if sent.draft_id != app.draft_id || sent.guide_id != app.guide_id {
                    return Err(CoreError::Backend(
                        "a handed-over submission belongs to another application".into(),
                    ));
                }
                submissions.push((
                    sent.submission_id,
                    sent.revision,
                    s.body.clone().into_bytes(),
                    s.receipt.clone(),
                    receipt.received_at,
                ));
                if latest.as_ref().is_none_or(|l| l.revision < sent.revision) {
                    latest = Some(sent);
                }
            }
            let Some(latest) = latest else { continue };
            let mut materials = vec![];
            for m in &latest.materials {
                let handed = app.materials.iter().find(|h| h.sha256 == m.sha256);
                let bytes = handed
                    .and_then(|h| B64.decode(&h.bytes).ok())
                    .filter(|b| hex::encode(Sha256::digest(b)) == m.sha256)
                    .ok_or_else(|| {
                        CoreError::Backend("a handed-over document is missing or damaged".into())
                    })?;
                materials.push((m.clone(), bytes));
            }
            drafts.push(app.draft_id);
            kept.push((latest, materials, submissions));
        }
        let apps: Vec<TakenOver<'_>> = kept
            .iter()
            .map(|(latest, materials, submissions)| TakenOver {
                draft: latest.draft_id,
                guide: &latest.guide_id,
                pack_version: latest.pack_version,
                answers: &latest.answers,
                materials: materials.clone(),
                submissions: submissions.clone(),
            })
            .collect();
        let city = self.current()?.city.id;
        self.store
            .take_over(&city, &apps, &handed.events, now_ms())?;
        tracing::info!(applications = drafts.len(), "applications taken over");
        Ok(drafts)
    }

    /// Where the applications on a receipt stand, without taking them over.
    pub async fn receipt_status(&self, ticket: &Ticket) -> Result<HandoverStatus> {
        let body = serde_json::to_vec(&HandoverSecret {
            secret: ticket.secret.clone(),
        })
        .map_err(|e| CoreError::Damaged(e.to_string()))?;
        let target = path::fill(path::HANDOVER_STATUS, &[&ticket.code]);
        match self.remote()?.post_json(&target, body).await {
            Err(e) if e.code() == ErrorCode::NotFound => Err(receipt_field(
                "receipt",
                "no receipt with this tracking code and secret, or it has expired",
            )),
            other => other,
        }
    }
}

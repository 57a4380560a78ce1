//! The outbox: Send freezes the application locally first; delivery follows whenever the backend
//! can be reached, exactly once, each item on its own.
//!
//! - **Frozen, then sent.** [`Homeward::submit`] writes the submission's JSON to the encrypted
//!   store and returns; nothing waits on the network.
//! - **Signed per attempt.** Each attempt signs the frozen body's digest with the device key at
//!   the time of the attempt, so a retry days later is not mistaken for a replay.
//! - **Once.** The submission id is the idempotency key: the backend answers a repeat with the
//!   first receipt, which the app verifies against the backend's key and the body's digest.
//! - **Never blocked by one item.** A transient failure (offline, 5xx) waits with capped
//!   exponential backoff and jitter; a refusal (4xx) sets that item aside with the backend's own
//!   error, for the person to retry; the other items carry on.
//! - **Nothing deleted.** A delivered item keeps its receipt.

use std::sync::atomic::Ordering;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use ed25519_dalek::{Signature, VerifyingKey};
use homeward_domain::identity::{follow_rotations, key_id};
use homeward_domain::sync::{
    ApplicationStatus, BackendKeys, EventKind, FeedEvent, MaterialRef, OutboxItem, OutboxState,
    Receipt, SignedReceipt, Submission,
};
use homeward_domain::{DraftId, DraftStatus, ErrorCode};
use rand::Rng as _;
use sha2::{Digest as _, Sha256};

use crate::app::{now_ms, Homeward};
use crate::city::Home;
use crate::error::{CoreError, Result};
use crate::review;
use crate::store::{Frozen, OutboxMaterial, OutboxRow};
use crate::validate;

/// The first retry waits about this long; each further one twice as long, up to [`MAX_DELAY_MS`].
const BASE_DELAY_MS: i64 = 2_000;
const MAX_DELAY_MS: i64 = 5 * 60_000;

/// The wait before attempt `attempts + 1`: doubling from [`BASE_DELAY_MS`], capped, then scaled
/// by `jitter` in `[0.5, 1.0]` so that many devices coming back online do not retry in step.
/// The float is at most five minutes in milliseconds, so the cast back is exact enough.
#[allow(clippy::cast_possible_truncation)]
pub fn backoff_ms(attempts: u32, jitter: f64) -> i64 {
    let doubled = BASE_DELAY_MS.saturating_mul(1_i64 << attempts.min(20));
    (doubled.min(MAX_DELAY_MS) as f64 * jitter.clamp(0.5, 1.0)) as i64
}

/// How much of a document one request carries at first. A cut connection costs at most one
/// chunk again, so chunks start small, double while they arrive (up to [`MAX_UPLOAD_CHUNK`]),
/// and halve when one is cut (down to [`MIN_UPLOAD_CHUNK`]).
pub const UPLOAD_CHUNK: u64 = 64 * 1024;
pub const MIN_UPLOAD_CHUNK: u64 = 16 * 1024;
pub const MAX_UPLOAD_CHUNK: u64 = 512 * 1024;

/// The settings key under which the backend's receipt key is pinned on first contact.
pub(crate) const RECEIPT_KEY_SETTING: &str = "backend-receipt-key";
const DEVICE_REGISTERED_SETTING: &str = "device-registered";

/// What one pass over the outbox did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncReport {
    pub delivered: usize,
    pub waiting: usize,
    pub set_aside: usize,
}

impl Homeward {
    /// Freezes a complete draft into the outbox. Refused without the person's consents, while
    /// the draft is incomplete, or while an earlier submission of it is still on its way.
    pub fn submit(&self, id: DraftId) -> Result<OutboxItem> {
        if !self.may_send()? {
            return Err(CoreError::ConsentRequired);
        }
        let draft = self.store.draft(id)?;
        let (guide, offered) = self.draft_guide(&draft)?;
        if !offered {
            return Err(CoreError::InvalidInput {
                field: "draft",
                reason: "the city no longer offers this service; the draft can be printed, \
                         exported or deleted"
                    .into(),
            });
        }
        let review = self.review(id)?;
        if review.status != DraftStatus::Complete {
            return Err(CoreError::InvalidInput {
                field: "draft",
                reason: "the application is not complete".into(),
            });
        }
        let revision = self.next_revision(id)?.ok_or(CoreError::InvalidInput {
            field: "draft",
            reason: "this application was already sent".into(),
        })?;
        // An application taken over from a walk-in's session was proven at the site: its
        // revisions need no proof of this device's own.
        if !self.taken_over(id)? {
            self.require_level(&draft.city, guide.min_identity_level)?;
        }
        // Only what the questions that apply ask for leaves the device: an answer to a question
        // hidden by a later answer, or a document for it, stays behind.
        let docs = self.materials(id)?;
        let mut answers = review::normalized(&guide.form, &draft.answers, validate::today());
        let asked: std::collections::BTreeSet<String> =
            homeward_domain::draft::answer_rows(&guide.form, &answers, &docs)
                .into_iter()
                .map(|r| r.key)
                .collect();
        answers.retain(|key, value| asked.contains(key) && !value.trim().is_empty());
        let docs: Vec<_> = docs
            .into_iter()
            .filter(|m| asked.contains(&m.field))
            .collect();
        let materials = docs
            .iter()
            .cloned()
            .map(|m| MaterialRef {
                field: m.field,
                kind: m.kind,
                file_name: m.file_name,
                mime: m.mime,
                size: m.size,
                sha256: m.sha256,
            })
            .collect();
        let now = now_ms();
        // Identity proofs go only to services that ask for more than the person's word, and
        // with them whom they prove, so the city can tell they are this applicant's.
        let (attestations, applicant) = if guide.min_identity_level.rank() > 0 {
            let held = self.current_attestations(&draft.city)?;
            let applicant = if held.is_empty() {
                None
            } else {
                self.ready_profile()?
            };
            (held, applicant)
        } else {
            (vec![], None)
        };
        let submission = Submission {
            submission_id: uuid::Uuid::now_v7(),
            draft_id: id,
            guide_id: draft.guide_id.clone(),
            pack_version: draft.pack_version,
            revision,
            answers,
            materials,
            sent_at: now,
            attestations,
            applicant,
            assisted: self.store.setting(crate::walkin::ASSISTED_SETTING)?,
        };
        let body =
            serde_json::to_vec(&submission).map_err(|e| CoreError::Damaged(e.to_string()))?;
        // The documents are frozen with the submission: removing one from the draft later
        // does not take it out of what was sent.
        let mut frozen = vec![];
        for m in docs {
            let (bytes, _) = self.store.material_bytes(id, m.id)?;
            frozen.push((m.sha256, bytes));
        }
        let frozen = Frozen {
            id: submission.submission_id,
            draft: id,
            guide: &draft.guide_id,
            body: &body,
            materials: &frozen,
        };
        self.store.enqueue(&frozen, submission.revision, now)?;
        self.outbox_changed(submission.submission_id);
        self.outbox_item(submission.submission_id)
    }

    /// Whether the application of `id` was taken over from a walk-in's session: its first
    /// submission was signed by another device.
    pub(crate) fn taken_over(&self, id: DraftId) -> Result<bool> {
        let mine = self.device_public_key_b64();
        Ok(self.store.outbox_for_draft(id)?.iter().any(|r| {
            r.item.revision == 0
                && r.receipt
                    .as_ref()
                    .and_then(|s| serde_json::from_str::<Receipt>(&s.receipt).ok())
                    .is_some_and(|receipt| receipt.device_key != mine)
        }))
    }

    /// The revision number a Send of `id` would have now: 0 for a first submission; after
    /// that, one more only when every earlier submission arrived and the city's latest word,
    /// said after the last of them was received, is a request for more material. `None` when
    /// sending again is not possible.
    pub fn next_revision(&self, id: DraftId) -> Result<Option<u32>> {
        let earlier = self.store.outbox_for_draft(id)?;
        let revision = u32::try_from(earlier.len())
            .map_err(|_| CoreError::Damaged("too many revisions".into()))?;
        if revision == 0 {
            return Ok(Some(0));
        }
        let mut last_received = 0;
        for r in &earlier {
            match r.item.state {
                OutboxState::Delivered { received_at, .. } => {
                    last_received = last_received.max(received_at);
                }
                _ => return Ok(None),
            }
        }
        let latest = self
            .status_events()?
            .into_iter()
            .filter(|e| e.draft_id == id)
            .filter_map(|e| match e.event {
                EventKind::Status { status, .. } => Some((status, e.at)),
                _ => None,
            })
            .next_back();
        let asked = matches!(
            latest,
            Some((ApplicationStatus::MoreMaterialNeeded, at)) if at >= last_received
        );
        Ok(asked.then_some(revision))
    }

    /// What to say in a system notification about `event`, in the person's language: the
    /// service as the title, the new status and the department's message as the body. Only
    /// changes of status are announced.
    pub fn notification_text(&self, event: &FeedEvent) -> Result<Option<(String, String)>> {
        let l10n = homeward_i18n::Localizer::new();
        let lang = self.language()?;
        let (status, message, request) = match &event.event {
            EventKind::Status {
                status,
                message,
                request,
            } => (status, message, request),
            // A message's words stay in the app: a notification shows on a locked screen.
            EventKind::Message {
                from: homeward_domain::conversation::Speaker::Office,
                documents,
                ..
            } => {
                let title = self.notification_title(event)?;
                let body = l10n.tr_args(
                    lang,
                    "notify-office-message",
                    &[
                        ("reference", event.reference.clone().into()),
                        ("documents", documents.len().into()),
                    ],
                );
                return Ok(Some((title, body)));
            }
            _ => return Ok(None),
        };
        let title = self.notification_title(event)?;
        let mut status = l10n.tr(lang, &format!("application-status-{}", status.slug()));
        if let Some(r) = request {
            let reason = l10n.tr(lang, &format!("request-reason-{}", r.reason.slug()));
            status = format!("{status} · {reason}");
        }
        let body = if message.is_empty() {
            format!("{} · {status}", event.reference)
        } else {
            format!("{} · {status}: {message}", event.reference)
        };
        Ok(Some((title, body)))
    }

    /// The service an event is about, in the person's language, as a notification's title; its
    /// reference when the service is not known.
    fn notification_title(&self, event: &FeedEvent) -> Result<String> {
        let lang = self.language()?;
        let guide = self
            .store
            .outbox_for_draft(event.draft_id)?
            .first()
            .and_then(|r| {
                self.pack_of(&r.city)
                    .ok()?
                    .guide(&r.item.guide_id.0)
                    .cloned()
            });
        Ok(guide.map_or_else(|| event.reference.clone(), |g| g.title.get(lang).to_owned()))
    }

    /// Calls `watch` with an item each time one is added to the outbox or changes (its state,
    /// or the bytes the backend acknowledged), on whichever thread made the change, so a shell
    /// can show progress as it happens. Only the first watcher set is kept.
    pub fn watch_outbox(&self, watch: impl Fn(&OutboxItem) + Send + Sync + 'static) {
        if self.outbox_watch.set(Box::new(watch)).is_err() {
            tracing::warn!("the outbox already has a watcher; keeping the first");
        }
    }

    /// Tells the watcher, if there is one, where item `id` stands now.
    pub(crate) fn outbox_changed(&self, id: uuid::Uuid) {
        let Some(watch) = self.outbox_watch.get() else {
            return;
        };
        match self.outbox_item(id) {
            Ok(item) => watch(&item),
            Err(e) => tracing::warn!(code = ?e.code(), "a changed outbox item was not read: {e}"),
        }
    }

    pub fn outbox(&self) -> Result<Vec<OutboxItem>> {
        Ok(self.store.outbox()?.into_iter().map(|r| r.item).collect())
    }

    pub(crate) fn outbox_item(&self, id: uuid::Uuid) -> Result<OutboxItem> {
        self.store
            .outbox_item(id)?
            .map(|r| r.item)
            .ok_or(CoreError::NotFound {
                what: "outbox item",
            })
    }

    /// The receipt of a delivered item.
    pub fn receipt(&self, id: uuid::Uuid) -> Result<Option<SignedReceipt>> {
        Ok(self.store.outbox_item(id)?.and_then(|r| r.receipt))
    }

    /// Puts an item that was set aside back in line, due now.
    pub fn retry_submission(&self, id: uuid::Uuid) -> Result<OutboxItem> {
        self.store.outbox_retry_now(id, now_ms())?;
        self.outbox_changed(id);
        self.outbox_item(id)
    }

    /// When the next waiting item is due (milliseconds since the epoch), if any waits.
    pub fn outbox_next_due(&self) -> Result<Option<i64>> {
        self.store.outbox_next_due()
    }

    /// One step of background sync: items that wait because the backend was unreachable are
    /// made due at once when it answers again (a cheap health check), so delivery starts as
    /// soon as a connection allows rather than when the backoff runs out; then one pass.
    pub async fn sync_tick(&self) -> Result<SyncReport> {
        for city in self.store.outbox_offline_cities()? {
            if let Ok(home) = self.city_home(&city) {
                if home.remote.health().await.is_ok() {
                    self.store.outbox_wake_offline(&city, now_ms())?;
                }
            }
        }
        self.sync_outbox().await
    }

    /// One pass over the items that are due. Another pass already running makes this one return
    /// at once.
    pub async fn sync_outbox(&self) -> Result<SyncReport> {
        if self.syncing.swap(true, Ordering::AcqRel) {
            return Ok(SyncReport::default());
        }
        let mut result = self.sync_due().await;
        if result.is_ok() {
            // A walk-in's receipt is offered after its applications; a failure waits.
            if let Err(e) = self.offer_handover().await {
                tracing::info!(code = ?e.code(), "the hand-over waits: {e}");
                if let Ok(report) = result.as_mut() {
                    report.waiting += 1;
                }
            }
        }
        self.syncing.store(false, Ordering::Release);
        result
    }

    async fn sync_due(&self) -> Result<SyncReport> {
        let mut report = SyncReport::default();
        let mut by_city: std::collections::BTreeMap<String, Vec<OutboxRow>> = Default::default();
        for item in self.store.outbox_due(now_ms())? {
            by_city.entry(item.city.clone()).or_default().push(item);
        }
        for (city, due) in by_city {
            self.sync_city(&city, due, &mut report).await?;
        }
        Ok(report)
    }

    /// Delivers the due items of one city to its backend.
    async fn sync_city(
        &self,
        city: &str,
        due: Vec<OutboxRow>,
        report: &mut SyncReport,
    ) -> Result<()> {
        // What every item needs first; a failure here is the whole city's pass waiting.
        let ready = match self.city_home(city) {
            Ok(home) => self
                .prepare_to_send_to(&home)
                .await
                .map(|keys| (home, keys)),
            Err(e) => Err(e),
        };
        let (home, keys) = match ready {
            Ok(ready) => ready,
            Err(e) => {
                for item in &due {
                    self.wait_again(item, &e)?;
                }
                report.waiting += due.len();
                return Ok(());
            }
        };
        for item in due {
            match self.deliver(&home, &item, &keys).await {
                Ok(receipt) => {
                    self.store
                        .outbox_delivered(item.item.submission_id, &receipt, now_ms())?;
                    self.outbox_changed(item.item.submission_id);
                    report.delivered += 1;
                }
                Err(e) if e.is_transient() => {
                    self.wait_again(&item, &e)?;
                    report.waiting += 1;
                }
                // The backend no longer knows this device or a document (its data was restored
                // from a backup, say): register and upload again on the next pass rather than
                // give up. A signature it found out of its window was made by a clock that is
                // off; the answer told the client the backend's time, so the next one is right.
                Err(e)
                    if matches!(
                        e.code(),
                        ErrorCode::UnknownDevice
                            | ErrorCode::MaterialNotUploaded
                            | ErrorCode::Replayed
                    ) =>
                {
                    match e.code() {
                        ErrorCode::UnknownDevice => {
                            self.store
                                .remove_setting(&home.key(DEVICE_REGISTERED_SETTING))?;
                        }
                        ErrorCode::MaterialNotUploaded => {
                            self.store.outbox_forget_uploads(item.item.submission_id)?;
                        }
                        _ => {}
                    }
                    self.wait_again(&item, &e)?;
                    report.waiting += 1;
                }
                Err(e) => {
                    tracing::warn!(code = ?e.code(), "a submission was refused: {e}");
                    if matches!(
                        e.code(),
                        ErrorCode::AttestationTampered
                            | ErrorCode::UnknownSigner
                            | ErrorCode::RevokedSigner
                            | ErrorCode::AttestationOtherDevice
                            | ErrorCode::AttestationExpired
                            | ErrorCode::AttestationOtherPerson
                    ) {
                        self.refuse_attestations_of(&item.body, e.code())?;
                    }
                    self.store.outbox_set_aside(
                        item.item.submission_id,
                        e.code().slug(),
                        &e.to_string(),
                    )?;
                    self.outbox_changed(item.item.submission_id);
                    report.set_aside += 1;
                }
            }
        }
        Ok(())
    }

    fn wait_again(&self, item: &OutboxRow, e: &CoreError) -> Result<()> {
        let attempts = match item.item.state {
            OutboxState::Waiting { attempts, .. } => attempts,
            _ => 0,
        };
        let jitter = rand::thread_rng().gen_range(0.5..=1.0);
        self.store.outbox_retry_later(
            item.item.submission_id,
            e.code().slug(),
            now_ms() + backoff_ms(attempts, jitter),
        )?;
        self.outbox_changed(item.item.submission_id);
        Ok(())
    }

    /// The current city's backend's receipt key, after making sure this device is registered
    /// there (see [`Self::prepare_to_send_to`]).
    pub(crate) async fn prepare_to_send(&self) -> Result<VerifyingKey> {
        self.prepare_to_send_to(&self.current()?).await
    }

    /// `home`'s backend's receipt key (pinned the first time it is seen), after making sure
    /// this device is registered there.
    pub(crate) async fn prepare_to_send_to(&self, home: &Home) -> Result<VerifyingKey> {
        let pin = home.key(RECEIPT_KEY_SETTING);
        let key_b64 = match self.store.setting(&pin)? {
            Some(k) => k,
            None => {
                let BackendKeys { receipt_key, .. } = home.remote.keys().await?;
                self.store.set_setting(&pin, &receipt_key)?;
                receipt_key
            }
        };
        let key = homeward_domain::identity::parse_public_key(&key_b64)
            .ok_or(CoreError::KeyMalformed("backend receipt key"))?;
        let registered = home.key(DEVICE_REGISTERED_SETTING);
        if self.store.setting(&registered)?.is_none() {
            home.remote
                .register_device(&self.device_public_key_b64())
                .await?;
            self.store.set_setting(&registered, &now_ms().to_string())?;
        }
        Ok(key)
    }

    /// Whether the current city's backend knows this device's key (it registered when it
    /// first sent).
    pub(crate) fn is_registered(&self) -> Result<bool> {
        let key = self.current()?.key(DEVICE_REGISTERED_SETTING);
        Ok(self.store.setting(&key)?.is_some())
    }

    /// This device's public key in base64, as the backend knows it.
    pub fn device_public_key_b64(&self) -> String {
        B64.encode(self.keys.device_public().as_bytes())
    }

    /// Uploads whatever the backend has not acknowledged of one document, chunk by chunk,
    /// recording each acknowledgement so a cut or a restart resumes from there.
    async fn upload(&self, home: &Home, submission: uuid::Uuid, m: &OutboxMaterial) -> Result<()> {
        let length = m.bytes.len() as u64;
        if m.acknowledged == length && m.upload_url.is_some() {
            return Ok(());
        }
        let known = match &m.upload_url {
            Some(url) => home
                .remote
                .upload_offset(&self.keys.device, url)
                .await?
                .map(|offset| (url.clone(), offset)),
            None => None,
        };
        let (url, mut offset) = match known {
            Some(found) => found,
            None => {
                home.remote
                    .create_upload(&self.keys.device, length, &m.sha256)
                    .await?
            }
        };
        self.store
            .outbox_material_progress(submission, &m.sha256, Some(&url), offset)?;
        self.outbox_changed(submission);
        while offset < length {
            // The chunk adapts to the link: doubled while they arrive, halved when one is
            // cut, so a connection that keeps dropping still moves forward.
            let size = self.upload_chunk.load(Ordering::Relaxed);
            let end = (offset + size).min(length);
            let range = usize::try_from(offset).ok().zip(usize::try_from(end).ok());
            let Some(chunk) = range.and_then(|(from, to)| m.bytes.get(from..to)) else {
                return Err(CoreError::Damaged(
                    "an upload offset past the document".into(),
                ));
            };
            match home
                .remote
                .patch_upload(&self.keys.device, &url, offset, chunk)
                .await
            {
                Ok(acknowledged) => {
                    offset = acknowledged;
                    self.upload_chunk
                        .store((size * 2).min(MAX_UPLOAD_CHUNK), Ordering::Relaxed);
                }
                Err(e) => {
                    if e.is_transient() {
                        self.upload_chunk
                            .store((size / 2).max(MIN_UPLOAD_CHUNK), Ordering::Relaxed);
                    }
                    return Err(e);
                }
            }
            self.store
                .outbox_material_progress(submission, &m.sha256, Some(&url), offset)?;
            self.outbox_changed(submission);
        }
        Ok(())
    }

    /// One signed attempt: the documents first, then the submission or message; the receipt
    /// once verified.
    async fn deliver(
        &self,
        home: &Home,
        item: &OutboxRow,
        receipt_key: &VerifyingKey,
    ) -> Result<SignedReceipt> {
        for m in self.store.outbox_materials(item.item.submission_id)? {
            self.upload(home, item.item.submission_id, &m).await?;
        }
        let sha = Sha256::digest(&item.body);
        let idempotency_key = item.item.submission_id.to_string();
        let target = if item.item.message.is_some() {
            homeward_domain::wire::path::MESSAGES
        } else {
            homeward_domain::wire::path::SUBMISSIONS
        };
        let signed = home
            .remote
            .submit(&self.keys.device, target, &idempotency_key, &item.body)
            .await?;
        let receipt_key = if signed.key_id == key_id(receipt_key) {
            *receipt_key
        } else {
            self.follow_receipt_key(home, receipt_key).await?
        };
        verify_receipt(
            &signed,
            &receipt_key,
            item.item.submission_id,
            &hex::encode(sha),
        )?;
        Ok(signed)
    }

    /// The backend signs with a key other than the one pinned: trust the new one only if a
    /// chain of rotations, each endorsed by the key before, leads there from the pinned one;
    /// then pin it. A key nobody endorsed is refused, whatever the backend says.
    async fn follow_receipt_key(&self, home: &Home, pinned: &VerifyingKey) -> Result<VerifyingKey> {
        let keys = home.remote.keys().await?;
        let current =
            follow_rotations(pinned, &keys.rotations, &keys.receipt_key).ok_or_else(|| {
                CoreError::Backend(
                    "the backend signs receipts with a key the pinned key never endorsed".into(),
                )
            })?;
        self.store
            .set_setting(&home.key(RECEIPT_KEY_SETTING), &keys.receipt_key)?;
        tracing::info!("the backend's receipt key rotated; following it");
        Ok(current)
    }
}

impl Homeward {
    /// Asks each city's feed what happened to this device's applications there since last
    /// time; keeps and returns what is new. A city is asked nothing before an application was
    /// delivered to it or a request for verification waits there. A city that cannot be reached
    /// does not keep the others' news back; its error is returned only if no city answered.
    pub async fn poll_status(&self) -> Result<Vec<FeedEvent>> {
        let mut cities = self.store.outbox_delivered_cities()?;
        if let Some(home) = self.home() {
            if self.proofing_pending(&home.city.id)? && !cities.contains(&home.city.id) {
                cities.push(home.city.id);
            }
        }
        let mut new = vec![];
        let mut failed = None;
        for city in cities {
            match self.poll_city(&city).await {
                Ok(events) => new.extend(events),
                Err(e) => {
                    tracing::info!(code = ?e.code(), "the status feed waits: {e}");
                    failed = Some(e);
                }
            }
        }
        match failed {
            Some(e) if new.is_empty() => Err(e),
            _ => Ok(new),
        }
    }

    /// Reads `city`'s feed from where it was left to its end.
    async fn poll_city(&self, city: &str) -> Result<Vec<FeedEvent>> {
        let home = self.city_home(city)?;
        let cursor_key = home.key(FEED_CURSOR_SETTING);
        let mut new = vec![];
        loop {
            let cursor: i64 = self
                .store
                .setting(&cursor_key)?
                .and_then(|c| c.parse().ok())
                .unwrap_or(0);
            let feed = home.remote.feed(&self.keys.device, cursor).await?;
            self.take_issued_attestations(city, &feed.attestations)?;
            self.take_declined_proofing(city, &feed.declined_proofing)?;
            let added =
                self.store
                    .add_status_events(city, &cursor_key, &feed.events, feed.cursor)?;
            self.fetch_documents(city, &added).await;
            new.extend(added);
            if !feed.more || feed.cursor <= cursor {
                return Ok(new);
            }
        }
    }

    /// Everything the city said about sent applications, oldest first.
    pub fn status_events(&self) -> Result<Vec<FeedEvent>> {
        self.store.status_events()
    }

    /// The latest status of the application made from `draft`, if the city said one.
    pub fn application_status(&self, draft: DraftId) -> Result<Option<ApplicationStatus>> {
        Ok(self
            .store
            .status_events()?
            .into_iter()
            .filter(|e| e.draft_id == draft)
            .filter_map(|e| match e.event {
                EventKind::Status { status, .. } => Some(status),
                _ => None,
            })
            .next_back())
    }
}

/// Where the feed was read up to; kept by the store with the events it came with.
const FEED_CURSOR_SETTING: &str = "feed-cursor";

/// A receipt counts only if the backend's key signed it, for this submission and this body.
pub fn verify_receipt(
    signed: &SignedReceipt,
    key: &VerifyingKey,
    submission: uuid::Uuid,
    body_sha256: &str,
) -> Result<Receipt> {
    let bad = |why: &str| CoreError::Backend(format!("the receipt {why}"));
    let signature = B64
        .decode(&signed.signature)
        .ok()
        .and_then(|b| Signature::from_slice(&b).ok())
        .ok_or_else(|| bad("signature is malformed"))?;
    key.verify_strict(signed.receipt.as_bytes(), &signature)
        .map_err(|_| bad("signature does not verify"))?;
    let receipt: Receipt =
        serde_json::from_str(&signed.receipt).map_err(|_| bad("is malformed"))?;
    if receipt.submission_id != submission || receipt.body_sha256 != body_sha256 {
        return Err(bad("is for another submission"));
    }
    Ok(receipt)
}

#[cfg(test)]
mod tests {
    use super::backoff_ms;

    #[test]
    fn backoff_doubles_is_capped_and_jittered() {
        assert_eq!(backoff_ms(0, 1.0), 2_000);
        assert_eq!(backoff_ms(1, 1.0), 4_000);
        assert_eq!(backoff_ms(3, 0.5), 8_000);
        assert_eq!(backoff_ms(30, 1.0), 300_000, "capped at five minutes");
        assert_eq!(backoff_ms(u32::MAX, 2.0), 300_000, "jitter is clamped");
        assert!(backoff_ms(5, 0.75) < backoff_ms(5, 1.0));
    }
}

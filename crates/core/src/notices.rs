//! Notices on the device: the signed feeds fetched from the home city's backend with the
//! catalogue, kept as last signed (the last good copy of each signer's feed), shown offline
//! for the person's country of residence, and the new safety alerts to announce.
//!
//! The person's country stays on the device: the backend serves every notice to everyone,
//! and the app picks the ones that concern the person.

use std::collections::BTreeSet;

use homeward_domain::catalog::SignedPack;
use homeward_domain::notice::{
    is_country_code, Notice, NoticeFeed, NoticeFeeds, NoticeKind, NoticeView, Notices, MAX_FEEDS,
    RESIDENCE_COUNTRIES,
};

use crate::catalog::notices::{trusted_signers, verify_trusted, TrustedSigner};
use crate::catalog::PackError;
use crate::error::{CoreError, Result};
use crate::Homeward;

/// The ETag of the last feeds fetched.
const ETAG: &str = "notices-etag";
/// Each signer's last good feed, as signed: a JSON list of envelopes.
const FEEDS: &str = "notices-feeds";
/// Whether the backend's last answer held a feed that was refused.
const REFUSED: &str = "notices-refused";
/// When the feeds were last fetched (Unix seconds).
const FETCHED_AT: &str = "notices-fetched-at";
/// The safety alerts already announced, as `key_id/notice_id`.
const ANNOUNCED: &str = "notices-announced";
/// The person's country of residence (ISO 3166-1 alpha-2).
pub(crate) const COUNTRY: &str = "residence-country";

/// What a fetch of the notices brought.
#[derive(Debug, Clone, Default)]
pub struct NoticesRefreshed {
    /// The backend's feeds were not the ones seen last time.
    pub changed: bool,
    /// Safety alerts for the person not announced before.
    pub alerts: Vec<NoticeView>,
}

fn now_secs() -> i64 {
    crate::app::now_ms() / 1000
}

impl Homeward {
    /// Who may sign notices for the home city's people; no one before a city is chosen.
    fn notice_signers(&self) -> Vec<TrustedSigner> {
        self.home().map_or_else(Vec::new, |home| {
            trusted_signers(&home.city, &self.config.notice_signers)
        })
    }

    /// The name of the current city's `key` setting: each city's backend serves its own feeds.
    fn notices_key(&self, key: &str) -> String {
        let city = self.home().map(|h| h.city.id).unwrap_or_default();
        crate::city::city_key(key, &city)
    }

    /// Each signer's last good feed, as kept.
    fn kept_feeds(&self) -> Result<Vec<SignedPack>> {
        Ok(self
            .store
            .setting(&self.notices_key(FEEDS))?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }

    /// The kept feeds that still verify (the database keeps data; it does not vouch for it),
    /// each with the index of its signer in `signers`.
    fn verified_feeds(&self, signers: &[TrustedSigner]) -> Result<Vec<(NoticeFeed, usize)>> {
        Ok(self
            .kept_feeds()?
            .iter()
            .filter_map(|signed| match verify_trusted(signed, signers) {
                Ok(checked) => Some(checked),
                Err(e) => {
                    tracing::warn!("ignoring a kept notices feed: {e}");
                    None
                }
            })
            .collect())
    }

    /// Fetches the notices feeds from the home city's backend, keeps each one that verifies
    /// and is not older than the one kept, and answers the safety alerts for the person's
    /// country not announced before. A feed that does not verify, or steps back, is refused:
    /// the last good copy stays, and [`Notices::refused`] says so.
    pub async fn refresh_notices(&self) -> Result<NoticesRefreshed> {
        let remote = self.remote()?;
        let signers = self.notice_signers();
        let (etag_key, feeds_key) = (self.notices_key(ETAG), self.notices_key(FEEDS));
        let (refused_key, fetched_key) = (self.notices_key(REFUSED), self.notices_key(FETCHED_AT));
        let etag = self.store.setting(&etag_key)?;
        let fetched = remote.notices(etag.as_deref()).await?;
        let changed = fetched.is_some();
        if let Some(fetched) = fetched {
            let mut kept = self.kept_feeds()?;
            let refused = match serde_json::from_slice::<NoticeFeeds>(&fetched.bytes) {
                Ok(offered) => take_feeds(&mut kept, &offered.feeds, &signers),
                Err(e) => {
                    tracing::warn!("refusing the backend's notices: {e}");
                    true
                }
            };
            let kept = serde_json::to_string(&kept)
                .map_err(|e| CoreError::Catalogue(format!("notices do not serialise: {e}")))?;
            let mut settings = vec![
                (feeds_key.as_str(), kept.as_str()),
                (refused_key.as_str(), if refused { "1" } else { "0" }),
            ];
            if let Some(tag) = &fetched.etag {
                settings.push((etag_key.as_str(), tag));
            }
            self.store.set_settings(&settings)?;
        }
        self.store
            .set_setting(&fetched_key, &now_secs().to_string())?;
        Ok(NoticesRefreshed {
            changed,
            alerts: self.new_safety_alerts(&signers)?,
        })
    }

    /// A system notification's title and text for a safety alert, in the person's language.
    pub fn alert_notification_text(&self, alert: &NoticeView) -> Result<(String, String)> {
        let lang = self.language()?;
        let l10n = homeward_i18n::Localizer::new();
        let title = l10n.tr_args(
            lang,
            "notice-notification-title",
            &[("title", alert.notice.title.get(lang).into())],
        );
        let body: String = alert.notice.body.get(lang).chars().take(240).collect();
        Ok((title, body))
    }

    /// The current safety alerts for the person not announced before, marked as announced.
    fn new_safety_alerts(&self, signers: &[TrustedSigner]) -> Result<Vec<NoticeView>> {
        let country = self.residence_country()?;
        let mut announced: BTreeSet<String> = self
            .store
            .setting(ANNOUNCED)?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default();
        let now = now_secs();
        let feeds = self.verified_feeds(signers)?;
        let mut live = BTreeSet::new();
        let mut fresh = Vec::new();
        for (feed, signer) in &feeds {
            for n in &feed.notices {
                let key = format!("{}/{}", signers[*signer].key_id, n.id);
                live.insert(key.clone());
                if n.kind == NoticeKind::SafetyAlert
                    && n.is_current(now)
                    && n.concerns(country.as_deref())
                    && !announced.contains(&key)
                {
                    announced.insert(key);
                    fresh.push(self.view(n.clone(), &signers[*signer]));
                }
            }
        }
        // Forget what no feed holds any more, so the list stays as small as the feeds.
        announced.retain(|k| live.contains(k));
        let json = serde_json::to_string(&announced)
            .map_err(|e| CoreError::Catalogue(format!("notices do not serialise: {e}")))?;
        self.store.set_setting(ANNOUNCED, &json)?;
        Ok(fresh)
    }

    /// The notice as shown: its signer's name, and the sites and guides it names as the
    /// catalogue names them.
    fn view(&self, notice: Notice, signer: &TrustedSigner) -> NoticeView {
        let pack = self.pack();
        NoticeView {
            signer: signer.name.clone(),
            site_names: notice
                .sites
                .iter()
                .filter_map(|id| pack.sites.iter().find(|s| s.id == *id))
                .map(|s| s.name.clone())
                .collect(),
            guide_titles: notice
                .guides
                .iter()
                .filter_map(|id| pack.guide(&id.0))
                .map(|g| g.title.clone())
                .collect(),
            notice,
        }
    }

    /// The notices that concern the person now, safety alerts first, then the newest; from
    /// what is kept, so they show offline.
    pub fn notices(&self) -> Result<Notices> {
        let now = now_secs();
        let country = self.residence_country()?;
        let signers = self.notice_signers();
        let mut notices: Vec<NoticeView> = self
            .verified_feeds(&signers)?
            .into_iter()
            .flat_map(|(feed, signer)| feed.notices.into_iter().map(move |n| (n, signer)))
            .filter(|(n, _)| n.is_current(now) && n.concerns(country.as_deref()))
            .map(|(n, signer)| self.view(n, &signers[signer]))
            .collect();
        notices.sort_by(|a, b| {
            (b.notice.kind == NoticeKind::SafetyAlert)
                .cmp(&(a.notice.kind == NoticeKind::SafetyAlert))
                .then(b.notice.valid_from.cmp(&a.notice.valid_from))
                .then(a.notice.id.cmp(&b.notice.id))
        });
        Ok(Notices {
            notices,
            country,
            fetched_at: self
                .store
                .setting(&self.notices_key(FETCHED_AT))?
                .and_then(|t| t.parse().ok()),
            refused: self
                .store
                .setting(&self.notices_key(REFUSED))?
                .is_some_and(|v| v == "1"),
        })
    }

    /// The person's country of residence, if they chose one.
    pub fn residence_country(&self) -> Result<Option<String>> {
        self.store.setting(COUNTRY)
    }

    /// Sets (or with `None`, forgets) the person's country of residence: one the app lists.
    /// It is kept on the device and never sent.
    pub fn set_residence_country(&self, country: Option<&str>) -> Result<Notices> {
        match country.map(str::trim).filter(|c| !c.is_empty()) {
            None => self.store.delete_setting(COUNTRY)?,
            Some(c) if is_country_code(c) && RESIDENCE_COUNTRIES.contains(&c) => {
                self.store.set_setting(COUNTRY, c)?;
            }
            Some(_) => {
                return Err(CoreError::InvalidInput {
                    field: "residence-country",
                    reason: "a country from the list".into(),
                })
            }
        }
        self.notices()
    }
}

/// Takes into `kept` each offered feed that verifies under a trusted signer and is not older
/// than the one kept for it; whether any was refused. A feed from a key no one trusts for this
/// city is passed over (another city's, say), not refused; a signer missing from the offer
/// keeps its last feed: a withdrawal is a newer signed feed, never an absence.
fn take_feeds(
    kept: &mut Vec<SignedPack>,
    offered: &[SignedPack],
    signers: &[TrustedSigner],
) -> bool {
    let mut refused = false;
    for signed in offered.iter().take(MAX_FEEDS) {
        let feed = match verify_trusted(signed, signers) {
            Ok((feed, _)) => feed,
            Err(PackError::UnknownKey(_)) => continue,
            Err(e) => {
                tracing::warn!(key_id = %signed.key_id, "refusing a notices feed: {e}");
                refused = true;
                continue;
            }
        };
        let old = kept.iter().position(|k| k.key_id == signed.key_id);
        let old_version = old
            .and_then(|i| verify_trusted(&kept[i], signers).ok())
            .map(|(f, _)| f.version);
        match (old, old_version) {
            (_, Some(v)) if feed.version < v => {
                tracing::warn!(key_id = %signed.key_id, "refusing a notices feed older than the one kept");
                refused = true;
            }
            (Some(i), _) => kept[i] = signed.clone(),
            (None, _) => kept.push(signed.clone()),
        }
    }
    kept.truncate(MAX_FEEDS);
    refused
}

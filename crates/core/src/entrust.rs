//! Entrustment (委托): the person authorises a relative at home to act for them on chosen
//! services until a date. The app signs the delegation with the device key and prints it as a
//! letter whose QR code the counter checks with the backend; the person can revoke it, and the
//! backend refuses it from then on.

use homeward_domain::catalog::FieldKind;
use homeward_domain::identity::{
    Delegation, DelegationCheck, DelegationRevocation, DelegationRevoked, DelegationSummary,
    DelegationToken, NewDelegation, LETTER_IDENTITY_LEVEL, MAX_LETTER_DAYS,
};
use homeward_domain::wire::path;
use homeward_domain::{GuideId, Lang};
use rusqlite::{params, OptionalExtension as _};

use crate::app::{now_ms, Homeward};
use crate::error::{CoreError, Result};
use crate::store::Store;
use crate::validate::{self, Date};

const DAY_MS: i64 = 86_400_000;
/// China's offset from UTC: a letter runs to the end of its last day there.
const CHINA_MS: i64 = 8 * 3_600_000;

impl Store {
    fn add_delegation(&self, d: &Delegation, token: &str) -> Result<()> {
        self.conn().execute(
            "INSERT INTO delegations (id, token, created_at) VALUES (?1, ?2, ?3)",
            params![d.id.to_string(), token, d.issued_at],
        )?;
        Ok(())
    }

    fn delegation_rows(&self) -> Result<Vec<(String, Option<i64>)>> {
        let conn = self.conn();
        let mut stmt =
            conn.prepare("SELECT token, revoked_at FROM delegations ORDER BY created_at DESC")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    fn delegation_token(&self, id: uuid::Uuid) -> Result<String> {
        self.conn()
            .query_row(
                "SELECT token FROM delegations WHERE id = ?1",
                [id.to_string()],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(CoreError::NotFound { what: "letter" })
    }

    fn mark_delegation_revoked(&self, id: uuid::Uuid, at: i64) -> Result<()> {
        self.conn().execute(
            "UPDATE delegations SET revoked_at = coalesce(revoked_at, ?2) WHERE id = ?1",
            params![id.to_string(), at],
        )?;
        Ok(())
    }
}

fn invalid(field: &'static str, reason: impl Into<String>) -> CoreError {
    CoreError::InvalidInput {
        field,
        reason: reason.into(),
    }
}

impl Homeward {
    /// Signs a letter entrusting `new.agent_name` with `new.guides` until `new.valid_until`.
    /// Every field is checked first; the person's own details come from their profile.
    pub fn create_delegation(&self, new: &NewDelegation) -> Result<DelegationSummary> {
        let today = validate::today();
        let profile = self
            .profile()?
            .map(|p| crate::privacy::check_profile(&p))
            .filter(|(_, problems)| problems.is_empty())
            .map(|(p, _)| p)
            .ok_or_else(|| invalid("profile", "complete your details first"))?;
        let name = validate::check(&FieldKind::PersonName, new.agent_name.trim(), today);
        if new.agent_name.trim().is_empty() || !name.valid {
            return Err(invalid("agent-name", "expected the relative's name"));
        }
        let id_number = validate::check(&FieldKind::IdCard, new.agent_id_number.trim(), today);
        if !id_number.valid {
            return Err(invalid(
                "agent-id-number",
                "expected the relative's resident ID number (18 characters)",
            ));
        }
        if new.guides.is_empty() {
            return Err(invalid("guides", "choose at least one service"));
        }
        let mut guides: Vec<GuideId> = vec![];
        let mut needed = LETTER_IDENTITY_LEVEL;
        for g in &new.guides {
            let guide = self.guide(&g.0)?;
            if guide.entrustment.is_none() {
                return Err(invalid(
                    "guides",
                    format!("{} cannot be entrusted to a relative", g.0),
                ));
            }
            if guide.min_identity_level.rank() > needed.rank() {
                needed = guide.min_identity_level;
            }
            if !guides.contains(g) {
                guides.push(g.clone());
            }
        }
        let until = Date::parse(&new.valid_until)
            .ok_or_else(|| invalid("valid-until", "expected a date like 2027-05-31"))?;
        let days = until.to_unix_days() - today.to_unix_days();
        if !(0..=MAX_LETTER_DAYS).contains(&days) {
            return Err(invalid(
                "valid-until",
                "expected a date from today to a year from now",
            ));
        }
        // Only a person whose identity was seen, in person or by video, may entrust anyone;
        // the letter carries that proof, for the counter's check.
        let proof = self
            .best_proof(needed)?
            .ok_or(CoreError::IdentityLevelTooLow { required: needed })?;
        let now = now_ms();
        let delegation = Delegation {
            id: uuid::Uuid::now_v7(),
            principal_key: self.device_public_key_b64(),
            principal_name: profile.name_han.clone(),
            principal_document: if profile.passport.is_empty() {
                profile.id_number.clone()
            } else {
                profile.passport.clone()
            },
            agent_name: name.normalized,
            agent_id_number: id_number.normalized,
            guides,
            valid_from: now,
            // The end of the last day, in China.
            valid_until: (until.to_unix_days() + 1) * DAY_MS - CHINA_MS,
            issued_at: now,
            principal: Some(profile),
            proof: Some(proof),
        };
        let token = delegation.seal(&self.keys.device);
        self.store.add_delegation(&delegation, &token)?;
        tracing::info!("entrustment letter signed");
        Ok(DelegationSummary {
            delegation,
            token,
            revoked_at: None,
        })
    }

    /// Every letter this device signed, newest first.
    pub fn delegations(&self) -> Result<Vec<DelegationSummary>> {
        let mut out = vec![];
        for (token, revoked_at) in self.store.delegation_rows()? {
            match Delegation::open(&token) {
                Some(delegation) => out.push(DelegationSummary {
                    delegation,
                    token,
                    revoked_at,
                }),
                None => tracing::warn!("a stored letter no longer opens; ignoring it"),
            }
        }
        Ok(out)
    }

    /// Makes sure the backend knows this device, so a counter can check its letters.
    pub async fn register_for_letters(&self) -> Result<()> {
        self.prepare_to_send().await.map(drop)
    }

    /// Revokes a letter at the backend (only its number is sent); it is marked revoked here
    /// once the backend took it.
    pub async fn revoke_delegation(&self, id: uuid::Uuid) -> Result<DelegationRevoked> {
        self.store.delegation_token(id)?;
        self.prepare_to_send().await?;
        let body = serde_json::to_vec(&DelegationRevocation { id })
            .map_err(|e| CoreError::Damaged(e.to_string()))?;
        let revoked: DelegationRevoked = self
            .remote()?
            .post_signed(&self.keys.device, path::DELEGATIONS_REVOKE, &body)
            .await?;
        self.store.mark_delegation_revoked(id, revoked.revoked_at)?;
        tracing::info!("entrustment letter revoked");
        Ok(revoked)
    }

    /// What the backend says of a letter now, as a counter would see it.
    pub async fn check_delegation(&self, token: &str) -> Result<DelegationCheck> {
        let body = serde_json::to_vec(&DelegationToken {
            token: token.trim().to_owned(),
        })
        .map_err(|e| CoreError::Damaged(e.to_string()))?;
        self.remote()?
            .post_json(path::DELEGATIONS_VERIFY, body)
            .await
    }

    /// The printable letter, in Chinese with the person's language beside it.
    pub fn delegation_pdf(&self, id: uuid::Uuid, lang: Lang) -> Result<Vec<u8>> {
        let summary = self
            .delegations()?
            .into_iter()
            .find(|d| d.delegation.id == id)
            .ok_or(CoreError::NotFound { what: "letter" })?;
        let pack = self.pack();
        let titles = summary
            .delegation
            .guides
            .iter()
            .map(|g| {
                pack.guides.iter().find(|x| &x.id == g).map_or_else(
                    || g.0.clone(),
                    |x| {
                        let zh = x.title.get(Lang::ZhCn).to_owned();
                        let other = x.title.get(lang);
                        if lang == Lang::ZhCn || other == zh {
                            zh
                        } else {
                            format!("{zh} · {other}")
                        }
                    },
                )
            })
            .collect::<Vec<_>>();
        let fonts = crate::pdf::Fonts::system()?;
        crate::pdf::letter::write(
            &fonts,
            &crate::pdf::letter::LetterPdf {
                delegation: &summary.delegation,
                token: &summary.token,
                guide_titles: &titles,
                lang,
                verify_url: &format!("{}{}", self.remote()?.base(), path::DELEGATIONS_VERIFY),
            },
        )
    }

    /// Writes the letter into `dir`; returns the file's path.
    pub fn save_delegation_pdf(
        &self,
        id: uuid::Uuid,
        lang: Lang,
        dir: &std::path::Path,
    ) -> Result<std::path::PathBuf> {
        let bytes = self.delegation_pdf(id, lang)?;
        std::fs::create_dir_all(dir)?;
        let short: String = id.simple().to_string().chars().rev().take(8).collect();
        let path = dir.join(format!("homeward-entrustment-{short}.pdf"));
        crate::app::write_whole(&path, &bytes)?;
        Ok(path)
    }
}

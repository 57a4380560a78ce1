//! Who may attest identities (liaison sites, and officers through the backend's key), and
//! requests for video verification with the attestations officers issued for them.

use async_trait::async_trait;
use uuid::Uuid;

use super::row::Row;
use super::sqlite::text;
use super::{PgStorage, SqliteStorage};

/// A key trusted to sign attestations: a liaison site's, or the backend's on behalf of an officer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignerRow {
    /// `site` or `officer`.
    pub kind: String,
    /// The site's id (`prato`) or the officer's account name.
    pub id: String,
    pub name: String,
    /// Base64 Ed25519 public key.
    pub public_key: String,
    pub registered_at: i64,
    pub revoked_at: Option<i64>,
}

/// A person's request to be verified by video, and the attestation an officer issued for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProofingRow {
    pub id: Uuid,
    pub device_key: String,
    /// The profile to compare, as JSON.
    pub profile: String,
    pub contact: String,
    pub requested_at: i64,
    pub closed_at: Option<i64>,
    pub closed_by: Option<String>,
    /// The sealed attestation, once issued.
    pub token: Option<String>,
}

const SIGNER_COLUMNS: &str = "kind, id, name, public_key, registered_at, revoked_at";

fn signer_row(r: &dyn Row) -> anyhow::Result<SignerRow> {
    Ok(SignerRow {
        kind: r.text(0)?,
        id: r.text(1)?,
        name: r.text(2)?,
        public_key: r.text(3)?,
        registered_at: r.int(4)?,
        revoked_at: r.opt_int(5)?,
    })
}

/// Requests for video verification, whole.
const PROOFING_QUERY: &str = "SELECT id, device_key, profile, contact, requested_at, closed_at,
    closed_by, token FROM proofing_requests";

fn proofing_row(r: &dyn Row) -> anyhow::Result<ProofingRow> {
    Ok(ProofingRow {
        id: r.uuid(0)?,
        device_key: r.text(1)?,
        profile: r.text(2)?,
        contact: r.text(3)?,
        requested_at: r.int(4)?,
        closed_at: r.opt_int(5)?,
        closed_by: r.opt_text(6)?,
        token: r.opt_text(7)?,
    })
}

#[async_trait]
pub trait Signers: Send + Sync {
    /// Registers a signer; false if one of that kind and id exists already.
    async fn add_signer(&self, row: SignerRow) -> anyhow::Result<bool>;

    async fn signer(&self, kind: &str, id: &str) -> anyhow::Result<Option<SignerRow>>;

    /// Every signer, by kind then id.
    async fn signers(&self) -> anyhow::Result<Vec<SignerRow>>;

    /// Revokes a signer from `at` on; false if there is no such signer. A second revocation
    /// keeps the first time.
    async fn revoke_signer(&self, kind: &str, id: &str, at: i64) -> anyhow::Result<bool>;

    /// Records a request for video verification; a device with one still open gets that one
    /// back instead.
    async fn add_proofing_request(&self, row: ProofingRow) -> anyhow::Result<ProofingRow>;

    /// Requests for video verification (only the open ones if `open_only`), oldest first:
    /// `limit` of them after skipping `skip`.
    async fn proofing_requests(
        &self,
        open_only: bool,
        skip: u32,
        limit: u32,
    ) -> anyhow::Result<Vec<ProofingRow>>;

    async fn proofing_request(&self, id: Uuid) -> anyhow::Result<Option<ProofingRow>>;

    /// Closes an open request, with the attestation issued or (`None`) without one; either way
    /// it forgets the profile and contact it held. False if it was not open.
    async fn close_proofing(
        &self,
        id: Uuid,
        token: Option<&str>,
        by: &str,
        at: i64,
    ) -> anyhow::Result<bool>;

    /// The requests of `device_key` closed without an attestation.
    async fn declined_proofing(&self, device_key: &str) -> anyhow::Result<Vec<Uuid>>;

    /// The attestations officers issued for `device_key`, oldest first.
    async fn issued_attestations(&self, device_key: &str) -> anyhow::Result<Vec<String>>;
}

#[async_trait]
impl Signers for SqliteStorage {
    async fn add_signer(&self, row: SignerRow) -> anyhow::Result<bool> {
        self.exec(
            "INSERT INTO signers (kind, id, name, public_key, registered_at)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
            vec![
                row.kind.into(),
                row.id.into(),
                row.name.into(),
                row.public_key.into(),
                row.registered_at.into(),
            ],
        )
        .await
        .map(|n| n == 1)
    }

    async fn signer(&self, kind: &str, id: &str) -> anyhow::Result<Option<SignerRow>> {
        self.first_row(
            format!("SELECT {SIGNER_COLUMNS} FROM signers WHERE kind = ?1 AND id = ?2"),
            vec![text(kind), text(id)],
            signer_row,
        )
        .await
    }

    async fn signers(&self) -> anyhow::Result<Vec<SignerRow>> {
        self.all_rows(
            format!("SELECT {SIGNER_COLUMNS} FROM signers ORDER BY kind, id"),
            vec![],
            signer_row,
        )
        .await
    }

    async fn revoke_signer(&self, kind: &str, id: &str, at: i64) -> anyhow::Result<bool> {
        self.exec(
            "UPDATE signers SET revoked_at = coalesce(revoked_at, ?3)
             WHERE kind = ?1 AND id = ?2",
            vec![text(kind), text(id), at.into()],
        )
        .await
        .map(|n| n == 1)
    }

    async fn add_proofing_request(&self, row: ProofingRow) -> anyhow::Result<ProofingRow> {
        let device = text(&row.device_key);
        // The partial unique index keeps one open request per device: a second inserts
        // nothing and reads the first.
        self.write_then_read(
            "INSERT INTO proofing_requests (id, device_key, profile, contact, requested_at)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
            format!("{PROOFING_QUERY} WHERE device_key = ?1 AND closed_at IS NULL"),
            (
                vec![
                    row.id.to_string().into(),
                    device.clone(),
                    row.profile.into(),
                    row.contact.into(),
                    row.requested_at.into(),
                ],
                vec![device],
            ),
            proofing_row,
        )
        .await
    }

    async fn proofing_requests(
        &self,
        open_only: bool,
        skip: u32,
        limit: u32,
    ) -> anyhow::Result<Vec<ProofingRow>> {
        self.all_rows(
            format!(
                "{PROOFING_QUERY} WHERE NOT ?1 OR closed_at IS NULL
                 ORDER BY requested_at, id LIMIT ?3 OFFSET ?2"
            ),
            vec![open_only.into(), skip.into(), limit.into()],
            proofing_row,
        )
        .await
    }

    async fn proofing_request(&self, id: Uuid) -> anyhow::Result<Option<ProofingRow>> {
        self.first_row(
            format!("{PROOFING_QUERY} WHERE id = ?1"),
            vec![id.to_string().into()],
            proofing_row,
        )
        .await
    }

    async fn close_proofing(
        &self,
        id: Uuid,
        token: Option<&str>,
        by: &str,
        at: i64,
    ) -> anyhow::Result<bool> {
        self.exec(
            "UPDATE proofing_requests SET closed_at = ?2, closed_by = ?3, token = ?4,
                 profile = '{}', contact = ''
             WHERE id = ?1 AND closed_at IS NULL",
            vec![
                id.to_string().into(),
                at.into(),
                text(by),
                token.map(str::to_owned).into(),
            ],
        )
        .await
        .map(|n| n == 1)
    }

    async fn declined_proofing(&self, device_key: &str) -> anyhow::Result<Vec<Uuid>> {
        self.all_rows(
            "SELECT id FROM proofing_requests
             WHERE device_key = ?1 AND closed_at IS NOT NULL AND token IS NULL
             ORDER BY closed_at"
                .into(),
            vec![text(device_key)],
            |r| r.uuid(0),
        )
        .await
    }

    async fn issued_attestations(&self, device_key: &str) -> anyhow::Result<Vec<String>> {
        self.all_rows(
            "SELECT token FROM proofing_requests
             WHERE device_key = ?1 AND token IS NOT NULL ORDER BY closed_at"
                .into(),
            vec![text(device_key)],
            |r| r.text(0),
        )
        .await
    }
}

#[async_trait]
impl Signers for PgStorage {
    async fn add_signer(&self, row: SignerRow) -> anyhow::Result<bool> {
        self.exec(
            "INSERT INTO signers (kind, id, name, public_key, registered_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            &[
                &row.kind,
                &row.id,
                &row.name,
                &row.public_key,
                &row.registered_at,
            ],
        )
        .await
        .map(|n| n == 1)
    }

    async fn signer(&self, kind: &str, id: &str) -> anyhow::Result<Option<SignerRow>> {
        self.first_row(
            &format!("SELECT {SIGNER_COLUMNS} FROM signers WHERE kind = $1 AND id = $2"),
            &[&kind, &id],
            signer_row,
        )
        .await
    }

    async fn signers(&self) -> anyhow::Result<Vec<SignerRow>> {
        self.all_rows(
            &format!("SELECT {SIGNER_COLUMNS} FROM signers ORDER BY kind, id"),
            &[],
            signer_row,
        )
        .await
    }

    async fn revoke_signer(&self, kind: &str, id: &str, at: i64) -> anyhow::Result<bool> {
        self.exec(
            "UPDATE signers SET revoked_at = coalesce(revoked_at, $3)
             WHERE kind = $1 AND id = $2",
            &[&kind, &id, &at],
        )
        .await
        .map(|n| n == 1)
    }

    async fn add_proofing_request(&self, row: ProofingRow) -> anyhow::Result<ProofingRow> {
        // The partial unique index keeps one open request per device: of two racing, the
        // second inserts nothing and reads the first.
        self.write_then_read(
            "INSERT INTO proofing_requests (id, device_key, profile, contact, requested_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            &format!("{PROOFING_QUERY} WHERE device_key = $1 AND closed_at IS NULL"),
            (
                &[
                    &row.id,
                    &row.device_key,
                    &row.profile,
                    &row.contact,
                    &row.requested_at,
                ],
                &[&row.device_key],
            ),
            proofing_row,
        )
        .await
    }

    async fn proofing_requests(
        &self,
        open_only: bool,
        skip: u32,
        limit: u32,
    ) -> anyhow::Result<Vec<ProofingRow>> {
        let (skip, limit) = (i64::from(skip), i64::from(limit));
        self.all_rows(
            &format!(
                "{PROOFING_QUERY} WHERE NOT $1 OR closed_at IS NULL
                 ORDER BY requested_at, id LIMIT $3 OFFSET $2"
            ),
            &[&open_only, &skip, &limit],
            proofing_row,
        )
        .await
    }

    async fn proofing_request(&self, id: Uuid) -> anyhow::Result<Option<ProofingRow>> {
        self.first_row(
            &format!("{PROOFING_QUERY} WHERE id = $1"),
            &[&id],
            proofing_row,
        )
        .await
    }

    async fn close_proofing(
        &self,
        id: Uuid,
        token: Option<&str>,
        by: &str,
        at: i64,
    ) -> anyhow::Result<bool> {
        self.exec(
            "UPDATE proofing_requests SET closed_at = $2, closed_by = $3, token = $4,
                 profile = '{}', contact = ''
             WHERE id = $1 AND closed_at IS NULL",
            &[&id, &at, &by, &token],
        )
        .await
        .map(|n| n == 1)
    }

    async fn declined_proofing(&self, device_key: &str) -> anyhow::Result<Vec<Uuid>> {
        self.all_rows(
            "SELECT id FROM proofing_requests
             WHERE device_key = $1 AND closed_at IS NOT NULL AND token IS NULL
             ORDER BY closed_at",
            &[&device_key],
            |r| r.uuid(0),
        )
        .await
    }

    async fn issued_attestations(&self, device_key: &str) -> anyhow::Result<Vec<String>> {
        self.all_rows(
            "SELECT token FROM proofing_requests
             WHERE device_key = $1 AND token IS NOT NULL ORDER BY closed_at",
            &[&device_key],
            |r| r.text(0),
        )
        .await
    }
}

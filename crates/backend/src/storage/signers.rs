//! Who may attest identities (liaison sites, and officers through the backend's key), and
//! requests for video verification with the attestations officers issued for them.

use async_trait::async_trait;
use rusqlite::params;
use uuid::Uuid;

use super::row::Row;
use super::{postgres, sqlite, PgStorage, SqliteStorage};

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

const PROOFING_COLUMNS: &str =
    "id, device_key, profile, contact, requested_at, closed_at, closed_by, token";

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

    /// Requests for video verification, oldest first; only those still open if `open_only`.
    async fn proofing_requests(&self, open_only: bool) -> anyhow::Result<Vec<ProofingRow>>;

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
        self.with(move |c| {
            let n = c.execute(
                "INSERT INTO signers (kind, id, name, public_key, registered_at)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                params![
                    row.kind,
                    row.id,
                    row.name,
                    row.public_key,
                    row.registered_at
                ],
            )?;
            Ok(n == 1)
        })
        .await
    }

    async fn signer(&self, kind: &str, id: &str) -> anyhow::Result<Option<SignerRow>> {
        let (kind, id) = (kind.to_owned(), id.to_owned());
        self.with(move |c| {
            sqlite::first(
                c,
                &format!("SELECT {SIGNER_COLUMNS} FROM signers WHERE kind = ?1 AND id = ?2"),
                params![kind, id],
                signer_row,
            )
        })
        .await
    }

    async fn signers(&self) -> anyhow::Result<Vec<SignerRow>> {
        self.with(|c| {
            sqlite::all(
                c,
                &format!("SELECT {SIGNER_COLUMNS} FROM signers ORDER BY kind, id"),
                [],
                signer_row,
            )
        })
        .await
    }

    async fn revoke_signer(&self, kind: &str, id: &str, at: i64) -> anyhow::Result<bool> {
        let (kind, id) = (kind.to_owned(), id.to_owned());
        self.with(move |c| {
            let n = c.execute(
                "UPDATE signers SET revoked_at = coalesce(revoked_at, ?3)
                 WHERE kind = ?1 AND id = ?2",
                params![kind, id, at],
            )?;
            Ok(n == 1)
        })
        .await
    }

    async fn add_proofing_request(&self, row: ProofingRow) -> anyhow::Result<ProofingRow> {
        self.with(move |c| {
            // The partial unique index keeps one open request per device: a second inserts
            // nothing and reads the first.
            c.execute(
                "INSERT INTO proofing_requests (id, device_key, profile, contact, requested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                params![
                    row.id.to_string(),
                    row.device_key,
                    row.profile,
                    row.contact,
                    row.requested_at
                ],
            )?;
            sqlite::one(
                c,
                &format!(
                    "SELECT {PROOFING_COLUMNS} FROM proofing_requests
                     WHERE device_key = ?1 AND closed_at IS NULL"
                ),
                [&row.device_key],
                proofing_row,
            )
        })
        .await
    }

    async fn proofing_requests(&self, open_only: bool) -> anyhow::Result<Vec<ProofingRow>> {
        self.with(move |c| {
            sqlite::all(
                c,
                &format!(
                    "SELECT {PROOFING_COLUMNS} FROM proofing_requests
                     WHERE NOT ?1 OR closed_at IS NULL ORDER BY requested_at"
                ),
                [open_only],
                proofing_row,
            )
        })
        .await
    }

    async fn proofing_request(&self, id: Uuid) -> anyhow::Result<Option<ProofingRow>> {
        self.with(move |c| {
            sqlite::first(
                c,
                &format!("SELECT {PROOFING_COLUMNS} FROM proofing_requests WHERE id = ?1"),
                [id.to_string()],
                proofing_row,
            )
        })
        .await
    }

    async fn close_proofing(
        &self,
        id: Uuid,
        token: Option<&str>,
        by: &str,
        at: i64,
    ) -> anyhow::Result<bool> {
        let (token, by) = (token.map(str::to_owned), by.to_owned());
        self.with(move |c| {
            let n = c.execute(
                "UPDATE proofing_requests SET closed_at = ?2, closed_by = ?3, token = ?4,
                     profile = '{}', contact = ''
                 WHERE id = ?1 AND closed_at IS NULL",
                params![id.to_string(), at, by, token],
            )?;
            Ok(n == 1)
        })
        .await
    }

    async fn declined_proofing(&self, device_key: &str) -> anyhow::Result<Vec<Uuid>> {
        let key = device_key.to_owned();
        self.with(move |c| {
            sqlite::all(
                c,
                "SELECT id FROM proofing_requests
                 WHERE device_key = ?1 AND closed_at IS NOT NULL AND token IS NULL
                 ORDER BY closed_at",
                [key],
                |r| r.uuid(0),
            )
        })
        .await
    }

    async fn issued_attestations(&self, device_key: &str) -> anyhow::Result<Vec<String>> {
        let key = device_key.to_owned();
        self.with(move |c| {
            sqlite::all(
                c,
                "SELECT token FROM proofing_requests
                 WHERE device_key = ?1 AND token IS NOT NULL ORDER BY closed_at",
                [key],
                |r| r.text(0),
            )
        })
        .await
    }
}

#[async_trait]
impl Signers for PgStorage {
    async fn add_signer(&self, row: SignerRow) -> anyhow::Result<bool> {
        let n = self
            .client()
            .await?
            .execute(
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
            .await?;
        Ok(n == 1)
    }

    async fn signer(&self, kind: &str, id: &str) -> anyhow::Result<Option<SignerRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                &format!("SELECT {SIGNER_COLUMNS} FROM signers WHERE kind = $1 AND id = $2"),
                &[&kind, &id],
            )
            .await?;
        postgres::maybe(row, signer_row)
    }

    async fn signers(&self) -> anyhow::Result<Vec<SignerRow>> {
        let rows = self
            .client()
            .await?
            .query(
                &format!("SELECT {SIGNER_COLUMNS} FROM signers ORDER BY kind, id"),
                &[],
            )
            .await?;
        postgres::each(&rows, signer_row)
    }

    async fn revoke_signer(&self, kind: &str, id: &str, at: i64) -> anyhow::Result<bool> {
        let n = self
            .client()
            .await?
            .execute(
                "UPDATE signers SET revoked_at = coalesce(revoked_at, $3)
                 WHERE kind = $1 AND id = $2",
                &[&kind, &id, &at],
            )
            .await?;
        Ok(n == 1)
    }

    async fn add_proofing_request(&self, row: ProofingRow) -> anyhow::Result<ProofingRow> {
        let client = self.client().await?;
        // The partial unique index keeps one open request per device: of two racing, the
        // second inserts nothing and reads the first.
        client
            .execute(
                "INSERT INTO proofing_requests (id, device_key, profile, contact, requested_at)
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                &[
                    &row.id,
                    &row.device_key,
                    &row.profile,
                    &row.contact,
                    &row.requested_at,
                ],
            )
            .await?;
        let open = client
            .query_one(
                &format!(
                    "SELECT {PROOFING_COLUMNS} FROM proofing_requests
                     WHERE device_key = $1 AND closed_at IS NULL"
                ),
                &[&row.device_key],
            )
            .await?;
        proofing_row(&open)
    }

    async fn proofing_requests(&self, open_only: bool) -> anyhow::Result<Vec<ProofingRow>> {
        let rows = self
            .client()
            .await?
            .query(
                &format!(
                    "SELECT {PROOFING_COLUMNS} FROM proofing_requests
                     WHERE NOT $1 OR closed_at IS NULL ORDER BY requested_at"
                ),
                &[&open_only],
            )
            .await?;
        postgres::each(&rows, proofing_row)
    }

    async fn proofing_request(&self, id: Uuid) -> anyhow::Result<Option<ProofingRow>> {
        let row = self
            .client()
            .await?
            .query_opt(
                &format!("SELECT {PROOFING_COLUMNS} FROM proofing_requests WHERE id = $1"),
                &[&id],
            )
            .await?;
        postgres::maybe(row, proofing_row)
    }

    async fn close_proofing(
        &self,
        id: Uuid,
        token: Option<&str>,
        by: &str,
        at: i64,
    ) -> anyhow::Result<bool> {
        let n = self
            .client()
            .await?
            .execute(
                "UPDATE proofing_requests SET closed_at = $2, closed_by = $3, token = $4,
                     profile = '{}', contact = ''
                 WHERE id = $1 AND closed_at IS NULL",
                &[&id, &at, &by, &token],
            )
            .await?;
        Ok(n == 1)
    }

    async fn declined_proofing(&self, device_key: &str) -> anyhow::Result<Vec<Uuid>> {
        let rows = self
            .client()
            .await?
            .query(
                "SELECT id FROM proofing_requests
                 WHERE device_key = $1 AND closed_at IS NOT NULL AND token IS NULL
                 ORDER BY closed_at",
                &[&device_key],
            )
            .await?;
        rows.iter().map(|r| r.uuid(0)).collect()
    }

    async fn issued_attestations(&self, device_key: &str) -> anyhow::Result<Vec<String>> {
        let rows = self
            .client()
            .await?
            .query(
                "SELECT token FROM proofing_requests
                 WHERE device_key = $1 AND token IS NOT NULL ORDER BY closed_at",
                &[&device_key],
            )
            .await?;
        rows.iter().map(|r| r.text(0)).collect()
    }
}

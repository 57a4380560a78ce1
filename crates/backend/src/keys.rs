//! The backend's own key, which signs receipts. Made on first start and kept in the database, so
//! every backend process in front of one database signs with the same key.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use ed25519_dalek::{Signer as _, SigningKey};
use homeward_domain::sync::{BackendKeys, Receipt, SignedReceipt};
use sha2::{Digest as _, Sha256};

use crate::storage::Storage;

const META_KEY: &str = "receipt-signing-key";

pub(crate) struct ReceiptSigner {
    key: SigningKey,
    key_id: String,
}

impl std::fmt::Debug for ReceiptSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReceiptSigner")
            .field("key_id", &self.key_id)
            .finish_non_exhaustive()
    }
}

/// The first 16 hex digits of the SHA-256 of a public key.
pub fn key_id(public: &[u8]) -> String {
    hex::encode(&Sha256::digest(public)[..8])
}

impl ReceiptSigner {
    pub async fn load(db: &dyn Storage) -> anyhow::Result<Self> {
        let fresh = SigningKey::generate(&mut rand::rngs::OsRng);
        let stored = db
            .meta_or_insert(META_KEY, B64.encode(fresh.to_bytes()))
            .await?;
        let bytes: [u8; 32] = B64
            .decode(stored)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| anyhow::anyhow!("the stored receipt key is malformed"))?;
        let key = SigningKey::from_bytes(&bytes);
        let key_id = key_id(key.verifying_key().as_bytes());
        Ok(ReceiptSigner { key, key_id })
    }

    pub fn sign(&self, receipt: &Receipt) -> SignedReceipt {
        let json = serde_json::to_string(receipt).expect("a receipt always serialises");
        let signature = self.key.sign(json.as_bytes());
        SignedReceipt {
            key_id: self.key_id.clone(),
            receipt: json,
            signature: B64.encode(signature.to_bytes()),
        }
    }

    /// The key itself, which also signs officers' attestations (under its own context, so a
    /// receipt can never pass for an attestation).
    pub(crate) fn key(&self) -> &SigningKey {
        &self.key
    }

    pub fn public(&self) -> BackendKeys {
        BackendKeys {
            receipt_key: B64.encode(self.key.verifying_key().as_bytes()),
            receipt_key_id: self.key_id.clone(),
        }
    }
}

//! The backend's own keys: one signs receipts, another officers' attestations, so a leak of
//! either cannot stand in for the other. They live in a key file of their own (TOML, mode 0600),
//! named in the settings and kept apart from the database, so a backup of the data can mint
//! neither receipts nor identity proofs. Made on first start; the receipt key rotates with
//! `homeward-backend rotate-receipt-key`, each new key endorsed by the one before, which apps
//! follow from the key they pinned.

use std::io::Write as _;
use std::path::Path;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use ed25519_dalek::{Signer as _, SigningKey};
use homeward_domain::identity::{endorse_rotation, key_id, public_key_b64};
use homeward_domain::sync::{BackendKeys, KeyRotation, Receipt, SignedReceipt};

use crate::storage::Storage;

/// Where a backend from before the key file kept its one key, in the database.
const LEGACY_META_KEY: &str = "receipt-signing-key";
/// The public receipt key the backends on this database sign with, so that one started with
/// another key file is stopped rather than signing receipts the apps cannot verify.
const RECEIPT_KEY_META: &str = "receipt-public-key";

/// The key file as written.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    /// Base64 secret keys.
    receipt: String,
    officer: String,
    #[serde(default)]
    rotations: Vec<KeyRotation>,
}

pub(crate) struct BackendKeyring {
    receipt: SigningKey,
    receipt_id: String,
    officer: SigningKey,
    rotations: Vec<KeyRotation>,
}

impl std::fmt::Debug for BackendKeyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BackendKeyring")
            .field("receipt_id", &self.receipt_id)
            .finish_non_exhaustive()
    }
}

fn secret(b64: &str, which: &str) -> anyhow::Result<SigningKey> {
    let bytes: [u8; 32] = B64
        .decode(b64.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| anyhow::anyhow!("the {which} key in the key file is malformed"))?;
    Ok(SigningKey::from_bytes(&bytes))
}

fn read(path: &Path) -> anyhow::Result<KeyFile> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(path)?.permissions().mode();
        anyhow::ensure!(
            mode & 0o077 == 0,
            "the key file {} may be read by others (mode {:o}); make it the service's own: \
             chmod 600",
            path.display(),
            mode & 0o777
        );
    }
    let text = std::fs::read_to_string(path)?;
    toml::from_str(&text).map_err(|e| anyhow::anyhow!("the key file {}: {e}", path.display()))
}

/// Whether [`write`] replaces a key file already there, or leaves it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Existing {
    Replace,
    Keep,
}

/// Writes the key file whole or not at all, readable by its owner only; whether it was written
/// (with [`Existing::Keep`], a file already there, maybe made a moment ago by another backend
/// starting beside this one, stays and is the one to read).
fn write(path: &Path, file: &KeyFile, existing: Existing) -> anyhow::Result<bool> {
    let text = format!(
        "# Homeward backend keys. Keep this file apart from the database and its backups: it\n\
         # signs receipts and identity proofs. Rotate the receipt key with\n\
         # `homeward-backend rotate-receipt-key`; never edit by hand.\n{}",
        toml::to_string(file)?
    );
    // A name of this writer's own: two backends starting at once never write one file.
    let tmp = path.with_extension(format!(
        "tmp.{}.{:x}",
        std::process::id(),
        rand::random::<u64>()
    ));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut f = options.open(&tmp)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()?;
    drop(f);
    let placed = match existing {
        Existing::Replace => std::fs::rename(&tmp, path).map(|()| true),
        // A link is made only where no file is: of backends racing, one places its keys and
        // the others read them.
        Existing::Keep => match std::fs::hard_link(&tmp, path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(e),
        },
    };
    let _ = std::fs::remove_file(&tmp);
    Ok(placed?)
}

impl BackendKeyring {
    /// Reads the key file at `path`, or makes it on first start. A backend that kept its one key
    /// in the database hands it over as the receipt key (apps pinned it) and forgets it there.
    pub async fn load(path: &Path, db: &dyn Storage) -> anyhow::Result<Self> {
        if !path.exists() {
            let legacy = db.meta(LEGACY_META_KEY).await?;
            let receipt = match &legacy {
                Some(b64) => secret(b64, "stored receipt")?,
                None => SigningKey::generate(&mut rand::rngs::OsRng),
            };
            let officer = SigningKey::generate(&mut rand::rngs::OsRng);
            let made = write(
                path,
                &KeyFile {
                    receipt: B64.encode(receipt.to_bytes()),
                    officer: B64.encode(officer.to_bytes()),
                    rotations: vec![],
                },
                Existing::Keep,
            )?;
            if made {
                if legacy.is_some() {
                    db.forget_meta(LEGACY_META_KEY).await?;
                }
                tracing::info!(path = %path.display(), "backend keys made");
            }
        }
        let file = read(path)?;
        let receipt = secret(&file.receipt, "receipt")?;
        let officer = secret(&file.officer, "officer")?;
        anyhow::ensure!(
            receipt.verifying_key() != officer.verifying_key(),
            "the receipt and officer keys must differ"
        );
        let mine = public_key_b64(&receipt);
        let recorded = db.meta_or_insert(RECEIPT_KEY_META, mine.clone()).await?;
        if recorded != mine {
            // This file may have rotated away from the key the database knows; any other key
            // would sign receipts the apps do not trust.
            anyhow::ensure!(
                file.rotations.iter().any(|r| r.from == recorded),
                "{}: this database's receipts are signed with another key; every backend on one \
                 database must load the same key file (copy the first backend's)",
                path.display()
            );
            db.forget_meta(RECEIPT_KEY_META).await?;
            db.meta_or_insert(RECEIPT_KEY_META, mine).await?;
        }
        Ok(BackendKeyring {
            receipt_id: key_id(&receipt.verifying_key()),
            receipt,
            officer,
            rotations: file.rotations,
        })
    }

    pub fn sign(&self, receipt: &Receipt) -> SignedReceipt {
        let json = serde_json::to_string(receipt).expect("a receipt always serialises");
        let signature = self.receipt.sign(json.as_bytes());
        SignedReceipt {
            key_id: self.receipt_id.clone(),
            receipt: json,
            signature: B64.encode(signature.to_bytes()),
        }
    }

    /// The key that signs officers' attestations.
    pub(crate) fn officer(&self) -> &SigningKey {
        &self.officer
    }

    pub fn public(&self) -> BackendKeys {
        BackendKeys {
            receipt_key: public_key_b64(&self.receipt),
            receipt_key_id: self.receipt_id.clone(),
            officer_key: public_key_b64(&self.officer),
            rotations: self.rotations.clone(),
        }
    }
}

/// Replaces the receipt key in the key file at `path` with a new one, endorsed by the old; a
/// backend reads it at its next start. Returns the new key's id.
pub fn rotate_receipt_key(path: &Path) -> anyhow::Result<String> {
    let mut file = read(path)?;
    let old = secret(&file.receipt, "receipt")?;
    let new = SigningKey::generate(&mut rand::rngs::OsRng);
    file.rotations
        .push(endorse_rotation(&old, &new.verifying_key()));
    file.receipt = B64.encode(new.to_bytes());
    write(path, &file, Existing::Replace)?;
    Ok(key_id(&new.verifying_key()))
}

#[cfg(test)]
mod tests {
    use homeward_domain::identity::{follow_rotations, parse_public_key};

    use super::*;
    use crate::settings::DatabaseUrl;

    #[tokio::test]
    async fn keys_live_in_their_own_file_apart_and_rotate_with_an_endorsement() {
        let dir = tempfile::TempDir::new().expect("dir");
        let db = crate::storage::open(&DatabaseUrl::Sqlite(dir.path().join("b.db")))
            .await
            .expect("db");
        // A backend from before the key file: its one key moves to the file, out of the data.
        let legacy = SigningKey::from_bytes(&[5; 32]);
        db.meta_or_insert(LEGACY_META_KEY, B64.encode(legacy.to_bytes()))
            .await
            .expect("stored");
        let path = dir.path().join("keys.toml");
        let keys = BackendKeyring::load(&path, db.as_ref())
            .await
            .expect("made");
        assert_eq!(keys.public().receipt_key, public_key_b64(&legacy));
        assert_ne!(keys.public().officer_key, keys.public().receipt_key);
        assert_eq!(db.meta(LEGACY_META_KEY).await.expect("read"), None);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&path).expect("file").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
            // Loaded again: the same keys.
            let again = BackendKeyring::load(&path, db.as_ref())
                .await
                .expect("read");
            assert_eq!(again.public(), keys.public());
            // Readable by others: refused, with what to do.
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
            let e = BackendKeyring::load(&path, db.as_ref())
                .await
                .expect_err("refused");
            assert!(e.to_string().contains("chmod 600"), "{e}");
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        }

        // Two rotations: an app that pinned the first key follows to the third, and a key
        // outside the chain is not reached.
        rotate_receipt_key(&path).expect("rotated");
        rotate_receipt_key(&path).expect("rotated again");
        let now = BackendKeyring::load(&path, db.as_ref())
            .await
            .expect("read")
            .public();
        assert_eq!(now.rotations.len(), 2);
        assert_eq!(
            now.officer_key,
            keys.public().officer_key,
            "the officer key stays"
        );
        let current = parse_public_key(&now.receipt_key).expect("a key");
        assert_eq!(
            follow_rotations(&legacy.verifying_key(), &now.rotations, &now.receipt_key),
            Some(current)
        );
        let stranger = SigningKey::from_bytes(&[6; 32]);
        assert_eq!(
            follow_rotations(&stranger.verifying_key(), &now.rotations, &now.receipt_key),
            None
        );
        let mut forged = now.rotations.clone();
        forged[1].to = public_key_b64(&stranger);
        assert_eq!(
            follow_rotations(&legacy.verifying_key(), &forged, &public_key_b64(&stranger)),
            None,
            "an endorsement signed for another key does not carry over"
        );

        // A second backend on this database with a key file of its own is stopped: its
        // receipts would not verify.
        let other = dir.path().join("other.keys.toml");
        let e = BackendKeyring::load(&other, db.as_ref())
            .await
            .expect_err("refused");
        assert!(e.to_string().contains("same key file"), "{e}");
        // With the first backend's file, it starts and signs as the first does.
        std::fs::copy(&path, &other).expect("copied");
        let copied = BackendKeyring::load(&other, db.as_ref())
            .await
            .expect("the same keys");
        assert_eq!(copied.public(), now);
    }

    /// Backends started side by side on a new database and one key-file path all end with the
    /// same keys: one places its file, the others read it, and no stray file is left.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn backends_starting_at_once_share_the_keys_one_of_them_made() {
        let dir = tempfile::TempDir::new().expect("dir");
        let db = crate::storage::open(&DatabaseUrl::Sqlite(dir.path().join("b.db")))
            .await
            .expect("db");
        let path = dir.path().join("keys.toml");
        let starts: Vec<_> = (0..8)
            .map(|_| {
                let (path, db) = (path.clone(), db.clone());
                tokio::spawn(async move { BackendKeyring::load(&path, db.as_ref()).await })
            })
            .collect();
        let mut keys = vec![];
        for start in starts {
            keys.push(start.await.expect("ran").expect("started").public());
        }
        assert!(keys.iter().all(|k| *k == keys[0]), "{keys:?}");
        let files: Vec<_> = std::fs::read_dir(dir.path())
            .expect("listed")
            .map(|e| e.expect("entry").file_name())
            .filter(|name| name.to_string_lossy().starts_with("keys."))
            .collect();
        assert_eq!(files, ["keys.toml"]);
    }
}

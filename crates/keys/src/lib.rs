//! Secrets in the OS keyring: the database key and the device's Ed25519 signing key (and, in
//! site mode, the liaison site's). A crate of its own, with no C underneath, so that
//! `cargo xtask test` compiles it for every platform the app is for (Windows, macOS, iOS,
//! Android) on a Linux machine without their SDKs.
//!
//! Nothing secret is ever written to a file. Each installation (one data directory) has a random
//! install id, stored in plain text beside the database; keyring entries are named after it, so two
//! installations on one account (a volunteer's laptop, the tests) never share keys.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use ed25519_dalek::{SigningKey, VerifyingKey};
use rand::rngs::OsRng;
use rand::RngCore as _;
use zeroize::Zeroizing;

/// Why the keys could not be had.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("the OS keyring could not be used: {0}; is a Secret Service (gnome-keyring) running and unlocked?")]
    Keyring(#[from] StoreError),
    #[error(
        "the local data exists but its keys are missing from the OS keyring; it cannot be read \
         (restore the keyring, or erase the data and start again)"
    )]
    Missing,
    #[error("the key stored in the OS keyring under {0} is malformed")]
    Malformed(&'static str),
    #[error(
        "this device has no key store that keeps keys (only an in-memory one): nothing could be \
         kept safely"
    )]
    NoKeyStore,
}

pub type Result<T, E = KeyError> = std::result::Result<T, E>;

/// The keyring service every Homeward entry is filed under. Frozen: it is the app's first
/// identifier, kept when the bundle identifier became `org.homeward.client` (an identifier
/// ending in `.app` reads as a macOS bundle), so keys made before are found without moving them.
pub const KEYRING_SERVICE: &str = "org.homeward.app";

const DB_KEY: &str = "database-key";
const DEVICE_KEY: &str = "device-signing-key";
/// In site mode only: the liaison site's key, which signs attestations.
const SITE_KEY: &str = "site-signing-key";

/// The keys an installation needs, loaded from (or first created in) the OS keyring.
pub struct Keys {
    pub database: Zeroizing<[u8; 32]>,
    pub device: SigningKey,
    /// Whether this call created the keys, i.e. this is a fresh installation.
    pub created: bool,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keys")
            .field(
                "device_public",
                &hex::encode(self.device.verifying_key().as_bytes()),
            )
            .field("created", &self.created)
            .finish_non_exhaustive()
    }
}

impl Keys {
    pub fn device_public(&self) -> VerifyingKey {
        self.device.verifying_key()
    }
}

pub use store::StoreError;

/// Each platform's key store, behind the three things the app asks of it.
#[cfg(not(target_os = "android"))]
mod store {
    use keyring::credential::CredentialPersistence;
    pub use keyring::Error as StoreError;

    /// Whether the platform's store keeps keys until they are deleted: keyring falls back to an
    /// in-memory store on a platform it has no store for, and keys kept there would be gone at
    /// the next start, with the data they lock.
    pub fn keeps_keys() -> bool {
        keeps(keyring::default::default_credential_builder().persistence())
    }

    pub(crate) fn keeps(persistence: CredentialPersistence) -> bool {
        matches!(persistence, CredentialPersistence::UntilDelete)
    }

    pub struct Entry(keyring::Entry);

    impl Entry {
        pub fn new(service: &str, user: &str) -> Result<Self, StoreError> {
            keyring::Entry::new(service, user).map(Entry)
        }

        pub fn get(&self) -> Result<Option<String>, StoreError> {
            match self.0.get_password() {
                Ok(text) => Ok(Some(text)),
                Err(keyring::Error::NoEntry) => Ok(None),
                Err(e) => Err(e),
            }
        }

        pub fn set(&self, text: &str) -> Result<(), StoreError> {
            self.0.set_password(text)
        }

        pub fn delete(&self) -> Result<(), StoreError> {
            match self.0.delete_credential() {
                Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
                Err(e) => Err(e),
            }
        }
    }
}

/// Android's Keystore: entries in one private SharedPreferences file of the app, each encrypted
/// with an AES key the Keystore holds and never lets out. The store needs the application
/// context, which the Tauri mobile runtime hands to `ndk-context` before the app's code runs.
#[cfg(target_os = "android")]
mod store {
    use std::sync::{Arc, OnceLock};

    use keyring_core::api::CredentialPersistence;
    pub use keyring_core::Error as StoreError;

    fn store() -> Result<&'static Arc<keyring_core::CredentialStore>, StoreError> {
        static STORE: OnceLock<Arc<keyring_core::CredentialStore>> = OnceLock::new();
        if let Some(store) = STORE.get() {
            return Ok(store);
        }
        let config = std::collections::HashMap::from([("name", "homeward")]);
        let store: Arc<keyring_core::CredentialStore> =
            android_native_keyring_store::Store::new_with_configuration(&config)?;
        Ok(STORE.get_or_init(|| store))
    }

    pub fn keeps_keys() -> bool {
        store().is_ok_and(|s| matches!(s.persistence(), CredentialPersistence::UntilDelete))
    }

    pub struct Entry(keyring_core::Entry);

    impl Entry {
        pub fn new(service: &str, user: &str) -> Result<Self, StoreError> {
            keyring_core::Entry::new_in_store(store()?, service, user).map(Entry)
        }

        pub fn get(&self) -> Result<Option<String>, StoreError> {
            match self.0.get_password() {
                Ok(text) => Ok(Some(text)),
                Err(StoreError::NoEntry) => Ok(None),
                Err(e) => Err(e),
            }
        }

        pub fn set(&self, text: &str) -> Result<(), StoreError> {
            self.0.set_password(text)
        }

        pub fn delete(&self) -> Result<(), StoreError> {
            match self.0.delete_credential() {
                Ok(()) | Err(StoreError::NoEntry) => Ok(()),
                Err(e) => Err(e),
            }
        }
    }
}

/// The keyring entries of one installation.
#[derive(Debug, Clone)]
pub struct Keyring {
    install_id: String,
}

impl Keyring {
    pub fn new(install_id: impl Into<String>) -> Self {
        Keyring {
            install_id: install_id.into(),
        }
    }

    fn entry(&self, name: &str) -> Result<store::Entry> {
        Ok(store::Entry::new(
            KEYRING_SERVICE,
            &format!("{}/{name}", self.install_id),
        )?)
    }

    fn get(&self, name: &'static str) -> Result<Option<Zeroizing<[u8; 32]>>> {
        match self.entry(name)?.get()? {
            Some(text) => {
                let text = Zeroizing::new(text);
                let bytes = Zeroizing::new(
                    B64.decode(text.as_bytes())
                        .map_err(|_| KeyError::Malformed(name))?,
                );
                let arr: [u8; 32] = bytes
                    .as_slice()
                    .try_into()
                    .map_err(|_| KeyError::Malformed(name))?;
                Ok(Some(Zeroizing::new(arr)))
            }
            None => Ok(None),
        }
    }

    fn set(&self, name: &str, secret: &[u8; 32]) -> Result<()> {
        let text = Zeroizing::new(B64.encode(secret));
        self.entry(name)?.set(&text)?;
        Ok(())
    }

    /// Loads both keys; creates what is missing only when `may_create` (no database yet).
    ///
    /// Existing data without either key is reported ([`KeyError::Missing`]) rather than
    /// given a new one: a new database key would hide the person's drafts, and a new device key
    /// would cut them off from every application, receipt and letter the old one signed. On a
    /// platform whose only key store forgets (an in-memory one), nothing is created at all
    /// ([`KeyError::NoKeyStore`]).
    pub fn load_or_create(&self, may_create: bool) -> Result<Keys> {
        if !store::keeps_keys() {
            return Err(KeyError::NoKeyStore);
        }
        let db = self.get(DB_KEY)?;
        let device = self.get(DEVICE_KEY)?;
        match (db, device) {
            (Some(database), Some(seed)) => Ok(Keys {
                database,
                device: SigningKey::from_bytes(&seed),
                created: false,
            }),
            _ if !may_create => Err(KeyError::Missing),
            (db, device) => {
                let database = match db {
                    Some(k) => k,
                    None => {
                        let mut k = Zeroizing::new([0u8; 32]);
                        OsRng.fill_bytes(k.as_mut());
                        self.set(DB_KEY, &k)?;
                        k
                    }
                };
                let device = match device {
                    Some(seed) => SigningKey::from_bytes(&seed),
                    None => {
                        let key = SigningKey::generate(&mut OsRng);
                        self.set(DEVICE_KEY, &key.to_bytes())?;
                        key
                    }
                };
                Ok(Keys {
                    database,
                    device,
                    created: true,
                })
            }
        }
    }

    /// Removes this installation's keys (used when the person erases everything).
    pub fn delete_all(&self) -> Result<()> {
        for name in [DB_KEY, DEVICE_KEY, SITE_KEY] {
            self.delete(name)?;
        }
        Ok(())
    }

    fn delete(&self, name: &str) -> Result<()> {
        Ok(self.entry(name)?.delete()?)
    }

    /// Which of this installation's entries the key store holds (for the checks that an
    /// erased installation left nothing behind).
    pub fn stored_entries(&self) -> Result<Vec<&'static str>> {
        let mut out = vec![];
        for name in [DB_KEY, DEVICE_KEY, SITE_KEY] {
            if self.entry(name)?.get()?.is_some() {
                out.push(name);
            }
        }
        Ok(out)
    }

    /// The liaison site's signing key, if this installation is in site mode.
    pub fn site_key(&self) -> Result<Option<SigningKey>> {
        Ok(self
            .get(SITE_KEY)?
            .map(|seed| SigningKey::from_bytes(&seed)))
    }

    /// Makes a new site key, replacing any earlier one.
    pub fn create_site_key(&self) -> Result<SigningKey> {
        let key = SigningKey::generate(&mut OsRng);
        self.set(SITE_KEY, &key.to_bytes())?;
        Ok(key)
    }

    pub fn delete_site_key(&self) -> Result<()> {
        self.delete(SITE_KEY)
    }
}

#[cfg(all(test, not(target_os = "android")))]
mod tests {
    use super::store::{keeps, keeps_keys};

    #[test]
    fn only_a_store_that_keeps_keys_is_used() {
        use keyring::credential::CredentialPersistence;
        // What this build uses on Linux: the Secret Service, kept until deleted.
        assert!(keeps_keys());
        // What keyring falls back to where it has no store: gone with the process.
        assert!(!keeps(
            keyring::mock::default_credential_builder().persistence()
        ));
        for forgets in [
            CredentialPersistence::EntryOnly,
            CredentialPersistence::ProcessOnly,
            CredentialPersistence::UntilReboot,
        ] {
            assert!(!keeps(forgets));
        }
    }
}

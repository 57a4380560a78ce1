//! [`Homeward`]: one installation of the app, opened from its data directory.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{SystemTime, UNIX_EPOCH};

use homeward_domain::{
    BackendStatus, CatalogueOverview, CataloguePack, Draft, DraftId, Guide, Lang,
};

use crate::catalog;
use crate::error::{CoreError, Result};
use crate::remote::Remote;
use crate::secrets::{Keyring, Keys};
use crate::store::Store;

const DB_FILE: &str = "homeward.db";
const INSTALL_ID_FILE: &str = "install-id";
/// The longest answer a single field takes; longer input is refused, not cut.
pub const MAX_ANSWER_CHARS: usize = 4_000;

/// Where an installation keeps its data and which backend it talks to.
#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    pub backend_url: String,
}

/// One installation: its unlocked store, keys, catalogue and backend connection.
pub struct Homeward {
    store: Store,
    keys: Keys,
    pack: RwLock<Arc<CataloguePack>>,
    status: RwLock<BackendStatus>,
    remote: Remote,
}

impl std::fmt::Debug for Homeward {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Homeward")
            .field("keys", &self.keys)
            .finish_non_exhaustive()
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

fn install_id(data_dir: &Path) -> Result<String> {
    let path = data_dir.join(INSTALL_ID_FILE);
    match std::fs::read_to_string(&path) {
        Ok(id) if uuid::Uuid::parse_str(id.trim()).is_ok() => Ok(id.trim().to_owned()),
        Ok(_) => Err(CoreError::Catalogue(format!(
            "{} is damaged",
            path.display()
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let id = uuid::Uuid::new_v4().to_string();
            // Written to a temporary file and renamed, so a crash leaves either no id or a whole one.
            let tmp = data_dir.join(format!("{INSTALL_ID_FILE}.tmp"));
            std::fs::write(&tmp, &id)?;
            std::fs::File::open(&tmp)?.sync_all()?;
            std::fs::rename(&tmp, &path)?;
            Ok(id)
        }
        Err(e) => Err(e.into()),
    }
}

impl Homeward {
    /// Opens the installation in `config.data_dir`, creating it (and its keys) on first use.
    pub fn open(config: &Config) -> Result<Self> {
        std::fs::create_dir_all(&config.data_dir)?;
        let db_path = config.data_dir.join(DB_FILE);
        let is_new = !db_path.exists();
        let keyring = Keyring::new(install_id(&config.data_dir)?);
        let keys = keyring.load_or_create(is_new)?;
        let store = Store::open(&db_path, &keys.database)?;
        let pack = Self::best_pack(&store)?;
        Ok(Homeward {
            store,
            keys,
            pack: RwLock::new(Arc::new(pack)),
            status: RwLock::new(BackendStatus::Unknown),
            remote: Remote::new(&config.backend_url)?,
        })
    }

    /// The newer of the bundled pack and the last good pack taken from the backend.
    fn best_pack(store: &Store) -> Result<CataloguePack> {
        let bundled = catalog::bundled()?;
        let cached = store
            .cached_pack()?
            .and_then(|b| catalog::parse_pack(&b).ok());
        Ok(match cached {
            Some(c) if c.version > bundled.version => c,
            _ => bundled,
        })
    }

    /// Whether this run created the installation's keys.
    pub fn is_fresh_install(&self) -> bool {
        self.keys.created
    }

    /// The device's public signing key, hex-encoded.
    pub fn device_public_key(&self) -> String {
        hex::encode(self.keys.device_public().as_bytes())
    }

    pub fn pack(&self) -> Arc<CataloguePack> {
        Arc::clone(&self.pack.read().unwrap_or_else(|p| p.into_inner()))
    }

    pub fn overview(&self) -> CatalogueOverview {
        self.pack().overview()
    }

    pub fn guide(&self, id: &str) -> Result<Guide> {
        self.pack()
            .guide(id)
            .cloned()
            .ok_or(CoreError::NotFound { what: "guide" })
    }

    /// The language the person chose; Simplified Chinese until they choose.
    pub fn language(&self) -> Result<Lang> {
        Ok(self
            .store
            .setting("language")?
            .and_then(|s| s.parse().ok())
            .unwrap_or_default())
    }

    pub fn set_language(&self, lang: Lang) -> Result<()> {
        self.store.set_setting("language", lang.tag())
    }

    pub fn create_draft(&self, guide: &str) -> Result<Draft> {
        let pack = self.pack();
        let guide = pack
            .guide(guide)
            .ok_or(CoreError::NotFound { what: "guide" })?;
        self.store.create_draft(&guide.id, pack.version, now_ms())
    }

    pub fn draft(&self, id: DraftId) -> Result<Draft> {
        self.store.draft(id)
    }

    pub fn drafts(&self) -> Result<Vec<Draft>> {
        self.store.drafts()
    }

    /// Saves one answer durably. The field must be one of the guide's questions.
    pub fn set_answer(&self, id: DraftId, field: &str, value: &str) -> Result<()> {
        let draft = self.store.draft(id)?;
        let guide = self.guide(&draft.guide_id.0)?;
        if guide.form.field_for_answer(field).is_none() {
            return Err(CoreError::InvalidInput {
                field: "field",
                reason: format!("{field:?} is not a question of this form"),
            });
        }
        if value.chars().count() > MAX_ANSWER_CHARS {
            return Err(CoreError::InvalidInput {
                field: "value",
                reason: format!("at most {MAX_ANSWER_CHARS} characters"),
            });
        }
        self.store.set_answer(id, field, value, now_ms())
    }

    pub fn backend_status(&self) -> BackendStatus {
        self.status
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn backend_url(&self) -> &str {
        self.remote.base_url()
    }

    /// Checks the backend and takes a newer catalogue from it. Never fails: being offline is a
    /// normal state, reported in the returned status.
    pub async fn refresh(&self) -> BackendStatus {
        let status = match self.try_refresh().await {
            Ok(version) => BackendStatus::Online {
                catalog_version: version,
            },
            Err(e) => {
                tracing::info!(code = ?e.code(), "backend not reachable: {e}");
                BackendStatus::Offline
            }
        };
        *self.status.write().unwrap_or_else(|p| p.into_inner()) = status.clone();
        status
    }

    async fn try_refresh(&self) -> Result<u64> {
        self.remote.health().await?;
        let Some(fetched) = self.remote.catalog(None).await? else {
            return Ok(self.pack().version);
        };
        let remote = catalog::parse_pack(&fetched.bytes)?;
        let version = remote.version;
        if version > self.pack().version {
            self.store.cache_pack(version, &fetched.bytes)?;
            *self.pack.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(remote);
        }
        Ok(version)
    }

    /// The guide a draft belongs to.
    pub fn guide_of(&self, draft: &Draft) -> Result<Guide> {
        self.guide(&draft.guide_id.0)
    }
}

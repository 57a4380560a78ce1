//! [`Homeward`]: one installation of the app, opened from its data directory.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::{SystemTime, UNIX_EPOCH};

use std::collections::{BTreeMap, BTreeSet};

use homeward_domain::catalog::{Contacts, FieldKind};
use homeward_domain::check::FieldCheck;
use homeward_domain::city::HomeCity;
use homeward_domain::display::TextSize;
use homeward_domain::draft::DraftTitle;
use homeward_domain::draft::MaterialInfo;
use homeward_domain::ipc::AnswerSaved;
use homeward_domain::sync::OutboxItem;
use homeward_domain::{
    BackendStatus, CatalogueOverview, CataloguePack, Draft, DraftId, Guide, Lang,
};
use homeward_domain::{DraftCursor, DraftPage, DraftReview, DraftSummary};

use crate::catalog;
use crate::catalog::search::{Hit, SearchIndex};
use crate::city::{self, Home};
use crate::error::{CoreError, Result};
use crate::materials;
use crate::pdf;
use crate::review;
use crate::secrets::{Keyring, Keys};
use crate::store::{NewDraft, Store};
use crate::validate;

pub(crate) const DB_FILE: &str = "homeward.db";
pub(crate) const INSTALL_ID_FILE: &str = "install-id";
/// The longest answer a single field takes; longer input is refused, not cut.
pub const MAX_ANSWER_CHARS: usize = 4_000;
/// Drafts on one page of the list of applications.
pub const DRAFT_PAGE: usize = 50;

/// Where an installation keeps its data and which backends it may talk to.
#[derive(Debug, Clone)]
pub struct Config {
    pub data_dir: PathBuf,
    /// The home cities on offer, from a verified list (see [`catalog::bundled_cities`]).
    pub cities: Vec<HomeCity>,
    /// Who besides the home city may sign notices, and which kinds, from the same list.
    pub notice_signers: Vec<homeward_domain::notice::NoticeSigner>,
    /// Development and tests: talk to these addresses (by city id) instead of the listed ones,
    /// offer only these cities, and learn each backend's receipt key at first contact.
    pub fixed_backends: BTreeMap<String, String>,
    /// Development and tests: one more certificate authority (PEM) to trust, for a backend
    /// served with a test certificate. Ignored outside a [`crate::remote::DEVELOPMENT_BUILD`].
    pub extra_root_pem: Option<Vec<u8>>,
    /// In site mode: how long the desk stays open without anyone touching the laptop.
    pub idle_lock: std::time::Duration,
}

impl Config {
    /// The installation in `data_dir`, offering the cities of the list this build carries.
    pub fn new(data_dir: impl Into<PathBuf>) -> Result<Self> {
        let list = catalog::bundled_cities()?;
        Ok(Config {
            data_dir: data_dir.into(),
            cities: list.cities,
            notice_signers: list.notice_signers,
            fixed_backends: BTreeMap::new(),
            extra_root_pem: None,
            idle_lock: crate::desk::IDLE_LOCK,
        })
    }

    /// The installation in `data_dir`, talking to the backend at `url` as the first listed city
    /// (development and tests).
    pub fn fixed(data_dir: impl Into<PathBuf>, url: &str) -> Result<Self> {
        let config = Config::new(data_dir)?;
        let first = config
            .cities
            .first()
            .map(|c| c.id.clone())
            .unwrap_or_default();
        Ok(Config {
            fixed_backends: BTreeMap::from([(first, url.to_owned())]),
            ..config
        })
    }

    /// Reads `--backend-url`'s value: an address for the first listed city, or
    /// `city=address,city=address` (development and tests).
    pub fn parse_fixed_backends(&self, value: &str) -> Result<BTreeMap<String, String>> {
        let refused = |reason: &str| CoreError::InvalidInput {
            field: "backend-url",
            reason: reason.to_owned(),
        };
        if !value.contains('=') {
            let first = self
                .cities
                .first()
                .ok_or_else(|| refused("the list of cities is empty"))?;
            return Ok(BTreeMap::from([(first.id.clone(), value.to_owned())]));
        }
        value
            .split(',')
            .map(|pair| {
                let (id, url) = pair
                    .split_once('=')
                    .ok_or_else(|| refused("city=address, separated by commas"))?;
                if !self.cities.iter().any(|c| c.id == id) {
                    return Err(refused("a city the list names"));
                }
                Ok((id.to_owned(), url.to_owned()))
            })
            .collect()
    }
}

/// What [`Homeward::watch_outbox`] calls with an item that changed.
pub(crate) type OutboxWatch = Box<dyn Fn(&OutboxItem) + Send + Sync>;

/// One installation: its unlocked store, keys, catalogue and backend connection.
pub struct Homeward {
    pub(crate) store: Store,
    pub(crate) keys: Keys,
    /// The current city's catalogue and its search index.
    pack: RwLock<Arc<CataloguePack>>,
    index: RwLock<Arc<PackIndex>>,
    status: RwLock<BackendStatus>,
    /// The current city with its backend's client.
    pub(crate) home: RwLock<Option<Home>>,
    /// Other cities this installation has dealt with (their drafts, their outbox), by id.
    pub(crate) other_homes: Mutex<BTreeMap<String, Home>>,
    pub(crate) other_packs: Mutex<BTreeMap<String, Arc<CataloguePack>>>,
    /// Whether the backend's address was fixed by the command line or environment.
    pub(crate) fixed_backend: bool,
    /// Set while a pass over the outbox runs, so two never overlap.
    pub(crate) syncing: AtomicBool,
    /// The upload chunk size the link currently bears.
    pub(crate) upload_chunk: AtomicU64,
    /// Told of each outbox item added or changed; see [`Homeward::watch_outbox`].
    pub(crate) outbox_watch: OnceLock<OutboxWatch>,
    /// Where the installation lives, and its entries in the OS keyring, for erasure.
    pub(crate) data_dir: PathBuf,
    pub(crate) keyring: Keyring,
    /// In site mode: who has the desk open.
    pub(crate) desk: crate::desk::Desk,
    /// How this installation was opened, for the walk-in sessions a site's laptop opens beside it.
    pub(crate) config: Config,
    /// The language of the system the app runs on, when it is one Homeward speaks: the person's
    /// language until they choose one.
    system_lang: RwLock<Option<Lang>>,
}

impl std::fmt::Debug for Homeward {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Homeward")
            .field("keys", &self.keys)
            .finish_non_exhaustive()
    }
}

/// A pack's search index, built off the start path: by a thread of its own from the moment the
/// pack is taken, or by the first search if that comes first (which then waits for that one
/// build rather than making a second).
struct PackIndex {
    pack: Arc<CataloguePack>,
    index: OnceLock<SearchIndex>,
}

impl PackIndex {
    fn new(pack: Arc<CataloguePack>) -> Arc<Self> {
        let index = Arc::new(PackIndex {
            pack,
            index: OnceLock::new(),
        });
        let building = Arc::clone(&index);
        // Without a thread of its own, the first search builds it.
        let _ = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || {
                building.get();
            });
        index
    }

    fn get(&self) -> &SearchIndex {
        self.index.get_or_init(|| index_of(&self.pack))
    }
}

/// The search index of a pack, with category names in every language as extra search words.
fn index_of(pack: &CataloguePack) -> SearchIndex {
    let l10n = homeward_i18n::Localizer::new();
    SearchIndex::new(pack, |slug| {
        Lang::ALL
            .iter()
            .map(|l| l10n.tr(*l, &format!("category-{slug}")))
            .collect()
    })
}

/// The file name to keep: the last path component, at most 120 characters, with the extension a
/// re-encoded photo now has.
pub(crate) fn stored_name(original: &str, mime: &str) -> String {
    let base = original.rsplit(['/', '\\']).next().unwrap_or("").trim();
    let base: String = base.chars().filter(|c| !c.is_control()).take(120).collect();
    let stem = base.rsplit_once('.').map_or(base.as_str(), |(s, _)| s);
    let stem = if stem.is_empty() { "document" } else { stem };
    match mime {
        "image/jpeg" => format!("{stem}.jpg"),
        "application/pdf" => format!("{stem}.pdf"),
        _ => base.clone(),
    }
}

pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// Writes `bytes` to a temporary file beside `path` and renames it, so a crash leaves either the
/// old file or the whole new one, never a part.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes)?;
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, path)?;
    Ok(())
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
            write_whole(&path, id.as_bytes())?;
            Ok(id)
        }
        Err(e) => Err(e.into()),
    }
}

/// The first of the system's languages (most preferred first, as BCP 47 tags) that Homeward
/// speaks; the first 16 are read.
pub fn system_language(preferred: &[String]) -> Option<Lang> {
    Lang::negotiate(preferred.iter().take(16).map(String::as_str))
}

/// Starts again after [`CoreError::KeyMissing`]: moves the installation whose keys are gone
/// (its database and install id) into `unreadable-<milliseconds>/` inside `data_dir`, so the
/// next [`Homeward::open`] makes a new one. Nothing is deleted: should the keyring be restored,
/// the old files can be put back. Refused unless the keys really are missing.
pub fn set_aside_unreadable(data_dir: &Path) -> Result<PathBuf> {
    match Homeward::open(&Config {
        data_dir: data_dir.to_owned(),
        cities: Vec::new(),
        notice_signers: Vec::new(),
        fixed_backends: BTreeMap::new(),
        extra_root_pem: None,
        idle_lock: crate::desk::IDLE_LOCK,
    }) {
        Err(CoreError::KeyMissing) => {}
        Err(e) => return Err(e),
        Ok(_) => {
            return Err(CoreError::InvalidInput {
                field: "data",
                reason: "the data can be read; there is nothing to set aside".into(),
            })
        }
    }
    let aside = data_dir.join(format!("unreadable-{}", now_ms()));
    std::fs::create_dir(&aside)?;
    for entry in std::fs::read_dir(data_dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(DB_FILE) || name == INSTALL_ID_FILE {
            std::fs::rename(entry.path(), aside.join(&*name))?;
        }
    }
    std::fs::File::open(data_dir)?.sync_all()?;
    tracing::warn!("data whose keys are missing was set aside; starting again");
    Ok(aside)
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
        let home = city::home_at_open(config, &store)?;
        let pack = city::best_pack(&store, home.as_ref().map(|h| &h.city))?;
        let pack = Arc::new(pack);
        let index = PackIndex::new(Arc::clone(&pack));
        Ok(Homeward {
            store,
            keys,
            index: RwLock::new(index),
            pack: RwLock::new(pack),
            status: RwLock::new(BackendStatus::Unknown),
            home: RwLock::new(home),
            other_homes: Mutex::new(BTreeMap::new()),
            other_packs: Mutex::new(BTreeMap::new()),
            fixed_backend: !config.fixed_backends.is_empty(),
            syncing: AtomicBool::new(false),
            upload_chunk: AtomicU64::new(crate::outbox::UPLOAD_CHUNK),
            outbox_watch: OnceLock::new(),
            data_dir: config.data_dir.clone(),
            keyring,
            desk: crate::desk::Desk::new(config.idle_lock),
            config: config.clone(),
            system_lang: RwLock::new(None),
        })
        .inspect(|core| {
            if let Err(e) = core.sweep_walk_ins() {
                tracing::warn!("wiped walk-in sessions not swept: {e}");
            }
            if let Err(e) = core.keep_guide_snapshots() {
                tracing::warn!("drafts' guides not recorded: {e}");
            }
        })
    }

    /// Records the guide of each draft started before drafts kept theirs, while its city's
    /// catalogue still offers it, so the draft outlives a catalogue that withdraws it.
    fn keep_guide_snapshots(&self) -> Result<()> {
        for (id, city, guide) in self.store.drafts_without_guide_snapshot()? {
            if let Some(guide) = self.pack_of(&city)?.guide(&guide) {
                let json = serde_json::to_string(guide).map_err(|e| {
                    CoreError::Catalogue(format!("a guide does not serialise: {e}"))
                })?;
                self.store.keep_guide_snapshot(id, &json)?;
            }
        }
        Ok(())
    }

    /// Runs SQLite's integrity check over the local database.
    pub fn check_integrity(&self) -> Result<()> {
        self.store.check_integrity()
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
        Arc::clone(
            &self
                .pack
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
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

    /// Guides matching what the person typed, best first; works offline.
    pub fn search(&self, query: &str, lang: Lang) -> Vec<Hit> {
        let index = Arc::clone(
            &self
                .index
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        index.get().search(query, lang)
    }

    /// The help lines, the liaison sites, and the embassy and consulates for the country the
    /// person lives in (none before they choose it).
    pub fn contacts(&self) -> Result<Contacts> {
        let country = self.residence_country()?;
        let mut contacts = self.pack().contacts();
        contacts
            .missions
            .retain(|m| country.as_deref() == Some(m.country.as_str()));
        contacts.country = country;
        Ok(contacts)
    }

    /// The materials of a guide the person has ticked as ready.
    pub fn checked_materials(&self, guide: &str) -> Result<Vec<u32>> {
        self.store.checked_materials(guide)
    }

    pub fn set_material_checked(&self, guide: &str, index: u32, checked: bool) -> Result<()> {
        let g = self.guide(guide)?;
        if index as usize >= g.materials.len() {
            return Err(CoreError::InvalidInput {
                field: "index",
                reason: format!("this guide has {} materials", g.materials.len()),
            });
        }
        self.store
            .set_material_checked(guide, index, checked, now_ms())
    }

    /// The language the person chose; until they choose, the system's if Homeward speaks it,
    /// else Simplified Chinese.
    pub fn language(&self) -> Result<Lang> {
        let system = *self
            .system_lang
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        Ok(self
            .store
            .setting("language")?
            .and_then(|s| s.parse().ok())
            .or(system)
            .unwrap_or_default())
    }

    /// Told the system's languages (most preferred first, as BCP 47 tags): the first Homeward
    /// speaks is the language until the person chooses one. Returns the language now in use.
    pub fn use_system_languages(&self, preferred: &[String]) -> Result<Lang> {
        let system = system_language(preferred);
        *self
            .system_lang
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = system;
        self.language()
    }

    pub fn set_language(&self, lang: Lang) -> Result<()> {
        self.store.set_setting("language", lang.tag())
    }

    /// The size of the text the person chose; 100 % until they choose (or if what is stored is
    /// not a size offered).
    pub fn text_size(&self) -> Result<TextSize> {
        Ok(self
            .store
            .setting("text_size")?
            .and_then(|s| s.parse::<u16>().ok())
            .and_then(|p| TextSize::try_from(p).ok())
            .unwrap_or_default())
    }

    pub fn set_text_size(&self, size: TextSize) -> Result<()> {
        self.store
            .set_setting("text_size", &size.percent().to_string())
    }

    /// A new draft of one of the current city's guides, for that city.
    pub fn create_draft(&self, guide: &str) -> Result<Draft> {
        let city = self.current()?.city.id;
        let pack = self.pack();
        let guide = pack
            .guide(guide)
            .ok_or(CoreError::NotFound { what: "guide" })?;
        let form = serde_json::to_string(&guide.form).ok();
        let whole = serde_json::to_string(guide).ok();
        self.store.create_draft_from(
            &NewDraft {
                city: &city,
                guide: &guide.id,
                pack_version: pack.version,
                form_snapshot: form.as_deref(),
                guide_snapshot: whole.as_deref(),
            },
            now_ms(),
        )
    }

    /// The guide of a draft (see [`Self::draft_guide`]), for the UI.
    pub fn guide_of_draft(&self, id: DraftId) -> Result<homeward_domain::draft::GuideOfDraft> {
        let (guide, offered) = self.draft_guide(&self.store.draft(id)?)?;
        Ok(homeward_domain::draft::GuideOfDraft { guide, offered })
    }

    /// The guide of a draft, from its city's catalogue, and whether that catalogue still offers
    /// it; if it does not, the guide as it was when the draft was started.
    pub(crate) fn draft_guide(&self, draft: &Draft) -> Result<(Guide, bool)> {
        if let Some(guide) = self.pack_of(&draft.city)?.guide(&draft.guide_id.0) {
            return Ok((guide.clone(), true));
        }
        self.store
            .guide_snapshot(draft.id)?
            .and_then(|json| serde_json::from_str(&json).ok())
            .map(|guide| (guide, false))
            .ok_or(CoreError::NotFound { what: "guide" })
    }

    pub fn draft(&self, id: DraftId) -> Result<Draft> {
        self.store.draft(id)
    }

    /// The drafts answering `guide`, most recently changed first.
    pub fn drafts_of_guide(&self, guide: &str) -> Result<Vec<Draft>> {
        self.store.drafts_of_guide(guide)
    }

    /// A draft's answers as they would be printed and sent: valid answers normalised.
    pub fn answers_as_sent(
        &self,
        id: DraftId,
    ) -> Result<std::collections::BTreeMap<String, String>> {
        let draft = self.store.draft(id)?;
        let (guide, _) = self.draft_guide(&draft)?;
        Ok(review::normalized(
            &guide.form,
            &draft.answers,
            validate::today(),
        ))
    }

    pub fn drafts(&self) -> Result<Vec<Draft>> {
        self.store.drafts()
    }

    /// Saves one answer durably, exactly as typed, and returns how it checks. An invalid answer
    /// is saved all the same: it is the person's draft, and they fix it in their own time.
    pub fn set_answer(&self, id: DraftId, field: &str, value: &str) -> Result<FieldCheck> {
        let draft = self.store.draft(id)?;
        let (guide, _) = self.draft_guide(&draft)?;
        let Some(question) = guide.form.field_for_answer(field) else {
            return Err(CoreError::InvalidInput {
                field: "field",
                reason: format!("{field:?} is not a question of this form"),
            });
        };
        if value.chars().count() > MAX_ANSWER_CHARS {
            return Err(CoreError::InvalidInput {
                field: "value",
                reason: format!("at most {MAX_ANSWER_CHARS} characters"),
            });
        }
        self.store.set_answer(id, field, value, now_ms())?;
        Ok(if value.trim().is_empty() {
            FieldCheck::ok("")
        } else {
            validate::check(&question.kind, value, validate::today())
        })
    }

    /// Saves one answer as [`Homeward::set_answer`] does, then reviews the draft: all the UI
    /// needs after a keystroke, in one call.
    pub fn save_answer(&self, id: DraftId, field: &str, value: &str) -> Result<AnswerSaved> {
        let check = self.set_answer(id, field, value)?;
        Ok(AnswerSaved {
            check,
            review: self.review(id)?,
        })
    }

    /// The material questions of a draft that have a document.
    fn attached(&self, id: DraftId) -> Result<BTreeSet<String>> {
        Ok(self
            .store
            .materials(id)?
            .into_iter()
            .map(|m| m.field)
            .collect())
    }

    /// Attaches a document (a photo or a PDF) to a material question of a draft. A photo is
    /// compressed and stripped of its metadata first; see [`materials`].
    pub fn add_material(
        &self,
        id: DraftId,
        field: &str,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<MaterialInfo> {
        let draft = self.store.draft(id)?;
        let (guide, _) = self.draft_guide(&draft)?;
        let kind = match guide.form.field_for_answer(field).map(|f| &f.kind) {
            Some(FieldKind::Material { material }) => material.clone(),
            _ => {
                return Err(CoreError::InvalidInput {
                    field: "field",
                    reason: format!("{field:?} is not a document question of this form"),
                })
            }
        };
        let prepared = materials::prepare(bytes)?;
        let info = MaterialInfo {
            id: uuid::Uuid::now_v7(),
            field: field.to_owned(),
            kind,
            file_name: stored_name(file_name, prepared.mime),
            mime: prepared.mime.to_owned(),
            size: prepared.bytes.len() as u64,
            original_size: bytes.len() as u64,
            sha256: prepared.sha256,
            dimensions: prepared.dimensions,
            added_at: now_ms(),
        };
        self.store.add_material(id, &info, &prepared.bytes)?;
        Ok(info)
    }

    pub fn materials(&self, id: DraftId) -> Result<Vec<MaterialInfo>> {
        self.store.materials(id)
    }

    /// A small JPEG preview of an attached photo; `None` for a PDF.
    pub fn material_preview(&self, id: DraftId, material: uuid::Uuid) -> Result<Option<Vec<u8>>> {
        let (bytes, mime) = self.store.material_bytes(id, material)?;
        Ok(materials::thumbnail(&bytes, &mime))
    }

    pub fn remove_material(&self, id: DraftId, material: uuid::Uuid) -> Result<()> {
        self.store.remove_material(id, material)
    }

    pub fn delete_draft(&self, id: DraftId) -> Result<()> {
        self.store.delete_draft(id)
    }

    pub fn duplicate_draft(&self, id: DraftId) -> Result<Draft> {
        self.store.duplicate_draft(id, now_ms())
    }

    /// The draft checked as a whole: status, progress and what needs attention.
    pub fn review(&self, id: DraftId) -> Result<DraftReview> {
        let draft = self.store.draft(id)?;
        let (guide, _) = self.draft_guide(&draft)?;
        let attached = self.attached(id)?;
        let mut result = review::review(&guide.form, &draft.answers, &attached, validate::today());
        // A draft started on an older catalogue: flag what changed, keep every answer.
        if draft.pack_version != self.pack_of(&draft.city)?.version {
            let started = self
                .store
                .form_snapshot(id)?
                .and_then(|s| serde_json::from_str(&s).ok());
            if let Some(started) = started {
                let changes = review::form_changes(&started, &guide.form, &draft.answers);
                result.changed = changes.changed;
                result.removed = changes.removed;
            }
        }
        Ok(result)
    }

    /// A page of the drafts of every city with their reviews, most recently changed first: the
    /// first page, or the one after `after`. A draft whose guide its city withdrew is listed all
    /// the same, marked as no longer offered. A page reads and reviews its own drafts only, so
    /// the list opens as fast with thousands of drafts as with ten.
    pub fn draft_page(&self, after: Option<&DraftCursor>) -> Result<DraftPage> {
        // One more than a page tells whether another follows.
        let mut drafts = self.store.drafts_page(after, DRAFT_PAGE + 1)?;
        let more = drafts.len() > DRAFT_PAGE;
        drafts.truncate(DRAFT_PAGE);
        let next = more.then(|| drafts.last()).flatten().map(|d| DraftCursor {
            updated_at: d.updated_at,
            id: d.id,
        });
        Ok(DraftPage {
            drafts: self.summaries(drafts)?,
            next,
        })
    }

    /// Every draft's guide title and city, without reading its answers: what the list of sent
    /// applications names them by.
    pub fn draft_titles(&self) -> Result<Vec<DraftTitle>> {
        self.store
            .every_draft_head()?
            .into_iter()
            .map(|(id, city, guide)| {
                let title = match self.pack_of(&city)?.guide(&guide) {
                    Some(guide) => guide.title.clone(),
                    None => self.draft_guide(&self.store.draft(id)?)?.0.title,
                };
                Ok(DraftTitle { id, city, title })
            })
            .collect()
    }

    /// The drafts with their reviews and titles.
    fn summaries(&self, drafts: Vec<Draft>) -> Result<Vec<DraftSummary>> {
        let today = validate::today();
        drafts
            .into_iter()
            .map(|draft| {
                // An error is reported, never a draft quietly left out of the list.
                let (guide, offered) = self.draft_guide(&draft)?;
                let attached = self.attached(draft.id)?;
                let review = review::review(&guide.form, &draft.answers, &attached, today);
                Ok(DraftSummary {
                    draft,
                    review,
                    title: guide.title,
                    offered,
                })
            })
            .collect()
    }

    /// The application as a printable PDF, in Chinese with `lang` beside it.
    pub fn application_pdf(&self, id: DraftId, lang: Lang) -> Result<Vec<u8>> {
        let mut draft = self.store.draft(id)?;
        let (guide, _) = self.draft_guide(&draft)?;
        draft.answers = review::normalized(&guide.form, &draft.answers, validate::today());
        let review = self.review(id)?;
        let docs = self.materials(id)?;
        let fonts = pdf::Fonts::system()?;
        pdf::application_pdf(
            &pdf::ApplicationPdf {
                guide: &guide,
                draft: &draft,
                review: &review,
                docs: &docs,
                lang,
                today: validate::today(),
            },
            &fonts,
        )
    }

    /// Writes the application's PDF into `dir` (made if missing) and returns its path. The name
    /// says which service and which draft; writing again replaces the earlier copy, whole.
    pub fn save_application_pdf(&self, id: DraftId, lang: Lang, dir: &Path) -> Result<PathBuf> {
        let bytes = self.application_pdf(id, lang)?;
        let (guide, _) = self.draft_guide(&self.store.draft(id)?)?;
        let title: String = guide
            .title
            .get(lang)
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let short = id.to_string();
        let short = &short[short.len() - 8..];
        std::fs::create_dir_all(dir)?;
        let path = dir.join(format!("{}-{short}.pdf", title.trim_matches('-')));
        write_whole(&path, &bytes)?;
        Ok(path)
    }

    /// The address of the city's backend this installation talks to, once a city is chosen.
    pub fn backend_address(&self) -> Option<String> {
        self.remote().ok().map(|r| r.base().to_owned())
    }

    /// Uses `pack` from now on, with its search index.
    fn use_pack(&self, pack: CataloguePack) {
        let pack = Arc::new(pack);
        *self
            .index
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = PackIndex::new(Arc::clone(&pack));
        *self
            .pack
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = pack;
    }

    /// Takes the current city's best pack again (after a city is chosen).
    pub(crate) fn reload_pack(&self) -> Result<()> {
        let home = self.home();
        self.use_pack(city::best_pack(
            &self.store,
            home.as_ref().map(|h| &h.city),
        )?);
        Ok(())
    }

    pub fn backend_status(&self) -> BackendStatus {
        self.status
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Checks the backend and takes a newer catalogue from it. Never fails: being offline is a
    /// normal state, reported in the returned status.
    pub async fn refresh(&self) -> BackendStatus {
        let status = match self.try_refresh().await {
            Ok((version, update_refused)) => BackendStatus::Online {
                catalog_version: version,
                update_refused,
            },
            Err(e) => {
                tracing::info!(code = ?e.code(), "backend not reachable: {e}");
                BackendStatus::Offline
            }
        };
        *self
            .status
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = status.clone();
        status
    }

    /// The catalogue version in use, and whether the backend's offer was refused. The pack is
    /// asked for with the ETag of the last one seen, so an unchanged catalogue costs a few
    /// hundred bytes rather than megabytes, on every check.
    async fn try_refresh(&self) -> Result<(u64, bool)> {
        const ETAG: &str = "catalog-etag";
        const REFUSED: &str = "catalog-update-refused";
        let home = self.current()?;
        let (etag_key, refused_key) = (home.key(ETAG), home.key(REFUSED));
        home.remote.health().await?;
        let current = self.pack().version;
        let etag = self.store.setting(&etag_key)?;
        let Some(fetched) = home.remote.catalog(etag.as_deref()).await? else {
            let refused = self.store.setting(&refused_key)?.is_some_and(|v| v == "1");
            return Ok((current, refused));
        };
        let trusted = city::content_key(Some(&home.city))?;
        let result = match catalog::verify_update(&fetched.bytes, &trusted, current) {
            Ok(newer) => {
                let version = newer.version();
                self.store
                    .cache_pack(&home.city.id, version, newer.signed_bytes())?;
                tracing::info!(version, "took a newer catalogue from the backend");
                // The city may have been switched meanwhile: the pack is kept either way, and
                // used only if its city is still the current one.
                if self.home().is_some_and(|h| h.city.id == home.city.id) {
                    self.use_pack(newer.into_pack());
                }
                (version, false)
            }
            Err(catalog::PackError::NotNewer { .. }) => (current, false),
            // A bad pack from the backend is not a reason to call it offline: keep the last good
            // pack, and say so.
            Err(e) => {
                tracing::warn!("refusing the backend's catalogue: {e}");
                (current, true)
            }
        };
        self.store
            .set_setting(&refused_key, if result.1 { "1" } else { "0" })?;
        if let Some(tag) = &fetched.etag {
            self.store.set_setting(&etag_key, tag)?;
        }
        Ok(result)
    }
}

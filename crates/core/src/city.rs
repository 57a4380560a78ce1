//! Home cities: which cities the person deals with, and so which backends the app talks to.
//!
//! The cities on offer come from the signed list the shell passes in ([`Config::cities`]). The
//! person picks one at first start and may switch to another at any time; the one picked last is
//! the *current* city, whose catalogue the app shows and for which new drafts are made. Every
//! draft, submission, attestation and feed event says which city it belongs to, and each goes to
//! (or came from) that city's backend only, whichever city is current.
//!
//! Picking a city pins its backend's receipt key from the list, so even the first receipt is
//! checked against a key the backend did not vouch for itself. [`Config::fixed_backends`]
//! (development and tests) gives cities other addresses, pins nothing, and offers only the cities
//! it names.

use std::sync::Arc;

use ed25519_dalek::VerifyingKey;
use homeward_domain::city::{HomeCities, HomeCity, HomeCityView};
use homeward_domain::CataloguePack;

use crate::app::Config;
use crate::catalog;
use crate::error::{CoreError, Result};
use crate::remote::Remote;
use crate::store::Store;
use crate::Homeward;

/// The current city, as JSON, in the store's settings.
const HOME_CITY_SETTING: &str = "home-city";

/// The name of a setting that belongs to one city (its backend's keys, where its feed was read
/// to): `key@city`.
pub(crate) fn city_key(key: &str, city: &str) -> String {
    format!("{key}@{city}")
}

/// A home city and the client for its backend.
#[derive(Debug, Clone)]
pub(crate) struct Home {
    pub(crate) city: HomeCity,
    pub(crate) remote: Remote,
}

impl Home {
    fn new(city: HomeCity, config: &Config) -> Result<Self> {
        let remote = Remote::new(&city.backend, config.extra_root_pem.as_deref())?;
        Ok(Home { city, remote })
    }

    /// The name of this city's `key` setting.
    pub(crate) fn key(&self, key: &str) -> String {
        city_key(key, &self.city.id)
    }
}

/// City `id` as this installation reaches it: as listed, or at its fixed address in
/// development (where only the cities given an address are offered).
fn reachable(config: &Config, id: &str) -> Option<HomeCity> {
    let mut city = config.cities.iter().find(|c| c.id == id).cloned()?;
    if !config.fixed_backends.is_empty() {
        city.backend.clone_from(config.fixed_backends.get(id)?);
    }
    Some(city)
}

/// The cities this installation offers.
fn offered(config: &Config) -> Vec<HomeCity> {
    config
        .cities
        .iter()
        .filter_map(|c| reachable(config, &c.id))
        .collect()
}

/// The current city an installation opens with: the city chosen last (as the current list
/// describes it, if it still lists it), or, in development, the first city given an address; or
/// none yet.
pub(crate) fn home_at_open(config: &Config, store: &Store) -> Result<Option<Home>> {
    let stored: Option<HomeCity> = store
        .setting(HOME_CITY_SETTING)?
        .and_then(|json| serde_json::from_str(&json).ok());
    if !config.fixed_backends.is_empty() {
        let city = stored
            .and_then(|c| reachable(config, &c.id))
            .or_else(|| offered(config).into_iter().next())
            .ok_or_else(|| CoreError::Catalogue("no listed city has a fixed address".into()))?;
        return Ok(Some(Home::new(city, config)?));
    }
    let Some(stored) = stored else {
        return Ok(None);
    };
    let city = reachable(config, &stored.id).unwrap_or(stored);
    match Home::new(city, config) {
        Ok(home) => Ok(Some(home)),
        Err(e) => {
            // A city whose address this build refuses (plain HTTP in a release build): the
            // person picks again rather than the app talking to it.
            tracing::warn!("the home city's backend is refused: {e}");
            Ok(None)
        }
    }
}

/// The key that signs `city`'s catalogue; before a city is chosen, the key this build trusts.
pub(crate) fn content_key(city: Option<&HomeCity>) -> Result<VerifyingKey> {
    match city {
        Some(city) => Ok(catalog::parse_public_key(&city.content_key)?),
        None => Ok(catalog::trusted_key()?),
    }
}

/// The newest catalogue of `city` this installation has: the pack the build carries, or the
/// last good pack taken from the city's backend, whichever is newer. The cached pack is verified
/// again: the database is trusted to keep data, not to vouch for it. Before a city is chosen,
/// the pack the build carries for its first city.
pub(crate) fn best_pack(store: &Store, city: Option<&HomeCity>) -> Result<CataloguePack> {
    let trusted = content_key(city)?;
    let bundled = match city {
        Some(city) => catalog::bundled_for(city)?,
        None => Some(catalog::bundled()?),
    };
    let cached = match city {
        Some(city) => store.cached_pack(&city.id)?,
        None => None,
    }
    .and_then(|b| match catalog::verify(&b, &trusted) {
        Ok(p) => Some(p),
        Err(e) => {
            tracing::warn!("ignoring the cached catalogue: {e}");
            None
        }
    });
    Ok(match (cached, bundled) {
        (Some(c), Some(b)) if c.version() <= b.version() => b.into_pack(),
        (Some(c), _) => c.into_pack(),
        (None, Some(b)) => b.into_pack(),
        // A city this build carries no catalogue for: none until its backend sends one.
        (None, None) => empty_pack(),
    })
}

/// The catalogue of a city nothing is known of: no guides, version 0.
fn empty_pack() -> CataloguePack {
    CataloguePack {
        format: homeward_domain::catalog::PACK_FORMAT,
        version: 0,
        published: String::new(),
        notice: homeward_domain::LocalizedText::default(),
        guides: vec![],
        sites: vec![],
        help_lines: vec![],
        missions: vec![],
    }
}

impl Homeward {
    /// The current city and its backend's client, if one is chosen.
    pub(crate) fn home(&self) -> Option<Home> {
        self.home
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The current city, or [`CoreError::NoHomeCity`] before one is chosen.
    pub(crate) fn current(&self) -> Result<Home> {
        self.home().ok_or(CoreError::NoHomeCity)
    }

    /// City `id` and its backend's client, whether current or not: the city of a draft or a
    /// submission. A city the list no longer offers cannot be reached.
    pub(crate) fn city_home(&self, id: &str) -> Result<Home> {
        if let Some(home) = self.home().filter(|h| h.city.id == id) {
            return Ok(home);
        }
        let mut others = self
            .other_homes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(home) = others.get(id) {
            return Ok(home.clone());
        }
        let city = reachable(&self.config, id).ok_or(CoreError::NoHomeCity)?;
        let home = Home::new(city, &self.config)?;
        others.insert(id.to_owned(), home.clone());
        Ok(home)
    }

    /// The catalogue of city `id`: the current one, or that city's newest, verified with its
    /// key. A city no longer listed has none.
    pub(crate) fn pack_of(&self, id: &str) -> Result<Arc<CataloguePack>> {
        if self.home().is_none_or(|h| h.city.id == id) {
            return Ok(self.pack());
        }
        let mut packs = self
            .other_packs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(pack) = packs.get(id) {
            return Ok(Arc::clone(pack));
        }
        let city = self.config.cities.iter().find(|c| c.id == id);
        let pack = Arc::new(match city {
            Some(city) => best_pack(&self.store, Some(city))?,
            None => empty_pack(),
        });
        packs.insert(id.to_owned(), Arc::clone(&pack));
        Ok(pack)
    }

    /// The client for the current city's backend, or [`CoreError::NoHomeCity`] before one is
    /// chosen.
    pub(crate) fn remote(&self) -> Result<Remote> {
        self.current().map(|home| home.remote)
    }

    /// The cities on offer and the current one, if any.
    pub fn home_cities(&self) -> HomeCities {
        HomeCities {
            cities: offered(&self.config),
            chosen: self.home().map(|home| HomeCityView {
                city: home.city,
                fixed: self.fixed_backend,
            }),
        }
    }

    /// Makes the offered city `id` the current one: its catalogue is shown and new drafts are
    /// for it. The first time a city is chosen its backend's receipt key is pinned from the
    /// list. Drafts and submissions of the city chosen before stay theirs, and keep going to
    /// that city's backend.
    pub fn choose_city(&self, id: &str) -> Result<HomeCityView> {
        let city = reachable(&self.config, id).ok_or_else(|| CoreError::InvalidInput {
            field: "home-city",
            reason: "not a city this app lists".to_owned(),
        })?;
        let view = |city| HomeCityView {
            city,
            fixed: self.fixed_backend,
        };
        if let Some(home) = self.home().filter(|h| h.city.id == city.id) {
            return Ok(view(home.city));
        }
        let home = self.city_home(id)?;
        let json = serde_json::to_string(&city)
            .map_err(|e| CoreError::Catalogue(format!("the city does not serialise: {e}")))?;
        let pin = home.key(crate::outbox::RECEIPT_KEY_SETTING);
        let mut settings = vec![(HOME_CITY_SETTING, json.as_str())];
        if !self.fixed_backend && self.store.setting(&pin)?.is_none() {
            settings.push((pin.as_str(), city.receipt_key.as_str()));
        }
        self.store.set_settings(&settings)?;
        tracing::info!(city = %city.id, "home city chosen");
        let before = self
            .home
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .replace(home);
        if let Some(before) = before {
            self.other_packs
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .insert(before.city.id.clone(), self.pack());
        }
        self.other_packs
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(id);
        self.reload_pack()?;
        Ok(view(city))
    }
}

//! The home city: which city the person deals with, and so which backend the app talks to.
//!
//! The cities on offer come from the signed list the shell passes in ([`Config::cities`]); the
//! person picks one at first start and the choice is kept in the encrypted store. Picking a city
//! pins its backend's receipt key from the list, so even the first receipt is checked against a
//! key the backend did not vouch for itself. A [`Config::fixed_backend`] (development and tests)
//! takes the first city of the list with its address replaced, and pins nothing.

use ed25519_dalek::VerifyingKey;
use homeward_domain::city::{HomeCities, HomeCity, HomeCityView};

use crate::app::Config;
use crate::catalog;
use crate::error::{CoreError, Result};
use crate::remote::Remote;
use crate::store::Store;
use crate::Homeward;

/// The chosen city, as JSON, in the store's settings.
const HOME_CITY_SETTING: &str = "home-city";

/// The home city in use and the client for its backend.
#[derive(Debug, Clone)]
pub(crate) struct Home {
    pub(crate) city: HomeCity,
    pub(crate) remote: Remote,
}

/// The home city an installation opens with: the fixed address, or the city chosen before (as
/// the current list describes it, if it still lists it), or none yet.
pub(crate) fn home_at_open(config: &Config, store: &Store) -> Result<Option<Home>> {
    let roots = config.extra_root_pem.as_deref();
    let stored: Option<HomeCity> = store
        .setting(HOME_CITY_SETTING)?
        .and_then(|json| serde_json::from_str(&json).ok());
    let listed = |id: &str| config.cities.iter().find(|c| c.id == id).cloned();
    if let Some(url) = &config.fixed_backend {
        let mut city = stored
            .and_then(|c| listed(&c.id))
            .or_else(|| config.cities.first().cloned())
            .ok_or_else(|| CoreError::Catalogue("the list of home cities is empty".into()))?;
        city.backend.clone_from(url);
        let remote = Remote::new(url, roots)?;
        return Ok(Some(Home { city, remote }));
    }
    let Some(stored) = stored else {
        return Ok(None);
    };
    let city = listed(&stored.id).unwrap_or(stored);
    match Remote::new(&city.backend, roots) {
        Ok(remote) => Ok(Some(Home { city, remote })),
        Err(e) => {
            // A city whose address this build refuses (plain HTTP in a release build): the
            // person picks again rather than the app talking to it.
            tracing::warn!(city = %city.id, "the home city's backend is refused: {e}");
            Ok(None)
        }
    }
}

/// The key that signs the catalogue of `home`'s city; before a city is chosen, the key this
/// build trusts.
pub(crate) fn content_key(home: Option<&Home>) -> Result<VerifyingKey> {
    match home {
        Some(home) => Ok(catalog::parse_public_key(&home.city.content_key)?),
        None => Ok(catalog::trusted_key()?),
    }
}

impl Homeward {
    pub(crate) fn home(&self) -> Option<Home> {
        self.home
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The key that signs the home city's catalogue (see [`content_key`]).
    pub(crate) fn content_key(&self) -> Result<VerifyingKey> {
        content_key(self.home().as_ref())
    }

    /// The client for the home city's backend, or [`CoreError::NoHomeCity`] before one is
    /// chosen.
    pub(crate) fn remote(&self) -> Result<Remote> {
        self.home()
            .map(|home| home.remote)
            .ok_or(CoreError::NoHomeCity)
    }

    /// The cities on offer and the one chosen, if any.
    pub fn home_cities(&self) -> HomeCities {
        HomeCities {
            cities: self.cities.clone(),
            chosen: self.home().map(|home| HomeCityView {
                city: home.city,
                fixed: self.fixed_backend,
            }),
        }
    }

    /// Makes the listed city `id` the home city: its backend's address must be one this build
    /// talks to, and its receipt key is pinned. Choosing the same city again changes nothing;
    /// once chosen, the home city stays (its drafts, receipts and registration are that city's).
    pub fn choose_city(&self, id: &str) -> Result<HomeCityView> {
        let refused = |reason: &str| CoreError::InvalidInput {
            field: "home-city",
            reason: reason.to_owned(),
        };
        let city = self
            .cities
            .iter()
            .find(|c| c.id == id)
            .cloned()
            .ok_or_else(|| refused("not a city this app lists"))?;
        if let Some(home) = self.home() {
            if home.city.id == city.id {
                return Ok(HomeCityView {
                    city: home.city,
                    fixed: self.fixed_backend,
                });
            }
            return Err(refused("a home city is already chosen"));
        }
        let remote = Remote::new(&city.backend, self.extra_root_pem.as_deref())?;
        let json = serde_json::to_string(&city)
            .map_err(|e| CoreError::Catalogue(format!("the city does not serialise: {e}")))?;
        self.store.set_settings(&[
            (crate::outbox::RECEIPT_KEY_SETTING, &city.receipt_key),
            (HOME_CITY_SETTING, &json),
        ])?;
        tracing::info!(city = %city.id, "home city chosen");
        *self
            .home
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Home {
            city: city.clone(),
            remote,
        });
        self.reload_pack()?;
        Ok(HomeCityView { city, fixed: false })
    }
}

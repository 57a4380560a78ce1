//! Lists of home cities for tests: the bundled Wenzhou pointed at a test backend, signed with
//! the sample key the debug builds trust, as a city's deployment signs its own.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use homeward_domain::city::{CityList, HomeCity, CITY_LIST_KIND};

/// The bundled Wenzhou, with its backend at `backend` and that backend's receipt key.
pub fn wenzhou_at(backend: &str, receipt_key: &ed25519_dalek::VerifyingKey) -> HomeCity {
    let mut city = homeward_catalog::bundled_cities()
        .expect("the bundled list")
        .cities
        .remove(0);
    city.backend = backend.to_owned();
    city.receipt_key = B64.encode(receipt_key.as_bytes());
    city
}

/// `cities`, signed as the app's list.
pub fn signed(cities: Vec<HomeCity>) -> Vec<u8> {
    let secret = include_str!("../../catalog/keys/sample-content-key.secret");
    let key = homeward_catalog::parse_signing_key(secret).expect("the sample key");
    homeward_catalog::sign_cities(
        &CityList {
            kind: CITY_LIST_KIND.into(),
            version: 1,
            cities,
            notice_signers: homeward_catalog::bundled_cities()
                .expect("the bundled list")
                .notice_signers,
        },
        &key,
    )
}

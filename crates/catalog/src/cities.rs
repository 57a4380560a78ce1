//! The signed list of home cities: its source (`catalog/cities.toml`), signing, and the checks
//! both the content team's tool and the app make before a list is used.

use std::collections::BTreeSet;
use std::path::Path;

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use ed25519_dalek::{SigningKey, VerifyingKey};
use homeward_domain::city::{CityList, HomeCity, CITY_LIST_KIND};
use homeward_domain::notice::NoticeSigner;
use homeward_domain::Lang;
use serde::Deserialize;

use crate::pack::{open_envelope, parse_public_key, seal, trusted_key, PackError};
use crate::source::{self, Problem};

/// The list compiled into this build, made from `catalog/cities.toml` by
/// `homeward catalog cities`.
pub const BUNDLED_CITIES: &[u8] = include_bytes!("../../../catalog/cities.signed.json");

/// `catalog/cities.toml`: the list's version and its cities.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CitiesFile {
    version: u64,
    cities: Vec<HomeCity>,
    #[serde(default)]
    notice_signers: Vec<NoticeSigner>,
}

/// What is wrong with one trusted notice signer, as (field, what is expected).
fn signer_problems(signer: &NoticeSigner) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    if !HomeCity::is_valid_id(&signer.id) {
        problems.push((
            "id",
            "lower-case letters, digits and -, such as consular-protection".into(),
        ));
    }
    for lang in [Lang::ZhCn, Lang::En] {
        if !signer.name.has(lang) {
            problems.push(("name", format!("a text in {}", lang.tag())));
        }
    }
    if parse_public_key(&signer.key).is_err() {
        problems.push(("key", "the signer's public key, 64 hex digits".into()));
    }
    if signer.kinds.is_empty() {
        problems.push((
            "kinds",
            "the kinds of notice it may publish, such as [\"safety-alert\"]".into(),
        ));
    }
    problems
}

/// What is wrong with one city, as (field, what is expected): the same checks for the source
/// and for a signed list the app receives.
fn city_problems(city: &HomeCity) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    if !HomeCity::is_valid_id(&city.id) {
        problems.push((
            "id",
            "lower-case letters, digits and -, such as wenzhou".into(),
        ));
    }
    for (field, text) in [("name", &city.name), ("region", &city.region)] {
        for lang in [Lang::ZhCn, Lang::En] {
            if !text.has(lang) {
                problems.push((field, format!("a text in {}", lang.tag())));
            }
        }
    }
    if parse_public_key(&city.content_key).is_err() {
        problems.push((
            "content_key",
            "the catalogue's public key, 64 hex digits".into(),
        ));
    }
    if receipt_key(&city.receipt_key).is_none() {
        problems.push((
            "receipt_key",
            "the backend's receipt key, base64 of 32 bytes".into(),
        ));
    }
    if city.backend.trim().is_empty() {
        problems.push(("backend", "the backend's https:// address".into()));
    }
    problems
}

/// An Ed25519 public key from its base64 form, refusing keys of small order.
fn receipt_key(b64: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = B64.decode(b64.trim()).ok()?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes)
        .ok()
        .filter(|key| !key.is_weak())
}

/// Checks a whole list: its kind, and every city well-formed with an id of its own.
fn check_list(list: &CityList) -> Result<(), PackError> {
    if list.kind != CITY_LIST_KIND {
        return Err(PackError::Malformed(
            "this is not a list of home cities".into(),
        ));
    }
    let mut ids = BTreeSet::new();
    for city in &list.cities {
        if let Some((field, expected)) = city_problems(city).into_iter().next() {
            return Err(PackError::Malformed(format!(
                "city {}: {field}: expected {expected}",
                city.id
            )));
        }
        if !ids.insert(city.id.as_str()) {
            return Err(PackError::Malformed(format!(
                "city {} is listed twice",
                city.id
            )));
        }
    }
    for signer in &list.notice_signers {
        if let Some((field, expected)) = signer_problems(signer).into_iter().next() {
            return Err(PackError::Malformed(format!(
                "notice signer {}: {field}: expected {expected}",
                signer.id
            )));
        }
    }
    Ok(())
}

/// Checks a signed list of cities against `trusted`, then each city in it.
pub fn verify_cities(bytes: &[u8], trusted: &VerifyingKey) -> Result<CityList, PackError> {
    let payload = open_envelope(bytes, trusted)?;
    let list: CityList =
        serde_json::from_slice(&payload).map_err(|e| PackError::Malformed(e.to_string()))?;
    check_list(&list)?;
    Ok(list)
}

/// The list compiled into this build, verified with the key this build trusts. It is checked by
/// the test suite, so failing here is a build defect.
pub fn bundled_cities() -> Result<CityList, PackError> {
    verify_cities(BUNDLED_CITIES, &trusted_key()?)
}

/// Signs a list of cities; the same list and key always give the same file.
pub fn sign_cities(list: &CityList, key: &SigningKey) -> Vec<u8> {
    let mut payload = serde_json::to_vec_pretty(list).unwrap_or_default();
    payload.push(b'\n');
    seal(&payload, key)
}

/// Reads `catalog/cities.toml`, or lists every problem found. The source is held to more than
/// a signed list: every backend is reached over `https://`.
pub fn load_cities(file: &Path) -> Result<CityList, Vec<Problem>> {
    let source: CitiesFile = source::read_toml(file).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for (i, city) in source.cities.iter().enumerate() {
        let at = |field: &str| format!("cities[{i}].{field}");
        for (field, expected) in city_problems(city) {
            problems.push(source::problem(file, &at(field), expected));
        }
        if !ids.insert(city.id.as_str()) {
            problems.push(source::problem(file, &at("id"), "an id of its own".into()));
        }
        if !city.backend.starts_with("https://") {
            problems.push(source::problem(
                file,
                &at("backend"),
                "an https:// address: people's data never travels in the clear".into(),
            ));
        }
        for (j, line) in city.help_lines.iter().enumerate() {
            if line
                .phone
                .as_deref()
                .is_some_and(|p| !source::is_dialable(p))
            {
                problems.push(source::problem(
                    file,
                    &at(&format!("help_lines[{j}].phone")),
                    "international format, +86 …".into(),
                ));
            }
        }
    }
    if source.cities.is_empty() {
        problems.push(source::problem(file, "cities", "at least one city".into()));
    }
    for (i, signer) in source.notice_signers.iter().enumerate() {
        for (field, expected) in signer_problems(signer) {
            let at = format!("notice_signers[{i}].{field}");
            problems.push(source::problem(file, &at, expected));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(CityList {
        kind: CITY_LIST_KIND.into(),
        version: source.version,
        cities: source.cities,
        notice_signers: source.notice_signers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use homeward_domain::LocalizedText;

    fn key(n: u8) -> SigningKey {
        SigningKey::from_bytes(&[n; 32])
    }

    fn city(id: &str) -> HomeCity {
        HomeCity {
            id: id.into(),
            name: LocalizedText::new(&[(Lang::ZhCn, "温州"), (Lang::En, "Wenzhou")]),
            region: LocalizedText::new(&[(Lang::ZhCn, "浙江省"), (Lang::En, "Zhejiang")]),
            backend: "https://city.example".into(),
            receipt_key: B64.encode(key(7).verifying_key().as_bytes()),
            content_key: hex::encode(key(1).verifying_key().as_bytes()),
            help_lines: vec![],
        }
    }

    fn list(cities: Vec<HomeCity>) -> CityList {
        CityList {
            kind: CITY_LIST_KIND.into(),
            version: 1,
            cities,
            notice_signers: vec![],
        }
    }

    #[test]
    fn a_signed_list_verifies_under_its_key_only() {
        let signed = sign_cities(&list(vec![city("wenzhou")]), &key(1));
        let got = verify_cities(&signed, &key(1).verifying_key()).expect("verifies");
        assert_eq!(got.cities[0].id, "wenzhou");
        assert!(matches!(
            verify_cities(&signed, &key(2).verifying_key()),
            Err(PackError::UnknownKey(_))
        ));
        let mut tampered = String::from_utf8(signed).expect("utf-8");
        tampered = tampered.replacen("\"payload\": \"", "\"payload\": \"ew", 1);
        assert!(verify_cities(tampered.as_bytes(), &key(1).verifying_key()).is_err());
    }

    #[test]
    fn a_catalogue_pack_is_never_taken_for_a_list_of_cities() {
        let pack = crate::bundled().expect("bundled pack");
        let signed = crate::sign_pack(pack.pack(), &key(1));
        assert!(verify_cities(&signed, &key(1).verifying_key()).is_err());
        let mut wrong_kind = list(vec![city("wenzhou")]);
        wrong_kind.kind = "homeward-pack".into();
        let signed = sign_cities(&wrong_kind, &key(1));
        let e = verify_cities(&signed, &key(1).verifying_key()).expect_err("kind");
        assert!(e.to_string().contains("not a list of home cities"), "{e}");
    }

    #[test]
    fn a_signed_list_with_a_bad_city_is_refused_whole() {
        let mut weak = city("fuzhou");
        weak.receipt_key = B64.encode([0u8; 32]);
        let mut no_english = city("fuzhou");
        no_english.name = LocalizedText::new(&[(Lang::ZhCn, "福州")]);
        for bad in [
            vec![city("wenzhou"), city("wenzhou")],
            vec![city("Wenzhou")],
            vec![weak],
            vec![no_english],
        ] {
            let signed = sign_cities(&list(bad.clone()), &key(1));
            assert!(
                verify_cities(&signed, &key(1).verifying_key()).is_err(),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn the_source_needs_https_and_names_each_problem() {
        let dir = std::env::temp_dir().join(format!("homeward-cities-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("cities.toml");
        let mut plain = city("wenzhou");
        plain.backend = "http://city.example".into();
        plain.content_key = "00".into();
        let text = toml::to_string(&CitiesFile2 {
            version: 1,
            cities: vec![plain],
        })
        .expect("toml");
        std::fs::write(&file, text).expect("write");
        let problems = load_cities(&file).expect_err("refused");
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["cities[0].content_key", "cities[0].backend"]);
        std::fs::remove_dir_all(&dir).expect("clean");
    }

    #[derive(serde::Serialize)]
    struct CitiesFile2 {
        version: u64,
        cities: Vec<HomeCity>,
    }

    #[test]
    fn the_bundled_list_is_the_source_signed() {
        let bundled = bundled_cities().expect("the bundled list verifies");
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog/cities.toml");
        assert_eq!(bundled, load_cities(&root).expect("the source is clean"));
    }
}

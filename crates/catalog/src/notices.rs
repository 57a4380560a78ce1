//! Notices: the content team's source for one notice (a TOML file), the checks made of it, and
//! the signed feed the app verifies before it shows anything.

use std::collections::BTreeSet;
use std::path::Path;

use ed25519_dalek::{SigningKey, VerifyingKey};
use homeward_domain::catalog::{GuideId, SignedPack, Source};
use homeward_domain::city::HomeCity;
use homeward_domain::notice::{
    is_country_code, Notice, NoticeFeed, NoticeKind, NoticeSigner, MAX_NOTICES, NOTICE_FEED_KIND,
};
use homeward_domain::{Lang, LocalizedText};
use serde::Deserialize;

use crate::pack::{key_id, open_signed, parse_public_key, seal, PackError};
use crate::source::{self, parse_time, Problem};

/// The longest title, in characters: it is a notification's first line.
pub const MAX_TITLE_CHARS: usize = 120;
/// The longest body, in characters.
pub const MAX_BODY_CHARS: usize = 2_000;

/// One notice as the content team writes it. Times are written as `2026-12-08` (midnight UTC)
/// or `2026-12-08T09:30:00Z`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoticeFile {
    id: String,
    kind: NoticeKind,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    sites: Vec<String>,
    #[serde(default)]
    guides: Vec<GuideId>,
    valid_from: String,
    valid_until: String,
    title: LocalizedText,
    body: LocalizedText,
    #[serde(default)]
    source: Option<Source>,
}

/// What is wrong with a notice, as (field, what is expected): the same checks for the source
/// file and for every notice in a feed the app receives.
pub fn notice_problems(n: &Notice) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    let mut push = |field: &str, expected: &str| problems.push((field.into(), expected.into()));
    if !GuideId::is_valid(&n.id) || n.id.len() > 80 {
        push("id", "lower-case letters, digits and -, at most 80");
    }
    if n.countries.iter().any(|c| !is_country_code(c)) {
        push("countries", "ISO country codes such as IT");
    }
    if n.sites.iter().any(|s| !GuideId::is_valid(s)) {
        push("sites", "liaison site ids such as milan");
    }
    if n.guides.iter().any(|g| !GuideId::is_valid(&g.0)) {
        push("guides", "guide ids such as id-card-renewal");
    }
    if n.valid_until <= n.valid_from {
        push("valid_until", "a time after valid_from");
    }
    for (field, text, max) in [
        ("title", &n.title, MAX_TITLE_CHARS),
        ("body", &n.body, MAX_BODY_CHARS),
    ] {
        for lang in Lang::ALL {
            if !text.has(lang) {
                push(&format!("{field}.{lang}"), "a text in every language");
            } else if text.get(lang).chars().count() > max {
                push(
                    &format!("{field}.{lang}"),
                    &format!("at most {max} characters"),
                );
            }
        }
    }
    if let Some(s) = &n.source {
        if s.title.trim().is_empty() || !source::is_web_address(&s.url) {
            push(
                "source",
                "a title and the https:// address it is published at",
            );
        }
    }
    problems
}

/// Reads and checks one notice's source file, or lists every problem found.
pub fn load_notice(file: &Path) -> Result<Notice, Vec<Problem>> {
    let src: NoticeFile = source::read_toml(file).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    let mut time = |field: &str, text: &str| match parse_time(text) {
        Some(t) => t,
        None => {
            problems.push(source::problem(
                file,
                field,
                format!("{text:?} is not a time like 2026-12-08 or 2026-12-08T09:30:00Z"),
            ));
            0
        }
    };
    let valid_from = time("valid_from", &src.valid_from);
    let valid_until = time("valid_until", &src.valid_until);
    let notice = Notice {
        id: src.id,
        kind: src.kind,
        countries: src.countries,
        sites: src.sites,
        guides: src.guides,
        valid_from,
        valid_until,
        title: src.title,
        body: src.body,
        source: src.source,
    };
    for (field, expected) in notice_problems(&notice) {
        problems.push(source::problem(file, &field, expected));
    }
    if problems.is_empty() {
        Ok(notice)
    } else {
        Err(problems)
    }
}

/// Checks a whole feed: its kind, its size, every notice well-formed with an id of its own, and
/// of a kind its signer may publish (`allowed`, all kinds for a city).
fn check_feed(feed: &NoticeFeed, allowed: &[NoticeKind]) -> Result<(), PackError> {
    if feed.kind != NOTICE_FEED_KIND {
        return Err(PackError::Malformed("this is not a notices feed".into()));
    }
    if feed.notices.len() > MAX_NOTICES {
        return Err(PackError::Malformed(format!(
            "more than {MAX_NOTICES} notices"
        )));
    }
    let mut ids = BTreeSet::new();
    for n in &feed.notices {
        if let Some((field, expected)) = notice_problems(n).into_iter().next() {
            return Err(PackError::Malformed(format!(
                "notice {}: {field}: expected {expected}",
                n.id
            )));
        }
        if !ids.insert(n.id.as_str()) {
            return Err(PackError::Malformed(format!(
                "notice {} is listed twice",
                n.id
            )));
        }
        if !allowed.contains(&n.kind) {
            return Err(PackError::Malformed(format!(
                "notice {}: its signer may not publish a {}",
                n.id,
                n.kind.slug()
            )));
        }
    }
    Ok(())
}

/// Checks a signed feed against `trusted`, which may sign notices of the `allowed` kinds only.
pub fn verify_feed(
    signed: &SignedPack,
    trusted: &VerifyingKey,
    allowed: &[NoticeKind],
) -> Result<NoticeFeed, PackError> {
    let payload = open_signed(signed, trusted)?;
    let feed: NoticeFeed =
        serde_json::from_slice(&payload).map_err(|e| PackError::Malformed(e.to_string()))?;
    check_feed(&feed, allowed)?;
    Ok(feed)
}

/// A key trusted to sign notices, and the kinds it may publish.
#[derive(Debug, Clone)]
pub struct TrustedSigner {
    pub key: VerifyingKey,
    pub key_id: String,
    /// The city's name, or the signer's.
    pub name: LocalizedText,
    pub kinds: Vec<NoticeKind>,
}

/// Who may sign notices for `city`'s people: the city's content key, every kind; each signer
/// of `others` (from the list of cities), its kinds only. A key that does not parse is left out.
pub fn trusted_signers(city: &HomeCity, others: &[NoticeSigner]) -> Vec<TrustedSigner> {
    let city_key = parse_public_key(&city.content_key)
        .ok()
        .map(|key| (key, city.name.clone(), NoticeKind::ALL.to_vec()));
    let others = others.iter().filter_map(|s| {
        parse_public_key(&s.key)
            .ok()
            .map(|key| (key, s.name.clone(), s.kinds.clone()))
    });
    city_key
        .into_iter()
        .chain(others)
        .map(|(key, name, kinds)| TrustedSigner {
            key_id: key_id(&key),
            key,
            name,
            kinds,
        })
        .collect()
}

/// Checks a signed feed against the signer its key id names among `trusted`.
pub fn verify_trusted(
    signed: &SignedPack,
    trusted: &[TrustedSigner],
) -> Result<(NoticeFeed, usize), PackError> {
    let (i, signer) = trusted
        .iter()
        .enumerate()
        .find(|(_, t)| t.key_id == signed.key_id)
        .ok_or_else(|| PackError::UnknownKey(signed.key_id.clone()))?;
    Ok((verify_feed(signed, &signer.key, &signer.kinds)?, i))
}

/// Signs a feed; the same feed and key always give the same envelope.
pub fn sign_feed(feed: &NoticeFeed, key: &SigningKey) -> Result<SignedPack, PackError> {
    let payload = serde_json::to_vec(feed).map_err(|e| PackError::Malformed(e.to_string()))?;
    serde_json::from_slice(&seal(&payload, key)).map_err(|e| PackError::Malformed(e.to_string()))
}

/// `current` with `notice` added (or put in place of the one with its id) and every notice
/// expired at `now` dropped, as the next version, signed at `now`.
pub fn publish(
    current: Option<NoticeFeed>,
    notice: Option<Notice>,
    withdraw: Option<&str>,
    now: i64,
) -> NoticeFeed {
    let mut feed = current.unwrap_or_else(|| NoticeFeed {
        kind: NOTICE_FEED_KIND.into(),
        version: 0,
        published: now,
        notices: vec![],
    });
    feed.notices.retain(|n| {
        n.valid_until > now
            && notice.as_ref().is_none_or(|new| new.id != n.id)
            && withdraw.is_none_or(|id| id != n.id)
    });
    feed.notices.extend(notice);
    feed.notices
        .sort_by(|a, b| b.valid_from.cmp(&a.valid_from).then(a.id.cmp(&b.id)));
    feed.version += 1;
    feed.published = now;
    feed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    /// `s` as the text in every language.
    fn text(s: &str) -> LocalizedText {
        LocalizedText::new(&Lang::ALL.map(|l| (l, s)))
    }

    fn notice(id: &str, kind: NoticeKind, until: i64) -> Notice {
        Notice {
            id: id.into(),
            kind,
            countries: vec!["IT".into()],
            sites: vec![],
            guides: vec![],
            valid_from: 0,
            valid_until: until,
            title: text("title"),
            body: text("body"),
            source: None,
        }
    }

    #[test]
    fn times_are_read_as_utc_dates_or_instants() {
        assert_eq!(parse_time("1970-01-01"), Some(0));
        assert_eq!(parse_time("2026-12-08"), Some(1_796_688_000));
        assert_eq!(
            parse_time("2026-12-08T09:30:00Z"),
            Some(1_796_688_000 + 34_200)
        );
        assert_eq!(parse_time("2024-02-29T00:00Z"), Some(1_709_164_800));
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-12-08T24:00:00Z",
            "2026-12-08T09:30:00",
            "08/12/2026",
            "",
            "2026-12-08T09:30:00+01:00",
            "+2026-12-08",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_feed_verifies_under_its_key_and_for_the_kinds_its_signer_may_publish() {
        let feed = publish(
            None,
            Some(notice("strike", NoticeKind::SafetyAlert, 100)),
            None,
            1,
        );
        let signed = sign_feed(&feed, &key(1)).unwrap();
        let all = NoticeKind::ALL;
        assert_eq!(
            verify_feed(&signed, &key(1).verifying_key(), &all).unwrap(),
            feed
        );
        assert!(matches!(
            verify_feed(&signed, &key(2).verifying_key(), &all),
            Err(PackError::UnknownKey(_))
        ));
        let alerts = [NoticeKind::SafetyAlert];
        assert!(verify_feed(&signed, &key(1).verifying_key(), &alerts).is_ok());
        let closure = publish(
            Some(feed),
            Some(notice("milan", NoticeKind::SiteClosure, 100)),
            None,
            2,
        );
        let signed = sign_feed(&closure, &key(1)).unwrap();
        let refused = verify_feed(&signed, &key(1).verifying_key(), &alerts).unwrap_err();
        assert!(refused.to_string().contains("may not publish"), "{refused}");
    }

    #[test]
    fn a_tampered_feed_is_refused() {
        let feed = publish(
            None,
            Some(notice("strike", NoticeKind::SafetyAlert, 100)),
            None,
            1,
        );
        let mut signed = sign_feed(&feed, &key(1)).unwrap();
        use base64::Engine as _;
        let b64 = base64::engine::general_purpose::STANDARD;
        let payload = String::from_utf8(b64.decode(&signed.payload).unwrap())
            .unwrap()
            .replace("\"IT\"", "\"FR\"");
        signed.payload = b64.encode(payload);
        assert_eq!(
            verify_feed(&signed, &key(1).verifying_key(), &NoticeKind::ALL),
            Err(PackError::BadSignature)
        );
    }

    #[test]
    fn publishing_replaces_by_id_withdraws_and_drops_what_expired() {
        let first = publish(
            None,
            Some(notice("a", NoticeKind::ServiceChange, 100)),
            None,
            1,
        );
        let second = publish(
            Some(first),
            Some(notice("b", NoticeKind::ServiceChange, 50)),
            None,
            2,
        );
        assert_eq!(second.version, 2);
        let mut changed = notice("a", NoticeKind::ServiceChange, 300);
        changed.title = text("changed");
        let third = publish(Some(second), Some(changed), None, 60);
        let ids: Vec<&str> = third.notices.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["a"], "b expired at 50, a was replaced");
        assert_eq!(third.notices[0].title, text("changed"));
        let fourth = publish(Some(third), None, Some("a"), 61);
        assert!(fourth.notices.is_empty());
        assert_eq!(fourth.version, 4);
    }

    #[test]
    fn a_notice_without_every_language_or_with_an_end_before_its_start_is_refused() {
        let mut n = notice("x", NoticeKind::SafetyAlert, 100);
        n.title = LocalizedText::new(&[(Lang::ZhCn, "只有中文")]);
        n.valid_from = 200;
        n.countries = vec!["Italy".into()];
        let fields: Vec<String> = notice_problems(&n).into_iter().map(|(f, _)| f).collect();
        let mut expected = vec!["countries".to_owned(), "valid_until".to_owned()];
        expected.extend(
            Lang::ALL
                .iter()
                .filter(|l| **l != Lang::ZhCn)
                .map(|l| format!("title.{l}")),
        );
        assert_eq!(fields, expected);
    }
}

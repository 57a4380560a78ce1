//! App installations for cross-crate tests: opened on a directory, with the person's answers.

use std::path::Path;

use homeward_core::{Config, Homeward};
use homeward_domain::privacy::ConsentKind;
use homeward_domain::DraftId;

/// An installation in `dir` talking to `url`, whose person has given the consents sending needs.
pub fn open_consented(dir: &Path, url: &str) -> Homeward {
    let core = Homeward::open(&Config::fixed(dir.to_owned(), url).expect("config")).expect("open");
    for kind in ConsentKind::ALL {
        core.set_consent(kind, true).expect("consent");
    }
    core
}

/// The guide the cross-crate tests send when any application will do: a question to the city's
/// 12345 line, which anyone may ask (no identity proof), with an optional picture.
pub const ENQUIRY: &str = "government-service-enquiry";

/// The material question of [`ENQUIRY`]: a related picture or file.
pub const ENQUIRY_ATTACHMENT: &str = "attachment";

/// An enquiry draft with every question answered, with a name beyond the BMP; the caller may
/// attach a picture to [`ENQUIRY_ATTACHMENT`].
pub fn enquiry(core: &Homeward) -> DraftId {
    let draft = core.create_draft(ENQUIRY).expect("draft");
    for (field, value) in [
        ("kind", "help"),
        ("topic", "养老金 pension"),
        ("details", "我在意大利，养老金三个月没有到账。"),
        ("full-name", "王𠀀明"),
        ("phone", "+39 333 123 4567"),
        ("reply-by", "phone"),
    ] {
        let check = core.set_answer(draft.id, field, value).expect("answer");
        assert!(check.valid, "{field}: {check:?}");
    }
    draft.id
}

/// A pension proof-of-life draft with every question answered: a name beyond the BMP, a
/// full-width ID number, and life proven by `method` (`face`, or `certificate`, whose photo the
/// caller attaches to `life-certificate`). The service needs the person's documents reviewed:
/// see [`attested_in_person`].
pub fn proof_of_life(core: &Homeward, method: &str) -> DraftId {
    let draft = core.create_draft("pension-proof-of-life").expect("draft");
    for (field, value) in [
        ("full-name", "王𠀀明"),
        ("id-number", "３３０３０２１９９００１０１１２３５"),
        ("country", "Italia"),
        ("method", method),
        ("phone", "+39 333 123 4567"),
    ] {
        core.set_answer(draft.id, field, value).expect("answer");
    }
    draft.id
}

/// The person's profile as the identity tests use it: the details an attestation is bound to.
pub fn profile() -> homeward_domain::privacy::Profile {
    homeward_domain::privacy::Profile {
        name_han: "王小明".into(),
        name_pinyin: "WANG XIAOMING".into(),
        birth_date: "1990-01-01".into(),
        id_number: "330302199001011235".into(),
        passport: "E12345678".into(),
    }
}

/// Every answer of an application to cancel a hukou after settling abroad, with the relative
/// who will go to the counter.
pub const HUKOU_ANSWERS: [(&str, &str); 8] = [
    ("full-name", "王小明"),
    ("id-number", "330302199001011235"),
    ("hukou-address", "浙江省温州市鹿城区五马街 1 号"),
    ("settled-country", "Italia"),
    ("settled-since", "2015-03-01"),
    ("relative-name", "王大明"),
    ("relative-id-number", "330324198506150074"),
    ("relative-phone", "+86 138 0013 8000"),
];

/// A draft cancelling a hukou after settling abroad, every question answered: a service that
/// needs identity verified in person (or by video).
pub fn hukou_cancellation(core: &Homeward) -> DraftId {
    let draft = core
        .create_draft("hukou-cancel-settled-abroad")
        .expect("draft");
    for (field, value) in HUKOU_ANSWERS {
        let check = core.set_answer(draft.id, field, value).expect("saved");
        assert!(check.valid, "{field}: {check:?}");
    }
    draft.id
}

/// Gives the person of `core` the standard profile and an attestation of it, signed by `site`
/// as liaison site `site_id`, as a volunteer would face to face.
pub fn attested_in_person(core: &Homeward, site: &ed25519_dalek::SigningKey, site_id: &str) {
    core.set_profile(&profile()).expect("profile");
    attested_as_they_are(core, site, site_id);
}

/// The person, with the details already on the device, proven in person at `site_id`.
pub fn attested_as_they_are(core: &Homeward, site: &ed25519_dalek::SigningKey, site_id: &str) {
    use homeward_domain::identity::{
        profile_digest, public_key_b64, validity_days, Attestation, DocumentKind, IssuerKind,
        ProofRequest,
    };
    let request = ProofRequest::decode(&core.proof_request().expect("request").text)
        .expect("a proof request");
    let now = crate::probe::now_ms();
    let level = homeward_domain::catalog::IdentityLevel::OnsiteAttended;
    let token = Attestation {
        id: uuid::Uuid::now_v7(),
        subject_key: request.device_key,
        profile_digest: profile_digest(&request.profile),
        level,
        issuer_kind: IssuerKind::Site,
        issuer_id: site_id.into(),
        signer_key: public_key_b64(site),
        documents: vec![DocumentKind::Passport],
        issued_at: now,
        expires_at: now + validity_days(level) * 86_400_000,
    }
    .seal(site);
    core.add_attestation(&token).expect("attestation taken");
}

/// A complete enquiry with a photo that differs per `n` (so none is deduplicated); every
/// twentieth photo takes several upload chunks.
pub fn enquiry_with_photo(core: &Homeward, n: usize) -> DraftId {
    let draft = enquiry(core);
    let n = u32::try_from(n).expect("a small number");
    let (w, h) = if n.is_multiple_of(20) {
        (1600 + n, 1200)
    } else {
        (320 + n, 240)
    };
    let photo = homeward_core::materials::fixtures::phone_photo(w, h);
    core.add_material(draft, ENQUIRY_ATTACHMENT, &format!("photo-{n}.jpg"), &photo)
        .expect("photo");
    draft
}

/// Runs the futures side by side on this task (several apps syncing at once).
pub async fn join_all<F: std::future::Future + Unpin>(mut futures: Vec<F>) -> Vec<F::Output> {
    use std::task::Poll;
    let mut results: Vec<Option<F::Output>> = futures.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut done = true;
        for (i, f) in futures.iter_mut().enumerate() {
            if results[i].is_none() {
                match std::pin::Pin::new(f).poll(cx) {
                    Poll::Ready(v) => results[i] = Some(v),
                    Poll::Pending => done = false,
                }
            }
        }
        if done {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    results.into_iter().map(|r| r.expect("finished")).collect()
}

/// How many items in these apps' outboxes are not yet delivered.
pub fn undelivered(cores: &[Homeward]) -> usize {
    cores
        .iter()
        .map(|c| {
            c.outbox()
                .expect("the outbox")
                .iter()
                .filter(|i| {
                    !matches!(
                        i.state,
                        homeward_domain::sync::OutboxState::Delivered { .. }
                    )
                })
                .count()
        })
        .sum()
}

/// The last failures of the items not yet delivered, each with how many items it holds back:
/// what a test that gives up on delivery reports.
pub fn why_undelivered(cores: &[Homeward]) -> std::collections::BTreeMap<String, usize> {
    use homeward_domain::sync::OutboxState;
    let mut why = std::collections::BTreeMap::new();
    for core in cores {
        for item in core.outbox().expect("the outbox") {
            let reason = match item.state {
                OutboxState::Delivered { .. } => continue,
                OutboxState::Waiting { last_error, .. } => {
                    last_error.unwrap_or_else(|| "never tried".into())
                }
                OutboxState::Sending => "sending".into(),
                OutboxState::SetAside { error, .. } => format!("set aside: {error}"),
            };
            *why.entry(reason).or_insert(0) += 1;
        }
    }
    why
}

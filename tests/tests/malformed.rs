//! Every parser of what arrives from outside, fed seeded mutations of valid input (bytes
//! flipped, cut, repeated, spliced): sealed attestations and letters, the proof-request code a
//! volunteer scans, signed-request headers, signed catalogue packs, and pictures of QR codes.
//! Each must answer (accept or refuse) and never panic. Bounded: a few thousand cases each, the
//! same every run.

use ed25519_dalek::SigningKey;
use homeward_domain::catalog::{GuideId, IdentityLevel};
use homeward_domain::identity::{
    public_key_b64, Attestation, Delegation, DocumentKind, IssuerKind, ProofRequest,
};
use homeward_domain::wire::{self, Method};
use rand::rngs::StdRng;
use rand::{Rng as _, SeedableRng as _};

/// A mutation of `input`: a byte changed, a run cut out, a run repeated, or two cut points
/// joined, chosen by `rng`.
fn mutate(rng: &mut StdRng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..rng.gen_range(1..4) {
        if out.is_empty() {
            out.push(rng.r#gen());
            continue;
        }
        let i = rng.gen_range(0..out.len());
        let j = rng.gen_range(i..=out.len().min(i + 64));
        match rng.gen_range(0..5) {
            0 => out[i] = rng.r#gen(),
            1 => out[i] ^= 1 << rng.gen_range(0..8),
            2 => {
                out.drain(i..j);
            }
            3 => {
                let run = out[i..j].to_vec();
                out.splice(i..i, run);
            }
            _ => out.truncate(i),
        }
    }
    out
}

/// `cases` mutations of `valid`, as text where they still are text.
fn texts(seed: u64, valid: &str, cases: usize) -> impl Iterator<Item = String> {
    let mut rng = StdRng::seed_from_u64(seed);
    let valid = valid.as_bytes().to_vec();
    (0..cases).map(move |_| String::from_utf8_lossy(&mutate(&mut rng, &valid)).into_owned())
}

#[test]
fn sealed_tokens_and_scanned_codes_refuse_what_was_altered_and_never_panic() {
    let site = SigningKey::from_bytes(&[3; 32]);
    let device = SigningKey::from_bytes(&[4; 32]);
    let attestation = Attestation {
        id: uuid::Uuid::from_u128(1),
        subject_key: public_key_b64(&device),
        profile_digest: "digest".into(),
        level: IdentityLevel::OnsiteAttended,
        issuer_kind: IssuerKind::Site,
        issuer_id: "prato".into(),
        signer_key: public_key_b64(&site),
        documents: vec![DocumentKind::Passport],
        issued_at: 1,
        expires_at: 2,
    }
    .seal(&site);
    let letter = Delegation {
        id: uuid::Uuid::from_u128(2),
        principal_key: public_key_b64(&device),
        principal_name: "王𠀀明".into(),
        principal_document: "E12345678".into(),
        agent_name: "王大明".into(),
        agent_id_number: "330324198506150074".into(),
        guides: vec![GuideId("hukou-cancellation".into())],
        valid_from: 1,
        valid_until: 2,
        issued_at: 1,
        principal: None,
        proof: Some(attestation.clone()),
    }
    .seal(&device);
    assert!(Attestation::open(&attestation).is_some());
    assert!(Delegation::open(&letter).is_some());
    let mut opened = 0;
    for token in texts(1, &attestation, 4000) {
        if let Some(a) = Attestation::open(&token) {
            // Only a token whose signed content is unchanged opens.
            assert_eq!(Some(a), Attestation::open(&attestation), "{token}");
            opened += 1;
        }
    }
    for token in texts(2, &letter, 4000) {
        if let Some(d) = Delegation::open(&token) {
            assert_eq!(Some(d), Delegation::open(&letter), "{token}");
            opened += 1;
        }
    }
    eprintln!("8,000 altered tokens: {opened} still opened (a change outside what is signed)");
    let profile = homeward_tests::installation::profile();
    let code = ProofRequest {
        device_key: public_key_b64(&device),
        profile_digest: homeward_domain::identity::profile_digest(&profile),
        profile,
    }
    .encode();
    assert!(ProofRequest::decode(&code).is_some());
    for text in texts(3, &code, 4000) {
        let _ = ProofRequest::decode(&text);
    }
}

#[test]
fn signed_request_headers_with_anything_in_them_are_refused_without_a_panic() {
    let device = SigningKey::from_bytes(&[5; 32]);
    let body = br#"{"public_key":"x"}"#;
    let request = wire::Request {
        method: Method::Post,
        target: "/v1/submissions",
        binding: "key-1",
        body,
    };
    let now = 1_800_000_000;
    // The idempotency key travels apart (the route reads it); what is signed is checked here.
    let mut headers = wire::sign(&device, &request, now);
    headers.retain(|(name, _)| *name != wire::header::IDEMPOTENCY_KEY);
    let mut rng = StdRng::seed_from_u64(4);
    let mut accepted = 0;
    for _ in 0..4000 {
        let mutated: Vec<(&str, String)> = headers
            .iter()
            .map(|(name, value)| {
                let value = if rng.gen_bool(0.5) {
                    String::from_utf8_lossy(&mutate(&mut rng, value.as_bytes())).into_owned()
                } else {
                    value.clone()
                };
                (*name, value)
            })
            .collect();
        let get = |name: &str| {
            mutated
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.as_str())
        };
        let Ok(presented) = wire::Presented::from_headers(get) else {
            continue;
        };
        let Ok(key) = presented.check_body(body) else {
            continue;
        };
        if presented.check_signature(&key, &request, now).is_ok() {
            accepted += 1;
            // Only the very headers signed verify (a key may carry spaces around it).
            for ((name, sent), (_, original)) in mutated.iter().zip(&headers) {
                assert_eq!(
                    if *name == wire::header::KEY {
                        sent.trim()
                    } else {
                        sent.as_str()
                    },
                    original,
                    "{name} was altered and still verified"
                );
            }
        }
    }
    eprintln!("4,000 altered header sets: {accepted} verified");
}

#[test]
fn an_altered_catalogue_pack_is_refused_and_a_damaged_picture_read_without_a_panic() {
    let trusted = homeward_core::catalog::trusted_key().unwrap();
    let pack = homeward_core::catalog::BUNDLED_PACK;
    assert!(homeward_core::catalog::verify(pack, &trusted).is_ok());
    let mut rng = StdRng::seed_from_u64(5);
    for _ in 0..300 {
        let altered = mutate(&mut rng, pack);
        if altered != pack {
            assert!(
                homeward_core::catalog::verify(&altered, &trusted).is_err(),
                "an altered pack verified"
            );
        }
    }
    let photo = homeward_core::materials::fixtures::phone_photo(320, 240);
    for _ in 0..200 {
        let _ = homeward_core::identity::read_qr_image(&mutate(&mut rng, &photo));
    }
}

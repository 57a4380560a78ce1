use homeward_domain::{Lang, LocalizedText};

use super::*;

fn pack(version: u64) -> CataloguePack {
    let mut pack = bundled().expect("bundled pack verifies").into_pack();
    pack.version = version;
    pack.notice = LocalizedText::new(&[(Lang::ZhCn, "测试"), (Lang::En, "test")]);
    pack
}

fn key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

#[test]
fn a_well_signed_pack_verifies() {
    let signed = sign_pack(&pack(5), &key(1));
    let verified = verify(&signed, &key(1).verifying_key()).expect("verifies");
    assert_eq!(verified.version(), 5);
    assert_eq!(verified.signed_bytes(), signed.as_slice());
}

#[test]
fn signing_is_deterministic() {
    assert_eq!(sign_pack(&pack(5), &key(1)), sign_pack(&pack(5), &key(1)));
}

#[test]
fn a_truncated_pack_is_refused() {
    let signed = sign_pack(&pack(5), &key(1));
    for cut in [0, 1, 5, COMPACT_HEADER - 1] {
        let err = verify(&signed[..cut], &key(1).verifying_key()).expect_err("truncated");
        assert!(
            matches!(err, PackError::Malformed(_)),
            "cut at {cut}: {err:?}"
        );
    }
    for cut in [COMPACT_HEADER, signed.len() / 2, signed.len() - 3] {
        let err = verify(&signed[..cut], &key(1).verifying_key()).expect_err("truncated");
        assert_eq!(err, PackError::BadSignature, "cut at {cut}");
    }
}

#[test]
fn a_tampered_pack_is_refused_before_it_is_decompressed() {
    let signed = sign_pack(&pack(5), &key(1));
    for at in [COMPACT_HEADER, signed.len() / 2, signed.len() - 1] {
        let mut tampered = signed.clone();
        tampered[at] ^= 0x20;
        let err = verify(&tampered, &key(1).verifying_key()).expect_err("tampered");
        assert_eq!(err, PackError::BadSignature, "byte {at} changed");
    }
}

#[test]
fn a_pack_that_would_decompress_past_the_limit_is_refused() {
    let huge = vec![b' '; usize::try_from(MAX_PACK_JSON).expect("fits") + 1];
    let mut body = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 1,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut huge.as_slice(), &mut body, &params).expect("compressed");
    assert!(body.len() < 1 << 20, "{} bytes", body.len());
    assert!(matches!(inflate(&body), Err(PackError::Malformed(_))));
}

#[test]
fn a_pack_kept_in_the_first_layout_is_still_read() {
    let pack = pack(5);
    let pretty = serde_json::to_vec_pretty(&pack).expect("json");
    let enveloped = seal(&pretty, &key(1));
    assert!(!is_compact(&enveloped));
    let verified = verify(&enveloped, &key(1).verifying_key()).expect("verifies");
    assert!(verified.pack() == &pack);
    let (id, unverified) = read_unverified(&enveloped).expect("reads");
    assert_eq!(id, key_id(&key(1).verifying_key()));
    assert_eq!(unverified.version, 5);
    // Its signature is checked just the same.
    let mut envelope: SignedPack = serde_json::from_slice(&enveloped).expect("envelope");
    let mut payload = B64.decode(&envelope.payload).expect("payload");
    let at = payload
        .windows(4)
        .position(|w| w == b"Free")
        .expect("an English fee to change");
    payload[at..at + 4].copy_from_slice(b"9999");
    envelope.payload = B64.encode(&payload);
    let tampered = serde_json::to_vec(&envelope).expect("json");
    let err = verify(&tampered, &key(1).verifying_key()).expect_err("tampered");
    assert_eq!(err, PackError::BadSignature);
}

#[test]
fn a_compact_pack_is_a_fraction_of_its_json() {
    let pack = pack(5);
    let signed = sign_pack(&pack, &key(1));
    let json = encode_pack(&pack);
    assert!(is_compact(&signed));
    assert!(
        signed.len() * 4 < json.len(),
        "{} bytes signed of {} bytes of JSON",
        signed.len(),
        json.len()
    );
    let (id, read) = read_unverified(&signed).expect("reads");
    assert_eq!(id, key_id(&key(1).verifying_key()));
    assert!(read == pack);
}

#[test]
fn a_pack_signed_by_another_key_is_refused() {
    let signed = sign_pack(&pack(5), &key(2));
    let err = verify(&signed, &key(1).verifying_key()).expect_err("wrong key");
    assert!(matches!(err, PackError::UnknownKey(_)), "{err:?}");

    // Claiming the trusted key's id does not help: the signature itself is checked.
    let mut forged = signed.clone();
    forged[5..13].copy_from_slice(&key_id_bytes(&key(1).verifying_key()));
    assert_eq!(
        verify(&forged, &key(1).verifying_key()).expect_err("forged"),
        PackError::BadSignature
    );
}

#[test]
fn an_older_or_equal_pack_is_not_taken_as_an_update() {
    let trusted = key(1).verifying_key();
    let older = sign_pack(&pack(4), &key(1));
    let same = sign_pack(&pack(5), &key(1));
    let newer = sign_pack(&pack(6), &key(1));
    assert_eq!(
        verify_update(&older, &trusted, 5).expect_err("older"),
        PackError::NotNewer {
            offered: 4,
            current: 5
        }
    );
    assert!(matches!(
        verify_update(&same, &trusted, 5),
        Err(PackError::NotNewer { .. })
    ));
    assert_eq!(
        verify_update(&newer, &trusted, 5).expect("newer").version(),
        6
    );
}

#[test]
fn a_pack_of_an_unknown_format_is_refused() {
    let signed = sign_pack(&pack(5), &key(1));
    let mut future = signed.clone();
    future[COMPACT_MAGIC.len()] = 99;
    assert_eq!(
        verify(&future, &key(1).verifying_key()).expect_err("format"),
        PackError::UnsupportedFormat(99)
    );
}

#[test]
fn the_bundled_pack_is_signed_by_the_trusted_key() {
    let verified = bundled().expect("bundled pack verifies with the compiled-in key");
    assert!(!verified.pack().guides.is_empty());
}

//! Signed packs: the one bundled with the app, and newer ones from the backend.
//!
//! The app only ever uses a [`VerifiedPack`]: one whose signature by the city's content key was
//! checked. Bytes from the network or the disk are not a catalogue until they pass [`verify`].
//!
//! A pack is written compact: the magic `HWPK`, the layout's version (2), the signing key's id
//! (8 bytes), the Ed25519 signature (64 bytes) over everything after it, then the pack's JSON
//! without indentation, compressed with brotli. The signature covers the compressed bytes, so a
//! pack is checked before a byte of it is decompressed. Packs of the first layout (a JSON
//! envelope around base64 of pretty JSON, as packs before 2026-12 were kept on devices) are
//! still read.

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use homeward_domain::catalog::{SignedPack, ENVELOPE_FORMAT, PACK_FORMAT};
use homeward_domain::CataloguePack;
use sha2::{Digest as _, Sha256};

/// The signed pack compiled into this build, made from `catalog/` by `homeward catalog pack`.
pub const BUNDLED_PACK: &[u8] = include_bytes!("../../../catalog/pack.signed");

/// Every home city's signed pack compiled into this build, by city id: each made from its own
/// directory (`catalog/`, `catalog/fuzhou/`) and signed with that city's content key.
pub const BUNDLED_PACKS: &[(&str, &[u8])] = &[
    ("wenzhou", BUNDLED_PACK),
    (
        "fuzhou",
        include_bytes!("../../../catalog/fuzhou/pack.signed"),
    ),
];

/// The city content key this build trusts, hex-encoded (`catalog/keys/content-key.pub`).
pub const TRUSTED_KEY_HEX: &str = include_str!("../../../catalog/keys/content-key.pub");

/// The public half of the sample content key, whose secret half is in the repository for all to
/// see (`catalog/keys/sample-content-key.secret`): anyone can sign a catalogue with it.
pub const SAMPLE_KEY_HEX: &str = "52fccf482db56a8bf2df98bf1df051ca15457bf6faf51640eaa6662e531ef956";

/// Whether this build was asked for as a demo (`HOMEWARD_DEMO_BUILD` set when it was compiled,
/// as `cargo xtask` does for its release builds): only a demo may ship trusting the sample key.
pub const DEMO_BUILD: bool = option_env!("HOMEWARD_DEMO_BUILD").is_some();

/// Whether two strings are equal once trimmed of ASCII whitespace, at compile time.
const fn same_key(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim_ascii().as_bytes(), b.trim_ascii().as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether this build trusts the sample key, which signs nothing a city published.
pub const TRUSTS_SAMPLE_KEY: bool = same_key(TRUSTED_KEY_HEX, SAMPLE_KEY_HEX);

// A release build that trusts the public sample key would take a catalogue signed by anyone:
// it is refused unless asked for as a demo. Debug builds (development, tests) may.
const _: () = assert!(
    cfg!(debug_assertions) || DEMO_BUILD || !TRUSTS_SAMPLE_KEY,
    "this release build would trust the public sample content key: put the city's key in \
     catalog/keys/content-key.pub (see README, The signed catalogue), or build as a demo with \
     HOMEWARD_DEMO_BUILD=1"
);

/// Why a pack was not accepted. Each is its own case so the app can say which, and tests can
/// check each.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PackError {
    #[error("the pack is not well-formed (truncated or damaged): {0}")]
    Malformed(String),
    #[error("the pack's format {0} is not one this build reads")]
    UnsupportedFormat(u32),
    #[error("the pack is signed by an unknown key {0}")]
    UnknownKey(String),
    #[error("the pack's signature does not match its content")]
    BadSignature,
    #[error("the pack (version {offered}) is not newer than the one in use (version {current})")]
    NotNewer { offered: u64, current: u64 },
}

/// A catalogue whose signature has been checked; the only kind the app shows.
#[derive(Debug, Clone)]
pub struct VerifiedPack {
    pack: CataloguePack,
    signed: Vec<u8>,
}

impl VerifiedPack {
    pub fn pack(&self) -> &CataloguePack {
        &self.pack
    }

    pub fn into_pack(self) -> CataloguePack {
        self.pack
    }

    /// The signed bytes, for keeping as the last good pack.
    pub fn signed_bytes(&self) -> &[u8] {
        &self.signed
    }

    pub fn version(&self) -> u64 {
        self.pack.version
    }
}

/// The first bytes of a compact signed pack.
pub const COMPACT_MAGIC: &[u8; 4] = b"HWPK";

/// The version of the compact layout, the byte after [`COMPACT_MAGIC`].
const COMPACT_FORMAT: u8 = 2;

/// Magic, layout version, key id, signature: what comes before the compressed pack.
pub const COMPACT_HEADER: usize = COMPACT_MAGIC.len() + 1 + 8 + 64;

/// The most a pack's JSON may decompress to: a guard against a pack (even a signed one) that
/// would fill the phone's memory. Eighty-four guides in six languages take 3 MB.
const MAX_PACK_JSON: u64 = 64 << 20;

/// How hard a published pack is compressed: brotli's best quality, over a 4 MiB window.
/// Packing 84 guides takes several seconds once; every download and install is smaller for it.
const SMALLEST: i32 = 11;

/// How hard a pack made on the fly is compressed: a twentieth of the time, a tenth larger.
const QUICK: i32 = 9;

const BROTLI_WINDOW_BITS: i32 = 22;

/// The short id of a public key, as written in a [`SignedPack`].
pub fn key_id(key: &VerifyingKey) -> String {
    hex::encode(key_id_bytes(key))
}

/// The short id of a public key, as a compact pack carries it: the first 8 bytes of the
/// SHA-256 of the key.
fn key_id_bytes(key: &VerifyingKey) -> [u8; 8] {
    let digest = Sha256::digest(key.as_bytes());
    let mut id = [0u8; 8];
    id.copy_from_slice(&digest[..8]);
    id
}

/// Parses a hex-encoded Ed25519 public key.
pub fn parse_public_key(hex_text: &str) -> Result<VerifyingKey, PackError> {
    let bytes = hex::decode(hex_text.trim()).map_err(|e| PackError::Malformed(e.to_string()))?;
    let arr: [u8; 32] = bytes
        .try_into()
        .map_err(|_| PackError::Malformed("a public key is 32 bytes".into()))?;
    let key = VerifyingKey::from_bytes(&arr).map_err(|e| PackError::Malformed(e.to_string()))?;
    if key.is_weak() {
        return Err(PackError::Malformed("a public key of small order".into()));
    }
    Ok(key)
}

/// The key this build trusts.
pub fn trusted_key() -> Result<VerifyingKey, PackError> {
    parse_public_key(TRUSTED_KEY_HEX)
}

/// Checks a signed envelope's signature against `trusted` and gives its payload.
pub(crate) fn open_envelope(bytes: &[u8], trusted: &VerifyingKey) -> Result<Vec<u8>, PackError> {
    let envelope: SignedPack =
        serde_json::from_slice(bytes).map_err(|e| PackError::Malformed(e.to_string()))?;
    open_signed(&envelope, trusted)
}

/// Checks an envelope's signature against `trusted` and gives its payload.
pub(crate) fn open_signed(
    envelope: &SignedPack,
    trusted: &VerifyingKey,
) -> Result<Vec<u8>, PackError> {
    if envelope.format != ENVELOPE_FORMAT {
        return Err(PackError::UnsupportedFormat(envelope.format));
    }
    if envelope.key_id != key_id(trusted) {
        return Err(PackError::UnknownKey(envelope.key_id.clone()));
    }
    let payload = B64
        .decode(envelope.payload.as_bytes())
        .map_err(|e| PackError::Malformed(e.to_string()))?;
    let sig_bytes = B64
        .decode(envelope.signature.as_bytes())
        .map_err(|e| PackError::Malformed(e.to_string()))?;
    let signature = Signature::from_slice(&sig_bytes).map_err(|_| PackError::BadSignature)?;
    trusted
        .verify_strict(&payload, &signature)
        .map_err(|_| PackError::BadSignature)?;
    Ok(payload)
}

/// Signs `payload` into an envelope. Ed25519 signatures are deterministic, so the same payload
/// and key always give the same file.
pub(crate) fn seal(payload: &[u8], key: &SigningKey) -> Vec<u8> {
    let envelope = SignedPack {
        format: ENVELOPE_FORMAT,
        key_id: key_id(&key.verifying_key()),
        signature: B64.encode(key.sign(payload).to_bytes()),
        payload: B64.encode(payload),
    };
    let mut out = serde_json::to_vec_pretty(&envelope).unwrap_or_default();
    out.push(b'\n');
    out
}

/// Whether `bytes` are laid out as a compact pack (rather than a JSON envelope).
pub fn is_compact(bytes: &[u8]) -> bool {
    bytes.starts_with(COMPACT_MAGIC)
}

/// Splits a compact pack into its key id, its signature and the signed, compressed pack,
/// checking only the layout.
fn compact_parts(bytes: &[u8]) -> Result<([u8; 8], Signature, &[u8]), PackError> {
    if bytes.len() < COMPACT_HEADER {
        return Err(PackError::Malformed("shorter than a pack's header".into()));
    }
    let format = bytes[COMPACT_MAGIC.len()];
    if format != COMPACT_FORMAT {
        return Err(PackError::UnsupportedFormat(format.into()));
    }
    let (header, body) = bytes.split_at(COMPACT_HEADER);
    let mut id = [0u8; 8];
    id.copy_from_slice(&header[5..13]);
    let signature = Signature::from_slice(&header[13..]).map_err(|_| PackError::BadSignature)?;
    Ok((id, signature, body))
}

/// Decompresses a compact pack's body into the pack's JSON, refusing more than
/// [`MAX_PACK_JSON`] bytes.
fn inflate(body: &[u8]) -> Result<Vec<u8>, PackError> {
    use std::io::Read as _;
    let mut json = Vec::with_capacity(body.len().saturating_mul(7));
    brotli::Decompressor::new(body, 64 * 1024)
        .take(MAX_PACK_JSON + 1)
        .read_to_end(&mut json)
        .map_err(|e| PackError::Malformed(format!("the pack does not decompress: {e}")))?;
    if json.len() as u64 > MAX_PACK_JSON {
        return Err(PackError::Malformed(format!(
            "the pack decompresses to more than {MAX_PACK_JSON} bytes"
        )));
    }
    Ok(json)
}

/// Checks a compact pack's signature against `trusted` and gives the pack's JSON.
fn open_compact(bytes: &[u8], trusted: &VerifyingKey) -> Result<Vec<u8>, PackError> {
    let (id, signature, body) = compact_parts(bytes)?;
    if id != key_id_bytes(trusted) {
        return Err(PackError::UnknownKey(hex::encode(id)));
    }
    trusted
        .verify_strict(body, &signature)
        .map_err(|_| PackError::BadSignature)?;
    inflate(body)
}

/// The pack in `bytes` and the id of the key that signed it, **without checking the
/// signature**: for the backend, which serves the pack as the content team signed it and only
/// reads the guides' titles from it. Everything shown to a person goes through [`verify`].
pub fn read_unverified(bytes: &[u8]) -> Result<(String, CataloguePack), PackError> {
    let (id, payload) = if is_compact(bytes) {
        let (id, _, body) = compact_parts(bytes)?;
        (hex::encode(id), inflate(body)?)
    } else {
        let envelope: SignedPack =
            serde_json::from_slice(bytes).map_err(|e| PackError::Malformed(e.to_string()))?;
        let payload = B64
            .decode(envelope.payload.as_bytes())
            .map_err(|e| PackError::Malformed(e.to_string()))?;
        (envelope.key_id, payload)
    };
    Ok((id, parse_pack(&payload)?))
}

/// Parses a pack's JSON, refusing a pack format this build does not read.
fn parse_pack(payload: &[u8]) -> Result<CataloguePack, PackError> {
    let pack: CataloguePack =
        serde_json::from_slice(payload).map_err(|e| PackError::Malformed(e.to_string()))?;
    if pack.format != PACK_FORMAT {
        return Err(PackError::UnsupportedFormat(pack.format));
    }
    Ok(pack)
}

/// Checks a signed pack's signature against `trusted`, then parses it.
pub fn verify(bytes: &[u8], trusted: &VerifyingKey) -> Result<VerifiedPack, PackError> {
    let payload = if is_compact(bytes) {
        open_compact(bytes, trusted)?
    } else {
        open_envelope(bytes, trusted)?
    };
    Ok(VerifiedPack {
        pack: parse_pack(&payload)?,
        signed: bytes.to_vec(),
    })
}

/// Verifies `bytes` and accepts them only as a newer pack than `current_version`.
pub fn verify_update(
    bytes: &[u8],
    trusted: &VerifyingKey,
    current_version: u64,
) -> Result<VerifiedPack, PackError> {
    let candidate = verify(bytes, trusted)?;
    if candidate.version() <= current_version {
        return Err(PackError::NotNewer {
            offered: candidate.version(),
            current: current_version,
        });
    }
    Ok(candidate)
}

/// The bundled pack, verified. It is checked by the test suite, so failing here is a build defect.
pub fn bundled() -> Result<VerifiedPack, PackError> {
    verify(BUNDLED_PACK, &trusted_key()?)
}

/// The pack this build carries for `city`, verified with the city's own content key; `None` for
/// a city this build carries no pack for (its catalogue comes from its backend).
pub fn bundled_for(
    city: &homeward_domain::city::HomeCity,
) -> Result<Option<VerifiedPack>, PackError> {
    let Some((_, bytes)) = BUNDLED_PACKS.iter().find(|(id, _)| *id == city.id) else {
        return Ok(None);
    };
    verify(bytes, &parse_public_key(&city.content_key)?).map(Some)
}

/// The pack's JSON, without indentation: stable for the same sources.
pub fn encode_pack(pack: &CataloguePack) -> Vec<u8> {
    serde_json::to_vec(pack).unwrap_or_default()
}

/// Signs a pack with the content key into a compact pack, compressed as small as brotli can:
/// what `homeward catalog pack` publishes. The same sources and key always give the same file
/// (brotli and Ed25519 are both deterministic).
pub fn publish_pack(pack: &CataloguePack, key: &SigningKey) -> Vec<u8> {
    compact_pack(pack, key, SMALLEST)
}

/// Signs a pack into a compact pack quickly, a little larger than [`publish_pack`]'s: for packs
/// made on the fly, as tests do.
pub fn sign_pack(pack: &CataloguePack, key: &SigningKey) -> Vec<u8> {
    compact_pack(pack, key, QUICK)
}

fn compact_pack(pack: &CataloguePack, key: &SigningKey, quality: i32) -> Vec<u8> {
    let json = encode_pack(pack);
    let mut body = Vec::with_capacity(json.len() / 6);
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: BROTLI_WINDOW_BITS,
        size_hint: json.len(),
        ..Default::default()
    };
    // Writing into memory cannot fail.
    let _ = brotli::BrotliCompress(&mut json.as_slice(), &mut body, &params);
    let mut out = Vec::with_capacity(COMPACT_HEADER + body.len());
    out.extend_from_slice(COMPACT_MAGIC);
    out.push(COMPACT_FORMAT);
    out.extend_from_slice(&key_id_bytes(&key.verifying_key()));
    out.extend_from_slice(&key.sign(&body).to_bytes());
    out.extend_from_slice(&body);
    out
}

/// Reads a content signing key: 64 hex digits (the Ed25519 seed), as `homeward catalog keygen`
/// writes it.
pub fn parse_signing_key(hex_text: &str) -> Result<SigningKey, PackError> {
    let bytes = zeroize::Zeroizing::new(
        hex::decode(hex_text.trim()).map_err(|e| PackError::Malformed(e.to_string()))?,
    );
    let arr: [u8; 32] = bytes
        .as_slice()
        .try_into()
        .map_err(|_| PackError::Malformed("a signing key is 32 bytes".into()))?;
    Ok(SigningKey::from_bytes(&arr))
}

/// A new content key pair: (secret seed hex, public key hex).
pub fn generate_key() -> (zeroize::Zeroizing<String>, String) {
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    (
        zeroize::Zeroizing::new(hex::encode(key.to_bytes())),
        hex::encode(key.verifying_key().as_bytes()),
    )
}

#[cfg(test)]
#[path = "pack_tests.rs"]
mod tests;

#[cfg(test)]
mod sample_key_tests {
    use super::*;

    /// The refusal of release builds names the sample key by its public half: it must be the
    /// one the sample secret makes, or the check would guard nothing.
    #[test]
    fn the_sample_key_named_is_the_one_the_sample_secret_makes() {
        let seed =
            hex::decode(include_str!("../../../catalog/keys/sample-content-key.secret").trim())
                .expect("hex");
        let seed: [u8; 32] = seed.try_into().expect("32 bytes");
        let public = SigningKey::from_bytes(&seed).verifying_key();
        assert_eq!(hex::encode(public.as_bytes()), SAMPLE_KEY_HEX);
        assert!(same_key(" ab\n", "ab") && !same_key("ab", "ac") && !same_key("ab", "abc"));
    }
}

//! The guide catalogue on the device: the pack bundled with the app, packs taken from the backend,
//! and (for the content team's tools) the source files under `catalog/`.

pub mod source;

use homeward_domain::catalog::PACK_FORMAT;
use homeward_domain::CataloguePack;

use crate::error::{CoreError, Result};

/// The pack compiled into this build, produced from `catalog/` by `homeward catalog pack`.
pub const BUNDLED_PACK: &[u8] = include_bytes!("../../../../catalog/pack.json");

/// Parses a pack and refuses formats this build does not understand.
pub fn parse_pack(bytes: &[u8]) -> Result<CataloguePack> {
    let pack: CataloguePack =
        serde_json::from_slice(bytes).map_err(|e| CoreError::Catalogue(e.to_string()))?;
    if pack.format != PACK_FORMAT {
        return Err(CoreError::Catalogue(format!(
            "pack format {} (this build reads {PACK_FORMAT})",
            pack.format
        )));
    }
    Ok(pack)
}

/// The bundled pack. It is checked by the test suite, so failing here is a build defect.
pub fn bundled() -> Result<CataloguePack> {
    parse_pack(BUNDLED_PACK)
}

/// The canonical bytes of a pack: compact JSON, as written to `catalog/pack.json`.
pub fn encode_pack(pack: &CataloguePack) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(pack).unwrap_or_default();
    out.push(b'\n');
    out
}

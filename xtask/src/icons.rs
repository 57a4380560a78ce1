//! The app's icons, every size and format, made from one source: `icons/icon.png` (512 × 512).
//! `cargo xtask icons` writes them; the test command checks that what is committed is what the
//! source makes, so an icon can never be changed in one size only.
//!
//! - PNGs at 32, 128, 256 (also as `128x128@2x`) for Linux and the bundles;
//! - `icon.ico` for Windows: PNG-compressed entries at 16, 24, 32, 48, 64 and 256;
//! - `icon.icns` for macOS: PNG entries from 16 to 512 and their Retina doubles.

use std::path::Path;

use anyhow::{ensure, Context as _};
use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat};

use crate::{root, step};

/// Each file made, and its bytes.
fn made(source: &DynamicImage) -> anyhow::Result<Vec<(&'static str, Vec<u8>)>> {
    let png = |size: u32| -> anyhow::Result<Vec<u8>> {
        let mut out = std::io::Cursor::new(Vec::new());
        source
            .resize_exact(size, size, FilterType::Lanczos3)
            .write_to(&mut out, ImageFormat::Png)?;
        Ok(out.into_inner())
    };
    let mut files = vec![
        ("32x32.png", png(32)?),
        ("128x128.png", png(128)?),
        ("128x128@2x.png", png(256)?),
        ("256x256.png", png(256)?),
    ];

    // ICO: a directory of entries, each a PNG (Windows Vista and later read them).
    let sizes = [16_u32, 24, 32, 48, 64, 256];
    let images: Vec<Vec<u8>> = sizes.iter().map(|s| png(*s)).collect::<Result<_, _>>()?;
    let mut ico = Vec::new();
    ico.extend_from_slice(&[0, 0, 1, 0]);
    ico.extend_from_slice(&u16::try_from(sizes.len())?.to_le_bytes());
    let mut offset = 6 + 16 * sizes.len();
    for (size, bytes) in sizes.iter().zip(&images) {
        // A size of 256 is written as 0.
        let side = u8::try_from(*size).unwrap_or(0);
        ico.extend_from_slice(&[side, side, 0, 0]);
        ico.extend_from_slice(&1_u16.to_le_bytes()); // colour planes
        ico.extend_from_slice(&32_u16.to_le_bytes()); // bits per pixel
        ico.extend_from_slice(&u32::try_from(bytes.len())?.to_le_bytes());
        ico.extend_from_slice(&u32::try_from(offset)?.to_le_bytes());
        offset += bytes.len();
    }
    for bytes in &images {
        ico.extend_from_slice(bytes);
    }
    files.push(("icon.ico", ico));

    // ICNS: typed entries, each a PNG, after an 8-byte header with the whole length.
    let entries: [(&[u8; 4], u32); 10] = [
        (b"icp4", 16),
        (b"icp5", 32),
        (b"icp6", 64),
        (b"ic07", 128),
        (b"ic08", 256),
        (b"ic09", 512),
        (b"ic11", 32),
        (b"ic12", 64),
        (b"ic13", 256),
        (b"ic14", 512),
    ];
    let mut body = Vec::new();
    for (kind, size) in entries {
        let bytes = png(size)?;
        body.extend_from_slice(kind);
        body.extend_from_slice(&u32::try_from(bytes.len() + 8)?.to_be_bytes());
        body.extend_from_slice(&bytes);
    }
    let mut icns = b"icns".to_vec();
    icns.extend_from_slice(&u32::try_from(body.len() + 8)?.to_be_bytes());
    icns.extend_from_slice(&body);
    files.push(("icon.icns", icns));
    Ok(files)
}

/// Writes every icon from the source, or (`check`) fails if a committed one differs from it.
pub fn run(check: bool) -> anyhow::Result<()> {
    step(if check {
        "icons: every size and format is the one the source makes"
    } else {
        "icons: every size and format from icons/icon.png"
    });
    let dir = root().join("icons");
    let source = image::open(dir.join("icon.png")).context("reading icons/icon.png")?;
    ensure!(
        source.width() == 512 && source.height() == 512,
        "icons/icon.png must be 512 × 512"
    );
    for (name, bytes) in made(&source)? {
        let path = dir.join(name);
        if check {
            let committed = std::fs::read(&path).unwrap_or_default();
            ensure!(
                committed == bytes,
                "{} is not what icons/icon.png makes: run `cargo xtask icons`",
                relative(&path)
            );
        } else {
            std::fs::write(&path, bytes)?;
            eprintln!("wrote {}", relative(&path));
        }
    }
    Ok(())
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

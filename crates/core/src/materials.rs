//! Documents a person attaches: photos made legible and small, stripped of their metadata, and
//! PDFs kept as they are. The bytes live in the encrypted store, never as loose files.
//!
//! A photo is decoded, turned upright by its EXIF orientation, scaled to at most
//! [`MAX_SIDE`] pixels on its long side and re-encoded as JPEG. Re-encoding writes only pixels:
//! EXIF (GPS position, camera serial, time) and any other metadata do not survive it. The quality
//! steps down until the file is near [`TARGET_BYTES`], so an upload on a poor connection stays
//! small while text on a document stays readable.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder as _, ImageReader, Limits, RgbImage};
use sha2::{Digest as _, Sha256};

use crate::error::{CoreError, Result};

/// The long side of a stored photo, in pixels: enough to read an ID card or a certificate.
pub const MAX_SIDE: u32 = 2000;
/// The size a photo is brought close to, in bytes.
pub const TARGET_BYTES: usize = 400 * 1024;
/// The largest file accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 30 * 1024 * 1024;

/// A document ready to store.
#[derive(Debug)]
pub struct Prepared {
    pub bytes: Vec<u8>,
    pub mime: &'static str,
    pub dimensions: Option<(u32, u32)>,
    pub sha256: String,
}

fn invalid(reason: &str) -> CoreError {
    CoreError::InvalidInput {
        field: "file",
        reason: reason.to_owned(),
    }
}

/// Prepares an imported file: a photo is compressed and stripped, a PDF kept; anything else is
/// refused with a reason.
pub fn prepare(bytes: &[u8]) -> Result<Prepared> {
    if bytes.is_empty() {
        return Err(invalid("the file is empty"));
    }
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(invalid("the file is larger than 30 MB"));
    }
    if bytes.starts_with(b"%PDF-") {
        return Ok(Prepared {
            bytes: bytes.to_vec(),
            mime: "application/pdf",
            dimensions: None,
            sha256: hex::encode(Sha256::digest(bytes)),
        });
    }
    let (image, orientation) = decode(bytes)?;
    // Quality steps down first; only a photo that is still too large (fine detail everywhere)
    // is also made smaller, never below a size where print stays readable.
    let mut out = vec![];
    let mut dimensions = (0, 0);
    let long_side = image.width().max(image.height());
    for (step, side) in [MAX_SIDE, 1600, 1280].into_iter().enumerate() {
        // A smaller size only helps a photo that is larger than it.
        if step > 0 && side >= long_side {
            break;
        }
        // Scaled before it is turned: the same pixels, a quarter of the work to turn them.
        let scaled = if long_side > side {
            scale_within(&image, side)?
        } else {
            image.clone()
        };
        let mut upright = DynamicImage::ImageRgb8(scaled);
        upright.apply_orientation(orientation);
        let rgb = upright.into_rgb8();
        dimensions = rgb.dimensions();
        if encode_within_target(&rgb, &mut out)? {
            break;
        }
    }
    let sha256 = hex::encode(Sha256::digest(&out));
    Ok(Prepared {
        bytes: out,
        mime: "image/jpeg",
        dimensions: Some(dimensions),
        sha256,
    })
}

/// `image` scaled to fit `side` × `side`, its proportions kept, with a bilinear filter (SIMD).
fn scale_within(image: &RgbImage, side: u32) -> Result<RgbImage> {
    use fast_image_resize::{images::Image, FilterType, PixelType, ResizeAlg, ResizeOptions};
    let (width, height) = image.dimensions();
    let long = width.max(height);
    // Rounded, and never below one pixel: a 1 × 4000 strip stays a strip.
    let fit = |n: u32| -> u32 {
        let scaled = (u64::from(n) * u64::from(side) + u64::from(long) / 2) / u64::from(long);
        u32::try_from(scaled).unwrap_or(side).clamp(1, side)
    };
    let (to_width, to_height) = (fit(width), fit(height));
    let failed =
        |e: &dyn std::fmt::Display| invalid(&format!("the photo could not be scaled: {e}"));
    let src =
        fast_image_resize::images::ImageRef::new(width, height, image.as_raw(), PixelType::U8x3)
            .map_err(|e| failed(&e))?;
    let mut dst = Image::new(to_width, to_height, PixelType::U8x3);
    fast_image_resize::Resizer::new()
        .resize(
            &src,
            &mut dst,
            &ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Bilinear)),
        )
        .map_err(|e| failed(&e))?;
    RgbImage::from_raw(to_width, to_height, dst.into_vec())
        .ok_or_else(|| invalid("the photo could not be scaled"))
}

/// Encodes at falling JPEG qualities until the file is within [`TARGET_BYTES`]; whether it is.
fn encode_within_target(rgb: &RgbImage, out: &mut Vec<u8>) -> Result<bool> {
    let too_large = || invalid("the photo is too large to encode");
    let width = u16::try_from(rgb.width()).map_err(|_| too_large())?;
    let height = u16::try_from(rgb.height()).map_err(|_| too_large())?;
    for quality in [82u8, 72, 62, 52] {
        out.clear();
        jpeg_encoder::Encoder::new(&mut *out, quality)
            .encode(rgb.as_raw(), width, height, jpeg_encoder::ColorType::Rgb)
            .map_err(|e| invalid(&format!("the photo could not be encoded: {e}")))?;
        if out.len() <= TARGET_BYTES {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Decodes a photo with decompression limits, to RGB, and reads its EXIF orientation (applied
/// by the caller after scaling).
fn decode(bytes: &[u8]) -> Result<(RgbImage, Orientation)> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| invalid("the file is not a photo or a PDF"))?;
    if reader.format().is_none() {
        return Err(invalid(
            "the file is not a photo (JPEG, PNG, WebP) or a PDF",
        ));
    }
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| invalid(&format!("the photo cannot be read: {e}")))?;
    let mut limits = Limits::default();
    // 100 megapixels of RGBA: larger than any phone camera, small enough to refuse a bomb.
    limits.max_alloc = Some(400 * 1024 * 1024);
    decoder
        .set_limits(limits)
        .map_err(|e| invalid(&format!("the photo is too large: {e}")))?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let image = DynamicImage::from_decoder(decoder)
        .map_err(|e| invalid(&format!("the photo cannot be read: {e}")))?;
    // A phone's JPEG is RGB already: no copy. Grey, alpha and 16-bit photos are converted.
    Ok((image.into_rgb8(), orientation))
}

/// A small preview for the screen, as JPEG bytes.
pub fn thumbnail(stored: &[u8], mime: &str) -> Option<Vec<u8>> {
    if mime != "image/jpeg" {
        return None;
    }
    let image = image::load_from_memory(stored)
        .ok()?
        .thumbnail(480, 480)
        .to_rgb8();
    let mut out = vec![];
    JpegEncoder::new_with_quality(&mut out, 70)
        .encode_image(&image)
        .ok()?;
    Some(out)
}

/// Photos made for tests and benchmarks: a document photographed by a phone.
pub mod fixtures {
    use image::codecs::jpeg::JpegEncoder;

    /// A JPEG with an EXIF block that carries GPS coordinates and an orientation of 6 (rotate
    /// 90° clockwise), as phones write them.
    pub fn phone_photo(width: u32, height: u32) -> Vec<u8> {
        let mut pixels = image::RgbImage::new(width, height);
        for (x, y, p) in pixels.enumerate_pixels_mut() {
            // A document on a table: paper with soft light, and lines of dark strokes like text.
            let light = 200 + ((x / 40 + y / 60) % 40) as u8;
            let in_line = (y / 24) % 3 != 0 && (x / 9) % 5 != 0;
            let stroke = in_line && (x * 31 + y * 17) % 7 < 2;
            let v = if stroke { 30 } else { light };
            *p = image::Rgb([v, v, v.saturating_sub(8)]);
        }
        let mut jpeg = vec![];
        JpegEncoder::new_with_quality(&mut jpeg, 95)
            .encode_image(&pixels)
            .expect("encode");
        // Insert an APP1 Exif segment right after SOI.
        let tiff: Vec<u8> = [
            b"II*\0".as_slice(),
            &8u32.to_le_bytes(),
            &2u16.to_le_bytes(),
            // Orientation (0x0112), SHORT, 1, value 6
            &0x0112u16.to_le_bytes(),
            &3u16.to_le_bytes(),
            &1u32.to_le_bytes(),
            &6u32.to_le_bytes(),
            // GPSInfo IFD pointer (0x8825), LONG, 1, offset 38
            &0x8825u16.to_le_bytes(),
            &4u16.to_le_bytes(),
            &1u32.to_le_bytes(),
            &38u32.to_le_bytes(),
            &0u32.to_le_bytes(),
            // GPS IFD: one entry, GPSLatitudeRef 'N', and a marker string
            &1u16.to_le_bytes(),
            &0x0001u16.to_le_bytes(),
            &2u16.to_le_bytes(),
            &2u32.to_le_bytes(),
            b"N\0\0\0",
            &0u32.to_le_bytes(),
            b"GPS-SECRET-45.4642N-9.1900E",
        ]
        .concat();
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        let length = u16::try_from(app1.len() + 2).expect("an EXIF segment under 64 KiB");
        out.extend_from_slice(&length.to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&jpeg[2..]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::phone_photo;
    use super::*;

    #[test]
    fn a_large_phone_photo_is_scaled_turned_upright_and_stripped() {
        let original = phone_photo(4000, 3000);
        assert!(
            original.windows(10).any(|w| w == b"GPS-SECRET"),
            "the fixture carries GPS"
        );
        let prepared = prepare(&original).expect("prepared");
        assert_eq!(prepared.mime, "image/jpeg");
        // Orientation 6 turns a landscape photo upright: it is stored portrait.
        let (w, h) = prepared.dimensions.expect("a photo has dimensions");
        assert!(h > w && h <= MAX_SIDE && w * 4 == h * 3, "{w}x{h}");
        assert!(
            prepared.bytes.len() <= TARGET_BYTES,
            "{} bytes",
            prepared.bytes.len()
        );
        assert!(
            !prepared.bytes.windows(4).any(|w| w == b"Exif"),
            "EXIF must not survive"
        );
        assert!(!prepared.bytes.windows(10).any(|w| w == b"GPS-SECRET"));
        assert_eq!(
            prepared.sha256,
            hex::encode(Sha256::digest(&prepared.bytes))
        );
    }

    #[test]
    fn a_pdf_is_kept_as_it_is() {
        let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
        let prepared = prepare(pdf).expect("pdf");
        assert_eq!(
            (prepared.mime, prepared.bytes.as_slice()),
            ("application/pdf", pdf.as_slice())
        );
    }

    #[test]
    fn other_files_are_refused_with_a_reason() {
        for bytes in [
            b"".as_slice(),
            b"hello, not a photo",
            &[0xFF, 0xD8, 0xFF, 0x00, 0x01],
        ] {
            let err = prepare(bytes).expect_err("refused");
            assert_eq!(
                err.code(),
                homeward_domain::ErrorCode::InvalidInput,
                "{err}"
            );
        }
    }
}

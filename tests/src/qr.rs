//! Reads QR codes back from printed pages, as a counter's scanner does.

use anyhow::Context as _;
use tempfile::TempDir;

/// The text of the first QR code on the first page of `pdf`, rendered as a counter's scanner
/// would see the printed page: at 300 dpi, and, as a scanner held at another distance, at 200
/// and 400 dpi if the first reading finds no code (the detector misses a code now and then at
/// one scale that it reads at another).
pub fn scan_pdf(pdf: &[u8]) -> anyhow::Result<String> {
    let dir = TempDir::new()?;
    let path = dir.path().join("letter.pdf");
    std::fs::write(&path, pdf)?;
    let mut last = None;
    for dpi in ["300", "200", "400"] {
        match scan_at(&dir, &path, dpi) {
            Ok(text) => return Ok(text),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| anyhow::anyhow!("no QR code on the page")))
}

fn scan_at(dir: &TempDir, pdf: &std::path::Path, dpi: &str) -> anyhow::Result<String> {
    let prefix = dir.path().join(format!("page-{dpi}"));
    let status = std::process::Command::new("pdftoppm")
        .args([
            "-r",
            dpi,
            "-gray",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
        ])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .context("pdftoppm runs (install poppler-utils: `cargo xtask setup`)")?;
    anyhow::ensure!(status.success(), "pdftoppm could not render the PDF");
    let page = image::open(prefix.with_extension("png"))
        .context("a rendered page")?
        .to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        page.width() as usize,
        page.height() as usize,
        |x, y| {
            let at = |v: usize| u32::try_from(v).expect("within the page");
            page.get_pixel(at(x), at(y)).0[0]
        },
    );
    let grids = prepared.detect_grids();
    let grid = grids
        .first()
        .with_context(|| format!("no QR code on the page at {dpi} dpi"))?;
    let (_, text) = grid
        .decode()
        .map_err(|e| anyhow::anyhow!("the QR code does not decode at {dpi} dpi: {e:?}"))?;
    Ok(text)
}

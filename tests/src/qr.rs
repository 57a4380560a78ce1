//! Reads QR codes back from printed pages, as a counter's scanner does.

use anyhow::Context as _;
use tempfile::TempDir;

/// The text of the first QR code on the first page of `pdf`, rendered at 300 dpi as a counter's
/// scanner would see the printed page.
pub fn scan_pdf(pdf: &[u8]) -> anyhow::Result<String> {
    let dir = TempDir::new()?;
    let path = dir.path().join("letter.pdf");
    std::fs::write(&path, pdf)?;
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-png", "-f", "1", "-l", "1"])
        .arg(&path)
        .arg(dir.path().join("page"))
        .status()
        .context("pdftoppm runs (install poppler-utils: `cargo xtask setup`)")?;
    anyhow::ensure!(status.success(), "pdftoppm could not render the PDF");
    let png = std::fs::read_dir(dir.path())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "png"))
        .context("a rendered page")?;
    let page = image::open(png)?.to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        page.width() as usize,
        page.height() as usize,
        |x, y| {
            let at = |v: usize| u32::try_from(v).expect("within the page");
            page.get_pixel(at(x), at(y)).0[0]
        },
    );
    let grids = prepared.detect_grids();
    let grid = grids.first().context("no QR code on the page")?;
    let (_, text) = grid
        .decode()
        .map_err(|e| anyhow::anyhow!("the QR code does not decode: {e:?}"))?;
    Ok(text)
}

//! Fonts for the PDFs the app writes: the device's own CJK fonts, found where each system keeps
//! them, with a fallback chain for characters one font lacks (rare characters beyond the BMP,
//! typically). Only the glyphs used are embedded, so a PDF stays small.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use krilla::text::Font;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use crate::error::{CoreError, Result};

/// Where systems keep a Simplified Chinese sans-serif, regular weight, most likely first.
const REGULAR: &[&str] = &[
    // Debian and Ubuntu (fonts-noto-cjk), Fedora, Arch.
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    // Android.
    "/system/fonts/NotoSansCJK-Regular.ttc",
    "/system/fonts/NotoSansSC-Regular.otf",
    // macOS and iOS.
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    // Windows.
    "C:\\Windows\\Fonts\\msyh.ttc",
    "C:\\Windows\\Fonts\\simsun.ttc",
];

/// The bold companions, used for headings when present.
const BOLD: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
    "/system/fonts/NotoSansCJK-Bold.ttc",
    "C:\\Windows\\Fonts\\msyhbd.ttc",
];

/// Fonts for the CJK extensions beyond the BMP, where names with rare characters come from.
const RARE: &[&str] = &[
    "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf",
    "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",
    "/system/fonts/NotoSerifCJK-Regular.ttc",
    "C:\\Windows\\Fonts\\simsunb.ttf",
];

/// Overrides the search with a `:`-separated list of font files (`;` on Windows), regular
/// weight first; for systems that keep fonts elsewhere.
pub const FONTS_ENV: &str = "HOMEWARD_PDF_FONTS";

/// One face of a font file.
#[derive(Clone)]
pub(crate) struct Face {
    pub(crate) font: Font,
    data: Arc<Vec<u8>>,
    index: u32,
}

impl Face {
    fn load(path: &Path) -> Option<Face> {
        let data = Arc::new(std::fs::read(path).ok()?);
        let index = preferred_face(&data)?;
        let font = Font::new(data.clone().into(), index)?;
        Some(Face { font, data, index })
    }

    fn font_ref(&self) -> Option<FontRef<'_>> {
        FontRef::from_index(&self.data, self.index).ok()
    }
}

/// In a collection, the Simplified Chinese face (Noto's "SC", PingFang's "SC"); else the first.
fn preferred_face(data: &[u8]) -> Option<u32> {
    let file = skrifa::raw::FileRef::new(data).ok()?;
    let mut first = None;
    for (i, font) in file.fonts().enumerate() {
        let Ok(font) = font else { continue };
        let Ok(i) = u32::try_from(i) else { break };
        first.get_or_insert(i);
        let simplified = font
            .localized_strings(skrifa::string::StringId::FAMILY_NAME)
            .english_or_first()
            .is_some_and(|name| {
                let name = name.to_string();
                name.ends_with(" SC") || name.contains(" SC ") || name.contains("GB")
            });
        if simplified {
            return Some(i);
        }
    }
    first
}

/// The faces to write with, in fallback order, and bold ones for headings.
#[derive(Clone)]
pub struct Fonts {
    pub(crate) regular: Vec<Face>,
    pub(crate) bold: Vec<Face>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts")
            .field("regular", &self.regular.len())
            .field("bold", &self.bold.len())
            .finish()
    }
}

/// Measures and splits text: which face draws each character, how wide a run is.
pub(crate) struct Shaper<'a> {
    faces: Vec<(&'a Face, FontRef<'a>, f32)>,
}

impl<'a> Shaper<'a> {
    fn new(faces: &'a [Face]) -> Self {
        let faces = faces
            .iter()
            .filter_map(|f| {
                let r = f.font_ref()?;
                let upem = r
                    .metrics(Size::unscaled(), LocationRef::default())
                    .units_per_em;
                Some((f, r, f32::from(upem.max(1))))
            })
            .collect();
        Shaper { faces }
    }

    /// The face that has `c`, or the first (which then draws its "missing" box).
    fn face_of(&self, c: char) -> usize {
        if c.is_whitespace() {
            return 0;
        }
        self.faces
            .iter()
            .position(|(_, r, _)| r.charmap().map(c).is_some())
            .unwrap_or(0)
    }

    /// The advance of `c` at `size` points.
    pub(crate) fn advance(&self, c: char, size: f32) -> f32 {
        let Some((_, r, upem)) = self.faces.get(self.face_of(c)) else {
            return size;
        };
        let width = r
            .charmap()
            .map(c)
            .and_then(|g| {
                r.glyph_metrics(Size::unscaled(), LocationRef::default())
                    .advance_width(g)
            })
            .unwrap_or(*upem);
        width / upem * size
    }

    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c, size)).sum()
    }

    /// `text` cut into runs that one face draws.
    pub(crate) fn runs(&self, text: &str) -> Vec<(Font, String)> {
        let mut runs: Vec<(usize, String)> = vec![];
        for c in text.chars() {
            let face = match runs.last() {
                // Spaces stay with the run they are in.
                Some((last, _)) if c.is_whitespace() => *last,
                _ => self.face_of(c),
            };
            match runs.last_mut() {
                Some((last, run)) if *last == face => run.push(c),
                _ => runs.push((face, c.to_string())),
            }
        }
        runs.into_iter()
            .filter_map(|(i, run)| Some((self.faces.get(i)?.0.font.clone(), run)))
            .collect()
    }
}

impl Fonts {
    /// The device's fonts: from [`FONTS_ENV`] if set, else from where the system keeps them.
    pub fn system() -> Result<Fonts> {
        if let Some(list) = std::env::var_os(FONTS_ENV) {
            let paths: Vec<PathBuf> = std::env::split_paths(&list).collect();
            return Fonts::from_files(&paths, &[]);
        }
        let existing = |list: &[&str]| -> Vec<PathBuf> {
            list.iter()
                .map(PathBuf::from)
                .filter(|p| p.is_file())
                .collect()
        };
        let mut regular = existing(REGULAR);
        regular.truncate(1);
        regular.extend(existing(RARE));
        let mut bold = existing(BOLD);
        bold.truncate(1);
        Fonts::from_files(&regular, &bold)
    }

    /// Fonts from files: `regular` in fallback order; `bold` for headings (the regular faces
    /// stand in for characters it lacks).
    pub fn from_files(regular: &[PathBuf], bold: &[PathBuf]) -> Result<Fonts> {
        let regular: Vec<Face> = regular.iter().filter_map(|p| Face::load(p)).collect();
        if regular.is_empty() {
            return Err(CoreError::NoFont);
        }
        let mut bold: Vec<Face> = bold.iter().filter_map(|p| Face::load(p)).collect();
        bold.extend(regular.iter().cloned());
        Ok(Fonts { regular, bold })
    }

    pub(crate) fn shaper(&self, bold: bool) -> Shaper<'_> {
        Shaper::new(if bold { &self.bold } else { &self.regular })
    }
}

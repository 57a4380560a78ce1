//! PDFs made on the device: the printable application, for a counter in China or a relative.
//!
//! Layout is a small flow: text is measured with the fonts that will draw it, wrapped (CJK
//! anywhere, other scripts at spaces), placed top to bottom and broken into A4 pages; the pages
//! are drawn last, once their number is known for the footers.

mod application;
mod fonts;
pub(crate) mod letter;

pub use application::{application_pdf, ApplicationPdf};
pub use fonts::{Fonts, FONTS_ENV};

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::TextDirection;
use krilla::Document;

use crate::error::{CoreError, Result};

pub(crate) const PAGE_W: f32 = 595.28;
pub(crate) const PAGE_H: f32 = 841.89;
pub(crate) const MARGIN: f32 = 50.0;
/// Room kept at the bottom of every page for its footer.
const FOOTER: f32 = 40.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ink {
    Text,
    Muted,
    Alert,
    Rule,
}

impl Ink {
    fn color(self) -> rgb::Color {
        match self {
            Ink::Text => rgb::Color::new(0x1b, 0x1f, 0x24),
            Ink::Muted => rgb::Color::new(0x5f, 0x66, 0x6d),
            Ink::Alert => rgb::Color::new(0xb4, 0x23, 0x18),
            Ink::Rule => rgb::Color::new(0xb1, 0xb4, 0xb6),
        }
    }
}

/// A style of text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub size: f32,
    pub bold: bool,
    pub ink: Ink,
}

impl Style {
    pub const fn new(size: f32, bold: bool, ink: Ink) -> Self {
        Style { size, bold, ink }
    }

    fn leading(self) -> f32 {
        self.size * 1.45
    }
}

#[derive(Debug, Clone)]
enum Op {
    Text {
        x: f32,
        baseline: f32,
        style: Style,
        text: String,
    },
    Rule {
        x1: f32,
        x2: f32,
        y: f32,
        ink: Ink,
    },
    /// Black squares of `size` points at these top-left corners: a QR code's dark modules.
    Squares {
        corners: Vec<(f32, f32)>,
        size: f32,
    },
}

/// Lines of text already wrapped to a width, in one style.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    lines: Vec<String>,
    style: Style,
}

impl Block {
    pub fn height(&self) -> f32 {
        self.lines.len() as f32 * self.style.leading()
    }
}

/// Places content down the pages.
pub(crate) struct Flow<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Op>>,
    /// The top of the free space on the current page.
    y: f32,
}

impl<'f> Flow<'f> {
    pub fn new(fonts: &'f Fonts) -> Self {
        Flow {
            fonts,
            pages: vec![vec![]],
            y: MARGIN,
        }
    }

    pub fn content_width() -> f32 {
        PAGE_W - 2.0 * MARGIN
    }

    /// `text` wrapped to `width` points: hard breaks kept, CJK broken anywhere, other words at
    /// spaces (a word wider than the line is broken too).
    pub fn block(&self, text: &str, style: Style, width: f32) -> Block {
        let shaper = self.fonts.shaper(style.bold);
        let mut lines = vec![];
        for para in text.split('\n') {
            let mut line = String::new();
            let mut line_w = 0.0;
            for token in tokens(para) {
                let token_w = shaper.width(token, style.size);
                if line_w + token_w <= width || line.is_empty() && token_w <= width {
                    line.push_str(token);
                    line_w += token_w;
                    continue;
                }
                if token.trim().is_empty() {
                    continue; // a space at a break is dropped
                }
                if token_w <= width {
                    lines.push(std::mem::take(&mut line).trim_end().to_owned());
                    line.push_str(token);
                    line_w = token_w;
                    continue;
                }
                // A word longer than a line: break it between characters.
                for c in token.chars() {
                    let w = shaper.advance(c, style.size);
                    if line_w + w > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line).trim_end().to_owned());
                        line_w = 0.0;
                    }
                    line.push(c);
                    line_w += w;
                }
            }
            lines.push(line.trim_end().to_owned());
        }
        Block { lines, style }
    }

    /// Starts a new page unless `height` more points fit on this one.
    pub fn keep(&mut self, height: f32) {
        if self.y + height > PAGE_H - MARGIN - FOOTER && self.y > MARGIN {
            self.pages.push(vec![]);
            self.y = MARGIN;
        }
    }

    pub fn space(&mut self, points: f32) {
        self.y += points;
    }

    /// Draws `block` at `x` from the current position without moving down.
    pub fn put(&mut self, x: f32, top: f32, block: &Block) {
        let page = self.pages.last_mut().expect("a flow always has a page");
        for (i, line) in block.lines.iter().enumerate() {
            page.push(Op::Text {
                x,
                baseline: top + i as f32 * block.style.leading() + block.style.size,
                style: block.style,
                text: line.clone(),
            });
        }
    }

    /// Writes `text` across the full width and moves below it; a long text breaks across pages
    /// between lines.
    pub fn paragraph(&mut self, text: &str, style: Style) {
        let block = self.block(text, style, Self::content_width());
        for line in block.lines {
            let one = Block {
                lines: vec![line],
                style,
            };
            self.keep(one.height());
            let top = self.y;
            self.put(MARGIN, top, &one);
            self.y += one.height();
        }
    }

    /// Two columns side by side, kept together on one page; a row taller than a page (a very
    /// long answer) starts on a fresh page and its right column runs on line by line, so
    /// nothing is ever drawn past a page's end.
    pub fn row(&mut self, left: &[Block], left_w: f32, right: &[Block]) {
        let h = |blocks: &[Block]| blocks.iter().map(Block::height).sum::<f32>();
        let height = h(left).max(h(right));
        if height > PAGE_H - 2.0 * MARGIN - FOOTER {
            self.keep(h(left).max(right.first().map_or(0.0, |b| b.style.leading())));
            let top = self.y;
            let mut y = top;
            for b in left {
                self.put(MARGIN, y, b);
                y += b.height();
            }
            let (left_page, left_bottom) = (self.pages.len(), y);
            for b in right {
                for line in &b.lines {
                    let one = Block {
                        lines: vec![line.clone()],
                        style: b.style,
                    };
                    self.keep(one.height());
                    let top = self.y;
                    self.put(MARGIN + left_w, top, &one);
                    self.y += one.height();
                }
            }
            // On the label's page, the row ends below whichever column is longer.
            if self.pages.len() == left_page {
                self.y = self.y.max(left_bottom);
            }
            return;
        }
        self.keep(height);
        let top = self.y;
        for (x, blocks) in [(MARGIN, left), (MARGIN + left_w, right)] {
            let mut y = top;
            for b in blocks {
                self.put(x, y, b);
                y += b.height();
            }
        }
        self.y += height;
    }

    /// Draws a QR code (`width` modules a side, `dark` row by row) `side` points wide at the
    /// left margin, with the quiet zone the standard asks for, and moves below it.
    pub fn qr(&mut self, width: usize, dark: &[bool], side: f32) {
        let module = side / (width + 8) as f32;
        self.keep(side);
        let (left, top) = (MARGIN + 4.0 * module, self.y + 4.0 * module);
        let corners = dark
            .iter()
            .enumerate()
            .filter(|(_, d)| **d)
            .map(|(i, _)| {
                (
                    left + (i % width) as f32 * module,
                    top + (i / width) as f32 * module,
                )
            })
            .collect();
        self.pages
            .last_mut()
            .expect("a flow always has a page")
            .push(Op::Squares {
                corners,
                size: module,
            });
        self.y += side;
    }

    pub fn rule(&mut self, ink: Ink) {
        let y = self.y;
        self.pages
            .last_mut()
            .expect("a flow always has a page")
            .push(Op::Rule {
                x1: MARGIN,
                x2: PAGE_W - MARGIN,
                y,
                ink,
            });
    }

    /// Draws every page, with `footer(page, pages)` written at the bottom of each.
    pub fn finish(
        mut self,
        metadata: Metadata,
        footer: impl Fn(usize, usize) -> (String, String),
    ) -> Result<Vec<u8>> {
        let pages = self.pages.len();
        let small = Style::new(8.0, false, Ink::Muted);
        for n in 0..pages {
            let (left, right) = footer(n + 1, pages);
            let baseline = PAGE_H - MARGIN + 10.0;
            let right_w = self.fonts.shaper(false).width(&right, small.size);
            let ops = &mut self.pages[n];
            ops.push(Op::Rule {
                x1: MARGIN,
                x2: PAGE_W - MARGIN,
                y: baseline - 14.0,
                ink: Ink::Rule,
            });
            ops.push(Op::Text {
                x: MARGIN,
                baseline,
                style: small,
                text: left,
            });
            ops.push(Op::Text {
                x: PAGE_W - MARGIN - right_w,
                baseline,
                style: small,
                text: right,
            });
        }
        let mut document = Document::new();
        document.set_metadata(metadata);
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H).expect("A4 is a valid page size");
        for ops in &self.pages {
            let mut page = document.start_page_with(settings.clone());
            let mut surface = page.surface();
            for op in ops {
                match op {
                    Op::Text {
                        x,
                        baseline,
                        style,
                        text,
                    } => {
                        surface.set_fill(Some(Fill {
                            paint: style.ink.color().into(),
                            ..Fill::default()
                        }));
                        let shaper = self.fonts.shaper(style.bold);
                        let mut x = *x;
                        for (font, run) in shaper.runs(text) {
                            surface.draw_text(
                                Point::from_xy(x, *baseline),
                                font,
                                style.size,
                                &run,
                                false,
                                TextDirection::Auto,
                            );
                            x += shaper.width(&run, style.size);
                        }
                    }
                    Op::Squares { corners, size } => {
                        let mut pb = PathBuilder::new();
                        for (x, y) in corners {
                            pb.move_to(*x, *y);
                            pb.line_to(x + size, *y);
                            pb.line_to(x + size, y + size);
                            pb.line_to(*x, y + size);
                            pb.close();
                        }
                        if let Some(path) = pb.finish() {
                            surface.set_stroke(None);
                            surface.set_fill(Some(Fill {
                                paint: rgb::Color::new(0, 0, 0).into(),
                                ..Fill::default()
                            }));
                            surface.draw_path(&path);
                        }
                    }
                    Op::Rule { x1, x2, y, ink } => {
                        let mut pb = PathBuilder::new();
                        pb.move_to(*x1, *y);
                        pb.line_to(*x2, *y);
                        if let Some(path) = pb.finish() {
                            surface.set_fill(None);
                            surface.set_stroke(Some(Stroke {
                                paint: ink.color().into(),
                                width: 0.6,
                                ..Stroke::default()
                            }));
                            surface.draw_path(&path);
                            surface.set_stroke(None);
                        }
                    }
                }
            }
            surface.finish();
            page.finish();
        }
        document
            .finish()
            .map_err(|e| CoreError::Damaged(format!("the PDF could not be written: {e:?}")))
    }
}

/// Splits text where a line may break: each CJK character alone, runs of spaces, and words.
fn tokens(text: &str) -> Vec<&str> {
    let breaks_anywhere = |c: char| c as u32 >= 0x2E80;
    let mut out = vec![];
    let mut start = 0;
    let mut kind = None;
    for (i, c) in text.char_indices() {
        let k = if breaks_anywhere(c) {
            0
        } else if c.is_whitespace() {
            1
        } else {
            2
        };
        if kind.is_some() && (kind != Some(k) || k == 0) {
            out.push(&text[start..i]);
            start = i;
        }
        kind = Some(k);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tokens;

    #[test]
    fn text_breaks_between_cjk_characters_and_at_spaces() {
        assert_eq!(
            tokens("温州 Wenzhou city，好"),
            ["温", "州", " ", "Wenzhou", " ", "city", "，", "好"]
        );
        assert_eq!(tokens(""), Vec::<&str>::new());
        assert_eq!(tokens("𠀀a"), ["𠀀", "a"]);
    }
}

#[cfg(test)]
mod application_tests;

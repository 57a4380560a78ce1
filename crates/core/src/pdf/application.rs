//! The printable application: every answer under its question, the documents attached, what is
//! still missing, and a place to sign. Written in Chinese for the counter, with the person's own
//! language beside it when that is another.

use homeward_domain::draft::{answer_rows, MaterialInfo, Shown};
use homeward_domain::{Draft, DraftReview, DraftStatus, Guide, Lang, LocalizedText};
use homeward_i18n::{key, Localizer, Value};
use krilla::metadata::Metadata;

use super::{Block, Flow, Fonts, Ink, Style};
use crate::error::Result;
use crate::validate::Date;

/// What goes into the printed application.
#[derive(Debug, Clone, Copy)]
pub struct ApplicationPdf<'a> {
    pub guide: &'a Guide,
    pub draft: &'a Draft,
    pub review: &'a DraftReview,
    pub docs: &'a [MaterialInfo],
    /// The person's language, printed beside the Chinese when it is another.
    pub lang: Lang,
    pub today: Date,
}

const EYEBROW: Style = Style::new(9.0, false, Ink::Muted);
const TITLE: Style = Style::new(18.0, true, Ink::Text);
const SUBTITLE: Style = Style::new(11.0, false, Ink::Muted);
const HEADING: Style = Style::new(12.5, true, Ink::Text);
const LABEL: Style = Style::new(9.5, false, Ink::Muted);
const LABEL_OTHER: Style = Style::new(8.0, false, Ink::Muted);
const VALUE: Style = Style::new(10.5, false, Ink::Text);
const MISSING: Style = Style::new(10.5, false, Ink::Muted);
const ALERT: Style = Style::new(9.0, false, Ink::Alert);
const BODY: Style = Style::new(9.5, false, Ink::Text);

const LABEL_W: f32 = 175.0;
const GAP: f32 = 12.0;

pub(super) struct Writer {
    pub(super) l10n: Localizer,
    pub(super) lang: Lang,
}

impl Writer {
    pub(super) fn zh(&self, key: &str) -> String {
        self.l10n.tr(Lang::ZhCn, key)
    }

    /// A message in Chinese, and in the person's language when that is another.
    pub(super) fn both(&self, key: &str, args: &[(&str, Value<'_>)]) -> (String, Option<String>) {
        let zh = self.l10n.tr_args(Lang::ZhCn, key, args);
        let other = (self.lang != Lang::ZhCn).then(|| self.l10n.tr_args(self.lang, key, args));
        (zh, other)
    }

    /// "中文 · other" on one line, or the Chinese alone.
    pub(super) fn inline(&self, key: &str, args: &[(&str, Value<'_>)]) -> String {
        match self.both(key, args) {
            (zh, Some(other)) if other != zh => format!("{zh} · {other}"),
            (zh, _) => zh,
        }
    }

    fn text(&self, text: &LocalizedText) -> (String, Option<String>) {
        let zh = text.get(Lang::ZhCn).to_owned();
        let other = (self.lang != Lang::ZhCn)
            .then(|| text.get(self.lang).to_owned())
            .filter(|o| *o != zh);
        (zh, other)
    }

    fn shown(&self, value: &Shown) -> (String, Style) {
        match value {
            Shown::Missing => (self.inline(key("pdf-not-answered"), &[]), MISSING),
            Shown::Text(s) => (s.clone(), VALUE),
            Shown::Choice(label) => match self.text(label) {
                (zh, Some(other)) => (format!("{zh}（{other}）"), VALUE),
                (zh, None) => (zh, VALUE),
            },
            Shown::Yes => (self.inline(key("field-yes"), &[]), VALUE),
            Shown::No => (self.inline(key("field-no"), &[]), VALUE),
            Shown::Files(names) => (
                format!(
                    "{}\n{}",
                    self.inline(key("pdf-attached"), &[("count", names.len().into())]),
                    names.join("\n")
                ),
                VALUE,
            ),
        }
    }
}

/// The application as a PDF, in A4.
pub fn application_pdf(input: &ApplicationPdf<'_>, fonts: &Fonts) -> Result<Vec<u8>> {
    let w = Writer {
        l10n: Localizer::new(),
        lang: input.lang,
    };
    let mut flow = Flow::new(fonts);
    let full = Flow::content_width();
    let reference = input.draft.id.to_string();

    // Heading: what this is, the service, who decides.
    flow.paragraph(&w.inline(key("pdf-eyebrow"), &[]), EYEBROW);
    let (title, title_other) = w.text(&input.guide.title);
    flow.paragraph(&title, TITLE);
    if let Some(other) = title_other {
        flow.paragraph(&other, SUBTITLE);
    }
    flow.space(10.0);
    let today = format!(
        "{:04}-{:02}-{:02}",
        input.today.year, input.today.month, input.today.day
    );
    let status = match input.review.status {
        DraftStatus::Complete => w.inline(key("pdf-status-complete"), &[]),
        _ => w.inline(
            key("pdf-status-incomplete"),
            &[("count", input.review.problems.len().into())],
        ),
    };
    let (department, department_other) = w.text(&input.guide.department);
    let meta = [
        (key("pdf-department"), department, department_other),
        (key("pdf-reference"), reference.clone(), None),
        (key("pdf-status"), status, None),
        (key("pdf-generated"), today, None),
    ];
    for (label_key, value, other) in meta {
        let label = labels(&flow, &w, label_key);
        let mut right = vec![flow.block(&value, VALUE, full - LABEL_W)];
        if let Some(other) = other {
            right.push(flow.block(&other, LABEL_OTHER, full - LABEL_W));
        }
        flow.row(&label, LABEL_W, &right);
        flow.space(4.0);
    }
    if input.review.status != DraftStatus::Complete {
        flow.space(6.0);
        let (zh, other) = w.both(key("pdf-incomplete-note"), &[]);
        flow.paragraph(&zh, ALERT);
        if let Some(other) = other {
            flow.paragraph(&other, ALERT);
        }
    }

    // Every answer, page by page of the form.
    let problems: Vec<&str> = input
        .review
        .problems
        .iter()
        .map(|p| p.field.as_str())
        .collect();
    let rows = answer_rows(&input.guide.form, &input.draft.answers, input.docs);
    let mut page_title = None;
    let mut item = None;
    for row in rows {
        if page_title.as_ref() != Some(&row.page) {
            flow.space(14.0);
            let (zh, other) = w.text(&row.page);
            let heading = match other {
                Some(o) => format!("{zh} · {o}"),
                None => zh,
            };
            let block = flow.block(&heading, HEADING, full);
            flow.keep(block.height() + 40.0);
            flow.paragraph(&heading, HEADING);
            flow.space(2.0);
            flow.rule(Ink::Rule);
            flow.space(6.0);
            page_title = Some(row.page.clone());
            item = None;
        }
        if row.item != item {
            if row.item.is_none() {
                // Back from a group's items to the page's own questions.
                flow.rule(Ink::Rule);
                flow.space(8.0);
            }
            if let Some((group, n)) = &row.item {
                let (zh, other) = w.text(group);
                let label = match other {
                    Some(o) => format!("{zh} {n} · {o} {n}"),
                    None => format!("{zh} {n}"),
                };
                flow.space(4.0);
                let block = flow.block(&label, HEADING, full);
                flow.keep(block.height() + 30.0);
                flow.paragraph(&label, Style::new(10.5, true, Ink::Text));
                flow.space(3.0);
            }
            item = row.item.clone();
        }
        let (zh, other) = w.text(&row.label);
        let mut left = vec![flow.block(&zh, LABEL, LABEL_W - GAP)];
        if let Some(other) = other {
            left.push(flow.block(&other, LABEL_OTHER, LABEL_W - GAP));
        }
        let (value, style) = w.shown(&row.value);
        let mut right = vec![flow.block(&value, style, full - LABEL_W)];
        if problems.contains(&row.key.as_str()) {
            right.push(flow.block(
                &w.inline(key("pdf-needs-attention"), &[]),
                ALERT,
                full - LABEL_W,
            ));
        }
        flow.row(&left, LABEL_W, &right);
        flow.space(7.0);
    }

    // The declaration and a place to sign, for the counter.
    flow.space(16.0);
    flow.keep(110.0);
    let (zh, other) = w.both(key("pdf-declaration"), &[]);
    flow.paragraph(&zh, BODY);
    if let Some(other) = other {
        flow.paragraph(&other, LABEL_OTHER);
    }
    flow.space(30.0);
    let signature = flow.block(
        &format!(
            "{}  ____________________        {}  ______________",
            w.inline(key("pdf-signature"), &[]),
            w.inline(key("pdf-date"), &[])
        ),
        BODY,
        full,
    );
    flow.row(&[signature], 0.0, &[]);

    let mut metadata = Metadata::new()
        .title(title.clone())
        .creator(w.zh(key("app-name")))
        .language("zh-CN".to_owned());
    metadata = metadata.producer("Homeward".to_owned());
    let footer_left = format!("{} · {}", w.inline(key("app-name"), &[]), reference);
    flow.finish(metadata, |page, pages| {
        (
            footer_left.clone(),
            w.inline(
                key("pdf-page"),
                &[("page", page.into()), ("pages", pages.into())],
            ),
        )
    })
}

/// A label in Chinese, with the person's language below it.
fn labels(flow: &Flow<'_>, w: &Writer, label_key: &str) -> Vec<Block> {
    let (zh, other) = w.both(label_key, &[]);
    let mut blocks = vec![flow.block(&zh, LABEL, LABEL_W - GAP)];
    if let Some(other) = other {
        blocks.push(flow.block(&other, LABEL_OTHER, LABEL_W - GAP));
    }
    blocks
}

//! The entrustment letter (委托书): who entrusts whom with which services until when, signed by
//! the person's device, with a QR code the counter scans to check it with the city's backend.

use homeward_domain::identity::{Attestation, Delegation};
use homeward_domain::Lang;
use homeward_i18n::{key, Localizer};
use krilla::metadata::Metadata;

use super::application::Writer;
use super::{Flow, Fonts, Ink, Style};
use crate::error::Result;
use crate::validate::Date;

/// What goes into the letter.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LetterPdf<'a> {
    pub delegation: &'a Delegation,
    /// The sealed delegation, as the QR code carries it.
    pub token: &'a str,
    /// The services' titles, in the order of the delegation.
    pub guide_titles: &'a [String],
    pub lang: Lang,
    /// Where a counter checks the letter.
    pub verify_url: &'a str,
}

const EYEBROW: Style = Style::new(9.0, false, Ink::Muted);
const TITLE: Style = Style::new(20.0, true, Ink::Text);
const BODY: Style = Style::new(11.0, false, Ink::Text);
const OTHER: Style = Style::new(9.5, false, Ink::Muted);
const ITEM: Style = Style::new(11.0, true, Ink::Text);
const SMALL: Style = Style::new(7.0, false, Ink::Muted);

const DAY_MS: i64 = 86_400_000;
const CHINA_MS: i64 = 8 * 3_600_000;

/// The calendar day in China of an instant.
fn china_date(ms: i64) -> String {
    Date::from_unix_days((ms + CHINA_MS).div_euclid(DAY_MS)).to_string()
}

pub(crate) fn write(fonts: &Fonts, input: &LetterPdf<'_>) -> Result<Vec<u8>> {
    let w = Writer {
        l10n: Localizer::new(),
        lang: input.lang,
    };
    let d = input.delegation;
    let mut flow = Flow::new(fonts);
    let both =
        |flow: &mut Flow<'_>, key: &str, args: &[(&str, homeward_i18n::Value<'_>)], style| {
            let (zh, other) = w.both(key, args);
            flow.paragraph(&zh, style);
            if let Some(other) = other.filter(|o| *o != zh) {
                flow.paragraph(&other, OTHER);
            }
        };

    flow.paragraph(&w.inline(key("letter-eyebrow"), &[]), EYEBROW);
    both(&mut flow, key("letter-title"), &[], TITLE);
    flow.space(12.0);
    both(
        &mut flow,
        key("letter-body"),
        &[
            ("principal", d.principal_name.clone().into()),
            ("document", d.principal_document.clone().into()),
            ("agent", d.agent_name.clone().into()),
            ("agent_id", d.agent_id_number.clone().into()),
        ],
        BODY,
    );
    flow.space(8.0);
    for title in input.guide_titles {
        flow.paragraph(&format!("•  {title}"), ITEM);
        flow.space(2.0);
    }
    flow.space(8.0);
    both(
        &mut flow,
        key("letter-validity"),
        &[
            ("from", china_date(d.valid_from).into()),
            ("until", china_date(d.valid_until.saturating_sub(1)).into()),
        ],
        BODY,
    );
    if let Some(proof) = d.proof.as_deref().and_then(Attestation::open) {
        flow.space(4.0);
        both(
            &mut flow,
            key("letter-proven"),
            &[
                ("level", proof.level.slug().into()),
                ("issuer", proof.issuer_id.into()),
                ("date", china_date(proof.issued_at).into()),
            ],
            BODY,
        );
    }
    flow.space(4.0);
    both(
        &mut flow,
        key("letter-number"),
        &[("id", d.id.to_string().into())],
        OTHER,
    );
    flow.space(14.0);
    flow.rule(Ink::Rule);
    flow.space(10.0);
    both(
        &mut flow,
        key("letter-verify"),
        &[("url", input.verify_url.to_owned().into())],
        BODY,
    );
    flow.space(6.0);
    let (width, dark) = crate::identity::qr_modules(input.token)?;
    flow.qr(width, &dark, 200.0);
    flow.space(4.0);
    flow.paragraph(input.token, SMALL);
    flow.space(18.0);
    both(&mut flow, key("letter-signed"), &[], OTHER);
    flow.space(10.0);
    flow.paragraph(
        &format!(
            "{}  ____________________        {}  {}",
            w.inline(key("letter-principal"), &[]),
            w.inline(key("pdf-date"), &[]),
            china_date(d.issued_at)
        ),
        BODY,
    );

    let title = w.zh(key("letter-title"));
    let metadata = Metadata::new()
        .title(title)
        .creator(w.zh(key("app-name")))
        .producer("Homeward".to_owned())
        .language("zh-CN".to_owned());
    let footer_left = format!("{} · {}", w.inline(key("app-name"), &[]), d.id);
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

//! The printed application read back as text (with poppler's `pdftotext`, which the test command
//! installs): what a counter clerk would read must be there, in both languages, rare characters
//! included.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use homeward_domain::catalog::GuideId;
use homeward_domain::draft::MaterialInfo;
use homeward_domain::{Draft, DraftId, Lang};

use super::*;
use crate::catalog;
use crate::review::review;
use crate::validate::Date;

fn text_of(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("application.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils: `cargo xtask setup`)");
    assert!(out.status.success(), "pdftotext failed on our PDF");
    String::from_utf8(out.stdout).expect("utf-8")
}

fn draft(guide: &str, answers: &[(&str, &str)]) -> Draft {
    Draft {
        id: DraftId(uuid::Uuid::from_u128(
            0x0193_0000_0000_7000_8000_0000_0000_0001,
        )),
        city: "wenzhou".to_owned(),
        guide_id: GuideId(guide.to_owned()),
        pack_version: 1,
        answers: answers
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect::<BTreeMap<_, _>>(),
        created_at: 0,
        updated_at: 0,
    }
}

fn render(draft: &Draft, docs: &[MaterialInfo], lang: Lang) -> String {
    let pack = catalog::bundled().expect("bundled pack").into_pack();
    let guide = pack.guide(&draft.guide_id.0).expect("guide exists");
    let today = Date::new(2026, 11, 23).expect("a date");
    let attached: BTreeSet<String> = docs.iter().map(|d| d.field.clone()).collect();
    let review = review(&guide.form, &draft.answers, &attached, today);
    let fonts = Fonts::system().expect("a CJK font (fonts-noto-cjk)");
    let pdf = application_pdf(
        &ApplicationPdf {
            guide,
            draft,
            review: &review,
            docs,
            lang,
            today,
        },
        &fonts,
    )
    .expect("the PDF is written");
    assert!(pdf.starts_with(b"%PDF-"), "a PDF file");
    std::fs::write(
        format!("/tmp/pdf-{}-{:?}.pdf", draft.guide_id.0, lang),
        &pdf,
    )
    .unwrap();
    text_of(&pdf)
}

/// Whitespace-free, so that words broken across lines or laid out in columns still match.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn a_family_application_prints_every_answer_with_its_question() {
    let d = draft(
        "hukou-move-in-family",
        &[
            ("full-name", "陈𠀀明"),
            ("id-number", "330302199001011237"),
            ("join-type", "spouse"),
            ("children.0.child-name", "陈小明"),
            ("children.1.child-name", "陈小红"),
        ],
    );
    let text = squeezed(&render(&d, &[], Lang::En));
    for expected in [
        "办事申请表",
        "Application",
        "陈𠀀明",
        "330302199001011237",
        "陈小明",
        "陈小红",
        "需要处理",
        "Needsattention",
        "申请人签名",
        "第1页",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    // The second child is printed as the second item of the group.
    let second = text.find("陈小红").expect("second child");
    assert!(text[..second].contains('2'), "numbered items");
    // Only the questions that apply: the spouse's marriage certificate, not the kinship proof
    // asked of the other join types.
    assert!(text.contains("上传结婚证"), "{text}");
    assert!(!text.contains("父母子女关系证明"), "{text}");
}

#[test]
fn chinese_only_when_the_person_reads_chinese() {
    let d = draft("pension-bank-account-change", &[("full-name", "王芳")]);
    let text = squeezed(&render(&d, &[], Lang::ZhCn));
    assert!(text.contains("王芳"));
    assert!(text.contains("尚未完成"));
    assert!(!text.contains("Application"), "no English:\n{text}");
}

#[test]
fn attached_documents_are_listed_by_name() {
    let d = draft("pension-bank-account-change", &[]);
    let docs = [MaterialInfo {
        id: uuid::Uuid::nil(),
        field: "id-document".into(),
        kind: "resident-id-card".into(),
        file_name: "passport-scan.jpg".into(),
        mime: "image/jpeg".into(),
        size: 1,
        original_size: 1,
        sha256: String::new(),
        dimensions: None,
        added_at: 0,
    }];
    let text = squeezed(&render(&d, &docs, Lang::En));
    assert!(text.contains("passport-scan.jpg"), "{text}");
    assert!(text.contains("1documentattached"), "{text}");
}

#[test]
fn a_long_answer_wraps_and_flows_onto_more_pages_whole() {
    // The longest answer a field takes, numbered so every part can be found again.
    let long: String = (0..400).map(|i| format!("鹿城{i:04}号")).collect();
    let d = draft(
        "pension-bank-account-change",
        &[("bank-name", long.as_str())],
    );
    let text = render(&d, &[], Lang::ZhCn);
    assert!(text.contains("第 2 页"), "several pages");
    let text = squeezed(&text);
    for i in [0, 199, 399] {
        let part = format!("鹿城{i:04}号");
        assert!(text.contains(&part), "{part} is printed");
    }
}

#[test]
fn without_a_font_the_error_says_so() {
    let err = Fonts::from_files(&["/nonexistent/font.ttf".into()], &[]).expect_err("no font");
    assert!(matches!(err, CoreError::NoFont), "{err:?}");
}

//! Reviews a draft as a whole: which questions apply given the answers so far, which are
//! answered validly, which need attention. A pure function of the form, the answers and the day,
//! so the table tests below cover it without a database.

use std::collections::{BTreeMap, BTreeSet};

use homeward_domain::catalog::{Field, FieldKind, FormSchema};
use homeward_domain::check::CheckCode;
use homeward_domain::draft::{group_items, AnswerProblem, DraftReview, DraftStatus};

use crate::validate::{self, Date};

/// Reviews `answers` to `form`; `attached` holds the keys of material questions that have a
/// document.
pub fn review(
    form: &FormSchema,
    answers: &BTreeMap<String, String>,
    attached: &BTreeSet<String>,
    today: Date,
) -> DraftReview {
    let mut invalid = vec![];
    let mut missing = vec![];
    let mut answered = 0;
    let mut applicable = 0;
    let mut visit = |key: String, page: &str, field: &Field, answers: &BTreeMap<String, String>| {
        applicable += 1;
        if let FieldKind::Material { .. } = field.kind {
            if attached.contains(&key) {
                answered += 1;
            } else if field.required {
                let code = CheckCode::MaterialMissing;
                missing.push(AnswerProblem {
                    field: key,
                    page: page.to_owned(),
                    code,
                });
            }
            return;
        }
        let value = answers.get(&key).map(String::as_str).unwrap_or("").trim();
        if value.is_empty() {
            if field.required {
                missing.push(AnswerProblem {
                    field: key,
                    page: page.to_owned(),
                    code: CheckCode::Required,
                });
            }
            return;
        }
        match validate::check(&field.kind, value, today).error {
            None => answered += 1,
            Some(code) => invalid.push(AnswerProblem {
                field: key,
                page: page.to_owned(),
                code,
            }),
        }
    };
    for page in &form.pages {
        for field in page.fields.iter().filter(|f| f.applies(answers, "")) {
            match &field.kind {
                FieldKind::Group { fields, min, .. } => {
                    let mut items = group_items(&field.id, answers);
                    for i in 0..*min {
                        if !items.contains(&i) {
                            items.push(i);
                        }
                    }
                    items.sort_unstable();
                    for i in items {
                        let prefix = format!("{}.{i}.", field.id);
                        for sub in fields.iter().filter(|f| f.applies(answers, &prefix)) {
                            visit(format!("{prefix}{}", sub.id), &page.id, sub, answers);
                        }
                    }
                }
                _ => visit(field.id.clone(), &page.id, field, answers),
            }
        }
    }
    let status = if answers.values().all(|v| v.trim().is_empty()) && attached.is_empty() {
        DraftStatus::NotStarted
    } else if !invalid.is_empty() {
        DraftStatus::NeedsAttention
    } else if missing.is_empty() {
        DraftStatus::Complete
    } else {
        DraftStatus::InProgress
    };
    invalid.extend(missing);
    DraftReview {
        status,
        answered,
        applicable,
        problems: invalid,
        changed: vec![],
        removed: vec![],
    }
}

/// The answers as they are printed and sent: each valid answer in its normalised form
/// (full-width digits folded, numbers in international format); anything else as typed.
pub fn normalized(
    form: &FormSchema,
    answers: &BTreeMap<String, String>,
    today: Date,
) -> BTreeMap<String, String> {
    answers
        .iter()
        .map(|(key, value)| {
            let check = form
                .field_for_answer(key)
                .filter(|f| !matches!(f.kind, FieldKind::Group { .. } | FieldKind::Material { .. }))
                .map(|f| validate::check(&f.kind, value.trim(), today))
                .filter(|c| c.valid);
            let value = check.map_or_else(|| value.clone(), |c| c.normalized);
            (key.clone(), value)
        })
        .collect()
}

/// What changed in a guide's form since a draft was started on it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormChanges {
    /// Questions asked differently now (wording, kind, options, whether required), or new.
    pub changed: Vec<String>,
    /// Questions no longer asked whose answers the draft still keeps.
    pub removed: Vec<String>,
}

/// Compares the form a draft started on with the form now, question by question.
pub fn form_changes(
    started: &FormSchema,
    now: &FormSchema,
    answers: &BTreeMap<String, String>,
) -> FormChanges {
    let fields = |f: &FormSchema| -> BTreeMap<String, serde_json::Value> {
        f.pages
            .iter()
            .flat_map(|p| &p.fields)
            .map(|q| (q.id.clone(), serde_json::to_value(q).unwrap_or_default()))
            .collect()
    };
    let (before, after) = (fields(started), fields(now));
    let changed = after
        .iter()
        .filter(|(id, def)| before.get(*id) != Some(def))
        .map(|(id, _)| id.clone())
        .collect();
    let removed = before
        .keys()
        .filter(|id| !after.contains_key(*id))
        .filter(|id| {
            answers
                .keys()
                .any(|k| k == *id || k.starts_with(&format!("{id}.")))
        })
        .cloned()
        .collect();
    FormChanges { changed, removed }
}

#[cfg(test)]
mod tests {
    use homeward_domain::catalog::{ChoiceOption, Condition, FormPage};
    use homeward_domain::LocalizedText;
    use rstest::rstest;

    use super::*;

    const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 23,
    };

    fn field(id: &str, kind: FieldKind, required: bool, show_if: Option<(&str, &str)>) -> Field {
        Field {
            id: id.into(),
            label: LocalizedText::default(),
            hint: None,
            kind,
            required,
            show_if: show_if.map(|(f, v)| Condition {
                field: f.into(),
                equals: v.into(),
            }),
        }
    }

    fn form() -> FormSchema {
        let choice = FieldKind::Choice {
            options: ["face", "certificate"]
                .map(|v| ChoiceOption {
                    value: v.into(),
                    label: LocalizedText::default(),
                })
                .to_vec(),
        };
        let members = FieldKind::Group {
            fields: vec![
                field("name", FieldKind::PersonName, true, None),
                field("phone", FieldKind::Phone, false, None),
            ],
            min: 1,
            max: 5,
            item_label: LocalizedText::default(),
        };
        FormSchema {
            pages: vec![FormPage {
                id: "p".into(),
                title: LocalizedText::default(),
                fields: vec![
                    field("id", FieldKind::IdCard, true, None),
                    field("method", choice, true, None),
                    field(
                        "cert-date",
                        FieldKind::Date { rule: None },
                        true,
                        Some(("method", "certificate")),
                    ),
                    field("note", FieldKind::Text, false, None),
                    field("family", members, false, None),
                ],
            }],
        }
    }

    fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[rstest]
    #[case(&[], DraftStatus::NotStarted, &["id", "method", "family.0.name"])]
    #[case(&[("id", "11010519491231002X")], DraftStatus::InProgress, &["method", "family.0.name"])]
    #[case(&[("id", "110105194912310021")], DraftStatus::NeedsAttention, &["id", "method", "family.0.name"])]
    #[case(
        &[("id", "11010519491231002X"), ("method", "face"), ("family.0.name", "王小明")],
        DraftStatus::Complete,
        &[]
    )]
    #[case(
        &[("id", "11010519491231002X"), ("method", "certificate"), ("family.0.name", "王小明")],
        DraftStatus::InProgress,
        &["cert-date"]
    )]
    #[case(
        &[("id", "11010519491231002X"), ("method", "face"), ("family.0.name", "王小明"), ("family.1.phone", "+39 333 123 4567")],
        DraftStatus::InProgress,
        &["family.1.name"]
    )]
    fn a_draft_is_reviewed_question_by_question(
        #[case] given: &[(&str, &str)],
        #[case] status: DraftStatus,
        #[case] problems: &[&str],
    ) {
        let r = review(&form(), &answers(given), &BTreeSet::new(), TODAY);
        assert_eq!(r.status, status, "{r:?}");
        let fields: Vec<&str> = r.problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, problems);
    }

    #[test]
    fn a_required_document_counts_once_attached() {
        let mut f = form();
        let upload = FieldKind::Material {
            material: "passport".into(),
        };
        f.pages[0]
            .fields
            .push(field("passport-scan", upload, true, None));
        let given = answers(&[
            ("id", "11010519491231002X"),
            ("method", "face"),
            ("family.0.name", "王"),
        ]);
        let before = review(&f, &given, &BTreeSet::new(), TODAY);
        assert_eq!(before.status, DraftStatus::InProgress);
        assert_eq!(before.problems[0].code, CheckCode::MaterialMissing);
        let attached = BTreeSet::from(["passport-scan".to_owned()]);
        assert_eq!(
            review(&f, &given, &attached, TODAY).status,
            DraftStatus::Complete
        );
    }

    #[test]
    fn form_changes_flag_changed_new_and_removed_questions_and_keep_answers() {
        let started = form();
        let mut now = form();
        now.pages[0].fields[3].required = true; // "note" now required
        now.pages[0].fields.retain(|f| f.id != "cert-date"); // removed
        now.pages[0]
            .fields
            .push(field("email", FieldKind::Email, false, None)); // new
        let given = answers(&[("cert-date", "2020-01-01"), ("note", "hi")]);
        let changes = form_changes(&started, &now, &given);
        assert_eq!(changes.changed, ["email", "note"]);
        assert_eq!(changes.removed, ["cert-date"]);
        assert_eq!(
            form_changes(&started, &started, &given),
            FormChanges::default()
        );
    }

    #[test]
    fn a_question_hidden_by_an_answer_does_not_count() {
        let given = answers(&[("method", "face"), ("cert-date", "garbage")]);
        let r = review(&form(), &given, &BTreeSet::new(), TODAY);
        assert!(r.problems.iter().all(|p| p.field != "cert-date"), "{r:?}");
    }

    #[test]
    fn valid_answers_are_normalised_and_the_rest_kept_as_typed() {
        let given = answers(&[
            ("id", "１１０１０５１９４９１２３１００２x"),
            ("family.0.phone", "+39 333 123 4567"),
            ("family.1.phone", "not a number"),
            ("note", "  kept  "),
        ]);
        let out = normalized(&form(), &given, TODAY);
        assert_eq!(out["id"], "11010519491231002X");
        assert_eq!(out["family.0.phone"], "+393331234567");
        assert_eq!(out["family.1.phone"], "not a number");
        assert_eq!(out.len(), given.len(), "nothing dropped");
    }
}

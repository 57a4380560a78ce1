//! How the internally tagged enums (`{"state": "waiting", "attempts": 2, ...}`) and the structs
//! that flatten one are read.
//!
//! serde's derived reader for such a type buffers the whole object in its `Content` tree, then
//! reads it again as the variant the tag names; that machinery, instantiated for each type and
//! each format, is about 58 KB of the UI's wasm. Each type here is read instead as a plain struct
//! of optional fields (the tag one of them), then checked and turned into the enum: the same
//! JSON, read in one pass. Writing is serde's derived code, unchanged.
//!
//! A field the variant needs and the object lacks is refused as serde would refuse it
//! (``missing field `attempts` ``); fields a variant does not use are ignored, as before.

use serde::Deserialize;

use crate::api::BackendStatus;
use crate::catalog::{ChoiceOption, Condition, DateRule, Field, FieldKind};
use crate::conversation::{Document, Speaker};
use crate::draft::DraftId;
use crate::identity::{Delegation, DelegationCheck};
use crate::lang::LocalizedText;
use crate::sync::{
    ApplicationStatus, EventKind, FeedEvent, MaterialRequest, OutboxState, StaffRole,
};

/// The value of a field the variant needs.
fn need<T>(value: Option<T>, field: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing field `{field}`"))
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum CheckState {
    Valid,
    Revoked,
    Expired,
    NotYetValid,
    UnknownSigner,
    IdentityNotProven,
    TooLong,
    NotEntrustable,
    Tampered,
}

#[derive(Deserialize)]
pub(crate) struct CheckWire {
    state: CheckState,
    delegation: Option<Delegation>,
    revoked_at: Option<i64>,
}

impl TryFrom<CheckWire> for DelegationCheck {
    type Error = String;

    fn try_from(w: CheckWire) -> Result<Self, String> {
        let delegation = || need(w.delegation, "delegation");
        Ok(match w.state {
            CheckState::Tampered => Self::Tampered,
            CheckState::Revoked => Self::Revoked {
                revoked_at: need(w.revoked_at, "revoked_at")?,
                delegation: delegation()?,
            },
            CheckState::Valid => Self::Valid {
                delegation: delegation()?,
            },
            CheckState::Expired => Self::Expired {
                delegation: delegation()?,
            },
            CheckState::NotYetValid => Self::NotYetValid {
                delegation: delegation()?,
            },
            CheckState::UnknownSigner => Self::UnknownSigner {
                delegation: delegation()?,
            },
            CheckState::IdentityNotProven => Self::IdentityNotProven {
                delegation: delegation()?,
            },
            CheckState::TooLong => Self::TooLong {
                delegation: delegation()?,
            },
            CheckState::NotEntrustable => Self::NotEntrustable {
                delegation: delegation()?,
            },
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum OutboxTag {
    Waiting,
    Sending,
    SetAside,
    Delivered,
}

#[derive(Deserialize)]
pub(crate) struct OutboxWire {
    state: OutboxTag,
    attempts: Option<u32>,
    next_attempt_at: Option<i64>,
    last_error: Option<String>,
    error: Option<String>,
    message: Option<String>,
    reference: Option<String>,
    received_at: Option<i64>,
}

impl TryFrom<OutboxWire> for OutboxState {
    type Error = String;

    fn try_from(w: OutboxWire) -> Result<Self, String> {
        Ok(match w.state {
            OutboxTag::Waiting => Self::Waiting {
                attempts: need(w.attempts, "attempts")?,
                next_attempt_at: need(w.next_attempt_at, "next_attempt_at")?,
                last_error: w.last_error,
            },
            OutboxTag::Sending => Self::Sending,
            OutboxTag::SetAside => Self::SetAside {
                error: need(w.error, "error")?,
                message: need(w.message, "message")?,
            },
            OutboxTag::Delivered => Self::Delivered {
                reference: need(w.reference, "reference")?,
                received_at: need(w.received_at, "received_at")?,
            },
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum EventTag {
    Status,
    Routed,
    Message,
    Access,
}

/// Declares a struct of `$own` fields followed by an [`EventKind`]'s: the kind read alone, as
/// the app's outbox stores it, and inside a [`FeedEvent`].
macro_rules! with_event_fields {
    ($(#[$doc:meta])* $name:ident { $($own:ident: $t:ty),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Deserialize)]
        pub(crate) struct $name {
            $($own: $t,)*
            kind: EventTag,
            status: Option<ApplicationStatus>,
            message: Option<String>,
            request: Option<MaterialRequest>,
            department: Option<String>,
            from: Option<Speaker>,
            text: Option<String>,
            documents: Option<Vec<Document>>,
            role: Option<StaffRole>,
        }
    };
}

with_event_fields!(EventKindWire {});

with_event_fields!(
    /// A [`FeedEvent`]: its own fields, then its [`EventKind`]'s.
    FeedEventWire {
        cursor: i64,
        draft_id: DraftId,
        reference: String,
        at: i64,
        by: Option<String>,
    }
);

impl TryFrom<EventKindWire> for EventKind {
    type Error = String;

    fn try_from(w: EventKindWire) -> Result<Self, String> {
        Ok(match w.kind {
            EventTag::Status => Self::Status {
                status: need(w.status, "status")?,
                message: w.message.unwrap_or_default(),
                request: w.request,
            },
            EventTag::Routed => Self::Routed {
                department: need(w.department, "department")?,
            },
            EventTag::Message => Self::Message {
                from: w.from.unwrap_or_default(),
                text: w.text.unwrap_or_default(),
                documents: w.documents.unwrap_or_default(),
            },
            EventTag::Access => Self::Access {
                role: w.role.unwrap_or_default(),
                department: w.department,
            },
        })
    }
}

impl TryFrom<FeedEventWire> for FeedEvent {
    type Error = String;

    fn try_from(w: FeedEventWire) -> Result<Self, String> {
        let event = EventKindWire {
            kind: w.kind,
            status: w.status,
            message: w.message,
            request: w.request,
            department: w.department,
            from: w.from,
            text: w.text,
            documents: w.documents,
            role: w.role,
        };
        Ok(Self {
            cursor: w.cursor,
            draft_id: w.draft_id,
            reference: w.reference,
            event: event.try_into()?,
            at: w.at,
            by: w.by,
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum FieldTag {
    Text,
    LongText,
    PersonName,
    Pinyin,
    Date,
    IdCard,
    Passport,
    HkMacaoPermit,
    TaiwanPermit,
    Phone,
    Email,
    AddressOverseas,
    AddressChina,
    Choice,
    YesNo,
    Group,
    Material,
}

/// A [`Field`]: its own fields, then its [`FieldKind`]'s.
#[derive(Deserialize)]
pub(crate) struct FieldWire {
    id: String,
    label: LocalizedText,
    hint: Option<LocalizedText>,
    required: Option<bool>,
    show_if: Option<Condition>,
    #[serde(rename = "type")]
    kind: FieldTag,
    rule: Option<DateRule>,
    options: Option<Vec<ChoiceOption>>,
    fields: Option<Vec<Field>>,
    min: Option<u8>,
    max: Option<u8>,
    item_label: Option<LocalizedText>,
    material: Option<String>,
}

impl TryFrom<FieldWire> for Field {
    type Error = String;

    fn try_from(w: FieldWire) -> Result<Self, String> {
        let kind = match w.kind {
            FieldTag::Text => FieldKind::Text,
            FieldTag::LongText => FieldKind::LongText,
            FieldTag::PersonName => FieldKind::PersonName,
            FieldTag::Pinyin => FieldKind::Pinyin,
            FieldTag::Date => FieldKind::Date { rule: w.rule },
            FieldTag::IdCard => FieldKind::IdCard,
            FieldTag::Passport => FieldKind::Passport,
            FieldTag::HkMacaoPermit => FieldKind::HkMacaoPermit,
            FieldTag::TaiwanPermit => FieldKind::TaiwanPermit,
            FieldTag::Phone => FieldKind::Phone,
            FieldTag::Email => FieldKind::Email,
            FieldTag::AddressOverseas => FieldKind::AddressOverseas,
            FieldTag::AddressChina => FieldKind::AddressChina,
            FieldTag::Choice => FieldKind::Choice {
                options: need(w.options, "options")?,
            },
            FieldTag::YesNo => FieldKind::YesNo,
            FieldTag::Group => FieldKind::Group {
                fields: need(w.fields, "fields")?,
                min: w.min.unwrap_or(0),
                max: w.max.unwrap_or(crate::catalog::GROUP_MAX),
                item_label: need(w.item_label, "item_label")?,
            },
            FieldTag::Material => FieldKind::Material {
                material: need(w.material, "material")?,
            },
        };
        Ok(Self {
            id: w.id,
            label: w.label,
            hint: w.hint,
            kind,
            required: w.required.unwrap_or(false),
            show_if: w.show_if,
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum StatusTag {
    Unknown,
    Online,
    Offline,
}

#[derive(Deserialize)]
pub(crate) struct StatusWire {
    state: StatusTag,
    catalog_version: Option<u64>,
    update_refused: Option<bool>,
}

impl TryFrom<StatusWire> for BackendStatus {
    type Error = String;

    fn try_from(w: StatusWire) -> Result<Self, String> {
        Ok(match w.state {
            StatusTag::Unknown => Self::Unknown,
            StatusTag::Online => Self::Online {
                catalog_version: need(w.catalog_version, "catalog_version")?,
                update_refused: w.update_refused.unwrap_or(false),
            },
            StatusTag::Offline => Self::Offline,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use uuid::Uuid;

    use super::*;
    use crate::catalog::GuideId;
    use crate::lang::Lang;
    use crate::sync::RequestReason;

    /// Written by serde's derived code and read back here, as the same value.
    fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
        let json = serde_json::to_string(value).expect("write");
        let back: T = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(&back, value, "{json}");
    }

    fn refusal<T: DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
        serde_json::from_str::<T>(json)
            .expect_err("should be refused")
            .to_string()
    }

    fn delegation() -> Delegation {
        Delegation {
            id: Uuid::nil(),
            principal_key: "a2V5".into(),
            principal_name: "林小梅".into(),
            principal_document: "E12345678".into(),
            agent_name: "林大伟".into(),
            agent_id_number: "330302196001011234".into(),
            guides: vec![GuideId("wz-hukou-01".into())],
            valid_from: 1,
            valid_until: 2,
            issued_at: 1,
            principal: None,
            proof: Some("proof".into()),
        }
    }

    #[test]
    fn every_check_reads_back_as_written() {
        let d = delegation;
        for check in [
            DelegationCheck::Valid { delegation: d() },
            DelegationCheck::Revoked {
                delegation: d(),
                revoked_at: 7,
            },
            DelegationCheck::Expired { delegation: d() },
            DelegationCheck::NotYetValid { delegation: d() },
            DelegationCheck::UnknownSigner { delegation: d() },
            DelegationCheck::IdentityNotProven { delegation: d() },
            DelegationCheck::TooLong { delegation: d() },
            DelegationCheck::NotEntrustable { delegation: d() },
            DelegationCheck::Tampered,
        ] {
            round_trip(&check);
        }
        assert!(
            refusal::<DelegationCheck>(r#"{"state":"revoked","revoked_at":1}"#)
                .contains("missing field `delegation`")
        );
        assert!(refusal::<DelegationCheck>(r#"{"state":"forged"}"#).contains("unknown variant"));
        assert!(refusal::<DelegationCheck>("{}").contains("missing field `state`"));
    }

    #[test]
    fn every_outbox_state_reads_back_as_written() {
        for state in [
            OutboxState::Waiting {
                attempts: 2,
                next_attempt_at: 9,
                last_error: None,
            },
            OutboxState::Waiting {
                attempts: 0,
                next_attempt_at: 0,
                last_error: Some("unreachable".into()),
            },
            OutboxState::Sending,
            OutboxState::SetAside {
                error: "too-large".into(),
                message: "…".into(),
            },
            OutboxState::Delivered {
                reference: "WZ-1".into(),
                received_at: 3,
            },
        ] {
            round_trip(&state);
        }
        assert!(
            refusal::<OutboxState>(r#"{"state":"waiting","attempts":1}"#)
                .contains("missing field `next_attempt_at`")
        );
        // Fields another state uses are ignored, as serde's tagged reader ignores them.
        assert_eq!(
            serde_json::from_str::<OutboxState>(r#"{"state":"sending","attempts":1}"#).unwrap(),
            OutboxState::Sending
        );
    }

    #[test]
    fn every_feed_event_reads_back_as_written() {
        let event = |event| FeedEvent {
            cursor: 4,
            draft_id: DraftId(Uuid::nil()),
            reference: "WZ-1".into(),
            event,
            at: 5,
            by: None,
        };
        for kind in [
            EventKind::Status {
                status: ApplicationStatus::MoreMaterialNeeded,
                message: "请补充".into(),
                request: Some(MaterialRequest {
                    fields: vec!["passport".into()],
                    reason: RequestReason::Unreadable,
                }),
            },
            EventKind::Status {
                status: ApplicationStatus::Approved,
                message: String::new(),
                request: None,
            },
            EventKind::Routed {
                department: "公安".into(),
            },
            EventKind::Message {
                from: Speaker::Office,
                text: "好".into(),
                documents: vec![Document {
                    id: "ab".into(),
                    file_name: "a.pdf".into(),
                    mime: "application/pdf".into(),
                    size: 3,
                    sha256: "00".into(),
                }],
            },
            EventKind::Access {
                role: StaffRole::default(),
                department: Some("民政".into()),
            },
            EventKind::Access {
                role: StaffRole::default(),
                department: None,
            },
        ] {
            round_trip(&kind);
            round_trip(&event(kind));
        }
        let mut staff = event(EventKind::Routed {
            department: "x".into(),
        });
        staff.by = Some("officer-li".into());
        round_trip(&staff);
        let missing = r#"{"cursor":1,"draft_id":"00000000-0000-0000-0000-000000000000",
            "reference":"R","at":1,"kind":"routed"}"#;
        assert!(refusal::<FeedEvent>(missing).contains("missing field `department`"));
    }

    #[test]
    fn every_field_kind_reads_back_as_written() {
        let label = LocalizedText::new(&[(Lang::ZhCn, "问题")]);
        let field = |kind| Field {
            id: "q".into(),
            label: label.clone(),
            hint: None,
            kind,
            required: true,
            show_if: None,
        };
        let kinds = [
            FieldKind::Text,
            FieldKind::LongText,
            FieldKind::PersonName,
            FieldKind::Pinyin,
            FieldKind::Date { rule: None },
            FieldKind::Date {
                rule: Some(DateRule::Past),
            },
            FieldKind::IdCard,
            FieldKind::Passport,
            FieldKind::HkMacaoPermit,
            FieldKind::TaiwanPermit,
            FieldKind::Phone,
            FieldKind::Email,
            FieldKind::AddressOverseas,
            FieldKind::AddressChina,
            FieldKind::Choice {
                options: vec![ChoiceOption {
                    value: "a".into(),
                    label: label.clone(),
                }],
            },
            FieldKind::YesNo,
            FieldKind::Group {
                fields: vec![field(FieldKind::Text)],
                min: 1,
                max: 4,
                item_label: label.clone(),
            },
            FieldKind::Material {
                material: "photo".into(),
            },
        ];
        for kind in kinds {
            round_trip(&field(kind));
        }
        let mut conditional = field(FieldKind::YesNo);
        conditional.hint = Some(label.clone());
        conditional.required = false;
        conditional.show_if = Some(Condition {
            field: "p".into(),
            equals: "yes".into(),
        });
        round_trip(&conditional);
        // What a source may leave out.
        let group: Field = serde_json::from_str(
            r#"{"id":"family","label":{"zh-CN":"家人"},"type":"group","fields":[],
                "item_label":{"zh-CN":"家人"}}"#,
        )
        .unwrap();
        assert_eq!(
            (group.required, group.kind.clone()),
            (
                false,
                FieldKind::Group {
                    fields: vec![],
                    min: 0,
                    max: crate::catalog::GROUP_MAX,
                    item_label: LocalizedText::new(&[(Lang::ZhCn, "家人")]),
                }
            )
        );
        assert!(refusal::<Field>(r#"{"id":"q","label":{},"type":"choice"}"#)
            .contains("missing field `options`"));
        assert!(
            refusal::<Field>(r#"{"id":"q","label":{},"type":"dropdown"}"#)
                .contains("unknown variant")
        );
    }

    #[test]
    fn every_backend_status_reads_back_as_written() {
        for status in [
            BackendStatus::Unknown,
            BackendStatus::Online {
                catalog_version: 3,
                update_refused: false,
            },
            BackendStatus::Online {
                catalog_version: 3,
                update_refused: true,
            },
            BackendStatus::Offline,
        ] {
            round_trip(&status);
        }
        assert!(refusal::<BackendStatus>(r#"{"state":"online"}"#)
            .contains("missing field `catalog_version`"));
    }
}

//! One application as staff open it: each submission with its signature and identity proofs
//! checked again, its answers and documents; the forms to decide, route and (administrators)
//! revoke the device's key; and the timeline.

use homeward_domain::conversation::Speaker;
use homeward_domain::identity::IssuerKind;
use homeward_domain::staff::{
    ApplicationDetail, ApplicationSummary, IdentityProof, SubmissionView,
};
use homeward_domain::sync::{ApplicationStatus, EventKind, FeedEvent, RequestReason, Submission};
use homeward_domain::Lang;
use maud::{html, Markup};

use super::super::layout::{self, csrf_field};
use super::super::paths;
use super::super::{guide_title, profile_table, tr, tr_args, when, Typed};
use super::{status_tag, WANT};
use crate::routes::CatalogBody;
use crate::staff::Staff;

/// The page, titled with the application's reference.
/// `site` is the registered name of the liaison site it was sent from, if any.
pub(super) fn page(
    catalog: &CatalogBody,
    lang: Lang,
    me: &Staff,
    d: &ApplicationDetail,
    site: Option<&str>,
) -> Markup {
    let reference = &d.summary.reference;
    let fingerprint: String = d.device_key.chars().take(12).collect();
    let body = html! {
        p class="muted" { a href=(paths::HOME) { (tr(lang, "console-back")) } }
        h1 { (reference) " · " (guide_title(catalog, lang, &d.summary.guide_id)) }
        p { (status_tag(lang, d.summary.status)) " " (d.summary.department.as_deref().unwrap_or("")) }
        @if let (Some(id), Some(volunteer)) = (&d.summary.site_id, &d.summary.volunteer) {
            p class="card" id="assisted" {
                (tr(lang, "console-assisted")) " " strong { (Typed(site.unwrap_or(id))) }
                " · " (tr(lang, "console-assisted-volunteer")) " " strong { (Typed(volunteer)) }
            }
        }
        (conversation_link(lang, d))
        @for s in d.submissions.iter().rev() {
            (submission(catalog, lang, d, &fingerprint, s))
        }
        div class="grid" {
            (decision_form(catalog, lang, me, &d.summary))
            form class="card" method="post" action=(paths::fill(paths::ROUTE, &[reference])) id="routing" {
                h2 { (tr(lang, "console-route")) }
                (csrf_field(me))
                input type="hidden" name="version" value=(d.summary.version);
                label for="department" { (tr(lang, "console-route-department")) }
                input id="department" name="department" required maxlength="100";
                p { button type="submit" { (tr(lang, "console-route-submit")) } }
            }
        }
        @if me.account.admin {
            // A lost or stolen phone: the person proves their identity again on a new one, and
            // an administrator withdraws the old key here.
            form class="card" method="post" action=(paths::REVOKE_DEVICE) id="revoke-device" {
                h2 { (tr(lang, "console-revoke-device")) }
                p class="muted" { (tr(lang, "console-revoke-device-body")) }
                (csrf_field(me))
                input type="hidden" name="public_key" value=(d.device_key);
                input type="hidden" name="reference" value=(reference);
                label {
                    input type="checkbox" name="confirm" value="1" required;
                    " " (tr(lang, "console-revoke-device-confirm"))
                }
                p { button type="submit" { (tr(lang, "console-revoke-device")) } }
            }
        }
        h2 { (tr(lang, "console-timeline")) }
        ul class="timeline" id="timeline" {
            @for e in &d.events {
                li { span class="muted" { (when(e.at)) } " " (event_text(catalog, lang, &d.summary.guide_id, e)) }
            }
        }
    };
    layout::page(lang, reference, Some(me), &body)
}

/// One submission: its signature, identity proofs, answers and documents.
fn submission(
    catalog: &CatalogBody,
    lang: Lang,
    d: &ApplicationDetail,
    fingerprint: &str,
    s: &SubmissionView,
) -> Markup {
    let reference = &d.summary.reference;
    let signature = format!("signature-{}", s.revision);
    html! {
        section class="card submission" {
            h2 { (tr_args(lang, "console-revision", &[("revision", s.revision.into())])) }
            p {
                @if s.signature_verified {
                    span class="ok" id=(signature) data-verified="true" {
                        "✓ " (tr(lang, "console-signature-verified"))
                    }
                } @else {
                    span class="bad" id=(signature) data-verified="false" {
                        "✗ " (tr(lang, "console-signature-failed"))
                    }
                }
                " "
                span class="muted" {
                    (tr(lang, "console-device-key")) " " (fingerprint) "… · " (when(s.received_at))
                }
            }
            (identity_proofs(lang, s.revision, &s.identity))
            @if let Some(applicant) = s.submission.applicant.as_ref().filter(|_| !s.identity.is_empty()) {
                div class="applicant" id={ "applicant-" (s.revision) } {
                    strong { (tr(lang, "console-proven-person")) }
                    (profile_table(lang, applicant))
                }
            }
            table {
                tbody {
                    @for (key, label, value) in answer_table(catalog, lang, &d.summary.guide_id, &s.submission) {
                        tr data-field=(key) { th { (Typed(&label)) } td { (Typed(&value)) } }
                    }
                }
            }
            h2 { (tr(lang, "console-materials")) }
            @if s.submission.materials.is_empty() {
                p class="muted" { (tr(lang, "console-no-materials")) }
            } @else {
                ul class="materials" {
                    @for m in &s.submission.materials {
                        @let href = paths::fill(paths::MATERIAL, &[reference, &m.sha256]);
                        li {
                            a href=(href) { (m.file_name) }
                            " "
                            span class="muted" {
                                "(" (m.kind) ", " (m.size.div_ceil(1024)) " KB, SHA-256 "
                                (m.sha256.chars().take(12).collect::<String>()) "…)"
                            }
                            @if m.mime.starts_with("image/") {
                                br;
                                img class="preview" src=(href) alt=(m.file_name);
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The form to decide, offering only the statuses the application can move to; none once it
/// can move no further.
fn decision_form(
    catalog: &CatalogBody,
    lang: Lang,
    me: &Staff,
    app: &ApplicationSummary,
) -> Markup {
    let reference = &app.reference;
    // A request for more material names the guide's document questions, each in the person's
    // language on their device.
    let wanted: Vec<(String, String)> = catalog
        .guide(&app.guide_id)
        .map(|g| {
            g.form
                .material_fields()
                .filter_map(|f| Some((f.id.clone(), g.document_name(&f.id)?.get(lang).to_owned())))
                .collect()
        })
        .unwrap_or_default();
    let asks_more = next_allows_request(app.status);
    let next: Vec<ApplicationStatus> = ApplicationStatus::ALL
        .into_iter()
        .filter(|s| app.status.can_become(*s))
        .collect();
    html! {
        @if !next.is_empty() {
            form class="card" method="post" action=(paths::fill(paths::DECISION, &[reference])) id="decision" {
                h2 { (tr(lang, "console-decide")) }
                (csrf_field(me))
                // The version this page shows: a decision on an older one is refused.
                input type="hidden" name="version" value=(app.version);
                label for="decision-status" { (tr(lang, "console-decision-status")) }
                select id="decision-status" name="status" {
                    @for s in next {
                        option value=(s.slug()) {
                            (tr(lang, &format!("application-status-{}", s.slug())))
                        }
                    }
                }
                @if asks_more && !wanted.is_empty() {
                    fieldset id="decision-request" {
                        legend { (tr(lang, "console-request")) }
                        p class="muted" { (tr(lang, "console-request-hint")) }
                        @for (id, label) in &wanted {
                            label class="check" {
                                input type="checkbox" name=(format!("{WANT}{id}")) data-field=(id);
                                " " (label)
                            }
                        }
                        label for="decision-reason" { (tr(lang, "console-request-reason")) }
                        select id="decision-reason" name="reason" {
                            option value="" { (tr(lang, "console-request-reason-none")) }
                            @for r in RequestReason::ALL {
                                option value=(r.slug()) { (tr(lang, &format!("request-reason-{}", r.slug()))) }
                            }
                        }
                    }
                }
                label for="decision-message" { (tr(lang, "console-decision-message")) }
                textarea id="decision-message" name="message" maxlength="2000" {}
                p { button type="submit" { (tr(lang, "console-decision-submit")) } }
            }
        }
    }
}

/// Whether an application in `status` can be asked for more material.
fn next_allows_request(status: ApplicationStatus) -> bool {
    status.can_become(ApplicationStatus::MoreMaterialNeeded)
}

/// One entry of the timeline.
fn event_text(catalog: &CatalogBody, lang: Lang, guide: &str, e: &FeedEvent) -> Markup {
    html! {
        @match &e.event {
            EventKind::Status { status, message, request } => {
                (status_tag(lang, *status))
                @if let Some(r) = request {
                    " " span class="request" {
                        (tr_args(lang, "console-event-request", &[
                            ("documents", requested_labels(catalog, lang, guide, &r.fields).into()),
                            ("reason", tr(lang, &format!("request-reason-{}", r.reason.slug())).into()),
                        ]))
                    }
                }
                @if !message.is_empty() { " " q class="officer-words" { (message) } }
            }
            EventKind::Routed { department } => {
                (tr_args(lang, "console-event-routed", &[("department", department.clone().into())]))
            }
            EventKind::Access { .. } => {
                (tr_args(lang, "console-event-access", &[("staff", e.by.clone().unwrap_or_default().into())]))
            }
            // The words are on the conversation's page, where reading them is recorded.
            EventKind::Message { from: Speaker::Person, documents, .. } => {
                (tr_args(lang, "console-event-message-person", &[("documents", documents.len().into())]))
            }
            EventKind::Message { from: Speaker::Office, documents, .. } => {
                (tr_args(lang, "console-event-message-office", &[
                    ("staff", e.by.clone().unwrap_or_default().into()),
                    ("documents", documents.len().into()),
                ]))
            }
        }
    }
}

/// The way to the conversation on the application, with how many messages it holds and
/// whether the person wrote last (a question waiting for an answer).
fn conversation_link(lang: Lang, d: &ApplicationDetail) -> Markup {
    let said: Vec<Speaker> = d
        .events
        .iter()
        .filter_map(|e| match e.event {
            EventKind::Message { from, .. } => Some(from),
            _ => None,
        })
        .collect();
    let waiting = said.last() == Some(&Speaker::Person);
    html! {
        p class="card" id="conversation" data-waiting=(waiting) {
            a href=(paths::fill(paths::CONVERSATION, &[&d.summary.reference])) id="open-conversation" {
                (tr_args(lang, "console-conversation-open", &[("count", said.len().into())]))
            }
            @if waiting {
                " " span class="tag more-material-needed" { (tr(lang, "console-conversation-waiting")) }
            }
        }
    }
}

/// The labels of the document questions a request names, joined, in `lang`.
fn requested_labels(catalog: &CatalogBody, lang: Lang, guide: &str, fields: &[String]) -> String {
    let guide = catalog.guide(guide);
    fields
        .iter()
        .map(|id| {
            guide
                .and_then(|g| g.document_name(id))
                .map_or_else(|| id.clone(), |name| name.get(lang).to_owned())
        })
        .collect::<Vec<_>>()
        .join(if matches!(lang, Lang::ZhCn | Lang::ZhTw) {
            "、"
        } else {
            ", "
        })
}

/// A submission's answers as (key, question, answer), in the form's order with the options'
/// labels, as the applicant saw them; answers the current form does not know follow, raw.
fn answer_table(
    catalog: &CatalogBody,
    lang: Lang,
    guide: &str,
    submission: &Submission,
) -> Vec<(String, String, String)> {
    use homeward_domain::draft::{answer_rows, MaterialInfo, Shown};
    let Some(guide) = catalog.guide(guide) else {
        return submission
            .answers
            .iter()
            .map(|(k, v)| (k.clone(), k.clone(), v.clone()))
            .collect();
    };
    let docs: Vec<MaterialInfo> = submission
        .materials
        .iter()
        .map(|m| MaterialInfo {
            id: uuid::Uuid::nil(),
            field: m.field.clone(),
            kind: m.kind.clone(),
            file_name: m.file_name.clone(),
            mime: m.mime.clone(),
            size: m.size,
            original_size: m.size,
            sha256: m.sha256.clone(),
            dimensions: None,
            added_at: 0,
        })
        .collect();
    let rows = answer_rows(&guide.form, &submission.answers, &docs);
    let mut table: Vec<(String, String, String)> = rows
        .iter()
        .map(|row| {
            let label = match &row.item {
                Some((group, n)) => format!("{} {n} · {}", group.get(lang), row.label.get(lang)),
                None => row.label.get(lang).to_owned(),
            };
            let value = match &row.value {
                Shown::Missing => "—".to_owned(),
                Shown::Text(t) => t.clone(),
                Shown::Choice(label) => label.get(lang).to_owned(),
                Shown::Yes => tr(lang, "field-yes"),
                Shown::No => tr(lang, "field-no"),
                Shown::Files(names) => names.join("、"),
            };
            (row.key.clone(), label, value)
        })
        .collect();
    for (k, v) in &submission.answers {
        if !rows.iter().any(|r| &r.key == k) {
            table.push((k.clone(), k.clone(), v.clone()));
        }
    }
    table
}

/// The identity proofs of one submission, each checked again: who verified the person, how,
/// and until when; or why it no longer holds.
fn identity_proofs(lang: Lang, revision: u32, proofs: &[IdentityProof]) -> Markup {
    html! {
        div class="identity" id={ "identity-" (revision) } {
            strong { (tr(lang, "console-identity")) }
            " "
            @if proofs.is_empty() {
                span class="muted" { (tr(lang, "console-identity-self-asserted")) }
            }
            @for p in proofs {
                @let what = proof_text(lang, p);
                @match p.problem {
                    None => span class="ok" data-verified="true" { "✓ " (what) },
                    Some(code) => span class="bad" data-verified="false" data-problem=(code.slug()) {
                        "✗ " (what) " " (tr(lang, &format!("error-{}", code.slug())))
                    },
                }
                " "
            }
        }
    }
}

/// What an identity proof says: the level, who attested it, and until when.
fn proof_text(lang: Lang, p: &IdentityProof) -> String {
    p.attestation.as_ref().map_or_else(String::new, |a| {
        let level = tr(lang, &format!("level-{}", a.level.slug()));
        let by = tr_args(
            lang,
            match a.issuer_kind {
                IssuerKind::Site => "attestation-by-site",
                IssuerKind::Officer => "attestation-by-officer",
            },
            &[
                ("site", a.issuer_id.clone().into()),
                ("officer", a.issuer_id.clone().into()),
            ],
        );
        format!("{level} · {by} · {}", when(a.expires_at))
    })
}

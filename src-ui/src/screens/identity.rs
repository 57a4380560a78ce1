//! My identity: the level proven, how to reach a higher one, the code to show a volunteer and
//! the confirmation they give back. And site mode, where a liaison site's laptop reads a
//! person's code, the volunteer checks their documents face to face, and signs.

use homeward_domain::catalog::IdentityLevel;
use homeward_domain::identity::{
    AttestationSummary, Code, DocumentKind, IdentityStatus, IssuerKind, ProofRequest,
    ProofingRequestState, SiteInfo,
};
use homeward_domain::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{use_nav, Screen};
use crate::i18n::{key, t, t_args};
use crate::ipc;
use crate::screens::desk::{
    desk_error, refresh_desk, use_desk, use_walk_in, DeskAdmin, DeskOnDuty, FirstVolunteer,
    WalkInDesk,
};
use crate::widgets::{
    format_china_day, format_time, level_name, picked_file, BackLink, ConfirmAction, ErrorNote,
};

/// What a level lets the person do, in a sentence.
fn level_meaning(level: IdentityLevel) -> String {
    t(match level {
        IdentityLevel::SelfAsserted => key("level-self-asserted-means"),
        IdentityLevel::DocumentsReviewed => key("level-documents-reviewed-means"),
        IdentityLevel::OnsiteAttended => key("level-onsite-attended-means"),
        IdentityLevel::RemoteAttended => key("level-remote-attended-means"),
    })
}

/// A QR code and its text, which can be selected and copied where there is no camera.
#[component]
fn CodeView(code: Code, id: &'static str) -> impl IntoView {
    view! {
        <figure class="qr" id=id>
            <div class="qr-image" role="img" aria-label=move || t("qr-image-label") inner_html=code.svg></div>
            <figcaption>
                <label for=format!("{id}-text")>{move || t("code-text-label")}</label>
                <textarea id=format!("{id}-text") class="code-text" readonly rows="4"
                    prop:value=code.text></textarea>
            </figcaption>
        </figure>
    }
}

/// Takes a photo of a QR code (on a phone the picker offers the camera) and puts its text into
/// `target`, as if pasted.
#[component]
pub fn ScanButton(
    id: &'static str,
    target: RwSignal<String>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let busy = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        let Some((input, file)) = picked_file(&ev) else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            if let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                match ipc::read_code_image(&js_sys::Uint8Array::new(&buffer)).await {
                    Ok(text) => {
                        error.set(None);
                        target.set(text);
                    }
                    Err(e) => error.set(Some(e)),
                }
            }
            input.set_value("");
            busy.set(false);
        });
    };
    view! {
        <label class="file-button scan" class:busy=move || busy.get()>
            <input type="file" id=id accept="image/*" capture="environment"
                on:change=on_file disabled=move || busy.get()/>
            <span>{move || if busy.get() { t("code-scanning") } else { t("code-scan") }}</span>
        </label>
    }
}

#[component]
pub fn IdentityScreen() -> impl IntoView {
    let nav = use_nav();
    let walk_in = use_walk_in();
    let status = RwSignal::new(None::<IdentityStatus>);
    let error = RwSignal::new(None::<ApiError>);
    let code = RwSignal::new(None::<Code>);
    let pasted = RwSignal::new(String::new());
    let added = RwSignal::new(false);
    spawn_local(async move {
        match ipc::call(ipc::Identity {}).await {
            Ok(s) => status.set(Some(s)),
            Err(e) => error.set(Some(e)),
        }
    });
    let show_code = move |_| {
        spawn_local(async move {
            match ipc::call(ipc::ProofRequest {}).await {
                Ok(c) => {
                    error.set(None);
                    code.set(Some(c));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        added.set(false);
        let token = pasted.get_untracked();
        spawn_local(async move {
            match ipc::call(ipc::AddAttestation { token }).await {
                Ok(s) => {
                    error.set(None);
                    status.set(Some(s));
                    pasted.set(String::new());
                    added.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <BackLink/>
        <section class="identity">
            <h1 id="identity-title">{move || t("identity-title")}</h1>
            {move || status.get().map(|s| {
                let level = s.level;
                view! {
                    <div class="card level-card" id="identity-level" data-level=level.slug()>
                        <p class="eyebrow">{move || t("identity-level-now")}</p>
                        <p class="level-name">{move || level_name(level)}</p>
                        <p class="muted">{move || level_meaning(level)}</p>
                    </div>
                }
            })}
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}

            {move || walk_in.get().is_some().then(|| view! { <WalkInConfirm status=status/> })}
            <Show when=move || walk_in.get().is_none()>
            <section class="card">
                <h2>{move || t("identity-in-person")}</h2>
                <p>{move || t("identity-in-person-body")}</p>
                {move || match status.get() {
                    Some(s) if !s.profile_ready => view! {
                        <p class="notice" id="identity-profile-needed">{move || t("identity-profile-needed")}</p>
                        <button class="secondary" on:click=move |_| nav.go(Screen::Privacy)>
                            {move || t("privacy-link")}
                        </button>
                    }.into_any(),
                    _ => view! {
                        <button class="primary" id="show-identity-code" on:click=show_code>
                            {move || t("identity-show-code")}
                        </button>
                    }.into_any(),
                }}
                {move || code.get().map(|c| view! {
                    <p class="muted">{move || t("identity-code-hint")}</p>
                    <CodeView code=c id="identity-code"/>
                })}
                <form class="paste" on:submit=add novalidate>
                    <label for="attestation-text">{move || t("identity-paste-label")}</label>
                    <p class="hint">{move || t("identity-paste-hint")}</p>
                    <ScanButton id="scan-attestation" target=pasted error=error/>
                    <textarea id="attestation-text" rows="4"
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                    <div class="form-actions">
                        <button class="primary" type="submit" id="add-attestation">
                            {move || t("identity-add")}
                        </button>
                        {move || added.get().then(|| view! {
                            <span class="saved" id="attestation-added" role="status">{move || t("identity-added")}</span>
                        })}
                    </div>
                </form>
            </section>

            <VideoCard ready=Signal::derive(move || status.with(|s| s.as_ref().is_some_and(|s| s.profile_ready)))/>
            </Show>

            <section class="card">
                <h2>{move || t("identity-other-ways")}</h2>
                <ul class="bullets">
                    <li>{move || t("identity-way-documents")}</li>
                </ul>
                <button class="secondary" on:click=move |_| nav.go(Screen::Contacts)>
                    {move || t("identity-find-site")}
                </button>
            </section>

            {move || status.get().filter(|s| !s.attestations.is_empty()).map(|s| view! {
                <section class="section">
                    <h2>{move || t("identity-attestations")}</h2>
                    <ul class="list attestations">
                        {s.attestations.into_iter().map(|a| view! { <AttestationRow a=a/> }).collect_view()}
                    </ul>
                </section>
            })}
        </section>
    }
}

/// Verification by video: the person leaves a way to call them; an officer calls, compares, and
/// the confirmation arrives by itself.
#[component]
fn VideoCard(ready: Signal<bool>) -> impl IntoView {
    let pending = RwSignal::new(None::<ProofingRequestState>);
    let contact = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    spawn_local(async move {
        if let Ok(p) = ipc::call(ipc::PendingProofing {}).await {
            pending.set(p);
        }
    });
    let ask = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = contact.get_untracked();
        spawn_local(async move {
            match ipc::call(ipc::RequestVideoProofing { contact: c }).await {
                Ok(p) => {
                    error.set(None);
                    pending.set(Some(p));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card" id="video-proofing">
            <h2>{move || t("identity-video")}</h2>
            <p>{move || t("identity-video-body")}</p>
            {move || pending.get().filter(|p| !p.is_open()).map(|_| view! {
                <p class="error-note" id="video-declined" role="status">{move || t("identity-video-declined")}</p>
            })}
            {move || match pending.get().filter(ProofingRequestState::is_open) {
                Some(p) => view! {
                    <p class="notice" id="video-requested">
                        {t_args("identity-video-requested", &[("time", format_time(p.requested_at).into())])}
                    </p>
                }.into_any(),
                None => view! {
                    <form class="paste" on:submit=ask novalidate>
                        <label for="video-contact">{move || t("identity-video-contact")}</label>
                        <p class="hint">{move || t("identity-video-contact-hint")}</p>
                        <input id="video-contact" type="text" autocomplete="tel"
                            prop:value=move || contact.get()
                            on:input=move |ev| contact.set(event_target_value(&ev))/>
                        <div class="form-actions">
                            <button class="primary" type="submit" id="ask-video" disabled=move || !ready.get()>
                                {move || t("identity-video-ask")}
                            </button>
                        </div>
                    </form>
                }.into_any(),
            }}
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
        </section>
    }
}

#[component]
fn AttestationRow(a: AttestationSummary) -> impl IntoView {
    let by = match a.issuer_kind {
        IssuerKind::Site => t_args(
            "attestation-by-site",
            &[("site", a.issuer_id.clone().into())],
        ),
        IssuerKind::Officer => t_args(
            "attestation-by-officer",
            &[("officer", a.issuer_id.clone().into())],
        ),
    };
    let dates = t_args(
        "attestation-dates",
        &[
            ("issued", format_china_day(a.issued_at).into()),
            ("expires", format_china_day(a.expires_at).into()),
        ],
    );
    let level = a.level;
    view! {
        <li class="row attestation" data-current=a.current.to_string()>
            <span class="row-title">{move || level_name(level)}</span>
            <span class="row-meta">{by}" · "{dates}</span>
            {(!a.current).then(|| view! {
                <span class="tag" data-status="attestation-not-current">{move || t("attestation-not-current")}</span>
            })}
            {a.refused.map(|code| {
                let key = format!("error-{}", code.slug());
                view! { <span class="row-meta refused" data-code=code.slug()>{move || t(&key)}</span> }
            })}
        </li>
    }
}

/// For a walk-in at a site's desk: the volunteer compares the details the person gave with
/// their documents and the person in front of them, and the site signs for this session's own
/// key at once, with no code to scan.
#[component]
fn WalkInConfirm(status: RwSignal<Option<IdentityStatus>>) -> impl IntoView {
    let nav = use_nav();
    let desk = use_desk();
    let profile = RwSignal::new(None::<homeward_domain::privacy::Profile>);
    let checked = RwSignal::new(Vec::<DocumentKind>::new());
    let face_to_face = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let signed = RwSignal::new(false);
    spawn_local(async move {
        match ipc::call(ipc::Profile {}).await {
            Ok(p) => profile.set(p),
            Err(e) => error.set(Some(e)),
        }
    });
    let sign = move |_| {
        let documents = checked.get_untracked();
        spawn_local(async move {
            match ipc::call(ipc::AttestWalkIn { documents }).await {
                Ok(s) => {
                    error.set(None);
                    signed.set(true);
                    status.set(Some(s));
                }
                Err(e) => desk_error(desk, error, e),
            }
        });
    };
    view! {
        <section class="card compare" id="walk-in-confirm">
            <h2>{move || t("walk-in-confirm-title")}</h2>
            <p class="muted">{move || t("site-compare-hint")}</p>
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            {move || match profile.get() {
                None => view! {
                    <p class="notice" id="identity-profile-needed">{move || t("identity-profile-needed")}</p>
                    <button class="secondary" on:click=move |_| nav.go(Screen::Privacy)>
                        {move || t("privacy-link")}
                    </button>
                }.into_any(),
                Some(p) => view! {
                    <ProfileFacts profile=p name_id="walk-in-name-han"/>
                    <DocumentChecks checked=checked face_to_face=face_to_face/>
                    <div class="form-actions">
                        <button class="primary" id="sign-walk-in" on:click=sign
                            disabled=move || !face_to_face.get() || checked.with(Vec::is_empty)>
                            {move || t("site-sign")}
                        </button>
                        {move || signed.get().then(|| view! {
                            <span class="saved" id="walk-in-confirmed" role="status">{move || t("walk-in-confirmed")}</span>
                        })}
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

/// The details a person gave, for the volunteer to compare with their documents; the name in
/// characters carries `name_id`.
#[component]
fn ProfileFacts(
    profile: homeward_domain::privacy::Profile,
    name_id: &'static str,
) -> impl IntoView {
    let p = profile;
    view! {
        <dl class="facts">
            <div><dt>{move || t("profile-name-han")}</dt><dd id=name_id>{p.name_han}</dd></div>
            <div><dt>{move || t("profile-name-pinyin")}</dt><dd>{p.name_pinyin}</dd></div>
            <div><dt>{move || t("profile-birth-date")}</dt><dd>{p.birth_date}</dd></div>
            {(!p.id_number.is_empty()).then(|| view! {
                <div><dt>{move || t("profile-id-number")}</dt><dd>{p.id_number}</dd></div>
            })}
            {(!p.passport.is_empty()).then(|| view! {
                <div><dt>{move || t("profile-passport")}</dt><dd>{p.passport}</dd></div>
            })}
        </dl>
    }
}

/// What the volunteer ticks: the documents checked, and that the person is there in person.
#[component]
fn DocumentChecks(
    checked: RwSignal<Vec<DocumentKind>>,
    face_to_face: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <fieldset class="checks">
            <legend>{move || t("site-documents-checked")}</legend>
            {DOCUMENTS.into_iter().map(|(kind, slug, label)| view! {
                <label class="check">
                    <input type="checkbox" id=format!("checked-{slug}")
                        prop:checked=move || checked.with(|c| c.contains(&kind))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            checked.update(|c| {
                                c.retain(|k| *k != kind);
                                if on { c.push(kind); }
                            });
                        }/>
                    <span>{move || t(label)}</span>
                </label>
            }).collect_view()}
            <label class="check">
                <input type="checkbox" id="checked-face-to-face"
                    prop:checked=move || face_to_face.get()
                    on:change=move |ev| face_to_face.set(event_target_checked(&ev))/>
                <span>{move || t("site-face-to-face")}</span>
            </label>
        </fieldset>
    }
}

/// The documents a volunteer may have checked, with their label keys.
const DOCUMENTS: [(DocumentKind, &str, &str); 2] = [
    (DocumentKind::Passport, "passport", key("document-passport")),
    (DocumentKind::IdCard, "id-card", key("document-id-card")),
];

#[component]
pub fn SiteScreen() -> impl IntoView {
    let site = RwSignal::new(None::<Option<SiteInfo>>);
    let error = RwSignal::new(None::<ApiError>);
    spawn_local(async move {
        match ipc::call(ipc::Site {}).await {
            Ok(s) => site.set(Some(s)),
            Err(e) => error.set(Some(e)),
        }
    });
    view! {
        <BackLink/>
        <section class="site">
            <h1 id="site-title">{move || t("site-title")}</h1>
            <p class="muted">{move || t("site-intro")}</p>
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            {move || match site.get() {
                None => ().into_any(),
                Some(None) => view! { <SiteSetup site=site error=error/> }.into_any(),
                Some(Some(info)) => view! { <SiteWithDesk info=info site=site/> }.into_any(),
            }}
        </section>
    }
}

/// A site's desk: its first volunteer registered before anything else; then who is on duty,
/// the confirmations, and the site's volunteers and log.
#[component]
fn SiteWithDesk(info: SiteInfo, site: RwSignal<Option<Option<SiteInfo>>>) -> impl IntoView {
    let desk = use_desk();
    let walk_in = use_walk_in();
    let first = Memo::new(move |_| {
        desk.with(|d| {
            d.as_ref()
                .map(homeward_domain::desk::DeskState::needs_first_volunteer)
        })
    });
    move || match first.get() {
        None => ().into_any(),
        Some(true) => view! { <FirstVolunteer/> }.into_any(),
        Some(false) => view! {
            <DeskOnDuty/>
            <WalkInDesk/>
            <SiteDesk info=info.clone() site=site/>
            // Closed while a walk-in is served: their hands are on this laptop.
            <Show when=move || walk_in.get().is_none()>
                <DeskAdmin/>
            </Show>
        }
        .into_any(),
    }
}

#[component]
fn SiteSetup(
    site: RwSignal<Option<Option<SiteInfo>>>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let desk = use_desk();
    let id = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let enable = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (i, n) = (id.get_untracked(), name.get_untracked());
        spawn_local(async move {
            match ipc::call(ipc::EnableSiteMode { id: i, name: n }).await {
                Ok(info) => {
                    error.set(None);
                    refresh_desk(desk);
                    site.set(Some(Some(info)));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="card" id="site-setup" on:submit=enable novalidate>
            <h2>{move || t("site-setup")}</h2>
            <div class="field">
                <label for="site-id">{move || t("site-id")}</label>
                <p class="hint">{move || t("site-id-hint")}</p>
                <input id="site-id" type="text" autocomplete="off"
                    prop:value=move || id.get() on:input=move |ev| id.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="site-name">{move || t("site-name")}</label>
                <input id="site-name" type="text" autocomplete="off"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <div class="form-actions">
                <button class="primary" type="submit" id="enable-site">{move || t("site-enable")}</button>
            </div>
        </form>
    }
}

#[component]
fn SiteDesk(info: SiteInfo, site: RwSignal<Option<Option<SiteInfo>>>) -> impl IntoView {
    let desk = use_desk();
    let walk_in = use_walk_in();
    let text = RwSignal::new(String::new());
    let request = RwSignal::new(None::<ProofRequest>);
    let checked = RwSignal::new(Vec::<DocumentKind>::new());
    let face_to_face = RwSignal::new(false);
    let signed = RwSignal::new(None::<Code>);
    let error = RwSignal::new(None::<ApiError>);
    let read = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        signed.set(None);
        let t = text.get_untracked();
        spawn_local(async move {
            match ipc::call(ipc::ReadProofRequest { text: t }).await {
                Ok(r) => {
                    error.set(None);
                    checked.set(vec![]);
                    face_to_face.set(false);
                    request.set(Some(r));
                }
                Err(e) => {
                    request.set(None);
                    error.set(Some(e));
                }
            }
        });
    };
    let sign = move |_| {
        let (t, docs) = (text.get_untracked(), checked.get_untracked());
        spawn_local(async move {
            match ipc::call(ipc::Attest {
                text: t,
                documents: docs,
            })
            .await
            {
                Ok(code) => {
                    error.set(None);
                    signed.set(Some(code));
                }
                Err(e) => desk_error(desk, error, e),
            }
        });
    };
    let next = move |_| {
        text.set(String::new());
        request.set(None);
        signed.set(None);
        checked.set(vec![]);
        face_to_face.set(false);
    };
    let leave = Callback::new(move |()| {
        spawn_local(async move {
            match ipc::call(ipc::DisableSiteMode {}).await {
                Ok(()) => {
                    desk.set(None);
                    site.set(Some(None));
                }
                Err(e) => desk_error(desk, error, e),
            }
        });
    });
    let key_text = info.public_key.clone();
    view! {
        <div class="card site-info" id="site-info" data-site=info.id.clone()>
            <p class="eyebrow">{move || t("site-signing-as")}</p>
            <p class="level-name">{info.name.clone()}" ("{info.id.clone()}")"</p>
            <p class="muted" id="site-key-hint">{move || t("site-key-hint")}</p>
            <textarea id="site-public-key" class="code-text" readonly rows="2" prop:value=key_text
                aria-labelledby="site-key-hint"></textarea>
        </div>
        {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
        <form class="card paste" on:submit=read novalidate>
            <h2>{move || t("site-read")}</h2>
            <label for="proof-request-text">{move || t("site-read-label")}</label>
            <p class="hint">{move || t("site-read-hint")}</p>
            <ScanButton id="scan-proof-request" target=text error=error/>
            <textarea id="proof-request-text" rows="4"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <div class="form-actions">
                <button class="primary" type="submit" id="read-proof-request">{move || t("site-read-button")}</button>
            </div>
        </form>
        {move || request.get().map(|r| {
            let p = r.profile.clone();
            view! {
                <section class="card compare" id="proof-details">
                    <h2>{move || t("site-compare")}</h2>
                    <p class="muted">{move || t("site-compare-hint")}</p>
                    <ProfileFacts profile=p name_id="compare-name-han"/>
                    <DocumentChecks checked=checked face_to_face=face_to_face/>
                    <div class="form-actions">
                        <button class="primary" id="sign-attestation" on:click=sign
                            disabled=move || !face_to_face.get() || checked.with(Vec::is_empty)>
                            {move || t("site-sign")}
                        </button>
                    </div>
                </section>
            }
        })}
        {move || signed.get().map(|c| view! {
            <section class="card">
                <h2>{move || t("site-signed")}</h2>
                <p class="muted">{move || t("site-signed-hint")}</p>
                <CodeView code=c id="attestation-code"/>
                <div class="form-actions">
                    <button class="secondary" id="next-person" on:click=next>{move || t("site-next")}</button>
                </div>
            </section>
        })}
        <section class="card danger-zone" prop:hidden=move || walk_in.get().is_some()>
            <h2>{move || t("site-leave")}</h2>
            <p class="muted">{move || t("site-leave-body")}</p>
            <ConfirmAction label=key("site-leave") question=key("site-leave-confirm")
                open_id="leave-site-mode" confirm_id="confirm-leave-site" on_confirm=leave/>
        </section>
    }
}

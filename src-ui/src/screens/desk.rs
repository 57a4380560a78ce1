//! Volunteer mode's desk on a liaison site's laptop: the lock screen a volunteer opens with
//! their PIN, the first volunteer's registration, who is on duty, the site's volunteers and its
//! log. The lock itself is core's; the screen follows it, and locks the desk after the idle
//! time without a touch.

use homeward_domain::desk::{
    DeskState, SiteAction, SiteLog, WalkInEnd, WalkInState, WalkInSummary,
};
use homeward_domain::handover::WalkInReceipt;
use homeward_domain::privacy::{Consent, ConsentKind};
use homeward_domain::{ApiError, ErrorCode, Lang};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::app::{use_nav, Screen};
use crate::i18n::{key, lang_signal, t, t_args, t_in, LangSwitch};
use crate::ipc;
use crate::widgets::{consent_text, format_time, BackLink, ConfirmAction, ErrorNote};

/// The desk of a laptop in site mode; none elsewhere.
#[derive(Clone, Copy)]
pub struct DeskCtx(pub RwSignal<Option<DeskState>>);

pub fn use_desk() -> RwSignal<Option<DeskState>> {
    expect_context::<DeskCtx>().0
}

/// Asks core for the desk again, after it answered that the desk is locked.
pub fn refresh_desk(desk: RwSignal<Option<DeskState>>) {
    spawn_local(async move {
        if let Ok(state) = ipc::call(ipc::Desk {}).await {
            desk.set(state);
        }
    });
}

/// Shows `error`, and if it says the desk is locked, shows the lock screen instead.
pub fn desk_error(
    desk: RwSignal<Option<DeskState>>,
    error: RwSignal<Option<ApiError>>,
    e: ApiError,
) {
    if e.code == ErrorCode::DeskLocked {
        refresh_desk(desk);
    }
    error.set(Some(e));
}

/// Whether the desk stands locked: in site mode, with volunteers, and nobody on duty.
pub fn is_locked(desk: &Option<DeskState>) -> bool {
    desk.as_ref()
        .is_some_and(|d| !d.needs_first_volunteer() && d.on_duty.is_none())
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// While a volunteer has the desk open: each touch of the keyboard, pointer or screen restarts
/// the idle clock (and tells core now and then); once the idle time passes untouched, the desk
/// locks.
#[component]
pub fn IdleWatch(idle_seconds: u32) -> impl IntoView {
    let desk = use_desk();
    let touched = StoredValue::new(now());
    let told = StoredValue::new(now());
    let touch = move || touched.set_value(now());
    let handles = [
        window_event_listener(leptos::ev::keydown, move |_| touch()),
        window_event_listener(leptos::ev::pointerdown, move |_| touch()),
        window_event_listener(leptos::ev::touchstart, move |_| touch()),
        window_event_listener(leptos::ev::wheel, move |_| touch()),
        window_event_listener(leptos::ev::input, move |_| touch()),
    ];
    let idle_ms = f64::from(idle_seconds) * 1000.0;
    // Tell core of activity well within its idle time, so its clock never runs out first.
    let tell_every = (idle_ms / 3.0).min(30_000.0);
    let interval = gloo_timers::callback::Interval::new(1000, move || {
        let (last, said) = (touched.get_value(), told.get_value());
        if now() - last >= idle_ms {
            spawn_local(async move {
                if let Ok(state) = ipc::call(ipc::LockDesk { idle: true }).await {
                    desk.set(Some(state));
                }
            });
        } else if last > said && now() - said >= tell_every {
            told.set_value(now());
            spawn_local(async move {
                if let Err(e) = ipc::call(ipc::KeepDeskOpen {}).await {
                    if e.code == ErrorCode::DeskLocked {
                        refresh_desk(desk);
                    }
                }
            });
        }
    });
    let cleanup = StoredValue::new_local(Some((handles, interval)));
    on_cleanup(move || {
        if let Some((handles, interval)) = cleanup.try_update_value(Option::take).flatten() {
            for h in handles {
                h.remove();
            }
            interval.cancel();
        }
    });
}

/// The whole window while the desk is locked: the volunteer picks their name and types their
/// PIN.
#[component]
pub fn DeskLock() -> impl IntoView {
    let desk = use_desk();
    let state = desk.get_untracked();
    let volunteers = state
        .as_ref()
        .map(|d| d.volunteers.clone())
        .unwrap_or_default();
    let site = state.map(|d| d.site.name).unwrap_or_default();
    let chosen = RwSignal::new(volunteers.first().map(|v| v.id));
    let pin = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(volunteer) = chosen.get_untracked() else {
            return;
        };
        busy.set(true);
        let p = pin.get_untracked();
        spawn_local(async move {
            let result = ipc::call(ipc::UnlockDesk { volunteer, pin: p }).await;
            busy.set(false);
            pin.set(String::new());
            match result {
                Ok(state) => desk.set(Some(state)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="desk-lock" id="desk-lock" aria-labelledby="desk-lock-title">
            <p class="eyebrow">{site}</p>
            <h1 id="desk-lock-title" tabindex="-1">{move || t("desk-locked-title")}</h1>
            <p class="muted">{move || t("desk-locked-intro")}</p>
            <form class="card" on:submit=unlock novalidate>
                <fieldset class="checks volunteers">
                    <legend>{move || t("desk-volunteer")}</legend>
                    {volunteers.into_iter().map(|v| {
                        let id = v.id;
                        view! {
                            <label class="check">
                                <input type="radio" name="volunteer" class="volunteer-choice"
                                    data-name=v.name.clone()
                                    prop:checked=move || chosen.get() == Some(id)
                                    on:change=move |_| chosen.set(Some(id))/>
                                <span>{v.name}</span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="desk-pin">{move || t("desk-pin")}</label>
                    <input id="desk-pin" type="password" autocomplete="off" autofocus
                        prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
                </div>
                {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
                <div class="form-actions">
                    <button class="primary" type="submit" id="desk-unlock"
                        disabled=move || busy.get() || pin.with(String::is_empty)>
                        {move || t("desk-unlock")}
                    </button>
                </div>
            </form>
        </section>
    }
}

/// A new volunteer's name and PIN, typed twice. `first` for the site's first volunteer.
#[component]
fn VolunteerForm(first: bool) -> impl IntoView {
    let desk = use_desk();
    let name = RwSignal::new(String::new());
    let pin = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let mine = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        let args = ipc::AddVolunteer {
            name: name.get_untracked(),
            pin: pin.get_untracked(),
            pin_again: again.get_untracked(),
            my_pin: mine.get_untracked(),
        };
        spawn_local(async move {
            let result = ipc::call(args).await;
            busy.set(false);
            match result {
                Ok(state) => {
                    error.set(None);
                    name.set(String::new());
                    pin.set(String::new());
                    again.set(String::new());
                    mine.set(String::new());
                    desk.set(Some(state));
                }
                Err(e) => desk_error(desk, error, e),
            }
        });
    };
    let (title, intro) = if first {
        (key("desk-first-title"), key("desk-first-intro"))
    } else {
        (key("desk-add-title"), key("desk-add-intro"))
    };
    view! {
        <form class="card" id=if first { "first-volunteer" } else { "add-volunteer" }
            on:submit=add novalidate>
            <h2>{move || t(title)}</h2>
            <p class="muted">{move || t(intro)}</p>
            <div class="field">
                <label for="volunteer-name">{move || t("desk-volunteer-name")}</label>
                <input id="volunteer-name" type="text" autocomplete="off"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="new-pin">{move || t("desk-pin")}</label>
                <p class="hint" id="new-pin-hint">{move || t("desk-pin-hint")}</p>
                <input id="new-pin" type="password" autocomplete="new-password"
                    aria-describedby="new-pin-hint"
                    prop:value=move || pin.get() on:input=move |ev| pin.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="new-pin-again">{move || t("desk-pin-again")}</label>
                <input id="new-pin-again" type="password" autocomplete="new-password"
                    prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev))/>
            </div>
            {(!first).then(|| view! {
                <div class="field">
                    <label for="my-pin">{move || t("desk-my-pin")}</label>
                    <p class="hint" id="my-pin-hint">{move || t("desk-my-pin-hint")}</p>
                    <input id="my-pin" type="password" autocomplete="current-password"
                        aria-describedby="my-pin-hint"
                        prop:value=move || mine.get() on:input=move |ev| mine.set(event_target_value(&ev))/>
                </div>
            })}
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            <div class="form-actions">
                <button class="primary" type="submit" id="register-volunteer" disabled=move || busy.get()>
                    {move || t("desk-add-volunteer")}
                </button>
            </div>
        </form>
    }
}

/// Before a site's first volunteer is registered, nothing else of the desk is shown.
#[component]
pub fn FirstVolunteer() -> impl IntoView {
    view! { <VolunteerForm first=true/> }
}

/// Who is on duty, with the lock, the volunteers and the log.
#[component]
pub fn DeskOnDuty() -> impl IntoView {
    let desk = use_desk();
    let on_duty = move || {
        desk.with(|d| {
            d.as_ref()
                .and_then(|d| d.on_duty.as_ref())
                .map(|v| v.name.clone())
                .unwrap_or_default()
        })
    };
    let minutes = move || desk.with(|d| d.as_ref().map_or(0, |d| d.idle_lock_seconds.div_ceil(60)));
    view! {
        <div class="card on-duty" id="on-duty" data-volunteer=on_duty>
            <p>
                <strong>{move || t_args("desk-on-duty", &[("name", on_duty().into())])}</strong>
            </p>
            <p class="hint">{move || t_args("desk-idle-hint", &[("minutes", minutes().into())])}</p>
        </div>
    }
}

/// In the header, on every screen while a volunteer has the desk open: lock it now.
#[component]
pub fn LockButton() -> impl IntoView {
    let desk = use_desk();
    let lock = move |_| {
        spawn_local(async move {
            if let Ok(state) = ipc::call(ipc::LockDesk { idle: false }).await {
                desk.set(Some(state));
            }
        });
    };
    view! {
        <button class="help-link lock-desk" id="lock-desk" on:click=lock>
            {move || t("desk-lock-now")}
        </button>
    }
}

/// The site's volunteers, to add and remove, and its log.
#[component]
pub fn DeskAdmin() -> impl IntoView {
    let desk = use_desk();
    let error = RwSignal::new(None::<ApiError>);
    let log = RwSignal::new(None::<SiteLog>);
    let load_log = move || {
        spawn_local(async move {
            match ipc::call(ipc::SiteLog {}).await {
                Ok(l) => log.set(Some(l)),
                Err(e) => desk_error(desk, error, e),
            }
        });
    };
    // The log follows every change of the desk.
    Effect::new(move |_| {
        desk.track();
        load_log();
    });
    let mine = RwSignal::new(String::new());
    let remove = move |id: Uuid| {
        let my_pin = mine.get_untracked();
        spawn_local(async move {
            match ipc::call(ipc::RemoveVolunteer { id, my_pin }).await {
                Ok(state) => {
                    error.set(None);
                    mine.set(String::new());
                    desk.set(Some(state));
                }
                Err(e) => desk_error(desk, error, e),
            }
        });
    };
    let volunteers =
        move || desk.with(|d| d.as_ref().map(|d| d.volunteers.clone()).unwrap_or_default());
    view! {
        <section class="card" id="volunteers">
            <h2>{move || t("desk-volunteers")}</h2>
            <div class="field">
                <label for="remove-my-pin">{move || t("desk-my-pin")}</label>
                <p class="hint" id="remove-my-pin-hint">{move || t("desk-remove-my-pin-hint")}</p>
                <input id="remove-my-pin" type="password" autocomplete="current-password"
                    aria-describedby="remove-my-pin-hint"
                    prop:value=move || mine.get() on:input=move |ev| mine.set(event_target_value(&ev))/>
            </div>
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            <ul class="desk-list">
                {move || volunteers().into_iter().map(|v| {
                    let (id, name) = (v.id, v.name.clone());
                    view! {
                        <li class="volunteer" data-name=name>
                            <span>{v.name}</span>
                            <ConfirmAction label=key("desk-remove-volunteer")
                                question=key("desk-remove-confirm")
                                open_class="remove-volunteer" confirm_class="confirm-remove-volunteer"
                                on_confirm=Callback::new(move |()| remove(id))/>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <VolunteerForm first=false/>
        <section class="card" id="site-log">
            <h2>{move || t("desk-log")}</h2>
            <p class="muted">{move || t("desk-log-intro")}</p>
            {move || log.get().map(|l| view! {
                <dl class="facts counts">
                    {l.counts.into_iter().map(|(action, n)| view! {
                        <div data-action=action.slug()>
                            <dt>{move || action_name(action)}</dt>
                            <dd class="count">{n}</dd>
                        </div>
                    }).collect_view()}
                </dl>
                <ol class="desk-list site-log-entries">
                    {l.newest.into_iter().map(|e| view! {
                        <li data-action=e.action.slug()>
                            <span class="muted">{format_time(e.at)}</span>" · "
                            <span>{e.volunteer.unwrap_or_default()}</span>" · "
                            <span>{move || action_name(e.action)}</span>
                        </li>
                    }).collect_view()}
                </ol>
            })}
        </section>
    }
}

fn action_name(action: SiteAction) -> String {
    t(&format!("site-action-{}", action.slug()))
}

/// On a site's laptop: the walk-in being served now, if any.
#[derive(Clone, Copy)]
pub struct WalkInCtx(pub RwSignal<Option<Uuid>>);

pub fn use_walk_in() -> RwSignal<Option<Uuid>> {
    expect_context::<WalkInCtx>().0
}

/// What ending the last walk-in came to, for the desk to say.
#[derive(Clone, Copy)]
pub struct LastEnd(pub RwSignal<Option<WalkInEnd>>);

/// On the desk: a new walk-in, the sessions interrupted when the laptop stopped, and how many
/// are sealed, waiting for the city.
#[component]
pub fn WalkInDesk() -> impl IntoView {
    let desk = use_desk();
    let walk_in = use_walk_in();
    let LastEnd(last_end) = expect_context::<LastEnd>();
    let nav = use_nav();
    let sessions = RwSignal::new(Vec::<WalkInSummary>::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    spawn_local(async move {
        match ipc::call(ipc::WalkIns {}).await {
            Ok(list) => sessions.set(list),
            Err(e) => desk_error(desk, error, e),
        }
    });
    let start = move |_| {
        busy.set(true);
        spawn_local(async move {
            let result = ipc::call(ipc::StartWalkIn {}).await;
            busy.set(false);
            match result {
                Ok(id) => {
                    last_end.set(None);
                    walk_in.set(Some(id));
                    nav.start_over(Screen::Home);
                }
                Err(e) => desk_error(desk, error, e),
            }
        });
    };
    let resume = move |id: Uuid| {
        spawn_local(async move {
            match ipc::call(ipc::ResumeWalkIn { id }).await {
                Ok(()) => {
                    last_end.set(None);
                    walk_in.set(Some(id));
                    nav.start_over(Screen::Home);
                }
                Err(e) => desk_error(desk, error, e),
            }
        });
    };
    let interrupted = move || {
        sessions.with(|s| {
            s.iter()
                .filter(|w| w.state == WalkInState::Open && Some(w.id) != walk_in.get())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let sealed =
        move || sessions.with(|s| s.iter().filter(|w| w.state == WalkInState::Sealed).count());
    view! {
        <section class="card walk-ins" id="walk-ins">
            <h2>{move || t("walk-in-title")}</h2>
            {move || last_end.get().map(|end| {
                let (id, message) = match end {
                    WalkInEnd::Wiped => ("walk-in-wiped", key("walk-in-wiped")),
                    WalkInEnd::Sealed => ("walk-in-sealed", key("walk-in-sealed")),
                    WalkInEnd::HandedOver => ("walk-in-handed-over", key("walk-in-handed-over")),
                };
                view! { <p class="notice" id=id role="status">{move || t(message)}</p> }
            })}
            <p class="muted">{move || t("walk-in-intro")}</p>
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            {move || match walk_in.get() {
                Some(_) => view! {
                    <p class="notice" id="walk-in-active">{move || t("walk-in-active")}</p>
                    <button class="primary" id="back-to-walk-in" on:click=move |_| nav.start_over(Screen::Home)>
                        {move || t("walk-in-back")}
                    </button>
                }.into_any(),
                None => view! {
                    <button class="primary" id="start-walk-in" on:click=start disabled=move || busy.get()>
                        {move || t("walk-in-start")}
                    </button>
                }.into_any(),
            }}
            {move || {
                let list = interrupted();
                (!list.is_empty() && walk_in.get().is_none()).then(|| view! {
                    <h3>{move || t("walk-in-interrupted")}</h3>
                    <ul class="desk-list">
                        {list.into_iter().map(|w| {
                            let id = w.id;
                            view! {
                                <li class="volunteer interrupted-walk-in">
                                    <span>{t_args("walk-in-started-at", &[("time", format_time(w.started_at).into())])}</span>
                                    <button class="secondary resume-walk-in" on:click=move |_| resume(id)>
                                        {move || t("walk-in-resume")}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
            {move || (sealed() > 0).then(|| view! {
                <p class="hint" id="walk-ins-sealed" data-count=sealed>
                    {move || t_args("walk-in-sealed-count", &[("count", sealed().into())])}
                </p>
            })}
        </section>
    }
}

/// Under the header while a walk-in is served: whose session this is not (nobody's name), and
/// the way to end it.
#[component]
pub fn WalkInBar() -> impl IntoView {
    let desk = use_desk();
    let walk_in = use_walk_in();
    let LastEnd(last_end) = expect_context::<LastEnd>();
    let nav = use_nav();
    let error = RwSignal::new(None::<ApiError>);
    let end = Callback::new(move |()| {
        spawn_local(async move {
            match ipc::call(ipc::EndWalkIn {}).await {
                Ok(how) => {
                    error.set(None);
                    last_end.set(Some(how));
                    walk_in.set(None);
                    nav.start_over(Screen::Site);
                }
                Err(e) => desk_error(desk, error, e),
            }
        });
    });
    view! {
        <div class="walk-in-bar" id="walk-in-bar" role="region" aria-label=move || t("walk-in-bar")>
            <p><strong>{move || t("walk-in-bar")}</strong>" "<span class="muted">{move || t("walk-in-bar-hint")}</span></p>
            <div class="form-actions">
                <button class="secondary" id="walk-in-read-consents" on:click=move |_| nav.go(Screen::WalkInConsents)>
                    {move || t("walk-in-consents")}
                </button>
                <button class="secondary" id="walk-in-identity" on:click=move |_| nav.go(Screen::Identity)>
                    {move || t("walk-in-confirm-identity")}
                </button>
                <button class="secondary" id="walk-in-receipt" on:click=move |_| nav.go(Screen::WalkInReceipt)>
                    {move || t("walk-in-receipt")}
                </button>
                <ConfirmAction label=key("walk-in-end") question=key("walk-in-end-confirm")
                    open_id="end-walk-in" confirm_id="confirm-end-walk-in" on_confirm=end/>
            </div>
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
        </div>
    }
}

/// For a walk-in: what the volunteer reads to the person before anything of theirs is typed,
/// in large type and in the person's language (which may not be the volunteer's): what is kept,
/// for how long, and each consent, ticked only when the person says yes.
#[component]
pub fn WalkInConsents() -> impl IntoView {
    let desk = use_desk();
    let consents = RwSignal::new(Vec::<Consent>::new());
    let error = RwSignal::new(None::<ApiError>);
    let read_in = RwSignal::new(lang_signal().map_or(Lang::ZhCn, |l| l.get_untracked()));
    let read_switch = LangSwitch::new(read_in);
    spawn_local(async move {
        match ipc::call(ipc::Consents {}).await {
            Ok(c) => consents.set(c),
            Err(e) => desk_error(desk, error, e),
        }
    });
    let set = move |kind: ConsentKind, granted: bool| {
        spawn_local(async move {
            match ipc::call(ipc::SetConsent { kind, granted }).await {
                Ok(c) => {
                    error.set(None);
                    consents.set(c);
                }
                Err(e) => desk_error(desk, error, e),
            }
        });
    };
    let granted = move |kind: ConsentKind| {
        consents.with(|c| c.iter().any(|x| x.kind == kind && x.is_granted()))
    };
    view! {
        <BackLink/>
        <section class="read-out-screen" id="walk-in-consents">
            <h1 id="read-out-title" tabindex="-1">{move || t("walk-in-read-title")}</h1>
            <p class="muted">{move || t("walk-in-read-hint")}</p>
            <div class="lang-switch read-out-lang" role="group" aria-label=move || t("walk-in-read-language")>
                {Lang::ALL.into_iter().map(|l| view! {
                    <button id=format!("read-out-{}", l.tag()) lang=l.tag()
                        class:active=move || read_in.get() == l
                        aria-pressed=move || (read_in.get() == l).to_string()
                        on:click=move |_| read_switch.to(l, || ())>{l.endonym()}</button>
                }).collect_view()}
            </div>
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            <div class="card read-out" lang=move || read_in.get().tag() id="read-out-text">
                <p>{move || t_in(read_in.get(), key("walk-in-read-intro"))}</p>
                {ConsentKind::ALL.into_iter().map(|kind| {
                    let (title, body) = consent_text(kind);
                    view! {
                        <div class="read-out-consent" data-kind=kind.slug()>
                            <h2>{move || t_in(read_in.get(), title)}</h2>
                            <p>{move || t_in(read_in.get(), body)}</p>
                            <label class="check">
                                <input type="checkbox" id=format!("agrees-{}", kind.slug())
                                    prop:checked=move || granted(kind)
                                    on:change=move |ev| set(kind, event_target_checked(&ev))/>
                                <span lang=move || lang_signal().map_or(Lang::ZhCn, |l| l.get()).tag()>
                                    {move || t("walk-in-agrees")}
                                </span>
                            </label>
                        </div>
                    }
                }).collect_view()}
                <p>{move || t_in(read_in.get(), key("walk-in-read-choice"))}</p>
            </div>
        </section>
    }
}

/// The receipt the walk-in leaves with: the tracking code and the secret, large enough to read
/// off paper, the QR code a phone reads them from, and what was sent. Printed from here; the
/// print shows the receipt alone.
#[component]
pub fn WalkInReceiptScreen() -> impl IntoView {
    let desk = use_desk();
    let receipt = RwSignal::new(None::<Option<WalkInReceipt>>);
    let error = RwSignal::new(None::<ApiError>);
    spawn_local(async move {
        match ipc::call(ipc::ReceiptOfWalkIn {}).await {
            Ok(r) => receipt.set(Some(r)),
            Err(e) => desk_error(desk, error, e),
        }
    });
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <BackLink/>
        <section class="walk-in-receipt" id="walk-in-receipt-screen">
            <h1 id="receipt-title" tabindex="-1">{move || t("receipt-title")}</h1>
            {move || error.get().map(|e| view! { <ErrorNote error=e/> })}
            {move || match receipt.get() {
                None => view! { <p class="loading">{move || t("loading")}</p> }.into_any(),
                Some(None) => view! {
                    <p class="empty" id="receipt-none">{move || t("receipt-none")}</p>
                }.into_any(),
                Some(Some(r)) => view! {
                    <p class="muted no-print">{move || t("receipt-hint")}</p>
                    <article class="card receipt" id="receipt">
                        <h2>{move || t("receipt-heading")}</h2>
                        <div class="receipt-codes">
                            <div class="qr-image" role="img" aria-label=move || t("qr-image-label")
                                inner_html=r.qr_svg.clone()></div>
                            <dl>
                                <dt>{move || t("receipt-code")}</dt>
                                <dd class="ticket" id="receipt-code">{r.code.clone()}</dd>
                                <dt>{move || t("receipt-secret")}</dt>
                                <dd class="ticket" id="receipt-secret">{r.secret.clone()}</dd>
                                <dt>{move || t("receipt-valid-until")}</dt>
                                <dd>{format_time(r.expires_at)}</dd>
                            </dl>
                        </div>
                        <ul class="receipt-applications">
                            {r.applications.into_iter().map(|a| {
                                let reference = a.reference.clone();
                                view! {
                                    <li data-guide=a.guide_id.0.clone()>
                                        <strong>{a.title}</strong>" · "
                                        {match reference {
                                            Some(r) => view! { <span class="reference">{r}</span> }.into_any(),
                                            None => view! { <span class="muted">{move || t("receipt-not-yet-sent")}</span> }.into_any(),
                                        }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <p>{move || t("receipt-with-app")}</p>
                        <p>{move || t("receipt-without-app")}</p>
                        <p>{move || t("receipt-track-online")}" "<span class="ticket-url" id="receipt-track-url">{r.track_url.clone()}</span></p>
                        <p class="muted">{move || t("receipt-keep-secret")}</p>
                    </article>
                    <div class="form-actions no-print">
                        <button class="secondary" id="print-receipt" on:click=print>{move || t("receipt-print")}</button>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

//! Talks to the Tauri shell: commands through `window.__TAURI__.core.invoke`, events through
//! `window.__TAURI__.event.listen` (both exposed by `withGlobalTauri`). What each command takes
//! and answers, and what each event carries, is declared once in `homeward_domain::ipc`,
//! re-exported here: a screen writes `ipc::call(ipc::Review { id })`.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};

use homeward_domain::draft::MaterialInfo;
use homeward_domain::{ApiError, DraftId, ErrorCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub use homeward_domain::ipc::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "core"], js_name = invoke)]
    async fn tauri_invoke(cmd: &str, args: JsValue) -> Result<JsValue, JsValue>;

    /// The same call with a raw body and request headers.
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "core"], js_name = invoke)]
    async fn tauri_invoke_raw(
        cmd: &str,
        body: &js_sys::Uint8Array,
        options: JsValue,
    ) -> Result<JsValue, JsValue>;

    /// Resolves to the function that stops listening.
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "event"], js_name = listen)]
    async fn tauri_listen(event: &str, handler: &js_sys::Function) -> Result<JsValue, JsValue>;
}

fn decode<R: DeserializeOwned>(cmd: &str, result: Result<JsValue, JsValue>) -> Result<R, ApiError> {
    serde_wasm_bindgen::from_value(result.map_err(|e| refusal(cmd, &e))?)
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("{cmd}: {e}")))
}

/// What the shell's refusal of `cmd` says: its error, or what the call failed with.
fn refusal(cmd: &str, err: &JsValue) -> ApiError {
    serde_wasm_bindgen::from_value(err.clone()).unwrap_or_else(|_| {
        ApiError::new(
            ErrorCode::Internal,
            err.as_string().unwrap_or_else(|| cmd.to_owned()),
        )
    })
}

/// Counts the calls of each command in `window.homewardIpcCalls`, so a test can see how many a
/// gesture costs.
fn count(cmd: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = JsValue::from_str("homewardIpcCalls");
    let counts = js_sys::Reflect::get(&window, &key)
        .ok()
        .filter(JsValue::is_object)
        .unwrap_or_else(|| {
            let fresh = js_sys::Object::new().into();
            let _ = js_sys::Reflect::set(&window, &key, &fresh);
            fresh
        });
    let cmd = JsValue::from_str(cmd);
    let n = js_sys::Reflect::get(&counts, &cmd)
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let _ = js_sys::Reflect::set(&counts, &cmd, &JsValue::from_f64(n + 1.0));
}

async fn invoke<A: Serialize, R: DeserializeOwned>(cmd: &str, args: &A) -> Result<R, ApiError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let args = args
        .serialize(&serializer)
        .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
    decode(cmd, send(cmd, args).await)
}

/// The call itself, the same for every command: only the arguments' and the answer's types
/// differ, so the waiting is compiled once.
async fn send(cmd: &str, args: JsValue) -> Result<JsValue, JsValue> {
    count(cmd);
    tauri_invoke(cmd, args).await
}

async fn invoke_raw<C: RawCommand>(
    bytes: &js_sys::Uint8Array,
    headers: &[(&str, String)],
) -> Result<C::Answer, ApiError> {
    count(C::NAME);
    let object = js_sys::Object::new();
    for (k, v) in headers {
        let _ = js_sys::Reflect::set(&object, &(*k).into(), &v.into());
    }
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"headers".into(), &object);
    decode(
        C::NAME,
        tauri_invoke_raw(C::NAME, bytes, options.into()).await,
    )
}

/// Invokes the command `args` stands for; its answer as `homeward_domain::ipc` declares it.
pub async fn call<C: Command>(args: C) -> Reply<C> {
    #[derive(Serialize)]
    struct Payload<'a, C> {
        args: &'a C,
    }
    invoke(C::NAME, &Payload { args: &args }).await
}

/// Opens a `tel:` or `mailto:` link with the system's dialer or mail client (the opener
/// plugin's command, not one of the shell's own).
pub async fn open_url(url: &str) -> Result<(), ApiError> {
    #[derive(Serialize)]
    struct A<'a> {
        url: &'a str,
    }
    invoke("plugin:opener|open_url", &A { url }).await
}

/// Sends a chosen file's bytes to be attached to a document question of a draft.
pub async fn add_material(
    draft: DraftId,
    field: &str,
    file_name: &str,
    bytes: &js_sys::Uint8Array,
) -> Result<MaterialInfo, ApiError> {
    let encode = |s: &str| String::from(js_sys::encode_uri_component(s));
    invoke_raw::<AddMaterial>(
        bytes,
        &[
            (AddMaterial::DRAFT_ID, draft.to_string()),
            (AddMaterial::FIELD, encode(field)),
            (AddMaterial::FILE_NAME, encode(file_name)),
        ],
    )
    .await
}

/// Attaches a file to the message being written about the application of `draft`.
pub async fn add_message_attachment(
    draft: DraftId,
    file_name: &str,
    bytes: &js_sys::Uint8Array,
) -> Result<homeward_domain::conversation::AttachmentInfo, ApiError> {
    use homeward_domain::ipc::AddMessageAttachment as A;
    let encode = |s: &str| String::from(js_sys::encode_uri_component(s));
    invoke_raw::<A>(
        bytes,
        &[
            (A::DRAFT_ID, draft.to_string()),
            (A::FILE_NAME, encode(file_name)),
        ],
    )
    .await
}

/// The text of the QR code in a photo.
pub async fn read_code_image(bytes: &js_sys::Uint8Array) -> Result<String, ApiError> {
    invoke_raw::<ReadCodeImage>(bytes, &[]).await
}

/// A save waiting its turn, and what to do with its answer (told whether it was the last one
/// waiting).
struct QueuedSave {
    args: SetAnswer,
    then: Box<dyn FnOnce(Reply<SetAnswer>, bool)>,
}

thread_local! {
    /// Per draft, the saves not yet answered; the first is on its way.
    static SAVES: RefCell<HashMap<DraftId, VecDeque<QueuedSave>>> = RefCell::default();
}

/// Saves an answer after every earlier save of the same draft has been answered, so a slower
/// earlier save can never land after a later value of the same field. One call per save; the
/// queue outlives the screen, so saves still waiting when the person leaves are made all the
/// same.
pub fn set_answer_in_order(args: SetAnswer, then: impl FnOnce(Reply<SetAnswer>, bool) + 'static) {
    let draft = args.draft_id;
    let first = SAVES.with(|s| {
        let mut s = s.borrow_mut();
        let queue = s.entry(draft).or_default();
        queue.push_back(QueuedSave {
            args,
            then: Box::new(then),
        });
        queue.len() == 1
    });
    if first {
        leptos::task::spawn_local(send_saves(draft));
    }
}

async fn send_saves(draft: DraftId) {
    loop {
        let next = SAVES.with(|s| {
            s.borrow()
                .get(&draft)
                .and_then(|q| q.front().map(|save| save.args.clone()))
        });
        let Some(args) = next else {
            return;
        };
        let result = call(args).await;
        let done = SAVES.with(|s| {
            let mut s = s.borrow_mut();
            let queue = s.get_mut(&draft)?;
            let save = queue.pop_front()?;
            let last = queue.is_empty();
            if last {
                s.remove(&draft);
            }
            Some((save.then, last))
        });
        if let Some((then, last)) = done {
            then(result, last);
        }
    }
}

/// A listener the shell holds; stopped when the part of the page that asked for it goes.
struct Listener {
    _handler: Closure<dyn FnMut(JsValue)>,
    /// Set once `listen` has answered: the function that stops it, if it started.
    unlisten: Option<Option<js_sys::Function>>,
    /// Its owner went before `listen` had answered.
    stopped: bool,
}

thread_local! {
    static LISTENERS: RefCell<HashMap<u64, Listener>> = RefCell::default();
    static NEXT_LISTENER: Cell<u64> = const { Cell::new(0) };
}

fn stop_listening(id: u64) {
    let unlisten = LISTENERS.with(|l| {
        let mut l = l.borrow_mut();
        let listener = l.get_mut(&id)?;
        if listener.unlisten.is_none() {
            listener.stopped = true;
            return None;
        }
        l.remove(&id).and_then(|l| l.unlisten.flatten())
    });
    if let Some(unlisten) = unlisten {
        let _ = unlisten.call0(&JsValue::NULL);
    }
}

/// Calls `handler` with the payload of each event `E` the shell emits, until the reactive owner
/// this is called under is cleaned up (its screen closed). Call it in a component's body. The
/// future resolves once the shell listens, so what is read after it misses no change.
pub fn listen<E: Event>(
    handler: impl Fn(E::Payload) + 'static,
) -> impl std::future::Future<Output = ()> {
    let id = NEXT_LISTENER.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    let closure = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let payload = js_sys::Reflect::get(&event, &"payload".into()).unwrap_or(JsValue::NULL);
        match serde_wasm_bindgen::from_value::<E::Payload>(payload) {
            Ok(payload) => handler(payload),
            Err(e) => leptos::logging::warn!("the event {} was not understood: {e}", E::NAME),
        }
    });
    let function: js_sys::Function = closure.as_ref().unchecked_ref::<js_sys::Function>().clone();
    LISTENERS.with(|l| {
        l.borrow_mut().insert(
            id,
            Listener {
                _handler: closure,
                unlisten: None,
                stopped: false,
            },
        )
    });
    leptos::prelude::on_cleanup(move || stop_listening(id));
    async move {
        let unlisten = match tauri_listen(E::NAME, &function).await {
            Ok(f) => f.dyn_into::<js_sys::Function>().ok(),
            Err(e) => {
                leptos::logging::warn!("cannot listen for {}: {e:?}", E::NAME);
                None
            }
        };
        let stopped = LISTENERS.with(|l| {
            let mut l = l.borrow_mut();
            let listener = l.get_mut(&id)?;
            listener.unlisten = Some(unlisten);
            Some(listener.stopped)
        });
        if stopped == Some(true) {
            stop_listening(id);
        }
    }
}

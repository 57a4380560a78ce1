//! The real desktop app, driven through WebDriver: tauri-driver in front of WebKitWebDriver.
//!
//! Needs an X display (the test command runs these tests under Xvfb), a Secret Service (under
//! dbus-run-session with gnome-keyring) and the app built with its UI embedded; the binary is
//! named by `HOMEWARD_APP_BIN`. `cargo xtask test` provides all of that.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

/// How long a step may take before the test fails: generous, because CI machines are slow.
pub const STEP: Duration = Duration::from_secs(30);

/// The app binary under test.
pub fn app_binary() -> anyhow::Result<PathBuf> {
    let path = std::env::var_os("HOMEWARD_APP_BIN")
        .context("HOMEWARD_APP_BIN is not set: run the end-to-end tests with `cargo xtask test`")?;
    let path = PathBuf::from(path);
    anyhow::ensure!(path.is_file(), "{} does not exist", path.display());
    Ok(path.canonicalize()?)
}

/// A running tauri-driver; stopped with SIGTERM on drop so it takes WebKitWebDriver with it.
pub struct Driver {
    child: Child,
    port: u16,
    /// Whether it runs in a process group of its own (with its own D-Bus session and keyring),
    /// which is stopped as a whole.
    own_group: bool,
}

impl Driver {
    /// tauri-driver on `port` (and WebKitWebDriver on the next), in this session: the apps it
    /// launches share the test's OS keyring.
    pub fn start(port: u16) -> anyhow::Result<Self> {
        Driver::start_in_locale(port, SYSTEM_LOCALE)
    }

    /// tauri-driver whose apps run on a system that asks for dark windows (GTK's dark
    /// variant, which the web view reports as `prefers-color-scheme: dark`).
    pub fn start_dark(port: u16) -> anyhow::Result<Self> {
        let mut command = Driver::command(port);
        in_locale(&mut command, SYSTEM_LOCALE);
        command.env("GTK_THEME", "Adwaita:dark");
        Driver::spawn(command, port, false)
    }

    /// tauri-driver whose apps run on a system set to `locale` (`it_CH.UTF-8`): the language
    /// the web view reports to the app as the system's.
    pub fn start_in_locale(port: u16, locale: &str) -> anyhow::Result<Self> {
        let mut command = Driver::command(port);
        in_locale(&mut command, locale);
        Driver::spawn(command, port, false)
    }

    fn command(port: u16) -> Command {
        let mut command = Command::new("tauri-driver");
        command.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &(port + 1).to_string(),
        ]);
        command
    }

    /// tauri-driver in a D-Bus session of its own with its own gnome-keyring, whose keyrings
    /// live under `keyring_dir`: the apps it launches share nothing with the test's keyring, as
    /// on two different computers.
    pub fn start_with_own_keyring(port: u16, keyring_dir: &Path) -> anyhow::Result<Self> {
        use std::os::unix::process::CommandExt as _;
        std::fs::create_dir_all(keyring_dir)?;
        let script = format!(
            "printf homeward | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
             && exec tauri-driver --port {port} --native-port {}",
            port + 1
        );
        let mut command = Command::new("dbus-run-session");
        command
            .args(["--", "sh", "-c", &script])
            .env("XDG_DATA_HOME", keyring_dir)
            .process_group(0);
        in_locale(&mut command, SYSTEM_LOCALE);
        Driver::spawn(command, port, true)
    }

    fn spawn(mut command: Command, port: u16, own_group: bool) -> anyhow::Result<Self> {
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .context("starting tauri-driver (installed by `cargo xtask test`)")?;
        let driver = Driver {
            child,
            port,
            own_group,
        };
        // tauri-driver listens at once but starts WebKitWebDriver behind it; a session request
        // before both listen fails, so wait for both.
        let deadline = Instant::now() + STEP;
        for p in [port, port + 1] {
            while TcpStream::connect(("127.0.0.1", p)).is_err() {
                if Instant::now() > deadline {
                    bail!("the WebDriver servers did not listen on port {p}");
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        Ok(driver)
    }

    /// Starts the app with its own data directory, pointed at `backend_url`.
    pub async fn launch(&self, data_dir: &Path, backend_url: &str) -> anyhow::Result<App> {
        let backend = ["--backend-url", backend_url];
        self.launch_program(&app_binary()?, data_dir, &backend)
            .await
    }

    /// Starts the app as [`Driver::launch`] does, with a site's desk locking itself after
    /// `idle_seconds` untouched (minutes, outside tests).
    pub async fn launch_site(
        &self,
        data_dir: &Path,
        backend_url: &str,
        idle_seconds: u32,
    ) -> anyhow::Result<App> {
        let idle = idle_seconds.to_string();
        let args = ["--backend-url", backend_url, "--idle-lock-seconds", &idle];
        self.launch_program(&app_binary()?, data_dir, &args).await
    }

    /// Starts the app with its own data directory and nothing else: as a person starts it, with
    /// the home cities the build carries.
    pub async fn launch_as_installed(&self, data_dir: &Path) -> anyhow::Result<App> {
        self.launch_program(&app_binary()?, data_dir, &[]).await
    }

    /// Starts the app with its own data directory, offering the home cities of the signed list
    /// `cities` and trusting the certificate authority `tls_root` (PEM file) beside the public
    /// ones: the person picks a city, as at a first start.
    pub async fn launch_with_cities(
        &self,
        data_dir: &Path,
        cities: &Path,
        tls_root: &Path,
    ) -> anyhow::Result<App> {
        let (cities, root) = (cities.to_string_lossy(), tls_root.to_string_lossy());
        let args = ["--cities", &cities, "--tls-root", &root];
        self.launch_program(&app_binary()?, data_dir, &args).await
    }

    /// Starts the app as [`Driver::launch`] does, but with the system clock it reads set off by
    /// `offset` (libfaketime's form: `-10m` is ten minutes slow), as on a phone whose clock is
    /// wrong. The wrapper script that does it is written into `data_dir`'s parent. Only the app's
    /// own process reads the clock set off: with libfaketime in WebKit's processes too, GLib
    /// aborted the web process at its start now and then (`getauxval () failed: Interrupted
    /// system call`), which a phone's slow clock never does.
    pub async fn launch_with_clock_off(
        &self,
        data_dir: &Path,
        backend_url: &str,
        offset: &str,
    ) -> anyhow::Result<App> {
        use std::os::unix::fs::PermissionsExt as _;
        let wrapper = data_dir
            .parent()
            .context("a data directory with a parent")?
            .join(format!("homeward-clock-{}.sh", std::process::id()));
        let binary = app_binary()?;
        std::fs::write(
            &wrapper,
            format!(
                "#!/bin/sh\nFAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_ONLY_CMDS='{name}' \
                 exec faketime -m -f '{offset}' '{path}' \"$@\"\n",
                name = binary
                    .file_name()
                    .context("the app's file name")?
                    .to_string_lossy(),
                path = binary.display()
            ),
        )?;
        std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755))?;
        self.launch_program(&wrapper, data_dir, &["--backend-url", backend_url])
            .await
    }

    /// Starts `app` on `data_dir` with `backend`, the arguments that say which backends it
    /// talks to.
    async fn launch_program(
        &self,
        app: &Path,
        data_dir: &Path,
        backend: &[&str],
    ) -> anyhow::Result<App> {
        let mut args = vec![
            "--data-dir".to_owned(),
            data_dir.to_string_lossy().into_owned(),
            "--export-dir".to_owned(),
            data_dir.join("exports").to_string_lossy().into_owned(),
        ];
        args.extend(backend.iter().map(|a| (*a).to_owned()));
        let caps = serde_json::json!({
            "browserName": "wry",
            "tauri:options": { "application": app, "args": args }
        });
        let serde_json::Value::Object(caps) = caps else {
            bail!("capabilities")
        };
        // The driver is on loopback: plain HTTP, no TLS stack needed. A busy machine can drop
        // the first request while WebKitWebDriver settles; try a few times before failing.
        let mut attempt = 0;
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{}", self.port))
                .await
            {
                Ok(client) => break client,
                Err(e) if attempt < 3 => {
                    attempt += 1;
                    eprintln!("WebDriver session attempt {attempt} failed ({e}); retrying");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
                Err(e) => {
                    return Err(anyhow::Error::new(e).context("opening a WebDriver session"));
                }
            }
        };
        let app = App {
            client,
            data_dir: data_dir.to_owned(),
        };
        app.wait_css(".app.ready").await?;
        Ok(app)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let pid = self.child.id().to_string();
        // A group of its own is stopped whole: its D-Bus session and keyring go with it.
        let target = if self.own_group {
            format!("-{pid}")
        } else {
            pid
        };
        let _ = Command::new("kill").args(["-TERM", "--", &target]).status();
        let _ = self.child.wait();
    }
}

/// The system the apps run on reads Simplified Chinese, as most of Homeward's people's do;
/// whatever the machine running the tests is set to.
const SYSTEM_LOCALE: &str = "zh_CN.UTF-8";

/// Sets the POSIX locale of `command` and what it starts to `locale` alone.
fn in_locale(command: &mut Command, locale: &str) {
    command
        .env("LANG", locale)
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
}

/// One running instance of the app.
pub struct App {
    pub client: Client,
    data_dir: PathBuf,
}

impl App {
    pub async fn wait_css(&self, css: &str) -> anyhow::Result<Element> {
        match self
            .client
            .wait()
            .at_most(STEP)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(el) => Ok(el),
            Err(e) => {
                let shot = self.failure_shot(css).await;
                Err(anyhow::Error::new(e).context(format!("waiting for {css} (screen: {shot})")))
            }
        }
    }

    /// Saves what the screen showed when a step failed, under `target/e2e-failures/`.
    async fn failure_shot(&self, what: &str) -> String {
        let name: String = what
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let path = crate::repo_root()
            .join("target/e2e-failures")
            .join(format!("{name}.png"));
        match self.capture(&path).await {
            Ok(()) => path.display().to_string(),
            Err(e) => format!("no screenshot: {e}"),
        }
    }

    /// Moves focus away from the current field, as tapping elsewhere does.
    pub async fn blur(&self) -> anyhow::Result<()> {
        self.client
            .execute(
                "if (document.activeElement) document.activeElement.blur();",
                vec![],
            )
            .await?;
        Ok(())
    }

    /// Switches the app to `lang` (a tag of the header's switch) and waits until the page says
    /// it is in that language.
    pub async fn choose_language(&self, lang: &str) -> anyhow::Result<()> {
        self.click(&format!("#lang-{lang}")).await?;
        // The switch waits for the language's messages: until then the screen is laid out in
        // the one before, and a tap aimed at it would land on what moves there.
        self.wait_css(&format!(
            "html[lang='{lang}'] #lang-{lang}[aria-pressed='true']"
        ))
        .await?;
        Ok(())
    }

    pub async fn click(&self, css: &str) -> anyhow::Result<()> {
        match self.wait_css(css).await?.click().await {
            Ok(()) => Ok(()),
            Err(e) => {
                let shot = self.failure_shot(css).await;
                Err(anyhow::Error::new(e).context(format!("clicking {css} (screen: {shot})")))
            }
        }
    }

    pub async fn text(&self, css: &str) -> anyhow::Result<String> {
        Ok(self.wait_css(css).await?.text().await?)
    }

    /// The attribute `name` of the element `css`, once it is there.
    pub async fn attr(&self, css: &str, name: &str) -> anyhow::Result<String> {
        self.wait_css(css)
            .await?
            .attr(name)
            .await?
            .ok_or_else(|| anyhow::anyhow!("{css} has no attribute {name}"))
    }

    /// Waits until the element's text contains `needle`; returns the text.
    pub async fn wait_text(&self, css: &str, needle: &str) -> anyhow::Result<String> {
        let text = || async {
            Ok(match self.client.find(Locator::Css(css)).await {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            })
        };
        self.eventually(&format!("{css} containing {needle:?}"), || async {
            Ok(text().await?.contains(needle))
        })
        .await?;
        text().await
    }

    /// Puts `text` into the field the way an input method commits a composed word: the value at
    /// once, then an `input` event. WebDriver cannot type characters beyond the Basic
    /// Multilingual Plane (rare name characters such as 𠀀); a Chinese input method can.
    pub async fn commit_text(&self, css: &str, text: &str) -> anyhow::Result<()> {
        self.input_text(css, text).await?;
        self.eventually(
            &format!("{css} saved after committing {text:?}"),
            || async { Ok(self.count("#save-state[data-state='saved']").await? > 0) },
        )
        .await
    }

    /// Puts `text` into the field as an input method commits it, without waiting for a save
    /// (for forms that save on a button).
    pub async fn input_text(&self, css: &str, text: &str) -> anyhow::Result<()> {
        let field = self.wait_css(css).await?;
        let script = "arguments[0].value = arguments[1]; \
                      arguments[0].dispatchEvent(new Event('input', { bubbles: true }));";
        let element = serde_json::to_value(&field)?;
        self.client
            .execute(script, vec![element, serde_json::json!(text)])
            .await?;
        Ok(())
    }

    /// Types `text` into the field and waits until the app has saved all of it.
    pub async fn type_and_wait_saved(&self, css: &str, text: &str) -> anyhow::Result<()> {
        let field = self.wait_css(css).await?;
        field.send_keys(text).await?;
        self.eventually(&format!("{css} saved with {text:?}"), || async {
            let value = field.prop("value").await?.unwrap_or_default();
            Ok(value.ends_with(text) && self.count("#save-state[data-state='saved']").await? == 1)
        })
        .await
    }

    /// Waits until the first search result is the guide `id`, or one whose id starts with `id`
    /// when it ends in a hyphen (`"driving-licence-"`).
    pub async fn wait_first_result(&self, id: &str) -> anyhow::Result<()> {
        let css = ".results .cards li:first-child .guide-card";
        self.eventually(&format!("{id} as the first result"), || async {
            let first = match self.client.find(Locator::Css(css)).await {
                Ok(el) => el.attr("data-guide").await?.unwrap_or_default(),
                Err(_) => String::new(),
            };
            Ok(first == id || (id.ends_with('-') && first.starts_with(id)))
        })
        .await
    }

    pub async fn checked(&self, css: &str) -> anyhow::Result<bool> {
        Ok(self.wait_css(css).await?.prop("checked").await?.as_deref() == Some("true"))
    }

    /// Waits until `check` holds, polling; fails after [`STEP`] naming `what`.
    pub async fn eventually<F, Fut>(&self, what: &str, mut check: F) -> anyhow::Result<()>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = anyhow::Result<bool>>,
    {
        let deadline = Instant::now() + STEP;
        while !check().await? {
            if Instant::now() > deadline {
                let shot = self.failure_shot(what).await;
                bail!("{what} did not happen (screen: {shot})");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(())
    }

    /// Waits until the element with `id` has the focus.
    pub async fn wait_focused(&self, id: &str) -> anyhow::Result<()> {
        self.eventually(&format!("focus on {id}"), || async {
            let focused = self
                .client
                .execute("return document.activeElement.id", vec![])
                .await?;
            Ok(focused == id)
        })
        .await
    }

    /// Presses keys on the keyboard, one after another, wherever the focus is: no element is
    /// clicked or aimed at (text is typed a character at a time; see `fantoccini::key::Key` for
    /// Tab, Enter, Space and the arrows).
    pub async fn keys(&self, keys: &str) -> anyhow::Result<()> {
        use fantoccini::actions::{InputSource as _, KeyAction, KeyActions};
        let mut actions = KeyActions::new("keyboard".into());
        for value in keys.chars() {
            actions = actions
                .then(KeyAction::Down { value })
                .then(KeyAction::Up { value });
        }
        self.client.perform_actions(actions).await?;
        self.client.release_actions().await?;
        Ok(())
    }

    /// Whether the focused element matches `css`.
    pub async fn focused_is(&self, css: &str) -> anyhow::Result<bool> {
        let matches = self
            .client
            .execute(
                "const a = document.activeElement; return !!a && a.matches(arguments[0]);",
                vec![serde_json::json!(css)],
            )
            .await?;
        Ok(matches == serde_json::Value::Bool(true))
    }

    /// Presses Tab until the element `css` names has the focus, as a person using the keyboard
    /// alone moves through the screen; fails if it is not reached within `at_most` presses.
    pub async fn tab_to(&self, css: &str, at_most: usize) -> anyhow::Result<()> {
        self.wait_css(css).await?;
        for _ in 0..=at_most {
            if self.focused_is(css).await? {
                return Ok(());
            }
            self.keys(&fantoccini::key::Key::Tab.to_string()).await?;
        }
        let at = self
            .client
            .execute(
                "const a = document.activeElement; return a ? a.outerHTML.slice(0, 200) : 'nothing';",
                vec![],
            )
            .await?;
        let shot = self.failure_shot(&format!("tab_to_{css}")).await;
        bail!("{css} not reached with {at_most} presses of Tab; the focus is on {at} (screen: {shot})")
    }

    /// How many times the UI has invoked each command of the shell since the count was last
    /// reset, by name: `{"set_answer": 6}`.
    pub async fn ipc_calls(&self) -> anyhow::Result<serde_json::Value> {
        Ok(self
            .client
            .execute("return window.homewardIpcCalls || {}", vec![])
            .await?)
    }

    /// Invokes the shell's command `command` with `args` as the UI would, and answers what it
    /// answers (an error's JSON as the error).
    pub async fn invoke(
        &self,
        command: &str,
        args: serde_json::Value,
    ) -> anyhow::Result<serde_json::Value> {
        let answer = self
            .client
            .execute_async(
                "const [command, args, done] = arguments;
                 window.__TAURI__.core.invoke(command, { args })
                   .then((ok) => done({ ok }), (error) => done({ error }));",
                vec![serde_json::json!(command), args],
            )
            .await?;
        match answer {
            serde_json::Value::Object(mut o) if o.contains_key("ok") => {
                Ok(o.remove("ok").unwrap_or_default())
            }
            other => bail!("{command} failed: {other}"),
        }
    }

    /// The memory of this app and of every process it started (WebKit's web and network
    /// processes), one entry per process.
    pub fn memory(&self) -> anyhow::Result<Vec<ProcessMemory>> {
        let apps = pids_of(&self.data_dir)?;
        anyhow::ensure!(
            !apps.is_empty(),
            "no app process found for {}",
            self.data_dir.display()
        );
        let mut parents = std::collections::BTreeMap::<u32, u32>::new();
        for entry in std::fs::read_dir("/proc")? {
            let entry = entry?;
            let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse().ok()) else {
                continue;
            };
            // A process may end while the table is read; it is then simply not counted.
            let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            let ppid = stat
                .rfind(')')
                .and_then(|at| stat[at + 1..].split_whitespace().nth(1))
                .and_then(|p| p.parse().ok());
            if let Some(ppid) = ppid {
                parents.insert(pid, ppid);
            }
        }
        let descends = |mut pid: u32| loop {
            if apps.contains(&pid) {
                return true;
            }
            match parents.get(&pid) {
                Some(&ppid) if ppid > 1 => pid = ppid,
                _ => return false,
            }
        };
        let mut found = vec![];
        for &pid in parents.keys() {
            if descends(pid) {
                if let Some(memory) = ProcessMemory::of(pid) {
                    found.push(memory);
                }
            }
        }
        Ok(found)
    }

    /// Starts counting the UI's calls to the shell from zero.
    pub async fn reset_ipc_calls(&self) -> anyhow::Result<()> {
        self.client
            .execute("window.homewardIpcCalls = {}", vec![])
            .await?;
        Ok(())
    }

    /// Waits until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str) -> anyhow::Result<()> {
        self.eventually(&format!("{css} gone"), || async {
            Ok(self.count(css).await? == 0)
        })
        .await
    }

    pub async fn count(&self, css: &str) -> anyhow::Result<usize> {
        Ok(self.client.find_all(Locator::Css(css)).await?.len())
    }

    pub async fn value(&self, css: &str) -> anyhow::Result<String> {
        Ok(self
            .wait_css(css)
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    pub async fn set_size(&self, width: u32, height: u32) -> anyhow::Result<()> {
        self.client.set_window_size(width, height).await?;
        Ok(())
    }

    /// Takes a picture of the screen to `path`, then checks it as a person would meet it:
    /// nothing sticks out sideways, and axe finds no accessibility violation.
    pub async fn screenshot(&self, path: &Path) -> anyhow::Result<()> {
        self.capture(path).await?;
        let screen = crate::axe::screen_name(path);
        let wide = self.client.execute(OVERFLOW, vec![]).await?;
        anyhow::ensure!(
            wide.as_array().is_some_and(Vec::is_empty),
            "{screen} is wider than its window and scrolls sideways: {wide}"
        );
        crate::axe::check(&self.client, &screen).await
    }

    async fn capture(&self, path: &Path) -> anyhow::Result<()> {
        // The DOM can be ahead of what is painted: wait for two frames, so the picture shows the
        // screen the test just reached rather than the one before it.
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await?;
        // WebKitGTK painting without GPU compositing (as the app asks it to) answers a
        // screenshot only after it next paints, and paints only what changed: a pixel in the
        // corner, changed every frame until the picture is taken, keeps it painting.
        self.client.execute(KEEP_PAINTING, vec![]).await?;
        let png = self.client.screenshot().await;
        self.client
            .execute(
                "const tick = document.getElementById('picture-tick'); if (tick) tick.remove();",
                vec![],
            )
            .await?;
        let png = png?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, png)?;
        Ok(())
    }

    /// Closes the window the way a person would; the app exits cleanly.
    pub async fn close(self) -> anyhow::Result<()> {
        self.client.close().await?;
        Ok(())
    }

    /// Kills the app process with SIGKILL, as a crash or the OS would, with no chance to clean up.
    pub async fn kill(self) -> anyhow::Result<()> {
        let pids = pids_of(&self.data_dir)?;
        anyhow::ensure!(
            !pids.is_empty(),
            "no app process found for {}",
            self.data_dir.display()
        );
        for pid in pids {
            let status = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status()?;
            anyhow::ensure!(status.success(), "kill -KILL {pid} failed");
        }
        // The session's browser is gone; ending it only tidies up the driver.
        let _ = tokio::time::timeout(Duration::from_secs(10), self.client.close()).await;
        Ok(())
    }
}

/// What one process holds in memory, from `/proc/PID/smaps_rollup`: its proportional set size
/// (each shared page divided among the processes sharing it), in bytes, and its parts.
#[derive(Debug, Clone)]
pub struct ProcessMemory {
    pub pid: u32,
    /// The program's name as the kernel knows it (`homeward-app`, `WebKitWebProces`).
    pub name: String,
    pub pss: u64,
    /// Memory of its own: heaps (the JavaScript engine's, the wasm memory, the app's).
    pub pss_anon: u64,
    /// Pages of files it mapped: its code and libraries.
    pub pss_file: u64,
    /// Shared memory: buffers passed between the processes.
    pub pss_shmem: u64,
}

impl ProcessMemory {
    fn of(pid: u32) -> Option<Self> {
        let dir = Path::new("/proc").join(pid.to_string());
        let rollup = std::fs::read_to_string(dir.join("smaps_rollup")).ok()?;
        let field = |name: &str| {
            rollup.lines().find_map(|l| {
                let rest = l.strip_prefix(name)?.strip_prefix(':')?;
                let kb: u64 = rest.trim().trim_end_matches("kB").trim().parse().ok()?;
                Some(kb * 1024)
            })
        };
        Some(ProcessMemory {
            pid,
            name: std::fs::read_to_string(dir.join("comm"))
                .ok()?
                .trim()
                .to_owned(),
            pss: field("Pss")?,
            pss_anon: field("Pss_Anon").unwrap_or_default(),
            pss_file: field("Pss_File").unwrap_or_default(),
            pss_shmem: field("Pss_Shmem").unwrap_or_default(),
        })
    }
}

/// Processes of the app binary started with `--data-dir <dir>`.
fn pids_of(data_dir: &Path) -> anyhow::Result<Vec<u32>> {
    let app = app_binary()?;
    let needle = data_dir.to_string_lossy().into_owned();
    let mut pids = vec![];
    for entry in std::fs::read_dir("/proc")? {
        let entry = entry?;
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        let args: Vec<String> = cmdline
            .split(|b| *b == 0)
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        let is_app = args.first().is_some_and(|a| Path::new(a) == app);
        if is_app && args.contains(&needle) {
            pids.push(pid);
        }
    }
    Ok(pids)
}

/// A pixel in the window's corner, all but transparent, changed every frame until it is removed.
const KEEP_PAINTING: &str = "const tick = document.createElement('div'); \
    tick.id = 'picture-tick'; \
    tick.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none'; \
    document.documentElement.appendChild(tick); \
    let on = false; \
    (function step() { \
      if (!tick.isConnected) return; \
      on = !on; \
      tick.style.background = on ? 'rgba(0,0,0,0.01)' : 'transparent'; \
      requestAnimationFrame(step); \
    })();";

/// What sticks out past the right edge of the window, which would make the page scroll
/// sideways (parts that scroll on their own, like the row of categories, excepted).
const OVERFLOW: &str = "
    const w = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= w) return [];
    const out = [];
    for (const e of document.querySelectorAll('body *')) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.right <= w + 1) continue;
        let p = e.parentElement, contained = false;
        for (; p && p !== document.body; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if (o === 'auto' || o === 'scroll' || o === 'hidden') { contained = true; break; }
        }
        if (!contained) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
            (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : ''));
    }
    if (out.length) return out.slice(0, 8);
    // Text wider than its own box (a word that cannot break) shows as the box's scroll width.
    const spilling = [...document.querySelectorAll('body *')]
        .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')
        .slice(-3)
        .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ': ' +
            e.textContent.slice(0, 60));
    return ['the page, by ' + (document.documentElement.scrollWidth - w) + 'px', ...spilling];";

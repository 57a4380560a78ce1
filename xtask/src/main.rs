//! `cargo xtask`: one command to set up, run and test Homeward on a fresh Debian or Ubuntu machine.
//!
//! - `cargo xtask run`: install what is missing, start the reference backend on loopback with its
//!   embedded database, and open the app against it. Ctrl-C stops both.
//! - `cargo xtask test`: install what is missing, then every check and test, ending with the
//!   end-to-end tests through the real app under Xvfb.
//! - `cargo xtask screenshots`: every screen, both languages, phone and desktop size.
//! - `cargo xtask setup`: only the installation step.
//!
//! Tools are built from crates.io at pinned versions; nothing downloads a prebuilt binary.

mod bundle;
mod deny;
mod fuzz;
mod icons;
mod postgres;
mod setup;
mod ui;

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let release = args.iter().any(|a| a == "--release");
    let command = args.first().map(String::as_str);
    DEMO.store(
        release || command == Some("bench"),
        std::sync::atomic::Ordering::Relaxed,
    );
    match command {
        Some("setup") => setup::all(),
        Some("run") => run(release),
        Some("test") => test(),
        Some("screenshots") => screenshots(),
        Some("bench") => bench(),
        Some("deny") => deny::check(),
        Some("fuzz") => fuzz::run(),
        Some("icons") => icons::run(false),
        Some("bundle") => {
            setup::all()?;
            bundle::build(release).map(drop)
        }
        Some("build") => {
            setup::all()?;
            build_app(release).map(|_| ())
        }
        _ => {
            eprintln!(
                "usage: cargo xtask <run|test|screenshots|bench|deny|fuzz|icons|bundle|setup|build> [--release]\n\
                 run          set up, start the backend on 127.0.0.1:8787 and open the app\n\
                 test         set up, then formatting, lints, every test, the end-to-end tests\n\
                 screenshots  every screen in zh-CN and en at 390x844 and 1280x800\n\
                 bench        search latency, release sizes, cold start (for BENCHMARKS.md)\n\
                 setup        install system packages and pinned tools only\n\
                 deny         advisories, licences, bans and sources of every dependency\n\
                 fuzz         each fuzz target of fuzz/ for a bounded time (nightly)\n\
                 icons        every icon size and format from icons/icon.png\n\
                 bundle       the .deb and .rpm (a debug build unless --release)\n\
                 build        build the UI and the app"
            );
            std::process::exit(2);
        }
    }
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

/// Whether this run builds a demo: its release builds may trust the public sample content key
/// (`HOMEWARD_DEMO_BUILD`, which a city's own release build never sets).
static DEMO: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn cargo() -> Command {
    in_checkout(Command::new(
        std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()),
    ))
}

/// Cargo of the pinned nightly toolchain ([`setup::NIGHTLY`], installed by [`setup::nightly`]).
pub fn nightly_cargo() -> Command {
    let mut cmd = Command::new("rustup");
    cmd.args(["run", setup::NIGHTLY, "cargo"]);
    in_checkout(cmd)
}

fn in_checkout(mut cmd: Command) -> Command {
    cmd.current_dir(root());
    if DEMO.load(std::sync::atomic::Ordering::Relaxed) {
        cmd.env("HOMEWARD_DEMO_BUILD", "1");
    }
    cmd
}

/// Runs a command, echoing it, and fails with its name if it fails.
pub fn run_cmd(cmd: &mut Command) -> anyhow::Result<()> {
    announce(cmd);
    let status = cmd
        .status()
        .with_context(|| format!("starting {}", describe(cmd)))?;
    if !status.success() {
        bail!("failed ({status}): {}", describe(cmd));
    }
    Ok(())
}

/// Shows the command about to run.
fn announce(cmd: &Command) {
    eprintln!("\x1b[1m$ {}\x1b[0m", describe(cmd));
}

fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program().to_string_lossy().into_owned())
        .chain(cmd.get_args().map(|a| a.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn step(name: &str) {
    eprintln!("\n\x1b[1;36m==> {name}\x1b[0m");
}

/// Builds the UI, then the shell with the UI embedded. Returns the app binary.
fn build_app(release: bool) -> anyhow::Result<PathBuf> {
    ui::build(release)?;
    step("build the desktop app");
    let mut cmd = cargo();
    cmd.args(["build", "--package", "homeward-app"]);
    if release {
        cmd.arg("--release");
    }
    run_cmd(&mut cmd)?;
    Ok(target_dir()
        .join(if release { "release" } else { "debug" })
        .join("homeward-app"))
}

/// Wraps `cmd` so it runs in its own D-Bus session with an unlocked gnome-keyring whose files
/// live in `keyring_home`: the OS keyring, for real, without touching the person's own.
fn in_keyring_session(cmd: &Command, keyring_home: &Path) -> Command {
    let mut wrapped = Command::new("dbus-run-session");
    wrapped.current_dir(
        cmd.get_current_dir()
            .map(Path::to_path_buf)
            .unwrap_or_else(root),
    );
    wrapped.env("XDG_DATA_HOME", keyring_home);
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => wrapped.env(k, v),
            None => wrapped.env_remove(k),
        };
    }
    wrapped.args([
        "--",
        "sh",
        "-c",
        "printf homeward | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec \"$@\"",
        "keyring-session",
    ]);
    wrapped.arg(cmd.get_program()).args(cmd.get_args());
    wrapped
}

fn has_display() -> bool {
    std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some()
}

fn under_xvfb(cmd: &Command) -> Command {
    let mut wrapped = Command::new("xvfb-run");
    wrapped.current_dir(
        cmd.get_current_dir()
            .map(Path::to_path_buf)
            .unwrap_or_else(root),
    );
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            wrapped.env(k, v);
        }
    }
    wrapped.args(["-a", "-s", "-screen 0 1280x800x24"]);
    wrapped.arg(cmd.get_program()).args(cmd.get_args());
    wrapped
}

fn wait_for_health(addr: &str, backend: &mut Child) -> anyhow::Result<()> {
    use std::io::{Read as _, Write as _};
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(status) = backend.try_wait()? {
            bail!("the backend stopped ({status}) before it answered /healthz");
        }
        if let Ok(mut s) = std::net::TcpStream::connect(addr) {
            let _ = write!(
                s,
                "GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
            );
            let mut reply = String::new();
            let _ = s.read_to_string(&mut reply);
            if reply.starts_with("HTTP/1.1 200") {
                return Ok(());
            }
        }
        if Instant::now() > deadline {
            bail!("the backend did not answer http://{addr}/healthz within 30 s");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn run(release: bool) -> anyhow::Result<()> {
    setup::all()?;
    let app = build_app(release)?;
    step("build the reference backend");
    let mut cmd = cargo();
    cmd.args(["build", "--package", "homeward-backend"]);
    if release {
        cmd.arg("--release");
    }
    run_cmd(&mut cmd)?;
    let profile = if release { "release" } else { "debug" };
    let data = root().join(".data");
    std::fs::create_dir_all(data.join("backend"))?;

    step("start the backend on http://127.0.0.1:8787");
    let addr = "127.0.0.1:8787";
    let mut backend = Command::new(target_dir().join(profile).join("homeward-backend"))
        .args(["--listen", addr, "--database"])
        .arg(format!(
            "sqlite://{}",
            data.join("backend/homeward.db").display()
        ))
        .spawn()
        .context("starting homeward-backend")?;
    let result = (|| {
        wait_for_health(addr, &mut backend)?;
        eprintln!("backend ready: http://{addr}/healthz");
        console_account(&target_dir().join(profile).join("homeward-backend"), &data)?;
        step("open the app (close its window or press Ctrl-C to stop)");
        let mut cmd = Command::new(&app);
        cmd.arg("--data-dir")
            .arg(data.join("app"))
            .args(["--backend-url", "http://127.0.0.1:8787"]);
        let mut cmd = if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
            eprintln!(
                "no D-Bus session: using a keyring kept in .data/keyring (password: homeward)"
            );
            in_keyring_session(&cmd, &data.join("keyring"))
        } else {
            cmd
        };
        if !has_display() {
            eprintln!("no display: running the app under Xvfb");
            cmd = under_xvfb(&cmd);
        }
        run_cmd(&mut cmd)
    })();
    let _ = Command::new("kill")
        .args(["-TERM", &backend.id().to_string()])
        .status();
    let _ = backend.wait();
    result
}

/// Where the backend's PostgreSQL tests find their server.
const POSTGRES_ENV: &str = "HOMEWARD_TEST_POSTGRES";

/// A back-office account for trying the console locally: made once, its password kept in
/// `.data/console-password` (this is a developer's loopback setup, not a deployment).
fn console_account(backend: &Path, data: &Path) -> anyhow::Result<()> {
    let file = data.join("console-password");
    if !file.exists() {
        let password: String = {
            use std::io::Read as _;
            let mut bytes = [0u8; 12];
            std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
            bytes.iter().map(|b| format!("{b:02x}")).collect()
        };
        let mut child = Command::new(backend)
            .args([
                "add-staff",
                "--username",
                "demo-officer",
                "--admin",
                "--database",
            ])
            .arg(format!(
                "sqlite://{}",
                data.join("backend/homeward.db").display()
            ))
            .stdin(std::process::Stdio::piped())
            .spawn()?;
        {
            use std::io::Write as _;
            let mut stdin = child.stdin.take().context("stdin")?;
            writeln!(stdin, "{password}")?;
        }
        if !child.wait()?.success() {
            bail!("could not add the console account");
        }
        std::fs::write(&file, &password)?;
    }
    let password = std::fs::read_to_string(&file)?;
    eprintln!(
        "back office: http://127.0.0.1:8787/console (user demo-officer, password {})",
        password.trim()
    );
    Ok(())
}

fn test() -> anyhow::Result<()> {
    let started = Instant::now();
    setup::all()?;
    ui::build(false)?;

    step("formatting");
    run_cmd(cargo().args(["fmt", "--all", "--check"]))?;
    icons::run(true)?;

    step("lints");
    run_cmd(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;

    deny::check()?;

    step("the key store code for every platform the app is for (Windows, macOS, iOS, Android)");
    for target in [
        "x86_64-pc-windows-gnu",
        "aarch64-apple-darwin",
        "aarch64-apple-ios",
        "aarch64-linux-android",
    ] {
        setup::rust_target(target)?;
        run_cmd(cargo().args(["check", "--package", "homeward-keys", "--target", target]))?;
    }
    step("the whole app for Windows (x86_64-pc-windows-gnu, mingw-w64): checked, not linked");
    run_cmd(cargo().args([
        "check",
        "--package",
        "homeward-app",
        "--target",
        "x86_64-pc-windows-gnu",
    ]))?;

    step("catalogue");
    const FUZHOU: [&str; 4] = [
        "--dir",
        "catalog/fuzhou",
        "--key",
        "catalog/keys/sample-fuzhou-content-key.secret",
    ];
    for args in [
        &["check"][..],
        &["check", "--dir", "catalog/fuzhou"],
        &["pack", "--check"],
        &[
            "pack", "--check", FUZHOU[0], FUZHOU[1], FUZHOU[2], FUZHOU[3],
        ],
        &["cities", "--check"],
    ] {
        let mut cmd = cargo();
        cmd.args([
            "run",
            "--quiet",
            "--package",
            "homeward-cli",
            "--",
            "catalog",
        ])
        .args(args);
        run_cmd(&mut cmd)?;
    }

    step("PostgreSQL on loopback, for the backend's tests");
    let postgres = postgres::Postgres::start()?;

    let keyring = tempdir("keyring")?;
    step("unit and integration tests (with a real keyring session)");
    let mut tests = cargo();
    tests
        .args(["test", "--workspace", "--", "--test-threads=2"])
        .env(POSTGRES_ENV, postgres.url());
    run_cmd(&mut in_keyring_session(&tests, &keyring))?;
    let _ = std::fs::remove_dir_all(&keyring);

    step("storage suite and fault tests against PostgreSQL");
    run_cmd(
        cargo()
            .args(["test", "--package", "homeward-backend", "--", "--ignored"])
            .env(POSTGRES_ENV, postgres.url()),
    )?;
    let keyring = tempdir("keyring-pg")?;
    let mut faults = ignored_tests("faults");
    faults.env(POSTGRES_ENV, postgres.url());
    run_cmd(&mut in_keyring_session(&faults, &keyring))?;
    let _ = std::fs::remove_dir_all(&keyring);

    step("schemathesis over /openapi.json, through a signing proxy");
    let st = setup::schemathesis()?;
    run_cmd(
        ignored_tests("schemathesis")
            .arg("--nocapture")
            .env("HOMEWARD_SCHEMATHESIS", &st),
    )?;

    fuzz::run()?;

    step("outages: a full disk, PostgreSQL stopped dead and started again");
    let small = SmallFs::mount("outages", "32m")?;
    let keyring = tempdir("keyring-outages")?;
    let mut outages = ignored_tests("outages");
    outages
        .env(POSTGRES_ENV, postgres.url())
        .env("HOMEWARD_TEST_POSTGRES_CTL", postgres.ctl_line())
        .env("HOMEWARD_TEST_SMALL_FS", &small.dir);
    run_cmd(&mut in_keyring_session(&outages, &keyring))?;
    let _ = std::fs::remove_dir_all(&keyring);
    drop(small);
    drop(postgres);

    let app = build_app(false)?;
    step("end-to-end tests through the real app (Xvfb, WebDriver)");
    // The screenshot runs too: every screen in every language at both sizes, each checked by
    // axe-core.
    let _ = std::fs::remove_file(accessibility_report());
    // The start and memory figures are measured on the release build, by `bench`.
    run_e2e(
        &app,
        &[
            "--skip",
            "cold_start",
            "--skip",
            "memory_after",
            "--test-threads=1",
        ],
    )?;
    accessibility_summary()?;

    let bundles = bundle::build(false)?;
    bundle::install_and_start(&bundles.deb)?;

    eprintln!("\nall checks passed in {:.0?}", started.elapsed());
    Ok(())
}

fn screenshots() -> anyhow::Result<()> {
    setup::all()?;
    let app = build_app(false)?;
    step("screenshots");
    let _ = std::fs::remove_file(accessibility_report());
    run_e2e(&app, &["screenshots_of", "--test-threads=1"])?;
    eprintln!(
        "screenshots written to {}",
        root().join("target/screenshots").display()
    );
    accessibility_summary()
}

/// Where the end-to-end tests record each accessibility check (see `homeward_tests::axe`).
fn accessibility_report() -> PathBuf {
    root().join("target/accessibility/axe-report.jsonl")
}

/// What the accessibility checks of the last end-to-end run found, in a line: a run that checked
/// no screen is a failure too.
fn accessibility_summary() -> anyhow::Result<()> {
    let report = accessibility_report();
    let text = std::fs::read_to_string(&report).unwrap_or_default();
    let mut screens = 0;
    let mut violations = 0;
    let mut langs = std::collections::BTreeSet::new();
    for line in text.lines() {
        let entry: serde_json::Value = serde_json::from_str(line)?;
        screens += 1;
        violations += entry["violations"].as_array().map_or(0, Vec::len);
        if let Some(lang) = entry["lang"].as_str() {
            langs.insert(lang.to_owned());
        }
    }
    anyhow::ensure!(screens > 0, "no screen was checked for accessibility");
    anyhow::ensure!(
        violations == 0,
        "{violations} accessibility violations: see {}",
        report.display()
    );
    eprintln!(
        "accessibility (axe-core, WCAG 2.2 A and AA): {screens} screens checked in {} ({}), 0 violations; report: {}",
        langs.len(),
        langs.into_iter().collect::<Vec<_>>().join(", "),
        report.display()
    );
    Ok(())
}

/// The figures BENCHMARKS.md reports, measured on this machine.
fn bench() -> anyhow::Result<()> {
    setup::all()?;
    step("search, autosave, drafts list and photo benchmarks (criterion, p50/p99)");
    run_cmd(cargo().args([
        "bench",
        "--package",
        "homeward-catalog",
        "--bench",
        "search",
    ]))?;
    for bench in ["store", "photo"] {
        run_cmd(cargo().args(["bench", "--package", "homeward-core", "--bench", bench]))?;
    }

    intake_bench()?;

    step("/healthz while the backend is abused: 1,000 slow clients, then a sign-in flood");
    run_cmd(cargo().args([
        "run",
        "--release",
        "--quiet",
        "--package",
        "homeward-backend",
        "--example",
        "abuse_load",
    ]))?;

    step("bytes on the wire per submission, and after an upload is cut half-way");
    let keyring = tempdir("keyring-bench")?;
    let mut wire = cargo();
    wire.args([
        "test",
        "--release",
        "--package",
        "homeward-tests",
        "--test",
        "wire",
        "--",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    run_cmd(&mut in_keyring_session(&wire, &keyring))?;
    let _ = std::fs::remove_dir_all(&keyring);

    let app = build_app(true)?;
    step("release sizes");
    let wasm = root().join("src-ui/dist/homeward-ui_bg.wasm");
    report_size("app binary", &app, None)?;
    report_size("UI wasm", &wasm, Some(1_200_000))?;

    let bundles = bundle::build(true)?;
    bundle::install_and_start(&bundles.deb)?;

    step("cold start (release, Xvfb)");
    run_e2e(
        &app,
        &[
            "--exact",
            "cold_start_to_the_first_catalogue_screen",
            "--nocapture",
        ],
    )?;
    step("memory after every screen and five photos (release, Xvfb)");
    run_e2e(
        &app,
        &[
            "--exact",
            "memory_after_every_screen_and_five_photos",
            "--nocapture",
        ],
    )?;
    blank_window_floor()
}

/// The floor under the app's start and memory: a WebKitGTK window showing two lines of text,
/// painted as the app paints (`src-tauri/examples/blank_window.rs`), started six times under
/// Xvfb on a system that reads Chinese, as the app's start is measured; the first start is not
/// counted.
fn blank_window_floor() -> anyhow::Result<()> {
    step("the floor: a blank WebKitGTK window (release, Xvfb)");
    run_cmd(cargo().args([
        "build",
        "--release",
        "--package",
        "homeward-app",
        "--example",
        "blank_window",
    ]))?;
    let program = target_dir().join("release/examples/blank_window");
    let (mut painted, mut pss) = (vec![], vec![]);
    for run in 0..6 {
        let mut cmd = Command::new(&program);
        cmd.env("LANG", "zh_CN.UTF-8");
        let out = under_xvfb(&cmd).output()?;
        let text = String::from_utf8_lossy(&out.stdout);
        // "main 70 ms, painted 311 ms", then "pss all 200002 kB".
        let read = |after: &str| -> Option<f64> {
            let rest = &text[text.find(after)? + after.len()..];
            rest.split_whitespace().next()?.parse().ok()
        };
        let (Some(ms), Some(kb)) = (read("painted "), read("pss all ")) else {
            bail!("the blank window said: {text}");
        };
        if run > 0 {
            painted.push(ms);
            pss.push(kb / 1000.0);
        }
    }
    let runs = painted
        .iter()
        .map(|ms| format!("{ms:.0}"))
        .collect::<Vec<_>>()
        .join(", ");
    painted.sort_by(f64::total_cmp);
    pss.sort_by(f64::total_cmp);
    eprintln!(
        "BENCH the floor, a blank WebKitGTK window: first paint {:.0} ms after the process \
         started (median of 5; runs {runs}), memory (PSS) {:.1} MB with its web and network \
         processes",
        painted[painted.len() / 2],
        pss[pss.len() / 2],
    );
    Ok(())
}

/// Prints the size of the file at `path` for the bench's report, beside its goal if it has one.
pub fn report_size(what: &str, path: &Path, goal: Option<u64>) -> anyhow::Result<()> {
    let bytes = std::fs::metadata(path)?.len();
    let goal = goal.map_or_else(String::new, |goal| {
        let met = if bytes <= goal { "met" } else { "not met" };
        format!(" (goal at most {goal} bytes: {met})")
    });
    eprintln!(
        "BENCH {what}: {bytes} bytes ({:.1} MiB) {}{goal}",
        bytes as f64 / 1_048_576.0,
        path.display()
    );
    Ok(())
}

/// Submissions per intake run: about fifteen seconds of intake on PostgreSQL, as long as the
/// pgbench baseline runs, so both rates are of a steady state rather than one including its
/// start (10,000 took about 2.3 s, and the ratio moved with it).
const INTAKE_TOTAL: &str = "60000";

/// Backend intake under 50 concurrent clients on SQLite and on PostgreSQL, next to a pgbench
/// baseline of plain inserts of the same size on the same server, in the same run.
fn intake_bench() -> anyhow::Result<()> {
    step("backend intake under load (50 clients): SQLite, PostgreSQL and a pgbench baseline");
    let postgres = postgres::Postgres::start()?;
    let dir = tempdir("intake-bench")?;
    let load = |database: &str| -> anyhow::Result<f64> {
        let out = cargo()
            .args([
                "run",
                "--release",
                "--quiet",
                "--package",
                "homeward-backend",
                "--example",
                "intake_load",
                "--",
                "--clients",
                "50",
                "--total",
                INTAKE_TOTAL,
                "--database",
                database,
            ])
            .output()?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        eprint!("{text}{}", String::from_utf8_lossy(&out.stderr));
        anyhow::ensure!(out.status.success(), "the load generator failed");
        number_before(&text, " submissions/s").context("no throughput in the output")
    };
    let sqlite = load(&format!("sqlite://{}", dir.join("bench.db").display()))?;
    let pg = load(&postgres.url())?;

    // The baseline: one INSERT of a 1.2 KB row per transaction, 50 clients, same server.
    run_cmd(
        &mut postgres.psql("CREATE TABLE bench_insert (id bigserial PRIMARY KEY, body bytea NOT NULL, at bigint NOT NULL)"),
    )?;
    let script = dir.join("insert.sql");
    std::fs::write(
        &script,
        "INSERT INTO bench_insert (body, at) VALUES (convert_to(repeat('x', 1200), 'UTF8'), 0);\n",
    )?;
    let out = Command::new(postgres.tool("pgbench"))
        .args(["-n", "-c", "50", "-j", "2", "-T", "15", "-f"])
        .arg(&script)
        .arg(postgres.url())
        .output()?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    eprint!("{text}");
    anyhow::ensure!(
        out.status.success(),
        "pgbench failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tps = text
        .lines()
        .find(|l| l.starts_with("tps = "))
        .and_then(|l| l.trim_start_matches("tps = ").split_whitespace().next())
        .and_then(|n| n.parse::<f64>().ok())
        .context("no tps in pgbench's output")?;
    eprintln!(
        "BENCH pgbench baseline: {tps:.0} inserts/s; intake on PostgreSQL {pg:.0}/s ({:.1}% of \
         the baseline; goal at least 25%), on SQLite {sqlite:.0}/s",
        pg / tps * 100.0
    );
    let _ = std::fs::remove_dir_all(&dir);

    step(
        "costs as the work grows, on PostgreSQL: the staff's list, an application's page and a \
          device's feed at 1x and 10x (goal: p99 under 50 ms at 1,000,000)",
    );
    for (scale, (applications, events)) in
        [("1x", ("100000", "1000")), ("10x", ("1000000", "10000"))]
    {
        let database = format!("scale_{scale}");
        run_cmd(&mut postgres.psql(&format!("CREATE DATABASE {database}")))?;
        let url = postgres.url();
        let (base, _) = url.rsplit_once('/').context("a database in the URL")?;
        run_cmd(cargo().args([
            "run",
            "--release",
            "--quiet",
            "--package",
            "homeward-backend",
            "--example",
            "scale",
            "--",
            "--database",
            &format!("{base}/{database}"),
            "--applications",
            applications,
            "--feed-events",
            events,
        ]))?;
        run_cmd(&mut postgres.psql(&format!("DROP DATABASE {database}")))?;
    }
    Ok(())
}

/// The number just before `unit` in `text` ("1234 submissions/s").
fn number_before(text: &str, unit: &str) -> Option<f64> {
    let at = text.find(unit)?;
    text[..at].split_whitespace().last()?.parse().ok()
}

/// What WebKitWebDriver answers once the page's web process has died or stopped answering: the
/// session is gone, and the test ends wherever it was.
const WEB_PROCESS_LOST: &str = "session deleted because of page crash or hang";

/// Runs the end-to-end test binary against `app`, under Xvfb and in a keyring session of its
/// own; `filter` goes to the test harness after `--ignored`. A test that failed only because
/// WebKit's web process was lost runs once more, alone; any other failure, or a second loss,
/// fails the run.
pub fn run_e2e(app: &Path, filter: &[&str]) -> anyhow::Result<()> {
    let (passed, output) = e2e_once(app, filter)?;
    if passed {
        return Ok(());
    }
    let failed = failed_tests(&output);
    let lost: Vec<&str> = failed
        .iter()
        .filter(|(_, report)| report.contains(WEB_PROCESS_LOST))
        .map(|(name, _)| *name)
        .collect();
    if failed.is_empty() || lost.len() < failed.len() {
        bail!("end-to-end tests failed");
    }
    for name in lost {
        step(&format!(
            "{name}: WebKit's web process was lost, so it runs once more, alone"
        ));
        let (passed, _) = e2e_once(app, &[name, "--exact", "--test-threads=1"])?;
        if !passed {
            bail!("{name} failed again");
        }
    }
    Ok(())
}

/// One run of the end-to-end tests; whether they passed, and what the harness printed (also
/// passed through as it comes).
fn e2e_once(app: &Path, filter: &[&str]) -> anyhow::Result<(bool, String)> {
    use std::io::{BufRead as _, Write as _};
    let keyring = tempdir("keyring-e2e")?;
    let mut cmd = ignored_tests("e2e");
    cmd.args(filter).env("HOMEWARD_APP_BIN", app).env(
        "HOMEWARD_AXE_JS",
        setup::npm_tools()?.join("axe-core/axe.min.js"),
    );
    let mut cmd = under_xvfb(&in_keyring_session(&cmd, &keyring));
    announce(&cmd);
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {}", describe(&cmd)))?;
    let mut output = String::new();
    if let Some(out) = child.stdout.take() {
        let mut stdout = std::io::stdout();
        for line in std::io::BufReader::new(out).lines() {
            let line = line?;
            let _ = writeln!(stdout, "{line}");
            output.push_str(&line);
            output.push('\n');
        }
    }
    let status = child.wait()?;
    let _ = std::fs::remove_dir_all(&keyring);
    Ok((status.success(), output))
}

/// The failed tests in a test harness's output, each with its report (`---- name stdout ----`).
fn failed_tests(output: &str) -> Vec<(&str, &str)> {
    let Some(list) = output.rfind("\nfailures:\n") else {
        return vec![];
    };
    output[list + "\nfailures:\n".len()..]
        .lines()
        .take_while(|l| l.starts_with("    "))
        .map(str::trim)
        .map(|name| {
            let header = format!("---- {name} stdout ----");
            let report = output.find(&header).map_or("", |at| {
                let body = &output[at + header.len()..];
                let end = body.find("\n---- ").or_else(|| body.find("\nfailures:\n"));
                &body[..end.unwrap_or(body.len())]
            });
            (name, report)
        })
        .collect()
}

/// The `#[ignore]`d tests of one test binary of `homeward-tests` (those that need what the test
/// command prepares); more harness arguments may follow.
fn ignored_tests(binary: &str) -> Command {
    let mut cmd = cargo();
    cmd.args(["test", "--package", "homeward-tests", "--test", binary])
        .args(["--", "--ignored"]);
    cmd
}

/// A filesystem of its own, small enough for a test to fill (tmpfs), unmounted when dropped.
struct SmallFs {
    dir: PathBuf,
}

impl SmallFs {
    fn mount(name: &str, size: &str) -> anyhow::Result<Self> {
        let dir = tempdir(name)?;
        run_cmd(
            setup::as_root("mount")
                .args(["-t", "tmpfs", "-o"])
                .arg(format!("size={size},mode=0700"))
                .arg("homeward-test")
                .arg(&dir),
        )
        .context("mounting a small tmpfs for the disk-full test (needs root or sudo)")?;
        Ok(SmallFs { dir })
    }
}

impl Drop for SmallFs {
    fn drop(&mut self) {
        let _ = setup::as_root("umount").arg(&self.dir).status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A fresh directory under the target directory (not /tmp, which may be small or shared).
fn tempdir(name: &str) -> anyhow::Result<PathBuf> {
    let dir = target_dir()
        .join("xtask-tmp")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    #[test]
    fn failed_tests_are_read_with_their_reports() {
        let output = "running 3 tests\ntest a ... ok\ntest b ... FAILED\ntest c ... FAILED\n\n\
                      failures:\n\n---- b stdout ----\nError: x\nCaused by:\n    webdriver \
                      returned error: session deleted because of page crash or hang.\n\n\
                      ---- c stdout ----\nError: the title was wrong\n\n\
                      failures:\n    b\n    c\n\ntest result: FAILED. 1 passed; 2 failed\n";
        let failed = super::failed_tests(output);
        assert_eq!(failed.len(), 2);
        assert_eq!(failed[0].0, "b");
        assert!(failed[0].1.contains(super::WEB_PROCESS_LOST));
        assert_eq!(failed[1].0, "c");
        assert!(!failed[1].1.contains(super::WEB_PROCESS_LOST));
        assert!(super::failed_tests("test result: ok. 3 passed").is_empty());
    }
}

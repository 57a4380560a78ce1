//! Installs what Homeward needs, and only what is missing, so a second run installs nothing.

use std::process::{Command, Stdio};

use anyhow::{bail, Context as _};

use crate::{root, run_cmd, step};

/// Debian/Ubuntu packages: WebKitGTK and GTK for the shell, Xvfb and the WebKit WebDriver for the
/// end-to-end tests, D-Bus and gnome-keyring for the OS keyring, CJK fonts for Chinese text
/// (rare name characters included).
const PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libsoup-3.0-dev",
    "libjavascriptcoregtk-4.1-dev",
    "libgtk-3-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
    "libxdo-dev",
    "libdbus-1-dev",
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "dbus",
    "dbus-x11",
    "gnome-keyring",
    "keyutils",
    "fonts-noto-cjk",
    // Characters beyond the Basic Multilingual Plane (CJK Extension B and later) in names.
    "fonts-hanazono",
    // The tests read the PDFs the app writes back as text.
    "poppler-utils",
    // A phone whose clock is wrong, for the end-to-end tests: libfaketime under the app.
    "faketime",
    // The backend's production database, started by the tests (pgbench for the baseline).
    "postgresql",
    // A virtual environment for schemathesis (PyPI), which fuzzes the API from its OpenAPI.
    "python3-venv",
    // The C compiler for Windows, for the SQLCipher and OpenSSL the Windows check compiles.
    "gcc-mingw-w64-x86-64",
];

/// Tools built from crates.io, pinned. wasm-bindgen-cli's version follows Cargo.lock.
const TAURI_DRIVER: &str = "2.1.0";

pub fn all() -> anyhow::Result<()> {
    packages()?;
    wasm_target()?;
    tools()?;
    npm_tools()?;
    Ok(())
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${db:Status-Abbrev}", package])
        .stderr(Stdio::null())
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"ii"))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

/// `program`, run as root (through `sudo` unless we are root already).
pub fn as_root(program: &str) -> Command {
    if is_root() {
        Command::new(program)
    } else {
        let mut c = Command::new("sudo");
        c.arg(program);
        c
    }
}

fn packages() -> anyhow::Result<()> {
    if Command::new("dpkg-query")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!(
            "not a Debian or Ubuntu system: install the equivalents of {PACKAGES:?} yourself"
        );
        return Ok(());
    }
    let missing: Vec<&str> = PACKAGES.iter().copied().filter(|p| !installed(p)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    step(&format!("install system packages: {}", missing.join(" ")));
    let sudo = as_root;
    run_cmd(
        sudo("apt-get")
            .arg("update")
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    run_cmd(
        sudo("apt-get")
            .args(["install", "-y", "--no-install-recommends"])
            .args(&missing)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

fn wasm_target() -> anyhow::Result<()> {
    rust_target("wasm32-unknown-unknown")
}

/// Adds the standard library for `target` to the project's toolchain, unless it is there.
pub fn rust_target(target: &str) -> anyhow::Result<()> {
    let out = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .current_dir(root())
        .output()
        .context("rustup is needed to add Rust targets")?;
    if String::from_utf8_lossy(&out.stdout)
        .lines()
        .any(|l| l.trim() == target)
    {
        return Ok(());
    }
    step(&format!("add the {target} target"));
    run_cmd(
        Command::new("rustup")
            .args(["target", "add", target])
            .current_dir(root()),
    )
}

/// The nightly toolchain, pinned by date: cargo-fuzz needs it, and the release UI is built with
/// it (its standard library compiled again to stop at a panic without formatting a message).
pub const NIGHTLY: &str = "nightly-2026-05-20";

/// Installs [`NIGHTLY`] with the standard library's source and the wasm32 target, unless both
/// are there.
pub fn nightly() -> anyhow::Result<()> {
    let sysroot = Command::new("rustup")
        .args(["run", NIGHTLY, "rustc", "--print", "sysroot"])
        .stderr(Stdio::null())
        .output()
        .context("rustup is needed for the nightly toolchain")?;
    let sysroot = std::path::PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim());
    let rustlib = sysroot.join("lib/rustlib");
    if rustlib.join("src/rust/library").is_dir() && rustlib.join("wasm32-unknown-unknown").is_dir()
    {
        return Ok(());
    }
    step(&format!(
        "install the {NIGHTLY} toolchain (fuzzing, the release UI)"
    ));
    run_cmd(Command::new("rustup").args([
        "toolchain",
        "install",
        NIGHTLY,
        "--profile",
        "minimal",
        "--component",
        "rust-src",
        "--target",
        "wasm32-unknown-unknown",
    ]))
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
pub fn locked_wasm_bindgen() -> anyhow::Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    bail!("wasm-bindgen is not in Cargo.lock")
}

fn cargo_installed() -> String {
    Command::new("cargo")
        .args(["install", "--list"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

fn tools() -> anyhow::Result<()> {
    let wasm_bindgen = locked_wasm_bindgen()?;
    install_crate("tauri-driver", TAURI_DRIVER, Build::Locked)?;
    // Its own lock file names a crate version the registry mirror may lack; resolve afresh.
    install_crate("wasm-bindgen-cli", &wasm_bindgen, Build::Unlocked)
}

/// How a tool is built from crates.io.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    /// With the lock file it was published with.
    Locked,
    /// Resolving its dependencies afresh: its lock file names a version the registry may lack.
    Unlocked,
    /// Locked, and not optimised: a tool that works for seconds, whose optimised build would
    /// cost the test command many minutes (tauri-cli: 9 min against about 17).
    LockedDebug,
}

/// Builds `name` at `version` from crates.io unless that very version is installed.
pub fn install_crate(name: &str, version: &str, build: Build) -> anyhow::Result<()> {
    if cargo_installed()
        .lines()
        .any(|l| l.starts_with(&format!("{name} v{version}:")))
    {
        return Ok(());
    }
    step(&format!("build {name} {version} from crates.io"));
    let mut cmd = Command::new("cargo");
    cmd.args(["install", name, "--version", version]);
    if build != Build::Unlocked {
        cmd.arg("--locked");
    }
    if build == Build::LockedDebug {
        cmd.arg("--debug");
    }
    // Built outside the workspace so its toolchain file and target dir are not used.
    cmd.current_dir(std::env::temp_dir())
        .env_remove("CARGO_TARGET_DIR");
    run_cmd(&mut cmd)
}

/// schemathesis's `st`, installed with everything it needs at the versions
/// `tests/schemathesis/requirements.txt` pins, into a virtual environment of its own under the
/// target directory (again only when the pins change).
pub fn schemathesis() -> anyhow::Result<std::path::PathBuf> {
    let requirements = root().join("tests/schemathesis/requirements.txt");
    let pins = std::fs::read(&requirements).context("reading the schemathesis pins")?;
    let venv = crate::target_dir().join("tools/schemathesis");
    let st = venv.join("bin/st");
    let installed_pins = venv.join("installed-requirements.txt");
    if st.exists() && std::fs::read(&installed_pins).is_ok_and(|p| p == pins) {
        return Ok(st);
    }
    step("install schemathesis from PyPI (pinned)");
    let _ = std::fs::remove_dir_all(&venv);
    run_cmd(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    run_cmd(
        Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", "-r"])
            .arg(&requirements),
    )?;
    std::fs::write(&installed_pins, &pins)?;
    Ok(st)
}

/// The tools `xtask/npm/package-lock.json` pins (axe-core for the accessibility checks), installed
/// from the npm registry with their integrity checked, under the target directory (again only when
/// the lock file changes). Returns their `node_modules`.
pub fn npm_tools() -> anyhow::Result<std::path::PathBuf> {
    let source = root().join("xtask/npm");
    let lock = std::fs::read(source.join("package-lock.json")).context("reading the npm pins")?;
    let dir = crate::target_dir().join("tools/npm");
    let modules = dir.join("node_modules");
    let installed_lock = dir.join("installed-lock.json");
    if std::fs::read(&installed_lock).is_ok_and(|l| l == lock) {
        return Ok(modules);
    }
    if Command::new("npm").arg("--version").output().is_err() {
        step("install npm");
        run_cmd(
            as_root("apt-get")
                .arg("update")
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
        run_cmd(
            as_root("apt-get")
                .args(["install", "-y", "--no-install-recommends", "npm"])
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
    }
    step("install the npm tools (pinned)");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    for file in ["package.json", "package-lock.json"] {
        std::fs::copy(source.join(file), dir.join(file))?;
    }
    run_cmd(
        Command::new("npm")
            .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund"])
            .current_dir(&dir),
    )?;
    std::fs::write(&installed_lock, &lock)?;
    Ok(modules)
}

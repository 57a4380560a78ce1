//! `cargo xtask bundle`: the Linux packages (`.deb` and `.rpm`), made by a tauri-cli built from
//! crates.io at a pinned version; and the check that the `.deb` installs and the app it installs
//! starts. No AppImage: its tools are prebuilt binaries that the bundler downloads.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context as _;

use crate::{cargo, root, run_cmd, setup, step, target_dir, ui};

/// The tauri-cli that bundles: the newest 2.x, which reads this `tauri` crate's configuration.
pub const TAURI_CLI: &str = "2.12.4";

/// The package's name, as the bundler derives it from the product name.
const PACKAGE: &str = "homeward";

/// Where the installed package puts the app.
const INSTALLED_APP: &str = "/usr/bin/homeward-app";

/// The packages made, and what they weigh.
pub struct Bundles {
    pub deb: PathBuf,
    pub rpm: PathBuf,
}

/// Builds the UI, then the app and its `.deb` and `.rpm` (a debug build unless `release`).
pub fn build(release: bool) -> anyhow::Result<Bundles> {
    setup::install_crate("tauri-cli", TAURI_CLI, setup::Build::LockedDebug)?;
    ui::build(release)?;
    step("bundle the .deb and the .rpm (tauri-cli)");
    let mut cmd = cargo();
    cmd.args(["tauri", "build", "--bundles", "deb,rpm", "--ci"])
        .current_dir(root().join("src-tauri"));
    if !release {
        cmd.arg("--debug");
    }
    run_cmd(&mut cmd)?;
    let dir = target_dir()
        .join(if release { "release" } else { "debug" })
        .join("bundle");
    let newest = |kind: &str| -> anyhow::Result<PathBuf> {
        std::fs::read_dir(dir.join(kind))
            .with_context(|| format!("no {kind} folder in {}", dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == kind))
            .max_by_key(|p| p.metadata().and_then(|m| m.modified()).ok())
            .with_context(|| format!("no .{kind} in {}", dir.join(kind).display()))
    };
    let bundles = Bundles {
        deb: newest("deb")?,
        rpm: newest("rpm")?,
    };
    crate::report_size(
        "deb package as tauri-cli writes it (gzip)",
        &bundles.deb,
        None,
    )?;
    repack_with_xz(&bundles.deb)?;
    crate::report_size("deb package", &bundles.deb, Some(15_000_000))?;
    crate::report_size("rpm package", &bundles.rpm, None)?;
    Ok(bundles)
}

/// Packs the `.deb` again from the same files and control data, compressed with xz as Debian's
/// own packages are: tauri-cli writes gzip, and xz makes the download about 30 % smaller (the
/// app's binary is most of it). dpkg-deb checks the control data as it builds.
fn repack_with_xz(deb: &Path) -> anyhow::Result<()> {
    step("pack the .deb again with xz (dpkg-deb)");
    let unpacked = deb.with_extension("unpacked");
    let repacked = deb.with_extension("xz.deb");
    if unpacked.exists() {
        std::fs::remove_dir_all(&unpacked)?;
    }
    run_cmd(
        Command::new("dpkg-deb")
            .arg("--raw-extract")
            .arg(deb)
            .arg(&unpacked),
    )?;
    run_cmd(
        Command::new("dpkg-deb")
            .args(["--root-owner-group", "-Zxz", "--build"])
            .arg(&unpacked)
            .arg(&repacked),
    )?;
    std::fs::remove_dir_all(&unpacked)?;
    std::fs::rename(&repacked, deb)?;
    Ok(())
}

/// Installs `deb` with dpkg, starts the installed app under Xvfb through WebDriver to the
/// guides (the end-to-end test of an installed app), reports the installed size, and removes
/// the package again, whatever happened.
pub fn install_and_start(deb: &Path) -> anyhow::Result<()> {
    step("install the .deb and start the installed app");
    run_cmd(setup::as_root("dpkg").arg("--install").arg(deb))?;
    let result = (|| {
        let app = Path::new(INSTALLED_APP);
        anyhow::ensure!(app.is_file(), "the package installed no {INSTALLED_APP}");
        let out = Command::new("dpkg-query")
            .args(["--show", "--showformat=${Installed-Size}", PACKAGE])
            .output()?;
        let kib: u64 = String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .context("dpkg-query gave no installed size")?;
        eprintln!(
            "BENCH deb installed: {} bytes ({:.1} MiB)",
            kib * 1024,
            kib as f64 / 1024.0
        );
        crate::run_e2e(
            app,
            &[
                "--exact",
                "as_installed_the_app_offers_its_cities_and_opens_the_guides",
            ],
        )
    })();
    let removed = run_cmd(setup::as_root("dpkg").args(["--remove", PACKAGE]));
    result.and(removed)
}

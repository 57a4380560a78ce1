//! Builds the Leptos UI to `src-ui/dist/`: the wasm crate, wasm-bindgen's JS glue, and the static
//! files. Driving wasm-bindgen directly keeps the build to tools built from crates.io.

use std::process::Command;

use crate::{cargo, root, run_cmd, step, target_dir};

const STATIC_FILES: &[&str] = &["index.html", "main.js", "style.css"];

pub fn build(release: bool) -> anyhow::Result<()> {
    step("build the UI (wasm)");
    let mut cmd = cargo();
    cmd.args([
        "build",
        "--package",
        "homeward-ui",
        "--target",
        "wasm32-unknown-unknown",
    ]);
    if release {
        cmd.arg("--release");
    }
    run_cmd(&mut cmd)?;

    let profile = if release { "release" } else { "debug" };
    let wasm = target_dir()
        .join("wasm32-unknown-unknown")
        .join(profile)
        .join("homeward-ui.wasm");
    let dist = root().join("src-ui/dist");
    let staging = root().join("src-ui/dist.tmp");
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging)?;
    run_cmd(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                "homeward-ui",
            ])
            .arg("--out-dir")
            .arg(&staging)
            .arg(&wasm),
    )?;
    for file in STATIC_FILES {
        std::fs::copy(root().join("src-ui").join(file), staging.join(file))?;
    }
    // Swap in whole so the shell never embeds a half-written UI.
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::rename(&staging, &dist)?;
    Ok(())
}

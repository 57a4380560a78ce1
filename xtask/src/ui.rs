//! Builds the Leptos UI to `src-ui/dist/`: the wasm crate, wasm-bindgen's JS glue, and the static
//! files. Driving wasm-bindgen directly keeps the build to tools built from crates.io.

use std::process::Command;

use crate::{cargo, root, run_cmd, step, target_dir};

const STATIC_FILES: &[&str] = &["index.html", "main.js", "style.css"];

pub fn build(release: bool) -> anyhow::Result<()> {
    step("build the UI (wasm)");
    let mut cmd = if release {
        // The pinned nightly compiles the standard library again for the release UI, so that a
        // panic stops the UI without the code that formats a message nobody can read in a web
        // view (`panic = immediate-abort`): 77 KB less. Stable builds everything else.
        crate::setup::nightly()?;
        let mut cmd = crate::nightly_cargo();
        cmd.env("RUSTFLAGS", RELEASE_RUSTFLAGS);
        cmd
    } else {
        cargo()
    };
    cmd.args([
        "build",
        "--package",
        "homeward-ui",
        "--target",
        "wasm32-unknown-unknown",
    ]);
    if release {
        cmd.args(["--profile", "ui-release", "-Zbuild-std=std,panic_abort"]);
    }
    run_cmd(&mut cmd)?;

    let profile = if release { "ui-release" } else { "debug" };
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
    if release {
        shrink(&staging.join("homeward-ui_bg.wasm"))?;
    }
    for file in STATIC_FILES {
        std::fs::copy(root().join("src-ui").join(file), staging.join(file))?;
    }
    // Swap in whole so the shell never embeds a half-written UI.
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::rename(&staging, &dist)?;
    Ok(())
}

/// The release UI's compiler flags. They replace `.cargo/config.toml`'s for wasm32, so its
/// `erase_components` is repeated here.
const RELEASE_RUSTFLAGS: &str = "--cfg erase_components -Zunstable-options -Cpanic=immediate-abort";

/// The WebAssembly features rustc's wasm32 target uses by default, which wasm-opt must be told of
/// (wasm-bindgen drops the section that names them).
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-mutable-globals",
];

/// Optimises the release wasm for size with binaryen's `wasm-opt` (npm `binaryen`, pinned in
/// `xtask/npm`), in place, and says what it saved. `--converge` runs the passes again until they
/// stop finding anything: 1.7 KB more, for half a minute.
fn shrink(wasm: &std::path::Path) -> anyhow::Result<()> {
    step("optimise the UI wasm for size (wasm-opt -Oz --converge)");
    let tool = crate::setup::npm_tools()?.join(".bin/wasm-opt");
    let before = std::fs::metadata(wasm)?.len();
    let out = wasm.with_extension("opt.wasm");
    run_cmd(
        Command::new(&tool)
            .args(["-Oz", "--converge"])
            .args(WASM_FEATURES)
            .arg(wasm)
            .arg("-o")
            .arg(&out),
    )?;
    std::fs::rename(&out, wasm)?;
    let after = std::fs::metadata(wasm)?.len();
    eprintln!(
        "BENCH UI wasm before wasm-opt: {before} bytes; after: {after} bytes ({:.1} % saved)",
        100.0 * (before - after.min(before)) as f64 / before as f64
    );
    Ok(())
}

//! Coverage-guided fuzzing of the parsers of what arrives from outside (`fuzz/`): cargo-fuzz
//! (crates.io, pinned) on the nightly toolchain (through rustup), each target for a bounded time
//! from a fixed seed. A crash stops the test command; its input is kept under
//! `fuzz/artifacts/<target>/`, to become a regression test in `tests/tests/malformed.rs`.

use crate::{run_cmd, setup, step, target_dir};

const CARGO_FUZZ: &str = "0.13.2";
const TARGETS: [&str; 3] = ["sealed_tokens", "signed_request", "catalogue_pack"];
/// Seconds per target: enough for a million or so runs of the quick ones.
const SECONDS: u32 = 30;

pub fn run() -> anyhow::Result<()> {
    setup::nightly()?;
    setup::install_crate("cargo-fuzz", CARGO_FUZZ, setup::Build::Locked)?;
    step(&format!(
        "fuzzing: {} targets, {SECONDS} s each (cargo-fuzz, libFuzzer, AddressSanitizer)",
        TARGETS.len()
    ));
    let fuzz = |args: &[&str]| {
        let mut cmd = crate::nightly_cargo();
        cmd.arg("fuzz")
            .args(args)
            .env("CARGO_TARGET_DIR", target_dir().join("fuzz"));
        cmd
    };
    run_cmd(&mut fuzz(&["build", "--sanitizer", "address"]))?;
    for target in TARGETS {
        let out = fuzz(&["run", "--sanitizer", "address", target, "--"])
            .arg(format!("-max_total_time={SECONDS}"))
            .args([
                "-seed=20261203",
                "-rss_limit_mb=2048",
                "-print_final_stats=1",
            ])
            .output()?;
        let log = String::from_utf8_lossy(&out.stderr);
        if !out.status.success() {
            eprintln!("{log}");
            anyhow::bail!(
                "fuzz target {target} found a crash: its input is under fuzz/artifacts/{target}/; \
                 make it a regression test in tests/tests/malformed.rs"
            );
        }
        let runs = log
            .lines()
            .find_map(|l| l.strip_prefix("Done "))
            .unwrap_or("? runs");
        eprintln!("BENCH fuzz {target}: {runs}");
    }
    Ok(())
}

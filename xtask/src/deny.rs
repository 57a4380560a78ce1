//! `cargo deny` over the workspace (advisories, licences, bans and duplicates, sources), as
//! `deny.toml` configures it. This machine cannot fetch the RustSec database, so a dated
//! snapshot of it is read offline: `HOMEWARD_ADVISORY_DB`, else `../shared/advisory-db` beside
//! the repository. cargo-deny reads its database from a git checkout, so the snapshot is copied
//! into one, committed with the snapshot's own date.

use std::path::PathBuf;
use std::process::Command;

use anyhow::Context as _;

use crate::{root, run_cmd, setup, step};

const CARGO_DENY: &str = "0.20.2";
/// Where cargo-deny 0.20 looks, under `deny.toml`'s `db-path`, for the database of
/// `https://github.com/rustsec/advisory-db`.
const DB_DIR: &str = "target/advisory-dbs/advisory-db-3157b0e258782691";

pub fn check() -> anyhow::Result<()> {
    setup::install_crate("cargo-deny", CARGO_DENY, setup::Build::Locked)?;
    step("dependencies: advisories, licences, bans, sources (cargo deny)");
    // Every platform's crates, so `cargo metadata` can run offline.
    run_cmd(crate::cargo().args(["fetch", "--locked"]))?;
    let snapshot = std::env::var_os("HOMEWARD_ADVISORY_DB")
        .map_or_else(|| root().join("../shared/advisory-db"), PathBuf::from);
    let mut deny = Command::new("cargo");
    deny.current_dir(root())
        .args(["deny", "--offline", "check", "--hide-inclusion-graph"]);
    if snapshot.join("crates").is_dir() {
        prepare(&snapshot)?;
    } else {
        eprintln!(
            "warning: no RustSec advisory snapshot at {} (set HOMEWARD_ADVISORY_DB): \
             advisories are NOT checked this time",
            snapshot.display()
        );
        deny.args(["licenses", "bans", "sources"]);
    }
    run_cmd(&mut deny)
}

/// Copies the snapshot into a git checkout where cargo-deny expects it.
fn prepare(snapshot: &std::path::Path) -> anyhow::Result<()> {
    let stamp = std::fs::read_to_string(snapshot.join("SNAPSHOT")).unwrap_or_default();
    // `SNAPSHOT` is `<commit> <date>`.
    let date = stamp
        .split_whitespace()
        .nth(1)
        .map_or_else(|| "2000-01-01".to_owned(), str::to_owned);
    eprintln!("advisory database: snapshot {}", stamp.trim());
    let db = root().join(DB_DIR);
    if db.exists() {
        std::fs::remove_dir_all(&db).with_context(|| format!("clearing {}", db.display()))?;
    }
    std::fs::create_dir_all(&db)?;
    let quiet = |cmd: &mut Command| -> anyhow::Result<()> {
        let status = cmd.status().with_context(|| format!("running {cmd:?}"))?;
        anyhow::ensure!(status.success(), "{cmd:?} failed");
        Ok(())
    };
    quiet(
        Command::new("cp")
            .arg("-R")
            .arg(snapshot.join("."))
            .arg(&db),
    )?;
    quiet(Command::new("chmod").args(["-R", "u+w"]).arg(&db))?;
    let git = |args: &[&str]| {
        let mut cmd = Command::new("git");
        cmd.current_dir(&db)
            .args([
                "-c",
                "user.name=advisory snapshot",
                "-c",
                "user.email=snapshot@localhost",
            ])
            .args(args)
            .env("GIT_AUTHOR_DATE", format!("{date}T00:00:00Z"))
            .env("GIT_COMMITTER_DATE", format!("{date}T00:00:00Z"));
        cmd
    };
    quiet(&mut git(&["init", "--quiet"]))?;
    quiet(&mut git(&["add", "--all"]))?;
    quiet(&mut git(&[
        "commit",
        "--quiet",
        "--message",
        "advisory-db snapshot",
    ]))
}

//! The accessibility check every screenshot goes through: axe-core (pinned in
//! `xtask/npm/package-lock.json`, installed by the test command and named by `HOMEWARD_AXE_JS`)
//! run in the page against WCAG 2.2 A and AA. Each check is appended to
//! `target/accessibility/axe-report.jsonl`, the test's artefact; a violation fails the test with
//! what axe found and where.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{bail, Context as _};
use fantoccini::Client;

/// The rule sets checked: WCAG 2.0, 2.1 and 2.2 at levels A and AA.
const TAGS: &[&str] = &["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

fn source() -> anyhow::Result<&'static str> {
    static SOURCE: OnceLock<String> = OnceLock::new();
    if let Some(s) = SOURCE.get() {
        return Ok(s);
    }
    let path = std::env::var_os("HOMEWARD_AXE_JS").context(
        "HOMEWARD_AXE_JS is not set: run the end-to-end tests with `cargo xtask test` \
         (it installs axe-core)",
    )?;
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("reading axe-core from {}", PathBuf::from(&path).display()))?;
    Ok(SOURCE.get_or_init(|| text))
}

/// Where the report of every check goes.
pub fn report_path() -> PathBuf {
    crate::repo_root().join("target/accessibility/axe-report.jsonl")
}

/// Runs axe over the page as it is now, records the result under `screen` and fails on any
/// violation.
pub async fn check(client: &Client, screen: &str) -> anyhow::Result<()> {
    let loaded = client
        .execute("return typeof window.axe === 'object'", vec![])
        .await?;
    if loaded != serde_json::Value::Bool(true) {
        client.execute(source()?, vec![]).await?;
    }
    let result = client
        .execute_async(
            "const [tags, done] = arguments;
             axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
               .then(r => done(JSON.stringify({
                 url: location.href,
                 lang: document.documentElement.lang,
                 passes: r.passes.length,
                 violations: r.violations.map(v => ({
                   id: v.id, impact: v.impact, help: v.help,
                   nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary })),
                 })),
               })))
               .catch(e => done(JSON.stringify({ error: String(e) })));",
            vec![serde_json::json!(TAGS)],
        )
        .await?;
    let text = result.as_str().context("axe returned no result")?;
    let mut entry: serde_json::Value = serde_json::from_str(text)?;
    if let Some(error) = entry.get("error") {
        bail!("axe could not check {screen}: {error}");
    }
    entry["screen"] = screen.into();
    record(&entry)?;
    let violations = entry["violations"].as_array().cloned().unwrap_or_default();
    if violations.is_empty() {
        return Ok(());
    }
    let mut found = String::new();
    for v in &violations {
        found.push_str(&format!(
            "\n  {} ({}): {}",
            v["id"].as_str().unwrap_or("?"),
            v["impact"].as_str().unwrap_or("?"),
            v["help"].as_str().unwrap_or("?"),
        ));
        for n in v["nodes"].as_array().into_iter().flatten().take(4) {
            found.push_str(&format!(
                "\n    at {}: {}",
                n["target"].as_str().unwrap_or("?"),
                n["summary"].as_str().unwrap_or("").replace('\n', " "),
            ));
        }
    }
    bail!(
        "{} accessibility violation(s) on {screen} ({}):{found}",
        violations.len(),
        entry["url"].as_str().unwrap_or("?"),
    )
}

fn record(entry: &serde_json::Value) -> anyhow::Result<()> {
    let path = report_path();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)?;
    writeln!(file, "{entry}")?;
    Ok(())
}

/// The screen's name for the report: the screenshot's file name without its extension.
pub fn screen_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

//! End-to-end: the real desktop app under Xvfb, driven through WebDriver as a person would use it.
//!
//! These tests are `#[ignore]`d in a plain `cargo test` because they need a display, a keyring
//! session, tauri-driver and the app built with its UI; `cargo xtask test` provides all of them and
//! runs them with `--ignored`. Each test has its own data directory and driver ports.

use homeward_tests::app::Driver;
use homeward_tests::backend::{unreachable_url, TestBackend};
use tempfile::TempDir;

const STARTER_GUIDE: &str = "driving-licence-postpone-renewal";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn offline_journey_language_persists_and_a_typed_answer_survives_a_kill() -> anyhow::Result<()>
{
    let data = TempDir::new()?;
    let driver = Driver::start(4444)?;
    let offline = unreachable_url();

    // First start, no network: the bundled catalogue is there, in Chinese.
    let app = driver.launch(data.path(), &offline).await?;
    app.wait_css("#backend-status[data-state='offline']")
        .await?;
    assert!(
        app.count(".guide-card").await? >= 3,
        "the starter catalogue has at least 3 guides"
    );
    app.wait_text(".hero h1", "在海外").await?;

    // Switch to English; the choice survives a restart.
    app.click("#lang-en").await?;
    app.wait_text(".hero h1", "from abroad").await?;
    app.close().await?;
    let app = driver.launch(data.path(), &offline).await?;
    app.wait_text(".hero h1", "from abroad").await?;
    app.wait_text("#backend-status", "Offline").await?;

    // Open a guide, start a draft, type an answer and wait until it is acknowledged.
    app.click(&format!(".guide-card[data-guide='{STARTER_GUIDE}']"))
        .await?;
    app.wait_text("#guide-title", "Postpone renewing a driving licence")
        .await?;
    app.click("#start-draft").await?;
    app.type_and_wait_saved("#field-country", "Italia 意大利")
        .await?;
    assert_eq!(app.value("#field-country").await?, "Italia 意大利");

    // Kill the process outright, start again: the answer is still there.
    app.kill().await?;
    let app = driver.launch(data.path(), &offline).await?;
    app.click("#my-drafts .draft-row").await?;
    let deadline = std::time::Instant::now() + homeward_tests::app::STEP;
    loop {
        let value = app.value("#field-country").await?;
        if value == "Italia 意大利" {
            break;
        }
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "answer lost after kill: {value:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn offline_search_finds_guides_by_pinyin_and_english_and_ticks_survive_a_restart(
) -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let driver = Driver::start(4474)?;
    let offline = unreachable_url();
    let app = driver.launch(data.path(), &offline).await?;
    app.wait_css("#backend-status[data-state='offline']")
        .await?;

    for (query, expected) in [
        ("jiashizheng", "driving-licence-"),
        ("jsz", "driving-licence-"),
        ("hukou", "hukou-"),
        ("lost pasport", "passport-lost-report"),
        ("proof of life", "pension-proof-of-life"),
    ] {
        let search = app.wait_css("#search").await?;
        search.clear().await?;
        search.send_keys(query).await?;
        app.wait_first_result(expected)
            .await
            .map_err(|e| e.context(query))?;
    }

    // Open the best result and tick the first material.
    app.click(".results .guide-card[data-guide='pension-proof-of-life']")
        .await?;
    app.click("#material-0").await?;
    app.wait_text("#materials-progress", "1").await?;
    app.close().await?;

    let app = driver.launch(data.path(), &offline).await?;
    app.click(".guide-card[data-guide='pension-proof-of-life']")
        .await?;
    app.wait_css("#material-0").await?;
    app.wait_text("#materials-progress", "1").await?;
    anyhow::ensure!(
        app.checked("#material-0").await?,
        "the tick was lost on restart"
    );
    anyhow::ensure!(
        !app.checked("#material-1").await?,
        "only the ticked material is ticked"
    );
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn with_the_backend_up_the_app_shows_it_is_connected() -> anyhow::Result<()> {
    let backend = TestBackend::start().await?;
    let data = TempDir::new()?;
    let driver = Driver::start(4454)?;
    let app = driver.launch(data.path(), &backend.url).await?;
    app.wait_css("#backend-status[data-state='online']").await?;
    app.wait_text("#backend-status", "已连接").await?;
    app.close().await?;
    backend.stop().await?;
    Ok(())
}

/// Every screen, in both languages, at phone and desktop size, into `target/screenshots/`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask screenshots`"]
async fn screenshots_of_every_screen() -> anyhow::Result<()> {
    let out = homeward_tests::repo_root().join("target/screenshots");
    let data = TempDir::new()?;
    let driver = Driver::start(4464)?;
    let offline = unreachable_url();
    let app = driver.launch(data.path(), &offline).await?;
    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        app.set_size(w, h).await?;
        for lang in ["zh-CN", "en"] {
            let shot = |screen: &str| out.join(format!("{screen}-{lang}-{size_name}.png"));
            app.click("button.brand").await?;
            app.click(&format!("#lang-{lang}")).await?;
            app.wait_css("#backend-status[data-state='offline']")
                .await?;
            app.wait_css(".guide-card").await?;
            app.screenshot(&shot("home")).await?;
            app.click(&format!(".guide-card[data-guide='{STARTER_GUIDE}']"))
                .await?;
            app.wait_css("#guide-title").await?;
            app.screenshot(&shot("guide")).await?;
            // One draft for all the shots: started once, reopened after.
            if app.count(".guide .list .row").await? == 0 {
                app.click("#start-draft").await?;
                app.type_and_wait_saved("#field-full-name", "王小明")
                    .await?;
            } else {
                app.click(".guide .list .row").await?;
                app.wait_css("#field-full-name").await?;
            }
            app.screenshot(&shot("draft")).await?;
            app.click("button.brand").await?;
            let search = app.wait_css("#search").await?;
            search.clear().await?;
            search
                .send_keys(if lang == "en" { "driving" } else { "驾照" })
                .await?;
            app.wait_css(".results .guide-card").await?;
            app.screenshot(&shot("results")).await?;
            app.wait_css("#search").await?.clear().await?;
            app.click("#open-contacts").await?;
            app.wait_css(".help-line").await?;
            app.screenshot(&shot("contacts")).await?;
        }
    }
    app.close().await?;
    Ok(())
}

/// Start-up time of the app as built, from launching the process to the first catalogue screen:
/// five fresh installs (keys created, database made) and five restarts of one installation.
/// Printed for BENCHMARKS.md, never asserted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: run by `cargo xtask bench`"]
async fn cold_start_to_the_first_catalogue_screen() -> anyhow::Result<()> {
    use std::time::{Duration, Instant};
    let driver = Driver::start(4484)?;
    let offline = unreachable_url();
    let kept = TempDir::new()?;
    let mut fresh = vec![];
    let mut again = vec![];
    for round in 0..6 {
        for (data, times) in [(TempDir::new()?, &mut fresh), (TempDir::new()?, &mut again)] {
            let dir = if std::ptr::eq(times, &again) {
                kept.path()
            } else {
                data.path()
            };
            let start = Instant::now();
            let app = driver.launch(dir, &offline).await?;
            app.wait_css(".guide-card").await?;
            // The first round warms the page cache and the driver; it is not counted.
            if round > 0 {
                times.push(start.elapsed());
            }
            app.close().await?;
        }
    }
    let median = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    println!(
        "BENCH cold start to the first catalogue screen: fresh install median {:?} {:?}; \
         restart median {:?} {:?}",
        median(&mut fresh),
        fresh,
        median(&mut again),
        again
    );
    Ok(())
}

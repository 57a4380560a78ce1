//! Accessibility through the real app: a journey by keyboard alone, the focus on each new
//! screen's heading, and text at twice its size on a phone. Every screenshot taken here is also
//! checked by axe-core (see `homeward_tests::axe`).

use fantoccini::key::Key;
use homeward_tests::app::App;
use homeward_tests::installation::ENQUIRY;

use super::online_in_english;

fn key(k: Key) -> String {
    k.to_string()
}

/// Types into the focused field and waits until the draft has saved it.
async fn type_saved(app: &App, text: &str) -> anyhow::Result<()> {
    app.keys(text).await?;
    app.wait_css("#save-state[data-state='saved']").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn by_keyboard_alone_a_person_finds_a_guide_drafts_checks_and_sends() -> anyhow::Result<()> {
    let (_data, backend, _driver, app) = online_in_english(4784).await?;
    let out = homeward_tests::repo_root().join("target/screenshots");
    app.client.refresh().await?;
    app.wait_css("#search").await?;

    // The search field, reached by Tab from the top of the page.
    app.tab_to("#search", 20).await?;
    app.keys("12345").await?;
    let card = format!(".results .guide-card[data-guide='{ENQUIRY}']");
    app.tab_to(&card, 10).await?;
    app.keys(&key(Key::Enter)).await?;
    // A new screen: the focus is on its heading.
    app.wait_focused("guide-title").await?;
    app.screenshot(&out.join("keyboard-guide-en-desktop.png"))
        .await?;

    app.tab_to("#start-draft", 60).await?;
    app.keys(&key(Key::Enter)).await?;
    app.wait_focused("draft-title").await?;

    // A choice, by typing the start of its name, as in any list.
    app.tab_to("#field-kind", 20).await?;
    app.keys("Request").await?;
    app.eventually("the kind chosen by keyboard", || async {
        Ok(app.value("#field-kind").await? == "help")
    })
    .await?;
    app.tab_to("#field-topic", 5).await?;
    type_saved(&app, "Pension").await?;
    app.tab_to("#field-details", 5).await?;
    type_saved(&app, "My pension has not arrived for three months.").await?;
    app.tab_to("#field-full-name", 5).await?;
    type_saved(&app, "Wang Ming").await?;
    app.tab_to("#field-phone", 5).await?;
    type_saved(&app, "0039 333 123 4567").await?;
    app.tab_to("#field-reply-by", 5).await?;
    app.keys("Phone").await?;
    app.eventually("the reply chosen by keyboard", || async {
        Ok(app.value("#field-reply-by").await? == "phone")
    })
    .await?;
    app.wait_css("#save-state[data-state='saved']").await?;
    app.screenshot(&out.join("keyboard-draft-en-desktop.png"))
        .await?;

    app.tab_to("#check-answers", 30).await?;
    app.keys(&key(Key::Enter)).await?;
    app.wait_focused("answers-title").await?;
    app.tab_to("#send-application", 60).await?;
    app.keys(&key(Key::Enter)).await?;
    app.wait_css("#send-consent").await?;
    let ticks = app.count(".consent-tick input").await?;
    for n in 1..=ticks {
        let tick = format!(".consent-tick:nth-of-type({n}) input");
        app.tab_to(&tick, 10).await?;
        app.keys(" ").await?;
        anyhow::ensure!(
            app.checked(&tick).await?,
            "{tick} ticked with the space bar"
        );
    }
    app.tab_to("#confirm-send", 10).await?;
    app.screenshot(&out.join("keyboard-send-en-desktop.png"))
        .await?;
    app.keys(&key(Key::Enter)).await?;
    app.eventually("the application is delivered", || async {
        Ok(app.count(".send[data-state='delivered']").await? == 1)
    })
    .await?;
    let console = homeward_tests::backend::Console::sign_in(
        &backend.url,
        "officer-li",
        super::STAFF_PASSWORD,
    )
    .await?;
    let reference = console.latest_reference().await?;
    anyhow::ensure!(!reference.is_empty(), "the office has the application");
    app.close().await?;
    backend.stop().await?;
    Ok(())
}

/// A screenshot of the screen at twice the text size, and with it the checks every screenshot
/// makes: nothing wider than the phone, no accessibility violation.
async fn fits(app: &App, screen: &str, lang: &str) -> anyhow::Result<()> {
    let out = homeward_tests::repo_root().join("target/screenshots");
    app.screenshot(&out.join(format!("large-text-{screen}-{lang}-phone.png")))
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn text_at_twice_its_size_fits_a_phone_on_every_screen() -> anyhow::Result<()> {
    let data = tempfile::TempDir::new()?;
    let driver = homeward_tests::app::Driver::start(4794)?;
    let offline = homeward_tests::backend::unreachable_url();
    let app = driver.launch(data.path(), &offline).await?;
    app.set_size(390, 844).await?;
    app.wait_css("#text-size")
        .await?
        .select_by_value("200")
        .await?;
    app.wait_css("html[data-text-size='200']").await?;
    // Kept on the device: the next start is at the same size.
    app.close().await?;
    let app = driver.launch(data.path(), &offline).await?;
    app.set_size(390, 844).await?;
    app.wait_css("html[data-text-size='200']").await?;
    anyhow::ensure!(app.value("#text-size").await? == "200");

    for lang in ["fr", "zh-CN"] {
        app.click("button.brand").await?;
        app.choose_language(lang).await?;
        app.wait_css(".guide-card").await?;
        fits(&app, "home", lang).await?;
        app.click(&format!(
            ".guide-card[data-guide='{}']",
            super::STARTER_GUIDE
        ))
        .await?;
        app.wait_css("#guide-title").await?;
        fits(&app, "guide", lang).await?;
        if app.count(".guide .list .row").await? == 0 {
            app.click("#start-draft").await?;
        } else {
            app.click(".guide .list .row").await?;
        }
        app.wait_css("#field-full-name").await?;
        fits(&app, "draft", lang).await?;
        app.click("#check-answers").await?;
        app.wait_css("#error-summary").await?;
        fits(&app, "draft-errors", lang).await?;
        for (screen, open, ready) in [
            ("contacts", "#open-contacts", ".help-line"),
            ("outbox", "#open-outbox", "#outbox-title"),
        ] {
            app.click(open).await?;
            app.wait_css(ready).await?;
            fits(&app, screen, lang).await?;
        }
        for (screen, open, ready) in [
            ("privacy", "#open-privacy", "#consent-cross-border"),
            ("identity", "#open-identity", "#identity-title"),
            ("letters", "#open-letters", "#letters-title"),
            ("notices", "#open-notices", "#notices-title"),
            ("city", "#switch-city", "#city-picker"),
        ] {
            app.click("button.brand").await?;
            app.click(open).await?;
            app.wait_css(ready).await?;
            fits(&app, screen, lang).await?;
        }
    }
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn on_a_system_set_to_dark_every_screen_is_dark_and_still_legible() -> anyhow::Result<()> {
    let data = tempfile::TempDir::new()?;
    let driver = homeward_tests::app::Driver::start_dark(4804)?;
    let offline = homeward_tests::backend::unreachable_url();
    let app = driver.launch(data.path(), &offline).await?;
    let out = homeward_tests::repo_root().join("target/screenshots");
    let dark = app
        .client
        .execute(
            "return matchMedia('(prefers-color-scheme: dark)').matches",
            vec![],
        )
        .await?;
    anyhow::ensure!(
        dark == serde_json::Value::Bool(true),
        "the system asks for dark"
    );
    // The page itself is drawn dark: its background is darker than its text.
    let luminance = app
        .client
        .execute(
            "const rgb = c => c.match(/\\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b);
             const s = getComputedStyle(document.body);
             return [rgb(s.backgroundColor), rgb(getComputedStyle(document.querySelector('main')).color)];",
            vec![],
        )
        .await?;
    let (paper, ink) = (luminance[0].as_u64(), luminance[1].as_u64());
    anyhow::ensure!(paper < ink, "a dark page with light text: {luminance}");
    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        app.set_size(w, h).await?;
        for lang in ["zh-CN", "en"] {
            let shot = |screen: &str| out.join(format!("dark-{screen}-{lang}-{size_name}.png"));
            app.click("button.brand").await?;
            app.choose_language(lang).await?;
            app.wait_css(".guide-card").await?;
            app.screenshot(&shot("home")).await?;
            app.click(&format!(
                ".guide-card[data-guide='{}']",
                super::STARTER_GUIDE
            ))
            .await?;
            app.wait_css("#guide-title").await?;
            app.screenshot(&shot("guide")).await?;
            if app.count(".guide .list .row").await? == 0 {
                app.click("#start-draft").await?;
            } else {
                app.click(".guide .list .row").await?;
            }
            app.wait_css("#field-full-name").await?;
            app.click("#check-answers").await?;
            app.wait_css("#error-summary").await?;
            app.screenshot(&shot("draft-errors")).await?;
            for (screen, open, ready) in [
                ("contacts", "#open-contacts", ".help-line"),
                ("outbox", "#open-outbox", "#outbox-title"),
            ] {
                app.click(open).await?;
                app.wait_css(ready).await?;
                app.screenshot(&shot(screen)).await?;
            }
            for (screen, open, ready) in [
                ("privacy", "#open-privacy", "#consent-cross-border"),
                ("identity", "#open-identity", "#identity-title"),
                ("notices", "#open-notices", "#notices-title"),
            ] {
                app.click("button.brand").await?;
                app.click(open).await?;
                app.wait_css(ready).await?;
                app.screenshot(&shot(screen)).await?;
            }
        }
    }
    app.close().await?;
    Ok(())
}

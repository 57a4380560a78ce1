//! End-to-end: the real desktop app under Xvfb, driven through WebDriver as a person would use it.
//!
//! These tests are `#[ignore]`d in a plain `cargo test` because they need a display, a keyring
//! session, tauri-driver and the app built with its UI; `cargo xtask test` provides all of them and
//! runs them with `--ignored`. Each test has its own data directory and driver ports.

use anyhow::Context as _;
use fantoccini::Locator;
use homeward_tests::app::Driver;
use homeward_tests::backend::{
    free_port, register_site, revoke_signer, staff_token, unreachable_url, Console,
    NotificationWatch, TestBackend,
};
use homeward_tests::installation::{ENQUIRY, HUKOU_ANSWERS};
use tempfile::TempDir;

#[path = "e2e/accessibility.rs"]
mod accessibility;

/// Every language Homeward speaks: each screen photographed (and checked) in all of them.
/// English last: the steps after a loop read the English text.
const LANGS: [&str; 6] = ["zh-CN", "zh-TW", "it", "fr", "es", "en"];

/// The text a step expects in Simplified Chinese or English, the languages these tests read;
/// in the others the step checks only that the language changed.
fn in_both<'a>(lang: &str, zh_cn: &'a str, en: &'a str) -> Option<&'a str> {
    match lang {
        "zh-CN" => Some(zh_cn),
        "en" => Some(en),
        _ => None,
    }
}

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
    app.choose_language("en").await?;
    app.wait_text(".hero h1", "from abroad").await?;
    app.close().await?;
    let app = driver.launch(data.path(), &offline).await?;
    app.wait_text(".hero h1", "from abroad").await?;
    app.wait_text("#backend-status", "Offline").await?;

    // Open a guide, start a draft, type an answer and wait until it is acknowledged: one call
    // to the shell per keystroke, which saves the answer and reviews the draft at once.
    app.click(&format!(".guide-card[data-guide='{STARTER_GUIDE}']"))
        .await?;
    app.wait_text("#guide-title", "Postpone renewing a driving licence")
        .await?;
    app.click("#start-draft").await?;
    app.wait_css(".tag[data-status]").await?;
    app.reset_ipc_calls().await?;
    app.type_and_wait_saved("#field-country", "Italia 意大利")
        .await?;
    assert_eq!(app.value("#field-country").await?, "Italia 意大利");
    let keystrokes = "Italia 意大利".chars().count();
    let calls = app.ipc_calls().await?;
    anyhow::ensure!(
        calls == serde_json::json!({ "set_answer": keystrokes }),
        "{keystrokes} keystrokes made these calls: {calls}"
    );

    // Kill the process outright, start again: the answer is still there.
    app.kill().await?;
    let app = driver.launch(data.path(), &offline).await?;
    app.click("#my-drafts .draft-row").await?;
    app.eventually("the answer typed before the kill is back", || async {
        Ok(app.value("#field-country").await? == "Italia 意大利")
    })
    .await?;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn the_app_starts_in_the_systems_language_until_the_person_chooses_one() -> anyhow::Result<()>
{
    let offline = unreachable_url();
    // A system set to Swiss Italian: the app speaks Italian, and finds guides in Italian.
    let data = TempDir::new()?;
    let driver = Driver::start_in_locale(4754, "it_CH.UTF-8")?;
    let app = driver.launch(data.path(), &offline).await?;
    app.wait_css("html[lang='it'] #lang-it[aria-pressed='true']")
        .await?;
    for (query, expected) in [
        ("patente di guida", "driving-licence-"),
        ("passaporto perso", "passport-lost-report"),
    ] {
        let search = app.wait_css("#search").await?;
        search.clear().await?;
        search.send_keys(query).await?;
        app.wait_first_result(expected)
            .await
            .map_err(|e| e.context(query))?;
    }
    let out = homeward_tests::repo_root().join("target/screenshots");
    let sizes = [("phone", (390, 844)), ("desktop", (1280, 800))];
    for (size_name, (w, h)) in sizes {
        app.set_size(w, h).await?;
        app.screenshot(&out.join(format!("search-it-{size_name}.png")))
            .await?;
    }
    // A translated guide says the Chinese text is the one that counts.
    app.click(".results .guide-card[data-guide='passport-lost-report']")
        .await?;
    app.wait_css("#translation-note").await?;
    for lang in ["it", "fr", "es", "zh-TW"] {
        app.choose_language(lang).await?;
        app.wait_css(&format!("html[lang='{lang}'] #translation-note"))
            .await?;
        for (size_name, (w, h)) in sizes {
            app.set_size(w, h).await?;
            app.screenshot(&out.join(format!("guide-translated-{lang}-{size_name}.png")))
                .await?;
        }
    }
    app.choose_language("zh-CN").await?;
    app.wait_gone("#translation-note").await?;
    // The person's own choice outlasts the system's: Traditional characters, after a restart too.
    app.choose_language("zh-TW").await?;
    app.close().await?;
    let app = driver.launch(data.path(), &offline).await?;
    app.wait_css("html[lang='zh-TW'] #lang-zh-TW[aria-pressed='true']")
        .await?;
    let search = app.wait_css("#search").await?;
    search.send_keys("護照遺失").await?;
    app.wait_first_result("passport-lost-report").await?;
    app.close().await?;
    drop(driver);

    // Hong Kong reads Traditional characters; a language Homeward does not speak leaves it in
    // Simplified Chinese, the language most of its people read.
    for (port, locale, lang) in [
        (4764, "zh_HK.UTF-8", "zh-TW"),
        (4774, "de_DE.UTF-8", "zh-CN"),
    ] {
        let data = TempDir::new()?;
        let driver = Driver::start_in_locale(port, locale)?;
        let app = driver.launch(data.path(), &offline).await?;
        app.wait_css(&format!(
            "html[lang='{lang}'] #lang-{lang}[aria-pressed='true']"
        ))
        .await
        .map_err(|e| e.context(locale))?;
        app.close().await?;
    }
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
async fn bad_answers_are_explained_at_the_field_and_in_a_summary_and_drafts_can_be_copied_and_deleted(
) -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let driver = Driver::start(4494)?;
    let app = driver.launch(data.path(), &unreachable_url()).await?;
    app.choose_language("en").await?;
    app.click(".guide-card[data-guide='pension-proof-of-life']")
        .await?;
    app.click("#start-draft").await?;

    // Mistyped answers are saved as typed; nothing interrupts the person while they type.
    app.type_and_wait_saved("#field-id-number", "110105194912310021")
        .await?;
    app.type_and_wait_saved("#field-phone", "333 123 4567")
        .await?;
    anyhow::ensure!(
        app.count(".field-error").await? == 0,
        "no message before the check"
    );

    // Checking lists every problem at the top, each a link to its field, and explains each
    // problem at its field.
    app.blur().await?;
    app.click("#check-answers").await?;
    app.wait_text("#error-field-id-number", "does not add up")
        .await?;
    app.wait_text("#error-field-phone", "country code").await?;
    let summary = app
        .wait_text("#error-summary", "There is a problem")
        .await?;
    for needle in ["Resident ID number", "Full name", "Phone number"] {
        anyhow::ensure!(
            summary.contains(needle),
            "summary lacks {needle}: {summary}"
        );
    }
    app.click("#error-summary a[data-field='id-number']")
        .await?;
    let focused = app
        .client
        .execute("return document.activeElement.id", vec![])
        .await?;
    anyhow::ensure!(
        focused == "field-id-number",
        "the link did not focus the field: {focused}"
    );
    app.wait_css(".tag[data-status='status-needs-attention']")
        .await?;

    // Fixing the answer clears its message; the others stay until fixed.
    let id = app.wait_css("#field-id-number").await?;
    id.clear().await?;
    app.type_and_wait_saved("#field-id-number", "11010519491231002x")
        .await?;
    app.blur().await?;
    app.wait_gone("#error-field-id-number").await?;
    app.wait_css("#error-field-phone").await?;

    // A copy keeps the answers; deleting asks first, then removes only that draft.
    app.click("#duplicate-draft").await?;
    app.wait_css("#field-id-number").await?;
    anyhow::ensure!(
        app.value("#field-id-number").await? == "11010519491231002x",
        "copy lost answers"
    );
    app.click("#delete-draft").await?;
    app.click("#confirm-delete").await?;
    app.wait_css("#start-draft").await?;
    app.eventually("exactly one draft left", || async {
        Ok(app.count(".guide .list .row").await? == 1)
    })
    .await?;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn a_photo_is_attached_shown_and_kept_across_a_restart() -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let photo = data.path().join("residence-permit.jpg");
    std::fs::write(
        &photo,
        homeward_core::materials::fixtures::phone_photo(4000, 3000),
    )?;
    let driver = Driver::start(4504)?;
    let offline = unreachable_url();
    let app = driver.launch(data.path(), &offline).await?;
    app.click(&format!(".guide-card[data-guide='{STARTER_GUIDE}']"))
        .await?;
    app.click("#start-draft").await?;
    let input = app.wait_css("#field-proof-of-stay").await?;
    input.send_keys(&photo.to_string_lossy()).await?;
    // While the 12-megapixel photo is prepared, the window goes on answering: a command sent
    // now is answered before the photo is done, and the button says it is being prepared.
    app.wait_css(".file-button.busy").await?;
    let answered = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.__TAURI__.core.invoke('backend_status', { args: {} })
               .then(() => done(document.querySelector('#field-proof-of-stay')
                       .closest('.file-button').classList.contains('busy')),
                     (e) => done('failed: ' + JSON.stringify(e)));",
            vec![],
        )
        .await?;
    anyhow::ensure!(
        answered == serde_json::json!(true),
        "a command answered while the photo was still being prepared: {answered}"
    );
    app.wait_css(".document img.thumb").await?;
    let name = app
        .wait_css(".document .doc-name")
        .await?
        .prop("textContent")
        .await?
        .unwrap_or_default();
    anyhow::ensure!(name == "residence-permit.jpg", "stored as {name:?}");
    app.close().await?;

    let app = driver.launch(data.path(), &offline).await?;
    app.click("#my-drafts .draft-row").await?;
    app.wait_css(".document img.thumb").await?;
    app.click(".document .danger-link").await?;
    app.wait_gone(".document").await?;
    app.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn a_whole_application_is_filled_and_reaches_check_your_answers() -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let driver = Driver::start(4514)?;
    let app = driver.launch(data.path(), &unreachable_url()).await?;
    app.choose_language("en").await?;
    app.click(".guide-card[data-guide='pension-proof-of-life']")
        .await?;
    fill_proof_of_life(&app).await?;

    // Complete: the answers page lists every answer, choice shown by its label.
    app.wait_text("#answers-title", "Pension proof of life")
        .await?;
    app.wait_css(".tag[data-status='status-complete']").await?;
    app.wait_css("#ready").await?;
    app.wait_text(
        ".summary-row[data-field='method'] dd",
        "I certify myself in the China Consular app",
    )
    .await?;
    app.wait_text(".summary-row[data-field='full-name'] dd", "王𠀀明")
        .await?;
    anyhow::ensure!(
        app.count(".summary-row[data-field='life-certificate']")
            .await?
            == 0,
        "a question hidden by an answer is not listed"
    );

    // The PDF for the counter: saved where the app said, and it reads back with the rare
    // character, the normalised ID number and both languages.
    app.click("#make-pdf").await?;
    let path = std::path::PathBuf::from(app.attr("#pdf-saved", "data-path").await?);
    anyhow::ensure!(
        path.starts_with(data.path().join("exports")),
        "saved in the export folder: {path:?}"
    );
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()?;
    let text: String = String::from_utf8(out.stdout)?
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for expected in [
        "王𠀀明",
        "330302199001011235",
        "Pensionproofoflife",
        "申请人签名",
    ] {
        anyhow::ensure!(
            text.contains(expected),
            "{expected} missing from the PDF: {text}"
        );
    }

    // "Change" goes back to the question, focused.
    app.click(".summary-row[data-field='country'] .link")
        .await?;
    app.wait_focused("field-country").await?;
    app.close().await?;
    Ok(())
}

/// Confirms sending: ticks each consent still to give (asked the first time), then sends.
async fn confirm_send(app: &homeward_tests::app::App) -> anyhow::Result<()> {
    // The panel opens once the consents are read, so any tick to give is there with it.
    app.wait_css("#send-consent").await?;
    for tick in app
        .client
        .find_all(Locator::Css(".consent-tick input"))
        .await?
    {
        tick.click().await?;
    }
    app.click("#confirm-send").await
}

/// Starts a pension proof-of-life draft from its guide page and fills it completely, with a name
/// beyond the BMP and a full-width ID number; ends on check-your-answers.
async fn fill_proof_of_life(app: &homeward_tests::app::App) -> anyhow::Result<()> {
    answer_proof_of_life(app, "face").await?;
    app.wait_css("#save-state[data-state='saved']").await?;
    app.blur().await?;
    app.click("#check-answers").await
}

/// A fresh installation, in English, talking to a backend with officer-li on its staff. The
/// data directory and the driver go with the app: keep them until it is closed.
async fn online_in_english(
    port: u16,
) -> anyhow::Result<(TempDir, TestBackend, Driver, homeward_tests::app::App)> {
    let data = TempDir::new()?;
    let backend = TestBackend::start().await?;
    backend
        .add_staff("officer-li", STAFF_PASSWORD, false)
        .await?;
    let driver = Driver::start(port)?;
    let app = driver.launch(data.path(), &backend.url).await?;
    app.choose_language("en").await?;
    Ok((data, backend, driver, app))
}

/// Fills a question to the city's 12345 line from the home screen (a service anyone may ask
/// for) and sends it; returns once it is delivered, with the console signed in as officer-li and
/// the application's reference.
async fn send_enquiry(
    app: &homeward_tests::app::App,
    backend: &TestBackend,
) -> anyhow::Result<(Console, String)> {
    fill_enquiry(app).await?;
    app.click("#send-application").await?;
    confirm_send(app).await?;
    app.eventually("the application is delivered", || async {
        Ok(app.count(".send[data-state='delivered']").await? == 1)
    })
    .await?;
    let console = Console::sign_in(&backend.url, "officer-li", STAFF_PASSWORD).await?;
    let reference = console.latest_reference().await?;
    Ok((console, reference))
}

/// Starts a question to the 12345 line from the home screen and answers every question, with a
/// name beyond the BMP; ends on the form, a photo still to be attached if the caller wants one.
async fn answer_enquiry(app: &homeward_tests::app::App) -> anyhow::Result<()> {
    app.click(&format!(".guide-card[data-guide='{ENQUIRY}']"))
        .await?;
    app.click("#start-draft").await?;
    app.wait_css("#field-kind")
        .await?
        .select_by_value("help")
        .await?;
    app.commit_text("#field-full-name", "王𠀀明").await?;
    for (field, value) in [
        ("#field-topic", "养老金 pension"),
        ("#field-details", "我在意大利，养老金三个月没有到账。"),
        ("#field-phone", "0039 333 123 4567"),
    ] {
        app.type_and_wait_saved(field, value).await?;
    }
    app.wait_css("#field-reply-by")
        .await?
        .select_by_value("phone")
        .await?;
    Ok(())
}

/// A question to the 12345 line answered in full, ending on check-your-answers.
async fn fill_enquiry(app: &homeward_tests::app::App) -> anyhow::Result<()> {
    answer_enquiry(app).await?;
    app.wait_css("#save-state[data-state='saved']").await?;
    app.blur().await?;
    app.click("#check-answers").await
}

/// Starts a pension proof-of-life draft and answers every question, proving life by `method`.
async fn answer_proof_of_life(app: &homeward_tests::app::App, method: &str) -> anyhow::Result<()> {
    app.click("#start-draft").await?;
    // A name with a character beyond the Basic Multilingual Plane, as an input method commits it.
    app.commit_text("#field-full-name", "王𠀀明").await?;
    for (field, value) in [
        ("#field-id-number", "３３０３０２１９９００１０１１２３５"),
        ("#field-country", "Italia"),
        ("#field-phone", "0039 333 123 4567"),
    ] {
        app.type_and_wait_saved(field, value).await?;
    }
    app.wait_css("#field-method")
        .await?
        .select_by_value(method)
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn sent_offline_with_a_photo_it_arrives_once_is_sent_back_revised_and_approved(
) -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let photo = data.path().join("bill.jpg");
    std::fs::write(
        &photo,
        homeward_core::materials::fixtures::phone_photo(3000, 2000),
    )?;
    let port = free_port();
    let notifications = NotificationWatch::start()?;
    let driver = Driver::start(4534)?;
    let app = driver
        .launch(data.path(), &format!("http://127.0.0.1:{port}"))
        .await?;
    app.choose_language("en").await?;
    answer_enquiry(&app).await?;
    let input = app.wait_css("#field-attachment").await?;
    input.send_keys(&photo.to_string_lossy()).await?;
    app.wait_css(".document img.thumb").await?;
    app.blur().await?;
    app.click("#check-answers").await?;

    // Sending says what goes where, and waits for the person to confirm.
    app.click("#send-application").await?;
    app.wait_text("#send-consent", "signed with this device's key")
        .await?;
    confirm_send(&app).await?;
    app.wait_css("#outbox-title").await?;
    app.wait_css(".send[data-state='waiting']").await?;
    app.wait_text(".send", "The city's server cannot be reached")
        .await?;

    // The backend comes up; the app notices by itself and delivers, photo included, once.
    let backend = TestBackend::start_on(port).await?;
    backend
        .add_staff("officer-li", STAFF_PASSWORD, false)
        .await?;
    app.eventually("the application is delivered", || async {
        Ok(app.count(".send[data-state='delivered']").await? == 1)
    })
    .await?;
    app.wait_text(".application .reference", "HW-").await?;
    anyhow::ensure!(
        backend.stored_submissions().await? == 1,
        "stored exactly once"
    );

    // Staff ask for more through the console; the app shows it and raises a notification.
    let console = Console::sign_in(&backend.url, "officer-li", STAFF_PASSWORD).await?;
    let reference = console.latest_reference().await?;
    let page = console
        .page(&format!("/console/applications/{reference}"))
        .await?;
    anyhow::ensure!(
        page.contains("data-verified=\"true\""),
        "signature verified"
    );
    anyhow::ensure!(page.contains("bill.jpg"), "the photo is there");
    // A structured request: the document question and a reason from the list, with the
    // officer's own words beside it.
    let page = format!("/console/applications/{reference}");
    let asked = console
        .submit_form(
            &page,
            &format!("{page}/decision"),
            &[
                ("status", "more-material-needed"),
                ("want:attachment", "on"),
                ("reason", "unreadable"),
                ("message", "请补充一张更清晰的照片"),
            ],
        )
        .await?;
    anyhow::ensure!(asked == 303, "the request was refused: {asked}");
    anyhow::ensure!(
        console.page(&page).await?.contains("class=\"request\""),
        "the console's timeline shows the request"
    );
    app.wait_css(".application[data-status='more-material-needed']")
        .await?;
    app.wait_text("#department-message", "更清晰").await?;
    app.wait_text("#department-message", "In the officer's own words")
        .await?;
    app.wait_text(
        "#material-request li[data-field='attachment']",
        "elated pictures",
    )
    .await?;
    app.wait_text("#material-request .request-reason", "cannot be read")
        .await?;
    let out = homeward_tests::repo_root().join("target/screenshots");
    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        app.set_size(w, h).await?;
        for lang in LANGS {
            app.choose_language(lang).await?;
            if let Some(reason) = in_both(lang, "无法看清", "cannot be read") {
                app.wait_text("#material-request .request-reason", reason)
                    .await?;
            }
            app.screenshot(&out.join(format!("request-{lang}-{size_name}.png")))
                .await?;
        }
    }
    // Told by role, never by login name.
    app.wait_text(
        "#timeline",
        "An officer at the city opened your application",
    )
    .await?;
    anyhow::ensure!(
        !app.text("#timeline").await?.contains("officer-li"),
        "the person is never told a login name"
    );
    app.eventually("a desktop notification", || async {
        Ok(notifications.seen("More material needed"))
    })
    .await?;

    // The person adds the material and sends the revision.
    app.click("#add-material").await?;
    let clearer = data.path().join("clearer.jpg");
    std::fs::write(
        &clearer,
        homeward_core::materials::fixtures::phone_photo(2000, 3000),
    )?;
    let input = app.wait_css("#field-attachment").await?;
    input.send_keys(&clearer.to_string_lossy()).await?;
    app.eventually("two documents", || async {
        Ok(app.count(".document img.thumb").await? == 2)
    })
    .await?;
    app.click("#check-answers").await?;
    app.wait_text("#send-application", "Send the revision")
        .await?;
    app.click("#send-application").await?;
    confirm_send(&app).await?;
    app.eventually("the revision is delivered", || async {
        Ok(app.count(".send[data-state='delivered']").await? == 2)
    })
    .await?;
    anyhow::ensure!(
        backend.stored_submissions().await? == 2,
        "the revision is stored once"
    );

    // Approved.
    console.decide(&reference, "approved", "").await?;
    app.wait_css(".application[data-status='approved']").await?;
    app.eventually("an approval notification", || async {
        Ok(notifications.seen("Approved"))
    })
    .await?;

    // The person reads who at the city read their data: by role, never by login name.
    app.click(".brand").await?;
    app.click("#open-privacy").await?;
    app.click("#show-access-log").await?;
    let log = app
        .wait_text(
            "#access-log li[data-action='opened-application']",
            "An officer opened your application",
        )
        .await?;
    anyhow::ensure!(log.contains(&reference), "{log}");
    anyhow::ensure!(
        !app.text("#access-log").await?.contains("officer-li"),
        "the person is never told a login name"
    );

    // A browser signs in to the console through its own form (the form's Origin passes the
    // login-CSRF check under the page's referrer policy).
    app.client
        .goto(&format!("{}/console/login", backend.url))
        .await?;
    app.wait_css("#username")
        .await?
        .send_keys("officer-li")
        .await?;
    app.wait_css("#password")
        .await?
        .send_keys(STAFF_PASSWORD)
        .await?;
    app.click(".login button[type='submit']").await?;
    app.wait_css("#applications").await?;
    app.close().await?;
    backend.stop().await?;
    Ok(())
}

const STAFF_PASSWORD: &str = "a long staff password";

/// Signs `username` in to the console through its own form, in the app's webview, in `lang`.
async fn sign_in_to_console(
    app: &homeward_tests::app::App,
    base: &str,
    lang: &str,
    username: &str,
) -> anyhow::Result<()> {
    app.client
        .goto(&format!("{base}/console/lang/{lang}"))
        .await?;
    app.wait_css("#username").await?.send_keys(username).await?;
    app.wait_css("#password")
        .await?
        .send_keys(STAFF_PASSWORD)
        .await?;
    app.click(".login button[type='submit']").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn my_details_consents_export_and_erasure() -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let driver = Driver::start(4554)?;
    let offline = unreachable_url();
    let app = driver.launch(data.path(), &offline).await?;
    app.choose_language("en").await?;
    app.click("#open-privacy").await?;
    app.wait_css("#privacy-title").await?;

    // A profile with no identity document is refused at the field; with one, saved normalised.
    app.input_text("#profile-name-han", "王𠀀明").await?;
    for (field, value) in [
        ("#profile-name-pinyin", "WANG MING"),
        ("#profile-birth-date", "1990-01-01"),
    ] {
        app.wait_css(field).await?.send_keys(value).await?;
    }
    app.click("#save-profile").await?;
    app.wait_text("#profile-id-number-error", "Answer this question")
        .await?;
    app.wait_css("#profile-id-number")
        .await?
        .send_keys("１１０１０５１９４９１２３１００２x")
        .await?;
    app.click("#save-profile").await?;
    app.wait_css("#profile-saved").await?;

    // Consents are given and withdrawn one by one.
    app.click("#consent-sensitive-data button").await?;
    app.wait_css("#consent-sensitive-data[data-granted='true']")
        .await?;
    app.wait_text("#consent-sensitive-data", "Given on").await?;
    app.click("#consent-sensitive-data button").await?;
    app.wait_css("#consent-sensitive-data[data-granted='false']")
        .await?;
    app.wait_text("#consent-sensitive-data", "Withdrawn on")
        .await?;

    // Export: everything in one folder, readable.
    app.click("#export-all").await?;
    let folder = std::path::PathBuf::from(app.attr("#export-done", "data-path").await?);
    let json = std::fs::read_to_string(folder.join("data.json"))?;
    anyhow::ensure!(json.contains("王𠀀明"), "the profile is exported");
    anyhow::ensure!(json.contains("11010519491231002X"), "normalised");
    anyhow::ensure!(json.contains("withdrawn_at"), "the consent record too");

    // Erase: asked first, then everything goes and the app closes.
    app.click("#erase-all").await?;
    app.click("#confirm-erase").await?;
    app.wait_css("#erased").await?;
    let db = data.path().join("homeward.db");
    for _ in 0..50 {
        if !db.exists() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    anyhow::ensure!(!db.exists(), "the database is gone");
    drop(app);
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;

    // The next start is a fresh installation: no profile.
    let app = driver.launch(data.path(), &offline).await?;
    app.click("#open-privacy").await?;
    anyhow::ensure!(
        app.value("#profile-name-han").await?.is_empty(),
        "nothing left of the profile"
    );
    app.close().await?;
    Ok(())
}

/// The system's back and forward (a phone's back gesture, a browser's buttons) move between
/// screens rather than leaving the app, and an address opens a guide directly.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn back_and_forward_follow_the_screens_and_an_address_opens_a_guide() -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let driver = Driver::start(4644)?;
    let app = driver.launch(data.path(), &unreachable_url()).await?;
    app.click(&format!(".guide-card[data-guide='{STARTER_GUIDE}']"))
        .await?;
    app.wait_css("#start-draft").await?;
    app.client.back().await?;
    app.wait_css(".guide-card").await?;
    app.wait_gone("#start-draft").await?;
    app.client.forward().await?;
    app.wait_css("#start-draft").await?;
    // The app's own back button goes the same way.
    app.click("#back").await?;
    app.wait_css(".guide-card").await?;

    // An address: the guide opens at start, and back leads home.
    app.client
        .execute(
            &format!("location.hash = '#/guide/{STARTER_GUIDE}'; location.reload();"),
            vec![],
        )
        .await?;
    app.wait_css("#start-draft").await?;
    app.click("#back").await?;
    app.wait_css(".guide-card").await?;
    app.close().await?;
    Ok(())
}

/// Data whose keys are gone from the keyring is reported, not replaced: the app says so and
/// offers to start again; starting again keeps the old files aside and opens a fresh install.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn data_whose_keys_are_gone_is_reported_and_can_be_set_aside_to_start_again(
) -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let driver = Driver::start(4634)?;
    let offline = unreachable_url();
    let app = driver.launch(data.path(), &offline).await?;
    app.wait_css(".guide-card").await?;
    app.close().await?;
    // Another install id names other keyring entries: this database's keys are not among them.
    std::fs::write(
        data.path().join("install-id"),
        "7d1f3c2a-0000-4000-8000-000000000002",
    )?;

    let app = driver.launch(data.path(), &offline).await?;
    app.wait_text(".fatal", "密钥").await?;
    app.click("#start-again").await?;
    let mut aside = None;
    for _ in 0..100 {
        aside = std::fs::read_dir(data.path())?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().contains("unreadable-"));
        if aside.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let aside = aside.ok_or_else(|| anyhow::anyhow!("the old data was set aside"))?;
    anyhow::ensure!(aside.join("homeward.db").exists(), "kept, not deleted");
    // The app starts itself again; that instance is not the driver's, so it is ended here.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    drop(app);
    end_processes_using(data.path());

    let app = driver.launch(data.path(), &offline).await?;
    app.wait_css(".guide-card").await?;
    anyhow::ensure!(app.count(".fatal").await? == 0, "a fresh start");
    app.close().await?;
    Ok(())
}

/// Ends (SIGKILL) every process whose command line names `dir`.
fn end_processes_using(dir: &std::path::Path) {
    let needle = dir.to_string_lossy().into_owned();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        if String::from_utf8_lossy(&cmdline).contains(&needle)
            && u32::try_from(pid) != Ok(std::process::id())
        {
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status();
        }
    }
}

/// Fills every question of `answers` on the open draft: text by typing, choices by value.
async fn fill(app: &homeward_tests::app::App, answers: &[(&str, &str)]) -> anyhow::Result<()> {
    for (field, value) in answers {
        let css = format!("#field-{field}");
        let element = app.wait_css(&css).await?;
        if element.html(false).await?.starts_with("<select") {
            // The choice as the platform's picker makes it: the value, then a change event.
            let script = "arguments[0].value = arguments[1]; \
                arguments[0].dispatchEvent(new Event('change', { bubbles: true }));";
            let target = serde_json::to_value(&element)?;
            app.client
                .execute(script, vec![target, serde_json::json!(value)])
                .await?;
            app.wait_css("#save-state[data-state='saved']").await?;
        } else {
            app.type_and_wait_saved(&css, value).await?;
        }
    }
    app.blur().await
}

/// Two more guides filled to the end, one across a kill and with a photo; the pension guide is
/// filled in `a_whole_application_is_filled_and_reaches_check_your_answers`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn applications_for_two_more_guides_are_completed_one_across_a_kill_with_a_photo(
) -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let photo = data.path().join("carta-di-soggiorno.jpg");
    std::fs::write(
        &photo,
        homeward_core::materials::fixtures::phone_photo(3000, 4000),
    )?;
    let driver = Driver::start(4524)?;
    let offline = unreachable_url();
    let app = driver.launch(data.path(), &offline).await?;
    app.choose_language("en").await?;

    // Cancelling a hukou, with the relative who will go to the counter.
    app.click(".guide-card[data-guide='hukou-cancel-settled-abroad']")
        .await?;
    app.click("#start-draft").await?;
    fill(&app, &HUKOU_ANSWERS).await?;
    app.click("#check-answers").await?;
    app.wait_css("#answers-title").await?;
    app.wait_css(".tag[data-status='status-complete']").await?;
    app.click("button.brand").await?;

    // Postponing a driving licence renewal: half the answers, then the app is killed.
    app.click(&format!(".guide-card[data-guide='{STARTER_GUIDE}']"))
        .await?;
    app.click("#start-draft").await?;
    fill(
        &app,
        &[("full-name", "王小明"), ("id-number", "11010519491231002X")],
    )
    .await?;
    app.kill().await?;

    let app = driver.launch(data.path(), &offline).await?;
    // Back to it through the guide, which lists its own unsent applications.
    app.click(&format!(".guide-card[data-guide='{STARTER_GUIDE}']"))
        .await?;
    app.click(".guide .list .row").await?;
    anyhow::ensure!(
        app.value("#field-id-number").await? == "11010519491231002X",
        "kept across the kill"
    );
    fill(
        &app,
        &[
            ("licence-expiry", "2026-12-31"),
            ("country", "Italia"),
            ("reason", "residence"),
            ("phone", "+39 333 123 4567"),
        ],
    )
    .await?;
    app.wait_css("#field-proof-of-stay")
        .await?
        .send_keys(&photo.to_string_lossy())
        .await?;
    app.wait_css(".document img.thumb").await?;
    app.click("#check-answers").await?;
    app.wait_css(".tag[data-status='status-complete']").await?;
    app.wait_text(
        ".summary-row[data-field='proof-of-stay'] dd",
        "carta-di-soggiorno.jpg",
    )
    .await?;
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
    // Settings say which backend, and whether it answers; when it stops, a check says so.
    app.click("#open-privacy").await?;
    app.wait_text("#backend-address", &backend.url).await?;
    app.wait_css("#backend-state[data-state='online']").await?;
    backend.stop().await?;
    app.click("#check-connection").await?;
    app.wait_css("#backend-state[data-state='offline']").await?;
    app.close().await?;
    Ok(())
}

/// The outbox takes the news in place: a timeline the person closed stays closed, and the focus
/// stays where it was, while the city's decision arrives.
/// A phone whose clock is ten minutes slow still sends: the app learns the backend's time from
/// the `Date` of its answers and signs with it, where each attempt used to be refused as a
/// replay and the application set aside.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn a_phone_whose_clock_is_ten_minutes_slow_still_sends() -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let backend = TestBackend::start().await?;
    backend
        .add_staff("officer-li", STAFF_PASSWORD, false)
        .await?;
    let driver = Driver::start(4624)?;
    let app = driver
        .launch_with_clock_off(data.path(), &backend.url, "-10m")
        .await?;
    app.choose_language("en").await?;
    send_enquiry(&app, &backend).await?;
    assert_eq!(app.count(".send[data-state='set-aside']").await?, 0);
    assert_eq!(backend.stored_submissions().await?, 1);
    // Under its clock wrapper the app outlives the driver's session: ended here, not left
    // running beside the tests after it.
    app.kill().await?;
    backend.stop().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn news_in_the_outbox_keeps_a_closed_timeline_closed_and_the_focus_where_it_was(
) -> anyhow::Result<()> {
    let (_data, backend, _driver, app) = online_in_english(4614).await?;
    let (console, reference) = send_enquiry(&app, &backend).await?;

    // Staff open the application: the timeline appears, open; the person closes it and the
    // focus is on its summary.
    console
        .page(&format!("/console/applications/{reference}"))
        .await?;
    app.wait_css(".timeline[open] #timeline li[data-kind='access']")
        .await?;
    app.click(".timeline summary").await?;
    app.client
        .execute(
            "document.querySelector('.timeline summary').focus()",
            vec![],
        )
        .await?;
    let where_things_are = "const timeline = document.querySelector('.timeline');         return [timeline.open, document.activeElement === timeline.querySelector('summary')];";
    let before = app.client.execute(where_things_are, vec![]).await?;
    anyhow::ensure!(
        before == serde_json::json!([false, true]),
        "closed and focused: {before}"
    );

    // The city decides while the screen is open: the news shows, and nothing else moves.
    console.decide(&reference, "in-review", "").await?;
    app.wait_css(".application[data-status='in-review']")
        .await?;
    app.wait_css("#timeline li[data-kind='status']").await?;
    let after = app.client.execute(where_things_are, vec![]).await?;
    anyhow::ensure!(
        after == serde_json::json!([false, true]),
        "the timeline is still closed and its summary still focused: {after}"
    );
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
        for lang in LANGS {
            let shot = |screen: &str| out.join(format!("{screen}-{lang}-{size_name}.png"));
            app.click("button.brand").await?;
            app.choose_language(lang).await?;
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
                let photo = data.path().join("permesso-di-soggiorno.jpg");
                std::fs::write(
                    &photo,
                    homeward_core::materials::fixtures::phone_photo(4000, 3000),
                )?;
                let input = app.wait_css("#field-proof-of-stay").await?;
                input.send_keys(&photo.to_string_lossy()).await?;
                app.wait_css(".document img.thumb").await?;
            } else {
                app.click(".guide .list .row").await?;
                app.wait_css("#field-full-name").await?;
            }
            app.client.execute("window.scrollTo(0, 0)", vec![]).await?;
            app.screenshot(&shot("draft")).await?;
            let documents = app.wait_css(".material-field").await?;
            let element = serde_json::to_value(&documents)?;
            app.client
                .execute(
                    "arguments[0].scrollIntoView({block: 'center'})",
                    vec![element],
                )
                .await?;
            app.wait_css(".document img.thumb").await?;
            app.screenshot(&shot("documents")).await?;
            // Another photo, shot while it is prepared: the moving bar. At phone size the
            // camera option shows too, as on a touch screen (the stylesheet offers it to coarse
            // pointers; this test's pointer is a mouse, so the phone's rule is applied here).
            if size_name == "phone" {
                app.client
                    .execute(
                        "const s = document.createElement('style');
                         s.textContent = '.camera-button { display: inline-flex; margin: 0 0.5rem 0.5rem 0; }';
                         document.head.appendChild(s);",
                        vec![],
                    )
                    .await?;
            }
            let before = app.count(".document").await?;
            let another = data.path().join(format!("passport-{lang}-{size_name}.jpg"));
            std::fs::write(
                &another,
                homeward_core::materials::fixtures::phone_photo(4000, 3000),
            )?;
            let input = app.wait_css("#field-proof-of-stay").await?;
            input.send_keys(&another.to_string_lossy()).await?;
            app.wait_css("progress.preparing").await?;
            app.screenshot(&shot("photo-progress")).await?;
            app.eventually("the second photo attached", || async {
                Ok(app.count(".document img.thumb").await? > before)
            })
            .await?;
            app.click(".documents li:last-child .danger-link").await?;
            app.eventually("the second photo removed", || async {
                Ok(app.count(".document").await? == before)
            })
            .await?;
            // The same draft with a mistake and the summary of what needs attention.
            let phone = app.wait_css("#field-phone").await?;
            phone.clear().await?;
            app.type_and_wait_saved("#field-phone", "333 123").await?;
            app.blur().await?;
            app.click("#check-answers").await?;
            app.wait_focused("error-summary").await?;
            app.screenshot(&shot("draft-errors")).await?;
            app.click("#review-answers").await?;
            app.wait_css(".summary-list").await?;
            app.screenshot(&shot("answers")).await?;
            app.click("button.brand").await?;
            let search = app.wait_css("#search").await?;
            search.clear().await?;
            search
                .send_keys(match lang {
                    "zh-CN" => "驾照",
                    "zh-TW" => "駕照",
                    "en" => "driving",
                    "it" => "patente",
                    "fr" => "permis",
                    _ => "carnet",
                })
                .await?;
            app.wait_css(".results .guide-card").await?;
            app.screenshot(&shot("results")).await?;
            app.wait_css("#search").await?.clear().await?;
            app.click("#open-contacts").await?;
            app.wait_css(".help-line").await?;
            app.screenshot(&shot("contacts")).await?;
            app.click("button.brand").await?;
            app.click("#open-privacy").await?;
            app.wait_css("#consent-cross-border").await?;
            app.screenshot(&shot("privacy")).await?;
            let consents = serde_json::to_value(app.wait_css(".consents").await?)?;
            app.client
                .execute(
                    "arguments[0].scrollIntoView({block: 'start'})",
                    vec![consents],
                )
                .await?;
            app.screenshot(&shot("consents")).await?;
            app.wait_css("#backend-state[data-state='offline']").await?;
            scroll_to(&app, "#connection-card").await?;
            app.screenshot(&shot("connection")).await?;
        }
    }
    app.close().await?;
    Ok(())
}

/// Sending, the outbox with a decision and the access log, and the back office's console, in
/// both languages at both sizes: `target/screenshots/`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask screenshots`"]
async fn screenshots_of_sending_the_outbox_and_the_back_office() -> anyhow::Result<()> {
    let out = homeward_tests::repo_root().join("target/screenshots");
    let (_data, backend, _driver, app) = online_in_english(4544).await?;

    // One application sent, opened and sent back by staff; another ready to send.
    let (console, reference) = send_enquiry(&app, &backend).await?;
    console.decide(&reference, "in-review", "").await?;
    console
        .decide(
            &reference,
            "more-material-needed",
            "请补充一张银行流水的照片（可拍照上传）。",
        )
        .await?;
    app.wait_css(".application[data-status='more-material-needed']")
        .await?;
    app.click("button.brand").await?;
    fill_enquiry(&app).await?;

    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        app.set_size(w, h).await?;
        for lang in LANGS {
            let shot = |screen: &str| out.join(format!("{screen}-{lang}-{size_name}.png"));
            app.click("button.brand").await?;
            app.choose_language(lang).await?;
            app.wait_css("#backend-status[data-state='online']").await?;
            // The draft not yet sent is the most recent one.
            app.click("#my-drafts .draft-row").await?;
            app.click("#check-answers").await?;
            app.click("#send-application").await?;
            app.wait_css("#send-consent").await?;
            let consent = serde_json::to_value(app.wait_css("#send-consent").await?)?;
            app.client
                .execute(
                    "arguments[0].scrollIntoView({block: 'center'})",
                    vec![consent],
                )
                .await?;
            app.screenshot(&shot("send-consent")).await?;
            app.click("#open-outbox").await?;
            app.wait_css(".application[data-status='more-material-needed']")
                .await?;
            app.screenshot(&shot("outbox")).await?;
            let timeline = serde_json::to_value(app.wait_css("#timeline").await?)?;
            app.client
                .execute(
                    "arguments[0].scrollIntoView({block: 'center'})",
                    vec![timeline],
                )
                .await?;
            app.screenshot(&shot("timeline")).await?;
            // Who at the city read the person's data.
            app.click("button.brand").await?;
            app.click("#open-privacy").await?;
            app.click("#show-access-log").await?;
            let log = serde_json::to_value(app.wait_css("#access-log").await?)?;
            app.client
                .execute("arguments[0].scrollIntoView({block: 'center'})", vec![log])
                .await?;
            app.screenshot(&shot("access-log")).await?;
        }
    }
    backend
        .add_staff("admin-chen", STAFF_PASSWORD, true)
        .await?;

    // The console, in the same webview, as staff at a desk or on a tablet see it.
    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        app.set_size(w, h).await?;
        for lang in LANGS {
            let shot = |screen: &str| out.join(format!("{screen}-{lang}-{size_name}.png"));
            app.client
                .goto(&format!("{}/console/lang/{lang}", backend.url))
                .await?;
            app.wait_css("#username").await?;
            app.screenshot(&shot("console-sign-in")).await?;
            app.wait_css("#username")
                .await?
                .send_keys("admin-chen")
                .await?;
            app.wait_css("#password")
                .await?
                .send_keys(STAFF_PASSWORD)
                .await?;
            app.click(".login button[type='submit']").await?;
            app.wait_css("#applications").await?;
            app.screenshot(&shot("console-applications")).await?;
            app.click(&format!("#applications a[href$='{reference}']"))
                .await?;
            app.wait_css("#timeline").await?;
            app.screenshot(&shot("console-application")).await?;
            // Routing from a page someone else moved on since: the console says so.
            app.client
                .execute(
                    "for (const v of document.querySelectorAll('input[name=version]')) v.value = '0'",
                    vec![],
                )
                .await?;
            app.wait_css("#routing #department")
                .await?
                .send_keys("鹿城区社保中心")
                .await?;
            app.click("#routing button[type='submit']").await?;
            app.wait_css("p.error").await?;
            app.screenshot(&shot("console-conflict")).await?;
            app.client
                .goto(&format!("{}/console/accounts", backend.url))
                .await?;
            app.wait_css("#accounts").await?;
            app.screenshot(&shot("console-accounts")).await?;
            app.click("#open-access-log").await?;
            app.wait_css("#access-log").await?;
            app.screenshot(&shot("console-access-log")).await?;
            app.click("header form button").await?;
            app.wait_css("#username").await?;
        }
    }
    app.close().await?;
    backend.stop().await?;
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
    // Per start: the time WebDriver saw, and the app's own marks.
    let mut fresh = vec![];
    let mut again = vec![];
    for round in 0..6 {
        let fresh_dir = TempDir::new()?;
        for (dir, is_fresh) in [(fresh_dir.path(), true), (kept.path(), false)] {
            let start = Instant::now();
            let app = driver.launch(dir, &offline).await?;
            app.wait_css(".guide-card").await?;
            let seen = start.elapsed();
            let marks = first_paint_marks(&app).await?;
            // The first round warms the page cache and the driver; it is not counted.
            if round > 0 {
                if is_fresh {
                    fresh.push((seen, marks));
                } else {
                    again.push((seen, marks));
                }
            }
            app.close().await?;
        }
    }
    for (what, runs, goal_ms) in [
        ("fresh install", &mut fresh, 800.0),
        ("restart", &mut again, 500.0),
    ] {
        let mut seen: Vec<Duration> = runs.iter().map(|(s, _)| *s).collect();
        seen.sort();
        let median_ms = |step: &str| {
            let mut at: Vec<f64> = runs
                .iter()
                .filter_map(|(_, m)| m.get(step).copied())
                .collect();
            at.sort_by(f64::total_cmp);
            at.get(at.len() / 2).copied().unwrap_or(f64::NAN)
        };
        let painted: Vec<String> = runs
            .iter()
            .map(|(_, m)| format!("{:.0}", m["first-paint"]))
            .collect();
        println!(
            "BENCH start, {what}, from the app's marks (median of {} ms after the process \
             started): main {:.0}, installation open {:.0}, UI started {:.0}, first paint {:.0} \
             (goal under {goal_ms} ms: {}; runs {}); as WebDriver saw it: median {:?} of {seen:?}",
            runs.len(),
            median_ms("main"),
            median_ms("installation-open"),
            median_ms("ui-started"),
            median_ms("first-paint"),
            if median_ms("first-paint") < goal_ms {
                "met"
            } else {
                "not met"
            },
            painted.join(", "),
            seen[seen.len() / 2],
        );
    }
    Ok(())
}

/// The app's marks of its start, by step, once the first guides are painted: milliseconds after
/// the process started.
async fn first_paint_marks(
    app: &homeward_tests::app::App,
) -> anyhow::Result<std::collections::BTreeMap<String, f64>> {
    let read = std::cell::RefCell::new(std::collections::BTreeMap::new());
    app.eventually("the first paint marked", || async {
        let mut marks = std::collections::BTreeMap::new();
        for mark in app
            .invoke("start_marks", serde_json::json!({}))
            .await?
            .as_array()
            .context("a list of marks")?
        {
            let step = mark["step"].as_str().context("a step")?;
            let after = mark["after_ms"].as_f64().context("a time")?;
            marks.insert(step.to_owned(), after);
        }
        let painted = marks.contains_key("first-paint");
        *read.borrow_mut() = marks;
        Ok(painted)
    })
    .await?;
    let marks = read.into_inner();
    // The installation opens beside the UI's start; both come before the first paint.
    let order = [
        ("main", "installation-open"),
        ("main", "ui-started"),
        ("installation-open", "first-paint"),
        ("ui-started", "first-paint"),
    ];
    anyhow::ensure!(
        order.iter().all(|(a, b)| {
            marks.contains_key(*a) && marks.contains_key(*b) && marks[*a] <= marks[*b]
        }),
        "the start's steps out of order: {marks:?}"
    );
    Ok(marks)
}

/// Many applications are listed a page at a time, the newest first, each once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn many_applications_are_listed_a_page_at_a_time() -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let driver = Driver::start(4794)?;
    let app = driver.launch(data.path(), &unreachable_url()).await?;
    app.wait_css(".guide-card").await?;
    let page = homeward_core::DRAFT_PAGE;
    let mut made = vec![];
    for n in 0..page + 3 {
        if n == page + 2 {
            // Made clearly last, to be listed first.
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        let draft = app
            .invoke(
                "create_draft",
                serde_json::json!({ "guide_id": STARTER_GUIDE }),
            )
            .await?;
        made.push(draft["id"].as_str().context("an id")?.to_owned());
    }
    // Home again, so the list is read afresh.
    app.click(&format!(".guide-card[data-guide='{STARTER_GUIDE}']"))
        .await?;
    app.wait_css("#start-draft").await?;
    app.click("button.brand").await?;
    app.wait_css("#my-drafts .draft-row").await?;
    anyhow::ensure!(
        app.count("#my-drafts .draft-row").await? == page,
        "one page"
    );
    let first = app.attr("#my-drafts .draft-row", "data-draft").await?;
    anyhow::ensure!(first == made[made.len() - 1], "the newest first");
    app.click("#more-drafts").await?;
    app.eventually("the rest shown", || async {
        Ok(app.count("#my-drafts .draft-row").await? == made.len())
    })
    .await?;
    anyhow::ensure!(
        app.count("#more-drafts").await? == 0,
        "nothing more to show"
    );
    let mut listed = vec![];
    for row in app
        .client
        .find_all(Locator::Css("#my-drafts .draft-row"))
        .await?
    {
        listed.push(row.attr("data-draft").await?.context("an id")?);
    }
    listed.sort();
    made.sort();
    anyhow::ensure!(listed == made, "each application once");
    app.close().await?;
    Ok(())
}

/// The memory of the app and of its WebKit processes after every screen has been shown, a
/// search run and five phone photos prepared: each process's PSS, and where the web process's
/// goes (printed for BENCHMARKS.md; `cargo xtask bench` runs it on the release build).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn memory_after_every_screen_and_five_photos() -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let driver = Driver::start(4784)?;
    let app = driver.launch(data.path(), &unreachable_url()).await?;
    app.wait_css(".guide-card").await?;
    let at_start = app.memory()?;
    for (open, shown) in [
        ("#open-notices", "#notices-title"),
        ("#open-identity", "#identity-title"),
        ("#open-letters", "#letters-title"),
        ("#open-privacy", "#privacy-title"),
        ("#open-outbox", "#outbox-title"),
        ("#open-contacts", "#contacts-title"),
        ("#switch-city", ".cities"),
    ] {
        app.click(open).await?;
        app.wait_css(shown).await?;
        app.click("button.brand").await?;
        app.wait_css(".guide-card").await?;
    }
    app.input_text("#search", "驾照").await?;
    app.wait_css(".results .guide-card").await?;
    app.input_text("#search", "").await?;
    app.click(&format!(".guide-card[data-guide='{STARTER_GUIDE}']"))
        .await?;
    app.click("#start-draft").await?;
    for n in 1..=5 {
        let photo = data.path().join(format!("photo-{n}.jpg"));
        std::fs::write(
            &photo,
            homeward_core::materials::fixtures::phone_photo(4000, 3000),
        )?;
        app.wait_css("#field-proof-of-stay")
            .await?
            .send_keys(&photo.to_string_lossy())
            .await?;
        app.eventually(&format!("{n} photos shown"), || async {
            Ok(app.count(".document img.thumb").await? == n)
        })
        .await?;
    }
    let after = app.memory()?;
    let web = app
        .client
        .execute(
            "return {
               wasm: window.homewardWasmBytes ? window.homewardWasmBytes() : null,
               images: Array.from(document.images).reduce((n, i) => n + i.src.length, 0),
               nodes: document.getElementsByTagName('*').length,
             };",
            vec![],
        )
        .await?;
    let overview = app
        .invoke("catalog_overview", serde_json::json!({}))
        .await?;
    let mb = |b: u64| b as f64 / 1_000_000.0;
    let line = |memory: &[homeward_tests::app::ProcessMemory]| {
        memory
            .iter()
            .map(|p| {
                format!(
                    "{} {:.1} MB (own {:.1}, files {:.1}, shared {:.1})",
                    p.name,
                    mb(p.pss),
                    mb(p.pss_anon),
                    mb(p.pss_file),
                    mb(p.pss_shmem)
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let total = |memory: &[homeward_tests::app::ProcessMemory]| {
        mb(memory.iter().map(|p| p.pss).sum::<u64>())
    };
    anyhow::ensure!(
        after.iter().any(|p| p.name.starts_with("homeward-app"))
            && after.iter().any(|p| p.name.starts_with("WebKitWebProc")),
        "the app's and its web process's memory read: {after:?}"
    );
    println!(
        "BENCH memory (PSS) at the first screen: {:.1} MB: {}",
        total(&at_start),
        line(&at_start)
    );
    println!(
        "BENCH memory (PSS) after every screen and five photos: {:.1} MB (goal at most 150 MB): \
         {}; in the web page: wasm memory {:.1} MB, image sources {:.1} MB, catalogue overview \
         {:.1} MB as JSON, {} elements",
        total(&after),
        line(&after),
        web["wasm"].as_f64().unwrap_or(f64::NAN) / 1e6,
        web["images"].as_f64().unwrap_or(f64::NAN) / 1e6,
        mb(overview.to_string().len() as u64),
        web["nodes"],
    );
    app.close().await?;
    Ok(())
}

const ADMIN_PASSWORD: &str = "a long administrator password";

/// The person's details, typed into "My details" as a person would.
async fn fill_profile(app: &homeward_tests::app::App) -> anyhow::Result<()> {
    app.click("#open-privacy").await?;
    app.input_text("#profile-name-han", "王小明").await?;
    for (field, value) in [
        ("#profile-name-pinyin", "WANG XIAOMING"),
        ("#profile-birth-date", "1990-01-01"),
        ("#profile-passport", "E12345678"),
    ] {
        app.wait_css(field).await?.send_keys(value).await?;
    }
    app.click("#save-profile").await?;
    app.wait_css("#profile-saved").await?;
    app.click("button.brand").await
}

/// Puts a laptop into site mode as a volunteer does; returns the site's public key.
async fn enable_site_mode(site: &homeward_tests::app::App) -> anyhow::Result<String> {
    site.click("#open-site").await?;
    site.wait_css("#site-id").await?.send_keys("prato").await?;
    site.wait_css("#site-name")
        .await?
        .send_keys("Prato liaison site")
        .await?;
    site.click("#enable-site").await?;
    register_first_volunteer(site).await?;
    site.wait_css("#site-info[data-site='prato']").await?;
    site.value("#site-public-key").await
}

/// The site's desk with a volunteer on duty, and its lock screen, in both languages at both
/// sizes; the desk is left open in English, on the site screen.
async fn desk_screenshots(
    site: &homeward_tests::app::App,
    out: &std::path::Path,
) -> anyhow::Result<()> {
    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        site.set_size(w, h).await?;
        for lang in LANGS {
            site.choose_language(lang).await?;
            site.wait_css("#on-duty").await?;
            site.screenshot(&out.join(format!("site-desk-{lang}-{size_name}.png")))
                .await?;
            site.click("#lock-desk").await?;
            site.wait_css("#desk-lock").await?;
            site.screenshot(&out.join(format!("desk-lock-{lang}-{size_name}.png")))
                .await?;
            unlock_desk_as(site, "Lucia Bianchi", LUCIA_PIN).await?;
            site.wait_css("#lock-desk").await?;
        }
    }
    // A walk-in's session: its bar, and their identity confirmed at the desk.
    site.click("#start-walk-in").await?;
    site.wait_css("#walk-in-bar").await?;
    fill_profile(site).await?;
    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        site.set_size(w, h).await?;
        for lang in LANGS {
            site.click("button.brand").await?;
            site.choose_language(lang).await?;
            site.wait_css("#walk-in-bar").await?;
            site.screenshot(&out.join(format!("walk-in-{lang}-{size_name}.png")))
                .await?;
            site.click("#walk-in-identity").await?;
            site.wait_css("#walk-in-confirm").await?;
            site.screenshot(&out.join(format!("walk-in-confirm-{lang}-{size_name}.png")))
                .await?;
            site.click("#walk-in-read-consents").await?;
            site.click(&format!("#read-out-{lang}")).await?;
            let read_out = site.text(&format!("#read-out-text[lang='{lang}']")).await?;
            anyhow::ensure!(!read_out.contains("walk-in-read-"), "{lang}: {read_out}");
            site.screenshot(&out.join(format!("walk-in-consents-{lang}-{size_name}.png")))
                .await?;
        }
    }
    site.choose_language("en").await?;
    end_walk_in(site).await?;
    site.wait_css("#walk-in-wiped").await?;
    site.screenshot(&out.join("walk-in-wiped-en-desktop.png"))
        .await
}

/// Waits (up to a minute) until every sealed walk-in under `walk_ins` is wiped.
async fn wait_until_empty(walk_ins: &std::path::Path) -> anyhow::Result<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::fs::read_dir(walk_ins)?.count() > 0 {
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "the sealed session was not wiped"
        );
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    Ok(())
}

/// Ends the walk-in being served, as the volunteer does: "End the session", then the
/// confirmation. On a loaded machine the confirmation can move as the screen behind it changes
/// (an outbox pass); the volunteer would simply press again, and so does this.
async fn end_walk_in(site: &homeward_tests::app::App) -> anyhow::Result<()> {
    for attempt in 1..=3 {
        site.click("#end-walk-in").await?;
        match site.click("#confirm-end-walk-in").await {
            Ok(()) => return Ok(()),
            Err(e) if attempt < 3 => eprintln!("ending the walk-in again after: {e}"),
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

const LUCIA_PIN: &str = "28461937";
const MARCO_PIN: &str = "tre gatti neri";

/// The site's first volunteer registers, which opens the desk as them.
async fn register_first_volunteer(site: &homeward_tests::app::App) -> anyhow::Result<()> {
    site.wait_css("#first-volunteer").await?;
    site.input_text("#volunteer-name", "Lucia Bianchi").await?;
    site.input_text("#new-pin", LUCIA_PIN).await?;
    site.input_text("#new-pin-again", LUCIA_PIN).await?;
    site.click("#register-volunteer").await?;
    site.wait_css("#on-duty[data-volunteer='Lucia Bianchi']")
        .await
        .map(drop)
}

/// The volunteer reads the person's code, checks the passport and the person, and signs;
/// returns the confirmation's text.
async fn attest_on_site(site: &homeward_tests::app::App, code: &str) -> anyhow::Result<String> {
    // The volunteer photographs the code on the person's screen.
    let photo = tempfile::Builder::new().suffix(".png").tempfile()?;
    std::fs::write(photo.path(), homeward_core::identity::qr_png(code)?)?;
    site.wait_css("#scan-proof-request")
        .await?
        .send_keys(&photo.path().to_string_lossy())
        .await?;
    site.eventually("the code read from the photo", || async {
        Ok(site.value("#proof-request-text").await? == code)
    })
    .await?;
    site.click("#read-proof-request").await?;
    site.wait_text("#compare-name-han", "王小明").await?;
    site.click("#checked-passport").await?;
    site.click("#checked-face-to-face").await?;
    site.click("#sign-attestation").await?;
    site.wait_css("#attestation-code svg").await?;
    site.value("#attestation-code-text").await
}

/// Two installations, each with its own data directory and its own OS keyring, one of them a
/// liaison site's laptop in site mode. Both offline, the person is verified in person; online
/// again, the person sends a service that needs that level and the backend takes it. Once the
/// site's key is revoked, the next application is refused and set aside with the reason.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn verified_in_person_offline_the_person_sends_at_that_level_until_the_site_is_revoked(
) -> anyhow::Result<()> {
    let (person_dir, site_dir, site_keyring) = (TempDir::new()?, TempDir::new()?, TempDir::new()?);
    let backend = TestBackend::start().await?;
    backend
        .add_staff("admin-chen", ADMIN_PASSWORD, true)
        .await?;
    let auth = staff_token(&backend.url, "admin-chen", ADMIN_PASSWORD).await?;
    let offline = unreachable_url();

    // The liaison site's laptop: its own keyring, offline; an administrator registers its key.
    let site_driver = Driver::start_with_own_keyring(4574, site_keyring.path())?;
    let site = site_driver.launch(site_dir.path(), &offline).await?;
    site.choose_language("en").await?;
    let site_key = enable_site_mode(&site).await?;
    register_site(&backend.url, &auth, "prato", &site_key).await?;

    // The person's phone, offline: details first, then the code for the volunteer.
    let driver = Driver::start(4564)?;
    let app = driver.launch(person_dir.path(), &offline).await?;
    app.choose_language("en").await?;
    app.click(".guide-card[data-guide='hukou-cancel-settled-abroad']")
        .await?;
    app.wait_css("#guide-identity[data-level='onsite-attended']")
        .await?;
    app.click("#reach-level").await?;
    app.wait_css("#identity-level[data-level='self-asserted']")
        .await?;
    app.wait_css("#identity-profile-needed").await?;
    app.click("button.brand").await?;
    fill_profile(&app).await?;
    app.click("#open-identity").await?;
    app.click("#show-identity-code").await?;
    app.wait_css("#identity-code svg").await?;
    let code = app.value("#identity-code-text").await?;

    // Face to face: the volunteer signs, the person takes the confirmation.
    let confirmation = attest_on_site(&site, &code).await?;
    // A confirmation altered on the way (its level raised) is refused by name.
    let forged = forge_level(&confirmation)?;
    app.input_text("#attestation-text", &forged).await?;
    app.click("#add-attestation").await?;
    app.wait_css(".error-note").await?;
    app.wait_text(".error-note", "altered").await?;
    app.wait_css("#identity-level[data-level='self-asserted']")
        .await?;
    app.input_text("#attestation-text", &confirmation).await?;
    app.click("#add-attestation").await?;
    app.wait_css("#attestation-added").await?;
    app.wait_css("#identity-level[data-level='onsite-attended']")
        .await?;
    app.wait_text(".attestation[data-current='true']", "prato")
        .await?;
    site.close().await?;
    drop(site_driver);
    app.close().await?;

    // Online again: the hukou application goes, and arrives once.
    let app = driver.launch(person_dir.path(), &backend.url).await?;
    send_hukou_cancellation(&app).await?;
    app.eventually("delivered", || async {
        Ok(app.count(".send[data-state='delivered']").await? == 1)
    })
    .await?;
    anyhow::ensure!(backend.stored_submissions().await? == 1);

    // The site's key is revoked: the next application is set aside with the reason.
    revoke_signer(&backend.url, &auth, "site", "prato").await?;
    app.click("button.brand").await?;
    send_hukou_cancellation(&app).await?;
    app.click("#open-outbox").await?;
    app.wait_text(
        ".send[data-state='set-aside']",
        "no longer trusted by the city",
    )
    .await?;
    anyhow::ensure!(backend.stored_submissions().await? == 1);
    // My identity says the confirmation was refused, and why.
    app.click("button.brand").await?;
    app.click("#open-identity").await?;
    app.wait_css("#identity-level[data-level='self-asserted']")
        .await?;
    app.wait_css(".attestation .refused[data-code='revoked-signer']")
        .await?;
    app.close().await?;
    backend.stop().await?;
    Ok(())
}

/// Starts a hukou cancellation from its guide page, fills it, checks the answers and sends it.
async fn send_hukou_cancellation(app: &homeward_tests::app::App) -> anyhow::Result<()> {
    app.click(".guide-card[data-guide='hukou-cancel-settled-abroad']")
        .await?;
    app.click("#start-draft").await?;
    fill(app, &HUKOU_ANSWERS).await?;
    app.click("#check-answers").await?;
    app.wait_css(".tag[data-status='status-complete']").await?;
    app.click("#send-application").await?;
    confirm_send(app).await
}

/// Signs a letter entrusting 王大明 with cancelling the hukou, through the letters screen.
async fn sign_letter(app: &homeward_tests::app::App, valid_until: &str) -> anyhow::Result<()> {
    fill_letter(app, valid_until).await?;
    app.click("#sign-letter").await?;
    app.wait_css("#letter-made").await?;
    Ok(())
}

/// Fills in a letter entrusting 王大明 with cancelling the hukou, on the letters screen.
async fn fill_letter(app: &homeward_tests::app::App, valid_until: &str) -> anyhow::Result<()> {
    app.click("#open-letters").await?;
    app.input_text("#letter-agent-name", "王大明").await?;
    app.wait_css("#letter-agent-id")
        .await?
        .send_keys("330324198506150074")
        .await?;
    let service = "#new-letter input[data-guide='hukou-cancel-settled-abroad']";
    scroll_to(app, service).await?;
    app.click(service).await?;
    app.wait_css("#letter-valid-until")
        .await?
        .send_keys(valid_until)
        .await?;
    Ok(())
}

/// Proves the person's identity in person, as liaison site `prato` with key `site` would: the
/// code the app shows is read, the site's attestation pasted back.
async fn proven_in_person(
    app: &homeward_tests::app::App,
    site: &ed25519_dalek::SigningKey,
) -> anyhow::Result<()> {
    use homeward_domain::catalog::IdentityLevel;
    use homeward_domain::identity::{
        profile_digest, public_key_b64, validity_days, Attestation, DocumentKind, IssuerKind,
        ProofRequest,
    };
    app.click("#show-identity-code").await?;
    let code = app.value("#identity-code-text").await?;
    let request = ProofRequest::decode(&code)
        .ok_or_else(|| anyhow::anyhow!("the app shows an identity code"))?;
    let now = homeward_tests::probe::now_ms();
    let level = IdentityLevel::OnsiteAttended;
    let token = Attestation {
        id: uuid::Uuid::now_v7(),
        subject_key: request.device_key,
        profile_digest: profile_digest(&request.profile),
        level,
        issuer_kind: IssuerKind::Site,
        issuer_id: "prato".into(),
        signer_key: public_key_b64(site),
        documents: vec![DocumentKind::Passport],
        issued_at: now,
        expires_at: now + validity_days(level) * 86_400_000,
    }
    .seal(site);
    app.input_text("#attestation-text", &token).await?;
    app.click("#add-attestation").await?;
    app.wait_css("#identity-level[data-level='onsite-attended']")
        .await?;
    Ok(())
}

/// A date `days` from today, as the letter form takes it.
fn days_from_today(days: i64) -> String {
    let today = homeward_core::validate::today();
    homeward_core::validate::Date::from_unix_days(today.to_unix_days() + days).to_string()
}

/// The person entrusts a relative in the app; the printed letter's QR code, read back from the
/// PDF the app saved, checks as valid at the backend and in the console, and fails once the
/// person revokes the letter in the app.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn an_entrustment_letter_is_printed_checked_and_revoked() -> anyhow::Result<()> {
    use homeward_domain::identity::{DelegationCheck, DelegationToken};
    let data = TempDir::new()?;
    let backend = TestBackend::start().await?;
    backend
        .add_staff("officer-li", STAFF_PASSWORD, false)
        .await?;
    backend
        .add_staff("admin-chen", ADMIN_PASSWORD, true)
        .await?;
    let auth = staff_token(&backend.url, "admin-chen", ADMIN_PASSWORD).await?;
    let prato = ed25519_dalek::SigningKey::from_bytes(&[21; 32]);
    register_site(
        &backend.url,
        &auth,
        "prato",
        &homeward_domain::identity::public_key_b64(&prato),
    )
    .await?;
    let driver = Driver::start(4584)?;
    let app = driver.launch(data.path(), &backend.url).await?;
    app.choose_language("en").await?;
    fill_profile(&app).await?;

    // Not yet proven: the screen says what is needed first, and signing is refused.
    fill_letter(&app, &days_from_today(30)).await?;
    app.wait_css("#letter-identity-needed").await?;
    app.click("#sign-letter").await?;
    app.wait_text("#new-letter .error-note", "stronger proof of your identity")
        .await?;
    anyhow::ensure!(app.count(".letter").await? == 0, "no letter was signed");
    scroll_to(&app, "#letter-prove-identity").await?;
    app.click("#letter-prove-identity").await?;
    proven_in_person(&app, &prato).await?;
    app.click("button.brand").await?;

    // A bad ID number is named; then the letter is signed and saved as a PDF.
    app.click("#open-letters").await?;
    app.wait_css("#new-letter").await?;
    app.input_text("#letter-agent-name", "王大明").await?;
    app.wait_css("#letter-agent-id")
        .await?
        .send_keys("330324198506150075")
        .await?;
    app.click("#sign-letter").await?;
    app.wait_text(".error-note[data-field='agent-id-number']", "18 characters")
        .await?;
    app.click("button.brand").await?;
    sign_letter(&app, &days_from_today(30)).await?;
    app.click(".letter[data-state='active'] .save-letter")
        .await?;
    let path = app.attr("#pdf-saved", "data-path").await?;
    let token = homeward_tests::qr::scan_pdf(&std::fs::read(&path)?)?;

    let check = |token: String| {
        let url = backend.url.clone();
        async move {
            reqwest::Client::new()
                .post(format!("{url}/v1/delegations/verify"))
                .json(&DelegationToken { token })
                .send()
                .await?
                .json::<DelegationCheck>()
                .await
        }
    };
    anyhow::ensure!(matches!(
        check(token.clone()).await?,
        DelegationCheck::Valid { .. }
    ));
    let console = Console::sign_in(&backend.url, "officer-li", STAFF_PASSWORD).await?;
    let status = console
        .submit_form("/console/letters", "/console/letters", &[("token", &token)])
        .await?;
    anyhow::ensure!(status == 200);

    // Revoked in the app: the counter's check fails from then on.
    app.click(".letter[data-state='active'] .revoke-letter")
        .await?;
    app.click(".letter .confirm-revoke").await?;
    app.wait_css(".letter[data-state='revoked']").await?;
    anyhow::ensure!(matches!(
        check(token).await?,
        DelegationCheck::Revoked { .. }
    ));
    app.close().await?;
    backend.stop().await?;
    Ok(())
}

/// Scrolls `css` into the middle of the window.
async fn scroll_to(app: &homeward_tests::app::App, css: &str) -> anyhow::Result<()> {
    let element = serde_json::to_value(app.wait_css(css).await?)?;
    app.client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'})",
            vec![element],
        )
        .await?;
    Ok(())
}

/// Screenshots of identity: the person's code and level, the liaison site's desk on the other
/// laptop (its own keyring), entrustment letters, and the console's pages for video verification
/// and letter checks; in both languages, at phone and desktop sizes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "screenshots: run by `cargo xtask screenshots`"]
async fn screenshots_of_identity_site_mode_and_entrustment() -> anyhow::Result<()> {
    let out = homeward_tests::repo_root().join("target/screenshots");
    let (person_dir, site_dir, site_keyring) = (TempDir::new()?, TempDir::new()?, TempDir::new()?);
    let backend = TestBackend::start().await?;
    backend
        .add_staff("officer-li", STAFF_PASSWORD, false)
        .await?;
    let offline = unreachable_url();
    let sizes = [("phone", (390, 844)), ("desktop", (1280, 800))];
    let langs = LANGS;

    let site_driver = Driver::start_with_own_keyring(4604, site_keyring.path())?;
    let site = site_driver.launch(site_dir.path(), &offline).await?;
    for (size_name, (w, h)) in sizes {
        site.set_size(w, h).await?;
        for lang in langs {
            site.click("button.brand").await?;
            site.choose_language(lang).await?;
            site.click("#open-site").await?;
            site.wait_css("#site-setup").await?;
            site.screenshot(&out.join(format!("site-setup-{lang}-{size_name}.png")))
                .await?;
        }
    }
    site.click("button.brand").await?;
    site.choose_language("en").await?;
    let site_key = enable_site_mode(&site).await?;
    desk_screenshots(&site, &out).await?;
    backend
        .add_staff("admin-chen", ADMIN_PASSWORD, true)
        .await?;
    let auth = staff_token(&backend.url, "admin-chen", ADMIN_PASSWORD).await?;
    register_site(&backend.url, &auth, "prato", &site_key).await?;

    let driver = Driver::start(4594)?;
    let app = driver.launch(person_dir.path(), &backend.url).await?;
    app.choose_language("en").await?;
    fill_profile(&app).await?;
    // Before the person's identity is confirmed, the letters screen says what comes first.
    for (size_name, (w, h)) in sizes {
        app.set_size(w, h).await?;
        for lang in langs {
            app.click("button.brand").await?;
            app.choose_language(lang).await?;
            app.click("#open-letters").await?;
            app.wait_css("#letter-identity-needed").await?;
            app.screenshot(&out.join(format!("letters-identity-needed-{lang}-{size_name}.png")))
                .await?;
        }
    }
    app.click("button.brand").await?;
    app.choose_language("en").await?;
    app.click("#open-identity").await?;
    app.click("#show-identity-code").await?;
    let code = app.value("#identity-code-text").await?;
    let confirmation = attest_on_site(&site, &code).await?;
    app.input_text("#attestation-text", &confirmation).await?;
    app.click("#add-attestation").await?;
    app.wait_css("#identity-level[data-level='onsite-attended']")
        .await?;
    app.click("button.brand").await?;
    sign_letter(&app, &days_from_today(90)).await?;
    app.click(".letter[data-state='active'] .save-letter")
        .await?;
    let letter_pdf = app.attr("#pdf-saved", "data-path").await?;
    let token = homeward_tests::qr::scan_pdf(&std::fs::read(letter_pdf)?)?;
    let console = Console::sign_in(&backend.url, "officer-li", STAFF_PASSWORD).await?;

    for (size_name, (w, h)) in sizes {
        app.set_size(w, h).await?;
        site.set_size(w, h).await?;
        for lang in langs {
            let shot = |screen: &str| out.join(format!("{screen}-{lang}-{size_name}.png"));
            // The volunteer's side: the person's details to compare, then the signed code.
            site.click("button.brand").await?;
            site.choose_language(lang).await?;
            site.click("#open-site").await?;
            site.input_text("#proof-request-text", &code).await?;
            site.click("#read-proof-request").await?;
            site.click("#checked-passport").await?;
            site.click("#checked-face-to-face").await?;
            scroll_to(&site, "#proof-details").await?;
            site.screenshot(&shot("site-compare")).await?;
            site.click("#sign-attestation").await?;
            scroll_to(&site, "#attestation-code").await?;
            site.screenshot(&shot("site-signed")).await?;

            // The person's side: the level, the code to show, the services that need it.
            app.click("button.brand").await?;
            app.choose_language(lang).await?;
            app.click("#open-identity").await?;
            app.wait_css("#identity-level[data-level='onsite-attended'] .level-name")
                .await?;
            app.wait_css(".attestation[data-current='true']").await?;
            app.screenshot(&shot("identity-level")).await?;
            app.click("#show-identity-code").await?;
            scroll_to(&app, "#identity-code").await?;
            app.screenshot(&shot("identity-code")).await?;
            app.click("button.brand").await?;
            app.click(".guide-card[data-guide='hukou-cancel-settled-abroad']")
                .await?;
            scroll_to(&app, "#guide-identity").await?;
            app.screenshot(&shot("guide-identity")).await?;
            app.click("button.brand").await?;
            app.click("#open-letters").await?;
            app.wait_css(".letter[data-state='active']").await?;
            app.screenshot(&shot("letters")).await?;
            scroll_to(&app, ".letter").await?;
            app.screenshot(&shot("letters-list")).await?;
        }
    }
    // The video request (it sends the details to the city, so it needs the consents), and
    // what the console shows of it and of a letter.
    app.click("button.brand").await?;
    app.click("#open-privacy").await?;
    for consent in ["sensitive-data", "cross-border"] {
        app.click(&format!("#consent-{consent} button")).await?;
        app.wait_css(&format!("#consent-{consent}[data-granted='true']"))
            .await?;
    }
    app.click("button.brand").await?;
    app.click("#open-identity").await?;
    app.wait_css("#video-contact")
        .await?
        .send_keys("+39 333 123 4567")
        .await?;
    app.click("#ask-video").await?;
    app.wait_css("#video-requested").await?;
    let request_page = console.oldest_video_request().await?;
    let forged_letter = {
        let stranger = homeward_tests::probe::Probe::new(&backend.url, 44, true).await;
        let mut letter = homeward_domain::identity::Delegation::open(&token)
            .ok_or_else(|| anyhow::anyhow!("the letter opens"))?;
        letter.id = uuid::Uuid::now_v7();
        letter.principal_key = stranger.public();
        letter.proof = None;
        letter.seal(&stranger.key)
    };
    for (size_name, (w, h)) in sizes {
        app.set_size(w, h).await?;
        for lang in langs {
            let shot = |screen: &str| out.join(format!("{screen}-{lang}-{size_name}.png"));
            app.click("button.brand").await?;
            app.choose_language(lang).await?;
            app.click("#open-identity").await?;
            scroll_to(&app, "#video-proofing").await?;
            app.screenshot(&shot("identity-video")).await?;
        }
    }
    for (size_name, (w, h)) in sizes {
        app.set_size(w, h).await?;
        for lang in langs {
            let shot = |screen: &str| out.join(format!("{screen}-{lang}-{size_name}.png"));
            sign_in_to_console(&app, &backend.url, lang, "officer-li").await?;
            app.wait_css("#open-proofing").await?;
            app.client
                .goto(&format!("{}{request_page}", backend.url))
                .await?;
            app.wait_css("#attest-form").await?;
            app.screenshot(&shot("console-proofing")).await?;
            app.client
                .goto(&format!("{}/console/letters", backend.url))
                .await?;
            app.input_text("#token", &token).await?;
            app.click("#check-letter").await?;
            app.wait_css("#letter-result[data-state='valid']").await?;
            app.screenshot(&shot("console-letter")).await?;
            // A stranger's letter in the person's name: no proof of who signed it.
            app.input_text("#token", &forged_letter).await?;
            app.click("#check-letter").await?;
            app.wait_css("#letter-result[data-state='identity-not-proven']")
                .await?;
            app.screenshot(&shot("console-letter-not-proven")).await?;
            app.click("header form button").await?;
            app.wait_css("#username").await?;
        }
    }
    site.close().await?;
    app.close().await?;
    backend.stop().await?;
    Ok(())
}

/// The confirmation with its level changed and its signature kept, as a forger would try.
fn forge_level(confirmation: &str) -> anyhow::Result<String> {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64URL;
    use base64::Engine as _;
    let (payload, signature) = confirmation
        .rsplit_once('.')
        .ok_or_else(|| anyhow::anyhow!("a sealed confirmation"))?;
    let json = B64URL.decode(payload.trim_start_matches("HWA1."))?;
    let raised = String::from_utf8(json)?.replace("onsite-attended", "remote-attended");
    Ok(format!("HWA1.{}.{signature}", B64URL.encode(raised)))
}

/// A first start: the person picks the home city from the signed list, in their language and
/// at phone size, and the app reaches that city's backend over HTTPS (a test authority's
/// certificate, served on loopback); a listed city whose server is plain HTTP on the internet
/// is refused with the reason. Screenshots: `target/screenshots/city-*`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn a_first_start_picks_the_home_city_and_reaches_it_over_https() -> anyhow::Result<()> {
    use homeward_tests::cities::{signed, wenzhou_at};
    let out = homeward_tests::repo_root().join("target/screenshots");
    let (backend, ca) = TestBackend::start_https().await?;
    let key = backend.receipt_key().await?;
    let wenzhou = wenzhou_at(&backend.url, &key);
    let mut plain = wenzhou_at("http://203.0.113.9:8787", &key);
    plain.id = "plaintext".into();
    plain.name = homeward_domain::LocalizedText::new(&[
        (homeward_domain::Lang::ZhCn, "明文市"),
        (homeward_domain::Lang::En, "Plaintext"),
    ]);
    let data = TempDir::new()?;
    let (cities, root) = (data.path().join("cities.json"), data.path().join("ca.pem"));
    std::fs::write(&cities, signed(vec![wenzhou, plain]))?;
    std::fs::write(&root, &ca)?;
    let driver = Driver::start(4664)?;
    let app = driver
        .launch_with_cities(&data.path().join("app"), &cities, &root)
        .await?;
    app.wait_css("#city-picker").await?;
    // Nothing of the catalogue or the backend before the choice: no banner, no guides.
    assert_eq!(app.count("#backend-status").await?, 0);
    assert_eq!(app.count(".guide-card").await?, 0);
    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        app.set_size(w, h).await?;
        for lang in LANGS {
            app.choose_language(lang).await?;
            if let Some(title) = in_both(lang, "家乡", "home") {
                app.wait_text("#city-picker h1", title).await?;
            }
            app.client.execute("window.scrollTo(0, 0)", vec![]).await?;
            app.screenshot(&out.join(format!("city-picker-{lang}-{size_name}.png")))
                .await?;
        }
    }
    // The plain-HTTP city is refused, naming the reason; nothing is chosen.
    app.click("#choose-city-plaintext").await?;
    app.wait_css(".error-note[data-field='backend-url']")
        .await?;
    app.wait_text(".error-note", "https://").await?;
    app.screenshot(&out.join("city-refused-en-desktop.png"))
        .await?;
    assert_eq!(app.count(".guide-card").await?, 0);

    app.click("#choose-city-wenzhou").await?;
    app.wait_css(".guide-card").await?;
    app.wait_css("#backend-status[data-state='online']").await?;
    app.click("#open-privacy").await?;
    app.wait_text("#home-city", "Wenzhou").await?;
    app.wait_text("#backend-address", &backend.url).await?;
    app.wait_css("#backend-state[data-state='online']").await?;
    assert_eq!(app.count("#backend-fixed").await?, 0);
    scroll_to(&app, "#connection-card").await?;
    app.screenshot(&out.join("connection-https-en-desktop.png"))
        .await?;
    app.close().await?;

    // The choice is kept: the next start goes straight to the guides.
    let app = driver
        .launch_with_cities(&data.path().join("app"), &cities, &root)
        .await?;
    app.wait_css(".guide-card").await?;
    assert_eq!(app.count("#city-picker").await?, 0);
    app.close().await?;
    backend.stop().await?;
    Ok(())
}

/// The app as a person starts it, with nothing on its command line: the first screen offers the
/// home cities of the list the build carries, and picking Wenzhou opens the guides (the sample
/// list's server is a placeholder, so the app is offline, and says so). `cargo xtask test` runs
/// this again against the app installed from its `.deb`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn as_installed_the_app_offers_its_cities_and_opens_the_guides() -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let driver = Driver::start(4674)?;
    let app = driver.launch_as_installed(data.path()).await?;
    app.wait_css("#city-picker .city[data-id='wenzhou']")
        .await?;
    app.wait_text(".city[data-id='wenzhou'] .city-host", "wenzhou")
        .await?;
    app.click("#choose-city-wenzhou").await?;
    app.wait_css(".guide-card").await?;
    app.wait_css("#backend-status[data-state='offline']")
        .await?;
    app.close().await?;
    Ok(())
}

/// Opens the desk as `name`, with `pin` typed key by key.
async fn unlock_desk_as(
    site: &homeward_tests::app::App,
    name: &str,
    pin: &str,
) -> anyhow::Result<()> {
    site.wait_css("#desk-lock").await?;
    site.click(&format!(".volunteer-choice[data-name='{name}']"))
        .await?;
    site.wait_css("#desk-pin").await?.send_keys(pin).await?;
    site.click("#desk-unlock").await
}

/// Volunteer mode's desk on a liaison site's laptop (its own keyring): the first volunteer
/// registers and opens it; a second is added; the desk locks on demand, refuses a wrong PIN
/// with a message naming it, opens for the right one, locks itself when left idle, and is
/// locked again at the next start, where the site's log shows who did what.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn a_site_desk_opens_with_a_volunteers_pin_and_locks_when_left_idle() -> anyhow::Result<()> {
    // Long enough that a slow step under load is not taken for the desk left alone; the wait
    // for the lock (30 s at most) covers it.
    const IDLE_SECONDS: u32 = 15;
    let (site_dir, site_keyring) = (TempDir::new()?, TempDir::new()?);
    let offline = unreachable_url();
    let driver = Driver::start_with_own_keyring(4684, site_keyring.path())?;
    let site = driver
        .launch_site(site_dir.path(), &offline, IDLE_SECONDS)
        .await?;
    site.choose_language("en").await?;
    enable_site_mode(&site).await?;

    // A second volunteer; a PIN too short is refused, naming the field.
    site.input_text("#add-volunteer #volunteer-name", "Marco Rossi")
        .await?;
    site.input_text("#add-volunteer #new-pin", "1234").await?;
    site.input_text("#add-volunteer #new-pin-again", "1234")
        .await?;
    site.click("#register-volunteer").await?;
    site.wait_css("#add-volunteer .error-note[data-field='new-pin']")
        .await?;
    site.input_text("#add-volunteer #new-pin", MARCO_PIN)
        .await?;
    site.input_text("#add-volunteer #new-pin-again", MARCO_PIN)
        .await?;
    // Lucia, on duty, confirms with her own PIN; without it nobody is added.
    site.click("#register-volunteer").await?;
    site.wait_css("#add-volunteer .error-note[data-field='my-pin']")
        .await?;
    site.input_text("#add-volunteer #my-pin", LUCIA_PIN).await?;
    site.click("#register-volunteer").await?;
    site.wait_css("#volunteers .volunteer[data-name='Marco Rossi']")
        .await?;

    // Locked on demand: the whole window is the lock screen, wherever one goes.
    site.click("#lock-desk").await?;
    site.wait_css("#desk-lock").await?;
    assert_eq!(site.count("#site-info").await?, 0);
    site.click("button.brand").await?;
    site.wait_css("#desk-lock").await?;
    assert_eq!(
        site.count(".guide-card").await?,
        0,
        "nothing behind the lock"
    );

    // A wrong PIN is refused with a message that says so; the right one opens the desk.
    unlock_desk_as(&site, "Marco Rossi", "00000000").await?;
    site.wait_css("#desk-lock .error-note[data-field='pin']")
        .await?;
    unlock_desk_as(&site, "Marco Rossi", MARCO_PIN).await?;
    // Back where the desk was locked (the guides), with the lock at hand on every screen.
    site.wait_css(".guide-card").await?;
    site.wait_css("#lock-desk").await?;
    site.click("#open-site").await?;
    site.wait_css("#on-duty[data-volunteer='Marco Rossi']")
        .await?;

    // Left alone, the desk locks itself.
    tokio::time::sleep(std::time::Duration::from_secs(6)).await;
    site.wait_css("#desk-lock").await?;

    // At the next start it opens on the lock screen.
    site.close().await?;
    let site = driver
        .launch_site(site_dir.path(), &offline, IDLE_SECONDS)
        .await?;
    site.wait_css("#desk-lock").await?;
    unlock_desk_as(&site, "Lucia Bianchi", LUCIA_PIN).await?;
    site.wait_css("#on-duty[data-volunteer='Lucia Bianchi']")
        .await?;
    // The site's log: who opened and locked the desk, the wrong PIN, the idle lock.
    for action in [
        "volunteer-added",
        "locked",
        "pin-refused",
        "idle-locked",
        "unlocked",
    ] {
        site.wait_css(&format!(
            "#site-log .site-log-entries [data-action='{action}']"
        ))
        .await?;
    }
    // One wrong PIN at the lock (one not typed when Marco was added is not a guess).
    assert_eq!(
        site.text("#site-log .counts [data-action='pin-refused'] .count")
            .await?,
        "1"
    );
    // The laptop is not erased from its privacy page while it is a site's.
    site.click("button.brand").await?;
    site.click("#open-privacy").await?;
    site.click("#erase-all").await?;
    site.click("#confirm-erase").await?;
    site.wait_css(".error-note[data-field='site-mode']").await?;
    site.close().await
}

/// Every file under `dir` that holds one of `needles`, with the needle.
fn files_holding(dir: &std::path::Path, needles: &[&str]) -> Vec<(std::path::PathBuf, String)> {
    let mut found = vec![];
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_holding(&path, needles));
        } else if let Ok(bytes) = std::fs::read(&path) {
            for needle in needles {
                if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                    found.push((path.clone(), (*needle).to_owned()));
                }
            }
        }
    }
    found
}

/// Two walk-ins served back to back on a site's laptop (its own keyring), each in a session of
/// its own. The first fills in their details, is confirmed in person for the session's own key,
/// sends a hukou cancellation and, once it is delivered, the session ends and is wiped. The
/// second sees nothing of the first; with the city unreachable their application waits, the
/// session ends sealed, and once the city can be reached again it is sent and wiped. Nothing of
/// either person is left in the site's folder, and the site's key and volunteers remain.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn walk_ins_are_served_one_after_another_and_leave_nothing_behind() -> anyhow::Result<()> {
    let (site_dir, site_keyring) = (TempDir::new()?, TempDir::new()?);
    let mut backend = TestBackend::start().await?;
    backend
        .add_staff("admin-chen", ADMIN_PASSWORD, true)
        .await?;
    let auth = staff_token(&backend.url, "admin-chen", ADMIN_PASSWORD).await?;
    let driver = Driver::start_with_own_keyring(4694, site_keyring.path())?;
    let site = driver
        .launch_site(site_dir.path(), &backend.url, 300)
        .await?;
    site.choose_language("en").await?;
    let site_key = enable_site_mode(&site).await?;
    register_site(&backend.url, &auth, "prato", &site_key).await?;

    // The first walk-in: the consents read to them in Chinese while the desk speaks English,
    // their details, confirmed face to face, a hukou cancellation sent.
    site.click("#start-walk-in").await?;
    site.wait_css("#walk-in-bar").await?;
    site.click("#walk-in-read-consents").await?;
    site.click("#read-out-zh-CN").await?;
    site.wait_css("#read-out-text[lang='zh-CN']").await?;
    site.wait_text("#read-out-text", "清除").await?;
    site.wait_text("#read-out-title", "Read this").await?;
    for kind in ["sensitive-data", "cross-border"] {
        site.click(&format!("#agrees-{kind}")).await?;
        site.eventually("the consent kept", || async {
            site.checked(&format!("#agrees-{kind}")).await
        })
        .await?;
    }
    // The desk's administration is closed while the walk-in has the laptop.
    site.click("button.brand").await?;
    site.click("#open-site").await?;
    site.wait_css("#walk-in-active").await?;
    anyhow::ensure!(site.count("#volunteers").await? + site.count("#site-log").await? == 0);
    site.click("#back-to-walk-in").await?;
    fill_profile(&site).await?;
    site.click("#walk-in-identity").await?;
    site.wait_text("#walk-in-name-han", "王小明").await?;
    site.click("#checked-passport").await?;
    site.click("#checked-face-to-face").await?;
    site.click("#sign-walk-in").await?;
    site.wait_css("#walk-in-confirmed").await?;
    site.wait_css("#identity-level[data-level='onsite-attended']")
        .await?;
    site.click("button.brand").await?;
    send_hukou_cancellation(&site).await?;
    // And a question to the 12345 line, with a photo taken at the desk.
    let photos = TempDir::new()?;
    let photo = photos.path().join("bill.jpg");
    std::fs::write(
        &photo,
        homeward_core::materials::fixtures::phone_photo(1600, 1200),
    )?;
    site.click("button.brand").await?;
    answer_enquiry(&site).await?;
    site.wait_css("#field-attachment")
        .await?
        .send_keys(&photo.to_string_lossy())
        .await?;
    site.wait_css(".document img.thumb").await?;
    site.blur().await?;
    site.click("#check-answers").await?;
    site.click("#send-application").await?;
    confirm_send(&site).await?;
    site.eventually("delivered", || async {
        Ok(site.count(".send[data-state='delivered']").await? == 2)
    })
    .await?;
    // The receipt they leave with, in both languages and at both sizes.
    let out = homeward_tests::repo_root().join("target/screenshots");
    std::fs::create_dir_all(&out)?;
    site.click("#walk-in-receipt").await?;
    site.wait_css("#receipt .reference").await?;
    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        site.set_size(w, h).await?;
        for lang in LANGS {
            site.choose_language(lang).await?;
            site.screenshot(&out.join(format!("walk-in-receipt-{lang}-{size_name}.png")))
                .await?;
        }
    }
    let ticket = homeward_core::handover::read_ticket(
        &site.text("#receipt-code").await?,
        &site.text("#receipt-secret").await?,
    )?;
    anyhow::ensure!(backend.stored_submissions().await? == 2);
    // The session offers the hand-over on its own once everything has arrived.
    let http = reqwest::Client::new();
    let status_url = format!("{}/v1/handovers/{}/status", backend.url, ticket.code);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !http
        .post(&status_url)
        .json(&serde_json::json!({ "secret": ticket.secret }))
        .send()
        .await?
        .status()
        .is_success()
    {
        anyhow::ensure!(std::time::Instant::now() < deadline, "never offered");
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }

    // Still at the desk, the person's phone (another app) takes the applications over with the
    // receipt; the session on the laptop ends itself, wiped.
    let phone_dir = TempDir::new()?;
    let phone_driver = Driver::start(4704)?;
    let phone = phone_driver.launch(phone_dir.path(), &backend.url).await?;
    phone.choose_language("en").await?;
    phone.click("#open-outbox").await?;
    phone.input_text("#take-over-code", &ticket.code).await?;
    phone
        .input_text("#take-over-secret", &ticket.secret)
        .await?;
    phone.click("#take-over-submit").await?;
    phone
        .eventually("both applications taken over", || async {
            Ok(phone.count(".send[data-state='delivered']").await? == 2)
        })
        .await?;
    site.wait_css("#walk-in-handed-over").await?;
    let walk_ins = site_dir.path().join("walk-ins");
    wait_until_empty(&walk_ins).await?;

    // At home, the phone hears the office ask for more on the question, and answers.
    let console = Console::sign_in(&backend.url, "admin-chen", ADMIN_PASSWORD).await?;
    let reference = console.latest_reference().await?;
    let page = console
        .page(&format!("/console/applications/{reference}"))
        .await?;
    anyhow::ensure!(page.contains("id=\"assisted\""), "the site is named");
    anyhow::ensure!(page.contains("Lucia Bianchi"), "the volunteer is named");
    console
        .decide(&reference, "more-material-needed", "请补充一张更清晰的照片")
        .await?;
    phone
        .wait_css(".application[data-status='more-material-needed']")
        .await?;
    phone.click("#add-material").await?;
    let clearer = phone_dir.path().join("clearer.jpg");
    std::fs::write(
        &clearer,
        homeward_core::materials::fixtures::phone_photo(2000, 3000),
    )?;
    phone
        .wait_css("#field-attachment")
        .await?
        .send_keys(&clearer.to_string_lossy())
        .await?;
    phone
        .eventually("two documents", || async {
            Ok(phone.count(".document img.thumb").await? == 2)
        })
        .await?;
    phone.click("#check-answers").await?;
    phone.click("#send-application").await?;
    confirm_send(&phone).await?;
    phone
        .eventually("the revision is delivered", || async {
            Ok(phone.count(".send[data-state='delivered']").await? == 3)
        })
        .await?;
    anyhow::ensure!(backend.stored_submissions().await? == 3);
    phone.close().await?;

    // The second walk-in sees nothing of the first.
    backend.pause().await?;
    site.click("#start-walk-in").await?;
    site.wait_css("#walk-in-bar").await?;
    anyhow::ensure!(site.count(".draft-row").await? == 0, "no drafts");
    site.click("#open-identity").await?;
    site.wait_css("#identity-level[data-level='self-asserted']")
        .await?;
    site.click("#open-outbox").await?;
    site.wait_css("#outbox-title").await?;
    anyhow::ensure!(site.count(".send").await? == 0, "nothing sent");
    // Their question to the 12345 line, which needs no proof of identity, waits for the city;
    // the session ends sealed.
    site.click("button.brand").await?;
    fill_enquiry(&site).await?;
    site.click("#send-application").await?;
    confirm_send(&site).await?;
    end_walk_in(&site).await?;
    site.wait_css("#walk-in-sealed").await?;
    site.wait_css("#walk-ins-sealed[data-count='1']").await?;
    anyhow::ensure!(std::fs::read_dir(&walk_ins)?.count() == 1, "kept, sealed");

    // The city is back: the sealed session is sent, then wiped.
    backend.resume().await?;
    wait_until_empty(&walk_ins).await?;
    anyhow::ensure!(backend.stored_submissions().await? == 4);

    // Nothing of either person is left anywhere in the site's folder.
    let mut needles: Vec<&str> = HUKOU_ANSWERS.iter().map(|(_, v)| *v).collect();
    needles.extend(["王小明", "E12345678", "王𠀀明"]);
    let found = files_holding(site_dir.path(), &needles);
    anyhow::ensure!(found.is_empty(), "left behind: {found:?}");
    // The site keeps its volunteer and its key (the desk is where the session ended).
    site.wait_css("#volunteers .volunteer[data-name='Lucia Bianchi']")
        .await?;
    anyhow::ensure!(site.value("#site-public-key").await? == site_key);
    site.close().await?;
    backend.stop().await
}

/// A notice file for `homeward notices publish`: `kind`, for `countries` (everyone if none),
/// valid from an hour ago until `until` (`2026-12-08` or `2026-12-08T09:30:00Z`).
fn notice_file(
    dir: &std::path::Path,
    id: &str,
    kind: &str,
    countries: &[&str],
    until: &str,
    title: [(&str, &str); 6],
) -> anyhow::Result<String> {
    let path = dir.join(format!("{id}.toml"));
    let from = time::OffsetDateTime::now_utc() - time::Duration::hours(1);
    let countries: Vec<String> = countries.iter().map(|c| format!("{c:?}")).collect();
    let title: String = title
        .iter()
        .map(|(lang, text)| format!("{lang} = {text:?}\n"))
        .collect();
    std::fs::write(
        &path,
        format!(
            "id = {id:?}\nkind = {kind:?}\ncountries = [{}]\nvalid_from = \"{}\"\nvalid_until = {until:?}\n\
             [title]\n{title}[body]\nzh-CN = \"请留意当地政府发布的信息。\"\nen = \"Follow what the local authorities announce.\"\n\
             zh-TW = \"請留意當地政府發布的信息。\"\nit = \"Segua le indicazioni delle autorità locali.\"\n\
             fr = \"Suivez les annonces des autorités locales.\"\nes = \"Siga los avisos de las autoridades locales.\"\n",
            countries.join(", "),
            utc_text(from),
        ),
    )?;
    Ok(path.to_string_lossy().into_owned())
}

/// `t` as a notice file writes an instant.
fn utc_text(t: time::OffsetDateTime) -> String {
    t.replace_nanosecond(0)
        .expect("a whole second")
        .format(&time::format_description::well_known::Rfc3339)
        .expect("formats")
}

/// A safety alert for Italy, signed by the consular key and published with the command line,
/// reaches the person who lives in Italy as a system notification, on the notices screen and
/// on the home screen, and not the person in France; a notice that ends disappears; a feed
/// edited in the backend's database is refused and the last good one stays. Screenshots:
/// `target/screenshots/notices-*`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn a_safety_alert_for_italy_reaches_the_person_in_italy_and_no_one_else() -> anyhow::Result<()>
{
    use homeward_tests::backend::run_cli;
    let backend = TestBackend::start().await?;
    backend
        .add_staff("admin-zhou", ADMIN_PASSWORD, true)
        .await?;
    let token = staff_token(&backend.url, "admin-zhou", ADMIN_PASSWORD).await?;
    let files = TempDir::new()?;
    let tomorrow = utc_text(time::OffsetDateTime::now_utc() + time::Duration::days(1));
    let strike = notice_file(
        files.path(),
        "milan-strike",
        "safety-alert",
        &["IT"],
        &tomorrow,
        [
            ("zh-CN", "米兰明日大罢工"),
            ("en", "General strike in Milan tomorrow"),
            ("zh-TW", "米蘭明日大罷工"),
            ("it", "Domani sciopero generale a Milano"),
            ("fr", "Grève générale à Milan demain"),
            ("es", "Huelga general en Milán mañana"),
        ],
    )?;
    let url = backend.url.clone();
    run_cli(
        &token,
        &[
            "notices",
            "--backend",
            &url,
            "publish",
            &strike,
            "--key",
            "catalog/keys/sample-consular-key.secret",
        ],
    )?;
    // A change for everyone that ends a minute from now, from the city.
    let ends = time::OffsetDateTime::now_utc() + time::Duration::seconds(60);
    let hours = notice_file(
        files.path(),
        "counter-hours",
        "service-change",
        &[],
        &utc_text(ends),
        [
            ("zh-CN", "出入境窗口今日延时服务"),
            ("en", "The exit-entry counter is open late today"),
            ("zh-TW", "出入境窗口今日延時服務"),
            (
                "it",
                "Oggi lo sportello per l'espatrio e l'ingresso resta aperto più a lungo",
            ),
            (
                "fr",
                "Le guichet des entrées et sorties ferme plus tard aujourd'hui",
            ),
            (
                "es",
                "Hoy la ventanilla de entradas y salidas cierra más tarde",
            ),
        ],
    )?;
    run_cli(&token, &["notices", "--backend", &url, "publish", &hours])?;

    // The person in Italy: before they say where they live, only the notice for everyone.
    let notifications = NotificationWatch::start()?;
    let data = TempDir::new()?;
    let driver = Driver::start(4714)?;
    let app = driver.launch(data.path(), &url).await?;
    app.choose_language("en").await?;
    app.wait_text("#open-notices", "1 notice").await?;
    app.click("#open-notices").await?;
    app.wait_css("#notices-title").await?;
    app.wait_css(".notice-card[data-id='counter-hours']")
        .await?;
    anyhow::ensure!(
        app.count(".notice-card[data-id='milan-strike']").await? == 0,
        "no alert for Italy before the person says they live there"
    );
    app.wait_css("#residence-country")
        .await?
        .select_by_value("IT")
        .await?;
    app.wait_text(
        ".notice-card[data-id='milan-strike'][data-kind='safety-alert'] h2",
        "General strike in Milan tomorrow",
    )
    .await?;
    app.wait_text(
        ".notice-card[data-id='milan-strike']",
        "Consular protection",
    )
    .await?;
    app.eventually("a system notification for the alert", || async {
        Ok(notifications.seen("General strike in Milan tomorrow"))
    })
    .await?;
    let out = homeward_tests::repo_root().join("target/screenshots");
    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        app.set_size(w, h).await?;
        for lang in LANGS {
            app.choose_language(lang).await?;
            app.wait_css(".notice-card[data-id='milan-strike']").await?;
            app.screenshot(&out.join(format!("notices-{lang}-{size_name}.png")))
                .await?;
            app.click("button.brand").await?;
            app.wait_css("#alert-banner li[data-id='milan-strike']")
                .await?;
            app.screenshot(&out.join(format!("home-alert-{lang}-{size_name}.png")))
                .await?;
            app.click("#open-notices").await?;
        }
    }
    app.choose_language("en").await?;

    // Someone with the backend's database moves the alert's end to next year without the
    // consular key: the app refuses the feed and keeps the last good one.
    let db = backend.database().await?;
    let feeds = db.notice_feeds().await?;
    let consular = feeds
        .iter()
        .find(|f| {
            f.body
                .contains(&format!("\"key_id\":\"{}\"", consular_key_id()))
        })
        .ok_or_else(|| anyhow::anyhow!("the consular feed is stored"))?;
    let mut signed: homeward_domain::catalog::SignedPack = serde_json::from_str(&consular.body)?;
    {
        use base64::Engine as _;
        let b64 = base64::engine::general_purpose::STANDARD;
        let payload = String::from_utf8(b64.decode(&signed.payload)?)?
            .replace("General strike in Milan tomorrow", "All clear in Milan");
        signed.payload = b64.encode(payload);
    }
    db.put_notice_feed(
        homeward_backend::storage::NoticeFeedRow {
            body: serde_json::to_string(&signed)?,
            version: consular.version + 1,
            ..consular.clone()
        },
        8,
    )
    .await?;
    // Choosing again makes the app check at once rather than at its next round.
    let select = app.wait_css("#residence-country").await?;
    select.select_by_value("FR").await?;
    app.wait_gone(".notice-card[data-id='milan-strike']")
        .await?;
    app.wait_css("#residence-country")
        .await?
        .select_by_value("IT")
        .await?;
    app.wait_css("#notices-refused").await?;
    app.wait_text(
        ".notice-card[data-id='milan-strike'] h2",
        "General strike in Milan tomorrow",
    )
    .await?;
    anyhow::ensure!(
        !app.text("#main").await?.contains("All clear"),
        "nothing of the tampered feed is shown"
    );

    // The notice for everyone ends: it is listed no more, with or without a connection.
    let wait = ends - time::OffsetDateTime::now_utc() + time::Duration::seconds(1);
    if wait.is_positive() {
        tokio::time::sleep(std::time::Duration::from_secs_f64(wait.as_seconds_f64())).await;
    }
    app.click("button.brand").await?;
    app.click("#open-notices").await?;
    app.wait_css(".notice-card[data-id='milan-strike']").await?;
    anyhow::ensure!(
        app.count(".notice-card[data-id='counter-hours']").await? == 0,
        "an ended notice is not listed"
    );
    app.close().await?;

    // The person in France gets no notification and no alert, only what concerns them.
    let notifications = NotificationWatch::start()?;
    let data = TempDir::new()?;
    let app = driver.launch(data.path(), &url).await?;
    app.choose_language("en").await?;
    app.click("#open-notices").await?;
    app.wait_css("#residence-country")
        .await?
        .select_by_value("FR")
        .await?;
    app.wait_css("#notices-empty").await?;
    app.wait_text("#notices-empty", "France").await?;
    app.click("button.brand").await?;
    app.wait_css(".guide-card").await?;
    anyhow::ensure!(
        app.count("#alert-banner").await? == 0,
        "no alert banner in France"
    );
    anyhow::ensure!(
        !notifications.seen("Milan"),
        "no notification for an alert in Italy"
    );
    app.close().await?;
    Ok(())
}

/// The key id of the sample consular key, as its feeds carry it.
fn consular_key_id() -> String {
    let secret = std::fs::read_to_string(
        homeward_tests::repo_root().join("catalog/keys/sample-consular-key.secret"),
    )
    .expect("the sample consular key");
    let key = homeward_core::catalog::parse_signing_key(&secret).expect("a signing key");
    homeward_core::catalog::key_id(&key.verifying_key())
}

/// The help page lists China's embassy and consulates for the country the person chooses
/// there, each with its number to call and the page it was read from; offline, from the
/// catalogue. Screenshots: `target/screenshots/missions-*`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn the_help_page_lists_the_embassy_and_consulates_where_the_person_lives(
) -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let driver = Driver::start(4724)?;
    let app = driver.launch(data.path(), &unreachable_url()).await?;
    app.choose_language("en").await?;
    app.click("#open-contacts").await?;
    app.wait_text("#missions-empty", "Choose the country you live in")
        .await?;
    app.wait_css("#residence-country")
        .await?
        .select_by_value("IT")
        .await?;
    app.wait_css(".mission[data-kind='embassy']").await?;
    app.wait_text(".mission[data-kind='embassy'] .action", "+39")
        .await?;
    app.wait_text(
        ".mission[data-kind='embassy'] .source-note",
        "Source, dated",
    )
    .await?;
    anyhow::ensure!(
        app.count("#missions-empty").await? == 0,
        "Italy's missions are listed"
    );
    let out = homeward_tests::repo_root().join("target/screenshots");
    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        app.set_size(w, h).await?;
        for lang in LANGS {
            app.choose_language(lang).await?;
            app.wait_css(".mission[data-kind='embassy']").await?;
            app.screenshot(&out.join(format!("missions-{lang}-{size_name}.png")))
                .await?;
        }
    }
    // The same choice is the notices' country: one choice, kept on the device.
    app.click("button.brand").await?;
    app.click("#open-notices").await?;
    anyhow::ensure!(
        app.value("#residence-country").await? == "IT",
        "the country chosen on the help page is the notices' country too"
    );
    app.close().await?;
    Ok(())
}

/// A person deals with two home cities: an application sent to Wenzhou, then, after switching
/// to Fuzhou, Fuzhou's own guides, help line and stations, and a Fuzhou draft. Both drafts are
/// listed with their city; Wenzhou's answer still arrives from Wenzhou's backend while Fuzhou is
/// current, and each backend holds only its own city's application. Screenshots:
/// `target/screenshots/city-switch-*` and `home-two-cities-*`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn a_person_with_applications_in_wenzhou_and_fuzhou_sees_both_and_each_citys_help(
) -> anyhow::Result<()> {
    let data = TempDir::new()?;
    let wenzhou = TestBackend::start().await?;
    wenzhou
        .add_staff("officer-li", STAFF_PASSWORD, false)
        .await?;
    let fuzhou_pack =
        std::fs::read(homeward_tests::repo_root().join("catalog/fuzhou/pack.signed"))?;
    let fuzhou = TestBackend::start_serving(&fuzhou_pack).await?;
    let driver = Driver::start(4734)?;
    let backends = format!("wenzhou={},fuzhou={}", wenzhou.url, fuzhou.url);
    let app = driver.launch(data.path(), &backends).await?;
    app.choose_language("en").await?;
    app.wait_text("#switch-city", "Wenzhou").await?;
    app.wait_text(".hero .lead", "Wenzhou").await?;

    // An application to Wenzhou, delivered there.
    let (console, reference) = send_enquiry(&app, &wenzhou).await?;

    // Switching to Fuzhou: its catalogue, its help line, its stations, its backend.
    app.click("button.brand").await?;
    app.click("#switch-city").await?;
    app.wait_css(".city.current[data-id='wenzhou']").await?;
    let out = homeward_tests::repo_root().join("target/screenshots");
    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        app.set_size(w, h).await?;
        for lang in LANGS {
            app.choose_language(lang).await?;
            if let Some(title) = in_both(lang, "切换", "Switch") {
                app.wait_text("#city-picker h1", title).await?;
            }
            app.screenshot(&out.join(format!("city-switch-{lang}-{size_name}.png")))
                .await?;
        }
    }
    app.click("#choose-city-fuzhou").await?;
    app.wait_text("#switch-city", "Fuzhou").await?;
    app.wait_text(".hero .lead", "Fuzhou").await?;
    app.wait_css(".guide-card[data-guide='driving-licence-renewal']")
        .await?;
    anyhow::ensure!(
        app.count(".guide-card[data-guide='academic-credential-verification']")
            .await?
            == 0,
        "Fuzhou's catalogue is its own, not Wenzhou's"
    );
    app.click("#open-contacts").await?;
    app.wait_text(".help-line[data-id='fuzhou-overseas-110']", "591")
        .await?;
    anyhow::ensure!(
        app.count(".site[data-id='milan']").await? == 0,
        "Wenzhou's liaison sites are not Fuzhou's"
    );
    app.click("button.brand").await?;
    app.click("#open-privacy").await?;
    app.wait_text("#home-city", "Fuzhou").await?;
    app.wait_text("#backend-address", &fuzhou.url).await?;

    // A Fuzhou draft beside the Wenzhou application.
    app.click("button.brand").await?;
    app.click(".guide-card[data-guide='driving-licence-renewal']")
        .await?;
    app.click("#start-draft").await?;
    app.wait_text(".draft .eyebrow", "Fuzhou").await?;
    app.type_and_wait_saved("#field-full-name", "林福明")
        .await?;
    app.click("button.brand").await?;
    app.wait_css("#my-drafts .row-city[data-city='fuzhou']")
        .await?;
    app.wait_css("#my-drafts .row-city[data-city='wenzhou']")
        .await?;
    anyhow::ensure!(
        app.count("#my-drafts .draft-row").await? == 2,
        "both cities' drafts are listed"
    );
    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        app.set_size(w, h).await?;
        for lang in LANGS {
            app.choose_language(lang).await?;
            app.wait_css("#my-drafts .row-city").await?;
            app.client.execute("window.scrollTo(0, 0)", vec![]).await?;
            app.screenshot(&out.join(format!("home-two-cities-{lang}-{size_name}.png")))
                .await?;
        }
    }

    // Wenzhou's answer reaches the person while Fuzhou is the current city.
    console.decide(&reference, "approved", "").await?;
    app.click("#open-outbox").await?;
    app.wait_css(".application[data-status='approved']").await?;
    app.wait_text(".application", "12345 hotline").await?;
    app.wait_text(".application .row-city", "Wenzhou").await?;

    // Each backend holds its own city's application only.
    anyhow::ensure!(wenzhou.stored_submissions().await? == 1);
    anyhow::ensure!(fuzhou.stored_submissions().await? == 0);
    app.close().await?;
    wenzhou.stop().await?;
    fuzhou.stop().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "drives the real app: run by `cargo xtask test`"]
async fn the_person_asks_with_a_photo_and_the_office_answers_with_a_document_the_app_saves(
) -> anyhow::Result<()> {
    use homeward_tests::RESULT_PDF;
    let out = homeward_tests::repo_root().join("target/screenshots");
    let (data, backend, driver, app) = online_in_english(4744).await?;
    let (console, reference) = send_enquiry(&app, &backend).await?;

    // The question is kept as it is typed: a kill does not lose it.
    let question = "Is a scan of my passport enough? 护照扫描件可以吗？";
    app.wait_css(".conversation .message-text")
        .await?
        .send_keys(question)
        .await?;
    app.eventually("the question is saved as typed", || async {
        let core_has = app.value(".conversation .message-text").await? == question;
        Ok(core_has && app.count(".conversation .error-note").await? == 0)
    })
    .await?;
    // One more moment for the last keystroke's save to land before the process dies.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    app.kill().await?;
    let app = driver.launch(data.path(), &backend.url).await?;
    app.click("#open-outbox").await?;
    app.eventually("the question typed before the kill is back", || async {
        Ok(app.value(".conversation .message-text").await? == question)
    })
    .await?;

    // A photo goes with it; Send puts it in the outbox, and it arrives once.
    let photo = data.path().join("passport-scan.jpg");
    std::fs::write(
        &photo,
        homeward_core::materials::fixtures::phone_photo(2400, 1600),
    )?;
    app.wait_css(".conversation .message-file")
        .await?
        .send_keys(&photo.to_string_lossy())
        .await?;
    app.wait_text(".compose .attachment", "passport-scan.jpg")
        .await?;
    app.click(".conversation .send-message").await?;
    app.wait_css(".message.mine[data-state='delivered']")
        .await?;
    app.wait_text(".message.mine .words", "护照扫描件").await?;
    anyhow::ensure!(
        app.value(".conversation .message-text").await?.is_empty(),
        "Send clears what was written"
    );

    // The officer reads it in the console and answers with the result.
    let thread = console
        .page(&format!("/console/applications/{reference}/conversation"))
        .await?;
    anyhow::ensure!(thread.contains("护照扫描件可以吗"), "the question is there");
    anyhow::ensure!(thread.contains("passport-scan.jpg"), "with its photo");
    let answered = console
        .reply(
            &reference,
            "可以。办理结果见附件。",
            Some(("办理结果.pdf", RESULT_PDF)),
        )
        .await?;
    anyhow::ensure!(answered == 303, "the reply was refused: {answered}");

    // The app shows the answer, marked as the officer's words, and saves the document.
    app.wait_text(".message.office .words", "办理结果见附件")
        .await?;
    app.wait_text(".message.office .officer-words", "officer's own words")
        .await?;
    app.wait_text(".office-document .file-name", "办理结果.pdf")
        .await?;
    app.click(".office-document .save-document").await?;
    let saved = app.wait_css(".office-document .saved-file").await?;
    let path = saved
        .attr("data-path")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no path"))?;
    anyhow::ensure!(
        std::fs::read(&path)? == RESULT_PDF,
        "the saved file is the office's document"
    );
    anyhow::ensure!(
        path.contains(&reference),
        "named after the application: {path}"
    );

    // A structured request reads in the person's language, whichever it is.
    let asked = console
        .submit_form(
            &format!("/console/applications/{reference}"),
            &format!("/console/applications/{reference}/decision"),
            &[
                ("status", "more-material-needed"),
                ("want:attachment", "on"),
                ("reason", "expired"),
            ],
        )
        .await?;
    anyhow::ensure!(asked == 303, "the request was refused: {asked}");
    app.wait_css(".application[data-status='more-material-needed']")
        .await?;
    for (lang, reason) in [("en", "out of date"), ("zh-CN", "有效期")] {
        app.choose_language(lang).await?;
        app.wait_text("#material-request .request-reason", reason)
            .await?;
    }

    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        app.set_size(w, h).await?;
        for lang in LANGS {
            app.choose_language(lang).await?;
            if let Some(title) = in_both(lang, "留言", "Messages") {
                app.wait_text(".conversation h3", title).await?;
            }
            let thread = serde_json::to_value(app.wait_css(".conversation .thread").await?)?;
            app.client
                .execute(
                    "arguments[0].scrollIntoView({block: 'center'})",
                    vec![thread],
                )
                .await?;
            app.screenshot(&out.join(format!("conversation-{lang}-{size_name}.png")))
                .await?;
        }
    }

    // The console's thread, in the same webview, as staff see it.
    for (size_name, (w, h)) in [("phone", (390, 844)), ("desktop", (1280, 800))] {
        app.set_size(w, h).await?;
        for lang in LANGS {
            sign_in_to_console(&app, &backend.url, lang, "officer-li").await?;
            app.wait_css("#applications").await?;
            app.client
                .goto(&format!(
                    "{}/console/applications/{reference}/conversation",
                    backend.url
                ))
                .await?;
            app.wait_css("#thread .message.from-office").await?;
            app.screenshot(&out.join(format!("console-thread-{lang}-{size_name}.png")))
                .await?;
            app.click("header form button").await?;
            app.wait_css("#username").await?;
        }
    }
    app.close().await?;
    backend.stop().await?;
    Ok(())
}

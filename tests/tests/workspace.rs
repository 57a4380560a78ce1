//! Checks over the whole repository: translations, the bundled catalogue, dependency rules.

use std::collections::BTreeSet;
use std::path::Path;

use homeward_domain::Lang;
use homeward_tests::repo_root;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The app's own code: what it shows must be among the messages it carries.
const APP_CODE: [&str; 4] = [
    "src-ui/src",
    "src-tauri/src",
    "crates/core/src",
    "crates/catalog/src",
];

/// Keys code passes to a translation call or marks with `key(…)`.
fn keys_used_in_code() -> BTreeSet<String> {
    keys_used_in(&[
        "src-ui/src",
        "src-tauri/src",
        "crates/cli/src",
        "crates/core/src",
        "crates/backend/src",
    ])
}

fn keys_used_in(dirs: &[&str]) -> BTreeSet<String> {
    let call = regex::Regex::new(
        r#"\b(?:t|t_args|tr|tr_args|key)\(\s*(?:[a-z_]+,\s*)?"([a-z][a-z0-9-]*)""#,
    )
    .expect("pattern");
    let mut files = vec![];
    for dir in dirs {
        rust_files(&repo_root().join(dir), &mut files);
    }
    let mut keys = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        keys.extend(call.captures_iter(&text).map(|c| c[1].to_owned()));
    }
    keys
}

fn dynamic_keys() -> BTreeSet<String> {
    use homeward_domain::catalog::Category;
    use homeward_domain::check::CheckCode;
    use homeward_domain::ErrorCode;
    Category::ALL
        .iter()
        .map(|c| format!("category-{}", c.slug()))
        .chain(ErrorCode::ALL.iter().map(|c| format!("error-{}", c.slug())))
        .chain(CheckCode::ALL.iter().map(|c| format!("check-{}", c.slug())))
        .chain(
            homeward_domain::api::FIELDS_WITH_MESSAGES
                .iter()
                .map(|f| format!("field-error-{f}")),
        )
        .chain(
            homeward_domain::sync::ApplicationStatus::ALL
                .iter()
                .map(|s| format!("application-status-{}", s.slug())),
        )
        .chain(
            homeward_domain::desk::SiteAction::ALL
                .iter()
                .map(|a| format!("site-action-{}", a.slug())),
        )
        .chain(
            homeward_domain::sync::AccessAction::ALL
                .iter()
                .map(|a| format!("console-access-{}", a.slug())),
        )
        .chain(
            homeward_domain::sync::StaffRole::ALL
                .iter()
                .map(|r| format!("console-role-{}", r.slug())),
        )
        .chain(
            homeward_domain::notice::RESIDENCE_COUNTRIES
                .iter()
                .map(|c| format!("country-{}", c.to_ascii_lowercase())),
        )
        .chain(
            homeward_domain::notice::NoticeKind::ALL
                .iter()
                .map(|k| format!("notice-kind-{}", k.slug())),
        )
        .chain(
            homeward_domain::catalog::MissionKind::ALL
                .iter()
                .map(|k| format!("mission-kind-{}", k.slug())),
        )
        .chain(
            homeward_domain::sync::RequestReason::ALL
                .iter()
                .map(|r| format!("request-reason-{}", r.slug())),
        )
        .collect()
}

#[test]
fn every_key_is_translated_and_used() {
    let used: BTreeSet<String> = keys_used_in_code()
        .union(&dynamic_keys())
        .cloned()
        .collect();
    assert!(used.len() > 20, "the key scan found too little: {used:?}");
    for lang in Lang::ALL {
        let (defined, errors) = homeward_i18n::defined_keys(lang);
        assert!(errors.is_empty(), "{lang}: {errors:?}");
        let defined: BTreeSet<String> = defined.into_iter().collect();
        let missing: Vec<_> = used.difference(&defined).collect();
        let unused: Vec<_> = defined
            .iter()
            .filter(|k| !used.contains(*k))
            .filter(|k| {
                !homeward_i18n::DYNAMIC_FAMILIES
                    .iter()
                    .any(|f| k.starts_with(f))
            })
            .collect();
        assert!(
            missing.is_empty(),
            "locales/{lang} lacks keys used in code: {missing:?}"
        );
        assert!(
            unused.is_empty(),
            "locales/{lang} has keys no code uses: {unused:?}"
        );
        let stray: Vec<_> = defined
            .iter()
            .filter(|k| {
                homeward_i18n::DYNAMIC_FAMILIES
                    .iter()
                    .any(|f| k.starts_with(f))
            })
            .filter(|k| !used.contains(*k))
            .collect();
        assert!(
            stray.is_empty(),
            "locales/{lang} has keys of no known category or code: {stray:?}"
        );
    }
}

/// The app carries its own messages without the console's and the command line's: every key
/// its code shows, and every key of a family it fills in at run time, is among them.
#[test]
fn the_app_carries_every_message_it_shows() {
    let back_office = ["console-access-", "console-role-"];
    let shown: BTreeSet<String> = keys_used_in(&APP_CODE)
        .into_iter()
        .chain(
            dynamic_keys()
                .into_iter()
                .filter(|k| !back_office.iter().any(|b| k.starts_with(b))),
        )
        .collect();
    assert!(shown.len() > 100, "the key scan found too little");
    for lang in Lang::ALL {
        let carried: BTreeSet<String> = homeward_i18n::app_keys(lang).into_iter().collect();
        let missing: Vec<_> = shown.difference(&carried).collect();
        assert!(
            missing.is_empty(),
            "the app's {lang} messages lack {missing:?}"
        );
        let (every, _) = homeward_i18n::defined_keys(lang);
        assert!(
            carried.len() < every.len(),
            "the back office's are left out"
        );
    }
}

#[test]
fn the_bundled_pack_is_built_from_the_current_sources_and_signed() {
    use homeward_core::catalog;
    let pack = catalog::source::load_dir(&repo_root().join("catalog")).unwrap_or_else(|problems| {
        let list: String = problems.iter().map(|p| format!("{p}\n")).collect();
        panic!("catalog problems:\n{list}")
    });
    let bundled = catalog::bundled().expect("the bundled pack verifies with the trusted key");
    assert!(
        bundled.pack() == &pack,
        "catalog/pack.signed is stale: run `cargo run -p homeward-cli -- catalog pack`"
    );
    let public = std::fs::read_to_string(repo_root().join("catalog/keys/content-key.pub"))
        .expect("public key");
    assert_eq!(public.trim(), catalog::TRUSTED_KEY_HEX.trim());
}

/// Every listed city with a catalogue in the repository carries it built from its sources and
/// signed with the key the city list names for it.
#[test]
fn each_city_bundles_its_own_catalogue_signed_with_its_own_key() {
    use homeward_core::catalog;
    let cities = catalog::bundled_cities().expect("the bundled city list verifies");
    for (id, dir) in [("wenzhou", "catalog"), ("fuzhou", "catalog/fuzhou")] {
        let city = cities
            .cities
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("{id} is listed"));
        let pack = catalog::source::load_dir(&repo_root().join(dir)).unwrap_or_else(|problems| {
            let list: String = problems.iter().map(|p| format!("{p}\n")).collect();
            panic!("{dir} problems:\n{list}")
        });
        let bundled = catalog::bundled_for(city)
            .expect("the pack verifies with the city's own key")
            .expect("a pack is bundled");
        assert!(
            bundled.pack() == &pack,
            "{dir}/pack.signed is stale: run `cargo run -p homeward-cli -- catalog pack \
             --dir {dir}` with the city's key"
        );
    }
    let other = catalog::bundled_for(&homeward_domain::city::HomeCity {
        content_key: cities.cities[0].content_key.clone(),
        ..cities.cities[1].clone()
    });
    assert!(
        other.is_err(),
        "a city's pack does not verify under another city's key"
    );
}

/// Which of our crates each crate may depend on (the README's dependency rules).
#[test]
fn crates_depend_only_on_what_the_design_allows() {
    let allowed: &[(&str, &[&str])] = &[
        ("crates/domain", &[]),
        ("crates/i18n", &["homeward-domain"]),
        ("crates/catalog", &["homeward-domain"]),
        ("crates/keys", &[]),
        (
            "crates/core",
            &[
                "homeward-domain",
                "homeward-i18n",
                "homeward-catalog",
                "homeward-keys",
            ],
        ),
        (
            "crates/backend",
            &["homeward-domain", "homeward-i18n", "homeward-catalog"],
        ),
        (
            "crates/cli",
            &["homeward-domain", "homeward-i18n", "homeward-catalog"],
        ),
        ("src-tauri", &["homeward-domain", "homeward-core"]),
        ("src-ui", &["homeward-domain", "homeward-i18n"]),
    ];
    for (dir, ok) in allowed {
        let manifest =
            std::fs::read_to_string(repo_root().join(dir).join("Cargo.toml")).expect("manifest");
        let value: toml_lite::Table = toml_lite::parse(&manifest);
        for dep in value
            .dependencies
            .iter()
            .filter(|d| d.starts_with("homeward-"))
        {
            assert!(ok.contains(&dep.as_str()), "{dir} must not depend on {dep}");
        }
    }
}

/// The content team's and operators' command line links none of the app's heavy stacks: no
/// SQLCipher (nor the OpenSSL it is built with), no keyring, no PDF or image code.
#[test]
fn the_command_line_links_no_database_keyring_or_pdf_stack() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["tree", "--offline", "-p", "homeward-cli", "-e", "normal"])
        .args(["--prefix", "none", "--format", "{p}"])
        .current_dir(repo_root())
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    let linked: BTreeSet<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(linked.contains("homeward-catalog"), "the tree is read");
    for heavy in [
        "homeward-core",
        "homeward-keys",
        "rusqlite",
        "libsqlite3-sys",
        "openssl-sys",
        "keyring",
        "krilla",
        "image",
    ] {
        assert!(!linked.contains(heavy), "homeward links {heavy}");
    }
}

/// The wire contract is stated once: every path of the API and of the console, and every header
/// name of the API, is a string literal in exactly one source file that is not a test.
#[test]
fn each_path_and_header_name_is_written_in_one_place() {
    use homeward_domain::wire::{header, path, tus};
    let mut files = vec![];
    for dir in ["crates", "src-tauri/src", "src-ui/src", "xtask/src"] {
        rust_files(&repo_root().join(dir), &mut files);
    }
    let is_test = |f: &Path| {
        let s = f.to_string_lossy();
        s.contains("/tests/") || s.ends_with("tests.rs") || s.contains("/benches/")
    };
    let headers: BTreeSet<&str> = header::ALL.into_iter().chain(tus::header::ALL).collect();
    let literal =
        regex::Regex::new(r#""(/v1/[^"]*|/console[^"]*|/healthz|/openapi\.json|[a-z-]+)""#)
            .expect("pattern");
    let mut places: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
    for file in files.iter().filter(|f| !is_test(f)) {
        let text = std::fs::read_to_string(file).expect("source");
        for found in literal.captures_iter(&text) {
            let literal = &found[1];
            if literal.starts_with('/') || headers.contains(literal) {
                let name = file.strip_prefix(repo_root()).unwrap_or(file);
                places
                    .entry(literal.to_owned())
                    .or_default()
                    .insert(name.display().to_string());
            }
        }
    }
    for p in path::ALL.into_iter().chain(headers.iter().copied()) {
        assert!(
            places.contains_key(p),
            "{p} is not found where it is stated"
        );
    }
    let repeated: Vec<_> = places.iter().filter(|(_, f)| f.len() > 1).collect();
    assert!(
        repeated.is_empty(),
        "written in more than one file: {repeated:?}"
    );
}

/// Just enough TOML reading for dependency names, to keep the test free of another parser.
mod toml_lite {
    pub struct Table {
        pub dependencies: Vec<String>,
    }

    pub fn parse(text: &str) -> Table {
        let mut section = String::new();
        let mut dependencies = vec![];
        for line in text.lines().map(str::trim) {
            if line.starts_with('[') {
                section = line.trim_matches(|c| c == '[' || c == ']').to_owned();
            } else if section == "dependencies" || section.ends_with(".dependencies") {
                if let Some((name, _)) = line.split_once('=') {
                    dependencies.push(name.trim().split('.').next().unwrap_or("").to_owned());
                }
            }
        }
        Table { dependencies }
    }
}

/// `unsafe` is denied workspace-wide; the one block allowed is the app's hand-back of freed
/// memory. Any other fails here, so it cannot slip in behind an `allow`.
#[test]
fn unsafe_code_stands_in_one_place() {
    let mut files = vec![];
    for dir in [
        "crates",
        "src-tauri/src",
        "src-ui/src",
        "xtask/src",
        "tests",
        "fuzz",
    ] {
        rust_files(&repo_root().join(dir), &mut files);
    }
    let mut found = BTreeSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("source");
        if text.contains("unsafe {") || text.contains("unsafe fn") || text.contains("unsafe_code") {
            let name = file.strip_prefix(repo_root()).unwrap_or(file);
            found.insert(name.to_string_lossy().into_owned());
        }
    }
    found.remove("tests/tests/workspace.rs");
    assert_eq!(
        found,
        BTreeSet::from(["src-tauri/src/memory.rs".to_owned()]),
        "unsafe code outside the one place allowed"
    );
}

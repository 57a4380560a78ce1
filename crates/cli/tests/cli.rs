//! The `homeward` binary, run as a person or a script would.

use std::process::Command;

fn homeward(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_homeward"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("run homeward");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn check(kind: &str, value: &str) -> (i32, serde_json::Value) {
    let (code, stdout) = homeward(&["check-field", kind, value, "--json"]);
    (code, serde_json::from_str(&stdout).expect("JSON output"))
}

#[test]
fn check_field_accepts_valid_values_of_every_type_and_normalises_them() {
    for (kind, value, normalized) in [
        ("id-card", "11010519491231002x", "11010519491231002X"),
        ("passport", "e 1234 5678", "E12345678"),
        ("hk-macao-permit", "C12345678", "C12345678"),
        ("taiwan-permit", "l12345678", "L12345678"),
        ("phone", "0039 333 123 4567", "+393331234567"),
        ("email", "Wang@Example.COM", "Wang@example.com"),
        ("date", "1985/6/15", "1985-06-15"),
        ("person-name", "王𠀀明", "王𠀀明"),
    ] {
        let (code, json) = check(kind, value);
        assert_eq!(code, 0, "{kind} {value}: {json}");
        assert_eq!(json["valid"], true);
        assert_eq!(json["normalized"], normalized, "{kind} {value}");
        assert!(json["reason"].is_null());
    }
}

#[test]
fn check_field_refuses_invalid_values_of_every_type_with_a_reason() {
    for (kind, value, reason) in [
        ("id-card", "110105194912310021", "id-card-checksum"),
        ("passport", "G12345678", "passport-format"),
        ("hk-macao-permit", "12345678", "hk-macao-permit-format"),
        ("taiwan-permit", "T12345678", "taiwan-permit-format"),
        ("phone", "333 123 4567", "phone-needs-country-code"),
        ("email", "wang@", "email-format"),
        ("date", "2023-02-29", "date-format"),
        ("birth-date", "2999-01-01", "date-in-future"),
        ("expiry-date", "2001-01-01", "document-expired"),
        ("id-card", "", "required"),
    ] {
        let (code, json) = check(kind, value);
        assert_eq!(code, 1, "{kind} {value:?}: {json}");
        assert_eq!(json["valid"], false);
        assert_eq!(json["reason"]["code"], reason, "{kind} {value:?}");
        assert!(json["reason"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
    }
}

#[test]
fn check_field_explains_itself_in_chinese() {
    let (code, stdout) = homeward(&["--lang", "zh-CN", "check-field", "passport", "X1"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("护照号码"), "{stdout}");
}

#[test]
fn an_unknown_type_is_an_error_that_lists_the_types() {
    let out = Command::new(env!("CARGO_BIN_EXE_homeward"))
        .args(["check-field", "shoe-size", "42"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("id-card"));
}

#[test]
fn catalog_search_prints_json_with_titles_in_both_languages() {
    let (code, stdout) = homeward(&[
        "catalog",
        "search",
        "proof of life",
        "--lang",
        "en",
        "--json",
    ]);
    assert_eq!(code, 0);
    let hits: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let first = &hits[0];
    assert_eq!(first["id"], "pension-proof-of-life");
    assert!(first["title"]["en"].is_string() && first["title"]["zh-CN"].is_string());
}

#[test]
fn catalog_list_prints_all_84_guides() {
    let (code, stdout) = homeward(&["catalog", "list", "--json"]);
    assert_eq!(code, 0);
    let list: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(list.as_array().map(Vec::len), Some(84));
}

use homeward_domain::catalog::{DateRule, FieldKind};
use homeward_domain::check::CheckCode;
use rstest::rstest;

use super::*;

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 23,
};

fn run(kind: &FieldKind, value: &str) -> (bool, String, Option<CheckCode>) {
    let c = check(kind, value, TODAY);
    (c.valid, c.normalized, c.error)
}

#[rstest]
#[case("11010519491231002X", "11010519491231002X")]
#[case("11010519491231002x", "11010519491231002X")]
#[case("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X")]
#[case("330302 19900101 1235", "330302199001011235")]
#[case("440304200002290014", "440304200002290014")]
fn valid_resident_id_numbers_are_normalised(#[case] input: &str, #[case] normalized: &str) {
    assert_eq!(
        run(&FieldKind::IdCard, input),
        (true, normalized.to_owned(), None)
    );
}

#[rstest]
#[case("11010519491231002", CheckCode::IdCardLength)]
#[case("1101051949123100211", CheckCode::IdCardLength)]
#[case("1101051949123100AX", CheckCode::IdCardCharacters)]
#[case("99010519491231002X", CheckCode::IdCardRegion)]
#[case("110105194913310024", CheckCode::IdCardBirthDate)]
#[case("110105203001010024", CheckCode::IdCardBirthDate)]
#[case("110105190002290020", CheckCode::IdCardBirthDate)]
#[case("110105194912310021", CheckCode::IdCardChecksum)]
fn invalid_resident_id_numbers_say_why(#[case] input: &str, #[case] code: CheckCode) {
    assert_eq!(run(&FieldKind::IdCard, input).2, Some(code), "{input}");
}

#[rstest]
#[case(FieldKind::Passport, "e12345678", true, "E12345678")]
#[case(FieldKind::Passport, "EA1234567", true, "EA1234567")]
#[case(FieldKind::Passport, "E 1234 5678", true, "E12345678")]
#[case(FieldKind::Passport, "EO1234567", false, "EO1234567")]
#[case(FieldKind::Passport, "G12345678", false, "G12345678")]
#[case(FieldKind::Passport, "E1234567", false, "E1234567")]
#[case(FieldKind::HkMacaoPermit, "C12345678", true, "C12345678")]
#[case(FieldKind::HkMacaoPermit, "CA1234567", true, "CA1234567")]
#[case(FieldKind::HkMacaoPermit, "w12345678", true, "W12345678")]
#[case(FieldKind::HkMacaoPermit, "E12345678", false, "E12345678")]
#[case(FieldKind::TaiwanPermit, "L12345678", true, "L12345678")]
#[case(FieldKind::TaiwanPermit, "T12345678", false, "T12345678")]
#[case(FieldKind::TaiwanPermit, "L1234567", false, "L1234567")]
fn travel_document_numbers(
    #[case] kind: FieldKind,
    #[case] input: &str,
    #[case] valid: bool,
    #[case] normalized: &str,
) {
    let (ok, norm, _) = run(&kind, input);
    assert_eq!((ok, norm.as_str()), (valid, normalized), "{kind:?} {input}");
}

#[rstest]
#[case("+39 333 123 4567", true, "+393331234567", None)]
#[case("0039 333 123 4567", true, "+393331234567", None)]
#[case("+86 138 0013 8000", true, "+8613800138000", None)]
#[case("+33 6 12 34 56 78", true, "+33612345678", None)]
#[case("333 123 4567", false, "333 123 4567", None)]
#[case("+39 abc", false, "+39 abc", None)]
fn phone_numbers(
    #[case] input: &str,
    #[case] valid: bool,
    #[case] normalized: &str,
    #[case] warning: Option<CheckCode>,
) {
    let c = check(&FieldKind::Phone, input, TODAY);
    assert_eq!(
        (c.valid, c.normalized.as_str(), c.warning),
        (valid, normalized, warning),
        "{input}"
    );
}

#[test]
fn a_local_number_without_country_code_is_asked_for_one() {
    assert_eq!(
        run(&FieldKind::Phone, "333 123 4567").2,
        Some(CheckCode::PhoneNeedsCountryCode)
    );
}

#[test]
fn a_number_the_data_does_not_know_is_a_warning_not_a_block() {
    // Italy's mobile ranges begin with 3; a number in an unassigned range parses but is unknown.
    let c = check(&FieldKind::Phone, "+39 999 123 4567", TODAY);
    assert!(c.valid, "{c:?}");
    assert_eq!(c.warning, Some(CheckCode::PhoneUnknownPrefix));
}

#[rstest]
#[case("wang@example.com", true)]
#[case("Wang.Xiao@Example.IT", true)]
#[case("王@例子.中国", true)]
#[case("wang@example", false)]
#[case("wang example.com", false)]
#[case("wang@@example.com", false)]
#[case("@example.com", false)]
fn email_addresses(#[case] input: &str, #[case] valid: bool) {
    assert_eq!(run(&FieldKind::Email, input).0, valid, "{input}");
}

#[rstest]
#[case(None, "2024-02-29", Ok("2024-02-29"))]
#[case(None, "2023-02-29", Err(CheckCode::DateFormat))]
#[case(None, "2024/3/5", Ok("2024-03-05"))]
#[case(None, "20240305", Ok("2024-03-05"))]
#[case(None, "５ March", Err(CheckCode::DateFormat))]
#[case(Some(DateRule::Past), "1990-01-01", Ok("1990-01-01"))]
#[case(Some(DateRule::Past), "2027-01-01", Err(CheckCode::DateInFuture))]
#[case(
    Some(DateRule::NotExpired),
    "2026-11-22",
    Err(CheckCode::DocumentExpired)
)]
#[case(Some(DateRule::NotExpired), "2026-11-23", Ok("2026-11-23"))]
#[case(Some(DateRule::Future), "2026-11-01", Err(CheckCode::DateInPast))]
fn dates(
    #[case] rule: Option<DateRule>,
    #[case] input: &str,
    #[case] want: Result<&str, CheckCode>,
) {
    let c = check(&FieldKind::Date { rule }, input, TODAY);
    match want {
        Ok(n) => assert_eq!((c.valid, c.normalized.as_str()), (true, n), "{input}"),
        Err(code) => assert_eq!(c.error, Some(code), "{input}"),
    }
}

#[rstest]
#[case("王小明", true)]
#[case("王𠀀明", true)]
#[case("阿卜杜·热合曼", true)]
#[case("Wang Xiaoming", true)]
#[case("O'Brien-Chen", true)]
#[case("王小明2", false)]
#[case("<script>", false)]
fn names(#[case] input: &str, #[case] valid: bool) {
    assert_eq!(run(&FieldKind::PersonName, input).0, valid, "{input}");
}

#[rstest]
#[case("wang xiaoming", true, "WANG XIAOMING")]
#[case("LÜ BU", true, "LÜ BU")]
#[case("王小明", false, "王小明")]
fn pinyin_names(#[case] input: &str, #[case] valid: bool, #[case] normalized: &str) {
    let (ok, norm, _) = run(&FieldKind::Pinyin, input);
    assert_eq!((ok, norm.as_str()), (valid, normalized));
}

#[test]
fn dates_convert_from_unix_days() {
    assert_eq!(
        Date::from_unix_days(0),
        Date {
            year: 1970,
            month: 1,
            day: 1
        }
    );
    assert_eq!(
        Date::from_unix_days(19_782),
        Date {
            year: 2024,
            month: 2,
            day: 29
        }
    );
    assert_eq!(
        Date::from_unix_days(-1),
        Date {
            year: 1969,
            month: 12,
            day: 31
        }
    );
}

#[test]
fn dates_convert_to_unix_days_and_back_over_four_centuries() {
    for days in (-150_000..150_000).step_by(97) {
        assert_eq!(Date::from_unix_days(days).to_unix_days(), days);
    }
    assert_eq!(Date::new(2024, 2, 29).unwrap().to_unix_days(), 19_782);
}

#[test]
fn an_overlong_answer_is_refused_not_cut() {
    let long = "字".repeat(MAX_CHARS + 1);
    assert_eq!(run(&FieldKind::Text, &long).2, Some(CheckCode::TooLong));
}

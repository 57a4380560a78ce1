//! `homeward check-field <type> <value>`: checks one value as the app checks an answer.

use std::process::ExitCode;

use homeward_catalog::validate;
use homeward_domain::check::{CheckCode, FieldCheck};
use serde::Serialize;

use crate::Out;

#[derive(Serialize)]
struct Reason {
    code: CheckCode,
    message: String,
}

#[derive(Serialize)]
struct Report<'a> {
    r#type: &'a str,
    input: &'a str,
    valid: bool,
    normalized: &'a str,
    reason: Option<Reason>,
    warning: Option<Reason>,
}

pub fn run(kind_name: &str, value: &str, json: bool, out: &Out) -> anyhow::Result<ExitCode> {
    let Some(kind) = validate::kind_by_name(kind_name) else {
        anyhow::bail!(
            "{}",
            out.tr_args(
                "cli-check-unknown-type",
                &[
                    ("type", kind_name.to_owned().into()),
                    ("types", validate::KIND_NAMES.join(", ").into())
                ]
            )
        );
    };
    let result = if value.trim().is_empty() {
        FieldCheck::fail("", CheckCode::Required)
    } else {
        validate::check(&kind, value, validate::today())
    };
    let reason = |code: CheckCode| Reason {
        code,
        message: out.tr(&format!("check-{}", code.slug())),
    };
    let report = Report {
        r#type: kind_name,
        input: value,
        valid: result.valid,
        normalized: &result.normalized,
        reason: result.error.map(reason),
        warning: result.warning.map(reason),
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else if report.valid {
        println!(
            "{}",
            out.tr_args(
                "cli-check-valid",
                &[("value", report.normalized.to_owned().into())]
            )
        );
        if let Some(w) = &report.warning {
            println!("{}: {}", out.tr("cli-check-warning"), w.message);
        }
    } else if let Some(r) = &report.reason {
        println!(
            "{}",
            out.tr_args("cli-check-invalid", &[("reason", r.message.clone().into())])
        );
    }
    Ok(if report.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

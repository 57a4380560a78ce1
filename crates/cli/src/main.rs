//! `homeward`: tools for the city's content team, operators and back-office staff.
//!
//! Human-readable output goes through Fluent in the language of `--lang` (or `LANG`); `--json`
//! output is for scripts and never localised.

mod admin;
mod catalog;
mod check;
mod notices;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use homeward_domain::Lang;
use homeward_i18n::Localizer;

#[derive(Debug, Parser)]
#[command(
    name = "homeward",
    version,
    about = "Homeward tools for content teams and operators"
)]
struct Cli {
    /// Language for messages: zh-CN or en (default: from LANG).
    #[arg(long, global = true)]
    lang: Option<Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check, list and pack the guide catalogue.
    #[command(subcommand)]
    Catalog(catalog::CatalogCommand),
    /// Check, publish and withdraw notices: safety alerts, service changes, site closures.
    Notices(notices::NoticesArgs),
    /// The back office: sign in, list, open, decide and route applications, add staff.
    Admin(admin::AdminArgs),
    /// Check one value as the app checks an answer; exits 0 when valid, 1 when not.
    CheckField {
        /// id-card, passport, hk-macao-permit, taiwan-permit, phone, email, date, birth-date,
        /// expiry-date, person-name or pinyin.
        r#type: String,
        value: String,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
}

/// What every command needs to talk to a person.
pub struct Out {
    pub lang: Lang,
    pub l10n: Localizer,
}

impl Out {
    pub fn tr(&self, key: &str) -> String {
        self.l10n.tr(self.lang, key)
    }

    pub fn tr_args(&self, key: &str, args: &[(&str, homeward_i18n::Value<'_>)]) -> String {
        self.l10n.tr_args(self.lang, key, args)
    }
}

/// The operator's language from the POSIX locale (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`);
/// English when none of them is a language the tools speak.
fn lang_from_env() -> Lang {
    let tags = homeward_domain::lang::posix_languages(|v| std::env::var(v).ok());
    Lang::negotiate(tags.iter().map(String::as_str)).unwrap_or(Lang::En)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = Out {
        lang: cli.lang.unwrap_or_else(lang_from_env),
        l10n: Localizer::new(),
    };
    let result = match cli.command {
        Command::Catalog(cmd) => catalog::run(cmd, &out),
        Command::Admin(args) => admin::run(args, &out),
        Command::Notices(args) => notices::run(args, &out),
        Command::CheckField {
            r#type,
            value,
            json,
        } => check::run(&r#type, &value, json, &out),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}: {e:#}", out.tr("cli-error"));
            ExitCode::from(2)
        }
    }
}

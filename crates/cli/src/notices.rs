//! `homeward notices`: the content team writes a notice as a TOML file, checks it, and
//! publishes it into the feed its key signs, on the backend (an administrator's token). The
//! feed is read back, checked under the same key, changed and signed again, so a publication
//! never drops what others published under that key since.
//!
//! Exit codes: 0 done, 1 refused (a problem in the file, or by the backend), 2 could not ask.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use homeward_catalog::notices::{self as feed, TrustedSigner};
use homeward_domain::notice::{Notice, NoticeFeed, NoticeFeeds, NOTICE_FEED_KIND};
use homeward_domain::wire::path;
use homeward_domain::{ApiError, ErrorCode, LocalizedText};

use crate::admin::{block_on, BackendArgs, Client, Failure};
use crate::Out;

#[derive(Debug, clap::Args)]
pub struct NoticesArgs {
    #[command(flatten)]
    backend: BackendArgs,
    #[command(subcommand)]
    command: NoticesCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum NoticesCommand {
    /// Check notice files as `publish` does, without publishing.
    Check { files: Vec<PathBuf> },
    /// Publish a notice into the feed the key signs, in place of one with the same id.
    Publish {
        file: PathBuf,
        /// The secret key that signs the feed: the city's content key, or a signer's the list
        /// of cities trusts for this kind of notice.
        #[arg(long, default_value = "catalog/keys/sample-content-key.secret")]
        key: PathBuf,
    },
    /// Withdraw a notice from the feed the key signs.
    Withdraw {
        id: String,
        #[arg(long, default_value = "catalog/keys/sample-content-key.secret")]
        key: PathBuf,
    },
    /// List the notices the backend serves, by signer, each feed checked as the app checks it.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(args: NoticesArgs, out: &Out) -> anyhow::Result<ExitCode> {
    let client = args.backend.client();
    match args.command {
        NoticesCommand::Check { files } => Ok(check(&files, out)),
        NoticesCommand::Publish { file, key } => {
            let Some(notice) = load(&file, out) else {
                return Ok(ExitCode::from(1));
            };
            let key = crate::catalog::read_signing_key(&key)?;
            block_on(change(&client, &key, Some(notice), None, out), out)
        }
        NoticesCommand::Withdraw { id, key } => {
            let key = crate::catalog::read_signing_key(&key)?;
            block_on(change(&client, &key, None, Some(&id), out), out)
        }
        NoticesCommand::List { json } => block_on(list(&client, json, out), out),
    }
}

/// The notice in `file`, or `None` with every problem printed.
fn load(file: &Path, out: &Out) -> Option<Notice> {
    match feed::load_notice(file) {
        Ok(n) => Some(n),
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!(
                "{}",
                out.tr_args("cli-notices-problems", &[("count", problems.len().into())])
            );
            None
        }
    }
}

fn check(files: &[PathBuf], out: &Out) -> ExitCode {
    let good = files.iter().filter(|f| load(f, out).is_some()).count();
    if good == files.len() {
        println!(
            "{}",
            out.tr_args("cli-notices-ok", &[("count", files.len().into())])
        );
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Every signer the bundled list trusts for some city, for naming feeds and checking kinds.
fn all_signers() -> anyhow::Result<Vec<TrustedSigner>> {
    let list = homeward_catalog::bundled_cities()?;
    Ok(list
        .cities
        .iter()
        .flat_map(|c| feed::trusted_signers(c, &list.notice_signers))
        .collect())
}

async fn feeds(client: &Client) -> Result<NoticeFeeds, Failure> {
    client
        .send(client.request(reqwest::Method::GET, path::NOTICES))
        .await
}

/// Adds (or replaces) `notice` in, or withdraws `withdraw` from, the feed `key` signs.
async fn change(
    client: &Client,
    key: &ed25519_dalek::SigningKey,
    notice: Option<Notice>,
    withdraw: Option<&str>,
    out: &Out,
) -> Result<(), Failure> {
    let public = key.verifying_key();
    let key_id = homeward_catalog::key_id(&public);
    let signers = all_signers()?;
    let Some(signer) = signers.iter().find(|s| s.key_id == key_id) else {
        return Err(refused(
            ErrorCode::NotAllowed,
            out.tr_args(
                "cli-notices-untrusted-key",
                &[("key", key_id.as_str().into())],
            ),
        ));
    };
    if let Some(n) = &notice {
        if !signer.kinds.contains(&n.kind) {
            return Err(refused(
                ErrorCode::NotAllowed,
                out.tr_args(
                    "cli-notices-kind-not-allowed",
                    &[("kind", n.kind.slug().into())],
                ),
            ));
        }
    }
    let published = feeds(client).await?;
    // What the backend holds under this key, if it is what the key signed; if it is not, it is
    // replaced by a new feed above its claimed version, holding this change only.
    let (current, checked) = match published.feeds.iter().find(|f| f.key_id == key_id) {
        None => (None, true),
        Some(signed) => match feed::verify_feed(signed, &public, &signer.kinds) {
            Ok(f) => (Some(f), true),
            Err(e) => {
                eprintln!("{}: {e}", out.tr("cli-notices-published-refused"));
                let empty = NoticeFeed {
                    kind: NOTICE_FEED_KIND.into(),
                    version: claimed_version(signed).unwrap_or(0),
                    published: 0,
                    notices: vec![],
                };
                (Some(empty), false)
            }
        },
    };
    if let Some(id) = withdraw {
        let listed = current
            .as_ref()
            .is_some_and(|f| f.notices.iter().any(|n| n.id == id));
        if checked && !listed {
            return Err(refused(
                ErrorCode::NotFound,
                out.tr_args("cli-notices-not-found", &[("id", id.into())]),
            ));
        }
    }
    let id = notice.as_ref().map(|n| n.id.clone());
    let next = feed::publish(current, notice, withdraw, now());
    let signed = feed::sign_feed(&next, key).map_err(anyhow::Error::from)?;
    let _: serde_json::Value = client
        .send(
            client
                .request(reqwest::Method::POST, path::STAFF_NOTICES)
                .json(&signed),
        )
        .await?;
    let message = match (id, withdraw) {
        (Some(id), _) => out.tr_args(
            "cli-notices-published",
            &[
                ("id", id.as_str().into()),
                ("version", next.version.into()),
                ("count", next.notices.len().into()),
            ],
        ),
        (None, Some(id)) => out.tr_args(
            "cli-notices-withdrawn",
            &[("id", id.into()), ("version", next.version.into())],
        ),
        (None, None) => String::new(),
    };
    println!("{message}");
    Ok(())
}

/// Refused here, before asking the backend, as the backend refuses (exit code 1).
fn refused(code: ErrorCode, message: String) -> Failure {
    Failure::Refused(ApiError::new(code, message))
}

/// The version a feed claims, read without trusting it.
fn claimed_version(signed: &homeward_domain::catalog::SignedPack) -> Option<u64> {
    use base64::Engine as _;
    let payload = base64::engine::general_purpose::STANDARD
        .decode(&signed.payload)
        .ok()?;
    let value: serde_json::Value = serde_json::from_slice(&payload).ok()?;
    value.get("version")?.as_u64()
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn when(t: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(t).map_or_else(
        |_| t.to_string(),
        |d| {
            format!(
                "{:04}-{:02}-{:02} {:02}:{:02} UTC",
                d.year(),
                u8::from(d.month()),
                d.day(),
                d.hour(),
                d.minute()
            )
        },
    )
}

#[derive(serde::Serialize)]
struct Listed<'a> {
    key_id: &'a str,
    signer: Option<&'a LocalizedText>,
    /// Why the feed is refused, if it is: an app would show none of it.
    refused: Option<String>,
    version: Option<u64>,
    notices: Vec<Notice>,
}

async fn list(client: &Client, json: bool, out: &Out) -> Result<(), Failure> {
    let published = feeds(client).await?;
    let signers = all_signers()?;
    let listed: Vec<Listed<'_>> = published
        .feeds
        .iter()
        .map(|signed| {
            let signer = signers.iter().find(|s| s.key_id == signed.key_id);
            let checked = match signer {
                Some(s) => feed::verify_feed(signed, &s.key, &s.kinds).map_err(|e| e.to_string()),
                None => Err(out.tr_args(
                    "cli-notices-untrusted-key",
                    &[("key", signed.key_id.as_str().into())],
                )),
            };
            let (version, notices, refused) = match checked {
                Ok(f) => (Some(f.version), f.notices, None),
                Err(e) => (None, vec![], Some(e)),
            };
            Listed {
                key_id: &signed.key_id,
                signer: signer.map(|s| &s.name),
                refused,
                version,
                notices,
            }
        })
        .collect();
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&listed).map_err(anyhow::Error::from)?
        );
        return Ok(());
    }
    if listed.is_empty() {
        println!("{}", out.tr("cli-notices-none"));
    }
    for feed in &listed {
        let name = feed.signer.map_or("?", |n| n.get(out.lang));
        match (&feed.refused, feed.version) {
            (Some(why), _) => println!(
                "{name} [{}]: {}: {why}",
                feed.key_id,
                out.tr("cli-notices-feed-refused")
            ),
            (None, version) => println!("{name} [{}] v{}", feed.key_id, version.unwrap_or(0)),
        }
        for n in &feed.notices {
            let places = if n.countries.is_empty() {
                "*".to_owned()
            } else {
                n.countries.join(",")
            };
            println!(
                "  {:<32} {:<14} {:<10} {} – {}  {}",
                n.id,
                n.kind.slug(),
                places,
                when(n.valid_from),
                when(n.valid_until),
                n.title.get(out.lang)
            );
        }
    }
    Ok(())
}

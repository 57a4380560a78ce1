//! `homeward admin`: the back office from the command line, over the backend's staff API (the
//! same actions as the console, with the same rules and the same access record).
//!
//! `login` prints a token for `HOMEWARD_ADMIN_TOKEN`; passwords are read from standard input,
//! never from the command line. Exit codes: 0 done, 1 refused by the backend, 2 could not ask.

use std::io::BufRead as _;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Subcommand;
use homeward_domain::check::show_hidden_controls;
use homeward_domain::conversation::Speaker;
use homeward_domain::identity::IssuerKind;
use homeward_domain::staff::{
    ApplicationDetail, ApplicationSummary, Decision, DeviceRevocation, NewSite, NewStaff, Routing,
    Signer, StaffLogin, StaffToken,
};
use homeward_domain::sync::{AccessLog, AccessRecord, ApplicationStatus, EventKind, StaffRole};
use homeward_domain::wire::path;
use homeward_domain::ApiError;

use homeward_i18n::key;

use crate::Out;

#[derive(Debug, clap::Args)]
pub struct AdminArgs {
    #[command(flatten)]
    backend: BackendArgs,
    #[command(subcommand)]
    command: AdminCommand,
}

/// Which backend to ask, and as whom: shared by every command that talks to one.
#[derive(Debug, clap::Args)]
pub(crate) struct BackendArgs {
    /// The backend's address.
    #[arg(
        long,
        env = "HOMEWARD_BACKEND_URL",
        default_value = "http://127.0.0.1:8787"
    )]
    backend: String,
    /// A staff token from `homeward admin login`.
    #[arg(long, env = "HOMEWARD_ADMIN_TOKEN", hide_env_values = true)]
    token: Option<String>,
}

impl BackendArgs {
    /// A client for that backend, with that token.
    pub(crate) fn client(self) -> Client {
        Client {
            http: reqwest::Client::new(),
            base: self.backend,
            token: self.token,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Sign in (password from standard input); prints a token for HOMEWARD_ADMIN_TOKEN.
    Login {
        #[arg(long)]
        username: String,
    },
    /// List applications, most recently changed first.
    List {
        /// received, in-review, more-material-needed, approved, rejected or completed.
        #[arg(long)]
        status: Option<String>,
        /// A service (guide) id.
        #[arg(long)]
        guide: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Open one application (the opening is recorded for the applicant to see).
    Show {
        reference: String,
        #[arg(long)]
        json: bool,
    },
    /// Decide: in-review, more-material-needed (with --message), approved, rejected, completed.
    /// `--version` is the version `show` or `list` printed: if someone changed the application
    /// since, the decision is refused.
    Decide {
        reference: String,
        status: String,
        #[arg(long, default_value = "")]
        message: String,
        #[arg(long)]
        version: i64,
    },
    /// Route an application to a department, as decided on `--version` of it.
    Route {
        reference: String,
        department: String,
        #[arg(long)]
        version: i64,
    },
    /// List the keys trusted to sign identity attestations: liaison sites and officers.
    Sites {
        #[arg(long)]
        json: bool,
    },
    /// Register a liaison site's key, as shown in the site's app (administrators only).
    AddSite {
        /// Lower-case letters, digits and hyphens: prato, paris-13.
        id: String,
        name: String,
        /// The base64 public key the site's app shows.
        public_key: String,
    },
    /// Revoke a liaison site's key: what it attested is refused from then on (administrators).
    RevokeSite { id: String },
    /// Revoke a lost device's key: its signatures are refused from then on (administrators).
    RevokeDevice { public_key: String },
    /// Add a staff account (administrators only); its password from standard input.
    AddStaff {
        #[arg(long)]
        username: String,
        /// Short for `--role administrator`.
        #[arg(long)]
        admin: bool,
        /// reviewer, officer (also verifies identities by video) or administrator
        /// [default: reviewer].
        #[arg(long)]
        role: Option<String>,
        #[arg(long)]
        department: Option<String>,
    },
    /// Disable a staff account: it signs in no more, and its sessions end at once.
    DisableStaff { username: String },
    /// Read the access log, newest first: who opened, downloaded or checked what, and every
    /// change to accounts and keys (administrators only).
    AccessLog {
        /// Only entries older than this number (the last one of the page before).
        #[arg(long)]
        before: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

/// A refusal from the backend, kept apart from not reaching it at all.
pub(crate) enum Failure {
    Refused(ApiError),
    Other(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Other(e)
    }
}

impl From<reqwest::Error> for Failure {
    fn from(e: reqwest::Error) -> Self {
        Failure::Other(
            anyhow::Error::new(e.without_url()).context("the backend could not be reached"),
        )
    }
}

pub(crate) struct Client {
    http: reqwest::Client,
    base: String,
    token: Option<String>,
}

impl Client {
    pub(crate) fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let req = self
            .http
            .request(method, format!("{}{path}", self.base.trim_end_matches('/')));
        match &self.token {
            Some(t) => req.bearer_auth(t),
            None => req,
        }
    }

    pub(crate) async fn send<T: serde::de::DeserializeOwned>(
        &self,
        req: reqwest::RequestBuilder,
    ) -> Result<T, Failure> {
        let resp = req.send().await?;
        if resp.status().is_success() {
            return Ok(resp.json().await?);
        }
        let status = resp.status();
        match resp.json::<ApiError>().await {
            Ok(e) => Err(Failure::Refused(e)),
            Err(_) => Err(Failure::Other(anyhow::anyhow!(
                "the backend answered {status}"
            ))),
        }
    }
}

fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

fn status(slug: &str) -> Result<ApplicationStatus, Failure> {
    ApplicationStatus::from_slug(slug.trim()).ok_or_else(|| {
        Failure::Other(anyhow::anyhow!(
            "status: expected one of {}",
            ApplicationStatus::ALL
                .map(homeward_domain::sync::ApplicationStatus::slug)
                .join(", ")
        ))
    })
}

pub fn run(args: AdminArgs, out: &Out) -> anyhow::Result<ExitCode> {
    block_on(admin(&args.backend.client(), args.command, out), out)
}

/// Runs one request's work to its end: 0 done, 1 refused by the backend (its message printed
/// in the person's language), or the error of not being able to ask at all.
pub(crate) fn block_on(
    work: impl std::future::Future<Output = Result<(), Failure>>,
    out: &Out,
) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    match runtime.block_on(work) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(Failure::Refused(e)) => {
            eprintln!(
                "{}: {}",
                out.tr(&format!("error-{}", e.code.slug())),
                e.message
            );
            Ok(ExitCode::from(1))
        }
        Err(Failure::Other(e)) => Err(e),
    }
}

fn print_summary(out: &Out, a: &ApplicationSummary) {
    println!(
        "{}  v{:<3}  {:<34}  {:<14}  {}",
        a.reference,
        a.version,
        a.guide_id,
        out.tr(&format!("application-status-{}", a.status.slug())),
        a.department.as_deref().unwrap_or("")
    );
}

/// One entry of the access log on one line: its number, when (UTC), who, what, and about what.
fn print_access(out: &Out, r: &AccessRecord) {
    let at = time::OffsetDateTime::from_unix_timestamp(r.at.div_euclid(1000))
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default();
    let who = match &r.department {
        Some(d) => format!(
            "{} ({}, {})",
            r.by.as_deref().unwrap_or(""),
            r.role.slug(),
            d
        ),
        None => format!("{} ({})", r.by.as_deref().unwrap_or(""), r.role.slug()),
    };
    let about = [r.reference.as_deref(), r.subject.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    println!(
        "#{:<6} {at}  {}  {}  {}",
        r.seq,
        show_hidden_controls(&who),
        out.tr(&format!("console-access-{}", r.action.slug())),
        show_hidden_controls(&about)
    );
}

fn print_signer(out: &Out, s: &Signer) {
    let state = match s.revoked_at {
        Some(_) => out.tr("cli-admin-signer-revoked"),
        None => out.tr("cli-admin-signer-trusted"),
    };
    println!(
        "{:<8} {:<16} {:<10} {}  {}",
        s.kind.slug(),
        s.id,
        state,
        s.public_key,
        s.name
    );
}

async fn admin(client: &Client, command: AdminCommand, out: &Out) -> Result<(), Failure> {
    use reqwest::Method;
    match command {
        AdminCommand::Login { username } => {
            let password = read_password()?;
            let token: StaffToken = client
                .send(
                    client
                        .request(Method::POST, path::STAFF_SESSIONS)
                        .json(&StaffLogin { username, password }),
                )
                .await?;
            println!("{}", token.token);
            eprintln!("{}", out.tr("cli-admin-token"));
        }
        AdminCommand::List {
            status,
            guide,
            json,
        } => {
            let mut query = vec![];
            if let Some(s) = status {
                query.push(("status", s));
            }
            if let Some(g) = guide {
                query.push(("guide", g));
            }
            let list: Vec<ApplicationSummary> = client
                .send(
                    client
                        .request(Method::GET, path::STAFF_APPLICATIONS)
                        .query(&query),
                )
                .await?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&list).map_err(anyhow::Error::from)?
                );
            } else if list.is_empty() {
                println!("{}", out.tr("cli-admin-none"));
            } else {
                list.iter().for_each(|a| print_summary(out, a));
            }
        }
        AdminCommand::Show { reference, json } => {
            let d: ApplicationDetail = client
                .send(client.request(
                    Method::GET,
                    &path::fill(path::STAFF_APPLICATION, &[reference.trim()]),
                ))
                .await?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&d).map_err(anyhow::Error::from)?
                );
                return Ok(());
            }
            print_summary(out, &d.summary);
            for s in &d.submissions {
                let key = if s.signature_verified {
                    key("cli-admin-signature-ok")
                } else {
                    key("cli-admin-signature-bad")
                };
                println!(
                    "\n{} · {}",
                    out.tr_args("cli-admin-revision", &[("revision", s.revision.into())]),
                    out.tr(key)
                );
                for (k, v) in &s.submission.answers {
                    println!("  {k}: {}", show_hidden_controls(v));
                }
                for m in &s.submission.materials {
                    println!(
                        "  [{}] {} ({} KB)",
                        m.kind,
                        m.file_name,
                        m.size.div_ceil(1024)
                    );
                }
            }
            println!();
            for e in &d.events {
                let what = match &e.event {
                    EventKind::Status {
                        status,
                        message,
                        request,
                    } => format!(
                        "{} {} {message}",
                        out.tr(&format!("application-status-{}", status.slug())),
                        request.as_ref().map_or_else(String::new, |r| format!(
                            "[{}: {}]",
                            out.tr(&format!("request-reason-{}", r.reason.slug())),
                            r.fields.join(", ")
                        )),
                    ),
                    EventKind::Routed { department } => out.tr_args(
                        "console-event-routed",
                        &[("department", department.clone().into())],
                    ),
                    EventKind::Access { .. } => out.tr_args(
                        "console-event-access",
                        &[("staff", e.by.clone().unwrap_or_default().into())],
                    ),
                    // The words are read in the console's conversation, where reading is logged.
                    EventKind::Message {
                        from: Speaker::Person,
                        documents,
                        ..
                    } => out.tr_args(
                        "console-event-message-person",
                        &[("documents", documents.len().into())],
                    ),
                    EventKind::Message {
                        from: Speaker::Office,
                        documents,
                        ..
                    } => out.tr_args(
                        "console-event-message-office",
                        &[
                            ("staff", e.by.clone().unwrap_or_default().into()),
                            ("documents", documents.len().into()),
                        ],
                    ),
                };
                println!("  #{} {}", e.cursor, what.trim());
            }
        }
        AdminCommand::Decide {
            reference,
            status: wanted,
            message,
            version,
        } => {
            let decision = Decision {
                status: status(&wanted)?,
                message,
                request: None,
                version,
            };
            let a: ApplicationSummary = client
                .send(
                    client
                        .request(
                            Method::POST,
                            &path::fill(path::STAFF_DECISION, &[reference.trim()]),
                        )
                        .json(&decision),
                )
                .await?;
            print_summary(out, &a);
        }
        AdminCommand::Route {
            reference,
            department,
            version,
        } => {
            let a: ApplicationSummary = client
                .send(
                    client
                        .request(
                            Method::POST,
                            &path::fill(path::STAFF_ROUTE, &[reference.trim()]),
                        )
                        .json(&Routing {
                            department,
                            version,
                        }),
                )
                .await?;
            print_summary(out, &a);
        }
        AdminCommand::Sites { json } => {
            let list: Vec<Signer> = client
                .send(client.request(Method::GET, path::STAFF_SIGNERS))
                .await?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&list).map_err(anyhow::Error::from)?
                );
            } else {
                list.iter().for_each(|s| print_signer(out, s));
            }
        }
        AdminCommand::AddSite {
            id,
            name,
            public_key,
        } => {
            let site: Signer = client
                .send(
                    client
                        .request(Method::POST, path::STAFF_SIGNERS)
                        .json(&NewSite {
                            id,
                            name,
                            public_key,
                        }),
                )
                .await?;
            print_signer(out, &site);
        }
        AdminCommand::RevokeSite { id } => {
            let site: Signer = client
                .send(client.request(
                    Method::POST,
                    &path::fill(
                        path::STAFF_SIGNER_REVOKE,
                        &[IssuerKind::Site.slug(), id.trim()],
                    ),
                ))
                .await?;
            print_signer(out, &site);
        }
        AdminCommand::RevokeDevice { public_key } => {
            let resp = client
                .request(Method::POST, path::STAFF_DEVICE_REVOKE)
                .json(&DeviceRevocation { public_key })
                .send()
                .await?;
            if !resp.status().is_success() {
                let e: ApiError = resp.json().await?;
                return Err(Failure::Refused(e));
            }
            println!("{}", out.tr("cli-admin-device-revoked"));
        }
        AdminCommand::AccessLog { before, json } => {
            let target = match before {
                Some(seq) => format!("{}?before={seq}", path::STAFF_ACCESS_LOG),
                None => path::STAFF_ACCESS_LOG.to_owned(),
            };
            let log: AccessLog = client.send(client.request(Method::GET, &target)).await?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&log).map_err(anyhow::Error::from)?
                );
            } else {
                log.records.iter().for_each(|r| print_access(out, r));
                if let (true, Some(last)) = (log.more, log.records.last()) {
                    println!(
                        "{}",
                        out.tr_args("cli-admin-access-more", &[("seq", last.seq.into())])
                    );
                }
            }
        }
        AdminCommand::DisableStaff { username } => {
            let resp = client
                .request(
                    Method::POST,
                    &path::fill(path::STAFF_ACCOUNT_DISABLE, &[username.trim()]),
                )
                .send()
                .await?;
            if !resp.status().is_success() {
                let e: ApiError = resp.json().await?;
                return Err(Failure::Refused(e));
            }
            println!(
                "{}",
                out.tr_args("cli-admin-staff-disabled", &[("username", username.into())])
            );
        }
        AdminCommand::AddStaff {
            username,
            admin,
            role,
            department,
        } => {
            let role = match role.as_deref() {
                None => None,
                Some(slug) => Some(StaffRole::from_slug(slug).ok_or_else(|| {
                    Failure::Other(anyhow::anyhow!(
                        "role: expected reviewer, officer or administrator, not {slug:?}"
                    ))
                })?),
            };
            let password = read_password()?;
            let resp = client
                .request(Method::POST, path::STAFF_ACCOUNTS)
                .json(&NewStaff {
                    username: username.clone(),
                    password,
                    admin,
                    role,
                    department,
                })
                .send()
                .await?;
            if !resp.status().is_success() {
                let e: ApiError = resp.json().await?;
                return Err(Failure::Refused(e));
            }
            println!(
                "{}",
                out.tr_args("cli-admin-staff-added", &[("username", username.into())])
            );
        }
    }
    Ok(())
}

//! `homeward catalog …`: the content team's tools.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Subcommand;
use homeward_catalog::{self as catalog, source};
use serde::Serialize;

use crate::Out;

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// Validate every guide: schema, ids, translations, material types, forms.
    Check {
        #[arg(long, default_value = "catalog")]
        dir: PathBuf,
    },
    /// List every guide.
    List {
        #[arg(long, default_value = "catalog")]
        dir: PathBuf,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Build and sign the catalogue pack the app bundles and the backend serves.
    Pack {
        #[arg(long, default_value = "catalog")]
        dir: PathBuf,
        /// The content signing key (64 hex digits), as written by `catalog keygen`.
        #[arg(
            long,
            env = "HOMEWARD_CONTENT_KEY",
            default_value = "catalog/keys/sample-content-key.secret"
        )]
        key: PathBuf,
        /// Where to write the signed pack (default: <dir>/pack.signed).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Exit with an error if the pack on disk differs from what the sources give.
        #[arg(long)]
        check: bool,
    },
    /// Check and sign the list of home cities the app offers at first start.
    Cities {
        #[arg(long, default_value = "catalog/cities.toml")]
        file: PathBuf,
        /// The signing key (64 hex digits): the key the app trusts for its catalogue.
        #[arg(
            long,
            env = "HOMEWARD_CONTENT_KEY",
            default_value = "catalog/keys/sample-content-key.secret"
        )]
        key: PathBuf,
        /// Where to write the signed list (default: cities.signed.json beside the source).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Exit with an error if the list on disk differs from what the source gives.
        #[arg(long)]
        check: bool,
    },
    /// Search the guides as the app does, best match first.
    Search {
        query: String,
        #[arg(long, default_value = "catalog")]
        dir: PathBuf,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Check a signed pack's signature against a public key.
    Verify {
        file: PathBuf,
        #[arg(long, default_value = "catalog/keys/content-key.pub")]
        public_key: PathBuf,
    },
    /// Make a new content signing key pair: the secret to a new file, the public key to stdout.
    Keygen {
        /// Where to write the secret key; the file must not exist yet.
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn run(cmd: CatalogCommand, out: &Out) -> anyhow::Result<ExitCode> {
    match cmd {
        CatalogCommand::Check { dir } => Ok(check(&dir, out)),
        CatalogCommand::List { dir, json } => list(&dir, json, out),
        CatalogCommand::Pack {
            dir,
            key,
            out: path,
            check,
        } => {
            let path = path.unwrap_or_else(|| dir.join("pack.signed"));
            pack(&dir, &key, &path, check, out)
        }
        CatalogCommand::Cities {
            file,
            key,
            out: path,
            check,
        } => {
            let path = path.unwrap_or_else(|| file.with_file_name("cities.signed.json"));
            cities(&file, &key, &path, check, out)
        }
        CatalogCommand::Search { query, dir, json } => search(&dir, &query, json, out),
        CatalogCommand::Verify { file, public_key } => verify(&file, &public_key, out),
        CatalogCommand::Keygen { out: path } => keygen(&path, out),
    }
}

fn load(dir: &Path, out: &Out) -> Result<homeward_domain::CataloguePack, ExitCode> {
    source::load_dir(dir).map_err(|problems| {
        for p in &problems {
            eprintln!("{p}");
        }
        eprintln!(
            "{}",
            out.tr_args("cli-catalog-problems", &[("count", problems.len().into())])
        );
        ExitCode::FAILURE
    })
}

fn check(dir: &Path, out: &Out) -> ExitCode {
    match load(dir, out) {
        Ok(pack) => {
            println!(
                "{}",
                out.tr_args("cli-catalog-ok", &[("count", pack.guides.len().into())])
            );
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    category: homeward_domain::catalog::Category,
    title: &'a homeward_domain::LocalizedText,
}

fn list(dir: &Path, json: bool, out: &Out) -> anyhow::Result<ExitCode> {
    let pack = match load(dir, out) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    if json {
        let rows: Vec<Listed<'_>> = pack
            .guides
            .iter()
            .map(|g| Listed {
                id: &g.id.0,
                category: g.category,
                title: &g.title,
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        for g in &pack.guides {
            println!("{:<40} {}", g.id, g.title.get(out.lang));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn read_signing_key(key: &Path) -> anyhow::Result<ed25519_dalek::SigningKey> {
    let secret = zeroize::Zeroizing::new(
        std::fs::read_to_string(key)
            .with_context(|| format!("reading the key {}", key.display()))?,
    );
    Ok(catalog::parse_signing_key(&secret)?)
}

/// A signed file the content team publishes, as the two commands that make one describe it.
struct Signed<'a> {
    bytes: Vec<u8>,
    version: u64,
    /// What makes the file again.
    command: &'a str,
    /// The message once written, and the count it reports.
    written: (&'a str, usize),
}

/// Writes the signed file to `path`, or with `check` only says whether the file there is the
/// same.
fn write_signed(
    signed: &Signed<'_>,
    path: &Path,
    check: bool,
    out: &Out,
) -> anyhow::Result<ExitCode> {
    let shown = path.display().to_string();
    if check {
        if std::fs::read(path).unwrap_or_default() != signed.bytes {
            let args = [("path", shown.into()), ("command", signed.command.into())];
            eprintln!("{}", out.tr_args("cli-pack-stale", &args));
            return Ok(ExitCode::FAILURE);
        }
        let args = [("path", shown.into()), ("version", signed.version.into())];
        println!("{}", out.tr_args("cli-pack-current", &args));
        return Ok(ExitCode::SUCCESS);
    }
    std::fs::write(path, &signed.bytes).with_context(|| format!("writing {shown}"))?;
    let (message, count) = signed.written;
    let args = [("path", shown.into()), ("count", count.into())];
    println!("{}", out.tr_args(message, &args));
    Ok(ExitCode::SUCCESS)
}

fn pack(dir: &Path, key: &Path, path: &Path, check: bool, out: &Out) -> anyhow::Result<ExitCode> {
    let pack = match load(dir, out) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let signed = Signed {
        bytes: catalog::publish_pack(&pack, &read_signing_key(key)?),
        version: pack.version,
        command: "homeward catalog pack",
        written: (homeward_i18n::key("cli-pack-written"), pack.guides.len()),
    };
    write_signed(&signed, path, check, out)
}

fn cities(
    file: &Path,
    key: &Path,
    path: &Path,
    check: bool,
    out: &Out,
) -> anyhow::Result<ExitCode> {
    let list = match catalog::cities::load_cities(file) {
        Ok(list) => list,
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            let args = [("count", problems.len().into())];
            eprintln!("{}", out.tr_args("cli-catalog-problems", &args));
            return Ok(ExitCode::FAILURE);
        }
    };
    let signed = Signed {
        bytes: catalog::sign_cities(&list, &read_signing_key(key)?),
        version: list.version,
        command: "homeward catalog cities",
        written: (homeward_i18n::key("cli-cities-written"), list.cities.len()),
    };
    write_signed(&signed, path, check, out)
}

fn verify(file: &Path, public_key: &Path, out: &Out) -> anyhow::Result<ExitCode> {
    let key = std::fs::read_to_string(public_key)
        .with_context(|| format!("reading {}", public_key.display()))?;
    let key = catalog::parse_public_key(&key)?;
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    Ok(match catalog::verify(&bytes, &key) {
        Ok(p) => {
            let args = [
                ("version", p.version().into()),
                ("count", p.pack().guides.len().into()),
            ];
            println!("{}", out.tr_args("cli-verify-ok", &args));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", out.tr("cli-verify-failed"));
            ExitCode::FAILURE
        }
    })
}

fn keygen(path: &Path, out: &Out) -> anyhow::Result<ExitCode> {
    use std::io::Write as _;
    let (secret, public) = catalog::generate_key();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("creating {} (it must not exist yet)", path.display()))?;
    writeln!(file, "{}", secret.as_str())?;
    println!("{public}");
    eprintln!(
        "{}",
        out.tr_args(
            "cli-keygen-done",
            &[("path", path.display().to_string().into())]
        )
    );
    Ok(ExitCode::SUCCESS)
}

fn search(dir: &Path, query: &str, json: bool, out: &Out) -> anyhow::Result<ExitCode> {
    let pack = match load(dir, out) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let l10n = &out.l10n;
    let index = catalog::search::SearchIndex::new(&pack, |slug| {
        homeward_domain::Lang::ALL
            .iter()
            .map(|l| l10n.tr(*l, &format!("category-{slug}")))
            .collect()
    });
    /// A result as the CLI prints it: with the guide's title in every language.
    #[derive(serde::Serialize)]
    struct Found<'a> {
        id: &'a homeward_domain::GuideId,
        title: &'a homeward_domain::LocalizedText,
        score: f32,
    }
    let hits: Vec<Found> = index
        .search(query, out.lang)
        .iter()
        .filter_map(|hit| {
            let guide = pack.guide(&hit.id.0)?;
            Some(Found {
                id: &guide.id,
                title: &guide.title,
                score: hit.score,
            })
        })
        .collect();
    if json {
        println!("{}", serde_json::to_string_pretty(&hits)?);
    } else if hits.is_empty() {
        println!("{}", out.tr("cli-search-none"));
    } else {
        for hit in &hits {
            println!("{:<42} {}", hit.id, hit.title.get(out.lang));
        }
    }
    Ok(ExitCode::SUCCESS)
}

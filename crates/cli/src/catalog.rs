//! `homeward catalog …`: the content team's tools.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Subcommand;
use homeward_core::catalog::{self, source};
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
    /// Build the catalogue pack the app bundles and the backend serves.
    Pack {
        #[arg(long, default_value = "catalog")]
        dir: PathBuf,
        /// Where to write the pack (default: <dir>/pack.json).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Exit with an error if the pack on disk differs from what the sources give.
        #[arg(long)]
        check: bool,
    },
}

pub fn run(cmd: CatalogCommand, out: &Out) -> anyhow::Result<ExitCode> {
    match cmd {
        CatalogCommand::Check { dir } => check(&dir, out),
        CatalogCommand::List { dir, json } => list(&dir, json, out),
        CatalogCommand::Pack {
            dir,
            out: path,
            check,
        } => pack(
            &dir,
            path.unwrap_or_else(|| dir.join("pack.json")),
            check,
            out,
        ),
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

fn check(dir: &Path, out: &Out) -> anyhow::Result<ExitCode> {
    Ok(match load(dir, out) {
        Ok(pack) => {
            println!(
                "{}",
                out.tr_args("cli-catalog-ok", &[("count", pack.guides.len().into())])
            );
            ExitCode::SUCCESS
        }
        Err(code) => code,
    })
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

fn pack(dir: &Path, path: PathBuf, check: bool, out: &Out) -> anyhow::Result<ExitCode> {
    let pack = match load(dir, out) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let bytes = catalog::encode_pack(&pack);
    if check {
        let on_disk = std::fs::read(&path).unwrap_or_default();
        if on_disk != bytes {
            eprintln!(
                "{}",
                out.tr_args(
                    "cli-pack-stale",
                    &[("path", path.display().to_string().into())]
                )
            );
            return Ok(ExitCode::FAILURE);
        }
        println!(
            "{}",
            out.tr_args("cli-pack-current", &[("version", pack.version.into())])
        );
        return Ok(ExitCode::SUCCESS);
    }
    std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
    println!(
        "{}",
        out.tr_args(
            "cli-pack-written",
            &[
                ("path", path.display().to_string().into()),
                ("count", pack.guides.len().into())
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

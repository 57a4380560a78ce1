//! A throwaway PostgreSQL server on a loopback port for the tests: its own cluster in a temporary
//! directory, run as the `postgres` user (the server refuses root), stopped when dropped.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Command;

use anyhow::{bail, Context as _};

use crate::run_cmd;

pub struct Postgres {
    dir: PathBuf,
    bin: PathBuf,
    pub port: u16,
}

/// The newest server installed under /usr/lib/postgresql/<version>/bin.
fn server_bin() -> anyhow::Result<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .context("PostgreSQL is not installed (apt-get install postgresql)")?
        .filter_map(|e| {
            let e = e.ok()?;
            let v = e.file_name().to_str()?.parse().ok()?;
            Some((v, e.path().join("bin")))
        })
        .filter(|(_, bin)| bin.join("initdb").exists())
        .collect();
    versions.sort();
    versions
        .pop()
        .map(|(_, bin)| bin)
        .context("no initdb under /usr/lib/postgresql")
}

fn as_postgres(program: PathBuf) -> Command {
    let mut cmd = Command::new("runuser");
    cmd.args(["-u", "postgres", "--"]).arg(program);
    cmd
}

impl Postgres {
    pub fn start() -> anyhow::Result<Self> {
        let bin = server_bin()?;
        // Under /tmp: the server runs as `postgres`, which cannot enter root's directories.
        let dir = PathBuf::from(format!("/tmp/homeward-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        run_cmd(Command::new("chown").arg("postgres").arg(&dir))?;
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        run_cmd(
            as_postgres(bin.join("initdb"))
                .args(["-A", "trust", "-U", "homeward", "--no-sync", "-D"])
                .arg(dir.join("data"))
                .arg("--no-instructions"),
        )?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on",
            dir.display()
        );
        let server = Postgres { dir, bin, port };
        run_cmd(
            as_postgres(server.bin.join("pg_ctl"))
                .arg("-D")
                .arg(server.dir.join("data"))
                .arg("-l")
                .arg(server.dir.join("log"))
                .args(["-w", "start", "-o", &options]),
        )?;
        if !server.dir.join("data/postmaster.pid").exists() {
            bail!(
                "PostgreSQL did not start; see {}",
                server.dir.join("log").display()
            );
        }
        Ok(server)
    }

    /// A tool of the server's version (pgbench, psql).
    pub fn tool(&self, name: &str) -> PathBuf {
        self.bin.join(name)
    }

    /// The `pg_ctl` command line for this server (with its `-D` and `-l`), for the tests that
    /// stop and start it.
    pub fn ctl_line(&self) -> String {
        format!(
            "runuser -u postgres -- {} -D {} -l {}",
            self.bin.join("pg_ctl").display(),
            self.dir.join("data").display(),
            self.dir.join("log").display()
        )
    }

    /// `psql` running `sql` on its `postgres` database, quietly.
    pub fn psql(&self, sql: &str) -> Command {
        let mut cmd = Command::new(self.tool("psql"));
        cmd.args([&self.url(), "-q", "-c", sql]);
        cmd
    }

    /// The URL of its `postgres` database, as the `homeward` superuser.
    pub fn url(&self) -> String {
        format!("postgres://homeward@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = as_postgres(self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-w", "-m", "fast", "stop"])
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

//! What the command line's tests share: running `homeward` as a person would.

use std::io::Write as _;
use std::process::{Command, Stdio};

/// Runs `homeward ...` with `stdin` and the token; exit code, standard output and error.
pub fn homeward(token: Option<&str>, args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_homeward"));
    cmd.args(["--lang", "en"])
        .args(args)
        .env_remove("HOMEWARD_ADMIN_TOKEN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(t) = token {
        cmd.env("HOMEWARD_ADMIN_TOKEN", t);
    }
    let mut child = cmd.spawn().expect("run homeward");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

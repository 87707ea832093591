//! The real binary run to its end with a guard against hanging (a FIFO read forever),
//! in a test folder with its own settings and cache; `TOCPLAN_BIN=/path/to/tocplan` runs
//! another build (to see a test fail on the code before its fix).
#![allow(dead_code)] // each test file uses its own share of these

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// A guard against a hung command (a FIFO read forever), not a measure of speed.
pub const HUNG: Duration = Duration::from_secs(30);

pub fn bin() -> String {
    std::env::var("TOCPLAN_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_tocplan").to_string())
}

pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(bin());
    c.args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Runs to the end, or fails the test (killing the command) if it hangs.
pub fn finish(mut c: Command, what: &str) -> Output {
    let child = c.spawn().expect("spawn");
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(HUNG) {
        Ok(out) => out.expect("output"),
        Err(_) => {
            if let Some(p) = rustix::process::Pid::from_raw(pid as i32) {
                let _ = rustix::process::kill_process(p, rustix::process::Signal::KILL);
            }
            panic!("`tocplan {what}` hung");
        }
    }
}

pub fn tocplan(dir: &Path, args: &[&str]) -> Output {
    finish(command(dir, args), &args.join(" "))
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn cafe(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(root().join("plans/language-cafe.toml"), &path).expect("copy");
    path
}

pub fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(ok.success());
}

pub fn record(dir: &Path, plan: &str, date: &str) -> Output {
    tocplan(
        dir,
        &[
            "record",
            plan,
            "practice-outside-class",
            "7",
            "--date",
            date,
        ],
    )
}

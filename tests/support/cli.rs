//! The real binary run in a test folder, with settings and cache folders of the test's
//! own, so the user's banks and cache never leak into a test.
#![allow(dead_code)] // each test file uses its own share of these

use std::path::Path;
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_tocplan");

/// The binary to run in `dir`, with that folder's own settings and cache.
pub fn command(dir: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_CACHE_HOME", dir.join("cache"));
    c
}

pub fn tocplan(dir: &Path, args: &[&str]) -> Output {
    command(dir).args(args).output().expect("run tocplan")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

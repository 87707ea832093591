//! A mistyped subcommand is an error with a suggestion, never a new plan; the real binary.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tocplan");

#[test]
fn a_mistyped_subcommand_exits_2_with_did_you_mean_and_starts_no_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    for args in [
        vec!["chekc"],
        vec!["chekc", "plans/x.toml"],
        vec!["--theme", "dark", "fnt"],
    ] {
        let out = Command::new(BIN)
            .args(&args)
            .current_dir(dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        let meant = if args.contains(&"fnt") {
            "fmt"
        } else {
            "check"
        };
        assert!(
            err.starts_with("tocplan: ") && err.contains(&format!("did you mean `{meant}`?")),
            "{args:?}: {err}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
    assert!(left.is_empty(), "no file is written: {left:?}");
}

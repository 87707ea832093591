//! Messages that say their cause once, in the user's terms, through the real binary: a
//! broken bank, a missing terminal, a guessed pairing in a diff.
//!
//! `TOCPLAN_BIN=/path/to/tocplan cargo test --test messages` runs them against another
//! build.

#[path = "support/run.rs"]
mod run;

use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};

use run::*;

#[test]
fn a_broken_bank_in_the_users_folder_is_a_warning_and_the_rest_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    cafe(d, "p.toml");
    let banks = d.join("config/tocplan/banks");
    std::fs::create_dir_all(&banks).expect("mkdir");
    std::fs::write(banks.join("broken.toml"), "schema = 1\n[bank\n").expect("write");
    std::fs::write(
        banks.join("good.toml"),
        "schema = 1\n[bank]\nid = \"good\"\nname = \"Good\"\n\n[[indicator]]\nid = \"good.zebra\"\ndomain = 9\ntext = \"Zebra crossings used\"\n",
    )
    .expect("write");
    let out = tocplan(d, &["check", "p.toml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}{}", text(&out.stdout));
    assert!(
        err.contains("warning")
            && err.contains("broken.toml:2:")
            && err.contains("--no-user-banks"),
        "{err}"
    );
    let out = tocplan(d, &["indicators", "zebra"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("good.zebra"),
        "{}",
        text(&out.stdout)
    );
    let out = tocplan(d, &["--no-user-banks", "check", "p.toml"]);
    assert!(
        !text(&out.stderr).contains("broken.toml"),
        "{}",
        text(&out.stderr)
    );
}

/// How often `needle` occurs in `hay`.
fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn messages_say_their_cause_once_in_the_users_terms() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    cafe(d, "p.toml");

    let out = tocplan(
        d,
        &[
            "export",
            "--format",
            "csv",
            "p.toml",
            "--out",
            "nowhere/x.csv",
        ],
    );
    let err = text(&out.stderr);
    assert_eq!(
        err.trim(),
        "tocplan: nowhere/x.csv: not saved: the folder nowhere does not exist"
    );

    let out = tocplan(d, &["--bank", "missing.toml", "check", "p.toml"]);
    let err = text(&out.stderr);
    assert_eq!(
        err.trim(),
        "tocplan: missing.toml: cannot read: there is no such file"
    );

    let out = tocplan(d, &["record", "gone.toml", "m", "1"]);
    assert_eq!(
        text(&out.stderr).trim(),
        "tocplan: gone.toml: cannot read: there is no such file"
    );

    // Not taken for a git revision when the file is missing.
    let out = tocplan(d, &["diff", "gone.toml", "p.toml"]);
    assert_eq!(
        text(&out.stderr).trim(),
        "tocplan: gone.toml: cannot read: there is no such file"
    );

    let plan = std::fs::read_to_string(d.join("p.toml")).expect("read");
    let bad = plan.replace("key_domains = [9, 7, 5]", "key_domains = [500, 7]");
    assert_ne!(bad, plan);
    std::fs::write(d.join("kd.toml"), &bad).expect("write");
    let out = tocplan(d, &["check", "kd.toml"]);
    let said = text(&out.stdout);
    // The example plan's line, wherever its layout puts it.
    let line = bad
        .lines()
        .position(|l| l.starts_with("key_domains"))
        .expect("line")
        + 1;
    assert!(
        said.contains(&format!(
            "kd.toml:{line}:16: error: key domain 500 does not exist; domains are numbered 1 to 14"
        )),
        "{said}"
    );
    assert!(!said.contains("found an array"), "{said}");

    // A read-only folder: the cause once, no temporary file named.
    let ro = d.join("ro");
    std::fs::create_dir(&ro).expect("mkdir");
    cafe(&ro, "p.toml");
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut c = command(
        d,
        &[
            "record",
            "ro/p.toml",
            "practice-outside-class",
            "7",
            "--date",
            "2026-05-01",
        ],
    );
    if rustix::process::geteuid().is_root() {
        // root writes anywhere: the save is made as nobody, who may not.
        let everyone = std::fs::Permissions::from_mode(0o644);
        std::fs::set_permissions(ro.join("p.toml"), everyone).expect("chmod");
        let mut as_nobody = Command::new("setpriv");
        as_nobody
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", &bin()])
            .args([
                "record",
                "ro/p.toml",
                "practice-outside-class",
                "7",
                "--date",
                "2026-05-01",
            ])
            .current_dir(d)
            .env("XDG_CONFIG_HOME", d.join("config"))
            .env("XDG_CACHE_HOME", d.join("cache"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c = as_nobody;
    }
    let out = finish(c, "record ro/p.toml");
    let err = text(&out.stderr);
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(
        err.trim(),
        "tocplan: ro/p.toml: not saved: cannot create a file in ro (permission denied)"
    );
    assert_eq!(count(&err, "ermission denied"), 1, "{err}");
}

#[test]
fn without_a_terminal_the_app_says_so_and_names_what_works_instead() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = cafe(dir.path(), "p.toml");
    let before = std::fs::read(&path).expect("read");
    let out = tocplan(dir.path(), &["p.toml"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("the app needs a terminal"), "{err}");
    assert!(
        err.contains("`tocplan new`") && err.contains("--headless --keys FILE"),
        "{err}"
    );
    // Every subcommand is named, as the command line knows them (none forgotten).
    use clap::CommandFactory;
    for sub in tocplan::cli::Cli::command().get_subcommands() {
        let name = sub.get_name();
        assert!(
            err.contains(&format!("`{name}`")) || err.contains(&format!("`tocplan {name}`")),
            "{err}"
        );
    }
    assert!(!err.contains("os error"), "{err}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the file untouched"
    );
}

#[test]
fn the_app_shows_a_skipped_user_bank_on_its_status_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = cafe(dir.path(), "p.toml");
    let banks = dir.path().join("banks");
    std::fs::create_dir_all(&banks).expect("mkdir");
    std::fs::write(banks.join("broken.toml"), "schema = 1\n[bank\n").expect("write");
    let mut fw = tocplan::framework::Framework::builtin().expect("framework");
    fw.load_user_banks(&banks);
    let app = tocplan::tui::prepare(&plan, &fw, &tocplan::tui::Options::default()).expect("opens");
    let status = app.status.map(|s| s.1).unwrap_or_default();
    assert!(
        status.contains("broken.toml") && status.contains("--no-user-banks"),
        "{status}"
    );
}

/// `diff` pairs items by id: where a plan has two items under one id it says the pairing
/// is a guess rather than report false changes silently.
#[test]
fn diff_says_when_a_shared_id_makes_its_pairing_a_guess() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = cafe(dir.path(), "good.toml");
    let dup = std::fs::read_to_string(&good).expect("read").replacen(
        "id = \"simple-conversation\"",
        "id = \"practice-outside-class\"",
        1,
    );
    std::fs::write(dir.path().join("dup.toml"), dup).expect("write");
    let out = tocplan(dir.path(), &["diff", "good.toml", "dup.toml"]);
    let err = text(&out.stderr);
    assert!(
        err.contains("dup.toml: the id `practice-outside-class` is used by more than one item"),
        "{err}"
    );
    let clean = tocplan(dir.path(), &["diff", "good.toml", "good.toml"]);
    assert!(!text(&clean.stderr).contains("more than one item"));
}

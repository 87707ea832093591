//! Every bad-input fixture gives exit 1 or 2 from `tocplan check`, a message that names the
//! line, and leaves the file exactly as it was, whatever command touched it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_tocplan");

/// (fixture, exit code of `check`, line named, words the message must contain)
const CASES: &[(&str, i32, usize, &str)] = &[
    ("syntax-error.toml", 2, 4, "TOML syntax"),
    ("duplicate-id.toml", 1, 10, "duplicate id `talk`"),
    ("dangling-link.toml", 1, 12, "`tlak`, which does not exist"),
    (
        "backward-link.toml",
        1,
        7,
        "which is an activity; links point forward",
    ),
    ("output-serves-goal.toml", 1, 7, "which is the goal"),
    ("cycle.toml", 1, 7, "loop: a -> b -> c -> a"),
    (
        "unknown-indicator.toml",
        1,
        12,
        "`language.made-up`, which is in no loaded bank",
    ),
    (
        "conflict-markers.toml",
        2,
        5,
        "unresolved git merge conflict",
    ),
    ("conflict-diff3.toml", 2, 5, "======= at 9, >>>>>>> at 11"),
    (
        "newer-schema.toml",
        2,
        1,
        "schema = 2, written by a newer tocplan",
    ),
    ("wrong-types.toml", 1, 5, "must be a date like 2026-01-05"),
    ("empty.toml", 2, 1, "the file is empty"),
    (
        "missing-required.toml",
        1,
        4,
        "has no `id`, which is required",
    ),
    (
        "dates-out-of-order.toml",
        1,
        6,
        "ends (2026-01-31) before it starts",
    ),
    ("invalid-utf8.toml", 2, 5, "not valid UTF-8"),
    ("garbage.toml", 2, 1, "not a text file"),
    ("missing-schema.toml", 1, 1, "no `schema` key"),
    (
        "unknown-stakeholder.toml",
        1,
        23,
        "not a stakeholder in this plan",
    ),
    ("single-table.toml", 1, 4, "must be an array of tables"),
    ("bad-group.toml", 1, 7, "not a stakeholder group"),
    ("comment-in-array.toml", 1, 8, "cannot be kept"),
    ("impossible-date.toml", 2, 5, "invalid date"),
    (
        "assumption-bad-link.toml",
        1,
        16,
        "`talk` does not serve `cafe`",
    ),
    ("not-a-number.toml", 1, 8, "must be a finite number"),
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(name)
}

fn tocplan(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .arg("--no-user-banks")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run tocplan")
}

#[test]
fn every_fixture_is_covered() {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixture(""))
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CASES.iter().map(|c| c.0.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
    assert!(CASES.len() >= 15);
}

#[test]
fn check_reports_exit_code_line_and_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, code, line, needle) in CASES {
        std::fs::copy(fixture(name), dir.path().join(name)).expect("copy");
        let out = tocplan(dir.path(), &["check", name]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(*code), "{name}: {stdout}");
        let at = format!("{name}:{line}:");
        assert!(
            stdout.lines().any(|l| l.starts_with(&at))
                || stdout.contains(&format!("{name}:{line}:")),
            "{name}: expected a message at line {line}:\n{stdout}"
        );
        assert!(
            stdout.contains(needle),
            "{name}: expected {needle:?} in\n{stdout}"
        );
    }
}

#[test]
fn no_command_changes_a_bad_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, ..) in CASES {
        let path = dir.path().join(name);
        std::fs::copy(fixture(name), &path).expect("copy");
        let before = std::fs::read(&path).expect("read");
        for args in [
            vec!["check", name],
            vec!["fmt", name],
            vec!["fmt", "--check", name],
            vec!["new", name],
        ] {
            let out = tocplan(dir.path(), &args);
            assert!(
                !out.status.success(),
                "{name}: `{}` succeeded",
                args.join(" ")
            );
            assert_eq!(
                std::fs::read(&path).expect("read"),
                before,
                "{name} changed by `{}`",
                args.join(" ")
            );
        }
    }
}

#[test]
fn a_directory_or_missing_file_is_refused_clearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("plan.toml")).expect("mkdir");
    let out = tocplan(dir.path(), &["check", "plan.toml"]);
    assert_eq!(out.status.code(), Some(2));
    // What stops a file is an error: on stderr, once, as `tocplan: ...`.
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("tocplan: plan.toml: is a directory"));
    let out = tocplan(dir.path(), &["check", "missing.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("tocplan: missing.toml: cannot read"));
    let out = tocplan(dir.path(), &["plan.toml"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "the app refuses a directory before touching the terminal"
    );
}

#[test]
fn the_app_never_opens_a_conflicted_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = "conflict-markers.toml";
    std::fs::copy(fixture(name), dir.path().join(name)).expect("copy");
    let out = tocplan(dir.path(), &[name]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unresolved git merge conflict"), "{stderr}");
    assert!(
        stderr.contains("Everyone talks often"),
        "both sides shown: {stderr}"
    );
}

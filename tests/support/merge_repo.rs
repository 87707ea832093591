//! Throwaway repositories holding the language café, set up for tocplan, for the merge
//! driver's tests through real git.
#![allow(dead_code)] // each test file uses its own share of these

use std::path::Path;
use std::process::{Command, Output};

use tocplan::plan::{Plan, Severity};

pub const BIN: &str = env!("CARGO_BIN_EXE_tocplan");
pub const PLAN: &str = "plans/cafe.toml";

/// PATH without the folder of the tocplan under test (nor any other tocplan).
pub fn bare_path() -> String {
    std::env::var("PATH")
        .unwrap_or_default()
        .split(':')
        .filter(|d| !Path::new(d).join("tocplan").exists())
        .collect::<Vec<_>>()
        .join(":")
}

pub fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .env("NO_COLOR", "1")
        .env("PATH", bare_path())
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .output()
        .expect("run")
}

pub fn git(dir: &Path, args: &[&str]) -> Output {
    let out = run(dir, "git", args);
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub fn said(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A repository holding the language café as plans/cafe.toml, set up for tocplan with
/// `setup` (the arguments after `git-setup`), on branch main.
pub fn repo_with(setup: &[&str], base: impl FnOnce(&mut Plan)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    std::fs::create_dir(d.join("plans")).expect("mkdir");
    let mut plan = tocplan::plan::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/language-cafe.toml"),
    )
    .expect("load")
    .plan;
    base(&mut plan);
    tocplan::plan::save(&plan, &d.join(PLAN)).expect("save");
    let mut args = vec!["git-setup"];
    args.extend(setup);
    let out = run(d, BIN, &args);
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "The café plan"]);
    dir
}

pub fn repo() -> tempfile::TempDir {
    repo_with(&["--command", BIN], |_| {})
}

pub fn load(d: &Path) -> Plan {
    tocplan::plan::load(&d.join(PLAN))
        .expect("a readable plan")
        .plan
}

/// Edits the plan through the library, as the app would, and commits on the branch.
pub fn commit_edit(d: &Path, message: &str, edit: impl FnOnce(&mut Plan)) {
    let mut plan = load(d);
    edit(&mut plan);
    tocplan::plan::save(&plan, &d.join(PLAN)).expect("save");
    git(d, &["commit", "-q", "-am", message]);
}

/// Branch `a` from main with one edit and branch `b` from main with another; `b` is
/// checked out.
pub fn branches(d: &Path, a: impl FnOnce(&mut Plan), b: impl FnOnce(&mut Plan)) {
    git(d, &["checkout", "-q", "-b", "a", "main"]);
    commit_edit(d, "a", a);
    git(d, &["checkout", "-q", "-b", "b", "main"]);
    commit_edit(d, "b", b);
}

pub fn merge(d: &Path, branch: &str) -> Output {
    run(d, "git", &["merge", "--no-edit", branch])
}

/// Merges `a` into `b`: it must succeed, and the plan must pass `check`'s error rules.
pub fn clean_merge(d: &Path) -> Plan {
    let out = merge(d, "a");
    assert!(out.status.success(), "{}", said(&out));
    assert_no_errors(&std::fs::read_to_string(d.join(PLAN)).expect("read"));
    load(d)
}

pub fn assert_no_errors(text: &str) {
    let fw = tocplan::framework::Framework::builtin().expect("framework");
    let found = tocplan::plan::check_text(text, Path::new(PLAN), &fw).expect("readable");
    let errors: Vec<_> = found
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{text}");
}

/// The text with every conflict resolved to one side (`true`: the first version).
pub fn resolve(text: &str, first: bool) -> String {
    let mut out = String::new();
    let mut part = None;
    for line in text.split_inclusive('\n') {
        match line.get(..7) {
            Some("<<<<<<<") => part = Some(0),
            Some("|||||||") => part = Some(1),
            Some("=======") if part.is_some() && line.trim_end().len() == 7 => part = Some(2),
            Some(">>>>>>>") => part = None,
            _ => match part {
                None => out.push_str(line),
                Some(0) if first => out.push_str(line),
                Some(2) if !first => out.push_str(line),
                _ => {}
            },
        }
    }
    out
}

/// Merges `a` into `b`: a conflict naming `message`, both versions in the file, each of
/// them a sound plan; returns the two resolutions.
pub fn conflict(d: &Path, message: &str) -> (Plan, Plan) {
    let out = merge(d, "a");
    let text = said(&out);
    assert!(!out.status.success(), "a clean merge: {text}");
    assert!(text.contains(message), "{text}");
    let file = std::fs::read_to_string(d.join(PLAN)).expect("read");
    assert!(file.contains("<<<<<<< "), "{file}");
    let check = run(d, BIN, &["check", PLAN]);
    assert_eq!(check.status.code(), Some(2), "refused: {}", said(&check));
    let parse = |t: &str| {
        assert_no_errors(t);
        tocplan::plan::parse_str(t, Path::new(PLAN))
            .expect("parses")
            .plan
    };
    (parse(&resolve(&file, true)), parse(&resolve(&file, false)))
}

//! The merge driver through real git, in throwaway repositories: a merge git commits is a
//! sound plan, a merge keeps what each side did, and the driver is always found and its
//! markers lose nothing.

use std::path::Path;
use std::process::{Command, Output};

use tocplan::plan::{Number, Plan, Severity};

const BIN: &str = env!("CARGO_BIN_EXE_tocplan");
const PLAN: &str = "plans/cafe.toml";

/// PATH without the folder of the tocplan under test (nor any other tocplan).
fn bare_path() -> String {
    std::env::var("PATH")
        .unwrap_or_default()
        .split(':')
        .filter(|d| !Path::new(d).join("tocplan").exists())
        .collect::<Vec<_>>()
        .join(":")
}

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
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

fn git(dir: &Path, args: &[&str]) -> Output {
    let out = run(dir, "git", args);
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn said(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A repository holding the language café as plans/cafe.toml, set up for tocplan with
/// `setup` (the arguments after `git-setup`), on branch main.
fn repo_with(setup: &[&str], base: impl FnOnce(&mut Plan)) -> tempfile::TempDir {
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

fn repo() -> tempfile::TempDir {
    repo_with(&["--command", BIN], |_| {})
}

fn load(d: &Path) -> Plan {
    tocplan::plan::load(&d.join(PLAN))
        .expect("a readable plan")
        .plan
}

/// Edits the plan through the library, as the app would, and commits on the branch.
fn commit_edit(d: &Path, message: &str, edit: impl FnOnce(&mut Plan)) {
    let mut plan = load(d);
    edit(&mut plan);
    tocplan::plan::save(&plan, &d.join(PLAN)).expect("save");
    git(d, &["commit", "-q", "-am", message]);
}

/// Branch `a` from main with one edit and branch `b` from main with another; `b` is
/// checked out.
fn branches(d: &Path, a: impl FnOnce(&mut Plan), b: impl FnOnce(&mut Plan)) {
    git(d, &["checkout", "-q", "-b", "a", "main"]);
    commit_edit(d, "a", a);
    git(d, &["checkout", "-q", "-b", "b", "main"]);
    commit_edit(d, "b", b);
}

fn merge(d: &Path, branch: &str) -> Output {
    run(d, "git", &["merge", "--no-edit", branch])
}

/// Merges `a` into `b`: it must succeed, and the plan must pass `check`'s error rules.
fn clean_merge(d: &Path) -> Plan {
    let out = merge(d, "a");
    assert!(out.status.success(), "{}", said(&out));
    assert_no_errors(&std::fs::read_to_string(d.join(PLAN)).expect("read"));
    load(d)
}

fn assert_no_errors(text: &str) {
    let fw = tocplan::framework::Framework::builtin().expect("framework");
    let found = tocplan::plan::check_text(text, Path::new(PLAN), &fw).expect("readable");
    let errors: Vec<_> = found
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}\n{text}");
}

/// The text with every conflict resolved to one side (`true`: the first version).
fn resolve(text: &str, first: bool) -> String {
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
fn conflict(d: &Path, message: &str) -> (Plan, Plan) {
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

// 1. A merge that git commits is a sound plan.

#[test]
fn deleting_an_output_the_other_side_links_to_is_a_named_conflict() {
    let dir = repo();
    let d = dir.path();
    branches(
        d,
        |p| {
            p.delete("supported-practice").expect("delete");
        },
        |p| p.link("club-tasters", "supported-practice").expect("link"),
    );
    let (ours, theirs) = conflict(
        d,
        "activity `club-tasters` now serves output `supported-practice`, which the other side deleted",
    );
    // Ours (b) keeps the output and its new link; theirs (a) deleted both.
    assert!(ours.outputs.iter().any(|o| o.id == "supported-practice"));
    assert!(
        ours.serves_of("club-tasters")
            .contains(&"supported-practice".to_string())
    );
    assert!(theirs.outputs.iter().all(|o| o.id != "supported-practice"));
}

#[test]
fn deleting_a_stakeholder_the_other_side_makes_responsible_is_a_named_conflict() {
    let dir = repo();
    let d = dir.path();
    branches(
        d,
        |p| {
            p.delete("local-clubs").expect("delete");
        },
        |p| {
            let a = p.activities.iter_mut().find(|a| a.id == "co-design");
            a.expect("activity").responsible = Some("local-clubs".into());
        },
    );
    let (ours, theirs) = conflict(
        d,
        "activity `co-design` now names stakeholder `local-clubs` as responsible, which the other side deleted",
    );
    assert!(ours.stakeholder("local-clubs").is_some());
    assert_eq!(
        ours.activity("co-design")
            .and_then(|a| a.responsible.clone()),
        Some("local-clubs".into())
    );
    assert!(theirs.stakeholder("local-clubs").is_none());
}

#[test]
fn deleting_a_measure_the_other_side_records_a_reading_of_is_a_named_conflict() {
    let dir = repo();
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "a"]);
    commit_edit(d, "a", |p| {
        p.delete("ask-neighbours").expect("delete");
    });
    git(d, &["checkout", "-q", "-b", "b", "main"]);
    let rec = run(
        d,
        BIN,
        &[
            "record",
            PLAN,
            "ask-neighbours",
            "12",
            "--date",
            "2026-09-01",
        ],
    );
    assert_eq!(rec.status.code(), Some(0), "{}", said(&rec));
    git(d, &["commit", "-q", "-am", "A reading"]);
    let (ours, theirs) = conflict(
        d,
        "reading `ask-neighbours on 2026-09-01` was recorded for measure `ask-neighbours`, which the other side deleted",
    );
    assert!(ours.measure("ask-neighbours").is_some());
    assert!(ours.readings.iter().any(|r| r.measure == "ask-neighbours"));
    assert!(theirs.measure("ask-neighbours").is_none());
    assert!(
        theirs
            .readings
            .iter()
            .all(|r| r.measure != "ask-neighbours")
    );
}

#[test]
fn two_new_items_of_different_kinds_under_one_id_are_a_named_conflict() {
    let dir = repo();
    let d = dir.path();
    branches(
        d,
        |p| {
            let id = p
                .add_output("regular-conversations", "New thing")
                .expect("output");
            assert_eq!(id, "new-thing");
        },
        |p| {
            let id = p.add_outcome("New thing").expect("outcome");
            assert_eq!(id, "new-thing");
        },
    );
    let (ours, theirs) = conflict(
        d,
        "intermediate outcome `new-thing` and output `new-thing` were added on different sides with the same id",
    );
    assert_eq!(
        ours.kind_of("new-thing"),
        Some(tocplan::plan::Kind::Outcome)
    );
    assert_eq!(
        theirs.kind_of("new-thing"),
        Some(tocplan::plan::Kind::Output)
    );
}

// 4. A merge keeps what each side did.

fn swap_outputs(p: &mut Plan) {
    p.outputs.swap(0, 2);
}

fn output_order(p: &Plan) -> Vec<String> {
    p.outputs.iter().map(|o| o.id.clone()).collect()
}

#[test]
fn a_reorder_on_either_side_survives_an_edit_on_the_other() {
    let moved = vec![
        "social-activities",
        "supported-practice",
        "drop-in-sessions",
    ];
    for reorder_on_a in [true, false] {
        let dir = repo();
        let d = dir.path();
        let edit = |p: &mut Plan| p.outputs[1].text = "Edited on the other side".into();
        if reorder_on_a {
            branches(d, swap_outputs, edit);
        } else {
            branches(d, edit, swap_outputs);
        }
        let merged = clean_merge(d);
        assert_eq!(output_order(&merged), moved, "reorder on a: {reorder_on_a}");
        assert_eq!(
            merged.outputs[1].text, "Edited on the other side",
            "reorder on a: {reorder_on_a}"
        );
    }
}

#[test]
fn a_rebase_keeps_a_commit_that_only_reorders() {
    let dir = repo();
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "moves"]);
    commit_edit(d, "Put the social activities first", swap_outputs);
    git(d, &["checkout", "-q", "main"]);
    commit_edit(d, "Edit an output", |p| {
        p.outputs[1].text = "Edited upstream".into()
    });
    git(d, &["checkout", "-q", "moves"]);
    let out = run(d, "git", &["rebase", "main"]);
    assert!(out.status.success(), "{}", said(&out));
    let log = git(d, &["log", "--format=%s", "main..moves"]);
    assert_eq!(
        String::from_utf8_lossy(&log.stdout).trim(),
        "Put the social activities first"
    );
    let merged = load(d);
    assert_eq!(
        output_order(&merged),
        vec![
            "social-activities",
            "supported-practice",
            "drop-in-sessions"
        ]
    );
    assert_eq!(merged.outputs[1].text, "Edited upstream");
}

/// A rename as a planner would make one: the id and every reference to it.
fn rename_output(p: &mut Plan) {
    for o in &mut p.outputs {
        if o.id == "social-activities" {
            o.id = "club-activities".into();
        }
    }
    for a in &mut p.activities {
        for s in &mut a.serves {
            if s == "social-activities" {
                *s = "club-activities".into();
            }
        }
    }
    for a in &mut p.assumptions {
        if let tocplan::plan::About::Link { from, .. } | tocplan::plan::About::Item(from) =
            &mut a.about
            && from == "social-activities"
        {
            *from = "club-activities".into();
        }
    }
}

#[test]
fn a_rename_on_one_side_takes_the_other_sides_edit_along() {
    for rename_on_a in [true, false] {
        let dir = repo();
        let d = dir.path();
        let edit = |p: &mut Plan| {
            let o = p.outputs.iter_mut().find(|o| o.id == "social-activities");
            o.expect("output").text = "Monthly club tasters at the café".into();
        };
        if rename_on_a {
            branches(d, rename_output, edit);
        } else {
            branches(d, edit, rename_output);
        }
        let merged = clean_merge(d);
        let ids = output_order(&merged);
        assert_eq!(
            ids,
            vec!["drop-in-sessions", "supported-practice", "club-activities"],
            "rename on a: {rename_on_a}"
        );
        assert_eq!(merged.outputs[2].text, "Monthly club tasters at the café");
        assert!(
            merged
                .serves_of("club-tasters")
                .contains(&"club-activities".into())
        );
    }
}

#[test]
fn edits_to_different_lines_of_one_long_text_merge() {
    let dir = repo();
    let d = dir.path();
    let line = |n: usize, to: &'static str| {
        move |p: &mut Plan| {
            let mut lines: Vec<String> = p.context.problem.lines().map(str::to_string).collect();
            lines[n] = to.into();
            p.context.problem = lines.join("\n");
        }
    };
    branches(
        d,
        line(0, "First line, edited on a."),
        line(2, "Last line, edited on b."),
    );
    let merged = clean_merge(d);
    let lines: Vec<&str> = merged.context.problem.lines().collect();
    assert_eq!(lines[0], "First line, edited on a.");
    assert_eq!(lines[2], "Last line, edited on b.");
    assert_eq!(lines.len(), 3);
}

#[test]
fn edits_to_different_entries_of_one_list_merge() {
    let dir = repo();
    let d = dir.path();
    branches(
        d,
        |p| {
            p.activities[0].resources[0] = "Funds: room hire (£5,000 a year)".into();
            p.context.key_domains[0] = 10;
        },
        |p| {
            p.activities[0].resources[2] = "Materials: picture prompts".into();
            p.context.key_domains[2] = 4;
        },
    );
    let merged = clean_merge(d);
    assert_eq!(
        merged.activities[0].resources,
        vec![
            "Funds: room hire (£5,000 a year)",
            "Staff: café coordinator, 0.4 FTE",
            "Materials: picture prompts"
        ]
    );
    assert_eq!(merged.context.key_domains, vec![10, 7, 4]);
}

// 5. The driver is always found, and its advice loses nothing.

/// Adjacent lines of one measure: plain git's line merge would conflict on them.
fn baseline(p: &mut Plan) {
    p.measures[0].baseline = Some(Number::Int(12));
}

fn target(p: &mut Plan) {
    p.measures[0].target = Some(Number::Int(45));
}

#[test]
fn git_setup_records_a_driver_git_finds_without_tocplan_on_path() {
    let dir = repo_with(&[], |_| {});
    let d = dir.path();
    let driver = git(d, &["config", "merge.tocplan.driver"]);
    let driver = String::from_utf8_lossy(&driver.stdout).into_owned();
    let exe = std::fs::canonicalize(BIN).expect("binary");
    assert!(driver.contains(&*exe.to_string_lossy()), "{driver}");
    branches(d, baseline, target);
    let merged = clean_merge(d);
    assert_eq!(merged.measures[0].baseline, Some(Number::Int(12)));
    assert_eq!(merged.measures[0].target, Some(Number::Int(45)));
}

#[test]
fn git_setup_says_where_the_driver_is_and_refuses_a_command_not_on_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    let out = run(d, BIN, &["git-setup", "--command", "tocplan"]);
    assert_eq!(out.status.code(), Some(2), "{}", said(&out));
    assert!(
        said(&out).contains("`tocplan` is not a program git could run"),
        "{}",
        said(&out)
    );
    assert!(
        git(d, &["config", "--list"])
            .stdout
            .windows(7)
            .all(|w| w != b"tocplan")
    );
    let out = run(d, BIN, &["git-setup"]);
    assert!(said(&out).contains("so it needs no PATH"), "{}", said(&out));
}

#[test]
fn a_driver_that_cannot_run_still_leaves_both_sides_in_the_file() {
    let dir = repo_with(&[], |_| {});
    let d = dir.path();
    let driver = git(d, &["config", "merge.tocplan.driver"]);
    let exe = std::fs::canonicalize(BIN).expect("binary");
    let broken = String::from_utf8_lossy(&driver.stdout)
        .trim()
        .replace(&*exe.to_string_lossy(), "/nonexistent/tocplan");
    git(d, &["config", "merge.tocplan.driver", &broken]);
    branches(
        d,
        |p| p.measures[0].target = Some(Number::Int(50)),
        |p| p.measures[0].target = Some(Number::Int(60)),
    );
    let out = merge(d, "a");
    assert!(!out.status.success());
    let file = std::fs::read_to_string(d.join(PLAN)).expect("read");
    assert!(
        file.contains("<<<<<<< HEAD\ntarget = 60\n=======\ntarget = 50\n>>>>>>> a"),
        "{file}"
    );
}

#[test]
fn conflict_markers_use_gits_names_and_the_advice_keeps_the_clean_merges() {
    let dir = repo();
    let d = dir.path();
    branches(
        d,
        |p| {
            p.measures[0].target = Some(Number::Int(50));
            p.goal.text = "A clean change on a".into();
        },
        |p| p.measures[0].target = Some(Number::Int(60)),
    );
    let out = merge(d, "a");
    let text = said(&out);
    assert!(!out.status.success());
    assert!(
        !text.contains("--ours") && !text.contains("--theirs"),
        "{text}"
    );
    assert!(
        text.contains("then run `tocplan check plans/cafe.toml`"),
        "{text}"
    );
    let file = std::fs::read_to_string(d.join(PLAN)).expect("read");
    assert!(
        file.contains("<<<<<<< HEAD\ntarget = 60\n=======\ntarget = 50\n>>>>>>> a\n"),
        "{file}"
    );
    assert!(file.contains("A clean change on a"));
    let check = said(&run(d, BIN, &["check", PLAN]));
    assert!(
        !check.contains("--ours") && check.contains("tocplan check"),
        "{check}"
    );
}

#[test]
fn diff3_style_shows_the_base_between_the_versions() {
    let dir = repo();
    let d = dir.path();
    git(d, &["config", "merge.conflictStyle", "diff3"]);
    branches(
        d,
        |p| p.measures[0].target = Some(Number::Int(50)),
        |p| p.measures[0].target = Some(Number::Int(60)),
    );
    let out = merge(d, "a");
    assert!(!out.status.success());
    let file = std::fs::read_to_string(d.join(PLAN)).expect("read");
    let block = "<<<<<<< HEAD\ntarget = 60\n||||||| ";
    let at = file.find(block).unwrap_or_else(|| panic!("{file}"));
    assert!(
        file[at..].contains("\ntarget = 40\n=======\ntarget = 50\n>>>>>>> a\n"),
        "{file}"
    );
}

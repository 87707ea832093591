//! The command line, run as a user would.

#[path = "support/cli.rs"]
mod cli;

use std::path::Path;

use cli::{stdout, tocplan};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn check_passes_every_example_plan() {
    let plans: Vec<String> = std::fs::read_dir(root().join("plans"))
        .expect("plans")
        .map(|e| e.expect("entry").path().display().to_string())
        .collect();
    let mut args = vec!["check"];
    args.extend(plans.iter().map(String::as_str));
    let out = tocplan(root(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // Nothing but the review's advice (which never fails a check).
    assert!(
        stdout(&out).lines().all(|l| l.contains(": advice: ")),
        "{}",
        stdout(&out)
    );
    let mut args = vec!["fmt", "--check"];
    args.extend(plans.iter().map(String::as_str));
    assert_eq!(tocplan(root(), &args).status.code(), Some(0));
}

#[test]
fn an_empty_file_is_refused_by_check_and_fmt_with_a_hint_that_works() {
    let dir = tempfile::tempdir().expect("tempdir");
    for blank in ["", " \n\n\t \n"] {
        std::fs::write(dir.path().join("empty.toml"), blank).expect("write");
        for args in [&["check", "empty.toml"][..], &["fmt", "empty.toml"]] {
            let out = tocplan(dir.path(), args);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let err = format!("{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
            assert!(
                err.contains("empty.toml:1:1: error: the file is empty"),
                "{err}"
            );
            assert!(err.contains("`tocplan new empty.toml`"), "{err}");
            assert_eq!(
                std::fs::read_to_string(dir.path().join("empty.toml")).expect("read"),
                blank,
                "{args:?} left the file as it was"
            );
        }
        // Following the hint works: `new` fills the empty file, and the plan then checks.
        let new = tocplan(dir.path(), &["new", "empty.toml"]);
        assert_eq!(
            new.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&new.stderr)
        );
        let text = std::fs::read_to_string(dir.path().join("empty.toml")).expect("written");
        assert!(
            text.starts_with("schema = 1\ntitle = \"Empty\"\n"),
            "{text}"
        );
        let check = tocplan(dir.path(), &["check", "empty.toml"]);
        assert!(!stdout(&check).contains(": error:"), "{}", stdout(&check));
        // ...and a file with a plan in it now is never overwritten.
        let again = tocplan(dir.path(), &["new", "empty.toml"]);
        assert_eq!(again.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    }
}

#[test]
fn new_writes_a_skeleton_that_checks_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tocplan(dir.path(), &["new", "welcome-hub.toml"]);
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(dir.path().join("welcome-hub.toml")).expect("written");
    assert!(
        text.starts_with("schema = 1\ntitle = \"Welcome hub\"\n"),
        "{text}"
    );
    // A valid plan with nothing in it yet: no error, and the review says what to do first.
    let check = tocplan(dir.path(), &["check", "welcome-hub.toml"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(!stdout(&check).contains(": error:"), "{}", stdout(&check));
    assert!(
        stdout(&check).contains("The plan has no goal"),
        "{}",
        stdout(&check)
    );
    assert_eq!(
        tocplan(dir.path(), &["fmt", "--check", "welcome-hub.toml"])
            .status
            .code(),
        Some(0)
    );

    let again = tocplan(dir.path(), &["new", "welcome-hub.toml", "--title", "Other"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("welcome-hub.toml")).expect("read"),
        text
    );

    tocplan(dir.path(), &["new", "x.toml", "--title", "Café \"club\""]);
    let t = std::fs::read_to_string(dir.path().join("x.toml")).expect("read");
    assert!(t.contains("title = \"Café \\\"club\\\"\""), "{t}");
}

#[test]
fn fmt_rewrites_to_canonical_form_and_keeps_comments_and_unknown_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let messy = "# mine\ntitle = 'Messy'\nschema = 1\n[[outcome]]\ntext = \"\"\"Talk\"\"\"\nid = 'talk'  # keep me\nserves = [ 'goal' ]\nlater = 1\n";
    std::fs::write(dir.path().join("p.toml"), messy).expect("write");
    let check = tocplan(dir.path(), &["fmt", "--check", "p.toml"]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("p.toml")).expect("read"),
        messy
    );
    assert_eq!(
        tocplan(dir.path(), &["fmt", "p.toml"]).status.code(),
        Some(0)
    );
    let text = std::fs::read_to_string(dir.path().join("p.toml")).expect("read");
    assert_eq!(
        text,
        "# mine\nschema = 1\ntitle = \"Messy\"\n\n[context]\n\n[goal]\ntext = \"\"\n\n[[outcome]]\nid = \"talk\" # keep me\ntext = \"Talk\"\nserves = [\"goal\"]\nlater = 1\n"
    );
    assert_eq!(
        tocplan(dir.path(), &["fmt", "--check", "p.toml"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn help_and_completions() {
    for args in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["fmt", "--help"],
        vec!["new", "--help"],
        vec!["indicators", "--help"],
        vec!["domains", "--help"],
    ] {
        let out = tocplan(root(), &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(stdout(&out).contains("Usage:"));
    }
    assert!(stdout(&tocplan(root(), &["--help"])).contains("Open Government Licence v3.0"));
    for shell in ["bash", "zsh", "fish"] {
        let out = tocplan(root(), &["completions", shell]);
        assert_eq!(out.status.code(), Some(0));
        assert!(stdout(&out).contains("tocplan"));
    }
}

#[test]
fn check_reviews_the_plan_and_speaks_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fail = root().join("tests/fixtures/review/social-connections.fail.toml");
    let text = std::fs::read_to_string(&fail).expect("fixture");
    std::fs::write(dir.path().join("p.toml"), &text).expect("write");
    let out = tocplan(dir.path(), &["check", "p.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("warning: No measure of social bonds, bridges or links"),
        "{}",
        stdout(&out)
    );
    let json = tocplan(dir.path(), &["check", "p.toml", "--format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let social = rows
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["rule"] == "social-connections")
        .expect("the finding");
    assert_eq!(social["severity"], "warning");
    assert!(social["line"].as_u64().is_some());
    assert!(
        social["reason"]
            .as_str()
            .is_some_and(|r| r.contains("social connections"))
    );
    // Switching both rules off, with reasons, keeps the findings visible but passes.
    let waived = format!(
        "{text}\n[[waiver]]\nrule = \"social-connections\"\nreason = \"Phase one measures language only\"\n\n[[waiver]]\nrule = \"multi-directional\"\nreason = \"Settled residents are measured in phase two\"\n"
    );
    std::fs::write(dir.path().join("p.toml"), &waived).expect("write");
    let out = tocplan(dir.path(), &["check", "p.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("(waived: Phase one measures language only)"));
    // A waiver of a rule that does not exist is a warning naming the rules.
    std::fs::write(
        dir.path().join("p.toml"),
        format!("{waived}\n[[waiver]]\nrule = \"social-conections\"\nreason = \"typo\"\n"),
    )
    .expect("write");
    let out = tocplan(dir.path(), &["check", "p.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("no such review rule"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn export_gives_the_evaluation_plan_as_csv_and_markdown() {
    let plan = root().join("plans/language-cafe.toml");
    let plan = plan.to_str().expect("utf-8");
    let out = tocplan(root(), &["export", "--format", "csv", plan]);
    assert_eq!(out.status.code(), Some(0));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(&reader.headers().expect("header")[0], "Outcome");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let text = std::fs::read_to_string(plan).expect("plan");
    assert_eq!(rows.len(), text.matches("[[measure]]").count());
    // Markdown is the whole plan as a document, ending with the evaluation plan.
    let md = stdout(&tocplan(root(), &["export", plan]));
    assert!(md.starts_with("# Language café\n"), "{md}");
    let table = md
        .split("## Evaluation plan\n")
        .nth(1)
        .expect("the evaluation plan");
    let (measures, outputs) = table
        .split_once("### Outputs delivered\n")
        .expect("the outputs counted");
    assert_eq!(
        measures.lines().filter(|l| l.starts_with('|')).count(),
        2 + rows.len()
    );
    // The café's three outputs have targets: each is a row under its header.
    assert_eq!(
        outputs.lines().filter(|l| l.starts_with('|')).count(),
        2 + 3
    );
}

#[test]
fn a_conflicted_plan_is_refused_by_check_diff_and_export_naming_the_lines() {
    let bad = root().join("tests/fixtures/bad/conflict-markers.toml");
    let bad = bad.to_str().expect("utf-8");
    let good = root().join("plans/language-cafe.toml");
    let good = good.to_str().expect("utf-8");
    for args in [
        vec!["check", bad],
        vec!["diff", good, bad],
        vec!["export", bad],
        vec!["export", "--format", "mermaid", bad],
    ] {
        let out = tocplan(root(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let said = format!("{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
        assert!(said.contains("conflict"), "{args:?}: {said}");
        assert!(
            said.contains(":1") || said.contains("line"),
            "{args:?}: {said}"
        );
    }
}

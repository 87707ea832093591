//! `tocplan portfolio` end to end: the real binary over the example plans, a folder
//! searched for plans, a generated portfolio, a broken plan among good ones, and plans read
//! from a git revision in a throwaway repository.

#[path = "support/repo.rs"]
mod repo;

use std::path::Path;

use repo::*;

fn examples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("plans")
}

#[test]
fn a_folder_of_plans_is_reported_and_a_broken_plan_listed_with_exit_1() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    for e in std::fs::read_dir(examples()).expect("plans") {
        let p = e.expect("entry").path();
        std::fs::copy(&p, d.join("nested").join(p.file_name().expect("name")))
            .or_else(|_| {
                std::fs::create_dir_all(d.join("nested"))?;
                std::fs::copy(&p, d.join("nested").join(p.file_name().expect("name")))
            })
            .expect("copy");
    }
    let out = tocplan(d, &["portfolio", "nested"]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    let t = text(&out);
    assert!(t.starts_with("Portfolio of 4 plans\n"), "{t}");
    for title in [
        "Language café",
        "Friendship Club",
        "ICT skills",
        "Colleges and newcomer",
    ] {
        assert!(t.contains(title), "{title}: {t}");
    }
    write(&d.join("nested/broken.toml"), "schema = 1\n[goal\n");
    write(&d.join("nested/.hidden/skip.toml"), "not a plan");
    let out = tocplan(d, &["portfolio", "nested"]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let t = text(&out);
    assert!(
        t.starts_with("Portfolio of 5 plans (1 could not be read)"),
        "{t}"
    );
    assert!(
        t.contains("Could not be read\n  nested/broken.toml\n    nested/broken.toml:2:"),
        "{t}"
    );
    assert!(t.contains("Shared indicators"), "{t}");
    assert!(!t.contains("skip.toml"));
    assert!(
        err(&out).contains("1 plan could not be read"),
        "{}",
        err(&out)
    );
    // Every format still reports the rest, and exits 1.
    for format in ["csv", "json", "markdown", "html"] {
        let out = tocplan(d, &["portfolio", "nested", "--format", format]);
        assert_eq!(out.status.code(), Some(1), "{format}: {}", both(&out));
        assert!(text(&out).contains("Language café"), "{format}");
        assert!(text(&out).contains("broken"), "{format}");
    }
    // A folder with no plans, and a file not there, are errors of their own.
    std::fs::create_dir_all(d.join("empty")).expect("mkdir");
    let out = tocplan(d, &["portfolio", "empty"]);
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    assert!(err(&out).contains("empty: no plans"), "{}", err(&out));
    let out = tocplan(d, &["portfolio", "nested/language-cafe.toml", "gone.toml"]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    assert!(text(&out).contains("gone.toml"), "{}", both(&out));
}

#[test]
fn a_generated_portfolio_shares_indicators_and_shows_gaps() {
    let dir = tempfile::tempdir().expect("temp");
    let d = dir.path();
    let out = tocplan(
        d,
        &[
            "generate",
            "portfolio",
            "--plans",
            "20",
            "--items",
            "30",
            "pf",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    let n = std::fs::read_dir(d.join("pf")).expect("folder").count();
    assert_eq!(n, 20);
    // Written once, not overwritten without --force.
    let again = tocplan(d, &["generate", "portfolio", "--plans", "2", "pf"]);
    assert_eq!(again.status.code(), Some(2), "{}", both(&again));
    let out = tocplan(d, &["portfolio", "pf", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    let j: serde_json::Value = serde_json::from_str(&text(&out)).expect("json");
    assert_eq!(j["plans"].as_array().map(Vec::len), Some(20));
    assert!(j["shared"].as_array().is_some_and(|s| !s.is_empty()));
    // Every fifth plan measures no social connection.
    let gaps: Vec<u64> = j["gaps"]["no_social_connection"]
        .as_array()
        .expect("gaps")
        .iter()
        .filter_map(|v| v.as_u64())
        .collect();
    assert_eq!(gaps, vec![4, 9, 14, 19]);
    for k in &gaps {
        let title = j["plans"][*k as usize]["title"].as_str().expect("title");
        assert_eq!(
            title,
            format!(
                "Project {} in {}",
                k + 1,
                title.rsplit(' ').next().unwrap_or("")
            )
        );
    }
    let t = text(&tocplan(d, &["portfolio", "pf"]));
    for line in t.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
}

#[test]
fn plans_are_read_from_a_git_revision() {
    let dir = repo();
    let d = dir.path();
    write(
        &d.join("plans/club.toml"),
        &std::fs::read_to_string(examples().join("friendship-club.toml")).expect("club"),
    );
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "The club"]);
    // The working copy moves on: a third plan, and the café broken.
    write(
        &d.join("plans/ict.toml"),
        &std::fs::read_to_string(examples().join("ict-mentoring.toml")).expect("ict"),
    );
    write(&d.join("plans/cafe.toml"), "schema = 1\n[goal\n");
    let now = tocplan(d, &["portfolio", "plans"]);
    assert_eq!(now.status.code(), Some(1), "{}", both(&now));
    assert!(
        text(&now).starts_with("Portfolio of 3 plans (1 could not be read)"),
        "{}",
        both(&now)
    );
    let head = tocplan(d, &["portfolio", "plans", "--rev", "HEAD"]);
    assert_eq!(head.status.code(), Some(0), "{}", both(&head));
    let t = text(&head);
    assert!(t.starts_with("Portfolio of 2 plans\n"), "{t}");
    assert!(
        t.contains("Language café") && t.contains("Friendship Club"),
        "{t}"
    );
    assert!(!t.contains("ICT skills"), "{t}");
    let first = tocplan(d, &["portfolio", "plans", "--rev", "HEAD~1"]);
    assert!(
        text(&first).starts_with("Portfolio of 1 plan\n"),
        "{}",
        both(&first)
    );
    // One file at a revision, and a revision that is not there.
    let one = tocplan(d, &["portfolio", "plans/cafe.toml", "--rev", "HEAD"]);
    assert_eq!(one.status.code(), Some(0), "{}", both(&one));
    let bad = tocplan(d, &["portfolio", "plans", "--rev", "nosuch"]);
    assert_eq!(bad.status.code(), Some(2), "{}", both(&bad));
    assert!(err(&bad).contains("nosuch"), "{}", err(&bad));
}

#[test]
fn the_readmes_portfolio_output_is_what_the_command_prints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
    let lead = "Over the example plans, its matrix of domains:\n\n```text\n";
    let at = readme.find(lead).expect("the example") + lead.len();
    let shown = &readme[at..at + readme[at..].find("```").expect("block end")];
    let out = tocplan(root, &["portfolio", "plans"]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    // The README shows one part of the output (the matrix) exactly as it is printed.
    assert!(
        shown.lines().count() >= 5 && text(&out).contains(shown),
        "run `tocplan portfolio plans` and paste its matrix in the README:\n{shown}"
    );
}

//! A version of a plan that does not parse never stops git or `tocplan log`: the textconv
//! driver shows it as it is, `log` says it is unreadable and goes on, and `log` follows the
//! plan across `git mv`. Real git in throwaway repositories.

#[path = "support/repo.rs"]
mod repo;

use repo::*;

/// Versions that are not readable plans, each as a person or git could commit them.
fn unreadable_versions() -> Vec<(&'static str, String)> {
    let cafe = cafe_text();
    vec![
        (
            "a syntax error",
            cafe.replace("target = 40", "target = = 40"),
        ),
        (
            "conflict markers",
            cafe.replace(
                "target = 40\n",
                "<<<<<<< ours\ntarget = 45\n=======\ntarget = 50\n>>>>>>> theirs\n",
            ),
        ),
        ("a newer schema", cafe.replace("schema = 1", "schema = 99")),
        ("an empty file", String::new()),
    ]
}

#[test]
fn show_text_prints_an_unreadable_version_as_it_is_with_a_note() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    for (what, version) in unreadable_versions() {
        let p = d.join("p.toml");
        write(&p, &version);
        let out = tocplan(d, &["show", "--text", "p.toml"]);
        assert_eq!(out.status.code(), Some(0), "{what}: {}", both(&out));
        let t = text(&out);
        let (note, rest) = t.split_once('\n').unwrap_or((t.as_str(), ""));
        assert!(
            note.starts_with("# tocplan: not a readable plan"),
            "{what}: {t}"
        );
        assert_eq!(rest, version, "{what}: the text as it is, after one line");
    }
    // A readable plan is still the outline, with no note.
    write(&d.join("p.toml"), &cafe_text());
    let t = text(&tocplan(d, &["show", "--text", "p.toml"]));
    assert!(t.starts_with("plan\n"), "{t}");
}

/// main: the plan, then one commit per unreadable version, each followed by a fix.
fn history_with_unreadable_commits(d: &std::path::Path) {
    let path = d.join("plans/cafe.toml");
    for (i, (what, version)) in unreadable_versions().into_iter().enumerate() {
        write(&path, &version);
        git(
            d,
            &["commit", "-q", "-am", &format!("Break it with {what}")],
        );
        write(&path, &cafe_text());
        edit(&path, set_target(41 + i as i64));
        git(d, &["commit", "-q", "-am", &format!("Fix {what}")]);
    }
}

#[test]
fn git_log_p_goes_through_unparsable_commits() {
    let dir = repo();
    let d = dir.path();
    setup(d);
    history_with_unreadable_commits(d);
    let out = run(d, "git", &["log", "-p"]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    let t = text(&out);
    assert!(!err(&out).contains("fatal"), "{}", err(&out));
    // Every commit is there, the first one too, as the outline...
    assert!(t.contains("The café plan"), "{t}");
    assert!(t.contains("+measure `practice-outside-class`"), "{t}");
    // ... and the unreadable versions as they are, each under its note.
    assert!(t.contains("+target = = 40"), "{t}");
    assert!(t.contains("+<<<<<<< ours"), "{t}");
    assert!(t.contains("+schema = 99"), "{t}");
    assert!(t.contains("+# tocplan: not a readable plan"), "{t}");
    // The fixes read in plan terms again.
    assert!(t.contains("+    target: 44"), "{t}");
}

#[test]
fn tocplan_log_shows_unreadable_commits_and_goes_on() {
    let dir = repo();
    let d = dir.path();
    history_with_unreadable_commits(d);
    let out = tocplan(d, &["log", "plans/cafe.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    let t = text(&out);
    for what in [
        "a syntax error",
        "conflict markers",
        "a newer schema",
        "an empty file",
    ] {
        let at = t
            .find(&format!("Break it with {what}"))
            .unwrap_or_else(|| panic!("{what}: {t}"));
        let entry = &t[at..];
        let entry = &entry[..entry.find("\ncommit ").unwrap_or(entry.len())];
        assert!(entry.contains("not a readable plan"), "{what}: {entry}");
    }
    // The oldest commit is still there, and a fix is compared with the last readable version
    // (not shown as the whole plan added).
    assert!(t.contains("The café plan"), "{t}");
    let fix = &t[t.find("Fix a newer schema").expect("fix")..];
    let fix = &fix[..fix.find("\ncommit ").unwrap_or(fix.len())];
    assert!(changed(fix, "target", "42", "43"), "{fix}");
    // JSON says the same.
    let json = tocplan(d, &["log", "plans/cafe.toml", "--format", "json"]);
    assert_eq!(json.status.code(), Some(0), "{}", both(&json));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let entries = v.as_array().expect("array");
    assert_eq!(entries.len(), 9, "{v}");
    assert!(entries[1]["unreadable"].is_string(), "{v}");
}

#[test]
fn git_diff_works_during_a_conflicted_merge() {
    let dir = repo();
    let d = dir.path();
    setup(d);
    git(d, &["checkout", "-q", "-b", "other"]);
    commit_edit(d, "Target 50", set_target(50));
    git(d, &["checkout", "-q", "main"]);
    commit_edit(d, "Target 60", set_target(60));
    let merge = run(d, "git", &["merge", "--no-edit", "other"]);
    assert!(!merge.status.success(), "a conflict: {}", both(&merge));
    let file = std::fs::read_to_string(d.join("plans/cafe.toml")).expect("read");
    assert!(file.contains("<<<<<<<"), "{file}");
    for args in [&["diff"][..], &["diff", "HEAD"], &["diff", "MERGE_HEAD"]] {
        let out = run(d, "git", args);
        assert_eq!(out.status.code(), Some(0), "git {args:?}: {}", both(&out));
        let t = text(&out);
        assert!(
            t.contains("# tocplan: not a readable plan"),
            "{args:?}: {t}"
        );
        assert!(t.contains("target = 60"), "{args:?}: {t}");
    }
}

#[test]
fn tocplan_log_follows_the_plan_across_git_mv() {
    let dir = repo();
    let d = dir.path();
    commit_edit(d, "Raise the target", set_target(45));
    git(d, &["mv", "plans/cafe.toml", "plans/language-cafe.toml"]);
    git(d, &["commit", "-q", "-m", "Name the plan's file in full"]);
    edit(&d.join("plans/language-cafe.toml"), set_target(50));
    git(d, &["commit", "-q", "-am", "Raise it again"]);
    let out = tocplan(d, &["log", "plans/language-cafe.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    let t = text(&out);
    let again = t.find("Raise it again").expect("after the move");
    let moved = t.find("Name the plan's file in full").expect("the move");
    let before = t.find("Raise the target").expect("before the move");
    let first = t.find("The café plan").expect("the first commit");
    assert!(again < moved && moved < before && before < first, "{t}");
    assert!(changed(&t, "target", "40", "45"), "{t}");
    assert!(changed(&t, "target", "45", "50"), "{t}");
    // The move is named, and is no change in plan terms (not the whole plan added).
    let entry = &t[moved..before];
    assert!(
        entry.contains("plans/cafe.toml -> plans/language-cafe.toml"),
        "{entry}"
    );
    assert!(entry.contains("No changes in plan terms"), "{entry}");
    // From a folder inside the repository too.
    let inside = tocplan(&d.join("plans"), &["log", "language-cafe.toml"]);
    assert_eq!(text(&inside), t);
}

#[test]
fn tocplan_log_reads_a_plan_named_like_a_glob_and_one_since_deleted() {
    // `[d].toml` as a glob is `d.toml`: only the plan named is followed.
    let dir = repo_with("plans/[d].toml");
    let d = dir.path();
    write(&d.join("plans/d.toml"), &cafe_text());
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "Another plan"]);
    edit(&d.join("plans/d.toml"), set_target(45));
    git(d, &["commit", "-q", "-am", "Edit the other plan"]);
    let out = tocplan(d, &["log", "plans/[d].toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    let t = text(&out);
    assert!(
        t.contains("The café plan") && !t.contains("Edit the other plan"),
        "{t}"
    );
    // Deleted with its folder: the history is still there, the deletion last.
    git(d, &["rm", "-q", "-r", "plans"]);
    git(d, &["commit", "-q", "-m", "No more plans"]);
    let out = tocplan(d, &["log", "plans/d.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    let t = text(&out);
    let gone = t.find("No more plans").expect(&t);
    assert!(
        t[gone..].contains("- measure `practice-outside-class`"),
        "{t}"
    );
    assert!(t.contains("Edit the other plan"), "{t}");
}

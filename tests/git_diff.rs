//! `tocplan diff` never says "no changes" when there are changes: the plans compared come
//! from the revisions compared, a PLAN in neither side is an error, non-ASCII paths work, an
//! emptied or unreadable working copy is an error, and a change to comments is a change.
//! Real git in throwaway repositories.

#[path = "support/repo.rs"]
mod repo;

use repo::*;

#[test]
fn a_plan_added_on_another_branch_counts() {
    let dir = repo();
    let d = dir.path();
    git(d, &["checkout", "-q", "-b", "feature"]);
    // One beside the plan, one in a folder the main branch's working tree does not have.
    write(&d.join("plans/second.toml"), &cafe_text());
    write(&d.join("elsewhere/third.toml"), &cafe_text());
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "Two more plans"]);
    git(d, &["checkout", "-q", "main"]);
    assert!(!d.join("elsewhere").exists());

    let out = tocplan(d, &["diff", "main", "feature"]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let t = text(&out);
    assert!(t.contains("plans/second.toml (main -> feature)"), "{t}");
    assert!(t.contains("elsewhere/third.toml (main -> feature)"), "{t}");
    assert!(t.contains("+ measure `practice-outside-class`"), "{t}");
    // Named, in a folder that is not here.
    let one = tocplan(d, &["diff", "main", "feature", "elsewhere/third.toml"]);
    assert_eq!(one.status.code(), Some(1), "{}", both(&one));
    // Against the working copy, which does not have them: they are removed here.
    let here = tocplan(d, &["diff", "feature"]);
    assert_eq!(here.status.code(), Some(1), "{}", both(&here));
    let t = text(&here);
    assert!(
        t.contains("plans/second.toml (feature -> working copy)"),
        "{t}"
    );
    assert!(t.contains("- measure `practice-outside-class`"), "{t}");
}

#[test]
fn a_plan_in_neither_revision_is_an_error() {
    let dir = repo();
    let d = dir.path();
    commit_edit(d, "Raise the target", set_target(45));
    for (plan, said) in [
        ("plans/nothing.toml", "in neither"),
        ("plans/typo.tmol", "in neither"),
        ("elsewhere/nothing.toml", "in neither"),
        ("plans", "is a folder, not a plan file"),
    ] {
        let out = tocplan(d, &["diff", "HEAD~1", "HEAD", plan]);
        assert_eq!(out.status.code(), Some(2), "{plan}: {}", both(&out));
        assert!(err(&out).contains(said), "{plan}: {}", both(&out));
        assert!(text(&out).is_empty(), "{plan}: {}", both(&out));
    }
    // One side is enough: the plan was added, or deleted.
    let out = tocplan(d, &["diff", "HEAD~1", "HEAD", "plans/cafe.toml"]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
}

#[test]
fn plan_paths_with_non_ascii_names_work() {
    let dir = repo_with("plans/café.toml");
    let d = dir.path();
    let path = d.join("plans/café.toml");
    edit(&path, set_target(45));
    let out = tocplan(d, &["diff", "HEAD"]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let t = text(&out);
    assert!(t.contains("plans/café.toml (HEAD -> working copy)"), "{t}");
    assert!(changed(&t, "target", "40", "45"), "{t}");
    git(d, &["commit", "-q", "-am", "Raise the target"]);
    let out = tocplan(d, &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    assert!(changed(&text(&out), "target", "40", "45"), "{}", both(&out));
    // Even where the user asked git to quote such paths.
    git(d, &["config", "core.quotePath", "true"]);
    let out = tocplan(d, &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let log = tocplan(d, &["log", "plans/café.toml"]);
    assert_eq!(log.status.code(), Some(0), "{}", both(&log));
    assert!(changed(&text(&log), "target", "40", "45"), "{}", both(&log));
}

#[test]
fn a_plan_renamed_between_revisions_is_compared_with_its_old_self() {
    let dir = repo();
    let d = dir.path();
    git(d, &["mv", "plans/cafe.toml", "plans/language-cafe.toml"]);
    edit(&d.join("plans/language-cafe.toml"), set_target(45));
    git(d, &["commit", "-q", "-am", "Move and raise"]);
    let out = tocplan(d, &["diff", "HEAD~1", "HEAD"]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let t = text(&out);
    assert!(
        t.contains("plans/cafe.toml -> plans/language-cafe.toml (HEAD~1 -> HEAD)"),
        "{t}"
    );
    assert!(changed(&t, "target", "40", "45"), "{t}");
    assert!(!t.contains("+ measure"), "not the whole plan added: {t}");
}

#[test]
fn an_emptied_or_unreadable_working_copy_is_an_error() {
    let cafe = cafe_text();
    let cases: [(&str, Vec<u8>); 4] = [
        ("emptied", Vec::new()),
        ("blank", b"\n\n".to_vec()),
        ("not UTF-8", b"schema = 1\ntitle = \"\xff\xfe\"\n".to_vec()),
        (
            "broken",
            cafe.replace("target = 40", "target = = 40").into_bytes(),
        ),
    ];
    for (what, bytes) in cases {
        let dir = repo();
        let d = dir.path();
        std::fs::write(d.join("plans/cafe.toml"), &bytes).expect("write");
        for args in [&["diff", "HEAD"][..], &["diff", "HEAD", "plans/cafe.toml"]] {
            let out = tocplan(d, args);
            assert_eq!(
                out.status.code(),
                Some(2),
                "{what} {args:?}: {}",
                both(&out)
            );
            assert!(
                err(&out).contains("plans/cafe.toml"),
                "{what}: {}",
                both(&out)
            );
            assert!(
                !err(&out).contains("no plan changed"),
                "{what}: {}",
                both(&out)
            );
        }
    }
}

#[test]
fn one_unreadable_plan_does_not_hide_the_others() {
    let dir = repo();
    let d = dir.path();
    write(&d.join("plans/before.toml"), &cafe_text());
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "A plan named to come first"]);
    edit(&d.join("plans/cafe.toml"), set_target(45));
    write(&d.join("plans/before.toml"), "schema = 1\ntitle = \n");
    let out = tocplan(d, &["diff", "HEAD"]);
    assert_eq!(out.status.code(), Some(2), "{}", both(&out));
    assert!(changed(&text(&out), "target", "40", "45"), "{}", both(&out));
    assert!(err(&out).contains("plans/before.toml"), "{}", both(&out));
}

#[test]
fn a_change_only_to_comments_is_a_change() {
    let dir = repo();
    let d = dir.path();
    let path = d.join("plans/cafe.toml");
    let cafe = cafe_text();
    let commented = cafe.replace(
        "target = 40\n",
        "# Raised after the pilot term\ntarget = 40\n",
    );
    write(&path, &commented);
    let added = tocplan(d, &["diff", "HEAD", "plans/cafe.toml"]);
    assert_eq!(added.status.code(), Some(1), "{}", both(&added));
    let t = text(&added);
    let item = t.find("~ measure `practice-outside-class`").expect(&t);
    let comment = t.find("# Raised after the pilot term").expect(&t);
    assert!(item < comment, "under its item: {t}");
    assert!(t.contains("comment"), "{t}");
    // Without PLAN too, and in git's own diff through the textconv driver.
    let all = tocplan(d, &["diff", "HEAD"]);
    assert_eq!(all.status.code(), Some(1), "{}", both(&all));
    setup(d);
    let git_diff = text(&git(d, &["diff"]));
    assert!(
        git_diff.contains("+    # Raised after the pilot term"),
        "{git_diff}"
    );
    git(d, &["commit", "-q", "-am", "Say why"]);

    // Changed, and then removed.
    write(
        &path,
        &commented.replace("after the pilot", "after the first"),
    );
    let t = text(&tocplan(d, &["diff", "HEAD", "plans/cafe.toml"]));
    assert!(t.contains("pilot") && t.contains("first"), "{t}");
    write(&path, &cafe);
    let removed = tocplan(d, &["diff", "HEAD", "plans/cafe.toml"]);
    assert_eq!(removed.status.code(), Some(1), "{}", both(&removed));
    assert!(
        text(&removed).contains("# Raised after the pilot term"),
        "{}",
        both(&removed)
    );
    // A comment after a value, and the file's own opening comment, count too.
    write(
        &path,
        &cafe.replace("target = 40\n", "target = 40  # a stretch\n"),
    );
    let t = text(&tocplan(d, &["diff", "HEAD", "plans/cafe.toml"]));
    assert!(t.contains("# a stretch"), "{t}");
    write(&path, &cafe.replace("# Example plan", "# An example plan"));
    let opening = tocplan(d, &["diff", "HEAD", "plans/cafe.toml"]);
    assert_eq!(opening.status.code(), Some(1), "{}", both(&opening));
}

#[test]
fn git_setup_finds_plans_in_a_folder_with_a_non_ascii_name() {
    let dir = repo_with("pläne/café.toml");
    let d = dir.path();
    let out = tocplan(d, &["git-setup", "--command", BIN]);
    assert_eq!(out.status.code(), Some(0), "{}", both(&out));
    let attributes = std::fs::read_to_string(d.join(".gitattributes")).expect("written");
    assert_eq!(attributes, "pläne/*.toml diff=tocplan merge=tocplan\n");
}

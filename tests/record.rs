//! `tocplan record`: a measure's reading, one group's reading and an output's count, from
//! a script; what it refuses leaves the file as it was.

#[path = "support/cli.rs"]
mod cli;

use std::path::Path;
use std::process::Output;

use cli::{stdout, tocplan};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The language café (its `ask-neighbours` is read for two groups) copied as `p.toml`.
fn cafe() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        root().join("plans/language-cafe.toml"),
        dir.path().join("p.toml"),
    )
    .expect("copy");
    let text = std::fs::read_to_string(dir.path().join("p.toml")).expect("read");
    (dir, text)
}

fn record(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["record", "p.toml"];
    all.extend_from_slice(args);
    tocplan(dir, &all)
}

/// The lines `after` has that `before` has not; fails if any line of `before` went.
fn added(before: &str, after: &str) -> String {
    let diff = similar::TextDiff::from_lines(before, after);
    let mut out = String::new();
    for c in diff.iter_all_changes() {
        match c.tag() {
            similar::ChangeTag::Insert => out.push_str(c.value()),
            similar::ChangeTag::Delete => panic!("line removed: {}", c.value()),
            similar::ChangeTag::Equal => {}
        }
    }
    out
}

#[test]
fn record_adds_a_reading_and_refuses_what_it_cannot_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        root().join("plans/language-cafe.toml"),
        dir.path().join("p.toml"),
    )
    .expect("copy");
    let before = std::fs::read_to_string(dir.path().join("p.toml")).expect("read");
    let add = |args: &[&str]| {
        let mut all = vec!["record", "p.toml"];
        all.extend_from_slice(args);
        tocplan(dir.path(), &all)
    };
    let ok = add(&[
        "practice-outside-class",
        "24",
        "--date",
        "2026-10-01",
        "--note",
        "Autumn",
    ]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let after = std::fs::read_to_string(dir.path().join("p.toml")).expect("read");
    assert!(
        after.contains("date = 2026-10-01\nvalue = 24\nnote = \"Autumn\""),
        "{after}"
    );
    // Only the new reading's lines were added.
    let added = similar::TextDiff::from_lines(before.as_str(), after.as_str())
        .iter_all_changes()
        .filter(|c| c.tag() != similar::ChangeTag::Equal)
        .count();
    assert!(added <= 7, "{added} lines changed");
    let twice = add(&["practice-outside-class", "25", "--date", "2026-10-01"]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("--replace"));
    let replaced = add(&[
        "practice-outside-class",
        "25",
        "--date",
        "2026-10-01",
        "--replace",
    ]);
    assert_eq!(replaced.status.code(), Some(0));
    for bad in [
        &["no-such-measure", "3"][..],
        &["practice-outside-class", "many"][..],
        &["practice-outside-class", "3", "--date", "October"][..],
    ] {
        let out = add(bad);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
    let csv = stdout(&tocplan(
        dir.path(),
        &["export", "--format", "csv", "p.toml"],
    ));
    assert!(csv.contains("25 on 2026-10-01"), "{csv}");
}

#[test]
fn record_takes_one_groups_reading_by_name_start_or_number() {
    let (dir, before) = cafe();
    let d = dir.path();
    for (group, value) in [
        ("Women in the target group", "20"),
        ("local", "44"),
        ("1", "21"),
    ] {
        let date = if group == "1" {
            "2026-10-01"
        } else {
            "2026-07-01"
        };
        let out = record(
            d,
            &["ask-neighbours", value, "--group", group, "--date", date],
        );
        assert_eq!(out.status.code(), Some(0), "{group}: {}", stderr(&out));
    }
    // Its target is the gap between the groups: a reading for no group would count
    // nowhere, so it is refused and the file is left as it was.
    let kept = std::fs::read_to_string(d.join("p.toml")).expect("read");
    let refused = record(d, &["ask-neighbours", "30", "--date", "2026-07-01"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(
        stderr(&refused).contains("gap between its groups") && stderr(&refused).contains("--group"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        std::fs::read_to_string(d.join("p.toml")).expect("read"),
        kept
    );
    let after = std::fs::read_to_string(d.join("p.toml")).expect("read");
    // The group is written as the measure spells it, whatever was typed; every comment
    // and every other line is kept.
    assert_eq!(
        added(&before, &after),
        "\n[[reading]]\nmeasure = \"ask-neighbours\"\ngroup = \"Women in the target group\"\ndate = 2026-07-01\nvalue = 20\n\
         \n[[reading]]\nmeasure = \"ask-neighbours\"\ngroup = \"Local residents at the café\"\ndate = 2026-07-01\nvalue = 44\n\
         \n[[reading]]\nmeasure = \"ask-neighbours\"\ngroup = \"Women in the target group\"\ndate = 2026-10-01\nvalue = 21\n"
    );
    let check = tocplan(d, &["check", "p.toml"]);
    assert!(!stdout(&check).contains(": error:"), "{}", stdout(&check));
    // The evaluation plan shows each group's latest reading.
    let csv = stdout(&tocplan(d, &["export", "--format", "csv", "p.toml"]));
    assert!(
        csv.contains("Women in the target group: 21 on 2026-10-01; Local residents at the café: 44 on 2026-07-01"),
        "{csv}"
    );
}

#[test]
fn record_counts_an_output_by_its_id() {
    let (dir, before) = cafe();
    let d = dir.path();
    let out = record(
        d,
        &[
            "drop-in-sessions",
            "26",
            "--date",
            "2026-07-01",
            "--note",
            "Summer",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = std::fs::read_to_string(d.join("p.toml")).expect("read");
    assert_eq!(
        added(&before, &after),
        "\n[[reading]]\noutput = \"drop-in-sessions\"\ndate = 2026-07-01\nvalue = 26\nnote = \"Summer\"\n"
    );
    let twice = record(d, &["drop-in-sessions", "27", "--date", "2026-07-01"]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(
        stderr(&twice)
            .contains("`drop-in-sessions` already has a reading on 2026-07-01; pass --replace"),
        "{}",
        stderr(&twice)
    );
    let replaced = record(
        d,
        &[
            "drop-in-sessions",
            "27",
            "--date",
            "2026-07-01",
            "--replace",
        ],
    );
    assert_eq!(replaced.status.code(), Some(0), "{}", stderr(&replaced));
    let md = stdout(&tocplan(d, &["export", "p.toml"]));
    assert!(md.contains("27 on 2026-07-01"), "{md}");
}

#[test]
fn replace_changes_only_the_reading_of_the_same_date_and_group() {
    let (dir, _) = cafe();
    let d = dir.path();
    // The café has a reading for each group on 2026-04-10.
    let taken = record(
        d,
        &[
            "ask-neighbours",
            "19",
            "--group",
            "women",
            "--date",
            "2026-04-10",
        ],
    );
    assert_eq!(taken.status.code(), Some(2));
    assert!(
        stderr(&taken).contains(
            "`ask-neighbours` already has a reading for `Women in the target group` on 2026-04-10; pass --replace to change it"
        ),
        "{}",
        stderr(&taken)
    );
    let before = std::fs::read_to_string(d.join("p.toml")).expect("read");
    let out = record(
        d,
        &[
            "ask-neighbours",
            "19",
            "--group",
            "women",
            "--date",
            "2026-04-10",
            "--replace",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = std::fs::read_to_string(d.join("p.toml")).expect("read");
    let changes: Vec<String> = similar::TextDiff::from_lines(before.as_str(), after.as_str())
        .iter_all_changes()
        .filter(|c| c.tag() != similar::ChangeTag::Equal)
        .map(|c| format!("{}{}", c.tag(), c.value()))
        .collect();
    // The women's 18 became 19; the residents' 41 on that date is untouched.
    assert_eq!(changes, ["-value = 18\n", "+value = 19\n"], "{after}");
    assert!(
        after.contains("group = \"Local residents at the café\"\ndate = 2026-04-10\nvalue = 41")
    );
}

#[test]
fn record_refuses_a_group_it_cannot_place_and_leaves_the_file_as_it_was() {
    let (dir, before) = cafe();
    let d = dir.path();
    for (args, says) in [
        (
            &["ask-neighbours", "20", "--group", "residents"][..],
            "`residents` is not a group `ask-neighbours` is read for (its groups: 1 `Women in the target group`, 2 `Local residents at the café`); did you mean `Local residents at the café`?",
        ),
        (
            &["ask-neighbours", "20", "--group", "3"],
            "`3` is not a group `ask-neighbours` is read for (its groups: 1 `Women in the target group`, 2 `Local residents at the café`)",
        ),
        (
            &["settled-volunteers", "8", "--group", "women"],
            "`settled-volunteers` is read for no groups, so a reading cannot be for `women`; leave out --group",
        ),
        (
            &["drop-in-sessions", "20", "--group", "women"],
            "`drop-in-sessions` is an output: its count is of all it delivered, not of a group (`women`); leave out --group",
        ),
        (
            &["drop-in-sesions", "20"],
            "no measure or output `drop-in-sesions` (measures: practice-outside-class, simple-conversation, ask-neighbours, settled-volunteers; outputs: drop-in-sessions, supported-practice, social-activities); did you mean `drop-in-sessions`?",
        ),
        (
            &["regular-conversations", "20"],
            "`regular-conversations` is an intermediate outcome, not a measure or output",
        ),
        (&["ask-neighbours", "20", "--group", ""], "--group"),
    ] {
        let out = record(d, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
        // Said once, naming the file.
        assert_eq!(stderr(&out).lines().filter(|l| l.contains(says)).count(), 1);
        if !says.starts_with("--") {
            assert!(
                stderr(&out).starts_with("tocplan: p.toml: "),
                "{}",
                stderr(&out)
            );
        }
        assert_eq!(
            std::fs::read_to_string(d.join("p.toml")).expect("read"),
            before,
            "{args:?}"
        );
    }
}

#[test]
fn the_group_option_is_in_the_help_the_manual_and_the_completions() {
    let help = stdout(&tocplan(root(), &["record", "--help"]));
    assert!(help.contains("--group <NAME>"), "{help}");
    assert!(
        help.contains("Usage: tocplan record [OPTIONS] <PLAN> <ID> <VALUE>"),
        "{help}"
    );
    let man = stdout(&tocplan(root(), &["man", "record"]));
    assert!(man.contains("\\-\\-group"), "{man}");
    let bash = stdout(&tocplan(root(), &["completions", "bash"]));
    assert!(bash.contains("--group"), "{bash}");
}

/// A reading is of what was measured: a date after today is refused, the file unchanged.
#[test]
fn record_refuses_a_reading_dated_after_today() {
    let (dir, before) = cafe();
    let d = dir.path();
    let out = record(d, &["practice-outside-class", "55", "--date", "2999-01-01"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is after today"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(d.join("p.toml")).expect("read"),
        before
    );
}

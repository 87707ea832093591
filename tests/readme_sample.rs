//! The README's `tocplan check` sample is what the command prints for the plan its
//! walk-through makes: the walk-through's keys are played in the real binary (--headless),
//! and the sample's lines must be the output's, in order, with `...` wherever lines are cut.

use std::path::Path;
use std::process::Output;

#[path = "support/cli.rs"]
mod cli;

/// The keys of the README's "Your first plan" table, with the text it describes.
const WALK_THROUGH: &str = "\
Enter
type Newcomers and residents in Anytown know and help each other
Ctrl-s
h
a
type Newcomers practise English with local people every week
Ctrl-s
m
type practise english
Enter
Esc
h
a
type A weekly conversation café with volunteers
Ctrl-s
h
a
type Run the café every Wednesday at the library
Ctrl-s
Ctrl-s
";

fn run(dir: &Path, args: &[&str]) -> Output {
    cli::command(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run")
}

/// The README's code block that starts with `$ tocplan check`, without its command line.
fn sample() -> (String, Vec<String>) {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    let start = readme
        .find("```\n$ tocplan check ")
        .expect("a check sample")
        + 4;
    let block = &readme[start..];
    let block = &block[..block.find("```").expect("closed")];
    let mut lines = block.lines();
    let command = lines.next().expect("command").to_string();
    (command, lines.map(str::to_string).collect())
}

#[test]
fn the_readmes_check_sample_is_what_check_prints_for_the_walk_throughs_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let (command, sample) = sample();
    assert_eq!(
        command, "$ tocplan check first.toml",
        "the walk-through makes ./first.toml"
    );
    assert_eq!(run(d, &["new", "first.toml"]).status.code(), Some(0));
    std::fs::write(d.join("keys"), WALK_THROUGH).expect("keys");
    let played = run(d, &["first.toml", "--headless", "--keys", "keys"]);
    assert_eq!(
        played.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&played.stderr)
    );

    let checked = run(d, &["check", "first.toml"]);
    // Findings on stdout, then the summary on stderr, as a terminal shows them.
    let printed: Vec<String> = String::from_utf8_lossy(&checked.stdout)
        .lines()
        .chain(String::from_utf8_lossy(&checked.stderr).lines())
        .map(str::to_string)
        .collect();
    let all = printed.join("\n");
    // Each run of sample lines between `...` marks is a run of adjacent output lines, the
    // runs in order; no mark at an end means the sample starts (or ends) where output does.
    let mut from = 0;
    let mut cut_before = false;
    let runs: Vec<&[String]> = sample.split(|l| l == "...").collect();
    for (i, run) in runs.iter().enumerate() {
        if run.is_empty() {
            cut_before = true;
            continue;
        }
        let at = (from..=printed.len().saturating_sub(run.len()))
            .find(|&k| printed[k..k + run.len()] == **run)
            .unwrap_or_else(|| panic!("README lines {run:#?}\nnot printed in order:\n{all}"));
        assert!(
            cut_before || at == from,
            "lines are cut before {:?} without a `...`:\n{all}",
            run[0]
        );
        from = at + run.len();
        cut_before = i + 1 < runs.len();
    }
    assert!(
        cut_before || from == printed.len(),
        "lines are cut at the end without a `...`:\n{all}"
    );
}

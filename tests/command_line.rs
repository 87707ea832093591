//! The command line is predictable: every argument described, one help layout, options
//! only where they act, a manual page that renders, a closed pipe that is no error, and
//! `check`'s places and counts. Run through the real binary where a user would see it.

#[path = "support/cli.rs"]
mod cli;

use std::path::Path;
use std::process::{Command, Stdio};

use clap::CommandFactory;
use cli::{BIN, stdout, tocplan};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every subcommand, nested ones too, as the words that name it (`["bank", "import"]`).
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut p = path.clone();
            p.push(sub.get_name().to_string());
            out.push(p.clone());
            walk(sub, p, out);
        }
    }
    let mut out = vec![Vec::new()];
    walk(&tocplan::cli::Cli::command(), Vec::new(), &mut out);
    out
}

fn help(path: &[String], flag: &str) -> String {
    let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
    args.push(flag);
    let out = tocplan(root(), &args);
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    stdout(&out)
}

#[test]
fn every_argument_and_option_of_every_subcommand_has_a_description() {
    let mut cmd = tocplan::cli::Cli::command();
    cmd.build();
    let mut missing = Vec::new();
    fn walk(cmd: &clap::Command, name: &str, missing: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            let described = arg
                .get_help()
                .or(arg.get_long_help())
                .is_some_and(|h| !h.to_string().trim().is_empty());
            if !described {
                missing.push(format!("{name} {}", arg.get_id()));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{name} {}", sub.get_name()), missing);
        }
    }
    walk(&cmd, "tocplan", &mut missing);
    assert!(missing.is_empty(), "undescribed: {missing:?}");
    // And as a user reads it: no line of an Arguments or Options list is a bare name.
    for path in command_paths() {
        let text = help(&path, "-h");
        let mut in_list = false;
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.ends_with(':') && !line.starts_with(' ') {
                in_list =
                    matches!(*line, "Arguments:" | "Options:") || line.starts_with("Benchmarking");
                continue;
            }
            if in_list && line.starts_with("  ") && !line.starts_with("   ") {
                let name = line.trim_start();
                let (_, description) = name.split_once("  ").unwrap_or((name, ""));
                // A long name has its description on the next line, indented further.
                let next = lines.get(i + 1).copied().unwrap_or_default();
                let below = next.starts_with("      ") && !next.trim().is_empty();
                assert!(
                    !description.trim().is_empty() || below,
                    "tocplan {}: `{name}` has no description:\n{text}",
                    path.join(" ")
                );
            }
        }
    }
}

#[test]
fn every_help_has_one_layout_ending_with_the_exit_status() {
    for path in command_paths() {
        let text = help(&path, "--help");
        let name = format!("tocplan {}", path.join(" "));
        let first = text.lines().next().unwrap_or_default();
        assert!(
            !first.is_empty() && !first.starts_with("Usage"),
            "{name}: starts with what it does:\n{text}"
        );
        let at = |heading: &str| text.find(&format!("\n{heading}"));
        let usage = at("Usage: ").expect("usage");
        let options = at("Options:").expect("options");
        let exit = at("Exit status: ").unwrap_or_else(|| panic!("{name}: no exit status:\n{text}"));
        assert!(usage < options && options < exit, "{name}:\n{text}");
        if let Some(arguments) = at("Arguments:") {
            assert!(usage < arguments && arguments < options, "{name}:\n{text}");
        }
        if let Some(commands) = at("Commands:") {
            assert!(usage < commands && commands < options, "{name}:\n{text}");
        }
        // `-h` is the same layout, shorter.
        let short = help(&path, "-h");
        assert!(
            short.contains("\nUsage: ") && short.contains("Exit status: "),
            "{name}:\n{short}"
        );
    }
}

/// The subcommands that read banks of indicators, and so take --bank and --no-user-banks.
const READ_BANKS: &[&str] = &[
    "",
    "check",
    "fmt",
    "indicators",
    "export",
    "record",
    "bank import",
    "merge-driver",
    "portfolio",
];

#[test]
fn bank_options_are_only_on_the_commands_that_read_banks() {
    for path in command_paths() {
        let name = path.join(" ");
        let text = help(&path, "--help");
        let has = text.contains("--bank <FILE>") && text.contains("--no-user-banks");
        assert_eq!(
            has,
            READ_BANKS.contains(&name.as_str()),
            "tocplan {name}:\n{text}"
        );
    }
    // Given to a command that reads none, they are refused, not ignored.
    for (args, name) in [
        (
            &["--bank", "x.toml", "completions", "bash"][..],
            "`completions`",
        ),
        (&["--no-user-banks", "git-setup"], "`git-setup`"),
        (&["--no-user-banks", "merge-driver", "a", "b", "c"], ""),
    ] {
        let out = tocplan(root(), args);
        let err = String::from_utf8_lossy(&out.stderr);
        if name.is_empty() {
            // merge-driver reads banks: the option is taken, and the missing files named.
            assert!(!err.contains("reads no bank"), "{args:?}: {err}");
            continue;
        }
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("--bank") && err.contains(name),
            "{args:?}: {err}"
        );
    }
    // After the name of a command that reads none, clap refuses them as unknown.
    let out = tocplan(root(), &["generate", "plan", "--bank", "x.toml", "p.toml"]);
    assert_eq!(out.status.code(), Some(2));
    // Before a subcommand that reads banks, as after it, they count.
    let dir = tempfile::tempdir().expect("tempdir");
    for args in [
        &["--bank", "missing.toml", "indicators"][..],
        &["indicators", "--bank", "missing.toml"],
    ] {
        let out = tocplan(dir.path(), args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("missing.toml"), "{args:?}: {err}");
    }
}

#[test]
fn benchmark_options_are_out_of_the_short_help_and_in_the_long_one() {
    let short = help(&[], "-h");
    let long = help(&[], "--help");
    for option in ["--headless", "--keys", "--size", "--json"] {
        assert!(!short.contains(option), "{option} in -h:\n{short}");
        assert!(long.contains(option), "{option} not in --help:\n{long}");
    }
    // `tocplan` alone shows the short help.
    let bare = stdout(&tocplan(root(), &[]));
    assert!(
        !bare.contains("--headless") && bare.contains("Usage:"),
        "{bare}"
    );
}

/// A plan and an old version of it, for the commands that read one or two.
fn plans(dir: &Path) -> (String, String) {
    let new = dir.join("new.toml");
    let old = dir.join("old.toml");
    std::fs::copy(root().join("plans/language-cafe.toml"), &new).expect("copy");
    std::fs::copy(root().join("plans/friendship-club.toml"), &old).expect("copy");
    (new.display().to_string(), old.display().to_string())
}

/// git in `dir`, which must succeed, with no user or system config.
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir.join(".home"))
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}");
}

#[test]
fn a_closed_pipe_ends_every_command_that_prints_quietly_with_0() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (new, old) = plans(dir.path());
    // A history for `log` and `diff REV`: the old plan, then the new one, as new.toml.
    git(dir.path(), &["init", "-q"]);
    std::fs::copy(&old, dir.path().join("hist.toml")).expect("copy");
    git(dir.path(), &["add", "hist.toml"]);
    git(dir.path(), &["commit", "-qm", "old"]);
    std::fs::copy(&new, dir.path().join("hist.toml")).expect("copy");
    git(dir.path(), &["commit", "-qam", "new"]);
    std::fs::copy(&old, dir.path().join("hist.toml")).expect("copy");
    let sheet = root().join("tests/fixtures/sheets/toolkit.xlsx");
    let sheet = sheet.display().to_string();
    let cases: Vec<Vec<&str>> = vec![
        vec!["indicators"],
        vec!["indicators", "esol"],
        vec!["indicators", "--json"],
        vec!["indicators", "esol", "--json"],
        vec!["domains"],
        vec!["check", &new],
        vec!["check", "--format", "json", &new],
        vec!["export", &new],
        vec!["export", "--format", "csv", &new],
        vec!["export", "--format", "mermaid", &new],
        vec!["export", "--format", "dot", &new],
        vec!["diff", &old, &new],
        vec!["diff", "--format", "markdown", &old, &new],
        vec!["diff", "--format", "json", &old, &new],
        vec!["show", "--text", &new],
        vec!["log", "hist.toml"],
        vec!["log", "--format", "json", "hist.toml"],
        vec!["diff", "HEAD"],
        vec!["diff", "HEAD~1", "HEAD", "hist.toml"],
        vec!["git-setup", "--pattern", "*.toml"],
        vec!["bank", "import", &sheet],
        vec!["completions", "bash"],
        vec!["man"],
        vec!["man", "check"],
        vec!["--help"],
        vec!["check", "--help"],
        vec![&new, "--headless"],
        vec![&new, "--headless", "--json"],
    ];
    for args in cases {
        let mut child = Command::new(BIN)
            .args(&args)
            .current_dir(dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // The reader goes away before the first byte: every write meets a closed pipe.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&out.stderr);
        // `check` and `bank import` say their summary on stderr, which is still open.
        let said: Vec<&str> = err
            .lines()
            .filter(|l| {
                !l.starts_with("checked ") && !l.contains("row") && !l.starts_with("imported")
            })
            .collect();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(said.is_empty(), "{args:?}: {err}");
    }
}

#[test]
fn indicators_into_head_exits_0_and_says_nothing() {
    // As a user types it, with a real shell pipe: tocplan's own status, and its stderr.
    let script =
        format!("'{BIN}' indicators 2>err | head -1; echo \"status ${{PIPESTATUS[0]}}\"; cat err");
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new("bash")
        .args(["-c", &script])
        .current_dir(dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .output()
        .expect("bash");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "one line, the status, no error:\n{text}");
    assert!(lines[0].contains("Work"), "{text}");
    assert_eq!(lines[1], "status 0", "{text}");
}

#[test]
fn check_places_plan_wide_findings_at_1_1_and_counts_advice() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_eq!(
        tocplan(dir.path(), &["new", "s.toml"]).status.code(),
        Some(0)
    );
    let out = tocplan(dir.path(), &["check", "s.toml"]);
    let found = stdout(&out);
    // Every line is file:line:col: so an editor or a CI annotator takes each.
    for line in found.lines() {
        let mut parts = line.splitn(4, ':');
        let (file, l, c) = (parts.next(), parts.next(), parts.next());
        assert_eq!(file, Some("s.toml"), "{line}");
        assert!(l.is_some_and(|l| l.parse::<usize>().is_ok()), "{line}");
        assert!(c.is_some_and(|c| c.parse::<usize>().is_ok()), "{line}");
    }
    assert!(
        found.contains("s.toml:1:1: warning: No stakeholder from the receiving community"),
        "{found}"
    );
    let advice = found.matches(": advice: ").count();
    let warnings = found.matches(": warning: ").count();
    assert!(advice > 0 && warnings > 0, "{found}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim(),
        format!("checked 1 plan: 0 errors, {warnings} warnings, {advice} advice"),
    );
    assert_eq!(out.status.code(), Some(1));
    // Advice alone exits 0 and is counted (the colleges' plan has advice only).
    let out = tocplan(root(), &["check", "plans/college-attainment.toml"]);
    let advice = stdout(&out).matches(": advice: ").count();
    assert!(advice > 0);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        format!("checked 1 plan: 0 errors, 0 warnings, {advice} advice")
    );
}

/// The manual's pages, read as `man -l` reads them, with groff's warnings on.
fn man_warnings(roff: &[u8]) -> Option<String> {
    let mut child = Command::new("man")
        .args(["--warnings=w", "-l", "-"])
        .env("MANWIDTH", "80")
        .env("MAN_KEEP_FORMATTING", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(roff)
        .expect("write");
    let out = child.wait_with_output().expect("man");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.is_empty());
    Some(String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn every_manual_page_renders_without_warnings() {
    if Command::new("man").arg("--version").output().is_err() {
        // CI installs man-db (see .ci/run), so this runs there; elsewhere it may not.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have man (man-db)"
        );
        eprintln!("skipped: no `man` here (apt-get install man-db groff-base)");
        return;
    }
    for path in command_paths() {
        let mut args = vec!["man"];
        args.extend(path.iter().map(String::as_str));
        let out = tocplan(root(), &args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let page = stdout(&out);
        let title = format!(
            "\n.TH tocplan{} 1",
            path.iter().map(|p| format!("-{p}")).collect::<String>()
        );
        assert!(
            page.contains(&title),
            "{args:?}: {}",
            &page[..page.len().min(200)]
        );
        let warnings = man_warnings(page.as_bytes()).expect("man runs");
        assert!(warnings.trim().is_empty(), "{args:?}: {warnings}");
        // The exit status under a manual's own heading, as `--help` ends with it.
        assert!(page.contains("\n.SH \"EXIT STATUS\"\n"), "{args:?}: {page}");
        assert!(!page.contains(".SH EXTRA"), "{args:?}: {page}");
    }
    // Every page written to a folder, one per command, as the README installs them.
    let dir = tempfile::tempdir().expect("tempdir");
    let man1 = dir.path().join("share/man/man1");
    let out = tocplan(dir.path(), &["man", "--dir", man1.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0));
    for path in command_paths() {
        let name = std::iter::once("tocplan".to_string())
            .chain(path.iter().cloned())
            .collect::<Vec<_>>()
            .join("-");
        let page = std::fs::read(man1.join(format!("{name}.1"))).expect("page written");
        let warnings = man_warnings(&page).expect("man runs");
        assert!(warnings.trim().is_empty(), "{name}: {warnings}");
    }
    // A subcommand that is not one says which there are.
    let out = tocplan(root(), &["man", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("check"));
}

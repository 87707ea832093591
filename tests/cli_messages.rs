//! What the command line says when it stops or cuts: errors once on stderr as
//! `tocplan: ...` (or as `file:line:col:` findings where there is a place), app-only
//! options refused under subcommands, a cut listing said, generate saying what it wrote.

use std::path::Path;
use std::process::Output;

#[path = "support/cli.rs"]
mod cli;

fn run(dir: &Path, args: &[&str]) -> Output {
    cli::command(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_file_that_cannot_be_read_is_one_error_on_stderr_for_fmt_and_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    for args in [
        vec!["fmt", "plans/nosuch.toml"],
        vec!["fmt", "--check", "plans/nosuch.toml"],
        vec!["check", "plans/nosuch.toml"],
    ] {
        let o = run(d, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(out(&o), "", "{args:?}: nothing on stdout");
        let e = err(&o);
        assert!(
            e.starts_with("tocplan: plans/nosuch.toml: cannot read"),
            "{args:?}: {e}"
        );
        assert_eq!(e.matches("nosuch").count(), 1, "{args:?}: said once: {e}");
    }
    // JSON keeps it as a row, its message not repeating the file's name.
    let o = run(d, &["check", "--format", "json", "plans/nosuch.toml"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v[0]["file"], "plans/nosuch.toml");
    let message = v[0]["message"].as_str().expect("message");
    assert!(!message.contains("nosuch"), "{message}");
}

#[test]
fn a_syntax_error_is_a_placed_finding_in_text_and_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::write(d.join("bad.toml"), "schema = 1\n[plan\n").expect("write");
    let o = run(d, &["check", "bad.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(out(&o).starts_with("bad.toml:2:"), "{}", out(&o));
    let o = run(d, &["check", "--format", "json", "bad.toml"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v[0]["line"], 2);
    let message = v[0]["message"].as_str().expect("message");
    assert!(message.starts_with("TOML syntax"), "{message}");
}

#[test]
fn app_only_options_are_refused_under_a_subcommand() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let o = run(d, &["--theme", "dark", "domains"]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(
        err(&o).starts_with("tocplan: `domains` opens no app, so --theme"),
        "{}",
        err(&o)
    );
    let o = run(d, &["x.toml", "domains"]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(err(&o).contains("the plan `x.toml`"), "{}", err(&o));
}

#[test]
fn a_listing_cut_by_limit_says_how_much_is_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let all = run(d, &["indicators"]);
    let total = out(&all)
        .lines()
        .filter(|l| l.starts_with("   ") && !l.starts_with("      "))
        .count();
    let o = run(d, &["indicators", "--limit", "2"]);
    assert_eq!(o.status.code(), Some(0));
    let last = out(&o).lines().last().unwrap_or_default().to_string();
    assert_eq!(last, format!("2 of {total} indicators shown"));
    let o = run(d, &["indicators", "--domain", "1", "--limit", "1"]);
    assert!(
        out(&o).trim_end().ends_with("indicators shown"),
        "{}",
        out(&o)
    );
}

#[test]
fn generate_refuses_dash_and_too_few_items_and_says_what_it_wrote() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    for args in [vec!["generate", "bank", "-"], vec!["generate", "plan", "-"]] {
        let o = run(d, &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(err(&o).contains("not `-`"), "{}", err(&o));
        assert!(!d.join("-").exists(), "{args:?}");
    }
    let o = run(d, &["generate", "plan", "--items", "0", "p.toml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!d.join("p.toml").exists());
    let o = run(d, &["generate", "plan", "--items", "5", "p.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(err(&o).starts_with("wrote p.toml ("), "{}", err(&o));
    let o = run(d, &["generate", "bank", "--indicators", "20", "b.toml"]);
    assert!(err(&o).starts_with("wrote b.toml ("), "{}", err(&o));
}

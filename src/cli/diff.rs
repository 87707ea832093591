//! `tocplan diff` (two files, or git revisions) and `tocplan show --text` (the outline a
//! git textconv driver shows).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::bail;

use super::DiffFormat;
use crate::plan::diff::{Style, diff, outline, to_json, to_markdown, to_text};
use crate::plan::{Plan, load, parse_str};

/// One side of a comparison: a file on disk, or a file at a git revision.
enum Side {
    File(PathBuf),
    Rev(String, PathBuf),
}

pub fn run(args: &[String], format: DiffFormat) -> anyhow::Result<u8> {
    let exists = |s: &String| Path::new(s).is_file();
    let file = |s: &str| Side::File(PathBuf::from(s));
    let at = |rev: &str, p: &Path| Side::Rev(rev.to_string(), p.to_path_buf());
    // An argument named like a plan is a file, not a revision: a missing one is said to be
    // missing, not taken for a revision of a repository that may not exist. (With three
    // arguments the plan is read from revisions only, and need not be here.)
    let named = if args.len() == 2 { args } else { &[] };
    for a in named.iter().filter(|a| a.ends_with(".toml") && !exists(a)) {
        crate::files::read(Path::new(a), crate::files::PLAN)?;
    }
    let pairs: Vec<(String, Side, Side)> = match args {
        [a, b] if exists(a) && exists(b) => vec![(format!("{a} -> {b}"), file(a), file(b))],
        [rev] => changed_plans(rev, None)?
            .into_iter()
            .map(|p| {
                let title = format!("{} ({rev} -> working copy)", p.display());
                (title, at(rev, &p), Side::File(p))
            })
            .collect(),
        [rev, plan] if exists(plan) => vec![(
            format!("{plan} ({rev} -> working copy)"),
            at(rev, Path::new(plan)),
            file(plan),
        )],
        [r1, r2] => changed_plans(r1, Some(r2))?
            .into_iter()
            .map(|p| {
                (
                    format!("{} ({r1} -> {r2})", p.display()),
                    at(r1, &p),
                    at(r2, &p),
                )
            })
            .collect(),
        [r1, r2, plan] => vec![(
            format!("{plan} ({r1} -> {r2})"),
            at(r1, Path::new(plan)),
            at(r2, Path::new(plan)),
        )],
        _ => bail!("give two plan files, or a git revision and a plan: see `tocplan diff --help`"),
    };
    let color = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    // The text renderer makes plan text visible itself: every escape left is our colour.
    let mut out = super::output::stdout().with_colour(color);
    let mut changed = false;
    let mut json = Vec::new();
    for (title, old, new) in &pairs {
        let (old, new) = (read(old)?, read(new)?);
        let changes = diff(&old, &new);
        changed |= !changes.is_empty();
        match format {
            DiffFormat::Text => write!(out, "{}", to_text(title, &changes, Style { color }))?,
            DiffFormat::Markdown => write!(out, "{}", to_markdown(title, &changes))?,
            DiffFormat::Json => json.push(to_json(&changes).map_err(|e| anyhow::anyhow!(e))?),
        }
    }
    if format == DiffFormat::Json {
        writeln!(out, "[{}]", json.join(",\n"))?;
    }
    out.flush()?;
    if pairs.is_empty() {
        super::output::note("no plan changed");
    }
    Ok(u8::from(changed))
}

fn read(side: &Side) -> anyhow::Result<Plan> {
    match side {
        Side::File(p) => Ok(load(p)?.plan),
        Side::Rev(rev, p) => {
            let Some(text) = git_show(rev, p)? else {
                // Not in that revision: everything in the other side is new.
                return Ok(Plan::default());
            };
            let name = PathBuf::from(format!("{}@{rev}", p.display()));
            Ok(parse_str(&text, &name)?.plan)
        }
    }
}

fn git(dir: &Path, args: &[&str]) -> anyhow::Result<std::process::Output> {
    Ok(crate::git::run(dir, args)?)
}

fn dir_of(p: &Path) -> PathBuf {
    crate::git::folder_of(p)
}

fn hint(e: crate::git::GitError) -> anyhow::Error {
    match e {
        crate::git::GitError::NoRepository(_) => {
            anyhow::anyhow!("{e}; to compare two files, give both paths")
        }
        other => other.into(),
    }
}

fn in_repo(dir: &Path) -> anyhow::Result<()> {
    crate::git::check_repository(dir).map_err(hint)
}

/// The file's text at a revision; `None` when the revision does not have it.
fn git_show(rev: &str, p: &Path) -> anyhow::Result<Option<String>> {
    crate::git::show(rev, p).map_err(hint)
}

/// Plans (TOML files with a `schema` line) that differ between a revision and the working
/// copy, or between two revisions.
fn changed_plans(r1: &str, r2: Option<&str>) -> anyhow::Result<Vec<PathBuf>> {
    let here = Path::new(".");
    in_repo(here)?;
    let mut args = vec!["diff", "--name-only", "--relative", r1];
    if let Some(r2) = r2 {
        args.push(r2);
    }
    args.extend(["--", "*.toml"]);
    let out = git(here, &args)?;
    if !out.status.success() {
        bail!("git diff: {}", String::from_utf8_lossy(&out.stderr).trim());
    }
    let plans = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(PathBuf::from)
        .filter(|p| {
            let text = crate::files::read_text(p, crate::files::PLAN)
                .ok()
                .or_else(|| git_show(r1, p).ok().flatten());
            text.is_some_and(|t| t.lines().any(|l| l.trim_start().starts_with("schema")))
        })
        .collect();
    Ok(plans)
}

pub fn show(plan: &Path) -> anyhow::Result<u8> {
    let loaded = load(plan)?;
    super::output::print(&outline(&loaded.plan))?;
    Ok(0)
}

/// One semantic diff per commit that touched the plan, newest first.
pub fn log(plan: &Path, max: Option<usize>, format: DiffFormat) -> anyhow::Result<u8> {
    let dir = dir_of(plan);
    // Comparing two files is no answer here: a history needs a repository.
    crate::git::check_repository(&dir).map_err(|e| match e {
        crate::git::GitError::NoRepository(_) => {
            anyhow::anyhow!("{e}; `tocplan log` shows the history of a plan that git tracks")
        }
        other => other.into(),
    })?;
    let name = plan
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let mut args = vec![
        "log".to_string(),
        "--format=%H%x09%h%x09%ad%x09%an%x09%s".into(),
        "--date=short".into(),
    ];
    if let Some(n) = max {
        args.push(format!("--max-count={n}"));
    }
    args.extend(["--".into(), name]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let log = git(&dir, &args)?;
    if !log.status.success() {
        bail!("git log: {}", String::from_utf8_lossy(&log.stderr).trim());
    }
    let color = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut out = super::output::stdout().with_colour(color);
    let mut json = Vec::new();
    for line in String::from_utf8_lossy(&log.stdout).lines() {
        let f: Vec<&str> = line.splitn(5, '\t').collect();
        let [hash, short, date, author, subject] = f[..] else {
            continue;
        };
        let parent = format!("{hash}^");
        let old = match git_show(&parent, plan) {
            Ok(Some(t)) => parse_str(&t, plan)?.plan,
            // The first commit of the plan (or of the repository).
            _ => Plan::default(),
        };
        let new = read(&Side::Rev(hash.to_string(), plan.to_path_buf()))?;
        let changes = diff(&old, &new);
        let title = format!("commit {short} {date} {author}: {subject}");
        match format {
            DiffFormat::Text => writeln!(out, "{}", to_text(&title, &changes, Style { color }))?,
            DiffFormat::Markdown => writeln!(out, "{}", to_markdown(&title, &changes))?,
            DiffFormat::Json => json.push(format!(
                "{{\"commit\": {}, \"changes\": {}}}",
                crate::json::to_string(hash)?,
                to_json(&changes).map_err(|e| anyhow::anyhow!(e))?
            )),
        }
    }
    if format == DiffFormat::Json {
        writeln!(out, "[{}]", json.join(",\n"))?;
    }
    out.flush()?;
    Ok(0)
}

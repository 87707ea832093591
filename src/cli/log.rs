//! `tocplan log PLAN`: one semantic diff per commit that changed the plan, newest first,
//! following it across renames. A commit whose version is not a readable plan is shown as
//! unreadable and the history goes on; the commit after it is compared with the last
//! readable version, so a fix reads as what it changed, not as the whole plan added.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::DiffFormat;
use super::version::{parse, why_unreadable};
use crate::git::{Commit, GitError, Place};
use crate::plan::Plan;
use crate::plan::diff::{Style, diff, to_json, to_markdown, to_text};
use crate::text::{markdown_cell, sanitize};

/// A version of the plan, or why it is not one.
type Version = Result<Plan, String>;

pub fn log(plan: &Path, max: Option<usize>, format: DiffFormat) -> anyhow::Result<u8> {
    // A plan since deleted, with its folder, still has a history: git looks for it from here.
    let Place { dir, path } = Place::of(plan);
    // Comparing two files is no answer here: a history needs a repository.
    crate::git::check_repository(&dir).map_err(|e| match e {
        GitError::NoRepository(_) => {
            anyhow::anyhow!("{e}; `tocplan log` shows the history of a plan that git tracks")
        }
        other => other.into(),
    })?;
    let top = crate::git::output(&dir, &["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches('\n'));
    // The whole history, even with -n: a commit after an unreadable one needs an older one.
    let commits = crate::git::history(&dir, &path)?;
    // Nothing at all is a mistyped name more often than a history: say so.
    if commits.is_empty() && !plan.exists() {
        anyhow::bail!(
            "{}: no such plan here, and git has no history of one by that name",
            plan.display()
        );
    }
    let mut versions: Vec<Option<Version>> = vec![None; commits.len()];
    let color = super::output::stdout_colour();
    let mut out = super::output::stdout().with_colour(color);
    let mut json = Vec::new();
    for (i, c) in commits.iter().enumerate().take(max.unwrap_or(usize::MAX)) {
        let mut title = format!("commit {} {} {}: {}", c.short, c.date, c.author, c.subject);
        if let (Some(old), Some(new)) = (&c.old_path, &c.path)
            && old != new
        {
            title.push_str(&format!(" ({old} -> {new})"));
        }
        let new = match version_at(&top, &commits, &mut versions, i)? {
            Ok(plan) => plan,
            Err(why) => {
                let why = format!("not a readable plan at this commit: {why}");
                match format {
                    DiffFormat::Text => {
                        writeln!(out, "{}\n\n! {}\n", sanitize(&title), sanitize(&why))?;
                    }
                    DiffFormat::Markdown => writeln!(
                        out,
                        "### Plan changes: {}\n\n{}\n",
                        markdown_cell(&title),
                        markdown_cell(&why)
                    )?,
                    DiffFormat::Json => json.push(format!(
                        "{{\"commit\": {}, \"unreadable\": {}}}",
                        crate::json::to_string(&c.hash)?,
                        crate::json::to_string(&why)?
                    )),
                }
                continue;
            }
        };
        let old = match read(&top, &format!("{}^", c.hash), c.old_path.as_deref())? {
            Ok(plan) => plan,
            Err(_) => {
                let (plan, since) = last_readable(&top, &commits, &mut versions, i)?;
                title.push_str(&match since {
                    Some(short) => {
                        format!(" (the version before is not readable: compared with {short}'s)")
                    }
                    None => " (no readable version before it)".to_string(),
                });
                plan
            }
        };
        let changes = diff(&old, &new);
        match format {
            DiffFormat::Text => writeln!(out, "{}", to_text(&title, &changes, Style { color }))?,
            DiffFormat::Markdown => writeln!(out, "{}", to_markdown(&title, &changes))?,
            DiffFormat::Json => json.push(format!(
                "{{\"commit\": {}, \"changes\": {}}}",
                crate::json::to_string(&c.hash)?,
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

/// The plan at a revision, at a path from the repository's top; the empty plan where the
/// revision has no such file (before the plan was added, or the parent of the first commit).
fn read(top: &Path, rev: &str, path: Option<&str>) -> anyhow::Result<Version> {
    let Some(path) = path else {
        return Ok(Ok(Plan::default()));
    };
    let at = Place {
        dir: top.to_path_buf(),
        path: PathBuf::from(path),
    };
    let bytes = match crate::git::blob(rev, &at) {
        Ok(b) => b,
        // A folder or a submodule where the plan was: that version is no plan, the rest are.
        Err(e @ GitError::NotAFile { .. }) => return Ok(Err(e.to_string())),
        Err(e) => return Err(e.into()),
    };
    let label = PathBuf::from(format!("{path}@{}", rev.get(..7).unwrap_or(rev)));
    Ok(parse(bytes.as_deref(), &label).map_err(|e| why_unreadable(&e)))
}

/// The version at commit `i`, read once.
fn version_at(
    top: &Path,
    commits: &[Commit],
    versions: &mut [Option<Version>],
    i: usize,
) -> anyhow::Result<Version> {
    if let Some(v) = &versions[i] {
        return Ok(v.clone());
    }
    let v = read(top, &commits[i].hash, commits[i].path.as_deref())?;
    versions[i] = Some(v.clone());
    Ok(v)
}

/// The newest readable version older than commit `i`, and that commit's short hash; the
/// empty plan if there is none.
fn last_readable(
    top: &Path,
    commits: &[Commit],
    versions: &mut [Option<Version>],
    i: usize,
) -> anyhow::Result<(Plan, Option<String>)> {
    for j in i + 1..commits.len() {
        if let Ok(plan) = version_at(top, commits, versions, j)? {
            return Ok((plan, Some(commits[j].short.clone())));
        }
    }
    Ok((Plan::default(), None))
}

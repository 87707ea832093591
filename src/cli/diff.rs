//! `tocplan diff`: two files, a revision and the working copy, or two revisions.
//!
//! It never says "no changes" when there are changes: the plans compared are found from the
//! revisions compared (a plan only the other branch has counts), a PLAN neither side has is
//! an error, and a plan that cannot be read is an error for that plan while the others are
//! still compared.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::bail;

use super::DiffFormat;
use super::version::{Side, looks_like_plan, parse};
use crate::git::{Changed, GitError, Place};
use crate::plan::diff::{Style, diff, to_json, to_markdown, to_text};

/// Two versions to compare, under the title the output gives them.
struct Pair {
    title: String,
    old: Side,
    new: Side,
    /// Named by the person: a file neither side has is an error, not "no changes".
    named: bool,
}

/// Plans are TOML files; which of them are plans is decided from their content.
const TOML: &str = "*.toml";

pub fn run(args: &[String], format: DiffFormat) -> anyhow::Result<u8> {
    // Anything on disk by that name is a path (a folder or a FIFO then gets the read
    // helper's clear refusal, not "not in a git repository").
    let exists = |s: &String| std::fs::symlink_metadata(s).is_ok();
    // An argument named like a plan is a file, not a revision: a missing one is said to be
    // missing, not taken for a revision of a repository that may not exist. (With three
    // arguments the plan is read from revisions only, and need not be here.)
    // A plan deleted from the working copy but in the revision is all removed, not
    // missing: `REV PLAN` with REV a revision here.
    let rev_then_gone = |rev: &String, plan: &String| {
        plan.ends_with(".toml")
            && !exists(plan)
            && crate::git::check_revision(&Place::of(Path::new(plan)).dir, rev).is_ok()
    };
    let named = if args.len() == 2 { args } else { &[] };
    for (i, a) in named.iter().enumerate() {
        let gone_from_rev = i == 1 && rev_then_gone(&named[0], a);
        if a.ends_with(".toml") && !exists(a) && !gone_from_rev {
            crate::files::read(Path::new(a), crate::files::PLAN)?;
        }
    }
    let pairs = match args {
        [a, b] if exists(a) && exists(b) => vec![Pair {
            title: format!("{a} -> {b}"),
            old: Side::File(a.into()),
            new: Side::File(b.into()),
            named: true,
        }],
        [rev] => between(rev, None)?,
        [rev, plan] if exists(plan) || rev_then_gone(rev, plan) => {
            let at = Place::of(Path::new(plan));
            revision(&at.dir, rev)?;
            vec![Pair {
                title: format!("{plan} ({rev} -> working copy)"),
                old: Side::Rev(rev.clone(), at),
                new: Side::File(plan.into()),
                named: true,
            }]
        }
        [r1, r2] => between(r1, Some(r2))?,
        [r1, r2, plan] => {
            let at = Place::of(Path::new(plan));
            revision(&at.dir, r1)?;
            revision(&at.dir, r2)?;
            vec![Pair {
                title: format!("{plan} ({r1} -> {r2})"),
                old: Side::Rev(r1.clone(), at.clone()),
                new: Side::Rev(r2.clone(), at),
                named: true,
            }]
        }
        _ => bail!("give two plan files, or a git revision and a plan: see `tocplan diff --help`"),
    };
    let color = super::output::stdout_colour();
    // The text renderer makes plan text visible itself: every escape left is our colour.
    let mut out = super::output::stdout().with_colour(color);
    let (mut changed, mut failed, mut compared) = (false, false, 0);
    let mut json = Vec::new();
    for pair in &pairs {
        let changes = match compare(pair) {
            Ok(Some(changes)) => changes,
            // Not a plan on either side: a TOML file of another kind.
            Ok(None) => continue,
            Err(e) => {
                // One plan that cannot be read stops only its own comparison.
                out.flush()?;
                super::output::error(&format!("{e:#}"));
                failed = true;
                continue;
            }
        };
        compared += 1;
        changed |= !changes.is_empty();
        match format {
            DiffFormat::Text => write!(out, "{}", to_text(&pair.title, &changes, Style { color }))?,
            DiffFormat::Markdown => write!(out, "{}", to_markdown(&pair.title, &changes))?,
            DiffFormat::Json => json.push(to_json(&changes).map_err(|e| anyhow::anyhow!(e))?),
        }
    }
    if format == DiffFormat::Json {
        writeln!(out, "[{}]", json.join(",\n"))?;
    }
    out.flush()?;
    if failed {
        return Ok(2);
    }
    if compared == 0 {
        super::output::note("no plan changed");
    }
    Ok(u8::from(changed))
}

/// What changed in plan terms; `None` when neither side is a plan (and it was not named).
fn compare(pair: &Pair) -> anyhow::Result<Option<Vec<crate::plan::diff::Change>>> {
    let (old, new) = (pair.old.bytes()?, pair.new.bytes()?);
    if old.is_none() && new.is_none() {
        if pair.named {
            bail!("{}: the plan is in neither revision", pair.title);
        }
        return Ok(None);
    }
    // An emptied or broken working copy is still the plan it was: it is read, and fails.
    let plan_like = [&old, &new]
        .iter()
        .any(|b| b.as_deref().is_some_and(looks_like_plan));
    if !pair.named && !plan_like {
        return Ok(None);
    }
    let old = parse(old.as_deref(), &pair.old.label())?;
    let new = parse(new.as_deref(), &pair.new.label())?;
    for (plan, side) in [(&old, &pair.old), (&new, &pair.new)] {
        warn_shared_ids(plan, &side.label());
    }
    Ok(Some(diff(&old, &new)))
}

/// Items are paired by id: where two items share one, the pairing is a guess, and a
/// report built on it could call an unchanged item changed. Said, not hidden.
fn warn_shared_ids(plan: &crate::plan::Plan, label: &Path) {
    let mut seen = std::collections::HashSet::new();
    let mut shared: Vec<&str> = plan
        .ids()
        .map(|(_, id)| id)
        .filter(|id| !seen.insert(*id))
        .collect();
    shared.dedup();
    if let Some(first) = shared.first() {
        super::output::warn(&format!(
            "{}: the id `{first}`{} is used by more than one item, so items are paired by guess \
             and the report may mislead; `tocplan check {}` says where",
            label.display(),
            if shared.len() > 1 {
                format!(" (and {} more)", shared.len() - 1)
            } else {
                String::new()
            },
            label.display()
        ));
    }
}

/// A revision that must name a commit here.
fn revision(dir: &Path, rev: &str) -> anyhow::Result<()> {
    crate::git::check_repository(dir).map_err(hint)?;
    crate::git::check_revision(dir, rev).map_err(hint)
}

/// Every TOML file that differs from `r1` to `r2` (or the working copy, with the files git
/// does not track yet), found from git's list of changes, not from the working tree.
fn between(r1: &str, r2: Option<&str>) -> anyhow::Result<Vec<Pair>> {
    let here = Path::new(".");
    revision(here, r1)?;
    if let Some(r2) = r2 {
        revision(here, r2)?;
    }
    let mut files = crate::git::changed_files(here, r1, r2, TOML)?;
    if r2.is_none() {
        files.extend(
            crate::git::untracked_files(here, TOML)?
                .into_iter()
                .map(|p| Changed {
                    old: p.clone(),
                    new: p,
                }),
        );
    }
    let at = |p: &PathBuf| Place {
        dir: here.to_path_buf(),
        path: p.clone(),
    };
    Ok(files
        .into_iter()
        .map(|Changed { old, new }| {
            let names = if old == new {
                new.display().to_string()
            } else {
                format!("{} -> {}", old.display(), new.display())
            };
            let (title, new) = match r2 {
                Some(r2) => (
                    format!("{names} ({r1} -> {r2})"),
                    Side::Rev(r2.to_string(), at(&new)),
                ),
                None => (format!("{names} ({r1} -> working copy)"), Side::File(new)),
            };
            Pair {
                title,
                old: Side::Rev(r1.to_string(), at(&old)),
                new,
                named: false,
            }
        })
        .collect())
}

/// What to do instead, for the error a person most likely made.
pub fn hint(e: GitError) -> anyhow::Error {
    match e {
        GitError::NoRepository(_) => anyhow::anyhow!("{e}; to compare two files, give both paths"),
        other => other.into(),
    }
}

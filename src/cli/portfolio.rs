//! `tocplan portfolio PLANS... | DIR [--rev REV]`: many plans side by side. Files are read
//! (from disk, or from git at a revision) and summarised in parallel, one thread a core;
//! a plan that cannot be read is listed with its error, the rest are reported, exit 1.

use std::path::{Path, PathBuf};

use anyhow::bail;

use super::PortfolioFormat;
use crate::framework::Framework;
use crate::git::{self, Place};
use crate::plan::LoadError;
use crate::report::portfolio::{self, Entry};

/// Where a plan is read from: a file on disk, or one at a revision.
enum Source {
    Disk(PathBuf),
    Rev(String, Place),
}

impl Source {
    fn name(&self) -> String {
        match self {
            Source::Disk(p) => p.display().to_string(),
            Source::Rev(rev, at) => format!("{rev}:{}", at.dir.join(&at.path).display()),
        }
    }

    /// The file's bytes, or why not, in a message naming it.
    fn read(&self) -> Result<Vec<u8>, String> {
        match self {
            Source::Disk(p) => crate::files::read(p, crate::files::PLAN)
                .map_err(|e| LoadError::from(e).to_string()),
            Source::Rev(rev, at) => match git::blob(rev, at) {
                Ok(Some(b)) => Ok(b),
                Ok(None) => Err(format!("{}: not in {rev}", self.name())),
                Err(e) => Err(format!("{}: {e}", self.name())),
            },
        }
    }
}

/// The `.toml` files in a folder and its subfolders (hidden ones aside), in name order.
fn plans_in(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("{}: {}", dir.display(), crate::files::reason(&e)))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            plans_in(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "toml") {
            out.push(p);
        }
    }
    Ok(())
}

/// The plans a revision has under a folder, as git lists them (`-z`: no name quoted).
fn plans_at(rev: &str, dir: &Path) -> anyhow::Result<Vec<Source>> {
    let out = git::output(dir, &["ls-tree", "-r", "-z", "--name-only", rev, "--", "."])?;
    let mut found: Vec<Source> = out
        .split(|b| *b == 0)
        .filter(|n| n.ends_with(b".toml"))
        .map(|n| {
            Source::Rev(
                rev.to_string(),
                Place {
                    dir: dir.to_path_buf(),
                    path: PathBuf::from(String::from_utf8_lossy(n).into_owned()),
                },
            )
        })
        .collect();
    found.sort_by_key(Source::name);
    Ok(found)
}

fn sources(args: &[PathBuf], rev: Option<&str>) -> anyhow::Result<Vec<Source>> {
    let mut out = Vec::new();
    for a in args {
        match rev {
            None if a.is_dir() => {
                let mut found = Vec::new();
                plans_in(a, &mut found)?;
                if found.is_empty() {
                    bail!("{}: no plans (.toml files) in this folder", a.display());
                }
                out.extend(found.into_iter().map(Source::Disk));
            }
            None => out.push(Source::Disk(a.clone())),
            Some(rev) => {
                let at = Place::of(a);
                git::check_repository(&at.dir).map_err(super::diff::hint)?;
                git::check_revision(&at.dir, rev).map_err(super::diff::hint)?;
                if a.is_dir() {
                    let found = plans_at(rev, a)?;
                    if found.is_empty() {
                        bail!(
                            "{}: no plans (.toml files) in this folder at {rev}",
                            a.display()
                        );
                    }
                    out.extend(found);
                } else {
                    out.push(Source::Rev(rev.to_string(), at));
                }
            }
        }
    }
    Ok(out)
}

/// Reads and summarises the plans on every core, keeping their order.
fn summarise_all(sources: &[Source], fw: &Framework) -> Vec<Entry> {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = sources.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = sources
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|src| portfolio::summarise(&src.name(), src.read(), fw))
                        .collect::<Vec<Entry>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .zip(sources.chunks(chunk))
            .flat_map(|(h, part)| {
                h.join().unwrap_or_else(|_| {
                    part.iter()
                        .map(|src| Entry::Broken {
                            file: src.name(),
                            error: "could not be summarised (an internal error)".into(),
                        })
                        .collect()
                })
            })
            .collect()
    })
}

pub fn run(
    args: &[PathBuf],
    rev: Option<&str>,
    format: PortfolioFormat,
    fw: &Framework,
) -> anyhow::Result<u8> {
    let sources = sources(args, rev)?;
    let p = portfolio::build(summarise_all(&sources, fw), fw);
    let text = match format {
        PortfolioFormat::Text => portfolio::to_text(&p),
        PortfolioFormat::Markdown => portfolio::to_markdown(&p),
        PortfolioFormat::Csv => portfolio::to_csv(&p).map_err(anyhow::Error::msg)?,
        PortfolioFormat::Json => portfolio::to_json(&p),
        PortfolioFormat::Html => portfolio::to_html(&p),
    };
    super::output::print(&text)?;
    if !p.broken.is_empty() {
        let n = p.broken.len();
        super::output::warn(&format!(
            "{n} plan{} could not be read; {} listed with the error in the report",
            if n == 1 { "" } else { "s" },
            if n == 1 { "it is" } else { "they are" }
        ));
    }
    Ok(if p.broken.is_empty() { 0 } else { 1 })
}

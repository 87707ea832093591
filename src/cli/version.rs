//! One version of a plan, from a file in the working copy or a file at a git revision: read
//! on its own, so one that cannot be read stops only what needed it.

use std::path::{Path, PathBuf};

use crate::git::Place;
use crate::plan::{LoadError, Plan, parse_bytes};

/// Where a version is.
pub enum Side {
    File(PathBuf),
    Rev(String, Place),
}

impl Side {
    /// The name messages give it: the path, and `@REV` for a revision.
    pub fn label(&self) -> PathBuf {
        match self {
            Side::File(p) => p.clone(),
            Side::Rev(rev, at) => PathBuf::from(format!("{}@{rev}", at.path.display())),
        }
    }

    /// The file's bytes; `None` when this side has no such file (not in that revision, or
    /// deleted from the working copy).
    pub fn bytes(&self) -> anyhow::Result<Option<Vec<u8>>> {
        match self {
            Side::File(p) => match crate::files::read(p, crate::files::PLAN) {
                Ok(b) => Ok(Some(b)),
                Err(e) if e.is_not_found() => Ok(None),
                Err(e) => Err(e.into()),
            },
            Side::Rev(rev, at) => Ok(crate::git::blob(rev, at).map_err(super::diff::hint)?),
        }
    }
}

/// Whether a TOML file is a plan: it has a `schema` line. A plan with a syntax error or
/// conflict markers still has one, so it is reported rather than passed over.
pub fn looks_like_plan(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes)
        .lines()
        .any(|l| l.trim_start().starts_with("schema"))
}

/// The plan in `bytes`, or the empty plan for a side that has no file (so everything in
/// the other side is added, or removed).
pub fn parse(bytes: Option<&[u8]>, label: &Path) -> Result<Plan, LoadError> {
    match bytes {
        None => Ok(Plan::default()),
        Some(b) => Ok(parse_bytes(b, label)?.plan),
    }
}

/// Why a version is not a readable plan, in one line and without the file's name (the
/// caller says which file): for the textconv note and `log`.
pub fn why_unreadable(e: &LoadError) -> String {
    let first = |s: &str| s.lines().next().unwrap_or_default().to_string();
    match e {
        LoadError::Empty { .. } => "the file is empty".into(),
        LoadError::Conflict { regions, .. } => format!(
            "unresolved git merge conflict at line {}",
            regions.first().map_or(1, |r| r.start)
        ),
        LoadError::Syntax { pos, message, .. } => format!(
            "TOML syntax at line {}, column {}: {}",
            pos.line,
            pos.col,
            first(message)
        ),
        LoadError::NewerSchema {
            found, supported, ..
        } => format!("schema = {found}, from a newer tocplan (this one reads schema {supported})"),
        LoadError::Binary { what, .. } => format!("not a text file: {what}"),
        LoadError::Invalid { diagnostics, .. } => {
            let errors = diagnostics
                .iter()
                .filter(|d| d.severity == crate::plan::Severity::Error)
                .count();
            let at = diagnostics
                .first()
                .and_then(|d| d.pos)
                .map_or(String::new(), |p| format!(" at line {}", p.line));
            let message = diagnostics
                .first()
                .map_or(String::new(), |d| first(&d.message));
            let s = if errors == 1 { "" } else { "s" };
            format!("{errors} error{s}, the first{at}: {message}")
        }
        LoadError::File(_) | LoadError::Directory { .. } => first(&e.to_string()),
    }
}

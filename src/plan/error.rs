//! Why a plan could not be loaded or saved. Every message names the file, and the line
//! and column wherever the text has one, says what was expected and suggests a fix.

use std::path::{Path, PathBuf};

use super::conflict::{ConflictRegion, describe};
use super::diagnostic::{Diagnostic, Pos};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// Not there, not a regular file, too large, or the read failed: said as `files` says it.
    #[error(transparent)]
    File(crate::files::ReadError),
    #[error("{}: is a directory, not a plan file; give the path of a .toml plan", path.display())]
    Directory { path: PathBuf },
    #[error("{}:{}:{}: error: not a text file ({what}); a plan is UTF-8 TOML text. Is this the right file?", path.display(), pos.line, pos.col)]
    Binary {
        path: PathBuf,
        pos: Pos,
        what: &'static str,
    },
    #[error("{}:1:1: error: the file is empty; start a plan in it with `tocplan new {}`, or open it with `tocplan {}`", path.display(), path.display(), path.display())]
    Empty { path: PathBuf },
    #[error("{}:{}:1: error: unresolved git merge conflict; for each conflict keep one version (or combine them) and delete its markers, then run `tocplan check` again{}", path.display(), regions.first().map_or(1, |r| r.start), describe(regions))]
    Conflict {
        path: PathBuf,
        regions: Vec<ConflictRegion>,
    },
    #[error("{}:{}:{}: error: TOML syntax: {message}", path.display(), pos.line, pos.col)]
    Syntax {
        path: PathBuf,
        pos: Pos,
        message: String,
    },
    #[error("{}:{}:{}: error: this plan has schema = {found}, written by a newer tocplan; this version reads schema {supported}. Upgrade tocplan to open it (the file is left untouched)", path.display(), pos.line, pos.col)]
    NewerSchema {
        path: PathBuf,
        pos: Pos,
        found: i64,
        supported: i64,
    },
    #[error("{}", render_invalid(path, diagnostics))]
    Invalid {
        path: PathBuf,
        diagnostics: Vec<Diagnostic>,
    },
}

impl LoadError {
    /// The `tocplan check` exit code: 1 for a plan with findings, 2 for a file that cannot
    /// be read or parsed at all.
    pub fn exit_code(&self) -> i32 {
        match self {
            LoadError::Invalid { .. } => 1,
            _ => 2,
        }
    }
}

fn render_invalid(path: &std::path::Path, diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| d.display(path).to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: not saved: {reason}", path.display())]
    WouldLose { path: PathBuf, reason: String },
    #[error("{}: not saved: {}", path.display(), io_words(doing, cause))]
    Io {
        path: PathBuf,
        /// What the save was doing, in words: "cannot create a file in plans".
        doing: String,
        /// Not `source`: the message says it, and an error chain would say it again.
        cause: std::io::Error,
    },
}

impl SaveError {
    pub(crate) fn io(path: &Path, doing: impl Into<String>, cause: std::io::Error) -> Self {
        SaveError::Io {
            path: path.to_path_buf(),
            doing: doing.into(),
            cause,
        }
    }

    /// The OS error behind a failed save, if there was one.
    pub fn io_error(&self) -> Option<&std::io::Error> {
        match self {
            SaveError::Io { cause, .. } => Some(cause),
            SaveError::WouldLose { .. } => None,
        }
    }
}

/// "cannot create a file in plans (permission denied)", "the disk is full while writing".
fn io_words(doing: &str, cause: &std::io::Error) -> String {
    let why = crate::files::reason(cause);
    if doing.starts_with("while") {
        format!("{why} {doing}")
    } else {
        format!("{doing} ({why})")
    }
}

impl From<crate::files::ReadError> for LoadError {
    fn from(e: crate::files::ReadError) -> Self {
        match e {
            crate::files::ReadError::Directory { path } => LoadError::Directory { path },
            other => LoadError::File(other),
        }
    }
}

/// Why a reading was not recorded. The words say what is wrong with the plan; how to do
/// it anyway (a flag, a key) is for the command line and the app to say.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadingError {
    #[error("there is no measure or output `{measure}`")]
    NoMeasure { measure: String },
    #[error("`{group}` is not a group `{measure}` is read for (its groups: {groups}){hint}")]
    NoGroup {
        measure: String,
        group: String,
        /// "; did you mean `...`?", or what else the words could be; may be empty.
        hint: String,
        groups: String,
    },
    #[error(
        "`{measure}` is judged on the gap between its groups, so a reading must name the group it is for: {groups}"
    )]
    GroupNeeded { measure: String, groups: String },
    #[error(
        "{date} is after today ({today}): a reading records what was measured, so give the date it was measured"
    )]
    Future {
        date: super::values::Date,
        today: super::values::Date,
    },
    #[error("`{measure}` is read for no groups, so a reading cannot be for `{group}`")]
    NoGroups { measure: String, group: String },
    #[error(
        "`{output}` is an output: its count is of all it delivered, not of a group (`{group}`)"
    )]
    OutputGroup { output: String, group: String },
    #[error("`{measure}` already has a reading{} on {date}", for_group(.group))]
    DateTaken {
        measure: String,
        /// Empty for a reading of the whole sample.
        group: String,
        date: super::values::Date,
    },
}

fn for_group(group: &str) -> String {
    if group.is_empty() {
        String::new()
    } else {
        format!(" for `{group}`")
    }
}

//! Reading plans from git: the few git commands the command line and the app share.
//!
//! Paths git prints are read only from `-z` output, so no name is quoted, escaped or split
//! (`plans/café.toml` is printed as `"plans/caf\303\251.toml"` otherwise); paths given to git
//! are always `REV:./PATH` from a folder that exists, so a plan in a folder the working tree
//! does not have (added on another branch) is still found.

mod changes;
mod history;

pub use changes::{Changed, changed_files, untracked_files};
pub use history::{Commit, history};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GitError {
    #[error("{} is not in a git repository", .0.display())]
    NoRepository(PathBuf),
    #[error("`{0}` is not a git revision here")]
    NoRevision(String),
    #[error("{path} at {rev} is a folder, not a plan file")]
    NotAFile { rev: String, path: String },
    #[error("running git: {0}")]
    Git(String),
}

/// The folder a path is in (`.` for a bare file name).
pub fn folder_of(p: &Path) -> PathBuf {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Runs git in a folder.
pub fn run(dir: &Path, args: &[&str]) -> Result<Output, GitError> {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| GitError::Git(format!("{e} (is git installed?)")))
}

/// Runs git, which must succeed: its stdout, or what it said on stderr.
pub fn output(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = run(dir, args)?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr);
        let first = args.first().copied().unwrap_or_default();
        return Err(GitError::Git(format!("git {first}: {}", said.trim())));
    }
    Ok(out.stdout)
}

pub fn check_repository(dir: &Path) -> Result<(), GitError> {
    if run(dir, &["rev-parse", "--git-dir"])?.status.success() {
        Ok(())
    } else {
        Err(GitError::NoRepository(dir.to_path_buf()))
    }
}

/// Fails unless `rev` names a commit here.
pub fn check_revision(dir: &Path, rev: &str) -> Result<(), GitError> {
    let commit = format!("{rev}^{{commit}}");
    if run(dir, &["rev-parse", "--verify", "--quiet", &commit])?
        .status
        .success()
    {
        Ok(())
    } else {
        Err(GitError::NoRevision(rev.to_string()))
    }
}

/// Where a file is for git: a folder that exists to run git in, and the file's path from
/// there. A plan named on the command line may be in a folder that only another revision
/// has; then git runs here and the path is taken from here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub dir: PathBuf,
    pub path: PathBuf,
}

impl Place {
    pub fn of(p: &Path) -> Place {
        let dir = folder_of(p);
        match p.file_name() {
            Some(name) if dir.is_dir() => Place {
                dir,
                path: PathBuf::from(name),
            },
            _ => Place {
                dir: PathBuf::from("."),
                path: p.to_path_buf(),
            },
        }
    }

    /// `REV:./PATH`: a path from the folder git runs in, not from the repository's top.
    fn spec(&self, rev: &str) -> String {
        format!("{rev}:./{}", self.path.display())
    }
}

/// A file's bytes at a revision; `None` when the revision does not have it. The revision
/// must be checked first (`check_revision`): any other failure is taken for a missing path.
pub fn blob(rev: &str, at: &Place) -> Result<Option<Vec<u8>>, GitError> {
    let spec = at.spec(rev);
    let kind = run(&at.dir, &["cat-file", "-t", &spec])?;
    if !kind.status.success() {
        return Ok(None);
    }
    if String::from_utf8_lossy(&kind.stdout).trim() != "blob" {
        return Err(GitError::NotAFile {
            rev: rev.to_string(),
            path: at.path.display().to_string(),
        });
    }
    output(&at.dir, &["cat-file", "blob", &spec]).map(Some)
}

/// A file's text at a revision; `None` when the revision does not have it.
pub fn show(rev: &str, path: &Path) -> Result<Option<String>, GitError> {
    let at = Place::of(path);
    check_repository(&at.dir)?;
    check_revision(&at.dir, rev)?;
    Ok(blob(rev, &at)?.map(|b| String::from_utf8_lossy(&b).into_owned()))
}

//! Reading plans from git: the few git commands the command line and the app share.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GitError {
    #[error("{} is not in a git repository", .0.display())]
    NoRepository(PathBuf),
    #[error("`{0}` is not a git revision here")]
    NoRevision(String),
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

pub fn check_repository(dir: &Path) -> Result<(), GitError> {
    if run(dir, &["rev-parse", "--git-dir"])?.status.success() {
        Ok(())
    } else {
        Err(GitError::NoRepository(dir.to_path_buf()))
    }
}

/// A file's text at a revision; `None` when the revision does not have it.
pub fn show(rev: &str, path: &Path) -> Result<Option<String>, GitError> {
    let dir = folder_of(path);
    check_repository(&dir)?;
    let commit = format!("{rev}^{{commit}}");
    if !run(&dir, &["rev-parse", "--verify", "--quiet", &commit])?
        .status
        .success()
    {
        return Err(GitError::NoRevision(rev.to_string()));
    }
    let name = path
        .file_name()
        .map_or(String::new(), |n| n.to_string_lossy().into_owned());
    let out = run(&dir, &["show", &format!("{rev}:./{name}")])?;
    Ok(out
        .status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned()))
}

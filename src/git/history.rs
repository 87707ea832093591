//! The commits that changed one file, newest first, following it across renames (as
//! `git log --follow` does), each with the file's path on both sides of the commit.

use std::path::Path;

use super::changes::path_text;
use super::{GitError, output};

/// One commit that changed the file. Paths are from the repository's top; `None` where
/// that side has no such file (the commit added it, or deleted it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    pub hash: String,
    pub short: String,
    pub date: String,
    pub author: String,
    pub subject: String,
    /// The file in this commit.
    pub path: Option<String>,
    /// The file in the commit's first parent.
    pub old_path: Option<String>,
}

/// Fields of the header are split by US, records by RS: neither is in a name or a subject
/// line, where a tab may well be.
const FORMAT: &str = "--format=%x1e%H%x1f%h%x1f%ad%x1f%an%x1f%s";

/// The commits that changed `file` (a path from `dir`), newest first.
pub fn history(dir: &Path, file: &Path) -> Result<Vec<Commit>, GitError> {
    let prefix = output(dir, &["rev-parse", "--show-prefix"])?;
    let name = file.display().to_string();
    let here = format!("{}{name}", path_text(&prefix).trim_end_matches('\n'));
    // Literal: a plan may be named `[draft].toml`, which as a glob is another file.
    let pathspec = format!(":(literal){name}");
    let out = output(
        dir,
        &[
            "log",
            "--follow",
            "-M",
            "-z",
            "--name-status",
            "--no-color",
            "--no-show-signature",
            "--date=short",
            FORMAT,
            "--",
            &pathspec,
        ],
    )?;
    Ok(parse_log(&out, here))
}

/// Reads `log -z --name-status` in `FORMAT`; `current` is the file's path at the newest
/// commit, carried back through renames (a merge lists no files: the path is unchanged).
pub(super) fn parse_log(out: &[u8], mut current: String) -> Vec<Commit> {
    let mut commits = Vec::new();
    for record in out.split(|b| *b == 0x1e).filter(|r| !r.is_empty()) {
        let mut fields = record
            .split(|b| *b == 0)
            .map(|f| path_text(f.strip_prefix(b"\n").unwrap_or(f)))
            .filter(|f| !f.is_empty());
        let Some(header) = fields.next() else {
            continue;
        };
        let head: Vec<&str> = header.splitn(5, '\x1f').collect();
        let [hash, short, date, author, subject] = head[..] else {
            continue;
        };
        let files: Vec<String> = fields.collect();
        let (old_path, path) = match files.as_slice() {
            [status, old, new, ..] if status.starts_with('R') => {
                (Some(old.clone()), Some(new.clone()))
            }
            [status, p, ..] if status.starts_with('A') => (None, Some(p.clone())),
            [status, p, ..] if status.starts_with('D') => (Some(p.clone()), None),
            [_, p, ..] => (Some(p.clone()), Some(p.clone())),
            _ => (Some(current.clone()), Some(current.clone())),
        };
        if let Some(old) = &old_path {
            current.clone_from(old);
        }
        commits.push(Commit {
            hash: hash.into(),
            short: short.into(),
            date: date.into(),
            author: author.into(),
            subject: subject.into(),
            path,
            old_path,
        });
    }
    commits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_log_is_read_back_through_a_rename_and_a_merge() {
        let out = concat!(
            "\x1ec3\x1fc\x1f2026-01-03\x1fAnn\x1fEdit\tit\0\nM\0plans/new.toml\0",
            "\x1em2\x1fm\x1f2026-01-02\x1fBo\x1fMerge\0",
            "\x1eb2\x1fb\x1f2026-01-02\x1fBo\x1fMove\0\nR100\0plans/caf\u{e9}.toml\0plans/new.toml\0",
            "\x1ea1\x1fa\x1f2026-01-01\x1fAnn\x1fStart\0\nA\0plans/caf\u{e9}.toml\0",
        );
        let got = parse_log(out.as_bytes(), "plans/new.toml".into());
        let paths: Vec<_> = got
            .iter()
            .map(|c| (c.hash.as_str(), c.old_path.as_deref(), c.path.as_deref()))
            .collect();
        let (new, old) = (Some("plans/new.toml"), Some("plans/café.toml"));
        assert_eq!(
            paths,
            vec![
                ("c3", new, new),
                ("m2", new, new),
                ("b2", old, new),
                ("a1", None, old)
            ]
        );
        assert_eq!(got[0].subject, "Edit\tit");
    }
}

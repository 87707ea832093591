//! Which files differ between two revisions, or a revision and the working copy.

use std::path::{Path, PathBuf};

use super::{GitError, output};

/// A file that differs. `old` and `new` differ only for a rename; either side may not have
/// the file (added, deleted), which reading that side finds out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub old: PathBuf,
    pub new: PathBuf,
}

/// Files matching `pathspec` that differ from `r1` to `r2` (or to the working copy), with
/// paths from `dir` and only below it, as `git diff --relative` gives them. Renames are
/// found whatever `diff.renames` says, so a moved plan is compared with its old self.
pub fn changed_files(
    dir: &Path,
    r1: &str,
    r2: Option<&str>,
    pathspec: &str,
) -> Result<Vec<Changed>, GitError> {
    let mut args = vec![
        "diff",
        "--name-status",
        "-z",
        "-M",
        "--relative",
        "--no-color",
        "--no-ext-diff",
        r1,
    ];
    args.extend(r2);
    args.extend(["--", pathspec]);
    Ok(parse_name_status(&output(dir, &args)?))
}

/// Files matching `pathspec` in the working copy that git does not track nor ignore.
pub fn untracked_files(dir: &Path, pathspec: &str) -> Result<Vec<PathBuf>, GitError> {
    let out = output(
        dir,
        &[
            "ls-files",
            "-z",
            "--others",
            "--exclude-standard",
            "--",
            pathspec,
        ],
    )?;
    Ok(fields(&out).map(PathBuf::from).collect())
}

/// The NUL-separated fields of `-z` output, each as the path it names.
fn fields(out: &[u8]) -> impl Iterator<Item = String> + '_ {
    out.split(|b| *b == 0)
        .filter(|f| !f.is_empty())
        .map(path_text)
}

/// git writes paths as the bytes they are; a name that is not UTF-8 cannot be a path
/// tocplan was given, and is shown with replacement characters.
pub(super) fn path_text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `--name-status -z`: a status, then one path (two for a rename or a copy), each field
/// ended by NUL.
pub(super) fn parse_name_status(out: &[u8]) -> Vec<Changed> {
    let mut fields = fields(out);
    let mut changed = Vec::new();
    while let Some(status) = fields.next() {
        let two = status.starts_with('R') || status.starts_with('C');
        let Some(first) = fields.next() else { break };
        let second = if two { fields.next() } else { None };
        let old = PathBuf::from(&first);
        let new = second.map_or_else(|| old.clone(), PathBuf::from);
        // A copy leaves the original where it was: only the new file changed.
        let old = if status.starts_with('C') {
            new.clone()
        } else {
            old
        };
        changed.push(Changed { old, new });
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_status_keeps_every_byte_of_a_path_and_pairs_renames() {
        let out =
            "M\0plans/caf\u{e9}.toml\0R087\0plans/a b.toml\0plans/new\tname.toml\0D\0x.toml\0";
        let got = parse_name_status(out.as_bytes());
        let pair = |a: &str, b: &str| Changed {
            old: a.into(),
            new: b.into(),
        };
        assert_eq!(
            got,
            vec![
                pair("plans/café.toml", "plans/café.toml"),
                pair("plans/a b.toml", "plans/new\tname.toml"),
                pair("x.toml", "x.toml"),
            ]
        );
    }
}

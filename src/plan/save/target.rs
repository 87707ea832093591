//! Where a save really writes: through any symbolic links to the file they end at, so a
//! plan kept as a link (a dotfiles repository, a shared folder) stays a link, and the file
//! it points at gets the new text.

use std::path::{Path, PathBuf};

use super::super::error::SaveError;

/// Linux gives up after 40 links; so does a save.
const MAX_LINKS: usize = 40;

/// The path at the end of the chain of symbolic links from `path`: the file itself when it
/// is not a link, and the link's target when the link dangles (saving creates it).
pub fn resolve(path: &Path) -> Result<PathBuf, SaveError> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let is_link = std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return Ok(at);
        }
        let to = std::fs::read_link(&at)
            .map_err(|cause| SaveError::io(path, "cannot follow the link", cause))?;
        // A relative target is relative to the link's own folder. The path is joined, not
        // normalised: `..` after a linked folder means what the kernel says it means.
        at = if to.is_absolute() {
            to
        } else {
            at.parent().map_or_else(|| to.clone(), |dir| dir.join(&to))
        };
    }
    Err(SaveError::WouldLose {
        path: path.to_path_buf(),
        reason: "it is a loop of symbolic links".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_chains_relative_and_dangling_links() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        std::fs::create_dir(d.join("real")).expect("mkdir");
        std::fs::write(d.join("real/p.toml"), "x").expect("write");
        std::os::unix::fs::symlink("real/p.toml", d.join("one")).expect("link");
        std::os::unix::fs::symlink(d.join("one"), d.join("two")).expect("link");
        assert_eq!(
            resolve(&d.join("two")).expect("resolve"),
            d.join("real/p.toml")
        );
        std::os::unix::fs::symlink("real/new.toml", d.join("dangling")).expect("link");
        assert_eq!(
            resolve(&d.join("dangling")).expect("resolve"),
            d.join("real/new.toml")
        );
        std::os::unix::fs::symlink("loop", d.join("loop")).expect("link");
        assert!(resolve(&d.join("loop")).is_err());
        assert_eq!(
            resolve(&d.join("real/p.toml")).expect("plain"),
            d.join("real/p.toml")
        );
    }
}

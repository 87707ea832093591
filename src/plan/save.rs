//! Atomic saving: a temporary file in the same folder, flushed to disk, then renamed over
//! the plan, so a crash or a dropped SSH session leaves the old file or the new, never half.
//! A save keeps what the file is: through a symbolic link it writes the file the link
//! points at (the link stays), it keeps the file's mode and, where the user may, its owner
//! and group, and it refuses a folder, a FIFO or a device at once.

mod target;
mod temp;

use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::SaveError;
use super::model::Plan;
use super::write::to_toml;

/// Writes the plan in canonical form to `path`, keeping the old file's permissions.
pub fn save(plan: &Plan, path: &Path) -> Result<(), SaveError> {
    write_atomic(path, to_toml(plan).as_bytes())
}

/// Replaces `path` with `bytes` atomically. A new file gets what any editor would give it
/// (0666 less the umask); an existing one keeps its mode, owner and group.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_with(path, bytes, NEW_SHARED)
}

/// The one name of the file a path ends at: links followed (a dangling one to where it
/// points) and its folder made absolute without links, so two paths to one plan (a link
/// and its target, `a/../p.toml` and `p.toml`) agree. The path itself if that fails.
pub fn real_path(path: &Path) -> PathBuf {
    let end = target::resolve(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match end.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match end.file_name() {
        Some(name) => std::fs::canonicalize(dir).map_or(end.clone(), |d| d.join(name)),
        None => end,
    }
}

/// `write_atomic` for what only the user should read (a recovery copy of unsaved work): a
/// new file is created 0600, and a link in its place is replaced, never followed (a link
/// planted where a copy goes must not send unsaved work somewhere else).
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        std::fs::remove_file(path)
            .map_err(|cause| SaveError::io(path, "cannot replace the link there", cause))?;
    }
    write_with(path, bytes, NEW_PRIVATE)
}

/// The mode a new file is created with (the umask still applies).
const NEW_SHARED: u32 = 0o666;
const NEW_PRIVATE: u32 = 0o600;

fn write_with(path: &Path, bytes: &[u8], new_mode: u32) -> Result<(), SaveError> {
    let target = target::resolve(path)?;
    let would_lose = |reason: String| SaveError::WouldLose {
        path: path.to_path_buf(),
        reason,
    };
    let old = match std::fs::metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(cause) => return Err(SaveError::io(path, "cannot look at it", cause)),
    };
    if let Some(m) = &old {
        if m.is_dir() {
            return Err(would_lose("it is a directory".into()));
        }
        if !m.is_file() {
            let kind = crate::files::kind_of(m);
            return Err(would_lose(format!(
                "it is {kind}, not a regular file; save to a file instead"
            )));
        }
        // A read-only file is someone's decision: renaming over it would quietly undo it.
        if m.permissions().readonly() {
            return Err(would_lose(
                "the file is read-only; make it writable, or save elsewhere".into(),
            ));
        }
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map_or_else(|| "plan".into(), |n| n.to_string_lossy().into_owned());
    temp::clean_stale(&dir);
    // An existing file's mode is set once the temporary file has its owner (a change of
    // owner clears set-id bits); until then only we may read it.
    let mode = if old.is_some() { 0o600 } else { new_mode };
    let (file, tmp) = temp::create(&dir, &name, mode).map_err(|cause| {
        let folder = dir.display();
        match cause.kind() {
            std::io::ErrorKind::NotFound => SaveError::WouldLose {
                path: path.to_path_buf(),
                reason: format!("the folder {folder} does not exist"),
            },
            // "." says nothing in the app: name the folder as it really is.
            _ => {
                let folder = std::fs::canonicalize(&dir).map_or(folder.to_string(), |d| {
                    if dir == Path::new(".") {
                        d.display().to_string()
                    } else {
                        folder.to_string()
                    }
                });
                SaveError::io(path, format!("cannot create a file in {folder}"), cause)
            }
        }
    })?;
    // Removes the temporary file unless it was renamed into place.
    struct Cleanup<'a>(Option<&'a Path>);
    impl Drop for Cleanup<'_> {
        fn drop(&mut self) {
            if let Some(p) = self.0 {
                let _ = std::fs::remove_file(p);
            }
        }
    }
    let mut cleanup = Cleanup(Some(&tmp));
    let mut file = file;
    let writing = |cause| SaveError::io(path, "while writing", cause);
    file.write_all(bytes).map_err(writing)?;
    if let Some(m) = &old {
        keep_owner(&file, m);
        file.set_permissions(m.permissions())
            .map_err(|cause| SaveError::io(path, "cannot keep its permissions", cause))?;
    }
    file.sync_all().map_err(writing)?;
    drop(file);
    std::fs::rename(&tmp, &target)
        .map_err(|cause| SaveError::io(path, "cannot replace it", cause))?;
    cleanup.0 = None;
    // Make the rename itself durable; not every platform lets a directory be synced.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Gives the new file the old one's owner and group where the user may: root may keep
/// both, an owner may keep a group they belong to, anyone else keeps the file as theirs.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, old: &std::fs::Metadata) {
    use std::os::unix::fs::{MetadataExt, fchown};
    if fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = fchown(file, None, Some(old.gid()));
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &std::fs::File, _old: &std::fs::Metadata) {}

/// A fingerprint of a file's bytes, to tell whether it changed on disk since it was read
/// or written (not a security hash).
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// The fingerprint of a file as it is now; `None` if it is not there (or is not a plan
/// tocplan would read: a FIFO is never opened).
pub fn file_hash(path: &Path) -> Option<u64> {
    crate::files::read(path, crate::files::PLAN)
        .ok()
        .map(|b| content_hash(&b))
}

#[cfg(test)]
mod tests;

//! Atomic saving: a temporary file in the same folder, flushed to disk, then renamed over
//! the plan, so a crash or a dropped SSH session leaves the old file or the new, never half.

use std::io::Write;
use std::path::Path;

use super::error::SaveError;
use super::model::Plan;
use super::write::to_toml;

/// Writes the plan in canonical form to `path`, keeping the old file's permissions.
pub fn save(plan: &Plan, path: &Path) -> Result<(), SaveError> {
    write_atomic(path, to_toml(plan).as_bytes())
}

/// Replaces `path` with `bytes` atomically; unchanged bytes leave the file alone.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    if path.is_dir() {
        return Err(SaveError::WouldLose {
            path: path.to_path_buf(),
            reason: "it is a directory".into(),
        });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let old_perms = std::fs::metadata(path).ok().map(|m| m.permissions());
    // A read-only file is someone's decision: renaming over it would quietly undo it.
    if old_perms.as_ref().is_some_and(|p| p.readonly()) {
        return Err(SaveError::WouldLose {
            path: path.to_path_buf(),
            reason: "the file is read-only; make it writable, or save elsewhere".into(),
        });
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".tocplan-").suffix(".tmp");
    // A new file gets what any editor would give it (0666 less the umask), not the
    // owner-only mode of a temporary file.
    #[cfg(unix)]
    if old_perms.is_none() {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    if let Some(p) = old_perms {
        tmp.as_file().set_permissions(p).map_err(io)?;
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    // Make the rename itself durable; not every platform lets a directory be synced.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// `write_atomic` for files only their owner may read (a new file is made 0600).
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".tocplan-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// A fingerprint of a file's bytes, to tell whether it changed on disk since it was read
/// or written (not a security hash).
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// The fingerprint of a file as it is now; `None` if it is not there.
pub fn file_hash(path: &Path) -> Option<u64> {
    std::fs::read(path).ok().map(|b| content_hash(&b))
}

//! The temporary file a save writes before renaming it over the plan. Its name carries the
//! writer's process id (`.tocplan-PID-NONCE.NAME.tmp`), so a later save can tell one left
//! by a process that was killed mid-save (gone: removed) from one another tocplan is
//! writing right now (alive: left alone).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

const PREFIX: &str = ".tocplan-";
const SUFFIX: &str = ".tmp";
/// The plan's name in the temporary name is for a person listing the folder; cut short so
/// the whole name stays within what any file system allows.
const NAME_BYTES: usize = 64;
/// Names from before the process id was in them (`.tocplan-XXXXXX.tmp`): no saving takes
/// this long, so one this old was left by a save that never finished.
const LEGACY_STALE: std::time::Duration = std::time::Duration::from_secs(3600);

/// A new temporary file in `dir` for a save of `name`, created with `mode` (less the umask)
/// and never over anything that exists (O_EXCL: not even through a planted link).
pub fn create(dir: &Path, name: &str, mode: u32) -> std::io::Result<(File, PathBuf)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let mut short = name;
    while short.len() > NAME_BYTES {
        let mut cut = NAME_BYTES;
        while !short.is_char_boundary(cut) {
            cut -= 1;
        }
        short = &short[..cut];
    }
    let pid = std::process::id();
    let mut last = None;
    for _ in 0..100 {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let nonce = nanos
            ^ COUNTER
                .fetch_add(1, Ordering::Relaxed)
                .wrapping_mul(0x9e37_79b9);
        let path = dir.join(format!("{PREFIX}{pid}-{nonce:08x}.{short}{SUFFIX}"));
        match open_new(&path, mode) {
            Ok(f) => return Ok((f, path)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temporary name")))
}

#[cfg(unix)]
fn open_new(path: &Path, mode: u32) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
}

#[cfg(not(unix))]
fn open_new(path: &Path, _mode: u32) -> std::io::Result<File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

/// The process id in one of our temporary names; `None` for any other name.
fn writer_of(file_name: &str) -> Option<Writer> {
    let rest = file_name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    match rest.split_once('-') {
        Some((pid, _)) if !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) => {
            Some(Writer::Process(pid.parse().ok()?))
        }
        // tempfile's six random letters and digits, from before.
        _ if rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()) => {
            Some(Writer::Unknown)
        }
        _ => None,
    }
}

enum Writer {
    Process(i32),
    Unknown,
}

/// Whether a process is running (or exists, as another user's: that is still "alive").
fn alive(pid: i32) -> bool {
    let Some(pid) = rustix::process::Pid::from_raw(pid) else {
        return false;
    };
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

/// Removes our temporary files in `dir` whose writer is gone; best effort, as a stale file
/// costs only space. Returns how many it removed.
pub fn clean_stale(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let me = std::process::id();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(writer) = name.to_str().and_then(writer_of) else {
            continue;
        };
        // Never follow a link, never remove anything but a plain file.
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if !meta.file_type().is_file() {
            continue;
        }
        let stale = match writer {
            Writer::Process(pid) => u32::try_from(pid).is_ok_and(|p| p != me) && !alive(pid),
            Writer::Unknown => meta
                .modified()
                .ok()
                .and_then(|m| m.elapsed().ok())
                .is_some_and(|age| age > LEGACY_STALE),
        };
        if stale && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_process_and_parse_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (_, path) = create(dir.path(), "plan.toml", 0o600).expect("create");
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(
            name.starts_with(&format!(".tocplan-{}-", std::process::id())),
            "{name}"
        );
        assert!(name.ends_with(".plan.toml.tmp"), "{name}");
        assert!(matches!(writer_of(name), Some(Writer::Process(_))));
        assert!(matches!(
            writer_of(".tocplan-aB3x9Z.tmp"),
            Some(Writer::Unknown)
        ));
        assert!(writer_of("plan.toml").is_none());
        assert!(writer_of(".tocplan-12x-3.tmp").is_none());
        let long = "é".repeat(200);
        let (_, path) = create(dir.path(), &long, 0o600).expect("a long name is cut");
        assert!(path.file_name().map_or(0, |n| n.len()) < 100);
    }

    #[test]
    fn removes_only_files_whose_writer_is_gone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        // A process that has surely exited: a child we waited for.
        let mut child = std::process::Command::new("true").spawn().expect("spawn");
        let gone = child.id();
        child.wait().expect("wait");
        let dead = d.join(format!(".tocplan-{gone}-0000abcd.p.toml.tmp"));
        let mine = d.join(format!(
            ".tocplan-{}-0000abcd.p.toml.tmp",
            std::process::id()
        ));
        let init = d.join(".tocplan-1-0000abcd.p.toml.tmp");
        let other = d.join("notes.tmp");
        for f in [&dead, &mine, &init, &other] {
            std::fs::write(f, "x").expect("write");
        }
        assert_eq!(clean_stale(d), 1);
        assert!(!dead.exists());
        assert!(mine.exists() && init.exists() && other.exists());
    }
}

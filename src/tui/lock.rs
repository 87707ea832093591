//! One planner at a time per plan, as vim's swap file does it: the app holds
//! `.NAME.lock` beside the plan while it is open, naming its process and host. A second
//! instance is told the plan is open elsewhere and chooses; a lock whose process is gone
//! (a crash, a kill) is recognised and taken over.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Who holds a lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    /// Seconds since 1970 when the plan was opened.
    pub since: u64,
}

impl Holder {
    fn me() -> Holder {
        Holder {
            pid: std::process::id(),
            host: host(),
            since: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        }
    }

    /// Whether the holder may still be running. On another host there is no telling, so
    /// it counts as running (the planner decides).
    fn alive(&self) -> bool {
        self.host != host() || (process_alive(self.pid) && may_be_tocplan(self.pid))
    }
}

/// What opening found.
#[derive(Debug)]
pub enum Acquired {
    /// The lock is ours (`stale`: one left by an instance that is gone was taken over).
    Ours { stale: Option<Holder> },
    /// Another instance that is still running has the plan open.
    Held(Holder),
    /// No lock could be made (a read-only or full folder, something else in its place):
    /// why, to tell the planner.
    Unavailable(String),
}

/// `.NAME.lock` beside the plan.
pub fn path_for(plan: &Path) -> PathBuf {
    let name = plan
        .file_name()
        .map_or("plan".into(), |n| n.to_string_lossy().into_owned());
    plan.with_file_name(format!(".{name}.lock"))
}

/// Takes the lock on a plan unless a running instance holds it.
pub fn acquire(plan: &Path) -> Acquired {
    let path = path_for(plan);
    let mut stale = None;
    // Twice at most: once more after clearing a stale lock.
    for _ in 0..2 {
        match create(&path) {
            Ok(()) => return Acquired::Ours { stale },
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Acquired::Unavailable(format!(
                    "{} cannot be made ({})",
                    file_name(&path),
                    crate::files::reason(&e)
                ));
            }
        }
        // Something that is not a lock of ours (a folder, a FIFO, a link): leave it be.
        if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            return Acquired::Unavailable(format!(
                "{} is there and is not a lock file",
                file_name(&path)
            ));
        }
        match read(&path) {
            Some(h) if h.pid == std::process::id() && h.host == host() => {
                return Acquired::Ours { stale };
            }
            Some(h) if h.alive() => return Acquired::Held(h),
            // Gone, or unreadable (cut short by a crash). Two instances may find it
            // stale at once: each moves it aside under a name of its own first, and only
            // throws away what it moved if that is still the stale lock it read (else it
            // was the other's fresh lock, and goes back).
            other => {
                let aside = path.with_extension(format!("lock.{}.stale", std::process::id()));
                if std::fs::rename(&path, &aside).is_ok() {
                    if read(&aside) == other {
                        let _ = std::fs::remove_file(&aside);
                    } else {
                        let _ = std::fs::hard_link(&aside, &path);
                        let _ = std::fs::remove_file(&aside);
                    }
                }
                stale = other;
            }
        }
    }
    Acquired::Unavailable(format!("{} keeps coming back", file_name(&path)))
}

fn file_name(path: &Path) -> String {
    crate::text::sanitize(
        &path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
    )
}

/// Removes the lock if it is ours (never another instance's).
pub fn release(plan: &Path) {
    let path = path_for(plan);
    if read(&path).is_some_and(|h| h.pid == std::process::id() && h.host == host()) {
        let _ = std::fs::remove_file(path);
    }
}

/// Makes the lock whole or not at all: written under a name of our own, then linked into
/// place (which fails if a lock is there), so no instance ever reads a lock half written
/// and takes it for a stale one.
fn create(path: &Path) -> std::io::Result<()> {
    use std::io::Write;
    let ours = path.with_extension(format!("lock.{}.new", std::process::id()));
    let _ = std::fs::remove_file(&ours);
    let made = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&ours)?;
        let json = serde_json::to_string(&Holder::me()).map_err(std::io::Error::other)?;
        f.write_all(json.as_bytes())?;
        f.sync_all()?;
        std::fs::hard_link(&ours, path)
    })();
    let _ = std::fs::remove_file(&ours);
    made
}

fn read(path: &Path) -> Option<Holder> {
    // Never open what is not a plain file (a FIFO would wait forever); nor a large one.
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() || meta.len() > 4096 {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

fn host() -> String {
    rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned()
}

/// Whether a running process could be a tocplan: where the system names its processes
/// (Linux's /proc), a process id reused by another program after a crash does not count.
fn may_be_tocplan(pid: u32) -> bool {
    // Run through a link of another name, it is still this program.
    let same_program = std::fs::read_link(format!("/proc/{pid}/exe"))
        .ok()
        .zip(std::env::current_exe().ok())
        .is_some_and(|(theirs, ours)| theirs == ours);
    match std::fs::read_to_string(format!("/proc/{pid}/comm")) {
        Ok(name) => same_program || name.trim_end().starts_with("tocplan"),
        Err(_) => true,
    }
}

/// Whether a process exists (signal 0: nothing is sent). One we may not signal exists.
pub fn process_alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        Err(e) => e == rustix::io::Errno::PERM,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_instance_is_told_and_a_stale_lock_is_taken_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = dir.path().join("p.toml");
        assert!(matches!(acquire(&plan), Acquired::Ours { stale: None }));
        // The same process opening again (the app re-reading) keeps it.
        assert!(matches!(acquire(&plan), Acquired::Ours { .. }));
        // Held on another host: there is no telling whether it runs, so it does.
        let other = Holder {
            pid: 1,
            host: format!("not-{}", host()),
            since: 0,
        };
        std::fs::write(
            path_for(&plan),
            serde_json::to_string(&other).expect("json"),
        )
        .expect("write");
        match acquire(&plan) {
            Acquired::Held(h) => assert_eq!(h, other),
            got => panic!("{got:?}"),
        }
        release(&plan);
        assert!(path_for(&plan).exists(), "never removes another's lock");
        // A process id reused by another program after a crash: stale (where /proc says).
        let mut sleeper = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .expect("spawn");
        let reused = Holder {
            pid: sleeper.id(),
            host: host(),
            since: 0,
        };
        std::fs::write(
            path_for(&plan),
            serde_json::to_string(&reused).expect("json"),
        )
        .expect("write");
        let got = acquire(&plan);
        let _ = sleeper.kill();
        let _ = sleeper.wait();
        if std::path::Path::new("/proc/self/comm").exists() {
            assert!(matches!(got, Acquired::Ours { stale: Some(_) }), "{got:?}");
        }
        release(&plan);
        // A process that is gone: a child that has exited and been reaped.
        let mut child = std::process::Command::new("true").spawn().expect("spawn");
        let gone = child.id();
        child.wait().expect("wait");
        let dead = Holder {
            pid: gone,
            host: host(),
            since: 0,
        };
        std::fs::write(path_for(&plan), serde_json::to_string(&dead).expect("json"))
            .expect("write");
        match acquire(&plan) {
            Acquired::Ours { stale: Some(h) } => assert_eq!(h.pid, gone),
            got => panic!("{got:?}"),
        }
        release(&plan);
        assert!(!path_for(&plan).exists());
    }

    #[test]
    fn a_lock_that_is_no_plain_file_is_never_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = dir.path().join("p.toml");
        let fifo = std::process::Command::new("mkfifo")
            .arg(path_for(&plan))
            .status()
            .expect("mkfifo");
        assert!(fifo.success());
        // Returns at once (reading a FIFO would wait for a writer forever).
        assert!(matches!(acquire(&plan), Acquired::Unavailable(_)));
        release(&plan);
        assert!(path_for(&plan).exists());
    }

    #[test]
    fn a_lock_cut_short_by_a_crash_is_stale() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = dir.path().join("p.toml");
        std::fs::write(path_for(&plan), "{\"pid\": 12").expect("write");
        assert!(matches!(acquire(&plan), Acquired::Ours { stale: None }));
    }
}

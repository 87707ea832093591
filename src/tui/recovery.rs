//! Unsaved work survives a crash or a lost connection: the loop keeps the plan's text
//! ready while it has unsaved changes, and a panic, SIGHUP (the SSH link dropped) or
//! SIGTERM writes it next to the plan as `.NAME.recovery` before the terminal is given
//! back. The next time the plan opens, the app offers it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The unsaved plan's text, shared with the panic hook and the signal thread.
pub type Snapshot = Arc<Mutex<Option<String>>>;

/// `.NAME.recovery` beside the plan (hidden, and not `*.toml`, so no glob of plans picks it up).
pub fn path_for(plan: &Path) -> PathBuf {
    let name = plan
        .file_name()
        .map_or("plan".into(), |n| n.to_string_lossy().into_owned());
    plan.with_file_name(format!(".{name}.recovery"))
}

/// Writes the snapshot, if there is one; best effort, as the process is going down.
fn rescue(snapshot: &Snapshot, plan: &Path) {
    let text = match snapshot.try_lock() {
        Ok(guard) => guard.clone(),
        Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner().clone(),
        Err(std::sync::TryLockError::WouldBlock) => None,
    };
    if let Some(text) = text {
        let _ = crate::plan::write_atomic(&path_for(plan), text.as_bytes());
    }
}

/// Installs the panic hook and the signal thread for this plan. Call after the terminal
/// is set up (its own hook, which restores the terminal, runs after ours).
pub fn install(plan: &Path) -> Snapshot {
    let snapshot: Snapshot = Arc::new(Mutex::new(None));
    let (s, p) = (snapshot.clone(), plan.to_path_buf());
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        rescue(&s, &p);
        previous(info);
    }));
    let (s, p) = (snapshot.clone(), plan.to_path_buf());
    use signal_hook::consts::{SIGHUP, SIGTERM};
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM]) {
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                rescue(&s, &p);
                ratatui::restore();
                std::process::exit(128 + sig);
            }
        });
    }
    snapshot
}

/// A recovery copy left by an earlier run, if there is one.
pub fn pending(plan: &Path) -> Option<String> {
    crate::files::read_text(&path_for(plan), crate::files::PLAN).ok()
}

/// Forgets the recovery copy once the work it holds is saved (or was never needed).
pub fn discard(plan: &Path) {
    let _ = std::fs::remove_file(path_for(plan));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The panic path: a panic anywhere while there is unsaved work leaves the work
    /// beside the plan, and the next open finds it.
    #[test]
    fn a_panic_writes_the_unsaved_work_beside_the_plan() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = dir.path().join("cafe.toml");
        std::fs::write(&plan, "schema = 1\ntitle = \"Saved\"\n").expect("write");
        let snapshot = install(&plan);
        let unsaved = "schema = 1\ntitle = \"Unsaved work\"\n";
        *snapshot.lock().expect("lock") = Some(unsaved.to_string());
        let caught = std::panic::catch_unwind(|| panic!("a bug somewhere in the app"));
        // Back to the default hook, so later panics in this test binary print as usual.
        let _ = std::panic::take_hook();
        assert!(caught.is_err());
        assert_eq!(pending(&plan).as_deref(), Some(unsaved));
        // The plan itself is untouched.
        let saved = std::fs::read_to_string(&plan).expect("read");
        assert!(saved.contains("Saved"));
        discard(&plan);
        assert_eq!(pending(&plan), None);
    }

    #[test]
    fn nothing_is_written_when_nothing_is_unsaved() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = dir.path().join("cafe.toml");
        let snapshot: Snapshot = Arc::new(Mutex::new(None));
        rescue(&snapshot, &plan);
        assert_eq!(pending(&plan), None);
    }
}

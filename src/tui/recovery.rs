//! Unsaved work survives a crash or a lost connection. The loop keeps a snapshot of the
//! work ready (the plan's text while it has unsaved changes, and the text of an open
//! editor); a panic, SIGHUP (the SSH link dropped), SIGTERM, SIGINT or SIGQUIT writes it
//! beside the plan as this instance's recovery copy, releases the plan's lock and gives
//! the terminal back. The next time the plan opens, the app offers it.

mod copy;

pub use copy::{Copy, Editing, Offer, as_file, beside, find};

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// What the panic hook and the signal thread need to keep unsaved work, kept up to date by
/// the loop: the plan (as it really is on disk: through links, and after a save as
/// another file), whether this instance holds its lock, and the unsaved work.
#[derive(Debug, Default)]
pub struct Session {
    pub plan: PathBuf,
    pub locked: bool,
    pub copy: Option<Copy>,
}

pub type Snapshot = Arc<Mutex<Session>>;

/// The signals that end a session without a word: the link dropped, a kill, an interrupt
/// sent from outside (in raw mode Ctrl-C is a key), a quit.
const SIGNALS: [i32; 4] = {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    [SIGHUP, SIGTERM, SIGINT, SIGQUIT]
};

/// Writes the unsaved work, if there is any, and lets go of the plan's lock; best effort,
/// as the process is going down. Says where the work went, or that it could not be kept.
fn rescue(snapshot: &Snapshot) -> Option<Result<PathBuf, String>> {
    // The loop holds the snapshot only for a moment while it refreshes it: wait a little
    // for that, but never block (a panic inside that moment must not hang the process).
    let mut taken = None;
    for _ in 0..50 {
        match snapshot.try_lock() {
            Ok(s) => taken = Some((s.plan.clone(), s.locked, s.copy.clone())),
            Err(std::sync::TryLockError::Poisoned(p)) => {
                let s = p.into_inner();
                taken = Some((s.plan.clone(), s.locked, s.copy.clone()));
            }
            Err(std::sync::TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(10));
                continue;
            }
        }
        break;
    }
    let (plan, locked, copy) = taken?;
    let kept = copy.map(|copy| copy::write(&plan, &copy));
    if locked {
        super::lock::release(&plan);
    }
    kept
}

/// The loop ended on an error (the terminal went away mid-draw): the unsaved work is kept
/// as a signal would keep it, and said once the terminal is back.
pub fn after_failure(snapshot: &Snapshot) {
    let kept = rescue(snapshot);
    super::give_back_terminal();
    let plan = snapshot
        .try_lock()
        .map(|g| g.plan.clone())
        .unwrap_or_default();
    report(kept, &plan);
}

/// Says on the terminal (given back by then) where unsaved work went, if it did not go
/// beside the plan, or that it could not be kept.
fn report(kept: Option<Result<PathBuf, String>>, plan: &Path) {
    match kept {
        Some(Ok(at)) if at.parent() != Some(crate::git::folder_of(plan).as_path()) => {
            eprintln!(
                "tocplan: the plan's folder could not hold your unsaved work; it is in {}",
                crate::text::sanitize(&at.display().to_string())
            );
        }
        Some(Err(why)) => eprintln!(
            "tocplan: your unsaved work could not be kept: {}",
            crate::text::sanitize(&why)
        ),
        _ => {}
    }
}

/// Installs the panic hook and the signal thread. Call after the terminal is set up (its
/// own hook, which gives the terminal back, runs after ours).
pub fn install(plan: &Path, locked: bool) -> Snapshot {
    let snapshot: Snapshot = Arc::new(Mutex::new(Session {
        plan: plan.to_path_buf(),
        locked,
        copy: None,
    }));
    let s = snapshot.clone();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let kept = rescue(&s);
        previous(info);
        let plan = s.try_lock().map(|g| g.plan.clone()).unwrap_or_default();
        report(kept, &plan);
        // A panic on any thread ends the app: the work is kept, the lock let go and the
        // terminal given back, so going on (without keys, or without the lock) would only
        // mislead. Tests install the hook without ending the process.
        if !cfg!(test) {
            std::process::exit(101);
        }
    }));
    let s = snapshot.clone();
    if let Ok(mut signals) = signal_hook::iterator::Signals::new(SIGNALS) {
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let kept = rescue(&s);
                super::give_back_terminal();
                let plan = s.try_lock().map(|g| g.plan.clone()).unwrap_or_default();
                report(kept, &plan);
                std::process::exit(128 + sig);
            }
        });
    }
    snapshot
}

/// Removes recovery copies whose work is now saved or kept elsewhere.
pub fn discard(files: &[std::path::PathBuf]) {
    for f in files {
        let _ = std::fs::remove_file(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The panic path: a panic anywhere while there is unsaved work leaves the work,
    /// and the text being typed, beside the plan, and the next open finds it.
    #[test]
    fn a_panic_writes_the_unsaved_work_beside_the_plan() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = dir.path().join("cafe.toml");
        std::fs::write(&plan, "schema = 1\ntitle = \"Saved\"\n").expect("write");
        let snapshot = install(&plan, false);
        let unsaved = Copy::new(
            "schema = 1\ntitle = \"Unsaved work\"\n".into(),
            Some(Editing {
                target: crate::tui::app::EditTarget::Goal,
                title: "Goal".into(),
                text: "half a sentence".into(),
            }),
            crate::plan::file_hash(&plan),
        );
        snapshot.lock().expect("lock").copy = Some(unsaved.clone());
        let caught = std::panic::catch_unwind(|| panic!("a bug somewhere in the app"));
        // Back to the default hook, so later panics in this test binary print as usual.
        let _ = std::panic::take_hook();
        assert!(caught.is_err());
        let found = find(&plan);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].copy,
            Copy {
                for_plan: Some(plan.clone()),
                ..unsaved
            }
        );
        assert_eq!(found[0].changed, Some(false));
        // The plan itself is untouched.
        let saved = std::fs::read_to_string(&plan).expect("read");
        assert!(saved.contains("Saved"));
        discard(&[found[0].file.clone()]);
        assert!(find(&plan).is_empty());
    }

    #[test]
    fn nothing_is_written_when_nothing_is_unsaved() {
        let dir = tempfile::tempdir().expect("tempdir");
        let plan = dir.path().join("cafe.toml");
        let snapshot: Snapshot = Arc::new(Mutex::new(Session {
            plan: plan.clone(),
            ..Session::default()
        }));
        assert!(rescue(&snapshot).is_none());
        assert!(find(&plan).is_empty());
    }
}

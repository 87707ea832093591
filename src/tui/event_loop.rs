//! The loop that does the I/O `update` asks for. Keys (from a reader thread) and picker
//! results (from a ranking thread) arrive on one channel; the loop blocks on it, so an
//! idle app uses no CPU, and draws once for each batch of messages.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};

use super::outcome::{SaveFailed, Saved};
use super::{App, Effect, Msg, render, update};
use crate::framework::picker::{Picker, Query};
use crate::plan::{content_hash, write_atomic};

pub fn run(
    terminal: &mut super::AppTerminal,
    app: &mut App,
    snapshot: &super::recovery::Snapshot,
) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel();
    super::input::spawn(tx.clone());
    let latest = Arc::new(AtomicU64::new(0));
    // The watcher lives as long as the loop; without one, outside changes are still
    // caught when saving (the fingerprint check below).
    let mut watched = app.path().to_path_buf();
    let mut saved = app.saved_version();
    let mut _watcher = watch(&crate::plan::real_path(&watched), tx.clone());
    let tx_note = tx.clone();
    let ranker = spawn_ranker(app.engine().clone(), latest.clone(), tx);
    let mut seen = Seen::default();
    loop {
        // Layers that scroll keep their cursor within what fits: `update` is told the size.
        let size = terminal.size()?;
        if app.viewport != (size.width, size.height) {
            super::update::update(
                app,
                Msg::Resize {
                    width: size.width,
                    height: size.height,
                },
            );
        }
        terminal.draw(|f| render(app, f))?;
        let first = rx.recv()?;
        // Everything already waiting is handled before the next frame; a long batch (a
        // flood of keys) refreshes the crash snapshot on the way, so a signal in the middle
        // of it loses at most a moment's typing.
        let mut kept_at = std::time::Instant::now();
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            if handle(app, msg, &ranker, &latest) {
                return Ok(());
            }
            if kept_at.elapsed() > std::time::Duration::from_millis(100) {
                keep_snapshot(app, snapshot, &mut seen);
                kept_at = std::time::Instant::now();
            }
        }
        // An instance that went on without the lock takes it at its next save once the
        // other has let go, so a third is warned about this one.
        if app.saved_version() != saved {
            saved = app.saved_version();
            take_free_lock(snapshot);
        }
        // Saved as another file: the lock, the copies and the watch follow the plan.
        if app.path() != watched {
            watched = app.path().to_path_buf();
            let real = crate::plan::real_path(&watched);
            _watcher = watch(&real, tx_note.clone());
            if let Some(note) = move_lock(snapshot, real) {
                update(app, Msg::Note(note));
            }
        }
        keep_snapshot(app, snapshot, &mut seen);
    }
}

/// Runs a message through `update` and carries out its effects; true means quit.
pub(super) fn handle(
    app: &mut App,
    msg: Msg,
    ranker: &Sender<(u64, Query)>,
    latest: &AtomicU64,
) -> bool {
    let mut queue = update(app, msg);
    while !queue.is_empty() {
        let mut next = Vec::new();
        for effect in queue {
            match effect {
                Effect::Quit => return true,
                Effect::Save {
                    path,
                    text,
                    version,
                    then_quit,
                    guard,
                } => {
                    // A read-only plan's own file is never written, however it is named
                    // (`:w` with the plan's path, a link to it, an overwrite agreed to).
                    if app.read_only().is_some()
                        && crate::plan::real_path(&path) == crate::plan::real_path(app.path())
                    {
                        let failed = SaveFailed::ReadOnly { path };
                        next.extend(update(app, Msg::Saved(Err(failed))));
                        continue;
                    }
                    // Never overwrite a file that changed since it was read: ask first.
                    let now = crate::files::read(&path, crate::files::PLAN).ok();
                    let hash = now.as_deref().map(content_hash);
                    if !guard.allows(hash) {
                        // What is there now goes with the question, so it can be merged.
                        let text = now.map(|b| String::from_utf8_lossy(&b).into_owned());
                        let conflict = Msg::SaveConflict {
                            path,
                            then_quit,
                            text,
                            hash,
                        };
                        next.extend(update(app, conflict));
                        continue;
                    }
                    let result = write_atomic(&path, text.as_bytes());
                    if result.is_ok() {
                        // The work recovery copies held is now in the file.
                        super::recovery::discard(&app.spent_copies);
                    }
                    if result.is_ok() && then_quit {
                        return true;
                    }
                    let result = result
                        .map(|()| Saved {
                            path,
                            version,
                            fingerprint: content_hash(text.as_bytes()),
                        })
                        .map_err(SaveFailed::from);
                    next.extend(update(app, Msg::Saved(result)));
                }
                Effect::WriteCopy { plan, text, copy } => {
                    let path = super::recovery::beside(&plan);
                    let result = write_atomic(&path, text.as_bytes())
                        .map(|()| {
                            super::recovery::discard(&[copy]);
                            path
                        })
                        .map_err(std::sync::Arc::new);
                    next.extend(update(app, Msg::CopyWritten(result)));
                }
                Effect::ReadHead { path } => {
                    let head = crate::git::show("HEAD", &path);
                    next.extend(update(app, Msg::Head(head)));
                }
                Effect::Rank { generation, query } => {
                    latest.store(generation, Ordering::SeqCst);
                    // A send fails only if the ranking thread is gone; the picker then
                    // keeps its last results rather than taking the app down.
                    let _ = ranker.send((generation, query));
                }
            }
        }
        queue = next;
    }
    false
}

/// Ranks picker queries off the main thread. Only the newest query is worth finishing: a
/// queued older one is skipped, and a running one gives up when a newer one arrives.
pub(super) fn spawn_ranker(
    engine: Arc<Picker>,
    latest: Arc<AtomicU64>,
    tx: Sender<Msg>,
) -> Sender<(u64, Query)> {
    let (jobs, rx) = mpsc::channel::<(u64, Query)>();
    std::thread::spawn(move || {
        while let Ok(mut job) = rx.recv() {
            while let Ok(newer) = rx.try_recv() {
                job = newer;
            }
            let (generation, query) = job;
            let stale = || latest.load(Ordering::SeqCst) != generation;
            if let Some(hits) = engine.search_until(&query, &stale)
                && tx.send(Msg::Ranked { generation, hits }).is_err()
            {
                break;
            }
        }
    });
    jobs
}

/// Watches the plan's folder (saves elsewhere replace the file by renaming, which a watch
/// on the file alone would lose) and reports the file's new text when it changes.
fn watch(path: &std::path::Path, tx: Sender<Msg>) -> Option<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let file = path.file_name()?.to_os_string();
    let target = path.to_path_buf();
    let dir = crate::git::folder_of(path);
    // Events only say "something happened"; a debouncing thread waits for the writes to
    // settle (a plain write is a truncate, then data) and reads the file once.
    let (poke, pokes) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        while pokes.recv().is_ok() {
            std::thread::sleep(std::time::Duration::from_millis(150));
            while pokes.try_recv().is_ok() {}
            let bytes = crate::files::read(&target, crate::files::PLAN).ok();
            let hash = bytes.as_deref().map(content_hash);
            let text = bytes.map(|b| String::from_utf8_lossy(&b).into_owned());
            if tx.send(Msg::DiskChanged { text, hash }).is_err() {
                break;
            }
        }
    });
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        use notify::EventKind::{Create, Modify, Remove};
        use notify::event::ModifyKind;
        let Ok(event) = res else { return };
        // Only writes, renames and removals: reading the file (ours included) raises
        // access events, and answering those would read it again, endlessly.
        let writes = match event.kind {
            Modify(ModifyKind::Metadata(_)) => false,
            Create(_) | Modify(_) | Remove(_) => true,
            _ => false,
        };
        if !writes
            || !event
                .paths
                .iter()
                .any(|p| p.file_name() == Some(file.as_os_str()))
        {
            return;
        }
        let _ = poke.send(());
    })
    .ok()?;
    watcher.watch(&dir, RecursiveMode::NonRecursive).ok()?;
    Some(watcher)
}

/// Takes the plan's lock if this instance does not hold it and no one else does now. The
/// file work is done without holding the snapshot, which a signal may need at any moment.
fn take_free_lock(snapshot: &super::recovery::Snapshot) {
    let plan = match snapshot.lock() {
        Ok(session) if !session.locked => session.plan.clone(),
        _ => return,
    };
    if matches!(
        super::lock::acquire(&plan),
        super::lock::Acquired::Ours { .. }
    ) && let Ok(mut session) = snapshot.lock()
    {
        session.locked = true;
    }
}

/// Moves this instance's lock to the plan's new file; says so if that file is open in
/// another tocplan, or cannot be locked.
fn move_lock(snapshot: &super::recovery::Snapshot, real: std::path::PathBuf) -> Option<String> {
    let (old, held) = match snapshot.lock() {
        Ok(session) => (session.plan.clone(), session.locked),
        Err(_) => return None,
    };
    if held {
        super::lock::release(&old);
    }
    let (locked, note) = match super::lock::acquire(&real) {
        super::lock::Acquired::Ours { .. } => (true, None),
        super::lock::Acquired::Held(h) => (
            false,
            Some(format!(
                "That file is open in another tocplan too (process {}): its saves and yours will replace each other",
                h.pid
            )),
        ),
        super::lock::Acquired::Unavailable(why) => {
            (false, Some(format!("That file cannot be locked: {why}")))
        }
    };
    if let Ok(mut session) = snapshot.lock() {
        session.plan = real;
        session.locked = locked;
    }
    note
}

/// Keeps the unsaved work ready for the panic hook and the signal thread: the plan's text
/// while it has unsaved changes (made again only when the plan changed), and the text of
/// an open editor that differs from what its field holds.
fn keep_snapshot(app: &App, snapshot: &super::recovery::Snapshot, seen: &mut Seen) {
    let editing = app.editor().and_then(|ed| {
        app.typed_text().map(|text| super::recovery::Editing {
            target: ed.target.clone(),
            title: ed.title.clone(),
            text,
        })
    });
    // Most batches change nothing of it (a move, a redraw): the snapshot stays as it is.
    let state = (app.version(), app.dirty(), app.disk());
    if seen.state == Some(state) && seen.editing == editing {
        return;
    }
    seen.state = Some(state);
    let wanted = app.dirty() || editing.is_some();
    if seen.version != Some(app.version()) || (wanted && seen.plan.is_none()) {
        seen.version = Some(app.version());
        seen.plan = wanted.then(|| crate::plan::to_toml(app.plan()));
    }
    seen.editing.clone_from(&editing);
    let copy = match (&seen.plan, wanted) {
        (Some(plan), true) => Some(super::recovery::Copy::new(
            plan.clone(),
            editing,
            app.disk(),
        )),
        _ => None,
    };
    if let Ok(mut s) = snapshot.lock() {
        s.copy = copy;
    }
}

/// What `keep_snapshot` made last: the plan's text, and for which version.
#[derive(Default)]
struct Seen {
    version: Option<u64>,
    plan: Option<String>,
    editing: Option<super::recovery::Editing>,
    /// The plan's version, whether it is unsaved, and the file's fingerprint.
    state: Option<(u64, bool, Option<u64>)>,
}

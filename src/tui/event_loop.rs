//! The loop that does the I/O `update` asks for. Keys (from a reader thread) and picker
//! results (from a ranking thread) arrive on one channel; the loop blocks on it, so an
//! idle app uses no CPU, and draws once for each batch of messages.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use super::{App, Effect, Msg, render, update};
use crate::framework::picker::{Picker, Query};
use crate::plan::write_atomic;

pub fn run(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel();
    spawn_input(tx.clone());
    let latest = Arc::new(AtomicU64::new(0));
    let ranker = spawn_ranker(app.engine.clone(), latest.clone(), tx);
    loop {
        terminal.draw(|f| render(app, f))?;
        let first = rx.recv()?;
        // Everything already waiting is handled before the next frame.
        for msg in std::iter::once(first).chain(rx.try_iter()) {
            if handle(app, msg, &ranker, &latest) {
                return Ok(());
            }
        }
    }
}

/// Runs a message through `update` and carries out its effects; true means quit.
fn handle(app: &mut App, msg: Msg, ranker: &Sender<(u64, Query)>, latest: &AtomicU64) -> bool {
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
                } => {
                    let result = write_atomic(&path, text.as_bytes());
                    if result.is_ok() && then_quit {
                        return true;
                    }
                    let result = result.map(|()| (path, version));
                    next.extend(update(app, Msg::Saved(result.map_err(|e| e.to_string()))));
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

fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => Msg::Key(key),
                // A resize redraws at the new size.
                Ok(Event::Resize(..)) => Msg::Redraw,
                Ok(_) => continue,
                Err(_) => break,
            };
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
}

/// Ranks picker queries off the main thread. Only the newest query is worth finishing: a
/// queued older one is skipped, and a running one gives up when a newer one arrives.
fn spawn_ranker(
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

//! The app driven by a key script instead of a person, drawing into a terminal of a
//! fixed size whose output is counted rather than shown. It runs the same `update`,
//! effects and `render` as the real loop, so its timings and byte counts are what a
//! planner's keystrokes cost: `tocplan --headless --keys FILE --size 80x24 PLAN`.

mod report;
pub mod script;

use std::io::Write;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::backend::CompactBackend;
use super::{App, Msg, event_loop, render};
pub use report::{Row, Spread, Summary, summarise, text};
pub use script::{ScriptError, Step, parse as parse_script};

/// How long to wait for the ranking thread's answer before reporting it as missing.
const RANK_PATIENCE: Duration = Duration::from_secs(30);

/// What one keystroke cost: `update` with its effects, then drawing the frame.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Sample {
    pub update: Duration,
    pub render: Duration,
    /// Bytes written to the terminal for the frame.
    pub bytes: usize,
    /// For picker typing over a large bank: from the key to the new results on screen
    /// (ranked on the background thread while input stays free).
    pub results: Option<Duration>,
}

impl Sample {
    pub fn total(&self) -> Duration {
        self.update + self.render
    }
}

/// The samples of one script line.
#[derive(Debug, Clone, PartialEq)]
pub struct StepReport {
    pub label: String,
    pub samples: Vec<Sample>,
}

/// Everything a run measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub width: u16,
    pub height: u16,
    /// From the start of the command to the app ready (framework, plan, review).
    pub load: Duration,
    /// From the start of the command to the first frame written.
    pub first_frame: Duration,
    pub first_frame_bytes: usize,
    /// Bytes of a full repaint of the last screen (clear, then draw everything).
    pub full_repaint_bytes: usize,
    pub steps: Vec<StepReport>,
    /// The script asked the app to quit before its end.
    pub quit_early: bool,
    /// Peak resident memory of the process, where the system tells it (Linux).
    pub peak_rss_kib: Option<u64>,
}

/// Counts the bytes the terminal backend writes and throws them away.
#[derive(Debug, Clone, Default)]
struct Counter(Arc<AtomicUsize>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A terminal of a fixed size that never asks the real one anything.
fn counting_terminal(
    counter: Counter,
    width: u16,
    height: u16,
) -> std::io::Result<Terminal<CompactBackend<Counter>>> {
    Terminal::with_options(
        CompactBackend::new(counter),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        },
    )
}

/// Runs `steps` against `app` in a `width`x`height` terminal. `started` is when the
/// command began, so the first frame's time includes loading.
pub fn drive(
    app: &mut App,
    steps: &[Step],
    (width, height): (u16, u16),
    started: Instant,
) -> anyhow::Result<Report> {
    let load = started.elapsed();
    let counter = Counter::default();
    let written = counter.0.clone();
    let mut terminal = counting_terminal(counter, width, height)?;
    // As the loop does: scrolled layers keep their cursor within what fits this size.
    crate::tui::update::update(app, Msg::Resize { width, height });
    let frame = |terminal: &mut Terminal<CompactBackend<Counter>>, app: &App| {
        let before = written.load(Ordering::Relaxed);
        let t = Instant::now();
        let drawn = terminal.draw(|f| render(app, f)).map(|_| ());
        (t.elapsed(), written.load(Ordering::Relaxed) - before, drawn)
    };
    let (_, first_frame_bytes, drawn) = frame(&mut terminal, app);
    drawn?;
    let first_frame = started.elapsed();

    let (tx, rx) = mpsc::channel();
    let latest = Arc::new(AtomicU64::new(0));
    let ranker = event_loop::spawn_ranker(app.engine().clone(), latest.clone(), tx);
    let mut reports = Vec::new();
    let mut quit_early = false;
    'script: for step in steps {
        let mut samples = Vec::with_capacity(step.keys.len());
        for key in &step.keys {
            let asked = latest.load(Ordering::SeqCst);
            let t = Instant::now();
            let quit = event_loop::handle(app, Msg::Key(*key), &ranker, &latest);
            let update = t.elapsed();
            if quit {
                quit_early = true;
                reports.push(StepReport {
                    label: step.label.clone(),
                    samples,
                });
                break 'script;
            }
            let (render_time, bytes, drawn) = frame(&mut terminal, app);
            drawn?;
            let mut sample = Sample {
                update,
                render: render_time,
                bytes,
                results: None,
            };
            let generation = latest.load(Ordering::SeqCst);
            if generation != asked {
                sample.results = wait_for_results(app, &rx, generation, &ranker, &latest)
                    .and_then(|()| frame(&mut terminal, app).2.ok())
                    .map(|()| t.elapsed());
            }
            samples.push(sample);
        }
        reports.push(StepReport {
            label: step.label.clone(),
            samples,
        });
    }
    // A full repaint is the last screen drawn into a blank terminal, as after a resize.
    let fresh = Counter::default();
    let repainted = fresh.0.clone();
    counting_terminal(fresh, width, height)?.draw(|f| render(app, f))?;
    let full_repaint_bytes = repainted.load(Ordering::Relaxed);
    Ok(Report {
        width,
        height,
        load,
        first_frame,
        first_frame_bytes,
        full_repaint_bytes,
        steps: reports,
        quit_early,
        peak_rss_kib: peak_rss_kib(),
    })
}

/// Waits for the ranking thread's answer to `generation` and hands it to the app, as the
/// real loop would when it arrives. `None` if it never came.
fn wait_for_results(
    app: &mut App,
    rx: &mpsc::Receiver<Msg>,
    generation: u64,
    ranker: &mpsc::Sender<(u64, crate::framework::picker::Query)>,
    latest: &AtomicU64,
) -> Option<()> {
    let deadline = Instant::now() + RANK_PATIENCE;
    loop {
        let msg = rx.recv_timeout(deadline.checked_duration_since(Instant::now())?);
        let msg = msg.ok()?;
        let done = matches!(msg, Msg::Ranked { generation: g, .. } if g == generation);
        event_loop::handle(app, msg, ranker, latest);
        if done {
            return Some(());
        }
    }
}

/// The process's peak resident set (VmHWM), in KiB; `None` where /proc is not there.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

//! What a planner feels on plans of 100, 1,000 and 10,000 items: loading (parse and
//! validate), the review, one frame at 80x24 and 200x60, a navigation keystroke and a
//! search of every field (`/`).
//! `cargo bench --bench table` prints the whole-process figures beside these.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tocplan::framework::Framework;
use tocplan::plan::{parse_str, synthetic, to_toml, validate};
use tocplan::tui::{App, Msg, render, update};

const SIZES: [usize; 3] = [100, 1_000, 10_000];

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn app_on(items: usize, fw: &Framework) -> App {
    let mut app = App::new(synthetic::plan(items), "bench.toml".into(), fw.clone());
    // To the outcomes, as a planner would start after the goal.
    update(&mut app, key('h'));
    app
}

fn load(c: &mut Criterion) {
    let fw = Framework::builtin().expect("framework");
    let mut group = c.benchmark_group("load: parse + validate");
    group.sample_size(10);
    for n in SIZES {
        let text = to_toml(&synthetic::plan(n));
        let path = std::path::Path::new("bench.toml");
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                let loaded = parse_str(black_box(text), path).expect("parse");
                validate(&loaded.plan, &fw, &loaded.source).len()
            })
        });
    }
    group.finish();
    let mut group = c.benchmark_group("review");
    for n in SIZES {
        let plan = synthetic::plan(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &plan, |b, plan| {
            b.iter(|| tocplan::plan::review::review(black_box(plan), &fw).len())
        });
    }
    group.finish();
}

fn frames(c: &mut Criterion) {
    let fw = Framework::builtin().expect("framework");
    for (w, h) in [(80, 24), (200, 60)] {
        let mut group = c.benchmark_group(format!("one frame at {w}x{h}"));
        for n in SIZES {
            let app = app_on(n, &fw);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            group.bench_function(BenchmarkId::from_parameter(n), |b| {
                b.iter(|| terminal.draw(|f| render(&app, f)).map(|_| ()))
            });
        }
        group.finish();
    }
}

fn keystrokes(c: &mut Criterion) {
    let fw = Framework::builtin().expect("framework");
    let mut group = c.benchmark_group("keystroke j then k, update + frame at 80x24");
    for n in SIZES {
        let mut app = app_on(n, &fw);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                for k in ['j', 'k'] {
                    update(&mut app, key(k));
                    terminal
                        .draw(|f| render(&app, f))
                        .map(|_| ())
                        .expect("draw");
                }
            })
        });
    }
    group.finish();
}

/// `/` then a word and Enter: a word no field holds reads every field of the plan (the
/// worst case), a phrase many hold also opens the first match's form.
fn search(c: &mut Criterion) {
    let fw = Framework::builtin().expect("framework");
    for query in ["childcare", "health trust"] {
        let mut group = c.benchmark_group(format!("search `/{query}` Enter, update only"));
        group.sample_size(10);
        for n in SIZES {
            let mut app = app_on(n, &fw);
            group.bench_function(BenchmarkId::from_parameter(n), |b| {
                b.iter(|| {
                    update(&mut app, key('/'));
                    for ch in query.chars() {
                        update(&mut app, key(ch));
                    }
                    update(
                        &mut app,
                        Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
                    );
                    update(
                        &mut app,
                        Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
                    );
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, load, frames, keystrokes, search);
criterion_main!(benches);

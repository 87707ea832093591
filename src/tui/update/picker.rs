//! The indicator picker: typing ranks the bank; Enter attaches the indicator to the
//! outcome as a new measure (or gives a measure a new indicator) and opens its fields.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::super::app::*;
use super::super::keymap::Action;
use super::Effect;
use crate::framework::picker::{Hit, Query, cycle_filter};
use crate::plan::{Field, Kind};

/// Banks up to this size are ranked at once, inside `update`; larger ones in the
/// background so that typing never waits (the built-in bank has under 200).
pub const RANK_AT_ONCE: usize = 10_000;

/// Rows a page moves.
use super::PAGE;

/// Opens the picker for an outcome (or, with `replacing`, for one of its measures).
pub fn open(app: &mut App, outcome: Option<String>, replacing: Option<String>) -> Vec<Effect> {
    if super::refuse_edit(app) {
        return Vec::new();
    }
    let Some(outcome) = outcome.filter(|o| app.plan.kind_of(o) == Some(Kind::Outcome)) else {
        app.say(
            Tone::Warn,
            "Measures belong to intermediate outcomes: select one in pane 2, then press m",
        );
        return Vec::new();
    };
    app.picker = Some(PickerState::new(outcome, replacing));
    app.status = None;
    rank(app)
}

/// Ranks the current query: at once for a small bank, else as an effect for the loop.
fn rank(app: &mut App) -> Vec<Effect> {
    let Some(p) = app.picker.as_mut() else {
        return Vec::new();
    };
    let query = Query::parse(&p.query, &app.fw);
    p.generation += 1;
    p.problems = query.problems.clone();
    if app.engine.len() <= RANK_AT_ONCE {
        p.hits = app.engine.search(&query);
        p.selected = 0;
        p.pending = false;
        return Vec::new();
    }
    p.pending = true;
    vec![Effect::Rank {
        generation: p.generation,
        query,
    }]
}

/// Results from the background ranking; only those for the query on screen are kept.
pub fn ranked(app: &mut App, generation: u64, hits: Vec<Hit>) {
    if let Some(p) = app.picker.as_mut()
        && p.generation == generation
    {
        p.hits = hits;
        p.selected = 0;
        p.pending = false;
    }
}

/// Ranks the query as it now is (after a paste into it).
pub fn rank_now(app: &mut App) -> Vec<Effect> {
    rank(app)
}

pub fn type_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(p) = app.picker.as_mut() else {
        return Vec::new();
    };
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            p.query.push(c);
        }
        KeyCode::Backspace if !p.query.is_empty() => {
            p.query.pop();
        }
        _ => return Vec::new(),
    }
    rank(app)
}

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(p) = app.picker.as_mut() else {
        return Vec::new();
    };
    let last = p.hits.len().saturating_sub(1);
    match action {
        Action::Cancel => {
            app.picker = None;
            app.say(Tone::Info, "No indicator chosen");
        }
        Action::Down => p.selected = (p.selected + 1).min(last),
        Action::Up => p.selected = p.selected.saturating_sub(1),
        Action::PageDown => p.selected = (p.selected + PAGE).min(last),
        Action::PageUp => p.selected = p.selected.saturating_sub(PAGE),
        Action::CycleDomain | Action::CycleCategory | Action::CyclePerspective => {
            let sigil = match action {
                Action::CycleDomain => '#',
                Action::CycleCategory => '@',
                _ => '!',
            };
            p.query = cycle_filter(&p.query, sigil, &app.fw);
            return rank(app);
        }
        Action::ClearQuery => {
            p.query.clear();
            return rank(app);
        }
        Action::Commit => attach(app),
        _ => {}
    }
    Vec::new()
}

fn attach(app: &mut App) {
    let Some(p) = app.picker.clone() else {
        return;
    };
    let Some(hit) = p.hits.get(p.selected) else {
        app.say(
            Tone::Warn,
            "No indicator matches: change the query (Ctrl-u clears it)",
        );
        return;
    };
    let indicator = hit.id.to_string();
    let mut plan = app.plan.clone();
    let result = match &p.replacing {
        Some(m) => plan
            .set_field(&Field::MeasureIndicator(m.clone()), &indicator, &app.fw)
            .map(|()| m.clone()),
        None => plan.add_measure(&p.outcome, &indicator),
    };
    let measure = match result {
        Ok(m) => m,
        Err(e) => {
            app.say(Tone::Warn, e.to_string());
            return;
        }
    };
    app.replace_plan(plan);
    app.picker = None;
    app.select(&p.outcome);
    let next = if p.replacing.is_some() {
        Field::MeasureIndicator(measure.clone())
    } else {
        Field::MeasureBaseline(measure.clone())
    };
    super::form::show_new(app, Form::Item(p.outcome.clone()), next);
    app.say(
        Tone::Info,
        format!(
            "Measure `{measure}` added: give its baseline, target, date, method, sample, frequency and who collects it (Enter edits; u undoes)"
        ),
    );
}

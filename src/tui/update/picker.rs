//! The indicator picker: typing ranks the bank; Enter attaches the indicator to the
//! outcome as a new measure (or gives a measure a new indicator) and opens its fields.

use crate::tui::undo::Edit;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::super::app::*;
use super::super::keymap::Action;
use super::Effect;
use crate::framework::picker::{Hit, cycle_filter};
use crate::plan::Field;

use super::open::{rank, show_new};

/// Results from the background ranking; only those for the query on screen are kept.
pub fn ranked(app: &mut App, generation: u64, hits: Vec<Hit>) {
    if let Some(p) = app.picker_mut()
        && p.generation == generation
    {
        p.hits = hits;
        p.selected = 0;
        p.pending = false;
    }
}

pub fn type_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(p) = app.picker_mut() else {
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
    // The filter a cycling key puts in, worked out before the picker is borrowed to change
    // (the framework is borrowed, never copied: with a large bank it is megabytes).
    let sigil = match action {
        Action::CycleDomain => Some('#'),
        Action::CycleCategory => Some('@'),
        Action::CyclePerspective => Some('!'),
        _ => None,
    };
    let cycled = sigil.and_then(|s| app.picker().map(|p| cycle_filter(&p.query, s, app.fw())));
    let Some(p) = app.picker_mut() else {
        return Vec::new();
    };
    // Top and Bottom are not the picker's: g and G are typed into the query.
    if !matches!(action, Action::Top | Action::Bottom)
        && let Some(at) = moved(p.selected, action, p.hits.len())
    {
        p.selected = at;
        return Vec::new();
    }
    match action {
        Action::Cancel => {
            app.pop();
            app.say(Tone::Info, "No indicator chosen");
        }
        Action::CycleDomain | Action::CycleCategory | Action::CyclePerspective => {
            if let Some(q) = cycled {
                p.query = q;
            }
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
    let Some(p) = app.picker().cloned() else {
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
    let mut plan = app.plan().clone();
    let result = match &p.replacing {
        Some(m) => plan
            .set_field(&Field::MeasureIndicator(m.clone()), &indicator, app.fw())
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
    let edit = match &p.replacing {
        Some(_) => Edit::Field,
        None => Edit::Add(crate::plan::Kind::Measure),
    };
    app.replace_plan(plan, edit);
    app.close(|l| matches!(l, Layer::Picker(_)));
    app.select(&p.outcome);
    let next = if p.replacing.is_some() {
        Field::MeasureIndicator(measure.clone())
    } else {
        // The guide's Exercise 2 asks which indicator, and why: the why comes first.
        Field::MeasureRationale(measure.clone())
    };
    show_new(app, Form::Item(p.outcome.clone()), next);
    app.say(
        Tone::Info,
        format!(
            "Measure `{measure}` added: say why this indicator, then its groups, baseline, target, date, method, sample, frequency and who collects it (Enter edits; u undoes)"
        ),
    );
}

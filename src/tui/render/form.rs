//! A form over the panes: labelled fields (the selected one highlighted), then, for an
//! item, what it serves, what serves it, and its measures.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::super::app::{App, Form};
use super::super::form::{Row, rows};
use super::super::keymap::Mode;
use super::super::theme::Slot;
use super::{centered, framed};
use crate::plan::Kind;
use crate::text::sanitize;

/// Label column width; labels longer than this wrap their value onto the next line.
const LABEL: usize = 16;

pub fn render(app: &App, f: &mut Frame, body: Rect, form: &Form, at: usize) {
    let area = centered(body, body.width.saturating_sub(4).max(20), body.height);
    f.render_widget(Clear, area);
    let title = match form {
        Form::Item(_) => "Details: Enter edits a field",
        Form::Stakeholders => "Stakeholders: who shares responsibility",
        Form::Context => "The plan's context (guide, Exercise 1)",
    };
    let block = framed(app, title, &app.keymap.hints(Mode::Form));
    let inner = block.inner(area);
    let width = inner.width.max(1) as usize;
    let rows = rows(app.plan(), app.fw(), form);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let (mut sel_top, mut sel_bottom) = (0, 0);
    // Where each row's lines start and end, for the scroll marks.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut section = String::new();
    let bold = Style::default().add_modifier(Modifier::BOLD);
    for (i, row) in rows.iter().enumerate() {
        if row.section != section {
            if !lines.is_empty() {
                lines.push(Line::from(""));
            }
            section = row.section.clone();
            lines.push(Line::styled(sanitize(&section), bold));
        }
        let selected = i == at.min(rows.len().saturating_sub(1));
        if selected {
            sel_top = lines.len();
        }
        let start = lines.len();
        lines.extend(row_lines(app, row, width, inner.height.into(), selected));
        spans.push((start, lines.len()));
        if selected {
            sel_bottom = lines.len();
        }
    }
    if rows.is_empty() {
        lines.push(Line::from(match form {
            Form::Stakeholders => {
                "No stakeholders yet. Press a to add one: newcomers, the receiving community and institutions share responsibility for integration."
            }
            _ => "Nothing here.",
        }));
    }
    if let Form::Item(id) = form {
        lines.extend(no_measures(app, id));
    }
    // Keep the selected field on screen with a few lines of what follows it, so the
    // next fields to fill in are in sight.
    let height = inner.height as usize;
    let below = (height / 4).min(lines.len().saturating_sub(sel_bottom));
    let scroll = super::scroll_to(sel_top, sel_bottom, height, below);
    let top = usize::from(scroll);
    let hidden_above = spans.iter().filter(|(_, end)| *end <= top).count();
    let hidden_below = spans
        .iter()
        .filter(|(start, _)| *start >= top + height)
        .count();
    f.render_widget(
        super::marks::marked(block, hidden_above, hidden_below),
        area,
    );
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}

/// One field: "Label           value", the value wrapped under itself, and cut (with
/// "…") after a screenful: no more of it can be seen, and a value may be a megabyte.
fn row_lines(
    app: &App,
    row: &Row,
    width: usize,
    height: usize,
    selected: bool,
) -> Vec<Line<'static>> {
    let th = &app.theme;
    let label = row.label.as_str();
    let (value, empty) = if row.value.is_empty() && row.field.is_some() {
        ("(empty: Enter to write)", true)
    } else {
        (row.value.as_str(), false)
    };
    let value_width = width.saturating_sub(LABEL + 3).max(8);
    let wrapped = super::wrap::cut_lines(value, value_width, height.max(1));
    let mut style = if empty {
        th.style(Slot::Muted)
    } else {
        Style::default()
    };
    if selected {
        style = style.patch(th.style(Slot::Selection));
    }
    let lead_style = if selected { style } else { Style::default() };
    let marker = if selected { "▶ " } else { "  " };
    let mut out = Vec::new();
    // A label too long for its column takes a line of its own.
    let long = label.chars().count() > LABEL;
    if long {
        out.push(Line::styled(format!("{marker}{label}"), lead_style));
    }
    for (i, part) in wrapped.iter().enumerate() {
        let lead = if i == 0 && !long {
            format!("{marker}{label:<LABEL$} ")
        } else {
            " ".repeat(LABEL + 3)
        };
        out.push(Line::from(vec![
            Span::styled(lead, lead_style),
            Span::styled(part.to_string(), style),
        ]));
    }
    out
}

fn no_measures(app: &App, id: &str) -> Vec<Line<'static>> {
    let p = app.plan();
    let mut out = Vec::new();
    if p.kind_of(id) == Some(Kind::Outcome) && !p.measures.iter().any(|m| m.outcome == id) {
        out.push(Line::from(""));
        out.push(Line::styled(
            "No measures yet: press m to choose an indicator from the bank",
            app.theme.style(Slot::Warning),
        ));
    }
    out
}

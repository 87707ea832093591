//! The evaluation view (the guide's evaluation plan): one row per measure with its
//! progress from baseline to target, the outputs counted against their targets, and the
//! selected measure in full below. Every part says what it cannot show ("↑ 2", "↓ 3",
//! "… 4 more lines"), so at 80x24 nothing looks finished that was only cut.

mod detail;
mod table;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::super::app::App;
use super::super::keymap::Mode;
use super::super::theme::Slot;
use super::{centered, framed};
use crate::plan::evaluation::{self, Progress, bar, rows};
use crate::text::sanitize;

/// Lines the selected measure's details keep below the table, where the height allows.
const DETAIL: u16 = 6;

pub fn render(app: &App, f: &mut Frame, body: Rect, row: usize) {
    let area = centered(body, body.width.saturating_sub(2).max(20), body.height);
    f.render_widget(Clear, area);
    let rows = rows(app.plan(), app.fw());
    let off = rows
        .iter()
        .filter(|r| {
            matches!(
                r.progress,
                Progress::Known {
                    off_track: true,
                    ..
                }
            )
        })
        .count();
    let title = match off {
        0 => format!("Evaluation plan: {} measures", rows.len()),
        n => format!("Evaluation plan: {} measures, {n} off track", rows.len()),
    };
    let block = framed(app, &title, &app.keymap.hints(Mode::Evaluation));
    let inner = block.inner(area);
    f.render_widget(block, area);
    if rows.is_empty() {
        f.render_widget(
            Paragraph::new(
                "No measures yet: select an outcome and press m to choose an indicator.",
            )
            .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let selected = row.min(rows.len() - 1);
    let counted = evaluation::output_rows(app.plan());
    let body_rows = table::body_len(&rows);
    // Below the table: a rule, the outputs under a rule of their own, then the details;
    // each only where the height leaves the table room for a few rows.
    let with_detail = inner.height >= 14;
    let output_lines = if counted.is_empty() || inner.height < 20 {
        0
    } else {
        (counted.len() as u16).min(inner.height / 5)
    };
    let below = if with_detail {
        1 + DETAIL
            + if output_lines > 0 {
                output_lines + 1
            } else {
                0
            }
    } else {
        0
    };
    let table_height = (body_rows as u16 + 1).min(inner.height.saturating_sub(below).max(2));
    let [table_area, rule, outputs_area, outputs_rule, detail_area] = Layout::vertical([
        Constraint::Length(table_height),
        Constraint::Length(u16::from(with_detail)),
        Constraint::Length(output_lines),
        Constraint::Length(u16::from(output_lines > 0)),
        Constraint::Min(0),
    ])
    .areas(inner);
    let (above, hidden_below) = table::render(app, f, table_area, &rows, selected);
    if above > 0 {
        super::marks::draw(f, inner, above, 0);
    }
    if !with_detail {
        // No rule to carry the mark: the box's own bottom border does.
        super::marks::draw(f, inner, 0, hidden_below);
        return;
    }
    let heading = if output_lines > 0 {
        "Outputs delivered"
    } else {
        ""
    };
    f.render_widget(rule_line(app, heading, hidden_below, rule.width), rule);
    if output_lines > 0 {
        let width = usize::from(outputs_area.width);
        let lines: Vec<Line> = counted
            .iter()
            .take(usize::from(output_lines))
            .map(|o| {
                let share = o
                    .share()
                    .map_or(String::new(), |s| format!(" {}", bar(s, 5)));
                let line = format!("{}{share} · {}", o.count(), sanitize(&o.text));
                Line::from(fit(&line, width))
            })
            .collect();
        f.render_widget(Paragraph::new(lines), outputs_area);
        let left = counted.len().saturating_sub(usize::from(output_lines));
        f.render_widget(rule_line(app, "", left, outputs_rule.width), outputs_rule);
    }
    detail::render(app, f, detail_area, &rows[selected]);
}

/// A rule across the view, with a heading at its left and a mark for `hidden` rows above
/// it at its right.
fn rule_line(app: &App, heading: &str, hidden: usize, width: u16) -> Paragraph<'static> {
    let width = usize::from(width);
    let head = if heading.is_empty() {
        String::new()
    } else {
        format!("{heading} ")
    };
    let mark = if hidden > 0 {
        format!(" ↓ {hidden}")
    } else {
        String::new()
    };
    let used = head.chars().count() + mark.chars().count();
    let rule = "─".repeat(width.saturating_sub(used));
    Paragraph::new(Line::from(vec![
        Span::styled(head, Style::default().add_modifier(Modifier::BOLD)),
        Span::styled(rule, app.theme.style(Slot::Border)),
        Span::raw(mark),
    ]))
}

/// `line` within `width` columns, ending in "…" when it had to be cut.
fn fit(line: &str, width: usize) -> String {
    if crate::text::display::width(line) > width {
        super::wrap::ellipsized(line, width)
    } else {
        line.to_string()
    }
}

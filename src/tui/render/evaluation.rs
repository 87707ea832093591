//! The evaluation view (the guide's evaluation plan): one row per measure with its
//! progress from baseline to target, and the selected measure in full below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Clear, Paragraph, Row, Table, TableState, Wrap};

use super::super::app::App;
use super::super::keymap::Mode;
use super::super::theme::Slot;
use super::{centered, framed};
use crate::plan::evaluation::{self, Progress, bar, rows, sparkline};
use crate::text::sanitize;

/// From this width the method, frequency and who columns are shown too.
const WIDE: u16 = 110;

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
    let detail_height = if inner.height >= 14 { 6 } else { 0 };
    let [table_area, detail] =
        Layout::vertical([Constraint::Min(2), Constraint::Length(detail_height)]).areas(inner);
    let wide = inner.width >= WIDE;
    let mut header = vec!["Outcome", "Indicator", "From → to", "Latest", "Progress"];
    let mut widths = vec![
        Constraint::Length(14),
        Constraint::Min(16),
        Constraint::Length(13),
        Constraint::Length(6),
        Constraint::Length(11),
    ];
    if wide {
        header.extend(["Method", "Frequency", "Who"]);
        widths.extend([
            Constraint::Length(16),
            Constraint::Length(10),
            Constraint::Length(12),
        ]);
    }
    let body_rows: Vec<Row> = rows
        .iter()
        .map(|r| {
            let target = match (r.baseline, r.target) {
                (Some(b), Some(t)) => format!("{b} → {t}"),
                (None, Some(t)) => format!("? → {t}"),
                (Some(b), None) => format!("{b} → ?"),
                (None, None) => "-".into(),
            };
            let by = r
                .target_date
                .map_or(String::new(), |d| format!(" {}", d.year));
            let latest = r
                .latest
                .as_ref()
                .map_or("-".to_string(), |l| l.1.to_string());
            let (progress, style) = match r.progress {
                Progress::Unknown => ("-".to_string(), Style::default()),
                Progress::Known { share, off_track } => (
                    format!("{}{}", bar(share, 6), if off_track { " !" } else { "" }),
                    if off_track {
                        app.theme.style(Slot::Warning)
                    } else {
                        Style::default()
                    },
                ),
            };
            let mut cells = vec![
                Cell::from(sanitize(&r.outcome)),
                Cell::from(sanitize(&r.indicator_text)),
                Cell::from(format!("{target}{by}")),
                Cell::from(latest),
                Cell::from(progress).style(style),
            ];
            if wide {
                cells.extend([
                    Cell::from(sanitize(&r.method)),
                    Cell::from(sanitize(&r.frequency)),
                    Cell::from(sanitize(&r.who)),
                ]);
            }
            Row::new(cells)
        })
        .collect();
    let table = Table::new(body_rows, widths)
        .header(Row::new(header).style(Style::default().add_modifier(Modifier::BOLD)))
        .row_highlight_style(app.theme.style(Slot::Selection))
        .column_spacing(1);
    let selected = row.min(rows.len() - 1);
    let mut state = TableState::default().with_selected(Some(selected));
    f.render_stateful_widget(table, table_area, &mut state);
    if detail_height > 0 {
        let r = &rows[selected];
        f.render_widget(
            Paragraph::new(detail_lines(app, r))
                .wrap(Wrap { trim: true })
                .block(ratatui::widgets::Block::default().borders(ratatui::widgets::Borders::TOP)),
            detail,
        );
    }
}

fn detail_lines(app: &App, r: &evaluation::Row) -> Vec<Line<'static>> {
    let dash = |s: &str| {
        if s.trim().is_empty() {
            "-".to_string()
        } else {
            sanitize(s)
        }
    };
    let mut lines = vec![Line::styled(
        format!("{} ({})", sanitize(&r.indicator_text), sanitize(&r.domain)),
        Style::default().add_modifier(Modifier::BOLD),
    )];
    lines.push(Line::from(format!(
        "Method: {} · Sample: {} · Frequency: {} · Who: {}",
        dash(&r.method),
        dash(&r.sample),
        dash(&r.frequency),
        dash(&r.who)
    )));
    let spark = sparkline(app.plan(), &r.measure);
    let latest = match &r.latest {
        Some((d, v, note)) if note.is_empty() => format!("Latest: {v} on {d}"),
        Some((d, v, note)) => format!("Latest: {v} on {d} ({})", sanitize(note)),
        None => "No reading yet: r records one".into(),
    };
    lines.push(Line::from(if spark.is_empty() {
        latest
    } else {
        format!("{latest} · readings {spark}")
    }));
    lines
}

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
    let detail_height = if inner.height >= 14 { 7 } else { 0 };
    let counted = evaluation::output_rows(app.plan());
    // Outputs counted against their targets, below the measures, where there is room.
    let outputs_height = if counted.is_empty() || inner.height < 20 {
        0
    } else {
        (counted.len() as u16 + 1).min(inner.height / 4)
    };
    // The table as tall as its rows (a heading per outcome), the rest for the details.
    let outcomes = rows
        .iter()
        .enumerate()
        .filter(|(i, r)| *i == 0 || rows[i - 1].outcome != r.outcome)
        .count();
    let table_height = (rows.len() + outcomes + 1) as u16;
    let [table_area, outputs_area, detail] = Layout::vertical([
        Constraint::Max(table_height.max(2)),
        Constraint::Length(outputs_height),
        Constraint::Min(detail_height),
    ])
    .areas(inner);
    let wide = inner.width >= WIDE;
    // Each outcome's words head its measures (not its id in a narrow column: two ids can
    // share their first letters, and so can two texts).
    let mut header = vec!["Outcome and indicator", "From → to", "Latest", "Progress"];
    let mut widths = vec![
        Constraint::Min(16),
        Constraint::Length(13),
        Constraint::Length(6),
        Constraint::Length(12),
    ];
    if wide {
        header.extend(["Method", "Frequency", "Who"]);
        widths.extend([
            Constraint::Length(16),
            Constraint::Length(10),
            Constraint::Length(12),
        ]);
    }
    let mut body_rows: Vec<Row> = Vec::new();
    let mut selected_at = 0;
    for (i, r) in rows.iter().enumerate() {
        if i == 0 || rows[i - 1].outcome != r.outcome {
            body_rows.push(
                Row::new(vec![Cell::from(sanitize(&r.outcome_text))])
                    .style(Style::default().add_modifier(Modifier::BOLD)),
            );
        }
        if i == row.min(rows.len() - 1) {
            selected_at = body_rows.len();
        }
        body_rows.push({
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
            // The mark goes first, so a narrow column never cuts it off.
            let (progress, style) = match r.progress {
                Progress::Unknown => ("-".to_string(), Style::default()),
                Progress::Known {
                    share, off_track, ..
                } => (
                    format!("{}{}", if off_track { "!" } else { " " }, bar(share, 5)),
                    if off_track {
                        app.theme.style(Slot::Warning)
                    } else {
                        Style::default()
                    },
                ),
            };
            let mut cells = vec![
                Cell::from(format!("  {}", sanitize(&r.indicator_text))),
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
        });
    }
    let table = Table::new(body_rows, widths)
        .header(Row::new(header).style(Style::default().add_modifier(Modifier::BOLD)))
        .row_highlight_style(app.theme.style(Slot::Selection))
        .column_spacing(1);
    let selected = row.min(rows.len() - 1);
    let mut state = TableState::default().with_selected(Some(selected_at));
    f.render_stateful_widget(table, table_area, &mut state);
    if outputs_height > 0 {
        let lines: Vec<Line> = std::iter::once(Line::styled(
            "Outputs delivered",
            Style::default().add_modifier(Modifier::BOLD),
        ))
        .chain(counted.iter().map(|o| {
            let share = o
                .share()
                .map_or(String::new(), |s| format!(" {}", bar(s, 5)));
            Line::from(format!("{}{share} · {}", o.count(), sanitize(&o.text)))
        }))
        .collect();
        f.render_widget(Paragraph::new(lines), outputs_area);
    }
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
    let mut lines = Vec::new();
    if let Some(why) = &r.why {
        // Off track: by how much, and what feeds it, so the planner sees what to change.
        lines.push(Line::styled(
            format!("! Off track: {}", sanitize(why)),
            app.theme.style(Slot::Warning),
        ));
        let acts: Vec<String> = r
            .feeding
            .iter()
            .map(|a| {
                let text = app.plan().item_text(a).unwrap_or_else(|| a.clone());
                super::wrap::ellipsized(&sanitize(&text), 36)
            })
            .collect();
        if !acts.is_empty() {
            lines.push(Line::from(format!("Fed by: {}", acts.join("; "))));
        }
    }
    lines.push(Line::styled(
        format!("{} ({})", sanitize(&r.indicator_text), sanitize(&r.domain)),
        Style::default().add_modifier(Modifier::BOLD),
    ));
    lines.push(Line::from(format!(
        "Outcome: {}",
        sanitize(&r.outcome_text)
    )));
    if !r.groups.is_empty() {
        let groups = r
            .groups
            .iter()
            .map(|g| match g.latest {
                Some((d, v)) => format!("{} {v} on {d}", sanitize(&g.group)),
                None => format!("{} no reading yet", sanitize(&g.group)),
            })
            .collect::<Vec<_>>()
            .join(" · ");
        lines.push(Line::from(format!("Groups: {groups}")));
    }
    lines.push(Line::from(format!(
        "Method: {} · Sample: {} · Frequency: {} · Who: {}",
        dash(&r.method),
        dash(&r.sample),
        dash(&r.frequency),
        dash(&r.who)
    )));
    let spark = sparkline(app.plan(), &r.measure);
    let gap = if r.gap { "gap " } else { "" };
    let latest = match &r.latest {
        Some((d, v, _)) if r.gap => format!("Latest: {gap}{v} on {d}"),
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

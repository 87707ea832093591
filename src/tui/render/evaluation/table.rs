//! The evaluation view's table: each outcome's words, then a row per measure of it. Its
//! columns are as wide as what they hold ("-25 → -10 2027" is never cut), the indicator
//! takes the rest and ends in "…" when cut, and the rows scroll to keep the selected one
//! in sight.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Cell, Row, Table, TableState};

use super::super::super::app::App;
use super::super::super::theme::Slot;
use super::fit;
use crate::plan::evaluation::{self, Progress, bar};
use crate::text::display::width;
use crate::text::sanitize;

/// From this width the method, frequency and who columns are shown too.
const WIDE: u16 = 110;
/// Widths of the method, frequency and who columns, when shown.
const WIDE_COLUMNS: [u16; 3] = [16, 10, 12];

/// Rows the table's body has: a heading per outcome and a row per measure.
pub fn body_len(rows: &[evaluation::Row]) -> usize {
    rows.len() + headings(rows).count()
}

/// The indices of the measures that start a new outcome.
fn headings(rows: &[evaluation::Row]) -> impl Iterator<Item = usize> + '_ {
    (0..rows.len()).filter(|&i| i == 0 || rows[i - 1].outcome != rows[i].outcome)
}

/// The cells of one measure's row, before any is cut.
struct Cells {
    indicator: String,
    target: String,
    /// " 2027": the target date's year, dropped first when the view is narrow.
    by: String,
    latest: String,
    progress: String,
    off_track: bool,
}

fn cells(r: &evaluation::Row) -> Cells {
    let target = match (r.baseline, r.target) {
        (Some(b), Some(t)) => format!("{b} → {t}"),
        (None, Some(t)) => format!("? → {t}"),
        (Some(b), None) => format!("{b} → ?"),
        (None, None) if !r.target_text.trim().is_empty() => "in words".into(),
        (None, None) => "-".into(),
    };
    let by = r
        .target_date
        .map_or(String::new(), |d| format!(" {}", d.year));
    // A gap target reads like any other without its label: "-25 → -5" is a gap closing.
    let target = if r.gap {
        format!("gap {target}")
    } else {
        target
    };
    let latest = r
        .latest
        .as_ref()
        .map_or("-".to_string(), |l| l.1.to_string());
    // The mark goes first, so a narrow column never cuts it off.
    let (progress, off_track) = match r.progress {
        Progress::Unknown => ("-".to_string(), false),
        Progress::Known {
            share, off_track, ..
        } => (
            format!("{}{}", if off_track { "!" } else { " " }, bar(share, 5)),
            off_track,
        ),
    };
    Cells {
        indicator: sanitize(&r.indicator_text),
        target,
        by,
        latest,
        progress,
        off_track,
    }
}

/// Draws the table in `area` with `selected` (a measure's index) in sight; returns how
/// many measures are out of sight above and below.
pub fn render(
    app: &App,
    f: &mut Frame,
    area: Rect,
    rows: &[evaluation::Row],
    selected: usize,
) -> (usize, usize) {
    let all: Vec<Cells> = rows.iter().map(cells).collect();
    let wide = area.width >= WIDE;
    let column = |title: &str, values: &mut dyn Iterator<Item = &String>| {
        values
            .map(|v| width(v))
            .chain([width(title)])
            .max()
            .unwrap_or(1) as u16
    };
    // Narrow, the target's year goes first, then the latest value, so the indicator keeps
    // a few letters and no column is cut by the table instead.
    let targets = |year: bool| -> Vec<String> {
        all.iter()
            .map(|c| {
                if year {
                    format!("{}{}", c.target, c.by)
                } else {
                    c.target.clone()
                }
            })
            .collect()
    };
    let latest_w = column("Latest", &mut all.iter().map(|c| &c.latest));
    let progress_w = column("Progress", &mut all.iter().map(|c| &c.progress));
    let extra: u16 = if wide {
        WIDE_COLUMNS.iter().sum::<u16>() + 3
    } else {
        0
    };
    let room = |target_w: u16, latest: bool| {
        let used = target_w + progress_w + 2 + if latest { latest_w + 1 } else { 0 } + extra;
        area.width.saturating_sub(used)
    };
    let with_year = targets(true);
    let without = targets(false);
    let w_year = column("From → to", &mut with_year.iter());
    let w_plain = column("From → to", &mut without.iter());
    let (shown_targets, target_w, latest) = if room(w_year, true) >= 12 {
        (with_year, w_year, true)
    } else if room(w_plain, true) >= 10 {
        (without, w_plain, true)
    } else {
        (without, w_plain, false)
    };
    let mut fixed = vec![target_w];
    if latest {
        fixed.push(latest_w);
    }
    fixed.push(progress_w);
    if wide {
        fixed.extend(WIDE_COLUMNS);
    }
    let first = room(target_w, latest).max(8);
    let mut header = vec!["Outcome and indicator", "From → to"];
    if latest {
        header.push("Latest");
    }
    header.push("Progress");
    if wide {
        header.extend(["Method", "Frequency", "Who"]);
    }
    let widths: Vec<Constraint> = std::iter::once(first)
        .chain(fixed)
        .map(Constraint::Length)
        .collect();
    let starts: Vec<usize> = headings(rows).collect();
    let mut body: Vec<Row> = Vec::new();
    // Where each measure's row is in the body, to scroll by and count what is hidden.
    let mut at = Vec::with_capacity(rows.len());
    for (i, (r, c)) in rows.iter().zip(&all).enumerate() {
        if starts.contains(&i) {
            body.push(
                Row::new(vec![Cell::from(fit(
                    &sanitize(&r.outcome_text),
                    usize::from(first),
                ))])
                .style(Style::default().add_modifier(Modifier::BOLD)),
            );
        }
        at.push(body.len());
        let style = if c.off_track {
            app.theme.style(Slot::Warning)
        } else {
            Style::default()
        };
        let mut line = vec![
            Cell::from(fit(&format!("  {}", c.indicator), usize::from(first))),
            Cell::from(shown_targets[i].clone()),
        ];
        if latest {
            line.push(Cell::from(c.latest.clone()));
        }
        line.push(Cell::from(c.progress.clone()).style(style));
        if wide {
            for (text, w) in [&r.method, &r.frequency, &r.who]
                .into_iter()
                .zip(WIDE_COLUMNS)
            {
                line.push(Cell::from(fit(&sanitize(text), usize::from(w))));
            }
        }
        body.push(Row::new(line));
    }
    let shown = usize::from(area.height.saturating_sub(1)).max(1);
    let selected_at = at[selected];
    // The selected row in sight, with its outcome's heading when that fits too.
    let heading_at = at[selected].saturating_sub(
        1 + (0..selected)
            .rev()
            .take_while(|&j| rows[j].outcome == rows[selected].outcome)
            .count(),
    );
    let offset = if selected_at < shown {
        0
    } else if selected_at - heading_at < shown {
        heading_at.min(body.len().saturating_sub(shown))
    } else {
        selected_at + 1 - shown
    };
    let above = at.iter().filter(|&&p| p < offset).count();
    let below = at.iter().filter(|&&p| p >= offset + shown).count();
    let table = Table::new(body, widths)
        .header(Row::new(header).style(Style::default().add_modifier(Modifier::BOLD)))
        .row_highlight_style(app.theme.style(Slot::Selection))
        .column_spacing(1);
    let mut state = TableState::default()
        .with_offset(offset)
        .with_selected(Some(selected_at));
    f.render_stateful_widget(table, area, &mut state);
    (above, below)
}

//! The selected measure in full, below the evaluation view's table: what matters most
//! first (why it is off track, the indicator, its groups and latest value, what feeds
//! it), the method last. Wrapped here, not by the paragraph, so when the lines do not all
//! fit the last one says how many are left and where to read them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::super::super::app::App;
use super::super::super::theme::Slot;
use crate::plan::evaluation::{self, sparkline};

pub fn render(app: &App, f: &mut Frame, area: Rect, r: &evaluation::Row) {
    if area.height == 0 {
        return;
    }
    let width = usize::from(area.width).max(8);
    let room = usize::from(area.height);
    let mut lines: Vec<Line> = Vec::new();
    let mut more = false;
    // Only what can be seen is wrapped (a hostile file's megabyte rationale costs nothing),
    // with one line to spare to learn whether anything is left over.
    for (text, style) in logical_lines(app, r) {
        let (wrapped, cut) =
            super::super::wrap::visible_lines(&text, width, room + 1 - lines.len());
        lines.extend(
            wrapped
                .into_iter()
                .map(|l| Line::styled(l.into_owned(), style)),
        );
        if cut || lines.len() > room {
            more = true;
            break;
        }
    }
    if more {
        lines.truncate(room - 1);
        lines.push(Line::styled(
            super::fit("… more: Enter opens the measure's fields", width),
            app.theme.style(Slot::Muted),
        ));
    }
    f.render_widget(Paragraph::new(lines), area);
}

/// The details as lines before wrapping, each with its style.
fn logical_lines(app: &App, r: &evaluation::Row) -> Vec<(String, Style)> {
    let plain = Style::default();
    let dash = |s: &str| {
        if s.trim().is_empty() {
            "-".to_string()
        } else {
            s.to_string()
        }
    };
    let mut lines = Vec::new();
    if let Some(why) = &r.why {
        lines.push((
            format!("! Off track: {why}"),
            app.theme.style(Slot::Warning),
        ));
    }
    lines.push((
        format!("{} ({})", r.indicator_text, r.domain),
        Style::default().add_modifier(Modifier::BOLD),
    ));
    if !r.groups.is_empty() {
        let groups = r
            .groups
            .iter()
            .map(|g| match g.latest {
                Some((d, v)) => format!("{} {v} on {d}", g.group),
                None => format!("{} no reading yet", g.group),
            })
            .collect::<Vec<_>>()
            .join(" · ");
        lines.push((format!("Groups: {groups}"), plain));
    }
    let spark = sparkline(app.plan(), &r.measure);
    let gap = if r.gap { "gap " } else { "" };
    let latest = match &r.latest {
        Some((d, v, note)) if r.gap || note.is_empty() => format!("Latest: {gap}{v} on {d}"),
        Some((d, v, note)) => format!("Latest: {v} on {d} ({note})"),
        None => "No reading yet: r records one".into(),
    };
    lines.push((
        if spark.is_empty() {
            latest
        } else {
            format!("{latest} · readings {spark}")
        },
        plain,
    ));
    if !r.target_text.trim().is_empty() {
        lines.push((format!("Target in words: {}", r.target_text), plain));
    }
    if r.why.is_some() {
        // What feeds it, so the planner sees what to change.
        let acts: Vec<String> = r
            .feeding
            .iter()
            .map(|a| {
                let text = app.plan().item_text(a).unwrap_or_else(|| a.clone());
                super::fit(&text, 36)
            })
            .collect();
        if !acts.is_empty() {
            lines.push((format!("Fed by: {}", acts.join("; ")), plain));
        }
    }
    if !r.rationale.trim().is_empty() {
        lines.push((format!("Why this indicator: {}", r.rationale), plain));
    }
    lines.push((format!("Outcome: {}", r.outcome_text), plain));
    lines.push((
        format!(
            "Method: {} · Sample: {} · Frequency: {} · Who: {}",
            dash(&r.method),
            dash(&r.sample),
            dash(&r.frequency),
            dash(&r.who)
        ),
        plain,
    ));
    if !r.analysis.trim().is_empty() {
        lines.push((format!("Analysis: {}", r.analysis), plain));
    }
    lines
}

//! Rendering: a pure function of the state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, List, ListItem, ListState, Paragraph};

use super::app::{App, PANES};
use super::keymap::hints;
use crate::text::sanitize;

pub fn render(app: &App, f: &mut Frame) {
    let area = f.area();
    if area.height < 3 || area.width < 10 {
        f.render_widget(Paragraph::new(sanitize(&app.plan.title)), area);
        return;
    }
    let [header, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    f.render_widget(Paragraph::new(header_line(app)), header);
    let panes = Layout::horizontal([Constraint::Ratio(1, 4); 4]).split(body);
    for (i, rect) in panes.iter().enumerate() {
        render_pane(app, f, i, *rect);
    }
    f.render_widget(
        Paragraph::new(hints(app.mode)).style(Style::default().add_modifier(Modifier::DIM)),
        status,
    );
}

fn header_line(app: &App) -> Line<'static> {
    let ctx = &app.plan.context;
    let mut spans = vec![Span::styled(
        sanitize(&app.plan.title),
        Style::default().add_modifier(Modifier::BOLD),
    )];
    if !ctx.place.is_empty() {
        spans.push(Span::raw(format!(" · {}", sanitize(&ctx.place))));
    }
    if let (Some(s), Some(e)) = (ctx.start, ctx.end) {
        spans.push(Span::raw(format!(" · {s} to {e}")));
    }
    Line::from(spans)
}

fn render_pane(app: &App, f: &mut Frame, i: usize, rect: Rect) {
    let col = app.fw.worksheet.column(PANES[i]);
    let title = col.map_or(PANES[i].to_string(), |c| {
        let full = format!(" {} {} ", c.number, c.name);
        // The guide's long names do not fit a quarter of 80 columns; its last word does.
        if full.chars().count() + 2 <= rect.width as usize {
            full
        } else {
            let short = c.name.rsplit(' ').next().unwrap_or(&c.name);
            let mut chars = short.chars();
            let short: String = chars
                .next()
                .map(|f| f.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            format!(" {} {short} ", c.number)
        }
    });
    let focused = app.pane == i;
    let border = if focused {
        Style::default().add_modifier(Modifier::BOLD)
    } else {
        Style::default().add_modifier(Modifier::DIM)
    };
    // A thick border marks focus even on a terminal with no colour or bold.
    let border_type = if focused {
        BorderType::Thick
    } else {
        BorderType::Plain
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(border_type)
        .border_style(border)
        .title(title)
        .title_bottom(col.map_or(String::new(), |c| c.short_question.clone()));
    let width = rect.width.saturating_sub(2).max(1) as usize;
    // A list skips an item taller than its area, so long items are cut to fit, marked "…".
    let max_lines = rect.height.saturating_sub(2).max(1) as usize;
    let items: Vec<ListItem> = app
        .pane_items(i)
        .into_iter()
        .map(|t| {
            let opts = textwrap::Options::new(width)
                .initial_indent("• ")
                .subsequent_indent("  ");
            let mut lines: Vec<String> = textwrap::wrap(&sanitize(t), opts)
                .into_iter()
                .map(|l| l.into_owned())
                .collect();
            if lines.len() > max_lines {
                lines.truncate(max_lines);
                if let Some(last) = lines.last_mut() {
                    let keep = width.saturating_sub(1);
                    *last = last.chars().take(keep).collect::<String>() + "…";
                }
            }
            ListItem::new(lines.into_iter().map(Line::from).collect::<Vec<_>>())
        })
        .collect();
    let list = List::new(items)
        .block(block)
        .highlight_style(Style::default().add_modifier(Modifier::REVERSED));
    let mut state = ListState::default();
    if focused {
        state.select(Some(app.rows[i]));
    }
    f.render_stateful_widget(list, rect, &mut state);
}

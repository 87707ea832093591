//! Rendering: a pure function of the state. Never mutates.

mod editor;
mod evaluation;
mod form;
mod guide;
mod marks;
mod outside_question;
mod overlays;
mod panes;
mod picker;
mod question;
mod review;
mod wrap;

pub(super) use overlays::{centered, framed};
#[cfg(test)]
pub(super) use review::by_words;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, Layer, PromptKind, Tone};
use super::theme::Slot;
use crate::text::sanitize;

pub fn render(app: &App, f: &mut Frame) {
    let area = f.area();
    if area.height < 3 || area.width < 10 {
        f.render_widget(Paragraph::new(sanitize(&app.plan().title)), area);
        return;
    }
    let status = status_line(app);
    let [header, body, guide_area, status_area] = areas(app, &status, area);
    let head = header_line(app);
    // A plan `check` rejects is never called clear: its errors are what the header counts.
    let review = match (app.problems().len(), review::summary(app.findings())) {
        (1, _) => "read-only: 1 error (R)".to_string(),
        (n @ 2.., _) => format!("read-only: {n} errors (R)"),
        (_, s) if s == "review clear" => format!("{s} (R)"),
        (_, s) => format!("review: {s} (R)"),
    };
    // The review's count is the one thing the header must always show: the title and
    // place are shortened first to leave room for it.
    let count = review.chars().count();
    let room = usize::from(header.width).saturating_sub(count + 2);
    let head = if head.width() > room {
        header_line_within(app, room)
    } else {
        head
    };
    f.render_widget(Paragraph::new(head), header);
    if count <= header.width as usize {
        let counts = app.findings().iter().any(|f| f.counts());
        let style = app.theme.style(match (app.problems().is_empty(), counts) {
            (false, _) => Slot::Error,
            (true, true) => Slot::Warning,
            (true, false) => Slot::Muted,
        });
        f.render_widget(
            Paragraph::new(Span::styled(review, style))
                .alignment(ratatui::layout::Alignment::Right),
            header,
        );
    }
    panes::render(app, f, body);
    f.render_widget(
        Paragraph::new(status).wrap(ratatui::widgets::Wrap { trim: true }),
        status_area,
    );
    overlays::render(app, f, body);
    if guide_area.height > 0 {
        guide::render(app, f, guide_area);
    }
}

/// Where the guide panel is at the terminal's size as last drawn (no rows: hidden, or no
/// room for it).
pub fn guide_area(app: &App) -> Rect {
    let (width, height) = app.viewport;
    let [_, _, guide, _] = areas(app, &status_line(app), Rect::new(0, 0, width, height));
    guide
}

/// The guide panel's next page, if it has one after the page shown.
pub fn guide_next_page(app: &App) -> Option<(u64, usize)> {
    let area = guide_area(app);
    (area.height > 0)
        .then(|| guide::next_page(app, area))
        .flatten()
}

/// The header, the body (panes and layers), the guide panel (no rows when hidden) and the
/// status line of the screen `area`.
fn areas(app: &App, status: &Line, area: Rect) -> [Rect; 4] {
    // A message longer than the screen is wide wraps over as many lines as it needs, up
    // to a quarter of the screen (a bad theme and a keymap warning together take three).
    let status_height = match &app.status {
        Some((_, text)) if status.width() > area.width as usize && area.height >= 8 => {
            let rows = textwrap::wrap(&sanitize(text), usize::from(area.width).max(1)).len();
            u16::try_from(rows)
                .unwrap_or(u16::MAX)
                .clamp(1, (area.height / 4).max(2))
        }
        _ => 1,
    };
    let body = area.height.saturating_sub(1 + status_height);
    let guide = guide::height(app, area.width, body);
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(guide),
        Constraint::Length(status_height),
    ])
    .areas(area)
}

/// How many first lines the scrolled view on top can start at, at the terminal's size as
/// last drawn (`update` keeps its cursor within them).
pub fn scroll_positions(app: &App, overlay: &super::app::Overlay) -> usize {
    let (width, height) = app.viewport;
    let area = Rect::new(0, 0, width, height);
    let [_, body, _, _] = areas(app, &status_line(app), area);
    overlays::scroll_positions(app, body, overlay)
}

/// How many rows of text the scrolled views (help, changes) show at the terminal's size.
pub fn view_rows(app: &App) -> usize {
    let (width, height) = app.viewport;
    let [_, body, _, _] = areas(app, &status_line(app), Rect::new(0, 0, width, height));
    overlays::view_rows(body)
}

/// The scroll that keeps lines `top..bottom` of a list in a view `height` tall, with up to
/// `below` lines of what follows in sight too.
pub(super) fn scroll_to(top: usize, bottom: usize, height: usize, below: usize) -> u16 {
    let scroll = if bottom + below > height {
        top.min(bottom + below - height)
    } else {
        0
    };
    u16::try_from(scroll).unwrap_or(u16::MAX)
}

/// The header cut to `room` columns: the dates go first, then the place is shortened,
/// then the title, each ending in "…"; the marks ([+], [RO]) stay.
fn header_line_within(app: &App, room: usize) -> Line<'static> {
    use wrap::ellipsized;
    let ctx = &app.plan().context;
    let th = &app.theme;
    let mut marks = Vec::new();
    if app.dirty() {
        marks.push(Span::styled("[+] ", th.style(Slot::Unsaved)));
    }
    if app.read_only().is_some() {
        marks.push(Span::styled("[RO] ", th.style(Slot::Error)));
    }
    let used: usize = marks.iter().map(|s| s.width()).sum();
    let room = room.saturating_sub(used);
    let title = sanitize(&app.plan().title);
    let place = sanitize(&ctx.place);
    let title_w = crate::text::display::width(&title);
    let fit = |text: &str, width: usize| -> String {
        if crate::text::display::width(text) <= width {
            text.to_string()
        } else if width == 0 {
            String::new()
        } else {
            ellipsized(text, width)
        }
    };
    // The title keeps at least half the room (or all it needs); the place the rest.
    let title_room = title_w.min(room.max(1)).max(room / 2).min(room);
    let title = fit(&title, title_room);
    let left = room.saturating_sub(crate::text::display::width(&title));
    let mut spans = marks;
    spans.push(Span::styled(title, th.style(Slot::Header)));
    if !place.is_empty() && left > 5 {
        spans.push(Span::raw(format!(" · {}", fit(&place, left - 3))));
    }
    Line::from(spans)
}

fn header_line(app: &App) -> Line<'static> {
    let ctx = &app.plan().context;
    let th = &app.theme;
    let mut spans = Vec::new();
    if app.dirty() {
        spans.push(Span::styled("[+] ", th.style(Slot::Unsaved)));
    }
    // Always in sight, as vim's [RO]: the header's review count may not fit.
    if app.read_only().is_some() {
        spans.push(Span::styled("[RO] ", th.style(Slot::Error)));
    }
    spans.push(Span::styled(
        sanitize(&app.plan().title),
        th.style(Slot::Header),
    ));
    if !ctx.place.is_empty() {
        spans.push(Span::raw(format!(" · {}", sanitize(&ctx.place))));
    }
    if let (Some(s), Some(e)) = (ctx.start, ctx.end) {
        spans.push(Span::raw(format!(" · {s} to {e}")));
    }
    Line::from(spans)
}

fn status_line(app: &App) -> Line<'static> {
    // The line being typed, when the prompt is on top (keys go to it only then).
    if let Some(Layer::Prompt(kind, text)) = app.top() {
        let lead = match kind {
            PromptKind::Command => ":",
            PromptKind::Search => "/",
        };
        return Line::from(vec![
            Span::raw(lead),
            Span::raw(sanitize(text)),
            Span::styled("█", Style::default().add_modifier(Modifier::SLOW_BLINK)),
        ]);
    }
    match &app.status {
        Some((tone, text)) => {
            let style = app.theme.style(match tone {
                Tone::Info => Slot::Info,
                Tone::Warn => Slot::Warning,
                Tone::Error => Slot::Error,
            });
            Line::from(Span::styled(sanitize(text), style))
        }
        None => Line::from(Span::styled(
            question::question_hints(app).unwrap_or_else(|| app.keymap.hints(app.mode())),
            app.theme.style(Slot::Hint),
        )),
    }
}

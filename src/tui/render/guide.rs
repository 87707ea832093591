//! The guide panel: a strip below the panes and whatever is open over them, so it never
//! covers the field being edited; the body above it is smaller instead. Its advice
//! follows what is focused (`tui::guide`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::super::app::App;
use super::super::guide::advice;
use super::super::theme::Slot;

/// Rows the panel takes from a body `width` x `body` : none when the panes and an editor
/// would not fit beside it, a few rows on a small terminal, up to about two fifths
/// otherwise, and no more than its advice needs.
pub fn height(app: &App, width: u16, body: u16) -> u16 {
    let most = if !app.guide || body < 9 {
        return 0;
    } else if body < 14 {
        3
    } else {
        (body * 2 / 5).clamp(6, 14)
    };
    let needed = lines(&advice(app), usize::from(width).max(8)).len() + 2;
    most.min(u16::try_from(needed).unwrap_or(u16::MAX))
}

pub fn render(app: &App, f: &mut Frame, area: Rect) {
    let advice = advice(app);
    let lines = lines(&advice, width(area));
    let room = usize::from(area.height.saturating_sub(2)).max(1);
    let first = first_line(app, &advice, lines.len(), room);
    let (above, below) = (first, lines.len().saturating_sub(first + room));
    let mut block = Block::default()
        .borders(Borders::TOP | Borders::BOTTOM)
        .border_type(BorderType::Plain)
        .border_style(app.theme.style(Slot::Border))
        .title(format!(" {} ", crate::text::sanitize(&advice.title)));
    if above > 0 {
        block = block.title(Line::from(format!(" ↑ {above} ")).right_aligned());
    }
    if below > 0 {
        block = block.title_bottom(Line::from(format!(" ↓ {below} ")));
    }
    let next = if below > 0 { "more" } else { "hides" };
    let block =
        block.title_bottom(Line::from(format!(" {} {next} ", guide_key(app))).right_aligned());
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .style(app.theme.style(Slot::Muted))
            .scroll((u16::try_from(first).unwrap_or(u16::MAX), 0)),
        area,
    );
}

fn width(area: Rect) -> usize {
    usize::from(area.width).max(8)
}

/// The first line shown: the page turned to, while the advice is the one it was turned
/// for and that page still exists (a resize may have made the advice shorter).
fn first_line(app: &App, advice: &super::super::guide::Advice, len: usize, room: usize) -> usize {
    let (print, first) = app.guide_page;
    if print == advice.fingerprint() && first < len {
        first.min(len.saturating_sub(room))
    } else {
        0
    }
}

/// The panel's next page at the terminal's size, or `None` when the last page is shown:
/// the guide key turns the pages, then hides the panel.
pub fn next_page(app: &App, area: Rect) -> Option<(u64, usize)> {
    let advice = advice(app);
    let len = lines(&advice, width(area)).len();
    let room = usize::from(area.height.saturating_sub(2)).max(1);
    let first = first_line(app, &advice, len, room);
    (first + room < len).then(|| (advice.fingerprint(), first + room))
}

/// The advice wrapped to `width`: a heading in bold, each line after it indented, its
/// continuation lines further in, so each piece of advice reads as one.
fn lines(advice: &super::super::guide::Advice, width: usize) -> Vec<Line<'static>> {
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut out = Vec::new();
    for (heading, items) in &advice.parts {
        if !heading.is_empty() {
            for part in textwrap::wrap(heading, width) {
                out.push(Line::styled(part.into_owned(), bold));
            }
        }
        for item in items {
            let opts = textwrap::Options::new(width)
                .initial_indent("· ")
                .subsequent_indent("  ");
            let item = crate::text::sanitize(item);
            out.extend(
                textwrap::wrap(&item, opts)
                    .into_iter()
                    .map(|p| Line::from(p.into_owned())),
            );
        }
    }
    out
}

/// The key that shows and hides the panel where the keys go now.
fn guide_key(app: &App) -> String {
    app.keymap
        .in_mode(app.mode())
        .find(|b| b.action == crate::tui::Action::Guide)
        .map_or_else(|| "i".into(), |b| b.label())
}

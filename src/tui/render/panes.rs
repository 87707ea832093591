//! The four panes, right to left in planning order, numbered 4 3 2 1 as in the guide.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, List, ListItem, ListState, Paragraph, Wrap};

use super::super::app::{ACTIVITIES, App, GOAL, OUTCOMES, OUTPUTS, Pane};
use super::super::theme::Slot;

/// Below this width a quarter of the screen is too narrow to read: show fewer panes. A
/// pane's text is its width less four columns (borders, bullet); at 19 columns a pane
/// holds words of 15 letters whole ("conversations", "Participants"), so at 60 columns
/// three panes are shown rather than four that break words in two.
const FOUR_PANES_MIN_WIDTH: u16 = 76;
const THREE_PANES_MIN_WIDTH: u16 = 57;
const TWO_PANES_MIN_WIDTH: u16 = 24;

/// Which panes are on screen: all four, or the focused pane and its neighbours.
pub fn visible(app: &App, width: u16) -> Vec<Pane> {
    if width >= FOUR_PANES_MIN_WIDTH {
        Pane::ALL.to_vec()
    } else if width >= THREE_PANES_MIN_WIDTH {
        let left = app.pane.left().min(OUTPUTS);
        vec![left, left.right(), left.right().right()]
    } else if width >= TWO_PANES_MIN_WIDTH {
        let left = app.pane.min(OUTCOMES);
        vec![left, left.right()]
    } else {
        vec![app.pane]
    }
}

pub fn render(app: &App, f: &mut Frame, body: Rect) {
    let shown = visible(app, body.width);
    let rects =
        Layout::horizontal(vec![Constraint::Ratio(1, shown.len() as u32); shown.len()]).split(body);
    let chain = app.chain();
    for (rect, &pane) in rects.iter().zip(&shown) {
        render_pane(app, f, pane, *rect, &chain, shown.len() < 4);
    }
}

fn title(app: &App, pane: Pane, width: u16, partial: bool) -> String {
    let Some(c) = app.fw().worksheet.column(pane.key()) else {
        return pane.key().to_string();
    };
    let full = format!(" {} {} ", c.number, c.name);
    let mut t = if full.chars().count() + 2 <= width as usize {
        full
    } else {
        // The guide's long names do not fit a quarter of 80 columns; the last word does.
        let short = c.name.rsplit(' ').next().unwrap_or(&c.name);
        let mut chars = short.chars();
        let short: String = chars
            .next()
            .map(|f| f.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        format!(" {} {short} ", c.number)
    };
    if partial {
        // With fewer panes on screen, arrows say where the others are.
        if pane > ACTIVITIES {
            t.insert(0, '◀');
        }
        if pane < GOAL {
            t.push('▶');
        }
    }
    t
}

fn render_pane(
    app: &App,
    f: &mut Frame,
    pane: Pane,
    rect: Rect,
    chain: &super::super::app::ChainView<'_>,
    partial: bool,
) {
    let col = app.fw().worksheet.column(pane.key());
    let focused = app.pane == pane;
    let th = &app.theme;
    let border = th.style(if focused {
        Slot::FocusedBorder
    } else {
        Slot::Border
    });
    let kind_style = th.style(match pane {
        ACTIVITIES => Slot::Activity,
        OUTCOMES => Slot::Outcome,
        GOAL => Slot::Goal,
        _ => Slot::Output,
    });
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
        .title(title(app, pane, rect.width, partial))
        .title_bottom(Line::styled(
            col.map_or(String::new(), |c| c.short_question.clone()),
            th.style(Slot::PaneQuestion),
        ));
    let width = rect.width.saturating_sub(2).max(1) as usize;
    // A list skips an item taller than its area, so long items are cut to fit, marked "…".
    let max_lines = rect.height.saturating_sub(2).max(1) as usize;
    let len = app.pane_len(pane);
    let selected = app.rows[pane].min(len.saturating_sub(1));
    let item = |row: usize| -> ListItem {
        let (id, text) = app.pane_row(pane, row).unwrap_or_default();
        // "!" marks an item the review has something to say about.
        let bullet = if app.flagged(id) { "! " } else { "• " };
        let lines = super::wrap::cut_lines(text, width.saturating_sub(2).max(1), max_lines);
        let on_chain = chain.contains(pane, row);
        let style = if on_chain {
            kind_style.patch(th.style(Slot::Chain))
        } else if chain.is_empty() {
            kind_style
        } else {
            th.style(Slot::Muted)
        };
        let lines: Vec<Line> = lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                let lead = if i == 0 { bullet } else { "  " };
                Line::from(vec![Span::raw(lead), Span::raw(l)])
            })
            .collect();
        ListItem::new(lines).style(style)
    };
    // Only the items that can be on screen are laid out (a pane may hold thousands): the
    // list shows the selection with as many items before it as fit, and after it only
    // what is left of the pane.
    let mut before = Vec::new();
    let mut after = Vec::new();
    let mut used = 0;
    // Items wholly out of sight above and below, for the scroll marks.
    let (mut above, mut below) = (0, 0);
    if len > 0 {
        let anchor = if focused { selected } else { 0 };
        let first = item(anchor);
        used += first.height();
        after.push(first);
        let mut row = anchor;
        while focused && used < max_lines && row > 0 {
            row -= 1;
            let it = item(row);
            used += it.height();
            before.push(it);
        }
        // The list drops an item it cannot show whole above the selection.
        above = row + usize::from(used > max_lines && !before.is_empty());
        let mut row = anchor + 1;
        let mut cut = false;
        while used < max_lines && row < len {
            let it = item(row);
            used += it.height();
            after.push(it);
            row += 1;
            cut = used > max_lines;
        }
        // The list does not draw an item it cannot show whole below the selection either:
        // it counts as out of sight.
        below = len - row + usize::from(cut);
    }
    let block = super::marks::marked(block, above, below);
    let at = before.len();
    before.reverse();
    let items: Vec<ListItem> = before.into_iter().chain(after).collect();
    if items.is_empty() {
        // An empty pane says what belongs in it, or what has to come first.
        let inner = block.inner(rect);
        f.render_widget(block, rect);
        f.render_widget(
            Paragraph::new(empty_pane_text(app, pane))
                .style(th.style(Slot::Muted))
                .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let list = List::new(items)
        .block(block)
        .highlight_style(th.style(Slot::Selection));
    let mut state = ListState::default();
    if focused {
        state.select(Some(at));
    }
    f.render_stateful_widget(list, rect, &mut state);
}

fn empty_pane_text(app: &App, pane: Pane) -> &'static str {
    let p = app.plan();
    match pane {
        GOAL => "Start here: press a to write the long-term change this plan is for.",
        OUTCOMES if p.goal.text.is_empty() => "Set the goal first (pane 1, to the right).",
        OUTCOMES => "Press a to add a short-term change that leads to the goal.",
        ACTIVITIES if p.outputs.is_empty() => "Add an output first (pane 3, to the right).",
        ACTIVITIES => "Press a to add what you will do to produce the selected output.",
        _ if p.outcomes.is_empty() => "Add an outcome first (pane 2, to the right).",
        _ => "Press a to add a product or service for the selected outcome.",
    }
}

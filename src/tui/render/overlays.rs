//! What opens over the panes: forms, the chooser, the editor, questions and help.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear, List, ListItem, ListState, Paragraph};

use super::super::app::{App, Choice, Editor, Layer, Overlay};
use super::super::keymap::{Mode, help};
use super::super::theme::Slot;
use crate::text::sanitize;

/// Every open layer, bottom first, each with its own cursor.
pub fn render(app: &App, f: &mut Frame, body: Rect) {
    for layer in app.layers() {
        match layer {
            Layer::Overlay { overlay, cursor } => view(app, f, body, overlay, cursor.at()),
            Layer::Picker(p) => super::picker::render(app, f, body, p),
            Layer::Choice(choice) => chooser(app, f, body, choice),
            Layer::Editor(ed) => editor(app, f, body, ed),
            Layer::Question(q) => super::question::render(app, f, body, q),
            // The prompt is drawn on the status line.
            Layer::Prompt(..) => {}
        }
    }
}

fn view(app: &App, f: &mut Frame, body: Rect, overlay: &Overlay, at: usize) {
    match overlay {
        Overlay::Help => scrolled(
            app,
            f,
            body,
            ("Help: the guide's words, then every key", Mode::Help),
            help_lines(app, body),
            at,
        ),
        Overlay::Form(form) => super::form::render(app, f, body, form, at),
        Overlay::Review => super::review::render(app, f, body, at),
        Overlay::Evaluation => super::evaluation::render(app, f, body, at),
        Overlay::Changes { title, text } => scrolled(
            app,
            f,
            body,
            (title, Mode::Changes),
            text_lines(body, text),
            at,
        ),
    }
}

fn chooser(app: &App, f: &mut Frame, body: Rect, choice: &Choice) {
    let height = choice.options.len() as u16 + 2;
    let area = centered(body, 60, height);
    f.render_widget(Clear, area);
    let items: Vec<ListItem> = choice
        .options
        .iter()
        .map(|(_, label)| ListItem::new(sanitize(label)))
        .collect();
    // The list scrolls only as far as keeps the choice in sight, from the top.
    let shown = usize::from(area.height.saturating_sub(2)).max(1);
    let above = choice.selected.saturating_sub(shown - 1);
    let below = choice.options.len().saturating_sub(above + shown);
    let block = framed(app, &choice.title, &app.keymap.hints(Mode::Choice));
    let list = List::new(items)
        .block(super::marks::marked(block, above, below))
        .highlight_style(app.theme.style(Slot::Selection))
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(choice.selected));
    f.render_stateful_widget(list, area, &mut state);
}

fn editor(app: &App, f: &mut Frame, body: Rect, ed: &Editor) {
    // A title longer than the box (a field's format, a reading's optional note) is not
    // cut: it is written out in full, wrapped, at the top of the box.
    let width = 72.min(body.width);
    let room = usize::from(width.saturating_sub(4));
    let title = sanitize(&ed.title);
    let wrapped: Vec<String> = if crate::text::display::width(&title) > room {
        textwrap::wrap(&title, room.max(8))
            .into_iter()
            .map(|l| l.into_owned())
            .collect()
    } else {
        Vec::new()
    };
    let extra = u16::try_from(wrapped.len()).unwrap_or(0);
    let height = if ed.multiline { 10 } else { 7 } + extra;
    let area = centered(body, width, height);
    f.render_widget(Clear, area);
    let mode = if ed.multiline {
        Mode::Prose
    } else {
        Mode::Editor
    };
    let shown = if wrapped.is_empty() {
        ed.title.as_str()
    } else {
        ""
    };
    let block = framed(app, shown, &app.keymap.hints(mode));
    let inner = block.inner(area);
    f.render_widget(block, area);
    // The text keeps at least three rows; the title gives way on a tiny terminal.
    let title_rows = extra.min(inner.height.saturating_sub(3));
    let [head, text] =
        Layout::vertical([Constraint::Length(title_rows), Constraint::Min(1)]).areas(inner);
    if title_rows > 0 {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        f.render_widget(
            Paragraph::new(
                wrapped
                    .into_iter()
                    .map(|l| Line::styled(l, bold))
                    .collect::<Vec<_>>(),
            ),
            head,
        );
    }
    super::editor::render(ed, f, text);
}

/// A thick-bordered box with a title and the mode's keys along the bottom.
pub fn framed(app: &App, title: &str, hint: &str) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.theme.style(Slot::OverlayBorder))
        .title(format!(" {} ", sanitize(title)))
        .title_bottom(format!(" {hint} "))
}

pub fn centered(body: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(body.height))])
        .flex(Flex::Center)
        .areas(body);
    let [area] = Layout::horizontal([Constraint::Length(width.min(body.width))])
        .flex(Flex::Center)
        .areas(row);
    area
}

/// The changes view's text as drawn in `body`. Wrapped here, not by the paragraph, so
/// scrolling counts the rows drawn and a long field is read to its end (a change at the end
/// of a long text must be seen).
fn text_lines(body: Rect, text: &str) -> Vec<Line<'static>> {
    let width = usize::from(body.width.saturating_sub(4).max(20).saturating_sub(2)).max(8);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for line in text.lines() {
        let line = sanitize(line);
        let indent = " ".repeat(line.len() - line.trim_start().len() + 2);
        let opts = textwrap::Options::new(width).subsequent_indent(&indent);
        lines.extend(
            textwrap::wrap(&line, opts)
                .into_iter()
                .map(|part| Line::from(part.into_owned())),
        );
    }
    lines
}

/// Where a scrolled view sits in `body`, and how many rows of text it shows.
fn scrolled_area(body: Rect) -> (Rect, usize) {
    let area = centered(body, body.width.saturating_sub(4).max(20), body.height);
    (area, usize::from(area.height.saturating_sub(2)))
}

/// How many rows of text a scrolled view shows in `body`.
pub fn view_rows(body: Rect) -> usize {
    scrolled_area(body).1
}

/// How many first lines the scrolled view on top (help, changes) can start at, at the
/// terminal's size: its cursor moves within these, so every move shows.
pub fn scroll_positions(app: &App, body: Rect, overlay: &Overlay) -> usize {
    let lines = match overlay {
        Overlay::Help => help_lines(app, body).len(),
        Overlay::Changes { text, .. } => text_lines(body, text).len(),
        _ => return 1,
    };
    lines.saturating_sub(scrolled_area(body).1) + 1
}

fn scrolled(
    app: &App,
    f: &mut Frame,
    body: Rect,
    (title, mode): (&str, Mode),
    lines: Vec<Line<'static>>,
    at: usize,
) {
    let (area, height) = scrolled_area(body);
    f.render_widget(Clear, area);
    let block = framed(app, title, &app.keymap.hints(mode));
    // The cursor is kept within the lines by `update`; a resize can still leave it past
    // the last page, which shows the last page.
    let scroll = at.min(lines.len().saturating_sub(height));
    let below = lines.len().saturating_sub(scroll + height);
    let block = super::marks::marked(block, scroll, below);
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        area,
    );
}

/// Every key by mode, wrapped to the help box in `body` so nothing is cut off on a narrow
/// terminal (a continued line is indented under the text, past the keys).
fn help_lines(app: &App, body: Rect) -> Vec<Line<'static>> {
    let width = usize::from(scrolled_area(body).0.width.saturating_sub(2)).max(8);
    let wrapped = |text: String, indent: &str| -> Vec<Line<'static>> {
        let opts = textwrap::Options::new(width).subsequent_indent(indent);
        textwrap::wrap(&text, opts)
            .into_iter()
            .map(|part| Line::from(part.into_owned()))
            .collect()
    };
    let mut out = vec![Line::styled(
        "Concepts, in the guide's words",
        Style::default().add_modifier(Modifier::BOLD),
    )];
    for c in &app.fw().worksheet.concepts {
        let line = format!("  {:<12} {}", c.name, c.meaning);
        out.extend(wrapped(line, &" ".repeat(15.min(width / 2))));
    }
    out.push(Line::from(""));
    for mode in Mode::ALL {
        out.push(Line::styled(
            mode.title(),
            Style::default().add_modifier(Modifier::BOLD),
        ));
        // One line per action, its keys together: "h ←  pane toward the activities".
        let mut seen = Vec::new();
        for b in app.keymap.in_mode(mode) {
            if seen.contains(&b.action) {
                continue;
            }
            seen.push(b.action);
            let keys: Vec<String> = app
                .keymap
                .in_mode(mode)
                .filter(|o| o.action == b.action)
                .map(|o| o.label())
                .collect();
            let line = format!("  {:<12} {}", keys.join(" "), help(mode, b.action));
            out.extend(wrapped(line, &" ".repeat(15.min(width / 2))));
        }
        out.push(Line::from(""));
    }
    // The editor's own keys (the text area's, not the keymap's: a keymap file cannot
    // change them), so a planner knows how to move and clear without a mouse.
    out.push(Line::styled(
        "Typing in the editor",
        Style::default().add_modifier(Modifier::BOLD),
    ));
    for (keys, what) in EDITOR_KEYS {
        out.extend(wrapped(
            format!("  {keys:<12} {what}"),
            &" ".repeat(15.min(width / 2)),
        ));
    }
    out.push(Line::from(""));
    out.extend(wrapped(
        "Commands: :w save · :w FILE save as · :q quit · :wq save and quit · :q! quit without saving · :id NEW give the selected item a new id (references follow) · :stakeholders · :context".into(),
        "  ",
    ));
    out
}

/// The text area's own keys in the editor, as it reads them.
const EDITOR_KEYS: &[(&str, &str)] = &[
    ("← → ↑ ↓", "move (↑ ↓ by the rows on screen)"),
    ("Home ^a", "start of the line"),
    ("End ^e", "end of the line"),
    ("Alt-b Alt-f", "a word back, a word on (also Ctrl-← Ctrl-→)"),
    ("Bksp ^h", "delete the character before the cursor"),
    ("Del ^d", "delete the character under the cursor"),
    ("^w Alt-Bksp", "delete the word before the cursor"),
    ("^k", "delete to the end of the line"),
    ("^j", "the same as Enter (what some terminals send for it)"),
    ("^r", "redo typing undone"),
    ("^y", "paste what ^k, ^w or ^u deleted"),
];

//! What opens over the panes: forms, the chooser, the editor, questions and help.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{
    Block, BorderType, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap,
};

use super::super::app::{App, Choice, Editor, Layer, Overlay, Question};
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
            Layer::Question(q) => question(app, f, body, q),
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

fn question(app: &App, f: &mut Frame, body: Rect, q: &Question) {
    let lines = question_lines(app, q);
    // Room for every line as it wraps, so the answer keys are never cut off.
    let width = 72.min(body.width);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(inner)).sum();
    let area = centered(body, width, u16::try_from(rows + 2).unwrap_or(u16::MAX));
    f.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.theme.style(Slot::Warning))
        .title(match q {
            Question::Recover(_) => " Unsaved work from before ",
            Question::OpenElsewhere(_) => " Open elsewhere ",
            Question::DiskChanged { .. } | Question::OverwriteNewer { .. } => " Changed on disk ",
            _ => " Are you sure? ",
        });
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
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

fn question_lines(app: &App, q: &Question) -> Vec<Line<'static>> {
    let keys = app.keymap.hints(Mode::Confirm);
    match q {
        Question::Delete {
            id,
            kind,
            dependants,
        } => {
            let mut out = vec![Line::from(format!(
                "Delete {} `{}`?",
                kind.noun(),
                sanitize(id)
            ))];
            let orphaned: Vec<_> = dependants.iter().filter(|d| !d.removed).collect();
            let removed: Vec<_> = dependants.iter().filter(|d| d.removed).collect();
            if !orphaned.is_empty() {
                out.push(Line::from("These would be left serving nothing:"));
                out.extend(
                    orphaned
                        .iter()
                        .map(|d| Line::from(format!("  {} `{}`", d.kind.noun(), sanitize(&d.id)))),
                );
            }
            if !removed.is_empty() {
                out.push(Line::from("These go with it:"));
                out.extend(
                    removed
                        .iter()
                        .map(|d| Line::from(format!("  {} `{}`", d.kind.noun(), sanitize(&d.id)))),
                );
            }
            out.push(Line::from(format!("{keys}   (u undoes a delete)")));
            out
        }
        Question::Recover(offer) => {
            let mut out = vec![Line::from(
                "Unsaved work from a session that ended suddenly was kept as a recovery copy.",
            )];
            if let Some(ed) = &offer.copy.editing {
                out.push(Line::from(format!(
                    "It holds text you were typing in \"{}\".",
                    sanitize(&ed.title)
                )));
            }
            out.push(Line::from(match offer.changed {
                Some(false) => "The file has not changed since.",
                Some(true) => {
                    "The file has CHANGED since the work was made (another editor, a git pull?)."
                }
                None => "It cannot say whether the file changed since (an older tocplan made it).",
            }));
            out.push(Line::from(recover_choices(app, true)));
            out
        }
        Question::OpenElsewhere(holder) => vec![
            Line::from(format!(
                "This plan is open in another tocplan (process {} on {}, since {}).",
                holder.pid,
                sanitize(&holder.host),
                since(holder.since)
            )),
            Line::from("Editing it in two places means one side's saves replace the other's."),
            Line::from(elsewhere_choices(app, true)),
        ],
        Question::DiskChanged { .. } | Question::OverwriteNewer { .. } => {
            super::outside_question::lines(app, q).unwrap_or_default()
        }
        Question::QuitUnsaved => vec![
            Line::from("Quit without saving? The changes since the last save would be lost."),
            Line::from(format!("{keys}   (Ctrl-s or :wq saves)")),
        ],
    }
}

/// "2026-12-01 21:30 UTC" from seconds since 1970.
fn since(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (h, m) = ((secs % 86_400) / 3600, (secs % 3600) / 60);
    let date = crate::plan::Date::new(1970, 1, 1)
        .and_then(|epoch| crate::plan::Date::from_days(epoch.days() + days))
        .map_or_else(|| "?".into(), |d| d.to_string());
    format!("{date} {h:02}:{m:02} UTC")
}

/// The first key bound to an action among the questions' keys, as help writes it.
pub(super) fn key(app: &App, action: crate::tui::Action) -> String {
    app.keymap
        .in_mode(Mode::Confirm)
        .find(|b| b.action == action)
        .map_or_else(|| "?".into(), |b| b.label())
}

fn recover_choices(app: &App, long: bool) -> String {
    use crate::tui::Action as A;
    let words: [(A, &str, &str); 4] = [
        (A::Yes, "opens it as unsaved changes", "open it"),
        (A::Changes, "shows how it differs", "differences"),
        (A::Save, "keeps it as a file of its own", "keep beside"),
        (A::No, "opens the file as it is", "file as it is"),
    ];
    choices(app, &words, long)
}

fn elsewhere_choices(app: &App, long: bool) -> String {
    use crate::tui::Action as A;
    let words: [(A, &str, &str); 3] = [
        (A::Yes, "opens it read-only", "read-only"),
        (A::No, "edits it here anyway", "edit anyway"),
        (A::Quit, "quits", "quit"),
    ];
    choices(app, &words, long)
}

pub(super) fn choices(app: &App, words: &[(crate::tui::Action, &str, &str)], long: bool) -> String {
    words
        .iter()
        .map(|(a, long_word, short)| {
            format!("{} {}", key(app, *a), if long { long_word } else { short })
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The status line's hints for a question with choices of its own.
pub fn question_hints(app: &App) -> Option<String> {
    // Only the question on top: one under a view it opened is not what keys answer.
    let Some(Layer::Question(q)) = app.top() else {
        return None;
    };
    match q {
        Question::Recover(_) => Some(recover_choices(app, false)),
        Question::OpenElsewhere(_) => Some(elsewhere_choices(app, false)),
        q => super::outside_question::hints(app, q),
    }
}

//! The editor's text, drawn by tocplan rather than by the textarea that edits it: made
//! safe like all plan text (controls as pictures, emoji sequences as parts every terminal
//! gives the same width), and only the rows on screen laid out.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::app::Editor;
use super::super::edit_rows::{holds, visible};
use crate::text::sanitized;

pub fn render(ed: &Editor, f: &mut Frame, inner: Rect) {
    // A column is kept free at the right for the cursor after a full row.
    let width = usize::from(inner.width).saturating_sub(1).max(1);
    let lines = ed.area.lines();
    let ratatui_textarea::DataCursor(cl, cc) = ed.area.cursor();
    let rows = visible(lines, (cl, cc), &ed.view, width, inner.height.into());
    let cursor = Style::default().add_modifier(Modifier::REVERSED);
    let drawn: Vec<Line> = rows
        .iter()
        .map(|r| {
            let s = &lines[r.line][r.start_byte..r.end_byte];
            if !holds(r, cl, cc) {
                return Line::from(sanitized(s).into_owned());
            }
            // The cursor's row: the text before it, the char under it, the rest.
            let at = s
                .char_indices()
                .nth(cc - r.start_char)
                .map_or(s.len(), |(i, _)| i);
            let next = s[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            let under = sanitized(&s[at..next]);
            let under = if crate::text::display::width(&under) == 0 {
                " ".to_string()
            } else {
                under.into_owned()
            };
            Line::from(vec![
                Span::raw(sanitized(&s[..at]).into_owned()),
                Span::styled(under, cursor),
                Span::raw(sanitized(&s[next..]).into_owned()),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(drawn), inner);
}

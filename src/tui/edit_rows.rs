//! How the editor's text breaks into rows on screen. The editor draws its text itself,
//! made safe like all plan text (see `text::display`), and lays out only the rows it
//! shows: a row is found from where it starts, never from the top of the text, so a
//! key costs the same in a megabyte as in a line. Words wrap where a space allows, and a
//! word longer than a row breaks where it must.

use std::cell::Cell;

use crate::text::display;

/// One row: a stretch of one line of the text, by byte and by char.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub start_byte: usize,
    pub start_char: usize,
    pub end_byte: usize,
    pub end_char: usize,
    /// The last row of its line (the cursor at the line's end sits on it).
    pub last: bool,
}

/// Where the editor's view stands between frames: the row at its top and the width it
/// was drawn at (Up and Down move by rows of that width).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct View {
    pub top_line: usize,
    pub top_byte: usize,
    pub width: usize,
    /// Rows on screen, for PageUp and PageDown.
    pub height: usize,
}

pub type ViewCell = Cell<View>;

/// The row of `line` (text `s`) that starts at `start`, wrapped to `width` columns.
pub fn row_from(line: usize, s: &str, start_byte: usize, start_char: usize, width: usize) -> Row {
    let width = width.max(1);
    let (mut used, mut chars) = (0, start_char);
    // After the last space seen in this row: where it may break.
    let mut space: Option<(usize, usize)> = None;
    for (i, c) in s[start_byte..].char_indices() {
        let at = start_byte + i;
        let w = display::display_char(c).map_or(0, display::char_width);
        if used + w > width && chars > start_char {
            let (end_byte, end_char) = space.unwrap_or((at, chars));
            return Row {
                line,
                start_byte,
                start_char,
                end_byte,
                end_char,
                last: false,
            };
        }
        used += w;
        chars += 1;
        if c == ' ' {
            space = Some((at + 1, chars));
        }
    }
    Row {
        line,
        start_byte,
        start_char,
        end_byte: s.len(),
        end_char: chars,
        last: true,
    }
}

/// Every row of one line.
pub fn rows_of(line: usize, s: &str, width: usize) -> Vec<Row> {
    let mut out = vec![row_from(line, s, 0, 0, width)];
    while let Some(r) = out.last().copied().filter(|r| !r.last) {
        out.push(row_from(line, s, r.end_byte, r.end_char, width));
    }
    out
}

/// Whether the cursor (line, char) is on `row`.
pub fn holds(row: &Row, line: usize, col: usize) -> bool {
    row.line == line
        && row.start_char <= col
        && (col < row.end_char || (row.last && col == row.end_char))
}

/// The rows on screen, `height` of them at most, keeping the cursor in view: the view
/// scrolls up to a cursor above it and down to one below it, and otherwise stays put.
pub fn visible(
    lines: &[String],
    cursor: (usize, usize),
    view: &ViewCell,
    width: usize,
    height: usize,
) -> Vec<Row> {
    let height = height.max(1);
    let (cl, cc) = cursor;
    let mut v = view.get();
    let valid = v.width == width
        && lines
            .get(v.top_line)
            .is_some_and(|l| l.is_char_boundary(v.top_byte));
    let above = cl < v.top_line || (cl == v.top_line && chars_before(&lines[cl], v.top_byte) > cc);
    let top = if !valid {
        None
    } else if above {
        // The row that holds the cursor goes to the top.
        let at = rows_of(cl, &lines[cl], width)
            .into_iter()
            .find(|r| holds(r, cl, cc));
        Some(at.map_or((cl, 0, 0), |r| (cl, r.start_byte, r.start_char)))
    } else {
        Some((
            v.top_line,
            v.top_byte,
            chars_before(&lines[v.top_line], v.top_byte),
        ))
    };
    let mut rows = top.map_or_else(Vec::new, |t| forward(lines, t, width, height));
    if !rows.iter().any(|r| holds(r, cl, cc)) {
        // A fresh view, or the cursor below it: the cursor's row goes to the bottom, with
        // what comes before it above (and after it, if the text is shorter than the view).
        let back = ending_at_cursor(lines, cursor, width, height);
        if let Some(first) = back.first() {
            rows = forward(
                lines,
                (first.line, first.start_byte, first.start_char),
                width,
                height,
            );
        }
    }
    if let Some(first) = rows.first() {
        v = View {
            top_line: first.line,
            top_byte: first.start_byte,
            width,
            height,
        };
        view.set(v);
    }
    rows
}

/// `height` rows from the row starting at `top` (line, byte, char).
fn forward(lines: &[String], top: (usize, usize, usize), width: usize, height: usize) -> Vec<Row> {
    let (mut line, mut byte, mut ch) = top;
    let mut rows = Vec::with_capacity(height);
    while rows.len() < height && line < lines.len() {
        let r = row_from(line, &lines[line], byte, ch, width);
        rows.push(r);
        if r.last {
            (line, byte, ch) = (line + 1, 0, 0);
        } else {
            (byte, ch) = (r.end_byte, r.end_char);
        }
    }
    rows
}

/// The rows that end with the cursor's row, `height` at most: found backwards from the
/// cursor, so only the lines on screen are laid out.
fn ending_at_cursor(
    lines: &[String],
    (cl, cc): (usize, usize),
    width: usize,
    height: usize,
) -> Vec<Row> {
    let mut rows: Vec<Row> = rows_of(cl, &lines[cl], width);
    let at = rows
        .iter()
        .position(|r| holds(r, cl, cc))
        .unwrap_or(rows.len() - 1);
    rows.truncate(at + 1);
    let mut line = cl;
    while rows.len() < height && line > 0 {
        line -= 1;
        let mut before = rows_of(line, &lines[line], width);
        before.append(&mut rows);
        rows = before;
    }
    let skip = rows.len().saturating_sub(height);
    rows.split_off(skip)
}

/// How many chars of `s` come before byte `b`.
fn chars_before(s: &str, b: usize) -> usize {
    s.get(..b).map_or(0, |p| p.chars().count())
}

/// Columns from the start of `row` to char `col` of its line, as drawn.
pub fn column(s: &str, row: &Row, col: usize) -> usize {
    s[row.start_byte..]
        .chars()
        .take(col.saturating_sub(row.start_char))
        .filter_map(display::display_char)
        .map(display::char_width)
        .sum()
}

/// The char of `row` drawn at column `x` (or the nearest before it), for moving the
/// cursor up and down by rows.
pub fn char_at_column(s: &str, row: &Row, x: usize) -> usize {
    let mut used = 0;
    let mut col = row.start_char;
    let end = if row.last {
        row.end_char
    } else {
        row.end_char.saturating_sub(1).max(row.start_char)
    };
    for c in s[row.start_byte..].chars() {
        if col >= end {
            break;
        }
        let w = display::display_char(c).map_or(0, display::char_width);
        if used + w > x {
            break;
        }
        used += w;
        col += 1;
    }
    col
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(t: &str) -> Vec<String> {
        t.split('\n').map(str::to_string).collect()
    }

    #[test]
    fn rows_wrap_at_spaces_and_break_long_words() {
        let rows = rows_of(0, "one two three abcdefghijkl", 8);
        let text = "one two three abcdefghijkl";
        let parts: Vec<&str> = rows
            .iter()
            .map(|r| &text[r.start_byte..r.end_byte])
            .collect();
        assert_eq!(parts, ["one two ", "three ", "abcdefgh", "ijkl"]);
        assert!(rows.last().is_some_and(|r| r.last));
        // Wide chars never overflow the row.
        let rows = rows_of(0, "你好你好你", 4);
        assert_eq!(rows.len(), 3);
    }

    /// The view follows the cursor, and the rows it shows are those a layout from the top
    /// would give.
    #[test]
    fn the_view_keeps_the_cursor_on_screen() {
        let text = crate::plan::synthetic::long_text(20_000, true);
        let ls = lines(&text);
        let view = ViewCell::default();
        let all: Vec<Row> = (0..ls.len()).flat_map(|i| rows_of(i, &ls[i], 30)).collect();
        for cursor in [
            (0, 0),
            (ls.len() - 1, 5),
            (100, 3),
            (101, 60),
            (3, 0),
            (0, 0),
        ] {
            let rows = visible(&ls, cursor, &view, 30, 6);
            assert_eq!(rows.len(), 6);
            assert!(
                rows.iter().any(|r| holds(r, cursor.0, cursor.1)),
                "{cursor:?}"
            );
            let first = all.iter().position(|r| *r == rows[0]).expect("a real row");
            assert_eq!(&all[first..first + 6], &rows[..]);
        }
    }

    #[test]
    fn up_and_down_keep_the_column() {
        let s = "abc defg hij klmn";
        let rows = rows_of(0, s, 5);
        assert_eq!(column(s, &rows[1], 6), 2);
        assert_eq!(char_at_column(s, &rows[0], 2), 2);
        assert_eq!(char_at_column(s, &rows[0], 9), 3);
    }
}

//! Small text helpers shared by every layer.

use std::borrow::Cow;

pub mod display;
pub mod markdown;

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, col)
}

/// A stable, readable id from free text: lowercase ASCII words joined by hyphens,
/// accents folded, cut at a word boundary.
pub fn slug(text: &str, max_len: usize) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    let mut pending_dash = false;
    for c in text.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = fold_letter(c);
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                if out.len() + 1 >= max_len {
                    break;
                }
                out.push('-');
            }
            pending_dash = false;
            if out.len() >= max_len {
                // Cut back to the last whole word rather than mid-word.
                if let Some(i) = out.rfind('-') {
                    out.truncate(i);
                }
                break;
            }
            out.push(c.to_ascii_lowercase());
        } else if c != '\'' && c != '\u{2019}' {
            pending_dash = true;
        }
    }
    out
}

/// `text` on one line, cut to about `max` columns at a word boundary with "…" (a single
/// word longer than that is cut within it): how messages name an item by its words.
pub fn short(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if display::width(&one_line) <= max {
        return one_line;
    }
    let mut out = String::new();
    for word in one_line.split(' ') {
        let next = if out.is_empty() {
            display::width(word)
        } else {
            display::width(&out) + 1 + display::width(word)
        };
        if next + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = one_line.chars().take(max.saturating_sub(1)).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '.']).to_string();
    out + "…"
}

/// Words that carry no meaning at the end of an id ("northside-friendship-club-and").
const LINKING_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "for", "in", "on", "at", "by", "with",
    "from", "into", "is", "are", "be", "this", "that", "these", "those", "their", "its", "our",
    "who", "which", "as", "so", "because", "than", "every", "each",
];

/// A short id from the first whole words of `text`: each word (a hyphenated word is one)
/// slugged, up to three words that carry meaning with the linking words between them,
/// within `max_len`, never cut inside a word nor ending on a linking word.
pub fn id_from_words(text: &str, max_len: usize) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut meaning = 0;
    for token in text.split_whitespace() {
        let word = slug(token, usize::MAX);
        if word.is_empty() {
            continue;
        }
        let joined = words.iter().map(String::len).sum::<usize>() + words.len() + word.len();
        if joined > max_len && !words.is_empty() {
            break;
        }
        let linking = LINKING_WORDS.contains(&word.as_str());
        // "That families have nobody…", "Each family…": an id starts on a word that
        // means something.
        if linking && words.is_empty() {
            continue;
        }
        words.push(word);
        if !linking {
            meaning += 1;
            if meaning == 3 {
                break;
            }
        }
    }
    while words
        .last()
        .is_some_and(|w| LINKING_WORDS.contains(&w.as_str()))
    {
        words.pop();
    }
    let id = words.join("-");
    // One word longer than the room is the only word cut.
    if id.len() > max_len {
        return slug(&id, max_len);
    }
    id
}

/// Text folded for matching (lower case, accents off: "Café" -> "cafe", "ŵ" -> "w"), with
/// the original char index of every folded char, so matches can be shown in the original.
pub fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    use unicode_normalization::UnicodeNormalization;
    // Most text is ASCII: lower-cased in place, each character maps to itself.
    if text.is_ascii() {
        return (text.to_ascii_lowercase(), (0..text.len()).collect());
    }
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (i, ch) in text.chars().enumerate() {
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
            map.push(i);
            continue;
        }
        for c in std::iter::once(ch).nfkd() {
            if unicode_normalization::char::is_combining_mark(c) {
                continue;
            }
            for l in fold_letter(c).to_lowercase() {
                out.push(l);
                map.push(i);
            }
        }
    }
    (out, map)
}

/// `fold_with_map` without the map.
pub fn fold(text: &str) -> String {
    fold_with_map(text).0
}

/// Letters that NFKD does not decompose but that readers expect folded.
fn fold_letter(c: char) -> char {
    match c {
        'ß' => 's',
        'æ' | 'Æ' => 'a',
        'ø' | 'Ø' => 'o',
        'đ' | 'Đ' => 'd',
        'ł' | 'Ł' => 'l',
        _ => c,
    }
}

/// A title from a file name, for a plan that has none yet: "language-cafe.toml" ->
/// "Language cafe".
pub fn title_from_file_name(path: &std::path::Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().replace(['-', '_'], " "))
        .unwrap_or_default();
    let mut chars = stem.trim().chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => "Untitled plan".into(),
    }
}

/// "file:line:col: message" for a TOML error in a settings, theme or keymap file.
pub fn toml_error(origin: &str, text: &str, e: &toml::de::Error) -> String {
    let at = e.span().map_or(String::new(), |s| {
        let (line, col) = line_col(text, s.start);
        format!(":{line}:{col}")
    });
    format!("{origin}{at}: {}", e.message().trim().replace('\n', " "))
}

/// Text made safe inside a Markdown table cell: see `markdown::line`.
pub fn markdown_cell(cell: &str) -> String {
    markdown::line(cell)
}

/// Makes plan text safe to show: it is displayed, never interpreted. Controls become
/// visible pictures, C1 controls and bidi overrides �, and emoji sequences whose width
/// terminals disagree on are drawn as parts they agree on; see `display::display_char`.
/// Line breaks stay, for callers that lay out lines.
pub fn sanitize(text: &str) -> String {
    sanitized(text).into_owned()
}

/// `sanitize` without a copy when the text is clean, as it nearly always is: for drawing.
pub fn sanitized(text: &str) -> Cow<'_, str> {
    // Nearly all text is clean: it is drawn as it is, with no copy.
    if text.is_ascii() && !text.bytes().any(|b| b != b'\n' && b.is_ascii_control()) {
        return Cow::Borrowed(text);
    }
    if text.chars().all(display::drawn_as_is) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter_map(display::display_char).collect())
}

/// What a character is shown as instead of itself, if it must not reach a terminal as it
/// is: C0 controls as their Control Pictures (a line break too: callers that lay out lines
/// keep it), DEL as ␡, C1 controls and bidi controls as �.
pub fn visible(c: char) -> Option<char> {
    match c {
        '\u{0}'..='\u{1f}' => Some(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
        '\u{7f}' => Some('\u{2421}'),
        // Line and paragraph separators break lines in some terminals and not others.
        '\u{2028}' | '\u{2029}' => Some('\u{2424}'),
        '\u{200e}'
        | '\u{200f}'
        | '\u{061c}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Some('\u{FFFD}'),
        c if c.is_control() => Some('\u{FFFD}'),
        _ => None,
    }
}

/// Where to cut a large TOML file into pieces of about `size` bytes that parse on their
/// own: at `[[name]]` header lines for which `splits(name)` holds, or at the blank and
/// comment lines just above one (a TOML parser gives those to the header, so they stay
/// with it). `None` when the file is too small to be worth cutting. A cut that falls
/// inside a multi-line string or array leaves the piece before it unterminated, so it
/// fails to parse, and callers then read the file whole.
pub fn table_cuts(text: &str, size: usize, splits: impl Fn(&str) -> bool) -> Option<Vec<usize>> {
    if text.len() < 2 * size {
        return None;
    }
    let mut starts = vec![0];
    let mut target = size;
    let mut offset = 0;
    let mut above: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            above.get_or_insert(offset);
        } else {
            let header = t
                .strip_prefix("[[")
                .and_then(|h| h.strip_suffix("]]"))
                .is_some_and(|name| splits(name.trim()));
            let at = above.unwrap_or(offset);
            if header && offset >= target && starts.last().is_some_and(|&l| at > l) {
                starts.push(at);
                target = at + size;
            }
            above = None;
        }
        offset += line.len();
    }
    (starts.len() > 1).then_some(starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lines_and_chars() {
        let t = "ab\ncdé\nf";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 7), (2, 4));
        assert_eq!(line_col(t, 100), (3, 2));
    }

    #[test]
    fn slug_folds_accents_and_cuts_at_words() {
        assert_eq!(
            slug("Weekly café-style drop-in sessions", 40),
            "weekly-cafe-style-drop-in-sessions"
        );
        assert_eq!(
            slug(
                "Participants have conversations regularly with local English speakers",
                32
            ),
            "participants-have-conversations"
        );
        assert_eq!(slug("Dŵr a'r Tŷ", 40), "dwr-ar-ty");
        assert_eq!(slug("  !!  ", 40), "");
        assert_eq!(slug("Women's group", 40), "womens-group");
    }

    #[test]
    fn folding_drops_accents_and_case_and_maps_back() {
        assert_eq!(fold("Café ŴYTH Ærø"), "cafe wyth aro");
        let (f, map) = fold_with_map("ﬁé");
        assert_eq!(f, "fie");
        assert_eq!(map, vec![0, 0, 1]);
    }

    #[test]
    fn sanitize_removes_escapes() {
        assert_eq!(sanitize("a\u{1b}[31mb\u{7}"), "a␛[31mb␇");
        assert_eq!(sanitize("x\ry\u{8}\u{7f}\u{9b}2J"), "x␍y␈␡\u{FFFD}2J");
        assert_eq!(sanitize("abc\u{202e}fed\u{2066}"), "abc\u{FFFD}fed\u{FFFD}");
        assert_eq!(sanitize("line\nnext\tcol"), "line\nnext␉col");
        assert_eq!(sanitize("שלום 你好 👍 é"), "שלום 你好 👍 é");
    }
}

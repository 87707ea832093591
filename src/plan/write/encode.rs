//! Spelling single values in TOML, one canonical way each.

use std::fmt::Write;

use super::lines;

/// A key, bare where TOML allows it.
pub fn encode_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if bare {
        key.to_string()
    } else {
        // A key is always one line: a multi-line string is no key in TOML.
        encode(key, false, false)
    }
}

/// A string: multi-line (`"""`) when it holds a newline, else one basic string. Every
/// control character except the newline is escaped, so the file stays plain text, and a
/// line that would start like a git conflict marker starts with an escape instead.
pub fn encode_str(s: &str) -> String {
    encode(s, s.contains('\n'), false)
}

/// The value of `key = ...` for a text field: as `encode_str`, except that text whose line
/// would pass [`WIDTH`] columns is a multi-line string whose lines end in TOML's
/// line-ending backslash (see `lines`): the value is the same, and the file's lines short
/// (most under 90 columns; none over 100 and its ` \` unless a single word is).
pub fn encode_field(key: &str, s: &str) -> String {
    if s.contains('\n') {
        return encode(s, true, true);
    }
    let width: usize = s.chars().map(lines::written_width).sum();
    let wide = encode_key(key).len() + " = \"\"".len() + width > WIDTH;
    // A text that fits on a line of its own (after `"""`), as the lines of a broken text
    // do, is put there; one too wide for that is broken where it can be. A single long
    // word gains nothing from either.
    let helps =
        || width <= lines::WIDE || !lines::breaks(&s.chars().collect::<Vec<_>>()).is_empty();
    if wide && helps() {
        encode(s, true, true)
    } else {
        encode(s, false, false)
    }
}

/// The widest line a field is written on, where its text allows.
pub const WIDTH: usize = 90;

/// The markers git writes at the start of a line; see `conflict.rs`.
const MARKERS: [&str; 4] = ["<<<<<<<", "|||||||", "=======", ">>>>>>>"];

/// `wrap`: break long lines (of a multi-line string) where `lines::breaks` says.
fn encode(s: &str, multi: bool, wrap: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(if multi { "\"\"\"\n" } else { "\"" });
    let mut quotes = 0;
    let chars: Vec<char> = s.chars().collect();
    let breaks = if wrap { breaks(&chars) } else { Vec::new() };
    let mut next_break = breaks.iter().copied().peekable();
    let mut line_start = true;
    for (i, &c) in chars.iter().enumerate() {
        if next_break.next_if_eq(&i).is_some() {
            // The space before the break is the value's; the backslash, the line break and
            // nothing else are TOML's (the next line starts with no whitespace to trim).
            out.push_str("\\\n");
            line_start = true;
            quotes = 0;
        }
        // Only a multi-line string has lines of its own. Escaping the first character of
        // a marker-like line keeps the text exact and the file free of marker lines, so
        // reading it back never has to guess whether a block is a conflict.
        if multi && line_start && MARKERS.iter().any(|m| starts_with(&chars[i..], m)) {
            let _ = write!(out, "\\u{:04X}", c as u32);
            line_start = false;
            quotes = 0;
            continue;
        }
        line_start = c == '\n';
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => {
                // In a multi-line string only a run of three quotes, or a quote just before
                // the closing delimiter, needs escaping; keep the rest readable.
                let last = i + 1 == chars.len();
                if !multi || quotes == 2 || last {
                    out.push_str("\\\"");
                    quotes = 0;
                } else {
                    out.push('"');
                    quotes += 1;
                }
                continue;
            }
            '\n' if multi => out.push('\n'),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
        quotes = 0;
    }
    out.push_str(if multi { "\"\"\"" } else { "\"" });
    out
}

/// Where each line of `chars` (split at its line breaks) is broken, as positions in
/// `chars`.
fn breaks(chars: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    for line in chars.split(|&c| c == '\n') {
        out.extend(lines::breaks(line).into_iter().map(|b| from + b));
        from += line.len() + 1;
    }
    out
}

/// Whether `chars` starts with `m`.
fn starts_with(chars: &[char], m: &str) -> bool {
    m.chars().enumerate().all(|(k, c)| chars.get(k) == Some(&c))
}

/// Any kept value, written inline.
pub fn encode_value(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => encode_str(s),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) if f.is_nan() => "nan".into(),
        toml::Value::Float(f) if f.is_infinite() => if *f > 0.0 { "inf" } else { "-inf" }.into(),
        toml::Value::Float(f) => format!("{f:?}"),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(a) => {
            let items: Vec<String> = a.iter().map(encode_value).collect();
            format!("[{}]", items.join(", "))
        }
        toml::Value::Table(t) if t.is_empty() => "{}".into(),
        toml::Value::Table(t) => {
            let items: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{} = {}", encode_key(k), encode_value(v)))
                .collect();
            format!("{{ {} }}", items.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(s: &str) -> String {
        let doc = format!("v = {}\n", encode_str(s));
        let t: toml::Table = toml::from_str(&doc).expect("valid toml");
        t["v"].as_str().expect("string").to_string()
    }

    #[test]
    fn strings_survive_encoding() {
        for s in [
            "plain",
            "with \"quotes\"",
            "back\\slash",
            "line\nbreak",
            "\nleading newline",
            "trailing\n",
            "ends with quote\"",
            "three \"\"\" quotes\nx",
            "\"\"\"\"\n\"",
            "tab\there",
            "esc \u{1b}[31m bell \u{7}",
            "c1 \u{85}",
            "cr\r\nlf",
            "ŵ café 日本",
            "\n",
            "\"\n\"",
            "",
        ] {
            assert_eq!(roundtrip(s), s, "for {s:?}");
        }
    }

    /// No line of a multi-line string starts like a git conflict marker, so a file
    /// tocplan writes is never mistaken for a conflicted one; the text stays exact.
    #[test]
    fn marker_like_lines_are_escaped_and_survive() {
        for s in [
            "=======",
            "a\n=======\nb",
            "<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> b",
            "x\n||||||| base\n",
            "\n>>>>>>>\n",
            "=======\n",
            "======\n<<<<<<\n",
        ] {
            let e = encode_str(s);
            for line in e.lines() {
                for m in ["<<<<<<<", "=======", ">>>>>>>", "|||||||"] {
                    assert!(!line.starts_with(m), "{e:?}");
                }
            }
            assert_eq!(roundtrip(s), s, "for {s:?}");
        }
    }

    fn field_roundtrip(s: &str) -> String {
        let doc = format!("v = {}\n", encode_field("v", s));
        let t: toml::Table = toml::from_str(&doc).unwrap_or_else(|e| panic!("{doc}: {e}"));
        t["v"].as_str().expect("string").to_string()
    }

    /// Long text is written on short lines joined by TOML's line-ending backslash: no
    /// line passes the width where the text has spaces to break at, and the value,
    /// spaces, quotes, backslashes and line breaks included, reads back exactly.
    #[test]
    fn long_text_is_written_on_short_lines_and_reads_back_exactly() {
        let words = "The women have few people to practise English with, \"quoted\" words, a \\ \
                     backslash, double  spaces and a tab\there. ";
        for s in [
            words.repeat(6),
            format!("{}\n\n{}", words.repeat(3), words.repeat(2)),
            format!("  leading spaces {}", words.repeat(3)),
            format!("{} trailing  ", words.repeat(3)),
            format!("{}\"", words.repeat(3)),
            format!("{}\"\"", words.repeat(3)),
            format!("{} \n  indented next line", words.repeat(3)),
            // TOML trims only spaces and tabs after the backslash: these stay.
            words.replace(" a ", " \u{a0}a \u{3000}").repeat(4),
        ] {
            let e = encode_field("text", &s);
            assert!(e.starts_with("\"\"\"\n"), "{e}");
            for line in e.lines() {
                assert!(line.chars().count() <= WIDTH, "{line:?} in {e}");
            }
            assert!(e.contains(" \\\n"), "{e}");
            assert_eq!(field_roundtrip(&s), s, "{e}");
        }
        // Short text stays one basic string; so does a long word with nowhere to break.
        assert_eq!(encode_field("text", "short"), "\"short\"");
        let word = "x".repeat(120);
        assert_eq!(encode_field("text", &word), format!("\"{word}\""));
    }

    /// A line the wrap starts is a line of the file: one that would start like a
    /// conflict marker is escaped there too, and the text stays exact.
    #[test]
    fn a_wrapped_line_that_would_start_like_a_marker_is_escaped() {
        for m in ["<<<<<<<", "|||||||", "=======", ">>>>>>>"] {
            let s = format!(
                "{} {m} and more text after it",
                "words of some length ".repeat(5)
            );
            let e = encode_field("text", &s);
            assert!(e.lines().count() > 1, "{e}");
            for line in e.lines() {
                assert!(!line.starts_with(m), "{e}");
            }
            assert_eq!(field_roundtrip(&s), s, "{e}");
        }
    }

    /// A key is one line whatever it holds: a multi-line string is no key.
    #[test]
    fn keys_with_line_breaks_stay_on_one_line() {
        let k = encode_key("a\nb");
        assert_eq!(k, "\"a\\nb\"");
        let t: toml::Table = toml::from_str(&format!("{k} = 1\n")).expect("valid toml");
        assert!(t.contains_key("a\nb"));
    }

    #[test]
    fn keys_are_bare_when_possible() {
        assert_eq!(encode_key("target_date"), "target_date");
        assert_eq!(encode_key("with space"), "\"with space\"");
    }
}

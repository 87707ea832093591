//! Spelling single values in TOML, one canonical way each.

use std::fmt::Write;

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
        encode(key, false)
    }
}

/// A string: multi-line (`"""`) when it holds a newline, else one basic string. Every
/// control character except the newline is escaped, so the file stays plain text, and a
/// line that would start like a git conflict marker starts with an escape instead.
pub fn encode_str(s: &str) -> String {
    encode(s, s.contains('\n'))
}

/// The markers git writes at the start of a line; see `conflict.rs`.
const MARKERS: [&str; 4] = ["<<<<<<<", "|||||||", "=======", ">>>>>>>"];

fn encode(s: &str, multi: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(if multi { "\"\"\"\n" } else { "\"" });
    let mut quotes = 0;
    let chars: Vec<char> = s.chars().collect();
    let mut line_start = true;
    for (i, &c) in chars.iter().enumerate() {
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

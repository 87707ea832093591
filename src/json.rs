//! Every JSON tocplan writes goes through here. serde_json escapes C0 controls but writes
//! DEL, the C1 controls (U+0080-U+009F, which a terminal may take as CSI or OSC), the bidi
//! controls that reorder what a reader sees, and U+2028/2029 (line breaks to JavaScript) as
//! they are. These are written as `\uXXXX` instead: the same string to any JSON reader,
//! so the data stays exact, and nothing in it can drive a terminal or fool a reader.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// Whether a character is written as `\uXXXX` (serde_json already escapes the C0 ones).
pub fn needs_escape(c: char) -> bool {
    matches!(c,
        '\u{7f}'..='\u{9f}'
        | '\u{061c}'
        | '\u{200e}' | '\u{200f}'
        | '\u{2028}' | '\u{2029}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}')
}

/// A formatter that escapes what `needs_escape` names and leaves the rest to `F`.
pub struct Safe<F>(pub F);

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if needs_escape(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    // The layout is the inner formatter's (pretty or compact): every method that lays
    // out is handed on.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Pretty JSON, written safely.
pub fn to_writer_pretty<W: Write, T: ?Sized + Serialize>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(writer, Safe(PrettyFormatter::new()));
    value.serialize(&mut ser)
}

/// Pretty JSON as a string, written safely.
pub fn to_string_pretty<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    to_writer_pretty(&mut out, value)?;
    // The formatter writes only what serde_json hands it and ASCII escapes: UTF-8 in, UTF-8 out.
    String::from_utf8(out).map_err(|e| serde::ser::Error::custom(e.to_string()))
}

/// Compact JSON as a string, written safely.
pub fn to_string<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Safe(CompactFormatter));
    value.serialize(&mut ser)?;
    String::from_utf8(out).map_err(|e| serde::ser::Error::custom(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str =
        "a\u{1b}]52;c;aGk=\u{7}b\u{7f}c\u{9b}2Jd\u{202e}e\u{2066}f\u{2028}g\u{200f}h";

    #[test]
    fn escapes_every_control_and_keeps_the_data_exact() {
        for out in [
            to_string(&HOSTILE).expect("json"),
            to_string_pretty(&vec![HOSTILE]).expect("json"),
        ] {
            assert!(
                !out.chars()
                    .any(|c| c.is_control() && c != '\n' || needs_escape(c)),
                "{out:?}"
            );
            assert!(out.contains("\\u007f") && out.contains("\\u009b") && out.contains("\\u202e"));
            let back: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
            let back = back.as_str().map(str::to_string).or_else(|| {
                back.as_array()
                    .and_then(|a| a.first())
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            });
            assert_eq!(back.as_deref(), Some(HOSTILE));
        }
    }

    #[test]
    fn lays_out_as_serde_json_does() {
        let v = serde_json::json!({"a": [1, 2], "b": {"c": "d"}});
        assert_eq!(
            to_string_pretty(&v).expect("json"),
            serde_json::to_string_pretty(&v).expect("json")
        );
        assert_eq!(
            to_string(&v).expect("json"),
            serde_json::to_string(&v).expect("json")
        );
    }
}

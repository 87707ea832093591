//! Large plan files read in pieces. A whole file parsed by toml_edit at once costs
//! about 25 bytes of memory for every byte of text; cut at item headers (`[[outcome]]`),
//! each piece is parsed while the one before it is decoded, on another core, and dropped
//! as soon as it is read. Anything the pieces cannot read exactly as the whole file would
//! (a piece that does not parse, a later piece with other tables) sends the caller back
//! to the whole file, so errors are always found and placed as before.

use toml_edit::Document;

use super::sections::{ITEM_ARRAYS, arrays_of_tables, decode, decode_more};
use super::{Decoded, Reader, check_schema, comment_lines};
use crate::plan::error::LoadError;

/// Files from this size are read in pieces of about `CHUNK` bytes.
pub(super) const CHUNK: usize = 64 * 1024;

/// Where each piece starts (see `text::table_cuts`): at the item headers.
pub(super) fn cuts(text: &str, size: usize) -> Option<Vec<usize>> {
    crate::text::table_cuts(text, size, |name| ITEM_ARRAYS.contains(&name))
}

/// Reads the pieces starting at `starts`; `Ok(None)` means read the whole file instead.
pub(super) fn decode_pieces(
    text: &str,
    starts: &[usize],
    path: &std::path::Path,
    lines: Vec<usize>,
    record: bool,
) -> Result<Option<Decoded>, LoadError> {
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    let pieces: Vec<(usize, &str)> = starts
        .iter()
        .zip(ends)
        .map(|(&s, e)| (s, &text[s..e]))
        .collect();
    fn parse(piece: &str) -> Option<Document<&str>> {
        Document::parse(piece).ok()
    }
    std::thread::scope(|scope| {
        let first = pieces[0].1;
        let mut next = Some(scope.spawn(move || parse(first)));
        let mut state = (crate::plan::SourceMap::default(), Vec::new(), lines);
        let mut plan = None;
        for (i, &(base, _)) in pieces.iter().enumerate() {
            let Some(Some(doc)) = next.take().map(|h| h.join().ok().flatten()) else {
                return Ok(None);
            };
            if let Some(&(_, piece)) = pieces.get(i + 1) {
                next = Some(scope.spawn(move || parse(piece)));
            }
            let (map, diags, lines) = state;
            let mut r = Reader {
                src: text,
                map,
                diags,
                lines,
                record,
                base,
            };
            let root = doc.as_table();
            let last = i + 1 == pieces.len();
            let trailing = comment_lines(r.raw(doc.trailing()));
            match plan.as_mut() {
                None => {
                    check_schema(&mut r, root, path)?;
                    if !arrays_of_tables(root) {
                        return Ok(None);
                    }
                    plan = Some(decode(&mut r, root));
                }
                Some(p) => {
                    if decode_more(&mut r, root, p).is_none() {
                        return Ok(None);
                    }
                }
            }
            match (last, plan.as_mut()) {
                (true, Some(p)) => p.trailing_comments = trailing,
                // Comments at the end of a piece would belong to the next header.
                _ if !trailing.is_empty() => return Ok(None),
                _ => {}
            }
            state = (r.map, r.diags, r.lines);
        }
        let (source, diagnostics, _) = state;
        Ok(plan.map(|plan| Decoded {
            plan,
            source,
            diagnostics,
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::super::decode_in_pieces;
    use super::cuts;
    use std::path::Path;

    /// Reads `text` whole and in pieces of `size` bytes; both must give the same plan,
    /// the same positions and the same problems.
    fn same_both_ways(text: &str, size: usize) {
        let path = Path::new("p.toml");
        assert!(
            cuts(text, size).is_some(),
            "the text must be cut for this test to mean anything"
        );
        let whole = decode_in_pieces(text, path, usize::MAX / 4, true);
        let pieces = decode_in_pieces(text, path, size, true);
        match (whole, pieces) {
            (Ok(w), Ok(p)) => {
                assert_eq!(w.plan, p.plan);
                let mut differ: Vec<String> = w
                    .source
                    .iter()
                    .filter(|(k, v)| p.source.get(k) != Some(*v))
                    .map(|(k, v)| format!("{k}: whole {v:?}, pieces {:?}", p.source.get(k)))
                    .collect();
                differ.extend(
                    p.source
                        .iter()
                        .filter(|(k, _)| !w.source.iter().any(|(x, _)| x == *k))
                        .map(|(k, _)| format!("{k}: only in pieces")),
                );
                differ.sort();
                assert!(
                    differ.is_empty(),
                    "{} differ: {:?}",
                    differ.len(),
                    &differ[..differ.len().min(8)]
                );
                assert_eq!(w.diagnostics, p.diagnostics);
            }
            (Err(w), Err(p)) => assert_eq!(w.to_string(), p.to_string()),
            (w, p) => panic!("whole: {:?}\npieces: {:?}", w.is_ok(), p.is_ok()),
        }
    }

    fn examples() -> Vec<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("plans")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| std::fs::read_to_string(f).expect("read"))
            .collect()
    }

    #[test]
    fn example_plans_read_the_same_in_pieces_comments_and_all() {
        for text in examples() {
            for size in [40, 300, 1000] {
                same_both_ways(&text, size);
            }
        }
    }

    #[test]
    fn a_generated_plan_reads_the_same_in_pieces() {
        let text = crate::plan::to_toml(&crate::plan::synthetic::plan(500));
        same_both_ways(&text, 4096);
        // And it was read in pieces, not sent back to be read whole.
        let starts = cuts(&text, 4096).expect("cuts");
        assert!(starts.len() > 10);
        let lines = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let read = super::decode_pieces(&text, &starts, Path::new("p.toml"), lines, true);
        assert!(matches!(read, Ok(Some(_))));
    }

    #[test]
    fn problems_in_a_later_piece_are_found_and_placed_as_in_the_whole_file() {
        let text = crate::plan::to_toml(&crate::plan::synthetic::plan(200));
        let broken = [
            // a syntax error far down
            text.replacen(
                "[[activity]]\nid = \"activity-70\"",
                "[[activity]]\nid = activity-70",
                1,
            ),
            // a wrong type in a later piece
            text.replacen(
                "id = \"output-60\"\ntext = ",
                "id = \"output-60\"\ntext = 60\nwas = ",
                1,
            ),
            // a table after the items, which a piece may not hold
            format!("{text}\n[context2]\nx = 1\n"),
            // an unknown key inside a later item
            text.replacen(
                "[[output]]\nid = \"output-70\"",
                "[[output]]\nid = \"output-70\"\ncolour = \"red\"",
                1,
            ),
        ];
        for (i, b) in broken.iter().enumerate() {
            assert!(*b != text, "change {i} was not made");
            same_both_ways(b, 2048);
        }
    }

    #[test]
    fn a_header_inside_a_multi_line_string_never_splits_the_meaning() {
        let mut text = crate::plan::to_toml(&crate::plan::synthetic::plan(100));
        text = text.replacen(
            "text = \"Item 10:",
            "text = \"\"\"\n[[outcome]]\nnot a header\n\"\"\"\nbarrier = \"Item 10:",
            1,
        );
        same_both_ways(&text, 512);
    }
}

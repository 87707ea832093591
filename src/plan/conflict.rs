//! Git merge-conflict markers. A plan that has them is refused outright: parsing around
//! them would silently pick a side.

/// One `<<<<<<<` ... `=======` ... `>>>>>>>` region, with 1-based line numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRegion {
    pub start: usize,
    pub middle: Option<usize>,
    pub end: Option<usize>,
    pub ours: Vec<String>,
    pub theirs: Vec<String>,
}

/// Finds every conflict region; stray `=======` or `>>>>>>>` lines count as regions too.
pub fn find_conflicts(text: &str) -> Vec<ConflictRegion> {
    let mut regions: Vec<ConflictRegion> = Vec::new();
    let mut open: Option<ConflictRegion> = None;
    let mut in_base = false;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.starts_with("<<<<<<<") {
            if let Some(r) = open.take() {
                regions.push(r);
            }
            open = Some(ConflictRegion {
                start: n,
                middle: None,
                end: None,
                ours: Vec::new(),
                theirs: Vec::new(),
            });
            in_base = false;
        } else if line.starts_with("|||||||") && open.is_some() {
            in_base = true;
        } else if line.starts_with("=======") && line.trim_end().len() == 7 {
            match open.as_mut() {
                Some(r) if r.middle.is_none() => {
                    r.middle = Some(n);
                    in_base = false;
                }
                _ => regions.push(stray(n)),
            }
        } else if line.starts_with(">>>>>>>") {
            match open.take() {
                Some(mut r) => {
                    r.end = Some(n);
                    regions.push(r);
                }
                None => regions.push(stray(n)),
            }
        } else if let Some(r) = open.as_mut() {
            if r.middle.is_some() {
                r.theirs.push(line.to_string());
            } else if !in_base {
                r.ours.push(line.to_string());
            }
        }
    }
    regions.extend(open);
    regions
}

fn stray(n: usize) -> ConflictRegion {
    ConflictRegion {
        start: n,
        middle: None,
        end: None,
        ours: Vec::new(),
        theirs: Vec::new(),
    }
}

/// A readable account of the regions, both sides shown (a few lines each).
pub fn describe(regions: &[ConflictRegion]) -> String {
    const SHOWN: usize = 6;
    let mut out = String::new();
    for r in regions {
        let lines = match (r.middle, r.end) {
            (Some(m), Some(e)) => format!(
                "lines {}-{} (<<<<<<< at {}, ======= at {m}, >>>>>>> at {e})",
                r.start, e, r.start
            ),
            _ => format!("line {} (an unmatched conflict marker)", r.start),
        };
        out.push_str(&format!("\n  conflict at {lines}"));
        for (label, side) in [("ours", &r.ours), ("theirs", &r.theirs)] {
            if side.is_empty() && r.middle.is_none() {
                continue;
            }
            out.push_str(&format!("\n    {label}:"));
            for l in side.iter().take(SHOWN) {
                out.push_str(&format!("\n      | {}", crate::text::sanitize(l)));
            }
            if side.len() > SHOWN {
                out.push_str(&format!("\n      | ... {} more lines", side.len() - SHOWN));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_regions_with_both_sides() {
        let t = "a = 1\n<<<<<<< HEAD\nx = 1\n=======\nx = 2\n>>>>>>> other\n";
        let r = find_conflicts(t);
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].start, r[0].middle, r[0].end), (2, Some(4), Some(6)));
        assert_eq!(r[0].ours, vec!["x = 1"]);
        assert_eq!(r[0].theirs, vec!["x = 2"]);
    }

    #[test]
    fn equals_inside_text_is_not_a_marker() {
        assert!(find_conflicts("text = \"\"\"\n======= heading\n\"\"\"\n").is_empty());
    }
}

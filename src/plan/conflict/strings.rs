//! Which lines of a TOML file start inside a multi-line string. Only as much of TOML is
//! read as decides that: comments, the four kinds of string and their escapes. A line
//! that starts inside a multi-line string is text the planner wrote, not file structure,
//! so a marker-like line there is not taken for a conflict on its own.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum State {
    /// Keys, values, headers and comments.
    #[default]
    Code,
    /// Inside `"""`: backslash escapes apply.
    Basic,
    /// Inside `'''`: no escapes.
    Literal,
}

/// The state after reading `line` (one line, without its line break) from `state`.
pub(super) fn after_line(mut state: State, line: &str) -> State {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match state {
            State::Code => match b[i] {
                // The rest of the line is a comment: quotes there open nothing.
                b'#' => return State::Code,
                q @ (b'"' | b'\'') if b[i..].starts_with(&[q, q, q]) => {
                    state = if q == b'"' {
                        State::Basic
                    } else {
                        State::Literal
                    };
                    i += 3;
                }
                b'"' => i = after_one_line(b, i + 1, true),
                b'\'' => i = after_one_line(b, i + 1, false),
                _ => i += 1,
            },
            State::Basic | State::Literal => {
                let q = if state == State::Basic { b'"' } else { b'\'' };
                if state == State::Basic && b[i] == b'\\' {
                    // An escaped quote closes nothing; a backslash at the end of the line
                    // continues the string on the next.
                    i += 2;
                } else if b[i] == q {
                    let run = b[i..].iter().take_while(|&&c| c == q).count();
                    if run >= 3 {
                        // Up to two quotes may stand just before the closing three.
                        i += run.min(5);
                        state = State::Code;
                    } else {
                        i += run;
                    }
                } else {
                    i += 1;
                }
            }
        }
    }
    state
}

/// Where a one-line string that opened just before `i` ends (past its closing quote,
/// or the end of the line if it has none, which TOML refuses anyway).
fn after_one_line(b: &[u8], mut i: usize, escapes: bool) -> usize {
    let q = if escapes { b'"' } else { b'\'' };
    while i < b.len() {
        if escapes && b[i] == b'\\' {
            i += 2;
        } else if b[i] == q {
            return i + 1;
        } else {
            i += 1;
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn states(text: &str) -> Vec<State> {
        let mut s = State::Code;
        text.lines()
            .map(|l| {
                let at = s;
                s = after_line(s, l);
                at
            })
            .collect()
    }

    #[test]
    fn strings_open_and_close_where_toml_says() {
        use State::*;
        assert_eq!(
            states("a = \"\"\"\nx\n\"\"\"\nb"),
            [Code, Basic, Basic, Code]
        );
        assert_eq!(states("a = '''\nx\\'''\nb"), [Code, Literal, Code]);
        assert_eq!(states("a = \"\"\"x\\\"\"\"\nb"), [Code, Basic]);
        assert_eq!(states("a = \"\"\"x\\\\\"\"\"\nb"), [Code, Code]);
        assert_eq!(states("a = \"x\\\"\"\"\"\nb"), [Code, Code]);
        assert_eq!(states("a = 'x\\' # '''\nb"), [Code, Code]);
        assert_eq!(states("# \"\"\"\nb"), [Code, Code]);
        assert_eq!(
            states("a = \"\"\"\"\"\"\nb = '''\n'''\nc"),
            [Code, Code, Literal, Code]
        );
        assert_eq!(states("[\"a\\\"b\"]\nb"), [Code, Code]);
    }
}

//! The questions about the plan's file changing outside the app: the words in the box and
//! the short keys on the status line, with the keys as the keymap binds them.

use ratatui::text::Line;

use super::super::app::{App, Question};
use super::super::keymap::Action as A;
use super::question::{choices, key};
use crate::text::sanitize;

/// The box's lines, for the two questions this file words (`None` for any other).
pub fn lines(app: &App, q: &Question) -> Option<Vec<Line<'static>>> {
    let k = |a| key(app, a);
    Some(match q {
        Question::DiskChanged { text: Some(_), .. } => vec![
            Line::from("The plan's file changed on disk (a git pull, another editor?)"),
            Line::from("while you have unsaved work."),
            Line::from(format!(
                "{} merges (yours and the file's changes kept; conflicts listed)",
                k(A::Merge)
            )),
            Line::from(format!(
                "{} takes the file's (u then goes back to yours) · {} keeps yours",
                k(A::Yes),
                k(A::No)
            )),
            Line::from(format!("{} shows the difference", k(A::Changes))),
        ],
        Question::DiskChanged { text: None, .. } => vec![
            Line::from("The plan's file was removed or cannot be read on disk."),
            Line::from(format!(
                "{} keeps your version (Ctrl-s writes it back)",
                k(A::No)
            )),
        ],
        Question::OverwriteNewer { path, text, .. } => {
            let mut out = vec![Line::from(format!(
                "{} changed since you read it (or another file is there).",
                sanitize(&path.display().to_string())
            ))];
            if mergeable(app, q) && text.is_some() {
                out.push(Line::from(format!(
                    "{} saves over it · {} merges (yours and the file's changes kept)",
                    k(A::SaveOver),
                    k(A::Merge)
                )));
                out.push(Line::from(format!(
                    "{} does not save (:w OTHER saves elsewhere) · {} shows the difference",
                    k(A::No),
                    k(A::Changes)
                )));
            } else {
                out.push(Line::from(format!(
                    "{} saves over it · {} does not save (:w OTHER saves elsewhere)",
                    k(A::SaveOver),
                    k(A::No)
                )));
            }
            out
        }
        _ => return None,
    })
}

/// The keys for the status line while one of these questions is on top.
pub fn hints(app: &App, q: &Question) -> Option<String> {
    let words: &[(A, &str, &str)] = match q {
        Question::DiskChanged { text: Some(_), .. } => &[
            (A::Merge, "", "merge"),
            (A::Yes, "", "take the file's"),
            (A::No, "", "keep yours"),
            (A::Changes, "", "difference"),
        ],
        Question::DiskChanged { text: None, .. } => &[(A::No, "", "keep yours")],
        Question::OverwriteNewer { text: Some(_), .. } if mergeable(app, q) => &[
            (A::SaveOver, "", "save over it"),
            (A::Merge, "", "merge"),
            (A::No, "", "don't save"),
            (A::Changes, "", "difference"),
        ],
        Question::OverwriteNewer { .. } => {
            &[(A::SaveOver, "", "save over it"), (A::No, "", "don't save")]
        }
        _ => return None,
    };
    Some(choices(app, words, false))
}

/// A save over the plan's own file can merge; one onto another file cannot.
fn mergeable(app: &App, q: &Question) -> bool {
    matches!(q, Question::OverwriteNewer { path, .. } if path == app.path())
}

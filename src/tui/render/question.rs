//! Questions over the panes (a delete and everything it takes, quitting unsaved, a
//! recovery copy, a file changed on disk) and the keys that answer them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use super::super::app::{App, Layer, Question};
use super::super::keymap::Mode;
use super::super::theme::Slot;
use super::centered;
use crate::plan::{Dependant, Fate, Kind};
use crate::text::sanitize;

pub fn render(app: &App, f: &mut Frame, body: Rect, q: &Question) {
    // Room for every line as it wraps, so the answer keys are never cut off.
    let width = 72.min(body.width);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let lines = question_lines(app, q, inner);
    let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(inner)).sum();
    let area = centered(body, width, u16::try_from(rows + 2).unwrap_or(u16::MAX));
    f.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.theme.style(Slot::Warning))
        .title(match q {
            Question::Recover(_) => " Unsaved work from before ",
            Question::OpenElsewhere(_) => " Open elsewhere ",
            Question::DiskChanged { .. } | Question::OverwriteNewer { .. } => " Changed on disk ",
            _ => " Are you sure? ",
        });
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

fn question_lines(app: &App, q: &Question, width: usize) -> Vec<Line<'static>> {
    let keys = app.keymap.hints(Mode::Confirm);
    match q {
        Question::Delete { id, dependants, .. } => {
            let mut out = vec![Line::from(format!(
                "Delete {}?",
                sanitize(&app.plan().named(id))
            ))];
            out.extend(taken_lines(dependants, width));
            out.push(Line::from(format!("{keys}   (u undoes a delete)")));
            out
        }
        Question::Unlink {
            from,
            to,
            dependants,
        } => {
            let plan = app.plan();
            let mut out = vec![Line::from(format!(
                "Unlink {} from {}?",
                sanitize(&plan.named(from)),
                sanitize(&plan.named(to))
            ))];
            out.extend(taken_lines(dependants, width));
            out.push(Line::from(format!("{keys}   (u undoes it)")));
            out
        }
        Question::Recover(offer) => {
            let mut out = vec![Line::from(
                "Unsaved work from a session that ended suddenly was kept as a recovery copy.",
            )];
            if let Some(ed) = &offer.copy.editing {
                out.push(Line::from(format!(
                    "It holds text you were typing in \"{}\".",
                    sanitize(&ed.title)
                )));
            }
            out.push(Line::from(match offer.changed {
                Some(false) => "The file has not changed since.",
                Some(true) => {
                    "The file has CHANGED since the work was made (another editor, a git pull?)."
                }
                None => "It cannot say whether the file changed since (an older tocplan made it).",
            }));
            out.push(Line::from(recover_choices(app, true)));
            out
        }
        Question::OpenElsewhere(holder) => vec![
            Line::from(format!(
                "This plan is open in another tocplan (process {} on {}, since {}).",
                holder.pid,
                sanitize(&holder.host),
                since(holder.since)
            )),
            Line::from("Editing it in two places means one side's saves replace the other's."),
            Line::from(elsewhere_choices(app, true)),
        ],
        Question::DiskChanged { .. } | Question::OverwriteNewer { .. } => {
            super::outside_question::lines(app, q).unwrap_or_default()
        }
        Question::QuitUnsaved => vec![
            Line::from("Quit without saving? The changes since the last save would be lost."),
            Line::from(format!("{keys}   (Ctrl-s or :wq saves)")),
        ],
    }
}

/// "2026-12-01 21:30 UTC" from seconds since 1970.
fn since(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (h, m) = ((secs % 86_400) / 3600, (secs % 3600) / 60);
    let date = crate::plan::Date::new(1970, 1, 1)
        .and_then(|epoch| crate::plan::Date::from_days(epoch.days() + days))
        .map_or_else(|| "?".into(), |d| d.to_string());
    format!("{date} {h:02}:{m:02} UTC")
}

/// The first key bound to an action among the questions' keys, as help writes it.
pub(super) fn key(app: &App, action: crate::tui::Action) -> String {
    app.keymap
        .in_mode(Mode::Confirm)
        .find(|b| b.action == action)
        .map_or_else(|| "?".into(), |b| b.label())
}

fn recover_choices(app: &App, long: bool) -> String {
    use crate::tui::Action as A;
    let words: [(A, &str, &str); 4] = [
        (A::Yes, "opens it as unsaved changes", "open it"),
        (A::Changes, "shows how it differs", "differences"),
        (A::Save, "keeps it as a file of its own", "keep beside"),
        (A::No, "opens the file as it is", "file as it is"),
    ];
    choices(app, &words, long)
}

fn elsewhere_choices(app: &App, long: bool) -> String {
    use crate::tui::Action as A;
    let words: [(A, &str, &str); 3] = [
        (A::Yes, "opens it read-only", "read-only"),
        (A::No, "edits it here anyway", "edit anyway"),
        (A::Quit, "quits", "quit"),
    ];
    choices(app, &words, long)
}

pub(super) fn choices(app: &App, words: &[(crate::tui::Action, &str, &str)], long: bool) -> String {
    words
        .iter()
        .map(|(a, long_word, short)| {
            format!("{} {}", key(app, *a), if long { long_word } else { short })
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The status line's hints for a question with choices of its own.
pub fn question_hints(app: &App) -> Option<String> {
    // Only the question on top: one under a view it opened is not what keys answer.
    let Some(Layer::Question(q)) = app.top() else {
        return None;
    };
    match q {
        Question::Recover(_) => Some(recover_choices(app, false)),
        Question::OpenElsewhere(_) => Some(elsewhere_choices(app, false)),
        q => super::outside_question::hints(app, q),
    }
}

/// Everything a delete takes or changes besides the item, by kind: each kind on a line,
/// counted where there are several, so a long list still fits the question.
fn taken_lines(dependants: &[Dependant], width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let of = |fate: fn(&Fate) -> bool| -> Vec<(Kind, String)> {
        dependants
            .iter()
            .filter(|d| fate(&d.fate))
            .map(|d| (d.kind, d.id.clone()))
            .collect()
    };
    let orphaned = of(|f| *f == Fate::Orphaned);
    if !orphaned.is_empty() {
        out.push(Line::from("These would be left serving nothing:"));
        out.extend(by_kind(width, &orphaned));
    }
    for (list, said) in [
        ("responsible", "It is no longer responsible for:"),
        ("partners", "It is no longer a partner in:"),
    ] {
        let unlisted: Vec<(Kind, String)> = dependants
            .iter()
            .filter(|d| d.fate == Fate::Unlisted(list))
            .map(|d| (d.kind, d.id.clone()))
            .collect();
        if !unlisted.is_empty() {
            out.push(Line::from(said));
            out.extend(by_kind(width, &unlisted));
        }
    }
    let removed = of(|f| *f == Fate::Removed);
    let readings: usize = dependants
        .iter()
        .map(|d| match d.fate {
            Fate::Readings(n) => n,
            _ => 0,
        })
        .sum();
    if !removed.is_empty() || readings > 0 {
        out.push(Line::from("These go with it:"));
        out.extend(by_kind(width, &removed));
        if readings > 0 {
            out.push(Line::from(format!(
                "  {readings} reading{}",
                if readings == 1 { "" } else { "s" }
            )));
        }
    }
    out
}

/// A line per kind, in the order met: "  measure `m`", "  3 assumptions: `a`, `b`, …",
/// wrapped between ids to `width` with the ids indented under the count.
fn by_kind(width: usize, items: &[(Kind, String)]) -> Vec<Line<'static>> {
    /// Ids named on a kind's line; more are counted only.
    const NAMED: usize = 3;
    let mut kinds: Vec<Kind> = Vec::new();
    for (k, _) in items {
        if !kinds.contains(k) {
            kinds.push(*k);
        }
    }
    kinds
        .into_iter()
        .flat_map(|kind| {
            let ids: Vec<&str> = items
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, i)| i.as_str())
                .collect();
            let mut named: Vec<String> = ids
                .iter()
                .take(NAMED)
                .map(|i| format!("`{}`", sanitize(i)))
                .collect();
            if ids.len() > NAMED {
                named.push("…".into());
            }
            let head = match ids.len() {
                1 if kind == Kind::Evidence => "  piece of evidence".to_string(),
                1 => format!("  {}", kind.noun()),
                n => format!("  {n} {}:", plural(kind)),
            };
            wrapped(head, &named, width)
        })
        .collect()
}

/// `head` and the ids after it, a space between, a comma after each id but the last, on
/// lines of at most `width` (an id longer than that has its own line), continued indented.
fn wrapped(head: String, ids: &[String], width: usize) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let mut lines = Vec::new();
    let mut line = head;
    for (i, id) in ids.iter().enumerate() {
        let piece = if i + 1 < ids.len() {
            format!("{id},")
        } else {
            id.clone()
        };
        if line.trim().is_empty() || line.width() + 1 + piece.width() <= width {
            if !line.ends_with(' ') {
                line.push(' ');
            }
            line.push_str(&piece);
        } else {
            lines.push(Line::from(std::mem::replace(
                &mut line,
                format!("    {piece}"),
            )));
        }
    }
    lines.push(Line::from(line));
    lines
}

fn plural(kind: Kind) -> &'static str {
    match kind {
        Kind::Goal => "goals",
        Kind::Stakeholder => "stakeholders",
        Kind::Outcome => "intermediate outcomes",
        Kind::Output => "outputs",
        Kind::Activity => "activities",
        Kind::Measure => "measures",
        Kind::Assumption => "assumptions",
        Kind::Evidence => "pieces of evidence",
    }
}

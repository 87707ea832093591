//! The review overlay: findings grouped by principle, each group with the framework's
//! reason; waived findings stay in sight, marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::super::app::App;
use super::super::keymap::Mode;
use super::super::theme::Slot;
use super::super::update::ordered_findings;
use super::{centered, framed};
use crate::plan::Severity;
use crate::plan::review::title;
use crate::text::sanitize;

/// The review in a few words, as the header, the reports and `check` all say it.
pub use crate::plan::review::summary;

pub fn render(app: &App, f: &mut Frame, body: Rect, row: usize) {
    let area = centered(body, body.width.saturating_sub(4).max(20), body.height);
    f.render_widget(Clear, area);
    if !app.problems().is_empty() {
        return render_problems(app, f, area, row);
    }
    let findings = ordered_findings(app.findings());
    let block = framed(
        app,
        &format!("Review: {}", summary(app.findings())),
        &app.keymap.hints(Mode::Review),
    );
    let inner = block.inner(area);
    f.render_widget(block, area);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let muted = app.theme.style(Slot::Muted);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let (mut sel_top, mut sel_bottom) = (0, 0);
    let mut rule = "";
    let width = inner.width.max(1) as usize;
    for (i, fd) in findings.iter().enumerate() {
        if fd.rule != rule {
            rule = fd.rule;
            if !lines.is_empty() {
                lines.push(Line::from(""));
            }
            lines.push(Line::styled(title(rule).to_string(), bold));
            for part in textwrap::wrap(fd.reason(app.fw()), width.saturating_sub(2).max(8)) {
                lines.push(Line::styled(format!("  {part}"), muted));
            }
        }
        let selected = i == row.min(findings.len().saturating_sub(1));
        let (mark, slot) = match (fd.waived.is_some(), fd.severity) {
            (true, _) => ("~ ", Slot::Muted),
            (_, Severity::Error) => ("✗ ", Slot::Error),
            (_, Severity::Warning) => ("! ", Slot::Warning),
            (_, Severity::Advice) => ("· ", Slot::Info),
        };
        let mut text = sanitize(&by_words(app.plan(), app.fw(), &fd.message));
        if let Some(why) = &fd.waived {
            text.push_str(&format!(" (waived: {})", sanitize(why)));
        }
        let style = if selected {
            app.theme.style(Slot::Selection)
        } else if fd.waived.is_some() {
            muted
        } else {
            Style::default()
        };
        if selected {
            sel_top = lines.len();
        }
        marked(&mut lines, &text, mark, width, app.theme.style(slot), style);
        if selected {
            sel_bottom = lines.len();
        }
    }
    if findings.is_empty() {
        lines.push(Line::from(
            "Nothing to review: the plan meets every rule of the key principles.",
        ));
    }
    scrolled(f, lines, (sel_top, sel_bottom), inner);
}

/// A plan `check` rejects: its errors as `check` prints them, and what to do. The review
/// of such a plan would mislead (a broken link hides what it would find), so it waits.
fn render_problems(app: &App, f: &mut Frame, area: Rect, row: usize) {
    let n = app.problems().len();
    let block = framed(
        app,
        &format!(
            "Read-only: {n} error{} that `tocplan check` reports",
            if n == 1 { "" } else { "s" }
        ),
        &app.keymap.hints(Mode::Review),
    );
    let inner = block.inner(area);
    f.render_widget(block, area);
    let width = (inner.width.max(1) as usize).saturating_sub(2).max(8);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for part in textwrap::wrap(
        "The plan is open read-only, so no edit can change the wrong item. Fix these in the \
         file with any text editor; when it is saved, the app reloads it and editing is on.",
        width + 2,
    ) {
        lines.push(Line::styled(
            part.into_owned(),
            app.theme.style(Slot::Muted),
        ));
    }
    let (mut sel_top, mut sel_bottom) = (0, 0);
    for (i, problem) in app.problems().iter().enumerate() {
        lines.push(Line::from(""));
        let selected = i == row.min(n - 1);
        let style = if selected {
            app.theme.style(Slot::Selection)
        } else {
            Style::default()
        };
        if selected {
            sel_top = lines.len();
        }
        let mark = app.theme.style(Slot::Error);
        marked(&mut lines, &sanitize(problem), "✗ ", width + 2, mark, style);
        if selected {
            sel_bottom = lines.len();
        }
    }
    scrolled(f, lines, (sel_top, sel_bottom), inner);
}

/// A finding as a hanging paragraph: "  ✗ text", later lines under the text, each line
/// within `width` columns (a line longer than the box would be wrapped again by the
/// paragraph, breaking the hanging indent).
fn marked(
    lines: &mut Vec<Line<'static>>,
    text: &str,
    mark: &'static str,
    width: usize,
    mark_style: Style,
    style: Style,
) {
    for (j, part) in textwrap::wrap(text, width.saturating_sub(4).max(8))
        .into_iter()
        .enumerate()
    {
        let lead = if j == 0 { mark } else { "  " };
        lines.push(Line::from(vec![
            Span::styled(format!("  {lead}"), mark_style),
            Span::styled(part.into_owned(), style),
        ]));
    }
}

/// A finding's message with each item it names by `id` named by its words instead
/// ("output 'Weekly coffee mornings…'"): `check` keeps the ids, which a file's reader and a
/// CI log can search for, while the app's reader sees what the item says. A kind written
/// before the id ("output `x`") is not said twice.
pub fn by_words(
    plan: &crate::plan::Plan,
    fw: &crate::framework::Framework,
    message: &str,
) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(open) = rest.find('`') {
        let Some(len) = rest[open + 1..].find('`') else {
            break;
        };
        let id = &rest[open + 1..open + 1 + len];
        out.push_str(&rest[..open]);
        match plan.kind_of(id) {
            Some(kind) => {
                // "Outcome `x`" becomes "Intermediate outcome '…'", not "Outcome
                // intermediate outcome '…'": the kind the message said goes, whatever
                // its case, and the name takes its capital.
                let noun = kind.noun();
                let last = noun.rsplit(' ').next().unwrap_or(noun);
                let said = [noun, last].into_iter().map(|w| format!("{w} ")).find(|w| {
                    out.len() >= w.len()
                        && out.is_char_boundary(out.len() - w.len())
                        && out[out.len() - w.len()..].eq_ignore_ascii_case(w)
                });
                let mut name = named(plan, fw, id);
                if let Some(said) = said {
                    let start = out.len() - said.len();
                    if out[start..].starts_with(|c: char| c.is_ascii_uppercase()) {
                        let mut c = name.chars();
                        name = c
                            .next()
                            .map(|f| f.to_uppercase().chain(c).collect())
                            .unwrap_or_default();
                    }
                    out.truncate(start);
                }
                out.push_str(&name);
            }
            None => out.push_str(&rest[open..open + len + 2]),
        }
        rest = &rest[open + len + 2..];
    }
    out.push_str(rest);
    out
}

/// An item by its words; a measure by its indicator's words, not the indicator's id.
fn named(plan: &crate::plan::Plan, fw: &crate::framework::Framework, id: &str) -> String {
    if let Some(m) = plan.measure(id)
        && let Some(ind) = fw.indicator(&m.indicator)
    {
        return format!(
            "measure '{}'",
            crate::text::short(&ind.text, crate::plan::NAME_WIDTH)
        );
    }
    plan.named(id)
}

/// The list, scrolled so the selected lines are in sight.
fn scrolled(f: &mut Frame, lines: Vec<Line<'static>>, selected: (usize, usize), inner: Rect) {
    let scroll = super::scroll_to(selected.0, selected.1, inner.height as usize, 0);
    // Lines out of sight, as the paragraph wraps none (each is cut to the box already).
    let below = lines
        .len()
        .saturating_sub(usize::from(scroll) + inner.height as usize);
    super::marks::draw(f, inner, usize::from(scroll), below);
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        inner,
    );
}

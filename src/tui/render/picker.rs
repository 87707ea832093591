//! The picker overlay: the query, ranked results with the matched characters marked, and
//! a preview of the selected indicator (beside the results when there is room, else below).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::super::app::{App, PickerState};
use super::super::keymap::Mode;
use super::super::theme::Slot;
use super::{centered, framed};
use crate::framework::Indicator;
use crate::framework::picker::{Hit, full_count};
use crate::text::sanitize;

/// From this width the preview sits beside the results.
const SIDE_BY_SIDE: u16 = 110;

pub fn render(app: &App, f: &mut Frame, body: Rect, p: &PickerState) {
    let area = centered(body, body.width.saturating_sub(2).max(10), body.height);
    f.render_widget(Clear, area);
    let title = match &p.replacing {
        Some(m) => format!("A new indicator for measure `{m}`"),
        None => format!("Measure `{}` with an indicator", p.outcome),
    };
    let block = framed(app, &title, &app.keymap.hints(Mode::Picker));
    let inner = block.inner(area);
    f.render_widget(block, area);
    if inner.height < 3 {
        return;
    }
    let [query, note, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    f.render_widget(Paragraph::new(query_line(app, p, query.width)), query);
    f.render_widget(Paragraph::new(note_line(app, p)), note);
    let (list, preview) = if inner.width >= SIDE_BY_SIDE {
        let [l, r] = Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
            .areas(rest);
        (l, r)
    } else {
        let preview_height = if rest.height >= 14 { 6 } else { 0 };
        let [l, r] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(preview_height)]).areas(rest);
        (l, r)
    };
    // Below the results, the preview's border says how many are out of sight; with no
    // preview below them, the results' own last line does.
    let below_them = preview.height > 0 && preview.y > list.y;
    let marks = results(app, f, list, p, !below_them);
    if preview.height > 0
        && let Some(hit) = p.hits.get(p.selected)
    {
        preview_box(
            app,
            f,
            preview,
            hit,
            p,
            if below_them { &marks } else { "" },
        );
    }
}

fn query_line(app: &App, p: &PickerState, width: u16) -> Line<'static> {
    // With words typed, how many match all of them and how many some (those come after).
    let full = full_count(&p.hits);
    let mut count = if p.hits.len() > full || p.hits.iter().any(|h| h.score != 0) {
        format!("{full} match all words · {} some", p.hits.len() - full)
    } else {
        format!("{} of {}", p.hits.len(), app.engine().len())
    };
    if p.pending {
        count.push_str(" …");
    }
    let typed = format!("> {}█", sanitize(&p.query));
    // Narrow, the count says less rather than run into the query ("scheme█0 match").
    if typed.chars().count() + count.chars().count() + 1 > width as usize {
        count = if p.hits.len() > full || p.hits.iter().any(|h| h.score != 0) {
            format!("{full}+{}", p.hits.len() - full)
        } else {
            p.hits.len().to_string()
        };
        if p.pending {
            count.push_str(" …");
        }
    }
    let gap = (width as usize)
        .saturating_sub(typed.chars().count() + count.chars().count())
        .max(1);
    Line::from(vec![
        Span::styled(typed, Style::default().add_modifier(Modifier::BOLD)),
        Span::raw(" ".repeat(gap)),
        Span::styled(count, app.theme.style(Slot::Hint)),
    ])
}

fn note_line(app: &App, p: &PickerState) -> Line<'static> {
    if let Some(problem) = p.problems.first() {
        return Line::styled(sanitize(problem), app.theme.style(Slot::Warning));
    }
    if p.query.trim().is_empty() {
        return Line::styled(
            "Your own words: ESOL, GP, hate crime… · filters: #9 @bridges !receiving",
            app.theme.style(Slot::Muted),
        );
    }
    if p.hits.is_empty() && !p.pending {
        return Line::styled(
            "No indicator matches: use fewer or other words, or drop a filter (^u clears)",
            app.theme.style(Slot::Warning),
        );
    }
    Line::raw("")
}

/// Draws the results; returns the marks for those out of sight ("↑ 4 above · ↓ 9 below"),
/// drawn on the results' last line when `own_line`.
fn results(app: &App, f: &mut Frame, area: Rect, p: &PickerState, own_line: bool) -> String {
    let width = area.width.saturating_sub(2) as usize;
    let measured: Vec<&str> = app
        .plan()
        .measures
        .iter()
        .filter(|m| m.outcome == p.outcome)
        .map(|m| m.indicator.as_str())
        .collect();
    // Each result takes two lines; when they do not all fit, the last line says how many
    // are above and below the ones shown, so the list never looks finished when it is not.
    let fits = usize::from(area.height) / 2;
    let overflow = own_line && p.hits.len() > fits;
    let shown = if overflow {
        (usize::from(area.height.saturating_sub(1)) / 2).max(1)
    } else {
        fits.max(1)
    };
    let first = p.selected.saturating_sub(shown - 1);
    let below = p.hits.len().saturating_sub(first + shown);
    // Only the results that can be on screen are laid out (a bank may give 100,000).
    let items: Vec<ListItem> = p
        .hits
        .iter()
        .skip(first)
        .take(shown)
        .filter_map(|h| app.fw().indicator(&h.id).map(|i| (h, i)))
        .map(|(h, ind)| {
            let mark = if measured.contains(&ind.id.as_str()) {
                "✓ "
            } else {
                "  "
            };
            let mut first = vec![Span::raw(mark)];
            first.extend(highlighted(app, ind, h, width.saturating_sub(2)));
            let second = Line::styled(
                format!("  {}", describe(app, ind)),
                app.theme.style(Slot::Muted),
            );
            ListItem::new(vec![Line::from(first), second])
        })
        .collect();
    let [list_area, marks_area] = Layout::vertical([
        Constraint::Length((shown * 2).min(usize::from(area.height)) as u16),
        Constraint::Length(u16::from(overflow)),
    ])
    .areas(area);
    let list = List::new(items)
        .highlight_style(app.theme.style(Slot::Selection))
        .highlight_symbol("▶");
    let mut state =
        ListState::default().with_selected((!p.hits.is_empty()).then_some(p.selected - first));
    f.render_stateful_widget(list, list_area, &mut state);
    let mut marks = Vec::new();
    if first > 0 {
        marks.push(format!("↑ {first} above"));
    }
    if below > 0 {
        marks.push(format!("↓ {below} below"));
    }
    let marks = marks.join(" · ");
    if overflow {
        f.render_widget(
            Paragraph::new(Line::styled(
                format!(" {marks}"),
                app.theme.style(Slot::Muted),
            )),
            marks_area,
        );
    }
    marks
}

/// The indicator's text cut to a width, with the matched characters in the match style.
fn highlighted(app: &App, ind: &Indicator, hit: &Hit, width: usize) -> Vec<Span<'static>> {
    let chars: Vec<char> = sanitize(&ind.text).chars().collect();
    let cut = chars.len() > width;
    let take = if cut {
        width.saturating_sub(1)
    } else {
        chars.len()
    };
    let hl = app.theme.style(Slot::Matched);
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_lit = false;
    for (i, c) in chars.iter().take(take).enumerate() {
        let lit = hit.positions.binary_search(&i).is_ok();
        if lit != run_lit && !run.is_empty() {
            spans.push(styled_run(std::mem::take(&mut run), run_lit, hl));
        }
        run_lit = lit;
        run.push(*c);
    }
    if !run.is_empty() {
        spans.push(styled_run(run, run_lit, hl));
    }
    if cut {
        spans.push(Span::raw("…"));
    }
    spans
}

fn styled_run(text: String, lit: bool, hl: Style) -> Span<'static> {
    if lit {
        Span::styled(text, hl)
    } else {
        Span::raw(text)
    }
}

/// "9 Language and communication · Facilitators · newcomers"
fn describe(app: &App, ind: &Indicator) -> String {
    let d = app.fw().domain(ind.domain);
    let name = d.map_or("", |d| d.name.as_str());
    let cat = d
        .and_then(|d| app.fw().category(&d.category))
        .map_or("", |c| c.name.as_str());
    format!(
        "{} {name} · {cat} · {}",
        ind.domain,
        ind.perspective.as_str()
    )
}

fn preview_box(app: &App, f: &mut Frame, area: Rect, hit: &Hit, p: &PickerState, marks: &str) {
    let Some(ind) = app.fw().indicator(&hit.id) else {
        return;
    };
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut lines = vec![Line::styled(sanitize(&ind.text), bold)];
    // What it means for this outcome and why it matched come before where it is from:
    // at 80x24 the preview has six lines.
    if app
        .plan()
        .measures
        .iter()
        .any(|m| m.outcome == p.outcome && m.indicator == ind.id)
    {
        lines.push(Line::styled(
            "✓ Already measures this outcome",
            app.theme.style(Slot::Warning),
        ));
    }
    if !hit.via.is_empty() {
        lines.push(Line::from(format!(
            "Found through: {}",
            sanitize(&hit.via.join(", "))
        )));
    }
    lines.push(Line::from(format!(
        "{} · {}",
        sanitize(&ind.id),
        describe(app, ind)
    )));
    let source = match ind.source {
        crate::framework::IndicatorSource::Quoted => "quoted from the IOM guide",
        crate::framework::IndicatorSource::Official => "official wording",
        crate::framework::IndicatorSource::Tocplan => "tocplan's own wording, not official",
        crate::framework::IndicatorSource::User => "from a bank you loaded",
    };
    lines.push(Line::styled(
        source.to_string(),
        app.theme.style(Slot::Muted),
    ));
    if !ind.keywords.is_empty() {
        lines.push(Line::from(format!(
            "Keywords: {}",
            sanitize(&ind.keywords.join(", "))
        )));
    }
    let mut block = Block::default()
        .borders(Borders::TOP | Borders::LEFT)
        .border_style(app.theme.style(Slot::Border))
        .title(" Preview ");
    if !marks.is_empty() {
        block = block.title(
            Line::styled(format!(" {marks} "), app.theme.style(Slot::Muted)).right_aligned(),
        );
    }
    f.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

//! What opens over the panes: the editor, questions, the help and the detail views.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use super::super::app::{App, Overlay, Question};
use super::super::keymap::{KEYMAP, Mode, hints};
use super::super::theme::Slot;
use crate::plan::{About, Kind, Plan};
use crate::text::sanitize;

pub fn render(app: &App, f: &mut Frame, body: Rect) {
    match app.overlay {
        Some(Overlay::Help) => boxed(
            f,
            body,
            " Help: every key ",
            help_lines(),
            app.overlay_scroll,
            &hints(Mode::Overlay),
        ),
        Some(Overlay::Detail) => boxed(
            f,
            body,
            " Details ",
            detail_lines(app),
            app.overlay_scroll,
            &hints(Mode::Overlay),
        ),
        None => {}
    }
    if let Some(ed) = &app.editor {
        let area = centered(body, 72, 7);
        f.render_widget(Clear, area);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Thick)
            .border_style(app.theme.style(Slot::OverlayBorder))
            .title(format!(" {} ", sanitize(&ed.title)))
            .title_bottom(format!(" {} ", hints(Mode::Editor)));
        let inner = block.inner(area);
        f.render_widget(block, area);
        f.render_widget(&ed.area, inner);
    }
    if let Some(q) = &app.question {
        let lines = question_lines(&app.plan, q);
        let height = lines.len() as u16 + 2;
        let area = centered(body, 64, height);
        f.render_widget(Clear, area);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Thick)
            .border_style(app.theme.style(Slot::Warning))
            .title(" Are you sure? ");
        f.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            area,
        );
    }
}

fn centered(body: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(body.height))])
        .flex(Flex::Center)
        .areas(body);
    let [area] = Layout::horizontal([Constraint::Length(width.min(body.width))])
        .flex(Flex::Center)
        .areas(row);
    area
}

fn boxed(
    f: &mut Frame,
    body: Rect,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: u16,
    hint: &str,
) {
    let area = centered(body, body.width.saturating_sub(4).max(20), body.height);
    f.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .title(title.to_string())
        .title_bottom(format!(" {hint} "));
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}

fn help_lines() -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for mode in [
        Mode::Normal,
        Mode::Editor,
        Mode::Prompt,
        Mode::Overlay,
        Mode::Confirm,
    ] {
        out.push(Line::styled(
            mode.name(),
            Style::default().add_modifier(Modifier::BOLD),
        ));
        for b in KEYMAP.iter().filter(|b| b.mode == mode) {
            out.push(Line::from(format!("  {:<10} {}", b.label, b.help)));
        }
        out.push(Line::from(""));
    }
    out.push(Line::from(
        "Commands: :w save · :q quit · :wq save and quit · :q! quit without saving",
    ));
    out
}

fn question_lines(plan: &Plan, q: &Question) -> Vec<Line<'static>> {
    match q {
        Question::Delete {
            id,
            kind,
            dependants,
        } => {
            let mut out = vec![Line::from(format!(
                "Delete {} `{}`?",
                kind.noun(),
                sanitize(id)
            ))];
            let orphaned: Vec<_> = dependants.iter().filter(|d| !d.removed).collect();
            let removed: Vec<_> = dependants.iter().filter(|d| d.removed).collect();
            if !orphaned.is_empty() {
                out.push(Line::from("These would be left serving nothing:"));
                out.extend(
                    orphaned
                        .iter()
                        .map(|d| Line::from(format!("  {} `{}`", d.kind.noun(), sanitize(&d.id)))),
                );
            }
            if !removed.is_empty() {
                out.push(Line::from("These go with it:"));
                out.extend(
                    removed
                        .iter()
                        .map(|d| Line::from(format!("  {} `{}`", d.kind.noun(), sanitize(&d.id)))),
                );
            }
            out.push(Line::from(format!(
                "{}   (u undoes a delete)",
                hints(Mode::Confirm)
            )));
            let _ = plan;
            out
        }
        Question::QuitUnsaved => vec![
            Line::from("Quit without saving? The changes since the last save would be lost."),
            Line::from(format!("{}   (Ctrl-s or :wq saves)", hints(Mode::Confirm))),
        ],
    }
}

fn detail_lines(app: &App) -> Vec<Line<'static>> {
    let Some(id) = app.selected() else {
        return vec![Line::from("Nothing selected")];
    };
    let p = &app.plan;
    let bold = |s: String| Line::styled(s, Style::default().add_modifier(Modifier::BOLD));
    let kind = p.kind_of(&id).unwrap_or(Kind::Goal);
    let mut out = vec![bold(format!(
        "{} `{}`",
        capitalised(kind.noun()),
        sanitize(&id)
    ))];
    out.push(Line::from(sanitize(
        &super::super::update::item_text(p, &id).unwrap_or_default(),
    )));
    if kind == Kind::Goal && !p.goal.impact_evidence.is_empty() {
        out.push(Line::from(format!(
            "Evidence of long-term impact: {}",
            sanitize(&p.goal.impact_evidence)
        )));
    }
    let serves = serves_of(p, &id);
    if !serves.is_empty() {
        out.push(bold("Serves".into()));
        out.extend(
            serves
                .iter()
                .map(|s| Line::from(format!("  → {}", label(p, s)))),
        );
    }
    let by = served_by(p, &id);
    if !by.is_empty() {
        out.push(bold("Served by".into()));
        out.extend(
            by.iter()
                .map(|s| Line::from(format!("  ← {}", label(p, s)))),
        );
    }
    if let Some(a) = p.activities.iter().find(|a| a.id == id) {
        if !a.resources.is_empty() {
            out.push(bold("Resources".into()));
            out.extend(
                a.resources
                    .iter()
                    .map(|r| Line::from(format!("  · {}", sanitize(r)))),
            );
        }
        if !a.barrier.is_empty() {
            out.push(Line::from(format!("Barrier: {}", sanitize(&a.barrier))));
        }
        if let Some(r) = &a.responsible {
            let who = p
                .stakeholders
                .iter()
                .find(|s| &s.id == r)
                .map_or(r.clone(), |s| format!("{} ({})", s.name, s.group.as_str()));
            out.push(Line::from(format!("Responsible: {}", sanitize(&who))));
        }
    }
    let measures: Vec<_> = p.measures.iter().filter(|m| m.outcome == id).collect();
    if !measures.is_empty() {
        out.push(bold("Measures".into()));
        for m in measures {
            let text = app
                .fw
                .indicator(&m.indicator)
                .map_or(m.indicator.clone(), |i| i.text.clone());
            out.push(Line::from(format!("  · {}", sanitize(&text))));
            let fmt = |n: Option<crate::plan::Number>| n.map_or("-".to_string(), |n| n.to_string());
            let date = m.target_date.map_or(String::new(), |d| format!(" by {d}"));
            out.push(Line::from(format!(
                "    baseline {} → target {}{date}",
                fmt(m.baseline),
                fmt(m.target)
            )));
        }
    }
    let assumptions: Vec<_> = p
        .assumptions
        .iter()
        .filter(|a| match &a.about {
            About::Item(i) => *i == id,
            About::Link { from, to } => *from == id || *to == id,
        })
        .collect();
    if !assumptions.is_empty() {
        out.push(bold("Assumptions".into()));
        for a in assumptions {
            let on = match &a.about {
                About::Item(_) => String::new(),
                About::Link { from, to } => format!(" (on {} → {})", sanitize(from), sanitize(to)),
            };
            out.push(Line::from(format!("  · {}{on}", sanitize(&a.text))));
            for e in p.evidence.iter().filter(|e| e.assumption == a.id) {
                let kind = e.kind.map_or("", |k| k.as_str());
                out.push(Line::from(format!(
                    "    evidence ({kind}): {} [{}]",
                    sanitize(&e.text),
                    sanitize(&e.source)
                )));
            }
        }
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn label(p: &Plan, id: &str) -> String {
    let text = super::super::update::item_text(p, id).unwrap_or_default();
    sanitize(&format!("{id}: {text}"))
}

fn serves_of(p: &Plan, id: &str) -> Vec<String> {
    p.outcomes
        .iter()
        .filter(|o| o.id == id)
        .flat_map(|o| o.serves.clone())
        .chain(
            p.outputs
                .iter()
                .filter(|o| o.id == id)
                .flat_map(|o| o.serves.clone()),
        )
        .chain(
            p.activities
                .iter()
                .filter(|a| a.id == id)
                .flat_map(|a| a.serves.clone()),
        )
        .collect()
}

fn served_by(p: &Plan, id: &str) -> Vec<String> {
    let has = |s: &[String]| s.iter().any(|x| x == id);
    p.outcomes
        .iter()
        .filter(|o| has(&o.serves))
        .map(|o| o.id.clone())
        .chain(
            p.outputs
                .iter()
                .filter(|o| has(&o.serves))
                .map(|o| o.id.clone()),
        )
        .chain(
            p.activities
                .iter()
                .filter(|a| has(&a.serves))
                .map(|a| a.id.clone()),
        )
        .collect()
}

//! An assumption's evidence as the report lists it: what kind it is, whether it supports
//! or contradicts the assumption, its source and its limits; and, for the assumption, what
//! its evidence says taken together (the guide's Step 2: revise an assumption the evidence
//! says otherwise about), in words, so it reads the same printed in black and white.

use super::Names;
use crate::plan::{Plan, Stance};
use crate::report::html::esc;

/// What an assumption's evidence says, taken together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verdict {
    /// No evidence at all.
    NoEvidence,
    /// Every piece says it contradicts the assumption (the review's warning).
    Contradicted,
    /// Some supports it and some contradicts it.
    Mixed,
    /// Nothing contradicts it and something supports it, or no piece says either way.
    Standing,
    /// Every piece is marked untested.
    Untested,
}

pub(super) fn verdict(plan: &Plan, assumption: &str) -> Verdict {
    let stances: Vec<Option<Stance>> = plan
        .evidence
        .iter()
        .filter(|e| e.assumption == assumption)
        .map(|e| e.stance)
        .collect();
    let all = |s: Stance| stances.iter().all(|x| *x == Some(s));
    let any = |s: Stance| stances.contains(&Some(s));
    if stances.is_empty() {
        Verdict::NoEvidence
    } else if all(Stance::Contradicts) {
        Verdict::Contradicted
    } else if any(Stance::Contradicts) {
        Verdict::Mixed
    } else if all(Stance::Untested) {
        Verdict::Untested
    } else {
        Verdict::Standing
    }
}

/// The line after an assumption's text that says what its evidence adds up to, if it
/// is anything a reader should stop at.
pub(super) fn verdict_note(plan: &Plan, assumption: &str) -> &'static str {
    match verdict(plan, assumption) {
        Verdict::Contradicted => {
            " <strong class=\"off verdict\">Contradicted: its only evidence says otherwise, so the assumption needs revising.</strong>"
        }
        Verdict::Mixed => {
            " <strong class=\"verdict\">Mixed evidence: some supports it and some contradicts it.</strong>"
        }
        Verdict::Untested => " <em class=\"verdict\">Not yet tested by its evidence.</em>",
        Verdict::NoEvidence => " <em class=\"verdict\">No evidence yet.</em>",
        Verdict::Standing => "",
    }
}

fn stance(s: Stance) -> &'static str {
    match s {
        Stance::Supports => "<span class=\"ok\">supports it</span>",
        Stance::Contradicts => "<span class=\"off\">contradicts it</span>",
        Stance::Untested => "<span>untested</span>",
    }
}

/// The evidence on an assumption, as a list, with each piece's kind, stance, source and
/// limitations.
pub(super) fn evidence(plan: &Plan, names: &Names, assumption: &str) -> String {
    let items: Vec<String> = plan
        .evidence
        .iter()
        .filter(|e| e.assumption == assumption)
        .map(|e| {
            let about: Vec<&str> = e
                .kind
                .map(|k| k.as_str())
                .into_iter()
                .chain(e.stance.map(stance))
                .collect();
            let mut more = String::new();
            if !e.source.trim().is_empty() {
                more.push_str(&format!(
                    " <em>Source:</em> <span class=\"t\">{}</span>",
                    esc(&e.source)
                ));
            }
            if !e.limitations.trim().is_empty() {
                more.push_str(&format!(
                    " <em>Limitations:</em> <span class=\"t\">{}</span>",
                    esc(&e.limitations)
                ));
            }
            format!(
                "<li {}><strong>Evidence{}:</strong> <span class=\"t\">{}</span>{more}</li>",
                names.at(&e.id),
                if about.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", about.join(", "))
                },
                esc(&e.text),
            )
        })
        .collect();
    if items.is_empty() {
        String::new()
    } else {
        format!("<ul>{}</ul>", items.concat())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{About, Assumption, Evidence};

    fn plan(stances: &[Option<Stance>]) -> Plan {
        let mut p = Plan::new("t");
        p.assumptions.push(Assumption {
            id: "a".into(),
            about: About::Item("goal".into()),
            text: "The barrier is".into(),
            extra: Vec::new(),
            comments: Default::default(),
        });
        for (i, s) in stances.iter().enumerate() {
            p.evidence.push(Evidence {
                id: format!("e{i}"),
                assumption: "a".into(),
                kind: None,
                stance: *s,
                text: "x".into(),
                source: String::new(),
                limitations: String::new(),
                extra: Vec::new(),
                comments: Default::default(),
            });
        }
        p
    }

    #[test]
    fn what_the_evidence_adds_up_to() {
        use Stance::*;
        assert_eq!(verdict(&plan(&[]), "a"), Verdict::NoEvidence);
        assert_eq!(
            verdict(&plan(&[Some(Contradicts)]), "a"),
            Verdict::Contradicted
        );
        assert_eq!(
            verdict(&plan(&[Some(Contradicts), Some(Contradicts)]), "a"),
            Verdict::Contradicted
        );
        assert_eq!(
            verdict(&plan(&[Some(Supports), Some(Contradicts)]), "a"),
            Verdict::Mixed
        );
        // Evidence that says nothing of its stance does not outweigh a contradiction.
        assert_eq!(
            verdict(&plan(&[None, Some(Contradicts)]), "a"),
            Verdict::Mixed
        );
        assert_eq!(
            verdict(&plan(&[Some(Untested), Some(Untested)]), "a"),
            Verdict::Untested
        );
        assert_eq!(
            verdict(&plan(&[Some(Untested), Some(Supports)]), "a"),
            Verdict::Standing
        );
        assert_eq!(verdict(&plan(&[None]), "a"), Verdict::Standing);
        assert!(verdict_note(&plan(&[Some(Contradicts)]), "a").contains("Contradicted"));
        assert_eq!(verdict_note(&plan(&[Some(Supports)]), "a"), "");
    }

    #[test]
    fn each_piece_says_its_kind_stance_source_and_limits() {
        let mut p = plan(&[Some(Stance::Contradicts)]);
        p.evidence[0].kind = Some(crate::plan::EvidenceKind::Mixed);
        p.evidence[0].source = "Survey <2025>".into();
        p.evidence[0].limitations = "One site & small".into();
        let names = Names::new(&p);
        let html = evidence(&p, &names, "a");
        assert!(
            html.contains(
                "<strong>Evidence (mixed, <span class=\"off\">contradicts it</span>):</strong>"
            ),
            "{html}"
        );
        assert!(html.contains("<em>Source:</em> <span class=\"t\">Survey &lt;2025&gt;</span>"));
        assert!(
            html.contains("<em>Limitations:</em> <span class=\"t\">One site &amp; small</span>")
        );
    }
}

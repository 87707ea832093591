//! Writing fields from text, with the checks that keep a plan valid (reading them is
//! `value.rs`).

use super::super::model::*;
use super::super::values::{Date, Number};
use super::{Field, FieldError};
use crate::framework::Framework;

/// "40", "12.5", "40%" (a per cent sign is allowed and dropped); empty clears.
pub fn parse_number(text: &str) -> Result<Option<Number>, FieldError> {
    let t = text.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let Ok(i) = t.parse::<i64>() {
        return Ok(Some(Number::Int(i)));
    }
    let plain = t.chars().all(|c| c.is_ascii_digit() || "+-.eE".contains(c));
    match t.parse::<f64>() {
        Ok(x) if x.is_finite() && plain => Ok(Some(Number::Float(x))),
        _ => Err(FieldError::BadNumber(text.to_string())),
    }
}

impl Plan {
    /// Sets a field from text, checking it; on error the plan is unchanged.
    pub fn set_field(&mut self, f: &Field, text: &str, fw: &Framework) -> Result<(), FieldError> {
        let text = f.shape().kept(text);
        if text.is_empty() && f.required() {
            return Err(FieldError::Empty(f.label()));
        }
        let missing = |id: &String| FieldError::Missing(id.clone());
        match f {
            Field::Title => self.title = text,
            Field::Problem => self.context.problem = text,
            Field::Place => self.context.place = text,
            Field::Start | Field::End => {
                let date = match text.as_str() {
                    "" => None,
                    t => Some(t.parse::<Date>().map_err(FieldError::BadDate)?),
                };
                let (start, end) = match f {
                    Field::Start => (date, self.context.end),
                    _ => (self.context.start, date),
                };
                if let (Some(start), Some(end)) = (start, end)
                    && end < start
                {
                    return Err(FieldError::DateOrder { start, end });
                }
                // `check` rejects a target date before the start: never leave one.
                if let Some(start) = start
                    && let Some(m) = self
                        .measures
                        .iter()
                        .find(|m| m.target_date.is_some_and(|t| t < start))
                    && let Some(target) = m.target_date
                {
                    return Err(FieldError::StartAfterTarget {
                        measure: m.id.clone(),
                        target,
                        start,
                    });
                }
                self.context.start = start;
                self.context.end = end;
            }
            Field::KeyDomains => self.context.key_domains = parse_domains(&text, fw)?,
            Field::Rights => self.context.rights = text,
            Field::GoalText => self.goal.text = text,
            Field::ImpactEvidence => self.goal.impact_evidence = text,
            Field::Text(id) => {
                let slot = self.item_text_mut(id).ok_or_else(|| missing(id))?;
                *slot = text;
            }
            Field::Resources(id) => {
                let a = self.activity_mut(id).ok_or_else(|| missing(id))?;
                // `kept` has trimmed each entry and dropped the blank ones.
                a.resources = text.lines().map(str::to_string).collect();
            }
            Field::Barrier(id) => self.activity_mut(id).ok_or_else(|| missing(id))?.barrier = text,
            Field::Responsible(id) | Field::Partners(id) => {
                let ids = self.stakeholder_ids(&text)?;
                let a = self.activity_mut(id).ok_or_else(|| missing(id))?;
                match f {
                    Field::Responsible(_) => a.responsible = ids,
                    _ => a.partners = ids,
                }
            }
            Field::OutputTarget(id) => {
                let n = parse_number(&text)?;
                self.output_mut(id).ok_or_else(|| missing(id))?.target = n;
            }
            Field::OutputUnit(id) => self.output_mut(id).ok_or_else(|| missing(id))?.unit = text,
            Field::AssumptionText(id) => {
                let a = self.assumptions.iter_mut().find(|a| a.id == *id);
                a.ok_or_else(|| missing(id))?.text = text;
            }
            Field::EvidenceText(id) => {
                self.evidence_mut(id).ok_or_else(|| missing(id))?.text = text
            }
            Field::EvidenceSource(id) => {
                self.evidence_mut(id).ok_or_else(|| missing(id))?.source = text;
            }
            Field::EvidenceKind(id) => {
                let kind = match text.as_str() {
                    "" => None,
                    t => Some(EvidenceKind::parse(t).ok_or(FieldError::BadEvidenceKind(text))?),
                };
                self.evidence_mut(id).ok_or_else(|| missing(id))?.kind = kind;
            }
            Field::EvidenceStance(id) => {
                let stance = match text.as_str() {
                    "" => None,
                    t => Some(Stance::parse(t).ok_or(FieldError::BadStance(text))?),
                };
                self.evidence_mut(id).ok_or_else(|| missing(id))?.stance = stance;
            }
            Field::EvidenceLimitations(id) => {
                self.evidence_mut(id)
                    .ok_or_else(|| missing(id))?
                    .limitations = text;
            }
            Field::StakeholderName(id) => {
                self.stakeholder_mut(id).ok_or_else(|| missing(id))?.name = text
            }
            Field::StakeholderGroup(id) => {
                let g = Group::parse(&text).ok_or(FieldError::BadGroup(text))?;
                self.stakeholder_mut(id).ok_or_else(|| missing(id))?.group = g;
            }
            Field::StakeholderRole(id) => {
                self.stakeholder_mut(id).ok_or_else(|| missing(id))?.role = text
            }
            Field::StakeholderInvolvement(id) => {
                self.stakeholder_mut(id)
                    .ok_or_else(|| missing(id))?
                    .involvement = text;
            }
            Field::StakeholderAgreed(id) => {
                let agreed = parse_agreements(&text, fw)?;
                self.stakeholder_mut(id).ok_or_else(|| missing(id))?.agreed = agreed;
            }
            Field::MeasureRationale(id) => {
                self.measure_mut(id).ok_or_else(|| missing(id))?.rationale = text;
            }
            Field::MeasureGroups(id) => {
                let mut groups: Vec<String> = Vec::new();
                for g in text.lines() {
                    if !groups.iter().any(|x| x.eq_ignore_ascii_case(g)) {
                        groups.push(g.to_string());
                    }
                }
                let old =
                    std::mem::take(&mut self.measure_mut(id).ok_or_else(|| missing(id))?.groups);
                self.regroup_readings(id, &old, &groups);
                self.measure_mut(id).ok_or_else(|| missing(id))?.groups = groups;
            }
            Field::MeasureTargetText(id) => {
                self.measure_mut(id).ok_or_else(|| missing(id))?.target_text = text;
            }
            Field::MeasureGap(id) => {
                let gap = match text.to_lowercase().as_str() {
                    "" | "no" | "false" => false,
                    "yes" | "true" => true,
                    _ => return Err(FieldError::BadYesNo(text)),
                };
                self.measure_mut(id).ok_or_else(|| missing(id))?.gap = gap;
            }
            Field::MeasureAnalysis(id) => {
                self.measure_mut(id).ok_or_else(|| missing(id))?.analysis = text;
            }
            Field::MeasureIndicator(id) => {
                if fw.indicator(&text).is_none() {
                    return Err(FieldError::BadIndicator(text));
                }
                self.measure_mut(id).ok_or_else(|| missing(id))?.indicator = text;
            }
            Field::MeasureBaseline(id) | Field::MeasureTarget(id) => {
                let n = parse_number(&text)?;
                let m = self.measure_mut(id).ok_or_else(|| missing(id))?;
                match f {
                    Field::MeasureBaseline(_) => m.baseline = n,
                    _ => m.target = n,
                }
            }
            Field::MeasureTargetDate(id) => {
                let date = match text.as_str() {
                    "" => None,
                    t => Some(t.parse::<Date>().map_err(FieldError::BadDate)?),
                };
                if let (Some(target), Some(start)) = (date, self.context.start)
                    && target < start
                {
                    return Err(FieldError::TargetBeforeStart { target, start });
                }
                self.measure_mut(id).ok_or_else(|| missing(id))?.target_date = date;
            }
            Field::MeasureMethod(id) => {
                self.measure_mut(id).ok_or_else(|| missing(id))?.method = text
            }
            Field::MeasureSample(id) => {
                self.measure_mut(id).ok_or_else(|| missing(id))?.sample = text
            }
            Field::MeasureFrequency(id) => {
                self.measure_mut(id).ok_or_else(|| missing(id))?.frequency = text;
            }
            Field::MeasureCollectedBy(id) => {
                self.measure_mut(id)
                    .ok_or_else(|| missing(id))?
                    .collected_by = text;
            }
        }
        Ok(())
    }

    fn item_text_mut(&mut self, id: &str) -> Option<&mut String> {
        if id == GOAL_ID {
            return Some(&mut self.goal.text);
        }
        let outcome = self.outcomes.iter_mut().find(|o| o.id == id);
        let output = self.outputs.iter_mut().find(|o| o.id == id);
        let activity = self.activities.iter_mut().find(|a| a.id == id);
        outcome
            .map(|o| &mut o.text)
            .or(output.map(|o| &mut o.text))
            .or(activity.map(|a| &mut a.text))
    }

    /// Stakeholders typed one per line, by id or by name (any case), as ids in that order
    /// without repeats; one that is not in the plan is refused, naming those that are.
    fn stakeholder_ids(&self, text: &str) -> Result<Vec<String>, FieldError> {
        let mut out: Vec<String> = Vec::new();
        for line in text.lines() {
            let found = self
                .stakeholders
                .iter()
                .find(|s| s.id == line)
                .or_else(|| {
                    // Names in any case, also beyond ASCII ("CAFÉ VOLUNTEERS").
                    let lower = line.to_lowercase();
                    self.stakeholders
                        .iter()
                        .find(|s| s.name.to_lowercase() == lower || s.id == lower)
                })
                .ok_or_else(|| {
                    let known: Vec<&str> =
                        self.stakeholders.iter().map(|s| s.id.as_str()).collect();
                    let known = if known.is_empty() {
                        "none yet".to_string()
                    } else {
                        known.join(", ")
                    };
                    FieldError::BadStakeholder(line.to_string(), known)
                })?;
            if !out.contains(&found.id) {
                out.push(found.id.clone());
            }
        }
        Ok(out)
    }

    fn output_mut(&mut self, id: &str) -> Option<&mut Output> {
        self.outputs.iter_mut().find(|o| o.id == id)
    }

    fn activity_mut(&mut self, id: &str) -> Option<&mut Activity> {
        self.activities.iter_mut().find(|a| a.id == id)
    }

    fn stakeholder_mut(&mut self, id: &str) -> Option<&mut Stakeholder> {
        self.stakeholders.iter_mut().find(|s| s.id == id)
    }

    fn measure_mut(&mut self, id: &str) -> Option<&mut Measure> {
        self.measures.iter_mut().find(|m| m.id == id)
    }

    fn evidence_mut(&mut self, id: &str) -> Option<&mut Evidence> {
        self.evidence.iter_mut().find(|e| e.id == id)
    }
}

/// "9, 7, social bridges" -> [9, 7, 7] minus repeats -> [9, 7].
fn parse_domains(text: &str, fw: &Framework) -> Result<Vec<u8>, FieldError> {
    let mut out: Vec<u8> = Vec::new();
    for part in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let d = fw
            .find_domain(part)
            .ok_or_else(|| FieldError::BadDomain(part.to_string()))?;
        if !out.contains(&d.number) {
            out.push(d.number);
        }
    }
    Ok(out)
}

/// The five agreements typed one per line, by id, number or name (any case), kept in the
/// guide's order without repeats.
fn parse_agreements(text: &str, fw: &Framework) -> Result<Vec<String>, FieldError> {
    let all = &fw.worksheet.agreements;
    let mut chosen = Vec::new();
    for line in text.lines() {
        let l = line.trim().to_lowercase();
        let found = all
            .iter()
            .find(|a| a.id == l || a.number.to_string() == l || a.name.to_lowercase() == l)
            .ok_or_else(|| {
                let ids: Vec<String> = all
                    .iter()
                    .map(|a| format!("{} {}", a.number, a.id))
                    .collect();
                FieldError::BadAgreement(line.to_string(), ids.join(", "))
            })?;
        chosen.push(found.number);
    }
    Ok(all
        .iter()
        .filter(|a| chosen.contains(&a.number))
        .map(|a| a.id.clone())
        .collect())
}

use serde::Deserialize;
use std::path::Path;

use super::FrameworkError;
use super::error::{check_schema, from_toml};

/// A column of the guide's "Planning for change" table (1 goal ... 4 activities).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Column {
    pub number: u8,
    pub id: String,
    pub name: String,
    pub definition: String,
    pub question: String,
    pub short_question: String,
    pub prompts: Vec<String>,
    pub focus: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Step {
    pub number: u8,
    pub id: String,
    pub name: String,
    pub prompt: String,
    pub detail: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Principle {
    pub number: u8,
    pub id: String,
    pub name: String,
    pub meaning: String,
    pub plan_should_show: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct ReviewReason {
    pub id: String,
    pub reason: String,
    pub grounded_in: String,
    /// The id of the guide's step the rule follows, if it follows one.
    #[serde(default)]
    pub step: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct StakeholderGroup {
    pub id: String,
    pub name: String,
    pub description: String,
    pub examples: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct EvaluationColumn {
    pub number: u8,
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct KeyDomainPrompt {
    pub number: u8,
    pub category: String,
    pub prompt: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct BackwardQuestion {
    pub number: u8,
    pub column: String,
    pub question: String,
}

/// One of the five things to agree with stakeholders.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Agreement {
    pub number: u8,
    pub id: String,
    pub name: String,
    pub prompt: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Numbered {
    pub number: u8,
    pub text: String,
}

/// A piece of the guide's evaluation and data advice, under its topic.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct EvaluationAdvice {
    pub number: u8,
    pub topic: String,
    pub text: String,
}

/// A barrier to using the framework, and a way to plan around it.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Barrier {
    pub number: u8,
    pub id: String,
    pub name: String,
    pub challenge: String,
    pub plan_around: String,
}

/// A word of the guide's vocabulary (goal, outcome ... measure) and what it means.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Concept {
    pub number: u8,
    pub id: String,
    pub name: String,
    pub meaning: String,
}

/// The guide's vocabulary and prompts, which the app's titles, hints and review use.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Worksheet {
    #[serde(rename = "column")]
    pub columns: Vec<Column>,
    #[serde(rename = "key_question")]
    pub key_questions: Vec<Numbered>,
    #[serde(rename = "step")]
    pub steps: Vec<Step>,
    #[serde(rename = "principle")]
    pub principles: Vec<Principle>,
    #[serde(rename = "review_reason")]
    pub review_reasons: Vec<ReviewReason>,
    #[serde(rename = "stakeholder_group")]
    pub stakeholder_groups: Vec<StakeholderGroup>,
    #[serde(rename = "stakeholder_advice")]
    pub stakeholder_advice: Vec<Numbered>,
    #[serde(rename = "evaluation_column")]
    pub evaluation_columns: Vec<EvaluationColumn>,
    #[serde(rename = "key_domain_prompt")]
    pub key_domain_prompts: Vec<KeyDomainPrompt>,
    #[serde(rename = "backward_question")]
    pub backward_questions: Vec<BackwardQuestion>,
    #[serde(rename = "why_it_works")]
    pub why_it_works: Vec<Numbered>,
    #[serde(rename = "agreement")]
    pub agreements: Vec<Agreement>,
    #[serde(rename = "evaluation_advice")]
    pub evaluation_advice: Vec<EvaluationAdvice>,
    #[serde(rename = "barrier")]
    pub barriers: Vec<Barrier>,
    #[serde(rename = "concept")]
    pub concepts: Vec<Concept>,
}

impl Worksheet {
    /// The column with this id ("goal", "intermediate-outcomes", "outputs", "activities").
    pub fn column(&self, id: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.id == id)
    }

    pub fn review_reason(&self, id: &str) -> Option<&ReviewReason> {
        self.review_reasons.iter().find(|r| r.id == id)
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The backward questions of a column ("context" for the plan's context).
    pub fn backward(&self, column: &str) -> impl Iterator<Item = &BackwardQuestion> {
        self.backward_questions
            .iter()
            .filter(move |q| q.column == column)
    }

    /// The evaluation advice on a topic ("planning", "assumptions" ... "analysis").
    pub fn advice_on(&self, topic: &str) -> impl Iterator<Item = &EvaluationAdvice> {
        self.evaluation_advice
            .iter()
            .filter(move |a| a.topic == topic)
    }
}

#[derive(Deserialize)]
struct File {
    schema: Option<i64>,
    #[serde(flatten)]
    worksheet: Worksheet,
}

pub(super) fn parse(text: &str, path: &Path) -> Result<Worksheet, FrameworkError> {
    let file: File = toml::from_str(text).map_err(|e| from_toml(e, text, path))?;
    check_schema(file.schema, path)?;
    Ok(file.worksheet)
}

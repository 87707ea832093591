//! The causal chain's items and who does the work: stakeholders, intermediate outcomes,
//! outputs and activities, each with the ids of what it serves.

use super::super::comments::Comments;
use super::super::values::{Extra, Number};

/// The three groups that share responsibility for integration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Newcomers,
    ReceivingCommunity,
    Institutions,
}

impl Group {
    pub const ALL: [Group; 3] = [
        Group::Newcomers,
        Group::ReceivingCommunity,
        Group::Institutions,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Group::Newcomers => "newcomers",
            Group::ReceivingCommunity => "receiving-community",
            Group::Institutions => "institutions",
        }
    }

    pub fn parse(s: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stakeholder {
    pub id: String,
    pub name: String,
    pub group: Group,
    pub role: String,
    /// How they take part.
    pub involvement: String,
    /// Which of the guide's five agreements (`worksheet.toml`'s `[[agreement]]` ids) they
    /// have agreed to, in the guide's order.
    pub agreed: Vec<String>,
    pub extra: Extra,
    pub comments: Comments,
}

/// A short-term behavioural change that leads to the goal (or to another outcome).
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub id: String,
    pub text: String,
    /// `goal`, or ids of outcomes this one leads to.
    pub serves: Vec<String>,
    pub extra: Extra,
    pub comments: Comments,
}

/// A tangible, usually countable product or service.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    pub id: String,
    pub text: String,
    /// Ids of the outcomes it serves.
    pub serves: Vec<String>,
    /// How many are to be delivered ("48" sessions), counted by readings of the output.
    pub target: Option<Number>,
    /// What is counted: "sessions", "participants".
    pub unit: String,
    pub extra: Extra,
    pub comments: Comments,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: String,
    pub text: String,
    /// Ids of the outputs it serves.
    pub serves: Vec<String>,
    /// Funds, staff, equipment, curriculum, materials.
    pub resources: Vec<String>,
    /// The barrier to integration it acts on.
    pub barrier: String,
    /// Ids of the stakeholders responsible for it (one or more; the guide's shared
    /// responsibility). A file with one writes it as a string, as before.
    pub responsible: Vec<String>,
    /// Ids of stakeholders who take part without being responsible.
    pub partners: Vec<String>,
    pub extra: Extra,
    pub comments: Comments,
}

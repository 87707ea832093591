//! Why the chain should hold: assumptions about an item or a link, and the evidence for
//! (or against) each.

use super::super::comments::Comments;
use super::super::values::Extra;

/// What an assumption is about: one item, or the link from one item to what it serves.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum About {
    Item(String),
    Link { from: String, to: String },
}

/// "The barrier to integration in this case is ..."
#[derive(Debug, Clone, PartialEq)]
pub struct Assumption {
    pub id: String,
    pub about: About,
    pub text: String,
    pub extra: Extra,
    pub comments: Comments,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceKind {
    Qualitative,
    Statistical,
    Mixed,
}

impl EvidenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Qualitative => "qualitative",
            EvidenceKind::Statistical => "statistical",
            EvidenceKind::Mixed => "mixed",
        }
    }

    pub fn parse(s: &str) -> Option<EvidenceKind> {
        match s {
            "qualitative" => Some(EvidenceKind::Qualitative),
            "statistical" => Some(EvidenceKind::Statistical),
            "mixed" => Some(EvidenceKind::Mixed),
            _ => None,
        }
    }
}

/// What the evidence says of its assumption (Step 2: "revise the assumption if the
/// evidence says otherwise").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    Supports,
    Contradicts,
    Untested,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::Supports, Stance::Contradicts, Stance::Untested];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Contradicts => "contradicts",
            Stance::Untested => "untested",
        }
    }

    pub fn parse(s: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub id: String,
    pub assumption: String,
    pub kind: Option<EvidenceKind>,
    pub stance: Option<Stance>,
    pub text: String,
    pub source: String,
    /// What the evidence cannot show (a small sample, one site, self-report).
    pub limitations: String,
    pub extra: Extra,
    pub comments: Comments,
}

//! Why a task or training is in the advice: a code a client can act on, and the text a
//! resident reads (from `data/ranking/texts.json`).
use serde::Serialize;
use utoipa::ToSchema;

macro_rules! reason_codes {
    ($($(#[$m:meta])* $var:ident => $s:tt),+ $(,)?) => {
        /// What a reason is about.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ToSchema)]
        pub enum ReasonCode {
            $($(#[$m])* #[serde(rename = $s)] $var),+
        }
        impl ReasonCode {
            pub const ALL: &'static [ReasonCode] = &[$(ReasonCode::$var),+];
            /// The code as clients see it; also the key of its text where it has one.
            pub fn as_str(self) -> &'static str {
                match self { $(ReasonCode::$var => $s),+ }
            }
        }
    };
}

reason_codes! {
    Interest => "interest",
    Skill => "skill",
    Learn => "learn",
    Motivation => "motivation",
    /// A listed moment that fits, or "you choose when".
    Slot => "slot",
    OnCall => "on_call",
    ByAgreement => "by_agreement",
    Commitment => "commitment",
    Remote => "remote",
    Distance => "distance",
    FirstStep => "first_step",
    Certificate => "certificate",
    Allowance => "allowance",
    Expenses => "expenses",
    WorkExperience => "work_experience",
    Access => "access",
    /// The person's own words are in the task.
    Text => "text",
    /// The desk's search words are in the task.
    Search => "search",
    /// A requirement: a permit the person must hold.
    Permit => "permit",
    /// A requirement: a minimum age.
    MinAge => "min_age",
    TrainingNeeded => "training_needed",
    TrainingUseful => "training_useful",
    Online => "online",
    Free => "free",
    Upcoming => "upcoming",
    /// A training's topics, when nothing more telling can be said.
    Topic => "topic",
    /// A carving's hours in all.
    Hours => "hours",
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Reason {
    pub code: ReasonCode,
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use utoipa::PartialSchema;

    #[test]
    fn codes_serialise_as_documented() {
        let doc = serde_json::to_value(ReasonCode::schema()).unwrap();
        let documented: Vec<String> = serde_json::from_value(doc["enum"].clone()).unwrap();
        let used: Vec<&str> = ReasonCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(documented, used);
        for c in ReasonCode::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
    }
}

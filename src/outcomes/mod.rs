//! Closing the loop: what a match showed (the match log), who wanted to try a task (a
//! response), and what came of it (the organisation's outcomes).
//!
//! The log is what the ranking can learn from, so it keeps what a learner needs and
//! nothing that points at a person: a random match id, the hour, and per shown task its
//! rank, feature values, score and the probability it was shown there. Values tied to the
//! home are in coarse bands (`geo::coarse`). A response holds contact details, so it is
//! personal data: sealed, readable only by the task's organisation, erasable by the
//! resident at once and gone after the retention period. What came of it is copied into
//! the log as a status without the person.
pub mod learn;
pub mod response;

pub use crate::sealed::{random_id, valid_random_id};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::ranking::feature::Feature;
use crate::ranking::MatchOutcome;

pub use response::{
    MismatchReason, NewResponse, OutcomeRequest, ResidentContact, ResponseRecord, Status,
    Transition,
};

/// The format of a logged match; a learner reads `features` by name.
pub const LOG_VERSION: u32 = 1;

/// One match as the log keeps it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LoggedMatch {
    pub version: u32,
    pub match_id: String,
    /// The hour the match was made (RFC 3339, minutes and seconds zero).
    pub hour: String,
    /// The version of the ranking weights that made it.
    pub weights: String,
    /// Whether the order was randomised for learning; then `propensity` says how likely
    /// each task was to be shown where it was.
    pub explored: bool,
    /// The names of the feature values in each shown task, in order.
    pub features: Vec<String>,
    pub shown: Vec<LoggedTask>,
}

/// A shown task in the log, and what came of showing it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LoggedTask {
    pub task_id: String,
    /// 1 = shown first.
    pub rank: u32,
    /// The score the logged values give (not the exact score, which would carry the exact
    /// distance).
    pub score: f64,
    pub propensity: f64,
    /// The distance from the home's grid cell in km bands (`0-1` … `10+`); absent for a
    /// remote task or a person who gave no place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_band: Option<String>,
    /// Feature values (0–1) in the order of `features`; null = not active for this person.
    pub values: Vec<Option<f64>>,
    /// The resident followed the task's own link (`respond_url`).
    #[serde(default)]
    pub clicked: bool,
    /// The resident said "Ik wil dit proberen".
    #[serde(default)]
    pub responded: bool,
    /// What came of the response, as the organisation reported it, with the day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<LoggedOutcome>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct LoggedOutcome {
    pub status: Status,
    /// The day (YYYY-MM-DD).
    pub day: String,
}

/// Two shown tasks whose scores differ by at most this are a near tie: exploration may
/// swap them without showing anyone a clearly worse task first.
pub const NEAR_TIE: f64 = 0.03;

/// Exploration: shuffles each run of near-tied tasks (in the order shown) uniformly at
/// random, so the log sees the same tasks at different ranks and position bias can be
/// measured. Returns, per shown task in its new place, the probability it had of being
/// put there (1 / the size of its run).
pub fn explore(outcome: &mut MatchOutcome, rng: &mut impl rand::Rng) -> Vec<f64> {
    use rand::seq::SliceRandom;
    let n = outcome.tasks.len().min(outcome.evidence.len());
    let mut order: Vec<usize> = (0..n).collect();
    let mut propensity = vec![1.0; n];
    let mut start = 0;
    while start < n {
        let first = outcome.evidence[start].score;
        let mut end = start + 1;
        while end < n && (outcome.evidence[end].score - first).abs() <= NEAR_TIE {
            end += 1;
        }
        order[start..end].shuffle(rng);
        for p in &mut propensity[start..end] {
            *p = 1.0 / (end - start) as f64;
        }
        start = end;
    }
    let tasks = std::mem::take(&mut outcome.tasks);
    let evidence = std::mem::take(&mut outcome.evidence);
    let mut tasks: Vec<Option<_>> = tasks.into_iter().map(Some).collect();
    let mut evidence: Vec<Option<_>> = evidence.into_iter().map(Some).collect();
    for &i in &order {
        if let (Some(t), Some(e)) = (tasks[i].take(), evidence[i].take()) {
            outcome.tasks.push(t);
            outcome.evidence.push(e);
        }
    }
    propensity
}

impl LoggedMatch {
    /// The log entry of a match answer made at `now` by weights `weights`; with
    /// `explored`, the propensity of each shown task (from `explore`).
    pub fn of(
        outcome: &MatchOutcome,
        now: time::OffsetDateTime,
        weights: &str,
        explored: Option<&[f64]>,
    ) -> Self {
        let hour = now
            .replace_minute(0)
            .and_then(|t| t.replace_second(0))
            .and_then(|t| t.replace_nanosecond(0))
            .unwrap_or(now);
        Self {
            version: LOG_VERSION,
            match_id: outcome.match_id.clone(),
            hour: rfc3339(hour),
            weights: weights.to_string(),
            explored: explored.is_some(),
            features: Feature::ALL.iter().map(|f| f.name().to_string()).collect(),
            shown: outcome
                .evidence
                .iter()
                .enumerate()
                .map(|(i, e)| LoggedTask {
                    task_id: e.task_id.clone(),
                    rank: i as u32 + 1,
                    score: round3(e.score),
                    propensity: explored.and_then(|p| p.get(i)).copied().unwrap_or(1.0),
                    distance_band: e.distance_band.map(str::to_string),
                    values: e.values.0.iter().map(|v| v.map(round3)).collect(),
                    clicked: false,
                    responded: false,
                    outcomes: Vec::new(),
                })
                .collect(),
        }
    }

    pub fn shown(&self, task_id: &str) -> Option<&LoggedTask> {
        self.shown.iter().find(|t| t.task_id == task_id)
    }

    pub fn shown_mut(&mut self, task_id: &str) -> Option<&mut LoggedTask> {
        self.shown.iter_mut().find(|t| t.task_id == task_id)
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

pub fn day(t: time::OffsetDateTime) -> String {
    let d = t.date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// What can go wrong with a response or an outcome, by what the caller should hear.
#[derive(Debug, thiserror::Error)]
pub enum OutcomeError {
    #[error("{0}")]
    NotFound(String),
    /// The request cannot be taken; every problem with its pointer.
    #[error("{0}")]
    Invalid(String, Vec<crate::catalog::fields::FieldError>),
    #[error("{0}")]
    Forbidden(String),
    #[error(transparent)]
    Store(#[from] crate::catalog::StoreError),
    #[error("a stored outcome document is not valid: {0}")]
    Corrupt(#[from] serde_json::Error),
}

/// Counters per task, for its organisation: how often the task was shown, its own link
/// followed, responded to, started and (three months on) still active.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TaskStats {
    pub shown: u64,
    pub clicked: u64,
    pub responded: u64,
    pub started: u64,
    pub still_active: u64,
}

impl TaskStats {
    pub fn from_counts(c: [u64; 5]) -> Self {
        Self {
            shown: c[0],
            clicked: c[1],
            responded: c[2],
            started: c[3],
            still_active: c[4],
        }
    }

    /// The counters a status adds when a response reaches it.
    pub fn counts_for(status: Status) -> [u64; 5] {
        match status {
            Status::Started => [0, 0, 0, 1, 0],
            Status::StillActive => [0, 0, 0, 0, 1],
            _ => [0; 5],
        }
    }
}

/// A response as its organisation reads it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ResponseView {
    pub id: String,
    pub task_id: String,
    pub task_title: Option<String>,
    pub contact: ResidentContact,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    pub recorded_by: response::RecordedBy,
    pub created_at: String,
    pub expires_at: String,
    pub status: Status,
    pub history: Vec<Transition>,
}

/// What the resident gets back: the erase token is shown this once and never stored.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ResponseReceipt {
    pub id: String,
    pub task_id: String,
    pub status: Status,
    pub expires_at: String,
    /// Keep it: `DELETE /v1/responses/{id}` with header `Erase-Token` erases the response
    /// at once. The service keeps only a hash of it.
    pub erase_token: String,
}

/// The part of a response that is sealed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SealedPart {
    pub contact: ResidentContact,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

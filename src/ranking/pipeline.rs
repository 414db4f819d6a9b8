//! One match, start to end: the stages of `Matcher` in order, over one catalog version.
//!
//! candidates and first phase (columns) → text relevance (the index) → second phase →
//! diversity → the shown tasks with reasons → trainings → notices. The HTTP layer and the
//! benchmarks call `Matcher::run`; nothing here knows HTTP.
use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;
use thiserror::Error;
use utoipa::ToSchema;

use super::feature::Feature;
use super::features::FeatureValues;
use super::{Ask, Matcher, Notice, Query, Snapshot, TaskMatch, TextScores, TrainingMatch};
use crate::catalog::model::{Kind, Task};
use crate::persona::Persona;
use crate::search::{SearchError, SearchIndex};

#[derive(Debug, Error)]
pub enum RankingError {
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error(transparent)]
    Config(#[from] super::config::ConfigError),
    #[error(
        "the matcher supports at most 64 categories and 128 skills, not {categories} and {skills}"
    )]
    TooBig { categories: usize, skills: usize },
}

/// Where the shown tasks' full records come from (the store, through its cache): the
/// columns hold only what ranking reads.
pub trait TaskSource {
    fn task(&self, id: &str) -> Option<Arc<Task>>;
}

/// The answer of a match.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = MatchResponse)]
pub struct MatchOutcome {
    /// A random id for this answer: a response to one of its tasks names it
    /// (`POST /v1/responses`). Nothing about the person can be derived from it.
    pub match_id: String,
    pub persona: Persona,
    pub tasks: Vec<TaskMatch>,
    pub trainings: Vec<TrainingMatch>,
    pub notices: Vec<Notice>,
    /// How many tasks passed every hard constraint.
    pub feasible_tasks: usize,
    /// What the match log may keep of each shown task, in the order shown.
    #[serde(skip)]
    pub evidence: Vec<Evidence>,
}

/// A shown task as the match log keeps it: the feature values with the distance only as
/// a band from the home's grid cell (`geo::coarse`), and the score those values give.
/// Nothing in it places the resident closer than that cell.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub task_id: String,
    /// `None` for a remote task or a person who gave no place.
    pub distance_band: Option<&'static str>,
    pub values: FeatureValues,
    pub score: f64,
}

impl Matcher {
    /// The whole match for one persona on one catalog version.
    pub fn run(
        &self,
        snap: &Snapshot,
        index: &SearchIndex,
        source: &dyn TaskSource,
        persona: Persona,
        q: &Query,
    ) -> Result<MatchOutcome, RankingError> {
        let p = self.prepare(&persona, q);
        let telling = q
            .words
            .as_deref()
            .map(|w| index.telling_words(w))
            .unwrap_or_default();
        let text: Option<TextScores> = match &q.words {
            Some(w) => Some(self.text_relevance(&snap.tasks, index, w, &p)?),
            None => None,
        };
        let (rows, feasible) =
            self.rank_rows_counted(&snap.tasks, &p, text.as_ref(), q.limit_tasks);
        let ask = Ask {
            persona: &persona,
            prepared: &p,
            query: q,
            telling: &telling,
        };
        let mut tasks = Vec::with_capacity(rows.len());
        let mut full: Vec<Arc<Task>> = Vec::with_capacity(rows.len());
        let mut evidence = Vec::with_capacity(rows.len());
        for c in &rows {
            let Some(t) = source.task(&snap.tasks.ids[c.row]) else {
                continue;
            };
            let org = snap
                .org_names
                .get(&t.organisation_id)
                .map(String::as_str)
                .unwrap_or_default();
            tasks.push(self.task_match(&t, c, &ask, org));
            evidence.push(self.evidence(&t, c, &p));
            full.push(t);
        }
        let trainings = if q.limit_trainings > 0 {
            let ttext = match &q.words {
                Some(w) => Some(
                    index
                        .relevance(Kind::Trainings, w, 1000)?
                        .into_iter()
                        .collect::<HashMap<u64, f32>>(),
                ),
                None => None,
            };
            self.rank_trainings(&snap.trainings, &ask, &full, ttext.as_ref())
        } else {
            Vec::new()
        };
        let notices = self.notices(&persona, q, tasks.len());
        Ok(MatchOutcome {
            match_id: crate::sealed::random_id(),
            persona,
            tasks,
            trainings,
            notices,
            feasible_tasks: feasible,
            evidence,
        })
    }

    /// The evidence of one shown task: its distance feature recomputed from the middle of
    /// the band, so neither the value nor the score carries the exact distance.
    fn evidence(&self, t: &Task, c: &super::Candidate, p: &super::features::Prepared) -> Evidence {
        let mut values = c.features;
        let band = match (&t.location, p.origin) {
            (Some(l), Some(home)) if !t.remote => Some(crate::geo::coarse::band_between(
                home,
                crate::geo::LatLon {
                    lat: l.lat,
                    lon: l.lon,
                },
            )),
            _ => None,
        };
        if let Some(b) = band {
            let km = crate::geo::coarse::band_middle(b).unwrap_or(0.0);
            values[Feature::Distance] = Some((-km / p.scale_km).exp());
        } else if !t.remote {
            values[Feature::Distance] = None;
        }
        Evidence {
            task_id: t.id.clone(),
            distance_band: band,
            values,
            score: super::features::combine(&values, &self.task_w),
        }
    }
}

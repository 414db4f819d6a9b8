//! `POST /v1/matches`: a persona from a stored scan, an inline persona or inline answers,
//! ranked against the catalog.
use std::sync::Arc;

use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::body;
use super::errors::{ApiError, Problem};
use super::source::{self, PersonaSource, Sourced};
use crate::catalog::fields::FieldError;
use crate::persona::{HoursPerWeek, Persona, RadiusKm};
use crate::ranking::{MatchOutcome, Query};
use crate::state::AppState;
use crate::taxonomy::{Lang, Slot};

pub const MAX_TASKS: usize = 50;
pub const MAX_TRAININGS: usize = 20;

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MatchLimit {
    /// 1–50, default 10.
    #[schema(minimum = 1, maximum = 50)]
    pub tasks: Option<usize>,
    /// 0–20, default 5.
    #[schema(maximum = 20)]
    pub trainings: Option<usize>,
}

/// What-if changes on top of the persona (filters the person changes on the spot).
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    #[schema(value_type = Option<f64>)]
    pub radius_km: Option<RadiusKm>,
    #[schema(value_type = Option<Vec<String>>)]
    pub slots: Option<Vec<Slot>>,
    #[schema(value_type = Option<f64>)]
    pub hours_per_week: Option<HoursPerWeek>,
    /// Only these categories.
    pub categories: Option<Vec<String>>,
    /// Words to search for.
    pub q: Option<String>,
}

/// Body of `POST /v1/matches`: exactly one of `scan_id`, `persona` or `questionnaire` + `answers`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MatchRequest {
    pub scan_id: Option<String>,
    pub persona: Option<Persona>,
    pub questionnaire: Option<String>,
    pub version: Option<u32>,
    #[schema(value_type = Option<Object>)]
    pub answers: Option<serde_json::Map<String, Value>>,
    pub limit: Option<MatchLimit>,
    pub overrides: Option<Overrides>,
    /// `nl` (default) or `en`.
    pub lang: Option<Lang>,
    /// Add each score's per-feature contributions.
    pub explain: Option<bool>,
}

impl Sourced for MatchRequest {
    fn source(&mut self) -> PersonaSource {
        source::source_of!(self)
    }
    fn lang(&self) -> Option<Lang> {
        self.lang
    }
    fn check(&self, state: &AppState, errors: &mut Vec<FieldError>) {
        let limit = self.limit.as_ref();
        if limit
            .and_then(|l| l.tasks)
            .is_some_and(|t| !(1..=MAX_TASKS).contains(&t))
        {
            errors.push(FieldError::new("/limit/tasks", "1 to 50"));
        }
        if limit
            .and_then(|l| l.trainings)
            .is_some_and(|t| t > MAX_TRAININGS)
        {
            errors.push(FieldError::new("/limit/trainings", "0 to 20"));
        }
        let Some(o) = &self.overrides else { return };
        for (i, c) in o.categories.iter().flatten().enumerate() {
            if !state.taxonomies.categories.contains(c) {
                errors.push(FieldError::new(
                    format!("/overrides/categories/{i}"),
                    "unknown category id",
                ));
            }
        }
        if o.q.as_deref().is_some_and(|q| q.chars().count() > 200) {
            errors.push(FieldError::new("/overrides/q", "at most 200 characters"));
        }
    }
}

/// Ranked tasks and trainings for a persona, with reasons and notices.
#[utoipa::path(post, path = "/v1/matches", tag = "Matching", request_body = MatchRequest,
    responses((status = 200, description = "Ranked tasks and trainings with reasons", body = MatchOutcome),
              (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "Unknown scan or questionnaire", body = Problem, content_type = "application/problem+json"),
              (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Invalid request, every problem with a JSON pointer", body = Problem, content_type = "application/problem+json")))]
pub async fn create_match(
    state: web::Data<Arc<AppState>>,
    req: HttpRequest,
    bytes: Bytes,
) -> Result<HttpResponse, ApiError> {
    let v = body::json(&req, &bytes)?;
    let (r, mut persona, lang) = source::read::<MatchRequest>(&state, &v).await?;
    let lt = r.limit.as_ref().and_then(|l| l.tasks).unwrap_or(10);
    let ltr = r.limit.as_ref().and_then(|l| l.trainings).unwrap_or(5);
    let explain = r.explain.unwrap_or(false);
    let overrides = r.overrides.unwrap_or_default();
    if let Some(r) = overrides.radius_km {
        persona.travel.radius_km = Some(r);
    }
    if let Some(s) = overrides.slots.clone() {
        persona.availability.slots = s;
    }
    if let Some(h) = overrides.hours_per_week {
        persona.availability.hours_per_week = Some(h);
    }
    // Only the words that say what the person means: "graag" or "mensen" would lift
    // every task that happens to contain them.
    let search = overrides.q.as_deref().filter(|q| !q.trim().is_empty());
    let words = search
        .or(persona.words.as_deref())
        .and_then(crate::search::content_words);
    let q = Query {
        limit_tasks: lt,
        limit_trainings: ltr,
        categories: overrides.categories.clone(),
        words,
        words_are_search: search.is_some(),
        lang,
        explain,
        now: state.now(),
    };
    let mut resp = if state.snapshot().tasks.len() <= INLINE_MATCH_MAX_TASKS {
        // Contained as on the blocking pool: a bug answers 500, it does not take down
        // the worker and its other connections.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_match(&state, persona, &q)
        }))
        .map_err(|_| ApiError::internal("the match panicked"))??
    } else {
        let st = state.clone();
        web::block(move || run_match(&st, persona, &q))
            .await
            .map_err(ApiError::from)??
    };
    // A course announced near a resident who asked to hear of one (`state::groups`).
    if let Some(id) = v
        .get("scan_id")
        .and_then(Value::as_str)
        .and_then(crate::sealed::ScanId::parse)
    {
        resp.notices
            .extend(state.group_notices(&id.lookup(), lang).await?);
    }
    state.log_match(&mut resp);
    Ok(HttpResponse::Ok().json(resp))
}

/// Up to this many tasks a match runs on the connection's worker: it then takes well
/// under a millisecond (0.2 ms median at 10,000 tasks, benches/RESULTS.md), less than
/// the two thread switches of a hop to the blocking pool cost. Bigger catalogs go to
/// the pool so one long match does not hold up the worker's other connections.
const INLINE_MATCH_MAX_TASKS: usize = 25_000;

/// The whole match for a prepared request (blocking: on the blocking pool for big
/// catalogs): the domain's pipeline on the current catalog version.
pub fn run_match(state: &AppState, persona: Persona, q: &Query) -> Result<MatchOutcome, ApiError> {
    let snap = state.snapshot();
    Ok(state
        .matcher()
        .run(&snap, &state.index, state, persona, q)?)
}

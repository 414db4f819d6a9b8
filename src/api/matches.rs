//! `POST /v1/matches`: a persona from a stored scan, an inline persona or inline answers,
//! ranked against the catalog.
use std::sync::Arc;

use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::errors::{ApiError, Problem};
use super::scans::{load_scan, score_request};
use super::{body, envelope};
use crate::catalog::fields::{parse_value, FieldError, Fields};
use crate::persona::*;
use crate::questionnaire::scoring::resolve_place;
use crate::ranking::{MatchOutcome, Query};
use crate::state::AppState;
use crate::taxonomy::{Lang, Slot};

pub const MAX_TASKS: usize = 50;
pub const MAX_TRAININGS: usize = 20;

#[derive(Debug, Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct MatchLimit {
    /// 1–50, default 10.
    tasks: Option<usize>,
    /// 0–20, default 5.
    trainings: Option<usize>,
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
#[allow(dead_code)]
pub struct MatchRequest {
    scan_id: Option<String>,
    persona: Option<Persona>,
    questionnaire: Option<String>,
    version: Option<u32>,
    #[schema(value_type = Option<Object>)]
    answers: Option<serde_json::Map<String, Value>>,
    limit: Option<MatchLimit>,
    overrides: Option<Overrides>,
    /// `nl` (default) or `en`.
    lang: Option<String>,
    /// Add each score's per-feature contributions.
    explain: Option<bool>,
}

/// Parses an inline persona, reporting every problem; fills in coordinates from a
/// postcode or wijk.
pub fn parse_persona(state: &AppState, v: &Value, base: &str) -> Result<Persona, Vec<FieldError>> {
    let mut f = Fields::new(v, base);
    if !f.is_object() {
        return Err(f.finish());
    }
    let mut p = Persona::default();
    macro_rules! section {
        ($name:literal, $field:ident) => {
            if let Some(x) = f.opt($name) {
                p.$field = x;
            }
        };
    }
    section!("kkwz", kkwz);
    section!("kkwz_explanation", kkwz_explanation);
    section!("archetype", archetype);
    section!("interests", interests);
    section!("skills", skills);
    section!("learning_goals", learning_goals);
    section!("motivations", motivations);
    section!("availability", availability);
    section!("travel", travel);
    section!("work_goal", work_goal);
    section!("needs", needs);
    section!("constraints", constraints);
    section!("situation", situation);
    section!("words", words);
    let tax = &state.taxonomies;
    for c in p.interests.keys() {
        if !tax.categories.contains(c) {
            f.err_at(
                format!("{base}/interests/{}", crate::catalog::fields::escape(c)),
                "unknown category id; see /v1/taxonomies",
            );
        }
    }
    for (name, list) in [("skills", &p.skills), ("learning_goals", &p.learning_goals)] {
        for (i, s) in list.iter().enumerate() {
            if !tax.skills.contains(s) {
                f.err_at(
                    format!("{base}/{name}/{i}"),
                    "unknown skill id; see /v1/taxonomies",
                );
            }
        }
    }
    if p.words.as_deref().is_some_and(|w| w.chars().count() > 500) {
        f.err("words", "at most 500 characters");
    }
    if let Some(o) = p.travel.origin.as_mut() {
        let pb = format!("{base}/travel/origin");
        match (o.lat, o.lon) {
            (Some(lat), Some(lon)) => {
                if !crate::geo::in_netherlands(lat, lon) {
                    f.err_at(
                        format!("{pb}/lat"),
                        "coordinates are outside the Netherlands",
                    );
                }
            }
            (None, None) => {
                let key = o.postcode.clone().or(o.wijk.clone());
                match key.as_deref().and_then(|k| resolve_place(&state.places, k)) {
                    Some(r) => *o = Origin { postcode: o.postcode.clone().or(r.postcode), wijk: r.wijk.or(o.wijk.clone()), lat: r.lat, lon: r.lon },
                    None if key.is_none() => p.travel.origin = None,
                    None => f.err_at(pb, "unknown postcode or wijk: give a Den Haag postcode (4 digits), a wijk name, or lat and lon"),
                }
            }
            _ => f.err_at(pb, "give both lat and lon"),
        }
    }
    let errs = f.finish();
    if errs.is_empty() {
        Ok(p)
    } else {
        Err(errs)
    }
}

/// The persona of a request: from `scan_id`, `persona` or `questionnaire` + `answers`.
/// Problems are added to `errors`; unknown scans and questionnaires are 404 at once.
pub fn persona_source(
    state: &AppState,
    obj: &serde_json::Map<String, Value>,
    v: &Value,
    sources: usize,
    lang: Option<Lang>,
    errors: &mut Vec<FieldError>,
) -> Result<(Option<Persona>, Option<Lang>), ApiError> {
    let mut persona = None;
    let mut lang = lang;
    if sources == 1 {
        if let Some(id) = obj.get("scan_id").filter(|x| !x.is_null()) {
            match id.as_str() {
                Some(id) if errors.is_empty() => {
                    let s = load_scan(state, id)?;
                    lang = lang.or(Some(s.lang));
                    persona = Some(s.persona);
                }
                Some(_) => {}
                None => errors.push(FieldError::new("/scan_id", "must be a string")),
            }
        } else if let Some(pv) = obj.get("persona").filter(|x| !x.is_null()) {
            match parse_persona(state, pv, "/persona") {
                Ok(p) => persona = Some(p),
                Err(e) => errors.extend(e),
            }
        } else if errors.is_empty() {
            if obj.get("questionnaire").is_none() {
                errors.push(FieldError::new(
                    "/questionnaire",
                    "is required with answers",
                ));
            } else {
                let (scored, _, _, l) = score_request(state, v, "")?;
                lang = lang.or(Some(l));
                persona = Some(scored.persona);
            }
        }
    }
    Ok((persona, lang))
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
    let Some(obj) = v.as_object() else {
        return Err(ApiError::Unprocessable(
            "the request is not valid".into(),
            vec![FieldError::new("", "must be a JSON object")],
        ));
    };
    let mut errors = envelope::unknown_fields::<MatchRequest>(obj);
    let (sources, problem) = envelope::one_persona_source(obj);
    errors.extend(problem);
    let mut f = Fields::new(&v, "");
    let lang = envelope::lang(&mut f);
    let explain: bool = f.or_default("explain");
    let (mut lt, mut ltr) = (10usize, 5usize);
    if let Some(l) = f.raw("limit") {
        match parse_value::<MatchLimit>(l, "/limit") {
            Ok(m) => {
                if let Some(t) = m.tasks {
                    if (1..=MAX_TASKS).contains(&t) {
                        lt = t
                    } else {
                        f.err_at("/limit/tasks".into(), "1 to 50")
                    }
                }
                if let Some(t) = m.trainings {
                    if t <= MAX_TRAININGS {
                        ltr = t
                    } else {
                        f.err_at("/limit/trainings".into(), "0 to 20")
                    }
                }
            }
            Err(e) => f.errors.push(e),
        }
    }
    let overrides: Overrides = match f.raw("overrides") {
        Some(o) => match parse_value::<Overrides>(o, "/overrides") {
            Ok(o) => o,
            Err(e) => {
                f.errors.push(e);
                Overrides::default()
            }
        },
        None => Overrides::default(),
    };
    if let Some(cats) = &overrides.categories {
        for (i, c) in cats.iter().enumerate() {
            if !state.taxonomies.categories.contains(c) {
                f.err_at(format!("/overrides/categories/{i}"), "unknown category id");
            }
        }
    }
    if overrides
        .q
        .as_deref()
        .is_some_and(|q| q.chars().count() > 200)
    {
        f.err_at("/overrides/q".into(), "at most 200 characters");
    }
    errors.extend(f.finish());
    let (persona, lang) = persona_source(&state, obj, &v, sources, lang, &mut errors)?;
    if !errors.is_empty() {
        return Err(ApiError::Unprocessable(
            format!("{} problem(s) in the request", errors.len()),
            errors,
        ));
    }
    let mut persona = persona.ok_or_else(|| ApiError::Internal("no persona".into()))?;
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
        lang: lang.unwrap_or_default(),
        explain,
        now: state.now(),
    };
    let resp = if state.snapshot().tasks.len() <= INLINE_MATCH_MAX_TASKS {
        // Contained as on the blocking pool: a bug answers 500, it does not take down
        // the worker and its other connections.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_match(&state, persona, &q)
        }))
        .map_err(|_| ApiError::Internal("the match panicked".into()))??
    } else {
        let st = state.clone();
        web::block(move || run_match(&st, persona, &q))
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))??
    };
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
    Ok(state.matcher.run(&snap, &state.index, state, persona, q)?)
}

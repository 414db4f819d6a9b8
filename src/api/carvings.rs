//! Job carving over HTTP: a role (or all roles of an organisation) carved for one person,
//! or split over a small team.
use std::sync::Arc;

use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::errors::{ApiError, Problem};
use super::source::{self, PersonaSource, Sourced};
use super::{body, envelope};
use crate::carving::{
    team_split, CarveError, Carver, ComponentOut, Proposal, TeamPlan, Uncovered, DEFAULT_BUDGET,
};
use crate::catalog::fields::FieldError;
use crate::catalog::model::{Kind, Role, Task};
use crate::persona::{HoursPerWeek, Persona, RadiusKm};

/// The smallest hours budget a carving can use: half an hour a week.
const MIN_BUDGET: f64 = 0.5;
use crate::search::Filters;
use crate::state::AppState;
use crate::taxonomy::{Lang, Slot};

/// Body of `POST /v1/carvings`: one persona source, a `role_id` or `organisation_id`, and
/// optional overrides.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CarvingRequest {
    pub scan_id: Option<String>,
    pub persona: Option<Persona>,
    pub questionnaire: Option<String>,
    pub version: Option<u32>,
    #[schema(value_type = Option<Object>)]
    pub answers: Option<serde_json::Map<String, Value>>,
    pub role_id: Option<String>,
    pub organisation_id: Option<String>,
    /// Hours budget, 0.5 to 80; default the persona's hours (4 when unknown).
    #[schema(minimum = 0.5, maximum = 80)]
    pub max_hours_per_week: Option<f64>,
    #[schema(value_type = Option<Vec<String>>)]
    pub slots: Option<Vec<Slot>>,
    /// Travel distance in km instead of the persona's (a what-if at the desk).
    #[schema(value_type = Option<f64>, minimum = 0.1, maximum = 100)]
    pub radius_km: Option<RadiusKm>,
    pub must_include: Option<Vec<String>>,
    /// `nl` (default) or `en`.
    pub lang: Option<Lang>,
}

/// What is carved: one role, or every role of an organisation.
enum Target {
    Role(String),
    Organisation(String),
}

impl CarvingRequest {
    /// The one role or organisation to carve.
    fn target(&self) -> Option<Target> {
        match (&self.role_id, &self.organisation_id) {
            (Some(r), None) => Some(Target::Role(r.clone())),
            (None, Some(o)) => Some(Target::Organisation(o.clone())),
            _ => None,
        }
    }
}

impl Sourced for CarvingRequest {
    fn source(&mut self) -> PersonaSource {
        source::source_of!(self)
    }
    fn lang(&self) -> Option<Lang> {
        self.lang
    }
    fn check(&self, _: &AppState, errors: &mut Vec<FieldError>) {
        if self
            .max_hours_per_week
            .is_some_and(|h| !(MIN_BUDGET..=HoursPerWeek::MAX).contains(&h))
        {
            errors.push(FieldError::new(
                "/max_hours_per_week",
                format!(
                    "must be between {MIN_BUDGET} and {} hours a week",
                    HoursPerWeek::MAX
                ),
            ));
        }
        if self.target().is_none() {
            errors.push(FieldError::new(
                "/role_id",
                "give a role_id or an organisation_id (one of them)",
            ));
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CarvingResponse {
    pub persona: Persona,
    pub budget_hours: f64,
    pub proposals: Vec<Proposal>,
    /// When there is no proposal: each component of the role and why it cannot be
    /// taken, so the desk can say what to change (more hours, other moments, further).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub uncovered: Vec<Uncovered>,
}

/// Components of a role, from the index (by role id) and the store.
pub fn components(state: &AppState, role_id: &str) -> Result<Vec<Task>, ApiError> {
    let f = Filters {
        role: Some(role_id.to_string()),
        ..Default::default()
    };
    let (hits, _) = state.index.search(Kind::Tasks, &f, 1000)?;
    let mut out: Vec<Task> = hits
        .iter()
        .filter_map(|(id, _)| state.get_task(id).map(|t| (*t).clone()))
        .filter(|t| t.role_id.as_deref() == Some(role_id))
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

fn load_role(state: &AppState, id: &str) -> Result<Option<Role>, ApiError> {
    Ok(state
        .store
        .get(Kind::Roles, id)?
        .and_then(|v| serde_json::from_value(v).ok()))
}

fn roles_of(state: &AppState, org: &str) -> Result<Vec<Role>, ApiError> {
    let mut out = Vec::new();
    for r in state.store.iter(Kind::Roles)? {
        let (_, v) = r?;
        if let Ok(role) = serde_json::from_value::<Role>(v) {
            if role.organisation_id == org {
                out.push(role);
            }
        }
    }
    Ok(out)
}

fn query(lang: Lang, now: time::OffsetDateTime) -> crate::ranking::Query {
    crate::ranking::Query {
        limit_tasks: 10,
        limit_trainings: 0,
        categories: None,
        words: None,
        words_are_search: false,
        lang,
        explain: false,
        now,
    }
}

/// Carve a role for one person: up to three meaningfully different bundles.
#[utoipa::path(post, path = "/v1/carvings", tag = "Job carving", request_body = CarvingRequest,
    responses((status = 200, description = "Up to three proposals", body = CarvingResponse),
              (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "Unknown role, organisation, scan or questionnaire", body = Problem, content_type = "application/problem+json"),
              (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Invalid request, or must_include cannot be honoured (the detail says why)", body = Problem, content_type = "application/problem+json")))]
pub async fn create_carving(
    state: web::Data<Arc<AppState>>,
    req: HttpRequest,
    bytes: Bytes,
) -> Result<HttpResponse, ApiError> {
    let v = body::json(&req, &bytes)?;
    let (r, mut persona, lang) = source::read::<CarvingRequest>(&state, &v).await?;
    let target = r.target().ok_or_else(|| ApiError::internal("no target"))?;
    if let Some(s) = r.slots {
        persona.availability.slots = s;
    }
    if r.radius_km.is_some() {
        persona.travel.radius_km = r.radius_km;
    }
    let must = r.must_include.unwrap_or_default();
    let max_hours = r.max_hours_per_week;
    let budget = max_hours
        .or(persona.availability.hours_per_week.map(|h| h.get()))
        .unwrap_or(DEFAULT_BUDGET);
    let roles: Vec<Role> =
        match &target {
            Target::Role(r) => vec![load_role(&state, r)?
                .ok_or_else(|| ApiError::NotFound(format!("no role {r:?}")))?],
            Target::Organisation(o) => {
                if !state.store.contains(Kind::Organisations, o)? {
                    return Err(ApiError::NotFound(format!("no organisation {o:?}")));
                }
                roles_of(&state, o)?
            }
        };
    let one_role = matches!(target, Target::Role(_));
    let q = query(lang, state.now());
    let snap = state.snapshot();
    let matcher = state.matcher();
    let carver = Carver {
        matcher: &matcher,
        trainings: &snap.trainings,
    };
    let p = matcher.prepare(&persona, &q);
    let mut all: Vec<Proposal> = Vec::new();
    // Each role's components, read once: they also say why nothing fits.
    let role_components: Vec<Vec<Task>> = roles
        .iter()
        .map(|role| components(&state, &role.id))
        .collect::<Result<_, _>>()?;
    for (role, comps) in roles.iter().zip(&role_components) {
        let must_here: Vec<String> = if one_role {
            must.clone()
        } else {
            must.iter()
                .filter(|m| comps.iter().any(|c| &c.id == *m))
                .cloned()
                .collect()
        };
        match carver.carve(&persona, &p, &role.id, comps, budget, &must_here, &q) {
            Ok(ps) => all.extend(ps),
            Err(e) => {
                let (ptr, msg) = match e {
                    CarveError::NotInRole(k) => (
                        format!("/must_include/{k}"),
                        "is not a component of this role".to_string(),
                    ),
                    CarveError::Infeasible(k, why) => (
                        format!("/must_include/{k}"),
                        format!("cannot be included for this person: {why}"),
                    ),
                    CarveError::OverBudget(h, b) => (
                        "/must_include".to_string(),
                        format!(
                            "these components take {h} hours a week, more than the budget of {b}"
                        ),
                    ),
                };
                if one_role {
                    return Err(ApiError::Unprocessable(
                        "must_include cannot be honoured".into(),
                        vec![FieldError::new(ptr, msg)],
                    ));
                }
            }
        }
    }
    all.sort_by(|a, b| {
        b.fit
            .total_cmp(&a.fit)
            .then_with(|| a.role_id.cmp(&b.role_id))
    });
    if !one_role {
        // Across roles: the best proposal of each role first, then the rest.
        let mut seen = std::collections::HashSet::new();
        let (firsts, rest): (Vec<_>, Vec<_>) = all
            .into_iter()
            .partition(|p| seen.insert(p.role_id.clone()));
        all = firsts.into_iter().chain(rest).collect();
    }
    all.truncate(3);
    let uncovered = if all.is_empty() {
        let mut why = Vec::new();
        for comps in &role_components {
            let (fit, mut out) = carver.candidates(&p, comps, lang);
            for c in fit {
                let h = c.task.schedule.hours_per_week;
                if h > budget + 1e-9 {
                    out.push(crate::carving::uncovered_task(
                        c.task,
                        "over_budget",
                        &crate::carving::over_budget(&state.matcher().texts, h, lang),
                    ));
                }
            }
            why.extend(out);
        }
        why
    } else {
        Vec::new()
    };
    Ok(HttpResponse::Ok().json(CarvingResponse {
        persona,
        budget_hours: budget,
        proposals: all,
        uncovered,
    }))
}

/// Body of `POST /v1/carvings/team`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamRequest {
    pub role_id: String,
    /// 2–6 people: each a persona object, or `{"scan_id": …}`.
    #[schema(value_type = Vec<Object>, min_items = 2, max_items = 6)]
    pub personas: Vec<Value>,
    /// `nl` (default) or `en`.
    pub lang: Option<Lang>,
}

/// Split all components of a role over 2–6 people.
#[utoipa::path(post, path = "/v1/carvings/team", tag = "Job carving", request_body = TeamRequest,
    responses((status = 200, description = "Who takes which component, and what no one can take", body = TeamPlan),
              (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "Unknown role or scan", body = Problem, content_type = "application/problem+json"),
              (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Invalid request", body = Problem, content_type = "application/problem+json")))]
pub async fn create_team_carving(
    state: web::Data<Arc<AppState>>,
    req: HttpRequest,
    bytes: Bytes,
) -> Result<HttpResponse, ApiError> {
    let v = body::json(&req, &bytes)?;
    let (r, mut errors) = envelope::parse::<TeamRequest>(&v, "");
    // Each person is checked even when the request misses its role, so one answer lists
    // every problem.
    let people = match &r {
        Some(r) => r.personas.as_slice(),
        None => v
            .get("personas")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice),
    };
    if !(2..=6).contains(&people.len()) && v.get("personas").is_some() {
        errors.push(FieldError::new("/personas", "give 2 to 6 people"));
    }
    let mut personas = Vec::new();
    for (i, pv) in people.iter().enumerate() {
        if let Some(id) = pv.get("scan_id").and_then(|x| x.as_str()) {
            personas.push(super::scans::load_scan(&state, id).await?.persona);
            continue;
        }
        let base = format!("/personas/{i}");
        match envelope::parse::<Persona>(pv, &base) {
            (Some(mut p), mut e) => {
                e.extend(source::complete(&state, &mut p, &base));
                errors.extend(e);
                personas.push(p);
            }
            (None, e) => errors.extend(e),
        }
    }
    envelope::reject(errors)?;
    let r = r.ok_or_else(|| ApiError::internal("no request"))?;
    let (role_id, lang) = (r.role_id, r.lang.unwrap_or_default());
    load_role(&state, &role_id)?
        .ok_or_else(|| ApiError::NotFound(format!("no role {role_id:?}")))?;
    let comps = components(&state, &role_id)?;
    let q = query(lang, state.now());
    let matcher = state.matcher();
    let prepared: Vec<_> = personas.iter().map(|p| matcher.prepare(p, &q)).collect();
    let fits: Vec<Vec<Option<f64>>> = comps
        .iter()
        .map(|t| {
            prepared
                .iter()
                .map(|p| matcher.task_fit(p, t).map(|x| x.0))
                .collect()
        })
        .collect();
    let hours: Vec<f64> = comps.iter().map(|t| t.schedule.hours_per_week).collect();
    let budgets: Vec<f64> = personas
        .iter()
        .map(|p| {
            p.availability
                .hours_per_week
                .map(|h| h.get())
                .unwrap_or(DEFAULT_BUDGET)
        })
        .collect();
    let (assign, total, exact) = web::block(move || team_split(&fits, &hours, &budgets))
        .await
        .map_err(ApiError::from)?;
    let mut assignments = Vec::new();
    for (pi, p) in personas.iter().enumerate() {
        let mine: Vec<&Task> = comps
            .iter()
            .zip(&assign)
            .filter(|(_, a)| **a == Some(pi))
            .map(|(t, _)| t)
            .collect();
        let hrs: f64 = mine.iter().map(|t| t.schedule.hours_per_week).sum();
        let fits: Vec<f64> = mine
            .iter()
            .map(|t| {
                matcher
                    .task_fit(&prepared[pi], t)
                    .map(|x| x.0)
                    .unwrap_or(0.0)
            })
            .collect();
        let fit = if mine.is_empty() {
            0.0
        } else {
            fits.iter().sum::<f64>() / fits.len() as f64
        };
        assignments.push(crate::carving::Assignment {
            person: pi,
            components: mine
                .iter()
                .zip(&fits)
                .map(|(t, f)| ComponentOut {
                    id: t.id.clone(),
                    title: t.title.clone(),
                    hours_per_week: t.schedule.hours_per_week,
                    slots: t.schedule.slots.clone(),
                    essential: t.essential,
                    fit: (f * 1e4).round() / 1e4,
                })
                .collect(),
            hours_per_week: (hrs * 100.0).round() / 100.0,
            budget_hours: p
                .availability
                .hours_per_week
                .map(|h| h.get())
                .unwrap_or(DEFAULT_BUDGET),
            fit: (fit * 1e4).round() / 1e4,
        });
    }
    let no_one = state.matcher().texts.carving("no_one_in_team", lang);
    let uncovered: Vec<Uncovered> = comps
        .iter()
        .zip(&assign)
        .filter(|(_, a)| a.is_none())
        .map(|(t, _)| crate::carving::uncovered_task(t, "no_one_in_team", &no_one))
        .collect();
    Ok(HttpResponse::Ok().json(TeamPlan {
        role_id,
        assignments,
        uncovered,
        total_fit: (total * 1e4).round() / 1e4,
        exact,
    }))
}

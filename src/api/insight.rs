//! `/v1/insight/…`: the anonymous neighbourhood figures, for city and academy staff (an
//! admin key or a key with the `insight` scope).
use std::sync::Arc;

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::body;
use super::errors::{ApiError, Problem};
use crate::auth::Scope;
use crate::catalog::fields::FieldError;
use crate::insight::reach::{Draft, ReachReport};
use crate::insight::NeedsReport;
use crate::state::groups::{Announcement, GroupsReport};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NeedsParams {
    /// A month that is over, `YYYY-MM` (default: the last one). The running month is
    /// never shown: figures that change while someone watches would tell what one new
    /// resident asked for.
    pub month: Option<String>,
}

fn insight_reader(req: &HttpRequest, state: &AppState) -> Result<(), ApiError> {
    match body::authorize(req, state)? {
        Scope::Admin | Scope::Insight => Ok(()),
        _ => Err(ApiError::Forbidden(
            "the neighbourhood figures are read with an admin key or an insight key".into(),
        )),
    }
}

/// A body read into its type; the first problem with its pointer (422).
fn typed<T: serde::de::DeserializeOwned>(v: &serde_json::Value, what: &str) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(v).map_err(|e| {
        let pointer = crate::catalog::fields::inner_pointer(e.path());
        ApiError::Unprocessable(
            what.into(),
            vec![FieldError::new(pointer, e.into_inner().to_string())],
        )
    })
}

/// `month`, or the last month, when it is a month that is over.
fn closed_month(
    state: &AppState,
    month: Option<&str>,
    pointer: &str,
) -> Result<String, FieldError> {
    let now = state.now();
    let current = crate::insight::month_of(now);
    let month = month.map_or_else(|| last_month(now), str::to_string);
    let well_formed = month.len() == 7
        && month.as_bytes()[4] == b'-'
        && month[..4].parse::<u16>().is_ok()
        && month[5..]
            .parse::<u8>()
            .is_ok_and(|m| (1..=12).contains(&m));
    if !well_formed || month >= current {
        return Err(FieldError::new(
            pointer,
            format!("a month before {current}, as YYYY-MM"),
        ));
    }
    Ok(month)
}

/// The month before `now`'s, `YYYY-MM`.
fn last_month(now: time::OffsetDateTime) -> String {
    let (y, m) = (now.year(), u8::from(now.month()));
    if m == 1 {
        format!("{:04}-12", y - 1)
    } else {
        format!("{y:04}-{:02}", m - 1)
    }
}

/// Needs against offer per wijk for one month: how many counted residents ask for each
/// interest, moment, learning goal, work goal and need, and how many tasks within reach
/// offer it. Figures about fewer than k residents (and those that would let one be worked
/// out) are null.
#[utoipa::path(get, path = "/v1/insight/needs", tag = "Insight", params(NeedsParams),
    security(("bearer" = [])),
    responses((status = 200, description = "Needs against offer per wijk", body = NeedsReport),
              (status = 400, description = "Not a month that is over", body = Problem, content_type = "application/problem+json"),
              (status = 401, description = "No valid key", body = Problem, content_type = "application/problem+json"),
              (status = 403, description = "Not an admin or insight key", body = Problem, content_type = "application/problem+json")))]
pub async fn needs(
    state: web::Data<Arc<AppState>>,
    req: HttpRequest,
    q: web::Query<NeedsParams>,
) -> Result<HttpResponse, ApiError> {
    insight_reader(&req, &state)?;
    let month = closed_month(&state, q.month.as_deref(), "month")
        .map_err(|e| ApiError::BadRequest("not a month that is over".into(), vec![e]))?;
    Ok(HttpResponse::Ok().json(state.needs_report(&month).await?))
}

/// Body of `POST /v1/insight/reach`: exactly one of `task_id` and `draft`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReachRequest {
    /// A month that is over, `YYYY-MM` (default: the last one).
    pub month: Option<String>,
    /// A published task.
    pub task_id: Option<String>,
    /// A task being written (job carving, a new vacancy).
    pub draft: Option<Draft>,
}

/// How many counted residents near a task (published or a draft) would pass its hard
/// limits, and which change would reach more of them, each with its count. Computed from
/// the published per-wijk figures only, so no sequence of drafts learns more than those.
/// An admin or insight key for any task; an organisation's key for its own tasks and
/// for drafts.
#[utoipa::path(post, path = "/v1/insight/reach", tag = "Insight", request_body = ReachRequest,
    security(("bearer" = [])),
    responses((status = 200, description = "The reach and the changes that widen it", body = ReachReport),
              (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
              (status = 401, description = "No valid key", body = Problem, content_type = "application/problem+json"),
              (status = 403, description = "Another organisation's task, or a client key", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "No such task", body = Problem, content_type = "application/problem+json"),
              (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Every problem with a JSON pointer", body = Problem, content_type = "application/problem+json")))]
pub async fn reach(
    state: web::Data<Arc<AppState>>,
    req: HttpRequest,
    bytes: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let scope = body::authorize(&req, &state)?;
    let v = body::json(&req, &bytes)?;
    let r: ReachRequest = typed(&v, "not a valid reach request")?;
    let mut errors = Vec::new();
    let month = closed_month(&state, r.month.as_deref(), "/month")
        .map_err(|e| errors.push(e))
        .ok();
    let target = match (&r.task_id, &r.draft) {
        (Some(id), None) => {
            let task = state
                .get_task(id)
                .ok_or_else(|| ApiError::NotFound(format!("no task {id}")))?;
            match &scope {
                Scope::Admin | Scope::Insight => {}
                Scope::Organisation(o) if *o == task.organisation_id => {}
                _ => {
                    return Err(ApiError::Forbidden(
                        "the reach of a published task is for its organisation".into(),
                    ))
                }
            }
            task.location
                .as_ref()
                .map(|l| {
                    (
                        crate::geo::LatLon {
                            lat: l.lat,
                            lon: l.lon,
                        },
                        Draft {
                            place: l.postcode.clone().unwrap_or_else(|| l.wijk.clone()),
                            slots: task.schedule.slots.clone(),
                            hours_per_week: task.schedule.hours_per_week,
                            language_level: Some(task.language_level),
                            intro_meeting: task.onboarding.intro_meeting,
                            wheelchair: task.suitable_for.iter().any(|s| s == "wheelchair"),
                        },
                    )
                })
                .or_else(|| {
                    errors.push(FieldError::new(
                        "/task_id",
                        "a remote task has no neighbourhood",
                    ));
                    None
                })
        }
        (None, Some(d)) => {
            if matches!(scope, Scope::Client(_)) {
                return Err(ApiError::Forbidden("a client key reads no insight".into()));
            }
            if !(d.hours_per_week.is_finite() && d.hours_per_week > 0.0 && d.hours_per_week <= 40.0)
            {
                errors.push(FieldError::new(
                    "/draft/hours_per_week",
                    "more than 0 and at most 40",
                ));
            }
            let at = state
                .places
                .postcode(&d.place)
                .map(|p| crate::geo::LatLon {
                    lat: p.lat,
                    lon: p.lon,
                })
                .or_else(|| state.places.wijk(&d.place).map(crate::geo::Wijk::centre));
            if at.is_none() {
                errors.push(FieldError::new(
                    "/draft/place",
                    "a Den Haag postcode (4 digits) or wijk name",
                ));
            }
            at.map(|at| (at, d.clone()))
        }
        _ => {
            errors.push(FieldError::new("", "give exactly one of task_id and draft"));
            None
        }
    };
    match (month, target) {
        (Some(month), Some((at, draft))) if errors.is_empty() => {
            Ok(HttpResponse::Ok().json(state.reach_report(&month, at, &draft).await?))
        }
        _ => Err(ApiError::Unprocessable(
            "not a valid reach request".into(),
            errors,
        )),
    }
}

/// Training-group proposals for the academy: from the stored scans whose residents asked
/// to hear of a course near them, groups of 6–12 who share a free moment and live within
/// reach of a venue, covering as many residents as possible. Each names topic, moment,
/// venue and size, never people; with the announcements made so far.
#[utoipa::path(get, path = "/v1/insight/training-groups", tag = "Insight",
    security(("bearer" = [])),
    responses((status = 200, description = "Proposals and announcements", body = GroupsReport),
              (status = 401, description = "No valid key", body = Problem, content_type = "application/problem+json"),
              (status = 403, description = "Not an admin or insight key", body = Problem, content_type = "application/problem+json")))]
pub async fn training_groups(
    state: web::Data<Arc<AppState>>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    insight_reader(&req, &state)?;
    Ok(HttpResponse::Ok().json(state.groups_report().await?))
}

/// Body of `POST /v1/insight/training-groups/announcements`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnnounceRequest {
    /// The id of a proposal as `GET /v1/insight/training-groups` gives it now.
    pub proposal_id: String,
}

/// Announces a proposed group: every resident whose kept wish it fits sees a notice in
/// their next match and at the desk, for 90 days or until it is withdrawn.
#[utoipa::path(post, path = "/v1/insight/training-groups/announcements", tag = "Insight",
    request_body = AnnounceRequest, security(("bearer" = [])),
    responses((status = 201, description = "Announced", body = Announcement),
              (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
              (status = 401, description = "No valid key", body = Problem, content_type = "application/problem+json"),
              (status = 403, description = "Not an admin or insight key", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "No such proposal now", body = Problem, content_type = "application/problem+json"),
              (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Every problem with a JSON pointer", body = Problem, content_type = "application/problem+json")))]
pub async fn announce(
    state: web::Data<Arc<AppState>>,
    req: HttpRequest,
    bytes: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    insight_reader(&req, &state)?;
    let v = body::json(&req, &bytes)?;
    let r: AnnounceRequest = typed(&v, "not a valid announcement")?;
    match state.announce(&r.proposal_id).await? {
        Some(a) => Ok(HttpResponse::Created()
            .insert_header((
                "Location",
                format!("/v1/insight/training-groups/announcements/{}", a.id),
            ))
            .json(a)),
        None => Err(ApiError::NotFound(format!(
            "no proposal {:?} now (proposals change as residents store or erase their scans)",
            r.proposal_id
        ))),
    }
}

/// Withdraws an announcement: residents no longer see it.
#[utoipa::path(delete, path = "/v1/insight/training-groups/announcements/{id}", tag = "Insight",
    params(("id" = String, Path, description = "The announcement's id")),
    security(("bearer" = [])),
    responses((status = 204, description = "Withdrawn"),
              (status = 400, description = "Bad request", body = Problem, content_type = "application/problem+json"),
              (status = 401, description = "No valid key", body = Problem, content_type = "application/problem+json"),
              (status = 403, description = "Not an admin or insight key", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "No such announcement", body = Problem, content_type = "application/problem+json")))]
pub async fn withdraw(
    state: web::Data<Arc<AppState>>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    insight_reader(&req, &state)?;
    if state.withdraw_announcement(&path).await? {
        Ok(HttpResponse::NoContent().finish())
    } else {
        Err(ApiError::NotFound("no such announcement".into()))
    }
}

//! Closing the loop over HTTP: a resident's response to a task, the organisation's
//! account of what came of it, a click through to a task's own page, and the match log.
use std::sync::Arc;

use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::body;
use super::errors::{ApiError, Problem};
use super::metrics::Metrics;
use crate::auth::Scope;
use crate::catalog::fields::{FieldError, Fields};
use crate::outcomes::{
    LoggedMatch, NewResponse, OutcomeRequest, ResponseReceipt, ResponseView, TaskStats,
};
use crate::state::AppState;

/// The header that carries a response's erase token.
pub const ERASE_TOKEN: &str = "Erase-Token";

/// "Ik wil dit proberen": the resident (or the desk for them) sends their contact details
/// to the organisation of a task the match showed. Stored only with `consent: true`, read
/// only by that organisation, erased after the retention period or at once with the
/// erase token in the answer.
#[utoipa::path(post, path = "/v1/responses", tag = "Outcomes", request_body = NewResponse,
    responses((status = 201, description = "Sent; keep the erase token", body = ResponseReceipt),
              (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "Unknown match (never made, or its log expired)", body = Problem, content_type = "application/problem+json"),
              (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Cannot be taken: every problem with a JSON pointer (no consent, a task the match did not show, an ended task, a task that takes responses on its own page)", body = Problem, content_type = "application/problem+json")))]
pub async fn create_response(
    state: web::Data<Arc<AppState>>,
    metrics: web::Data<Metrics>,
    req: HttpRequest,
    bytes: Bytes,
) -> Result<HttpResponse, ApiError> {
    let v = body::json(&req, &bytes)?;
    let r = NewResponse::parse(&v)
        .map_err(|errs| ApiError::Unprocessable("the response cannot be taken".into(), errs))?;
    let receipt = state.create_response(r).await?;
    metrics.outcome("response");
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/v1/responses/{}", receipt.id)))
        .json(receipt))
}

/// Erase a response at once, with the erase token from its receipt (header
/// `Erase-Token`). A wrong token gets the same 404 as an unknown id.
#[utoipa::path(delete, path = "/v1/responses/{id}", tag = "Outcomes",
    params(("id" = String, Path, description = "The response id"),
           ("Erase-Token" = String, Header, description = "The erase token from the receipt")),
    responses((status = 204, description = "Erased"),
              (status = 400, description = "No erase token", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "No response with this id and token", body = Problem, content_type = "application/problem+json")))]
pub async fn delete_response(
    state: web::Data<Arc<AppState>>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let token = req
        .headers()
        .get(ERASE_TOKEN)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            ApiError::BadRequest(
                "send the erase token from the receipt in the Erase-Token header".into(),
                vec![],
            )
        })?;
    if !state.erase_response(&path, token).await? {
        return Err(ApiError::NotFound(
            "no response with this id and erase token".into(),
        ));
    }
    Ok(HttpResponse::NoContent().finish())
}

/// One organisation's responses and, per task, how often it was shown and what came of it.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationResponses {
    pub organisation_id: String,
    pub responses: Vec<ResponseView>,
    pub tasks: Vec<TaskSummary>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TaskSummary {
    pub task_id: String,
    pub title: String,
    #[serde(flatten)]
    pub stats: TaskStats,
}

/// The organisation's own responses (newest first) and its tasks' figures. Only with the
/// organisation's own key: contact details are for that organisation alone.
#[utoipa::path(get, path = "/v1/organisations/{id}/responses", tag = "Outcomes",
    params(("id" = String, Path, description = "The organisation id")),
    security(("bearer" = [])),
    responses((status = 200, description = "Responses and figures per task", body = OrganisationResponses),
              (status = 401, description = "No valid key", body = Problem, content_type = "application/problem+json"),
              (status = 403, description = "Not this organisation's key", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json")))]
pub async fn organisation_responses(
    state: web::Data<Arc<AppState>>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let scope = body::authorize(&req, &state)?;
    let org = path.into_inner();
    if scope != Scope::Organisation(org.clone()) {
        return Err(ApiError::Forbidden(
            "only the organisation's own key reads its responses".into(),
        ));
    }
    if !state
        .store
        .contains(crate::catalog::Kind::Organisations, &org)?
    {
        return Err(ApiError::NotFound(format!("no organisation {org}")));
    }
    let responses = state.organisation_responses(&org).await?;
    let mut tasks = Vec::new();
    for (task_id, title) in state.organisation_tasks(&org) {
        let stats = state.task_stats(&task_id).await?;
        tasks.push(TaskSummary {
            task_id,
            title,
            stats,
        });
    }
    tasks.sort_by(|a, b| {
        b.stats
            .shown
            .cmp(&a.stats.shown)
            .then(a.task_id.cmp(&b.task_id))
    });
    Ok(HttpResponse::Ok().json(OrganisationResponses {
        organisation_id: org,
        responses,
        tasks,
    }))
}

/// The organisation reports what came of a response: `contacted`, then `started`,
/// `not_a_fit` (with a reason) or `no_reply`; three months after a start `still_active`,
/// or `stopped`. A step that cannot follow the history is refused (422).
#[utoipa::path(post, path = "/v1/responses/{id}/outcomes", tag = "Outcomes",
    params(("id" = String, Path, description = "The response id")),
    request_body = OutcomeRequest, security(("bearer" = [])),
    responses((status = 201, description = "Recorded; the response with its history", body = ResponseView),
              (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
              (status = 401, description = "No valid key", body = Problem, content_type = "application/problem+json"),
              (status = 403, description = "Not the key of the task's organisation", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "No such response", body = Problem, content_type = "application/problem+json"),
              (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Not a valid next step, every problem with a JSON pointer", body = Problem, content_type = "application/problem+json")))]
pub async fn create_outcome(
    state: web::Data<Arc<AppState>>,
    metrics: web::Data<Metrics>,
    req: HttpRequest,
    path: web::Path<String>,
    bytes: Bytes,
) -> Result<HttpResponse, ApiError> {
    let scope = body::authorize(&req, &state)?;
    let v = body::json(&req, &bytes)?;
    let o = parse_outcome(&v)?;
    let status = o.status;
    let view = state.report_outcome(&scope, &path, o).await?;
    metrics.outcome(status.as_str());
    Ok(HttpResponse::Created().json(view))
}

fn parse_outcome(v: &Value) -> Result<OutcomeRequest, ApiError> {
    let mut f = Fields::new(v, "");
    if let Some(o) = v.as_object() {
        for k in o
            .keys()
            .filter(|k| !["status", "reason"].contains(&k.as_str()))
        {
            f.err(k, "unknown field");
        }
    }
    let status = f.req("status");
    let reason = f.opt("reason");
    let errs: Vec<FieldError> = f.finish();
    match status {
        Some(status) if errs.is_empty() => Ok(OutcomeRequest { status, reason }),
        _ => Err(ApiError::Unprocessable("not a valid outcome".into(), errs)),
    }
}

/// Body of `POST /v1/click-throughs`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ClickThrough {
    pub match_id: String,
    pub task_id: String,
}

/// The resident followed a task's own link (`respond_url`): only that is recorded, on the
/// match log, with no person in it.
#[utoipa::path(post, path = "/v1/click-throughs", tag = "Outcomes", request_body = ClickThrough,
    responses((status = 204, description = "Recorded"),
              (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "Unknown match", body = Problem, content_type = "application/problem+json"),
              (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Not a task of this match, every problem with a JSON pointer", body = Problem, content_type = "application/problem+json")))]
pub async fn create_click_through(
    state: web::Data<Arc<AppState>>,
    metrics: web::Data<Metrics>,
    req: HttpRequest,
    bytes: Bytes,
) -> Result<HttpResponse, ApiError> {
    let v = body::json(&req, &bytes)?;
    let mut f = Fields::new(&v, "");
    if let Some(o) = v.as_object() {
        for k in o
            .keys()
            .filter(|k| !["match_id", "task_id"].contains(&k.as_str()))
        {
            f.err(k, "unknown field");
        }
    }
    let match_id: Option<String> = f.req("match_id");
    if match_id
        .as_deref()
        .is_some_and(|m| !crate::outcomes::valid_random_id(m))
    {
        f.err("match_id", "not a match id");
    }
    let task_id: Option<String> = f.req("task_id");
    let errs = f.finish();
    let (Some(m), Some(t), true) = (match_id, task_id, errs.is_empty()) else {
        return Err(ApiError::Unprocessable(
            "not a valid click-through".into(),
            errs,
        ));
    };
    state.click_through(&m, &t).await?;
    metrics.outcome("click_through");
    Ok(HttpResponse::NoContent().finish())
}

/// A match as the log keeps it (admin only): what a learner reads, and what anyone
/// checking the log's privacy can see.
#[utoipa::path(get, path = "/v1/matches/{id}", tag = "Outcomes",
    params(("id" = String, Path, description = "The match_id of a match answer")),
    security(("bearer" = [])),
    responses((status = 200, description = "The logged match", body = LoggedMatch),
              (status = 401, description = "No valid key", body = Problem, content_type = "application/problem+json"),
              (status = 403, description = "Not an admin key", body = Problem, content_type = "application/problem+json"),
              (status = 404, description = "Not logged (never made, or expired)", body = Problem, content_type = "application/problem+json")))]
pub async fn get_match(
    state: web::Data<Arc<AppState>>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    if body::authorize(&req, &state)? != Scope::Admin {
        return Err(ApiError::Forbidden(
            "the match log is read with an admin key".into(),
        ));
    }
    let nf = || ApiError::NotFound("no logged match with this id".into());
    if !crate::outcomes::valid_random_id(&path) {
        return Err(nf());
    }
    let m = state.logged_match(&path).await?.ok_or_else(nf)?;
    Ok(HttpResponse::Ok().json(m))
}

//! `/v1/insight/…`: the anonymous neighbourhood figures, for city and academy staff (an
//! admin key or a key with the `insight` scope).
use std::sync::Arc;

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

use super::body;
use super::errors::{ApiError, Problem};
use crate::auth::Scope;
use crate::catalog::fields::FieldError;
use crate::insight::NeedsReport;
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
    let now = state.now();
    let current = crate::insight::month_of(now);
    let month = q.month.clone().unwrap_or_else(|| last_month(now));
    let well_formed = month.len() == 7
        && month.as_bytes()[4] == b'-'
        && month[..4].parse::<u16>().is_ok()
        && month[5..]
            .parse::<u8>()
            .is_ok_and(|m| (1..=12).contains(&m));
    if !well_formed || month >= current {
        return Err(ApiError::BadRequest(
            "not a month that is over".into(),
            vec![FieldError::new(
                "month",
                format!("a month before {current}, as YYYY-MM"),
            )],
        ));
    }
    Ok(HttpResponse::Ok().json(state.needs_report(&month).await?))
}

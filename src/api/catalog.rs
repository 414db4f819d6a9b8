//! The catalog over HTTP: the sociale kaart (browse and search) and the write path
//! (upsert, delete, bulk import) for organisations, tasks, trainings and roles.
use std::sync::Arc;

use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::errors::ApiError;
use super::{body, envelope};
use crate::catalog::fields::FieldError;
use crate::catalog::model::{valid_id, Kind};
use crate::geo::{distance_km, in_netherlands, LatLon};
use crate::search::Filters;
use crate::state::{AppState, RecordError};
use crate::taxonomy::Slot;

pub const MAX_PAGE: usize = 100;
pub const MAX_IMPORT: usize = 100_000;

/// Filters and paging of the sociale kaart.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Words to search for (Dutch stemming: "koken" also finds "kookt").
    pub q: Option<String>,
    /// Wijk name or CBS code.
    pub wijk: Option<String>,
    /// Category id (tasks).
    pub category: Option<String>,
    /// Training topic id (trainings).
    pub topic: Option<String>,
    /// Slot id, e.g. thu-afternoon.
    #[param(value_type = Option<String>)]
    pub slot: Option<Slot>,
    /// Organisation id.
    pub organisation: Option<String>,
    /// Centre point "lat,lon" for a radius search.
    #[param(value_type = Option<String>)]
    pub near: Option<Near>,
    /// Radius around `near` in km (default 3).
    #[param(value_type = Option<f64>)]
    pub radius_km: Option<Text<f64>>,
    /// Only items with (true) or without (false) a certificate.
    #[param(value_type = Option<bool>)]
    pub certificate: Option<Text<bool>>,
    /// Only free items (trainings without cost).
    #[param(value_type = Option<bool>)]
    pub free: Option<Text<bool>>,
    /// Page size, 1–100 (default 20).
    #[param(value_type = Option<usize>)]
    pub limit: Option<Text<usize>>,
    /// Items to skip (default 0).
    #[param(value_type = Option<usize>)]
    pub offset: Option<Text<usize>>,
}

/// A query-string value of type `T`: query strings are text, so it is read from a string.
#[derive(Debug, Clone, Copy)]
pub struct Text<T>(pub T);

/// What a query value must look like, for the problem when it does not.
pub trait Described {
    const WHAT: &'static str;
}
impl Described for bool {
    const WHAT: &'static str = "true or false";
}
impl Described for usize {
    const WHAT: &'static str = "a whole number";
}
impl Described for f64 {
    const WHAT: &'static str = "a number";
}

impl<'de, T: std::str::FromStr + Described> Deserialize<'de> for Text<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.trim()
            .parse()
            .map(Text)
            .map_err(|_| serde::de::Error::custom(format!("must be {}", T::WHAT)))
    }
}

/// The centre of a radius search: `lat,lon` inside the Netherlands.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(try_from = "String")]
pub struct Near(pub LatLon);

impl TryFrom<String> for Near {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        let parts: Vec<Option<f64>> = s.split(',').map(|x| x.trim().parse().ok()).collect();
        match parts.as_slice() {
            [Some(lat), Some(lon)] if in_netherlands(*lat, *lon) => Ok(Near(LatLon {
                lat: *lat,
                lon: *lon,
            })),
            _ => Err("give \"lat,lon\" inside the Netherlands"),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Page {
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<Value>,
    pub total: usize,
    pub limit: usize,
    pub offset: usize,
}

fn parse_list(
    state: &AppState,
    kind: Kind,
    query: &[(String, String)],
) -> Result<(Filters, usize, usize), ApiError> {
    // A query string is a list of pairs; the last of a repeated name counts. `radius_km`
    // is read as `radiusKm`, as it always was.
    let obj: serde_json::Map<String, Value> = query
        .iter()
        .map(|(k, v)| {
            let k = if k == "radius_km" { "radiusKm" } else { k };
            (k.to_string(), Value::String(v.clone()))
        })
        .collect();
    let (p, mut errors) = envelope::parse_params::<ListParams>(&Value::Object(obj));
    let p = p.unwrap_or_default();
    let mut bad = |name: &str, m: &str| errors.push(FieldError::new(format!("/{name}"), m));
    if p.q.as_deref().is_some_and(|q| q.chars().count() > 200) {
        bad("q", "at most 200 characters");
    }
    let tax = &state.taxonomies;
    if let Some(c) = p.category.as_deref() {
        if kind == Kind::Tasks && !tax.categories.contains(c) {
            bad("category", "unknown category id; see /v1/taxonomies");
        }
    }
    if let Some(t) = p.topic.as_deref() {
        if kind == Kind::Trainings && !tax.topics.contains(t) {
            bad("topic", "unknown topic id; see /v1/taxonomies");
        }
    }
    let radius = p.radius_km.map_or(3.0, |r| r.0);
    if !(0.1..=100.0).contains(&radius) {
        bad("radiusKm", "a number from 0.1 to 100");
    }
    let limit = p.limit.map_or(20, |l| l.0);
    if !(1..=MAX_PAGE).contains(&limit) {
        bad("limit", "a whole number from 1 to 100");
    }
    let offset = p.offset.map_or(0, |o| o.0);
    if offset > 100_000 {
        bad("offset", "a whole number from 0 to 100000");
    }
    if !errors.is_empty() {
        return Err(ApiError::BadRequest(
            "invalid query parameters".into(),
            errors,
        ));
    }
    let f = Filters {
        q: p.q,
        wijk: p
            .wijk
            .map(|w| state.places.wijk(&w).map_or(w, |x| x.name.clone())),
        category: p.category,
        topic: p.topic,
        slot: p.slot.map(|s| s.id()),
        organisation: p.organisation,
        near: p.near.map(|n| (n.0, radius)),
        certificate: p.certificate.map(|b| b.0),
        free: p.free.map(|b| b.0),
        ..Default::default()
    };
    Ok((f, limit, offset))
}

/// Browse one kind, filtered and paged; with `near`, items carry `distance_km` and are
/// sorted by distance unless there are words.
pub async fn list(
    state: &AppState,
    kind: Kind,
    query: &[(String, String)],
) -> Result<HttpResponse, ApiError> {
    let (filters, limit, offset) = parse_list(state, kind, query)?;
    let (hits, _) = state.index.search(kind, &filters, 100_000)?;
    let mut items: Vec<(Value, Option<f64>)> = Vec::new();
    let scores: Vec<(String, f32)> = hits
        .iter()
        .map(|(id, s)| (id.clone(), (s * 1e4).round() / 1e4))
        .collect();
    for (id, _) in hits {
        let Some(mut v) = state.store.get(kind, &id)? else {
            continue;
        };
        let d = filters
            .near
            .and_then(|(p, _)| point_of(&v).map(|q| distance_km(p, q)));
        if let Some((_, r)) = filters.near {
            if d.is_none_or(|d| d > r) {
                continue;
            }
        }
        if let (Some(d), Some(o)) = (d, v.as_object_mut()) {
            o.insert(
                "distance_km".into(),
                serde_json::json!((d * 10.0).round() / 10.0),
            );
        }
        items.push((v, d));
    }
    let has_words = filters.q.as_deref().is_some_and(|q| !q.trim().is_empty());
    if filters.near.is_some() && !has_words {
        items.sort_by(|a, b| {
            a.1.unwrap_or(f64::MAX)
                .total_cmp(&b.1.unwrap_or(f64::MAX))
                .then_with(|| id_of(&a.0).cmp(id_of(&b.0)))
        });
    } else if !has_words {
        items.sort_by(|a, b| id_of(&a.0).cmp(id_of(&b.0)));
    } else {
        // BM25 order, ties by id, so a rebuilt index gives the same page.
        let score: std::collections::HashMap<String, f32> = scores.into_iter().collect();
        items.sort_by(|a, b| {
            let (sa, sb) = (
                score.get(id_of(&a.0)).copied().unwrap_or(0.0),
                score.get(id_of(&b.0)).copied().unwrap_or(0.0),
            );
            sb.total_cmp(&sa).then_with(|| id_of(&a.0).cmp(id_of(&b.0)))
        });
    }
    let total = items.len();
    let page: Vec<Value> = items
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|(v, _)| v)
        .collect();
    Ok(HttpResponse::Ok().json(Page {
        items: page,
        total,
        limit,
        offset,
    }))
}

fn id_of(v: &Value) -> &str {
    v.get("id").and_then(|x| x.as_str()).unwrap_or("")
}

fn point_of(v: &Value) -> Option<LatLon> {
    let l = v.get("location")?;
    Some(LatLon {
        lat: l.get("lat")?.as_f64()?,
        lon: l.get("lon")?.as_f64()?,
    })
}

pub async fn get_one(state: &AppState, kind: Kind, id: &str) -> Result<HttpResponse, ApiError> {
    match state.store.get(kind, id)? {
        Some(mut v) if kind == Kind::Roles => {
            let comps = super::carvings::components(state, id)?;
            if let Some(o) = v.as_object_mut() {
                o.insert(
                    "components".into(),
                    serde_json::to_value(&comps).unwrap_or_default(),
                );
            }
            Ok(HttpResponse::Ok().json(v))
        }
        Some(v) => Ok(HttpResponse::Ok().json(v)),
        None => Err(ApiError::NotFound(format!(
            "no {} with id {id:?}",
            singular(kind)
        ))),
    }
}

fn singular(kind: Kind) -> &'static str {
    match kind {
        Kind::Organisations => "organisation",
        Kind::Tasks => "task",
        Kind::Trainings => "training",
        Kind::Roles => "role",
    }
}

/// Upsert one record. 201 when created, 200 when replaced.
pub async fn put(
    state: &Arc<AppState>,
    kind: Kind,
    id: &str,
    req: &HttpRequest,
    bytes: &Bytes,
) -> Result<HttpResponse, ApiError> {
    let scope = body::authorize(req, state)?;
    let mut v = body::json(req, bytes)?;
    if !valid_id(id) {
        return Err(ApiError::Unprocessable(
            "invalid id".into(),
            vec![FieldError::new(
                "/id",
                "1-64 lowercase letters, digits, '-', '_' or '.'",
            )],
        ));
    }
    match v.as_object_mut() {
        Some(o) => {
            if let Some(body_id) = o.get("id") {
                if body_id.as_str() != Some(id) {
                    return Err(ApiError::Unprocessable(
                        "id mismatch".into(),
                        vec![FieldError::new("/id", "must equal the id in the path")],
                    ));
                }
            }
            o.insert("id".into(), Value::String(id.to_string()));
        }
        None => {
            return Err(ApiError::Unprocessable(
                "the record is not valid".into(),
                vec![FieldError::new("", "must be a JSON object")],
            ))
        }
    }
    // A scoped key may not take over another organisation's existing record.
    if let Some(owner) = state.owner_of(kind, id)? {
        if !scope.may_write(Some(&owner)) {
            return Err(ApiError::Forbidden(
                "your key may not change this organisation's records".into(),
            ));
        }
    }
    if kind == Kind::Trainings && !scope.may_write(None) {
        return Err(ApiError::Forbidden(
            "only an admin key may write trainings".into(),
        ));
    }
    let existed = state.store.contains(kind, id)?;
    let (written, errors) = state
        .publish(kind, vec![v], move |org| scope.may_write(org))
        .await?;
    if let Some(e) = errors.into_iter().next() {
        if e.errors
            .iter()
            .any(|x| x.message.starts_with("your key may not"))
        {
            return Err(ApiError::Forbidden(
                "your key may not write this organisation's records".into(),
            ));
        }
        let errs = e
            .errors
            .into_iter()
            .map(|x| {
                FieldError::new(
                    x.pointer
                        .strip_prefix("/0")
                        .unwrap_or(&x.pointer)
                        .to_string(),
                    x.message,
                )
            })
            .collect();
        return Err(ApiError::Unprocessable(
            "the record is not valid".into(),
            errs,
        ));
    }
    let rec = written
        .into_iter()
        .next()
        .map(|r| r.to_json())
        .unwrap_or(Value::Null);
    Ok(if existed {
        HttpResponse::Ok().json(rec)
    } else {
        HttpResponse::Created()
            .insert_header(("Location", format!("/v1/{}/{id}", kind.as_str())))
            .json(rec)
    })
}

pub async fn delete(
    state: &Arc<AppState>,
    kind: Kind,
    id: &str,
    req: &HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let scope = body::authorize(req, state)?;
    let owner = state.owner_of(kind, id)?;
    if !state.store.contains(kind, id)? {
        return Err(ApiError::NotFound(format!(
            "no {} with id {id:?}",
            singular(kind)
        )));
    }
    if !scope.may_write(owner.as_deref()) {
        return Err(ApiError::Forbidden(
            "your key may not delete this organisation's records".into(),
        ));
    }
    state.delete(kind, id).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportReport {
    pub received: usize,
    pub written: usize,
    pub rejected: usize,
    pub errors: Vec<RecordError>,
}

pub async fn import(
    state: &Arc<AppState>,
    kind: Kind,
    req: &HttpRequest,
    bytes: &Bytes,
) -> Result<HttpResponse, ApiError> {
    let scope = body::authorize(req, state)?;
    let values = body::records(req, bytes)?;
    if values.len() > MAX_IMPORT {
        return Err(ApiError::Unprocessable(
            "too many records".into(),
            vec![FieldError::new(
                "",
                format!("at most {MAX_IMPORT} records per import"),
            )],
        ));
    }
    if kind == Kind::Trainings && !scope.may_write(None) {
        return Err(ApiError::Forbidden(
            "only an admin key may write trainings".into(),
        ));
    }
    let received = values.len();
    let (written, errors) = state
        .publish(kind, values, move |org| scope.may_write(org))
        .await?;
    let report = ImportReport {
        received,
        written: written.len(),
        rejected: errors.len(),
        errors,
    };
    Ok(HttpResponse::Ok().json(report))
}

macro_rules! kind_routes {
    ($modname:ident, $kind:expr, $tag:literal, $schema:ty, $list:literal, $one:literal, $imp:literal) => {
        pub mod $modname {
            use super::*;
            use crate::api::errors::Problem;

            #[utoipa::path(get, path = $list, tag = $tag, params(ListParams),
                responses((status = 200, description = "A page of records", body = Page),
                          (status = 400, description = "Invalid query parameters", body = Problem, content_type = "application/problem+json")))]
            pub async fn list(state: web::Data<Arc<AppState>>, q: web::Query<Vec<(String, String)>>) -> Result<HttpResponse, ApiError> {
                super::list(&state, $kind, &q).await
            }

            #[utoipa::path(get, path = $one, tag = $tag, params(("id" = String, Path, description = "Record id")),
                responses((status = 200, description = "The record", body = $schema),
                          (status = 400, description = "Bad request", body = Problem, content_type = "application/problem+json"),
                          (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json")))]
            pub async fn get(state: web::Data<Arc<AppState>>, id: web::Path<String>) -> Result<HttpResponse, ApiError> {
                super::get_one(&state, $kind, &id).await
            }

            #[utoipa::path(put, path = $one, tag = $tag, params(("id" = String, Path, description = "Record id (stable, from the publisher)")),
                request_body = $schema, security(("bearer" = [])),
                responses((status = 200, description = "Replaced", body = $schema),
                          (status = 201, description = "Created", body = $schema),
                          (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
                          (status = 401, description = "No or wrong API key", body = Problem, content_type = "application/problem+json"),
                          (status = 403, description = "The key's scope does not allow this", body = Problem, content_type = "application/problem+json"),
                          (status = 415, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
                          (status = 422, description = "Invalid record, every problem with a JSON pointer", body = Problem, content_type = "application/problem+json")))]
            pub async fn put(state: web::Data<Arc<AppState>>, id: web::Path<String>, req: HttpRequest, body: Bytes) -> Result<HttpResponse, ApiError> {
                super::put(&state, $kind, &id, &req, &body).await
            }

            #[utoipa::path(delete, path = $one, tag = $tag, params(("id" = String, Path, description = "Record id")), security(("bearer" = [])),
                responses((status = 204, description = "Deleted"),
                          (status = 400, description = "Bad request", body = Problem, content_type = "application/problem+json"),
                          (status = 401, description = "No or wrong API key", body = Problem, content_type = "application/problem+json"),
                          (status = 403, description = "The key's scope does not allow this", body = Problem, content_type = "application/problem+json"),
                          (status = 404, description = "Not found", body = Problem, content_type = "application/problem+json")))]
            pub async fn delete(state: web::Data<Arc<AppState>>, id: web::Path<String>, req: HttpRequest) -> Result<HttpResponse, ApiError> {
                super::delete(&state, $kind, &id, &req).await
            }

            #[utoipa::path(post, path = $imp, tag = $tag, security(("bearer" = [])),
                request_body(content = Vec<$schema>, description = "A JSON array, or NDJSON (application/x-ndjson), of up to 100000 records"),
                responses((status = 200, description = "Per-record report; valid records are written even when others are rejected", body = ImportReport),
                          (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
                          (status = 401, description = "No or wrong API key", body = Problem, content_type = "application/problem+json"),
                          (status = 403, description = "The key's scope does not allow this", body = Problem, content_type = "application/problem+json"),
                          (status = 413, description = "Body too large", body = Problem, content_type = "application/problem+json"),
                          (status = 415, description = "Not JSON or NDJSON", body = Problem, content_type = "application/problem+json"),
                          (status = 422, description = "Not an array or too many records", body = Problem, content_type = "application/problem+json")))]
            pub async fn import(state: web::Data<Arc<AppState>>, req: HttpRequest, body: Bytes) -> Result<HttpResponse, ApiError> {
                super::import(&state, $kind, &req, &body).await
            }
        }
    };
}

kind_routes!(
    tasks,
    Kind::Tasks,
    "Catalog",
    crate::catalog::model::Task,
    "/v1/tasks",
    "/v1/tasks/{id}",
    "/v1/tasks/import"
);
kind_routes!(
    trainings,
    Kind::Trainings,
    "Catalog",
    crate::catalog::model::Training,
    "/v1/trainings",
    "/v1/trainings/{id}",
    "/v1/trainings/import"
);
kind_routes!(
    organisations,
    Kind::Organisations,
    "Catalog",
    crate::catalog::model::Organisation,
    "/v1/organisations",
    "/v1/organisations/{id}",
    "/v1/organisations/import"
);
kind_routes!(
    roles,
    Kind::Roles,
    "Catalog",
    crate::catalog::model::Role,
    "/v1/roles",
    "/v1/roles/{id}",
    "/v1/roles/import"
);

//! The HTTP API: routes, errors, OpenAPI. Follows the Dutch API Design Rules: everything
//! under `/v1`, plural nouns, no trailing slashes, problem+json errors, `API-Version`.
pub mod body;
pub mod carvings;
pub mod catalog;
pub mod client;
pub mod envelope;
pub mod errors;
pub mod insight;
pub mod limits;
pub mod matches;
pub mod metrics;
pub mod middleware;
pub mod openapi;
pub mod responses;
pub mod scans;
pub mod source;

use std::sync::Arc;

use actix_web::{web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::state::AppState;
use crate::taxonomy::{Lang, Slot, Term};

/// Registers every route. Each path is one resource, so a wrong method gets 405.
pub fn routes(cfg: &mut web::ServiceConfig, max_import_bytes: usize) {
    let one = |p: &str, cfg: &mut web::ServiceConfig, h| {
        cfg.service(web::resource(p.to_string()).route(h));
    };
    one("/healthz", cfg, web::get().to(healthz));
    one("/readyz", cfg, web::get().to(readyz));
    one("/metrics", cfg, web::get().to(metrics_text));
    one("/v1/openapi.json", cfg, web::get().to(openapi::serve));
    one("/v1/taxonomies", cfg, web::get().to(taxonomies));
    one(
        "/v1/questionnaires",
        cfg,
        web::get().to(scans::list_questionnaires),
    );
    one(
        "/v1/questionnaires/{id}",
        cfg,
        web::get().to(scans::get_questionnaire),
    );
    one("/v1/scans", cfg, web::post().to(scans::create_scan));
    one("/v1/matches", cfg, web::post().to(matches::create_match));
    one("/v1/matches/{id}", cfg, web::get().to(responses::get_match));
    one("/v1/insight/needs", cfg, web::get().to(insight::needs));
    one("/v1/insight/reach", cfg, web::post().to(insight::reach));
    one(
        "/v1/insight/training-groups",
        cfg,
        web::get().to(insight::training_groups),
    );
    one(
        "/v1/insight/training-groups/announcements",
        cfg,
        web::post().to(insight::announce),
    );
    one(
        "/v1/insight/training-groups/announcements/{id}",
        cfg,
        web::delete().to(insight::withdraw),
    );
    one(
        "/v1/responses",
        cfg,
        web::post().to(responses::create_response),
    );
    one(
        "/v1/responses/{id}",
        cfg,
        web::delete().to(responses::delete_response),
    );
    one(
        "/v1/responses/{id}/outcomes",
        cfg,
        web::post().to(responses::create_outcome),
    );
    one(
        "/v1/click-throughs",
        cfg,
        web::post().to(responses::create_click_through),
    );
    one(
        "/v1/organisations/{id}/responses",
        cfg,
        web::get().to(responses::organisation_responses),
    );
    one(
        "/v1/carvings",
        cfg,
        web::post().to(carvings::create_carving),
    );
    one(
        "/v1/carvings/team",
        cfg,
        web::post().to(carvings::create_team_carving),
    );
    cfg.service(
        web::resource("/v1/scans/{id}")
            .route(web::get().to(scans::get_scan))
            .route(web::delete().to(scans::delete_scan)),
    );
    macro_rules! kind {
        ($m:ident, $list:literal, $one:literal, $imp:literal) => {
            cfg.service(web::resource($list).route(web::get().to(catalog::$m::list)))
                .service(
                    web::resource($imp)
                        .app_data(web::PayloadConfig::new(max_import_bytes))
                        .route(web::post().to(catalog::$m::import)),
                )
                .service(
                    web::resource($one)
                        .route(web::get().to(catalog::$m::get))
                        .route(web::put().to(catalog::$m::put))
                        .route(web::delete().to(catalog::$m::delete)),
                );
        };
    }
    kind!(tasks, "/v1/tasks", "/v1/tasks/{id}", "/v1/tasks/import");
    kind!(
        trainings,
        "/v1/trainings",
        "/v1/trainings/{id}",
        "/v1/trainings/import"
    );
    kind!(
        organisations,
        "/v1/organisations",
        "/v1/organisations/{id}",
        "/v1/organisations/import"
    );
    kind!(roles, "/v1/roles", "/v1/roles/{id}", "/v1/roles/import");
}

#[derive(Serialize, ToSchema)]
pub struct Health {
    pub status: String,
    /// Records per kind in the store and in the index (equal when the index is current).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store: Option<std::collections::BTreeMap<String, usize>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<std::collections::BTreeMap<String, usize>>,
    /// Which store holds the truth: `sled` (this node) or `postgresql` (shared by replicas).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store_of_record: Option<String>,
    /// Whether the store of record answers: when it does not, searching and matching go
    /// on from this replica's copy, and changes and stored scans wait.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store_available: Option<bool>,
    /// The last write this replica's copy has (the store's sequence number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sequence: Option<u64>,
    /// With `?digest=true`: a SHA-256 over every record of the copy, so replicas can be
    /// compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    /// The version of the ranking weights in service (the first hex digits of the
    /// SHA-256 of the weights file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights: Option<String>,
}

/// The process is up.
async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health {
        status: "ok".into(),
        store: None,
        index: None,
        store_of_record: None,
        store_available: None,
        sequence: None,
        digest: None,
        weights: None,
    })
}

/// The store and the index are open and answer; counts per kind in both. Ready (200) as
/// long as this replica can answer searches and matches, also while the store of record
/// is away (`store_available` says so); not ready (503) while it drains for a shutdown.
async fn readyz(
    state: web::Data<Arc<AppState>>,
    q: web::Query<std::collections::HashMap<String, String>>,
) -> HttpResponse {
    if state.draining.load(std::sync::atomic::Ordering::Relaxed) {
        return errors::problem_response(&errors::problem(
            actix_web::http::StatusCode::SERVICE_UNAVAILABLE,
            "shutting down",
        ));
    }
    let want_digest = q.get("digest").is_some_and(|v| v == "true");
    let mut store = std::collections::BTreeMap::new();
    let mut index = std::collections::BTreeMap::new();
    let mut ok = state.store.seq().is_ok();
    for k in crate::catalog::Kind::ALL {
        match (state.store.count(k), state.index.count(k)) {
            (Ok(a), Ok(b)) => {
                store.insert(k.as_str().to_string(), a);
                index.insert(k.as_str().to_string(), b);
            }
            _ => ok = false,
        }
    }
    if ok {
        HttpResponse::Ok().json(Health {
            status: "ready".into(),
            store: Some(store),
            index: Some(index),
            store_of_record: Some(
                if state.pg.is_some() {
                    "postgresql"
                } else {
                    "sled"
                }
                .into(),
            ),
            store_available: Some(state.store_available()),
            sequence: state.store.seq().ok(),
            digest: if want_digest {
                state.store.digest().ok()
            } else {
                None
            },
            weights: Some(state.matcher().weights.version.clone()),
        })
    } else {
        let p = errors::problem(
            actix_web::http::StatusCode::SERVICE_UNAVAILABLE,
            "store or index not available",
        );
        errors::problem_response(&p)
    }
}

async fn metrics_text(m: web::Data<metrics::Metrics>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .body(m.render())
}

#[derive(Serialize, ToSchema)]
pub struct SlotTerm {
    pub id: String,
    pub nl: String,
    pub en: String,
}

#[derive(Serialize, ToSchema)]
pub struct Taxonomies {
    pub categories: Vec<Term>,
    pub skills: Vec<Term>,
    pub training_topics: Vec<Term>,
    pub slots: Vec<SlotTerm>,
    pub wijken: Vec<crate::geo::Wijk>,
    pub postcodes: Vec<crate::geo::Postcode>,
    pub suitable_for: Vec<String>,
    pub motives: Vec<String>,
}

/// Every taxonomy (ids, Dutch and English labels, synonyms) and the reference places.
#[utoipa::path(get, path = "/v1/taxonomies", tag = "Catalog",
    responses((status = 200, description = "Taxonomies and reference data", body = Taxonomies)))]
pub async fn taxonomies(state: web::Data<Arc<AppState>>) -> HttpResponse {
    let t = &state.taxonomies;
    HttpResponse::Ok().json(Taxonomies {
        categories: t.categories.terms.clone(),
        skills: t.skills.terms.clone(),
        training_topics: t.topics.terms.clone(),
        slots: Slot::all()
            .map(|s| SlotTerm {
                id: s.id(),
                nl: s.label(Lang::Nl),
                en: s.label(Lang::En),
            })
            .collect(),
        wijken: state.places.wijken.clone(),
        postcodes: state.places.postcodes.clone(),
        suitable_for: [
            "first_step",
            "with_children",
            "wheelchair",
            "low_dutch",
            "school_internship",
            "no_dutch_needed",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        motives: crate::taxonomy::MOTIVES
            .iter()
            .map(|s| s.to_string())
            .collect(),
    })
}

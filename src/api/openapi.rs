//! The OpenAPI 3.1 document: generated from the code with utoipa, then finished in one
//! place so every operation follows the API Design Rules (an `API-Version` header on every
//! 2xx/3xx response, a 400 problem response on every operation that takes input) and
//! documents the answers the layers around the handlers give: 429 on every operation (the
//! rate limit), 413 on every one with a body (its size limit), 503 on every one that
//! needs the store of record (PostgreSQL away), the last two with `Retry-After` where
//! they send it.
use actix_web::HttpResponse;
use serde_json::{json, Value};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::middleware::API_VERSION;

struct Security;
impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let c = openapi.components.get_or_insert_with(Default::default);
        c.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).description(Some("An API key: `admin`, `organisation:{id}` or `client:{name}` scope (a client key only reads; it gives a machine client such as the front-end's server a rate budget of its own). Create one with `talentscan keys create`.")).build()),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Talentscan API",
        description = "Talent Scan and matching for volunteers in Den Haag: a short questionnaire scored into a persona (Kennen-Kunnen-Willen-Zijn, interests, motives, availability), and flexible volunteer tasks and practical trainings close to home ranked for that persona, with reasons in plain Dutch. The match is advice, not a decision: anyone can ask a person at Servicepunt XL. Catalog reads, scans and matches are open; catalog writes need an API key.",
        contact(name = "Talentscan team, Gemeente Den Haag", email = "talentscan@example.org", url = "https://github.com/gemeente-denhaag/talentscan"),
        license(name = "EUPL-1.2", identifier = "EUPL-1.2")
    ),
    paths(
        super::scans::list_questionnaires, super::scans::get_questionnaire,
        super::scans::create_scan, super::scans::get_scan, super::scans::delete_scan,
        super::matches::create_match, super::responses::get_match,
        super::responses::create_response, super::responses::delete_response,
        super::responses::create_outcome, super::responses::create_click_through,
        super::responses::organisation_responses,
        super::insight::needs, super::insight::reach, super::insight::training_groups,
        super::insight::announce, super::insight::withdraw,
        super::carvings::create_carving, super::carvings::create_team_carving,
        super::taxonomies,
        super::catalog::tasks::list, super::catalog::tasks::get, super::catalog::tasks::put, super::catalog::tasks::delete, super::catalog::tasks::import,
        super::catalog::trainings::list, super::catalog::trainings::get, super::catalog::trainings::put, super::catalog::trainings::delete, super::catalog::trainings::import,
        super::catalog::organisations::list, super::catalog::organisations::get, super::catalog::organisations::put, super::catalog::organisations::delete, super::catalog::organisations::import,
        super::catalog::roles::list, super::catalog::roles::get, super::catalog::roles::put, super::catalog::roles::delete, super::catalog::roles::import,
    ),
    modifiers(&Security),
    tags(
        (name = "Talent Scan", description = "Questionnaires and scans"),
        (name = "Matching", description = "Ranked tasks and trainings for a persona"),
        (name = "Job carving", description = "Compose a role from splittable task components"),
        (name = "Catalog", description = "The sociale kaart: organisations, tasks, trainings, roles"),
        (name = "Insight", description = "Anonymous figures per wijk for the city and the academy: what residents ask for against what is on offer"),
        (name = "Outcomes", description = "A resident responds to a task, the organisation reports what came of it; the match log the ranking learns from"),
    )
)]
pub struct ApiDoc;

/// The finished document as JSON (what `/v1/openapi.json` serves and what is committed in
/// `openapi/openapi.json`).
pub fn document() -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).expect("openapi serialises");
    doc["info"]["version"] = json!(API_VERSION);
    let version_header = json!({
        "description": "The full version of the API (semver).",
        "schema": {"type": "string", "example": API_VERSION}
    });
    let problem = |description: &str| {
        json!({
            "description": description,
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        })
    };
    let bad_request = problem("Bad request");
    let retry_after = json!({"Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer", "minimum": 1}
    }});
    let with_retry = |description: &str| {
        let mut r = problem(description);
        r["headers"] = retry_after.clone();
        r
    };
    let too_many = with_retry("Too many requests: this client's or key's budget is spent for now");
    let too_large = problem("The request body is larger than the server takes");
    let unavailable = with_retry(
        "The store of record is not reachable for a moment (PostgreSQL mode): searching and matching go on, this does not",
    );
    // ADR: the major version lives in the server URL; paths are relative to it.
    doc["servers"] = json!([{"url": "/v1", "description": "This server (major version 1)"}]);
    if let Some(paths) = doc["paths"].as_object_mut() {
        let old = std::mem::take(paths);
        for (path, item) in old {
            let rel = path.strip_prefix("/v1").unwrap_or(&path).to_string();
            paths.insert(rel, item);
        }
        for (path, item) in paths.iter_mut() {
            let Some(ops) = item.as_object_mut() else {
                continue;
            };
            for (method, op) in ops.iter_mut() {
                let Some(o) = op.as_object_mut() else {
                    continue;
                };
                o.insert("operationId".into(), json!(operation_id(method, path)));
                let has_body = o.contains_key("requestBody");
                // Writes, and everything that reads or writes a stored scan.
                let needs_store = method != "get"
                    || path.starts_with("/scans")
                    || path.starts_with("/matches/")
                    || path.ends_with("/responses")
                    || path.starts_with("/insight")
                    || has_body;
                let Some(responses) = o.get_mut("responses").and_then(|r| r.as_object_mut()) else {
                    continue;
                };
                responses.insert("429".into(), too_many.clone());
                if has_body {
                    responses.entry("413").or_insert_with(|| too_large.clone());
                }
                if needs_store {
                    responses.insert("503".into(), unavailable.clone());
                }
                for (code, resp) in responses.iter_mut() {
                    if code.starts_with('2') || code.starts_with('3') {
                        if let Some(r) = resp.as_object_mut() {
                            if let Some(h) = r
                                .entry("headers")
                                .or_insert_with(|| json!({}))
                                .as_object_mut()
                            {
                                h.insert("API-Version".into(), version_header.clone());
                            }
                        }
                    }
                }
                responses
                    .entry("400")
                    .or_insert_with(|| bad_request.clone());
            }
        }
    }
    doc
}

/// `get /tasks/{id}` → `getTasksId`: unique and stable.
fn operation_id(method: &str, path: &str) -> String {
    let mut out = method.to_string();
    for seg in path.split('/').filter(|s| !s.is_empty()) {
        let seg = seg.trim_matches(|c| c == '{' || c == '}');
        for part in seg.split(['-', '_', '.']) {
            let mut c = part.chars();
            if let Some(f) = c.next() {
                out.push(f.to_ascii_uppercase());
                out.extend(c);
            }
        }
    }
    out
}

pub async fn serve() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Access-Control-Allow-Origin", "*"))
        .insert_header(("Cache-Control", "no-cache"))
        .json(document())
}

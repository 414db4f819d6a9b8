//! Cross-cutting HTTP concerns in one place: the `API-Version` and security headers on
//! every response, problem+json for every error (also those actix produces itself, such as
//! 404, 405 and 413), per-route metrics and one log line per request.
use std::time::Instant;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{web, Error};

use super::errors::{problem, problem_response, PROBLEM_JSON};
use super::metrics::Metrics;

pub const API_VERSION: &str = env!("CARGO_PKG_VERSION");

pub async fn frame(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let start = Instant::now();
    let method = req.method().to_string();
    let metrics = req.app_data::<web::Data<Metrics>>().cloned();
    let origin = req.headers().get(header::ORIGIN).cloned();
    let res = match next.call(req).await {
        Ok(r) => r.map_into_boxed_body(),
        Err(e) => {
            // Errors that escaped as `Err` still become a response here.
            let resp = e.error_response();
            return Err(actix_web::error::InternalError::from_response(e, resp).into());
        }
    };
    let status = res.status();
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_JSON));
    let mut res = if (status.is_client_error() || status.is_server_error()) && !is_problem {
        let detail = match status.as_u16() {
            404 => {
                "No resource here. Paths have no trailing slash; see /v1/openapi.json.".to_string()
            }
            405 => "This method is not allowed on this resource.".to_string(),
            413 => "The request body is too large.".to_string(),
            _ => res
                .response()
                .error()
                .map(|e| e.to_string())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| status.canonical_reason().unwrap_or("Error").to_string()),
        };
        let p = problem(status, detail);
        let (req, old) = res.into_parts();
        let mut new = problem_response(&p);
        for (k, v) in old.headers() {
            if k == header::ALLOW || k == header::RETRY_AFTER || k == header::WWW_AUTHENTICATE {
                new.headers_mut().insert(k.clone(), v.clone());
            }
        }
        ServiceResponse::new(req, new)
    } else {
        res
    };
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".into());
    let h = res.headers_mut();
    h.insert(
        HeaderName::from_static("api-version"),
        HeaderValue::from_static(API_VERSION),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("frame-ancestors 'none'"),
        );
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if route.starts_with("/v1") && !h.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN) {
        let cors = res.request().app_data::<web::Data<Cors>>().cloned();
        if let (Some(o), Some(cors)) = (origin, cors) {
            if cors.allows(o.to_str().unwrap_or("")) {
                let h = res.headers_mut();
                h.insert(
                    header::ACCESS_CONTROL_ALLOW_ORIGIN,
                    if cors.any {
                        HeaderValue::from_static("*")
                    } else {
                        o
                    },
                );
                h.insert(
                    header::ACCESS_CONTROL_EXPOSE_HEADERS,
                    HeaderValue::from_static("API-Version, Retry-After"),
                );
            }
        }
    }
    let elapsed = start.elapsed();
    let status = res.status().as_u16();
    if let Some(m) = metrics {
        m.observe(&method, &route, status, elapsed.as_secs_f64());
    }
    // Only method, route pattern, status and latency: never bodies, queries or ids.
    tracing::info!(target: "http", method = %method, route = %route, status, latency_ms = elapsed.as_secs_f64() * 1000.0, "request");
    Ok(res)
}

/// Allowed browser origins.
#[derive(Debug, Clone)]
pub struct Cors {
    pub any: bool,
    pub origins: Vec<String>,
}

impl Cors {
    pub fn parse(s: &str) -> Self {
        let origins: Vec<String> = s
            .split(',')
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect();
        Cors {
            any: origins.iter().any(|o| o == "*"),
            origins,
        }
    }
    pub fn allows(&self, origin: &str) -> bool {
        self.any || self.origins.iter().any(|o| o == origin)
    }
}

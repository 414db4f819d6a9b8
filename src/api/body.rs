//! Request bodies: content type checked (415), JSON parsed with a clear 400, and the
//! bearer key read for writes.
use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::HttpRequest;
use serde_json::Value;

use super::errors::ApiError;
use crate::auth::Scope;
use crate::catalog::fields::FieldError;
use crate::state::AppState;

/// Deepest JSON nesting accepted (serde_json's own limit is 128).
pub const MAX_DEPTH: usize = 32;

fn media_type(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
}

pub fn is_json_type(m: &str) -> bool {
    m == "application/json" || (m.starts_with("application/") && m.ends_with("+json"))
}

/// The body as JSON; requires `Content-Type: application/json`.
pub fn json(req: &HttpRequest, body: &Bytes) -> Result<Value, ApiError> {
    match media_type(req) {
        Some(m) if is_json_type(&m) => {}
        Some(m) => {
            return Err(ApiError::UnsupportedMediaType(format!(
                "Content-Type {m:?} is not supported: send application/json"
            )))
        }
        None => {
            return Err(ApiError::UnsupportedMediaType(
                "missing Content-Type: send application/json".into(),
            ))
        }
    }
    parse_json(body)
}

pub fn parse_json(body: &[u8]) -> Result<Value, ApiError> {
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ApiError::BadRequest(
            "the request body is empty: send a JSON document".into(),
            vec![],
        ));
    }
    let v: Value = serde_json::from_slice(body).map_err(|e| {
        ApiError::BadRequest(
            format!("the request body is not valid JSON: {e}"),
            vec![FieldError::new(
                "",
                format!("line {}, column {}: {e}", e.line(), e.column()),
            )],
        )
    })?;
    if depth(&v) > MAX_DEPTH {
        return Err(ApiError::BadRequest(
            format!("JSON is nested deeper than {MAX_DEPTH} levels"),
            vec![],
        ));
    }
    Ok(v)
}

fn depth(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// Import bodies: a JSON array, or NDJSON (`application/x-ndjson`), one record per line.
pub fn records(req: &HttpRequest, body: &Bytes) -> Result<Vec<Value>, ApiError> {
    let m = media_type(req).unwrap_or_default();
    if m == "application/x-ndjson" || m == "application/jsonl" {
        let text = std::str::from_utf8(body)
            .map_err(|_| ApiError::BadRequest("the body is not UTF-8".into(), vec![]))?;
        let mut out = Vec::new();
        let mut errors = Vec::new();
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            match parse_json(line.as_bytes()) {
                Ok(v) => out.push(v),
                Err(e) => errors.push(FieldError::new(
                    format!("/{}", out.len() + errors.len()),
                    format!("line {}: {e}", i + 1),
                )),
            }
        }
        if !errors.is_empty() {
            return Err(ApiError::BadRequest(
                "some NDJSON lines are not valid JSON".into(),
                errors,
            ));
        }
        return Ok(out);
    }
    match json(req, body)? {
        Value::Array(a) => Ok(a),
        _ => Err(ApiError::Unprocessable(
            "send a JSON array of records (or NDJSON)".into(),
            vec![FieldError::new("", "must be an array")],
        )),
    }
}

/// The bearer token of a request, if it has one.
pub fn bearer(headers: &header::HeaderMap) -> Option<&str> {
    let h = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    h.strip_prefix("Bearer ")
        .or_else(|| h.strip_prefix("bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// The scope of the bearer key of a write, or 401 (no valid key) or 403 (a client key,
/// which only reads).
pub fn authorize(req: &HttpRequest, state: &AppState) -> Result<Scope, ApiError> {
    if req.headers().get(header::AUTHORIZATION).is_none() {
        return Err(ApiError::Unauthorized(
            "this endpoint needs an API key: Authorization: Bearer KEY".into(),
        ));
    }
    let token = bearer(req.headers())
        .ok_or_else(|| ApiError::Unauthorized("use Authorization: Bearer KEY".into()))?;
    match state.keys.verify(token) {
        None => Err(ApiError::Unauthorized("the API key is not valid".into())),
        Some(Scope::Client(_)) => Err(ApiError::Forbidden(
            "a client key only reads; changing the catalog needs an organisation's or an admin key"
                .into(),
        )),
        Some(scope) => Ok(scope),
    }
}

//! One error type for the HTTP layer, mapped to RFC 9457 problem details in one place.
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use utoipa::ToSchema;

use crate::catalog::fields::FieldError;
use crate::state::StateError;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// RFC 9457 problem details, with `errors` listing every invalid field.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    /// A URI reference that identifies the problem type.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// For batch writes: per-record problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<crate::state::RecordError>,
}

#[derive(Debug, Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String, Vec<FieldError>),
    #[error("missing or invalid API key")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{0}")]
    Unprocessable(String, Vec<FieldError>),
    #[error("{0}")]
    UnprocessableRecords(String, Vec<crate::state::RecordError>),
    #[error("too many requests")]
    TooManyRequests(u64),
    #[error("{0}")]
    Unavailable(String),
    /// Keeps what went wrong for the log; the client only hears that something did.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl ApiError {
    /// An internal error from a description of what cannot happen.
    pub fn internal(what: impl Into<String>) -> Self {
        ApiError::Internal(what.into().into())
    }
}

/// The lower layers' errors are internal errors here: each keeps its source.
macro_rules! internal_from {
    ($($t:ty),+) => {$(
        impl From<$t> for ApiError {
            fn from(e: $t) -> Self {
                ApiError::Internal(Box::new(e))
            }
        }
    )+};
}

internal_from!(
    crate::ranking::RankingError,
    crate::search::SearchError,
    serde_json::Error,
    actix_web::error::BlockingError
);

/// Seconds a client is asked to wait when the store of record is away.
const STORE_RETRY_AFTER: u32 = 5;

impl From<crate::catalog::StoreError> for ApiError {
    fn from(e: crate::catalog::StoreError) -> Self {
        match e {
            crate::catalog::StoreError::Unavailable(_) => ApiError::Unavailable(
                "The catalog cannot be changed and stored scans cannot be read or written \
                 for a moment (the database is not reachable). Searching and matching go on. \
                 Please try again shortly."
                    .into(),
            ),
            e => ApiError::Internal(Box::new(e)),
        }
    }
}

impl From<crate::outcomes::OutcomeError> for ApiError {
    fn from(e: crate::outcomes::OutcomeError) -> Self {
        use crate::outcomes::OutcomeError as E;
        match e {
            E::NotFound(m) => ApiError::NotFound(m),
            E::Invalid(m, errs) => ApiError::Unprocessable(m, errs),
            E::Forbidden(m) => ApiError::Forbidden(m),
            E::Store(e) => e.into(),
            e @ E::Corrupt(_) => ApiError::Internal(Box::new(e)),
        }
    }
}

impl From<StateError> for ApiError {
    fn from(e: StateError) -> Self {
        match e {
            StateError::Store(e) => e.into(),
            e => ApiError::Internal(Box::new(e)),
        }
    }
}

pub fn problem_type(status: StatusCode) -> String {
    format!(
        "https://developer.overheid.nl/kennisbank/apis/api-design-rules/problem-types#{}",
        status.as_u16()
    )
}

pub fn problem(status: StatusCode, detail: impl Into<String>) -> Problem {
    Problem {
        kind: problem_type(status),
        title: status.canonical_reason().unwrap_or("Error").to_string(),
        status: status.as_u16(),
        detail: detail.into(),
        instance: None,
        errors: Vec::new(),
        records: Vec::new(),
    }
}

pub fn problem_response(p: &Problem) -> HttpResponse {
    HttpResponse::build(StatusCode::from_u16(p.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
        .insert_header((header::CONTENT_TYPE, PROBLEM_JSON))
        .body(serde_json::to_string(p).expect("problem serialises"))
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(..) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unprocessable(..) | ApiError::UnprocessableRecords(..) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            ApiError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let mut p = problem(status, self.to_string());
        match self {
            ApiError::BadRequest(_, e) | ApiError::Unprocessable(_, e) => p.errors = e.clone(),
            ApiError::UnprocessableRecords(_, r) => p.records = r.clone(),
            ApiError::Unauthorized(d) => p.detail = d.clone(),
            ApiError::Internal(source) => {
                let mut chain = source.to_string();
                let mut at = source.source();
                while let Some(e) = at {
                    chain.push_str(": ");
                    chain.push_str(&e.to_string());
                    at = e.source();
                }
                tracing::error!("internal error: {chain}");
                p.detail = "Something went wrong on our side. Please try again later.".into();
            }
            _ => {}
        }
        let mut resp = problem_response(&p);
        if let ApiError::Unauthorized(_) = self {
            resp.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        if let ApiError::TooManyRequests(secs) = self {
            resp.headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(*secs));
        }
        if let ApiError::Unavailable(_) = self {
            resp.headers_mut().insert(
                header::RETRY_AFTER,
                header::HeaderValue::from(STORE_RETRY_AFTER),
            );
        }
        resp
    }
}

//! Per-client rate limiting on the public API (`governor`, MIT/Apache-2.0): a token bucket
//! per client IP (the peer's, or the one a trusted proxy forwards: `client`), answering
//! 429 with `Retry-After` when it is empty. Probes, metrics and
//! the OpenAPI document are never limited.
use std::net::IpAddr;
use std::num::NonZeroU32;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, Error, ResponseError};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::errors::ApiError;

pub struct ClientLimiter {
    limiter: Option<DefaultKeyedRateLimiter<IpAddr>>,
}

impl ClientLimiter {
    /// `per_minute = 0` turns limiting off (for load tests behind a trusted proxy).
    pub fn new(per_minute: u32) -> Self {
        let limiter = NonZeroU32::new(per_minute).map(|n| {
            let burst = NonZeroU32::new((per_minute / 6).max(10)).unwrap_or(n);
            RateLimiter::keyed(Quota::per_minute(n).allow_burst(burst))
        });
        Self { limiter }
    }

    /// `Err(seconds to wait)` when the client is over its budget.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        let Some(l) = &self.limiter else {
            return Ok(());
        };
        l.check_key(&ip).map_err(|not_until| {
            not_until
                .wait_time_from(DefaultClock::default().now())
                .as_secs()
                .max(1)
        })
    }

    /// Forget idle clients so memory stays bounded.
    pub fn shrink(&self) {
        if let Some(l) = &self.limiter {
            l.retain_recent();
            l.shrink_to_fit();
        }
    }
}

pub async fn rate_limit(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let path = req.path();
    let limited = path.starts_with("/v1/") && path != "/v1/openapi.json";
    if limited {
        if let (Some(l), Some(peer)) = (req.app_data::<web::Data<ClientLimiter>>(), req.peer_addr())
        {
            let client = match req.app_data::<web::Data<super::client::TrustedProxies>>() {
                Some(p) => p.client(peer.ip(), req.headers()),
                None => peer.ip(),
            };
            if let Err(secs) = l.check(client) {
                let resp = ApiError::TooManyRequests(secs).error_response();
                return Ok(req.into_response(resp));
            }
        }
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

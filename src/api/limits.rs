//! Rate limiting on the public API (`governor`, MIT/Apache-2.0), answering 429 with
//! `Retry-After` when a budget is spent. A request with a valid API key spends its key's
//! budget (the key's quota; the front-end's server, calling for every resident, gets one
//! of its own instead of sharing its address's); any other spends its client address's
//! (the peer's, or the one a trusted proxy forwards: `client`). Probes, metrics and
//! the OpenAPI document are never limited.
use std::collections::HashMap;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, Error, ResponseError};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::errors::ApiError;

pub struct ClientLimiter {
    limiter: Option<DefaultKeyedRateLimiter<IpAddr>>,
    /// One bucket per key id, with the quota it was made for.
    keys: Mutex<HashMap<String, (u32, Arc<DefaultDirectRateLimiter>)>>,
}

/// A minute's requests, with a sixth of them (at least 10) allowed at once.
fn quota(per_minute: NonZeroU32) -> Quota {
    let burst = NonZeroU32::new((per_minute.get() / 6).max(10)).unwrap_or(per_minute);
    Quota::per_minute(per_minute).allow_burst(burst)
}

fn wait(not_until: governor::NotUntil<governor::clock::QuantaInstant>) -> u64 {
    not_until
        .wait_time_from(DefaultClock::default().now())
        .as_secs()
        .max(1)
}

impl ClientLimiter {
    /// `per_minute = 0` turns limiting by address off (for load tests behind a trusted
    /// proxy); keys keep their quotas.
    pub fn new(per_minute: u32) -> Self {
        let limiter = NonZeroU32::new(per_minute).map(|n| RateLimiter::keyed(quota(n)));
        Self {
            limiter,
            keys: Mutex::new(HashMap::new()),
        }
    }

    /// `Err(seconds to wait)` when the key `id` is over its `per_minute` (0: no limit).
    pub fn check_key(&self, id: &str, per_minute: u32) -> Result<(), u64> {
        let Some(n) = NonZeroU32::new(per_minute) else {
            return Ok(());
        };
        let bucket = {
            let mut keys = self.keys.lock().unwrap_or_else(|p| p.into_inner());
            let entry = keys
                .entry(id.to_string())
                .or_insert_with(|| (per_minute, Arc::new(RateLimiter::direct(quota(n)))));
            if entry.0 != per_minute {
                *entry = (per_minute, Arc::new(RateLimiter::direct(quota(n))));
            }
            entry.1.clone()
        };
        bucket.check().map_err(wait)
    }

    /// `Err(seconds to wait)` when the client is over its budget.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        let Some(l) = &self.limiter else {
            return Ok(());
        };
        l.check_key(&ip).map_err(wait)
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
            let key = super::body::bearer(req.headers()).and_then(|token| {
                req.app_data::<web::Data<Arc<crate::state::AppState>>>()
                    .and_then(|s| s.keys.present(token))
            });
            let spent = match key {
                Some(k) => l.check_key(&k.id, k.quota),
                None => {
                    let client = match req.app_data::<web::Data<super::client::TrustedProxies>>() {
                        Some(p) => p.client(peer.ip(), req.headers()),
                        None => peer.ip(),
                    };
                    l.check(client)
                }
            };
            if let Err(secs) = spent {
                let resp = ApiError::TooManyRequests(secs).error_response();
                return Ok(req.into_response(resp));
            }
        }
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

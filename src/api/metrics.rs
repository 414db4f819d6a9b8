//! Prometheus metrics: request counts and latency histograms per route pattern (never per
//! path, so ids never become label values).
use std::sync::Mutex;

use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: String,
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct EventLabels {
    event: String,
}

pub struct Metrics {
    registry: Mutex<Registry>,
    outcomes: Family<EventLabels, Counter>,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::default();
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.0001, 2.5, 14))
        });
        registry.register(
            "talentscan_http_requests",
            "HTTP requests by route and status",
            requests.clone(),
        );
        registry.register(
            "talentscan_http_request_duration_seconds",
            "HTTP request latency by route",
            latency.clone(),
        );
        let outcomes = Family::<EventLabels, Counter>::default();
        registry.register(
            "talentscan_outcome_events",
            "Responses, click-throughs and reported outcomes (contacted, started, not_a_fit, no_reply, still_active, stopped)",
            outcomes.clone(),
        );
        Self {
            outcomes,
            registry: Mutex::new(registry),
            requests,
            latency,
        }
    }
}

impl Metrics {
    pub fn observe(&self, method: &str, route: &str, status: u16, secs: f64) {
        self.requests
            .get_or_create(&RequestLabels {
                method: method.into(),
                route: route.into(),
                status: status.to_string(),
            })
            .inc();
        self.latency
            .get_or_create(&RouteLabels {
                method: method.into(),
                route: route.into(),
            })
            .observe(secs);
    }

    /// Counts one step of closing the loop: `response`, `click_through` or a status.
    pub fn outcome(&self, event: &str) {
        self.outcomes
            .get_or_create(&EventLabels {
                event: event.into(),
            })
            .inc();
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        let reg = self.registry.lock().unwrap_or_else(|p| p.into_inner());
        let _ = encode(&mut out, &reg);
        out
    }
}

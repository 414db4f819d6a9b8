use serde_json::{json, Value};

use crate::helpers::*;

fn assert_frame_headers(r: &reqwest::Response) {
    let h = r.headers();
    assert_eq!(h["api-version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["x-frame-options"], "DENY");
    assert!(h["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("frame-ancestors 'none'"));
    assert!(h.contains_key("cache-control"));
}

#[tokio::test]
async fn health_and_readiness_answer_with_the_frame_headers() {
    let app = spawn_app().await;
    let r = app.get("/healthz").await;
    assert_eq!(r.status(), 200);
    assert_frame_headers(&r);
    let r = app.get("/readyz").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["status"], "ready");
    assert_eq!(v["store"]["tasks"], v["index"]["tasks"]);
    assert!(
        v["store"]["tasks"].as_u64().unwrap() >= 250,
        "the sample catalog was seeded"
    );
}

#[tokio::test]
async fn unknown_routes_and_trailing_slashes_get_404_problems() {
    let app = spawn_app().await;
    for path in [
        "/v1/nothing-here",
        "/v1/tasks/",
        "/v1/questionnaires/",
        "/v2/tasks",
    ] {
        let r = app.get(path).await;
        assert_frame_headers(&r);
        problem(r, 404).await;
    }
}

#[tokio::test]
async fn wrong_method_gets_a_405_problem() {
    let app = spawn_app().await;
    let r = app
        .client
        .delete(app.url("/v1/matches"))
        .send()
        .await
        .unwrap();
    problem(r, 405).await;
}

#[tokio::test]
async fn malformed_json_is_400_and_wrong_content_type_is_415() {
    let app = spawn_app().await;
    let r = app
        .client
        .post(app.url("/v1/scans"))
        .header("content-type", "application/json")
        .body("{\"questionnaire\": ")
        .send()
        .await
        .unwrap();
    assert_frame_headers(&r);
    problem(r, 400).await;
    let r = app
        .client
        .post(app.url("/v1/scans"))
        .header("content-type", "text/plain")
        .body("hello")
        .send()
        .await
        .unwrap();
    problem(r, 415).await;
    let r = app
        .client
        .post(app.url("/v1/matches"))
        .body("{}")
        .send()
        .await
        .unwrap();
    problem(r, 415).await;
    let r = app
        .client
        .post(app.url("/v1/scans"))
        .header("content-type", "application/json")
        .body("")
        .send()
        .await
        .unwrap();
    problem(r, 400).await;
}

#[tokio::test]
async fn oversized_bodies_get_a_413_problem() {
    let app = spawn_app().await;
    let big = format!(
        "{{\"questionnaire\":\"talentscan\",\"answers\":{{\"graag-doen\":\"{}\"}}}}",
        "x".repeat(400 * 1024)
    );
    let r = app
        .client
        .post(app.url("/v1/scans"))
        .header("content-type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    problem(r, 413).await;
}

#[tokio::test]
async fn deeply_nested_json_is_rejected() {
    let app = spawn_app().await;
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let r = app
        .client
        .post(app.url("/v1/matches"))
        .header("content-type", "application/json")
        .body(deep)
        .send()
        .await
        .unwrap();
    problem(r, 400).await;
}

#[tokio::test]
async fn the_served_openapi_document_is_the_committed_one() {
    let app = spawn_app().await;
    let r = app.get("/v1/openapi.json").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    assert_frame_headers(&r);
    let served: Value = r.json().await.unwrap();
    let committed: Value =
        serde_json::from_str(include_str!("../../openapi/openapi.json")).unwrap();
    assert!(
        served == committed,
        "openapi/openapi.json is stale: run `cargo run -- openapi > openapi/openapi.json`"
    );
    assert!(served["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(served["info"]["contact"]["email"].is_string());
    let v = served["info"]["version"].as_str().unwrap();
    assert_eq!(v.split('.').count(), 3, "semver");
    assert_eq!(served["servers"][0]["url"], "/v1");
}

#[tokio::test]
async fn swagger_ui_is_served_from_vendored_assets() {
    let app = spawn_app().await;
    let r = app.get("/docs").await;
    assert_eq!(r.status(), 308);
    let r = app.get("/docs/").await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("swagger-ui"), "{html}");
    assert!(
        !html.contains("https://unpkg") && !html.contains("cdn"),
        "no CDN"
    );
    let r = app.get("/docs/swagger-ui-bundle.js").await;
    assert_eq!(r.status(), 200);
    let r = app.get("/docs/swagger-initializer.js").await;
    let js = r.text().await.unwrap();
    assert!(js.contains("/v1/openapi.json"), "{js}");
}

#[tokio::test]
async fn metrics_count_requests_per_route_pattern() {
    let app = spawn_app().await;
    app.get("/v1/tasks/some-id-that-is-private").await;
    app.get("/healthz").await;
    let r = app.get("/metrics").await;
    assert_eq!(r.status(), 200);
    let text = r.text().await.unwrap();
    assert!(text.contains("talentscan_http_requests_total"), "{text}");
    assert!(text.contains("route=\"/v1/tasks/{id}\""), "{text}");
    assert!(text.contains("talentscan_http_request_duration_seconds_bucket"));
    assert!(
        !text.contains("some-id-that-is-private"),
        "ids never become labels"
    );
}

#[tokio::test]
async fn cors_is_sent_for_allowed_origins() {
    let app = spawn_app().await;
    let r = app
        .client
        .get(app.url("/v1/tasks?limit=1"))
        .header("origin", "https://www.denhaagdoet.nl")
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
    let _ = json!({});
}

#[tokio::test]
async fn clients_over_their_rate_get_429_with_retry_after() {
    let app = spawn_with(|s| s.rate_limit_per_minute = 12).await;
    let mut limited = None;
    for _ in 0..40 {
        let r = app.get("/v1/taxonomies").await;
        if r.status() == 429 {
            limited = Some(r);
            break;
        }
    }
    let r = limited.expect("the limit is reached");
    assert!(
        r.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse::<u64>()
            .unwrap()
            >= 1
    );
    problem(r, 429).await;
    // Probes are never limited.
    assert_eq!(app.get("/healthz").await.status(), 200);
    assert_eq!(app.get("/v1/openapi.json").await.status(), 200);
}

/// How many requests a client gets before its first 429 (at most `max`).
async fn allowed(app: &TestApp, forwarded_for: impl Fn(usize) -> String, max: usize) -> usize {
    for i in 0..max {
        let r = app
            .client
            .get(app.url("/v1/taxonomies"))
            .header("X-Forwarded-For", forwarded_for(i))
            .send()
            .await
            .unwrap();
        if r.status() == 429 {
            return i;
        }
        assert_eq!(r.status(), 200);
    }
    max
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget_and_a_spoofed_header_changes_nothing(
) {
    // The burst is 10 requests at 12 a minute.
    let direct = spawn_with(|s| s.rate_limit_per_minute = 12).await;
    let spoofing = allowed(&direct, |i| format!("198.51.100.{}", i + 1), 40).await;
    assert_eq!(
        spoofing, 10,
        "a new address in the header each time buys nothing"
    );

    let proxied = spawn_with(|s| {
        s.rate_limit_per_minute = 12;
        s.trusted_proxies = "127.0.0.0/8".into();
    })
    .await;
    let first = allowed(&proxied, |_| "198.51.100.1".into(), 40).await;
    assert_eq!(first, 10);
    // Another resident behind the same proxy is not throttled by the first.
    let second = allowed(&proxied, |_| "6.6.6.6, 198.51.100.2".into(), 40).await;
    assert_eq!(second, 10, "the rightmost untrusted hop is the client");
    // Prepending a hop does not escape the first resident's bucket.
    let again = allowed(&proxied, |_| "203.0.113.50, 198.51.100.1".into(), 40).await;
    assert_eq!(again, 0);
}

#[tokio::test]
async fn a_request_with_a_key_spends_its_keys_quota_not_its_addresses() {
    use talentscan::auth::Scope;
    // The address's burst is 10 requests.
    let app = spawn_with(|s| s.rate_limit_per_minute = 12).await;
    let (frontend, _) = app
        .state
        .create_key(&Scope::Client("frontend".into()), "front-end server", None)
        .await
        .unwrap();
    let (tool, _) = app
        .state
        .create_key(&Scope::Organisation("de-kroon".into()), "a tool", Some(60))
        .await
        .unwrap();
    let get = |key: Option<&str>| {
        let mut r = app.client.get(app.url("/v1/taxonomies"));
        if let Some(k) = key {
            r = r.bearer_auth(k.to_string());
        }
        r.send()
    };
    // The front-end's key has no limit: far more than the address's budget, all answered.
    for _ in 0..40 {
        assert_eq!(get(Some(&frontend)).await.unwrap().status(), 200);
    }
    // The address's own budget is untouched by that.
    for _ in 0..10 {
        assert_eq!(get(None).await.unwrap().status(), 200);
    }
    problem(get(None).await.unwrap(), 429).await;
    // A key with a quota of 60 a minute: a burst of 10, then 429 with Retry-After.
    for _ in 0..10 {
        assert_eq!(get(Some(&tool)).await.unwrap().status(), 200);
    }
    let r = get(Some(&tool)).await.unwrap();
    assert!(r.headers().contains_key("retry-after"));
    problem(r, 429).await;
    // A client key reads; it may not write.
    let r = app
        .put_json(
            "/v1/organisations/de-kroon",
            &json!({"name": "De Kroon", "wijk": "Moerwijk"}),
            Some(&frontend),
        )
        .await;
    problem(r, 403).await;
}

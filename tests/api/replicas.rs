//! Replicas on one PostgreSQL store of record (run by `api_postgres` only): each keeps its
//! own copy and follows the database's change stream.
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use talentscan::auth::Scope;

use crate::helpers::*;

fn task(org: &str, id: usize) -> Value {
    json!({"id": format!("t-{org}-{id}"), "title": format!("Koffie schenken {id}"),
           "organisation_id": org, "categories": ["buurt"], "location": {"postcode": "2532"},
           "schedule": {"slots": ["thu-afternoon"], "frequency": "weekly", "hours_per_week": 2}})
}

async fn ready(app: &TestApp, digest: bool) -> Value {
    let q = if digest {
        "/readyz?digest=true"
    } else {
        "/readyz"
    };
    let r = app.get(q).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

/// Polls `check` on `app` until it holds; how long that took (panics after `limit`).
async fn within<F, Fut>(limit: Duration, mut check: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    loop {
        if check().await {
            return start.elapsed();
        }
        assert!(start.elapsed() < limit, "not within {limit:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn second_replica(first: &TestApp) -> TestApp {
    spawn_on(
        tempfile::tempdir().unwrap(),
        first.database_url.clone(),
        |s| s.no_sample = true,
    )
    .await
}

#[tokio::test]
async fn concurrent_writers_on_two_replicas_leave_every_replica_with_every_record() {
    let a = spawn_empty_app().await;
    let b = second_replica(&a).await;
    for (app, org) in [(&a, "de-kroon"), (&b, "de-linde")] {
        let r = app
            .put_json(
                &format!("/v1/organisations/{org}"),
                &json!({"name": org, "wijk": "Moerwijk"}),
                Some(ADMIN_KEY),
            )
            .await;
        assert!(r.status().is_success(), "{}", r.status());
    }
    // Both replicas write at once: single records and batches, interleaved.
    let write = |app: &TestApp, org: &'static str| {
        let client = app.client.clone();
        let base = app.address.clone();
        async move {
            for i in 0..40 {
                let r = if i % 5 == 0 {
                    let batch: Vec<Value> = (0..20).map(|j| task(org, 1000 + i * 20 + j)).collect();
                    client
                        .post(format!("{base}/v1/tasks/import"))
                        .bearer_auth(ADMIN_KEY)
                        .json(&batch)
                        .send()
                        .await
                        .unwrap()
                } else {
                    client
                        .put(format!("{base}/v1/tasks/t-{org}-{i}"))
                        .bearer_auth(ADMIN_KEY)
                        .json(&task(org, i))
                        .send()
                        .await
                        .unwrap()
                };
                assert!(r.status().is_success(), "{}", r.status());
            }
        }
    };
    tokio::join!(write(&a, "de-kroon"), write(&b, "de-linde"));
    // Each replica answered its own writes; the other's arrive within a second, in its
    // store and in its index (a write is in the store a moment before its index commit).
    let expected = 2 * (32 + 8 * 20);
    for app in [&a, &b] {
        within(Duration::from_secs(1), || async {
            let r = ready(app, false).await;
            r["store"]["tasks"] == expected && r["index"]["tasks"] == expected
        })
        .await;
    }
    let (da, db) = (ready(&a, true).await, ready(&b, true).await);
    assert_eq!(da["sequence"], db["sequence"]);
    assert_eq!(da["digest"], db["digest"]);
    assert_eq!(da["index"]["tasks"], expected);
    assert_eq!(db["index"]["tasks"], expected);
    assert_eq!(da["store_of_record"], "postgresql");
}

#[tokio::test]
async fn a_write_through_one_replica_is_in_the_others_answers_within_a_second() {
    let a = spawn_empty_app().await;
    let b = second_replica(&a).await;
    let r = a
        .put_json(
            "/v1/organisations/de-kroon",
            &json!({"name": "De Kroon", "wijk": "Moerwijk"}),
            Some(ADMIN_KEY),
        )
        .await;
    assert!(r.status().is_success());
    let r = a
        .put_json("/v1/tasks/soep-koken", &json!({"title": "Soep koken voor de buurt",
            "organisation_id": "de-kroon", "categories": ["eten-koken"], "location": {"postcode": "2532"},
            "schedule": {"slots": ["thu-morning"], "frequency": "weekly", "hours_per_week": 2}}),
            Some(ADMIN_KEY))
        .await;
    assert!(r.status().is_success());
    // On the replica that took the write: at once.
    assert_eq!(a.get("/v1/tasks/soep-koken").await.status(), 200);
    let match_body = json!({"persona": {"travel": {"origin": {"postcode": "2532"}, "radius_km": 5},
        "availability": {"slots": ["thu-morning"]}, "interests": {"eten-koken": 1.0}}, "limit": {"tasks": 50}});
    let shows = |app: &TestApp| {
        let client = app.client.clone();
        let url = app.url("/v1/matches");
        let body = match_body.clone();
        async move {
            let v: Value = client
                .post(url)
                .json(&body)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            v["tasks"]
                .as_array()
                .is_some_and(|t| t.iter().any(|x| x["id"] == "soep-koken"))
        }
    };
    assert!(shows(&a).await, "the writing replica matches it at once");
    within(Duration::from_secs(1), || shows(&b)).await;
    assert_eq!(b.get("/v1/tasks/soep-koken").await.status(), 200);
    // A delete travels the same way.
    let r = b
        .client
        .delete(b.url("/v1/tasks/soep-koken"))
        .bearer_auth(ADMIN_KEY)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
    assert_eq!(b.get("/v1/tasks/soep-koken").await.status(), 404);
    within(Duration::from_secs(1), || async {
        a.get("/v1/tasks/soep-koken").await.status() == 404
    })
    .await;
    assert!(!shows(&a).await);
}

#[tokio::test]
async fn a_scan_erased_through_one_replica_is_gone_on_all_and_a_revoked_key_is_refused_by_all() {
    let a = spawn_app().await;
    let b = second_replica(&a).await;
    let mut req = fixture("scans/wim.json")["request"].clone();
    req["store"] = json!(true);
    let r = a.post_json("/v1/scans", &req).await;
    assert_eq!(r.status(), 201);
    let id = r.json::<Value>().await.unwrap()["scan_id"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("/v1/scans/{id}");
    assert_eq!(
        b.get(&path).await.status(),
        200,
        "stored through a, read on b"
    );
    let r = b.client.delete(b.url(&path)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    for app in [&a, &b] {
        problem(app.get(&path).await, 404).await;
    }

    let (key, info) = a
        .state
        .create_key(
            &Scope::Organisation("de-kroon".into()),
            "replica test",
            None,
        )
        .await
        .unwrap();
    let org = json!({"name": "De Kroon", "wijk": "Moerwijk"});
    within(Duration::from_secs(1), || async {
        b.put_json("/v1/organisations/de-kroon", &org, Some(&key))
            .await
            .status()
            .is_success()
    })
    .await;
    assert!(a.state.revoke_key(&info.id).await.unwrap());
    assert_eq!(
        a.put_json("/v1/organisations/de-kroon", &org, Some(&key))
            .await
            .status(),
        401
    );
    within(Duration::from_secs(1), || async {
        b.put_json("/v1/organisations/de-kroon", &org, Some(&key))
            .await
            .status()
            == 401
    })
    .await;
}

#[tokio::test]
async fn a_new_replica_starts_from_the_database_alone() {
    let a = spawn_app().await;
    let before = ready(&a, true).await;
    assert!(before["store"]["tasks"].as_u64().unwrap() > 200);
    let b = second_replica(&a).await;
    let fresh = ready(&b, true).await;
    assert_eq!(fresh["digest"], before["digest"]);
    assert_eq!(fresh["index"], before["index"]);
    assert_eq!(fresh["sequence"], before["sequence"]);
}

#[tokio::test]
async fn while_the_database_is_away_replicas_answer_reads_and_refuse_writes_with_503() {
    // A cluster of its own: this test stops it.
    let mut pg = postgres::Postgres::start();
    let url = pg.database();
    let a = spawn_on(tempfile::tempdir().unwrap(), Some(url.clone()), |_| {}).await;
    let b = spawn_on(tempfile::tempdir().unwrap(), Some(url), |_| {}).await;
    let m = json!({"persona": {"travel": {"origin": {"postcode": "2532"}, "radius_km": 5},
        "availability": {"slots": ["thu-morning", "tue-morning"]}, "interests": {"eten-koken": 1.0}}});
    pg.stop();
    for app in [&a, &b] {
        let r = app.post_json("/v1/matches", &m).await;
        assert_eq!(r.status(), 200, "matches go on");
        let v: Value = r.json().await.unwrap();
        assert!(!v["tasks"].as_array().unwrap().is_empty());
        assert_eq!(app.get("/v1/tasks?q=koken").await.status(), 200);
        assert_eq!(app.get("/v1/questionnaires/talentscan").await.status(), 200);
        let r = app
            .put_json(
                "/v1/organisations/de-kroon",
                &json!({"name": "De Kroon", "wijk": "Moerwijk"}),
                Some(ADMIN_KEY),
            )
            .await;
        assert_eq!(r.headers()["retry-after"], "5");
        problem(r, 503).await;
        let mut scan = fixture("scans/wim.json")["request"].clone();
        scan["store"] = json!(true);
        problem(app.post_json("/v1/scans", &scan).await, 503).await;
        scan["store"] = json!(false);
        assert_eq!(app.post_json("/v1/scans", &scan).await.status(), 200);
        // Its anonymous count waits for nothing either.
        scan["answers"]["meetellen"] = json!("ja");
        let started = std::time::Instant::now();
        assert_eq!(app.post_json("/v1/scans", &scan).await.status(), 200);
        assert!(started.elapsed() < Duration::from_secs(2));
    }
    within(Duration::from_secs(3), || async {
        ready(&a, false).await["store_available"] == false
    })
    .await;
    pg.resume();
    // Writes resume without a restart; both replicas converge.
    let org = json!({"name": "De Kroon", "wijk": "Moerwijk"});
    within(Duration::from_secs(10), || async {
        a.put_json("/v1/organisations/de-kroon", &org, Some(ADMIN_KEY))
            .await
            .status()
            .is_success()
    })
    .await;
    within(Duration::from_secs(3), || async {
        b.get("/v1/organisations/de-kroon").await.status() == 200
    })
    .await;
    let (da, db) = (ready(&a, true).await, ready(&b, true).await);
    assert_eq!(da["digest"], db["digest"]);
    assert_eq!(db["store_available"], true);
}

#[tokio::test]
async fn two_replicas_starting_at_once_on_an_empty_database_migrate_it_once() {
    let url = shared_postgres().database();
    let (a, b) = tokio::join!(
        spawn_on(tempfile::tempdir().unwrap(), Some(url.clone()), |_| {}),
        spawn_on(tempfile::tempdir().unwrap(), Some(url.clone()), |_| {})
    );
    let db = url.rsplit('/').next().unwrap();
    let versions = shared_postgres().psql_in(
        db,
        "SELECT count(*), count(DISTINCT version) FROM schema_migrations",
    );
    let (n, distinct) = versions.split_once('|').unwrap();
    assert_eq!(n, distinct, "each migration applied once");
    assert!(n.parse::<u32>().unwrap() >= 1);
    // Both seeded the same sample or one of them did: either way one catalog.
    within(Duration::from_secs(2), || async {
        let (ra, rb) = (ready(&a, true).await, ready(&b, true).await);
        ra["digest"] == rb["digest"] && ra["store"]["tasks"].as_u64() > Some(200)
    })
    .await;
}

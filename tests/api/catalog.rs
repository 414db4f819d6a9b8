use serde_json::{json, Value};

use crate::helpers::*;

fn org(id: &str) -> Value {
    json!({"id": id, "name": "Buurtkamer Test", "description": "Een fictieve buurtkamer.", "wijk": "Moerwijk",
           "location": {"lat": 52.0474, "lon": 4.2966}, "contact": {"name": "Sam"}})
}

fn task(id: &str, org: &str, title: &str) -> Value {
    json!({"id": id, "title": title, "description": "Je helpt mee.", "organisation_id": org,
           "categories": ["buurt"], "skills": ["gastvrijheid"], "learn_skills": [],
           "location": {"wijk": "Moerwijk", "postcode": "2532", "lat": 52.0474, "lon": 4.2966},
           "schedule": {"slots": ["thu-afternoon"], "frequency": "weekly", "hours_per_week": 2},
           "physical_load": "low", "language_level": "A2",
           "onboarding": {"intro_meeting": true, "buddy": true, "training_provided": false, "trial_period": true},
           "contact": {"name": "Sam", "email": "sam@example.org"},
           "allowance": {"kind": "expenses"}, "certificate": false})
}

#[tokio::test]
async fn writes_need_a_valid_key() {
    let app = spawn_empty_app().await;
    let r = app.put_json("/v1/organisations/o1", &org("o1"), None).await;
    let p = problem(r, 401).await;
    assert!(p["detail"].as_str().unwrap().contains("Bearer"));
    let r = app
        .put_json("/v1/organisations/o1", &org("o1"), Some("wrong-key"))
        .await;
    problem(r, 401).await;
    let r = app.import("tasks", &json!([]), "wrong-key").await;
    problem(r, 401).await;
    let r = app
        .client
        .delete(app.url("/v1/organisations/o1"))
        .send()
        .await
        .unwrap();
    problem(r, 401).await;
}

#[tokio::test]
async fn upsert_read_search_and_delete_round_trip() {
    let app = spawn_empty_app().await;
    let r = app
        .put_json("/v1/organisations/o1", &org("o1"), Some(ADMIN_KEY))
        .await;
    assert_eq!(r.status(), 201);
    let r = app
        .put_json(
            "/v1/tasks/t1",
            &task("t1", "o1", "Posters ophangen in de buurtkamer"),
            Some(ADMIN_KEY),
        )
        .await;
    assert_eq!(r.status(), 201);
    // Visible at once (the write is committed to the index before it is acknowledged).
    let v: Value = app.get("/v1/tasks?q=posters").await.json().await.unwrap();
    assert_eq!(v["total"], 1);
    assert_eq!(v["items"][0]["id"], "t1");
    // Replace: 200, and search sees the new title.
    let r = app
        .put_json(
            "/v1/tasks/t1",
            &task("t1", "o1", "Ramen lappen in de buurtkamer"),
            Some(ADMIN_KEY),
        )
        .await;
    assert_eq!(r.status(), 200);
    let v: Value = app.get("/v1/tasks?q=posters").await.json().await.unwrap();
    assert_eq!(v["total"], 0);
    let v: Value = app.get("/v1/tasks/t1").await.json().await.unwrap();
    assert_eq!(v["title"], "Ramen lappen in de buurtkamer");
    // Matching sees it too.
    let m: Value = app
        .post_json(
            "/v1/matches",
            &json!({"persona": {"travel": {"origin": {"postcode": "2532"}, "radius_km": 2}}}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(m["tasks"][0]["id"], "t1");
    let r = app
        .client
        .delete(app.url("/v1/tasks/t1"))
        .bearer_auth(ADMIN_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    problem(app.get("/v1/tasks/t1").await, 404).await;
    let m: Value = app
        .post_json("/v1/matches", &json!({"persona": {}}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(m["tasks"].as_array().unwrap().len(), 0);
    problem(
        app.client
            .delete(app.url("/v1/tasks/t1"))
            .bearer_auth(ADMIN_KEY)
            .send()
            .await
            .unwrap(),
        404,
    )
    .await;
}

#[tokio::test]
async fn invalid_records_get_every_problem_with_a_pointer_and_nothing_is_written() {
    let app = spawn_empty_app().await;
    app.put_json("/v1/organisations/o1", &org("o1"), Some(ADMIN_KEY))
        .await;
    let mut t = task("t1", "no-such-org", "");
    t["categories"] = json!(["buurt", "made-up"]);
    t["schedule"]["slots"] = json!(["thu-night"]);
    t["location"] = json!({"lat": 48.85, "lon": 2.35});
    t["language_level"] = json!("Z9");
    let r = app.put_json("/v1/tasks/t1", &t, Some(ADMIN_KEY)).await;
    let p = problem(r, 422).await;
    let ptrs = pointers(&p);
    for want in [
        "/title",
        "/organisation_id",
        "/categories/1",
        "/schedule/slots",
        "/location/lat",
        "/language_level",
    ] {
        assert!(
            ptrs.iter().any(|x| x.starts_with(want)),
            "missing {want} in {ptrs:?}"
        );
    }
    problem(app.get("/v1/tasks/t1").await, 404).await;
    let r = app
        .put_json("/v1/tasks/t2", &json!({"id": "other"}), Some(ADMIN_KEY))
        .await;
    problem(r, 422).await;
    let r = app
        .put_json("/v1/tasks/Bad%20Id", &task("x", "o1", "x"), Some(ADMIN_KEY))
        .await;
    problem(r, 422).await;
}

#[tokio::test]
async fn import_keeps_the_valid_records_and_reports_the_rest() {
    let app = spawn_empty_app().await;
    let r = app
        .import("organisations", &json!([org("o1"), org("o2")]), ADMIN_KEY)
        .await;
    let rep: Value = r.json().await.unwrap();
    assert_eq!(rep["written"], 2);
    let batch = json!([task("a", "o1", "Taak A"), task("b", "nope", "Taak B"), task("c", "o2", "Taak C"), {"title": "no id"}]);
    let r = app.import("tasks", &batch, ADMIN_KEY).await;
    assert_eq!(r.status(), 200);
    let rep: Value = r.json().await.unwrap();
    assert_eq!(rep["received"], 4);
    assert_eq!(rep["written"], 2);
    assert_eq!(rep["rejected"], 2);
    assert_eq!(rep["errors"][0]["index"], 1);
    assert_eq!(
        rep["errors"][0]["errors"][0]["pointer"],
        "/1/organisation_id"
    );
    // Idempotent: the same import again changes nothing.
    let rep2: Value = app
        .import("tasks", &batch, ADMIN_KEY)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(rep2["written"], 2);
    let v: Value = app.get("/v1/tasks").await.json().await.unwrap();
    assert_eq!(v["total"], 2);
    // NDJSON works too.
    let nd = format!(
        "{}\n{}\n",
        task("d", "o1", "Taak D"),
        task("e", "o1", "Taak E")
    );
    let r = app
        .client
        .post(app.url("/v1/tasks/import"))
        .bearer_auth(ADMIN_KEY)
        .header("content-type", "application/x-ndjson")
        .body(nd)
        .send()
        .await
        .unwrap();
    let rep: Value = r.json().await.unwrap();
    assert_eq!(rep["written"], 2);
    let v: Value = app
        .get("/v1/readyz".trim_start_matches("/v1"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["store"]["tasks"], 4);
    assert_eq!(v["index"]["tasks"], 4);
}

#[tokio::test]
async fn dutch_search_finds_word_variants() {
    let app = spawn_empty_app().await;
    app.put_json("/v1/organisations/o1", &org("o1"), Some(ADMIN_KEY))
        .await;
    for (id, title) in [
        ("k1", "Koken voor buren"),
        ("k2", "Kookcafé in de wijk"),
        ("k3", "Hij kookt graag"),
        ("x1", "Fietsen repareren"),
    ] {
        assert_eq!(
            app.put_json(
                &format!("/v1/tasks/{id}"),
                &task(id, "o1", title),
                Some(ADMIN_KEY)
            )
            .await
            .status(),
            201
        );
    }
    let v: Value = app.get("/v1/tasks?q=koken").await.json().await.unwrap();
    let ids: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"k1"), "{ids:?}");
    assert!(!ids.contains(&"x1"));
    // Accents are folded: "kookcafe" finds "Kookcafé".
    let v: Value = app.get("/v1/tasks?q=kookcafe").await.json().await.unwrap();
    assert_eq!(v["items"][0]["id"], "k2");
    // Stop words alone match nothing, and query syntax never errors.
    let r = app.get("/v1/tasks?q=%22de%20het%22%20AND%20(").await;
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn the_sociale_kaart_filters_and_pages() {
    let app = spawn_app().await;
    let v: Value = app
        .get("/v1/tasks?wijk=Moerwijk&limit=5")
        .await
        .json()
        .await
        .unwrap();
    assert!(v["total"].as_u64().unwrap() > 5);
    assert_eq!(v["items"].as_array().unwrap().len(), 5);
    for t in v["items"].as_array().unwrap() {
        assert_eq!(t["location"]["wijk"], "Moerwijk");
    }
    let v: Value = app
        .get("/v1/tasks?near=52.04,4.27&radiusKm=1.5&category=eten-koken")
        .await
        .json()
        .await
        .unwrap();
    let mut last = 0.0;
    for t in v["items"].as_array().unwrap() {
        let d = t["distance_km"].as_f64().unwrap();
        assert!(d <= 1.5 && d >= last);
        last = d;
        assert!(t["categories"]
            .as_array()
            .unwrap()
            .contains(&json!("eten-koken")));
    }
    let v: Value = app
        .get("/v1/trainings?topic=ehbo&free=true")
        .await
        .json()
        .await
        .unwrap();
    assert!(v["total"].as_u64().unwrap() >= 1);
    for t in v["items"].as_array().unwrap() {
        assert_eq!(t["cost_eur"], 0.0);
    }
    let p = problem(
        app.get("/v1/tasks?limit=0&slot=someday&near=1,2&category=nope")
            .await,
        400,
    )
    .await;
    assert_eq!(pointers(&p).len(), 4, "{p}");
    let v: Value = app
        .get("/v1/organisations?q=voedselbank")
        .await
        .json()
        .await
        .unwrap();
    assert!(v["total"].as_u64().unwrap() >= 1);
    let v: Value = app.get("/v1/taxonomies").await.json().await.unwrap();
    assert!(v["categories"].as_array().unwrap().len() >= 10);
    assert_eq!(v["slots"].as_array().unwrap().len(), 21);
    assert_eq!(v["wijken"].as_array().unwrap().len(), 44);
}

#[tokio::test]
async fn restarting_does_not_duplicate_the_sample_and_reindex_gives_the_same_results() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    let app = spawn_in(dir, |_| {}).await;
    let before: Value = app.get("/readyz").await.json().await.unwrap();
    let search: Value = app
        .get("/v1/tasks?q=koken&limit=50")
        .await
        .json()
        .await
        .unwrap();
    let TestApp {
        dir,
        state,
        database_url,
        ..
    } = app;
    drop(state);
    // A second server on the same directory (the first keeps its sled lock in this
    // process, so reopen through a copy of the data).
    let copy = tempfile::tempdir().unwrap();
    copy_dir(&path, copy.path());
    let app2 = spawn_on(copy, database_url, |_| {}).await;
    let after: Value = app2.get("/readyz").await.json().await.unwrap();
    assert_eq!(before["store"], after["store"], "no duplicate seeding");
    let n = app2.state.reindex().unwrap();
    assert!(n > 250);
    let search2: Value = app2
        .get("/v1/tasks?q=koken&limit=50")
        .await
        .json()
        .await
        .unwrap();
    let ids = |v: &Value| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(search["total"], search2["total"]);
    assert_eq!(ids(&search), ids(&search2));
    drop(dir);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        let t = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &t);
        } else {
            std::fs::copy(&p, &t).unwrap();
        }
    }
}

#[tokio::test]
async fn no_sample_starts_with_an_empty_catalog_but_full_taxonomies() {
    let app = spawn_empty_app().await;
    let v: Value = app.get("/readyz").await.json().await.unwrap();
    assert_eq!(v["store"]["tasks"], 0);
    let v: Value = app.get("/v1/taxonomies").await.json().await.unwrap();
    assert!(!v["skills"].as_array().unwrap().is_empty());
    let v: Value = app
        .post_json("/v1/scans", &fixture("scans/ellen.json")["request"])
        .await
        .json()
        .await
        .unwrap();
    assert!(v["archetype"].is_object());
}

/// What the API hands out can be sent back as it is: an organisation without a contact
/// (found by the `catalog_record` fuzz target) and a full task both survive GET then PUT.
#[tokio::test]
async fn a_record_read_back_can_be_written_back_unchanged() {
    let app = spawn_empty_app().await;
    let (got, again) = write_read_write_read(
        &app,
        "/v1/organisations/zonder-contact",
        &json!({"name": "Zonder contact", "wijk": "Moerwijk"}),
    )
    .await;
    assert_eq!(got, again);

    let mut t = task("geen-contact", "zonder-contact", "Koffie schenken");
    t.as_object_mut().unwrap().remove("contact");
    write_read_write_read(&app, "/v1/tasks/geen-contact", &t).await;
}

/// PUT a record, GET it, PUT what came back, GET again; every write must succeed.
async fn write_read_write_read(app: &TestApp, path: &str, record: &Value) -> (Value, Value) {
    let r = app.put_json(path, record, Some(ADMIN_KEY)).await;
    assert!(r.status().is_success(), "{path}: {}", r.status());
    let got: Value = app.get(path).await.json().await.unwrap();
    let r = app.put_json(path, &got, Some(ADMIN_KEY)).await;
    assert!(
        r.status().is_success(),
        "{path} written back: {}",
        r.status()
    );
    let again: Value = app.get(path).await.json().await.unwrap();
    (got, again)
}

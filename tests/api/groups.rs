//! Training groups for the academy: only stored scans whose residents asked to hear of a
//! course nearby are planned, proposals name topic, moment, venue and size and never
//! people, an announced group reaches exactly the residents it fits, and an erased scan
//! leaves every proposal at once.
use serde_json::{json, Value};
use talentscan::auth::Scope;

use crate::helpers::{problem, spawn_app, TestApp, ADMIN_KEY};

/// A scan of a resident in Moerwijk who wants to learn computer skills on Tuesday
/// morning; stored or not, with or without the consent to hear of a course.
async fn scan(app: &TestApp, store: bool, consent: Option<&str>) -> Option<String> {
    let mut answers = json!({"woonplek": "2532", "tijden": ["tue-morning"],
                             "interesses": ["buurt"], "leren": ["computer"]});
    if let Some(c) = consent {
        answers["cursus-bericht"] = json!(c);
    }
    let r = app
        .post_json(
            "/v1/scans",
            &json!({"questionnaire": "talentscan", "answers": answers, "store": store}),
        )
        .await;
    assert_eq!(
        r.status(),
        if store { 201 } else { 200 },
        "{}",
        r.text().await.unwrap_or_default()
    );
    let v: Value = r.json().await.unwrap();
    v["scan_id"].as_str().map(str::to_string)
}

async fn groups(app: &TestApp, key: Option<&str>) -> reqwest::Response {
    let mut r = app.client.get(app.url("/v1/insight/training-groups"));
    if let Some(k) = key {
        r = r.bearer_auth(k);
    }
    r.send().await.unwrap()
}

async fn proposals(app: &TestApp) -> Value {
    let r = groups(app, Some(ADMIN_KEY)).await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

async fn notices(app: &TestApp, scan_id: &str) -> Vec<String> {
    let r = app
        .post_json("/v1/matches", &json!({"scan_id": scan_id}))
        .await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    v["notices"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["code"] == "course_nearby")
        .map(|n| n["text"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn groups_come_from_consenting_stored_scans_and_announcements_reach_only_them() {
    let app = spawn_app().await;
    let mut consenting = Vec::new();
    for _ in 0..5 {
        consenting.push(scan(&app, true, Some("ja")).await.unwrap());
    }
    // Stored without the consent, or consenting but not stored: never planned.
    let without = scan(&app, true, Some("nee")).await.unwrap();
    scan(&app, true, None).await.unwrap();
    scan(&app, false, Some("ja")).await;
    scan(&app, false, Some("ja")).await;
    let report = proposals(&app).await;
    assert_eq!(report["min_group"], 6);
    assert_eq!(report["max_group"], 12);
    assert_eq!(
        report["proposals"],
        json!([]),
        "five residents are not a group"
    );

    consenting.push(scan(&app, true, Some("ja")).await.unwrap());
    let report = proposals(&app).await;
    let ps = report["proposals"].as_array().unwrap();
    assert_eq!(ps.len(), 1, "{report}");
    let p = &ps[0];
    assert_eq!(p["topic"], "computer");
    assert_eq!(p["slot"], "tue-morning");
    assert_eq!(p["size"], 6);
    assert!(!p["venue_name"].as_str().unwrap().is_empty());
    // Fewer residents than a figure may be about: the number behind it is not shown.
    assert_eq!(report["residents"], Value::Null);
    // Nothing that points at a person.
    let text = report.to_string();
    for id in &consenting {
        assert!(!text.contains(id.as_str()));
    }
    let mut keys: Vec<&String> = p.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["id", "size", "slot", "topic", "venue_id", "venue_name"]
    );

    // Before it is announced, nobody hears of it.
    assert!(notices(&app, &consenting[0]).await.is_empty());
    let r = app
        .client
        .post(app.url("/v1/insight/training-groups/announcements"))
        .bearer_auth(ADMIN_KEY)
        .json(&json!({"proposal_id": p["id"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let a: Value = r.json().await.unwrap();
    let said = notices(&app, &consenting[0]).await;
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("Werken met de computer") || said[0].contains("omputer"),
        "{}",
        said[0]
    );
    assert!(said[0].contains("dinsdagochtend"), "{}", said[0]);
    assert!(
        notices(&app, &without).await.is_empty(),
        "no consent, no notice"
    );
    assert_eq!(proposals(&app).await["announcements"][0]["id"], a["id"]);

    // Erasing one scan takes its wish with it at once: five are no longer a group.
    let r = app
        .client
        .delete(app.url(&format!("/v1/scans/{}", consenting[5])))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(proposals(&app).await["proposals"], json!([]));

    // Withdrawn: the notice goes; twice is a 404.
    let at = format!(
        "/v1/insight/training-groups/announcements/{}",
        a["id"].as_str().unwrap()
    );
    let withdraw = || {
        app.client
            .delete(app.url(&at))
            .bearer_auth(ADMIN_KEY)
            .send()
    };
    assert_eq!(withdraw().await.unwrap().status(), 204);
    assert!(notices(&app, &consenting[0]).await.is_empty());
    problem(withdraw().await.unwrap(), 404).await;
}

#[tokio::test]
async fn only_insight_and_admin_keys_plan_groups_and_bad_input_is_a_problem() {
    let app = spawn_app().await;
    problem(groups(&app, None).await, 401).await;
    let (org_key, _) = app
        .state
        .create_key(
            &Scope::Organisation("org-buurthuis-moerwijk".into()),
            "org",
            None,
        )
        .await
        .unwrap();
    problem(groups(&app, Some(&org_key)).await, 403).await;
    let (insight_key, _) = app
        .state
        .create_key(&Scope::Insight, "academie", None)
        .await
        .unwrap();
    assert_eq!(groups(&app, Some(&insight_key)).await.status(), 200);

    let post = |body: Value| {
        app.client
            .post(app.url("/v1/insight/training-groups/announcements"))
            .bearer_auth(&insight_key)
            .json(&body)
            .send()
    };
    let p = problem(post(json!({"proposal_id": 7})).await.unwrap(), 422).await;
    assert_eq!(p["errors"][0]["pointer"], "/proposal_id", "{p}");
    problem(post(json!({"proposal": "x"})).await.unwrap(), 422).await;
    problem(
        post(json!({"proposal_id": "computer|tue-morning|nowhere"}))
            .await
            .unwrap(),
        404,
    )
    .await;
}

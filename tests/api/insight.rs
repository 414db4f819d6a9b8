//! Insight: a scan counts towards the neighbourhood's figures only with its own consent,
//! nothing per person is kept, only months that are over are shown, and no figure is about
//! fewer than k residents or can be worked out from the others.
use serde_json::{json, Value};
use talentscan::auth::Scope;

use crate::helpers::{pointers, problem, spawn_with, TestApp, ADMIN_KEY};

async fn scan(app: &TestApp, postcode: &str, consent: Option<&str>) {
    let mut answers = json!({"woonplek": postcode, "tijden": ["thu-afternoon", "sat-morning"],
                             "interesses": ["jeugd", "eten-koken"]});
    if let Some(c) = consent {
        answers["meetellen"] = json!(c);
    }
    let r = app
        .post_json(
            "/v1/scans",
            &json!({"questionnaire": "talentscan", "answers": answers}),
        )
        .await;
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
}

/// The counts are written beside the scan's answer: wait until `n` residents are counted.
async fn counted(app: &TestApp, month: &str, n: u64) -> Value {
    for _ in 0..100 {
        let r = serde_json::to_value(app.state.needs_report(month).await.unwrap()).unwrap();
        let total = r["city"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["dimension"] == "residents")
            .and_then(|d| d["asking"].as_u64());
        if total == Some(n) {
            return r;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("{n} residents were not counted");
}

async fn needs(app: &TestApp, key: Option<&str>, month: &str) -> reqwest::Response {
    let mut r = app
        .client
        .get(app.url(&format!("/v1/insight/needs?month={month}")));
    if let Some(k) = key {
        r = r.bearer_auth(k);
    }
    r.send().await.unwrap()
}

#[tokio::test]
async fn only_consenting_scans_count_and_small_or_derivable_figures_stay_hidden() {
    let app = spawn_with(|s| s.clock = Some(time::macros::datetime!(2026-11-15 12:00 UTC))).await;
    // Moerwijk 12, Morgenstond 11, Bouwlust 3 consent; 6 more do not.
    for _ in 0..12 {
        scan(&app, "2532", Some("ja")).await;
    }
    for _ in 0..11 {
        scan(&app, "2541", Some("ja")).await;
    }
    for _ in 0..3 {
        scan(&app, "2543", Some("ja")).await;
    }
    for c in [None, Some("nee"), None, Some("nee"), None, None] {
        scan(&app, "2532", c).await;
    }
    let report = counted(&app, "2026-11", 26).await;
    let wijk = |code: &str| -> Value {
        report["wijken"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(report["k"], 10);
    assert_eq!(
        wijk("WK051836")["residents"],
        12,
        "Moerwijk: the consenting 12 only"
    );
    assert_eq!(
        wijk("WK051833")["residents"],
        Value::Null,
        "Bouwlust: 3 < k"
    );
    // The city's 26 minus the 23 shown leaves 3 that could be in any of the 42 hidden
    // wijken: nothing given away, so Morgenstond's 11 is shown.
    assert_eq!(wijk("WK051834")["residents"], 11);
    let city = |d: &str| {
        report["city"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["dimension"] == d)
            .unwrap()["asking"]
            .clone()
    };
    assert_eq!(city("residents"), 26);
    let jeugd = wijk("WK051836")["needs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["dimension"] == "interest:jeugd")
        .unwrap()
        .clone();
    assert_eq!(jeugd["asking"], 12);
    assert!(jeugd["offer"].as_u64().is_some(), "{jeugd}");
    // Nothing person-shaped in the store: the counters are all there is.
    let text = report.to_string();
    assert!(!text.contains("2532"), "no postcode in the figures");

    // Reading: an admin or insight key, a month that is over.
    problem(needs(&app, None, "2026-10").await, 401).await;
    let org = app
        .state
        .create_key(&Scope::Organisation("de-kroon".into()), "t", None)
        .await
        .unwrap()
        .0;
    problem(needs(&app, Some(&org), "2026-10").await, 403).await;
    let p = problem(needs(&app, Some(ADMIN_KEY), "2026-11").await, 400).await;
    assert_eq!(pointers(&p), ["month"]);
    problem(needs(&app, Some(ADMIN_KEY), "2026-13").await, 400).await;
    let insight = app
        .state
        .create_key(&Scope::Insight, "gemeente", None)
        .await
        .unwrap()
        .0;
    let r = needs(&app, Some(&insight), "2026-10").await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["month"], "2026-10");
    assert_eq!(v["wijken"].as_array().unwrap().len(), 44);
    // The reach of a draft near Moerwijk, from the published figures of November.
    let reach = |key: String, body: Value| {
        let app = &app;
        async move {
            app.client
                .post(app.url("/v1/insight/reach"))
                .bearer_auth(key)
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    let draft = json!({"month": "2026-10", "draft": {"place": "2532", "slots": ["thu-afternoon"], "hours_per_week": 6}});
    let r = reach(org.clone(), draft).await;
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert!(v["wijken"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w == "WK051836"));
    let bad = json!({"month": "2026-11", "draft": {"place": "9999", "hours_per_week": 0}});
    let p = problem(reach(org.clone(), bad).await, 422).await;
    assert_eq!(
        pointers(&p),
        ["/month", "/draft/hours_per_week", "/draft/place"]
    );
    let tasks: Value = app.get("/v1/tasks?limit=1").await.json().await.unwrap();
    let task = &tasks["items"][0];
    let owner = app
        .state
        .create_key(
            &Scope::Organisation(task["organisation_id"].as_str().unwrap().into()),
            "t",
            None,
        )
        .await
        .unwrap()
        .0;
    let mine = json!({"month": "2026-10", "task_id": task["id"]});
    assert_eq!(reach(owner, mine.clone()).await.status(), 200);
    problem(reach(org.clone(), mine).await, 403).await;
    // An insight key writes nothing.
    let r = app
        .put_json(
            "/v1/organisations/x",
            &json!({"name": "x", "wijk": "Moerwijk"}),
            Some(&insight),
        )
        .await;
    problem(r, 403).await;
}

#[tokio::test]
async fn residents_without_a_good_task_count_as_unmet_demand() {
    // No catalog: nobody finds a task, so every counted resident is unmet demand.
    let app = spawn_with(|s| {
        s.no_sample = true;
        s.clock = Some(time::macros::datetime!(2026-11-15 12:00 UTC));
    })
    .await;
    for _ in 0..10 {
        scan(&app, "2532", Some("ja")).await;
    }
    let report = counted(&app, "2026-11", 10).await;
    let moerwijk = report["wijken"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "WK051836")
        .unwrap()
        .clone();
    assert_eq!(moerwijk["residents"], 10);
    let unmet = |d: &str| {
        moerwijk["unmet"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["dimension"] == d)
            .unwrap_or_else(|| panic!("{d} in {moerwijk}"))["asking"]
            .clone()
    };
    assert_eq!(unmet("unmet:residents"), 10);
    assert_eq!(unmet("unmet:interest:jeugd"), 10);
}

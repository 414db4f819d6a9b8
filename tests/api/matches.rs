use serde_json::{json, Value};

use crate::helpers::*;

fn assert_match_shape(m: &Value) {
    assert!(
        !m["tasks"].as_array().unwrap().is_empty(),
        "no task to check: {m}"
    );
    for t in m["tasks"].as_array().unwrap() {
        assert!(
            !t["reasons"].as_array().unwrap().is_empty(),
            "every match says why: {t}"
        );
        for r in t["reasons"].as_array().unwrap() {
            assert!(r["code"].is_string() && !r["text"].as_str().unwrap().is_empty());
        }
        let s = t["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&s));
        assert!(t["organisation"]["name"].is_string());
        assert!(t["allowance_check"]["status"].is_string());
    }
    for t in m["trainings"].as_array().unwrap() {
        assert!(!t["reasons"].as_array().unwrap().is_empty());
    }
    assert_eq!(
        m["notices"][0]["code"], "advice",
        "the persona is advice, not a decision"
    );
}

#[tokio::test]
async fn matches_for_inline_answers_a_stored_scan_and_an_inline_persona() {
    let app = spawn_app().await;
    let req = fixture("scans/ellen.json")["request"].clone();
    let m: Value = app
        .post_json(
            "/v1/matches",
            &json!({"questionnaire": "talentscan", "answers": req["answers"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_match_shape(&m);
    assert!(!m["tasks"].as_array().unwrap().is_empty());
    for t in m["tasks"].as_array().unwrap() {
        let slots = t["schedule"]["slots"].as_array().unwrap();
        let anytime = t["schedule"]["on_call"] == true
            || t["schedule"]["flexible"] == true
            || slots.is_empty();
        assert!(
            anytime || slots.contains(&json!("thu-afternoon")),
            "Ellen is only free on Thursday afternoon: {t}"
        );
        assert!(t["hours_per_week"].as_f64().unwrap() <= 0.75 * 1.25 + 1e-9);
    }
    let mut stored = req.clone();
    stored["store"] = json!(true);
    let s: Value = app
        .post_json("/v1/scans", &stored)
        .await
        .json()
        .await
        .unwrap();
    let m2: Value = app
        .post_json("/v1/matches", &json!({"scan_id": s["scan_id"]}))
        .await
        .json()
        .await
        .unwrap();
    assert_match_shape(&m2);
    assert_eq!(m["tasks"], m2["tasks"], "same persona, same ranking");
    let m3: Value = app
        .post_json(
            "/v1/matches",
            &json!({"persona": {}, "explain": true, "limit": {"tasks": 3, "trainings": 0}}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_match_shape(&m3);
    assert_eq!(m3["tasks"].as_array().unwrap().len(), 3);
    assert!(m3["trainings"].as_array().unwrap().is_empty());
    let ex = m3["tasks"][0]["explain"].as_array().unwrap();
    let total: f64 = ex.iter().map(|c| c["contribution"].as_f64().unwrap()).sum();
    assert!(
        (total - m3["tasks"][0]["score"].as_f64().unwrap()).abs() < 1e-3,
        "contributions add up to the score"
    );
}

#[tokio::test]
async fn work_experience_only_counts_for_people_who_asked() {
    let app = spawn_app().await;
    let base =
        json!({"travel": {"origin": {"wijk": "Moerwijk"}, "radius_km": 10}, "explain": true});
    for (goal, active) in [
        ("not_for_me", false),
        ("not_now", false),
        ("exploring", false),
        ("preparing", true),
        ("searching", true),
    ] {
        let mut p = base.clone();
        p["work_goal"] = json!(goal);
        let m: Value = app
            .post_json(
                "/v1/matches",
                &json!({"persona": p, "explain": true, "limit": {"tasks": 20}}),
            )
            .await
            .json()
            .await
            .unwrap();
        assert!(
            !m["tasks"].as_array().unwrap().is_empty(),
            "{goal}: no task"
        );
        if active {
            assert!(
                m["tasks"].as_array().unwrap().iter().any(|t| t["reasons"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|r| r["code"] == "work_experience")),
                "{goal}: some task should say it gives work experience"
            );
        }
        for t in m["tasks"].as_array().unwrap() {
            let has = t["explain"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["name"] == "work_experience");
            assert_eq!(has, active, "{goal}");
            let reason = t["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["code"] == "work_experience");
            assert!(active || !reason, "{goal}: no work reason");
        }
    }
}

#[tokio::test]
async fn a_benefit_brings_the_allowance_notice_by_age_and_never_filters() {
    let app = spawn_app().await;
    let p = |on: Option<bool>, age: Option<&str>| {
        let mut s = json!({});
        if let Some(o) = on {
            s["on_benefit"] = json!(o);
        }
        if let Some(a) = age {
            s["age_band"] = json!(a);
        }
        json!({"persona": {"situation": s, "travel": {"origin": {"postcode": "2533"}, "radius_km": 4}}})
    };
    let none: Value = app
        .post_json("/v1/matches", &p(None, None))
        .await
        .json()
        .await
        .unwrap();
    let old: Value = app
        .post_json("/v1/matches", &p(Some(true), Some("27_66")))
        .await
        .json()
        .await
        .unwrap();
    let young: Value = app
        .post_json("/v1/matches", &p(Some(true), Some("21_26")))
        .await
        .json()
        .await
        .unwrap();
    let codes = |m: &Value| {
        m["notices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["code"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert!(!codes(&none).iter().any(|c| c.starts_with("benefit")));
    assert!(codes(&old).contains(&"benefit_27_plus".to_string()));
    assert!(codes(&young).contains(&"benefit_under_27".to_string()));
    assert_eq!(
        none["tasks"], old["tasks"],
        "a benefit never filters or reorders tasks"
    );
    // 2026 limits are unknown: the service says so instead of guessing.
    assert!(old["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["allowance"]["kind"] == "volunteer_allowance"));
    for t in old["tasks"].as_array().unwrap() {
        if t["allowance"]["kind"] == "volunteer_allowance" {
            assert_eq!(t["allowance_check"]["status"], "unknown");
            assert!(t["allowance_check"]["text"]
                .as_str()
                .unwrap()
                .contains("nog niet bekend"));
        }
    }
}

#[tokio::test]
async fn bad_match_requests_get_pointers() {
    let app = spawn_app().await;
    let p = problem(app.post_json("/v1/matches", &json!({})).await, 422).await;
    assert_eq!(pointers(&p), vec![""]);
    let p = problem(
        app.post_json("/v1/matches", &json!({"scan_id": "x", "persona": {}}))
            .await,
        422,
    )
    .await;
    assert!(!pointers(&p).is_empty());
    problem(
        app.post_json(
            "/v1/matches",
            &json!({"scan_id": "00000000-0000-4000-8000-000000000000"}),
        )
        .await,
        404,
    )
    .await;
    let body = json!({"persona": {"travel": {"radius_km": -3, "mode": "rocket"}, "interests": {"nope": 1.0}, "skills": ["made-up"], "work_goal": "rich"},
                      "limit": {"tasks": 500}, "overrides": {"slots": ["thu-night"]}, "lang": "fr", "unknown": 1});
    let p = problem(app.post_json("/v1/matches", &body).await, 422).await;
    let ptrs = pointers(&p);
    for want in [
        "/persona/travel",
        "/persona/interests/nope",
        "/persona/skills/0",
        "/persona/work_goal",
        "/limit/tasks",
        "/overrides",
        "/lang",
        "/unknown",
    ] {
        assert!(
            ptrs.iter().any(|x| x.starts_with(want)),
            "missing {want} in {ptrs:?}"
        );
    }
    let p = problem(
        app.post_json(
            "/v1/matches",
            &json!({"persona": {"travel": {"origin": {"postcode": "9999"}}}}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(pointers(&p), vec!["/persona/travel/origin"]);
    problem(
        app.post_json(
            "/v1/matches",
            &json!({"questionnaire": "nope", "answers": {}}),
        )
        .await,
        404,
    )
    .await;
}

#[tokio::test]
async fn overrides_re_rank_without_re_answering() {
    let app = spawn_app().await;
    let persona = json!({"travel": {"origin": {"postcode": "2541"}, "radius_km": 2}, "interests": {"natuur-groen": 1.0}});
    let near: Value = app
        .post_json(
            "/v1/matches",
            &json!({"persona": persona, "limit": {"tasks": 50}}),
        )
        .await
        .json()
        .await
        .unwrap();
    let far: Value = app
        .post_json(
            "/v1/matches",
            &json!({"persona": persona, "limit": {"tasks": 50}, "overrides": {"radius_km": 8}}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert!(far["feasible_tasks"].as_u64() > near["feasible_tasks"].as_u64());
    assert!(!near["tasks"].as_array().unwrap().is_empty());
    for t in near["tasks"].as_array().unwrap() {
        assert!(t["remote"] == true || t["distance_km"].as_f64().unwrap() <= 2.05);
    }
    let sat: Value = app.post_json("/v1/matches", &json!({"persona": persona, "overrides": {"slots": ["sat-morning"], "categories": ["natuur-groen"], "q": "tuin"}})).await.json().await.unwrap();
    assert!(!sat["tasks"].as_array().unwrap().is_empty());
    for t in sat["tasks"].as_array().unwrap() {
        assert!(t["categories"]
            .as_array()
            .unwrap()
            .contains(&json!("natuur-groen")));
    }
    let en: Value = app
        .post_json("/v1/matches", &json!({"persona": persona, "lang": "en"}))
        .await
        .json()
        .await
        .unwrap();
    assert!(en["notices"][0]["text"]
        .as_str()
        .unwrap()
        .starts_with("This is advice"));
}

/// Words count for the tasks a person can reach, however large the catalog: 6,000 tasks
/// far away that match the word better must not crowd out the one nearby task that
/// matches it (the text score is computed within the travel radius).
#[tokio::test]
async fn typed_words_score_nearby_tasks_in_a_large_catalog() {
    let app = spawn_empty_app().await;
    let orgs = json!([
        {"id": "groen-noord", "name": "Groen Noord", "location": {"lat": 53.2194, "lon": 6.5665}},
        {"id": "buurttuin-moerwijk", "name": "Buurttuin Moerwijk", "wijk": "Moerwijk"}
    ]);
    assert_eq!(
        app.import("organisations", &orgs, ADMIN_KEY).await.status(),
        200
    );
    let far: Vec<Value> = (0..6000)
        .map(|i| {
            json!({"id": format!("ver-{i}"), "title": "Tuin tuin tuinieren in de tuin",
                   "description": "Tuinieren in een grote tuin.", "organisation_id": "groen-noord",
                   "categories": ["natuur-groen"],
                   "location": {"lat": 53.2194 + (i % 50) as f64 * 0.001, "lon": 6.5665},
                   "schedule": {"slots": ["sat-morning"], "frequency": "weekly", "hours_per_week": 2}})
        })
        .collect();
    let r = app.import("tasks", &Value::Array(far), ADMIN_KEY).await;
    assert_eq!(r.status(), 200);
    let near = json!([
        {"id": "dichtbij-tuin", "title": "Helpen in de buurttuin", "description": "Je helpt mee in de tuin.",
         "organisation_id": "buurttuin-moerwijk", "categories": ["natuur-groen"],
         "location": {"postcode": "2532"},
         "schedule": {"slots": ["sat-morning"], "frequency": "weekly", "hours_per_week": 2}},
        {"id": "dichtbij-koffie", "title": "Koffie schenken", "description": "Je schenkt koffie.",
         "organisation_id": "buurttuin-moerwijk", "categories": ["natuur-groen"],
         "location": {"postcode": "2532"},
         "schedule": {"slots": ["sat-morning"], "frequency": "weekly", "hours_per_week": 2}}
    ]);
    assert_eq!(app.import("tasks", &near, ADMIN_KEY).await.status(), 200);
    let m = words_match_near_2532(&app, "tuin").await;
    let tasks = m["tasks"].as_array().unwrap();
    assert_eq!(tasks[0]["id"], "dichtbij-tuin", "{m}");
    let text = tasks[0]["explain"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "text")
        .expect("a text contribution");
    assert!(text["value"].as_f64().unwrap() > 0.5, "{text}");
    // A search word (overrides.q) is named as one, not as the person's own words.
    assert!(tasks[0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["code"] == "search" && r["text"].as_str().unwrap().contains("zoekwoord")));
}

/// Text relevance for tasks reads only task documents: a training that shares its id
/// with a task (ids are unique per kind only) and matches the words must not lend the
/// task its text score.
#[tokio::test]
async fn a_trainings_words_do_not_count_for_a_task_with_the_same_id() {
    let app = app_with_buurthuis().await;
    let task = |id: &str, title: &str| {
        json!({"id": id, "title": title, "description": "Je helpt in het buurthuis.",
               "organisation_id": "buurthuis-zuidwest", "categories": ["natuur-groen"],
               "location": {"postcode": "2532"},
               "schedule": {"slots": ["sat-morning"], "frequency": "weekly", "hours_per_week": 2}})
    };
    let tasks = json!([
        task("gedeeld-1", "Koffie schenken"),
        task("ehbo-post", "EHBO-post bij het buurtfeest")
    ]);
    assert_eq!(app.import("tasks", &tasks, ADMIN_KEY).await.status(), 200);
    let training = json!([{"id": "gedeeld-1", "title": "EHBO basis", "description": "Je leert EHBO.",
        "provider": "Den Haag Doet Academie", "topics": ["ehbo"], "skills": ["eerste-hulp"],
        "certificate": true, "cost_eur": 0, "online": true, "language_level": "B1"}]);
    assert_eq!(
        app.import("trainings", &training, ADMIN_KEY).await.status(),
        200
    );
    let m = words_match_near_2532(&app, "ehbo").await;
    let text_of = |id: &str| text_value(&m, id);
    assert!(text_of("ehbo-post") > 0.5, "{m}");
    assert_eq!(text_of("gedeeld-1"), 0.0, "{m}");
    assert_eq!(m["tasks"][0]["id"], "ehbo-post", "{m}");
}

/// An empty server with one organisation, Buurthuis Zuidwest in Moerwijk.
async fn app_with_buurthuis() -> TestApp {
    let app = spawn_empty_app().await;
    let orgs =
        json!([{"id": "buurthuis-zuidwest", "name": "Buurthuis Zuidwest", "wijk": "Moerwijk"}]);
    assert_eq!(
        app.import("organisations", &orgs, ADMIN_KEY).await.status(),
        200
    );
    app
}

/// The text value in a match's explanation of task `id` (0 without one).
fn text_value(m: &Value, id: &str) -> f64 {
    let t = m["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("{id} in {m}"));
    t["explain"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "text")
        .map_or(0.0, |c| c["value"].as_f64().unwrap())
}

/// A match with explanation for a cyclist near postcode 2532 (3 km, Saturday mornings)
/// who typed `q`.
async fn words_match_near_2532(app: &TestApp, q: &str) -> Value {
    app.post_json(
        "/v1/matches",
        &json!({"persona": {"travel": {"origin": {"postcode": "2532"}, "radius_km": 3, "mode": "bike"},
                            "availability": {"slots": ["sat-morning"], "hours_per_week": 3}},
                "overrides": {"q": q}, "explain": true}),
    )
    .await
    .json()
    .await
    .unwrap()
}

/// In a sentence a resident typed, the rare word that says what they can do counts more
/// than a common one: a task that has the telling word scores far higher on text than one
/// that shares only a word many tasks have, even when the common word's task is the
/// shorter text.
#[tokio::test]
async fn the_telling_word_of_a_sentence_counts_more_than_a_common_one() {
    let app = app_with_buurthuis().await;
    let task = |id: String, title: &str, description: &str| {
        json!({"id": id, "title": title, "description": description,
               "organisation_id": "buurthuis-zuidwest", "categories": ["buurt"],
               "location": {"postcode": "2532"},
               "schedule": {"slots": ["sat-morning"], "frequency": "weekly", "hours_per_week": 2}})
    };
    let mut tasks: Vec<Value> = (0..40)
        .map(|i| {
            task(
                format!("kennis-{i}"),
                "Kennis delen in de buurt",
                "Je deelt je kennis met buren in het buurthuis op zaterdag.",
            )
        })
        .collect();
    tasks.push(task(
        "bouwtekening".into(),
        "Meedenken over de verbouwing",
        "Je bekijkt de bouwtekeningen voor de nieuwe speeltuin met de bewoners en geeft advies.",
    ));
    assert_eq!(
        app.import("tasks", &Value::Array(tasks), ADMIN_KEY)
            .await
            .status(),
        200
    );
    let m = words_match_near_2532(
        &app,
        "Ik heb veertig jaar bouwtekeningen gemaakt en wil mijn kennis delen",
    )
    .await;
    let text_of = |id: &str| text_value(&m, id);
    let telling = text_of("bouwtekening");
    let common = text_of("kennis-0");
    assert!(telling > 0.6, "{telling} {m}");
    assert!(common < 0.5 * telling, "{common} against {telling}");
    assert_eq!(m["tasks"][0]["id"], "bouwtekening", "{m}");
}

/// Every request is read as its one typed definition, and every problem is listed.
#[tokio::test]
async fn every_request_lists_all_its_problems() {
    let app = spawn_app().await;
    let cases = [
        (
            "/v1/carvings",
            json!({"persona": {"skills": 3, "kkwz": "x"}, "max_hours_per_week": 100, "lang": "xx", "zzz": 1}),
            vec![
                "/persona/skills",
                "/persona/kkwz",
                "/max_hours_per_week",
                "/lang",
                "/zzz",
                "/role_id",
            ],
        ),
        (
            "/v1/carvings/team",
            json!({"personas": [{"skills": 1}], "extra": 1}),
            vec!["/role_id", "/personas", "/personas/0/skills", "/extra"],
        ),
        (
            "/v1/scans",
            json!({"questionnaire": 1, "answers": [], "store": "yes", "x": 1}),
            vec!["/questionnaire", "/answers", "/store", "/x"],
        ),
        (
            "/v1/matches",
            json!({"persona": {"interests": {"eten-koken": 2}}, "limit": {"tasks": "ten", "more": 1}, "overrides": {"q": 5}}),
            vec![
                "/persona/interests/eten-koken",
                "/limit/tasks",
                "/limit/more",
                "/overrides/q",
            ],
        ),
    ];
    for (path, body, want) in cases {
        let p = problem(app.post_json(path, &body).await, 422).await;
        let mut got = pointers(&p);
        got.sort();
        let mut want: Vec<String> = want.iter().map(|w| w.to_string()).collect();
        want.sort();
        assert_eq!(got, want, "{path}: {p}");
    }
    let p = problem(
        app.get("/v1/tasks?limit=abc&certificate=maybe&near=1,2&radiusKm=500&foo=1")
            .await,
        400,
    )
    .await;
    let mut got = pointers(&p);
    got.sort();
    assert_eq!(
        got,
        ["/certificate", "/foo", "/limit", "/near", "/radiusKm"]
    );
}

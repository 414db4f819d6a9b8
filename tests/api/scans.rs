use serde_json::{json, Value};

use crate::helpers::*;

/// Every person in DOMAIN.md, scored through the API, shows what their answers say.
#[tokio::test]
async fn the_people_of_the_research_score_into_the_expected_personas() {
    let app = spawn_app().await;
    for name in [
        "ellen",
        "carla",
        "wim",
        "nurse",
        "bijstand",
        "teen",
        "wheelchair",
        "lowdutch",
    ] {
        let fx = fixture(&format!("scans/{name}.json"));
        let r = app.post_json("/v1/scans", &fx["request"]).await;
        assert_eq!(r.status(), 200, "{name}");
        let p: Value = r.json().await.unwrap();
        check_expectations(name, &p, &fx["expect"]);
        for d in ["kennen", "kunnen", "willen", "zijn"] {
            let v = p["kkwz"][d].as_f64().unwrap();
            assert!((0.0..=100.0).contains(&v));
            assert!(!p["kkwz_explanation"][d].as_str().unwrap().is_empty());
        }
        assert!(
            !p["archetype"]["label"].as_str().unwrap().is_empty(),
            "{name}"
        );
        assert!(
            p.get("scan_id").is_none(),
            "{name}: not stored without consent"
        );
    }
}

pub fn check_expectations(name: &str, p: &Value, expect: &Value) {
    for (k, want) in expect.as_object().unwrap() {
        match k.as_str() {
            "archetype_one_of" => {
                let got = &p["archetype"]["id"];
                assert!(
                    want.as_array().unwrap().contains(got),
                    "{name}: archetype {got}, want one of {want}"
                );
            }
            "interests_include" => {
                for c in want.as_array().unwrap() {
                    assert!(
                        p["interests"][c.as_str().unwrap()].as_f64().unwrap_or(0.0) > 0.0,
                        "{name}: interest {c}"
                    );
                }
            }
            "kkwz_low" => {
                for d in want.as_array().unwrap() {
                    let v = p["kkwz"][d.as_str().unwrap()].as_f64().unwrap();
                    assert!(v < 40.0, "{name}: {d} = {v} should be low");
                }
            }
            "kkwz_high" => {
                for d in want.as_array().unwrap() {
                    let v = p["kkwz"][d.as_str().unwrap()].as_f64().unwrap();
                    assert!(v >= 70.0, "{name}: {d} = {v} should be high");
                }
            }
            path => {
                let mut got = p;
                for seg in path.split('.') {
                    got = &got[seg];
                }
                if want.is_number() {
                    assert!(
                        (got.as_f64().unwrap_or(f64::NAN) - want.as_f64().unwrap()).abs() < 1e-9,
                        "{name}: {path} = {got}, want {want}"
                    );
                } else {
                    assert_eq!(got, want, "{name}: {path}");
                }
            }
        }
    }
}

#[tokio::test]
async fn unknown_questionnaire_or_version_is_404() {
    let app = spawn_app().await;
    let r = app
        .post_json(
            "/v1/scans",
            &json!({"questionnaire": "nope", "answers": {}}),
        )
        .await;
    problem(r, 404).await;
    let r = app
        .post_json(
            "/v1/scans",
            &json!({"questionnaire": "talentscan", "version": 99, "answers": {}}),
        )
        .await;
    problem(r, 404).await;
    let r = app.get("/v1/questionnaires/nope").await;
    problem(r, 404).await;
}

#[tokio::test]
async fn every_bad_answer_is_listed_with_its_pointer() {
    let app = spawn_app().await;
    let body = json!({
        "questionnaire": "talentscan", "version": 1,
        "answers": {
            "no-such-item": 1,
            "tijden": "thursday",
            "reizen": "teleport",
            "vfi-waarden": 9,
            "vfi-sociaal": "a lot",
            "interesses": ["buurt", "unknown-category"]
        }
    });
    let r = app.post_json("/v1/scans", &body).await;
    let p = problem(r, 422).await;
    let ptrs = pointers(&p);
    for want in [
        "/answers/no-such-item",
        "/answers/tijden",
        "/answers/reizen",
        "/answers/vfi-waarden",
        "/answers/vfi-sociaal",
        "/answers/interesses/1",
        "/answers/woonplek",
    ] {
        assert!(ptrs.iter().any(|x| x == want), "missing {want} in {ptrs:?}");
    }
}

#[tokio::test]
async fn the_request_envelope_is_validated_too() {
    let app = spawn_app().await;
    let r = app
        .post_json("/v1/scans", &json!({"answers": "none", "lang": "fr"}))
        .await;
    let p = problem(r, 422).await;
    let ptrs = pointers(&p);
    for want in ["/questionnaire", "/answers", "/lang"] {
        assert!(ptrs.iter().any(|x| x == want), "missing {want} in {ptrs:?}");
    }
    let r = app
        .post_json(
            "/v1/scans",
            &json!({"questionnaire": "talentscan", "answers": {}, "store": "yes"}),
        )
        .await;
    problem(r, 422).await;
}

#[tokio::test]
async fn partial_answers_to_optional_items_still_score_with_warnings() {
    let app = spawn_app().await;
    let body = json!({"questionnaire": "talentscan", "answers": {"woonplek": "2533", "tijden": ["sat-morning"], "interesses": ["natuur-groen"]}});
    let r = app.post_json("/v1/scans", &body).await;
    assert_eq!(r.status(), 200);
    let p: Value = r.json().await.unwrap();
    assert!(p["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "missing_dimension"));
    assert_eq!(p["kkwz"]["kennen"], 50.0, "no answer: the neutral midpoint");
    assert_eq!(p["travel"]["origin"]["postcode"], "2533");
    assert_eq!(p["availability"]["slots"], json!(["sat-morning"]));
}

#[tokio::test]
async fn stored_scans_can_be_read_and_erased() {
    let app = spawn_app().await;
    let mut req = fixture("scans/ellen.json")["request"].clone();
    req["store"] = json!(true);
    let r = app.post_json("/v1/scans", &req).await;
    assert_eq!(r.status(), 201);
    let v: Value = r.json().await.unwrap();
    let id = v["scan_id"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 32, "128 random bits in hex");
    assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
    assert!(v["expires_at"].is_string());
    let r = app.get(&format!("/v1/scans/{id}")).await;
    assert_eq!(r.status(), 200);
    let got: Value = r.json().await.unwrap();
    assert_eq!(got["archetype"], v["archetype"]);
    let r = app
        .client
        .delete(app.url(&format!("/v1/scans/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let d: Value = r.json().await.unwrap();
    assert_eq!(d["erased"], true);
    problem(app.get(&format!("/v1/scans/{id}")).await, 404).await;
    problem(
        app.client
            .delete(app.url(&format!("/v1/scans/{id}")))
            .send()
            .await
            .unwrap(),
        404,
    )
    .await;
    problem(app.get("/v1/scans/not-a-real-id").await, 404).await;
}

/// With `store: false` not one byte of the answers reaches the data directory.
#[tokio::test]
async fn without_consent_no_answer_reaches_the_disk() {
    let app = spawn_app().await;
    let marker = "Zwaluwstaart-Marker-7f3a9c";
    let mut req = fixture("scans/wim.json")["request"].clone();
    req["answers"]["graag-doen"] = json!(marker);
    req["store"] = json!(false);
    let r = app.post_json("/v1/scans", &req).await;
    assert_eq!(r.status(), 200);
    let mut m = json!({"questionnaire": "talentscan", "answers": req["answers"].clone()});
    m["limit"] = json!({"tasks": 3});
    assert_eq!(app.post_json("/v1/matches", &m).await.status(), 200);
    app.state.store.flush().await.unwrap();
    assert!(
        !dir_contains(app.dir.path(), marker.as_bytes()),
        "the marker answer was written to disk"
    );
    // With consent it is stored (the persona keeps the words) and reads back, but sealed:
    // not in clear on disk either (tests/api/erasure.rs follows it through erasure).
    req["store"] = json!(true);
    let r = app.post_json("/v1/scans", &req).await;
    assert_eq!(r.status(), 201);
    let v: Value = r.json().await.unwrap();
    let id = v["scan_id"].as_str().unwrap();
    let got: Value = app
        .get(&format!("/v1/scans/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert!(got["words"].as_str().unwrap().contains(marker));
    app.state.store.flush().await.unwrap();
    assert!(!dir_contains(app.dir.path(), marker.as_bytes()));
}

#[tokio::test]
async fn questionnaires_are_listed_and_rendered_in_both_languages() {
    let app = spawn_app().await;
    let r = app.get("/v1/questionnaires").await;
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["questionnaires"][0]["id"], "talentscan");
    let nl: Value = app
        .get("/v1/questionnaires/talentscan?lang=nl")
        .await
        .json()
        .await
        .unwrap();
    let en: Value = app
        .get("/v1/questionnaires/talentscan?lang=en")
        .await
        .json()
        .await
        .unwrap();
    assert_ne!(
        nl["sections"][0]["items"][0]["text"],
        en["sections"][0]["items"][0]["text"]
    );
    let n = nl["item_count"].as_u64().unwrap();
    // 15 to 25 questions about the person, and the two consents: to count anonymously
    // and to hear of a course nearby.
    assert!((17..=27).contains(&n), "{n} items");
    let slots = nl["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        .find(|i| i["type"] == "slots")
        .unwrap();
    assert_eq!(slots["grid"]["slots"].as_array().unwrap().len(), 21);
    problem(app.get("/v1/questionnaires/talentscan?lang=fr").await, 400).await;
}

/// Stored scans expire after the retention period: the purge keeps a scan inside it and
/// erases it after, and an expired scan is never served.
#[tokio::test]
async fn stored_scans_are_erased_after_the_retention_period() {
    let app = spawn_with(|s| s.retention_days = 30).await;
    let mut req = fixture("scans/ellen.json")["request"].clone();
    req["store"] = json!(true);
    let v: Value = app.post_json("/v1/scans", &req).await.json().await.unwrap();
    let id = v["scan_id"].as_str().unwrap().to_string();
    let at = |days: i64| time::OffsetDateTime::now_utc() + time::Duration::days(days);
    assert_eq!(app.state.purge_scans(at(29)).await.unwrap(), 0);
    assert_eq!(app.get(&format!("/v1/scans/{id}")).await.status(), 200);
    assert_eq!(app.state.purge_scans(at(31)).await.unwrap(), 1);
    problem(app.get(&format!("/v1/scans/{id}")).await, 404).await;
}

/// Only the required questions: the profile says what is not known instead of describing
/// the resident from neutral defaults, and names no type.
#[tokio::test]
async fn a_profile_from_the_required_questions_only_says_what_is_not_known() {
    let app = spawn_app().await;
    let only = json!({"questionnaire": "talentscan", "lang": "nl",
        "answers": {"woonplek": "2532", "tijden": ["tue-morning"], "interesses": ["eten-koken"]}});
    let v: Value = app
        .post_json("/v1/scans", &only)
        .await
        .json()
        .await
        .unwrap();
    let unknown: Vec<&str> = v["unknown"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    for d in ["kkwz.kunnen", "kkwz.willen", "motivation.social"] {
        assert!(
            unknown.contains(&d),
            "{d} not listed as unknown: {unknown:?}"
        );
    }
    assert!(
        v.get("archetype").is_none(),
        "a type from interests alone: {v}"
    );
    assert!(v["kkwz_explanation"]["kunnen"]
        .as_str()
        .unwrap()
        .contains("weten we nog niet"));
    // A skill alone gives no type; one motive question as well gives one, and a known Kunnen.
    let mut skill = only.clone();
    skill["answers"]["talent-mensen"] = json!(["andere-talen"]);
    let v: Value = app
        .post_json("/v1/scans", &skill)
        .await
        .json()
        .await
        .unwrap();
    assert!(v.get("archetype").is_none(), "a type from one skill: {v}");
    let mut more = only.clone();
    more["answers"]["vfi-sociaal"] = json!(5);
    more["answers"]["talent-handen"] = json!(["koken"]);
    let v: Value = app
        .post_json("/v1/scans", &more)
        .await
        .json()
        .await
        .unwrap();
    assert!(v["archetype"]["id"].is_string(), "{v}");
    let unknown = v["unknown"].as_array().unwrap();
    assert!(!unknown.contains(&json!("kkwz.kunnen")));
    assert!(!unknown.contains(&json!("motivation.social")));
    assert!(!v["kkwz_explanation"]["kunnen"]
        .as_str()
        .unwrap()
        .contains("weten we nog niet"));
}

/// The consent texts on the pages name how long the answers are kept: the server's
/// retention period, not a number fixed in the page.
#[tokio::test]
async fn the_pages_name_the_retention_period_the_server_keeps() {
    for (days, app) in [
        (30, spawn_app().await),
        (14, spawn_with(|s| s.retention_days = 14).await),
    ] {
        for page in ["/", "/balie"] {
            let r = app.get(page).await;
            assert_eq!(r.status(), 200);
            let html = r.text().await.unwrap();
            assert!(
                html.contains(&format!(
                    r#"<meta name="talentscan-retention-days" content="{days}">"#
                )),
                "{page} names {days} days"
            );
            assert!(!html.contains("{{retention_days}}"));
        }
    }
}

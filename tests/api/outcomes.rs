//! Closing the loop: a match carries a random id, a resident responds to a task it showed,
//! only the task's organisation reads the response and reports what came of it, the
//! resident erases it with their token, and the match log keeps no more than bands.
use serde_json::{json, Value};
use talentscan::auth::Scope;
use talentscan::geo::{coarse, distance_km, LatLon};

use crate::helpers::{pointers, problem, spawn_empty_app, TestApp, ADMIN_KEY};

/// Moerwijk, near the Zuidwest community centres.
const HOME: LatLon = LatLon {
    lat: 52.0540,
    lon: 4.2890,
};

async fn org(app: &TestApp, id: &str) {
    let r = app
        .put_json(
            &format!("/v1/organisations/{id}"),
            &json!({"name": id, "wijk": "Moerwijk"}),
            Some(ADMIN_KEY),
        )
        .await;
    assert!(r.status().is_success(), "{}", r.status());
}

fn task(org: &str, title: &str, at: LatLon) -> Value {
    json!({"title": title, "organisation_id": org, "categories": ["buurt"],
           "location": {"lat": at.lat, "lon": at.lon},
           "schedule": {"slots": ["thu-afternoon"], "frequency": "weekly", "hours_per_week": 2}})
}

async fn put_task(app: &TestApp, id: &str, body: &Value) {
    let r = app
        .put_json(&format!("/v1/tasks/{id}"), body, Some(ADMIN_KEY))
        .await;
    assert!(r.status().is_success(), "{id}: {}", r.status());
}

async fn match_at(app: &TestApp, home: LatLon) -> Value {
    let r = app
        .post_json(
            "/v1/matches",
            &json!({"persona": {"travel": {"origin": {"lat": home.lat, "lon": home.lon}, "radius_km": 15}},
                    "limit": {"tasks": 50}}),
        )
        .await;
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

async fn respond(app: &TestApp, body: &Value) -> reqwest::Response {
    app.post_json("/v1/responses", body).await
}

async fn outcome(app: &TestApp, id: &str, key: &str, body: Value) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/v1/responses/{id}/outcomes")))
        .bearer_auth(key)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn org_responses(app: &TestApp, org: &str, key: &str) -> reqwest::Response {
    app.client
        .get(app.url(&format!("/v1/organisations/{org}/responses")))
        .bearer_auth(key)
        .send()
        .await
        .unwrap()
}

async fn logged(app: &TestApp, match_id: &str) -> Value {
    let r = app
        .client
        .get(app.url(&format!("/v1/matches/{match_id}")))
        .bearer_auth(ADMIN_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

fn near(dlat: f64, dlon: f64) -> LatLon {
    LatLon {
        lat: HOME.lat + dlat,
        lon: HOME.lon + dlon,
    }
}

#[tokio::test]
async fn a_response_goes_to_the_tasks_organisation_and_what_came_of_it_is_logged() {
    let app = spawn_empty_app().await;
    for o in ["de-kroon", "de-linde"] {
        org(&app, o).await;
    }
    put_task(
        &app,
        "kroon-koffie",
        &task("de-kroon", "Koffie schenken", near(0.002, 0.0)),
    )
    .await;
    let mut linked = task("de-linde", "Tuin bij de Linde", near(-0.004, 0.003));
    linked["respond_url"] = json!("https://www.denhaagdoet.nl/vacatures/tuin-linde");
    put_task(&app, "linde-tuin", &linked).await;
    let kroon = app
        .state
        .create_key(&Scope::Organisation("de-kroon".into()), "test", None)
        .await
        .unwrap()
        .0;
    let linde = app
        .state
        .create_key(&Scope::Organisation("de-linde".into()), "test", None)
        .await
        .unwrap()
        .0;

    let m = match_at(&app, HOME).await;
    let match_id = m["match_id"].as_str().unwrap().to_string();
    assert_eq!(match_id.len(), 32);
    let again = match_at(&app, HOME).await;
    assert_ne!(
        again["match_id"], m["match_id"],
        "random, not derived from the persona"
    );
    let shown: Vec<&str> = m["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert!(
        shown.contains(&"kroon-koffie") && shown.contains(&"linde-tuin"),
        "{shown:?}"
    );
    let card = m["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "linde-tuin")
        .unwrap();
    assert_eq!(card["respond_url"], linked["respond_url"]);

    // Every problem at once.
    let r = respond(
        &app,
        &json!({"match_id": "nope", "contact": {"name": "", "email": "x"}, "consent": false}),
    )
    .await;
    let p = problem(r, 422).await;
    let ptrs = pointers(&p);
    for want in [
        "/match_id",
        "/task_id",
        "/contact/name",
        "/contact/email",
        "/consent",
    ] {
        assert!(ptrs.iter().any(|x| x == want), "{want} in {ptrs:?}");
    }
    let ok = json!({"match_id": match_id, "task_id": "kroon-koffie",
                    "contact": {"name": "Ellen de Vries", "phone": "06 1234 5678"},
                    "message": "Ik kan op donderdag.", "consent": true});
    // An unknown match, a task the match did not show, a task with its own page.
    let mut unknown = ok.clone();
    unknown["match_id"] = json!("0123456789abcdef0123456789abcdef");
    problem(respond(&app, &unknown).await, 404).await;
    let mut other = ok.clone();
    other["task_id"] = json!("kroon-elders");
    let p = problem(respond(&app, &other).await, 422).await;
    assert_eq!(pointers(&p), ["/task_id"]);
    let mut own_page = ok.clone();
    own_page["task_id"] = json!("linde-tuin");
    let p = problem(respond(&app, &own_page).await, 422).await;
    assert!(p["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("denhaagdoet.nl"));

    let r = respond(&app, &ok).await;
    assert_eq!(r.status(), 201);
    let receipt: Value = r.json().await.unwrap();
    let id = receipt["id"].as_str().unwrap().to_string();
    let token = receipt["erase_token"].as_str().unwrap().to_string();
    assert_eq!(receipt["status"], "new");

    // The task's own link: only a click-through is recorded.
    let r = app
        .post_json(
            "/v1/click-throughs",
            &json!({"match_id": match_id, "task_id": "linde-tuin"}),
        )
        .await;
    assert_eq!(r.status(), 204);

    // Only de Kroon reads it; de Linde and the admin get 403.
    let r = org_responses(&app, "de-kroon", &kroon).await;
    assert_eq!(r.status(), 200);
    let list: Value = r.json().await.unwrap();
    let responses = list["responses"].as_array().unwrap();
    assert_eq!(responses.len(), 1);
    assert_eq!(responses[0]["contact"]["name"], "Ellen de Vries");
    assert_eq!(responses[0]["message"], "Ik kan op donderdag.");
    assert_eq!(responses[0]["task_title"], "Koffie schenken");
    problem(org_responses(&app, "de-kroon", &linde).await, 403).await;
    problem(org_responses(&app, "de-kroon", ADMIN_KEY).await, 403).await;
    let r = org_responses(&app, "de-linde", &linde).await;
    let l: Value = r.json().await.unwrap();
    assert!(l["responses"].as_array().unwrap().is_empty());

    // Outcomes in order only.
    problem(
        outcome(&app, &id, &linde, json!({"status": "contacted"})).await,
        403,
    )
    .await;
    let p = problem(
        outcome(&app, &id, &kroon, json!({"status": "started"})).await,
        422,
    )
    .await;
    assert_eq!(pointers(&p), ["/status"]);
    let r = outcome(&app, &id, &kroon, json!({"status": "contacted"})).await;
    assert_eq!(r.status(), 201);
    let p = problem(
        outcome(&app, &id, &kroon, json!({"status": "not_a_fit"})).await,
        422,
    )
    .await;
    assert_eq!(pointers(&p), ["/reason"]);
    let p = problem(
        outcome(&app, &id, &kroon, json!({"status": "promoted", "extra": 1})).await,
        422,
    )
    .await;
    assert_eq!(pointers(&p), ["/extra", "/status"]);
    let r = outcome(&app, &id, &kroon, json!({"status": "started"})).await;
    assert_eq!(r.status(), 201);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["status"], "started");
    assert_eq!(v["history"].as_array().unwrap().len(), 3);
    let p = problem(
        outcome(
            &app,
            &id,
            &kroon,
            json!({"status": "not_a_fit", "reason": "time"}),
        )
        .await,
        422,
    )
    .await;
    assert_eq!(pointers(&p), ["/status"]);
    // Three months have not passed.
    problem(
        outcome(&app, &id, &kroon, json!({"status": "still_active"})).await,
        422,
    )
    .await;

    // The log: responded, clicked, the outcomes by day; no person in it.
    app.state.flush_match_log().await.unwrap();
    let log = logged(&app, &match_id).await;
    let text = log.to_string();
    for secret in ["Ellen", "1234", "donderdag", "52.05", "4.28"] {
        assert!(!text.contains(secret), "{secret} in the log: {text}");
    }
    let kroon_log = log["shown"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["task_id"] == "kroon-koffie")
        .unwrap();
    assert_eq!(kroon_log["responded"], true);
    let statuses: Vec<&str> = kroon_log["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["contacted", "started"]);
    let linde_log = log["shown"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["task_id"] == "linde-tuin")
        .unwrap();
    assert_eq!(linde_log["clicked"], true);
    assert_eq!(linde_log["responded"], false);

    // Per task figures for the organisation.
    let list: Value = org_responses(&app, "de-kroon", &kroon)
        .await
        .json()
        .await
        .unwrap();
    let t = &list["tasks"][0];
    assert_eq!(t["task_id"], "kroon-koffie");
    assert_eq!(t["shown"], 2);
    assert_eq!(t["responded"], 1);
    assert_eq!(t["started"], 1);
    let metrics = app.get("/metrics").await.text().await.unwrap();
    for e in ["response", "click_through", "contacted", "started"] {
        assert!(
            metrics.contains(&format!(
                "talentscan_outcome_events_total{{event=\"{e}\"}} 1"
            )),
            "{e}: {metrics}"
        );
    }

    // The resident erases it: a wrong token learns nothing, the right one erases at once.
    let erase = |tok: &str| {
        app.client
            .delete(app.url(&format!("/v1/responses/{id}")))
            .header("Erase-Token", tok)
            .send()
    };
    problem(
        erase("0123456789abcdef0123456789abcdef").await.unwrap(),
        404,
    )
    .await;
    assert_eq!(erase(&token).await.unwrap().status(), 204);
    problem(erase(&token).await.unwrap(), 404).await;
    let list: Value = org_responses(&app, "de-kroon", &kroon)
        .await
        .json()
        .await
        .unwrap();
    assert!(list["responses"].as_array().unwrap().is_empty());
    problem(
        outcome(&app, &id, &kroon, json!({"status": "stopped"})).await,
        404,
    )
    .await;
}

#[tokio::test]
async fn a_task_that_ended_after_the_match_takes_no_response_and_responses_expire() {
    let app = spawn_empty_app().await;
    org(&app, "de-kroon").await;
    put_task(
        &app,
        "kroon-koffie",
        &task("de-kroon", "Koffie schenken", near(0.002, 0.0)),
    )
    .await;
    put_task(
        &app,
        "kroon-thee",
        &task("de-kroon", "Thee schenken", near(0.001, 0.001)),
    )
    .await;
    let m = match_at(&app, HOME).await;
    let match_id = m["match_id"].as_str().unwrap();
    let mut ended = task("de-kroon", "Koffie schenken", near(0.002, 0.0));
    ended["schedule"]["end"] = json!("2020-01-01");
    put_task(&app, "kroon-koffie", &ended).await;
    let body = |t: &str| {
        json!({"match_id": match_id, "task_id": t, "contact": {"name": "Wim", "email": "wim@example.nl"},
               "consent": true})
    };
    let p = problem(respond(&app, &body("kroon-koffie")).await, 422).await;
    assert!(p["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("ended"));
    assert_eq!(respond(&app, &body("kroon-thee")).await.status(), 201);
    let kroon = app
        .state
        .create_key(&Scope::Organisation("de-kroon".into()), "test", None)
        .await
        .unwrap()
        .0;
    let n = |v: Value| v["responses"].as_array().unwrap().len();
    let list: Value = org_responses(&app, "de-kroon", &kroon)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(n(list), 1);
    // Past the retention period the purge erases it; the log keeps that it was responded to.
    let later =
        app.state.now() + time::Duration::days(app.state.settings.retention_days as i64 + 1);
    let (responses, _) = app.state.purge_outcomes(later).await.unwrap();
    assert_eq!(responses, 1);
    let list: Value = org_responses(&app, "de-kroon", &kroon)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(n(list), 0);
    app.state.flush_match_log().await.unwrap();
    let log = logged(&app, match_id).await;
    assert!(log["shown"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["task_id"] == "kroon-thee" && t["responded"] == true));
    // And past the log's own period the log goes too.
    let much_later =
        app.state.now() + time::Duration::days(app.state.settings.match_log_days as i64 + 1);
    let (_, matches) = app.state.purge_outcomes(much_later).await.unwrap();
    assert!(matches >= 1);
    let r = app
        .client
        .get(app.url(&format!("/v1/matches/{match_id}")))
        .bearer_auth(ADMIN_KEY)
        .send()
        .await
        .unwrap();
    problem(r, 404).await;
}

/// Trilateration: an attacker who knows every task's place and reads one match's log
/// looks for the homes that fit every logged distance band. The log must not narrow the
/// home down to less than the band: homes in one grid cell give the same log, and the
/// homes that fit span more than a kilometre.
#[tokio::test]
async fn one_matchs_log_does_not_locate_the_resident() {
    let app = spawn_empty_app().await;
    org(&app, "de-kroon").await;
    // Twelve tasks all around the home, 0.5 to 6 km away.
    let mut places = Vec::new();
    for i in 0..12 {
        let angle = i as f64 * std::f64::consts::TAU / 12.0;
        let km = 0.5 + (i % 6) as f64;
        let p = LatLon {
            lat: HOME.lat + km / 111.32 * angle.sin(),
            lon: HOME.lon + km / (111.32 * HOME.lat.to_radians().cos()) * angle.cos(),
        };
        put_task(
            &app,
            &format!("plek-{i}"),
            &task("de-kroon", &format!("Taak {i}"), p),
        )
        .await;
        places.push((format!("plek-{i}"), p));
    }
    let m = match_at(&app, HOME).await;
    let match_id = m["match_id"].as_str().unwrap();
    app.state.flush_match_log().await.unwrap();
    let log = logged(&app, match_id).await;
    let shown = log["shown"].as_array().unwrap();
    assert_eq!(shown.len(), 12, "every task shown");
    let bands: Vec<(LatLon, String)> = shown
        .iter()
        .map(|t| {
            let p = places
                .iter()
                .find(|(id, _)| t["task_id"] == id.as_str())
                .unwrap()
                .1;
            (p, t["distance_band"].as_str().unwrap().to_string())
        })
        .collect();
    // Every home on a 50 m grid over 12 × 12 km that fits every band.
    let mut fits = Vec::new();
    for i in -120..=120 {
        for j in -120..=120 {
            let h = LatLon {
                lat: HOME.lat + i as f64 * 0.05 / 111.32,
                lon: HOME.lon + j as f64 * 0.05 / (111.32 * HOME.lat.to_radians().cos()),
            };
            if bands
                .iter()
                .all(|(p, b)| coarse::band(distance_km(h, *p)) == b.as_str())
            {
                fits.push(h);
            }
        }
    }
    assert!(!fits.is_empty(), "the bands describe some place");
    // The attacker's best guess: the middle of what fits.
    let guess = LatLon {
        lat: fits.iter().map(|p| p.lat).sum::<f64>() / fits.len() as f64,
        lon: fits.iter().map(|p| p.lon).sum::<f64>() / fits.len() as f64,
    };
    let miss = distance_km(guess, HOME);
    // Every home in the resident's grid cell gives this same log (shown below for a
    // second home), so the guess cannot be better than the farthest of them.
    let centre = coarse::cell_centre(HOME);
    let half_lat = coarse::CELL_KM / 2.0 / 111.32;
    let half_lon = coarse::CELL_KM / 2.0 / (111.32 * 52.07f64.to_radians().cos());
    let worst = [(-1.0, -1.0), (-1.0, 1.0), (1.0, -1.0), (1.0, 1.0)]
        .iter()
        .map(|(a, b)| {
            let corner = LatLon {
                lat: centre.lat + a * half_lat * 0.99,
                lon: centre.lon + b * half_lon * 0.99,
            };
            assert_eq!(coarse::cell_centre(corner), centre);
            distance_km(guess, corner)
        })
        .fold(0.0, f64::max);
    println!(
        "trilateration: {} candidate points; the best guess misses this home by {miss:.2} km and a home with the same log by {worst:.2} km",
        fits.len()
    );
    let band = coarse::BAND_EDGES_KM[0];
    assert!(
        worst > band,
        "a home with this very log lies {worst:.2} km from the best guess: more than a band ({band} km)"
    );
    // Another home in the same cell gets exactly the same log values.
    let neighbour = LatLon {
        lat: centre.lat + (HOME.lat - centre.lat) * -0.8,
        lon: centre.lon + (HOME.lon - centre.lon) * -0.8,
    };
    assert_eq!(coarse::cell_centre(neighbour), centre);
    assert!(distance_km(neighbour, HOME) > 0.1);
    let m2 = match_at(&app, neighbour).await;
    app.state.flush_match_log().await.unwrap();
    let log2 = logged(&app, m2["match_id"].as_str().unwrap()).await;
    let strip = |l: &Value| {
        let mut v: Vec<(String, Value, Value, Value)> = l["shown"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["task_id"].as_str().unwrap().to_string(),
                    t["distance_band"].clone(),
                    t["values"].clone(),
                    t["score"].clone(),
                )
            })
            .collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    };
    assert_eq!(
        strip(&log),
        strip(&log2),
        "two homes in one cell log the same"
    );
}

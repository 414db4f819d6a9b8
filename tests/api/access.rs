//! Scoped API keys: an organisation's key writes only that organisation's records; the
//! key tool on the command line creates, lists and revokes keys and stores only hashes.
use std::process::Command;

use serde_json::{json, Value};
use talentscan::auth::Scope;

use crate::helpers::{dir_contains, problem, spawn_empty_app, ADMIN_KEY};

fn task(org: &str) -> Value {
    json!({"title": "Koffie schenken", "organisation_id": org, "categories": ["buurt"],
           "location": {"postcode": "2532"},
           "schedule": {"slots": ["thu-afternoon"], "frequency": "weekly", "hours_per_week": 2}})
}

#[tokio::test]
async fn an_organisation_key_writes_only_its_own_records() {
    let app = spawn_empty_app().await;
    for org in ["de-kroon", "de-linde"] {
        let r = app
            .put_json(
                &format!("/v1/organisations/{org}"),
                &json!({"name": org, "wijk": "Moerwijk"}),
                Some(ADMIN_KEY),
            )
            .await;
        assert!(r.status().is_success(), "{}", r.status());
    }
    let r = app
        .put_json("/v1/tasks/linde-koffie", &task("de-linde"), Some(ADMIN_KEY))
        .await;
    assert!(r.status().is_success());
    let (kroon_key, _) = app
        .state
        .create_key(&Scope::Organisation("de-kroon".into()), "test", None)
        .await
        .unwrap();

    // Its own task: fine.
    let r = app
        .put_json(
            "/v1/tasks/kroon-koffie",
            &task("de-kroon"),
            Some(&kroon_key),
        )
        .await;
    assert!(r.status().is_success(), "{}", r.status());
    // A new task for another organisation: 403.
    let r = app
        .put_json("/v1/tasks/kroon-fake", &task("de-linde"), Some(&kroon_key))
        .await;
    problem(r, 403).await;
    // Taking over another organisation's existing task, even by moving it: 403.
    let r = app
        .put_json(
            "/v1/tasks/linde-koffie",
            &task("de-kroon"),
            Some(&kroon_key),
        )
        .await;
    problem(r, 403).await;
    // Deleting it: 403, and it is still there.
    let r = app
        .client
        .delete(app.url("/v1/tasks/linde-koffie"))
        .bearer_auth(&kroon_key)
        .send()
        .await
        .unwrap();
    problem(r, 403).await;
    assert_eq!(app.get("/v1/tasks/linde-koffie").await.status(), 200);
    // Changing the other organisation itself: 403.
    let r = app
        .put_json(
            "/v1/organisations/de-linde",
            &json!({"name": "Overgenomen", "wijk": "Moerwijk"}),
            Some(&kroon_key),
        )
        .await;
    problem(r, 403).await;
    // An import mixing both: its own record lands, the other is rejected with a reason.
    let mut own = task("de-kroon");
    own["id"] = json!("kroon-2");
    let mut other = task("de-linde");
    other["id"] = json!("linde-2");
    let r = app.import("tasks", &json!([own, other]), &kroon_key).await;
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["written"], 1, "{v}");
    assert_eq!(v["rejected"], 1, "{v}");
    assert_eq!(app.get("/v1/tasks/linde-2").await.status(), 404);
    // Trainings belong to no organisation: only an admin writes them.
    let r = app
        .put_json(
            "/v1/trainings/ehbo-kroon",
            &json!({"title": "EHBO", "provider": "De Kroon", "topics": ["ehbo"], "online": true}),
            Some(&kroon_key),
        )
        .await;
    problem(r, 403).await;
    // A revoked key is no key at all.
    let id = app
        .state
        .keys
        .list()
        .into_iter()
        .find(|k| k.scope == "organisation:de-kroon")
        .unwrap()
        .id;
    assert!(app.state.revoke_key(&id).await.unwrap());
    let r = app
        .put_json(
            "/v1/tasks/kroon-koffie",
            &task("de-kroon"),
            Some(&kroon_key),
        )
        .await;
    problem(r, 401).await;
}

#[test]
fn the_key_tool_creates_lists_and_revokes_keys_and_stores_only_hashes() {
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_talentscan");
    let database =
        crate::helpers::postgres_mode().then(|| crate::helpers::shared_postgres().database());
    let run = |args: &[&str]| {
        let mut cmd = Command::new(bin);
        if let Some(url) = &database {
            cmd.env("TALENTSCAN_DATABASE_URL", url);
        }
        let out = cmd
            .args(args)
            .arg("--data-dir")
            .arg(dir.path())
            .env("TALENTSCAN_LOG", "warn")
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (ok, token, _) = run(&["keys", "create", "--scope", "organisation:de-kroon"]);
    let (ok2, _, _) = run(&[
        "keys",
        "create",
        "--scope",
        "client:frontend",
        "--quota",
        "6000",
    ]);
    assert!(ok2);
    assert!(ok);
    let token = token.trim().to_string();
    assert!(token.len() >= 32, "a long random key: {token}");
    let (ok, _, err) = run(&["keys", "create", "--scope", "everything"]);
    assert!(!ok, "a bad scope is refused");
    assert!(err.contains("scope"), "{err}");
    let (ok, list, _) = run(&["keys", "list"]);
    assert!(ok);
    assert!(list.contains("organisation:de-kroon\t600/min"), "{list}");
    assert!(list.contains("client:frontend\t6000/min"), "{list}");
    assert!(!list.contains(&token), "list never shows a key");
    // The key itself is nowhere on disk, only its hash.
    assert!(
        !dir_contains(dir.path(), token.as_bytes()),
        "the plain key reached the data directory"
    );
    let id = list.split('\t').next().unwrap().trim().to_string();
    let (ok, out, _) = run(&["keys", "revoke", &id]);
    assert!(ok, "{out}");
    let (_, list, _) = run(&["keys", "list"]);
    assert!(!list.contains(&id), "{list}");
}

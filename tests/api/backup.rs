//! Backups: an export restored into an empty store of either kind holds the same catalog
//! (digest), the same keys and the same stored scans.
use serde_json::{json, Value};
use talentscan::auth::Scope;

use crate::helpers::*;

#[tokio::test]
async fn an_export_restores_into_an_empty_store_of_either_kind_with_the_same_digest() {
    let app = spawn_app().await;
    let mut req = fixture("scans/wim.json")["request"].clone();
    req["store"] = json!(true);
    let r = app.post_json("/v1/scans", &req).await;
    assert_eq!(r.status(), 201);
    let scan_id = r.json::<Value>().await.unwrap()["scan_id"]
        .as_str()
        .unwrap()
        .to_string();
    // A second stored scan whose resident asked to hear of a course nearby: its wish
    // goes into the backup with it.
    let r = app
        .post_json(
            "/v1/scans",
            &json!({"questionnaire": "talentscan", "store": true,
                    "answers": {"woonplek": "2532", "tijden": ["tue-morning"],
                                "interesses": ["buurt"], "leren": ["computer"],
                                "cursus-bericht": "ja"}}),
        )
        .await;
    assert_eq!(r.status(), 201);
    let course_id = r.json::<Value>().await.unwrap()["scan_id"]
        .as_str()
        .unwrap()
        .to_string();
    let lookup = talentscan::sealed::ScanId::parse(&course_id)
        .unwrap()
        .lookup();
    let wish = app.state.kept_wish(&lookup).await.unwrap();
    assert!(wish.is_some(), "the consenting scan keeps a wish");
    let scan_id_lookup = talentscan::sealed::ScanId::parse(&scan_id)
        .unwrap()
        .lookup();
    let (key, _) = app
        .state
        .create_key(&Scope::Organisation("de-kroon".into()), "backup test", None)
        .await
        .unwrap();
    let mut file = Vec::new();
    let counts = app.state.export(&mut file, true).await.unwrap();
    assert!(counts.records > 300, "{counts:?}");
    assert_eq!((counts.keys, counts.scans), (1, 2));
    let digest = app
        .get("/readyz?digest=true")
        .await
        .json::<Value>()
        .await
        .unwrap()["digest"]
        .clone();
    assert!(digest.is_string());
    // Without --personal-data: no scan, no key in the file.
    let mut catalog_only = Vec::new();
    app.state.export(&mut catalog_only, false).await.unwrap();
    let text = String::from_utf8(catalog_only).unwrap();
    assert!(!text.contains("\"type\":\"scan\"") && !text.contains("\"type\":\"key\""));

    for postgres in [false, true] {
        let restored = spawn_store(postgres).await;
        let (n, header) = restored
            .state
            .restore(&mut std::io::Cursor::new(&file))
            .await
            .unwrap();
        assert_eq!(n.records, counts.records);
        let ready: Value = restored
            .get("/readyz?digest=true")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(ready["digest"], digest, "postgres: {postgres}");
        assert_eq!(ready["digest"], header.digest);
        assert_eq!(ready["index"], ready["store"]);
        assert_eq!(
            restored.get(&format!("/v1/scans/{scan_id}")).await.status(),
            200,
            "the stored scan reads back (postgres: {postgres})"
        );
        assert_eq!(
            restored.state.kept_wish(&lookup).await.unwrap(),
            wish,
            "the learning wish comes back with its scan (postgres: {postgres})"
        );
        assert_eq!(
            restored.state.kept_wish(&scan_id_lookup).await.unwrap(),
            None,
            "a scan without the consent has no wish after a restore either"
        );
        let r = restored
            .put_json(
                "/v1/organisations/de-kroon",
                &json!({"name": "De Kroon", "wijk": "Moerwijk"}),
                Some(&key),
            )
            .await;
        assert!(r.status().is_success(), "the key works: {}", r.status());
    }
}

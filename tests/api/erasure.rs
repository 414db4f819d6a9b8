//! Erasure that is real on disk. A stored scan's answers are sealed under a key derived
//! from its id, which the service does not keep: no answer is ever in clear in the data
//! directory, and once a scan is erased or expired its ciphertext is gone too. Checked on
//! the real binary across restarts, by searching every file under the data directory.
use std::process::Command;

use serde_json::{json, Value};

use crate::crash::{free_port, start, wait_ready};
use crate::helpers::{dir_contains, fixture, ADMIN_KEY};

async fn store_scan(client: &reqwest::Client, base: &str, marker: &str) -> String {
    store_answers(
        client,
        base,
        json!({"graag-doen": format!("Ik teken graag {marker}")}),
    )
    .await
}

/// Stores Wim's scan with some answers changed; its id.
async fn store_answers(client: &reqwest::Client, base: &str, changed: Value) -> String {
    let mut req = fixture("scans/wim.json")["request"].clone();
    for (k, v) in changed.as_object().unwrap() {
        req["answers"][k] = v.clone();
    }
    req["store"] = json!(true);
    let r = client
        .post(format!("{base}/v1/scans"))
        .json(&req)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let v: Value = r.json().await.unwrap();
    v["scan_id"].as_str().unwrap().to_string()
}

async fn words(client: &reqwest::Client, base: &str, id: &str) -> Option<String> {
    let r = client
        .get(format!("{base}/v1/scans/{id}"))
        .send()
        .await
        .unwrap();
    if r.status() == 404 {
        return None;
    }
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    Some(v["words"].as_str().unwrap_or_default().to_string())
}

/// A server whose retention is 0 days: every scan it stores expires at once.
fn start_expiring_at_once(dir: &std::path::Path, port: u16) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_talentscan"))
        .args(["serve", "--no-sample", "--retention-days", "0", "--addr"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("--data-dir")
        .arg(dir)
        .env("TALENTSCAN_ADMIN_KEY", ADMIN_KEY)
        .env("TALENTSCAN_LOG", "warn")
        .env("TALENTSCAN_RATE_LIMIT", "0")
        .spawn()
        .unwrap()
}

fn stop(mut child: std::process::Child) {
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let _ = child.wait();
}

#[tokio::test]
async fn erased_and_expired_answers_are_in_no_file_and_kept_ones_only_sealed() {
    let dir = tempfile::tempdir().unwrap();
    let client = reqwest::Client::new();
    let (kept, erased, expired) = (
        "Kept-Marker-5d1c9e",
        "Erased-Marker-a83f02",
        "Expired-Marker-77be41",
    );
    // A server whose retention is 0 days: the scan it stores expires at once.
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let child = start_expiring_at_once(dir.path(), port);
    wait_ready(&client, &base).await;
    let expired_id = store_scan(&client, &base, expired).await;
    stop(child);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;

    // The usual retention: the start-up purge erases the expired scan.
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let child = start(dir.path(), port);
    wait_ready(&client, &base).await;
    assert_eq!(words(&client, &base, &expired_id).await, None);
    let kept_id = store_scan(&client, &base, kept).await;
    let erased_id = store_scan(&client, &base, erased).await;
    assert!(words(&client, &base, &erased_id)
        .await
        .unwrap()
        .contains(erased));
    let r = client
        .delete(format!("{base}/v1/scans/{erased_id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(words(&client, &base, &kept_id)
        .await
        .unwrap()
        .contains(kept));
    stop(child);

    // After a restart: the kept scan reads back, the others are gone, and no marker is in
    // any file — not the erased or expired ones, and not the kept one either (sealed).
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let child = start(dir.path(), port);
    wait_ready(&client, &base).await;
    assert!(words(&client, &base, &kept_id)
        .await
        .unwrap()
        .contains(kept));
    // As people write it down: capitals and dashes.
    let written = kept_id
        .to_uppercase()
        .as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join("-");
    assert!(words(&client, &base, &written)
        .await
        .unwrap()
        .contains(kept));
    assert_eq!(words(&client, &base, &erased_id).await, None);
    assert_eq!(words(&client, &base, &expired_id).await, None);
    stop(child);
    assert!(std::fs::read_dir(dir.path()).unwrap().count() > 0);
    for m in [kept, erased, expired] {
        assert!(
            !dir_contains(dir.path(), m.as_bytes()),
            "{m} is on disk in clear"
        );
    }
    // Nor are the ids: the store keeps only their lookup hashes.
    for id in [&kept_id, &erased_id, &expired_id] {
        assert!(!dir_contains(dir.path(), id.as_bytes()), "an id is on disk");
    }
}

/// Scans stored in clear before sealing existed are sealed at start under their old id
/// (a UUID, which the resident still holds) and the store's files are rewritten, so the
/// old clear copy is gone; a record whose key can never have been an id is erased.
#[tokio::test]
async fn scans_stored_before_sealing_are_sealed_at_start_and_the_clear_copy_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let marker = "Legacy-Marker-c0ffee";
    let odd = "Odd-Key-Marker-1234";
    let uuid = "3f2b8c1e-0d4a-4e5f-9a6b-7c8d9e0f1a2b";
    {
        let db = sled::open(dir.path().join("store")).unwrap();
        let scans = db.open_tree("scans").unwrap();
        let doc = json!({"scan_id": uuid, "stored": true, "questionnaire": "talentscan",
            "version": 1, "lang": "nl", "created_at": "2026-11-20T10:00:00Z",
            "expires_at": "2099-12-20T10:00:00Z", "warnings": [], "words": marker});
        scans
            .insert(uuid.as_bytes(), serde_json::to_vec(&doc).unwrap())
            .unwrap();
        let mut other = doc.clone();
        other["words"] = json!(odd);
        scans
            .insert(&b"not-an-id"[..], serde_json::to_vec(&other).unwrap())
            .unwrap();
        db.flush().unwrap();
    }
    assert!(
        dir_contains(dir.path(), marker.as_bytes()),
        "the legacy record is in clear"
    );
    let client = reqwest::Client::new();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let child = start(dir.path(), port);
    wait_ready(&client, &base).await;
    assert_eq!(words(&client, &base, uuid).await.as_deref(), Some(marker));
    assert_eq!(words(&client, &base, "not-an-id").await, None);
    stop(child);
    assert!(
        !dir_contains(dir.path(), marker.as_bytes()),
        "clear copy left on disk"
    );
    assert!(
        !dir_contains(dir.path(), odd.as_bytes()),
        "clear copy left on disk"
    );
}

/// A learning wish (`cursus-bericht: ja`) is kept beside its scan as a file of its own,
/// never in the store's segments: erasing the scan, or its expiry, deletes the file, and
/// no copy of the wish is left in any file.
#[tokio::test]
async fn a_learning_wish_goes_with_its_scan_and_leaves_no_copy() {
    let dir = tempfile::tempdir().unwrap();
    let client = reqwest::Client::new();
    let wishes = dir.path().join("wishes");
    let count = || std::fs::read_dir(&wishes).map_or(0, |d| d.count());
    let wish = json!({"woonplek": "2532", "leren": ["computer"], "cursus-bericht": "ja"});
    // Expires at once (retention 0 days): purged at the next start.
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let child = start_expiring_at_once(dir.path(), port);
    wait_ready(&client, &base).await;
    store_answers(&client, &base, wish.clone()).await;
    assert_eq!(count(), 1, "the wish is kept beside the scan");
    stop(child);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let child = start(dir.path(), port);
    wait_ready(&client, &base).await;
    assert_eq!(count(), 0, "the expired scan's wish is purged");
    let id = store_answers(&client, &base, wish.clone()).await;
    assert_eq!(count(), 1);
    let r = client
        .delete(format!("{base}/v1/scans/{id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(count(), 0, "erased with its scan");
    stop(child);
    assert!(
        !dir_contains(dir.path(), b"\"topics\""),
        "a copy of a wish is left on disk"
    );
}

//! SIGKILL in the middle of an import: after a restart every acknowledged record is there
//! and the index holds exactly what the store holds.
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::ADMIN_KEY;

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn start(dir: &std::path::Path, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_talentscan"))
        .args([
            "serve",
            "--no-sample",
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--data-dir",
        ])
        .arg(dir)
        .env("TALENTSCAN_ADMIN_KEY", ADMIN_KEY)
        .env("TALENTSCAN_LOG", "warn")
        .env("TALENTSCAN_RATE_LIMIT", "0")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary starts")
}

pub async fn wait_ready(client: &reqwest::Client, base: &str) -> Value {
    for _ in 0..300 {
        if let Ok(r) = client.get(format!("{base}/readyz")).send().await {
            if r.status() == 200 {
                return r.json().await.unwrap();
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("server did not become ready");
}

fn task(i: usize) -> Value {
    json!({"id": format!("crash-{i}"), "title": format!("Taak nummer {i}"), "organisation_id": "crash-org",
           "categories": ["buurt"], "location": {"postcode": "2532"},
           "schedule": {"slots": ["mon-morning"], "frequency": "weekly", "hours_per_week": 2}})
}

#[tokio::test]
async fn sigkill_during_import_loses_nothing_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let mut child = start(dir.path(), port);
    wait_ready(&client, &base).await;
    let org = json!([{"id": "crash-org", "name": "Crash", "wijk": "Moerwijk"}]);
    let r = client
        .post(format!("{base}/v1/organisations/import"))
        .bearer_auth(ADMIN_KEY)
        .json(&org)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);

    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Vec<String>>();
    let c2 = client.clone();
    let b2 = base.clone();
    let importer = tokio::spawn(async move {
        for batch in 0..1000 {
            let recs: Vec<Value> = (batch * 100..batch * 100 + 100).map(task).collect();
            let ids = recs
                .iter()
                .map(|r| r["id"].as_str().unwrap().to_string())
                .collect();
            match c2
                .post(format!("{b2}/v1/tasks/import"))
                .bearer_auth(ADMIN_KEY)
                .json(&recs)
                .send()
                .await
            {
                Ok(r) if r.status() == 200 => {
                    let _ = tx.send(ids);
                }
                _ => break,
            }
        }
    });
    // Let a few batches land, then kill the process without warning.
    let mut acked: Vec<String> = Vec::new();
    while acked.len() < 500 {
        acked.extend(rx.recv().await.expect("import running"));
    }
    child.kill().expect("SIGKILL");
    child.wait().unwrap();
    let _ = importer.await;
    while let Ok(ids) = rx.try_recv() {
        acked.extend(ids);
    }

    let mut child = start(dir.path(), port);
    let ready = wait_ready(&client, &base).await;
    assert_eq!(
        ready["store"]["tasks"], ready["index"]["tasks"],
        "index count equals store count: {ready}"
    );
    assert!(ready["store"]["tasks"].as_u64().unwrap() as usize >= acked.len());
    for id in &acked {
        let r = client
            .get(format!("{base}/v1/tasks/{id}"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "acknowledged {id} is lost");
    }
    let v: Value = client
        .get(format!("{base}/v1/tasks?q=taak&limit=1"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        v["total"].as_u64(),
        ready["store"]["tasks"].as_u64(),
        "every stored task is searchable"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}

/// Stored scans and catalog upserts stream in together; the process is killed without
/// warning, three times over. After each restart every acknowledged scan reads back whole,
/// every acknowledged upsert is there, and index and store agree.
#[tokio::test]
async fn repeated_sigkill_during_scan_storage_and_upserts_loses_nothing_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let mut child = start(dir.path(), port);
    wait_ready(&client, &base).await;
    let r = client
        .put(format!("{base}/v1/organisations/crash-org"))
        .bearer_auth(ADMIN_KEY)
        .json(&json!({"name": "Crash", "wijk": "Moerwijk"}))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());

    let mut scans: Vec<String> = Vec::new();
    let mut tasks: Vec<String> = Vec::new();
    for round in 0..3 {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(bool, String)>();
        let mut writers = Vec::new();
        for w in 0..4usize {
            let (c, b, tx) = (client.clone(), base.clone(), tx.clone());
            writers.push(tokio::spawn(async move {
                for i in 0..10_000usize {
                    let ok = if w % 2 == 0 {
                        let body = json!({"questionnaire": "talentscan", "store": true,
                            "answers": {"woonplek": "2532", "tijden": ["mon-morning"], "interesses": ["buurt"]}});
                        match c.post(format!("{b}/v1/scans")).json(&body).send().await {
                            Ok(r) if r.status() == 200 || r.status() == 201 => {
                                let v: Value = match r.json().await {
                                    Ok(v) => v,
                                    Err(_) => break,
                                };
                                v["scan_id"].as_str().map(|s| (true, s.to_string()))
                            }
                            _ => None,
                        }
                    } else {
                        let mut t = task(round * 100_000 + w * 10_000 + i);
                        let id = t["id"].as_str().unwrap().to_string();
                        t.as_object_mut().unwrap().remove("id");
                        match c
                            .put(format!("{b}/v1/tasks/{id}"))
                            .bearer_auth(ADMIN_KEY)
                            .json(&t)
                            .send()
                            .await
                        {
                            Ok(r) if r.status().is_success() => Some((false, id)),
                            _ => None,
                        }
                    };
                    match ok {
                        Some(x) => {
                            if tx.send(x).is_err() {
                                break;
                            }
                        }
                        None => break,
                    }
                }
            }));
        }
        drop(tx);
        let mut acked = Vec::new();
        while acked.len() < 60 {
            acked.push(rx.recv().await.expect("writers running"));
        }
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
        for w in writers {
            let _ = w.await;
        }
        while let Ok(a) = rx.try_recv() {
            acked.push(a);
        }
        for (is_scan, id) in acked {
            if is_scan { &mut scans } else { &mut tasks }.push(id);
        }

        child = start(dir.path(), port);
        let ready = wait_ready(&client, &base).await;
        assert_eq!(
            ready["store"]["tasks"], ready["index"]["tasks"],
            "round {round}: index count equals store count: {ready}"
        );
        for id in &scans {
            let r = client
                .get(format!("{base}/v1/scans/{id}"))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "round {round}: acknowledged scan lost");
            let v: Value = r.json().await.expect("a stored scan reads back whole");
            assert!(v["kkwz"].is_object(), "round {round}: scan is whole: {v}");
        }
        for id in &tasks {
            let r = client
                .get(format!("{base}/v1/tasks/{id}"))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "round {round}: acknowledged {id} lost");
        }
    }
    assert!(!scans.is_empty() && !tasks.is_empty());
    child.kill().unwrap();
    child.wait().unwrap();
}

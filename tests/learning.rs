//! Learning from outcomes, checked in the simulator (`benches/simulator/sim.rs`, smaller
//! than the benchmark's run) and through the binary: `talentscan learn` writes a candidate
//! weights file, and a running server takes it on SIGHUP and says so in `/readyz`.
// The benchmark's simulator; the test uses only part of it.
#[allow(dead_code)]
#[path = "../benches/simulator/sim.rs"]
mod sim;

use std::process::{Command, Stdio};
use std::time::Duration;

use rand::SeedableRng;

fn small(signal: bool) -> sim::Config {
    sim::Config {
        seed: 7,
        tasks: 3000,
        rounds: 2,
        matches_per_round: 5000,
        held_out: 500,
        explore_share: 0.3,
        signal,
        interleaving_runs: 0,
        interleaving_max: 0,
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn learned_weights_bring_more_starts_and_stays_to_held_out_residents() {
    let r = sim::run(&small(true)).await;
    println!("{}", r.text());
    assert!(r.max_drift > 0.0, "something was learned");
    assert!(
        r.starts.diff_low > 0.0,
        "more starts, beyond doubt: {:?}",
        r.starts
    );
    assert!(
        r.stays.diff_low > 0.0,
        "more stays, beyond doubt: {:?}",
        r.stays
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn outcomes_without_signal_leave_the_weights_where_they_are() {
    let r = sim::run(&small(false)).await;
    println!("{}", r.text());
    assert!(
        r.max_drift <= 0.25,
        "no signal, yet a weight moved by {}",
        r.max_drift
    );
}

#[test]
fn team_draft_interleaving_keeps_each_rankers_order_and_shares_the_top() {
    let ids = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
    let a = ids("a b c d e f");
    let b = ids("c a g h b i");
    let mut rng = rand::rngs::StdRng::seed_from_u64(3);
    for _ in 0..50 {
        let mixed = sim::team_draft(&a, &b, &mut rng);
        assert_eq!(mixed.len(), 6);
        let mut seen = std::collections::HashSet::new();
        assert!(
            mixed.iter().all(|(id, _)| seen.insert(id.clone())),
            "{mixed:?}"
        );
        // Each team's picks come in its own ranker's order.
        for (team_b, list) in [(false, &a), (true, &b)] {
            let picks: Vec<usize> = mixed
                .iter()
                .filter(|(_, t)| *t == team_b)
                .map(|(id, _)| list.iter().position(|x| x == id).unwrap())
                .collect();
            assert!(picks.windows(2).all(|w| w[0] < w[1]), "{mixed:?}");
        }
        // The first pair holds each ranker's first choice.
        let top: Vec<&str> = mixed.iter().take(2).map(|(id, _)| id.as_str()).collect();
        assert!(top.contains(&"a") && top.contains(&"c"), "{top:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_learned_candidate_goes_into_service_on_sighup() {
    use rand::rngs::StdRng;
    let world = sim::world(11, 800).await;
    let state = &world.state;
    let hand = talentscan::outcomes::learn::task_weights(
        &talentscan::ranking::config::Weights::embedded().unwrap(),
    );
    let m = sim::matcher_with(state, &hand, "hand");
    let mut r = StdRng::seed_from_u64(11);
    let residents: Vec<sim::Resident> = (0..1500).map(|_| sim::resident(&mut r, state)).collect();
    let logs = sim::round(state, &m, &residents, &small(true), &mut r);
    let dir = tempfile::tempdir().unwrap();
    let log_file = dir.path().join("log.ndjson");
    let lines: Vec<String> = logs
        .iter()
        .map(|l| serde_json::to_string(l).unwrap())
        .collect();
    std::fs::write(&log_file, lines.join("\n")).unwrap();
    let bin = env!("CARGO_BIN_EXE_talentscan");
    let cand = dir.path().join("candidate.json");
    let out = Command::new(bin)
        .args(["learn", "--log"])
        .arg(&log_file)
        .arg("--out")
        .arg(&cand)
        .arg("--data-dir")
        .arg(dir.path().join("unused"))
        .env("TALENTSCAN_LOG", "warn")
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report.contains("1500 logged matches"), "{report}");
    assert!(report.contains("estimated per 100 matches"), "{report}");
    let candidate = talentscan::ranking::config::Weights::from_file(&cand).unwrap();

    // A server on the built-in weights, then on the candidate after SIGHUP.
    let live = dir.path().join("weights.json");
    std::fs::write(&live, include_str!("../data/ranking/weights.json")).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(bin)
        .args([
            "serve",
            "--no-sample",
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--data-dir",
        ])
        .arg(dir.path().join("data"))
        .arg("--weights")
        .arg(&live)
        .env("TALENTSCAN_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let client = reqwest::Client::new();
    let weights_live = || async {
        match client
            .get(format!("http://127.0.0.1:{port}/readyz"))
            .send()
            .await
        {
            Ok(r) if r.status() == 200 => r.json::<serde_json::Value>().await.ok()?["weights"]
                .as_str()
                .map(str::to_string),
            _ => None,
        }
    };
    let hand_version = talentscan::ranking::config::Weights::embedded()
        .unwrap()
        .version;
    let mut seen = None;
    for _ in 0..300 {
        seen = weights_live().await;
        if seen.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(seen.as_deref(), Some(hand_version.as_str()));
    std::fs::copy(&cand, &live).unwrap();
    let pid = child.id().to_string();
    assert!(Command::new("kill")
        .args(["-HUP", &pid])
        .status()
        .unwrap()
        .success());
    for _ in 0..50 {
        seen = weights_live().await;
        if seen.as_deref() == Some(candidate.version.as_str()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(seen.as_deref(), Some(candidate.version.as_str()));
}

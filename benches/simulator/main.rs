//! `cargo bench --bench simulator -- [--seed N] [--null] [--out FILE]`: the learning loop
//! in a simulator (see `sim.rs`); prints the report, and with --out writes the learned
//! weights as a weights file. Figures in benches/RESULTS.md.
mod sim;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let seed = value("--seed").and_then(|s| s.parse().ok()).unwrap_or(7);
    let mut cfg = sim::Config::full(seed);
    if args.iter().any(|a| a == "--null") {
        cfg.signal = false;
    }
    let started = std::time::Instant::now();
    let report = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(sim::run(&cfg));
    println!(
        "simulator, seed {seed}, {} outcomes: {} tasks, {} rounds x {} matches ({}% explored), {} held-out residents",
        if cfg.signal { "informative" } else { "signal-free" },
        cfg.tasks,
        cfg.rounds,
        cfg.matches_per_round,
        (cfg.explore_share * 100.0).round(),
        cfg.held_out
    );
    print!("{}", report.text());
    println!("({:.0} s)", started.elapsed().as_secs_f64());
    if let Some(out) = value("--out") {
        let mut base: serde_json::Value =
            serde_json::from_str(include_str!("../../data/ranking/weights.json")).unwrap();
        for f in talentscan::ranking::feature::Feature::ALL {
            base["task"][f.name()] = serde_json::json!(report.learned[f as usize]);
        }
        std::fs::write(&out, serde_json::to_string_pretty(&base).unwrap() + "\n").unwrap();
        println!("learned weights written to {out}");
    }
}

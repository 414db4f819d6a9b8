//! Per-request latency percentiles of the full match and the two floors, in alternating
//! rounds so drift on a shared machine hits all three alike (criterion reports means; the
//! targets of issue 12 are medians and p99s, and ratios "in one run").
//!
//! `cargo bench --bench latency` on the sample catalog; with `TALENTSCAN_BENCH_DIR` on a
//! data directory of `talentscan gen` + `talentscan import`. `LATENCY_ROUNDS` (default 5)
//! passes over the 200 personas; `LATENCY_ONLY=full` skips the floors (to profile the
//! match alone). Appends one CSV line per system to `LATENCY_CSV` when set.
mod common;

use std::hint::black_box;
use std::io::Write;
use std::time::Instant;

use common::*;

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[i]
}

fn main() {
    // `cargo bench` passes `--bench`; a filter that excludes us means: do nothing.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    if !args.is_empty() && !args.iter().any(|a| "latency".contains(a.as_str())) {
        return;
    }
    let (st, _dir) = state();
    let snap = st.snapshot();
    let n = snap.tasks.len();
    let rounds: usize = std::env::var("LATENCY_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let ps = personas(200);
    let m = &st.matcher();
    let qs: Vec<_> = ps.iter().map(|p| query(p.words.clone())).collect();
    let prepared: Vec<_> = ps.iter().zip(&qs).map(|(p, q)| m.prepare(p, q)).collect();
    let (mut full, mut full_plain, mut scan, mut tantivy) = (vec![], vec![], vec![], vec![]);
    let (mut under_box, mut feasible) = (0usize, 0usize);
    // Each round runs the 200 personas through each system in turn: rounds alternate
    // quickly enough that drift hits all three alike, and no system runs on caches another
    // has just filled with its own data.
    // `LATENCY_ONLY=full` runs only the match (for a profile of it alone).
    let floors = std::env::var("LATENCY_ONLY").map_or(true, |v| v != "full");
    for round in 0..=rounds {
        // Round 0 warms caches and the per-segment doc → row maps.
        let keep = round > 0;
        for p in prepared.iter().filter(|_| floors) {
            let t = Instant::now();
            black_box(floor_scan(&snap.tasks, p));
            let a = t.elapsed().as_secs_f64() * 1e3;
            if keep {
                scan.push(a);
            }
        }
        for p in prepared.iter().filter(|_| floors) {
            let t = Instant::now();
            black_box(floor_tantivy(&st.index, p));
            let b = t.elapsed().as_secs_f64() * 1e3;
            if keep {
                tantivy.push(b);
            }
        }
        for (p, q) in ps.iter().zip(&qs) {
            let t = Instant::now();
            let answer = black_box(
                st.matcher()
                    .run(&st.snapshot(), &st.index, &*st, p.clone(), q)
                    .expect("match"),
            );
            let c = t.elapsed().as_secs_f64() * 1e3;
            if round == 0 {
                feasible += answer.feasible_tasks;
            }
            if keep {
                full.push(c);
                if p.words.is_none() {
                    full_plain.push(c);
                }
            }
        }
    }
    for p in &prepared {
        under_box += snap
            .tasks
            .candidate_ranges(p)
            .iter()
            .map(|r| r.len())
            .sum::<usize>();
    }
    let mut rows = [
        ("talentscan", full),
        ("talentscan_without_words", full_plain),
        ("floor_scan", scan),
        ("floor_tantivy", tantivy),
    ];
    println!(
        "latency: {n} tasks, {} personas × {rounds} rounds, single thread, alternating rounds",
        ps.len()
    );
    println!(
        "per persona: {} rows in the cells under the radius, {} pass every hard filter (means)",
        under_box / ps.len(),
        feasible / ps.len()
    );
    println!(
        "{:<26} {:>10} {:>10} {:>10}",
        "", "median ms", "p99 ms", "mean ms"
    );
    let mut stats = Vec::new();
    for (name, v) in rows.iter_mut() {
        v.sort_by(f64::total_cmp);
        let (med, p99) = (percentile(v, 0.5), percentile(v, 0.99));
        let mean = v.iter().sum::<f64>() / v.len().max(1) as f64;
        println!("{name:<26} {med:>10.3} {p99:>10.3} {mean:>10.3}");
        stats.push((*name, med, p99));
    }
    let (_, fm, fp) = stats[0];
    let (_, sm, sp) = stats[2];
    let (_, tm, tp) = stats[3];
    println!(
        "full / floor_scan: {:.2}× median, {:.2}× p99 (target ≤ 3×)",
        fm / sm,
        fp / sp
    );
    println!(
        "floor_tantivy / full: {:.2}× median, {:.2}× p99 (target ≥ 4×)",
        tm / fm,
        tp / fp
    );
    if let Ok(path) = std::env::var("LATENCY_CSV") {
        let new = !std::path::Path::new(&path).exists();
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .expect("LATENCY_CSV");
        if new {
            writeln!(f, "size,system,median_ms,p99_ms").expect("write CSV");
        }
        for (name, med, p99) in &stats {
            writeln!(f, "{n},{name},{med:.4},{p99:.4}").expect("write CSV");
        }
    }
}

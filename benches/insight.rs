//! Insight at scale: needs against offer for all 44 wijken, and the reach of one task, with
//! 100,000 counted residents (and, with `TALENTSCAN_BENCH_DIR`, a 100k-task catalog).
//!
//!     TALENTSCAN_BENCH_DIR=/tmp/d100k cargo bench --bench insight
//!
//! Training groups are planned from 10,000 stored learning wishes (each of the personas
//! with one or two learning goals; a third gave no fixed moment), written once too.
//!
//! The counters of 100,000 residents (200 deterministic personas, cycled) are written once
//! into the month 2000-01 of the bench store; later runs reuse them.
mod common;

use std::hint::black_box;

use common::*;
use criterion::{criterion_group, criterion_main, Criterion};
use talentscan::insight::{self, reach::Draft};
use talentscan::taxonomy::Slot;

const MONTH: &str = "2000-01";
const RESIDENTS: usize = 100_000;

fn benches(c: &mut Criterion) {
    let (st, _dir) = state();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    if st
        .store
        .insight_counts(&format!("{MONTH}|"))
        .unwrap()
        .is_empty()
    {
        let ps = personas(200);
        let mut keys = Vec::new();
        for i in 0..RESIDENTS {
            let p = &ps[i % ps.len()];
            if let Some(w) = insight::wijk_of(p, &st.places) {
                keys.extend(
                    insight::dimensions(p)
                        .iter()
                        .map(|d| insight::key(MONTH, &w, d)),
                );
            }
        }
        st.store.add_insight_counts(&keys).unwrap();
    }
    let tasks = st.snapshot().tasks.len();
    let report = rt.block_on(st.needs_report(MONTH)).unwrap();
    eprintln!(
        "{} wijken, {} dimensions, {tasks} tasks",
        report.wijken.len(),
        report.city.len()
    );
    let mut g = c.benchmark_group(format!("insight/{tasks}"));
    g.bench_function("needs_all_wijken", |b| {
        b.iter(|| black_box(rt.block_on(st.needs_report(MONTH)).unwrap()))
    });
    let at = talentscan::geo::LatLon {
        lat: 52.0474,
        lon: 4.2966,
    };
    let draft = Draft {
        place: "2532".into(),
        slots: vec![Slot::parse("thu-afternoon").unwrap()],
        hours_per_week: 3.0,
        language_level: None,
        intro_meeting: false,
        wheelchair: false,
    };
    g.bench_function("reach_one_task", |b| {
        b.iter(|| black_box(rt.block_on(st.reach_report(MONTH, at, &draft)).unwrap()))
    });
    if st.store.wishes().unwrap().is_empty() {
        const GOALS: [&str; 8] = [
            "eerste-hulp",
            "computer",
            "nederlandse-taal",
            "koken",
            "excel",
            "communicatie",
            "verzorgen",
            "administratie",
        ];
        for (i, mut p) in personas(WISHES).into_iter().enumerate() {
            p.learning_goals = vec![GOALS[i % 8].to_string()];
            if i % 5 == 0 {
                p.learning_goals.push(GOALS[(i / 8) % 8].to_string());
            }
            if i % 3 == 0 {
                p.availability.slots.clear();
            }
            if let Some(w) = st.wish_of(&p) {
                let doc = talentscan::state::AppState::wish_record(&w, "2999-01-01T00:00:00Z");
                st.store.put_wish(&format!("{i:064x}"), &doc).unwrap();
            }
        }
    }
    let (n, proposals) = rt.block_on(st.proposals()).unwrap();
    eprintln!(
        "{n} wishes, {} venues: {} proposals covering {} residents",
        st.venues().unwrap().len(),
        proposals.len(),
        proposals.iter().map(|p| p.size).sum::<usize>()
    );
    g.sample_size(10);
    g.bench_function("training_groups_10k_wishes", |b| {
        b.iter(|| black_box(rt.block_on(st.proposals()).unwrap()))
    });
    g.finish();
}

const WISHES: usize = 10_000;

criterion_group!(insight_benches, benches);
criterion_main!(insight_benches);

//! Criterion benches: scan, full match, the match stages, the two floors and carving.
//!
//! Catalog: the embedded sample by default; set `TALENTSCAN_BENCH_DIR` to a data directory
//! filled with `talentscan gen` + `talentscan import` to measure 10k/100k/1M tasks.
//! Personas: 200, deterministic, origins in and around Zuidwest, radius 1–10 km, varied
//! slots, some with words.
mod common;

use std::hint::black_box;
use std::sync::Arc;

use common::*;
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{Map, Value};
use talentscan::carving::{search, Candidate};
use talentscan::catalog::model::Kind;
use talentscan::questionnaire::score;
use talentscan::ranking::features::Prepared;
use talentscan::ranking::{Ask, Query};
use talentscan::taxonomy::Lang;

fn benches(c: &mut Criterion) {
    let (st, _dir) = state();
    let n_tasks = st.snapshot().tasks.len();
    let label = std::env::var("TALENTSCAN_BENCH_LABEL").unwrap_or_else(|_| format!("{n_tasks}"));

    let tax = &st.taxonomies;
    let def = st.questionnaires.get("talentscan", None).unwrap();
    let fx: Value = serde_json::from_str(include_str!("../tests/fixtures/scans/wim.json")).unwrap();
    let answers: Map<String, Value> = fx["request"]["answers"].as_object().unwrap().clone();
    c.bench_function("scan", |b| {
        b.iter(|| black_box(score(def, tax, &st.places, &answers, Lang::Nl).unwrap()))
    });

    let ps = personas(200);
    let mut g = c.benchmark_group(format!("match/{label}"));
    let mut i = 0;
    g.bench_function("full", |b| {
        b.iter(|| {
            i = (i + 1) % ps.len();
            let q = query(ps[i].words.clone());
            black_box(
                st.matcher()
                    .run(&st.snapshot(), &st.index, &*st, ps[i].clone(), &q)
                    .unwrap(),
            )
        })
    });
    g.finish();

    let snap = st.snapshot();
    let m = &st.matcher();
    let prepared: Vec<(Prepared, Query)> = ps
        .iter()
        .map(|p| {
            let q = query(p.words.clone());
            (m.prepare(p, &q), q)
        })
        .collect();
    let mut g = c.benchmark_group(format!("match_stages/{label}"));
    let mut i = 0;
    let texts: Vec<Option<talentscan::ranking::TextScores>> = ps
        .iter()
        .zip(&prepared)
        .map(|(p, (pp, _))| {
            p.words
                .as_ref()
                .map(|w| m.text_relevance(&snap.tasks, &st.index, w, pp).unwrap())
        })
        .collect();
    g.bench_function("1_candidates_first_phase", |b| {
        b.iter(|| {
            i = (i + 1) % ps.len();
            black_box(m.first_phase(&snap.tasks, &prepared[i].0, texts[i].as_ref()))
        })
    });
    let firsts: Vec<_> = prepared
        .iter()
        .zip(&texts)
        .map(|((p, _), t)| m.first_phase(&snap.tasks, p, t.as_ref()).0)
        .collect();
    g.bench_function("2a_text_relevance", |b| {
        b.iter(|| {
            i = (i + 1) % ps.len();
            black_box(ps[i].words.as_ref().map(|w| {
                m.text_relevance(&snap.tasks, &st.index, w, &prepared[i].0)
                    .unwrap()
            }))
        })
    });
    g.bench_function("2b_second_phase", |b| {
        b.iter(|| {
            i = (i + 1) % ps.len();
            black_box(m.second_phase(
                &snap.tasks,
                &prepared[i].0,
                firsts[i].clone(),
                texts[i].as_ref(),
            ))
        })
    });
    let seconds: Vec<_> = firsts
        .iter()
        .zip(&texts)
        .zip(&prepared)
        .map(|((f, t), (p, _))| m.second_phase(&snap.tasks, p, f.clone(), t.as_ref()))
        .collect();
    g.bench_function("2c_diversify", |b| {
        b.iter(|| {
            i = (i + 1) % ps.len();
            black_box(m.diversify(&snap.tasks, seconds[i].clone(), 10))
        })
    });
    let tops: Vec<_> = seconds
        .iter()
        .map(|s| m.diversify(&snap.tasks, s.clone(), 10))
        .collect();
    g.bench_function("3_reasons", |b| {
        b.iter(|| {
            i = (i + 1) % ps.len();
            for cnd in &tops[i] {
                let t = st.get_task(&snap.tasks.ids[cnd.row]).unwrap();
                let ask = Ask {
                    persona: &ps[i],
                    prepared: &prepared[i].0,
                    query: &prepared[i].1,
                    telling: &[],
                };
                black_box(m.task_match(&t, cnd, &ask, "org"));
            }
        })
    });
    let full_tops: Vec<Vec<Arc<talentscan::catalog::Task>>> = tops
        .iter()
        .map(|t| {
            t.iter()
                .map(|c| st.get_task(&snap.tasks.ids[c.row]).unwrap())
                .collect()
        })
        .collect();
    g.bench_function("4_trainings", |b| {
        b.iter(|| {
            i = (i + 1) % ps.len();
            let ask = Ask {
                persona: &ps[i],
                prepared: &prepared[i].0,
                query: &prepared[i].1,
                telling: &[],
            };
            black_box(m.rank_trainings(&snap.trainings, &ask, &full_tops[i], None))
        })
    });
    g.finish();

    // The floors: the same hard filters, scored by distance alone, top-10.
    let mut g = c.benchmark_group(format!("floor/{label}"));
    g.bench_function("floor_scan", |b| {
        b.iter(|| {
            i = (i + 1) % ps.len();
            black_box(floor_scan(&snap.tasks, &prepared[i].0))
        })
    });
    g.bench_function("floor_tantivy", |b| {
        b.iter(|| {
            i = (i + 1) % ps.len();
            black_box(floor_tantivy(&st.index, &prepared[i].0))
        })
    });
    g.finish();

    // A write as the column builder applies it: 50 changed tasks (a feed's import
    // request) into a new version of the columns, the old one dropped.
    let changed: Vec<talentscan::catalog::Task> = st
        .store
        .iter(Kind::Tasks)
        .unwrap()
        .step_by((n_tasks / 50).max(1))
        .take(50)
        .map(|r| {
            let mut t: talentscan::catalog::Task = serde_json::from_value(r.unwrap().1).unwrap();
            t.title.push_str(" (gewijzigd)");
            t
        })
        .collect();
    let none = std::collections::HashSet::new();
    let mut g = c.benchmark_group(format!("writes/{label}"));
    g.bench_function("apply_50", |b| {
        b.iter(|| black_box(snap.tasks.apply(&changed, &none, tax)))
    });
    g.finish();

    // Carving a 10-component role.
    let comps: Vec<_> = st
        .store
        .iter(Kind::Tasks)
        .unwrap()
        .take(10)
        .map(|r| serde_json::from_value::<talentscan::catalog::Task>(r.unwrap().1).unwrap())
        .collect();
    let cands: Vec<Candidate> = comps
        .iter()
        .enumerate()
        .map(|(k, t)| Candidate {
            task: t,
            fit: 0.3 + 0.05 * k as f64,
            distance: None,
            slots: t.schedule.slots.iter().fold(0, |m, s| m | s.bit()),
        })
        .collect();
    c.bench_function("carving/10_components", |b| {
        b.iter(|| black_box(search(&cands, 6.0, &[])))
    });
}

criterion_group! {
    name = all;
    config = Criterion::default().sample_size(60).measurement_time(std::time::Duration::from_secs(4)).warm_up_time(std::time::Duration::from_secs(1));
    targets = benches
}
criterion_main!(all);

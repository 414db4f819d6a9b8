//! Criterion benches: scan, full match, the match stages, the two floors and carving.
//!
//! Catalog: the embedded sample by default; set `TALENTSCAN_BENCH_DIR` to a data directory
//! filled with `talentscan gen` + `talentscan import` to measure 10k/100k/1M tasks.
//! Personas: 200, deterministic, origins in and around Zuidwest, radius 1–10 km, varied
//! slots, some with words.
use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::{json, Map, Value};
use talentscan::api::matches::run_match;
use talentscan::carving::{search, Candidate};
use talentscan::catalog::model::Kind;
use talentscan::configuration::Settings;
use talentscan::persona::*;
use talentscan::questionnaire::score;
use talentscan::ranking::features::Prepared;
use talentscan::ranking::Query;
use talentscan::search::Filters;
use talentscan::state::AppState;
use talentscan::taxonomy::{Lang, Slot};

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn personas(n: usize) -> Vec<Persona> {
    let mut r = Lcg(42);
    let words = [
        "koken",
        "tuin",
        "taal",
        "fietsen repareren",
        "ouderen",
        "kinderen voorlezen",
    ];
    let cats = [
        "buurt",
        "eten-koken",
        "natuur-groen",
        "ouderen",
        "jeugd",
        "taal-leren",
        "klussen-techniek",
        "zorg-welzijn",
    ];
    (0..n)
        .map(|i| {
            let mut p = Persona::default();
            let lat = 52.045 + (r.next() - 0.5) * 0.06;
            let lon = 4.275 + (r.next() - 0.5) * 0.09;
            p.travel.origin = Some(Origin {
                postcode: None,
                wijk: None,
                lat: Some(lat),
                lon: Some(lon),
            });
            p.travel.radius_km = RadiusKm::try_from(1.0 + r.next() * 9.0).unwrap();
            p.travel.mode = TravelMode::ALL[(r.next() * 4.0) as usize % 4];
            let n_slots = 1 + (r.next() * 8.0) as usize;
            let mut slots: Vec<Slot> = (0..n_slots)
                .filter_map(|_| Slot::all().nth((r.next() * 21.0) as usize % 21))
                .collect();
            slots.sort();
            slots.dedup();
            p.availability.slots = slots;
            p.availability.hours_per_week =
                Some(HoursPerWeek::try_from(1.0 + r.next() * 7.0).unwrap());
            p.interests.insert(
                cats[(r.next() * 8.0) as usize % 8].to_string(),
                Unit::try_from(1.0).unwrap(),
            );
            p.interests.insert(
                cats[(r.next() * 8.0) as usize % 8].to_string(),
                Unit::try_from(0.6).unwrap(),
            );
            p.motivations = Motivations::from_array([
                r.next(),
                r.next(),
                r.next(),
                r.next(),
                r.next(),
                r.next(),
            ]);
            p.work_goal = WorkGoal::ALL[(r.next() * 5.0) as usize % 5];
            p.needs.allowance = r.next() < 0.3;
            p.kkwz = Kkwz::from_values([r.next() * 100.0, 50.0, 50.0, 50.0]);
            if i % 4 == 0 {
                p.words = Some(words[(r.next() * 6.0) as usize % 6].to_string());
            }
            p
        })
        .collect()
}

fn state() -> (Arc<AppState>, Option<tempfile::TempDir>) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    match std::env::var("TALENTSCAN_BENCH_DIR") {
        Ok(dir) => {
            let mut s = Settings::for_dir(dir.into());
            s.no_sample = true;
            (rt.block_on(AppState::open(s)).unwrap(), None)
        }
        Err(_) => {
            let d = tempfile::tempdir().unwrap();
            (
                rt.block_on(AppState::open(Settings::for_dir(d.path().into())))
                    .unwrap(),
                Some(d),
            )
        }
    }
}

fn query(words: Option<String>) -> Query {
    Query {
        limit_tasks: 10,
        limit_trainings: 5,
        categories: None,
        words,
        lang: Lang::Nl,
        explain: false,
        now: time::OffsetDateTime::now_utc(),
    }
}

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
            black_box(run_match(&st, ps[i].clone(), &q).unwrap())
        })
    });
    g.finish();

    let snap = st.snapshot();
    let m = &st.matcher;
    let prepared: Vec<(Prepared, Query)> = ps
        .iter()
        .map(|p| {
            let q = query(p.words.clone());
            (m.prepare(p, &q), q)
        })
        .collect();
    let mut g = c.benchmark_group(format!("match_stages/{label}"));
    let mut i = 0;
    let texts: Vec<Option<Vec<f32>>> = ps
        .iter()
        .zip(&prepared)
        .map(|(p, (pp, _))| {
            p.words.as_ref().map(|w| {
                m.dense_text(
                    &snap.tasks,
                    &st.index
                        .relevance_near(Kind::Tasks, w, 5000, pp.near())
                        .unwrap(),
                )
            })
        })
        .collect();
    g.bench_function("1_candidates_first_phase", |b| {
        b.iter(|| {
            i = (i + 1) % ps.len();
            black_box(m.first_phase(&snap.tasks, &prepared[i].0, texts[i].as_deref()))
        })
    });
    let firsts: Vec<_> = prepared
        .iter()
        .zip(&texts)
        .map(|((p, _), t)| m.first_phase(&snap.tasks, p, t.as_deref()))
        .collect();
    g.bench_function("2a_text_relevance", |b| {
        b.iter(|| {
            i = (i + 1) % ps.len();
            black_box(ps[i].words.as_ref().map(|w| {
                m.dense_text(
                    &snap.tasks,
                    &st.index
                        .relevance_near(Kind::Tasks, w, 5000, prepared[i].0.near())
                        .unwrap(),
                )
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
                texts[i].as_deref(),
            ))
        })
    });
    let seconds: Vec<_> = firsts
        .iter()
        .zip(&texts)
        .zip(&prepared)
        .map(|((f, t), (p, _))| m.second_phase(&snap.tasks, p, f.clone(), t.as_deref()))
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
                black_box(m.task_match(&t, cnd, &prepared[i].0, &ps[i], &prepared[i].1, "org"));
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
            black_box(m.rank_trainings(
                &snap.trainings,
                &ps[i],
                &prepared[i].0,
                &full_tops[i],
                None,
                &prepared[i].1,
            ))
        })
    });
    g.finish();

    // The floors: the same hard filters, scored by distance alone, top-10.
    let mut g = c.benchmark_group(format!("floor/{label}"));
    g.bench_function("floor_scan", |b| {
        b.iter(|| {
            i = (i + 1) % ps.len();
            let p = &prepared[i].0;
            let mut best: Vec<(f64, usize)> = Vec::with_capacity(64);
            for range in snap.tasks.candidate_ranges(p) {
                for row in range {
                    let r = &snap.tasks.rows[row];
                    let d = p.distance(r);
                    if p.allows(r, d) {
                        best.push((d.unwrap_or(0.0), row));
                    }
                }
            }
            let k = best.len().min(10);
            if k > 0 {
                best.select_nth_unstable_by(k - 1, |a, b| a.0.total_cmp(&b.0));
            }
            best.truncate(k);
            black_box(best)
        })
    });
    g.bench_function("floor_tantivy", |b| {
        b.iter(|| {
            i = (i + 1) % ps.len();
            let p = &prepared[i].0;
            let f = Filters {
                near: p.near(),
                ..Default::default()
            };
            black_box(st.index.search(Kind::Tasks, &f, 10).unwrap())
        })
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
    let _ = json!({});
}

criterion_group! {
    name = all;
    config = Criterion::default().sample_size(60).measurement_time(std::time::Duration::from_secs(4)).warm_up_time(std::time::Duration::from_secs(1));
    targets = benches
}
criterion_main!(all);

//! The learning loop in a simulator (issue: close the loop). Deterministic for a seed.
//!
//! A synthetic catalog (`talentscan gen`, dense around Zuidwest) is published into a real
//! service state; synthetic residents get real match answers from the real matcher. Each
//! resident has hidden true preferences that differ from the hand-set weights: distance
//! matters far more to those who walk, time fit and motive fit more to everyone, a
//! certificate and learning less; and whether someone who starts is still there three
//! months later is decided by how well the task's offers fit their motives. They respond
//! under a position-biased click model (rank k is looked at with probability k^-0.8),
//! start and stay with probabilities from their hidden utility. Every match is logged as
//! the service logs it (`LoggedMatch`, banded distance), a share of them explored
//! (near ties shuffled); `outcomes::learn` fits candidate weights from the logs, round
//! after round, each round serving the weights the last one learned.
//!
//! The report: (1) how many matches team-draft interleaving needs to tell the better of
//! the hand-set and the learned weights apart; (2) expected starts and stays per 100
//! matches of both on held-out residents; (3) with outcomes that carry no signal, how far
//! the weights drift. (4), the judged set with the learned weights, is
//! `cargo test --test api judged`.
use std::sync::Arc;

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use talentscan::catalog::model::Kind;
use talentscan::configuration::Settings;
use talentscan::outcomes::learn::{self, FitConfig, Session, TaskWeights};
use talentscan::outcomes::{explore, LoggedMatch, LoggedOutcome, Status};
use talentscan::persona::Persona;
use talentscan::ranking::config::Weights;
use talentscan::ranking::feature::Feature;
use talentscan::ranking::{MatchOutcome, Matcher, Query};
use talentscan::state::AppState;
use talentscan::taxonomy::{Lang, Slot};

#[derive(Debug, Clone)]
pub struct Config {
    pub seed: u64,
    pub tasks: usize,
    pub rounds: usize,
    pub matches_per_round: usize,
    pub held_out: usize,
    pub explore_share: f64,
    /// false: outcomes carry no signal about the task (only position matters).
    pub signal: bool,
    pub interleaving_runs: usize,
    pub interleaving_max: usize,
}

impl Config {
    pub fn full(seed: u64) -> Self {
        Self {
            seed,
            tasks: 3000,
            rounds: 4,
            matches_per_round: 5000,
            held_out: 2000,
            explore_share: 0.3,
            signal: true,
            interleaving_runs: 20,
            interleaving_max: 4000,
        }
    }
}

pub struct World {
    pub state: Arc<AppState>,
    _dir: tempfile::TempDir,
}

/// A fresh service state with a synthetic catalog.
pub async fn world(seed: u64, tasks: usize) -> World {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings::for_dir(dir.path().join("data"));
    settings.no_sample = true;
    let state = AppState::open(settings).await.unwrap();
    let gen = dir.path().join("catalog");
    talentscan::catalog::synthetic::generate(
        &state.taxonomies,
        tasks,
        20,
        seed,
        talentscan::catalog::synthetic::Spread::Dense,
        &gen,
    )
    .unwrap();
    for (kind, file) in [
        (Kind::Organisations, "organisations.ndjson"),
        (Kind::Tasks, "tasks.ndjson"),
        (Kind::Trainings, "trainings.ndjson"),
    ] {
        let values: Vec<Value> = std::fs::read_to_string(gen.join(file))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let (_, errors) = state.publish(kind, values, |_| true).await.unwrap();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
    World { state, _dir: dir }
}

/// A synthetic resident: a persona for the matcher and the hidden truth behind it.
#[derive(Clone)]
pub struct Resident {
    pub persona: Persona,
    pub walker: bool,
}

pub fn resident(r: &mut StdRng, state: &AppState) -> Resident {
    let pcs = &state.places.postcodes;
    let pc = &pcs[r.gen_range(0..pcs.len())];
    let cats: Vec<&str> = state
        .taxonomies
        .categories
        .terms
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    let mut interests = serde_json::Map::new();
    let n = r.gen_range(1..=3);
    for c in cats.choose_multiple(r, n) {
        interests.insert(c.to_string(), json!(r.gen_range(5..=10) as f64 / 10.0));
    }
    let n = r.gen_range(3..=8);
    let slots: Vec<String> = Slot::all()
        .map(|s| s.id())
        .collect::<Vec<_>>()
        .choose_multiple(r, n)
        .cloned()
        .collect();
    let walker = r.gen_bool(0.4);
    let mut m = || r.gen_range(1..=9) as f64 / 10.0;
    let motivations = json!({"values": m(), "understanding": m(), "social": m(),
                             "career": m(), "protective": m(), "enhancement": m()});
    let goal = ["not_now", "exploring", "preparing", "searching"][r.gen_range(0..4)];
    let p = json!({
        "interests": interests,
        "motivations": motivations,
        "availability": {"slots": slots, "hours_per_week": r.gen_range(2..=8)},
        "travel": {"origin": {"lat": pc.lat + r.gen_range(-0.004..0.004), "lon": pc.lon + r.gen_range(-0.006..0.006)},
                   "radius_km": if walker { r.gen_range(2..=4) } else { r.gen_range(4..=9) },
                   "mode": if walker { "walk" } else { "bike" }},
        "work_goal": goal,
    });
    Resident {
        persona: serde_json::from_value(p).unwrap(),
        walker,
    }
}

fn query(now: time::OffsetDateTime) -> Query {
    Query {
        limit_tasks: 10,
        limit_trainings: 0,
        categories: None,
        words: None,
        words_are_search: false,
        lang: Lang::Nl,
        explain: false,
        now,
    }
}

pub fn matcher_with(state: &AppState, w: &TaskWeights, version: &str) -> Matcher {
    let mut weights = Weights::embedded().unwrap();
    for f in Feature::ALL {
        weights.task.insert(f.name().to_string(), w[f as usize]);
    }
    weights.version = version.to_string();
    Matcher::with_weights(state.taxonomies.clone(), weights).unwrap()
}

fn rank(state: &AppState, m: &Matcher, res: &Resident) -> MatchOutcome {
    m.run(
        &state.snapshot(),
        &state.index,
        state,
        res.persona.clone(),
        &query(state.now()),
    )
    .unwrap()
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// How likely rank k is looked at.
pub fn examined(k: usize) -> f64 {
    (k as f64).powf(-0.8)
}

/// The hidden truth of one shown task for one resident: (respond if looked at, start if
/// responded, stay if started).
fn truth(res: &Resident, shown: &MatchOutcome, i: usize, signal: bool) -> (f64, f64, f64) {
    if !signal {
        return (0.05, 0.5, 0.5);
    }
    let e = &shown.evidence[i];
    let card = &shown.tasks[i];
    let hand = Weights::embedded().unwrap();
    let (mut num, mut den) = (0.0, 0.0);
    for f in Feature::ALL {
        let mut v = e.values[f];
        if f == Feature::Distance {
            if let Some(d) = card.distance_km {
                v = Some((-d / if res.walker { 0.8 } else { 3.0 }).exp());
            }
        }
        let Some(v) = v else { continue };
        let h = hand.task(f.name())
            * match f {
                Feature::Distance => {
                    if res.walker {
                        4.0
                    } else {
                        1.5
                    }
                }
                Feature::Time => 2.0,
                Feature::Motive => 2.0,
                Feature::Certificate => 0.2,
                Feature::Learn => 0.3,
                Feature::Interest => 0.8,
                _ => 1.0,
            };
        num += h * v;
        den += h;
    }
    let u = if den > 0.0 { num / den } else { 0.0 };
    let motive = e.values[Feature::Motive].unwrap_or(0.5);
    (
        0.4 * sigmoid(12.0 * (u - 0.7)),
        sigmoid(10.0 * (u - 0.5)),
        sigmoid(10.0 * (motive - 0.45)),
    )
}

/// One round: every resident gets a match from `m`, logged as the service logs it, and
/// responds, starts and stays as their hidden truth says.
pub fn round(
    state: &AppState,
    m: &Matcher,
    residents: &[Resident],
    cfg: &Config,
    r: &mut StdRng,
) -> Vec<LoggedMatch> {
    let now = state.now();
    let mut out = Vec::with_capacity(residents.len());
    for res in residents {
        let mut shown = rank(state, m, res);
        let explored = r
            .gen_bool(cfg.explore_share)
            .then(|| explore(&mut shown, r));
        let mut log = LoggedMatch::of(&shown, now, &m.weights.version, explored.as_deref());
        for (i, t) in log.shown.iter_mut().enumerate() {
            let (resp, start, stay) = truth(res, &shown, i, cfg.signal);
            if r.gen_bool(examined(i + 1) * resp) {
                t.responded = true;
                if r.gen_bool(start) {
                    t.outcomes.push(LoggedOutcome {
                        status: Status::Started,
                        day: String::new(),
                    });
                    if r.gen_bool(stay) {
                        t.outcomes.push(LoggedOutcome {
                            status: Status::StillActive,
                            day: String::new(),
                        });
                    }
                }
            }
        }
        out.push(log);
    }
    out
}

/// Expected starts and stays of one resident's match under the hidden truth.
fn expected(state: &AppState, m: &Matcher, res: &Resident, signal: bool) -> (f64, f64) {
    let shown = rank(state, m, res);
    let (mut starts, mut stays) = (0.0, 0.0);
    for i in 0..shown.tasks.len() {
        let (resp, start, stay) = truth(res, &shown, i, signal);
        let s = examined(i + 1) * resp * start;
        starts += s;
        stays += s * stay;
    }
    (starts, stays)
}

#[derive(Debug, Clone)]
pub struct Compared {
    /// Per 100 matches: hand-set, learned, and the 95 % interval of the paired difference.
    pub hand: f64,
    pub learned: f64,
    pub diff_low: f64,
    pub diff_high: f64,
}

fn compare(pairs: &[(f64, f64)]) -> Compared {
    let n = pairs.len() as f64;
    let mean = |f: &dyn Fn(&(f64, f64)) -> f64| pairs.iter().map(f).sum::<f64>() / n;
    let (a, b) = (mean(&|p| p.0), mean(&|p| p.1));
    let d = b - a;
    let var = pairs.iter().map(|p| (p.1 - p.0 - d).powi(2)).sum::<f64>() / (n - 1.0);
    let se = (var / n).sqrt();
    Compared {
        hand: 100.0 * a,
        learned: 100.0 * b,
        diff_low: 100.0 * (d - 1.96 * se),
        diff_high: 100.0 * (d + 1.96 * se),
    }
}

/// Team-draft interleaving (Radlinski et al. 2008) of two top lists.
pub fn team_draft(a: &[String], b: &[String], r: &mut StdRng) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let (mut na, mut nb) = (0, 0);
    let n = a.len().max(b.len());
    let has = |out: &Vec<(String, bool)>, id: &str| out.iter().any(|(x, _)| x == id);
    while out.len() < n {
        let a_turn = na < nb || (na == nb && r.gen_bool(0.5));
        let (list, team_b) = if a_turn { (a, false) } else { (b, true) };
        match list.iter().find(|id| !has(&out, id)) {
            Some(id) => {
                out.push((id.clone(), team_b));
                if team_b {
                    nb += 1
                } else {
                    na += 1
                }
            }
            None => {
                let other = if a_turn { b } else { a };
                match other.iter().find(|id| !has(&out, id)) {
                    Some(id) => out.push((id.clone(), !a_turn)),
                    None => break,
                }
            }
        }
    }
    out
}

/// P(X ≥ k) for X ~ Binomial(n, 1/2).
fn sign_test(k: usize, n: usize) -> f64 {
    let mut p = 0.0;
    // C(n, i) / 2^n, built up in logs to stay finite.
    let ln2n = n as f64 * std::f64::consts::LN_2;
    let mut ln_c = 0.0f64;
    for i in 0..=n {
        if i > 0 {
            ln_c += ((n - i + 1) as f64).ln() - (i as f64).ln();
        }
        if i >= k {
            p += (ln_c - ln2n).exp();
        }
    }
    p.min(1.0)
}

/// Matches until team-draft interleaving says B beats A (one-sided sign test p < 0.05 on
/// the matches with a winner), for one stream of residents; `None` when it never does.
fn interleaving_needed(
    state: &AppState,
    a: &Matcher,
    b: &Matcher,
    seed: u64,
    max: usize,
) -> Option<usize> {
    let mut r = StdRng::seed_from_u64(seed);
    let (mut wins_a, mut wins_b) = (0usize, 0usize);
    for n in 1..=max {
        let res = resident(&mut r, state);
        let la = rank(state, a, &res);
        let lb = rank(state, b, &res);
        let ids = |m: &MatchOutcome| m.tasks.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
        let mixed = team_draft(&ids(&la), &ids(&lb), &mut r);
        let (mut ca, mut cb) = (0, 0);
        for (k, (id, team_b)) in mixed.iter().enumerate() {
            // The truth of a task does not depend on who ranked it.
            let (src, i) = match la.tasks.iter().position(|t| &t.id == id) {
                Some(i) => (&la, i),
                None => (&lb, lb.tasks.iter().position(|t| &t.id == id).unwrap()),
            };
            let (resp, _, _) = truth(&res, src, i, true);
            if r.gen_bool(examined(k + 1) * resp) {
                if *team_b {
                    cb += 1
                } else {
                    ca += 1
                }
            }
        }
        match ca.cmp(&cb) {
            std::cmp::Ordering::Greater => wins_a += 1,
            std::cmp::Ordering::Less => wins_b += 1,
            std::cmp::Ordering::Equal => {}
        }
        let decided = wins_a + wins_b;
        if decided >= 10 && wins_b > wins_a && sign_test(wins_b, decided) < 0.05 {
            return Some(n);
        }
    }
    None
}

#[derive(Debug, Clone)]
pub struct Report {
    pub hand: TaskWeights,
    pub learned: TaskWeights,
    pub rounds: Vec<String>,
    pub starts: Compared,
    pub stays: Compared,
    /// The largest move of any weight from the hand-set ones.
    pub max_drift: f64,
    /// Matches interleaving needed, per run, sorted (`None`: not within the maximum).
    pub interleaving: Vec<Option<usize>>,
}

pub async fn run(cfg: &Config) -> Report {
    let w = world(cfg.seed, cfg.tasks).await;
    let state = &w.state;
    let hand = learn::task_weights(&Weights::embedded().unwrap());
    let mut current = hand;
    let mut logs: Vec<Session> = Vec::new();
    let mut rounds = Vec::new();
    let mut r = StdRng::seed_from_u64(cfg.seed);
    for i in 0..cfg.rounds {
        let m = matcher_with(state, &current, &format!("sim-round-{i}"));
        let residents: Vec<Resident> = (0..cfg.matches_per_round)
            .map(|_| resident(&mut r, state))
            .collect();
        let logged = round(state, &m, &residents, cfg, &mut r);
        logs.extend(logged.iter().map(Session::from_logged));
        let report = learn::learn(&logs, &current, &FitConfig::default());
        rounds.push(format!(
            "round {}: {} matches logged, {} responses, {} starts, {} stays; moved {:?}",
            i + 1,
            report.matches,
            report.responses,
            report.starts,
            report.stays,
            report.moved
        ));
        for (name, value) in &report.candidate {
            let f = Feature::ALL.iter().position(|f| f.name() == name).unwrap();
            current[f] = *value;
        }
    }
    let max_drift = hand
        .iter()
        .zip(&current)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    let a = matcher_with(state, &hand, "hand");
    let b = matcher_with(state, &current, "learned");
    let mut held = StdRng::seed_from_u64(cfg.seed ^ 0x5eed_0ff5);
    let (mut starts, mut stays) = (Vec::new(), Vec::new());
    for _ in 0..cfg.held_out {
        let res = resident(&mut held, state);
        let (sa, ya) = expected(state, &a, &res, cfg.signal);
        let (sb, yb) = expected(state, &b, &res, cfg.signal);
        starts.push((sa, sb));
        stays.push((ya, yb));
    }
    let mut interleaving: Vec<Option<usize>> = if cfg.signal {
        (0..cfg.interleaving_runs)
            .map(|i| {
                interleaving_needed(
                    state,
                    &a,
                    &b,
                    cfg.seed + 1000 + i as u64,
                    cfg.interleaving_max,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    interleaving.sort_by_key(|n| n.unwrap_or(usize::MAX));
    Report {
        hand,
        learned: current,
        rounds,
        starts: compare(&starts),
        stays: compare(&stays),
        max_drift,
        interleaving,
    }
}

impl Report {
    pub fn text(&self) -> String {
        let mut s = String::new();
        for r in &self.rounds {
            s.push_str(r);
            s.push('\n');
        }
        s.push_str("weights (hand-set -> learned):\n");
        for f in Feature::ALL {
            let (a, b) = (self.hand[f as usize], self.learned[f as usize]);
            s.push_str(&format!("  {:<16} {a:>6.3} -> {b:>6.3}\n", f.name()));
        }
        s.push_str(&format!(
            "largest move of a weight: {:.3}\n",
            self.max_drift
        ));
        for (name, c) in [("starts", &self.starts), ("stays", &self.stays)] {
            s.push_str(&format!(
                "held-out {name} per 100 matches: hand-set {:.2}, learned {:.2} (difference {:+.2}, 95% interval [{:+.2}, {:+.2}])\n",
                c.hand, c.learned, c.learned - c.hand, c.diff_low, c.diff_high
            ));
        }
        if !self.interleaving.is_empty() {
            let found: Vec<usize> = self.interleaving.iter().flatten().copied().collect();
            let median = found.get(found.len() / 2).copied();
            let p90 = found.get(found.len() * 9 / 10).copied();
            s.push_str(&format!(
                "interleaving: the learned weights won in {} of {} runs; matches needed (p < 0.05): median {:?}, 90th percentile {:?}, all {:?}\n",
                found.len(),
                self.interleaving.len(),
                median,
                p90,
                self.interleaving
            ));
        }
        s
    }
}

//! Learning the task weights from the match log without fooling ourselves.
//!
//! **What is learned**: only the soft-fit weights of tasks (`task` in the weights file).
//! The hard limits are filters, the rule that work experience counts only for
//! `preparing` and `searching` decides whether that feature is active at all, and the
//! benefit answer is not a feature: all three stay outside what a weight can change.
//! Weights stay non-negative and move at most `max_step` from the weights in service per
//! run; putting the candidate into service is a person's decision.
//!
//! **How a ranking is judged from logs it did not make**: a resident looks at a task at
//! rank k with probability θ(k) (position bias) and responds when it appeals. Re-ranking a
//! logged list with other weights moves each task to a new rank; its outcome then counts
//! θ(new) / θ(old) times (inverse propensity scoring under the position-based model,
//! clipped so one lucky click cannot dominate). θ is measured on the matches exploration
//! shuffled (`outcomes::explore`): within a shuffled run of near-tied tasks the rank is
//! random, so more responses at one rank than the next is the position's doing. With few
//! such matches θ leans on the prior 1/k.
//!
//! **When a weight moves**: coordinate ascent on the estimated starts plus three-month
//! stays (a start that lasts counts twice); a step is taken only when its estimated gain
//! exceeds `z` standard errors of the per-match differences (3 by default: each round
//! tries dozens of steps, and one of them passing 2 by chance alone is likely), so
//! outcomes that carry no signal leave the weights where they are.
use serde::Serialize;

use super::{LoggedMatch, Status};
use crate::ranking::feature::{Feature, PerFeature};
use crate::ranking::features::combine;

/// Task weights in `Feature::ALL` order.
pub type TaskWeights = [f64; Feature::COUNT];

/// No outcome counts more than this many times when its task moves up.
const CLIP: f64 = 5.0;
/// How many matches' worth the prior 1/k weighs in the position bias.
const PRIOR_WEIGHT: f64 = 5.0;
/// Ranks the position bias is measured for; lower ranks share the last value.
pub const RANKS: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Responses,
    Starts,
    Stays,
}

impl Target {
    pub const ALL: [Target; 3] = [Target::Responses, Target::Starts, Target::Stays];
}

/// A shown task as the learner reads it from the log.
#[derive(Debug, Clone)]
pub struct Item {
    pub values: PerFeature<Option<f64>>,
    /// 1 = first.
    pub rank: usize,
    pub propensity: f64,
    pub responded: bool,
    pub started: bool,
    pub stayed: bool,
}

impl Item {
    fn outcome(&self, t: Target) -> f64 {
        (match t {
            Target::Responses => self.responded,
            Target::Starts => self.started,
            Target::Stays => self.stayed,
        }) as u8 as f64
    }
}

/// One logged match.
#[derive(Debug, Clone)]
pub struct Session {
    pub explored: bool,
    pub items: Vec<Item>,
}

impl Session {
    /// Reads a logged match; the feature values are found by name, so a log written with
    /// another feature order reads the same.
    pub fn from_logged(m: &LoggedMatch) -> Self {
        let pos: Vec<Option<usize>> = m
            .features
            .iter()
            .map(|n| Feature::ALL.iter().position(|f| f.name() == n))
            .collect();
        let items = m
            .shown
            .iter()
            .map(|t| {
                let mut values = PerFeature([None; Feature::COUNT]);
                for (i, v) in t.values.iter().enumerate() {
                    if let Some(Some(f)) = pos.get(i) {
                        values.0[*f] = *v;
                    }
                }
                let has = |s: Status| t.outcomes.iter().any(|o| o.status == s);
                Item {
                    values,
                    rank: t.rank as usize,
                    propensity: t.propensity,
                    responded: t.responded,
                    started: has(Status::Started),
                    stayed: has(Status::StillActive),
                }
            })
            .collect();
        Self {
            explored: m.explored,
            items,
        }
    }

    /// The rank (1-based) each item gets under weights `w`; ties keep the logged order.
    fn ranks_under(&self, w: &PerFeature<f64>) -> Vec<usize> {
        let scores: Vec<f64> = self.items.iter().map(|i| combine(&i.values, w)).collect();
        let mut order: Vec<usize> = (0..self.items.len()).collect();
        order.sort_by(|&a, &b| {
            scores[b]
                .total_cmp(&scores[a])
                .then(self.items[a].rank.cmp(&self.items[b].rank))
        });
        let mut ranks = vec![0; self.items.len()];
        for (r, i) in order.into_iter().enumerate() {
            ranks[i] = r + 1;
        }
        ranks
    }

    /// The estimated outcomes of this match had it been ranked with `w`.
    fn value(&self, w: &PerFeature<f64>, theta: &PositionBias, t: Target) -> f64 {
        let ranks = self.ranks_under(w);
        self.items
            .iter()
            .zip(ranks)
            .map(|(i, r)| {
                let y = i.outcome(t);
                if y == 0.0 {
                    0.0
                } else {
                    y * (theta.at(r) / theta.at(i.rank)).min(CLIP)
                }
            })
            .sum()
    }
}

/// θ(k): how likely a resident looks at the task at rank k, relative to rank 1.
#[derive(Debug, Clone, Serialize)]
pub struct PositionBias {
    pub theta: Vec<f64>,
    /// Explored matches it was measured on.
    pub explored_matches: usize,
}

impl PositionBias {
    pub fn prior() -> Self {
        Self {
            theta: (1..=RANKS).map(|k| 1.0 / k as f64).collect(),
            explored_matches: 0,
        }
    }

    pub fn at(&self, rank: usize) -> f64 {
        let i = rank.clamp(1, self.theta.len()) - 1;
        self.theta[i]
    }

    /// Measures θ on the explored matches: for each pair of neighbouring ranks inside a
    /// shuffled run, the responses at the lower rank over those at the higher, blended
    /// with the prior's ratio.
    pub fn measure(sessions: &[Session]) -> Self {
        let mut at = [0.0f64; RANKS + 1];
        let mut next = [0.0f64; RANKS + 1];
        let mut explored = 0;
        for s in sessions.iter().filter(|s| s.explored) {
            explored += 1;
            let mut i = 0;
            while i < s.items.len() {
                let p = s.items[i].propensity;
                let run = if p > 0.0 && p < 1.0 {
                    (1.0 / p).round() as usize
                } else {
                    1
                };
                let end = (i + run).min(s.items.len());
                for j in i..end.saturating_sub(1) {
                    let k = s.items[j].rank;
                    if k < RANKS {
                        at[k] += s.items[j].responded as u8 as f64;
                        next[k] += s.items[j + 1].responded as u8 as f64;
                    }
                }
                i = end;
            }
        }
        let mut theta = vec![1.0; RANKS];
        for k in 1..RANKS {
            let prior = k as f64 / (k + 1) as f64;
            let ratio = (next[k] + PRIOR_WEIGHT * prior) / (at[k] + PRIOR_WEIGHT);
            theta[k] = (theta[k - 1] * ratio).clamp(0.02, theta[k - 1]);
        }
        Self {
            theta,
            explored_matches: explored,
        }
    }
}

/// An estimate with its 95 % confidence interval (normal, over matches).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Estimate {
    /// Per 100 matches.
    pub per_100: f64,
    pub low: f64,
    pub high: f64,
}

fn mean_se(xs: impl Iterator<Item = f64>) -> (f64, f64) {
    let v: Vec<f64> = xs.collect();
    let n = v.len() as f64;
    if n < 2.0 {
        return (v.first().copied().unwrap_or(0.0), f64::INFINITY);
    }
    let mean = v.iter().sum::<f64>() / n;
    let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, (var / n).sqrt())
}

fn per_feature(w: &TaskWeights) -> PerFeature<f64> {
    PerFeature(*w)
}

/// The estimated outcome per 100 matches had they been ranked with `w`.
pub fn estimate(
    sessions: &[Session],
    w: &TaskWeights,
    theta: &PositionBias,
    t: Target,
) -> Estimate {
    let pw = per_feature(w);
    let (m, se) = mean_se(sessions.iter().map(|s| s.value(&pw, theta, t)));
    Estimate {
        per_100: 100.0 * m,
        low: 100.0 * (m - 1.96 * se),
        high: 100.0 * (m + 1.96 * se),
    }
}

/// What the learner optimises: starts, plus stays again.
fn objective(s: &Session, w: &PerFeature<f64>, theta: &PositionBias) -> f64 {
    s.value(w, theta, Target::Starts) + s.value(w, theta, Target::Stays)
}

#[derive(Debug, Clone, Copy)]
pub struct FitConfig {
    /// The most a weight may move from the weights in service, per run.
    pub max_step: f64,
    /// Rounds over all features.
    pub rounds: usize,
    /// A step must gain more than this many standard errors.
    pub z: f64,
}

impl Default for FitConfig {
    fn default() -> Self {
        Self {
            max_step: 0.5,
            rounds: 3,
            z: 3.0,
        }
    }
}

/// Coordinate ascent from the weights in service; every weight ends non-negative and
/// within `max_step` of where it started.
pub fn fit(
    sessions: &[Session],
    start: &TaskWeights,
    theta: &PositionBias,
    cfg: &FitConfig,
) -> TaskWeights {
    let mut w = *start;
    let lo = |f: usize| (start[f] - cfg.max_step).max(0.0);
    let hi = |f: usize| start[f] + cfg.max_step;
    for _ in 0..cfg.rounds {
        let mut moved = false;
        for f in 0..Feature::COUNT {
            let base = per_feature(&w);
            let base_v: Vec<f64> = sessions
                .iter()
                .map(|s| objective(s, &base, theta))
                .collect();
            let mut best: Option<(f64, f64)> = None;
            for d in [-1.0, -0.5, -0.25, 0.25, 0.5, 1.0] {
                let x = (w[f] + d * cfg.max_step).clamp(lo(f), hi(f));
                if (x - w[f]).abs() < 1e-9 {
                    continue;
                }
                let mut c = w;
                c[f] = x;
                let cw = per_feature(&c);
                let (gain, se) = mean_se(
                    sessions
                        .iter()
                        .zip(&base_v)
                        .map(|(s, b)| objective(s, &cw, theta) - b),
                );
                if gain > cfg.z * se && best.is_none_or(|(g, _)| gain > g) {
                    best = Some((gain, x));
                }
            }
            if let Some((_, x)) = best {
                w[f] = x;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    w
}

/// The weights in service as a learner's vector.
pub fn task_weights(w: &crate::ranking::config::Weights) -> TaskWeights {
    let mut out = [0.0; Feature::COUNT];
    for f in Feature::ALL {
        out[f as usize] = w.task(f.name());
    }
    out
}

/// What `talentscan learn` prints and writes.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub matches: usize,
    pub explored_matches: usize,
    pub responses: usize,
    pub starts: usize,
    pub stays: usize,
    pub position_bias: Vec<f64>,
    /// Per target: (current, candidate).
    pub estimates: Vec<(Target, Estimate, Estimate)>,
    /// (feature, current, candidate) for the weights that moved.
    pub moved: Vec<(String, f64, f64)>,
    pub candidate: Vec<(String, f64)>,
}

/// Fits a candidate and estimates both weight sets on the same log.
pub fn learn(sessions: &[Session], current: &TaskWeights, cfg: &FitConfig) -> Report {
    let theta = PositionBias::measure(sessions);
    let cand = fit(sessions, current, &theta, cfg);
    let count = |f: fn(&Item) -> bool| {
        sessions
            .iter()
            .flat_map(|s| &s.items)
            .filter(|i| f(i))
            .count()
    };
    Report {
        matches: sessions.len(),
        explored_matches: theta.explored_matches,
        responses: count(|i| i.responded),
        starts: count(|i| i.started),
        stays: count(|i| i.stayed),
        position_bias: theta.theta.iter().take(10).map(|x| round3(*x)).collect(),
        estimates: Target::ALL
            .iter()
            .map(|t| {
                (
                    *t,
                    estimate(sessions, current, &theta, *t),
                    estimate(sessions, &cand, &theta, *t),
                )
            })
            .collect(),
        moved: Feature::ALL
            .iter()
            .filter(|f| (cand[**f as usize] - current[**f as usize]).abs() > 1e-9)
            .map(|f| {
                (
                    f.name().to_string(),
                    current[*f as usize],
                    round3(cand[*f as usize]),
                )
            })
            .collect(),
        candidate: Feature::ALL
            .iter()
            .map(|f| (f.name().to_string(), round3(cand[*f as usize])))
            .collect(),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

impl Report {
    /// The report as people read it.
    pub fn text(&self) -> String {
        let mut s = format!(
            "{} logged matches ({} explored); {} responses, {} starts, {} three-month stays\n\
             position bias θ(1..10): {:?}\n\n\
             estimated per 100 matches (95% interval)   current weights        candidate\n",
            self.matches,
            self.explored_matches,
            self.responses,
            self.starts,
            self.stays,
            self.position_bias
        );
        for (t, c, n) in &self.estimates {
            s.push_str(&format!(
                "  {:<10} {:>8.2} [{:>6.2}, {:>6.2}]   {:>8.2} [{:>6.2}, {:>6.2}]\n",
                format!("{t:?}").to_lowercase(),
                c.per_100,
                c.low,
                c.high,
                n.per_100,
                n.low,
                n.high
            ));
        }
        if self.moved.is_empty() {
            s.push_str(
                "\nno weight moved: the log does not show that another weight does better\n",
            );
        } else {
            s.push_str("\nweights that moved:\n");
            for (f, a, b) in &self.moved {
                s.push_str(&format!("  {f:<16} {a:>6.3} -> {b:>6.3}\n"));
            }
        }
        s
    }
}

/// A weights file like `base` (the file in service, as JSON) with the candidate's task
/// weights: everything else, its explanations included, stays as it was.
pub fn candidate_file(base: &serde_json::Value, report: &Report) -> serde_json::Value {
    let mut out = base.clone();
    if let Some(task) = out.get_mut("task").and_then(|t| t.as_object_mut()) {
        for (f, w) in &report.candidate {
            task.insert(f.clone(), serde_json::json!(w));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn item(values: [f64; Feature::COUNT], rank: usize, responded: bool, started: bool) -> Item {
        Item {
            values: PerFeature(values.map(Some)),
            rank,
            propensity: 1.0,
            responded,
            started,
            stayed: false,
        }
    }

    fn sessions_strategy() -> impl Strategy<Value = Vec<Session>> {
        prop::collection::vec(
            prop::collection::vec(
                (
                    prop::array::uniform13(0.0f64..1.0),
                    any::<bool>(),
                    any::<bool>(),
                ),
                1..8,
            ),
            1..40,
        )
        .prop_map(|ss| {
            ss.into_iter()
                .map(|items| Session {
                    explored: false,
                    items: items
                        .into_iter()
                        .enumerate()
                        .map(|(r, (v, resp, st))| item(v, r + 1, resp, resp && st))
                        .collect(),
                })
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Guard rail: whatever the log says, weights stay non-negative and within the
        /// step of the weights in service.
        #[test]
        fn learned_weights_stay_non_negative_and_within_the_step(
            sessions in sessions_strategy(),
            start in prop::array::uniform13(0.0f64..4.0),
            step in 0.05f64..1.0,
        ) {
            let cfg = FitConfig { max_step: step, rounds: 2, z: 0.0 };
            let w = fit(&sessions, &start, &PositionBias::prior(), &cfg);
            for (a, b) in start.iter().zip(&w) {
                prop_assert!(*b >= 0.0);
                prop_assert!((a - b).abs() <= step + 1e-9, "{a} -> {b} beyond {step}");
            }
        }
    }

    #[test]
    fn a_clear_signal_moves_the_weight_that_explains_it() {
        // Starts go to the task with the highest first feature (interest), which the
        // weights in service rank second; half a point more interest weight puts it first.
        let mut sessions = Vec::new();
        for i in 0..400 {
            let mut good = [0.33; Feature::COUNT];
            good[0] = 0.9;
            let mut other = [0.4; Feature::COUNT];
            other[0] = 0.1;
            sessions.push(Session {
                explored: false,
                items: vec![
                    item(other, 1, false, false),
                    item(good, 2, true, i % 3 == 0),
                ],
            });
        }
        let start = [1.0; Feature::COUNT];
        let w = fit(
            &sessions,
            &start,
            &PositionBias::prior(),
            &FitConfig::default(),
        );
        assert!(w[0] > 1.0, "interest weight went up: {w:?}");
    }

    #[test]
    fn the_position_bias_is_measured_on_shuffled_runs() {
        // Two equal tasks, shuffled; the one shown first is responded to twice as often.
        let mut sessions = Vec::new();
        for i in 0..600 {
            let v = [0.5; Feature::COUNT];
            let mut a = item(v, 1, i % 3 == 0, false);
            let mut b = item(v, 2, i % 6 == 0, false);
            a.propensity = 0.5;
            b.propensity = 0.5;
            sessions.push(Session {
                explored: true,
                items: vec![a, b],
            });
        }
        let theta = PositionBias::measure(&sessions);
        assert_eq!(theta.explored_matches, 600);
        assert!((theta.at(2) - 0.5).abs() < 0.05, "{:?}", theta.theta);
    }
}

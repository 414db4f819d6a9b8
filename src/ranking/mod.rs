//! Matching: rank flexible tasks and practical trainings for a persona and say why.
//!
//! Two phases, after Vespa: hard constraints and a first-phase score over every candidate
//! the geo cells under the radius yield (memory-resident columns), then a second phase on
//! the best few hundred — full-text relevance from tantivy, a diversity re-rank (MMR) and
//! the reasons. The stages are separate functions so they can be benchmarked one by one.
pub mod advice_trainings;
pub mod columns;
pub mod config;
pub mod feature;
pub mod features;
pub mod live;
pub mod notices;
pub mod pipeline;
pub mod reason;
pub mod row;
pub mod trainings;

pub use advice_trainings::TrainingMatch;
pub use notices::{AllowanceCheck, AllowanceStatus, Notice};
pub use pipeline::{MatchOutcome, RankingError, TaskSource};
pub use reason::{Reason, ReasonCode};

use std::collections::HashMap;

use serde::Serialize;
use utoipa::ToSchema;

use self::columns::TaskColumns;
use self::config::{AllowanceLimits, Texts, Weights};
use self::features::{
    combine, features, interest_sum, motive_fit, Feature, FeatureValues, FirstWeights, PerFeature,
    Prepared, Row,
};
use crate::catalog::model::{Allowance, Contact, Onboarding, Schedule, Task};
use crate::persona::Persona;
use crate::taxonomy::{Lang, Taxonomies, MOTIVES};

/// One feature's part in a score (for `explain: true`).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Contribution {
    pub name: String,
    pub value: f64,
    pub weight: f64,
    /// weight × value ÷ the sum of active weights; contributions add up to the score.
    pub contribution: f64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrganisationRef {
    pub id: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TaskMatch {
    pub id: String,
    pub title: String,
    pub description: String,
    pub organisation: OrganisationRef,
    pub wijk: Option<String>,
    pub remote: bool,
    pub distance_km: Option<f64>,
    pub schedule: Schedule,
    pub hours_per_week: f64,
    pub onboarding: Onboarding,
    pub allowance: Allowance,
    pub allowance_check: AllowanceCheck,
    pub certificate: bool,
    pub contact: Contact,
    /// Where to respond when the task takes responses on its own page; else respond with
    /// `POST /v1/responses`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respond_url: Option<String>,
    pub categories: Vec<String>,
    pub work_experience: Vec<String>,
    pub required_trainings: Vec<String>,
    /// What the person must have or be to do this task (a driving licence, a minimum
    /// age), in plain words; apart from the reasons, which say why it fits.
    pub requirements: Vec<Reason>,
    pub role_id: Option<String>,
    pub score: f64,
    pub reasons: Vec<Reason>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<Contribution>>,
}

/// The catalog as the matcher sees it: columns for tasks, trainings in full (few), and
/// organisation names. Rebuilt after writes and swapped atomically.
pub struct Snapshot {
    pub tasks: std::sync::Arc<TaskColumns>,
    pub trainings: std::sync::Arc<trainings::Trainings>,
    pub org_names: std::sync::Arc<HashMap<String, String>>,
}

/// What a match request asks beyond the persona.
#[derive(Debug, Clone)]
pub struct Query {
    pub limit_tasks: usize,
    pub limit_trainings: usize,
    pub categories: Option<Vec<String>>,
    /// Free text: `overrides.q`, else the persona's own words.
    pub words: Option<String>,
    /// The words are a search word someone else typed (`overrides.q` at the desk), not the
    /// person's own: a reason must not call them "your own words".
    pub words_are_search: bool,
    pub lang: Lang,
    pub explain: bool,
    pub now: time::OffsetDateTime,
}

/// One person's request as the output stages read it: who, what was prepared from it,
/// the query, and the telling words of their text (a reason quotes only those).
pub struct Ask<'a> {
    pub persona: &'a Persona,
    pub prepared: &'a Prepared,
    pub query: &'a Query,
    pub telling: &'a [crate::search::Word],
}

/// Text relevance per row, for the rows within reach that match the words; 0 elsewhere.
/// Sparse and sorted by row: the first phase visits rows in ascending order and walks it
/// with a cursor, and a common word in a million tasks costs no million-entry array.
#[derive(Debug, Clone, Default)]
pub struct TextScores {
    hits: Vec<(u32, f32)>,
}

impl TextScores {
    pub fn get(&self, row: usize) -> f32 {
        self.hits
            .binary_search_by_key(&(row as u32), |h| h.0)
            .map_or(0.0, |i| self.hits[i].1)
    }
}

/// A first-phase hit: a row and its score, nothing more (it is made for every candidate).
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub row: u32,
    pub score: f64,
}

/// A second-phase candidate.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub row: usize,
    pub distance: Option<f64>,
    pub features: FeatureValues,
    pub score: f64,
}

pub struct Matcher {
    pub tax: Taxonomies,
    pub weights: Weights,
    pub texts: Texts,
    pub limits: AllowanceLimits,
    task_w: PerFeature<f64>,
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Best first; ties by id so the same input always gives the same order.
fn order(a: (f64, &str), b: (f64, &str)) -> std::cmp::Ordering {
    round6(b.0)
        .total_cmp(&round6(a.0))
        .then_with(|| a.1.cmp(b.1))
}

impl Matcher {
    pub fn new(
        tax: Taxonomies,
        weights: Weights,
        texts: Texts,
        limits: AllowanceLimits,
    ) -> Result<Self, RankingError> {
        // Categories are a 64-bit mask in the first phase's columns, skills 128-bit.
        if tax.categories.len() > 64 || tax.skills.len() > 128 {
            return Err(RankingError::TooBig {
                categories: tax.categories.len(),
                skills: tax.skills.len(),
            });
        }
        let mut task_w = PerFeature([0.0; Feature::COUNT]);
        for f in Feature::ALL {
            task_w[f] = weights.task(f.name());
        }
        Ok(Self {
            tax,
            weights,
            texts,
            limits,
            task_w,
        })
    }

    pub fn embedded(tax: Taxonomies) -> Result<Self, RankingError> {
        Self::with_weights(tax, Weights::embedded()?)
    }

    /// The built-in texts and limits with these weights.
    pub fn with_weights(tax: Taxonomies, weights: Weights) -> Result<Self, RankingError> {
        Self::new(
            tax,
            weights,
            Texts::embedded()?,
            AllowanceLimits::embedded()?,
        )
    }

    pub fn prepare(&self, p: &Persona, q: &Query) -> Prepared {
        let today = q.now.date().to_julian_day() - 2_440_588;
        Prepared::new(p, &self.tax, &self.weights, today, q.categories.as_deref())
    }

    /// Stage 1: candidates from the geo cells under the radius, the hard filters (the
    /// 24-byte gate first, then the exact check on the survivors), and the first-phase
    /// score over every survivor. Only (row, score) of the best is kept — a buffer of
    /// twice the second phase's size, cut back to it whenever it fills — plus how many
    /// passed every hard constraint; features are computed in full for the few hundred
    /// that reach the second phase.
    pub fn first_phase(
        &self,
        cols: &TaskColumns,
        p: &Prepared,
        text: Option<&TextScores>,
    ) -> (Vec<Hit>, usize) {
        let fw = FirstWeights::new(&self.task_w, p, text.is_some());
        let k = self.weights.second_phase_size.max(1);
        let mut out: Vec<Hit> = Vec::with_capacity(2 * k);
        let mut threshold = f64::NEG_INFINITY;
        let mut feasible = 0;
        let mut cursor = 0;
        // Per block of passing rows, two loops: admit and bound every row, keeping those
        // whose bound reaches the threshold without a branch on it (a quarter do, in no
        // predictable pattern); then score those and keep the best.
        let mut kept = [(0u32, 0f32, 0f32); 65];
        cols.for_each_gated_block(p, |rows, d2| {
            let bar = threshold as f32;
            let mut n = 0;
            for (&row, &d2) in rows.iter().zip(d2) {
                let row = row as usize;
                let Some(km) = cols.admit(p, row, d2) else {
                    continue;
                };
                feasible += 1;
                let t = match text {
                    Some(t) => {
                        while t.hits.get(cursor).is_some_and(|h| (h.0 as usize) < row) {
                            cursor += 1;
                        }
                        t.hits
                            .get(cursor)
                            .filter(|h| h.0 as usize == row)
                            .map_or(0.0, |h| h.1)
                    }
                    None => 0.0,
                };
                let (head, inv) = fw.head(
                    &cols.fit[row],
                    cols.gates.slots[row],
                    cols.gates.meta[row],
                    km,
                    t,
                );
                kept[n] = (row as u32, head, inv);
                n += ((head + fw.rest_max) * inv >= bar) as usize;
            }
            for &(row, head, inv) in &kept[..n] {
                let score = fw.score_from(p, cols.tail(row as usize), (head, inv));
                if score < threshold {
                    continue;
                }
                if out.len() == 2 * k {
                    out.select_nth_unstable_by(k - 1, |a, b| b.score.total_cmp(&a.score));
                    out.truncate(k);
                    threshold = out[k - 1].score;
                    if score < threshold {
                        continue;
                    }
                }
                out.push(Hit { row, score });
            }
        });
        (out, feasible)
    }

    /// Text relevance (0–1) of free text for the tasks within reach (inside the radius
    /// with 1 % to spare, or remote — the only ones the first phase can admit). Two parts:
    /// `text_match_floor` × the share of the words' weight (idf) a task matches, so one
    /// typed word found lifts a task fully and a common word of a long sentence little;
    /// and the rest of the range from its BM25 relative to the best task within reach, so
    /// far-away tasks neither get nor set the scale.
    pub fn text_relevance(
        &self,
        cols: &TaskColumns,
        index: &crate::search::SearchIndex,
        words: &str,
        p: &Prepared,
    ) -> Result<TextScores, crate::search::SearchError> {
        let mut found: Vec<(u32, f32, u16)> = Vec::new();
        let weights = index.text_hits(
            crate::catalog::model::Kind::Tasks,
            words,
            cols,
            &mut |doc, score, word| {
                // Remote (NaN) and no origin (infinite bound) both count as within reach.
                // The place comes with the doc → row map, read in document order.
                let d2 = p.gate_d2_at(doc.lat, doc.lon);
                if d2.is_nan() || d2 <= p.gate_hi2 {
                    found.push((doc.row, score, word));
                }
            },
        )?;
        found.sort_unstable_by_key(|h| h.0);
        // One entry per task: its BM25 over all words and the weight of the words it has.
        let mut hits: Vec<(u32, f32)> = Vec::with_capacity(found.len());
        let mut covered: Vec<f32> = Vec::with_capacity(found.len());
        for &(row, score, word) in &found {
            let w = weights.get(word as usize).copied().unwrap_or(0.0);
            match hits.last_mut() {
                Some(h) if h.0 == row => {
                    h.1 += score;
                    *covered.last_mut().expect("one per hit") += w;
                }
                _ => {
                    hits.push((row, score));
                    covered.push(w);
                }
            }
        }
        let max = hits.iter().fold(0.0f32, |m, h| m.max(h.1));
        let total: f32 = weights.iter().sum();
        let floor = self.weights.text_match_floor.clamp(0.0, 1.0) as f32;
        for (h, c) in hits.iter_mut().zip(&covered) {
            let rel = if max > 0.0 { (h.1 / max).min(1.0) } else { 0.0 };
            let share = if total > 0.0 {
                (c / total).min(1.0)
            } else {
                0.0
            };
            h.1 = floor * share + (1.0 - floor) * rel;
        }
        Ok(TextScores { hits })
    }

    /// Stage 2a: keep the best `second_phase_size` hits and compute their full features
    /// (text included) for the re-rank and the reasons.
    pub fn second_phase(
        &self,
        cols: &TaskColumns,
        p: &Prepared,
        mut hits: Vec<Hit>,
        text: Option<&TextScores>,
    ) -> Vec<Candidate> {
        let k = self.weights.second_phase_size.max(1);
        if hits.len() > k {
            // By score alone (no id comparisons): which of two equal scores at the cut
            // gets in does not change the top of the list.
            hits.select_nth_unstable_by(k - 1, |a, b| b.score.total_cmp(&a.score));
            hits.truncate(k);
        }
        let cands: Vec<Candidate> = hits
            .into_iter()
            .map(|h| {
                let row = h.row as usize;
                let r = &cols.rows[row];
                let d = p.distance(r);
                let mut f = features(p, r, d, interest_sum(p, r.cats), motive_fit(p, &r.offers));
                if let Some(t) = text {
                    f[Feature::Text] = Some(t.get(row) as f64);
                }
                Candidate {
                    row,
                    distance: d,
                    features: f,
                    // The reference definition; the first phase's fast sum only selects.
                    score: combine(&f, &self.task_w),
                }
            })
            .collect();
        // In no particular order: `diversify` breaks ties by id, so it does not depend on
        // it, and sorting 300 candidates of 250 bytes each cost more than the re-rank.
        cands
    }

    /// Stage 2b: maximal marginal relevance so the top is not ten tasks of one
    /// organisation or category. Only reorders candidates that passed the hard filters.
    /// The similarity to what is already chosen discounts a candidate's score by a share
    /// (× (1 − (1 − λ) · similarity)) rather than subtracting a fixed amount: subtracting
    /// pushed a well-fitting second task of one organisation below tasks that fit nothing
    /// (the judged set: 0.828 → 0.914 nDCG@10, benches/RESULTS.md).
    pub fn diversify(
        &self,
        cols: &TaskColumns,
        cands: Vec<Candidate>,
        limit: usize,
    ) -> Vec<Candidate> {
        let w = &self.weights;
        let lambda = w.diversity_lambda.clamp(0.0, 1.0);
        // (organisation, role, main category) of a candidate, gathered once.
        type Key = (u32, u32, u16);
        let sim = |a: Key, b: Key| -> f64 {
            let mut s: f64 = 0.0;
            if a.0 == b.0 {
                s = s.max(w.same_organisation_similarity);
            }
            if a.1 != u32::MAX && a.1 == b.1 {
                s = s.max(w.same_role_similarity);
            }
            if a.2 == b.2 {
                s = s.max(w.same_category_similarity);
            }
            s
        };
        let mut rest = cands;
        let mut keys: Vec<Key> = rest
            .iter()
            .map(|c| (cols.org[c.row], cols.role[c.row], cols.main_category[c.row]))
            .collect();
        let mut chosen: Vec<Candidate> = Vec::with_capacity(limit);
        let mut max_sim = vec![0.0f64; rest.len()];
        let mmr = |score: f64, max_sim: f64| round6(score * (1.0 - (1.0 - lambda) * max_sim));
        // Each candidate's value, recomputed only when its similarity to the chosen grows.
        let mut value: Vec<f64> = rest.iter().map(|c| mmr(c.score, 0.0)).collect();
        while chosen.len() < limit && !rest.is_empty() {
            let mut best = 0;
            let mut best_v = f64::NEG_INFINITY;
            for (i, (c, &v)) in rest.iter().zip(&value).enumerate() {
                if v > best_v || (v == best_v && cols.ids[c.row] < cols.ids[rest[best].row]) {
                    best_v = v;
                    best = i;
                }
            }
            let c = rest.swap_remove(best);
            let ck = keys.swap_remove(best);
            max_sim.swap_remove(best);
            value.swap_remove(best);
            for (i, (o, &ok)) in rest.iter().zip(&keys).enumerate() {
                let s = sim(ck, ok);
                if s > max_sim[i] {
                    max_sim[i] = s;
                    value[i] = mmr(o.score, s);
                }
            }
            chosen.push(c);
        }
        chosen
    }

    /// The ranked task rows for a persona (stages 1 and 2, no output formatting).
    pub fn rank_rows(
        &self,
        cols: &TaskColumns,
        p: &Prepared,
        text: Option<&TextScores>,
        limit: usize,
    ) -> Vec<Candidate> {
        self.rank_rows_counted(cols, p, text, limit).0
    }

    /// `rank_rows`, plus how many tasks passed every hard constraint.
    pub fn rank_rows_counted(
        &self,
        cols: &TaskColumns,
        p: &Prepared,
        text: Option<&TextScores>,
        limit: usize,
    ) -> (Vec<Candidate>, usize) {
        let (hits, feasible) = self.first_phase(cols, p, text);
        let cands = self.second_phase(cols, p, hits, text);
        (self.diversify(cols, cands, limit), feasible)
    }

    /// Fit (0–1) of one task for a prepared person, or `None` when a hard constraint other
    /// than the hours budget fails (job carving checks hours for the whole bundle).
    pub fn task_fit(&self, p: &Prepared, t: &Task) -> Option<(f64, FeatureValues, Option<f64>)> {
        let r = Row::from_task(t, &self.tax);
        let d = p.distance(&r);
        let mut no_hours = p.clone();
        no_hours.hours_limit = None;
        if !no_hours.allows(&r, d) {
            return None;
        }
        let f = features(p, &r, d, interest_sum(p, r.cats), motive_fit(p, &r.offers));
        Some((combine(&f, &self.task_w), f, d))
    }

    /// Why a task is out for this person (first failing hard constraint), in Dutch/English.
    /// The first hard limit a task breaks for this person, as a code (`Texts::why_not`
    /// says it in words).
    pub fn why_not(&self, p: &Prepared, t: &Task) -> &'static str {
        let r = Row::from_task(t, &self.tax);
        let d = p.distance(&r);
        if d.is_some_and(|d| !r.remote && d > p.radius_km) {
            "too_far"
        } else if p.slots != 0
            && !r.any_moment
            && (r.slots & p.slots).count_ones() < r.sessions as u32
        {
            "not_your_times"
        } else if r.load > p.max_load {
            "too_heavy"
        } else if r.lang > p.max_lang {
            "more_dutch"
        } else if r.end_day < p.today {
            "ended"
        } else if r.permits & !p.permits != 0 {
            "permit"
        } else if r.min_band > p.age_rank {
            "min_age"
        } else if p.wheelchair && !r.remote && r.tags & 1 == 0 {
            "wheelchair"
        } else {
            "hours"
        }
    }

    /// The reference scorer: every task, no cells, no phases — the definition the column
    /// path must agree with (checked by property tests).
    pub fn rank_reference(&self, tasks: &[Task], p: &Prepared, limit: usize) -> Vec<String> {
        let cols = TaskColumns::build(tasks.to_vec(), &self.tax);
        let mut cands = Vec::new();
        for t in tasks {
            let r = Row::from_task(t, &self.tax);
            let d = p.distance(&r);
            if !p.allows(&r, d) {
                continue;
            }
            let f = features(p, &r, d, interest_sum(p, r.cats), motive_fit(p, &r.offers));
            let row = cols
                .ids
                .iter()
                .position(|x| **x == *t.id)
                .expect("same tasks");
            cands.push(Candidate {
                row,
                distance: d,
                features: f,
                score: combine(&f, &self.task_w),
            });
        }
        cands.sort_by(|a, b| order((a.score, &cols.ids[a.row]), (b.score, &cols.ids[b.row])));
        self.diversify(&cols, cands, limit)
            .into_iter()
            .map(|c| cols.ids[c.row].to_string())
            .collect()
    }
}

/// The motive labels (for documentation and the desk view).
pub fn motive_ids() -> &'static [&'static str] {
    &MOTIVES
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three sample tasks made two of one organisation and one of another, with the main
    /// categories and scores each case needs, as second-phase candidates.
    fn candidates(cases: &[(&str, &str, f64)]) -> (Matcher, TaskColumns, Vec<Candidate>) {
        let tax = Taxonomies::embedded().unwrap();
        let raw: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../data/sample/tasks.json")).unwrap();
        // The sample leaves `offers` to be derived when published; the MMR ignores it.
        let mut sample: Vec<Task> = raw[..cases.len()]
            .iter()
            .map(|v| {
                let mut v = v.clone();
                v["offers"] = serde_json::json!(["values"]);
                serde_json::from_value(v).unwrap()
            })
            .collect();
        for (t, (org, cat, _)) in sample.iter_mut().zip(cases) {
            t.organisation_id = org.to_string();
            t.role_id = None;
            t.categories = vec![cat.to_string()];
        }
        let cols = TaskColumns::build(sample.clone(), &tax);
        let cands = sample
            .iter()
            .zip(cases)
            .map(|(t, (_, _, score))| Candidate {
                row: cols
                    .rows_of_hash(crate::search::id_hash(&t.id))
                    .next()
                    .unwrap(),
                distance: None,
                features: FeatureValues::default(),
                score: *score,
            })
            .collect();
        (Matcher::embedded(tax).unwrap(), cols, cands)
    }

    fn orgs(cols: &TaskColumns, ranked: &[Candidate]) -> Vec<String> {
        ranked
            .iter()
            .map(|c| cols.organisations[cols.org[c.row] as usize].clone())
            .collect()
    }

    /// A second task of the same organisation that fits well stays above a task of
    /// another organisation that fits far worse.
    #[test]
    fn diversity_does_not_push_a_good_fit_below_a_poor_one() {
        let (m, cols, cands) = candidates(&[
            ("org-a", "natuur-groen", 0.70),
            ("org-a", "natuur-groen", 0.60),
            ("org-b", "vervoer", 0.40),
        ]);
        let ranked = m.diversify(&cols, cands, 3);
        assert_eq!(orgs(&cols, &ranked), ["org-a", "org-a", "org-b"]);
    }

    /// Between two tasks that fit almost equally, the one of another organisation and
    /// category comes before a second one of the organisation already shown.
    #[test]
    fn diversity_puts_another_organisation_between_near_equals() {
        let (m, cols, cands) = candidates(&[
            ("org-a", "natuur-groen", 0.70),
            ("org-a", "natuur-groen", 0.68),
            ("org-b", "vervoer", 0.60),
        ]);
        let ranked = m.diversify(&cols, cands, 3);
        assert_eq!(orgs(&cols, &ranked), ["org-a", "org-b", "org-a"]);
    }
}

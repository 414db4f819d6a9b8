//! Matching: rank flexible tasks and practical trainings for a persona and say why.
//!
//! Two phases, after Vespa: hard constraints and a first-phase score over every candidate
//! the geo cells under the radius yield (memory-resident columns), then a second phase on
//! the best few hundred — full-text relevance from tantivy, a diversity re-rank (MMR) and
//! the reasons. The stages are separate functions so they can be benchmarked one by one.
pub mod columns;
pub mod config;
pub mod feature;
pub mod features;
pub mod live;
pub mod pipeline;
pub mod reason;
pub mod trainings;

pub use pipeline::{MatchOutcome, RankingError, TaskSource};
pub use reason::{Reason, ReasonCode};

use std::collections::HashMap;

use serde::Serialize;
use utoipa::ToSchema;

use self::columns::TaskColumns;
use self::config::{date_text, euro, fill, km, AllowanceLimits, Texts, Weights};
use self::feature::{PerTrainingFeature, TrainingFeature};
use self::features::*;
use crate::catalog::model::{
    Allowance, AllowanceKind, Contact, Onboarding, Schedule, Task, Training,
};
use crate::persona::{AgeBand, Persona};
use crate::taxonomy::{Lang, Slot, Taxonomies, MOTIVES};

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
pub struct Notice {
    pub code: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OrganisationRef {
    pub id: Option<String>,
    pub name: String,
}

/// Where a task's allowance stands against the fiscal limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AllowanceStatus {
    /// Within this year's limits.
    Within,
    /// Above them: the resident's benefit may be affected.
    Above,
    /// No limits are known for this year (the text gives the latest known ones).
    Unknown,
    /// The task pays no volunteer allowance.
    None,
}

/// Whether a task's allowance stays within the fiscal limit of the current year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AllowanceCheck {
    pub status: AllowanceStatus,
    pub year: i32,
    pub text: String,
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

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TrainingMatch {
    pub id: String,
    pub title: String,
    pub description: String,
    pub organisation: OrganisationRef,
    pub provider: String,
    pub topics: Vec<String>,
    pub wijk: Option<String>,
    pub online: bool,
    pub distance_km: Option<f64>,
    pub certificate: bool,
    pub cost_eur: f64,
    pub next_session: Option<crate::catalog::model::Session>,
    #[schema(value_type = Vec<String>)]
    pub slots: Vec<Slot>,
    pub duration_hours: Option<f64>,
    pub contact: Option<Contact>,
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
        Self::new(
            tax,
            Weights::embedded()?,
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
                let score = fw.score_from(p, cols, row as usize, (head, inv));
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

    /// Each active feature's part in a score: (name, value, weight) in order.
    fn explain(
        parts: impl Iterator<Item = (&'static str, Option<f64>, f64)> + Clone,
    ) -> Vec<Contribution> {
        let den: f64 = parts
            .clone()
            .filter(|(_, x, _)| x.is_some())
            .map(|(_, _, w)| w)
            .sum();
        parts
            .filter_map(|(n, x, w)| {
                x.map(|x| Contribution {
                    name: n.to_string(),
                    value: round6(x),
                    weight: w,
                    contribution: if den > 0.0 { round6(w * x / den) } else { 0.0 },
                })
            })
            .collect()
    }

    /// Stage 3: the output record with reasons derived from the features that contributed.
    pub fn task_match(&self, t: &Task, c: &Candidate, ask: &Ask, org_name: &str) -> TaskMatch {
        let (p, persona, q, telling) = (ask.prepared, ask.persona, ask.query, ask.telling);
        let lang = q.lang;
        let tax = &self.tax;
        let th = self.weights.reason_threshold;
        let mut scored: Vec<(f64, Reason)> = Vec::new();
        let den: f64 = c
            .features
            .iter()
            .zip(self.task_w.iter())
            .filter(|((_, x), _)| x.is_some())
            .map(|(_, (_, w))| w)
            .sum::<f64>()
            .max(1e-9);
        let contrib = |f: Feature| c.features[f].unwrap_or(0.0) * self.task_w[f] / den;
        let val = |f: Feature| c.features[f].unwrap_or(0.0);
        let mut push = |f: Feature, code: ReasonCode, text: String, always: bool| {
            if (always || val(f) >= th) && self.task_w[f] > 0.0 && !text.is_empty() {
                scored.push((contrib(f), Reason { code, text }));
            }
        };
        let labels = |ids: &[String],
                      vocab: &crate::taxonomy::Vocabulary,
                      filter: &dyn Fn(&String) -> bool|
         -> String {
            ids.iter()
                .filter(|s| filter(s))
                .take(3)
                .map(|s| vocab.label(s, lang).to_lowercase())
                .collect::<Vec<_>>()
                .join(", ")
        };
        // interest
        let cats = labels(&t.categories, &tax.categories, &|c| {
            persona.interests.get(c).is_some_and(|w| w.get() > 0.0)
        });
        if !cats.is_empty() {
            push(
                Feature::Interest,
                ReasonCode::Interest,
                fill(&self.texts.reason("interest", lang), &[("labels", &cats)]),
                false,
            );
        }
        let sk = labels(&t.skills, &tax.skills, &|s| persona.skills.contains(s));
        if !sk.is_empty() {
            push(
                Feature::Skill,
                ReasonCode::Skill,
                fill(&self.texts.reason("skill", lang), &[("labels", &sk)]),
                true,
            );
        }
        let ls = labels(&t.learn_skills, &tax.skills, &|s| {
            persona.learning_goals.contains(s)
        });
        if !ls.is_empty() {
            push(
                Feature::Learn,
                ReasonCode::Learn,
                fill(&self.texts.reason("learn", lang), &[("labels", &ls)]),
                false,
            );
        }
        // motivation: the task's offers the person holds strongly
        let mut mots: Vec<(f64, &str)> = t
            .offers
            .iter()
            .filter_map(|o| persona.motivations.get(o).map(|m| (m, o.as_str())))
            .filter(|(m, _)| *m >= 0.6)
            .collect();
        mots.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        if !mots.is_empty() {
            let l = mots
                .iter()
                .take(2)
                .map(|(_, o)| self.texts.motive(o, lang))
                .collect::<Vec<_>>()
                .join(", ");
            push(
                Feature::Motive,
                ReasonCode::Motivation,
                fill(&self.texts.reason("motivation", lang), &[("labels", &l)]),
                false,
            );
        }
        // time: a listed moment that fits, else what the schedule truly says
        let fit: Vec<String> = t
            .schedule
            .slots
            .iter()
            .filter(|s| p.slots & s.bit() != 0)
            .take(3)
            .map(|s| s.label(lang))
            .collect();
        if !fit.is_empty() {
            push(
                Feature::Time,
                ReasonCode::Slot,
                fill(
                    &self.texts.reason("slot", lang),
                    &[("slots", &fit.join(", "))],
                ),
                false,
            );
        } else if t.schedule.on_call {
            push(
                Feature::Time,
                ReasonCode::OnCall,
                self.texts.reason("on_call", lang),
                false,
            );
        } else if t.schedule.slots.is_empty() {
            push(
                Feature::Time,
                ReasonCode::Slot,
                self.texts.reason("any_moment", lang),
                false,
            );
        } else if t.schedule.flexible {
            push(
                Feature::Time,
                ReasonCode::ByAgreement,
                self.texts.reason("by_agreement", lang),
                false,
            );
        }
        // Only when the task asks no more often than the person offers.
        if p.per_month.is_some() && val(Feature::Commitment) >= 1.0 - 1e-9 {
            push(
                Feature::Commitment,
                ReasonCode::Commitment,
                self.texts.reason("commitment", lang),
                false,
            );
        }
        // distance
        if t.remote || t.location.is_none() {
            push(
                Feature::Distance,
                ReasonCode::Remote,
                self.texts.reason("remote", lang),
                true,
            );
        } else if let Some(d) = c.distance {
            push(
                Feature::Distance,
                ReasonCode::Distance,
                fill(
                    &self.texts.reason("distance", lang),
                    &[("km", &km(d, lang))],
                ),
                d <= p.radius_km,
            );
        }
        if c.features[Feature::FirstStep].is_some() {
            let o = &t.onboarding;
            let parts: Vec<String> = [
                ("intro_meeting", o.intro_meeting),
                ("buddy", o.buddy),
                ("trial_period", o.trial_period),
                ("training_provided", o.training_provided),
            ]
            .iter()
            .filter(|(_, b)| *b)
            .map(|(k, _)| self.texts.first_step(k, lang))
            .collect();
            if !parts.is_empty() {
                push(
                    Feature::FirstStep,
                    ReasonCode::FirstStep,
                    fill(
                        &self.texts.reason("first_step", lang),
                        &[("labels", &parts.join(", "))],
                    ),
                    false,
                );
            }
        }
        if t.certificate {
            push(
                Feature::Certificate,
                ReasonCode::Certificate,
                self.texts.reason("certificate", lang),
                false,
            );
        }
        if c.features[Feature::Allowance].is_some() {
            match t.allowance.kind {
                AllowanceKind::VolunteerAllowance => {
                    let amount = t
                        .allowance
                        .per_hour_eur
                        .map(|x| {
                            fill(
                                &self.texts.reason("per_hour", lang),
                                &[("amount", &euro(x, lang))],
                            )
                        })
                        .unwrap_or_default();
                    push(
                        Feature::Allowance,
                        ReasonCode::Allowance,
                        fill(
                            &self.texts.reason("allowance", lang),
                            &[("amount", &amount)],
                        ),
                        false,
                    );
                }
                AllowanceKind::Expenses => push(
                    Feature::Allowance,
                    ReasonCode::Expenses,
                    self.texts.reason("expenses", lang),
                    true,
                ),
                AllowanceKind::None => {}
            }
        }
        if c.features[Feature::WorkExperience].is_some() && !t.work_experience.is_empty() {
            let l = t
                .work_experience
                .iter()
                .take(2)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            push(
                Feature::WorkExperience,
                ReasonCode::WorkExperience,
                fill(
                    &self.texts.reason("work_experience", lang),
                    &[("labels", &l)],
                ),
                true,
            );
        }
        if c.features[Feature::Access].is_some() {
            let l: Vec<String> = t
                .suitable_for
                .iter()
                .filter(|s| {
                    TAGS.iter()
                        .position(|x| x == s)
                        .is_some_and(|i| p.needed_tags & (1 << i) != 0)
                })
                .map(|s| self.texts.access(s, lang))
                .collect();
            if !l.is_empty() {
                push(
                    Feature::Access,
                    ReasonCode::Access,
                    fill(
                        &self.texts.reason("access", lang),
                        &[("labels", &l.join(", "))],
                    ),
                    true,
                );
            }
        }
        if val(Feature::Text) > 0.0 {
            let found = quoted_words(telling, &[&t.title, &t.description]);
            if !found.is_empty() {
                let code = if q.words_are_search {
                    ReasonCode::Search
                } else {
                    ReasonCode::Text
                };
                push(
                    Feature::Text,
                    code,
                    fill(
                        &self.texts.reason(code.as_str(), lang),
                        &[("words", &found)],
                    ),
                    true,
                );
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut reasons: Vec<Reason> = scored.into_iter().map(|(_, r)| r).take(5).collect();
        if reasons.is_empty() {
            // Every match says at least why it is here: it fits the person's limits.
            let text = if t.remote || t.location.is_none() {
                self.texts.reason("remote", lang)
            } else if let Some(d) = c.distance {
                fill(
                    &self.texts.reason("distance", lang),
                    &[("km", &km(d, lang))],
                )
            } else {
                self.texts.reason("commitment", lang)
            };
            reasons.push(Reason {
                code: if t.remote {
                    ReasonCode::Remote
                } else if c.distance.is_some() {
                    ReasonCode::Distance
                } else {
                    ReasonCode::Commitment
                },
                text,
            });
        }
        TaskMatch {
            id: t.id.clone(),
            title: t.title.clone(),
            description: t.description.clone(),
            organisation: OrganisationRef {
                id: Some(t.organisation_id.clone()),
                name: org_name.to_string(),
            },
            wijk: t
                .location
                .as_ref()
                .map(|l| l.wijk.clone())
                .filter(|w| !w.is_empty()),
            remote: t.remote,
            distance_km: c.distance.map(|d| (d * 10.0).round() / 10.0),
            hours_per_week: t.schedule.hours_per_week,
            schedule: t.schedule.clone(),
            onboarding: t.onboarding.clone(),
            allowance: t.allowance.clone(),
            allowance_check: self.allowance_check(t, persona, q),
            certificate: t.certificate,
            contact: t.contact.clone(),
            categories: t.categories.clone(),
            work_experience: t.work_experience.clone(),
            required_trainings: t.required_trainings.clone(),
            requirements: self.requirements(t, lang),
            role_id: t.role_id.clone(),
            score: round6(c.score),
            reasons,
            explain: q.explain.then(|| {
                Self::explain(
                    c.features
                        .iter()
                        .zip(self.task_w.iter())
                        .map(|((f, x), (_, w))| (f.name(), *x, *w)),
                )
            }),
        }
    }

    /// A training helps with a task when it teaches a skill the task uses or teaches, in
    /// the task's field (`Taxonomies::topics_fit`).
    fn useful_for(&self, t: &Training, task: &Task) -> bool {
        t.skills
            .iter()
            .any(|s| task.skills.contains(s) || task.learn_skills.contains(s))
            && self.tax.topics_fit(&t.topics, &task.categories)
    }

    /// The task's requirements as conditions a resident reads on its card.
    pub fn requirements(&self, t: &Task, lang: Lang) -> Vec<Reason> {
        let permits =
            self.tax
                .task_permit_ids(&t.requirements.skills, &t.skills, &t.required_trainings);
        let mut out: Vec<Reason> = permits
            .into_iter()
            .map(|s| Reason {
                code: ReasonCode::Permit,
                text: fill(
                    &self.texts.reason("requires_permit", lang),
                    &[("label", &self.tax.skills.label(s, lang).to_lowercase())],
                ),
            })
            .collect();
        if let Some(a) = t.requirements.min_age {
            out.push(Reason {
                code: ReasonCode::MinAge,
                text: fill(
                    &self.texts.reason("requires_min_age", lang),
                    &[("age", &a.to_string())],
                ),
            });
        }
        out
    }

    /// Does the task's allowance stay within this year's fiscal limits? Says "unknown"
    /// when the year's figures are not known, rather than guessing.
    pub fn allowance_check(&self, t: &Task, persona: &Persona, q: &Query) -> AllowanceCheck {
        let lang = q.lang;
        let year = q.now.year();
        if t.allowance.kind != AllowanceKind::VolunteerAllowance {
            return AllowanceCheck {
                status: AllowanceStatus::None,
                year,
                text: if t.allowance.kind == AllowanceKind::None {
                    self.texts.allowance_check("none", lang)
                } else {
                    String::new()
                },
            };
        }
        let young = matches!(
            persona.situation.age_band,
            Some(AgeBand::Under18 | AgeBand::From18To20)
        );
        match self.limits.for_year(year) {
            Some(l) => {
                let per_hour_max = if young {
                    l.per_hour_under_21
                } else {
                    l.per_hour_21_plus
                };
                let monthly = t
                    .allowance
                    .per_hour_eur
                    .map(|h| h * t.schedule.hours_per_week * 52.0 / 12.0);
                let above = t
                    .allowance
                    .per_hour_eur
                    .is_some_and(|h| h > per_hour_max + 1e-9)
                    || monthly.is_some_and(|m| m > l.per_month + 1e-9);
                let limit = fill(
                    &self.texts.allowance_check("per_hour_and_month", lang),
                    &[
                        ("hour", &euro(per_hour_max, lang)),
                        ("month", &euro(l.per_month, lang)),
                    ],
                );
                let (status, key) = if above {
                    (AllowanceStatus::Above, "above")
                } else {
                    (AllowanceStatus::Within, "within")
                };
                AllowanceCheck {
                    status,
                    year,
                    text: fill(
                        &self.texts.allowance_check(key, lang),
                        &[("year", &year.to_string()), ("limit", &limit)],
                    ),
                }
            }
            None => {
                let (ky, l) = match self.limits.latest_known() {
                    Some(x) => x,
                    None => {
                        return AllowanceCheck {
                            status: AllowanceStatus::Unknown,
                            year,
                            text: String::new(),
                        }
                    }
                };
                let limit = fill(
                    &self.texts.allowance_check("per_month_and_year", lang),
                    &[
                        ("month", &euro(l.per_month, lang)),
                        ("per_year", &euro(l.per_year, lang)),
                    ],
                );
                AllowanceCheck {
                    status: AllowanceStatus::Unknown,
                    year,
                    text: fill(
                        &self.texts.allowance_check("unknown", lang),
                        &[
                            ("year", &year.to_string()),
                            ("known_year", &ky.to_string()),
                            ("limit", &limit),
                        ],
                    ),
                }
            }
        }
    }

    /// Notices for the person: always how matching works; about allowances and benefits
    /// only when they said they have a benefit (the age band picks the message).
    pub fn notices(&self, persona: &Persona, q: &Query, n_tasks: usize) -> Vec<Notice> {
        let lang = q.lang;
        let mut out = vec![Notice {
            code: "advice".into(),
            text: self.texts.notice("advice", lang),
        }];
        if persona.situation.on_benefit == Some(true) {
            let year = q.now.year().to_string();
            let limit = match self.limits.for_year(q.now.year()) {
                Some(l) => fill(
                    &self.texts.notice("limit_known", lang),
                    &[("amount", &euro(l.per_year, lang)), ("year", &year)],
                ),
                None => match self.limits.latest_known() {
                    Some((y, l)) => fill(
                        &self.texts.notice("limit_unknown", lang),
                        &[
                            ("amount", &euro(l.per_year, lang)),
                            ("known_year", &y.to_string()),
                            ("year", &year),
                        ],
                    ),
                    None => String::new(),
                },
            };
            let key = match persona.situation.age_band {
                Some(AgeBand::From27To66 | AgeBand::From67) => "benefit_27_plus",
                Some(_) => "benefit_under_27",
                None => "benefit_age_unknown",
            };
            out.push(Notice {
                code: key.into(),
                text: fill(&self.texts.notice(key, lang), &[("limit", &limit)]),
            });
        }
        if persona
            .travel
            .origin
            .as_ref()
            .and_then(|o| o.point())
            .is_none()
        {
            out.push(Notice {
                code: "no_origin".into(),
                text: self.texts.notice("no_origin", lang),
            });
        }
        if n_tasks < 3 {
            out.push(Notice {
                code: "few_results".into(),
                text: self.texts.notice("few_results", lang),
            });
        }
        out
    }

    /// Trainings for the same person: what the top tasks need first, then learning goals,
    /// certificate, distance, cost, time and upcoming dates.
    pub fn rank_trainings(
        &self,
        trainings: &trainings::Trainings,
        ask: &Ask,
        top_tasks: &[std::sync::Arc<Task>],
        text: Option<&HashMap<u64, f32>>,
    ) -> Vec<TrainingMatch> {
        let (p, persona, q, telling) = (ask.prepared, ask.persona, ask.query, ask.telling);
        let lang = q.lang;
        let mut w = PerTrainingFeature([0.0; TrainingFeature::COUNT]);
        for f in TrainingFeature::ALL {
            w[f] = self.weights.training(f.name());
        }
        let max_lang = persona
            .constraints
            .language_level
            .map(|l| l.rank())
            .unwrap_or(3);
        // The topics the top tasks ask a training for, once: each training then needs
        // only a membership test, and titles are gathered for the few shown.
        // Only the first tasks of the advice: a course "needed for" the thirteenth task
        // would fill the list with courses for what the person will not read.
        let top_tasks = &top_tasks[..top_tasks.len().min(NEEDED_FOR_TOP)];
        let mut required: Vec<&str> = top_tasks
            .iter()
            .flat_map(|task| task.required_trainings.iter().map(String::as_str))
            .collect();
        required.sort_unstable();
        required.dedup();
        // What the top tasks use or teach: a training in one of those skills is useful
        // for the advice itself.
        let mut used: Vec<&str> = top_tasks
            .iter()
            .flat_map(|task| task.skills.iter().chain(&task.learn_skills))
            .map(String::as_str)
            .collect();
        used.sort_unstable();
        used.dedup();
        let now = q.now.unix_timestamp();
        let mut scored: Vec<ScoredTraining> = Vec::new();
        let mut only_needed: Vec<bool> = Vec::new();
        for (h, t) in trainings.hot().iter().zip(trainings.list()) {
            if h.until < now || h.language_rank as usize > max_lang {
                continue;
            }
            // At a moment the person is free, unless it is online or has no fixed moment.
            if p.slots != 0 && h.slots != 0 && !h.online && h.slots & p.slots == 0 {
                continue;
            }
            // A course for drivers is for people who said they drive.
            if !self.tax.permits.is_empty()
                && self.tax.training_permit_bits(&t.topics, &t.skills) & !p.permits != 0
            {
                continue;
            }
            let needed = !required.is_empty()
                && t.topics
                    .iter()
                    .any(|topic| required.binary_search(&topic.as_str()).is_ok());
            let learn = !persona.learning_goals.is_empty()
                && t.skills.iter().any(|s| persona.learning_goals.contains(s));
            let useful = t
                .skills
                .iter()
                .any(|s| used.binary_search(&s.as_str()).is_ok())
                && top_tasks.iter().any(|task| self.useful_for(t, task));
            let words = text.is_some_and(|x| x.get(&h.id_hash).is_some_and(|v| *v > 0.0))
                && !quoted_words(telling, &[&t.title, &t.description]).is_empty();
            // Only with a reason that tells: never for being near or free alone, and
            // for someone who wants to learn nothing now only when a task needs it.
            if !(needed || (!persona.needs.no_training && (learn || useful || words))) {
                continue;
            }
            // The same planar distance and radius edge as for tasks.
            let d = if h.lat.is_nan() {
                None
            } else {
                match p.within_radius_at(h.lat, h.lon) {
                    (false, _) => continue,
                    (true, d) => d,
                }
            };
            let mut v: PerTrainingFeature<Option<f64>> = PerTrainingFeature::default();
            v[TrainingFeature::NeededFor] = Some(needed as u8 as f64);
            v[TrainingFeature::Learn] = Some(learn as u8 as f64);
            if p.certificate {
                v[TrainingFeature::Certificate] = Some(h.certificate as u8 as f64);
            }
            v[TrainingFeature::Distance] = Some(if h.online {
                p.remote_value
            } else {
                d.map(|d| (-d / p.scale_km).exp()).unwrap_or(0.5)
            });
            v[TrainingFeature::Cost] = Some(if h.cost_eur <= 0.0 {
                1.0
            } else if p.allowance {
                0.0
            } else {
                1.0 / (1.0 + h.cost_eur / 25.0)
            });
            v[TrainingFeature::Time] = Some(if p.slots == 0 || h.slots == 0 {
                0.5
            } else {
                (h.slots & p.slots != 0) as u8 as f64
            });
            v[TrainingFeature::Upcoming] = Some(match trainings.next_start(h, now) {
                Some(start) => {
                    if (start - now) / 86_400 <= 90 {
                        1.0
                    } else {
                        0.5
                    }
                }
                None => {
                    if h.online || h.has_schedule {
                        0.8
                    } else {
                        0.3
                    }
                }
            });
            if let Some(text) = text {
                v[TrainingFeature::Text] =
                    Some(text.get(&h.id_hash).copied().unwrap_or(0.0) as f64);
            }
            let (num, den) =
                v.iter()
                    .zip(w.iter())
                    .fold((0.0, 0.0), |(n, dd), ((_, x), (_, w))| match x {
                        Some(x) => (n + w * x, dd + w),
                        None => (n, dd),
                    });
            scored.push((if den > 0.0 { num / den } else { 0.0 }, v, d, t));
            only_needed.push(needed && !(learn || useful || words));
        }
        // Sort on (score, index) pairs, not on the 160-byte rows; only trainings with a
        // telling reason got this far.
        let mut best: Vec<(f64, u32)> = scored
            .iter()
            .enumerate()
            .map(|(i, s)| (s.0, i as u32))
            .collect();
        let cmp = |a: &(f64, u32), b: &(f64, u32)| {
            order(
                (a.0, &scored[a.1 as usize].3.id),
                (b.0, &scored[b.1 as usize].3.id),
            )
        };
        best.sort_by(cmp);
        // One course per topic a task needs is enough: a second one on the same topic
        // stays only when it has a reason of its own.
        let mut covered: Vec<&str> = Vec::new();
        best.retain(|&(_, i)| {
            let t = scored[i as usize].3;
            let mut new = false;
            for topic in &t.topics {
                if required.binary_search(&topic.as_str()).is_ok()
                    && !covered.contains(&topic.as_str())
                {
                    covered.push(topic);
                    new = true;
                }
            }
            new || !only_needed[i as usize]
        });
        best.truncate(q.limit_trainings);
        best.into_iter()
            .map(|(_, i)| scored[i as usize])
            .map(|(score, v, d, t)| {
                let needed: Vec<String> = top_tasks
                    .iter()
                    .filter(|task| task.required_trainings.iter().any(|r| t.topics.contains(r)))
                    .map(|task| task.title.clone())
                    .collect();
                let th = self.weights.reason_threshold;
                let mut reasons = Vec::new();
                if !needed.is_empty() {
                    let l = needed
                        .iter()
                        .take(2)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ");
                    reasons.push(Reason {
                        code: ReasonCode::TrainingNeeded,
                        text: fill(
                            &self.texts.reason("training_needed", lang),
                            &[("labels", &l)],
                        ),
                    });
                }
                let ls: Vec<String> = t
                    .skills
                    .iter()
                    .filter(|s| persona.learning_goals.contains(s))
                    .take(3)
                    .map(|s| self.tax.skills.label(s, lang).to_lowercase())
                    .collect();
                if !ls.is_empty() {
                    reasons.push(Reason {
                        code: ReasonCode::Learn,
                        text: fill(
                            &self.texts.reason("learn", lang),
                            &[("labels", &ls.join(", "))],
                        ),
                    });
                }
                if needed.is_empty() && ls.is_empty() {
                    let useful: Vec<String> = top_tasks
                        .iter()
                        .filter(|task| self.useful_for(t, task))
                        .take(2)
                        .map(|task| task.title.clone())
                        .collect();
                    if !useful.is_empty() {
                        reasons.push(Reason {
                            code: ReasonCode::TrainingUseful,
                            text: fill(
                                &self.texts.reason("training_useful", lang),
                                &[("labels", &useful.join(", "))],
                            ),
                        });
                    }
                }
                if t.certificate && v[TrainingFeature::Certificate].is_some() {
                    reasons.push(Reason {
                        code: ReasonCode::Certificate,
                        text: self.texts.reason("certificate", lang),
                    });
                }
                if t.online {
                    reasons.push(Reason {
                        code: ReasonCode::Online,
                        text: self.texts.reason("online", lang),
                    });
                } else if let Some(d) = d {
                    if v[TrainingFeature::Distance].unwrap_or(0.0) >= th * 0.6 || reasons.is_empty()
                    {
                        reasons.push(Reason {
                            code: ReasonCode::Distance,
                            text: fill(
                                &self.texts.reason("distance", lang),
                                &[("km", &km(d, lang))],
                            ),
                        });
                    }
                }
                if t.cost_eur <= 0.0 {
                    reasons.push(Reason {
                        code: ReasonCode::Free,
                        text: self.texts.reason("free", lang),
                    });
                }
                if let Some(s) = t.next_session(q.now) {
                    if v[TrainingFeature::Upcoming].unwrap_or(0.0) >= 1.0 {
                        reasons.push(Reason {
                            code: ReasonCode::Upcoming,
                            text: fill(
                                &self.texts.reason("upcoming", lang),
                                &[("date", &date_text(s.start.date(), lang))],
                            ),
                        });
                    }
                }
                if v[TrainingFeature::Text].unwrap_or(0.0) > 0.0 {
                    let found = quoted_words(telling, &[&t.title, &t.description]);
                    if !found.is_empty() {
                        let code = if q.words_are_search {
                            ReasonCode::Search
                        } else {
                            ReasonCode::Text
                        };
                        reasons.push(Reason {
                            code,
                            text: fill(
                                &self.texts.reason(code.as_str(), lang),
                                &[("words", &found)],
                            ),
                        });
                    }
                }
                if reasons.is_empty() {
                    reasons.push(Reason {
                        code: ReasonCode::Topic,
                        text: t
                            .topics
                            .iter()
                            .map(|x| self.tax.topics.label(x, lang))
                            .collect::<Vec<_>>()
                            .join(", "),
                    });
                }
                reasons.truncate(5);
                TrainingMatch {
                    id: t.id.clone(),
                    title: t.title.clone(),
                    description: t.description.clone(),
                    organisation: OrganisationRef {
                        id: None,
                        name: t.provider.clone(),
                    },
                    provider: t.provider.clone(),
                    topics: t.topics.clone(),
                    wijk: t
                        .location
                        .as_ref()
                        .map(|l| l.wijk.clone())
                        .filter(|w| !w.is_empty()),
                    online: t.online,
                    distance_km: d.map(|d| (d * 10.0).round() / 10.0),
                    certificate: t.certificate,
                    cost_eur: t.cost_eur,
                    next_session: t.next_session(q.now).cloned(),
                    slots: t
                        .schedule
                        .as_ref()
                        .map(|s| s.slots.clone())
                        .unwrap_or_default(),
                    duration_hours: t.duration_hours,
                    contact: t.contact.clone(),
                    score: round6(score),
                    reasons,
                    explain: q.explain.then(|| {
                        Self::explain(
                            v.iter()
                                .zip(w.iter())
                                .map(|((f, x), (_, w))| (f.name(), *x, *w)),
                        )
                    }),
                }
            })
            .collect()
    }
}

/// How many of the first tasks in the advice a course may be "needed for" or "useful for".
const NEEDED_FOR_TOP: usize = 10;

/// The telling words a record's texts contain, quoted as the person typed them ("“kook”,
/// “fietsen”"); empty when it shares none. Whole words only, never a sentence cut off.
fn quoted_words(telling: &[crate::search::Word], texts: &[&str]) -> String {
    if telling.is_empty() {
        return String::new();
    }
    let stems = crate::search::stems(&texts.join(" "));
    telling
        .iter()
        .filter(|w| stems.contains(&w.stem))
        .take(3)
        .map(|w| format!("\u{201c}{}\u{201d}", w.form))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A training with its score, feature values, distance and the top tasks it is needed for.
type ScoredTraining<'a> = (
    f64,
    PerTrainingFeature<Option<f64>>,
    Option<f64>,
    &'a Training,
);

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

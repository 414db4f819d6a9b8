//! Job carving: compose a role from splittable task components so it fits one person (or
//! split a role over a small team), and show what is left for others.
//!
//! Roles have 4–10 components, so the search is exact: a depth-first enumeration of
//! bundles that prunes every branch over the hours budget (a branch-and-bound whose bound
//! is the budget). At 10 components that is at most 1,024 leaves, microseconds of work;
//! roles above `MAX_EXACT` components are cut to their best-fitting ones first.
use crate::ranking::config::fill;
use serde::Serialize;
use utoipa::ToSchema;

use crate::catalog::model::{Task, Training};
use crate::persona::Persona;
use crate::ranking::features::Prepared;
use crate::ranking::{Matcher, Query, Reason, ReasonCode};
use crate::taxonomy::{Lang, Slot};

/// Largest number of feasible components searched exhaustively.
pub const MAX_EXACT: usize = 16;
/// Penalty per extra day of the week a bundle spreads over (coherent work is easier).
pub const DAY_PENALTY: f64 = 0.05;
/// Penalty per extra place (beyond 300 m from the first).
pub const PLACE_PENALTY: f64 = 0.05;
/// Bonus for a component the organisation calls essential.
pub const ESSENTIAL_BONUS: f64 = 0.05;
/// Hours a week assumed when the person gave none.
pub const DEFAULT_BUDGET: f64 = 4.0;

/// One component as seen for one person.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub task: &'a Task,
    pub fit: f64,
    pub distance: Option<f64>,
    /// Bit set of the person's slots this component can use (0 = any moment).
    pub slots: u32,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ComponentOut {
    pub id: String,
    pub title: String,
    pub hours_per_week: f64,
    #[schema(value_type = Vec<String>)]
    pub slots: Vec<Slot>,
    pub essential: bool,
    pub fit: f64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Growth {
    pub component: String,
    /// Skill or topic labels the person does not have yet.
    pub stretches: Vec<String>,
    /// Trainings that prepare for it (ids and titles).
    pub trainings: Vec<TrainingRef>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TrainingRef {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Uncovered {
    pub id: String,
    pub title: String,
    pub hours_per_week: f64,
    pub essential: bool,
    /// Why, as a stable code: `too_far`, `not_your_times`, `too_heavy`, `more_dutch`,
    /// `ended`, `permit`, `min_age`, `wheelchair`, `hours`, `over_budget`, `not_chosen`,
    /// `no_one_in_team`.
    pub code: String,
    /// Why this person does not take it, in words.
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Proposal {
    pub role_id: String,
    pub components: Vec<ComponentOut>,
    pub hours_per_week: f64,
    #[schema(value_type = Vec<String>)]
    pub slots: Vec<Slot>,
    /// Hours-weighted mean fit of the components, minus the coherence penalties, 0–1.
    pub fit: f64,
    pub reasons: Vec<Reason>,
    pub growth: Vec<Growth>,
    pub uncovered: Vec<Uncovered>,
}

/// The objective a bundle is chosen by: the sum of its components' fits (so more good work
/// is better, up to the budget), plus a small bonus per essential component, minus
/// penalties for spreading over more days and places.
pub fn objective(cands: &[Candidate], bundle: &[usize]) -> f64 {
    objective_with(cands, &places(cands), bundle)
}

/// Which place each component is at: components within 300 m of an earlier one share its
/// place. Computed once per search, so the objective is a few bit operations.
fn places(cands: &[Candidate]) -> Vec<Option<u8>> {
    let mut centres: Vec<crate::geo::LatLon> = Vec::new();
    cands
        .iter()
        .map(|c| {
            let l = c.task.location.as_ref()?;
            match centres
                .iter()
                .position(|p| crate::geo::distance_km(*p, l.point()) < 0.3)
            {
                Some(i) => Some(i as u8),
                None => {
                    centres.push(l.point());
                    Some((centres.len() - 1).min(63) as u8)
                }
            }
        })
        .collect()
}

fn objective_with(cands: &[Candidate], place: &[Option<u8>], bundle: &[usize]) -> f64 {
    if bundle.is_empty() {
        return 0.0;
    }
    let fit: f64 = bundle
        .iter()
        .map(|&i| {
            cands[i].fit
                + if cands[i].task.essential {
                    ESSENTIAL_BONUS
                } else {
                    0.0
                }
        })
        .sum();
    fit - penalty_with(cands, place, bundle)
}

fn penalty(cands: &[Candidate], bundle: &[usize]) -> f64 {
    penalty_with(cands, &places(cands), bundle)
}

fn penalty_with(cands: &[Candidate], place: &[Option<u8>], bundle: &[usize]) -> f64 {
    let days: u32 = bundle
        .iter()
        .map(|&i| day_mask(cands[i].slots))
        .fold(0, |a, b| a | b);
    let n_days = days.count_ones().max(1);
    let at: u64 = bundle
        .iter()
        .filter_map(|&i| place[i])
        .fold(0, |m, p| m | (1u64 << p));
    DAY_PENALTY * (n_days - 1) as f64 + PLACE_PENALTY * at.count_ones().saturating_sub(1) as f64
}

fn day_mask(slots: u32) -> u32 {
    (0..7)
        .filter(|d| slots & (0b111 << (d * 3)) != 0)
        .fold(0, |m, d| m | (1 << d))
}

/// Every bundle within the budget that contains `must`, best first (ties: fewer
/// components, then ids). Exact: all subsets are visited except those over the budget.
pub fn search(cands: &[Candidate], budget: f64, must: &[usize]) -> Vec<(f64, Vec<usize>)> {
    let mut out = Vec::new();
    let must_hours: f64 = must
        .iter()
        .map(|&i| cands[i].task.schedule.hours_per_week)
        .sum();
    if must_hours > budget + 1e-9 {
        return out;
    }
    let free: Vec<usize> = (0..cands.len()).filter(|i| !must.contains(i)).collect();
    let mut cur: Vec<usize> = must.to_vec();
    let place = places(cands);
    #[allow(clippy::too_many_arguments)]
    fn dfs(
        cands: &[Candidate],
        place: &[Option<u8>],
        free: &[usize],
        k: usize,
        hours: f64,
        budget: f64,
        cur: &mut Vec<usize>,
        out: &mut Vec<(f64, Vec<usize>)>,
    ) {
        if k == free.len() {
            if !cur.is_empty() {
                let mut b = cur.clone();
                b.sort();
                out.push((objective_with(cands, place, &b), b));
            }
            return;
        }
        let i = free[k];
        let h = cands[i].task.schedule.hours_per_week;
        if hours + h <= budget + 1e-9 && !cur.iter().any(|&j| clash(&cands[i], &cands[j])) {
            cur.push(i);
            dfs(cands, place, free, k + 1, hours + h, budget, cur, out);
            cur.pop();
        }
        dfs(cands, place, free, k + 1, hours, budget, cur, out);
    }
    dfs(
        cands, &place, &free, 0, must_hours, budget, &mut cur, &mut out,
    );
    out.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.len().cmp(&b.1.len()))
            .then_with(|| ids(cands, &a.1).cmp(&ids(cands, &b.1)))
    });
    out
}

/// Hours one part of a day (a morning, an afternoon, an evening) holds.
const HOURS_PER_PART_OF_DAY: f64 = 4.0;

/// Two components one person cannot both do: each has a single moment, the same one, and
/// together they take longer than that part of the day.
fn clash(a: &Candidate, b: &Candidate) -> bool {
    let session = |c: &Candidate| {
        c.task
            .schedule
            .hours_per_session
            .unwrap_or(c.task.schedule.hours_per_week)
    };
    a.slots != 0
        && a.slots == b.slots
        && a.slots.count_ones() == 1
        && session(a) + session(b) > HOURS_PER_PART_OF_DAY + 1e-9
}

fn ids(cands: &[Candidate], b: &[usize]) -> Vec<String> {
    b.iter().map(|&i| cands[i].task.id.clone()).collect()
}

fn jaccard(a: &[usize], b: &[usize]) -> f64 {
    let inter = a.iter().filter(|x| b.contains(x)).count() as f64;
    let union = (a.len() + b.len()) as f64 - inter;
    if union == 0.0 {
        1.0
    } else {
        inter / union
    }
}

/// Up to `n` bundles that differ meaningfully: each shares at most half its components
/// (Jaccard ≤ 0.5) with every bundle chosen before it.
pub fn diverse(ranked: &[(f64, Vec<usize>)], n: usize) -> Vec<Vec<usize>> {
    let mut chosen: Vec<Vec<usize>> = Vec::new();
    for (_, b) in ranked {
        if chosen.len() == n {
            break;
        }
        if chosen.iter().all(|c| jaccard(c, b) <= 0.5) {
            chosen.push(b.clone());
        }
    }
    chosen
}

/// Why carving cannot honour a request.
#[derive(Debug)]
pub enum CarveError {
    /// A `must_include` component is not part of the role (index into must_include).
    NotInRole(usize),
    /// A `must_include` component breaks a hard constraint for this person.
    Infeasible(usize, String),
    /// The `must_include` components together exceed the hours budget.
    OverBudget(f64, f64),
}

pub struct Carver<'a> {
    pub matcher: &'a Matcher,
    pub trainings: &'a [Training],
}

impl<'a> Carver<'a> {
    /// The person's view of a role's components: fit, distance and usable slots; the
    /// components that break a hard constraint come back separately with the reason.
    pub fn candidates<'t>(
        &self,
        p: &Prepared,
        components: &'t [Task],
        lang: Lang,
    ) -> (Vec<Candidate<'t>>, Vec<Uncovered>) {
        let mut c = Vec::new();
        let mut out = Vec::new();
        for t in components {
            match self.matcher.task_fit(p, t) {
                Some((fit, _, d)) => {
                    let mask: u32 = t.schedule.slots.iter().fold(0, |m, s| m | s.bit());
                    let usable = if t.schedule.any_moment() {
                        0
                    } else if p.slots == 0 {
                        mask
                    } else {
                        mask & p.slots
                    };
                    c.push(Candidate {
                        task: t,
                        fit,
                        distance: d,
                        slots: usable,
                    });
                }
                None => {
                    let code = self.matcher.why_not(p, t);
                    out.push(uncovered_task(
                        t,
                        code,
                        &self.matcher.texts.why_not(code, lang),
                    ))
                }
            }
        }
        c.sort_by(|a, b| {
            b.fit
                .total_cmp(&a.fit)
                .then_with(|| a.task.id.cmp(&b.task.id))
        });
        (c, out)
    }

    /// Up to three meaningfully different proposals for one person and one role.
    #[allow(clippy::too_many_arguments)]
    pub fn carve(
        &self,
        persona: &Persona,
        p: &Prepared,
        role_id: &str,
        components: &[Task],
        budget: f64,
        must_include: &[String],
        q: &Query,
    ) -> Result<Vec<Proposal>, CarveError> {
        let lang = q.lang;
        let (mut cands, infeasible) = self.candidates(p, components, lang);
        for (k, id) in must_include.iter().enumerate() {
            if !components.iter().any(|t| &t.id == id) {
                return Err(CarveError::NotInRole(k));
            }
            if let Some(u) = infeasible.iter().find(|u| &u.id == id) {
                return Err(CarveError::Infeasible(k, u.reason.clone()));
            }
        }
        if cands.len() > MAX_EXACT {
            // Keep the must-haves and the best-fitting others.
            let (keep, rest): (Vec<_>, Vec<_>) = cands
                .into_iter()
                .partition(|c| must_include.contains(&c.task.id));
            cands = keep
                .into_iter()
                .chain(rest)
                .take(MAX_EXACT.max(must_include.len()))
                .collect();
        }
        let must: Vec<usize> = must_include
            .iter()
            .filter_map(|id| cands.iter().position(|c| &c.task.id == id))
            .collect();
        let must_hours: f64 = must
            .iter()
            .map(|&i| cands[i].task.schedule.hours_per_week)
            .sum();
        if must_hours > budget + 1e-9 {
            return Err(CarveError::OverBudget(must_hours, budget));
        }
        let ranked = search(&cands, budget, &must);
        let bundles = diverse(&ranked, 3);
        Ok(bundles
            .into_iter()
            .map(|b| self.proposal(persona, role_id, &cands, &b, &infeasible, lang))
            .collect())
    }

    fn proposal(
        &self,
        persona: &Persona,
        role_id: &str,
        cands: &[Candidate],
        bundle: &[usize],
        infeasible: &[Uncovered],
        lang: Lang,
    ) -> Proposal {
        let tax = &self.matcher.tax;
        let hours: f64 = bundle
            .iter()
            .map(|&i| cands[i].task.schedule.hours_per_week)
            .sum();
        let slots_mask: u32 = bundle.iter().map(|&i| cands[i].slots).fold(0, |a, b| a | b);
        let slots: Vec<Slot> = Slot::all().filter(|s| slots_mask & s.bit() != 0).collect();
        let mean = if hours > 0.0 {
            bundle
                .iter()
                .map(|&i| cands[i].fit * cands[i].task.schedule.hours_per_week)
                .sum::<f64>()
                / hours
        } else {
            bundle.iter().map(|&i| cands[i].fit).sum::<f64>() / bundle.len().max(1) as f64
        };
        let fit = ((mean - penalty(cands, bundle)).clamp(0.0, 1.0) * 1e4).round() / 1e4;
        let texts = &self.matcher.texts;
        let slot_list = |sep: &str| {
            slots
                .iter()
                .map(|s| s.label(lang))
                .collect::<Vec<_>>()
                .join(sep)
        };
        let mut reasons = vec![Reason {
            code: ReasonCode::Hours,
            text: fill(
                &texts.carving("hours_total", lang),
                &[("hours", &fmt_hours(hours, lang))],
            ),
        }];
        let days = day_mask(slots_mask);
        // Parts without a fixed moment: on call or without moments the person chooses; a
        // flexible part with usual moments is agreed with the organisation.
        let free: Vec<&Task> = bundle
            .iter()
            .map(|&i| cands[i].task)
            .filter(|t| t.schedule.any_moment())
            .collect();
        let agreed = free
            .iter()
            .any(|t| t.schedule.flexible && !t.schedule.on_call && !t.schedule.slots.is_empty());
        if slots_mask == 0 {
            let key = if agreed { "agree_when" } else { "choose_when" };
            reasons.push(Reason {
                code: ReasonCode::Slot,
                text: texts.carving(key, lang),
            });
        } else if !free.is_empty() {
            // Not "all on Thursday" when a part has no fixed moment.
            reasons.push(Reason {
                code: ReasonCode::Slot,
                text: fill(
                    &texts.carving("fits_on_rest_free", lang),
                    &[("slots", &slot_list(", "))],
                ),
            });
        } else if days.count_ones() == 1 {
            let and = if lang == Lang::Nl { " en " } else { " and " };
            reasons.push(Reason {
                code: ReasonCode::Slot,
                text: fill(
                    &texts.carving("all_on", lang),
                    &[("slots", &slot_list(and))],
                ),
            });
        } else {
            reasons.push(Reason {
                code: ReasonCode::Slot,
                text: fill(
                    &texts.carving("fits_on", lang),
                    &[("slots", &slot_list(", "))],
                ),
            });
        }
        let used: Vec<String> = bundle
            .iter()
            .flat_map(|&i| cands[i].task.skills.iter())
            .filter(|s| persona.skills.contains(s))
            .map(|s| tax.skills.label(s, lang).to_lowercase())
            .fold(Vec::new(), |mut v, s| {
                if !v.contains(&s) {
                    v.push(s);
                }
                v
            });
        if !used.is_empty() {
            reasons.push(Reason {
                code: ReasonCode::Skill,
                text: fill(
                    &texts.carving("uses_skills", lang),
                    &[("labels", &used.join(", "))],
                ),
            });
        }
        if let Some(d) = bundle
            .iter()
            .filter_map(|&i| cands[i].distance)
            .reduce(f64::max)
        {
            reasons.push(Reason {
                code: ReasonCode::Distance,
                text: fill(
                    &texts.carving("distance", lang),
                    &[("km", &crate::ranking::config::km(d, lang))],
                ),
            });
        }
        let growth = bundle
            .iter()
            .filter_map(|&i| self.growth(persona, cands[i].task, lang))
            .collect();
        let mut uncovered: Vec<Uncovered> = infeasible.to_vec();
        for (i, c) in cands.iter().enumerate() {
            if !bundle.contains(&i) {
                uncovered.push(uncovered_task(
                    c.task,
                    "not_chosen",
                    &texts.carving("not_chosen", lang),
                ));
            }
        }
        Proposal {
            role_id: role_id.to_string(),
            components: bundle
                .iter()
                .map(|&i| ComponentOut {
                    id: cands[i].task.id.clone(),
                    title: cands[i].task.title.clone(),
                    hours_per_week: cands[i].task.schedule.hours_per_week,
                    slots: cands[i].task.schedule.slots.clone(),
                    essential: cands[i].task.essential,
                    fit: (cands[i].fit * 1e4).round() / 1e4,
                })
                .collect(),
            hours_per_week: (hours * 100.0).round() / 100.0,
            slots,
            fit,
            reasons,
            growth,
            uncovered,
        }
    }

    /// A component stretches the person when it needs skills they do not list or a
    /// training topic; the trainings that teach those are suggested.
    fn growth(&self, persona: &Persona, t: &Task, lang: Lang) -> Option<Growth> {
        let tax = &self.matcher.tax;
        let missing: Vec<&String> = t
            .skills
            .iter()
            .filter(|s| !persona.skills.contains(s))
            .collect();
        if missing.is_empty() && t.required_trainings.is_empty() {
            return None;
        }
        let mut stretches: Vec<String> = missing
            .iter()
            .map(|s| tax.skills.label(s, lang).to_string())
            .collect();
        // A document such as a VOG is applied for, not learnt.
        stretches.extend(
            t.required_trainings
                .iter()
                .filter(|x| tax.topics.get(x).is_none_or(|term| !term.document))
                .map(|x| tax.topics.label(x, lang).to_string()),
        );
        // What the component asks for first; then courses in a missing skill whose field
        // fits the component (no food safety for sorting in a second-hand shop).
        let permits = tax.permit_bits(&persona.skills);
        let open = |tr: &&crate::catalog::model::Training| {
            tax.training_permit_bits(&tr.topics, &tr.skills) & !permits == 0
        };
        let required = self
            .trainings
            .iter()
            .filter(open)
            .filter(|tr| tr.topics.iter().any(|x| t.required_trainings.contains(x)));
        let related = self.trainings.iter().filter(open).filter(|tr| {
            !tr.topics.iter().any(|x| t.required_trainings.contains(x))
                && tr.skills.iter().any(|s| missing.contains(&s))
                && tax.topics_fit(&tr.topics, &t.categories)
        });
        let trainings = required
            .chain(related)
            .take(3)
            .map(|tr| TrainingRef {
                id: tr.id.clone(),
                title: tr.title.clone(),
            })
            .collect();
        Some(Growth {
            component: t.id.clone(),
            stretches,
            trainings,
        })
    }
}

fn fmt_hours(h: f64, lang: Lang) -> String {
    let s = format!("{}", (h * 100.0).round() / 100.0);
    if lang == Lang::Nl {
        s.replace('.', ",")
    } else {
        s
    }
}

/// Why a component that fits the person is still left out: it alone takes more hours
/// than the budget.
pub fn over_budget(texts: &crate::ranking::config::Texts, hours: f64, lang: Lang) -> String {
    if (hours - 1.0).abs() < 1e-9 {
        texts.carving("over_budget_one", lang)
    } else {
        fill(
            &texts.carving("over_budget", lang),
            &[("hours", &fmt_hours(hours, lang))],
        )
    }
}

pub fn uncovered_task(t: &Task, code: &str, reason: &str) -> Uncovered {
    Uncovered {
        id: t.id.clone(),
        title: t.title.clone(),
        hours_per_week: t.schedule.hours_per_week,
        essential: t.essential,
        code: code.to_string(),
        reason: reason.to_string(),
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Assignment {
    /// Position of the person in the request.
    pub person: usize,
    pub components: Vec<ComponentOut>,
    pub hours_per_week: f64,
    pub budget_hours: f64,
    pub fit: f64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TeamPlan {
    pub role_id: String,
    pub assignments: Vec<Assignment>,
    /// Components no one in the team can take.
    pub uncovered: Vec<Uncovered>,
    pub total_fit: f64,
    /// True when the search proved this is the best split.
    pub exact: bool,
}

/// Node limit of the team search; past it the best split found so far is returned.
pub const TEAM_NODE_LIMIT: usize = 2_000_000;

/// Splits every component over the team: maximal total fit, each person within their
/// hours and slots, exact by branch-and-bound (bound: the current total plus, for every
/// remaining component, the best fit any person could give it).
pub fn team_split(
    fits: &[Vec<Option<f64>>],
    hours: &[f64],
    budgets: &[f64],
) -> (Vec<Option<usize>>, f64, bool) {
    let n = hours.len();
    let people = budgets.len();
    let mut order: Vec<usize> = (0..n).collect();
    let best_of = |c: usize| fits[c].iter().flatten().copied().fold(0.0, f64::max);
    order.sort_by(|&a, &b| best_of(b).total_cmp(&best_of(a)).then(a.cmp(&b)));
    let mut suffix = vec![0.0; n + 1];
    for k in (0..n).rev() {
        suffix[k] = suffix[k + 1] + best_of(order[k]);
    }
    struct S<'a> {
        fits: &'a [Vec<Option<f64>>],
        hours: &'a [f64],
        order: Vec<usize>,
        suffix: Vec<f64>,
        used: Vec<f64>,
        budgets: &'a [f64],
        cur: Vec<Option<usize>>,
        best: Vec<Option<usize>>,
        best_v: f64,
        nodes: usize,
    }
    fn go(s: &mut S, k: usize, v: f64) {
        s.nodes += 1;
        if s.nodes > TEAM_NODE_LIMIT {
            return;
        }
        if v + s.suffix[k] <= s.best_v + 1e-12 {
            return;
        }
        if k == s.order.len() {
            s.best_v = v;
            s.best = s.cur.clone();
            return;
        }
        let c = s.order[k];
        let mut options: Vec<(usize, f64)> = (0..s.budgets.len())
            .filter_map(|p| s.fits[c][p].map(|f| (p, f)))
            .collect();
        options.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for (p, f) in options {
            if s.used[p] + s.hours[c] <= s.budgets[p] + 1e-9 {
                s.used[p] += s.hours[c];
                s.cur[c] = Some(p);
                go(s, k + 1, v + f);
                s.cur[c] = None;
                s.used[p] -= s.hours[c];
            }
        }
        go(s, k + 1, v);
    }
    let mut s = S {
        fits,
        hours,
        order,
        suffix,
        used: vec![0.0; people],
        budgets,
        cur: vec![None; n],
        best: vec![None; n],
        best_v: -1.0,
        nodes: 0,
    };
    go(&mut s, 0, 0.0);
    let exact = s.nodes <= TEAM_NODE_LIMIT;
    (s.best, s.best_v.max(0.0), exact)
}

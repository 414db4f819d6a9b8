//! Trainings in the advice: what the top tasks need first, then learning goals,
//! certificate, distance, cost, time and upcoming dates, each with a telling reason.
use std::collections::HashMap;

use serde::Serialize;
use utoipa::ToSchema;

use super::config::{date_text, fill, km};
use super::feature::{PerTrainingFeature, TrainingFeature};
use super::reason::quoted_words;
use super::{
    order, round6, trainings, Ask, Contribution, Matcher, OrganisationRef, Reason, ReasonCode,
};
use crate::catalog::model::{Contact, Task, Training};
use crate::taxonomy::Slot;

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

/// How many of the first tasks in the advice a course may be "needed for" or "useful for".
const NEEDED_FOR_TOP: usize = 10;

/// A training with its score, feature values, distance and the top tasks it is needed for.
type ScoredTraining<'a> = (
    f64,
    PerTrainingFeature<Option<f64>>,
    Option<f64>,
    &'a Training,
);

impl Matcher {
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
            if h.permits & !p.permits != 0 {
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
                    reasons.extend(self.words_reason(telling, &[&t.title, &t.description], q));
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
    /// A training helps with a task when it teaches a skill the task uses or teaches, in
    /// the task's field (`Taxonomies::topics_fit`).
    fn useful_for(&self, t: &Training, task: &Task) -> bool {
        t.skills
            .iter()
            .any(|s| task.skills.contains(s) || task.learn_skills.contains(s))
            && self.tax.topics_fit(&t.topics, &task.categories)
    }
}

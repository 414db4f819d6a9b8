//! Why a task or training is in the advice: a code a client can act on, and the text a
//! resident reads (from `data/ranking/texts.json`).
use serde::Serialize;
use utoipa::ToSchema;

use super::config::{euro, fill, km};
use super::feature::Feature;
use super::row::TAGS;
use super::{round6, Ask, Candidate, Contribution, Matcher, OrganisationRef, TaskMatch};
use crate::catalog::model::{AllowanceKind, Task};
use crate::taxonomy::Lang;

macro_rules! reason_codes {
    ($($(#[$m:meta])* $var:ident => $s:tt),+ $(,)?) => {
        /// What a reason is about.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ToSchema)]
        pub enum ReasonCode {
            $($(#[$m])* #[serde(rename = $s)] $var),+
        }
        impl ReasonCode {
            pub const ALL: &'static [ReasonCode] = &[$(ReasonCode::$var),+];
            /// The code as clients see it; also the key of its text where it has one.
            pub fn as_str(self) -> &'static str {
                match self { $(ReasonCode::$var => $s),+ }
            }
        }
    };
}

reason_codes! {
    Interest => "interest",
    Skill => "skill",
    Learn => "learn",
    Motivation => "motivation",
    /// A listed moment that fits, or "you choose when".
    Slot => "slot",
    OnCall => "on_call",
    ByAgreement => "by_agreement",
    Commitment => "commitment",
    Remote => "remote",
    Distance => "distance",
    FirstStep => "first_step",
    Certificate => "certificate",
    Allowance => "allowance",
    Expenses => "expenses",
    WorkExperience => "work_experience",
    Access => "access",
    /// The person's own words are in the task.
    Text => "text",
    /// The desk's search words are in the task.
    Search => "search",
    /// A requirement: a permit the person must hold.
    Permit => "permit",
    /// A requirement: a minimum age.
    MinAge => "min_age",
    TrainingNeeded => "training_needed",
    TrainingUseful => "training_useful",
    Online => "online",
    Free => "free",
    Upcoming => "upcoming",
    /// A training's topics, when nothing more telling can be said.
    Topic => "topic",
    /// A carving's hours in all.
    Hours => "hours",
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Reason {
    pub code: ReasonCode,
    pub text: String,
}

impl Matcher {
    /// Each active feature's part in a score: (name, value, weight) in order.
    pub(super) fn explain(
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
            if let Some(r) = self.words_reason(telling, &[&t.title, &t.description], q) {
                push(Feature::Text, r.code, r.text, true);
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
            respond_url: t.respond_url.clone(),
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
}

/// The telling words a record's texts contain, quoted as the person typed them ("“kook”,
/// “fietsen”"); empty when it shares none. Whole words only, never a sentence cut off.
impl Matcher {
    /// The reason a record is here for the words typed: the resident's own words, or the
    /// desk's search word, quoting those the record contains; none when it has none.
    pub(super) fn words_reason(
        &self,
        telling: &[crate::search::Word],
        texts: &[&str],
        q: &super::Query,
    ) -> Option<Reason> {
        let found = quoted_words(telling, texts);
        if found.is_empty() {
            return None;
        }
        let code = if q.words_are_search {
            ReasonCode::Search
        } else {
            ReasonCode::Text
        };
        Some(Reason {
            code,
            text: fill(
                &self.texts.reason(code.as_str(), q.lang),
                &[("words", &found)],
            ),
        })
    }
}

pub(super) fn quoted_words(telling: &[crate::search::Word], texts: &[&str]) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use utoipa::PartialSchema;

    #[test]
    fn codes_serialise_as_documented() {
        let doc = serde_json::to_value(ReasonCode::schema()).unwrap();
        let documented: Vec<String> = serde_json::from_value(doc["enum"].clone()).unwrap();
        let used: Vec<&str> = ReasonCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(documented, used);
        for c in ReasonCode::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
    }
}

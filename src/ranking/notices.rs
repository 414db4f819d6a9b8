//! What the advice says besides the tasks: whether an allowance stays within the fiscal
//! limits, and the notices (how matching works; allowances and benefits when the person
//! said they have one).
use serde::Serialize;
use utoipa::ToSchema;

use super::config::{euro, fill};
use super::{Matcher, Query};
use crate::catalog::model::{AllowanceKind, Task};
use crate::persona::{AgeBand, Persona};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Notice {
    pub code: String,
    pub text: String,
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

impl Matcher {
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
}

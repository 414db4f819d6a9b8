//! Ranking weights, resident-facing texts and allowance limits: data files in `data/`.
use std::collections::BTreeMap;

use serde::Deserialize;

use crate::persona::TravelMode;
use crate::taxonomy::Lang;

#[derive(Debug, Clone, Deserialize)]
pub struct Weights {
    /// The first 12 hex digits of the SHA-256 of the weights file: which weights made a
    /// logged match.
    #[serde(skip)]
    pub version: String,
    pub task: BTreeMap<String, f64>,
    pub training: BTreeMap<String, f64>,
    pub distance_scale_km: BTreeMap<String, f64>,
    pub remote_value: f64,
    pub preparing_factor: f64,
    pub hours_tolerance: f64,
    pub second_phase_size: usize,
    pub diversity_lambda: f64,
    pub same_organisation_similarity: f64,
    pub same_role_similarity: f64,
    pub same_category_similarity: f64,
    pub reason_threshold: f64,
    pub text_match_floor: f64,
}

/// A ranking data file (weights, texts, allowance limits) that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{file}: {source}")]
    Parse {
        file: String,
        source: serde_json::Error,
    },
    #[error("{file}:\n{}", problems.join("\n"))]
    Invalid { file: String, problems: Vec<String> },
}

const WEIGHTS: &str = "data/ranking/weights.json";
const TEXTS: &str = "data/ranking/texts.json";
const ALLOWANCE: &str = "data/allowance.json";

impl Weights {
    /// The weights built into the binary (`data/ranking/weights.json`).
    pub fn embedded() -> Result<Self, ConfigError> {
        Self::parse(include_str!("../../data/ranking/weights.json"), WEIGHTS)
    }

    /// A weights file (a candidate from `talentscan learn`, say), checked like the
    /// built-in one.
    pub fn from_file(path: &std::path::Path) -> Result<Self, ConfigError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Invalid {
            file: file.clone(),
            problems: vec![e.to_string()],
        })?;
        Self::parse(&text, &file)
    }

    pub fn parse(text: &str, file: &str) -> Result<Self, ConfigError> {
        let mut w: Weights = serde_json::from_str(text).map_err(|source| ConfigError::Parse {
            file: file.into(),
            source,
        })?;
        w.version = {
            use sha2::Digest;
            hex::encode(sha2::Sha256::digest(text.as_bytes()))[..12].to_string()
        };
        let mut problems = Vec::new();
        for f in super::feature::Feature::ALL.map(|f| f.name()) {
            if !w.task.contains_key(f) {
                problems.push(format!("task weight {f:?} missing"));
            }
        }
        for f in super::feature::TrainingFeature::ALL.map(|f| f.name()) {
            if !w.training.contains_key(f) {
                problems.push(format!("training weight {f:?} missing"));
            }
        }
        if w.task
            .values()
            .chain(w.training.values())
            .any(|v| !v.is_finite() || *v < 0.0)
        {
            problems.push("weights must be finite and >= 0".into());
        }
        if !problems.is_empty() {
            return Err(ConfigError::Invalid {
                file: file.into(),
                problems,
            });
        }
        Ok(w)
    }
    pub fn task(&self, f: &str) -> f64 {
        self.task.get(f).copied().unwrap_or(0.0)
    }
    pub fn training(&self, f: &str) -> f64 {
        self.training.get(f).copied().unwrap_or(0.0)
    }
    pub fn scale(&self, mode: TravelMode) -> f64 {
        self.distance_scale_km
            .get(mode.as_str())
            .copied()
            .unwrap_or(3.0)
            .max(0.1)
    }
}

type Text = BTreeMap<String, String>;

#[derive(Debug, Clone, Deserialize)]
pub struct Texts {
    pub reasons: BTreeMap<String, Text>,
    pub motives: BTreeMap<String, Text>,
    pub first_step: BTreeMap<String, Text>,
    pub access: BTreeMap<String, Text>,
    pub notices: BTreeMap<String, Text>,
    pub allowance_check: BTreeMap<String, Text>,
    pub why_not: BTreeMap<String, Text>,
    pub carving: BTreeMap<String, Text>,
    pub messages: BTreeMap<String, Text>,
}

/// Every text the code asks for, by section: the server does not start when one is
/// missing or lacks a language, rather than leaving a reason out.
const REQUIRED_TEXTS: &[(&str, &[&str])] = &[
    (
        "reasons",
        &[
            "distance",
            "remote",
            "slot",
            "any_moment",
            "on_call",
            "by_agreement",
            "interest",
            "skill",
            "learn",
            "motivation",
            "first_step",
            "certificate",
            "allowance",
            "expenses",
            "work_experience",
            "access",
            "commitment",
            "text",
            "requires_permit",
            "requires_min_age",
            "per_hour",
            "training_needed",
            "training_useful",
            "free",
            "upcoming",
            "online",
        ],
    ),
    (
        "motives",
        &[
            "values",
            "understanding",
            "social",
            "career",
            "protective",
            "enhancement",
        ],
    ),
    (
        "first_step",
        &[
            "intro_meeting",
            "buddy",
            "trial_period",
            "training_provided",
        ],
    ),
    (
        "access",
        &[
            "wheelchair",
            "low_dutch",
            "no_dutch_needed",
            "school_internship",
            "with_children",
        ],
    ),
    (
        "notices",
        &[
            "advice",
            "benefit_27_plus",
            "benefit_under_27",
            "benefit_age_unknown",
            "limit_known",
            "limit_unknown",
            "no_origin",
            "few_results",
        ],
    ),
    (
        "allowance_check",
        &[
            "per_hour_and_month",
            "per_month_and_year",
            "within",
            "above",
            "unknown",
            "none",
        ],
    ),
    (
        "why_not",
        &[
            "too_far",
            "not_your_times",
            "too_heavy",
            "more_dutch",
            "ended",
            "permit",
            "min_age",
            "wheelchair",
            "hours",
        ],
    ),
    (
        "carving",
        &[
            "hours_total",
            "choose_when",
            "agree_when",
            "fits_on_rest_free",
            "all_on",
            "fits_on",
            "uses_skills",
            "distance",
            "not_chosen",
            "over_budget",
            "over_budget_one",
            "no_one_in_team",
        ],
    ),
    ("messages", &["scan_erased", "course_nearby"]),
];

fn pick(t: Option<&Text>, lang: Lang) -> String {
    t.and_then(|t| t.get(lang.code()).or_else(|| t.get("nl")))
        .cloned()
        .unwrap_or_default()
}

impl Texts {
    pub fn embedded() -> Result<Self, ConfigError> {
        let t: Texts = serde_json::from_str(include_str!("../../data/ranking/texts.json"))
            .map_err(|source| ConfigError::Parse {
                file: TEXTS.into(),
                source,
            })?;
        let problems = t.problems();
        if problems.is_empty() {
            Ok(t)
        } else {
            Err(ConfigError::Invalid {
                file: TEXTS.into(),
                problems,
            })
        }
    }

    /// Every missing text or language.
    pub fn problems(&self) -> Vec<String> {
        let section = |name: &str| match name {
            "reasons" => &self.reasons,
            "motives" => &self.motives,
            "first_step" => &self.first_step,
            "access" => &self.access,
            "notices" => &self.notices,
            "allowance_check" => &self.allowance_check,
            "why_not" => &self.why_not,
            "carving" => &self.carving,
            _ => &self.messages,
        };
        let mut out = Vec::new();
        for (name, keys) in REQUIRED_TEXTS {
            let texts = section(name);
            for key in *keys {
                match texts.get(*key) {
                    None => out.push(format!("{name}.{key}: missing")),
                    Some(t) => {
                        for lang in ["nl", "en"] {
                            if t.get(lang).is_none_or(|x| x.trim().is_empty()) {
                                out.push(format!("{name}.{key}: no {lang} text"));
                            }
                        }
                    }
                }
            }
        }
        out
    }
    pub fn why_not(&self, id: &str, lang: Lang) -> String {
        pick(self.why_not.get(id), lang)
    }
    pub fn carving(&self, id: &str, lang: Lang) -> String {
        pick(self.carving.get(id), lang)
    }
    pub fn message(&self, id: &str, lang: Lang) -> String {
        pick(self.messages.get(id), lang)
    }
    pub fn reason(&self, code: &str, lang: Lang) -> String {
        pick(self.reasons.get(code), lang)
    }
    pub fn motive(&self, id: &str, lang: Lang) -> String {
        pick(self.motives.get(id), lang)
    }
    pub fn first_step(&self, id: &str, lang: Lang) -> String {
        pick(self.first_step.get(id), lang)
    }
    pub fn access(&self, id: &str, lang: Lang) -> String {
        pick(self.access.get(id), lang)
    }
    pub fn notice(&self, id: &str, lang: Lang) -> String {
        pick(self.notices.get(id), lang)
    }
    pub fn allowance_check(&self, id: &str, lang: Lang) -> String {
        pick(self.allowance_check.get(id), lang)
    }
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (k, v) in vars {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub struct YearLimits {
    pub per_hour_21_plus: f64,
    pub per_hour_under_21: f64,
    pub per_month: f64,
    pub per_year: f64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AllowanceLimits {
    pub source: String,
    pub years: BTreeMap<String, Option<YearLimits>>,
}

impl AllowanceLimits {
    pub fn embedded() -> Result<Self, ConfigError> {
        serde_json::from_str(include_str!("../../data/allowance.json")).map_err(|source| {
            ConfigError::Parse {
                file: ALLOWANCE.into(),
                source,
            }
        })
    }
    /// The limits for `year` when known.
    pub fn for_year(&self, year: i32) -> Option<YearLimits> {
        self.years.get(&year.to_string()).copied().flatten()
    }
    /// The latest year with known limits (to say "in 2025 it was …").
    pub fn latest_known(&self) -> Option<(i32, YearLimits)> {
        self.years
            .iter()
            .filter_map(|(y, l)| Some((y.parse().ok()?, (*l)?)))
            .max_by_key(|(y, _)| *y)
    }
}

/// "€ 2.100" and "€ 5,60" in Dutch, "€2,100" and "€5.60" in English.
pub fn euro(v: f64, lang: Lang) -> String {
    let (thousands, decimal, space) = match lang {
        Lang::Nl => ('.', ',', "\u{a0}"),
        Lang::En => (',', '.', ""),
    };
    let cents = (v * 100.0).round() as i64;
    let whole = (cents / 100).to_string();
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(thousands);
        }
        out.push(c);
    }
    if cents % 100 != 0 {
        out.push(decimal);
        out.push_str(&format!("{:02}", cents % 100));
    }
    format!("€{space}{out}")
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "20 februari 2027" / "20 February 2027".
pub fn date_text(d: time::Date, lang: Lang) -> String {
    let m = d.month() as usize - 1;
    let month = match lang {
        Lang::Nl => MONTHS_NL[m],
        Lang::En => MONTHS_EN[m],
    };
    format!("{} {month} {}", d.day(), d.year())
}

/// "1,2" — one decimal with a Dutch comma.
pub fn km(v: f64, lang: Lang) -> String {
    let s = format!("{:.1}", v);
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text key the code names is one the start-up check requires, so a key that
    /// is not in `texts.json` stops the server instead of leaving a reason empty.
    #[test]
    fn every_text_the_code_asks_for_is_checked_at_start() {
        let methods = [
            ("reason", "reasons"),
            ("motive", "motives"),
            ("first_step", "first_step"),
            ("access", "access"),
            ("notice", "notices"),
            ("allowance_check", "allowance_check"),
            ("why_not", "why_not"),
            ("carving", "carving"),
            ("message", "messages"),
        ];
        let mut files = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        let mut asked = Vec::new();
        while let Some(f) = files.pop() {
            if f.is_dir() {
                files.extend(std::fs::read_dir(&f).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if f.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let src = std::fs::read_to_string(&f).unwrap();
            for (method, section) in methods {
                let call = format!("texts.{method}(\"");
                for (at, _) in src.match_indices(&call) {
                    let rest = &src[at + call.len()..];
                    let key = &rest[..rest.find('"').unwrap()];
                    asked.push((section, key.to_string()));
                }
            }
        }
        assert!(asked.len() > 30, "the scan finds the calls: {asked:?}");
        for (section, key) in asked {
            let required = REQUIRED_TEXTS
                .iter()
                .find(|(s, _)| *s == section)
                .is_some_and(|(_, keys)| keys.contains(&key.as_str()));
            assert!(required, "{section}.{key} is not in REQUIRED_TEXTS");
        }
    }
}

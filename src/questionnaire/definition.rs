//! A versioned, data-driven questionnaire: sections, items, options and what each answer
//! feeds. Everything a resident reads lives in the YAML file; adding a question or a
//! language is an edit of that file. The definition is checked when the server starts, so
//! a bad edit stops the deploy instead of producing wrong personas.
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::persona::Persona;
use crate::taxonomy::{Lang, Taxonomies};

/// A text in every language of the questionnaire.
pub type Text = BTreeMap<String, String>;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    pub id: String,
    pub version: u32,
    pub languages: Vec<String>,
    pub title: Text,
    pub intro: Text,
    #[serde(default)]
    pub estimated_minutes: Option<u32>,
    #[serde(default)]
    pub instrument_note: Option<Text>,
    /// Values for persona fields that no answer set (neutral, documented defaults).
    #[serde(default)]
    pub defaults: BTreeMap<String, Value>,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub archetypes: Vec<ArchetypeDef>,
    #[serde(default)]
    pub kkwz_texts: BTreeMap<String, Bands>,
    /// What the profile says about a dimension no answer fed: that it is not known,
    /// never a made-up middle.
    #[serde(default)]
    pub kkwz_unknown: Option<Text>,
    /// The answer by which a resident lets the scan count anonymously towards the
    /// neighbourhood's figures (`crate::insight`): its own question, because a count cannot
    /// be taken back.
    #[serde(default)]
    pub count_consent: Option<CountConsent>,
    /// The answer by which a resident who stores the scan lets the service keep what they
    /// want to learn, when and in which wijk, to plan training groups and tell them of one
    /// near them (`crate::insight::groups`); erased with the scan.
    #[serde(default)]
    pub group_consent: Option<CountConsent>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CountConsent {
    pub item: String,
    pub value: String,
}

impl Definition {
    /// Whether these answers let the scan count towards the neighbourhood's figures.
    pub fn counts_anonymously(&self, answers: &serde_json::Map<String, Value>) -> bool {
        Self::consents(&self.count_consent, answers)
    }

    /// Whether these answers let a stored scan keep its learning wish for training groups.
    pub fn wants_group_notice(&self, answers: &serde_json::Map<String, Value>) -> bool {
        Self::consents(&self.group_consent, answers)
    }

    fn consents(c: &Option<CountConsent>, answers: &serde_json::Map<String, Value>) -> bool {
        c.as_ref().is_some_and(|c| {
            answers.get(&c.item).and_then(|v| v.as_str()) == Some(c.value.as_str())
        })
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub intro: Option<Text>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemType {
    Single,
    Multi,
    Likert,
    Number,
    Slots,
    Place,
    Text,
}

/// One question: what every question has, and what its kind of answer needs.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Item {
    pub id: String,
    #[serde(default)]
    pub required: bool,
    pub text: Text,
    #[serde(default)]
    pub help: Option<Text>,
    #[serde(flatten)]
    pub answer: Answer,
}

/// The kind of answer a question takes, with exactly the fields that kind needs (`type` in
/// the definition's YAML); a field another kind uses is refused when the file is read.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum Answer {
    Single {
        options: Vec<OptionDef>,
    },
    Multi {
        options: Vec<OptionDef>,
        #[serde(default)]
        min: Option<f64>,
        #[serde(default)]
        max: Option<f64>,
    },
    Likert {
        scale: Scale,
        feeds: Vec<Feed>,
    },
    Number {
        min: f64,
        max: f64,
        #[serde(default)]
        step: Option<f64>,
        #[serde(default)]
        unit: Option<Text>,
        target: String,
    },
    Slots {
        target: String,
    },
    Place {
        target: String,
    },
    Text {
        target: String,
        #[serde(default)]
        max_length: Option<usize>,
    },
}

impl Item {
    pub fn kind(&self) -> ItemType {
        match self.answer {
            Answer::Single { .. } => ItemType::Single,
            Answer::Multi { .. } => ItemType::Multi,
            Answer::Likert { .. } => ItemType::Likert,
            Answer::Number { .. } => ItemType::Number,
            Answer::Slots { .. } => ItemType::Slots,
            Answer::Place { .. } => ItemType::Place,
            Answer::Text { .. } => ItemType::Text,
        }
    }

    /// The options of a choice; none for other kinds.
    pub fn options(&self) -> &[OptionDef] {
        match &self.answer {
            Answer::Single { options } | Answer::Multi { options, .. } => options,
            _ => &[],
        }
    }

    /// The dimensions a Likert item feeds; none for other kinds.
    pub fn feeds(&self) -> &[Feed] {
        match &self.answer {
            Answer::Likert { feeds, .. } => feeds,
            _ => &[],
        }
    }

    /// The persona field a number, slots, place or text answer sets.
    pub fn target(&self) -> Option<&str> {
        match &self.answer {
            Answer::Number { target, .. }
            | Answer::Slots { target }
            | Answer::Place { target }
            | Answer::Text { target, .. } => Some(target),
            _ => None,
        }
    }

    /// The most a multiple choice or number answer may be.
    pub fn max(&self) -> Option<f64> {
        match self.answer {
            Answer::Multi { max, .. } => max,
            Answer::Number { max, .. } => Some(max),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    pub value: String,
    pub label: Text,
    #[serde(default)]
    pub effects: Vec<Effect>,
    #[serde(default)]
    pub exclusive: bool,
}

/// What choosing an option does to the persona.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    /// Contribute `value` (0–1) with `weight` to a numeric dimension.
    #[serde(default)]
    pub score: Option<String>,
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub weight: Option<f64>,
    /// Set a persona field to `to`.
    #[serde(default)]
    pub set: Option<String>,
    #[serde(default)]
    pub to: Option<Value>,
    /// Add a taxonomy id (`id`) to `interests`, `skills` or `learning_goals`.
    #[serde(default)]
    pub add: Option<String>,
    #[serde(default)]
    pub id: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Feed {
    pub dim: String,
    #[serde(default = "one")]
    pub weight: f64,
    #[serde(default)]
    pub reverse: bool,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: i64,
    pub max: i64,
    #[serde(default)]
    pub labels: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ArchetypeDef {
    pub id: String,
    pub label: Text,
    pub description: Text,
    pub signature: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Bands {
    pub low: Text,
    pub mid: Text,
    pub high: Text,
}

/// Numeric dimensions an answer can score on.
pub const NUMERIC_DIMS: [&str; 10] = [
    "kkwz.kennen",
    "kkwz.kunnen",
    "kkwz.willen",
    "kkwz.zijn",
    "motivation.values",
    "motivation.understanding",
    "motivation.social",
    "motivation.career",
    "motivation.protective",
    "motivation.enhancement",
];

/// Persona fields an option may `set`, checked by applying the value to a persona.
pub const SET_FIELDS: [&str; 16] = [
    "work_goal",
    "availability.frequency",
    "availability.hours_per_week",
    "travel.radius_km",
    "travel.mode",
    "needs.allowance",
    "needs.certificate",
    "needs.guidance",
    "needs.first_step",
    "needs.no_training",
    "constraints.physical_load",
    "constraints.language_level",
    "constraints.childcare",
    "constraints.wheelchair",
    "situation.age_band",
    "situation.on_benefit",
];

/// Fields the matcher filters on: only an answer may set them, never a default.
pub const LIMIT_FIELDS: [&str; 6] = [
    "availability.frequency",
    "availability.hours_per_week",
    "travel.radius_km",
    "constraints.physical_load",
    "constraints.language_level",
    "situation.age_band",
];

/// Why a value cannot be set on a persona field.
#[derive(Debug, thiserror::Error)]
pub enum SetError {
    #[error("unknown field {0:?}")]
    UnknownField(String),
    #[error(transparent)]
    Value(#[from] serde_json::Error),
}

/// A problem with one part of a definition, in words for its author.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Invalid(String);

impl From<&str> for Invalid {
    fn from(s: &str) -> Self {
        Invalid(s.to_string())
    }
}

/// Sets one persona field from a JSON value; the error says why the value does not fit.
pub fn apply_set(p: &mut Persona, field: &str, v: &Value) -> Result<(), SetError> {
    fn de<T: serde::de::DeserializeOwned>(v: &Value) -> Result<T, SetError> {
        Ok(serde_json::from_value(v.clone())?)
    }
    match field {
        "work_goal" => p.work_goal = de(v)?,
        "availability.frequency" => p.availability.frequency = Some(de(v)?),
        "availability.hours_per_week" => p.availability.hours_per_week = Some(de(v)?),
        "travel.radius_km" => p.travel.radius_km = Some(de(v)?),
        "travel.mode" => p.travel.mode = de(v)?,
        "needs.allowance" => p.needs.allowance = de(v)?,
        "needs.certificate" => p.needs.certificate = de(v)?,
        "needs.guidance" => p.needs.guidance = de(v)?,
        "needs.first_step" => p.needs.first_step = de(v)?,
        "needs.no_training" => p.needs.no_training = de(v)?,
        "constraints.physical_load" => p.constraints.physical_load = Some(de(v)?),
        "constraints.language_level" => p.constraints.language_level = Some(de(v)?),
        "constraints.childcare" => p.constraints.childcare = de(v)?,
        "constraints.wheelchair" => p.constraints.wheelchair = de(v)?,
        "situation.age_band" => p.situation.age_band = de(v)?,
        "situation.on_benefit" => p.situation.on_benefit = de(v)?,
        other => return Err(SetError::UnknownField(other.to_string())),
    }
    Ok(())
}

const TARGETS: [(ItemType, &str); 5] = [
    (ItemType::Slots, "availability.slots"),
    (ItemType::Place, "travel.origin"),
    (ItemType::Text, "words"),
    (ItemType::Number, "availability.hours_per_week"),
    (ItemType::Number, "travel.radius_km"),
];

impl Definition {
    pub fn from_yaml(src: &str) -> Result<Self, serde_norway::Error> {
        serde_norway::from_str(src)
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    pub fn has_lang(&self, lang: Lang) -> bool {
        self.languages.iter().any(|l| l == lang.code())
    }

    /// Every problem in the definition, so an editor can fix them in one go.
    pub fn check(&self, tax: &Taxonomies) -> Vec<String> {
        let mut errs = Vec::new();
        let langs = &self.languages;
        if langs.is_empty() {
            errs.push("languages: list at least one language".into());
        }
        for l in langs {
            if Lang::parse(l).is_none() {
                errs.push(format!("languages: {l:?} is not supported (nl, en)"));
            }
        }
        let text = |errs: &mut Vec<String>, at: &str, t: &Text| {
            for l in langs {
                match t.get(l) {
                    Some(s) if !s.trim().is_empty() => {}
                    _ => errs.push(format!("{at}: missing or empty text for language {l:?}")),
                }
            }
        };
        text(&mut errs, "title", &self.title);
        text(&mut errs, "intro", &self.intro);
        for (name, c) in [
            ("count_consent", &self.count_consent),
            ("group_consent", &self.group_consent),
        ] {
            let Some(c) = c else { continue };
            match self.items().find(|i| i.id == c.item) {
                None => errs.push(format!("{name}: no item {:?}", c.item)),
                Some(i) if i.required || i.kind() != ItemType::Single => errs.push(format!(
                    "{name}: {:?} must be an optional single choice (consent is never forced)",
                    c.item
                )),
                Some(i) if !i.options().iter().any(|o| o.value == c.value) => {
                    errs.push(format!("{name}: {:?} has no option {:?}", c.item, c.value))
                }
                Some(_) => {}
            }
        }
        if let Some(t) = &self.kkwz_unknown {
            text(&mut errs, "kkwz_unknown", t);
        }
        for (field, v) in &self.defaults {
            let mut p = Persona::default();
            if let Err(e) = apply_set(&mut p, field, v) {
                errs.push(format!("defaults.{field}: {e}"));
            }
            if LIMIT_FIELDS.contains(&field.as_str()) {
                errs.push(format!(
                    "defaults.{field}: a limit cannot have a default; a skipped question must stay unknown"
                ));
            }
        }
        let mut section_ids = HashSet::new();
        let mut item_ids = HashSet::new();
        for s in &self.sections {
            if !section_ids.insert(&s.id) {
                errs.push(format!("section {:?}: duplicate id", s.id));
            }
            text(&mut errs, &format!("section {}.title", s.id), &s.title);
            for it in &s.items {
                let at = format!("item {:?}", it.id);
                if !valid_id(&it.id) {
                    errs.push(format!(
                        "{at}: id must be lowercase letters, digits and '-'"
                    ));
                }
                if !item_ids.insert(&it.id) {
                    errs.push(format!("{at}: duplicate id"));
                }
                text(&mut errs, &format!("{at}.text"), &it.text);
                if let Some(h) = &it.help {
                    text(&mut errs, &format!("{at}.help"), h);
                }
                self.check_item(it, tax, &mut errs, &at, &text);
            }
        }
        if item_ids.is_empty() {
            errs.push("sections: the questionnaire has no items".into());
        }
        let mut arch_ids = HashSet::new();
        for a in &self.archetypes {
            let at = format!("archetype {:?}", a.id);
            if !arch_ids.insert(&a.id) {
                errs.push(format!("{at}: duplicate id"));
            }
            text(&mut errs, &format!("{at}.label"), &a.label);
            text(&mut errs, &format!("{at}.description"), &a.description);
            for key in a.signature.keys() {
                if let Err(e) = check_signature_key(key, tax) {
                    errs.push(format!("{at}.signature: {e}"));
                }
            }
        }
        for (dim, b) in &self.kkwz_texts {
            if !crate::persona::KKWZ_DIMS.contains(&dim.as_str()) {
                errs.push(format!("kkwz_texts: unknown dimension {dim:?}"));
            }
            for (band, t) in [("low", &b.low), ("mid", &b.mid), ("high", &b.high)] {
                text(&mut errs, &format!("kkwz_texts.{dim}.{band}"), t);
            }
        }
        errs
    }

    fn check_item(
        &self,
        it: &Item,
        tax: &Taxonomies,
        errs: &mut Vec<String>,
        at: &str,
        text: &dyn Fn(&mut Vec<String>, &str, &Text),
    ) {
        match &it.answer {
            Answer::Single { options } | Answer::Multi { options, .. } => {
                if options.is_empty() {
                    errs.push(format!("{at}: a {:?} item needs options", it.kind()));
                }
                let mut values = HashSet::new();
                for o in options {
                    let oat = format!("{at} option {:?}", o.value);
                    if !values.insert(&o.value) {
                        errs.push(format!("{oat}: duplicate value"));
                    }
                    if o.label.is_empty() {
                        errs.push(format!("{oat}: option without a label"));
                    }
                    text(errs, &format!("{oat}.label"), &o.label);
                    for e in &o.effects {
                        if let Err(msg) = check_effect(e, tax) {
                            errs.push(format!("{oat}: {msg}"));
                        }
                    }
                }
            }
            Answer::Likert { scale: s, feeds } => {
                if s.min < s.max {
                    for (l, labels) in &s.labels {
                        if labels.len() as i64 != s.max - s.min + 1 {
                            errs.push(format!(
                                "{at}.scale.labels.{l}: needs {} labels",
                                s.max - s.min + 1
                            ));
                        }
                    }
                } else {
                    errs.push(format!("{at}: a likert item needs scale with min < max"));
                }
                if feeds.is_empty() {
                    errs.push(format!(
                        "{at}: a likert item must feed at least one dimension"
                    ));
                }
                for f in feeds {
                    if !NUMERIC_DIMS.contains(&f.dim.as_str()) {
                        errs.push(format!("{at}: unknown dimension {:?}", f.dim));
                    }
                    if f.weight.is_nan() || f.weight <= 0.0 {
                        errs.push(format!("{at}: weight must be positive"));
                    }
                }
            }
            Answer::Number { min, max, unit, .. } => {
                if min > max {
                    errs.push(format!("{at}: a number item needs min <= max"));
                }
                if let Some(u) = unit {
                    text(errs, &format!("{at}.unit"), u);
                }
            }
            Answer::Slots { .. } | Answer::Place { .. } | Answer::Text { .. } => {}
        }
        if let Some(t) = it.target() {
            if !TARGETS.iter().any(|(k, f)| *k == it.kind() && *f == t) {
                errs.push(format!("{at}: a {:?} item cannot target {t:?}", it.kind()));
            }
        }
    }
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn check_effect(e: &Effect, tax: &Taxonomies) -> Result<(), Invalid> {
    let kinds = [e.score.is_some(), e.set.is_some(), e.add.is_some()]
        .iter()
        .filter(|b| **b)
        .count();
    if kinds != 1 {
        return Err("an effect needs exactly one of score, set, add".into());
    }
    if let Some(dim) = &e.score {
        if !NUMERIC_DIMS.contains(&dim.as_str()) {
            return Err(Invalid(format!("unknown dimension {dim:?}")));
        }
        match e.value {
            Some(v) if (0.0..=1.0).contains(&v) => {}
            _ => {
                return Err(Invalid(format!(
                    "score {dim}: value must be between 0 and 1"
                )))
            }
        }
        if e.weight.is_some_and(|w| w.is_nan() || w <= 0.0) {
            return Err(Invalid(format!("score {dim}: weight must be positive")));
        }
    }
    if let Some(field) = &e.set {
        if !SET_FIELDS.contains(&field.as_str()) {
            return Err(Invalid(format!("unknown field {field:?}")));
        }
        let v = e.to.clone().unwrap_or(Value::Null);
        let mut p = Persona::default();
        apply_set(&mut p, field, &v).map_err(|m| Invalid(format!("set {field}: {m}")))?;
    }
    if let Some(list) = &e.add {
        let id = e.id.as_deref().ok_or("add needs an id")?;
        let known = match list.as_str() {
            "interests" => tax.categories.contains(id),
            "skills" | "learning_goals" => tax.skills.contains(id),
            other => return Err(Invalid(format!("cannot add to {other:?}"))),
        };
        if !known {
            return Err(Invalid(format!("add {list}: unknown id {id:?}")));
        }
    }
    Ok(())
}

fn check_signature_key(key: &str, tax: &Taxonomies) -> Result<(), Invalid> {
    let (kind, id) = key
        .split_once('.')
        .ok_or_else(|| Invalid(format!("{key:?} is not kind.id")))?;
    let ok = match kind {
        "motivation" | "kkwz" => NUMERIC_DIMS.contains(&key),
        "interest" => tax.categories.contains(id),
        "skill" | "learn" => tax.skills.contains(id),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Invalid(format!("unknown dimension {key:?}")))
    }
}

/// Questionnaire definitions that cannot be used: every problem, each with its file.
#[derive(Debug, thiserror::Error)]
#[error("{}", problems.join("\n"))]
pub struct DefinitionError {
    pub problems: Vec<String>,
}

impl DefinitionError {
    fn one(problem: String) -> Self {
        Self {
            problems: vec![problem],
        }
    }

    /// Whether any problem mentions `text` (for callers and tests that look for one).
    pub fn contains(&self, text: &str) -> bool {
        self.problems.iter().any(|p| p.contains(text))
    }
}

/// All questionnaire definitions the service knows, by id and version.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    defs: Vec<Definition>,
}

impl Registry {
    /// The definitions built into the binary.
    pub fn embedded(tax: &Taxonomies) -> Result<Self, DefinitionError> {
        Self::from_sources(
            [(
                "questionnaires/talentscan/v1.yaml".to_string(),
                include_str!("../../questionnaires/talentscan/v1.yaml").to_string(),
            )],
            tax,
        )
    }

    /// Every `*/v*.yaml` below `dir`, for deployments that edit questionnaires without a
    /// rebuild.
    pub fn from_dir(dir: &Path, tax: &Taxonomies) -> Result<Self, DefinitionError> {
        let mut sources = Vec::new();
        let rd = std::fs::read_dir(dir)
            .map_err(|e| DefinitionError::one(format!("{}: {e}", dir.display())))?;
        for entry in rd.flatten() {
            if !entry.path().is_dir() {
                continue;
            }
            for f in std::fs::read_dir(entry.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let p = f.path();
                if p.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                    let src = std::fs::read_to_string(&p)
                        .map_err(|e| DefinitionError::one(format!("{}: {e}", p.display())))?;
                    sources.push((p.display().to_string(), src));
                }
            }
        }
        sources.sort();
        Self::from_sources(sources, tax)
    }

    pub fn from_sources(
        sources: impl IntoIterator<Item = (String, String)>,
        tax: &Taxonomies,
    ) -> Result<Self, DefinitionError> {
        let mut defs: Vec<Definition> = Vec::new();
        let mut errs = Vec::new();
        for (name, src) in sources {
            match Definition::from_yaml(&src) {
                Ok(d) => {
                    for e in d.check(tax) {
                        errs.push(format!("{name}: {e}"));
                    }
                    if defs.iter().any(|x| x.id == d.id && x.version == d.version) {
                        errs.push(format!("{name}: {} v{} is defined twice", d.id, d.version));
                    }
                    defs.push(d);
                }
                Err(e) => errs.push(format!("{name}: {e}")),
            }
        }
        if errs.is_empty() {
            Ok(Self { defs })
        } else {
            Err(DefinitionError { problems: errs })
        }
    }

    pub fn all(&self) -> &[Definition] {
        &self.defs
    }

    /// A given version, or the newest when `version` is `None`.
    pub fn get(&self, id: &str, version: Option<u32>) -> Option<&Definition> {
        self.defs
            .iter()
            .filter(|d| d.id == id && version.is_none_or(|v| v == d.version))
            .max_by_key(|d| d.version)
    }
}

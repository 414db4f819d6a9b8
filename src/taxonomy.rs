//! Taxonomies (categories, skills, training topics, slots) loaded from `data/`.
//!
//! They are data, not code: a city can add a category by editing a JSON file. They are
//! embedded in the binary so a deployment carries a consistent set.
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One entry of a taxonomy: a stable id, Dutch and English labels and search synonyms.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Term {
    pub id: String,
    pub nl: String,
    pub en: String,
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// What a task in this category typically offers, as Volunteer Functions Inventory
    /// functions; used when a publisher does not say what a task offers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<String>,
    /// A skill that is a legal permit (a driving licence), not a talent: a task or training
    /// that lists it requires it, and a person has it only when they said so.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub permit: bool,
    /// For a training topic: the permits (skill ids) a person must hold to take it
    /// ("safe driving with passengers" is for drivers).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
    /// For a training topic tied to a field of work: the categories whose tasks it serves
    /// (food safety serves cooking). Empty: it serves any task (first aid, communication).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// For a training topic that serves the person's own goal (learning Dutch), not a task:
    /// such a course is shown for a learning goal or because a task needs it, never as
    /// "useful for" a task.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub personal: bool,
    /// For a training topic that is a document to apply for (a certificate of conduct),
    /// not something to learn: never named as "new to learn".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub document: bool,
}

impl Term {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// A taxonomy file that cannot be used: which file, and why.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct TaxonomyError {
    pub file: &'static str,
    pub message: String,
}

fn bad(file: &'static str, message: impl Into<String>) -> TaxonomyError {
    TaxonomyError {
        file,
        message: message.into(),
    }
}

/// The languages residents can read the service in. Dutch is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
}

/// An id listed twice in a taxonomy.
#[derive(Debug, thiserror::Error)]
#[error("id {0:?} occurs twice")]
pub struct DuplicateId(pub String);

/// An ordered taxonomy with lookup by id; the position is the column index the matcher uses.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    pub terms: Vec<Term>,
    index: HashMap<String, usize>,
}

impl Vocabulary {
    /// The error is the first id that occurs twice.
    pub fn new(terms: Vec<Term>) -> Result<Self, DuplicateId> {
        let mut index = HashMap::new();
        for (i, t) in terms.iter().enumerate() {
            if index.insert(t.id.clone(), i).is_some() {
                return Err(DuplicateId(t.id.clone()));
            }
        }
        Ok(Self { terms, index })
    }
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }
    pub fn get(&self, id: &str) -> Option<&Term> {
        self.position(id).map(|i| &self.terms[i])
    }
    pub fn len(&self) -> usize {
        self.terms.len()
    }
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
    pub fn label<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.get(id).map(|t| t.label(lang)).unwrap_or(id)
    }
}

pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
pub const PARTS: [&str; 3] = ["morning", "afternoon", "evening"];
const DAYS_NL: [&str; 7] = [
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];
const DAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const PARTS_NL: [&str; 3] = ["ochtend", "middag", "avond"];
const PARTS_EN: [&str; 3] = ["morning", "afternoon", "evening"];

/// A part of a day in the week (`thu-afternoon`): the unit of availability.
///
/// Stored as an index 0..21 so a set of slots fits in one `u32` bitmask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slot(u8);

impl Slot {
    pub const COUNT: usize = 21;
    pub fn parse(s: &str) -> Option<Slot> {
        let (day, part) = s.split_once('-')?;
        let d = DAYS.iter().position(|x| *x == day)?;
        let p = PARTS.iter().position(|x| *x == part)?;
        Some(Slot((d * 3 + p) as u8))
    }
    pub fn all() -> impl Iterator<Item = Slot> {
        (0..Self::COUNT as u8).map(Slot)
    }
    pub fn index(self) -> usize {
        self.0 as usize
    }
    pub fn id(self) -> String {
        format!(
            "{}-{}",
            DAYS[self.0 as usize / 3],
            PARTS[self.0 as usize % 3]
        )
    }
    /// "donderdagmiddag" / "Thursday afternoon"
    pub fn label(self, lang: Lang) -> String {
        let (d, p) = (self.0 as usize / 3, self.0 as usize % 3);
        match lang {
            Lang::Nl => format!("{}{}", DAYS_NL[d], PARTS_NL[p]),
            Lang::En => format!("{} {}", DAYS_EN[d], PARTS_EN[p]),
        }
    }
    pub fn bit(self) -> u32 {
        1 << self.0
    }
}

/// A set of slots as a bitmask; empty means "no fixed moment".
pub fn slot_mask<'a>(ids: impl IntoIterator<Item = &'a String>) -> u32 {
    ids.into_iter()
        .filter_map(|s| Slot::parse(s))
        .fold(0, |m, s| m | s.bit())
}

pub fn mask_slots(mask: u32) -> Vec<Slot> {
    Slot::all().filter(|s| mask & s.bit() != 0).collect()
}

#[derive(Debug, Deserialize)]
struct CategoriesFile {
    categories: Vec<Term>,
}
#[derive(Debug, Deserialize)]
struct SkillsFile {
    skills: Vec<Term>,
}
#[derive(Debug, Deserialize)]
struct TopicsFile {
    topics: Vec<Term>,
}

/// Every taxonomy the service knows.
#[derive(Debug, Clone)]
pub struct Taxonomies {
    pub categories: Vocabulary,
    pub skills: Vocabulary,
    pub topics: Vocabulary,
    /// The permit skills, in order: a person's or a task's permits are a bit set over it.
    pub permits: Vec<String>,
}

/// The matcher keeps permits in four bits of a task's gate.
pub const MAX_PERMITS: usize = 4;

/// The six functions of the Volunteer Functions Inventory (Clary et al. 1998), in a fixed
/// order: the motivation vector and the task "offers" vector use it.
pub const MOTIVES: [&str; 6] = [
    "values",
    "understanding",
    "social",
    "career",
    "protective",
    "enhancement",
];

pub fn motive_position(id: &str) -> Option<usize> {
    MOTIVES.iter().position(|m| *m == id)
}

impl Taxonomies {
    pub fn embedded() -> Result<Self, TaxonomyError> {
        Self::from_json(
            include_str!("../data/categories.json"),
            include_str!("../data/skills.json"),
            include_str!("../data/training_topics.json"),
        )
    }

    pub fn from_json(categories: &str, skills: &str, topics: &str) -> Result<Self, TaxonomyError> {
        const CATEGORIES: &str = "categories.json";
        const SKILLS: &str = "skills.json";
        const TOPICS: &str = "training_topics.json";
        let c: CategoriesFile =
            serde_json::from_str(categories).map_err(|e| bad(CATEGORIES, e.to_string()))?;
        let s: SkillsFile = serde_json::from_str(skills).map_err(|e| bad(SKILLS, e.to_string()))?;
        let t: TopicsFile = serde_json::from_str(topics).map_err(|e| bad(TOPICS, e.to_string()))?;
        for cat in &c.categories {
            for o in &cat.offers {
                if motive_position(o).is_none() {
                    return Err(bad(
                        CATEGORIES,
                        format!("category {:?} offers unknown function {o:?}", cat.id),
                    ));
                }
            }
        }
        let permits: Vec<String> = s
            .skills
            .iter()
            .filter(|x| x.permit)
            .map(|x| x.id.clone())
            .collect();
        if permits.len() > MAX_PERMITS {
            return Err(bad(
                SKILLS,
                format!(
                    "at most {MAX_PERMITS} skills can be permits, not {}",
                    permits.len()
                ),
            ));
        }
        for topic in &t.topics {
            for cat in &topic.categories {
                if !c.categories.iter().any(|x| &x.id == cat) {
                    return Err(bad(
                        TOPICS,
                        format!("topic {:?} serves unknown category {cat:?}", topic.id),
                    ));
                }
            }
            for r in &topic.requires {
                if !permits.contains(r) {
                    return Err(bad(
                        TOPICS,
                        format!(
                            "topic {:?} requires {r:?}, which is not a permit skill",
                            topic.id
                        ),
                    ));
                }
            }
        }
        let dup = |file| move |e: DuplicateId| bad(file, e.to_string());
        Ok(Self {
            categories: Vocabulary::new(c.categories).map_err(dup(CATEGORIES))?,
            skills: Vocabulary::new(s.skills).map_err(dup(SKILLS))?,
            topics: Vocabulary::new(t.topics).map_err(dup(TOPICS))?,
            permits,
        })
    }

    /// The permits among `skills`, as a bit set over `permits`.
    pub fn permit_bits<'a>(&self, skills: impl IntoIterator<Item = &'a String>) -> u8 {
        skills
            .into_iter()
            .filter_map(|s| self.permits.iter().position(|p| p == s))
            .fold(0, |m, i| m | (1 << i))
    }

    /// Whether a training on `topics` serves a task in `categories`: none of its topics is
    /// personal, and when one is tied to fields of work, the task is in one of them (a
    /// course on carers' support serves care tasks, whatever else it covers).
    pub fn topics_fit(&self, topics: &[String], categories: &[String]) -> bool {
        let terms: Vec<&Term> = topics.iter().filter_map(|t| self.topics.get(t)).collect();
        if terms.iter().any(|t| t.personal) {
            return false;
        }
        let mut tied = terms.iter().filter(|t| !t.categories.is_empty()).peekable();
        tied.peek().is_none() || tied.any(|t| t.categories.iter().any(|c| categories.contains(c)))
    }

    /// The permits a task asks: those it names, a permit it lists as a skill, and those
    /// the courses it requires are for (a task that needs the course for drivers needs a
    /// licence).
    pub fn task_permit_ids<'a>(
        &'a self,
        required: &'a [String],
        skills: &'a [String],
        trainings: &'a [String],
    ) -> Vec<&'a String> {
        let mut out: Vec<&String> = required
            .iter()
            .chain(skills)
            .chain(
                trainings
                    .iter()
                    .filter_map(|t| self.topics.get(t))
                    .flat_map(|t| t.requires.iter()),
            )
            .filter(|s| self.permits.contains(s))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The permits a training asks: those its topics require and those among its skills.
    pub fn training_permit_bits(&self, topics: &[String], skills: &[String]) -> u8 {
        let from_topics = topics
            .iter()
            .filter_map(|t| self.topics.get(t))
            .fold(0, |m, t| m | self.permit_bits(&t.requires));
        from_topics | self.permit_bits(skills)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_round_trip_and_label_in_dutch() {
        let s = Slot::parse("thu-afternoon").unwrap();
        assert_eq!(s.id(), "thu-afternoon");
        assert_eq!(s.label(Lang::Nl), "donderdagmiddag");
        assert!(Slot::parse("thu-night").is_none());
        assert!(Slot::parse("thursday-afternoon").is_none());
        assert_eq!(Slot::all().count(), 21);
    }

    #[test]
    fn embedded_taxonomies_load() {
        let t = Taxonomies::embedded().unwrap();
        assert!(t.categories.contains("zorg-welzijn"));
        assert!(t.skills.contains("koken"));
        assert!(t.topics.contains("haccp"));
        assert_eq!(t.permits, ["autorijden"]);
        assert_eq!(t.training_permit_bits(&["rijvaardigheid".into()], &[]), 1);
    }
}

//! The persona: what the Talent Scan learned about a person, and what the matcher ranks for.
//!
//! Its JSON is the public contract between the scan, the front-end and the matcher. Fields
//! are only ever added. Domain types parse rather than validate: a `Slot`, a `RadiusKm` or a
//! `WorkGoal` cannot hold a bad value, so the matcher never has to check again.
use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use utoipa::ToSchema;

use crate::geo::LatLon;
use crate::taxonomy::{Slot, MOTIVES};

impl Serialize for Slot {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.id())
    }
}

impl<'de> Deserialize<'de> for Slot {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Slot::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown slot {s:?}: use mon..sun with -morning, -afternoon or -evening, e.g. thu-afternoon"
            ))
        })
    }
}

/// A number outside the range its kind allows.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{what} must be between {min} and {max}")]
pub struct OutOfRange {
    pub what: &'static str,
    pub min: f64,
    pub max: f64,
}

macro_rules! bounded_number {
    ($(#[$m:meta])* $name:ident, $min:expr, $max:expr, $what:expr) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
        #[serde(try_from = "f64", into = "f64")]
        pub struct $name(f64);

        impl $name {
            pub const MIN: f64 = $min;
            pub const MAX: f64 = $max;
            pub fn get(self) -> f64 {
                self.0
            }
        }

        impl TryFrom<f64> for $name {
            type Error = OutOfRange;
            fn try_from(v: f64) -> Result<Self, OutOfRange> {
                if v.is_finite() && ($min..=$max).contains(&v) {
                    Ok(Self(v))
                } else {
                    Err(OutOfRange { what: $what, min: $min, max: $max })
                }
            }
        }

        impl From<$name> for f64 {
            fn from(v: $name) -> f64 {
                v.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

bounded_number!(
    /// How far a person will travel, in km. More than 100 km is not "close to home".
    RadiusKm, 0.1, 100.0, "radius_km"
);
bounded_number!(
    /// Hours a week a person offers or a task asks.
    HoursPerWeek, 0.0, 80.0, "hours_per_week"
);
bounded_number!(
    /// A 0–100 score on one of the Kennen-Kunnen-Willen-Zijn dimensions.
    Score100, 0.0, 100.0, "a KKWZ score"
);
bounded_number!(
    /// A 0–1 weight or strength.
    Unit, 0.0, 1.0, "a weight"
);

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($var:ident => $s:tt),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
        pub enum $name {
            $(#[serde(rename = $s)] $var),+
        }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$var => $s),+ }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($s => Some($name::$var),)+ _ => None }
            }
            pub fn rank(self) -> usize {
                Self::ALL.iter().position(|x| *x == self).unwrap_or(0)
            }
        }
    };
}

string_enum!(
    /// The person's own goal toward paid work. Only `preparing` and `searching` let work
    /// experience count in the ranking: nobody is pushed toward work they did not ask for.
    WorkGoal {
        NotForMe => "not_for_me",
        NotNow => "not_now",
        Exploring => "exploring",
        Preparing => "preparing",
        Searching => "searching",
    }
);
string_enum!(
    /// How often; ordered from most to least demanding.
    Frequency {
        Weekly => "weekly",
        Biweekly => "biweekly",
        Monthly => "monthly",
        Occasional => "occasional",
        Once => "once",
    }
);
string_enum!(
    TravelMode {
        Walk => "walk",
        Bike => "bike",
        PublicTransport => "public_transport",
        Car => "car",
    }
);
string_enum!(
    /// Physical load, ordered: a person who can carry `medium` can do `low` and `medium`.
    Load {
        Low => "low",
        Medium => "medium",
        High => "high",
    }
);
string_enum!(
    /// CEFR level of Dutch, ordered.
    LanguageLevel {
        A2 => "A2",
        B1 => "B1",
        B2 => "B2",
        C1 => "C1",
    }
);
string_enum!(
    Guidance {
        Low => "low",
        Medium => "medium",
        High => "high",
    }
);
string_enum!(
    /// Age bands that decide allowance rules, school internships and instapwerk (27+).
    AgeBand {
        Under18 => "under_18",
        From18To20 => "18_20",
        From21To26 => "21_26",
        From27To66 => "27_66",
        From67 => "67_plus",
    }
);

impl Frequency {
    /// Times a month, to compare commitments.
    pub fn per_month(self) -> f64 {
        match self {
            Frequency::Weekly => 4.0,
            Frequency::Biweekly => 2.0,
            Frequency::Monthly => 1.0,
            Frequency::Occasional => 0.5,
            Frequency::Once => 0.1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct Kkwz {
    #[schema(value_type = f64, minimum = 0, maximum = 100)]
    pub kennen: Score100,
    #[schema(value_type = f64, minimum = 0, maximum = 100)]
    pub kunnen: Score100,
    #[schema(value_type = f64, minimum = 0, maximum = 100)]
    pub willen: Score100,
    #[schema(value_type = f64, minimum = 0, maximum = 100)]
    pub zijn: Score100,
}

impl Default for Kkwz {
    fn default() -> Self {
        let mid = Score100(50.0);
        Self {
            kennen: mid,
            kunnen: mid,
            willen: mid,
            zijn: mid,
        }
    }
}

impl Kkwz {
    pub fn from_values(k: [f64; 4]) -> Self {
        let c = |v: f64| Score100(v.clamp(0.0, 100.0).round());
        Self {
            kennen: c(k[0]),
            kunnen: c(k[1]),
            willen: c(k[2]),
            zijn: c(k[3]),
        }
    }
    pub fn get(&self, dim: &str) -> Option<f64> {
        match dim {
            "kennen" => Some(self.kennen.get()),
            "kunnen" => Some(self.kunnen.get()),
            "willen" => Some(self.willen.get()),
            "zijn" => Some(self.zijn.get()),
            _ => None,
        }
    }
}

pub const KKWZ_DIMS: [&str; 4] = ["kennen", "kunnen", "willen", "zijn"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct KkwzExplanation {
    pub kennen: String,
    pub kunnen: String,
    pub willen: String,
    pub zijn: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Archetype {
    pub id: String,
    pub label: String,
    pub description: String,
}

/// Strength of each Volunteer Functions Inventory motive, 0–1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct Motivations {
    #[schema(value_type = f64)]
    pub values: Unit,
    #[schema(value_type = f64)]
    pub understanding: Unit,
    #[schema(value_type = f64)]
    pub social: Unit,
    #[schema(value_type = f64)]
    pub career: Unit,
    #[schema(value_type = f64)]
    pub protective: Unit,
    #[schema(value_type = f64)]
    pub enhancement: Unit,
}

impl Default for Motivations {
    fn default() -> Self {
        Self::from_array([0.5; 6])
    }
}

impl Motivations {
    pub fn from_array(v: [f64; 6]) -> Self {
        let u = |x: f64| Unit((x.clamp(0.0, 1.0) * 100.0).round() / 100.0);
        Self {
            values: u(v[0]),
            understanding: u(v[1]),
            social: u(v[2]),
            career: u(v[3]),
            protective: u(v[4]),
            enhancement: u(v[5]),
        }
    }
    /// In the order of `taxonomy::MOTIVES`.
    pub fn to_array(&self) -> [f64; 6] {
        [
            self.values.get(),
            self.understanding.get(),
            self.social.get(),
            self.career.get(),
            self.protective.get(),
            self.enhancement.get(),
        ]
    }
    pub fn get(&self, id: &str) -> Option<f64> {
        MOTIVES
            .iter()
            .position(|m| *m == id)
            .map(|i| self.to_array()[i])
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct Availability {
    /// Empty means "any moment": no slot constraint.
    #[schema(value_type = Vec<String>, example = json!(["thu-afternoon"]))]
    pub slots: Vec<Slot>,
    /// Absent means no hours limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<f64>)]
    pub hours_per_week: Option<HoursPerWeek>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency: Option<Frequency>,
}

/// Where a person travels from: a point (given, or found for their postcode or wijk) with
/// the place names known for it, or a postcode or wijk not yet looked up. Reading a persona
/// (`api::source::complete`, the scoring of a place answer) looks it up, so the matcher
/// always sees a point or nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "OriginFields", into = "OriginFields")]
pub enum Origin {
    At {
        point: LatLon,
        postcode: Option<String>,
        wijk: Option<String>,
    },
    Postcode(String),
    Wijk(String),
}

impl Origin {
    pub fn point(&self) -> Option<LatLon> {
        match self {
            Origin::At { point, .. } => Some(*point),
            _ => None,
        }
    }
}

/// An origin as JSON: `postcode`, `wijk`, or `lat` and `lon` (an answer holds all it knows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Default)]
#[serde(default)]
#[schema(as = Origin)]
pub struct OriginFields {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wijk: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

/// An origin that names no place.
#[derive(Debug, thiserror::Error)]
pub enum OriginError {
    #[error("give both lat and lon")]
    HalfAPoint,
    #[error("give a Den Haag postcode (4 digits), a wijk name, or lat and lon")]
    NoPlace,
}

impl TryFrom<OriginFields> for Origin {
    type Error = OriginError;
    fn try_from(o: OriginFields) -> Result<Self, OriginError> {
        match (o.lat, o.lon, o.postcode, o.wijk) {
            (Some(lat), Some(lon), postcode, wijk) => Ok(Origin::At {
                point: LatLon { lat, lon },
                postcode,
                wijk,
            }),
            (Some(_), None, ..) | (None, Some(_), ..) => Err(OriginError::HalfAPoint),
            (None, None, Some(pc), _) => Ok(Origin::Postcode(pc)),
            (None, None, None, Some(w)) => Ok(Origin::Wijk(w)),
            (None, None, None, None) => Err(OriginError::NoPlace),
        }
    }
}

impl From<Origin> for OriginFields {
    fn from(o: Origin) -> Self {
        match o {
            Origin::At {
                point,
                postcode,
                wijk,
            } => OriginFields {
                postcode,
                wijk,
                lat: Some(point.lat),
                lon: Some(point.lon),
            },
            Origin::Postcode(pc) => OriginFields {
                postcode: Some(pc),
                ..Default::default()
            },
            Origin::Wijk(w) => OriginFields {
                wijk: Some(w),
                ..Default::default()
            },
        }
    }
}

/// An empty origin object is no origin, as it always was.
fn origin_or_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Origin>, D::Error> {
    match Option::<OriginFields>::deserialize(d)? {
        None => Ok(None),
        Some(o) if o == OriginFields::default() => Ok(None),
        Some(o) => Origin::try_from(o)
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct Travel {
    /// Absent means "anywhere": no distance constraint and no distance in the score.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "origin_or_none"
    )]
    #[schema(value_type = Option<OriginFields>)]
    pub origin: Option<Origin>,
    /// How far the person said they will travel. Absent means they did not say: then
    /// nothing is filtered on distance, and nearer tasks still rank higher (an unanswered
    /// question is never a limit).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<f64>, minimum = 0.1, maximum = 100)]
    pub radius_km: Option<RadiusKm>,
    pub mode: TravelMode,
}

impl Default for Travel {
    fn default() -> Self {
        Self {
            origin: None,
            radius_km: None,
            mode: TravelMode::Bike,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(default)]
pub struct Needs {
    pub allowance: bool,
    pub certificate: bool,
    pub guidance: Guidance,
    pub first_step: bool,
    /// The person said they want to learn nothing now ("Nu even niets"): trainings are
    /// then shown only when a task in the advice needs one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub no_training: bool,
}

impl Default for Needs {
    fn default() -> Self {
        Self {
            allowance: false,
            certificate: false,
            guidance: Guidance::Medium,
            first_step: false,
            no_training: false,
        }
    }
}

/// Limits the person named. Absent means "no limit given": nothing is filtered on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct Constraints {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub physical_load: Option<Load>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language_level: Option<LanguageLevel>,
    pub childcare: bool,
    pub wheelchair: bool,
}

/// Optional facts about a person's situation. Each may stay unknown ("zeg ik liever niet").
/// `on_benefit` only adds transparency about allowance rules; it never filters anything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct Situation {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_band: Option<AgeBand>,
    pub on_benefit: Option<bool>,
}

/// A person as the matcher sees them. Every field has a neutral default, so a desk
/// employee can sketch a person without a scan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct Persona {
    pub kkwz: Kkwz,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kkwz_explanation: Option<KkwzExplanation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archetype: Option<Archetype>,
    /// Category id → weight 0–1.
    #[schema(value_type = BTreeMap<String, f64>)]
    pub interests: BTreeMap<String, Unit>,
    pub skills: Vec<String>,
    pub learning_goals: Vec<String>,
    pub motivations: Motivations,
    pub availability: Availability,
    pub travel: Travel,
    pub work_goal: WorkGoal,
    pub needs: Needs,
    pub constraints: Constraints,
    pub situation: Situation,
    /// The dimensions (`kkwz.kunnen`, `motivation.social`, …) no answer fed: their values
    /// are the neutral middle and say nothing about the person.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unknown: Vec<String>,
    /// Free text the person wrote about what they like; feeds full-text relevance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<String>,
}

#[allow(clippy::derivable_impls)]
impl Default for WorkGoal {
    /// Nobody is assumed to look for work.
    fn default() -> Self {
        WorkGoal::NotNow
    }
}

impl Persona {
    /// Low Kennen, a high need for guidance or an explicit wish for a first step: then
    /// an intro meeting, a buddy and a trial period matter more.
    pub fn needs_first_step(&self) -> bool {
        self.needs.first_step
            || self.needs.guidance == Guidance::High
            || self.kkwz.kennen.get() < 40.0
    }
    pub fn wants_work_experience(&self) -> bool {
        matches!(self.work_goal, WorkGoal::Preparing | WorkGoal::Searching)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The documented values of each enum are the ones the service reads and writes (a
    /// macro once hid serde's names from the schema, which then listed `NotNow`).
    #[test]
    fn documented_enum_values_are_the_serialised_ones() {
        fn check<T: Serialize + ToSchema + 'static>(all: &[T]) {
            let doc = serde_json::to_value(T::schema()).unwrap();
            let documented: Vec<String> = serde_json::from_value(doc["enum"].clone()).unwrap();
            let used: Vec<String> = all
                .iter()
                .map(|x| {
                    serde_json::to_value(x)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string()
                })
                .collect();
            assert!(!used.is_empty());
            assert_eq!(documented, used, "{}", T::name());
        }
        check(WorkGoal::ALL);
        check(Frequency::ALL);
        check(TravelMode::ALL);
        check(Load::ALL);
        check(LanguageLevel::ALL);
        check(Guidance::ALL);
        check(AgeBand::ALL);
    }

    #[test]
    fn empty_object_is_a_neutral_persona() {
        let p: Persona = serde_json::from_str("{}").unwrap();
        assert_eq!(p.work_goal, WorkGoal::NotNow);
        assert!(p.availability.slots.is_empty());
        assert_eq!(p.travel.radius_km, None);
        assert_eq!(p.availability.hours_per_week, None);
    }

    #[test]
    fn bad_values_do_not_parse() {
        assert!(serde_json::from_str::<Persona>(r#"{"travel":{"radius_km":-1}}"#).is_err());
        assert!(serde_json::from_str::<Persona>(r#"{"work_goal":"maybe"}"#).is_err());
        assert!(
            serde_json::from_str::<Persona>(r#"{"availability":{"slots":["thu-night"]}}"#).is_err()
        );
        let p: Persona =
            serde_json::from_str(r#"{"availability":{"slots":["thu-afternoon"]}}"#).unwrap();
        assert_eq!(p.availability.slots[0].id(), "thu-afternoon");
    }

    #[test]
    fn ordered_enums_compare_by_demand() {
        assert!(Load::Low < Load::High);
        assert!(LanguageLevel::A2 < LanguageLevel::C1);
        assert_eq!(AgeBand::parse("27_66"), Some(AgeBand::From27To66));
    }
}

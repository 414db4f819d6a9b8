//! Catalog records: organisations, tasks, trainings and roles — the public ingestion
//! contract (fields are only ever added). Each kind parses from JSON into a record that is
//! known to be valid: taxonomy ids exist, places resolve, coordinates are in the
//! Netherlands. Records are stored in sled in this canonical form.
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::fields::{FieldError, Fields};
use crate::geo::{in_netherlands, LatLon, Places};
use crate::persona::{Frequency, LanguageLevel, Load};
use crate::taxonomy::{motive_position, Slot, Taxonomies, Vocabulary};

pub const MAX_ID_LEN: usize = 64;
pub const MAX_TITLE_LEN: usize = 200;
pub const MAX_TEXT_LEN: usize = 5000;
pub const MAX_LIST_LEN: usize = 50;

/// The four kinds of catalog records, as they appear in paths (`/v1/tasks`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Organisations,
    Tasks,
    Trainings,
    Roles,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Organisations,
        Kind::Roles,
        Kind::Tasks,
        Kind::Trainings,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Organisations => "organisations",
            Kind::Tasks => "tasks",
            Kind::Trainings => "trainings",
            Kind::Roles => "roles",
        }
    }
    pub fn parse(s: &str) -> Option<Kind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Default)]
pub struct Contact {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

impl Contact {
    pub fn is_unset(&self) -> bool {
        self.name.is_empty() && self.email.is_none() && self.phone.is_none()
    }
}

/// Where a task or training happens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Location {
    pub wijk: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    pub lat: f64,
    pub lon: f64,
}

impl Location {
    pub fn point(&self) -> LatLon {
        LatLon {
            lat: self.lat,
            lon: self.lon,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub wijk: String,
    pub location: LatLon,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Optional for an organisation; left out when not given, so a stored organisation
    /// validates again when it is sent back (found by the `catalog_record` fuzz target).
    #[serde(default, skip_serializing_if = "Contact::is_unset")]
    pub contact: Contact,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Schedule {
    /// Empty means "no fixed moment" (the person picks).
    #[schema(value_type = Vec<String>)]
    pub slots: Vec<Slot>,
    pub frequency: Frequency,
    /// Average hours a week (a 3-hour task once a month is 0.75).
    pub hours_per_week: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_session: Option<f64>,
    #[serde(default)]
    pub min_months: u32,
    #[serde(default)]
    pub on_call: bool,
    #[serde(default)]
    pub flexible: bool,
    /// First day (YYYY-MM-DD).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "dates::day_opt"
    )]
    #[schema(value_type = Option<String>, format = Date)]
    pub start: Option<time::Date>,
    /// Last day (YYYY-MM-DD); after it the task is not shown.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "dates::day_opt"
    )]
    #[schema(value_type = Option<String>, format = Date)]
    pub end: Option<time::Date>,
}

impl Schedule {
    /// The person chooses the moment: no slot constraint.
    pub fn any_moment(&self) -> bool {
        self.on_call || self.flexible || self.slots.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct Onboarding {
    pub intro_meeting: bool,
    pub buddy: bool,
    pub training_provided: bool,
    pub trial_period: bool,
}

impl Onboarding {
    pub fn support(&self) -> f64 {
        (self.intro_meeting as u8 + self.buddy as u8 + self.trial_period as u8) as f64 / 3.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum AllowanceKind {
    #[default]
    None,
    Expenses,
    VolunteerAllowance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Default)]
pub struct Allowance {
    pub kind: AllowanceKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_hour_eur: Option<f64>,
}

/// What a task requires by law or by its nature, as opposed to skills that are welcome.
/// A required permit (a driving licence) must be one the person said they have; a
/// minimum age excludes people whose stated age band is below it, and is shown as a
/// condition to people who did not give their age.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Requirements {
    /// Permit skills (`permit: true` in the skills taxonomy), e.g. `autorijden`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
    /// Minimum age in years.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(minimum = 12, maximum = 99)]
    pub min_age: Option<u8>,
}

impl Requirements {
    pub fn is_empty(&self) -> bool {
        self.skills.is_empty() && self.min_age.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Task {
    pub id: String,
    pub title: String,
    pub description: String,
    pub organisation_id: String,
    pub categories: Vec<String>,
    pub skills: Vec<String>,
    pub learn_skills: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(default)]
    pub remote: bool,
    pub schedule: Schedule,
    pub physical_load: Load,
    pub language_level: LanguageLevel,
    pub onboarding: Onboarding,
    /// Optional when published; left out when not given (see `Organisation::contact`).
    #[serde(default, skip_serializing_if = "Contact::is_unset")]
    pub contact: Contact,
    pub allowance: Allowance,
    pub certificate: bool,
    pub work_experience: Vec<String>,
    pub required_trainings: Vec<String>,
    /// What a person must have to do the task, apart from what is welcome (`skills`).
    #[serde(default, skip_serializing_if = "Requirements::is_empty")]
    pub requirements: Requirements,
    pub suitable_for: Vec<String>,
    /// What the task gives, as Volunteer Functions Inventory functions.
    pub offers: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_id: Option<String>,
    #[serde(default)]
    pub essential: bool,
    /// The task's own page on a vacancy bank, where residents respond (http or https):
    /// then the Talent Scan links there instead of taking the response itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respond_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Session {
    #[serde(with = "dates::instant")]
    #[schema(value_type = String, format = DateTime)]
    pub start: time::OffsetDateTime,
    #[serde(with = "dates::instant")]
    #[schema(value_type = String, format = DateTime)]
    pub end: time::OffsetDateTime,
}

/// Dates and instants as the catalog writes them (`YYYY-MM-DD`; RFC 3339 with an offset),
/// read into `time` types so they are compared as dates, never as strings.
pub mod dates {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};
    use time::format_description::well_known::Rfc3339;
    use time::format_description::BorrowedFormatItem;
    use time::{Date, OffsetDateTime};

    const DAY: &[BorrowedFormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day]");

    pub fn parse_day(s: &str) -> Option<Date> {
        Date::parse(s, DAY).ok()
    }

    /// An optional `YYYY-MM-DD` date.
    pub mod day_opt {
        use super::*;
        pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => s.serialize_str(&d.format(DAY).map_err(serde::ser::Error::custom)?),
                None => s.serialize_none(),
            }
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
            match Option::<String>::deserialize(d)? {
                None => Ok(None),
                Some(x) => parse_day(&x)
                    .map(Some)
                    .ok_or_else(|| D::Error::custom("must be a date: YYYY-MM-DD")),
            }
        }
    }

    /// An RFC 3339 date-time with its offset, kept as written (local time with offset).
    pub mod instant {
        use super::*;
        pub fn serialize<S: Serializer>(t: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(&t.format(&Rfc3339).map_err(serde::ser::Error::custom)?)
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
            let x = String::deserialize(d)?;
            OffsetDateTime::parse(&x, &Rfc3339)
                .map_err(|_| D::Error::custom("must be an RFC 3339 date-time with offset"))
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema, Default)]
pub struct TrainingSchedule {
    #[schema(value_type = Vec<String>)]
    pub slots: Vec<Slot>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Training {
    pub id: String,
    pub title: String,
    pub description: String,
    pub provider: String,
    pub topics: Vec<String>,
    pub skills: Vec<String>,
    pub certificate: bool,
    pub cost_eur: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(default)]
    pub online: bool,
    pub sessions: Vec<Session>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<TrainingSchedule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_hours: Option<f64>,
    pub language_level: LanguageLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// Session times parsed once (unix seconds) and the slots they fall on; not stored.
    #[serde(skip)]
    pub parsed: ParsedSessions,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedSessions {
    pub starts: Vec<i64>,
    pub ends: Vec<i64>,
    pub slots: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Role {
    pub id: String,
    pub organisation_id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
}

/// A parsed record of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Record {
    Organisation(Organisation),
    Task(Box<Task>),
    Training(Box<Training>),
    Role(Role),
}

impl Record {
    /// A record as the store keeps it (validated when it was written).
    pub fn from_stored(kind: Kind, json: &[u8]) -> serde_json::Result<Record> {
        Ok(match kind {
            Kind::Organisations => Record::Organisation(serde_json::from_slice(json)?),
            Kind::Tasks => Record::Task(Box::new(serde_json::from_slice(json)?)),
            Kind::Trainings => Record::Training(Box::new(serde_json::from_slice(json)?)),
            Kind::Roles => Record::Role(serde_json::from_slice(json)?),
        })
    }

    pub fn id(&self) -> &str {
        match self {
            Record::Organisation(o) => &o.id,
            Record::Task(t) => &t.id,
            Record::Training(t) => &t.id,
            Record::Role(r) => &r.id,
        }
    }
    pub fn kind(&self) -> Kind {
        match self {
            Record::Organisation(_) => Kind::Organisations,
            Record::Task(_) => Kind::Tasks,
            Record::Training(_) => Kind::Trainings,
            Record::Role(_) => Kind::Roles,
        }
    }
    pub fn to_json(&self) -> Value {
        match self {
            Record::Organisation(o) => serde_json::to_value(o),
            Record::Task(t) => serde_json::to_value(t),
            Record::Training(t) => serde_json::to_value(t),
            Record::Role(r) => serde_json::to_value(r),
        }
        .expect("records serialise")
    }
    /// The organisation a record belongs to (for scoped keys).
    pub fn organisation_id(&self) -> Option<&str> {
        match self {
            Record::Organisation(o) => Some(&o.id),
            Record::Task(t) => Some(&t.organisation_id),
            Record::Role(r) => Some(&r.organisation_id),
            Record::Training(_) => None,
        }
    }
}

/// What record parsing needs to know about the world.
pub struct Context<'a> {
    pub taxonomies: &'a Taxonomies,
    pub places: &'a Places,
    /// Does an organisation with this id exist (in the store or earlier in the same batch)?
    pub organisation_exists: &'a dyn Fn(&str) -> bool,
}

pub fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_' || b == b'.'
        })
        && s.as_bytes()[0].is_ascii_alphanumeric()
}

const ID_RULE: &str =
    "must be 1-64 characters: lowercase letters, digits, '-', '_' or '.', starting with a letter or digit";

fn text(f: &mut Fields, name: &str, required: bool, max: usize) -> String {
    let v: Option<String> = if required { f.req(name) } else { f.opt(name) };
    let v = v.unwrap_or_default();
    if required && f.raw(name).is_some() && v.trim().is_empty() {
        f.err(name, "must not be empty");
    }
    if v.chars().count() > max {
        f.err(name, format!("is longer than {max} characters"));
    }
    v.trim().to_string()
}

fn ids(f: &mut Fields, name: &str, vocab: &Vocabulary, what: &str, min: usize) -> Vec<String> {
    let list: Vec<String> = if min > 0 { f.req(name) } else { f.opt(name) }.unwrap_or_default();
    if f.raw(name).is_some() && list.len() < min {
        f.err(name, format!("list at least {min} {what}"));
    }
    if list.len() > MAX_LIST_LEN {
        f.err(name, format!("at most {MAX_LIST_LEN} entries"));
    }
    let mut out = Vec::new();
    for (i, id) in list.iter().enumerate() {
        if !vocab.contains(id) {
            f.err_at(
                format!("{}/{i}", f.pointer(name)),
                format!("unknown {what} id {id:?}; GET /v1/taxonomies lists the known ids"),
            );
        } else if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

fn labels(f: &mut Fields, name: &str) -> Vec<String> {
    let list: Vec<String> = f.or_default(name);
    if list.len() > MAX_LIST_LEN {
        f.err(name, format!("at most {MAX_LIST_LEN} entries"));
    }
    for (i, s) in list.iter().enumerate() {
        if s.trim().is_empty() || s.chars().count() > MAX_TITLE_LEN {
            f.err_at(
                format!("{}/{i}", f.pointer(name)),
                "must be 1-200 characters",
            );
        }
    }
    list
}

/// An absolute http(s) address without spaces: what a link on a card can open.
fn plausible_url(u: &str) -> bool {
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"));
    u.len() <= 500
        && rest.is_some_and(|r| {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && host.contains('.')
        })
        && !u
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// The start of every record's parse: an object, with a valid id.
fn open<'a>(v: &'a Value, id: &str, base: &str) -> Result<Fields<'a>, Vec<FieldError>> {
    let mut f = Fields::new(v, base);
    if !f.is_object() {
        return Err(f.finish());
    }
    if !valid_id(id) {
        f.err("id", ID_RULE);
    }
    Ok(f)
}

/// A record's required title and optional description.
fn titled(f: &mut Fields) -> (String, String) {
    (
        text(f, "title", true, MAX_TITLE_LEN),
        text(f, "description", false, MAX_TEXT_LEN),
    )
}

/// The organisation a role or task belongs to: required, and published first.
fn organisation_of(f: &mut Fields, ctx: &Context) -> Option<String> {
    let org: Option<String> = f.req("organisation_id");
    if let Some(o) = &org {
        if !(ctx.organisation_exists)(o) {
            f.err(
                "organisation_id",
                format!("unknown organisation {o:?}: publish it first"),
            );
        }
    }
    org
}

/// A location object: `{wijk?, postcode?, lat?, lon?}`, where missing coordinates are
/// taken from the postcode or wijk centroid.
fn location(f: &mut Fields, name: &str, ctx: &Context) -> Option<Location> {
    let v = f.raw(name)?;
    let base = f.pointer(name);
    let mut lf = Fields::new(v, &base);
    let wijk: Option<String> = lf.opt("wijk");
    let postcode: Option<String> = lf.opt("postcode");
    let lat: Option<f64> = lf.opt("lat");
    let lon: Option<f64> = lf.opt("lon");
    let mut errs = lf.finish();
    let out = match (lat, lon) {
        (Some(lat), Some(lon)) => {
            if !in_netherlands(lat, lon) {
                errs.push(FieldError::new(
                    format!("{base}/lat"),
                    "coordinates are outside the Netherlands (lat 50.7-53.7, lon 3.2-7.3)",
                ));
                None
            } else {
                let p = LatLon { lat, lon };
                let w = wijk
                    .as_deref()
                    .and_then(|w| ctx.places.wijk(w).map(|x| x.name.clone()))
                    .or(wijk.clone())
                    .or_else(|| {
                        postcode
                            .as_deref()
                            .and_then(|pc| ctx.places.postcode(pc))
                            .and_then(|pc| ctx.places.wijk_by_code(&pc.wijk_code))
                            .map(|w| w.name.clone())
                    })
                    .or_else(|| {
                        // Only name a Den Haag wijk when the point lies in or near the city.
                        ctx.places
                            .nearest_wijk(p)
                            .filter(|w| {
                                crate::geo::distance_km(
                                    p,
                                    LatLon {
                                        lat: w.lat,
                                        lon: w.lon,
                                    },
                                ) < 3.0
                            })
                            .map(|w| w.name.clone())
                    })
                    .unwrap_or_default();
                Some(Location {
                    wijk: w,
                    postcode,
                    lat,
                    lon,
                })
            }
        }
        (None, None) => {
            if let Some(pc) = postcode.as_deref() {
                match ctx.places.postcode(pc) {
                    Some(p) => Some(Location {
                        wijk: ctx
                            .places
                            .wijk_by_code(&p.wijk_code)
                            .map(|w| w.name.clone())
                            .unwrap_or_default(),
                        postcode: Some(p.pc4.clone()),
                        lat: p.lat,
                        lon: p.lon,
                    }),
                    None => {
                        errs.push(FieldError::new(
                            format!("{base}/postcode"),
                            "unknown postcode: give lat and lon, or a Den Haag postcode",
                        ));
                        None
                    }
                }
            } else if let Some(w) = wijk.as_deref() {
                match ctx.places.wijk(w) {
                    Some(w) => Some(Location {
                        wijk: w.name.clone(),
                        postcode: None,
                        lat: w.lat,
                        lon: w.lon,
                    }),
                    None => {
                        errs.push(FieldError::new(
                            format!("{base}/wijk"),
                            "unknown wijk: give lat and lon, or a Den Haag wijk name",
                        ));
                        None
                    }
                }
            } else {
                errs.push(FieldError::new(
                    base.clone(),
                    "give lat and lon, a postcode or a wijk",
                ));
                None
            }
        }
        _ => {
            errs.push(FieldError::new(base.clone(), "give both lat and lon"));
            None
        }
    };
    f.errors.extend(errs);
    out
}

fn contact(f: &mut Fields, name: &str, required: bool) -> Option<Contact> {
    let c: Option<Contact> = if required { f.req(name) } else { f.opt(name) };
    if let Some(c) = &c {
        if c.name.trim().is_empty() {
            f.err_at(format!("{}/name", f.pointer(name)), "must not be empty");
        }
    }
    c
}

impl Organisation {
    pub fn parse(v: &Value, id: &str, base: &str, ctx: &Context) -> Result<Self, Vec<FieldError>> {
        let mut f = open(v, id, base)?;
        let name = text(&mut f, "name", true, MAX_TITLE_LEN);
        let description = text(&mut f, "description", false, MAX_TEXT_LEN);
        let wijk_in: Option<String> = f.opt("wijk");
        let website: Option<String> = f.opt("website");
        let kind: Option<String> = f.opt("kind");
        let contact = contact(&mut f, "contact", false).unwrap_or_default();
        let mut wijk = wijk_in
            .as_deref()
            .map(|w| {
                ctx.places
                    .wijk(w)
                    .map(|x| x.name.clone())
                    .unwrap_or(w.to_string())
            })
            .unwrap_or_default();
        let loc = if f.raw("location").is_some() {
            location(&mut f, "location", ctx)
        } else if let Some(w) = wijk_in.as_deref().and_then(|w| ctx.places.wijk(w)) {
            Some(Location {
                wijk: w.name.clone(),
                postcode: None,
                lat: w.lat,
                lon: w.lon,
            })
        } else {
            f.err("location", "is required (or give a Den Haag wijk)");
            None
        };
        if wijk.is_empty() {
            wijk = loc.as_ref().map(|l| l.wijk.clone()).unwrap_or_default();
        }
        let errs = f.finish();
        match (errs.is_empty(), loc) {
            (true, Some(l)) => Ok(Self {
                id: id.to_string(),
                name,
                description,
                wijk,
                location: l.point(),
                website,
                contact,
                kind,
            }),
            _ => Err(errs),
        }
    }
}

impl Role {
    pub fn parse(v: &Value, id: &str, base: &str, ctx: &Context) -> Result<Self, Vec<FieldError>> {
        let mut f = open(v, id, base)?;
        let (title, description) = titled(&mut f);
        let org = organisation_of(&mut f, ctx);
        let errs = f.finish();
        if errs.is_empty() {
            Ok(Self {
                id: id.into(),
                organisation_id: org.unwrap_or_default(),
                title,
                description,
            })
        } else {
            Err(errs)
        }
    }
}

/// Who a task suits (`suitable_for`), listed once. The first five are needs a person can
/// have, in the order of the matcher's tag bits (`ranking::row::TAGS`); a publisher may
/// also use tags of their own.
pub const SUITABLE_FOR: [&str; 6] = [
    "wheelchair",
    "low_dutch",
    "no_dutch_needed",
    "school_internship",
    "with_children",
    "first_step",
];

impl Task {
    pub fn parse(v: &Value, id: &str, base: &str, ctx: &Context) -> Result<Self, Vec<FieldError>> {
        let tax = ctx.taxonomies;
        let mut f = open(v, id, base)?;
        let (title, description) = titled(&mut f);
        let org = organisation_of(&mut f, ctx);
        let categories = ids(&mut f, "categories", &tax.categories, "category", 1);
        let skills = ids(&mut f, "skills", &tax.skills, "skill", 0);
        let learn_skills = ids(&mut f, "learn_skills", &tax.skills, "skill", 0);
        let remote: bool = f.or_default("remote");
        let loc = if f.raw("location").is_some() {
            location(&mut f, "location", ctx)
        } else {
            if !remote {
                f.err("location", "is required unless remote is true");
            }
            None
        };
        let schedule = schedule(&mut f);
        let physical_load: Load = f.opt("physical_load").unwrap_or(Load::Low);
        let language_level: LanguageLevel = f.opt("language_level").unwrap_or(LanguageLevel::B1);
        let onboarding: Onboarding = f.or_default("onboarding");
        let contact = contact(&mut f, "contact", false).unwrap_or_default();
        let allowance: Allowance = f.or_default("allowance");
        if let Some(x) = allowance.per_hour_eur {
            if !(0.0..=50.0).contains(&x) || !x.is_finite() {
                f.err_at(
                    format!("{}/allowance/per_hour_eur", base),
                    "must be between 0 and 50",
                );
            }
        }
        let certificate: bool = f.or_default("certificate");
        let work_experience = labels(&mut f, "work_experience");
        let required_trainings = ids(
            &mut f,
            "required_trainings",
            &tax.topics,
            "training topic",
            0,
        );
        let requirements: Requirements = f.or_default("requirements");
        for (i, s) in requirements.skills.iter().enumerate() {
            if !tax.permits.contains(s) {
                f.err_at(
                    format!("{}/skills/{i}", f.pointer("requirements")),
                    format!(
                        "{s:?} is not a permit that can be required ({}); list other skills under skills",
                        tax.permits.join(", ")
                    ),
                );
            }
        }
        if let Some(a) = requirements.min_age {
            if !(12..=99).contains(&a) {
                f.err_at(
                    format!("{}/min_age", f.pointer("requirements")),
                    "must be between 12 and 99",
                );
            }
        }
        let suitable_for: Vec<String> = f.or_default("suitable_for");
        for (i, s) in suitable_for.iter().enumerate() {
            if !valid_id(s) {
                f.err_at(format!("{}/{i}", f.pointer("suitable_for")), ID_RULE);
            }
        }
        let offers_in: Vec<String> = f.or_default("offers");
        for (i, o) in offers_in.iter().enumerate() {
            if motive_position(o).is_none() {
                f.err_at(
                    format!("{}/{i}", f.pointer("offers")),
                    "unknown function: use values, understanding, social, career, protective or enhancement",
                );
            }
        }
        let role_id: Option<String> = f.opt("role_id");
        if let Some(r) = &role_id {
            if !valid_id(r) {
                f.err("role_id", ID_RULE);
            }
        }
        let essential: bool = f.or_default("essential");
        let respond_url: Option<String> = f.opt("respond_url");
        if let Some(u) = &respond_url {
            if !plausible_url(u) {
                f.err(
                    "respond_url",
                    "must be an http or https address of at most 500 characters",
                );
            }
        }
        let errs = f.finish();
        if !errs.is_empty() {
            return Err(errs);
        }
        let offers = if offers_in.is_empty() {
            derive_offers(
                tax,
                &categories,
                &learn_skills,
                certificate,
                &work_experience,
            )
        } else {
            offers_in
        };
        Ok(Self {
            id: id.into(),
            title,
            description,
            organisation_id: org.unwrap_or_default(),
            categories,
            skills,
            learn_skills,
            location: if remote && loc.is_none() { None } else { loc },
            remote,
            schedule: schedule.expect("no errors means a schedule"),
            physical_load,
            language_level,
            onboarding,
            contact,
            allowance,
            certificate,
            work_experience,
            required_trainings,
            requirements,
            suitable_for: suitable_for
                .into_iter()
                .filter(|s| SUITABLE_FOR.contains(&s.as_str()) || valid_id(s))
                .collect(),
            offers,
            role_id,
            essential,
            respond_url,
        })
    }

    /// Its last day has passed.
    pub fn is_ended(&self, today: time::Date) -> bool {
        self.schedule.end.is_some_and(|e| e < today)
    }
}

/// When a publisher does not say what a task offers, infer it from its categories and
/// from what it gives (learning → understanding, certificate or work experience → career).
fn derive_offers(
    tax: &Taxonomies,
    categories: &[String],
    learn: &[String],
    certificate: bool,
    work_experience: &[String],
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        if !out.iter().any(|x| x == s) {
            out.push(s.to_string());
        }
    };
    for c in categories {
        if let Some(t) = tax.categories.get(c) {
            for o in &t.offers {
                push(o);
            }
        }
    }
    if !learn.is_empty() {
        push("understanding");
    }
    if certificate || !work_experience.is_empty() {
        push("career");
    }
    out
}

fn schedule(f: &mut Fields) -> Option<Schedule> {
    let base = f.pointer("schedule");
    let Some(v) = f.raw("schedule") else {
        f.err("schedule", "is required");
        return None;
    };
    let mut s = Fields::new(v, &base);
    if !s.is_object() {
        f.errors.extend(s.finish());
        return None;
    }
    let slots: Vec<Slot> = s.or_default("slots");
    let frequency: Option<Frequency> = s.req("frequency");
    let hours: Option<f64> = s.req("hours_per_week");
    if let Some(h) = hours {
        if !(0.0..=80.0).contains(&h) {
            s.err("hours_per_week", "must be between 0 and 80");
        }
    }
    let hours_per_session: Option<f64> = s.opt("hours_per_session");
    if hours_per_session.is_some_and(|h| !(0.0..=24.0).contains(&h)) {
        s.err("hours_per_session", "must be between 0 and 24");
    }
    let min_months: u32 = s.or_default("min_months");
    if min_months > 120 {
        s.err("min_months", "must be at most 120");
    }
    let on_call: bool = s.or_default("on_call");
    let flexible: bool = s.or_default("flexible");
    let day = |s: &mut Fields, n: &str| -> Option<time::Date> {
        let d: Option<String> = s.opt(n);
        let parsed = d.as_deref().and_then(dates::parse_day);
        if d.is_some() && parsed.is_none() {
            s.err(n, "must be a date: YYYY-MM-DD");
        }
        parsed
    };
    let start = day(&mut s, "start");
    let end = day(&mut s, "end");
    if start.zip(end).is_some_and(|(a, b)| a > b) {
        s.err("end", "is before start");
    }
    let errs = s.finish();
    let ok = errs.is_empty();
    f.errors.extend(errs);
    if !ok {
        return None;
    }
    let mut slots = slots;
    slots.sort();
    slots.dedup();
    Some(Schedule {
        slots,
        frequency: frequency?,
        hours_per_week: hours?,
        hours_per_session,
        min_months,
        on_call,
        flexible,
        start,
        end,
    })
}

impl Training {
    pub fn parse(v: &Value, id: &str, base: &str, ctx: &Context) -> Result<Self, Vec<FieldError>> {
        let tax = ctx.taxonomies;
        let mut f = open(v, id, base)?;
        let (title, description) = titled(&mut f);
        let provider = text(&mut f, "provider", true, MAX_TITLE_LEN);
        let topics = ids(&mut f, "topics", &tax.topics, "training topic", 1);
        let skills = ids(&mut f, "skills", &tax.skills, "skill", 0);
        let certificate: bool = f.or_default("certificate");
        let cost_eur: f64 = f.opt("cost_eur").unwrap_or(0.0);
        if !(0.0..=10_000.0).contains(&cost_eur) {
            f.err("cost_eur", "must be between 0 and 10000");
        }
        let online: bool = f.or_default("online");
        let loc = if f.raw("location").is_some() {
            location(&mut f, "location", ctx)
        } else {
            if !online {
                f.err("location", "is required unless online is true");
            }
            None
        };
        // Each session on its own, so every bad one is listed.
        let raw: Vec<Value> = f.or_default("sessions");
        let mut sessions: Vec<Session> = Vec::new();
        for (i, v) in raw.iter().enumerate() {
            let p = format!("{}/{i}", f.pointer("sessions"));
            match serde_path_to_error::deserialize::<_, Session>(v) {
                Ok(s) if s.start <= s.end => sessions.push(s),
                Ok(_) => f.err_at(format!("{p}/end"), "is before start"),
                Err(e) => {
                    let at = format!("{p}{}", crate::catalog::fields::inner_pointer(e.path()));
                    f.err_at(at, e.into_inner().to_string());
                }
            }
        }
        let schedule: Option<TrainingSchedule> = f.opt("schedule");
        let duration_hours: Option<f64> = f.opt("duration_hours");
        if duration_hours.is_some_and(|d| !(0.0..=1000.0).contains(&d)) {
            f.err("duration_hours", "must be between 0 and 1000");
        }
        let language_level: LanguageLevel = f.opt("language_level").unwrap_or(LanguageLevel::B1);
        let contact = contact(&mut f, "contact", false);
        let errs = f.finish();
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(Self {
            id: id.into(),
            title,
            description,
            provider,
            topics,
            skills,
            certificate,
            cost_eur,
            location: loc,
            online,
            sessions,
            schedule,
            duration_hours,
            language_level,
            contact,
            parsed: ParsedSessions::default(),
        }
        .with_parsed())
    }

    /// Parses the session times once, so ranking never parses dates per request.
    pub fn with_parsed(mut self) -> Self {
        self.parsed = self.parse_sessions();
        self
    }

    /// The parsed session times, parsing them when this record was not (`with_parsed`).
    pub fn sessions_parsed(&self) -> ParsedSessions {
        if self.parsed_ok() {
            self.parsed.clone()
        } else {
            self.parse_sessions()
        }
    }

    fn parse_sessions(&self) -> ParsedSessions {
        let mut p = ParsedSessions::default();
        for s in &self.sessions {
            p.starts.push(s.start.unix_timestamp());
            p.ends.push(s.end.unix_timestamp());
            let day = s.start.weekday().number_days_from_monday();
            let part = match s.start.hour() {
                0..=11 => 0,
                12..=17 => 1,
                _ => 2,
            };
            p.slots |= 1 << (day * 3 + part);
        }
        p
    }

    fn parsed_ok(&self) -> bool {
        self.parsed.starts.len() == self.sessions.len()
    }

    /// Still useful: an upcoming session, a weekly schedule, or online at any time.
    pub fn is_available(&self, now: time::OffsetDateTime) -> bool {
        if self.sessions.is_empty() {
            return true;
        }
        if self.schedule.as_ref().is_some_and(|s| !s.slots.is_empty()) {
            return true;
        }
        if self.parsed_ok() {
            let n = now.unix_timestamp();
            return self.parsed.ends.iter().any(|&e| e >= n);
        }
        self.sessions.iter().any(|s| s.end >= now)
    }

    pub fn next_session(&self, now: time::OffsetDateTime) -> Option<&Session> {
        self.next_session_at(now).map(|(s, _)| s)
    }

    /// The next session and its start as a Unix timestamp (from the parsed times, so a
    /// match does not parse dates for each of a thousand trainings).
    pub fn next_session_at(&self, now: time::OffsetDateTime) -> Option<(&Session, i64)> {
        if self.parsed_ok() {
            let n = now.unix_timestamp();
            return self
                .sessions
                .iter()
                .zip(&self.parsed.starts)
                .filter(|(_, &t)| t >= n)
                .min_by_key(|(_, &t)| t)
                .map(|(s, &t)| (s, t));
        }
        self.sessions
            .iter()
            .filter(|s| s.start >= now)
            .min_by_key(|s| s.start)
            .map(|s| (s, s.start.unix_timestamp()))
    }
}

/// Parses a record of `kind`; `id` comes from the path (PUT) or the record (import).
pub fn parse_record(
    kind: Kind,
    v: &Value,
    id: &str,
    base: &str,
    ctx: &Context,
) -> Result<Record, Vec<FieldError>> {
    match kind {
        Kind::Organisations => Organisation::parse(v, id, base, ctx).map(Record::Organisation),
        Kind::Tasks => Task::parse(v, id, base, ctx).map(|t| Record::Task(Box::new(t))),
        Kind::Trainings => Training::parse(v, id, base, ctx).map(|t| Record::Training(Box::new(t))),
        Kind::Roles => Role::parse(v, id, base, ctx).map(Record::Role),
    }
}

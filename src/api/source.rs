//! Where the persona of a match or a carving comes from: a stored scan, an inline persona,
//! or a questionnaire with answers scored on the spot. Exactly one per request.
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use utoipa::PartialSchema;

use super::envelope;
use super::errors::ApiError;
use super::scans::{load_scan, score_answers};
use crate::catalog::fields::{escape, FieldError};
use crate::persona::{Origin, Persona};
use crate::questionnaire::scoring::resolve_place;
use crate::state::AppState;
use crate::taxonomy::Lang;

/// The source fields of a request body, as its typed definition read them.
pub struct PersonaSource {
    pub scan_id: Option<String>,
    pub persona: Option<Persona>,
    pub questionnaire: Option<String>,
    pub version: Option<u32>,
    pub answers: Option<Map<String, Value>>,
}

/// Takes the source fields out of a request whose typed definition has them.
macro_rules! source_of {
    ($r:ident) => {
        $crate::api::source::PersonaSource {
            scan_id: $r.scan_id.take(),
            persona: $r.persona.take(),
            questionnaire: $r.questionnaire.take(),
            version: $r.version.take(),
            answers: $r.answers.take(),
        }
    };
}
pub(crate) use source_of;

/// A request body with a persona source (a match, a carving).
pub trait Sourced: DeserializeOwned + PartialSchema {
    /// The checks its types cannot make, each problem with its pointer.
    fn check(&self, state: &AppState, errors: &mut Vec<FieldError>);
    /// Its source fields, taken out.
    fn source(&mut self) -> PersonaSource;
    fn lang(&self) -> Option<Lang>;
}

/// Reads a request with a persona source: its typed definition, its own checks and its
/// persona, with every problem in one 422 answer.
pub async fn read<T: Sourced>(
    state: &AppState,
    body: &Value,
) -> Result<(T, Persona, Lang), ApiError> {
    let (r, mut errors) = envelope::parse::<T>(body, "");
    errors.extend(exactly_one(body));
    let Some(mut r) = r else {
        return Err(envelope::problems(errors));
    };
    r.check(state, &mut errors);
    let lang = r.lang();
    let resolved = r.source().resolve(state, lang, &mut errors).await?;
    envelope::reject(errors)?;
    let (persona, lang) = resolved.ok_or_else(|| ApiError::internal("no persona"))?;
    Ok((r, persona, lang))
}

/// A problem unless the body gives exactly one of `scan_id`, `persona` and `answers`.
/// Counted on the body as sent, so a source whose value is invalid still counts.
pub fn exactly_one(body: &Value) -> Option<FieldError> {
    let n = ["scan_id", "persona", "answers"]
        .iter()
        .filter(|k| body.get(**k).is_some_and(|x| !x.is_null()))
        .count();
    (n != 1).then(|| {
        FieldError::new(
            "",
            "give exactly one of scan_id, persona, or questionnaire with answers",
        )
    })
}

impl PersonaSource {
    /// The persona, and the language the scan or questionnaire was answered in when the
    /// request names none. Problems are added to `errors` (then the persona is `None`);
    /// an unknown scan or questionnaire is a 404 at once, but only for an otherwise
    /// valid request, so a 422 lists every problem first.
    pub async fn resolve(
        self,
        state: &AppState,
        lang: Option<Lang>,
        errors: &mut Vec<FieldError>,
    ) -> Result<Option<(Persona, Lang)>, ApiError> {
        if let Some(mut p) = self.persona {
            errors.extend(complete(state, &mut p, "/persona"));
            return Ok(errors.is_empty().then(|| (p, lang.unwrap_or_default())));
        }
        if !errors.is_empty() {
            return Ok(None);
        }
        if let Some(id) = self.scan_id {
            let s = load_scan(state, &id).await?;
            return Ok(Some((s.persona, lang.unwrap_or(s.lang))));
        }
        let Some(answers) = self.answers else {
            return Ok(None);
        };
        let Some(qid) = self.questionnaire else {
            errors.push(FieldError::new(
                "/questionnaire",
                "is required with answers",
            ));
            return Ok(None);
        };
        let lang = lang.unwrap_or_default();
        let (scored, _) = score_answers(state, &qid, self.version, &answers, lang, "")?;
        Ok(Some((scored.persona, lang)))
    }
}

/// What an inline persona's types cannot say: its ids are in the taxonomies, its words
/// are not too long, and its origin is a place in the Netherlands. A postcode or wijk
/// gets its coordinates here.
pub fn complete(state: &AppState, p: &mut Persona, base: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let tax = &state.taxonomies;
    for c in p.interests.keys() {
        if !tax.categories.contains(c) {
            errors.push(FieldError::new(
                format!("{base}/interests/{}", escape(c)),
                "unknown category id; see /v1/taxonomies",
            ));
        }
    }
    for (name, list) in [("skills", &p.skills), ("learning_goals", &p.learning_goals)] {
        for (i, s) in list.iter().enumerate() {
            if !tax.skills.contains(s) {
                errors.push(FieldError::new(
                    format!("{base}/{name}/{i}"),
                    "unknown skill id; see /v1/taxonomies",
                ));
            }
        }
    }
    if p.words.as_deref().is_some_and(|w| w.chars().count() > 500) {
        errors.push(FieldError::new(
            format!("{base}/words"),
            "at most 500 characters",
        ));
    }
    let at = format!("{base}/travel/origin");
    match p.travel.origin.take() {
        Some(Origin::At { point, .. }) if !crate::geo::in_netherlands(point.lat, point.lon) => {
            errors.push(FieldError::new(
                format!("{at}/lat"),
                "coordinates are outside the Netherlands",
            ));
        }
        Some(Origin::Postcode(key) | Origin::Wijk(key)) => {
            match resolve_place(&state.places, &key) {
                Some(found) => p.travel.origin = Some(found),
                None => errors.push(FieldError::new(
                    at,
                    "unknown postcode or wijk: give a Den Haag postcode (4 digits), a wijk name, or lat and lon",
                )),
            }
        }
        kept => p.travel.origin = kept,
    }
    errors
}

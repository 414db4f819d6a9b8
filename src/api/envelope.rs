//! What the request bodies with a persona source share — a match and a carving: every
//! key must be a field of the request's documented schema, exactly one persona source,
//! and the language. One definition, so the OpenAPI document and the parser cannot drift
//! apart: the known keys are read from the schema the document is made of.
use serde_json::{Map, Value};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::RefOr;
use utoipa::PartialSchema;

use crate::catalog::fields::{escape, FieldError, Fields};
use crate::taxonomy::Lang;

/// The property names of a request schema.
fn fields_of<T: PartialSchema>() -> Vec<String> {
    match T::schema() {
        RefOr::T(Schema::Object(o)) => o.properties.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// A problem for every key the schema of `T` does not have.
pub fn unknown_fields<T: PartialSchema>(obj: &Map<String, Value>) -> Vec<FieldError> {
    let known = fields_of::<T>();
    obj.keys()
        .filter(|k| !known.iter().any(|f| f == *k))
        .map(|k| FieldError::new(format!("/{}", escape(k)), "unknown field"))
        .collect()
}

/// How many persona sources the body gives (`scan_id`, `persona`, `answers`); a problem
/// unless exactly one.
pub fn one_persona_source(obj: &Map<String, Value>) -> (usize, Option<FieldError>) {
    let n = ["scan_id", "persona", "answers"]
        .iter()
        .filter(|k| obj.get(**k).is_some_and(|x| !x.is_null()))
        .count();
    let problem = (n != 1).then(|| {
        FieldError::new(
            "",
            "give exactly one of scan_id, persona, or questionnaire with answers",
        )
    });
    (n, problem)
}

/// The optional `lang`: `nl` or `en`.
pub fn lang(f: &mut Fields) -> Option<Lang> {
    match f.opt::<String>("lang").as_deref() {
        None => None,
        Some(l) => Lang::parse(l).or_else(|| {
            f.err("lang", "use nl or en");
            None
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::carvings::CarvingRequest;
    use crate::api::matches::MatchRequest;

    #[test]
    fn the_known_keys_are_the_documented_fields() {
        let m = fields_of::<MatchRequest>();
        for k in [
            "scan_id",
            "persona",
            "questionnaire",
            "version",
            "answers",
            "limit",
            "overrides",
            "lang",
            "explain",
        ] {
            assert!(m.iter().any(|f| f == k), "{k}");
        }
        let c = fields_of::<CarvingRequest>();
        for k in [
            "scan_id",
            "persona",
            "role_id",
            "organisation_id",
            "max_hours_per_week",
            "radius_km",
            "must_include",
        ] {
            assert!(c.iter().any(|f| f == k), "{k}");
        }
        let obj = serde_json::json!({"persona": {}, "nope": 1})
            .as_object()
            .unwrap()
            .clone();
        assert_eq!(unknown_fields::<MatchRequest>(&obj).len(), 1);
    }
}

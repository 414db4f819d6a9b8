//! Reading a request as its one typed definition. The struct a handler receives is the
//! struct the OpenAPI document is made of, so the two cannot drift apart; and a request
//! with several problems gets all of them, each with its JSON pointer, in one answer,
//! where a derived `Deserialize` would stop at the first.
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use utoipa::openapi::schema::{AdditionalProperties, Schema};
use utoipa::openapi::RefOr;
use utoipa::{IntoParams, PartialSchema};

use super::errors::ApiError;
use crate::catalog::fields::{escape, inner_pointer, FieldError};

/// How deep a problem is located before the value holding it is set aside: a problem in
/// `/persona/interests` does not hide one in `/persona/skills`; below that, the first
/// problem of a value stands for it (as it is reported today).
const DEPTH: usize = 2;

/// What a request schema says of its keys.
struct Keys {
    known: Vec<String>,
    required: Vec<String>,
    /// Other keys are refused (`additionalProperties: false`, from `deny_unknown_fields`).
    closed: bool,
}

fn fields_of<T: PartialSchema>() -> Keys {
    match T::schema() {
        RefOr::T(Schema::Object(o)) => Keys {
            known: o.properties.keys().cloned().collect(),
            closed: matches!(
                o.additional_properties.as_deref(),
                Some(AdditionalProperties::FreeForm(false))
            ),
            required: o.required,
        },
        _ => Keys {
            known: Vec::new(),
            required: Vec::new(),
            closed: false,
        },
    }
}

/// Reads a query string (its pairs as a JSON object of strings) as `T`, whose parameters
/// are all optional and no others are allowed.
pub fn parse_params<T: DeserializeOwned + IntoParams>(v: &Value) -> (Option<T>, Vec<FieldError>) {
    let keys = Keys {
        known: T::into_params(|| None)
            .into_iter()
            .map(|p| p.name)
            .collect(),
        required: Vec::new(),
        closed: true,
    };
    parse_with(v, "", keys)
}

/// Reads `v` (at `base`) as `T`. Every key `T`'s closed schema does not have (other keys
/// of an open one are ignored, as serde does), every required key
/// that is missing and every value of the wrong shape is a problem. A null is an absent
/// value. The value is `None` only when a required part could not be read; otherwise it
/// holds every part that could be, so the handler's own checks can add their problems.
pub fn parse<T: DeserializeOwned + PartialSchema>(
    v: &Value,
    base: &str,
) -> (Option<T>, Vec<FieldError>) {
    parse_with(v, base, fields_of::<T>())
}

fn parse_with<T: DeserializeOwned>(
    v: &Value,
    base: &str,
    keys: Keys,
) -> (Option<T>, Vec<FieldError>) {
    let Some(obj) = v.as_object() else {
        return (None, vec![FieldError::new(base, "must be a JSON object")]);
    };
    let Keys {
        known,
        required,
        closed,
    } = keys;
    let mut errors = Vec::new();
    let mut doc = Map::new();
    for (k, x) in obj {
        if !known.iter().any(|f| f == k) {
            if !closed {
                continue;
            }
            errors.push(FieldError::new(
                format!("{base}/{}", escape(k)),
                "unknown field",
            ));
        } else if !x.is_null() {
            doc.insert(k.clone(), x.clone());
        }
    }
    for k in &required {
        if !doc.contains_key(k) && obj.get(k).is_none_or(Value::is_null) {
            errors.push(FieldError::new(
                format!("{base}/{}", escape(k)),
                "is required",
            ));
        }
    }
    let mut doc = Value::Object(doc);
    let mut set_aside: Vec<String> = Vec::new();
    loop {
        let e = match serde_path_to_error::deserialize::<_, T>(&doc) {
            Ok(t) => return (Some(t), errors),
            Err(e) => e,
        };
        let path: Vec<Option<String>> = e
            .path()
            .iter()
            .map(|s| match s {
                serde_path_to_error::Segment::Map { key } => Some(key.clone()),
                _ => None,
            })
            .collect();
        let keys: Vec<&String> = path.iter().take(DEPTH).map_while(Option::as_ref).collect();
        let pointer = format!("{base}{}", inner_pointer(e.path()));
        let node: String = keys.iter().map(|k| format!("/{}", escape(k))).collect();
        // A part that is missing because an inner value was set aside is not a new problem.
        let follows = set_aside.iter().any(|s| s.starts_with(&format!("{node}/")));
        if !follows && (!keys.is_empty() || errors.is_empty()) {
            errors.push(FieldError::new(pointer, e.into_inner().to_string()));
        }
        if keys.is_empty() || !remove(&mut doc, &keys) {
            return (None, errors);
        }
        set_aside.push(node);
    }
}

/// Removes the value at `keys` (object keys from the root); false if it is not there.
fn remove(doc: &mut Value, keys: &[&String]) -> bool {
    let Some((last, parents)) = keys.split_last() else {
        return false;
    };
    let mut at = doc;
    for k in parents {
        match at.get_mut(k.as_str()) {
            Some(x) => at = x,
            None => return false,
        }
    }
    at.as_object_mut()
        .and_then(|o| o.remove(last.as_str()))
        .is_some()
}

/// The problems of a request as one 422 answer.
pub fn problems(errors: Vec<FieldError>) -> ApiError {
    ApiError::Unprocessable(
        format!("{} problem(s) in the request", errors.len()),
        errors,
    )
}

/// `Err` with every problem, or `Ok` when there is none.
pub fn reject(errors: Vec<FieldError>) -> Result<(), ApiError> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(problems(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;
    use utoipa::ToSchema;

    #[derive(Debug, Deserialize, ToSchema)]
    #[allow(dead_code)]
    struct Inner {
        a: Option<u32>,
        b: Option<bool>,
    }

    #[derive(Debug, Deserialize, ToSchema)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        inner: Option<Inner>,
        count: Option<u8>,
        list: Option<Vec<u8>>,
    }

    fn pointers(e: &[FieldError]) -> Vec<&str> {
        e.iter().map(|e| e.pointer.as_str()).collect()
    }

    #[test]
    fn every_problem_is_listed_with_its_pointer() {
        let v = json!({"inner": {"a": "x", "b": 3}, "count": 300, "list": [1, "y"], "nope": 1});
        let (t, e) = parse::<Outer>(&v, "");
        assert!(t.is_none(), "the required name is missing");
        let mut p = pointers(&e);
        p.sort();
        assert_eq!(
            p,
            ["/count", "/inner/a", "/inner/b", "/list/1", "/name", "/nope"]
        );
    }

    #[test]
    fn the_parts_that_can_be_read_are_kept() {
        let v = json!({"name": "n", "inner": {"a": 2, "b": "no"}, "count": null});
        let (t, e) = parse::<Outer>(&v, "/x");
        assert_eq!(pointers(&e), ["/x/inner/b"]);
        let t = t.expect("name is there");
        assert_eq!(t.inner.and_then(|i| i.a), Some(2));
        assert_eq!(t.count, None);
        let (t, e) = parse::<Outer>(&json!([1]), "");
        assert!(t.is_none() && e.len() == 1);
    }

    #[test]
    fn the_known_keys_are_the_documented_fields() {
        use crate::api::carvings::CarvingRequest;
        use crate::api::matches::MatchRequest;
        let m = fields_of::<MatchRequest>().known;
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
        let c = fields_of::<CarvingRequest>().known;
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
    }
}

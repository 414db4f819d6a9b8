//! The embedded sample catalog (fictional, for Den Haag with the weight on Zuidwest), used
//! to seed an empty data directory so a new user gets a working service in one command.
use serde_json::Value;

use super::model::Kind;

/// The sample records per kind, in publishing order (organisations before what needs them).
pub fn sample() -> Vec<(Kind, Vec<Value>)> {
    let parse =
        |s: &str| -> Vec<Value> { serde_json::from_str(s).expect("sample data is valid JSON") };
    vec![
        (
            Kind::Organisations,
            parse(include_str!("../../data/sample/organisations.json")),
        ),
        (
            Kind::Roles,
            parse(include_str!("../../data/sample/roles.json")),
        ),
        (
            Kind::Tasks,
            parse(include_str!("../../data/sample/tasks.json")),
        ),
        (
            Kind::Trainings,
            parse(include_str!("../../data/sample/trainings.json")),
        ),
    ]
}

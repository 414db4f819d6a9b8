//! Questionnaire definitions (data in `questionnaires/`) and the scorer that turns answers
//! into a persona.
pub mod definition;
pub mod scoring;

pub use definition::{Definition, DefinitionError, Registry};
pub use scoring::{score, AnswerError, Scored};

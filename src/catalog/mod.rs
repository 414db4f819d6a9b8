//! The catalog: organisations, flexible tasks, practical trainings and roles. sled holds
//! the truth (`store`); the search index and the matcher's columns are derived from it.
pub mod fields;
pub mod model;
pub mod sample;
pub mod store;
pub mod synthetic;

pub use fields::FieldError;
pub use model::{Kind, Organisation, Record, Role, Task, Training};
pub use store::{Store, StoreError};

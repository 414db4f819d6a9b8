//! The catalog: organisations, flexible tasks, practical trainings and roles. The store of
//! record is sled in the data directory (`store`), or PostgreSQL (`postgres`) with each
//! replica keeping a sled copy that follows it; the search index and the matcher's columns
//! are derived from the sled store in both shapes.
pub mod fields;
pub mod model;
pub mod postgres;
pub mod sample;
pub mod store;
pub mod synthetic;

pub use fields::FieldError;
pub use model::{Kind, Organisation, Record, Role, Task, Training};
pub use postgres::PgStore;
pub use store::{Store, StoreError};

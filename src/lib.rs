//! talentscan: the Talent Scan and the matcher behind it, for volunteers in Den Haag.
//!
//! The crate is organised by domain: a reader finds each concept in one place.
pub mod api;
pub mod auth;
pub mod carving;
pub mod catalog;
pub mod cli;
pub mod configuration;
pub mod geo;
pub mod insight;
pub mod outcomes;
pub mod persona;
pub mod questionnaire;
pub mod ranking;
pub mod sealed;
pub mod search;
pub mod startup;
pub mod state;
pub mod taxonomy;
pub mod telemetry;
pub mod web;

//! The core of dispute-map: everything that is plain data and geometry, with no Leptos, DOM or
//! network in sight. Data flows one way: dispute file -> `model` -> validated `dataset` ->
//! `layout`. `route` and `config` read the app's addresses and settings as pure functions.
//!
//! This crate's Cargo.toml names no web crate, so the compiler, not a cfg gate, keeps it pure,
//! and `cargo test` covers it on the host.

pub mod config;
pub mod dataset;
pub mod draft;
pub mod edit;
pub mod generate;
pub mod index;
pub mod json_path;
pub mod layout;
pub mod model;
pub mod page;
pub mod route;
pub mod suggest;
pub mod text;

/// The dispute bundled into the app at build time.
pub const BUNDLED_DISPUTE: &str = include_str!("../../../data/dispute.json");

/// The fictional example dispute shipped beside the app, which shows the schema's range.
pub const EXAMPLE_DISPUTE: &str = include_str!("../../../data/examples/harbor-city.json");

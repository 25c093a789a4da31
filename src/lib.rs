//! dispute-map: a multi-party contract dispute as an interactive map.
//!
//! Data flows one way: bundled JSON -> `model` -> validated `dataset` -> `layout` -> view. The
//! first four modules are plain Rust and compile without Leptos (it is a wasm-only dependency),
//! so `cargo test` on the host covers them and they cannot reach for the DOM by accident.

pub mod config;
pub mod dataset;
pub mod generate;
pub mod layout;
pub mod model;
pub mod route;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod state;

#[cfg(target_arch = "wasm32")]
pub use app::{mount, report_panic, App};

/// The dispute bundled into the app at build time.
pub const BUNDLED_DISPUTE: &str = include_str!("../data/dispute.json");

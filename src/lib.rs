//! dispute-map's app: the components, the state they share and start-up, on top of
//! `dispute_core` (model, dataset, layout, routes, settings).
//!
//! It compiles for the browser (wasm32, Leptos `csr`) and on the host (Leptos `ssr`), where the
//! same components render the pre-rendered opening screen (`prerender`) and are tested.

mod app;
mod authoring;
mod compare;
mod components;
mod disputes;
mod drafts;
mod embed;
mod host_page;
mod loading;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
mod state;
mod workbooks;

pub use app::{mount, report_panic, App};

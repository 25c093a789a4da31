//! Every name the app, its authoring modules and the page's own scripts share, declared once.
//! The app (`src/host_page.rs`), the authoring screens (`crates/editor`) and the authoring
//! worker's module (`crates/author`) take them from here; the page's scripts (`web/`) define
//! or read them, and `tools/check-seams.mjs` fails the tests when a script names a global this
//! table lacks, or a Rust file writes one of these names again.
//!
//! | name | defined by | what it is |
//! |---|---|---|
//! | `__disputeMapAhead` | web/ahead.js (in dispute-map-boot.js) | `{keys, fileOf(selection), early, grammar}`: which entities have pre-rendered details, each one's file, a deep link's already asked for, and the route grammar's words, for the responder (web/responder.js) |
//! | `__disputeMapBase` | web/loader.js | the address `dispute-map.js` was loaded from, so an embedded map finds its stylesheet |
//! | `__disputeMapPrefetch` | web/loader.js | `{url, response, abort}`: the `?data=` file, or else the bundled one (`BUNDLED_FILE`), fetched beside the wasm |
//! | `__disputeMapWork(name, args, transfer)` | web/loader.js | runs a function of the authoring worker (web/author-worker.js, crates/author); a promise |
//! | `__disputeMapStopWork()` | web/loader.js | ends the work in progress (terminates the worker) |
//! | `__disputeMapEditor()` | web/loader.js | the authoring screens' module (crates/editor), fetched and started once; a promise |
//! | `__disputeMapMemory` | web/loader.js | the wasm's memory, for the benchmark's figures (tools/bench.mjs) |
//! | `DisputeMapStarted` | web/loader.js | an event on `window` once the wasm has started |
//! | `__disputeMapEmit(root, type, detail)` | web/loader.js | tells the host page: `dispute-map-<type>` on the map's host element (and, in a frame, a `dispute-map:<type>` message to the parent) |
//! | `__disputeMapMount()` | the app (embed) | mounts a map in every host element not yet mounted: `<dispute-map>` elements added later call it |
//! | `__disputeMapControl` | the app (embed), on each host element | `{select(ref), show(view), clear(), load(src, timeout), compact(on)}`: what `<dispute-map>`'s methods and attributes, and a frame's messages, call |

pub const AHEAD: &str = "__disputeMapAhead";
pub const BASE: &str = "__disputeMapBase";
pub const PREFETCH: &str = "__disputeMapPrefetch";
pub const WORK: &str = "__disputeMapWork";
pub const STOP_WORK: &str = "__disputeMapStopWork";
pub const EDITOR: &str = "__disputeMapEditor";
pub const MEMORY: &str = "__disputeMapMemory";
pub const EMIT: &str = "__disputeMapEmit";
pub const MOUNT: &str = "__disputeMapMount";
pub const CONTROL: &str = "__disputeMapControl";

/// The bundled dispute's file, beside the wasm: web/loader.js starts its download with the
/// wasm's (as `__disputeMapPrefetch`), and the app reads it from there.
pub const BUNDLED_FILE: &str = "dispute.json";

/// Between two problems in a message from the authoring worker: a character no problem's text
/// holds (the record separator), so a quote with a line break stays one problem.
pub const SEPARATOR: char = '\u{1e}';

/// The words said when the page has no authoring tools.
pub const NO_TOOLS: &str = "the authoring tools are not part of this page (the single-file copy leaves them out); open dispute-map from its web address to use them";

/// An authoring screen the app can ask the screens' module to open.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    /// Menu → Add a report…
    AddReport,
    /// Menu → New dispute from reports…: drawn above the map, which shows what is accepted.
    NewDispute,
    /// The quote picker's form for `quote`, selected in `source`'s text.
    Statement { source: String, quote: String },
}

impl Screen {
    /// The screen's name in the request the app hands the module (`what`).
    pub fn name(&self) -> &'static str {
        match self {
            Screen::AddReport => "add-report",
            Screen::NewDispute => "new-dispute",
            Screen::Statement { .. } => "statement",
        }
    }

    /// The screen a request names, with the quote picker's source and quote.
    pub fn named(name: &str, source: String, quote: String) -> Option<Screen> {
        match name {
            "add-report" => Some(Screen::AddReport),
            "new-dispute" => Some(Screen::NewDispute),
            "statement" => Some(Screen::Statement { source, quote }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_is_named_as_it_is_read() {
        for screen in [
            Screen::AddReport,
            Screen::NewDispute,
            Screen::Statement {
                source: "ft".into(),
                quote: "words".into(),
            },
        ] {
            let (source, quote) = match &screen {
                Screen::Statement { source, quote } => (source.clone(), quote.clone()),
                _ => (String::new(), String::new()),
            };
            assert_eq!(Screen::named(screen.name(), source, quote), Some(screen));
        }
        assert_eq!(
            Screen::named("settings", String::new(), String::new()),
            None
        );
    }
}

//! `cargo run -p dispute-map --bin prerender`: the bundled dispute's opening screen as HTML, at
//! a desktop's and a phone's width, rendered on the host by the same components the browser
//! runs. The build (tools/post-build.mjs) writes them into dist/index.html and the offline page,
//! so the map, the status and the summary are on screen before the wasm arrives, and readable
//! with JavaScript turned off. Prints a JSON object: `{"wide": "<…>", "narrow": "<…>",
//! "details": {"kind/id": "<…>"}, "messages": {"missing": {"kind": "<…>"}, "loading": "<…>",
//! "placeholder": "%ID%", "waiting": "…", "toggle": {"open": "…", "closed": "…"}},
//! "grammar": {…}}`: the screens, every entity's details, the app's words the responder shows
//! (for an entity the dispute lacks, details on their way, a link only the app can show, the
//! details toggle), all from the app's components, and the route grammar's words
//! (`route::grammar()`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let screens = serde_json::json!({
        "wide": dispute_map::prerender::opening_screen(1280.0),
        "narrow": dispute_map::prerender::opening_screen(390.0),
        "details": dispute_map::prerender::details_panels()
            .into_iter()
            .map(|(key, html)| (key, serde_json::Value::String(html)))
            .collect::<serde_json::Map<_, _>>(),
        "messages": {
            "missing": dispute_map::prerender::missing_panels()
                .into_iter()
                .map(|(kind, html)| (kind, serde_json::Value::String(html)))
                .collect::<serde_json::Map<_, _>>(),
            "loading": dispute_map::prerender::loading_panel(),
            "placeholder": dispute_map::prerender::ID_PLACEHOLDER,
            "waiting": dispute_map::prerender::WAITING_FOR_APP,
            "toggle": {
                "open": dispute_map::prerender::HIDE_DETAILS,
                "closed": dispute_map::prerender::SHOW_DETAILS,
            },
        },
        "grammar": dispute_core::route::grammar(),
    });
    println!("{screens}");
}

#[cfg(target_arch = "wasm32")]
fn main() {}

//! Files in and out, all inside the browser: open a dispute file from disk (picker or drag and
//! drop; nothing is uploaded), and export the dataset as JSON, the map as SVG or PNG, or the
//! current view as a printed page. The menu (`menu.rs`) offers them.

use crate::loading::{asset_base, validate};
use crate::state::{AppState, Loaded, Origin};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_futures::JsFuture;

/// Opens the file a file input was given, then empties the input, so choosing the same file
/// again opens it again.
pub fn read_picked_file(state: AppState, event: ev::Event) {
    let input = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(file) = input
        .as_ref()
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
    {
        read_file(state, file);
    }
    if let Some(input) = input {
        input.set_value("");
    }
}

/// Saves the loaded file exactly as it was read.
pub fn export_json(state: AppState) {
    if let Loaded::Ready(_, dataset, text) = state.loaded.get_untracked() {
        download(
            &format!("{}.json", dataset.dispute().id),
            &data_url("application/json", &text),
        );
    }
}

/// Saves the whole map as SVG with its styles, or says why it cannot.
pub fn export_svg(state: AppState, say: WriteSignal<Option<String>>) {
    leptos::task::spawn_local(async move {
        match map_svg(state).await {
            Ok((name, svg)) => download(&format!("{name}.svg"), &data_url("image/svg+xml", &svg)),
            Err(problem) => say.set(Some(problem)),
        }
    });
}

/// Saves the whole map as PNG, or says why it cannot.
pub fn export_png(state: AppState, say: WriteSignal<Option<String>>) {
    leptos::task::spawn_local(async move {
        match map_svg(state).await {
            Ok((name, svg)) => png_from_svg(name, svg, say),
            Err(problem) => say.set(Some(problem)),
        }
    });
}

/// Reads a file dropped anywhere on the map.
pub fn read_dropped_file(state: AppState, event: ev::DragEvent) {
    event.prevent_default();
    if let Some(file) = event
        .data_transfer()
        .and_then(|transfer| transfer.files())
        .and_then(|files| files.get(0))
    {
        read_file(state, file);
    }
}

/// Reads a local file and shows it, or every reason it cannot be shown.
fn read_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    let origin = Origin::File(name.clone());
    state.loaded.set(Loaded::Loading(origin.clone()));
    leptos::task::spawn_local(async move {
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|text| text.as_string());
        let loaded = match text {
            Some(text) => validate(origin, &text),
            None => Loaded::Failed(origin, vec![format!("{name}: could not be read as text")]),
        };
        state.loaded.set(loaded);
    });
}

/// The map as a standalone SVG document with the map's styles inside it, and a file name.
async fn map_svg(state: AppState) -> Result<(String, String), String> {
    let svg = state
        .find("[data-testid='map'] svg.map")
        .ok_or("Open the map view to export it.")?;
    let name = state
        .dataset()
        .map(|dataset| dataset.dispute().id.0.clone())
        .unwrap_or_else(|| "dispute-map".to_owned());
    let styles = fetch_text(&format!("{}dispute-map.css", asset_base()))
        .await
        .unwrap_or_default();
    // The whole drawing, whatever part of it is on screen: every shape drawn for the copy.
    state.draw_whole.set(true);
    next_frame().await;
    let copy = svg.clone_node_with_deep(true);
    state.draw_whole.set(false);
    let copy: web_sys::Element = copy
        .map_err(|_| "The map could not be copied.")?
        .dyn_into()
        .map_err(|_| "The map could not be copied.")?;
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    // The whole drawing at full size, whatever the view on screen.
    if let Ok(Some(content)) = copy.query_selector(".map-content") {
        let _ = content.remove_attribute("transform");
    }
    if let (Some(width), Some(height)) = (
        copy.get_attribute("data-drawing-width"),
        copy.get_attribute("data-drawing-height"),
    ) {
        let _ = copy.set_attribute("width", &width);
        let _ = copy.set_attribute("height", &height);
        let _ = copy.set_attribute("viewBox", &format!("0 0 {width} {height}"));
    }
    let style = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("style").ok())
        .ok_or("The map could not be copied.")?;
    style.set_text_content(Some(&styles));
    let _ = copy.prepend_with_node_1(&style);
    Ok((name, copy.outer_html()))
}

/// Resolves at the next animation frame, when what the last signal changes drew is on the page.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        request_animation_frame(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = JsFuture::from(promise).await;
}

async fn fetch_text(url: &str) -> Option<String> {
    let response: web_sys::Response = JsFuture::from(window().fetch_with_str(url))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// Draws the SVG at twice its size onto a canvas and downloads it as PNG.
fn png_from_svg(name: String, svg: String, set_message: WriteSignal<Option<String>>) {
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let loaded = image.clone();
    let on_load = Closure::once_into_js(move || {
        let scale = 2.0;
        let canvas = document()
            .create_element("canvas")
            .ok()
            .and_then(|canvas| canvas.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else { return };
        canvas.set_width((f64::from(loaded.natural_width()) * scale) as u32);
        canvas.set_height((f64::from(loaded.natural_height()) * scale) as u32);
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|context| context.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let Some(context) = context else { return };
        let drawn = context
            .draw_image_with_html_image_element_and_dw_and_dh(
                &loaded,
                0.0,
                0.0,
                f64::from(canvas.width()),
                f64::from(canvas.height()),
            )
            .ok()
            .and_then(|_| canvas.to_data_url_with_type("image/png").ok());
        match drawn {
            Some(url) => download(&format!("{name}.png"), &url),
            None => set_message.set(Some("The map could not be drawn as PNG.".to_owned())),
        }
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&data_url("image/svg+xml", &svg));
}

/// A `data:` URL for text: allowed under the strict CSP (`img-src data:`), unlike `blob:`.
fn data_url(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}

/// Saves a URL's content under a file name.
fn download(name: &str, url: &str) {
    let Some(link) = document()
        .create_element("a")
        .ok()
        .and_then(|link| link.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    link.set_href(url);
    link.set_download(name);
    link.click();
}

//! Files in and out, all inside the browser: open a dispute file from disk (picker or drag and
//! drop; nothing is uploaded), and export the dataset as JSON, the map as SVG or PNG, or the
//! current view as a printed page. The menu (`menu.rs`) offers them.

use crate::host_page::asset_base;
use crate::loading::{load_file, next_frame};
use crate::state::{AppState, Loaded, Origin};
use dispute_core::layout::decimal;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_futures::JsFuture;

/// The file a file input was given; the input is emptied, so choosing the same file again
/// counts again.
fn take_picked_file(event: &ev::Event) -> Option<web_sys::File> {
    let input = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// Opens the file a file input was given.
pub fn read_picked_file(state: AppState, event: ev::Event) {
    if let Some(file) = take_picked_file(&event) {
        load_file(state, file);
    }
}

/// Compares the dispute shown with the file a file input was given (an older version).
pub fn compare_picked_file(state: AppState, event: ev::Event) {
    if let Some(file) = take_picked_file(&event) {
        crate::compare::compare_with_file(state, file);
    }
}

/// Saves the loaded file exactly as it was read.
pub fn export_json(state: AppState) {
    if let Loaded::Ready(origin, dataset, text) = state.loaded.get_untracked() {
        download(
            &format!("{}.json", dataset.dispute().id),
            &data_url("application/json", &text),
        );
        downloaded(state, &origin);
    }
}

/// Edits, once downloaded, need no draft in this browser.
fn downloaded(state: AppState, origin: &Origin) {
    if origin.is_draft() {
        crate::drafts::discard_draft();
        state.draft.set(false);
    }
}

/// The media type of an `.xlsx` workbook.
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Saves the loaded dispute as a workbook (the spreadsheet tools are fetched the first time).
pub fn export_workbook(state: AppState, say: WriteSignal<Option<String>>) {
    let Loaded::Ready(origin, dataset, text) = state.loaded.get_untracked() else {
        return;
    };
    let name = format!("{}.xlsx", dataset.dispute().id);
    say.set(Some("Preparing the spreadsheet…".to_owned()));
    leptos::task::spawn_local(async move {
        match crate::workbooks::workbook_of(&text).await {
            Ok(base64) => {
                download(&name, &format!("data:{XLSX};base64,{base64}"));
                downloaded(state, &origin);
                say.set(Some(format!("Saved {name}.")));
            }
            Err(problems) => say.set(Some(format!(
                "The spreadsheet could not be made: {}",
                problems.join("; ")
            ))),
        }
    });
}

/// Saves the blank workbook, with its README sheet, to fill in.
pub fn export_template(_: AppState, say: WriteSignal<Option<String>>) {
    say.set(Some("Preparing the template…".to_owned()));
    leptos::task::spawn_local(async move {
        match crate::workbooks::template().await {
            Ok(base64) => {
                download(
                    "dispute-template.xlsx",
                    &format!("data:{XLSX};base64,{base64}"),
                );
                say.set(Some("Saved dispute-template.xlsx.".to_owned()));
            }
            Err(problems) => say.set(Some(format!(
                "The template could not be made: {}",
                problems.join("; ")
            ))),
        }
    });
}

/// Saves the statements as W3C Web Annotations (JSON-LD), each a highlight of its source's text
/// that any annotation tool can find again.
pub fn export_annotations(state: AppState) {
    if let Some(dataset) = state.dataset() {
        let annotations = dataset.annotations();
        download(
            &format!("{}.annotations.jsonld", dataset.dispute().id),
            &data_url("application/ld+json", &annotations),
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
        load_file(state, file);
    }
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
    // Comments out: they may hold "<" or "&", which the copy's markup would misread.
    style.set_text_content(Some(&without_comments(&styles)));
    let _ = copy.prepend_with_node_1(&style);
    Ok((name, copy.outer_html()))
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
        let (width, height) = (
            f64::from(loaded.natural_width()),
            f64::from(loaded.natural_height()),
        );
        let scale = dispute_core::layout::picture_scale(width, height);
        let canvas = document()
            .create_element("canvas")
            .ok()
            .and_then(|canvas| canvas.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else { return };
        canvas.set_width((width * scale).round().max(1.0) as u32);
        canvas.set_height((height * scale).round().max(1.0) as u32);
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
            .and_then(|_| canvas.to_data_url_with_type("image/png").ok())
            // A canvas the browser could not make gives "data:," and would save an empty file.
            .filter(|url| url.len() > "data:,".len());
        match drawn {
            Some(url) => {
                download(&format!("{name}.png"), &url);
                if scale < 2.0 {
                    set_message.set(Some(format!(
                        "The map is {} × {} units, more than a picture holds at full size: the PNG shows it at {}%. Download SVG keeps every detail.",
                        decimal(width, 0),
                        decimal(height, 0),
                        decimal(scale * 100.0, 0)
                    )));
                }
            }
            None => set_message.set(Some(format!(
                "The map ({} × {} units) could not be drawn as a PNG in this browser; Download SVG keeps it whole.",
                decimal(width, 0),
                decimal(height, 0)
            ))),
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

/// CSS without its comments.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

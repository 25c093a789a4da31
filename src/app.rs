//! Start-up: find the host element, load the dispute, follow the URL hash, and report a panic
//! visibly instead of leaving a frozen page.

use crate::components::shell::Shell;
use crate::host_page::asset_base;
use crate::loading::{load_address, load_bundled};
use crate::state::{AppState, Loaded};
use dispute_core::config::{Config, Setting};
use dispute_core::route::Route;
use leptos::ev;
use leptos::prelude::*;

use wasm_bindgen::JsCast;

/// The attribute that marks the element a host page wants a map in.
const HOST_SELECTOR: &str = "dispute-map, [data-dispute-map]";

/// Mounts one map into every `<dispute-map>` and `[data-dispute-map]` element of the page, or
/// one into the body when there is none. Elements added later mount through
/// `__disputeMapMount` (their `connectedCallback` calls it).
///
/// The standalone page's element (`data-standalone`) hosts the app directly and takes its
/// settings from the URL. Any other element is a map embedded in someone else's page: it gets
/// a shadow root holding the app and its stylesheet, so the host's styles cannot reach the map
/// and the map's cannot reach the host, and takes its settings from its `data-*` attributes.
pub fn mount() {
    let hosts = document().query_selector_all(HOST_SELECTOR).ok();
    let hosts: Vec<web_sys::HtmlElement> = (0..hosts.as_ref().map_or(0, |list| list.length()))
        .filter_map(|index| hosts.as_ref()?.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|host| !host.has_attribute("data-mounted"))
        .collect();
    static OFFERED: std::sync::Once = std::sync::Once::new();
    OFFERED.call_once(|| {
        crate::host_page::offer_mount(
            &wasm_bindgen::closure::Closure::<dyn Fn()>::new(mount).into_js_value(),
        );
    });
    if hosts.is_empty() {
        if document()
            .query_selector("[data-mounted]")
            .ok()
            .flatten()
            .is_some()
        {
            // Maps are on the page already; nothing new to mount.
            return;
        }
        let root: web_sys::Element = document().body().expect("a page has a body").into();
        let _ = root.set_attribute("data-mounted", "");
        let config = page_config();
        leptos::mount::mount_to_body(move || view! { <App config root /> });
        return;
    }
    for host in hosts {
        let _ = host.set_attribute("data-mounted", "");
        if host.has_attribute("data-standalone") {
            mount_standalone(host);
        } else if let Some((container, stylesheet)) = shadow_container(&host) {
            // The host's placeholder ("Loading…") gives way to the app.
            host.set_text_content(None);
            // <dispute-map> names its settings without the data- of a <div>'s.
            let element = host.tag_name().eq_ignore_ascii_case("dispute-map");
            let config = Config::read(Setting::Attribute, |name| {
                host.get_attribute(name).or_else(|| {
                    element
                        .then(|| name.strip_prefix("data-"))
                        .flatten()
                        .and_then(|bare| host.get_attribute(bare))
                })
            });
            let root: web_sys::Element = container.clone().into();
            // Drawn once its stylesheet is in (or has failed): measured and laid out with its
            // own styles, never unstyled first.
            let start = move || {
                leptos::mount::mount_to(container, move || view! { <App config root /> }).forget();
            };
            let start = std::rc::Rc::new(std::cell::RefCell::new(Some(start)));
            for event in ["load", "error"] {
                let start = start.clone();
                let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                    if let Some(start) = start.borrow_mut().take() {
                        start();
                    }
                });
                let _ = stylesheet
                    .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
                listener.forget();
            }
        }
    }
}

/// Mounts the standalone page's app. Where the page holds the pre-rendered opening screen, the
/// app is drawn beside it, out of sight, and takes its place in one frame once its details are
/// drawn too: the screen never goes blank and nothing moves.
fn mount_standalone(host: web_sys::HtmlElement) {
    let config = page_config();
    let prerendered = host
        .query_selector_all(".prerendered, .prerender-note, .prerender-loading")
        .ok();
    let prerendered: Vec<web_sys::Element> =
        (0..prerendered.as_ref().map_or(0, |list| list.length()))
            .filter_map(|index| prerendered.as_ref()?.item(index))
            .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
            .collect();
    if prerendered.is_empty() {
        // The host's placeholder ("Loading…") gives way to the app.
        host.set_text_content(None);
        let root: web_sys::Element = host.clone().into();
        leptos::mount::mount_to(host, move || view! { <App config root /> }).forget();
        return;
    }
    let Ok(live) = document().create_element("div") else {
        return;
    };
    live.set_class_name("live-app taking-over");
    let _ = live.set_attribute("data-testid", "app");
    let _ = live.set_attribute("data-state", "taking-over");
    let _ = host.append_child(&live);
    let Ok(live) = live.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    // The app is drawn in a task after the wasm's start, so neither holds a slow phone long.
    set_timeout(
        move || take_over(host, live, prerendered, config),
        std::time::Duration::ZERO,
    );
}

/// Draws the app beside the pre-rendered screen, out of sight, and swaps the two once the app
/// shows what the screen does.
fn take_over(
    host: web_sys::HtmlElement,
    live: web_sys::HtmlElement,
    prerendered: Vec<web_sys::Element>,
    config: Config,
) {
    let root: web_sys::Element = live.clone().into();
    leptos::mount::mount_to(live.clone(), move || view! { <App config root /> }).forget();
    // The swap waits until the live app shows what the pre-rendered one does: its details drawn
    // (two frames after the map) and no part still to come in a later task, or a problem to
    // report. A page asking for another dispute shows the app's own loading at once: its
    // progress and its Cancel.
    let asks_for_data = document()
        .document_element()
        .is_some_and(|page| page.class_list().contains("loading-data"));
    let drawn = live.clone();
    when_drawn(live.clone(), asks_for_data, move || {
        crate::components::when_complete(drawn.into(), move || {
            request_animation_frame(move || {
                // Keyboard focus stays where it was: on the same entity of the map, or on the
                // details' heading, now in the live app.
                let focused = focused_in_prerendered();
                for element in prerendered {
                    element.remove();
                }
                let _ = host.remove_attribute("data-prerender");
                live.set_class_name("live-app");
                let _ = live.set_attribute("data-state", "live");
                if let Some(selector) = focused {
                    if let Ok(Some(element)) = live.query_selector(&selector) {
                        if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
                            let _ = element.focus();
                        } else if let Some(element) = element.dyn_ref::<web_sys::SvgElement>() {
                            let _ = element.focus();
                        }
                    }
                }
            })
        })
    });
}

/// Calls `then` once the live app has drawn its details or an alert, checking once a frame;
/// or, when `at_once`, after its first drawing.
fn when_drawn(live: web_sys::HtmlElement, at_once: bool, then: impl FnOnce() + 'static) {
    if at_once {
        crate::components::after_first_drawing(then);
        return;
    }
    let drawn = live
        .query_selector("[data-testid='details'] [aria-live], [role='alert']")
        .ok()
        .flatten()
        .is_some();
    if drawn {
        then();
    } else {
        request_animation_frame(move || when_drawn(live, false, then));
    }
}

/// Where keyboard focus is in the pre-rendered screen, as a selector for the same place in the
/// live app: an entity of the map, or the details' heading.
fn focused_in_prerendered() -> Option<String> {
    let focused = document().active_element()?;
    focused.closest(".prerendered").ok()??;
    if focused.closest("[data-testid='details']").ok()?.is_some() && focused.tag_name() == "H2" {
        return Some("[data-testid='details'] [aria-live] h2".to_owned());
    }
    let entity = focused
        .closest("[data-testid='map'] [data-kind][data-id]")
        .ok()??;
    Some(format!(
        "[data-testid='map'] [data-kind='{}'][data-id='{}']",
        entity.get_attribute("data-kind")?,
        entity
            .get_attribute("data-id")?
            .replace('\\', "\\\\")
            .replace('\'', "\\'")
    ))
}

/// The standalone page's settings, from its URL parameters; a page built with its disputes
/// (`<meta name="dispute-map-index">`) opens their index when the address names no file.
fn page_config() -> Config {
    let search = window().location().search().unwrap_or_default();
    let parameters = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let mut config = Config::read(Setting::Url, |name| parameters.as_ref()?.get(name));
    if config.data_url.is_none() && config.index_url.is_none() {
        config.index_url = document()
            .query_selector(&format!(
                "meta[name='{}']",
                dispute_core::config::INDEX_META
            ))
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
            .filter(|content| !content.trim().is_empty());
    }
    config
}

/// Attaches a shadow root to `host` holding the map's stylesheet and an element to mount into.
fn shadow_container(
    host: &web_sys::HtmlElement,
) -> Option<(web_sys::HtmlElement, web_sys::Element)> {
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .ok()?;
    let mut screen = None;
    for (file, media) in [
        ("dispute-map.css", "all"),
        ("dispute-map-print.css", "print"),
    ] {
        let stylesheet = document().create_element("link").ok()?;
        let _ = stylesheet.set_attribute("rel", "stylesheet");
        let _ = stylesheet.set_attribute("media", media);
        let _ = stylesheet.set_attribute("href", &format!("{}{file}", asset_base()));
        shadow.append_child(&stylesheet).ok()?;
        screen.get_or_insert(stylesheet);
    }
    let container: web_sys::HtmlElement = document().create_element("div").ok()?.dyn_into().ok()?;
    container.set_class_name("embedded-root");
    shadow.append_child(&container).ok()?;
    Some((container, screen?))
}

/// The panic hook: logs to the console and shows the message in a `role="alert"` element, so a
/// crash is never a blank or silently frozen page.
pub fn report_panic(info: &std::panic::PanicHookInfo<'_>) {
    console_error_panic_hook::hook(info);
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(alert) = document.create_element("div") else {
        return;
    };
    alert.set_class_name("fatal-error");
    let _ = alert.set_attribute("data-testid", "startup-error");
    let _ = alert.set_attribute("role", "alert");
    alert.set_text_content(Some(&format!(
        "The dispute map stopped because of an internal error: {info}. Reload the page to start again; if it happens again, please report this message."
    )));
    let parent = document
        .query_selector(HOST_SELECTOR)
        .ok()
        .flatten()
        .or_else(|| document.body().map(Into::into));
    if let Some(parent) = parent {
        let _ = parent.prepend_with_node_1(&alert);
    }
}

/// One map with its own state: loads its dispute, follows the hash if it owns it.
#[component]
pub fn App(
    /// Its settings: which file, which view and selection first, compact or not.
    config: Config,
    /// The element it is mounted in.
    root: web_sys::Element,
) -> impl IntoView {
    let mut state = AppState::new(&config, Some(root.clone()));
    state.opening_frame = crate::components::map::prerendered_frame();
    provide_context(state);
    // Whether this browser keeps a draft: the first use of its storage can take a slow phone a
    // while, so in a task of its own.
    crate::loading::later(move || {
        let _ = state.draft.try_set(crate::drafts::draft().is_some());
    });
    // The app's root, for tests and host pages: live at once, unless it is taking over from the
    // pre-rendered screen (`mount_standalone` marks it live after the swap).
    if root.get_attribute("data-state").as_deref() != Some("taking-over") {
        let _ = root.set_attribute("data-testid", "app");
        let _ = root.set_attribute("data-state", "live");
    }
    // The element the host page put the map in: it gets the map's control and its events.
    let host = root
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .map(|shadow| shadow.host())
        .ok()
        .or_else(|| root.closest(HOST_SELECTOR).ok().flatten())
        .unwrap_or_else(|| root.clone());
    crate::embed::connect(state, &host);
    // The layout follows the width of the map's own element (desktop or phone metrics).
    state.width.set(root_width(state));
    let resize = window_event_listener(ev::resize, move |_| {
        let width = root_width(state);
        if width != state.width.get_untracked() {
            state.width.set(width);
        }
    });
    on_cleanup(move || resize.remove());
    // Once printed, the briefing goes, and the screen is back as it was.
    let printed = window_event_listener(ev::afterprint, move |_| state.briefing.set(false));
    on_cleanup(move || printed.remove());

    // Settings first; a hash in the address, when this map owns it, wins over them.
    state.apply(Route {
        view: config.view,
        selection: config.selection.clone(),
    });
    if state.use_hash {
        // A map of an index follows its hash once the index is read (`disputes::start`).
        if let Some(hash) = location_hash()
            .filter(|hash| !hash.is_empty() && hash != "/" && config.index_url.is_none())
        {
            state.follow(&hash);
        }
        let _ = window_event_listener(ev::hashchange, move |_| {
            crate::disputes::follow(state, &location_hash().unwrap_or_default());
        });
        // Escape leaves the walkthrough wherever the focus is, the page itself included.
        let _ = window_event_listener(ev::keydown, move |event| {
            if event.key() == "Escape"
                && !event.default_prevented()
                && state.tour.get_untracked().is_some()
                && state.authoring.get_untracked().is_none()
            {
                event.prevent_default();
                state.leave_tour();
            }
        });
    }
    if !config.problems.is_empty() {
        state.route_error.set(Some(format!(
            "Some settings of this map were ignored: {}.",
            config.problems.join("; ")
        )));
    }
    // A walkthrough step asked for before the file was loaded opens once it is; so does the
    // walkthrough a map was set to open on.
    let open_on_tour = StoredValue::new(config.tour && state.tour.get_untracked().is_none());
    Effect::new(move |_| {
        if matches!(state.loaded.get(), Loaded::Ready(..)) {
            if let Some(step) = state.tour.get_untracked() {
                state.open_tour_step(step);
            } else if open_on_tour.get_value() {
                open_on_tour.set_value(false);
                state.open_tour_step(1);
            }
        }
    });
    match config.data_url.clone() {
        // An index lists disputes; the one to show, if any, is named by the hash.
        _ if config.index_url.is_some() => crate::disputes::start(
            state,
            config.index_url.clone().unwrap_or_default(),
            state.timeout,
        ),
        Some(url) => load_address(
            state,
            url,
            config
                .timeout
                .unwrap_or(dispute_core::config::DEFAULT_TIMEOUT),
        ),
        None => load_bundled(state),
    }

    view! { <Shell /> }
}

/// The width of the element a map is mounted in, in CSS pixels.
fn root_width(state: AppState) -> f64 {
    // While the app is out of sight, taking over from the pre-rendered screen, its host's.
    state
        .find_root(|root| {
            [Some(root.clone()), root.parent_element()]
                .into_iter()
                .flatten()
                .map(|element| f64::from(element.client_width()))
                .find(|width| *width > 0.0)
        })
        .flatten()
        .unwrap_or_else(|| {
            window()
                .inner_width()
                .ok()
                .and_then(|width| width.as_f64())
                .unwrap_or(1280.0)
        })
}

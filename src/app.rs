//! Start-up: find the host element, load the dispute, follow the URL hash, and report a panic
//! visibly instead of leaving a frozen page.

use crate::components::briefing::Briefing;
use crate::components::conflicts::Conflicts;
use crate::components::details::Details;
use crate::components::files::read_dropped_file;
use crate::components::header::{BackToBundled, Header};
use crate::components::list::List;
use crate::components::map::Map;
use crate::components::timeline::Timeline;
use crate::components::toolbar::Toolbar;
use crate::host_page::asset_base;
use crate::loading::{cancel, load_address, load_bundled, show_previous};
use crate::state::{AppState, Loaded, Origin};
use dispute_core::config::{Config, Setting};
use dispute_core::route::{Route, View};
use leptos::ev;
use leptos::prelude::*;

use wasm_bindgen::JsCast;

/// The attribute that marks the element a host page wants a map in.
const HOST_SELECTOR: &str = "[data-dispute-map]";

/// Mounts one map into every `[data-dispute-map]` element of the page, or one into the body
/// when there is none.
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
    if hosts.is_empty() {
        let root: web_sys::Element = document().body().expect("a page has a body").into();
        let config = page_config();
        leptos::mount::mount_to_body(move || view! { <App config root /> });
        return;
    }
    for host in hosts {
        let _ = host.set_attribute("data-mounted", "");
        if host.has_attribute("data-standalone") {
            mount_standalone(host);
        } else if let Some(container) = shadow_container(&host) {
            // The host's placeholder ("Loading…") gives way to the app.
            host.set_text_content(None);
            let config = Config::read(Setting::Attribute, |name| host.get_attribute(name));
            let root: web_sys::Element = container.clone().into();
            leptos::mount::mount_to(container, move || view! { <App config root /> }).forget();
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
    let _ = host.append_child(&live);
    let Ok(live) = live.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let root: web_sys::Element = live.clone().into();
    leptos::mount::mount_to(live.clone(), move || view! { <App config root /> }).forget();
    // The swap waits until the live app shows what the pre-rendered one does: its details drawn
    // (two frames after the map), or a problem to report. A page asking for another dispute
    // shows the app's own loading at once: its progress and its Cancel.
    let asks_for_data = document()
        .document_element()
        .is_some_and(|page| page.class_list().contains("loading-data"));
    when_drawn(live.clone(), asks_for_data, move || {
        request_animation_frame(move || {
            // Keyboard focus stays where it was: on the same entity of the map, or on the
            // details' heading, now in the live app.
            let focused = focused_in_prerendered();
            for element in prerendered {
                element.remove();
            }
            let _ = host.class_list().remove_1("prerender-waiting");
            live.set_class_name("live-app");
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

/// The standalone page's settings, from its URL parameters.
fn page_config() -> Config {
    let search = window().location().search().unwrap_or_default();
    let parameters = web_sys::UrlSearchParams::new_with_str(&search).ok();
    Config::read(Setting::Url, |name| parameters.as_ref()?.get(name))
}

/// Attaches a shadow root to `host` holding the map's stylesheet and an element to mount into.
fn shadow_container(host: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .ok()?;
    for (file, media) in [
        ("dispute-map.css", "all"),
        ("dispute-map-print.css", "print"),
    ] {
        let stylesheet = document().create_element("link").ok()?;
        let _ = stylesheet.set_attribute("rel", "stylesheet");
        let _ = stylesheet.set_attribute("media", media);
        let _ = stylesheet.set_attribute("href", &format!("{}{file}", asset_base()));
        shadow.append_child(&stylesheet).ok()?;
    }
    let container: web_sys::HtmlElement = document().create_element("div").ok()?.dyn_into().ok()?;
    container.set_class_name("embedded-root");
    shadow.append_child(&container).ok()?;
    Some(container)
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
    let state = AppState::new(&config, Some(root));
    provide_context(state);
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
        if let Some(hash) = location_hash().filter(|hash| !hash.is_empty() && hash != "/") {
            state.follow(&hash);
        }
        let _ = window_event_listener(ev::hashchange, move |_| {
            state.follow(&location_hash().unwrap_or_default());
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
        Some(url) => load_address(
            state,
            url,
            config
                .timeout
                .unwrap_or(dispute_core::config::DEFAULT_TIMEOUT),
        ),
        None => load_bundled(state),
    }

    view! { <Shell compact=config.compact /> }
}

/// The width of the element a map is mounted in, in CSS pixels.
fn root_width(state: AppState) -> f64 {
    state
        .find_root(|root| f64::from(root.client_width()))
        .filter(|width| *width > 0.0)
        .unwrap_or_else(|| {
            window()
                .inner_width()
                .ok()
                .and_then(|width| width.as_f64())
                .unwrap_or(1280.0)
        })
}

/// What a map shows once its state exists: skip links, the header, any problems with the file,
/// the toolbar, the open view and the details. Rendered in the browser by `App`, and on the host
/// for the pre-rendered opening screen (`crate::prerender`), so both draw the same markup.
#[component]
pub fn Shell(
    /// Leave out the header, for small embeds.
    compact: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_key = move |event: ev::KeyboardEvent| {
        if event.key() != "Escape" || event.default_prevented() {
            return;
        }
        let target = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok());
        let typing = target
            .as_ref()
            .is_some_and(|target| target.tag_name().eq_ignore_ascii_case("input"));
        let in_details = target.as_ref().is_some_and(|target| {
            target
                .closest("[data-testid='details']")
                .ok()
                .flatten()
                .is_some()
        });
        // An authoring screen handles its own keys.
        if typing || state.authoring.with_untracked(Option::is_some) {
            return;
        }
        if state.tour.get_untracked().is_some() {
            event.prevent_default();
            state.leave_tour();
        } else if in_details && state.focus_selected_on_map() {
            // Escape in the details goes back to the entity on the map, still selected.
            event.prevent_default();
        } else if state.selection.get_untracked().is_some() {
            event.prevent_default();
            state.navigate(Route {
                view: Some(state.view.get_untracked()),
                selection: None,
            });
        }
    };
    // Drawn once while a screen is open, whichever screen: the authoring module draws into it.
    let authoring = Memo::new(move |_| state.authoring.with(Option::is_some));
    view! {
        <div class="dispute-map" class:compact=compact class:embedded=!state.use_hash
                        class:authoring=move || authoring.get()
            class:beside=move || state.authoring.with(|screen| screen == &Some(crate::authoring::Screen::NewDispute))
            class:panel-closed=move || !state.panel_open.get()
            class:printing-briefing=move || state.briefing.get()
            class:has-selection=move || state.selection.with(Option::is_some)
            on:keydown=on_key
            on:dragover=move |event: ev::DragEvent| event.prevent_default()
            on:drop=move |event: ev::DragEvent| read_dropped_file(state, event)>
            <SkipLinks />
            {(!compact).then(|| view! { <Header /> })}
            {move || authoring.get().then(|| view! { <AuthoringHost /> })}
            <LoadProblems />
            {move || match state.loaded.get() {
                Loaded::Loading(origin) => view! { <Loading origin /> }.into_any(),
                Loaded::Failed(..) => ().into_any(),
                Loaded::Ready(..) => view! {
                    <Toolbar />
                    <main class="workspace">
                        <div class="view-area" id="view-area">
                            {move || {
                                let view = state.view.get();
                                provide_context(state.scoped());
                                match view {
                                    View::Map => view! { <Map /> }.into_any(),
                                    View::Timeline => view! { <Timeline /> }.into_any(),
                                    View::Conflicts => view! { <Conflicts /> }.into_any(),
                                                                        View::List => view! { <List /> }.into_any(),
                                    View::Changes => view! { <crate::components::changes::Changes /> }.into_any(),
                                }
                            }}
                        </div>
                        <Details />
                    </main>
                    <Briefing />
                }
                .into_any(),
            }}
        </div>
    }
}

/// Where an authoring screen draws itself (`crates/editor`), in place of the views; or why it
/// could not open.
#[component]
fn AuthoringHost() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        {move || state.authoring_problem.get().map(|problem| view! {
            <div class="authoring-problem" role="alert">
                <p>{format!("The authoring tools could not open: {problem}.")}</p>
                <button type="button" on:click=move |_| state.authoring.set(None)>"Close"</button>
            </div>
        })}
        <div class="authoring-host" data-testid="authoring"></div>
    }
}

/// A file on its way: where from, whether it is being checked, and a way to stop.
#[component]
fn Loading(
    /// Where the file comes from.
    origin: Origin,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let from = match origin {
        Origin::Url(url) => url,
        other => other.describe(),
    };
    view! {
        <div class="loading">
            <p role="status">
                {move || if state.checking.get() { "Checking the dispute from " } else { "Loading the dispute from " }}
                <bdi>{from}</bdi>"…"
            </p>
            <button type="button" on:click=move |_| cancel(state)>"Cancel"</button>
        </div>
    }
}

/// Links past the header and toolbar, the first thing Tab reaches: to the open view and to
/// the details. They move keyboard focus without touching the address, which holds the route.
#[component]
fn SkipLinks() -> impl IntoView {
    let state = expect_context::<AppState>();
    let skip = move |event: ev::MouseEvent, target: &'static str| {
        event.prevent_default();
        state.focus_first(target);
    };
    view! {
        <nav class="skip-links" aria-label="Skip links">
            <a href="#view-area" on:click=move |event| skip(event, "map")>"Skip to the map"</a>
            <a href="#details" on:click=move |event| skip(event, "details")>"Skip to the details"</a>
        </nav>
    }
}

/// Errors from loading or validating the file, every one of them, with a way back.
#[component]
fn LoadProblems() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let Loaded::Failed(origin, problems) = state.loaded.get() else {
            return ().into_any();
        };
        let from = capitalised(&origin.describe());
        let count = problems.len();
        // The dispute shown before, when there was one, is a click away.
        let previous = state.previous.with_value(|previous| match previous {
            Some(Loaded::Ready(origin, ..)) => Some(origin.describe()),
            _ => None,
        });
        view! {
            <section class="load-problems" role="alert">
                <h2>{format!("{from} could not be opened ({count} problem{})", if count == 1 { "" } else { "s" })}</h2>
                <ul>{problems.into_iter().map(|problem| view! { <li><code>{problem}</code></li> }).collect_view()}</ul>
                <p>
                    {previous.map(|previous| view! {
                        <button type="button" on:click=move |_| show_previous(state)>{format!("Back to {previous}")}</button>
                        " · "
                    })}
                    <BackToBundled label="Open the bundled dispute instead" />
                </p>
            </section>
        }
        .into_any()
    }
}

/// `text` with its first letter a capital.
fn capitalised(text: &str) -> String {
    let mut characters = text.chars();
    characters
        .next()
        .map(|first| first.to_uppercase().chain(characters).collect())
        .unwrap_or_default()
}

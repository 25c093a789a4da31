//! The timeline: events on a time axis, as precisely as the reports date them (a day a point, a
//! month or a year a band as wide, an approximate date soft-edged), in one lane, and when the
//! reports themselves were published in another. What has no place on the axis is listed apart
//! with its own words and the report that uses them. Across on a desktop, down on a phone.

use super::search::ResultsList;
use super::{shown, EntityLink};
use crate::state::AppState;
use dispute_core::dataset::Dataset;
use dispute_core::layout::timeline::{Mark, Orientation, TimelineLayout, LABEL_TEXT};
use dispute_core::layout::{decimal, units};
use dispute_core::model::{DatePrecision, EntityKind, EntityRef};
use leptos::prelude::*;

/// The timeline view.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let Some(dataset) = state.dataset() else {
            return ().into_any();
        };
        let narrow = state.is_narrow();
        let (orientation, width) = if narrow {
            (
                Orientation::Down,
                (state.width.get_untracked() - 48.0).max(280.0),
            )
        } else {
            let panel = if state.panel_open.get_untracked() {
                380.0
            } else {
                0.0
            };
            (
                Orientation::Across,
                dispute_core::layout::within(
                    state.width.get_untracked() - panel - 64.0,
                    640.0,
                    1400.0,
                ),
            )
        };
        let layout = TimelineLayout::new(&dataset, orientation, width);
        let kept = |id: &str| state.is_kept(id);
        let any_kept = dataset
            .file
            .events
            .iter()
            .any(|event| kept(event.id.as_str()));
        let empty = (!any_kept).then(|| {
            view! {
                <p class="empty">"No event matches the search and filters. What they find:"</p>
                <ResultsList testid="view-search-results" />
            }
        });
        view! {
            <section class="timeline-view" data-testid="timeline" aria-label="Timeline">
                <h2 class="view-heading">"Timeline"</h2>
                <p class="view-intro">"When things happened, as precisely as the reports say: a day is a point, a month or a year a band as wide, an approximate date has soft edges. When the reports were published stands in its own lane."</p>
                {empty}
                {axis(&dataset, &layout)}
                {apart(&dataset, &layout)}
            </section>
        }
        .into_any()
    }
}

/// The axis drawn in SVG: ticks by year, the events and the reports as marks with their labels.
fn axis(dataset: &Dataset, layout: &TimelineLayout) -> impl IntoView {
    let across = layout.orientation == Orientation::Across;
    let (x1, y1, x2, y2) = layout.axis;
    let (rx1, ry1, rx2, ry2) = layout.reported_axis;
    let ticks = layout
        .ticks
        .iter()
        .map(|tick| {
            let (lx1, ly1, lx2, ly2, tx, ty) = if across {
                (tick.at, y1 - 6.0, tick.at, ry2 + 6.0, tick.at, y1 + 22.0)
            } else {
                (x1 - 6.0, tick.at, rx1 + 6.0, tick.at, x1 - 10.0, tick.at + 4.0)
            };
            view! {
                <line class="tick" x1=units(lx1) y1=units(ly1) x2=units(lx2) y2=units(ly2) />
                <text class="tick-label" class:across=across x=units(tx) y=units(ty) font-size="12">{tick.year.to_string()}</text>
            }
        })
        .collect_view();
    let events = layout
        .happened
        .iter()
        .map(|mark| event_mark(dataset, mark, across))
        .collect_view();
    let reports = layout
        .reported
        .iter()
        .map(|mark| report_mark(mark, across))
        .collect_view();
    let (happened_label, reported_label) = if across {
        (
            view! { <text class="lane-label" x=16 y=units(y1 + 4.0) font-size="12">"Happened"</text> },
            view! { <text class="lane-label" x=16 y=units(ry1 + 4.0) font-size="12">"Reported"</text> },
        )
    } else {
        (
            view! { <text class="lane-label" x=units(x1) y=units(y1 - 14.0) font-size="12">"Happened"</text> },
            view! { <text class="lane-label end" x=units(rx1) y=units(ry1 - 14.0) font-size="12">"Reported"</text> },
        )
    };
    view! {
        <svg class="timeline-axis" class:down=!across viewBox=format!("0 0 {} {}", decimal(layout.width, 0), decimal(layout.height, 0))
            role="group" aria-label="The dated events on a time axis, and when the reports were published">
            <defs>
                // Soft edges for an approximate date, across or down the axis.
                <linearGradient id="soft-across" x1="0" y1="0" x2="1" y2="0">
                    <stop offset="0" class="soft-edge" />
                    <stop offset="0.3" class="soft-core" />
                    <stop offset="0.7" class="soft-core" />
                    <stop offset="1" class="soft-edge" />
                </linearGradient>
                <linearGradient id="soft-down" x1="0" y1="0" x2="0" y2="1">
                    <stop offset="0" class="soft-edge" />
                    <stop offset="0.3" class="soft-core" />
                    <stop offset="0.7" class="soft-core" />
                    <stop offset="1" class="soft-edge" />
                </linearGradient>
            </defs>
            {ticks}
            {happened_label}
            <line class="axis" x1=units(x1) y1=units(y1) x2=units(x2) y2=units(y2) />
            {reported_label}
            <line class="axis reported" x1=units(rx1) y1=units(ry1) x2=units(rx2) y2=units(ry2) />
            {events}
            {reports}
        </svg>
    }
}

/// The shape of a mark: a point for a day, a band for a month or a year, soft-edged when
/// approximate.
fn shape(mark: &Mark, across: bool) -> AnyView {
    let rect = mark.mark;
    if mark.span.is_point() {
        view! { <circle class="when point" data-testid="when" cx=units(rect.center_x()) cy=units(rect.center_y()) r="6" /> }
            .into_any()
    } else if mark.span.soft {
        let fill = if across {
            "url(#soft-across)"
        } else {
            "url(#soft-down)"
        };
        view! { <rect class="when band soft" data-testid="when" data-soft="true" x=units(rect.x) y=units(rect.y) width=units(rect.width) height=units(rect.height) rx="3" fill=fill /> }.into_any()
    } else {
        view! { <rect class="when band" data-testid="when" x=units(rect.x) y=units(rect.y) width=units(rect.width) height=units(rect.height) rx="3" /> }.into_any()
    }
}

/// A label's lines in SVG, each line keeping its space so the label reads whole.
fn label_text(mark: &Mark) -> impl IntoView {
    let label = mark.label;
    view! {
        <rect class="label-card" x=units(label.x) y=units(label.y) width=units(label.width) height=units(label.height) rx="6" />
        <text x=units(label.x + 6.0) y=units(label.y + 4.0) font-size=units(LABEL_TEXT.size)>
            {mark.label_lines.iter().enumerate().map(|(index, line)| view! {
                <tspan x=units(label.x + 6.0) dy=if index == 0 { "1.05em" } else { "1.25em" }>{line.clone()}</tspan>
            }).collect_view()}
        </text>
    }
}

fn event_mark(dataset: &Dataset, mark: &Mark, across: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(event) = dataset.event(&mark.id) else {
        return ().into_any();
    };
    let entity = EntityRef::new(EntityKind::Event, mark.id.clone());
    let selected = Signal::derive({
        let entity = entity.clone();
        move || state.is_selected(&entity)
    });
    let dimmed = !state.is_kept(&mark.id);
    let derived = event.date.precision == DatePrecision::Relative;
    let when = if derived {
        format!("{}, placed from the report's date", event.date.text)
    } else {
        format!("{} ({})", event.date.text, event.date.precision.label())
    };
    let aria = format!("{}: {when}", mark.label_lines.concat());
    let (label, at) = (mark.label, mark.mark);
    // The label's edge nearest the mark, joined to it.
    let (lx, ly, mx, my) = if across {
        (
            dispute_core::layout::within(at.center_x(), label.x + 4.0, label.right() - 4.0),
            label.bottom(),
            at.center_x(),
            at.y,
        )
    } else {
        (label.x, label.center_y(), at.right(), at.center_y())
    };
    let select = move || state.select(entity.clone());
    let on_key = {
        let select = select.clone();
        move |event: leptos::ev::KeyboardEvent| {
            if event.key() == "Enter" || event.key() == " " {
                event.prevent_default();
                select();
            }
        }
    };
    view! {
        <g class="timeline-event" class:selected=selected class:dimmed=dimmed class:derived=derived
            data-kind="event" data-id=mark.id.clone() data-date=mark.date.clone()
            aria-current=move || selected.get().then_some("true") role="button" tabindex="0" aria-label=aria
            on:click=move |_| select() on:keydown=on_key>
            <line class="leader" x1=units(lx) y1=units(ly) x2=units(mx) y2=units(my) />
            {shape(mark, across)}
            {label_text(mark)}
        </g>
    }
    .into_any()
}

fn report_mark(mark: &Mark, across: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let entity = EntityRef::new(EntityKind::Source, mark.id.clone());
    let selected = Signal::derive({
        let entity = entity.clone();
        move || state.is_selected(&entity)
    });
    let select = move |_| state.select(entity.clone());
    view! {
        <g class="timeline-report" class:selected=selected data-kind="source" data-id=mark.id.clone() data-date=mark.date.clone()
            role="button" tabindex="0" aria-current=move || selected.get().then_some("true") aria-label=format!("Published: {}", mark.label_lines.concat())
            on:click=select>
            {shape(mark, across)}
            {label_text(mark)}
        </g>
    }
}

/// What has no place on the axis: events undated, or dated from a report whose own date is not
/// known, each with its own words and the report that uses them; and the reports with no date.
fn apart(dataset: &Dataset, layout: &TimelineLayout) -> impl IntoView {
    let state = expect_context::<AppState>();
    let events: Vec<_> = layout
        .undated
        .iter()
        .filter_map(|id| dataset.event(id))
        .filter(|event| state.is_kept(event.id.as_str()))
        .map(|event| {
            let reporting = event
                .date
                .relative_to
                .as_ref()
                .or(event.sources.first())
                .map(|source| view! { " in " <EntityLink id=source.0.clone() /> });
            let why = match event.date.precision {
                DatePrecision::Relative => "relative to a report whose own date is not known",
                _ => "not dated",
            };
            view! {
                <li class="undated-item">
                    <EntityLink id=event.id.0.clone() />
                    " — “" <bdi>{shown(&event.date.text)}</bdi> "”" {reporting}
                    <span class="muted">{format!(" ({why}; {})", event.status.label())}</span>
                </li>
            }
        })
        .collect();
    let reports: Vec<_> = layout
        .reports_undated
        .iter()
        .filter_map(|id| dataset.source(id))
        .map(|source| {
            let words = source
                .published
                .as_ref()
                .map(|date| view! { " — " <bdi>{shown(&date.text)}</bdi> });
            view! { <li><EntityLink id=source.id.0.clone() /> {words}</li> }
        })
        .collect();
    view! {
        {(!events.is_empty()).then(|| view! {
            <section class="timeline-apart">
                <h3>{format!("Happened, not on the axis ({})", events.len())}</h3>
                <ul class="undated-list">{events}</ul>
            </section>
        })}
        {(!reports.is_empty()).then(|| view! {
            <section class="timeline-apart">
                <h3>{format!("Reported, with no date ({})", reports.len())}</h3>
                <ul class="undated-list">{reports}</ul>
            </section>
        })}
    }
}

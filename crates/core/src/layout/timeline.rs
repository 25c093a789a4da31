//! The timeline's geometry: events on a time axis, as precisely as the reports date them. A day
//! is a point, a month a month-wide band, a year a year-wide band, an approximate date a band
//! with soft edges. What happened stands in one lane, when the reports were published in another;
//! what has no place on the axis (undated, or dated relative to a report whose own date is not
//! known) is listed apart with its own words. Horizontal on a desktop, vertical on a phone.

use super::text::{wrap, TextStyle};
use super::Rect;
use crate::dataset::Dataset;
use crate::model::{DatePrecision, ReportedDate};

/// Which way time runs on the drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// Left to right, labels above the axis: a desktop.
    Across,
    /// Top to bottom, labels beside the axis: a phone.
    Down,
}

/// A stretch of time in years (2025.75 is the start of October 2025).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    pub start: f64,
    pub end: f64,
    /// Whether its edges are soft: an approximate date.
    pub soft: bool,
}

impl Span {
    /// Where on the calendar a reported date lies, as far as its value and precision say; `None`
    /// for a date with no calendar value.
    pub fn of(date: &ReportedDate) -> Option<Span> {
        let value = date.value.as_deref()?;
        let mut parts = value.split('-').map(|part| part.parse::<u32>().ok());
        let year = f64::from(parts.next()??);
        let month = parts.next().flatten();
        let day = parts.next().flatten();
        let month_start = |month: u32| year + f64::from(month - 1) / 12.0;
        let (start, end) = match (month, day) {
            (Some(month), Some(day)) => {
                let start = month_start(month) + f64::from(day - 1) / 365.0;
                (start, start + 1.0 / 365.0)
            }
            (Some(month), None) => (month_start(month), month_start(month) + 1.0 / 12.0),
            _ => (year, year + 1.0),
        };
        Some(Span {
            start,
            end,
            soft: date.precision == DatePrecision::Approximate,
        })
    }

    /// Where a date relative to a report stands, when the report's own date is known and the
    /// words are ones we read ("last month", "earlier this month", "this year", "last year",
    /// "recently"); soft-edged, since it is worked out, not reported. `None` otherwise: the
    /// date then stands apart with its own words.
    pub fn relative(date: &ReportedDate, anchor: &ReportedDate) -> Option<Span> {
        if date.precision != DatePrecision::Relative {
            return None;
        }
        let anchor = Span::of(anchor)?;
        let words = date.text.to_ascii_lowercase();
        let has = |phrase: &str| words.contains(phrase);
        let month = 1.0 / 12.0;
        let month_start = (anchor.start * 12.0).floor() / 12.0;
        let year_start = anchor.start.floor();
        let (start, end) = if has("last month") || has("previous month") {
            (month_start - month, month_start)
        } else if has("this month") {
            (month_start, anchor.end.max(month_start + 1.0 / 365.0))
        } else if has("last year") || has("previous year") {
            (year_start - 1.0, year_start)
        } else if has("this year") {
            (year_start, anchor.end.max(year_start + 1.0 / 365.0))
        } else if has("recently") || has("last week") || has("days ago") {
            (anchor.start - month, anchor.end)
        } else {
            return None;
        };
        Some(Span {
            start,
            end,
            soft: true,
        })
    }

    /// The span as a calendar value at month precision (`2026-02`), for a date worked out from
    /// a report's.
    pub fn month_value(&self) -> String {
        let months = (self.start * 12.0 + 1e-6).floor() as i64;
        format!(
            "{:04}-{:02}",
            months.div_euclid(12),
            months.rem_euclid(12) + 1
        )
    }

    /// Whether it is a single day, drawn as a point.
    pub fn is_point(&self) -> bool {
        self.end - self.start < 2.0 / 365.0
    }
}

/// One dated thing on the axis: an event in the "happened" lane, or a report in the "reported"
/// lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub id: String,
    /// The date's calendar value as the file gives it (`2025-09`), for `data-date`.
    pub date: String,
    pub span: Span,
    /// The mark's extent on the drawing, in units: a point's is a small square around it.
    pub mark: Rect,
    pub label: Rect,
    pub label_lines: Vec<String>,
}

/// A tick on the axis, at the start of a year.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub year: i32,
    /// Where along the axis it stands, in units.
    pub at: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    pub orientation: Orientation,
    pub width: f64,
    pub height: f64,
    /// Where the "happened" axis runs: from its start to its end, in units.
    pub axis: (f64, f64, f64, f64),
    /// Where the "reported" axis runs, parallel to the first.
    pub reported_axis: (f64, f64, f64, f64),
    pub ticks: Vec<Tick>,
    pub happened: Vec<Mark>,
    pub reported: Vec<Mark>,
    /// Events with no place on the axis, in file order.
    pub undated: Vec<String>,
    /// Reports with no place on the axis.
    pub reports_undated: Vec<String>,
}

/// The label text's style: no smaller than the map's smallest.
pub const LABEL_TEXT: TextStyle = TextStyle {
    size: 13.0,
    bold: false,
};

const MARGIN: f64 = 16.0;
const LABEL_WIDTH: f64 = 150.0;
const LABEL_GAP: f64 = 10.0;
const LANE_GAP: f64 = 70.0;
const POINT: f64 = 7.0;

fn line_height() -> f64 {
    (LABEL_TEXT.size * 1.25).round()
}

impl TimelineLayout {
    /// Lays the dataset's events and reports out on an axis, for a drawing `width` units wide.
    pub fn new(dataset: &Dataset, orientation: Orientation, width: f64) -> TimelineLayout {
        let file = &dataset.file;
        // An event's place: its own date, or one worked out from its report's.
        let place = |date: &ReportedDate| -> Option<(String, Span)> {
            if let Some(span) = Span::of(date) {
                return Some((date.value.clone().unwrap_or_default(), span));
            }
            let anchor = dataset
                .source(date.relative_to.as_ref()?.as_str())?
                .published
                .as_ref()?;
            let span = Span::relative(date, anchor)?;
            Some((span.month_value(), span))
        };
        let dated_events: Vec<(String, String, Span, String)> = file
            .events
            .iter()
            .filter_map(|event| {
                let (value, span) = place(&event.date)?;
                Some((event.id.0.clone(), value, span, event.title.clone()))
            })
            .collect();
        let dated_reports: Vec<(String, String, Span, String)> = file
            .sources
            .iter()
            .filter_map(|source| {
                let date = source.published.as_ref()?;
                let span = Span::of(date)?;
                let name = source
                    .short_title
                    .clone()
                    .unwrap_or_else(|| source.title.clone());
                Some((
                    source.id.0.clone(),
                    date.value.clone().unwrap_or_default(),
                    span,
                    name,
                ))
            })
            .collect();
        let undated = file
            .events
            .iter()
            .filter(|event| place(&event.date).is_none())
            .map(|event| event.id.0.clone())
            .collect();
        let reports_undated = file
            .sources
            .iter()
            .filter(|source| source.published.as_ref().and_then(Span::of).is_none())
            .map(|source| source.id.0.clone())
            .collect();

        // The years the axis shows: whole years round everything dated.
        let spans = dated_events
            .iter()
            .chain(&dated_reports)
            .map(|(_, _, span, _)| *span);
        let first = spans
            .clone()
            .map(|span| span.start)
            .fold(f64::INFINITY, f64::min);
        let last = spans.map(|span| span.end).fold(f64::NEG_INFINITY, f64::max);
        let (first_year, last_year) = if first.is_finite() {
            (
                first.floor() as i32,
                last.ceil().max(first.floor() + 1.0) as i32,
            )
        } else {
            (2000, 2001)
        };
        let years = f64::from(last_year - first_year);

        let mut layout = TimelineLayout {
            orientation,
            width,
            height: 0.0,
            axis: (0.0, 0.0, 0.0, 0.0),
            reported_axis: (0.0, 0.0, 0.0, 0.0),
            ticks: Vec::new(),
            happened: Vec::new(),
            reported: Vec::new(),
            undated,
            reports_undated,
        };
        match orientation {
            Orientation::Across => layout.across(first_year, years, &dated_events, &dated_reports),
            Orientation::Down => layout.down(first_year, years, &dated_events, &dated_reports),
        }
        let step = match years as i32 {
            0..=12 => 1,
            13..=30 => 5,
            _ => 10,
        };
        layout.ticks = (first_year..=last_year)
            .filter(|year| (year - first_year) % step == 0)
            .map(|year| Tick {
                year,
                at: layout.along(first_year, years, f64::from(year)),
            })
            .collect();
        layout
    }

    /// The position along the axis of a time, in units.
    fn along(&self, first_year: i32, years: f64, time: f64) -> f64 {
        let (x1, y1, x2, y2) = self.axis;
        let fraction = (time - f64::from(first_year)) / years;
        match self.orientation {
            Orientation::Across => x1 + fraction * (x2 - x1),
            Orientation::Down => y1 + fraction * (y2 - y1),
        }
    }

    fn across(
        &mut self,
        first_year: i32,
        years: f64,
        events: &[(String, String, Span, String)],
        reports: &[(String, String, Span, String)],
    ) {
        // Labels above the axis in as many rows as they need not to overlap; the reported lane
        // below, its labels under it.
        let axis_start = MARGIN + 84.0;
        let axis_end = self.width - MARGIN;
        // First place the marks, to know where the labels go.
        self.axis = (axis_start, 0.0, axis_end, 0.0);
        let place = |layout: &TimelineLayout, span: &Span| -> (f64, f64) {
            let start = layout.along(first_year, years, span.start);
            let end = layout.along(first_year, years, span.end);
            (start, end)
        };
        let label_height = |lines: usize| lines as f64 * line_height() + 8.0;
        // Rows of labels: each row remembers where its last label ends.
        let mut happened: Vec<(Mark, usize)> = Vec::new();
        let mut row_ends: Vec<f64> = Vec::new();
        let mut row_heights: Vec<f64> = Vec::new();
        for (id, date, span, title) in events {
            let (start, end) = place(self, span);
            let center = (start + end) / 2.0;
            let left = super::within(
                center - LABEL_WIDTH / 2.0,
                MARGIN,
                self.width - MARGIN - LABEL_WIDTH,
            );
            let lines = wrap(title, LABEL_TEXT, LABEL_WIDTH - 8.0, 3);
            let row = row_ends
                .iter()
                .position(|end| left >= *end + LABEL_GAP)
                .unwrap_or_else(|| {
                    row_ends.push(f64::NEG_INFINITY);
                    row_heights.push(0.0);
                    row_ends.len() - 1
                });
            row_ends[row] = left + LABEL_WIDTH;
            row_heights[row] = row_heights[row].max(label_height(lines.len()));
            happened.push((
                Mark {
                    id: id.clone(),
                    date: date.clone(),
                    span: *span,
                    mark: Rect::default(),
                    label: Rect {
                        x: left,
                        y: 0.0,
                        width: LABEL_WIDTH,
                        height: label_height(lines.len()),
                    },
                    label_lines: lines,
                },
                row,
            ));
        }
        // Rows stack upwards from the axis: row 0 nearest.
        let mut row_bottoms = Vec::with_capacity(row_heights.len());
        let mut top = MARGIN + 24.0;
        for height in row_heights.iter().rev() {
            top += height + LABEL_GAP;
            row_bottoms.push(top - LABEL_GAP);
        }
        row_bottoms.reverse();
        let axis_y = top + 24.0;
        self.axis = (axis_start, axis_y, axis_end, axis_y);
        for (mut mark, row) in happened {
            let (start, end) = place(self, &mark.span);
            mark.label.y = row_bottoms[row] - mark.label.height;
            mark.mark = mark_rect(start, end, axis_y, Orientation::Across);
            self.happened.push(mark);
        }
        let reported_y = axis_y + LANE_GAP;
        self.reported_axis = (axis_start, reported_y, axis_end, reported_y);
        let mut last_end = f64::NEG_INFINITY;
        let mut label_top = reported_y + 20.0;
        let mut bottom = reported_y + 30.0;
        for (id, date, span, name) in reports {
            let start = self.along(first_year, years, span.start);
            let end = self.along(first_year, years, span.end);
            let center = (start + end) / 2.0;
            let left = super::within(
                center - LABEL_WIDTH / 2.0,
                MARGIN,
                self.width - MARGIN - LABEL_WIDTH,
            );
            if left < last_end + LABEL_GAP {
                label_top += 2.0 * line_height() + 12.0;
            }
            last_end = left + LABEL_WIDTH;
            let lines = wrap(name, LABEL_TEXT, LABEL_WIDTH - 8.0, 2);
            let label = Rect {
                x: left,
                y: label_top,
                width: LABEL_WIDTH,
                height: label_height(lines.len()),
            };
            bottom = bottom.max(label.bottom());
            self.reported.push(Mark {
                id: id.clone(),
                date: date.clone(),
                span: *span,
                mark: mark_rect(start, end, reported_y, Orientation::Across),
                label,
                label_lines: lines,
            });
        }
        self.height = bottom + MARGIN;
    }

    fn down(
        &mut self,
        first_year: i32,
        years: f64,
        events: &[(String, String, Span, String)],
        reports: &[(String, String, Span, String)],
    ) {
        // Two axes side by side, time running down: what happened on the left, when it was
        // reported on the right; labels to the right of their marks, pushed down so they never
        // overlap.
        let top = MARGIN + 28.0;
        let per_year = 90.0;
        let length = (years * per_year).max(240.0);
        let axis_x = MARGIN + 44.0;
        let reported_x = self.width - MARGIN - 10.0;
        self.axis = (axis_x, top, axis_x, top + length);
        self.reported_axis = (reported_x, top, reported_x, top + length);
        let label_width = (reported_x - axis_x - 40.0).max(120.0);
        let mut next_free = f64::NEG_INFINITY;
        let mut bottom = top + length;
        for (id, date, span, title) in events {
            let start = self.along(first_year, years, span.start);
            let end = self.along(first_year, years, span.end);
            let lines = wrap(title, LABEL_TEXT, label_width - 8.0, 3);
            let height = lines.len() as f64 * line_height() + 8.0;
            let y = ((start + end) / 2.0 - height / 2.0).max(next_free + LABEL_GAP);
            next_free = y + height;
            bottom = bottom.max(next_free);
            self.happened.push(Mark {
                id: id.clone(),
                date: date.clone(),
                span: *span,
                mark: mark_rect(start, end, axis_x, Orientation::Down),
                label: Rect {
                    x: axis_x + 20.0,
                    y,
                    width: label_width,
                    height,
                },
                label_lines: lines,
            });
        }
        for (id, date, span, name) in reports {
            let start = self.along(first_year, years, span.start);
            let end = self.along(first_year, years, span.end);
            let lines = wrap(name, LABEL_TEXT, 110.0, 2);
            let height = lines.len() as f64 * line_height() + 8.0;
            self.reported.push(Mark {
                id: id.clone(),
                date: date.clone(),
                span: *span,
                mark: mark_rect(start, end, reported_x, Orientation::Down),
                label: Rect {
                    x: reported_x - 130.0,
                    y: (start + end) / 2.0 - height / 2.0,
                    width: 120.0,
                    height,
                },
                label_lines: lines,
            });
        }
        self.height = bottom + MARGIN;
    }
}

/// The extent of a mark spanning `start` to `end` along an axis at `across`: at least a point's
/// size, so a day and a short month are both easy to hit.
fn mark_rect(start: f64, end: f64, across: f64, orientation: Orientation) -> Rect {
    let length = (end - start).max(POINT * 2.0);
    let from = (start + end) / 2.0 - length / 2.0;
    match orientation {
        Orientation::Across => Rect {
            x: from,
            y: across - POINT,
            width: length,
            height: POINT * 2.0,
        },
        Orientation::Down => Rect {
            x: across - POINT,
            y: from,
            width: POINT * 2.0,
            height: length,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::parse;

    fn bundled() -> Dataset {
        parse(crate::BUNDLED_DISPUTE).unwrap()
    }

    #[test]
    fn dates_become_spans_as_wide_as_their_precision() {
        let date = |value: &str, precision| ReportedDate {
            text: "t".to_owned(),
            precision,
            value: Some(value.to_owned()),
            relative_to: None,
        };
        let year = Span::of(&date("2019", DatePrecision::Year)).unwrap();
        assert_eq!((year.start, year.end, year.soft), (2019.0, 2020.0, false));
        let month = Span::of(&date("2025-09", DatePrecision::Month)).unwrap();
        assert!((month.start - (2025.0 + 8.0 / 12.0)).abs() < 1e-9);
        assert!((month.end - month.start - 1.0 / 12.0).abs() < 1e-9);
        let day = Span::of(&date("2026-03-12", DatePrecision::Day)).unwrap();
        assert!(day.is_point() && !month.is_point());
        assert!(
            Span::of(&date("2023", DatePrecision::Approximate))
                .unwrap()
                .soft
        );
        let relative = ReportedDate {
            text: "last month".to_owned(),
            precision: DatePrecision::Relative,
            value: None,
            relative_to: None,
        };
        assert_eq!(Span::of(&relative), None);
    }

    #[test]
    fn a_relative_date_is_placed_from_its_report_when_that_is_dated() {
        let anchor = ReportedDate {
            text: "12 March 2026".to_owned(),
            precision: DatePrecision::Day,
            value: Some("2026-03-12".to_owned()),
            relative_to: None,
        };
        let relative = |text: &str| ReportedDate {
            text: text.to_owned(),
            precision: DatePrecision::Relative,
            value: None,
            relative_to: None,
        };
        let last_month = Span::relative(&relative("last month"), &anchor).unwrap();
        assert_eq!(last_month.month_value(), "2026-02");
        assert!(last_month.soft);
        assert_eq!(
            Span::relative(&relative("earlier this month"), &anchor)
                .unwrap()
                .month_value(),
            "2026-03"
        );
        assert_eq!(
            Span::relative(&relative("in the spring"), &anchor),
            None,
            "words we do not read stand apart"
        );
        let undated = ReportedDate {
            text: "not dated".to_owned(),
            precision: DatePrecision::Unknown,
            value: None,
            relative_to: None,
        };
        assert_eq!(Span::relative(&relative("last month"), &undated), None);
    }

    /// Later dates stand further along the axis, across on a desktop and down on a phone; what
    /// has no date stands apart; no two labels overlap.
    #[test]
    fn later_stands_further_along() {
        let dataset = bundled();
        for (orientation, width) in [(Orientation::Across, 880.0), (Orientation::Down, 370.0)] {
            let layout = TimelineLayout::new(&dataset, orientation, width);
            assert_eq!(
                layout.happened.len() + layout.undated.len(),
                dataset.file.events.len()
            );
            assert!(layout.happened.len() >= 3);
            for pair in layout.happened.windows(2) {
                let along = |mark: &Mark| match orientation {
                    Orientation::Across => mark.mark.center_x(),
                    Orientation::Down => mark.mark.center_y(),
                };
                assert!(
                    (pair[1].span.start > pair[0].span.start)
                        == (along(&pair[1]) > along(&pair[0])),
                    "{} and {}",
                    pair[0].id,
                    pair[1].id
                );
            }
            let labels: Vec<Rect> = layout.happened.iter().map(|mark| mark.label).collect();
            for (index, label) in labels.iter().enumerate() {
                assert!(
                    label.x >= 0.0 && label.right() <= width + 0.5,
                    "{label:?} in {width}"
                );
                for other in &labels[index + 1..] {
                    assert!(!label.overlaps(other), "{label:?} overlaps {other:?}");
                }
            }
            assert!(layout
                .undated
                .contains(&"amazon-openai-agreements-signed".to_owned()));
            assert_eq!(layout.reports_undated.len(), dataset.file.sources.len());
        }
    }
}

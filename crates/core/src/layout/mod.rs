//! Pure geometry: a `Dataset` in, positions out. Deterministic (the same data and metrics give the
//! same picture) and free of the DOM, so it is tested on the host.
//!
//! The picture is a swimlane map. Each party that is bound by a contract or named in the dispute
//! gets a column with a lifeline. Each contract is a card placed between the lifelines of its
//! outermost parties, joined to every party's lifeline by a connector. Cards are packed into rows
//! so that no two overlap; a row is as tall as its tallest card. The dispute is drawn as arcs
//! above the party row, from each claimant to each respondent. Parties bound by nothing are listed
//! in a row under the map.

pub mod gesture;
mod number;
mod text;
pub mod timeline;
mod viewport;

pub use number::{decimal, units, within};
pub use text::{line_text, wrap, TextStyle};
pub use viewport::{picture_scale, Frame, Viewport, Visible, ASSUMED_FRAME};

use crate::dataset::Dataset;
use crate::model::{Contract, EntityKind};
use std::collections::HashMap;

/// Below this width in CSS pixels a map takes the phone's metrics, and the app its phone layout
/// (the stylesheet switches at the same width).
pub const NARROW_BELOW: f64 = 700.0;

/// Sizes in SVG user units. Two sets: one for wide screens, a tighter one for phones. The view
/// draws text in exactly these styles, so what is measured here is what is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    pub margin: f64,
    /// Inner space between a box's edge and its text.
    pub padding: f64,
    pub party_width: f64,
    pub party_height: f64,
    pub card_width: f64,
    /// Horizontal space between two lifelines; wider than a card so cards in one gap never touch
    /// cards in the next.
    pub column_gap: f64,
    pub row_gap: f64,
    pub party_text: TextStyle,
    pub title_text: TextStyle,
    pub chip_text: TextStyle,
    pub dispute_text: TextStyle,
    /// Room above the party row for the dispute arcs and their label.
    pub arc_space: f64,
    /// The most lines a contract's title and a clause's chip take before they are cut short.
    pub title_lines: usize,
    pub chip_lines: usize,
}

impl Metrics {
    /// A desktop's map frame: three parties' columns fit in 860 units, shown at scale 1.
    pub const WIDE: Metrics = Metrics {
        margin: 20.0,
        padding: 10.0,
        party_width: 164.0,
        party_height: 64.0,
        card_width: 228.0,
        column_gap: 270.0,
        row_gap: 16.0,
        party_text: TextStyle {
            size: 15.0,
            bold: true,
        },
        title_text: TextStyle {
            size: 13.0,
            bold: true,
        },
        chip_text: TextStyle {
            size: 12.0,
            bold: false,
        },
        dispute_text: TextStyle {
            size: 14.0,
            bold: true,
        },
        arc_space: 96.0,
        title_lines: 4,
        chip_lines: 3,
    };

    /// A phone: three parties' columns fit in 376 units, the width of a 390-pixel screen, and
    /// cards are wider than a column so their titles read in few lines (cards that would touch
    /// go into rows of their own). No text is smaller than 12 units.
    pub const NARROW: Metrics = Metrics {
        margin: 8.0,
        padding: 7.0,
        party_width: 110.0,
        party_height: 64.0,
        card_width: 220.0,
        column_gap: 120.0,
        row_gap: 14.0,
        party_text: TextStyle {
            size: 13.0,
            bold: true,
        },
        title_text: TextStyle {
            size: 12.5,
            bold: true,
        },
        chip_text: TextStyle {
            size: 12.0,
            bold: false,
        },
        dispute_text: TextStyle {
            size: 13.0,
            bold: true,
        },
        arc_space: 84.0,
        title_lines: 5,
        chip_lines: 4,
    };

    /// The metrics for a map this many CSS pixels wide.
    pub fn for_width(width: f64) -> Metrics {
        if width < NARROW_BELOW {
            Metrics::NARROW
        } else {
            Metrics::WIDE
        }
    }

    /// Line height for a text style.
    pub fn line_height(style: TextStyle) -> f64 {
        (style.size * 1.25).round()
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    pub fn center_x(&self) -> f64 {
        self.x + self.width / 2.0
    }

    pub fn center_y(&self) -> f64 {
        self.y + self.height / 2.0
    }

    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }
}

/// How a party stands in the dispute, for styling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Claimant,
    Respondent,
    Other,
}

impl Side {
    /// The side in words: "claimant", "respondent", "other party".
    pub fn label(self) -> &'static str {
        match self {
            Side::Claimant => "claimant",
            Side::Respondent => "respondent",
            Side::Other => "other party",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Side::Claimant => "claimant",
            Side::Respondent => "respondent",
            Side::Other => "other",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PartyNode {
    pub id: String,
    pub rect: Rect,
    pub lines: Vec<String>,
    pub side: Side,
    /// The lifeline's x and its vertical extent; `None` for parties bound by nothing.
    pub lifeline: Option<(f64, f64, f64)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ContractCard {
    pub id: String,
    pub rect: Rect,
    pub title_lines: Vec<String>,
    pub chips: Vec<ClauseChip>,
    /// Horizontal connectors from the card to each party's lifeline: (party id, y, x from, x to).
    pub connectors: Vec<Connector>,
}

impl ContractCard {
    /// The box around the card and its connectors, which reach out to the parties' lifelines.
    pub fn bounds(&self) -> Rect {
        let left = self
            .connectors
            .iter()
            .map(|connector| connector.from_x)
            .fold(self.rect.x, f64::min);
        let right = self
            .connectors
            .iter()
            .map(|connector| connector.to_x)
            .fold(self.rect.right(), f64::max);
        Rect {
            x: left,
            y: self.rect.y,
            width: right - left,
            height: self.rect.height,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Connector {
    pub party: String,
    pub y: f64,
    pub from_x: f64,
    pub to_x: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClauseChip {
    pub id: String,
    pub rect: Rect,
    pub lines: Vec<String>,
    pub disputed: bool,
}

/// A quadratic curve from `from` through the pull of `control` to `to`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Curve {
    pub from: (f64, f64),
    pub control: (f64, f64),
    pub to: (f64, f64),
}

impl Curve {
    pub fn svg_path(&self) -> String {
        format!(
            "M{},{} Q{},{} {},{}",
            units(self.from.0),
            units(self.from.1),
            units(self.control.0),
            units(self.control.1),
            units(self.to.0),
            units(self.to.1)
        )
    }

    /// The highest point of the curve (its midpoint, for a symmetric arc).
    pub fn apex(&self) -> (f64, f64) {
        let x = 0.25 * self.from.0 + 0.5 * self.control.0 + 0.25 * self.to.0;
        let y = 0.25 * self.from.1 + 0.5 * self.control.1 + 0.25 * self.to.1;
        (x, y)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct DisputeMark {
    pub id: String,
    pub label: Rect,
    pub label_lines: Vec<String>,
    /// One arc per claimant and respondent pair: (respondent id, curve).
    pub arcs: Vec<(String, Curve)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    pub width: f64,
    pub height: f64,
    pub parties: Vec<PartyNode>,
    pub contracts: Vec<ContractCard>,
    pub dispute: Option<DisputeMark>,
    /// Where the row of parties bound by nothing starts (its heading sits above it).
    pub others_top: Option<f64>,
}

/// A direction for keyboard movement across the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    /// The direction an arrow key names (`KeyboardEvent.key`).
    pub fn from_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            _ => None,
        }
    }
}

impl MapLayout {
    /// Every drawn entity with its box, in drawing order.
    pub fn entities(&self) -> Vec<(EntityKind, &str, Rect)> {
        let mut entities = Vec::new();
        if let Some(dispute) = &self.dispute {
            entities.push((EntityKind::Dispute, dispute.id.as_str(), dispute.label));
        }
        for party in &self.parties {
            entities.push((EntityKind::Party, party.id.as_str(), party.rect));
        }
        for card in &self.contracts {
            entities.push((EntityKind::Contract, card.id.as_str(), card.rect));
            for chip in &card.chips {
                entities.push((EntityKind::Clause, chip.id.as_str(), chip.rect));
            }
        }
        entities
    }

    /// Where the entity `id` is drawn, if it is.
    pub fn rect_of(&self, id: &str) -> Option<Rect> {
        self.entities()
            .into_iter()
            .find(|(_, entity, _)| *entity == id)
            .map(|(_, _, rect)| rect)
    }

    /// The nearest entity from `id` in `direction`: the candidate ahead whose centre is closest,
    /// counting sideways distance three times so movement stays in its row or column.
    pub fn neighbour(&self, id: &str, direction: Direction) -> Option<(EntityKind, &str)> {
        let entities = self.entities();
        let (_, _, from) = entities.iter().find(|(_, entity, _)| *entity == id)?;
        let (from_x, from_y) = (from.center_x(), from.center_y());
        entities
            .iter()
            .filter(|(_, entity, _)| *entity != id)
            .filter_map(|(kind, entity, rect)| {
                let (dx, dy) = (rect.center_x() - from_x, rect.center_y() - from_y);
                let (ahead, sideways) = match direction {
                    Direction::Right => (dx, dy),
                    Direction::Left => (-dx, dy),
                    Direction::Down => (dy, dx),
                    Direction::Up => (-dy, dx),
                };
                (ahead > 1.0).then_some((ahead + 3.0 * sideways.abs(), *kind, *entity))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.2.cmp(b.2)))
            .map(|(_, kind, entity)| (kind, entity))
    }
}

/// Lays out the whole map.
pub fn layout(dataset: &Dataset, metrics: &Metrics) -> MapLayout {
    let file = &dataset.file;
    let dispute = dataset.dispute();
    let side_of = |id: &str| {
        if dispute.claimants.iter().any(|party| party.as_str() == id) {
            Side::Claimant
        } else if dispute.respondents.iter().any(|party| party.as_str() == id) {
            Side::Respondent
        } else {
            Side::Other
        }
    };

    // Columns: claimants, then respondents, then every other party bound by a contract, each
    // group in file order.
    let bound = |id: &str| dataset.contracts_of(id).next().is_some();
    let mut columns: Vec<&str> = Vec::new();
    for wanted in [Side::Claimant, Side::Respondent, Side::Other] {
        for party in &file.parties {
            let id = party.id.as_str();
            if side_of(id) == wanted && (wanted != Side::Other || bound(id)) {
                columns.push(id);
            }
        }
    }
    let column_index: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(column, id)| (*id, column))
        .collect();
    let column_of = |id: &str| column_index.get(id).copied();
    let column_x = |column: usize| {
        metrics.margin + metrics.column_gap / 2.0 + column as f64 * metrics.column_gap
    };
    let party_top = metrics.margin + metrics.arc_space;
    let rows_top = party_top + metrics.party_height + metrics.row_gap * 1.5;

    // Cards, packed into rows: a card goes into the first row where it overlaps no other card.
    let mut rows: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut row_heights: Vec<f64> = Vec::new();
    let mut placed: Vec<(
        usize,
        f64,
        Vec<String>,
        Vec<(String, Vec<String>, bool)>,
        f64,
    )> = Vec::new();
    for contract in &file.contracts {
        let mut spans: Vec<usize> = contract
            .parties
            .iter()
            .filter_map(|party| column_of(party.as_str()))
            .collect();
        spans.sort_unstable();
        let (Some(&first), Some(&last)) = (spans.first(), spans.last()) else {
            continue;
        };
        let center = if first == last {
            column_x(first) + metrics.column_gap / 2.0
        } else {
            (column_x(first) + column_x(last)) / 2.0
        };
        let left = center - metrics.card_width / 2.0;
        let right = center + metrics.card_width / 2.0;
        let (title_lines, chips, height) = card_contents(dataset, contract, metrics);
        let row = rows
            .iter()
            .position(|intervals| {
                intervals
                    .iter()
                    .all(|(start, end)| right <= *start || left >= *end)
            })
            .unwrap_or_else(|| {
                rows.push(Vec::new());
                row_heights.push(0.0);
                rows.len() - 1
            });
        rows[row].push((left, right));
        row_heights[row] = row_heights[row].max(height);
        placed.push((row, left, title_lines, chips, height));
    }
    let mut row_tops = Vec::with_capacity(rows.len());
    let mut next_top = rows_top;
    for height in &row_heights {
        row_tops.push(next_top);
        next_top += height + metrics.row_gap;
    }
    let lifeline_bottom = next_top.max(rows_top + metrics.row_gap);

    let mut contracts = Vec::with_capacity(placed.len());
    let placed_contracts = file.contracts.iter().filter(|contract| {
        contract
            .parties
            .iter()
            .any(|party| column_of(party.as_str()).is_some())
    });
    for (contract, (row, left, title_lines, chip_labels, height)) in placed_contracts.zip(placed) {
        let rect = Rect {
            x: left,
            y: row_tops[row],
            width: metrics.card_width,
            height,
        };
        let mut chip_top = rect.y
            + metrics.padding
            + title_lines.len() as f64 * Metrics::line_height(metrics.title_text)
            + 6.0;
        let chips = chip_labels
            .into_iter()
            .map(|(id, lines, disputed)| {
                let height = chip_height(metrics, lines.len());
                let chip = ClauseChip {
                    id,
                    lines,
                    disputed,
                    rect: Rect {
                        x: rect.x + metrics.padding,
                        y: chip_top,
                        width: rect.width - 2.0 * metrics.padding,
                        height,
                    },
                };
                chip_top += height + CHIP_SPACING;
                chip
            })
            .collect();
        let connector_y = rect.y + metrics.padding + Metrics::line_height(metrics.title_text) * 0.5;
        let connectors = contract
            .parties
            .iter()
            .filter_map(|party| {
                let x = column_x(column_of(party.as_str())?);
                // A party whose lifeline runs under the card is marked on the card's top edge.
                let (from_x, to_x, y) = if x < rect.x {
                    (x, rect.x, connector_y)
                } else if x > rect.right() {
                    (rect.right(), x, connector_y)
                } else {
                    (x, x, rect.y)
                };
                Some(Connector {
                    party: party.0.clone(),
                    y,
                    from_x,
                    to_x,
                })
            })
            .collect();
        contracts.push(ContractCard {
            id: contract.id.0.clone(),
            rect,
            title_lines,
            chips,
            connectors,
        });
    }

    // Each lifeline runs down to the last card it reaches, not to the bottom of the map.
    let mut reach: HashMap<&str, f64> = HashMap::new();
    for card in &contracts {
        for connector in &card.connectors {
            let bottom = reach.entry(connector.party.as_str()).or_insert(0.0);
            *bottom = bottom.max(card.rect.bottom() + metrics.row_gap / 2.0);
        }
    }
    let mut parties: Vec<PartyNode> = columns
        .iter()
        .enumerate()
        .map(|(column, id)| {
            let x = column_x(column);
            let top = party_top + metrics.party_height;
            let bottom = reach
                .get(id)
                .copied()
                .unwrap_or(top + metrics.row_gap)
                .max(top + metrics.row_gap);
            PartyNode {
                id: (*id).to_owned(),
                rect: Rect {
                    x: x - metrics.party_width / 2.0,
                    y: party_top,
                    width: metrics.party_width,
                    height: metrics.party_height,
                },
                lines: wrap(
                    dataset.label(id).unwrap_or(id),
                    metrics.party_text,
                    metrics.party_width - 2.0 * metrics.padding,
                    2,
                ),
                side: side_of(id),
                lifeline: Some((x, top, bottom)),
            }
        })
        .collect();

    // Parties bound by nothing: a row of their own under the map, wrapping to the map's width.
    let map_width =
        (column_x(columns.len().max(1) - 1) + metrics.column_gap / 2.0 + metrics.margin)
            .max(metrics.party_width * 2.0 + metrics.margin * 3.0);
    let loose: Vec<&str> = file
        .parties
        .iter()
        .map(|party| party.id.as_str())
        .filter(|id| column_of(id).is_none())
        .collect();
    let others_top = (!loose.is_empty()).then_some(lifeline_bottom + metrics.row_gap * 2.0);
    let per_row = (((map_width - metrics.margin) / (metrics.party_width + metrics.margin)).floor()
        as usize)
        .max(1);
    // Named in the style of a clause: lighter than the parties in the lanes.
    let loose_height = Metrics::line_height(metrics.chip_text) * 2.0 + metrics.padding;
    for (index, id) in loose.iter().enumerate() {
        let top = others_top.unwrap_or_default()
            + Metrics::line_height(metrics.chip_text)
            + (index / per_row) as f64 * (loose_height + metrics.row_gap);
        parties.push(PartyNode {
            id: (*id).to_owned(),
            rect: Rect {
                x: metrics.margin
                    + (index % per_row) as f64 * (metrics.party_width + metrics.margin),
                y: top,
                width: metrics.party_width,
                height: loose_height,
            },
            lines: wrap(
                dataset.label(id).unwrap_or(id),
                metrics.chip_text,
                metrics.party_width - 2.0 * metrics.padding,
                2,
            ),
            side: side_of(id),
            lifeline: None,
        });
    }
    let bottom = parties
        .iter()
        .map(|party| party.rect.bottom())
        .fold(lifeline_bottom, f64::max)
        + metrics.margin;

    let dispute_mark = dispute_arcs(dataset, metrics, &parties, map_width, party_top);

    MapLayout {
        width: map_width,
        height: bottom,
        parties,
        contracts,
        dispute: dispute_mark,
        others_top,
    }
}

/// A card's title lines, its clause chips (id, lines, disputed) and its height.
fn card_contents(
    dataset: &Dataset,
    contract: &Contract,
    metrics: &Metrics,
) -> (Vec<String>, Vec<(String, Vec<String>, bool)>, f64) {
    let inner = metrics.card_width - 2.0 * metrics.padding;
    let title_lines = wrap(
        &contract.title,
        metrics.title_text,
        inner,
        metrics.title_lines,
    );
    let chips: Vec<(String, Vec<String>, bool)> = dataset
        .clauses_of(contract.id.as_str())
        .map(|clause| {
            (
                clause.id.0.clone(),
                wrap(
                    &clause.title,
                    metrics.chip_text,
                    inner - 2.0 * metrics.padding,
                    metrics.chip_lines,
                ),
                clause.disputed,
            )
        })
        .collect();
    let chips_height: f64 = chips
        .iter()
        .map(|(_, lines, _)| chip_height(metrics, lines.len()) + CHIP_SPACING)
        .sum();
    let height = metrics.padding
        + title_lines.len() as f64 * Metrics::line_height(metrics.title_text)
        + 6.0
        + chips_height
        + metrics.padding;
    (title_lines, chips, height)
}

const CHIP_SPACING: f64 = 4.0;

fn chip_height(metrics: &Metrics, lines: usize) -> f64 {
    lines as f64 * Metrics::line_height(metrics.chip_text) + 8.0
}

fn dispute_arcs(
    dataset: &Dataset,
    metrics: &Metrics,
    parties: &[PartyNode],
    map_width: f64,
    party_top: f64,
) -> Option<DisputeMark> {
    let dispute = dataset.dispute();
    let node = |id: &str| {
        parties
            .iter()
            .find(|party| party.id == id && party.lifeline.is_some())
    };
    let mut arcs = Vec::new();
    let mut lift = 0.0_f64;
    let respondents: Vec<&PartyNode> = dispute
        .respondents
        .iter()
        .filter_map(|respondent| node(respondent.as_str()))
        .collect();
    for claimant in &dispute.claimants {
        let Some(from) = node(claimant.as_str()) else {
            continue;
        };
        for (index, to) in respondents.iter().enumerate() {
            // Each further arc rises higher and leaves from its own point on the claimant's
            // top edge, so arcs that share an end never run together.
            lift += 1.0;
            let height = metrics.arc_space * (0.35 + 0.25 * lift).min(1.6);
            let spread = (from.rect.width / 2.0 - metrics.padding).min(14.0);
            let offset = (index as f64 - (respondents.len() as f64 - 1.0) / 2.0) * spread;
            let from_point = (from.rect.center_x() + offset, party_top);
            let to_point = (to.rect.center_x(), party_top);
            let control = ((from_point.0 + to_point.0) / 2.0, party_top - height);
            arcs.push((
                to.id.clone(),
                Curve {
                    from: from_point,
                    control,
                    to: to_point,
                },
            ));
        }
    }
    let label_width = (metrics.card_width + 40.0).min(map_width - 2.0 * metrics.margin);
    let label_lines = wrap(
        &dispute.title,
        metrics.dispute_text,
        label_width - 2.0 * metrics.padding,
        2,
    );
    let label_height =
        metrics.padding + label_lines.len() as f64 * Metrics::line_height(metrics.dispute_text);
    let center_x =
        arcs.iter().map(|(_, curve)| curve.apex().0).sum::<f64>() / arcs.len().max(1) as f64;
    let center_x = if arcs.is_empty() {
        map_width / 2.0
    } else {
        center_x
    };
    let left = within(
        center_x - label_width / 2.0,
        metrics.margin,
        map_width - metrics.margin - label_width,
    );
    Some(DisputeMark {
        id: dispute.id.0.clone(),
        label: Rect {
            x: left,
            y: metrics.margin,
            width: label_width,
            height: label_height,
        },
        label_lines,
        arcs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset;

    fn bundled() -> Dataset {
        dataset::parse(crate::BUNDLED_DISPUTE).expect("the bundled dispute is valid")
    }

    /// The bundled dispute and the example, which has a three-party contract and loose parties.
    fn every_shipped_dataset() -> Vec<Dataset> {
        let example = dataset::parse(crate::EXAMPLE_DISPUTE).expect("the example dispute is valid");
        vec![bundled(), example]
    }

    fn every_rect(map: &MapLayout) -> Vec<(String, Rect)> {
        let mut rects: Vec<(String, Rect)> = map
            .parties
            .iter()
            .map(|party| (party.id.clone(), party.rect))
            .collect();
        rects.extend(
            map.contracts
                .iter()
                .map(|card| (card.id.clone(), card.rect)),
        );
        if let Some(dispute) = &map.dispute {
            rects.push((dispute.id.clone(), dispute.label));
        }
        rects
    }

    #[test]
    fn layout_is_deterministic() {
        for dataset in every_shipped_dataset() {
            for metrics in [Metrics::WIDE, Metrics::NARROW] {
                assert_eq!(layout(&dataset, &metrics), layout(&dataset, &metrics));
            }
        }
    }

    #[test]
    fn no_boxes_overlap_and_all_fit_the_view() {
        for (dataset, metrics) in every_shipped_dataset().into_iter().flat_map(|dataset| {
            let dataset = std::rc::Rc::new(dataset);
            [Metrics::WIDE, Metrics::NARROW].map(move |metrics| (dataset.clone(), metrics))
        }) {
            let map = layout(&dataset, &metrics);
            let view = Rect {
                x: 0.0,
                y: 0.0,
                width: map.width,
                height: map.height,
            };
            let rects = every_rect(&map);
            for (index, (id, rect)) in rects.iter().enumerate() {
                assert!(
                    view.contains(rect),
                    "{id} {rect:?} lies outside the view {view:?}"
                );
                for (other_id, other) in &rects[index + 1..] {
                    assert!(!rect.overlaps(other), "{id} overlaps {other_id}");
                }
            }
            for card in &map.contracts {
                for chip in &card.chips {
                    assert!(
                        card.rect.contains(&chip.rect),
                        "chip {} sticks out of {}",
                        chip.id,
                        card.id
                    );
                    for line in &chip.lines {
                        assert!(
                            metrics.chip_text.width(line_text(line))
                                <= chip.rect.width - 2.0 * metrics.padding,
                            "chip text {line:?} overflows"
                        );
                    }
                }
                for line in &card.title_lines {
                    assert!(
                        metrics.title_text.width(line_text(line))
                            <= card.rect.width - 2.0 * metrics.padding,
                        "title {line:?} overflows"
                    );
                }
            }
            for party in &map.parties {
                // A party bound by no contract is named in the clause style.
                let style = if party.lifeline.is_some() {
                    metrics.party_text
                } else {
                    metrics.chip_text
                };
                for line in &party.lines {
                    assert!(
                        style.width(line_text(line)) <= party.rect.width - 2.0 * metrics.padding,
                        "party name {line:?} overflows"
                    );
                }
            }
        }
    }

    /// The bundled dispute's labels are never cut short, at desktop or phone size.
    #[test]
    fn no_label_of_the_bundled_dispute_is_cut_short() {
        let dataset = bundled();
        for metrics in [Metrics::WIDE, Metrics::NARROW] {
            let map = layout(&dataset, &metrics);
            let mut labels: Vec<&Vec<String>> =
                map.parties.iter().map(|party| &party.lines).collect();
            for card in &map.contracts {
                labels.push(&card.title_lines);
                labels.extend(card.chips.iter().map(|chip| &chip.lines));
            }
            labels.extend(map.dispute.iter().map(|dispute| &dispute.label_lines));
            for lines in labels {
                assert!(!lines.concat().ends_with('…'), "{lines:?} is cut short");
            }
        }
    }

    /// A 390-pixel phone shows the map at full size: every claimant and respondent fits its
    /// width, and no text is smaller than 12 units.
    #[test]
    fn a_phone_shows_every_claimant_and_respondent_at_full_size() {
        let dataset = bundled();
        let map = layout(&dataset, &Metrics::NARROW);
        let dispute = dataset.dispute();
        for id in dispute.claimants.iter().chain(&dispute.respondents) {
            let party = map
                .parties
                .iter()
                .find(|party| party.id == id.as_str())
                .unwrap();
            assert!(
                party.rect.right() <= 390.0,
                "{} ends at {}",
                party.id,
                party.rect.right()
            );
        }
        for metrics in [Metrics::WIDE, Metrics::NARROW] {
            for style in [
                metrics.party_text,
                metrics.title_text,
                metrics.chip_text,
                metrics.dispute_text,
            ] {
                assert!(style.size >= 12.0);
            }
        }
    }

    #[test]
    fn every_party_contract_and_clause_is_placed() {
        for dataset in every_shipped_dataset() {
            let map = layout(&dataset, &Metrics::WIDE);
            assert_eq!(map.parties.len(), dataset.file.parties.len());
            assert_eq!(map.contracts.len(), dataset.file.contracts.len());
            let chips: usize = map.contracts.iter().map(|card| card.chips.len()).sum();
            assert_eq!(chips, dataset.file.clauses.len());
            let dispute = map.dispute.expect("the dispute is drawn");
            let pairs = dataset.dispute().claimants.len() * dataset.dispute().respondents.len();
            assert_eq!(dispute.arcs.len(), pairs);
        }
    }

    #[test]
    fn arrow_keys_move_to_the_nearest_entity_that_way() {
        let dataset = bundled();
        let map = layout(&dataset, &Metrics::WIDE);
        let cases = [
            ("microsoft", Direction::Right, Some("openai")),
            ("openai", Direction::Right, Some("amazon")),
            ("openai", Direction::Left, Some("microsoft")),
            ("microsoft", Direction::Up, Some("microsoft-breach-claim")),
            (
                "microsoft-openai-partnership",
                Direction::Down,
                Some("azure-stateless-exclusivity"),
            ),
            ("amazon", Direction::Right, None),
        ];
        for (from, direction, expected) in cases {
            assert_eq!(
                map.neighbour(from, direction).map(|(_, id)| id),
                expected,
                "{from} {direction:?}"
            );
        }
    }

    #[test]
    fn every_entity_can_be_reached_by_arrow_keys() {
        let dataset = bundled();
        let map = layout(&dataset, &Metrics::WIDE);
        let start = map.parties[0].id.as_str();
        let mut seen = vec![start];
        let mut frontier = vec![start];
        while let Some(id) = frontier.pop() {
            for direction in [
                Direction::Left,
                Direction::Right,
                Direction::Up,
                Direction::Down,
            ] {
                if let Some((_, next)) = map.neighbour(id, direction) {
                    if !seen.contains(&next) {
                        seen.push(next);
                        frontier.push(next);
                    }
                }
            }
        }
        assert_eq!(seen.len(), map.entities().len(), "reached {seen:?}");
    }

    #[test]
    fn connectors_reach_their_party_lifelines() {
        for dataset in every_shipped_dataset() {
            let map = layout(&dataset, &Metrics::WIDE);
            for card in &map.contracts {
                let contract = dataset.contract(&card.id).unwrap();
                assert_eq!(card.connectors.len(), contract.parties.len(), "{}", card.id);
                for connector in &card.connectors {
                    let party = map
                        .parties
                        .iter()
                        .find(|party| party.id == connector.party)
                        .unwrap();
                    let (x, top, bottom) = party.lifeline.expect("a bound party has a lifeline");
                    assert!(
                        connector.from_x == x || connector.to_x == x,
                        "{} does not reach {}",
                        card.id,
                        party.id
                    );
                    assert!(connector.y > top && connector.y < bottom);
                }
            }
        }
    }

    mod properties {
        use super::*;
        use crate::generate::{generate, Size};
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(24))]

            /// Any valid dataset: every entity gets a box inside the view, the same every time.
            #[test]
            fn every_entity_is_placed_inside_the_view(parties in 3..30usize, contracts in 1..60usize, clauses in 0..80usize, statements in 1..120usize, seed in any::<u64>()) {
                let text = serde_json::to_string(&generate(Size { parties, contracts, clauses, statements }, seed)).unwrap();
                let dataset = dataset::parse(&text).expect("generated disputes are valid");
                for metrics in [Metrics::WIDE, Metrics::NARROW] {
                    let map = layout(&dataset, &metrics);
                    prop_assert_eq!(&map, &layout(&dataset, &metrics));
                    let view = Rect { x: 0.0, y: 0.0, width: map.width, height: map.height };
                    let entities = map.entities();
                    prop_assert_eq!(entities.iter().filter(|(kind, _, _)| *kind == EntityKind::Party).count(), parties);
                    prop_assert_eq!(entities.iter().filter(|(kind, _, _)| *kind == EntityKind::Contract).count(), contracts);
                    prop_assert_eq!(entities.iter().filter(|(kind, _, _)| *kind == EntityKind::Clause).count(), clauses);
                    for (kind, id, rect) in entities {
                        prop_assert!(view.contains(&rect), "{} {} at {:?} is outside {:?}", kind.as_str(), id, rect, view);
                    }
                }
            }
        }
    }
}

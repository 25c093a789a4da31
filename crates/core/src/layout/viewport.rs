//! The part of the map on screen, and which shapes to draw for it.
//!
//! A large dispute's map is far wider than any screen (500 parties make it about 145,000 units
//! wide). Drawn whole it would be tens of thousands of SVG elements, too small to read or click.
//! So the map opens on a part of the drawing at a readable scale (`Viewport::home`), zooming out
//! stops at `MAX_VIEW_WIDTH`, and only shapes near the visible part are drawn (`MapLayout::visible`).
//! A small map fits in its home view and is drawn whole, exactly as before.

use super::{MapLayout, Rect};

/// The widest and tallest part of the drawing the map opens on, in drawing units. A map smaller
/// than this opens on the whole drawing.
pub const HOME_WIDTH: f64 = 1600.0;
pub const HOME_HEIGHT: f64 = 1000.0;

/// The widest part of a large drawing that zooming out shows at once.
pub const MAX_VIEW_WIDTH: f64 = 6400.0;

/// The grid the drawn part snaps to, so panning redraws only when it crosses a tile.
const TILE: f64 = 512.0;

/// The visible part of the drawing, in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Viewport {
    /// Where the map opens and what Fit returns to: the whole drawing, or its top-left part (the
    /// claimants, respondents and the dispute) when the drawing is larger than a screen.
    pub fn home(map: &MapLayout) -> Viewport {
        Viewport {
            x: 0.0,
            y: 0.0,
            width: map.width.min(HOME_WIDTH),
            height: map.height.min(HOME_HEIGHT),
        }
    }

    /// The narrowest and widest a view of `map` may be: in to an eighth of the home view, out to
    /// 1.5 times the whole drawing or `MAX_VIEW_WIDTH`, whichever is narrower (but never less
    /// than 1.5 times the home view).
    pub fn zoom_range(map: &MapLayout) -> (f64, f64) {
        let home = Viewport::home(map);
        let widest = (map.width * 1.5).min(MAX_VIEW_WIDTH).max(home.width * 1.5);
        (home.width / 8.0, widest)
    }

    /// Zooms by `factor` (below 1 zooms in) keeping the point `(x, y)` where it is, within
    /// `range` (from `zoom_range`).
    pub fn zoomed(self, factor: f64, x: f64, y: f64, range: (f64, f64)) -> Viewport {
        let factor = (self.width * factor).clamp(range.0, range.1) / self.width;
        Viewport {
            x: x - (x - self.x) * factor,
            y: y - (y - self.y) * factor,
            width: self.width * factor,
            height: self.height * factor,
        }
    }

    pub fn panned(self, dx: f64, dy: f64) -> Viewport {
        Viewport {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }

    /// The same scale, moved so `rect` is in the middle; `self` when `rect` is already in view.
    pub fn showing(self, rect: &Rect) -> Viewport {
        if self.rect().contains(rect) {
            return self;
        }
        Viewport {
            x: rect.center_x() - self.width / 2.0,
            y: rect.center_y() - self.height / 2.0,
            ..self
        }
    }

    pub fn center(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    pub fn rect(&self) -> Rect {
        Rect {
            x: self.x,
            y: self.y,
            width: self.width,
            height: self.height,
        }
    }

    pub fn view_box(&self) -> String {
        format!(
            "{:.1} {:.1} {:.1} {:.1}",
            self.x, self.y, self.width, self.height
        )
    }

    /// The part to keep drawn: the visible part and half of it again on every side, widened to
    /// whole tiles. Small moves give the same answer, so they redraw nothing.
    pub fn drawn_part(&self) -> Rect {
        let snap_down = |value: f64| (value / TILE).floor() * TILE;
        let snap_up = |value: f64| (value / TILE).ceil() * TILE;
        let left = snap_down(self.x - self.width / 2.0);
        let top = snap_down(self.y - self.height / 2.0);
        let right = snap_up(self.x + self.width * 1.5);
        let bottom = snap_up(self.y + self.height * 1.5);
        Rect {
            x: left,
            y: top,
            width: right - left,
            height: bottom - top,
        }
    }
}

/// Which shapes of each layer fall in a part of the drawing, by their index in the layout.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Visible {
    pub lifelines: Vec<usize>,
    pub contracts: Vec<usize>,
    pub parties: Vec<usize>,
}

impl Visible {
    pub fn count(&self) -> usize {
        self.lifelines.len() + self.contracts.len() + self.parties.len()
    }

    /// Adds the party node or contract group that draws `id` (a clause is drawn on its
    /// contract's card), if it is not there yet: the entity with keyboard focus stays drawn
    /// while the map is panned away from it, so the focus is not lost.
    pub fn include(&mut self, map: &MapLayout, id: &str) {
        let add = |list: &mut Vec<usize>, index: usize| {
            if let Err(at) = list.binary_search(&index) {
                list.insert(at, index);
            }
        };
        if let Some(index) = map.parties.iter().position(|party| party.id == id) {
            add(&mut self.parties, index);
        } else if let Some(index) = map
            .contracts
            .iter()
            .position(|card| card.id == id || card.chips.iter().any(|chip| chip.id == id))
        {
            add(&mut self.contracts, index);
        }
    }
}

impl MapLayout {
    /// The lifelines, contract groups (card, clause chips and connectors) and party nodes that
    /// overlap `part`. One pass over the layout, linear in its size.
    pub fn visible(&self, part: &Rect) -> Visible {
        let mut visible = Visible::default();
        for (index, party) in self.parties.iter().enumerate() {
            if party.rect.overlaps(part) {
                visible.parties.push(index);
            }
            if let Some((x, top, bottom)) = party.lifeline {
                let line = Rect {
                    x: x - 1.0,
                    y: top,
                    width: 2.0,
                    height: bottom - top,
                };
                if line.overlaps(part) {
                    visible.lifelines.push(index);
                }
            }
        }
        for (index, card) in self.contracts.iter().enumerate() {
            if card.bounds().overlaps(part) {
                visible.contracts.push(index);
            }
        }
        visible
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset;
    use crate::generate::{generate, Size};
    use crate::layout::{layout, Metrics};

    fn bundled() -> MapLayout {
        let dataset = dataset::parse(crate::BUNDLED_DISPUTE).expect("the bundled dispute is valid");
        layout(&dataset, &Metrics::WIDE)
    }

    #[test]
    fn a_small_map_opens_whole_and_is_drawn_whole() {
        let map = bundled();
        let home = Viewport::home(&map);
        assert_eq!((home.width, home.height), (map.width, map.height));
        let visible = map.visible(&home.drawn_part());
        assert_eq!(visible.parties.len(), map.parties.len());
        assert_eq!(visible.contracts.len(), map.contracts.len());
        assert_eq!(
            visible.lifelines.len(),
            map.parties
                .iter()
                .filter(|party| party.lifeline.is_some())
                .count()
        );
    }

    #[test]
    fn a_large_map_draws_a_bounded_part_even_zoomed_out() {
        let text = serde_json::to_string(&generate(Size::LARGE, 1)).expect("serialises");
        let dataset = dataset::parse(&text).expect("the generated dispute is valid");
        let map = layout(&dataset, &Metrics::WIDE);
        let home = Viewport::home(&map);
        assert!(home.width <= HOME_WIDTH && home.height <= HOME_HEIGHT);
        let all = map.parties.len() * 2 + map.contracts.len();
        let at_home = map.visible(&home.drawn_part()).count();
        assert!(
            at_home > 0 && at_home < all / 20,
            "{at_home} of {all} drawn"
        );
        let (x, y) = home.center();
        let widest = home.zoomed(1000.0, x, y, Viewport::zoom_range(&map));
        assert!(widest.width <= MAX_VIEW_WIDTH + 1e-6, "{}", widest.width);
        let zoomed_out = map.visible(&widest.drawn_part()).count();
        assert!(zoomed_out < all / 5, "{zoomed_out} of {all} drawn");
        // Far to the right there is another part of the map, also drawn only in part.
        let far = home.panned(map.width / 2.0, 0.0);
        let there = map.visible(&far.drawn_part());
        assert!(there.count() > 0);
        assert!(there.parties.iter().all(|index| *index > 10));
    }

    #[test]
    fn the_focused_entity_stays_drawn() {
        let text = serde_json::to_string(&generate(Size::LARGE, 1)).expect("serialises");
        let dataset = dataset::parse(&text).expect("the generated dispute is valid");
        let map = layout(&dataset, &Metrics::WIDE);
        let far = Viewport::home(&map).panned(map.width / 2.0, 0.0);
        let mut visible = map.visible(&far.drawn_part());
        let (party, card) = (&map.parties[0], &map.contracts[0]);
        assert!(!visible.parties.contains(&0) && !visible.contracts.contains(&0));
        visible.include(&map, &party.id);
        let chip = card.chips.first().map(|chip| chip.id.clone());
        visible.include(&map, chip.as_deref().unwrap_or(&card.id));
        assert!(visible.parties.contains(&0) && visible.contracts.contains(&0));
        let before = visible.clone();
        visible.include(&map, &party.id);
        visible.include(&map, "no-such-entity");
        assert_eq!(visible, before, "nothing twice, nothing unknown");
        assert!(visible.parties.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn small_moves_keep_the_drawn_part() {
        let view = Viewport {
            x: 100.0,
            y: 50.0,
            width: 1600.0,
            height: 1000.0,
        };
        let part = view.drawn_part();
        assert!(part.contains(&view.rect()));
        assert_eq!(view.panned(3.0, -2.0).drawn_part(), part);
        assert_ne!(view.panned(2000.0, 0.0).drawn_part(), part);
    }

    #[test]
    fn showing_moves_only_when_needed() {
        let view = Viewport {
            x: 0.0,
            y: 0.0,
            width: 1000.0,
            height: 800.0,
        };
        let inside = Rect {
            x: 10.0,
            y: 10.0,
            width: 50.0,
            height: 20.0,
        };
        assert_eq!(view.showing(&inside), view);
        let outside = Rect {
            x: 5000.0,
            y: 300.0,
            width: 100.0,
            height: 40.0,
        };
        let moved = view.showing(&outside);
        assert!(moved.rect().contains(&outside));
        assert_eq!((moved.width, moved.height), (view.width, view.height));
    }

    #[test]
    fn zooming_stays_within_its_limits() {
        let map = bundled();
        let home = Viewport::home(&map);
        let (x, y) = home.center();
        let inmost = home.zoomed(0.0001, x, y, Viewport::zoom_range(&map));
        assert!((inmost.width - home.width / 8.0).abs() < 1e-6);
        let outmost = home.zoomed(1000.0, x, y, Viewport::zoom_range(&map));
        assert!((outmost.width - map.width * 1.5).abs() < 1e-6);
    }
}

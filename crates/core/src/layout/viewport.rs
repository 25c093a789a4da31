//! The part of the map on screen, and which shapes to draw for it.
//!
//! The map opens at scale 1, one drawing unit to one CSS pixel, anchored at the drawing's top
//! left: text is drawn at the size the layout measured it, and the opening view needs no
//! knowledge of the frame's size (so a page rendered before any script runs shows exactly what
//! the app will). Panning and zooming move and scale the drawing inside its frame.
//!
//! A large dispute's map is far wider than any screen (500 parties make it about 145,000 units
//! wide). Drawn whole it would be tens of thousands of SVG elements, too small to read or click.
//! So zooming out stops at `MAX_VIEW_WIDTH`, and only shapes near the visible part are drawn
//! (`MapLayout::visible`). A small map is drawn whole.

use super::{MapLayout, Rect};

/// The frame's size assumed before it has been measured: a desktop's map frame.
pub const ASSUMED_FRAME: Frame = Frame {
    width: 1600.0,
    height: 1000.0,
};

/// The widest part of a large drawing that zooming out shows at once, in drawing units.
pub const MAX_VIEW_WIDTH: f64 = 6400.0;

/// How far in zooming goes: eight CSS pixels to a drawing unit.
pub const MAX_SCALE: f64 = 8.0;

/// The largest side and area of a picture of the map (a PNG export), in pixels: within what
/// browsers' canvases hold (Chromium's gives up past 32,767 pixels a side or 268 million in all,
/// and leaves an empty file).
pub const MAX_PICTURE_SIDE: f64 = 16_384.0;
pub const MAX_PICTURE_AREA: f64 = 64_000_000.0;

/// Pixels per drawing unit for a picture of a `width` by `height` drawing: twice full size for a
/// sharp picture, less for a drawing too large for that.
pub fn picture_scale(width: f64, height: f64) -> f64 {
    let width = width.max(1.0);
    let height = height.max(1.0);
    2.0_f64
        .min(MAX_PICTURE_SIDE / width)
        .min(MAX_PICTURE_SIDE / height)
        .min((MAX_PICTURE_AREA / (width * height)).sqrt())
}

/// The grid the drawn part snaps to, so panning redraws only when it crosses a tile.
const TILE: f64 = 512.0;

/// The size of the map's visible frame, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
}

/// Which part of the drawing the frame shows: the drawing point at the frame's top left, and
/// CSS pixels per drawing unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub scale: f64,
}

impl Viewport {
    /// Where the map opens and what `0` returns to: the drawing's top left at scale 1.
    pub const HOME: Viewport = Viewport {
        x: 0.0,
        y: 0.0,
        scale: 1.0,
    };

    /// The part of the drawing the frame shows, in drawing units.
    pub fn visible(&self, frame: Frame) -> Rect {
        Rect {
            x: self.x,
            y: self.y,
            width: frame.width / self.scale,
            height: frame.height / self.scale,
        }
    }

    /// The whole drawing in the frame, as large as it fits but never magnified, and for a
    /// drawing wider than zooming out allows, as much of it as may be shown at once.
    pub fn fit(map: &MapLayout, frame: Frame) -> Viewport {
        let scale = (frame.width / map.width)
            .min(frame.height / map.height)
            .min(1.0)
            .max(Viewport::zoom_range(map, frame).0);
        Viewport {
            x: 0.0,
            y: 0.0,
            scale,
        }
    }

    /// Whether the frame shows the whole drawing.
    pub fn shows_whole(&self, map: &MapLayout, frame: Frame) -> bool {
        let whole = Rect {
            x: 0.0,
            y: 0.0,
            width: map.width,
            height: map.height,
        };
        let visible = self.visible(frame);
        // Half a unit of slack for rounding.
        visible.x <= 0.5
            && visible.y <= 0.5
            && visible.right() >= whole.right() - 0.5
            && visible.bottom() >= whole.bottom() - 0.5
    }

    /// The smallest and largest scale: out until the whole drawing fits (never further than
    /// `MAX_VIEW_WIDTH` units across), in to `MAX_SCALE`.
    pub fn zoom_range(map: &MapLayout, frame: Frame) -> (f64, f64) {
        let whole = (frame.width / map.width).min(frame.height / map.height);
        let smallest = whole.min(1.0).max(frame.width / MAX_VIEW_WIDTH).min(1.0);
        (smallest, MAX_SCALE)
    }

    /// Zooms by `factor` (above 1 zooms in) keeping the drawing point `(x, y)` where it is on
    /// screen, within `range` (from `zoom_range`).
    pub fn zoomed(self, factor: f64, x: f64, y: f64, range: (f64, f64)) -> Viewport {
        let scale = super::within(self.scale * factor, range.0, range.1);
        let kept = self.scale / scale;
        Viewport {
            x: x - (x - self.x) * kept,
            y: y - (y - self.y) * kept,
            scale,
        }
    }

    /// Moves the view by this many drawing units.
    pub fn panned(self, dx: f64, dy: f64) -> Viewport {
        Viewport {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }

    /// The same scale, moved as little as it takes to show `rect` with a margin round it; `self`
    /// when `rect` is already in view. A rect larger than the view shows its top left.
    pub fn showing(self, rect: &Rect, frame: Frame) -> Viewport {
        let visible = self.visible(frame);
        if visible.contains(rect) {
            return self;
        }
        let margin = 16.0 / self.scale;
        let shift = |start: f64, size: f64, low: f64, high: f64| {
            if low < start || high - low > size {
                low - margin - start
            } else if high > start + size {
                high + margin - (start + size)
            } else {
                0.0
            }
        };
        Viewport {
            x: self.x + shift(visible.x, visible.width, rect.x, rect.right()),
            y: self.y + shift(visible.y, visible.height, rect.y, rect.bottom()),
            ..self
        }
    }

    /// The visible part's centre, in drawing units.
    pub fn center(&self, frame: Frame) -> (f64, f64) {
        let visible = self.visible(frame);
        (visible.center_x(), visible.center_y())
    }

    /// The SVG transform that draws the drawing under this view.
    pub fn transform(&self) -> String {
        format!(
            "translate({} {}) scale({})",
            super::units(-self.x * self.scale),
            super::units(-self.y * self.scale),
            super::decimal(self.scale, 4)
        )
    }

    /// The part to keep drawn: the visible part and half of it again on every side, widened to
    /// whole tiles. Small moves give the same answer, so they redraw nothing.
    pub fn drawn_part(&self, frame: Frame) -> Rect {
        let visible = self.visible(frame);
        let snap_down = |value: f64| (value / TILE).floor() * TILE;
        let snap_up = |value: f64| (value / TILE).ceil() * TILE;
        let left = snap_down(visible.x - visible.width / 2.0);
        let top = snap_down(visible.y - visible.height / 2.0);
        let right = snap_up(visible.x + visible.width * 1.5);
        let bottom = snap_up(visible.y + visible.height * 1.5);
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

    const DESKTOP: Frame = Frame {
        width: 900.0,
        height: 690.0,
    };
    const PHONE: Frame = Frame {
        width: 390.0,
        height: 700.0,
    };

    fn bundled(metrics: Metrics) -> MapLayout {
        let dataset = dataset::parse(crate::BUNDLED_DISPUTE).expect("the bundled dispute is valid");
        layout(&dataset, &metrics)
    }

    fn large() -> MapLayout {
        let text = serde_json::to_string(&generate(Size::LARGE, 1)).expect("serialises");
        let dataset = dataset::parse(&text).expect("the generated dispute is valid");
        layout(&dataset, &Metrics::WIDE)
    }

    #[test]
    fn a_small_map_opens_at_full_size_and_is_drawn_whole() {
        let map = bundled(Metrics::WIDE);
        let home = Viewport::HOME;
        assert_eq!(home.visible(DESKTOP).width, DESKTOP.width);
        let visible = map.visible(&home.drawn_part(DESKTOP));
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
    fn fit_shows_the_whole_drawing_at_every_size() {
        for (metrics, frame) in [
            (Metrics::WIDE, DESKTOP),
            (Metrics::NARROW, PHONE),
            (
                Metrics::NARROW,
                Frame {
                    width: 320.0,
                    height: 300.0,
                },
            ),
            (
                Metrics::WIDE,
                Frame {
                    width: 2400.0,
                    height: 1400.0,
                },
            ),
        ] {
            let map = bundled(metrics);
            let fit = Viewport::fit(&map, frame);
            assert!(fit.shows_whole(&map, frame), "{frame:?}: {fit:?}");
            assert!(fit.scale <= 1.0, "never magnified");
        }
    }

    #[test]
    fn a_large_map_draws_a_bounded_part_even_zoomed_out() {
        let map = large();
        let frame = ASSUMED_FRAME;
        let all = map.parties.len() * 2 + map.contracts.len();
        let at_home = map.visible(&Viewport::HOME.drawn_part(frame)).count();
        assert!(
            at_home > 0 && at_home < all / 20,
            "{at_home} of {all} drawn"
        );
        let (x, y) = Viewport::HOME.center(frame);
        let widest = Viewport::HOME.zoomed(0.0001, x, y, Viewport::zoom_range(&map, frame));
        assert!(
            widest.visible(frame).width <= MAX_VIEW_WIDTH + 1e-6,
            "{:?}",
            widest.visible(frame)
        );
        let zoomed_out = map.visible(&widest.drawn_part(frame)).count();
        assert!(zoomed_out < all / 5, "{zoomed_out} of {all} drawn");
        let fit = Viewport::fit(&map, frame);
        assert!((fit.visible(frame).width - MAX_VIEW_WIDTH).abs() < 1e-6);
        // Far to the right there is another part of the map, also drawn only in part.
        let far = Viewport::HOME.panned(map.width / 2.0, 0.0);
        let there = map.visible(&far.drawn_part(frame));
        assert!(there.count() > 0);
        assert!(there.parties.iter().all(|index| *index > 10));
    }

    #[test]
    fn the_focused_entity_stays_drawn() {
        let map = large();
        let far = Viewport::HOME.panned(map.width / 2.0, 0.0);
        let mut visible = map.visible(&far.drawn_part(ASSUMED_FRAME));
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
            scale: 1.0,
        };
        let part = view.drawn_part(ASSUMED_FRAME);
        assert!(part.contains(&view.visible(ASSUMED_FRAME)));
        assert_eq!(view.panned(3.0, -2.0).drawn_part(ASSUMED_FRAME), part);
        assert_ne!(view.panned(2000.0, 0.0).drawn_part(ASSUMED_FRAME), part);
    }

    #[test]
    fn showing_moves_only_when_needed() {
        let view = Viewport::HOME;
        let frame = Frame {
            width: 1000.0,
            height: 800.0,
        };
        let inside = Rect {
            x: 10.0,
            y: 10.0,
            width: 50.0,
            height: 20.0,
        };
        assert_eq!(view.showing(&inside, frame), view);
        let outside = Rect {
            x: 5000.0,
            y: 300.0,
            width: 100.0,
            height: 40.0,
        };
        let moved = view.showing(&outside, frame);
        assert!(moved.visible(frame).contains(&outside));
        assert_eq!(moved.scale, view.scale);
    }

    #[test]
    fn zooming_keeps_its_point_and_stays_within_its_limits() {
        let map = bundled(Metrics::WIDE);
        let range = Viewport::zoom_range(&map, DESKTOP);
        let home = Viewport::HOME;
        let zoomed = home.zoomed(2.0, 300.0, 200.0, range);
        // The point under the pointer stays under it: at the same place on screen.
        let on_screen =
            |view: Viewport, x: f64, y: f64| ((x - view.x) * view.scale, (y - view.y) * view.scale);
        let (before, after) = (
            on_screen(home, 300.0, 200.0),
            on_screen(zoomed, 300.0, 200.0),
        );
        assert!((before.0 - after.0).abs() < 1e-9 && (before.1 - after.1).abs() < 1e-9);
        let inmost = home.zoomed(1e9, 0.0, 0.0, range);
        assert_eq!(inmost.scale, MAX_SCALE);
        let outmost = home.zoomed(1e-9, 0.0, 0.0, range);
        assert_eq!(outmost.scale, range.0);
        assert!(Viewport::fit(&map, DESKTOP).scale >= range.0);
    }

    /// Regression: a PNG of a 145,048-unit-wide map was an empty file; the picture is scaled to
    /// what a canvas holds.
    #[test]
    fn a_picture_fits_what_a_canvas_holds() {
        assert_eq!(picture_scale(850.0, 700.0), 2.0);
        let map = large();
        let scale = picture_scale(map.width, map.height);
        assert!(scale < 2.0 && scale > 0.0);
        assert!(map.width * scale <= MAX_PICTURE_SIDE + 1e-6);
        assert!(map.width * scale * map.height * scale <= MAX_PICTURE_AREA + 1.0);
    }

    #[test]
    fn the_transform_scales_then_moves() {
        let view = Viewport {
            x: 10.0,
            y: 20.0,
            scale: 2.0,
        };
        assert_eq!(view.transform(), "translate(-20 -40) scale(2)");
    }
}

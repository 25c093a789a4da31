//! How the map answers the pointer, the wheel and the keys, as pure rules the view applies to
//! its `Viewport`: when a press becomes a drag, what a drag or a pinch does, how far a key pans
//! and by how much a key or the wheel zooms. Screen distances are CSS pixels.

use super::Direction;

/// How far a pointer travels (across and down, added up) before a press is a drag rather than a
/// click: small enough that a drag starts at once, large enough that a shaky tap stays a tap.
pub const DRAG_DISTANCE: f64 = 6.0;

/// How much one press of the zoom-in key or button enlarges the map (zooming out divides by it).
pub const ZOOM_STEP: f64 = 1.25;

/// How strongly Ctrl+wheel zooms: the map is scaled by `exp(-delta × WHEEL_ZOOM_RATE)` for a
/// wheel delta in pixels, so a notch of 100 px zooms by about a fifth either way.
pub const WHEEL_ZOOM_RATE: f64 = 0.002;

/// How far Shift+arrow pans, as a share of the visible width.
pub const PAN_SHARE: f64 = 0.1;

/// The distance between two fingers below which a pinch is not measured (it would divide by
/// almost nothing).
const PINCH_FLOOR: f64 = 1.0;

/// A point on the screen, in CSS pixels.
pub type Point = (f64, f64);

/// What a pointer's movement asks of the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Move {
    /// Pan by this much, in screen pixels (the view divides by its scale).
    Pan { dx: f64, dy: f64 },
    /// Zoom by `factor` about this point on the screen.
    Zoom { factor: f64, about: Point },
}

/// The pointers pressed on the map and how far the gesture has gone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gesture {
    pointers: Vec<(i32, Point)>,
    travelled: f64,
    pinched: bool,
}

impl Gesture {
    /// A pointer pressed at `at`; the first one starts a new gesture.
    pub fn press(&mut self, pointer: i32, at: Point) {
        if self.pointers.is_empty() {
            self.travelled = 0.0;
            self.pinched = false;
        }
        self.set(pointer, at);
    }

    /// A pointer moved to `at`: what that asks of the map, if anything. A pointer not pressed on
    /// the map (a mouse passing over it) asks nothing.
    pub fn movement(&mut self, pointer: i32, at: Point) -> Option<Move> {
        let before = self.position(pointer)?;
        self.set(pointer, at);
        let other = self
            .pointers
            .iter()
            .find(|(other, _)| *other != pointer)
            .map(|(_, point)| *point);
        match other {
            None => {
                let (dx, dy) = (at.0 - before.0, at.1 - before.1);
                self.travelled += dx.abs() + dy.abs();
                self.is_drag().then_some(Move::Pan { dx, dy })
            }
            Some(other) => {
                // A pinch: zoom by how much the distance between the fingers changed, about the
                // point between them.
                self.pinched = true;
                let distance = |point: Point| {
                    ((point.0 - other.0).powi(2) + (point.1 - other.1).powi(2))
                        .sqrt()
                        .max(PINCH_FLOOR)
                };
                Some(Move::Zoom {
                    factor: distance(at) / distance(before),
                    about: ((at.0 + other.0) / 2.0, (at.1 + other.1) / 2.0),
                })
            }
        }
    }

    /// A pointer lifted (or cancelled): true when that ended a gesture that was a drag or a
    /// pinch, so the click that follows it must not also select.
    pub fn release(&mut self, pointer: i32) -> bool {
        self.pointers.retain(|(other, _)| *other != pointer);
        self.pointers.is_empty() && self.is_drag()
    }

    /// Whether the gesture has gone far enough to be a drag (or was a pinch).
    pub fn is_drag(&self) -> bool {
        self.pinched || self.travelled > DRAG_DISTANCE
    }

    fn position(&self, pointer: i32) -> Option<Point> {
        self.pointers
            .iter()
            .find(|(other, _)| *other == pointer)
            .map(|(_, point)| *point)
    }

    fn set(&mut self, pointer: i32, at: Point) {
        match self
            .pointers
            .iter_mut()
            .find(|(other, _)| *other == pointer)
        {
            Some(entry) => entry.1 = at,
            None => self.pointers.push((pointer, at)),
        }
    }
}

/// What a key pressed on the map asks of it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KeyCommand {
    /// Pan by this much, in drawing units.
    Pan { dx: f64, dy: f64 },
    /// Zoom by this factor about the middle of the view.
    Zoom(f64),
    /// Back to the opening view.
    Home,
    /// Show the whole drawing.
    Fit,
}

/// The map's keys (`KeyboardEvent.key`): Shift+arrows pan by a share of the visible width, + and
/// - zoom, 0 goes home, F fits. Plain arrows move between entities (`Direction`) and are not
/// commands of the map's own; with Ctrl or Cmd, F stays the browser's.
pub fn key_command(
    key: &str,
    shift: bool,
    ctrl_or_meta: bool,
    visible_width: f64,
) -> Option<KeyCommand> {
    if shift {
        let step = visible_width * PAN_SHARE;
        if let Some(direction) = Direction::from_key(key) {
            let (dx, dy) = match direction {
                Direction::Left => (-step, 0.0),
                Direction::Right => (step, 0.0),
                Direction::Up => (0.0, -step),
                Direction::Down => (0.0, step),
            };
            return Some(KeyCommand::Pan { dx, dy });
        }
    }
    match key {
        "+" | "=" => Some(KeyCommand::Zoom(ZOOM_STEP)),
        "-" | "_" => Some(KeyCommand::Zoom(1.0 / ZOOM_STEP)),
        "0" => Some(KeyCommand::Home),
        "f" | "F" if !ctrl_or_meta => Some(KeyCommand::Fit),
        _ => None,
    }
}

/// How much a Ctrl+wheel turn of `delta_y` pixels zooms (down zooms out).
pub fn wheel_zoom(delta_y: f64) -> f64 {
    (-delta_y * WHEEL_ZOOM_RATE).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_press_that_barely_moves_stays_a_click() {
        let mut gesture = Gesture::default();
        gesture.press(1, (100.0, 100.0));
        assert_eq!(gesture.movement(1, (102.0, 101.0)), None);
        assert_eq!(gesture.movement(1, (103.0, 103.0)), None, "5 px in all");
        assert!(!gesture.release(1), "a click, not a drag");
    }

    #[test]
    fn a_press_that_travels_pans_and_is_no_click() {
        let mut gesture = Gesture::default();
        gesture.press(1, (100.0, 100.0));
        assert_eq!(gesture.movement(1, (104.0, 100.0)), None);
        assert_eq!(
            gesture.movement(1, (108.0, 97.0)),
            Some(Move::Pan { dx: 4.0, dy: -3.0 }),
            "past the drag distance, each step pans"
        );
        assert!(gesture.release(1));
        // The next press starts afresh.
        gesture.press(1, (0.0, 0.0));
        assert!(!gesture.release(1));
    }

    #[test]
    fn two_fingers_pinch_about_their_middle() {
        let mut gesture = Gesture::default();
        gesture.press(1, (100.0, 100.0));
        gesture.press(2, (200.0, 100.0));
        assert_eq!(
            gesture.movement(2, (300.0, 100.0)),
            Some(Move::Zoom {
                factor: 2.0,
                about: (200.0, 100.0)
            })
        );
        assert!(!gesture.release(2), "one finger is still down");
        assert!(gesture.release(1), "a pinch is never a click");
    }

    #[test]
    fn fingers_on_one_point_do_not_divide_by_nothing() {
        let mut gesture = Gesture::default();
        gesture.press(1, (50.0, 50.0));
        gesture.press(2, (50.0, 50.0));
        let Some(Move::Zoom { factor, .. }) = gesture.movement(2, (54.0, 53.0)) else {
            panic!("a pinch zooms");
        };
        assert!(
            factor.is_finite() && (factor - 5.0).abs() < 1e-9,
            "{factor}"
        );
    }

    #[test]
    fn a_pointer_never_pressed_asks_nothing() {
        let mut gesture = Gesture::default();
        assert_eq!(gesture.movement(7, (1.0, 1.0)), None);
        assert!(!gesture.release(7));
    }

    #[test]
    fn keys_pan_zoom_fit_and_go_home() {
        assert_eq!(
            key_command("ArrowLeft", true, false, 800.0),
            Some(KeyCommand::Pan { dx: -80.0, dy: 0.0 })
        );
        assert_eq!(
            key_command("ArrowDown", true, false, 800.0),
            Some(KeyCommand::Pan { dx: 0.0, dy: 80.0 })
        );
        assert_eq!(
            key_command("ArrowLeft", false, false, 800.0),
            None,
            "plain arrows move between entities"
        );
        assert_eq!(
            key_command("+", false, false, 800.0),
            Some(KeyCommand::Zoom(ZOOM_STEP))
        );
        assert_eq!(
            key_command("-", false, false, 800.0),
            Some(KeyCommand::Zoom(0.8))
        );
        assert_eq!(
            key_command("0", false, false, 800.0),
            Some(KeyCommand::Home)
        );
        assert_eq!(key_command("F", true, false, 800.0), Some(KeyCommand::Fit));
        assert_eq!(
            key_command("f", false, true, 800.0),
            None,
            "Ctrl+F finds in the page"
        );
        assert_eq!(key_command("x", false, false, 800.0), None);
    }

    #[test]
    fn the_wheel_zooms_in_up_and_out_down() {
        assert!(wheel_zoom(-100.0) > 1.0);
        assert!(wheel_zoom(100.0) < 1.0);
        assert!((wheel_zoom(100.0) * wheel_zoom(-100.0) - 1.0).abs() < 1e-12);
        assert_eq!(wheel_zoom(0.0), 1.0);
    }
}

//! Hash routes, as pure functions: `#/<kind>/<id>` selects an entity, `#/<view>` opens a view, and
//! `#/<view>/<kind>/<id>` does both; `#/tour` and `#/tour/<n>` open the guided walkthrough at
//! its first or n-th step. Nothing here knows the DOM; the app feeds it `location.hash`.

use crate::model::{EntityKind, EntityRef};

pub use crate::model::View;

/// What a hash asks for. `view: None` (a bare `#/<kind>/<id>`) means the default view, the map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    pub view: Option<View>,
    pub selection: Option<EntityRef>,
}

/// What an address asks for: a route, or a step of the walkthrough (from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Address {
    Route(Route),
    Tour(usize),
    /// `#/disputes`: the index of disputes (a map opened with `?index=`).
    Disputes,
    /// `#/d/<dispute>/…`: a route inside one dispute of the index.
    InDispute(String, Route),
}

/// Reads a hash that may name a step of the walkthrough.
pub fn parse_address(hash: &str) -> Result<Address, RouteError> {
    let path = hash.strip_prefix('#').unwrap_or(hash);
    let path = path.strip_prefix('/').unwrap_or(path);
    let segments: Vec<&str> = path
        .split('/')
        .filter(|segment| !segment.is_empty())
        .collect();
    match segments.as_slice() {
        ["tour"] => Ok(Address::Tour(1)),
        ["tour", step] => match step.parse::<usize>() {
            Ok(step) if step >= 1 => Ok(Address::Tour(step)),
            _ => Err(RouteError(format!(
                "\"{step}\" is not a step of the walkthrough (they count from 1)"
            ))),
        },
        ["disputes"] => Ok(Address::Disputes),
        ["d"] => Err(RouteError(
            "the link names a dispute of the index but no id".to_owned(),
        )),
        ["d", dispute, rest @ ..] => {
            let route = parse(&format!("#/{}", rest.join("/")))?;
            Ok(Address::InDispute(decode_percent(dispute), route))
        }
        _ => parse(hash).map(Address::Route),
    }
}

/// The hash of a route inside one dispute of an index: `#/d/<dispute>/<view>/<kind>/<id>`.
pub fn format_in_dispute(dispute: &str, route: &Route) -> String {
    let inner = format(route);
    let inner = inner.trim_start_matches('#').trim_end_matches('/');
    format!("#/d/{}{inner}", encode_percent(dispute))
}

/// The hash of the index of disputes.
pub const DISPUTES: &str = "#/disputes";

/// The hash of a step of the walkthrough.
pub fn tour_step(step: usize) -> String {
    format!("#/tour/{step}")
}

/// The words of the grammar, for a reader of hashes written in another language: the
/// pre-rendered screen's responder (`web/routes.js`) is given them by the build and has no
/// copy of its own. `parse` and `format` are the grammar's rules; this is what they are made of.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Grammar {
    /// Every kind of entity, as a link names it.
    pub kinds: Vec<&'static str>,
    /// Every view, as a link names it.
    pub views: Vec<&'static str>,
    /// The view a link that names none opens.
    pub default_view: &'static str,
    /// The bytes an id keeps as they are in a hash; every other is written `%XX`.
    pub plain_bytes: &'static str,
}

/// The bytes other than letters and digits that `format` writes into a hash as they are.
const PLAIN_PUNCTUATION: &str = "-_.~";

/// This grammar's words (see `Grammar`).
pub fn grammar() -> Grammar {
    Grammar {
        kinds: EntityKind::ALL.iter().map(|kind| kind.as_str()).collect(),
        views: View::ALL.iter().map(|view| view.as_str()).collect(),
        default_view: View::Map.as_str(),
        plain_bytes: PLAIN_PUNCTUATION,
    }
}

/// Why a hash could not be read, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteError(pub String);

/// Reads a hash, with or without its leading `#`.
pub fn parse(hash: &str) -> Result<Route, RouteError> {
    let path = hash.strip_prefix('#').unwrap_or(hash);
    let path = path.strip_prefix('/').unwrap_or(path);
    let segments: Vec<&str> = path
        .split('/')
        .filter(|segment| !segment.is_empty())
        .collect();
    let entity = |kind: &str, id: &str| -> Result<EntityRef, RouteError> {
        let kind = EntityKind::parse(kind)
            .ok_or_else(|| RouteError(format!("\"{kind}\" is not a kind of entity or a view")))?;
        Ok(EntityRef::new(kind, decode_percent(id)))
    };
    match segments.as_slice() {
        [] => Ok(Route::default()),
        [view] => match View::parse(view) {
            Some(view) => Ok(Route {
                view: Some(view),
                selection: None,
            }),
            None if EntityKind::parse(view).is_some() => {
                Err(RouteError(format!("the link names a {view} but no id")))
            }
            None => Err(RouteError(format!("\"{view}\" is not a view"))),
        },
        [kind, id] => Ok(Route {
            view: None,
            selection: Some(entity(kind, id)?),
        }),
        [view, kind, id] => {
            let view =
                View::parse(view).ok_or_else(|| RouteError(format!("\"{view}\" is not a view")))?;
            Ok(Route {
                view: Some(view),
                selection: Some(entity(kind, id)?),
            })
        }
        _ => Err(RouteError(format!(
            "\"{path}\" has too many parts for a link"
        ))),
    }
}

/// Writes a route as a hash, starting with `#`.
pub fn format(route: &Route) -> String {
    let mut hash = String::from("#");
    if let Some(view) = route.view {
        hash.push('/');
        hash.push_str(view.as_str());
    }
    if let Some(selection) = &route.selection {
        hash.push('/');
        hash.push_str(selection.kind.as_str());
        hash.push('/');
        hash.push_str(&encode_percent(&selection.id));
    }
    if hash == "#" {
        hash.push('/');
    }
    hash
}

/// Ids are slugs, but a hand-typed link may hold anything; encode what a hash cannot carry plainly.
fn encode_percent(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || PLAIN_PUNCTUATION.as_bytes().contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

fn decode_percent(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = |byte: u8| (byte as char).to_digit(16);
        if bytes[index] == b'%' && index + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[index + 1]), hex(bytes[index + 2])) {
                decoded.push((high * 16 + low) as u8);
                index += 3;
                continue;
            }
        }
        decoded.push(bytes[index]);
        index += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn selected(kind: EntityKind, id: &str) -> Option<EntityRef> {
        Some(EntityRef::new(kind, id))
    }

    #[test]
    fn parses_hashes() {
        let cases: Vec<(&str, Result<Route, ()>)> = vec![
            ("", Ok(Route::default())),
            ("#", Ok(Route::default())),
            ("#/", Ok(Route::default())),
            (
                "#/clause/azure-stateless-exclusivity",
                Ok(Route {
                    view: None,
                    selection: selected(EntityKind::Clause, "azure-stateless-exclusivity"),
                }),
            ),
            (
                "#/timeline",
                Ok(Route {
                    view: Some(View::Timeline),
                    selection: None,
                }),
            ),
            (
                "#/list/party/microsoft",
                Ok(Route {
                    view: Some(View::List),
                    selection: selected(EntityKind::Party, "microsoft"),
                }),
            ),
            (
                "/party/openai",
                Ok(Route {
                    view: None,
                    selection: selected(EntityKind::Party, "openai"),
                }),
            ),
            (
                "#/party/odd%20id",
                Ok(Route {
                    view: None,
                    selection: selected(EntityKind::Party, "odd id"),
                }),
            ),
            (
                "#/party/trailing%2",
                Ok(Route {
                    view: None,
                    selection: selected(EntityKind::Party, "trailing%2"),
                }),
            ),
            ("#/widget/x", Err(())),
            ("#/party", Err(())),
            ("#/nowhere", Err(())),
            ("#/map/widget/x", Err(())),
            ("#/a/b/c/d", Err(())),
        ];
        for (hash, expected) in cases {
            assert_eq!(parse(hash).map_err(|_| ()), expected, "{hash}");
        }
    }

    #[test]
    fn routes_round_trip() {
        let routes = [
            Route::default(),
            Route {
                view: Some(View::Conflicts),
                selection: None,
            },
            Route {
                view: None,
                selection: selected(EntityKind::Statement, "ms-spokesperson-azure-exclusive"),
            },
            Route {
                view: Some(View::Map),
                selection: selected(EntityKind::Party, "id with spaces/and/slashes%"),
            },
        ];
        for route in routes {
            assert_eq!(
                parse(&format(&route)),
                Ok(route.clone()),
                "{}",
                format(&route)
            );
        }
    }

    #[test]
    fn tour_addresses() {
        assert_eq!(parse_address("#/tour"), Ok(Address::Tour(1)));
        assert_eq!(parse_address("#/tour/3"), Ok(Address::Tour(3)));
        assert_eq!(parse_address(&tour_step(7)), Ok(Address::Tour(7)));
        assert!(parse_address("#/tour/0").is_err());
        assert!(parse_address("#/tour/two")
            .unwrap_err()
            .0
            .contains("\"two\" is not a step"));
        assert_eq!(
            parse_address("#/map/party/x"),
            Ok(Address::Route(parse("#/map/party/x").unwrap()))
        );
    }

    #[test]
    fn error_names_the_bad_part() {
        assert_eq!(
            parse("#/widget/x").unwrap_err().0,
            "\"widget\" is not a kind of entity or a view"
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn any_route() -> impl Strategy<Value = Route> {
            let view = prop::option::of(prop::sample::select(View::ALL.to_vec()));
            let selection = prop::option::of(
                (prop::sample::select(EntityKind::ALL.to_vec()), ".{1,24}")
                    .prop_map(|(kind, id)| EntityRef::new(kind, id)),
            );
            (view, selection).prop_map(|(view, selection)| Route { view, selection })
        }

        proptest! {
            #[test]
            fn every_route_round_trips(route in any_route()) {
                prop_assert_eq!(parse(&format(&route)), Ok(route));
            }

            #[test]
            fn any_hash_parses_or_says_why(hash in ".{0,60}") {
                if let Err(RouteError(message)) = parse(&hash) {
                    prop_assert!(!message.is_empty());
                }
            }
        }
    }

    #[test]
    fn addresses_name_the_index_and_a_dispute_in_it() {
        let route = |view: Option<View>, kind: EntityKind, id: &str| Route {
            view,
            selection: selected(kind, id),
        };
        let cases: Vec<(&str, &str, Result<Address, ()>)> = vec![
            ("the index", "#/disputes", Ok(Address::Disputes)),
            (
                "a dispute alone",
                "#/d/harbor-city",
                Ok(Address::InDispute("harbor-city".into(), Route::default())),
            ),
            (
                "a party in a dispute",
                "#/d/redwater/party/microsoft",
                Ok(Address::InDispute(
                    "redwater".into(),
                    route(None, EntityKind::Party, "microsoft"),
                )),
            ),
            (
                "a view and a party in a dispute",
                "#/d/redwater/timeline/party/microsoft",
                Ok(Address::InDispute(
                    "redwater".into(),
                    route(Some(View::Timeline), EntityKind::Party, "microsoft"),
                )),
            ),
            ("no dispute id", "#/d", Err(())),
            (
                "a dispute with a broken route",
                "#/d/redwater/planet/mars",
                Err(()),
            ),
        ];
        for (name, hash, expected) in cases {
            assert_eq!(parse_address(hash).map_err(|_| ()), expected, "{name}");
        }
        for (dispute, route) in [
            ("redwater", route(None, EntityKind::Party, "microsoft")),
            ("a b/c", route(Some(View::List), EntityKind::Clause, "x-1")),
            ("harbor-city", Route::default()),
        ] {
            let hash = format_in_dispute(dispute, &route);
            assert_eq!(
                parse_address(&hash),
                Ok(Address::InDispute(dispute.to_owned(), route.clone())),
                "{hash}"
            );
        }
    }
}

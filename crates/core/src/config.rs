//! How a page configures a map, as a pure function of named settings: URL parameters for the
//! standalone page (`?data=`, `?view=`, `?select=`, `?compact`), `data-*` attributes on an
//! embedded element (`data-src`, `data-view`, `data-select`, `data-compact`, `data-hash`).

use crate::model::EntityRef;
use crate::route::{self, View};

/// One map's settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// A dispute file to load instead of the bundled one, relative to the page.
    pub data_url: Option<String>,
    /// An index of disputes (`dispute-index/1`) to list instead, relative to the page
    /// (`?index=`, `data-index`, `<dispute-map index>`).
    pub index_url: Option<String>,
    /// The view to open when the URL hash names none.
    pub view: Option<View>,
    /// Open on the guided walkthrough (`?view=tour`, `data-view="tour"`).
    pub tour: bool,
    /// The entity to select when the URL hash names none.
    pub selection: Option<EntityRef>,
    /// Leave out the header, for small embeds.
    pub compact: bool,
    /// Keep the view and selection in the URL hash (history, deep links). The standalone page
    /// does; an embedded map does only when asked, since the hash belongs to the host page.
    pub use_hash: bool,
    /// How long to wait for a dispute file, in seconds; `DEFAULT_TIMEOUT` when not set.
    pub timeout: Option<u32>,
    /// Settings that could not be read, as messages for the user.
    pub problems: Vec<String>,
}

/// Seconds to wait for a dispute file before saying it did not come.
pub const DEFAULT_TIMEOUT: u32 = 30;

/// The `<meta name>` that makes the standalone page open an index of disputes when its address
/// names no file (`./dev build FILE...` writes it, with `disputes.json` beside the page).
pub const INDEX_META: &str = "dispute-map-index";

/// The `<meta name>` a page lists other origins in, separated by spaces, that it allows
/// dispute files from: `<meta name="dispute-map-allowed-origins" content="https://a.example">`.
pub const ALLOWED_ORIGINS_META: &str = "dispute-map-allowed-origins";

/// Whether a dispute file may be loaded from an address, as its scheme and origin (resolved by
/// the browser against the page): from the page's own origin, or an origin the page lists, and
/// only over http or https. A `data:`, `blob:` or `javascript:` address would show a dispute
/// that comes from no server at all under the page's trusted address, so it is refused too.
pub fn may_load_from(
    address: &str,
    scheme: &str,
    origin: &str,
    page_origin: &str,
    allowed: &[String],
) -> Result<(), String> {
    if scheme != "http:" && scheme != "https:" {
        return Err(format!(
            "{address}: refused: dispute files are loaded only from http: and https: addresses, not {scheme} ones"
        ));
    }
    let allowed = origin == page_origin
        || allowed
            .iter()
            .any(|listed| listed.trim_end_matches('/').eq_ignore_ascii_case(origin));
    if allowed {
        Ok(())
    } else {
        Err(format!(
            "{address}: refused: {origin} is another origin than this page's ({page_origin}); dispute files are loaded from the page's own origin, or from one the page lists in <meta name=\"{ALLOWED_ORIGINS_META}\">"
        ))
    }
}

/// The origins a page lists in its `<meta name="dispute-map-allowed-origins">`.
pub fn allowed_origins(content: &str) -> Vec<String> {
    content
        .split(|character: char| character.is_whitespace() || character == ',')
        .filter(|origin| !origin.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Where the settings come from, which decides their names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    /// URL parameters of the standalone page.
    Url,
    /// `data-*` attributes of an element in a host page.
    Attribute,
}

impl Config {
    /// Reads the settings through `get`, which answers a setting's name with its value.
    pub fn read(from: Setting, get: impl Fn(&str) -> Option<String>) -> Config {
        let name = |key: &str| match from {
            Setting::Url => key.to_owned(),
            Setting::Attribute => format!("data-{key}"),
        };
        let data_key = match from {
            Setting::Url => "data".to_owned(),
            Setting::Attribute => "data-src".to_owned(),
        };
        let mut problems = Vec::new();
        let tour = get(&name("view")).is_some_and(|value| value == "tour");
        let view = get(&name("view"))
            .filter(|value| !value.is_empty() && value != "tour")
            .and_then(|value| {
                let view = View::parse(&value);
                if view.is_none() {
                    problems.push(format!(
                        "{} \"{value}\" is not a view (map, timeline, conflicts, list or tour)",
                        name("view")
                    ));
                }
                view
            });
        let selection = get(&name("select")).filter(|value| !value.is_empty()).and_then(|value| {
            match route::parse(&format!("#/{}", value.trim_start_matches(['#', '/']))) {
                Ok(route) if route.selection.is_some() => route.selection,
                _ => {
                    problems.push(format!("{} \"{value}\" is not <kind>/<id>, such as clause/azure-stateless-exclusivity", name("select")));
                    None
                }
            }
        });
        let flag = |value: Option<String>| {
            value.is_some_and(|value| !matches!(value.as_str(), "false" | "0" | "off" | "no"))
        };
        let timeout = get(&name("timeout"))
            .filter(|value| !value.is_empty())
            .and_then(|value| match value.trim().parse::<u32>() {
                Ok(seconds) if (1..=3600).contains(&seconds) => Some(seconds),
                _ => {
                    problems.push(format!(
                        "{} \"{value}\" is not a number of seconds from 1 to 3600",
                        name("timeout")
                    ));
                    None
                }
            });
        Config {
            tour,
            timeout,
            data_url: get(&data_key)
                .map(|value| value.trim().to_owned())
                .filter(|value| !value.is_empty()),
            index_url: get(&name("index"))
                .map(|value| value.trim().to_owned())
                .filter(|value| !value.is_empty()),
            view,
            selection,
            compact: flag(get(&name("compact"))),
            use_hash: match from {
                Setting::Url => true,
                Setting::Attribute => flag(get(&name("hash"))),
            },
            problems,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;
    use std::collections::HashMap;

    fn read(from: Setting, pairs: &[(&str, &str)]) -> Config {
        let values: HashMap<String, String> = pairs
            .iter()
            .map(|(key, value)| (key.to_string(), value.to_string()))
            .collect();
        Config::read(from, |key| values.get(key).cloned())
    }

    #[test]
    fn url_parameters() {
        let config = read(
            Setting::Url,
            &[
                ("data", "disputes/acme.json"),
                ("view", "timeline"),
                ("select", "clause/sole-supplier"),
                ("compact", ""),
            ],
        );
        assert_eq!(config.data_url.as_deref(), Some("disputes/acme.json"));
        assert_eq!(config.view, Some(View::Timeline));
        assert_eq!(
            config.selection,
            Some(EntityRef::new(EntityKind::Clause, "sole-supplier"))
        );
        assert!(config.compact, "a bare ?compact turns it on");
        assert!(config.use_hash);
        assert!(config.problems.is_empty());
    }

    #[test]
    fn an_index_of_disputes_is_named_like_a_file() {
        let page = read(Setting::Url, &[("index", " examples/disputes.json ")]);
        assert_eq!(page.index_url.as_deref(), Some("examples/disputes.json"));
        let element = read(Setting::Attribute, &[("data-index", "disputes.json")]);
        assert_eq!(element.index_url.as_deref(), Some("disputes.json"));
        assert_eq!(read(Setting::Url, &[("index", "")]).index_url, None);
        assert_eq!(read(Setting::Url, &[("data", "a.json")]).index_url, None);
    }

    #[test]
    fn element_attributes() {
        let config = read(
            Setting::Attribute,
            &[
                ("data-src", " other.json "),
                ("data-view", "list"),
                ("data-compact", "false"),
            ],
        );
        assert_eq!(config.data_url.as_deref(), Some("other.json"));
        assert_eq!(config.view, Some(View::List));
        assert!(!config.compact);
        assert!(
            !config.use_hash,
            "an embedded map leaves the host page's hash alone"
        );
        assert!(read(Setting::Attribute, &[("data-hash", "on")]).use_hash);
    }

    #[test]
    fn bad_settings_are_reported_not_guessed() {
        let config = read(
            Setting::Attribute,
            &[("data-view", "graph"), ("data-select", "azure")],
        );
        assert_eq!(config.view, None);
        assert_eq!(config.selection, None);
        assert_eq!(config.problems.len(), 2, "{:?}", config.problems);
        assert!(config.problems[0].starts_with("data-view \"graph\" is not a view"));
    }

    #[test]
    fn a_map_may_open_on_the_walkthrough() {
        assert!(read(Setting::Url, &[("view", "tour")]).tour);
        let embedded = read(Setting::Attribute, &[("data-view", "tour")]);
        assert!(embedded.tour && embedded.view.is_none() && embedded.problems.is_empty());
    }

    #[test]
    fn a_timeout_in_seconds() {
        assert_eq!(read(Setting::Url, &[("timeout", "5")]).timeout, Some(5));
        assert_eq!(
            read(Setting::Attribute, &[("data-timeout", "12")]).timeout,
            Some(12)
        );
        let wrong = read(Setting::Url, &[("timeout", "soon")]);
        assert_eq!(wrong.timeout, None);
        assert!(wrong.problems[0].starts_with("timeout \"soon\" is not a number of seconds"));
    }

    /// Regression: `?data=` and `data-src` fetched any address: other origins, `data:` links
    /// carrying a whole dispute, `javascript:`.
    #[test]
    fn files_come_from_the_page_origin_or_one_it_lists() {
        let page = "https://intranet.example";
        let allowed = allowed_origins("https://files.example, https://other.example/");
        let cases: [(&str, &str, bool, &str); 7] = [
            ("https:", "https://intranet.example", true, ""),
            ("https:", "https://files.example", true, ""),
            ("https:", "https://other.example", true, ""),
            ("https:", "https://evil.example", false, "https://evil.example is another origin than this page's (https://intranet.example)"),
            ("http:", "http://intranet.example", false, "another origin"),
            ("data:", "null", false, "not data: ones"),
            ("javascript:", "null", false, "not javascript: ones"),
        ];
        for (scheme, origin, expected, message) in cases {
            let answer = may_load_from("x.json", scheme, origin, page, &allowed);
            assert_eq!(answer.is_ok(), expected, "{scheme} {origin}: {answer:?}");
            if let Err(refusal) = answer {
                assert!(
                    refusal.contains(message) && refusal.starts_with("x.json: refused: "),
                    "{refusal}"
                );
                assert!(
                    refusal.contains("dispute-map-allowed-origins") || !message.contains("origin")
                );
            }
        }
    }

    #[test]
    fn nothing_set_means_the_defaults() {
        assert_eq!(
            read(Setting::Url, &[]),
            Config {
                use_hash: true,
                ..Config::default()
            }
        );
        assert_eq!(
            read(Setting::Attribute, &[("data-src", "  ")]),
            Config::default()
        );
    }
}

//! The pre-rendered screen's responder reads and writes hashes with `web/routes.js`, given the
//! words of `route::grammar()`. This runs those functions in Node beside `route::parse_address`
//! and `route::format`, on every route of the bundled dispute and on hostile hashes, and fails
//! wherever the two would show a reader different things.

use dispute_core::model::{EntityRef, View};
use dispute_core::route::{self, Address, Route};
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};

/// What the responder must make of a hash, as the app reads it: the selection the map view
/// shows (`null` for none), or `"app"` for anything only the app can show (another view, the
/// walkthrough, the index of disputes, a link it reports as broken).
fn expected(hash: &str) -> Value {
    match route::parse_address(hash) {
        Ok(Address::Route(Route {
            view: None | Some(View::Map),
            selection,
        })) => selection.map_or(
            Value::Null,
            |entity| json!({ "kind": entity.kind.as_str(), "id": entity.id }),
        ),
        _ => json!("app"),
    }
}

/// Every route of the bundled dispute: each entity in the default view, in each view, and each
/// view with nothing selected.
fn bundled_routes() -> Vec<Route> {
    let dataset = dispute_core::dataset::parse(dispute_core::BUNDLED_DISPUTE)
        .expect("the bundled dispute is valid");
    let views = std::iter::once(None).chain(View::ALL.into_iter().map(Some));
    let mut routes = Vec::new();
    for view in views {
        routes.push(Route {
            view,
            selection: None,
        });
        for (kind, _, id) in dataset.file.entity_ids() {
            routes.push(Route {
                view,
                selection: Some(EntityRef::new(kind, id)),
            });
        }
    }
    routes
}

/// Ids no slug would be, for writing and reading back.
const HOSTILE_IDS: &[&str] = &[
    "odd id",
    "id/with/slashes",
    "100%",
    "%41",
    "it's (really) *this*!",
    "café-€-日本",
    "a#b?c=d&e",
    "__proto__",
    "constructor",
    "😀",
    " ",
    "+plus+",
];

/// Hashes a hand, a bad link or a hostile page may give.
const HOSTILE_HASHES: &[&str] = &[
    "",
    "#",
    "#/",
    "/",
    "#//",
    "#/map",
    "#/map/",
    "#///map///party///openai",
    "#/MAP",
    "#/Map/party/openai",
    "#/Party/openai",
    "#/party",
    "#/map/party",
    "#/widget/x",
    "#/map/widget/x",
    "#/timeline/widget/x",
    "#/a/b/c/d",
    "#/map/party/openai/extra",
    "##/party/openai",
    "#%2Fparty%2Fopenai",
    "#/party/%2",
    "#/party/trailing%",
    "#/party/%zz",
    "#/party/%FF",
    "#/party/%C3",
    "#/party/%E2%82%AC",
    "#/party/%e2%82%ac",
    "#/party/a%2Fb",
    "#/party/%00",
    "#/party/openai?x=1",
    "#/party/ openai",
    "#/ party/openai",
    "#/tour",
    "#/tour/2",
    "#/tour/0",
    "#/tour/x",
    "#/disputes",
    "#/d",
    "#/d/redwater",
    "#/d/redwater/party/openai",
    "#/d/redwater/map/party/openai",
    "#/__proto__",
    "#/__proto__/x",
    "#/constructor/x",
    "#/toString",
    "#/hasOwnProperty/x",
    "#/party/😀",
    "#/party/\u{0}",
    "#/party/\u{fffd}",
];

/// Runs `web/routes.js` in Node on the hashes (what it reads) and the selections (what it writes).
fn run_responder_rules(hashes: &[String], selections: &[Value]) -> Value {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/web/routes.js");
    let program = format!(
        "import {{ selectionOf, hashOf }} from {};\n\
         let input = '';\n\
         for await (const chunk of process.stdin) input += chunk;\n\
         const {{ grammar, hashes, selections }} = JSON.parse(input);\n\
         const read = hashes.map((hash) => selectionOf(hash, grammar)).map((shown) => (shown === undefined ? 'app' : shown));\n\
         const written = selections.map((selection) => hashOf(selection, grammar));\n\
         process.stdout.write(JSON.stringify({{ read, written }}));\n",
        serde_json::to_string(&format!("file://{script}")).expect("a path is a JSON string")
    );
    let mut node = Command::new("node")
        .args(["--input-type=module", "--eval", &program])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("Node.js runs the responder's route rules; `./dev` installs it");
    let input = json!({ "grammar": route::grammar(), "hashes": hashes, "selections": selections });
    node.stdin
        .take()
        .expect("Node's input is piped")
        .write_all(input.to_string().as_bytes())
        .expect("Node reads its input");
    let output = node.wait_with_output().expect("Node finishes");
    assert!(output.status.success(), "web/routes.js failed in Node");
    serde_json::from_slice(&output.stdout).expect("Node prints JSON")
}

#[test]
fn the_responder_reads_every_hash_as_the_app_does() {
    let mut hashes: Vec<String> = bundled_routes().iter().map(route::format).collect();
    for id in HOSTILE_IDS {
        hashes.push(format!("#/party/{id}"));
        hashes.push(route::format(&Route {
            view: Some(View::Map),
            selection: Some(EntityRef::new(dispute_core::model::EntityKind::Clause, *id)),
        }));
    }
    hashes.extend(HOSTILE_HASHES.iter().map(|hash| hash.to_string()));
    let read = run_responder_rules(&hashes, &[])["read"].clone();
    let read = read.as_array().expect("one reading per hash");
    assert_eq!(read.len(), hashes.len());
    let mut shown_by_responder = 0;
    for (hash, responder) in hashes.iter().zip(read) {
        assert_eq!(
            responder,
            &expected(hash),
            "the responder and the app read {hash:?} differently"
        );
        if responder != "app" {
            shown_by_responder += 1;
        }
    }
    // The map view's routes are the responder's own: without them this would prove little.
    let map_routes = bundled_routes()
        .iter()
        .filter(|route| matches!(route.view, None | Some(View::Map)))
        .count();
    assert!(shown_by_responder >= map_routes, "{shown_by_responder} hashes shown by the responder, fewer than the {map_routes} map routes");
}

#[test]
fn the_responder_writes_every_hash_as_the_app_does() {
    let dataset = dispute_core::dataset::parse(dispute_core::BUNDLED_DISPUTE)
        .expect("the bundled dispute is valid");
    let mut selections: Vec<Option<EntityRef>> = vec![None];
    selections.extend(
        dataset
            .file
            .entity_ids()
            .into_iter()
            .map(|(kind, _, id)| Some(EntityRef::new(kind, id))),
    );
    selections.extend(
        HOSTILE_IDS
            .iter()
            .map(|id| Some(EntityRef::new(dispute_core::model::EntityKind::Party, *id))),
    );
    let as_json: Vec<Value> = selections
        .iter()
        .map(|selection| {
            selection.as_ref().map_or(
                Value::Null,
                |entity| json!({ "kind": entity.kind.as_str(), "id": entity.id }),
            )
        })
        .collect();
    let written = run_responder_rules(&[], &as_json)["written"].clone();
    let written = written.as_array().expect("one hash per selection");
    assert_eq!(written.len(), selections.len());
    for (selection, responder) in selections.into_iter().zip(written) {
        let app = route::format(&Route {
            view: Some(View::Map),
            selection: selection.clone(),
        });
        assert_eq!(
            responder, &app,
            "the responder and the app write {selection:?} differently"
        );
        assert_eq!(
            expected(&app),
            expected(responder.as_str().unwrap_or_default())
        );
    }
}

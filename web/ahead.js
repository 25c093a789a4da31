// Before the first paint, on the standalone page of a release build: which entities have
// pre-rendered details, where each one's file is, and for a deep link to one of them
// (`#/clause/…`) its file asked for at once, so it is on its way while the page paints rather
// than after. tools/post-build.mjs writes this into dist/dispute-map-boot.js (a classic script
// in the head) inside a function of its own, with the route rules of web/routes.js in place of
// the import. The responder (web/responder.js) takes all three from `__disputeMapAhead`.
import { selectionOf } from "./routes.js";

// Filled in by tools/post-build.mjs: the details folder's versioned address, the entities that
// have details (`<kind>/<id>`: any other is missing, asked of no server), and the route
// grammar's words (`route::grammar()`).
const DETAILS_FILE = "__DETAILS_FILE__";
const DETAILS_KEYS = new Set("__DETAILS_KEYS__");
const GRAMMAR = "__GRAMMAR__";

const folder = new URL(DETAILS_FILE, document.currentScript.src);
/** The address of an entity's details file. */
const fileOf = ({ kind, id }) => new URL(`${kind}/${encodeURIComponent(id)}.html${folder.search}`, folder);
/** Details files asked for before the responder ran, by `<kind>/<id>`: the response's promise. */
const early = new Map();
const linked = selectionOf(location.hash, GRAMMAR);
const key = linked && `${linked.kind}/${linked.id}`;
// A page asking for another dispute (?data=, ?index=) shows none of the bundled one's details.
if (key && DETAILS_KEYS.has(key) && !document.documentElement.classList.contains("loading-data")) early.set(key, fetch(fileOf(linked)));
window.__disputeMapAhead = { keys: DETAILS_KEYS, fileOf, early, grammar: GRAMMAR };

// The pre-rendered opening screen's responder: until the wasm has taken over, a click (or Enter)
// on an entity of the map, or on a link in the details, opens that entity's details, drawn at
// build time by the app's own Details component, one small file per entity
// (dispute-map-details/<kind>/<id>.html, written by tools/post-build.mjs), fetched when it is
// asked for, and already on pointer-down or hover. Selections go through the URL hash, exactly as the app's own do, so the
// app takes over showing the same selection, and back and forward work throughout. What this
// cannot show (another view, searching, the menu) waits for the app, which reads the same hash.
// Loaded by the standalone page only, as a module (so after parsing, never blocking the paint);
// every listener does nothing once the pre-rendered screen is gone.

import { hashOf, selectionOf } from "./routes.js";

// What the head's script (web/ahead.js, in dispute-map-boot.js) knows: which entities have
// details, where each one's file is, the files it already asked for, and the route grammar's
// words (`route::grammar()`). Without it (a page the build did not write) nothing answers.
const AHEAD = window.__disputeMapAhead;
const GRAMMAR = AHEAD?.grammar;
// Filled in by tools/post-build.mjs: the app's own words, drawn by its components
// (src/prerender.rs): the panel's for an entity the dispute lacks (per kind, with a placeholder
// for the id) and for details on their way, the details toggle's, and what the page says of a
// link only the app can show.
const MESSAGES = "__MESSAGES__";
/** An entity of the pre-rendered map, which a tap selects. */
const MAP_ENTITY = "[data-testid='map'] [data-kind][data-id][role='button']";

const host = document.querySelector("[data-dispute-map][data-standalone]");
const copies = () => (host ? [...host.querySelectorAll("[data-testid='prerendered']")] : []);

/** Each entity's panel by `<kind>/<id>`: its HTML once fetched, `null` when the dispute has no
 *  such entity, a promise while on its way. */
const details = new Map();
const overviews = new Map();

/** Fetches one entity's panel (once), then draws the current selection again. */
function fetchDetails(selection) {
  const key = `${selection.kind}/${selection.id}`;
  if (details.has(key)) return;
  if (!AHEAD.keys.has(key)) {
    details.set(key, null);
    return;
  }
  const request = AHEAD.early.get(key) ?? fetch(AHEAD.fileOf(selection));
  AHEAD.early.delete(key);
  details.set(
    key,
    request
      .then((response) => (response.ok ? response.text() : response.status === 404 ? null : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((panel) => {
        details.set(key, panel);
        follow();
      })
      .catch(() => {
        // The app itself shows the details when it takes over; until then the selection says
        // it is loading, which stays true. A later ask tries again.
        details.delete(key);
      }),
  );
}

/** Text as HTML that shows it as it is. */
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function entitySelector(kind, id) {
  return `[data-testid='map'] [data-kind='${kind}'][data-id='${CSS.escape(id)}']`;
}

/** Draws a selection (or the overview, for `null`) in both copies of the screen. */
function show(selection, { focus = false } = {}) {
  for (const copy of copies()) {
    const shell = copy.querySelector("[data-panel]");
    const region = copy.querySelector("[data-testid='details'] [aria-live]");
    if (!shell || !region) continue;
    if (!overviews.has(copy)) overviews.set(copy, region.innerHTML);
    for (const previous of copy.querySelectorAll("[data-testid='map'] [aria-current='true']")) previous.removeAttribute("aria-current");
    // As the app marks its shell: the phone's sheet opens over the map for a selection.
    if (selection === null) delete shell.dataset.selection;
    else shell.dataset.selection = "true";
    // What the region shows now, so drawing the same again (the details arriving and the
    // address changing, in either order) keeps the element that has focus.
    const key = selection === null ? "overview" : `${selection.kind}/${selection.id}`;
    if (selection === null) {
      if (region.dataset.shown !== key) region.innerHTML = overviews.get(copy);
      region.dataset.shown = key;
      continue;
    }
    const entity = copy.querySelector(entitySelector(selection.kind, selection.id));
    if (entity) {
      entity.setAttribute("aria-current", "true");
      for (const other of copy.querySelectorAll("[data-testid='map'] [data-kind][tabindex='0']")) other.setAttribute("tabindex", "-1");
      entity.setAttribute("tabindex", "0");
    }
    const panel = details.get(key);
    if (typeof panel === "string") {
      if (region.dataset.shown !== key) region.innerHTML = panel;
      region.dataset.shown = key;
    } else if (panel === null) {
      region.innerHTML = (MESSAGES.missing[selection.kind] ?? "").replaceAll(MESSAGES.placeholder, escapeHtml(selection.id));
      delete region.dataset.shown;
    } else {
      region.innerHTML = MESSAGES.loading;
      delete region.dataset.shown;
    }
    // As the app does for a selection the user made: focus follows to the panel's heading, in
    // the copy on screen.
    if (focus && copy.getClientRects().length > 0) region.querySelector("h2")?.focus();
  }
}

// Whether the next selection drawn was the user's own, so keyboard focus follows it; kept until
// the details have arrived to take it.
let userSelected = false;

function follow() {
  if (copies().length === 0) {
    removeEventListener("hashchange", follow);
    return;
  }
  const selection = selectionOf(location.hash, GRAMMAR);
  // What only the app can show: the page says it is on its way.
  if (selection === undefined) host.dataset.prerender = "waiting";
  else delete host.dataset.prerender;
  if (selection === undefined) {
    const status = host.querySelector("[data-testid='prerender-loading']");
    if (status) status.textContent = MESSAGES.waiting;
    return;
  }
  if (selection) fetchDetails(selection);
  show(selection, { focus: userSelected });
  if (selection === null || typeof details.get(`${selection.kind}/${selection.id}`) === "string") userSelected = false;
}

function select(target) {
  userSelected = true;
  const hash = hashOf({ kind: target.dataset.kind, id: target.dataset.id }, GRAMMAR);
  if (location.hash === hash) follow();
  else location.hash = hash;
}

function clearSelection() {
  userSelected = false;
  location.hash = hashOf(null, GRAMMAR);
}

if (AHEAD && host && copies().length > 0 && !document.documentElement.classList.contains("loading-data")) {
  host.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target?.closest("[data-testid='prerendered']")) return;
    if (target.closest("[data-action='close-details']")) return clearSelection();
    const toggle = target.closest("[data-action='toggle-details']");
    if (toggle) {
      const shell = toggle.closest("[data-panel]");
      const closed = shell.dataset.panel !== "closed";
      shell.dataset.panel = closed ? "closed" : "open";
      toggle.setAttribute("aria-expanded", String(!closed));
      toggle.textContent = closed ? MESSAGES.toggle.closed : MESSAGES.toggle.open;
      return;
    }
    const entity = target.closest(MAP_ENTITY);
    if (entity) return select(entity);
    // A link to an entity follows its own href; one the user followed moves focus on arrival.
    if (target.closest("a[href^='#/']")) userSelected = true;
  });
  // On the document: after Back has redrawn the details, focus may be on the page's body.
  document.addEventListener("keydown", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (copies().length === 0 || !(target === document.body || target?.closest("[data-testid='prerendered']"))) return;
    if (event.key === "Escape" && selectionOf(location.hash, GRAMMAR)) {
      event.preventDefault();
      return clearSelection();
    }
    const entity = target.closest(MAP_ENTITY);
    if (entity && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      select(entity);
    }
  });
  addEventListener("hashchange", follow);
  // A finger on an entity, or the pointer over it, asks for its details before the tap lands.
  const ahead = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const entity = target?.closest(`[data-testid='prerendered'] ${MAP_ENTITY}`);
    if (entity) fetchDetails({ kind: entity.dataset.kind, id: entity.dataset.id });
  };
  host.addEventListener("pointerdown", ahead);
  host.addEventListener("pointerover", ahead);
  // A deep link shows its entity's details (asked for before the first paint) at once.
  if (selectionOf(location.hash, GRAMMAR)) follow();
}

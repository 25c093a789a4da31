// Starts the dispute map. tools/post-build.mjs writes this file as dist/dispute-map.js (the
// stable name host pages include), with the hashed file names below filled in. Every name it
// shares with the app is declared in src/host_page.rs; keep the two lists the same.
const FILES = {
  bindings: "__BINDINGS__",
  wasm: "__WASM__",
  worker: "__WORKER__",
  editor: "__EDITOR__",
  editorWasm: "__EDITOR_WASM__",
  author: "__AUTHOR__",
  authorWasm: "__AUTHOR_WASM__",
};
const HOST = "dispute-map, [data-dispute-map]";
const here = (file) => new URL(file, import.meta.url);

function showFailure(reason) {
  const alert = document.createElement("div");
  alert.className = "fatal-error";
  alert.dataset.testid = "startup-error";
  alert.setAttribute("role", "alert");
  alert.textContent = "The dispute map could not start: " + reason + ". Reload the page; if it happens again, the page may be missing files or the browser may not support WebAssembly.";
  const host = document.querySelector(HOST) || document.body;
  // The pre-rendered screen stays readable under the message; anything else gives way to it.
  if (host.querySelector("[data-testid='prerendered']")) host.prepend(alert);
  else host.replaceChildren(alert);
}

// A trap in the viewer's wasm (it ran out of memory) leaves it in no state to go on: say so in
// words, once, instead of a trap's name in the console.
let trapped = false;
function reportTrap(error) {
  if (!(error instanceof WebAssembly.RuntimeError) || trapped) return false;
  trapped = true;
  const alert = document.createElement("div");
  alert.className = "fatal-error";
  alert.dataset.testid = "startup-error";
  alert.setAttribute("role", "alert");
  alert.textContent = "The dispute map ran out of memory: the file shown or opened needs more than this browser tab has. Reload the page to start again.";
  (document.querySelector(HOST) || document.body).prepend(alert);
  return true;
}
addEventListener("error", (event) => {
  if (reportTrap(event.error)) event.preventDefault();
});
addEventListener("unhandledrejection", (event) => {
  if (reportTrap(event.reason)) event.preventDefault();
});

// Where this script, the wasm and dispute-map.css live, for maps embedded in other pages.
globalThis.__disputeMapBase = here("./").href;

// A dispute file named by ?data= on the standalone page starts downloading now, beside the wasm,
// when it is on this page's own origin: the app checks every address against its origin rule
// (loading.rs) and asks for anything else itself, or refuses it. The app takes this response
// instead of asking again, never follows a redirect, and reports any failure itself, so the
// rejection is marked handled here.
const standalone = document.querySelector("[data-dispute-map][data-standalone]");
const dataUrl = standalone && new URLSearchParams(location.search).get("data");
const target = dataUrl && URL.canParse(dataUrl, location.href) ? new URL(dataUrl, location.href) : null;
if (target && /^https?:$/.test(target.protocol) && target.origin === location.origin) {
  const abort = new AbortController();
  const response = fetch(target, { redirect: "manual", signal: abort.signal });
  response.catch(() => {});
  globalThis.__disputeMapPrefetch = { url: dataUrl, response, abort };
}

// The authoring tools' heavy work (workbooks, suggestions, edits) runs in a worker of its own,
// started on the first request, so the page stays responsive; stopping the work ends the
// worker. A request is {id, name, args}; the answer {id, ok, value} or {id, ok: false, error,
// fatal}. After a fatal answer (a trap: out of memory, or an internal error) the next request
// starts a fresh worker. Where a worker cannot start (a page on another origin including this
// script), the tools run in the page instead.
let worker = null;
let workerRefused = false;
let inPage = null;
let requests = 0;
const waiting = new Map();

function failAll(message) {
  for (const { reject } of waiting.values()) reject(new Error(message));
  waiting.clear();
}

function startWorker() {
  const started = new Worker(here(FILES.worker), { type: "module" });
  started.onmessage = ({ data }) => {
    const request = waiting.get(data.id);
    if (!request) return;
    waiting.delete(data.id);
    if (data.ok) request.resolve(data.value);
    else request.reject(new Error(data.error));
    if (data.fatal && worker === started) {
      started.terminate();
      worker = null;
    }
  };
  started.onerror = (event) => {
    event.preventDefault();
    if (worker === started) worker = null;
    started.terminate();
    failAll("the authoring tools could not start (" + (event.message || "their script did not load") + "); check the connection and try again");
  };
  return started;
}

async function runInPage(name, args) {
  inPage ??= import(here(FILES.author).href).then(async (module) => {
    await module.default({ module_or_path: here(FILES.authorWasm) });
    return module;
  });
  try {
    return (await inPage)[name](...args);
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      inPage = null;
      throw new Error("the file needs more memory than this browser tab has");
    }
    throw error instanceof Error ? error : new Error(String(error));
  }
}

globalThis.__disputeMapWork = (name, args = [], transfer = []) => {
  if (worker === null && !workerRefused) {
    try {
      worker = startWorker();
    } catch (error) {
      console.warn("dispute-map: the authoring tools run in the page, not in a worker:", error);
      workerRefused = true;
    }
  }
  if (worker === null) return runInPage(name, args);
  return new Promise((resolve, reject) => {
    requests += 1;
    waiting.set(requests, { resolve, reject });
    worker.postMessage({ id: requests, name, args }, transfer);
  });
};

globalThis.__disputeMapStopWork = () => {
  if (worker !== null) {
    worker.terminate();
    worker = null;
  }
  failAll("cancelled");
};

// The authoring screens (review queues, forms): a wasm module of their own, fetched and started
// on the first request, once.
let editor;
globalThis.__disputeMapEditor = () =>
  (editor ??= import(here(FILES.editor).href).then(async (module) => {
    await module.default({ module_or_path: here(FILES.editorWasm) });
    return module;
  }).catch((error) => {
    editor = undefined;
    throw error;
  }));

// ---- Embedding: the <dispute-map> element, events to the host page, and frames ----
// The app gives each map's host element a control object (`__disputeMapControl`: select(ref),
// show(view), clear(), load(src, timeout), compact(on)) and reports the reader's moves through
// `__disputeMapEmit`; both names are declared in src/host_page.rs.

/** What a host page may read of an event: plain data, copied, never the app's own objects. */
const copied = (detail) => JSON.parse(JSON.stringify(detail ?? {}));

/** The page is the standalone app inside someone's frame. */
const framed = standalone !== null && window.parent !== window;

globalThis.__disputeMapEmit = (root, type, detail) => {
  const host = root.getRootNode() instanceof ShadowRoot ? root.getRootNode().host : root.closest(HOST) || root;
  host.dispatchEvent(new CustomEvent(`dispute-map-${type}`, { bubbles: true, composed: true, detail: copied(detail) }));
  // A frame tells its host page the same, which dispute-map-frame.js passes on to the <iframe>.
  if (framed && host === standalone) window.parent.postMessage({ ...copied(detail), type: `dispute-map:${type}` }, "*");
};

const ATTRIBUTES = ["src", "view", "select", "theme", "compact", "timeout"];

/** <dispute-map src view select theme compact timeout>: a map as an element of the host page. The
 *  app reads the attributes when it draws the map; after that, changes (at most one batch a
 *  frame, however fast a host sets them) go to the map's control. */
class DisputeMapElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #changed = new Set();
  #scheduled = false;

  connectedCallback() {
    globalThis.__disputeMapMount?.();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    this.#changed.add(name);
    if (this.#scheduled) return;
    this.#scheduled = true;
    requestAnimationFrame(() => this.#apply());
  }

  #apply() {
    this.#scheduled = false;
    const control = this.__disputeMapControl;
    const changed = [...this.#changed];
    this.#changed.clear();
    if (!control) return;
    if (changed.includes("compact")) control.compact(this.compact);
    if (changed.includes("src")) control.load(this.src ?? "", this.getAttribute("timeout") ?? "");
    if (changed.includes("view")) control.show(this.view ?? "map");
        if (changed.includes("select")) {
      const reference = this.getAttribute("select");
      if (reference) control.select(reference);
      else control.clear();
    }
  }

  /** Selects an entity ("party/openai"); false when the map does not have it (it says why). */
  select(reference) {
    if (typeof reference !== "string") return false;
    const control = this.__disputeMapControl;
    if (!control) {
      this.setAttribute("select", reference);
      return true;
    }
    return control.select(reference);
  }

  /** Opens a view: map, timeline, conflicts, list or tour. */
  show(view) {
    const control = this.__disputeMapControl;
    if (!control) {
      this.setAttribute("view", String(view));
      return true;
    }
    return control.show(String(view));
  }

  /** Clears the selection. */
  clear() {
    this.__disputeMapControl?.clear();
  }
}
for (const name of ATTRIBUTES) {
  if (name === "compact") {
    Object.defineProperty(DisputeMapElement.prototype, name, {
      get() { return this.hasAttribute(name); },
      set(value) { this.toggleAttribute(name, Boolean(value)); },
    });
  } else if (name !== "select") {
    Object.defineProperty(DisputeMapElement.prototype, name, {
      get() { return this.getAttribute(name); },
      set(value) { if (value === null || value === undefined) this.removeAttribute(name); else this.setAttribute(name, String(value)); },
    });
  }
}
// `select` is a method; the attribute of the same name is read with getAttribute.
Object.defineProperty(DisputeMapElement.prototype, "selected", {
  get() { return this.getAttribute("select"); },
  set(value) { if (value) this.setAttribute("select", String(value)); else this.removeAttribute("select"); },
});
if (!customElements.get("dispute-map")) customElements.define("dispute-map", DisputeMapElement);

// The standalone page's theme: ?theme=light or dark, or a message from the host page; else it
// follows the system.
function setTheme(theme) {
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
  else if (theme === "auto") delete document.documentElement.dataset.theme;
}
if (standalone) setTheme(new URLSearchParams(location.search).get("theme"));

if (framed) {
  // Only the page that frames this one is listened to; what it sends is data, never markup.
  let waitingSelect = null;
  const control = () => standalone.__disputeMapControl;
  const reference = (value) => (typeof value === "string" && value.length <= 400 ? value : null);
  addEventListener("message", (event) => {
    if (event.source !== window.parent || !event.data || typeof event.data !== "object") return;
    const { type } = event.data;
        if (type === "dispute-map:hello") {
      // The host's helper sizes the frame: the map takes its own height and says what it is.
      if (document.documentElement.classList.contains("sized-by-host")) return;
      document.documentElement.classList.add("sized-by-host");
      const report = () => window.parent.postMessage({ type: "dispute-map:height", height: Math.ceil(standalone.getBoundingClientRect().height) }, "*");
      new ResizeObserver(report).observe(standalone);
      report();
    } else if (type === "dispute-map:select" && reference(event.data.ref)) {
      if (control()) control().select(event.data.ref);
      else waitingSelect = event.data.ref;
    } else if (type === "dispute-map:view" && reference(event.data.view)) {
      control()?.show(event.data.view);
    } else if (type === "dispute-map:theme") {
      setTheme(event.data.theme);
    }
  });
  addEventListener("DisputeMapStarted", () => {
    if (waitingSelect) control()?.select(waitingSelect);
  });
  window.parent.postMessage({ type: "dispute-map:ready" }, "*");
}

try {
  // The app's code is asked for once the opening screen has been painted, so nothing competes
  // with it. A page out of sight paints no frames, so it waits at most a fifth of a second.
  await new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 200);
  });
  // Marks where the take-over starts, for the benchmark's longest task of it (./dev bench).
  performance.mark("dispute-map:take-over");
  // The bundled dispute, when a map of the page shows it, downloads beside the wasm and at the
  // same low priority; the app takes it from here (src/loading.rs).
  // A map shows it unless it is given a file or an index of disputes to list (config.rs).
  const named = (host, name) => (host.getAttribute(name) || host.getAttribute(`data-${name}`) || "").trim();
  const showsBundled = (host) => (host.hasAttribute("data-standalone") ? !dataUrl && !new URLSearchParams(location.search).get("index") : !named(host, "src") && !named(host, "index"));
  if (!globalThis.__disputeMapPrefetch && [...document.querySelectorAll(HOST)].some(showsBundled)) {
    const bundled = here("dispute.json");
    const response = fetch(bundled, { priority: "low" });
    response.catch(() => {});
    globalThis.__disputeMapPrefetch = { url: bundled.href, response };
  }
  const bindings = await import(here(FILES.bindings).href);
  // At low priority: a details file asked for by a tap goes first on a slow link.
  const wasm = await bindings.default({ module_or_path: fetch(here(FILES.wasm), { priority: "low" }) });
  // The wasm memory, for the benchmark's memory figures (./dev bench).
  globalThis.__disputeMapMemory = wasm.memory;
  dispatchEvent(new CustomEvent("DisputeMapStarted"));
} catch (error) {
  // A panic has already reported itself in the page; anything else is shown here.
  if (!document.querySelector(HOST + " [role=alert], body > [role=alert]")) {
    showFailure(error && error.message ? error.message : String(error));
  }
  console.error("dispute-map failed to start", error);
}

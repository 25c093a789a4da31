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
const HOST = "[data-dispute-map]";
const here = (file) => new URL(file, import.meta.url);

function showFailure(reason) {
  const alert = document.createElement("div");
  alert.className = "fatal-error";
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

try {
  // The app's code is asked for once the opening screen has been painted, so nothing competes
  // with it. A page out of sight paints no frames, so it waits at most a fifth of a second.
  await new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 200);
  });
  const bindings = await import(here(FILES.bindings).href);
  const wasm = await bindings.default({ module_or_path: here(FILES.wasm) });
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

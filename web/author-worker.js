// The authoring tools' worker: runs dispute-map-author's wasm off the page's main thread, so
// reading a large workbook or proposing the statements of a long filing never holds the page.
// dist/dispute-map.js (web/loader.js) starts it on the first request; tools/post-build.mjs
// fills in the versioned file names. A request is {id, name, args}; the answer {id, ok, value},
// or {id, ok: false, error, fatal} with the problem in words. A trap (out of memory, or a
// panic) leaves the module in no state to trust: its answer is fatal, and the page starts a
// fresh worker for the next request.
const AUTHOR = "__AUTHOR__";
const AUTHOR_WASM = "__AUTHOR_WASM__";

let ready = null;
const start = () =>
  (ready ??= import(new URL(AUTHOR, import.meta.url).href)
    .then(async (module) => {
      await module.default({ module_or_path: new URL(AUTHOR_WASM, import.meta.url) });
      return module;
    })
    .catch((error) => {
      ready = null;
      throw new Error("the authoring tools could not be loaded (" + (error && error.message ? error.message : error) + "); check the connection and try again");
    }));

/** A problem in words, and whether the module survived it. */
function describe(error, module) {
  if (error instanceof WebAssembly.RuntimeError || error instanceof RangeError) {
    let panic = "";
    try {
      panic = module ? module.last_panic() : "";
    } catch {
      panic = "";
    }
    return {
      message: panic ? "the authoring tools stopped on an internal error (" + panic + ")" : "the file needs more memory than this browser tab has",
      fatal: true,
    };
  }
  return { message: typeof error === "string" ? error : error && error.message ? error.message : String(error), fatal: false };
}

self.onmessage = async ({ data }) => {
  const { id, name, args } = data;
  let module = null;
  try {
    module = await start();
    const work = module[name];
    if (typeof work !== "function") throw new Error("the authoring tools have no " + name);
    self.postMessage({ id, ok: true, value: work(...args) });
  } catch (error) {
    const { message, fatal } = describe(error, module);
    self.postMessage({ id, ok: false, error: message, fatal });
  }
};

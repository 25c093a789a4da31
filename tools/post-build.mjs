// Trunk post-build hook. It turns Trunk's output into the page an intranet serves, in named
// steps (run in order at the bottom of this file):
//
// - startup: Trunk's inline start-up script gives way to `dispute-map.js` (web/loader.js, the
//   stable name host pages include), so index.html holds no inline script (a strict
//   Content-Security-Policy can forbid it) and start-up failures show a visible error;
// - stylesheets: one that blocks rendering, `dispute-map.css` (also the stable name an embedded
//   map loads into its shadow root), and `dispute-map-print.css`, loaded for print only;
// - modules: the authoring worker's wasm (crates/author, run by web/author-worker.js) and the
//   authoring screens (crates/editor), each a module of its own fetched on first use;
// - prerender: the bundled dispute's opening screen, rendered on the host by the same
//   components, written into the page at a desktop's and a phone's width, and every entity's
//   details into `dispute-map-details/<kind>/<id>.html`, which the responder (web/responder.js) shows
//   when the pre-rendered screen is clicked before the wasm has taken over;
// - minify: the JavaScript, as Trunk's own `--minify` would but after this hook's changes;
// - offline: `dispute-map-offline.html`, the whole viewer in one file, to open from disk;
// - compress: a `.gz` and a `.br` beside every file, for servers that send them as they are.
//
// The slow steps (the two modules, the pre-render, brotli at its best) run for release builds;
// `trunk serve` (a debug build) gets a working page without them, quickly: no authoring tools,
// no pre-rendered screen, no compressed copies.
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync, mkdirSync, copyFileSync, existsSync } from "node:fs";
import { join, dirname, extname, basename, resolve } from "node:path";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";
import { minify } from "terser";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail("TRUNK_STAGING_DIR is not set; run this through trunk");
const release = process.env.TRUNK_PROFILE !== "debug";
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");

function fail(message) {
  console.error(`post-build: ${message}`);
  process.exit(1);
}

/** A short digest of `content`, for `?v=` in addresses, so a changed file is never a cached one. */
const version = (content) => createHash("sha256").update(content).digest("hex").slice(0, 12);
const versioned = (file) => `./${file}?v=${version(readFileSync(join(staging, file)))}`;
const read = (file) => readFileSync(join(staging, file), "utf8");

/** Fills `__NAME__` placeholders in `template` from `values`, failing on any left unfilled. */
function fill(template, values, what) {
  let filled = template;
  for (const [name, value] of Object.entries(values)) filled = filled.replaceAll(`"__${name}__"`, JSON.stringify(value));
  const left = filled.match(/"__[A-Z_]+__"/);
  if (left) fail(`${what} still has the placeholder ${left[0]}`);
  return filled;
}

/** The responder with the route rules it imports (web/routes.js) written in place of the
 *  import, so the page fetches one script before it can answer a tap, not two in a row. */
function withRoutes(responder) {
  const routes = readFileSync(join(root, "web", "routes.js"), "utf8");
  const imported = /^import \{ ([\w, ]+) \} from "\.\/routes\.js";$/m;
  const found = responder.match(imported);
  if (!found) fail('web/responder.js no longer imports from "./routes.js" as the build expects');
  for (const name of found[1].split(", ")) {
    if (!routes.includes(`export function ${name}(`)) fail(`web/routes.js exports no function ${name}`);
  }
  return responder.replace(imported, () => routes.replaceAll("export function ", "function "));
}

/** Trunk's inline start-up script: the glue's and the wasm's file names. */
function startup() {
  const inline = /<script type="module">\s*import init, \* as bindings from '\.\/([^']+\.js)';[\s\S]*?module_or_path: '\.\/([^']+\.wasm)'[\s\S]*?<\/script>/;
  const found = html.match(inline);
  if (!found) fail("index.html has no Trunk start-up script of the expected shape; was Trunk upgraded?");
  const [script, bindings, wasm] = found;
  html = html.replace(script, '<script type="module" src="./dispute-map.js"></script>');
  return { bindings, wasm };
}

/** The stylesheets joined: one for the screen, which blocks rendering, and one for print. */
function stylesheets() {
  const links = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/g)];
  if (links.length === 0) fail("index.html links no stylesheet; was Trunk upgraded?");
  const isPrint = (file) => file.startsWith("print-");
  const screen = links.map(([, file]) => file).filter((file) => !isPrint(file)).map(read).join("\n");
  const print = links.map(([, file]) => file).filter(isPrint).map(read).join("\n");
  writeFileSync(join(staging, "dispute-map.css"), screen);
  writeFileSync(join(staging, "dispute-map-print.css"), print);
  for (const [, file] of links) unlinkSync(join(staging, file));
  const tags = `<link rel="stylesheet" href="./dispute-map.css?v=${version(screen)}">
    <link rel="stylesheet" href="./dispute-map-print.css?v=${version(print)}" media="print">`;
  links.forEach(([tag], index) => {
    html = html.replace(tag, index === 0 ? tags : "");
  });
  return { screen, print, tags };
}

/** Runs `cargo build` with `args` and returns the artefacts it reports, as cargo itself names
 *  them (its JSON messages), so a CARGO_TARGET_DIR elsewhere, or a changed layout, is followed. */
function cargoBuild(args) {
  const messages = execFileSync("cargo", ["build", "--quiet", ...args, "--message-format=json-render-diagnostics"], { cwd: root, stdio: ["ignore", "pipe", "inherit"], maxBuffer: 256 * 1024 * 1024 }).toString();
  return messages
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line))
    .filter((message) => message.reason === "compiler-artifact");
}

/** Builds `crate` for the browser; where its wasm is. */
function builtWasm(crate, library) {
  const wasm = cargoBuild(["--release", "--target", "wasm32-unknown-unknown", "-p", crate])
    .filter((artefact) => artefact.target?.name === library)
    .flatMap((artefact) => artefact.filenames)
    .find((file) => file.endsWith(".wasm"));
  if (!wasm) fail(`cargo built ${crate} but named no ${library}.wasm among its artefacts`);
  return wasm;
}

/** Builds the host program `bin` with the whole workspace's features, as `cargo test
 *  --workspace` builds its dependencies, so the crates the tests just compiled are reused rather
 *  than compiled again with another feature set; where the program is. */
function builtHostProgram(bin) {
  const program = cargoBuild(["--workspace", "--bin", bin]).find((artefact) => artefact.target?.name === bin && artefact.executable)?.executable;
  if (!program) fail(`cargo built no program named ${bin}`);
  return program;
}

/** A crate of this workspace built as a wasm module of its own: `<name>.js` and
 *  `<name>_bg.wasm` in the staging folder, optimised and minified. */
async function wasmModule(crate, library, name) {
  execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", staging, "--out-name", name, builtWasm(crate, library)]);
  const wasm = join(staging, `${name}_bg.wasm`);
  execFileSync("wasm-opt", ["-Oz", "--enable-reference-types", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-multivalue", wasm, "-o", wasm]);
  const script = join(staging, `${name}.js`);
  const { code } = await minify(readFileSync(script, "utf8"), { module: true, compress: { passes: 2 }, format: { comments: false } });
  writeFileSync(script, code);
  return { js: versioned(`${name}.js`), wasm: versioned(`${name}_bg.wasm`) };
}

/** The authoring modules: the worker's (heavy work) and the screens'. None in a debug build. */
async function modules() {
  if (!release) {
    const missing = "./dispute-map-not-built.js";
    return { worker: missing, author: { js: missing, wasm: missing }, editor: { js: missing, wasm: missing } };
  }
  const author = await wasmModule("dispute-author", "dispute_author", "dispute-map-author");
  const editor = await wasmModule("dispute-editor", "dispute_editor", "dispute-map-editor");
  const worker = fill(readFileSync(join(root, "web", "author-worker.js"), "utf8"), { AUTHOR: author.js, AUTHOR_WASM: author.wasm }, "web/author-worker.js");
  writeFileSync(join(staging, "dispute-map-author-worker.js"), worker);
  return { worker: versioned("dispute-map-author-worker.js"), author, editor };
}

/** Before the first paint: a page asked for another dispute (?data=) must not show the
 *  bundled one, not even for a moment; and, in a release build, what web/ahead.js knows of the
 *  pre-rendered details (`ahead`), a deep link's asked for at once. A classic script in the
 *  head, beside the stylesheet. */
function boot(stylesheetTags, ahead) {
  const script = `// Runs before the first paint. Generated by tools/post-build.mjs.
{ const asked = new URLSearchParams(location.search); if (asked.has("data") || asked.has("index") || document.querySelector('meta[name="${INDEX_META}"]')) document.documentElement.classList.add("loading-data"); }
${ahead ?? ""}`;
  writeFileSync(join(staging, "dispute-map-boot.js"), script);
  html = html.replace(stylesheetTags, `${stylesheetTags}\n    <script src="./dispute-map-boot.js?v=${version(script)}"></script>`);
}

/** dist/dispute-map.js, from web/loader.js with the hashed file names filled in. */
function loader(files, built) {
  const script = fill(readFileSync(join(root, "web", "loader.js"), "utf8"), {
    BINDINGS: `./${files.bindings}`,
    WASM: `./${files.wasm}`,
    WORKER: built.worker,
    EDITOR: built.editor.js,
    EDITOR_WASM: built.editor.wasm,
    AUTHOR: built.author.js,
    AUTHOR_WASM: built.author.wasm,
  }, "web/loader.js");
  writeFileSync(join(staging, "dispute-map.js"), script);
}

/** The opening screen and every entity's details, rendered by the app's own components on the
 *  host, written into the page; and the responder that answers clicks on them. */
function prerender() {
  if (!release) return;
  const screens = JSON.parse(execFileSync(builtHostProgram("prerender"), { cwd: root, maxBuffer: 64 * 1024 * 1024 }).toString());
  // No hydration follows (the app mounts beside the screen and swaps), so its markers go.
  const withoutMarkers = (markup) => markup.replaceAll("<!>", "");
  // Every entity's details in a small file of its own (dispute-map-details/<kind>/<id>.html),
  // which the responder fetches on a tap (and on pointer-down or hover, before it): a tap
  // waits for one entity's panel, never for all of them. Ids are the file's own, checked as
  // slugs, so each is a safe file name.
  const detailsFolder = join(staging, "dispute-map-details");
  for (const [key, panel] of Object.entries(screens.details)) {
    const [kind, id] = key.split("/");
    if (!/^[a-z]+$/.test(kind) || !/^[a-z0-9][a-z0-9-]*$/.test(id ?? "")) fail(`the details of "${key}" have no safe file name`);
    mkdirSync(join(detailsFolder, kind), { recursive: true });
    writeFileSync(join(detailsFolder, kind, `${id}.html`), panel);
  }
  const responder = fill(withRoutes(readFileSync(join(root, "web", "responder.js"), "utf8")), { MESSAGES: screens.messages }, "web/responder.js");
  writeFileSync(join(staging, "dispute-map-responder.js"), responder);
  /** The phone's copy of the screen, with its ids made its own so no id is on the page twice. */
  const ownIds = (markup, suffix) =>
    markup
      .replace(/(\s)(id|for|aria-controls|aria-describedby|aria-labelledby)="([^"]+)"/g, (_, space, attribute, ids) => `${space}${attribute}="${ids.split(" ").map((id) => id + suffix).join(" ")}"`)
      .replace(/href="#([^/"][^"]*)"/g, (_, id) => `href="#${id}${suffix}"`);
  const hostElement = /(<div id="dispute-map" data-dispute-map data-standalone>)([\s\S]*?)(\n    <\/div>\n  <\/body>)/;
  if (!hostElement.test(html)) fail("index.html has no standalone map element of the expected shape");
  html = html.replace(hostElement, (_, open, placeholder, close) => `${open}
      <div class="prerendered" data-testid="prerendered" data-width="wide">${withoutMarkers(screens.wide)}</div>
      <div class="prerendered" data-testid="prerendered" data-width="narrow">${ownIds(withoutMarkers(screens.narrow), "-narrow")}</div>
      <p class="prerender-loading" data-testid="prerender-loading" role="status">Loading the dispute…</p>
      <noscript><p class="prerender-note">This is a still picture of the dispute map: selecting, searching and the other views need JavaScript, which this browser has turned off.</p></noscript>${close}`);
  // For the head's script: which entities have details, where, and the route grammar's words.
  const ahead = fill(withRoutes(readFileSync(join(root, "web", "ahead.js"), "utf8")), {
    DETAILS_FILE: `./dispute-map-details/?v=${version(JSON.stringify(screens.details))}`,
    DETAILS_KEYS: Object.keys(screens.details),
    GRAMMAR: screens.grammar,
  }, "web/ahead.js");
  return `(() => {\n"use strict";\n${ahead}\n})();\n`;
}

/** The scripts, minified where Trunk would have (its --minify runs before this hook and breaks
 *  it); the responder runs before the loader. */
async function minifyScripts(files) {
    writeFileSync(join(staging, "dispute-map-frame.js"), readFileSync(join(root, "web", "frame.js"), "utf8"));
  const scripts = [[files.bindings, true], ["dispute-map.js", true], ["dispute-map-boot.js", false], ["dispute-map-frame.js", true]];
  if (release) scripts.push(["dispute-map-responder.js", true], ["dispute-map-author-worker.js", true]);
  for (const [file, module] of scripts) {
    const path = join(staging, file);
    const { code } = await minify(readFileSync(path, "utf8"), { module, compress: { passes: 2 }, format: { comments: false } });
    writeFileSync(path, code);
  }
  if (release) {
    const responder = `<script type="module" src="${versioned("dispute-map-responder.js")}"></script>`;
    html = html.replace('<script type="module" src="./dispute-map.js"></script>', () => `${responder}\n    <script type="module" src="./dispute-map.js"></script>`);
  }
}

/** Trunk's preloads of the glue and the wasm would start them before the opening screen is
 *  painted; the loader asks for both once it has been. */
function dropPreloads() {
  const preloads = /\s*<link rel="(modulepreload|preload)" href="\.\/dispute-map-[0-9a-f]+(_bg\.wasm|\.js)"[^>]*>/g;
  if ((html.match(preloads) || []).length !== 2) fail("index.html no longer has Trunk's two preloads of the glue and the wasm; was Trunk upgraded?");
  html = html.replace(preloads, "");
}

/** The single file: styles in a <style>, the JS glue as text imported through a blob: URL, the
 *  wasm as base64 and the bundled dispute as text. Inline script is fine here: this page is
 *  opened from disk, where no CSP applies; index.html, the one intranets serve, stays free of it. Derived from index.html, so
 *  the two pages never drift apart. It carries no authoring tools, and says so when asked. */
function offline(files, css) {
  const offlineScript = `<script type="module">
const HOST = "[data-dispute-map]";
function showFailure(reason) {
  const alert = document.createElement("div");
  alert.className = "fatal-error";
  alert.dataset.testid = "startup-error";
  alert.setAttribute("role", "alert");
  alert.textContent = "The dispute map could not start: " + reason + ". Reload the page; if it happens again, the page may be missing files or the browser may not support WebAssembly.";
  const host = document.querySelector(HOST) || document.body;
  if (host.querySelector("[data-testid='prerendered']")) host.prepend(alert);
  else host.replaceChildren(alert);
}
const glue = ${JSON.stringify(read(files.bindings)).replaceAll("</script", "<\\/script")};
const wasm = "${readFileSync(join(staging, files.wasm)).toString("base64")}";
// The bundled dispute, which the app takes from beside the wasm, is carried in the page too.
globalThis.__disputeMapPrefetch = { url: "./dispute.json", response: Promise.resolve(new Response(${JSON.stringify(read("dispute.json")).replaceAll("</script", "<\\/script")})) };
try {
  const bytes = Uint8Array.from(atob(wasm), (character) => character.charCodeAt(0));
  const bindings = await import(URL.createObjectURL(new Blob([glue], { type: "text/javascript" })));
  await bindings.default({ module_or_path: bytes });
} catch (error) {
  if (!document.querySelector("[role=alert]:not(noscript *)")) showFailure(error && error.message ? error.message : String(error));
  console.error("dispute-map failed to start", error);
}
</script>`;
  const page = html
    .replace(/<link rel="(stylesheet|modulepreload|preload)"[^>]*>/g, "")
    .replace(/<script src="\.\/dispute-map-boot\.js[^"]*"><\/script>/, "")
    .replace("</head>", () => `<style>\n${css.screen.replaceAll("</style", "<\\/style")}\n</style>\n<style media="print">\n${css.print.replaceAll("</style", "<\\/style")}\n</style>\n</head>`)
    .replace('<script type="module" src="./dispute-map.js"></script>', () => "")
    .replace(/<script type="module" src="\.\/dispute-map-responder\.js[^"]*"><\/script>/, () => "")
    .replace("</body>", () => `${offlineScript}\n</body>`);
  writeFileSync(join(staging, "dispute-map-offline.html"), page);
}

/** Every file, compressed beside itself, for servers that send .gz and .br as they are
 *  (docs/deploying.md). */
function compress() {
  if (!release) return 0;
  const compressible = new Set([".html", ".js", ".css", ".wasm", ".json", ".svg", ".txt"]);
  const walk = (folder) =>
    readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  let count = 0;
  for (const file of walk(staging)) {
    if (!compressible.has(extname(file))) continue;
    const bytes = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    count += 1;
  }
  return count;
}

/** Runs one named step and notes how long it took, for the line printed at the end. */
const timings = [];
/** The name of the <meta> that makes the page open its index of disputes (`disputes.json`,
 *  written by `./dev build FILE...`); the app reads the same name (dispute_core::config). */
const INDEX_META = "dispute-map-index";

/** `./dev build FILE...`: the dispute files given (DISPUTE_MAP_FILES, one path a line) copied
 *  into disputes/, their index written beside index.html as disputes.json by index-disputes,
 *  and the page marked to open it. A file that does not check is listed with its problems (the
 *  command says which); an unreadable list, or two files of one name, stop the build. */
function disputes() {
  const list = (process.env.DISPUTE_MAP_FILES || "").split("\n").filter((line) => line.trim());
  if (list.length === 0) return 0;
  const folder = join(staging, "disputes");
  mkdirSync(folder, { recursive: true });
  const names = new Set();
  const copies = list.map((file) => {
    const name = basename(file);
    if (names.has(name)) fail(`two dispute files are named ${name}; rename one (the index names each by its file)`);
    names.add(name);
    if (!existsSync(resolve(root, file))) fail(`${file}: no such dispute file`);
    copyFileSync(resolve(root, file), join(folder, name));
    return join("disputes", name);
  });
  const program = builtHostProgram("index-disputes");
  try {
    execFileSync(program, [...copies, "--output", "disputes.json"], { cwd: staging, stdio: ["ignore", "inherit", "inherit"] });
  } catch (error) {
    // Exit 1: written, with some files' problems listed in it and printed above.
    if (error.status !== 1) fail(`index-disputes could not write disputes.json (exit ${error.status})`);
  }
  return list.length;
}

async function step(name, work) {
  const started = performance.now();
  const result = await work();
  timings.push(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

const files = await step("startup", startup);
const css = await step("stylesheets", stylesheets);
const built = await step("modules", modules);
const indexed = await step("disputes", disputes);
loader(files, built);
const ahead = await step("prerender", prerender);
boot(css.tags, ahead);
await step("minify", () => minifyScripts(files));
dropPreloads();
writeFileSync(indexPath, html);
await step("offline", () => offline(files, css));
// The page opens its index; the single-file copy, which has no files beside it, does not.
if (indexed) html = html.replace("<head>", `<head>\n    <meta name="${INDEX_META}" content="disputes.json" />`);
writeFileSync(indexPath, html);
const compressed = await step("compress", compress);
console.log(`post-build (${release ? "release" : "debug"}): start-up in dispute-map.js (${files.bindings}, ${files.wasm}); stylesheets joined; ${release ? "authoring modules built, the opening screen pre-rendered, " : ""}${indexed ? `${indexed} dispute files indexed in disputes.json, ` : ""}${compressed} files compressed; ${timings.join(", ")}`);

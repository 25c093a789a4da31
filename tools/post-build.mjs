// Trunk post-build hook. It turns Trunk's output into the page an intranet serves:
//
// - the inline start-up script becomes an external module of a stable name, `dispute-map.js`, so
//   index.html holds no inline script (a strict Content-Security-Policy can forbid it), host pages
//   have one unhashed file to include, and start-up failures show a visible error;
// - the stylesheets become one that blocks rendering, `dispute-map.css` (also the stable name an
//   embedded map loads into its shadow root), and `dispute-map-print.css`, loaded for print only;
// - the bundled dispute's opening screen, rendered on the host by the same components
//   (`cargo run --bin prerender`), is written into the page, at a desktop's and a phone's width,
//   so the map, the status and the summary show before the wasm arrives, and without JavaScript;
// - every entity's details, rendered the same way, go into `dispute-map-details.json`, which the
//   responder (web/responder.js, shipped as `dispute-map-responder.js`) shows when the
//   pre-rendered screen is clicked before the wasm has taken over;
// - the JavaScript is minified (terser), as Trunk's own `--minify` would but after this hook's
//   changes;
// - `dispute-map-offline.html` is the whole app in one file, to open from disk;
// - every file gets a `.gz` and a `.br` beside it, for servers that send them as they are.
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { join, dirname, extname } from "node:path";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";
import { minify } from "terser";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run this through trunk");
  process.exit(1);
}
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");

const inline = /<script type="module">\s*import init, \* as bindings from '\.\/([^']+\.js)';[\s\S]*?module_or_path: '\.\/([^']+\.wasm)'[\s\S]*?<\/script>/;
const found = html.match(inline);
if (!found) {
  console.error("post-build: index.html has no Trunk start-up script of the expected shape; was Trunk upgraded?");
  process.exit(1);
}
const [script, bindingsFile, wasmFile] = found;

// The stylesheets: one for the screen, which blocks rendering, and one for print.
const links = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/g)];
if (links.length === 0) {
  console.error("post-build: index.html links no stylesheet; was Trunk upgraded?");
  process.exit(1);
}
const isPrint = (file) => file.startsWith("print-");
const read = (file) => readFileSync(join(staging, file), "utf8");
const screenCss = links.map(([, file]) => file).filter((file) => !isPrint(file)).map(read).join("\n");
const printCss = links.map(([, file]) => file).filter(isPrint).map(read).join("\n");
writeFileSync(join(staging, "dispute-map.css"), screenCss);
writeFileSync(join(staging, "dispute-map-print.css"), printCss);
for (const [, file] of links) unlinkSync(join(staging, file));
const version = (text) => createHash("sha256").update(text).digest("hex").slice(0, 12);
const stylesheets = `<link rel="stylesheet" href="./dispute-map.css?v=${version(screenCss)}">
    <link rel="stylesheet" href="./dispute-map-print.css?v=${version(printCss)}" media="print">`;
links.forEach(([tag], index) => {
  html = html.replace(tag, index === 0 ? stylesheets : "");
});

// The spreadsheet tools (crates/author): a wasm module of their own, several times the viewer's
// size, fetched only when someone opens or downloads a workbook (`__disputeMapAuthor` below).
execFileSync("cargo", ["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown", "-p", "dispute-author"], { cwd: root, stdio: "inherit" });
execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", staging, "--out-name", "dispute-map-author", join(root, "target", "wasm32-unknown-unknown", "release", "dispute_author.wasm")]);
const authorWasmPath = join(staging, "dispute-map-author_bg.wasm");
execFileSync("wasm-opt", ["-Oz", "--enable-reference-types", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-multivalue", authorWasmPath, "-o", authorWasmPath]);
{
  const path = join(staging, "dispute-map-author.js");
  const { code } = await minify(readFileSync(path, "utf8"), { module: true, compress: { passes: 2 }, format: { comments: false } });
  writeFileSync(path, code);
}
const authorVersion = version(readFileSync(join(staging, "dispute-map-author.js")));
const authorWasmVersion = version(readFileSync(authorWasmPath));

// Before the first paint: a page asked for another dispute (?data=) must not show the bundled
// one, not even for a moment. A classic script in the head, fetched beside the stylesheet.
const boot = `// Runs before the first paint. Generated by tools/post-build.mjs.
if (new URLSearchParams(location.search).has("data")) document.documentElement.classList.add("loading-data");
`;
writeFileSync(join(staging, "dispute-map-boot.js"), boot);
html = html.replace(stylesheets, `${stylesheets}\n    <script src="./dispute-map-boot.js?v=${version(boot)}"></script>`);

/** The start-up failure message, shared by both loaders. */
function showFailureSource() {
  return `const HOST = "[data-dispute-map]";

function showFailure(reason) {
  const alert = document.createElement("div");
  alert.className = "fatal-error";
  alert.setAttribute("role", "alert");
  alert.textContent = "The dispute map could not start: " + reason + ". Reload the page; if it happens again, the page may be missing files or the browser may not support WebAssembly.";
  const host = document.querySelector(HOST) || document.body;
  // The pre-rendered screen stays readable under the message; anything else gives way to it.
  if (host.querySelector(".prerendered")) host.prepend(alert);
  else host.replaceChildren(alert);
}`;
}

const loader = `// Starts the dispute map. Generated by tools/post-build.mjs; the file name is stable.
${showFailureSource()}

// Where this script, the wasm and dispute-map.css live, for maps embedded in other pages.
globalThis.__disputeMapBase = new URL("./", import.meta.url).href;

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

// The spreadsheet tools, fetched and started on the app's first request, once.
let author;
globalThis.__disputeMapAuthor = () =>
  (author ??= import(new URL("./dispute-map-author.js?v=${authorVersion}", import.meta.url).href).then(async (module) => {
    await module.default({ module_or_path: new URL("./dispute-map-author_bg.wasm?v=${authorWasmVersion}", import.meta.url) });
    return module;
  }).catch((error) => {
    author = undefined;
    throw error;
  }));

try {
  // The app's code is asked for once the opening screen has been painted, so nothing competes
  // with it (and Trunk's preloads of the glue and the wasm are taken out of index.html).
  // A page out of sight paints no frames, so it waits at most a fifth of a second.
  await new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 200);
  });
  const bindings = await import(new URL(${JSON.stringify("./" + bindingsFile)}, import.meta.url).href);
  const wasm = await bindings.default({ module_or_path: new URL(${JSON.stringify("./" + wasmFile)}, import.meta.url) });
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
`;
writeFileSync(join(staging, "dispute-map.js"), loader);
html = html.replace(script, '<script type="module" src="./dispute-map.js"></script>');

// The opening screen, rendered by the app's own components on the host.
const screens = JSON.parse(execFileSync("cargo", ["run", "--quiet", "-p", "dispute-map", "--bin", "prerender"], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).toString());
// No hydration follows (the app mounts beside the screen and swaps), so its markers go.
const withoutMarkers = (markup) => markup.replaceAll("<!>", "");
const detailsJson = JSON.stringify(screens.details);
writeFileSync(join(staging, "dispute-map-details.json"), detailsJson);
const responder = readFileSync(join(root, "web", "responder.js"), "utf8").replace(
  'const DETAILS_FILE = "./dispute-map-details.json";',
  () => `const DETAILS_FILE = "./dispute-map-details.json?v=${version(detailsJson)}";`,
);
if (!responder.includes(`?v=${version(detailsJson)}`)) {
  console.error("post-build: web/responder.js no longer names DETAILS_FILE as expected");
  process.exit(1);
}
writeFileSync(join(staging, "dispute-map-responder.js"), responder);
/** The phone's copy of the screen, with its ids made its own so no id is on the page twice. */
const ownIds = (markup, suffix) =>
  markup
    .replace(/(\s)(id|for|aria-controls|aria-describedby|aria-labelledby)="([^"]+)"/g, (_, space, attribute, ids) => `${space}${attribute}="${ids.split(" ").map((id) => id + suffix).join(" ")}"`)
    .replace(/href="#([^/"][^"]*)"/g, (_, id) => `href="#${id}${suffix}"`);
const hostElement = /(<div id="dispute-map" data-dispute-map data-standalone>)([\s\S]*?)(\n    <\/div>\n  <\/body>)/;
if (!hostElement.test(html)) {
  console.error("post-build: index.html has no standalone map element of the expected shape");
  process.exit(1);
}
html = html.replace(hostElement, (_, open, placeholder, close) => `${open}
      <div class="prerendered wide">${withoutMarkers(screens.wide)}</div>
      <div class="prerendered narrow">${ownIds(withoutMarkers(screens.narrow), "-narrow")}</div>
      <p class="prerender-loading" role="status">Loading the dispute…</p>
      <noscript><p class="prerender-note">This is a still picture of the dispute map: selecting, searching and the other views need JavaScript, which this browser has turned off.</p></noscript>${close}`);
writeFileSync(indexPath, html);

// The scripts, minified where Trunk would have (its --minify runs before this hook and breaks
// it); the responder gets its version once minified, and runs before the loader.
for (const [file, module] of [[bindingsFile, true], ["dispute-map.js", true], ["dispute-map-responder.js", true], ["dispute-map-boot.js", false]]) {
  const path = join(staging, file);
  const { code } = await minify(readFileSync(path, "utf8"), { module, compress: { passes: 2 }, format: { comments: false } });
  writeFileSync(path, code);
}
// Trunk's preloads of the glue and the wasm would start them before the opening screen is
// painted; the loader asks for both once it has been.
const preloads = /\s*<link rel="(modulepreload|preload)" href="\.\/dispute-map-[0-9a-f]+(_bg\.wasm|\.js)"[^>]*>/g;
if ((html.match(preloads) || []).length !== 2) {
  console.error("post-build: index.html no longer has Trunk's two preloads of the glue and the wasm; was Trunk upgraded?");
  process.exit(1);
}
html = html.replace(preloads, "");
const responderTag = `<script type="module" src="./dispute-map-responder.js?v=${version(readFileSync(join(staging, "dispute-map-responder.js")))}"></script>`;
html = html.replace('<script type="module" src="./dispute-map.js"></script>', () => `${responderTag}\n    <script type="module" src="./dispute-map.js"></script>`);
writeFileSync(indexPath, html);

// The single file: styles in a <style>, the JS glue as text imported through a blob: URL, and the
// wasm as base64. Inline script is fine here: this page is opened from disk, where no CSP applies;
// index.html, the one intranets serve, stays free of it. Derived from index.html, so the two pages
// never drift apart.
const failure = showFailureSource();
const offlineScript = `<script type="module">
${failure}
const glue = ${JSON.stringify(readFileSync(join(staging, bindingsFile), "utf8")).replaceAll("</script", "<\\/script")};
const wasm = "${readFileSync(join(staging, wasmFile)).toString("base64")}";
try {
  const bytes = Uint8Array.from(atob(wasm), (character) => character.charCodeAt(0));
  const bindings = await import(URL.createObjectURL(new Blob([glue], { type: "text/javascript" })));
  await bindings.default({ module_or_path: bytes });
} catch (error) {
  if (!document.querySelector("[role=alert]:not(noscript *)")) showFailure(error && error.message ? error.message : String(error));
  console.error("dispute-map failed to start", error);
}
</script>`;
const offline = html
  .replace(/<link rel="(stylesheet|modulepreload|preload)"[^>]*>/g, "")
  .replace(/<script src="\.\/dispute-map-boot\.js[^"]*"><\/script>/, "")
  .replace("</head>", () => `<style>\n${screenCss.replaceAll("</style", "<\\/style")}\n</style>\n<style media="print">\n${printCss.replaceAll("</style", "<\\/style")}\n</style>\n</head>`)
  .replace('<script type="module" src="./dispute-map.js"></script>', () => "")
  .replace(/<script type="module" src="\.\/dispute-map-responder\.js[^"]*"><\/script>/, () => "")
  .replace("</body>", () => `${offlineScript}\n</body>`);
writeFileSync(join(staging, "dispute-map-offline.html"), offline);

// Every file, compressed beside itself, for servers that send .gz and .br as they are
// (docs/deploying.md).
const compressible = new Set([".html", ".js", ".css", ".wasm", ".json", ".svg", ".txt"]);
const walk = (folder) =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
let compressed = 0;
for (const file of walk(staging)) {
  if (!compressible.has(extname(file))) continue;
  const bytes = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  compressed += 1;
}

console.log(`post-build: start-up in dispute-map.js (${bindingsFile}, ${wasmFile}); ${links.length} stylesheets joined into dispute-map.css and dispute-map-print.css; the opening screen pre-rendered; ${compressed} files compressed`);

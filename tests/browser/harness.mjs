// Shared test set-up: a static server for dist/ under a sub-path, and headless Chromium.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { before, after } from "node:test";
import { existsSync } from "node:fs";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../..");
export const distDir = resolve(process.env.DIST_DIR || join(repoRoot, "dist"));
export const fixturesDir = join(here, "fixtures");
export const screenshotDir = join(here, "screenshots");
/** The app is served from here, not from the root, so any absolute asset path breaks a test. */
export const appBase = "/tools/dispute-map/";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/**
 * Serves dist/ at `appBase` and the test fixtures at `/fixtures/`, on loopback only. Every request
 * is recorded so tests can check what the page asked for. Paths matching a `missing` pattern
 * answer 404, to play a deployment that lost a file. `headers` are added to every answer; a
 * function of the path gives each path its own. `files` maps extra paths to files on disk;
 * `mounts` adds [path prefix, folder] pairs, served like dist/ (the benchmark's peer page).
 */
export async function startServer({ missing = [], headers: headersFor = {}, files = {}, mounts: extraMounts = [] } = {}) {
  if (!existsSync(join(distDir, "index.html"))) {
    throw new Error(`${distDir}/index.html is missing: build the release bundle first (trunk build --release)`);
  }
  const requests = [];
  const mounts = [
    [appBase, distDir],
    ["/fixtures/", fixturesDir],
    ["/intranet/", join(fixturesDir, "intranet")],
    ...extraMounts,
  ];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    requests.push(path);
    const headers = typeof headersFor === "function" ? headersFor(path) : headersFor;
    if (missing.some((pattern) => pattern.test(path))) {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
      return;
    }
    if (files[path]) {
      response.writeHead(200, { ...headers, "content-type": types[extname(files[path])] || "application/octet-stream" });
      response.end(await readFile(files[path]));
      return;
    }
    if (path === "/fixtures/schema-example.json") {
      // The example in docs/schema.md, served as a file, to prove the documentation's file loads.
      response.writeHead(200, { ...headers, "content-type": types[".json"] });
      response.end(await schemaExample());
      return;
    }
    if (path === "/fixtures/hostile.json") {
      response.writeHead(200, { ...headers, "content-type": types[".json"] });
      response.end(JSON.stringify(hostile(JSON.parse(await schemaExample()))));
      return;
    }
    for (const [prefix, root] of mounts) {
      if (!path.startsWith(prefix)) continue;
      let relative = path.slice(prefix.length) || "index.html";
      const file = normalize(join(root, relative));
      if (!file.startsWith(root)) break;
      try {
        const body = await readFile(file);
        const type = { "content-type": types[extname(file)] || "application/octet-stream", vary: "accept-encoding" };
        // As nginx's brotli_static and gzip_static do: the file compressed at build time, when
        // the browser takes it (docs/deploying.md).
        const accepted = request.headers["accept-encoding"] || "";
        for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
          if (!accepted.includes(encoding)) continue;
          const packed = await readFile(file + suffix).catch(() => null);
          if (packed) {
            response.writeHead(200, { ...headers, ...type, "content-encoding": encoding });
            response.end(packed);
            return;
          }
        }
        response.writeHead(200, { ...headers, ...type });
        response.end(body);
        return;
      } catch {
        break;
      }
    }
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("not found");
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    appUrl: origin + appBase,
    requests,
    close: () => new Promise((done) => server.close(done)),
  };
}

/** Debian's Chromium, with the flags that keep it from hanging on this closed network. */
export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...extraArgs,
    ],
  });
}

/**
 * Opens the app in a fresh context and collects every console error, page error and failed
 * request, so each test can insist there were none.
 */
export async function openApp(browser, server, { hash = "", query = "", viewport = { width: 1280, height: 800 }, colorScheme = "light", bodies = {} } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true });
  // Paths answered with given bytes instead of the server's files: { "/fixtures/x.json": Buffer }.
  for (const [path, body] of Object.entries(bodies)) {
    await context.route((url) => url.pathname === path, (route) => route.fulfill({ body, contentType: "application/json" }));
  }
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(server.appUrl + query + hash);
  await appReady(page);
  return { page, context, problems };
}

/** Resolves once `target` (a page or a frame) has drawn three frames and run the tasks queued
 *  before them: what a change already under way does, it has done. For the checks that something
 *  did not happen, which have no event to wait for; never a guess at a number of milliseconds. */
export async function settled(target) {
  await target.evaluate(
    () =>
      new Promise((resolve) => {
        let frames = 3;
        const next = () => (frames-- > 0 ? requestAnimationFrame(() => setTimeout(next, 0)) : resolve());
        next();
      }),
  );
}

/** Waits until the app has taken over from the pre-rendered opening screen (showing a dispute's
 *  details, or an index's Disputes view), or says why not
 *  (a start-up failure leaves the pre-rendered screen readable under its message). */
export async function appReady(page) {
  await page.waitForFunction(() => (!document.querySelector("[data-testid='prerendered']") && document.querySelector("[data-testid='details'], [data-testid='disputes'], [role='alert']")) || document.querySelector("[data-testid='startup-error']"), null, { timeout: 20000 });
}

/** The bundled dataset, read from the repository for test expectations. */
export async function bundledDataset() {
  return JSON.parse(await readFile(join(repoRoot, "data", "dispute.json"), "utf8"));
}

/** The JSON example in docs/schema.md. */
export async function schemaExample() {
  const doc = await readFile(join(repoRoot, "docs", "schema.md"), "utf8");
  const start = doc.indexOf("```json\n") + "```json\n".length;
  return doc.slice(start, doc.indexOf("```", start));
}

/**
 * Registers the set-up every test file shares: one server, one browser, the bundled dataset and
 * the screenshot folder. The returned object is filled in before the first test runs.
 */
export function useSuite() {
  const suite = {};
  before(async () => {
    suite.server = await startServer();
    suite.browser = await launchBrowser();
    suite.dataset = await bundledDataset();
    await mkdir(screenshotDir, { recursive: true });
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** Markup that would run if any text were ever parsed as HTML. */
export const HOSTILE_MARKUP = `<img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 1</script><b>bold?</b>`;

/** Free-text fields: everything a person writes, as opposed to ids, references and enum values. */
const FREE_TEXT = new Set(["title", "summary", "name", "role", "claim", "description", "position", "question", "difference", "note", "publisher", "aliases"]);

/**
 * A copy of a valid dispute with markup and script in every free-text field, in each source's
 * text, and in one quote of it, so it still passes validation.
 */
export function hostile(dispute) {
  const poison = (value) => {
    if (Array.isArray(value)) return value.map(poison);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, FREE_TEXT.has(key) ? spoil(inner) : key === "date" || key === "published" ? { ...inner, text: HOSTILE_MARKUP + inner.text } : poison(inner)]));
    }
    return value;
  };
  const spoil = (value) => (Array.isArray(value) ? value.map((item) => HOSTILE_MARKUP + item) : HOSTILE_MARKUP + value);
  const result = poison(dispute);
  for (const source of result.sources) source.text = `${HOSTILE_MARKUP} ${source.text}`;
  result.statements[0].quote = HOSTILE_MARKUP;
  result.statements[0].source = result.sources[0].id;
  return result;
}

/** Opens the header's menu and chooses one of its items. */
export async function chooseFromMenu(page, name) {
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("button", { name, exact: true }).click();
}

/** The violations axe-core (from npm, run inside the page) finds, one line per failing node. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: join(repoRoot, "node_modules", "axe-core", "axe.min.js") });
  return page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ["violations"] });
    return results.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} (${violation.impact}) at ${node.target.join(" ")}: ${node.failureSummary.replace(/\s+/g, " ")}`),
    );
  });
}

/** The part of the drawing the map shows, in drawing units: [x, y, width, height]. */
export async function mapView(page) {
  return (await page.locator("[data-testid='map'] svg[role='group']").getAttribute("data-view")).split(" ").map(Number);
}

/** The entity's title in the bundled dataset, for headings. */
export function titleOf(dataset, collection, id) {
  const entity = dataset[collection].find((item) => item.id === id);
  return entity.title ?? entity.name ?? entity.summary;
}

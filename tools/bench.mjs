// The benchmark: the release bundle served on loopback, driven in headless Chromium, each figure
// the median of several runs, each checked against its budget. Run it with `./dev bench`, which
// builds the bundle and the large dispute first. Prints a table; exits 1 when a budget fails.
import { gzipSync } from "node:zlib";
import { mkdir, writeFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { startServer, launchBrowser, repoRoot, appBase } from "../tests/browser/harness.mjs";

const RUNS = Number(process.env.BENCH_RUNS || 7);
const benchDir = join(repoRoot, "target", "bench");
const largeFile = join(benchDir, "large.json");
const staticFile = join(benchDir, "static-floor.html");

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Records, in the page, when the map's first party is on screen (the frame after it appears). */
const MAP_OBSERVER = () => {
  const seen = () => document.querySelector("[data-testid='map'] [data-kind='party']") || document.querySelector("[data-dispute-map]")?.shadowRoot?.querySelector("[data-kind='party']");
  const mark = () => requestAnimationFrame(() => { window.__mapOnScreen ??= performance.now(); });
  if (seen()) {
    mark();
    return;
  }
  new MutationObserver((_, observer) => {
    if (seen()) {
      observer.disconnect();
      mark();
    }
  }).observe(document, { childList: true, subtree: true });
};

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(MAP_OBSERVER);
  const page = await context.newPage();
  return { context, page };
}

/** Milliseconds from navigation start until the map is on screen. */
async function timeToMap(browser, url, timeout = 60000) {
  const { context, page } = await newPage(browser);
  await page.goto(url);
  await page.waitForFunction(() => window.__mapOnScreen !== undefined, null, { timeout });
  const at = await page.evaluate(() => window.__mapOnScreen);
  await context.close();
  return at;
}

/** In the page: clicks an entity and waits until the details heading says `expected`, plus a frame. */
async function clickToDetails(page, selector, expected) {
  return page.evaluate(
    ([selector, expected]) =>
      new Promise((resolve) => {
        const heading = () => document.querySelector("[data-testid='details'] h2")?.textContent ?? "";
        const start = performance.now();
        const done = () => requestAnimationFrame(() => resolve(performance.now() - start));
        const observer = new MutationObserver(() => {
          if (heading().includes(expected)) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(document.querySelector("[data-testid='details']"), { childList: true, subtree: true, characterData: true });
        document.querySelector(selector).dispatchEvent(new MouseEvent("click", { bubbles: true }));
      }),
    [selector, expected],
  );
}

async function main() {
  await mkdir(benchDir, { recursive: true });
  const large = JSON.parse(await readFile(largeFile, "utf8"));
  const server = await startServer({ files: { [`${appBase}static-floor.html`]: staticFile, "/bench/large.json": largeFile } });
  const browser = await launchBrowser(["--enable-precise-memory-info", "--js-flags=--expose-gc"]);
  const rows = [];
  const report = (name, value, unit, budget, passes) => rows.push({ name, value, unit, budget, passes });

  // First-view transfer: everything the first view loads, gzipped.
  {
    const { context, page } = await newPage(browser);
    const bodies = new Map();
    page.on("response", async (response) => {
      try {
        bodies.set(response.url(), await response.body());
      } catch {}
    });
    await page.goto(server.appUrl);
    await page.waitForFunction(() => window.__mapOnScreen !== undefined);
    await page.waitForLoadState("networkidle");
    let total = 0;
    for (const body of bodies.values()) total += gzipSync(body, { level: 9 }).length;
    report("first-view transfer (gzip, html+js+wasm+css+data)", total / 1024, "KB", "≤ 120 KB", total <= 120 * 1024);
    // The static floor: the same first view, same markup and CSS, no script.
    const html = await page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true);
      copy.querySelectorAll("script, link[rel='modulepreload'], link[rel='preload']").forEach((element) => element.remove());
      return "<!DOCTYPE html>\n" + copy.outerHTML;
    });
    await writeFile(staticFile, html);
    await context.close();
  }

  // Time to map, beside the static floor, interleaved so both see the same machine.
  {
    const app = [];
    const floor = [];
    for (let run = 0; run < RUNS; run += 1) {
      app.push(await timeToMap(browser, server.appUrl));
      floor.push(await timeToMap(browser, `${server.appUrl}static-floor.html`));
    }
    report("time to map (app)", median(app), "ms", "", null);
    report("time to map (static floor)", median(floor), "ms", "", null);
    const ratio = median(app) / median(floor);
    report("time to map / static floor", ratio, "×", "≤ 2×", ratio <= 2);
  }

  // Click to details on the bundled dispute.
  {
    const { context, page } = await newPage(browser);
    await page.goto(server.appUrl);
    await page.waitForFunction(() => window.__mapOnScreen !== undefined);
    const parties = [["microsoft", "Microsoft"], ["openai", "OpenAI"], ["amazon", "Amazon"]];
    const times = [];
    for (let run = 0; run < RUNS * 3; run += 1) {
      const [id, name] = parties[run % parties.length];
      times.push(await clickToDetails(page, `[data-testid='map'] [data-kind='party'][data-id='${id}']`, name));
    }
    report("click to details settled (bundled)", median(times), "ms", "≤ 16 ms", median(times) <= 16);

    // Memory: wasm memory plus JS heap after 10,000 selections, against after 100; then, in a
    // fresh page, the same for switching views (each switch draws a whole view anew).
    const measure = (page) =>
      page.evaluate(() => {
        globalThis.gc?.();
        return (performance.memory?.usedJSHeapSize ?? 0) + (globalThis.__disputeMapMemory?.buffer.byteLength ?? 0);
      });
    const follow = (page, hashes, count) =>
      page.evaluate(
        async ([hashes, count]) => {
          for (let index = 0; index < count; index += 1) {
            location.hash = hashes[index % hashes.length];
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
          await new Promise((resolve) => requestAnimationFrame(resolve));
        },
        [hashes, count],
      );
    const growth = async (page, hashes, total) => {
      await follow(page, hashes, 100);
      const before = await measure(page);
      await follow(page, hashes, total - 100);
      return ((await measure(page)) - before) / (1024 * 1024);
    };
    const selections = ["microsoft", "openai", "amazon", "softbank", "nvidia", "google"].map((id) => `#/map/party/${id}`);
    const selectionGrowth = await growth(page, selections, 10000);
    report("memory growth, 10,000 vs 100 selections", selectionGrowth, "MB", "< 5 MB", selectionGrowth < 5);
    const fresh = await newPage(browser);
    await fresh.page.goto(server.appUrl);
    await fresh.page.waitForFunction(() => window.__mapOnScreen !== undefined);
    const viewGrowth = await growth(fresh.page, ["#/list", "#/timeline", "#/conflicts", "#/map"], 2000);
    report("memory growth, 2,000 vs 100 view switches", viewGrowth, "MB", "", null);
    await fresh.context.close();
    await context.close();
  }

  // The large dispute.
  {
    const url = `${server.appUrl}?data=/bench/large.json`;
    const loads = [];
    for (let run = 0; run < RUNS; run += 1) loads.push(await timeToMap(browser, url, 120000));
    const load = median(loads);
    report(`large dispute (${large.parties.length} parties, ${large.statements.length} statements): load to map`, load, "ms", "≤ 1000 ms", load <= 1000);
    const { context, page } = await newPage(browser);
    await page.goto(url);
    await page.waitForFunction(() => window.__mapOnScreen !== undefined, null, { timeout: 120000 });
    const search = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const input = document.querySelector("input[type='search']");
          const start = performance.now();
          input.value = "party 7";
          input.dispatchEvent(new Event("input", { bubbles: true }));
          requestAnimationFrame(() => resolve(performance.now() - start));
        }),
    );
    report("large dispute: search keystroke to result", search, "ms", "≤ 50 ms", search <= 50);
    await page.evaluate(() => {
      const input = document.querySelector("input[type='search']");
      input.value = "";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    // Parties on screen, each clicked in turn (the map draws only what is near the visible part).
    const drawn = await page.evaluate(() => ({
      parties: [...document.querySelectorAll("[data-testid='map'] [data-kind='party']")].map((element) => element.dataset.id),
      elements: document.querySelectorAll("[data-testid='map'] svg *").length,
    }));
    report("large dispute: SVG elements drawn at first", drawn.elements, "", "", null);
    const names = new Map(large.parties.map((party) => [party.id, party.name]));
    const selections = [];
    for (let run = 0; run < RUNS; run += 1) {
      const id = drawn.parties[run % drawn.parties.length];
      selections.push(await clickToDetails(page, `[data-testid='map'] [data-kind='party'][data-id='${id}']`, names.get(id)));
    }
    report("large dispute: click to details settled", median(selections), "ms", "≤ 50 ms", median(selections) <= 50);
    await context.close();
  }

  await browser.close();
  await server.close();

  console.log(`\nBenchmark (median of ${RUNS} runs where repeated; Chromium ${browser.version()})\n`);
  console.log("| figure | value | budget | result |\n|---|---|---|---|");
  for (const row of rows) {
    const value = `${row.value.toFixed(row.unit === "×" ? 2 : row.unit ? 1 : 0)} ${row.unit}`.trim();
    const result = row.passes === null ? "" : row.passes ? "PASS" : "FAIL";
    console.log(`| ${row.name} | ${value} | ${row.budget} | ${result} |`);
  }
  const failed = rows.filter((row) => row.passes === false).length;
  console.log(`\nbudgets: ${rows.filter((row) => row.passes === true).length} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});

// The first glance before the wasm: the opening screen is in the page as it arrives, readable with
// JavaScript turned off, and the app takes it over without a flash or a shift.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { useSuite, appReady, distDir } from "./harness.mjs";

const suite = useSuite();
const SIZES = [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]];

/** What can be seen of the map, the status and the summary: parties drawn with a size, and text. */
const seen = () => {
  const visible = (element) => {
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== "hidden";
  };
  const parties = [...document.querySelectorAll("[data-testid='map'] [data-kind='party']")].filter(visible);
  const status = [...document.querySelectorAll("[data-testid='status']")].filter(visible);
  const summary = [...document.querySelectorAll("[data-testid='details'] [data-testid='summary']")].filter(visible);
  return {
    parties: parties.map((party) => party.dataset.id).sort(),
    status: status.map((element) => element.textContent).join(""),
    summary: summary.map((element) => element.textContent).join("").slice(0, 80),
  };
};

test("with JavaScript turned off, the map, the status and the summary are there to read", async () => {
  for (const [size, viewport] of SIZES) {
    const context = await suite.browser.newContext({ viewport, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(suite.server.appUrl);
    const shown = await page.evaluate(seen);
    assert.deepEqual(shown.parties, suite.dataset.parties.map((party) => party.id).sort(), `${size}: every party on the map`);
    assert.match(shown.status, /Threatened, no suit filed/, `${size}: the status`);
    assert.equal(shown.summary, suite.dataset.dispute.summary.slice(0, 80), `${size}: the summary`);
    assert.match(await page.locator("noscript").first().textContent(), /need JavaScript/);
    await context.close();
  }
});

test("the app takes over without a flash: the map is on screen in every frame, and nothing moves", async () => {
  for (const [size, viewport] of SIZES) {
    const context = await suite.browser.newContext({ viewport });
    // Every frame from the first: how many parties can be seen, and where Microsoft's box is.
    await context.addInitScript(() => {
      window.__frames = [];
      window.__shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shifts += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
      const sample = () => {
        const parties = [...document.querySelectorAll("[data-testid='map'] [data-kind='party']")].filter((party) => {
          const rect = party.getBoundingClientRect();
          return rect.width > 0 && getComputedStyle(party).visibility !== "hidden";
        });
        const microsoft = parties.find((party) => party.dataset.id === "microsoft")?.getBoundingClientRect();
        const live = document.querySelector("[data-testid='app'][data-state='live']") !== null;
        window.__frames.push({ parties: parties.length, at: microsoft && [Math.round(microsoft.x), Math.round(microsoft.y)], live });
        if (!live || window.__frames.filter((frame) => frame.live).length < 5) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(suite.server.appUrl);
    await page.waitForFunction(() => window.__frames.filter((frame) => frame.live).length >= 5, null, { timeout: 20000 });
    const frames = await page.evaluate(() => window.__frames);
    const before = frames.filter((frame) => !frame.live && frame.parties > 0);
    assert.ok(before.length > 0, `${size}: the pre-rendered map was on screen before the app (${frames.length} frames)`);
    // From the first frame that shows the page (before it, the document was still arriving).
    const shown = frames.slice(frames.findIndex((frame) => frame.parties > 0));
    assert.ok(shown.every((frame) => frame.parties > 0), `${size}: the map's entities exist in every frame: ${JSON.stringify(frames.map((frame) => frame.parties))}`);
    const places = new Set(shown.map((frame) => JSON.stringify(frame.at)));
    assert.equal(places.size, 1, `${size}: Microsoft's box never moved: ${[...places]} ${JSON.stringify(shown)}`);
    assert.equal(await page.evaluate(() => window.__shifts), 0, `${size}: no layout shift`);
    assert.equal(await page.locator("[data-testid='prerendered']").count(), 0, "the pre-rendered screen is gone once the app is in place");
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("before the wasm arrives, every kind of entity opens its details, each fetched alone, and a missing one is named without a request", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route(/_bg\.wasm$/, () => {}); // never answered: the responder alone
  const page = await context.newPage();
  const fetched = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes("dispute-map-details")) fetched.push(path);
  });
  await page.goto(suite.server.appUrl, { waitUntil: "commit" });
  const screen = page.locator("[data-testid='prerendered'][data-width='wide']");
  const heading = screen.locator("[data-testid='details'] h2");
  await screen.locator("[data-testid='map']").waitFor();
  assert.deepEqual(fetched, [], "no details are fetched before they are asked for");
  const first = (list) => list[0];
  const picks = {
    party: { id: "openai", name: "OpenAI" },
    contract: first(suite.dataset.contracts.map((entry) => ({ id: entry.id, name: entry.title }))),
    clause: first(suite.dataset.clauses.map((entry) => ({ id: entry.id, name: entry.title }))),
    statement: first(suite.dataset.statements.map((entry) => ({ id: entry.id, name: null }))),
    source: first(suite.dataset.sources.map((entry) => ({ id: entry.id, name: null }))),
    event: first(suite.dataset.events.map((entry) => ({ id: entry.id, name: entry.title }))),
    conflict: first(suite.dataset.conflicts.map((entry) => ({ id: entry.id, name: entry.title }))),
  };
  // On the map: a tap (pointer-down asks for the details before the click lands).
  await screen.locator("[data-testid='map'] [data-kind='party'][data-id='openai']").click();
  await heading.filter({ hasText: "OpenAI" }).waitFor();
  // The others by their addresses, as a link in the details or a shared link opens them.
  for (const [kind, { id, name }] of Object.entries(picks)) {
    await page.evaluate(([kind, id]) => { location.hash = `#/map/${kind}/${id}`; }, [kind, id]);
    await page.waitForFunction(([kind, id]) => document.querySelector("[data-testid='prerendered'][data-width='wide'] [data-testid='details'] [aria-live]")?.dataset.shown === `${kind}/${id}`, [kind, id]);
    if (name) await heading.filter({ hasText: name }).waitFor();
  }
  assert.deepEqual(new Set(fetched.map((path) => path.split("/").slice(-2)[0])), new Set(Object.keys(picks)), "one file per entity, of each kind");
  assert.equal(fetched.length, new Set(fetched).size, "no file asked for twice");
  // An entity the dispute lacks is named in the panel, and no server is asked.
  const before = fetched.length;
  await page.evaluate(() => { location.hash = "#/map/party/no-such-party"; });
  await screen.locator("[data-testid='details']", { hasText: "no-such-party" }).waitFor();
  assert.equal(fetched.length, before, "a missing entity is asked of no server");
  await context.close();
});

test("before the wasm arrives, the pre-rendered map answers clicks, links, Back and keys; the app takes over with the same selection and focus", async () => {
  const clause = suite.dataset.clauses.find((entry) => entry.id === "azure-stateless-exclusivity");
  const dispute = suite.dataset.dispute;
  for (const [size, viewport] of SIZES) {
    const context = await suite.browser.newContext({ viewport });
    // The wasm is held back until the test lets it through.
    let release;
    const released = new Promise((resolve) => (release = resolve));
    await context.route(/_bg\.wasm$/, async (route) => {
      await released;
      await route.continue();
    });
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(suite.server.appUrl, { waitUntil: "commit" });
    const screen = page.locator(`[data-testid='prerendered'][data-width='${size === "phone" ? "narrow" : "wide"}']`);
    const heading = screen.locator("[data-testid='details'] h2");
    await screen.locator(`[data-testid='map'] [data-kind='clause'][data-id='${clause.id}']`).click();
    await heading.filter({ hasText: clause.title }).waitFor();
    assert.equal(await page.evaluate(() => location.hash), `#/map/clause/${clause.id}`, `${size}: the selection is in the address`);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), clause.title, `${size}: focus follows to the details' heading`);
    assert.equal(await screen.locator(`[data-testid='map'] [aria-current='true']`).getAttribute("data-id"), clause.id, `${size}: the clause is marked selected`);
    // A link in the details, then Back.
    await screen.locator("[data-testid='details'] a[data-kind='contract']").first().click();
    await heading.filter({ hasText: "partnership agreement" }).waitFor();
    await page.goBack();
    await heading.filter({ hasText: clause.title }).waitFor();
    // Escape goes back to the overview; Enter on an entity of the map selects it.
    await page.keyboard.press("Escape");
    await heading.filter({ hasText: dispute.title }).waitFor();
    await screen.locator("[data-testid='map'] [data-kind='party'][data-id='openai']").focus();
    await page.keyboard.press("Enter");
    await heading.filter({ hasText: "OpenAI" }).waitFor();
    // A view only the app can show says it is on its way, and opens when the app is there.
    await screen.locator("a[data-view='timeline']").click();
    await page.locator("[data-testid='prerender-loading']", { hasText: "as soon as the app has loaded" }).waitFor();
    await page.goBack();
    await heading.filter({ hasText: "OpenAI" }).waitFor();
    assert.equal(await page.locator("[data-dispute-map][data-prerender='waiting']").count(), 0, `${size}: back on the map, nothing waits`);
    await heading.focus();
    release();
    await appReady(page);
    await page.locator("[data-testid='details'] h2", { hasText: "OpenAI" }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.closest("[data-testid='details']") !== null && document.activeElement.tagName), "H2", `${size}: focus stays on the details' heading`);
    assert.equal(await page.locator("[data-testid='prerender-loading']").count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("a page asking for another dispute never shows the bundled one, and a deep link opens once the app is there", async () => {
  const context = await suite.browser.newContext();
  await context.addInitScript(() => {
    window.__bundledSeen = false;
    const sample = () => {
      const parties = [...document.querySelectorAll("[data-testid='prerendered'] [data-kind='party']")].filter((party) => party.getBoundingClientRect().width > 0);
      if (parties.length > 0) window.__bundledSeen = true;
      if (!document.querySelector("[data-testid='app']")) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  const page = await context.newPage();
  await page.goto(`${suite.server.appUrl}?data=examples/harbor-city.json`);
  await page.locator("h1", { hasText: "Fictional example" }).waitFor();
  assert.equal(await page.evaluate(() => window.__bundledSeen), false);
  await page.goto(`${suite.server.appUrl}#/clause/azure-stateless-exclusivity`);
  await appReady(page);
  await page.locator("[data-testid='details'] h2", { hasText: "Azure's exclusive role" }).waitFor();
  assert.equal(await page.locator("[role='alert']").count(), 0);
  await context.close();
});

test("a deep link's details are asked for before the first paint and shown before the wasm arrives", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await context.route(/_bg\.wasm$/, () => {}); // never answered: the page alone
  const page = await context.newPage();
  await page.goto(`${suite.server.appUrl}#/clause/azure-stateless-exclusivity`, { waitUntil: "commit" });
  const screen = page.locator("[data-testid='prerendered'][data-width='narrow']");
  await screen.locator("[data-testid='details'] h2", { hasText: "Azure's exclusive role" }).waitFor();
  // The paint's timing entry is recorded once the frame is presented, which can come after
  // the details are in the page.
  await page.waitForFunction(() => performance.getEntriesByName("first-paint").length > 0);
  const [asked, painted] = await page.evaluate(() => [
    performance.getEntriesByType("resource").find((entry) => entry.name.includes("dispute-map-details/clause/azure-stateless-exclusivity.html"))?.startTime,
    performance.getEntriesByName("first-paint")[0]?.startTime,
  ]);
  assert.ok(asked !== undefined && painted !== undefined, `asked at ${asked}, painted at ${painted}`);
  assert.ok(asked < painted, `the details were asked for at ${asked} ms, before the first paint at ${painted} ms`);
  assert.equal(await page.locator("[data-testid='prerendered'] [data-kind='clause'][data-id='azure-stateless-exclusivity'][aria-current='true']").count(), 2, "selected on both copies of the map");
  await context.close();
});

test("one stylesheet blocks rendering; print styles load for print only; no inline script", async () => {
  const html = await readFile(join(distDir, "index.html"), "utf8");
  const sheets = [...html.matchAll(/<link rel="stylesheet"[^>]*>/g)].map(([tag]) => tag);
  assert.equal(sheets.filter((tag) => !tag.includes('media="print"')).length, 1, sheets.join("\n"));
  assert.equal(sheets.filter((tag) => tag.includes('media="print"')).length, 1);
  assert.equal([...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].length, 0, "every script is a file");
  for (const file of ["index.html", "dispute-map.css", "dispute-map.js"]) {
    for (const suffix of [".gz", ".br"]) {
      assert.ok((await readFile(join(distDir, file + suffix))).length > 0, `${file}${suffix} is shipped`);
    }
  }
});

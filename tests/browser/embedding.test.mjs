// Embedding as an intranet administrator does it: a host page on another path, under a strict
// Content-Security-Policy, with two maps in elements and one in a frame.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useSuite, startServer, appBase, screenshotDir, settled } from "./harness.mjs";

const suite = useSuite();

const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
let intranet;
after(async () => intranet?.close());

/** The host page, with every CSP violation and cross-origin request recorded. */
async function openHostPage(file = "page.html") {
  // The host page also allows same-origin frames (frame-src), which framing the map needs; the
  // app's own pages get the strict policy alone.
    // The frames page also frames a map from another origin, to show its messages are ignored.
  const frameSources = (path) => (path === "/intranet/frames.html" ? `'self' ${suite.server.origin}` : "'self'");
  intranet ??= await startServer({ headers: (path) => ({ "content-security-policy": path.startsWith("/intranet/") ? `${STRICT_CSP}; frame-src ${frameSources(path)}` : STRICT_CSP }) });
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  page.on("pageerror", (error) => problems.push(error.message));
    await context.addInitScript(() => {
    window.__events = [];
    for (const type of ["select", "view", "load", "error"]) {
      document.addEventListener(`dispute-map-${type}`, (event) => window.__events.push({ type, target: event.target.id, detail: event.detail }));
    }
  });
  await page.goto(`${intranet.origin}/intranet/${file}`);
  return { page, context, problems };
}

test("two maps embedded as elements each work on their own, and the page's hash is left alone", async () => {
  const { page, context, problems } = await openHostPage();
  const main = page.locator("#embedded-main");
  const example = page.locator("#embedded-example");
  await main.locator("[data-testid='details'] h2", { hasText: "Azure's exclusive role" }).waitFor();
  await example.locator("[data-testid='list'] [data-kind='party'][data-id='northwind']").waitFor();
  assert.equal(await example.locator("h1").count(), 0, "data-compact leaves out the header");

  await main.locator("[data-testid='map'] [data-kind='party'][data-id='amazon']").click();
  await main.locator("[data-testid='details'] h2", { hasText: "Amazon" }).waitFor();
  await example.locator("[data-kind='clause'][data-id='sole-supplier']").first().click();
  await example.locator("[data-testid='details'] h2", { hasText: "Sole supplier" }).waitFor();
  assert.ok(await main.locator("[data-testid='details'] h2", { hasText: "Amazon" }).isVisible(), "the first map kept its own selection");
  assert.equal(await page.evaluate(() => location.hash), "", "embedded maps do not touch the host page's hash");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the map in a frame follows its deep link, and back and forward work inside it", async () => {
  const { page, context } = await openHostPage();
  const frame = page.frameLocator("#framed");
  // Once the app has taken over from the pre-rendered screen, whose wide and narrow copies each
  // show the deep link's details.
  await frame.locator("[data-testid='prerendered']").first().waitFor({ state: "detached" });
  await frame.locator("[data-testid='details'] h2", { hasText: "AWS as Frontier" }).waitFor();
  assert.equal(await frame.locator("h1").count(), 0, "?compact leaves out the header");
  await frame.locator("[data-testid='map'] [data-kind='party'][data-id='openai']").click();
  await frame.locator("[data-testid='details'] h2", { hasText: "OpenAI" }).waitFor();
  const inner = page.frames().find((candidate) => candidate.url().includes(appBase));
  await inner.evaluate(() => history.back());
  await frame.locator("[data-testid='details'] h2", { hasText: "AWS as Frontier" }).waitFor();
  await inner.evaluate(() => history.forward());
  await frame.locator("[data-testid='details'] h2", { hasText: "OpenAI" }).waitFor();
  await context.close();
});

test("strict CSP: no violation and no request off the origin, in the page or the frame", async () => {
  const { page, context, problems } = await openHostPage();
  await page.locator("#embedded-main [data-testid='map']").waitFor();
  // The frame's app, once it has taken over from the pre-rendered screen (whose two copies, wide
  // and narrow, each hold a map).
  await page.frameLocator("#framed").locator("[data-testid='app'][data-state='live'] [data-testid='map']").waitFor();
  const frames = page.frames();
  for (const frame of frames) {
    assert.deepEqual(await frame.evaluate(() => window.__violations), [], `no violation in ${frame.url()}`);
    const origins = await frame.evaluate(() => performance.getEntriesByType("resource").map((entry) => new URL(entry.name).origin));
    assert.ok(origins.every((origin) => origin === intranet.origin), `same-origin requests only in ${frame.url()}: ${origins}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the host's styles do not reach the map, and the map's do not reach the host", async () => {
  const { page, context } = await openHostPage();
  const main = page.locator("#embedded-main");
  await main.locator("[data-testid='map'] [data-kind='party']").first().waitFor();
  const inside = await main.locator("[data-testid='map'] [data-kind='party'][data-id='microsoft'] rect").evaluate((rect) => getComputedStyle(rect).fill);
  assert.notEqual(inside, "rgb(255, 0, 0)", "the host's rect rule stops at the map");
  const font = await main.locator("[data-testid='details'] h2").evaluate((heading) => getComputedStyle(heading).fontFamily);
  assert.ok(!/^serif$/.test(font), `the map keeps its own font, not the host's (${font})`);
  const host = await page.evaluate(() => ({
    toolbar: getComputedStyle(document.querySelector("#host-text")).display,
    heading: getComputedStyle(document.querySelector("#host-heading")).borderTopStyle,
  }));
  assert.deepEqual(host, { toolbar: "block", heading: "none" }, "the app's .toolbar and .details rules do not style the host page");
  await context.close();
});

const events = (page, type) => page.evaluate((type) => window.__events.filter((event) => event.type === type), type);

test("<dispute-map>: attributes, methods and the reader's moves, told as events; theme, parts and height from the host", async () => {
  const { page, context, problems } = await openHostPage("element.html");
  const main = page.locator("#main-map");
  const example = page.locator("#example-map");
  await main.locator("[data-testid='details'] h2", { hasText: "Azure's exclusive role" }).waitFor();
  await example.locator("[data-testid='list'] [data-kind='party'][data-id='northwind']").waitFor();
  // Each map says once that it is drawn, with its title and counts.
  await page.waitForFunction(() => window.__events.filter((event) => event.type === "load").length === 2);
  const loads = await events(page, "load");
  const loaded = loads.find((event) => event.target === "main-map");
  assert.equal(loaded.detail.title, suite.dataset.title);
  assert.equal(loaded.detail.counts.parties, suite.dataset.parties.length);
  assert.equal(loaded.detail.counts.conflicts, suite.dataset.conflicts.length);
  assert.equal(await events(page, "select").then((found) => found.length), 0, "the first selection is the host's, not the reader's");

  // The reader's click is told; the host's own moves are not.
  await main.locator("[data-testid='map'] [data-kind='party'][data-id='amazon']").click();
  await main.locator("[data-testid='details'] h2", { hasText: "Amazon" }).waitFor();
  assert.deepEqual(await events(page, "select"), [{ type: "select", target: "main-map", detail: { kind: "party", id: "amazon" } }]);
  assert.equal(await page.evaluate(() => document.querySelector("#main-map").select("party/openai")), true);
  await main.locator("[data-testid='details'] h2", { hasText: "OpenAI" }).waitFor();
  await page.evaluate(() => document.querySelector("#main-map").setAttribute("view", "timeline"));
  await main.locator("[data-testid='timeline']").waitFor();
  await page.evaluate(() => document.querySelector("#main-map").show("conflicts"));
  await main.locator("[data-testid='conflicts']").waitFor();
  await page.evaluate(() => document.querySelector("#main-map").clear());
  await main.locator("[data-testid='details'] h2", { hasText: "Microsoft" }).waitFor();
  assert.equal((await events(page, "select")).length, 1, "no event for the host's select, show and clear");
  assert.equal((await events(page, "view")).length, 0);
  await main.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "List" }).click();
  await main.locator("[data-testid='list']").waitFor();
  assert.deepEqual((await events(page, "view")).map((event) => event.detail), [{ view: "list" }]);

  // What it cannot do, it says in its details, and goes on working.
  assert.equal(await page.evaluate(() => document.querySelector("#main-map").select("party/nobody")), false);
  await main.locator("[data-testid='details'] [role='alert']", { hasText: "party/nobody, which this dispute does not have" }).waitFor();
  assert.equal(await page.evaluate(() => document.querySelector("#main-map").show("<img src=x>")), false);
  await main.locator("[data-testid='details'] [role='alert']", { hasText: "the views are map, timeline, conflicts, list and tour" }).waitFor();
  assert.equal(await main.locator("img").count(), 0, "nothing the host sends is markup");
  // A host that sets an attribute a thousand times a second: the last one counts, and the map answers.
  const parties = suite.dataset.parties.map((party) => party.id);
  await page.evaluate((parties) => {
    const map = document.querySelector("#main-map");
    for (let round = 0; round < 1000; round += 1) map.setAttribute("select", `party/${parties[round % parties.length]}`);
  }, parties);
  const last = suite.dataset.parties[999 % parties.length];
  await main.locator("[data-testid='details'] h2", { hasText: last.name }).waitFor();
  await main.locator("[data-testid='list'] [data-kind='party'][data-id='microsoft']").first().click();
  await main.locator("[data-testid='details'] h2", { hasText: "Microsoft" }).waitFor();

  // Theme: dark by attribute, light by attribute, whatever the system says.
  const textColour = () => example.locator("[data-testid='details'] h2").evaluate((heading) => getComputedStyle(heading).color);
  assert.equal(await textColour(), "rgb(236, 238, 241)");
  await page.evaluate(() => { document.querySelector("#example-map").theme = "light"; });
  await example.locator("[data-testid='details'] h2").evaluate((heading) => new Promise((resolve) => {
    const check = () => (getComputedStyle(heading).color === "rgb(27, 29, 33)" ? resolve() : requestAnimationFrame(check));
    check();
  }));
  assert.equal(await textColour(), "rgb(27, 29, 33)");
  // The host's hooks: the height and accent properties, and a part.
    const height = (await main.boundingBox()).height;
  assert.ok(height >= 560 && height <= 562, `560 px and its border: ${height}`);
  const accent = await main.locator("[data-testid='list'] a[data-kind]").first().evaluate((link) => getComputedStyle(link).color);
  assert.equal(accent, "rgb(0, 110, 60)");
  assert.equal(await example.locator("[data-testid='details']").evaluate((details) => getComputedStyle(details).borderLeftColor), "rgb(255, 140, 0)");

    await page.screenshot({ path: join(screenshotDir, "element-host.png"), fullPage: true });
  // A file that fails is told as an error; an element added later draws a map of its own.
  await page.evaluate(() => { document.querySelector("#example-map").src = "/fixtures/no-such-file.json"; });
  await page.waitForFunction(() => window.__events.some((event) => event.type === "error"));
  const [failed] = await events(page, "error");
  assert.equal(failed.target, "example-map");
  assert.match(failed.detail.problems.join(" "), /no-such-file\.json/);
  await page.evaluate(() => {
    const added = document.createElement("dispute-map");
    added.id = "added-map";
    added.setAttribute("view", "list");
    document.body.append(added);
  });
  await page.locator("#added-map [data-testid='list']").waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
    // The missing file's 404, which the browser logs itself, is the only problem.
  assert.deepEqual(problems.filter((problem) => !/status of 404/.test(problem)), []);
  await context.close();
});

test("a frame with dispute-map-frame.js grows to its map, passes its events on, takes the host's messages, and ignores strangers", async () => {
  const { page, context, problems } = await openHostPage("frames.html");
  const sized = page.locator("#sized");
    const frame = page.frameLocator("#sized");
  // Once the app has taken over from the pre-rendered screen.
  await frame.locator("[data-testid='prerendered']").first().waitFor({ state: "detached" });
  await frame.locator("[data-testid='details'] h2", { hasText: "OpenAI" }).waitFor();
  // 200 px in the host's stylesheet, then the map's own height.
  await page.waitForFunction(() => document.querySelector("#sized").getBoundingClientRect().height >= 700);
  // ?theme=dark, then the host's message for light.
  const inner = () => page.frames().find((candidate) => candidate.url().includes("/tools/dispute-map/index.html") && candidate.url().startsWith(intranet.origin));
  assert.equal(await inner().evaluate(() => document.documentElement.dataset.theme), "dark");
  await page.evaluate(() => DisputeMapFrames.theme(document.querySelector("#sized"), "light"));
  await inner().waitForFunction(() => document.documentElement.dataset.theme === "light");
  // The reader's click reaches the host as an event on the <iframe>.
    await frame.locator("[data-testid='map'] [data-kind='party'][data-id='amazon']").click();
  await page.waitForFunction(() => window.__events.some((event) => event.type === "select"));
  assert.deepEqual(await events(page, "select"), [{ type: "select", target: "sized", detail: { kind: "party", id: "amazon" } }]);
  // The host selects through the helper.
  await page.evaluate(() => DisputeMapFrames.select(document.querySelector("#sized"), "party/microsoft"));
    await frame.locator("[data-testid='details'] h2", { hasText: "Microsoft" }).waitFor();
  await page.screenshot({ path: join(screenshotDir, "frame-sized.png"), fullPage: true });

  // A frame of another origin, not the helper's: its messages change nothing, up or down.
  const attached = page.waitForEvent("frameattached");
  await page.evaluate((address) => {
    const stranger = document.createElement("iframe");
    stranger.id = "stranger";
    stranger.src = address;
    document.body.append(stranger);
  }, `${suite.server.appUrl}index.html?compact`);
  const stranger = await attached;
  await stranger.waitForLoadState();
  const height = await sized.evaluate((element) => element.getBoundingClientRect().height);
  // A last message after the forged ones: messages from one window arrive in order, so once it
  // is in, the forged ones have been handled (or ignored).
  const listen = (target) => target.evaluate(() => addEventListener("message", (event) => { if (event.data?.type === "test:last") window.__lastHeard = true; }));
  const heard = (target) => target.waitForFunction(() => window.__lastHeard === true);
  await listen(page);
  await listen(inner());
  await stranger.evaluate(() => {
    parent.postMessage({ type: "dispute-map:height", height: 50 }, "*");
    parent.postMessage({ type: "dispute-map:select", kind: "party", id: "forged" }, "*");
    parent.frames[0].postMessage({ type: "dispute-map:select", ref: "party/google" }, "*");
    parent.postMessage({ type: "test:last" }, "*");
    parent.frames[0].postMessage({ type: "test:last" }, "*");
  });
  await Promise.all([heard(page), heard(inner())]);
  await settled(inner());
  await settled(page);
  assert.equal(await sized.evaluate((element) => element.getBoundingClientRect().height), height);
  assert.ok(await frame.locator("[data-testid='details'] h2", { hasText: "Microsoft" }).isVisible(), "the frame kept the host's selection");
  assert.equal((await events(page, "select")).length, 1);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

// Embedding as an intranet administrator does it: a host page on another path, under a strict
// Content-Security-Policy, with two maps in elements and one in a frame.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { useSuite, startServer, appBase } from "./harness.mjs";

const suite = useSuite();

const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
let intranet;
after(async () => intranet?.close());

/** The host page, with every CSP violation and cross-origin request recorded. */
async function openHostPage() {
  // The host page also allows same-origin frames (frame-src), which framing the map needs; the
  // app's own pages get the strict policy alone.
  intranet ??= await startServer({ headers: (path) => ({ "content-security-policy": path.startsWith("/intranet/") ? `${STRICT_CSP}; frame-src 'self'` : STRICT_CSP }) });
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(`${intranet.origin}/intranet/page.html`);
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
  await frame.locator(".prerendered").first().waitFor({ state: "detached" });
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
  await page.frameLocator("#framed").locator("[data-testid='map']:not(.prerendered *)").waitFor();
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
    heading: getComputedStyle(document.querySelector("h1.details")).borderTopStyle,
  }));
  assert.deepEqual(host, { toolbar: "block", heading: "none" }, "the app's .toolbar and .details rules do not style the host page");
  await context.close();
});

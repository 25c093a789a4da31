// Security as an intranet administrator checks it: a strict Content-Security-Policy, no request
// leaving the origin, and data that can never become markup or script.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { useSuite, startServer, openApp, HOSTILE_MARKUP } from "./harness.mjs";

const suite = useSuite();

const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
let strict;
after(async () => strict?.close());

test("runs under a strict Content-Security-Policy with no violation and no cross-origin request", async () => {
  strict = await startServer({ headers: { "content-security-policy": STRICT_CSP } });
  const { page, context, problems } = await openApp(suite.browser, strict, { hash: "#/statement/a-spokesperson-azure-exclusive" });
  await page.locator("[data-testid='details'] mark").waitFor();
  for (const hash of ["#/timeline", "#/conflicts", "#/list", "#/map/party/microsoft"]) {
    await page.evaluate((next) => { location.hash = next; }, hash);
    await page.locator("[data-testid='details'] h2").waitFor();
  }
  const violations = problems.filter((problem) => /Content Security Policy|Refused to/i.test(problem));
  assert.deepEqual(violations, [], "no CSP violation is reported");
  assert.deepEqual(problems, []);
  const origins = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => new URL(entry.name).origin));
  assert.ok(origins.every((origin) => origin === new URL(strict.appUrl).origin), `every request stays on the page's origin: ${origins}`);
  await context.close();
});

test("the authoring tools run in a same-origin worker under the strict policy with worker-src 'self'", async () => {
  const server = await startServer({ headers: { "content-security-policy": `${STRICT_CSP}; worker-src 'self'` } });
  const { page, context, problems } = await openApp(suite.browser, server);
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("button", { name: "Add a report…", exact: true }).click();
  await page.getByLabel("Article text", { exact: true }).fill("Port sues carrier\nThe port said it would sue the carrier, according to two people familiar with the case.");
  await page.getByRole("button", { name: "Propose statements" }).click();
  await page.locator("[data-testid='suggestion']").nth(1).waitFor();
  const workers = await page.evaluate(() => performance.getEntriesByType("resource").filter((entry) => entry.name.includes("author-worker")).length);
  assert.equal(workers, 1, "the work ran in the worker");
  assert.deepEqual(problems.filter((problem) => /Content Security Policy|Refused to/i.test(problem)), []);
  assert.deepEqual(problems, []);
  await context.close();
  await server.close();
});

test("a dataset with markup and script in every text field renders as inert text", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server, { query: "?data=/fixtures/hostile.json" });
  let dialogs = 0;
  page.on("dialog", async (dialog) => { dialogs += 1; await dialog.dismiss(); });
  await page.locator("[data-testid='map'] [data-kind='party']").first().waitFor();
  const hashes = ["#/map", "#/map/party/northwind", "#/map/contract/supply-agreement", "#/map/clause/sole-supplier", "#/map/statement/spokesperson-sole-supplier", "#/map/source/example-report", "#/map/event/agreement-signed", "#/timeline", "#/conflicts", "#/list"];
  for (const hash of hashes) {
    await page.evaluate((next) => { location.hash = next; }, hash);
    await page.locator("[data-testid='details'] h2").waitFor();
    const state = await page.evaluate(() => ({
      pwned: window.__pwned,
      injected: document.querySelectorAll("img[src='x'], script:not([src]), b").length,
    }));
    assert.deepEqual(state, { pwned: undefined, injected: 0 }, `nothing ran or was parsed at ${hash}`);
  }
  assert.ok((await page.locator("h1").innerText()).startsWith(HOSTILE_MARKUP), "the markup is shown as text");
  assert.equal(dialogs, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("once loaded it keeps working with the network gone", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  await page.locator("[data-testid='map'] [data-kind='party']").first().waitFor();
  await context.setOffline(true);
  await page.locator("[data-testid='map'] [data-kind='clause'][data-id='frontier-aws-exclusivity']").click();
  await page.locator("[data-testid='details'] h2", { hasText: "AWS as Frontier" }).waitFor();
  await page.getByRole("link", { name: "Timeline" }).click();
  await page.locator("[data-testid='timeline']").waitFor();
  await page.getByRole("searchbox").fill("Nvidia");
  await page.getByRole("link", { name: "List" }).click();
  await page.locator("[data-testid='list'] [data-kind='party'][data-id='nvidia']").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

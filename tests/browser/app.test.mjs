// The app as a user meets it: the release bundle under a sub-path, in headless Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSuite, startServer, openApp, schemaExample, titleOf } from "./harness.mjs";

const suite = useSuite();

test("starts under a sub-path with no console error and draws the map", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  await page.waitForSelector("[data-testid='map'] [data-kind='contract']");
  const parties = await page.locator("[data-testid='map'] [data-kind='party']").count();
  assert.equal(parties, suite.dataset.parties.length, "every party is drawn on the map");
  assert.equal(await page.locator("[role='alert']").count(), 0, "no error is shown");
  assert.deepEqual(problems, []);
  assert.ok(suite.server.requests.every((path) => path.startsWith("/tools/dispute-map/")), `only sub-path requests: ${suite.server.requests}`);
  await context.close();
});

test("a deployment missing its wasm file shows why the map could not start", async () => {
  const broken = await startServer({ missing: [/\.wasm$/] });
  try {
    const { page, context } = await openApp(suite.browser, broken);
    const alert = page.getByRole("alert");
    assert.match(await alert.innerText(), /The dispute map could not start: .+\. Reload the page/);
    // Nothing is lost: the pre-rendered map stays readable under the message.
    assert.ok(await page.locator("[data-testid='map'] [data-kind='party'][data-id='microsoft']").first().isVisible());
    await context.close();
  } finally {
    await broken.close();
  }
});

test("a deployment missing the bundled dispute's file says which file, and keeps the pre-rendered map", async () => {
  const broken = await startServer({ missing: [/\/dispute\.json$/] });
  try {
    const { page, context } = await openApp(suite.browser, broken);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await alert.innerText(), /the bundled dispute could not be read: \S*dispute\.json: the server answered 404/);
    // Asked for once, beside the wasm: the app took that answer rather than asking again.
    assert.equal(broken.requests.filter((path) => path.endsWith("/dispute.json")).length, 1);
    await context.close();
  } finally {
    await broken.close();
  }
});

test("the bundled dispute's file is asked for once, beside the wasm, and the app takes that answer", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  const asked = [];
  page.on("request", (request) => request.url().endsWith("/dispute.json") && asked.push(request.url()));
  await page.reload();
  await page.locator("[data-testid='app'][data-state='live']").waitFor();
  await page.locator("[data-testid='map'] [data-kind='party'][data-id='microsoft']").click();
  await page.locator("[data-testid='details'] h2", { hasText: "Microsoft" }).waitFor();
  assert.deepEqual(asked, [new URL("dispute.json", suite.server.appUrl).href]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("clicking a party opens its details and puts it in the URL hash", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  await page.locator("[data-testid='map'] [data-kind='party'][data-id='microsoft']").click();
  const details = page.locator("[data-testid='details']");
  await details.locator("h2", { hasText: "Microsoft" }).waitFor();
  assert.equal(await page.evaluate(() => location.hash), "#/map/party/microsoft");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a clause deep link shows its wording, each side's reading and the open question", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server, { hash: "#/clause/azure-stateless-exclusivity" });
  const details = page.locator("[data-testid='details']");
  await details.locator("h2", { hasText: titleOf(suite.dataset, "clauses", "azure-stateless-exclusivity") }).waitFor();
  const text = await details.innerText();
  assert.ok(text.includes("Azure remains the exclusive cloud provider of stateless OpenAI APIs"), "reported wording");
  assert.ok(text.includes("Open question"), "the open question");
  const readings = suite.dataset.clauses.find((clause) => clause.id === "azure-stateless-exclusivity").readings;
  for (const reading of readings) {
    assert.ok(text.includes(reading.position), `${reading.party}'s reading`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a statement shows the exact sentence highlighted in its source", async () => {
  const statement = suite.dataset.statements.find((item) => item.id === "a-person-familiar-will-sue");
  const { page, context, problems } = await openApp(suite.browser, suite.server, { hash: `#/statement/${statement.id}` });
  const mark = page.locator("[data-testid='details'] mark");
  await mark.waitFor();
  assert.equal(await mark.innerText(), statement.quote);
  assert.deepEqual(problems, []);
  await context.close();
});

test("back and forward move between selections", async () => {
  const { page, context } = await openApp(suite.browser, suite.server);
  const details = page.locator("[data-testid='details']");
  await page.locator("[data-testid='map'] [data-kind='party'][data-id='openai']").click();
  await details.locator("h2", { hasText: "OpenAI" }).waitFor();
  // The card's title, not its centre, where its clause chip sits.
  await page.locator("[data-testid='map'] [data-kind='contract'][data-id='aws-frontier-agreement']").click({ position: { x: 30, y: 8 } });
  await details.locator("h2", { hasText: "Frontier" }).waitFor();
  await page.goBack();
  await details.locator("h2", { hasText: "OpenAI" }).waitFor();
  await page.goForward();
  await details.locator("h2", { hasText: "Frontier" }).waitFor();
  await context.close();
});

test("an unknown id shows a clear message, not a blank panel", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { hash: "#/party/no-such-party" });
  const alert = page.locator("[data-testid='details'] [role='alert']");
  await alert.waitFor();
  assert.match(await alert.innerText(), /no party with the id "no-such-party"/);
  await context.close();
});

test("every entity in the bundled dispute opens in the details panel", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  const kinds = { parties: "party", contracts: "contract", clauses: "clause", statements: "statement", sources: "source", events: "event", conflicts: "conflict" };
  const details = page.locator("[data-testid='details']");
  for (const [collection, kind] of Object.entries(kinds)) {
    for (const entity of suite.dataset[collection]) {
      await page.evaluate((hash) => { location.hash = hash; }, `#/${kind}/${entity.id}`);
      const title = titleOf(suite.dataset, collection, entity.id);
      await details.locator("h2", { hasText: title.slice(0, 40) }).waitFor();
      assert.equal(await details.locator("[role='alert']").count(), 0, `${kind} ${entity.id} opens without error`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("a broken ?data= file lists every error with its JSON path and offers the bundled dispute", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { query: "?data=/fixtures/broken.json" });
  const alert = page.locator("[role='alert']");
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /statements\[0\]\.source: no source with id "ft-report"/);
  assert.match(text, /parties\[1\]\.id: "Not A Slug" is not a valid id/);
  assert.match(text, /conflicts\[0\]\.sides: a conflict needs at least two sides, found 1/);
  await page.getByRole("link", { name: "Open the bundled dispute instead" }).click();
  await page.waitForSelector("[data-testid='map'] [data-kind='party']");
  await context.close();
});

test("the schema documentation's example file loads with ?data=", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server, { query: "?data=/fixtures/schema-example.json" });
  await page.locator("h1", { hasText: "Northwind v. Contoso" }).waitFor();
  assert.equal(await page.locator("[data-testid='map'] [data-kind='party']").count(), 2);
  await page.locator("[data-testid='map'] [data-kind='clause'][data-id='sole-supplier']").click();
  await page.locator("[data-testid='details'] h2", { hasText: "Sole supplier of widgets" }).waitFor();
  assert.equal(await page.locator("[role='alert']").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a ?data= file that cannot be fetched says so", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { query: "?data=/fixtures/missing.json" });
  const text = await page.locator("[role='alert']").innerText();
  assert.match(text, /missing\.json: the server answered 404/);
  await context.close();
});

test("a ?data= file is read as UTF-8: a byte order mark is allowed, other encodings are named", async () => {
  const example = Buffer.from(await schemaExample());
  const withMark = await openApp(suite.browser, suite.server, {
    query: "?data=/fixtures/with-mark.json",
    bodies: { "/fixtures/with-mark.json": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), example]) },
  });
  await withMark.page.locator("h1", { hasText: "Northwind v. Contoso" }).waitFor();
  assert.deepEqual(withMark.problems, []);
  await withMark.context.close();
  const latin1 = await openApp(suite.browser, suite.server, {
    query: "?data=/fixtures/latin1.json",
    bodies: { "/fixtures/latin1.json": Buffer.from('{"title": "Caf\xe9"}', "latin1") },
  });
  const text = await latin1.page.locator("[role='alert']").innerText();
  assert.match(text, /latin1\.json: the file is not UTF-8 text \(invalid bytes at byte 14\)/);
  await latin1.context.close();
});

test("no label on the map is wider than its box, at desktop and phone width", async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { page, context } = await openApp(suite.browser, suite.server, { viewport });
    const overflows = await page.evaluate(() => {
      const found = [];
      for (const entity of document.querySelectorAll("[data-testid='map'] [data-kind]")) {
        const box = entity.querySelector("rect");
        if (!box) continue;
        const right = box.x.baseVal.value + box.width.baseVal.value;
        for (const text of entity.querySelectorAll(":scope > text")) {
          const bounds = text.getBBox();
          if (bounds.x < box.x.baseVal.value || bounds.x + bounds.width > right) {
            found.push(`${entity.dataset.kind} ${entity.dataset.id}: ${text.textContent}`);
          }
        }
      }
      return found;
    });
    assert.deepEqual(overflows, [], `labels overflow at ${viewport.width}px`);
    await context.close();
  }
});

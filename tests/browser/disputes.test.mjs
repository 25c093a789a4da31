// Many disputes on one page (issue 32): the index of disputes as a team opens it, with
// ?index=, on an intranet page as an element, and by a deep link into one of its disputes.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useSuite, openApp, startServer, screenshotDir, axeViolations, settled } from "./harness.mjs";

const suite = useSuite();
const INDEX = "?index=examples/disputes.json";
const cards = (page) => page.locator("[data-testid='dispute-card']");
const ids = (page) => cards(page).evaluateAll((all) => all.map((card) => card.dataset.dispute));

/** Opens the index (or, with `hash`, a place in it) and waits for what it names. */
async function openIndex(options = {}) {
  const opened = await openApp(suite.browser, suite.server, { query: INDEX, ...options });
  return opened;
}

test("the index lists every dispute as a card, newest first, and reads on a phone in the dark", async () => {
  const { page, context, problems } = await openIndex();
  await cards(page).first().waitFor();
  // Newest as_of first: the bundled dispute (23 November), the example (22), the third (20).
  assert.deepEqual(await ids(page), ["microsoft-breach-claim", "harbor-city-claim", "aws-resale-claim"]);
  const bundled = cards(page).first();
  assert.match(await bundled.innerText(), /Microsoft v\. OpenAI and Amazon/);
  assert.match(await bundled.innerText(), /Claimants\s+Microsoft/);
  assert.match(await bundled.innerText(), /\d+ statements · \d+ conflicts/);
  assert.match(await bundled.innerText(), /Also in other disputes: Amazon/);
  assert.match(await page.getByTestId("disputes").innerText(), /3 disputes in this index · 1 party in more than one/);
  // Only the index was fetched: no dispute file before one is opened.
  assert.equal(await page.evaluate(() => performance.getEntriesByType("resource").filter((entry) => /\/dispute\.json|harbor-city\.json|redwater/.test(entry.name)).length), 0);
  assert.deepEqual(await axeViolations(page), [], "the index passes axe");
  await page.screenshot({ path: join(screenshotDir, "disputes-desktop.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();

  const phone = await openIndex({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });
  await cards(phone.page).first().waitFor();
  assert.deepEqual(await axeViolations(phone.page), [], "the index passes axe on a phone in the dark");
  await phone.page.screenshot({ path: join(screenshotDir, "disputes-phone-dark.png"), fullPage: true });
  await phone.context.close();
});

test("the search filters the cards by a party's names, a title or a claim as one types", async () => {
  const { page, context, problems } = await openIndex();
  const search = page.getByTestId("dispute-search");
  await search.waitFor();
  // "AWS" is the third dispute's claimant and one of Amazon's other names in the bundled one.
  await search.fill("AWS");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid='dispute-card']").length === 2);
  assert.deepEqual(await ids(page), ["microsoft-breach-claim", "aws-resale-claim"]);
  await search.fill("tidewater ferries");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid='dispute-card']").length === 1);
  assert.deepEqual(await ids(page), ["harbor-city-claim"]);
  await search.fill("no such company anywhere");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid='dispute-card']").length === 0);
  assert.match(await page.getByTestId("disputes").getByRole("status").innerText(), /No dispute matches the search/);
  await search.fill("");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid='dispute-card']").length === 3);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a card opens its dispute's map, and the way back keeps the search and the place", async () => {
  const { page, context, problems } = await openIndex();
  await page.getByTestId("dispute-search").fill("redwater");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid='dispute-card']").length === 1);
  await cards(page).first().click();
  await page.locator("header h1", { hasText: "Amazon Web Services v. Redwater Cloud" }).waitFor();
  assert.equal(await page.evaluate(() => location.hash), "#/d/aws-resale-claim");
  await page.locator("[data-testid='map'] [data-kind='party'][data-id='redwater']").first().waitFor();
  // A selection inside it keeps the dispute in the address.
  await page.locator("[data-testid='map'] [data-kind='party'][data-id='redwater']").first().click();
  await page.waitForFunction(() => location.hash === "#/d/aws-resale-claim/map/party/redwater");

  await page.getByTestId("back-to-index").click();
  await page.getByTestId("dispute-search").waitFor();
  assert.equal(await page.evaluate(() => location.hash), "#/disputes");
  assert.equal(await page.getByTestId("dispute-search").inputValue(), "redwater", "the search is kept");
  assert.deepEqual(await ids(page), ["aws-resale-claim"]);
  await page.waitForFunction(() => document.activeElement?.dataset?.dispute === "aws-resale-claim");
  // Back and forward move between the index and the dispute.
  await page.goBack();
  await page.locator("header h1", { hasText: "Amazon Web Services v. Redwater Cloud" }).waitFor();
  await page.locator("[data-testid='details'] h2", { hasText: "Redwater Cloud" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a party in two disputes links each to the other, with its role there", async () => {
  const { page, context, problems } = await openIndex({ hash: "#/d/aws-resale-claim/party/aws" });
  const details = page.getByTestId("details");
  const also = details.getByTestId("also-in");
  await also.waitFor();
  assert.match(await also.innerText(), /Microsoft v\. OpenAI and Amazon.*a respondent there/s);
  await page.screenshot({ path: join(screenshotDir, "disputes-also-in-desktop.png") });
  await also.getByRole("link").click();
  await page.waitForFunction(() => location.hash === "#/d/microsoft-breach-claim/party/amazon");
  await page.locator("header h1", { hasText: "Microsoft v. OpenAI and Amazon" }).waitFor();
  await details.locator("h2", { hasText: "Amazon" }).waitFor();
  const back = details.getByTestId("also-in");
  await back.waitFor();
  assert.match(await back.innerText(), /Amazon Web Services v\. Redwater Cloud.*a claimant there/s);
  // A party in one dispute only has no such list.
  await page.evaluate(() => { location.hash = "#/d/microsoft-breach-claim/party/microsoft"; });
  await details.locator("h2", { hasText: "Microsoft" }).waitFor();
  await settled(page);
  assert.equal(await details.getByTestId("also-in").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a deep link opens a dispute of the index with its entity, fetching that dispute's file only", async () => {
  const { page, context, problems } = await openIndex({ hash: "#/d/harbor-city-claim/party/tidewater" });
  await page.getByTestId("details").locator("h2", { hasText: "Tidewater" }).waitFor();
  const fetched = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => name.endsWith(".json")));
  assert.ok(fetched.some((name) => name.endsWith("/examples/harbor-city.json")), fetched.join(", "));
  assert.ok(!fetched.some((name) => /\/dispute\.json$|redwater/.test(name)), fetched.join(", "));
  // A dispute the index does not list is named, with the way back.
  await page.evaluate(() => { location.hash = "#/d/no-such-dispute"; });
  await page.locator("[role='alert']", { hasText: /no dispute "no-such-dispute"/ }).waitFor();
  assert.match(await page.locator("[role='alert']").first().innerText(), /harbor-city-claim/);
  await page.getByTestId("back-to-index").click();
  await cards(page).first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a file of the index that does not check is listed with its problems, and opening it says why", async () => {
  const index = JSON.parse(await (await fetch(`${suite.server.appUrl}examples/disputes.json`)).text());
  index.disputes.push({
    id: "broken-file",
    title: "broken.json",
    file: "broken.json",
    claim: "",
    claimants: [],
    respondents: [],
    parties: [],
    statements: 0,
    conflicts: 0,
    as_of: "",
    problems: ["dispute.claimants: missing field"],
  });
  const body = Buffer.from(JSON.stringify(index));
  const { page, context } = await openApp(suite.browser, suite.server, {
    query: "?index=examples/with-broken.json",
    bodies: { "/tools/dispute-map/examples/with-broken.json": body },
  });
  const broken = page.locator("[data-testid='dispute-card'][data-dispute='broken-file']");
  await broken.waitFor();
  assert.equal(await broken.evaluate((card) => card.tagName), "ARTICLE", "a broken file is no link");
  assert.match(await broken.locator("[role='alert']").innerText(), /broken\.json cannot be opened:\s*dispute\.claimants: missing field/);
  await page.evaluate(() => { location.hash = "#/d/broken-file"; });
  await page.locator("[role='alert']", { hasText: /missing field/ }).waitFor();
  await context.close();
});

let intranet;
after(async () => intranet?.close());

test("<dispute-map index> shows the index on an intranet page, and its events name the dispute", async () => {
  intranet ??= await startServer();
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__events = [];
    for (const type of ["select", "load"]) {
      document.addEventListener(`dispute-map-${type}`, (event) => window.__events.push({ type, detail: event.detail }));
    }
  });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(`${intranet.origin}/intranet/disputes.html`);
  const map = page.locator("#index-map");
  await map.locator("[data-testid='dispute-card']").first().waitFor();
  assert.equal(await map.locator("[data-testid='dispute-card']").count(), 3);
  await map.locator("[data-testid='dispute-card'][data-dispute='harbor-city-claim']").click();
  await map.locator("[data-testid='map'] [data-kind='party'][data-id='tidewater']").first().waitFor();
  assert.equal(await page.evaluate(() => location.hash), "", "an embedded index leaves the page's hash alone");
  await map.locator("[data-testid='map'] [data-kind='party'][data-id='tidewater']").first().click();
  await page.waitForFunction(() => window.__events.some((event) => event.type === "select"));
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.find((event) => event.type === "load").detail.dispute, "harbor-city-claim");
  assert.deepEqual(events.find((event) => event.type === "select").detail, { kind: "party", id: "tidewater", dispute: "harbor-city-claim" });
  await map.getByTestId("back-to-index").click();
  await map.locator("[data-testid='dispute-card']").first().waitFor();
  await page.screenshot({ path: join(screenshotDir, "disputes-element.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a page built with its disputes opens their index with nothing in its address", async () => {
  // What `./dev build FILE...` writes: the page with a <meta> naming disputes.json beside it.
  const page_ = await (await fetch(`${suite.server.appUrl}index.html`)).text();
  assert.ok(!page_.includes("dispute-map-index"), "the bundle built for the tests names no index");
  const built = page_.replace("<head>", '<head>\n    <meta name="dispute-map-index" content="examples/disputes.json" />');
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route((url) => url.pathname === "/tools/dispute-map/team.html", (route) => route.fulfill({ body: built, contentType: "text/html; charset=utf-8" }));
  const page = await context.newPage();
  await page.goto(`${suite.server.origin}/tools/dispute-map/team.html`);
  await page.locator("[data-testid='dispute-card']").first().waitFor();
  assert.deepEqual(await ids(page), ["microsoft-breach-claim", "harbor-city-claim", "aws-resale-claim"]);
  assert.equal(await page.locator("[data-testid='prerendered']:visible").count(), 0, "the bundled dispute's screen is not shown first");
  // ?data= still opens one file on such a page.
  await page.goto(`${suite.server.origin}/tools/dispute-map/team.html?data=examples/harbor-city.json`);
  await page.locator("header h1", { hasText: "Harbor City" }).waitFor();
  await context.close();
});


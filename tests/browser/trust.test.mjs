// Trust: how much stands behind each entity, chains folded; warnings about the editors' own words
// in the file report; the statements as standard annotations; the schema beside the app; a link
// to the published page at the quote.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useSuite, openApp, chooseFromMenu, schemaExample } from "./harness.mjs";

const suite = useSuite();
const details = "[data-testid='details']";

/** The same count the app makes, written again here from the rule in docs/schema.md. */
function reachOf(dataset, statements) {
  const origins = new Map();
  for (const statement of statements) {
    const outlet = statement.cites ?? statement.source;
    const [kind, key] = ["on-record", "spokesperson"].includes(statement.attribution)
      ? ["on record", statement.speaker.party ?? statement.speaker.description.toLowerCase()]
      : statement.attribution === "anonymous"
        ? ["anonymous", outlet]
        : ["own", outlet];
    origins.set(`${kind}|${key}`, kind);
  }
  const count = (kind) => [...origins.values()].filter((value) => value === kind).length;
  return {
    statements: statements.length,
    reports: new Set(statements.map((statement) => statement.source)).size,
    origins: origins.size,
    onRecord: count("on record"),
    anonymous: count("anonymous"),
    own: count("own"),
  };
}

test("each entity says how many statements, reports and independent origins stand behind it", async () => {
  const dataset = suite.dataset;
  const clause = dataset.clauses.find((item) => item.id === "azure-stateless-exclusivity");
  const ids = new Set([...clause.readings.flatMap((reading) => reading.statements), ...dataset.statements.filter((statement) => statement.about.includes(clause.id)).map((statement) => statement.id)]);
  const expected = reachOf(dataset, dataset.statements.filter((statement) => ids.has(statement.id)));
  const { page, context, problems } = await openApp(suite.browser, suite.server, { hash: `#/clause/${clause.id}` });
  const reach = await page.locator(`${details} [data-testid='reach']`).innerText();
  assert.match(reach, new RegExp(`^${expected.statements} statements · ${expected.reports} reports · ${expected.origins} independent origins \\(`));
  assert.ok(reach.includes(`${expected.anonymous} anonymous`) && reach.includes(`${expected.own} the outlets' own`), reach);
  assert.ok(expected.origins < expected.statements, "chains fold: fewer origins than statements");
  // A statement shows its chain as a path: report, cited outlet, speaker.
  await page.evaluate(() => { location.hash = "#/statement/a-person-familiar-will-sue"; });
  const chain = page.locator(`${details} [data-testid='chain']`);
  await chain.waitFor();
  assert.equal(await chain.innerText(), "Reporting chain: “Cloud pact” report → Financial Times (cited) → A person familiar with Microsoft's position");
  assert.match(await page.locator(`${details} [data-testid='reach']`).innerText(), /an anonymous origin/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("warnings about the editors' own words show in the file report, and the file is still shown", async () => {
  const dispute = structuredClone(suite.dataset);
  const statement = dispute.statements.find((item) => item.id === "a-openai-may-argue-distinct");
  statement.summary = "OpenAI: Frontier is distinct from the stateless APIs";
  dispute.dispute.summary += " It is worth $11 billion in all.";
  const { page, context } = await openApp(suite.browser, suite.server, {
    query: "?data=/fixtures/warned.json",
    bodies: { "/fixtures/warned.json": Buffer.from(JSON.stringify(dispute)) },
  });
  await page.locator("[data-testid='map'] [data-kind='party']").first().waitFor();
  const report = page.locator(details).locator("details", { hasText: "File report" });
  assert.match(await report.locator("summary").innerText(), /File report: 2 warnings/);
  await report.locator("summary").click();
  const text = await report.innerText();
  assert.match(text, /states as fact what the speculative statement "a-openai-may-argue-distinct" only hedges/);
  assert.match(text, /dispute\.summary: the number 11 stands in no quote/);
  await context.close();
});

test("the statements download as W3C Web Annotations whose selectors find each quote again", async () => {
  const { page, context } = await openApp(suite.browser, suite.server);
  const [download] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, "Download annotations (W3C)")]);
  assert.equal(download.suggestedFilename(), "microsoft-breach-claim.annotations.jsonld");
  const collection = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(collection["@context"], "http://www.w3.org/ns/anno.jsonld");
  assert.equal(collection.type, "AnnotationCollection");
  const items = collection.first.items;
  assert.equal(items.length, suite.dataset.statements.length);
  const texts = Object.fromEntries(suite.dataset.sources.map((source) => [`urn:dispute-map:source:${source.id}`, source.text]));
  for (const item of items) {
    const [quote, position] = item.target.selector;
    const text = texts[item.target.source];
    const whole = quote.prefix + quote.exact + quote.suffix;
    assert.equal(text.split(whole).length - 1, 1, `${item.id}: its quote selector is found once`);
    assert.equal([...text].slice(position.start, position.end).join(""), quote.exact, `${item.id}: its position selector`);
  }
  await context.close();
});

test("the JSON Schema ships beside the app, where the shipped files' $schema points", async () => {
  const example = JSON.parse(await readFile(new URL("../../data/examples/harbor-city.json", import.meta.url), "utf8"));
  const response = await fetch(new URL(example.$schema, `${suite.server.appUrl}examples/harbor-city.json`));
  assert.equal(response.status, 200);
  const schema = await response.json();
  assert.equal(schema.$id, "dispute-map.schema.json");
  assert.ok(schema.properties.statements && schema.$defs.Statement.properties.quote);
});

test("a statement of a source with an address links to its quote on the published page", async () => {
  const dispute = JSON.parse(await schemaExample());
  dispute.sources[0].url = "https://news.example/northwind";
  const { page, context } = await openApp(suite.browser, suite.server, {
    query: "?data=/fixtures/published.json",
    hash: "#/statement/contoso-may-argue",
    bodies: { "/fixtures/published.json": Buffer.from(JSON.stringify(dispute)) },
  });
  const link = page.getByRole("link", { name: "See it on the published page" });
  assert.equal(await link.getAttribute("href"), "https://news.example/northwind#:~:text=Contoso%20may%20argue%20that%20gadgets%20are%20not%20widgets.");
  await context.close();
});

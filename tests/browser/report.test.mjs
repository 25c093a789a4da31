// Adding a report: the app proposes every statement of a pasted article, verbatim, attributed
// and hedged; a person accepts or dismisses each; what is accepted joins the draft of edits and
// is reachable like any statement. The authoring tools load only when asked, and bad input gets
// a clear word.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { useSuite, openApp, chooseFromMenu, screenshotDir, axeViolations } from "./harness.mjs";

const suite = useSuite();

/** An article written for this test, in the manner of wire copy (never copied from one). */
const ARTICLE = [
  "Harbor board weighs suit over crane contract",
  "By Ana Ruiz",
  "OSLO, March 4 (Nordwire) - The Port of Brenna is considering legal action against Halvard Shipping over a crane maintenance contract, according to two people familiar with the matter.",
  "“We kept every promise in that contract,” said Ingrid Dahl, chief executive of Halvard Shipping. “The cranes work.”",
  "The port may argue that the cranes failed inspections in 2025.",
  "What comes next",
  "A hearing is set for May, and talks continue.",
].join("\n");

const fetchedAuthoring = (page) =>
  page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name).filter((url) => /dispute-map-(editor|author)/.test(url)));

async function addReport(page, text, { title = "", outlet = "" } = {}) {
  await chooseFromMenu(page, "Add a report…");
  await page.getByLabel("Article text", { exact: true }).fill(text);
  if (title) await page.getByLabel("Title", { exact: true }).fill(title);
  if (outlet) await page.getByLabel("Outlet", { exact: true }).fill(outlet);
  await page.getByRole("button", { name: "Propose statements" }).click();
}

test("a pasted article becomes proposed statements; accepted ones join the draft and open by address", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  assert.deepEqual(await fetchedAuthoring(page), [], "the opening fetches no authoring module");
  await addReport(page, ARTICLE, { outlet: "Nordwire" });
  const cards = page.locator("[data-testid='suggestion']");
  await cards.first().waitFor();
  const quotes = await cards.locator("blockquote").allInnerTexts();
  assert.deepEqual(quotes, [
    "Harbor board weighs suit over crane contract",
    "The Port of Brenna is considering legal action against Halvard Shipping over a crane maintenance contract, according to two people familiar with the matter.",
    "“We kept every promise in that contract,” said Ingrid Dahl, chief executive of Halvard Shipping.",
    "“The cranes work.”",
    "The port may argue that the cranes failed inspections in 2025.",
    "A hearing is set for May, and talks continue.",
  ], "every claim, verbatim; the byline, dateline and heading carry none");
  for (const card of await cards.all()) {
    assert.equal(await card.getAttribute("data-state"), "pending");
    assert.equal(await card.getAttribute("data-kind"), "statement");
  }
  const authoring = await fetchedAuthoring(page);
  assert.ok(authoring.some((url) => url.includes("dispute-map-editor")), "the screens' module is fetched on first use");
  assert.ok(authoring.some((url) => url.includes("dispute-map-author-worker")), "the heavy work runs in the worker");

  // The card in hand shows its fields, prefilled: the anonymous sources, and the hedge.
  await cards.nth(1).click();
  await assert.doesNotReject(cards.nth(1).getByLabel("Attribution").waitFor());
  assert.equal(await cards.nth(1).getByLabel("Attribution").inputValue(), "anonymous");
  await cards.nth(4).click();
  assert.equal(await cards.nth(4).getByLabel("How firmly").inputValue(), "speculative");
  await page.screenshot({ path: join(screenshotDir, "report-review-desktop.png") });

  // Keyboard: K back to the headline, D dismisses it, A accepts the next.
  await cards.nth(1).click();
  await page.keyboard.press("k");
  await page.keyboard.press("d");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid='suggestion']")[0].dataset.state === "dismissed");
  await page.keyboard.press("a");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid='suggestion']")[1].dataset.state === "accepted");
  await page.getByRole("button", { name: "Accept all remaining" }).click();
  await page.waitForFunction(() => [...document.querySelectorAll("[data-testid='suggestion']")].slice(1).every((card) => card.dataset.state === "accepted"));
  assert.match(await page.getByTestId("edits").innerText(), /Unsaved edits/);
  assert.deepEqual(await axeViolations(page), [], "the review queue passes axe");

  // Done: the new source is shown, with how much of it its statements carry.
  await page.getByRole("button", { name: "Done" }).click();
  const details = page.locator("[data-testid='details']");
  await details.getByRole("heading", { name: "Harbor board weighs suit over crane contract" }).waitFor();
  const coverage = await details.locator("[data-testid='coverage']").innerText();
  assert.match(coverage, /5 of 6 sentences/, coverage);

  // Each accepted statement is a statement like any other, reachable by its address.
  const id = await page.evaluate(() => location.hash);
  assert.match(id, /#\/(map\/)?source\//);
  const draft = JSON.parse(await page.evaluate(() => localStorage.getItem("dispute-map-draft")));
  const added = draft.statements.filter((statement) => statement.source.startsWith("harbor-board"));
  assert.equal(added.length, 5);
  for (const statement of added) assert.ok(ARTICLE.includes(statement.quote), `verbatim: ${statement.quote}`);
  const dahl = added.find((statement) => statement.quote.startsWith("“We kept"));
  assert.equal(dahl.attribution, "on-record");
  assert.equal(draft.sources.find((source) => source.id === dahl.source).publisher, "Nordwire");
  await page.evaluate((id) => { location.hash = `#/statement/${id}`; }, dahl.id);
  await details.locator("blockquote").filter({ hasText: "We kept every promise" }).first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the review queue reads on a phone, light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, context, problems } = await openApp(suite.browser, suite.server, { viewport: { width: 390, height: 844 }, colorScheme });
    await addReport(page, ARTICLE);
    await page.locator("[data-testid='suggestion']").first().waitFor();
    await page.locator("[data-testid='suggestion']").nth(2).click();
    await page.screenshot({ path: join(screenshotDir, `report-review-phone-${colorScheme}.png`) });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `nothing wider than the phone (${overflow}px over)`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("bad input gets a clear word and loses nothing", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  await chooseFromMenu(page, "Add a report…");
  await page.getByRole("button", { name: "Propose statements" }).click();
  await page.getByRole("alert").filter({ hasText: "Article text" }).waitFor();

  // A PDF picked by mistake is named as one; the text area keeps what was typed.
  await page.getByLabel("Article text").fill("Kept words.");
  await page.getByLabel("Or open a file (.txt or .html)").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7 not text") });
  await page.getByRole("alert").filter({ hasText: "scan.pdf is a PDF" }).waitFor();
  assert.equal(await page.getByLabel("Article text").inputValue(), "Kept words.");

  // A file far larger than any article is refused before it is read.
  const folder = await mkdtemp(join(tmpdir(), "dispute-map-report-"));
  const huge = join(folder, "huge.txt");
  await writeFile(huge, Buffer.alloc(50 * 1024 * 1024, "a"));
  await page.getByLabel("Or open a file (.txt or .html)").setInputFiles(huge);
  await page.getByRole("alert").filter({ hasText: "huge.txt is 50.0 MB" }).waitFor();

  // HTML: its words, never its scripts.
  const html = "<html><head><script>window.__ran = 1</script><style>p{}</style></head><body><h1>Port sues</h1><p>The port said it would sue.</p><script>window.__ran = 2</script></body></html>";
  await page.getByLabel("Or open a file (.txt or .html)").setInputFiles({ name: "story.html", mimeType: "text/html", buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.querySelector("#report-text")?.value.startsWith("Port sues"));
  assert.equal(await page.getByLabel("Article text").inputValue(), "Port sues\nThe port said it would sue.");
  assert.equal(await page.evaluate(() => window.__ran), undefined, "nothing in the file ran");

  // Text with no quotation marks, and a quotation mark that never closes: statements still.
  await page.getByLabel("Article text").fill("Unclosed quote\nThe port said “it will sue. Then it left. Talks go on.");
  await page.getByRole("button", { name: "Propose statements" }).click();
  await page.locator("[data-testid='suggestion']").nth(2).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

// A new dispute from its reports: two pasted articles become a proposed dispute, reviewed in
// steps; the map draws as soon as the claim is accepted, with only what is accepted (parties
// and no agreements yet is a map, not an error), and an accepted conflict opens by its address.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useSuite, openApp, chooseFromMenu, screenshotDir, axeViolations } from "./harness.mjs";

const suite = useSuite();

/** Two reports of one dispute, written for this test, that disagree on a figure, a count, a
 *  date and whom the port sued. */
const FIRST = [
  "Brenna port sues carrier over berth",
  "By Ola Nordby",
  "March 12, 2026",
  "The Port of Brenna has sued Halvard Shipping and its parent, Norrvik Holdings, over a £120m berth agreement, the port said.",
  "The port filed the claim on March 9.",
  "Halvard Shipping said the deal covered 14 cranes.",
  "“It is a shakedown, plain and simple,” Halvard chief executive Lena Berg said.",
].join("\n");
const SECOND = [
  "Port dispute widens",
  "March 14, 2026",
  "The Port of Brenna sued Halvard Shipping and Kestrel Lines on Tuesday over its £150m berth agreement.",
  "Halvard Shipping said the deal covered 12 cranes.",
  "A person close to the port called the carrier's words “a shakedown, plain and simple” and said the port would not back down.",
].join("\n");

async function propose(page) {
  await chooseFromMenu(page, "New dispute from reports…");
  await page.getByLabel("Article 1 text", { exact: true }).fill(FIRST);
  await page.getByLabel("Article 2 text", { exact: true }).fill(SECOND);
  await page.getByRole("button", { name: "Propose a dispute" }).click();
  await page.locator("[data-testid='suggestion']").first().waitFor();
}

const step = (page, name) => page.getByRole("navigation", { name: "Review steps" }).getByRole("button", { name: new RegExp(`^${name} \\(`) }).click();

test("two pasted articles become a dispute, reviewed in steps, and a proposed conflict opens by its address", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  await propose(page);
  const cards = page.locator("[data-testid='suggestion']");
  // The claim comes first, proposed, with the sentences it comes from.
  assert.equal(await cards.count(), 1);
  assert.equal(await cards.first().getAttribute("data-kind"), "dispute");
  assert.equal(await cards.first().getAttribute("data-state"), "pending");
  assert.match(await cards.first().innerText(), /Port of Brenna/);
  assert.ok(await page.getByRole("button", { name: "Done" }).isDisabled(), "nothing to keep before the claim is accepted");

  // Accepting the claim draws the map at once: its parties, no agreements yet, no error.
  await cards.first().getByRole("button", { name: "Accept" }).click();
  await page.waitForFunction(() => document.querySelector("[data-testid='suggestion']").dataset.state === "accepted");
  await page.locator("[data-testid='map'] [data-kind='party']").first().waitFor();
  assert.equal(await page.locator("[data-testid='map'] [data-kind='contract']").count(), 0);
  assert.equal(await page.locator("[role='alert']").count(), 0, "a map with parties and no agreements is no error");
  await page.screenshot({ path: join(screenshotDir, "new-dispute-claim-desktop.png") });

  // Each step lists its kind.
  for (const [name, kind] of [["Parties", "party"], ["Agreements", "contract"], ["Events", "event"], ["Statements", "statement"], ["Conflicts", "conflict"]]) {
    await step(page, name);
    const kinds = new Set(await cards.evaluateAll((all) => all.map((card) => card.dataset.kind)));
    assert.deepEqual([...kinds], [kind], `${name} shows ${kind} cards`);
  }
  // The conflicts step: the figure, the count, the date and who is sued, each with both sides.
  const titles = await cards.locator("[data-testid='suggestion-head'] strong").allInnerTexts();
  const texts = await cards.allInnerTexts();
  assert.ok(texts.some((text) => text.includes("£120m") && text.includes("£150m")), texts.join(" | "));
  assert.ok(titles.some((title) => /How many cranes/.test(title)), titles.join(" | "));
  assert.ok(titles.includes("When the claim was filed"), titles.join(" | "));
  assert.ok(titles.includes("Who is sued"), titles.join(" | "));
  // The figure's own conflict: its title names both values (the date's quotes a sentence with one).
  const figure = cards.filter({ has: page.locator("[data-testid='suggestion-head'] strong", { hasText: "£150m" }) }).first();
  const id = await figure.getAttribute("data-id");
  await figure.getByRole("button", { name: "Accept" }).click();
  await page.waitForFunction((id) => document.querySelector(`[data-testid='suggestion'][data-id='${id}']`).dataset.state === "accepted", id);
  // Its statements came with it.
  await step(page, "Statements");
  assert.ok((await cards.evaluateAll((all) => all.filter((card) => card.dataset.state === "accepted").length)) >= 2);
  // While it is reviewed, the header names it as what it is (issue 33: it said "Unsaved edits
  // to the bundled dispute").
  assert.match(await page.getByTestId("edits").innerText(), /A new dispute drafted from reports/);
  assert.deepEqual(await axeViolations(page), [], "the steps pass axe");
  await page.screenshot({ path: join(screenshotDir, "new-dispute-review-desktop.png") });

  await page.getByRole("button", { name: "Done" }).click();
  await page.waitForFunction(() => !document.querySelector("[data-testid='authoring']"));
  await page.evaluate((id) => { location.hash = `#/conflict/${id}`; }, id);
  const details = page.locator("[data-testid='details']");
  await page.waitForFunction(() => /£120m/.test(document.querySelector("[data-testid='details']")?.innerText || ""));
  assert.match(await details.innerText(), /£150m/);
  // A new dispute is its own file, not edits to the one open before; Discard returns to that one.
  const notice = await page.getByTestId("edits").innerText();
  assert.match(notice, /A new dispute drafted from reports/);
  assert.match(notice, /kept in this browser until you download it/);
  assert.doesNotMatch(notice, /edits to the bundled dispute/);
  await page.getByRole("button", { name: "Discard the new dispute" }).click();
  await page.locator("header h1", { hasText: suite.dataset.title }).waitFor();
  assert.equal(await page.getByTestId("edits").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the articles form names what is missing, stops at ten articles, and looks right on a phone in the dark", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { viewport: { width: 390, height: 844 }, colorScheme: "dark" });
  await chooseFromMenu(page, "New dispute from reports…");
  await page.getByRole("button", { name: "Propose a dispute" }).click();
  assert.match(await page.locator("[role='alert']").innerText(), /Article 1 text/);
  const add = page.getByRole("button", { name: "Add another article" });
  for (let count = 2; count < 10; count += 1) await add.click();
  assert.equal(await page.getByLabel(/^Article \d+ text$/).count(), 10);
  assert.ok(await add.isDisabled(), "a draft is made from at most ten articles");
  await page.getByRole("button", { name: "Remove article 10" }).click();
  assert.equal(await page.getByLabel(/^Article \d+ text$/).count(), 9);
  // One article naming a single party: the word says what is missing, and nothing is lost.
  await page.getByLabel("Article 1 text", { exact: true }).fill("Bakery wins prize\nThe Holm Bakery said the award was a surprise.");
  await page.getByRole("button", { name: "Propose a dispute" }).click();
  await page.waitForFunction(() => /two parties/.test(document.querySelector("[role='alert']")?.innerText || ""));
  assert.match(await page.getByLabel("Article 1 text", { exact: true }).inputValue(), /Holm Bakery/);
  await page.getByLabel("Article 1 text", { exact: true }).fill(FIRST);
  await page.getByLabel("Article 2 text", { exact: true }).fill(SECOND);
  await page.getByRole("button", { name: "Propose a dispute" }).click();
  const cards = page.locator("[data-testid='suggestion']");
  await cards.first().waitFor();
  await cards.first().getByRole("button", { name: "Accept" }).click();
  await page.locator("[data-testid='map'] [data-kind='party']").first().waitFor();
  await step(page, "Events");
  await page.screenshot({ path: join(screenshotDir, "new-dispute-phone-dark.png") });
  assert.deepEqual(await axeViolations(page), [], "the steps pass axe in the dark on a phone");
  await context.close();
});

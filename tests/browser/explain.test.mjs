// Views that explain: a timeline with a time axis, conflicts to compare, a guided walkthrough and
// a one-page briefing, at desktop and phone width.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { useSuite, openApp, screenshotDir, chooseFromMenu, repoRoot } from "./harness.mjs";

const suite = useSuite();
const details = "[data-testid='details']";
const SIZES = [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]];

/** Where each event stands on the axis: its date and its mark's centre. */
const marks = (page) => page.locator("[data-testid='timeline'] svg [data-kind='event']").evaluateAll((events) =>
  events.map((event) => {
    const mark = event.querySelector("[data-testid='when']");
    const shape = mark.getBoundingClientRect();
    return { id: event.dataset.id, date: event.dataset.date, x: shape.x + shape.width / 2, y: shape.y + shape.height / 2, width: shape.width, height: shape.height, shape: mark.tagName, soft: mark.dataset.soft === "true" };
  }),
);

test("the timeline puts events on a time axis, later further along, precision drawn, undated apart", async () => {
  for (const [size, viewport] of SIZES) {
    const { page, context, problems } = await openApp(suite.browser, suite.server, { viewport, hash: "#/timeline" });
    await page.getByTestId("timeline").waitFor();
    const placed = await marks(page);
    const dated = suite.dataset.events.filter((event) => event.date.value);
    assert.deepEqual(placed.map((mark) => mark.id).sort(), dated.map((event) => event.id).sort(), `${size}: every dated event is on the axis`);
    for (const mark of placed) {
      assert.equal(mark.date, dated.find((event) => event.id === mark.id).date.value, `${size}: ${mark.id} carries its ISO date`);
    }
    const along = size === "desktop" ? "x" : "y";
    const sorted = [...placed].sort((a, b) => a.date.localeCompare(b.date));
    for (let index = 1; index < sorted.length; index += 1) {
      assert.ok(sorted[index][along] > sorted[index - 1][along], `${size}: ${sorted[index].id} stands after ${sorted[index - 1].id}`);
    }
    // Precision drawn: a year is a band a year wide, a month a twelfth of that, approximate soft.
    const byId = Object.fromEntries(placed.map((mark) => [mark.id, mark]));
    const length = size === "desktop" ? "width" : "height";
    const year = byId["microsoft-invests-2019"][length];
    const month = byId["september-2025-agreement-signed"][length];
    assert.ok(year > month * 6, `${size}: a year's band (${year}) is far wider than a month's (${month})`);
    assert.ok(byId["microsoft-invests-2023"].soft && !byId["microsoft-invests-2019"].soft, `${size}: "early 2023" has soft edges`);
    // What has no place on the axis stands apart with its own words and its report.
    const apart = page.getByTestId("timeline").locator("section", { hasText: "Happened, not on the axis" });
    const signed = apart.locator("li", { has: page.locator("[data-kind='event'][data-id='amazon-openai-agreements-signed']") });
    assert.match(await signed.innerText(), /“last month” in “Cloud pact” report/);
    assert.equal(await signed.locator("[data-date]").count(), 0, "no date where none is known");
    assert.match(await page.getByTestId("timeline").innerText(), /Reported, with no date \(3\)/);
    // Selecting an event highlights it on the axis and opens its details.
    await page.locator("[data-testid='timeline'] svg [data-kind='event'][data-id='september-2025-agreement-signed']").click();
    await page.locator(`${details} h2`, { hasText: "Non-binding agreement" }).waitFor();
    assert.equal(await page.locator("[data-testid='timeline'] svg [data-id='september-2025-agreement-signed']").getAttribute("aria-current"), "true");
    await page.screenshot({ path: `${screenshotDir}/timeline-axis-${size}.png` });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("the example's days are points, and its reports stand in their own lane by date", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { query: "?data=examples/harbor-city.json", hash: "#/timeline" });
  await page.getByTestId("timeline").waitFor();
  const placed = await marks(page);
  const days = placed.filter((mark) => /^\d{4}-\d{2}-\d{2}$/.test(mark.date));
  assert.ok(days.length >= 3 && days.every((mark) => mark.shape === "circle"), "days are points");
  const reports = await page.locator("[data-testid='timeline'] svg [data-kind='source']").evaluateAll((sources) => sources.map((source) => source.dataset.date));
  assert.ok(reports.length >= 1 && reports.every((date) => /^\d{4}(-\d{2}){0,2}$/.test(date)), `${reports}`);
  await context.close();
});

test("conflicts compare side by side, grouped by what they concern, the disagreeing words marked", async () => {
  for (const [size, viewport] of SIZES) {
    const { page, context, problems } = await openApp(suite.browser, suite.server, { viewport, hash: "#/conflicts" });
    const view = page.getByTestId("conflicts");
    await view.waitFor();
    const group = view.locator("section", { has: page.locator("h3 [data-kind='contract'][data-id='aws-frontier-agreement']") });
    const conflict = suite.dataset.conflicts.find((item) => item.id === "deal-value-scope");
    const card = group.locator("article", { has: page.locator(`h4 [data-id='${conflict.id}']`) });
    const text = await card.innerText();
    assert.ok(text.includes(conflict.difference), `${size}: what differs`);
    for (const side of conflict.sides) {
      const source = suite.dataset.sources.find((item) => item.id === side.source);
      assert.ok(text.toLowerCase().includes(source.short_title.toLowerCase()), `${size}: headed by ${source.short_title}, not the headline`);
      assert.ok(!text.includes(source.title), `${size}: no full headline`);
      assert.ok(text.includes(side.position), `${size}: ${side.position}`);
    }
    const marked = await card.locator("mark").allInnerTexts();
    for (const phrase of conflict.sides.flatMap((side) => side.highlight)) {
      assert.ok(marked.some((words) => words.includes(phrase)), `${size}: "${phrase}" is marked`);
    }
    await page.screenshot({ path: `${screenshotDir}/conflicts-compare-${size}.png` });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("on the map, what a conflict is about carries a badge with the count, and the badge opens them", async () => {
  const { page, context } = await openApp(suite.browser, suite.server);
  const count = suite.dataset.conflicts.filter((conflict) => conflict.about.includes("aws-frontier-agreement")).length;
  const badge = page.locator("[data-testid='map'] [data-badge='aws-frontier-agreement']");
  assert.equal(await badge.locator("text").textContent(), String(count));
  await badge.click();
  await page.waitForFunction(() => location.hash === "#/conflicts/contract/aws-frontier-agreement");
  const focused = page.getByTestId("conflicts").locator("section").first();
  assert.equal(await focused.locator("h4 [data-kind='conflict']").count(), count, "those conflicts, first and alone");
  await context.close();
});

test("the guided walkthrough: steps from #/tour, Previous and Next, view and selection follow, Escape leaves", async () => {
  const tour = suite.dataset.tour;
  assert.ok(tour.length >= 6 && tour.length <= 8, `${tour.length} steps`);
  for (const [size, viewport] of SIZES) {
    const { page, context, problems } = await openApp(suite.browser, suite.server, { viewport, hash: "#/tour" });
    const card = page.getByTestId("tour-step");
    await card.waitFor();
    for (let step = 1; step <= tour.length; step += 1) {
      const expected = tour[step - 1];
      await card.locator("h2", { hasText: expected.title }).waitFor();
      const text = await card.innerText();
      assert.ok(text.toLowerCase().includes(`${step} of ${tour.length}`), `${size}: step ${step} says where it is`);
      assert.ok(text.includes(expected.text), `${size}: step ${step}'s text`);
      assert.equal(await card.locator("blockquote, q").count(), 0, "the editors' text is not shown as a quote");
      assert.equal(await page.evaluate(() => location.hash), step === 1 ? "#/tour" : `#/tour/${step}`);
      await page.locator(`[data-testid='${expected.view}']`).waitFor();
      await page.locator(`${details} h2`).first().waitFor();
      assert.equal(await page.getByRole("button", { name: "Previous" }).isDisabled(), step === 1);
      if (step === 3) await page.screenshot({ path: `${screenshotDir}/tour-step-${size}.png` });
      if (step < tour.length) await page.getByRole("button", { name: "Next" }).click();
    }
    assert.equal(await page.getByRole("button", { name: "Next" }).isDisabled(), true, "the last step has no next");
    await page.getByRole("button", { name: "Previous" }).click();
    await page.waitForFunction((step) => location.hash === `#/tour/${step}`, tour.length - 1);
    await page.keyboard.press("Escape");
    await card.waitFor({ state: "detached" });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("an embedded map and ?view=tour can open on the walkthrough", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { query: "?view=tour" });
  await page.getByTestId("tour-step").locator("h2", { hasText: suite.dataset.tour[0].title }).waitFor();
  await context.close();
  const host = await suite.browser.newContext();
  const embedded = await host.newPage();
  await host.route((url) => url.pathname === "/intranet/tour.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Tour</title></head><body>
        <div id="map" data-dispute-map data-view="tour"></div>
        <script type="module" src="/tools/dispute-map/dispute-map.js"></script></body></html>`,
    }),
  );
  await embedded.goto(`${suite.server.origin}/intranet/tour.html`);
  await embedded.locator("#map [data-testid='tour-step']").waitFor();
  await host.close();
});

test("Print briefing fits two A4 or Letter pages with title, status, summary, map, clauses, conflicts and sources", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, context, problems } = await openApp(suite.browser, suite.server, { colorScheme });
    // The print dialog itself is the browser's; what it would print is what is checked here.
    await page.evaluate(() => { window.print = () => {}; });
    await chooseFromMenu(page, "Print briefing");
    const briefing = page.locator("article[aria-label='Briefing']");
    await briefing.waitFor({ state: "attached" });
    await page.emulateMedia({ media: "print" });
    assert.ok(await briefing.isVisible(), "the briefing is what prints");
    assert.equal(await page.locator("[data-testid='map']").isVisible(), false, "the screen does not");
    const text = await briefing.innerText();
    for (const part of [suite.dataset.title, "Threatened, no suit filed", suite.dataset.dispute.summary.slice(0, 60), "Clauses in dispute", "Where the reports disagree", "Sources"]) {
      assert.ok(text.includes(part), `the briefing holds "${part.slice(0, 40)}"`);
    }
    for (const clause of suite.dataset.clauses.filter((item) => item.disputed)) {
      for (const reading of clause.readings) assert.ok(text.includes(reading.position), `${clause.id}: ${reading.party}'s reading`);
    }
    assert.equal(await briefing.locator("tbody tr").count(), suite.dataset.conflicts.length);
    assert.ok(await briefing.locator("svg rect").count() > 5, "the map is drawn");
    for (const format of ["A4", "Letter"]) {
      // Each print takes the briefing away afterwards, as printing from the menu does.
      await page.emulateMedia({ media: null });
      await chooseFromMenu(page, "Print briefing");
      await briefing.waitFor({ state: "attached" });
      const pdf = await page.pdf({ format, printBackground: true });
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
      assert.ok(pages >= 1 && pages <= 2, `${format}: ${pages} pages`);
      await writeFile(join(screenshotDir, `briefing-${format}-${colorScheme}.pdf`), pdf);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("every walkthrough step's route resolves in the shipped data", async () => {
  const ids = new Set([suite.dataset.dispute.id, ...["sources", "parties", "contracts", "clauses", "statements", "events", "conflicts"].flatMap((collection) => suite.dataset[collection].map((entity) => entity.id))]);
  const statements = new Set(suite.dataset.statements.map((statement) => statement.id));
  for (const step of suite.dataset.tour) {
    assert.ok(ids.has(step.entity), step.entity);
    assert.ok(["map", "timeline", "conflicts", "list"].includes(step.view));
    assert.ok(step.statements.length > 0 && step.statements.every((id) => statements.has(id)));
  }
  const example = JSON.parse(await readFile(join(repoRoot, "data", "examples", "harbor-city.json"), "utf8"));
  assert.ok((example.tour ?? []).length > 0, "the example file uses the tour too");
});

test("Escape leaves the walkthrough wherever the focus is, back to where the reader was", async () => {
  const party = suite.dataset.parties[1].id;
  const { page, context, problems } = await openApp(suite.browser, suite.server, { hash: `#/list/party/${party}` });
  await page.locator("[data-testid='list']").waitFor();
  await page.evaluate(() => { location.hash = "#/tour/2"; });
  const card = page.getByTestId("tour-step");
  await card.waitFor();
  // Focus on the page itself, not in the map's element.
  await page.evaluate(() => { document.activeElement?.blur(); });
  await page.keyboard.press("Escape");
  await card.waitFor({ state: "detached" });
  await page.waitForFunction((id) => location.hash === `#/list/party/${id}`, party);
  // Opened again: Escape on the card's own buttons leaves it too.
  await page.evaluate(() => { location.hash = "#/tour"; });
  await card.waitFor();
  await page.evaluate(() => { location.hash = "#/tour/3"; });
  await card.locator("h2", { hasText: suite.dataset.tour[2].title }).waitFor();
  await page.getByRole("button", { name: "Previous" }).focus();
  await page.keyboard.press("Escape");
  await card.waitFor({ state: "detached" });
  await page.waitForFunction((id) => location.hash === `#/list/party/${id}`, party);
  assert.deepEqual(problems, []);
  await context.close();
});

test("every entity's details lead with where the reports disagree about it, as many as its badge says", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  const about = new Map();
  for (const conflict of suite.dataset.conflicts) {
    for (const id of new Set(conflict.about)) about.set(id, [...(about.get(id) || []), conflict.id]);
  }
  const openai = "openai";
  for (const [kind, id] of [["party", openai], ...suite.dataset.clauses.filter((clause) => about.has(clause.id)).slice(0, 1).map((clause) => ["clause", clause.id]), ...suite.dataset.contracts.filter((contract) => about.has(contract.id)).slice(0, 1).map((contract) => ["contract", contract.id])]) {
    await page.evaluate(([kind, id]) => { location.hash = `#/${kind}/${id}`; }, [kind, id]);
    const list = page.locator("[data-testid='details'] [data-testid='entity-conflicts']");
    await list.waitFor();
    const listed = await list.locator("a[data-kind='conflict']").evaluateAll((links) => links.map((link) => link.dataset.id));
    assert.deepEqual(listed.sort(), [...about.get(id)].sort(), `${kind} ${id}`);
    const badge = page.locator(`[data-testid='map'] [data-badge='${id}']`);
    if (await badge.count()) assert.equal(await badge.locator("text").textContent(), String(listed.length), `${kind} ${id}: the badge's count`);
    // It leads: before the statements and the facts.
    const first = await page.locator("[data-testid='details'] [aria-live] > * > :is(section, details, dl)").first().getAttribute("data-testid");
    assert.equal(first, "entity-conflicts", `${kind} ${id}: the conflicts lead`);
  }
  // Each is a link to its compare card in the Conflicts view.
  await page.locator("[data-testid='details'] [data-testid='entity-conflicts'] a").first().click();
  await page.waitForFunction(() => location.hash.startsWith("#/conflicts/conflict/"));
  await page.locator("[data-testid='conflicts']").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

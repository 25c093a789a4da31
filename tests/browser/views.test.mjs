// The views, search and filters, keyboard use, zoom, sharing, themes and print, as a user meets them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSuite, openApp, screenshotDir, chooseFromMenu, mapView } from "./harness.mjs";

const suite = useSuite();

const map = "[data-testid='map']";
const details = "[data-testid='details']";

test("the view tabs switch views, keep the selection, and back returns to the previous view", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server, { hash: "#/party/amazon" });
  await page.getByRole("link", { name: "Timeline" }).click();
  await page.locator("[data-testid='timeline']").waitFor();
  assert.equal(await page.evaluate(() => location.hash), "#/timeline/party/amazon");
  await page.locator(`${details} h2`, { hasText: "Amazon" }).waitFor();
  await page.getByRole("link", { name: "Conflicts", exact: true }).click();
  await page.locator("[data-testid='conflicts']").waitFor();
  await page.goBack();
  await page.locator("[data-testid='timeline']").waitFor();
  await page.goBack();
  await page.locator(map).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the conflicts view groups every disagreement as a card, and one opens in brief in the panel", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { hash: "#/conflicts" });
  const conflicts = page.locator("[data-testid='conflicts']");
  await conflicts.waitFor();
  assert.equal(await conflicts.locator("h4 [data-kind='conflict']").count(), suite.dataset.conflicts.length);
  await conflicts.locator("h4 [data-kind='conflict'][data-id='total-microsoft-investment']").click();
  const panel = page.locator(details);
  await panel.locator("h2", { hasText: "How much Microsoft has invested" }).waitFor();
  const conflict = suite.dataset.conflicts.find((item) => item.id === "total-microsoft-investment");
  const text = await panel.innerText();
  for (const side of conflict.sides) assert.ok(text.includes(side.position), side.position);
  await context.close();
});

test("the list view holds every party, contract, clause and statement as text", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { hash: "#/list" });
  const list = page.locator("[data-testid='list']");
  await list.waitFor();
  for (const [collection, kind] of [["parties", "party"], ["contracts", "contract"], ["clauses", "clause"], ["statements", "statement"], ["events", "event"], ["conflicts", "conflict"]]) {
    for (const entity of suite.dataset[collection]) {
      assert.ok((await list.locator(`[data-kind='${kind}'][data-id='${entity.id}']`).count()) >= 1, `${kind} ${entity.id} is in the list`);
    }
  }
  await context.close();
});

test("search dims what does not match on the map", async () => {
  const { page, context } = await openApp(suite.browser, suite.server);
  await page.getByRole("searchbox").fill("Google");
  const openai = page.locator(`${map} [data-kind='party'][data-id='openai']`);
  await page.waitForFunction(() => document.querySelector("[data-testid='map'] [data-kind='party'][data-id='openai']").getAttribute("data-dimmed") === "true");
  assert.equal(await page.locator(`${map} [data-kind='party'][data-id='google']`).getAttribute("data-dimmed"), null);
  await page.getByRole("searchbox").fill("");
  await page.waitForFunction(() => !document.querySelector("[data-testid='map'] [data-dimmed]"));
  assert.equal(await openai.getAttribute("data-dimmed"), null);
  await context.close();
});

test("filtering by attribution keeps only those statements in the list", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { hash: "#/list" });
  await page.getByRole("button", { name: /^Filter/ }).click();
  await page.getByLabel("Attribution").selectOption("spokesperson");
  const expected = suite.dataset.statements.filter((statement) => statement.attribution === "spokesperson").map((statement) => statement.id).sort();
  await page.waitForFunction((count) => document.querySelectorAll("[data-testid='list'] [data-kind='statement']").length === count, expected.length);
  const shown = await page.locator("[data-testid='list'] [data-kind='statement']").evaluateAll((links) => links.map((link) => link.dataset.id).sort());
  assert.deepEqual(shown, expected);
  assert.match(await page.getByRole("status").filter({ hasText: "statements match" }).innerText(), new RegExp(`${expected.length} of ${suite.dataset.statements.length} statements match`));
  // The active filter shows as a chip that removes it.
  await page.getByRole("button", { name: /^Filter/ }).click();
  await page.getByRole("button", { name: "Remove the filter Attribution: spokesperson" }).click();
  await page.waitForFunction((count) => document.querySelectorAll("[data-testid='list'] [data-kind='statement']").length > count, expected.length);
  await context.close();
});

test("filtering by source keeps statements reported in or citing it", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { hash: "#/list" });
  await page.getByRole("button", { name: /^Filter/ }).click();
  await page.getByLabel("Source").selectOption("financial-times");
  const expected = suite.dataset.statements.filter((statement) => statement.source === "financial-times" || statement.cites === "financial-times").length;
  await page.waitForFunction((count) => document.querySelectorAll("[data-testid='list'] [data-kind='statement']").length === count, expected);
  await context.close();
});

test("hovering an entity highlights its neighbourhood and dims the rest", async () => {
  const { page, context } = await openApp(suite.browser, suite.server);
  await page.locator(`${map} [data-kind='party'][data-id='amazon']`).hover();
  await page.waitForFunction(() => document.querySelector("[data-testid='map'] [data-id='microsoft-investment-2019']").getAttribute("data-dimmed") === "true");
  assert.equal(await page.locator(`${map} [data-kind='contract'][data-id='aws-frontier-agreement']`).getAttribute("data-dimmed"), null);
  assert.equal(await page.locator(`${map} [data-kind='party'][data-id='amazon']`).getAttribute("data-dimmed"), null);
  await context.close();
});

test("zoom buttons and keys change the visible part of the map, Reset restores it", async () => {
  const { page, context } = await openApp(suite.browser, suite.server);
  const width = async () => (await mapView(page))[2];
  const whole = await width();
  await page.getByRole("button", { name: "Zoom in" }).click();
  assert.ok((await width()) < whole, "zoomed in");
  const zoomedIn = await width();
  await page.locator(`${map} [data-kind='party'][data-id='openai']`).click();
  await page.locator(`${details} h2`, { hasText: "OpenAI" }).waitFor();
  assert.equal(await width(), zoomedIn, "selecting keeps the zoom");
  await page.getByRole("button", { name: "Reset" }).click();
  assert.equal(await width(), whole);
  await page.locator(`${map} [data-kind='party'][data-id='microsoft']`).focus();
  await page.keyboard.press("-");
  assert.ok((await width()) > whole, "zoomed out with the minus key");
  await context.close();
});

test("the map's shown part follows its frame: hiding the details and resizing the window", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  // At the opening view one drawing unit is one CSS pixel: the part shown is the frame's width.
  const follows = async (what) => {
    const frame = () => page.evaluate(() => Math.round(document.querySelector("[data-testid='map'] svg[role='group']").getBoundingClientRect().width));
    for (let tries = 0; tries < 50 && (await mapView(page))[2] !== (await frame()); tries += 1) await page.waitForTimeout(20);
    assert.equal((await mapView(page))[2], await frame(), `the shown part is the frame's width ${what}`);
    return frame();
  };
  const opening = await follows("at the opening");
  await page.getByRole("button", { name: "Hide details" }).click();
  const wider = await follows("with the details hidden");
  assert.ok(wider > opening, `hiding the details gives the map room (${opening} -> ${wider} px)`);
  await page.setViewportSize({ width: 1000, height: 800 });
  const narrower = await follows("after the window narrowed");
  assert.ok(narrower < wider, `the window narrowed the map (${wider} -> ${narrower} px)`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("copy link puts the deep link of the selection on the clipboard", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { hash: "#/clause/frontier-aws-exclusivity" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await chooseFromMenu(page, "Copy link");
  await page.getByText("Link copied.").waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${suite.server.appUrl}#/map/clause/frontier-aws-exclusivity`);
  await context.close();
});

test("a link that names a kind that does not exist says so", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { hash: "#/widget/azure" });
  assert.match(await page.locator(`${details} [role='alert']`).innerText(), /"widget" is not a kind of entity or a view/);
  await context.close();
});

/** WCAG relative luminance and contrast of two CSS rgb() colours. */
function contrast(foreground, background) {
  const luminance = (color) => {
    const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map(Number).map((value) => {
      const channel = value / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

test("text meets WCAG AA contrast in the light and the dark theme", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, context } = await openApp(suite.browser, suite.server, { hash: "#/statement/a-spokesperson-azure-exclusive", colorScheme });
    const pairs = await page.evaluate(() => {
      const color = (selector, property) => getComputedStyle(document.querySelector(selector))[property];
      const panel = color("[data-testid='details']", "backgroundColor");
      return [
        ["body text", color("[data-testid='details'] h2", "color"), panel],
        ["muted text", color("[data-testid='details'] .facts dt", "color"), panel],
        ["link", color("[data-testid='details'] a", "color"), panel],
        ["highlighted quote", color("[data-testid='details'] mark", "color"), color("[data-testid='details'] mark", "backgroundColor")],
        ["map label", getComputedStyle(document.querySelector("[data-testid='map'] [data-kind='party'] text")).fill, getComputedStyle(document.querySelector("[data-testid='map'] [data-kind='party'] rect")).fill],
        ["dispute label", getComputedStyle(document.querySelector("[data-testid='map'] [data-kind='dispute'] tspan")).fill, getComputedStyle(document.querySelector("[data-testid='map'] [data-kind='dispute'] rect")).fill],
      ];
    });
    for (const [name, foreground, background] of pairs) {
      assert.ok(contrast(foreground, background) >= 4.5, `${colorScheme}: ${name} ${foreground} on ${background} is ${contrast(foreground, background).toFixed(2)}:1`);
    }
    await context.close();
  }
});

test("print shows the selection and the view without the controls", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { hash: "#/list/clause/azure-stateless-exclusivity" });
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("search").isVisible(), false, "the filters are not printed");
  assert.equal(await page.getByRole("button", { name: "Copy link" }).isVisible(), false);
  assert.ok(await page.locator(`${details} h2`, { hasText: "Azure's exclusive role" }).isVisible());
  assert.ok(await page.locator("[data-testid='list']").isVisible());
  await page.pdf({ path: `${screenshotDir}/print-list.pdf` });
  await context.close();
});

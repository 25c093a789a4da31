// At a glance: the map-first screen, a map that reads, search that shows what it finds, the
// statement first, structured details, keyboard and screen readers, and the questions a reader
// comes with, each answered from the opening screen in at most two interactions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSuite, openApp, screenshotDir, axeViolations, titleOf, settled } from "./harness.mjs";

const suite = useSuite();

const map = "[data-testid='map']";
const details = "[data-testid='details']";
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SIZES = [["desktop", DESKTOP], ["phone", PHONE]];

/** The box of an element in CSS pixels. */
const box = (locator) => locator.evaluate((element) => {
  const rect = element.getBoundingClientRect();
  return { x: rect.x, y: rect.y, width: rect.width, height: rect.height, right: rect.right, bottom: rect.bottom };
});

const inside = (inner, outer) => inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.right <= outer.right + 0.5 && inner.bottom <= outer.bottom + 0.5;

/** Whether the element can be seen where it is: inside the window, and on top where its first
 *  line starts. */
const seen = (locator) => locator.evaluate((element) => {
  const rect = element.getBoundingClientRect();
  const first = element.getClientRects()[0];
  const [x, y] = [first.x + Math.min(first.width / 2, 12), first.y + first.height / 2];
  const top = document.elementFromPoint(x, y);
  return rect.bottom <= innerHeight && rect.top >= 0 && rect.right <= innerWidth && (top === element || element.contains(top) || top?.contains(element));
});

test("desktop: the map takes most of the screen, the details a side panel that never runs past the window and can be closed", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server, { viewport: DESKTOP });
  await page.locator(`${map} [data-kind='party']`).first().waitFor();
  const frame = await box(page.locator(map));
  assert.ok((frame.width * frame.height) / (DESKTOP.width * DESKTOP.height) >= 0.6, `the map is ${Math.round((frame.width * frame.height) / 10240)}% of the screen`);
  // The header is one line: title, status and menu side by side.
  const title = await box(page.locator("h1"));
  const status = await box(page.getByTestId("status"));
  const menu = await box(page.getByRole("button", { name: "Menu" }));
  for (const part of [status, menu]) {
    assert.ok(Math.abs(part.y + part.height / 2 - (title.y + title.height / 2)) < 12, "title, status and menu share one line");
  }
  assert.match(await page.getByTestId("status").innerText(), /Threatened, no suit filed/);
  const panel = await box(page.locator(details));
  assert.ok(panel.bottom <= DESKTOP.height, `the panel ends at ${panel.bottom}, inside the window`);
  await page.getByRole("button", { name: "Hide details" }).click();
  const wider = await box(page.locator(map));
  assert.ok(wider.width > frame.width + 200, "closing the panel gives the map its room");
  await page.getByRole("button", { name: "Show details" }).click();
  await page.locator(`${details} h2`).waitFor();
  // The menu holds the file, export, print and link actions.
  await page.getByRole("button", { name: "Menu" }).click();
  for (const item of ["Download JSON", "Download SVG", "Download PNG", "Print", "Copy link"]) {
    assert.ok(await page.getByRole("button", { name: item, exact: true }).isVisible(), `${item} is in the menu`);
  }
  assert.ok(await page.getByText("Open a dispute file…").isVisible());
  await page.keyboard.press("Escape");
  assert.equal(await page.getByRole("button", { name: "Download JSON" }).isVisible(), false, "Escape closes the menu");
  assert.deepEqual(problems, []);
  await context.close();
});

test("phone: the map comes first, full width, and details open as a sheet over it", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server, { viewport: PHONE });
  await page.locator(`${map} [data-kind='party']`).first().waitFor();
  const frame = await box(page.locator(map));
  assert.ok(frame.width >= PHONE.width - 1 && frame.y < 200, `full width near the top: ${JSON.stringify(frame)}`);
  await page.locator(`${map} [data-kind='party'][data-id='openai']`).click();
  await page.locator(`${details} h2`, { hasText: "OpenAI" }).waitFor();
  const sheet = await box(page.locator(details));
  assert.ok(sheet.y > frame.y && sheet.y < frame.bottom && sheet.bottom <= PHONE.height + 1, `a sheet over the map: ${JSON.stringify(sheet)}`);
  assert.ok(await seen(page.locator(`${details} h2`)), "its heading is in view");
  await page.getByRole("button", { name: "Close the details" }).click();
  await page.waitForFunction(() => location.hash === "#/map");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the map reads: text at least 12 px, nothing cut short or broken inside a word, and Fit shows it whole", async () => {
  for (const [size, viewport] of SIZES) {
    const { page, context } = await openApp(suite.browser, suite.server, { viewport });
    await page.locator(`${map} [data-kind='party']`).first().waitFor();
    const report = await page.evaluate(() => {
      const small = [];
      const cut = [];
      const broken = [];
      for (const text of document.querySelectorAll("[data-testid='map'] svg[role='group'] text")) {
        const size = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
        if (size < 11.99) small.push(`${text.textContent} at ${size.toFixed(1)} px`);
        if (text.textContent.includes("…")) cut.push(text.textContent);
      }
      for (const entity of document.querySelectorAll("[data-testid='map'] [data-kind]")) {
        const name = entity.querySelector(":scope > text:last-of-type")?.textContent ?? "";
        if (!entity.getAttribute("aria-label").toLowerCase().includes(name.toLowerCase())) broken.push(`${entity.dataset.id}: "${name}"`);
      }
      return { small, cut, broken };
    });
    assert.deepEqual(report, { small: [], cut: [], broken: [] }, size);
    // At first load every claimant and respondent is wholly inside the visible map frame.
    const frame = await box(page.locator(map));
    for (const id of [...suite.dataset.dispute.claimants, ...suite.dataset.dispute.respondents]) {
      const party = await box(page.locator(`${map} [data-kind='party'][data-id='${id}'] rect`));
      assert.ok(inside(party, frame), `${size}: ${id} ${JSON.stringify(party)} inside ${JSON.stringify(frame)}`);
      assert.ok(await seen(page.locator(`${map} [data-kind='party'][data-id='${id}'] rect`)), `${size}: ${id} is not covered`);
    }
    const fit = page.getByRole("button", { name: "Fit" });
    if (await fit.isEnabled()) await fit.click();
    const drawing = await box(page.locator(`${map} svg[role='group'] > g`));
    const svg = await box(page.locator(`${map} svg[role='group']`));
    assert.ok(inside(drawing, svg), `${size}: after Fit the whole drawing ${JSON.stringify(drawing)} is inside ${JSON.stringify(svg)}`);
    assert.equal(await fit.isEnabled(), false, `${size}: Fit is done once the drawing is whole`);
    await context.close();
  }
});

test("selecting a party keeps the parties it shares contracts with undimmed", async () => {
  const { page, context } = await openApp(suite.browser, suite.server);
  await page.locator(`${map} [data-kind='party'][data-id='amazon']`).click();
  await page.waitForFunction(() => document.querySelector("[data-testid='map'] [data-id='microsoft']").getAttribute("data-dimmed") === "true");
  assert.equal(await page.locator(`${map} [data-kind='party'][data-id='openai']`).getAttribute("data-dimmed"), null, "OpenAI shares the AWS deal");
  await context.close();
});

test("search shows what it finds, grouped by kind; Enter opens the first; every view shows the matches", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  await page.getByRole("searchbox").fill("We will sue them");
  const results = page.getByTestId("search-results");
  await results.waitFor();
  assert.match(await results.innerText(), /Statements \(1\)/i);
  const link = results.locator("[data-kind='statement'][data-id='a-person-familiar-will-sue']");
  assert.equal(await link.count(), 1, "the match is listed as a link to it");
  await page.getByRole("searchbox").press("Enter");
  await page.locator(`${details} mark`, { hasText: "We will sue them" }).waitFor();
  assert.equal(await page.evaluate(() => location.hash), "#/map/statement/a-person-familiar-will-sue");
  // Regression: the Timeline said "No event matches", a dead end. It lists what the search finds.
  await page.getByRole("link", { name: "Timeline" }).click();
  const inView = page.getByTestId("view-search-results");
  await inView.locator("[data-kind='statement'][data-id='a-person-familiar-will-sue']").waitFor();
  await page.getByRole("link", { name: "Conflicts", exact: true }).click();
  await page.getByTestId("conflicts").waitFor();
  assert.ok((await page.locator("[data-testid='conflicts'] [data-kind='statement'], [data-testid='conflicts'] [data-kind='conflict']").count()) > 0, "the conflicts view shows matches too");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a statement leads with who said it, where, and its sentence in its paragraph, in view without scrolling", async () => {
  const statement = suite.dataset.statements.find((item) => item.id === "a-person-familiar-will-sue");
  for (const [size, viewport] of SIZES) {
    // A deep link, as someone shares it.
    const { page, context, problems } = await openApp(suite.browser, suite.server, { viewport, hash: `#/statement/${statement.id}` });
    const mark = page.locator(`${details} mark`).first();
    await mark.waitFor();
    assert.equal(await mark.innerText(), statement.quote);
    assert.ok(await seen(mark), `${size}: the highlighted sentence is in view without scrolling`);
    const panel = await page.locator(details).innerText();
    const top = panel.slice(0, panel.indexOf(statement.quote));
    for (const part of [statement.speaker.description, "anonymous", "“Cloud pact” report"]) {
      assert.ok(top.includes(part), `${size}: "${part}" comes before the quote`);
    }
    // The whole article is one click away, scrolled to the mark.
    await page.getByRole("button", { name: "Read the whole article" }).click();
    const inArticle = page.locator(`${details} section mark`);
    await inArticle.waitFor();
    await page.waitForFunction(() => {
      const marks = document.querySelectorAll("[data-testid='details'] section mark");
      const rect = marks[marks.length - 1].getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= innerHeight;
    });
    assert.ok((await page.locator(`${details} section p`).count()) > 10, `${size}: the whole article`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("details are structured: statements grouped by who speaks, each once, in sections that fold, with counts", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { hash: "#/party/microsoft" });
  await page.locator(`${details} h2`, { hasText: "Microsoft" }).waitFor();
  const ids = await page.locator(`${details} [data-kind='statement']`).evaluateAll((links) => links.map((link) => link.dataset.id));
  assert.ok(ids.length > 10, `${ids.length} statements`);
  assert.equal(new Set(ids).size, ids.length, "each statement once");
  const headings = await page.locator(`${details} summary`).allInnerTexts();
  assert.ok(headings.some((heading) => /^Statements by or about it \(\d+\)$/.test(heading)), `${headings}`);
  const section = page.locator(`${details} details`, { has: page.locator("summary", { hasText: "Statements by or about it" }) });
  await section.locator("summary").click();
  assert.equal(await section.locator("[data-kind='statement']").first().isVisible(), false, "a section folds");
  const panel = await box(page.locator(details));
  assert.ok(panel.bottom <= DESKTOP.height, "nothing runs past the window");
  await context.close();
});

test("keyboard: skip links, the map as one Tab stop with arrows inside, focus to the details and back", async () => {
  const { page, context } = await openApp(suite.browser, suite.server);
  await page.locator(`${map} [data-kind='party']`).first().waitFor();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to the map");
  await page.keyboard.press("Enter");
  assert.ok(await page.evaluate(() => document.activeElement.closest("[data-testid='map']") !== null && document.activeElement.dataset.kind !== undefined), "the skip link lands on the map");
  assert.equal(await page.locator(`${map} [data-kind][tabindex='0']`).count(), 1, "one Tab stop in the map");
  await page.locator(`${map} [data-kind='party'][data-id='microsoft']`).focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), "openai");
  assert.equal(await page.locator(`${map} [data-kind='party'][data-id='openai']`).getAttribute("tabindex"), "0", "the Tab stop follows the arrows");
  await page.keyboard.press("Enter");
  await page.locator(`${details} h2`, { hasText: "OpenAI" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "H2", null, { timeout: 3000 });
  // Enter on a link in the details keeps focus in the panel, on the new heading.
  await page.locator(`${details} [data-kind='contract']`).first().focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.tagName === "H2" && document.activeElement.textContent !== "OpenAI", null, { timeout: 3000 });
  const selected = await page.evaluate(() => location.hash.split("/").pop());
  await page.keyboard.press("Escape");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), selected, "Escape goes back to the entity on the map");
  // Escape on the map clears the selection; then focus dims the rest, until it leaves the map.
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => location.hash === "#/map");
  await page.locator(`${map} [data-kind='party'][data-id='amazon']`).focus();
  await page.waitForFunction(() => document.querySelector("[data-testid='map'] [data-dimmed]"));
  await page.getByRole("searchbox").focus();
  await page.waitForFunction(() => !document.querySelector("[data-testid='map'] [data-dimmed]"));
  await context.close();
});

test("axe-core finds no violation in any view, light and dark, desktop and phone", async () => {
  const views = ["#/map", "#/map/statement/a-person-familiar-will-sue", "#/timeline", "#/conflicts", "#/list/party/openai", "#/tour/3", "#/conflicts/contract/aws-frontier-agreement"];
  for (const [size, viewport] of SIZES) {
    for (const colorScheme of ["light", "dark"]) {
      const { page, context } = await openApp(suite.browser, suite.server, { viewport, colorScheme });
      for (const hash of views) {
        await page.evaluate((next) => { location.hash = next; }, hash);
        await page.locator(`${details} h2`).first().waitFor();
        await settled(page);
        assert.deepEqual(await axeViolations(page), [], `${size} ${colorScheme} ${hash}`);
      }
      await context.close();
    }
  }
});

test("the questions a reader comes with, each answered from the opening screen in at most two interactions", async () => {
  const sue = suite.dataset.statements.find((item) => item.id === "a-person-familiar-will-sue");
  for (const [size, viewport] of SIZES) {
    const fresh = async () => openApp(suite.browser, suite.server, { viewport });
    // Who threatens to sue whom, and is a suit filed: on the opening screen itself.
    let { page, context } = await fresh();
    assert.match(await page.getByTestId("status").innerText(), /no suit filed/);
    for (const [id, side] of [["microsoft", "Claimant"], ["openai", "Respondent"], ["amazon", "Respondent"]]) {
      assert.match(await page.locator(`${map} [data-kind='party'][data-id='${id}']`).getAttribute("aria-label"), new RegExp(`^${side} `), `${size}: ${id}`);
    }
    assert.match(await page.locator(`${map} [data-kind='dispute']`).getAttribute("aria-label"), /threatened breach-of-contract suit/);
    await context.close();

    // Who said "We will sue them if they breach it", shown in the article: type, then Enter.
    ({ page, context } = await fresh());
    await page.getByRole("searchbox").fill("We will sue them if they breach it");
    await page.getByRole("searchbox").press("Enter");
    const mark = page.locator(`${details} mark`).first();
    await mark.waitFor();
    assert.equal(await mark.innerText(), sue.quote);
    assert.ok((await page.locator(details).innerText()).includes(sue.speaker.description), `${size}: who said it`);
    assert.ok(await seen(mark), `${size}: shown in the article's paragraph, in view`);
    await context.close();

    // What the reports disagree on about AWS's role: the Conflicts tab.
    ({ page, context } = await fresh());
    await page.getByRole("link", { name: "Conflicts", exact: true }).click();
    const conflicts = page.getByTestId("conflicts");
    await conflicts.waitFor();
    for (const id of ["aws-exclusivity-scope", "deal-value-scope"]) {
      const conflict = suite.dataset.conflicts.find((item) => item.id === id);
      assert.ok((await conflicts.innerText()).includes(conflict.difference), `${size}: ${id}`);
    }
    await context.close();

    // What OpenAI's position is: OpenAI on the map.
    ({ page, context } = await fresh());
    await page.locator(`${map} [data-kind='party'][data-id='openai']`).click();
    await page.locator(`${details} h2`, { hasText: "OpenAI" }).waitFor();
    const position = await page.locator(details).innerText();
    assert.match(position, /Its position \(\d+\)/);
    assert.ok(position.includes("joint statement"), `${size}: the one act a report gives OpenAI`);
    await context.close();

    // When the Amazon deal was signed: the deal on the map.
    ({ page, context } = await fresh());
    await page.locator(`${map} [data-kind='contract'][data-id='aws-frontier-agreement']`).click({ position: { x: 30, y: 10 } });
    await page.locator(`${details} h2`, { hasText: titleOf(suite.dataset, "contracts", "aws-frontier-agreement") }).waitFor();
    assert.match(await page.locator(details).innerText(), /Date\s+last month relative/);
    await context.close();

    // A link to the Azure exclusivity clause: the clause on the map puts it in the address.
    ({ page, context } = await fresh());
    await page.locator(`${map} [data-kind='clause'][data-id='azure-stateless-exclusivity']`).click();
    await page.waitForFunction(() => location.hash === "#/map/clause/azure-stateless-exclusivity");
    await context.close();
  }
});

test("a deep link to a conflict far down its view opens with that conflict's card in view", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server, { hash: "#/conflicts/conflict/total-microsoft-investment" });
  await page.locator("[data-testid='app'][data-state='live']").waitFor();
  const card = page.locator("[data-testid='conflicts'] [data-card='total-microsoft-investment']");
  await page.waitForFunction(() => {
    const box = document.querySelector("[data-testid='conflicts'] [data-card='total-microsoft-investment']")?.getBoundingClientRect();
    return box && box.top >= 0 && box.top < innerHeight;
  }, null, { timeout: 5000 }).catch(() => {});
  assert.ok(await seen(card.locator("h3, h2, a").first()), "the selected conflict's card is scrolled into view");
  assert.deepEqual(problems, []);
  await context.close();
});

test("screenshots of every view, desktop and phone, light and dark", async () => {
  const views = [
    ["map", "#/map"],
    ["map-selected", "#/map/clause/azure-stateless-exclusivity"],
    ["statement", "#/map/statement/a-person-familiar-will-sue"],
    ["timeline", "#/timeline/event/amazon-openai-agreements-signed"],
    ["conflicts", "#/conflicts/conflict/total-microsoft-investment"],
    ["list", "#/list/statement/a-person-familiar-will-sue"],
    ["tour", "#/tour/4"],
  ];
  for (const [name, hash] of views) {
    for (const [size, viewport] of SIZES) {
      for (const colorScheme of ["light", "dark"]) {
        const { page, context, problems } = await openApp(suite.browser, suite.server, { hash, viewport, colorScheme });
        await page.locator(`${details} h2`).first().waitFor();
        await page.screenshot({ path: `${screenshotDir}/${name}-${size}-${colorScheme}.png` });
        assert.deepEqual(problems, []);
        await context.close();
      }
    }
  }
});

// A large dispute: the map opens on a readable part and draws only what is near it, a selection
// anywhere brings its part into view, and an export still holds the whole map.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launchBrowser, openApp, repoRoot, chooseFromMenu, mapView } from "./harness.mjs";

const PARTIES = 150;
const suite = {};

before(async () => {
  // Made by the project's own generator, the same way every time.
  const text = execFileSync("cargo", ["run", "--quiet", "-p", "dispute-cli", "--bin", "generate-dispute", "--", String(PARTIES), "600", "1200", "2000"], {
    cwd: repoRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  const file = join(await mkdtemp(join(tmpdir(), "dispute-map-large-")), "large.json");
  await writeFile(file, text);
  suite.dataset = JSON.parse(text);
  suite.server = await startServer({ files: { "/large.json": file } });
  suite.browser = await launchBrowser();
});

after(async () => {
  await suite.browser?.close();
  await suite.server?.close();
});

const mapParties = (page) => page.locator("[data-testid='map'] [data-kind='party']");

test("a large map opens on a readable part and draws only what is near it", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server, { query: "?data=/large.json" });
  await mapParties(page).first().waitFor();
  const drawn = await mapParties(page).count();
  assert.ok(drawn > 0 && drawn < PARTIES / 3, `${drawn} of ${PARTIES} parties drawn`);
  const [x, y, width] = await mapView(page);
  assert.deepEqual([x, y], [0, 0], "opens on the drawing's top left");
  assert.ok(width <= 1600, `opens on a part ${width} units wide, at full size`);
  // Panning to the right (Shift+arrows, a tenth of the view each) draws other parties and drops
  // the first ones once they are far enough off screen, except the one with keyboard focus.
  const leftmost = await mapParties(page).evaluateAll((nodes) =>
    nodes.map((node) => [node.dataset.id, Number(node.querySelector("rect").getAttribute("x"))]).sort((a, b) => a[1] - b[1]).map(([id]) => id),
  );
  const [focused, neighbour] = leftmost;
  await page.locator(`[data-testid='map'] [data-kind='party'][data-id='${focused}']`).focus();
  for (let step = 0; step < 16; step += 1) await page.keyboard.press("Shift+ArrowRight");
  await page.waitForFunction((id) => !document.querySelector(`[data-testid='map'] [data-kind='party'][data-id='${id}']`), neighbour);
  assert.ok((await mapParties(page).count()) > 1, "other parties are drawn there");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.id), focused, "the focused party stays drawn and focused");
  assert.ok((await mapView(page))[0] > 1000, "the view moved right");
  assert.deepEqual(problems, []);
  await context.close();
});

test("selecting an entity that is not drawn brings it into view", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server, { query: "?data=/large.json" });
  await mapParties(page).first().waitFor();
  const far = suite.dataset.parties[PARTIES - 10];
  assert.equal(await page.locator(`[data-testid='map'] [data-id='${far.id}']`).count(), 0, "not drawn at first");
  await page.evaluate((id) => (location.hash = `#/map/party/${id}`), far.id);
  const node = page.locator(`[data-testid='map'] [data-kind='party'][data-id='${far.id}']`);
  await node.waitFor();
  assert.equal(await node.getAttribute("aria-current"), "true");
  await page.locator("[data-testid='details'] h2", { hasText: far.name }).waitFor();
  const [x, y, width, height] = await mapView(page);
  const box = await node.evaluate((element) => {
    const rect = element.querySelector("rect");
    return { x: Number(rect.getAttribute("x")), y: Number(rect.getAttribute("y")) };
  });
  assert.ok(box.x >= x && box.x <= x + width && box.y >= y && box.y <= y + height, `${JSON.stringify(box)} inside ${[x, y, width, height]}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Download SVG of a large map holds every party, drawn or not", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { query: "?data=/large.json" });
  await mapParties(page).first().waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, "Download SVG")]);
  const svg = await readFile(await download.path(), "utf8");
  for (const party of suite.dataset.parties) {
    assert.ok(svg.includes(`data-id="${party.id}"`), `${party.id} is in the SVG`);
  }
  assert.ok((await mapParties(page).count()) < PARTIES / 3, "the page draws only its part again afterwards");
  await context.close();
});

// Files in and out: opening a dispute from disk (nothing uploaded) and every export.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { useSuite, openApp, appReady, schemaExample, repoRoot, fixturesDir, distDir, chooseFromMenu } from "./harness.mjs";

const suite = useSuite();

test("a dispute file opened from disk replaces the map, and nothing is sent anywhere", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  const before = suite.server.requests.length;
  await page.getByLabel("Open a dispute file…").setInputFiles({ name: "northwind.json", mimeType: "application/json", buffer: Buffer.from(await schemaExample()) });
  await page.locator("h1", { hasText: "Northwind v. Contoso" }).waitFor();
  assert.match(await page.locator("header").innerText(), /From your file northwind\.json \(opened in this browser, not uploaded\)/);
  assert.equal(await page.locator("[data-testid='map'] [data-kind='party']").count(), 2);
  assert.deepEqual(suite.server.requests.slice(before), [], "opening a local file makes no request");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a broken file dropped on the map lists its errors, and the bundled dispute is one click away", async () => {
  const { page, context } = await openApp(suite.browser, suite.server);
  const broken = await readFile(join(fixturesDir, "broken.json"), "utf8");
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "broken.json", { type: "application/json" }));
    document.querySelector("[data-testid='map']").dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, broken);
  const alert = page.getByRole("alert");
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /Your file broken\.json could not be opened \(4 problems\)/);
  assert.match(text, /statements\[0\]\.source: no source with id "ft-report"/);
  await page.getByRole("link", { name: "Open the bundled dispute instead" }).click();
  await appReady(page);
  await page.locator("[data-testid='map'] [data-kind='party'][data-id='microsoft']").waitFor();
  await context.close();
});

test("Download JSON saves exactly the file that was loaded", async () => {
  const { page, context } = await openApp(suite.browser, suite.server);
  const [download] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, "Download JSON")]);
  assert.equal(download.suggestedFilename(), "microsoft-breach-claim.json");
  const saved = await readFile(await download.path(), "utf8");
  assert.equal(saved, await readFile(join(repoRoot, "data", "dispute.json"), "utf8"));
  await context.close();
});

test("Download SVG saves the whole map with its styles, and PNG a picture of it", async () => {
  const { page, context } = await openApp(suite.browser, suite.server);
  await page.getByRole("button", { name: "Zoom in" }).click();
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, "Download SVG")]);
  const svg = await readFile(await svgDownload.path(), "utf8");
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /<style>[\s\S]*\.dispute-arc[\s\S]*<\/style>/, "the map's styles travel with it");
  assert.match(svg, /viewBox="0 0 \d+ \d+"/, "the whole drawing, not the zoomed part");
  for (const party of suite.dataset.parties) {
    assert.ok(svg.includes(`data-id="${party.id}"`), `${party.id} is in the SVG`);
  }
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, "Download PNG")]);
  const png = await readFile(await pngDownload.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG file");
  assert.ok(png.length > 20000, `a real picture, not an empty canvas (${png.length} bytes)`);
  await context.close();
});

test("the fictional example shipped in dist/examples loads with ?data=", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server, { query: "?data=examples/harbor-city.json" });
  await page.locator("h1", { hasText: "Fictional example" }).waitFor();
  const map = page.locator("[data-testid='map']");
  assert.equal(await map.locator("[data-kind='party']").count(), 5);
  await map.locator("[data-kind='contract'][data-id='vessel-availability']").click({ position: { x: 20, y: 12 } });
  const details = page.locator("[data-testid='details']");
  await details.locator("h2", { hasText: "Vessel availability agreement" }).waitFor();
  for (const party of ["harbor-city", "tidewater", "bluewave"]) {
    assert.equal(await details.locator(`dd [data-kind='party'][data-id='${party}']`).count(), 1, `${party} is a party to the three-party agreement`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the single-file build opens by double-click, from a file:// URL, with no request", async () => {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  page.on("pageerror", (error) => problems.push(error.message));
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  const file = pathToFileURL(join(distDir, "dispute-map-offline.html")).href;
  await page.goto(`${file}#/map/clause/azure-stateless-exclusivity`);
  await appReady(page);
  await page.locator("[data-testid='details'] h2", { hasText: "Azure's exclusive role" }).waitFor();
  await page.locator("[data-testid='map'] [data-kind='party'][data-id='amazon']").click();
  await page.locator("[data-testid='details'] h2", { hasText: "Amazon" }).waitFor();
  assert.ok(requests.every((url) => url.startsWith("file:") || url.startsWith("blob:") || url.startsWith("data:")), `nothing fetched from a network: ${requests}`);
  assert.deepEqual(problems, []);
  await context.close();
});

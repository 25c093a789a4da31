// What changed since the last briefing: the bundled dispute compared with an older version of
// it made here (one statement fewer, a conflict the newer file dropped, a reading worded
// otherwise, a party's role different); the Changes view, the map's marks, the details, the
// briefing; bad input; unsaved edits shown against the file they started from.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { writeFile } from "node:fs/promises";
import { useSuite, openApp, chooseFromMenu, screenshotDir, axeViolations } from "./harness.mjs";

const suite = useSuite();

/** The older version, and the four changes the bundled file must show against it. */
function olderVersion(dataset) {
  const older = structuredClone(dataset);
  older.as_of = "2026-11-20";
  const text = JSON.stringify(dataset);
  // A statement no other entry names: the newer file added it.
  const added = dataset.statements.find((statement) => text.split(`"${statement.id}"`).length === 2);
  older.statements = older.statements.filter((statement) => statement.id !== added.id);
  // A conflict the newer file no longer has.
  const dropped = { ...structuredClone(dataset.conflicts[0]), id: "dropped-since", title: "A disagreement since settled" };
  older.conflicts.push(dropped);
  // A reading worded otherwise, and a party whose role was different.
  const reworded = dataset.conflicts[1];
  older.conflicts[1].sides[0].position = `${reworded.sides[0].position} in an earlier wording`;
  const party = dataset.parties[3];
  older.parties[3].role = "Named only in passing";
  return {
    older,
    expected: [
      { kind: "statement", id: added.id, change: "added" },
      { kind: "conflict", id: reworded.id, change: "changed" },
      { kind: "conflict", id: "dropped-since", change: "removed" },
      { kind: "party", id: party.id, change: "changed" },
    ],
  };
}

async function compareWith(page, name, body) {
  await page.getByLabel("Compare with another version…").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(body) });
  await page.waitForFunction(() => location.hash.startsWith("#/changes"));
  await page.locator("[data-testid='changes']").waitFor();
}

test("an older version opens the Changes view; each change is reached, marked on the map, told in the details and the briefing", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  const { older, expected } = olderVersion(suite.dataset);
  await compareWith(page, "older.json", JSON.stringify(older));
  const changes = page.locator("[data-testid='change']");
  await changes.first().waitFor();
  assert.equal(await changes.count(), expected.length, await page.locator("[data-testid='changes']").innerText());
  for (const { kind, id, change } of expected) {
    const item = page.locator(`[data-testid='change'][data-kind='${kind}'][data-id='${id}']`);
    assert.equal(await item.getAttribute("data-change"), change, `${kind} ${id}`);
  }
  assert.match(await page.getByRole("heading", { level: 2, name: /^Since your file older\.json/ }).innerText(), /as of 2026-11-20\): 4 changes/);
  // The reworded reading: the older words marked, the rest plain.
  const reading = page.locator(`[data-testid='change'][data-id='${expected[1].id}']`);
  assert.deepEqual(await reading.locator("mark").allInnerTexts(), ["in an earlier wording"]);
  // A removed conflict is named, not linked.
  const removed = page.locator("[data-testid='change'][data-change='removed']");
  assert.match(await removed.innerText(), /A disagreement since settled/);
  assert.equal(await removed.locator("a").count(), 0);
  await page.screenshot({ path: join(screenshotDir, "changes-desktop.png") });
  assert.deepEqual(await axeViolations(page), []);

  // Each change's link opens its details, with what changed.
  const party = expected[3];
  await page.locator(`[data-testid='change'][data-id='${party.id}'] a`).click();
  await page.waitForFunction((id) => location.hash === `#/changes/party/${id}`, party.id);
  const details = page.locator("[data-testid='details']");
  const told = details.locator("[data-testid='what-changed']");
  await told.waitFor();
  assert.match(await told.innerText(), /Changed since your file older\.json/);
  assert.match(await told.innerText(), /role: Named only in passing → /);
  // On the map, the changed party carries the mark, and the legend explains it.
  await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "Map" }).click();
  const shape = page.locator(`[data-testid='map'] [data-kind='party'][data-id='${party.id}']`);
  await shape.waitFor();
  assert.equal(await shape.getAttribute("data-change"), "changed");
  assert.equal(await page.locator("[data-testid='map'] [data-change]").count(), 1, "only what changed is marked");
  await page.getByText("Legend").click();
  assert.ok(await page.getByText("Changed since then").isVisible());
  await page.screenshot({ path: join(screenshotDir, "changes-map-desktop.png") });
  // Back and forward through the changes.
  await page.goBack();
  await page.waitForFunction((id) => location.hash === `#/changes/party/${id}`, party.id);
  await page.locator("[data-testid='change']").first().waitFor();

  // The briefing's first page says what changed since the older file's day.
  await page.evaluate(() => { window.print = () => {}; });
  await chooseFromMenu(page, "Print briefing");
  const briefing = page.locator("article[aria-label='Briefing']");
  await briefing.waitFor({ state: "attached" });
  await page.emulateMedia({ media: "print" });
  const since = briefing.locator("[data-testid='briefing-since']");
  assert.match(await since.innerText(), /Since 2026-11-20/);
  assert.match(await since.innerText(), /1 new, 2 changed, 1 removed/);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  await writeFile(join(screenshotDir, "briefing-since-A4.pdf"), pdf);
  await page.emulateMedia({ media: null });

  // Closing the comparison takes the tab and the marks away.
  await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "Changes" }).click();
  await page.getByRole("button", { name: "Close the comparison" }).click();
  await page.waitForFunction(() => !location.hash.startsWith("#/changes"));
  assert.equal(await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "Changes" }).count(), 0);
  assert.equal(await page.locator("[data-change]").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the same file twice, an invalid older file and two unrelated disputes each get a clear answer", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server, { viewport: { width: 390, height: 844 }, colorScheme: "dark" });
  await compareWith(page, "same.json", JSON.stringify(suite.dataset));
  await page.getByText("The two files hold the same dispute: nothing changed.").waitFor();
  assert.equal(await page.locator("[data-testid='change']").count(), 0);

  const broken = structuredClone(suite.dataset);
  broken.statements[0].quote = "Words no article has.";
  await compareWith(page, "broken.json", JSON.stringify(broken));
  const alert = page.getByRole("alert").filter({ hasText: "cannot be compared" });
  await alert.waitFor();
  assert.match(await alert.innerText(), /your file broken\.json cannot be compared: 1 problem/);
  assert.match(await alert.innerText(), /not found verbatim/);
  assert.ok(await page.locator("[data-testid='map'], [data-testid='details']").count() > 0, "the dispute shown is still there");

  const other = JSON.parse(await (await fetch(suite.server.appUrl + "examples/harbor-city.json")).text());
  await compareWith(page, "harbor-city.json", JSON.stringify(other));
  await page.getByText(/look like two different disputes/).waitFor();
  assert.ok(await page.locator("[data-testid='change'][data-change='removed']").count() > 0);
  await page.screenshot({ path: join(screenshotDir, "changes-phone-dark.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

test("unsaved edits are shown against the file they started from, and Discard returns to that file", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  // Edits kept from an earlier visit: one statement reworded, made on top of an opened file.
  const base = structuredClone(suite.dataset);
  base.title = "The version opened before the edits";
  const edited = structuredClone(base);
  edited.statements[2].summary = "Reworded by the author";
  await page.evaluate(([draft, base]) => {
    localStorage.setItem("dispute-map-draft", draft);
    localStorage.setItem("dispute-map-draft-origin", "edited:file:before.json");
    localStorage.setItem("dispute-map-draft-base-text", base);
  }, [JSON.stringify(edited), JSON.stringify(base)]);
  await page.reload();
  await page.getByRole("button", { name: "Open them" }).click();
  await page.getByRole("button", { name: "Show changes" }).click();
  await page.locator("[data-testid='change']").first().waitFor();
  const changes = page.locator("[data-testid='change']");
  assert.equal(await changes.count(), 1);
  assert.equal(await changes.first().getAttribute("data-id"), suite.dataset.statements[2].id);
  assert.match(await page.locator("[data-testid='changes'] h2").first().innerText(), /Since your file before\.json/);
  await page.getByRole("button", { name: "Discard edits" }).click();
  await page.getByText("From your file before.json").waitFor();
  assert.equal(await page.locator("header h1").innerText(), "The version opened before the edits");
  assert.equal(await page.evaluate(() => localStorage.getItem("dispute-map-draft-base-text")), null);
  assert.deepEqual(problems, []);
  await context.close();
});

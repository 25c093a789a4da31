// Workbooks that could freeze or exhaust the tab: each is generated here (a bomb is never
// committed), read in the authoring worker, and refused with a word that names what and where;
// the dispute shown before is a click away, and the page answers throughout.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useSuite, openApp } from "./harness.mjs";
import { zip } from "./zip.mjs";

const suite = useSuite();

const workbookParts = (sheet) =>
  new Map([
    ["[Content_Types].xml", Buffer.from("<Types/>")],
    ["xl/workbook.xml", Buffer.from('<workbook><sheets><sheet name="Statements" sheetId="1" r:id="rId1"/></sheets></workbook>')],
    ["xl/_rels/workbook.xml.rels", Buffer.from('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')],
    ["xl/worksheets/sheet1.xml", sheet],
  ]);

async function openFile(page, name, buffer) {
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByLabel("Open a dispute file…").setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
}

test("a workbook that would inflate to hundreds of megabytes is refused by name, and the dispute shown before comes back", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  const bomb = zip(workbookParts(Buffer.alloc(300 * 1024 * 1024, "0")), { deflate: true });
  assert.ok(bomb.length < 2 * 1024 * 1024, `the bomb is small (${bomb.length} bytes)`);
  await openFile(page, "bomb.xlsx", bomb);
  const alert = page.getByRole("alert").filter({ hasText: "bomb.xlsx could not be opened" });
  await alert.waitFor({ timeout: 20000 });
  assert.match(await alert.innerText(), /The Statements sheet expands to more than 64 MB; this is not a workbook the app can open/);
  await page.getByRole("button", { name: "Back to the bundled dispute" }).click();
  await page.locator("[data-testid='map'] [data-kind='party']").first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a workbook that lies about its size, one that is encrypted, one with a DTD and a zip of photos are each refused in words", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  const lying = zip(workbookParts(Buffer.alloc(40 * 1024 * 1024, "0")), { deflate: true, declare: { "xl/worksheets/sheet1.xml": 1000 } });
  const doctype = zip(workbookParts(Buffer.from('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><worksheet>&a;</worksheet>')), { deflate: true });
  const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("EncryptedPackage", "utf16le")]);
  const photos = zip(new Map([["holiday.jpg", Buffer.from([0xff, 0xd8, 0xff])], ["notes.txt", Buffer.from("hello")]]));
  const cases = [
    ["lying.xlsx", lying, /The Statements sheet (does not inflate as it declares|inflates to more than)/],
    ["dtd.xlsx", doctype, /holds a document type declaration/],
    ["locked.xlsx", encrypted, /encrypted \(protected by a password\)/],
    ["photos.xlsx", photos, /zip archive of something else \(it holds holiday\.jpg, notes\.txt\)/],
  ];
  for (const [name, bytes, expected] of cases) {
    await openFile(page, name, bytes);
    const alert = page.getByRole("alert").filter({ hasText: `${name} could not be opened` });
    await alert.waitFor({ timeout: 20000 });
    assert.match(await alert.innerText(), expected, name);
    assert.doesNotMatch(await alert.innerText(), /unreachable|RuntimeError/, "no trap's name as a message");
  }
  assert.deepEqual(problems, []);
  await context.close();
});

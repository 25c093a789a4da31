// Authoring without JSON: the dispute as a workbook and back, in the browser, nothing uploaded.
// The workbook the app saves is opened here as a spreadsheet program would see it (a zip of XML
// sheets), edited cell by cell, and opened in the app again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useSuite, openApp, appReady, bundledDataset, chooseFromMenu } from "./harness.mjs";
import { unzip, zip } from "./zip.mjs";

const suite = useSuite();

/** The sheets of a workbook's entries, by name, each with the path of its XML. */
function sheetPaths(entries) {
  const workbook = entries.get("xl/workbook.xml").toString("utf8");
  const names = [...workbook.matchAll(/<sheet name="([^"]+)"/g)].map(([, name]) => name);
  return new Map(names.map((name, index) => [name, `xl/worksheets/sheet${index + 1}.xml`]));
}

const escape = (text) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const cell = (reference, text) => `<c r="${reference}" t="inlineStr"><is><t xml:space="preserve">${escape(text)}</t></is></c>`;

/** A sheet's XML with the cell at `reference` holding `text`, as typed over it. */
function setCell(xml, reference, text) {
  const existing = new RegExp(`<c r="${reference}"[^>]*?(/>|>[\\s\\S]*?</c>)`);
  assert.match(xml, existing, `the sheet has a cell ${reference}`);
  return xml.replace(existing, () => cell(reference, text));
}

/** A sheet's XML with a row added under the last one. */
function addRow(xml, row, cells) {
  const markup = `<row r="${row}">${Object.entries(cells).map(([column, text]) => cell(`${column}${row}`, text)).join("")}</row>`;
  return xml.replace("</sheetData>", () => `${markup}</sheetData>`).replace(/<dimension ref="A1:([A-Z]+)\d+"\/>/, (_, column) => `<dimension ref="A1:${column}${row}"/>`);
}

async function downloadWorkbook(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, "Download as spreadsheet")]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

async function open(page, name, bytes) {
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByLabel("Open a dispute file…").setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
}

test("the spreadsheet tools load only when asked; a saved workbook, edited as in a spreadsheet program, reopens with exactly its edits", async () => {
  const dataset = await bundledDataset();
  const { page, context, problems } = await openApp(suite.browser, suite.server);
  const fetched = () => page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name));
  assert.ok(!(await fetched()).some((url) => url.includes("dispute-map-author")), "the viewer does not fetch the spreadsheet tools");

  const saved = await downloadWorkbook(page);
  assert.equal(saved.name, `${dataset.dispute.id}.xlsx`);
  assert.equal(saved.bytes.subarray(0, 2).toString(), "PK", "an .xlsx file is a zip");
  const entries = unzip(saved.bytes);
  const sheets = sheetPaths(entries);
  assert.deepEqual([...sheets.keys()], ["README", "About", "Dispute", "Sources", "Parties", "Contracts", "Clauses", "Wording", "Readings", "Statements", "Events", "Conflicts", "Sides", "Tour"]);
  const parties = entries.get(sheets.get("Parties")).toString("utf8");
  assert.match(parties, /<c r="B1"[^>]*>/, "the Parties sheet has headers");

  // A renamed party and a new statement, its quote copied from the article's text.
  const source = dataset.sources.find((candidate) => candidate.text);
  const quote = source.text.split(". ")[0];
  const statementsPath = sheets.get("Statements");
  const statementsRow = dataset.statements.length + 2;
  const edited = new Map(entries);
  edited.set(sheets.get("Parties"), Buffer.from(setCell(parties, "B2", "Renamed Party")));
  edited.set(statementsPath, Buffer.from(addRow(entries.get(statementsPath).toString("utf8"), statementsRow, {
    A: "added-in-a-spreadsheet", C: "The report", D: "outlet-analysis", E: "asserted", F: source.id, H: dataset.parties[0].id, I: quote, J: "The report's opening, added by hand.",
  })));
  const before = suite.server.requests.length;
  await open(page, "edited.xlsx", zip(edited));
  await page.locator(`[data-testid='map'] [data-kind='party'][data-id='${dataset.parties[0].id}']`, { hasText: "Renamed Party" }).waitFor();
  assert.match(await page.locator("header").innerText(), /From your file edited\.xlsx/);
  await page.evaluate(() => { location.hash = "#/statement/added-in-a-spreadsheet"; });
  const details = page.locator("[data-testid='details']");
  await details.locator("mark", { hasText: quote.slice(0, 40) }).first().waitFor();
  // Nothing was sent: the only requests were for the spreadsheet tools' own code.
  const requested = suite.server.requests.slice(before).map((request) => request.url ?? String(request));
  assert.ok(requested.every((url) => /dispute-map-author/.test(url)), `only the tools were fetched: ${requested.join(", ")}`);

  // Download JSON now gives the edited dispute, with the new statement word for word.
  const [json] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, "Download JSON")]);
  const file = JSON.parse(await readFile(await json.path(), "utf8"));
  assert.equal(file.parties[0].name, "Renamed Party");
  assert.equal(file.statements.at(-1).quote, quote);
  assert.equal(file.statements.length, dataset.statements.length + 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a workbook with a broken reference and a quote not in its source names each cell; nothing is lost", async () => {
  const { page, context } = await openApp(suite.browser, suite.server);
  const saved = await downloadWorkbook(page);
  const entries = unzip(saved.bytes);
  const sheets = sheetPaths(entries);
  const statements = entries.get(sheets.get("Statements")).toString("utf8");
  const broken = new Map(entries);
  broken.set(sheets.get("Statements"), Buffer.from(setCell(setCell(statements, "F3", "no-such-source"), "I2", "words no article has")));
  await open(page, "broken.xlsx", zip(broken));
  const alert = page.getByRole("alert");
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /Statements!F3 \(source\): no source with id "no-such-source"/);
  assert.match(text, /Statements!I2 \(quote\): "words no article has" is not found verbatim in source/);
  await page.getByRole("link", { name: "Open the bundled dispute instead" }).click();
  await page.locator("[data-testid='map'] [data-kind='party'][data-id='microsoft']").first().waitFor();
  await context.close();
});

test("the blank workbook has the README sheet and every sheet's headers", async () => {
  const { page, context } = await openApp(suite.browser, suite.server);
  const [download] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, "Download a blank spreadsheet")]);
  assert.equal(download.suggestedFilename(), "dispute-template.xlsx");
  const entries = unzip(await readFile(await download.path()));
  const sheets = sheetPaths(entries);
  assert.equal([...sheets.keys()][0], "README");
  const strings = entries.get("xl/sharedStrings.xml").toString("utf8");
  for (const header of ["speaker.party", "date.precision", "quote", "claimants"]) assert.ok(strings.includes(`>${header}<`), header);
  assert.match(strings, /separated by \|/);
  await context.close();
});

test("the quote picker makes a statement from selected words, verbatim; the draft survives a reload until it is downloaded or discarded", async () => {
  const dataset = await bundledDataset();
  const source = dataset.sources.find((candidate) => candidate.text);
  const { page, context, problems } = await openApp(suite.browser, suite.server, { hash: `#/source/${source.id}` });
  const details = page.locator("[data-testid='details']");
  await details.locator("summary", { hasText: "Full text" }).click();
  // Without a selection the button says what to do.
  await details.getByRole("button", { name: "Make a statement from this" }).click();
  await details.getByText("Select words in the text above first").waitFor();
  // Select words inside one paragraph, as a mouse would.
  const words = await page.evaluate(() => {
    const paragraph = [...document.querySelectorAll("[data-testid='details'] [data-testid='source-text'] p")].find((p) => p.textContent.split(" ").length > 12);
    const node = paragraph.querySelector("bdi").firstChild;
    const start = node.textContent.indexOf(" ") + 1;
    const end = node.textContent.split(" ").slice(0, 9).join(" ").length;
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return node.textContent.slice(start, end);
  });
  assert.ok(source.text.includes(words), "the selection is the article's own words");
  await details.getByRole("button", { name: "Make a statement from this" }).click();
  // The form is an authoring screen, fetched on first use, in place of the views.
  const form = page.getByRole("form", { name: "A new statement" });
  await form.waitFor();
  assert.equal((await form.locator("blockquote").innerText()).trim(), words);
  // Add with nothing filled in names what is missing, and nothing changes.
  await form.getByRole("button", { name: "Add" }).click();
  await form.getByRole("alert").getByText("Who said it").waitFor();
  await form.getByLabel("Speaks for").selectOption("microsoft");
  await form.getByLabel("Who said it, as the source puts it").fill("The report");
  await form.getByLabel("Attribution").selectOption("outlet-paraphrase");
  await form.getByLabel("About (choose one or more)").selectOption(["microsoft", dataset.clauses[0].id]);
  await form.getByLabel("Summary, in your words").fill("Made with the quote picker.");
  await form.getByRole("button", { name: "Add" }).click();
  const id = `${source.id}-added-1`;
  await page.waitForFunction((id) => location.hash.endsWith(`/statement/${id}`), id);
  await details.locator("mark", { hasText: words }).first().waitFor();
  const header = page.locator("header");
  await header.getByText("Unsaved edits").waitFor();
  assert.match(await header.innerText(), /kept in this browser until you download them/);

  // A reload offers the draft back.
  await page.reload();
  await appReady(page);
  await header.getByText("Your unsaved edits to the bundled dispute are kept in this browser.").waitFor();
  await header.getByRole("button", { name: "Open them" }).click();
  await header.getByText("Unsaved edits").waitFor();
  await page.evaluate((id) => { location.hash = `#/statement/${id}`; }, id);
  await details.locator("mark", { hasText: words }).first().waitFor();

  // Downloaded, the statement is in the JSON word for word, and the draft is gone.
  const [json] = await Promise.all([page.waitForEvent("download"), chooseFromMenu(page, "Download JSON")]);
  const file = JSON.parse(await readFile(await json.path(), "utf8"));
  const made = file.statements.find((statement) => statement.id === id);
  assert.equal(made.quote, words);
  assert.equal(made.source, source.id);
  assert.deepEqual(made.speaker, { party: "microsoft", description: "The report" });
  assert.equal(made.attribution, "outlet-paraphrase");
  await header.getByText("Edits downloaded").waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem("dispute-map-draft")), null);

  // Discard goes back to the bundled dispute.
  await header.getByRole("button", { name: "Discard edits" }).click();
  await page.waitForFunction(() => !document.querySelector("[data-testid='edits']"));
  assert.deepEqual(problems, []);
  await context.close();
});

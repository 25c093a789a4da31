// Hostile and huge input, as an attacker or an unlucky user sends it: addresses off the origin,
// direction-changing characters, files of tens of thousands of statements and of 50 MB, answers
// that never come, oversized strings and broken text. Every case ends with a clear role="alert"
// message or a correct drawing, no uncaught exception, no request off the origin, and a view tab
// that still answers a click. The suite makes its own inputs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launchBrowser, openApp, schemaExample, repoRoot, chooseFromMenu, settled } from "./harness.mjs";

const suite = {};
const generated = (parties, contracts, clauses, statements) =>
  execFileSync("cargo", ["run", "--quiet", "--release", "-p", "dispute-cli", "--bin", "generate-dispute", "--", String(parties), String(contracts), String(clauses), String(statements)], {
    cwd: repoRoot,
    maxBuffer: 256 * 1024 * 1024,
  });

before(async () => {
  const folder = await mkdtemp(join(tmpdir(), "dispute-map-hostile-"));
  const write = async (name, body) => {
    const file = join(folder, name);
    await writeFile(file, body);
    return file;
  };
  suite.example = JSON.parse(await schemaExample());
  // The README's large dispute, 20,000 statements, and a file of about 50 MB.
  const large = generated(500, 2000, 5000, 20000);
  const huge = generated(900, 4500, 11000, 104000);
  suite.hugeSize = huge.length;
  // Another origin: the same kind of server on another port, which lets anyone read its files.
  suite.other = await startServer({ headers: { "access-control-allow-origin": "*" } });
  // A host page that lists that origin and embeds a map of a file there.
  const allowed = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Allowed</title>
    <meta name="dispute-map-allowed-origins" content="${suite.other.origin}"></head><body>
    <div id="map" data-dispute-map data-src="${suite.other.origin}/fixtures/schema-example.json" data-view="list"></div>
    <script type="module" src="/tools/dispute-map/dispute-map.js"></script></body></html>`;
  suite.files = {
    "/large.json": await write("large.json", large),
    "/huge.json": await write("huge.json", huge),
    "/intranet/allowed.html": await write("allowed.html", allowed),
  };
  suite.server = await startServer({ files: suite.files });
  suite.browser = await launchBrowser();
});

after(async () => {
  await suite.browser?.close();
  await suite.server?.close();
  await suite.other?.close();
});

/** The page's alert text, once it shows. */
async function alertText(page) {
  const alert = page.locator("[role='alert']").first();
  await alert.waitFor();
  return alert.innerText();
}

/** A view tab still answers: the Timeline opens and then the List. */
async function tabsAnswer(page) {
  await page.getByRole("link", { name: "Timeline" }).click();
  await page.getByTestId("timeline").waitFor();
  await page.getByRole("link", { name: "List" }).click();
  await page.getByTestId("list").waitFor();
}

/** Requests any of the page's loads made, by origin. */
function offOrigin(page, origin) {
  const seen = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:")) seen.push(url);
  });
  return seen;
}

test("?data= on another origin, a data:, blob: or javascript: address is refused, naming the rule, and never requested", async () => {
  const elsewhere = `${suite.other.origin}/fixtures/schema-example.json`;
  const carried = `data:application/json,${encodeURIComponent(JSON.stringify(suite.example))}`;
  const cases = [
    [elsewhere, `is another origin than this page's (${suite.server.origin})`],
    [carried, "not data: ones"],
    ["blob:http://127.0.0.1/whatever", "not blob: ones"],
    ["javascript:alert(1)", "not javascript: ones"],
  ];
  for (const [address, message] of cases) {
    const before = suite.other.requests.length;
    const { page, context, problems } = await openApp(suite.browser, suite.server, { query: `?data=${encodeURIComponent(address)}` });
    const text = await alertText(page);
    assert.ok(text.includes("refused") && text.includes(message), `${address}: ${text}`);
    assert.ok(text.includes("dispute-map-allowed-origins") || !message.includes("origin"), "the message names the way to allow an origin");
    assert.equal(suite.other.requests.length, before, `${address}: no request went out`);
    assert.deepEqual(problems.filter((problem) => !problem.startsWith("request failed")), []);
    await context.close();
  }
});

test("a redirect off the origin is refused and not followed", async () => {
  const before = suite.other.requests.length;
  const context = await suite.browser.newContext();
  await context.route((url) => url.pathname === "/fixtures/moved.json", (route) =>
    route.fulfill({ status: 302, headers: { location: `${suite.other.origin}/fixtures/schema-example.json` } }),
  );
  const page = await context.newPage();
  await page.goto(`${suite.server.appUrl}?data=/fixtures/moved.json`);
  const text = await alertText(page);
  assert.match(text, /refused: the server answered with a redirect/);
  assert.equal(suite.other.requests.length, before, "the redirect's target was never asked");
  await context.close();
});

test("an origin the page lists in its meta tag is allowed", async () => {
  const context = await suite.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(`${suite.server.origin}/intranet/allowed.html`);
  await page.locator("#map [data-testid='list'] [data-kind='party'][data-id='northwind']").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("direction-changing characters in the file never reorder the app's own text", async () => {
  const dispute = structuredClone(suite.example);
  // An unclosed right-to-left override at the end of names, dates and summaries.
  dispute.parties[0].name = "Northwind\u202E";
  dispute.parties[0].role = "Claimant\u202E";
  dispute.events[0].title = "Supply agreement signed\u202E";
  dispute.events[0].date.text = "2024\u202E";
  const { page, context, problems } = await openApp(suite.browser, suite.server, {
    query: "?data=/fixtures/bidi.json",
    hash: "#/list",
    bodies: { "/fixtures/bidi.json": Buffer.from(JSON.stringify(dispute)) },
  });
  await page.getByTestId("list").waitFor();
  // The app's words after each piece of file text read left to right: "(year, happened)" keeps
  // its opening bracket on the left.
  const reversed = await page.evaluate(() => {
    const found = [];
    const walker = document.createTreeWalker(document.querySelector("[data-testid='list']"), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest("bdi")) continue;
      const text = node.data;
      const open = text.indexOf("(");
      const close = text.indexOf(")", open);
      if (open < 0 || close < 0) continue;
      const at = (offset) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect().x;
      };
      if (at(open) > at(close)) found.push(text);
    }
    return found;
  });
  assert.deepEqual(reversed, [], "no text of the app's own is drawn right to left");
  await page.locator("[data-testid='list'] [data-kind='party'][data-id='northwind']").first().click();
  await page.locator("[data-testid='details'] h2").waitFor();
  // On the map too: the word the app puts before the name still reads left to right.
  await page.getByRole("link", { name: "Map", exact: true }).click();
  const caption = await page.locator("[data-testid='map'] [data-kind='party'][data-id='northwind'] text").evaluate((text) => {
    const word = text.textContent.indexOf("CLAIMANT");
    return [text.getStartPositionOfChar(word).x, text.getStartPositionOfChar(word + 7).x];
  });
  assert.ok(caption[0] < caption[1], `"CLAIMANT" reads left to right: ${caption}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the README's large dispute: the list draws a page at a time and every view answers", async () => {
  const { page, context, problems } = await openApp(suite.browser, suite.server, { query: "?data=/large.json" });
  await page.locator("[data-testid='map'] [data-kind='party']").first().waitFor();
  await tabsAnswer(page);
  const drawn = await page.locator("[data-testid='list'] [data-kind='statement']").count();
  assert.ok(drawn > 0 && drawn <= 100, `${drawn} statements drawn at first, a page of them`);
  const more = page.getByTestId("list").locator("section", { hasText: "Statements, by source" }).getByRole("button", { name: /^Show 100 more/ });
  await more.click();
  await page.waitForFunction((before) => document.querySelectorAll("[data-testid='list'] [data-kind='statement']").length > before, drawn);
  // A source's details list its thousands of statements a page at a time too.
  await page.evaluate(() => { location.hash = "#/list/source/report-0"; });
  await page.locator("[data-testid='details'] h2", { hasText: "Synthetic report 0" }).waitFor();
  assert.ok((await page.locator("[data-testid='details'] [data-kind='statement']").count()) <= 100);
  await page.getByRole("link", { name: "Conflicts", exact: true }).click();
  await page.getByTestId("conflicts").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a file of about 50 MB loads, says it is being checked, and leaves every view answering", async () => {
  assert.ok(suite.hugeSize > 45e6, `the file is ${(suite.hugeSize / 1e6).toFixed(0)} MB`);
  const { page, context, problems } = await openApp(suite.browser, suite.server, { query: "?data=/huge.json" });
  await page.locator("[data-testid='map'] [data-kind='party']").first().waitFor({ timeout: 120000 });
  await tabsAnswer(page);
  await page.getByRole("searchbox").fill("statement 103999");
  await page.getByTestId("search-results").locator("[data-kind='statement'][data-id='statement-103999']").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("an answer that never comes times out with a message; Cancel stops a load at once", async () => {
  const context = await suite.browser.newContext();
  // Held for ever: the route is never fulfilled.
  await context.route((url) => url.pathname === "/fixtures/forever.json", () => {});
  const page = await context.newPage();
  await page.goto(`${suite.server.appUrl}?data=/fixtures/forever.json&timeout=2`);
  assert.match(await alertText(page), /forever\.json: no answer within 2 seconds/);
  await page.goto(`${suite.server.appUrl}?data=/fixtures/forever.json`);
  await page.getByRole("button", { name: "Cancel" }).click();
  assert.match(await alertText(page), /loading was cancelled/);
  await page.getByRole("link", { name: "Open the bundled dispute instead" }).click();
  await page.locator("[data-testid='map'] [data-kind='party']").first().waitFor();
  await context.close();
});

test("the user's latest action wins: a file opened while a slow ?data= answer is on its way stays", async () => {
  const context = await suite.browser.newContext();
  const example = await readFile(join(repoRoot, "data", "examples", "harbor-city.json"));
  let answer, delivered;
  const answered = new Promise((resolve) => { answer = resolve; });
  const handled = new Promise((resolve) => { delivered = resolve; });
  await context.route((url) => url.pathname === "/fixtures/slow.json", async (route) => {
    await answered;
    // The app may have stopped the request by now; that is its right.
    await route.fulfill({ body: example, contentType: "application/json" }).catch(() => {});
    delivered();
  });
  const page = await context.newPage();
  await page.goto(`${suite.server.appUrl}?data=/fixtures/slow.json`);
  await page.getByRole("button", { name: "Cancel" }).waitFor();
  await page.getByLabel("Open a dispute file…").setInputFiles({ name: "northwind.json", mimeType: "application/json", buffer: Buffer.from(await schemaExample()) });
  await page.locator("h1", { hasText: "Northwind v. Contoso" }).waitFor();
  answer();
  // The slow answer is in (or was refused by the app), and whatever it set off has run.
  await handled;
  await settled(page);
  assert.match(await page.locator("h1").innerText(), /Northwind v\. Contoso/, "the slow answer did not replace the file");
  await context.close();
});

test("Download PNG of a huge map scales to what a picture holds, and says so", async () => {
  const { page, context } = await openApp(suite.browser, suite.server, { query: "?data=/large.json" });
  await page.locator("[data-testid='map'] [data-kind='party']").first().waitFor();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120000 }), chooseFromMenu(page, "Download PNG")]);
  const png = await readFile(await download.path());
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], "a PNG file");
  assert.ok(png.length > 10000, `a picture, not an empty file (${png.length} bytes)`);
  assert.match(await page.getByRole("status").filter({ hasText: "PNG" }).innerText(), /shows it at \d+%/);
  await context.close();
});

test("long words, CJK, emoji and combining marks stay inside their boxes; nothing scrolls sideways", async () => {
  const dispute = structuredClone(suite.example);
  const word = "Supercalifragilistic".repeat(150);
  dispute.parties[0].summary = word;
    dispute.parties[0].name = "北风公司 🙂 Northwind";
  // Emoji, a family and a flag no emoji font joins, symbols: each wider than a letter.
  dispute.parties[1].name = "🚢🚢 Harbor ⚓️ 👨‍👩‍👧 🇳🇴 Lines ☎ 🎉🎉🎉🎉🎉🎉";
  dispute.clauses[0].title = "唯一的小部件供应商 e\u0301e\u0301e\u0301 🙂🙂";
  dispute.dispute.summary = `${word} ${word}`;
  for (const [size, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 390, height: 844 }]]) {
    const { page, context, problems } = await openApp(suite.browser, suite.server, {
      viewport,
      query: "?data=/fixtures/wide.json",
      hash: "#/party/northwind",
      bodies: { "/fixtures/wide.json": Buffer.from(JSON.stringify(dispute)) },
    });
    await page.locator("[data-testid='details'] h2").waitFor();
    for (const hash of ["#/party/northwind", "#/list", "#/map"]) {
      await page.evaluate((next) => { location.hash = next; }, hash);
      await page.locator("[data-testid='details'] h2").waitFor();
      const sideways = await page.evaluate(() => [document.documentElement, ...document.querySelectorAll("[data-testid='details'] > *, [data-testid='list']")]
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.className || element.tagName));
      assert.deepEqual(sideways, [], `${size} ${hash}: nothing scrolls sideways`);
    }
    const overflows = await page.evaluate(() => {
      const found = [];
      for (const entity of document.querySelectorAll("[data-testid='map'] [data-kind]")) {
        const box = entity.querySelector("rect");
        for (const text of entity.querySelectorAll(":scope > text")) {
          const bounds = text.getBBox();
          if (bounds.x < box.x.baseVal.value - 0.5 || bounds.x + bounds.width > box.x.baseVal.value + box.width.baseVal.value + 0.5) found.push(text.textContent);
        }
      }
      return found;
    });
    assert.deepEqual(overflows, [], `${size}: labels stay in their boxes`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("ten-megabyte strings: a window of the source around the quote, the rest on request, and the page answers", async () => {
  const dispute = structuredClone(suite.example);
  const padding = "Filler sentence of the long report. ".repeat(280000);
  const source = dispute.sources[0];
  source.text = `${padding}\n${source.text}`;
  dispute.parties[1].summary = "x".repeat(10_000_000);
  const { page, context, problems } = await openApp(suite.browser, suite.server, {
    query: "?data=/fixtures/ten-megabytes.json",
    hash: "#/statement/spokesperson-sole-supplier",
    bodies: { "/fixtures/ten-megabytes.json": Buffer.from(JSON.stringify(dispute)) },
  });
  await page.locator("[data-testid='details'] mark").first().waitFor({ timeout: 60000 });
  await page.getByRole("button", { name: "Read the whole article" }).click();
  await page.getByRole("button", { name: /^Show the whole text \(\d+ more characters\)$/ }).waitFor();
  const drawn = await page.locator("[data-testid='details'] section").innerText();
  assert.ok(drawn.length < 100000, `a window of the text is drawn (${drawn.length} characters), not ${source.text.length}`);
  await page.evaluate(() => { location.hash = "#/party/contoso"; });
  await page.locator("[data-testid='details'] h2", { hasText: "Contoso" }).waitFor();
  assert.match(await page.locator("[data-testid='details']").innerText(), /\(\d+ more characters\)/);
  await tabsAnswer(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test("errors name the real problem: a lone surrogate, an entry nested too deep, a flood of duplicates", async () => {
  const base = JSON.stringify(suite.example);
  const lone = base.replace('"title":"Fictional: Northwind v. Contoso over a supply exclusivity"', '"title":"\\ud800"');
  assert.notEqual(lone, base);
  const deep = base.replace('"summary":"Buyer of widgets."', `"summary":${"[".repeat(400)}${"]".repeat(400)}`);
  assert.notEqual(deep, base);
  const flood = structuredClone(suite.example);
  flood.events = Array.from({ length: 100000 }, () => flood.events[0]);
  const cases = [
    ["lone.json", lone, /title: is not valid text: .*lone surrogate/, /must be a string/],
    ["deep.json", deep, /parties\[1\]/, /no party with id "contoso"/],
    ["flood.json", JSON.stringify(flood), /and 99\d\d\d more problems not listed here/, /events\[99999\]/],
  ];
  for (const [name, body, expected, absent] of cases) {
    const { page, context, problems } = await openApp(suite.browser, suite.server, {
      query: `?data=/fixtures/${name}`,
      bodies: { [`/fixtures/${name}`]: Buffer.from(body) },
    });
    const text = await alertText(page);
    assert.match(text, expected, name);
    assert.doesNotMatch(text, absent, name);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("UTF-16 with its byte order mark opens, through an address and through the file picker, with a warning", async () => {
  const example = JSON.parse(await schemaExample());
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(await schemaExample(), "utf16le")]);
  const { page, context, problems } = await openApp(suite.browser, suite.server, {
    query: "?data=/fixtures/utf16.json",
    bodies: { "/fixtures/utf16.json": utf16 },
  });
  const report = page.locator("[data-testid='details'] [data-testid='file-report']");
  for (const open of [async () => {}, async () => page.getByLabel("Open a dispute file…").setInputFiles({ name: "picked.json", mimeType: "application/json", buffer: utf16 })]) {
    await open();
    await page.locator("header h1", { hasText: example.title }).waitFor();
    await report.waitFor({ state: "attached" });
    assert.match(await report.textContent(), /the file is UTF-16 text; it was read as such/);
  }
  assert.equal(await page.locator("[role='alert']").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("files that are not dispute files are named by what they are, by picker and by address", async () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
  const { page, context } = await openApp(suite.browser, suite.server, {
    query: "?data=/fixtures/photo.json",
    bodies: { "/fixtures/photo.json": png },
  });
  assert.match(await alertText(page), /photo\.json: the file is a PNG image, not a dispute file; the app opens dispute files: JSON/);
  const cases = [
    ["scan.pdf", Buffer.from("%PDF-1.7\n% binary"), /scan\.pdf: the file is a PDF document/],
    ["letter.json", Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(26), Buffer.from("word/document.xml")]), /letter\.json: the file is a Word document/],
    ["holiday.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), /holiday\.jpg: the file is a JPEG image/],
  ];
  for (const [name, buffer, expected] of cases) {
    await page.getByLabel("Open a dispute file…").setInputFiles({ name, mimeType: "application/octet-stream", buffer });
    await page.locator("[role='alert']", { hasText: name }).waitFor();
    assert.match(await alertText(page), expected);
    assert.doesNotMatch(await alertText(page), /UTF-8/);
  }
  await context.close();
});

// The seam checker checked: small trees that break each promise, which it must report, and
// their mended twins, which it must pass. ./dev test runs this as the "tools" layer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { seamProblems, useTreePaths, selectorClasses, rustCode } from "./seams.mjs";

/** A tree of `files` (path → text) in a fresh folder, removed after `check` has looked at it. */
function withTree(files, check) {
  const root = mkdtempSync(join(tmpdir(), "seams-"));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return check(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const problemsOf = (files) => withTree(files, (root) => seamProblems(root).problems);

const PAGE_TABLE = `pub const WORK: &str = "__disputeMapWork";\n`;

test("use trees name every path they hold", () => {
  assert.deepEqual(useTreePaths("crate::loading::show_edited"), ["crate::loading::show_edited"]);
  assert.deepEqual(useTreePaths("crate::{host_page::{self, work}, state::Loaded as L}").sort(), ["crate::host_page", "crate::host_page::work", "crate::state::Loaded"]);
  assert.deepEqual(useTreePaths("super::*"), ["super"]);
});

test("comments, strings and the test module are not code", () => {
  const code = rustCode('// crate::a::f()\nlet s = "crate::b::g";\nfn x() {}\n#[cfg(test)]\nmod tests { use crate::c; }\n');
  assert.ok(!code.includes("crate::a") && !code.includes("crate::b") && !code.includes("crate::c"), code);
  assert.ok(code.includes("fn x()"));
});

test("a circle through a function call is reported", () => {
  const problems = problemsOf({
    "src/lib.rs": "mod authoring; mod loading;\n",
    "src/loading.rs": "pub fn load() { crate::authoring::close_screen(); }\n",
    "src/authoring.rs": "use crate::loading::load;\npub fn close_screen() {}\npub fn open() { load(); }\n",
    "crates/core/src/page.rs": PAGE_TABLE,
  });
  assert.deepEqual(problems, ["import circle: authoring → loading → authoring"]);
});

test("a circle through a grouped use tree and through super is reported", () => {
  const grouped = problemsOf({
    "src/a.rs": "use crate::{b::{self, f}};\n",
    "src/b.rs": "pub fn f() { crate::a::g(); }\n",
  });
  assert.deepEqual(grouped, ["import circle: a → b → a"]);
  const viaSuper = problemsOf({
    "src/components/mod.rs": "pub mod map; pub mod shell;\n",
    "src/components/map.rs": "use super::shell::Shell;\n",
    "src/components/shell.rs": "pub fn s() { super::map::draw(); }\n",
  });
  assert.deepEqual(viaSuper, ["import circle: components::map → components::shell → components::map"]);
});

test("what both sides need, moved below both, ends the circle", () => {
  const problems = problemsOf({
    "src/drafts.rs": "pub fn close_screen() {}\n",
    "src/loading.rs": "pub fn load() { crate::drafts::close_screen(); }\n",
    "src/authoring.rs": "use crate::loading::load;\nuse crate::drafts;\npub fn open() { load(); drafts::close_screen(); }\n",
  });
  assert.deepEqual(problems, []);
});

test("a test's selector naming a class is reported, even inside a condition", () => {
  const problems = problemsOf({
    "tests/browser/a.test.mjs": 'page.locator(phone ? ".prerendered.narrow" : "[data-testid=\'map\']");\npage.locator("[data-kind=\'party\'][data-id=\'a.b\']");\n',
  });
  assert.equal(problems.length, 1, problems.join("\n"));
  assert.match(problems[0], /a\.test\.mjs:1: .*"prerendered"/);
});

test("a script changing a class the components draw is reported; its own page classes are not", () => {
  const problems = problemsOf({
    "src/components/map.rs": 'view! { <g class="node" class:selected=selected></g> }\n',
    "web/responder.js": 'entity.classList.add("selected");\ndocument.documentElement.classList.add("loading-data");\nhost.querySelector(".node");\n',
  });
  assert.equal(problems.length, 2, problems.join("\n"));
  assert.match(problems[0], /responder\.js:3: selector "\.node"/);
  assert.match(problems[1], /responder\.js:1: classList\.add names "selected"/);
});

test("a shared name is declared once, in the table", () => {
  const problems = problemsOf({
    "crates/core/src/page.rs": PAGE_TABLE,
    "crates/editor/src/bridge.rs": 'let f = js_sys::Reflect::get(&global, &"__disputeMapWork".into());\n',
    "web/loader.js": "globalThis.__disputeMapWork = () => 1;\nglobalThis.__disputeMapOther = 2;\n",
  });
  assert.equal(problems.length, 2, problems.join("\n"));
  assert.match(problems.find((problem) => problem.startsWith("web/")), /__disputeMapOther is shared with the app but not declared/);
  assert.match(problems.find((problem) => problem.startsWith("crates/")), /bridge\.rs:1: writes the shared name "__disputeMapWork" again/);
});

test("selectors' classes are found outside attribute values only", () => {
  assert.deepEqual(selectorClasses("[data-id='a.b'] .node"), ["node"]);
  assert.deepEqual(selectorClasses("h1.details, svg > g.lane"), ["details", "lane"]);
  assert.deepEqual(selectorClasses("input[type='search']"), []);
});

// The seams the project promises, checked (./dev test runs this):
// 1. no import circle between the app's modules (src/): a module's `use crate::<module>` lines
//    are its edges, and the graph they make has no cycle;
// 2. the browser tests reach the page only through the stable interface: no selector in
//    tests/browser/ names a CSS class.
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const problems = [];

// ---- 1. Import circles ----
function rustFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? rustFiles(path) : entry.name.endsWith(".rs") ? [path] : [];
  });
}
/** src/components/map.rs is components::map; src/components/mod.rs is components. */
function moduleOf(path) {
  const parts = relative(join(root, "src"), path).replace(/\.rs$/, "").split("/");
  if (parts.at(-1) === "mod") parts.pop();
  return parts.join("::");
}
const modules = new Map();
for (const path of rustFiles(join(root, "src"))) {
  const name = moduleOf(path);
  if (name === "lib" || name === "main" || name.startsWith("bin")) continue;
    // Code only: no tests, no comments.
  const text = readFileSync(path, "utf8")
    .replace(/#\[cfg\(test\)\][\s\S]*$/, "")
    .replace(/\/\/.*$/gm, "");
  const edges = new Set();
  for (const match of text.matchAll(/crate::([a-z_]+(?:::[a-z_]+)*)/g)) {
    // The longest known module named by the path: crate::components::map::Map is components::map.
    const segments = match[1].split("::");
    for (let length = segments.length; length > 0; length -= 1) {
      const candidate = segments.slice(0, length).join("::");
      if (candidate !== name) {
        edges.add(candidate);
        break;
      }
    }
  }
  modules.set(name, edges);
}
for (const [name, edges] of modules) modules.set(name, new Set([...edges].filter((edge) => modules.has(edge) && edge !== name && !name.startsWith(`${edge}::`))));
const state = new Map();
const stack = [];
function visit(name) {
  state.set(name, "open");
  stack.push(name);
  for (const next of modules.get(name)) {
    if (state.get(next) === "open") problems.push(`import circle: ${[...stack.slice(stack.indexOf(next)), next].join(" → ")}`);
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(name, "done");
}
for (const name of modules.keys()) if (!state.has(name)) visit(name);

// ---- 2. Tests name no CSS class ----
const SELECTOR_CALLS = /\b(locator|querySelector|querySelectorAll|waitForSelector|closest|\$\$?|\$eval|\$\$eval)\(\s*(["'`])((?:\\.|(?!\2).)*)\2/g;
for (const file of readdirSync(join(root, "tests", "browser")).filter((name) => name.endsWith(".mjs"))) {
  const text = readFileSync(join(root, "tests", "browser", file), "utf8");
  for (const match of text.matchAll(SELECTOR_CALLS)) {
    // Attribute values and strings inside the selector may hold dots; classes are outside them.
        const outside = match[3].replace(/\$\{[^}]*\}/g, "x").replace(/\[[^\]]*\]/g, "[]").replace(/(["'])(?:\\.|(?!\1).)*\1/g, "''");
    const classes = outside.match(/(^|[\s>+~,(:*a-z\]])\.-?[_a-zA-Z][\w-]*/g);
    if (classes) {
      const line = text.slice(0, match.index).split("\n").length;
      problems.push(`tests/browser/${file}:${line}: selector "${match[3]}" names a CSS class (${classes.map((found) => found.trim()).join(", ")}); use data-testid, data-kind, data-id, a role or a label`);
    }
  }
}

if (problems.length) {
  console.error(problems.join("\n"));
  console.error(`check-seams: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  process.exit(1);
}
console.log(`check-seams: ${modules.size} modules, no import circle; the browser tests name no CSS class`);

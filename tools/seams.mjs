// The seams the project promises, as a function of a source tree (tools/check-seams.mjs runs it
// on the project; tools/seams.test.mjs on fixture trees that break each promise):
//
// 1. No import circle between the app's modules (src/): every `crate::…` path is an edge, in a
//    `use` tree (`use crate::{a::f, b}`) or in an expression (`crate::a::f()`), as is every
//    `super::…` path; an edge goes to the longest module the path names (`crate::loading::x` is
//    `loading`), and the graph they make has no cycle.
// 2. Scripts reach the app's markup only through the stable interface: no selector in tests/
//    names a CSS class at all, and no script in web/ or tools/ selects, sets or toggles a class
//    the app's components draw (those are the components' own; what a script changes is a data
//    attribute the app sets too).
// 3. Names shared with the page's scripts are declared once: every `__disputeMap…` global a
//    script or crate names is in the one table (crates/core/src/page.rs), and no Rust file but
//    that one writes such a name as a string.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file under `folder` whose name ends with one of `endings`; none if it is absent. */
function filesUnder(folder, endings) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "fixtures" || entry.name === "screenshots" ? [] : filesUnder(path, endings);
    return endings.some((ending) => entry.name.endsWith(ending)) ? [path] : [];
  });
}

/** Rust text without comments, string literals' contents and the test module at the bottom, so
 *  only code is read; positions are kept (blanked characters become spaces). */
export function rustCode(text) {
  const withoutTests = text.replace(/#\[cfg\(test\)\]\s*mod\s+\w+\s*(;|\{[\s\S]*$)/, "");
  let out = "";
  let index = 0;
  const blank = (part) => part.replace(/[^\n]/g, " ");
  while (index < withoutTests.length) {
    const rest = withoutTests.slice(index);
    const comment = rest.match(/^\/\/[^\n]*/) || rest.match(/^\/\*[\s\S]*?\*\//);
    const raw = rest.match(/^r(#*)"[\s\S]*?"\1/);
    const string = rest.match(/^"(?:\\.|[^"\\])*"/);
    const character = rest.match(/^'(?:\\.|[^'\\])'/);
    const found = comment || raw || string || character;
    // A quote after a letter is a lifetime ('a) or a prefix's (b"…"): only a character literal
    // needs the letter test.
    if (found && (comment || raw || string || !/\w/.test(withoutTests[index - 1] ?? " "))) {
      out += comment ? blank(found[0]) : `"${blank(found[0].slice(1, -1))}"`;
      index += found[0].length;
    } else {
      out += withoutTests[index];
      index += 1;
    }
  }
  return out;
}

/** The paths a `use` tree names, from the text after `use `: `crate::{a::{self, f}, b}` is
 *  `crate::a`, `crate::a::f`, `crate::b`. */
export function useTreePaths(tree) {
  const paths = [];
  let index = 0;
  function parse(prefix) {
    let path = prefix;
    while (index < tree.length) {
      const rest = tree.slice(index);
      const space = rest.match(/^\s+/);
      if (space) {
        index += space[0].length;
        continue;
      }
      const segment = rest.match(/^(\w+|\*)/);
      if (segment) {
        index += segment[0].length;
        const alias = tree.slice(index).match(/^\s+as\s+\w+/);
        if (alias) index += alias[0].length;
        path = segment[0] === "self" && path.length ? path : [...path, segment[0]];
        continue;
      }
      if (rest.startsWith("::")) {
        index += 2;
        continue;
      }
      if (rest.startsWith("{")) {
        index += 1;
        for (;;) {
          parse(path);
          const next = tree.slice(index).match(/^\s*([,}])/);
          if (!next) return;
          index += next[0].length;
          if (next[1] === "}") break;
        }
        return;
      }
      break;
    }
    if (path.length > prefix.length || path === prefix) paths.push(path.filter((part) => part !== "*").join("::"));
  }
  parse([]);
  return paths.filter(Boolean);
}

/** src/components/map.rs is components::map; src/components/mod.rs is components. */
function moduleOf(sourceRoot, path) {
  const parts = relative(sourceRoot, path).replace(/\.rs$/, "").split("/");
  if (parts.at(-1) === "mod") parts.pop();
  return parts.join("::");
}

/** The modules of a crate's source folder and the modules each one's code names. */
export function importGraph(sourceRoot) {
  const texts = new Map();
  for (const path of filesUnder(sourceRoot, [".rs"])) {
    const name = moduleOf(sourceRoot, path);
    if (name === "lib" || name === "main" || name === "" || name.startsWith("bin")) continue;
    texts.set(name, rustCode(readFileSync(path, "utf8")));
  }
  const known = new Set(texts.keys());
  /** The longest module `segments` names, or none. */
  const target = (segments) => {
    for (let length = segments.length; length > 0; length -= 1) {
      const candidate = segments.slice(0, length).join("::");
      if (known.has(candidate)) return candidate;
    }
    return null;
  };
  const graph = new Map();
  for (const [name, code] of texts) {
    const edges = new Set();
    const absolute = (path) => {
      const segments = path.split("::");
      if (segments[0] === "crate") return segments.slice(1);
      if (segments[0] === "super") {
        // `super` in components::map is components: each one steps out of a module.
        const base = name.split("::");
        while (segments[0] === "super") {
          segments.shift();
          base.pop();
        }
        return [...base, ...segments];
      }
      return null;
    };
    const add = (path) => {
      const segments = absolute(path);
      const module = segments && target(segments);
      if (module && module !== name) edges.add(module);
    };
    // `use` items, with their trees: the only place a path can be split by braces.
    for (const match of code.matchAll(/\buse\s+((?:crate|super)\b[^;]*);/g)) {
      for (const path of useTreePaths(match[1])) add(path);
    }
    // Paths in expressions and types: `crate::a::f()`, `super::b::T`.
    const outsideUse = code.replace(/\buse\s+(?:crate|super)\b[^;]*;/g, "");
    for (const match of outsideUse.matchAll(/\b((?:crate|super)(?:::\w+)+)/g)) add(match[1]);
    graph.set(name, edges);
  }
  return graph;
}

/** Every cycle the graph has, each as the modules in order with the first repeated. */
export function circles(graph) {
  const found = [];
  const state = new Map();
  const stack = [];
  function visit(name) {
    state.set(name, "open");
    stack.push(name);
    for (const next of [...graph.get(name)].sort()) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(name, "done");
  }
  for (const name of [...graph.keys()].sort()) if (!state.has(name)) visit(name);
  return found;
}

/** The classes the app's components draw: words of the string literals in a `class=`
 *  attribute's line, and `class:name` toggles, in the given Rust source folders. */
export function componentClasses(folders) {
  const classes = new Set();
  for (const path of folders.flatMap((folder) => filesUnder(folder, [".rs"]))) {
    for (const line of readFileSync(path, "utf8").split("\n")) {
      for (const match of line.matchAll(/\bclass:([a-z][\w-]*)/g)) classes.add(match[1]);
      if (!/\bclass\s*=/.test(line)) continue;
      const attribute = line.slice(line.search(/\bclass\s*=/));
      for (const literal of attribute.matchAll(/"((?:\\.|[^"\\])*)"/g)) {
        for (const word of literal[1].replace(/\{[^}]*\}/g, " ").split(/\s+/)) if (/^[a-z][a-z0-9-]*$/.test(word)) classes.add(word);
      }
    }
  }
  return classes;
}

/** The end of the call whose opening bracket is at `open`, skipping strings and nested brackets. */
function closingBracket(text, open) {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    const character = text[index];
    if (character === '"' || character === "'" || character === "`") {
      for (index += 1; index < text.length && text[index] !== character; index += 1) if (text[index] === "\\") index += 1;
    } else if (character === "(") depth += 1;
    else if (character === ")" && --depth === 0) return index;
  }
  return text.length;
}

/** The string literals in `text` (a call's arguments), with `${…}` holes as "x". */
function literals(text) {
  return [...text.matchAll(/(["'`])((?:\\.|(?!\1)[^\\])*)\1/g)].map((match) => match[2].replace(/\$\{[^}]*\}/g, "x"));
}

/** The CSS classes a selector names (outside attribute brackets and quoted strings). */
export function selectorClasses(selector) {
  const outside = selector.replace(/\[[^\]]*\]/g, "[]").replace(/(["'])(?:\\.|(?!\1).)*\1/g, "''");
  return [...outside.matchAll(/(?:^|[\s>+~,(:*a-zA-Z0-9\]\)])\.(-?[_a-zA-Z][\w-]*)/g)].map((match) => match[1]);
}

const SELECTOR_CALL = /\b(locator|querySelector|querySelectorAll|waitForSelector|closest|matches|\$|\$\$|\$eval|\$\$eval)\s*\(/g;
const CLASS_CALL = /\bclassList\s*\.\s*(add|remove|toggle|contains|replace)\s*\(/g;

/** What a script names of the app's markup by class: `[line, what, class]` for each selector's
 *  class, each class a `classList` call changes, and each `className` or `class="…"` it writes. */
export function classUses(text) {
  const uses = [];
  const lineOf = (index) => text.slice(0, index).split("\n").length;
  for (const match of text.matchAll(SELECTOR_CALL)) {
    const open = match.index + match[0].length - 1;
    for (const literal of literals(text.slice(open + 1, closingBracket(text, open)))) {
      for (const name of selectorClasses(literal)) uses.push([lineOf(match.index), `selector "${literal}"`, name]);
    }
  }
  for (const match of text.matchAll(CLASS_CALL)) {
    const open = match.index + match[0].length - 1;
    const [first] = literals(text.slice(open + 1, closingBracket(text, open)));
    if (first) uses.push([lineOf(match.index), `classList.${match[1]}`, first]);
  }
  for (const match of text.matchAll(/\bclassName\s*=\s*(["'`])([^"'`]*)\1|\bclass=\\?["']([^"'\\]*)/g)) {
    for (const name of (match[2] ?? match[3]).split(/\s+/).filter((word) => /^[a-z][\w-]*$/.test(word))) uses.push([lineOf(match.index), "markup", name]);
  }
  return uses;
}

/** The globals shared with the page's scripts that `text` names. */
const SHARED_NAME = /\b__disputeMap[A-Z]\w*/g;

/** The names the one table declares: the string constants of crates/core/src/page.rs. */
export function declaredNames(tablePath) {
  if (!existsSync(tablePath)) return new Set();
  return new Set([...readFileSync(tablePath, "utf8").matchAll(/"(__disputeMap[A-Z]\w*)"/g)].map((match) => match[1]));
}

/**
 * Every seam problem of the tree at `root`, in words. Its layout is the project's: `src/` (the
 * app's modules), `crates/*\/src` and `crates/core/src/page.rs`, `web/`, `tools/`, `tests/`.
 */
export function seamProblems(root) {
  const problems = [];
  const graph = importGraph(join(root, "src"));
  for (const circle of circles(graph)) problems.push(`import circle: ${circle.join(" → ")}`);

  const rustFolders = [join(root, "src"), ...(existsSync(join(root, "crates")) ? readdirSync(join(root, "crates")).map((crate) => join(root, "crates", crate, "src")) : [])];
  const drawn = componentClasses([join(root, "src"), join(root, "crates", "editor", "src")]);
  // The checker's own tests hold broken fixtures as strings: they are not scripts of the page.
  const scripts = (folder) => filesUnder(join(root, folder), [".js", ".mjs"]).filter((path) => !path.endsWith("seams.test.mjs"));
  for (const path of scripts("tests")) {
    const file = relative(root, path);
    for (const [line, what, name] of classUses(readFileSync(path, "utf8"))) {
      if (what.startsWith("selector")) problems.push(`${file}:${line}: ${what} names the CSS class "${name}"; use data-testid, data-kind, data-id, a role or a label`);
    }
  }
  for (const path of [...scripts("web"), ...scripts("tools")]) {
    const file = relative(root, path);
    for (const [line, what, name] of classUses(readFileSync(path, "utf8"))) {
      if (drawn.has(name)) problems.push(`${file}:${line}: ${what} names "${name}", a class the app's components draw; reach their markup by data-testid, data-kind or a data attribute the app sets too`);
    }
  }

  const table = join(root, "crates", "core", "src", "page.rs");
  const declared = declaredNames(table);
  const named = (path) => [...readFileSync(path, "utf8").matchAll(SHARED_NAME)].map((match) => [readFileSync(path, "utf8").slice(0, match.index).split("\n").length, match[0]]);
  for (const path of [...scripts("web"), ...scripts("tools"), ...scripts("tests")]) {
    for (const [line, name] of named(path)) {
      if (!declared.has(name)) problems.push(`${relative(root, path)}:${line}: ${name} is shared with the app but not declared in crates/core/src/page.rs`);
    }
  }
  for (const path of rustFolders.flatMap((folder) => filesUnder(folder, [".rs"]))) {
    if (path === table) continue;
    const code = readFileSync(path, "utf8");
    for (const match of code.matchAll(/"(__disputeMap[A-Z]\w*)"/g)) {
      const line = code.slice(0, match.index).split("\n").length;
      problems.push(`${relative(root, path)}:${line}: writes the shared name "${match[1]}" again; take it from dispute_core::page`);
    }
  }
  return { problems, modules: graph.size };
}

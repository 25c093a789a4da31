// Checks the seams the project promises (tools/seams.mjs says which); ./dev test runs it.
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { seamProblems } from "./seams.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { problems, modules } = seamProblems(root);
if (problems.length) {
  console.error(problems.join("\n"));
  console.error(`check-seams: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  process.exit(1);
}
console.log(`check-seams: ${modules} modules, no import circle; scripts reach the components' markup only through the stable interface; every shared name declared once`);

// `npm run bench`: runs every benchmark in test/bench (or the ones named: `npm run bench -- diff`) in Node.
// Each prints medians and its ratio to a peer measured in the same run, and writes its figures as JSON to
// test/bench/results/<name>.json.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const only = process.argv.slice(2);
const files = readdirSync("test/bench")
  .filter((file) => file.endsWith(".bench.ts") || file.endsWith(".bench.tsx"))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const { status } = spawnSync("npx", ["tsx", `test/bench/${file}`], { stdio: "inherit" });
  if (status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);

// `npm test`: every check, in the order that fails fastest, with one summary line at the end.
import { spawnSync } from "node:child_process";

const steps = [
  ["typecheck", "npm run typecheck"],
  ["lint and format", "npm run lint"],
  ["build", "npm run build"],
  ["unit, node, browser and story tests (React 19)", "npx vitest run"],
  ["publint and attw", "npm run check:package"],
  ["size budget", "npm run size"],
  ["unit tests on React 18", "npm run test:react18"],
];

let passed = 0;
let failed = 0;
for (const [name, command] of steps) {
  console.log(`\n▶ ${name}: ${command}`);
  const started = Date.now();
  const { status } = spawnSync(command, { stdio: "inherit", shell: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (status === 0) {
    passed++;
    console.log(`✔ ${name} (${seconds}s)`);
  } else {
    failed++;
    console.log(`✘ ${name} failed with exit code ${status} (${seconds}s)`);
    if (!process.argv.includes("--keep-going")) break;
  }
}
console.log(`\nsteps: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

// Reruns the unit and node tests on React 18 in a scratch copy of the project, so React 18 and 19 are both
// tested without a second lockfile: the copy shares this checkout's packages (hard links), then installs
// react@18 and react-dom@18 over them.
import { execSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const scratch = mkdtempSync(path.join(tmpdir(), "rfl-react18-"));
// The copy lives in a temporary folder, away from the vendors' schemas beside this checkout: point at them.
const contracts = path.resolve("..", "shared", "contracts");
const run = (command) =>
  execSync(command, { cwd: scratch, stdio: "inherit", env: { ...process.env, RFL_CONTRACTS_DIR: contracts } });
try {
  for (const entry of [
    "package.json",
    "package-lock.json",
    "tsconfig.json",
    "vitest.config.ts",
    "biome.json",
    // The recipe test compares the README's quoted code with the recipe files.
    "README.md",
    "src",
    "test",
    "scripts",
    "stories",
    ".storybook",
    "dist",
  ]) {
    cpSync(entry, path.join(scratch, entry), { recursive: true });
  }
  execSync(`cp -al node_modules ${JSON.stringify(path.join(scratch, "node_modules"))}`);
  run(
    "npm install --no-save --no-audit --no-fund --ignore-scripts react@18 react-dom@18 @types/react@18 @types/react-dom@18",
  );
  run(
    `node -e "const v=require('react/package.json').version; if(!v.startsWith('18.')) { console.error('expected React 18, found ' + v); process.exit(1) } console.log('React ' + v)"`,
  );
  run("npx vitest run --project unit --project node");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

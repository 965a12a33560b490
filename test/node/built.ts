import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, for tests that check the built package. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Fails with a sentence that says what to run when the package has not been built. */
export function requireBuild(): void {
  if (!existsSync(path.join(root, "dist/index.js"))) {
    throw new Error("dist/ is missing: run `npm run build` first (`npm test` builds before it tests).");
  }
}

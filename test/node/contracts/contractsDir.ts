import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * The vendors' own schemas live in `shared/contracts` beside the repository (a checkout puts `shared/` next to
 * it; a worktree one level deeper). `RFL_CONTRACTS_DIR` wins when set. Fails loudly rather than skipping: a
 * contract test that cannot find its contract must not pass.
 */
export function contractsDir(): string {
  const candidates = [
    process.env.RFL_CONTRACTS_DIR,
    path.resolve(repoRoot, "../shared/contracts"),
    path.resolve(repoRoot, "../../shared/contracts"),
  ].filter((candidate): candidate is string => Boolean(candidate));
  const found = candidates.find((candidate) => existsSync(path.join(candidate, "SOURCES.txt")));
  if (!found) {
    throw new Error(`The vendor contracts were not found; looked in ${candidates.join(", ")}. Set RFL_CONTRACTS_DIR.`);
  }
  return found;
}
